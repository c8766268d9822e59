"""Skills and where a resume shows them: the pipeline stage a skills group names, and whether a
tool's words appear in the bullets (plural and verb endings allowed). Shared by technique T7 and
the skills sorter of lesson 07."""

from __future__ import annotations

from functools import lru_cache

from .model import Skill
from .profile import Profile, phrase_key, tokenize


def group_stage(group: Skill, profile: Profile) -> str:
    """The pipeline stage a skills group names, or '' when its name is not a stage."""
    name = " ".join(group.name.lower().split())
    if name in profile.group_stages:
        return profile.group_stages[name]
    for key, stage in profile.group_stages.items():
        if key and name.startswith(key):
            return stage
    return ""


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stems(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(_stem(w) for w in words)


MAX_KEYWORD_WORDS = 4


def ngrams(texts: list[str]) -> set[tuple[str, ...]]:
    """Every run of up to four stemmed words in the texts, for O(1) 'is it shown' lookups."""
    grams: set[tuple[str, ...]] = set()
    for text in texts:
        words = stems([w for w, _, _ in tokenize(text.lower())])
        for n in range(1, MAX_KEYWORD_WORDS + 1):
            grams.update(words[i : i + n] for i in range(len(words) - n + 1))
    return grams


def shown_in(keyword: str, grams: set[tuple[str, ...]]) -> bool:
    """Whether the keyword's words appear in a text, allowing plural and verb endings."""
    key = stems(phrase_key(keyword))
    if not key:
        return True
    if len(key) > MAX_KEYWORD_WORDS:  # a long "keyword" is a phrase: its first words will do
        key = key[:MAX_KEYWORD_WORDS]
    return key in grams
