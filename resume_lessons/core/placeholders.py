"""Placeholders a writer left for facts: "X%", "$XXm", "replaced X with Y". They state nothing."""

from __future__ import annotations

import re

# A lone capital X, Y or Z (or XX, XXX), alone or with a unit: "X%", "$XM", "Xx faster".
_PLACEHOLDER = re.compile(r"(?<![\w-])\$?(?:X{1,3}|Y|Z)(?:%|[kKmMbB]|x)?(?![\w-])")


# A prompt left in place of the words: "[what did you build?]", "TODO", "TBD", "???".
_PROMPT = re.compile(r"\[[^\]]*\?\s*\]|(?<![\w-])(?:TODO|TBD)(?![\w-])|\?\?\?")


def has_placeholder(text: str) -> bool:
    """Whether the text holds a placeholder instead of a fact."""
    return _PLACEHOLDER.search(text) is not None or _PROMPT.search(text) is not None
