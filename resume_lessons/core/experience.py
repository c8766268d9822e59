"""Years of experience: what a posting asks ("5+ years of experience") and what the resume's
roles span, counted from their dates.

A posting's ask is read from its words; the resume's years from the start and end dates of
its roles (``work``), overlapping roles counted once and a role with no end date running to
today. A role with no readable start date is left out, and said so: the kit never guesses a
date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from .model import Resume

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}  # fmt: skip
_N = r"\d{1,2}|" + "|".join(_NUMBER_WORDS)
# "5+ years", "5 or more years", "3-5 years", "at least 4 yrs", "five years"
ASK = re.compile(
    rf"(?<![\w.$£€%-])(?P<n>{_N})\s*(?:\+|plus)?(?:\s*(?:-|–|to)\s*(?:{_N})\s*\+?)?"
    r"\s*(?:or more\s+)?(?:years?|yrs?\.?)(?![\w-])(?:['’]s?)?",
    re.IGNORECASE,
)
# what makes "5 years" an ask of experience: the word within a few words ("of industry
# experience", "of hands-on experience"), or doing something ("5+ years building ML systems")
_EXPERIENCE = re.compile(r"^(?:\W+\w+){0,4}?\W+experience\b|^\s+(?:of\s+)?[a-z]+ing\b", re.I)


_CLAUSE_END = re.compile(r"[.;:\n]")
# "in computer vision", "working on NLP": the field the years are asked in, when one follows
_IN_FIELD = re.compile(r"\s+(?:of\s+)?(?:(?:working|work)\s+)?(?:in|on|with)\s+(?:the\s+)?", re.I)


class YearsAsk(NamedTuple):
    """ "5+ years of experience in NLP": the years, the words' span, where the field the
    years are asked in would begin (None: no "in", "on", "with" follows), and whether the
    words name experience ("of experience", "building …"); "3 years in computer vision" names
    none and asks years only when a field follows (the caller knows the fields)."""

    years: int
    start: int
    end: int
    field: int | None
    experience: bool


def asked_years(text: str) -> list[YearsAsk]:
    """Each "N+ years of experience" (or "N years in/with …") in a text; a range ("3–5
    years") asks its lower bound."""
    out: list[YearsAsk] = []
    for m in ASK.finditer(text):
        n = m.group("n").lower()
        years = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        if not 1 <= years <= 40:
            continue
        cut = _EXPERIENCE.match(_CLAUSE_END.split(text[m.end() : m.end() + 80], 1)[0])
        end = m.end() + cut.end() if cut else m.end()
        field = _IN_FIELD.match(text, end)
        if cut or field:
            out.append(YearsAsk(years, m.start(), end, field.end() if field else None, bool(cut)))
    return out


_OPEN = {"", "present", "current", "now", "today", "ongoing"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def month_of(date: str | None, *, end: bool = False) -> int | None:
    """A date as a month count (year * 12 + month - 1): '2021-03', 'Mar 2021', '03/2021'; a
    year alone is its January, or, as an end, the January after it (an end is the month the
    role stopped: "2019-06 – 2022-06" is three years). None when no year is written."""
    text = (date or "").strip().lower()
    hit = _YEAR.search(text)
    if not hit:
        return None
    year = int(hit.group(1))
    numeric = re.search(r"(?:19|20)\d\d[-/.](\d{1,2})\b|\b(\d{1,2})[-/.](?:19|20)\d\d", text)
    if numeric:
        month = int(numeric.group(1) or numeric.group(2))
    else:
        month = next((i for i, m in enumerate(_MONTHS, 1) if re.search(rf"\b{m}", text)), None)
    if month is None or not 1 <= month <= 12:
        return year * 12 + 12 if end else year * 12
    return year * 12 + month - 1


@dataclass(frozen=True)
class Span:
    """What the resume's roles span: whole months, the first start, and the roles left out
    for want of a start date."""

    months: int
    first: str  # the earliest start date, as written
    last: str  # the latest end date, as written, or "today"
    undated: int

    @property
    def years(self) -> float:
        return self.months / 12


def roles_span(
    resume: Resume, today: dt.date | None = None, roles: list[int] | None = None
) -> Span | None:
    """The months the resume's roles cover (only the ``roles`` given, by index, when given),
    overlaps counted once; None when no role has a start date the kit can read."""
    today = today or dt.date.today()
    now = today.year * 12 + today.month - 1
    spans: list[tuple[int, int, str, str]] = []
    undated = 0
    picked = range(len(resume.work)) if roles is None else roles
    for role in (resume.work[i] for i in picked):
        start = month_of(role.startDate)
        if start is None:
            undated += 1
            continue
        open_end = (role.endDate or "").strip().lower() in _OPEN
        end = now if open_end else month_of(role.endDate, end=True)
        if end is None or end < start:
            undated += 1
            continue
        last = "today" if open_end else (role.endDate or "")
        spans.append((start, min(end, now), role.startDate or "", last))
    if not spans:
        return None
    months, reach = 0, None
    for start, end, _, _ in sorted(spans):
        if reach is None or start >= reach:
            months += end - start
            reach = end
        elif end > reach:
            months += end - reach
            reach = end
    latest = max(spans, key=lambda s: s[1])
    return Span(months, min(spans)[2], latest[3], undated)
