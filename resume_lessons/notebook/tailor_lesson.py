"""Lesson 08's parts: tailor the resume to a job posting, by technique, without inventing a fact.

``Lesson`` calls these when its topic is "tailor", so lesson 08 has the same cells as the
technique lessons (a strong example, weak and strong side by side, your resume today, the
exercise, your saved drafts, a recap) and every one of them is static HTML but the exercise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.bullet_score import score_bullet
from ..core.drafts import apply_drafts
from ..core.loader import resume_from_data
from ..core.locations import Item, get_text
from ..core.model import Resume
from ..core.posting import Posting
from ..core.profile import load_profile
from ..core.tailor import TailorResult, tailor
from ..present.render import esc, highlight_html, legend_for, page
from ..present.tailor_view import (
    asked_elements,
    coverage_html,
    lead_html,
    orders_html,
    tailored_html,
    term_elements,
)
from .kit import TAILOR

if TYPE_CHECKING:
    from .lessons import Lesson, Shown

DEFAULT_POSTING = "postings/recommendations_team.yaml"  # copied beside the lessons, else the kit's
EXAMPLE_POSTING = (
    "Own candidate generation and the ranking pipeline of the home feed: build two-tower "
    "retrieval models in PyTorch and run A/B tests with guardrail metrics."
)
STRONG = (
    "Rebuilt candidate generation for the home feed ranking pipeline with a two-tower "
    "retrieval model in PyTorch, lifting CTR 3.1% in a 2-week A/B test on 10% of traffic "
    "with latency guardrails."
)
STUFFED = (
    "Recommendations, candidate generation, ranking pipeline, two-tower retrieval, PyTorch, "
    "A/B tests, guardrail metrics."
)
BULLET = "work[0].highlights[0]"


def _shown(html: str) -> Shown:
    from .lessons import Shown

    return Shown(page(html))


def _one_bullet(text: str) -> Resume:
    data = {
        "basics": {"name": "Example"},
        "work": [{"name": "Example Co", "position": "ML Engineer", "highlights": [text]}],
    }
    return resume_from_data(data, "example")


def _example(text: str, profile: str) -> TailorResult:
    return tailor(_one_bullet(text), Posting(description=EXAMPLE_POSTING), profile)


def _bullet_html(result: TailorResult, text: str) -> str:
    return highlight_html(text, term_elements(result).get(BULLET, []))


def strong_example(lesson: Lesson) -> Shown:
    result = _example(STRONG, lesson.profile)
    asked = highlight_html(EXAMPLE_POSTING, asked_elements(result, "description"))
    lit = _bullet_html(result, STRONG)
    names = ", ".join(esc(m.term.name) for m in result.found)
    body = (
        '<div class="rl-strong-example"><h4>A strong example</h4>'
        f"<p><b>The posting asks:</b></p>{asked}<p><b>The bullet answers:</b></p>{lit}"
        f"{legend_for(asked, lit)}<p>It shows {len(result.found)} of the "
        f"{len(result.matches)} terms the line asks for ({names}), each as work done, with "
        "the result it had.</p></div>"
    )
    return _shown(body)


def weak_vs_strong(lesson: Lesson) -> Shown:
    prof = load_profile(lesson.profile)
    cols = []
    for label, text in (("Keyword-stuffed", STUFFED), ("Tailored by technique", STRONG)):
        result = _example(text, lesson.profile)
        lit = _bullet_html(result, text)
        rated = score_bullet(text, prof)
        cols.append(
            (
                f"<div><h4>{label}</h4>{lit}<p>Posting terms shown: <b>{len(result.found)}</b> "
                f"of {len(result.matches)}<br>Bullet score: <b>{rated.score}</b>/100</p></div>",
                lit,
            )
        )
    note = (
        "<p>Both name the posting's words. Only one reads as work: what was built, with what, "
        "and what it changed. A list of keywords matches a filter and then loses the reader, "
        "and every keyword you have not used is a question you cannot answer in the "
        "interview.</p>"
    )
    return _shown(
        '<h3>Weak and strong, side by side</h3><div class="rl-pair">'
        + "".join(c for c, _ in cols)
        + "</div>"
        + legend_for(*(lit for _, lit in cols))
        + note
    )


def _posting_line(lesson: Lesson) -> str:
    assert lesson.posting is not None
    return (
        f"<p><b>Posting:</b> {esc(lesson.posting.heading)} "
        f"(<code>{esc(lesson.posting_path)}</code>)</p>"
    )


def your_resume(lesson: Lesson) -> Shown:
    assert lesson.resume is not None and lesson.posting is not None
    # the resume as the learner has left it: the drafts saved in every lesson so far applied
    lesson._reload_drafts()
    current, missing = apply_drafts(lesson.resume, lesson.drafts)
    count = len(lesson.drafts.items) - len(missing)
    drafted = (
        f"<p><small>With your {count} saved draft{'s' if count != 1 else ''} applied "
        "(your resume file itself is unchanged).</small></p>"
        if count
        else ""
    )
    result = tailor(current, lesson.posting, lesson.profile)
    body = (
        '<div class="rl-your-resume">'
        + f"<h4>Your resume today, for this posting</h4>{_posting_line(lesson)}{drafted}"
        + tailored_html(result, current, heading="")
        + "</div>"
    )
    return _shown(body)


def bullets(resume: Resume) -> list[Item]:
    out = []
    for section, entries in (("work", resume.work), ("projects", resume.projects)):
        for i, entry in enumerate(entries):
            role = ", ".join(p for p in (getattr(entry, "position", ""), entry.name) if p)
            for j, text in enumerate(entry.highlights):
                out.append(Item(f"{section}[{i}].highlights[{j}]", "bullet", text, role))
    return out


def target(result: TailorResult, items: list[Item]) -> Item | None:
    """The bullet to start from: of the first role's order, the last (it shows the least),
    passing over a bullet that shows only a seniority signal ("Mentored two junior
    engineers." already answers the posting's mentoring; it has no system to name terms in)."""
    by_location = {i.location: i for i in items}
    people = {p.location for m in result.matches if m.term.area == "seniority" for p in m.bullets}
    work = {p.location for m in result.matches if m.term.area != "seniority" for p in m.bullets}
    for order in result.orders:
        ranked = [by_location.get(f"{order.location}.highlights[{j}]") for j in order.order]
        ranked = [i for i in ranked if i is not None]
        if ranked:
            fits = (i for i in reversed(ranked) if i.location not in people - work)
            return next(fits, ranked[-1])
    return items[0] if items else None


def exercise(lesson: Lesson, location: str | None = None) -> Any:
    from .widgets import TailorMatcher

    assert lesson.resume is not None and lesson.posting is not None
    items = bullets(lesson.resume)
    if not items:
        return _shown(
            "<p>Your resume has no bullets yet: add your roles and what you did in them, then "
            "run this cell again.</p>"
        )
    after, _ = apply_drafts(lesson.resume, lesson.drafts)
    # the summary is picked here too: what the posting asks most, the summary should lead with
    summary = lesson.resume.basics.summary
    choices = [Item("basics.summary", "summary", summary, "")] if summary.strip() else []
    choices += items
    start = next((i for i in choices if i.location == location), None)
    if start is None:  # a re-run opens on the bullet this lesson saved last, to go on with it
        saved = lesson.drafts.saved_by(TAILOR)
        start = next((i for i in items if saved and i.location == saved[-1]), None)
    start = start or target(tailor(after, lesson.posting, lesson.profile), items)
    assert start is not None
    draft = lesson.drafts.text(start.location)
    note = ""
    if draft is not None and draft != start.text:
        note = (
            "This bullet already has a saved draft, maybe from another lesson: the box starts "
            "from it. Saving replaces it; the earlier version stays in the drafts file."
        )
    return TailorMatcher(
        after,
        lesson.posting,
        lesson.store,
        start,
        choices=choices,
        drafts=lesson.drafts,
        draft=draft,
        profile=lesson.profile,
        note=note,
    )


def _rank(result: TailorResult, location: str) -> str:
    role, _, index = location.partition(".highlights[")
    order = next((o for o in result.orders if o.location == role), None)
    if order is None or not index:
        return ""
    return f"{order.order.index(int(index.rstrip(']'))) + 1} of {len(order.order)}"


def saved_drafts(lesson: Lesson) -> Shown:
    assert lesson.resume is not None and lesson.posting is not None
    after, missing = apply_drafts(lesson.resume, lesson.drafts)
    before_r = tailor(lesson.resume, lesson.posting, lesson.profile)
    after_r = tailor(after, lesson.posting, lesson.profile)
    spans_b, spans_a = term_elements(before_r), term_elements(after_r)
    parts = []
    for loc in sorted(lesson.drafts.items):
        if loc in missing or not (".highlights[" in loc or loc == "basics.summary"):
            continue
        old, new = get_text(lesson.resume, loc), get_text(after, loc)
        if old == new:
            continue
        lit_b = highlight_html(old, spans_b.get(loc, []))
        lit_a = highlight_html(new, spans_a.get(loc, []))
        rank = ""
        if loc != "basics.summary":
            rank = f"<p>Rank in its role: {_rank(before_r, loc)} → <b>{_rank(after_r, loc)}</b></p>"
        parts.append(
            f'<div class="rl-before-after"><h4>{esc(loc)}</h4><div class="rl-pair">'
            f"<div><b>Before</b>{lit_b}</div><div><b>After</b>{lit_a}</div></div>"
            f"{rank}{legend_for(lit_b, lit_a)}</div>"
        )
    if not parts:
        body = (
            "<p>No saved draft yet. Write one in the exercise above, press <b>Save draft</b>, "
            "then run this cell again.</p>"
        )
    else:
        rows = "".join(
            f"<tr><td>{esc(area)}</td><td>{before_r.scores[area]}</td>"
            f'<td><b class="rl-after-coverage">{score}</b></td></tr>'
            for area, score in after_r.scores.items()
            if score is not None
        )
        body = (
            f"{_posting_line(lesson)}<p>Coverage of the posting, before and with your drafts:</p>"
            '<table class="rl-table"><tr><th>area</th><th>before</th><th>with your drafts</th>'
            f"</tr>{rows}</table>" + "".join(parts)
        )
    return _shown(f'<div class="rl-saved-drafts"><h3>Your saved drafts</h3>{body}</div>')


def recap(lesson: Lesson) -> Shown:
    rules = (
        "<ul><li>Read the posting by technique: its domain and system, the pipeline stages, "
        "the experiments, the model families, the venues of papers, the tools and the "
        "seniority (years included) it asks for.</li>"
        "<li>Put the bullets that show most of it first in each role, and open the summary "
        "with the posting's words your resume already shows.</li>"
        "<li>A term you have never worked with stays out: it is a question to answer, not a "
        "word to paste in.</li></ul>"
    )
    if not lesson.ok:
        return _shown(f"<h4>Recap: tailor to the posting</h4>{rules}")
    assert lesson.resume is not None and lesson.posting is not None
    after, _ = apply_drafts(lesson.resume, lesson.drafts)
    result = tailor(after, lesson.posting, lesson.profile)
    export = (
        f"<p>To send it in this order: <code>resume-lessons export "
        f"{esc(lesson.resume_path)} --drafts {esc(lesson.store.path)} --to pdf --job "
        f"{esc(lesson.posting_path)} -o resume.pdf</code></p>"
    )
    return _shown(
        f"<h4>Recap: tailor to the posting</h4>{rules}{_posting_line(lesson)}"
        "<p>Coverage of your resume with your drafts:</p>"
        + coverage_html(result)
        + "<h4>The bullet order to use</h4>"
        + orders_html(result, after)
        + lead_html(result)
        + export
    )


__all__ = [
    "DEFAULT_POSTING",
    "exercise",
    "recap",
    "saved_drafts",
    "strong_example",
    "weak_vs_strong",
    "your_resume",
]
