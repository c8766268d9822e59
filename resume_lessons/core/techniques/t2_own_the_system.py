"""T2: show you own the whole system: data, features, training, serving, monitoring, experiments."""

from __future__ import annotations

from ..elements import BY_NAME
from ..findings import Context, Example, TechniqueResult
from .base import Rule, Technique, item, quote, result

STAGE_POINTS = {
    "data": 15,
    "features": 15,
    "training": 15,
    "serving": 15,
    "monitoring": 15,
    "experimentation": 10,
}
OPENING_POINTS = 15


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    bullets = ctx.bullets
    findings = []
    checklist = []
    for stage, points in STAGE_POINTS.items():
        where = next((b.location for b in bullets if f"stage.{stage}" in ctx.names(b.location)), "")
        checklist.append(item(f"a bullet about {stage}", points, bool(where), where or "T201"))
        if not where:
            findings.append(
                t.finding(
                    "T201",
                    "work",
                    f"No bullet shows your work on the {stage} stage of the pipeline.",
                    BY_NAME[f"stage.{stage}"].question + " Add it to the role where you did it.",
                )
            )
    weak = []
    for b in bullets:
        opening = ctx.first(b.location, "weak_opening")
        if opening is not None:
            weak.append(b.location)
            findings.append(
                t.finding(
                    "T202",
                    b.location,
                    f"{quote(b.text)} describes a duty, not what you built or decided.",
                    "Open with what you did (built, replaced, cut, shipped), name the pipeline stage, "
                    "and end with what it changed.",
                    opening,
                )
            )
    share_strong = 1 - len(weak) / len(bullets) if bullets else 0.0
    checklist.append(
        item(
            "bullets open with what you did, not a duty",
            OPENING_POINTS,
            share_strong,
            "T202" if weak else "action_verb",
        )
    )
    return result(t.code, checklist, findings)


_STRONG = {
    "work": [
        {
            "name": "Spotify",
            "position": "Senior ML Engineer",
            "highlights": [
                "Built Spark pipelines that process 200M listening events a day into training data.",
                "Engineered 80+ features across three signal groups and served them from Feast.",
                "Moved ranking-model training to distributed training on GPU clusters.",
                "Shipped a real-time feature serving layer with 30-second freshness.",
                "Set up PSI drift monitoring with alerts on every production model.",
                "Ran a 3-week A/B test on 5% of traffic before the global launch.",
            ],
        }
    ]
}
_WEAK = {
    "work": [
        {
            "name": "Spotify",
            "position": "ML Engineer",
            "highlights": [
                "Responsible for training machine learning models for recommendations.",
                "Worked on model training and tuning with the data science team.",
            ],
        }
    ]
}

TECHNIQUE = Technique(
    code="T2",
    name="own-the-whole-system",
    title="Show you own the whole system, from data to monitoring",
    why=(
        "Many candidates can train a model; fewer can keep one healthy in production. Bullets "
        "that cover the data pipeline, the features, training, serving and monitoring show a "
        "person who owns the system end to end, not one who hands a notebook to another team. "
        "Each bullet should say what you built or decided, not which duties you had."
    ),
    wants=(
        "action_verb",
        "stage.data",
        "stage.features",
        "stage.training",
        "stage.serving",
        "stage.monitoring",
    ),
    rules=(
        Rule("T201", "pipeline-stage-missing", "no bullet covers one stage of the pipeline"),
        Rule("T202", "duty-instead-of-work", "a bullet opens with a duty or has no verb"),
    ),
    examples=(
        Example(
            "weak",
            "Responsible for training machine learning models for recommendations.",
            kind="resume",
            resume=_WEAK,
            codes=("T201", "T202"),
            note="Only training, and written as a job description.",
        ),
        Example(
            "strong",
            "Six bullets, one per stage: data, features, training, serving, "
            "monitoring and the experiment.",
            kind="resume",
            resume=_STRONG,
            note="Every stage of the pipeline, each with what was built.",
        ),
        Example("weak", "Worked on recommendation system improvements.", codes=("T202",)),
        Example("weak", "Helped the team with data pipelines.", codes=("T202",)),
    ),
    check=check,
)
