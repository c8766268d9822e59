"""HTML from analysis results: highlighted elements, legends, word diffs, findings, scores.

Every piece of learner text goes through html.escape, so a bullet with <script> shows as text.
The output is static HTML with inline styles only: it renders in a notebook, in an nbconvert
export and offline.
"""

from __future__ import annotations

import difflib
import html
import itertools
import re
from collections.abc import Iterable, Sequence

from ..core.elements import BY_NAME, ELEMENTS, Element
from ..core.findings import Finding
from .colours import edge_colour

# One colour per element, and where spans overlap the more telling one (lower priority
# number) colours the characters: both are columns of the element table.
ELEMENT_COLORS: dict[str, str] = {spec.name: spec.colour for spec in ELEMENTS}
PRIORITY: dict[str, int] = {spec.name: spec.priority for spec in ELEMENTS}
# The parts a rewrite should lose: their colours are the warm reds and oranges, and no
# strength's colour is (tests/test_palette.py holds both to it).
WEAK_ELEMENTS = frozenset({"weak_opening", "generic_adjective"})
# The text on every highlight, whatever the notebook's theme: at least 4.5:1 (WCAG AA) on
# each element's colour.
TEXT_COLOUR = "#212529"


STYLE = """<style>
.rl-box{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;line-height:1.6;max-width:60rem}
.rl-text{padding:.4rem .6rem;border-left:3px solid #adb5bd;background:#f8f9fa;white-space:pre-wrap}
.rl-el{padding:0 0 1px}
.rl-legend .rl-chip{display:inline-block;margin:0 .4rem .2rem 0;padding:0 .4rem;font-size:.85em}
.rl-diff del{background:#ffe3e3;color:#c92a2a}.rl-diff ins{background:#d3f9d8;color:#2b8a3e;text-decoration:none}
.rl-table{border-collapse:collapse;font-size:.92em}.rl-table td,.rl-table th{border:1px solid #dee2e6;padding:.25rem .5rem;text-align:left;vertical-align:top}
.rl-pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.rl-pair h4{margin:.2rem 0}
.rl-ok{color:#2b8a3e}.rl-miss{color:#c92a2a}.rl-info{color:#1864ab}.rl-new-facts{color:#862e9c}.rl-borrowed-facts{color:#5f3dc4}
</style>"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


_TAG_OR_TEXT = re.compile(r"(<style>.*?</style>|<[^>]*>)", re.S)


def no_math(fragment: str) -> str:
    """The HTML with each "$" of its text in a span of its own. JupyterLab typesets an
    output's text as LaTeX between two dollar signs ("from $4.10 to $1.60" showed as
    math), and a delimiter alone in its element pairs with none; tags and styles are kept."""
    if "$" not in fragment:
        return fragment
    parts = _TAG_OR_TEXT.split(fragment)
    return "".join(p if i % 2 else p.replace("$", "<span>$</span>") for i, p in enumerate(parts))


def element_label(name: str) -> str:
    spec = BY_NAME.get(name)
    return spec.label if spec else name.replace("_", " ")


def color_of(name: str) -> str:
    return ELEMENT_COLORS.get(name, "#e9ecef")


def _rank(name: str) -> int:
    return PRIORITY.get(name, len(PRIORITY))


def shown_elements(
    text: str, elements: Iterable[Element], only: Sequence[str] | None = None
) -> list[Element]:
    """The elements a highlight of ``text`` shows, in text order: those asked for (``only``)
    that cover at least one character, spans clipped to the text. Overlapping spans of one
    element are one highlight (the first found, widened to cover them all)."""
    by_name: dict[str, list[Element]] = {}
    for e in sorted(elements, key=lambda e: (e.start, -e.end)):
        start, end = max(0, e.start), min(len(text), e.end)
        if (only is not None and e.name not in only) or start >= end:
            continue
        same = by_name.setdefault(e.name, [])
        if same and start < same[-1].end:
            last = same[-1]
            same[-1] = last._replace(
                end=max(last.end, end), text=text[last.start : max(last.end, end)]
            )
        else:
            same.append(e._replace(start=start, end=end, text=text[start:end]))
    shown = [e for spans in by_name.values() for e in spans]
    return sorted(shown, key=lambda e: (e.start, -e.end, _rank(e.name), e.name))


def _lines(shown: Sequence[Element]) -> list[int]:
    """A line under the text for each element, so that overlapping elements never share one:
    line 0 sits just below the text, line 1 under it, and so on (interval partitioning, as few
    lines as the deepest overlap)."""
    ends: list[int] = []  # per line, where its last element ends
    line = []
    for e in shown:
        free = next((k for k, end in enumerate(ends) if end <= e.start), len(ends))
        if free == len(ends):
            ends.append(e.end)
        ends[free] = e.end
        line.append(free)
    return line


_LINE_PX, _LINE_GAP_PX = 2, 1


def _mark_open(e: Element, line: int, labels: str) -> str:
    colour = color_of(e.name)
    edge = edge_colour(colour)
    # The background covers the letters only (content-box), so every element's line below,
    # drawn at its own depth, stays in view however the marks nest.
    style = (
        f"background:{colour};background-clip:content-box;color:{TEXT_COLOUR};"
        f"padding:0 0 {_LINE_GAP_PX + line * (_LINE_PX + _LINE_GAP_PX)}px;"
        f"border-bottom:{_LINE_PX}px solid {edge};border-radius:0"
    )
    if e.name in WEAK_ELEMENTS:  # a second cue, for readers who cannot tell the hues apart
        style += f";text-decoration:underline wavy {edge};text-decoration-skip-ink:none"
    return (
        f'<mark class="rl-el" data-element="{esc(e.name)}" title="{esc(labels)}" style="{style}">'
    )


def highlight_html(
    text: str, elements: Iterable[Element], only: Sequence[str] | None = None
) -> str:
    """The text with every element found shown, overlaps included.

    Each element is a <mark> with its colour behind the letters and a line of its hue under
    them; where elements overlap, the marks nest, the more telling one (lower priority number)
    innermost so its colour fills the letters, and each keeps its own line, one below the
    other. An element that crosses another's edge is split into pieces, so the tags always
    nest. Every mark's title names all the elements on its characters.
    """
    shown = shown_elements(text, elements, only)
    lines = _lines(shown)
    line_of = {id(e): k for e, k in zip(shown, lines, strict=True)}
    bounds = sorted({0, len(text), *(e.start for e in shown), *(e.end for e in shown)})
    out: list[str] = []
    stack: list[Element] = []  # the open marks, outermost first
    for a, b in itertools.pairwise(bounds):
        covering = sorted(
            (e for e in shown if e.start <= a and b <= e.end),
            key=lambda e: (-_rank(e.name), e.start, -e.end, e.name),
        )
        keep = 0
        while keep < min(len(stack), len(covering)) and stack[keep] is covering[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        for depth in range(keep, len(covering)):
            on_these = reversed(covering[: depth + 1])  # innermost first
            labels = ", ".join(dict.fromkeys(element_label(e.name) for e in on_these))
            e = covering[depth]
            out.append(_mark_open(e, line_of[id(e)], labels))
        stack = covering
        out.append(esc(text[a:b]))
    out.append("</mark>" * len(stack))
    depth = 1 + max(lines, default=-1)  # the lines drawn under the deepest overlap
    room = (
        f' data-lines="{depth}" style="line-height:{1.6 + 0.25 * (depth - 1):.2f}"'
        if depth > 1
        else ""
    )
    return f'<div class="rl-text"{room}>{"".join(out)}</div>'


_TABLE_ORDER = {spec.name: i for i, spec in enumerate(ELEMENTS)}
_SHOWN = re.compile(r'<mark class="rl-el" data-element="([^"]*)"')
_MANY_LINES = re.compile(r'<div class="rl-text" data-lines="')


def shown_in(*fragments: str) -> list[str]:
    """The elements with a visible highlight in rendered fragments (``highlight_html``
    output), once each, in table order. Read from the marks themselves, so a legend built on
    it names what is on screen: nothing filtered out, clipped away or missing."""
    found = {html.unescape(n) for f in fragments for n in _SHOWN.findall(f)}
    return sorted(found, key=lambda n: (_TABLE_ORDER.get(n, len(_TABLE_ORDER)), n))


def _chip(name: str) -> str:
    colour = color_of(name)
    edge = edge_colour(colour)
    style = (
        f"display:inline-block;margin:0 .4rem .2rem 0;padding:0 .4rem;font-size:.85em;"
        f"background:{colour};color:{TEXT_COLOUR};border-bottom:{_LINE_PX}px solid {edge}"
    )
    if name in WEAK_ELEMENTS:
        style += f";text-decoration:underline wavy {edge};text-decoration-skip-ink:none"
    return (
        f'<span class="rl-chip" data-legend="{esc(name)}" style="{style}">'
        f"{esc(element_label(name))}</span>"
    )


def legend_html(names: Iterable[str], *, layered: bool = False) -> str:
    """One chip per element, coloured and underlined as its highlight is: the strengths, then
    the weak spots to fix. ``layered`` adds how to read words under several lines."""
    seen = list(dict.fromkeys(names))
    if not seen:
        return ""
    good = "".join(_chip(n) for n in seen if n not in WEAK_ELEMENTS)
    weak = "".join(_chip(n) for n in seen if n in WEAK_ELEMENTS)
    head = '<span class="rl-legend-head" style="font-size:.85em;margin-right:.4rem">'
    parts = [f"{head}Highlighted:</span>{good}"] if good else []
    if weak:
        parts.append(f"{head}To fix:</span>{weak}")
    if layered:
        parts.append(
            '<span class="rl-legend-note" style="font-size:.8em;color:#495057">A word in '
            "several parts has one line under it per part; hover for their names.</span>"
        )
    return f'<div class="rl-legend">{"".join(parts)}</div>'


def legend_for(*fragments: str) -> str:
    """The legend of exactly the elements highlighted in these fragments ("" when none)."""
    many = any(_MANY_LINES.search(f) for f in fragments)
    return legend_html(shown_in(*fragments), layered=many)


# Inline styles as well as the stylesheet: JupyterLab's own table and text styles win over a
# <style> block in exports, and a removed word must not run into the added one.
_DEL = ' style="background:#ffe3e3;color:#c92a2a;margin-right:.3em"'
_INS = ' style="background:#d3f9d8;color:#2b8a3e;text-decoration:none"'
_CELL = ' style="text-align:left;vertical-align:top"'

_WORD = re.compile(r"\S+|\s+")


def word_diff_html(before: str, after: str) -> str:
    """A word-level diff: removed words struck through in red, added words in green."""
    a, b = _WORD.findall(before), _WORD.findall(after)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(esc("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del{_DEL}>{esc(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins{_INS}>{esc(''.join(b[j1:j2]))}</ins>")
    return f'<div class="rl-diff rl-text">{"".join(out)}</div>'


def checklist_html(wanted: Sequence[str], found: Iterable[str], questions: dict[str, str]) -> str:
    """Found / missing for each wanted element, with the question to answer for a missing one."""
    names = set(found)
    rows = []
    for w in wanted:
        if w in names:
            rows.append(f'<li class="rl-ok">✔ {esc(element_label(w))}</li>')
        else:
            q = questions.get(w, "")
            rows.append(
                f'<li class="rl-miss">✘ {esc(element_label(w))}'
                + (f" — <em>{esc(q)}</em>" if q else "")
                + "</li>"
            )
    return f'<ul class="rl-checklist" style="list-style:none;padding-left:0">{"".join(rows)}</ul>'


def findings_html(findings: Sequence[Finding], limit: int | None = None) -> str:
    if not findings:
        return '<p class="rl-ok">No findings: nothing to fix for this technique.</p>'
    shown = findings[:limit] if limit else findings
    rows = "".join(
        f"<tr><td{_CELL}><code>{esc(f.location)}</code></td><td{_CELL}><code>{esc(f.code)}</code></td>"
        f"<td{_CELL}>{esc(f.message)}</td><td{_CELL}>{esc(f.suggestion)}</td></tr>"
        for f in shown
    )
    more = f"<p>…and {len(findings) - len(shown)} more.</p>" if len(shown) < len(findings) else ""
    return (
        f'<table class="rl-table"><tr><th{_CELL}>where</th><th{_CELL}>code</th><th{_CELL}>what</th><th{_CELL}>what to do</th>'
        f"</tr>{rows}</table>{more}"
    )


def scores_html(scores: dict[str, int], before: dict[str, int] | None = None) -> str:
    head = (
        f"<tr><th{_CELL}>technique</th>"
        + (f"<th{_CELL}>before</th>" if before else "")
        + f"<th{_CELL}>score</th></tr>"
    )
    rows = "".join(
        f"<tr><td{_CELL}>{esc(k)}</td>"
        + (f"<td{_CELL}>{esc(before.get(k, ''))}</td>" if before else "")
        + f"<td{_CELL}><b>{esc(v)}</b></td></tr>"
        for k, v in scores.items()
    )
    return f'<table class="rl-table">{head}{rows}</table>'


def before_after_html(
    before: str,
    after: str,
    before_elements: Sequence[Element],
    after_elements: Sequence[Element],
    *,
    title: str = "",
    before_score: int | None = None,
    after_score: int | None = None,
) -> str:
    """Two columns, each highlighted with the legend of what it shows, and the word diff."""

    def col(label: str, lit: str, score: int | None) -> str:
        s = f" — score {score}" if score is not None else ""
        return f"<div><h4>{label}{s}</h4>{lit}{legend_for(lit)}</div>"  # its own parts only

    lit_before = highlight_html(before, before_elements)
    lit_after = highlight_html(after, after_elements)

    gained = sorted({e.name for e in after_elements} - {e.name for e in before_elements})
    gained_html = (
        "<p>Elements gained: " + ", ".join(esc(element_label(g)) for g in gained) + "</p>"
        if gained
        else ""
    )
    heading = f"<h3>{esc(title)}</h3>" if title else ""
    return (
        f'<div class="rl-box rl-before-after">{heading}<div class="rl-pair">'
        f"{col('Before', lit_before, before_score)}"
        f"{col('After', lit_after, after_score)}</div>"
        f"{gained_html}<p>What changed:</p>{word_diff_html(before, after)}</div>"
    )


def page(body: str) -> str:
    """Wrap a fragment with the kit's inline stylesheet."""
    return f'{STYLE}<div class="rl-box">{body}</div>'
