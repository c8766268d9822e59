"""A bullet's overall score: how strongly it makes the case for a senior ML engineer hire.

The score follows the rubric a hiring manager rates bullets by (1 a duty or vague activity;
2 an activity with a tool or topic; 3 concrete work with some specifics; 4 a measured result
with a clear decision or scope; 5 the system, the decision, the model and a business result).
It is a checklist like a technique's: each part a strong bullet shows earns its points
(``PARTS``; "something a reader can check" is the rubric's line between a 1 and a 2), a duty
opening, vague activity words, a result credited to nothing named and work outside ML cost
points (``PENALTIES``), and work that shows nothing of ML is also held to a cap (``NOT_ML_CAP``). Every point is a line a learner
can read, so the lesson, ``explain`` and the report show the same number and what is missing.

``benchmarks/bench_ratings.py`` prints how this score orders rated real bullets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .cramming import (
    LISTED,
    TOOLS_ONLY,
    listed_run,
    listed_test_details,
    lists_costs,
    lists_terms,
    lists_tests,
    only_tools,
    repeated_test_details,
    tool_keys,
)
from .elements import EXPERIMENT_DETAILS, Element, explain
from .elements.document import token_spans
from .findings import and_list
from .placeholders import has_placeholder
from .profile import DEFAULT_PROFILE, Profile, load_profile

BASE = 20  # any bullet with words in it


@dataclass(frozen=True)
class Part:
    """One thing a strong bullet shows: any of ``elements`` earns ``points``."""

    key: str
    label: str
    points: int
    elements: tuple[str, ...]
    question: str


STAGES = tuple(
    f"stage.{s}"
    for s in ("data", "features", "training", "serving", "monitoring", "experimentation")
)
PARTS: tuple[Part, ...] = (
    Part(
        "did",
        "opens with what you did (or owned)",
        10,
        ("action_verb",),
        "What did you do: built, replaced, cut, shipped?",
    ),
    Part(
        "system",
        "names the pipeline stage or the system it works on",
        10,
        (*STAGES, "system_named"),
        "Which part of the ML system was it: data, features, training, serving, monitoring?",
    ),
    Part(
        "named",
        "names something a reader can check (a tool, product, or a figure besides the result)",
        10,
        ("tool", "named"),
        "What can a reader look up: the tool, product or dataset, or a figure?",
    ),
    Part(
        "problem",
        "names the problem or product it serves (fraud, search, perception, speech)",
        5,
        ("topic",),
        "What problem or product is it for: fraud, search, perception, speech, forecasting?",
    ),
    Part(
        "model",
        "names the model or method",
        5,
        ("model_type",),
        "Which model family or method (gradient boosted trees, two-tower, transformer)?",
    ),
    Part(
        "result",
        "a measured result (metric and size)",
        25,
        ("quantified_impact",),
        "Which metric moved, and by how much?",
    ),
    Part(
        "business",
        "what it changed for the business or users",
        10,
        ("business_impact",),
        "What did it change for users or the business: revenue, cost, conversion, time people save?",
    ),
    Part(
        "scale",
        "the scale it ran at",
        20,
        ("scale",),
        "At what scale: users, requests, events, images or miles a day?",
    ),
    Part(
        "decision",
        "a decision or tradeoff",
        5,
        ("decision", "tradeoff"),
        "What did you choose over what, and what did it cost?",
    ),
    Part(
        "rigour",
        "how it was tested (duration, traffic, guardrails, stopping)",
        10,
        EXPERIMENT_DETAILS,
        "How was it tested: for how long, on what share of traffic, with which guardrails?",
    ),
)
PENALTIES = (
    # a duty opening has already lost the points for saying what you did: this is the rest
    ("weak_opening", "opens with a duty or a helper's part", 5),
    ("vague_word", "vague activity words (various, collaborated, insights…)", 10),
    (
        "vague_measure",
        "a figure on a vague measure (productivity, performance): name the metric",
        5,
    ),
    ("bare_result", "a result with nothing named that produced it (no model, tool or system)", 10),
    ("not_ml", "shows no ML work (no model, training, features, serving or experiment)", 10),
)
# Work that shows nothing of ML (no model, no training, features, model serving or online
# experiment, no ML words) makes the case for another job: it costs points (``not_ml``) and is
# held to a 3 of 5.
# Said beside each penalty of a held bullet: its points are not taken off the number shown.
UNDER_CAP = "not taken off here: the cap holds the score lower already; fix it all the same"
NOT_ML_CAP = 60
# A bullet that crams most of the pipeline or a run of tools into one line reads as keyword
# stuffing, not as one piece of work: at most a 2 of 5, below an honest bullet that only lacks
# its result (a 3), whatever figures the stuffing adds.
CRAMMED_CAP = 39
CRAMMED_STAGES = 5  # of six: a model with the data that feeds it and its serving path is 4
CRAMMED_TOOLS = 6
# Hype ("cutting-edge", "synergies", "AI-driven solutions") claims what a bullet should show:
# one that sells itself with it is at most a 3 of 5, whatever figures it adds.
HYPE_CAP = 59
# Placeholders ("X%", "replaced X with Y") stand where a fact should be: at most a 3 of 5.
PLACEHOLDER_CAP = 60
# A 4 of 5 is "concrete work with a measured result": without one a bullet is at most a 3.
NO_RESULT_CAP = 59
# A 5 of 5 shows the system or stage, the decision or tradeoff, the model or method and a
# measured business result: a bullet short of any of them is at most a 4, however much else it
# piles up (numbers alone do not make one).
FIVE_CAP = 79
FIVE_NEEDS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset(STAGES), "the stage or system"),
    (frozenset({"decision", "tradeoff"}), "a decision or tradeoff"),
    (frozenset({"model_type"}), "the model or method"),
    (frozenset({"business_impact"}), "a business result"),
    (frozenset({"quantified_impact"}), "a measured result"),
)
FIVE_NEEDS_SAID = "the stage, a decision, the model and a measured business result"
ML_SIGNS = (
    "model_type",
    "stage.training",
    "stage.features",
    "stage.serving",
    "stage.experimentation",
    "ml_word",
)
# What a result can be credited to: a model (by family, or by kind: "the new ranker"), a tool,
# a named product or system, or the domain or system type it serves. A figure alone ("a 7%
# gain in accuracy") is no producer.
_PRODUCERS = frozenset({"model_type", "tool", "topic", "capitalised", "ml_producer"})
# "the model" alone names no model: which one? ("the churn model", "the new ranker" do)
_BARE_MODEL_NOUNS = frozenset({"model", "models", "model's", "algorithm", "algorithms"})
# A bullet that is only a result, credited to nothing ("Achieved 98% accuracy on the test
# set"), shows no work: at most a 2 of 5, whatever its size. Only a result: fewer than
# ``WORK_WORDS`` words of three letters or more besides the result and the opening verb.
BARE_RESULT_CAP = 39
WORK_WORDS = 4
ML_CATEGORIES = frozenset({"stage_model_word", "model_noun", "stage_model_task", "ml_word"})


@dataclass(frozen=True)
class BulletScore:
    """A bullet's score (0-100), the parts it shows and misses, and what cost it points."""

    score: int
    shown: tuple[Part, ...]
    missing: tuple[Part, ...]
    penalties: tuple[tuple[str, int], ...]  # (what, points lost)
    capped: str  # why the score was held down, or ""
    elements: tuple[Element, ...]
    shows_ml: bool = True  # False: nothing in it is ML work (no model, training, features …)

    @property
    def said(self) -> int:
        """What its parts and penalties alone give, before any cap: how much the bullet says
        (a bullet capped for cramming says much; "Worked on the model." says little)."""
        raw = BASE + sum(p.points for p in self.shown) - sum(n for _, n in self.penalties)
        return max(0, min(100, raw))

    @property
    def level(self) -> int:
        """The score on the raters' 1-5 scale."""
        return 1 + min(4, self.score // 20)

    def to_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "shown": [p.key for p in self.shown],
            "missing": [
                {"part": p.key, "label": p.label, "question": p.question} for p in self.missing
            ],
            "penalties": [{"what": w, "points": n} for w, n in self.penalties],
            "capped": self.capped,
        }


