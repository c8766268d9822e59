"""Write a resume out: JSON Resume (checked against the official schema), a one-page Markdown
resume to paste into a document, or the kit's YAML."""

from __future__ import annotations

import re
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


# rendercv 2.x (https://docs.rendercv.com): `cv:` with a headline, contact fields and
# `sections:`, each a list of one entry type (ExperienceEntry, EducationEntry, NormalEntry,
# PublicationEntry, OneLineEntry, or text). Its strings are Markdown.
RENDERCV_NETWORKS = (
    "LinkedIn",
    "GitHub",
    "GitLab",
    "IMDB",
    "Instagram",
    "ORCID",
    "Mastodon",
    "StackOverflow",
    "ResearchGate",
    "YouTube",
    "Google Scholar",
    "Telegram",
    "WhatsApp",
    "Leetcode",
    "X",
    "Bluesky",
    "Reddit",
)
_EXACT_DATE = re.compile(r"\d{4}(?:-[01]\d(?:-[0-3]\d)?)?")
# Sections of a JSON Resume the rendercv export has no entries for: named in a warning.
_NOT_IN_RENDERCV = ("volunteer", "awards", "certificates", "languages", "interests", "references")


_RENDERCV_REQUIRED = {
    "experience": ("company", "position"),
    "projects": ("name",),
    "publications": ("title",),
    "skills": ("label", "details"),
    "education": ("institution", "area"),
}


def _rcv(text: str) -> str:
    """Escape what rendercv's Markdown would read as markup (the kit's reader undoes it)."""
    out = text.replace("\\", "\\\\")
    for char in "*_`[]":
        out = out.replace(char, "\\" + char)
    return out


def _rcv_dates(start: str | None, end: str | None) -> dict[str, str]:
    """rendercv's start_date/end_date (exact dates or 'present'), or one free-text `date`."""
    if start and _EXACT_DATE.fullmatch(start) and (not end or _EXACT_DATE.fullmatch(end)):
        return {"start_date": start, "end_date": end or "present"}
    if not start and end and _EXACT_DATE.fullmatch(end):
        return {"end_date": end}
    text = display_range(start, end)
    return {"date": text} if text else {}


def _rcv_location(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(str(value[k]) for k in ("city", "region") if value.get(k))
    return value if isinstance(value, str) else ""


def rendercv_data(resume: Resume) -> tuple[dict[str, Any], list[str]]:
    """The resume as rendercv 2.x input, and warnings for what rendercv cannot take."""
    warnings: list[str] = []
    b = resume.basics
    extras = b.model_extra or {}
    cv: dict[str, Any] = {"name": b.name, "headline": b.label}
    cv["location"] = _rcv_location(extras.get("location"))
    cv["email"] = b.email
    phone = str(extras.get("phone") or "")
    if phone and not phone.lstrip().startswith("+"):
        warnings.append(f"phone '{phone}' left out: rendercv needs it with its country code (+1 …)")
    else:
        cv["phone"] = phone
    url = b.url
    cv["website"] = url if not url or "://" in url else f"https://{url}"
    networks = {n.lower(): n for n in RENDERCV_NETWORKS}
    social = []
    for profile in extras.get("profiles") or []:
        if not isinstance(profile, dict):
            continue
        network = networks.get(str(profile.get("network") or "").lower())
        if network and profile.get("username"):
            social.append({"network": network, "username": str(profile["username"])})
        elif profile.get("url") or profile.get("username"):
            what = profile.get("url") or profile.get("username")
            warnings.append(
                f"profile {what} left out: rendercv takes a network it knows and a username"
            )
    cv["social_networks"] = social
    sections: dict[str, list[Any]] = {}
    if b.summary:
        sections["summary"] = [_rcv(p) for p in b.summary.split("\n\n") if p.strip()]
    sections["experience"] = [
        {
            "company": _rcv(job.name),
            "position": _rcv(job.position),
            **_rcv_dates(job.startDate, job.endDate),
            "location": _rcv(_rcv_location((job.model_extra or {}).get("location"))),
            "summary": _rcv(job.summary),
            "highlights": [_rcv(h) for h in job.highlights],
        }
        for job in resume.work
    ]
    sections["projects"] = [
        {
            "name": _rcv(p.name),
            **_rcv_dates(p.startDate, p.endDate),
            "summary": _rcv(p.description),
            "highlights": [_rcv(h) for h in p.highlights],
        }
        for p in resume.projects
    ]
    sections["publications"] = [
        {
            "title": _rcv(p.name),
            # rendercv needs authors; the kit keeps them only when the resume had them
            "authors": [_rcv(str(a)) for a in (p.model_extra or {}).get("authors") or []]
            or ([_rcv(b.name)] if b.name else ["—"]),
            "journal": _rcv(p.publisher),
            "date": p.releaseDate,
            "url": p.url if "://" in p.url else "",
            "summary": _rcv(p.summary),
        }
        for p in resume.publications
    ]
    sections["skills"] = [
        {"label": _rcv(s.name or "Skills"), "details": _rcv(", ".join(s.keywords))}
        for s in resume.skills
        if s.keywords
    ]
    sections["education"] = [
        {
            "institution": _rcv(e.institution),
            "area": _rcv(e.area),
            "degree": _rcv(e.studyType),
            **_rcv_dates(e.startDate, e.endDate),
            "location": _rcv(_rcv_location((e.model_extra or {}).get("location"))),
            "highlights": [_rcv(str(c)) for c in (e.model_extra or {}).get("courses") or []],
        }
        for e in resume.education
    ]
    cv["sections"] = {k: v for k, v in sections.items() if v}
    left = [k for k in _NOT_IN_RENDERCV if (resume.model_extra or {}).get(k)]
    if left:
        warnings.append(
            f"left out of the rendercv file (no entry type for them): {', '.join(left)}"
        )
    data = as_data({"cv": cv})
    for title, entries in data["cv"].get("sections", {}).items():
        for entry in entries:  # as_data drops empty strings; rendercv requires these keys
            for key in _RENDERCV_REQUIRED.get(title, ()):
                entry.setdefault(key, "")
    return data, warnings


def to_rendercv(resume: Resume) -> tuple[str, list[str]]:
    """rendercv 2.x YAML (render it with `rendercv render FILE`), and its warnings."""
    data, warnings = rendercv_data(resume)
    head = "# rendercv 2.x input, written by `resume-lessons export --to rendercv`.\n"
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=92)
    return head + body, warnings
