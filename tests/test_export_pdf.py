"""A resume to send: `export --to rendercv` re-imports with every bullet, and `export --to pdf`
prints a one-column PDF offline that opens, shows its first page, and reads back through the
kit's own PDF importer with every bullet (text equal once whitespace is normalised)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from resume_lessons.cli import main
from resume_lessons.core.drafts import apply_drafts, load_drafts
from resume_lessons.core.model import Resume
from resume_lessons.formats import import_file, load_resume
from resume_lessons.formats.export import rendercv_data, to_rendercv
from resume_lessons.present.resume_html import keep, resume_html, sections
from resume_lessons.runners import chromium
from resume_lessons.runners.resume_pdf import write_pdf

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
POSTINGS = EXAMPLES.parent / "postings"
JOB = POSTINGS / "recommendations_team.yaml"
SAMPLES = sorted(p.stem for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".drafts.yaml"))
CASES = [*SAMPLES, "alex_before+drafts"]
HOSTILE = "Shipped <b>not bold</b> & <script>alert(1)</script> in a 3-week A/B test, p99 < 50 ms."


def source(case: str) -> Resume:
    name, _, drafts = case.partition("+")
    resume = load_resume(EXAMPLES / f"{name}.yaml")
    if drafts:
        resume, missing = apply_drafts(resume, load_drafts(EXAMPLES / f"{name}.drafts.yaml"))
        assert missing == []
    return resume


def norm(text: str) -> str:
    return " ".join(text.split())


def bullets(resume: Resume) -> list[tuple[str, str, str]]:
    return [(w.position, w.name, norm(h)) for w in resume.work for h in w.highlights]


def hostile() -> Resume:
    resume = load_resume(EXAMPLES / "priya_fraud.yaml")
    resume.work[0].highlights[0] = HOSTILE
    resume.basics.label = "<i>ML</i> Engineer"
    return resume


def need_chromium() -> None:
    if chromium.find_chromium() is None:
        message = f"Chromium is not installed: PDF export needs it ({chromium.INSTALL_HINT})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


# rendercv


@pytest.mark.parametrize("case", CASES)
def test_rendercv_export_reimports_with_every_bullet(case: str, tmp_path: Path) -> None:
    resume = source(case)
    text, warnings = to_rendercv(resume)
    assert warnings == []
    out = tmp_path / "resume_rendercv.yaml"
    out.write_text(text, encoding="utf-8")
    result = import_file(out)
    assert result.kind == "rendercv YAML" and result.unplaced == []
    again = result.resume
    assert again.work == resume.work  # every bullet, with its role and dates
    assert [(s.name, s.keywords) for s in again.skills] == [
        (s.name, s.keywords) for s in resume.skills
    ]
    assert [(e.institution, e.studyType, e.area, e.endDate) for e in again.education] == [
        (e.institution, e.studyType, e.area, e.endDate) for e in resume.education
    ]
    assert [(p.name, p.publisher) for p in again.publications] == [
        (p.name, p.publisher) for p in resume.publications
    ]
    assert again.basics.summary == resume.basics.summary
    assert (again.basics.name, again.basics.label) == (resume.basics.name, resume.basics.label)


def test_rendercv_file_has_rendercv_2_shape() -> None:
    resume = load_resume(EXAMPLES / "alex_after.yaml")
    resume.basics.url = "alex.dev"
    data, warnings = rendercv_data(resume)
    cv = data["cv"]
    assert cv["headline"] == resume.basics.label and cv["website"] == "https://alex.dev"
    assert list(cv["sections"]) == ["summary", "experience", "publications", "skills", "education"]
    first = cv["sections"]["experience"][0]
    assert set(first) == {"company", "position", "start_date", "end_date", "highlights"}
    assert first["end_date"] == "present"
    assert cv["sections"]["publications"][0]["authors"] == ["Alex Rivera"]  # rendercv needs them
    assert all(set(s) == {"label", "details"} for s in cv["sections"]["skills"])
    assert all(isinstance(s, str) for s in cv["sections"]["summary"])  # text entries
    assert warnings == []


def test_rendercv_escapes_markdown_and_warns_what_rendercv_cannot_take(tmp_path: Path) -> None:
    resume = load_resume(EXAMPLES / "priya_fraud.yaml")
    tricky = r"Cut *fraud* by 18% in fraud_v2 [beta](x) with C:\models, `<b>` kept"
    resume.work[0].highlights[0] = tricky
    extras = resume.basics.model_extra
    extras["phone"] = "555 0100"
    extras["profiles"] = [{"network": "Kaggle", "url": "https://kaggle.com/priya"}]
    text, warnings = to_rendercv(resume)
    assert (
        r"Cut \*fraud\* by 18% in fraud\_v2 \[beta\](x) with C:\\models"
        in yaml.safe_load(text)["cv"]["sections"]["experience"][0]["highlights"][0]
    )
    assert any("phone" in w and "country code" in w for w in warnings)
    assert any("kaggle.com/priya" in w for w in warnings)
    out = tmp_path / "r.yaml"
    out.write_text(text, encoding="utf-8")
    assert import_file(out).resume.work[0].highlights[0] == tricky


def test_cli_writes_rendercv(tmp_path: Path, capsys) -> None:
    out = tmp_path / "cv.yaml"
    args = ["export", str(EXAMPLES / "alex_before.yaml"), "--to", "rendercv", "-o", str(out)]
    drafts = ["--drafts", str(EXAMPLES / "alex_before.drafts.yaml")]
    assert main([*args, *drafts]) == 0
    assert import_file(out).resume.work == source("alex_before+drafts").work


# the page


def test_page_escapes_learner_text_and_fetches_nothing() -> None:
    page = resume_html(hostile())
    assert "<script" not in page and "<b>not" not in page and "<i>ML" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;i&gt;ML&lt;/i&gt;" in page
    assert "http://" not in page and "https://" not in page and "@import" not in page
    assert "default-src 'none'" in page  # a CSP: even a slipped-in reference is not fetched
    assert "<h2>Experience</h2>" in page and '<span class="dot">•</span>' in page


def test_words_with_hyphens_and_slashes_stay_whole() -> None:
    assert str(keep("a 3-week A/B test & <x>")) == (
        'a <span class="nw">3-week</span> <span class="nw">A/B</span> test &amp; &lt;x&gt;'
    )


def test_bullet_order_for_a_posting() -> None:
    resume = load_resume(EXAMPLES / "alex_after.yaml")
    work = sections(resume, {0: [4, 3], 2: [2, 1, 0]})[1].entries
    assert work[0].bullets == [resume.work[0].highlights[i] for i in (4, 3, 0, 1, 2)]
    assert work[1].bullets == resume.work[1].highlights  # no order: as written
    assert work[2].bullets == resume.work[2].highlights[::-1]
    for bad in ({0: [5]}, {0: [1, 1]}, {7: [0]}):
        with pytest.raises(ValueError, match="bullet order"):
            sections(resume, bad)


def ranked(resume: Resume, posting: Path = JOB) -> list[list[str]]:
    """Each role's bullets in the order rank_bullets gives for the posting."""
    from resume_lessons.core.tailor import rank_bullets
    from resume_lessons.formats.posting import read_posting

    orders = {o.location: o.order for o in rank_bullets(resume, read_posting(posting))}
    return [
        [w.highlights[j] for j in orders.get(f"work[{i}]", range(len(w.highlights)))]
        for i, w in enumerate(resume.work)
    ]


