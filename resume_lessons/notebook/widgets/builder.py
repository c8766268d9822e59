"""The slot-based bullet builder: fill in the parts, see the bullet composed and analysed."""

from __future__ import annotations

import contextlib

import ipywidgets as w

from ...core.analyze import score_item
from ...core.bullet_score import score_bullet
from ...core.drafts import DraftsFile
from ...core.locations import Item, get_text, with_text
from ...core.model import Resume
from ...core.profile import DEFAULT_PROFILE
from ...core.techniques import Technique, get_technique
from ...present.render import esc, highlight_html, legend_for
from ...present.score_view import bullet_score_html, points_checklist_html, score_change_html
from ..compose import STAGE_PHRASES, Slots, compose_bullet
from ._common import SaveRow, bullet_picker, html_pane, on_peer_save, styled
from ._throttle import Throttle

FIELDS = (
    ("decision", "Decision", "replaced a gradient boosted tree ranker with a two-tower model"),
    ("model_type", "Model type", "two-tower retrieval model"),
    ("metric", "Metric", "home feed CTR"),
    ("magnitude", "Magnitude", "12%"),
    ("scale", "Scale", "500M+ users"),
    ("experiment", "Experiment", "a 3-week A/B test on 5% of traffic"),
)


class BulletBuilder(w.VBox):
    """Fields for each part of a strong bullet; the composed bullet never gains a number."""

    def __init__(
        self,
        location: str,
        technique: Technique | str,
        store: DraftsFile,
        *,
        profile: str = DEFAULT_PROFILE,
        interval: float = 0.08,
        resume: Resume | None = None,
        replaces: Item | None = None,
        choices: list[Item] | None = None,
    ) -> None:
        self.technique = get_technique(technique) if isinstance(technique, str) else technique
        self.profile = profile
        self.location = location
        # A technique that scores a whole section (T2, T5) shows how this bullet, in its place,
        # changes the resume's score, as the rewriter above it does.
        self.resume = resume if self.technique.scope == "resume" else None
        self.before_score = self._before()
        self.stage = w.Dropdown(
            options=[("(pick the pipeline stage)", "")]
            + [(phrase, key) for key, phrase in STAGE_PHRASES.items() if key],
            description="Stage",
        )
        self.fields: dict[str, w.Text] = {}
        for name, label, example in FIELDS:
            field = w.Text(description=label, placeholder=f"e.g. {example}")
            field.add_class(f"rl-slot-{name}")
            self.fields[name] = field
        self.composed = html_pane("rl-composed")
        self.checklist = html_pane("rl-checklist-pane")
        self.bullet = ""
        self.save_row = SaveRow(store, location, lambda: self.bullet, lesson=self.technique.code)
        on_peer_save(store, self._peer_saved)
        self._throttle = Throttle(self.refresh, interval)
        for control in (self.stage, *self.fields.values()):
            control.observe(lambda _c: self._throttle(), names="value")
        self.refresh()
        self.header = w.HTML(_header(location, replaces))
        # one click to build for another bullet: the place a save replaces, said in the header
        self._choices = {i.location: i for i in choices or []}
        self.picker = (
            bullet_picker(replaces, choices or [], label="Replaces", on_pick=self.retarget)
            if replaces is not None
            else None
        )
        super().__init__(
            [
                self.header,
                *([self.picker] if self.picker is not None else []),
                self.stage,
                *self.fields.values(),
                self.composed,
                self.checklist,
                self.save_row,
            ]
        )
        self.add_class("rl-builder")

    def retarget(self, location: str) -> None:
        """Build for another bullet: the save replaces that one, scored against it."""
        item = self._choices.get(location)
        if item is None or location == self.location:
            return
        self._throttle.flush()
        self.location = location
        self.header.value = _header(location, item)
        self.save_row.retarget(location)
        self.before_score = self._before()
        self.refresh()

    def _before(self) -> int:
        """The score before this bullet: of the place as the resume has it now."""
        if self.resume is None:
            return score_item("", "bullet", self.technique, self.profile).score
        return score_item(
            _text_at(self.resume, self.location),
            "bullet",
            self.technique,
            self.profile,
            resume=self.resume,
            location=self.location,
        ).score

    def _peer_saved(self, location: str, text: str) -> None:
        """Another widget of this page saved a draft: score against the resume that holds it."""
        if self.resume is None:
            return
        with contextlib.suppress(KeyError, IndexError):  # a place the resume does not have
            self.resume = with_text(self.resume, location, text)
        self.before_score = self._before()
        self.refresh()

    def _typed(self) -> bool:
        return bool(self.stage.value) or any(f.value.strip() for f in self.fields.values())

    def slots(self) -> Slots:
        return Slots(stage=self.stage.value, **{k: f.value for k, f in self.fields.items()})

    def refresh(self) -> None:
        self.bullet = compose_bullet(self.slots())
        if not self._typed():
            # nothing built yet: the resume keeps the bullet it has, and its score
            self.score = self.before_score
            change = (
                score_change_html(self.technique.code, "resume", self.before_score, self.score)
                if self.resume is not None
                else ""
            )
            self.composed.value = styled(
                "<p><b>Your bullet</b></p>" + change + '<p class="rl-info">Pick the stage and '
                f"fill in the fields: {esc(self.technique.code)} stays at {self.before_score} "
                "until your bullet takes the place of the one it replaces.</p>"
            )
            self.checklist.value = ""
            return
        scored = score_item(
            self.bullet,
            "bullet",
            self.technique,
            self.profile,
            resume=self.resume,
            location=self.location if self.resume is not None else "",
        )
        lit = highlight_html(self.bullet, scored.elements)
        self.score = scored.score
        if scored.scope == "resume":
            head = "<p><b>Your bullet</b></p>" + score_change_html(
                self.technique.code, scored.scope, self.before_score, scored.score
            )
        else:
            head = (
                f"<p><b>Your bullet</b> — {esc(self.technique.code)} item score {scored.score}</p>"
            )
        self.composed.value = styled(
            head
            + lit
            + legend_for(lit)
            + bullet_score_html(None, score_bullet(self.bullet, self.profile))
        )
        self.checklist.value = styled(points_checklist_html(scored.checklist, scored.findings))


def _text_at(resume: Resume, location: str) -> str:
    """The text the resume has at a bullet's place, or "" for a place it does not have yet."""
    try:
        return get_text(resume, location)
    except KeyError:
        return ""


def _header(location: str, replaces: Item | None) -> str:
    return f"<b>Build a bullet for {esc(location)}</b>" + _replacing(replaces)


def _replacing(item: Item | None) -> str:
    """Which bullet, in which role, a saved build replaces: said before the learner fills it."""
    if item is None:
        return ""
    role = f" in {esc(item.role)}" if item.role else ""
    return (
        f"<br><small>Saving replaces this bullet{role}: “{esc(item.text)}” "
        "(the original stays in your resume file; the draft is what the lessons show).</small>"
    )
