"""`resume-lessons check FILE`: findings like a linter, as text, JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .options import RESUME_HELP, add_profile, resume_with_drafts

if TYPE_CHECKING:
    from ..core.analyze import Analysis

CSV_FIELDS = (
    "file",
    "location",
    "code",
    "technique",
    "name",
    "message",
    "suggestion",
    "start",
    "end",
    "points",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="analyse a resume and print findings like a linter",
        description="Analyse a resume with the seven techniques: each finding with where it "
        "is, what it costs in points (or 'tip' when it costs nothing) and what to do, then the "
        "score per technique. With --drafts, the resume with your saved rewrites is checked.",
    )
    p.add_argument("file", help=RESUME_HELP)
    p.add_argument(
        "--drafts",
        metavar="FILE",
        help="drafts file with your rewrites (the lessons' drafts/NAME.yaml): check the resume "
        "with them applied",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text: one line per finding with its fix, then the scores; json: findings and "
        "scores for a program; csv: one row per finding, for a spreadsheet (default: "
        "%(default)s)",
    )
    p.add_argument(
        "--fail-under",
        type=int,
        default=None,
        metavar="N",
        help="exit 1 when the overall score is under N",
    )
    add_profile(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ..core.analyze import analyze

    resume = resume_with_drafts(args.file, args.drafts)
    analysis = analyze(resume, args.profile)
    out = sys.stdout
    if args.format == "json":
        json.dump(analysis.to_dict(args.file), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif args.format == "csv":
        write_csv(analysis, args.file, out)
    else:
        out.write(format_text(analysis, args.file))
    if args.fail_under is not None and analysis.scores["overall"] < args.fail_under:
        print(
            f"overall score {analysis.scores['overall']} is under {args.fail_under}",
            file=sys.stderr,
        )
        return 1
    return 0


def format_text(analysis: Analysis, file: str) -> str:
    lines = []
    width = max((len(f.location) for f in analysis.findings), default=0)
    for f in analysis.findings:
        cost = f"-{f.points:g} pts" if f.points else "tip"
        lines.append(f"{file}:{f.location.ljust(width)}  {f.code}  {cost:>9}  {f.message}")
        lines.append(f"{' ' * (len(file) + width + 3)}{' ' * 17}fix: {f.suggestion}")
    scores = analysis.scores
    lines.append("")
    lines.append(
        "scores: "
        + "  ".join(f"{k} {v}" for k, v in scores.items() if k != "overall")
        + f"  overall {scores['overall']}"
    )
    costs = sum(1 for f in analysis.findings if f.points)
    lines.append(
        f"{len(analysis.findings)} finding(s), {costs} costing points (-N pts: its share of the "
        "points its rule lost; fixing all of a rule's findings gives them back). "
        "`resume-lessons rules CODE` explains one."
    )
    return "\n".join(lines) + "\n"


def write_csv(analysis: Analysis, file: str, out) -> None:  # type: ignore[no-untyped-def]
    import csv

    from ..present.spreadsheet import safe_cell

    # RFC 4180 line ends: text with a carriage return stays inside its quoted cell
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for f in analysis.findings:
        row = {
            "file": file,
            "location": f.location,
            "code": f.code,
            "technique": f.technique,
            "name": f.name,
            "message": f.message,
            "suggestion": f.suggestion,
            "start": f.span[0] if f.span else "",
            "end": f.span[1] if f.span else "",
            "points": f"{f.points:g}",
        }
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
