"""Bring your own resume: read the kit's YAML, JSON Resume, rendercv YAML, PDF, DOCX or
Markdown/text into the kit's model, keeping every line that could not be placed.

One table, `FORMATS`, says which reader reads which kind of file. A reader turns a file into
plain data (`core.loader.ResumeData`: a dict in JSON Resume form, the line of each key, notes,
the lines it could not place); `core.loader.to_resume` validates that into a `Resume` with
errors that name the place. Readers are imported only when a file of their kind is read, so
pdfplumber and python-docx cost nothing to a YAML user.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from ..core import files
from ..core.errors import LoadWarning, ResumeError
from ..core.loader import LoadedResume, ResumeData, Unplaced, to_resume
from ..core.model import Resume
from .base import Document, ImportResult, check_lines
from .jsonresume import as_data

__all__ = [
    "CLASS_FOLDER_SUFFIXES",
    "FORMATS",
    "SUFFIXES",
    "Format",
    "ImportResult",
    "LoadedResume",
    "ResumeData",
    "Unplaced",
    "import_file",
    "import_warnings",
    "load_resume",
    "load_resume_with_warnings",
    "read_data",
]


@dataclass(frozen=True)
class Format:
    """A kind of resume file: its suffixes, and the reader that turns it into plain data."""

    kind: str  # what the learner is told: "PDF", "Markdown", ...
    suffixes: tuple[str, ...]
    module: str  # a module of this package, imported when a file of this kind is read
    function: str  # path -> ResumeData, or (document=True) path -> Document of lines
    document: bool = False  # a laid-out document: its lines are read into sections
    class_folder: bool = True  # `batch` takes such a file in a class folder for a learner


FORMATS: tuple[Format, ...] = (
    Format("YAML", (".yaml", ".yml"), "structured", "read_yaml"),  # the kit's, or rendercv
    Format("JSON Resume", (".json",), "structured", "read_json"),
    Format("PDF", (".pdf",), "pdf", "read_lines", document=True),
    Format("DOCX", (".docx",), "docx", "read_lines", document=True),
    # Markdown and text stay out of class folders: a README.md there is not a learner.
    Format("Markdown", (".md", ".markdown"), "text", "read_lines", True, class_folder=False),
    Format("text", (".txt", ".text"), "text", "read_lines", True, class_folder=False),
)
SUFFIXES: dict[str, Format] = {s: f for f in FORMATS for s in f.suffixes}
CLASS_FOLDER_SUFFIXES: tuple[str, ...] = tuple(
    s for f in FORMATS if f.class_folder for s in f.suffixes
)
# Kinds the lessons read as they are; any other is converted in memory on every run.
KIT_KINDS = frozenset({"YAML", "JSON Resume"})
# Files people try that no reader takes, with what to do instead.
REFUSED = {
    ".doc": (
        "this is an old Word .doc file, which the kit cannot read",
        "open it in Word or LibreOffice and save it as .docx (or export a PDF)",
    ),
}


def read_data(path: str | Path) -> ResumeData:
    """Read a resume file of any supported kind into plain data; ResumeError naming the file
    when it is missing, of a kind the kit does not read, or unreadable."""
    path = Path(path)
    files.check_exists(path)
    suffix = path.suffix.lower()
    if suffix in REFUSED:
        message, hint = REFUSED[suffix]
        raise ResumeError.single(str(path), message, hint=hint)
    fmt = SUFFIXES.get(suffix)
    if fmt is None:  # before reading: /dev/zero has no suffix
        raise ResumeError.single(
            str(path),
            f"'{suffix or path.name}' is not a resume format the kit reads",
            hint="use the kit's .yaml, a JSON Resume .json, rendercv YAML, or a .pdf, .docx, "
            ".md or .txt resume",
        )
    read = getattr(importlib.import_module(f".{fmt.module}", __package__), fmt.function)
    if not fmt.document:
        return read(path)
    document: Document = read(path)
    data = from_lines(document, str(path), fmt.kind)
    data.notes.extend(document.notes)
    return data


def from_lines(document: Document, file: str, kind: str) -> ResumeData:
    """A document's lines placed into sections, as JSON Resume data."""
    from .sections import build

    lines = document.lines
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
    return ResumeData(file, kind, as_data(data), unplaced=unplaced)


def load_resume_with_warnings(path: str | Path) -> LoadedResume:
    """Load a resume file of any supported kind, with what the learner should know about it."""
    data = read_data(path)
    loaded = to_resume(data)
    if data.kind not in KIT_KINDS:  # PDF, DOCX, Markdown, text, rendercv: converted in memory
        loaded.warnings.extend(import_warnings(data))
    return loaded


def load_resume(path: str | Path) -> Resume:
    """Load a resume file; raise ResumeError with the file and place when it cannot be used."""
    return load_resume_with_warnings(path).resume


def import_file(path: str | Path) -> ImportResult:
    """Read a resume in any supported format for `resume-lessons import`, keeping aside every
    line that could not be placed; ResumeError naming the file when it cannot."""
    data = read_data(path)
    loaded = to_resume(data)
    notes = [*data.notes, *(str(w) for w in loaded.warnings)]
    return ImportResult(data.file, data.kind, loaded.resume, data.unplaced, notes)


def import_warnings(data: ResumeData) -> list[LoadWarning]:
    """What a lesson tells the learner when it reads a resume that is not in the kit's YAML."""
    file = data.file
    warnings = [
        LoadWarning(
            file,
            f"read this {data.kind} file in memory; to make your edits stick, run "
            f"`resume-lessons import {file} -o my_resume.yaml` and point the lessons at "
            "my_resume.yaml",
        ),
        *(LoadWarning(file, note) for note in data.notes),
    ]
    if data.unplaced:
        warnings.append(
            LoadWarning(
                file,
                f"{len(data.unplaced)} line(s) could not be placed in the resume; "
                "`resume-lessons import` lists them",
            )
        )
    return warnings
