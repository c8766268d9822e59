"""resume-lessons: learn to write a senior ML-engineering resume, one technique at a time."""

from __future__ import annotations

from .analyze import Analysis, analyze, score_item
from .drafts import Drafts, apply_drafts, load_drafts, save_drafts
from .elements import Element, explain
from .errors import ResumeError
from .findings import Finding
from .loader import load_resume, load_resume_with_warnings
from .model import Resume
from .techniques import TECHNIQUES, get_technique

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
