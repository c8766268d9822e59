"""Write a resume out: JSON Resume (checked against the official schema), a one-page Markdown
resume to paste into a document, or the kit's YAML."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from ..core.model import Resume
from .jsonresume import SCHEMA_URL, as_data, display, display_range, schema

JSON_RESUME_SCHEMA_URL = SCHEMA_URL


def to_data(resume: Resume) -> dict[str, Any]:
    """The resume as plain data with empty fields left out, in JSON Resume field order."""
    return as_data(resume.model_dump(mode="json", exclude_none=True))


def to_json_resume(resume: Resume) -> dict[str, Any]:
    return {"$schema": JSON_RESUME_SCHEMA_URL, **to_data(resume)}


def json_resume_schema() -> dict[str, Any]:
    """The official JSON Resume schema (v1.0.0), shipped with the kit as package data."""
    return schema()


def schema_errors(data: dict[str, Any]) -> list[str]:
    """Where `data` breaks the JSON Resume schema, as 'work.0.startDate: message' lines."""
    import jsonschema  # here, not at the top: it takes most of a second to import

    validator = jsonschema.Draft4Validator(
        json_resume_schema(), format_checker=jsonschema.FormatChecker()
    )
    return [
        f"{'.'.join(str(p) for p in err.absolute_path) or 'top level'}: {err.message}"
        for err in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    ]


class _Dumper(yaml.SafeDumper):
    """Long text as folded blocks, so a learner edits bullets as paragraphs."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 80 and "\n" not in value and value == value.strip() else None
    if "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(resume: Resume, comments: Iterable[str] = ()) -> str:
    """The kit's YAML form; `comments` go first, each line prefixed with '# '."""
    head = "".join(f"# {c}\n" if c else "#\n" for c in comments)
    body = yaml.dump(to_data(resume), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=92)
    return head + body


def _md(text: str) -> str:
    """Escape what Markdown would read as markup."""
    out = text.replace("\\", "\\\\")
    for char in "*_`[]<>":
        out = out.replace(char, "\\" + char)
    return out


def to_markdown(resume: Resume) -> str:
    """A clean one-page resume in Markdown."""
    b = resume.basics
    out = [f"# {_md(b.name)}", ""] if b.name else []
    if b.label:
        out += [f"**{_md(b.label)}**", ""]
    extras = b.model_extra or {}
    contact = [b.email, str(extras.get("phone") or ""), b.url]
    contact += [p.get("url", "") for p in extras.get("profiles") or [] if isinstance(p, dict)]
    if any(contact):
        out += [" · ".join(_md(c) for c in contact if c), ""]
    if b.summary:
        out += ["## Summary", "", _md(b.summary), ""]
    if resume.work:
        out += ["## Experience", ""]
        for job in resume.work:
            title = " — ".join(_md(p) for p in (job.position, job.name) if p)
            out += _entry(title, job, job.summary, job.highlights)
    if resume.projects:
        out += ["## Projects", ""]
        for project in resume.projects:
            out += _entry(_md(project.name), project, project.description, project.highlights)
    if resume.publications:
        out += ["## Publications", ""]
        for pub in resume.publications:
            line = f"- **{_md(pub.name)}**" if pub.name else "-"
            venue = ", ".join(p for p in (_md(pub.publisher), display(pub.releaseDate)) if p)
            line += f" — {venue}" if venue else ""
            line += f" — {_md(pub.summary)}" if pub.summary else ""
            out.append(line + (f" · {pub.url}" if pub.url else ""))
        out.append("")
    if resume.skills:
        out += ["## Skills", ""]
        for group in resume.skills:
            label = f"**{_md(group.name)}:** " if group.name else ""
            out.append(f"- {label}{', '.join(_md(k) for k in group.keywords)}")
        out.append("")
    if resume.education:
        out += ["## Education", ""]
        for ed in resume.education:
            degree = ", ".join(_md(p) for p in (ed.studyType, ed.area) if p)
            rest = ", ".join(
                p for p in (_md(ed.institution), display_range(ed.startDate, ed.endDate)) if p
            )
            out.append(f"- **{degree}** — {rest}" if degree else f"- {rest}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _entry(title: str, entry: Any, summary: str, highlights: list[str]) -> list[str]:
    out = [f"### {title}", ""]
    when = display_range(entry.startDate, entry.endDate)
    where = (entry.model_extra or {}).get("location")
    meta = " · ".join(p for p in (when, where if isinstance(where, str) else "") if p)
    if meta:
        out += [f"*{_md(meta)}*", ""]
    if summary:
        out += [_md(summary), ""]
    out += [f"- {_md(h)}" for h in highlights]
    return [*out, ""] if highlights else out
