"""Read a job posting: JSON Resume job YAML or JSON, or text pasted from a job board (.txt, .md).

Every file goes through the kit's bounded readers (``core.files``, ``core.parsing``), so a
missing, empty, binary or huge posting, broken YAML or JSON, a field of the wrong type or a
resume given in its place is a ``ResumeError`` naming the file and the place.
"""

from __future__ import annotations

from pathlib import Path

from ..core import files
from ..core.errors import ResumeError
from ..core.limits import MAX_LINE_CHARS, MAX_POSTING_BYTES
from ..core.parsing import load_json, load_yaml
from ..core.posting import WHAT, Posting, posting_from_data
from .posting_text import parse_posting

# suffix -> how its text is read
KINDS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
KINDS |= {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text"}


def read_posting(path: str | Path) -> Posting:
    """A posting file of any kind the kit reads; ResumeError naming the file otherwise."""
    path = Path(path)
    file = str(path)
    files.check_exists(path, what=WHAT)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:  # before reading a byte
        raise ResumeError.single(
            file,
            f"'{path.suffix or path.name}' is not a posting format the kit reads",
            hint="paste the posting's text into a .txt or .md file, or write it as JSON Resume "
            "job YAML or JSON (see resume_lessons/samples/postings/)",
            what=WHAT,
        )
    text = files.read_text(path, MAX_POSTING_BYTES, what=WHAT, empty_ok=True)
    if not text.strip():
        raise ResumeError.single(
            file,
            "the file is empty",
            hint="paste the job posting's text into it, or start from a sample in "
            "resume_lessons/samples/postings/",
            what=WHAT,
        )
    if kind == "text":
        _check_lines(text, file)
        data, lines = parse_posting(text)
        return posting_from_data(data, file, lines)
    parsed = (load_yaml if kind == "yaml" else load_json)(text, file, what=WHAT)
    return posting_from_data(parsed.data, file, parsed.lines)


def _check_lines(text: str, file: str) -> None:
    """Refuse a line longer than MAX_LINE_CHARS before any pattern reads it."""
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ResumeError.single(
                file,
                f"this line is {len(line):,} characters long; the kit reads lines of up to "
                f"{MAX_LINE_CHARS:,}",
                line=number,
                hint="break the text into its paragraphs and bullets, as the posting shows them",
                what=WHAT,
            )
