"""The skills sorter (T7): sort the skills block into pipeline-stage groups and watch T7.

Each entry has a dropdown (move it to a group, or drop it) and, for a compound entry such as
"SQL (Hive/Presto)", a Split button; each group has a name box (rename it). The T7 checklist
of the whole resume, with the points each line earned and lost and the entries no bullet
shows, follows every edit, with the score before → now. Give it the resume with the learner's
bullet drafts applied: a saved bullet that names a tool is what shows it in use.
"""

from __future__ import annotations

import math

import ipywidgets as w

from ...core.analyze import analyze
from ...core.drafts import DraftsFile
from ...core.findings import TechniqueResult
from ...core.model import Resume, Skill
from ...core.profile import DEFAULT_PROFILE, load_profile
from ...core.skills import compound_parts, is_pipeline_tool, misplaced
from ...core.techniques import get_technique
from ...core.techniques.t7_skills_by_stage import UNUSED_SHARE
from ...present.render import esc
from ..skills_sort import DROP, SkillsSort, unshown_in
from ._common import SaveRow, html_pane, styled
from ._throttle import Throttle


def _pts(x: float) -> str:
    return f"{x:g}"


class SkillsSorter(w.VBox):
    """The learner's skills block as entries in groups; T7's checklist follows each edit."""

    def __init__(
        self,
        resume: Resume,
        store: DraftsFile,
        *,
        draft: str | None = None,
        profile: str = DEFAULT_PROFILE,
    ) -> None:
        self.resume, self.profile = resume, profile
        self.sort = SkillsSort.start(resume, load_profile(profile), draft)
        self.before_score = analyze(resume, profile, (get_technique("T7"),)).scores["T7"]
        self.result: TechniqueResult | None = None
        self.score = self.before_score
        self.choices: dict[str, w.Dropdown] = {}
        self.split_buttons: dict[str, w.Button] = {}
        self.names: dict[str, w.Text] = {}
        self.header = html_pane("rl-skills-score")
        self.checklist = html_pane("rl-skills-checklist")
        self.block = html_pane("rl-skills-block")
        self.unshown = html_pane("rl-unshown")
        self.groups_box = w.VBox()
        self.entries_box = w.GridBox(
            layout=w.Layout(grid_template_columns="repeat(auto-fill, minmax(26rem, 1fr))")
        )
        self.add_box = w.Text(
            placeholder="a tool a bullet shows you using, e.g. Feast",
            description="Add a tool",
            layout=w.Layout(width="26rem"),
            style={"description_width": "6rem"},
        )
        self.add_button = w.Button(description="Add", icon="plus", layout=w.Layout(width="6rem"))
        self.add_button.on_click(lambda _b: self._on_add())
        self.add_status = html_pane("rl-add-status")
        self.tips = html_pane("rl-skills-tips")
        self.save_row = SaveRow(store, "skills", self.text, lesson="T7")
        self._throttle = Throttle(self.refresh, 0.08)
        self._shape: tuple = ()
        self._known: list[str] = []  # every group shown so far, in its place
        self._build()
        self.refresh()
        help_ = html_pane(
            "rl-skills-help",
            styled(
                _suggested_note(resume, self.sort.entries if draft is None else {})
                + "<p>Rename a group in its box (press Enter), move an entry with its dropdown or "
                f"choose <code>{esc(DROP)}</code>, and press <b>Split</b> to turn a compound "
                "entry such as <code>SQL (Hive/Presto)</code> into separate entries. A tool "
                "your bullets show but the block leaves out (the checklist names it, under "
                "<code>T706</code>) goes in with <b>Add</b>.</p>"
            ),
        )
        super().__init__(
            [
                self.header,
                self.checklist,
                help_,
                self.groups_box,
                self.entries_box,
                w.HBox([self.add_box, self.add_button, self.add_status]),
                self.tips,
                self.block,
                self.unshown,
                self.save_row,
            ]
        )
        self.add_class("rl-skills-sorter")

    # --- the learner's edits, also callable from code -------------------------------------
    def move(self, entry: str, group: str) -> None:
        self.sort.move(entry, group)
        self._changed()

    def drop(self, entry: str) -> None:
        self.move(entry, DROP)

    def rename(self, old: str, new: str) -> bool:
        done = self.sort.rename(old, new)
        if done:  # the row keeps its place under its new name (or goes, merged into another)
            merged = new in self._known
            self._known = [new if g == old else g for g in self._known if g != old or not merged]
        self._changed()
        return done

    def split(self, entry: str) -> list[str]:
        added = self.sort.split(entry)
        self._changed()
        return added

    def add(self, entry: str) -> str:
        """Add a tool to the block (see ``SkillsSort.add``); returns its group or ''."""
        group = self.sort.add(entry)
        if group:
            self._changed()
        return group

    def _on_add(self) -> None:
        entry = self.add_box.value.strip()
        group = self.add(entry)
        if group:
            self.add_box.value = ""
            self.add_status.value = styled(
                f'<span class="rl-ok">Added {esc(entry)} to {esc(group)}: move it if it belongs '
                "elsewhere.</span>"
            )
        elif entry:
            self.add_status.value = styled(
                f'<span class="rl-miss">{esc(entry)} is already in your skills.</span>'
            )

    def assignment(self) -> dict[str, str]:
        return dict(self.sort.entries)

    def text(self) -> str:
        return self.sort.text()

    # --- widgets --------------------------------------------------------------------------
    def _changed(self) -> None:
        self._build()
        self._throttle()

    def _build(self) -> None:
        """Make the name boxes and entry rows again when the groups or entries changed."""
        # the groups shown: those in use, and those emptied since the sorter opened, each in its
        # place, so that dropping a group's last entry moves no row and no option
        in_use = self.sort.groups()
        self._known += [g for g in in_use if g not in self._known]
        options = list(dict.fromkeys([*self._known, *self.sort.options()]))
        shape = (tuple(self.sort.entries), tuple(self._known), tuple(in_use), tuple(options))
        if shape == self._shape:
            for entry, dropdown in self.choices.items():  # a move made from code
                if dropdown.value != self.sort.entries[entry]:
                    dropdown.value = self.sort.entries[entry]
            return
        self._shape = shape
        self.names = {}
        rows = []
        for group in self._known:
            box = w.Text(
                value=group,
                description="Group",
                continuous_update=False,
                disabled=group not in in_use,
                layout=w.Layout(width="22rem"),
                style={"description_width": "4rem"},
            )
            box.observe(lambda c, old=group: self._on_rename(old, c["new"]), names="value")
            self.names[group] = box
            badge = (
                self._stage_badge(group)
                if group in in_use
                else '<span class="rl-info" style="margin-left:0.5rem">empty: left out of the '
                "block; move an entry here to keep it</span>"
            )
            rows.append(w.HBox([box, html_pane("rl-stage", badge)]))
        self.groups_box.children = rows
        self.choices, self.split_buttons = {}, {}
        cells = []
        for entry, group in self.sort.entries.items():
            dropdown = w.Dropdown(
                options=options if group in options else [group, *options],
                value=group,
                description=entry,
                style={"description_width": "11rem"},
                layout=w.Layout(width="24rem"),
            )
            dropdown.observe(lambda c, e=entry: self._on_move(e, c["new"]), names="value")
            self.choices[entry] = dropdown
            parts: list[w.Widget] = [dropdown]
            if compound_parts(entry):
                button = w.Button(description="Split", layout=w.Layout(width="5rem"))
                button.on_click(lambda _b, e=entry: self.split(e))
                self.split_buttons[entry] = button
                parts.append(button)
            cells.append(w.HBox(parts))
        self.entries_box.children = cells

    def _on_move(self, entry: str, group: str) -> None:
        if self.sort.entries.get(entry) != group:
            self.move(entry, group)

    def _on_rename(self, old: str, new: str) -> None:
        if not self.rename(old, new) and old in self.names:
            self.names[old].value = old  # an empty name, or one the block cannot hold

    def _stage_badge(self, group: str) -> str:
        stage = self.sort.stage(group)
        if stage == "languages":
            # a pipeline tool filed under Languages still needs a bullet (pandas is a library)
            tools = [
                e
                for e, g in self.sort.entries.items()
                if g == group and is_pipeline_tool(e, self.sort.profile)
            ]
            text, css = (
                (
                    f"languages need no bullet, but {', '.join(tools)} are tools: move them",
                    "rl-miss",
                )
                if tools
                else ("languages: no bullet needed", "rl-ok")
            )
        elif stage:
            held = Skill(
                name=group, keywords=[e for e, g in self.sort.entries.items() if g == group]
            )
            astray = misplaced(held, stage, self.sort.profile)
            text, css = (
                (f"the {stage} stage, but {', '.join(astray)} serve another", "rl-miss")
                if astray
                else (f"the {stage} stage", "rl-ok")
            )
        else:
            text, css = "not a pipeline stage: rename it or move its entries", "rl-miss"
        return f'<span class="{css}" style="margin-left:0.5rem">{esc(text)}</span>'

    # --- T7 on the whole resume, after each edit ------------------------------------------
    def refresh(self) -> None:
        skills = self.sort.skills()
        _, result = self.sort.scored(self.resume)
        self.result, self.score = result, result.score
        self.header.value = styled(
            f"<p><b>T7 resume score</b> (your whole resume, with your saved bullet drafts): "
            f"before sorting <b>{self.before_score}</b> → "
            f'now <b class="rl-now">{result.score}</b>/100</p>'
        )
        lines = "".join(
            f'<li class="{"rl-ok" if c.passed else "rl-miss"}">{"✔" if c.passed else "✘"} '
            f"{esc(c.label)}: <b>{_pts(c.earned)}</b> of {_pts(c.points)} points"
            + ("" if c.passed else f" (−{_pts(c.lost)})")
            + "</li>"
            for c in result.checklist
        )
        costs = "".join(
            f"<li><code>{esc(f.code)}</code> {esc(f.message)} <em>{esc(f.suggestion)}</em> "
            f"(−{_pts(f.points)})</li>"
            for f in result.costs
        )
        self.checklist.value = styled(
            f'<ul class="rl-checklist" style="list-style:none;padding-left:0">{lines}</ul>'
            + (f'<p><b>What costs points</b></p><ul class="rl-costs">{costs}</ul>' if costs else "")
        )
        rows = "".join(
            f"<tr><th>{esc(s.name)}</th><td>{esc(', '.join(s.keywords))}</td></tr>" for s in skills
        )
        dropped = self.sort.dropped()
        self.block.value = styled(
            f'<p><b>Your skills block</b></p><table class="rl-table">{rows}</table>'
            + (f"<p>Dropped: {esc(', '.join(dropped))}</p>" if dropped else "")
        )
        tips = [f for f in result.findings if f.is_tip]
        self.tips.value = (
            styled(
                "<p><b>Tips</b> (no points):</p><ul>"
                + "".join(
                    f"<li><code>{esc(f.code)}</code> {esc(f.message)} <em>{esc(f.suggestion)}</em>"
                    "</li>"
                    for f in tips
                )
                + "</ul>"
            )
            if tips
            else ""
        )
        missing = self.unshown_entries()
        self.unshown.value = styled(
            "<p>Every tool you kept appears in a bullet.</p>"
            if not missing
            else "<p><b>No bullet shows you using:</b> "
            + ", ".join(f"<code>{esc(t)}</code>" for t in missing)
            + ". Mention each in the bullet where you used it, or drop it.</p>"
            + self._share_note()
        )

    def _share_note(self) -> str:
        """What each unshown tool costs: the same share of the line, given back when it goes,
        once fewer are left than lose the whole line."""
        assert self.result is not None
        prices = [f.points for f in self.result.costs if f.code == "T704"]
        if not prices:
            return ""
        line = next(c for c in self.result.checklist if c.key == "used")
        each = line.points * UNUSED_SHARE
        whole = math.ceil(round(1 / UNUSED_SHARE, 9))  # this many unshown lose the whole line
        if len(prices) <= whole:
            return (
                f"<p>Each of these costs <b>{_pts(each)}</b> points of the line “every tool "
                "shown in use”: drop one, or show it in a bullet, and you get those points "
                "back.</p>"
            )
        spare = len(prices) - whole
        return (
            f"<p>Each unshown tool costs <b>{_pts(each)}</b> points of the line “every tool shown "
            f"in use”, and {whole} of them lose the whole line. You have {len(prices)}: the "
            f"first {spare} you drop or show give nothing back yet, and each one after that "
            f"gives back {_pts(each)}. The {_pts(prices[0])} beside each finding is its share of "
            "the points lost now.</p>"
        )

    def unshown_entries(self) -> list[str]:
        """The kept entries T7 finds no bullet showing, as the checklist counts them."""
        assert self.result is not None
        return unshown_in(self.result, self.sort.skills())


def _suggested_note(resume: Resume, entries: dict[str, str]) -> str:
    """What the sorter's first suggestion changed in the block as written, said before any
    edit: nothing is saved until the learner presses Save."""
    written = {}
    for group in resume.skills:
        for keyword in group.keywords:
            written.setdefault(keyword.strip(), group.name.strip())
    moved = [(t, g) for t, g in entries.items() if t in written and written[t] != g]
    if not moved:
        return ""
    shown = ", ".join(f"{esc(t)} → {esc(g)}" for t, g in moved[:6])
    more = f" and {len(moved) - 6} more" if len(moved) > 6 else ""
    return (
        '<p class="rl-suggested"><b>A first suggestion, not your edit:</b> the sorter starts '
        f"with {len(moved)} entr{'y' if len(moved) == 1 else 'ies'} moved to the stage group "
        f"the kit knows {'it' if len(moved) == 1 else 'them'} by ({shown}{more}); "
        "“before sorting” is your block as written. Move them back if they belong where you "
        "had them; nothing is saved until you press Save.</p>"
    )
