"""Quantified impact, business impact and scale by principle: word families and structures,
each with a case that must fire and one that must not. All wording is invented for these tests.
"""

from __future__ import annotations

import pytest

from resume_lessons.core.elements import explain

Q, B, S = "quantified_impact", "business_impact", "scale"

# (text, elements that must be found, elements that must not be found)
CASES = [
    # Business outcomes by family: spend under other names, people's time, incident response,
    # sales events; a system's own speed or efficiency is no business outcome.
    ("Trimmed operating expenses by 18% after moving batch work to spot nodes", {Q, B}, set()),
    ("Raised newsletter open rates by 9% with send-time ranking", {Q, B}, set()),
    ("Improved the efficiency of the claims desk by 25%", {Q, B}, set()),
    ("Improved GPU efficiency by 25% with fused kernels", {Q}, {B}),
    ("Cut MTTR for paging incidents from 5 hours to 50 minutes", {Q, B}, set()),
    ("Shortened partner onboarding by 60% with a config-driven connector", {Q, B}, set()),
    ("Lifted plan upgrades 14% YoY with a propensity model", {Q, B}, set()),
    # Outcomes claimed without a size count as business impact; purposes and placeholders not.
    ("Lowered churn among trial accounts with a nudging model", {B}, {Q}),
    ("Search relevance work that contributed to higher seller revenue", {B}, set()),
    ("Built a bidding model to reduce acquisition costs", set(), {B, Q}),
    ("Built a scoring API that can increase sales", set(), {B}),
    ("Raised renewals by X% with a reminder model", set(), {B, Q}),
    ("Trained a churn prediction model on billing events", set(), {B}),
    ("Raised fraud recall from 70% to 81%", {Q}, {B}),
    # Hours of people's work freed are business impact; a job's running time is not.
    ("Saved the finance team 30 hours a month by automating reconciliations", {Q, B}, set()),
    ("Eliminated 12 engineer-hours weekly of manual certificate rotation", {Q, B}, set()),
    ("Saved countless hours of manual tagging for the review team", {B}, {Q}),
    ("Reduced nightly job runtime to 3 hours", set(), {B}),
    ("Reduced the time to retrain the demand models", set(), {B}),
    ("Cut the time reviewers spend on duplicate listings", {B}, set()),
    # Other currencies, ranges and number words, bounds that size a change, comparatives.
    ("Recovered €1.2M of unbilled usage through invoice anomaly checks", {Q, B}, set()),
    ("Cut vendor fees by 300k EUR a year", {Q, B}, set()),
    ("Brought campaign setup from 3-5 days to just 7 hours", {Q}, set()),
    ("Cut the weekly refresh from six hours to three", {Q}, set()),
    ("Improved basket size by more than 8% with bundle suggestions", {Q, B}, set()),
    ("Reached under 0.05 RMSE on the held-out month", {Q}, set()),
    ("Alerts fire when the error rate exceeds 2%", set(), {Q}),
    ("Rebuilt the tokenizer, making parsing 6x faster", {Q}, set()),
    ("Tripled throughput threefold on the same hardware", {Q}, set()),
    ("Halved the number of manual restarts per week", {Q}, set()),
    ("Doubled down on schema contracts for producers", set(), {Q}),
    # Levels: none of a failure, a latency next to a latency metric.
    ("Moved the order database to a new region with zero outages during the switch", {Q}, set()),
    ("Ran a zero downtime cutover of the queue cluster", set(), {Q}),
    ("Served 80M embeddings at 11 ms p95", {Q, S}, set()),
    ("Kept the ranker under the 30 ms latency budget", set(), {Q}),
    ("Answered lookups with p99 latency under 15 ms", {Q}, set()),
    ("Paged on-call when latency exceeded 300 ms", set(), {Q}),
    # A share of people's work taken over by automation.
    ("A triage bot that covers 35% of inbound support calls", {Q, B}, set()),
    ("Covering 90% of the parser with unit tests", set(), {B}),
    # Adoption by other teams.
    ("Shipped a forecasting library adopted by 11 planning teams", {B}, set()),
    ("Adopted Terraform for the staging stack", set(), {B}),
    # Scale in words and data volumes; never the size of a change or of a model.
    ("Deduplicated billions of clickstream events per week", {S}, set()),
    ("Kept a petabyte-scale lake of device logs queryable", {S}, set()),
    ("Landed 12T of data per day into the warehouse", {S}, set()),
    ("Segmented a customer base of 6M for lifecycle campaigns", {S}, set()),
    ("Served a million shoppers on launch day", {S}, set()),
    ("Reduced churn by 1.4 pp among annual subscribers", {Q, B}, {S}),
    ("Distilled a 3B model into a 300M one", set(), {S}),
    ("Built 45 dashboards for regional managers", set(), {S}),
    # Headcount is no outcome, however it changed.
    ("Grew the platform group from 5 to 11 engineers", set(), {Q}),
    ("Our team grew by 40% over the year", set(), {Q}),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES, ids=lambda v: str(v)[:40])
def test_impact_and_scale_principles(text: str, present: set[str], absent: set[str]) -> None:
    elements = explain(text, "bullet")
    names = {e.name for e in elements}
    assert present <= names, f"missing {present - names}"
    assert not (absent & names), f"unexpected {absent & names}"
    for e in elements:
        assert text[e.start : e.end] == e.text
