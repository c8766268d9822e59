"""T7 in its lesson: tools match their other names and compound entries, saved bullet drafts
count as evidence, and the sorter's checklist and score follow each edit of the block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resume_lessons import analyze, load_resume
from resume_lessons.core.drafts import (
    Drafts,
    DraftsFile,
    apply_drafts,
    load_drafts,
    skills_from_text,
    skills_to_text,
)
from resume_lessons.core.model import Resume, Skill
from resume_lessons.core.profile import load_profile
from resume_lessons.core.skills import compound_parts, group_stage, ngrams, shown_in
from resume_lessons.core.techniques import get_technique
from resume_lessons.notebook.lessons import lesson_setup
from resume_lessons.notebook.skills_sort import DROP, SkillsSort, stage_groups, tool_stage
from resume_lessons.notebook.widgets import SkillsSorter

SAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples"
PROFILE = load_profile()
T7 = get_technique("T7")


def shown(keyword: str, *bullets: str) -> bool:
    return shown_in(keyword, ngrams(list(bullets)), PROFILE)


def resume(bullets: list[str], skills: dict[str, list[str]]) -> Resume:
    return Resume.model_validate(
        {
            "basics": {"name": "Sam"},
            "work": [{"name": "Acme", "highlights": bullets}],
            "skills": [{"name": g, "keywords": k} for g, k in skills.items()],
        }
    )


def t7(r: Resume):
    return analyze(r, techniques=(T7,)).results["T7"]


def unshown(r: Resume) -> list[str]:
    skills = r.skills
    out = []
    for f in t7(r).findings:
        if f.code == "T704":
            i, j = (int(x.split("]")[0]) for x in f.location.split("[")[1:])
            out.append(skills[i].keywords[j])
    return out


@pytest.fixture
def store(tmp_path: Path) -> DraftsFile:
    return DraftsFile(tmp_path / "drafts.yaml", tmp_path / "resume.yaml")


# --- tools and their forms ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("keyword", "bullet"),
    [
        ("Spark", "Built PySpark jobs over 2B events a day."),
        ("PySpark", "Tuned the Spark cluster."),
        ("SQL", "Used SQL to produce a Redshift dashboard."),
        ("SQL", "Wrote SQL-based checks on every table."),
        ("SQL", "Queried logs with SQL/Presto."),
        ("Kubernetes", "Served models on k8s."),
        ("scikit-learn", "Built sklearn pipelines."),
        ("TensorFlow", "Trained the ranker in TF 2."),
        ("PostgreSQL", "Moved the feature tables to Postgres."),
        ("Hugging Face Transformers", "Fine-tuned HF models."),
        ("AWS", "Deployed endpoints on SageMaker."),
        ("Weights & Biases", "Tracked every run in W&B."),
        ("A/B testing", "Ran an A/B test on 5% of traffic."),
    ],
)
def test_a_tool_is_shown_by_any_of_its_forms(keyword: str, bullet: str) -> None:
    assert shown(keyword, bullet)


@pytest.mark.parametrize(
    ("keyword", "bullet"),
    [
        ("TensorFlow", "Ranked documents by TF-IDF."),  # not TF the framework
        ("R", "Reached an R-squared of 0.91."),
        ("SageMaker", "Deployed on AWS."),  # the narrower name is not implied by the wider
        ("Spark", "Built Sparkle dashboards."),  # whole words only
        ("SQL", "Used NoSQL stores."),
    ],
)
def test_a_tool_is_not_shown_by_lookalikes(keyword: str, bullet: str) -> None:
    assert not shown(keyword, bullet)


def test_the_aliases_are_profile_data() -> None:
    aliases = PROFILE.setting("skills", "aliases")
    assert "PySpark" in aliases["Spark"] and "k8s" in aliases["Kubernetes"]
    assert "sklearn" in aliases["scikit-learn"] and "Postgres" in aliases["PostgreSQL"]


@pytest.mark.parametrize(
    ("entry", "parts"),
    [
        ("SQL(Hive/Presto/Impala)", ["SQL", "Hive", "Presto", "Impala"]),
        ("SQL (Hive, Presto)", ["SQL", "Hive", "Presto"]),
        ("SQL (Hive/Presto/…)", ["SQL", "Hive", "Presto"]),
        ("LightGBM/XGBoost", ["LightGBM", "XGBoost"]),
        ("A/B testing", []),
        ("Hugging Face Transformers", []),
    ],
)
def test_compound_entries_name_their_parts(entry: str, parts: list[str]) -> None:
    assert compound_parts(entry) == parts


def test_a_compound_entry_is_shown_by_its_head_or_any_part() -> None:
    assert shown("SQL(Hive/Presto/Impala)", "Used SQL to produce a Redshift dashboard.")
    assert shown("SQL (Hive, Presto)", "Moved nightly reports from Hive to Presto.")
    assert shown("LightGBM/XGBoost", "Trained XGBoost rankers.")
    assert not shown("SQL (Hive, Presto)", "Trained XGBoost rankers.")


def test_t7_counts_aliases_and_compounds_as_shown() -> None:
    r = resume(
        ["Built PySpark jobs and used SQL to produce a Redshift dashboard."],
        {"Data": ["Spark", "SQL(Hive/Presto)", "Kafka"], "Training": ["PyTorch"]},
    )
    assert unshown(r) == ["Kafka", "PyTorch"]


def test_a_skills_draft_keeps_a_compound_with_commas_whole() -> None:
    skills = [Skill(name="Data", keywords=["SQL (Hive, Presto)", "Spark"])]
    assert skills_from_text(skills_to_text(skills)) == skills


# --- group names ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "stage"),
    [
        ("ML Frameworks", "training"),
        ("Training", "training"),
        ("Modeling", "training"),
        ("Modelling", "training"),
        ("Model Training", "training"),
        ("Data ETL", "data"),
        ("Feature Store", "features"),
        ("Serving & Monitoring", "serving"),
        ("Languages", "languages"),
        ("Visualization", ""),
        ("Cloud", ""),
        ("Skills", ""),
    ],
)
def test_group_names_and_their_stage(name: str, stage: str) -> None:
    assert group_stage(Skill(name=name, keywords=[]), PROFILE) == stage


def test_the_sorter_offers_a_group_per_stage_and_each_names_its_stage() -> None:
    groups = stage_groups(PROFILE)
    assert list(groups) == [
        "languages",
        "data",
        "features",
        "training",
        "serving",
        "monitoring",
        "experimentation",
    ]
    for stage, name in groups.items():
        assert group_stage(Skill(name=name, keywords=[]), PROFILE) == stage
    assert "languages" in PROFILE.words("skills", "exempt_groups")


def test_the_first_sort_never_puts_an_entry_in_a_new_non_stage_group() -> None:
    r = load_resume(SAMPLES / "examples" / "alex_before.yaml")  # one flat "Skills" list
    sort = SkillsSort.start(r, PROFILE)
    assert sort.entries["Spark"] == "Data" and sort.entries["PyTorch"] == "Training"
    assert sort.entries["Python"] == "Languages" and sort.entries["AWS"] == "Serving"
    new = {g for g in sort.groups() if g not in {s.name for s in r.skills}}
    assert all(sort.stage(g) for g in new)
    ben = load_resume(SAMPLES / "workshop" / "ben_okafor.yaml")  # stage groups stay as written
    assert SkillsSort.start(ben, PROFILE).skills() == ben.skills


# --- edits --------------------------------------------------------------------------------------
def test_rename_split_move_and_drop() -> None:
    r = resume(
        ["Built PySpark jobs."],
        {"Data ETL": ["SQL(Hive/Presto)", "Spark"], "Visualization": ["Tableau", "Spark"]},
    )
    sort = SkillsSort.start(r, PROFILE)
    assert sort.groups() == ["Data ETL", "Visualization"]
    assert sort.rename("Visualization", "Serving")
    assert sort.in_group("Serving") == ["Tableau"]
    assert not sort.rename("Serving", "  ") and not sort.rename("Nope", "Data")
    assert sort.split("SQL(Hive/Presto)") == ["SQL", "Hive", "Presto"]
    assert sort.in_group("Data ETL") == ["SQL", "Hive", "Presto", "Spark"]
    assert sort.split("Spark") == []
    sort.move("Hive", "Training")
    sort.drop("Tableau")
    assert sort.dropped() == ["Tableau"]
    assert sort.text() == "Data ETL: SQL, Presto, Spark\nTraining: Hive"
    sort.rename("Training", "Data ETL")  # into another group's name: they merge
    assert sort.groups() == ["Data ETL"]
    with pytest.raises(KeyError):
        sort.move("Excel", "Data")


def test_a_split_does_not_list_a_part_twice() -> None:
    sort = SkillsSort.start(resume([], {"Training": ["LightGBM/XGBoost", "XGBoost"]}), PROFILE)
    assert sort.split("LightGBM/XGBoost") == ["LightGBM"]
    assert sort.in_group("Training") == ["LightGBM", "XGBoost"]


# --- the sorter widget ----------------------------------------------------------------------
def test_the_sorter_shows_t7s_checklist_and_it_moves_when_an_unused_tool_is_dropped(
    store: DraftsFile,
) -> None:
    r = load_resume(SAMPLES / "examples" / "priya_fraud.yaml")
    sorter = SkillsSorter(r, store)
    assert sorter.before_score == sorter.score == t7(r).score
    assert "every tool shown in use in a bullet" in sorter.checklist.value
    assert "of 30 points" in sorter.checklist.value and "−" in sorter.checklist.value
    assert "Kafka" in sorter.checklist.value and "Kafka" in sorter.unshown.value
    before, checklist = sorter.score, sorter.checklist.value
    sorter.choices["Kafka"].value = DROP  # the learner picks "(drop it)"
    assert sorter.score > before and sorter.checklist.value != checklist
    assert "Kafka" not in sorter.unshown.value and "Dropped: Kafka" in sorter.block.value
    assert f"before sorting <b>{before}</b>" in sorter.header.value
    assert f">{sorter.score}</b>/100" in sorter.header.value


def test_dropping_an_unused_tool_gives_back_what_its_finding_said(store: DraftsFile) -> None:
    r = resume(
        ["Trained the ranker in PyTorch."],
        {"Training": ["PyTorch", "JAX", "MXNet"], "Data": ["Kafka", "Flink"]},
    )
    sorter = SkillsSorter(r, store)
    price = re.compile(r"Each of these costs <b>([\d.]+)</b> points")
    before = float(price.search(sorter.unshown.value).group(1))
    score = sorter.result.score  # type: ignore[union-attr]
    sorter.choices["MXNet"].value = DROP
    sorter.choices["JAX"].value = DROP
    after = float(price.search(sorter.unshown.value).group(1))
    assert after == before  # the same price for each, whatever else is kept
    # two dropped give back two prices (the score is rounded to whole points)
    assert abs(sorter.result.score - (score + 2 * before)) <= 1  # type: ignore[union-attr]


def test_with_more_unshown_tools_than_lose_the_line_the_note_says_when_points_return(
    store: DraftsFile,
) -> None:
    unshown = [
        "JAX",
        "MXNet",
        "Caffe",
        "Theano",
        "Chainer",
        "Keras",
        "Flink",
        "Storm",
        "Beam",
        "Hive",
    ]
    r = resume(["Trained the ranker in PyTorch."], {"Training": ["PyTorch", *unshown]})
    sorter = SkillsSorter(r, store)
    note = sorter.unshown.value
    assert "You have 10: the first 2 you drop or show give nothing back yet" in note

    def used() -> float:
        assert sorter.result is not None
        return next(c.earned for c in sorter.result.checklist if c.key == "used")

    assert used() == 0
    sorter.choices["JAX"].value = DROP
    sorter.choices["MXNet"].value = DROP
    assert used() == 0  # as the note said
    assert "Each of these costs <b>3.75</b> points" in sorter.unshown.value
    sorter.choices["Caffe"].value = DROP
    assert used() == 3.75


def test_a_tool_filed_under_languages_is_named_beside_the_group(store: DraftsFile) -> None:
    r = resume(["Trained the ranker in PyTorch."], {"Languages": ["Python", "pandas", "NumPy"]})
    sorter = SkillsSorter(r, store)
    badge = sorter.groups_box.children[0].children[1].value
    assert "pandas, NumPy are tools: move them" in badge and "rl-miss" in badge
    only = SkillsSorter(
        resume(["Trained the ranker in PyTorch."], {"Languages": ["Python"]}), store
    )
    assert "languages: no bullet needed" in only.groups_box.children[0].children[1].value


def test_the_sorter_widgets_rename_split_and_save(store: DraftsFile) -> None:
    r = resume(
        ["Built PySpark jobs and used SQL to produce a Redshift dashboard."],
        {"Data ETL": ["SQL(Hive/Presto)", "Spark"], "Visualization": ["Tableau"]},
    )
    sorter = SkillsSorter(r, store)
    assert "not a pipeline stage" in sorter.groups_box.children[1].children[1].value
    sorter.names["Visualization"].value = "Serving"  # typed in the group's name box
    assert "Serving" in sorter.names and "Visualization" not in sorter.names
    sorter.split_buttons["SQL(Hive/Presto)"].click()
    assert list(sorter.choices) == ["SQL", "Hive", "Presto", "Spark", "Tableau"]
    assert "Hive" in sorter.unshown.value
    sorter.choices["Tableau"].value = DROP
    assert sorter.save_row.save()
    saved = load_drafts(store.path).text("skills")
    assert saved == "Data ETL: SQL, Hive, Presto, Spark"
    again = SkillsSorter(r, store, draft=saved)  # the compound's parts are kept, Tableau dropped
    assert again.assignment() == {
        "SQL": "Data ETL",
        "Hive": "Data ETL",
        "Presto": "Data ETL",
        "Spark": "Data ETL",
        "Tableau": DROP,
    }
    assert r.skills[0].keywords[0] == "SQL(Hive/Presto)"  # the resume itself is unchanged


def test_emptying_a_group_moves_no_row_and_no_option(store: DraftsFile) -> None:
    r = resume(
        ["Built PySpark jobs for the ranking features."],
        {"Data": ["Spark", "Hive"], "Visualization": ["Tableau", "Looker"], "Serving": ["Docker"]},
    )
    sorter = SkillsSorter(r, store)
    names, options = list(sorter.names), sorter.choices["Spark"].options
    sorter.choices["Tableau"].value = DROP
    sorter.choices["Looker"].value = DROP  # the group's last entry
    assert list(sorter.names) == names and sorter.choices["Spark"].options == options
    assert sorter.names["Visualization"].disabled
    row = sorter.groups_box.children[names.index("Visualization")]
    assert "empty: left out of the block" in row.children[1].value
    assert "Visualization" not in sorter.text()  # an empty group is no line of the block
    sorter.choices["Docker"].value = "Visualization"  # and it can be filled again
    assert not sorter.names["Visualization"].disabled and "Visualization: Docker" in sorter.text()
    sorter.names["Data"].value = "Data & pipelines"  # a renamed group keeps its place
    assert list(sorter.names)[names.index("Data")] == "Data & pipelines"


# --- drafts count as evidence ---------------------------------------------------------------
SAVED_BULLET = "Built the Spark and SQL feature jobs in Airflow and tracked the models in MLflow."


def test_a_saved_bullet_draft_shows_its_tools_in_the_lesson_and_the_report(
    tmp_path: Path,
) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(
        "basics: {name: Sam}\n"
        "work:\n  - name: Acme\n    highlights: [Helped the data team.]\n"
        "skills:\n  - {name: Data, keywords: [Spark, SQL, Airflow]}\n"
        "  - {name: Experimentation, keywords: [MLflow]}\n",
        encoding="utf-8",
    )
    drafts = tmp_path / "drafts.yaml"
    lesson = lesson_setup(path, drafts, technique="T7")
    before = lesson.exercise()
    assert set(before.unshown_entries()) == {"Spark", "SQL", "Airflow", "MLflow"}
    lesson.store.save("work[0].highlights[0]", SAVED_BULLET)
    lesson = lesson_setup(path, drafts, technique="T7")
    sorter = lesson.exercise()
    assert sorter.unshown_entries() == [] and sorter.score >= 85
    assert "Every tool you kept appears in a bullet" in sorter.unshown.value
    assert "✘" not in lesson.recap().html
    after, _ = apply_drafts(lesson.resume, lesson.drafts)
    assert unshown(after) == []

    from resume_lessons.formats import load_resume_with_warnings
    from resume_lessons.present.report_content import build_report

    report = build_report(load_resume_with_warnings(path), str(drafts))
    assert report.after.scores["T7"] > report.before.scores["T7"]
    assert not [f for f in report.after.findings_for("T7") if f.code == "T704"]


# --- a learner reaches 85 ------------------------------------------------------------------------
SAMPLE_FILES = sorted(
    p
    for p in [*SAMPLES.glob("*/*.yaml"), *SAMPLES.glob("*/*.json")]
    if not p.name.endswith(".drafts.yaml") and p.parent.name != "postings"
)
# A bullet the learner saves where no bullet shows the tools of a second stage.
EXTRA_DRAFTS = {
    "dana_kowalski.yaml": (
        "work[0].highlights[0]",
        "Fine-tuned a Hugging Face Transformers ticket classifier in PyTorch on 4M labeled "
        "tickets, cutting misrouted tickets by 31%.",
    ),
}


def drafted(path: Path, store: DraftsFile) -> Resume:
    """The sample with its bundled bullet drafts (and any extra one) applied."""
    r = load_resume(path)
    own = path.with_name(path.stem + ".drafts.yaml")
    drafts = load_drafts(own) if own.exists() else Drafts()
    if path.name in EXTRA_DRAFTS:
        store.save(*EXTRA_DRAFTS[path.name])
        drafts.items.update(store.load().items)
    return apply_drafts(r, drafts, skip=("skills",))[0]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_a_learner_reaches_85_by_dropping_unused_tools_and_renaming_groups(
    path: Path, store: DraftsFile
) -> None:
    sorter = SkillsSorter(drafted(path, store), store)
    for entry in sorter.unshown_entries():
        sorter.drop(entry)
    for group in sorter.sort.groups():
        if not sorter.sort.stage(group):  # name it after the stage its tools serve
            stages = [tool_stage(e, PROFILE) for e in sorter.sort.in_group(group)]
            sorter.rename(group, stage_groups(PROFILE)[next((s for s in stages if s), "serving")])
    assert sorter.score >= 85, (sorter.score, sorter.text())
    assert sorter.score >= sorter.before_score


def test_the_sorter_says_what_its_first_suggestion_moved(tmp_path: Path) -> None:
    from resume_lessons.core.drafts import DraftsFile
    from resume_lessons.core.loader import resume_from_data

    data = {
        "basics": {"name": "Sam"},
        "work": [{"name": "Acme", "highlights": ["Trained PyTorch models on Spark features."]}],
        "skills": [
            {"name": "ML", "keywords": ["PyTorch", "Kaldi"]},
            {"name": "Data", "keywords": ["Spark"]},
        ],
    }
    resume = resume_from_data(data, "sam.yaml")
    sorter = SkillsSorter(resume, DraftsFile(tmp_path / "d.yaml", tmp_path / "sam.yaml"))
    note = sorter.children[2].value
    assert "A first suggestion, not your edit" in note and "PyTorch → Training" in note
    assert "Spark" not in note.split("(", 1)[1].split(")")[0]  # left where the learner had it
    # a group under a stage's name holding another stage's tools is marked on its badge
    sorter.move("Spark", "Monitoring")
    sorter.move("PyTorch", "Monitoring")
    assert "serve another" in sorter._stage_badge("Monitoring")


@pytest.mark.parametrize("tool", ["FAISS", "ScaNN", "Milvus", "hnswlib"])
def test_a_vector_index_is_first_filed_under_serving(tool: str) -> None:
    """It answers queries at request time, as the element finder and tailor read it."""
    assert tool_stage(tool, load_profile()) == "serving"


def test_a_tool_the_bullets_show_is_added_from_the_sorter(store: DraftsFile) -> None:
    r = resume(
        ["Moved the ranking features into Feast and trained the ranker in PyTorch."],
        {"Training": ["PyTorch"]},
    )
    sorter = SkillsSorter(r, store)
    # what the bullets show and the block leaves out costs points, named in the checklist
    assert "T706" in sorter.checklist.value and "Feast" in sorter.checklist.value
    assert "lists the tools your bullets show in use" in sorter.checklist.value
    before = sorter.score
    sorter.add_box.value = "Feast"
    sorter.add_button.click()
    assert sorter.assignment()["Feast"] == "Features"  # the group of its stage
    assert "Added Feast to Features" in sorter.add_status.value
    assert "T706" not in sorter.checklist.value and sorter.score > before
    sorter.add_box.value = "feast"
    sorter.add_button.click()  # already kept: nothing added twice
    assert "already in your skills" in sorter.add_status.value
    assert list(sorter.assignment()).count("Feast") == 1
    assert sorter.save_row.save()
    saved = load_drafts(store.path).text("skills")
    assert "Features: Feast" in saved
    assert SkillsSorter(r, store, draft=saved).assignment()["Feast"] == "Features"


def test_an_added_model_goes_to_training_and_an_unknown_tool_to_other() -> None:
    sort = SkillsSort(load_profile(), {"Python": "Languages", "PyTorch": "Training & models"})
    assert sort.add("EfficientDet") == "Training & models"  # a model: trained, in the renamed group
    assert sort.add("Zorbly") == "Other"  # nothing known: where the learner sees it to sort
    assert sort.add("Feast") == "Features"


def test_a_renamed_group_stands_for_its_stage_in_the_move_choices() -> None:
    sort = SkillsSort(load_profile(), {"PyTorch": "Training", "Spark": "Data"})
    assert "Training" in sort.options()
    assert sort.rename("Training", "Training & models")
    options = sort.options()
    assert "Training & models" in options and "Training" not in options
    assert "Serving" in options and options[-1] == DROP  # stages no group names yet stay


def test_skills_written_one_per_entry_are_one_list_to_sort(tmp_path: Path) -> None:
    from resume_lessons import load_resume_with_warnings

    path = tmp_path / "me.yaml"
    path.write_text(
        "basics: {name: Sam}\nwork:\n  - name: Co\n    highlights:\n"
        "      - Trained the PyTorch intent classifier on Postgres data.\n"
        "skills:\n  - name: Python\n  - name: SQL (Postgres/BigQuery)\n  - name: PyTorch\n"
        "    level: expert\n  - name: Tools\n    keywords: [Docker]\n",
        encoding="utf-8",
    )
    loaded = load_resume_with_warnings(path)
    skills = loaded.resume.skills
    assert [s.keywords for s in skills] == [
        ["Python", "SQL (Postgres/BigQuery)", "PyTorch"],
        ["Docker"],
    ]
    assert any("one list of skills" in str(w) and ":7:" in str(w) for w in loaded.warnings)
    t7 = analyze(loaded.resume, techniques=(get_technique("T7"),)).results["T7"]
    assert not any(f.code == "T705" for f in t7.findings)  # there is a skills block
    store = DraftsFile(tmp_path / "drafts.yaml", path)
    sorter = SkillsSorter(loaded.resume, store)
    assert {"Python", "PyTorch", "Docker"} <= set(sorter.assignment())


def test_splitting_a_compound_under_languages_sends_its_tools_to_their_stages() -> None:
    sort = SkillsSort(
        load_profile(), {"SQL (Postgres/BigQuery)": "Languages", "PyTorch": "Training"}
    )
    assert sort.split("SQL (Postgres/BigQuery)") == ["SQL", "Postgres", "BigQuery"]
    assert sort.entries["SQL"] == "Languages"
    assert sort.entries["Postgres"] == sort.entries["BigQuery"] == "Data"


def test_a_tool_with_its_version_glued_on_is_that_tool() -> None:
    grams = ngrams(["Built a YOLOv8 defect detector and Python3 services on AWS S3."])
    assert shown_in("YOLO", grams) and shown_in("Python", grams)
    assert not shown_in("S", grams)  # "S3" keeps its digit: the name is too short to strip
