"""`resume-lessons explain TEXT`: the elements of one bullet or summary, with their spans."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from ..core.limits import MAX_LINE_CHARS
from .options import DEFAULT_PROFILE, add_profile

if TYPE_CHECKING:
    from ..core.elements import Element


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explain",
        help="show the parts of one bullet or summary",
        description="Show the parts the kit finds in one bullet or summary (stage, decision, "
        "metric, scale…) with their spans; for a bullet, its bullet score and what it is "
        "missing; for a summary, its T1 score and checklist: the same answer a lesson gives.",
    )
    p.add_argument(
        "text", metavar="TEXT", help="the bullet or summary; '-' reads one text per line from stdin"
    )
    p.add_argument(
        "--kind",
        choices=("auto", "bullet", "summary"),
        default="auto",
        help="what the text is: a bullet (a highlight of a role or project) or a summary "
        "(basics.summary); each is looked at for its own elements. auto: a summary when it "
        "opens with a role ('ML engineer with…') or gives years of experience, else a bullet "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: the text with each element marked ^^^ under it; json: each element's "
        "name, start and end offsets, text and value (with TEXT '-', one JSON line per input "
        "line whatever the format) (default: %(default)s)",
    )
    add_profile(p)
    p.set_defaults(func=run)


_YEARS = re.compile(r"\b\d+\+?\s*(?:years?|yrs?)\b(?:\s+of)?\s+(?:experience|industry)", re.I)
_OPENING_WORDS = 6


def guess_kind(text: str, profile: str = "") -> str:
    """ "summary" for a text that opens with a role ("Senior ML engineer with…", "Data scientist
    in fraud") or gives years of experience; "bullet" otherwise. A bullet opens with a verb."""
    from ..core.elements import explain
    from ..core.profile import DEFAULT_PROFILE, load_profile

    prof = load_profile(profile or DEFAULT_PROFILE)
    opening = [
        e for e in explain(text, "bullet", prof) if e.name in ("action_verb", "weak_opening")
    ]
    # a verb first, not a gerund that may be a field's name ("Forecasting lead; 8 years …")
    if any(
        e.start == 0 and e.value not in ("no verb", "role") and not e.text.lower().endswith("ing")
        for e in opening
    ):
        return "bullet"  # "Mentored 4 engineers …": a verb first, whatever the role nouns after
    if _YEARS.search(text):
        return "summary"
    roles = {w.lower() for w in prof.words("verbs", "role_nouns")}
    words = re.findall(r"[\w'-]+", text.lower())[:_OPENING_WORDS]
    for word in words:
        if word.rstrip("s") in roles or word in roles:
            return "summary"
        if word in _ROLE_LINKS:
            break  # "with", "in", "at": the role, if any, came before
    return "bullet"


_ROLE_LINKS = frozenset({"with", "in", "at", "for", "who", "and", "on", "to", "by", "from"})


def to_dict(
    text: str, elements: list[Element], kind: str = "bullet", profile: str = ""
) -> dict[str, object]:
    """The elements, and for a bullet its overall score and what it is missing."""
    data: dict[str, object] = {
        "text": text,
        "elements": [
            {"name": e.name, "start": e.start, "end": e.end, "text": e.text, "value": e.value}
            for e in elements
        ],
    }
    if kind == "bullet":
        from ..core.bullet_score import score_bullet

        rated = score_bullet(text, profile or DEFAULT_PROFILE, elements).to_dict()
        data["score"], data["missing"] = rated["score"], rated["missing"]
        data["penalties"], data["capped"] = rated["penalties"], rated["capped"]
    else:  # a summary is scored by T1's checklist, as lesson 01 shows it
        from ..core.analyze import score_item
        from ..core.techniques import get_technique

        item = score_item(text, "summary", get_technique("T1"), profile or DEFAULT_PROFILE)
        data["score"] = item.score
        data["checklist"] = [
            {"line": c.label, "points": c.points, "earned": c.earned} for c in item.checklist
        ]
        data["missing"] = [
            {"code": f.code, "message": f.message, "question": f.suggestion}
            for f in item.findings
            if f.points
        ]
    return data


def stdin_lines(stream: TextIO, limit: int = MAX_LINE_CHARS) -> Iterator[str]:
    """The lines of standard input, each read with a cap (stdin may be /dev/zero)."""
    from ..core.errors import ResumeError

    number = 0
    while line := stream.readline(limit + 2):
        number += 1
        text = line.rstrip("\n")
        if len(text) > limit:
            raise ResumeError.single(
                "<stdin>",
                f"this line is longer than {limit:,} characters",
                line=number,
                hint="give one bullet or summary per line",
                what="input",
            )
        yield text


def run(args: argparse.Namespace) -> int:
    import json

    from ..core.elements import explain

    if args.text == "-":
        for text in stdin_lines(sys.stdin):
            kind = guess_kind(text, args.profile) if args.kind == "auto" else args.kind
            data = to_dict(text, explain(text, kind, args.profile), kind, args.profile)
            print(json.dumps({**data, "kind": kind}, ensure_ascii=False))
        return 0
    if not args.text.strip():
        from ..core.errors import ResumeError

        raise ResumeError.single(
            "<argument>",
            "the text is empty",
            hint="give a bullet or summary in quotes",
            what="input",
        )
    guessed = args.kind == "auto"
    if guessed:
        args.kind = guess_kind(args.text, args.profile)
    elements = explain(args.text, args.kind, args.profile)
    if args.format == "json":
        data = to_dict(args.text, elements, args.kind, args.profile)
        print(json.dumps({**data, "kind": args.kind}, indent=2, ensure_ascii=False))
        return 0
    if guessed:
        other = "bullet" if args.kind == "summary" else "summary"
        print(f"(read as a {args.kind}; --kind {other} reads it as a {other})")
    print(args.text)
    for e in elements:
        marker = " " * e.start + "^" * max(1, e.end - e.start)
        print(f"{marker}  {e.name}")
    if not elements:
        print("(no elements found)")
    if args.kind == "summary":
        data = to_dict(args.text, elements, args.kind, args.profile)
        print(f"\nT1 score: {data['score']}/100 (this summary alone, on T1's checklist)")
        for line in data["checklist"]:  # type: ignore[attr-defined]
            mark = "✔" if line["earned"] >= line["points"] else "✘"
            print(f"  {mark} {line['line']}  {line['earned']:g}/{line['points']:g}")
        for f in data["missing"]:  # type: ignore[attr-defined]
            print(f"  {f['code']}: {f['question']}")
    if args.kind == "bullet":
        data = to_dict(args.text, elements, args.kind, args.profile)
        print(f"\nBullet score: {data['score']}/100")
        for part in data["missing"]:  # type: ignore[attr-defined]
            print(f"  missing: {part['label']}: {part['question']}")
        for cost in data["penalties"]:  # type: ignore[attr-defined]
            from ..core.bullet_score import UNDER_CAP

            under = f" ({UNDER_CAP})" if data["capped"] else ""
            print(f"  -{cost['points']}: {cost['what']}{under}")
        if data["capped"]:
            print(f"  held to {data['score']}: {data['capped']}")
    return 0
