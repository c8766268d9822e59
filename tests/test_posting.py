"""Job postings as input: the JSON Resume job schema as YAML or JSON, pasted text, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resume_lessons.core.errors import ResumeError
from resume_lessons.core.limits import MAX_POSTING_BYTES
from resume_lessons.core.posting import Posting, posting_texts
from resume_lessons.formats.posting import read_posting

ROOT = Path(__file__).parents[1]
POSTINGS = ROOT / "resume_lessons" / "samples" / "postings"
RESUME = ROOT / "resume_lessons" / "samples" / "examples" / "alex_before.yaml"


def test_samples_are_one_of_each_kind() -> None:
    assert sorted(p.suffix for p in POSTINGS.iterdir()) == [".json", ".txt", ".yaml"]


@pytest.mark.parametrize("path", sorted(POSTINGS.iterdir()), ids=lambda p: p.name)
def test_every_sample_posting_reads(path: Path) -> None:
    posting = read_posting(path)
    assert posting.title and posting.company
    assert len(posting.responsibilities) >= 5 and posting.qualifications
    texts = dict(posting_texts(posting))
    assert texts["responsibilities[0]"] == posting.responsibilities[0]


def test_json_resume_job_schema_keeps_extra_properties() -> None:
    posting = read_posting(POSTINGS / "recommendations_team.yaml")
    assert posting.skills[0].name == "Data" and "Spark" in posting.skills[0].keywords
    assert posting.location == {"city": "Lisbon", "countryCode": "PT"}
    assert posting.date == "2026-01-12"  # YAML's date, kept as text
    assert posting.model_extra == {"meta": {"source": "written for resume-lessons"}}


def test_pasted_text_finds_title_fields_and_sections() -> None:
    posting = read_posting(POSTINGS / "fraud_team.txt")
    assert posting.title == "Senior ML Engineer - Fraud Detection"
    assert posting.company == "Kestrel Pay"
    assert posting.responsibilities[0].startswith("Own the fraud detection models")
    assert "Python and SQL; Java is a plus" in posting.qualifications  # no bullet marker
    assert "card payments" in posting.description
    assert "pension" not in posting.description and "pension" in posting.model_extra["other"]


def test_markdown_posting_with_headings_and_wrapped_bullets(tmp_path: Path) -> None:
    path = tmp_path / "posting.md"
    path.write_text(
        "# Search ML Engineer\n\nWe rank **products** for shoppers.\n\n## Requirements\n"
        "* Built search ranking models\n  with learning to rank\n* Python\n",
        encoding="utf-8",
    )
    posting = read_posting(path)
    assert posting.title == "Search ML Engineer"
    assert posting.description == "We rank products for shoppers."
    assert posting.qualifications == ["Built search ranking models with learning to rank", "Python"]


def test_plain_skill_names_are_accepted() -> None:
    posting = Posting.model_validate({"description": "x", "skills": ["Python", {"name": "Go"}]})
    assert [s.name for s in posting.skills] == ["Python", "Go"]


def _error(tmp_path: Path, name: str, content: str | bytes) -> ResumeError:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(ResumeError) as caught:
        read_posting(path)
    error = caught.value
    assert error.file == str(path) and str(path) in str(error)
    assert "cannot use this posting" in str(error)
    return error


BAD = [
    ("empty.yaml", "", "the file is empty", None),
    ("blank.txt", "  \n\n", "the file is empty", None),
    ("binary.txt", b"Senior\x00\x01\x02", "binary data", None),
    ("latin1.txt", "Ingénieur".encode("latin-1"), "not UTF-8", 1),
    ("broken.yaml", "title: ML\nresponsibilities:\n  - a\n - b\n", "not valid YAML", 4),
    ("broken.json", '{"title": "ML",\n "description": "x"\n "skills": []}', "not valid JSON", 3),
    ("list.yaml", "- a\n- b\n", "top level should be a mapping", 1),
    ("types.yaml", "title: ML\nresponsibilities: 12\n", "should be a list", 2),
    ("skills.json", '{"description": "x",\n "skills": [{"name": ["a"]}]}', "should be text", 2),
    ("nothing.yaml", "title: Senior ML Engineer\ncompany: Acme\n", "nothing to match", 1),
    ("posting.pdf", "%PDF-1.4", "not a posting format", None),
]


@pytest.mark.parametrize(("name", "content", "says", "line"), BAD, ids=[b[0] for b in BAD])
def test_bad_postings_name_the_file_and_place(
    tmp_path: Path, name: str, content: str | bytes, says: str, line: int | None
) -> None:
    error = _error(tmp_path, name, content)
    assert says in error.problems[0].message
    assert error.problems[0].line == line


def test_a_resume_given_as_the_posting_is_named_as_such(tmp_path: Path) -> None:
    error = _error(tmp_path, "resume.yaml", RESUME.read_text(encoding="utf-8"))
    assert "this looks like a resume, not a posting" in str(error)
    assert "RESUME POSTING" in error.problems[0].hint
    data = {"basics": {"name": "A"}, "work": []}
    error = _error(tmp_path, "resume.json", json.dumps(data))
    assert "looks like a resume" in str(error)


def test_huge_posting_is_refused_before_parsing(tmp_path: Path) -> None:
    error = _error(tmp_path, "huge.txt", "word " * (MAX_POSTING_BYTES // 5 + 10))
    assert "larger than" in error.problems[0].message


def test_a_very_long_line_is_refused_at_its_line(tmp_path: Path) -> None:
    error = _error(tmp_path, "long.txt", "Title\n" + "x" * 6000 + "\n")
    assert error.problems[0].line == 2


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ResumeError, match="posting file not found"):
        read_posting(tmp_path / "nope.txt")
    with pytest.raises(ResumeError, match="folder"):
        read_posting(tmp_path)


def test_a_yaml_or_json_resume_saved_as_text_is_refused(tmp_path: Path) -> None:
    error = _error(tmp_path, "resume_as_posting.txt", RESUME.read_text(encoding="utf-8"))
    assert "looks like a resume" in str(error)
    data = {"basics": {"name": "A"}, "work": [{"name": "Co", "highlights": ["Built a thing."]}]}
    error = _error(tmp_path, "resume.md", json.dumps(data, indent=1))
    assert "looks like a resume" in str(error)
    # prose with a "Work:" line is still a posting
    path = tmp_path / "posting.txt"
    path.write_text("ML Engineer\nWork: hybrid, two days a week\n\nRequirements\n- Python\n")
    assert read_posting(path).qualifications == ["Python"]


def test_every_type_error_is_listed_with_a_hint_for_its_field(tmp_path: Path) -> None:
    error = _error(tmp_path, "types.json", '{"title": 123,\n "description": {"a": "b"}}')
    by_field = {p.location: p for p in error.problems}
    assert set(by_field) == {"title", "description"}
    assert "should be text" in by_field["title"].message
    assert by_field["title"].hint.startswith("title is")
    assert by_field["description"].hint.startswith("description is")
    assert "responsibilities" not in by_field["description"].hint
    error = _error(tmp_path, "skills.yaml", "description: x\nskills: 3\n")
    assert "name" in error.problems[0].hint and "keywords" in error.problems[0].hint


def test_binary_data_in_a_text_posting_asks_for_plain_text(tmp_path: Path) -> None:
    error = _error(tmp_path, "posting.md", b"# ML Engineer\x00\n")
    assert "binary data" in error.problems[0].message
    assert "plain UTF-8 text" in error.problems[0].hint
    assert "YAML" not in error.problems[0].hint


@pytest.mark.parametrize(
    ("must", "nice"),
    [
        ("Essential criteria", "Desirable criteria"),
        ("Required skills", "Desired skills"),
        ("Required", "Good to have"),
        ("Essential", "Desirable"),
    ],
)
def test_required_and_desirable_headings_of_other_boards(
    tmp_path: Path, must: str, nice: str
) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(
        f"ML Engineer, Search\nAcme\n\n{must}\n- Python and PyTorch\n\n{nice}\n- Feast\n",
        encoding="utf-8",
    )
    posting = read_posting(path)
    assert posting.qualifications == ["Python and PyTorch"]
    assert posting.nice_to_have == ["Feast"]
