"""`resume-lessons tailor RESUME POSTING`: what a job posting asks, where the resume shows it,
what to move, and the coverage per technique."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .options import RESUME_HELP, add_profile, resume_with_drafts

if TYPE_CHECKING:
    from ..core.tailor import TailorResult

POSTING_HELP = (
    "job posting file: JSON Resume job YAML or JSON (title, description, responsibilities, "
    "qualifications, skills), or the posting's text pasted from a job board into a .txt or .md file"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "tailor",
        help="match a resume to a job posting: terms found and missing, moves, coverage",
        description="Read a job posting, find what it asks for by technique (domain and system "
        "type, pipeline stages, experiments, model families, tools by stage, seniority), and "
        "say where the resume shows each, which bullets to move up, which summary words to lead "
        "with and which skills to show or drop. A term the resume never shows is asked as a "
        "question; nothing is added for you.",
    )
    p.add_argument("resume", help=RESUME_HELP)
    p.add_argument("posting", help=POSTING_HELP)
    p.add_argument(
        "--drafts", metavar="FILE", help="drafts file with the learner's rewrites, applied first"
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: terms found and missing with their places, the moves, the coverage scores; "
        "json: the same for a program (default: %(default)s)",
    )
    add_profile(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ..core.tailor import tailor
    from ..formats.posting import read_posting

    resume = resume_with_drafts(args.resume, args.drafts)
    posting = read_posting(args.posting)
    found = tailor(resume, posting, args.profile)
    if args.format == "json":
        data = found.to_dict()
        data["resume"], data["posting"]["file"] = args.resume, args.posting
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(found, args.resume))
    return 0


def format_text(found: TailorResult, file: str) -> str:
    from ..core.posting_terms import asked_where
    from ..core.tailor import AREAS

    lines = [f"{file} for {found.posting.heading}", ""]
    for area, title in AREAS.items():
        mine = [m for m in found.matches if m.term.area == area]
        if not mine:
            continue
        lines.append(f"{title}:" if area == "seniority" else f"{area} {title}:")
        for m in mine:
            stage = f" [{m.term.stage}]" if m.term.stage else ""
            stage += " (nice to have)" if m.term.nice else ""
            stage += " (team description)" if m.term.context and not m.term.nice else ""
            stage += (
                " (nice to have, team description)"
                if m.term.minor and not (m.term.nice or m.term.context)
                else ""
            )
            if m.shown:  # T1 is about the summary; the others about the bullets
                ordered = m.summary + m.bullets if area == "T1" else m.bullets + m.summary
                p = (ordered or m.records or m.skills)[0]  # a language: by the skills list
                mark, where = "found  ", f"{p.location} “{p.text}”"
            elif m.found:
                mark, where = "listed ", f"{m.skills[0].location} (skills only)"
            else:
                mark, where = "missing", f"(the posting: {asked_where(m.term)})"
                if m.lists:
                    where += f"; {m.lists[0].location} only lists it among other terms"
            lines.append(f"  {mark} {m.term.name}{stage}  {where}")
    lines += ["", "what to do:"]
    drops, unlisted = found.skills_to_drop, found.skills_to_add
    for f in found.findings:
        if f.code in ("J703", "J704"):
            continue
        cost = f"-{f.points:g} pts" if f.points else "tip"
        lines.append(f"  {file}:{f.location}  {f.code}  {cost:>9}  {f.message}")
        lines.append(f"      fix: {f.suggestion}")
    if unlisted:
        lines.append(
            f"  {file}:skills  J704        tip  Tools the posting asks for that your bullets show "
            f"in use but your skills do not list: {', '.join(unlisted)}."
        )
        lines.append("      fix: add them to your skills: a bullet already shows each.")
    if drops:
        names = ", ".join(drops)
        lines.append(
            f"  {file}:skills  J703        tip  Skills the posting does not ask for and no bullet "
            f"shows in use: {names}."
        )
        lines.append("      fix: leave them out for this application: nothing in it backs them.")
    lines.append("")
    scores = "  ".join(f"{a} {s}" for a, s in found.scores.items() if s is not None)
    lines.append(f"coverage: {scores}  (of what the posting asks; not the techniques' scores)")
    unasked = "  ".join(a for a, s in found.scores.items() if s is None)
    if unasked:
        lines.append(f"the posting asks nothing for: {unasked}")
    lines.append(
        f"{len(found.found)} of {len(found.matches)} posting term(s) found in the resume; "
        "-N pts: what showing it gives back."
    )
    return "\n".join(lines) + "\n"
