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
        "lesson in DIR opens your resume, and with --posting lesson 08 tailors it to that job: "
        "only those lines of each lesson's parameters cell change, in the lessons just copied "
        "and in those you kept.",
    )
    p.add_argument("dir", metavar="DIR", help="your lessons folder, e.g. ~/resume-lessons")
    p.add_argument(
        "--resume",
        metavar="FILE",
        help="your resume, set as resume_path in every lesson (YAML, JSON Resume, PDF, DOCX "
        "or Markdown)",
    )
    p.add_argument("--name", metavar="NAME", help="your name, set as learner_name in every lesson")
    p.add_argument(
        "--posting",
        metavar="FILE",
        help="a job posting (.txt or .md pasted from a job board, or JSON Resume job YAML or "
        "JSON), set as posting_path in lesson 08",
    )
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
    if args.resume is not None or args.name is not None or args.posting is not None:
        code = _set_shared(done.folder, args.resume, args.name, args.posting)
        if code:
            return code
    start = done.folder / "00_start_here.ipynb"
    print(
        f"Next: open {start} in JupyterLab (`jupyter lab {done.folder}`); drafts go to "
        f"{done.folder / 'drafts'}/."
    )
    return 0


def _set_shared(
    folder: Path, resume: str | None, name: str | None, posting: str | None = None
) -> int:
    """Set the learner's resume and name in every lesson's parameters cell, and the posting
    in lesson 08's."""
    from ..notebook.kit import set_parameters

    values: dict[str, str] = {}
    for key, given, what in (
        ("resume_path", resume, "resume"),
        ("posting_path", posting, "posting"),
    ):
        if given is None:
            continue
        path = Path(given).expanduser().resolve()
        if not path.is_file():
            print(f"error: {given}: no such file; give the path of your {what}", file=sys.stderr)
            return 2
        # beside the lessons: as the lessons look it up, from their folder
        values[key] = str(path.relative_to(folder)) if folder in path.parents else str(path)
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
