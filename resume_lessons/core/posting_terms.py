"""What a posting asks for, by technique, found with the kit's own finders.

A text's terms come from the element finder (``explain``: domain and system type for T1,
pipeline stages for T2, experiments for T4, model families for T5), the profile's tool names
(``skills.form_span``: T7, grouped by pipeline stage) and the profile's seniority phrases
(``tailor.yaml``, read with the finder's phrase index). The same function reads the posting
and the resume, so a term means one thing on both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from .elements import explain
from .posting import Posting, posting_texts
from .profile import PhraseIndex, Profile, phrase_key, token_spans
from .skills import form_span, stems

# kind -> the technique whose coverage it counts for
AREA = {"domain": "T1", "system_type": "T1", "stage": "T2", "experiment": "T4"}
AREA |= {"model_type": "T5", "tool": "T7", "seniority": "seniority"}
PIPELINE = ("data", "features", "training", "serving", "monitoring")  # T2; experiments are T4
EXPERIMENT_NAMES = {
    "experiment": "online experiments",
    "guardrail": "guardrail metrics",
    "experiment_duration": "test duration",
    "traffic_share": "traffic share",
    "early_stopping": "early stopping",
    "significance": "statistical significance",
}


@dataclass(frozen=True)
class Place:
    """Where a term appears: a location in the resume or posting, and the words' span."""

    location: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"location": self.location, "span": [self.start, self.end], "text": self.text}


@dataclass(frozen=True)
class Found:
    kind: str  # "domain", "system_type", "stage", "experiment", "model_type", "tool", "seniority"
    key: str  # what makes two finds one term
    name: str  # how the learner is told it
    start: int
    end: int
    stage: str = ""  # a tool's pipeline stage


@dataclass
class Term:
    """One thing the posting asks for, and where it asks."""

    kind: str
    key: str
    name: str
    stage: str = ""
    asked_at: list[Place] = field(default_factory=list)
    # Other terms the posting accepts instead ("PyTorch or TensorFlow"): one shown is enough.
    alternatives: set[tuple[str, str]] = field(default_factory=set)

    @property
    def area(self) -> str:
        return AREA[self.kind]

    @property
    def weight(self) -> int:
        """How many of the posting's texts ask for it."""
        return len({p.location for p in self.asked_at})


def _norm(phrase: str) -> str:
    return " ".join(stems(phrase_key(phrase)))


@cache
def _same(profile: Profile, table: str) -> dict[str, str]:
    """Normalised name -> the group name, for a table of names that mean one thing."""
    out: dict[str, str] = {}
    for head, others in (profile.setting("tailor", table, default={}) or {}).items():
        for name in (head, *(others or ())):
            out[_norm(str(name))] = str(head)
    return out


@cache
def _seniority_index(profile: Profile) -> PhraseIndex:
    index = PhraseIndex()
    for signal, spec in (profile.setting("tailor", "seniority", default={}) or {}).items():
        for phrase in (spec or {}).get("phrases", ()):
            index.add(str(phrase), str(signal))
    index.freeze()
    return index


