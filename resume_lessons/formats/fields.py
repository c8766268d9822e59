"""Read the fields of one resume entry from its text: a role header, a degree, a paper, a
skills line, a contact line. Pure functions; whatever they cannot place they hand back."""

from __future__ import annotations

import re

from .dates import find_range

# Words that make a phrase a job title, and words that make one an organisation.
_TITLE = re.compile(
    r"\b(engineer|engineering|scientist|developer|analyst|manager|lead|head|director|"
    r"architect|researcher|research|intern|internship|consultant|founder|co-founder|cto|ceo|"
    r"vp|president|officer|specialist|associate|assistant|fellow|professor|lecturer|student|"
    r"postdoc|staff|principal|programmer|designer|administrator|owner|partner|advisor|"
    r"technician|coordinator|member|sde|swe|mle)\b",
    re.IGNORECASE,
)
_ORG = re.compile(
    r"\b(inc|llc|ltd|gmbh|corp|corporation|company|co|labs?|technologies|systems|group|"
    r"bank|university|college|institute|school|agency|studio|ventures)\b\.?",
    re.IGNORECASE,
)
_SCHOOL = re.compile(
    r"\b(university|universit[éäa]t?|college|institute|school|academy|polytechnic|iit|mit|"
    r"eth|epfl|ucla|cmu|nyu|hochschule|[ée]cole)\b",
    re.IGNORECASE,
)
_DEGREE = re.compile(
    r"^(ph\.?\s?d\.?|doctorate|m\.?\s?s\.?c?\.?|m\.?\s?eng\.?|m\.?\s?a\.?|mba|m\.?\s?tech|"
    r"b\.?\s?s\.?c?\.?|b\.?\s?a\.?|b\.?\s?eng\.?|b\.?\s?tech|b\.?\s?e\.?|bachelor[’']?s?(?: of \w+)?|"
    r"master[’']?s?(?: of \w+)?|associate[’']?s?(?: of \w+)?|diploma|a\.?a\.?s\.?)"
    r"\.?(?=$|[\s,])",  # the abbreviation's own full stop: 'B.Tech.', 'M.Tech.'
    re.IGNORECASE,
)
_LOCATION = re.compile(
    r"^(remote|hybrid|on-?site|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*,\s*(?:[A-Z]{2}|[A-Z][a-z]+"
    r"(?: [A-Z][a-z]+)*))$"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"(?:https?://|www\.)[^\s,;|]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|org|net|ai|me)/[^\s,;|]*"
)
PHONE = re.compile(r"\+?\(?\d[\d ()./-]{7,}\d")  # +1 415 555 0100, (206) 555-0147
# Strong separators between fields of a header; a comma only separates when nothing else does.
_PUBLICATION_FIELDS = re.compile(r"\t+|\s+[—–|]\s+")
# An author as a citation writes one, with initials: 'Raman, P.', 'Raman P.', 'P. Raman'.
_INITIALS = r"[A-Z]\.(?:\s?[A-Z]\.){0,2}"
_AUTHOR = re.compile(rf"[A-Z][\w'’-]+,?\s{_INITIALS}|{_INITIALS}\s?[A-Z][\w'’-]+|et al\.")
# The author list a citation opens with, up to the year, the title or a quote.
_AUTHORS = re.compile(
    rf"(?:{_AUTHOR.pattern})(?:(?:\s*[,;]\s*|\s+)(?:(?:and|&)\s+)?(?:{_AUTHOR.pattern}))*"
    r"(?=[.,:]?(?:\s|$))"
)
_STRONG = re.compile(r"\t+|\s+[—–|·•]\s+|\s+-\s+|\s+@\s+|\s+at\s+(?=[A-Z])")


def is_title(text: str) -> bool:
    return bool(_TITLE.search(text))


def is_school(text: str) -> bool:
    return bool(_SCHOOL.search(text))


def is_location(text: str) -> bool:
    return bool(_LOCATION.match(text.strip())) and not is_title(text)


