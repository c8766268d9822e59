"""T5: show both model work and the systems around it, ideally paired in the same role."""

from __future__ import annotations

import math
from collections import defaultdict

from ..cramming import LISTED, is_keyword_list, listed_run
from ..findings import Context, Example, TechniqueResult
from .base import Line, Rule, Technique, result

MODEL_ELEMENTS = {"model_type"}
SYSTEM_ELEMENTS = {"stage.data", "stage.features", "stage.serving", "stage.monitoring"}
_COUNTS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}  # a suggestion holds no digits
BALANCE_TARGET = 0.3  # the smaller side should be at least this share of the bullets
LINES = (
    Line("model", "model work (a named model family)", 30, "T501"),
    Line("systems", "systems work (data, features, serving, monitoring)", 30, "T502"),
    Line("paired", "both in the same role", 20, "T503"),
    Line("balance", "a balance of the two", 20, "T504"),
)


def _lists_models(ctx: Context, location: str, text: str) -> bool:
    spans = [(e.start, e.end) for e in ctx.elements.get(location, []) if e.name in MODEL_ELEMENTS]
    return listed_run(text, spans) >= LISTED


def _role(location: str) -> str:
    return location.split(".highlights", 1)[0]


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    findings = []
    # a list of model families ("transformer, LSTM, DeepFM and XGBoost models") shows work on
    # none of them: such a bullet is no model work; a bullet that is only keywords is neither
    shown = [b for b in ctx.bullets if not is_keyword_list(b.text)]
    model = [
        b
        for b in shown
        if ctx.names(b.location) & MODEL_ELEMENTS and not _lists_models(ctx, b.location, b.text)
    ]
    systems = [b for b in shown if ctx.names(b.location) & SYSTEM_ELEMENTS]
    roles: dict[str, set[str]] = defaultdict(set)
    for b in model:
        roles[_role(b.location)].add("model")
    for b in systems:
        roles[_role(b.location)].add("system")
    paired = [r for r, sides in roles.items() if sides == {"model", "system"}]
    if not model:
        findings.append(
            t.finding(
                "T501",
                "work",
                "No bullet names a model you built or changed.",
                "Which model family did you work on (two-tower, gradient boosted trees, transformer), "
                "and what did you change about it?",
            )
        )
    if not systems:
        findings.append(
            t.finding(
                "T502",
                "work",
                "No bullet shows the systems around your models: data, features, "
                "serving or monitoring.",
                "Which pipeline, feature layer or serving path did you build so the model could run "
                "in production?",
            )
        )
    if model and systems and not paired:
        findings.append(
            t.finding(
                "T503",
                "work",
                "Model work and systems work never appear in the same role.",
                "In the role where you built the model, add how it was served or fed with data.",
            )
        )
    # the share of all bullets, not of those showing either side: a side shown in one more
    # bullet never lowers the balance, whichever side it is
    smaller = min(len(model), len(systems))
    every = len(ctx.bullets)
    balance = min(1.0, (smaller / every) / BALANCE_TARGET) if every else 0.0
    if model and systems and balance < 1.0:
        side = "models" if len(model) < len(systems) else "systems"
        shows = {
            "models": "a named model family",
            "systems": "data, features, serving or monitoring",
        }
        work = {"models": "model", "systems": "systems"}[side]
        need = math.ceil(round(BALANCE_TARGET * every, 9))  # 0.3 * 20 is 6.000000000000001
        more = need - smaller
        findings.append(
            t.finding(
                "T504",
                "work",
                f"The bullets lean heavily one way: {smaller} of your {every} bullets show "
                f"{side} ({shows[side]}); a balance needs {need} or more.",
                f"Is there {work} work you did but left out? Name it in "
                f"{_COUNTS.get(more, 'a few')} more bullet{'s' * (more != 1)} to restore the "
                "balance.",
            )
        )
    missing_side = "T501" if not model else "T502" if not systems else ""
    checklist = [
        t.earn("model", bool(model), model[0].location if model else ""),
        t.earn("systems", bool(systems), systems[0].location if systems else ""),
        t.earn("paired", bool(paired), paired[0] if paired else "", missing_side),
        t.earn("balance", balance, "work", missing_side),
    ]
    return result(t.code, checklist, findings)


_STRONG = {
    "work": [
        {
            "name": "Spotify",
            "position": "Senior ML Engineer",
            "highlights": [
                "Designed a two-tower retrieval model for home feed candidate generation.",
                "Built the real-time feature serving layer that feeds it, with 30-second freshness.",
                "Migrated ranking-model training to distributed training on GPU clusters.",
            ],
        }
    ]
}
_WEAK_MODELS_ONLY = {
    "work": [
        {
            "name": "Spotify",
            "position": "ML Engineer",
            "highlights": [
                "Trained a two-tower model for recommendations.",
                "Tuned an XGBoost model to predict skips.",
                "Tried a transformer model for next-track prediction.",
            ],
        }
    ]
}

_SYSTEMS_ONLY = {
    "work": [
        {
            "name": "Acme",
            "position": "ML Platform Engineer",
            "highlights": [
                "Built Spark pipelines that process 2B events a day.",
                "Cut serving latency from 90 to 40 ms by moving inference to Triton.",
            ],
        }
    ]
}
_APART = {
    "work": [
        {"name": "Acme", "highlights": ["Trained an XGBoost model to rank listings."]},
        {"name": "Beta", "highlights": ["Built Kafka streaming pipelines for click events."]},
    ]
}
_LOPSIDED = {
    "work": [
        {
            "name": "Acme",
            "highlights": [
                "Built Spark pipelines for click logs.",
                "Ran the Airflow data pipelines for search.",
                "Set up drift monitoring and alerts.",
                "Cut serving latency by 40% with request batching.",
                "Moved the feature store to Redis.",
                "Migrated the data lake to BigQuery.",
                "Added a lightweight XGBoost model to the feature pipeline.",
            ],
        }
    ]
}

TECHNIQUE = Technique(
    code="T5",
    name="models-and-systems",
    title="Show models and the systems they run in",
    why=(
        "Many ML resumes are all models and no systems. A model only matters once data reaches "
        "it and its predictions reach users, so pair each model with the pipeline, feature layer "
        "or serving path you built for it. That signals someone who can own the full stack."
    ),
    wants=("model_type", "stage.serving", "stage.data"),
    rules=(
        Rule("T501", "no-model-work", "no bullet names a model family"),
        Rule(
            "T502", "no-systems-work", "no bullet shows data, feature, serving or monitoring work"
        ),
        Rule("T503", "models-and-systems-apart", "model and systems work never in the same role"),
        Rule("T504", "lopsided-models-systems", "one side has far fewer bullets than the other"),
    ),
    examples=(
        Example(
            "weak",
            "Pipelines and latency work, but no model.",
            kind="resume",
            resume=_SYSTEMS_ONLY,
            codes=("T501",),
        ),
        Example(
            "weak",
            "A model in one job, a pipeline in another.",
            kind="resume",
            resume=_APART,
            codes=("T503",),
        ),
        Example(
            "weak",
            "Six systems bullets and one model.",
            kind="resume",
            resume=_LOPSIDED,
            codes=("T504",),
        ),
        Example(
            "weak",
            "Three model bullets and no system around them.",
            kind="resume",
            resume=_WEAK_MODELS_ONLY,
            codes=("T502",),
            note="A notebook handed to a platform team.",
        ),
        Example(
            "strong",
            "A retrieval model, its feature layer and its training migration.",
            kind="resume",
            resume=_STRONG,
            note="Model and system, side by side.",
        ),
    ),
    check=check,
    lines=LINES,
    scope="resume",
)
