"""The `check`, `explain` and `rules` commands as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from resume_lessons.cli import main
from resume_lessons.cli.rules import markdown

ROOT = Path(__file__).parents[1]
BEFORE = str(ROOT / "resume_lessons" / "samples" / "examples" / "alex_before.yaml")
AFTER = str(ROOT / "resume_lessons" / "samples" / "examples" / "alex_after.yaml")


def test_check_text_reads_like_a_linter(capsys) -> None:
    assert main(["check", BEFORE]) == 0
    out = capsys.readouterr().out
    assert f"{BEFORE}:basics.summary" in out
    assert "T106" in out and "fix:" in out
    assert "overall" in out.splitlines()[-2]


def test_check_json_shape(capsys) -> None:
    assert main(["check", BEFORE, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == BEFORE
    assert set(data["scores"]) == {"T1", "T2", "T3", "T4", "T5", "T6", "T7", "overall"}
    first = data["findings"][0]
    assert set(first) >= {"code", "technique", "location", "message", "suggestion", "span"}


def test_check_csv_has_one_row_per_finding(capsys) -> None:
    assert main(["check", BEFORE, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {"location", "code", "message", "suggestion"} <= set(rows[0])
    main(["check", BEFORE, "--format", "json"])
    assert len(rows) == len(json.loads(capsys.readouterr().out)["findings"])


@pytest.mark.parametrize(("file", "threshold", "code"), [(BEFORE, 50, 1), (AFTER, 85, 0)])
def test_fail_under(file: str, threshold: int, code: int, capsys) -> None:
    assert main(["check", file, "--fail-under", str(threshold), "--format", "json"]) == code


def test_explain_text_marks_spans(capsys) -> None:
    assert main(["explain", "Cut p99 latency from 80 to 35 ms"]) == 0
    out = capsys.readouterr().out
    assert "quantified_impact" in out and "^^^" in out


def test_explain_summary_json(capsys) -> None:
    text = "Passionate ML engineer with 6 years in fraud detection."
    assert main(["explain", "--kind", "summary", "--format", "json", text]) == 0
    names = {e["name"] for e in json.loads(capsys.readouterr().out)["elements"]}
    assert {"generic_adjective", "years_experience", "domain"} <= names


def test_explain_stdin_one_json_object_per_line() -> None:
    lines = "Worked on models\nLifted CTR by 12% in a 3-week A/B test\n\n"
    proc = subprocess.run(
        [sys.executable, "-m", "resume_lessons.cli", "explain", "-"],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
    )
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["text"] for o in out] == [
        "Worked on models",
        "Lifted CTR by 12% in a 3-week A/B test",
        "",
    ]
    assert "weak_opening" in {e["name"] for e in out[0]["elements"]}
    assert out[2]["elements"] == []


def test_rules_lists_and_explains(capsys) -> None:
    assert main(["rules"]) == 0
    assert "T7" in capsys.readouterr().out
    assert main(["rules", "T402"]) == 0
    out = capsys.readouterr().out
    assert "experiment-without-duration" in out and "Weak:" in out


def test_unknown_rule_is_a_clear_error(capsys) -> None:
    assert main(["rules", "T9"]) == 2
    assert "known" in capsys.readouterr().err


def test_unknown_profile_is_a_clear_error(capsys) -> None:
    assert main(["check", BEFORE, "--profile", "astronaut"]) == 2
    assert "no profile named 'astronaut'" in capsys.readouterr().err


def test_rule_docs_are_generated_from_the_code() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown()


def test_console_script_is_installed() -> None:
    exe = Path(sys.executable).parent / "resume-lessons"
    proc = subprocess.run([str(exe), "rules"], capture_output=True, text=True)
    assert proc.returncode == 0 and "T1" in proc.stdout


def test_python_dash_m_runs_the_same_command_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "resume_lessons", "rules", "T402"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and "experiment-without-duration" in proc.stdout


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_named_drafts_file_that_is_missing_is_an_error(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check, tailor and export read the resume and drafts the same way: a drafts file that
    does not exist is named, not silently taken as no drafts."""
    extra = ["--to", "yaml"] if command == "export" else []
    assert main([command, BEFORE, "--drafts", str(tmp_path / "nope.yaml"), *extra]) == 2
    assert "nope.yaml" in capsys.readouterr().err


def test_explain_gives_a_summary_its_t1_score_as_lesson_01_does(capsys) -> None:
    from resume_lessons.core.analyze import score_item
    from resume_lessons.core.techniques import get_technique

    summary = (
        "Fraud ML engineer; I own the real-time scoring service behind 2B transactions a year."
    )
    assert main(["explain", "--kind", "summary", summary, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["score"] == score_item(summary, "summary", get_technique("T1")).score
    assert data["checklist"][0]["line"] == "summary names the domain"
    assert all(f["question"] for f in data["missing"])
    assert main(["explain", "--kind", "summary", summary]) == 0
    assert f"T1 score: {data['score']}/100" in capsys.readouterr().out


def test_json_output_carries_a_bad_file_s_error_too(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "posting.txt"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["tailor", BEFORE, str(bad), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    error = json.loads(out)["error"]
    assert error["file"] == str(bad) and error["what"] == "posting"
    assert error["problems"][0]["message"] == "the file contains binary data"
    assert "plain UTF-8 text" in error["problems"][0]["hint"] and "binary data" in err
    assert main(["check", str(tmp_path / "none.yaml"), "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["what"] == "resume"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ML engineer with 6 years in ads ranking.", "summary"),
        ("Senior data scientist in fraud detection, serving 40M users.", "summary"),
        ("Forecasting lead; 8 years of experience in retail demand.", "summary"),
        ("Built the ranking pipeline with two engineers.", "bullet"),
        ("Engineered features for the churn model.", "bullet"),
    ],
)
def test_explain_reads_a_summary_as_one_unless_told(text: str, kind: str, capsys) -> None:
    assert main(["explain", text, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == kind
    assert ("checklist" in data) == (kind == "summary")
    assert main(["explain", "--kind", "bullet", text]) == 0
    assert "Bullet score" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mentored 4 engineers and ran the team's weekly model review.", "bullet"),
        ("Led the ranking team of 5 engineers for 3 years.", "bullet"),
        ("Senior ML engineer with 8 years in fraud detection.", "summary"),
        ("Data scientist in fraud, building scoring models.", "summary"),
    ],
)
def test_explain_reads_a_text_opening_with_a_verb_as_a_bullet(text: str, kind: str) -> None:
    from resume_lessons.cli.explain import guess_kind

    assert guess_kind(text) == kind
