"""Skills and where a resume shows them: the pipeline stage a skills group names, and whether a
tool appears in the bullets. Shared by technique T7 and the skills sorter of lesson 07.

A listed tool is shown when any of its forms appears in a bullet or the summary, as whole
words, case-insensitive, plural and verb endings allowed. Its forms are the name as listed,
the other names of the same tool and the narrower names that imply it (``aliases`` and
``shown_by`` in the profile's skills.yaml: "PySpark" shows Spark, "SageMaker" shows AWS), and
for a compound entry ("SQL (Hive/Presto)", "LightGBM/XGBoost") its head and each part.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Skill
from .profile import Profile, phrase_key, tokenize

Key = tuple[str, ...]


def _name_words(name: str) -> list[str]:
    return [w.removesuffix("s") for w, _, _ in tokenize(" ".join(name.lower().split()))]


def group_stage(group: Skill, profile: Profile) -> str:
    """The pipeline stage a skills group names, or '' when its name is not a stage.

    The whole name ("ml frameworks"), else a name it starts with ("Data & Features" is data),
    else the first stage name among its words ("Model Training" is training).
    """
    name = " ".join(group.name.lower().split())
    if not name:
        return ""
    if name in profile.group_stages:
        return profile.group_stages[name]
    for key, stage in profile.group_stages.items():
        if key and name.startswith(key):
            return stage
    words = _name_words(name)
    best: tuple[int, int, str] | None = None
    for key, stage in profile.group_stages.items():
        kw = _name_words(key)
        n = len(kw)
        for i in range(len(words) - n + 1):
            if n and words[i : i + n] == kw:
                if best is None or (i, -n) < best[:2]:
                    best = (i, -n, stage)
                break
    return best[2] if best else ""


# A name with its version glued on is the name: "YOLOv8" is YOLO, "Python3" Python, "GPT4o"
# GPT (the name keeps three letters or more, so "S3" and "EC2" stay whole).
_VERSIONED = re.compile(r"^([a-z][a-z+#]{2,}?)v?\d+(?:\.\d+)*[a-z]?$")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    versioned = _VERSIONED.match(word)
    if versioned:
        return versioned.group(1)
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stems(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(_stem(w) for w in words)


MAX_KEYWORD_WORDS = 4


def _split_token(token: str) -> list[str]:
    """A token joined by '/' or '-' in its parts: "sql/presto" is sql and presto, "sql-based"
    is sql and based. Hyphen parts under three letters are left out ("tf-idf" is not TF,
    "r-squared" not R)."""
    parts: list[str] = []
    for piece in token.split("/"):
        if "-" in piece:
            parts += [p for p in piece.split("-") if len(p) >= 3]
        elif piece:
            parts.append(piece)
    return parts


def _sequences(text: str) -> list[tuple[str, ...]]:
    """The text's stemmed words as written, and again with joined tokens split in parts."""
    words = [w for w, _, _ in tokenize(text.lower())]
    seqs = [stems(words)]
    if any("/" in w or "-" in w for w in words):
        seqs.append(stems([p for w in words for p in _split_token(w)]))
    return seqs


def ngrams(texts: list[str]) -> set[Key]:
    """Every run of up to four stemmed words in the texts, for O(1) 'is it shown' lookups."""
    grams: set[Key] = set()
    for text in texts:
        for words in _sequences(text):
            for n in range(1, MAX_KEYWORD_WORDS + 1):
                grams.update(words[i : i + n] for i in range(len(words) - n + 1))
    return grams


@lru_cache(maxsize=8192)
def _keys(form: str) -> tuple[Key, ...]:
    """The word runs that show a form ("scikit-learn" is also "scikit learn"); a long form is
    a phrase, and its first four words will do. A form whose split leaves a part out is only
    itself: "OR-Tools" split is "tools", which any posting's "simulation tools" shows."""
    whole, *split = _sequences(form)
    pieces = sum(len(re.split(r"[-/]", w)) for w, _, _ in tokenize(form.lower()))
    kept = [k for k in split if len(k) == pieces]
    return tuple(k[:MAX_KEYWORD_WORDS] for k in (whole, *kept) if k)


def _norm(name: str) -> Key:
    return phrase_key(name)


_PAREN = re.compile(r"^([^()]*?)\s*\((.*?)\)?\s*$")
_PARTS = re.compile(r"\s*[/,;|]\s*")


