"""The lesson widgets without a browser: typing updates feedback, Save writes, text stays text."""

from __future__ import annotations

import asyncio
import html
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_lessons import load_resume
from resume_lessons.core.analyze import score_item
from resume_lessons.core.drafts import DraftsFile, load_drafts
from resume_lessons.core.locations import Item
from resume_lessons.core.questions import QUESTIONS
from resume_lessons.core.techniques import TECHNIQUES, get_technique
from resume_lessons.notebook.compose import Slots, compose_bullet
from resume_lessons.notebook.lessons import Shown, items_to_rewrite, lesson_setup, resolve_path
from resume_lessons.notebook.widgets import (
    BulletBuilder,
    BulletRewriter,
    PublicationPicker,
    SkillsSorter,
    SummaryRewriter,
    Throttle,
)

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
BEFORE = EXAMPLES / "alex_before.yaml"
ITEM = Item("work[0].highlights[2]", "bullet", "Helped with A/B testing of new models.", "Spotify")
STRONG = (
    "Lifted home feed CTR by 12% in a 3-week A/B test on 5% of global traffic, with guardrail "
    "checks on latency and early stopping."
)


@pytest.fixture
def store(tmp_path: Path) -> DraftsFile:
    return DraftsFile(tmp_path / "drafts.yaml", BEFORE)


def test_typing_updates_checklist_score_and_diff(store: DraftsFile) -> None:
    rw = BulletRewriter(ITEM, "T4", store)
    assert "✘ every test says how long it ran" in rw.checklist.value
    assert "How long did the test run" in rw.checklist.value
    before_score = rw.current_score
    rw.text.value = STRONG
    assert "✔ every test says how long it ran" in rw.checklist.value
    assert "✔ every test says what share of traffic it ran on" in rw.checklist.value
    assert rw.current_score > before_score
    assert "item score" in rw.score.value and "this text alone" in rw.score.value
    assert "Bullet score" in rw.score.value
    assert f'rl-now">{rw.current_score}<' in rw.score.value
    assert "rewrote most of it" in rw.diff.value  # a full rewrite: no unreadable word diff
    rw.text.value = "Helped with A/B testing of new ranking models for 3 weeks."
    assert "<ins " in rw.diff.value


def test_save_writes_the_draft_and_a_reload_shows_it(store: DraftsFile) -> None:
    rw = BulletRewriter(ITEM, "T4", store)
    rw.text.value = STRONG
    rw.save_row.button.click()
    assert load_drafts(store.path).text(ITEM.location) == STRONG
    assert "Saved" in rw.save_row.status.value
    # the cells below were drawn before the save: the line says to run them again
    assert "Run the cells below again" in rw.save_row.status.value
    lesson = lesson_setup(BEFORE, store.path, "alex", technique="T4")
    recap = lesson.recap().text
    assert "1 saved when this cell ran; after a Save, run it again" in " ".join(recap.split())
    target = items_to_rewrite(lesson.analysis, get_technique("T4"), n=1)[0]
    rw2 = lesson.exercise(location=ITEM.location)
    assert rw2.text.value == STRONG
    if target.location == ITEM.location:
        assert lesson.exercise().text.value == STRONG
    assert STRONG.split(",")[0] in re.sub(r"<[^>]+>", "", lesson.saved_drafts().html)


def test_crash_during_save_keeps_old_file_and_the_typed_text(
    store: DraftsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    rw = BulletRewriter(ITEM, "T4", store)
    rw.text.value = "version one"
    assert rw.save()
    old = store.path.read_bytes()
    monkeypatch.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(OSError("disk full")))
    rw.text.value = "version two"
    assert not rw.save()
    assert "Not saved" in rw.save_row.status.value and "disk full" in rw.save_row.status.value
    assert store.path.read_bytes() == old
    assert rw.text.value == "version two"
    assert len(list(store.path.parent.iterdir())) == 1


