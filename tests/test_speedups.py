"""The compiled element finder gives what the Python source gives, and never runs stale code.

The character loops written for the compiled build (scan_tokens, _number_starts, ...) run in
Python here too, against the patterns they replace.

The Cython build (setup.py) is optional; the tests that need it skip when it is not there,
unless RESUME_LESSONS_REQUIRE_COMPILED is set (CI sets it, so a broken build cannot hide).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import resume_lessons
from resume_lessons import _speedups, elements
from resume_lessons.profile import TOKEN, _prefix_pattern, _token_split_spans, scan_tokens

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "data" / "elements_devset.yaml"
TOKEN_ALPHABET = "abz09$&-/'.@+ ,;:()%!?\t\nAZ_#*é→İ"

compiled = all(_speedups.compiled_file(name) for name in _speedups.HOT_MODULES)
needs_compiled = pytest.mark.skipif(
    not compiled and not os.environ.get("RESUME_LESSONS_REQUIRE_COMPILED"),
    reason="no compiled build here (no C compiler at install time)",
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=TOKEN_ALPHABET, max_size=40))
def test_the_hand_written_tokenizer_is_the_token_pattern(text: str) -> None:
    expected = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
    words, starts, ends = scan_tokens(text)
    assert list(zip(words, starts, ends, strict=True)) == expected
    assert _token_split_spans(text) == (words, starts, ends)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab09 $.,-_+%xA→٣", max_size=40))
def test_the_hand_written_number_scans_are_their_patterns(text: str) -> None:
    assert elements._has_digit(text) == (elements._ANY_DIGIT.search(text) is not None)
    if text.isascii():  # the finder uses the other two on ASCII text only
        starts = [m.start() for m in elements._MAGNITUDE_NUM_START.finditer(text)]
        assert elements._number_starts(text) == starts
        scales = [(m.span(), m.groups()) for m in elements._SCALE_NUM.finditer(text)]
        assert [(m.span(), m.groups()) for m in elements._scale_numbers(text)] == scales


MAGNITUDE_WORDS = ["from", "by", "doubl", "tripl", "halv", "in", "half", "ha", "lf", "x", "_"]
MAGNITUDE_WORDS += ["7", "$", " ", "\t"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*MAGNITUDE_WORDS, "fro", "b", "i", "n", "h"]), max_size=10))
def test_the_hand_written_magnitude_scan_is_its_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    starts = [m.start() for m in elements._MAGNITUDE_START.finditer(text)]
    assert elements._magnitude_starts(text) == starts
    after_non_word = [
        m.start()
        for m in elements._TRAFFIC_START.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
    ]
    assert elements._traffic_starts(text) == after_non_word


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="abc-@", min_size=1, max_size=4), min_size=1, max_size=8),
    st.lists(st.text(alphabet="abc-@", min_size=1, max_size=6), max_size=8),
)
def test_the_stem_trie_finds_exactly_the_tokens_a_stem_starts(
    stems: list[str], tokens: list[str]
) -> None:
    pattern = re.compile("\n" + _prefix_pattern(sorted(set(stems))))
    found = pattern.search("\n" + "\n".join(tokens)) is not None
    assert found == any(tok.startswith(stem) for tok in tokens for stem in stems)


def _run(code: str, env: dict[str, str], path: Path = ROOT) -> str:
    env = {**os.environ, **env, "PYTHONPATH": str(path)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=path,  # "python -c" puts the working folder first on sys.path
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


DUMP = """
import json, sys, yaml
sys.path.insert(0, "benchmarks")
from bench_analyzer import varied_bullets
from resume_lessons import explain, _speedups
texts = [e["text"] for e in yaml.safe_load(open("tests/data/elements_devset.yaml"))]
texts += varied_bullets(3000, seed=11) + ["", "İstanbul 5% ﬁne", "$$5m+ & c++", "a" * 5000]
out = [[list(e) for e in explain(t, kind)] for t in texts for kind in ("bullet", "summary")]
print(json.dumps({"backend": _speedups.backend(), "out": out}))
"""


@needs_compiled
def test_compiled_and_python_builds_find_the_same_elements() -> None:
    fast = json.loads(_run(DUMP, {"RESUME_LESSONS_PURE_PYTHON": ""}))
    pure = json.loads(_run(DUMP, {"RESUME_LESSONS_PURE_PYTHON": "1"}))
    assert fast["backend"] == "profile: compiled, elements: compiled"
    assert "RESUME_LESSONS_PURE_PYTHON is set" in pure["backend"]
    assert len(fast["out"]) > 6000
    assert fast["out"] == pure["out"]


@needs_compiled
def test_an_edited_source_runs_instead_of_its_stale_compiled_module(tmp_path: Path) -> None:
    package = Path(resume_lessons.__file__).parent
    copy = tmp_path / "resume_lessons"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    with (copy / "elements.py").open("a", encoding="utf-8") as f:
        f.write("\nEDITED = True  # a learner's or developer's change, not compiled yet\n")
    code = (
        "import resume_lessons.elements as e, resume_lessons._speedups as s\n"
        "print(s.backend()); print(e.__file__); print(getattr(e, 'EDITED', False))\n"
        "print(len(e.explain('Built Spark pipelines over 200M events a day')))"
    )
    backend, file, edited, count = _run(code, {}, tmp_path).split("\n")[:4]
    assert "elements: pure Python (source changed" in backend
    assert "profile: compiled" in backend
    assert file.endswith("elements.py") and edited == "True"
    assert int(count) >= 3


def test_the_package_says_which_build_runs() -> None:
    line = _speedups.backend()
    assert set(_speedups.HOT_MODULES) <= {part.split(":")[0] for part in line.split(", ")}
    out = _run(
        "from resume_lessons import _speedups; print(_speedups.backend())",
        {"RESUME_LESSONS_PURE_PYTHON": "1"},
    )
    assert "compiled" not in out.replace("not compiled", "")


def test_devset_texts_tokenize_the_same_both_ways() -> None:
    texts = [e["text"] for e in yaml.safe_load(DEVSET.read_text(encoding="utf-8"))]
    rng = random.Random(3)
    texts += ["".join(rng.choice(TOKEN_ALPHABET) for _ in range(60)) for _ in range(500)]
    for text in texts:
        lowered = text.lower()
        assert scan_tokens(lowered) == _token_split_spans(lowered), text
