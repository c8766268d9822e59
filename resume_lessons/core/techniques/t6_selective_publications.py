"""T6: keep publications few, at strong venues, and tied to production work. None is fine."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from ..bullet_score import sells_with_hype
from ..findings import Context, Example, TechniqueResult
from ..profile import Profile, phrase_key
from .base import Line, Rule, Technique, quote, result

MAX_PUBLICATIONS = 3
LINES = (
    Line("few", f"at most {MAX_PUBLICATIONS} publications (none is fine)", 30, "T601"),
    Line("venues", "at venues ML hiring managers rank highly", 30, "T602"),
    Line("tied", "tied to production work", 40, "T603"),
)


@cache
def _keys(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" " + " ".join(phrase_key(p)) + " " for p in phrases)


def _has_any(text: str, phrases: list[str]) -> bool:
    joined = " " + " ".join(phrase_key(text)) + " "
    return any(key in joined for key in _keys(tuple(phrases)))


def _without(text: str, phrases: list[str]) -> str:
    """The text's words with every one of the phrases taken out."""
    joined = " " + " ".join(phrase_key(text)) + " "
    for key in sorted(_keys(tuple(phrases)), key=len, reverse=True):
        joined = joined.replace(key, " ")
    return joined


SECOND_TIER = 0.5  # a workshop paper of a ranked venue, next to one of its main track
TOPIC_WORDS = 2  # distinctive words a paper shares with a bullet to be about that work
_PREFIX = 6  # a word by its first letters: "quantized" and "quantization" are one topic


# a capital inside a word starts the next one: "BEVFusion" is "BEV Fusion"
_INNER_CAPITAL = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z])")


def _topic(text: str, generic: frozenset[str]) -> frozenset[str]:
    """The distinctive words of a text, by their first letters, hyphenated and run-together
    words split ("active-learning", "BEVFusion"); each pair of neighbours that holds one of
    them ("active learning": a named method counts as two words shared); and the initials of
    its runs of three or four words ("printed circuit board" is also "pcb"), so a paper and a
    bullet that abbreviate one another share the topic."""
    words = [p for tok in phrase_key(_INNER_CAPITAL.sub(" ", text)) for p in tok.split("-")]
    plain = [w for w in words if w.isalpha()]
    initials = {
        "".join(w[0] for w in plain[i : i + n])
        for n in (3, 4)
        for i in range(len(plain) - n + 1)
        if not any(w in _LINKS for w in plain[i : i + n])
    }
    pairs = {
        f"{a[:_PREFIX]}+{b[:_PREFIX]}"
        for a, b in pairwise(plain)
        if a not in _LINKS and b not in _LINKS and (a not in generic or b not in generic)
    }
    found = {w[:_PREFIX] for w in words if len(w) >= 3 and w.isalpha() and w not in generic}
    return frozenset(found | initials | pairs)


_LINKS = frozenset({"a", "an", "the", "of", "for", "in", "on", "and", "with", "to", "at", "by"})


