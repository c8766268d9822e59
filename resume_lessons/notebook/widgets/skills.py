"""The skills sorter (T7): put each tool under a pipeline stage, see the block and its gaps."""

from __future__ import annotations

import ipywidgets as w

from ...core.analyze import analyze
from ...core.drafts import DraftsFile, skills_from_text, skills_to_text
from ...core.model import Resume
from ...core.profile import DEFAULT_PROFILE, load_profile
from ...core.techniques import get_technique
from ...present.render import esc
from ..skills_sort import (
    DROP,
    GROUP_ORDER,
    UNSORTED,
    grouped_skills,
    initial_assignment,
    unshown_tools,
)
from ._common import SaveRow, html_pane, styled
from ._throttle import Throttle


class SkillsSorter(w.VBox):
    """One dropdown per tool; the grouped block, the unshown tools and the T7 score follow."""

    def __init__(
        self,
        resume: Resume,
        store: DraftsFile,
        *,
        draft: str | None = None,
        profile: str = DEFAULT_PROFILE,
    ) -> None:
        self.resume, self.profile = resume, profile
        assignment = initial_assignment(resume, load_profile(profile))
        if draft is not None:  # a saved sort wins over the suggestion
            saved = {k: s.name for s in skills_from_text(draft) for k in s.keywords}
            assignment = {t: saved.get(t, DROP) for t in assignment}
        self.before_score = analyze(resume, profile, (get_technique("T7"),)).scores["T7"]
        options = [*GROUP_ORDER, UNSORTED, DROP]
        self.choices: dict[str, w.Dropdown] = {}
        for tool, group in assignment.items():
            self.choices[tool] = w.Dropdown(
                options=options if group in options else [group, *options],
                value=group,
                description=tool,
                style={"description_width": "10rem"},
                layout=w.Layout(width="24rem"),
            )
        self.block = html_pane("rl-skills-block")
        self.unshown = html_pane("rl-unshown")
        self.save_row = SaveRow(store, "skills", self.text)
        self._throttle = Throttle(self.refresh, 0.08)
        for dropdown in self.choices.values():
            dropdown.observe(lambda _c: self._throttle(), names="value")
        self.refresh()
        grid = w.GridBox(
            list(self.choices.values()),
            layout=w.Layout(grid_template_columns="repeat(auto-fill, minmax(24rem, 1fr))"),
        )
        super().__init__([grid, self.block, self.unshown, self.save_row])
        self.add_class("rl-skills-sorter")

    def assignment(self) -> dict[str, str]:
        return {tool: d.value for tool, d in self.choices.items()}

    def text(self) -> str:
        return skills_to_text(grouped_skills(self.assignment()))

    def refresh(self) -> None:
        skills = grouped_skills(self.assignment())
        after = self.resume.model_copy(update={"skills": skills})
        score = analyze(after, self.profile, (get_technique("T7"),)).scores["T7"]
        rows = "".join(
            f"<tr><th>{esc(s.name)}</th><td>{esc(', '.join(s.keywords))}</td></tr>" for s in skills
        )
        self.block.value = styled(
            f"<p><b>Your skills block</b> — T7 score before <b>{self.before_score}</b> → now "
            f'<b class="rl-now">{score}</b></p><table class="rl-table">{rows}</table>'
        )
        kept = [k for s in skills for k in s.keywords]
        missing = unshown_tools(self.resume, kept)
        self.unshown.value = styled(
            "<p>Every tool you kept appears in a bullet.</p>"
            if not missing
            else "<p><b>No bullet shows you using:</b> "
            + ", ".join(f"<code>{esc(t)}</code>" for t in missing)
            + ". Mention each in the bullet where you used it, or drop it.</p>"
        )
