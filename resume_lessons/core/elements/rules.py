"""The rules that find the parts of a bullet or summary in a Doc, each with its character span.

Each public ``find_*`` function is a pass: it reads one Doc and returns the parts it finds as
(start, element name, end, value) tuples. ``table.ELEMENTS`` says which pass finds which
element; what several passes share (the traffic shares, the impacts, the opening) is computed
once per Doc with ``Doc.memo``. Everything here is pure. Vocabularies come from the profile.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from operator import methodcaller

from .. import lemmas
from ..cramming import only_tools
from ..profile import STAGES, Profile
from .document import Doc

Found = list[tuple[int, str, int, str]]  # (start, element name, end, value)
Rule = Callable[[Doc], Found]

EXPERIMENT_DETAILS = (
    "experiment_duration",
    "traffic_share",
    "guardrail",
    "early_stopping",
    "significance",
)


# counts a duration is given in ("for two weeks"); "several weeks" and "a few weeks" give none
_NUM_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|twelve"
_NUM = r"\d+(?:[.,]\d+)*"
# the size of what a share is taken of: "20% of 3M daily searches", "5% of 1.2 million users"
_COUNT = rf"(?:{_NUM}\s?(?:[kmb]|million|billion)?\s+)?"
_MAGNITUDE = re.compile(
    # the lookahead skips every position where no alternative can start (see _magnitudes)
    rf"(?=[\d$+\-.fbdthi])(?:[+\-]?\$\s?{_NUM}\s?(?:k|m|mm|b|bn|million|billion|thousand)?\b"
    # other currencies, before the sum ("Rs 40 lakh", "€40k") or after it ("250K €")
    rf"|(?:(?<=\brs )|(?<=\brs\. )|(?<=\binr )|(?<=\busd )|(?<=\beur )|(?<=\bgbp )|(?<=[€£₹¥])|(?<=[€£₹¥] )){_NUM}\s?(?:k|m|mm|b|bn|million|billion|thousand|lakhs?|crores?)?\b"
    rf"|(?<![\w.]){_NUM}\s?(?:k|m|mm|b|bn|million|billion|thousand|lakhs?|crores?)?\s?(?:[€£₹]|(?:eur|euros?|usd|dollars|rupees|inr)\b)"
    rf"|(?<![\w.]){_NUM}\s?(?:ms|s|h|hours|minutes|days|weeks|k|m|%)?\s*(?:->|→)\s*{_NUM}\s?(?:ms|s|h|hours|minutes|days|%)?"
    rf"|[+\-]?(?<![\w.]){_NUM}\s?(?:%|pct\b|percent\b|x\b|×|pp\b|percentage points?\b|basis points\b|bps\b|points?\b|pts?\b)"
    # "from 24 hours (batch) to under 30 seconds": a short aside, and a bound before the new value;
    # a rate after the old value ("from 6 a week to 1", "from 12/day to 2")
    # a range or a number word may stand for either value ("from 2-3 days to just 6 hours",
    # "from five days to three")
    rf"|\bfrom\s+(?:~\s?|about\s+|around\s+|roughly\s+|approximately\s+)?\$?(?:{_NUM}(?:\s?[-–]\s?{_NUM})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s?[a-z%]{{0,12}}(?:\s+(?:a|an|per|each|every)\s+(?:day|week|month|quarter|year|hour|run|release)|/(?:day|week|month|wk|mo|yr))?\s+(?:\([^()]{{1,24}}\)\s+)?(?:down\s+|up\s+)?to\s+(?:(?:under|below|less\s+than|about|~|just|only)\s*)?(?:\$?{_NUM}\s?[a-z%]{{0,12}}|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\b|seconds|minutes|real[- ]time)"
    rf"|\bby\s+{_NUM}\s?(?:ms|s|seconds|minutes|hours|days|k|m)\b"
    r"|\b(?:doubled|doubling|tripled|halved|halving|(?:by|in)\s+half)\b"
    # a fraction of what it was: "cut word errors by a quarter", "by two-thirds"
    r"|\bby\s+(?:a|one|two|three)[- ](?:quarters?|thirds?|fifths?|tenth)\b"
    r"|\b(?:\d+(?:\.\d+)?|two|three|four|five|ten)[- ]?fold\b"
    # a level changed, written without "from": "macro-F1 0.81 to 0.93", "recall 62% to 88%"
    r"|(?<![\w.])\d*\.\d+\s?(?:to|->|→)\s?\d*\.\d+\b"
    r"|(?<![\w.])\d+(?:\.\d+)?\s?%\s?(?:to|->|→)\s?\d+(?:\.\d+)?\s?%"
    # a latency level ("at 12 ms p95"): an outcome only next to a latency metric
    rf"|(?<![\w.]){_NUM}\s?ms\b"
    r"|\b\d*\.\d+\b)"
)
# Where a magnitude can start, for ASCII text: a digit or "$" (the match starts there or one
# character before, at a sign or a decimal point), or the first letter of a word alternative.
# Literal first characters let the engine skip every other position in C.
_MAGNITUDE_START = re.compile(
    r"0|1|2|3|4|5|6|7|8|9|\$|from|by|doubl|tripl|halv|in(?=\s+half)"
    r"|(?:two|three|four|five|ten)(?=[- ]?fold)",
    re.ASCII,
)
_NUM_START = frozenset("0123456789$")
# Without any of the word alternatives' stems in the text, only digits and "$" can start one.
# A run of digits is one candidate: a digit after a digit never starts a match. "$" stays a
# candidate of its own, since a match may start at the digit after it ("$12x" -> "12x").
_MAGNITUDE_NUM_START = re.compile(r"[0-9$](?:(?<=[0-9])[0-9]*+)?", re.ASCII)
_START = methodcaller("start")


def _magnitudes(lowered: str) -> list[re.Match[str]]:
    """The matches of _MAGNITUDE.finditer(lowered), found by trying only where one can start."""
    if not lowered.isascii():
        return list(_MAGNITUDE.finditer(lowered))  # other digits: let the pattern scan
    out = []
    match = _MAGNITUDE.match
    pos = 0
    # Candidates never overlap one that matters: a word alternative starts after \b, so never
    # inside another candidate's letters.
    if (
        "by" in lowered
        or "from" in lowered
        or "doubl" in lowered
        or "tripl" in lowered
        or "halv" in lowered
        or "half" in lowered
        or "fold" in lowered
    ):
        candidates = map(_START, _MAGNITUDE_START.finditer(lowered))
    else:
        # The word letters are common, and the engine stops at each one of them.
        candidates = map(_START, _MAGNITUDE_NUM_START.finditer(lowered))
    for at in candidates:
        if at < pos:
            continue  # inside the last match
        m = None
        if at and lowered[at] in _NUM_START:
            before = lowered[at - 1]
            if before.isalnum() or before == "_":
                # After a word character no alternative starts at a digit ((?<![\w.]), \b),
                # while "$" starts one itself.
                if lowered[at] != "$":
                    continue
            elif before in "+-." and at > pos:
                m = match(lowered, at - 1)  # a sign or a decimal point opens the number
        if m is None:
            m = match(lowered, at)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


# Where a traffic share can start, for ASCII text: a digit, or "half" (a share in other words,
# "a third of", is found by ``_SHARE_WORD`` first). Literal first characters let the engine skip
# every other position in C; the traffic pattern itself opens with a lookahead, so a plain
# finditer runs the matcher at every position.
_TRAFFIC_START = re.compile(r"0|1|2|3|4|5|6|7|8|9|half", re.ASCII)
# A share said in words: "half of users", "a third of the markets", "one in ten sessions".
_SHARE_WORDS = (
    r"(?:half|a\s+(?:third|quarter|fifth|tenth)|(?:one|two)[\s-]thirds?|(?:one|three)[\s-]"
    r"quarters?|one[\s-](?:fifth|tenth)|one\s+in\s+(?:two|three|four|five|ten|\d+))"
)
_SHARE_WORD = re.compile(rf"\b{_SHARE_WORDS}\s+(?:of\s+)?", re.ASCII)


def _traffic_spans(lowered: str, traffic: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans of traffic.finditer(lowered), found by trying only where one can start."""
    if not lowered.isascii():
        return [m.span() for m in traffic.finditer(lowered)]
    out = []
    match = traffic.match
    pos = 0
    candidates: Iterable[int] = map(_START, _TRAFFIC_START.finditer(lowered))
    if "a " in lowered or "one" in lowered or "two" in lowered or "three" in lowered:
        # a share in words opens with one of these ("a third of", "one in ten", "two thirds")
        words = [m.start() for m in _SHARE_WORD.finditer(lowered)]
        if words:
            candidates = sorted({*candidates, *words})
    for at in candidates:
        if at < pos:
            continue  # inside the last match
        if at:
            before = lowered[at - 1]
            if before.isalnum() or before == "_":
                continue  # every alternative opens after a non-word character
        m = match(lowered, at)
        if m is not None:
            out.append(m.span())
            pos = m.end()
    return out


_RAMP_BEFORE = 8  # tokens before an arrow of shares that may say it is a traffic ramp
_RAMP_AFTER = 4


def _ramps_in_context(
    traffic: list[tuple[int, int]],
    lowered: str,
    words: list[str],
    starts: list[int],
    ends: list[int],
    ramp_words: frozenset[str],
) -> list[tuple[int, int]]:
    """Traffic spans without the arrows of shares that no ramp word stands near and no "of"
    follows: '6% -> 1.5%' alone is a metric moving; 'ramped 1% -> 10%', '5% -> 50% of users'
    are ramps."""
    out = []
    for s, e in traffic:
        if "→" in lowered[s:e] or "->" in lowered[s:e]:
            a = bisect_right(starts, s) - 1
            b = bisect_right(starts, e - 1)
            near = words[max(0, a - _RAMP_BEFORE) : b + _RAMP_AFTER]
            if ramp_words.isdisjoint(near) and not (b < len(words) and words[b] == "of"):
                continue
        out.append((s, e))
    return out


_THRESHOLD_BEFORE = re.compile(
    r"(?:below|under|above|over|exceeds|exceeded|exceeding|than|<|>|≤|≥)\s*(?:the\s+)?$"
)
# The first digit comes first and the lookbehind after it, so the pattern opens with a character
# class and the engine skips non-digits in C. Same matches as "(?<![\w.$,-])(?:\d{1,3}...)".
_SCALE_NUM = re.compile(
    r"(?P<num>\d(?<![\w.$,\-]\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?))"
    r"(?:\s?(?P<suf>k|m|mm|b|bn|million|billion|thousand|tb|pb|gb)\b)?\+?(?![\w%$.,]\d)"
    r"(?P<rest>(?:[\s/-]+[a-z][a-z0-9&-]*){0,4})"
)
# A size joined to its noun by a hyphen ("10M-document index", "50M-item catalog") needs at
# least this value: smaller ones are durations and shapes ("3-week", "2-tower", "4-person").
_HYPHEN_SIZE = 1_000
_SUFFIX = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6}
_SUFFIX |= {"b": 1e9, "bn": 1e9, "billion": 1e9}
_DURATION = re.compile(
    rf"\b(?:{_NUM}|{_NUM_WORDS}|a)[-\s](?:day|week|month)s?\b"
    rf"|\bfor\s+(?:{_NUM}|{_NUM_WORDS}|a)\s+(?:day|week|month)s?\b"
    r"|\bover\s+(?:\d+|two|three|four|six)\s+(?:day|week|month)s?\b"
)
_P_VALUE = re.compile(r"\bp\s?(?:<|≤|<=|=)\s?0?\.\d+")
# A count of years: "several years" or "a few years" gives none.
_YEARS = re.compile(
    r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
    r"\s?\+?\s*(?:years?|yrs?)\b"
    r"|\b(?:a|over a|nearly a|more than a|almost a)\s+decade\b"
    r"|\b(?:two|three)\s+decades\b"
)
_BULLET_MARK = re.compile(r"^\s*(?:[-*•◦▪‣·–—>]|\d+[.)])?\s*")
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s|,\s+(?:and|while|with)\s")
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
        "excel",  # the spreadsheet, in "Excel dashboards for ..."
    ]
)


@dataclass(frozen=True, slots=True)
class _Vocab:
    """Sets and patterns built once per profile from its data files."""

    tools: frozenset[str]
    scale_units: frozenset[str]
    never_scale: frozenset[str]
    # First words of the units and team words longer than one word ("monthly active users")
    multi_word_starts: frozenset[str]
    baselines: frozenset[str]
    ramp_words: frozenset[str]
    quality: frozenset[str]  # model-quality metrics as written, prefix entries too ("map@*")
    traffic: re.Pattern[str]
    tested_units: re.Pattern[str] | None = None


def _share_of(nouns: set[str]) -> re.Pattern[str] | None:
    if not nouns:
        return None
    alts = "|".join(sorted((re.escape(w.lower()) for w in nouns), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.]){_NUM}\s?%\s+of\s+(?:the\s+|all\s+|our\s+)?(?:[a-z-]+\s+){{0,2}}?(?:{alts})\b"
    )


@cache
def _vocab(profile: Profile) -> _Vocab:
    words = profile.words
    traffic_nouns = {*words("experiments", "traffic_words")}
    nouns = "|".join(sorted((re.escape(w.lower()) for w in traffic_nouns), key=len, reverse=True))
    traffic = re.compile(
        rf"(?=[\dhaot])(?:(?<![\w.]){_NUM}\s?%\s+of\s+(?:the\s+|all\s+|our\s+)?{_COUNT}(?:[a-z-]+\s+){{0,2}}?(?:{nouns or 'traffic'})\b"
        rf"|(?<![\w.]){_SHARE_WORDS}\s+(?:of\s+)?(?:the\s+|all\s+|our\s+)?(?:[a-z-]+\s+){{0,2}}?(?:{nouns or 'traffic'})\b"
        rf"|(?<![\w.]){_NUM}\s?%\s+traffic\b"
        rf"|(?<![\w.]){_NUM}\s?%(?:\s*(?:→|->)\s*{_NUM}\s?%)+"
        r"|\b\d{1,2}/\d{1,2}\s+split\b|\bhalf\s+(?:of\s+)?(?:the\s+)?traffic\b)"
    )
    return _Vocab(
        tools=frozenset(w.lower() for w in words("stages", "tools")),
        scale_units=frozenset(w.lower() for w in words("experiments", "scale_units")),
        never_scale=frozenset(w.lower() for w in words("experiments", "team_words")),
        multi_word_starts=frozenset(
            w.lower().split()[0]
            for w in (*words("experiments", "scale_units"), *words("experiments", "team_words"))
            if len(w.split()) > 1
        ),
        baselines=frozenset(w.lower() for w in words("tradeoffs", "baselines")),
        ramp_words=frozenset(w.lower() for w in words("experiments", "ramp_words")),
        quality=frozenset(w.lower() for w in words("metrics", "quality")),
        traffic=traffic,
        tested_units=_share_of({*words("experiments", "tested_units")}),
    )


