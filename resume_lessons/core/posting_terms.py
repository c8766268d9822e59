"""What a posting asks for, by technique, found with the kit's own finders.

A text's terms come from the element finder (``explain``: domain and system type for T1,
pipeline stages for T2, experiments for T4, model families for T5), the profile's tool names
(``skills.form_span``: T7, grouped by pipeline stage) and the profile's seniority phrases
(``tailor.yaml``, read with the finder's phrase index). The same function reads the posting
and the resume, so a term means one thing on both sides: "learning-to-rank models" and
"learning to rank" are one term, and "ranking stack" is "ranking" (a generic system head).

``posting_terms`` reads every text of a posting: the company's own name is never a term, a
phrase is asked once (a "feature store" is a pipeline stage, not also a system type), and a
term asked only where the posting says it would like it (``nice_to_have``, "Java is a plus")
is marked ``nice``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from .degrees import LEVELS, asked_degree, degree_fields
from .elements import Element, explain
from .elements.rules import RUNS_AS
from .experience import asked_years
from .posting import Posting, posting_texts
from .profile import PhraseIndex, Profile, phrase_key, token_spans
from .skills import form_span, stems, tool_kinds

# kind -> the technique whose coverage it counts for
AREA = {"domain": "T1", "system_type": "T1", "stage": "T2", "experiment": "T4", "metric": "T4"}
AREA |= {"model_type": "T5", "venue": "T6", "tool": "T7"}
AREA |= {"seniority": "seniority", "experience": "seniority", "degree": "seniority"}
PIPELINE = ("data", "features", "training", "serving", "monitoring")  # T2; experiments are T4
EXPERIMENT_NAMES = {
    "experiment": "online experiments",
    "guardrail": "guardrail metrics",
    "experiment_duration": "test duration",
    "traffic_share": "traffic share",
    "early_stopping": "stopping rules",  # when a test is stopped, not a training technique
    "significance": "statistical significance",
}


@dataclass(frozen=True)
class Place:
    """Where a term appears: a location in the resume or posting, and the words' span. A
    posting's place also has its line in a pasted text file, and whether it is a nice-to-have."""

    location: str
    start: int
    end: int
    text: str
    line: int | None = None
    nice: bool = False
    # named in the posting's description of the company or team, in a posting that lists its
    # asks apart ("About us: … the experimentation platform that …"): context, not an ask
    context: bool = False

    @property
    def where(self) -> str:
        """ "qualifications[2], line 27" for a pasted posting; the location otherwise."""
        return self.location if self.line is None else f"{self.location}, line {self.line}"

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "location": self.location,
            "span": [self.start, self.end],
            "text": self.text,
        }
        if self.line is not None:
            out["line"] = self.line
        if self.nice:
            out["nice_to_have"] = True
        if self.context:
            out["description_only"] = True
        return out


@dataclass(frozen=True)
class Found:
    kind: str  # "domain", "system_type", "stage", "experiment", "metric", "model_type", "tool",
    # "venue" (of a publication), "seniority", "experience" (years of it: the key "5+ years"),
    # "degree" (the key "degree 2": a master's or higher)
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
    # Other keys of this same term, from a name the posting gives in parentheses after it
    # ("vision transformers (ViT)"): a resume showing either shows the term.
    aka: set[str] = field(default_factory=set)

    @property
    def keys(self) -> set[str]:
        return {self.key, *self.aka}

    @property
    def area(self) -> str:
        return AREA[self.kind]

    @property
    def weight(self) -> int:
        """How many of the posting's texts ask for it."""
        return len({p.location for p in self.asked_at})

    @property
    def nice(self) -> bool:
        """Asked only as a nice-to-have: weighed less, and said so."""
        return bool(self.asked_at) and all(p.nice for p in self.asked_at)

    @property
    def minor(self) -> bool:
        """Asked only as a nice-to-have or in the team's description, in any mix of the two:
        weighed as a nice-to-have."""
        return bool(self.asked_at) and all(p.nice or p.context for p in self.asked_at)

    @property
    def context(self) -> bool:
        """Named only where the posting describes the company or team, never in what it asks
        of the candidate: weighed as a nice-to-have, and said so."""
        return bool(self.asked_at) and all(p.context for p in self.asked_at)


MAX_PLACES_SHOWN = 3


def asked_where(term: Term, n: int = MAX_PLACES_SHOWN) -> str:
    """Where the posting asks for a term, its first n texts: "responsibilities[1], line 9;
    qualifications[0], line 18"."""
    places: dict[str, Place] = {}
    for p in term.asked_at:
        places.setdefault(p.location, p)
    return "; ".join(p.where for p in list(places.values())[:n])


def _norm(phrase: str) -> str:
    """A phrase's key: its words stemmed, hyphens as spaces ("learning-to-rank models" and
    "learning to rank model" are one key)."""
    return " ".join(stems(phrase_key(phrase.replace("-", " "))))


def shown_name(text: str) -> str:
    """A term as the text wrote it: "LambdaMART", "BERT"; a capital only opening a sentence
    ("Transformer models") is dropped."""
    text = " ".join(text.split())  # a phrase wrapped across lines of a pasted posting
    if any(c.isupper() for w in text.split() for c in w[1:]):
        return text
    return text.lower()


@cache
def _generic_heads(profile: Profile) -> frozenset[str]:
    """Stems of the words that make "ranking stack" the same term as "ranking", plurals too
    ("pipelines" stems to "pipelin")."""
    words = profile.words("tailor", "generic_system_heads")
    return frozenset(_norm(form) for w in words for form in (w, f"{w}s"))


_LIST_GAP = re.compile(r"\s*(?:,|/|;|\bor\b|\band\b|,\s*(?:or|and)\b)\s*", re.IGNORECASE)


def _listed_with_tools(text: str, held: list[Found], tools: list[Found]) -> list[Found]:
    """The tool names that are also words ("Go", "Ray", "R") that prose names in a list of
    other tools: "one of C++, Rust, or Go" asks for Go; "go to market" asks for nothing."""
    out: list[Found] = []
    known = list(tools)
    for _ in range(len(held)):  # "Go or R" after "Rust": each found one may be the neighbour
        for f in held:
            if f in out:
                continue
            if any(
                _LIST_GAP.fullmatch(text[t.end : f.start])
                or _LIST_GAP.fullmatch(text[f.end : t.start])
                for t in known
            ):
                out.append(f)
                known.append(f)
    return out


