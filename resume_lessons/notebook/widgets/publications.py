"""The publications picker (T6): keep the few papers that back your production story."""

from __future__ import annotations

import ipywidgets as w

from ...core.analyze import analyze
from ...core.drafts import DraftsFile, publications_to_text
from ...core.model import Resume
from ...core.profile import DEFAULT_PROFILE
from ...core.techniques import get_technique
from ...present.render import findings_html
from ...present.score_view import points_checklist_html
from ._common import SaveRow, html_pane, styled


class PublicationPicker(w.VBox):
    """A checkbox per publication; the T6 score and findings follow what is kept."""

    def __init__(
        self,
        resume: Resume,
        store: DraftsFile,
        *,
        draft: str | None = None,
        profile: str = DEFAULT_PROFILE,
    ) -> None:
        self.resume, self.profile = resume, profile
        kept = None if draft is None else {line.strip() for line in draft.splitlines()}
        self.technique = get_technique("T6")
        self.before_score = analyze(resume, profile, (self.technique,)).scores["T6"]
        self.boxes: list[tuple[str, w.Checkbox]] = []
        for p in resume.publications:
            label = f"{p.name} — {p.publisher}" if p.publisher else p.name
            box = w.Checkbox(
                value=kept is None or p.name.strip() in kept,
                description=label,
                indent=False,
                layout=w.Layout(width="100%"),
            )
            box.observe(lambda _c: self.refresh(), names="value")
            self.boxes.append((p.name, box))
        self.result = html_pane("rl-publications-result")
        self.save_row = SaveRow(store, "publications", self.text, lesson="T6")
        self.refresh()
        intro = w.HTML(
            "<b>Untick what does not back your production work.</b>"
            if self.boxes
            else "<p>Your resume lists no publications: that is fine for this role.</p>"
        )
        # With nothing to pick there is nothing to save: no Save button to wonder about.
        rows = [self.save_row] if self.boxes else []
        super().__init__([intro, *(b for _, b in self.boxes), self.result, *rows])
        self.add_class("rl-publication-picker")

    def kept(self) -> list[str]:
        return [name for name, box in self.boxes if box.value]

    def text(self) -> str:
        return publications_to_text(self.kept())

    def refresh(self) -> None:
        names = set(self.kept())
        after = self.resume.model_copy(
            update={"publications": [p for p in self.resume.publications if p.name in names]}
        )
        result = analyze(after, self.profile, (self.technique,)).results["T6"]
        self.result.value = styled(
            f"<p>T6 resume score before <b>{self.before_score}</b> → now "
            f'<b class="rl-now">{result.score}</b> with {len(names)} kept.</p>'
            + points_checklist_html(result.checklist, result.findings)
            + (findings_html(result.findings) if result.findings else "")
        )


__all__ = ["PublicationPicker"]
