"""Start-up stays light: the quick commands never import the report, plotting or schema stacks.

Each case runs the command in a fresh interpreter (a test process has imported everything
already) and lists the heavy modules left in sys.modules when it ends. No timing here:
benchmarks/bench_cli.py prints the figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from resume_lessons.cli.options import package_version

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resume_lessons" / "samples" / "examples" / "alex_before.yaml"
POSTING = ROOT / "resume_lessons" / "samples" / "postings" / "fraud_team.txt"
HEAVY = ("papermill", "nbconvert", "nbclient", "matplotlib", "ipywidgets", "pandas", "jsonschema")
# Also kept out of the parser: the kit's model and analysis (`--help` needs neither).
NOT_FOR_HELP = ("resume_lessons.core.analyze", "resume_lessons.core.techniques")

PROBE = """
import json, sys
from resume_lessons.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:  # --help and --version exit from argparse
    code = exc.code
sys.stdout.flush()
print("\\nMODULES " + json.dumps(sorted(sys.modules)), file=sys.stderr)
raise SystemExit(code)  # a command that failed (a wrong path) fails the test
"""


def loaded_modules(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    line = next(ln for ln in done.stderr.splitlines() if ln.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("--version",),
        ("check", str(SAMPLE)),
        ("check", str(SAMPLE), "--format", "csv"),
        ("explain", "Cut p99 latency 40% by moving feature joins into Redis."),
        ("rules", "T4"),
        ("tailor", str(SAMPLE), str(POSTING)),
    ],
    ids=["help", "version", "check", "check-csv", "explain", "rules", "tailor"],
)
def test_quick_commands_import_no_heavy_library(args: tuple[str, ...]) -> None:
    assert heavy(loaded_modules(*args)) == []


def test_every_subcommand_help_imports_no_heavy_library() -> None:
    names = ("check", "explain", "tailor", "rules", "report", "batch", "import", "export")
    for name in (*names, "lessons"):
        assert heavy(loaded_modules(name, "--help")) == [], name


def test_building_the_parser_imports_no_analysis() -> None:
    """What `--help` loads beyond resume_lessons/__init__.py: only the cli package itself."""
    probe = (
        "import json, sys; import resume_lessons; before = set(sys.modules); "
        "from resume_lessons.cli import build_parser; build_parser(); "
        "print(json.dumps(sorted(m for m in set(sys.modules) - before "
        "if m.startswith('resume_lessons'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    new = json.loads(out)
    # core.profile for the default profile's name; it loads no vocabulary at import, and
    # core.lemmas imports lemminflect (and NumPy) only when a word needs it
    allowed = ("resume_lessons.cli", "resume_lessons.core.limits")
    allowed += ("resume_lessons.core.profile", "resume_lessons.core.lemmas")
    # resume_lessons.core itself is an empty package, loaded on the way to core.limits
    assert all(m.startswith(allowed) or m == "resume_lessons.core" for m in new), new
    assert not set(new) & set(NOT_FOR_HELP)


def test_help_loads_no_lemminflect_or_numpy() -> None:
    modules = loaded_modules("--help")
    assert not {m.split(".")[0] for m in modules} & {"lemminflect", "numpy"}


def test_version_prints_the_package_metadata_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "resume_lessons.cli", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert done.stdout.strip() == f"resume-lessons {package_version()}"
    assert package_version()[0].isdigit()