OFFLINE_EXPERIMENT = "experiment offline"  # the key of an experiment not said to run online


@cache
def _online_words(profile: Profile) -> re.Pattern[str]:
    """``online_test_words`` of tailor.yaml: the words that say a test ran on live traffic."""
    words = sorted(profile.words("tailor", "online_test_words"), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w/-])", re.IGNORECASE)


def base_key(key: str, profile: Profile) -> str:
    """A system type's key without its generic head ("rank stack" -> "rank"), or ''; a
    domain's other name is that domain ("forecast system" -> "forecasting")."""
    words = key.split()
    if len(words) >= 2 and words[-1] in _generic_heads(profile):
        base = " ".join(words[:-1])
        return _same(profile, "same_domain").get(base, base)
    return ""


def same_names(profile: Profile, table: str) -> dict[str, str]:
    """Normalised name -> the group name, for a table of names that mean one thing
    (``same_model``, ``same_domain`` … of tailor.yaml)."""
    return _same(profile, table)


def model_family(name: str, profile: Profile) -> str:
    """The family a model's name belongs to (``same_model``: "GNN" and "graph neural network"
    are graph neural networks), or the name itself, lower case."""
    return _same(profile, "same_model").get(_norm(name), name).lower()


@cache
def _same(profile: Profile, table: str) -> dict[str, str]:
    """Normalised name -> the group name, for a table of names that mean one thing."""
    out: dict[str, str] = {}
    for head, others in (profile.setting("tailor", table, default={}) or {}).items():
        for name in (head, *(others or ())):
            out[_norm(str(name))] = str(head)
    return out


@cache
def system_tools(profile: Profile) -> dict[str, frozenset[str]]:
    """A system type's term key -> the tools that are one (``system_tools`` of tailor.yaml:
    a bullet about a FAISS index shows ANN retrieval), the tools lowercase."""
    systems = _same(profile, "same_system")
    table = profile.setting("tailor", "system_tools", default={}) or {}
    return {
        systems.get(_norm(str(s)), _norm(str(s))): frozenset(str(t).lower() for t in tools or ())
        for s, tools in table.items()
    }


@cache
def model_kinds(profile: Profile) -> dict[str, frozenset[str]]:
    """A kind of model's term key -> the keys of the models that are one of it (``model_kinds``
    of tailor.yaml: a LambdaMART bullet shows learning-to-rank), keyed as ``text_terms`` keys
    a model type."""
    models = _same(profile, "same_model")

    def key(name: object) -> str:
        return models.get(_norm(str(name)), _norm(str(name)))

    table = profile.setting("tailor", "model_kinds", default={}) or {}
    return {key(kind): frozenset(key(m) for m in members or ()) for kind, members in table.items()}


@cache
def _seniority_index(profile: Profile) -> PhraseIndex:
    index = PhraseIndex()
    for signal, spec in (profile.setting("tailor", "seniority", default={}) or {}).items():
        for phrase in (spec or {}).get("phrases", ()):
            index.add(str(phrase), str(signal))
    index.freeze()
    return index


@cache
def _settings_index(profile: Profile) -> PhraseIndex:
    """The places and people that show a domain ("factory floors" for manufacturing)."""
    index = PhraseIndex()
    for domain, phrases in (profile.setting("tailor", "domain_settings", default={}) or {}).items():
        for phrase in phrases or ():
            index.add(str(phrase), str(domain))
    index.freeze()
    return index


# the tables of tailor.yaml whose entries are asked by name, their keys' prefix and the kind
# of term they are: T4's test designs and evaluations, T5's methods applied to a model
NAMED_METHODS = {
    "named_experiments": "test",
    "named_evaluations": "eval",
    "named_model_methods": "method",
}
_METHOD_KINDS = {"test": "experiment", "eval": "experiment", "method": "model_type"}


@cache
def _named_methods_index(profile: Profile) -> PhraseIndex:
    """Test designs, evaluation methods and model methods named as such ("interleaving",
    "LLM-as-a-judge", "quantization"), each under its key: "test interleaving", "eval
    LLM-as-a-judge", "method quantization"."""
    index = PhraseIndex()
    for table, prefix in NAMED_METHODS.items():
        for name, phrases in (profile.setting("tailor", table, default={}) or {}).items():
            for phrase in phrases or ():
                index.add(str(phrase), f"{prefix} {name}")
    index.freeze()
    return index


def is_named_method(key: str) -> bool:
    return key.split(" ", 1)[0] in NAMED_METHODS.values()


