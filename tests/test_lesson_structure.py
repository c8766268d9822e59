"""The lesson notebooks are the source: a teacher edits their prose in JupyterLab and commits.

This holds what must not drift (the title first, the ``parameters`` cell second, the sections
and the calls in order, nothing executed or widget state saved), not the wording; nbstripout,
the tool the git filter of ``make lab`` runs, confirms no committed notebook has outputs.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from resume_lessons.notebook.kit import LESSON_FILES, POSTINGS, TAILOR, lessons_dir, sample_postings
from resume_lessons.runners.report import find_notebook

LESSONS = lessons_dir()
REPORT = find_notebook()
PARAMETERS = ["resume_path", "drafts_path", "learner_name", "profile"]
TAILOR_LESSON = next(name for name, code in LESSON_FILES if code == TAILOR)
# Lesson 08 and the report also take a job posting.
POSTING_PARAMETERS = {TAILOR_LESSON, REPORT.name}

# Each section heading (## ...) and the calls its cells make, in order, as the lessons have them.
TECHNIQUE_SECTIONS = [
    ("Why it works", []),
    ("A strong example", ["lesson.strong_example()"]),
    ("Weak and strong, side by side", ["lesson.weak_vs_strong()"]),
    ("Your resume today", ["lesson.your_resume()"]),
    ("Your turn", ["lesson.exercise()"]),
    ("Your saved draft, before and after", ["lesson.saved_drafts()"]),
    ("Recap", ["lesson.recap()"]),
]
START_SECTIONS = [
    ("Use your own resume", []),
    ("Your scores across T1–T7", ["lesson.overview()", "lesson.score_chart()"]),
    ("Where to go next", ["lesson.next_steps()"]),
]
REPORT_SECTIONS = [
    ("Verdict per technique", ["rv.show_html(rv.verdicts_html(report))"]),
    (
        "Your scores in charts",
        [
            "rv.show_html(rv.scores_chart_html(report))",
            "rv.show_html(rv.coverage_chart_html(report))",
        ],
    ),
    ("Your resume, annotated", ["rv.show_html(rv.annotated_resume_html(report))"]),
    ("Your rewrites, before and after", ["rv.show_html(rv.rewrites_html(report))"]),
    ("Still open, by technique", ["rv.show_html(rv.open_findings_html(report))"]),
    (
        "Your next actions",
        [
            "rv.show_html(rv.next_actions_html(report))",
            # then, with --job only, its own section "Tailored to <title, company>"
            "rv.show_html(rv.tailored_html(report, posting_path))",
        ],
    ),
]
ALL = [LESSONS / name for name, _ in LESSON_FILES] + [REPORT]


def _sections(nb: nbformat.NotebookNode) -> list[tuple[str, list[str]]]:
    """(heading, code lines of the cells under it) for each ## heading (the setup cell aside)."""
    out: list[tuple[str, list[str]]] = []
    setup = _setup(nb)
    for cell in nb.cells[2:]:
        if cell is setup:
            continue
        first = cell.source.splitlines()[0] if cell.source else ""
        if cell.cell_type == "markdown" and first.startswith("## "):
            out.append((first[3:].strip(), []))
        elif cell.cell_type == "code" and out:
            out[-1][1].extend(line for line in cell.source.splitlines() if line.strip())
    return out


