"""Degrees: the one a posting asks for ("BS/MS in Computer Science", "MS or PhD in Robotics")
and the highest the resume's education lists.

A degree is a level (bachelor's 1, master's 2, doctorate 3). A posting asks the lowest level
it names in the sentence ("BS/MS" asks a bachelor's, "MS or PhD" a master's), and a resume
shows it with a degree of that level or higher. The kit reads the level from the words people
write (B.S., BSc, Bachelor's, M.Eng., Ph.D.); it never guesses one from a school's name.
"""

from __future__ import annotations

import re

from .model import Resume

LEVELS = {1: "a bachelor's degree", 2: "a master's degree", 3: "a PhD"}
# Abbreviations as degrees are written, in capitals ("MS", "B.Sc.", "PhD"): in lowercase they
# are other words ("be in charge", "40 ms in production").
_WORDS = (
    (3, r"Ph\.?\s?[Dd]\.?|PHD|[Dd]octorate|[Dd]octoral"),
    (
        2,
        r"M\.?A\.?Sc\.?|M\.?\s?S\.?(?:c\.?)?|M\.?Sc\.?|M\.?\s?Eng\.?|M\.?\s?Tech\.?|MBA"
        r"|M\.?Phil\.?|MRes|MMath|[Mm]aster[’']?s?",
    ),
    (
        1,
        r"B\.?A\.?Sc\.?|B\.?\s?S\.?(?:c\.?)?|B\.?Sc\.?|B\.?\s?A\.?|B\.?\s?Eng\.?|B\.?\s?Tech\.?"
        r"|BMath|B\.?\s?E\.?"
        r"|[Bb]achelor[’']?s?",
    ),
)
_DEGREE = re.compile(
    r"(?<![\w.])(?:" + "|".join(f"(?P<l{level}>{words})" for level, words in _WORDS) + r")(?![\w])"
)
# what makes a degree word an ask of a degree: a field or the word "degree" right after it
# ("BS/MS in CS", "a PhD in machine learning", "Master's degree"), not "MS Excel"
_CONTEXT = re.compile(
    r"(?:[\s/,]+(?:or|and|/)?[\s/]*[\w.’']+){0,3}?[\s,]+(?:in|degree|field)\b", re.I
)
# a sentence ends at ; or a line's end, or at . ! ? before a capital ("M.S. in" goes on)
_SENTENCE = re.compile(r".+?(?:[.!?;](?=\s+[A-Z])|\n|$)", re.S)
# "…, or equivalent practical experience": the degree can be stood in for
_OR_EQUIVALENT = re.compile(r"\bor\s+(?:an?\s+)?equivalent\b", re.IGNORECASE)


def _levels(text: str) -> list[tuple[int, int, int]]:
    """(level, start, end) of each degree word in a text."""
    out = []
    for m in _DEGREE.finditer(text):
        level = next(int(k[1]) for k, v in m.groupdict().items() if v)
        out.append((level, m.start(), m.end()))
    return out


def asked_degree(text: str) -> list[tuple[int, int, int, bool]]:
    """(lowest level asked, start, end, soft) for each sentence of a posting text that asks a
    degree; ``soft`` when the sentence allows equivalent experience instead."""
    out = []
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group()
        found = _levels(words)
        if not any(_CONTEXT.match(words, end) for _, _, end in found):
            continue
        level = min(f[0] for f in found)
        start = sentence.start() + min(f[1] for f in found)
        end = sentence.start() + max(f[2] for f in found)
        out.append((level, start, end, bool(_OR_EQUIVALENT.search(words))))
    return out


def degree_fields(text: str) -> list[tuple[int, int]]:
    """Where each degree asked names its fields: from the last degree word of its sentence to
    the sentence's end ("Bachelor's degree in Computer Science, Operations Research or a
    related field"). A field of study named there is the degree's, not a domain asked."""
    if _DEGREE.search(text) is None:
        return []
    out = []
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group()
        found = _levels(words)
        if found and any(_CONTEXT.match(words, end) for _, _, end in found):
            out.append((sentence.start() + max(f[2] for f in found), sentence.end()))
    return out


def resume_degree(resume: Resume) -> tuple[int, int, str] | None:
    """(highest level, its education index, the degree as written), or None when no entry of
    the education names a degree the kit can read."""
    best: tuple[int, int, str] | None = None
    for i, entry in enumerate(resume.education):
        for field in (entry.studyType, entry.area):
            for level, start, end in _levels(field or ""):
                if best is None or level > best[0]:
                    best = (level, i, (field or "")[start:end])
    return best
