"""Tailor a resume to a job posting: what the posting asks, where the resume shows it, what to do.

``tailor(resume, posting, profile)`` reads the posting's terms (``posting_terms``), finds each
in the resume (``tailor_match``), scores the coverage per technique (``tailor_score``) and
adds the moves that need no new fact: which bullets to put first in each role
(``rank_bullets``), which words the summary should lead with, which tools the bullets show
that the skills list should name too, which skills to drop. A term the
resume never shows becomes a question, never an inserted keyword.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from .bullet_score import score_bullet
from .drafts import Drafts, apply_drafts
from .findings import Finding, TechniqueResult, and_list
from .locations import iter_items, role_of
from .model import Resume
from .posting import Posting, posting_texts
from .posting_terms import either, posting_terms
from .profile import DEFAULT_PROFILE, Profile, load_profile
from .skills import stems, tool_kinds, tool_span
from .tailor_match import LEAD_SCORE, TermMatch, match_terms, own_words
from .tailor_score import AREAS, coverage, finding

_HIGHLIGHT = re.compile(r"^(work|projects)\[(\d+)\]\.highlights\[(\d+)\]$")
_FIRST_SENTENCE = re.compile(r"[.!?](?:\s|$)")


@dataclass(frozen=True)
class RoleOrder:
    """One role's bullets, best first for the posting: ``order`` lists highlight indices."""

    location: str  # "work[0]"
    role: str
    order: tuple[int, ...]
    shows: tuple[tuple[str, ...], ...]  # per highlight (in the resume's order): terms it shows

    @property
    def changed(self) -> bool:
        return list(self.order) != sorted(self.order)

    def to_dict(self) -> dict[str, Any]:
        return {
            "location": self.location,
            "role": self.role,
            "order": list(self.order),
            "shows": [list(s) for s in self.shows],
        }


@dataclass
class TailorResult:
    posting: Posting
    profile: str
    matches: list[TermMatch]
    orders: list[RoleOrder]
    summary_lead: list[str]  # the resume's own words the summary should open with
    results: dict[str, TechniqueResult | None]
    findings: list[Finding] = field(default_factory=list)

    @property
    def scores(self) -> dict[str, int | None]:
        return {area: (r.score if r else None) for area, r in self.results.items()}

    @property
    def found(self) -> list[TermMatch]:
        return [m for m in self.matches if m.found]

    @property
    def missing(self) -> list[TermMatch]:
        return [m for m in self.matches if not m.found]

    @property
    def skills_to_add(self) -> list[str]:
        """The tools the posting asks that a bullet shows in use and the skills leave out (J704)."""
        lines = {f.line for f in self.findings if f.code == "J704"}
        return [m.term.name for m in self.matches if f"{m.term.kind}:{m.term.key}" in lines]

    @property
    def skills_to_drop(self) -> list[str]:
        """The skills entries the posting does not ask for and no bullet backs (J703)."""
        return [f.message.split("”")[0].lstrip("“") for f in self.findings if f.code == "J703"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "posting": {"title": self.posting.title, "company": self.posting.company},
            "profile": self.profile,
            "scores": self.scores,
            "terms": [_match_dict(m) for m in self.matches],
            "orders": [o.to_dict() for o in self.orders],
            "summary_lead": self.summary_lead,
            "checklists": {
                area: [vars(c) for c in r.checklist] if r else []
                for area, r in self.results.items()
            },
            "findings": [f.to_dict() for f in self.findings],
        }


def _match_dict(m: TermMatch) -> dict[str, Any]:
    t = m.term
    return {
        "area": t.area,
        "kind": t.kind,
        "name": t.name,
        "stage": t.stage,
        "nice_to_have": t.nice,
        "description_only": t.context,
        "asked_at": [p.to_dict() for p in t.asked_at],
        "found": m.found,
        "shown": m.shown,
        "places": [p.to_dict() for p in m.places],
    }


def _profile(profile: str | Profile) -> Profile:
    return load_profile(profile) if isinstance(profile, str) else profile


