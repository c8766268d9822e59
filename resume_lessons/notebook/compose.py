"""Compose a bullet from slots (stage, decision, model, metric, ...) without inventing facts.

The composer only rearranges what the learner typed. A slot left empty leaves a bracketed
question in the bullet, never a number: ``[by how much?]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STAGE_PHRASES: dict[str, str] = {
    "": "",
    "data": "data pipeline",
    "features": "feature pipeline",
    "training": "training pipeline",
    "serving": "real-time serving path",
    "monitoring": "model monitoring pipeline",
    "experimentation": "experimentation platform",
}


@dataclass(frozen=True)
class Slots:
    stage: str = ""
    decision: str = ""
    model_type: str = ""
    metric: str = ""
    magnitude: str = ""
    scale: str = ""
    experiment: str = ""


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" .,;")


# What should fall: errors, delays and costs, and what goes wrong for a business ("stockouts on
# promoted items", "fresh-produce waste", "chargebacks")
_LOWER_IS_BETTER = re.compile(
    r"\b(?:error|errors|wape|mape|mae|rmse|wer|loss|losses|latency|p\d\d|cost|costs|churn|"
    r"false positives?|false alarms?|fraud losses|time|delay|delays|bounce|lag|staleness|"
    r"stockouts?|out-of-stocks?|waste|spoilage|shrink|overstock|bias|incidents?|outages?|"
    r"downtime|defects?|returns|chargebacks?|complaints?|escalations?|abandonment|attrition)\b",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^(?:from\s|\d[\d.,]*\s?%?\s*(?:->|→|to)\s)", re.IGNORECASE)


def compose_bullet(slots: Slots) -> str:
    """One bullet from the slots; empty slots are skipped or asked for, never filled in."""
    stage = STAGE_PHRASES.get(slots.stage, _clean(slots.stage))
    decision, model = _clean(slots.decision), _clean(slots.model_type)
    metric, magnitude = _clean(slots.metric), _clean(slots.magnitude)
    scale, experiment = _clean(slots.scale), _clean(slots.experiment)
    if decision:
        head = decision[0].upper() + decision[1:]
        if model and model.lower() not in decision.lower():
            head += f" ({model})"
    elif model:
        head = f"Built a {model}"
    else:
        head = "Built [what did you build or change?]"
    parts = [head]
    if stage and stage.lower() not in head.lower():
        parts.append(f"in the {stage}")
    if scale:
        parts.append(f"for {scale}")
    if metric or magnitude:
        # a metric that should fall (error, latency, cost …) is cut, not lifted; a range
        # ("from 38% to 32%") needs no "by"
        verb = "cutting" if _LOWER_IS_BETTER.search(metric) else "lifting"
        size = magnitude or "[by how much?]"
        size = size if _RANGE.match(size) else f"by {size}"
        parts.append(f", {verb} {metric or '[which metric?]'} {size}".lstrip())
    if experiment:
        parts.append(f"in {experiment}")
    text = " ".join(parts).replace(" ,", ",")
    return text + "."