def compound_parts(keyword: str) -> list[str]:
    """The entries a compound skills entry names, or [] when it is one tool.

    "SQL (Hive/Presto)" and "SQL(Hive, Presto)" are SQL, Hive and Presto; "LightGBM/XGBoost"
    is LightGBM and XGBoost. A slash inside one name ("A/B testing", "CI/CD") is not a
    compound: each part must be two letters or more and no part may have a space.
    """
    text = " ".join(keyword.split())
    match = _PAREN.match(text) if "(" in text else None
    if match:
        head, inner = match.group(1), match.group(2)
        parts = [head, *_PARTS.split(inner)]
    elif "/" in text:
        parts = _PARTS.split(text)
        if any(len(p.strip()) < 2 or " " in p.strip() for p in parts):
            return []
    else:
        return []
    out: list[str] = []
    for part in parts:
        part = part.strip(" .…-")
        if part and part.lower() not in ("etc", "and more") and part not in out:
            out.append(part)
    return out if len(out) > 1 else []


@lru_cache(maxsize=64)
def _alias_table(profile: Profile) -> tuple[dict[Key, tuple[str, ...]], frozenset[Key]]:
    """name -> every form that shows it; and the names the profile knows as tools."""
    forms: dict[Key, set[str]] = {}
    known: set[Key] = {_norm(t) for t in profile.tool_stages}
    known |= {_norm(t) for t in profile.words("skills", "languages")}
    for tool, others in (profile.setting("skills", "aliases", default={}) or {}).items():
        names = [str(tool), *(str(o) for o in others or ())]
        for name in names:
            forms.setdefault(_norm(name), set()).update(names)
            known.add(_norm(name))
    narrower = {
        **(profile.setting("skills", "shown_by", default={}) or {}),
        **(profile.setting("skills", "tool_kinds", default={}) or {}),
    }
    for tool, names in narrower.items():
        forms.setdefault(_norm(str(tool)), {str(tool)}).update(str(n) for n in names or ())
        known.add(_norm(str(tool)))
    return {k: tuple(sorted(v)) for k, v in forms.items()}, frozenset(known)


@lru_cache(maxsize=64)
def _names(
    profile: Profile,
) -> tuple[frozenset[str], frozenset[Key], frozenset[Key], tuple[frozenset[Key], ...]]:
    """The profile's languages as written (lowercase) and by their keys, its pipeline tools'
    keys (languages aside), and each alias group's keys: built once per profile."""
    written = frozenset(" ".join(w.lower().split()) for w in profile.words("skills", "languages"))
    languages = frozenset(_norm(w) for w in profile.words("skills", "languages"))
    tools = frozenset({_norm(t) for t in profile.tool_stages} - languages)
    groups = tuple(
        frozenset({_norm(str(tool)), *(_norm(str(o)) for o in others or ())})
        for tool, others in (profile.setting("skills", "aliases", default={}) or {}).items()
    )
    return written, languages, tools, groups


def known_stage(keyword: str, profile: Profile) -> str:
    """The stage the profile knows a keyword by, through any of its names ("languages" for a
    language), or ''."""
    languages = _names(profile)[0]
    for form in tool_forms(keyword, profile):
        key = " ".join(form.lower().split())
        if key in languages:
            return "languages"
        if key in profile.tool_stages:
            return profile.tool_stages[key]
    return ""


# Stages whose tools a group named after the other may hold: a "Features" group lists Spark.
NEIGHBOUR_STAGES = frozenset({("features", "data"), ("data", "features")})


def misplaced(group: Skill, stage: str, profile: Profile) -> list[str]:
    """The keywords of a group named after ``stage`` that the profile knows by another stage,
    when they are most of the ones it knows (at least two): "Monitoring: PyTorch, XGBoost"."""
    known = [(k, known_stage(k, profile)) for k in group.keywords]
    known = [(k, s) for k, s in known if s and s != "languages"]  # a language fits any group
    elsewhere = [k for k, s in known if s != stage and (stage, s) not in NEIGHBOUR_STAGES]
    return elsewhere if len(elsewhere) >= 2 and 2 * len(elsewhere) > len(known) else []


def is_pipeline_tool(keyword: str, profile: Profile) -> bool:
    """Whether a keyword is one of the profile's pipeline tools (by any of its names), not a
    language: "Airflow" is, "Python" and "SQL" are not. A tool listed under "Languages" still
    needs a bullet that shows it in use."""
    _, languages, tools, groups = _names(profile)
    key = _norm(keyword)
    if key in languages:
        return False
    names = {key}  # the keyword's own names, not the narrower tools that show it
    for group in groups:
        if key in group:
            names |= group
    return bool(names & tools)


def tool_kinds(profile: Profile) -> frozenset[str]:
    """The names of kinds of tool (``tool_kinds`` of skills.yaml: "container platform"),
    lowercase: a member used shows one, and the member is what to list."""
    kinds = profile.setting("skills", "tool_kinds", default={}) or {}
    return frozenset(str(k).lower() for k in kinds)