def _signals(
    text: str,
    profile: Profile,
    opening: tuple[int, int] = (0, 0),
    models: Sequence[tuple[int, int]] = (),
) -> tuple[set[str], list[str]]:
    """What the bullet shows besides its elements (tools, named things, ML words), and the
    vague activity words it is charged for, as written."""
    words, starts, ends = token_spans(text.lower())
    found: set[str] = set()
    joined = " " + " ".join(words) + " "
    tools = sum(" " + " ".join(key) + " " in joined for key in tool_keys(profile))
    if tools:
        found.add("tool")
    if tools >= CRAMMED_TOOLS:
        found.add("many_tools")
    if tools >= TOOLS_ONLY and only_tools(words, profile):
        found.add("listed_terms")  # "Used PyTorch, Docker, Kubernetes and MLflow."
    if lists_tests(text) or lists_costs(text, profile):
        found.add("listed_checks")
    if lists_terms(text):
        found.add("listed_terms")
    hits = profile.index.by_category(words)
    if ML_CATEGORIES & hits.keys():
        found.add("ml_word")
    if _names_a_producer(words, hits):
        found.add("ml_producer")
    if _names_something(text, starts, hits, models):
        found.add("capitalised")
    if "capitalised" in found or _FIGURE.search(text):
        found.add("named")
    if "domain" in hits or "system_type" in hits:
        found.add("topic")
    if "system_type" in hits:  # "the ranking pipeline", "the feature store": a system named
        found.add("system_named")
    if _owns(hits, starts, opening[0]):
        found.add("owns")
    start, end = opening
    # a vague word inside a metric's or a domain's name is that name ("support tickets",
    # "customer support"), as in what support handles ("support transcripts") and a decision
    # written down ("documented the tradeoff")
    metrics = [
        (a, b)
        for c in ("metric", "business_metric", "domain", "work_of_support", "record_of_decision")
        for a, b, _ in hits.get(c, ())
    ]
    # a helper's opening ("Helped …") is charged once, as the opening
    charged = [
        (i, j, p)
        for i, j, p in hits.get("vague_word", ())
        if not start <= starts[i] < end and not any(a <= i and j <= b for a, b in metrics)
    ]
    vague = [text[starts[i] : ends[j - 1]] for i, j, _p in charged]
    if vague:
        found.add("vague_word")
    hype = _hype_words(profile)
    if any(p.lower() in hype for _i, _j, p in charged):
        found.add("hype")
    return found, list(dict.fromkeys(vague))


