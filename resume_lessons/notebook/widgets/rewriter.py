"""The bullet (and summary) rewriter: live checklist, scores and word diff while typing."""

from __future__ import annotations

import contextlib
import difflib

import ipywidgets as w

from ...core.analyze import ItemScore, analyze, score_item
from ...core.bullet_score import score_bullet
from ...core.drafts import Drafts, DraftsFile
from ...core.elements import Element
from ...core.findings import TechniqueResult
from ...core.locations import Item, with_text
from ...core.model import Resume
from ...core.profile import DEFAULT_PROFILE
from ...core.techniques import Technique, get_technique
from ...present.render import esc, highlight_html, legend_for, word_diff_html
from ...present.score_view import bullet_score_html, points_checklist_html, score_change_html
from ._common import (
    SaveRow,
    bullet_picker,
    html_pane,
    new_facts_html,
    on_peer_save,
    relabel,
    styled,
)
from ._throttle import Throttle

# Below this share of words kept, a word diff is mostly strike-through: show both versions.
READABLE_DIFF = 0.4


class BulletRewriter(w.VBox):
    """Rewrite one item: the original highlighted, a text area, live feedback and Save.

    The score is the technique's own checklist: for the item alone where one bullet or the
    summary can earn it all (T1, T3, T4), and for the whole ``resume`` with this text in its
    place where the technique looks at a section (T2, T5). Bullets also show their overall
    bullet score, the one ``explain`` and the report give.
    """

    def __init__(
        self,
        item: Item,
        technique: Technique | str,
        store: DraftsFile,
        *,
        draft: str | None = None,
        profile: str = DEFAULT_PROFILE,
        interval: float = 0.08,
        resume: Resume | None = None,
        note: str = "",
        choices: list[Item] | None = None,
        drafts: Drafts | None = None,
    ) -> None:
        self.item = item
        self.store = store
        self.drafts = drafts
        self.technique = get_technique(technique) if isinstance(technique, str) else technique
        self.profile = profile
        self.resume = resume if self.technique.scope == "resume" else None
        self.whole = resume  # the resume with the saved drafts: the other techniques' scores
        # the other techniques as the box starts (with its draft): moved only by typing
        self.elsewhere_before = self._scores(draft if draft is not None else item.text)
        before = self.score_text(item.text)
        self.before_score = before.score
        self.before_bullet = score_bullet(item.text, profile) if item.kind == "bullet" else None
        self.original = html_pane("rl-original", _original_html(item, before.elements))
        self.note = html_pane(
            "rl-note", styled(f'<p class="rl-info">{esc(note)}</p>') if note else ""
        )
        self.started_from = draft if draft is not None else item.text
        self.draft_score = self._draft_score()
        self.text = w.Textarea(
            value=self.started_from,
            placeholder="Write your rewrite here",
            layout=w.Layout(width="100%", height="6em"),
            continuous_update=True,
        )
        self.text.add_class("rl-rewrite")
        self.checklist = html_pane("rl-checklist-pane")
        self.score = html_pane("rl-score")
        self.diff = html_pane("rl-diff-pane")
        self.save_row = SaveRow(
            store,
            item.location,
            lambda: self.text.value,
            lesson=self.technique.code,
            on_saved=self._saved,
        )
        on_peer_save(store, self._peer_saved)
        self._throttle = Throttle(self.refresh, interval)
        self.text.observe(lambda _change: self._throttle(), names="value")
        self.refresh()
        label = w.HTML(f"<b>{esc(self.prompt())}</b>")
        self.picker = bullet_picker(item, choices or [], drafts=drafts, on_pick=self.retarget)
        self._choices = {i.location: i for i in choices or []}
        self._pick_items = [item, *(choices or [])]
        super().__init__(
            [
                *([self.picker] if self.picker is not None else []),
                self.original,
                self.note,
                label,
                self.text,
                self.checklist,
                self.score,
                self.diff,
                self.save_row,
            ]
        )
        self.add_class("rl-rewriter")

    def retarget(self, location: str) -> None:
        """Work on another bullet: its text (or its saved draft) replaces the box's."""
        item = self._choices.get(location)
        if item is None or item.location == self.item.location:
            return
        self._throttle.flush()
        self.item = item
        before = self.score_text(item.text)
        self.before_score = before.score
        self.before_bullet = score_bullet(item.text, self.profile)
        self.original.value = _original_html(item, before.elements)
        draft = self.drafts.text(location) if self.drafts is not None else None
        self.started_from = draft if draft is not None else item.text
        self.draft_score = self._draft_score()
        self.elsewhere_before = self._scores(self.started_from)
        self.note.value = (
            styled('<p class="rl-info">This bullet has a saved draft: the box starts from it.</p>')
            if draft is not None and draft != item.text
            else ""
        )
        self.save_row.retarget(location)
        self.text.value = draft if draft is not None else item.text
        self.refresh()

    def _saved(self, location: str, text: str) -> None:
        """After a save, the resume this widget scores against holds the draft: picking another
        bullet then starts from a "before" that includes it, as the note says."""
        with contextlib.suppress(KeyError):  # a place the resume does not have yet
            if self.resume is not None:
                self.resume = with_text(self.resume, location, text)
            if self.whole is not None:
                self.whole = with_text(self.whole, location, text)
        if self.drafts is not None:
            self.drafts.set(location, text, lesson=self.technique.code)
            relabel(self.picker, self._pick_items, self.drafts)

    def _peer_saved(self, location: str, text: str) -> None:
        """Another widget of this page saved a draft (the builder below): score with it."""
        self._saved(location, text)
        if location != self.item.location:
            self.before_score = self.score_text(self.item.text).score
            self.draft_score = self._draft_score()
            self.elsewhere_before = self._scores(self.started_from)
            self.refresh()

    def _scores(self, text: str) -> dict[str, TechniqueResult]:
        """Every technique's resume result with this text in the item's place ({} alone)."""
        if self.whole is None:
            return {}
        try:
            whole = with_text(self.whole, self.item.location, text)
        except KeyError:  # a place the resume does not have yet
            return {}
        return dict(analyze(whole, self.profile).results)

    def _elsewhere(self, text: str) -> str:
        """The other techniques this rewrite moves, said where a learner would not look, with
        the checklist line that moved: a rewrite for T5 that drops a bullet's test duration
        lowers T4, "every test says how long it ran"."""
        now = self._scores(text)
        before = self.elsewhere_before
        moved = [
            (code, before[code], result)
            for code, result in now.items()
            if code != self.technique.code and code in before and result.score != before[code].score
        ]
        if not moved:
            return ""
        cells = " · ".join(
            f"{esc(code)} {was.score} → <b>{now.score}</b> "
            f"{'▲' if now.score > was.score else '▼'}{_moved_line(was, now)}"
            for code, was, now in moved
        )
        return (
            f'<p class="rl-elsewhere">This rewrite also changes your resume on other '
            f"techniques: {cells}</p>"
        )

    def _draft_score(self) -> int | None:
        """The score of the saved draft the box starts from, when it is not the original."""
        if self.started_from == self.item.text:
            return None
        return self.score_text(self.started_from).score

    def _new_facts(self, text: str) -> str:
        """The figures and tools this text adds that the resume never showed: a warning."""
        self.current_new_facts, html = new_facts_html(
            text, self.item, self.started_from, self.whole, self.profile
        )
        return html

    def prompt(self) -> str:
        return f"Your rewrite ({self.technique.code}: {self.technique.title.lower()})"

    def score_text(self, text: str) -> ItemScore:
        return score_item(
            text,
            self.item.kind,
            self.technique,
            self.profile,
            resume=self.resume,
            location=self.item.location,
        )

    def refresh(self) -> None:
        """Recompute the feedback for the current text (the throttle calls this while typing)."""
        text = self.text.value
        scored = self.score_text(text)
        self.checklist.value = styled(
            f"<p><b>{esc(self.technique.code)} checklist</b></p>"
            + points_checklist_html(scored.checklist, scored.findings)
        )
        bullet = ""
        if self.item.kind == "bullet":
            self.current_bullet = score_bullet(text, self.profile)
            bullet = bullet_score_html(self.before_bullet, self.current_bullet)
        lit = highlight_html(text, scored.elements)
        self.score.value = styled(
            score_change_html(
                self.technique.code,
                scored.scope,
                self.before_score,
                scored.score,
                draft=self.draft_score,
            )
            + self._new_facts(text)
            + self._elsewhere(text)
            + bullet
            + lit
            + legend_for(lit)
        )
        self.diff.value = styled(_diff_html(self.item.text, text))
        self.current_score = scored.score
        self.current_missing = [c.label for c in scored.missing]

    def save(self) -> bool:
        self._throttle.flush()
        return self.save_row.save()


