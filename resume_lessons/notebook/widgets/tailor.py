"""Lesson 08's exercise: rewrite a bullet and watch the match with a job posting change live.

On each (throttled) edit the widget runs ``tailor`` on the resume with the box's text in the
bullet's place, and shows where that bullet now ranks in its role, the posting's terms found
and missing (highlighted where the resume shows them), the coverage per area with its
checklist, and the questions for the terms still missing. Save writes the text as a draft.
"""

from __future__ import annotations

import contextlib

import ipywidgets as w

from ...core.analyze import score_item
from ...core.bullet_score import score_bullet
from ...core.drafts import Drafts, DraftsFile
from ...core.locations import Item, get_text, with_text
from ...core.model import Resume
from ...core.posting import Posting
from ...core.profile import DEFAULT_PROFILE
from ...core.tailor import RoleOrder, TailorResult, tailor
from ...core.techniques import get_technique
from ...present.render import esc, highlight_html, legend_for
from ...present.score_view import bullet_score_html, points_checklist_html, score_change_html
from ...present.tailor_view import (
    coverage_html,
    lead_html,
    order_html,
    status,
    term_elements,
    terms_html,
)
from ..kit import TAILOR
from ._common import SaveRow, bullet_picker, html_pane, new_facts_html, relabel, styled
from ._throttle import Throttle


def role_of_location(location: str) -> str:
    """'work[0].highlights[3]' -> 'work[0]'."""
    return location.split(".highlights[", 1)[0]


