"""Drafts: keyed by location, history kept, written atomically, merged over the resume."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from resume_lessons import ResumeError, load_resume
from resume_lessons.core.drafts import (
    Drafts,
    DraftsFile,
    apply_drafts,
    load_drafts,
    skills_from_text,
    skills_to_text,
)

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
BEFORE = EXAMPLES / "alex_before.yaml"


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_save_and_reload_keeps_text_and_history(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"drafts{suffix}"
    store = DraftsFile(path, BEFORE)
    store.save("work[0].highlights[2]", "first try", now="2026-01-01T10:00:00+00:00")
    store.save("work[0].highlights[2]", "second try", now="2026-01-01T11:00:00+00:00")
    store.save("basics.summary", "Recommendation systems engineer.")
    drafts = load_drafts(path)
    draft = drafts.items["work[0].highlights[2]"]
    assert draft.text == "second try" and draft.saved == "2026-01-01T11:00:00+00:00"
    assert draft.history == [{"text": "first try", "saved": "2026-01-01T10:00:00+00:00"}]
    assert drafts.text("basics.summary") == "Recommendation systems engineer."
    if suffix == ".json":
        assert json.loads(path.read_text(encoding="utf-8"))["drafts"]


def test_two_lessons_saving_to_one_file_keep_both_drafts(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    one, two = DraftsFile(path, BEFORE), DraftsFile(path, BEFORE)
    one.save("basics.summary", "summary draft")
    two.save("work[0].highlights[0]", "bullet draft")
    assert set(load_drafts(path).items) == {"basics.summary", "work[0].highlights[0]"}


def test_crash_after_temp_file_is_written_leaves_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.yaml"
    store = DraftsFile(path, BEFORE)
    store.save("basics.summary", "the saved version")
    old = path.read_bytes()

    def crash(src: str, dst: str) -> None:
        assert Path(src).read_text(encoding="utf-8")  # the temporary file was fully written
        raise OSError("simulated power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        store.save("basics.summary", "the new version")
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["d.yaml"]  # no temporary file left behind


def test_drafts_are_never_written_over_the_resume(tmp_path: Path) -> None:
    resume = tmp_path / "me.yaml"
    resume.write_bytes(BEFORE.read_bytes())
    with pytest.raises(ValueError, match="resume file"):
        DraftsFile(resume, resume).save("basics.summary", "x")
    assert resume.read_bytes() == BEFORE.read_bytes()


def test_apply_drafts_merges_and_reports_missing_places() -> None:
    resume = load_resume(BEFORE)
    drafts = Drafts()
    drafts.set("work[0].highlights[2]", "Lifted CTR by 12% in a 3-week A/B test.")
    drafts.set("work[9].highlights[0]", "gone")
    drafts.set("skills", "Languages: Python, SQL\nML Frameworks: PyTorch")
    drafts.set("publications", "Learning to rank for furniture search in production")
    after, missing = apply_drafts(resume, drafts)
    assert after.work[0].highlights[2].startswith("Lifted CTR")
    assert resume.work[0].highlights[2] == "Helped with A/B testing of new models."
    assert missing == ["work[9].highlights[0]"]
    assert [(s.name, s.keywords) for s in after.skills] == [
        ("Languages", ["Python", "SQL"]),
        ("ML Frameworks", ["PyTorch"]),
    ]
    assert [p.publisher for p in after.publications] == ["ACM RecSys"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("Languages: Python, SQL", [("Languages", ["Python", "SQL"])]),
        ("Python, SQL", [("", ["Python", "SQL"])]),
        ("Data & Features: Spark,, Feast \n\nEmpty:", [("Data & Features", ["Spark", "Feast"])]),
    ],
)
def test_skills_text_round_trip(text: str, expected: list) -> None:
    skills = skills_from_text(text)
    assert [(s.name, s.keywords) for s in skills] == expected
    assert skills_from_text(skills_to_text(skills)) == skills


def test_broken_drafts_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("drafts: [unclosed\n", encoding="utf-8")
    with pytest.raises(
        ResumeError, match=r"cannot use this drafts file:\n.*d\.yaml:2: this is not valid YAML"
    ):
        load_drafts(path)


def test_missing_drafts_file_is_no_drafts(tmp_path: Path) -> None:
    assert load_drafts(tmp_path / "none.yaml").items == {}


def _save_many(path: str, who: int, count: int) -> None:
    """Run in its own process: `count` saves of distinct drafts to one shared file."""
    store = DraftsFile(Path(path), BEFORE)
    for i in range(count):
        store.save(f"work[{who}].highlights[{i}]", f"draft {who}-{i}")


@pytest.mark.parametrize(
    ("name", "start", "count"),
    [
        ("d.yaml", "", 100),
        ("d.json", "", 100),
        ("d.yaml", "# my drafts: written by hand, kept by every save\n", 25),  # round trip
    ],
    ids=["yaml", "json", "yaml-with-comments"],
)
@pytest.mark.slow
def test_two_processes_saving_at_once_lose_no_draft(
    tmp_path: Path, name: str, start: str, count: int
) -> None:
    import multiprocessing

    path = tmp_path / name
    if start:
        path.write_text(start, encoding="utf-8")
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_save_many, args=(str(path), who, count)) for who in (0, 1)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=300)
        assert process.exitcode == 0
    saved = {loc: d.text for loc, d in load_drafts(path).items.items()}
    expected = {
        f"work[{w}].highlights[{i}]": f"draft {w}-{i}" for w in (0, 1) for i in range(count)
    }
    assert saved == expected  # none lost, none mixed up
    if start:
        assert path.read_text(encoding="utf-8").startswith("# my drafts")


HAND_WRITTEN = """\
# Ana's drafts, kept by hand
resume: ana.yaml
tool: {name: reviewer, version: 3}   # another tool's key
drafts:
  # the summary I like best
  basics.summary:
    text: Recommendation engineer.   # keep this one
    saved: '2026-01-01T10:00:00+00:00'
    reviewed-by: Bo
    history:
      - {text: Worked on recommendations, saved: '2025-12-01T10:00:00+00:00'}
      - a note that is not a mapping
      - 42
  work[0].highlights[0]: Built a feature store.
