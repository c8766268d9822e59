"""A legend lists exactly the elements highlighted in its block: in lessons, widgets and the
report alike; no element without a visible highlight, none highlighted left out."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from resume_lessons import load_resume_with_warnings
from resume_lessons.core.drafts import DraftsFile
from resume_lessons.core.elements import Element, explain
from resume_lessons.core.locations import Item
from resume_lessons.core.techniques import TECHNIQUES
from resume_lessons.notebook.lessons import lesson_setup
from resume_lessons.notebook.widgets import BulletBuilder, BulletRewriter, SummaryRewriter
from resume_lessons.present import report_content as rv
from resume_lessons.present.render import (
    before_after_html,
    color_of,
    highlight_html,
    legend_for,
    legend_html,
)

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
BEFORE, DRAFTS = EXAMPLES / "alex_before.yaml", EXAMPLES / "alex_before.drafts.yaml"
TOKEN = re.compile(
    r'<(?:mark class="rl-el" data-element|span class="rl-chip" data-legend)="([^"]*)"'
)


def legends_agree(page: str) -> int:
    """Walk the page in order: each legend must name exactly the elements highlighted since
    the previous legend, each once, and no highlight may be left without a legend. Returns
    how many legends there were."""
    pending: set[str] = set()
    legend: list[str] | None = None
    count = 0
    for m in TOKEN.finditer(page):
        name = html.unescape(m.group(1))
        if m.group(0).startswith("<mark"):
            if legend is not None:  # the previous legend is complete
                assert sorted(legend) == sorted(pending) and len(set(legend)) == len(legend)
                pending, legend, count = set(), None, count + 1
            pending.add(name)
        else:
            legend = [*(legend or []), name]
    if legend is not None:
        assert sorted(legend) == sorted(pending) and len(set(legend)) == len(legend)
        pending, count = set(), count + 1
    assert not pending, f"highlighted with no legend: {pending}"
    return count


def chips(fragment: str) -> list[str]:
    return re.findall(r'data-legend="([^"]*)"', fragment)


# ---- the legend itself -----------------------------------------------------------------


def test_legend_names_what_is_shown_not_what_was_found() -> None:
    text = "Cut p99 latency from 80 to 35 ms by replacing the ranker with a two-tower model."
    found = explain(text, "bullet")
    assert {"quantified_impact", "model_type"} <= {e.name for e in found}
    lit = highlight_html(text, found, only=["model_type"])
    assert chips(legend_for(lit)) == ["model_type"]
    # Spans that cover no character of the text show nothing, so the legend leaves them out.
    ghosts = [Element("scale", 3, 3, ""), Element("decision", 500, 510, "x")]
    lit = highlight_html(text, [*ghosts, found[0]])
    assert chips(legend_for(lit)) == [found[0].name]
    assert legend_for(highlight_html(text, ghosts)) == "" == legend_for()


def test_overlapping_elements_are_all_in_the_legend_with_a_note_on_the_lines() -> None:
    text = "Raised search conversion by 4%."
    both = [Element("business_impact", 0, 24, ""), Element("quantified_impact", 14, 30, "")]
    legend = legend_for(highlight_html(text, both))
    assert sorted(chips(legend)) == ["business_impact", "quantified_impact"]
    assert "one line under it per part" in legend
    assert "one line under it per part" not in legend_for(highlight_html(text, both[:1]))


def test_weak_spots_are_listed_apart_and_drawn_as_on_the_page() -> None:
    text = "Responsible for the ranking model that lifted CTR by 12%."
    legend = legend_for(highlight_html(text, explain(text, "bullet")))
    strengths, weak = legend.split("To fix:")
    assert "Highlighted:" in strengths and chips(weak) == ["weak_opening"]
    assert "weak_opening" not in chips(strengths) and "quantified_impact" in chips(strengths)
    for name in chips(legend):
        chip = re.search(rf'data-legend="{re.escape(name)}" style="([^"]*)"', legend).group(1)  # type: ignore[union-attr]
        assert f"background:{color_of(name)}" in chip
        assert ("wavy" in chip) == (name == "weak_opening")


def test_legend_chips_are_escaped_and_in_table_order() -> None:
    assert legend_html([]) == ""
    out = legend_html(["weak_opening", "scale", "action_verb", "scale", "<b>odd</b>"])
    assert "<b>" not in out and "&lt;b&gt;odd&lt;/b&gt;" in out
    assert chips(out) == ["scale", "action_verb", "&lt;b&gt;odd&lt;/b&gt;", "weak_opening"]
    lit = highlight_html(
        "Built search for 20M users.",
        [Element("scale", 17, 20, ""), Element("action_verb", 0, 5, "")],
    )
    assert chips(legend_for(lit)) == ["action_verb", "scale"]  # table order, not text order


def test_before_and_after_each_have_the_legend_of_their_own_parts() -> None:
    before, after = "Worked on ranking.", "Cut p99 latency by 30 ms with a two-tower model."
    block = before_after_html(before, after, explain(before), explain(after))
    assert legends_agree(block) == 2  # one per column: an After legend lists no Before part
    before_col, after_col = block.split("<h4>After")
    assert "weak_opening" in chips(before_col) and "weak_opening" not in chips(after_col)
    assert "model_type" in chips(after_col)


# ---- where legends appear --------------------------------------------------------------


@pytest.fixture(scope="module")
def alex() -> rv.ReportData:
    return rv.build_report(load_resume_with_warnings(BEFORE), str(DRAFTS))


def test_the_report_has_a_legend_under_every_rewrite(alex: rv.ReportData) -> None:
    section = rv.rewrites_html(alex)
    blocks = section.count('class="rl-box rl-before-after"')
    assert blocks == len(rv.rewrites(alex)) > 0
    assert legends_agree(section) == 2 * blocks  # Before and After each have their legend
    assert not re.search(r"\b(?:src|href)\s*=", section)  # nothing fetched: stays offline


@pytest.mark.parametrize("code", [t.code for t in TECHNIQUES])
def test_every_lesson_page_with_highlights_has_matching_legends(code: str, tmp_path: Path) -> None:
    drafts = tmp_path / "drafts.yaml"
    shutil.copy(DRAFTS, drafts)
    lesson = lesson_setup(BEFORE, drafts, "alex", technique=code)
    pages = [lesson.strong_example(), lesson.weak_vs_strong(), lesson.your_resume()]
    pages.append(lesson.saved_drafts())
    total = sum(legends_agree(p.html) for p in pages)
    assert total or code == "T6"  # T6's examples and resume part are publications lists


@pytest.fixture
def store(tmp_path: Path) -> DraftsFile:
    return DraftsFile(tmp_path / "drafts.yaml", BEFORE)


def test_widget_panes_list_what_they_highlight(store: DraftsFile) -> None:
    item = Item("work[0].highlights[2]", "bullet", "Responsible for A/B testing of new models.", "")
    rw = BulletRewriter(item, "T4", store)
    assert legends_agree(rw.original.value) == 1
    rw.text.value = "Lifted CTR by 12% in a 3-week A/B test on 5% of traffic with early stopping."
    assert legends_agree(rw.score.value) == 1
    assert "traffic_share" in chips(rw.score.value)
    rw.text.value = "."
    assert legends_agree(rw.score.value) == 0 and 'class="rl-legend"' not in rw.score.value
    b = BulletBuilder("work[0].highlights[1]", "T3", store)
    b.stage.value = "serving"
    b.fields["metric"].value = "CTR"
    assert legends_agree(b.composed.value) == 1
    summary = Item("basics.summary", "summary", "Passionate, results-driven engineer.", "")
    sr = SummaryRewriter(summary, store)
    assert chips(sr.original.value) == ["generic_adjective"]


def test_an_item_with_nothing_found_says_so_instead_of_an_empty_legend(store: DraftsFile) -> None:
    rw = BulletRewriter(Item("work[0].highlights[2]", "bullet", ".", ""), "T4", store)
    assert (
        "No elements found yet" in rw.original.value
        and 'class="rl-legend"' not in rw.original.value
    )
