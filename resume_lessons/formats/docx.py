"""Word (.docx) resumes read with python-docx: heading styles, list numbering and bold runs
become layout hints; paragraphs in tables and text boxes are read in document order."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from ..core.errors import ResumeError
from ..core.limits import MAX_UNZIPPED_BYTES
from .base import Document, Line, check_size, clean, split_bullet

_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_lines(path: Path) -> Document:
    file = str(path)
    data = check_size(path)
    try:
        _check_unzipped(data, file)
        document = docx.Document(BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError) as exc:
        raise ResumeError.single(
            file,
            f"this is not a readable Word .docx file ({type(exc).__name__}); it may be damaged, "
            "cut short, or another format renamed to .docx",
            hint="open it in Word or LibreOffice and save it again as .docx, or export a PDF",
        ) from None
    lines: list[Line] = []
    gap = False
    body = document.element.body
    for element in body.iter(qn("w:p")):
        if any(a.tag == _FALLBACK for a in element.iterancestors()):
            continue  # the same text box again, for old readers
        paragraph = Paragraph(element, document)
        texts = [clean(t) for t in paragraph.text.split("\n")]
        if not any(texts):
            gap = True
            continue
        listed = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
        style = paragraph.style.name if paragraph.style is not None else ""
        heading = _heading_level(style)
        bold = _all_bold(paragraph)
        if listed or "List" in style:  # one bullet, even when it holds line breaks
            texts = [" ".join(t for t in texts if t)]
        for text in filter(None, texts):
            marked, text = split_bullet(text)
            bullet = (listed or "List" in style or marked) and not heading
            lines.append(Line(text, len(lines) + 1, bullet, heading, bold, gap))
            gap = False
    return Document(lines)


def _check_unzipped(data: bytes, file: str) -> None:
    """Refuse a DOCX whose parts unpack to more than MAX_UNZIPPED_BYTES (a "zip bomb");
    zipfile stops each part at its stated size, so the stated sizes are the bound."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNZIPPED_BYTES:
        raise ResumeError.single(
            file,
            f"the parts of this .docx unpack to {unpacked / 1e6:,.0f} MB; the kit unpacks up "
            f"to {MAX_UNZIPPED_BYTES / 1e6:g} MB",
            hint="open it in Word or LibreOffice and save it again, or export a PDF",
        )


def _heading_level(style: str) -> int:
    if style == "Title":
        return 1
    match = re.fullmatch(r"Heading (\d)", style)
    return int(match.group(1)) if match else 0


def _all_bold(paragraph: Paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return bool(runs) and all(r.bold or (r.bold is None and style_bold) for r in runs)
