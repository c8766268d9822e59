"""Page geometry for PDFs: words into rows, rows into columns, wrapped rows into logical lines."""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from .base import Line, clean, join_wrapped, split_bullet

Word = dict[str, Any]  # a pdfplumber word: text, x0, x1, top, bottom, fontname, size
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,2}(\s*(/|of)\s*\d{1,2})?$", re.IGNORECASE)


@dataclass
class Row:
    words: list[Word]
    marker_x: float | None = None  # where a bullet marker (glyph or drawn dot) sits
    marker: str = ""  # the marker glyph; "" for a drawn dot
    raw: str = ""  # the text with its marker, for a dash that turns out to be a wrapped line
    text: str = ""
    bullet: bool = False
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    parts: list[str] = field(default_factory=list)


def rows_of(words: list[Word]) -> list[list[Word]]:
    """Words that share a baseline, top to bottom, each row left to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - word["bottom"]) <= 2.0:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def find_gutter(words: list[Word], width: float) -> float | None:
    """The x of a vertical gap that splits the page into two columns, or None."""
    rows = rows_of(words)
    if len(rows) < 8:
        return None
    best: tuple[float, float] | None = None
    run_start = None
    for x in range(int(width * 0.2), int(width * 0.8) + 2):
        crossing = (
            sum(any(w["x0"] < x < w["x1"] for w in r) for r in rows) if x <= width * 0.8 else 99
        )
        if crossing <= max(1, len(rows) // 12):
            run_start = x if run_start is None else run_start
            continue
        if run_start is not None and x - run_start >= 8:
            mid = (run_start + x) / 2
            left = sum(any(w["x1"] <= mid for w in r) for r in rows)
            right = sum(any(w["x0"] >= mid for w in r) for r in rows)
            if min(left, right) >= 4 and (best is None or x - run_start > best[1]):
                best = (mid, x - run_start)
        run_start = None
    return best[0] if best else None


def reading_order(words: list[Word], width: float) -> list[list[Word]]:
    """Rows in reading order: what sits above both columns, then the left, then the right."""
    gutter = find_gutter(words, width)
    if gutter is None:
        return rows_of(words)
    rows = rows_of(words)
    spans = [r for r in rows if any(w["x0"] < gutter < w["x1"] for w in r)]
    first_right = min((w["top"] for w in words if w["x0"] >= gutter), default=0.0)
    top = [r for r in rows if r in spans or r[0]["bottom"] < first_right - 1]
    below = [w for r in rows if r not in top for w in r]
    left = rows_of([w for w in below if w["x1"] <= gutter])
    right = rows_of([w for w in below if w["x0"] >= gutter])
    return top + left + right


def make_row(words: list[Word], dots: list[tuple[float, float, float]]) -> Row:
    """A row with its text; a drawn dot just left of it, or a marker glyph, makes it a bullet."""
    row = Row(words, x0=words[0]["x0"], x1=words[-1]["x1"])
    row.top = min(w["top"] for w in words)
    row.bottom = max(w["bottom"] for w in words)
    row.size = statistics.median(w["size"] for w in words)
    row.bold = all(_bold(w["fontname"]) for w in words)
    text = words[0]["text"]
    for prev, word in itertools.pairwise(words):
        gap = word["x0"] - prev["x1"]
        text += ("\t" if gap > max(row.size * 1.5, 10) else " ") + word["text"]
    row.raw = clean(text.replace("\t", "\x00")).replace("\x00", "\t")
    row.bullet, row.text = split_bullet(row.raw)
    if row.bullet:
        row.marker_x, row.marker = words[0]["x0"], words[0]["text"][0]
    for x, y0, y1 in dots:
        if y0 >= row.top - 2 and y1 <= row.bottom + 2 and 0 < row.x0 - x < 25:
            row.bullet, row.marker_x = True, x
    return row


def _bold(fontname: str) -> bool:
    return bool(re.search(r"bold|black|heavy|semibold|demi", fontname, re.IGNORECASE))


def logical_lines(rows: list[Row], body: float, start: int) -> list[Line]:
    """Join wrapped rows back into bullets and paragraphs; number lines from `start`."""
    out: list[tuple[Line, Row, Row]] = []  # line, its first row, its last row
    sizes = sorted({round(r.size * 2) / 2 for r in rows if r.size > body * 1.12}, reverse=True)
    right = max((r.x1 for r in rows), default=0.0)
    for row in rows:
        if not row.text or _PAGE_NUMBER.match(row.text):
            continue
        if out and _continues(out[-1][1], out[-1][2], row, right):
            line, first, _ = out[-1]
            line.text = join_wrapped(line.text, row.raw if row.bullet else row.text)
            out[-1] = (line, first, row)
            continue
        level = sizes.index(round(row.size * 2) / 2) + 1 if row.size > body * 1.12 else 0
        gap = bool(out) and row.top - out[-1][2].bottom > row.size * 0.6
        line = Line(row.text, start + len(out), row.bullet, level, row.bold, gap)
        out.append((line, row, row))
    return [line for line, _, _ in out]


def _continues(first: Row, last: Row, row: Row, right: float) -> bool:
    if _wrapped_dash(first, last, row):
        return True
    if row.bullet or abs(row.size - last.size) > 0.3 or row.top < last.top:
        return False
    if row.top - last.bottom > row.size * 0.6:
        return False
    if first.bullet and first.marker_x is not None and row.x0 > first.marker_x + 1:
        return True  # indented under the bullet's text: bold lead-ins do not matter
    if row.bold != last.bold or "\t" in last.text or "\t" in row.text:
        return False  # fields set apart (a title left, dates right) are layout, not wrapping
    full = last.x1 > right - (right - first.x0) * 0.2 or last.text.endswith(("-", ","))
    return full and (abs(row.x0 - first.x0) < 3 or first.bullet)


def _wrapped_dash(first: Row, last: Row, row: Row) -> bool:
    """'— Venue, 2016' under a '•' bullet's text is its wrapped end, not a new bullet."""
    return bool(
        row.bullet
        and row.marker != ""
        and row.marker in "-–—"
        and first.bullet
        and first.marker != row.marker
        and first.marker_x is not None
        and row.x0 > first.marker_x + 1
        and row.top - last.bottom < row.size * 0.6
    )
