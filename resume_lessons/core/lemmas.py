"""The forms a token can stand for, so one vocabulary entry matches every inflection.

``keys("re-ranked")`` is {"re-ranked", "re-rank"}; ``keys("forecasting")`` is {"forecasting",
"forecast"}. A vocabulary phrase matches a text where, token by token, the two share a key:
"rank" finds "ranked", "ranking" and "re-ranks" needs only "re-rank". The lemmas come from
lemminflect's dictionary (every reading of the word, since a resume fragment gives no reliable
part of speech), and from its out-of-vocabulary rules for the verbs people coin
("productionized", "dockerizing"). Both sides go through this one function, so an odd lemma
on one side is the same odd lemma on the other.

An entry written with a leading "=" in the data files matches only that exact form.

Start-up: loading lemminflect's dictionary (and the NumPy its rules need) costs a command
about 0.3 s, more than the rest of `resume-lessons check`. So the answers lemminflect gives for
lowercase words are kept in a cache file (see ``cache_dir``): its whole dictionary, read once
per lemminflect version, and the out-of-vocabulary lemmas of the words met so far. A command
then imports lemminflect only for a word the file does not have yet. The file holds nothing but
lemminflect's own answers, so it cannot go stale while the version stays the same; when it
cannot be read or written, lemminflect answers as before.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

_VERB_ENDINGS = ("ed", "ing")
_FORMAT = 1  # of the cache file; a new layout takes a new number, so a new file name
CACHE_ENV = "RESUME_LESSONS_CACHE_DIR"


@lru_cache(maxsize=1 << 16)
def keys(token: str) -> frozenset[str]:
    """The token itself and its lemmas; for a hyphenated token, the lemmas of its last part;
    for a possessive ("tracker's"), the keys of the word it is made of."""
    if token.endswith("'s") and len(token) > 3:
        return frozenset({token, *keys(token[:-2])})
    head, sep, last = token.rpartition("-")
    out = {token}
    if not last.isalpha():
        return frozenset(out)
    out.update(head + sep + lemma for lemma in _lemmas(last))
    return frozenset(out)


@lru_cache(maxsize=1 << 16)
def readings(word: str) -> dict[str, tuple[str, ...]]:
    """``lemminflect.getAllLemmas(word)``: {part of speech: lemmas}, e.g. "ranked" gives
    {"VERB": ("rank",)}; {} for a word not in its dictionary. The dict is shared: do not
    change it."""
    if word != word.lower():  # the cache has lowercase words only; tokens are lowercase
        return _lemminflect().getAllLemmas(word)
    encoded = _cache()["dictionary"].get(word)
    return _decode(encoded) if encoded else {}


def _lemmas(word: str) -> set[str]:
    found = readings(word)
    if found:
        return {lemma for forms in found.values() for lemma in forms}
    if len(word) > 4 and word.endswith(_VERB_ENDINGS):
        return set(_oov_verb_lemmas(word))
    return set()


def _oov_verb_lemmas(word: str) -> tuple[str, ...]:
    """lemminflect's rules for a verb it does not know ("dockerized"), remembered in the file."""
    data = _cache()
    known = data["oov"].get(word)
    if known is None:
        known = tuple(_lemminflect().getAllLemmasOOV(word, "VERB").get("VERB", ()))
        data["oov"][word] = known
        _save_at_exit(data)
    return known


def _lemminflect() -> ModuleType:
    import lemminflect  # imports NumPy: only for what the cache file lacks

    return lemminflect


# The dictionary is stored as {word: "NOUN/lemma/lemma,VERB/lemma"}: one string per word loads
# several times faster than a dict of tuples. lemminflect's data files split a word's lemmas on
# "/" and its fields on ",", so neither character is in a lemma; a test holds the round trip.
def _encode(found: dict[str, tuple[str, ...]]) -> str:
    return ",".join("/".join((pos, *forms)) for pos, forms in found.items())


def _decode(encoded: str) -> dict[str, tuple[str, ...]]:
    return {pos: tuple(forms) for pos, *forms in (part.split("/") for part in encoded.split(","))}


def cache_dir() -> Path:
    """Where the cache file lives: $RESUME_LESSONS_CACHE_DIR, else the user's cache folder
    ($XDG_CACHE_HOME, by default ~/.cache) under resume-lessons/."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "resume-lessons"


def cache_file() -> Path:
    """The file for this lemminflect version and this Python (marshal's format is Python's)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        lemminflect_version = version("lemminflect")
    except PackageNotFoundError:  # importable without its metadata (a source checkout)
        lemminflect_version = _lemminflect().__version__
    tag = f"{sys.implementation.cache_tag}-lemminflect-{lemminflect_version}-{_FORMAT}"
    return cache_dir() / f"lemmas-{tag}.marshal"


@cache
def _cache() -> dict[str, dict[str, Any]]:
    """{"dictionary": {word: encoded readings}, "oov": {word: lemmas}}: the file, or built anew."""
    path = cache_file()
    try:
        data = marshal.loads(path.read_bytes())
        if isinstance(data.get("dictionary"), dict) and isinstance(data.get("oov"), dict):
            return data
    except (OSError, EOFError, ValueError, TypeError, AttributeError):
        pass  # none yet, unreadable or broken: build it
    data = {"dictionary": _dictionary(), "oov": {}}
    _save(path, data)
    return data


def _dictionary() -> dict[str, str]:
    """lemminflect's answer for every lowercase word it has an entry for, encoded."""
    get_all_lemmas = _lemminflect().getAllLemmas
    from lemminflect.core.Lemmatizer import Lemmatizer

    # lemminflect has no public list of its words: they come from its tables (private calls),
    # and each word's entry from its public getAllLemmas, so the file says what it says.
    tables = Lemmatizer()
    words = set(tables._getLemmaDict()) | set(tables._getOverridesDict())
    out = {}
    for word in sorted(words):
        found = get_all_lemmas(word) if word == word.lower() else None
        if found:
            out[word] = _encode(found)
    return out


def _save(path: Path, data: dict[str, dict[str, Any]]) -> None:
    """Write the file whole, through a temporary file and a rename, so that a reader never sees
    half of it; a folder that cannot be written leaves the cache in memory only."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(data, f)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


_pending: set[int] = set()  # id() of the cache data that has an exit-time save registered


def _save_at_exit(data: dict[str, dict[str, Any]]) -> None:
    """Save new out-of-vocabulary lemmas once, when the process ends, not once per word."""
    if id(data) not in _pending:
        _pending.add(id(data))
        atexit.register(_save, cache_file(), data)