_STAGE_CATS = frozenset(f"stage.{stage}" for stage in STAGES)
_DETAIL_CATS = frozenset({"model_type", "decision", "guardrail", "early_stopping", "significance"})
_TRADEOFF_CATS = frozenset({"tradeoff", "concession", "reason", "limit"})
# words between a change verb and its size that name nothing: "handles around 40% of chats"
_FILLERS = frozenset(
    {"by", "the", "a", "our", "its", "around", "about", "roughly", "nearly", "almost", "~"}
)
_AB_WORDS = frozenset({"ran", "run", "traffic", "week", "weeks", "days", "users", "split"})
_DATA_UNITS = frozenset({"tb", "pb", "gb"})
# Between a building verb and a model, these make the model something the built thing serves or
# feeds ("built the data pipeline that feeds our models", "canary releases for models").
_NOT_BUILT = frozenset(
    {"for", "that", "which", "so", "feeds", "feeding", "to", "used", "powers", "powering"}
)
# A model named just before these is where features came from, not a model being built
# ("used sentence-transformer embeddings").
_FEATURES_AFTER = frozenset(
    {"embeddings", "embedding", "vectors", "features", "feature", "signals"}
)
_TARGET_AFTER = re.compile(r"\s*(?:budget|threshold|target|sla|slo)\b")


# The passes. Each returns what it finds; table.py says which elements each one finds.


# A pilot run beside a comparison group is a controlled test: "piloted it in 4 of our 30
# depots, compared with the rest". A pilot alone is a launch.
_PILOT = re.compile(r"\b(?:pilot(?:ed|ing|s)?|trial(?:l?ed|l?ing|s)?)\b")
_COMPARED = re.compile(
    r"\bcompared (?:with|to|against)\b"
    r"|\bcontrol (?:group|groups|arm|stores|regions|markets|cities|depots|sites|sample)\b"
    r"|\b(?:against|vs\.?|versus) (?:the )?(?:rest|others|control)\b"
)
# In a test, a count out of a whole is its share: "in 4 of our 30 depots".
_COUNT_SHARE = re.compile(r"\b\d[\d,]*\s+of\s+(?:(?:our|the|all|its)\s+)?\d[\d,]*\s+[a-z][a-z-]*")
# A test's allocation given as its arms: "40 treatment vs 40 control stores", "12 control and
# 12 test regions". What share each arm had, counted in the units randomized.
# A share held out of a change is the test's split: "with a 10% random holdout".
_HELD_OUT = re.compile(
    r"\b\d+(?:\.\d+)?\s?%\s+(?:(?:random|randomi[sz]ed|global|user|customer)\s+)?"
    r"(?:holdouts?|hold-outs?|control groups?|control)\b"
)
_ARM = r"(?:treatment|treated|test|pilot|control|holdout)"
_ARMS = re.compile(
    rf"\b\d[\d,]*\s+{_ARM}\s+(?:vs\.?|versus|and|against|to)\s+\d[\d,]*\s+{_ARM}\s+[a-z][a-z-]*"
)


def controlled_pilot(doc: Doc) -> tuple[int, int] | None:
    """The span of "piloted" (or "trial") in a text that also names what it was compared with."""
    lowered = doc.lowered
    if ("pilot" not in lowered and "trial" not in lowered) or not _COMPARED.search(lowered):
        return None
    m = _PILOT.search(lowered)
    return m.span() if m else None


def _tested(doc: Doc) -> bool:
    return (
        "experiment" in doc.hits
        or doc.memo(controlled_pilot) is not None
        or _KIND_TESTED.search(doc.lowered) is not None
    )


def traffic(doc: Doc) -> list[tuple[int, int]]:
    """Spans of traffic shares ('5% of traffic', '1% -> 10% of users', '50/50 split')."""
    lowered = doc.lowered
    shared = doc.numeric and ("%" in lowered or "split" in lowered or "half" in lowered)
    in_words = _SHARE_WORD.search(lowered) is not None
    arms = list(_ARMS.finditer(lowered)) if doc.numeric and "control" in lowered else []
    if not (shared or in_words or arms) and not (
        doc.numeric and " of " in lowered and _tested(doc)
    ):
        return []
    vocab = _vocab(doc.profile)
    spans = _traffic_spans(lowered, vocab.traffic)
    held = list(_HELD_OUT.finditer(lowered)) if shared else []
    seen = {s for s, _ in spans}
    spans = sorted([*spans, *(m.span() for m in [*arms, *held] if m.start() not in seen)])
    if vocab.tested_units is not None and _tested(doc):
        # in a bullet that names its test, a share of what the business handles is the
        # test's share ("an A/B test on 20% of shipments", "in 4 of our 30 depots")
        seen = {s for s, _ in spans}
        shares = [*vocab.tested_units.finditer(lowered), *_COUNT_SHARE.finditer(lowered)]
        spans = sorted([*spans, *(m.span() for m in shares if m.start() not in seen)])
    if spans and ("→" in lowered or "->" in lowered):
        spans = _ramps_in_context(spans, lowered, doc.words, doc.starts, doc.ends, vocab.ramp_words)
    return spans


def impacts(doc: Doc) -> list[tuple[int, int, str, bool]]:
    """(start, end, metric, is business) of each quantified impact."""
    lowered = doc.lowered
    if not doc.numeric and not ("zero" in lowered or "fold" in lowered or "from" in lowered):
        # "zero downtime", "threefold", "from six hours to three": sizes in words
        return [(a, b, "incidents caught", True) for a, b in _caught_counts(lowered)]
    found = _quantified_impacts(
        doc.words,
        doc.starts,
        doc.ends,
        doc.hits,
        doc.lowered,
        doc.memo(traffic),
        _vocab(doc.profile).quality,
    )
    if doc.numeric:
        _add_unless_overlapping(
            found, [(a, b, "time to detect", False) for a, b in _detection_times(lowered)]
        )
        if "handl" in lowered:
            shares = [m.span() for m in _HANDLES_SHARE.finditer(lowered)]
            _add_unless_overlapping(
                found, [(a, b, "share of work handled", True) for a, b in shares]
            )
        if "instead of" in lowered or "rather than" in lowered:
            _add_unless_overlapping(
                found, [(a, b, what, False) for a, b, what in _amounts_instead(lowered)]
            )
    _add_unless_overlapping(
        found, [(a, b, "incidents caught", True) for a, b in _caught_counts(lowered)]
    )
    return found


def _add_unless_overlapping(
    found: list[tuple[int, int, str, bool]], more: list[tuple[int, int, str, bool]]
) -> None:
    """Add the impacts of ``more`` that overlap none of those ``found`` before them (those of
    one rule are not checked against each other)."""
    found += [m for m in more if not any(s < m[1] and m[0] < e for s, e, _, _ in found)]


# Incidents a check caught or prevented, counted: "catching two data outages before they reached
# orders", "prevented 3 bad deploys". The count is the result; what was caught is the business's.
_COUNT_WORDS = (
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of)"
)
_CAUGHT = re.compile(
    r"\b(?:caught|catch(?:es|ing)?|prevent(?:ed|s|ing)?|avert(?:ed|ing)?|flag(?:ged|ging)|"
    rf"detect(?:ed|ing)|stop(?:ped|ping)|block(?:ed|ing))\s+(?:over\s+|more\s+than\s+)?{_COUNT_WORDS}\s+"
    r"(?:[\w-]+\s+){0,3}?(?:outages?|incidents?|regressions?|bugs?|failures?|breakages?|"
    r"data\s+issues?|errors?|defects?|leaks?|bad\s+(?:deploys?|releases?|models?)|sev-?\d+s?)\b"
)


def _caught_counts(lowered: str) -> list[tuple[int, int]]:
    if not any(
        w in lowered
        for w in ("caught", "catch", "prevent", "avert", "flag", "detect", "stop", "block")
    ):
        return []
    return [m.span() for m in _CAUGHT.finditer(lowered)]


# "detects feature drift within 2 hours", "catches a broken pipeline in under 10 minutes
# instead of 3 days": how fast a monitor or a model finds a problem is a measured result.
_DETECTION_TIME = re.compile(
    r"\b(?:detect|catch|caught|flag|spot|alert|page|surface|recover|resolve|roll(?:s|ed)? back)"
    r"(?:s|es|ed|ing)?\b[^.;]{0,60}?"
    r"\b(?:within|in under|in less than|in)\s+\d+(?:\.\d+)?\s*-?\s*"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\b"
    r"(?:\s+(?:instead of|rather than|down from|from|vs\.?|versus)\s+\d+(?:\.\d+)?\s*-?\s*"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b)?"
)


# A share of people's work a system takes on: "our bot handles around 40% of inbound chats"
# (a share of work items, not a load: "handles 500k requests per second" is scale).
_HANDLES_SHARE = re.compile(
    r"\b(?:handles|handled|handling)\s+(?:around\s+|about\s+|roughly\s+|nearly\s+|over\s+|~)?"
    r"\d+(?:\.\d+)?\s?%\s+of\s+(?:[\w-]+\s+){0,3}?"
    r"(?:calls|tickets|claims|chats|contacts|emails|inquiries|enquiries|conversations|cases)\b"
)


# An amount set against what it was or would have been: "need only 4k real grasps of
# fine-tuning instead of 60k", "retraining takes 3 hours rather than 2 days".
_INSTEAD = re.compile(
    rf"(?<![\w.]){_NUM}\s?(?:k|m|%|x|ms|s|h|hrs?|hours?|minutes?|mins?|days?|weeks?)?\b"
    r"(?P<what>(?:\s+[a-z][\w-]*){0,4}?)\s+(?:instead of|rather than)\s+"
    rf"{_NUM}\s?(?:k|m|%|x|ms|s|h|hrs?|hours?|minutes?|mins?|days?|weeks?)?\b"
)


def _amounts_instead(lowered: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), m.group("what").strip() or "amount")
        for m in _INSTEAD.finditer(lowered)
    ]


def _detection_times(lowered: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DETECTION_TIME.finditer(lowered)]


def find_impacts(doc: Doc) -> Found:
    out: Found = []
    business = []
    for start, end, metric, biz in doc.memo(impacts):
        out.append((start, "quantified_impact", end, metric))
        if biz:
            out.append((start, "business_impact", end, metric))
            business.append((start, end))
    hits = doc.hits
    if "business_metric" in hits or "time_saving_verb" in hits:
        for start, end, metric in _impact_claims(
            doc.words, doc.starts, doc.ends, hits, doc.lowered
        ):
            if not any(a <= start < b for a, b in business):
                out.append((start, "business_impact", end, metric))
    if "adopt" in doc.lowered:
        for start, end in _impact_adoption(doc.words, doc.starts, doc.ends):
            out.append((start, "business_impact", end, "adoption"))
    return out


def find_scales(doc: Doc) -> Found:
    lowered = doc.lowered
    worded = "illion" in lowered or "thousands" in lowered or "byte" in lowered
    if not (doc.numeric or worded):
        return []
    vocab = _vocab(doc.profile)
    found = _scales(lowered, vocab, doc.memo(traffic)) if doc.numeric else []
    if worded or "scale" in lowered or "of data" in lowered or " base of" in lowered:
        found += _scale_words(lowered, vocab)
    return [(start, "scale", end, unit) for start, end, unit in found]


def find_summary_parts(doc: Doc) -> Found:
    found: Found = []
    _summary(doc.hits, doc.words, doc.starts, doc.ends, found.append)
    return found


def find_years(doc: Doc) -> Found:
    lowered = doc.lowered
    return [
        (m.start(), "years_experience", m.end(), "")
        for m in _YEARS.finditer(lowered)
        if not _summary_result_period(lowered, m.start(), m.end())
    ]


def opening(doc: Doc) -> tuple[Found, bool]:
    """How the bullet opens, and whether with an action verb."""
    found: Found = []
    verb = _opening(doc.lowered, doc.words, doc.starts, doc.ends, doc.hits, found.append)
    return found, verb


def find_opening(doc: Doc) -> Found:
    return doc.memo(opening)[0]


def find_stages(doc: Doc) -> Found:
    if "," in doc.lowered and only_tools(doc.words, doc.profile):
        return []  # "Used PyTorch, Airflow and MLflow": a list of tools shows no stage's work
    found: Found = []
    verb_opening = doc.memo(opening)[1]
    hits = doc.hits
    # A model-quality metric that moved, or any outcome of a model, says a model was improved.
    impacts_ = doc.memo(impacts) if doc.numeric else ()
    _stages(
        doc.words,
        doc.starts,
        doc.ends,
        hits,
        _vocab(doc.profile),
        verb_opening,
        found.append,
        impacts_,
        _stage_data_tools(doc.profile),
        _stage_hosted(doc.profile),
        _stage_task_words(doc.profile),
    )
    return found


def find_vocabulary_details(doc: Doc) -> Found:
    """Model types, decisions, guardrails, stopping rules, significance: vocabulary phrases."""
    found: Found = []
    starts, ends = doc.starts, doc.ends
    words = doc.words
    for cat in doc.hits.keys() & _DETAIL_CATS:
        hits = doc.hits[cat]
        for i, j, phrase in hits if len(hits) < 2 else _outermost(hits):
            if cat == "decision" and _decision_not_own(words, i):
                continue
            if cat == "decision" and phrase in _COMPARING and _between_figures(doc, i, j):
                continue  # "3 hours instead of 2 days" compares amounts, not options
            if (
                cat == "guardrail"
                and phrase.lower() in _BARE_GUARDRAILS
                and not (_tested(doc) or not _METRIC_WORDS.isdisjoint(words))
            ):
                continue  # "guardrails for LLM outputs" filter what a model says: no test's
            found.append((starts[i], cat, ends[j - 1], phrase))
    found += _held_metrics(doc) + _steady_metrics(doc) + _fixed_horizons(doc)
    return _drop_contained(found, "guardrail")


_COMPARING = frozenset({"instead of", "rather than"})


def _between_figures(doc: Doc, i: int, j: int) -> bool:
    before = doc.lowered[max(0, doc.starts[i] - 40) : doc.starts[i]]
    after = doc.lowered[doc.ends[j - 1] : doc.ends[j - 1] + 6]
    return _ANY_FIGURE.search(before) is not None and _FIGURE_FIRST.match(after) is not None


_ANY_FIGURE = re.compile(r"\d")
_FIGURE_FIRST = re.compile(r"\s*\d")


# The word alone names a test's guardrail only beside a test or a metric; an LLM's guardrails
# ("PII redaction, toxicity filters") filter its output.
_BARE_GUARDRAILS = frozenset({"guardrail", "guardrails", "guard-rail", "guard rails"})
_METRIC_WORDS = frozenset({"metric", "metrics"})


def _drop_contained(found: Found, name: str) -> Found:
    """Drop each ``name`` span inside a longer one: one guardrail found by two rules is one."""
    spans = [(a, b) for a, n, b, _ in found if n == name]
    if len(spans) < 2:
        return found
    return [
        e
        for e in found
        if e[1] != name
        or not any(a <= e[0] and e[2] <= b and (a, b) != (e[0], e[2]) for a, b in spans)
    ]


# "holding latency and add-to-cart rate flat": metrics a test had to keep level are its
# guardrails, named without the word. A verb of keeping, then a level word within a few words.
_LEVEL_WORDS = frozenset({"flat", "steady", "unchanged", "neutral", "stable", "constant"})
_HELD_WINDOW = 7


def _held_metrics(doc: Doc) -> Found:
    keeps = doc.hits.get("tradeoff_keep")
    if not keeps or _LEVEL_WORDS.isdisjoint(doc.words):
        return []
    words, found = doc.words, []
    for i, _, _ in keeps:
        for k in range(i + 2, min(len(words), i + 1 + _HELD_WINDOW)):
            if words[k].rstrip(".,;") in _LEVEL_WORDS:
                found.append((doc.starts[i], "guardrail", doc.ends[k], "held level"))
                break
    return found


