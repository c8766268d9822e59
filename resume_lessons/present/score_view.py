"""How a score is shown: a technique's checklist with its points, and a bullet's overall score.

The lesson pages, the widgets and the report all show scores through these, so a learner
reads the same lines and points everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.bullet_score import UNDER_CAP, BulletScore
from ..core.findings import CheckItem, Finding
from .render import esc

SCOPE_NOTE = {
    "item": "Item score: this text alone, on the technique's checklist.",
    "resume": "Resume score: your whole resume, your other saved drafts included, with this "
    "text in its place (so “before” can differ from the page's score of your resume today).",
}


def _points(value: float) -> str:
    """Points as a reader takes them in: "15", "11.1" (one decimal at most)."""
    return f"{round(value, 1):g}"


def points_checklist_html(checklist: Sequence[CheckItem], findings: Sequence[Finding] = ()) -> str:
    """Each checklist line with the points it earned, and for a short line what to answer."""
    asks: dict[str, str] = {}
    for f in findings:
        asks.setdefault(f.line or f.code, f.suggestion)
    rows = []
    said: dict[str, str] = {}  # an ask already shown -> the line it was shown on
    for line in checklist:
        mark, cls = ("✔", "rl-ok") if line.passed else ("✘", "rl-miss")
        ask = "" if line.passed else asks.get(line.key) or asks.get(line.code, "")
        if ask in said:  # a line that waits on one above (T3's cost waits on the decision)
            ask = f"comes once “{said[ask]}” is there: answer that first"
        elif ask:
            said[ask] = line.label.split(" (")[0]
        rows.append(
            f'<li class="{cls}" data-line="{esc(line.key)}">{mark} {esc(line.label)} '
            f'<span class="rl-points">{_points(line.earned)}/{_points(line.points)}</span>'
            + (f" — <em>{esc(ask)}</em>" if ask else "")
            + "</li>"
        )
    return f'<ul class="rl-checklist" style="list-style:none;padding-left:0">{"".join(rows)}</ul>'


def score_change_html(
    code: str, scope: str, before: int, now: int, draft: int | None = None
) -> str:
    """'T4 score: before 15 → now 60 ▲' and one line saying what was scored. ``draft``: the
    score of the saved draft the box started from, said beside the original's."""
    arrow = "▲" if now > before else ("▼" if now < before else "=")
    started = (
        f' <small class="rl-draft-score">(your resume file; your saved draft, which the box '
        f"started from: {draft})</small>"
        if draft is not None
        else ""
    )
    return (
        f"<p>{esc(code)} {'resume' if scope == 'resume' else 'item'} score: before this rewrite "
        f'<b class="rl-before">{before}</b>{started} → now <b class="rl-now">{now}</b> '
        f'{arrow}<br><small class="rl-scope">{esc(SCOPE_NOTE[scope])}</small></p>'
    )


def bullet_score_html(before: BulletScore | None, now: BulletScore, limit: int = 3) -> str:
    """The overall bullet score (how a hiring manager would rate it) and what it still lacks.

    At full marks nothing left costs points, so what is left is listed as tips, without points.
    """
    change = f'<b class="rl-bullet-before">{before.score}</b> → ' if before is not None else ""
    shown = ", ".join(p.label for p in now.shown) or "nothing yet"
    full = now.score >= 100
    rows = "".join(
        f"<li>{esc(p.label)}{'' if full else f' (+{p.points})'} — <em>{esc(p.question)}</em></li>"
        for p in now.missing[:limit]
    )
    # under a cap the penalties cost nothing the learner can see: the cap holds the score
    # lower already, so the line says so rather than show a cost the number does not
    absorbed = f" ({esc(UNDER_CAP)})"
    rows += "".join(
        f"<li>{esc(what)}</li>"
        if full
        else f"<li>−{points}: {esc(what)}{absorbed if now.capped else ''}</li>"
        for what, points in now.penalties
    )
    if now.capped:
        rows += f"<li>held to {now.score}: {esc(now.capped)}</li>"
    held = (
        f'<br><small class="rl-held">Stronger than before: its parts now give {now.said}, up '
        f"from {before.said}, but the score stays held to {now.score} until the cap's reason "
        "below is met.</small>"
        if before is not None
        and now.capped
        and now.score == before.score
        and now.said > before.said
        else ""
    )
    lacks = (
        "Full marks; tips that would not change the score:"
        if full
        else "What it still lacks or costs:"
    )
    return (
        f'<div class="rl-bullet-score"><p>Bullet score: {change}<b class="rl-bullet-now">'
        f"{now.score}</b>/100 <small>(how strongly this bullet makes the case, on every "
        f"technique at once)</small>{held}<br>Shows: {esc(shown)}</p>"
        + (f'<span class="rl-lacks">{lacks}</span><ul>{rows}</ul>' if rows else "")
        + "</div>"
    )


__all__ = ["SCOPE_NOTE", "bullet_score_html", "points_checklist_html", "score_change_html"]