@cache
def _tools(profile: Profile) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(name, its other names, stage) of every tool the profile knows, one row per tool."""
    # A tool without other names keeps its own spelling from the text (see text_terms).
    heads: dict[str, list[str]] = {}
    for head, others in (profile.setting("skills", "aliases", default={}) or {}).items():
        heads[str(head).lower()] = [str(head), *(str(o) for o in others or ())]
    of = {form.lower(): head for head, forms in heads.items() for form in forms}
    rows: dict[str, tuple[str, tuple[str, ...], str]] = {}
    # the stage a posting means by a tool, where it differs from the skills list's grouping
    # (a vector index stores features, but a posting asks for it to serve queries)
    asked_as = {
        str(tool).lower(): str(stage)
        for stage, tools in (profile.setting("tailor", "tool_stages", default={}) or {}).items()
        for tool in tools or ()
    }
    known = [(t, asked_as.get(t, s)) for t, s in profile.tool_stages.items()]
    known += [(t.lower(), "languages") for t in profile.words("skills", "languages")]
    for tool, stage in known:
        head = of.get(tool, tool)
        if head not in rows:
            forms = heads.get(head, [tool])
            rows[head] = (forms[0] if head in heads else "", tuple(forms), stage)
    return tuple(rows.values())


@cache
def _products(profile: Profile) -> dict[str, frozenset[str]]:
    """A vendor's key -> the keys of its products (``shown_by`` of skills.yaml: AWS makes
    SageMaker), all lowercase."""
    table = profile.setting("skills", "shown_by", default={}) or {}
    return {str(v).lower(): frozenset(str(p).lower() for p in ps or ()) for v, ps in table.items()}


def _with_vendor(finds: list[Found], text: str, profile: Profile) -> list[Found]:
    """A vendor's name right before its product is part of the product's name: "AWS SageMaker
    or GCP Vertex AI" offers SageMaker or Vertex AI, and the vendor alone is not asked apart
    (it is a tool inside a longer tool's name)."""
    products = _products(profile)
    tools = [f for f in finds if f.kind == "tool"]
    out = []
    for f in finds:
        vendor = next(
            (
                g
                for g in tools
                if f.kind == "tool"
                and f.key in products.get(g.key, ())
                and g.end < f.start
                and text[g.end : f.start] == " "
            ),
            None,
        )
        out.append(replace(f, start=vendor.start) if vendor else f)
    return out


# A list of what a feature or data pipeline takes in follows its stage: "feature pipelines
# for promotions, pricing, holidays": the items are inputs, not the domain asked for.
_INPUTS_OF = re.compile(
    r"^\s+(?:for|from|on|of|such as|like|including|covering|e\.g\.,?)\s+"
    r"(?:[\w&/'’-]+(?:\s+[\w&/'’-]+){0,2},\s+)*$",
    re.IGNORECASE,
)
# "work closely with our data platform team": another team's system, not one asked of the role
_WITH_ANOTHER = re.compile(
    r"\b(?:with|alongside|partner(?:s|ing)?|collaborat\w*|support(?:s|ing)?)\b[^.;:!?]*$",
    re.IGNORECASE,
)
_TEAM_AFTER = re.compile(r"^\s+teams?\b", re.IGNORECASE)
# "experiment tracking", "experiment management": the bookkeeping of training runs (MLflow,
# W&B), not an online experiment
_RUN_KEEPING = re.compile(
    r"^[\s-]+(?:tracking|tracker|trackers|management|logging|metadata|registry)\b",
    re.IGNORECASE,
)


def _generic_only(words: list[str], profile: Profile) -> bool:
    """ "production ML systems": a head with nothing that says which system, no term."""
    return all(w == "production" or _norm(w) in _generic_heads(profile) for w in words)


def _is_document(text: str, e: Element, profile: Profile) -> bool:
    """ "Send your CV to…": the document an applicant sends, not computer vision."""
    names = {str(w).lower() for w in profile.words("tailor", "document_names")}
    if e.text.lower() not in names:
        return False
    start = max(text.rfind(c, 0, e.start) for c in ".;:!?\n") + 1
    ends = [i for i in (text.find(c, e.end) for c in ".;:!?\n") if i >= 0]
    clause = text[start : min(ends, default=len(text))].lower()
    words = (str(w).lower() for w in profile.words("tailor", "application_words"))
    return any(re.search(rf"(?<!\w){re.escape(w)}\w*", clause) for w in words)


def _is_activity(e: Element, words: list[str], profile: Profile) -> bool:
    """ "orchestrating pipelines", "building services": a verb and its object, not a system
    type. A verb's -ing form before a plural head reads so; "scheduling system" is a thing,
    and so are a domain's ("ranking systems") and a stage's ("serving infrastructure")."""
    if len(words) != 2 or not words[0].endswith("ing") or not words[1].endswith("s"):
        return False
    if _norm(words[1]) not in _generic_heads(profile):
        return False
    alone = {b.name for b in explain(e.text, "bullet", profile) if b.start == 0}
    return "action_verb" in alone and not any(n.startswith("stage.") for n in alone)


def _another_teams(text: str, e: Element) -> bool:
    """A system type that names a team the role works with ("with our data platform team")."""
    sentence = re.split(r"[.;:!?]\s", text[: e.start])[-1]
    return bool(_TEAM_AFTER.match(text[e.end :]) and _WITH_ANOTHER.search(sentence))


def text_terms(text: str, profile: Profile, *, listed: bool = False) -> list[Found]:
    """The terms one text shows. ``listed``: a skills entry, where a tool name that is also
    an ordinary word ("Ray", "R") counts."""
    out: list[Found] = []
    domains, models = _same(profile, "same_domain"), _same(profile, "same_model")
    systems = _same(profile, "same_system")
    modifiers = {w.lower() for w in profile.words("summary", "generic_modifiers")}
    summary, bullet = explain(text, "summary", profile), explain(text, "bullet", profile)
    # "a degree in Computer Science or Operations Research": fields of study, not domains
    studied = degree_fields(text)
    summary = [e for e in summary if e.name not in _T1_NAMES or not _inside_any(e, studied)]
    pipes = [b for b in bullet if b.name in ("stage.features", "stage.data")]
    domain_starts = {e.start for e in summary if e.name == "domain"}
    for e in summary:
        if e.name == "domain":
            if any(b.end <= e.start and _INPUTS_OF.match(text[b.end : e.start]) for b in pipes):
                continue
            if _COUNTED.search(text, max(0, e.start - 12), e.start):
                continue  # "in 30 markets", "12 cities": places counted, not a field
            if _PARTNER_TEAM.search(text, max(0, e.start - 40), e.start):
                continue  # "work with finance and ops": a team the hire works with
            if _is_document(text, e, profile):
                continue
            key = _norm(e.value or e.text)
            name = domains.get(key, shown_name(e.text))
            if name in _TEAM_SYSTEMS and _OURS.search(text, max(0, e.start - 40), e.start):
                continue  # "work with our feature store and ML platform": a system you use
            out.append(Found("domain", domains.get(key, key), name, e.start, e.end))
        elif e.name == "system_type":
            words = [w for w in phrase_key(e.text) if w not in modifiers]
            if not words or _another_teams(text, e) or _generic_only(words, profile):
                continue
            if e.start not in domain_starts and _is_activity(e, words, profile):
                continue
            key = _norm(" ".join(words))
            # "streaming ASR" is "streaming speech recognition": a domain run as a system
            # takes the domain's one key
            head, _, rest = key.partition(" ")
            if rest and e.value == f"{words[0].lower()} {rest}" and rest in domains:
                key = f"{head} {domains[rest]}"
            # one key for the names of one system; the posting's own words as its name
            key = systems.get(key, key)
            out.append(Found("system_type", key, shown_name(e.text), e.start, e.end))
    # "guardrails and safety evaluation for LLMs" guard a model's output: a test's guardrail
    # metrics are named with a test or as metrics
    tested = any(e.name in _TEST_NAMES for e in bullet) or bool(_METRIC_WORD.search(text))
    # an experiment ran online when the text says so (an A/B test, live traffic, users) or
    # gives a test's detail; "run experiments to improve recall" may be offline: asked, and
    # shown, as experiments of any kind
    online = any(e.name in EXPERIMENT_NAMES and e.name != "experiment" for e in bullet) or bool(
        _online_words(profile).search(text)
    )
    for e in bullet:
        stage = e.name.removeprefix("stage.")
        if e.name == "guardrail" and not tested:
            continue
        if stage in PIPELINE:
            out.append(Found("stage", stage, stage, e.start, e.end))
        elif e.name in EXPERIMENT_NAMES and not _RUN_KEEPING.match(text[e.end :]):
            key, name = e.name, EXPERIMENT_NAMES[e.name]
            if key == "experiment" and not online:
                key, name = OFFLINE_EXPERIMENT, "experiments"
            out.append(Found("experiment", key, name, e.start, e.end))
        elif e.name == "model_type":
            if _among_things(text, e, bullet):
                continue  # "pumps, compressors, turbines and transformers": machines
            key = _norm(e.value or e.text)
            name = models.get(key, shown_name(e.text))
            out.append(Found("model_type", models.get(key, key), name, e.start, e.end))
    ambiguous = {t.lower() for t in profile.words("tailor", "prose_ambiguous_tools")}
    held: list[Found] = []
    for name, forms, stage in _tools(profile):
        # the tool's longest name the text holds: "Amazon SageMaker", not only "SageMaker"
        spans = [span for form in forms if (span := form_span(form, text))]
        if spans:
            span = max(spans, key=lambda s: s[1] - s[0])
            shown = name or text[span[0] : span[1]]
            found = Found("tool", forms[0].lower(), shown, *span, stage=stage)
            if listed or forms[0].lower() not in ambiguous:
                out.append(found)
            elif text[span[0]].isupper():
                held.append(found)  # "Go" as spelled: a tool if it is in a list of them
    out += _listed_with_tools(text, held, [f for f in out if f.kind == "tool"])
    out = _with_vendor(out, text, profile)
    words, starts, ends = token_spans(text.lower())
    for i, j, domain, _ in _settings_index(profile).matches(words):
        key = _norm(domain)
        out.append(Found("domain", domains.get(key, key), domain, starts[i], ends[j - 1]))
    for i, j, key, _ in _named_methods_index(profile).matches(words):
        prefix, name = key.split(" ", 1)
        out.append(Found(_METHOD_KINDS[prefix], key, name, starts[i], ends[j - 1]))
    for i, j, signal, _ in _seniority_index(profile).matches(words):
        if words[i] == "leading" and (j >= len(words) or words[j] not in _LEADING_WHAT):
            continue  # "leading healthcare investors", "industry-leading": no one is led
        if j == i + 1 and words[i] != "lead" and _in_a_name(text, starts[i]):
            continue  # "on the NVIDIA Drive Orin": a product's name ("a Lead ML Engineer" leads)
        out.append(Found("seniority", signal, signal, starts[i], ends[j - 1]))
    metrics = _same(profile, "same_metric")
    for pattern in _metrics(profile):
        for m in pattern.finditer(text):
            key = metrics.get(_norm(m.group(1)), m.group(1)).lower()
            out.append(Found("metric", key, m.group(1), m.start(), m.end()))
    venues = venue_spans(text, profile)
    # "Publications at KDD, RecSys or NeurIPS": a venue's name is the venue, not its field
    out = [f for f in out if f.kind not in _T1_NAMES or not _overlaps(f, venues)]
    for start, end in venues:
        out.append(Found("venue", text[start:end].lower(), text[start:end], start, end))
    asked = None if venues else _PUBLICATIONS.search(text)
    if asked:  # "Publications in clinical NLP or ML venues": a paper anywhere shows it
        out.append(Found("venue", ANY_VENUE, "publications", *asked.span()))
    tool_starts = [f.start for f in out if f.kind == "tool"]
    fields = {f.start: f for f in out if f.kind in ("domain", "system_type")}
    for years, start, end, at, named in asked_years(text):
        # "3+ years of experience with Spark" asks for Spark, asked as a tool, not for years
        if any(_OF_TOOL.fullmatch(text[end:t]) for t in tool_starts if t >= end):
            continue
        key = f"{years}+ years"
        field = fields.get(at) if at is not None else None
        if field is not None:  # "at least 3 years in computer vision": years in that field
            out.append(
                Found("experience", f"{key} in {field.key}", f"{key} in {field.name}", start,
                      field.end)
            )  # fmt: skip
        elif named:  # years of experience ("3 years in a row" names none, and asks nothing)
            out.append(Found("experience", key, f"{key} of experience", start, end))
            before = _field_before(text, start, fields)
            if before is not None:  # "Credit risk modeller with 9 years": years in credit risk
                out.append(
                    Found("experience", f"{key} in {before.key}", f"{key} in {before.name}",
                          before.start, end)
                )  # fmt: skip
    for level, start, end, _soft in asked_degree(text):
        name = LEVELS[level] + (" or higher" if level < max(LEVELS) else "")
        out.append(Found("degree", f"degree {level}", name, start, end))
    return out


_T1_NAMES = frozenset({"domain", "system_type"})
# Fields that are also the system a team runs for others: "our ML platform" is what the hire
# uses, not a field asked. A clause's "our" or "your" before one says so.
_TEAM_SYSTEMS = frozenset({"ML platform"})
_OURS = re.compile(r"\b(?:our|your)\b[^.;:\n]*$", re.IGNORECASE)


_COUNTED = re.compile(r"\d[\d,.]*\+?\s+$")
_PARTNER_TEAM = re.compile(
    r"\b(?:work|works|working|partner|partners|partnering|collaborate|collaborating)\s+"
    r"(?:closely\s+)?with\s+(?:our\s+|the\s+)?(?:[\w-]+,\s+)*$",
    re.IGNORECASE,
)


# "Credit risk modeller with 9 years", "Robotics ML engineer with over 8 years": a role in a
# field, then its years
_ROLE_WITH = re.compile(
    r"^(?:\s+[\w/&-]+){0,3}?\s+(?:engineer|scientist|modell?er|researcher|developer|architect"
    r"|analyst|specialist|practitioner|lead)s?\s+with\s+(?:over\s+|more than\s+|nearly\s+)?$",
    re.IGNORECASE,
)


def _field_before(text: str, start: int, fields: dict[int, Found]) -> Found | None:
    """The domain a role names right before its years ("Credit risk modeller with 9 years"),
    else None."""
    for f in sorted(fields.values(), key=lambda f: -f.end):
        if f.end <= start and f.kind == "domain" and _ROLE_WITH.match(text[f.end : start]):
            return f
    return None


# A model family whose name is also a thing's ("transformers" are electrical equipment too)
_THING_NAMES = frozenset({"transformer", "transformers"})
# the end of a list of plural nouns: "pumps, compressors, turbines and "
_LIST_OF_THINGS = re.compile(r"(?:\b[a-z]+s,\s+){2,}(?:[a-z]+s,?\s+)?(?:and|or)\s+$")


def _among_things(text: str, e: Element, elements: list[Element]) -> bool:
    """Whether a model's name ends a list of plain things with no other model in it."""
    if (e.value or e.text).lower() not in _THING_NAMES:
        return False
    lo = max(0, e.start - 60)
    if not _LIST_OF_THINGS.search(text.lower(), lo, e.start):
        return False
    return not any(o.name == "model_type" and lo <= o.start < e.start for o in elements)


def _inside_any(e: Element, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= e.start and e.end <= end for s, end in spans)


def _in_a_name(text: str, at: int) -> bool:
    """Whether the word at ``at`` is capitalised inside a sentence: part of a name ("NVIDIA
    Drive Orin"), not the verb opening a bullet or a sentence ("Drove the migration")."""
    if not text[at].isupper():
        return False
    before = text[:at].rstrip()
    return bool(before) and before[-1] not in ".;:!?•-–—*(\n"


# Words that make a venue's name a place of publication: "publications at ACL or EMNLP",
# "papers at NeurIPS"; elsewhere "ACL" may be an access control list.
_PUBLISHING = re.compile(
    r"\b(?:publications?|publish\w*|papers?|conferences?|proceedings|first[- ]author\w*)\b",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"[^.;!?\n]+")
# A posting asking for papers without naming a venue: "publications in NLP or ML venues", "a
# record of peer-reviewed work". The key of that ask; any paper the resume lists shows it.
_PUBLICATIONS = re.compile(
    r"\b(?:publications?|peer[- ]reviewed|first[- ]author\w*|published (?:papers?|research|work)"
    r"|papers? (?:at|in) (?:top|leading|major|ml|ai|\w+ venues)|publication record)\b",
    re.IGNORECASE,
)
ANY_VENUE = "any venue"


@cache
def _venues(profile: Profile) -> re.Pattern[str] | None:
    names = sorted(profile.words("venues", "top_venues"), key=len, reverse=True)
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w/.-])(?:{alts})(?![\w/-]|\.\w)", re.IGNORECASE)


