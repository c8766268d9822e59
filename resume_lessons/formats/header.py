"""The top of a resume, before the first section: name, label, contact line, maybe a summary."""

from __future__ import annotations

import re
from typing import Any

from .base import Line, Unplaced
from .fields import EMAIL, PHONE, URL, is_location, is_title

_NETWORKS = {
    "linkedin": "LinkedIn",
    "github": "GitHub",
    "gitlab": "GitLab",
    "scholar.google": "Google Scholar",
    "twitter": "Twitter",
    "kaggle": "Kaggle",
}
_CONTACT_SEPARATORS = re.compile(r"\t|\s*[|·•◆⋅]\s*|\s{2,}|\s+[-–—]\s+")
_SUMMARY_MIN_WORDS = 12


def parse_header(lines: list[Line], *, take_summary: bool) -> tuple[dict[str, Any], list[Unplaced]]:
    basics: dict[str, Any] = {}
    unplaced: list[Unplaced] = []
    summary: list[str] = []
    for line in lines:
        text = line.text.strip()
        if _is_contact(text):
            unplaced.extend(Unplaced(line.number, t, "contact") for t in _contact(text, basics))
        elif "name" not in basics and len(text.split()) <= 5:
            basics["name"] = text.replace("\t", " ")
        elif "label" not in basics and not summary and len(text.split()) < _SUMMARY_MIN_WORDS:
            basics["label"] = text.replace("\t", " · ")
        elif take_summary and (summary or len(text.split()) >= _SUMMARY_MIN_WORDS):
            summary.append(text.replace("\t", " "))
        else:
            unplaced.append(Unplaced(line.number, text, "top of the resume"))
    if summary:
        basics["summary"] = " ".join(summary)
    return basics, unplaced


def _is_contact(text: str) -> bool:
    return bool(EMAIL.search(text) or URL.search(text) or PHONE.search(text))


def _contact(text: str, basics: dict[str, Any]) -> list[str]:
    """Fill email, phone, url, profiles and location; return the pieces that fit none."""
    left = []
    for piece in filter(None, (p.strip() for p in _CONTACT_SEPARATORS.split(text))):
        piece = re.sub(
            r"^(e-?mail|phone|tel|mobile|web|website|linkedin|github)\s*:\s*", "", piece, flags=re.I
        )
        if EMAIL.fullmatch(piece) and "email" not in basics:
            basics["email"] = piece
        elif URL.fullmatch(piece):
            _add_url(piece, basics)
        elif PHONE.fullmatch(piece) and "phone" not in basics:
            basics["phone"] = piece
        elif is_location(piece) and "location" not in basics:
            city, _, region = piece.partition(",")
            basics["location"] = (
                {"city": city.strip(), "region": region.strip()} if region else {"city": city}
            )
        elif _is_role(piece) and "label" not in basics:  # "Data Scientist · email · city"
            basics["label"] = piece
        else:
            left.append(piece)
    return left


_ROLE_MAX_WORDS = 8


def _is_role(piece: str) -> bool:
    """A job title as people put it in their contact line: a title word, a few words, no digits
    (the phrase a reader would take for the resume's label)."""
    words = piece.split()
    return is_title(piece) and len(words) <= _ROLE_MAX_WORDS and not re.search(r"\d|@", piece)


def _add_url(url: str, basics: dict[str, Any]) -> None:
    network = next((n for n in _NETWORKS if n in url.lower()), "")
    if not network and "url" not in basics:
        basics["url"] = url
        return
    name = _NETWORKS.get(network, "")
    basics.setdefault("profiles", []).append(
        {"network": name, "url": url} if name else {"url": url}
    )