def fragments(text: str) -> list[str]:
    """Split a header into its fields on tabs, dashes, bars, '@' and ' at '."""
    parts = [p.strip(" ,;:|·•—–-()") for p in _STRONG.split(text)]
    return [p for p in parts if p]


def parse_role_header(lines: list[str]) -> dict[str, str | None]:
    """Company, position, dates and location from the lines above a role's bullets."""
    out: dict[str, str | None] = {}
    pieces: list[str] = []
    for line in lines:
        found = find_range(line) if "startDate" not in out else None
        if found:
            out["startDate"], out["endDate"], line = found
        pieces.extend(fragments(line))
    if len(pieces) == 1 and "," in pieces[0]:  # "Title, Company" with nothing stronger
        first, *place = _split_place(pieces[0], keep=2)
        pieces = [*_split_title_comma(first), *place]
    else:  # "Title — Company, City, ST": the place is not part of the company's name; a
        # "Title, Company" line over a "City | dates" line is split at its comma
        titles = [p for p in pieces if is_title(p)]
        comma_titled = (
            len(titles) == 1
            and "," in titles[0]
            and all(is_location(p) for p in pieces if p is not titles[0])
        )
        pieces = [
            part
            for p in pieces
            for part in (
                (_split_title_comma(p) if comma_titled and "," in p else [p])
                if is_title(p)
                else _split_place(p, 1)
            )
        ]
    rest = []
    for piece in pieces:
        if "location" not in out and is_location(piece):
            out["location"] = piece
        else:
            rest.append(piece)
    titled = [p for p in rest if is_title(p) and not _ORG.search(p)]
    if titled:
        out["position"] = titled[0]
        others = [p for p in rest if p is not titled[0]]
    else:  # no title word anywhere: the first field is the title, as in "Title — Company"
        out["position"] = rest[0] if len(rest) > 1 else None
        others = rest[1:] if len(rest) > 1 else rest
    if others:
        out["name"] = others[0]
        if len(others) > 1:
            out["extra"] = " · ".join(others[1:])
    return out


def _split_place(text: str, keep: int) -> list[str]:
    """'Lumenly Health, Seattle, WA' -> ['Lumenly Health', 'Seattle, WA']: a 'City, ST' that
    ends a field is a place, split off when at least `keep` comma parts stay before it (so
    'Senior ML Engineer, Risk, Northwind' keeps its company)."""
    parts = [p.strip() for p in text.split(",")]
    place = ", ".join(parts[-2:])
    if len(parts) >= keep + 2 and is_location(place):
        return [", ".join(parts[:-2]), place]
    return [text]


def _split_title_comma(text: str) -> list[str]:
    parts = [p.strip() for p in text.split(",")]
    # "Senior ML Engineer, Risk, Northwind": the company is the last part after the title
    if len(parts) >= 2 and is_title(parts[0]) and not is_title(parts[-1]):
        return [", ".join(parts[:-1]), parts[-1]]
    return [text]


def parse_education(text: str) -> dict[str, str | None]:
    """Institution, degree, field and dates from one education line (or joined lines)."""
    out: dict[str, str | None] = {}
    found = find_range(text)
    if found:
        out["startDate"], out["endDate"], text = found
    pieces = fragments(text)
    if len(pieces) <= 1:
        pieces = [p.strip() for p in text.replace("\t", ",").split(",") if p.strip()]
    school = next((p for p in pieces if _SCHOOL.search(p)), None)
    rest = [p for p in pieces if p is not school]
    if school is None and rest:
        school = rest.pop()
    out["institution"] = school
    degree_parts = []
    for piece in rest:
        match = _DEGREE.match(piece)
        if match and "studyType" not in out:
            out["studyType"] = match.group(0).strip()
            area = re.sub(r"^\s*(in|of|,)\s+", "", piece[match.end() :]).strip(" ,")
            if area:
                degree_parts.append(area)
        elif is_location(piece) and "location" not in out:
            out["location"] = piece
        else:
            degree_parts.append(piece)
    if degree_parts:
        out["area"] = ", ".join(degree_parts)
    return out


