"""Role profiles: the vocabularies (stages, models, metrics, verbs, venues, tools) as data files.

A profile is a folder of YAML files under ``resume_lessons/profiles/<name>/``; another folder
path works too, so a new role needs no code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, compress
from pathlib import Path
from typing import Any

import yaml

PROFILES_DIR = Path(__file__).parent / "profiles"
DEFAULT_PROFILE = "ml-engineer"
STAGES = ("data", "features", "training", "serving", "monitoring", "experimentation")

# Possessive repeats: a token never gives characters back, so the engine skips the bookkeeping
# for backtracking (same matches as the plain greedy form, about 30% faster); the lookahead
# lets a scan skip positions that cannot start a token.
TOKEN = re.compile(r"(?=[$a-z0-9&])(?:\$?[a-z0-9]++(?:[-/'.@][a-z0-9]++)*+\+?|&)")
# The same pattern as one capturing group: ``split`` returns gap, token, gap, token, ..., gap.
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")


def token_spans(lowered: str) -> tuple[list[str], list[int], list[int]]:
    """Tokens of already-lowercased text with their start and end offsets, as three lists.

    One ``split`` scan in C; the offsets are running sums of the piece lengths.
    """
    parts = _TOKEN_SPLIT.split(lowered)
    if len(parts) == 1:
        return [], [], []
    offsets = list(accumulate(map(len, parts)))
    return parts[1::2], offsets[0:-1:2], offsets[1::2]


def tokenize(lowered: str) -> list[tuple[str, int, int]]:
    """Tokens of already-lowercased text, each with its character span."""
    return list(zip(*token_spans(lowered), strict=True))


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(tok for tok, _, _ in tokenize(phrase.lower()))


def _prefix_pattern(stems: list[str]) -> str:
    """A pattern that matches where any of the stems starts, branching a character at a time.

    The engine tries an alternation's branches one by one; grouped as a trie ("d(?:eeplab|
    istilbert)|g(?:nn|pt)"), a failing position costs one test per first character, not one
    per stem. For a yes/no search, a stem that is a prefix of another makes the longer redundant.
    """
    if not stems:
        return "(?!)"
    groups: dict[str, list[str]] = {}
    for stem in stems:
        if not stem:
            return ""  # a stem ends here: whatever follows, it has matched
        groups.setdefault(stem[0], []).append(stem[1:])
    branches = [re.escape(c) + _prefix_pattern(rest) for c, rest in sorted(groups.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _first(hit: tuple[int, int, str]) -> int:
    return hit[0]


class PhraseIndex:
    """Finds known phrases by their tokens: first token -> candidate phrases, longest first.

    A one-word entry ending in ``*`` matches any token starting with it ("yolo*" finds
    "yolov8"), so model versions need no list of their own.
    """

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self._single: dict[str, tuple[tuple[str, str], ...]] = {}
        self._multi: dict[tuple[str, str], tuple[tuple[tuple[str, ...], str, str], ...]] = {}
        self._prefixes: dict[str, list[tuple[str, str, str]]] = {}
        self._table: dict[str, tuple[tuple[tuple[str, str], ...], bool]] = {}
        self._stems = re.compile("(?!)")

    def add(self, phrase: str, category: str) -> None:
        if phrase.endswith("*") and " " not in phrase.strip():
            stem = phrase[:-1].strip().lower()
            if len(stem) >= 2:
                self._prefixes.setdefault(stem[:2], []).append((stem, category, phrase))
            return
        key = phrase_key(phrase)
        if key:
            self._by_first.setdefault(key[0], []).append((key, category, phrase))
        if 2 <= len(key) <= 3 and all(tok.isalpha() for tok in key):
            # People hyphenate compounds: "matrix-factorization baseline" is "matrix factorization".
            joined = "-".join(key)
            self._by_first.setdefault(joined, []).append(((joined,), category, phrase))

    def freeze(self) -> None:
        """Split entries into one-word and longer phrases for fast lookup."""
        for first, entries in self._by_first.items():
            entries.sort(key=lambda e: -len(e[0]))
            singles: dict[str, str] = {}
            for key, category, phrase in entries:
                if len(key) == 1:
                    singles.setdefault(category, phrase)
            self._single[first] = tuple((c, p) for c, p in singles.items())
            for key, category, phrase in entries:
                if len(key) > 1:
                    pair = (key[0], key[1])
                    self._multi[pair] = (*self._multi.get(pair, ()), (key, category, phrase))
        # One lookup per token: its one-word entries, and whether longer phrases start with it.
        firsts = {pair[0] for pair in self._multi}
        stems = sorted({s for cands in self._prefixes.values() for s, _, _ in cands}, key=len)
        self._stems = re.compile("\n" + _prefix_pattern(stems))
        self._table = {
            first: (self._single.get(first, ()), first in firsts) for first in self._by_first
        }

    def matches(self, tokens: list[str]) -> list[tuple[int, int, str, str]]:
        """(first token, last token + 1, category, phrase): the longest match per category."""
        out: list[tuple[int, int, str, str]] = []
        single = self._single
        multi = self._multi
        prefixes = self._prefixes
        n = len(tokens)
        for i, tok in enumerate(tokens):
            seen: set[str] | None = None
            longer = multi.get((tok, tokens[i + 1])) if i + 1 < n else None
            if longer is not None:
                seen = set()
                for key, category, phrase in longer:
                    if category in seen:
                        continue
                    k = len(key)
                    if i + k <= n and tuple(tokens[i : i + k]) == key:
                        seen.add(category)
                        out.append((i, i + k, category, phrase))
            ones = single.get(tok)
            if ones is not None:
                for category, phrase in ones:
                    if seen is None or category not in seen:
                        out.append((i, i + 1, category, phrase))
            if prefixes:
                cands = prefixes.get(tok[:2])
                if cands is not None:
                    for stem, category, phrase in cands:
                        if tok.startswith(stem) and (
                            ones is None or all(c != category for c, _ in ones)
                        ):
                            out.append((i, i + 1, category, phrase))
                            break
        return out

    def by_category(self, tokens: list[str]) -> dict[str, list[tuple[int, int, str]]]:
        """The same matches as ``matches``, grouped by category: {category: [(i, j, phrase)]}.

        Within a category the order is that of ``matches``.
        """
        # Most texts have no token starting with a prefix entry's stem: one search finds out
        # (tokens never contain a newline, so "\n" marks where each starts).
        if not self._prefixes or not self._stems.search("\n" + "\n".join(tokens)):
            return self._by_category_known(tokens)
        out = self._by_category_known(tokens)
        table = self._table.get
        prefixes = self._prefixes.get
        touched: set[str] = set()
        for i, tok in enumerate(tokens):
            cands = prefixes(tok[:2])
            if cands is None:
                continue
            entry = table(tok)
            ones = entry[0] if entry is not None else ()
            for stem, category, phrase in cands:
                if tok.startswith(stem) and all(c != category for c, _ in ones):
                    out.setdefault(category, []).append((i, i + 1, phrase))
                    touched.add(category)
                    break
        # A prefix hit comes after the known hits of its token: a stable sort by token
        # restores the order of ``matches``.
        for category in touched:
            out[category].sort(key=_first)
        return out

    def _by_category_known(self, tokens: list[str]) -> dict[str, list[tuple[int, int, str]]]:
        """``by_category`` without prefix entries: only tokens some phrase starts with."""
        out: dict[str, list[tuple[int, int, str]]] = {}
        get = out.get
        multi = self._multi.get
        n = len(tokens)
        entries = list(map(self._table.get, tokens))  # None for the many unknown tokens
        for i in compress(range(n), entries):
            ones, has_longer = entries[i]  # type: ignore[misc]
            seen: set[str] | None = None
            if has_longer and i + 1 < n:
                longer = multi((tokens[i], tokens[i + 1]))
                if longer is not None:
                    seen = set()
                    for key, category, phrase in longer:
                        if category in seen:
                            continue
                        k = len(key)
                        if k == 2 or (i + k <= n and tuple(tokens[i : i + k]) == key):
                            seen.add(category)
                            hits = get(category)
                            if hits is None:
                                out[category] = [(i, i + k, phrase)]
                            else:
                                hits.append((i, i + k, phrase))
            for category, phrase in ones:
                if seen is None or category not in seen:
                    hits = get(category)
                    if hits is None:
                        out[category] = [(i, i + 1, phrase)]
                    else:
                        hits.append((i, i + 1, phrase))
        return out


@dataclass(eq=False)  # hashable by identity: profiles are cached singletons per name
class Profile:
    name: str
    title: str
    raw: dict[str, Any]
    index: PhraseIndex = field(repr=False)
    tool_stages: dict[str, str]
    group_stages: dict[str, str]
    # The same vocabularies split by what a bullet or a summary needs, so each scan is short.
    kind_index: dict[str, PhraseIndex] = field(repr=False, default_factory=dict)

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
        kind_index={kind: _build_index(raw, cats) for kind, cats in kind_categories().items()},
        tool_stages={
            tool.lower(): stage
            for stage, tools in (raw.get("skills", {}).get("tools") or {}).items()
            for tool in tools
        },
        group_stages={
            k.lower(): v for k, v in (raw.get("skills", {}).get("group_stages") or {}).items()
        },
    )


# Where each vocabulary lives in the data files, and the category the finder knows it by.
# A profile folder may leave any of them out.
VOCABULARIES: tuple[tuple[tuple[str, ...], str], ...] = (
    *(((("stages", stage), f"stage.{stage}")) for stage in STAGES),
    (("stages", "training_cues", "build_verbs"), "build_verb"),
    (("stages", "training_cues", "model_nouns"), "model_noun"),
    (("stages", "scale_verbs"), "scale_verb"),
    (("stages", "not_stage"), "not_stage"),
    (("models",), "model_type"),
    (("metrics", "outcome"), "metric"),
    (("metrics", "business"), "business_metric"),
    (("metrics", "quality"), "quality_metric"),
    (("metrics", "change_verbs"), "change_verb"),
    (("metrics", "result_verbs"), "result_verb"),
    (("metrics", "vague_metrics"), "vague_metric"),
    (("metrics", "vague_results"), "vague_result"),
    (("metrics", "not_impact_verbs"), "not_impact"),
    (("verbs", "weak_openers"), "weak_opener"),
    (("verbs", "action_verbs"), "action_verb"),
    (("verbs", "decisions"), "decision"),
    (("verbs", "opening_skip"), "opening_skip"),
    (("verbs", "neutral_openers"), "neutral_opener"),
    (("tradeoffs", "phrases"), "tradeoff"),
    (("tradeoffs", "concessions"), "concession"),
    (("tradeoffs", "reasons"), "reason"),
    (("tradeoffs", "limits"), "limit"),
    (("experiments", "experiment"), "experiment"),
    (("experiments", "not_online"), "not_online"),
    (("experiments", "guardrail"), "guardrail"),
    (("experiments", "early_stopping"), "early_stopping"),
    (("experiments", "significance"), "significance"),
    (("experiments", "scale_units"), "scale_unit"),
    (("experiments", "team_words"), "team_word"),
    (("summary", "domains"), "domain"),
    (("summary", "system_types"), "system_type"),
    (("summary", "system_heads"), "system_head"),
    (("summary", "generic_modifiers"), "generic_modifier"),
    (("summary", "generic_adjectives"), "generic_adjective"),
)


def _lookup(raw: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = raw
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    return node


def kind_categories() -> dict[str, frozenset[str]]:
    """The vocabulary categories each kind of text is looked up in, from the element table."""
    from .elements.table import categories_for  # the table imports the rules, which import this

    return {kind: categories_for(kind) for kind in ("bullet", "summary")}


def _build_index(raw: dict[str, Any], categories: frozenset[str] | None = None) -> PhraseIndex:
    index = PhraseIndex()
    for path, category in VOCABULARIES:
        if categories is not None and category not in categories:
            continue
        words = _lookup(raw, path)
        if isinstance(words, dict):  # a mapping's keys are its phrases
            words = list(words)
        for word in words if isinstance(words, list) else []:
            index.add(str(word), category)
    index.freeze()
    return index
