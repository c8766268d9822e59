"""Class batches: discovery, safe names, error rows, skipping the unchanged, retries."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest
from support.reports import small_resume, write_yaml

from resume_lessons.cli import main
from resume_lessons.runners.batch import BatchError, discover, run_batch, run_with_retry
from resume_lessons.runners.report import KernelFailed, ReportFailed

SAFE = re.compile(r"^[a-z0-9][a-z0-9-]*\.html$")


def make_class(folder: Path) -> Path:
    """Four good learners (two with drafts) and two broken files."""
    folder.mkdir(parents=True, exist_ok=True)
    write_yaml(folder / "ana.yaml", small_resume("Ana Lima", ["Built Spark pipelines."]))
    write_yaml(
        folder / "ana.drafts.yaml",
        {"drafts": {"work[0].highlights[0]": "Built Spark pipelines for 20M events a day."}},
    )
    write_yaml(folder / "Zoë 🚀 Smith.yaml", small_resume("../../etc", ["Trained a GBDT model."]))
    write_yaml(folder / "bo.yml", small_resume("Bo", ["Served a ranking model."]))
    write_yaml(folder / "bo.drafts.yml", {"drafts": {}})
    (folder / "cy.json").write_text(
        '{"basics": {"name": "Cy"}, "work": [{"name": "X", "highlights": ["Ran an A/B test."]}]}',
        encoding="utf-8",
    )
    (folder / "broken.yaml").write_text("basics:\n  name: [unclosed\n", encoding="utf-8")
    (folder / "wrongtypes.yaml").write_text(
        "basics:\n  name: W\nwork:\n  - name: X\n    highlights: just one string\n",
        encoding="utf-8",
    )
    (folder / "notes.txt").write_text("not a learner", encoding="utf-8")
    return folder


def test_discovery_pairs_drafts_and_makes_safe_unique_slugs(tmp_path: Path) -> None:
    learners = discover(make_class(tmp_path / "class"))
    by_key = {learner.key: learner for learner in learners}
    assert set(by_key) == {"ana", "Zoë 🚀 Smith", "bo", "cy", "broken", "wrongtypes"}
    assert by_key["ana"].drafts and by_key["ana"].drafts.name == "ana.drafts.yaml"
    assert by_key["bo"].drafts and by_key["cy"].drafts is None
    assert by_key["Zoë 🚀 Smith"].slug == "zoe-smith"
    assert len({learner.slug for learner in learners}) == len(learners)


def test_pdf_and_word_resumes_are_learners_but_a_readme_is_not(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Dee Park", level=0)
    document.add_heading("Experience", level=1)
    document.add_paragraph("ML Engineer, Acme")
    document.add_paragraph("Trained an XGBoost model that lifted CTR by 3%.", style="List Bullet")
    document.save(tmp_path / "dee.docx")
    (tmp_path / "README.md").write_text("# Class of 2026\n", encoding="utf-8")
    (tmp_path / "dee.drafts.yaml").write_text("drafts: {}\n", encoding="utf-8")
    [learner] = discover(tmp_path)
    assert learner.key == "dee" and learner.resume.suffix == ".docx"
    assert learner.drafts and learner.drafts.name == "dee.drafts.yaml"


def test_slugs_stay_unique_when_names_collide(tmp_path: Path) -> None:
    for name in ("Ana.yaml", "ana.json", "ANA.yml", "🚀.yaml", "🎉.yaml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    slugs = [learner.slug for learner in discover(tmp_path)]
    assert len(set(slugs)) == 5 and all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs)


def test_bad_arguments_raise_batch_errors(tmp_path: Path, capsys) -> None:
    with pytest.raises(BatchError, match="not a folder"):
        run_batch(tmp_path / "missing", tmp_path / "out")
    with pytest.raises(BatchError, match="no resume files"):
        run_batch(tmp_path, tmp_path / "out")
    assert main(["batch", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "o"), "--workers", "0"]) == 2
    assert "error:" in capsys.readouterr().err


def test_retry_once_when_the_kernel_fails_to_start() -> None:
    calls = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise KernelFailed("kernel died")
        return "ok"

    assert run_with_retry(flaky) == ("ok", 2)

    def dead() -> str:
        raise KernelFailed("kernel died")

    with pytest.raises(KernelFailed):
        run_with_retry(dead)

    cell_calls = []

    def cell_error() -> str:
        cell_calls.append(1)
        raise ReportFailed("cell 3 failed")

    with pytest.raises(ReportFailed):
        run_with_retry(cell_error)
    assert len(cell_calls) == 1  # a failing cell fails the same way twice: no retry


@pytest.mark.notebook
def test_batch_end_to_end_with_real_kernels(tmp_path: Path, capsys) -> None:
    folder, out = make_class(tmp_path / "class"), tmp_path / "out"
    code = main(["batch", str(folder), "--out", str(out), "--workers", "2", "--quiet"])
    captured = capsys.readouterr()
    assert code == 1, captured.err
    assert "2 of 6 learner(s) failed" in captured.err
    reports = sorted(p.name for p in out.glob("*.html") if p.name != "class_overview.html")
    assert reports == ["ana.html", "bo.html", "cy.html", "zoe-smith.html"]
    assert all(SAFE.match(name) for name in reports)
    assert not list(out.glob("*.ipynb"))
    assert {p.resolve().parent for p in out.rglob("*")} == {out.resolve()}  # nothing escaped

    overview = (out / "class_overview.html").read_text(encoding="utf-8")
    assert overview.count('class="rl-row-error"') == 2
    assert all(f'href="{name}"' in overview for name in reports)
    assert "broken.yaml" in overview and "wrongtypes.yaml" in overview
    frame = pd.read_csv(out / "class_overview.csv")
    assert len(frame) == 6 and "../../etc" in set(frame["learner"])
    assert sorted(frame["status"]) == ["error", "error", "ok", "ok", "ok", "ok"]

    # Second run: nothing changed, so no kernel starts and the reports stay as they were.
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")}
    result = run_batch(folder, out, workers=2, progress=False, job=_no_kernel)
    assert result.skipped == 4 and result.failed == 2
    assert all(stamps[n] == (out / n).stat().st_mtime_ns for n in reports)

    # Changing one learner's drafts re-runs only that learner, with a real kernel.
    write_yaml(folder / "bo.drafts.yml", {"drafts": {"work[0].highlights[0]": "Served a GBDT."}})
    result = run_batch(folder, out, workers=2, progress=False)
    statuses = {r.slug: r.status for r in result.rows}
    assert statuses == {
        "ana": "skipped",
        "bo": "ok",
        "broken": "error",
        "cy": "skipped",
        "wrongtypes": "error",
        "zoe-smith": "skipped",
    }
    assert (out / "bo.html").stat().st_mtime_ns > stamps["bo.html"]
    assert "GBDT" in (out / "bo.html").read_text(encoding="utf-8")


def _no_kernel(job: dict) -> dict:
    raise AssertionError(f"{job['slug']} should have been skipped")


@pytest.mark.slow
def test_an_internal_error_in_one_job_becomes_an_error_row(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    write_yaml(folder / "a.yaml", small_resume("A", ["Built a feature store."]))
    write_yaml(folder / "b.yaml", small_resume("B", ["Built a feature store."]))
    result = run_batch(folder, tmp_path / "out", workers=1, progress=False, job=batch_fake_job)
    assert [r.status for r in result.rows] == ["ok", "error"]
    assert "b exploded" in result.rows[1].error


def batch_fake_job(job: dict) -> dict:
    if job["slug"] == "b":
        return {"slug": "b", "error": "b exploded"}
    Path(job["out"], f"{job['slug']}.html").write_text("<p>fake</p>", encoding="utf-8")
    return {"slug": job["slug"], "report": f"{job['slug']}.html"}


def signalling_job(job: dict) -> dict:
    """A fake report; learner "bea" signals the batch (as Ctrl-C would) while it runs, and
    learner "c" again and again, then hangs as a report that never ends."""
    import os
    import signal
    import time

    slug = job["slug"]
    if slug.startswith("bea"):
        os.kill(os.getppid(), signal.SIGTERM if slug == "bea-term" else signal.SIGINT)
        time.sleep(0.5)  # still running when the batch hears the signal
    if slug == "c":
        # a second Ctrl-C stops the running report; two signals close together can reach a busy
        # batch as one, so this one goes on signalling until the batch stops it (it then kills
        # this process, so no signal outlives the batch)
        for _ in range(20):
            os.kill(os.getppid(), signal.SIGINT)
            time.sleep(0.5)
        time.sleep(60)
    return batch_fake_job(job)


def _class(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        write_yaml(folder / f"{name}.yaml", small_resume(name.upper(), ["Built a feature store."]))
    return folder


@pytest.mark.parametrize("name", ["bea", "bea-term"])
@pytest.mark.slow
def test_a_signal_stops_new_learners_and_keeps_what_is_done(tmp_path: Path, name: str) -> None:
    import json
    import signal

    folder, out = _class(tmp_path / "c", ["a", name, "d", "e"]), tmp_path / "out"
    result = run_batch(folder, out, workers=1, progress=False, job=signalling_job)
    expected = signal.SIGTERM if name == "bea-term" else signal.SIGINT
    assert result.stopped_by == expected
    statuses = {r.slug: r.status for r in result.rows}
    assert statuses == {"a": "ok", name: "ok", "d": "stopped", "e": "stopped"}  # bea finished
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handler restored
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["learners"]
    assert set(manifest) == {"a", name}
    frame = pd.read_csv(out / "class_overview.csv")
    assert list(frame["status"]) == ["ok", "ok", "stopped", "stopped"]
    assert "not run" in (out / "class_overview.html").read_text(encoding="utf-8")

    again = run_batch(folder, out, workers=1, progress=False, job=batch_fake_job)
    assert {r.slug: r.status for r in again.rows} == {
        "a": "skipped",
        name: "skipped",
        "d": "ok",
        "e": "ok",
    }
    assert again.stopped_by is None


@pytest.mark.slow
def test_a_second_signal_stops_the_running_reports_too(tmp_path: Path) -> None:
    import time

    folder, out = _class(tmp_path / "c", ["a", "c", "d"]), tmp_path / "out"
    start = time.perf_counter()
    result = run_batch(folder, out, workers=1, progress=False, job=signalling_job)
    assert time.perf_counter() - start < 30  # the hanging report was stopped, not waited for
    assert {r.slug: r.status for r in result.rows} == {"a": "ok", "c": "stopped", "d": "stopped"}
    assert "stopped while its report ran" in result.rows[1].error


@pytest.mark.notebook
def test_ctrl_c_on_the_command_stops_cleanly_and_the_rerun_skips_what_finished(
    tmp_path: Path,
) -> None:
    """The real thing: `resume-lessons batch` with kernels, SIGINT to its process group."""
    import json
    import os
    import signal
    import subprocess
    import sys
    import time

    folder, out = _class(tmp_path / "c", ["ana", "bo", "cy", "dee"]), tmp_path / "out"
    exe = Path(sys.executable).with_name("resume-lessons")
    proc = subprocess.Popen(
        [str(exe), "batch", str(folder), "--out", str(out), "--workers", "1", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives it
    )
    deadline = time.monotonic() + 240
    while not (out / "ana.html").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole group, workers too
    stdout, stderr = proc.communicate(timeout=240)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    summary = [line for line in stdout.splitlines() if line.startswith("stopped by SIGINT")]
    assert len(summary) == 1 and "run the same command again" in summary[0]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["learners"]
    done = set(manifest)
    assert "ana" in done and len(done) < 4  # stopped early, kept what finished
    assert all((out / f"{slug}.html").is_file() for slug in done)
    statuses = dict(pd.read_csv(out / "class_overview.csv")[["slug", "status"]].values)
    assert {s for s, st in statuses.items() if st == "ok"} == done
    assert "stopped" in statuses.values()

    again = run_batch(folder, out, workers=1, progress=False, job=batch_fake_job)
    rerun = {r.slug: r.status for r in again.rows}
    assert {s for s, st in rerun.items() if st == "skipped"} == done
    assert {s for s, st in rerun.items() if st == "ok"} == {"ana", "bo", "cy", "dee"} - done


# ---- one posting for the whole class (`batch --job`) -------------------------------------

POSTINGS = Path(__file__).parents[1] / "resume_lessons" / "samples" / "postings"
RECS = POSTINGS / "recommendations_team.yaml"


def posting_fake_job(job: dict) -> dict:
    """A fake report that says which posting it was given."""
    posting = Path(job["posting"]).name if job.get("posting") else "none"
    Path(job["out"], f"{job['slug']}.html").write_text(f"<p>{posting}</p>", encoding="utf-8")
    return {"slug": job["slug"], "report": f"{job['slug']}.html"}


def test_common_missing_terms_count_each_learner_once() -> None:
    from resume_lessons.present.overview import LearnerRow, common_missing_terms, overview_html

    rows = [
        LearnerRow(
            "a", "a", "ok", scores={"overall": 50}, missing_terms=["Feast", "Feast", "BigQuery"]
        ),
        LearnerRow("b", "b", "ok", scores={"overall": 60}, missing_terms=["Feast"]),
        LearnerRow("c", "c", "error", error="broken", missing_terms=["Spark"]),
    ]
    assert common_missing_terms(rows) == [("Feast", 2), ("BigQuery", 1)]
    page = overview_html(rows, job="ML Engineer, <Acme>")
    assert "Tailored to ML Engineer, &lt;Acme&gt;: the most commonly missing terms" in page
    assert '<td class="rl-term">Feast</td><td>2 of 2 (100%)</td>' in page
    assert "Spark" not in page.split("rl-missing-terms", 1)[1].split("</table>", 1)[0]
    assert "most commonly missing" not in overview_html(rows)  # no posting, no such section


def test_a_bad_posting_stops_the_batch_before_any_learner(tmp_path: Path, capsys) -> None:
    folder = _class(tmp_path / "c", ["a"])
    bad = tmp_path / "posting.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    args = ["batch", str(folder), "--out", str(tmp_path / "out"), "--job", str(bad), "--quiet"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "the job posting cannot be used" in err and str(bad) in err
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_batch_with_a_job_lists_the_terms_learners_miss_and_bad_files_stop_no_one(
    tmp_path: Path,
) -> None:
    from resume_lessons import load_resume
    from resume_lessons.core.drafts import load_drafts
    from resume_lessons.core.tailor import tailor
    from resume_lessons.formats.posting import read_posting

    folder, out = make_class(tmp_path / "class"), tmp_path / "out"
    result = run_batch(
        folder, out, workers=2, progress=False, job=posting_fake_job, posting_path=RECS
    )
    statuses = {r.slug: r.status for r in result.rows}
    assert statuses == {
        "ana": "ok",
        "bo": "ok",
        "broken": "error",
        "cy": "ok",
        "wrongtypes": "error",
        "zoe-smith": "ok",
    }
    assert all(
        (out / f"{r.slug}.html").read_text(encoding="utf-8") == f"<p>{RECS.name}</p>"
        for r in result.rows
        if r.status == "ok"
    )
    posting = read_posting(RECS)
    expected: dict[str, int] = {}
    for name in ("ana", "bo", "cy", "Zoë 🚀 Smith"):
        path = next(folder.glob(f"{name}.*"))
        drafts = next((p for p in folder.glob(f"{name}.drafts.*")), None)
        found = tailor(load_resume(path), posting, drafts=load_drafts(drafts) if drafts else None)
        for term in dict.fromkeys(m.term.name for m in found.missing):
            expected[term] = expected.get(term, 0) + 1
    overview = (out / "class_overview.html").read_text(encoding="utf-8")
    assert f"Tailored to {posting.heading}: the most commonly missing terms" in overview
    table = overview.split('class="rl-table rl-missing-terms"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<td class="rl-term">([^<]*)</td><td>(\d+) of 4', table)
    assert rows and len(rows) == min(10, len(expected))
    counts = [int(n) for _, n in rows]
    assert counts == sorted(counts, reverse=True)  # most commonly missing first
    assert all(expected[html.unescape(term)] == int(n) for term, n in rows)
    assert overview.count('class="rl-row-error"') == 2
    frame = pd.read_csv(out / "class_overview.csv", keep_default_na=False)
    ana = frame[frame["slug"] == "ana"].iloc[0]
    assert rows[0][0] in ana["missing_terms"].split("; ") or expected[rows[0][0]] < 4

    # the same posting again: nothing reruns; a changed posting reruns everyone
    again = run_batch(folder, out, workers=2, progress=False, job=_no_kernel, posting_path=RECS)
    assert again.skipped == 4
    other = POSTINGS / "fraud_team.txt"
    changed = run_batch(
        folder, out, workers=2, progress=False, job=posting_fake_job, posting_path=other
    )
    assert changed.skipped == 0 and sum(r.status == "ok" for r in changed.rows) == 4
    assert "Kestrel Pay" in (out / "class_overview.html").read_text(encoding="utf-8")


@pytest.mark.notebook
def test_batch_with_a_job_adds_the_tailored_section_to_each_report(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    write_yaml(folder / "ana.yaml", small_resume("Ana", ["Built Spark pipelines for ranking."]))
    (folder / "broken.yaml").write_text("basics: [\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["batch", str(folder), "--out", str(out), "--job", str(RECS), "--quiet"]
    assert main([*args, "--workers", "1"]) == 1  # the broken file fails, alone
    page = (out / "ana.html").read_text(encoding="utf-8")
    assert "Tailored to Senior Machine Learning Engineer, Recommendations" in page
    overview = (out / "class_overview.html").read_text(encoding="utf-8")
    assert "the most commonly missing terms" in overview and "1 of 1 (100%)" in overview


@pytest.mark.notebook
def test_a_kernels_own_stderr_stays_out_of_the_terminal_and_is_shown_when_it_dies(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import nbformat

    from resume_lessons.runners.report import execute

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(
        'resume_path = ""\ndrafts_path = ""\nlearner_name = ""\nprofile = ""'
    )
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        params,
        nbformat.v4.new_code_cell(
            "import os, sys\nprint('boom from the kernel', file=sys.__stderr__, flush=True)\n"
            "os._exit(3)"
        ),
    ]
    notebook = tmp_path / "dies.ipynb"
    nbformat.write(nb, notebook)
    with pytest.raises(KernelFailed) as failed:
        execute(
            tmp_path / "r.yaml", None, "x", "ml-engineer", tmp_path / "out.ipynb", notebook=notebook
        )
    assert "The kernel said:" in str(failed.value) and "boom from the kernel" in str(failed.value)
    assert "boom from the kernel" not in capfd.readouterr().err
