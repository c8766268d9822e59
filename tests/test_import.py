"""Import from real-looking layouts, refuse bad files with a clear message, and never overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from resume_lessons.cli import main
from resume_lessons.core.errors import ResumeError
from resume_lessons.formats import import_file, load_resume, load_resume_with_warnings

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"

HEAD = "Sam Lee\nsam@example.com | +1 415 555 0100 | San Francisco, CA\n\n"

# (resume text after the header, expected roles as (position, company, start, end, bullets))
LAYOUTS = [
    pytest.param(
        "EXPERIENCE\nAcme Corp — Senior Data Scientist\nMar 2021 – Present\n"
        "• Built a churn model.\n• Cut costs by 10%.\n",
        [("Senior Data Scientist", "Acme Corp", "2021-03", None, 2)],
        id="caps-heading-company-dash-title",
    ),
    pytest.param(
        "## Work Experience\n\n**Machine Learning Engineer, Globex**  \n2019-2021\n\n"
        "- Shipped ranking.\n- Ran A/B tests.\n",
        [("Machine Learning Engineer", "Globex", "2019", "2021", 2)],
        id="markdown-title-comma-company",
    ),
    pytest.param(
        "Professional Experience\n\nInitech\nSoftware Engineer\t06/2018 - 05/2020\n"
        "* Wrote services.\n\nData Engineer\t2016 – 2018\n* Built pipelines.\n",
        [
            ("Software Engineer", "Initech", "2018-06", "2020-05", 1),
            ("Data Engineer", "Initech", "2016", "2018", 1),
        ],
        id="company-line-then-roles",
    ),
    pytest.param(
        "Experience\nResearch Scientist at Hooli | Sept 2017 to Jan 2019\n"
        "▪ Trained vision models\n  that wrapped onto a second line.\n1. Numbered bullet.\n",
        [("Research Scientist", "Hooli", "2017-09", "2019-01", 2)],
        id="at-separator-wrapped-bullet",
    ),
]


@pytest.mark.parametrize(("body", "roles"), LAYOUTS)
def test_common_layouts(tmp_path: Path, body: str, roles: list) -> None:
    path = tmp_path / "resume.md"
    path.write_text(HEAD + body, encoding="utf-8")
    result = import_file(path)
    got = [
        (w.position, w.name, w.startDate, w.endDate, len(w.highlights)) for w in result.resume.work
    ]
    assert got == roles
    assert result.resume.basics.name == "Sam Lee"
    assert result.resume.basics.email == "sam@example.com"


def test_wrapped_bullet_is_joined_and_skills_groups_are_read(tmp_path: Path) -> None:
    path = tmp_path / "resume.txt"
    path.write_text(
        HEAD + "EXPERIENCE\nAcme — ML Engineer, 2020 – Present\n- Built a feature store that\n"
        "  serves 1M requests a day.\n\nSKILLS\nLanguages: Python, SQL\nTools: Spark, Kafka,\n"
        "Airflow\n",
        encoding="utf-8",
    )
    resume = import_file(path).resume
    assert resume.work[0].highlights == ["Built a feature store that serves 1M requests a day."]
    assert [(s.name, s.keywords) for s in resume.skills] == [
        ("Languages", ["Python", "SQL"]),
        ("Tools", ["Spark", "Kafka", "Airflow"]),
    ]


def test_lines_that_fit_nowhere_are_listed_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "resume.md"
    path.write_text(
        HEAD + "## Experience\n### ML Engineer — Acme\n- Built things.\n\n## Volunteering\n"
        "Taught Python at a library.\n",
        encoding="utf-8",
    )
    result = import_file(path)
    texts = [u.text for u in result.unplaced]
    assert "Taught Python at a library." in texts
    out = tmp_path / "out.yaml"
    assert main(["import", str(path), "-o", str(out)]) == 0
    assert "# " in out.read_text() and "Taught Python at a library." in out.read_text()
    assert load_resume(out).work[0].highlights == ["Built things."]


def test_import_never_overwrites_without_force(tmp_path: Path, capsys) -> None:
    out = tmp_path / "mine.yaml"
    out.write_text("keep me", encoding="utf-8")
    source = str(EXAMPLES / "priya_fraud.yaml")
    assert main(["import", source, "-o", str(out)]) == 2
    assert out.read_text() == "keep me"
    assert "already exists" in capsys.readouterr().err
    assert main(["import", source, "-o", str(out), "--force"]) == 0
    assert load_resume(out) == load_resume(source)
    assert "work" in capsys.readouterr().out


def test_loader_reads_a_docx_in_memory_and_says_how_to_keep_edits(tmp_path: Path) -> None:
    doc = Document()
    doc.add_heading("Sam Lee", 0)
    doc.add_heading("Experience", 1)
    doc.add_paragraph().add_run("ML Engineer — Acme").bold = True
    doc.add_paragraph("Built things.", style="List Bullet")
    path = tmp_path / "resume.docx"
    doc.save(str(path))
    loaded = load_resume_with_warnings(path)
    assert loaded.resume.work[0].highlights == ["Built things."]
    assert any("resume-lessons import" in str(w) for w in loaded.warnings)


def _image_only_pdf(path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig = plt.figure(figsize=(8.5, 11))
    fig.figimage(np.random.default_rng(0).random((200, 150)))
    fig.savefig(path)
    plt.close(fig)


def _encrypted_pdf(path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt("secret")
    writer.write(str(path))


def _truncated_docx(path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Experience")
    doc.save(str(path))
    path.write_bytes(path.read_bytes()[:2000])


BAD_FILES = [
    pytest.param("empty.pdf", lambda p: p.write_bytes(b""), "empty", id="empty-pdf"),
    pytest.param("empty.md", lambda p: p.write_text(""), "empty", id="empty-md"),
    pytest.param("scan.pdf", _image_only_pdf, "no text layer", id="scanned-pdf"),
    pytest.param("locked.pdf", _encrypted_pdf, "password", id="encrypted-pdf"),
    pytest.param("cut.docx", _truncated_docx, "not a readable Word", id="truncated-docx"),
    pytest.param(
        "junk.pdf", lambda p: p.write_bytes(bytes(range(256)) * 64), "not a PDF", id="junk-pdf"
    ),
    pytest.param(
        "cut.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj\n<<"), "cannot be read", id="cut-pdf"
    ),
    pytest.param("huge.txt", lambda p: p.write_text("Experience\n" * 500_000), "MB", id="5mb-text"),
    pytest.param("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), ".doc", id="doc"),
    pytest.param("resume.odt", lambda p: p.write_bytes(b"PK"), "not a resume format", id="odt"),
    pytest.param(
        "noexp.md",
        lambda p: p.write_text("Sam Lee\n\nLikes hiking.\n"),
        "no experience",
        id="no-exp",
    ),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_FILES)
def test_bad_files_get_a_clear_message_and_exit_2(
    tmp_path: Path, capsys, name: str, make, message: str
) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(ResumeError) as info:
        import_file(path)
    assert str(path) in str(info.value) and message in str(info.value)
    assert main(["import", str(path), "-o", str(tmp_path / "out.yaml")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "out.yaml").exists()


def test_a_job_title_in_the_contact_line_becomes_the_label(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(
        "# Sam Lee\n\nData Scientist · sam@example.com · Berlin, Germany\n\n"
        "## Experience\n\n### ML Engineer — Acme\n\n- Built things.\n",
        encoding="utf-8",
    )
    result = import_file(path)
    assert result.resume.basics.label == "Data Scientist"
    assert result.resume.basics.email == "sam@example.com"
    assert not any("Data Scientist" in u.text for u in result.unplaced)


ROLE_HEAD = "Jordan Avery\njordan@example.com\n\nEXPERIENCE\n\n"
SECOND_ROLE = (
    "\n\nData Scientist — Ferncliff Insurance, Boise, ID\nMay 2018 – December 2020\n"
    "• Priced flood policies.\n"
)
FIRST_BULLETS = "• Built a demand forecasting service.\n• Cut stockouts by 9%.\n"
LONG_ROLES = [
    (
        "Senior Machine Learning Engineer II",
        "Brightwater Analytics",
        "Portland, OR",
        "2021-01",
        None,
    ),
    ("Data Scientist", "Ferncliff Insurance", "Boise, ID", "2018-05", "2020-12"),
]
TITLE, COMPANY = "Senior Machine Learning Engineer II", "Brightwater Analytics, Portland, OR"


@pytest.mark.parametrize(
    "role_line",
    [
        pytest.param(f"{TITLE} — {COMPANY}", id="em-dash"),
        pytest.param(f"{TITLE} – {COMPANY}", id="en-dash"),
        pytest.param(f"{TITLE} - {COMPANY}", id="hyphen"),
        pytest.param(f"{TITLE} at {COMPANY}", id="at"),
        pytest.param(f"{TITLE} | {COMPANY}", id="bar"),
        pytest.param(f"{TITLE}, {COMPANY}", id="comma"),
    ],
)
def test_a_long_role_line_over_a_date_line_starts_a_role(tmp_path: Path, role_line: str) -> None:
    """'Title — Company, City, ST' longer than eight words, its dates on the line below."""
    path = tmp_path / "resume.txt"
    path.write_text(
        f"{ROLE_HEAD}{role_line}\nJanuary 2021 – Present\n{FIRST_BULLETS}{SECOND_ROLE}",
        encoding="utf-8",
    )
    work = import_file(path).resume.work
    got = [
        (w.position, w.name, (w.model_extra or {}).get("location"), w.startDate, w.endDate)
        for w in work
    ]
    assert got == LONG_ROLES
    assert [len(w.highlights) for w in work] == [2, 1]


def test_a_long_role_line_with_its_dates_or_without_a_blank_line_starts_a_role(
    tmp_path: Path,
) -> None:
    """A role line carrying its dates (more than 14 words), and one right under a bullet."""
    path = tmp_path / "resume.txt"
    path.write_text(
        ROLE_HEAD + "Senior Machine Learning Engineer II, Demand Forecasting — Brightwater "
        "Analytics, Portland, OR | January 2021 – Present\n" + FIRST_BULLETS + "Data Scientist, "
        "Pricing and Risk Models — Ferncliff Insurance, Boise, ID\nMay 2018 – December 2020\n"
        "• Priced flood policies.\n",
        encoding="utf-8",
    )
    work = import_file(path).resume.work
    assert [(w.position, w.name, w.startDate, len(w.highlights)) for w in work] == [
        (
            "Senior Machine Learning Engineer II, Demand Forecasting",
            "Brightwater Analytics",
            "2021-01",
            2,
        ),
        ("Data Scientist, Pricing and Risk Models", "Ferncliff Insurance", "2018-05", 1),
    ]


@pytest.mark.parametrize("glyph", ["•", "-", "*", "▪"])
def test_a_bullet_shaped_like_a_role_line_stays_a_bullet(tmp_path: Path, glyph: str) -> None:
    path = tmp_path / "resume.txt"
    path.write_text(
        f"{ROLE_HEAD}Machine Learning Engineer — Brightwater Analytics\nJanuary 2021 – Present\n"
        f"• Built a demand forecasting service.\n"
        f"{glyph} Research Engineer on loan — Ferncliff Insurance, Boise, ID\n"
        "March 2022 – June 2022\n",
        encoding="utf-8",
    )
    first = import_file(path).resume.work[0]
    assert (first.position, first.name) == ("Machine Learning Engineer", "Brightwater Analytics")
    assert first.highlights[-1] == "Research Engineer on loan — Ferncliff Insurance, Boise, ID"


def test_a_phone_in_brackets_is_kept_as_basics_phone(tmp_path: Path) -> None:
    path = tmp_path / "resume.txt"
    path.write_text(
        "Jordan Avery\nData Scientist\n"
        "Portland, OR | jordan@example.com | (503) 555-0199 | github.com/javery\n\n"
        "EXPERIENCE\nData Scientist — Ferncliff Insurance\n2018 – 2020\n• Priced policies.\n",
        encoding="utf-8",
    )
    result = import_file(path)
    assert (result.resume.basics.model_extra or {}).get("phone") == "(503) 555-0199"
    assert result.unplaced == []
    assert "phone" in result.counts()["basics"]


PUBLICATIONS = [
    pytest.param(
        "Avery, J., Lindqvist, M. (2020). Calibrating triage classifiers under label shift. "
        "In Proceedings of the Health Text Mining Workshop (HealthText @ EMNLP 2020).",
        {
            "name": "Calibrating triage classifiers under label shift",
            "publisher": "Proceedings of the Health Text Mining Workshop (HealthText @ EMNLP 2020)",
            "releaseDate": "2020",
            "authors": ["Avery, J.", "Lindqvist, M."],
            "summary": "",
        },
        id="apa-authors-year-title-venue",
    ),
    pytest.param(
        'Avery J., Okoro T. "Label noise in clinical note classification." '
        "Workshop on Health NLP (HealthNLP @ ACL), 2023.",
        {
            "name": "Label noise in clinical note classification",
            "publisher": "Workshop on Health NLP (HealthNLP @ ACL)",
            "releaseDate": "2023",
            "authors": ["Avery J.", "Okoro T."],
            "summary": "",
        },
        id="authors-quoted-title-venue-year",
    ),
    pytest.param(
        "Calibrating triage classifiers — Health Text Mining Workshop, 2020.",
        {
            "name": "Calibrating triage classifiers",
            "publisher": "Health Text Mining Workshop",
            "releaseDate": "2020",
            "authors": None,
            "summary": "",
        },
        id="title-dash-venue-year-full-stop",
    ),
]


@pytest.mark.parametrize(("line", "want"), PUBLICATIONS)
def test_a_cited_paper_keeps_title_venue_and_year_apart(
    tmp_path: Path, line: str, want: dict
) -> None:
    path = tmp_path / "resume.txt"
    path.write_text(
        f"{ROLE_HEAD}Data Scientist — Ferncliff Insurance\n2018 – 2020\n• Priced policies.\n\n"
        f"PUBLICATIONS\n{line}\n",
        encoding="utf-8",
    )
    pub = import_file(path).resume.publications[0]
    got = {"name": pub.name, "publisher": pub.publisher, "releaseDate": pub.releaseDate}
    got |= {"authors": (pub.model_extra or {}).get("authors"), "summary": pub.summary}
    assert got == want


@pytest.mark.parametrize(
    ("line", "degree", "field"),
    [
        (
            "B.Tech. in Electrical Engineering, Vellore Institute of Technology, 2015",
            "B.Tech.",
            "Electrical Engineering",
        ),
        ("M.Tech. Data Science — Indian Institute of Science, 2017", "M.Tech.", "Data Science"),
    ],
    ids=["b-tech-in-field", "m-tech-field-dash-school"],
)
def test_a_dotted_degree_is_the_study_type_not_the_area(
    tmp_path: Path, line: str, degree: str, field: str
) -> None:
    path = tmp_path / "resume.txt"
    path.write_text(
        f"{ROLE_HEAD}Data Scientist — Ferncliff Insurance\n2018 – 2020\n• Priced policies.\n\n"
        f"EDUCATION\n{line}\n",
        encoding="utf-8",
    )
    school = import_file(path).resume.education[0]
    assert (school.studyType, school.area) == (degree, field)


def test_a_title_comma_company_heading_over_a_place_and_dates_line(tmp_path: Path) -> None:
    path = tmp_path / "resume.md"
    path.write_text(
        "# Ana Diaz\n\n## Experience\n\n### Senior Data Scientist, Northgate Foods\n"
        "Denver, CO | March 2021 – Present\n\n- Built the store demand forecast.\n",
        encoding="utf-8",
    )
    role = import_file(path).resume.work[0]
    assert (role.position, role.name) == ("Senior Data Scientist", "Northgate Foods")
