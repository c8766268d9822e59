"""The CLI runs on the bundled samples and reports bad input without a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from resume_lessons.cli import main

EXAMPLES = Path(__file__).parents[1] / "data" / "examples"


def test_check_json_has_scores_for_every_technique(capsys) -> None:
    assert main(["check", str(EXAMPLES / "alex_after.yaml"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["scores"]) == {"T1", "T2", "T3", "T4", "T5", "T6", "T7", "overall"}


def test_bad_yaml_exits_2_without_traceback(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("basics: [\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
