"""The question a learner answers to add a missing element: a column of the element table."""

from __future__ import annotations

from .elements import ELEMENTS

QUESTIONS: dict[str, str] = {spec.name: spec.question for spec in ELEMENTS}


def question_for(element: str) -> str:
    return QUESTIONS.get(element, f"What would show the {element.replace('_', ' ')}?")