@lru_cache(maxsize=4096)  # asked of every bullet on each keystroke (T6) and by tailor
def sells_with_hype(text: str, profile: Profile) -> bool:
    """Whether a bullet sells itself with hype words ("Leveraged cutting-edge AI to drive
    synergies"): it is held to a 3 of 5, and it vouches for nothing else (no paper is tied to
    work by it, no posting's ask is shown by it)."""
    words, _starts, _ends = token_spans(text.lower())
    hype = _hype_words(profile)
    hits = profile.index.by_category(words).get("vague_word", ())
    return any(p.lower() in hype for _i, _j, p in hits)


@cache
def _hype_words(profile: Profile) -> frozenset[str]:
    return frozenset(w.lower() for w in profile.words("quality", "hype_words"))


# a figure is a number standing alone ("40 repos", "$2M", "2TB/day"), not a digit inside a
# name ("F1", "p95", "NDCG@10", "YOLOv5", "top-1"): a name is the metric or model it names
_FIGURE = re.compile(r"(?<![\w@.-])[$£€]?\d")


def _names_a_producer(words: list[str], hits: dict[str, list[tuple[int, int, str]]]) -> bool:
    """Whether the bullet names what produced a result in ML words: a model by its kind or
    purpose ("the ranker", "the churn model"), a training or features stage; not "the model"
    alone."""
    modifiers = {i for i, _j, _p in hits.get("generic_modifier", ())}
    for category in ML_CATEGORIES:
        for i, j, _p in hits.get(category, ()):
            bare = j - i == 1 and words[i] in _BARE_MODEL_NOUNS
            if not bare or (i > 0 and i - 1 not in modifiers):
                return True
    return False