def published_at(venue: str, profile: Profile) -> list[tuple[int, int]]:
    """The top venues a publication's publisher or name holds ("ACL 2023", "Proceedings of
    KDD")."""
    pattern = _venues(profile)
    return [m.span() for m in pattern.finditer(venue)] if pattern else []


def venue_spans(text: str, profile: Profile) -> list[tuple[int, int]]:
    """The top venues (venues.yaml) a text names as places of publication: in a sentence
    that speaks of publishing or papers."""
    pattern = _venues(profile)
    if pattern is None or not _PUBLISHING.search(text):
        return []
    out = []
    for sentence in _SENTENCE_SPLIT.finditer(text):
        if _PUBLISHING.search(sentence.group()):
            for m in pattern.finditer(sentence.group()):
                out.append((sentence.start() + m.start(), sentence.start() + m.end()))
    return out


_TEST_NAMES = frozenset({"experiment", "traffic_share", "experiment_duration", "significance"})
_METRIC_WORD = re.compile(r"\bmetrics?\b", re.IGNORECASE)
# What "leading" leads when it is the verb: "leading the migration", "leading a team of 5".
_LEADING_WHAT = frozenset(
    {"the", "a", "an", "our", "their", "its", "my", "teams", "team", "engineers", "projects"}
)
_OF_TOOL = re.compile(r"\s+(?:with|in|using|of)\s+(?:the\s+)?", re.IGNORECASE)


