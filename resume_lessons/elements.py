"""Find the parts of one bullet or summary (stage, decision, metric, scale, ...) with their spans.

Everything here is pure: text in, a list of Element out. Vocabularies come from the profile.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .profile import DEFAULT_PROFILE, STAGES, Profile, load_profile, tokenize

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
    # the lookahead skips, in C, every position where no alternative can start
    rf"(?=[\d$+\-.fbdthi])(?:[+\-]?\$\s?{_NUM}\s?(?:k|m|mm|b|bn|million|billion|thousand)?\b"
    rf"|(?<![\w.]){_NUM}\s?(?:ms|s|h|hours|minutes|days|weeks|k|m)?\s*(?:->|→)\s*{_NUM}\s?(?:ms|s|h|hours|minutes|days|%)?"
    rf"|[+\-]?(?<![\w.]){_NUM}\s?(?:%|pct\b|percent\b|x\b|×|pp\b|percentage points?\b|basis points\b|bps\b|points?\b)"
    rf"|\bfrom\s+\$?{_NUM}\s?[a-z%]{{0,12}}\s+(?:down\s+|up\s+)?to\s+(?:\$?{_NUM}\s?[a-z%]{{0,12}}|seconds|minutes|real[- ]time)"
    rf"|\bby\s+{_NUM}\s?(?:ms|s|seconds|minutes|hours|days|k|m)\b"
    r"|\b(?:doubled|doubling|tripled|halved|halving|(?:by|in)\s+half)\b"
    r"|\b\d*\.\d+\b)"
)
_THRESHOLD_BEFORE = re.compile(
    r"(?:below|under|above|over|exceeds|exceeded|exceeding|than|<|>|≤|≥)\s*(?:the\s+)?$"
)
_SCALE_NUM = re.compile(
    r"(?=\d)(?<![\w.$,\-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?"
    r"(?P<suf>k|m|mm|b|bn|million|billion|thousand|tb|pb|gb)?\+?(?![\w%$.,]\d)"
    r"(?P<rest>(?:[\s/]+[a-z][a-z0-9&-]*){0,4})"
)
_SUFFIX = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6}
_SUFFIX |= {"b": 1e9, "bn": 1e9, "billion": 1e9}
_DURATION = re.compile(
    rf"\b(?:{_NUM}|{_NUM_WORDS}|a)[-\s](?:day|week|month)s?\b"
    rf"|\bfor\s+(?:{_NUM}|{_NUM_WORDS}|a)\s+(?:day|week|month)s?\b"
    r"|\bover\s+(?:\d+|two|three|four|six)\s+(?:day|week|month)s?\b"
)
_P_VALUE = re.compile(r"\bp\s?(?:<|≤|<=|=)\s?0?\.\d+")
_YEARS = re.compile(
    rf"\b(?:{_NUM}|{_NUM_WORDS})\s?\+?\s*(?:years?|yrs?)\b"
    r"|\b(?:a|over a|nearly a|more than a|almost a)\s+decade\b"
)
_MONEY = re.compile(rf"\$\s?{_NUM}\s?(?:k|m|mm|b|bn|million|billion)?", re.IGNORECASE)
_BULLET_MARK = re.compile(r"^\s*(?:[-*•◦▪‣·–—>]|\d+[.)])?\s*")
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s|,\s+(?:and|while|with)\s")
_DIGIT = re.compile(r"\d|\b(?:doubl|tripl|halv|half)")
_WINDOW = 9  # tokens between a metric and its magnitude
_NOT_VERBS = frozenset(
    [
        "data",
        "need",
        "speed",
        "seed",
        "red",
        "bed",
        "feed",
        "shed",
        "embed",
        "bled",
        "led",
        "weed",
        "hundred",
        "kindred",
        "sacred",
    ]
)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True, slots=True)
class _Vocab:
    """Sets and patterns built once per profile from its data files."""

    tools: frozenset[str]
    scale_units: frozenset[str]
    never_scale: frozenset[str]
    traffic: re.Pattern[str]


@cache
def _vocab(profile: Profile) -> _Vocab:
    words = profile.words
    traffic_nouns = {*words("experiments", "traffic_words"), *words("experiments", "scale_units")}
    nouns = "|".join(sorted((re.escape(w.lower()) for w in traffic_nouns), key=len, reverse=True))
    traffic = re.compile(
        rf"(?=[\dh])(?:(?<![\w.]){_NUM}\s?%\s+(?:of\s+)?(?:the\s+|all\s+|our\s+)?(?:[a-z-]+\s+){{0,2}}?(?:{nouns or 'traffic'})\b"
        rf"|(?<![\w.]){_NUM}\s?%\s+traffic\b"
        rf"|(?<![\w.]){_NUM}\s?%(?:\s*(?:→|->)\s*{_NUM}\s?%)+"
        r"|\b\d{1,2}/\d{1,2}\s+split\b|\bhalf\s+(?:of\s+)?(?:the\s+)?traffic\b)"
    )
    return _Vocab(
        tools=frozenset(w.lower() for w in words("stages", "tools")),
        scale_units=frozenset(w.lower() for w in words("experiments", "scale_units")),
        never_scale=frozenset(w.lower() for w in words("experiments", "team_words")),
        traffic=traffic,
    )


def explain(
    text: str, kind: Kind = "bullet", profile: str | Profile = DEFAULT_PROFILE
) -> list[Element]:
    """The elements of one bullet (kind='bullet') or summary (kind='summary'), in text order."""
    if kind not in ("bullet", "summary"):
        raise ValueError(f"kind must be 'bullet' or 'summary', not {kind!r}")
    prof = load_profile(profile) if isinstance(profile, str) else profile
    if not text or text.isspace():
        return []
    vocab = _vocab(prof)
    lowered = _lower_same_length(text)
    toks = tokenize(lowered)
    if not toks:
        return []
    words = [t for t, _, _ in toks]
    by_cat: dict[str, list[tuple[int, int, str]]] = {}
    index = prof.kind_index.get(kind) or prof.index
    for i, j, cat, phrase in index.matches(words):
        by_cat.setdefault(cat, []).append((i, j, phrase))
    found: list[Element] = []

    def add(name: str, start: int, end: int, value: str = "") -> None:
        found.append(Element(name, start, end, text[start:end], value))

    def span(i: int, j: int) -> tuple[int, int]:
        return toks[i][1], toks[j - 1][2]

    numeric = _DIGIT.search(lowered) is not None
    traffic = (
        [(m.start(), m.end()) for m in vocab.traffic.finditer(lowered)]
        if numeric and ("%" in lowered or "split" in lowered or "half" in lowered)
        else []
    )
    impacts = _quantified_impacts(toks, by_cat, lowered, traffic) if numeric else []
    for start, end, metric, _business in impacts:
        add("quantified_impact", start, end, metric)
    if numeric:
        for start, end, unit in _scales(lowered, vocab, traffic):
            add("scale", start, end, unit)

    if kind == "summary":
        _summary(by_cat, toks, span, add)
        for m in _YEARS.finditer(lowered):
            add("years_experience", m.start(), m.end())
        return sorted(found, key=lambda e: (e.start, e.name))

    verb_opening = _opening(lowered, toks, by_cat, add)
    _stages(words, by_cat, vocab, verb_opening, span, add)
    for cat in ("model_type", "decision", "guardrail", "early_stopping", "significance"):
        for i, j, phrase in _outermost(by_cat.get(cat, [])):
            add(cat, *span(i, j), phrase)
    _tradeoffs(words, by_cat, span, add)
    experiments = _experiments(
        words, by_cat, bool(traffic) or "week" in lowered or "day" in lowered
    )
    for i, j, phrase in experiments:
        add("experiment", *span(i, j), phrase)
        add("stage.experimentation", *span(i, j), phrase)
    if experiments and numeric:
        inside = [(s, e) for s, e, _, _ in impacts]
        for m in _DURATION.finditer(lowered):
            if not any(s <= m.start() < e for s, e in inside):
                add("experiment_duration", m.start(), m.end())
    for start, end in traffic:
        add("traffic_share", start, end)
    if numeric:
        for m in _P_VALUE.finditer(lowered):
            add("significance", m.start(), m.end(), "p-value")
    for start, end, metric, business in impacts:
        if business:
            add("business_impact", start, end, metric)
    return _dedupe(found)


def _dedupe(found: list[Element]) -> list[Element]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for e in sorted(found, key=lambda e: (e.start, e.name, e.end)):
        if (e.name, e.start, e.end) not in seen:
            seen.add((e.name, e.start, e.end))
            out.append(e)
    return out


def _outermost(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop matches inside a longer match of the same category ('gpu' inside 'gpu clusters')."""
    out: list[tuple[int, int, str]] = []
    for i, j, p in sorted(matches, key=lambda m: (m[0], -(m[1] - m[0]))):
        if out and i < out[-1][1]:
            continue
        out.append((i, j, p))
    return out