def _strength(text: str) -> float:
    """How much a bullet's match counts: half for showing the terms at all, half by how strong
    a bullet it is (its bullet score), so that of two bullets showing as much of the posting
    the one with a measured result leads; a bullet too weak to lead a role counts for nothing
    (see ``LEAD_SCORE``)."""
    score = score_bullet(text)
    return 0.0 if score.said < LEAD_SCORE else 0.5 + score.score / 200


def _orders(resume: Resume, matches: list[TermMatch]) -> list[RoleOrder]:
    """Per role, its bullets by what of the posting they show (``_worth``: a domain the
    posting names twice outweighs one of ten tools), times how strong a bullet it is."""
    shows: dict[tuple[str, int], dict[int, list[TermMatch]]] = {}
    for m in matches:
        for place in m.bullets:
            hit = _HIGHLIGHT.match(place.location)
            if hit:
                role = shows.setdefault((hit.group(1), int(hit.group(2))), {})
                terms = role.setdefault(int(hit.group(3)), [])
                if m not in terms:
                    terms.append(m)
    out = []
    for section, entries in (("work", resume.work), ("projects", resume.projects)):
        for i, entry in enumerate(entries):
            if not entry.highlights:
                continue
            by = shows.get((section, i), {})
            n = len(entry.highlights)
            strength = [_strength(text) for text in entry.highlights]
            weight = [sum(_worth(m) for m in by.get(j, ())) * strength[j] for j in range(n)]
            # of bullets that show none of the posting (or too weakly to count), the strong
            # before the weak: a measured result reads better than "Helped with…" anywhere
            order = tuple(sorted(range(n), key=lambda j: (-weight[j], strength[j] == 0, j)))
            names = tuple(tuple(m.term.name for m in by.get(j, ())) for j in range(n))
            out.append(RoleOrder(f"{section}[{i}]", role_of(resume, section, i), order, names))
    return out


TOOL_WORTH = 0.5  # a tool is one name among many a posting lists; a domain, stage or model is more


def _worth(m: TermMatch) -> float:
    """How much showing a term counts toward a bullet's place: how many of the posting's
    texts ask for it, a tool at half, a nice-to-have at half."""
    worth = float(m.term.weight) * (TOOL_WORTH if m.term.kind == "tool" else 1.0)
    return worth * (0.5 if m.term.minor else 1.0)


def rank_bullets(
    resume: Resume, posting: Posting, profile: str | Profile = DEFAULT_PROFILE
) -> list[RoleOrder]:
    """Per role, its bullets ordered by how much of the posting each shows, weighed by how
    strong a bullet it is (ties keep the resume's order)."""
    prof = _profile(profile)
    return _orders(resume, match_terms(resume, posting_terms(posting, prof), prof))


def bullet_order(orders: list[RoleOrder]) -> dict[int, list[int]]:
    """The work roles' orders as the PDF page takes them: role index -> bullet indexes."""
    out = {}
    for o in orders:
        hit = re.match(r"^work\[(\d+)\]$", o.location)
        if hit:
            out[int(hit.group(1))] = list(o.order)
    return out


def reordered(resume: Resume, orders: list[RoleOrder]) -> Resume:
    """A copy of the resume with each role's (and project's) bullets in these orders; nothing
    added or dropped."""
    copy = resume.model_copy(deep=True)
    for o in orders:
        hit = re.match(r"^(work|projects)\[(\d+)\]$", o.location)
        if not hit:
            continue
        entry = getattr(copy, hit.group(1))[int(hit.group(2))]
        if sorted(o.order) != list(range(len(entry.highlights))):
            raise ValueError(f"the order for {o.location} does not fit its bullets")
        entry.highlights = [entry.highlights[j] for j in o.order]
    return copy


QUOTE_WORDS = 5