def test_markdown_with_a_job_orders_each_role_by_rank_bullets(tmp_path: Path, capsys) -> None:
    resume = source("alex_before+drafts")
    want = ranked(resume)
    assert want != [w.highlights for w in resume.work]  # the posting moves some bullets
    out = tmp_path / "r.md"
    args = ["export", str(EXAMPLES / "alex_before.yaml"), "--drafts"]
    args += [str(EXAMPLES / "alex_before.drafts.yaml"), "--to", "markdown", "--job", str(JOB)]
    assert main([*args, "-o", str(out)]) == 0
    assert "bullets reordered in Senior ML Engineer, Spotify" in capsys.readouterr().err
    again = load_resume(out)
    assert [[norm(h) for h in w.highlights] for w in again.work] == [
        [norm(h) for h in role] for role in want
    ]


def test_job_is_for_a_resume_to_send(tmp_path: Path, capsys) -> None:
    args = ["export", str(EXAMPLES / "alex_before.yaml"), "--to", "yaml", "--job", str(JOB)]
    assert main(args) == 2
    assert "--job orders the bullets of a resume to send" in capsys.readouterr().err
    bad = tmp_path / "posting.yaml"
    bad.write_text("basics: {name: A}\nwork: []\n", encoding="utf-8")
    args = ["export", str(EXAMPLES / "alex_before.yaml"), "--to", "markdown", "--job", str(bad)]
    assert main([*args, "-o", str(tmp_path / "r.md")]) == 2
    assert "a resume, not a posting" in capsys.readouterr().err
    assert not (tmp_path / "r.md").exists()


# the PDF


