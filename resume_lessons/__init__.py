"""resume-lessons: learn to write a senior ML-engineering resume, one technique at a time.

The names below are imported on first use (PEP 562), so ``import resume_lessons`` and the
CLI's ``--help`` stay fast; ``from resume_lessons import analyze`` works as usual.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "Analysis": ".core.analyze",
    "analyze": ".core.analyze",
    "score_item": ".core.analyze",
    "Drafts": ".core.drafts",
    "apply_drafts": ".core.drafts",
    "load_drafts": ".core.drafts",
    "save_drafts": ".core.drafts",
    "Element": ".core.elements",
    "explain": ".core.elements",
    "ResumeError": ".core.errors",
    "Finding": ".core.findings",
    "Resume": ".core.model",
    "TECHNIQUES": ".core.techniques",
    "get_technique": ".core.techniques",
    "load_resume": ".formats",
    "load_resume_with_warnings": ".formats",
}

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
]  # the keys of _EXPORTS

if TYPE_CHECKING:
    from .core.analyze import Analysis, analyze, score_item
    from .core.drafts import Drafts, apply_drafts, load_drafts, save_drafts
    from .core.elements import Element, explain
    from .core.errors import ResumeError
    from .core.findings import Finding
    from .core.model import Resume
    from .core.techniques import TECHNIQUES, get_technique
    from .formats import load_resume, load_resume_with_warnings


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'resume_lessons' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value
