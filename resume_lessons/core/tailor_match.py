"""Where a resume shows each of a posting's terms: its summary, its bullets, its skills list,
and for years of experience and a venue, its roles' dates and its publications.

The resume's texts are read with the same ``text_terms`` as the posting, so a posting's
"recommender systems" is found in a bullet's "recommendation system", and its "AWS" in a
bullet about SageMaker (the tool names of skills.yaml: aliases and narrower names), and its
"ranking stack" in a bullet's "ranking" (``generic_system_heads`` of tailor.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, partial

from .bullet_score import score_bullet, sells_with_hype
from .cramming import lists_terms
from .degrees import resume_degree
from .elements import Element, explain
from .experience import Span, roles_span
from .findings import and_list
from .locations import get_text, iter_items
from .model import Resume
from .posting_terms import (
    ANY_VENUE,
    OFFLINE_EXPERIMENT,
    Found,
    Place,
    Term,
    _norm,
    _tools,
    base_key,
    model_kinds,
    published_at,
    same_names,
    system_tools,
    text_terms,
)
from .profile import Profile
from .skills import TOOL_LIST, tool_span

_SKILL = re.compile(r"^skills\[(\d+)\]\.keywords\[(\d+)\]$")


@dataclass
class TermMatch:
    """One posting term and the places of the resume that show it."""

    term: Term
    summary: list[Place] = field(default_factory=list)
    bullets: list[Place] = field(default_factory=list)
    skills: list[Place] = field(default_factory=list)  # entries of the skills list
    # bullets that are a list of the posting's terms ("Retrieval, Feast, BigQuery, …"): they
    # name the term but show no work with it, so they neither find it nor earn its points
    lists: list[Place] = field(default_factory=list)
    # entries of the resume, not its words, that show the term: the roles' dates for years of
    # experience ("work", the span they cover), a degree in the education, a publication for its venue
    # ("publications[0]", the venue as written); and what the roles span, enough or not
    # (None: no role gives a start date)
    records: list[Place] = field(default_factory=list)
    span: Span | None = None
    have: str = ""  # a degree asked: the highest the education lists, as written ("" none)
    # of ``bullets``, those too weak to make the case (their parts give under ``LEAD_SCORE``:
    # "Helped with Kubernetes for the model servers.")
    weak: set[str] = field(default_factory=set)

    @property
    def shown_only_weakly(self) -> bool:
        """Shown by bullets only, and each of them too weak to make the case."""
        return (
            bool(self.bullets)
            and not self.summary
            and all(p.location in self.weak for p in self.bullets)
        )

    @property
    def shown(self) -> bool:
        """Shown in use: in the summary or a bullet; a programming language also by the skills
        list (lesson 07: a language needs no bullet); years of experience by the roles' dates,
        a venue by a paper published there."""
        listed_language = self.term.kind == "tool" and self.term.stage == "languages"
        return bool(
            self.summary or self.bullets or self.records or (listed_language and self.skills)
        )

    @property
    def found(self) -> bool:
        """Shown in use, or named by the skills list (a bullet listing terms does neither)."""
        return self.shown or bool(self.skills)

    @property
    def places(self) -> list[Place]:
        return [*self.summary, *self.bullets, *self.skills, *self.lists, *self.records]

    @property
    def text_places(self) -> list[Place]:
        """The places that are words of the resume, to highlight (not its records)."""
        return [*self.summary, *self.bullets, *self.skills, *self.lists]


def own_words(m: TermMatch) -> str:
    """The resume's words for a T1 term, to lead the summary with: as the resume writes it,
    unless those words only point at it ("PCB" shows manufacturing, a FAISS index ANN
    retrieval, a canary rollout a deployment pipeline): then the term's own name."""
    said = (m.summary or m.bullets)[0].text
    if set(said.lower().split()) & set(m.term.name.lower().split()):
        return said
    return said if m.summary else m.term.name


LABEL = "basics.label"


def resume_text(resume: Resume, location: str) -> str:
    """The text at a location a match names: the headline, the summary, a bullet or a skills
    entry."""
    skill = _SKILL.match(location)
    if skill:
        return resume.skills[int(skill.group(1))].keywords[int(skill.group(2))]
    if location == LABEL:
        return resume.basics.label
    title = _TITLE.match(location)
    if title:
        role = resume.work[int(title.group(1))]
        return role.position if title.group(2) == "position" else role.name
    return get_text(resume, location)


