"""What the analyzer reports: findings, checklist items, per-technique results, examples."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .elements import Element
from .locations import Item
from .model import Resume
from .profile import Profile


@dataclass(frozen=True)
class Finding:
    """One thing to fix: which rule, where, what is wrong (a sentence), and what to do."""

    code: str  # "T402"
    technique: str  # "T4"
    location: str  # "work[0].highlights[2]", "basics.summary", "skills"
    message: str
    suggestion: str
    span: tuple[int, int] | None = None
    name: str = ""  # "experiment-without-duration"
    points: float = 0.0  # what it costs the technique's score; 0 is a tip that costs nothing
    line: str = ""  # the checklist line it explains, when its rule has several

    @property
    def is_tip(self) -> bool:
        return self.points <= 0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span) if self.span else None
        return data


@dataclass(frozen=True)
class CheckItem:
    """One line of a technique's checklist, the points it is worth and what it earned.

    ``evidence`` is where the points were earned (an item's location, "skills", ...), empty
    when none were; ``code`` is the rule whose findings say what the lost points need.
    """

    label: str
    points: float
    earned: float
    evidence: str = ""
    code: str = ""
    key: str = ""

    @property
    def passed(self) -> bool:
        return self.earned >= self.points

    @property
    def lost(self) -> float:
        return round(self.points - self.earned, 2)


@dataclass
class TechniqueResult:
    code: str
    checklist: list[CheckItem]
    findings: list[Finding]

    @property
    def score(self) -> int:
        """The share of the checklist's points earned; never 100 while a line is short."""
        total = sum(c.points for c in self.checklist)
        if total == 0:
            return 100
        score = round(100 * sum(c.earned for c in self.checklist) / total)
        return min(score, 99) if any(not c.passed for c in self.checklist) else score

    @property
    def costs(self) -> list[Finding]:
        """The findings that cost points (the rest are tips)."""
        return [f for f in self.findings if not f.is_tip]

    @property
    def tips(self) -> list[Finding]:
        return [f for f in self.findings if f.is_tip]


@dataclass
class Context:
    """Everything a check may look at, computed once per analysis."""

    resume: Resume
    profile: Profile
    items: list[Item]
    elements: dict[str, list[Element]] = field(default_factory=dict)
    _names: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @property
    def bullets(self) -> list[Item]:
        return [i for i in self.items if i.kind == "bullet"]

    def names(self, location: str) -> frozenset[str]:
        """The element names found at a location (computed once)."""
        found = self._names.get(location)
        if found is None:
            found = frozenset(e.name for e in self.elements.get(location, []))
            self._names[location] = found
        return found

    def first(self, location: str, name: str) -> Element | None:
        return next((e for e in self.elements.get(location, []) if e.name == name), None)


@dataclass(frozen=True)
class Example:
    """A weak or strong example of a technique: shown in the lessons, run in the tests.

    ``text`` is a bullet or summary; ``resume`` (partial JSON Resume data) is used for the
    techniques that look at a whole section. ``codes`` are the findings a weak example
    must produce.
    """

    label: Literal["weak", "strong"]
    text: str
    kind: Literal["bullet", "summary", "resume"] = "bullet"
    resume: dict[str, Any] | None = None
    codes: tuple[str, ...] = ()
    note: str = ""

    def as_resume_data(self) -> dict[str, Any]:
        if self.resume is not None:
            data = dict(self.resume)
            data.setdefault("basics", {"name": "Example"})
            return data
        if self.kind == "summary":
            return {"basics": {"name": "Example", "summary": self.text}}
        return {"basics": {"name": "Example"}, "work": [{"name": "Co", "highlights": [self.text]}]}


def and_list(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c": a list as a finding's sentence says it."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
