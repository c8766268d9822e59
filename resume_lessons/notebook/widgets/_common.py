"""Pieces every lesson widget shares: the save row and HTML panes carrying the kit's styles."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

import ipywidgets as w

from ...core.drafts import DraftsFile
from ...core.errors import ResumeError
from ...core.locations import Item
from ...present.render import STYLE, esc


def bullet_picker(item: Item, choices: list[Item], label: str = "Bullet") -> w.Dropdown | None:
    """One click to work on another bullet (the current one first); None with nothing to pick."""
    options = [item, *(i for i in choices if i.location != item.location)]
    if len(options) < 2:
        return None
    picker = w.Dropdown(
        options=[(f"{i.location}: {i.text[:70]}", i.location) for i in options],
        value=item.location,
        description=label,
        layout=w.Layout(width="100%"),
    )
    picker.add_class("rl-pick-bullet")
    return picker


def html_pane(css_class: str, value: str = "") -> w.HTML:
    pane = w.HTML(value)
    pane.add_class(css_class)
    return pane


def styled(fragment: str) -> str:
    return f'{STYLE}<div class="rl-box">{fragment}</div>'


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
        super().__init__([self.button, self.status])

    def retarget(self, location: str) -> None:
        """Save to another place from now on; the last save's line was about the old one."""
        self.location = location
        self.status.value = ""

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
        stamp = _dt.datetime.now().strftime("%H:%M:%S")
        self.status.value = (
            f'<span style="color:#2b8a3e">Saved {esc(self.location)} to '
            f"<code>{esc(self.store.path)}</code> at {stamp}.</span>"
        )
        return True
