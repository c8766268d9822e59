"""`resume-lessons lessons DIR`: copy the lessons and the sample resume into a folder of yours."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lessons",
        help="copy the lesson notebooks, the sample resume and postings into a folder of yours",
        description="Copy the nine lesson notebooks, the sample resume (alex_before.yaml) and "
        "the sample job postings (postings/, for lesson 08) into DIR, creating it if needed. A file already in DIR is never overwritten: your "
        "edits and outputs stay, and the command says which files it kept. Open DIR in "
        "JupyterLab; your drafts are saved in DIR/drafts/.",
    )
    p.add_argument("dir", metavar="DIR", help="your lessons folder, e.g. ~/resume-lessons")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..notebook.kit import copy_lessons

    if Path(args.dir).expanduser().is_file():
        print(
            f"error: {args.dir} is a file; give a folder for the lessons (it is made if it "
            "does not exist)",
            file=sys.stderr,
        )
        return 2
    try:
        done = copy_lessons(args.dir)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name in done.written:
        print(f"copied  {done.folder / name}")
    for name in done.kept:
        print(f"kept    {done.folder / name} (yours, not overwritten)")
    start = done.folder / "00_start_here.ipynb"
    print(
        f"Next: open {start} in JupyterLab (`jupyter lab {done.folder}`); drafts go to "
        f"{done.folder / 'drafts'}/."
    )
    return 0
