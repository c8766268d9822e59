"""Run the seven techniques over a resume: findings, element spans and a score per technique."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .bullet_score import as_read
from .elements import Element, explain
from .findings import CheckItem, Context, Finding, TechniqueResult
from .locations import Item, iter_items, with_text
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
    shown = {  # what a learner sees highlighted is what the scores read
        i.location: as_read(i.text, found, prof) if i.kind == "bullet" else found
        for i, found in zip(items, elements.values(), strict=True)
    }
    return Analysis(resume, prof.name, items, shown, results)


@dataclass(frozen=True)
class ItemScore:
    """A technique's score for one text: the same checklist and findings ``check`` gives.

    ``scope`` says what was scored: "item" (the text alone, as a one-item resume) or
    "resume" (the learner's whole resume with this text in its place).
    """

    technique: str
    score: int
    checklist: list[CheckItem]
    findings: list[Finding]
    elements: list[Element]
    scope: str = "item"

    @property
    def missing(self) -> list[CheckItem]:
        """The checklist lines still short of their points."""
        return [c for c in self.checklist if not c.passed]


def one_item_resume(text: str, kind: str) -> tuple[Resume, str]:
    """A resume holding only this text, and its location: how one item is scored alone."""
    if kind == "summary":
        return Resume.model_validate({"basics": {"name": "", "summary": text}}), "basics.summary"
    data = {"basics": {"name": ""}, "work": [{"name": "", "highlights": [text]}]}
    return Resume.model_validate(data), "work[0].highlights[0]"


def score_item(
    text: str,
    kind: str,
    technique: Technique,
    profile: str | Profile = DEFAULT_PROFILE,
    *,
    resume: Resume | None = None,
    location: str = "",
) -> ItemScore:
    """Score one bullet or summary for one technique: what a widget does per keystroke.

    Alone (no ``resume``), the text is checked as a one-item resume by the technique's own
    ``check``, so the lines and points are the ones ``check`` and the report show. With
    ``resume`` and ``location``, the text replaces that item and the whole resume is scored:
    how this rewrite changes the resume's score, for the techniques that look at a section.
    """
    prof = _profile(profile)
    kind = "summary" if kind == "summary" else "bullet"
    scored, where, scope = None, "", "item"
    if resume is not None and location:
        try:
            scored, where, scope = with_text(resume, location, text), location, "resume"
        except KeyError:  # a place the resume does not have yet: score the text alone
            scored = None
    if scored is None:
        scored, where = one_item_resume(text, kind)
    analysis = analyze(scored, prof, (technique,))
    result = analysis.results[technique.code]
    elements = analysis.elements.get(where) or explain(text, kind, prof)
    return ItemScore(
        technique.code, result.score, result.checklist, result.findings, elements, scope
    )
