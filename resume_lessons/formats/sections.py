"""Turn a resume's lines into JSON Resume data: find the sections, read each one, and keep
every line that fits nowhere. Shared by the PDF, DOCX and text importers; it never invents."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .base import Line, Unplaced
from .entries import (
    parse_education_lines,
    parse_entries,
    parse_publications,
    parse_skill_lines,
)
from .header import parse_header
from .headings import looks_like_heading, section_of


@dataclass
class Section:
    name: str  # a JSON Resume section, or "" for a heading the importer does not know
    title: str
    lines: list[Line] = field(default_factory=list)


def split_sections(lines: list[Line]) -> tuple[list[Line], list[Section]]:
    """The lines before the first heading, and each section with its lines."""
    known = [(i, section_of(ln.text)) for i, ln in enumerate(lines) if not ln.bullet]
    known = [(i, s) for i, s in known if s]
    levels = Counter(lines[i].heading for i, _ in known if lines[i].heading)
    level = levels.most_common(1)[0][0] if levels else 0
    caps = bool(known) and all(looks_like_heading(lines[i].text) for i, _ in known)
    starts = dict(known)
    for i, line in enumerate(lines):
        if i in starts or line.bullet or i == 0:
            continue
        if (level and line.heading == level) or (caps and looks_like_heading(line.text)):
            starts[i] = ""
    head: list[Line] = []
    sections: list[Section] = []
    for i, line in enumerate(lines):
        if i in starts:
            sections.append(Section(starts[i], line.text.strip(" :")))
        elif sections:
            sections[-1].lines.append(line)
        else:
            head.append(line)
    return head, sections


def build(lines: list[Line]) -> tuple[dict[str, Any], list[Unplaced]]:
    """JSON Resume data and the unplaced lines, from a document's logical lines."""
    head, sections = split_sections(lines)
    has_summary = any(s.name == "summary" for s in sections)
    basics, unplaced = parse_header(head, take_summary=not has_summary)
    data: dict[str, Any] = {"basics": basics}
    for section in sections:
        found, left = _read(section)
        for key, value in found.items():
            if key == "summary":
                basics["summary"] = "\n\n".join(filter(None, [basics.get("summary"), value]))
            else:
                data.setdefault(key, []).extend(value)
        unplaced.extend(Unplaced(ln.number, ln.text, section.title) for ln in left)
    return data, sorted(unplaced, key=lambda u: u.number)


def _read(section: Section) -> tuple[dict[str, Any], list[Line]]:
    lines, name = section.lines, section.name
    if name == "summary":
        return {"summary": _paragraphs(lines)} if lines else {}, []
    if name in {"work", "projects"}:
        entries, left = parse_entries(lines, name)
        return {name: entries}, left
    if name == "publications":
        return {name: parse_publications(lines)}, []
    if name == "skills":
        return {name: parse_skill_lines(lines)}, []
    if name == "education":
        entries, left = parse_education_lines(lines)
        return {name: entries}, left
    if name in {"certificates", "interests"}:
        return {name: [{"name": ln.text.replace("\t", " — ")} for ln in lines]}, []
    if name == "awards":
        return {name: [{"title": ln.text.replace("\t", " — ")} for ln in lines]}, []
    return {}, lines


def _paragraphs(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        sep = "\n\n" if line.gap_before and not line.bullet else " "
        text = f"{text}{sep}{line.text}" if text else line.text
    return text.replace("\t", " ")
