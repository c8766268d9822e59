"""A text analysed once: its tokens with spans, and the vocabulary hits every rule reads."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..profile import Profile, token_spans

Kind = Literal["bullet", "summary"]
Hits = dict[str, list[tuple[int, int, str]]]  # category -> [(first token, last + 1, phrase)]

_ANY_DIGIT = re.compile(r"\d")
_HALF_WORD = re.compile(
    r"\b(?:doubl|tripl|halv|half)|\bby (?:a|one|two|three)[- ](?:quarter|third|fifth|tenth)"
)


def _lower_same_length(text: str) -> str:
    """Lowercase text whose offsets stay those of the original ("İ" lowercases to 2 chars)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(slots=True)
class Doc:
    """One bullet or summary, tokenised and looked up in the profile's vocabularies.

    ``words``, ``starts`` and ``ends`` are parallel lists (token, first char, last char + 1 in
    ``text``); ``hits`` holds every vocabulary phrase found, by category. Rules read a Doc and
    never tokenise again; what several rules share is computed once through ``memo``.
    """

    text: str
    kind: Kind
    profile: Profile
    lowered: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    hits: Hits
    # \d or a doubling word: without either, no rule about numbers can match.
    numeric: bool
    _memo: dict[Callable[[Doc], Any], Any] = field(default_factory=dict, repr=False)

    def memo(self, compute: Callable[[Doc], Any]) -> Any:
        """compute(self), computed once per Doc."""
        memo = self._memo
        if compute not in memo:
            memo[compute] = compute(self)
        return memo[compute]


def _within_brackets(hits: Hits, lowered: str, starts: list[int], ends: list[int]) -> Hits:
    """The phrases that do not cross a bracket: "retrieval-augmented generation (RAG)
    pipelines" holds no phrase "rag pipelines", since its ")" closes what "(" opened."""
    cuts = [
        k for k in range(1, len(starts)) if any(c in lowered[ends[k - 1] : starts[k]] for c in "()")
    ]
    if not cuts:
        return hits
    return {
        category: kept
        for category, found in hits.items()
        if (kept := [h for h in found if not any(h[0] < k < h[1] for k in cuts)])
    }


def analyse(text: str, kind: Kind, profile: Profile) -> Doc | None:
    """The Doc of one text, or None when it has no tokens."""
    if not text or text.isspace():
        return None
    lowered = _lower_same_length(text)
    words, starts, ends = token_spans(lowered)
    if not words:
        return None
    hits = (profile.kind_index.get(kind) or profile.index).by_category(words)
    if "(" in lowered or ")" in lowered:
        hits = _within_brackets(hits, lowered, starts, ends)
    numeric = _ANY_DIGIT.search(lowered) is not None or (
        (
            "doubl" in lowered
            or "tripl" in lowered
            or "halv" in lowered
            or "half" in lowered
            or "by " in lowered
        )
        and _HALF_WORD.search(lowered) is not None
    )
    return Doc(text, kind, profile, lowered, words, starts, ends, hits, numeric)
