"""T4: quantify experiments: metric and magnitude, duration, traffic share, guardrails, stopping."""

from __future__ import annotations

import re
from functools import cache

from ..findings import Context, Example, TechniqueResult
from ..profile import Profile
from .base import Rule, Technique, item, quote, result

DETAILS = (
    (
        "experiment_duration",
        "T402",
        15,
        "how long the test ran",
        "How long did the test run (days or weeks)?",
    ),
    (
        "traffic_share",
        "T403",
        15,
        "what share of traffic it ran on",
        "What share of traffic or users was in the test?",
    ),
    (
        "guardrail",
        "T404",
        15,
        "which guardrail metrics you watched",
        "Which guardrail metrics (latency, revenue, complaints) had to hold?",
    ),
)


@cache
def _vague(profile: Profile) -> re.Pattern[str]:
    words = sorted(profile.words("metrics", "vague_results"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    findings = []
    vague = _vague(ctx.profile)
    impact = [b for b in ctx.bullets if "quantified_impact" in ctx.names(b.location)]
    experiments = [b for b in ctx.bullets if "experiment" in ctx.names(b.location)]
    for b in ctx.bullets:
        names = ctx.names(b.location)
        inside = [
            (e.start, e.end) for e in ctx.elements.get(b.location, []) if e.name == "model_type"
        ]  # "gradient boosted trees" claims nothing
        claim = next(
            (m for m in vague.finditer(b.text) if not any(s <= m.start() < e for s, e in inside)),
            None,
        )
        if claim and "quantified_impact" not in names:
            findings.append(
                t.finding(
                    "T401",
                    b.location,
                    f"{quote(b.text)} claims an improvement without saying how big it was.",
                    "Which metric moved, and by how much? Use the number from your dashboard or test "
                    "report.",
                    (claim.start(), claim.end()),
                )
            )
    for b in experiments:
        names = ctx.names(b.location)
        for element, code, _points, what, question in DETAILS:
            if element not in names:
                findings.append(
                    t.finding(
                        code,
                        b.location,
                        f"The experiment in {quote(b.text, 40)} does not say {what}.",
                        question,
                        ctx.first(b.location, "experiment"),
                    )
                )
        if not names & {"early_stopping", "significance"}:
            findings.append(
                t.finding(
                    "T405",
                    b.location,
                    f"The experiment in {quote(b.text, 40)} does not say how you decided it was done.",
                    "Did you use a stopping rule, early stopping or a significance threshold?",
                    ctx.first(b.location, "experiment"),
                )
            )
    if not experiments:
        findings.append(
            t.finding(
                "T406",
                "work",
                "No bullet describes an experiment, so readers cannot tell how you measured results.",
                "Which change did you A/B test? Say the metric, the lift, how long it ran and on what "
                "share of traffic.",
            )
        )

    def anywhere(*elements: str) -> str:
        return next((b.location for b in ctx.bullets if ctx.names(b.location) & set(elements)), "")

    checklist = [
        item(
            "a result with its metric and magnitude",
            30,
            bool(impact),
            impact[0].location if impact else "T401",
        ),
        item(
            "an experiment (A/B test) described",
            15,
            bool(experiments),
            experiments[0].location if experiments else "T406",
        ),
    ]
    for element, code, points, what, _q in DETAILS:
        where = anywhere(element)
        checklist.append(item(f"the test says {what}", points, bool(where), where or code))
    where = anywhere("early_stopping", "significance")
    checklist.append(item("early stopping or significance", 10, bool(where), where or "T405"))
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
)
