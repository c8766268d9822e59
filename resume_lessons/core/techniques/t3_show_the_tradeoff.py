"""T3: show a tradeoff you weighed and validated: replaced X with Y, within a constraint."""

from __future__ import annotations

import re
from functools import cache

from ..cramming import lists_costs, lists_tests
from ..findings import Context, Example, TechniqueResult
from ..locations import Item
from ..placeholders import has_placeholder
from ..profile import Profile, phrase_key
from .base import Line, Rule, Technique, quote, result

LINES = (
    Line("decision", "a decision (replaced X with Y, chose X over Y)", 40, "T301"),
    Line(
        "cost",
        "the cost the decision carried (latency, memory, accuracy, money)",
        35,
        "T302",
        ("T301",),
    ),
    Line("validated", "how you checked the cost was acceptable", 25, "T303", ("T301",)),
)
# A held constraint with a number checks the cost: "keeping p99 under the 50 ms budget".
_HELD = ("keep", "hold", "maintain", "within", "under", "budget", "sla", "without")


# Where the options of a decision end: a clause break or what the choice cost or how it was checked.
_OPTIONS_END = re.compile(
    r"[,;:.()]|\b(?:after|while|because|since|once|accepting|keeping|trading|despite|although|"
    r"though|which|so that|at the cost)\b",
    re.IGNORECASE,
)


OPTION_WORDS = 4  # words before a decision's word that can name its first option


@cache
def _unnamed_options(profile: Profile) -> frozenset[str]:
    words = profile.words("tradeoffs", "unnamed_options") + profile.words(
        "tradeoffs", "cost_dimensions"
    )
    return frozenset(w.lower() for w in words)


def names_its_options(text: str, start: int, end: int, before: int, profile: Profile) -> bool:
    """Whether the decision at ``start:end`` names what was chosen: a word in its clause,
    up to ``before`` (where its cost or check begins), that is not a placeholder for an option
    ("replaced the old model with a new model" names none)."""
    lo = max((m.end() for m in _OPTIONS_END.finditer(text, 0, start)), default=0)
    stop = _OPTIONS_END.search(text, end)
    hi = min(before, stop.start() if stop else len(text))
    # what stands before "instead of" or "over" is the option's name, a few words at most:
    # "kept the rules engine instead of the GNN"
    words = re.findall(r"[\w'-]+", text[lo:start])[-OPTION_WORDS:]
    words += re.findall(r"[\w'-]+", text[end : max(hi, end)])
    unnamed = _unnamed_options(profile)
    return any(w.lower() not in unnamed for w in words)


@cache
def _validations(profile: Profile) -> frozenset[str]:
    return frozenset(" ".join(phrase_key(p)) for p in profile.words("tradeoffs", "validations"))


def _named_decision(ctx: Context, b: Item, spans: list) -> bool:  # type: ignore[type-arg]
    """A decision in the bullet that names one of its options (see ``names_its_options``)."""
    before = min((e.start for e in spans), default=len(b.text))
    return any(
        names_its_options(b.text, e.start, e.end, max(before, e.end), ctx.profile)
        for e in ctx.elements.get(b.location, [])
        if e.name == "decision"
    )


_WHEN = ("before ", "prior to ")


def _when_only(phrase: str) -> bool:
    """Whether a check's phrase gives only when it ran: "before launch", "before shipping"."""
    return phrase.lower().startswith(_WHEN)


def weighed(ctx: Context, b: Item) -> tuple[bool, bool, bool]:
    """Whether a bullet shows a decision, the cost it carried, and a check of that cost.

    A bullet with placeholders ("chose X over Y") weighs nothing yet: it names no real option.
    A list of every cost or every kind of test ("higher latency, memory and cost") names none
    in particular: it earns neither the cost nor the check (see ``cramming``).
    """
    if has_placeholder(b.text):
        return False, False, False
    checks = _validations(ctx.profile)
    spans = [e for e in ctx.elements.get(b.location, []) if e.name == "tradeoff"]
    kinds = [" ".join(phrase_key(e.value or e.text)) in checks for e in spans]
    names = ctx.names(b.location)
    cost = any(not k for k in kinds)
    held = any(
        not k and any(h in e.text.lower() for h in _HELD) for e, k in zip(spans, kinds, strict=True)
    )
    decision = "decision" in names and _named_decision(ctx, b, spans)
    figure = any(c.isdigit() for c in b.text)
    # "before shipping" says when a check ran, not what it was: it checks the cost with a
    # figure the check held, or beside a named check
    checks_named = [
        k and (figure or not _when_only(e.value or e.text))
        for e, k in zip(spans, kinds, strict=True)
    ]
    checked = any(checks_named) or "experiment" in names or (held and figure)
    if lists_costs(b.text, ctx.profile):
        cost = False
    if lists_tests(b.text):
        checked = False
    return decision, cost, checked and (decision or cost)  # a check of a choice, not a test