@cache
def _metrics(profile: Profile) -> tuple[re.Pattern[str], ...]:
    """The named offline metrics (``metrics`` of tailor.yaml, any case; ``metrics_as_written``
    only as written), with any cut-off ("NDCG@10" is NDCG): a posting that asks to move NDCG is
    answered by a bullet that gives an NDCG figure."""
    out = []
    for table, flags in (("metrics", re.IGNORECASE), ("metrics_as_written", 0)):
        names = sorted(profile.words("tailor", table), key=len, reverse=True)
        if names:
            alts = "|".join(re.escape(n) for n in names)
            out.append(re.compile(rf"(?<![\w-])({alts})(?:@\s?\d+|@k)?(?![\w-])", flags))
    return tuple(out)


def _overlaps(f: Found, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < f.end and f.start < e for s, e in spans)


def _asked_once(
    finds: list[Found],
    hidden: Sequence[tuple[int, int]] = (),
    text: str = "",
    heads: frozenset[str] = frozenset(),
) -> list[Found]:
    """Each phrase of a posting is asked once, in the technique it fits best; a resume's
    shows every reading.

    A tool's name is the tool, not also the model family it belongs to ("LightGBM" as
    gradient boosted trees); a phrase that is a pipeline stage and names no domain ("feature
    stores") is the stage, not also a system type; a system type that names experiments
    ("experimentation platform") is not also an experiment; a tool inside a longer tool's name
    ("ONNX" in "ONNX Runtime") is not asked, nor a system type that opens with a tool ("Spark
    pipelines"); and words in ``hidden`` (the company's
    name) are no term at all. A domain whose words are a model family or a tool ("LLMs") is
    that family or tool, and a family named with only a generic head ("RAG pipeline") is the
    system: asked once, as the system."""
    tools = [(f.start, f.end) for f in finds if f.kind == "tool"]
    # "RAG pipeline": the system built on the family; not asked twice
    as_system = {
        (f.start, f.end)
        for f in finds
        for g in finds
        if f.kind == "model_type" and g.kind == "system_type" and g.start == f.start
        and f.end < g.end and _norm(text[f.end : g.end]) in heads
    }  # fmt: skip
    # "ONNX Runtime" is one tool, not also ONNX
    inner = {(s, e) for s, e in tools for a, b in tools if a <= s and e <= b and (a, b) != (s, e)}
    tool_starts = {s for s, _ in tools}
    stages = {(f.start, f.end) for f in finds if f.kind == "stage"}
    named = {(f.start, f.end) for f in finds if f.kind in ("tool", "model_type")}
    domains = [(f.start, f.end) for f in finds if f.kind == "domain"]
    systems = [(f.start, f.end) for f in finds if f.kind == "system_type"]
    # "vector search": a kind of system whose last word is a domain asks the system, not the
    # domain ("real-time fraud detection" is that domain, run as a system: both are asked)
    kinds = [
        (f.start, f.end)
        for f in finds
        if f.kind == "system_type" and f.name.split()[0].lower() not in RUNS_AS
    ]
    # "CUPED", "interleaving", "LLM-as-a-judge", "Platt scaling": the named method is asked,
    # not also significance, a test or the model family in its name
    methods = [(f.start, f.end) for f in finds if is_named_method(f.key)]
    return [
        f
        for f in finds
        if not _overlaps(f, hidden)
        and (f.kind != "experiment" or is_named_method(f.key) or not _overlaps(f, methods))
        # "LLM-as-a-judge" asks the method, not also large language models
        and (f.kind != "model_type" or is_named_method(f.key) or not _overlaps(f, methods))
        # "experimentation platform": the platform asked for, not also an experiment to run
        and (f.kind != "experiment" or not any(s <= f.start and f.end <= e for s, e in systems))
        and (f.kind != "tool" or (f.start, f.end) not in inner)
        # "Spark pipelines": the tool asked, and the stage it serves; not a system type
        and (f.kind != "system_type" or f.start not in tool_starts)
        and (f.kind != "model_type" or not _overlaps(f, tools))
        and (f.kind != "model_type" or (f.start, f.end) not in as_system)
        and (f.kind not in ("domain", "system_type") or (f.start, f.end) not in named)
        and (f.kind != "system_type" or (f.start, f.end) not in stages or _overlaps(f, domains))
        and (f.kind != "system_type" or not _inside_domain(f, domains))
        and (f.kind != "domain" or not any(s < f.start and f.end <= e for s, e in kinds))
        # "Clinical NLP" asks that field, not also healthcare for its "clinical"
        and (f.kind != "domain" or not _inside(f, domains))
        # "own the automatic speech recognition stack": the task owned is the domain, asked once
        and (f.kind != "system_type" or (f.start, f.end) not in domains)
    ]


