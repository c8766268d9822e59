"""Pure helpers for the skills sorter (lesson 07): a stage group per tool, the grouped block."""

from __future__ import annotations

from ..core.model import Resume, Skill
from ..core.profile import Profile
from ..core.skills import group_stage, ngrams, shown_in

DROP = "(drop it)"
UNSORTED = "(unsorted)"
# Group names that mirror the stages of a production pipeline, in pipeline order.
STAGE_GROUPS: dict[str, str] = {
    "languages": "Languages",
    "training": "ML Frameworks",
    "data": "Data & Features",
    "features": "Data & Features",
    "serving": "Serving & Infra",
    "monitoring": "Monitoring",
    "experimentation": "Experiment",
}
GROUP_ORDER = tuple(dict.fromkeys(STAGE_GROUPS.values()))
LANGUAGES = frozenset(
    [
        "python",
        "r",
        "java",
        "c",
        "c++",
        "c#",
        "scala",
        "sql",
        "go",
        "golang",
        "julia",
        "matlab",
        "rust",
        "javascript",
        "typescript",
        "bash",
        "kotlin",
        "swift",
        "sas",
    ]
)


def tools_of(resume: Resume) -> list[str]:
    """Every keyword of the skills block once, in the order the learner wrote them."""
    return list(dict.fromkeys(k.strip() for s in resume.skills for k in s.keywords if k.strip()))


def suggest_group(tool: str, current: Skill | None, profile: Profile) -> str:
    """The stage group a tool most likely belongs to: its known stage, else its group's stage."""
    key = tool.lower().strip()
    if key in LANGUAGES:
        return "Languages"
    if key in profile.tool_stages:
        return STAGE_GROUPS[profile.tool_stages[key]]
    stage = group_stage(current, profile) if current is not None else ""
    return STAGE_GROUPS.get(stage, UNSORTED)


def initial_assignment(resume: Resume, profile: Profile) -> dict[str, str]:
    """tool -> group for every tool in the resume's skills, as a first suggestion."""
    owner = {k.strip(): s for s in resume.skills for k in s.keywords}
    return {tool: suggest_group(tool, owner.get(tool), profile) for tool in tools_of(resume)}


def grouped_skills(assignment: dict[str, str]) -> list[Skill]:
    """The skills block from tool -> group, groups in pipeline order, dropped tools left out."""
    groups: dict[str, list[str]] = {}
    for tool, group in assignment.items():
        if group != DROP:
            groups.setdefault(group, []).append(tool)
    order = [*GROUP_ORDER, *sorted(g for g in groups if g not in GROUP_ORDER)]
    return [Skill(name=g, keywords=groups[g]) for g in order if g in groups]


def unshown_tools(resume: Resume, tools: list[str]) -> list[str]:
    """The tools that no bullet or summary of the resume mentions."""
    grams = ngrams(_texts(resume))  # runs of words, as T7 looks them up; whole texts never match
    return [t for t in tools if t.lower() not in LANGUAGES and not shown_in(t, grams)]


def _texts(resume: Resume) -> list[str]:
    texts = [resume.basics.summary]
    for entry in [*resume.work, *resume.projects]:
        texts.extend(entry.highlights)
    return [t for t in texts if t]
