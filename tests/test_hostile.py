"""Hostile and unlucky input (issue 13), run as a user runs the command.

Each case: input -> exit code 2, a message that names the file and (where the kit knows it)
the line, no traceback, under TIME_LIMIT seconds, within the AS_LIMIT memory cap. The limits
themselves are in resume_lessons/core/limits.py and docs/limits.md.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from support.cli import TIME_LIMIT, permissions_hold, run_cli
from support.pdfs import text_pdf

from resume_lessons.core import limits

ROOT = Path(__file__).parents[1]
GOOD = (
    "basics:\n  name: Ana\nwork:\n  - name: Acme\n    position: ML Engineer\n"
    "    highlights:\n      - Built a ranking model in PyTorch.\n"
)
GOOD_MD = "# Ana Lima\n\n## Experience\n\n### ML Engineer — Acme\n\n- Built a ranking model.\n"


def _laughs() -> str:
    """Nine levels of nine aliases: 340 bytes that stand for 9**9 (387 million) strings."""
    lines = ["a: &a [" + ", ".join(["lol"] * 9) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


LAUGHS = _laughs()
MERGE_BOMB = "a: &a {x: 1, y: 2}\n" + "".join(
    f"{n}: &{n} {{<<: [{', '.join([f'*{p}'] * 9)}], {n}: 1}}\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def put(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def bullets_md(tmp: Path) -> Path:
    heading = "### " + "Engineer " * 11_111  # a 100,000-character heading
    body = "".join(f"- Built model {i} for ranking.\n" for i in range(5000))
    return put(tmp / "long.md", f"# Ana\n\n## Experience\n\n{heading}\n\n{body}")


RESUME_PAGE = [
    "# Sam Lee",
    "sam@example.com",
    "# Experience",
    "ML Engineer, Acme  2020 - 2023",
    "- Built a ranking model in PyTorch.",
]


def _pdf(tmp: Path, *, padding: int = 0, words: int = 0, pages: int = 1) -> Path:
    """A one-page resume, then appendix pages; `words` more words on each page."""
    dense = [" ".join(["word"] * 20)] * (words // 20)
    more = [[f"Appendix page {i}", "- Filler.", *dense] for i in range(2, pages + 1)]
    return put(tmp / "r.pdf", text_pdf([RESUME_PAGE + dense, *more], padding=padding))


def _docx(tmp: Path, *, padding: int) -> Path:
    import zipfile

    from docx import Document

    document = Document()
    document.add_heading("Sam Lee", 0)
    document.add_heading("Experience", 1)
    document.add_paragraph("Built things.", style="List Bullet")
    path = tmp / "r.docx"
    document.save(str(path))
    chunk = b" " * 1_000_000
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("customXml/padding.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(padding // len(chunk)):
            part.write(chunk)
    return path


def fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "r.yaml")
    return tmp / "r.yaml"


def symlink(tmp: Path, name: str, target: str) -> Path:
    (tmp / name).symlink_to(target)
    return tmp / name


def unreadable(tmp: Path) -> Path:
    path = put(tmp / "r.yaml", GOOD)
    path.chmod(0)
    return path


def read_only_folder(tmp: Path) -> Path:
    folder = tmp / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


# (id, make: tmp -> (argv, the file the message must name), message fragment, line)
# line: an int, "any" (some line), or None (the kit knows no line for this one)
Case = tuple[str, Callable[[Path], tuple[list, Path]], str, int | str | None]


def _resume(content: str | bytes, name: str = "r.yaml", cmd: tuple = ("check",)):
    def make(tmp: Path) -> tuple[list, Path]:
        path = put(tmp / name, content)
        return [*cmd, path], path

    return make


def _drafts(content: str, name: str = "r.drafts.yaml"):
    def make(tmp: Path) -> tuple[list, Path]:
        resume = put(tmp / "r.yaml", GOOD)
        drafts = put(tmp / name, content)
        return ["export", resume, "--drafts", drafts, "--to", "yaml"], drafts

    return make


def _made(fn: Callable[[Path], Path], cmd: tuple = ("check",)):
    def make(tmp: Path) -> tuple[list, Path]:
        path = fn(tmp)
        return [*cmd, path], path

    return make


def _out(kind: str):
    def make(tmp: Path) -> tuple[list, Path]:
        folder = read_only_folder(tmp)
        if kind == "import":
            out = folder / "x.yaml"
            return ["import", put(tmp / "r.md", GOOD_MD), "-o", out], out
        if kind == "export":
            out = folder / "x.yaml"
            return ["export", put(tmp / "r.yaml", GOOD), "--to", "yaml", "-o", out], out
        return ["report", put(tmp / "r.yaml", GOOD), "--out", folder / "sub"], folder / "sub"

    return make


def _same(cmd: str):
    def make(tmp: Path) -> tuple[list, Path]:
        path = put(tmp / "r.yaml", GOOD + "# my notes, which an overwrite would lose\n")
        if cmd == "export":
            return ["export", path, "--to", "yaml", "-o", path, "--force"], path
        return ["import", path, "-o", tmp / "." / "r.yaml", "--force"], path

    return make


def _drafts_fifo(tmp: Path) -> tuple[list, Path]:
    os.mkfifo(tmp / "r.drafts.yaml")
    resume = put(tmp / "r.yaml", GOOD)
    return [
        "export",
        resume,
        "--drafts",
        tmp / "r.drafts.yaml",
        "--to",
        "yaml",
    ], tmp / "r.drafts.yaml"


def _drafts_folder(tmp: Path) -> tuple[list, Path]:
    (tmp / "d").mkdir()
    return ["export", put(tmp / "r.yaml", GOOD), "--drafts", tmp / "d", "--to", "yaml"], tmp / "d"


def _to_device(tmp: Path) -> tuple[list, Path]:
    resume = put(tmp / "r.yaml", GOOD)
    return ["export", resume, "--to", "yaml", "-o", "/dev/null", "--force"], Path("/dev/null")


def _report_drafts_folder(tmp: Path) -> tuple[list, Path]:
    (tmp / "d").mkdir()
    return ["report", put(tmp / "r.yaml", GOOD), "--drafts", tmp / "d", "--out", tmp], tmp / "d"


RENDERCV_BOMB = "cv:\n  name: Ana\n  sections:\n    experience: [*i]\n"
DEEP_BLOCK = "basics: {name: A}\nwork:\n  - name: X\n    highlights:\n" + "".join(
    "  " * (i + 3) + "-\n" for i in range(60)
)

CASES: list[Case] = [
    # 1: alias expansion ("billion laughs"), through every command and every reader
    ("laughs-check", _resume(LAUGHS), "more than 100,000 values", "any"),
    ("laughs-import", _resume(LAUGHS, cmd=("import",)), "more than 100,000 values", "any"),
    ("laughs-export", _resume(LAUGHS, cmd=("export", "--to", "yaml")), "100,000 values", "any"),
    ("laughs-report", _resume(LAUGHS, cmd=("report",)), "more than 100,000 values", "any"),
    ("laughs-json-resume", _resume(LAUGHS, "r.json"), "100,000 values", "any"),
    ("laughs-rendercv", _resume(LAUGHS + RENDERCV_BOMB, cmd=("import",)), "100,000", "any"),
    ("laughs-drafts", _drafts(LAUGHS + "drafts: {}\n"), "more than 100,000 values", "any"),
    ("merge-key-bomb", _resume(MERGE_BOMB), "more than 100,000 values", "any"),
    # 4: values YAML or Python cannot take, and paths that cannot be read or written
    (
        "date-that-does-not-exist",
        _resume("basics: {name: A}\nwork:\n  - name: X\n    endDate: 2021-13-45\n"),
        "not one",
        4,
    ),
    ("list-10000-deep", _resume("work: " + "[" * 10_000 + "]" * 10_000), "nested more than", 1),
    ("json-10000-deep", _resume("[" * 10_000 + "]" * 10_000, "r.json"), "nested more than", 1),
    ("indented-60-deep", _resume(DEEP_BLOCK), "nested more than 50", "any"),
    ("self-alias", _resume("basics: &b {name: A, me: *b}\nwork: []\n"), "inside the entry", 1),
    (
        "int-5000-digits",
        _resume("basics: {name: A}\nwork: [{n: " + "9" * 5000 + "}]\n"),
        "digits",
        2,
    ),
    (
        "json-int-5000-digits",
        _resume('{"basics": {"name": "A"},\n "n": ' + "9" * 5000 + "}", "r.json"),
        "digits",
        2,
    ),
    ("bad-explicit-int", _resume("basics: {name: !!int abc}\nwork: []\n"), "cannot be read", 1),
    ("unreadable", _made(unreadable), "permission denied", None),
    ("import-o-read-only-folder", _out("import"), "permission denied", None),
    ("export-o-read-only-folder", _out("export"), "permission denied", None),
    ("report-out-read-only-folder", _out("report"), "permission denied", None),
    ("export-drafts-folder", _drafts_folder, "folder, not a file", None),
    # 8: only regular files, and the kind before the content
    ("fifo", _made(fifo), "pipe (FIFO), not a file", None),
    ("symlink-to-dev-zero", _made(lambda t: symlink(t, "r.yaml", "/dev/zero")), "device", None),
    ("dev-zero", _made(lambda t: Path("/dev/zero")), "not a resume format", None),
    ("folder-named-yaml", _made(lambda t: (t / "r.yaml").mkdir() or t / "r.yaml"), "folder", None),
    ("3-mb-yaml", _resume("basics: {name: A}\n#" + "x" * 3_000_000), "larger than 2 MB", None),
    ("drafts-fifo", _drafts_fifo, "pipe (FIFO), not a file", None),
    # 7 and 9: documents are bounded too (pages, unpacked streams, words, unzipped parts)
    (
        "pdf-stream-bomb",
        _made(lambda t: _pdf(t, padding=300_000_000)),
        "unpacks to more than",
        None,
    ),
    (
        "pdf-12000-words-in-10-pages",
        _made(lambda t: _pdf(t, words=1200, pages=10)),
        "more than 10,000 words by page 9",
        None,
    ),
    (
        "docx-zip-bomb",
        _made(lambda t: _docx(t, padding=300_000_000)),
        "the kit unpacks up to 100 MB",
        None,
    ),
    # 9: imported lines are capped before any pattern runs over them
    ("markdown-100000-char-heading", _made(bullets_md), "100,003 characters", 5),
    ("text-long-name", _resume("A" * 60_000 + "\n\nExperience\n- x\n", "r.txt"), "characters", 1),
    # 10: drafts files: the drafts file is named, a resume given as drafts is refused
    ("drafts-without-drafts-key", _drafts(GOOD), "not a drafts file: it looks like a resume", 1),
    ("drafts-entry-is-a-list", _drafts("drafts:\n  basics.summary: [a, b]\n"), "needs a 'text'", 2),
    (
        "drafts-history-not-a-list",
        _drafts("drafts:\n  basics.summary:\n    text: a\n    history: b\n"),
        "'history' should be a list",
        4,
    ),
    ("drafts-json-broken", _drafts('{"drafts": {', "r.drafts.json"), "not valid JSON", 1),
    # 11: a key given twice would silently replace the first
    (
        "duplicate-key",
        _resume(GOOD + "    highlights:\n      - Shipped it.\n"),
        "'highlights' is given twice",
        8,
    ),
    (
        "duplicate-key-json",
        _resume('{"basics": {"name": "A"},\n "basics": {}}', "r.json"),
        "twice",
        2,
    ),
    ("duplicate-key-drafts", _drafts("drafts: {}\ndrafts: {}\n"), "'drafts' is given twice", 2),
    # 12: the input is never the output
    ("export-o-input-force", _same("export"), "being read", None),
    ("import-o-input-force", _same("import"), "being read", None),
    ("export-o-device-force", _to_device, "not a regular file", None),
    ("report-drafts-folder", _report_drafts_folder, "folder, not a file", None),
]


@pytest.mark.parametrize(
    ("make", "fragment", "line"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_hostile_input_is_refused_quickly_with_a_located_message(
    tmp_path: Path, make, fragment: str, line: int | str | None, request
) -> None:
    case = request.node.callspec.id
    needs_permissions = case == "unreadable" or "read-only" in case
    if needs_permissions and not permissions_hold(tmp_path):
        pytest.skip("file permissions do not apply to this user")
    args, named = make(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and os.access(p, 4)}
    done = run_cli(*args, cwd=tmp_path, timeout=60)
    err = done.err
    assert done.code == 2, f"exit {done.code}\n{err}\n{done.out}"
    assert "Traceback" not in err and "Traceback" not in done.out
    assert str(named) in err, err
    assert fragment in err, err
    assert "hint:" in err  # what to do
    if line == "any":
        assert re.search(rf"{re.escape(str(named))}:\d+: ", err), err
    elif line is not None:
        assert f"{named}:{line}: " in err, err
    assert done.seconds < TIME_LIMIT, f"{done.seconds:.1f} s"
    # nothing the learner had was changed, and a refused import or export wrote nothing
    assert {p: p.read_bytes() for p in before} == before
    assert not any(p.name in {"x.yaml", "r_imported.yaml"} for p in tmp_path.rglob("*"))


# Where the kit reads part of a file and goes on, it says so.
@pytest.mark.parametrize(("command", "pages"), [("check", 500), ("import", 500), ("check", 20_000)])
def test_a_long_pdf_is_read_to_page_10_with_a_warning(
    tmp_path: Path, command: str, pages: int
) -> None:
    path = _pdf(tmp_path, pages=pages)
    args = ["import", path, "-o", tmp_path / "out.yaml"] if command == "import" else [command, path]
    done = run_cli(*args)
    assert done.code == 0, done.err
    said = done.err if command == "check" else done.out
    assert f"first {limits.MAX_PDF_PAGES} of the PDF's {pages} pages" in said
    assert done.seconds < TIME_LIMIT


def test_explain_reads_standard_input_a_capped_line_at_a_time() -> None:
    done = run_cli("explain", "-", stdin=Path("/dev/zero"))
    assert done.code == 2 and "Traceback" not in done.err
    assert "<stdin>:1: this line is longer than 5,000 characters" in done.err
    assert done.seconds < TIME_LIMIT


@pytest.mark.slow
def test_twenty_thousand_bullets_are_a_resume_not_an_attack(tmp_path: Path) -> None:
    import yaml

    work = [
        {"name": f"C{r}", "highlights": [f"Built ranker {r}-{i}, CTR up {i}%." for i in range(10)]}
        for r in range(2000)
    ]
    path = put(tmp_path / "big.yaml", yaml.safe_dump({"basics": {"name": "A"}, "work": work}))
    done = run_cli("check", path, "--format", "json")
    assert done.code == 0, done.err
    assert len(json.loads(done.out)["findings"]) > 0


def test_limits_doc_lists_every_limit_with_its_value() -> None:
    doc = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in doc.splitlines() if "| `MAX_" in line}
    assert set(rows) == set(limits.ALL)
    for name, value in limits.ALL.items():
        assert f"{value:,}" in rows[name], name


# 5: learner text never runs as a spreadsheet formula
FORMULAS = ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_overview_csv_neutralises_formulas(tmp_path: Path) -> None:
    import csv

    from resume_lessons.present.overview import LearnerRow, write_overview

    rows = [
        LearnerRow(name, f"s{i}", "error", error=f"={i}", resume_file=f"{name}.yaml")
        for i, name in enumerate([*FORMULAS, "Ana", "Bo-Lee"])
    ]
    _, path = write_overview(rows, tmp_path)
    with path.open(newline="", encoding="utf-8") as handle:
        read = list(csv.DictReader(handle))
    assert [r["learner"] for r in read] == [*("'" + f for f in FORMULAS), "Ana", "Bo-Lee"]
    assert all(r["error"].startswith("'=") for r in read)
    assert all(not r[k].startswith(("=", "+", "-", "@", "\t", "\r")) for r in read for k in r)


def test_check_csv_neutralises_formulas(tmp_path: Path, monkeypatch) -> None:
    import csv
    import io
    from contextlib import redirect_stdout

    from resume_lessons.cli import main

    monkeypatch.chdir(tmp_path)
    put(tmp_path / "=cmd.yaml", GOOD)
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["check", "=cmd.yaml", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and {r["file"] for r in rows} == {"'=cmd.yaml"}


# 6: learner text reaching matplotlib is drawn as plain text
MATHS = r"Eng $\foo{x$"


def test_figures_draw_dollar_signs_as_text() -> None:
    from resume_lessons.core.analyze import analyze
    from resume_lessons.core.loader import resume_from_data
    from resume_lessons.present.overview import LearnerRow, heatmap_png
    from resume_lessons.present.plots import coverage_heatmap, score_bars, to_png

    resume = resume_from_data(
        {
            "basics": {"name": MATHS},
            "work": [{"name": "$$", "position": MATHS, "highlights": ["Built Spark features."]}],
        },
        "r.yaml",
    )
    analysis = analyze(resume)
    assert to_png(coverage_heatmap(analysis, title=MATHS)).startswith(b"\x89PNG")
    assert to_png(score_bars(analysis.scores, analysis.scores, title=MATHS))
    scores = dict.fromkeys(analysis.scores, 50)
    assert heatmap_png([LearnerRow(MATHS, "m", "ok", scores=scores)]).startswith(b"\x89PNG")


@pytest.mark.notebook
def test_report_with_maths_in_a_role_title_is_written(tmp_path: Path) -> None:
    path = put(
        tmp_path / "m.yaml", GOOD.replace("ML Engineer", '"' + MATHS.replace("\\", "\\\\") + '"')
    )
    done = run_cli("report", path, "--out", tmp_path / "out", timeout=300)
    assert done.code == 0, done.err
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") >= 2  # the score bars and the coverage chart


# 13: a lesson exported with nbconvert loads nothing from a server
CDN = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""")


