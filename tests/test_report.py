"""The personal report: its view logic, the notebook's shape, and the `report` command."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from support.reports import XSS, sample_report, small_resume, write_yaml, xss_report

from resume_lessons import load_resume_with_warnings
from resume_lessons.cli import main
from resume_lessons.present import report_content as rv
from resume_lessons.runners import report as report_mod
from resume_lessons.runners.report import ChromiumMissing, ReportFailed, run_report, slugify

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
BEFORE, DRAFTS = EXAMPLES / "alex_before.yaml", EXAMPLES / "alex_before.drafts.yaml"


@pytest.fixture(scope="module")
def alex() -> rv.ReportData:
    return rv.build_report(load_resume_with_warnings(BEFORE), str(DRAFTS))


@pytest.fixture(scope="module")
def alex_alone() -> rv.ReportData:
    return rv.build_report(load_resume_with_warnings(BEFORE))


# ---- view logic --------------------------------------------------------------------------


def test_one_verdict_per_technique_with_the_score_before(alex: rv.ReportData) -> None:
    verdicts = rv.verdicts(alex)
    assert [v.code for v in verdicts] == ["T1", "T2", "T3", "T4", "T5", "T6", "T7"]
    t1 = verdicts[0]
    assert t1.before == 0 and t1.score == 100 and "(was 0)" in t1.line
    assert all("\n" not in v.line for v in verdicts)


def test_without_drafts_the_report_says_how_to_make_them(alex_alone: rv.ReportData) -> None:
    assert not alex_alone.has_drafts
    assert rv.rewrites(alex_alone) == []
    assert all(v.before is None for v in rv.verdicts(alex_alone))
    html = rv.rewrites_html(alex_alone)
    assert "no drafts yet" in html and "resume-lessons lessons" in html
    assert "resume-lessons report alex_before.yaml --drafts drafts/" in html


def test_every_rewritten_item_is_paired_with_the_elements_it_gained(alex: rv.ReportData) -> None:
    items = rv.rewrites(alex)
    assert len(items) == 12
    summary = items[0]
    assert summary.location == "basics.summary"
    assert {"domain", "scale", "quantified_impact"} <= set(summary.gained)
    assert "generic_adjective" in summary.removed and "generic_adjective" not in summary.lost
    assert summary.after_score > summary.before_score
    html = rv.rewrites_html(alex)
    assert html.count("rl-before-after") == 12 and "<del " in html and "<ins " in html


def test_three_next_actions_each_with_questions_and_no_invented_numbers(
    alex_alone: rv.ReportData,
) -> None:
    actions = rv.next_actions(alex_alone)
    assert len(actions) == 3
    scores = alex_alone.after.scores
    assert [a.points for a in actions] == sorted((a.points for a in actions), reverse=True)
    assert actions[0].score == min(scores[c] for c in scores if c != "overall")
    for action in actions:
        assert action.where and action.questions
        for question in action.questions:
            assert question.endswith("?")
            assert not re.search(r"\d", question), question


def test_next_actions_only_name_techniques_below_100() -> None:
    data = rv.build_report(load_resume_with_warnings(EXAMPLES / "alex_after.yaml"))
    actions = rv.next_actions(data)
    below = [c for c, v in data.after.scores.items() if c != "overall" and v < 100]
    assert len(actions) == min(3, len(below)) < 3
    assert all(data.after.findings_for(a.technique) for a in actions)
    assert all(a.score < 100 for a in actions)


def test_open_findings_are_grouped_by_technique(alex: rv.ReportData) -> None:
    groups = rv.open_findings(alex)
    assert list(groups) == ["T1", "T2", "T3", "T4", "T5", "T6", "T7"]
    assert all(f.technique == code for code, fs in groups.items() for f in fs)
    assert groups["T1"] == [] and groups["T4"]  # the Wayfair test still lacks guardrails


def test_learner_text_is_escaped_in_every_section(tmp_path: Path) -> None:
    resume = write_yaml(
        tmp_path / "m.yaml", small_resume(f"M {XSS}", [f"Worked on {XSS}."], summary=XSS)
    )
    drafts = write_yaml(tmp_path / "m.drafts.yaml", {"drafts": {"work[0].highlights[0]": XSS}})
    data = rv.build_report(load_resume_with_warnings(resume), str(drafts))
    for html in (
        rv.header_html(data),
        rv.verdicts_html(data),
        rv.rewrites_html(data),
        rv.annotated_resume_html(data),
        rv.open_findings_html(data),
        rv.next_actions_html(data),
        rv.scores_chart_html(data),
        rv.coverage_chart_html(data),
    ):
        assert "<script>" not in html
    assert "&lt;script&gt;" in rv.annotated_resume_html(data)


def test_drafts_for_places_no_longer_in_the_resume_are_named(tmp_path: Path) -> None:
    resume = write_yaml(tmp_path / "r.yaml", small_resume("R", ["Built a feature store."]))
    drafts = write_yaml(tmp_path / "d.yaml", {"drafts": {"work[0].highlights[5]": "Gone."}})
    data = rv.build_report(load_resume_with_warnings(resume), str(drafts))
    assert data.missing_locations == ["work[0].highlights[5]"]
    assert "work[0].highlights[5]" in rv.header_html(data)


# ---- the notebook and the kit's files ----------------------------------------------------


def test_report_notebook_shape() -> None:
    nb = nbformat.read(report_mod.find_notebook(), as_version=4)
    assert nb.metadata.kernelspec.name == "python3"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    assert "parameters" in nb.cells[1].metadata.get("tags", [])
    for name in ("resume_path", "drafts_path", "learner_name", "profile"):
        assert f"{name} =" in nb.cells[1].source
    assert all(not c.get("outputs") and not c.get("execution_count") for c in nb.cells[1:])


def test_sample_drafts_line_up_with_the_sample_resume(alex: rv.ReportData) -> None:
    # 12 rewritten items (summary and bullets) plus the skills block and the kept publications
    assert alex.missing_locations == [] and len(alex.drafts.items) == 14
    assert {"skills", "publications"} <= set(alex.drafts.items)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Alex Rivera", "alex-rivera"),
        ("../../etc", "etc"),
        ("José Núñez", "jose-nunez"),
        ("🚀🚀", "learner"),
        ("", "learner"),
        ("a/b\\c d", "a-b-c-d"),
        ("x" * 200, "x" * 60),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


# ---- the command ---------------------------------------------------------------------------


def test_bad_resume_exits_2_before_any_kernel_starts(tmp_path: Path, capsys, monkeypatch) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("basics:\n  name: [unclosed\n", encoding="utf-8")

    def no_kernel(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a kernel was started for a bad file")

    monkeypatch.setattr(report_mod, "execute", no_kernel)
    assert main(["report", str(bad), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "not valid YAML" in err and "Traceback" not in err


def test_bad_drafts_exit_2(tmp_path: Path, capsys) -> None:
    drafts = tmp_path / "d.yaml"
    drafts.write_text("drafts: [1, 2]\n", encoding="utf-8")
    assert main(["report", str(BEFORE), "--drafts", str(drafts), "--out", str(tmp_path)]) == 2
    assert str(drafts) in capsys.readouterr().err


def test_a_missing_drafts_file_is_an_error_not_silence(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "typo.drafts.yaml"
    assert main(["report", str(BEFORE), "--drafts", str(missing), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "drafts file not found" in err


@pytest.mark.notebook
def test_sample_report_is_one_self_contained_html_file() -> None:
    html_path, _ = sample_report()
    html = html_path.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html
    assert html.count('src="data:image/png;base64,') >= 2
    assert "Alex Rivera" in html and "rl-before-after" in html
    assert 'class="rl-box rl-resume"' in html and html.count('class="rl-entry"') > 12
    assert html.count('<figure class="rl-box rl-chart"') == 2
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', html)
    assert any(a.startswith("Bar chart of the score per technique") for a in alts)
    assert any(a.startswith("Heat map of how many bullets") for a in alts)
    assert "rv.build_report" not in html  # code cells are not exported
    assert not list(html_path.parent.glob("*.ipynb"))  # the executed notebook is cleaned up


@pytest.mark.slow  # Chromium prints the PDF
def test_sample_report_prints_to_a_pdf_with_the_learner_name(tmp_path: Path) -> None:
    if not shutil.which("pdftoppm") or not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is missing: apt-get install poppler-utils")
    _, pdf = sample_report()
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-png", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    page = next(tmp_path.glob("p*.png"))
    assert page.stat().st_size > 1000
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "Alex Rivera" in text


def test_missing_chromium_gives_a_clear_message(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    html = tmp_path / "r.html"
    html.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(ChromiumMissing, match="Chromium is not installed"):
        report_mod.print_pdf(html, tmp_path / "r.pdf")


@pytest.mark.notebook
def test_xss_report_escapes_the_script_tag() -> None:
    html = xss_report().read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.notebook
def test_a_failing_cell_names_the_cell_the_file_and_keeps_the_notebook(tmp_path: Path) -> None:
    broken = nbformat.read(report_mod.find_notebook(), as_version=4)
    broken.cells.insert(3, nbformat.v4.new_code_cell("ratio = 1 / 0"))
    notebook = tmp_path / "broken.ipynb"
    nbformat.write(broken, notebook)
    with pytest.raises(ReportFailed) as caught:
        run_report(BEFORE, out_dir=tmp_path / "out", notebook=notebook)
    message = str(caught.value)
    assert "ZeroDivisionError" in message and "ratio = 1 / 0" in message
    assert str(BEFORE) in message
    kept = tmp_path / "out" / "alex-rivera.ipynb"
    assert kept.exists() and f"kept for inspection: {kept}" in message


# ---- tailored to a job posting (`report --job`) ------------------------------------------

POSTINGS = EXAMPLES.parent / "postings"
RECS = POSTINGS / "recommendations_team.yaml"


def test_no_posting_no_tailored_section(alex: rv.ReportData) -> None:
    assert rv.tailored_html(alex, "") == ""


def test_tailored_section_follows_tailor_on_the_drafted_resume(alex: rv.ReportData) -> None:
    from resume_lessons.core.tailor import tailor
    from resume_lessons.formats.posting import read_posting

    posting = read_posting(RECS)
    result = tailor(alex.after.resume, posting)
    section = rv.tailored_html(alex, str(RECS))
    heading = "<h2>Tailored to Senior Machine Learning Engineer, Recommendations, Northwind Music"
    assert section.startswith(f'<section class="rl-box rl-tailored">{heading}</h2>')
    for area, score in result.scores.items():
        if score is not None:
            assert f'data-area="{area}">{score}<' in section
    assert section.count('class="rl-checklist"') == sum(
        s is not None for s in result.scores.values()
    )
    for m in result.found:
        assert f'data-term="{m.term.name}"' in section
    for m in result.missing:  # each missing term is asked, with the posting's place
        assert re.search(rf'class="rl-miss" data-term="{re.escape(m.term.name)}">.*?<em>', section)
    for order in result.orders:
        assert f'data-role="{order.location}"' in section
    assert all(f"“{w}”" in section for w in result.summary_lead)


def test_a_bad_posting_exits_2_before_any_kernel_starts(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    def no_kernel(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a kernel was started for a bad posting")

    monkeypatch.setattr(report_mod, "execute", no_kernel)
    resume = EXAMPLES / "alex_before.yaml"
    posting = write_yaml(tmp_path / "p.yaml", small_resume("Not A Posting", ["Built it."]))
    assert main(["report", str(resume), "--job", str(posting), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(posting) in err and "a resume, not a posting" in err


@pytest.mark.notebook
def test_report_with_a_job_adds_the_tailored_section(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["report", str(BEFORE), "--drafts", str(DRAFTS), "--job", str(RECS)]
    assert main([*args, "--out", str(out)]) == 0
    page = (out / "alex-rivera.html").read_text(encoding="utf-8")
    assert "Tailored to Senior Machine Learning Engineer, Recommendations, Northwind Music" in page
    assert "The bullet order to use" in page and "Your summary's lead words" in page
    from resume_lessons.core.tailor import tailor
    from resume_lessons.formats.posting import read_posting

    drafted = rv.build_report(load_resume_with_warnings(BEFORE), str(DRAFTS)).after.resume
    result = tailor(drafted, read_posting(RECS))
    assert result.missing and result.found
    for m in [*result.missing, *result.found]:
        assert f'data-term="{m.term.name}"' in page
    asks = {f.line: f.suggestion for f in result.findings if f.line}
    first = result.missing[0].term
    assert asks[f"{first.kind}:{first.key}"].replace("'", "&#x27;") in page
    assert 'class="rl-terms-found"' in page and 'class="rl-order"' in page
    assert "<script" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # no CDN
    # without --job the same report has no such section (the sample report)
    html_path, _ = sample_report()
    assert "Tailored to" not in html_path.read_text(encoding="utf-8")


def test_a_stage_no_bullet_shows_and_a_stage_only_a_duty_shows_are_told_apart() -> None:
    from resume_lessons.core.findings import Finding

    def t201(location: str, message: str) -> Finding:
        return Finding("T201", "T2", location, message, "Say what you built.", points=7.5)

    findings = [
        t201(
            "work[0].highlights[1]",
            "Only a duty (“Worked with the data team on pipelines.”) shows the data stage: a "
            "reader sees that you were near it, not what you built there.",
        ),
        t201("work", "No bullet shows your work on the features stage of the pipeline."),
        t201("work", "No bullet shows your work on the monitoring stage of the pipeline."),
    ]
    groups = rv.group_findings(findings)
    messages = [g.message for g in groups]
    assert "No bullet shows your work on the features and monitoring stages of the pipeline." in (
        messages
    )
    assert not any("Worked with" in m and "features" in m for m in messages)
    (duty,) = [g for g in groups if "data" in g.items]
    assert "Only a duty" in duty.message


def test_the_next_step_after_a_report_with_drafts_does_not_ask_for_drafts(tmp_path: Path) -> None:
    from resume_lessons.cli.report import next_steps

    html = tmp_path / "r.html"
    assert "--drafts" in next_steps(html, None)
    assert "--drafts" not in next_steps(html, None, drafts=True)
