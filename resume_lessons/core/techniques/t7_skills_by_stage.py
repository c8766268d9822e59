"""T7: group skills by pipeline stage and list only the tools your bullets show in use."""

from __future__ import annotations

import re

from ..findings import Context, Example, TechniqueResult
from ..model import Skill
from ..skills import (
    TOOL_LIST,
    Key,
    group_stage,
    is_pipeline_tool,
    misplaced,
    ngrams,
    outermost,
    shown_in,
    skill_evidence,
)
from .base import Line, Rule, Technique, result

LINES = (
    Line("grouped", "skills grouped, not one flat list", 25, "T701", ("T705",)),
    Line("staged", "groups named after pipeline stages", 25, "T702", ("T701", "T705")),
    Line("lean", "a lean list", 10, "T703", ("T705",)),
    Line("used", "every tool shown in use in a bullet", 30, "T704", ("T705",)),
    # the other side of "lean": a list cut below what the bullets show hides real work
    Line("complete", "lists the tools your bullets show in use", 10, "T706", ("T705",)),
)


UNUSED_SHARE = 0.125  # of the "used" line, per listed tool no bullet shows: eight lose it all


def _tools_in_bullets(ctx: Context, shown: set[Key]) -> tuple[list[str], list[str]]:
    """The profile's tools the bullets show in use (``shown``: their word runs), and those of
    them the skills block does not list, each spelt as the bullets spell it."""
    listed = ngrams([k for s in ctx.resume.skills for k in (s.name, *s.keywords)])
    text = "\n".join(i.text for i in ctx.items)
    found, unlisted = [], []
    for tool in outermost([t for t in ctx.profile.tool_stages if shown_in(t, shown, ctx.profile)]):
        m = re.search(rf"(?<!\w){re.escape(tool)}(?!\w)", text, re.IGNORECASE)
        if m:  # named as such: a tool only implied ("BigQuery" shows GCP) is not counted
            found.append(m.group(0))
            if not shown_in(tool, listed, ctx.profile):
                unlisted.append(m.group(0))
    return list(dict.fromkeys(found)), list(dict.fromkeys(unlisted))