# "latency did not move", "with no change in p99", "without hurting conversion": in a test, a
# metric said to have stayed where it was is a guardrail it had to hold, named without the word.
_STEADY_AFTER = (
    ("unchanged",),
    ("flat",),
    ("steady",),
    ("stable",),
    ("neutral",),
    ("held",),
    ("holding",),
    ("did", "not"),
    ("didn't",),
    ("never", "moved"),
    ("stayed", "within"),
)
_STEADY_BEFORE = (
    ("no", "change", "in"),
    ("no", "change", "to"),
    ("no", "changes", "in"),
    ("no", "movement", "in"),
    ("no", "impact", "on"),
    ("no", "effect", "on"),
    ("no", "loss", "in"),
    ("no", "loss", "of"),
    ("no", "hit", "to"),
    ("no", "drop", "in"),
    ("no", "regression", "in"),
    ("no", "degradation", "in"),
    ("without", "hurting"),
    ("without", "harming"),
    ("without", "degrading"),
    ("without", "affecting"),
    ("without", "raising"),
    ("without", "slowing"),
    ("without", "moving"),
    ("without", "changing"),
    ("without", "any", "change", "in"),
)
_STEADY_GAP = 2  # words ("the", "p99", "checkout") allowed between the phrase and the metric
_METRIC_CATS = ("metric", "business_metric", "quality_metric")


def _steady_metrics(doc: Doc) -> Found:
    if not (doc.memo(experiments) or doc.memo(traffic)):
        return []  # outside a test, "without hurting CTR" weighs a cost: a tradeoff
    named = [(i, j) for c in _METRIC_CATS for i, j, _ in _outermost(doc.hits.get(c) or [])]
    if not named:
        return []
    words = [w.rstrip(".,;:") for w in doc.words]
    n, found = len(words), []
    for i, j in named:
        for phrase in _STEADY_AFTER:
            k = next(
                (k for k in range(j, min(n, j + 3)) if tuple(words[k : k + len(phrase)]) == phrase),
                None,
            )
            if k is not None:
                end = k + len(phrase) - 1
                found.append((doc.starts[i], "guardrail", doc.ends[end], "held metric"))
                break
        else:
            for phrase in _STEADY_BEFORE:
                m = len(phrase)
                k = next(
                    (
                        k
                        for k in range(max(0, i - m - _STEADY_GAP), i - m + 1)
                        if tuple(words[k : k + m]) == phrase
                    ),
                    None,
                )
                if k is not None:
                    found.append((doc.starts[k], "guardrail", doc.ends[j - 1], "held metric"))
                    break
    return found


# "run to a fixed 21-day horizon": a test planned to end at a set point is a stopping rule.
_HORIZON_WORDS = frozenset({"horizon", "duration", "sample"})


def _fixed_horizons(doc: Doc) -> Found:
    words = doc.words
    if "fixed" not in words:
        return []
    found = []
    for i, word in enumerate(words):
        if word == "fixed":
            for k in range(i + 1, min(len(words), i + 4)):
                if words[k].rstrip(".,;") in _HORIZON_WORDS:
                    found.append((doc.starts[i], "early_stopping", doc.ends[k], "fixed horizon"))
                    break
    return found


# An option weighed by what it costs next to the other: "only 0.4 min better MAE at 6x the
# serving cost", "matched it at 1/10th the cost", "at twice the latency", "1.5 pts better but
# 9x the training cost".
_PRICED = re.compile(
    r"\b(?:at|but|yet|for|with)\s+(?:\d+(?:\.\d+)?\s?(?:x|×|times)|\d+/\d+(?:th)?|twice|double"
    r"|triple|three times|four times|a (?:third|quarter|fifth|tenth|fraction) of)\s+(?:the|its)\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:cost|costs|price|latency|memory|spend|compute|footprint|size|gpu hours)\b",
    re.IGNORECASE,
)


_PRICED_WORDS = (" at ", "twice", "double", "triple", " times ", " a third", " a quarter")


# A measured loss paid for a gain named beside it: "lost 1.1 mIoU but ran 3x faster", "losing
# 0.3% recall for half the latency". The loss with no gain weighed against it is only a result.
_LOST = re.compile(
    r"\b(?:lost|losing|sacrificed|conceded)\s+(?:only\s+|just\s+|about\s+|~|under\s+)?"
    r"\d+(?:\.\d+)?\s?(?:%|pp|points?|pts)?\s+(?:points?\s+)?(?:of\s+)?[a-z@][\w@.-]*"
    r"(?=[^.;]*?\b(?:but|yet|while|for|in exchange|to gain|in return)\b)",
    re.IGNORECASE,
)


# The same, with the loss named as a noun: "after measuring a 0.4 pt drop in pick success
# against a 2.1x latency cut", "a 1% dip in recall for 40% less memory".
_DROP_AGAINST = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:%|pp|points?|pts?)\s+(?:drop|loss|dip|decrease|regression|hit|fall)"
    r"\s+in\s+[a-z@][\w@.-]*(?:\s+[a-z@][\w@.-]*){0,2}?"
    r"\s+(?:against|for|in exchange for|versus|vs\.?|but|to gain)(?=\s+(?:(?:a|an|the)\s+)?\d)",
    re.IGNORECASE,
)


# A cost held to a limit while the choice was made is the cost it weighed: "kept p99 under
# 45 ms by distilling the towers", "keeping GPU memory within 8 GB".
_HELD_UNDER = re.compile(
    r"\b(?:kept|keep|keeping|held|hold|holding|maintained|maintaining)\s+(?:the\s+|our\s+)?"
    r"(?:p\d\d(?:\s+latency)?|(?:[\w-]+\s+)?latency|(?:gpu\s+)?memory|(?:serving\s+)?cost"
    r"|model size|inference time)\s+(?:under|below|within|at or below|to under)(?=\s+\d)",
    re.IGNORECASE,
)


# What the chosen option lost, said as a comparison: "only 1.5% worse on pinball loss",
# "responses got slower (p95 0.4s -> 1.1s)", "2 points worse but 3x cheaper".
_WORSE = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:%|pp|points?|pts?|ms|x)?\s+(?:worse|slower|heavier|costlier)\b"
    r"|\b(?:got|became|were|was|is|are|ran)\s+(?:a\s+bit\s+|slightly\s+|somewhat\s+|much\s+)?"
    r"(?:slower|worse|costlier|heavier|more\s+expensive)\b",
    re.IGNORECASE,
)


def find_tradeoffs(doc: Doc) -> Found:
    found: Found = []
    if not _TRADEOFF_CATS.isdisjoint(doc.hits):
        _tradeoffs(doc.words, doc.starts, doc.ends, doc.hits, _vocab(doc.profile), found.append)
    if doc.numeric or any(w in doc.lowered for w in _PRICED_WORDS):
        for m in _PRICED.finditer(doc.text):
            found.append((m.start(), "tradeoff", m.end(), "priced"))
    if doc.numeric and (
        "los" in doc.lowered or "sacrific" in doc.lowered or "conced" in doc.lowered
    ):
        for m in _LOST.finditer(doc.text):
            found.append((m.start(), "tradeoff", m.end(), "lost"))
    if doc.numeric:
        for m in _DROP_AGAINST.finditer(doc.text):
            found.append((m.start(), "tradeoff", m.end(), "lost"))
        if "decision" in doc.hits:
            for m in _HELD_UNDER.finditer(doc.text):
                found.append((m.start(), "tradeoff", m.end(), "held under"))
    if "decision" in doc.hits and ("worse" in doc.lowered or "slower" in doc.lowered):
        for m in _WORSE.finditer(doc.text):
            found.append((m.start(), "tradeoff", m.end(), "worse"))
    return found


def experiments(doc: Doc) -> list[tuple[int, int, str]]:
    lowered = doc.lowered
    context = bool(doc.memo(traffic)) or "week" in lowered or "day" in lowered
    found = []
    if "experiment" in doc.hits or (context and "tested" in lowered):
        found = _experiments(doc.words, doc.hits, context, lowered)
    pilot = doc.memo(controlled_pilot)
    if not found and pilot is not None and pilot[0] in doc.starts:
        i = doc.starts.index(pilot[0])
        found = [(i, i + 1, "pilot")]
    return found


def find_experiments(doc: Doc) -> Found:
    found: Found = []
    for i, j, phrase in doc.memo(experiments):
        start, end = doc.starts[i], doc.ends[j - 1]
        found.append((start, "experiment", end, phrase))
        found.append((start, "stage.experimentation", end, phrase))
    return found


# A kind of test written onto its verb: "shadow-tested", "load-tested", "A/B-tested".
_KIND_TESTED = re.compile(r"\b(?:shadow|load|stress|canary|a/b|ab|split|soak)-test(?:ed|ing)?\b")


_PILOT_RUN = re.compile(r"\b(?:pilot|trial)(?:ed|s)?\b")


def find_durations(doc: Doc) -> Found:
    lowered = doc.lowered
    # A test's duration: of an experiment, of a rollout to a share of traffic ("to 10% of
    # traffic for 3 weeks"), or of an offline test. Every duration ends in day, week or month.
    tested = (
        doc.memo(experiments)
        or doc.memo(traffic)
        or "not_online" in doc.hits
        or _KIND_TESTED.search(lowered) is not None  # "shadow-tested … for 3 weeks"
        or _PILOT_RUN.search(lowered) is not None  # "in a 4-week pilot with 60 adjusters"
    )
    if not (doc.numeric and tested):  # "a 2-week shadow test" says how it was tested too
        return []
    if not ("day" in lowered or "week" in lowered or "month" in lowered):
        return []
    spans = doc.memo(impacts)
    return [
        (m.start(), "experiment_duration", m.end(), "")
        for m in _DURATION.finditer(lowered)
        if not any(s <= m.start() < e for s, e, _, _ in spans)
        and not (m.group().startswith("a ") and _PER_PERIOD.search(lowered, 0, m.start()))
        and not _EVERY.search(lowered, 0, m.start())  # "every 2 weeks": how often
        and not lowered.startswith("-old", m.end())  # "a 3-month-old model": an age
        and not _metric_window(doc, m.end())
    ]


def _metric_window(doc: Doc, end: int) -> bool:
    """Whether the duration ending at ``end`` opens a metric's name: "12-month default rate",
    "30-day retention" is the period the metric counts over, not how long a test ran."""
    if end >= len(doc.text) or doc.text[end] != " ":
        return False
    at = bisect_left(doc.starts, end + 1)
    if at >= len(doc.starts) or doc.starts[at] != end + 1:
        return False
    return any(a == at for c in _METRIC_CATS for a, _, _ in doc.hits.get(c, ()))


_EVERY = re.compile(r"\b(?:every|each|once|twice)\s+$")
# "many experiments a week", "2B events a day": how often, not how long ("for 30 days" is)
_PER_PERIOD = re.compile(r"\b[a-z]{3,}s\s+$")


def find_traffic_shares(doc: Doc) -> Found:
    lowered = doc.lowered
    return [
        (start, "traffic_share", end, "")
        for start, end in doc.memo(traffic)
        # all traffic is a launch, not a share
        if not lowered.startswith(("100%", "100 %"), start)
    ]


def find_p_values(doc: Doc) -> Found:
    lowered = doc.lowered
    if not (doc.numeric and ("<" in lowered or "=" in lowered or "≤" in lowered)):
        return []  # a p-value compares
    return [(m.start(), "significance", m.end(), "p-value") for m in _P_VALUE.finditer(lowered)]


def _longest_first(m: tuple[int, int, str]) -> tuple[int, int]:
    return m[0], m[0] - m[1]


