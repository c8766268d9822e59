"""A posting pasted from a job board (plain text or Markdown) as JSON Resume job data.

The first line is the title; a line such as "Company: Acme" fills that field; a heading
("Responsibilities", "What you'll do", "Requirements", "## Nice to have", ...) opens a section,
and each line under a list section is one item, with or without a bullet marker (pasting often
drops them); an indented line continues the item above. Everything else is the description.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.parsing import Path_
from .base import split_bullet
from .text import inline

# A heading's words (lowercase, without punctuation) -> the field its lines go to.
HEADINGS: dict[str, str] = {
    **dict.fromkeys(
        (
            "responsibilities", "key responsibilities", "what you will do", "what you'll do",
            "what you will be doing", "what you'll be doing", "in this role", "the role",
            "your role", "day to day", "duties", "you will", "the job",
        ),
        "responsibilities",
    ),
    **dict.fromkeys(
        (
            "qualifications", "requirements", "minimum qualifications", "basic qualifications",
            "preferred qualifications", "what we're looking for", "what we are looking for",
            "what you bring", "who you are", "about you", "you have", "must have",
            "must haves", "nice to have", "nice to haves", "bonus points", "skills",
            "experience", "what you need",
        ),
        "qualifications",
    ),
    **dict.fromkeys(
        ("about", "about us", "about the team", "the team", "overview", "description",
         "who we are", "about the role", "why this role"),
        "description",
    ),
    **dict.fromkeys(
        ("benefits", "perks", "compensation", "what we offer", "how to apply", "salary"),
        "other",
    ),
}  # fmt: skip
FIELDS = ("company", "location", "type", "remote", "salary", "date", "experience")
_FIELD = re.compile(rf"^({'|'.join(FIELDS)})\s*:\s*(.+)$", re.IGNORECASE)
_MAX_HEADING_WORDS = 7


def _heading(line: str) -> str:
    """The field a heading line opens, or ''."""
    words = re.sub(r"[#*_:.!?\-–—]+", " ", line.lower().replace("’", "'")).split()
    if not words or len(words) > _MAX_HEADING_WORDS:
        return ""
    return HEADINGS.get(" ".join(words), "")


_MAX_COMPANY_WORDS = 5


def _company_line(
    data: dict[str, Any], body: str, heading: str, bullet: bool, section: str, seen: list[str]
) -> bool:
    """The short line right under the title, as job boards paste it, names the company:
    not a heading, a bullet, a "Field: value" line or a sentence."""
    return (
        "company" not in data
        and not heading
        and not bullet
        and section == "description"
        and not seen
        and ":" not in body
        and not body.rstrip().endswith((".", "!", "?"))
        and len(body.split()) <= _MAX_COMPANY_WORDS
    )


def parse_posting(text: str) -> tuple[dict[str, Any], dict[Path_, int]]:
    """Posting data and the line of each field and item."""
    data: dict[str, Any] = {"responsibilities": [], "qualifications": []}
    lines: dict[Path_, int] = {}
    description: list[str] = []
    other: list[str] = []
    section = "description"
    for number, source in enumerate(text.splitlines(), start=1):
        if not source.strip():
            continue
        bullet, body = split_bullet(source)
        body = inline(body.lstrip("#").strip())
        if not body:
            continue
        field = _FIELD.match(body)
        heading = "" if bullet else _heading(body)
        if "title" not in data and not heading and not bullet:
            data["title"], lines[("title",)] = body, number
        elif _company_line(data, body, heading, bullet, section, description):
            data["company"], lines[("company",)] = body, number  # "Northwind Marketplace"
        elif heading:
            section = heading
        elif field and field.group(1).lower() not in data:
            key = field.group(1).lower()
            data[key], lines[(key,)] = field.group(2).strip(), number
        elif section in ("responsibilities", "qualifications"):
            items = data[section]
            if not bullet and source[:1].isspace() and items:
                items[-1] = f"{items[-1]} {body}"  # a wrapped item's next line
            else:
                lines[(section, len(items))] = number
                items.append(body)
        else:
            (other if section == "other" else description).append(body)
            lines.setdefault((section if section == "other" else "description",), number)
    if description:
        data["description"] = "\n".join(description)
    if other:
        data["other"] = "\n".join(other)  # kept, not read: benefits, how to apply
    return data, lines