def _bloat(skills: list[Skill], total: int, max_total: int, max_group: int) -> str:
    """What makes the list long, as the learner would fix it: the whole, or the groups."""
    big = [s for s in skills if len(s.keywords) > max_group]
    parts = []
    if total > max_total:
        parts.append(f"The skills list has {total} entries; keep it to {max_total} at most.")
    if len(skills) == 1 and big:
        parts.append(
            f"It is one group of {total}: split it into stage groups of at most {max_group}."
        )
    elif big:
        named = ", ".join(f"“{s.name or 'unnamed'}” has {len(s.keywords)}" for s in big)
        parts.append(f"Keep each group to {max_group} at most: {named}.")
    return " ".join(parts)


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    skills = ctx.resume.skills
    if not skills or not any(s.keywords for s in skills):
        finding = t.finding(
            "T705",
            "skills",
            "The resume has no skills block.",
            "Add skills grouped by pipeline stage (Data, Features, Training, Serving, "
            "Monitoring, Experimentation), listing the tools your bullets show.",
        )
        return result(t.code, [t.earn(x.key, False, blame="T705") for x in LINES], [finding])
    findings = []
    flat_names = set(ctx.profile.words("skills", "flat_group_names"))
    named = [s for s in skills if s.name.strip() and s.name.strip().lower() not in flat_names]
    grouped = len(named) >= 2
    if not grouped:
        # "Technical" beside "Risk": two groups, but the tools sit in the catch-all one
        catch_all = max(
            (s for s in skills if s not in named and s.name.strip()),
            key=lambda s: len(s.keywords),
            default=None,
        )
        findings.append(
            t.finding(
                "T701",
                "skills",
                f"Most tools sit in one catch-all group (“{catch_all.name.strip()}”), so a reader "
                "cannot see how they fit the pipeline."
                if catch_all is not None and len(skills) > 1
                else "The skills are one flat list, so a reader cannot see how they fit the "
                "pipeline.",
                "Group them by stage: Languages, Data, Features, Training, Serving, Monitoring, "
                "Experimentation.",
            )
        )
    stage_of = {i: group_stage(s, ctx.profile) for i, s in enumerate(skills)}
    for i, s in enumerate(skills):
        if s in named and not stage_of[i]:
            findings.append(
                t.finding(
                    "T702",
                    f"skills[{i}]",
                    f"The group “{s.name}” does not name a pipeline stage.",
                    "Rename it after the stage its tools serve, or move them to such a group.",
                )
            )
    astray = {
        i: misplaced(s, stage_of[i], ctx.profile)
        for i, s in enumerate(skills)
        if s in named and stage_of[i] and stage_of[i] != "languages"
    }
    for i, tools in astray.items():
        if tools:
            findings.append(
                t.finding(
                    "T702",
                    f"skills[{i}]",
                    f"The group “{skills[i].name}” names the {stage_of[i]} stage, but most of "
                    f"its tools ({', '.join(tools)}) serve another stage.",
                    "Move each tool to the group of the stage you used it in.",
                )
            )
    staged = sum(
        1 for i, s in enumerate(skills) if s in named and stage_of[i] and not astray.get(i)
    )
    total = sum(len(s.keywords) for s in skills)
    max_total = int(ctx.profile.setting("skills", "max_keywords", default=30))
    max_group = int(ctx.profile.setting("skills", "max_per_group", default=10))
    biggest = max(len(s.keywords) for s in skills)
    lean = total <= max_total and biggest <= max_group
    if not lean:
        findings.append(
            t.finding(
                "T703",
                "skills",
                _bloat(skills, total, max_total, max_group),
                "Keep the tools you used in production; drop the ones you have only heard of.",
            )
        )
    # a language needs no bullet of its own; a pipeline tool does, whatever group it is in
    exempt_groups = set(ctx.profile.words("skills", "exempt_groups"))

    def exempt(i: int, keyword: str) -> bool:
        return stage_of[i] in exempt_groups and not is_pipeline_tool(keyword, ctx.profile)

    listed = [k for i, s in enumerate(skills) for k in s.keywords if not exempt(i, k)]
    lists, texts = skill_evidence([(i.location, i.text) for i in ctx.items], listed, ctx.profile)
    fields = {w.lower() for w in ctx.profile.words("skills", "fields")}
    checked, used = 0, 0
    for i, s in enumerate(skills):
        for j, keyword in enumerate(s.keywords):
            if exempt(i, keyword):
                continue
            checked += 1
            if shown_in(keyword, texts, ctx.profile):
                used += 1
                continue
            where = next((loc for loc, grams in lists if shown_in(keyword, grams, ctx.profile)), "")
            message = (
                f"“{keyword}” is listed as a skill and only named in {where}, which names "
                f"{TOOL_LIST} or more of your skills at once: a list shows none of them in use."
                if where
                else f"“{keyword}” is listed as a skill but no bullet shows you using it."
            )
            suggestion = f"Where did you use {keyword}? Mention it in that bullet, or drop it."
            if keyword.strip().lower() in fields:
                message = (
                    f"“{keyword}” names a field, not a tool you used: a reader cannot tell what "
                    "you can do with it."
                )
                suggestion = (
                    "Drop it, and list the tools you did that work with (the library, the "
                    "model family's framework), each shown in a bullet."
                )
            findings.append(t.finding("T704", f"skills[{i}].keywords[{j}]", message, suggestion))
    in_bullets, unlisted = _tools_in_bullets(ctx, texts)
    if unlisted:
        findings.append(
            t.finding(
                "T706",
                "skills",
                f"Your bullets show {', '.join(unlisted)} in use, but the skills block does not "
                f"list {'it' if len(unlisted) == 1 else 'them'}.",
                "List each under the stage it served, so a reader scanning the skills sees it.",
            )
        )
    # each listed tool no bullet shows costs the same share of the line, so that dropping (or
    # showing) one gives back what its finding said it cost, whatever else is listed
    share_used = max(0.0, 1.0 - (checked - used) * UNUSED_SHARE)
    share_listed = 1 - len(unlisted) / len(in_bullets) if in_bullets else 1.0
    # one group is no grouping, whatever its name: "staged" needs groups to name
    staged_share = staged / len(named) if grouped else 0.0
    checklist = [
        t.earn("grouped", grouped, "skills"),
        t.earn("staged", staged_share, "skills", "" if grouped else "T701"),
        t.earn("lean", lean, "skills"),
        t.earn("used", share_used, "skills"),
        t.earn("complete", share_listed, "skills"),
    ]
    return result(t.code, checklist, findings)


