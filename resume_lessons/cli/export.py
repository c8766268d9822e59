"""`resume-lessons export RESUME`: the resume with your drafts applied, as JSON Resume,
Markdown or YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .options import RESUME_HELP

FORMATS = ("json-resume", "markdown", "yaml")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the resume with your drafts applied")
    p.add_argument("file", help=RESUME_HELP)
    p.add_argument("--drafts", metavar="FILE", help="drafts file with your rewrites")
    p.add_argument(
        "--to",
        choices=FORMATS,
        required=True,
        help="output format: json-resume (checked against the JSON Resume schema), markdown "
        "(a readable resume to paste or convert) or yaml (the kit's own format)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default: standard output)"
    )
    p.add_argument("--force", action="store_true", help="overwrite the output file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ..core.drafts import apply_drafts, load_drafts
    from ..core.errors import ResumeError
    from ..core.files import check_exists, check_output, write_output
    from ..formats import load_resume_with_warnings
    from ..formats.export import schema_errors, to_json_resume, to_markdown, to_yaml

    out = Path(args.output) if args.output else None
    if out is not None:  # before any work: never the input, even with --force
        check_output(out, force=args.force, inputs=[args.file, *filter(None, [args.drafts])])
    loaded = load_resume_with_warnings(args.file)
    for warning in loaded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    resume = loaded.resume
    if args.drafts:
        check_exists(args.drafts, what="drafts file")  # load_drafts takes missing as none
        resume, missing = apply_drafts(resume, load_drafts(args.drafts))
        for location in missing:
            print(
                f"warning: {args.drafts}: draft for {location} has no place in the resume",
                file=sys.stderr,
            )
    if args.to == "json-resume":
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
        text = to_markdown(resume)
    else:
        text = to_yaml(resume)
    if out is None:
        sys.stdout.write(text)
        return 0
    write_output(out, text)
    print(f"Wrote {out}", file=sys.stderr)
    return 0
