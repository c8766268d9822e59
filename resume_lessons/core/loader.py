"""Turn a resume read into plain data into the model, with errors that name the place.

The readers in `resume_lessons.formats` turn a file (YAML, JSON Resume, rendercv, PDF, DOCX,
Markdown) into a `ResumeData`; this module validates it into a `Resume`. It reads no file and
knows no file format.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from .errors import LoadWarning, Problem, ResumeError
from .model import OTHER_JSON_RESUME_SECTIONS, SECTION_MODELS, Resume
from .parsing import Path_


@dataclass(frozen=True)
class Unplaced:
    """A line a reader kept but could not put into the resume."""

    number: int
    text: str
    section: str

    def __str__(self) -> str:
        where = f" (in {self.section})" if self.section else ""
        return f"line {self.number}{where}: {self.text}"


@dataclass
class ResumeData:
    """What a reader made of a file: plain data in JSON Resume form, the line of each key and
    item it knows, notes on what it skipped, and the lines it could not place."""

    file: str
    kind: str  # "YAML", "JSON Resume", "rendercv YAML", "PDF", "DOCX", "Markdown", "text"
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    warn_unknown_keys: bool = False  # the kit's own YAML: a key it does not know is a warning


@dataclass
class LoadedResume:
    resume: Resume
    file: str
    warnings: list[LoadWarning] = field(default_factory=list)


def to_resume(read: ResumeData) -> LoadedResume:
    """Validate what a reader produced; ResumeError with the file and place when it cannot."""
    resume = resume_from_data(read.data, read.file, read.lines)
    warnings = (
        unknown_key_warnings(read.data, read.file, read.lines) if read.warn_unknown_keys else []
    )
    warnings += _skill_entry_warnings(read.data, read.file, read.lines)
    return LoadedResume(resume, read.file, warnings)


def _skill_entry_warnings(data: Any, file: str, lines: dict[Path_, int]) -> list[LoadWarning]:
    """Skills written one per entry (``- name: Python``): read as one list, and said so."""
    skills = data.get("skills") if isinstance(data, dict) else None
    if not isinstance(skills, list):
        return []
    single = [
        i
        for i, s in enumerate(skills)
        if isinstance(s, dict) and str(s.get("name") or "").strip() and not s.get("keywords")
    ]
    if len(single) < 2:
        return []
    message = (
        f"{len(single)} skills entries name one skill each and list no keywords; the kit reads "
        "their names as one list of skills (skills[0]), to group by pipeline stage in lesson 07"
    )
    return [
        LoadWarning(
            file, message, f"skills[{single[0]}]", _nearest_line(("skills", single[0]), lines)
        )
    ]


def format_location(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _nearest_line(path: Path_, lines: dict[Path_, int]) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def resume_from_data(data: Any, file: str, lines: dict[Path_, int] | None = None) -> Resume:
    """Validate parsed data into a Resume, turning validation errors into learner problems."""
    lines = lines or {}
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        raise ResumeError.single(
            file,
            f"the top level should be a mapping of sections (basics, work, ...), not {kind}",
            line=1,
            hint="start the file with 'basics:' as the sample alex_before.yaml does (resume-lessons lessons DIR copies it)",
        )
    problems: list[Problem] = []
    if "basics" not in data:
        problems.append(
            Problem(
                "the 'basics' section is missing",
                "basics",
                1,
                "add 'basics:' with your name, label and summary",
            )
        )
    if not data.get("work") and not data.get("projects"):
        problems.append(
            Problem(
                "there is no 'work' or 'projects' section, so there is nothing to analyse",
                "work",
                None,
                "add 'work:' with each role's name, position and highlights (your bullets)",
            )
        )
    if problems:
        raise ResumeError(file, problems)
    try:
        return Resume.model_validate(data)
    except ValidationError as exc:
        raise ResumeError(file, [_problem_from(err, lines) for err in exc.errors()]) from None
    except RecursionError:
        raise ResumeError.single(file, "the file is nested too deeply to be a resume") from None


_TYPE_WORDS = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}


def _problem_from(err: Any, lines: dict[Path_, int]) -> Problem:
    # pydantic adds union branch names ('str', 'function-before[...]') to loc; keep data keys only.
    known = _known_keys_anywhere()
    path: Path_ = tuple(p for p in err["loc"] if isinstance(p, int) or p in known)
    expected = _TYPE_WORDS.get(err["type"])
    if expected:
        message = f"should be {expected}, but it is {_describe(err.get('input'))}"
    else:
        message = err["msg"]
    return Problem(
        message, format_location(path), _nearest_line(path, lines), _hint_for(path, err["type"])
    )


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({shown!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _hint_for(path: Path_, err_type: str) -> str:
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    if last in {"highlights", "keywords"} and err_type == "list_type":
        return f"write each item of '{last}' on its own line starting with '- '"
    if isinstance(path[-1], int) and len(path) >= 2 and path[-2] in {"highlights", "keywords"}:
        return "put text with ':' or a leading number in quotes so it stays text"
    if last in SECTION_MODELS and err_type == "list_type":
        return f"'{last}' is a list: start each entry with '- '"
    if err_type in {"model_type", "dict_type", "model_attributes_type"}:
        return "give this entry its fields as 'key: value' lines, indented under it"
    if err_type == "string_type":
        return "put the value in quotes so it is read as text"
    return ""


def _known_keys_anywhere() -> set[str]:
    keys: set[str] = set(SECTION_MODELS)
    for model in SECTION_MODELS.values():
        keys |= set(model.model_fields)
    return keys


def unknown_key_warnings(data: Any, file: str, lines: dict[Path_, int]) -> list[LoadWarning]:
    """Warn about keys the kit does not know, suggesting the nearest known one."""
    if not isinstance(data, dict):
        return []
    warnings: list[LoadWarning] = []
    top_known = [*SECTION_MODELS, *OTHER_JSON_RESUME_SECTIONS]
    for key in data:
        if key not in top_known:
            warnings.append(_unknown(file, (), str(key), top_known, lines))
    for section, model in SECTION_MODELS.items():
        value = data.get(section)
        entries = [((section,), value)] if isinstance(value, dict) else []
        if isinstance(value, list):
            entries = [((section, i), item) for i, item in enumerate(value)]
        for path, entry in entries:
            if isinstance(entry, dict):
                known = list(model.model_fields)
                for key in entry:
                    if key not in known and not _is_json_resume_extra(section, str(key)):
                        warnings.append(_unknown(file, path, str(key), known, lines))
    return warnings


# Fields the JSON Resume schema defines that the kit does not model; they are kept silently.
# A paper's authors are rendercv's field, which `import` and `export --to rendercv` keep.
_JSON_RESUME_EXTRAS = {
    "basics": {"image", "phone", "location", "profiles"},
    "work": {"url", "location", "description"},
    "projects": {"url", "roles", "entity", "type"},
    "skills": set(),
    "publications": {"authors"},
    "education": {"url", "score", "courses"},
}


def _is_json_resume_extra(section: str, key: str) -> bool:
    return key in _JSON_RESUME_EXTRAS.get(section, set())


def _unknown(
    file: str, path: Path_, key: str, known: list[str], lines: dict[Path_, int]
) -> LoadWarning:
    where = format_location(path) or "top level"
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    message = f"unknown key '{key}'"
    message += f" — did you mean '{close[0]}'?" if close else " (it is kept but not analysed)"
    return LoadWarning(file, message, where, _nearest_line((*path, key), lines))