def _outermost(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop matches inside a longer match of the same category ('gpu' inside 'gpu clusters').

    Returns the list itself when it has fewer than two matches: callers never change it.
    """
    if len(matches) < 2:
        return matches
    out: list[tuple[int, int, str]] = []
    end = -1
    for m in sorted(matches, key=_longest_first):
        if out and m[0] < end:
            continue
        out.append(m)
        end = m[1]
    return out


def _inside_longer(i: int, j: int, others: list[tuple[int, int, str]]) -> bool:
    return any(a <= i and j <= b and b - a > j - i for a, b, _ in others)


# Stage words that say the work is about a model only in a bullet that names one: "fine-tuned
# the JVM heap settings" is no training.
_STAGE_NEEDS_MODEL = frozenset({"fine-tuning", "fine-tuned", "fine-tune", "finetuned"})
_STAGE_BUILD_WINDOW = 7  # tokens from a building verb to the model it builds
_STAGE_CONSUMED_WINDOW = 4  # tokens from a serving word to the model it deploys or runs
_STAGE_DATA_WINDOW = 6  # tokens from a data verb to its data noun
_STAGE_GUARDRAIL_WINDOW = 5  # tokens between a system word and a guardrail it is listed as
# a verb between a system word and a guardrail ends the list: "the latency cost was acceptable
# with guardrails on errors" says something of the latency itself
_STAGE_LIST_ENDS = frozenset({"was", "were", "is", "are", "been"})
_STAGE_TEST_AFTER = 4  # tokens from a system word ("launched") to the test it starts


def _listed_as_guardrail(words: list[str], i: int, g: int) -> bool:
    """Whether the system word at token i is listed with the guardrail at token g ("guardrails
    on latency", "latency and errors as guardrails")."""
    lo, hi = min(i, g), max(i, g)
    return hi - lo <= _STAGE_GUARDRAIL_WINDOW and not _STAGE_LIST_ENDS & set(words[lo:hi])


# Data words that name what other work used: data work only in a bullet with no other stage,
# or right after a verb that works on them.
_STAGE_DATA_MENTIONS = frozenset({"dataset", "datasets", "labels", "events", "interaction logs"})
_STAGE_MENTION_VERB = 3
# System words that describe or name the built thing rather than run a model: "built a
# real-time fraud model", "made a support bot on a learned intent model" build the model.
_STAGE_DESCRIBES = frozenset(
    {
        "real-time",
        "realtime",
        "near real-time",
        "latency",
        "p99",
        "p95",
        "p99 latency",
        "p95 latency",
        "qps",
        "throughput",
        "edge",
        "autoscaling",
        "chatbot",
        "chatbots",
        "bot",
        "bots",
        "voice bot",
        "virtual assistant",
        "copilot",
    }
)
# People whose pace a model changes: "coder throughput", "reviewer latency" measure their work,
# not a running system's.
_STAGE_PEOPLE = frozenset(
    {"people", "human", "humans", "staff", "team", "teams", "coder", "coders", "annotator",
     "annotators", "labeler", "labelers", "labeller", "labellers", "reviewer", "reviewers",
     "analyst", "analysts", "clinician", "clinicians", "nurse", "nurses", "physician",
     "physicians", "doctor", "doctors", "operator", "operators", "worker", "workers",
     "employee", "employees", "moderator", "moderators", "underwriter", "underwriters",
     "adjuster", "adjusters", "recruiter", "recruiters", "picker", "pickers"}
)  # fmt: skip
# "built and deployed the model": a serving word joined to the building verb builds too
_STAGE_AND = frozenset({"and", "&", "or"})
# A model or task named before these names a team or a product, not work on a model
# ("on the search relevance team", "maintained the pricing platform"), or a team's practice or
# paper about models ("led the weekly model review", "wrote the model cards").
_STAGE_UNIT_AFTER = frozenset(
    {"team", "teams", "platform", "platforms", "org", "organization", "group", "squad",
     "review", "reviews", "meeting", "meetings", "committee", "council", "guild", "governance",
     "sync", "syncs", "standup", "standups", "card", "cards", "documentation", "docs"}
)  # fmt: skip
# A model named before the watching of it is that work's object: "built model monitoring"
# watches models and trains none (unless the bullet trains too: "model monitoring and
# retraining").
_STAGE_WORK_AFTER = frozenset({"monitoring", "observability"})
# Bare feature words are as often product features: they are model inputs only in a bullet that
# names a model, and not after a word that makes them a product's ("shipped new features",
# "LLM-powered features").
_STAGE_BARE_FEATURES = frozenset({"feature", "features"})
_STAGE_PRODUCT_BEFORE = frozenset(
    {
        "product",
        "business",
        "deliver",
        "delivering",
        "delivered",
        "ship",
        "shipping",
        "shipped",
        "launched",
        "released",
        "customer-facing",
        "user-facing",
        "app",
        "ui",
        # "LLM features", "AI features": what a product offers its users
        "llm",
        "llms",
        "ai",
        "genai",
        "gen-ai",
        "generative",
    }
)
# A tool after these is one item of a list ("tools including Airflow and Spark").
_STAGE_LIST_OPENERS = frozenset({"including", "incl", "such", "e.g", "e.g.", "like"})
_STAGE_LIST_WINDOW = 10
# A data tool named as the instrument of the work ("KPI reports using Snowflake", "a Q&A tool
# with Kafka and a vector store") says data work only when the work is a pipeline, job or
# workflow.
_STAGE_INSTRUMENT = frozenset({"using", "with", "via", "leveraging", "utilizing", "utilising"})
# A hosted model is built on, not trained, after these too: "Leveraged LLMs to …", "Used GPT-4 …"
_STAGE_BUILT_ON = _STAGE_INSTRUMENT | {"leveraged", "leverage", "utilized", "utilised", "used"}
_STAGE_INSTRUMENT_WINDOW = 6
_STAGE_PIPELINE_WORDS = frozenset(
    {
        "pipeline",
        "pipelines",
        "workflow",
        "workflows",
        "job",
        "jobs",
        "dag",
        "dags",
        "etl",
        "etls",
        "elt",
        "processing",
        "streaming",
        "ingestion",
    }
)
# Monitoring tools and the plain watching words watch models or pipelines only in a bullet that
# names one or its data ("model monitoring" names the model, bare as it is): "monitored campaign
# KPIs", "observability for the web app" are not.
_STAGE_WATCHED = frozenset(
    {"data", "pipeline", "pipelines", "etl", "jobs", "model", "models", "ml", "predictions"}
)
_STAGE_WATCH_WORDS = frozenset(
    {"monitor", "monitored", "monitoring", "observability", "audits", "degradation"}
)


@cache
def _stage_hosted(profile: Profile) -> tuple[str, ...]:
    """Prefixes of the model types people call as a service (GPT, LLMs)."""
    return tuple(w.lower() for w in profile.words("stages", "hosted_models"))


@cache
def _stage_task_words(profile: Profile) -> frozenset[str]:
    """One-word modelling tasks, for finding them inside compounds ("intent-classification")."""
    return frozenset(
        w.lower().removeprefix("=") for w in profile.words("stages", "model_tasks") if " " not in w
    )


def _stage_compound_task(words: list[str], tasks: frozenset[str]) -> tuple[int, int, str] | None:
    """The first token that joins a modelling task to other words with '-', or None."""
    for i, w in enumerate(words):
        if "-" in w and w.rsplit("-", 1)[1] in tasks:
            return i, i + 1, w
    return None


def _stage_model_cues(words, by_cat, longer, hosted=(), data_tools=()):  # type: ignore[no-untyped-def]
    """The model nouns, model types and modelling tasks that name a model being worked on:
    not a model whose embeddings are used ("sentence-transformer embeddings"), nor a model word
    inside a longer phrase of another stage ("data models", "model registry", "ranking
    service")."""
    n = len(words)
    out = []
    for cat in ("model_noun", "model_type", "stage_model_task"):
        for i, j, phrase in by_cat.get(cat) or ():
            if j < n and (
                words[j] in _FEATURES_AFTER
                or words[j] in _STAGE_UNIT_AFTER
                or (words[j] in _STAGE_WORK_AFTER and _TRAIN_WORDS.isdisjoint(words))
            ):
                continue
            if i and (words[i - 1] == "data" or words[i - 1] in data_tools):
                continue  # a data model ("dbt models") is a schema
            if (
                cat == "model_type"
                and hosted
                and words[i].startswith(hosted)
                and not _STAGE_BUILT_ON.isdisjoint(words[max(0, i - 3) : i])
            ):
                continue  # "a chatbot using GPT-4" builds on a hosted model
            if longer and _inside_longer(i, j, longer):
                continue
            if (
                cat == "model_type"
                and phrase in _APPLIED_METHODS
                and _TRAIN_WORDS.isdisjoint(words)
            ):
                continue  # "built a RAG assistant" builds on models; it trains none
            out.append((i, j, phrase, cat))
    out.sort()
    return out


# Ways of using models that train none of them: retrieval-augmented generation puts a retriever
# before a model someone else trained.
_TRAIN_WORDS = frozenset(
    {"train", "trains", "trained", "training", "retrain", "retrains", "retrained", "retraining",
     "fine-tuned", "finetuned", "fine-tune", "fine-tuning", "pretrained", "distilled"}
)  # fmt: skip
_APPLIED_METHODS = frozenset(
    {
        "rag",
        "retrieval-augmented generation",
        "retrieval augmented generation",
        "retrieval-augmented",
    }
)


def _stage_trains(cues, words, by_cat, consumers, impacts, starts, runs):  # type: ignore[no-untyped-def]
    """The model cue that says the bullet builds, chooses or improves a model, or None.

    - a model, model type or modelling task a few words after a building verb, with nothing
      between that makes the built thing a consumer of the model ("built a board watching
      each live model", "built the pipeline that feeds our models");
    - in a bullet not about running or watching a model (``runs``: no serving or monitoring
      found), a model type anywhere, unless a serving word just before it says it is only run
      ("an app powered by a hosted LLM"), and a modelling task in a bullet that also names
      machine learning or a model ("applied ML to weekly demand forecasting"); neither when the
      model is only what the work is for ("features for the ranking model");
    - a model-quality metric that moved ("lifted recall by 7 points"), or, in a bullet not
      about running a model, an outcome measured on a model ("cut the false positive rate of
      the fraud model by 30%").
    """
    builds = by_cat.get("build_verb") or ()
    ml_named = bool(by_cat.get("stage_model_word"))
    for i, j, phrase, cat in cues:
        for b, _, _ in builds:
            if (
                0 <= i - b <= _STAGE_BUILD_WINDOW
                and _NOT_BUILT.isdisjoint(words[b + 1 : i])
                and not any(b < c < i and words[c - 1] not in _STAGE_AND for c in consumers)
            ):
                return i, j, phrase
        if runs or _stage_for(words, i):
            continue
        if cat == "model_type":
            if not any(
                0 < i - c <= _STAGE_CONSUMED_WINDOW and not any(c < b < i for b, _, _ in builds)
                for c in consumers
            ):
                return i, j, phrase
        elif cat == "stage_model_task" and (
            ml_named or any(c != "stage_model_task" for _, _, _, c in cues)
        ):
            return i, j, phrase
    if impacts:
        for i, j, phrase in by_cat.get("quality_metric") or ():
            at = starts[i]
            if any(s <= at < e for s, e, _, _ in impacts):
                return i, j, phrase
        if not runs:
            # "cut the false positive rate of the fraud model by 30%"
            for i, j, phrase, cat in cues:
                at = starts[i]
                if cat != "stage_model_task" and any(s <= at < e for s, e, _, _ in impacts):
                    return i, j, phrase
    return None


def _stage_for(words: list[str], i: int) -> bool:
    """Whether the model at i is what the work is for: 'for ranking', 'for the ranking model'."""
    return (i > 0 and words[i - 1] == "for") or (
        i > 1 and words[i - 2] == "for" and words[i - 1] in _FILLERS
    )


def _stage_instrument_only(words: list[str], i: int) -> bool:
    """Whether the data tool at i is only what other work was done with: 'using' a few words
    before it, and no pipeline, job or workflow in the bullet."""
    before = words[max(0, i - _STAGE_INSTRUMENT_WINDOW) : i]
    return not _STAGE_INSTRUMENT.isdisjoint(before) and _STAGE_PIPELINE_WORDS.isdisjoint(words)


def _stage_listed(words: list[str], i: int) -> bool:
    """Whether the tool at i is one item of a list: 'including', 'such as' a few words before."""
    return not _STAGE_LIST_OPENERS.isdisjoint(words[max(0, i - _STAGE_LIST_WINDOW) : i])


# Verbs that compute data: features they produce are model inputs even with no model named
# ("jobs that compute daily price features"); a product's features are shipped, not computed.
_FEATURE_COMPUTING = (
    "comput", "precomput", "recomput", "aggregat", "materializ", "materialis", "backfill",
    "deriv",
)  # fmt: skip
_FEATURE_COMPUTING_WINDOW = 5  # tokens from the verb to "features"


def _stage_model_feature(words: list[str], i: int, model_named: bool) -> bool:
    """Whether a bare 'feature(s)' at i is a model input: a model is named, or a verb that
    computes data stands just before, and the word before does not make it a product's."""
    computed = any(
        w.startswith(_FEATURE_COMPUTING) for w in words[max(0, i - _FEATURE_COMPUTING_WINDOW) : i]
    )
    model_named = model_named or computed
    if not model_named or i == 0:
        return model_named
    before = words[i - 1]
    return before not in _STAGE_PRODUCT_BEFORE and not before.endswith("-powered")


@cache
def _stage_data_tools(profile: Profile) -> frozenset[str]:
    """One-word data tools, for finding them inside compounds ("Kafka-to-Hive", "Spark/Hive")."""
    tools = {w.lower() for w in profile.words("stages", "tools")}
    return frozenset(
        w.lower() for w in profile.words("stages", "data") if w.lower() in tools and " " not in w
    )


def _stage_compound_tool(words: list[str], data_tools: frozenset[str]) -> int | None:
    """The first token that joins a data tool to other words with '-' or '/', or None."""
    for i, w in enumerate(words):
        if ("-" in w or "/" in w) and not data_tools.isdisjoint(w.replace("/", "-").split("-")):
            return i
    return None


def _stage_data_mention(mentions, by_cat, other_stage: bool):  # type: ignore[no-untyped-def]
    """A dataset or label word that says data work: in a bullet with no other stage, or with a
    building or data verb just before it ("built the labelled set"); "trained on partner
    datasets" in a modelling bullet is what the model used, a passing mention."""
    if not other_stage:
        return mentions[0]
    verbs = (by_cat.get("build_verb") or []) + (by_cat.get("stage_data_verb") or [])
    for i, j, phrase in mentions:
        if any(0 < i - v <= _STAGE_MENTION_VERB for v, _, _ in verbs):
            return i, j, phrase
    return None


def _stage_data_work(words, by_cat):  # type: ignore[no-untyped-def]
    """A data-work noun right after "data": "data migration", "the data mart"."""
    n = len(words)
    for i, j, phrase in by_cat.get("stage_data_work") or ():
        if i and words[i - 1] == "data" and not (j < n and words[j] in _STAGE_UNIT_AFTER):
            return i - 1, j, phrase
    return None


def _stage_data_objects(words, by_cat):  # type: ignore[no-untyped-def]
    """A data verb with a data noun a few words after it: "migrated the old tables"; not data
    that is only the source ("drew pricing findings from the sales data")."""
    nouns = by_cat.get("stage_data_noun")
    verbs = by_cat.get("stage_data_verb")
    if not nouns or not verbs:
        return None
    for v, _, _ in verbs:
        for i, j, phrase in nouns:
            if 0 < i - v <= _STAGE_DATA_WINDOW and "from" not in words[v + 1 : i]:
                return v, j, phrase
    return None


def _stages(  # type: ignore[no-untyped-def]
    words,
    starts,
    ends,
    by_cat,
    vocab,
    verb_opening,
    add,
    impacts=(),
    data_tools=(),
    hosted=(),
    tasks=(),
) -> None:
    get = by_cat.get
    # Each stage adds its own element name, so the order between stages does not matter.
    stage_cats = by_cat.keys() & _STAGE_CATS
    stage_hits = []
    longer = []
    if stage_cats:
        # One plain loop gathers each stage's outermost hits and the multi-word ones: a
        # comprehension is a function call of its own in this Python.
        for cat in stage_cats:
            hits = by_cat[cat]
            if len(hits) > 1:
                hits = _outermost(hits)
            stage = cat[6:]
            stage_hits.append((stage, cat, hits))
            for h in hits:
                if h[1] - h[0] > 1:
                    longer.append((stage, h))
    longer_hits = [h for _, h in longer]
    cues = _stage_model_cues(
        words, by_cat, [h for s, h in longer if s != "training"], hosted, data_tools
    )
    built_in_tool = any(w in data_tools for w in words)
    model_named = bool(cues or get("stage_model_word")) or any(
        p not in _STAGE_BARE_FEATURES
        for stage, _, hits in stage_hits
        if stage == "features"
        for _, _, p in hits
    )
    # Where a serving or monitoring word stands: a model just after one is run or watched
    # ("shipped the detector to the edge boxes", "an app powered by a hosted LLM").
    consumers = [
        i for stage, _, hits in stage_hits if stage in ("serving", "monitoring") for i, _, _ in hits
    ]
    system = get("stage_serving_system") if model_named else None
    watching = get("stage_monitoring_system") if model_named else None
    if system:
        consumers += [i for i, _, p in system if p not in _STAGE_DESCRIBES]
    if watching:
        consumers += [i for i, _, _ in watching]
    added = set()
    mentions: list[tuple[int, int, str]] = []
    if stage_hits:
        verbs = get("scale_verb")
        scale_verbs = {i for i, _, _ in verbs} if verbs else ()
        tools = vocab.tools
        n = len(words)
        # A stage word inside a longer phrase naming other work ("served as", "causal
        # inference") is no stage.
        not_stage = get("not_stage")
        for stage, cat, hits in stage_hits:
            if stage == "experimentation":
                hits = [h for h in hits if not _offline(h[0], by_cat)]
            others = [h for s, h in longer if s != stage] if longer else None
            if not_stage:
                others = not_stage + others if others else not_stage
            for i, j, phrase in hits:
                if others and _inside_longer(i, j, others):
                    continue  # "training" inside "training data"
                if phrase in tools and (
                    not verb_opening
                    or _stage_listed(words, i)
                    or (stage == "data" and _stage_instrument_only(words, i))
                ):
                    continue  # a bare list of tools says nothing about the work
                if (
                    stage == "monitoring"
                    and (phrase in tools or phrase in _STAGE_WATCH_WORDS)
                    and not (model_named or "stage.data" in by_cat)
                    and _STAGE_WATCHED.isdisjoint(words)
                ):
                    continue  # watching a system that is no model or pipeline
                if phrase in _STAGE_BARE_FEATURES and not _stage_model_feature(
                    # features built in a data tool ("real-time features in Flink") are inputs
                    words,
                    i,
                    model_named or "quality_metric" in by_cat or built_in_tool,
                ):
                    continue  # "shipped new features" are a product's
                if j - 1 in scale_verbs and j < n and words[j][:1].isdigit():
                    continue  # "serving 500M users" is scale
                if phrase in _STAGE_NEEDS_MODEL and not model_named:
                    continue
                if phrase in _STAGE_DATA_MENTIONS:
                    mentions.append((i, j, phrase))
                    continue  # decided once the other stages are known
                add((starts[i], cat, ends[j - 1], phrase))
                added.add(stage)
    # The words of any running system (latency, API, deployed) are serving in a bullet about
    # a model, and not when they are listed as a guardrail of a test.
    if system and "serving" not in added:
        guards = get("guardrail") or ()
        tests = get("stage.experimentation")
        for i, j, phrase in system:
            if longer_hits and _inside_longer(i, j, longer_hits):
                continue  # "real-time" inside "real-time processing"
            if phrase in vocab.tools and not verb_opening:
                continue
            if any(_listed_as_guardrail(words, i, g) for g, _, _ in guards):
                continue
            if tests and any(0 < t - i <= _STAGE_TEST_AFTER for t, _, _ in tests):
                continue  # "launched an A/B test of the ranker" launches the test
            if i > 0 and words[i - 1] in _STAGE_PEOPLE:
                continue  # "raising coder throughput": people's work, not a model's
            add((starts[i], "stage.serving", ends[j - 1], phrase))
            added.add("serving")
            break
    if watching and "monitoring" not in added:
        i, j, phrase = watching[0]
        add((starts[i], "stage.monitoring", ends[j - 1], phrase))
        added.add("monitoring")
    if "training" not in added and (cues or impacts):
        runs = "serving" in added or "monitoring" in added
        hit = _stage_trains(cues, words, by_cat, consumers, impacts, starts, runs)
        if (
            hit is None
            and tasks
            and not runs
            and (get("stage_model_word") or any(c != "stage_model_task" for *_, c in cues))
        ):
            # a task inside a compound ("intent-classification") beside a model or ML named
            hit = _stage_compound_task(words, tasks)
        if hit is not None:
            add((starts[hit[0]], "stage.training", ends[hit[1] - 1], hit[2]))
            added.add("training")
    if "data" not in added:
        hit = _stage_data_work(words, by_cat) or _stage_data_objects(words, by_cat)
        if hit is None and mentions:
            hit = _stage_data_mention(mentions, by_cat, bool(added))
        if hit is not None:
            add((starts[hit[0]], "stage.data", ends[hit[1] - 1], hit[2]))
        elif verb_opening and data_tools:
            at = _stage_compound_tool(words, data_tools)
            if at is not None and not _stage_instrument_only(words, at):
                add((starts[at], "stage.data", ends[at], words[at]))


def _offline(i: int, by_cat) -> bool:  # type: ignore[no-untyped-def]
    hits = by_cat.get("not_online")
    return bool(hits) and any(i - 2 <= a <= i for a, _, _ in hits)


_TEST_WORDS_AFTER = frozenset({"test", "tests", "tested", "testing"})
_TESTED_OBJECT = 5  # "of the new wake-word model" between the test and what it ran on
# What a test ran on or in, before the data it names: "an A/B on replayed logs"
_RAN_ON = frozenset({"on", "over", "against", "in", "using", "with"})
_RAN_ON_WINDOW = 5  # "on 1,200 hours of replayed logs": the data word within these tokens


def _on_recorded_data(j: int, words: list[str], by_cat) -> bool:  # type: ignore[no-untyped-def]
    """Whether the test ending at token j ran on data recorded before it ("A/B on replayed
    logs", "A/B tested the planner in simulation"): an offline comparison, not a test on live
    traffic. The test's own word and what it tested ("of the new model") may come between."""
    hits = by_cat.get("offline_data")
    if not hits:
        return False
    n, k = len(words), j
    if k < n and words[k] in _TEST_WORDS_AFTER:
        k += 1
    for _ in range(_TESTED_OBJECT):
        if k >= n or words[k] in _RAN_ON:
            break
        if words[k] in _MODIFIERS_END and words[k] != "of":
            return False  # "for 2 weeks", "and shipped it": the test's data is not named here
        k += 1
    if k >= n or words[k] not in _RAN_ON:
        return False
    return any(k < a <= k + _RAN_ON_WINDOW for a, _, _ in hits)


# Ways to ship that are a test only where measured: beside a guardrail or a duration ("a
# 2-week canary with guardrails"; "built canary releases for models" is a way to deploy).
_CANARIES = frozenset(
    {"canary", "canaries", "canary rollout", "canary rollouts", "canary release", "canary releases"}
    | {"staged rollout", "staged rollouts", "phased rollout", "phased rollouts"}
)
# Words that are a test only beside a duration, a traffic share or a guardrail ("the test ran
# on 5% of traffic").
_NEEDS_CONTEXT = frozenset({"test", "tests"})
# The practice of testing, not a test: an experiment only with a test's detail beside it
# ("a minimum 14-day run on the experimentation platform", "with guardrail metrics").
_PRACTICE = frozenset(
    {"experimentation", "experimentation platform", "experimentation framework", "switchback"}
)
# After a test word, what makes it a practice around tests rather than one: "the experiment
# review", "experiment guidelines".
_NOT_A_TEST_AFTER = frozenset(
    {"review", "reviews", "council", "guild", "guidelines", "standards", "culture", "process"}
)


def _experiments(words, by_cat, context: bool, lowered: str) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    out = []
    hits = by_cat.get("experiment")
    guarded = bool(by_cat.get("guardrail"))
    if hits:
        for i, j, p in _outermost(hits):
            if _offline(i, by_cat) or (p == "holdout" and _holdout_set(words, i, j)):
                continue
            if _on_recorded_data(j, words, by_cat):
                continue
            if p in _CANARIES and not (guarded or "week" in lowered or "day" in lowered):
                continue  # "built canary releases for models": a way to deploy
            if p in _PRACTICE and not (context or guarded):
                continue  # "designed an experimentation framework": the practice, no test
            if p in _NEEDS_CONTEXT and not (context or _ab_context(words, i) or guarded):
                continue
            if (
                j < len(words)
                and words[j].rstrip(".,;:") in _NOT_A_TEST_AFTER
                and not (context or guarded)
            ):
                continue  # "ran the team's experiment review": a meeting about tests
            out.append((i, j, p))
    if not out and context and "tested" in lowered:
        for i, w in enumerate(words):
            if w == "tested" and _ab_context(words, i):
                out.append((i, i + 1, w))
                break
    return out


# A holdout of items is a set to evaluate on, not a test on users: "a 3,000-ticket holdout",
# "the holdout set".
_HOLDOUT_SETS = frozenset({"set", "sets", "data", "dataset", "split", "sample", "partition"})
_COUNTED_ITEMS = re.compile(
    r"^\d[\d,.]*[km]?-(?!(?:day|week|month|hour|year|quarter|minute)s?$)[a-z]+$"
)  # "3,000-ticket", not a duration ("a 4-week holdout" is a test)


def _holdout_set(words: list[str], i: int, j: int) -> bool:
    after = words[j].rstrip(".,;:") if j < len(words) else ""
    return after in _HOLDOUT_SETS or (i > 0 and bool(_COUNTED_ITEMS.match(words[i - 1])))


def _ab_context(words: list[str], i: int) -> bool:
    # A bare "test" is an experiment only in phrases such as "the test ran on 5% of traffic".
    return not _AB_WORDS.isdisjoint(words[max(0, i - 3) : i + 8])


_VERSUS = frozenset({"vs", "vs.", "versus"})


def _tradeoffs(words, starts, ends, by_cat, vocab, add) -> None:  # type: ignore[no-untyped-def]
    get = by_cat.get
    n = len(words)
    guards = get("guardrail")
    losses = {i for i, _, _ in get("tradeoff_loss") or ()}
    hits = get("tradeoff")
    if hits:
        # A word inside a metric's name is the metric: "false accepts", "false reject rate".
        named = [(a, b) for a, b, _ in get("metric") or ()]
        concerns = [a for c in _METRIC_CATS for a, _, _ in get(c) or ()]
        concerns += [a for a, _, _ in get("decision") or () if a > hits[0][0]]
        for i, j, phrase in _outermost(hits):
            if any(a <= i and j <= b for a, b in named):
                continue
            if phrase in _VERSUS and (
                not vocab.baselines.isdisjoint(words[j : j + 4])
                or not any(i - 6 <= a <= j + 8 for a in concerns)
            ):
                # "vs. the previous baseline" compares, and so does "BERT vs. DistilBERT": a
                # "vs" weighs only near a concern ("latency vs. accuracy", "LLMs vs GPT-4 on
                # cost") or ahead of the decision it led to ("... drove the decision").
                continue
            if "trade" in lemmas.keys(words[i]):
                # "trading X for Y" weighs, opening a clause; "a trading platform" is a business.
                after = words[j : j + 8]
                weighs = "for" in after or "against" in after or "off" in after[:1]
                opens = (
                    i == 0 or words[i - 1] in {"by", "and", "while"} or starts[i] > ends[i - 1] + 1
                )
                if not (weighs and opens):
                    continue
            if phrase == "with less than" and not any(k in losses for k in range(j, min(n, j + 5))):
                continue  # "with less than 3% failed jobs" is a level reached, not a cost paid
            if (
                guards
                and phrase.startswith(("with no", "without", "no "))
                and any(j <= g <= j + 8 for g, _, _ in guards)
            ):
                continue  # "with no regression in the guardrails" is the test's guardrail
            add((starts[i], "tradeoff", ends[j - 1], phrase))
    hits = get("concession")
    if hits:
        # "while halving latency", "while keeping recall": a second outcome weighed, not a
        # second activity ("while working with ...").
        keeps = {i for i, _, _ in get("tradeoff_keep") or ()}
        changes = {i for i, _, _ in get("change_verb") or ()}
        # a change weighs only against a metric: one it moves ("while halving latency") or one
        # held before it ("Kept p99 under 50 ms while adding 40 features"); "Cut labelling cost
        # 40% while adding 300K images" is a second piece of work
        metrics = [a for c in _METRIC_CATS for a, _, _ in get(c) or ()]
        for i, _, phrase in hits:
            k = i + 1
            if k >= n or not words[k].endswith("ing"):
                continue
            moved = any(k < a <= k + 4 for a in metrics)
            held = any(a < i for a in keeps) and any(i - 8 <= a < i for a in metrics)
            if k in keeps or (k in changes and (moved or held)):
                add((starts[i], "tradeoff", ends[k], phrase))
    if get("decision"):
        for i, j, phrase in get("reason") or ():
            add((starts[i], "tradeoff", ends[j - 1], phrase))
    for i, j, phrase in get("limit") or ():
        if any(w[:1].isdigit() for w in words[max(0, i - 3) : i]):
            add((starts[max(0, i - 2)], "tradeoff", ends[j - 1], phrase))


# A hyphenated opening word is a verb when its first part is a verb prefix: "re-ranked".
_OPENING_VERB_PREFIXES = frozenset(
    {"re", "co", "pre", "de", "un", "auto", "fine", "over", "up", "down", "back", "cross", "hand"}
)
_OPENING_DATE = re.compile(
    r"q[1-4]|(?:19|20)\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|january|february|march|april|june|july|august|september|october|november|december"
)
# After a base form that is also a noun ("Convert", "Model"), these make it a verb: "Convert
# all models", not "Model training".
_OPENING_OBJECTS = frozenset(
    {"a", "an", "the", "all", "our", "their", "its", "this", "these", "those", "each", "every"}
    | {"new", "multiple", "several", "various", "existing", "it", "them", "and"}
    | {"daily", "weekly", "monthly", "hourly"}
)
_OPENING_CLAUSE_WORDS = frozenset({"and", "by", "then", "while", "before", "after"})
# After a word that can be a noun, these make it one: "Design of", "Forecasting of".
_OPENING_NOUN_AFTER = frozenset({"of", "for", "on", "in", "into", "to", ""})
# Verbs that state a role when a role word follows: "Played a key role in ...".
_OPENING_ROLE_VERBS = frozenset({"play", "hold", "assume", "fill"})
_OPENING_ROLE_WORDS = frozenset({"role", "roles", "position"})
_OPENING_ROLE_REACH = 4  # tokens after the opening word in which a role word counts


_TEST_KINDS = frozenset({"a/b", "a/b/n", "ab"})


def _opening_adverb(word: str) -> bool:
    """An adverb before the verb ("Effectively led", "Initially built") leaves the verb first."""
    return len(word) > 4 and word.endswith("ly") and "ADV" in lemmas.readings(word)


def _opening_base_verb(word: str, nxt: str) -> bool:
    """A verb's base form opening an imperative bullet ("Transcribe audio", "Convert all
    models"); a word that can also be a noun or adjective needs an object word after it."""
    readings = lemmas.readings(word)
    if word not in readings.get("VERB", ()):
        return False
    return len(readings) == 1 or nxt in _OPENING_OBJECTS


def _opening_past_form(word: str) -> bool:
    """An irregular past form ("got", "began", "taught"): only a verb reading, whose lemma is
    another word. Forms ending in "s" are left out ("builds" could be a plural noun's kin)."""
    readings = lemmas.readings(word)
    verb_lemmas = readings.get("VERB", ())
    return len(readings) == 1 and bool(verb_lemmas) and word not in verb_lemmas and word[-1] != "s"


def _opening_verb_form(word: str, nxt: str) -> bool:
    """Whether a listed verb, in whatever inflection, is used as a verb: not as a noun before a
    preposition ("Forecasting of sales", "Design of the API", "Lead for payments")."""
    if word.endswith("ing"):
        return nxt not in _OPENING_NOUN_AFTER
    return nxt not in _OPENING_NOUN_AFTER or "NOUN" not in lemmas.readings(word)


def _opening_clause_start(lowered: str, words: list[str], ends: list[int], i: int) -> bool:
    """Whether token i starts a clause of its own: after "and", "by", "then" or a comma ("Owned
    the index, rewriting it"), not inside a noun phrase ("the retraining jobs")."""
    return words[i - 1] in _OPENING_CLAUSE_WORDS or "," in lowered[ends[i - 1] : ends[i]]


def _opening_role(lowered, words, ends, by_cat, first) -> int:  # type: ignore[no-untyped-def]
    """The end token of an opening that states a role, not what was done, else 0: a role noun
    after "lead" ("Lead data engineer for ..."), a role word after play or hold ("Played a
    leadership role"), "Own(ed) the X" with no verb of doing after it, or collaborating with
    others so that they can do something ("Collaborated with sales to align ...")."""
    n = len(words)
    word = words[first]
    keys = lemmas.keys(word)
    reach = words[first + 1 : first + 1 + _OPENING_ROLE_REACH]
    if word == "lead":
        roles = by_cat.get("role_noun")
        for i, j, _ in roles or ():
            if first < i <= first + 3:
                return j
    if not _OPENING_ROLE_VERBS.isdisjoint(keys) and not _OPENING_ROLE_WORDS.isdisjoint(reach):
        return first + 1 + next(k for k, w in enumerate(reach) if w in _OPENING_ROLE_WORDS) + 1
    if "own" in keys and first + 1 < n:
        doing = (by_cat.get("action_verb") or []) + (by_cat.get("decision") or [])
        if not any(
            i > first and _opening_clause_start(lowered, words, ends, i) for i, _, _ in doing
        ):
            return first + 1
    helpers = by_cat.get("helper_opener")
    if helpers:
        for i, j, _ in helpers:
            if i == first:
                for k in range(j, min(n, j + 12)):
                    if _CLAUSE_BREAK.search(lowered, ends[j - 1], ends[k]):
                        break
                    if words[k] == "to":
                        return j
    return 0


# Verbs of choosing: a decision when the writer chose, not when a method does the choosing.
_DECISION_CHOICES = frozenset({"select", "choose", "pick"})
# Choosing these is a modelling or data step, not a choice between designs: "selected 40
# features", "selects, labels and augments 10k hours of audio" (data curation).
_DECISION_ITEMS = frozenset(
    {"feature", "features", "variables", "predictors", "samples", "hyperparameters", "columns",
     "examples", "frames", "images", "utterances", "hours", "clips", "records", "rows", "labels",
     "augments", "augmented", "labeled", "labelled"}
)  # fmt: skip
_DECISION_ITEMS_WINDOW = 5  # "selects, labels and augments 10k hours": the item a few words on
# People who convert (buy, subscribe): their converting is an outcome, not a conversion made.
_DECISION_PEOPLE = frozenset(
    {"users", "visitors", "leads", "customers", "trials", "shoppers", "prospects", "buyers"}
    | {"subscribers", "players", "members", "sessions"}
)
# After "moving", these make it a statistic ("moving average"), not a move.
_DECISION_NOT_MOVES = frozenset({"average", "averages", "window", "windows", "median", "target"})


def _decision_not_own(words: list[str], i: int) -> bool:
    """Decision words that name no choice of the writer's: a choice verb in a purpose clause
    says what a method does ("a routine to pick the strongest signals"), choosing features or
    samples is a modelling step, adoption by others is uptake ("adopted by three teams"),
    users converting is an outcome, and a moving average is a statistic."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word == "moving":
        return nxt in _DECISION_NOT_MOVES
    keys = lemmas.keys(word)
    if i > 0 and words[i - 1] == "query":
        return True  # "query rewriting", "query expansion": a search task's name
    if "adopt" in keys:
        return nxt == "by"
    if "convert" in keys:
        # "converted 12% more trial users", "the top decile converted at 3x": people converting
        # is a business outcome
        return nxt == "at" or not _DECISION_PEOPLE.isdisjoint(words[max(0, i - 2) : i + 5])
    if _DECISION_CHOICES.isdisjoint(keys):
        return False
    if i > 0 and words[i - 1] == "to":
        return True
    return not _DECISION_ITEMS.isdisjoint(words[i + 1 : i + 1 + _DECISION_ITEMS_WINDOW])


_SUMMARY_NAMES_WHAT = frozenset({"in", "with", "at"})
_SUMMARY_PERIOD_BEFORE = re.compile(r"\b(?:over|within|in)\s+(?:the\s+(?:last|past)\s+)?$")
_SUMMARY_CLAUSE_END = re.compile(r"\s*(?:[.;,)]|$)")


def _summary_result_period(lowered: str, start: int, end: int) -> bool:
    """Years that close a clause after "over" or "within" are how long a result took ("cut
    losses from 18 to 7 bps over 2 years."), not years of experience ("over 12 years of ...")."""
    return bool(
        _SUMMARY_PERIOD_BEFORE.search(lowered, max(0, start - 20), start)
        and _SUMMARY_CLAUSE_END.match(lowered, end)
    )


# Words that say how a domain's system runs, so that the two name a system type: "streaming
# ASR", "real-time fraud detection", "on-device speech recognition".
RUNS_AS = frozenset(
    {"streaming", "real-time", "realtime", "online", "on-device", "low-latency", "edge", "embedded"}
)


_MODEL_HEADS = frozenset({"model", "models"})
_TASK_WORDS = frozenset(
    {
        "prediction", "ranking", "scoring", "forecasting", "detection", "classification",
        "recommendation", "retrieval", "matching", "pricing", "segmentation", "moderation",
        "tracking", "recognition", "estimation", "propensity",
    }
)  # fmt: skip


_OWNING = frozenset(
    {"own", "owns", "owned", "owning", "lead", "leads", "led", "leading", "build", "builds",
     "built", "building", "run", "runs", "ran", "running"}
)  # fmt: skip
_ARTICLES = frozenset({"the", "a", "an", "our", "its", "their", "my"})


# Words that end the run of modifiers between a verb and the task it names: "building
# lidar-camera 3D object detection" builds it; "building tools for object detection" builds tools.
_MODIFIERS_END = frozenset(
    {"for", "with", "on", "in", "of", "to", "at", "by", "from", "and", "or", "as", "into", "via"}
)
_MODIFIERS_BEFORE = 3  # "lidar-camera 3D" before "object detection"


def _owned_from(words: list[str], starts: list[int], ends: list[int], i: int) -> bool:
    """Whether the task starting at token i is what an owning verb before it builds or runs:
    the verb, then articles and up to three modifiers, in one run of words ("built the
    real-time 3D object detection"; "ran 40 tests; my pricing …" builds no pricing)."""
    k, modifiers = i - 1, 0
    while k >= 0:
        if starts[k + 1] - ends[k] > 1:
            return False  # a comma, a semicolon, a bracket: another clause
        if words[k] in _OWNING:
            return True
        if words[k] not in _ARTICLES:
            if words[k] in _MODIFIERS_END or modifiers == _MODIFIERS_BEFORE:
                return False
            modifiers += 1
        k -= 1
    return False


def _summary(by_cat, words, starts, ends, add) -> None:  # type: ignore[no-untyped-def]
    get = by_cat.get
    domains = _outermost(get("domain") or [])
    systems = _outermost(get("system_type") or [])
    for i, j, phrase in domains:
        add((starts[i], "domain", ends[j - 1], phrase))
        m = i - 1
        if m >= 0 and words[m] in RUNS_AS and not any(a <= m < b for a, b, _ in systems):
            # "streaming ASR", "real-time fraud detection": the domain as a running system
            add((starts[m], "system_type", ends[j - 1], f"{words[m]} {phrase}"))
    for i, j, phrase in systems:
        add((starts[i], "system_type", ends[j - 1], phrase))
    named = domains + systems
    modifiers = get("generic_modifier")
    generic = {i for i, _, _ in modifiers} if modifiers else ()
    for i, j, phrase in get("system_head") or ():
        m = i - 1
        if m < 0 or m in generic or not words[m][:1].isalpha():
            continue
        if starts[i] - ends[m] > 1:  # "ML. Systems" is not one phrase
            continue
        if any(a <= m and b >= j for a, b, _ in named):
            continue  # "recommendation systems" is the domain itself
        add((starts[m], "system_type", ends[j - 1], phrase))
    # "the CTR prediction model", "our ranking models": the model that does a task is the
    # system the summary's owner builds, as is one named by the domain it serves ("a fraud
    # model", "churn models")
    domain_ends = {b for _, b, _ in domains}
    for k in range(1, len(words)):
        if (
            words[k] in _MODEL_HEADS
            and (words[k - 1] in _TASK_WORDS or k in domain_ends)
            and starts[k] - ends[k - 1] <= 1
        ):
            if any(a <= k < b for a, b, _ in systems):
                continue
            start = next((a for a, b, _ in domains if b == k), k - 1)
            add((starts[start], "system_type", ends[k], " ".join(words[start : k + 1])))
    # "I own click-through rate prediction for the ads auction": a task one owns or built is
    # the system one runs
    heads = {a for a, _, _ in get("system_head") or ()}
    for i, j, phrase in domains:
        if words[j - 1] not in _TASK_WORDS or any(a < j and i < b for a, b, _ in systems):
            continue
        if j in heads or (j < len(words) and words[j] in _MODEL_HEADS):
            continue  # "own the ranking platform": the platform is the system, named above
        if _owned_from(words, starts, ends, i):
            add((starts[i], "system_type", ends[j - 1], phrase))
    hits = get("generic_adjective")
    if hits:
        n = len(words)
        for i, j, phrase in _outermost(hits):
            if _inside_longer(i, j, named) or any(a <= i < b for a, b, _ in named):
                continue
            if words[i] == "experienced" and j < n and words[j] in _SUMMARY_NAMES_WHAT:
                continue  # "experienced in building dashboards" says in what
            add((starts[i], "generic_adjective", ends[j - 1], phrase))


# Words naming a model's topic right after a metric: "churn prediction", "CTR model".
_IMPACT_TOPIC = frozenset(
    [
        "prediction",
        "predictions",
        "predictor",
        "model",
        "models",
        "modeling",
        "modelling",
        "forecast",
        "forecasts",
        "forecasting",
        "classifier",
        "classification",
        "detection",
        "estimation",
        "analysis",
        "analyses",
        "segmentation",
        "scoring",
        "dashboard",
        "dashboards",
        "pipeline",
        "pipelines",
        "strategy",
        "strategies",
        "decisions",
        "team",
        "teams",
        "project",
        "projects",
        "initiative",
        "initiatives",
        "tool",
        "tools",
        "report",
        "reports",
        "reporting",
        "estimate",
        "estimates",
        "insights",
        "metrics",
        "kpis",
        "data",
        "dataset",
        "datasets",
        "attribution",
        "analytics",
    ]
)
# Words that leave a vague metric vague: "improved overall KPIs".
_IMPACT_GENERIC = frozenset(
    {"overall", "key", "various", "several", "multiple", "all", "core", "everything"}
)
# Small words that name nothing changed: "at scale with 18%" gives a size of no outcome.
_IMPACT_GLUE = frozenset({"with", "in", "at", "on", "for", "of", "to", "from", "and", "over"})
# Verbs whose share of people's work items is work taken over: "automated 30% of claims".
_IMPACT_TAKE_OVER = ("automat", "cover", "resolv", "deflect", "contain")
_IMPACT_WORK_ITEMS = frozenset(
    [
        "calls",
        "tickets",
        "claims",
        "requests",
        "cases",
        "reviews",
        "inquiries",
        "enquiries",
        "queries",
        "contacts",
        "chats",
        "emails",
        "work",
        "workload",
        "tasks",
        "processes",
        "invoices",
        "applications",
        "decisions",
    ]
)
_IMPACT_CURRENCY = re.compile(
    r"[$€£₹¥]|\b(?:rs|inr|usd|eur|gbp|euros?|dollars|rupees|lakhs?|crores?)\b"
)
_IMPACT_MS_LEVEL = re.compile(rf"{_NUM}\s?ms")
_IMPACT_LATENCY = re.compile(r"latency|\bp\d\d\b|response time")  # a latency metric
# Before a bound, these make it the size of a change or a level reached, not a threshold:
# "by over 15%", "a gain of more than 3x", "with under 2% errors".
_IMPACT_SIZE_BEFORE = frozenset({"by", "of", "with", "to"})
_IMPACT_DOUBLING = frozenset(["doubled", "doubling", "tripled", "halved", "halving"])
# Right after a size, these name the change: "4x faster", "30% cheaper".
_IMPACT_COMPARATIVE = frozenset(
    ["faster", "quicker", "cheaper", "smaller", "lighter", "fewer", "slower", "better"]
)
# People counted as a team, whose number is no outcome: "from 5 to 12 engineers".
_IMPACT_HEADCOUNT = frozenset(
    [
        "engineers",
        "people",
        "members",
        "analysts",
        "scientists",
        "developers",
        "reports",
        "hires",
        "interns",
        "headcount",
        "employees",
        "staff",
        "team",
        "teams",
    ]
)
# Words before a verb that make it no subject of its own: "and cut by 20%".
# Between a subject and the "up" or "down" of its change: "conversion went up 3%".
_IMPACT_AUXILIARIES = frozenset({"went", "go", "goes", "gone", "was", "were", "is", "are", "has"})
_IMPACT_NOT_SUBJECT = frozenset({"and", "or", "which", "that", "it", "this", "to", "we", "i"})
# Time people spend, after a verb that frees it: "saving 120 engineer-hours a month".
_IMPACT_PEOPLE_TIME = re.compile(
    rf"(?<![\w.])(?:{_NUM}\+?\s?(?:(?:man|person|human|engineer|engineering|developer|analyst|"
    r"staff|work|working|manual)[- ]?)?(?:hours?|hrs?|h|days?|ftes?)\b"
    r"|(?:hundreds|thousands|dozens)\s+of\s+(?:(?:man|person|human|engineer|engineering|"
    r"work|working|manual)[- ]?)?(?:hours|days)\b)"
)
# Before the time, these make it how long something runs, not time saved: "every 6 hours".
_IMPACT_NOT_SAVED = frozenset(
    ["every", "each", "in", "within", "after", "per", "over", "under", "to", "than"]
)
_IMPACT_TIME_GAP = 4  # tokens between the verb that frees time and the time
_IMPACT_CLAIM_GAP = 4  # tokens between a verb of change and the business metric it claims
# Verbs of change that claim nothing about a business metric on their own.
_IMPACT_NOT_CLAIM = frozenset(
    [
        "estimating",
        "adding",
        "scaled",
        "scaling",
        "traded",
        "kept",
        "up",
        "down",
        "reaching",
        "reached",
        "cover",
        "covers",
        "covering",
        "automate",
        "automated",
        "automating",
        "delivered",  # "delivered sales training" delivers work, not an outcome
        "generate",
        "generated",
        "generating",
    ]
)
# Past tenses of verbs of change that end in neither -ed nor -ing.
_IMPACT_PAST = frozenset({"cut", "drove", "grew", "rose", "fell", "sped", "shrank", "led", "won"})
_IMPACT_HELP = frozenset({"help", "helped", "helping", "helps"})
# A placeholder where a figure should be: "by X%", "[X]%", "$XXm".
_IMPACT_PLACEHOLDER = re.compile(r"\bx+\s?%|\[x+\]|\$x+")
# Before a verb, these make it a purpose or a possibility: "to reduce costs", "can cut churn".
_IMPACT_NOT_DONE = frozenset(
    [
        "to",
        "for",
        "at",
        "on",
        "of",
        "with",
        "can",
        "could",
        "would",
        "will",
        "may",
        "might",
        "should",
        "potentially",
    ]
)
# Business words that are no business outcome after a verb of change ("cut runtime to
# minutes"): units and verbs the business list holds for other phrases.
_IMPACT_NOT_CLAIMED = frozenset({"minutes", "saved", "saving"})
# The time that a verb frees is people's unless a machine spends it ("saved compute time").
_IMPACT_MACHINE = frozenset(
    [
        "ci",
        "test",
        "tests",
        "suite",
        "startup",
        "boot",
        "backup",
        "sync",
        "train",
        "retrain",
        "process",
        "execute",
        "index",
        "compile",
        "render",
        "compute",
        "gpu",
        "cpu",
        "processing",
        "training",
        "inference",
        "query",
        "run",
        "build",
        "cloud",
        "runtime",
        "server",
        "cluster",
        "storage",
        "loading",
        "load",
        "queries",
        "response",
        "latency",
        "page",
        "job",
        "jobs",
        "pipeline",
        "pipelines",
        "etl",
        "batch",
        "model",
        "models",
    ]
)
_IMPACT_PEOPLE_WORK = frozenset({"time", "effort", "toil", "work", "hours", "manual"})


# After "zero <metric>", these keep it an outcome ("zero outages during peak season").
_IMPACT_AFTER_LEVEL = frozenset(
    [
        "for",
        "across",
        "in",
        "during",
        "and",
        "while",
        "with",
        "over",
        "since",
        "to",
        "on",
        "at",
        "of",
        "after",
        "from",
        "through",
        "by",
    ]
)


def _impact_taken_over(s, changes, starts) -> bool:  # type: ignore[no-untyped-def]
    """Whether a share right after a verb that takes work over is that work, not traffic:
    'automated 40% of support tickets'."""
    k = bisect_right(starts, s) - 1
    return any(c in changes and changes[c].startswith(_IMPACT_TAKE_OVER) for c in (k - 1, k - 2))


# A bound in a condition sets when something happens: "alerts when recall drops below 90%".
_CONDITION_BEFORE = re.compile(r"\b(?:when|whenever|if|unless|once)\b[^,;.]{0,50}$")


def _impact_bound_is_size(words, starts, at, changes, results) -> bool:  # type: ignore[no-untyped-def]
    """Whether the bound word at character `at` sizes a change or a level reached ('improved X
    by over 20%', 'reaching below 0.05 RMSE') rather than setting a threshold."""
    k = bisect_right(starts, at) - 1
    if k < 0 or starts[k] != at:
        return False  # "<", ">": a comparison sign sets a threshold
    lo = max(0, k - 2)
    if not _IMPACT_SIZE_BEFORE.isdisjoint(words[lo:k]):
        return True
    if k and words[k] in ("under", "below") and _IMPACT_LATENCY.fullmatch(words[k - 1]):
        return True  # "p90 latency below 70 ms": a latency level
    return any(c in changes or c in results for c in range(lo, k))


_LATENCY_UNDER = re.compile(r"(?:latency|\bp\d\d)\s*$")


def _latency_held_under(lowered: str, at: int) -> bool:
    """ "serving 1.2M reads/sec at p99 < 8 ms": a latency under a sign is the level the system
    runs at, as "at 5 ms p99" is; "alerts when p99 > 100 ms" stays a threshold (the sign points
    the other way, and a condition before it is read apart)."""
    return lowered[at] in "<≤" and bool(_LATENCY_UNDER.search(lowered, max(0, at - 20), at))


def _held_quality_level(words, starts, at, by_cat) -> bool:  # type: ignore[no-untyped-def]
    """ "keeping damage recall above 92%": a model-quality level a change held is a level
    measured, not a threshold set. A verb of keeping, then a quality metric, then the bound."""
    k = bisect_right(starts, at) - 1
    if k < 1 or starts[k] != at or words[k] not in ("above", "over"):
        return False
    quality = {j - 1 for _, j, _ in by_cat.get("quality_metric") or ()}
    keeps = {i for i, _, _ in by_cat.get("tradeoff_keep") or ()}
    return (k - 1) in quality and any(k - 5 <= i < k - 1 for i in keeps)


def _impact_subject(words, verb, vague) -> str:  # type: ignore[no-untyped-def]
    """The noun right before a verb of change that names what changed ('reach grew 20%')."""
    if verb == 0:
        return ""
    w = words[verb - 1]
    if not w.isalpha() or w in _IMPACT_NOT_SUBJECT or w in _FILLERS or (verb - 1) in vague:
        return ""
    return w


def _impact_business_tokens(words, by_cat) -> set[int]:  # type: ignore[no-untyped-def]
    """Token indexes of business metrics, less those inside a system metric ('GPU efficiency')
    and those naming a topic ('fraud team', 'churn model', 'fraud recall')."""
    business: set[int] = set()
    quality = {i for i, _, _ in by_cat.get("quality_metric") or ()}
    n = len(words)
    for i, j, _ in by_cat.get("business_metric") or ():
        if j < n and (words[j] in _IMPACT_TOPIC or j in quality):
            continue
        business.update(range(i, j))
    for i, j, _ in by_cat.get("system_metric") or ():
        business.difference_update(range(i, j))
    return business


def _impact_zero_levels(words, starts, ends, metrics):  # type: ignore[no-untyped-def]
    """'zero downtime', 'zero customer-facing outages': a level of none is a size too."""
    out = []
    n = len(words)
    for i, j, phrase in metrics:
        if i and (words[i - 1] == "zero" or (i > 1 and words[i - 2] == "zero")):
            if j < n and words[j] not in _IMPACT_AFTER_LEVEL and ends[j - 1] == starts[j] - 1:
                continue  # "a zero downtime cutover" names a kind of change, not its outcome
            k = i - 1 if words[i - 1] == "zero" else i - 2
            out.append((starts[k], ends[j - 1], phrase, False))
    return out


def _impact_time_saved(words, starts, ends, by_cat, lowered, found):  # type: ignore[no-untyped-def]
    """Hours of people's work a verb frees ('saving 120 engineer-hours a month', 'freeing
    30 analyst-hours weekly'): a business outcome, and a quantified one when the hours are a number."""
    verbs = by_cat.get("time_saving_verb")
    if not verbs:
        return []
    out = []
    for m in _IMPACT_PEOPLE_TIME.finditer(lowered):
        s = m.start()
        if not m.group()[:1].isdigit():
            continue  # "hundreds of hours" has no size: a claim (see _impact_claims)
        if any(a <= s < b for a, b, _, _ in found):
            continue
        t = bisect_right(starts, s) - 1
        if t > 0 and words[t - 1] in _IMPACT_NOT_SAVED:
            continue
        for v, vj, _ in verbs:
            if (
                0 < t - vj + 1 <= _IMPACT_TIME_GAP
                and _IMPACT_MACHINE.isdisjoint(words[vj:t])
                and not _CLAUSE_BREAK.search(lowered, ends[vj - 1], s)
            ):
                out.append((starts[v], m.end(), "time saved", True))
                break
    return out


# Who can adopt a tool: "adopted by 7 squads", "adopted across business units".
_IMPACT_ADOPTERS = frozenset(
    [
        "teams",
        "squads",
        "departments",
        "units",
        "orgs",
        "organizations",
        "organisations",
        "companies",
        "divisions",
        "groups",
        "banks",
        "hospitals",
        "clients",
        "customers",
    ]
)


def _impact_adoption(words, starts, ends) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Adoption by others ('adopted by 7 squads'): a business outcome."""
    out = []
    n = len(words)
    for i, w in enumerate(words):
        if w.startswith("adopted") and i + 1 < n and words[i + 1] in ("by", "across"):
            for k in range(i + 2, min(n, i + 6)):
                if words[k] in _IMPACT_ADOPTERS:
                    out.append((starts[i], ends[k]))
                    break
    return out


def _impact_claims(words, starts, ends, by_cat, lowered):  # type: ignore[no-untyped-def]
    """Business outcomes claimed without a size: a verb of change right before a business
    metric ('reduced churn', 'contributing to revenue growth', 'saving time for analysts').
    A purpose ('to reduce costs') or a possibility ('can cut costs') claims nothing."""
    if _IMPACT_PLACEHOLDER.search(lowered):
        return []  # "increased revenue by X%": the result is not in yet
    get = by_cat.get
    # A verb of change claims as a verb ("cut", "reduced", "lowering"), not as a noun ("a drop
    # in orders"); the claim verbs are verbs in any form ("that now drive renewals").
    verbs = [
        h
        for h in get("change_verb") or ()
        if h[2] not in _IMPACT_NOT_CLAIM
        and (
            words[h[0]].endswith(("ed", "ing"))
            or words[h[0]] in _IMPACT_PAST
            or (h[0] and words[h[0] - 1] in _IMPACT_HELP)  # "helped improve retention"
        )
    ]
    verbs += get("claim_verb") or ()
    savers = {i for i, _, _ in get("time_saving_verb") or ()}
    # a verb that only frees time claims only people's work ("eliminated manual toil")
    only_time = savers - {h[0] for h in verbs}
    verbs += [h for h in get("time_saving_verb") or () if h[0] in only_time]
    if not verbs:
        return []
    business = _impact_business_tokens(words, by_cat)
    hit_end = {}
    for i, j, _ in get("business_metric") or ():
        for k in range(i, j):
            hit_end[k] = max(j, hit_end.get(k, j))
    quality = {i for i, _, _ in get("quality_metric") or ()}
    n = len(words)
    out = []
    for v, vj, phrase in sorted(verbs):
        before = words[v - 1] if v else ""
        if before in _IMPACT_HELP and v > 1:
            before = words[v - 2]  # "to help reduce costs" is a purpose too
        if before in _IMPACT_NOT_DONE and (before != "to" or not words[v].endswith(("ed", "ing"))):
            continue
        gap = 0
        for k in range(vj, n):
            w = words[k]
            if w not in _FILLERS:
                gap += 1
            if gap > _IMPACT_CLAIM_GAP:
                break
            people = v in savers and w in _IMPACT_PEOPLE_WORK
            claimed = k in business and w not in _IMPACT_NOT_CLAIMED and v not in only_time
            if claimed or people:
                after = hit_end.get(k, k + 1)
                if after < n and (words[after] in _IMPACT_TOPIC or after in quality):
                    break  # "fraud detection", "fraud recall": the business word is a topic
                if people and not _IMPACT_MACHINE.isdisjoint(words[vj : k + 6]):
                    break  # "saved compute time", "cut the time to train": a machine's time
                if _CLAUSE_BREAK.search(lowered, ends[vj - 1], starts[k]):
                    break
                out.append((starts[v], ends[hit_end.get(k, k + 1) - 1], phrase))
                break
    return out


# Sizes in words: "billions of events", "tens of millions of listeners" (a unit within three
# words); data volumes without a count: "petabytes of logs", "petabyte-scale", "3P of data".
_SCALE_WORDED = re.compile(
    r"\b(?:(?:(?:tens|hundreds)\s+(?:of\s+)?|hundred\s+)?(?:thousands|millions|billions|trillions)"
    r"|(?:a|one|half\s+a)\s+(?:million|billion|trillion))"
    r"\s+(?:of\s+)?((?:[a-z][a-z-]*(?:/[a-z]+)?\s*){1,3})"
)
# A population given before its size: "a subscriber base of 4M", "member base of over 7 million".
_SCALE_BASE = re.compile(
    r"\b(?:user|customer|subscriber|member|install|player|listener|merchant|seller)s?\s+base"
    r"\s+of\s+(?:over\s+|about\s+|around\s+|~\s?)?\d+(?:[.,]\d+)*\s?(?:k|m|b|million|billion)?\b"
)
_SCALE_BYTES = re.compile(
    r"\b(?:peta|tera|exa|giga)bytes?\b|\b(?:pb|tb|petabyte|terabyte|exabyte)[- ]scale\b"
    r"|(?<![\w.])\d+(?:\.\d+)?\s?[tpg]\s+of\s+(?:[a-z]+\s+)?data\b"
)


def _scale_words(lowered: str, vocab: _Vocab) -> list[tuple[int, int, str]]:
    """Sizes written in words or as a data volume without a count."""
    out = []
    for m in _SCALE_BYTES.finditer(lowered):
        out.append((m.start(), m.end(), "data volume"))
    if " base of" in lowered:
        for m in _SCALE_BASE.finditer(lowered):
            out.append((m.start(), m.end(), "users"))
    if "illion" in lowered or "thousands" in lowered:
        units, never = vocab.scale_units, vocab.never_scale
        for m in _SCALE_WORDED.finditer(lowered):
            for word in m.group(1).split():
                if word in never:
                    break
                if word in units:
                    out.append((m.start(), lowered.find(word, m.start(1)) + len(word), word))
                    break
    return out


def _scales(
    lowered: str, vocab: _Vocab, traffic: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Numbers that say how big the system is: '500M users', '2,000 QPS', '4 TB'."""
    out = []
    never_scale, scale_units = vocab.never_scale, vocab.scale_units
    multi_first = vocab.multi_word_starts
    find = lowered.find
    for m in _SCALE_NUM.finditer(lowered):
        num, suffix, rest = m.groups()
        if not rest and suffix not in _DATA_UNITS:
            continue  # no word after the number, so no unit (checked first: the common case)
        ms = m.start()
        if _CURRENCY_BEFORE.search(lowered, max(0, ms - 5), ms):
            continue  # "USD 22M a year": a sum of money is no scale (LABELS.md), as "$22M" is not
        # the share itself is no size; what it is a share of may be ("20% of 3M daily searches")
        if traffic and any(s <= ms < e and " of " not in lowered[s:ms] for s, e in traffic):
            continue
        if suffix in _DATA_UNITS:
            out.append((ms, m.end("suf"), suffix))
            continue
        if not rest:
            continue  # no word after the number, so no unit
        if rest.split(None, 1)[0] in _CHANGE_AFTER:
            continue  # "300 fewer tickets a week": a change, not a size
        # Words in rest take hyphens of their own, so only a first separator can be one.
        hyphen = rest[0] == "-"
        rest = rest.replace("/", " ").split()
        try:
            value = float(num.replace(",", "")) * _SUFFIX.get(suffix, 1)
        except ValueError:
            continue
        big = value >= 10_000
        offset = m.end("suf") if suffix else m.end("num")
        if hyphen:
            # Only the noun joined to the number names its unit, and it is singular:
            # "10M-document index" counts as documents.
            word = rest[0][1:]
            unit = word if word in scale_units else word + "s"
            if (
                value >= _HYPHEN_SIZE
                and word not in never_scale
                and unit not in never_scale
                and (unit in scale_units or (big and len(word) > 3 and word.isalpha()))
            ):
                out.append((ms, find(word, offset) + len(word), unit))
            continue
        if (
            _USED_BY.search(lowered, max(0, ms - 24), ms)
            and _people_noun(rest[0])
            and rest[0] not in never_scale
        ):
            # "used by 1,200 lawyers", "serving 300 clinicians": the people who use the system
            out.append((ms, find(rest[0], offset) + len(rest[0]), rest[0]))
            continue
        rate = _rate_of(lowered, ms, rest, big)
        if rate:
            out.append((ms, find(rate, offset) + len(rate), rate))
            continue
        for k in range(len(rest)):
            word = rest[k]
            hit = ""
            media = _MEDIA_HOURS.match(lowered, find(word, offset)) if word in _MEDIA_TIME else None
            if media:  # "60k hours of call-center audio": a volume of recordings
                out.append((ms, media.end(), f"{word} of {media.group('media')}"))
                break
            if big and word in _MEDIA_TIME and _rate_of(lowered, ms, rest[k + 1 :], big):
                # "40M call-center minutes a day": time handled per period is a volume
                period = rest[k + 2] if rest[k + 1] in ("a", "an", "per", "each", "every") else ""
                end = find(period, find(word, offset) + len(word)) + len(period) if period else 0
                out.append((ms, end or find(word, offset) + len(word), f"{word} a {period}"))
                break
            if big and word in _CROWDS:  # "12M people a day": no team is that large
                out.append((ms, find(word, offset) + len(word), word))
                break
            if word in multi_first:  # a longer phrase may start here: longest first
                for size in (3, 2, 1):
                    phrase = " ".join(rest[k : k + size])
                    if phrase in never_scale:
                        hit = "never"
                        break
                    if phrase in scale_units:
                        hit = phrase
                        break
            elif word in never_scale:
                hit = "never"
            elif word in scale_units:
                hit = word
            if hit == "never":
                break
            offset = find(word, offset) + len(word)
            if hit:
                last = hit.split()[-1]
                out.append((ms, find(last, offset - len(word)) + len(last), hit))
                break
            if big and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
                out.append((ms, offset, word))
                break
    return out


# Who uses a system, counted: "used by 1,200 lawyers". Teams are adoption, not scale ("used
# by 4 teams"), and things served are sized by the scale units ("serving 300 features" is none).
_USED_BY = re.compile(
    r"\b(?:used|relied on) (?:daily |every day )?by\s+(?:over |more than |about |~)?$"
)
_NOT_PEOPLE = frozenset({"teams", "team", "groups", "orgs", "organizations", "departments"})


def _people_noun(word: str) -> bool:
    return len(word) > 3 and word.isalpha() and word.endswith("s") and word not in _NOT_PEOPLE


# Hours of recordings are a data volume, whatever words describe them: "60k hours of
# call-center audio", "10,000 hours of driving video".
_MEDIA_TIME = frozenset({"hours", "minutes"})
_MEDIA_HOURS = re.compile(
    r"(?:hours|minutes)\s+(?:(?:a|an|per|each|every)\s+(?:day|week|month|year)\s+)?of\s+"
    r"(?:[a-z][a-z-]*\s+){0,3}?"
    r"(?P<media>audio|speech|video|videos|recordings|footage|calls|transcripts|conversations)\b"
)
# Words for people that count a team when small ("a team of 6 people") and an audience when the
# count is large ("12M people a day").
_CROWDS = frozenset({"people", "persons", "members"})
# A count per period is a rate of the thing just named: "fraud cases (240K a week)", "2M/day".
_PERIODS = frozenset({"second", "sec", "minute", "hour", "day", "week", "month", "year"})
_MONEY_BEFORE = re.compile(r"(?:sav|cost|revenue|spend|budget|earn|income|sales|worth)\w*\W+$")


_CHANGE_AFTER = frozenset({"fewer", "more", "less", "extra", "additional"})
_CURRENCY_BEFORE = re.compile(r"(?:\b(?:usd|eur|gbp|inr|chf|cad|aud|rs\.?)\s?|[$€£₹¥]\s?)$")


def _rate_of(lowered: str, at: int, rest: list[str], big: bool) -> str:
    """The period of a count per period ("a week", "per day", "/day"), or ""."""
    if not big or not rest:
        return ""
    first = rest[0]
    if first in ("a", "an", "per", "each", "every") and len(rest) > 1:
        period = rest[1]
    elif "/" in lowered[at : at + 12]:  # "2M/day": the slash became a space in rest
        period = first
    else:
        return ""
    if period not in _PERIODS:
        return ""
    if _MONEY_BEFORE.search(lowered, max(0, at - 24), at):
        return ""  # "saved 240K a year": money, not a scale
    return period


def _vague_object_between(j: int, a: int, changes: dict[int, str], vague: object) -> bool:
    """Whether a change verb between a metric (ending at token ``j``) and a figure (at ``a``)
    takes a vague object: "revenue …, lifting key metrics by 20%" moved key metrics, not
    revenue."""
    return any(
        j <= c < a and any(k in vague for k in range(c + 1, a))  # type: ignore[operator]
        for c in changes
    )


# A change named as a noun after its size ("a 35% improvement across key metrics") names its
# metric after it, past a preposition and the qualifiers below; with none, only the change.
_CHANGE_NOUNS = frozenset(
    {"improvement", "lift", "increase", "gain", "boost", "uplift", "growth", "reduction"}
    | {"improvements", "lifts", "increases", "gains", "boosts", "reductions"}
)
_CHANGE_OF = frozenset({"in", "across", "on", "of", "to", "for"})
_QUALIFIERS = frozenset({"the", "our", "all", "key", "overall", "core", "important", "critical"})


def _named_after(words: list[str], b: int, vague: object) -> str:
    """What the word after a size names: itself, or for a change noun what it changed ("key
    metrics", "business outcomes"), or the change noun alone when nothing follows it."""
    word = words[b]
    if word not in _CHANGE_NOUNS:
        return word
    k = b + 1
    if k >= len(words) or words[k] not in _CHANGE_OF:
        return word
    k += 1
    while k < len(words) and words[k] in _QUALIFIERS:
        k += 1
    if k >= len(words):
        return word
    if k in vague:  # type: ignore[operator]
        return words[k].rstrip(".,;")
    if words[k] == "business" and k + 1 < len(words):
        k += 1  # "business outcomes", "business results"
    # the noun phrase it names, up to a preposition or a stop: "detection efficacy"
    phrase = []
    for w in words[k : k + 3]:
        if w in _IMPACT_GLUE:
            break
        phrase.append(w.rstrip(".,;"))
        if w[-1:] in ".,;":
            break
    return " ".join(phrase) or words[k]


_VERB_REACH = 10  # tokens from a change verb to its size: "cut p99 latency … by 40%"
_VERB_REACH_BY = 14


def _quantified_impacts(words, starts, ends, by_cat, lowered, traffic, quality_words):  # type: ignore[no-untyped-def]
    """A named outcome and the size of its change ('lifted CTR 12%'), or a quality level reached."""
    get = by_cat.get
    changes = {i: p for i, _, p in get("change_verb") or ()}
    results = {i for i, _, _ in get("result_verb") or ()}
    mags = []
    for m in _magnitudes(lowered):
        s, e = m.span()
        in_traffic = traffic and any(a <= s < b or a < e <= b for a, b in traffic)
        if in_traffic and not _impact_taken_over(s, changes, starts):
            continue  # a share of traffic, not an outcome
        bound = _THRESHOLD_BEFORE.search(lowered, max(0, s - 12), s)
        if (
            bound
            and not _impact_bound_is_size(words, starts, bound.start(), changes, results)
            and not _held_quality_level(words, starts, bound.start(), by_cat)
            and not _latency_held_under(lowered, bound.start())
        ):
            continue
        if bound and _CONDITION_BEFORE.search(lowered, max(0, s - 60), bound.start()):
            continue  # "alerts when faithfulness fell below 88%": the condition, not a result
        if _TARGET_AFTER.match(lowered, e, e + 12):
            continue
        mags.append((s, e, m.group()))
    n = len(words)
    zeros = "zero" in lowered
    if not mags and not zeros and "time_saving_verb" not in by_cat:
        return []
    vague_hits = get("vague_metric")
    vague = {i for i, _, _ in vague_hits} if vague_hits else ()
    metric_hits, quality_hits = get("metric") or [], get("quality_metric") or []
    metrics = _outermost(metric_hits + quality_hits)
    # A metric naming what a model predicts is its topic, not an outcome ("CTR prediction").
    metrics = [
        h for h in metrics if h[0] not in vague and not (h[1] < n and words[h[1]] in _IMPACT_TOPIC)
    ]
    # a metric hit may stand for a quality metric too: the index gives a prefix entry ("map@*")
    # to one category only
    quality = {i for i, _, p in metric_hits + quality_hits if p in quality_words}
    business = _impact_business_tokens(words, by_cat)
    guard_starts = {i for i, _, _ in get("guardrail") or ()}
    out = []
    if zeros:
        out.extend(_impact_zero_levels(words, starts, ends, metrics))
    # A sum right after these verbs is not an outcome, whatever metric stands near it:
    # "reallocated $20M of marketing spend", "managed a $5M budget".
    not_impact = get("not_impact")
    latest_first = sorted(changes, reverse=True)
    used: set[int] = set()
    for s, e, mtext in mags:
        a = bisect_right(starts, s) - 1
        if a < 0:
            a = 0
        elif ends[a] <= s and a + 1 < n:
            a += 1  # a sign or "$" before the number: its first token is the next one
        if not_impact and any(0 <= a - k <= 3 for k, _, _ in not_impact):
            continue
        b = bisect_right(starts, e - 1) - 1
        if words[b] in _IMPACT_HEADCOUNT or (
            b + 1 < n
            and words[b + 1] in _IMPACT_HEADCOUNT
            and "," not in lowered[e : starts[b + 1]]
        ):
            continue  # "grew the team from 5 to 12 engineers": headcount is no outcome
        b = b + 1 if b > 0 else 1
        money = mtext.lstrip("+-").startswith("$") or bool(
            _IMPACT_CURRENCY.search(lowered, max(0, s - 5), e + 5)
        )
        level = (
            not money and "." in mtext and not any(c in mtext for c in "%x$×") and " " not in mtext
        )
        latency = not money and _IMPACT_MS_LEVEL.fullmatch(mtext) is not None
        best = None
        for i, j, phrase in metrics:
            if i in used:
                continue
            gap = i - b if i >= b else a - j
            if gap < 0 or gap > (2 if level or latency else _WINDOW):
                continue
            if level and i not in quality:
                continue
            if i < a and words[a - 1] == "for":
                continue  # "trade sensitivity for 40% fewer false alarms": the size is theirs
            if j in guard_starts:
                continue  # "rose 3% with cancellation rate as a guardrail": the one held
            if latency and not _IMPACT_LATENCY.search(phrase):
                continue
            lo, hi = (ends[j - 1], s) if i < a else (e, starts[i])
            if lo < hi and _CLAUSE_BREAK.search(lowered, lo, hi):
                continue
            if i < a and _vague_object_between(j, a, changes, vague):
                continue  # "guardrails on revenue, lifting key metrics by 20%": no metric named
            if best is None or gap < best[0]:
                best = (gap, i, j, phrase)
        if best is not None:
            _, i, j, phrase = best
            used.add(i)
            biz = not business.isdisjoint(range(i, j)) or money
            out.append((min(s, starts[i]), max(e, ends[j - 1]), phrase, biz))
            continue
        if level or latency:
            continue
        if mtext in _IMPACT_DOUBLING and b < n and words[b] not in ("down", "up", "as"):
            # "halving the number of retries": the verb is the size, its object the outcome
            obj = b + 1 if words[b] in _FILLERS and b + 1 < n else b
            biz = any(k in business for k in range(b, b + 4))
            out.append((s, ends[obj], words[obj], biz))
            continue
        if b < n and words[b] in _IMPACT_COMPARATIVE:
            # "4x faster", "30% cheaper": the comparative names what changed
            biz = money or words[b] == "cheaper"
            out.append((s, ends[b], words[b], biz))
            continue
        # "cut the 90-day charge-off rate on new credit card accounts by 14%": "by" ties a size
        # to its change verb across a longer object
        reach = _VERB_REACH_BY if a > 0 and words[a - 1] == "by" else _VERB_REACH
        verb = next((c for c in latest_first if 0 < a - c <= reach), None)
        if verb is not None and not _CLAUSE_BREAK.search(lowered, ends[verb], s):
            between = [k for k in range(verb + 1, a) if words[k] not in _FILLERS]
            # "improved KPIs by 20%" and "the metric went up 300%" name nothing; "lifted the
            # relevance score by 3 points" and "latency fell 40%" do
            if between:
                named = not all(
                    k in vague or words[k] in _IMPACT_GENERIC or words[k] in _IMPACT_GLUE
                    for k in between
                )
            else:  # the subject names it: "latency fell 40%", not "the metric went up 300%"
                before = verb - 1
                while before > 0 and words[before] in _IMPACT_AUXILIARIES:
                    before -= 1
                named = before not in vague
            subject = _impact_subject(words, verb, vague)
            if subject and "," in lowered[ends[verb - 1] : starts[verb]]:
                subject = ""  # "with the team, cutting build time …": the team cut nothing
            if subject in _IMPACT_HEADCOUNT:
                continue  # "the team grew by 20%"
            if (between or money or b < n or subject) and named:
                # "automated 30% of claims", "covers 35% of inbound chats": a share of people's work
                share = (
                    changes[verb].startswith(_IMPACT_TAKE_OVER)
                    and lowered.startswith(" of", e)
                    and not _IMPACT_WORK_ITEMS.isdisjoint(words[b : b + 5])
                )
                biz = money or share or any(k in business for k in range(verb, b + 5))
                # "driving 10x impact": with nothing between the verb and the size, the word
                # after the size names what changed
                after = _named_after(words, b, vague) if b < n and not money else "money"
                metric = " ".join(words[k] for k in between) or subject or after
                out.append((starts[verb], e, metric, biz))
                continue
        signed = mtext[:1] in "+-" or (a > 0 and lowered[s - 1 : s] == "+")
        if (signed or any(k in results for k in range(a - 2, a))) and b < n:
            biz = money or any(k in business for k in range(b, b + 4))
            out.append((s, ends[min(b, n - 1)], words[b], biz))
    out.extend(_impact_time_saved(words, starts, ends, by_cat, lowered, out))
    out.sort()
    return out


def _opening(lowered, words, starts, ends, by_cat, add) -> bool:  # type: ignore[no-untyped-def]
    """Mark how a bullet opens; True when it opens with an action verb."""
    n = len(words)
    if lowered[0].isalpha():
        lead_end = 0  # no space, mark or number before a letter
    else:
        lead = _BULLET_MARK.match(lowered)
        lead_end = lead.end() if lead else 0
    first = 0
    while first < n and starts[first] < lead_end:
        first += 1
    get = by_cat.get
    hits = get("opening_skip")
    skips = {i for i, _, _ in hits} if hits else ()
    # "I built", "Successfully migrated", "Q3 2022 - led": the verb comes after these.
    while first + 1 < n and (
        first in skips
        or _opening_adverb(words[first])
        or _OPENING_DATE.fullmatch(words[first])
        # "A/B tested the ranker": the verb is "tested" ("A/B testing framework" has none)
        or (words[first] in _TEST_KINDS and words[first + 1].endswith("ed"))
    ):
        first += 1
    # A one-word label before a colon ("Search: built ...") is not the opening.
    if first + 1 < n and lowered.startswith(":", ends[first]):
        first += 1
    if first >= n:
        return False
    for i, j, phrase in get("weak_opener") or ():
        if i == first:
            add((starts[first], "weak_opening", ends[j - 1], phrase))
            return False
    if _hit_at(get("neutral_opener"), first):
        return False
    role = _opening_role(lowered, words, ends, by_cat, first)
    if role:
        add((starts[first], "weak_opening", ends[role - 1], "role"))
        return False
    word = words[first]
    nxt = words[first + 1] if first + 1 < n else ""
    kind, _, tested = word.partition("-")
    if kind in _TEST_KINDS and tested.endswith("ed"):  # "A/B-tested the ranker"
        add((starts[first], "action_verb", ends[first], word))
        return True
    listed = _hit_at(get("action_verb"), first) or _hit_at(get("decision"), first)
    # A listed verb matches every inflection; as an opening it must be used as a verb.
    if (listed and _opening_verb_form(word, nxt)) or _looks_like_verb(word, nxt, by_cat, first):
        add((starts[first], "action_verb", ends[first], word))
        return True
    add((starts[first], "weak_opening", ends[min(first + 1, n - 1)], "no verb"))
    return False


def _hit_at(hits: list[tuple[int, int, str]] | None, i: int) -> bool:
    """Whether one of the hits starts at token i. Hits come in token order, so the scan stops
    at the first hit at or after i (a plain loop: no generator to set up for any())."""
    if hits:
        for hit in hits:
            if hit[0] >= i:
                return hit[0] == i
    return False


# The past forms that end compound adjectives: "Data-driven", "Cloud-based", "AI-powered".
_ADJECTIVE_TAILS = frozenset(
    {"driven", "based", "powered", "oriented", "focused", "related", "enabled", "backed"}
    | {"centered", "centred", "minded", "facing", "shaped", "sized", "aware", "guided"}
)


def _looks_like_verb(word: str, nxt: str, by_cat, first: int) -> bool:  # type: ignore[no-untyped-def]
    head, _, tail = word.partition("-")
    if tail and head in _OPENING_VERB_PREFIXES:
        word = tail  # "re-ranked", "co-founded", "pre-trained"
    elif (
        tail.isalpha()
        and head.isalpha()
        and tail.endswith("ed")
        and tail not in _ADJECTIVE_TAILS
        and "VERB" in lemmas.readings(tail)
    ):
        return True  # "Map-matched 30B GPS pings", "Auto-scaled the fleet": a verb of doing
    if not word.isalpha() or word in _NOT_VERBS:
        return False
    if len(word) < 5:
        return len(word) > 2 and _opening_past_form(word)  # "got", "met", "sent"
    if word.endswith("ed"):
        return True
    if word.endswith(("ize", "ise")):
        return True
    if not word.endswith("ing"):
        return _opening_past_form(word) or _opening_base_verb(word, nxt)
    if nxt in {"of", "and", ""}:
        return False
    # "-ing" is a verb unless the word names a stage ("training", "serving").
    return not any(
        i == first for c, hs in by_cat.items() if c.startswith("stage.") for i, _, _ in hs
    )
