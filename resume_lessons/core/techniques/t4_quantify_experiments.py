"""T4: quantify experiments: metric and magnitude, duration, traffic share, guardrails, stopping."""

from __future__ import annotations

import re
from functools import cache

from ..cramming import is_keyword_list, listed_test_details, repeated_test_details
from ..elements import EXPERIMENT_DETAILS
from ..findings import Context, Example, TechniqueResult, and_list
from ..profile import Profile, phrase_key
from .base import Line, Rule, Technique, quote, result

DETAILS = (
    (
        ("experiment_duration",),
        "T402",
        "how long the test ran",
        "How long did the test run (days or weeks)?",
    ),
    (
        ("traffic_share",),
        "T403",
        "what share of traffic it ran on",
        "What share of traffic or users was in the test?",
    ),
    (
        ("guardrail",),
        "T404",
        "which guardrail metrics you watched",
        "Which guardrail metrics (latency, revenue, complaints) had to hold?",
    ),
    (
        ("early_stopping", "significance"),
        "T405",
        "how you decided it was done",
        "Did you use a stopping rule, early stopping or a significance threshold?",
    ),
)
LINES = (
    Line("result", "a result with its metric and magnitude", 30, "T401"),
    Line("experiment", "an experiment (A/B test) described", 15, "T406"),
    Line("T402", "every test says how long it ran", 15, "T402"),
    Line("T403", "every test says what share of traffic it ran on", 15, "T403"),
    Line("T404", "every test names its guardrail metrics", 15, "T404"),
    Line("T405", "every test says how it stopped (stopping rule or significance)", 10, "T405"),
)


# A guardrail counts when it names what it guards: "guardrails on latency", "revenue
# guardrails", "latency as a guardrail"; "with guardrails until significance" names nothing.
_NAMING = re.compile(r"^\s*(?:metrics?|checks?)?\s*(?:on|for|of|over|:|\(|including|such as)\s*\w")
_NAMED_BEFORE = re.compile(r"\w+\s+as\s+(?:a\s+|the\s+)?$")


def _named_guardrail(ctx: Context, location: str, text: str) -> bool:
    for e in ctx.elements.get(location, []):
        if e.name != "guardrail":
            continue
        words = e.text.lower().replace("-", " ").split()
        if any(
            w not in {"guardrail", "guardrails", "guard", "rail", "rails", "metric", "metrics"}
            for w in words
        ):
            return True  # the span names the metric: "revenue guardrails", "held flat"
        if _NAMING.match(text[e.end :]) or _NAMED_BEFORE.search(text[: e.start]):
            return True
        if _metric_follows(text[e.end :], ctx.profile):
            return True  # "guardrail metrics p95 latency and escalation rate"
        if _metric_precedes(text[: e.start], ctx.profile):
            return True  # "with latency and error-rate guardrails"
    return False


def _metric_precedes(before: str, profile: Profile) -> bool:
    """Whether a metric's name ends the words right before a guardrail ("latency guardrails",
    "error-rate guardrails")."""
    words = phrase_key(before)[-4:]
    hits = profile.index.by_category(words)
    return any(
        j == len(words) for c in ("metric", "business_metric") for _i, j, _p in hits.get(c, ())
    )


def _metric_follows(rest: str, profile: Profile) -> bool:
    """Whether a metric's name opens the words after a guardrail ("p95 latency …")."""
    words = phrase_key(rest)[:4]
    hits = profile.index.by_category(words)
    return any(i == 0 for c in ("metric", "business_metric") for i, _j, _p in hits.get(c, ()))


def _shown(ctx: Context, location: str, text: str, elements: tuple[str, ...]) -> bool:
    names = ctx.names(location)
    if elements == ("guardrail",):
        return "guardrail" in names and _named_guardrail(ctx, location, text)
    if elements == ("traffic_share",) and any(
        e.name == "experiment" and "switchback" in e.text.lower()
        for e in ctx.elements.get(location, [])
    ):
        return True  # a switchback test splits all of the traffic by time: its design is its share
    return not names.isdisjoint(elements)


