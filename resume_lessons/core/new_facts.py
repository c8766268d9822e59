"""What a rewrite says that the resume never did: the figures, tools and models it adds.

The kit asks questions and never writes a fact, but a learner chasing a score can type one:
"lifting CTR 12%" where the original gave no number, "on Kubernetes" where no line of the
resume names it. Each widget shows what is new, so the learner keeps it only if it is true.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .elements import explain
from .model import Resume
from .posting_terms import model_family
from .profile import Profile
from .skills import outermost, tool_forms
from .tailor_match import resume_texts

# A figure: digits with their decimals and any size word glued on ("12%", "3.1x", "40M",
# "9 ms"); "2-week" is the figure 2. Ordinals and years count too: a date is a fact as well.
# A number hyphened to a name before it is part of the name: "ICD-10", "GPT-4", "Llama-2".
_FIGURE = re.compile(
    r"(?<![\w.@])(?<![A-Za-z]-)(?P<n>\d+(?:[.,]\d+)*)"
    r"(?P<unit>\s?(?:%|×|x|k|m|bn|b|ms|pp|bps|tb|gb|pb|h|hrs?|mins?)(?![a-z])"
    r"|[\s-]?(?:days?|weeks?|months?|hours?|minutes?)(?![a-z]))?",
    re.IGNORECASE,
)


def _figures(text: str) -> list[tuple[str, str]]:
    """(the number, as comparable; the figure as written) for each figure in the text."""
    out = []
    for m in _FIGURE.finditer(text):
        number = m.group("n").rstrip(".,")
        out.append((number.replace(",", ""), m.group(0).rstrip(".,-")))
    return out


def _known_figures(texts: list[str]) -> set[str]:
    return {number for text in texts for number, _ in _figures(text)}


@cache
def _tool_patterns(profile: Profile) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(tool, a pattern of any of its names as whole words) for every tool the profile knows.
    Names match as written, so "scanning" is not ScaNN and "transformer" is not the
    Transformers library."""
    out = []
    for tool in profile.tool_stages:
        forms = sorted(tool_forms(tool, profile), key=len, reverse=True)
        alts = "|".join(re.escape(f) for f in forms if f.strip())
        out.append((tool, re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=8)
def _known_tools(known: str, profile: Profile) -> frozenset[str]:
    return frozenset(t for t, pattern in _tool_patterns(profile) if pattern.search(known))


def _models(text: str, profile: Profile) -> dict[str, str]:
    """The model families a text names: {the family the finder reads it as (one key for a
    family's names: "GNN", "graph neural network"): as written}."""
    return {
        model_family(e.value or e.text, profile): e.text
        for e in explain(text, "bullet", profile)
        if e.name == "model_type"
    }


@lru_cache(maxsize=8)
def _known_models(known: tuple[str, ...], profile: Profile) -> frozenset[str]:
    return frozenset(m for text in known for m in _models(text, profile))


def new_facts(after: str, before: str, resume: Resume | None, profile: Profile) -> list[str]:
    """The figures, tools and model families ``after`` names that neither ``before`` (the
    original, and any draft the learner started from) nor any line of ``resume`` (summary,
    headline, bullets, skills) shows, as ``after`` writes them, in order. A model family is a
    claim too: "DeepAR, N-BEATS" pasted from a posting says you trained them."""
    known = [before] + ([t for _loc, _kind, t in resume_texts(resume)] if resume else [])
    figures = _known_figures(known)
    units = {pair for text in known for pair in _units(text)}
    # a figure with a unit is new unless the resume gives it in that unit: "3-week" is not the
    # "3 engineers" of another line; a bare number is new unless the resume has it at all
    out = [
        written
        for number, written in _figures(after)
        if (number, _unit(written, number)) not in units
        and (_unit(written, number) or number not in figures)
    ]
    had = _known_tools("\n".join(known), profile)
    written = {}
    for tool, pattern in _tool_patterns(profile):
        m = pattern.search(after)
        if m and tool not in had:
            written[tool] = m.group(0)
    for tool in outermost(list(written)):
        out.append(written[tool])
    had_models = _known_models(tuple(known), profile)
    shown = {w.lower() for w in out}
    for model, as_written in _models(after, profile).items():
        if model not in had_models and as_written.lower() not in shown:
            out.append(as_written)
    return list(dict.fromkeys(out))


def borrowed_figures(
    after: str, before: str, resume: Resume | None, location: str = ""
) -> list[tuple[str, str]]:
    """(the figure as written, where else the resume gives it) for each figure ``after`` adds
    that ``before`` lacks but another item has: "10%" copied from another bullet's test may be
    true there and not here. A summary is made of the bullets' figures: none is borrowed."""
    if resume is None or location == "basics.summary":
        return []
    had = _known_figures([before])
    others = [(loc, _units(t)) for loc, _kind, t in resume_texts(resume) if loc != location]
    out = []
    for number, written in _figures(after):
        if number in had:
            continue
        unit = _unit(written, number)
        if not unit and len(number) < 2:
            continue  # a bare "4" is in too many bullets to say where it came from
        # the same figure, unit and all: "40k" is not the "40%" of another bullet
        where = next((loc for loc, units in others if (number, unit) in units), "")
        if where:
            out.append((written, where))
    return list(dict.fromkeys(out))


_SAME_UNIT = {"hour": "h", "hr": "h", "minute": "min"}


def _unit(written: str, number: str) -> str:
    """A figure's unit, one spelling for each: "3-week" and "3 weeks" are both "week"."""
    unit = written.replace(",", "").removeprefix(number).strip().lstrip("-").lower()
    if len(unit) > 2 and unit.endswith("s"):
        unit = unit[:-1]  # "weeks", "days", "hrs", "mins"
    return _SAME_UNIT.get(unit, unit)


def _units(text: str) -> set[tuple[str, str]]:
    return {(number, _unit(written, number)) for number, written in _figures(text)}


def borrowed_note(borrowed: list[tuple[str, str]]) -> str:
    """One plain sentence for the widgets, or "" when nothing came from another item."""
    if not borrowed:
        return ""
    named = ", ".join(f"“{figure}” ({where})" for figure, where in borrowed)
    return (
        f"From another item: {named}. Keep each only if it is a figure of this work too, not "
        "only of the one it came from."
    )


def new_facts_note(facts: list[str]) -> str:
    """One plain sentence for the widgets, or "" when the rewrite adds nothing new."""
    if not facts:
        return ""
    named = ", ".join(f"“{f}”" for f in facts)
    return (
        f"New in your rewrite: {named}. Your resume did not say this before; keep each only if "
        "it is true and you can explain it in an interview (the kit cannot check it)."
    )
