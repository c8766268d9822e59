"""Export: JSON Resume that validates against the official schema, Markdown, YAML, with drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resume_lessons.cli import main
from resume_lessons.core.drafts import Drafts, save_drafts
from resume_lessons.formats import import_file, load_resume
from resume_lessons.formats.export import schema_errors, to_json_resume, to_markdown, to_yaml

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
SAMPLES = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".drafts.yaml"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_json_resume_validates_and_reimports_the_same(path: Path, tmp_path: Path) -> None:
    resume = load_resume(path)
    data = to_json_resume(resume)
    assert schema_errors(data) == []
    out = tmp_path / "resume.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    again = to_json_resume(load_resume(out))
    assert again == data


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_yaml_and_markdown_reimport_the_same(path: Path, tmp_path: Path) -> None:
    resume = load_resume(path)
    yaml_out = tmp_path / "resume.yaml"
    yaml_out.write_text(to_yaml(resume, ["a comment"]), encoding="utf-8")
    assert load_resume(yaml_out) == resume
    md_out = tmp_path / "resume.md"
    md_out.write_text(to_markdown(resume), encoding="utf-8")
    assert import_file(md_out).resume.work == resume.work


def test_schema_check_catches_a_bad_date() -> None:
    data = to_json_resume(load_resume(EXAMPLES / "priya_fraud.yaml"))
    data["work"][0]["startDate"] = "January"
    assert any(e.startswith("work.0.startDate") for e in schema_errors(data))


def test_markdown_is_one_clean_page() -> None:
    text = to_markdown(load_resume(EXAMPLES / "alex_after.yaml"))
    assert text.startswith("# Alex Rivera\n")
    assert "## Experience" in text and "### Senior ML Engineer, Home Feed — Spotify" in text
    assert "*Mar 2021 – Present*" in text
    assert "None" not in text and "\n\n\n" not in text


def test_export_applies_drafts(tmp_path: Path, capsys) -> None:
    drafts = Drafts()
    drafts.set("work[0].highlights[0]", "Rebuilt candidate generation, lifting CTR by 12%.")
    drafts_path = save_drafts(drafts, tmp_path / "drafts.yaml")
    out = tmp_path / "after.json"
    args = ["export", str(EXAMPLES / "alex_before.yaml"), "--drafts", str(drafts_path)]
    assert main([*args, "--to", "json-resume", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["work"][0]["highlights"][0].startswith("Rebuilt candidate generation")
    assert main([*args, "--to", "json-resume", "-o", str(out)]) == 2  # no silent overwrite
    assert main([*args, "--to", "markdown"]) == 0
    assert "- Rebuilt candidate generation" in capsys.readouterr().out


def test_the_schema_ships_with_the_kit_under_its_licence() -> None:
    """The official JSON Resume schema (MIT) is package data; resume-pycli (GPL) is not needed."""
    from resume_lessons.formats.jsonresume import SCHEMA_URL, SCHEMA_VERSION, schema

    folder = Path(__file__).parents[1] / "resume_lessons" / "formats" / "schema"
    licence = (folder / "LICENSE").read_text(encoding="utf-8")
    assert "The MIT License" in licence and "jsonresume/resume-schema" in licence
    assert SCHEMA_VERSION in licence and SCHEMA_VERSION in SCHEMA_URL
    assert schema()["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert {"basics", "work", "skills", "publications"} <= set(schema()["properties"])
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert "resume-pycli" not in pyproject and "formats/schema/*" in pyproject


def test_export_checks_the_schema_without_resume_pycli(tmp_path: Path) -> None:
    """With resume_pycli made unimportable, `export --to json-resume` still validates."""
    import subprocess
    import sys

    out = tmp_path / "out.json"
    code = (
        "import sys; sys.modules['resume_pycli'] = None\n"
        "from resume_lessons.cli import main\n"
        f"rc = main(['export', {str(EXAMPLES / 'priya_fraud.yaml')!r}, '--to', 'json-resume',"
        f" '-o', {str(out)!r}])\n"
        "assert 'jsonschema' in sys.modules\n"
        "raise SystemExit(rc)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(out.read_text())["basics"]["name"]


def test_jsonschema_is_imported_only_when_exporting() -> None:
    import subprocess
    import sys

    code = (
        "import sys, resume_lessons, resume_lessons.formats.export, resume_lessons.formats\n"
        "import resume_lessons.cli\n"
        "assert 'jsonschema' not in sys.modules, 'jsonschema imported at start-up'\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_escaped_markup_reads_back_as_text(tmp_path: Path) -> None:
    """A backslash escape protects a character from the emphasis and link readers, so a bullet
    with '*', '_' or '[...](...)' survives the Markdown (and rendercv) round trip."""
    from resume_lessons.formats.text import inline

    assert inline(r"cut \*fraud\* in fraud\_v2 \[beta\](x), C:\\m, **bold**") == (
        "cut *fraud* in fraud_v2 [beta](x), C:\\m, bold"
    )
    resume = load_resume(EXAMPLES / "priya_fraud.yaml")
    resume.work[0].highlights[0] = r"Cut *fraud* by 18% in fraud_v2 [beta](x) with C:\models"
    out = tmp_path / "resume.md"
    out.write_text(to_markdown(resume), encoding="utf-8")
    assert import_file(out).resume.work == resume.work
