"""Find the parts of one bullet or summary (stage, decision, metric, scale, ...) with their spans.

Everything here is pure: text in, a list of Element out. Vocabularies come from the profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .profile import DEFAULT_PROFILE, Profile, load_profile, tokenize

Kind = Literal["bullet", "summary"]

BULLET_ELEMENTS = (
    "action_verb",
    "weak_opening",
    "stage.data",
    "stage.features",
    "stage.training",
    "stage.serving",
    "stage.monitoring",
    "stage.experimentation",
    "model_type",
    "decision",
    "tradeoff",
    "quantified_impact",
    "scale",
    "business_impact",
    "experiment",
    "experiment_duration",
    "traffic_share",
    "guardrail",
    "early_stopping",
    "significance",
)
SUMMARY_ELEMENTS = (
    "domain",
    "system_type",
    "scale",
    "quantified_impact",
    "years_experience",
    "generic_adjective",
)
EXPERIMENT_DETAILS = (
    "experiment_duration",
    "traffic_share",
    "guardrail",
    "early_stopping",
    "significance",
)


@dataclass(frozen=True, slots=True)
class Element:
    """One part found in a text: its name, where it sits, the words, and what they matched."""

    name: str
    start: int
    end: int
    text: str
    value: str = ""


_NUM_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few"
_NUM = r"\d+(?:[.,]\d+)*"
_MAGNITUDE = re.compile(
    rf"(?:\$\s?{_NUM}\s?(?:k|m|mm|b|bn|million|billion|thousand)?\b"
    rf"|(?<![\w.]){_NUM}\s?(?:%|x\b|×|pp\b|percentage points?|basis points|bps\b|points?\b)"
    rf"|\bfrom\s+\$?{_NUM}\s?\w{{0,12}}\s+(?:down |up )?to\s+\$?{_NUM}\s?\w{{0,12}}"
    rf"|\bby\s+{_NUM}\s?(?:ms|s|seconds|minutes|hours|days|k|m)\b"
    rf"|\b(?:doubled|tripled|halved)\b)"
)
_SCALE = re.compile(
    rf"(?<![\w.$]){_NUM}\s?(?:k|m|b|bn|mm|million|billion|thousand|tb|pb|gb)?\+?"
    r"(?:\s+(?:daily|monthly|weekly|active|global|unique|new|user|search|ad|daily active"
    r"|monthly active|requests?|streaming|real-time|raw|labeled)){0,2}\s+"
    r"(?P<unit>[a-z/]+)(?:\s*(?:/|per|a|each)\s*(?:day|second|sec|s|hour|month|week|year|min))?"
    r"|(?<![\w.]){_NUM}\s?(?:k|m|b)?\+?\s?(?P<unit2>qps|rps|tps|tb|pb)\b"
)
_DURATION = re.compile(
    rf"\b(?:{_NUM}|{_NUM_WORDS})[-\s](?:day|week|month|hour)s?\b"
    rf"|\bfor\s+(?:{_NUM}|{_NUM_WORDS})\s+(?:day|week|month)s?\b"
)
_TRAFFIC = re.compile(
    rf"(?<![\w.]){_NUM}\s?%\s+(?:of\s+)?(?:the\s+)?"
    r"(?:(?:global|live|production|all|site|search|user|home[- ]feed|us|eu|mobile|web)\s+){0,2}"
    r"(?:traffic|users|sessions|requests|visitors|members|customers|listeners|queries|transactions|orders|accounts|devices)"
    rf"|\b{_NUM}\s?%\s+traffic\b"
)
_P_VALUE = re.compile(r"\bp\s?(?:<|≤|<=|=)\s?0?\.\d+")
_YEARS = re.compile(rf"\b(?:{_NUM}|{_NUM_WORDS})\s?\+?\s*years?\b")
_BULLET_MARK = re.compile(r"^\s*(?:[-*•◦▪‣·–—]|\d+[.)])?\s*")
_VERBISH = re.compile(r"^[a-z]{3,}(?:ed|ing)$")

# Stage phrases that are too ambiguous alone in a summary or in certain contexts.
_WINDOW = 9  # tokens between a metric and its magnitude
_CLAUSE_BREAK = re.compile(r"[;]|\.\s|,\s+(?:and|while|with)\s")


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def explain(
    text: str, kind: Kind = "bullet", profile: str | Profile = DEFAULT_PROFILE
) -> list[Element]:
    """The elements of one bullet (kind='bullet') or summary (kind='summary'), in text order."""
    if kind not in ("bullet", "summary"):
        raise ValueError(f"kind must be 'bullet' or 'summary', not {kind!r}")
    prof = load_profile(profile) if isinstance(profile, str) else profile
    if not text or not text.strip():
        return []
    lowered = _lower_same_length(text)
    toks = tokenize(lowered)
    words = [t for t, _, _ in toks]
    hits = prof.index.matches(words)
    found: list[Element] = []

    def add(name: str, start: int, end: int, value: str = "") -> None:
        found.append(Element(name, start, end, text[start:end], value))

    def span(i: int, j: int) -> tuple[int, int]:
        return toks[i][1], toks[j - 1][2]

    by_cat: dict[str, list[tuple[int, int, str]]] = {}
    for i, j, cat, phrase in hits:
        by_cat.setdefault(cat, []).append((i, j, phrase))

    traffic = [(m.start(), m.end()) for m in _TRAFFIC.finditer(lowered)]
    magnitudes = [
        (m.start(), m.end())
        for m in _MAGNITUDE.finditer(lowered)
        if not any(s <= m.start() < e for s, e in traffic)
    ]
    impacts = _quantified_impacts(toks, by_cat, magnitudes, lowered)
    for start, end, metric in impacts:
        add("quantified_impact", start, end, metric)
    scale_units = {phrase for _, _, phrase in by_cat.get("scale_unit", [])}
    team_words = {phrase for _, _, phrase in by_cat.get("team_word", [])}
    for m in _SCALE.finditer(lowered):
        unit = m.group("unit") or m.group("unit2") or ""
        if unit in team_words or (unit not in scale_units and m.group("unit2") is None):
            continue
        if any(s <= m.start() < e for s, e in traffic):
            continue
        add("scale", m.start(), m.end(), unit)

    if kind == "summary":
        for cat in ("domain", "system_type", "generic_adjective"):
            for i, j, phrase in _outermost(by_cat.get(cat, [])):
                add(cat, *span(i, j), phrase)
        for m in _YEARS.finditer(lowered):
            add("years_experience", m.start(), m.end())
        return sorted(found, key=lambda e: (e.start, e.name))

    _opening(text, lowered, toks, by_cat, add)
    for stage in ("data", "features", "training", "serving", "monitoring", "experimentation"):
        for i, j, phrase in _outermost(by_cat.get(f"stage.{stage}", [])):
            add(f"stage.{stage}", *span(i, j), phrase)
    for cat in (
        "model_type",
        "decision",
        "tradeoff",
        "guardrail",
        "early_stopping",
        "significance",
    ):
        for i, j, phrase in _outermost(by_cat.get(cat, [])):
            add(cat, *span(i, j), phrase)
    experiments = [
        (i, j, p)
        for i, j, p in by_cat.get("experiment", [])
        if p != "test" or _ab_context(words, i)
    ]
    for i, j, phrase in _outermost(experiments):
        add("experiment", *span(i, j), phrase)
    for m in _DURATION.finditer(lowered):
        add("experiment_duration", m.start(), m.end())
    for start, end in traffic:
        add("traffic_share", start, end)
    for m in _P_VALUE.finditer(lowered):
        add("significance", m.start(), m.end(), "p-value")
    business = {p for _, _, p in by_cat.get("business_metric", [])}
    for start, end, metric in impacts:
        if metric in business:
            add("business_impact", start, end, metric)
    for m in re.finditer(rf"\$\s?{_NUM}\s?(?:k|m|mm|b|bn|million|billion)?", lowered):
        if not any(e.name == "business_impact" and e.start <= m.start() < e.end for e in found):
            add("business_impact", m.start(), m.end(), "money")
    return sorted(found, key=lambda e: (e.start, e.name))


def _outermost(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop matches inside a longer match of the same category ('gpu' inside 'gpu clusters')."""
    out: list[tuple[int, int, str]] = []
    for i, j, p in sorted(matches, key=lambda m: (m[0], -(m[1] - m[0]))):
        if out and i < out[-1][1]:
            continue
        out.append((i, j, p))
    return out