@cache
def _areas(profile: Profile) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each area of work (tailor.yaml's ``same_domain`` and ``task_models``) with the phrases
    that show it, as padded word keys: "speech recognition" is shown by "ASR" and by a model
    built for it ("Conformer-CTC")."""
    tailor = profile.setting("tailor", default={}) or {}
    domains = tailor.get("same_domain") or {}
    models = tailor.get("same_model") or {}
    out = []
    for area, names in domains.items():
        out.append((area, [area, *names]))
    for task, families in (tailor.get("task_models") or {}).items():
        shown = [task, *(domains.get(task) or ())]
        for family in families:
            shown += [family, *(models.get(family) or ())]
        out.append((task, shown))
    return tuple((area, _keys(tuple(names))) for area, names in out)


def _areas_of(text: str, profile: Profile) -> frozenset[str]:
    """The areas of work a text names (see ``_areas``), split at hyphens so "Conformer-CTC"
    shows CTC."""
    joined = " " + " ".join(p for w in phrase_key(text) for p in (w, *w.split("-"))) + " "
    return frozenset(area for area, keys in _areas(profile) if any(k in joined for k in keys))


def check(ctx: Context) -> TechniqueResult:
    t = TECHNIQUE
    pubs = ctx.resume.publications
    if not pubs:
        return result(t.code, [t.earn(line.key, True, "publications") for line in LINES], [])
    findings, tips = [], []  # tips cost nothing, so they are priced apart from the findings
    venues = ctx.profile.words("venues", "top_venues")
    minor = ctx.profile.words("venues", "minor_markers")
    companies = [w.name for w in ctx.resume.work if w.name]
    generic = frozenset(w.lower() for w in ctx.profile.words("venues", "generic_topic_words"))
    # a bullet selling itself with hype shows no work a paper could be about
    work = [b for b in ctx.bullets if not sells_with_hype(b.text, ctx.profile)]
    bullets = [_topic(b.text, generic) for b in work]
    # one area of work in common ties a paper too: an ASR paper and a bullet about the
    # Conformer-CTC model of a call centre are the same line of work
    worked = frozenset().union(*(_areas_of(b.text, ctx.profile) for b in work))
    top, tied = 0.0, 0
    for i, pub in enumerate(pubs):
        where = f"publications[{i}]"
        venue_text = f"{pub.publisher} {pub.name}"
        # a venue's own name may hold a marker word: the International Symposium on
        # Forecasting is no minor symposium
        ranked = _has_any(venue_text, venues)
        side = _has_any(_without(venue_text, venues), minor)
        is_top = ranked and not side
        # a workshop of a ranked venue ("CVPR Workshop on …") is a second tier: half the credit
        # unless it is about your work (below)
        is_second = ranked and side
        about = f"{pub.name} {pub.summary} {pub.publisher}"
        # tied to your work: it names a company you worked at, or shares a topic with a
        # bullet; the word "production" alone ties it to nothing a reader can find
        mine = _topic(f"{pub.name} {pub.summary}", generic)
        is_tied = (
            _has_any(about, companies)
            or any(len(mine & b) >= TOPIC_WORDS for b in bullets)
            or bool(_areas_of(f"{pub.name} {pub.summary}", ctx.profile) & worked)
        )
        # A workshop paper about work you shipped supports the production story as the lesson
        # asks: it counts in full, so keeping it never scores below having no papers at all.
        top += 1.0 if is_top or (is_second and is_tied) else SECOND_TIER if is_second else 0.0
        tied += is_tied
        if is_second and is_tied:
            tips.append(
                t.finding(
                    "T602",
                    where,
                    f"{quote(pub.name or pub.publisher)} is at a workshop of a venue ML hiring "
                    "managers rank highly, and it describes work on your resume: keep it.",
                    "A main-track paper on the same work would weigh more; there is nothing to "
                    "change here.",
                )
            )
        elif is_second:
            findings.append(
                t.finding(
                    "T602",
                    where,
                    f"{quote(pub.name or pub.publisher)} is at a workshop of a venue ML hiring "
                    f"managers rank highly but is not about work on your resume: it earns "
                    f"{SECOND_TIER:.0%} of a main-track paper.",
                    "Keep it if it describes work you shipped (say which in its summary); "
                    "otherwise leave it out.",
                )
            )
        elif not is_top:
            findings.append(
                t.finding(
                    "T602",
                    where,
                    f"{quote(pub.name or pub.publisher)} is not at a venue ML hiring managers rank "
                    "highly.",
                    "Keep it only if it supports the production story; otherwise leave it out.",
                )
            )
        if not is_tied:
            findings.append(
                t.finding(
                    "T603",
                    where,
                    f"{quote(pub.name or pub.publisher)} is not tied to work you shipped.",
                    "Which work on your resume does this paper describe? Name the company or the "
                    "system in its summary (a bullet about the same work ties it too), or drop "
                    "it.",
                )
            )
    if len(pubs) > MAX_PUBLICATIONS:
        findings.append(
            t.finding(
                "T601",
                "publications",
                f"{len(pubs)} publications compete with your experience for attention.",
                "Keep the few strongest, ideally the ones that describe production work.",
            )
        )
    checklist = [
        t.earn("few", len(pubs) <= MAX_PUBLICATIONS, "publications"),
        t.earn("venues", top / len(pubs), "publications"),
        t.earn("tied", tied / len(pubs), "publications"),
    ]
    scored = result(t.code, checklist, findings)
    scored.findings.extend(tips)
    return scored


_WEAK = {
    "work": [{"name": "Acme", "highlights": ["Built a ranking model."]}],
    "publications": [
        {"name": f"Notes on {topic}", "publisher": "Regional ML Workshop"}
        for topic in ("embeddings", "bandits", "graph models", "calibration", "fairness", "LSTMs")
    ],
}
_STRONG = {
    "work": [{"name": "Wayfair", "highlights": ["Built the search relevance model."]}],
    "publications": [
        {
            "name": "Learning to rank for furniture search in production",
            "publisher": "ACM RecSys",
            "releaseDate": "2019-09-16",
            "summary": "The ranking model deployed in Wayfair search and its online results.",
        }
    ],
}

TECHNIQUE = Technique(
    code="T6",
    name="selective-publications",
    title="Keep publications few, strong and tied to production",
    why=(
        "For an engineering role, one paper at a top venue describing a system you shipped "
        "reinforces the production story; six workshop papers compete with it. If you have no "
        "publications, leave the section out: the experience speaks for itself."
    ),
    wants=(),
    rules=(
        Rule("T601", "too-many-publications", f"more than {MAX_PUBLICATIONS} publications"),
        Rule("T602", "minor-venue", "a publication not at a top venue"),
        Rule("T603", "publication-not-tied-to-production", "a paper unrelated to shipped work"),
    ),
    examples=(
        Example(
            "weak",
            "Six workshop papers on unrelated topics.",
            kind="resume",
            resume=_WEAK,
            codes=("T601", "T602", "T603"),
        ),
        Example(
            "strong",
            "One RecSys paper about the ranking model deployed at Wayfair.",
            kind="resume",
            resume=_STRONG,
        ),
        Example(
            "strong",
            "No publications at all.",
            kind="resume",
            resume={"work": [{"name": "Acme", "highlights": ["Built a ranking model."]}]},
            note="Leaving the section out is fine.",
        ),
    ),
    check=check,
    lines=LINES,
    scope="resume",
)
