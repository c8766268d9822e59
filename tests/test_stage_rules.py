"""Stage rules on invented bullets: each case states one principle of the label guide.

Serving system words count only beside a model; data work covers stores, engines and moving
data, not tools in a list; training is building, choosing or improving a model, not running,
watching or consuming one; product features, outcome SLAs and page counts are no stage.
"""

from __future__ import annotations

import pytest

from resume_lessons.core.elements import explain

# (text, stages that must be found, stages that must not be found)
CASES = [
    # serving: latency, APIs and deploys of a system with no model in it are not model serving
    ("Cut p95 latency of the checkout API by 40%.", set(), {"serving"}),
    ("Deployed a new release of the intranet wiki.", set(), {"serving"}),
    ("Set up a real-time stock-level board for store managers.", set(), {"serving"}),
    ("Cut p95 latency of the fraud scoring API from 90 ms to 30 ms.", {"serving"}, set()),
    (
        "Built and deployed a demand forecasting model on Kubernetes.",
        {"serving", "training"},
        set(),
    ),
    ("Deployment of the RetinaNet detector on depot cameras.", {"serving"}, {"training"}),
    ("Built a real-time spam classifier for the messaging app.", {"serving", "training"}, set()),
    ("Answered policy questions over a Qdrant index with a hosted LLM.", {"serving"}, set()),
    ("Shipped an ML-based triage bot for the IT help desk.", {"serving"}, set()),
    ("Wrote a Slack bot that posts the on-duty rota.", set(), {"serving"}),
    # a model named before the watching of it is watched, not trained
    (
        "Built model monitoring for the lane detector, alerting on recall drift.",
        {"monitoring"},
        {"training"},
    ),
    ("Owned model monitoring and retraining for the ranker.", {"monitoring", "training"}, set()),
    # the pace of people a model helps is their work, not a running system's
    ("Built an ICD-10 coding model, raising coder throughput by 38%.", {"training"}, {"serving"}),
    ("Served the coding model at 2x the throughput on Triton.", {"serving"}, set()),
    # data: warehouses, query engines and moving data are data work
    ("Migrated the billing warehouse from Teradata to Snowflake.", {"data"}, set()),
    ("Swapped the Impala cluster for Presto.", {"data"}, set()),
    ("Moved 300 legacy tables onto the lakehouse.", {"data"}, set()),
    ("Wrote Presto/Hive queries for the nightly roll-ups.", {"data"}, set()),
    ("Normalised the data models behind the HR reports.", {"data"}, {"training"}),
    ("Built dbt models for the finance warehouse.", {"data"}, {"training"}),
    ("Cleaned and merged 4 years of claims records.", {"data"}, set()),
    ("Cleaned up legacy code in the billing service.", set(), {"data"}),
    ("Collected stakeholder feedback and set the roadmap.", set(), {"data"}),
    ("Parsed and indexed 3M scanned contracts' text files.", {"data"}, set()),
    ("Drew pricing findings from the sales data for the account team.", set(), {"data"}),
    # a dataset named as what a model used is a passing mention; one worked on is data work
    (
        "Lifted the demand model's accuracy by 3 points on the partner datasets.",
        {"training"},
        {"data"},
    ),
    ("Curated a labelled dataset of 40k scanned invoices.", {"data"}, set()),
    # ... but not a tool in a list, or the instrument of other work
    (
        "Maintained a shared laptop image with tools such as VS Code, Airflow and Metabase.",
        set(),
        {"data"},
    ),
    ("Answered finance questions using Redshift and Excel.", set(), {"data"}),
    ("Summarised quarterly sales in pivot tables.", set(), {"data"}),
    # training: a named method or a modelling task, built or improved
    ("Grouped delivery zones with DBSCAN on order density.", {"training"}, set()),
    ("Developed a crop-type classification method for drone imagery.", {"training"}, set()),
    ("Used deep learning to classify x-ray scans by severity.", {"training"}, set()),
    ("Raised spam-filter precision by 4 points.", {"training"}, set()),
    ("Cut the false alarm rate of the leak-detection model by 25%.", {"training"}, set()),
    ("Quantized the speech model to int8 for the kiosk CPUs.", {"serving"}, set()),
    ("Fit a Bayesian inference model of store demand in Stan.", {"training"}, {"serving"}),
    ("Owned intent-classification for the help-centre routing models.", {"training"}, set()),
    # ... not a model that is only tuned as a system, consumed or named as a team
    ("Fine-tuning Spark executor settings cut job time by 30%.", set(), {"training"}),
    ("Launched a summarisation assistant using GPT-4 for support agents.", set(), {"training"}),
    ("Staff ML engineer in the search ranking group.", set(), {"training"}),
    # ... nor a team's practice or paper about models
    ("Mentored two juniors and led the team's weekly model review.", set(), {"training"}),
    ("Wrote model cards for the 12 credit models in production.", set(), {"training"}),
    ("Led the model review, then retrained the churn classifier.", {"training"}, set()),
    (
        "Put per-model prediction counts on a dashboard for the 9 live models.",
        {"monitoring"},
        {"training"},
    ),
    # data: a pipeline named by the data it carries
    ("Built the streaming video pipeline that feeds the shot-detection model.", {"data"}, set()),
    # features a job computes are model inputs, with no model named; a product's are shipped
    (
        "Wrote Airflow jobs that compute daily price competitiveness features for 900k hotels.",
        {"features", "data"},
        set(),
    ),
    ("Computed 40 aggregate features per merchant.", {"features"}, set()),
    ("Shipped new features for the mobile app.", set(), {"features"}),
    # features: model inputs, not a product's features
    ("Engineered 60 behavioural features for the churn model.", {"features"}, set()),
    ("Shipped new editor features for the mobile app.", set(), {"features"}),
    # monitoring: a service level watched, not an outcome; a pager page, not a report's
    ("Put SLA tracking on every ingestion DAG.", {"monitoring"}, set()),
    ("Halved missed SLAs by rewriting the nightly jobs.", set(), {"monitoring"}),
    ("Wrote a 12 page design review.", set(), {"monitoring"}),
    ("Monitored weekly campaign KPIs for the growth team.", set(), {"monitoring"}),
    ("Added monitors to the nightly ETL jobs for late loads.", {"monitoring"}, set()),
    ("Monitored the churn model's calibration every week.", {"monitoring"}, set()),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES, ids=lambda v: str(v)[:40])
def test_stages(text: str, present: set[str], absent: set[str]) -> None:
    stages = {e.name[6:] for e in explain(text, "bullet") if e.name.startswith("stage.")}
    assert present <= stages, f"missing {present - stages}"
    assert not (absent & stages), f"unexpected {absent & stages}"
