"""Write each sample resume out as DOCX, PDF (one and two columns), Markdown and rendercv YAML,
import it back, and compare: every bullet with its role, and the scores within 5 points."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import mistune
import pytest
import yaml
from docx import Document

from resume_lessons.core.analyze import analyze
from resume_lessons.core.model import Resume
from resume_lessons.formats import import_file, load_resume
from resume_lessons.formats.export import to_markdown
from resume_lessons.formats.jsonresume import display, display_range

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
SAMPLES = ("alex_before", "alex_after", "priya_fraud")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TARGET = {"docx": 1.0, "markdown": 1.0, "rendercv": 1.0, "pdf-one": 0.95, "pdf-two": 0.95}


def write_docx(resume: Resume, path: Path) -> None:
    """A Word resume as people make them: Title, Heading 1 sections, bold role lines with the
    dates after a tab, List Bullet highlights, 'Group: a, b' skills."""
    doc = Document()
    b = resume.basics
    doc.add_heading(b.name, 0)
    if b.label:
        doc.add_paragraph().add_run(b.label).bold = True
    doc.add_paragraph(" | ".join(p for p in (b.email, b.url) if p))
    if b.summary:
        doc.add_heading("Professional Summary", 1)
        doc.add_paragraph(b.summary)
    doc.add_heading("Work Experience", 1)
    for job in resume.work:
        para = doc.add_paragraph()
        para.add_run(f"{job.position} — {job.name}").bold = True
        para.add_run("\t" + display_range(job.startDate, job.endDate))
        for text in job.highlights:
            doc.add_paragraph(text, style="List Bullet")
    if resume.publications:
        doc.add_heading("Publications", 1)
        for pub in resume.publications:
            venue = ", ".join(p for p in (pub.publisher, display(pub.releaseDate)) if p)
            summary = f" — {pub.summary}" if pub.summary else ""
            doc.add_paragraph(f"{pub.name} — {venue}{summary}", style="List Number")
    doc.add_heading("Skills", 1)
    for group in resume.skills:
        para = doc.add_paragraph()
        para.add_run(f"{group.name}: ").bold = True
        para.add_run(", ".join(group.keywords))
    doc.add_heading("Education", 1)
    for ed in resume.education:
        doc.add_paragraph(f"{ed.studyType}, {ed.area} — {ed.institution}, {ed.endDate}")
    doc.save(str(path))


def write_rendercv(resume: Resume, path: Path) -> None:
    """rendercv's input format: `cv:` with arbitrary section titles and typed entries."""
    b = resume.basics
    sections: dict[str, list] = {}
    if b.summary:
        sections["summary"] = [b.summary]
    sections["experience"] = [
        {
            "company": job.name,
            "position": job.position,
            "start_date": job.startDate,
            "end_date": job.endDate or "present",
            "highlights": job.highlights,
        }
        for job in resume.work
    ]
    if resume.publications:
        sections["publications"] = [
            {"title": p.name, "authors": [b.name], "journal": p.publisher, "date": p.releaseDate}
            | ({"summary": p.summary} if p.summary else {})
            for p in resume.publications
        ]
    sections["technologies"] = [
        {"label": s.name, "details": ", ".join(s.keywords)} for s in resume.skills
    ]
    sections["education"] = [
        {"institution": e.institution, "area": e.area, "degree": e.studyType, "end_date": e.endDate}
        for e in resume.education
    ]
    cv = {"name": b.name, "email": b.email, "sections": sections}
    path.write_text(yaml.safe_dump({"cv": cv}, sort_keys=False, allow_unicode=True), "utf-8")


CSS = (
    "body{font-family:'DejaVu Sans',sans-serif;font-size:10pt;margin:0.5in}"
    "h1{font-size:20pt;margin:0}h2{font-size:14pt;margin:10pt 0 4pt}"
    "h3{font-size:11pt;margin:8pt 0 2pt}p{margin:2pt 0}ul{margin:2pt 0;padding-left:16pt}"
    ".cols{display:flex;gap:24pt}.side{width:34%}.main{flex:1}"
)
SIDEBAR = {"Skills", "Education", "Publications"}


def html(markdown: str, columns: int) -> str:
    """The Markdown export as a web page: one column, or a sidebar beside the main column."""
    if columns == 1:
        body = mistune.html(markdown)
    else:
        head, *sections = markdown.split("\n## ")
        side = [s for s in sections if s.split("\n")[0] in SIDEBAR]
        main = [s for s in sections if s not in side]
        part = lambda ss: "".join(mistune.html("## " + s) for s in ss)  # noqa: E731
        body = (
            f"{mistune.html(head)}<div class='cols'><div class='side'>{part(side)}</div>"
            f"<div class='main'>{part(main)}</div></div>"
        )
    return (
        f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>{body}</body></html>"
    )


