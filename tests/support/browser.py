"""Debian's Chromium for browser tests: found, or skipped with how to install it (failed in CI)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium keeps trying to reach Google's servers, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_or_skip() -> str:
    """The Chromium executable; in CI (CI=true) a missing browser fails instead of skipping."""
    path = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    if path:
        return path
    message = "Debian's chromium is missing: install it with `apt-get update && apt-get install -y chromium`"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
    raise AssertionError("unreachable")


def launch(playwright):  # type: ignore[no-untyped-def]
    """A headless Chromium browser driven by Playwright, using Debian's executable."""
    return playwright.chromium.launch(
        executable_path=chromium_or_skip(), headless=True, args=CHROMIUM_ARGS
    )
