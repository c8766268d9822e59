"""How a tailoring is shown: coverage per area, the posting's terms found and missing, the bullet
order per role and the summary's lead words.

Lesson 08's widget, its static cells and the report's "Tailored to …" section all show a
``TailorResult`` through these, so the learner reads the same lines everywhere. A term the
resume shows is highlighted where it shows it (``highlight_html``, one mark per term kind);
a term it never shows is a question from the finding that prices it, never an inserted word.
Every piece of learner or posting text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.elements import Element
from ..core.model import Resume
from ..core.posting_terms import asked_where
from ..core.tailor import AREAS, RoleOrder, TailorResult
from ..core.tailor_match import TermMatch, resume_text
from .render import esc, highlight_html, legend_for
from .score_view import points_checklist_html

# A term's kind as a highlight: the element of the same meaning where the table has one.
TOOL, SENIORITY = "tool", "seniority"


def term_element(m: TermMatch) -> str:
    return element_name(m.term.kind, m.term.key)


def element_name(kind: str, key: str) -> str:
    """The highlight a term of this kind gets."""
    if kind == "stage":
        return f"stage.{key}"
    if kind == "experiment":
        return key  # experiment, guardrail, experiment_duration, ...
    return kind  # domain, system_type, model_type, tool, seniority


def status(m: TermMatch) -> str:
    """'found' (shown in use), 'listed' (only the skills list names it) or 'missing' (a bullet
    that is only a list of terms may name it: that shows no work)."""
    return "found" if m.shown else ("listed" if m.found else "missing")


def term_elements(result: TailorResult) -> dict[str, list[Element]]:
    """Per resume location, the posting terms shown there as highlight spans."""
    out: dict[str, list[Element]] = {}
    for m in result.matches:
        for p in m.text_places:
            out.setdefault(p.location, []).append(
                Element(term_element(m), p.start, p.end, p.text, m.term.name)
            )
    return out


def asked_elements(result: TailorResult, location: str) -> list[Element]:
    """The terms the posting asks at one of its locations ("description"), as highlight spans."""
    return [
        Element(term_element(m), p.start, p.end, p.text, m.term.name)
        for m in result.matches
        for p in m.term.asked_at
        if p.location == location
    ]


def questions(result: TailorResult) -> dict[str, str]:
    """Term line key ("tool:feast") -> what to answer for it (the suggestion of its finding)."""
    asks: dict[str, str] = {}
    for f in result.findings:
        if f.line:
            asks.setdefault(f.line, f.suggestion)
    return asks


def _key(m: TermMatch) -> str:
    return f"{m.term.kind}:{m.term.key}"


def _asked(m: TermMatch) -> str:
    return asked_where(m.term)


def _name(m: TermMatch) -> str:
    stage = f" [{m.term.stage}]" if m.term.stage else ""
    nice = (
        " (nice to have)"
        if m.term.nice
        else " (team description)"
        if m.term.context
        else " (nice to have, team description)"
        if m.term.minor
        else ""
    )
    return f"{m.term.name}{stage}{nice}"


def coverage_html(result: TailorResult) -> str:
    """Each area's coverage score and its checklist, with the points each line earned."""
    rows, parts = [], []
    for area, title in AREAS.items():
        r = result.results.get(area)
        if r is None:
            continue
        label = title if area == "seniority" else f"{area} {title}"
        rows.append(
            f'<tr><td>{esc(label)}</td><td><b class="rl-coverage" data-area="{esc(area)}">'
            f"{r.score}</b>/100</td></tr>"
        )
        parts.append(
            f'<div class="rl-area" data-area="{esc(area)}"><p><b>{esc(label)}</b>: '
            f"{r.score}/100</p>{points_checklist_html(r.checklist, r.findings)}</div>"
        )
    unasked = [a for a, r in result.results.items() if r is None]
    note = (
        f"<p><small>The posting asks nothing for: {esc(', '.join(unasked))}.</small></p>"
        if unasked
        else ""
    )
    if not rows:
        return '<p class="rl-miss">The kit found nothing this posting asks for.</p>'
    which = (
        '<p class="rl-scope"><small>Coverage is how much of what this posting asks your resume '
        "shows, area by area; it is not the technique's own score (lessons 01–07 and "
        "<code>check</code>), which reads the whole resume against the technique.</small></p>"
    )
    return (
        '<div class="rl-tailor-coverage"><table class="rl-table">'
        f"<tr><th>area</th><th>coverage</th></tr>{''.join(rows)}</table>{which}{note}"
        f"{''.join(parts)}</div>"
    )


