"""The kit installed from its wheel, outside the repository: report, batch and one lesson run.

The wheel is built from this checkout (``pip wheel --no-deps``) and installed with
``--no-deps`` into a fresh virtual environment under the system temp folder. Its dependencies
are not downloaded again: a ``.pth`` file appends the site-packages of the interpreter running
the tests, where ``pip install -e '.[test]'`` put them. That keeps the test near a minute
instead of several (jupyterlab, pandas and matplotlib are large) and offline once the build
backend is cached, while the kit itself comes only from the wheel: the venv's own
site-packages precede the appended ones (JUPYTER_PATH names their prefix's share/jupyter, for
nbconvert's templates), PYTHONPATH is cleared, every command runs from a
folder outside the repository, and the test checks where ``resume_lessons`` was imported from.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "resume_lessons" / "samples"

pytestmark = [pytest.mark.notebook, pytest.mark.timeout(300)]


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int = 240) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed():  # type: ignore[no-untyped-def]
    """(venv bin folder, environment, a working folder outside the repository)."""
    root = Path(tempfile.mkdtemp(prefix="rl-wheel-"))
    assert REPO not in root.resolve().parents
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        wheels = root / "wheels"
        _run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
            root,
            env,
        )
        (wheel,) = wheels.glob("resume_lessons-*.whl")
        venv = root / "venv"
        _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], root, env)
        bin_ = venv / "bin"
        py = bin_ / "python"
        purelib = Path(
            _run(
                [str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], root, env
            ).strip()
        )
        ours = {
            sysconfig.get_path("purelib"),
            sysconfig.get_path("platlib"),
            *site.getsitepackages(),
        }
        (purelib / "_rl_test_deps.pth").write_text("\n".join(sorted(ours)) + "\n")
        _run(
            [sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
             "--no-index", str(wheel)],
            root,
            env,
        )  # fmt: skip
        scratch = root / "scratch"
        env.update(
            PATH=f"{bin_}{os.pathsep}{env.get('PATH', '')}",
            JUPYTER_DATA_DIR=str(scratch / "jupyter-data"),  # no kernelspec from ~/.local
            JUPYTER_CONFIG_DIR=str(scratch / "jupyter-config"),
            # The shared dependencies' data files (nbconvert's templates) stay in their prefix.
            JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"),
            IPYTHONDIR=str(scratch / "ipython"),
            HOME=str(root / "home"),
        )
        work = root / "work"
        work.mkdir()
        where = _run(
            [str(py), "-c", "import resume_lessons, sys; print(resume_lessons.__file__)"], work, env
        )
        assert Path(where.strip()).is_relative_to(purelib), where  # the wheel, not the checkout
        yield bin_, env, work
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_report_on_the_bundled_sample(installed) -> None:  # type: ignore[no-untyped-def]
    bin_, env, work = installed
    out = _run([str(bin_ / "resume-lessons"), "report", "--out", "reports"], work, env)
    html = work / "reports" / "alex-rivera.html"
    assert str(html) in out or html.name in out, out
    page = html.read_text(encoding="utf-8")
    assert "Verdict per technique" in page and "<script" not in page


def test_batch_on_a_tiny_class(installed) -> None:  # type: ignore[no-untyped-def]
    bin_, env, work = installed
    folder = work / "class"
    folder.mkdir()
    for name in ("ana_silva.yaml", "ana_silva.drafts.yaml", "emeka_obi.json"):
        shutil.copy(SAMPLES / "workshop" / name, folder / name)
    _run([str(bin_ / "resume-lessons"), "batch", "class", "--out", "out", "--quiet"], work, env)
    made = {p.name for p in (work / "out").iterdir()}
    assert {"ana-silva.html", "emeka-obi.html"} <= made, made


def test_lessons_copy_and_one_lesson_with_papermill(installed) -> None:  # type: ignore[no-untyped-def]
    bin_, env, work = installed
    learner = work / "my-lessons"
    out = _run([str(bin_ / "resume-lessons"), "lessons", str(learner)], work, env)
    assert "copied" in out and (learner / "alex_before.yaml").exists()
    (learner / "04_quantify_experiments.ipynb").write_text("{}", encoding="utf-8")  # "edited"
    again = _run([str(bin_ / "resume-lessons"), "lessons", str(learner)], work, env)
    assert "kept" in again and (learner / "04_quantify_experiments.ipynb").read_text() == "{}"
    _run(
        [str(bin_ / "python"), "-m", "papermill", "--no-progress-bar", "--kernel", "python3",
         "01_lead_with_your_domain.ipynb", "ran.ipynb", "-p", "learner_name", "Wheel Test"],
        learner,
        env,
    )  # fmt: skip
    nb = nbformat.read(learner / "ran.ipynb", as_version=4)
    shown = "".join(
        str(o.get("data", {}).get("text/html", "")) for c in nb.cells for o in c.get("outputs", [])
    )
    assert "rl-strong-example" in shown and "rl-error" not in shown
    assert str(learner / "drafts" / "wheel-test.yaml") in shown  # drafts in the learner's folder
    assert str(learner / "alex_before.yaml") in shown  # the learner's copy of the sample


def test_tailor_on_the_bundled_sample_postings(installed) -> None:  # type: ignore[no-untyped-def]
    bin_, env, work = installed
    probe = "import pathlib, resume_lessons; print(pathlib.Path(resume_lessons.__file__).parent)"
    package = Path(_run([str(bin_ / "python"), "-c", probe], work, env).strip())
    postings = sorted((package / "samples" / "postings").iterdir())
    assert [p.suffix for p in postings] == [".txt", ".json", ".yaml"]  # shipped in the wheel
    resume = package / "samples" / "examples" / "alex_before.yaml"
    for posting in postings:
        out = _run([str(bin_ / "resume-lessons"), "tailor", str(resume), str(posting)], work, env)
        assert "coverage: T1 " in out, out
