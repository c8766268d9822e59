"""T1: lead the summary with your domain, system type, scale and one specific result."""

from __future__ import annotations

from ..bullet_score import vague_measure
from ..cramming import listed_run, lists_terms
from ..findings import Context, Example, TechniqueResult
from ..profile import tokenize
from .base import Line, Rule, Technique, result

LOCATION = "basics.summary"


WANTED = (
    (
        "domain",
        "T102",
        "It does not name your domain (recommendations, search, fraud…).",
        "Which domain do you build ML for? Name it in the first sentence.",
    ),
    (
        "system_type",
        "T103",
        "It does not name the kind of system you build.",
        "What do you build there: a ranking pipeline, a fraud model, a perception stack, a "
        "feature store?",
    ),
    (
        "scale",
        "T104",
        "It gives no sense of scale.",
        "How many users, requests, events or vehicles does your system serve?",
    ),
    (
        "quantified_impact",
        "T105",
        "It names no specific, measured result.",
        "Which metric did your work move, and by how much?",
    ),
)
LINES = (
    Line("domain", "summary names the domain", 25, "T102", ("T101",)),
    Line("system_type", "summary names the system type", 15, "T103", ("T101",)),
    Line("scale", "summary names the scale", 15, "T104", ("T101",)),
    Line("quantified_impact", "summary names a measured result", 25, "T105", ("T101",)),
    Line(
        "no_generic_adjective",
        "reads as you: no generic adjectives (passionate…), no keyword list",
        20,
        "T106",
        ("T101", "T107"),
    ),
)
# Sentences hold their terms together with small words; a run of terms without them is a
# keyword list ("Recommendation systems fraud detection search ranking … CTR up 12%").
_GLUE = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "in",
        "on",
        "at",
        "to",
        "with",
        "by",
        "from",
        "into",
        "over",
        "across",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "where",
        "while",
        "as",
        "i",
        "my",
        "we",
        "our",
        "me",
        "us",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "have",
        "has",
        "had",
        "own",
        "owns",
        "owned",
        "owning",
        "build",
        "builds",
        "built",
        "building",
        "lead",
        "leads",
        "led",
        "leading",
        "run",
        "runs",
        "running",
        "ship",
        "ships",
        "shipped",
        "shipping",
    ]
)
DOMAIN_LIST = 4  # domains named one after another: every field, so none is yours
KEYWORD_LIST_TOKENS = 12  # a text this long with almost no small words is a list
KEYWORD_LIST_SHARE = 0.08
SHORT_LIST_TOKENS = 6  # a shorter text with no small word at all is a list too
LIST_SHARE = 0.4  # a list of terms this much of the summary is what the summary is


def keyword_list(summary: str) -> bool:
    """Whether the summary is a run of terms rather than sentences."""
    words = [tok for tok, _, _ in tokenize(summary.lower())]
    glue = sum(w in _GLUE for w in words)
    if len(words) < KEYWORD_LIST_TOKENS:
        # "Telecom churn ranking pipeline 100M users AUC up 20%": short, and not one small word
        return len(words) >= SHORT_LIST_TOKENS and glue == 0
    return glue / len(words) < KEYWORD_LIST_SHARE


