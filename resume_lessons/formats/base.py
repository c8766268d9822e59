"""What the document readers share: logical lines with layout hints, size checks, and the result
of an import."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ResumeError
from ..core.files import read_capped
from ..core.limits import MAX_DOCUMENT_BYTES, MAX_LINE_CHARS
from ..core.loader import Unplaced
from ..core.model import Resume

# Markers people put in front of bullets, including Word's Symbol-font bullet (U+F0B7).
_GLYPHS = "•●◦○▪▫■□‣⁃∙·➢➤►▶✓✔❖◆◇\uf0b7\uf0a7\uf076\uf0d8"  # never start a word
BULLET_MARKERS = "-–—*+" + _GLYPHS
_BULLET = re.compile(
    rf"^\s*(?:[{re.escape(BULLET_MARKERS)}]\s+|\(?\d{{1,2}}[.)]\s+|[{re.escape(_GLYPHS)}])"
)
_LIGATURES = re.compile("[\ufb00-\ufb06]")


@dataclass
class Line:
    """One logical line of a resume: a paragraph, a bullet (wrapped lines joined) or a heading.

    `heading` is the level a format states (Markdown '#', a Word heading style, a large font);
    0 means none. Tabs in `text` separate fields laid out apart (a title left, dates right).
    """

    text: str
    number: int
    bullet: bool = False
    heading: int = 0
    bold: bool = False
    gap_before: bool = False


@dataclass
class Document:
    """What a reader got from a file: its lines, and notes on what it skipped."""

    lines: list[Line]
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    """A resume read from a foreign format, with everything that did not fit kept aside."""

    file: str
    kind: str  # "PDF", "DOCX", "Markdown", "text", "rendercv YAML", "JSON Resume", "YAML"
    resume: Resume
    unplaced: list[Unplaced] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, str]:
        """What was recognised, one phrase per section, for the learner to check."""
        r = self.resume
        basics = r.basics.model_dump()  # with the phone, a JSON Resume field the model keeps
        found = [k for k in ("name", "label", "email", "phone", "url") if basics.get(k)]
        bullets = sum(len(w.highlights) for w in r.work)
        keywords = sum(len(s.keywords) for s in r.skills)
        return {
            "basics": ", ".join(found) or "nothing",
            "summary": "yes" if r.basics.summary else "none found",
            "work": f"{len(r.work)} role(s), {bullets} bullet(s)",
            "projects": f"{len(r.projects)}",
            "publications": f"{len(r.publications)}",
            "skills": f"{len(r.skills)} group(s), {keywords} keyword(s)",
            "education": f"{len(r.education)}",
        }


def split_bullet(text: str) -> tuple[bool, str]:
    """Whether a line starts with a bullet marker, and the text without it."""
    match = _BULLET.match(text)
    if not match:
        return False, text.strip()
    return True, text[match.end() :].strip()


def clean(text: str) -> str:
    """Undo typesetting: ligatures, non-breaking and zero-width spaces, runs of spaces."""
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\u00ad", "")
    return re.sub(r"[ ]{2,}", " ", unicodedata.normalize("NFC", text)).strip()


def join_wrapped(first: str, more: str) -> str:
    """Join a line and its wrapped continuation; a line-end hyphen keeps the word whole."""
    if first.endswith("-") and len(first) > 1 and first[-2].isalpha():
        return first + more.lstrip()
    return f"{first.rstrip()} {more.lstrip()}"


def check_size(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Read a document's bytes: a regular file, not empty, at most `limit` bytes."""
    data = read_capped(path, limit)
    if not data:
        raise ResumeError.single(str(path), "the file is empty", hint="export the resume again")
    return data


def check_lines(
    lines: Iterable[tuple[int, str]],
    file: str,
    *,
    hint: str = "split it into bullets or paragraphs of a few sentences each",
    what: str = "resume",
) -> None:
    """Refuse a line (number, text) longer than MAX_LINE_CHARS: no resume or posting has one,
    and the patterns that read a line could take minutes over it."""
    for number, text in lines:
        if len(text) > MAX_LINE_CHARS:
            raise ResumeError.single(
                file,
                f"this line is {len(text):,} characters long; the kit reads lines of up "
                f"to {MAX_LINE_CHARS:,}",
                line=number,
                hint=hint,
                what=what,
            )
