"""Generated reports in Debian's Chromium with the network cut: offline, visible, safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.browser import launch
from support.reports import XSS, sample_report, small_resume, write_yaml, xss_report

from resume_lessons.runners.batch import run_batch

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).parents[1] / "test-output"


def open_offline(playwright, path: Path, shot: str):  # type: ignore[no-untyped-def]
    """Open a file with every non-file, non-data request aborted; report what happened."""
    browser = launch(playwright)
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    seen = {"outside": [], "console": [], "dialogs": [], "errors": []}

    def route(r):  # type: ignore[no-untyped-def]
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            seen["outside"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and seen["console"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri(), wait_until="load")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / shot), full_page=True)
    return browser, page, seen


def test_sample_report_renders_offline_with_visible_charts() -> None:
    from playwright.sync_api import sync_playwright

    html, _ = sample_report()
    with sync_playwright() as p:
        browser, page, seen = open_offline(p, html, "report_sample.png")
        widths = page.evaluate("[...document.images].map(i => i.complete ? i.naturalWidth : 0)")
        before_after = page.locator(".rl-before-after")
        assert seen == {"outside": [], "console": [], "dialogs": [], "errors": []}
        assert len(widths) >= 2 and all(w > 0 for w in widths)
        assert before_after.count() == 12 and before_after.first.is_visible()
        assert page.locator("h2.rl-learner").inner_text() == "Alex Rivera"
        assert page.locator("tr.rl-verdict").count() == 7
        assert page.locator("li.rl-action").count() == 1  # after its drafts only T4 is still open
        assert page.evaluate("document.scripts.length") == 0
        browser.close()


def test_script_in_a_bullet_shows_as_text_and_never_runs() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser, page, seen = open_offline(p, xss_report(), "report_xss.png")
        assert seen["dialogs"] == [] and seen["outside"] == [] and seen["errors"] == []
        assert page.evaluate("document.scripts.length") == 0
        assert XSS in page.locator("h2.rl-learner").inner_text()
        assert XSS in page.locator("body").inner_text()
        browser.close()


def test_class_overview_renders_offline(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    folder = tmp_path / "class"
    folder.mkdir()
    write_yaml(folder / "ana.yaml", small_resume(f"Ana {XSS}", ["Built a feature store."]))
    (folder / "bad.yaml").write_text("basics: [\n", encoding="utf-8")
    out = tmp_path / "out"

    result = run_batch(folder, out, workers=1, progress=False, job=fake_job)
    with sync_playwright() as p:
        browser, page, seen = open_offline(p, result.overview_html, "class_overview.png")
        assert seen == {"outside": [], "console": [], "dialogs": [], "errors": []}
        assert page.evaluate("[...document.images].every(i => i.naturalWidth > 0)")
        assert page.locator("tr.rl-row-error").count() == 1
        assert page.locator("a[href='ana.html']").count() == 1
        browser.close()


def fake_job(job: dict) -> dict:
    """Stands in for a report run (module level, so a worker process can import it)."""
    Path(job["out"], f"{job['slug']}.html").write_text("<p>report</p>", encoding="utf-8")
    return {"slug": job["slug"], "report": f"{job['slug']}.html"}
