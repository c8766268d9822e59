"""`resume-lessons batch FOLDER --out DIR`: a report per learner and a class overview."""

from __future__ import annotations

import argparse
import os
import signal
import sys

from .options import add_profile


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch",
        help="write a report for every learner in a folder, and a class overview",
        description="Every resume in FOLDER (ana.yaml, with drafts in ana.drafts.yaml beside it) "
        "gets a report in DIR; learners whose files have not changed since their report are "
        "skipped. Writes class_overview.html and class_overview.csv. Ctrl-C (or SIGTERM) starts "
        "no new learner, lets the running reports finish (press it again to stop them too) and "
        "writes the overview for what is done; run the command again to continue. Exit 0 when "
        "every report was written, 1 when some failed, 2 on bad arguments, 130 after Ctrl-C, "
        "143 after SIGTERM.",
    )
    p.add_argument("folder", help="folder with one resume file per learner")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the reports")
    p.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="reports run at the same time (default: the number of cores, %(default)s)",
    )
    p.add_argument(
        "--job",
        metavar="POSTING",
        help="job posting to tailor every learner to (YAML, JSON or pasted .txt): each report "
        "gets a tailored section, and the overview lists the terms most learners miss",
    )
    add_profile(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..runners.batch import BatchError, run_batch

    try:
        result = run_batch(
            args.folder,
            args.out,
            workers=args.workers,
            profile=args.profile,
            progress=not args.quiet,
            posting_path=args.job,
        )
    except BatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    written = sum(r.status == "ok" for r in result.rows)
    counts = (
        f"{written} report(s) written, {result.skipped} unchanged and skipped, "
        f"{result.failed} failed"
    )
    for row in result.rows:
        if row.status == "error":
            print(f"failed: {row.learner}: {row.error}", file=sys.stderr)
    if result.stopped_by:
        name = signal.Signals(result.stopped_by).name
        print(
            f"stopped by {name}: {len(result.rows) - result.not_run} of {len(result.rows)} "
            f"learner(s) done ({counts}), {result.not_run} not run; run the same command "
            "again to continue"
        )
    else:
        print(f"{len(result.rows)} learner(s): {counts}")
    print(result.overview_html)
    print(result.overview_csv)
    if result.stopped_by:
        return 128 + result.stopped_by
    if result.failed:
        print(f"error: {result.failed} of {len(result.rows)} learner(s) failed", file=sys.stderr)
        return 1
    return 0