def _inside_longer(i: int, j: int, others: list[tuple[int, int, str]]) -> bool:
    return any(a <= i and j <= b and b - a > j - i for a, b, _ in others)


def _stages(words, by_cat, vocab, verb_opening, span, add) -> None:  # type: ignore[no-untyped-def]
    stage_hits = {s: _outermost(hs) for s in STAGES if (hs := by_cat.get(f"stage.{s}"))}
    scale_verbs = {p for _, _, p in by_cat.get("scale_verb", [])}
    n = len(words)
    longer = [(s, h) for s, hs in stage_hits.items() for h in hs if h[1] - h[0] > 1]
    for stage, hits in stage_hits.items():
        if stage == "experimentation":
            hits = [h for h in hits if not _offline(words, h[0], by_cat)]
        others = [h for s, h in longer if s != stage]
        for i, j, phrase in hits:
            if others and _inside_longer(i, j, others):
                continue  # "training" inside "training data"
            if phrase in vocab.tools and not verb_opening:
                continue  # a bare list of tools says nothing about the work
            if phrase in scale_verbs and i + 1 < n and words[i + 1][:1].isdigit():
                continue  # "serving 500M users" is scale
            add(f"stage.{stage}", *span(i, j), phrase)
    # A model named right after a building verb is training work: "built a churn model".
    builds = sorted(i for i, _, _ in by_cat.get("build_verb", []))
    if not builds:
        return
    models = by_cat.get("model_noun", []) + by_cat.get("model_type", [])
    for i, j, phrase in sorted(models):
        if any(0 <= i - b <= 7 for b in builds):
            add("stage.training", *span(i, j), phrase)
            return