def mostly_a_list(summary: str) -> bool:
    """Whether a run of short terms in a row (``lists_terms``: "Prophet, TFT, Airflow, Spark,
    MLflow, AWS") makes up much of the summary: a list standing where the sentences should
    be. A long summary may list the stages it covers in one sentence and still read as prose."""
    run = lists_terms(summary)
    return bool(run) and len(run) >= LIST_SHARE * len(summary.strip())


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    summary = ctx.resume.basics.summary
    if not summary.strip():
        finding = t.finding(
            "T101",
            LOCATION,
            "The resume has no summary, so a reader has to guess your domain from the jobs.",
            "Write two sentences: which domain and kind of system you build, at what scale, "
            "and one result you measured.",
        )
        return result(t.code, [t.earn(line.key, False, blame="T101") for line in LINES], [finding])
    names = ctx.names(LOCATION)
    # "improved model performance by 20%" gives a size but no metric a reader can ask about
    measured = any(
        e.name == "quantified_impact" and not vague_measure(e, ctx.profile)
        for e in ctx.elements.get(LOCATION, [])
    )
    domains = [(e.start, e.end) for e in ctx.elements.get(LOCATION, []) if e.name == "domain"]
    in_a_row = listed_run(summary, domains)
    many = in_a_row >= DOMAIN_LIST
    # a sentence may list its domains (T107 below); a list of terms stands for the sentences
    terms = (keyword_list(summary) or mostly_a_list(summary)) and not many
    listed = terms or many
    findings = []
    checklist = []
    for element, code, message, suggestion in WANTED:
        found = measured if element == "quantified_impact" else element in names
        if element == "quantified_impact" and measured and terms:
            # "… 80M tracks, +10% CTR, PyTorch": a figure among terms claims nothing you did;
            # T107 below says so
            checklist.append(t.earn(element, False, LOCATION, blame="T107"))
            continue
        checklist.append(t.earn(element, found, LOCATION))
        vague = ctx.first(LOCATION, element) if not found else None
        if vague is not None:  # a result found, its measure too vague to count
            findings.append(
                t.finding(
                    code,
                    LOCATION,
                    f"“{vague.text}” gives a size but no metric a reader can check, so it "
                    "is not counted as a measured result.",
                    "Name the metric your work moved (forecast error, conversion, fraud "
                    "losses, latency) and by how much.",
                    vague,
                )
            )
        elif not found:
            findings.append(
                t.finding(
                    code,
                    LOCATION,
                    "The summary is generic: " + message[0].lower() + message[1:],
                    suggestion,
                )
            )
    adjectives = [e for e in ctx.elements.get(LOCATION, []) if e.name == "generic_adjective"]
    for adj in adjectives:
        findings.append(
            t.finding(
                "T106",
                LOCATION,
                f"“{adj.text}” is a generic adjective that any candidate could claim.",
                "Replace it with a fact that shows it: a system you own or a result you measured.",
                adj,
            )
        )
    if listed:
        findings.append(
            t.finding(
                "T107",
                LOCATION,
                (
                    f"The summary lists {in_a_row} domains in a row: a reader "
                    "cannot tell which one is yours."
                    if many
                    else "The summary is a list of terms, not sentences about your work: a "
                    "reader cannot tell which of them you did, and a figure among them is no "
                    "result you claim."
                ),
                "Write one or two sentences: the domain and system you build, at what scale, and "
                "one result you measured.",
            )
        )
    checklist.append(
        t.earn(
            "no_generic_adjective",
            not adjectives and not listed,
            LOCATION,
            blame="T107" if listed and not adjectives else "",
        )
    )
    return result(t.code, checklist, findings)


TECHNIQUE = Technique(
    code="T1",
    name="lead-with-your-domain",
    title="Lead the summary with your domain, scale and a result",
    why=(
        "A hiring manager for a recommendations team decides in a few seconds whether your "
        "experience is theirs. A summary that names the domain and the kind of system you build "
        "answers that at once; generic ML skills applied elsewhere do not. Scale and one measured "
        "result then make the two sentences true of you and nobody else."
    ),
    wants=("domain", "system_type", "scale", "quantified_impact"),
    rules=(
        Rule("T101", "summary-missing", "the resume has no summary"),
        Rule("T102", "summary-without-domain", "the summary does not name the domain"),
        Rule("T103", "summary-without-system-type", "the summary does not name the system type"),
        Rule("T104", "summary-without-scale", "the summary gives no scale"),
        Rule("T105", "summary-without-result", "the summary has no measured result"),
        Rule("T106", "generic-adjective", "an adjective any candidate could claim"),
        Rule("T107", "keyword-list", "the summary is a list of terms, not sentences"),
    ),
    examples=(
        Example(
            "weak",
            "Passionate and results-driven machine learning engineer with experience in various "
            "machine learning projects. Strong team player and fast learner.",
            kind="summary",
            codes=("T102", "T103", "T104", "T105", "T106"),
            note="A collection of adjectives: it could describe anyone.",
        ),
        Example(
            "strong",
            "ML engineer with 5+ years building recommendation systems and real-time ML serving "
            "infrastructure. Own candidate generation and ranking for a home feed used by 500M+ "
            "users, where a new two-tower retrieval model lifted CTR by 12%.",
            kind="summary",
            note="Domain, system type, scale and one result, in two sentences.",
        ),
        Example(
            "weak",
            "Fraud detection real-time scoring platform feature store graph features 40M "
            "accounts chargebacks down 18% PyTorch Kafka Flink",
            kind="summary",
            codes=("T107",),
            note="Every part is there, but as a list of terms: nothing says what you did.",
        ),
        Example(
            "weak",
            "Experienced data scientist who builds models and dashboards.",
            kind="summary",
            codes=("T102", "T105", "T106"),
        ),
        Example(
            "strong",
            "Search relevance engineer for an e-commerce marketplace: I build the ranking pipeline "
            "behind 40M queries a day, and a learning-to-rank model I shipped raised conversion "
            "by 3.1%.",
            kind="summary",
        ),
    ),
    check=check,
    lines=LINES,
)
