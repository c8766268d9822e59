"""Find the parts of one bullet or summary (stage, decision, metric, scale, ...) with their spans.

``explain(text, kind)`` analyses the text once into a ``Doc`` (tokens with spans, vocabulary
hits by category), runs the rules the element table names for that kind, and returns the
elements in text order. Everything here is pure: text in, a list of Element out.

- ``document.py``: the Doc, built once per text;
- ``rules.py``: the passes over a Doc that find elements;
- ``table.py``: one row per element (kinds, rules, vocabulary, colour, priority, question).
"""

from __future__ import annotations

from typing import NamedTuple

from ..profile import DEFAULT_PROFILE, Profile, load_profile
from .document import Doc, Kind, analyse
from .rules import EXPERIMENT_DETAILS, Found
from .table import BY_NAME, ELEMENTS, ElementSpec, names_for, rules_for

__all__ = [
    "BULLET_ELEMENTS",
    "BY_NAME",
    "ELEMENTS",
    "EXPERIMENT_DETAILS",
    "SUMMARY_ELEMENTS",
    "Doc",
    "Element",
    "ElementSpec",
    "Kind",
    "analyse",
    "explain",
]


class Element(NamedTuple):
    """One part found in a text: its name, where it sits, the words, and what they matched."""

    name: str
    start: int
    end: int
    text: str
    value: str = ""


BULLET_ELEMENTS = names_for("bullet")
SUMMARY_ELEMENTS = names_for("summary")
_NAMES = {"bullet": frozenset(BULLET_ELEMENTS), "summary": frozenset(SUMMARY_ELEMENTS)}
_RULES = {"bullet": rules_for("bullet"), "summary": rules_for("summary")}


def explain(
    text: str, kind: Kind = "bullet", profile: str | Profile = DEFAULT_PROFILE
) -> list[Element]:
    """The elements of one bullet (kind='bullet') or summary (kind='summary'), in text order."""
    if kind not in _NAMES:
        raise ValueError(f"kind must be 'bullet' or 'summary', not {kind!r}")
    prof = load_profile(profile) if isinstance(profile, str) else profile
    doc = analyse(text, kind, prof)
    if doc is None:
        return []
    found: Found = []
    for rule in _RULES[kind]:
        found.extend(rule(doc))
    return _dedupe(text, found, _NAMES[kind])


def _dedupe(text: str, found: Found, names: frozenset[str]) -> list[Element]:
    """Elements of the kind's names in (start, name, end) order; of equal ones the first found
    is kept."""
    found.sort(key=lambda f: (f[0], f[1], f[2]))  # stable: equal keys keep the found order
    out = []
    last = None
    for start, name, end, value in found:
        key = (start, name, end)
        if key != last and name in names:
            last = key
            out.append(Element(name, start, end, text[start:end], value))
    return out
