"""Run the `resume-lessons` command as a user would, in a subprocess with a memory cap.

The cap is an address-space limit (RLIMIT_AS) set in the child before it starts, so a file
that makes the kit allocate without bound fails the test instead of the machine. As root,
the child also gives up the right to ignore file permissions (CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH), so a chmod 000 file or a read-only folder means what it means for a
learner.
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

EXE = Path(sys.executable).with_name("resume-lessons")
AS_LIMIT = 1 << 30  # bytes of address space: a refusal needs under 0.5 GiB, a bomb far more
TIME_LIMIT = 5.0  # seconds a refusal may take, start-up included
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


@dataclass
class Done:
    code: int
    out: str
    err: str
    seconds: float


def _as_a_learner() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
            libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0)


def permissions_hold(folder: Path) -> bool:
    """Whether a chmod 000 file is unreadable for the command (not when root keeps its
    capabilities, e.g. where it may not drop them)."""
    probe = folder / "permission-probe"
    probe.write_text("x", encoding="utf-8")
    probe.chmod(0)
    try:
        done = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}).read()"],
            capture_output=True,
            preexec_fn=_as_a_learner,
            check=False,
        )
    finally:
        probe.unlink()
    return done.returncode != 0


def run_cli(
    *args: str | Path, cwd: Path | None = None, timeout: float = 60, stdin: Path | None = None
) -> Done:
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as source:
        proc = subprocess.run(
            [str(EXE), *map(str, args)],
            stdin=source,
            capture_output=True,
            cwd=cwd,
            timeout=timeout,
            preexec_fn=_as_a_learner,
            check=False,
        )
    out, err = (b.decode("utf-8", "replace") for b in (proc.stdout, proc.stderr))
    return Done(proc.returncode, out, err, time.perf_counter() - start)