def tool_forms(keyword: str, profile: Profile | None = None) -> list[str]:
    """Every name whose appearance in a bullet shows the listed keyword (itself first)."""
    table, known = _alias_table(profile) if profile is not None else ({}, frozenset())
    names = [keyword]
    parts = compound_parts(keyword)
    if parts and "(" not in keyword:  # "LightGBM/XGBoost": parts count when they are tools
        parts = [p for p in parts if _norm(p) in known or _norm(p) in table]
    for name in [keyword, *parts]:
        for form in (name, *table.get(_norm(name), ())):
            if form not in names:
                names.append(form)
    return names


@lru_cache(maxsize=8192)
def _shown_keys(keyword: str, profile: Profile | None) -> tuple[Key, ...]:
    """The word runs any of which shows the keyword; () when it has no words."""
    if not phrase_key(keyword):
        return ()
    return tuple(key for form in tool_forms(keyword, profile) for key in _keys(form))


def shown_in(keyword: str, grams: set[Key], profile: Profile | None = None) -> bool:
    """Whether a bullet shows the keyword: any of its forms (see ``tool_forms``) appears as
    whole words in the texts, allowing plural and verb endings."""
    keys = _shown_keys(keyword, profile)
    if not keys:
        return not phrase_key(keyword)
    return any(key in grams for key in keys)


@lru_cache(maxsize=256)
def _pieces(text: str) -> tuple[tuple[tuple[str, int, int], ...], ...]:
    """The text's stemmed words with their spans, and again with joined tokens in parts (the
    sequences ``ngrams`` reads, with where each word sits). Cached: a text is looked up once
    for each of the profile's tools, so it is cut into words once, not once per tool."""
    words = tokenize(text.lower())
    seqs = [tuple((_stem(w), s, e) for w, s, e in words)]
    if any("/" in w or "-" in w for w, _, _ in words):
        split: list[tuple[str, int, int]] = []
        for w, s, _ in words:
            at = 0
            for part in _split_token(w):
                at = w.find(part, at)
                split.append((_stem(part), s + at, s + at + len(part)))
                at += len(part)
        seqs.append(tuple(split))
    return tuple(seqs)


def form_span(form: str, text: str) -> tuple[int, int] | None:
    """Where one name of a tool appears in the text as whole words (the match ``shown_in``
    makes, with its character span), or None."""
    keys = _keys(form)
    if not keys:
        return None
    # the words drop "#": "C#" would be shown by the C of "Series C" without this
    marks = set(form) & _MARKS
    for seq in _pieces(text):
        stemmed = [w for w, _, _ in seq]
        for key in keys:
            n = len(key)
            for i in range(len(stemmed) - n + 1):
                if tuple(stemmed[i : i + n]) == key:
                    start, end = seq[i][1], seq[i + n - 1][2]
                    if marks <= set(text[start : end + 1]):
                        # the span takes the name's marks as written: "C++", "C#", not "C+"
                        while end < len(text) and text[end] in _TRAILING and text[end] in form:
                            end += 1
                        return start, end
    return None


_MARKS = frozenset("#")
_TRAILING = frozenset("+#")


def tool_span(keyword: str, text: str, profile: Profile | None = None) -> tuple[int, int] | None:
    """Where the text first shows the keyword (any of ``tool_forms``: "PySpark" before
    "Databricks" in "PySpark on Databricks"), or None."""
    spans = [s for form in tool_forms(keyword, profile) if (s := form_span(form, text))]
    return min(spans) if spans else None


# A bullet that names this many of the resume's own skills is a list of them, not a use: it is
# evidence for none of them (the bullet score holds such a bullet to a 3 of 5 as well).
TOOL_LIST = 6


def skill_evidence(
    items: list[tuple[str, str]], listed: list[str], profile: Profile | None = None
) -> tuple[list[tuple[str, set[Key]]], set[Key]]:
    """Where the listed skills may count as shown in use: the items (location, text) that list
    ``TOOL_LIST`` or more of them, with their word runs, and the word runs of all the others."""
    lists: list[tuple[str, set[Key]]] = []
    others: set[Key] = set()
    for location, text in items:
        grams = ngrams([text])
        if len(outermost([k for k in listed if shown_in(k, grams, profile)])) >= TOOL_LIST:
            lists.append((location, grams))
        else:
            others |= grams  # the same runs ngrams() of all the others would give
    return lists, others


def outermost(names: list[str]) -> list[str]:
    """The names not inside another of them ("TensorFlow" in "TensorFlow Serving" is one)."""
    words = {n: n.lower().split() for n in names}
    return [
        n
        for n in names
        if not any(
            o != n and len(words[o]) > len(words[n]) and _contains(words[o], words[n])
            for o in names
        )
    ]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    k = len(shorter)
    return any(longer[i : i + k] == shorter for i in range(len(longer) - k + 1))
