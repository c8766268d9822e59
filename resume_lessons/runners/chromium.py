"""Print an HTML page to PDF with headless Chromium, offline: the report's `--pdf` and
`export --to pdf` both print through here.

The page is a local file; Chromium runs with a throwaway profile, without its background
networking, component updates or DNS (every host name resolves to nothing), so printing
never reaches a server even if a page asked it to.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
INSTALL_HINT = (
    "install it with `sudo apt-get install chromium` (Debian, Ubuntu), `brew install "
    "--cask chromium` (macOS), or put Chrome or Chromium on your PATH"
)


class PrintFailed(Exception):
    """Chromium could not print the page; the message says why."""


class ChromiumMissing(PrintFailed):
    """No Chromium to print with."""


def find_chromium() -> str | None:
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_html(html_path: Path, pdf_path: Path, timeout: int = 120) -> Path:
    """Print a local HTML file to `pdf_path`; ChromiumMissing or PrintFailed otherwise."""
    chromium = find_chromium()
    if chromium is None:
        raise ChromiumMissing(f"Chromium is not installed: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="rl-chromium-") as profile_dir:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--no-pdf-header-footer",
            f"--user-data-dir={profile_dir}",
            f"--print-to-pdf={pdf_path.resolve()}",
            html_path.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PrintFailed(f"Chromium took over {timeout} s to print {pdf_path}") from None
    if done.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise PrintFailed(f"Chromium could not print {pdf_path} (exit {done.returncode}):\n{tail}")
    return pdf_path
