"""ipywidgets for the lessons. They wire the pure functions together; no analysis lives here."""

from __future__ import annotations

from ._throttle import Throttle
from .builder import BulletBuilder
from .publications import PublicationPicker
from .rewriter import BulletRewriter, SummaryRewriter, empty_item
from .skills import SkillsSorter
from .tailor import TailorMatcher

__all__ = [
    "BulletBuilder",
    "BulletRewriter",
    "PublicationPicker",
    "SkillsSorter",
    "SummaryRewriter",
    "TailorMatcher",
    "Throttle",
    "empty_item",
]
