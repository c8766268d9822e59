"""The shape of a technique: metadata, rules, examples and a pure check."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..elements import Element
from ..findings import CheckItem, Context, Example, Finding, TechniqueResult


@dataclass(frozen=True)
class Rule:
    code: str  # "T402"
    name: str  # "experiment-without-duration"
    summary: str  # what it flags, one line


@dataclass(frozen=True)
class Line:
    """One checklist line: what it checks, its points, and the rule that explains a loss.

    A technique's points are these lines (``Technique.lines``): ``rules`` and docs/rules.md
    print them, the check only says what share of each line an analysis earned.
    """

    key: str
    label: str
    points: int
    code: str  # the rule whose findings say what the missing points need
    # other rules that can take this line's points instead ("no summary at all", "a keyword
    # list" for the adjectives line): ``rules`` and docs/rules.md count them too
    blamed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Technique:
    code: str  # "T4"
    name: str  # "quantify-experiments"
    title: str
    why: str
    wants: tuple[str, ...]  # the elements a strong item of this technique shows
    rules: tuple[Rule, ...]
    examples: tuple[Example, ...]
    check: Callable[[Context], TechniqueResult]
    lines: tuple[Line, ...] = ()
    scope: str = "item"  # "item": one bullet or summary can earn it all; "resume": a section

    def line(self, key: str) -> Line:
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(f"{self.code} has no checklist line {key}")

    def points_of(self, code: str) -> int:
        """The checklist points a rule's findings can cost."""
        return sum(line.points for line in self.lines if code in (line.code, *line.blamed_by))

    def earn(self, key: str, share: bool | float, evidence: str = "", blame: str = "") -> CheckItem:
        """A checklist line with the share (0-1) earned, where it was earned, and the rule
        that explains the rest (the line's own rule unless ``blame`` names another)."""
        line = self.line(key)
        share = float(share) if not isinstance(share, bool) else (1.0 if share else 0.0)
        share = max(0.0, min(1.0, share))
        earned = round(line.points * share, 2)
        return CheckItem(
            line.label,
            line.points,
            earned,
            evidence if earned > 0 else "",
            blame or line.code,
            key,
        )

    def rule(self, code: str) -> Rule:
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise KeyError(f"{self.code} has no rule {code}")

    def finding(
        self,
        code: str,
        location: str,
        message: str,
        suggestion: str,
        span: tuple[int, int] | Element | None = None,
        line: str = "",
    ) -> Finding:
        if isinstance(span, Element):
            span = (span.start, span.end)
        name = self.rule(code).name
        return Finding(code, self.code, location, message, suggestion, span, name, line=line)

    @property
    def weak_examples(self) -> tuple[Example, ...]:
        return tuple(e for e in self.examples if e.label == "weak")

    @property
    def strong_examples(self) -> tuple[Example, ...]:
        return tuple(e for e in self.examples if e.label == "strong")


def result(code: str, checklist: list[CheckItem], findings: list[Finding]) -> TechniqueResult:
    """The technique's result: each finding priced at its share of the points its rule lost.

    A line short of its points is blamed on a rule; that rule's findings split the loss, so
    every point lost resolves to a finding, and a finding whose rule lost nothing is a tip.
    """
    tagged = Counter(f.line for f in findings if f.line)
    by_line = {c.key: c.points - c.earned for c in checklist}
    lost: defaultdict[str, float] = defaultdict(float)
    for line in checklist:
        if line.key not in tagged:
            lost[line.code] += line.points - line.earned
    count = Counter(f.code for f in findings if not f.line)

    def price(f: Finding) -> float:
        if f.line:
            return by_line.get(f.line, 0.0) / tagged[f.line]
        return lost[f.code] / count[f.code]

    priced = [replace(f, points=round(price(f), 2)) for f in findings]
    return TechniqueResult(code, checklist, priced)


def quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1]}…”"