def _offline(words: list[str], i: int, by_cat) -> bool:  # type: ignore[no-untyped-def]
    return any(i - 2 <= a <= i for a, _, _ in by_cat.get("not_online", []))


def _experiments(words, by_cat, context: bool) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    out = []
    for i, j, p in _outermost(by_cat.get("experiment", [])):
        if _offline(words, i, by_cat):
            continue
        if p in {"test", "tests"} and not (context or _ab_context(words, i)):
            continue
        out.append((i, j, p))
    if not out and context:
        for i, w in enumerate(words):
            if w == "tested" and _ab_context(words, i):
                out.append((i, i + 1, w))
                break
    return out


def _ab_context(words: list[str], i: int) -> bool:
    # A bare "test" is an experiment only in phrases such as "the test ran on 5% of traffic".
    near = words[max(0, i - 3) : i + 8]
    return any(
        w in {"ran", "run", "traffic", "week", "weeks", "days", "users", "split"} for w in near
    )


def _tradeoffs(words, by_cat, span, add) -> None:  # type: ignore[no-untyped-def]
    for i, j, phrase in _outermost(by_cat.get("tradeoff", [])):
        add("tradeoff", *span(i, j), phrase)
    n = len(words)
    for i, _, phrase in by_cat.get("concession", []):
        if i + 1 < n and words[i + 1].endswith("ing"):
            add("tradeoff", *span(i, i + 2), phrase)
    if by_cat.get("decision"):
        for i, j, phrase in by_cat.get("reason", []):
            add("tradeoff", *span(i, j), phrase)
    for i, j, phrase in by_cat.get("limit", []):
        if any(w[:1].isdigit() for w in words[max(0, i - 3) : i]):
            add("tradeoff", *span(max(0, i - 2), j), phrase)