def terms_html(result: TailorResult, resume: Resume) -> str:
    """The terms found (where, highlighted), listed only in the skills, and missing (each as
    the question to answer from the learner's own records)."""
    asks = questions(result)
    found = [m for m in result.matches if status(m) == "found"]
    listed = [m for m in result.matches if status(m) == "listed"]
    missing = [m for m in result.matches if status(m) == "missing"]
    parts = [
        f"<p><b>{len(result.found)}</b> of {len(result.matches)} posting term(s) found in your "
        "resume.</p>"
    ]
    if found:
        rows = "".join(
            f'<li class="rl-ok" data-term="{esc(m.term.name)}">✔ <b>{esc(_name(m))}</b> — '
            + ", ".join(
                f"<code>{esc(p.location)}</code> “{esc(p.text)}”"
                for p in ([*m.summary, *m.bullets] or m.records or m.skills)[:3]
            )
            + ("" if m.summary or m.bullets or m.records else " (a language: listing it is enough)")
            + "</li>"
            for m in found
        )
        parts.append(f'<h4>Found, shown in use</h4><ul class="rl-terms-found">{rows}</ul>')
    if listed:
        rows = "".join(
            f'<li class="rl-tip" data-term="{esc(m.term.name)}">◐ <b>{esc(_name(m))}</b> — only '
            f"your skills list it (<code>{esc(m.skills[0].location)}</code>)"
            + (f": <em>{esc(asks[_key(m)])}</em>" if _key(m) in asks else "")
            + "</li>"
            for m in listed
        )
        parts.append(f'<h4>Listed, not shown in use</h4><ul class="rl-terms-listed">{rows}</ul>')
    if missing:
        rows = "".join(
            f'<li class="rl-miss" data-term="{esc(m.term.name)}">✘ <b>{esc(_name(m))}</b> '
            f"(the posting: {esc(_asked(m))})"
            + (
                f"; a bullet only lists it among other terms (<code>{esc(m.lists[0].location)}"
                "</code>), which shows no work with it"
                if m.lists
                else ""
            )
            + (f" — <em>{esc(asks[_key(m)])}</em>" if _key(m) in asks else "")
            + "</li>"
            for m in missing
        )
        parts.append(
            "<h4>Missing: questions to answer from your own records</h4>"
            "<p><small>Add a term only where your work shows it; if it does not, leave it out "
            f'and say so in the interview.</small></p><ul class="rl-terms-missing">{rows}</ul>'
        )
    parts.append(locations_html(result, resume))
    return '<div class="rl-tailor-terms">' + "".join(parts) + "</div>"


def locations_html(result: TailorResult, resume: Resume) -> str:
    """The summary and each bullet that shows a posting term, the terms highlighted."""
    spans = term_elements(result)
    lit = []
    for location, elements in spans.items():
        if location.startswith("skills["):
            continue
        text = resume_text(resume, location)
        lit.append(
            f'<p class="rl-where"><code>{esc(location)}</code></p>{highlight_html(text, elements)}'
        )
    if not lit:
        return "<p><em>No sentence of your resume shows a posting term yet.</em></p>"
    return (
        '<div class="rl-tailor-where"><h4>Where your resume shows them</h4>'
        + "".join(lit)
        + legend_for(*lit)
        + "</div>"
    )


def _highlights(resume: Resume, location: str) -> list[str]:
    section, _, index = location.partition("[")
    entries = resume.work if section == "work" else resume.projects
    return entries[int(index.rstrip("]"))].highlights