def opening(text: str, n: int = QUOTE_WORDS) -> str:
    """A bullet's first words, to name it in a suggestion: “Cut the search latency…”. A
    figure is left out as "…" ("Ran a … A/B test"), so a suggestion never holds a number."""
    words: list[str] = []
    said, cut = 0, False  # words quoted (figures left out not counted); whether text is left
    for word in text.split():
        if said == n:
            cut = True
            break
        if any(c.isdigit() for c in word):
            if words and words[-1] != "…":
                words.append("…")
            continue
        words.append(word)
        said += 1
    while words and words[-1] == "…":
        words.pop()
        cut = True
    quoted = " ".join(words).rstrip(",;:.")
    if not quoted:
        return "the bullet"
    return f"“{quoted}…”" if cut else f"“{quoted}”"


def _order_findings(resume: Resume, orders: list[RoleOrder]) -> list[Finding]:
    out = []
    for o in orders:
        out += _rewrite_findings(resume, o)
        if not o.changed:
            continue
        # the first place where the best order differs from the resume's: that bullet moves up
        pos = next(k for k, i in enumerate(o.order) if i != k)
        moved = o.order[pos]
        bullets = _bullets(resume, o.location)
        order = ", ".join(str(i + 1) for i in o.order)
        if not o.shows[moved]:  # a strong bullet moves above weak ones, for no posting term
            out.append(
                finding(
                    "J004",
                    "order",
                    f"{o.location}.highlights[{moved}]",
                    f"In {o.role}, bullet {moved + 1} shows none of what the posting asks, but "
                    f"it is a stronger bullet than bullet {pos + 1} above it, which says too "
                    f"little to make a case (best order: {order}; bullets counted from 1).",
                    f"Move {opening(bullets[moved])} above {opening(bullets[pos])}: a line "
                    "with what you built and what it changed reads better than a vague one.",
                )
            )
            continue
        names = ", ".join(o.shows[moved][:3]) or "more of what the posting asks"
        out.append(
            finding(
                "J001",
                "order",
                f"{o.location}.highlights[{moved}]",
                f"In {o.role}, bullet {moved + 1} makes a stronger case for what the posting asks "
                f"({names}) than bullet {pos + 1} above it: it shows more of it, or shows it with "
                f"more proof (best order: {order}; bullets counted from 1).",
                f"Move {opening(bullets[moved])} above {opening(bullets[pos])}, so the role opens "
                "with what the posting asks for.",
            )
        )
    return out


def _rewrite_findings(resume: Resume, o: RoleOrder) -> list[Finding]:
    """The bullets of a role that show what the posting asks but score under ``LEAD_SCORE``:
    moving one up would open the role with a weak line, so the tip (one per role) is to
    rewrite them first."""
    bullets = _bullets(resume, o.location)
    weak = [j for j, text in enumerate(bullets) if o.shows[j] and _strength(text) == 0]
    if not weak:
        return []
    names = ", ".join(dict.fromkeys(n for j in weak for n in o.shows[j]))
    which = and_list([str(j + 1) for j in weak])
    one = len(weak) == 1
    return [
        finding(
            "J003",
            "order",
            f"{o.location}.highlights[{weak[0]}]",
            f"In {o.role}, bullet{'' if one else 's'} {which} show{'s' if one else ''} what the "
            f"posting asks ({names}), but say{'s' if one else ''} too little to lead the role, "
            "so the best order does not move "
            f"{'it' if one else 'them'} up.",
            f"Rewrite {opening(bullets[weak[0]])}{'' if one else ' and the others'} with what "
            "you built and what it changed (a metric and its size), as the lessons show; then "
            f"{'it' if one else 'they'} can move up.",
        )
    ]


def _bullets(resume: Resume, location: str) -> list[str]:
    hit = re.match(r"^(work|projects)\[(\d+)\]$", location)
    return getattr(resume, hit.group(1))[int(hit.group(2))].highlights if hit else []