def _owns(hits: dict[str, list[tuple[int, int, str]]], starts: list[int], at: int) -> bool:
    """An ownership opening at char ``at`` over a domain, a system type or a pipeline stage the
    bullet names ("Owned model monitoring for 25 production models")."""
    named = "domain" in hits or "system_type" in hits or any(c.startswith("stage.") for c in hits)
    return named and any(starts[i] == at for i, _j, _p in hits.get("ownership_opener", ()))


def owns_a_named_system(text: str, opening_start: int, profile: Profile) -> bool:
    """Whether a weak opening at ``opening_start`` is a role over a system the bullet names
    ("Owned the ranking service behind the storefront"): ownership, not a duty (T2 and the bullet
    score read it the same way)."""
    words, starts, _ends = token_spans(text.lower())
    return _owns(profile.index.by_category(words), starts, opening_start)


def as_read(text: str, elements: list[Element], profile: Profile) -> list[Element]:
    """The bullet's elements as the scores read them, for display: an ownership opening over a
    system the bullet names ("Owned the ranking service …") is shown as the action verb T2 and
    the bullet score take it for, not as the weak opening ``explain`` labels it."""
    out = []
    for e in elements:
        if e.name == "weak_opening" and owns_a_named_system(text, e.start, profile):
            e = e._replace(name="action_verb", value="owns a system the bullet names")
        out.append(e)
    return out


_TITLE_CASE = 0.6  # a bullet whose words are mostly capitalised says nothing by its capitals


def _names_something(
    text: str,
    starts: list[int],
    hits: dict[str, list[tuple[int, int, str]]],
    models: Sequence[tuple[int, int]] = (),
) -> bool:
    """Whether a capitalised word inside the bullet names a product, company, dataset or tool
    (not the first word of a sentence, nor a generic name such as "ML" or "Sales", nor a model
    family the model part already credits: "CNNs", "LSTM")."""
    capital = [i for i, at in enumerate(starts) if text[at].isupper()]
    if len(starts) >= 4 and len(capital) > _TITLE_CASE * len(starts):
        return False
    generic = {i for i, _j, _p in hits.get("generic_name", ())}
    # a metric's name ("F1", "CTR", "NDCG") is the metric, not a product a reader looks up
    generic |= {k for i, j, _p in hits.get("metric", ()) for k in range(i, j)}
    for i in capital:
        if i == 0 or i in generic or any(a <= starts[i] < b for a, b in models):
            continue
        before = text[: starts[i]].rstrip()
        if before and before[-1] not in ".!?:;•":
            return True
    return False


def vague_measure(e: Element, profile: Profile) -> bool:
    """Whether a result's measure is one too vague to check (``vague_measures`` of
    quality.yaml: "productivity", "model performance")."""
    return (e.value or "").lower() in _vague_measures(profile)


@cache
def _vague_measures(profile: Profile) -> frozenset[str]:
    return frozenset(w.lower() for w in profile.words("quality", "vague_measures"))


