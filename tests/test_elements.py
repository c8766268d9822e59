"""The element finder on clear cases, odd input, the devset file, and a second profile folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from resume_lessons.core.elements import BULLET_ELEMENTS, SUMMARY_ELEMENTS, explain
from resume_lessons.core.profile import PROFILES_DIR, load_profile

DEVSET = Path(__file__).parent / "data" / "elements_devset.yaml"

# (text, kind, elements that must be found, elements that must not be found)
CASES = [
    ("", "bullet", set(), set(BULLET_ELEMENTS)),
    ("   \n\t ", "summary", set(), set(SUMMARY_ELEMENTS)),
    (
        "Redesigned candidate generation around a two-tower model serving 500M+ users, "
        "lifting CTR by 12%.",
        "bullet",
        {"action_verb", "decision", "model_type", "scale", "quantified_impact", "business_impact"},
        {"weak_opening"},
    ),
    (
        "Ran a 3-week A/B test on 5% of global traffic with guardrail metrics and early stopping.",
        "bullet",
        {"experiment", "experiment_duration", "traffic_share", "guardrail", "early_stopping"},
        {"quantified_impact"},
    ),
    ("Responsible for data pipelines.", "bullet", {"weak_opening", "stage.data"}, {"action_verb"}),
    ("Python, PyTorch, Spark, Kubernetes", "bullet", {"weak_opening"}, {"stage.data"}),
    ("Led a team of 6 ML engineers.", "bullet", {"action_verb"}, {"scale"}),
    (
        "Ran a/b test on onboarding, conversion up X%",
        "bullet",
        {"experiment"},
        {"quantified_impact"},
    ),
    ("Built ML model that improved KPIs by 20%.", "bullet", set(), {"quantified_impact"}),
    (
        "Built a 6-week data pipeline migration.",
        "bullet",
        {"stage.data"},
        {"experiment_duration"},
    ),
    (
        "Chose matrix factorization over a deep model because it met the 10 ms budget.",
        "bullet",
        {"decision", "tradeoff", "model_type"},
        set(),
    ),
    (
        "<script>alert(1)</script> Built a fraud model that saved $2M",
        "bullet",
        {"quantified_impact", "business_impact"},
        set(),
    ),
    ("İstanbul: built XGBoost ranking for 20M users", "bullet", {"model_type", "scale"}, set()),
    (
        "Built a fraud model 🚀 that saved $2M 💰",
        "bullet",
        {"action_verb", "business_impact"},
        set(),
    ),
    (
        "Passionate, results-driven ML engineer with 8+ years in fraud detection.",
        "summary",
        {"generic_adjective", "years_experience", "domain"},
        set(),
    ),
    (
        "Recsys engineer: real-time ranking for 300M MAU, +9% watch time.",
        "summary",
        {"domain", "system_type", "scale", "quantified_impact"},
        {"generic_adjective"},
    ),
    ("I am a data scientist who likes to solve problems with data.", "summary", set(), {"scale"}),
    # Shapes seen in resumes people wrote: an aside and a bound inside "from ... to ...", a
    # comparison with a baseline, a hyphenated compound, and "services" that are not serving.
    (
        "Reduced feature freshness from 24 hours (batch) to under 30 seconds",
        "bullet",
        {"quantified_impact"},
        set(),
    ),
    (
        "Shipped a retrieval model, +8% engagement vs. the previous baseline",
        "bullet",
        {"quantified_impact"},
        {"tradeoff"},
    ),
    ("Weighed recall vs latency before shipping the reranker", "bullet", {"tradeoff"}, set()),
    # Two options side by side compare; a "vs" weighs when a concern stands near it (LABELS).
    ("Evaluated BERT vs. DistilBERT for intent classification.", "bullet", set(), {"tradeoff"}),
    ("Chose Kafka vs. Kinesis for the event stream", "bullet", {"decision"}, {"tradeoff"}),
    ("Evaluated open LLMs vs GPT-4 on cost and quality", "bullet", {"tradeoff"}, set()),
    (
        "Lifted response rate 14% vs. random targeting",
        "bullet",
        {"quantified_impact"},
        {"tradeoff"},
    ),
    # an age is no test duration
    (
        "Retired a 3-month-old model after an A/B test on 10% of users",
        "bullet",
        {"decision", "experiment"},
        {"experiment_duration"},
    ),
    ("Replaced the matrix-factorization ranker", "bullet", {"model_type", "decision"}, set()),
    (
        "Redesigned retrieval, replacing a collaborative filtering model with a two-tower model",
        "bullet",
        {"stage.training", "model_type"},
        set(),
    ),
    (
        "Gained proficiency in Python and cloud computing services",
        "bullet",
        set(),
        {"stage.serving"},
    ),
    # A stage word inside a longer phrase that names other work is no stage.
    ("Served as tech lead for the ranking team.", "bullet", {"weak_opening"}, {"stage.serving"}),
    (
        "Applied causal inference and Bayesian inference to pricing tests.",
        "bullet",
        {"action_verb"},
        {"stage.serving"},
    ),
    ("Served the ranking model on Triton.", "bullet", {"stage.serving"}, set()),
    # An arrow of shares is a traffic ramp only with traffic or rollout words near it.
    (
        "Cut false positives 6% → 1.5% on card transactions.",
        "bullet",
        {"quantified_impact"},
        {"traffic_share"},
    ),
    (
        "Rolled out the new model gradually (1% → 10% → 50%) with error-rate guardrails.",
        "bullet",
        {"traffic_share"},
        {"quantified_impact"},
    ),
    ("Ramped the ranker 5% -> 50% of traffic.", "bullet", {"traffic_share"}, set()),
    ("Moved 5% -> 50% of listeners to the new ranker.", "bullet", {"traffic_share"}, set()),
    ("Cut churn 8% -> 6% for new users.", "bullet", {"quantified_impact"}, {"traffic_share"}),
    # A size joined to its (singular) noun by a hyphen; small ones are durations and shapes.
    ("Built semantic search over a 10M-document index.", "bullet", {"scale"}, set()),
    ("Ranked a 50M-item catalog with a 2-tower model.", "bullet", {"scale"}, set()),
    ("Leading a 4-person team on a 3-week pricing test.", "bullet", set(), {"scale"}),
    ("Grew the 10k-person org's usage.", "bullet", set(), {"scale"}),
    # A sum after a not-impact verb is no outcome, even with a metric next to it.
    (
        "Reallocated $20M of marketing spend using uplift models.",
        "bullet",
        set(),
        {"quantified_impact", "business_impact"},
    ),
    (
        "Managed $3M of GPU spend; cut serving cost 30%.",
        "bullet",
        {"quantified_impact", "business_impact"},
        set(),
    ),
    # BM25 and TF-IDF score text with no learned model; item2vec and word2vec make features.
    (
        "Implemented hybrid retrieval (BM25 + dense embeddings) for help-center search.",
        "bullet",
        set(),
        {"model_type", "stage.training"},
    ),
    (
        "Built item2vec embeddings for 40M products.",
        "bullet",
        {"stage.features"},
        {"model_type", "stage.training"},
    ),
    ("Fine-tuned a sentence-transformer for retrieval.", "bullet", {"model_type"}, set()),
    # A model whose embeddings are used is not a model being built.
    (
        "Designed semantic search using sentence-transformer embeddings and FAISS.",
        "bullet",
        {"model_type", "stage.features"},
        {"stage.training"},
    ),
    (
        "Built Spark pipelines processing 200M events a day. " * 300,
        "bullet",
        {"action_verb", "stage.data", "scale"},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "kind", "present", "absent"), CASES, ids=lambda v: str(v)[:30])
def test_elements_found_and_spans_exact(
    text: str, kind: str, present: set[str], absent: set[str]
) -> None:
    elements = explain(text, kind)  # type: ignore[arg-type]
    names = {e.name for e in elements}
    assert present <= names, f"missing {present - names}"
    assert not (absent & names), f"unexpected {absent & names}"
    for e in elements:
        assert text[e.start : e.end] == e.text
        assert e.name in (BULLET_ELEMENTS if kind == "bullet" else SUMMARY_ELEMENTS)


def test_devset_parses_and_uses_known_names() -> None:
    entries = yaml.safe_load(DEVSET.read_text(encoding="utf-8"))
    kinds = {"bullet": set(BULLET_ELEMENTS), "summary": set(SUMMARY_ELEMENTS)}
    assert sum(e["kind"] == "bullet" for e in entries) >= 250
    assert sum(e["kind"] == "summary" for e in entries) >= 60
    for e in entries:
        assert set(e) <= {"text", "kind", "split", "batch", "elements"}, e
        assert e.get("batch", 1) in {1, 2}, e
        assert e["split"] in {"train", "test"}
        assert set(e["elements"]) <= kinds[e["kind"]], e["text"]


def test_a_second_profile_folder_changes_results_without_code(tmp_path: Path) -> None:
    folder = tmp_path / "data-scientist"
    shutil.copytree(PROFILES_DIR / "ml-engineer", folder)
    models = folder / "models.yaml"
    models.write_text(models.read_text(encoding="utf-8") + "- causal forest\n", encoding="utf-8")
    text = "Trained a causal forest to target promotions."
    assert "model_type" not in {e.name for e in explain(text, "bullet")}
    custom = load_profile(str(folder))
    assert "model_type" in {e.name for e in explain(text, "bullet", custom)}
    assert "model_type" in {e.name for e in explain(text, "bullet", str(folder))}


TRICKY = [
    "Cut p99 latency from 200ms down to 45 ms and costs by half; +$1.2M, -3pp, .5 AUC",
    "x5% 12,000,000 +7% a1.5 $ 3 →4 10->20ms doubled halving in\thalf by 3 days 0.93",
    "Grew revenue ٣% with yolov8 and gpt-4, llama2; resnet50 ranking at 20M QPS",
    "",
    "5",
    "$",
    "+.5",
    "fin 5",
    "from 5% to 9%",
    "İstanbul: 3x faster",
    "ran on 5% of traffic, a 50/50 split, then half of the traffic; 3% -> 5% -> 9%",
    "x5% of users on behalf of 12% traffic_2 .5% of all users",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_paths_match_the_plain_scans(text: str) -> None:
    """The candidate-start magnitude scan and the grouped phrase index give the plain results."""
    from resume_lessons.core.elements.rules import _MAGNITUDE, _magnitudes, _traffic_spans, _vocab
    from resume_lessons.core.profile import tokenize

    lowered = text.lower()
    assert [m.span() for m in _magnitudes(lowered)] == [
        m.span() for m in _MAGNITUDE.finditer(lowered)
    ]
    traffic = _vocab(load_profile()).traffic
    assert _traffic_spans(lowered, traffic) == [m.span() for m in traffic.finditer(lowered)]
    words = [w for w, _, _ in tokenize(lowered)]
    index = load_profile().kind_index["bullet"]
    grouped: dict[str, list[tuple[int, int, str]]] = {}
    for i, j, cat, phrase in index.matches(words):
        grouped.setdefault(cat, []).append((i, j, phrase))
    assert index.by_category(words) == grouped


@pytest.mark.parametrize(
    ("text", "share"),
    [
        # in a bullet that names its test, a share of what the business handles is the share
        (
            "Tested the new ETA model on 20% of shipments in a fortnight-long A/B test; delays fell 9%.",
            True,
        ),
        ("Ran a holdout test on 10% of orders for two weeks before the launch.", True),
        # with no test named, the same words are a result
        ("Automated 60% of claims with a gradient boosted triage model.", False),
        # a share of a fleet of machines is tested the same way
        ("Validated the tracker in a 3-week shadow-mode test on 25% of the fleet.", True),
        ("Shipped the planner to 25% of the fleet.", False),
    ],
)
def test_a_share_of_what_the_business_handles_is_a_tests_traffic_share(
    text: str, share: bool
) -> None:
    names = {e.name for e in explain(text, "bullet", load_profile())}
    assert ("traffic_share" in names) is share


def test_a_share_of_a_counted_whole_is_a_share_and_the_count_a_scale() -> None:
    """The share's own size is no result, so the test's duration beside it stays a duration."""
    found = _found(
        "The fresher ranker lifted booking conversion 0.8% in a 2-week A/B test on 20% of "
        "3M daily searches."
    )
    assert found["traffic_share"] == ["20% of 3M daily searches"]
    assert found["scale"] == ["3M daily searches"]
    assert found["experiment_duration"] == ["2-week"]
    assert found["quantified_impact"] == ["conversion 0.8%"]


def _found(text: str, kind: str = "bullet") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in explain(text, kind, load_profile()):  # type: ignore[arg-type]
        out.setdefault(e.name, []).append(e.text)
    return out


@pytest.mark.parametrize(
    ("text", "model"),
    [
        # a model named inside a hyphenated compound is still that model
        ("Swapped the HMM-DNN recognizer for a streaming model.", "HMM-DNN"),
        ("Trained a Conformer-CTC recognizer for in-car commands.", "Conformer-CTC"),
        ("Shipped an LLM-assisted triage tool for support tickets.", "LLM-assisted"),
        # and the speech families are model families
        ("Trained an RNN-T model for on-device dictation.", "RNN-T"),
    ],
)
def test_a_model_inside_a_hyphenated_compound_is_found(text: str, model: str) -> None:
    assert model in _found(text).get("model_type", [])


@pytest.mark.parametrize(
    ("text", "model"),
    [
        # a model's domain-adapted variants end in its name
        ("Fine-tuned BioBERT on 2M discharge notes.", "BioBERT"),
        ("Distilled a SciBERT-base tagger into a 6-layer student.", "SciBERT-base"),
        ("Summarised charts with BioGPT.", "BioGPT"),
    ],
)
def test_a_model_named_by_its_family_s_name_at_the_end_is_found(text: str, model: str) -> None:
    assert model in _found(text).get("model_type", [])


def test_a_phrase_never_spans_a_bracket() -> None:
    # ")" closes the other name: "(RAG) pipelines" holds no system "RAG pipelines"
    found = _found("Owns retrieval-augmented generation (RAG) pipelines for support.", "summary")
    assert not any(")" in t or "(" in t for texts in found.values() for t in texts)
    assert _found("Owns RAG pipelines for support.", "summary").get("system_type")


def test_a_compound_with_no_model_in_it_is_no_model() -> None:
    assert "model_type" not in _found("Wrote a streaming, end-to-end feature pipeline in Go.")


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        (
            "Fine-tuned the recognizer on 45k hours of in-car voice audio.",
            "45k hours of in-car voice audio",
        ),
        ("Scored insurance claims (180K a week) with a GBDT triage model.", "180K a week"),
        ("Deduplicated 3M/day listings before indexing.", "3M/day"),
        (
            "Transcribed 8,000 hours a week of support-call audio.",
            "8,000 hours a week of support-call audio",
        ),
        # what a fleet records and drives
        ("Picked 180k frames for labeling with an active-learning loop.", "180k frames"),
        ("Tracked recall drift over 20k fleet miles a week.", "20k fleet miles"),
        ("Validated the detector on 1,200 hours of driving logs.", "1,200 hours of driving"),
    ],
)
def test_volumes_of_recordings_and_counts_per_period_are_scale(text: str, scale: str) -> None:
    assert scale in _found(text).get("scale", [])


@pytest.mark.parametrize(
    "result", ["the metric went up 300%", "our KPI rose 25%", "the numbers grew by 40%"]
)
def test_a_size_after_a_word_that_names_no_metric_is_no_impact(result: str) -> None:
    assert "quantified_impact" not in _found(f"Shipped the new ranker; {result}.")
    assert "quantified_impact" in _found("Shipped the new ranker; conversion went up 3%.")


def test_money_per_period_is_no_scale() -> None:
    assert "scale" not in _found("Saved 300K a year in GPU spend by batching inference.")


def test_a_fraction_is_a_magnitude() -> None:
    found = _found("Cut false wake-ups by a third with a smaller keyword-spotting model.")
    assert any("by a third" in t for t in found.get("quantified_impact", []))


@pytest.mark.parametrize("kind", ["load", "stress", "shadow", "unit"])
def test_a_test_of_the_system_is_no_online_experiment(kind: str) -> None:
    text = f"Ran a {kind} test on production traffic for two weeks before the rollout."
    assert "experiment" not in _found(text)


def test_speech_to_text_is_a_domain() -> None:
    text = "Speech-to-text engineer who ships streaming recognition for 2M calls a day."
    assert "domain" in _found(text, "summary")


def test_a_pilot_beside_a_comparison_group_is_a_controlled_test() -> None:
    text = (
        "Piloted the new slotting model for five weeks in 6 of our 40 warehouses, compared with "
        "the rest: pick time fell 7% while mis-picks stayed flat."
    )
    found = _found(text)
    assert "experiment" in found and "6 of our 40 warehouses" in found.get("traffic_share", [])
    assert "for five weeks" in found.get("experiment_duration", [])
    assert "experiment" not in _found("Piloted the new slotting model in two warehouses.")


def test_a_batch_job_that_scores_is_batch_serving() -> None:
    found = _found("Wrote a nightly batch job that scores 30,000 SKUs for the replenishment team.")
    assert "stage.serving" in found


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("Served spoken search to 12M people a day.", "12M people"),
        (
            "Ran streaming speech recognition over 40M call-center minutes a day.",
            "40M call-center minutes a day",
        ),
    ],
)
def test_a_large_count_of_people_or_of_minutes_a_day_is_scale(text: str, scale: str) -> None:
    assert scale in _found(text).get("scale", [])


@pytest.mark.parametrize(
    "text", ["Led a team of 12 people on the ranker.", "Saved 40K hours a year of review time."]
)
def test_a_team_or_time_saved_is_no_scale(text: str) -> None:
    assert "scale" not in _found(text)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Shipped the verifier in a 2-week A/B test, and latency did not move.", "latency did not"),
        ("Rolled the ranker to 10% of traffic with no change in latency.", "no change in latency"),
        ("Cut p99 latency 30% in an A/B test without hurting checkout conversion.", "checkout"),
        ("Moved scoring to GPUs for 5% of traffic with p99 latency unchanged.", "p99 latency"),
    ],
)
def test_a_metric_said_to_stay_where_it_was_is_a_guardrail(text: str, held: str) -> None:
    assert any(held in g for g in _found(text).get("guardrail", []))


def test_outside_a_test_a_metric_held_is_a_tradeoff_not_a_guardrail() -> None:
    text = "Raised long-tail coverage by 18% with a debiasing term, without hurting CTR."
    assert "guardrail" not in _found(text)


def test_a_metric_that_moved_is_no_guardrail() -> None:
    assert "guardrail" not in _found("Cut p99 latency 30% with a distilled ranker.")


def test_a_rollout_to_a_share_of_traffic_has_a_duration() -> None:
    found = _found("Rolled the new ranker to 10% of traffic for 3 weeks before the full launch.")
    assert found.get("experiment_duration") == ["for 3 weeks"]


def test_a_tradeoff_word_inside_a_metrics_name_is_the_metric() -> None:
    found = _found("Reduced false accepts by 35% at the same false reject rate.")
    assert found.get("quantified_impact") and all(
        "accept" not in t and "reject" not in t for t in found.get("tradeoff", [])
    )


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("Speech engineer shipping streaming ASR for 12M people a day.", "streaming ASR"),
        ("ML engineer building real-time fraud detection for card payments.", "real-time fraud"),
    ],
)
def test_a_domain_said_to_run_streaming_or_real_time_is_a_system_type(
    text: str, system: str
) -> None:
    assert any(system in s for s in _found(text, "summary").get("system_type", []))


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("Built drift checks that detect feature drift within 2 hours.", "within 2 hours"),
        (
            "Set up alerts that catch a broken feature pipeline in under 10 minutes instead "
            "of 3 days.",
            "instead of 3 days",
        ),
    ],
)
def test_how_fast_a_monitor_finds_a_problem_is_a_result(text: str, result: str) -> None:
    assert any(result in t for t in _found(text).get("quantified_impact", []))


def test_a_check_that_runs_every_2_hours_is_no_result() -> None:
    assert "quantified_impact" not in _found("Ran the feature drift job every 2 hours.")


def test_the_sites_a_system_runs_in_are_its_scale() -> None:
    assert _found("Scanned parcels across 14 sorting hubs.").get("scale") == ["14 sorting hubs"]


@pytest.mark.parametrize(
    ("text", "weighs"),
    [
        ("Cut labeling cost by 40% while adding 300K labeled images.", False),
        ("Cut fraud losses 20% while halving latency.", True),
        ("Raised recall 5% while keeping precision flat.", True),
        ("Kept p99 latency under 50 ms while adding 40 new features to the ranker.", True),
    ],
)
def test_while_weighs_two_outcomes_only_against_a_metric(text: str, weighs: bool) -> None:
    assert ("tradeoff" in _found(text)) is weighs


def test_an_offline_tests_duration_says_how_it_was_tested() -> None:
    found = _found("Moved the reader to INT8, validated in a 2-week shadow test.")
    assert found.get("experiment_duration") == ["2-week"]
    assert "experiment" not in found  # still not an online experiment


def test_a_quality_level_a_change_kept_is_a_measured_result() -> None:
    found = _found("Retrained the detector on 40K new images, keeping damage recall above 92%.")
    assert any("above 92%" in t for t in found.get("quantified_impact", []))
    assert "quantified_impact" not in _found("Flagged transactions with a score above 0.8.")


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("Ran A/B tests on suggested replies; acceptance rate went from 22% to 31%.", "22% to 31%"),
        ("Built the answer bot that resolved 18% of chat conversations.", "resolved 18%"),
    ],
)
def test_a_rate_that_went_from_one_level_to_another_or_work_resolved_is_a_result(
    text: str, result: str
) -> None:
    assert any(result in t for t in _found(text).get("quantified_impact", []))


def test_a_share_of_agent_seats_in_a_test_is_its_traffic_share() -> None:
    found = _found("Ran the test on 20% of agent seats for 3 weeks.")
    assert found.get("traffic_share") == ["20% of agent seats"]


def test_a_bound_in_a_condition_is_no_result_and_an_assistant_is_a_system() -> None:
    from resume_lessons.core.elements import explain

    alert = explain("Set up monitoring that alerts when faithfulness fell below 88%.", "bullet")
    assert "quantified_impact" not in {e.name for e in alert}
    summary = explain(
        "NLP engineer building a retrieval-augmented question answering assistant.", "summary"
    )
    assert ("system_type", "question answering assistant") in {(e.name, e.text) for e in summary}
    assert not [e for e in explain("Research assistant at a university lab.", "summary")]


def test_the_people_a_system_is_used_by_are_its_scale() -> None:
    from resume_lessons.core.elements import explain

    def scale(text: str) -> list[str]:
        return [e.text for e in explain(text, "bullet") if e.name == "scale"]

    assert scale("Shipped a contract summariser now used by 1,200 lawyers.") == ["1,200 lawyers"]
    assert scale("Built an internal tool used by 4 teams.") == []  # adoption, not scale
    assert scale("Built a metrics layer used by 150 analysts.") == []  # a team's people


def test_retail_forecasting_and_pricing_words() -> None:
    from resume_lessons.core.elements import explain

    def names(text: str) -> set[str]:
        return {e.name for e in explain(text, "bullet")}

    assert "business_impact" in names("Built a markdown model that cut fresh-produce waste by 9%.")
    assert "model_type" in names("Estimated hierarchical Bayesian price elasticities per SKU.")
    fit = explain("Fit log-log regression elasticity models per category.", "bullet")
    assert {"action_verb", "model_type"} <= {e.name for e in fit}
    share = explain("Ran a 10-week holdout test in 60 of 420 stores; waste fell 9%.", "bullet")
    assert ("traffic_share", "60 of 420 stores") in {(e.name, e.text) for e in share}


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Ran a 14-day experiment on half of users: WER fell from 9.8% to 9.1%.", "half of users"),
        ("A/B tested the ranker on a third of our markets for 3 weeks.", "a third of our markets"),
        ("Tested the new ranker on one in ten sessions.", "one in ten sessions"),
    ],
)
def test_a_traffic_share_said_in_words(text: str, share: str) -> None:
    assert _found(text).get("traffic_share") == [share]


@pytest.mark.parametrize("text", ["Cut half the latency of the service.", "Helped a third team."])
def test_a_fraction_of_no_traffic_is_no_share(text: str) -> None:
    assert "traffic_share" not in _found(text)


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("I own the CTR prediction model for a display ads auction.", "CTR prediction model"),
        ("Ads engineer; I built the ranking model for the feed.", "ranking model"),
        (
            "I own click-through rate prediction for the ads auction.",
            "click-through rate prediction",
        ),
        ("Building demand forecasting for 300 stores.", "demand forecasting"),
        # modifiers between the verb and the task
        ("8 years building lidar-camera 3D object detection for trucks.", "object detection"),
        ("I built the real-time multi-object tracking for our robots.", "multi-object tracking"),
    ],
)
def test_a_summary_s_owned_task_or_task_model_is_its_system_type(text: str, system: str) -> None:
    assert system in _found(text, "summary").get("system_type", [])


@pytest.mark.parametrize(
    "text",
    [
        "ML engineer in fraud detection.",
        "I trained deep learning models for fraud.",
        # the verb builds something else, or sits in another clause
        "ML engineer building tools for object detection.",
        "Ran 150 A/B tests; my pricing test lifted conversion 3%.",
    ],
)
def test_a_field_worked_in_is_no_system_type(text: str) -> None:
    assert "system_type" not in _found(text, "summary")


def test_a_speech_decoder_s_language_models_by_their_short_name() -> None:
    assert _found("Shipped n-gram to neural LM rescoring for voice search.")["model_type"] == [
        "neural LM"
    ]


@pytest.mark.parametrize(
    ("text", "impact"),
    [
        ("Added checks that cut late feature loads from 6 a week to 1.", "late feature loads from 6 a week to 1"),
        ("Cut failed jobs from 12 per week to 2.", "Cut failed jobs from 12 per week to 2"),
        ("Added drift alerts, catching two data outages before they reached orders.", "catching two data outages"),
        ("Prevented 3 bad deploys with canary analysis.", "Prevented 3 bad deploys"),
    ],
)  # fmt: skip
def test_a_count_that_changed_or_incidents_caught_are_measured_results(
    text: str, impact: str
) -> None:
    assert any(impact in found for found in _found(text).get("quantified_impact", []))


@pytest.mark.parametrize(
    "text", ["Stop the pipeline from failing.", "Detected fraud in 2 markets."]
)
def test_a_verb_of_catching_without_a_count_of_incidents_is_no_result(text: str) -> None:
    assert "quantified_impact" not in _found(text)


def test_a_delivery_business_s_outcomes_and_problems() -> None:
    from resume_lessons.core.bullet_score import score_bullet

    text = "Ran an A/B test of the ETA prediction model, reducing late deliveries by 12%."
    assert _found(text).get("business_impact")
    assert "problem" in {p.key for p in score_bullet(text).shown}  # the problem it serves


def test_on_call_alone_is_no_monitoring_stage() -> None:
    assert "stage.monitoring" not in _found("Helped the team with on-call and mentoring.")


@pytest.mark.parametrize("text", ["A/B tested the ranker for 2 weeks.", "A/B-tested the ranker."])
def test_an_ab_tested_opening_is_a_verb(text: str) -> None:
    found = _found(text)
    assert "action_verb" in found and "weak_opening" not in found


def test_a_shadow_test_s_duration_and_share_of_stations() -> None:
    found = _found("Shadow-tested the detector for 3 weeks on 25% of inspection stations.")
    assert found["experiment_duration"] == ["for 3 weeks"]
    assert found["traffic_share"] == ["25% of inspection stations"]


def test_a_pilot_s_duration_and_not_how_often_a_job_ran() -> None:
    assert _found("In a 4-week pilot with 60 adjusters it cut lookup time by 35%.")[
        "experiment_duration"
    ] == ["4-week"]
    assert "experiment_duration" not in _found("Ran the trial data pipelines every 2 weeks.")


def test_building_on_rag_trains_nothing_but_fine_tuning_its_parts_does() -> None:
    assert "stage.training" not in _found("Built a RAG assistant for claims adjusters.")
    assert "stage.training" in _found(
        "Fine-tuned the retriever of our RAG assistant on 40k queries."
    )


def test_a_possessive_is_the_word_it_is_made_of() -> None:
    from resume_lessons.core import lemmas

    assert "tracker" in lemmas.keys("tracker's")
    found = _found("Retrained the multi-object tracker's association model on 14k sequences.")
    assert found.get("model_type") or found.get("stage.training")
    summary = _found("Builds the multi-object tracker's models.", "summary")
    assert summary["domain"] == ["multi-object tracker's"]


@pytest.mark.parametrize(
    ("text", "cost"),
    [
        # a measured loss paid for a gain named beside it is the cost of the choice
        ("Chose a MobileNet backbone that lost 1.1 mIoU but ran 3x faster on the Jetson.", True),
        ("Pruned the ranker, losing 0.3% recall for half the p99 latency.", True),
        # a loss with no gain weighed against it is no tradeoff
        ("Lost 20% of traffic during the migration to Kubernetes.", False),
        ("Cut lost sales 12% with a demand forecast.", False),
    ],
)
def test_a_measured_loss_paid_for_a_gain_is_a_tradeoff(text: str, cost: bool) -> None:
    assert ("tradeoff" in _found(text)) is cost


@pytest.mark.parametrize(
    ("text", "online"),
    [
        # a comparison run on data recorded before it is offline: no share or duration to give
        (
            "Quantized the detector after an A/B on 1,200 hours of replayed logs showed no loss.",
            False,
        ),
        ("Compared the two planners in an A/B over 500 simulated scenarios.", False),
        ("A/B tested the planner in simulation over 500 scenarios.", False),
        ("Ran an A/B test of the new detector on 1,200 hours of replayed logs.", False),
        ("A/B tested the ranker with live users for 2 weeks after a replay check.", True),
        ("Ran a 2-week A/B test on 10% of traffic; CTR rose 3%.", True),
    ],
)
def test_a_test_on_recorded_data_is_no_online_experiment(text: str, online: bool) -> None:
    assert ("experiment" in _found(text)) is online


def test_a_metric_held_without_the_word_guardrail_is_a_guardrail() -> None:
    found = _found(
        "Ran a 2-week A/B test of the wake-word model on 2% of traffic; false accepts dropped "
        "31% with no change in wake-up rate."
    )
    assert found["guardrail"] == ["no change in"]


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        # choosing data to label is a data step, not a choice between designs
        ("Built the pipeline that selects, labels and augments 10k hours of audio a month.", False),
        ("Selected 180k frames for labeling from 2 PB of fleet logs.", False),
        ("Selected XGBoost over a neural net after benchmarking on 2M rows.", True),
    ],
)
def test_choosing_data_is_no_decision(text: str, decision: bool) -> None:
    assert ("decision" in _found(text)) is decision


def test_an_llm_s_guardrails_and_a_hosted_llm_built_on_are_no_test_and_no_training() -> None:
    # the word alone, with no test or metric beside it, is an LLM's output filter
    assert "guardrail" not in _found("Responsible for guardrails and safety for the LLM assistant")
    assert "guardrail" in _found("Ran a 2-week A/B test with latency and error-rate guardrails.")
    # a hosted model built on trains nothing, whatever the verb's tense
    assert "stage.training" not in _found("Leveraged LLMs to answer support tickets.")
    assert "stage.training" in _found("Fine-tuned LLMs on 120k support conversations.")


def test_time_a_customer_waits_for_a_first_response_is_business_impact() -> None:
    found = _found(
        "Built a DeBERTa-v3 triage service on FastAPI that routes 15k support tickets a day to 40 "
        "queues, raising routing accuracy from 68% to 91% and cutting median "
        "time-to-first-response from 6 h to 2 h."
    )
    assert found.get("business_impact")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a latency under a sign is the level a system runs at, as "at 5 ms p99" is
        ("Built the online feature store serving 1.2M reads/sec at p99 < 8 ms.", True),
        ("Built an embedding feature store serving 500M item vectors at 5 ms p99.", True),
        # a sign the other way, or a condition, sets a threshold
        ("Added alerts that page the on-call when p99 > 100 ms.", False),
    ],
)
def test_a_latency_held_under_a_sign_is_a_measured_level(text: str, level: bool) -> None:
    assert ("quantified_impact" in _found(text)) is level


def test_a_test_given_by_its_arms_has_a_traffic_share_and_a_vague_span_no_duration() -> None:
    arms = _found(
        "Ran a store-randomized test of the reorder policy: 40 treatment vs 40 control stores "
        "for 8 weeks; stockouts fell 14% (p<0.01)."
    )
    assert arms["traffic_share"] == ["40 treatment vs 40 control stores"]
    vague = _found("Ran A/B tests over several weeks on a share of traffic with guardrails.")
    assert "experiment_duration" not in vague
    assert "experiment_duration" in _found("Ran A/B tests over three weeks on 5% of traffic.")


def test_model_monitoring_names_the_model_it_watches_and_a_factory_s_yield_is_business() -> None:
    assert "stage.monitoring" in _found("Responsible for model monitoring in production.")
    assert "stage.monitoring" not in _found("Monitored campaign KPIs weekly.")
    found = _found("Cut escaped defects by 41% and raised first-pass yield from 91% to 96%.")
    assert len(found["business_impact"]) >= 2 and len(found["quantified_impact"]) == 2


@pytest.mark.parametrize(
    ("text", "element", "span"),
    [
        # a comma ends the clause: the team before it is not what the change cut
        (
            "Moved the churn feature pipeline to Snowflake with the data engineering team, "
            "cutting feature build time from 6 hours to 50 minutes.",
            "quantified_impact",
            "cutting feature build time from 6 hours to 50 minutes",
        ),
        # work a tool took over is time people save
        (
            "Automated the weekly report in Python, replacing about 4 hours of manual Excel work "
            "each week.",
            "business_impact",
            "replacing about 4 hours",
        ),
        # people converting at a rate is the result, not a migration
        (
            "Built a propensity model; the top decile converted at 3x the campaign average.",
            "quantified_impact",
            "converted at 3x",
        ),
        (
            "Ran a 6-week test with a 10% random holdout; closures fell 8%.",
            "traffic_share",
            "10% random holdout",
        ),
        (
            "Measured the uplift of SMS campaigns against randomised control groups.",
            "experiment",
            "randomised control groups",
        ),
    ],
)
def test_results_and_tests_as_analysts_write_them(text: str, element: str, span: str) -> None:
    assert any(found.startswith(span) for found in _found(text).get(element, [])), _found(text)


def test_a_model_named_by_its_domain_is_the_summary_s_system_type() -> None:
    found = _found("ML engineer with 5 years building a fraud model for payments.", "summary")
    assert found["system_type"] == ["fraud model"]
    assert "converted" not in _found("The top decile converted at 3x the average.").get(
        "decision", []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Built a document classifier; macro-F1 0.81 to 0.93 on 1.2M documents a month.",
        "Built a claims triage model; recall 62% to 88% on held-out claims.",
    ],
)
def test_a_level_changed_without_from_is_a_measured_result(text: str) -> None:
    assert "quantified_impact" in _found(text)


def test_search_tasks_are_ml_work_held_metrics_are_guardrails_and_a_cost_judged_is_weighed() -> (
    None
):
    spell = _found("Built a spelling correction and query rewriting service for search.")
    assert "decision" not in spell  # "query rewriting" names a task, not a rewrite chosen
    assert score_bullet_ml("Built a query rewriting service that cut null-result searches by 22%.")
    held = _found("Ran a 2-week A/B test where revenue and latency had to hold; CTR rose 3%.")
    assert held["guardrail"] == ["had to hold"]
    judged = _found(
        "Moved search to a dense index, which doubled our serving bill, which we judged worth it."
    )
    assert "tradeoff" in judged


def score_bullet_ml(text: str) -> bool:
    from resume_lessons.core.bullet_score import score_bullet

    return score_bullet(text).shows_ml


@pytest.mark.parametrize(
    ("text", "online"),
    [
        # "A/B" alone, as people write it after a duration
        ("Killed a sequence model after gains didn't survive a 2-week A/B on 5% of traffic.", True),
        ("Lifted play starts 3.2% (two-week A/B, 5% of traffic, guardrails on rebuffering).", True),
        # a canary with measurement is a test (LABELS.md); one to deploy with is not
        (
            "Ran each launch as a 2-week canary on 10 of 140 cells, with drop rate as a guardrail.",
            True,
        ),
        ("Set up canary releases with Argo Rollouts for the ranking service.", False),
        # the controlled tests of clinical work
        (
            "Ran a multi-reader multi-case reader study with 12 radiologists; AUC rose 0.84 to 0.9.",
            True,
        ),
        ("Ran a 12-week prospective silent-mode study across 3 hospitals.", True),
        # a check of the model, and a meeting about tests, are no experiment
        ("Ran disparate impact testing across protected classes using BISG proxies.", False),
        ("Mentored 4 engineers and ran the team's experiment review.", False),
        ("Defined the experiment review: a minimum 2-week duration and guardrail checks.", True),
    ],
)
def test_tests_as_each_field_names_them(text: str, online: bool) -> None:
    assert ("experiment" in _found(text)) is online


def test_a_metric_s_window_is_no_test_duration_and_a_sum_of_money_is_no_scale() -> None:
    found = _found(
        "Cut the 90-day charge-off rate on new credit card accounts by 14% (USD 22M a year) by "
        "replacing the scorecard with a LightGBM model in a 6-month champion/challenger test."
    )
    assert any("charge-off rate" in t for t in found["quantified_impact"])
    assert found["experiment_duration"] == ["6-month"]
    by = _found("Cut the 60-day delinquency share on new personal loan accounts by 9%.")
    assert by["quantified_impact"][0].startswith("Cut the 60-day delinquency share")
    assert "experiment_duration" not in by
    assert "scale" not in found
    retention = _found("Raised 30-day retention by 1.8% in a 4-week A/B test on 10% of users.")
    assert retention["experiment_duration"] == ["4-week"]


@pytest.mark.parametrize(
    ("text", "element", "span"),
    [
        # what imaging, robotics, lending and streaming measure, and what they run at
        (
            "Trained a U-Net for prostate segmentation, reaching a mean Dice of 0.89.",
            "quantified_impact",
            "mean Dice of 0.89",
        ),
        (
            "Lesion-level sensitivity rose from 0.81 to 0.91 with the new nnU-Net.",
            "quantified_impact",
            "sensitivity rose from 0.81 to 0.91",
        ),
        (
            "A grasp policy trained in sim took pick success from 91% to 97.5%.",
            "quantified_impact",
            "pick success from 91% to 97.5%",
        ),
        (
            "Built the DICOM ingestion pipeline; handles about 9,000 studies a day.",
            "scale",
            "9,000 studies",
        ),
        ("Runs on 140 picking cells across 3 warehouses.", "scale", "140 picking cells"),
        ("Helped develop the credit card behavioural scorecard.", "model_type", "scorecard"),
        (
            "Built a YouTube-DNN-style candidate generator over watch history.",
            "model_type",
            "YouTube-DNN-style",
        ),
        # a loss weighed against a gain, and a cost held to a limit, are the choice's cost
        (
            "Chose INT8 over FP16 after measuring a 0.4 pt drop in pick success against a 2.1x latency cut.",
            "tradeoff",
            "0.4 pt drop in pick success against",
        ),
        (
            "Replaced the ranker with a multi-task DNN and kept p99 under 45 ms by distilling it.",
            "tradeoff",
            "kept p99 under",
        ),
    ],
)
def test_each_field_s_measures_sizes_and_costs(text: str, element: str, span: str) -> None:
    assert any(found.startswith(span) for found in _found(text).get(element, []))


def test_a_size_traded_for_is_the_result_bought() -> None:
    found = _found("Set the alert threshold to trade sensitivity for 40% fewer false alarms.")
    assert found["quantified_impact"] == ["40% fewer false alarms"]


def test_radiology_is_a_domain() -> None:
    summary = _found(
        "Machine learning engineer with 8 years in radiology AI, building CT segmentation models.",
        "summary",
    )
    assert summary["domain"] == ["radiology"]


def test_an_amount_set_against_what_it_was_is_a_result_not_a_choice() -> None:
    grasps = _found(
        "Sim-trained models now need only 4k real grasps of fine-tuning instead of 60k."
    )
    assert grasps["quantified_impact"] == ["4k real grasps of fine-tuning instead of 60k"]
    hours = _found("Retraining now takes 3 hours instead of 2 days.")
    assert "quantified_impact" in hours and "decision" not in hours
    assert "instead of" in _found("Chose a GBDT instead of a DNN for the fraud model.")["decision"]


def test_the_practice_of_testing_is_a_test_only_with_a_test_s_detail() -> None:
    framework = _found(
        "Designed our switchback experimentation framework (geohash-5 randomization units, "
        "carryover washout), now used by 5 teams."
    )
    assert "experiment" not in framework
    detailed = _found(
        "Introduced guardrail metrics and a minimum 14-day run to the experimentation platform."
    )
    assert "experiment" in detailed


def test_a_metric_held_as_a_guardrail_is_not_the_result() -> None:
    found = _found(
        "Ran a 2-week switchback test in 12 cities; driver earnings per hour rose 3% with "
        "cancellation rate as a guardrail."
    )
    assert all("cancellation" not in t for t in found["quantified_impact"])
    assert found["scale"] == ["12 cities"]


def test_a_loss_said_as_a_comparison_is_the_choice_s_cost() -> None:
    found = _found(
        "Moved the support bot from Rasa intents to an LLM with RAG. Responses got slower "
        "(p95 0.4s -> 1.1s) but CSAT held steady in a 3-week A/B on 10% of chats."
    )
    assert "got slower" in found["tradeoff"]


@pytest.mark.parametrize(
    ("text", "element", "shown"),
    [
        # a compound verb of doing opens a bullet; a compound adjective does not
        ("Map-matched 30B GPS pings with an HMM to build training labels.", "action_verb", True),
        ("Data-driven approach to churn modelling.", "action_verb", False),
        # features built in a data tool are a model's inputs; a product's features are shipped
        ("Built real-time supply and demand features in Flink.", "stage.features", True),
        ("Shipped new features in Kafka-backed apps.", "stage.features", False),
        # a share of people's work a system takes on is a result; a load it carries is scale
        ("Our bot handles around 40% of inbound chats without an agent.", "business_impact", True),
        (
            "Built a bidding service that handles 500k requests per second with 99.99% availability.",
            "quantified_impact",
            False,
        ),
    ],
)
def test_openings_features_and_shares_as_people_write_them(
    text: str, element: str, shown: bool
) -> None:
    assert (element in _found(text)) is shown


def test_predictive_maintenance_as_its_engineers_write_it() -> None:
    summary = _found(
        "ML engineer with 9 years in industrial IoT and predictive maintenance. Built "
        "remaining-useful-life models on edge gateways in 40+ plants.",
        "summary",
    )
    assert "predictive maintenance" in summary["domain"]
    assert "system_type" in summary
    rollout = _found(
        "Ran a 6-month staged rollout across 3 wind farms (20% of fleet first), with missed-fault "
        "rate as guardrail and a pre-agreed rule to stop if 2 faults were missed."
    )
    assert rollout["experiment"] == ["staged rollout"] and "early_stopping" in rollout
    assert _found("Deployed isolation forest models to 220 pumping stations.")["scale"] == [
        "220 pumping stations"
    ]
    assert "experiment" not in _found("Set up a phased rollout of the new checkout service.")


def test_security_ml_as_its_engineers_write_it() -> None:
    summary = _found(
        "I build the models that decide whether an email is phishing and whether a login is an "
        "account takeover.",
        "summary",
    )
    assert "phishing" in summary["domain"]
    tuned = _found("Tuned the ATO model; FPR down 40%, analysts close 300 fewer tickets a week.")
    assert tuned["quantified_impact"] == ["FPR down 40%"]  # the analysts are not its unit
    assert "scale" not in tuned  # 300 fewer tickets is a change, not a size
    holdout = _found("Ran a 3-week holdout on 5% of mailboxes; phishing clicks fell 12%.")
    assert holdout["traffic_share"] == ["5% of mailboxes"]
