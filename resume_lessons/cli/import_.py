"""`resume-lessons import FILE`: read a PDF, DOCX, Markdown/text, rendercv or JSON Resume file and
write the kit's YAML, listing every line that could not be placed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..formats import ImportResult


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="read your resume (PDF, DOCX, Markdown, rendercv, JSON Resume) into YAML",
        description="Read your resume into the kit's YAML so you can check what was read: "
        "every line the reader could not place is listed, so nothing is lost silently.",
    )
    p.add_argument("file", help="your resume: .pdf, .docx, .md, .txt, rendercv .yaml or .json")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="YAML file to write (default: FILE's name with _imported.yaml, next to it)",
    )
    p.add_argument("--force", action="store_true", help="overwrite the output file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..core.files import check_output, write_output
    from ..formats import import_file
    from ..formats.export import to_yaml

    source = Path(args.file)
    out = Path(args.output) if args.output else source.with_name(source.stem + "_imported.yaml")
    check_output(out, force=args.force, inputs=[source])
    result = import_file(source)
    write_output(out, to_yaml(result.resume, header(result)))
    print(summary(result, out))
    return 0


def header(result: ImportResult) -> list[str]:
    lines = [
        f"Imported from {result.file} ({result.kind}) by `resume-lessons import`.",
        "Check every entry against your resume: the importer reads layout, not meaning.",
    ]
    if result.unplaced:
        lines += ["", "Lines the importer could not place; move them where they belong:"]
        lines += [f"  {u}" for u in result.unplaced]
    return lines


def summary(result: ImportResult, out: Path) -> str:
    rows = [f"Read {result.file} ({result.kind}). Recognised:"]
    rows += [f"  {name:<13} {found}" for name, found in result.counts().items()]
    rows += [f"  note: {n}" for n in result.notes]
    if result.unplaced:
        rows.append(
            f"Could not place {len(result.unplaced)} line(s) (kept as comments in the YAML):"
        )
        rows += [f"  {u}" for u in result.unplaced]
    else:
        rows.append("Every line was placed.")
    rows.append(f"Wrote {out}. Next: resume-lessons check {out}")
    return "\n".join(rows)