def _inside(f: Found, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the find lies inside a longer one of these spans."""
    return any(s <= f.start and f.end <= e and e - s > f.end - f.start for s, e in spans)


def _inside_domain(f: Found, domains: Sequence[tuple[int, int]]) -> bool:
    """ "fraud detection models": the system type "detection models" begins inside the domain
    and is that domain's system, asked by the domain itself."""
    return any(s < f.start < e < f.end for s, e in domains)


# "X (Y)": Y is X's other name; "cloud platforms (AWS, GCP or Azure)", "cloud platforms such
# as AWS": the category is asked through the members it lists.
_PAREN_OPEN = re.compile(r"^\s*\(\s*$")
_EXAMPLES = r"(?:such as|like|e\.g\.|eg\.|i\.e\.|including|for example)"
_MEMBERS_OPEN = re.compile(
    rf"^\s*(?:\(\s*(?:{_EXAMPLES},?\s*)?|[:,]?\s*{_EXAMPLES},?\s)\s*$", re.IGNORECASE
)
# Before a list of examples: "(e.g., Llama, Mistral)", "such as FAISS, Pinecone and Weaviate":
# any one of them answers.
_EXAMPLES_BEFORE = re.compile(rf"(?:\(\s*|\b){_EXAMPLES},?\s*$", re.IGNORECASE)


def _other_names(finds: list[Found], text: str) -> dict[int, Found]:
    """Finds that name the term before them again, in parentheses: index -> the term named."""
    out: dict[int, Found] = {}
    for kind in dict.fromkeys(f.kind for f in finds):
        ordered = sorted(
            (k for k, f in enumerate(finds) if f.kind == kind),
            key=lambda k: (finds[k].start, -finds[k].end),
        )
        for at, a in enumerate(ordered):
            fa = finds[a]
            if at + 1 == len(ordered) or not _PAREN_OPEN.match(
                text[fa.end : finds[ordered[at + 1]].start]
            ):
                continue
            # "learning-to-rank (LambdaMART)", or a list of its examples: "learning-to-rank
            # (LambdaMART, neural rankers)": any of them shown shows the term
            members = [ordered[at + 1]]
            for b in ordered[at + 2 :]:
                gap = text[finds[members[-1]].end : finds[b].start]
                if not (_COMMA.match(gap) or _OR.match(gap) or _AND.match(gap)):
                    break
                members.append(b)
            # the parentheses close after the members, maybe after names the vocabulary does
            # not know ("(YOLO, Mask R-CNN, SAM)")
            rest = text[finds[members[-1]].end :]
            closes = rest.find(")")
            if closes < 0 or any(c in rest[:closes] for c in "(.;:\n"):
                continue
            for b in members:
                if finds[b].key != fa.key:
                    out[b] = out.get(a, fa)
    return out


def _categories(finds: list[Found], text: str, kinds: frozenset[str] = frozenset()) -> set[int]:
    """System types, model families and kinds of tool (``kinds``: "cloud platforms")
    followed by the tools or models that are their members ("encoder-decoders such as
    Conformer", "cloud platforms (AWS, GCP or Azure)"): the members are what is asked."""
    out = set()
    for k, f in enumerate(finds):
        kind_of_tool = f.kind == "tool" and f.key in kinds
        if f.kind not in ("system_type", "model_type") and not kind_of_tool:
            continue
        after = [g for g in finds if g.start >= f.end]
        first = min(after, key=lambda g: g.start, default=None)
        if (
            first is not None
            and first.kind in ("tool", "model_type")
            and _MEMBERS_OPEN.match(text[f.end : first.start])
        ):
            out.add(k)
    return out


_LEGAL = re.compile(r"[\s,]+(?:inc|ltd|llc|gmbh|ag|plc|co|corp|sa|bv|ab)\.?$", re.IGNORECASE)


# A sentence about the employer, not the role: benefits, pay, equal opportunity. Its words
# ask for nothing ("health insurance" is no insurance domain).
_BOILERPLATE = re.compile(
    r"\b(?:benefits?|perks|equal[- ]opportunity|we offer|compensation|salary|401\(?k\)?|"
    r"health insurance|paid time off|parental leave|visa sponsorship|stock options)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.;!?\n]+[.;!?]?")


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a posting text that speak of the employer's offer, not the role."""
    return [m.span() for m in _SENTENCE.finditer(text) if _BOILERPLATE.search(m.group())]


def company_spans(company: str, text: str) -> list[tuple[int, int]]:
    """Where a text names the company ("Fernwood Market", "Fernwood Market's"), so its words
    are never read as terms (a "Market" in the name is no domain)."""
    names = {n for n in (company.strip(), _LEGAL.sub("", company.strip())) if len(n) >= 2}
    out = []
    for name in names:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)"
        out += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    return out