def _lesson_like(path: Path) -> Path:
    """A small executed notebook with what makes nbconvert reach for CDNs: maths in Markdown,
    widget state in the metadata and a widget view in an output."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2}
    }
    view = {"model_id": "abc", "version_major": 2, "version_minor": 0}
    code = nbformat.v4.new_code_cell("w", execution_count=1)
    code.outputs = [
        nbformat.v4.new_output(
            "display_data",
            {"application/vnd.jupyter.widget-view+json": view, "text/plain": "Button()"},
        )
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Lesson\n\nSome maths: $x^2$"), code]
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize("how", ["--to resume-lessons", "--to html under .jupyter config"])
@pytest.mark.slow
def test_nbconvert_export_of_a_lesson_is_offline(tmp_path: Path, how: str) -> None:
    import subprocess
    import sys

    notebook = _lesson_like(tmp_path / "lesson.ipynb")
    env = dict(os.environ)
    to = "resume-lessons"
    if "config" in how:
        env["JUPYTER_CONFIG_PATH"] = str(ROOT / ".jupyter")
        to = "html"
    jupyter = Path(sys.executable).with_name("jupyter")
    subprocess.run(
        [str(jupyter), "nbconvert", "--to", to, str(notebook)],
        check=True,
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    html = (tmp_path / "lesson.html").read_text(encoding="utf-8")
    assert "Some maths" in html
    assert not CDN.findall(html), CDN.findall(html)
    assert "require.js" not in html and "html-manager" not in html