_UNLISTED = {
    "work": [
        {
            "name": "Acme",
            "highlights": [
                "Trained the ranker in PyTorch and served it on Triton at 9 ms p99.",
            ],
        }
    ],
    "skills": [
        {"name": "Training", "keywords": ["PyTorch"]},
        {"name": "Serving", "keywords": ["Docker"]},
    ],
}

_WEAK = {
    "work": [{"name": "Acme", "highlights": ["Trained models in PyTorch."]}],
    "skills": [
        {
            "name": "Skills",
            "keywords": [
                "Python",
                "PyTorch",
                "TensorFlow",
                "Keras",
                "JAX",
                "MXNet",
                "Caffe",
                "Theano",
                "scikit-learn",
                "XGBoost",
                "LightGBM",
                "CatBoost",
                "AWS",
                "GCP",
                "Azure",
                "Spark",
                "Hadoop",
                "Hive",
                "Pig",
                "Kafka",
                "Docker",
                "Kubernetes",
                "Tableau",
                "Excel",
                "R",
                "MATLAB",
                "SAS",
                "Julia",
                "C++",
                "Java",
                "Scala",
                "Go",
            ],
        }
    ],
}
_STRONG = {
    "work": [
        {
            "name": "Spotify",
            "highlights": [
                "Trained the two-tower model in PyTorch on GPU clusters.",
                "Built Spark jobs in Airflow and served features from Feast.",
                "Served models with Triton on Kubernetes; tracked runs in MLflow.",
            ],
        }
    ],
    "skills": [
        {"name": "Languages", "keywords": ["Python", "SQL"]},
        {"name": "ML Frameworks", "keywords": ["PyTorch"]},
        {"name": "Data & Features", "keywords": ["Spark", "Airflow", "Feast"]},
        {"name": "Serving & Infra", "keywords": ["Triton", "Kubernetes"]},
        {"name": "Experiment", "keywords": ["MLflow"]},
    ],
}

TECHNIQUE = Technique(
    code="T7",
    name="skills-by-stage",
    title="Group skills by pipeline stage, and list only tools you used",
    why=(
        "Groups named after the stages of a production pipeline let a reader confirm in two "
        "seconds that you cover data, training, serving and experiments. A flat list of every "
        "framework ever released says what you have heard of; a lean list whose tools reappear "
        "in your bullets says how you work."
    ),
    wants=(),
    rules=(
        Rule("T701", "flat-skills-list", "skills in one flat list"),
        Rule("T702", "group-not-a-stage", "a skills group not named after a pipeline stage"),
        Rule("T703", "bloated-skills", "too many skills listed"),
        Rule("T704", "skill-not-shown", "a listed tool that no bullet shows in use"),
        Rule("T705", "no-skills", "no skills block"),
        Rule("T706", "tool-not-listed", "a tool the bullets show in use is not in the skills"),
    ),
    examples=(
        Example(
            "weak",
            "Groups named after kinds of things, not pipeline stages.",
            kind="resume",
            codes=("T702",),
            resume={
                "work": [{"name": "Acme", "highlights": ["Trained models in PyTorch on AWS."]}],
                "skills": [
                    {"name": "Cool stuff", "keywords": ["PyTorch"]},
                    {"name": "Cloud", "keywords": ["AWS"]},
                ],
            },
        ),
        Example(
            "weak",
            "Every framework ever made plus three cloud providers, in one list.",
            kind="resume",
            resume=_WEAK,
            codes=("T701", "T703", "T704"),
        ),
        Example(
            "weak",
            "A bullet serves the model on Triton, but the skills block leaves Triton out.",
            kind="resume",
            resume=_UNLISTED,
            codes=("T706",),
        ),
        Example(
            "strong",
            "Five groups named after pipeline stages; every tool appears in a bullet.",
            kind="resume",
            resume=_STRONG,
        ),
    ),
    check=check,
    lines=LINES,
    scope="resume",
)