_TITLE = re.compile(r"^work\[(\d+)\]\.(position|name)$")


def resume_texts(resume: Resume) -> list[tuple[str, str, str]]:
    """(location, kind, text): the summary, the headline ("Computer Vision Engineer", read
    as part of the summary: it names the domain as plainly), the bullets, then each skills
    entry."""
    items = iter_items(resume)
    out = [(i.location, i.kind, i.text) for i in items if i.kind == "summary"]
    if resume.basics.label.strip():
        out.append((LABEL, "summary", resume.basics.label))
    out += [(i.location, i.kind, i.text) for i in items if i.kind != "summary"]
    # a role's title names its field as plainly ("Senior ML Engineer, Visual Inspection"), and
    # an employer's name its industry ("Ventra Automotive"): each shows a domain as a bullet
    # does, not as the summary
    out += [
        (f"work[{i}].{field}", "title", text)
        for i, w in enumerate(resume.work)
        for field, text in (("position", w.position), ("name", w.name))
        if text.strip()
    ]
    for i, group in enumerate(resume.skills):
        out += [(f"skills[{i}].keywords[{j}]", "skill", k) for j, k in enumerate(group.keywords)]
    return out


_T1 = ("domain", "system_type")

# A bullet whose parts give under this says too little to open a role or to make a posting's
# case ("Worked on the recommendation system." gives 30). Read before caps: a bullet held down
# for cramming says much.
LEAD_SCORE = 40


def _same(term: Term, found: Found, profile: Profile) -> bool:
    """Whether a find of the resume shows the term, by any of its keys."""
    return any(_same_key(term.kind, key, found, profile) for key in sorted(term.keys))


def _same_key(kind: str, key: str, found: Found, profile: Profile) -> bool:
    if kind == "system_type" and found.kind in _T1:
        # "ranking stack" is shown by a bullet's "ranking": the head adds nothing to find
        base = base_key(key, profile)
        if base and base in (found.key, base_key(found.key, profile)):
            return True
    if (
        kind == "domain"
        and found.kind == "model_type"
        and found.key in _task_models(profile).get(key, ())
    ):
        return True  # a YOLOv8 defect detector shows object detection
    if kind == "system_type" and found.kind == "tool":
        return found.key in system_tools(profile).get(key, ())  # a FAISS index: ANN retrieval
    if kind != found.kind:
        return False
    if kind == "experiment" and key == OFFLINE_EXPERIMENT:  # any experiment shows one
        return found.key in ("experiment", OFFLINE_EXPERIMENT)
    if kind == "experience":  # "8 years of experience" shows a posting's "5+ years"
        field = years_field(key)  # "8 years in NLP" shows "5+ years in NLP" and "5+ years"
        return _years(found.key) >= _years(key) and (
            not field or _same_field(years_field(found.key), field)
        )
    if kind == "degree":  # a PhD shows a master's asked
        return _level(found.key) >= _level(key)
    if kind == "model_type" and any(
        f" {kind_key} " in f" {key} " and found.key in members
        for kind_key, members in model_kinds(profile).items()
    ):
        return True  # "learning-to-rank models" are shown by a LambdaMART bullet
    if kind in ("system_type", "model_type", "domain"):
        # "ranking pipeline" is shown by "real-time ranking pipeline", and "learning-to-rank"
        # by "learning-to-rank models"
        if f" {key} " in f" {found.key} ":
            return True
        # the resume's phrase inside the posting's counts only when it is specific: two words
        # or more ("learning-to-rank" in "learning-to-rank models"), never a bare "system"
        return len(found.key.split()) >= 2 and (f" {found.key} " in f" {key} ")
    return key == found.key


def _same_field(shown: str, asked: str) -> bool:
    """Whether years in ``shown`` are years in ``asked``: the same field, or one naming the
    other in two words or more ("credit risk" in "credit risk modell")."""
    if not shown:
        return False
    if shown == asked:
        return True
    short, long = sorted((shown, asked), key=len)
    return len(short.split()) >= 2 and f" {short} " in f" {long} "


def _years(key: str) -> int:
    return int(key.split("+", 1)[0])


def years_field(key: str) -> str:
    """The field years of experience are asked in ("5+ years in nlp": "nlp"), "" for none."""
    return key.partition(" in ")[2]


