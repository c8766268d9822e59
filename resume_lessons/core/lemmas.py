"""The forms a token can stand for, so one vocabulary entry matches every inflection.

``keys("re-ranked")`` is {"re-ranked", "re-rank"}; ``keys("forecasting")`` is {"forecasting",
"forecast"}. A vocabulary phrase matches a text where, token by token, the two share a key:
"rank" finds "ranked", "ranking" and "re-ranks" needs only "re-rank". The lemmas come from
lemminflect's dictionary (every reading of the word, since a resume fragment gives no reliable
part of speech), and from its out-of-vocabulary rules for the verbs people coin
("productionized", "dockerizing"). Both sides go through this one function, so an odd lemma
on one side is the same odd lemma on the other.

An entry written with a leading "=" in the data files matches only that exact form.
"""

from __future__ import annotations

from functools import lru_cache

import lemminflect

_VERB_ENDINGS = ("ed", "ing")


@lru_cache(maxsize=1 << 16)
def keys(token: str) -> frozenset[str]:
    """The token itself and its lemmas; for a hyphenated token, the lemmas of its last part."""
    head, sep, last = token.rpartition("-")
    out = {token}
    if not last.isalpha():
        return frozenset(out)
    out.update(head + sep + lemma for lemma in _lemmas(last))
    return frozenset(out)


def _lemmas(word: str) -> set[str]:
    readings = lemminflect.getAllLemmas(word)
    if readings:
        return {lemma for forms in readings.values() for lemma in forms}
    if len(word) > 4 and word.endswith(_VERB_ENDINGS):
        return set(lemminflect.getAllLemmasOOV(word, "VERB").get("VERB", ()))
    return set()