# A clause that says the posting would like it, not require it: "Java is a plus".
_NICE_CLAUSE = re.compile(
    r"\b(?:(?:is |are |would be |a )?(?:a )?(?:big |huge )?plus|nice[- ]to[- ]have|bonus|"
    r"preferred|preferably|ideally|desirable|not required|optional)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;.!?](?:\s|$)|,\s+(?:and|but)\s|\n")
# markers that go before what they make a nice-to-have: "…, ideally GCP"
_NICE_AHEAD = frozenset({"ideally", "preferably"})


def _nice_spans(location: str, text: str) -> list[tuple[int, int]]:
    """The parts of a posting text that ask as a nice-to-have: all of a ``nice_to_have``
    item, or the clause of another that says so."""
    if location.startswith("nice_to_have["):
        return [(0, len(text))]
    out, start = [], 0
    for end in [m.end() for m in _CLAUSE_END.finditer(text)] + [len(text)]:
        hit = _NICE_CLAUSE.search(text, start, end)
        if hit and hit.group().lower() in _NICE_AHEAD:
            out.append((hit.start(), end))  # "cloud platforms, ideally GCP": only GCP
        elif hit:
            # "(GCP preferred)": only what the parentheses hold is the nice-to-have
            opened = text.rfind("(", start, hit.start())
            closed = text.find(")", hit.end(), end)
            inside = opened >= 0 and closed >= 0 and ")" not in text[opened : hit.start()]
            out.append((opened, closed + 1) if inside else (start, end))
        start = end
    return out


_OR = re.compile(r"^\s*(?:,\s*)?(?:or|/)\s*$", re.IGNORECASE)
_COMMA = re.compile(r"^\s*,\s*$")
# the rest of a tool's name the vocabulary does not hold ("Triton Inference Server or …")
_NAME_REST = r"(?:\s+[A-Z][\w.-]*){0,3}"
_OR_AFTER_NAME = re.compile(rf"^{_NAME_REST}(?:\s*,)?(?:\s+(?i:or)\s+|\s*/\s*)$")
_COMMA_AFTER_NAME = re.compile(rf"^{_NAME_REST}\s*,\s*$")
# a list ending in a name the vocabulary does not know: "FAISS, Pinecone, Weaviate or pgvector"
_OR_UNKNOWN = re.compile(r"^\s*,?\s*or\s+[\w.+#-]+", re.IGNORECASE)
# or one in the middle: "Airflow, Dagster or Kubeflow"
_OR_VIA_UNKNOWN = re.compile(
    r"^\s*,\s*[\w.+#&-]+(?:\s+[\w.+#&-]+){0,2}?\s*,?\s*(?:or|/)\s*$", re.IGNORECASE
)
_AND = re.compile(r"^\s*,?\s*and\s*$", re.IGNORECASE)


def _alternatives(finds: list[Found], text: str) -> list[tuple[Found, Found]]:
    """Pairs of same-kind terms the text offers as alternatives: "PyTorch or TensorFlow", and
    every member of a list that ends in "or" ("AWS, GCP or Azure")."""
    runs: list[list[Found]] = []
    for kind in dict.fromkeys(f.kind for f in finds):
        # one kind at a time: a stage read in a tool's name does not break a list of tools
        ordered = sorted((f for f in finds if f.kind == kind), key=lambda f: f.start)
        run: list[Found] = []
        has_or = False
        for a, b in [*pairwise(ordered), (None, None)]:
            gap = text[a.end : b.start] if a and b else ""
            either = _OR_AFTER_NAME.match(gap) or _OR_VIA_UNKNOWN.match(gap)
            if a and b and a.key != b.key and (either or _COMMA_AFTER_NAME.match(gap)):
                run = run or [a]
                run.append(b)
                has_or = has_or or bool(either)
                continue
            if run and _OR_UNKNOWN.match(text[run[-1].end :]):
                has_or = True  # "…, Weaviate or pgvector": its last member is unknown here
            # examples in parentheses ("offline ranking quality (NDCG, MRR)"), or after "such
            # as", "e.g." ("open-weight LLMs (e.g., Llama, Mistral)"): any one answers
            # (a posting's stack in parentheses, "feature pipelines (Kafka, Flink, BigQuery)",
            # is every tool of it: tools need an "or" or an "e.g." to be alternatives)
            enclosed = bool(run) and (
                (kind != "tool" or bool(_KIND_OF_TOOL.search(text[: run[0].start])))
                and text[: run[0].start].rstrip().endswith("(")
                and text[run[-1].end :].lstrip().startswith(")")
            )
            examples = bool(run) and bool(_EXAMPLES_BEFORE.search(text[: run[0].start]))
            if run and (has_or or enclosed or examples):
                runs.append(run)
            run, has_or = [], False
    runs += _model_examples(finds, text)
    return [(x, y) for r in runs for x in r for y in r if x.key != y.key and x.start < y.start]


# "OCR tools (Tesseract, AWS Textract, Azure Document Intelligence)": tools in parentheses after
# the kind they are, examples of it; any one answers
_KIND_OF_TOOL = re.compile(
    r"\b(?:tools|frameworks|libraries|engines|services|vendors|providers)\s*\(\s*$", re.IGNORECASE
)


# "probabilistic forecasting models (LightGBM, DeepAR, hierarchical reconciliation)": examples of
# the models asked, of any kind (a library or a family); any one of them answers
_MODEL_EXAMPLES = re.compile(
    r"\b(?:models?|methods?|algorithms?|architectures?|approaches|techniques)\s*\(([^()]{1,160})\)"
    # or any list said to be examples: "fine-tuning (e.g. LoRA, PEFT, RLHF/DPO)"
    rf"|\(\s*{_EXAMPLES},?\s*([^()]{{1,160}})\)",
    re.IGNORECASE,
)


def _model_examples(finds: list[Found], text: str) -> list[list[Found]]:
    out = []
    for m in _MODEL_EXAMPLES.finditer(text):
        group = 1 if m.group(1) is not None else 2
        inside = [
            f
            for f in finds
            if f.kind in ("model_type", "tool")
            and m.start(group) <= f.start
            and f.end <= m.end(group)
        ]
        # of one kind or several ("(e.g. RNN-T, Conformer, Whisper-style encoder-decoders)"):
        # a run read above may have stopped at a name it does not know or at two names of one
        # family; the parentheses hold the examples all the same
        if len({f.key for f in inside}) > 1:
            out.append(sorted(inside, key=lambda f: f.start))
    return out