def _level(key: str) -> int:
    return int(key.rsplit(" ", 1)[-1])


def years_text(span: Span) -> str:
    """ "about 7 years (2017-08 to today)": what a resume's roles cover."""
    years = round(span.years) if span.years >= 1.5 else round(span.years, 1)
    return f"about {years:g} year{'s' * (years != 1)} ({span.first} to {span.last})"


@cache
def _people_of(name: str) -> re.Pattern[str] | None:
    """The people a domain is named by: "retailers" for retail, "lenders" for lending,
    "marketers" for marketing. A resume that built forecasts "for the largest retailers"
    has worked in retail."""
    *rest, last = name.lower().split() or [""]
    stem = last[:-3] if last.endswith("ing") else last
    if len(stem) < 3 or not stem.isalpha():
        return None
    words = [*map(re.escape, rest), rf"{re.escape(stem)}(?:e?rs?|ors?)"]
    return re.compile(r"(?<!\w)" + r"[\s-]+".join(words) + r"(?!\w)", re.IGNORECASE)


@cache
def _task_models(profile: Profile) -> dict[str, frozenset[str]]:
    """``task_models`` of tailor.yaml by their keys: a task's key -> the model families' keys
    that show it."""
    table = profile.setting("tailor", "task_models", default={}) or {}
    models = same_names(profile, "same_model")
    return {
        _norm(str(task)): frozenset(models.get(_norm(str(m)), _norm(str(m))) for m in fams or ())
        for task, fams in table.items()
    }


def _as_written(finds: list[Found], text: str) -> list[Found]:
    """A domain or system as the resume writes it, where its key is another name's and the
    phrase holds that name's own word: "Search ranking engineer" is search and shows a
    posting's "ranking" too. "Voice search" is speech, and shows no search."""
    out = []
    for f in finds:
        if f.kind in _T1:
            key = _norm(text[f.start : f.end])
            if key != f.key and set(key.split()) & set(_norm(f.key).split()):
                out.append(Found(f.kind, key, f.name, f.start, f.end, stage=f.stage))
    return out


@cache
def _activities(profile: Profile) -> dict[str, tuple[str, re.Pattern[str]]]:
    """``system_activities`` of tailor.yaml: the work a system is named by ("deployment") ->
    the pipeline stage it is and the words that say a bullet does it."""
    table = profile.setting("tailor", "system_activities", default={}) or {}
    out = {}
    for name, entry in table.items():
        words = sorted((str(w) for w in entry["words"]), key=len, reverse=True)
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words)
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
        # by its name and its one-word forms: a key's "train platform" is a training platform
        for key in (str(name), *(w for w in words if " " not in w)):
            out.setdefault(key.lower(), (str(entry["stage"]), pattern))
    return out


def _activity_span(
    term: Term, text: str, finds: list[Found], profile: Profile
) -> tuple[int, int] | None:
    """Where a bullet does the work a system type is named by: "canary rollout and automated
    rollback for model deployments" shows a "deployment pipeline", at a stage the element
    finder reads in the bullet (so "training new hires" shows no training platform)."""
    if term.kind != "system_type":
        return None
    stages = {f.key for f in finds if f.kind == "stage"}
    for key in sorted(term.keys):
        base = base_key(key, profile)
        activities = _activities(profile)
        entry = (activities.get(base) or activities.get(base.split()[-1])) if base else None
        if entry is not None and entry[0] in stages:
            hit = entry[1].search(text)
            if hit:
                return hit.span()
    return None


@cache
def _fields(profile: Profile) -> dict[str, frozenset[str]]:
    """``domain_fields`` of tailor.yaml by their keys: a field's key -> the domains' keys it
    is worked in ("clinical nlp" -> natural language processing, healthcare)."""
    table = profile.setting("tailor", "domain_fields", default={}) or {}
    domains = same_names(profile, "same_domain")
    return {
        _norm(str(name)): frozenset(domains.get(_norm(str(d)), _norm(str(d))) for d in parts or ())
        for name, parts in table.items()
    }


def _field_span(term: Term, finds: list[Found], profile: Profile) -> tuple[int, int] | None:
    """Where one text shows every domain a field is worked in ("NLP systems for clinical"
    shows clinical NLP), from the first of them to the last; None if one is not shown."""
    parts = _fields(profile).get(term.key) if term.kind == "domain" else None
    if not parts:
        return None
    first: dict[str, tuple[int, int]] = {}
    for f in sorted(finds, key=lambda f: f.start):
        if f.kind == "domain" and f.key in parts:
            first.setdefault(f.key, (f.start, f.end))
    if len(first) < len(parts):
        return None
    return min(s for s, _ in first.values()), max(e for _, e in first.values())


