"""A learner's rewrites, keyed by location, saved atomically with a history of earlier versions.

The drafts file is YAML (or JSON when its name ends in .json)::

    resume: alex_before.yaml      # informational
    drafts:
      work[0].highlights[0]:
        text: Rebuilt the candidate-generation stage ...
        saved: '2026-11-25T16:40:00+00:00'
        history:
          - {text: Worked on recommendations, saved: '2026-11-25T16:30:00+00:00'}

Besides bullets and the summary, two whole sections can be drafted (lessons 06 and 07):
``skills`` holds one ``Group: tool, tool`` line per group, and ``publications`` one kept
title per line. The resume file itself is never written.

Nothing else in the file is lost on a save: keys the kit does not use, history entries it
did not write, and (in YAML) comments are written back as they were. Saves from several
processes at once take turns on a lock on the drafts file itself, so none is lost and no lock
file is left beside it.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import os
import stat
import time
import warnings
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ResumeError
from .files import read_text, same_file, write_atomic
from .limits import MAX_DRAFTS_BYTES
from .locations import get_text, with_texts
from .model import Resume, Skill
from .parsing import Parsed, load_json, load_yaml

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: saves there do not take turns
    fcntl = None  # type: ignore[assignment]

MAX_HISTORY = 50  # earlier versions kept per draft
LOCK_TIMEOUT = 30  # seconds a save waits for another one to finish
WHAT = "drafts file"


@dataclass
class Draft:
    text: str
    saved: str = ""
    # {text, saved} mappings, oldest first; entries of another shape are kept as they are
    history: list[Any] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # keys the kit does not use, kept
    lesson: str = ""  # the lesson that saved it: its technique code ("T3"), or "" if not known

    def to_data(self) -> dict[str, Any]:
        lesson = {"lesson": self.lesson} if self.lesson else {}
        return {
            "text": self.text,
            "saved": self.saved,
            **lesson,
            "history": self.history,
            **self.extra,
        }


def _trim(history: list[Any]) -> list[Any]:
    """Drop the oldest versions past MAX_HISTORY; entries the kit did not write stay."""
    excess = sum(isinstance(h, dict) for h in history) - MAX_HISTORY
    kept = []
    for entry in history:
        if excess > 0 and isinstance(entry, dict):
            excess -= 1
            continue
        kept.append(entry)
    return kept


@dataclass
class Drafts:
    """All drafts of one learner: location -> Draft."""

    items: dict[str, Draft] = field(default_factory=dict)
    resume: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # top-level keys besides these two

    def text(self, location: str) -> str | None:
        draft = self.items.get(location)
        return draft.text if draft else None

    def saved_by(self, lesson: str) -> list[str]:
        """The places whose draft this lesson saved, the most recently saved last."""
        return [
            loc
            for _, loc in sorted(
                (d.saved, loc) for loc, d in self.items.items() if d.lesson == lesson
            )
        ]

    def set(self, location: str, text: str, *, now: str | None = None, lesson: str = "") -> None:
        """Record a new version (and the lesson that wrote it); the previous one moves into the
        history."""
        stamp = now or _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        old = self.items.get(location)
        if old is None:
            self.items[location] = Draft(text, stamp, lesson=lesson)
            return
        if old.text == text:
            return
        earlier = {
            "text": old.text,
            "saved": old.saved,
            **({"lesson": old.lesson} if old.lesson else {}),
        }
        history = _trim([*old.history, earlier])
        self.items[location] = Draft(text, stamp, history, old.extra, lesson or old.lesson)

    def to_data(self) -> dict[str, Any]:
        drafts = {loc: d.to_data() for loc, d in sorted(self.items.items())}
        return {"resume": self.resume, "drafts": drafts, **self.extra}


def load_drafts(path: str | Path) -> Drafts:
    """Read a drafts file; a missing or empty file is no drafts yet, a broken one a
    ResumeError that names the drafts file and the line."""
    return _read(Path(path))[0]


def _read(path: Path) -> tuple[Drafts, str, Any]:
    """The drafts, the file's text ("" when there is no file yet) and its parsed data."""
    if not path.exists() and not path.is_symlink():
        return Drafts(), "", None
    file = str(path)
    text = read_text(path, MAX_DRAFTS_BYTES, what=WHAT, empty_ok=True, nfc=False)
    if not text.strip():
        return Drafts(), text, None
    parsed = (load_json if _is_json(path) else load_yaml)(text, file, what=WHAT)
    return _from_parsed(parsed, file), text, parsed.data