class TailorMatcher(w.VBox):
    """Pick a bullet, rewrite it, and see how the resume now matches the posting."""

    def __init__(
        self,
        resume: Resume,
        posting: Posting,
        store: DraftsFile,
        item: Item,
        *,
        choices: list[Item] | None = None,
        drafts: Drafts | None = None,
        draft: str | None = None,
        profile: str = DEFAULT_PROFILE,
        interval: float = 0.15,
        note: str = "",
    ) -> None:
        self.resume, self.posting, self.store = resume, posting, store
        self.profile, self.drafts, self.item = profile, drafts, item
        self._choices = {i.location: i for i in [item, *(choices or [])]}
        self.before = tailor(resume, posting, profile)
        self.result: TailorResult = self.before
        self.original = html_pane("rl-original")
        self.note = html_pane("rl-note")
        self.text = w.Textarea(
            value=draft if draft is not None else item.text,
            placeholder="Rewrite the bullet: only what your work shows",
            layout=w.Layout(width="100%", height="6em"),
            continuous_update=True,
        )
        self.text.add_class("rl-tailor-text")
        self.position = html_pane("rl-tailor-position")
        self.terms = html_pane("rl-tailor-terms-pane")
        self.coverage = html_pane("rl-tailor-coverage-pane")
        self.questions = html_pane("rl-tailor-questions")
        self.save_row = SaveRow(
            store, item.location, lambda: self.text.value, lesson=TAILOR, on_saved=self._saved
        )
        self._throttle = Throttle(self.refresh, interval)
        self.text.observe(lambda _change: self._throttle(), names="value")
        self.picker = bullet_picker(
            item, list(self._choices.values()), "Rewrite", drafts, on_pick=self.retarget
        )
        self._show_original(note)
        self.refresh()
        label = w.HTML(
            f"<b>Your rewrite, for {esc(posting.heading)}: name what the posting asks only "
            "where your work shows it</b>"
        )
        super().__init__(
            [
                *([self.picker] if self.picker is not None else []),
                self.original,
                self.note,
                label,
                self.text,
                self.position,
                self.questions,
                self.coverage,
                self.terms,
                self.save_row,
            ]
        )
        self.add_class("rl-tailor-matcher")

    # --- what the learner works on ------------------------------------------------------
    def _show_original(self, note: str = "") -> None:
        spans = term_elements(self.before).get(self.item.location, [])
        current = self.current_text()
        self.before_bullet = score_bullet(current, self.profile)  # the "before" of each edit
        if self.item.kind == "summary":
            self.before_summary = score_item(current, "summary", _T1, self.profile).score
        lit = highlight_html(current, spans)
        where = esc(self.item.location) + (f" — {esc(self.item.role)}" if self.item.role else "")
        order = self._order(self.before)
        rank = self._rank(order)
        # the rank as saved: the rank of the text being typed is shown below the box
        place = (
            f"; as saved, it ranks {rank} of {len(order.order)} for this posting" if order else ""
        )
        self.original.value = styled(
            f"<p><b>Your bullet</b> ({where}{esc(place)}), the posting's terms in it "
            "highlighted</p>"
            + lit
            + (legend_for(lit) or "<p><em>It shows none of the posting's terms yet.</em></p>")
        )
        self.note.value = styled(f'<p class="rl-info">{esc(note)}</p>') if note else ""

    def current_text(self) -> str:
        """The bullet as the resume has it now (with the saved drafts)."""
        try:
            return get_text(self.resume, self.item.location)
        except (KeyError, IndexError):
            return self.item.text

    def retarget(self, location: str) -> None:
        """Work on another bullet: its text (or its saved draft) replaces the box's."""
        item = self._choices.get(location)
        if item is None or item.location == self.item.location:
            return
        self._throttle.flush()
        self.item = item
        draft = self.drafts.text(location) if self.drafts is not None else None
        note = (
            "This bullet has a saved draft: the box starts from it."
            if draft is not None and draft != item.text
            else ""
        )
        self.save_row.retarget(location)
        self._show_original(note)
        self.text.value = draft if draft is not None else item.text
        self.refresh()

    def _saved(self, location: str, text: str) -> None:
        """A saved draft counts at once: the resume this widget matches holds it, so the next
        bullet's "before", the role's order and what is still missing all include it."""
        with contextlib.suppress(KeyError, IndexError):  # a place the resume does not have
            self.resume = with_text(self.resume, location, text)
        if self.drafts is not None:
            self.drafts.set(location, text, lesson=TAILOR)
            relabel(self.picker, list(self._choices.values()), self.drafts)
        self.before = tailor(self.resume, self.posting, self.profile)
        self._show_original()
        self.refresh()

    # --- the live match -----------------------------------------------------------------
    def _order(self, result: TailorResult) -> RoleOrder | None:
        role = role_of_location(self.item.location)
        return next((o for o in result.orders if o.location == role), None)

    def _rank(self, order: RoleOrder | None) -> int:
        """1-based place of the bullet in its role's order for the posting (0: none)."""
        if order is None:
            return 0
        index = int(self.item.location.rsplit("[", 1)[1].rstrip("]"))
        return order.order.index(index) + 1

    def tailored_resume(self, text: str) -> Resume:
        return with_text(self.resume, self.item.location, text)

    def refresh(self) -> None:
        """Re-run the match with the box's text in place (the throttle calls this on edits)."""
        text = self.text.value
        resume = self.tailored_resume(text)
        self.result = result = tailor(resume, self.posting, self.profile)
        order = self._order(result)
        was, now = self._rank(self._order(self.before)), self._rank(order)
        self.current_rank = now
        arrow = "▲" if now < was else ("▼" if now > was else "=")
        self.position.value = styled(
            (
                f'<p>In its role, this bullet ranks <b class="rl-rank">{now}</b> of '
                f"{len(order.order)} for this posting (before this rewrite: {was}) {arrow}</p>"
                + order_html(order, resume, focus=self.item.location)
                if order is not None
                else ""
            )
            + lead_html(result)
            + self._new_facts(text)
            + self._bullet_score(text)
        )
        self.coverage.value = styled(
            "<p><b>Coverage per area</b> (your whole resume with this text in place)</p>"
            + _coverage_change(self.before, result)
            + coverage_html(result)
        )
        self.terms.value = styled(terms_html(result, resume))
        self.questions.value = styled(self._questions_html(result))

    def _new_facts(self, text: str) -> str:
        """The figures and tools this text adds that the resume never showed: a posting's word
        typed in because it is asked is kept only if it is true."""
        self.current_new_facts, html = new_facts_html(
            text, self.item, self.current_text(), self.resume, self.profile
        )
        return html

    def _bullet_score(self, text: str) -> str:
        """The bullet's own score beside the match: naming the posting's words is not yet a
        strong bullet. A summary shows its T1 score and checklist, as lesson 01 does."""
        if self.item.kind == "summary":
            now = score_item(text, "summary", _T1, self.profile)
            return (
                '<div class="rl-summary-score">'
                + score_change_html("T1", "item", self.before_summary, now.score)
                + points_checklist_html(now.checklist, now.findings)
                + "</div>"
            )
        if self.item.kind != "bullet":
            return ""
        self.current_bullet = score_bullet(text, self.profile)
        return bullet_score_html(self.before_bullet, self.current_bullet)

    def _questions_html(self, result: TailorResult) -> str:
        missing = sorted(  # what the posting asks most first
            (m for m in result.matches if status(m) == "missing"), key=lambda m: -m.term.weight
        )
        at = self.item.location
        here = [m for m in result.matches if any(p.location == at for p in m.summary + m.bullets)]
        listed = [m for m in result.matches if any(p.location == at for p in m.lists)]
        shows = ", ".join(esc(m.term.name) for m in here) or "none of the posting's terms yet"
        if listed and not here:  # a run of the posting's words with no work: a skills list
            shows += (
                f" (it names {len(listed)} of them, but as a list with no work done: a reader, "
                "and this match, count none of them as shown)"
            )
        asks = {f.line: f.suggestion for f in result.findings if f.line}
        rows = "".join(
            f'<li data-term="{esc(m.term.name)}"><b>{esc(m.term.name)}</b>: '
            f"<em>{esc(asks.get(f'{m.term.kind}:{m.term.key}', ''))}</em></li>"
            for m in missing[:6]
        )
        more = f"<p>…and {len(missing) - 6} more below.</p>" if len(missing) > 6 else ""
        return f'<p>This bullet now shows: <span class="rl-shows">{shows}</span>.</p>' + (
            "<p><b>Still missing: answer from your own records</b> (if the answer is no, "
            f'leave it out)</p><ul class="rl-questions">{rows}</ul>{more}'
            if missing
            else '<p class="rl-ok">Every term the posting asks for is shown in use or listed '
            "among your skills.</p>"
        )

    def found(self, name: str) -> bool:
        """Whether the current match finds the posting term named ``name``."""
        return any(m.term.name == name and m.found for m in self.result.matches)

    def save(self) -> bool:
        self._throttle.flush()
        return self.save_row.save()


_T1 = get_technique("T1")


def _coverage_change(before: TailorResult, now: TailorResult) -> str:
    cells = []
    for area, score in now.scores.items():
        if score is None:
            continue
        old = before.scores.get(area)
        arrow = "▲" if old is not None and score > old else ("▼" if old and score < old else "")
        cells.append(f"{esc(area)} {old} → <b>{score}</b> {arrow}")
    return f'<p class="rl-coverage-change">{" · ".join(cells)}</p>'


__all__ = ["TailorMatcher"]
