"""Bring your own resume: read PDF, DOCX, Markdown/text, rendercv YAML or JSON Resume into the
kit's model, keeping every line that could not be placed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..core.errors import LoadWarning, ResumeError
from ..core.loader import resume_from_data
from .base import Document, ImportResult, Line, Unplaced, check_lines
from .jsonresume import as_data

__all__ = [
    "IMPORT_SUFFIXES",
    "ImportResult",
    "Unplaced",
    "import_file",
    "import_warnings",
]

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
IMPORT_SUFFIXES = {".pdf", ".docx", *TEXT_SUFFIXES}
KIND = {".pdf": "PDF", ".docx": "DOCX", ".txt": "text", ".text": "text"}


def _reader(suffix: str) -> Callable[[Path], Document]:
    if suffix == ".pdf":
        from .pdf import read_lines
    elif suffix == ".docx":
        from .docx import read_lines
    else:
        from .text import read_lines
    return read_lines


def import_file(path: str | Path) -> ImportResult:
    """Read a resume in any supported format; ResumeError naming the file when it cannot."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ResumeError.single(
            str(path),
            "this is an old Word .doc file, which the kit cannot read",
            hint="open it in Word or LibreOffice and save it as .docx (or export a PDF)",
        )
    if suffix in {".yaml", ".yml", ".json"}:
        from .structured import import_structured

        return import_structured(path)
    if suffix not in IMPORT_SUFFIXES:
        raise ResumeError.single(
            str(path),
            f"'{suffix or path.name}' is not a resume format the kit can import",
            hint="use a .pdf, .docx, .md or .txt file, rendercv YAML or JSON Resume",
        )
    document = _reader(suffix)(path)
    result = from_lines(document.lines, str(path), KIND.get(suffix, "Markdown"))
    result.notes.extend(document.notes)
    return result


def from_lines(lines: list[Line], file: str, kind: str) -> ImportResult:
    from .sections import build

    if not lines:
        raise ResumeError.single(file, "the file has no text", hint="export the resume again")
    check_lines(((ln.number, ln.text) for ln in lines), file)  # wrapped lines joined
    data, unplaced = build(lines)
    if not data.get("work") and not data.get("projects"):
        raise ResumeError.single(
            file,
            f"found no experience in this {kind} file ({len(lines)} lines read, "
            f"{len(unplaced)} not placed)",
            hint="the importer looks for a heading such as 'Experience', 'Work Experience' or "
            "'Professional Experience' above your roles; add one and import again",
        )
    # as_data: a field the importer could not fill (None) is left out, not an error
    return ImportResult(file, kind, resume_from_data(as_data(data), file), unplaced)


def import_warnings(result: ImportResult) -> list[LoadWarning]:
    """What a lesson tells the learner when it reads a resume that is not in the kit's YAML."""
    file = result.file
    warnings = [
        LoadWarning(
            file,
            f"read this {result.kind} file in memory; to make your edits stick, run "
            f"`resume-lessons import {file} -o my_resume.yaml` and point the lessons at "
            "my_resume.yaml",
        ),
        *(LoadWarning(file, note) for note in result.notes),
    ]
    if result.unplaced:
        warnings.append(
            LoadWarning(
                file,
                f"{len(result.unplaced)} line(s) could not be placed in the resume; "
                "`resume-lessons import` lists them",
            )
        )
    return warnings