@cache
def _vague(profile: Profile) -> re.Pattern[str]:
    words = sorted(profile.words("metrics", "vague_results"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


@cache
def _unnamed(profile: Profile) -> re.Pattern[str]:
    """A size given to a word that names no metric: "the metric went up 300%", "KPIs +20%"."""
    words = sorted(profile.words("metrics", "vague_metrics"), key=len, reverse=True)
    return re.compile(
        r"\b(?:" + "|".join(map(re.escape, words)) + r")\b(?:\W+\w+){0,3}?\W+[+-]?\d[\d.,]*\s?"
        r"(?:%|x\b|×|points?\b)",
        re.IGNORECASE,
    )


def _claim(
    ctx: Context, text: str, inside: list[tuple[int, int]]
) -> tuple[re.Match[str], str] | None:
    """The first claim in a bullet that gives no metric with its size, and what it lacks."""
    for pattern, lacks in ((_unnamed(ctx.profile), "metric"), (_vague(ctx.profile), "size")):
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for s, e in inside):  # "gradient boosted trees"
                return m, lacks
    return None


_TEST_DETAILS = frozenset(EXPERIMENT_DETAILS)
TEST_DETAILS_NEEDED = 2  # details that describe a test the bullet does not call an experiment


_DETAIL_NAMES = {
    "experiment_duration": "a duration",
    "traffic_share": "a share of traffic",
    "guardrail": "guardrails",
    "early_stopping": "a stopping rule",
    "significance": "significance",
}


def _describes_a_test(names: frozenset[str]) -> bool:
    """An experiment, or a test told by its details ("shadow-tested … for 3 weeks on 25% of
    stations … stopped at p<0.05"): a rewrite that describes its test better never loses it."""
    return "experiment" in names or len(names & _TEST_DETAILS) >= TEST_DETAILS_NEEDED


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    findings = []
    impact = [b for b in ctx.bullets if "quantified_impact" in ctx.names(b.location)]
    # a bullet that is only terms and commas ("A/B test, 50% traffic, 2 weeks, p<0.05") lists
    # a test's words, not a test someone ran: it describes none
    tested = [
        b
        for b in ctx.bullets
        if _describes_a_test(ctx.names(b.location)) and not is_keyword_list(b.text)
    ]
    listed = {
        b.location: repeated
        for b in tested
        if (repeated := repeated_test_details([e.name for e in ctx.elements.get(b.location, [])]))
    }
    # "with guardrail metrics, a stopping rule, statistical significance and p-values": every
    # kind of detail named, none given
    named_only = {
        b.location: run
        for b in tested
        if b.location not in listed
        and (
            run := listed_test_details(
                b.text, [(e.name, e.start, e.end) for e in ctx.elements.get(b.location, [])]
            )
        )
    }
    listed |= named_only
    experiments = [b for b in tested if b.location not in listed]
    for b in ctx.bullets:
        names = ctx.names(b.location)
        inside = [
            (e.start, e.end) for e in ctx.elements.get(b.location, []) if e.name == "model_type"
        ]
        found = _claim(ctx, b.text, inside)
        if found and "quantified_impact" not in names:
            claim, lacks = found
            said = (
                "claims an improvement without saying how big it was."
                if lacks == "size"
                else f"gives a size (“{claim.group()}”) but not which metric moved."
            )
            findings.append(
                t.finding(
                    "T401",
                    b.location,
                    f"{quote(b.text)} {said}",
                    "Which metric moved, and by how much? Use the number from your dashboard or test "
                    "report.",
                    (claim.start(), claim.end()),
                )
            )
    for b in experiments:
        names = ctx.names(b.location)
        for elements, code, what, question in DETAILS:
            if not _shown(ctx, b.location, b.text, elements):
                # "with guardrails" is there but names no metric: point at it
                bare = [e for e in ctx.elements.get(b.location, []) if e.name in elements]
                said = f"says “{bare[0].text}” but not which" if bare else f"does not say {what}"
                findings.append(
                    t.finding(
                        code,
                        b.location,
                        f"The experiment in {quote(b.text, 40)} {said}.",
                        question,
                        (bare[0].start, bare[0].end)
                        if bare
                        else ctx.first(b.location, "experiment"),
                    )
                )
    for b in tested:
        if b.location in named_only:
            every = and_list([_DETAIL_NAMES[d] for d in named_only[b.location]])
            findings.append(
                t.finding(
                    "T406",
                    b.location,
                    f"{quote(b.text)} names {every} in a row but gives none of them: it lists "
                    "test words, not the one test you ran.",
                    "Which test did you run? Give its duration, its share of traffic, the "
                    "metric you guarded and the result's significance, each as it was.",
                )
            )
        elif b.location in listed:
            twice = and_list([_DETAIL_NAMES[d] for d in listed[b.location]])
            findings.append(
                t.finding(
                    "T406",
                    b.location,
                    f"{quote(b.text)} gives {twice} more than once: it lists test words, not "
                    "the one test you ran.",
                    "Which test did you run? Give its one duration, its share of traffic and "
                    "its guardrails, in a sentence that says what was tested.",
                )
            )
    if not experiments and not listed:
        findings.append(
            t.finding(
                "T406",
                "work",
                "No bullet describes an experiment, so readers cannot tell how you measured results.",
                "Which change did you A/B test? Say the metric, the lift, how long it ran and on what "
                "share of traffic.",
            )
        )
    if not impact and not any(f.code == "T401" for f in findings):
        findings.append(
            t.finding(
                "T401",
                "work",
                "No bullet gives a result with its metric and how much it moved.",
                "Which metric did your best work move, and by how much? Use the number from your "
                "dashboard or test report.",
            )
        )
    # A claim with no number costs the result line its share: every improvement claimed
    # should say how big it was.
    claims = len(impact) + len({f.location for f in findings if f.code == "T401"})
    checklist = [
        t.earn("result", len(impact) / claims, impact[0].location if impact else ""),
        t.earn("experiment", bool(experiments), experiments[0].location if experiments else ""),
    ]
    for elements, code, _what, _q in DETAILS:
        told = [b for b in experiments if _shown(ctx, b.location, b.text, elements)]
        share = len(told) / len(experiments) if experiments else 0.0
        checklist.append(
            t.earn(code, share, told[0].location if told else "", "" if experiments else "T406")
        )
    return result(t.code, checklist, findings)


TECHNIQUE = Technique(
    code="T4",
    name="quantify-experiments",
    title="Quantify your experiments",
    why=(
        "“Improved recommendations” tells a reader nothing they can check. The metric, the size "
        "of the change, how long the test ran and on what share of traffic show that you design "
        "experiments, not only models. Guardrail metrics and a stopping rule show the statistical "
        "care that keeps a launch from hurting users."
    ),
    wants=(
        "quantified_impact",
        "experiment",
        "experiment_duration",
        "traffic_share",
        "guardrail",
        "early_stopping",
    ),
    rules=(
        Rule("T401", "unquantified-result", "an improvement claimed with no metric and size"),
        Rule("T402", "experiment-without-duration", "an experiment with no duration"),
        Rule("T403", "experiment-without-traffic-share", "an experiment with no traffic share"),
        Rule("T404", "experiment-without-guardrails", "an experiment with no guardrail metrics"),
        Rule(
            "T405",
            "experiment-without-stopping-rule",
            "an experiment with no early stopping or significance",
        ),
        Rule("T406", "no-experiment", "no bullet describes an experiment"),
    ),
    examples=(
        Example(
            "weak",
            "Improved recommendations for users.",
            codes=("T401", "T406"),
            note="Which metric, by how much, measured how?",
        ),
        Example(
            "weak",
            "Ran an A/B test of the new ranking model that improved engagement.",
            codes=("T401", "T402", "T403", "T404", "T405"),
        ),
        Example(
            "strong",
            "Lifted home feed CTR by 12% in a 3-week A/B test on 5% of global traffic, with "
            "guardrail checks on latency and skips and early stopping.",
            note="Metric, magnitude, duration, traffic share, guardrails, stopping rule.",
        ),
        Example(
            "strong",
            "Raised checkout conversion by 2.3% (p < 0.01) in a 2-week A/B test on 10% of "
            "users, with guardrail metrics on refund rate and latency.",
        ),
    ),
    check=check,
    lines=LINES,
)
