"""Lesson 08, tailor to the posting: its widget without a browser, and the notebook run by
papermill on the default posting, another posting and a posting pasted into a .txt file."""

from __future__ import annotations

import html
import re
from pathlib import Path

import ipywidgets as widgets
import pytest
from support.notebooks import NOTEBOOKS, REPO, outputs, run_many

from resume_lessons import load_resume
from resume_lessons.core.analyze import score_item
from resume_lessons.core.drafts import Drafts as DraftSet
from resume_lessons.core.drafts import DraftsFile, apply_drafts, load_drafts, save_drafts
from resume_lessons.core.locations import Item
from resume_lessons.core.tailor import tailor
from resume_lessons.core.techniques import get_technique
from resume_lessons.formats.posting import read_posting
from resume_lessons.notebook.kit import TAILOR, copy_lessons
from resume_lessons.notebook.lessons import LESSON_FILES, lesson_setup
from resume_lessons.notebook.widgets import TailorMatcher

SAMPLES = REPO / "resume_lessons" / "samples"
EXAMPLES, POSTINGS = SAMPLES / "examples", SAMPLES / "postings"
BEFORE = EXAMPLES / "alex_before.yaml"
RECS = POSTINGS / "recommendations_team.yaml"
LESSON = next(name for name, code in LESSON_FILES if code == TAILOR)
# Alex's least relevant bullet for the recommendations posting (last of the first role)...
TARGET = "work[0].highlights[3]"
# ...rewritten to name what the posting asks and the resume never showed.
REWRITE = (
    "Built the Feast feature store that serves two-tower retrieval features to the home feed's "
    "candidate generation."
)
HOSTILE = "Shipped <script>alert(1)</script> and <b>bold</b> ranking & Feast for 5M users."


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.fixture
def lesson(tmp_path: Path):  # type: ignore[no-untyped-def]
    return lesson_setup(BEFORE, tmp_path / "drafts.yaml", "alex", technique=TAILOR)


def test_the_exercise_starts_on_the_bullet_that_shows_least(lesson) -> None:  # type: ignore[no-untyped-def]
    assert lesson.ok and lesson.posting.company == "Northwind Music"
    widget = lesson.exercise()
    assert isinstance(widget, TailorMatcher)
    assert widget.item.location == TARGET
    assert widget.current_rank == 5  # last of its role's five
    assert not widget.found("Feast") and not widget.found("candidate generation")
    missing = re.search(r'<ul class="rl-terms-missing">(.*?)</ul>', widget.terms.value, re.S)
    assert missing and 'data-term="Feast"' in missing.group(1)  # asked, not added
    assert "Have you used Feast?" in _plain(missing.group(1))
    assert widget.questions.value.count("<li ") == 6  # the posting's most asked first


def test_naming_a_missing_term_moves_the_bullet_up_and_marks_it_found(lesson) -> None:  # type: ignore[no-untyped-def]
    widget = lesson.exercise()
    coverage_before = widget.result.scores
    widget.text.value = REWRITE
    assert widget.current_rank == 1
    # the posting's word typed in is the learner's claim: the widget asks to keep it only if true
    assert "Feast" in widget.current_new_facts and "only if it is true" in widget.position.value
    assert 'ranks <b class="rl-rank">1</b> of 5' in widget.position.value
    assert widget.found("Feast") and widget.found("candidate generation")
    found = re.search(r'<ul class="rl-terms-found">(.*?)</ul>', widget.terms.value, re.S)
    assert found and 'data-term="Feast"' in found.group(1)
    assert f"<code>{TARGET}</code> “Feast”" in found.group(1)  # where it is now shown
    missing = re.search(r'<ul class="rl-terms-missing">(.*?)</ul>', widget.terms.value, re.S)
    assert missing is None or 'data-term="Feast"' not in missing.group(1)
    assert 'data-term="Feast"' not in widget.questions.value
    # the match is the same as `tailor` on the resume with the text in place
    again = tailor(widget.tailored_resume(REWRITE), lesson.posting)
    assert widget.result.scores == again.scores
    assert widget.result.scores["T7"] > coverage_before["T7"]
    order = next(o for o in widget.result.orders if o.location == "work[0]")
    assert order.order[0] == 3
    # the highlighted bullet in the order, and the checklists of each area
    assert 'class="rl-ranked rl-focus"' in widget.position.value
    assert 'data-element="tool"' in widget.terms.value
    assert widget.coverage.value.count('class="rl-checklist"') >= 5


def test_picking_another_bullet_reranks_that_one(lesson) -> None:  # type: ignore[no-untyped-def]
    widget = lesson.exercise()
    assert widget.picker is not None
    widget.picker.value = "work[1].highlights[0]"
    assert widget.item.location == "work[1].highlights[0]"
    assert widget.text.value == "Responsible for data pipelines."
    assert widget.save_row.location == "work[1].highlights[0]"


