"""`resume-lessons export RESUME`: the resume with your drafts applied, as JSON Resume,
Markdown, YAML, rendercv YAML, or a PDF to send (printed offline with headless Chromium)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .options import RESUME_HELP, resume_with_drafts

FORMATS = ("json-resume", "markdown", "yaml", "rendercv", "pdf")
ORDERED = ("pdf", "markdown")  # the resumes to send: --job puts each role's bullets in order


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="write the resume with your drafts applied",
        description="Write the resume with your saved rewrites applied, as JSON Resume, "
        "Markdown, the kit's YAML, rendercv YAML, or a PDF printed offline with Chromium. The "
        "resume file itself is never changed.",
    )
    p.add_argument("file", help=RESUME_HELP)
    p.add_argument("--drafts", metavar="FILE", help="drafts file with your rewrites")
    p.add_argument(
        "--to",
        choices=FORMATS,
        required=True,
        help="output format: json-resume (checked against the JSON Resume schema), markdown "
        "(a readable resume to paste or convert), yaml (the kit's own format), rendercv "
        "(rendercv 2.x input) or pdf (a one-column resume to send, printed offline with "
        "headless Chromium; needs -o FILE.pdf)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="file to write (default: standard output; --to pdf needs one)",
    )
    p.add_argument(
        "--job",
        metavar="POSTING",
        help="job posting (YAML, JSON or pasted .txt): with --to pdf or markdown, each role's "
        "bullets are put in the order that shows most of what it asks first; nothing is added "
        "or dropped",
    )
    p.add_argument("--force", action="store_true", help="overwrite the output file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ..core.errors import ResumeError
    from ..core.files import check_output, write_output
    from ..formats.export import (
        schema_errors,
        to_json_resume,
        to_markdown,
        to_rendercv,
        to_yaml,
    )

    out = Path(args.output) if args.output else None
    if args.to == "pdf" and (out is None or out.suffix.lower() != ".pdf"):
        where = "a PDF is not text to print here" if out is None else f"{out} does not end in .pdf"
        print(f"error: --to pdf writes a PDF file: {where}", file=sys.stderr)
        print("    hint: name the file with -o, e.g. -o resume.pdf", file=sys.stderr)
        return 2
    if args.job and args.to not in ORDERED:
        print(
            f"error: --job orders the bullets of a resume to send: --to {' or '.join(ORDERED)}, "
            f"not {args.to}",
            file=sys.stderr,
        )
        return 2
    if out is not None:  # before any work: never the input, even with --force
        inputs = [args.file, *filter(None, [args.drafts, args.job])]
        check_output(out, force=args.force, inputs=inputs)
    resume = resume_with_drafts(args.file, args.drafts)
    orders = _orders(resume, args.job) if args.job else None
    if args.to == "pdf":
        return _write_pdf(resume, out, orders)
    if args.to == "rendercv":
        text, notes = to_rendercv(resume)
        for note in notes:
            print(f"warning: {note}", file=sys.stderr)
    elif args.to == "json-resume":
        data = to_json_resume(resume)
        errors = schema_errors(data)
        if errors:  # the model allows extra fields; say which ones break the schema
            raise ResumeError.single(
                args.file,
                "the resume does not fit the JSON Resume schema: " + "; ".join(errors[:5]),
                hint="fix these fields in the resume file, then export again",
            )
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif args.to == "markdown":
        if orders:
            from ..core.tailor import reordered

            resume = reordered(resume, orders)
        text = to_markdown(resume)
    else:
        text = to_yaml(resume)
    if out is None:
        sys.stdout.write(text)
        return 0
    write_output(out, text)
    print(f"Wrote {out}", file=sys.stderr)
    return 0


def _orders(resume, posting_path: str):  # type: ignore[no-untyped-def]
    """Each role's bullet order for the posting (``rank_bullets``); says which roles move."""
    from ..core.tailor import rank_bullets
    from ..formats.posting import read_posting

    posting = read_posting(posting_path)
    orders = rank_bullets(resume, posting)
    moved = [o.role for o in orders if o.changed]
    said = f"bullets reordered in {'; '.join(moved)}" if moved else "no bullet moves"
    print(f"For {posting.heading}: {said}.", file=sys.stderr)
    return orders


def _write_pdf(resume, out: Path, orders=None) -> int:  # type: ignore[no-untyped-def]
    from ..core.tailor import bullet_order
    from ..runners.resume_pdf import ChromiumMissing, PrintFailed, write_pdf

    try:
        write_pdf(resume, out, bullet_order(orders) if orders else None)
    except PrintFailed as exc:  # no Chromium, or it failed: no traceback, nothing written
        print(f"error: cannot print the PDF: {exc}; nothing was written", file=sys.stderr)
        if isinstance(exc, ChromiumMissing):
            print(
                "    hint: --to markdown or --to rendercv write the resume without Chromium",
                file=sys.stderr,
            )
        return 1
    print(f"Wrote {out}", file=sys.stderr)
    return 0
