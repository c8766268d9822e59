"""Addresses of the rewritable items in a resume ('work[0].highlights[2]') and access by address."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .model import Resume

Kind = Literal["bullet", "summary"]

_BULLET = re.compile(r"^(work|projects)\[(\d+)\]\.highlights\[(\d+)\]$")
_SUMMARY = "basics.summary"


@dataclass(frozen=True)
class Item:
    """One piece of text a learner can rewrite."""

    location: str
    kind: Kind
    text: str
    role: str  # "Senior ML Engineer, Spotify" for a bullet; the label for the summary


def role_of(resume: Resume, section: str, index: int) -> str:
    if section == "work":
        job = resume.work[index]
        return ", ".join(part for part in (job.position, job.name) if part)
    return resume.projects[index].name


def iter_items(resume: Resume) -> list[Item]:
    """The summary (when present) and every work and project highlight, in reading order."""
    items: list[Item] = []
    if resume.basics.summary:
        items.append(Item(_SUMMARY, "summary", resume.basics.summary, resume.basics.label))
    for section, entries in (("work", resume.work), ("projects", resume.projects)):
        for i, entry in enumerate(entries):
            role = role_of(resume, section, i)
            for j, text in enumerate(entry.highlights):
                items.append(Item(f"{section}[{i}].highlights[{j}]", "bullet", text, role))
    return items


def get_text(resume: Resume, location: str) -> str:
    """The text at a location; KeyError with the location when the resume has no such item."""
    if location == _SUMMARY:
        return resume.basics.summary
    match = _BULLET.match(location)
    if not match:
        raise KeyError(
            f"'{location}' is not a rewritable place (use basics.summary or work[i].highlights[j])"
        )
    section, i, j = match.group(1), int(match.group(2)), int(match.group(3))
    entries = resume.work if section == "work" else resume.projects
    try:
        return entries[i].highlights[j]
    except IndexError:
        raise KeyError(f"the resume has no {location}") from None


def with_text(resume: Resume, location: str, text: str) -> Resume:
    """A copy of the resume with the text at location replaced; the input is not changed."""
    return with_texts(resume, {location: text})


def with_texts(resume: Resume, texts: dict[str, str]) -> Resume:
    """A copy of the resume with the text at each location replaced, made with one deep copy."""
    for location in texts:
        get_text(resume, location)  # validates every location before copying
    copy = resume.model_copy(deep=True)
    for location, text in texts.items():
        if location == _SUMMARY:
            copy.basics.summary = text
            continue
        match = _BULLET.match(location)
        assert match is not None
        section, i, j = match.group(1), int(match.group(2)), int(match.group(3))
        entries = copy.work if section == "work" else copy.projects
        entries[i].highlights[j] = text
    return copy