@cache
def _tools(profile: Profile) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(name, its other names, stage) of every tool the profile knows, one row per tool."""
    # A tool without other names keeps its own spelling from the text (see text_terms).
    heads: dict[str, list[str]] = {}
    for head, others in (profile.setting("skills", "aliases", default={}) or {}).items():
        heads[str(head).lower()] = [str(head), *(str(o) for o in others or ())]
    of = {form.lower(): head for head, forms in heads.items() for form in forms}
    rows: dict[str, tuple[str, tuple[str, ...], str]] = {}
    known = [(t, s) for t, s in profile.tool_stages.items()]
    known += [(t.lower(), "languages") for t in profile.words("skills", "languages")]
    for tool, stage in known:
        head = of.get(tool, tool)
        if head not in rows:
            forms = heads.get(head, [tool])
            rows[head] = (forms[0] if head in heads else "", tuple(forms), stage)
    return tuple(rows.values())


def text_terms(text: str, profile: Profile, *, listed: bool = False) -> list[Found]:
    """The terms one text shows. ``listed``: a skills entry, where a tool name that is also
    an ordinary word ("Ray", "R") counts."""
    out: list[Found] = []
    domains, models = _same(profile, "same_domain"), _same(profile, "same_model")
    modifiers = {w.lower() for w in profile.words("summary", "generic_modifiers")}
    for e in explain(text, "summary", profile):
        if e.name == "domain":
            key = _norm(e.value or e.text)
            name = domains.get(key, e.text.lower())
            out.append(Found("domain", domains.get(key, key), name, e.start, e.end))
        elif e.name == "system_type":
            words = [w for w in phrase_key(e.text) if w not in modifiers]
            if words:
                key = _norm(" ".join(words))
                out.append(Found("system_type", key, e.text, e.start, e.end))
    for e in explain(text, "bullet", profile):
        stage = e.name.removeprefix("stage.")
        if stage in PIPELINE:
            out.append(Found("stage", stage, stage, e.start, e.end))
        elif e.name in EXPERIMENT_NAMES:
            out.append(Found("experiment", e.name, EXPERIMENT_NAMES[e.name], e.start, e.end))
        elif e.name == "model_type":
            key = _norm(e.value or e.text)
            name = models.get(key, e.text.lower())
            out.append(Found("model_type", models.get(key, key), name, e.start, e.end))
    ambiguous = {t.lower() for t in profile.words("tailor", "prose_ambiguous_tools")}
    for name, forms, stage in _tools(profile):
        if not listed and forms[0].lower() in ambiguous:
            continue
        for form in forms:
            span = form_span(form, text)
            if span:
                shown = name or text[span[0] : span[1]]
                out.append(Found("tool", forms[0].lower(), shown, *span, stage=stage))
                break
    words, starts, ends = token_spans(text.lower())
    for i, j, signal, _ in _seniority_index(profile).matches(words):
        out.append(Found("seniority", signal, signal, starts[i], ends[j - 1]))
    return out


def _asked_once(finds: list[Found]) -> list[Found]:
    """A tool's name a posting gives is asked once, as the tool, not also as the model family
    it belongs to ("LightGBM" as gradient boosted trees); a resume's shows both."""
    tools = [(f.start, f.end) for f in finds if f.kind == "tool"]
    return [
        f
        for f in finds
        if f.kind != "model_type" or not any(s < f.end and f.start < e for s, e in tools)
    ]


_OR = re.compile(r"^\s*(?:,\s*)?(?:or|/)\s*$", re.IGNORECASE)


def _alternatives(finds: list[Found], text: str) -> list[tuple[Found, Found]]:
    """Pairs of same-kind terms the text offers as alternatives: "PyTorch or TensorFlow"."""
    ordered = sorted(finds, key=lambda f: f.start)
    return [
        (a, b)
        for a, b in pairwise(ordered)
        if a.kind == b.kind and a.key != b.key and _OR.match(text[a.end : b.start])
    ]


def _contains(a: str, b: str) -> bool:
    return f" {a} " in f" {b} "


def _merge_nested(terms: dict[tuple[str, str], Term]) -> dict[tuple[str, str], Term]:
    """One term for "learning-to-rank" and "learning-to-rank models": the shorter key stands
    for both, so a term is never found and missing at once."""
    merged = dict(terms)
    for (kind, key), term in sorted(terms.items(), key=lambda kv: -len(kv[0][1])):
        if kind not in ("model_type", "system_type", "domain"):
            continue
        into = next(
            (
                t
                for (k2, key2), t in merged.items()
                if k2 == kind and key2 != key and _contains(key2, key)
            ),
            None,
        )
        if into is not None and (kind, key) in merged:
            into.asked_at += term.asked_at
            into.alternatives |= term.alternatives
            del merged[(kind, key)]
    return merged


def posting_terms(posting: Posting, profile: Profile) -> list[Term]:
    """Every term the posting asks for, the most asked first within each kind."""
    terms: dict[tuple[str, str], Term] = {}
    for location, text in posting_texts(posting):
        finds = _asked_once(text_terms(text, profile, listed=location.startswith("skills[")))
        for f in finds:
            term = terms.setdefault((f.kind, f.key), Term(f.kind, f.key, f.name, f.stage))
            term.asked_at.append(Place(location, f.start, f.end, text[f.start : f.end]))
        for a, b in _alternatives(finds, text):
            terms[(a.kind, a.key)].alternatives.add((b.kind, b.key))
            terms[(b.kind, b.key)].alternatives.add((a.kind, a.key))
    terms = _merge_nested(terms)
    order = list(AREA)
    return sorted(terms.values(), key=lambda t: (order.index(t.kind), -t.weight))
