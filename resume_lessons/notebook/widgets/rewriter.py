"""The bullet (and summary) rewriter: live checklist, score and word diff while typing."""

from __future__ import annotations

import ipywidgets as w

from ...core.analyze import score_item
from ...core.drafts import DraftsFile
from ...core.locations import Item
from ...core.profile import DEFAULT_PROFILE
from ...core.questions import question_for
from ...core.techniques import Technique, get_technique
from ...present.render import checklist_html, esc, highlight_html, legend_for, word_diff_html
from ._common import SaveRow, html_pane, styled
from ._throttle import Throttle

DEFAULT_WANTS = ("action_verb", "quantified_impact")  # what score_item checks when wants=()


class BulletRewriter(w.VBox):
    """Rewrite one item: the original highlighted, a text area, live feedback and Save."""

    def __init__(
        self,
        item: Item,
        technique: Technique | str,
        store: DraftsFile,
        *,
        draft: str | None = None,
        profile: str = DEFAULT_PROFILE,
        interval: float = 0.08,
    ) -> None:
        self.item = item
        self.technique = get_technique(technique) if isinstance(technique, str) else technique
        self.profile = profile
        self.wanted = self.technique.wants or DEFAULT_WANTS
        self.before_score, before_elements, _ = score_item(
            item.text, item.kind, self.technique, profile
        )
        where = f"{esc(item.location)}" + (f" — {esc(item.role)}" if item.role else "")
        lit = highlight_html(item.text, before_elements)
        self.original = html_pane(
            "rl-original",
            styled(
                f"<p><b>Your original</b> ({where})</p>"
                + lit
                + (legend_for(lit) or "<p><em>No elements found yet.</em></p>")
            ),
        )
        self.text = w.Textarea(
            value=draft if draft is not None else item.text,
            placeholder="Write your rewrite here",
            layout=w.Layout(width="100%", height="6em"),
            continuous_update=True,
        )
        self.text.add_class("rl-rewrite")
        self.checklist = html_pane("rl-checklist-pane")
        self.score = html_pane("rl-score")
        self.diff = html_pane("rl-diff-pane")
        self.save_row = SaveRow(store, item.location, lambda: self.text.value)
        self._throttle = Throttle(self.refresh, interval)
        self.text.observe(lambda _change: self._throttle(), names="value")
        self.refresh()
        label = w.HTML(f"<b>{esc(self.prompt())}</b>")
        super().__init__(
            [
                self.original,
                label,
                self.text,
                self.checklist,
                self.score,
                self.diff,
                self.save_row,
            ]
        )
        self.add_class("rl-rewriter")

    def prompt(self) -> str:
        return f"Your rewrite ({self.technique.code}: {self.technique.title.lower()})"

    def refresh(self) -> None:
        """Recompute the feedback for the current text (the throttle calls this while typing)."""
        text = self.text.value
        score, elements, missing = score_item(text, self.item.kind, self.technique, self.profile)
        found = {e.name for e in elements}
        questions = {m: question_for(m) for m in missing}
        self.checklist.value = styled(
            "<p><b>What this technique wants</b></p>"
            + checklist_html(self.wanted, found, questions)
        )
        arrow = "▲" if score > self.before_score else ("▼" if score < self.before_score else "=")
        lit = highlight_html(text, elements)
        self.score.value = styled(
            f'<p>Score for {esc(self.technique.code)}: before <b class="rl-before">'
            f'{self.before_score}</b> → now <b class="rl-now">{score}</b> {arrow}</p>'
            + lit
            + legend_for(lit)
        )
        self.diff.value = styled("<p>What changed:</p>" + word_diff_html(self.item.text, text))
        self.current_score, self.current_missing = score, missing

    def save(self) -> bool:
        self._throttle.flush()
        return self.save_row.save()


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
