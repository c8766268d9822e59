"""The element table: one row per element, and everything else reads it."""

from __future__ import annotations

import pytest

from resume_lessons.core.elements import (
    BULLET_ELEMENTS,
    BY_NAME,
    ELEMENTS,
    SUMMARY_ELEMENTS,
    explain,
    rules,
)
from resume_lessons.core.profile import VOCABULARIES, load_profile
from resume_lessons.core.questions import QUESTIONS
from resume_lessons.present.render import ELEMENT_COLORS, highlight_html

# One text of our own per element, in which the element's rules must find it.
EXAMPLES = {
    "action_verb": ("bullet", "Built a feature store for ranking."),
    "weak_opening": ("bullet", "Responsible for the churn dashboards."),
    "stage.data": ("bullet", "Built Spark ETL jobs that clean 2 TB of click logs a day."),
    "stage.features": ("bullet", "Built a feature store serving user embeddings to 3 models."),
    "stage.training": ("bullet", "Trained a LightGBM ranker on 40 days of sessions."),
    "stage.serving": ("bullet", "Served the ranking model on Triton at 12 ms p99."),
    "stage.monitoring": ("bullet", "Added drift monitoring and alerts for the fraud model."),
    "stage.experimentation": ("bullet", "Ran an A/B test of the new ranker."),
    "model_type": ("bullet", "Replaced logistic regression with XGBoost."),
    "decision": ("bullet", "Replaced the nightly batch job with a streaming pipeline."),
    "tradeoff": ("bullet", "Chose a smaller model because it met the 10 ms budget."),
    "quantified_impact": ("bullet", "Cut p99 latency from 80 ms to 35 ms."),
    "scale": ("bullet", "Built search for 20M users."),
    "business_impact": ("bullet", "Lifted conversion by 4% with a new ranker."),
    "experiment": ("bullet", "Ran an A/B test of the new ranker."),
    "experiment_duration": ("bullet", "Ran a 3-week A/B test on 5% of traffic."),
    "traffic_share": ("bullet", "Ran a 3-week A/B test on 5% of traffic."),
    "guardrail": ("bullet", "Ran an A/B test with latency guardrails."),
    "early_stopping": ("bullet", "Ran an A/B test with early stopping."),
    "significance": ("bullet", "Ran an A/B test; the lift was significant (p < 0.01)."),
    "domain": ("summary", "ML engineer in fraud detection."),
    "system_type": ("summary", "ML engineer building real-time ranking pipelines."),
    "years_experience": ("summary", "ML engineer with 8 years in search."),
    "generic_adjective": ("summary", "Passionate ML engineer."),
}


def test_every_element_has_one_row_and_an_example():
    names = [spec.name for spec in ELEMENTS]
    assert len(names) == len(set(names))
    assert set(names) == set(BULLET_ELEMENTS) | set(SUMMARY_ELEMENTS) == set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_row_finds_its_element_in_its_example(name):
    kind, text = EXAMPLES[name]
    spec = BY_NAME[name]
    assert kind in spec.kinds
    found = [e for e in explain(text, kind) if e.name == name]
    assert found, f"{name} not found in {text!r}"
    for e in found:  # spans are exact: the element's text is the text at its span
        assert text[e.start : e.end] == e.text and e.text.strip() == e.text


def test_rows_name_real_rules_and_vocabularies():
    categories = {category for _, category in VOCABULARIES}
    passes = {getattr(rules, n) for n in dir(rules) if n.startswith("find_")}
    for spec in ELEMENTS:
        assert set(spec.categories) <= categories, spec.name
        assert spec.rules and set(spec.rules) <= passes, spec.name
        assert spec.question.strip() and spec.colour.startswith("#")


def test_renderers_and_questions_read_the_table():
    assert set(QUESTIONS) == set(ELEMENT_COLORS) == set(BY_NAME)
    assert all(QUESTIONS[s.name] == s.question for s in ELEMENTS)
    html = highlight_html("Built search for 20M users.", explain("Built search for 20M users."))
    assert f"background:{BY_NAME['scale'].colour}" in html


def test_each_kind_looks_up_only_the_vocabularies_its_rows_read():
    profile = load_profile()
    bullet = profile.kind_index["bullet"].by_category(["passionate", "fraud", "detection"])
    assert "generic_adjective" not in bullet and "domain" not in bullet
    summary = profile.kind_index["summary"].by_category(["passionate"])
    assert "generic_adjective" in summary


def test_the_same_text_gives_the_same_elements_in_every_process():
    """Nothing in the finder may depend on how a set iterates (string hashing differs between
    processes): two runs with other hash seeds give identical elements, values included."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, yaml; from resume_lessons.core.elements import explain; "
        "dev = yaml.safe_load(open('tests/data/elements_devset.yaml')); "
        "print(json.dumps([explain(e['text'], e['kind']) for e in dev]))"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        outputs.append(json.loads(run.stdout))
    assert outputs[0] == outputs[1]