HOSTILE = [
    "<script>alert('x')</script> lifted CTR by 12%",
    '<img src=x onerror="alert(1)"> Built the Spark pipeline',
    "Cut p99 latency from 80 to 35 ms \u202eevil\u202c 🚀 Z\u0351\u0352algo and e\u0301 ﷽ \x00",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_shown_as_text(store: DraftsFile, text: str) -> None:
    rw = BulletRewriter(Item(ITEM.location, "bullet", text, "<b>role</b>"), "T4", store)
    rw.text.value = text + " <svg onload=alert(2)>"
    panes = [rw.original.value, rw.checklist.value, rw.score.value, rw.diff.value]
    for pane in panes:
        assert "<script>" not in pane and "<img" not in pane and "<svg" not in pane
        assert "<b>role" not in pane
    # What the learner reads (tags stripped, entities decoded) is their text, character for character.
    shown = html.unescape(re.sub(r"<[^>]+>", "", rw.original.value))
    assert text.replace("\x00", "") in shown.replace("\x00", "")
    assert "🚀" in rw.score.value or "🚀" not in text
    rw.save()
    assert load_drafts(store.path).text(ITEM.location) == rw.text.value


def test_summary_rewriter_uses_t1_and_refuses_a_bullet(store: DraftsFile) -> None:
    summary = Item("basics.summary", "summary", "Passionate ML engineer.", "")
    sr = SummaryRewriter(summary, store)
    sr.text.value = (
        "Recommendation systems engineer building real-time ML serving for 500M+ users; "
        "lifted CTR by 12%."
    )
    assert "✔ summary names the domain" in sr.checklist.value
    assert "✔ summary names the scale" in sr.checklist.value
    with pytest.raises(ValueError, match="not the summary"):
        SummaryRewriter(ITEM, store)


def test_builder_composes_from_slots_and_saves(store: DraftsFile) -> None:
    b = BulletBuilder("work[0].highlights[1]", "T3", store)
    assert "[what did you build" in b.bullet
    b.stage.value = "serving"
    b.fields["decision"].value = "replaced a gradient boosted tree model with a cross-encoder"
    b.fields["metric"].value = "CTR"
    assert "[by how much?]" in b.bullet and "data-element=" in b.composed.value
    b.fields["magnitude"].value = "4%"
    assert "CTR by 4%" in b.bullet
    b.save_row.button.click()
    assert load_drafts(store.path).text("work[0].highlights[1]") == b.bullet


@given(
    st.builds(
        Slots,
        stage=st.sampled_from(["", "data", "serving", "monitoring"]),
        decision=st.text(alphabet="abc XYZ-", max_size=20),
        model_type=st.text(alphabet="abc -", max_size=12),
        metric=st.text(alphabet="CTR abc", max_size=10),
        magnitude=st.text(alphabet="0123456789%x. ", max_size=6),
        scale=st.text(alphabet="0123456789M+ users", max_size=12),
        experiment=st.text(alphabet="a 3-week test", max_size=16),
    )
)
def test_builder_never_adds_a_number(slots: Slots) -> None:
    typed = "".join(str(v) for k, v in vars(slots).items() if k != "stage")
    bullet = compose_bullet(slots)
    assert sorted(c for c in bullet if c.isdigit()) == sorted(c for c in typed if c.isdigit())


def test_skills_sorter_groups_tools_and_lists_unshown_ones(store: DraftsFile) -> None:
    resume = load_resume(BEFORE)
    sorter = SkillsSorter(resume, store)
    assert sorter.choices["Spark"].value == "Data"
    assert sorter.choices["PyTorch"].value == "Training"
    assert "Tableau" in sorter.unshown.value
    before = sorter.block.value
    for tool in ("Tableau", "Excel", "MATLAB", "Julia", "Caffe", "Theano", "MXNet"):
        sorter.choices[tool].value = "(drop it)"
    assert sorter.block.value != before and "Tableau" not in sorter.unshown.value
    sorter.save_row.save()
    saved = load_drafts(store.path).text("skills") or ""
    assert saved.startswith("Languages:") and "Tableau" not in saved
    again = SkillsSorter(resume, store, draft=saved)
    assert again.choices["Tableau"].value == "(drop it)"


def test_publication_picker_scores_what_is_kept(store: DraftsFile) -> None:
    resume = load_resume(BEFORE)
    picker = PublicationPicker(resume, store)
    for name, box in picker.boxes:
        box.value = "RecSys" in dict((p.name, p.publisher) for p in resume.publications)[name]
    assert "with 1 kept" in picker.result.value
    picker.save_row.save()
    assert load_drafts(store.path).text("publications") == picker.kept()[0]


def test_throttle_runs_first_call_at_once_and_one_trailing_call() -> None:
    calls: list[int] = []
    throttle = Throttle(lambda: calls.append(1), interval=0.05)

    async def typing() -> None:
        for _ in range(20):
            throttle()
        assert len(calls) == 1
        await asyncio.sleep(0.1)

    asyncio.run(typing())
    assert len(calls) == 2


def test_a_slow_refresh_does_not_run_again_for_each_keystroke_queued_behind_it() -> None:
    import time

    calls: list[int] = []

    def slow() -> None:
        calls.append(1)
        time.sleep(0.06)  # longer than the interval: a whole resume tailored on a busy machine

    throttle = Throttle(slow, interval=0.02)

    async def typing() -> None:
        for _ in range(10):  # keystrokes that waited in the queue while the refresh ran
            throttle()
        assert len(calls) == 1
        await asyncio.sleep(0.2)

    asyncio.run(typing())
    assert len(calls) == 2  # the first keystroke, then one refresh with the last text


def test_every_wanted_element_has_a_question() -> None:
    wanted = {w for t in TECHNIQUES for w in t.wants}
    assert wanted <= set(QUESTIONS)


def test_bad_resume_gives_error_box_and_no_exception(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"basics": {"name": "Sam"}, "work": [}', encoding="utf-8")
    lesson = lesson_setup(bad, tmp_path / "d.yaml", technique="T4")
    header = lesson.header()
    assert (
        isinstance(header, Shown) and "rl-error" in header.html and "not valid JSON" in header.html
    )
    for part in (lesson.your_resume, lesson.exercise, lesson.saved_drafts, lesson.overview):
        assert "Fix the resume file" in part().html
    assert "no profile named" in lesson_setup(BEFORE, profile="nope").header().html


def test_relative_resume_path_resolves_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_path("alex_after.yaml") == EXAMPLES / "alex_after.yaml"  # the bundled sample
    assert resolve_path("workshop/ben_okafor.yaml") == EXAMPLES.parent / "workshop/ben_okafor.yaml"
    (tmp_path / "alex_after.yaml").write_text("basics: {name: Mine}\n", encoding="utf-8")
    assert resolve_path("alex_after.yaml") == tmp_path / "alex_after.yaml"  # the learner's first


def test_drafts_never_go_inside_the_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    lesson = lesson_setup(BEFORE, str(EXAMPLES / "mine.yaml"), technique="T4")
    assert lesson.store.path == tmp_path / "drafts" / "learner.yaml"
    assert "never written inside the kit" in lesson.header().html


def test_default_drafts_live_in_the_learners_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert lesson_setup(learner_name="Ana Silva").store.path == tmp_path / "drafts/ana-silva.yaml"
    monkeypatch.chdir(EXAMPLES)  # a lesson run from inside the kit: drafts go to the home folder
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    store = lesson_setup(learner_name="Ana").store.path
    assert store == tmp_path / "home" / "resume-lessons" / "drafts" / "ana.yaml"


def test_the_skills_sorter_agrees_with_t7_on_which_tools_are_shown() -> None:
    """The sorter looks tools up in runs of words as T7 does: a tool a bullet names is shown."""
    from resume_lessons.core.analyze import analyze
    from resume_lessons.core.profile import load_profile
    from resume_lessons.notebook.kit import samples_dir
    from resume_lessons.notebook.skills_sort import tools_of, unshown_tools

    resume = load_resume(samples_dir() / "examples" / "alex_after.yaml")
    t7_unshown = [f for f in analyze(resume).findings if f.code == "T704"]
    assert unshown_tools(resume, tools_of(resume), load_profile()) == [] == t7_unshown


def test_cells_rerun_after_save_show_the_new_draft(store: DraftsFile) -> None:
    """Saving in the widget, then re-running 'Your saved draft' and 'Recap' (not the setup
    cell), shows the new draft and score: nothing looks lost."""
    lesson = lesson_setup(BEFORE, store.path, "alex", technique="T4")
    assert "No saved draft" in lesson.saved_drafts().html
    rw = lesson.exercise(location=ITEM.location)
    rw.text.value = STRONG
    assert rw.save()
    saved = lesson.saved_drafts().html
    assert "No saved draft" not in saved and "3-week" in saved
    recap = lesson.recap().html
    after = re.search(r"with your drafts: <b>(\d+)</b>", recap)
    assert after and int(after.group(1)) > lesson.analysis.scores["T4"]


def test_a_draft_says_which_lesson_saved_it(store: DraftsFile) -> None:
    """Lesson 04 saves a bullet; lesson 03 opened on that bullet names lesson 04 in its note
    and lists the draft apart from its own, and the drafts file records the lesson."""
    t4 = lesson_setup(BEFORE, store.path, "alex", technique="T4")
    rw = t4.exercise(location=ITEM.location)
    rw.text.value = STRONG
    assert rw.save()
    assert store.load().items[ITEM.location].lesson == "T4"
    assert "lesson: T4" in store.path.read_text(encoding="utf-8")

    t3 = lesson_setup(BEFORE, store.path, "alex", technique="T3")
    again = t3.exercise(location=ITEM.location)
    assert again.text.value == STRONG  # builds on the draft
    assert "saved in lesson 04_quantify_experiments" in again.note.value
    listed = t3.saved_drafts().html
    assert "No saved draft for this lesson yet" in listed
    assert f"{ITEM.location} (in lesson 04_quantify_experiments)" in listed
    assert "3-week" in t4.saved_drafts().html  # and lesson 04 shows it as its own


def test_drafts_from_before_lessons_were_recorded_still_load(tmp_path: Path) -> None:
    from resume_lessons.core.drafts import load_drafts, save_drafts

    path = tmp_path / "old.yaml"
    path.write_text(
        "drafts:\n  work[0].highlights[0]:\n    text: Cut p99 latency by 30%.\n", encoding="utf-8"
    )
    drafts = load_drafts(path)
    assert drafts.items["work[0].highlights[0]"].lesson == ""
    drafts.set("work[0].highlights[0]", "Cut p99 latency by 35%.", lesson="T5")
    save_drafts(drafts, path)
    again = load_drafts(path).items["work[0].highlights[0]"]
    assert again.lesson == "T5" and again.history[0] == {
        "text": "Cut p99 latency by 30%.",
        "saved": "",
    }


def test_a_bullet_already_at_full_marks_is_not_worth_rewriting() -> None:
    from resume_lessons.core.analyze import analyze
    from resume_lessons.core.loader import resume_from_data

    done = (
        "A/B tested the reranker for 28 days with 15% of shoppers: basket size grew "
        "2.1% (p<0.01), with latency and refund rate as guardrails."
    )
    thin = "Shipped a churn model that cut cancellations by 6%."
    data = {
        "basics": {"name": "Sam", "summary": "ML engineer."},
        "work": [{"name": "Acme", "position": "MLE", "highlights": [done, thin]}],
    }
    analysis = analyze(resume_from_data(data, "sam.yaml"))
    t4 = get_technique("T4")
    assert score_item(done, "bullet", t4).score == 100
    assert items_to_rewrite(analysis, t4, n=1)[0].text == thin


def test_a_bullet_about_work_outside_ml_is_not_offered_first() -> None:
    from resume_lessons.core.analyze import analyze
    from resume_lessons.core.loader import resume_from_data

    chores = "Participated in sprint ceremonies and release planning."
    duty = "Worked on the training pipeline for the churn model."
    data = {
        "basics": {"name": "Sam", "summary": "ML engineer."},
        "work": [{"name": "Acme", "position": "MLE", "highlights": [chores, duty]}],
    }
    analysis = analyze(resume_from_data(data, "sam.yaml"))
    worth = items_to_rewrite(analysis, get_technique("T2"), n=2)
    assert [i.text for i in worth] == [duty, chores]


def test_most_worth_rewriting_shows_a_saved_draft_as_the_learner_left_it(
    store: DraftsFile,
) -> None:
    t4 = lesson_setup(BEFORE, store.path, "alex", technique="T4")
    rw = t4.exercise(location=ITEM.location)
    rw.text.value = "Ran an A/B test of the new ranker on 5% of traffic."
    assert rw.save()
    page = lesson_setup(BEFORE, store.path, "alex", technique="T4").your_resume().html
    worth = page.split("Most worth rewriting", 1)[1]
    assert ITEM.text not in worth  # the original of a drafted bullet is not offered again
    assert "(your saved draft)" in worth


def test_the_builder_of_a_section_technique_shows_the_resume_score(store: DraftsFile) -> None:
    lesson = lesson_setup(BEFORE, store.path, "alex", technique="T2")
    builder = lesson.builder()
    assert "T2 resume score: before this rewrite" in builder.composed.value
    assert "item score" not in builder.composed.value
    before = builder.before_score
    # nothing built yet: the bullet it replaces stays, and so does the score
    assert builder.score == before and "stays at" in builder.composed.value
    assert "▼" not in builder.composed.value
    builder.fields["decision"].value = "rebuilt the feature pipeline in Spark"
    builder.refresh()
    assert builder.score >= before


def test_after_a_save_another_bullet_starts_from_a_resume_with_that_draft(
    store: DraftsFile,
) -> None:
    lesson = lesson_setup(BEFORE, store.path, "alex", technique="T5")
    rw = lesson.exercise()
    first = rw.item.location
    rw.text.value = (
        "Replaced the home feed's GBDT ranker with a two-tower retrieval model in PyTorch."
    )
    assert rw.save()
    assert "Saved" in rw.save_row.status.value
    other = next(loc for loc in rw._choices if loc != first)
    rw.retarget(other)
    # no "Saved" line left over from the other bullet; the line names the one a save goes to
    assert "Saved" not in rw.save_row.status.value
    assert f"Saves as the draft of {other}" in rw.save_row.status.value
    assert rw.save_row.location == other
    fresh = lesson_setup(BEFORE, store.path, "alex", technique="T5").exercise(location=other)
    assert rw.before_score == fresh.before_score  # the saved draft counts in both


def test_saved_drafts_of_a_section_technique_show_resume_scores(store: DraftsFile) -> None:
    lesson = lesson_setup(BEFORE, store.path, "alex", technique="T5")
    rw = lesson.exercise()
    rw.text.value = (
        "Replaced the home feed's GBDT ranker with a two-tower retrieval model in PyTorch."
    )
    assert rw.save()
    page = lesson.saved_drafts().html
    assert "score of your resume with that one draft in place" in page
    assert "item score" not in page


def test_the_builder_cuts_a_metric_that_should_fall_and_takes_a_range() -> None:
    slots = Slots(
        stage="",
        decision="retrained the forecast weekly",
        model_type="",
        metric="forecast error",
        magnitude="from 31% to 24%",
        scale="",
        experiment="",
    )
    bullet = compose_bullet(slots)
    assert "cutting forecast error from 31% to 24%" in bullet and "by from" not in bullet


def test_the_builder_stays_on_its_bullet_after_a_save_elsewhere(store: DraftsFile) -> None:
    first = lesson_setup(BEFORE, store.path, "alex", technique="T2")
    target = first.builder()
    assert "Saving replaces this bullet" in target.children[0].value
    rw = first.exercise()
    rw.text.value = (
        "Built Spark pipelines that turn 200M listening events a day into training data."
    )
    assert rw.save()
    again = lesson_setup(BEFORE, store.path, "alex", technique="T2").builder()
    assert again.location == target.location


def test_a_summary_naming_every_domain_is_a_list() -> None:
    every = (
        "ML engineer in recommendations, fraud detection, search, ads, forecasting and NLP; I "
        "own the ranking pipeline behind 40M queries a day and lifted CTR by 9%."
    )
    scored = score_item(every, "summary", get_technique("T1"))
    assert scored.score == 80 and any(f.code == "T107" for f in scored.findings)


def test_t4_offers_an_experiment_bullet_before_one_with_no_experiment() -> None:
    from resume_lessons.core.analyze import analyze
    from resume_lessons.core.loader import resume_from_data

    serving = "Built the nightly batch scoring job for 40,000 products within a 5 a.m. SLA."
    pilot = "Ran an A/B test of the new routing model on 10% of routes."
    data = {
        "basics": {"name": "Sam"},
        "work": [{"name": "Acme", "position": "MLE", "highlights": [serving, pilot]}],
    }
    worth = items_to_rewrite(analyze(resume_from_data(data, "sam.yaml")), get_technique("T4"), n=2)
    assert worth[0].text == pilot


def test_a_technique_already_at_100_says_so_and_points_to_the_bullet_score(
    store: DraftsFile,
) -> None:
    after = BEFORE.with_name("alex_after.yaml")
    page = lesson_setup(after, store.path, "alex", technique="T5").your_resume().html
    assert "Your resume already does what T5 asks (100/100)" in page
    assert "watch the bullet score" in page
    before = lesson_setup(BEFORE, store.path, "alex", technique="T5").your_resume().html
    assert "already does what" not in before


def test_a_rewrite_says_which_other_techniques_it_moves(store: DraftsFile) -> None:
    t5 = lesson_setup(BEFORE, store.path, "alex", technique="T5")
    rw = t5.exercise(location=ITEM.location)
    assert "rl-elsewhere" not in rw.score.value  # the bullet as it stands moves nothing
    t4_before = t5.analysis.scores["T4"]
    rw.text.value = (
        "Ran a 2-week A/B test of the two-tower retrieval model on 10% of traffic, lifting "
        "CTR 3% with latency guardrails."
    )
    moved = re.search(r'<p class="rl-elsewhere">(.*?)</p>', rw.score.value)
    assert moved and f"T4 {t4_before} → <b>" in moved.group(1) and "▲" in moved.group(1)
    assert "T5 " not in moved.group(1)  # its own score is the one shown above
    # and says which of T4's lines moved most, so a drop or a rise has its reason beside it
    t4_lines = {c.label for c in t5.analysis.results["T4"].checklist}
    cell = next(c for c in moved.group(1).split(" · ") if c.lstrip().startswith("T4 "))
    reason = re.search(r"<small>\((.*?)\)</small>", cell)
    assert reason and reason.group(1) in {html.escape(label) for label in t4_lines}


def test_a_rewrite_that_adds_figures_or_tools_is_asked_to_keep_them_only_if_true(
    store: DraftsFile,
) -> None:
    resume = load_resume(BEFORE)
    rw = BulletRewriter(ITEM, "T4", store, resume=resume)
    assert 'class="rl-new-facts"' not in rw.score.value
    rw.text.value = STRONG + " Served with Seldon."
    plain = html.unescape(rw.score.value)
    assert 'class="rl-new-facts"' in rw.score.value and "only if it is true" in plain
    for fact in ("12%", "3-week", "5%", "Seldon"):
        assert fact in rw.current_new_facts, fact
    # what the resume already shows elsewhere is no new fact: a tool its skills list
    shown = next(k for g in resume.skills for k in g.keywords if k == "PyTorch")
    rw.text.value = f"Helped with A/B testing of new {shown} models."
    assert rw.current_new_facts == [] and 'class="rl-new-facts"' not in rw.score.value


def test_new_facts_match_tools_as_written_and_know_the_learners_own_words() -> None:
    from resume_lessons.core.new_facts import new_facts
    from resume_lessons.core.profile import load_profile

    resume, profile = load_resume(EXAMPLES / "priya_fraud.yaml"), load_profile()
    # "scanning" is not ScaNN, "transformer" is not the Transformers library (but it is a
    # model family the resume never named: a claim to keep only if true)
    text = "Cut scanning time with a transformer on Kubeflow."
    assert new_facts(text, "Worked on scanning.", resume, profile) == ["Kubeflow", "transformer"]
    # a figure of another bullet, or of the draft the box started from, is the learner's own
    bullet = next(b for w in resume.work for b in w.highlights if any(c.isdigit() for c in b))
    figure = next(t for t in bullet.split() if any(c.isdigit() for c in t)).strip(".,;()")
    assert new_facts(f"Did it, {figure}.", "Did it.", resume, profile) == []
    assert (
        new_facts("Cut it 23% over 14 hubs.", "Did it.\nCut it 23% in 14 hubs.", None, profile)
        == []
    )
    # a number inside a metric's name is the name ("mAP@0.5"), the figure after it a claim
    assert new_facts("Raised mAP@0.5 to 0.84.", "Trained a detector.", None, profile) == ["0.84"]


def test_the_summary_rewriter_knows_the_resumes_bullets(tmp_path: Path) -> None:
    priya = EXAMPLES / "priya_fraud.yaml"
    store = DraftsFile(tmp_path / "drafts.yaml", priya)
    lesson = lesson_setup(priya, store.path, "priya", technique="T1")
    rw = lesson.exercise()
    resume = load_resume(priya)
    bullet = next(b for w in resume.work for b in w.highlights if any(c.isdigit() for c in b))
    figure = next(t for t in bullet.split() if any(c.isdigit() for c in t)).strip(".,;()")
    rw.text.value = f"Recommendations ML engineer; {bullet}"
    assert figure not in rw.current_new_facts


def test_a_box_that_starts_from_a_draft_moves_no_other_technique_before_typing(
    store: DraftsFile,
) -> None:
    lesson = lesson_setup(BEFORE, store.path, "alex", technique="T5")
    first = lesson.exercise()
    first.text.value = (
        "Replaced the home feed's GBDT ranker with a two-tower retrieval model in PyTorch, "
        "served on Kubernetes and monitored for drift."
    )
    assert first.save()
    again = lesson_setup(BEFORE, store.path, "alex", technique="T5").exercise(
        location=first.item.location
    )
    assert again.text.value == first.text.value  # it starts from the draft
    assert "also changes" not in again.score.value
    # "before" is the resume file's score; the draft's is said beside it
    assert f"the box started from: {again.current_score})" in again.score.value


def test_the_header_says_when_the_lesson_shows_the_sample_not_your_resume(tmp_path: Path) -> None:
    sample = lesson_setup(BEFORE, tmp_path / "a.yaml", "alex", technique="T1").header().html
    assert "This is the sample resume" in sample and "resume_path" in sample
    priya = EXAMPLES / "priya_fraud.yaml"
    own = lesson_setup(priya, tmp_path / "p.yaml", "priya", technique="T1").header().html
    assert "This is the sample resume" not in own


def test_the_picker_lists_a_saved_draft_as_the_learner_left_it(store: DraftsFile) -> None:
    lesson = lesson_setup(BEFORE, store.path, "alex", technique="T4")
    rw = lesson.exercise()
    assert rw.picker is not None and "(your saved draft)" not in str(rw.picker.options)
    at = rw.item.location
    rw.text.value = STRONG
    assert rw.save()
    label = next(label for label, value in rw.picker.options if value == at)
    assert label.startswith(f"{at}: Lifted home feed CTR") and label.endswith("(your saved draft)")
    assert rw.picker.value == at and rw.item.location == at and rw.text.value == STRONG
    again = lesson_setup(BEFORE, store.path, "alex", technique="T4").exercise(location=at)
    assert "(your saved draft)" in dict((v, lab) for lab, v in again.picker.options)[at]


def test_the_builder_scores_with_a_draft_saved_by_the_rewriter_above_it(store: DraftsFile) -> None:
    lesson = lesson_setup(BEFORE, store.path, "alex", technique="T2")
    rewriter, builder = lesson.exercise(), lesson.builder()
    if builder.location == rewriter.item.location:  # a place of its own, to see the other's draft
        pytest.skip("the builder writes the rewriter's bullet")
    before = builder.before_score
    rewriter.text.value = (
        "Built the Feast feature store that serves the ranker's user and item features, "
        "cutting feature lag from 6 hours to 5 minutes."
    )
    assert rewriter.save()
    assert builder.before_score > before  # the features stage the rewriter's draft shows counts
    assert f'rl-before">{builder.before_score}<' in builder.composed.value


def test_the_builder_with_its_prompts_still_in_earns_nothing(store: DraftsFile) -> None:
    from resume_lessons.core.placeholders import has_placeholder

    lesson = lesson_setup(BEFORE, store.path, "alex", technique="T2")
    builder = lesson.builder()
    assert has_placeholder(builder.bullet)  # "Built [what did you build or change?]."
    assert builder.score <= builder.before_score  # an empty builder raises nothing


def test_a_checklist_line_waiting_on_another_does_not_repeat_its_ask() -> None:
    from resume_lessons.core.analyze import score_item
    from resume_lessons.core.techniques import get_technique
    from resume_lessons.present.score_view import points_checklist_html

    s = score_item("Built a ranking model.", "bullet", get_technique("T3"))
    html = points_checklist_html(s.checklist, s.findings)
    assert html.count("Which approach did you replace") == 1
    assert html.count("comes once “a decision” is there") == 2


def test_the_builder_can_be_moved_to_another_bullet_in_one_pick(store: DraftsFile) -> None:
    builder = lesson_setup(BEFORE, store.path, "alex", technique="T2").builder()
    assert builder.picker is not None and builder.picker.value == builder.location
    other = next(v for _, v in builder.picker.options if v != builder.location)
    builder.picker.value = other
    assert builder.location == other and builder.save_row.location == other
    assert other in builder.header.value and "Saving replaces this bullet" in builder.header.value
    builder.fields["decision"].value = "replaced the nightly batch job with a streaming pipeline"
    builder._throttle.flush()
    assert builder.save_row.save()
    assert load_drafts(store.path).text(other) == builder.bullet


def test_model_families_pasted_into_a_rewrite_are_new_facts() -> None:
    from resume_lessons.core.new_facts import new_facts
    from resume_lessons.core.profile import load_profile

    facts = new_facts(
        "Built store forecasts with DeepAR, N-BEATS and LightGBM.",
        "Built store forecasts with LightGBM.",
        None,
        load_profile(),
    )
    assert facts == ["DeepAR", "N-BEATS"]
    # a family's long name for its short one is no new claim
    spelled = new_facts(
        "Kept LightGBM over a graph neural network (GNN) for card fraud.",
        "Kept LightGBM over a GNN for card fraud.",
        None,
        load_profile(),
    )
    assert spelled == []


@pytest.mark.parametrize(
    "metric", ["stockouts on promoted items", "fresh-produce waste", "chargebacks", "forecast bias"]
)
def test_what_goes_wrong_for_a_business_is_cut_not_lifted(metric: str) -> None:
    bullet = compose_bullet(
        Slots(decision="retrained the forecast weekly", metric=metric, magnitude="11%")
    )
    assert f"cutting {metric} by 11%" in bullet


def test_the_exercise_starts_on_the_bullet_whose_findings_cost_most() -> None:
    from resume_lessons.core.analyze import analyze
    from resume_lessons.core.loader import resume_from_data

    tip_only = "Replaced the ARIMA baseline with a LightGBM model, cutting WAPE from 31% to 22%."
    costly = (
        "Chose a gradient-boosted model over an LSTM for delivery ETA because it was 8x cheaper "
        "to serve, with only 0.4 min higher MAE."
    )
    data = {
        "basics": {"name": "Sam", "summary": "ML engineer."},
        "work": [{"name": "Acme", "position": "MLE", "highlights": [tip_only, costly]}],
    }
    analysis = analyze(resume_from_data(data, "sam.yaml"))
    t3 = get_technique("T3")
    costs = {f.location: f.points for f in analysis.findings_for("T3")}
    assert costs["work[0].highlights[0]"] == 0 < costs["work[0].highlights[1]"]
    assert items_to_rewrite(analysis, t3, n=1)[0].text == costly


def test_a_figure_copied_from_another_bullet_is_named_with_where_it_came_from(
    tmp_path: Path,
) -> None:
    priya = EXAMPLES / "priya_fraud.yaml"
    resume = load_resume(priya)
    store = DraftsFile(tmp_path / "drafts.yaml", priya)
    bullets = [(f"work[{i}].highlights[{j}]", b) for i, w in enumerate(resume.work)
               for j, b in enumerate(w.highlights)]  # fmt: skip
    source, bullet = next((loc, b) for loc, b in bullets if "%" in b)
    figure = next(t for t in bullet.split() if t.rstrip(".,;)").endswith("%")).strip(".,;()")
    target = next(loc for loc, b in bullets if loc != source and figure not in b)
    from resume_lessons.core.analyze import analyze
    from resume_lessons.core.tailor_match import resume_text

    item = next(i for i in analyze(resume).items if i.location == target)
    rw = BulletRewriter(item, "T4", store, resume=resume)
    rw.text.value = f"{item.text.rstrip('.')}, lifting recall {figure}."
    plain = html.unescape(rw.score.value)
    assert figure not in rw.current_new_facts  # the learner's own figure, not a new fact
    came = re.search(rf"From another item: “{re.escape(figure)}” \((\S+)\)", plain)
    assert came and figure in resume_text(resume, came.group(1))


def test_the_publication_picker_scores_with_the_saved_bullet_drafts(tmp_path: Path) -> None:
    import yaml

    data = {
        "basics": {"name": "Sam", "summary": "CV engineer."},
        "work": [{"name": "Optisense", "position": "CV Engineer",
                  "highlights": ["Responsible for inspection models."]}],
        "publications": [{"name": "Few-shot anomaly detection for solder joint inspection",
                          "publisher": "CVPR"}],
    }  # fmt: skip
    path = tmp_path / "sam.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    store = DraftsFile(tmp_path / "drafts.yaml", path)
    store.save(
        "work[0].highlights[0]",
        "Trained U-Net models for solder joint inspection, cutting escaped defects 30%.",
        lesson="T2",
    )
    lesson = lesson_setup(path, store.path, "sam", technique="T6")
    picker = lesson.exercise()
    # the draft ties the paper to the work: the picker starts where the page's "with your
    # saved drafts" score is, not at the resume file's
    assert lesson.analysis is not None and lesson.analysis.scores["T6"] < 100
    assert picker.before_score == lesson._drafted_analysis().scores["T6"] == 100


def test_a_bare_small_number_is_not_said_to_come_from_another_item() -> None:
    from resume_lessons.core.new_facts import borrowed_figures

    resume = load_resume(EXAMPLES / "priya_fraud.yaml")
    assert borrowed_figures("Ran it in 3 stages.", "Ran it.", resume) == []


def test_a_summary_reuses_the_bullets_figures_without_a_warning() -> None:
    from resume_lessons.core.new_facts import borrowed_figures

    resume = load_resume(EXAMPLES / "priya_fraud.yaml")
    figure = next(
        hit.group() for b in resume.work[0].highlights for hit in [re.search(r"\d+%", b)] if hit
    )
    after = f"Fraud ML engineer; cut losses {figure} with real-time models."
    assert borrowed_figures(after, "Fraud ML engineer.", resume, "work[1].highlights[0]")
    assert borrowed_figures(after, "Fraud ML engineer.", resume, "basics.summary") == []


def test_a_number_hyphened_to_a_name_is_no_figure() -> None:
    from resume_lessons.core.loader import resume_from_data
    from resume_lessons.core.new_facts import borrowed_figures, new_facts
    from resume_lessons.core.profile import load_profile

    bullets = ["Built an ICD-10 coder on GPT-4 for 120 hospitals.", "Helped with monitoring."]
    resume = resume_from_data({"basics": {"name": "x"}, "work": [{"highlights": bullets}]}, "x")
    after = "Owned monitoring of the ICD-10 coder on GPT-4, paging within 15 minutes."
    # "10" of ICD-10 and "4" of GPT-4 are names, not figures taken from the other bullet
    assert borrowed_figures(after, bullets[1], resume, "work[0].highlights[1]") == []
    assert new_facts(after, bullets[1], resume, load_profile()) == ["15 minutes"]


def test_a_figure_with_a_unit_is_new_unless_the_resume_gives_it_in_that_unit() -> None:
    from resume_lessons.core.loader import resume_from_data
    from resume_lessons.core.new_facts import new_facts
    from resume_lessons.core.profile import load_profile

    bullets = ["Mentored 3 engineers and 6 interns.", "Helped with search."]
    resume = resume_from_data({"basics": {"name": "x"}, "work": [{"highlights": bullets}]}, "x")
    after = "Ran a 3-week A/B test of hybrid search, cutting response time from 6 h to 2 hours."
    # "3" and "6" are on the resume, but not as weeks or hours: the test's length is new
    assert new_facts(after, bullets[1], resume, load_profile()) == ["3-week", "6 h", "2 hours"]
    # the same figure in another spelling of its unit is not new
    again = "Ran a 3 weeks A/B test of hybrid search."
    had = resume_from_data(
        {"basics": {"name": "x"}, "work": [{"highlights": ["Ran a 3-week test.", bullets[1]]}]},
        "x",
    )
    assert new_facts(again, bullets[1], had, load_profile()) == []


def test_the_picker_lists_the_other_bullets_in_the_resume_s_order() -> None:
    from resume_lessons.notebook.widgets._common import bullet_picker

    def item(location: str) -> Item:
        return Item(location, "bullet", f"text of {location}", "role")

    picked = item("work[1].highlights[2]")
    ranked = [
        item(x) for x in ("work[1].highlights[10]", "basics.summary", "work[0].highlights[3]")
    ]
    ranked.append(item("work[1].highlights[9]"))
    picker = bullet_picker(picked, ranked)
    assert picker is not None
    assert [v for _label, v in picker.options] == [
        "work[1].highlights[2]",
        "basics.summary",
        "work[0].highlights[3]",
        "work[1].highlights[9]",
        "work[1].highlights[10]",
    ]