def _contains(a: str, b: str) -> bool:
    return f" {a} " in f" {b} "


def _merge_nested(
    terms: dict[tuple[str, str], Term], profile: Profile
) -> dict[tuple[str, str], Term]:
    """One term for "learning-to-rank" and "learning-to-rank models": the shorter key stands
    for both, so a term is never found and missing at once. A system type that is another T1
    term with a generic head ("ranking stack", "search platform") is that term, and two
    that differ only by that head ("serving stack", "serving platform") are one."""
    merged = dict(terms)
    moved: dict[tuple[str, str], tuple[str, str]] = {}
    for (kind, key), term in sorted(terms.items(), key=lambda kv: -len(kv[0][1])):
        if kind not in ("model_type", "system_type", "domain"):
            continue
        base = base_key(key, profile) if kind == "system_type" else ""
        into = next(
            (
                t
                for (k2, key2), t in merged.items()
                if (k2 == kind and key2 != key and _contains(key2, key))
                or (base and k2 in ("domain", "system_type") and key2 == base)
                # "serving stack" and "serving platform": one system by two generic heads
                or (base and k2 == kind and key2 != key and base_key(key2, profile) == base)
            ),
            None,
        )
        if into is not None and (kind, key) in merged:
            into.asked_at += term.asked_at
            into.alternatives |= term.alternatives
            into.aka |= term.keys
            del merged[(kind, key)]
            moved[(kind, key)] = (into.kind, into.key)
    # "ads ranking, recommender systems or search ranking": an alternative merged into another
    # term ("ads") is that term's alternative now
    for t in merged.values():
        t.alternatives = {_follow(moved, a) for a in t.alternatives} - {(t.kind, t.key)}
    return merged


def _follow(moved: dict[tuple[str, str], tuple[str, str]], key: tuple[str, str]) -> tuple[str, str]:
    seen = set()
    while key in moved and key not in seen:
        seen.add(key)
        key = moved[key]
    return key


def either(names: list[str]) -> str:
    """ "A, B or C": the names of a choice, as one ask says them."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _one_venue_term(terms: dict[tuple[str, str], Term]) -> dict[tuple[str, str], Term]:
    """The venues a posting names are one ask, "a paper at ACL, EMNLP or NeurIPS": a paper
    at any of them shows it."""
    venues = [t for (kind, _), t in terms.items() if kind == "venue"]
    if not venues:
        return terms
    if len(venues) > 1:  # a venue named says more than "publications": its paper is asked
        venues = [t for t in venues if t.key != ANY_VENUE]
    if venues[0].key == ANY_VENUE:
        return terms
    said = either(list(dict.fromkeys(t.name for t in venues)))
    one = Term(
        "venue", venues[0].key, f"a paper at {said}", aka={k for t in venues for k in t.keys}
    )
    one.asked_at = sorted((p for t in venues for p in t.asked_at), key=lambda p: p.start)
    out = {k: t for k, t in terms.items() if k[0] != "venue"}
    out[("venue", one.key)] = one
    return out


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# the candidate, by "you" or as the person hired: "looking for a Senior ML Engineer to own …"
_YOU = re.compile(
    r"\b(?:you(?:'ll|’ll|'d|’d|r|rs)?|looking for|seeking|hiring|this role|the role|"
    r"the (?:ideal|successful) candidate|in this position)\b",
    re.IGNORECASE,
)


def _to_you(text: str, at: int) -> bool:
    """Whether the sentence around ``at`` speaks to the candidate ("You will own ranking end
    to end"): an ask, even in the description. One about the team ("Our Search team owns …")
    is context."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return _YOU.search(text, start, end.start() if end else len(text)) is not None


def posting_terms(posting: Posting, profile: Profile) -> list[Term]:
    """Every term the posting asks for, the most asked first within each kind."""
    terms: dict[tuple[str, str], Term] = {}
    # a posting that lists what it asks keeps its description for the company and the team
    lists_asks = bool(posting.responsibilities or posting.qualifications)
    for location, text in posting_texts(posting):
        hidden = company_spans(posting.company, text) if posting.company else []
        hidden += boilerplate_spans(text)
        found = text_terms(text, profile, listed=location.startswith("skills["))
        finds = _asked_once(found, hidden, text, _generic_heads(profile))
        drop, renamed = _categories(finds, text, tool_kinds(profile)), _other_names(finds, text)
        # a kind of tool asked through its members is not their other name: each is a tool
        kinds = {id(finds[k]) for k in drop if finds[k].kind == "tool"}
        renamed = {k: f for k, f in renamed.items() if id(f) not in kinds}
        own_keys = [f.key for k, f in enumerate(finds) if k not in drop]
        finds = [
            replace(f, key=renamed[k].key, name=renamed[k].name) if k in renamed else f
            for k, f in enumerate(finds)
            if k not in drop
        ]
        nice = _nice_spans(location, text)
        # "BS/MS in CS, or equivalent practical experience": a degree that can be stood in for
        nice += [(a, b) for _, a, b, soft in asked_degree(text) if soft]
        line = posting.line_of(location)
        for f, own_key in zip(finds, own_keys, strict=True):
            if location == "description":  # pasted text: the line of the paragraph it is in
                piece = text.count("\n", 0, f.start)
                line = posting.line_of(f"description[{piece}]") or posting.line_of(location)
            term = terms.setdefault((f.kind, f.key), Term(f.kind, f.key, f.name, f.stage))
            if own_key != f.key:
                term.aka.add(own_key)
            is_nice = any(s <= f.start < e for s, e in nice)
            context = lists_asks and location == "description" and not _to_you(text, f.start)
            term.asked_at.append(
                Place(location, f.start, f.end, text[f.start : f.end], line, is_nice, context)
            )
        for a, b in _alternatives(finds, text):
            terms[(a.kind, a.key)].alternatives.add((b.kind, b.key))
            terms[(b.kind, b.key)].alternatives.add((a.kind, a.key))
    terms = _one_venue_term(_merge_nested(terms, profile))
    order = list(AREA)
    return sorted(terms.values(), key=lambda t: (order.index(t.kind), -t.weight))