def _lead(resume: Resume, matches: list[TermMatch]) -> tuple[list[str], list[Finding]]:
    """The resume's own T1 words in the posting's order, and a tip when the summary's first
    sentence leaves out the first of them."""
    # an employer's name shows its industry, but is no work of the learner's to lead with
    t1 = sorted(
        (
            m
            for m in matches
            if m.term.area == "T1"
            and (m.summary or any(not p.location.endswith(".name") for p in m.bullets))
        ),
        key=lambda m: -m.term.weight,
    )
    said = list(dict.fromkeys(own_words(m) for m in t1))
    # words inside others said already once: "clinical" in "NLP systems for clinical"
    words = [w for w in said if not any(w != o and _holds(o, w) for o in said)]
    summary = resume.basics.summary
    end = _FIRST_SENTENCE.search(summary)
    first_end = end.start() if end else len(summary)
    top, place = next(
        ((m, p) for m in t1 for p in m.summary if p.location == "basics.summary"), (None, None)
    )
    if top is None or place is None or place.start < first_end:
        return words, []
    tip = finding(
        "J002",
        "T1",
        "basics.summary",
        f"The summary names {top.term.name}, which the posting asks for most, only after its "
        "first sentence.",
        f"Lead the summary with “{place.text}”: the reader looks for it first.",
        span=(place.start, place.end),
    )
    return words, [tip]


