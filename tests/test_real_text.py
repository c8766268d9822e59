"""The element finder on real resume text, hand-labelled (``../shared/realtext``, beside the repo).

The texts are other people's words and are never copied here: the test reads them where they
are, and skips (outside CI) when the folder is not there. In CI it is, and a macro-F1 under the
floor fails, so accuracy on real text cannot slide back.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REALTEXT = Path(os.environ.get("RESUME_LESSONS_REALTEXT", ROOT.parent / "shared" / "realtext"))
MACRO_F1_FLOOR = 0.80
sys.path.insert(0, str(ROOT / "benchmarks"))

import realtext  # noqa: E402


@pytest.fixture(scope="module")
def table():
    if not (REALTEXT / "labels.jsonl").exists():
        if os.environ.get("CI"):
            pytest.fail(f"{REALTEXT} is missing: CI has shared/ beside the clone")
        pytest.skip(f"no labelled real text at {REALTEXT}")
    return realtext.counts(realtext.load(REALTEXT))


def test_macro_f1_on_real_text_stays_above_the_floor(table):
    report = realtext.report(table)
    assert realtext.macro_f1(table) >= MACRO_F1_FLOOR, report


def test_every_label_field_is_scored_with_the_labels_mapping(table):
    # The mapping of LABELS.md: each field a label row can hold is counted on every text.
    assert set(realtext.BULLET_FIELDS) <= set(table)
    assert {f"summary.{f}" for f in realtext.SUMMARY_FIELDS} <= set(table)
    assert len(realtext.scored(table)) >= 15


def test_scoring_counts_a_known_case():
    items = [realtext.Labelled("x", "bullet", "Responsible for data pipelines.", frozenset())]
    table = realtext.counts(items)
    assert table["weak_opening"]["fp"] == 1  # found, not labelled
    items = [realtext.Labelled("x", "bullet", "Built it.", frozenset({"scale"}))]
    assert realtext.counts(items)["scale"]["fn"] == 1
