"""The lemma cache file (core/lemmas.py): lemminflect's answers, kept so a command need not
load lemminflect. It must give what lemminflect gives, whether the file is new, read back,
broken or cannot be written, and it holds nothing of the profile's."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import lemminflect
import pytest

from resume_lessons.core import lemmas

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resume_lessons" / "samples" / "examples" / "alex_before.yaml"
# dictionary words, a hyphenated one, coined verbs (the out-of-vocabulary rules), a token
# with digits, one with a slash, a capitalised word, a word nobody knows, an irregular past
WORDS = (
    "ranked",
    "re-ranked",
    "forecasting",
    "data",
    "led",
    "productionized",
    "dockerizing",
    "blorficated",
    "p99",
    "a/b",
    "Ranked",
    "xgboost",
    "got",
)


def lemminflect_keys(token: str) -> frozenset[str]:
    """What lemmas.keys answers, asked of lemminflect directly (no cache)."""
    head, sep, last = token.rpartition("-")
    if not last.isalpha():
        return frozenset({token})
    found = lemminflect.getAllLemmas(last)
    if found:
        forms = {lemma for lemmas_ in found.values() for lemma in lemmas_}
    elif len(last) > 4 and last.endswith(("ed", "ing")):
        forms = set(lemminflect.getAllLemmasOOV(last, "VERB").get("VERB", ()))
    else:
        forms = set()
    return frozenset({token, *(head + sep + form for form in forms)})


def forget() -> None:
    """Drop what this process holds, so the next call reads the cache file again."""
    lemmas._cache.cache_clear()
    lemmas.readings.cache_clear()
    lemmas.keys.cache_clear()


@pytest.fixture
def cache_in(monkeypatch):
    """use(folder): point the cache at folder for this test; the caller's cache comes back."""

    def use(folder: Path) -> None:
        monkeypatch.setenv(lemmas.CACHE_ENV, str(folder))
        forget()

    yield use
    forget()


def assert_answers_as_lemminflect() -> None:
    for word in WORDS:
        assert lemmas.keys(word) == lemminflect_keys(word), word
        assert lemmas.readings(word) == lemminflect.getAllLemmas(word), word


def test_a_new_cache_and_the_file_read_back_answer_as_lemminflect(cache_in, tmp_path) -> None:
    cache_in(tmp_path)
    assert_answers_as_lemminflect()
    assert lemmas.cache_file().parent == tmp_path and lemmas.cache_file().exists()
    forget()  # now from the file
    assert_answers_as_lemminflect()


def test_every_dictionary_entry_survives_the_file_format(cache_in, tmp_path) -> None:
    cache_in(tmp_path)
    dictionary = lemmas._cache()["dictionary"]
    assert len(dictionary) > 50_000
    for word, encoded in dictionary.items():
        assert lemmas._decode(encoded) == lemminflect.getAllLemmas(word), word


def test_a_cache_folder_that_cannot_be_made_still_works(cache_in, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache_in(blocker / "cache")
    assert_answers_as_lemminflect()
    assert not (blocker / "cache").exists()


def test_a_broken_cache_file_is_built_again(cache_in, tmp_path) -> None:
    cache_in(tmp_path)
    lemmas.cache_file().write_bytes(b"\x00 half a file")
    assert_answers_as_lemminflect()
    forget()
    assert len(lemmas._cache()["dictionary"]) > 50_000  # the file was written anew


def test_the_file_is_per_lemminflect_version(cache_in, tmp_path) -> None:
    cache_in(tmp_path)
    assert f"lemminflect-{lemminflect.__version__}-" in lemmas.cache_file().name


PROBE = """
import json, sys
from resume_lessons.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print("\\nPROBE " + json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def run(cache: Path, *args: str) -> tuple[str, set[str]]:
    """A command in a fresh interpreter with its cache in `cache`: (stdout, top-level modules)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, lemmas.CACHE_ENV: str(cache)},
        timeout=120,
    )
    line = next(ln for ln in done.stderr.splitlines() if ln.startswith("PROBE "))
    probe = json.loads(line.removeprefix("PROBE "))
    assert probe["code"] == 0, done.stderr
    return done.stdout, {m.split(".")[0] for m in probe["modules"]}


def test_a_warm_cache_needs_no_lemminflect_and_gives_the_same_output(tmp_path) -> None:
    bullet = "Productionized a dockerized re-ranker, cutting p99 latency 40% for 2M users."
    first_check, modules = run(tmp_path, "check", str(SAMPLE), "--format", "json")
    assert "lemminflect" in modules  # building the file
    first_explain, _ = run(tmp_path, "explain", bullet, "--format", "json")
    # the new words' out-of-vocabulary lemmas were saved when that process ended
    for args, first in (
        (("check", str(SAMPLE), "--format", "json"), first_check),
        (("explain", bullet, "--format", "json"), first_explain),
    ):
        out, modules = run(tmp_path, *args)
        assert out == first
        assert not modules & {"lemminflect", "numpy"}, args


def test_a_changed_profile_file_counts_with_a_warm_cache(tmp_path) -> None:
    profile = tmp_path / "profile"
    shutil.copytree(ROOT / "resume_lessons" / "core" / "profiles" / "ml-engineer", profile)
    bullet = "Trained a blorfnet ranker on clicks."
    args = ("explain", bullet, "--format", "json", "--profile", str(profile))

    def model_types() -> list[str]:
        out, _ = run(tmp_path / "cache", *args)
        return [e["text"] for e in json.loads(out)["elements"] if e["name"] == "model_type"]

    assert model_types() == []
    with (profile / "models.yaml").open("a", encoding="utf-8") as f:
        f.write("- blorfnet\n")
    assert model_types() == ["blorfnet"]


def test_a_kinds_index_cut_from_the_whole_is_the_one_built_alone() -> None:
    import resume_lessons.core.profile as profile

    raw = profile.load_profile().raw
    whole = profile._build_index(raw)
    for categories in profile.kind_categories().values():
        alone, cut = profile._build_index(raw, categories), whole.only(categories)
        assert cut._singles == alone._singles and cut._pairs == alone._pairs
        assert cut._prefixes == alone._prefixes
