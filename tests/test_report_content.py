"""The report's numbers are the kit's numbers, and it reads as an annotated resume.

Technique scores are ``analyze(...).scores`` (what ``check`` prints), a bullet's score is
``score_bullet`` (what ``explain`` prints), repeated findings are told once, the next actions
are the techniques that lose the most points, and each chart says in words what it draws.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import pytest
from support.reports import small_resume, write_yaml

from resume_lessons import load_resume_with_warnings
from resume_lessons.cli import main
from resume_lessons.core.analyze import analyze
from resume_lessons.core.bullet_score import score_bullet
from resume_lessons.core.drafts import apply_drafts, load_drafts
from resume_lessons.core.findings import Finding
from resume_lessons.core.techniques import CODES
from resume_lessons.present import report_content as rv

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
BEFORE, DRAFTS = EXAMPLES / "alex_before.yaml", EXAMPLES / "alex_before.drafts.yaml"
ALT = re.compile(r'<img [^>]*alt="([^"]*)"')


@pytest.fixture(scope="module")
def alex() -> rv.ReportData:
    return rv.build_report(load_resume_with_warnings(BEFORE), str(DRAFTS))


@pytest.fixture(scope="module")
def alex_alone() -> rv.ReportData:
    return rv.build_report(load_resume_with_warnings(BEFORE))


def _text(html: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", html))


# ---- the numbers -----------------------------------------------------------------------------


def test_rewrite_scores_are_the_bullet_score_and_the_summary_t1(alex: rv.ReportData) -> None:
    items = rv.rewrites(alex)
    bullets = [r for r in items if r.kind == "bullet"]
    assert bullets and len(bullets) == len(items) - 1
    for r in bullets:
        assert r.before_score == score_bullet(r.before).score, r.location
        assert r.after_score == score_bullet(r.after).score, r.location
    summary = items[0]
    assert summary.kind == "summary"
    assert (summary.before_score, summary.after_score) == (
        alex.before.scores["T1"],
        alex.after.scores["T1"],
    )
    assert not hasattr(rv, "formula_score")
    html = rv.rewrites_html(alex)
    for r in bullets:
        assert f"After — score {r.after_score}<" in html


def test_technique_scores_are_analyze_and_check(alex: rv.ReportData, capsys) -> None:
    loaded = load_resume_with_warnings(BEFORE)
    drafted, _ = apply_drafts(loaded.resume, load_drafts(DRAFTS))
    after, before = analyze(drafted).scores, analyze(loaded.resume).scores
    assert alex.after.scores == after and alex.before.scores == before
    for v in rv.verdicts(alex):
        assert v.score == after[v.code] and v.before == before[v.code]
        assert f": {after[v.code]}/100" in v.line
    assert f"<b>{after['overall']}</b>/100" in rv.header_html(alex)

    assert main(["check", str(BEFORE), "--format", "json"]) == 0
    checked = json.loads(capsys.readouterr().out)["scores"]
    alone = rv.build_report(loaded)
    assert alone.after.scores == checked
    assert [v.score for v in rv.verdicts(alone)] == [checked[c] for c in CODES]


# ---- the annotated resume --------------------------------------------------------------------


def test_the_whole_resume_appears_with_a_note_on_each_item(alex_alone: rv.ReportData) -> None:
    resume = alex_alone.after.resume
    html = rv.annotated_resume_html(alex_alone)
    text = _text(html)
    assert " ".join(resume.basics.summary.split()) in " ".join(text.split())
    for job in resume.work:
        assert f"{job.position}, {job.name}" in text
    for item in alex_alone.after.items:
        if item.kind == "bullet":
            rated = score_bullet(item.text)
            assert item.text in text
            assert f"Bullet score {rated.score}" in text
    for group in resume.skills:
        assert all(k in text for k in group.keywords)
    assert all(p.name in text for p in resume.publications)
    assert resume.education[0].institution in text
    bullets = sum(i.kind == "bullet" for i in alex_alone.after.items)
    # summary + bullets + the skills block + each publication
    assert html.count('class="rl-entry"') == 1 + bullets + 1 + len(resume.publications)
    assert html.count("data-element=") > 5  # the elements are highlighted
    assert "What works:" in text and "What is missing:" in text
    # every finding is shown somewhere, by its rule code
    assert all(f"({f.code})" in text for f in alex_alone.after.findings)


def test_a_bullet_note_says_what_works_what_is_missing_and_what_costs(
    alex_alone: rv.ReportData,
) -> None:
    item = alex_alone.after.item("work[0].highlights[2]")  # "Helped with A/B testing…"
    rated = rv.bullet_score(alex_alone.after, item)
    note = _text(rv.bullet_note_html(rated, alex_alone.after.findings_at(item.location)))
    assert all(p.label in note for p in rated.shown)
    assert all(p.question in note for p in rated.missing[: rv.MISSING_SHOWN])
    for f in alex_alone.after.findings_at(item.location):
        assert f"costs {rv.points_text(f.points)} point" in note and f.code in note


def test_html_in_a_bullet_cannot_break_the_page(tmp_path: Path) -> None:
    bullet = "Built </div><img src=x onerror=alert(1)> a <b>ranker</b> & shipped it."
    resume = write_yaml(tmp_path / "h.yaml", small_resume("H", [bullet], summary="<i>x</i>"))
    data = rv.build_report(load_resume_with_warnings(resume))
    html = rv.annotated_resume_html(data)
    assert "<img" not in html and "</div><img" not in html and "<b>ranker" not in html
    assert bullet in _text(html)
    assert html.count("<div") == html.count("</div>")


# ---- findings told once ----------------------------------------------------------------------


def test_repeated_findings_are_one_finding_naming_the_items(alex_alone: rv.ReportData) -> None:
    t704 = alex_alone.after.findings_for("T7")
    unused = [f for f in t704 if f.code == "T704"]
    assert len(unused) > 30
    groups = rv.group_findings(t704)
    assert [g.code for g in groups].count("T704") == 1
    group = next(g for g in groups if g.code == "T704")
    assert len(group.findings) == len(unused)
    assert "PyTorch" in group.message and "Kafka" in group.message
    assert group.message.endswith("are listed as skills but no bullet shows them in use.")
    assert group.points == pytest.approx(sum(f.points for f in unused), abs=0.01)
    assert rv.cost_text(group) == f"costs {rv.points_text(group.points)} points of T7"
    table = rv.open_findings_html(alex_alone)
    assert table.count("<code>T704</code>") == 1
    assert _text(rv.annotated_resume_html(alex_alone)).count("(T704)") == 1


def test_each_finding_says_what_it_costs_or_that_it_is_a_tip() -> None:
    cost = Finding("T202", "T2", "work[0].highlights[0]", "“A.” is a duty.", "Fix.", points=2)
    tip = Finding("T202", "T2", "work[0].highlights[1]", "“B.” is a duty.", "Fix.", points=0)
    tips = rv.group_findings([tip, tip])
    assert len(tips) == 1 and tips[0].is_tip and rv.cost_text(tips[0]) == "tip: costs no points"
    both = rv.group_findings([tip, cost])
    assert len(both) == 1 and rv.cost_text(both[0]) == "costs 2 points of T2"
    assert both[0].items == ("“B”", "“A”")
    html = rv.findings_table_html(rv.group_findings([cost]) + tips)
    assert "costs 2 points of T2" in html and "tip: costs no points" in html


# ---- next actions ----------------------------------------------------------------------------


def test_next_actions_are_the_techniques_losing_most_points(alex_alone: rv.ReportData) -> None:
    scores = alex_alone.after.scores
    actions = rv.next_actions(alex_alone)
    lost = sorted((100 - scores[c] for c in CODES if scores[c] < 100), reverse=True)
    assert [100 - a.score for a in actions] == lost[:3]
    for a in actions:  # the points to gain are what the open findings cost
        costs = sum(f.points for f in alex_alone.after.findings_for(a.technique))
        assert a.points == pytest.approx(costs) and a.first
        assert abs(a.points - (100 - a.score)) <= 1


def test_next_actions_skip_techniques_at_100_but_list_every_other(alex: rv.ReportData) -> None:
    below = [c for c in CODES if alex.after.scores[c] < 100]
    actions = rv.next_actions(alex)
    assert [a.technique for a in actions] == below[:3] and len(below) < 3
    assert rv.next_actions_html(alex).count('class="rl-action"') == len(below)


# ---- charts ----------------------------------------------------------------------------------


def test_captions_say_grey_bars_only_when_there_are_drafts(
    alex: rv.ReportData, alex_alone: rv.ReportData
) -> None:
    assert "grey" not in rv.scores_caption(alex_alone).lower()
    assert "grey" not in rv.scores_chart_html(alex_alone).lower()
    assert "draft" not in rv.coverage_caption(alex_alone)
    assert "Grey bars" in rv.scores_caption(alex) and "drafts" in rv.coverage_caption(alex)
    figure = rv.scores_figure(alex_alone)
    assert len(figure.axes[0].containers) == 1  # one set of bars: nothing grey drawn
    assert len(rv.scores_figure(alex).axes[0].containers) == 2


def test_every_chart_has_alt_text_that_says_what_it_shows(
    alex: rv.ReportData, alex_alone: rv.ReportData
) -> None:
    for data in (alex, alex_alone):
        scores_alt = ALT.findall(rv.scores_chart_html(data))
        coverage_alt = ALT.findall(rv.coverage_chart_html(data))
        assert len(scores_alt) == len(coverage_alt) == 1
        alt = html_lib.unescape(scores_alt[0])
        for code in CODES:
            assert f"{code} " in alt and f": {data.after.scores[code]}" in alt
        alt = html_lib.unescape(coverage_alt[0])
        assert "Senior ML Engineer, Spotify" in alt and "training" in alt
    assert "before your drafts 0" in html_lib.unescape(ALT.findall(rv.scores_chart_html(alex))[0])
    assert "No bullet shows features and serving" in rv.coverage_alt(alex_alone)


def test_chart_heading_caption_and_image_stay_together(alex_alone: rv.ReportData) -> None:
    html = rv.scores_chart_html(alex_alone)
    assert html.startswith('<figure class="rl-box rl-chart" style="break-inside:avoid')
    assert '<h3 style="break-after:avoid' in html and "<figcaption" in html
    assert ".rl-chart" in rv.REPORT_STYLE and "break-inside:avoid" in rv.REPORT_STYLE


def test_heat_map_colour_scale_counts_whole_bullets(alex_alone: rv.ReportData) -> None:
    fig = rv.coverage_figure(alex_alone)
    bar = fig.axes[-1]
    ticks = list(bar.get_yticks())
    assert ticks and all(float(t).is_integer() for t in ticks)
    assert ticks[0] == 0 and [t.get_text() for t in bar.get_yticklabels()] == [
        str(int(t)) for t in ticks
    ]
    low, high = bar.get_ylim()
    assert (low, high) == (-0.5, max(max(r) for r in rv_counts(alex_alone)) + 0.5)


def rv_counts(data: rv.ReportData) -> list[list[int]]:
    from resume_lessons.present.plots import coverage_matrix

    return coverage_matrix(data.after)[2]


def test_an_empty_heat_map_still_has_whole_number_ticks() -> None:
    from resume_lessons.present.plots import heatmap

    bar = heatmap([[0, 0]], ["data"], ["a", "b"], counts=True).axes[-1]
    assert list(bar.get_yticks()) == [0, 1]


def test_a_long_role_label_wraps_instead_of_being_cut() -> None:
    from resume_lessons.present.plots import heatmap

    fig = heatmap(
        [[1, 0]], ["data"], ["Senior ML Engineer, FreshRoute Logistics", "ML Engineer, Co"]
    )
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels == ["Senior ML Engineer,\nFreshRoute Logistics", "ML Engineer, Co"]
