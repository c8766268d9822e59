"""Read the entries of a section: roles with their bullets, papers, skill groups, degrees."""

from __future__ import annotations

import re
from typing import Any

from .base import Line
from .dates import RANGE, find_range
from .fields import (
    fragments,
    is_location,
    is_school,
    is_title,
    parse_education,
    parse_publication,
    parse_role_header,
    parse_skills,
)


def is_header_like(line: Line) -> bool:
    """A line that starts an entry (a role, a school) rather than continuing a sentence."""
    words = len(line.text.split())
    return bool(
        line.heading
        or line.bold
        or RANGE.search(line.text)
        or "\t" in line.text
        or (words <= 8 and not line.text.rstrip().endswith((".", ",", ";")))
    )


def _is_sentence(line: Line) -> bool:
    return not is_header_like(line) or (len(line.text.split()) > 14 and "\t" not in line.text)


_FIELD_MAX_WORDS = 8  # a title, a company or a place: a few words each


def starts_role(line: Line, following: Line | None) -> bool:
    """A role line however long ('Machine Learning Engineer II — Lumenly Health, Seattle, WA'):
    no bullet marker and no sentence end, dated on the line itself or by a date line below, a
    job title and a company among its fields, and every field a few words (a sentence with a
    dash in it has a long run of words on one side)."""
    if line.bullet or line.text.rstrip().endswith((".", ";")):
        return False
    if not find_range(line.text) and not (following and is_date_line(following)):
        return False
    role = parse_role_header([line.text])
    position, name = role.get("position") or "", role.get("name") or ""
    fields = [position, name, role.get("location") or "", *(role.get("extra") or "").split(" · ")]
    return bool(
        is_title(position) and name and all(len(f.split()) <= _FIELD_MAX_WORDS for f in fields)
    )


def is_date_line(line: Line) -> bool:
    """A line holding a role's dates and at most its place: 'March 2022 – Present', 'Jan 2020 –
    Mar 2021 · Remote'."""
    found = find_range(line.text)
    return bool(found and not line.bullet and all(is_location(p) for p in fragments(found[2])))


def parse_entries(lines: list[Line], section: str) -> tuple[list[dict[str, Any]], list[Line]]:
    """Roles (or projects): header lines, then bullets; unmarked sentences count as bullets."""
    groups: list[tuple[list[Line], list[Line]]] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        body_line = line.bullet or (_is_sentence(line) and not starts_role(line, following))
        if not groups or (not body_line and groups[-1][1]):
            groups.append(([], []))
        (groups[-1][1] if body_line else groups[-1][0]).append(line)
    entries, left = [], []
    previous_company = ""
    for header, body in groups:
        entry, extra = _entry(header, body, section)
        if section == "work":
            if not entry.get("name") and entry.get("position") and previous_company:
                entry["name"] = previous_company  # several roles under one company line
            previous_company = entry.get("name") or previous_company
        if not header and not body:
            continue
        entries.append(entry)
        left.extend(extra)
    return entries, left


def _entry(header: list[Line], body: list[Line], section: str) -> tuple[dict[str, Any], list[Line]]:
    fields = parse_role_header([ln.text for ln in header])
    extra = fields.pop("extra", None)
    left = [Line(f"{extra}", header[0].number)] if extra and header else []
    marked = any(ln.bullet for ln in body)
    summary, highlights = [], []
    for line in body:
        if marked and not line.bullet and not highlights:
            summary.append(line.text)  # prose between the role line and its first bullet
        else:
            highlights.append(line.text.replace("\t", " "))
    entry: dict[str, Any] = {}
    if section == "projects":
        entry["name"] = " — ".join(filter(None, [fields.get("position"), fields.get("name")]))
        for key in ("startDate", "endDate"):
            entry[key] = fields.get(key)
        entry["description"] = " ".join(summary)
    else:
        entry.update(fields)
        entry["summary"] = " ".join(summary)
    entry["highlights"] = highlights
    return entry, left


def parse_publications(lines: list[Line]) -> list[dict[str, Any]]:
    return [parse_publication(ln.text) for ln in lines]


def parse_skill_lines(lines: list[Line]) -> list[dict[str, Any]]:
    """'Group: a, b' lines become groups; a line ending in ',' continues onto the next."""
    groups: list[dict[str, Any]] = []
    unnamed: dict[str, Any] | None = None
    pending_label = ""
    for i, line in enumerate(lines):
        label, keywords = parse_skills(line.text)
        previous = lines[i - 1].text.rstrip() if i else ""
        if not label and groups and previous.endswith(","):
            groups[-1]["keywords"].extend(keywords)
            continue
        if not label and len(keywords) == 1 and (line.bold or line.heading) and not pending_label:
            pending_label = keywords[0]  # a small heading over the next line's list
            continue
        label = label or pending_label
        pending_label = ""
        if label:
            groups.append({"name": label, "keywords": keywords})
        elif unnamed is None:
            unnamed = {"name": "", "keywords": keywords}
            groups.append(unnamed)
        else:
            unnamed["keywords"].extend(keywords)
    return groups


def parse_education_lines(lines: list[Line]) -> tuple[list[dict[str, Any]], list[Line]]:
    """One entry per school; bullets under a degree other than a GPA are kept aside."""
    entries: list[list[str]] = []
    left: list[Line] = []
    scores: dict[int, str] = {}
    for line in lines:
        gpa = re.search(r"\bGPA\b\s*:?\s*([\d.]+(?:\s*/\s*[\d.]+)?)", line.text, re.I)
        if line.bullet and entries:
            if gpa:
                scores[len(entries) - 1] = gpa.group(1)
            else:
                left.append(line)
            continue
        parsed = parse_education(line.text)
        if not entries or (
            parsed.get("institution") and _has_school(entries[-1]) and is_school(line.text)
        ):
            entries.append([])
        entries[-1].append(line.text)
    out = []
    for i, texts in enumerate(entries):
        entry: dict[str, Any] = dict(parse_education("\t".join(texts)))
        if i in scores:
            entry["score"] = scores[i]
        out.append(entry)
    return out, left


def _has_school(texts: list[str]) -> bool:
    return any(is_school(t) for t in texts)