def _people_span(term: Term, text: str) -> tuple[int, int] | None:
    pattern = _people_of(term.name) if term.kind == "domain" else None
    hit = pattern.search(text) if pattern else None
    return hit.span() if hit else None


def match_terms(resume: Resume, terms: list[Term], profile: Profile) -> list[TermMatch]:
    """Each term with the places the resume shows it, in the order of ``terms``."""
    matches = [TermMatch(t) for t in terms]
    tools = [m for m in matches if m.term.kind == "tool"]
    others = [m for m in matches if m.term.kind != "tool"]
    times: dict[tuple[int, str], int] = {}  # how often a text shows a term
    role_stages: dict[int, set[str]] = {}  # the pipeline stages each role's bullets show
    for location, kind, text in resume_texts(resume):
        hits: list[tuple[TermMatch, tuple[int, int]]] = []
        if others:
            finds = text_terms(text, profile, listed=kind == "skill")
            finds += _as_written(finds, text)
            if kind == "bullet" and sells_with_hype(text, profile):
                # "Leveraged cutting-edge AI to drive synergies": no ownership shown
                finds = [f for f in finds if f.kind != "seniority"]
            role = _ROLE_BULLET.match(location)
            if role and kind == "bullet":
                stages = role_stages.setdefault(int(role.group(1)), set())
                stages.update(f.key for f in finds if f.kind == "stage")
            for m in others:
                same = [f for f in finds if _same(m.term, f, profile)]
                f = same[0] if same else None
                times[id(m), location] = len(same)
                span = (f.start, f.end) if f is not None else _people_span(m.term, text)
                if span is None:
                    span = _field_span(m.term, finds, profile)
                if span is None and kind != "skill":
                    span = _activity_span(m.term, text, finds, profile)
                if span is not None:
                    hits.append((m, span))
        for m in tools:  # every name of the tool, narrower ones too ("SageMaker" shows AWS)
            span = tool_span(m.term.key, text, profile)  # the profile's name, not as written
            if span is not None:
                hits.append((m, span))
        if kind == "title":  # a role's title shows its field, not a stage, tool or signal
            hits = [(m, span) for m, span in hits if m.term.kind in _T1]
        if kind == "bullet" and _is_term_list(text, hits, profile):
            kind = "list"  # a list of the posting's words shows none of them in use
        into = {"summary": "summary", "bullet": "bullets", "skill": "skills", "list": "lists"}
        into = {**into, "title": "bullets"}[kind]
        for m, (start, end) in hits:
            getattr(m, into).append(Place(location, start, end, text[start:end]))
    # a term is cited where the resume makes its best case: first the bullets strong enough to
    # make one, of them those that show the term most ("served from FastAPI at 25 ms p99" shows
    # serving twice, "at 6x the serving cost" once), then the strongest
    cited = {p.location for m in matches for p in m.bullets}
    scores = {
        location: score_bullet(text)
        for location, kind, text in resume_texts(resume)
        if kind == "bullet" and location in cited
    }

    def best_case(m: TermMatch, p: Place) -> tuple[bool, int, int]:
        score = scores[p.location].score if p.location in scores else 0
        return score < LEAD_SCORE, -times.get((id(m), p.location), 1), -score

    for m in matches:
        m.bullets.sort(key=partial(best_case, m))
        m.weak = {
            p.location
            for p in m.bullets
            if p.location in scores and scores[p.location].said < LEAD_SCORE
        }
    # a tool's own name before a narrower one that shows it ("SQL" before "Snowflake")
    own = {forms[0].lower(): {f.lower() for f in forms} for _n, forms, _s in _tools(profile)}
    for m in tools:
        names = own.get(m.term.key, {m.term.key})
        for places in (m.summary, m.bullets, m.skills):
            places.sort(key=lambda p: p.text.lower() not in names)
    venues = [m for m in matches if m.term.kind == "venue"]
    for i, pub in enumerate(resume.publications if venues else ()):
        where = f"{pub.publisher} {pub.name}"
        for start, end in published_at(where, profile):
            for m in venues:
                if where[start:end].lower() in m.term.keys:
                    m.records.append(Place(f"publications[{i}]", 0, 0, where[start:end]))
        for m in venues:
            if m.term.key == ANY_VENUE and (pub.name.strip() or pub.publisher.strip()):
                m.records.append(Place(f"publications[{i}]", 0, 0, pub.publisher or pub.name))
    degrees = [m for m in matches if m.term.kind == "degree"]
    best = resume_degree(resume) if degrees else None
    for m in degrees:
        if best is not None:
            m.have = best[2]
            if best[0] >= _level(m.term.key):
                m.records.append(Place(f"education[{best[1]}]", 0, 0, best[2]))
    for m in matches:
        if m.term.kind == "seniority" and m.term.key == END_TO_END and not m.shown:
            whole = _whole_system_role(resume, role_stages)
            if whole:
                m.records.append(Place("work", 0, 0, whole))
    asks = [m for m in matches if m.term.kind == "experience"]
    span = roles_span(resume) if asks else None
    for m in asks:
        field = years_field(m.term.key)
        m.span = span if not field else roles_span(resume, roles=_roles_in(resume, m, profile))
        if m.span is not None and m.span.years >= _years(m.term.key):
            where = "the roles' dates" if not field else f"the dates of your roles in {field}"
            m.records.append(Place("work", 0, 0, f"{where}: {years_text(m.span)}"))
    return matches


