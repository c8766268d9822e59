"""`resume-lessons lessons DIR`: copy the lessons and the sample resume into a folder of yours."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lessons",
        help="copy the lesson notebooks, the sample resume and postings into a folder of yours",
        description="Copy the nine lesson notebooks, the sample resume (alex_before.yaml) and "
        "the sample job postings (postings/, for lesson 08) into DIR, creating it if needed. A file already in DIR is never overwritten: your "
        "edits and outputs stay, and the command says which files it kept. Open DIR in "
        "JupyterLab; your drafts are saved in DIR/drafts/. With --resume (and --name), every "
        "lesson in DIR opens your resume: only those lines of each lesson's parameters cell "
        "change, in the lessons just copied and in those you kept.",
    )
    p.add_argument("dir", metavar="DIR", help="your lessons folder, e.g. ~/resume-lessons")
    p.add_argument(
        "--resume",
        metavar="FILE",
        help="your resume, set as resume_path in every lesson (YAML, JSON Resume, PDF, DOCX "
        "or Markdown)",
    )
    p.add_argument("--name", metavar="NAME", help="your name, set as learner_name in every lesson")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
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
    if args.resume is not None or args.name is not None:
        code = _set_shared(done.folder, args.resume, args.name)
        if code:
            return code
    start = done.folder / "00_start_here.ipynb"
    print(
        f"Next: open {start} in JupyterLab (`jupyter lab {done.folder}`); drafts go to "
        f"{done.folder / 'drafts'}/."
    )
    return 0


def _set_shared(folder: Path, resume: str | None, name: str | None) -> int:
    """Set the learner's resume and name in every lesson's parameters cell."""
    from ..notebook.kit import set_parameters

    values: dict[str, str] = {}
    if resume is not None:
        path = Path(resume).expanduser().resolve()
        if not path.is_file():
            print(f"error: {resume}: no such file; give the path of your resume", file=sys.stderr)
            return 2
        # beside the lessons: as the lessons look it up, from their folder
        values["resume_path"] = (
            str(path.relative_to(folder)) if folder in path.parents else str(path)
        )
    if name is not None:
        if not name.strip():
            print(
                "error: --name is empty; give your name (it names your drafts file)",
                file=sys.stderr,
            )
            return 2
        values["learner_name"] = name.strip()
    done = set_parameters(folder, values)
    said = ", ".join(f"{k} = {v!r}" for k, v in values.items())
    if done.changed:
        print(f"set     {said} in {len(done.changed)} lesson(s): {', '.join(done.changed)}")
    if done.same:
        print(f"already {said} in {len(done.same)} lesson(s)")
    for problem in done.problems:
        print(f"skipped {folder / problem}", file=sys.stderr)
    return 1 if done.problems else 0