def parse_publication(text: str) -> dict[str, str | None]:
    """Title, venue, date and link of a paper; text without a clear split stays the title."""
    out: dict[str, str | None] = {}
    url = URL.search(text)
    if url:
        out["url"] = url.group(0).rstrip(".")
        text = text[: url.start()] + text[url.end() :]
    found = find_range(text)
    if found:
        out["releaseDate"], text = found[1], found[2]
    authors, text = _leading_authors(text)
    if authors:  # kept as rendercv keeps them; JSON Resume has no field for them
        out["authors"] = authors
    quoted = re.search(r"[\"“](.+?)[\"”]", text)
    if quoted:
        out["name"] = quoted.group(1).strip(" .,")
        out["publisher"] = _venue(text[: quoted.start()] + " " + text[quoted.end() :])
        return out
    # "Title — Venue, 2019 — what it describes": at most three fields, the last kept whole
    pieces = [p.strip(" ,;:|—–") for p in _PUBLICATION_FIELDS.split(text, maxsplit=2)]
    pieces = [p for p in pieces if p.strip(".")]  # not the '.' after "…, 2019."
    if authors and len(pieces) == 1:  # "Title. In Proceedings of …": a citation's sentences
        title, *venue = re.split(r"(?<=[.?!])\s+", pieces[0], maxsplit=1)
        pieces = [_tidy(title), *(_venue(v) for v in venue)]
    out["name"] = pieces[0] if pieces else ""
    if len(pieces) > 1:
        out["publisher"] = pieces[1]
    if len(pieces) > 2:
        out["summary"] = pieces[2]
    return out


def _leading_authors(text: str) -> tuple[list[str], str]:
    """(['Raman, P.', 'Okafor, J.'], the rest) for a citation that opens with its authors;
    ([], text) for one that opens with its title."""
    match = _AUTHORS.match(text)
    if not match:
        return [], text
    authors = [a.group(0) for a in _AUTHOR.finditer(match.group(0))]
    return authors, re.sub(r"^[\s.,:]+", "", text[match.end() :])


def _venue(text: str) -> str:
    """'In Proceedings of …' -> 'Proceedings of …': the venue without the citation's 'In'."""
    return re.sub(r"^in\b:?\s*", "", _tidy(text), flags=re.IGNORECASE)


def _tidy(text: str) -> str:
    """Spaces and stray punctuation off a field's ends; a bracket only when nothing in the
    field matches it, so 'Workshop on Clinical NLP (ClinicalNLP @ NAACL)' keeps its ')'."""
    text = re.sub(r"\s+", " ", text.replace("\t", " ")).replace("( ", "(").replace(" )", ")")
    text = text.strip(" .,;:-–—")
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    if text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:]
    if re.fullmatch(r"\([^()]*\)", text):  # '"Title" (NeurIPS 2019)': the venue is inside
        text = text[1:-1]
    return text.strip(" .,;:-–—")


def split_keywords(text: str) -> list[str]:
    """'Python, SQL (Spark, Hive); Go' -> ['Python', 'SQL (Spark, Hive)', 'Go']."""
    out, depth, current = [], 0, ""
    for char in text:
        depth += 1 if char in "([" else -1 if char in ")]" else 0
        if depth <= 0 and char in ",;|•·":
            out.append(current)
            current = ""
        else:
            current += char
    out.append(current)
    return [k.strip(" .") for k in out if k.strip(" .")]


def parse_skills(text: str) -> tuple[str, list[str]]:
    """'Languages: Python, SQL' -> ('Languages', ['Python', 'SQL']); no label -> ('', [...])."""
    label, sep, rest = text.partition(":")
    if sep and len(label.split()) <= 5 and "," not in label:
        return label.strip(" *"), split_keywords(rest)
    if "\t" in text:  # "Languages<tab>Python, SQL" from a two-column table
        label, rest = text.split("\t", 1)
        return label.strip(), split_keywords(rest)
    return "", split_keywords(text)
