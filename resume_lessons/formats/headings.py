"""Section headings people use on resumes, mapped to JSON Resume sections."""

from __future__ import annotations

import re

from .dates import RANGE

_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "career summary",
        "executive summary",
        "profile",
        "professional profile",
        "about",
        "about me",
        "objective",
        "career objective",
        "overview",
        "introduction",
    ),
    "work": (
        "experience",
        "work experience",
        "professional experience",
        "relevant experience",
        "industry experience",
        "research experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "professional background",
        "career",
        "experience highlights",
    ),
    "projects": (
        "projects",
        "selected projects",
        "personal projects",
        "side projects",
        "key projects",
        "open source",
        "open source projects",
        "open source contributions",
    ),
    "publications": (
        "publications",
        "selected publications",
        "papers",
        "research",
        "publications and patents",
        "patents and publications",
        "publications and talks",
        "talks and publications",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "skills and tools",
        "tools",
        "technologies",
        "tools and technologies",
        "skills and technologies",
        "tech stack",
        "core competencies",
        "competencies",
        "expertise",
        "areas of expertise",
    ),
    "education": ("education", "academic background", "education and training", "academics"),
    "certificates": ("certifications", "certificates", "licenses and certifications"),
    "awards": ("awards", "honors", "honors and awards", "awards and honors", "achievements"),
    "languages": ("languages", "spoken languages"),
    "interests": ("interests", "hobbies", "hobbies and interests"),
}
SECTION_OF = {name: section for section, names in _HEADINGS.items() for name in names}


def normalise(text: str) -> str:
    text = text.strip().lower().replace("&", " and ")
    tokens = text.split()
    if len(tokens) > 3 and all(len(t) == 1 for t in tokens):  # "E X P E R I E N C E"
        text = "".join(tokens)
    return " ".join(re.sub(r"[^a-z ]", " ", text).split())


def section_of(text: str) -> str | None:
    """The section a heading names ('Work Experience' -> 'work'), or None."""
    if len(text.split()) > 6 or RANGE.search(text):
        return None
    return SECTION_OF.get(normalise(text))


def looks_like_heading(text: str) -> bool:
    """A short all-capitals line without digits: how plain-text resumes mark sections."""
    letters = [c for c in text if c.isalpha()]
    return (
        0 < len(text.split()) <= 4
        and len(letters) >= 3
        and all(c.isupper() for c in letters)
        and not any(c.isdigit() for c in text)
    )
