"""How a bullet opens, decisions, model types, tradeoffs and summary parts, on invented text."""

from __future__ import annotations

import pytest

from resume_lessons.core.elements import explain


def _names(text: str, kind: str = "bullet") -> set[str]:
    return {e.name for e in explain(text, kind)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Lead ML engineer on the pricing team.",  # a role noun after "lead"
        "Played a key role in launching the fraud model.",
        "Own the nightly retraining jobs.",
        "Owned the search index for the help centre.",
        "Collaborated with finance to define the forecast targets.",
        "Took ownership of the model monitoring stack.",
        "The pipeline runs every night on Spark.",  # opens with its subject
        "Forecasting of regional demand with Prophet.",  # a listed verb used as a noun
        "Design of the feature store schema.",
        "Cloud automation with Terraform.",
        "Actively worked on churn modelling.",  # an adverb does not hide the helper phrase
    ],
)
def test_weak_openings(text: str) -> None:
    names = _names(text)
    assert "weak_opening" in names and "action_verb" not in names


@pytest.mark.parametrize(
    "text",
    [
        "Lead engineers across three squads to ship the new ranker.",  # a verb and its object
        "Owned the ingestion layer and cut its cost by 40%.",  # a clause of doing follows
        "Owned the scoring service, rewriting it in Rust.",
        "Collaborated with the platform team on schema conventions.",
        "Re-ranked support articles with a cross-encoder.",  # a verb prefix before the hyphen
        "Transcribe call audio and index it for search.",  # a base form that is only a verb
        "Convert all batch jobs to streaming.",  # a base form before an object word
        "Effectively shipped four model releases a quarter.",
        "Initially prototyped the ranker in a notebook.",
        "Q4 2023 - migrated the warehouse to BigQuery.",
        "Got the churn model into production in six weeks.",  # an irregular past form
        "Partner with engineering on event logging.",
    ],
)
def test_verb_openings(text: str) -> None:
    names = _names(text)
    assert "action_verb" in names and "weak_opening" not in names


@pytest.mark.parametrize(
    "text",
    [
        "Revamped the alerting rules for the scoring jobs.",
        "Re-designed the label schema around sessions.",
        "Refactored the training loop to share one data loader.",
        "Converted the ranking model to ONNX for CPU serving.",
        "Ported the feature jobs from pandas to Polars.",
        "Moved model training to spot instances.",
        "Transitioned nightly jobs from cron to Airflow.",
        "Used gradient boosting as a surrogate for the slow simulator.",
    ],
)
def test_decisions(text: str) -> None:
    assert "decision" in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Built a ranking script that uses SHAP to pick the strongest inputs.",  # a method chooses
        "Selected 40 features with mutual information.",  # a modelling step
        "Designed a metrics library adopted by nine teams.",  # uptake by others
        "Computed seven-day moving averages of sales as inputs.",
        "Upgraded Kafka across three clusters with no downtime.",
        "Built the backend of a crypto trading platform.",
        "Launched onboarding emails, converting 9% more trial users to paid plans.",
    ],
)
def test_not_decisions(text: str) -> None:
    assert "decision" not in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fine-tuned a small language model for intent routing.",
        "Answered policy questions with retrieval-augmented generation over 30k pages.",
        "Estimated churn hazards with MCMC/NUTS in PyMC.",
        "Segmented stores with hierarchical clustering.",
        "Forecast weekly sales with SARIMAX.",
        "Built a media mix model for the spring campaigns.",
    ],
)
def test_model_types(text: str) -> None:
    assert "model_type" in _names(text)


@pytest.mark.parametrize(
    ("text", "tradeoff"),
    [
        ("Distilled the ranker, trading 0.5 NDCG points for 3x throughput.", True),
        ("Cut inference cost 50% while keeping NDCG flat.", True),
        ("Quantized the ranker to int8 with less than 0.3% accuracy loss.", True),
        ("Built the trading signals service for equities desks.", False),
        ("Migrated the ETL while working with the analytics team.", False),
        ("Reached 99.9% uptime with less than two incidents a quarter.", False),
    ],
)
def test_tradeoffs(text: str, tradeoff: bool) -> None:
    assert ("tradeoff" in _names(text)) is tradeoff


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Security engineer focused on cloud security for payment systems.",
            {"domain"},
            set(),
        ),
        ("Analyst who works on tabular and time-series tables.", set(), {"domain"}),
        (
            "A curious, detail oriented analyst with strong problem-solving skills.",
            {"generic_adjective"},
            set(),
        ),
        ("Data scientist experienced in building churn models.", set(), {"generic_adjective"}),
        ("ML engineer with several years in NLP.", set(), {"years_experience"}),
        ("Engineer for two decades, building search.", {"years_experience"}, set()),
        (
            "Risk scientist; took fraud losses from 20 to 8 bps over 3 years.",
            set(),
            {"years_experience"},
        ),
    ],
)
def test_summary_parts(text: str, present: set[str], absent: set[str]) -> None:
    names = _names(text, "summary")
    assert present <= names and not (absent & names)
