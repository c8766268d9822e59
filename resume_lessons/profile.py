"""Role profiles: the vocabularies (stages, models, metrics, verbs, venues, tools) as data files.

A profile is a folder of YAML files under ``resume_lessons/profiles/<name>/``; another folder
path works too, so a new role needs no code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PROFILES_DIR = Path(__file__).parent / "profiles"
DEFAULT_PROFILE = "ml-engineer"
STAGES = ("data", "features", "training", "serving", "monitoring", "experimentation")

TOKEN = re.compile(r"\$?[a-z0-9]+(?:[-/'.@][a-z0-9]+)*\+?|&")


def tokenize(lowered: str) -> list[tuple[str, int, int]]:
    """Tokens of already-lowercased text, each with its character span."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(lowered)]


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(tok for tok, _, _ in tokenize(phrase.lower()))


class PhraseIndex:
    """Finds known phrases by their tokens: first token -> candidate phrases, longest first."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}

    def add(self, phrase: str, category: str) -> None:
        key = phrase_key(phrase)
        if key:
            self._by_first.setdefault(key[0], []).append((key, category, phrase))

    def freeze(self) -> None:
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def matches(self, tokens: list[str]) -> list[tuple[int, int, str, str]]:
        """(first token, last token + 1, category, phrase): the longest match per category."""
        out: list[tuple[int, int, str, str]] = []
        by_first = self._by_first
        n = len(tokens)
        for i, tok in enumerate(tokens):
            entries = by_first.get(tok)
            if not entries:
                continue
            seen: set[str] = set()
            for key, category, phrase in entries:
                if category in seen:
                    continue
                k = len(key)
                if i + k <= n and (k == 1 or tuple(tokens[i : i + k]) == key):
                    seen.add(category)
                    out.append((i, i + k, category, phrase))
        return out


@dataclass(eq=False)  # hashable by identity: profiles are cached singletons per name
class Profile:
    name: str
    title: str
    raw: dict[str, Any]
    index: PhraseIndex = field(repr=False)
    tool_stages: dict[str, str]
    group_stages: dict[str, str]

    def words(self, *path: str) -> list[str]:
        """A vocabulary list by its path in the data files, e.g. words('verbs', 'weak_openers')."""
        node: Any = self.raw
        for part in path:
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return list(node) if isinstance(node, list | dict) else []

    def setting(self, *path: str, default: Any = None) -> Any:
        node: Any = self.raw
        for part in path:
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node


class ProfileError(ValueError):
    """No profile of that name, or its data files are broken."""


def available_profiles() -> list[str]:
    return sorted(p.name for p in PROFILES_DIR.iterdir() if (p / "profile.yaml").exists())


@cache
def load_profile(name: str = DEFAULT_PROFILE) -> Profile:
    folder = Path(name) if ("/" in name or name.startswith(".")) else PROFILES_DIR / name
    if not (folder / "profile.yaml").exists():
        known = ", ".join(available_profiles())
        raise ProfileError(f"no profile named '{name}' (known profiles: {known})")
    raw: dict[str, Any] = {}
    for file in sorted(folder.glob("*.yaml")):
        try:
            raw[file.stem] = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ProfileError(f"{file}: broken profile data: {exc}") from None
    meta = raw.get("profile", {})
    return Profile(
        name=str(meta.get("name", folder.name)),
        title=str(meta.get("title", folder.name)),
        raw=raw,
        index=_build_index(raw),
        tool_stages={
            tool.lower(): stage
            for stage, tools in (raw.get("skills", {}).get("tools") or {}).items()
            for tool in tools
        },
        group_stages={
            k.lower(): v for k, v in (raw.get("skills", {}).get("group_stages") or {}).items()
        },
    )


def _build_index(raw: dict[str, Any]) -> PhraseIndex:
    index = PhraseIndex()

    def add_all(words: Any, category: str) -> None:
        for word in words or []:
            index.add(str(word), category)

    for stage in STAGES:
        add_all(raw.get("stages", {}).get(stage), f"stage.{stage}")
    add_all(raw.get("models"), "model_type")
    add_all(raw.get("metrics", {}).get("outcome"), "metric")
    add_all(raw.get("metrics", {}).get("business"), "business_metric")
    add_all(raw.get("metrics", {}).get("change_verbs"), "change_verb")
    add_all(raw.get("metrics", {}).get("vague_results"), "vague_result")
    add_all(raw.get("verbs", {}).get("weak_openers"), "weak_opener")
    add_all(raw.get("verbs", {}).get("action_verbs"), "action_verb")
    add_all(raw.get("verbs", {}).get("decisions"), "decision")
    add_all(raw.get("tradeoffs"), "tradeoff")
    for key in ("experiment", "guardrail", "early_stopping", "significance"):
        add_all(raw.get("experiments", {}).get(key), key)
    add_all(raw.get("experiments", {}).get("scale_units"), "scale_unit")
    add_all(raw.get("experiments", {}).get("team_words"), "team_word")
    add_all(raw.get("summary", {}).get("domains"), "domain")
    add_all(raw.get("summary", {}).get("system_types"), "system_type")
    add_all(raw.get("summary", {}).get("generic_adjectives"), "generic_adjective")
    index.freeze()
    return index
