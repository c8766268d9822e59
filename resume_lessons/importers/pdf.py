"""Text-based PDF resumes, one or two columns, read with pdfplumber."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdftypes import resolve1
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import ResumeError
from ..limits import MAX_PDF_PAGES
from .base import Document, Line, check_size
from .layout import logical_lines, make_row, reading_order


@contextmanager
def _open(path: Path) -> Iterator[Any]:
    file = str(path)
    data = check_size(path)
    if not data.lstrip()[:5] == b"%PDF-":
        raise ResumeError.single(
            file, "this is not a PDF file", hint="export the resume from your editor as PDF"
        )
    try:
        with pdfplumber.open(BytesIO(data), pages=list(range(1, MAX_PDF_PAGES + 1))) as pdf:
            yield pdf
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if "Password" in type(cause).__name__ or "Encryption" in type(cause).__name__:
            raise ResumeError.single(
                file,
                "the PDF is protected with a password",
                hint="save or print an unprotected copy of it and import that",
            ) from None
        raise ResumeError.single(
            file,
            f"the PDF cannot be read ({type(cause).__name__}); it may be damaged or incomplete",
            hint="export the PDF again from the original document",
        ) from None


def read_lines(path: Path) -> Document:
    lines: list[Line] = []
    notes: list[str] = []
    with _open(path) as pdf:
        pages = pdf.pages[:MAX_PDF_PAGES]
        total = _page_count(pdf)
        if total > len(pages) == MAX_PDF_PAGES:
            notes.append(
                f"read only the first {MAX_PDF_PAGES} of the PDF's {total} pages; "
                "a resume is one or two pages, so check that this is the resume"
            )
        page_words = [_words(page, str(path)) for page in pages]
        sizes = [w["size"] for words in page_words for w in words]
        if not sizes:
            raise ResumeError.single(
                str(path),
                "the PDF has no text layer: it looks like a scan or an image",
                hint="export a text PDF from the original document, or use the DOCX; "
                "OCR is not part of the kit",
            )
        body = statistics.median(sizes)
        for page, words in zip(pages, page_words, strict=True):
            dots = [
                (o["x0"], o["top"], o["bottom"])
                for o in [*page.curves, *page.rects]
                if 1 < o["width"] <= 6 and 1 < o["height"] <= 6
            ]
            rows = [make_row(r, dots) for r in reading_order(words, float(page.width))]
            lines.extend(logical_lines(rows, body, len(lines) + 1))
    return Document(lines, notes)


def _page_count(pdf: Any) -> int:
    """The page count the PDF declares, without reading the pages."""
    try:
        count = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
        return int(count)
    except Exception:  # a damaged page tree: the pages that were read are all we know
        return 0


def _words(page: Any, file: str) -> list[dict[str, Any]]:
    try:
        return page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    except Exception as exc:  # pdfminer raises many kinds on a broken content stream
        raise ResumeError.single(
            file,
            f"page {page.page_number} of the PDF cannot be read ({type(exc).__name__})",
            hint="export the PDF again from the original document",
        ) from None