def score_bullet(
    text: str,
    profile: str | Profile = DEFAULT_PROFILE,
    elements: list[Element] | None = None,
) -> BulletScore:
    """The overall score of one bullet, with the parts behind it."""
    prof = load_profile(profile) if isinstance(profile, str) else profile
    found = explain(text, "bullet", prof) if elements is None else elements
    if not text.strip():
        return BulletScore(0, (), PARTS, (), "", tuple(found))
    weak = next(((e.start, e.end) for e in found if e.name == "weak_opening"), (0, 0))
    models = [(e.start, e.end) for e in found if e.name == "model_type"]
    signals, vague = _signals(text, prof, weak, models)
    if "capitalised" not in signals and "named" in signals:
        # a figure names something checkable when it is not only the result's own size
        results = [(e.start, e.end) for e in found if e.name == "quantified_impact"]
        if all(any(a <= m.start() < b for a, b in results) for m in _FIGURE.finditer(text)):
            signals.discard("named")
    paid = _costs_paid(text, found, prof)
    names = {e.name for e in found if e not in paid} | signals
    if repeated_test_details([e.name for e in found]):
        names.add("listed_checks")  # two durations, two shares: options listed, no one test
    if listed_test_details(text, [(e.name, e.start, e.end) for e in found]):
        names.add("listed_checks")  # "guardrail metrics, a stopping rule, significance": no test
    results = [e for e in found if e.name == "quantified_impact" and e not in paid]
    if results and all(vague_measure(e, prof) for e in results):
        names.discard("quantified_impact")  # "a 10x uplift in productivity": no metric named
        names.add("vague_measure")
    if listed_run(text, models) >= LISTED:
        names.add("listed_models")
    if "owns" in names:  # "Owned the ranking pipeline …": a role over a named system
        names.discard("weak_opening")
        names.add("action_verb")
    if "weak_opening" in names:
        names.discard("action_verb")
    shown = tuple(p for p in PARTS if names.intersection(p.elements))
    missing = tuple(sorted((p for p in PARTS if p not in shown), key=lambda p: -p.points))
    if "quantified_impact" in names and names.isdisjoint(_PRODUCERS):
        names.add("bare_result")
    if names.isdisjoint(ML_SIGNS):
        names.add("not_ml")
    said = {"vague_word": ": " + ", ".join(f"“{w}”" for w in vague)}
    penalties = tuple(
        (label + said.get(name, ""), points) for name, label, points in PENALTIES if name in names
    )
    score = BASE + sum(p.points for p in shown) - sum(points for _, points in penalties)
    capped = ""
    for cap, reason in _caps(text, names, paid, found):
        if score > cap:
            score, capped = cap, reason
    return BulletScore(
        max(0, min(100, score)),
        shown,
        missing,
        penalties,
        capped,
        tuple(found),
        "not_ml" not in names,
    )


_LOSS_VALUES = frozenset({"lost", "worse"})  # the tradeoff spans that are a measured loss
_PAID_WINDOW = 3  # tokens from "accepting", "at the cost of" … to the figure it pays


def _costs_paid(text: str, found: list[Element], profile: Profile) -> dict[Element, str]:
    """The figures that are the price a choice paid ("accepting a 0.4% drop in recall"), each
    with the words that say so: the tradeoff's cost, not the bullet's result."""
    words, starts, ends = token_spans(text.lower())
    by_cat = profile.index.by_category(words)
    # a word inside a metric's name is the metric, not a price: "false accepts"
    named = [(a, b) for a, b, _ in by_cat.get("metric", ())]
    windows = [
        (starts[i], ends[min(len(ends), j + _PAID_WINDOW) - 1], text[starts[i] : ends[j - 1]])
        for i, j, _p in by_cat.get("cost_paid", ())
        if not any(a <= i and j <= b for a, b in named)
    ]
    paid = {}
    # a loss said as one ("lost 1.1 mIoU", "only 1.5% worse on pinball loss") is the price too
    losses = [t for t in found if t.name == "tradeoff" and t.value in _LOSS_VALUES]
    for e in found:
        if e.name in ("quantified_impact", "business_impact"):
            loss = next((t for t in losses if t.start < e.end and e.start < t.end), None)
            if loss is not None:
                paid[e] = loss.text
                continue
            said = next(
                (
                    w
                    for a, b, w in windows
                    if a <= e.start <= b and not _BOUGHT.search(text, a, e.start)
                ),
                "",
            )
            if said:
                paid[e] = said
    return paid


