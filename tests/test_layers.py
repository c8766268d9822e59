"""The layers are a contract: import-linter checks it, and a break is caught (not a convention)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_package_keeps_its_layers():
    run = _lint(ROOT, ROOT / "pyproject.toml")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 kept, 0 broken" in run.stdout


def _copy_with(tmp_path: Path, module: str, line: str) -> Path:
    """The package copied into tmp_path with one line appended to one module, and the
    project's import-linter contracts as its only configuration."""
    shutil.copytree(
        ROOT / "resume_lessons",
        tmp_path / "resume_lessons",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    target = tmp_path / "resume_lessons" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lines = ["[tool.importlinter]", 'root_package = "resume_lessons"']
    lines.append("include_external_packages = true")
    for contract in contracts["tool"]["importlinter"]["contracts"]:
        lines.append("[[tool.importlinter.contracts]]")
        for key, value in contract.items():
            lines.append(f"{key} = {value!r}".replace("'", '"'))
    config = tmp_path / "pyproject.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def test_a_core_module_importing_a_shell_breaks_the_contract(tmp_path):
    config = _copy_with(tmp_path, "core/model.py", "from resume_lessons.cli import main  # noqa")
    run = _lint(tmp_path, config)
    assert run.returncode != 0
    assert "resume_lessons.core.model -> resume_lessons.cli" in run.stdout


def test_the_core_importing_a_plotting_library_breaks_the_contract(tmp_path):
    config = _copy_with(tmp_path, "core/analyze.py", "import matplotlib  # noqa")
    run = _lint(tmp_path, config)
    assert run.returncode != 0
    assert "resume_lessons.core is not allowed to import matplotlib" in run.stdout
