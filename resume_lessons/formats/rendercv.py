"""rendercv YAML (`cv:` with `sections:`): its entry types mapped onto JSON Resume sections."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..core.loader import ResumeData, Unplaced
from .dates import to_iso
from .fields import is_location, split_keywords
from .headings import section_of
from .jsonresume import as_data
from .text import inline

Path_ = tuple[str | int, ...]


def _date(value: Any) -> str | None:
    if isinstance(value, _dt.date):
        return value.isoformat()[:7] if value.day == 1 else value.isoformat()
    if value is None or str(value).strip().lower() in {"", "present"}:
        return None
    return to_iso(str(value)) or str(value)


def _text(value: Any) -> str:
    return inline(str(value)) if value is not None else ""


def _kind(title: str, entry: Any) -> str:
    """Which JSON Resume section an entry belongs to: by its fields, then by the section title."""
    named = section_of(title.replace("_", " ")) or ""
    if isinstance(entry, dict):
        if "company" in entry or "positions" in entry:
            return "work"
        if "institution" in entry:
            return "education"
        if "title" in entry and ({"authors", "doi", "journal"} & set(entry)):
            return "publications"
        if "label" in entry and "details" in entry:
            return "skills" if named in {"skills", ""} else named
        if "name" in entry and named in {"", "summary"}:
            return "projects"
    return named


def from_rendercv(data: dict[str, Any], file: str, lines: dict[Path_, int]) -> ResumeData:
    """rendercv's `cv:` as JSON Resume data; entries of no known kind are kept as unplaced."""
    cv = data["cv"]
    basics: dict[str, Any] = {
        "name": _text(cv.get("name")),
        "label": _text(cv.get("label") or cv.get("headline")),
        "email": cv.get("email"),
        "phone": cv.get("phone"),
        "url": cv.get("website"),
    }
    location = _text(cv.get("location"))
    if location:
        city, _, region = location.partition(",")
        is_pair = is_location(location) and region
        basics["location"] = (
            {"city": city.strip(), "region": region.strip()} if is_pair else {"city": location}
        )
    profiles = [
        {"network": p.get("network"), "username": p.get("username")}
        for p in cv.get("social_networks") or []
        if isinstance(p, dict)
    ]
    if profiles:
        basics["profiles"] = profiles
    out: dict[str, Any] = {"basics": basics}
    unplaced: list[Unplaced] = []
    for title, entries in (cv.get("sections") or {}).items():
        for i, entry in enumerate(entries if isinstance(entries, list) else [entries]):
            kind = _kind(str(title), entry)
            placed = _place(kind, entry, out)
            if not placed:
                line = lines.get(("cv", "sections", title, i), 0)
                unplaced.append(Unplaced(line, _flat(entry), str(title)))
    return ResumeData(file, "rendercv YAML", as_data(out), unplaced=unplaced)


def _place(kind: str, entry: Any, out: dict[str, Any]) -> bool:
    basics = out["basics"]
    if kind == "summary" and isinstance(entry, str | dict):
        text = _text(entry.get("bullet") if isinstance(entry, dict) else entry)
        if not text:
            return False
        basics["summary"] = f"{basics['summary']}\n\n{text}" if basics.get("summary") else text
        return True
    if not isinstance(entry, dict):
        return False
    highlights = [_text(h) for h in entry.get("highlights") or []]
    if kind == "work":
        positions = entry.get("positions") or [
            {k: entry.get(k) for k in ("start_date", "end_date", "date")}
            | {"name": entry.get("position")}
        ]
        for j, pos in enumerate(positions):
            out.setdefault("work", []).append(
                {
                    "name": _text(entry.get("company")),
                    "position": _text(pos.get("name")),
                    "location": _text(entry.get("location")),
                    "startDate": _date(pos.get("start_date")),
                    "endDate": _date(pos.get("end_date") or pos.get("date")),
                    "summary": _text(entry.get("summary")),
                    "highlights": highlights if j == 0 else [],
                }
            )
        return True
    if kind == "education":
        out.setdefault("education", []).append(
            {
                "institution": _text(entry.get("institution")),
                "area": _text(entry.get("area")),
                "studyType": _text(entry.get("degree")),
                "startDate": _date(entry.get("start_date")),
                "endDate": _date(entry.get("end_date") or entry.get("date")),
                "courses": highlights,
            }
        )
        return True
    if kind == "publications":
        doi = entry.get("doi")
        out.setdefault("publications", []).append(
            {
                "name": _text(entry.get("title")),
                "publisher": _text(entry.get("journal")),
                "releaseDate": _date(entry.get("date")),
                "url": entry.get("url") or (f"https://doi.org/{doi}" if doi else None),
                "summary": _text(entry.get("summary")),
                "authors": [_text(a) for a in entry.get("authors") or []],
            }
        )
        return True
    if kind == "skills":
        label, details = entry.get("label"), entry.get("details") or entry.get("bullet")
        if details is None:
            return False
        keywords = split_keywords(_text(details))
        out.setdefault("skills", []).append({"name": _text(label), "keywords": keywords})
        return True
    if kind == "projects" and "name" in entry:
        out.setdefault("projects", []).append(
            {
                "name": _text(entry.get("name")),
                "description": _text(entry.get("summary")),
                "startDate": _date(entry.get("start_date")),
                "endDate": _date(entry.get("end_date") or entry.get("date")),
                "highlights": highlights,
            }
        )
        return True
    return False


def _flat(entry: Any) -> str:
    if isinstance(entry, dict):
        return "; ".join(f"{k}: {_flat(v)}" for k, v in entry.items())
    if isinstance(entry, list):
        return ", ".join(_flat(v) for v in entry)
    return _text(entry)