def print_pdfs(jobs: list[tuple[str, Path]], workdir: Path) -> None:
    """Print HTML pages to PDF with headless Chromium, all at once."""
    procs = []
    for i, (page, out) in enumerate(jobs):
        source = workdir / f"page{i}.html"
        source.write_text(page, encoding="utf-8")
        command = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={workdir / f'profile{i}'}",
            f"--print-to-pdf={out}",
            source.as_uri(),
        ]
        procs.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode(errors="replace")[-500:]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every sample in every format, written once for the module."""
    out_dir = tmp_path_factory.mktemp("roundtrip")
    files: dict[tuple[str, str], Path] = {}
    jobs: list[tuple[str, Path]] = []
    for name in SAMPLES:
        resume = load_resume(EXAMPLES / f"{name}.yaml")
        files[name, "docx"] = out_dir / f"{name}.docx"
        write_docx(resume, files[name, "docx"])
        files[name, "markdown"] = out_dir / f"{name}.md"
        files[name, "markdown"].write_text(to_markdown(resume), encoding="utf-8")
        files[name, "rendercv"] = out_dir / f"{name}_rendercv.yaml"
        write_rendercv(resume, files[name, "rendercv"])
        for columns in (1, 2):
            key = "pdf-one" if columns == 1 else "pdf-two"
            files[name, key] = out_dir / f"{name}_{key}.pdf"
            jobs.append((html(to_markdown(resume), columns), files[name, key]))
    if Path(CHROMIUM).exists():
        print_pdfs(jobs, out_dir)
    return files


def bullets(resume: Resume) -> list[tuple[str, str, str]]:
    return [(job.position, job.name, text) for job in resume.work for text in job.highlights]


def recovered(source: Resume, imported: Resume) -> float:
    got = set(bullets(imported))
    want = bullets(source)
    return sum(b in got for b in want) / len(want)


@pytest.mark.slow  # writes PDF (Chromium) and DOCX files
@pytest.mark.parametrize("fmt", list(TARGET))
@pytest.mark.parametrize("name", SAMPLES)
def test_round_trip_recovers_bullets_and_scores(
    name: str, fmt: str, exported: dict[tuple[str, str], Path]
) -> None:
    path = exported[name, fmt]
    if fmt.startswith("pdf") and not path.exists():
        message = (
            f"Chromium not found at {CHROMIUM}: PDF round trips need it (apt-get install chromium)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    source = load_resume(EXAMPLES / f"{name}.yaml")
    result = import_file(path)
    share = recovered(source, result.resume)
    assert share >= TARGET[fmt], f"{fmt}: {share:.0%} of bullets recovered with their role"
    before, after = analyze(source).scores, analyze(result.resume).scores
    far = {k: (before[k], after[k]) for k in before if abs(before[k] - after[k]) > 5}
    assert not far, f"{fmt}: scores moved by more than 5 points: {far}"
    assert result.unplaced == [], [str(u) for u in result.unplaced]


@pytest.mark.parametrize("fmt", ["docx", "markdown", "rendercv"])
@pytest.mark.parametrize("name", SAMPLES)
def test_lossless_formats_give_the_same_sections(
    name: str, fmt: str, exported: dict[tuple[str, str], Path]
) -> None:
    source = load_resume(EXAMPLES / f"{name}.yaml")
    imported = import_file(exported[name, fmt]).resume
    assert imported.work == source.work
    assert [(s.name, s.keywords) for s in imported.skills] == [
        (s.name, s.keywords) for s in source.skills
    ]
    assert [(p.name, p.publisher) for p in imported.publications] == [
        (p.name, p.publisher) for p in source.publications
    ]
    assert imported.basics.summary == source.basics.summary
    assert [(e.institution, e.studyType, e.area) for e in imported.education] == [
        (e.institution, e.studyType, e.area) for e in source.education
    ]


def test_pdf_with_company_and_title_on_separate_lines(tmp_path: Path) -> None:
    """A hand-made layout: company and place on one row, title and dates right-aligned below,
    '▪' glyph bullets, a centred header, skills as 'Group: a, b' lines."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: PDF imports need it to make the test file"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    page = (Path(__file__).parent / "data" / "import" / "right_aligned_dates.html").read_text()
    out = tmp_path / "resume.pdf"
    print_pdfs([(page, out)], tmp_path)
    resume = import_file(out).resume
    roles = [(w.position, w.name, w.startDate, w.endDate, len(w.highlights)) for w in resume.work]
    assert roles == [
        ("Applied Scientist II", "Amazon", "2021-03", None, 2),
        ("Data Scientist", "Zillow", "2018", "2021", 1),
    ]
    assert [s.name for s in resume.skills] == ["Languages", "ML"]
    assert resume.education[0].institution == "University of Washington"