def _is_json(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def _problem(file: str, message: str, hint: str, *, location: str = "", line: int | None = 1):
    return ResumeError.single(file, message, location=location, line=line, hint=hint, what=WHAT)


def _from_parsed(parsed: Parsed, file: str) -> Drafts:
    data, lines = parsed.data, parsed.lines
    if data is None:  # only comments
        return Drafts()
    if not isinstance(data, dict):
        raise _problem(
            file,
            "a drafts file is a mapping with a 'drafts' mapping inside",
            "start the file with 'drafts:', or move it away to start with no drafts",
        )
    if "drafts" not in data:
        resume_like = bool({"basics", "work", "cv"} & set(data))
        raise _problem(
            file,
            "there is no 'drafts' key, so this is not a drafts file"
            + (": it looks like a resume" if resume_like else ""),
            "name the drafts file (e.g. ana.drafts.yaml) here, not the resume"
            if resume_like
            else "put the rewrites under a 'drafts:' key, or move the file away to start over",
        )
    entries = data["drafts"] if data["drafts"] is not None else {}
    if not isinstance(entries, dict):
        raise _problem(
            file,
            "'drafts' should be a mapping of places (work[0].highlights[1]: ...) to drafts",
            "write each draft on its own line under 'drafts:', indented",
            location="drafts",
            line=lines.get(("drafts",)),
        )
    extra = {k: v for k, v in data.items() if k not in ("resume", "drafts")}
    drafts = Drafts(resume=str(data.get("resume") or ""), extra=extra)
    for location, entry in entries.items():
        drafts.items[str(location)] = _draft(entry, file, str(location), lines)
    return drafts


def _draft(entry: Any, file: str, location: str, lines: dict[Any, int]) -> Draft:
    where = f"drafts.{location}"
    line = lines.get(("drafts", location))
    if isinstance(entry, str):
        return Draft(entry)
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
        raise _problem(
            file,
            "each draft needs a 'text' with the rewritten bullet",
            "write it as 'text: ...' under the place, with the text in quotes if it has ':'",
            location=where,
            line=line,
        )
    history = entry.get("history")
    if history is not None and not isinstance(history, list):
        raise _problem(
            file,
            "'history' should be a list of earlier versions",
            "start each earlier version with '- ', or delete the 'history' line",
            location=f"{where}.history",
            line=lines.get(("drafts", location, "history"), line),
        )
    extra = {k: v for k, v in entry.items() if k not in ("text", "saved", "history", "lesson")}
    lesson = entry.get("lesson")
    return Draft(
        entry["text"],
        str(entry.get("saved") or ""),
        list(history or []),
        extra,
        lesson if isinstance(lesson, str) else "",
    )


def _dump(data: Any, path: Path) -> str:
    if _is_json(path):
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def save_drafts(drafts: Drafts, path: str | Path, *, resume_path: str | Path | None = None) -> Path:
    """Write all drafts atomically (a temporary file, then os.replace). Keys the kit does not
    use are written back; comments are not: DraftsFile.save keeps those."""
    path = Path(path)
    _refuse_resume(path, resume_path)
    return write_atomic(path, _dump(drafts.to_data(), path))


def _refuse_resume(path: Path, resume_path: str | Path | None) -> None:
    if resume_path is not None and same_file(resume_path, path):
        raise ValueError(f"refusing to write drafts over the resume file {resume_path}")


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
        keywords = [k.strip() for k in _top_level_split(rest) if k.strip()]
        if keywords:
            skills.append(Skill(name=name.strip(), keywords=keywords))
    return skills


def _top_level_split(text: str) -> list[str]:
    """Split at commas outside parentheses: "SQL (Hive, Presto), Spark" is two entries."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


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


def apply_drafts(
    resume: Resume, drafts: Drafts, *, skip: tuple[str, ...] = ()
) -> tuple[Resume, list[str]]:
    """The 'after' resume, and the drafted locations that no longer exist in the resume.

    ``skip`` names drafts to leave out: the skills sorter scores the resume with every bullet
    draft applied but its own block (``skip=("skills",)``), which it edits itself."""
    after = resume
    missing: list[str] = []
    texts: dict[str, str] = {}
    for location, draft in drafts.items.items():
        if location in skip:
            continue
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
    """One learner's drafts file. Each save takes the file's lock, re-reads it and changes
    only its own draft, so lessons open at once (in any number of processes) add to the same
    file instead of overwriting each other's drafts."""

    path: Path
    resume_path: Path | None = None

    def load(self) -> Drafts:
        return load_drafts(self.path)

    def save(self, location: str, text: str, *, now: str | None = None, lesson: str = "") -> Drafts:
        _refuse_resume(self.path, self.resume_path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _turn(self.path):
            drafts, old_text, data = _read(self.path)
            if self.resume_path is not None:
                drafts.resume = str(self.resume_path)
            drafts.set(location, text, now=now, lesson=lesson)
            write_atomic(self.path, _updated(old_text, data, drafts, location, self.path))
        return drafts


@contextmanager
def _turn(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """This process's turn at the drafts file: an exclusive lock (flock) on the file itself.
    A save replaces the file (os.replace), so a lock taken on the file that was there before
    is given up and taken again on the new one. Creates an empty file on the first save."""
    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(path, os.O_RDONLY | os.O_CREAT | os.O_NONBLOCK, 0o644)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                read_text(path, MAX_DRAFTS_BYTES, what=WHAT)  # raises: not a regular file
            if fcntl is None:
                yield
                return
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(
                            f"{path}: another save has held the drafts file for {timeout} s"
                        ) from None
                    time.sleep(0.005)
            try:
                current = os.stat(path)
            except FileNotFoundError:
                continue  # moved away meanwhile: take the new one
            if os.path.samestat(os.fstat(fd), current):
                yield
                return
        finally:
            os.close(fd)  # gives up the lock


def _updated(old_text: str, data: Any, drafts: Drafts, location: str, path: Path) -> str:
    """The file's text with `location` (and the resume path) set from `drafts`, everything
    else as it was. YAML with a '#' in it goes through ruamel.yaml's round trip, which keeps
    comments (and is slower); other files are the parsed data, changed in one place."""
    if _is_json(path) or "#" not in old_text:
        document = data if isinstance(data, dict) else {}
        _merge(document, drafts, location, dict)
        return _dump(document, path)
    from ruamel.yaml import YAML, YAMLError
    from ruamel.yaml.comments import CommentedMap

    yaml_rt = YAML()
    yaml_rt.width = 100
    try:
        document = yaml_rt.load(old_text) if old_text.strip() else None
    except YAMLError:  # the kit's reader took it, ruamel's did not: keep the data at least
        warnings.warn(
            f"{path}: the comments in this drafts file could not be kept on saving",
            stacklevel=3,
        )
        return _dump(drafts.to_data(), path)
    if not isinstance(document, CommentedMap):  # only comments
        document = CommentedMap()
        document.yaml_set_start_comment(
            "\n".join(line.strip().removeprefix("#").strip() for line in old_text.splitlines())
        )
    _merge(document, drafts, location, CommentedMap)
    out = io.StringIO()
    yaml_rt.dump(document, out)
    return out.getvalue()


def _merge(document: MutableMapping[str, Any], drafts: Drafts, location: str, kind: type) -> None:
    if drafts.resume:
        document["resume"] = drafts.resume
    if not isinstance(document.get("drafts"), dict):
        document["drafts"] = kind()
    entry = document["drafts"].get(location)
    draft = drafts.items[location]
    if not isinstance(entry, dict):
        entry = document["drafts"][location] = kind()
    entry["text"] = draft.text
    entry["saved"] = draft.saved
    if draft.lesson:
        entry["lesson"] = draft.lesson
    old = entry.get("history")
    if isinstance(old, list) and list(old) == draft.history[: len(old)]:
        old.extend(draft.history[len(old) :])  # appended: comments inside the list stay
    else:
        entry["history"] = draft.history