def order_html(order: RoleOrder, resume: Resume, focus: str = "") -> str:
    """One role's bullets in the order to use, each with the posting terms it shows."""
    bullets = _highlights(resume, order.location)
    rows = []
    for rank, j in enumerate(order.order):
        location = f"{order.location}.highlights[{j}]"
        shows = order.shows[j]
        moved = (
            f' <span class="rl-moved">(bullet {j + 1} in your resume)</span>'
            if order.changed and rank != j
            else ""
        )
        terms = (
            f' <small class="rl-ok">shows: {esc(", ".join(shows))}</small>'
            if shows
            else ' <small class="rl-miss">shows nothing the posting asks</small>'
        )
        mark = " rl-focus" if location == focus else ""
        style = ' style="font-weight:600"' if location == focus else ""
        rows.append(
            f'<li class="rl-ranked{mark}" data-location="{esc(location)}"{style}>'
            f"{esc(bullets[j])}{moved}{terms}</li>"
        )
    note = "" if order.changed else " <small>(already in this order)</small>"
    return (
        f'<div class="rl-order" data-role="{esc(order.location)}"><p><b>{esc(order.role)}</b>'
        f"{note}</p><ol>{''.join(rows)}</ol></div>"
    )


def orders_html(result: TailorResult, resume: Resume, only: Sequence[str] = ()) -> str:
    """Each role's bullets, best first for the posting (``only``: these roles)."""
    shown = [o for o in result.orders if not only or o.location in only]
    if not shown:
        return "<p><em>No role with bullets to order.</em></p>"
    return "".join(order_html(o, resume) for o in shown)


def lead_html(result: TailorResult) -> str:
    if not result.summary_lead:
        return (
            '<p class="rl-miss">Your resume shows none of the domains or system types this '
            "posting asks for in use yet: answer the T1 questions above first.</p>"
        )
    words = ", ".join(f"“{esc(w)}”" for w in result.summary_lead)
    return (
        f'<p class="rl-lead">Open your summary with your own words: {words}. They are what '
        "this posting asks for most that your resume already shows.</p>"
    )


def skills_tips_html(result: TailorResult) -> str:
    """The skills list for this posting: the tools to add (J704, a bullet already shows each in
    use) and the entries to leave out (J703: the posting does not ask for them and no bullet
    backs them), or "" when there is neither."""
    add, drop = result.skills_to_add, result.skills_to_drop
    rows = []
    if add:
        rows.append(
            f'<li class="rl-skill-add">Add to your skills: <b>{esc(", ".join(add))}</b>. The '
            "posting asks for each, and a bullet already shows it in use.</li>"
        )
    if drop:
        rows.append(
            f'<li class="rl-skill-drop">Leave out for this application: <b>{esc(", ".join(drop))}'
            "</b>. The posting does not ask for them and no bullet shows them in use.</li>"
        )
    if not rows:
        return ""
    return (
        "<h4>Your skills list, for this posting</h4><p><small>Tips: they cost no points.</small>"
        f'</p><ul class="rl-skills-tips">{"".join(rows)}</ul>'
    )


def tailored_html(result: TailorResult, resume: Resume, *, heading: str = "h3") -> str:
    """Everything at once: coverage, terms, bullet order, summary lead (the report's section)."""
    title = f"<{heading}>Tailored to {esc(result.posting.heading)}</{heading}>" if heading else ""
    return (
        f'<section class="rl-box rl-tailored">{title}'
        "<h4>Coverage per area</h4>"
        + coverage_html(result)
        + "<h4>The posting's terms</h4>"
        + terms_html(result, resume)
        + skills_tips_html(result)
        + "<h4>The bullet order to use</h4>"
        + orders_html(result, resume)
        + "<h4>Your summary's lead words</h4>"
        + lead_html(result)
        + "<p><small>Nothing here adds a fact: a term your resume never shows is a question, "
        "not a keyword to paste in.</small></p></section>"
    )


__all__ = [
    "asked_elements",
    "coverage_html",
    "element_name",
    "lead_html",
    "locations_html",
    "order_html",
    "orders_html",
    "questions",
    "skills_tips_html",
    "status",
    "tailored_html",
    "term_elements",
    "terms_html",
]
