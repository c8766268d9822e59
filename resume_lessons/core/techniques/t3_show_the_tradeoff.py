"""T3: show a tradeoff you weighed and validated: replaced X with Y, within a constraint."""

from __future__ import annotations

from ..findings import Context, Example, TechniqueResult
from .base import Rule, Technique, item, quote, result


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    findings = []
    decisions = [b for b in ctx.bullets if "decision" in ctx.names(b.location)]
    tradeoffs = [b for b in ctx.bullets if "tradeoff" in ctx.names(b.location)]
    paired = [b for b in decisions if "tradeoff" in ctx.names(b.location)]
    if not decisions:
        findings.append(
            t.finding(
                "T301",
                "work",
                "No bullet shows a technical decision you made; every bullet reads as plain building.",
                "Which approach did you replace, and with what? Write it as 'replaced X with Y'.",
            )
        )
    # One validated tradeoff is the showcase; without one, every bare decision is a candidate.
    for b in decisions if not paired else []:
        if "tradeoff" not in ctx.names(b.location):
            findings.append(
                t.finding(
                    "T302",
                    b.location,
                    f"{quote(b.text)} states a decision but not what it cost or how you checked it.",
                    "What did the change risk (latency, cost, memory), and how did you confirm it was "
                    "acceptable before shipping?",
                    ctx.first(b.location, "decision"),
                )
            )
    checklist = [
        item(
            "a bullet with a decision (replaced X with Y)",
            40,
            bool(decisions),
            decisions[0].location if decisions else "T301",
        ),
        item(
            "a tradeoff named and validated",
            40,
            bool(tradeoffs),
            tradeoffs[0].location if tradeoffs else ("T302" if decisions else "T301"),
        ),
        item(
            "the decision and its tradeoff in one bullet",
            20,
            bool(paired),
            paired[0].location if paired else ("T302" if decisions else "T301"),
        ),
    ]
    return result(t.code, checklist, findings)


TECHNIQUE = Technique(
    code="T3",
    name="show-the-tradeoff",
    title="Show the tradeoff you validated",
    why=(
        "Senior engineers are hired for judgement. A bullet that says which model you replaced, "
        "what the new one cost in latency or money, and that you checked the cost was acceptable "
        "before shipping shows that judgement directly. Picking a model is common; weighing it "
        "against a constraint is what reviewers look for."
    ),
    wants=("decision", "model_type", "tradeoff"),
    rules=(
        Rule("T301", "no-decision", "no bullet shows a technical decision"),
        Rule("T302", "decision-without-tradeoff", "a decision with no cost or validation"),
    ),
    examples=(
        Example(
            "weak",
            "Built a new ranking model for the home feed.",
            codes=("T301",),
            note="Building is not deciding: what did it replace, and at what cost?",
        ),
        Example(
            "weak",
            "Replaced the gradient boosted tree ranker with a cross-encoder reranker.",
            codes=("T302",),
            note="A decision, but no cost and no check.",
        ),
        Example(
            "strong",
            "Replaced a gradient boosted tree model with a cross-encoder reranker on the top "
            "100 candidates, after validating that the latency tradeoff was acceptable.",
            note="The decision, the model types and the validated constraint.",
        ),
        Example(
            "strong",
            "Switched fraud scoring from a nightly batch job to online inference, keeping p99 "
            "under the 50 ms checkout latency budget.",
        ),
    ),
    check=check,
)
