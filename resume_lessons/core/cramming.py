"""Lists that stand where one fact should: every cost, test or model family named in a row.

A tradeoff names the one cost a choice paid and the check that showed it was acceptable.
"Accepting higher latency, memory and cost, validated in a shadow test, load test and A/B test"
names every cost and every test there is, and says what none of them showed: it reads as a
template filled in, not as a decision. "Built transformer, LSTM, DeepFM and XGBoost models"
names four families and shows work on none. T3 credits neither list, T5 counts no model from a
list of models, and the bullet score holds a bullet with one to a 3 of 5, as it does a bullet
that crams the whole pipeline.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from .profile import Profile, phrase_key

LISTED = 3  # items in a row that make a list

# One kind of test: a word or two naming it, then the test noun ("shadow test", "A/B test").
_TEST = r"(?:(?:a|an|the)\s+)?[a-z][\w/-]*\s+(?:tests?|testing|evaluations?|experiments?|runs?)"


def _list_of(item: str) -> str:
    """Three or more items: "a, b and c", "a, b, or c", "a, b, c and d"."""
    return rf"{item}(?:\s*,\s*{item}){{{LISTED - 2},}}\s*,?\s+(?:and|or|&)\s+{item}"


_TESTS = re.compile(rf"\b{_list_of(_TEST)}\b")
# Any run of short items: "recommendations, candidate generation, PyTorch, Feast, Spark …",
# with a last "and" or with commas alone ("Prophet, TFT, Airflow, Spark, MLflow, AWS, serving").
TERM_LIST = 6  # short items in a row that make a keyword list (as many as a list of tools)
_WORD_OF_ITEM = r"(?:[^\s,;:.()]|(?<=\d)\.(?=\d))+"  # "p<0.05" is one word, its point a figure's
_ITEM = rf"{_WORD_OF_ITEM}(?:\s+{_WORD_OF_ITEM}){{0,2}}"
_COMMA = r"\s*,(?!\d)\s*"  # not the comma inside a figure: "2,400 stores"
_TERMS = re.compile(
    rf"{_ITEM}(?:{_COMMA}{_ITEM}){{{TERM_LIST - 2},}}"
    rf"(?:\s*,?\s+(?:and|or|&)\s+|{_COMMA}){_ITEM}(?=[\s,;:.]|$)"
)
# A bullet that is nothing but short items and commas, however it ends: "Machine learning, deep
# learning, NLP, LLMs, MLOps, CI/CD, SQL".
_ONLY_TERMS = re.compile(rf"\s*{_ITEM}(?:{_COMMA}{_ITEM}){{{TERM_LIST - 1},}}\s*[.;]?\s*")
# A cost named as one bare word after "accepting", "at the cost of" …: "higher latency".
_COST = r"(?:(?:higher|more|greater|increased|extra|some|larger|bigger)\s+)?[a-z][a-z-]*"


@cache
def _costs(profile: Profile) -> re.Pattern[str] | None:
    paid = sorted(profile.words("tradeoffs", "costs_paid"), key=len, reverse=True)
    if not paid:
        return None
    alts = "|".join(re.escape(p.lower()) for p in paid)
    return re.compile(rf"\b(?:{alts})\s+{_list_of(_COST)}(?![\w-])")


def lists_tests(text: str) -> str:
    """The run of three or more kinds of test named one after another, or ""."""
    m = _TESTS.search(text.lower())
    return text[m.start() : m.end()] if m else ""


# Words that any sentence about work holds and a string of keywords lacks.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "to",
        "in",
        "on",
        "with",
        "by",
        "from",
        "and",
        "at",
        "that",
        "which",
        "our",
        "its",
        "their",
        "my",
        "into",
        "across",
        "over",
        "under",
        "per",
        "as",
        "via",
        "using",
        "so",
        "while",
        "after",
        "before",
        "than",
        "or",
    ]
)
SOUP_WORDS = 8  # words, none of them a function word or a figure, that make a keyword string
_WORD = re.compile(r"[^\W\d][\w+#/.-]*")


def lists_terms(text: str) -> str:
    """A run of ``TERM_LIST`` or more short items (a word to three each) joined by commas and a
    last "and", a bullet that is only such items and commas, or one of ``SOUP_WORDS`` or more
    words with no function word and no figure ("Kafka Feast LightGBM XGBoost transformer
    two-tower model serving monitoring"): a keyword list standing where the work should be,
    or ""."""
    m = _TERMS.search(text)
    if m:
        return text[m.start() : m.end()]
    return text.strip() if is_keyword_list(text) else ""


def is_keyword_list(text: str) -> bool:
    """Whether the whole bullet is a keyword list (terms and commas only, or a string of words
    with no function word and no figure): it shows no work of any kind."""
    if _ONLY_TERMS.fullmatch(text):
        return True
    words = _WORD.findall(_FIXED_PHRASES.sub(" ", text))
    return (
        len(words) >= SOUP_WORDS
        and not any(c.isdigit() for c in text)
        and _FUNCTION_WORDS.isdisjoint(w.lower() for w in words)
    )


# Phrases that hold a function word as part of a term, not of a sentence: a string of keywords
# with "end to end" in it is still a string of keywords.
_FIXED_PHRASES = re.compile(
    r"\b(?:end[\s-]to[\s-]end|state[\s-]of[\s-]the[\s-]art|out[\s-]of[\s-]stocks?|"
    r"point[\s-]of[\s-]sale|time[\s-]to[\s-]market|peer[\s-]to[\s-]peer|business[\s-]to[\s-]business)\b",
    re.IGNORECASE,
)


def lists_costs(text: str, profile: Profile) -> str:
    """The run of three or more bare costs after a word of paying, or ""."""
    pattern = _costs(profile)
    m = pattern.search(text.lower()) if pattern else None
    if m is None or any(c.isdigit() for c in m.group()):
        return ""
    return text[m.start() : m.end()]


_JOINS = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|&|/)\s+)(?:(?:a|an|the)\s+)?$")


def listed_run(text: str, spans: list[tuple[int, int]]) -> int:
    """The longest run of spans (of one kind of element) joined only by commas, "and" or "or":
    "transformer, LSTM, DeepFM and XGBoost" is a run of 4."""
    ordered = sorted(spans)
    best = run = 1 if ordered else 0
    for (_, end), (start, _) in pairwise(ordered):
        run = run + 1 if _JOINS.match(text[end:start].lower() + " ") else 1
        best = max(best, run)
    return best


# A bullet that names this many tools and little else is a list of them, however it opens:
# "Used PyTorch, Docker, Kubernetes and MLflow." shows no work with any, nor any stage.
TOOLS_ONLY = 3
_LIST_GLUE = frozenset({"and", "or", "with", "the", "a", "an", "in", "for", "on", "to", "of", "&"})


@cache
def tool_keys(profile: Profile) -> tuple[tuple[str, ...], ...]:
    """Every tool's name as lower-case tokens."""
    return tuple(sorted({phrase_key(t) for t in profile.tool_stages if phrase_key(t)}))


@cache
def _keys_by_first(profile: Profile) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for key in tool_keys(profile):
        out.setdefault(key[0], []).append(key)
    return {w: tuple(sorted(keys, key=len, reverse=True)) for w, keys in out.items()}


def only_tools(words: list[str], profile: Profile) -> bool:
    """Whether, past its first word (a verb: "Used", "Worked with"), a bullet's words (lower
    case tokens) are nothing but tool names and the words that join them."""
    by_first = _keys_by_first(profile)
    k, n = 1, len(words)
    while k < n:
        if words[k] in _LIST_GLUE:
            k += 1
            continue
        key = next(
            (c for c in by_first.get(words[k], ()) if tuple(words[k : k + len(c)]) == c), None
        )
        if key is None:
            return False
        k += len(key)
    return n > 1


# Details one test has once: two durations or two shares of traffic in one bullet list options
# ("2 weeks 3 weeks 50% of traffic 10% of users"), not the test that ran.
ONCE_PER_TEST = ("experiment_duration", "traffic_share")


def repeated_test_details(names: list[str]) -> list[str]:
    """The test details a bullet's elements (their names, one per element) give more than
    once: a keyword soup of test words, not one test described. A bullet that says what was
    done (an action verb) may tell a test in two phases ("for 2 weeks on 5%, then 3 weeks"):
    it is a soup only when every detail repeats."""
    repeated = [d for d in ONCE_PER_TEST if names.count(d) >= 2]
    if "action_verb" in names and len(repeated) < len(ONCE_PER_TEST):
        return []
    return repeated


# The details a test is told by (the element finder's names for them).
TEST_DETAIL_NAMES = (
    "experiment_duration",
    "traffic_share",
    "guardrail",
    "early_stopping",
    "significance",
)


def listed_test_details(text: str, details: list[tuple[str, int, int]]) -> list[str]:
    """The kinds of test detail (name, start, end of each found) a bullet names ``LISTED`` or
    more in a row with no value among them: "with guardrail metrics, a stopping rule,
    statistical significance and p-values" names every detail a test can have and gives none
    (no duration, no share, no p-value). A bullet that gives a value for any of them ("a 2-week
    test … with latency guardrails, early stopping and significance") describes one test."""
    spans = sorted((s, e, name) for name, s, e in details if name in TEST_DETAIL_NAMES)
    best: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for span in spans:
        if run and _JOINS.match(text[run[-1][1] : span[0]].lower() + " "):
            run.append(span)
        else:
            run = [span]
        if len(run) > len(best):
            best = list(run)
    # one value anywhere (a duration, a share, a p-value) and the words describe that test
    if len(best) < LISTED or any(c.isdigit() for s, e, _ in spans for c in text[s:e]):
        return []
    return list(dict.fromkeys(name for _, _, name in best))
