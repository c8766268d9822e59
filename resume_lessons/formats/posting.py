"""Read a job posting: JSON Resume job YAML or JSON, or text pasted from a job board (.txt, .md).

Every file goes through the kit's bounded readers (``core.files``, ``core.parsing``), so a
missing, empty, binary or huge posting, broken YAML or JSON, a field of the wrong type or a
resume given in its place is a ``ResumeError`` naming the file and the place.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..core import files
from ..core.errors import ResumeError
from ..core.limits import MAX_POSTING_BYTES
from ..core.parsing import load_json, load_yaml
from ..core.posting import RESUME_KEYS, WHAT, Posting, posting_from_data
from .base import check_lines
from .posting_text import parse_posting

# suffix -> how its text is read
KINDS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
KINDS |= {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text"}


_RESUME_HEADINGS = re.compile(
    r"^\W*(?:work |professional )?(experience|education)\W*$", re.IGNORECASE | re.MULTILINE
)
# Headings only a posting has ("Experience" and "Skills" head both).
_POSTING_HEADINGS = re.compile(
    r"^\W*(?:(?:key |main )?responsibilities|requirements|(?:minimum |preferred |basic )?"
    r"qualifications|what you(?:'ll| will) do|what we(?:'re| are) looking for|about the role|"
    r"you will|nice to have|must have)\W*$",
    re.IGNORECASE | re.MULTILINE,
)


def _pasted_resume(text: str) -> bool:
    """A resume pasted as text: Experience and Education headings, none a posting has."""
    found = {m.group(1).lower() for m in _RESUME_HEADINGS.finditer(text.replace("’", "'"))}
    return found == {"experience", "education"} and not _POSTING_HEADINGS.search(
        text.replace("’", "'")
    )


# A YAML or JSON resume: a top-level "basics:" or "work:" key (quoted in JSON)
_RESUME_KEY = re.compile(r'^\s*[{,]?\s*"?(?:basics|work)"?\s*:', re.MULTILINE)


def _refuse_structured_resume(text: str, file: str) -> None:
    """A YAML or JSON resume saved under a text name is still a resume: refuse it as one."""
    if not _RESUME_KEY.search(text):
        return
    try:
        parsed = load_yaml(text, file, what=WHAT)  # JSON is YAML too
    except ResumeError:
        return  # not YAML after all: prose with a "Work:" line
    if isinstance(parsed.data, dict) and any(k in parsed.data for k in RESUME_KEYS):
        posting_from_data(parsed.data, file, parsed.lines)  # raises "looks like a resume"


def _as_text_error(exc: ResumeError) -> ResumeError:
    """A pasted posting is plain text: say so in the hint, not "save it as YAML or JSON"."""
    problems = [
        replace(
            p,
            hint="save the posting as plain UTF-8 text: copy its text from the job "
            "board and paste it into a new .txt or .md file",
        )
        if "binary data" in p.message
        else p
        for p in exc.problems
    ]
    return ResumeError(exc.file, problems, exc.what)


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
            "job YAML or JSON (see the samples in postings/ of your lessons folder)",
            what=WHAT,
        )
    try:
        text = files.read_text(path, MAX_POSTING_BYTES, what=WHAT, empty_ok=True)
    except ResumeError as exc:
        if kind != "text":
            raise
        raise _as_text_error(exc) from None
    if not text.strip():
        raise ResumeError.single(
            file,
            "the file is empty",
            hint="paste the job posting's text into it, or start from a sample in "
            "postings/ of your lessons folder (`resume-lessons lessons DIR` makes one)",
            what=WHAT,
        )
    if kind == "text":
        check_lines(
            enumerate(text.splitlines(), start=1),
            file,
            hint="break the text into its paragraphs and bullets, as the posting shows them",
            what=WHAT,
        )
        _refuse_structured_resume(text, file)
        data, lines = parse_posting(text)
        if _pasted_resume(text):
            raise ResumeError.single(
                file,
                "this looks like a resume, not a posting (it has Experience and Education "
                "sections and no responsibilities or requirements)",
                hint="give the posting second: resume-lessons tailor RESUME POSTING",
                what=WHAT,
            )
        return posting_from_data(data, file, lines).with_lines(lines)
    parsed = (load_yaml if kind == "yaml" else load_json)(text, file, what=WHAT)
    return posting_from_data(parsed.data, file, parsed.lines)