def _setup(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The first code cell after the parameters: it loads the resume and shows the header."""
    return next(c for c in nb.cells[2:] if c.cell_type == "code")


def _one_line(source: str) -> str:
    """Code as one line, however the formatter wrapped a call."""
    flat = re.sub(r"\(\s+", "(", re.sub(r",?\s+\)", ")", source))
    return " ".join(flat.split())


def _assigned(source: str) -> list[str]:
    tree = ast.parse(source)
    return [t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_notebook_is_clean(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    # as JupyterLab writes it on save with ipykernel, so a save changes nothing here
    assert nb.metadata["kernelspec"] == {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    assert "widgets" not in nb.metadata  # no saved widget state
    for cell in nb.cells:
        assert set(cell.metadata) <= {"tags"}, (cell.id, dict(cell.metadata))
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.id


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_title_then_parameters_then_setup(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    title, params, setup = nb.cells[0], nb.cells[1], _setup(nb)
    assert title.cell_type == "markdown" and title.source.startswith("# ")
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert tagged == [1] and params.cell_type == "code"
    posting = ["posting_path"] if path.name in POSTING_PARAMETERS else []
    assert _assigned(params.source) == PARAMETERS + posting
    if path == REPORT:
        assert "load_resume_with_warnings(resume_path)" in setup.source
        assert "build_report(loaded, drafts_path, learner_name, profile)" in setup.source
        return
    code = dict(LESSON_FILES)[path.name]
    call = "lesson_setup(resume_path, drafts_path, learner_name, profile"
    if code == TAILOR:
        call += ', technique="tailor", posting_path=posting_path)'
    else:
        call += f', technique="{code}")' if code else ")"
    assert call in _one_line(setup.source) and setup.source.rstrip().endswith("lesson.header()")


@pytest.mark.parametrize("name,code", LESSON_FILES)
def test_lesson_sections_in_order(name: str, code: str) -> None:
    nb = nbformat.read(LESSONS / name, as_version=4)
    expected = TECHNIQUE_SECTIONS if code else START_SECTIONS
    if code == "T2":  # the bullet builder follows the rewrite exercise
        expected = [
            (h, [*calls, "lesson.builder()"] if h == "Your turn" else calls)
            for h, calls in expected
        ]
    assert _sections(nb) == expected


def test_report_sections_in_order() -> None:
    assert _sections(nbformat.read(REPORT, as_version=4)) == REPORT_SECTIONS


@pytest.mark.parametrize("index", range(1, len(LESSON_FILES) - 1))
def test_each_lesson_links_the_next(index: int) -> None:
    nb = nbformat.read(LESSONS / LESSON_FILES[index][0], as_version=4)
    following = LESSON_FILES[index + 1][0]
    assert f"({following})" in nb.cells[-1].source


def _nbstripout() -> list[str]:
    exe = shutil.which("nbstripout", path=str(Path(sys.executable).parent)) or shutil.which(
        "nbstripout"
    )
    if exe is None:
        pytest.fail("nbstripout is missing: pip install -e '.[test]'")
    return [exe]


def _extra_keys() -> list[str]:
    """The keys `make lab`'s git filter strips besides nbstripout's defaults (Makefile)."""
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text(encoding="utf-8")
    line = next(x for x in makefile.splitlines() if x.startswith("NBSTRIP_KEYS ="))
    return ["--extra-keys", line.split("=", 1)[1].strip()]


def test_nbstripout_finds_nothing_to_strip() -> None:
    done = subprocess.run(
        [*_nbstripout(), "--verify", *_extra_keys(), *map(str, ALL)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_nbstripout_catches_a_saved_output(tmp_path: Path) -> None:
    nb = json.loads((LESSONS / LESSON_FILES[4][0]).read_text(encoding="utf-8"))
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["execution_count"] = 3
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}]
    dirty = tmp_path / "dirty.ipynb"
    dirty.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    done = subprocess.run([*_nbstripout(), "--verify", str(dirty)], capture_output=True)
    assert done.returncode != 0
    nb["metadata"]["language_info"]["version"] = "3.11.7"  # what a JupyterLab save adds
    code["outputs"], code["execution_count"] = [], None
    dirty.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    done = subprocess.run([*_nbstripout(), "--verify", *_extra_keys(), str(dirty)])
    assert done.returncode != 0


def test_no_generator_or_second_copy_in_the_repository() -> None:
    repo = Path(__file__).resolve().parents[1]
    assert not (repo / "notebooks").exists() and not (repo / "data").exists()
    assert not list(LESSONS.glob("*.py"))[1:]  # only the package's __init__.py beside them


def test_lessons_command_copies_and_never_overwrites(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from resume_lessons.cli import main

    folder = tmp_path / "mine"
    assert main(["lessons", str(folder)]) == 0
    copied = {p.name for p in folder.iterdir()}
    assert copied == {name for name, _ in LESSON_FILES} | {"alex_before.yaml", POSTINGS}
    postings = {p.name for p in (folder / POSTINGS).iterdir()}
    assert postings == {p.name for p in sample_postings()} and len(postings) >= 3
    (folder / "alex_before.yaml").write_text("basics: {name: Me}\n", encoding="utf-8")
    (folder / LESSON_FILES[1][0]).unlink()
    capsys.readouterr()
    assert main(["lessons", str(folder)]) == 0
    said = capsys.readouterr().out
    assert f"copied  {folder / LESSON_FILES[1][0]}" in said
    assert f"kept    {folder / 'alex_before.yaml'}" in said
    assert (folder / "alex_before.yaml").read_text(encoding="utf-8") == "basics: {name: Me}\n"
    assert main(["lessons", str(LESSONS / "copy")]) == 2  # never inside the kit
    assert not (LESSONS / "copy").exists()


def _parameters_of(path: Path) -> dict[str, object]:
    """The values a lesson's parameters cell sets, as Python reads them."""
    nb = nbformat.read(path, as_version=4)
    (cell,) = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    values: dict[str, object] = {}
    exec(cell.source, {}, values)
    return values


def test_lessons_resume_sets_it_in_every_lesson_and_changes_nothing_else(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys
) -> None:
    from resume_lessons.cli import main

    folder = tmp_path / "mine"
    assert main(["lessons", str(folder)]) == 0
    mine = folder / "me.yaml"
    mine.write_text("basics: {name: Me}\n", encoding="utf-8")
    kept = folder / LESSON_FILES[3][0]
    before = nbformat.read(kept, as_version=4)
    (folder / LESSON_FILES[5][0]).write_text("{not json", encoding="utf-8")  # one broken lesson
    (folder / LESSON_FILES[6][0]).unlink()  # one copied afresh
    capsys.readouterr()
    assert main(["lessons", str(folder), "--resume", str(mine), "--name", "Ana Silva"]) == 1
    said = capsys.readouterr()
    assert f"skipped {folder / LESSON_FILES[5][0]}" in said.err
    for name, _ in LESSON_FILES:
        if name == LESSON_FILES[5][0]:
            assert (folder / name).read_text(encoding="utf-8") == "{not json"
            continue
        values = _parameters_of(folder / name)
        assert values["resume_path"] == "me.yaml" and values["learner_name"] == "Ana Silva"
        assert values["profile"] == "ml-engineer" and values["drafts_path"] == ""
    after = nbformat.read(kept, as_version=4)
    others = [c for c in after.cells if "parameters" not in c.metadata.get("tags", [])]
    assert others == [c for c in before.cells if "parameters" not in c.metadata.get("tags", [])]
    assert len(others) == len(after.cells) - 1
    assert "# your resume" in next(
        c.source for c in after.cells if "parameters" in c.metadata.get("tags", [])
    )
    assert not list(folder.glob(".*.tmp"))
    capsys.readouterr()
    assert main(["lessons", str(folder), "--resume", str(folder / "none.yaml")]) == 2
    assert "none.yaml: no such file" in capsys.readouterr().err


def test_lessons_posting_sets_lesson_08_only(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from resume_lessons.cli import main

    folder = tmp_path / "mine"
    assert main(["lessons", str(folder)]) == 0
    job = folder / "job.txt"
    job.write_text("ML Engineer\n\nRequirements\n- Python.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["lessons", str(folder), "--posting", str(job)]) == 0
    said = capsys.readouterr().out
    assert "posting_path = 'job.txt' in 1 lesson(s): 08_tailor_to_the_posting.ipynb" in said
    assert "already" not in said  # the other lessons have no posting to set
    assert _parameters_of(folder / "08_tailor_to_the_posting.ipynb")["posting_path"] == "job.txt"
    assert main(["lessons", str(folder), "--posting", str(folder / "none.txt")]) == 2
    assert "none.txt: no such file; give the path of your posting" in capsys.readouterr().err


def test_the_start_page_says_which_lessons_still_open_another_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resume_lessons.cli import main
    from resume_lessons.notebook.lessons import lesson_setup

    folder = tmp_path / "mine"
    assert main(["lessons", str(folder)]) == 0
    (folder / "me.yaml").write_text(
        "basics: {name: Me, summary: ML engineer.}\nwork: [{name: Co, highlights: [Built it.]}]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(folder)  # a kernel runs in the notebook's folder
    page = lesson_setup("me.yaml", "", "Ana", "ml-engineer").header()._repr_html_()
    assert "Lessons 01, 02, 03, 04, 05, 06, 07, 08 still open another resume" in page
    assert "%run -m resume_lessons lessons . --resume me.yaml --name Ana" in page
    assert main(["lessons", ".", "--resume", "me.yaml"]) == 0
    page = lesson_setup("me.yaml", "", "Ana", "ml-engineer").header()._repr_html_()
    assert "still open" not in page
    sample = lesson_setup("alex_before.yaml", "", "learner", "ml-engineer").header()._repr_html_()
    assert "--resume my_resume.yaml" in sample and "still open" not in sample