"""


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_save_keeps_what_others_wrote_into_the_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"d{suffix}"
    if suffix == ".json":
        import yaml

        data = yaml.safe_load(HAND_WRITTEN)
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    else:
        path.write_text(HAND_WRITTEN, encoding="utf-8")
    store = DraftsFile(path)
    store.save(
        "basics.summary", "Recommendation systems engineer.", now="2026-02-01T00:00:00+00:00"
    )
    store.save("work[1].highlights[0]", "Shipped a ranker.", now="2026-02-01T00:00:00+00:00")
    text = path.read_text(encoding="utf-8")
    drafts = load_drafts(path)
    summary = drafts.items["basics.summary"]
    assert summary.text == "Recommendation systems engineer."
    assert summary.extra == {"reviewed-by": "Bo"}
    assert summary.history[1:3] == ["a note that is not a mapping", 42]
    assert summary.history[-1] == {
        "text": "Recommendation engineer.",
        "saved": "2026-01-01T10:00:00+00:00",
    }
    assert drafts.extra == {"tool": {"name": "reviewer", "version": 3}}
    assert drafts.items["work[0].highlights[0]"].text == "Built a feature store."
    assert drafts.items["work[1].highlights[0]"].text == "Shipped a ranker."
    if suffix == ".yaml":
        for comment in (
            "# Ana's drafts, kept by hand",
            "# another tool's key",
            "# the summary I like best",
            "# keep this one",
        ):
            assert comment in text


def test_a_file_of_comments_only_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("# drafts for the workshop\n# one per line\n", encoding="utf-8")
    DraftsFile(path).save("basics.summary", "x")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# drafts for the workshop\n# one per line\n")
    assert load_drafts(path).text("basics.summary") == "x"


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ("basics:\n  name: Ana\nwork: []\n", "no 'drafts' key, so this is not a drafts file", 1),
        ("resume: a.yaml\n", "no 'drafts' key", 1),
        ("drafts:\n  basics.summary: [a]\n", "each draft needs a 'text'", 2),
        ("drafts:\n  basics.summary:\n    text: a\n    history: oops\n", "should be a list", 4),
        ("drafts: [a, b]\n", "'drafts' should be a mapping", 1),
        ("- a\n- b\n", "a drafts file is a mapping", 1),
    ],
)
def test_a_drafts_file_that_is_not_one_is_refused_and_never_overwritten(
    tmp_path: Path, content: str, message: str, line: int
) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResumeError) as info:
        DraftsFile(path).save("basics.summary", "x")
    text = str(info.value)
    assert text.startswith(f"{path}: cannot use this drafts file")
    assert message in text and f"{path}:{line}:" in text
    assert path.read_text(encoding="utf-8") == content
