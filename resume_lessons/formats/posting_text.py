"""A posting pasted from a job board (plain text or Markdown) as JSON Resume job data.

The first line is the title; a line such as "Company: Acme" fills that field, and so does the
short line right under the title ("Acme · Berlin · Full-time": its first part is the company,
the others its location and type) or a heading "About Acme"; a heading ("Responsibilities",
"What you'll do", "Requirements", "## Nice to have", "Our stack", ...) opens a section, and
each line under a list section is one item, with or without a bullet marker (pasting often
drops them); an indented line continues the item above. Lines under a "Nice to have",
"Bonus", "Preferred" or "Our stack" heading go to ``nice_to_have``, not ``qualifications``.
Everything else is the description.
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
            "must haves", "skills", "experience", "what you need", "essential",
            "essential skills", "essential criteria", "essential requirements", "required",
            "required skills", "required qualifications", "required experience",
        ),
        "qualifications",
    ),
    **dict.fromkeys(
        (
            "nice to have", "nice to haves", "bonus", "bonus points", "pluses", "preferred",
            "preferred qualifications", "preferred skills", "preferred experience",
            "extra credit", "even better", "our stack", "our tech stack", "tech stack",
            "the stack", "our tools", "tools we use", "technologies we use", "desirable",
            "desirable skills", "desirable experience", "desirable criteria", "desired",
            "desired skills", "desired qualifications", "desired experience", "good to have",
            "good to haves", "optional", "a plus", "plus",
        ),
        "nice_to_have",
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


# A heading that opens with one of these words lists what the posting would like, not needs:
# "Bonus points if you have:", "It's a plus if you know", "Nice-to-haves (any of)".
_NICE_OPENING = re.compile(
    r"^(?:(?:it's |it is |would be )?a plus|bonus|nice to haves?|pluses|preferred|"
    r"extra credit|even better|desirable|desired|good to haves?)\b"
)
_MAX_NICE_HEADING_WORDS = 5


def _heading(line: str) -> str:
    """The field a heading line opens, or ''."""
    words = re.sub(r"[#*_:.!?\-–—()]+", " ", line.lower().replace("’", "'")).split()
    if not words or len(words) > _MAX_HEADING_WORDS:
        return ""
    joined = " ".join(words)
    if joined in HEADINGS:
        return HEADINGS[joined]
    # an opening cue makes a heading only when the line reads as one: short, or ending in ':'
    short = len(words) <= _MAX_NICE_HEADING_WORDS or line.rstrip().endswith(":")
    if short and not line.rstrip().endswith(".") and _NICE_OPENING.match(joined):
        return "nice_to_have"
    return ""


_ABOUT = re.compile(r"^about\s+(.+?)[\s:]*$", re.IGNORECASE)


def _about_company(line: str) -> str:
    """The name a heading "About Acme Corp" gives: capitalised words, not a sentence."""
    hit = _ABOUT.match(line)
    if not hit or line.rstrip().endswith((".", "!", "?")):
        return ""
    name = hit.group(1).strip()
    words = name.split()
    if len(words) > _MAX_COMPANY_WORDS or not all(
        w[:1].isupper() or w[:1].isdigit() or w == "&" for w in words
    ):
        return ""
    return name


# The parts of the line under the title, as job boards paste it: "Acme · Berlin · Full-time"
_PARTS = re.compile(r"\s*(?:·|•|\||—|–|\s-\s)\s*")
_TYPE = re.compile(
    r"^(?:full[- ]?time|part[- ]?time|contract(?:or)?|permanent|temporary|freelance|"
    r"internship|fixed[- ]term)\b",
    re.IGNORECASE,
)
_REMOTE = re.compile(r"^(?:remote|hybrid|on[- ]?site|in[- ]office)\b", re.IGNORECASE)


_MAX_COMPANY_WORDS = 5


def _company_line(
    data: dict[str, Any], body: str, heading: str, bullet: bool, section: str, seen: list[str]
) -> dict[str, str]:
    """The line right under the title, as job boards paste it, names the company: not a
    heading, a bullet, a "Field: value" line or a sentence. Split by '·', '|', ' - ' or '—',
    its first part is the company and the others its location, remote policy and type.
    The fields it gives, or {}."""
    if (
        "company" in data
        or heading
        or bullet
        or section != "description"
        or seen
        or ":" in body
        or body.rstrip().endswith((".", "!", "?"))
    ):
        return {}
    first, *rest = [p for p in _PARTS.split(body) if p]
    if len(first.split()) > _MAX_COMPANY_WORDS or (not rest and body != first):
        return {}
    fields = {"company": first}
    for part in rest:
        key = "type" if _TYPE.match(part) else ("remote" if _REMOTE.match(part) else "location")
        if key not in data:
            fields.setdefault(key, part)
    return fields


def parse_posting(text: str) -> tuple[dict[str, Any], dict[Path_, int]]:
    """Posting data and the line of each field and item."""
    data: dict[str, Any] = {"responsibilities": [], "qualifications": [], "nice_to_have": []}
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
        about = "" if bullet or heading else _about_company(body)
        company = {} if about else _company_line(data, body, heading, bullet, section, description)
        if "title" not in data and not heading and not bullet:
            data["title"], lines[("title",)] = body, number
        elif company:  # "Northwind Marketplace", "Acme · Berlin · Full-time"
            for key, value in company.items():
                data[key], lines[(key,)] = value, number
        elif heading:
            section = heading
        elif about:  # "About Acme": the company's own section
            section = "description"
            if "company" not in data:
                data["company"], lines[("company",)] = about, number
        elif field and field.group(1).lower() not in data:
            key = field.group(1).lower()
            data[key], lines[(key,)] = field.group(2).strip(), number
        elif section in ("responsibilities", "qualifications", "nice_to_have"):
            items = data[section]
            if not bullet and source[:1].isspace() and items:
                items[-1] = f"{items[-1]} {body}"  # a wrapped item's next line
            else:
                lines[(section, len(items))] = number
                items.append(body)
        else:
            if section != "other":  # the description's k-th line: "description[k]"
                lines[("description", len(description))] = number
            (other if section == "other" else description).append(body)
            lines.setdefault((section if section == "other" else "description",), number)
    if not data["nice_to_have"]:
        del data["nice_to_have"]
    if description:
        data["description"] = "\n".join(description)
    if other:
        data["other"] = "\n".join(other)  # kept, not read: benefits, how to apply
    return data, lines