# What a price bought follows it: "trade sensitivity for 40% fewer false alarms", "accepting a
# 2% recall drop in exchange for 30% lower latency" (the figure after these is the gain).
_BOUGHT = re.compile(
    r"\b(?:for|in exchange for|in return for|to get|to gain|to win|buying)\b", re.I
)


def _only_a_result(text: str, found: Sequence[Element]) -> bool:
    """Whether the words besides the result and the opening verb say too little to be work:
    "Achieved a 5% accuracy improvement over the current solution.". A test that produced the
    result is work done ("Ran A/B tests on ad placement that increased ad clicks by 9%")."""
    if any(e.name == "experiment" for e in found):
        return False
    results = [
        (e.start, e.end) for e in found if e.name in ("quantified_impact", "business_impact")
    ]
    words, starts, _ends = token_spans(text)
    rest = [
        w
        for w, a in zip(words[1:], starts[1:], strict=True)
        if len(w) >= 3 and w.isalpha() and not any(s <= a < e for s, e in results)
        and w.lower() not in _FILLER
    ]  # fmt: skip
    return len(rest) < WORK_WORDS


_FILLER = frozenset({"the", "and", "our", "over", "from", "with", "for", "into", "than", "its"})


def _caps(
    text: str, names: set[str], paid: dict[Element, str], found: Sequence[Element] = ()
) -> list[tuple[int, str]]:
    """The caps that hold this bullet down, loosest first (the tightest one says why)."""
    caps = []
    lacks = [what for keys, what in FIVE_NEEDS if names.isdisjoint(keys)]
    if lacks:
        caps.append(
            (FIVE_CAP, f"a 5 of 5 needs {FIVE_NEEDS_SAID}; this one lacks {and_list(lacks)}")
        )
    stages = sum(1 for s in STAGES if s in names)
    if stages >= CRAMMED_STAGES or "many_tools" in names:
        caps.append((CRAMMED_CAP, "crams many stages or tools into one bullet; split it"))
    if "listed_checks" in names:
        caps.append(
            (CRAMMED_CAP, "lists every cost or every kind of test; name the one that mattered")
        )
    if "listed_models" in names:
        caps.append((CRAMMED_CAP, "lists model families in a row; name the one you built"))
    if "listed_terms" in names:
        caps.append(
            (CRAMMED_CAP, "strings terms together in a list; say what you built with the ones used")
        )
    if "bare_result" in names and _only_a_result(text, found):
        caps.append((BARE_RESULT_CAP, "is only a result: say what you built or changed to get it"))
    if "hype" in names:
        caps.append((HYPE_CAP, "sells itself with hype words; show what you built and measured"))
    if has_placeholder(text):
        caps.append((PLACEHOLDER_CAP, "has placeholders (X%, X and Y) where facts go"))
    if "not_ml" in names:
        caps.append(
            (
                NOT_ML_CAP,
                "shows no ML work (no model, training, features, serving, experiment or ML words)",
            )
        )
    if "quantified_impact" not in names:
        price = next((w for e, w in paid.items() if e.name == "quantified_impact"), "")
        said = (
            f" (the figure after “{price}” is what the choice paid, not a result)" if price else ""
        )
        caps.append((NO_RESULT_CAP, f"shows no measured result{said}; a 4 of 5 needs one"))
    return sorted(caps, key=lambda c: -c[0])
