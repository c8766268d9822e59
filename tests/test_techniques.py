"""The seven techniques: examples drive the tests, samples score as the lessons promise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.scoring import assert_every_point_is_explained

from resume_lessons import TECHNIQUES, analyze, load_resume
from resume_lessons.core.findings import Example
from resume_lessons.core.model import Resume
from resume_lessons.core.techniques import Technique, get_rule, get_technique

EXAMPLES_DIR = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
CASES = [
    pytest.param(t, e, id=f"{t.code}-{e.label}-{i}")
    for t in TECHNIQUES
    for i, e in enumerate(t.examples)
]


def run(technique: Technique, example: Example) -> set[str]:
    resume = Resume.model_validate(example.as_resume_data())
    return {f.code for f in analyze(resume, techniques=(technique,)).findings}


@pytest.mark.parametrize(("technique", "example"), CASES)
def test_weak_examples_yield_their_findings_and_strong_ones_none(
    technique: Technique, example: Example
) -> None:
    codes = run(technique, example)
    if example.label == "weak":
        assert example.codes, "a weak example must name the findings it shows"
        assert set(example.codes) <= codes
    else:
        assert codes == set()


@pytest.mark.parametrize("technique", TECHNIQUES, ids=lambda t: t.code)
def test_every_technique_has_metadata_examples_and_rules(technique: Technique) -> None:
    assert re.fullmatch(r"T[1-7]", technique.code)
    assert technique.title and technique.name
    assert 2 <= technique.why.count(". ") + 1 <= 4, "why is two or three sentences"
    assert technique.weak_examples and technique.strong_examples
    assert all(r.code.startswith(technique.code) for r in technique.rules)
    covered = {c for e in technique.weak_examples for c in e.codes}
    # Every rule a learner can trip is shown by at least one weak example, except "missing
    # section" rules whose example would be an empty resume.
    missing = {r.code for r in technique.rules} - covered - {"T101", "T705"}
    assert not missing, f"rules without a weak example: {missing}"


def test_registry_lookup_by_code_name_and_rule() -> None:
    assert get_technique("t4").name == "quantify-experiments"
    assert get_technique("skills-by-stage").code == "T7"
    assert get_rule("T402")[1].name == "experiment-without-duration"
    with pytest.raises(KeyError, match="known"):
        get_technique("T9")


def test_strong_sample_scores_at_least_85_on_every_technique() -> None:
    scores = analyze(load_resume(EXAMPLES_DIR / "alex_after.yaml")).scores
    assert all(scores[t.code] >= 85 for t in TECHNIQUES), scores


def test_weak_sample_scores_under_40_on_t1_t3_t4_t7() -> None:
    scores = analyze(load_resume(EXAMPLES_DIR / "alex_before.yaml")).scores
    assert all(scores[c] < 40 for c in ("T1", "T3", "T4", "T7")), scores


def test_before_and_after_bullets_line_up() -> None:
    before = load_resume(EXAMPLES_DIR / "alex_before.yaml")
    after = load_resume(EXAMPLES_DIR / "alex_after.yaml")
    assert [len(w.highlights) for w in before.work] == [len(w.highlights) for w in after.work]


@pytest.mark.parametrize("name", ["alex_before", "alex_after", "priya_fraud"])
def test_analysis_is_deterministic_and_every_point_is_explained(name: str) -> None:
    resume = load_resume(EXAMPLES_DIR / f"{name}.yaml")
    first, second = analyze(resume), analyze(resume)
    assert first.scores == second.scores
    assert [f.to_dict() for f in first.findings] == [f.to_dict() for f in second.findings]
    assert_every_point_is_explained(first)


def test_findings_are_complete_sentences_and_suggestions_invent_no_numbers() -> None:
    for name in ("alex_before", "alex_after", "priya_fraud"):
        for f in analyze(load_resume(EXAMPLES_DIR / f"{name}.yaml")).findings:
            assert f.message.rstrip("”").endswith((".", "?")), f.message
            assert f.suggestion.endswith((".", "?")), f.suggestion
            assert f.technique == f.code[:2]
            text = f.suggestion
            assert not re.search(r"\d", text), f"suggestion invents a number: {text}"


def test_spans_point_into_the_text() -> None:
    resume = load_resume(EXAMPLES_DIR / "alex_before.yaml")
    analysis = analyze(resume)
    texts = {i.location: i.text for i in analysis.items}
    for f in analysis.findings:
        if f.span and f.location in texts:
            start, end = f.span
            assert 0 <= start < end <= len(texts[f.location])


def test_no_publications_is_fine() -> None:
    resume = Resume.model_validate(
        {"basics": {"name": "A"}, "work": [{"name": "X", "highlights": ["Built a model."]}]}
    )
    assert analyze(resume).scores["T6"] == 100


def _check(data: dict, code: str):  # type: ignore[no-untyped-def]
    from resume_lessons.core.loader import resume_from_data

    return analyze(resume_from_data(data, "sam.yaml")).results[code]


_USED = "Built Airflow DAGs that retrain the churn model in PyTorch nightly."


def test_a_tool_under_languages_still_needs_a_bullet() -> None:
    data = {
        "basics": {"name": "Sam"},
        "work": [{"name": "Acme", "highlights": [_USED]}],
        "skills": [
            {"name": "Languages", "keywords": ["Python", "SQL", "Kafka", "Docker"]},
            {"name": "Training", "keywords": ["PyTorch"]},
            {"name": "Data", "keywords": ["Airflow"]},
        ],
    }
    unshown = {
        f.message.split("”")[0].strip("“") for f in _check(data, "T7").findings if f.code == "T704"
    }
    assert unshown == {"Kafka", "Docker"}  # the languages need no bullet; the tools do


def test_a_field_listed_as_a_skill_is_asked_for_its_tools_not_for_a_bullet() -> None:
    data = {
        "basics": {"name": "Sam"},
        "work": [{"name": "Acme", "highlights": [_USED]}],
        "skills": [{"name": "Training", "keywords": ["PyTorch", "Deep Learning", "Airflow"]}],
    }
    f = next(f for f in _check(data, "T7").findings if f.code == "T704")
    assert "“Deep Learning” names a field, not a tool" in f.message
    assert "list the tools" in f.suggestion and f.points > 0


def test_a_group_named_after_one_stage_holding_another_stages_tools_is_flagged() -> None:
    base = {"basics": {"name": "Sam"}, "work": [{"name": "Acme", "highlights": [_USED]}]}
    wrong = _check(
        {
            **base,
            "skills": [
                {"name": "Monitoring", "keywords": ["PyTorch", "XGBoost"]},
                {"name": "Data", "keywords": ["Airflow"]},
            ],
        },
        "T7",
    )
    right = _check(
        {
            **base,
            "skills": [
                {"name": "Training", "keywords": ["PyTorch", "XGBoost"]},
                {"name": "Data", "keywords": ["Airflow"]},
            ],
        },
        "T7",
    )
    assert any(f.code == "T702" and "PyTorch" in f.message for f in wrong.findings)
    staged = {c.key: c.earned for c in wrong.checklist}["staged"]
    assert staged < {c.key: c.earned for c in right.checklist}["staged"]


def test_a_paper_is_tied_by_its_topic_not_by_the_word_production() -> None:
    bullet = "Shrank the wake-word detector to 250 KB with 8-bit quantization for earbuds."
    base = {"basics": {"name": "Sam"}, "work": [{"name": "Acme", "highlights": [bullet]}]}

    def tied(name: str, summary: str = "") -> float:
        pub = {"name": name, "publisher": "Interspeech", "summary": summary}
        result = _check({**base, "publications": [pub]}, "T6")
        return {c.key: c.earned for c in result.checklist}["tied"]

    assert tied("Low-footprint wake-word detection with quantized convolutional networks") == 40
    assert tied("Notes on bandits", "Production. Shipped. Deployed in production at scale.") == 0
    assert tied("Notes on bandits", "The bandit we run at Acme.") == 40  # names the company


def test_a_list_of_model_families_is_no_model_work() -> None:
    from resume_lessons.core.bullet_score import CRAMMED_CAP, score_bullet

    listed = "Built transformer, LSTM, DeepFM and XGBoost models for the ads team."
    one = "Replaced the ads ranker's logistic regression with a DeepFM model."
    data = {"basics": {"name": "Sam"}, "work": [{"name": "Acme", "highlights": [listed]}]}
    assert any(f.code == "T501" for f in _check(data, "T5").findings)
    data["work"][0]["highlights"] = [one]
    assert not any(f.code == "T501" for f in _check(data, "T5").findings)
    scored = score_bullet(
        listed.replace(" for the ads team.", ", lifting ads CTR 9% for 30M users.")
    )
    assert scored.score <= CRAMMED_CAP and "model families" in scored.capped


def test_languages_fit_any_stage_group() -> None:
    data = {
        "basics": {"name": "Sam"},
        "work": [{"name": "Acme", "highlights": [_USED]}],
        "skills": [
            {"name": "Data", "keywords": ["Python", "SQL", "Airflow"]},
            {"name": "Training", "keywords": ["PyTorch"]},
        ],
    }
    assert not any(f.code == "T702" for f in _check(data, "T7").findings)


@pytest.mark.parametrize(
    ("groups", "says"),
    [
        ({"Skills": 16}, "It is one group of 16: split it into stage groups of at most 10."),
        ({"Data": 12, "Training": 4}, "Keep each group to 10 at most: “Data” has 12."),
        (
            {f"G{i}": 8 for i in range(4)},
            "The skills list has 32 entries; keep it to 30 at most.",
        ),
    ],
)
def test_a_long_skills_list_says_what_to_cut(groups: dict[str, int], says: str) -> None:
    from resume_lessons.core.loader import resume_from_data

    skills = [
        {"name": name, "keywords": [f"{name}tool{k}" for k in range(n)]}
        for name, n in groups.items()
    ]
    work = [{"name": "Co", "highlights": ["Built a ranking model."]}]
    resume = resume_from_data({"basics": {"name": "A"}, "work": work, "skills": skills}, "x")
    found = [f.message for f in analyze(resume).findings_for("T7") if f.code == "T703"]
    assert found == [says]


@pytest.mark.parametrize(
    "check",
    [
        "after a 2-week pilot with 40 clinicians showed no drop in task completion",
        "after a user study with 40 clinicians showed no drop in task completion",
        "after blinded clinician review rated its answers as good",
    ],
)
def test_t3_accepts_a_pilot_a_user_study_or_a_blinded_review_as_the_check(check: str) -> None:
    from resume_lessons.core.analyze import score_item

    text = f"Replaced GPT-4 with a fine-tuned Llama 2 13B, accepting lower faithfulness, {check}."
    assert score_item(text, "bullet", get_technique("T3")).score == 100


def test_t4_reads_guardrails_held_a_share_of_people_and_a_holdout_of_items() -> None:
    from resume_lessons.core.analyze import score_item

    t4 = get_technique("T4")
    held = score_item(
        "Ran a 3-week A/B test on 10% of clinicians; answer acceptance rose 6%, with guardrail "
        "metrics p95 latency and escalation rate holding.",
        "bullet",
        t4,
    )
    lines = {c.key: c.earned for c in held.checklist}
    assert lines["T403"] == 15 and lines["T404"] == 15  # the share, the named guardrails
    offline = score_item(
        "Evaluated the classifier on a 3,000-ticket holdout, lifting macro-F1 from 0.81 to 0.88.",
        "bullet",
        t4,
    )
    assert {c.key: c.earned for c in offline.checklist}["experiment"] == 0  # no online test
    online = score_item("Ran a 4-week holdout on 5% of users; retention rose 1.2%.", "bullet", t4)
    assert {c.key: c.earned for c in online.checklist}["experiment"] == 15


def test_t6_ranks_a_domain_s_top_venue() -> None:
    from resume_lessons.core.loader import resume_from_data

    data = {
        "basics": {"name": "x"},
        "work": [{"name": "FreshCart", "highlights": ["Built demand forecasts with LightGBM."]}],
        "publications": [
            {
                "name": "Demand forecasting for fresh produce",
                "publisher": "International Symposium on Forecasting",
            }
        ],
    }
    codes = {f.code for f in analyze(resume_from_data(data, "x")).findings}
    assert "T602" not in codes  # not "a publication not at a top venue"


def test_t3_at_full_marks_keeps_other_uncosted_decisions_as_tips() -> None:
    weighed = (
        "Replaced the logistic regression CTR model with a DeepFM model, accepting 4 ms more p99 "
        "latency after a load test showed p99 stayed under 20 ms."
    )
    plain = "Quantized the on-device ASR model to int8 with TensorFlow Lite."
    data = {"basics": {"name": "A"}, "work": [{"name": "X", "highlights": [weighed, plain]}]}
    t3 = _check(data, "T3")
    assert t3.score == 100
    (tip,) = [f for f in t3.findings if f.code == "T302"]
    assert tip.is_tip and tip.location == "work[0].highlights[1]"
    assert "work[0].highlights[0] already shows" in tip.message
    # without the weighed one, the same decision costs points
    alone = {"basics": {"name": "A"}, "work": [{"name": "X", "highlights": [plain]}]}
    assert any(f.code == "T302" and not f.is_tip for f in _check(alone, "T3").findings)


def test_a_duty_bullet_about_people_is_asked_about_the_people() -> None:
    people = "Participated in code reviews and mentoring of interns."
    stage = "Responsible for model training."
    data = {"basics": {"name": "A"}, "work": [{"name": "X", "highlights": [people, stage]}]}
    fixes = {f.location: f.suggestion for f in _check(data, "T2").findings if f.code == "T202"}
    assert "what came of it" in fixes["work[0].highlights[0]"]
    assert "pipeline stage" not in fixes["work[0].highlights[0]"]
    assert "pipeline stage" in fixes["work[0].highlights[1]"]


def test_one_unlisted_tool_is_it_and_more_are_them() -> None:
    def message(bullet: str) -> str:
        data = {
            "basics": {"name": "A"},
            "work": [{"name": "X", "highlights": [bullet]}],
            "skills": [{"name": "Training", "keywords": ["PyTorch"]}],
        }
        (f,) = [f for f in _check(data, "T7").findings if f.code == "T706"]
        return f.message

    assert message("Trained it in PyTorch and served it with Triton.").endswith("list it.")
    assert message("Served it with Triton on Kubernetes.").endswith("list them.")


def test_t5_balance_says_how_many_bullets_show_each_side_and_how_many_more() -> None:
    model = "Trained a LightGBM demand model for 1,200 stores."
    system = "Built the Airflow data pipeline that feeds the forecasts."
    for n_systems in (9, 19):
        bullets = [model, *([system] * n_systems)]
        data = {"basics": {"name": "A"}, "work": [{"name": "X", "highlights": bullets}]}
        (f,) = [f for f in _check(data, "T5").findings if f.code == "T504"]
        every = n_systems + 1
        need = {10: 3, 20: 6}[every]
        assert f"1 of your {every} bullets show models" in f.message
        assert f"needs {need} or more" in f.message
        assert f"Name it in {({2: 'two', 5: 'five'})[need - 1]} more bullets" in f.suggestion


def test_a_paper_and_a_bullet_that_abbreviate_each_other_are_tied() -> None:
    def tied(title: str, bullet: str) -> bool:
        data = {
            "basics": {"name": "A"},
            "work": [{"name": "Optisense", "highlights": [bullet]}],
            "publications": [{"name": title, "publisher": "CVPR"}],
        }
        return not [f for f in _check(data, "T6").findings if f.code == "T603"]

    pcb = "Trained U-Net models for PCB solder joint inspection, cutting escaped defects 30%."
    assert tied("Few-shot anomaly detection for printed circuit board inspection", pcb)
    spelled = "Trained U-Net models for printed circuit board inspection at 3 plants."
    assert tied("Solder joint defects in PCB inspection", spelled)
    assert not tied("Efficient attention for long documents", pcb)


def test_t4_a_test_told_by_its_details_is_an_experiment_described() -> None:
    from resume_lessons.core.analyze import score_item

    t4 = get_technique("T4")
    plain = "Ran experiments comparing ResNet-50 and EfficientNet-B3 backbones for the detector."
    detailed = (
        "Shadow-tested an EfficientNet-B3 detector against the ResNet-50 baseline for 3 weeks on "
        "25% of inspection stations, with false-reject rate as a guardrail; stopped at p<0.05."
    )
    assert score_item(detailed, "bullet", t4).score > score_item(plain, "bullet", t4).score
    data = {"basics": {"name": "A"}, "work": [{"name": "X", "highlights": [detailed]}]}
    assert not [f for f in _check(data, "T4").findings if f.code in ("T406", "T402", "T403")]
    # one detail alone is no test ("for 3 weeks" of a migration)
    one = {"basics": {"name": "A"}, "work": [{"name": "X", "highlights": [
        "Migrated the feature store to Feast over 3 weeks."]}]}  # fmt: skip
    assert any(f.code == "T406" for f in _check(one, "T4").findings)


def test_t4_a_soup_of_test_words_earns_no_experiment_described() -> None:
    from resume_lessons.core.analyze import score_item
    from resume_lessons.core.bullet_score import CRAMMED_CAP, score_bullet

    soup = (
        "A/B test experiment CTR +15% conversion +9% p < 0.05 2 weeks 3 weeks 50% of traffic "
        "10% of users guardrails latency revenue early stopping significance threshold."
    )
    honest = (
        "Ran a 2-week A/B test of the new ranking features on 20% of search traffic, lifting "
        "booking conversion by 1.8% (p < 0.05) with guardrails on search latency."
    )
    t4 = get_technique("T4")
    gamed = score_item(soup, "bullet", t4)
    assert gamed.score < 50 and any("more than once" in f.message for f in gamed.findings)
    assert score_item(honest, "bullet", t4).score == 100
    assert score_bullet(soup).score <= CRAMMED_CAP < score_bullet(honest).score


def test_t3_reads_a_risked_cost_checked_and_a_measured_loss_as_the_cost() -> None:
    from resume_lessons.core.analyze import score_item

    t3 = get_technique("T3")
    checked = (
        "Cut detector latency from 48 ms to 29 ms by INT8 quantization with TensorRT, after an "
        "A/B on 1,200 hours of replayed logs showed no regression in recall at 50 m."
    )
    lines = {c.key: c.earned for c in score_item(checked, "bullet", t3).checklist}
    assert lines["cost"] > 0 and lines["validated"] > 0
    paid = "Chose a lighter MobileNet backbone that lost 1.1 mIoU but ran 3x faster on the Jetson."
    lines = {c.key: c.earned for c in score_item(paid, "bullet", t3).checklist}
    assert lines["cost"] > 0 and lines["validated"] == 0  # the cost, not yet its check


def test_a_paper_shares_a_named_method_or_a_run_together_name_with_its_bullet() -> None:
    def tied(title: str, bullet: str) -> bool:
        data = {
            "basics": {"name": "A"},
            "work": [{"name": "Ridgeway", "highlights": [bullet]}],
            "publications": [{"name": title, "publisher": "CVPR"}],
        }
        return not [f for f in _check(data, "T6").findings if f.code == "T603"]

    mining = (
        "Built an active-learning loop over 2 PB of fleet logs, cutting misses on cyclists 22%."
    )
    assert tied("Uncertainty-Aware Active Learning for Rare-Class 3D Detection", mining)
    fusion = "Led the BEVFusion-style lidar-camera detector from data mining to deployment."
    assert tied("Fast BEV Fusion on Embedded GPUs", fusion)
    # one ordinary word in common is still no tie
    assert not tied("Active Inference in Robot Control", fusion)


def test_a_catch_all_group_beside_a_field_s_group_is_named_as_such() -> None:
    skills = [
        {"name": "Technical", "keywords": ["Python", "SQL", "LightGBM", "Spark", "Airflow"]},
        {"name": "Risk", "keywords": ["IFRS 9", "scorecards"]},
    ]
    data = {"basics": {"name": "A"}, "work": [{"name": "X", "highlights": ["Built a model."]}]}
    found = _check({**data, "skills": skills}, "T7").findings
    flat = next(f for f in found if f.code == "T701")
    assert "catch-all group (“Technical”)" in flat.message
    one = _check({**data, "skills": [{"name": "", "keywords": ["Python", "SQL"]}]}, "T7")
    assert "one flat list" in next(f for f in one.findings if f.code == "T701").message
