"""Markdown and plain-text resumes: headings from '#' lines, underlines or capitals, bullets from
their markers, wrapped lines joined back into their bullet."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.files import read_text
from .base import Document, Line, check_lines, clean, join_wrapped, split_bullet
from .entries import is_header_like, starts_role

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_HELD = 0xF0000  # Supplementary Private Use Area-A: no resume's text uses it
_HELD_RANGE = "[\U000f0000-\U000ffffd]"
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)|`([^`]*)`")


def read_lines(path: Path) -> Document:
    text = read_text(path)
    check_lines(enumerate(text.splitlines(), start=1), str(path))  # before any pattern runs
    return Document(parse_text(text))


def parse_text(text: str) -> list[Line]:
    raw = text.splitlines()
    lines: list[Line] = []
    gap = False
    in_comment = False
    for number, source in enumerate(raw, start=1):
        if "<!--" in source:
            in_comment = "-->" not in source
            continue
        if in_comment:
            in_comment = "-->" not in source
            continue
        if not source.strip() or _is_table_rule(source):
            gap = True
            continue
        nxt = raw[number] if number < len(raw) else ""
        if _SETEXT.match(source) and lines and not gap and lines[-1].number == number - 1:
            lines[-1].heading = 1 if source.strip()[0] == "=" else 2
            gap = False
            continue
        if _RULE.match(source):
            gap = True
            continue
        line = _line(source, number, gap)
        indented = len(source) - len(source.lstrip()) >= 2
        if lines and not gap and _continues(lines[-1], line, indented, nxt):
            lines[-1].text = join_wrapped(lines[-1].text, line.text)
        else:
            lines.append(line)
        gap = False
    return [ln for ln in lines if ln.text]


def _line(source: str, number: int, gap: bool) -> Line:
    heading = 0
    atx = _ATX.match(source)
    if atx:
        heading, source = len(atx.group(1)), atx.group(2)
    if source.strip().startswith("|"):  # a Markdown table row: cells become fields
        source = "\t".join(c.strip() for c in source.strip().strip("|").split("|"))
    bullet, body = (False, source.strip()) if heading else split_bullet(source)
    bold = bool(re.fullmatch(r"\s*(\*\*|__)[^*_]+\1\s*:?\s*", body))
    return Line(inline(body), number, bullet=bullet, heading=heading, bold=bold, gap_before=gap)


def _continues(previous: Line, line: Line, indented: bool, nxt: str) -> bool:
    """A wrapped line: not a bullet, heading or role line itself, under a bullet or a paragraph."""
    if line.bullet or line.heading or previous.heading or _SETEXT.match(nxt):
        return False
    if not indented and starts_role(line, _line(nxt, line.number + 1, False)):
        return False  # 'Title — Company, City, ST' over its dates, right under the last bullet
    if previous.bullet:
        return indented or not is_header_like(line) or line.text[:1].islower()
    prose = len(previous.text.split()) >= 8 and not previous.text.endswith((".", ":"))
    return (prose and not is_header_like(line)) or (prose and line.text[:1].islower())


def _is_table_rule(source: str) -> bool:
    return bool(re.fullmatch(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*", source))


def inline(text: str) -> str:
    """Markdown inline markup to plain text; a link keeps its address."""

    def link(match: re.Match[str]) -> str:
        label, url = match.group(1).strip(), match.group(2)
        if url.startswith("mailto:"):
            return url[len("mailto:") :]
        if not label or label.rstrip("/") in url:
            return url
        return f"{label} {url}"

    # An escaped character is text, never markup: held aside (as a private-use character)
    # while links and emphasis are read, so '\*' stays a '*' and 'a\_b' an 'a_b'.
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group(1))
        return chr(_HELD + len(held) - 1)

    def back(match: re.Match[str]) -> str:
        i = ord(match.group()) - _HELD
        return held[i] if i < len(held) else match.group()

    text = _ESCAPE.sub(hold, text) if "\\" in text else text
    text = _LINK.sub(link, text)
    for _ in range(2):  # nested emphasis: ***x***
        text = _EMPHASIS.sub(lambda m: next(g for g in m.groups()[1:] if g is not None), text)
    text = re.sub(r"<br\s*/?>|\s{2,}$", " ", text)
    if held:
        text = re.sub(_HELD_RANGE, back, text)
    return clean(text)