def _moved_line(was: TechniqueResult, now: TechniqueResult) -> str:
    """ " (summary names the scale)": the checklist line that moved most, to say why."""
    earned = {c.key: c.earned for c in was.checklist}
    changes = [(abs(c.earned - earned.get(c.key, 0.0)), c.label) for c in now.checklist]
    size, label = max(changes, default=(0.0, ""))
    return f" <small>({esc(label)})</small>" if size else ""


def _original_html(item: Item, elements: list[Element]) -> str:
    """The item as the resume has it, highlighted, with its legend."""
    where = f"{esc(item.location)}" + (f" — {esc(item.role)}" if item.role else "")
    lit = highlight_html(item.text, elements)
    return styled(
        f"<p><b>Your original</b> ({where})</p>"
        + lit
        + (legend_for(lit) or "<p><em>No elements found yet.</em></p>")
    )


def _diff_html(before: str, after: str) -> str:
    """A word diff; when most words changed, a note instead (both versions are shown above)."""
    kept = difflib.SequenceMatcher(None, before.split(), after.split()).ratio()
    if before.strip() and kept < READABLE_DIFF:
        return (
            f'<p class="rl-rewrote">What changed: you rewrote most of it ({round(100 * kept)}% of '
            "the words kept); compare your original above with the highlighted rewrite.</p>"
        )
    return "<p>What changed:</p>" + word_diff_html(before, after)


class SummaryRewriter(BulletRewriter):
    """The T1 exercise: rewrite the summary to name domain, system type, scale and a result."""

    def __init__(
        self, item: Item, store: DraftsFile, *, draft: str | None = None, **kwargs: object
    ) -> None:
        if item.kind != "summary":
            raise ValueError(f"{item.location} is not the summary")
        super().__init__(item, "T1", store, draft=draft, **kwargs)  # type: ignore[arg-type]
        self.add_class("rl-summary-rewriter")

    def prompt(self) -> str:
        return "Your summary: domain, system type, scale and one measured result"


def empty_item(location: str, kind: str = "bullet") -> Item:
    """A blank item, for a resume that has no summary (or no bullets) yet."""
    return Item(location, kind, "", "")  # type: ignore[arg-type]


__all__ = ["BulletRewriter", "SummaryRewriter", "empty_item"]
