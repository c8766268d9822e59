"""Pieces every lesson widget shares: the save row and HTML panes carrying the kit's styles."""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
import weakref
from collections.abc import Callable

import ipywidgets as w

from ...core.drafts import Drafts, DraftsFile
from ...core.errors import ResumeError
from ...core.locations import Item, with_text
from ...core.model import Resume
from ...core.new_facts import borrowed_figures, borrowed_note, new_facts, new_facts_note
from ...core.profile import load_profile
from ...present.render import STYLE, esc

PICK_CHARS = 90  # of a bullet's text in the picker's list


def _pick_label(item: Item, drafts: Drafts | None) -> str:
    """A bullet as the picker lists it: as the learner left it, a saved draft marked so."""
    draft = drafts.text(item.location) if drafts is not None else None
    text, mark = (draft, " (your saved draft)") if draft and draft != item.text else (item.text, "")
    short = text if len(text) <= PICK_CHARS else text[: PICK_CHARS - 1].rstrip() + "…"
    return f"{item.location}: {short}{mark}"


def _resume_order(item: Item) -> tuple[object, ...]:
    """'work[1].highlights[10]' after 'work[1].highlights[9]': the location's parts, numbers
    as numbers."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", item.location))


def bullet_picker(
    item: Item,
    choices: list[Item],
    label: str = "Bullet",
    drafts: Drafts | None = None,
    on_pick: Callable[[str], None] | None = None,
) -> w.Dropdown | None:
    """One click to work on another bullet (the current one first, the others in the resume's
    order, so the list stays where the learner left it as drafts change which bullet a lesson
    suggests), calling ``on_pick`` with its location; None with nothing to pick."""
    others = sorted((i for i in choices if i.location != item.location), key=_resume_order)
    options = [item, *others]
    if len(options) < 2:
        return None
    picker = w.Dropdown(
        options=[(_pick_label(i, drafts), i.location) for i in options],
        value=item.location,
        description=label,
        layout=w.Layout(width="100%"),
    )
    picker.add_class("rl-pick-bullet")
    picker.rl_quiet = False
    if on_pick is not None:
        picker.observe(
            lambda change: None if picker.rl_quiet else on_pick(change["new"]), names="value"
        )
    return picker


def relabel(picker: w.Dropdown | None, items: list[Item], drafts: Drafts | None) -> None:
    """List the bullets again as the learner has left them (after a save), on the same pick;
    the swap is no pick (``on_pick`` is not called)."""
    if picker is None:
        return
    by_location = {i.location: i for i in items}
    labels = [
        (_pick_label(by_location[v], drafts), v) for _, v in picker.options if v in by_location
    ]
    value = picker.value
    picker.rl_quiet = True
    try:
        picker.options = labels
        picker.value = value
    finally:
        picker.rl_quiet = False


def new_facts_html(
    text: str, item: Item, started: str, resume: Resume | None, profile: str
) -> tuple[list[str], str]:
    """The figures and tools ``text`` adds that the learner never wrote (the original item,
    the draft the box ``started`` from, the rest of the ``resume``), and the warning for them."""
    if resume is not None:  # the resume as it is, with this item as the original has it
        with contextlib.suppress(KeyError, IndexError):
            resume = with_text(resume, item.location, item.text)
    before = f"{item.text}\n{started}"
    facts = new_facts(text, before, resume, load_profile(profile))
    note = new_facts_note(facts)
    html = f'<p class="rl-new-facts">{esc(note)}</p>' if note else ""
    borrowed = borrowed_note(borrowed_figures(text, before, resume, item.location))
    if borrowed:
        html += f'<p class="rl-borrowed-facts">{esc(borrowed)}</p>'
    return facts, html


def html_pane(css_class: str, value: str = "") -> w.HTML:
    pane = w.HTML(value)
    pane.add_class(css_class)
    return pane


def styled(fragment: str) -> str:
    return f'{STYLE}<div class="rl-box">{fragment}</div>'


# The widgets of one drafts file, told when another of them saves: a lesson page shows two
# (the rewriter and the builder of lesson 02), and each scores the resume with the other's
# drafts. Weak references: a widget whose output is cleared is not kept alive.
_PEERS: dict[str, list[weakref.WeakMethod]] = {}


def on_peer_save(store: DraftsFile, callback: Callable[[str, str], None]) -> None:
    """Call ``callback(location, text)`` when another widget saves to this drafts file."""
    _PEERS.setdefault(str(store.path.resolve()), []).append(weakref.WeakMethod(callback))  # type: ignore[arg-type]


def _tell_peers(row: SaveRow, location: str, text: str) -> None:
    """Tell the other widgets of the row's drafts file (not the row's own) of a save."""
    key = str(row.store.path.resolve())
    alive = []
    for ref in _PEERS.get(key, []):
        callback = ref()
        if callback is None:
            continue
        alive.append(ref)
        if getattr(callback.__self__, "save_row", None) is not row:  # type: ignore[attr-defined]
            callback(location, text)
    _PEERS[key] = alive


class SaveRow(w.HBox):
    """A Save button and a status line. The text to save comes from ``get_text`` at click time."""

    def __init__(
        self,
        store: DraftsFile,
        location: str,
        get_text: Callable[[], str],
        lesson: str = "",
        on_saved: Callable[[str, str], None] | None = None,
    ) -> None:
        self.store, self.location, self._get_text = store, location, get_text
        self.lesson = lesson  # recorded with the draft, so other lessons can say where it came from
        self.on_saved = on_saved  # (location, text) after a save: the widget's own view follows
        self.button = w.Button(description="Save draft", icon="save", button_style="primary")
        self.button.add_class("rl-save")
        self.status = html_pane("rl-status")
        self.button.on_click(lambda _b: self.save())
        self.status.value = self._target()
        super().__init__([self.button, self.status])

    def _target(self) -> str:
        """What a click will save over, said before it: the item the picker names."""
        return f'<small class="rl-save-target">Saves as the draft of {esc(self.location)}.</small>'

    def retarget(self, location: str) -> None:
        """Save to another place from now on; the last save's line was about the old one."""
        self.location = location
        self.status.value = self._target()

    def save(self) -> bool:
        """Write the draft; on failure say why and keep the text where it is."""
        text = self._get_text()
        try:
            self.store.save(self.location, text, lesson=self.lesson)
        except (OSError, ResumeError, ValueError) as exc:
            self.status.value = (
                f'<span class="rl-miss" style="color:#c92a2a">Not saved: {esc(exc)}. '
                "Your text is still in the box; the drafts file on disk is unchanged.</span>"
            )
            return False
        if self.on_saved is not None:
            self.on_saved(self.location, text)
        _tell_peers(self, self.location, text)
        stamp = _dt.datetime.now().strftime("%H:%M:%S")
        self.status.value = (
            f'<span style="color:#2b8a3e">Saved {esc(self.location)} to '
            f"<code>{esc(self.store.path)}</code> at {stamp}.</span> Run the cells below "
            "again (your saved drafts, the recap) to see it there."
        )
        return True
