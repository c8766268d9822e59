"""What the subcommands' parsers share, kept free of heavy imports.

Building the parser (`resume-lessons --help`, or any command before it runs) imports only this
module, argparse and core.profile (for the default profile's name; it loads no vocabulary at
import): each subcommand imports what it works with inside its `run`, so that `--help` does not
load the vocabularies, the model, papermill or a PDF reader.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..core.profile import DEFAULT_PROFILE  # light: PyYAML and the profile code, no lemminflect

if TYPE_CHECKING:
    from ..core.model import Resume

PROFILE_HELP = (
    "role profile: the vocabularies (stages, models, metrics, verbs, venues, tools) the "
    "analysis reads, one folder of YAML files under resume_lessons/core/profiles/ "
    "(default: %(default)s)"
)

RESUME_HELP = (
    "resume file: the kit's YAML, JSON Resume (.json), rendercv YAML, or a PDF, DOCX, "
    "Markdown or text resume (read as `resume-lessons import` reads it)"
)


def add_profile(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", default=DEFAULT_PROFILE, metavar="NAME", help=PROFILE_HELP)


def package_version() -> str:
    """The installed distribution's version, from its metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("resume-lessons")
    except PackageNotFoundError:  # run from a source tree that was never installed
        from .. import __version__

        return __version__


class VersionAction(argparse.Action):
    """`--version`, reading the metadata only when asked (argparse's own wants the string)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def resume_with_drafts(file: str, drafts: str | None) -> Resume:
    """The resume a command works on: read (its warnings on stderr), with the drafts file's
    rewrites applied when one is named. A named drafts file must exist."""
    from ..core.files import check_exists
    from ..formats import load_resume_with_warnings

    loaded = load_resume_with_warnings(file)
    for warning in loaded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not drafts:
        return loaded.resume
    from ..core.drafts import apply_drafts, load_drafts  # only with drafts: a command's start-up

    check_exists(drafts, what="drafts file")  # load_drafts takes a missing file as no drafts
    resume, missing = apply_drafts(loaded.resume, load_drafts(drafts))
    for location in missing:
        print(
            f"warning: {drafts}: draft for {location} has no place in the resume", file=sys.stderr
        )
    return resume