def test_save_writes_the_draft_and_the_lesson_shows_it(lesson, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget = lesson.exercise()
    widget.text.value = REWRITE
    assert widget.save()
    assert "Saved" in widget.save_row.status.value
    assert load_drafts(tmp_path / "drafts.yaml").text(TARGET) == REWRITE
    again = lesson_setup(BEFORE, tmp_path / "drafts.yaml", "alex", technique=TAILOR)
    assert again.exercise(location=TARGET).text.value == REWRITE
    saved = again.saved_drafts().html
    assert REWRITE in _plain(saved)
    assert "Rank in its role: 5 of 5 → <b>1 of 5</b>" in saved
    assert 'class="rl-after-coverage"' in saved
    assert "Feast" in _plain(again.recap().html)


def test_a_save_counts_at_once_in_the_same_widget(lesson) -> None:  # type: ignore[no-untyped-def]
    widget = lesson.exercise()
    widget.text.value = REWRITE
    now = dict(widget.result.scores)
    assert widget.save()
    assert "Saved" in widget.save_row.status.value
    widget.picker.value = "work[0].highlights[0]"  # on to another bullet of the same role
    # the "Saved" line was about the other bullet; the line now names the one a save goes to
    assert "Saved" not in widget.save_row.status.value
    assert "Saves as the draft of" in widget.save_row.status.value
    # the role's order lists the saved text, the saved terms are no longer asked for, and the
    # next rewrite starts from a "before" that holds the saved draft
    assert _plain(REWRITE) in _plain(widget.position.value)
    assert 'data-term="Feast"' not in widget.questions.value
    assert widget.found("Feast")
    assert widget.before.scores == now
    assert f"T7 {now['T7']} → <b>{now['T7']}</b>" in widget.coverage.value
    # and going back shows the saved text as the bullet, not the file's
    widget.picker.value = TARGET
    assert widget.text.value == REWRITE
    assert _plain(REWRITE) in _plain(widget.original.value)


def test_the_summary_is_rewritten_in_the_same_exercise(lesson, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget = lesson.exercise()
    options = [value for _label, value in widget.picker.options]
    assert "basics.summary" in options  # what the lesson tells the summary to lead with
    widget.picker.value = "basics.summary"
    assert widget.text.value == lesson.resume.basics.summary
    t1 = widget.result.scores["T1"]
    lead = widget.result.summary_lead
    assert lead  # the words the posting asks that the bullets already show
    before = re.search(r'class="rl-before">(\d+)<', widget.position.value)
    assert before and "T1 item score" in widget.position.value  # the summary's own score
    widget.text.value = f"ML engineer for {', '.join(lead)}. " + widget.text.value
    assert widget.result.scores["T1"] > t1
    now = re.search(r'class="rl-now">(\d+)<', widget.position.value)
    T1 = get_technique("T1")
    assert now and int(now.group(1)) == score_item(widget.text.value, "summary", T1).score
    assert 'data-line="' in widget.position.value  # with its checklist, as in lesson 01
    assert widget.save()
    assert load_drafts(tmp_path / "drafts.yaml").text("basics.summary") == widget.text.value


def test_a_list_of_the_postings_words_shows_nothing_and_scores_low(lesson) -> None:  # type: ignore[no-untyped-def]
    widget = lesson.exercise()
    widget.text.value = (
        "Leveraged recommendations, candidate generation, two-tower retrieval, PyTorch, Feast, "
        "Spark, Airflow, Kubernetes, A/B tests and guardrail metrics."
    )
    assert "as a list with no work done" in _plain(widget.questions.value)
    assert not widget.found("Feast")  # still asked: the list shows no work with it
    asked = _plain(widget.questions.value)
    assert "Have you used Feast?" in asked and "Every term" not in asked
    assert not any(p.location == TARGET for m in widget.result.matches for p in m.bullets)
    score = re.search(r'class="rl-bullet-now">(\d+)<', widget.position.value)
    assert score and int(score.group(1)) <= 40  # keyword stuffing is a 2 of 5 at most
    widget.text.value = REWRITE
    score = re.search(r'class="rl-bullet-now">(\d+)<', widget.position.value)
    assert score and "as a list" not in widget.questions.value


def test_learner_and_posting_html_stays_text(tmp_path: Path) -> None:
    resume = load_resume(BEFORE)
    resume.work[0].highlights[0] = HOSTILE
    posting = read_posting(RECS)
    posting.title = "<img src=x onerror=alert(1)> Engineer"
    item = Item("work[0].highlights[0]", "bullet", HOSTILE, "Spotify")
    widget = TailorMatcher(resume, posting, DraftsFile(tmp_path / "d.yaml", BEFORE), item)
    widget.text.value = HOSTILE + " <i>again</i>"
    shown = "".join(c.value for c in widget.children if isinstance(c, widgets.HTML))
    assert widget.terms.value in shown and widget.questions.value in shown
    assert "<script>" not in shown and "<b>bold</b>" not in shown and "<i>again" not in shown
    assert "<img" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert widget.save()
    assert load_drafts(tmp_path / "d.yaml").text(item.location) == HOSTILE + " <i>again</i>"


def test_a_posting_that_cannot_be_read_is_an_error_box(tmp_path: Path) -> None:
    bad = tmp_path / "posting.docx"
    bad.write_bytes(b"PK\x03\x04")
    lesson = lesson_setup(BEFORE, tmp_path / "d.yaml", technique=TAILOR, posting_path=bad)
    assert not lesson.ok
    header = lesson.header().html
    assert "rl-error" in header and "This posting cannot be used yet." in header
    assert "posting.docx" in header
    for part in (lesson.your_resume, lesson.exercise, lesson.saved_drafts):
        assert "Fix the resume file" in part().html or "error" in part().html
    assert "Recap" in lesson.recap().html  # the rules still show


def test_the_copied_lessons_open_the_copied_posting(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    done = copy_lessons(tmp_path / "mine")
    assert LESSON in done.written and "postings/recommendations_team.yaml" in done.written
    monkeypatch.chdir(tmp_path / "mine")
    lesson = lesson_setup(technique=TAILOR)
    assert lesson.ok
    assert lesson.posting_path == tmp_path / "mine" / "postings" / "recommendations_team.yaml"


# --- lesson 08 run by papermill -----------------------------------------------------------

PASTED = """Staff ML Engineer, Search Ranking
Company: Example Labs

What you'll do
- Own the search ranking pipeline end to end.
- Run A/B tests with guardrail metrics on latency.
- Serve models in real time on Kubernetes.

Requirements
- Experience with PyTorch and Spark.
"""


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    tmp = tmp_path_factory.mktemp("tailor-lesson")
    cwd = tmp / "elsewhere"
    cwd.mkdir()
    pasted = tmp / "pasted posting.txt"
    pasted.write_text(PASTED, encoding="utf-8")
    priya_drafts = tmp / "priya.yaml"
    drafts = DraftSet()
    drafts.set("work[0].highlights[0]", "Served the fraud model on <b>Kubernetes</b>.", now="2026")
    save_drafts(drafts, priya_drafts)
    inputs = {
        "default": {},
        "other": {
            "resume_path": str(EXAMPLES / "priya_fraud.yaml"),
            "drafts_path": str(priya_drafts),
            "learner_name": "Priya",
            "posting_path": "postings/ml_platform_team.json",
        },
        "pasted": {"posting_path": str(pasted), "drafts_path": str(tmp / "none.yaml")},
        "bad": {"posting_path": str(tmp / "missing.yaml"), "drafts_path": str(tmp / "n.yaml")},
    }
    jobs = [(k, NOTEBOOKS / LESSON, tmp / f"{k}-{LESSON}", p) for k, p in inputs.items()]
    return {run.label: {"run": run, "params": inputs[run.label]} for run in run_many(jobs, cwd, 2)}


def _out(runs: dict, kind: str) -> dict:
    run = runs[kind]["run"]
    assert run.returncode == 0, run.log[-3000:]
    out = outputs(run.output)
    assert not any("error" in data for data in out.values()), out
    return out


@pytest.mark.notebook
@pytest.mark.parametrize(
    "kind,resume,posting",
    [
        ("default", BEFORE, RECS),
        ("other", EXAMPLES / "priya_fraud.yaml", POSTINGS / "ml_platform_team.json"),
        ("pasted", BEFORE, None),
    ],
)
def test_lesson_08_displays(runs: dict, kind: str, resume: Path, posting: Path | None) -> None:
    out = _out(runs, kind)
    posting = posting or Path(runs[kind]["params"]["posting_path"])
    parsed = read_posting(posting)
    drafts_path = runs[kind]["params"].get("drafts_path")
    drafts = load_drafts(drafts_path) if drafts_path and Path(drafts_path).exists() else DraftSet()
    # "Your resume today" is the resume with the learner's saved drafts applied
    result = tailor(apply_drafts(load_resume(resume), drafts)[0], parsed)
    header = out["lesson.header()"]["text/html"]
    assert resume.name in header and html.escape(parsed.heading) in header
    assert "data-element=" in out["lesson.strong_example()"]["text/html"]
    pair = _plain(out["lesson.weak_vs_strong()"]["text/html"])
    assert "Keyword-stuffed" in pair and "Bullet score" in pair
    yours = out["lesson.your_resume()"]["text/html"]
    assert ("With your 1 saved draft applied" in _plain(yours)) == (kind == "other")
    for area, score in result.scores.items():
        if score is not None:
            assert f'data-area="{area}">{score}<' in yours
    for m in result.missing[:3]:
        assert f'data-term="{html.escape(m.term.name)}"' in yours
    assert f"{len(result.found)}</b> of {len(result.matches)} posting term(s)" in yours
    assert "rl-order" in yours
    assert "application/vnd.jupyter.widget-view+json" in out["lesson.exercise()"]
    saved = out["lesson.saved_drafts()"]["text/html"]
    if kind == "other":
        assert "Served the fraud model on" in _plain(saved) and "<b>Kubernetes" not in saved
    else:
        assert "No saved draft" in saved
    assert "Recap: tailor to the posting" in out["lesson.recap()"]["text/html"]


@pytest.mark.notebook
def test_pasted_posting_is_read_as_text(runs: dict) -> None:
    yours = _plain(_out(runs, "pasted")["lesson.your_resume()"]["text/html"])
    assert "Staff ML Engineer, Search Ranking, Example Labs" in yours
    assert "guardrail metrics" in yours and "Kubernetes" in yours


@pytest.mark.notebook
def test_a_missing_posting_shows_an_error_box_not_a_traceback(runs: dict) -> None:
    out = _out(runs, "bad")
    header = out["lesson.header()"]["text/html"]
    assert "rl-error" in header and "missing.yaml" in header and "posting file not found" in header
    assert "application/vnd.jupyter.widget-view+json" not in out["lesson.exercise()"]


def test_a_rerun_opens_on_the_bullet_this_lesson_saved(lesson, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget = lesson.exercise()
    widget.picker.value = "work[1].highlights[0]"
    widget.text.value = "Built the Airflow feature pipelines behind the ranking model."
    assert widget.save()
    assert load_drafts(tmp_path / "drafts.yaml").items["work[1].highlights[0]"].lesson == TAILOR
    again = lesson_setup(BEFORE, tmp_path / "drafts.yaml", "alex", technique=TAILOR).exercise()
    assert again.item.location == "work[1].highlights[0]"
    assert again.text.value.startswith("Built the Airflow feature pipelines")


def test_your_resume_today_is_the_resume_with_the_drafts_of_other_lessons(tmp_path: Path) -> None:
    store = DraftsFile(tmp_path / "drafts.yaml", BEFORE)
    lesson = lesson_setup(BEFORE, store.path, "alex", technique=TAILOR)
    plain = _plain(lesson.your_resume().html)
    assert "saved draft applied" not in plain and "saved drafts applied" not in plain
    store.save(TARGET, REWRITE, lesson="T5")  # a draft saved in lesson 05
    shown = lesson.your_resume().html
    assert "With your 1 saved draft applied" in _plain(shown)
    result = tailor(load_resume(BEFORE), read_posting(RECS))
    drafted = tailor(lesson.exercise().tailored_resume(REWRITE), read_posting(RECS))
    assert drafted.scores != result.scores  # so the page can show which one it is
    assert REWRITE.split(" that ")[0] in html.unescape(shown)


def test_your_resume_today_gives_the_skills_tips_the_cli_gives(lesson) -> None:  # type: ignore[no-untyped-def]
    result = tailor(load_resume(BEFORE), read_posting(RECS))
    drop = [f.message.split("”")[0].lstrip("“") for f in result.findings if f.code == "J703"]
    assert drop  # Alex lists tools this posting never asks for and no bullet backs
    plain = _plain(lesson.your_resume().html)
    assert "Your skills list, for this posting" in plain
    tip = next(line for line in plain.split("Leave out for this application: ")[1:])
    assert all(name in tip for name in drop)


def test_the_coverage_says_it_is_not_the_technique_s_score(lesson) -> None:  # type: ignore[no-untyped-def]
    plain = _plain(lesson.your_resume().html)
    assert "it is not the technique's own score" in plain


def test_the_exercise_passes_over_a_bullet_that_only_shows_mentoring() -> None:
    from resume_lessons.core.loader import resume_from_data
    from resume_lessons.notebook.tailor_lesson import bullets, target

    posting = read_posting(RECS)
    highlights = [
        "Built the two-tower retrieval model for the home feed, lifting CTR 4%.",
        "Worked on the ranking service.",
        "Mentored two junior engineers.",
    ]
    data = {"basics": {"name": "x"}, "work": [{"name": "Co", "highlights": highlights}]}
    resume = resume_from_data(data, "x")
    result = tailor(resume, posting)
    assert result.orders[0].order[-1] == 2  # it shows the least of the posting's work...
    start = target(result, bullets(resume))
    assert start is not None and start.location == "work[0].highlights[1]"  # ...so not it


def test_the_bullet_s_header_says_its_rank_is_the_saved_one(lesson) -> None:  # type: ignore[no-untyped-def]
    widget = lesson.exercise()
    assert "as saved, it ranks" in widget.original.value
