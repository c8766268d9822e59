"""Loading resumes: JSON Resume as it is, friendly YAML, and clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_lessons import ResumeError, analyze, load_resume, load_resume_with_warnings
from resume_lessons.cli import main

DATA = Path(__file__).parent / "data"
GOOD = "basics:\n  name: A\nwork:\n  - name: X\n    highlights:\n      - Built a model.\n"

# (id, file name, content, what the message must say, line the parser knows or None)
BAD_INPUTS: list[tuple[str, str, str | bytes, str, int | None]] = [
    ("empty", "r.yaml", "", "empty", None),
    ("only-whitespace", "r.yaml", "\n  \n\t\n", "empty", None),
    ("unclosed-bracket", "r.yaml", "basics:\n  name: [A\nwork: []\n", "not valid YAML", 3),
    ("tab-indent", "r.yaml", "basics:\n\tname: A\n", "not valid YAML", 2),
    ("bad-json", "r.json", '{"basics": {"name": "A"}\n "work": []}', "not valid JSON", 2),
    ("top-level-list", "r.yaml", "- basics\n- work\n", "top level should be a mapping", 1),
    ("top-level-text", "r.yaml", "just some text\n", "top level should be a mapping", 1),
    ("missing-basics", "r.yaml", "work:\n  - name: X\n", "'basics' section is missing", 1),
    ("nothing-to-analyse", "r.yaml", "basics:\n  name: A\n", "no 'work' or 'projects'", None),
    (
        "highlights-not-a-list",
        "r.yaml",
        "basics:\n  name: A\nwork:\n  - name: X\n    highlights: Built a model\n",
        "should be a list",
        5,
    ),
    (
        "highlight-is-a-mapping",
        "r.yaml",
        "basics:\n  name: A\nwork:\n  - name: X\n    highlights:\n      - Result: 12%\n",
        "should be text",
        6,
    ),
    ("basics-is-a-list", "r.yaml", "basics:\n  - A\nwork:\n  - name: X\n", "mapping of fields", 1),
    (
        "work-is-a-mapping",
        "r.yaml",
        "basics:\n  name: A\nwork:\n  name: X\n",
        "should be a list",
        3,
    ),
    ("number-as-name", "r.yaml", "basics:\n  name: 42\nwork:\n  - name: X\n", "should be text", 2),
    (
        "numbers-as-skills",
        "r.json",
        json.dumps(
            {"basics": {"name": "A"}, "work": [{"name": "X"}], "skills": [{"keywords": [1]}]}
        ),
        "should be text",
        1,
    ),
    ("latin-1", "r.yaml", "basics:\n  name: José\n".encode("latin-1"), "not UTF-8", 2),
    ("binary-junk", "r.yaml", b"\x00\x01\x02 not a resume", "binary", None),
    ("huge", "r.yaml", "basics:\n  summary: " + "x" * 2_100_000 + "\n", "MB", None),
    ("unsupported-type", "r.xyz", GOOD, "not a resume format", None),
    ("deeply-nested-json", "r.json", "[" * 100_000 + "]" * 100_000, "", None),
]


@pytest.mark.parametrize(
    ("name", "content", "expected", "line"),
    [pytest.param(*case[1:], id=case[0]) for case in BAD_INPUTS],
)
def test_bad_input_gives_a_clear_error_naming_the_file_and_place(
    tmp_path: Path, capsys, name: str, content: str | bytes, expected: str, line: int | None
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ResumeError) as info:
        load_resume(path)
    message = str(info.value)
    assert str(path) in message
    assert expected in message
    if line is not None:
        assert f"{path}:{line}:" in message
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(path) in err


@pytest.mark.parametrize("name", ["missing.yaml", ""])
def test_missing_file_or_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(ResumeError, match=r"not found|folder"):
        load_resume(tmp_path / name)


def test_errors_carry_a_hint_a_learner_can_act_on(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("basics:\n  name: A\nwork:\n  - name: X\n    highlights: one line\n")
    with pytest.raises(ResumeError) as info:
        load_resume(path)
    problem = info.value.problems[0]
    assert problem.location == "work[0].highlights"
    assert "- " in problem.hint


def test_json_resume_sample_loads_as_it_is_and_is_analysed() -> None:
    loaded = load_resume_with_warnings(DATA / "json_resume_sample.json")
    assert loaded.warnings == []
    resume = loaded.resume
    assert resume.basics.name == "Jordan Lee"
    assert resume.basics.model_extra and "location" in resume.basics.model_extra
    assert resume.model_extra and "volunteer" in resume.model_extra
    scores = analyze(resume).scores
    assert set(scores) >= {"T1", "T7", "overall"}


def test_unknown_yaml_key_warns_with_the_nearest_known_key(tmp_path: Path, capsys) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("basics:\n  name: A\nwork:\n  - name: X\n    hilights:\n      - Built it.\n")
    loaded = load_resume_with_warnings(path)
    [warning] = loaded.warnings
    assert warning.location == "work[0]" and warning.line == 5
    assert "unknown key 'hilights' — did you mean 'highlights'?" in str(warning)
    assert main(["check", str(path)]) == 0
    assert "did you mean 'highlights'" in capsys.readouterr().err


def test_dates_and_odd_unicode_survive(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "basics:\n  name: Zoë Ünal 🚀\nwork:\n  - name: X\n    startDate: 2021-03-01\n"
        '    endDate: 2023\n    highlights:\n      - "<img src=x onerror=alert(1)> İstanbul"\n',
        encoding="utf-8",
    )
    resume = load_resume(path)
    assert resume.work[0].startDate == "2021-03-01" and resume.work[0].endDate == "2023"
    assert resume.basics.name == "Zoë Ünal 🚀"
    analyze(resume)


# Random structures: the loader loads or raises the kit's own error; the analyzer never raises.
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["name", "highlights", "summary", "keywords", "x", "startDate"]),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=20,
)
_documents = st.dictionaries(
    st.sampled_from(["basics", "work", "projects", "skills", "publications", "education", "z"]),
    _values,
    max_size=6,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=_documents, as_json=st.booleans())
def test_random_structures_load_or_raise_the_kits_error(tmp_path: Path, doc, as_json: bool) -> None:
    path = tmp_path / ("r.json" if as_json else "r.yaml")
    path.write_text(json.dumps(doc) if as_json else yaml.safe_dump(doc), encoding="utf-8")
    try:
        resume = load_resume(path)
    except ResumeError as exc:
        assert str(path) in str(exc)
        return
    analyze(resume)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=2000))
def test_random_text_loads_or_raises_the_kits_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        text, encoding="utf-8", errors="surrogatepass"
    ) if "\ud800" not in text else None
    if not path.exists():
        return
    try:
        resume = load_resume(path)
    except ResumeError:
        return
    analyze(resume)


@settings(max_examples=200, deadline=None)
@given(
    summary=st.text(max_size=300),
    bullets=st.lists(st.text(max_size=300), max_size=5),
    keywords=st.lists(st.text(max_size=20), max_size=5),
)
def test_analyzer_never_raises_on_random_text(
    summary: str, bullets: list[str], keywords: list[str]
) -> None:
    from resume_lessons.core.model import Resume

    resume = Resume.model_validate(
        {
            "basics": {"name": "A", "summary": summary},
            "work": [{"name": "X", "highlights": bullets}],
            "skills": [{"name": "Data", "keywords": keywords}],
            "publications": [{"name": summary[:30]}],
        }
    )
    analysis = analyze(resume)
    assert 0 <= analysis.scores["overall"] <= 100


def test_core_knows_no_file_format_and_one_table_names_the_readers() -> None:
    """No loop: no core module imports formats (not even lazily); suffixes are written once."""
    import ast

    from resume_lessons.formats import CLASS_FOLDER_SUFFIXES, FORMATS, SUFFIXES
    from resume_lessons.runners import batch

    core = Path(__file__).parents[1] / "resume_lessons" / "core"
    for file in core.rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                assert "formats" not in name, f"{file.name} imports {name}"
                assert name.split(".")[0] not in {"pdfplumber", "docx", "pypdf"}, file.name
    assert set(SUFFIXES) == {s for f in FORMATS for s in f.suffixes}
    assert {".yaml", ".json", ".pdf", ".docx", ".md", ".txt"} <= set(SUFFIXES)
    assert batch.RESUME_SUFFIXES == CLASS_FOLDER_SUFFIXES and ".md" not in CLASS_FOLDER_SUFFIXES


def test_loading_yaml_imports_no_document_reader() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from resume_lessons import load_resume\n"
        f"load_resume({str(Path(__file__).parents[1] / 'resume_lessons' / 'samples' / 'examples' / 'alex_before.yaml')!r})\n"
        "heavy = {'pdfplumber', 'docx', 'jsonschema'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
