"""The question a learner answers to add a missing element: one per element name."""

from __future__ import annotations

QUESTIONS: dict[str, str] = {
    "action_verb": "What did you do? Start with a verb such as built, replaced, cut or launched.",
    "weak_opening": "Drop 'responsible for' or 'worked on': what did you build or decide?",
    "stage.data": "Which data pipeline did you build or own, and what did it process?",
    "stage.features": "Which features did you engineer, or which feature store did you feed?",
    "stage.training": "How was the model trained: on what data, on which hardware, how often?",
    "stage.serving": "How did predictions reach users: real-time serving, batch, which latency?",
    "stage.monitoring": "How did you know the model stayed healthy: drift, alerts, dashboards?",
    "stage.experimentation": "How did you test the change before a full launch?",
    "model_type": "Which kind of model was it (two-tower, gradient boosted trees, cross-encoder)?",
    "decision": "Which choice did you make: what did you replace, and with what?",
    "tradeoff": "What did the choice cost (latency, memory, money), and was that acceptable?",
    "quantified_impact": "Which metric moved, and by how much (CTR +12%, p99 from 80 to 35 ms)?",
    "scale": "How big was it: users, requests per second, events a day?",
    "business_impact": "What did the business gain: revenue, conversion, cost saved?",
    "experiment": "Was the change A/B tested or run as a holdout?",
    "experiment_duration": "How long did the test run (days or weeks)?",
    "traffic_share": "What share of traffic or users was in the test?",
    "guardrail": "Which guardrail metrics (latency, revenue, complaints) had to hold?",
    "early_stopping": "Did you use early stopping or a stopping rule?",
    "significance": "Was the result significant (p-value, confidence interval)?",
    "domain": "Which domain do you work in (recommendations, search, fraud, ads)?",
    "system_type": "Which kind of system do you build (ranking pipeline, real-time serving)?",
    "years_experience": "How many years have you built such systems?",
    "generic_adjective": "Replace adjectives like 'passionate' with a fact a reader can check.",
}


def question_for(element: str) -> str:
    return QUESTIONS.get(element, f"What would show the {element.replace('_', ' ')}?")
