"""What a rewrite says that the resume never did: the figures and tools it adds.

The kit asks questions and never writes a fact, but a learner chasing a score can type one:
"lifting CTR 12%" where the original gave no number, "on Kubernetes" where no line of the
resume names it. Each widget shows what is new, so the learner keeps it only if it is true.
"""

from __future__ import annotations

import re

from .model import Resume
from .profile import Profile
from .skills import ngrams, outermost, shown_in
from .tailor_match import resume_texts

# A figure: digits with their decimals and any size word glued on ("12%", "3.1x", "40M",
# "9 ms"); "2-week" is the figure 2. Ordinals and years count too: a date is a fact as well.
_FIGURE = re.compile(
    r"(?<![\w.])(?P<n>\d+(?:[.,]\d+)*)"
    r"(?P<unit>\s?(?:%|×|x|k|m|bn|b|ms|pp|bps|tb|gb|pb)(?![a-z])|-?(?:days?|weeks?|months?))?",
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


def new_facts(after: str, before: str, resume: Resume | None, profile: Profile) -> list[str]:
    """The figures and tools ``after`` names that neither ``before`` nor any line of ``resume``
    (summary, headline, bullets, skills) shows, as ``after`` writes them, in order."""
    known = [before] + ([t for _loc, _kind, t in resume_texts(resume)] if resume else [])
    figures = _known_figures(known)
    out = [written for number, written in _figures(after) if number not in figures]
    now, had = ngrams([after]), ngrams(known)
    added = [
        tool
        for tool in profile.tool_stages
        if shown_in(tool, now, profile) and not shown_in(tool, had, profile)
    ]
    for tool in outermost(added):
        m = re.search(rf"(?<!\w){re.escape(tool)}(?!\w)", after, re.IGNORECASE)
        out.append(m.group(0) if m else tool)
    return list(dict.fromkeys(out))


def new_facts_note(facts: list[str]) -> str:
    """One plain sentence for the widgets, or "" when the rewrite adds nothing new."""
    if not facts:
        return ""
    named = ", ".join(f"“{f}”" for f in facts)
    return (
        f"New in your rewrite: {named}. Your resume did not say this before; keep each only if "
        "it is true and you can explain it in an interview (the kit cannot check it)."
    )
