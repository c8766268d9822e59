"""A job posting as typed data: the JSON Resume job schema, validated with located errors.

Field names follow the JSON Resume job schema (jsonresume.org/job-description-schema):
``title``, ``company``, ``description``, ``responsibilities[]``, ``qualifications[]``,
``skills[{name, level, keywords[]}]`` and the rest; properties the kit does not read are kept.
One property is the kit's own: ``nice_to_have[]``, what the posting would like but does not
require (a "Nice to have" or "Our stack" section), weighed less than a qualification.
The readers in ``resume_lessons.formats.posting`` turn a file (YAML, JSON, pasted text) into
plain data; ``posting_from_data`` validates it. ``posting_texts`` lists the texts a posting
asks things in, each with its location ("qualifications[2]").
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError

from .errors import Problem, ResumeError
from .parsing import Path_

WHAT = "posting"
RESUME_KEYS = ("basics", "work")  # a file with these is a resume passed as a posting


def _scalar_to_text(value: Any) -> Any:
    # YAML reads "salary: 150000" as a number and "date: 2026-01-15" as a date: both are text.
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


def _name_to_skill(value: Any) -> Any:
    # Job boards list skills as plain names; the schema's form is {name, level, keywords}.
    return {"name": value} if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_scalar_to_text)]
# A field that names or describes the job is text as written: a number there is a mistake.
Prose = str


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class PostingSkill(_Part):
    name: Text = ""
    level: Text = ""
    keywords: list[Text] = Field(default_factory=list)


class Posting(_Part):
    title: Prose = ""
    company: Prose = ""
    type: Text = ""
    date: Text = ""
    description: Prose = ""
    location: dict[str, Any] | Text = ""
    remote: Text = ""
    salary: Text = ""
    experience: Text = ""
    responsibilities: list[Text] = Field(default_factory=list)
    qualifications: list[Text] = Field(default_factory=list)
    nice_to_have: list[Text] = Field(default_factory=list)
    skills: list[Annotated[PostingSkill, BeforeValidator(_name_to_skill)]] = Field(
        default_factory=list
    )

    # location ("qualifications[2]") -> its line in a pasted text posting, where a location
    # means nothing to the learner; empty for YAML and JSON, whose fields they wrote
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)

    def line_of(self, location: str) -> int | None:
        return self._lines.get(location)

    def with_lines(self, lines: dict[Path_, int]) -> Posting:
        """The posting, its texts' locations mapped to these lines of the file it was read from."""
        for path, line in lines.items():
            where = str(path[0]) + "".join(f"[{p}]" for p in path[1:])
            self._lines[where] = line
        return self

    @property
    def heading(self) -> str:
        """ "Senior ML Engineer, Acme": what the learner is told the posting is."""
        return ", ".join(p for p in (self.title, self.company) if p) or "the posting"


def posting_texts(posting: Posting) -> list[tuple[str, str]]:
    """(location, text) of every text a posting asks things in, in reading order."""
    out = [("title", posting.title), ("description", posting.description)]
    out += [(f"responsibilities[{i}]", t) for i, t in enumerate(posting.responsibilities)]
    out += [(f"qualifications[{i}]", t) for i, t in enumerate(posting.qualifications)]
    out += [(f"nice_to_have[{i}]", t) for i, t in enumerate(posting.nice_to_have)]
    out.append(("experience", posting.experience))
    for i, skill in enumerate(posting.skills):
        out.append((f"skills[{i}].name", skill.name))
        out += [(f"skills[{i}].keywords[{j}]", k) for j, k in enumerate(skill.keywords)]
    return [(loc, text) for loc, text in out if text.strip()]


def posting_from_data(data: Any, file: str, lines: dict[Path_, int] | None = None) -> Posting:
    """Validate parsed data into a Posting; ResumeError naming the file and place otherwise."""
    lines = lines or {}
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        raise ResumeError.single(
            file,
            f"the top level should be a mapping of the posting's fields (title, description, "
            f"responsibilities, ...), not {kind}",
            line=1,
            hint="write the posting as JSON Resume job YAML (see the samples in postings/ "
            "of your lessons folder), or paste its text into a .txt file",
            what=WHAT,
        )
    resume_keys = [k for k in RESUME_KEYS if k in data]
    if resume_keys:
        key = resume_keys[0]
        raise ResumeError.single(
            file,
            f"this looks like a resume, not a posting (it has a '{key}' section)",
            location=key,
            line=lines.get((key,)),
            hint="the posting is the job ad: paste its text from the job board into a .txt or "
            ".md file, or write it as JSON Resume job YAML (see postings/ in your lessons "
            "folder); the order is resume-lessons tailor RESUME POSTING",
            what=WHAT,
        )
    try:
        posting = Posting.model_validate(data)
    except ValidationError as exc:
        raise ResumeError(file, [_problem(e, lines) for e in exc.errors()], WHAT) from None
    if not any(text for loc, text in posting_texts(posting) if loc != "title"):
        raise ResumeError.single(
            file,
            "the posting has no description, responsibilities, qualifications or skills, so "
            "there is nothing to match",
            line=1,
            hint="paste the whole posting: what the role does and what it asks for",
            what=WHAT,
        )
    return posting


_EXPECTED = {"string_type": "text", "list_type": "a list", "dict_type": "a mapping of fields"}
_EXPECTED |= {"model_type": "a mapping of fields", "model_attributes_type": "a mapping of fields"}


def _problem(err: Any, lines: dict[Path_, int]) -> Problem:
    # pydantic adds validator names to loc ('function-before[...]', 'str'); keep the data's own
    path: Path_ = tuple(p for p in err["loc"] if isinstance(p, int) or "[" not in p)
    path = tuple(p for p in path if p not in ("str", "dict[str,any]", "PostingSkill"))
    where = ""
    for part in path:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    line = next((lines[path[:n]] for n in range(len(path), -1, -1) if path[:n] in lines), None)
    expected = _EXPECTED.get(err["type"])
    value = err.get("input")
    shown = type(value).__name__ if isinstance(value, dict | list) else repr(value)[:40]
    message = f"should be {expected}, but it is {shown}" if expected else err["msg"]
    return Problem(message, where, line, _HINTS.get(str(path[0]) if path else "", _HINT))


# What each field should hold, said for the field that is wrong.
_HINTS = {
    "title": "title is the job's name as text: title: Senior ML Engineer",
    "company": "company is the employer's name as text: company: Acme",
    "description": "description is the posting's text, one string (a YAML block: "
    "'description: |' and the paragraphs indented under it)",
    "responsibilities": "responsibilities is a list of sentences, one '- ' line each",
    "qualifications": "qualifications is a list of sentences, one '- ' line each",
    "nice_to_have": "nice_to_have is a list of sentences, one '- ' line each",
    "skills": "skills is a list of names ('- Python') or of mappings with a name and "
    "keywords ('- name: Python' and 'keywords: [pandas]')",
    "location": "location is text ('Berlin') or a mapping (city, countryCode, ...)",
}
_HINT = "see the JSON Resume job schema: title, company, description, responsibilities, ..."
