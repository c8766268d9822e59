"""A learner's rewrites, keyed by location, saved atomically with a history of earlier versions.

The drafts file is YAML (or JSON when its name ends in .json)::

    resume: data/examples/alex_before.yaml      # informational
    drafts:
      work[0].highlights[0]:
        text: Rebuilt the candidate-generation stage ...
        saved: '2026-11-25T16:40:00+00:00'
        history:
          - {text: Worked on recommendations, saved: '2026-11-25T16:30:00+00:00'}

Besides bullets and the summary, two whole sections can be drafted (lessons 06 and 07):
``skills`` holds one ``Group: tool, tool`` line per group, and ``publications`` one kept
title per line. The resume file itself is never written.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ResumeError
from .locations import get_text, with_texts
from .model import Resume, Skill

MAX_HISTORY = 50


@dataclass
class Draft:
    text: str
    saved: str = ""
    history: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Drafts:
    """All drafts of one learner: location -> Draft."""

    items: dict[str, Draft] = field(default_factory=dict)
    resume: str = ""

    def text(self, location: str) -> str | None:
        draft = self.items.get(location)
        return draft.text if draft else None

    def set(self, location: str, text: str, *, now: str | None = None) -> None:
        """Record a new version; the previous one moves into the history."""
        stamp = now or _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        old = self.items.get(location)
        if old is None:
            self.items[location] = Draft(text, stamp)
            return
        if old.text == text:
            return
        history = [*old.history, {"text": old.text, "saved": old.saved}][-MAX_HISTORY:]
        self.items[location] = Draft(text, stamp, history)

    def to_data(self) -> dict[str, Any]:
        return {
            "resume": self.resume,
            "drafts": {
                loc: {"text": d.text, "saved": d.saved, "history": d.history}
                for loc, d in sorted(self.items.items())
            },
        }


def load_drafts(path: str | Path) -> Drafts:
    """Read a drafts file; a missing file is no drafts yet, a broken one is a ResumeError."""
    path = Path(path)
    if not path.exists():
        return Drafts()
    file = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw) if path.suffix.lower() == ".json" else yaml.safe_load(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        line = line + 1 if line is not None else getattr(exc, "lineno", None)
        raise ResumeError.single(
            file,
            f"the drafts file cannot be read: {str(exc).splitlines()[0]}",
            line=line,
            hint="fix it by hand, or move it away to start with no drafts",
        ) from None
    if data is None:
        return Drafts()
    if not isinstance(data, dict) or not isinstance(data.get("drafts", {}), dict):
        raise ResumeError.single(
            file, "a drafts file is a mapping with a 'drafts' mapping inside", line=1
        )
    drafts = Drafts(resume=str(data.get("resume") or ""))
    for location, entry in (data.get("drafts") or {}).items():
        if isinstance(entry, str):
            entry = {"text": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise ResumeError.single(
                file,
                "each draft needs a 'text' with the rewritten bullet",
                location=f"drafts.{location}",
            )
        history = [h for h in entry.get("history") or [] if isinstance(h, dict)]
        drafts.items[str(location)] = Draft(entry["text"], str(entry.get("saved") or ""), history)
    return drafts


def save_drafts(drafts: Drafts, path: str | Path, *, resume_path: str | Path | None = None) -> Path:
    """Write drafts atomically: a temporary file in the same folder, then os.replace."""
    path = Path(path)
    if resume_path is not None and Path(resume_path).resolve() == path.resolve():
        raise ValueError(f"refusing to write drafts over the resume file {resume_path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    data = drafts.to_data()
    if path.suffix.lower() == ".json":
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


SECTION_LOCATIONS = ("skills", "publications")


def skills_to_text(skills: list[Skill]) -> str:
    """The skills block as editable text: one ``Group: tool, tool`` line per group."""
    return "\n".join(f"{s.name}: {', '.join(s.keywords)}" for s in skills if s.keywords)


def skills_from_text(text: str) -> list[Skill]:
    """Parse ``Group: tool, tool`` lines; a line without a colon is a group with no name."""
    skills: list[Skill] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, sep, rest = line.partition(":")
        if not sep:
            name, rest = "", line
        keywords = [k.strip() for k in rest.split(",") if k.strip()]
        if keywords:
            skills.append(Skill(name=name.strip(), keywords=keywords))
    return skills


def publications_to_text(titles: list[str]) -> str:
    return "\n".join(t.strip() for t in titles if t.strip())


def _apply_section(resume: Resume, location: str, text: str) -> Resume:
    copy = resume.model_copy(deep=True)
    if location == "skills":
        copy.skills = skills_from_text(text)
    else:
        kept = {line.strip() for line in text.splitlines() if line.strip()}
        copy.publications = [p for p in copy.publications if p.name.strip() in kept]
    return copy


def apply_drafts(resume: Resume, drafts: Drafts) -> tuple[Resume, list[str]]:
    """The 'after' resume, and the drafted locations that no longer exist in the resume."""
    after = resume
    missing: list[str] = []
    texts: dict[str, str] = {}
    for location, draft in drafts.items.items():
        if location in SECTION_LOCATIONS:
            after = _apply_section(after, location, draft.text)
            continue
        try:
            get_text(after, location)
        except KeyError:
            missing.append(location)
            continue
        texts[location] = draft.text
    return (with_texts(after, texts) if texts else after), missing


@dataclass
class DraftsFile:
    """One learner's drafts file. Each save re-reads it first, so two lessons open at once
    add to the same file instead of overwriting each other's drafts."""

    path: Path
    resume_path: Path | None = None

    def load(self) -> Drafts:
        return load_drafts(self.path)

    def save(self, location: str, text: str, *, now: str | None = None) -> Drafts:
        drafts = load_drafts(self.path)
        if self.resume_path is not None:
            drafts.resume = str(self.resume_path)
        drafts.set(location, text, now=now)
        save_drafts(drafts, self.path, resume_path=self.resume_path)
        return drafts