def _holds(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is whole words of ``longer``, in any case."""
    return f" {' '.join(_words(shorter))} " in f" {' '.join(_words(longer))} "


_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*(?:-[a-z0-9+#.]+)*")


def _words(text: str) -> list[str]:
    """A text's words, lowercase, a hyphenated name kept whole ("scikit-learn")."""
    return [w.rstrip(".") for w in _WORD.findall(text.lower()) if w.rstrip(".")]


def _asked_words(posting: Posting, profile: Profile) -> tuple[set[str], str]:
    """The stems of the posting's words, and its whole text as words."""
    words = [w for _, text in posting_texts(posting) for w in _words(text)]
    return set(stems(words)), f" {' '.join(stems(words))} "


def _entry_asked(keyword: str, asked: tuple[set[str], str], generic: set[str]) -> bool:
    """A skills entry the posting asks for in its own words: all of it ("machine learning"),
    or a word of it that is not generic ("API" of "API wrapping (FastAPI / Plumber)")."""
    plain = re.sub(r"\([^)]*\)", " ", keyword)
    words = stems(_words(plain))
    if not words:
        return False
    if f" {' '.join(words)} " in asked[1]:
        return True
    return any(w in asked[0] for w in words if w not in generic and len(w) >= 2)


def _drops(
    resume: Resume, matches: list[TermMatch], posting: Posting, profile: Profile
) -> list[Finding]:
    asked = {p.location for m in matches for p in m.skills}
    words = _asked_words(posting, profile)
    generic = set(stems([str(w) for w in profile.words("tailor", "generic_skill_words")]))
    bullets = [i.text for i in iter_items(resume) if i.kind == "bullet"]
    # a programming language needs no bullet (lesson 07 says so): it is never a tip to drop
    languages = {str(w).lower() for w in profile.words("skills", "languages")}
    out = []
    for i, group in enumerate(resume.skills):
        for j, keyword in enumerate(group.keywords):
            location = f"skills[{i}].keywords[{j}]"
            if location in asked or not keyword.strip() or _entry_asked(keyword, words, generic):
                continue
            if keyword.strip().lower() in languages:
                continue
            # a tool a bullet shows in use stays: the tip is for what nothing backs
            if any(tool_span(keyword, b, profile) for b in bullets):
                continue
            out.append(
                finding(
                    "J703",
                    "T7",
                    location,
                    f"“{keyword}” is in your skills, but the posting does not ask for it and no "
                    "bullet shows it in use.",
                    "Leave it out for this application: nothing in it backs this skill.",
                    span=(0, len(keyword)),
                )
            )
    return out


def _unlisted(matches: list[TermMatch], profile: Profile) -> list[Finding]:
    """Tools the posting asks for that a bullet shows in use but the skills list leaves out:
    the reader scanning the skills for them should find them there too. For a kind of tool
    ("container platforms"), what to list is the member the bullet names ("EKS"), unless a
    tool the posting asks for is already the tip for those words."""
    kinds, out, places = tool_kinds(profile), [], set()
    unlisted = [m for m in matches if m.term.kind == "tool" and m.bullets and not m.skills]
    for m in sorted(unlisted, key=lambda m: m.term.key in kinds):  # the kinds last
        place = m.bullets[0]
        if (place.location, place.start) in places:
            continue
        places.add((place.location, place.start))
        shown = place.text if m.term.key in kinds else m.term.name
        out.append(
            finding(
                "J704",
                "T7",
                "skills",
                f"The posting asks for {m.term.name} and your bullets show it in use "
                f"({place.location}), but your skills list does not name it.",
                f"Add {shown} to your skills: a bullet already shows it.",
                line=f"{m.term.kind}:{m.term.key}",
            )
        )
    return out


def one_ask_per_choice(matches: list[TermMatch]) -> list[TermMatch]:
    """Alternatives the resume shows none of ("one major cloud (AWS, GCP or Azure)"), offered
    in one place of the posting, are one ask, "AWS, GCP or Azure", with one question: the
    posting wants one of them, not all."""
    index = {(m.term.kind, m.term.key): m for m in matches}
    out: list[TermMatch] = []
    merged: set[int] = set()
    for m in matches:
        if id(m) in merged:
            continue
        group = [m]
        where = {p.location for p in m.term.asked_at}
        # only a choice the posting offers in one place: "fraud detection" asked in the title
        # too is asked on its own, whatever a list of alternatives says elsewhere
        if not m.places and len(where) == 1:
            for other in (index.get(k) for k in sorted(m.term.alternatives)):
                if (
                    other is not None
                    and not other.places
                    and id(other) not in merged
                    and {p.location for p in other.term.asked_at} == where
                ):
                    group.append(other)
        if len(group) == 1:
            out.append(m)
            continue
        merged.update(id(g) for g in group)
        group.sort(key=lambda g: min((p.location, p.start) for p in g.term.asked_at))
        first = group[0].term
        term = replace(
            first,
            name=either([g.term.name for g in group]),
            asked_at=list(dict.fromkeys(p for g in group for p in g.term.asked_at)),
            aka={k for g in group for k in g.term.keys} - {first.key},
            alternatives=set(),
        )
        out.append(TermMatch(term))
    return out


def tailor(
    resume: Resume,
    posting: Posting,
    profile: str | Profile = DEFAULT_PROFILE,
    *,
    drafts: Drafts | None = None,
) -> TailorResult:
    """What the posting asks, where the resume shows it, the coverage per technique and the
    moves to make. ``drafts`` are applied first (the learner's rewrites)."""
    prof = _profile(profile)
    if drafts is not None:
        resume = apply_drafts(resume, drafts)[0]
    matches = match_terms(resume, posting_terms(posting, prof), prof)
    # A term the posting offers with an alternative ("PyTorch or TensorFlow", "AWS or GCP")
    # is not asked for when a bullet shows the alternative, nor, when the resume only lists
    # the alternative, as a gap: the one listed is the one to show in a bullet (J702), not a
    # reason to learn the other.
    found = {(m.term.kind, m.term.key) for m in matches if m.found}
    shown = {(m.term.kind, m.term.key) for m in matches if m.shown}
    matches = [
        m
        for m in matches
        if not (not m.shown and m.term.alternatives & shown)
        and not (not m.found and m.term.alternatives & found)
    ]
    matches = one_ask_per_choice(matches)
    results, findings = coverage(matches, prof)
    orders = _orders(resume, matches)
    lead, tips = _lead(resume, matches)
    findings += tips + _order_findings(resume, orders) + _unlisted(matches, prof)
    findings += _drops(resume, matches, posting, prof)
    return TailorResult(posting, prof.name, matches, orders, lead, results, findings)


__all__ = [
    "AREAS",
    "RoleOrder",
    "TailorResult",
    "bullet_order",
    "rank_bullets",
    "reordered",
    "tailor",
]