def test_pdf_needs_an_output_file(capsys) -> None:
    assert main(["export", str(EXAMPLES / "alex_before.yaml"), "--to", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "--to pdf writes a PDF file" in err and "-o resume.pdf" in err
    assert main(["export", str(EXAMPLES / "alex_before.yaml"), "--to", "pdf", "-o", "r.txt"]) == 2
    assert "does not end in .pdf" in capsys.readouterr().err


def test_pdf_without_chromium_says_how_to_install_it(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    out = tmp_path / "resume.pdf"
    assert main(["export", str(EXAMPLES / "alex_after.yaml"), "--to", "pdf", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Chromium is not installed" in err and "apt-get install chromium" in err
    assert "Traceback" not in err and not out.exists() and not list(tmp_path.iterdir())


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each sample printed once (the drafted one through the CLI), one Chromium run each."""
    if chromium.find_chromium() is None:
        return {}
    folder = tmp_path_factory.mktemp("pdf")
    files = {case: folder / f"{case.replace('+', '_')}.pdf" for case in CASES}
    for case, path in files.items():
        if "+" in case:
            name = case.partition("+")[0]
            args = ["export", str(EXAMPLES / f"{name}.yaml"), "--to", "pdf", "-o", str(path)]
            assert main([*args, "--drafts", str(EXAMPLES / f"{name}.drafts.yaml")]) == 0
        else:
            write_pdf(source(case), path)
    files["hostile"] = write_pdf(hostile(), folder / "hostile.pdf")
    files["ordered"] = write_pdf(source("alex_after"), folder / "ordered.pdf", {0: [4, 3]})
    files["job"] = folder / "job.pdf"
    args = ["export", str(EXAMPLES / "alex_before.yaml"), "--to", "pdf", "--job", str(JOB)]
    assert main([*args, "-o", str(files["job"])]) == 0
    return files


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_pdf_opens_renders_and_reimports_every_bullet(
    case: str, printed: dict[str, Path], tmp_path: Path
) -> None:
    need_chromium()
    pdf = printed[case]
    assert len(PdfReader(pdf).pages) >= 1
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
            check=True,
        )
        page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
        dark = sum(page.histogram()[:128])
        assert dark > 500, f"the first page is blank ({dark} dark pixels)"
    resume = source(case)
    result = import_file(pdf)
    assert bullets(result.resume) == bullets(resume)  # all of them, with their roles, in order
    assert result.unplaced == [], [str(u) for u in result.unplaced]
    again = result.resume
    assert (again.basics.name, again.basics.label, again.basics.email) == (
        resume.basics.name,
        resume.basics.label,
        resume.basics.email,
    )
    assert norm(again.basics.summary) == norm(resume.basics.summary)
    assert [(s.name, s.keywords) for s in again.skills] == [
        (s.name, s.keywords) for s in resume.skills
    ]
    assert [(e.institution, e.studyType, e.area) for e in again.education] == [
        (e.institution, e.studyType, e.area) for e in resume.education
    ]


@pytest.mark.slow
def test_pdf_shows_html_in_a_bullet_as_text(printed: dict[str, Path]) -> None:
    need_chromium()
    again = import_file(printed["hostile"]).resume
    assert norm(again.work[0].highlights[0]) == norm(HOSTILE)
    assert again.basics.label == "<i>ML</i> Engineer"


@pytest.mark.slow
def test_pdf_keeps_a_bullet_order(printed: dict[str, Path]) -> None:
    need_chromium()
    resume = source("alex_after")
    again = import_file(printed["ordered"]).resume
    want = [resume.work[0].highlights[i] for i in (4, 3, 0, 1, 2)]
    assert [norm(h) for h in again.work[0].highlights] == [norm(h) for h in want]


@pytest.mark.slow
def test_pdf_with_a_job_orders_each_role_by_rank_bullets(printed: dict[str, Path]) -> None:
    need_chromium()
    resume = source("alex_before")
    want = ranked(resume)
    assert want != [w.highlights for w in resume.work]
    again = import_file(printed["job"]).resume
    assert [[norm(h) for h in w.highlights] for w in again.work] == [
        [norm(h) for h in role] for role in want
    ]


def test_a_section_of_lines_is_kept_whole_and_a_section_of_roles_may_break() -> None:
    import re

    from resume_lessons.formats import load_resume
    from resume_lessons.present.resume_html import resume_html

    root = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
    page = resume_html(load_resume(root / "alex_after.yaml"))
    sections = re.findall(r'<section( class="whole")?>\s*<h2>([^<]+)</h2>', page)
    whole = {title for cls, title in sections if cls}
    assert {"Summary", "Skills"} <= whole and "Experience" not in whole
    assert ".whole { break-inside: avoid; }" in page