def _ab_context(words: list[str], i: int) -> bool:
    # A bare "test" is an experiment only in phrases such as "the test ran on 5% of traffic".
    near = words[max(0, i - 3) : i + 6]
    return any(
        w.endswith("%") or w in {"ran", "run", "traffic", "week", "weeks", "days"} for w in near
    )


def _quantified_impacts(
    toks: list[tuple[str, int, int]],
    by_cat: dict[str, list[tuple[int, int, str]]],
    magnitudes: list[tuple[int, int]],
    lowered: str,
) -> list[tuple[int, int, str]]:
    """A named outcome metric near the size of its change: 'lifted CTR 12%'."""
    if not magnitudes:
        return []
    metrics = _outermost(by_cat.get("metric", []))
    if not metrics:
        return []

    def text_of(between: tuple[int, int]) -> str:
        return lowered[between[0] : between[1]]

    starts = [s for _, s, _ in toks]
    pairs: list[tuple[int, int, int, int, int, str]] = []
    for i, j, phrase in metrics:
        m_start, m_end = toks[i][1], toks[j - 1][2]
        for start, end in magnitudes:
            if start >= m_end:
                gap = _token_index(starts, start) - (j - 1)
                between = (m_end, start)
            else:
                gap = i - _token_index(starts, end - 1)
                between = (end, m_start)
            if 0 <= gap <= _WINDOW and not _CLAUSE_BREAK.search(text_of(between)):
                pairs.append((gap, m_start, m_end, start, end, phrase))
    out: list[tuple[int, int, str]] = []
    used_metrics: set[int] = set()
    used_magnitudes: set[int] = set()
    for _gap, m_start, m_end, start, end, phrase in sorted(pairs):
        if m_start in used_metrics or start in used_magnitudes:
            continue
        used_metrics.add(m_start)
        used_magnitudes.add(start)
        out.append((min(m_start, start), max(m_end, end), phrase))
    return sorted(out)


def _token_index(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


def _opening(text, lowered, toks, by_cat, add) -> None:  # type: ignore[no-untyped-def]
    if not toks:
        return
    lead = _BULLET_MARK.match(lowered)
    first = 0
    while first < len(toks) and toks[first][1] < (lead.end() if lead else 0):
        first += 1
    if first >= len(toks):
        return
    for i, j, phrase in by_cat.get("weak_opener", []):
        if i in (first, first + 1) and (i == first or toks[first][0] in {"i", "was", "also"}):
            add("weak_opening", toks[first][1], toks[j - 1][2], phrase)
            return
    word = toks[first][0]
    verbs = {i for i, _, _ in by_cat.get("action_verb", [])} | {
        i for i, _, _ in by_cat.get("decision", [])
    }
    if first in verbs or (_VERBISH.match(word) and not word.endswith("ing") and word[0].isalpha()):
        add("action_verb", toks[first][1], toks[first][2], word)
        return
    has_verb = bool(verbs) or any(_VERBISH.match(t) for t, _, _ in toks)
    if not has_verb:
        add("weak_opening", toks[first][1], toks[min(first + 1, len(toks) - 1)][2], "no verb")