def _summary(by_cat, toks, span, add) -> None:  # type: ignore[no-untyped-def]
    domains = _outermost(by_cat.get("domain", []))
    systems = _outermost(by_cat.get("system_type", []))
    for i, j, phrase in domains:
        add("domain", *span(i, j), phrase)
    for i, j, phrase in systems:
        add("system_type", *span(i, j), phrase)
    generic = {i for i, _, _ in by_cat.get("generic_modifier", [])}
    for i, j, phrase in by_cat.get("system_head", []):
        m = i - 1
        if m < 0 or m in generic or not toks[m][0][:1].isalpha():
            continue
        if toks[i][1] - toks[m][2] > 1:  # "ML. Systems" is not one phrase
            continue
        if any(a <= m and b >= j for a, b, _ in domains + systems):
            continue  # "recommendation systems" is the domain itself
        add("system_type", *span(m, j), phrase)
    named = domains + systems
    for i, j, phrase in _outermost(by_cat.get("generic_adjective", [])):
        if not _inside_longer(i, j, named) and not any(a <= i < b for a, b, _ in named):
            add("generic_adjective", *span(i, j), phrase)


def _scales(lowered: str, vocab: _Vocab, traffic: list[tuple[int, int]]):  # type: ignore[no-untyped-def]
    """Numbers that say how big the system is: '500M users', '2,000 QPS', '4 TB'."""
    for m in _SCALE_NUM.finditer(lowered):
        if any(s <= m.start() < e for s, e in traffic):
            continue
        suffix = m.group("suf") or ""
        if suffix in {"tb", "pb", "gb"}:
            yield m.start(), m.end("suf"), suffix
            continue
        rest = m.group("rest").replace("/", " ").split()
        try:
            value = float(m.group("num").replace(",", "")) * _SUFFIX.get(suffix, 1)
        except ValueError:
            continue
        big = value >= 10_000
        end = m.end("suf") if suffix else m.end("num")
        offset = end
        for k in range(len(rest)):
            hit = ""
            for size in (3, 2, 1):
                phrase = " ".join(rest[k : k + size])
                if phrase in vocab.never_scale:
                    hit = "never"
                    break
                if phrase in vocab.scale_units:
                    hit = phrase
                    break
            if hit == "never":
                break
            word = rest[k]
            offset = lowered.find(word, offset) + len(word)
            if hit:
                last = hit.split()[-1]
                yield m.start(), lowered.find(last, offset - len(word)) + len(last), hit
                break
            if big and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
                yield m.start(), offset, word
                break


