"""The `resume-lessons` command. Each subcommand lives in its own module of this package.

Start-up: building the parser imports argparse, the subcommand modules and core.profile (for
the default profile's name), nothing more (each imports what it works with inside its `run`),
so `--help` and `--version` load none of the kit's own machinery beyond what
`resume_lessons/__init__.py` imports; tests/test_startup.py holds this.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from .options import VersionAction

# Subcommand modules, in the order `--help` lists them. Each has register(subparsers).
SUBCOMMANDS = (
    "check",
    "explain",
    "tailor",
    "rules",
    "report",
    "batch",
    "import",
    "export",
    "lessons",
)
# Command names that are Python keywords live in a module with a trailing underscore.
_MODULES = {"import": "import_"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resume-lessons",
        description="Learn to write a senior ML-engineering resume, one technique at a time.",
        epilog="`resume-lessons COMMAND --help` describes a command and its arguments.",
    )
    parser.add_argument(
        "--version", action=VersionAction, help="print the installed version and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in SUBCOMMANDS:
        module = _MODULES.get(name, name.replace("-", "_"))
        importlib.import_module(f"{__name__}.{module}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # NumPy (loaded by lemminflect, when core.lemmas needs it for a word its cache file lacks)
    # starts one OpenBLAS thread per core, which spin for ~0.1 s of CPU at import; the commands
    # do no linear algebra. Takes effect only when NumPy is not imported yet; a value the user
    # set is kept.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    parser = build_parser()
    args = parser.parse_args(argv)  # --help and --version exit here, before any import below
    from ..core.errors import ResumeError
    from ..core.files import os_problem
    from ..core.profile import ProfileError

    try:
        return int(args.func(args) or 0)
    except ResumeError as exc:  # a learner's file: say where and what to do, no traceback
        print(f"error: {exc}", file=sys.stderr)
        if getattr(args, "format", None) == "json":  # a program reading stdout gets it too
            import json

            print(json.dumps({"error": exc.to_dict()}, ensure_ascii=False, indent=2))
        return 2
    except (ProfileError, KeyError) as exc:
        message = exc.args[0] if exc.args else str(exc)
        print(f"error: {message}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `resume-lessons check x | head`
        return 0
    except OSError as exc:  # a path the commands did not check themselves: still no traceback
        reason, hint = os_problem(exc)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{reason}\n    hint: {hint}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: nothing more was written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
