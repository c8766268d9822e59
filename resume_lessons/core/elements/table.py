"""The elements, one row each: where they apply, what they read, how they show, what to ask.

Adding an element is one row here, its vocabulary in the profile's data files, and its
examples in the devset: renderers (colour, priority), questions, docs and techniques read
these rows, and ``explain`` runs each row's rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import rules
from .rules import Rule

BULLET = frozenset({"bullet"})
SUMMARY = frozenset({"summary"})
BOTH = BULLET | SUMMARY


@dataclass(frozen=True)
class ElementSpec:
    """One element.

    - ``kinds``: the texts it is looked for in ("bullet", "summary").
    - ``rules``: the passes over a Doc that find it (a pass may find several elements, and
      runs once per text however many rows name it).
    - ``categories``: the vocabulary categories (``profile.VOCABULARIES``) its rules read.
    - ``colour``: its highlight; ``priority``: where spans overlap, the lower number colours
      the characters.
    - ``question``: what a learner answers to add it when it is missing.
    """

    name: str
    kinds: frozenset[str]
    rules: tuple[Rule, ...]
    categories: tuple[str, ...]
    colour: str
    priority: int
    question: str

    @property
    def label(self) -> str:
        return self.name.replace("stage.", "stage: ").replace("_", " ")


_STAGE_CUES = (
    "build_verb",
    "model_noun",
    "scale_verb",
    "not_stage",
    "not_online",
    "stage_serving_system",
    "stage_monitoring_system",
    "stage_model_word",
    "stage_model_task",
    "model_type",
    "guardrail",
    "quality_metric",
    "stage_data_work",
    "stage_data_verb",
    "stage_data_noun",
)
_IMPACT_CUES = (
    "metric",
    "business_metric",
    "quality_metric",
    "change_verb",
    "result_verb",
    "vague_metric",
    "not_impact",
    "system_metric",
    "time_saving_verb",
    "claim_verb",
)
_OPENING_CUES = (
    "weak_opener",
    "action_verb",
    "decision",
    "opening_skip",
    "neutral_opener",
    "helper_opener",
    "role_noun",
)
_DETAIL_RULES = (rules.find_vocabulary_details,)
_EXPERIMENT_DETAIL_COLOUR = "#d2f8f6"


def _stage(stage: str, colour: str, question: str) -> ElementSpec:
    extra = (rules.find_experiments,) if stage == "experimentation" else ()
    cats = (f"stage.{stage}", *_STAGE_CUES)
    if stage == "experimentation":
        cats += ("experiment",)
    return ElementSpec(
        f"stage.{stage}", BULLET, (rules.find_stages, *extra), cats, colour, 17, question
    )


ELEMENTS: tuple[ElementSpec, ...] = (
    ElementSpec(
        "action_verb",
        BULLET,
        (rules.find_opening,),
        _OPENING_CUES,
        "#ced4da",
        16,
        "What did you do? Start with a verb such as built, replaced, cut or launched.",
    ),
    ElementSpec(
        "weak_opening",
        BULLET,
        (rules.find_opening,),
        _OPENING_CUES,
        "#ff8787",
        11,
        "Drop 'responsible for' or 'worked on': what did you build or decide?",
    ),
    _stage("data", "#a9e34b", "Which data pipeline did you build or own, and what did it process?"),
    _stage(
        "features",
        "#38d9a9",
        "Which features did you engineer, or which feature store did you feed?",
    ),
    _stage(
        "training",
        "#4dd4f0",
        "How was the model trained: on what data, on which hardware, how often?",
    ),
    _stage(
        "serving",
        "#74a9ff",
        "How did predictions reach users: real-time serving, batch, which latency?",
    ),
    _stage(
        "monitoring",
        "#b197fc",
        "How did you know the model stayed healthy: drift, alerts, dashboards?",
    ),
    _stage("experimentation", "#f7a8f0", "How did you test the change before a full launch?"),
    ElementSpec(
        "model_type",
        BULLET,
        _DETAIL_RULES,
        ("model_type",),
        "#c3d0fd",
        3,
        "Which kind of model was it (gradient boosted trees, a two-tower model, a CNN detector, a "
        "transformer)?",
    ),
    ElementSpec(
        "decision",
        BULLET,
        _DETAIL_RULES,
        ("decision",),
        "#b7e7fe",
        2,
        "Which choice did you make: what did you replace, and with what?",
    ),
    ElementSpec(
        "tradeoff",
        BULLET,
        (rules.find_tradeoffs,),
        (
            "tradeoff",
            "concession",
            "reason",
            "limit",
            "decision",
            "change_verb",
            "guardrail",
            "tradeoff_keep",
            "tradeoff_loss",
        ),
        "#f2cefe",
        1,
        "What did the choice cost (latency, memory, money), and was that acceptable?",
    ),
    ElementSpec(
        "quantified_impact",
        BOTH,
        (rules.find_impacts,),
        _IMPACT_CUES,
        "#ffe066",
        0,
        "Which metric moved, and by how much (CTR +12%, p99 from 80 to 35 ms)?",
    ),
    ElementSpec(
        "scale",
        BOTH,
        (rules.find_scales,),
        (),
        "#e5f5b3",
        10,
        "How big was it: users, requests per second, events, images or hours of audio a day?",
    ),
    ElementSpec(
        "business_impact",
        BULLET,
        (rules.find_impacts,),
        _IMPACT_CUES,
        "#c3f7cf",
        15,
        "What did the business gain: revenue, conversion, cost saved?",
    ),
    ElementSpec(
        "experiment",
        BULLET,
        (rules.find_experiments,),
        ("experiment", "not_online", "offline_data"),
        "#9cf5f1",
        9,
        "Was the change A/B tested or run as a holdout?",
    ),
    ElementSpec(
        "experiment_duration",
        BULLET,
        (rules.find_durations,),
        ("experiment", "not_online"),
        _EXPERIMENT_DETAIL_COLOUR,
        5,
        "How long did the test run (days or weeks)?",
    ),
    ElementSpec(
        "traffic_share",
        BULLET,
        (rules.find_traffic_shares,),
        (),
        _EXPERIMENT_DETAIL_COLOUR,
        4,
        "What share of traffic or users was in the test?",
    ),
    ElementSpec(
        "guardrail",
        BULLET,
        _DETAIL_RULES,
        ("guardrail",),
        _EXPERIMENT_DETAIL_COLOUR,
        6,
        "Which guardrail metrics (latency, revenue, complaints) had to hold?",
    ),
    ElementSpec(
        "early_stopping",
        BULLET,
        _DETAIL_RULES,
        ("early_stopping",),
        _EXPERIMENT_DETAIL_COLOUR,
        7,
        "Did you use early stopping or a stopping rule?",
    ),
    ElementSpec(
        "significance",
        BULLET,
        (*_DETAIL_RULES, rules.find_p_values),
        ("significance",),
        _EXPERIMENT_DETAIL_COLOUR,
        8,
        "Was the result significant (p-value, confidence interval)?",
    ),
    ElementSpec(
        "domain",
        SUMMARY,
        (rules.find_summary_parts,),
        ("domain", "system_type"),
        "#c7e7ff",
        13,
        "Which domain do you work in (recommendations, search, fraud, ads)?",
    ),
    ElementSpec(
        "system_type",
        SUMMARY,
        (rules.find_summary_parts,),
        ("domain", "system_type", "system_head", "generic_modifier"),
        "#e3dbff",
        14,
        "Which kind of system do you build (ranking pipeline, real-time serving)?",
    ),
    ElementSpec(
        "years_experience",
        SUMMARY,
        (rules.find_years,),
        (),
        "#ced4da",
        17,
        "How many years have you built such systems?",
    ),
    ElementSpec(
        "generic_adjective",
        SUMMARY,
        (rules.find_summary_parts,),
        ("generic_adjective", "domain", "system_type"),
        "#ffa07a",
        12,
        "Replace adjectives like 'passionate' with a fact a reader can check.",
    ),
)

BY_NAME: dict[str, ElementSpec] = {spec.name: spec for spec in ELEMENTS}


def names_for(kind: str) -> tuple[str, ...]:
    """Element names looked for in one kind of text, in table order."""
    return tuple(spec.name for spec in ELEMENTS if kind in spec.kinds)


def rules_for(kind: str) -> tuple[Rule, ...]:
    """The distinct passes one kind of text needs, in the order rows first name them."""
    return tuple(dict.fromkeys(r for spec in ELEMENTS if kind in spec.kinds for r in spec.rules))


def categories_for(kind: str) -> frozenset[str]:
    """The vocabulary categories one kind of text is looked up in."""
    return frozenset(c for spec in ELEMENTS if kind in spec.kinds for c in spec.categories)
