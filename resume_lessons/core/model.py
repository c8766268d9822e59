"""The resume as typed data. Field names follow the JSON Resume schema (jsonresume.org)."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator


def _date_to_text(value: Any) -> Any:
    # YAML turns 2021-03-01 into a date and 2021 into an int; JSON Resume keeps dates as text.
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


DateText = Annotated[str | None, BeforeValidator(_date_to_text)]


class _Section(BaseModel):
    # JSON Resume allows extra properties; keep them so nothing a learner wrote is lost.
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class Basics(_Section):
    name: str = ""
    label: str = ""
    summary: str = ""
    email: str = ""
    url: str = ""


class Work(_Section):
    name: str = ""
    position: str = ""
    startDate: DateText = None
    endDate: DateText = None
    summary: str = ""
    highlights: list[str] = Field(default_factory=list)


class Project(_Section):
    name: str = ""
    description: str = ""
    startDate: DateText = None
    endDate: DateText = None
    highlights: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)


class Publication(_Section):
    name: str = ""
    publisher: str = ""
    releaseDate: DateText = None
    url: str = ""
    summary: str = ""


class Skill(_Section):
    name: str = ""
    level: str = ""
    keywords: list[str] = Field(default_factory=list)


class Education(_Section):
    institution: str = ""
    area: str = ""
    studyType: str = ""
    startDate: DateText = None
    endDate: DateText = None


class Resume(_Section):
    basics: Basics
    work: list[Work] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_skill_per_entry(self) -> Resume:
        """JSON Resume lets each skill be an entry of its own (``- name: Python``, no
        keywords): those entries are one flat list of skills, read as one unnamed group."""
        if single_skill_entries(self.skills):
            self.skills = merge_skill_entries(self.skills)
        return self


def single_skill_entries(skills: list[Skill]) -> list[int]:
    """The skills entries that name one skill and list no keywords."""
    return [i for i, s in enumerate(skills) if s.name.strip() and not s.keywords]


def merge_skill_entries(skills: list[Skill]) -> list[Skill]:
    """The name-only entries as one unnamed group where the first of them stood; groups with
    keywords unchanged."""
    single = single_skill_entries(skills)
    if not single:
        return skills
    merged = Skill(keywords=[skills[i].name.strip() for i in single])
    out = []
    for i, s in enumerate(skills):
        if i == single[0]:
            out.append(merged)
        elif i not in single:
            out.append(s)
    return out


SECTION_MODELS: dict[str, type[BaseModel]] = {
    "basics": Basics,
    "work": Work,
    "projects": Project,
    "publications": Publication,
    "skills": Skill,
    "education": Education,
}

# JSON Resume sections the kit does not analyse but accepts as they are.
OTHER_JSON_RESUME_SECTIONS = (
    "$schema",
    "meta",
    "volunteer",
    "awards",
    "certificates",
    "languages",
    "interests",
    "references",
)
