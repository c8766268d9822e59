"""Run one personal report: papermill executes the report notebook, nbconvert exports it.

The export is one self-contained HTML file (inline CSS and PNG images, no script, nothing
fetched from a server); with ``pdf=True`` headless Chromium prints it to PDF as well.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

from ..core.drafts import load_drafts
from ..core.files import check_exists, ensure_folder
from ..core.profile import DEFAULT_PROFILE, load_profile
from ..formats import load_resume
from ..formats.posting import read_posting

KERNEL = "python3"
CELL_TIMEOUT = 120  # seconds per cell; a report cell takes well under one
START_TIMEOUT = 60
# The kernel warns on stderr that local TCP is unencrypted; the report has nothing to hide.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]


class ReportFailed(Exception):
    """The report could not be made; the message says which cell, why, and what was kept."""


class KernelFailed(ReportFailed):
    """The kernel did not start or died: worth one retry."""


class ChromiumMissing(ReportFailed):
    """No Chromium to print the PDF with."""


@dataclass(frozen=True)
class ReportResult:
    learner: str
    html: Path
    pdf: Path | None = None


def find_notebook() -> Path:
    """The report notebook, shipped inside the package (resume_lessons/runners/report.ipynb)."""
    path = Path(str(files(__package__) / "report.ipynb"))
    if not path.exists():
        raise FileNotFoundError(f"the kit is missing {path}: reinstall resume-lessons")
    return path


def sample_inputs() -> tuple[Path, Path]:
    """The bundled sample resume and its drafts (Alex's rewrites, same locations)."""
    from ..notebook.kit import sample_drafts, sample_resume

    return sample_resume(), sample_drafts()


def slugify(name: str, fallback: str = "learner") -> str:
    """A safe file name stem: ASCII letters, digits and dashes; never a path."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def validate(
    resume_path: str | Path,
    drafts_path: str | Path | None,
    profile: str,
    posting_path: str | Path | None = None,
) -> str:
    """Load the inputs in this process (no kernel); return the learner's name from the resume.

    Raises ResumeError with the file and place when an input cannot be used.
    """
    load_profile(profile)
    resume = load_resume(resume_path)
    if drafts_path:  # load_drafts reads a missing file as "no drafts yet"; not here
        check_exists(drafts_path, what="drafts file")
        load_drafts(drafts_path)
    if posting_path:
        read_posting(posting_path)
    return resume.basics.name


def run_report(
    resume_path: str | Path,
    drafts_path: str | Path | None = None,
    *,
    out_dir: str | Path = "reports",
    learner_name: str = "",
    slug: str | None = None,
    profile: str = DEFAULT_PROFILE,
    pdf: bool = False,
    cell_timeout: int = CELL_TIMEOUT,
    validated: bool = False,
    notebook: Path | None = None,
    posting_path: str | Path | None = None,
) -> ReportResult:
    """Execute and export one report; ReportFailed (or ResumeError for bad input) otherwise.
    With ``posting_path`` the report adds a section tailored to that job posting."""
    resume_path = Path(resume_path).resolve()
    drafts = Path(drafts_path).resolve() if drafts_path else None
    posting = Path(posting_path).resolve() if posting_path else None
    if not validated:
        name_in_resume = validate(resume_path, drafts, profile, posting)
        learner_name = learner_name or name_in_resume
    learner = learner_name or resume_path.stem
    out = ensure_folder(out_dir)  # before the kernel starts: a folder that cannot be written
    stem = slug or slugify(learner)
    executed = out / f"{stem}.ipynb"
    nb = execute(
        resume_path, drafts, learner_name, profile, executed, cell_timeout, notebook, posting
    )
    html_path = out / f"{stem}.html"
    export_html(nb, html_path, title=f"Resume report: {learner}")
    executed.unlink(missing_ok=True)  # kept only when a run fails
    pdf_path = print_pdf(html_path, out / f"{stem}.pdf") if pdf else None
    return ReportResult(learner, html_path, pdf_path)


def execute(
    resume: Path,
    drafts: Path | None,
    learner_name: str,
    profile: str,
    executed: Path,
    cell_timeout: int = CELL_TIMEOUT,
    notebook: Path | None = None,
    posting: Path | None = None,
):  # type: ignore[no-untyped-def]
    """Run the report notebook (or another with the same parameters) with papermill.

    The executed notebook is written to `executed`.
    """
    import papermill as pm

    parameters = {
        "resume_path": str(resume),
        "drafts_path": str(drafts) if drafts else "",
        "learner_name": learner_name,
        "profile": profile,
    }
    if posting is not None:  # a notebook without the parameter still runs without a posting
        parameters["posting_path"] = str(posting)
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as log:
        return _execute(pm, notebook, executed, parameters, cell_timeout, log, resume)


def _kernel_to(log: IO[str]) -> type:
    """A kernel manager whose kernel writes its stderr to ``log``, not to the terminal: a
    kernel shut down by Ctrl-C prints a ZMQ traceback that is not the learner's concern.
    What it wrote is shown when the kernel fails (see ``_execute``)."""
    from jupyter_client.manager import AsyncKernelManager

    class KernelWithLog(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            kw["stderr"] = log
            await super()._async_launch_kernel(kernel_cmd, **kw)

    return KernelWithLog


def _log_tail(log: IO[str], lines: int = 5) -> str:
    log.flush()
    log.seek(0)
    tail = [line.rstrip() for line in log.read().splitlines() if line.strip()][-lines:]
    return ("\nThe kernel said:\n  " + "\n  ".join(tail)) if tail else ""


def _execute(pm, notebook, executed, parameters, cell_timeout, log, resume):  # type: ignore[no-untyped-def]
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    try:
        return pm.execute_notebook(
            str(notebook or find_notebook()),
            str(executed),
            parameters=parameters,
            kernel_name=KERNEL,
            language="python",
            progress_bar=False,
            request_save_on_cell_execute=False,
            start_timeout=START_TIMEOUT,
            execution_timeout=cell_timeout,
            cwd=str(executed.parent),
            extra_arguments=KERNEL_ARGS,
            kernel_manager_class=_kernel_to(log),
        )
    except pm.PapermillExecutionError as exc:
        raise ReportFailed(_cell_failure(exc, resume, executed)) from None
    except CellTimeoutError:
        raise ReportFailed(
            f"the report for {resume} stopped: a cell ran longer than {cell_timeout} s"
            + _kept(executed)
        ) from None
    except (DeadKernelError, RuntimeError, TimeoutError, OSError) as exc:
        raise KernelFailed(
            f"the report for {resume} failed: the Jupyter kernel '{KERNEL}' did not start or "
            f"died ({type(exc).__name__}: {exc})" + _log_tail(log)
        ) from None


def _kept(executed: Path) -> str:
    return (
        f"\nThe executed notebook is kept for inspection: {executed}" if executed.exists() else ""
    )


def _cell_failure(exc, resume: Path, executed: Path) -> str:  # type: ignore[no-untyped-def]
    source = str(exc.source or "").strip().splitlines()
    first = next((line for line in source if line and not line.startswith("#")), "")
    return (
        f"the report for {resume} failed in cell {exc.cell_index} (`{first}`): "
        f"{exc.ename}: {exc.evalue}" + _kept(executed)
    )


@functools.cache
def _exporter():  # type: ignore[no-untyped-def]
    # One per process: a batch worker reuses the loaded template and its inlined CSS.
    from ..present.nbexport import OfflineHTMLExporter

    return OfflineHTMLExporter(
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def warm_up() -> None:
    """Import what a report run needs; a batch worker does this while the parent prepares."""
    import papermill  # noqa: F401

    _exporter()


def export_html(nb, path: Path, title: str = "Resume report") -> Path:  # type: ignore[no-untyped-def]
    """Write the executed notebook as one self-contained HTML page, without code cells."""
    nb.metadata["title"] = title
    body, _ = _exporter().from_notebook_node(nb)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, path)
    return path


def print_pdf(html_path: Path, pdf_path: Path, timeout: int = 120) -> Path:
    """Print the HTML report to PDF with headless Chromium (runners/chromium.py)."""
    from . import chromium

    try:
        return chromium.print_html(html_path, pdf_path, timeout=timeout)
    except chromium.ChromiumMissing:
        raise ChromiumMissing(
            "cannot print the PDF: Chromium is not installed (the HTML report is written: "
            f"{html_path}). Install it with `apt-get install chromium`, or open the HTML "
            "report in a browser and print it from there."
        ) from None
    except chromium.PrintFailed as exc:
        raise ReportFailed(str(exc)) from None