def _listed(run: str) -> str:
    """The end of a T302/T303 message: the list that stood in for one cost or one check."""
    if not run:
        return "."
    return f": “{run}” lists them all, not the one that mattered and what it showed."


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    findings = []
    shown = {b.location: weighed(ctx, b) for b in ctx.bullets}
    decisions = [b for b in ctx.bullets if shown[b.location][0]]
    # The showcase is the bullet that weighs the most: a decision, its cost and the check, by
    # the points each line gives, so the technique's score is its best item's score
    weights = [line.points for line in LINES]
    best = max(
        ctx.bullets,
        key=lambda b: sum(w for w, on in zip(weights, shown[b.location], strict=True) if on),
        default=None,
    )
    _, cost, validated = shown[best.location] if best else (False, False, False)
    where = best.location if best else ""
    unnamed = [
        b for b in ctx.bullets if not shown[b.location][0] and "decision" in ctx.names(b.location)
    ]
    if not decisions and unnamed:
        b = unnamed[0]
        findings.append(
            t.finding(
                "T301",
                b.location,
                f"{quote(b.text)} does not name the options: “the old model” and “a new model” "
                "could be any choice.",
                "Which model or system did you replace, and with what? Name them: 'replaced the "
                "rule-based scorer with a gradient-boosted model'.",
                ctx.first(b.location, "decision"),
            )
        )
    elif not decisions:
        findings.append(
            t.finding(
                "T301",
                "work",
                "No bullet shows a technical decision you made; every bullet reads as plain building.",
                "Which approach did you replace, and with what? Write it as 'replaced X with Y'.",
            )
        )
    if not cost:
        for b in (b for b in decisions if not shown[b.location][1]):
            findings.append(
                t.finding(
                    "T302",
                    b.location,
                    f"{quote(b.text)} does not say what the choice cost"
                    + _listed(lists_costs(b.text, ctx.profile)),
                    "What did the change risk or give up (latency, memory, accuracy, money), and "
                    "was it worth it?",
                    ctx.first(b.location, "decision") or ctx.first(b.location, "tradeoff"),
                )
            )
    else:
        # one weighed tradeoff earns the technique; the other decisions could say their cost
        # too, as tips that cost nothing (so a finding never just vanishes at 100)
        for b in decisions:
            if b is not best and not shown[b.location][1]:
                findings.append(
                    t.finding(
                        "T302",
                        b.location,
                        f"{quote(b.text)} does not say what the choice cost; "
                        f"{best.location if best else 'another bullet'} already shows a weighed "
                        "tradeoff, so this one is optional.",
                        "If the choice cost something that mattered (latency, memory, accuracy, "
                        "money), say it here too; otherwise leave it.",
                        ctx.first(b.location, "decision") or ctx.first(b.location, "tradeoff"),
                    )
                )
    if not validated:
        for b in [best] if best and (cost or decisions) else []:
            findings.append(
                t.finding(
                    "T303",
                    b.location,
                    f"{quote(b.text)} does not say how you checked the cost was acceptable"
                    + _listed(lists_tests(b.text)),
                    "How did you confirm it before shipping: a load test, a shadow test, an "
                    "offline evaluation or an A/B test, and what did it show?",
                    ctx.first(b.location, "decision") or ctx.first(b.location, "tradeoff"),
                )
            )
    checklist = [
        t.earn("decision", bool(decisions), decisions[0].location if decisions else ""),
        t.earn("cost", cost, where, blame="" if decisions else "T301"),
        t.earn("validated", validated, where, blame="" if decisions or cost else "T301"),
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
        Rule("T302", "decision-without-cost", "a decision that does not say what it cost"),
        Rule("T303", "tradeoff-not-validated", "a cost named but not how it was checked"),
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
            "weak",
            "Moved fraud scoring from a nightly batch job to online inference, accepting a "
            "higher serving cost.",
            codes=("T303",),
            note="A decision and its cost, but nothing says the cost was checked.",
        ),
        Example(
            "weak",
            "Replaced the ranker with a transformer after validating it in a shadow test.",
            codes=("T302",),
            note="Checked, but against what cost? Validation alone is following a trend.",
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
    lines=LINES,
)
