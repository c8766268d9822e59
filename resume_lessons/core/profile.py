"""Role profiles: the vocabularies (stages, models, metrics, verbs, venues, tools) as data files.

A profile is a folder of YAML files under ``resume_lessons/core/profiles/<name>/``; another folder
path works too, so a new role needs no code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

from . import lemmas

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


# One vocabulary entry: the keys each of its tokens matches (see lemmas.py), its category, the
# phrase as written, and for an exact entry ("=lead") the tokens it needs letter for letter.
_Entry = tuple[tuple[frozenset[str], ...], str, str, tuple[str, ...] | None]


class PhraseIndex:
    """Finds known phrases by their tokens' lemmas: "rank" finds "ranked" and "re-ranking".

    A phrase matches where each of its tokens shares a key (the token or one of its lemmas,
    ``lemmas.keys``) with the text's token at that place. At each token the longest phrase of
    each category wins. An entry starting with "=" matches only its exact form. A one-word
    entry ending in ``*`` matches any token starting with it ("yolo*" finds "yolov8"), so
    model versions need no list of their own; one starting with ``*`` any longer token ending
    with it ("*bert" finds "biobert", "scibert"), so a model's domain-adapted variants are
    that model too.
    """

    def __init__(self, part_categories: frozenset[str] = frozenset()) -> None:
        # categories whose one-word entries also match a part of a hyphenated token: a model
        # named in a compound ("Conformer-CTC", "HMM-DNN", "LLM-assisted") is still that model
        self._part_categories = part_categories
        # one-word entries by each key of their token; longer ones by each pair of keys of
        # their first two tokens, so a text's token pair finds them in one lookup
        self._singles: dict[str, list[_Entry]] = {}
        self._pairs: dict[tuple[str, str], list[_Entry]] = {}
        # prefix entries by their first two letters: (stem, category, phrase), longest first
        self._prefixes: dict[str, list[tuple[str, str, str]]] = {}
        # suffix entries: (ending, category, phrase), longest first
        self._suffixes: list[tuple[str, str, str]] = []
        # what each token (and token pair) seen so far may start, longest first
        self._seen_singles: dict[str, list[_Entry]] = {}
        self._seen_pairs: dict[tuple[str, str], list[_Entry]] = {}

    def add(self, phrase: str, category: str) -> None:
        text = phrase.strip()
        if text.endswith("*") and " " not in text:
            stem = text[:-1].lower()
            if len(stem) >= 2:
                self._prefixes.setdefault(stem[:2], []).append((stem, category, phrase))
            return
        if text.startswith("*") and " " not in text:
            ending = text[1:].lower()
            if len(ending) >= 3:
                self._suffixes.append((ending, category, phrase))
            return
        exact = text.startswith("=")
        key = phrase_key(text.removeprefix("="))
        if not key:
            return
        self._add(key, category, text.removeprefix("="), exact)
        if 2 <= len(key) <= 3 and all(tok.isalpha() for tok in key):
            # People hyphenate compounds: "matrix-factorization baseline" is "matrix factorization".
            self._add(("-".join(key),), category, text.removeprefix("="), exact)

    def _add(self, key: tuple[str, ...], category: str, phrase: str, exact: bool) -> None:
        forms = tuple(frozenset({tok}) if exact else lemmas.keys(tok) for tok in key)
        entry: _Entry = (forms, category, phrase, key if exact else None)
        if len(forms) == 1:
            for first in forms[0]:
                self._singles.setdefault(first, []).append(entry)
            return
        for first in forms[0]:
            for second in forms[1]:
                self._pairs.setdefault((first, second), []).append(entry)

    def only(self, categories: frozenset[str]) -> PhraseIndex:
        """This index with only these categories' entries, in the same order: what building
        one from those categories alone would give, without reading every phrase again."""
        out = PhraseIndex(self._part_categories)
        out._singles = _kept(self._singles, categories)
        out._pairs = _kept(self._pairs, categories)
        out._prefixes = {
            two: kept
            for two, stems in self._prefixes.items()
            if (kept := [p for p in stems if p[1] in categories])
        }
        out._suffixes = [p for p in self._suffixes if p[1] in categories]
        return out

    def freeze(self) -> None:
        """Longest phrases first at each key; prefix stems longest first."""
        for entries in self._pairs.values():
            entries.sort(key=_longest)
        for stems in self._prefixes.values():
            stems.sort(key=lambda p: -len(p[0]))
        self._suffixes.sort(key=lambda p: -len(p[0]))
        self._seen_singles.clear()
        self._seen_pairs.clear()

    def _singles_at(self, token: str, keys: frozenset[str]) -> list[_Entry]:
        """The one-word entries of a token: those under any of its keys, once each."""
        found = self._seen_singles.get(token)
        if found is None:
            if len(self._seen_singles) >= _MAX_SEEN_TOKENS:
                self._seen_singles.clear()
            singles = self._singles
            found = _unique([e for k in _surface_first(token, keys) for e in singles.get(k, ())])
            self._seen_singles[token] = found
        return found

    def _pairs_at(
        self, pair: tuple[str, str], keys: frozenset[str], next_keys: frozenset[str]
    ) -> list[_Entry]:
        """The longer entries two tokens may start, longest first."""
        found = self._seen_pairs.get(pair)
        if found is None:
            if len(self._seen_pairs) >= _MAX_SEEN_TOKENS:
                self._seen_pairs.clear()
            pairs = self._pairs
            found = [
                e
                for a in _surface_first(pair[0], keys)
                for b in _surface_first(pair[1], next_keys)
                for e in pairs.get((a, b), ())
            ]
            if len(found) > 1:
                found = sorted(_unique(found), key=_longest)
            self._seen_pairs[pair] = found
        return found

    def matches(self, tokens: list[str]) -> list[tuple[int, int, str, str]]:
        """(first token, last token + 1, category, phrase): the longest match per category."""
        out: list[tuple[int, int, str, str]] = []
        prefixes = self._prefixes
        endings = tuple(e for e, _, _ in self._suffixes)
        text_keys = [lemmas.keys(tok) for tok in tokens]
        n = len(tokens)
        for i, ks in enumerate(text_keys):
            tok = tokens[i]
            seen: set[str] = set()
            if i + 1 < n:
                for forms, category, phrase, exact in self._pairs_at(
                    (tok, tokens[i + 1]), ks, text_keys[i + 1]
                ):
                    k = len(forms)
                    if category in seen or i + k > n:
                        continue
                    if exact is not None:
                        if tuple(tokens[i : i + k]) != exact:
                            continue
                    elif k > 2 and not all(
                        not forms[p].isdisjoint(text_keys[i + p]) for p in range(2, k)
                    ):
                        continue
                    seen.add(category)
                    out.append((i, i + k, category, phrase))
            for _, category, phrase, exact in self._singles_at(tok, ks):
                if category in seen or (exact is not None and tok != exact[0]):
                    continue
                seen.add(category)
                out.append((i, i + 1, category, phrase))
            stems = prefixes.get(tok[:2]) if prefixes else None
            if stems:
                for stem, category, phrase in stems:
                    # the longest stem of each category that the token starts with
                    if category not in seen and tok.startswith(stem):
                        seen.add(category)
                        out.append((i, i + 1, category, phrase))
            if endings and tok.endswith(endings):
                for category, phrase in self._suffix_matches(tok):
                    if category not in seen:
                        seen.add(category)
                        out.append((i, i + 1, category, phrase))
            if self._part_categories and ("-" in tok or "/" in tok):
                out.extend((i, i + 1, c, p) for c, p in self._part_matches(tok, seen))
        return out

    def _suffix_matches(self, token: str) -> list[tuple[str, str]]:
        """(category, phrase) of the suffix entries a token ends with, longer than them."""
        return [(c, p) for e, c, p in self._suffixes if len(token) > len(e) and token.endswith(e)]

    def _part_matches(self, token: str, seen: set[str]) -> list[tuple[str, str]]:
        """(category, phrase) of the parts of a hyphenated or slashed token ("two-tower",
        "detectors/segmenters"), in the part categories only, for the categories the whole
        token did not match."""
        found = []
        for part in re.split(r"[-/]", token):
            if len(part) < 2:
                continue
            entries = [(c, p) for _, c, p, _ in self._singles_at(part, lemmas.keys(part))]
            stems = self._prefixes.get(part[:2], ())
            entries += [(c, p) for stem, c, p in stems if part.startswith(stem)]
            entries += self._suffix_matches(part)
            for category, phrase in entries:
                if category in self._part_categories and category not in seen:
                    seen.add(category)
                    found.append((category, phrase))
        return found

    def by_category(self, tokens: list[str]) -> dict[str, list[tuple[int, int, str]]]:
        """The same matches as ``matches``, grouped by category: {category: [(i, j, phrase)]}."""
        out: dict[str, list[tuple[int, int, str]]] = {}
        for i, j, category, phrase in self.matches(tokens):
            out.setdefault(category, []).append((i, j, phrase))
        return out


_MAX_SEEN_TOKENS = 100_000  # the token -> entries memo starts again past this many tokens


def _surface_first(token: str, keys: frozenset[str]) -> list[str]:
    """A token's keys in a fixed order: the token as written, then its lemmas sorted. An entry
    written as the text has it is reported before one that matched through a lemma, and the
    order never depends on how a set happens to iterate."""
    return [token, *sorted(keys - {token})]


def _kept(table: dict[Any, list[_Entry]], categories: frozenset[str]) -> dict[Any, list[_Entry]]:
    return {
        k: kept
        for k, entries in table.items()
        if (kept := [e for e in entries if e[1] in categories])
    }


def _longest(entry: _Entry) -> int:
    return -len(entry[0])


def _unique(entries: list[_Entry]) -> list[_Entry]:
    """Entries found under several keys of one token, once each (by identity)."""
    seen: set[int] = set()
    out = []
    for e in entries:
        if id(e) not in seen:
            seen.add(id(e))
            out.append(e)
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


# The profile's own data files are trusted and large: libyaml's safe loader reads them several
# times faster than the pure-Python one (learner files go through core.parsing instead).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_profile(name: str = DEFAULT_PROFILE) -> Profile:
    folder = Path(name) if ("/" in name or name.startswith(".")) else PROFILES_DIR / name
    if not (folder / "profile.yaml").exists():
        known = ", ".join(available_profiles())
        raise ProfileError(f"no profile named '{name}' (known profiles: {known})")
    raw: dict[str, Any] = {}
    for file in sorted(folder.glob("*.yaml")):
        try:
            raw[file.stem] = yaml.load(file.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        except yaml.YAMLError as exc:
            raise ProfileError(f"{file}: broken profile data: {exc}") from None
    meta = raw.get("profile", {})
    index = _build_index(raw)
    return Profile(
        name=str(meta.get("name", folder.name)),
        title=str(meta.get("title", folder.name)),
        raw=raw,
        index=index,
        kind_index={kind: index.only(cats) for kind, cats in kind_categories().items()},
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
    (("stages", "serving_system"), "stage_serving_system"),
    (("stages", "monitoring_system"), "stage_monitoring_system"),
    (("stages", "model_words"), "stage_model_word"),
    (("stages", "model_tasks"), "stage_model_task"),
    (("stages", "data_work"), "stage_data_work"),
    (("stages", "data_verbs"), "stage_data_verb"),
    (("stages", "data_nouns"), "stage_data_noun"),
    (("models",), "model_type"),
    (("metrics", "outcome"), "metric"),
    (("metrics", "business"), "business_metric"),
    (("metrics", "quality"), "quality_metric"),
    (("metrics", "change_verbs"), "change_verb"),
    (("metrics", "result_verbs"), "result_verb"),
    (("metrics", "vague_metrics"), "vague_metric"),
    (("metrics", "vague_results"), "vague_result"),
    (("metrics", "not_impact_verbs"), "not_impact"),
    (("metrics", "system_metrics"), "system_metric"),
    (("metrics", "time_saving_verbs"), "time_saving_verb"),
    (("metrics", "claim_verbs"), "claim_verb"),
    (("verbs", "weak_openers"), "weak_opener"),
    (("verbs", "action_verbs"), "action_verb"),
    (("verbs", "decisions"), "decision"),
    (("verbs", "opening_skip"), "opening_skip"),
    (("verbs", "neutral_openers"), "neutral_opener"),
    (("verbs", "helper_openers"), "helper_opener"),
    (("verbs", "role_nouns"), "role_noun"),
    (("tradeoffs", "kept_outcomes"), "tradeoff_keep"),
    (("tradeoffs", "losses"), "tradeoff_loss"),
    (("tradeoffs", "phrases"), "tradeoff"),
    (("tradeoffs", "validations"), "tradeoff"),
    (("tradeoffs", "concessions"), "concession"),
    (("tradeoffs", "reasons"), "reason"),
    (("tradeoffs", "limits"), "limit"),
    (("tradeoffs", "costs_paid"), "cost_paid"),
    (("experiments", "experiment"), "experiment"),
    (("experiments", "not_online"), "not_online"),
    (("experiments", "offline_data"), "offline_data"),
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
    (("quality", "vague_words"), "vague_word"),
    (("quality", "hype_words"), "vague_word"),
    (("quality", "work_of_support"), "work_of_support"),
    (("quality", "records_of_decisions"), "record_of_decision"),
    (("quality", "ml_words"), "ml_word"),
    (("quality", "generic_names"), "generic_name"),
    (("quality", "ownership_openers"), "ownership_opener"),
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


# Categories whose entries match only as written: self-descriptions are adjectives, and their
# lemmas are other words ("experienced" is not "experience", "driven" is not "drive"); a role
# noun is singular ("Lead engineer for", not "Lead engineers").
EXACT_CATEGORIES = frozenset({"generic_adjective", "role_noun", "generic_name"})


# Categories found in a part of a hyphenated token as well as in the whole token.
PART_CATEGORIES = frozenset({"model_type"})


def _build_index(raw: dict[str, Any], categories: frozenset[str] | None = None) -> PhraseIndex:
    index = PhraseIndex(PART_CATEGORIES)
    for path, category in VOCABULARIES:
        if categories is not None and category not in categories:
            continue
        words = _lookup(raw, path)
        if isinstance(words, dict):  # a mapping's keys are its phrases
            words = list(words)
        exact = "=" if category in EXACT_CATEGORIES else ""
        for word in words if isinstance(words, list) else []:
            index.add(exact + str(word), category)
    index.freeze()
    return index
