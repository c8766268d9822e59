"""The shape of a technique: metadata, rules, examples and a pure check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..elements import Element
from ..findings import CheckItem, Context, Example, Finding, TechniqueResult


@dataclass(frozen=True)
class Rule:
    code: str  # "T402"
    name: str  # "experiment-without-duration"
    summary: str  # what it flags, one line


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
    ) -> Finding:
        if isinstance(span, Element):
            span = (span.start, span.end)
        return Finding(code, self.code, location, message, suggestion, span, self.rule(code).name)

    @property
    def weak_examples(self) -> tuple[Example, ...]:
        return tuple(e for e in self.examples if e.label == "weak")

    @property
    def strong_examples(self) -> tuple[Example, ...]:
        return tuple(e for e in self.examples if e.label == "strong")


def item(label: str, points: float, ok: bool | float, evidence: str = "") -> CheckItem:
    """A checklist line; ok may be a share between 0 and 1 for partial credit."""
    share = float(ok) if not isinstance(ok, bool) else (1.0 if ok else 0.0)
    return CheckItem(label, points, round(points * max(0.0, min(1.0, share)), 2), evidence)


def result(code: str, checklist: list[CheckItem], findings: list[Finding]) -> TechniqueResult:
    return TechniqueResult(code, checklist, findings)


def quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1]}…”"