def _token_index(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _quantified_impacts(toks, by_cat, lowered, traffic):  # type: ignore[no-untyped-def]
    """A named outcome and the size of its change ('lifted CTR 12%'), or a quality level reached."""
    starts = [s for _, s, _ in toks]
    words = [t for t, _, _ in toks]
    mags = []
    for m in _MAGNITUDE.finditer(lowered):
        s, e = m.start(), m.end()
        if any(a <= s < b or a < e <= b for a, b in traffic):
            continue
        if _THRESHOLD_BEFORE.search(lowered, max(0, s - 12), s):
            continue
        if re.match(r"\s*(?:budget|threshold|target|sla|slo)\b", lowered[e : e + 12]):
            continue
        mags.append((s, e, m.group()))
    if not mags:
        return []
    vague = {i for i, _, _ in by_cat.get("vague_metric", [])}
    metrics = [
        h
        for h in _outermost(by_cat.get("metric", []) + by_cat.get("quality_metric", []))
        if h[0] not in vague
    ]
    quality = {i for i, _, _ in by_cat.get("quality_metric", [])}
    business = {i for i, _, _ in by_cat.get("business_metric", [])}
    for i, j, _ in by_cat.get("business_metric", []):
        business.update(range(i, j))
    changes = sorted(i for i, _, _ in by_cat.get("change_verb", []))
    results = {i for i, _, _ in by_cat.get("result_verb", [])}
    not_impact = {i for i, _, _ in by_cat.get("not_impact", [])}
    out = []
    used: set[int] = set()
    for s, e, mtext in mags:
        a, b = _token_index(starts, s), _token_index(starts, e - 1) + 1
        level = "." in mtext and not any(c in mtext for c in "%x$×") and " " not in mtext
        money = mtext.lstrip("+-").startswith("$")
        best = None
        for i, j, phrase in metrics:
            if i in used:
                continue
            gap = i - b if i >= b else a - j
            if gap < 0 or gap > (2 if level else _WINDOW):
                continue
            if level and i not in quality:
                continue
            lo, hi = (toks[j - 1][2], s) if i < a else (e, toks[i][1])
            if _CLAUSE_BREAK.search(lowered, lo, hi) if lo < hi else False:
                continue
            if best is None or gap < best[0]:
                best = (gap, i, j, phrase)
        if best is not None:
            _, i, j, phrase = best
            used.add(i)
            biz = any(k in business for k in range(i, j)) or money
            out.append((min(s, toks[i][1]), max(e, toks[j - 1][2]), phrase, biz))
            continue
        if level:
            continue
        if any(0 <= a - k <= 3 for k in not_impact):
            continue
        verb = next((c for c in reversed(changes) if 0 < a - c <= 10), None)
        if verb is not None and not _CLAUSE_BREAK.search(lowered, toks[verb][2], s):
            between = [w for w in words[verb + 1 : a] if w not in {"by", "the", "a", "our", "its"}]
            if (between or money or b < len(words)) and not any(k in vague for k in range(verb, a)):
                biz = money or any(k in business for k in range(verb, b + 3))
                out.append((toks[verb][1], e, " ".join(between) or "money", biz))
                continue
        signed = mtext[:1] in "+-" or (a > 0 and lowered[s - 1 : s] == "+")
        if (signed or any(k in results for k in range(a - 2, a))) and b < len(words):
            biz = money or any(k in business for k in range(b, b + 4))
            out.append((s, toks[min(b, len(toks) - 1)][2], words[b], biz))
    return sorted(out)


def _opening(lowered, toks, by_cat, add) -> bool:  # type: ignore[no-untyped-def]
    """Mark how a bullet opens; True when it opens with an action verb."""
    lead = _BULLET_MARK.match(lowered)
    first = 0
    while first < len(toks) and toks[first][1] < (lead.end() if lead else 0):
        first += 1
    skips = {i for i, _, _ in by_cat.get("opening_skip", [])}
    while first in skips and first + 1 < len(toks):
        first += 1
    # A one-word label before a colon ("Search: built ...") is not the opening.
    if first + 1 < len(toks) and lowered[toks[first][2] : toks[first][2] + 1] == ":":
        first += 1
    if first >= len(toks):
        return False
    for i, j, phrase in by_cat.get("weak_opener", []):
        if i == first:
            add("weak_opening", toks[first][1], toks[j - 1][2], phrase)
            return False
    if any(i == first for i, _, _ in by_cat.get("neutral_opener", [])):
        return False
    word = toks[first][0]
    verbs = {i for i, _, _ in by_cat.get("action_verb", [])}
    verbs |= {i for i, _, _ in by_cat.get("decision", [])}
    nxt = toks[first + 1][0] if first + 1 < len(toks) else ""
    stage_word = any(
        i == first for c, hs in by_cat.items() if c.startswith("stage.") for i, _, _ in hs
    )
    if first in verbs or _looks_like_verb(word, nxt, stage_word):
        add("action_verb", toks[first][1], toks[first][2], word)
        return True
    end = toks[min(first + 1, len(toks) - 1)][2]
    add("weak_opening", toks[first][1], end, "no verb")
    return False


def _looks_like_verb(word: str, nxt: str, stage_word: bool) -> bool:
    if not word.isalpha() or len(word) < 5 or word in _NOT_VERBS:
        return False
    if word.endswith("ed"):
        return True
    if word.endswith(("ize", "ise")):
        return True
    return word.endswith("ing") and not stage_word and nxt not in {"of", "and", ""}
