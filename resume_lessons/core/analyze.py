"""Run the seven techniques over a resume: findings, element spans and a score per technique."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .elements import Element, explain
from .findings import Context, Finding, TechniqueResult
from .locations import Item, iter_items
from .model import Resume
from .profile import DEFAULT_PROFILE, Profile, load_profile
from .techniques import TECHNIQUES, Technique


@dataclass
class Analysis:
    """The result of analysing one resume. The same resume always gives the same analysis."""

    resume: Resume
    profile: str
    items: list[Item]
    elements: dict[str, list[Element]]
    results: dict[str, TechniqueResult]

    @property
    def scores(self) -> dict[str, int]:
        scores = {code: r.score for code, r in self.results.items()}
        scores["overall"] = round(sum(scores.values()) / len(scores)) if scores else 0
        return scores

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results.values() for f in r.findings]

    def findings_for(self, technique: str) -> list[Finding]:
        return list(self.results[technique].findings)

    def findings_at(self, location: str) -> list[Finding]:
        return [f for f in self.findings if f.location == location]

    def item(self, location: str) -> Item:
        for it in self.items:
            if it.location == location:
                return it
        raise KeyError(f"the resume has no {location}")

    def to_dict(self, file: str = "") -> dict[str, Any]:
        return {
            "file": file,
            "scores": self.scores,
            "findings": [f.to_dict() for f in self.findings],
        }


def _profile(profile: str | Profile) -> Profile:
    return load_profile(profile) if isinstance(profile, str) else profile


def analyze(
    resume: Resume,
    profile: str | Profile = DEFAULT_PROFILE,
    techniques: tuple[Technique, ...] = TECHNIQUES,
) -> Analysis:
    """Analyse a resume with the given techniques (all seven by default)."""
    prof = _profile(profile)
    items = iter_items(resume)
    elements = {i.location: explain(i.text, i.kind, prof) for i in items}
    ctx = Context(resume, prof, items, elements)
    results = {t.code: t.check(ctx) for t in techniques}
    return Analysis(resume, prof.name, items, elements, results)


def score_item(
    text: str, kind: str, technique: Technique, profile: str | Profile = DEFAULT_PROFILE
) -> tuple[int, list[Element], list[str]]:
    """Score one bullet or summary alone for one technique: what a widget does per keystroke.

    Returns the share (0-100) of the technique's wanted elements present, the elements, and
    the wanted elements still missing.
    """
    prof = _profile(profile)
    elements = explain(text, "summary" if kind == "summary" else "bullet", prof)
    names = {e.name for e in elements}
    wanted = technique.wants or ("action_verb", "quantified_impact")
    missing = [w for w in wanted if w not in names]
    score = round(100 * (len(wanted) - len(missing)) / len(wanted))
    if "weak_opening" in names or "generic_adjective" in names:
        score = max(0, score - 10)
    return score, elements, missing