_ROLE_BULLET = re.compile(r"^work\[(\d+)\]\.highlights\[\d+\]$")
END_TO_END = "end to end"
# A role whose bullets cover the system from its data to production, in these stages, shows
# "end to end" work as well as the words do: the stages the lesson on T2 asks for.
_WHOLE_SYSTEM = ("data", "features", "training", "serving", "monitoring")
_WHOLE_SYSTEM_MIN = 4


def _whole_system_role(resume: Resume, role_stages: dict[int, set[str]]) -> str:
    """What the first role whose bullets show training, serving and most of the other
    stages says of its work ("Staff ML Engineer, Resonate Music: its bullets show data,
    features, training, serving and monitoring"), or "" for none."""
    for i in sorted(role_stages):
        shown = [s for s in _WHOLE_SYSTEM if s in role_stages[i]]
        if {"training", "serving"} <= set(shown) and len(shown) >= _WHOLE_SYSTEM_MIN:
            role = resume.work[i]
            title = ", ".join(t for t in (role.position, role.name) if t)
            return f"{title}: its bullets show {and_list(shown)}"
    return ""


def _roles_in(resume: Resume, m: TermMatch, profile: Profile) -> list[int]:
    """The roles (by index) whose title or bullets show the field years are asked in."""
    field = years_field(m.term.key)
    out = []
    for i, role in enumerate(resume.work):
        for text in (role.position, role.summary, *role.highlights):
            if any(
                f.kind in _T1 and (f.key == field or base_key(f.key, profile) == field)
                for f in text_terms(text or "", profile)
            ):
                out.append(i)
                break
    return out


def _is_term_list(
    text: str, hits: list[tuple[TermMatch, tuple[int, int]]], profile: Profile
) -> bool:
    """A bullet that strings the posting's terms together as a list (``lists_terms``: six short
    items and a last "and"), that names ``TOOL_LIST`` or more of them with no verb of doing
    ("Search ranking, LambdaMART, PySpark, …"), or twice that many with one, is a list of them,
    as the skills check reads it (T7): it shows none of them in use. Terms are counted by the
    words that show them, so two names of one thing ("Kubernetes", shown for "container
    platforms" too) count once."""
    if lists_terms(text):
        return True
    spans: list[tuple[int, int]] = []
    for start, end in sorted({span for _, span in hits}):
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    if len(spans) >= 2 * TOOL_LIST:
        return True
    if len(spans) < TOOL_LIST:
        return False
    return not any(_a_verb_of_work(e) for e in explain(text, "bullet", profile))


def _a_verb_of_work(e: Element) -> bool:
    """A verb that says what the bullet's person did: an action verb, or owning ("Owned the
    forecasting pipeline end to end (Airflow, Spark, MLflow)"), which the opening check reads
    as a role but which is no list of terms."""
    if e.name == "action_verb":
        return True
    return e.name == "weak_opening" and e.value == "role" and e.text.lower().startswith("own")
