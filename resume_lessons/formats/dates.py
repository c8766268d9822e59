"""Dates as people write them on resumes ('Mar 2021 – Present', '2019-2021', '06/2019'),
turned into JSON Resume dates ('2021-03', '2019')."""

from __future__ import annotations

import re

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_ONE = (
    rf"(?:(?:{_MONTH}|{_SEASON})\s*,?\s*(?:19|20)\d\d"  # Mar 2021, March, 2021
    r"|(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?"  # 2021-03, 2021-03-16
    r"|[01]?\d/(?:19|20)\d\d"  # 03/2021
    r"|(?:19|20)\d\d)"  # 2021
)
_OPEN = r"(?:present|current|now|today|ongoing)"
_DASH = r"\s*(?:–|—|-|‒|to|until|till)\s*"
RANGE = re.compile(rf"(?<![\w/-])({_ONE}){_DASH}({_ONE}|{_OPEN})(?![\w/])", re.IGNORECASE)
SINGLE = re.compile(rf"(?<![\w/-])({_ONE})(?![\w/-])", re.IGNORECASE)


def to_iso(text: str) -> str | None:
    """'Mar 2021' -> '2021-03', '2019' -> '2019', 'Present' -> None (an open end)."""
    text = text.strip().rstrip(".").lower()
    if re.fullmatch(_OPEN, text):
        return None
    if re.fullmatch(r"(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?", text):
        return text
    match = re.fullmatch(r"([01]?\d)/((?:19|20)\d\d)", text)
    if match:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    match = re.fullmatch(r"([a-z]+)\.?\s*,?\s*((?:19|20)\d\d)", text)
    if match:
        month = MONTHS.get(match.group(1)) or MONTHS.get(match.group(1)[:3])
        if month and match.group(1) not in {"spring", "summer", "fall", "autumn", "winter"}:
            return f"{match.group(2)}-{month:02d}"
        return match.group(2)
    return None


def find_range(text: str) -> tuple[str | None, str | None, str] | None:
    """(start, end, text without the dates) for the first date range, or a lone date taken as
    the end (a degree's or a paper's year); None when the text holds no date."""
    match = RANGE.search(text)
    if match:
        return to_iso(match.group(1)), to_iso(match.group(2)), _cut(text, match)
    match = SINGLE.search(text)
    if match:
        return None, to_iso(match.group(1)), _cut(text, match)
    return None


def _cut(text: str, match: re.Match[str]) -> str:
    rest = text[: match.start()] + "\t" + text[match.end() :]
    rest = re.sub(r"[(\[]\s*\t\s*[)\]]", "\t", rest)  # "(2019 – 2021)"
    return rest
