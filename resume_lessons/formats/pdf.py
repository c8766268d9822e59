"""Text-based PDF resumes, one or two columns, read with pdfplumber.

Bounded like every reader: the first MAX_PDF_PAGES pages are read (the page tree is not
walked further), each compressed stream unpacks to at most MAX_PDF_STREAM_BYTES (a small PDF
can hold a stream that unpacks to gigabytes), and the pages read hold at most MAX_PDF_WORDS
words, which keeps the layout work (columns, rows) to a second or two.
"""

from __future__ import annotations

import itertools
import statistics
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer import pdftypes
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from ..core.errors import ResumeError
from ..core.limits import MAX_PDF_PAGES, MAX_PDF_STREAM_BYTES, MAX_PDF_WORDS
from .base import Document, Line, check_size
from .layout import logical_lines, make_row, reading_order


class _StreamTooLarge(Exception):
    pass


class _BoundedZlib:
    """What pdfminer uses of zlib, with each stream's output capped."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data: bytes) -> bytes:
        unpacker = zlib.decompressobj()
        out = unpacker.decompress(data, MAX_PDF_STREAM_BYTES)
        if unpacker.unconsumed_tail:
            raise _StreamTooLarge
        return out


@contextmanager
def _bounded_streams() -> Iterator[None]:
    """pdfminer unpacks streams with zlib.decompress, which has no cap: swap in one that
    has, for as long as the kit reads a PDF."""
    saved = pdftypes.zlib
    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
    try:
        yield
    finally:
        pdftypes.zlib = saved


@contextmanager
def _open(path: Path) -> Iterator[Any]:
    file = str(path)
    data = check_size(path)
    if not data.lstrip()[:5] == b"%PDF-":
        raise ResumeError.single(
            file, "this is not a PDF file", hint="export the resume from your editor as PDF"
        )
    try:
        with _bounded_streams():
            # Not closed: the bytes are in memory, and PDF.close() walks every page.
            yield pdfplumber.open(BytesIO(data))
    except _StreamTooLarge:
        raise ResumeError.single(
            file,
            f"a part of the PDF unpacks to more than {MAX_PDF_STREAM_BYTES / 1e6:g} MB; a "
            "resume's pages hold far less",
            hint="export the PDF again from the original document, or import the DOCX",
        ) from None
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
        pages = _first_pages(pdf)
        total = _page_count(pdf)
        if total > len(pages) == MAX_PDF_PAGES:
            notes.append(
                f"read only the first {MAX_PDF_PAGES} of the PDF's {total} pages; "
                "a resume is one or two pages, so check that this is the resume"
            )
        page_words: list[list[dict[str, Any]]] = []
        for page in pages:  # page by page, so a page past the word budget is not laid out
            page_words.append(_words(page, str(path)))
            _check_words(sum(map(len, page_words)), page.page_number, str(path))
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


def _first_pages(pdf: Any) -> list[Page]:
    """The first MAX_PDF_PAGES pages, without walking the rest of the page tree."""
    pages: list[Page] = []
    top = 0.0
    try:
        found = itertools.islice(PDFPage.create_pages(pdf.doc), MAX_PDF_PAGES)
        for number, obj in enumerate(found, start=1):
            pages.append(Page(pdf, obj, page_number=number, initial_doctop=top))
            top += pages[-1].height
    except _StreamTooLarge:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a broken page tree
        raise PdfminerException(exc) from None
    return pages


def _page_count(pdf: Any) -> int:
    """The page count the PDF declares, without reading the pages."""
    try:
        count = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
        return int(count)
    except Exception:  # a damaged page tree: the pages that were read are all we know
        return 0


def _words(page: Any, file: str) -> list[dict[str, Any]]:
    try:
        words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    except Exception as exc:  # pdfminer raises many kinds on a broken content stream
        if _StreamTooLarge in {type(e) for e in (exc, *exc.args, exc.__cause__)}:
            raise _StreamTooLarge from None  # pdfplumber wraps it
        raise ResumeError.single(
            file,
            f"page {page.page_number} of the PDF cannot be read ({type(exc).__name__})",
            hint="export the PDF again from the original document",
        ) from None
    return words


def _check_words(count: int, page: int, file: str) -> None:
    if count > MAX_PDF_WORDS:
        raise ResumeError.single(
            file,
            f"the PDF holds more than {MAX_PDF_WORDS:,} words by page {page}; a resume has "
            "about 500 to 1,500",
            hint="check that this is the resume, or import the DOCX or a Markdown copy",
        )
