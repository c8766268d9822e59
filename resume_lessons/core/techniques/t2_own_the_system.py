"""T2: show you own the whole system: data, features, training, serving, monitoring, experiments."""

from __future__ import annotations

import re
from functools import cache

from ..bullet_score import owns_a_named_system
from ..elements import BY_NAME
from ..findings import Context, Example, TechniqueResult
from ..placeholders import has_placeholder
from ..profile import Profile
from .base import Line, Rule, Technique, quote, result

STAGES = ("data", "features", "training", "serving", "monitoring", "experimentation")
CRAMMED_STAGES = 5  # a bullet naming five of the six stages lists them; it shows none
LINES = (
    Line("data", "a bullet about data", 15, "T201"),
    Line("features", "a bullet about features", 15, "T201"),
    Line("training", "a bullet about training", 15, "T201"),
    Line("serving", "a bullet about serving", 15, "T201"),
    Line("monitoring", "a bullet about monitoring", 15, "T201"),
    Line("experimentation", "a bullet about experimentation", 10, "T201"),
    Line("openings", "bullets open with what you did, not a duty", 15, "T202"),
)


_PEOPLE_FIX = (
    "Open with what you did for the people (mentored, hired, ran the reviews) and end with "
    "what came of it: 'Mentored three interns on the ranking team; two joined full time.'"
)


def _about_people(text: str, names: frozenset[str], profile: Profile) -> bool:
    """A bullet about work with people (``people_work`` of verbs.yaml: mentoring, interns,
    code reviews) that names no pipeline stage: its fix is about the people, not a stage."""
    if any(n.startswith("stage.") for n in names):
        return False
    return _people_words(profile).search(text) is not None


@cache
def _people_words(profile: Profile) -> re.Pattern[str]:
    words = sorted(profile.words("verbs", "people_work"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    # a bullet still holding a prompt or a placeholder ("Built [what did you build?].") says
    # nothing yet: it shows no stage and is no opening
    bullets = [b for b in ctx.bullets if not has_placeholder(b.text)]
    findings = []
    checklist = []
    stages_in = {
        b.location: sum(f"stage.{s}" in ctx.names(b.location) for s in STAGES) for b in bullets
    }
    weak = []
    for b in bullets:
        opening = ctx.first(b.location, "weak_opening")
        if opening is not None and not owns_a_named_system(b.text, opening.start, ctx.profile):
            weak.append(b.location)
            findings.append(
                t.finding(
                    "T202",
                    b.location,
                    f"{quote(b.text)} describes a duty, not what you built or decided.",
                    _PEOPLE_FIX
                    if _about_people(b.text, ctx.names(b.location), ctx.profile)
                    else "Open with what you did (built, replaced, cut, shipped), name the "
                    "pipeline stage, and end with what it changed.",
                    opening,
                )
            )
    for stage in STAGES:
        showing = [b for b in bullets if f"stage.{stage}" in ctx.names(b.location)]
        # the most focused bullet that says what you did stands for the stage; one that crams
        # the pipeline earns nothing, one that only names it as a duty ("Worked on model
        # training") earns half
        done = [b for b in showing if b.location not in weak]
        best = min(done or showing, key=lambda b: stages_in[b.location], default=None)
        where = best.location if best else ""
        crammed = best is not None and stages_in[where] >= CRAMMED_STAGES
        duty = best is not None and not done
        # a crammed bullet shows no stage as your work, as its finding says; a duty shows half
        share = 0.0 if crammed else 0.5 if duty else float(bool(where))
        checklist.append(t.earn(stage, share, where))
        if crammed:
            findings.append(
                t.finding(
                    "T201",
                    where,
                    f"Only a bullet that crams {stages_in[where]} stages together shows the "
                    f"{stage} stage, so none of them reads as your work.",
                    f"Give the {stage} work a bullet of its own: what you built there and what it "
                    "changed.",
                    line=stage,
                )
            )
        elif duty:
            findings.append(
                t.finding(
                    "T201",
                    where,
                    f"Only a duty ({quote(best.text)}) shows the {stage} stage: a reader sees "
                    "that you were near it, not what you built there.",
                    f"Say what you built or changed in the {stage} stage, and what it changed.",
                    line=stage,
                )
            )
        if not where:
            findings.append(
                t.finding(
                    "T201",
                    "work",
                    f"No bullet shows your work on the {stage} stage of the pipeline.",
                    BY_NAME[f"stage.{stage}"].question + " Add it to the role where you did it.",
                    line=stage,
                )
            )
    strong = next((b.location for b in bullets if b.location not in weak), "work")
    share_strong = 1 - len(weak) / len(bullets) if bullets else 1.0  # no bullet opens weakly
    checklist.append(t.earn("openings", share_strong, strong))
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
    lines=LINES,
    scope="resume",
)
