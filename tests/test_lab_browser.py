"""Lesson 04 in real JupyterLab and Chromium: run it, type a rewrite, see feedback, save it."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import nbformat
import pytest
from support.browser import launch
from support.lab import REPO, running_lab

from resume_lessons.core.drafts import load_drafts
from resume_lessons.notebook.kit import LESSON_FILES, POSTINGS, SAMPLE_NAME, copy_lessons

OUT = REPO / "test-output"
LESSON = "04_quantify_experiments.ipynb"
# Each step's last key completes an element the T4 checklist wants.
STEPS = [
    ("Lifted home feed CTR by 12% in an A/B tes", "t", "an experiment (A/B test) described"),
    (" that ran for 3 week", "s", "every test says how long it ran"),
    (" on 5% of global traffi", "c", "every test says what share of traffic it ran on"),
    (", with guardrails on ", "l", "every test names its guardrail metrics"),  # names its metric
    ("atency and early stoppin", "g", "every test says how it stopped"),
]


def _lesson_copy(folder: Path, drafts: Path) -> Path:
    """The learner's copy (as `resume-lessons lessons` makes it), with lesson 04's drafts_path
    pointing at a temporary file (the parameters cell edited)."""
    copy_lessons(folder)
    path = folder / LESSON
    nb = nbformat.read(path, as_version=4)
    params = nb.cells[1]
    params.source = "\n".join(
        f"drafts_path = {str(drafts)!r}" if line.startswith("drafts_path") else line
        for line in params.source.splitlines()
    )
    nbformat.write(nb, path)
    return path


@pytest.mark.browser
def test_rewrite_in_lab_updates_checklist_and_saves(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    root, scratch = tmp_path / "notebooks", tmp_path / "scratch"
    root.mkdir()
    scratch.mkdir()
    drafts = tmp_path / "drafts.yaml"
    _lesson_copy(root, drafts)
    OUT.mkdir(exist_ok=True)
    with running_lab(root, scratch) as lab, sync_api.sync_playwright() as pw:
        tracker = lab.get_json("/lab/api/settings/@jupyterlab/notebook-extension:tracker")
        mode = tracker["schema"]["properties"]["windowingMode"]["default"]
        assert mode == "none", tracker["schema"]["properties"]["windowingMode"]  # repo overrides
        listed = {item["name"] for item in lab.get_json("/api/contents")["content"]}
        assert listed == {name for name, _ in LESSON_FILES} | {
            SAMPLE_NAME,
            POSTINGS,
        }  # no kit internals
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(f"{lab.url}/lab/tree/{LESSON}?token={lab.token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
            page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
            page.locator("[data-command='notebook:restart-run-all']").first.click()
            page.locator(".jp-Dialog button.jp-mod-accept").click()
            area = page.locator(".rl-rewrite textarea")
            area.wait_for(timeout=90_000)
            checklist = page.locator(".rl-checklist-pane")
            assert "✘ every test says how long it ran" in checklist.inner_text()

            area.click()
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
            latencies = []
            for prefix, last_key, element in STEPS:
                page.keyboard.type(prefix, delay=5)
                start = time.perf_counter()
                page.keyboard.type(last_key)
                page.wait_for_function(
                    "([sel, want]) => document.querySelector(sel).innerText.includes(want)",
                    arg=[".rl-checklist-pane", f"✔ {element}"],
                    timeout=15_000,
                )
                latencies.append(time.perf_counter() - start)
            typed = area.input_value()
            assert "✔ every test says what share of traffic it ran on" in checklist.inner_text()
            assert "T4 item score" in page.locator(".rl-score").inner_text()
            print(
                "\nkeystroke-to-feedback (ms): "
                + ", ".join(f"{x * 1000:.0f}" for x in latencies)
                + f"; median {statistics.median(latencies) * 1000:.0f} ms"
            )

            page.locator("button.rl-save").click()
            page.locator(".rl-status", has_text="Saved").wait_for(timeout=15_000)
            page.screenshot(path=str(OUT / "lab_lesson04.png"), full_page=False)
        except Exception:
            page.screenshot(path=str(OUT / "lab_lesson04_failure.png"))
            raise
        finally:
            browser.close()
    saved = load_drafts(drafts).items
    assert [d.text for d in saved.values()] == [typed]
