"""resume-lessons: learn to write a senior ML-engineering resume, one technique at a time."""

from __future__ import annotations

from .core.analyze import Analysis, analyze, score_item
from .core.drafts import Drafts, apply_drafts, load_drafts, save_drafts
from .core.elements import Element, explain
from .core.errors import ResumeError
from .core.findings import Finding
from .core.model import Resume
from .core.techniques import TECHNIQUES, get_technique
from .formats import load_resume, load_resume_with_warnings

__version__ = "0.1.0"

__all__ = [
    "TECHNIQUES",
    "Analysis",
    "Drafts",
    "Element",
    "Finding",
    "Resume",
    "ResumeError",
    "analyze",
    "apply_drafts",
    "explain",
    "get_technique",
    "load_drafts",
    "load_resume",
    "load_resume_with_warnings",
    "save_drafts",
    "score_item",
]
