"""Tailoring a resume to a posting: terms found and missing, their places, the moves, the
coverage scores, and suggestions that never add a fact."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resume_lessons.cli import main
from resume_lessons.core.drafts import load_drafts
from resume_lessons.core.errors import ResumeError
from resume_lessons.core.model import Resume
from resume_lessons.core.posting import Posting, posting_texts
from resume_lessons.core.posting_terms import _tools
from resume_lessons.core.profile import load_profile
from resume_lessons.core.skills import form_span, tool_span
from resume_lessons.core.tailor import TailorResult, rank_bullets, tailor
from resume_lessons.core.tailor_match import resume_text, resume_texts
from resume_lessons.formats import load_resume
from resume_lessons.formats.posting import read_posting

ROOT = Path(__file__).parents[1]
SAMPLES = ROOT / "resume_lessons" / "samples"
POSTINGS = sorted((SAMPLES / "postings").iterdir())
RESUMES = sorted(
    p
    for folder in ("examples", "workshop")
    for p in (SAMPLES / folder).iterdir()
    if p.suffix in (".yaml", ".json") and ".drafts." not in p.name
)
PROFILE = load_profile()


def _drafts_for(path: Path):  # type: ignore[no-untyped-def]
    drafts = path.with_name(f"{path.stem}.drafts.yaml")
    return load_drafts(drafts) if drafts.exists() else None


def _run(resume: str, posting: str, *, drafts: bool = True) -> tuple[Resume, TailorResult]:
    path = next(p for p in RESUMES if p.stem == resume)
    r = load_resume(path)
    d = _drafts_for(path) if drafts else None
    from resume_lessons.core.drafts import apply_drafts

    after = apply_drafts(r, d)[0] if d else r
    return after, tailor(r, read_posting(SAMPLES / "postings" / posting), drafts=d)


def _match(result: TailorResult, name: str):  # type: ignore[no-untyped-def]
    return next(m for m in result.matches if m.term.name == name)


_QUESTION = re.compile(r"[^.?!]*\?")


def _outside_questions(text: str) -> str:
    return _QUESTION.sub(" ", text)


def _resume_shows(resume: Resume, tool: str) -> bool:
    return any(tool_span(tool, text, PROFILE) for _, _, text in resume_texts(resume))


def _without_tools(text: str) -> str:
    for _, forms, _ in _tools(PROFILE):
        for form in forms:
            while (span := form_span(form, text)) is not None:
                text = text[: span[0]] + " " + text[span[1] :]
    return text


PAIRS = [(r, p) for r in RESUMES for p in POSTINGS]


@pytest.mark.parametrize(
    ("resume_path", "posting_path"), PAIRS, ids=[f"{r.stem}-{p.stem}" for r, p in PAIRS]
)
def test_every_sample_resume_against_every_sample_posting(
    resume_path: Path, posting_path: Path
) -> None:
    drafts = _drafts_for(resume_path)
    resume = load_resume(resume_path)
    posting = read_posting(posting_path)
    result = tailor(resume, posting, drafts=drafts)
    if drafts is not None:
        from resume_lessons.core.drafts import apply_drafts

        resume = apply_drafts(resume, drafts)[0]
    texts = dict(posting_texts(posting))
    assert result.matches, "every sample posting asks for something"
    for m in result.matches:
        for place in m.text_places:  # the words are really there, at the span it names
            assert resume_text(resume, place.location)[place.start : place.end] == place.text
        assert all(
            p.location in ("work", "publications") or p.location.startswith("publications[")
            for p in m.records
        )  # dates, papers: not words
        for place in m.term.asked_at:
            assert texts[place.location][place.start : place.end] == place.text
    for f in result.findings:
        assert f.code.startswith("J") and f.message and f.suggestion
        assert not re.search(r"\d", _without_tools(f.suggestion)), f.suggestion
        outside = _outside_questions(f.suggestion)
        for name, forms, _ in _tools(PROFILE):
            if any(form_span(form, outside) for form in forms):
                assert _resume_shows(resume, name or forms[0]), (name, f.suggestion)
        if f.span:
            assert 0 <= f.span[0] < f.span[1] <= len(resume_text(resume, f.location))
    for area, r in result.results.items():
        if r is None:
            continue
        assert sum(c.points for c in r.checklist) == 100, area
        lost = sum(c.lost for c in r.checklist)
        assert sum(f.points for f in r.findings) == pytest.approx(lost, abs=0.05), area
        assert (r.score == 100) == (lost == 0)


def test_drafted_resume_shows_the_recommendations_posting() -> None:
    _, result = _run("alex_before", "recommendations_team.yaml")
    feast = _match(result, "Feast")
    assert feast.shown and feast.bullets[0].location == "work[0].highlights[3]"
    assert _match(result, "recommendations").summary[0].text == "recommendation systems"
    assert _match(result, "gradient boosted trees").shown
    assert result.scores["T2"] == 100 and result.scores["T4"] == 100
    mentoring = _match(result, "mentoring")
    assert not mentoring.found and mentoring in result.missing
    (question,) = [f for f in result.findings if f.code == "J801" and "mentor" in f.message]
    assert question.suggestion.endswith("?") and question.points > 0


def test_the_first_draft_gets_questions_not_keywords() -> None:
    _, result = _run("alex_before", "recommendations_team.yaml", drafts=False)
    feast = next(f for f in result.findings if f.code == "J701" and "Feast" in f.message)
    assert feast.suggestion == "Have you used Feast? If so, which bullet shows it?"
    pytorch = next(f for f in result.findings if f.code == "J702" and "PyTorch" in f.message)
    assert pytorch.location.startswith("skills[0].keywords[")
    assert "?" in pytorch.suggestion
    drops = {f.message.split("”")[0].lstrip("“") for f in result.findings if f.code == "J703"}
    assert {"Tableau", "Caffe"} <= drops and "PyTorch" not in drops
    assert "MATLAB" not in drops  # a language: lesson 07 says it needs no bullet
    assert result.scores["T1"] < 50


def test_fraud_resume_matches_the_pasted_fraud_posting() -> None:
    _, result = _run("priya_fraud", "fraud_team.txt")
    fraud = _match(result, "fraud detection")
    assert fraud.summary and fraud.summary[0].location == "basics.summary"
    assert _match(result, "graph neural networks").shown
    kafka = _match(result, "Kafka")  # in Priya's skills, in none of her bullets
    assert kafka.found and not kafka.shown and kafka.skills[0].location == "skills[2].keywords[1]"
    assert any(f.code == "J702" and "Kafka" in f.message for f in result.findings)
    assert result.scores["T1"] >= 60 and result.scores["T5"] == 100


def test_platform_resume_against_the_platform_posting() -> None:
    _, result = _run("gus_martins", "ml_platform_team.json")
    for tool in ("Kubernetes", "KServe", "Feast", "Redis", "Prometheus", "Grafana"):
        assert _match(result, tool).shown, tool
    assert result.scores["T7"] >= 50


def test_ranked_bullets_put_the_posting_terms_first() -> None:
    resume, _ = _run("alex_after", "ml_platform_team.json")
    posting = read_posting(SAMPLES / "postings" / "ml_platform_team.json")
    orders = {o.location: o for o in rank_bullets(resume, posting)}
    first = orders["work[0]"]
    assert sorted(first.order) == list(range(len(resume.work[0].highlights)))
    assert first.order[0] == 3  # Feast, Kafka, Kubernetes, serving
    assert "Feast" in first.shows[3] and "Kubernetes" in first.shows[3]


def test_the_summary_is_told_what_to_lead_with() -> None:
    resume = Resume.model_validate(
        {
            "basics": {
                "name": "A",
                "summary": "Engineer with a broad background. I build fraud detection models.",
            },
            "work": [{"name": "Co", "highlights": ["Built fraud detection with LightGBM."]}],
        }
    )
    posting = Posting.model_validate({"description": "Our fraud detection team scores payments."})
    result = tailor(resume, posting)
    (tip,) = [f for f in result.findings if f.code == "J002"]
    assert tip.is_tip and "“fraud detection”" in tip.suggestion
    assert resume.basics.summary[slice(*tip.span)] == "fraud detection"
    assert result.summary_lead[0] == "fraud detection"


def test_a_posting_pasted_as_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_text(
        "ML Engineer, Search\nWe build search ranking for a marketplace.\n\nRequirements\n"
        "Experience with Elasticsearch and PyTorch\nYou own the ranking models end to end\n",
        encoding="utf-8",
    )
    result = tailor(load_resume(RESUMES[0]), read_posting(path))
    names = {m.term.name for m in result.matches}
    assert {"search", "Elasticsearch", "PyTorch", "ownership"} <= names


def test_result_to_dict_is_json() -> None:
    _, result = _run("alex_before", "fraud_team.txt")
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data["scores"]) == {"T1", "T2", "T4", "T5", "T6", "T7", "seniority"}
    assert data["scores"]["T6"] is None  # the posting names no venue
    term = next(t for t in data["terms"] if t["name"] == "fraud detection")
    assert term["found"] is False and term["asked_at"][0]["location"] == "title"


BEFORE = str(SAMPLES / "examples" / "alex_before.yaml")
DRAFTS = str(SAMPLES / "examples" / "alex_before.drafts.yaml")
RECS = str(SAMPLES / "postings" / "recommendations_team.yaml")


def test_cli_text(capsys) -> None:
    assert main(["tailor", BEFORE, RECS, "--drafts", DRAFTS]) == 0
    out = capsys.readouterr().out
    assert "T7 tools:" in out and "found   Feast [features]  work[0].highlights[3]" in out
    assert "missing mentoring" in out and "fix: Have you mentored" in out
    assert any(line.startswith("coverage: T1 ") for line in out.splitlines()[-4:])
    # the coverage says it is not the technique's own score (the same codes name both)
    assert "(of what the posting asks; not the techniques' scores)" in out
    assert "the posting asks nothing for: T6" in out


def test_cli_json(capsys) -> None:
    assert main(["tailor", BEFORE, RECS, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["resume"] == BEFORE and data["posting"]["file"] == RECS
    assert {f["code"] for f in data["findings"]} >= {"J701", "J703"}


def test_cli_bad_posting_is_an_error_without_traceback(tmp_path: Path, capsys) -> None:
    assert main(["tailor", BEFORE, BEFORE]) == 2
    err = capsys.readouterr().err
    assert "looks like a resume, not a posting" in err and "Traceback" not in err
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["tailor", BEFORE, str(empty)]) == 2
    assert f"{empty}: cannot use this posting" in capsys.readouterr().err


def test_cli_help_names_every_option(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["tailor", "--help"])
    out = capsys.readouterr().out
    for option in ("--drafts", "--format", "--profile", "POSTING"):
        assert option.lower() in out.lower()


# ---- what a person tailoring a resume disagreed with ------------------------------------------


def _tailor_text(  # type: ignore[no-untyped-def]
    tmp_path: Path,
    posting: str,
    bullets: list[str],
    skills: list[str] | None = None,
    label: str = "",
):
    from resume_lessons.core.loader import resume_from_data
    from resume_lessons.core.tailor import tailor

    path = tmp_path / "posting.txt"
    path.write_text(posting, encoding="utf-8")
    summary = "Search engineer building ranking systems."
    data = {
        "basics": {"name": "x", "label": label, "summary": summary},
        "work": [{"name": "Co", "position": "ML Engineer", "highlights": bullets}],
        "skills": [{"name": "Training", "keywords": skills or []}],
    }
    return tailor(resume_from_data(data, "x"), read_posting(path))


POSTING = """Senior ML Engineer, Search Ranking
Northwind Marketplace

What you'll do
- Build learning-to-rank models for product search.
- Train models in PyTorch or TensorFlow.
- Experience with LightGBM.
"""


def test_a_term_is_never_found_and_missing_at_once(tmp_path: Path) -> None:
    result = _tailor_text(
        tmp_path, POSTING, ["Trained learning-to-rank models that order product search results."]
    )
    ltr = [m for m in result.matches if "learn to rank" in m.term.key]
    assert len(ltr) == 1 and ltr[0].shown


def test_an_alternative_the_resume_shows_is_not_charged(tmp_path: Path) -> None:
    result = _tailor_text(tmp_path, POSTING, ["Trained the two-tower model in PyTorch."])
    assert all(m.term.name != "TensorFlow" for m in result.matches)
    assert not any("TensorFlow" in f.message for f in result.findings)


def test_a_tool_the_posting_names_is_asked_once(tmp_path: Path) -> None:
    result = _tailor_text(tmp_path, POSTING, ["Built a search feature pipeline in Spark."])
    assert any(m.term.name == "LightGBM" for m in result.matches)
    assert not any(m.term.kind == "model_type" and "boost" in m.term.key for m in result.matches)


def test_the_line_under_the_title_is_the_company_not_a_term(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    posting = read_posting(path)
    assert posting.company == "Northwind Marketplace"


def test_a_resume_pasted_as_a_text_posting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(
        "Jordan Vale\nML Engineer\n\nExperience\n- Built ranking models at Shoply.\n\n"
        "Education\nMSc Computer Science\n",
        encoding="utf-8",
    )
    with pytest.raises(ResumeError, match="looks like a resume"):
        read_posting(path)


# ---- a learner's walk through a search posting (sentences written for these tests) -------------

SEARCH_POSTING = """Staff ML Engineer, Product Search
Birchway Garden Supply · Lyon, France (Hybrid) · Full-time

About Birchway Garden Supply
Birchway Garden Supply sells seeds and tools to home growers.

What you'll do
- Own the search ranking platform for our catalogue.
- Train learning-to-rank models and measure them offline.

Requirements
- Experience with learning to rank.
- Python; Scala is a plus.

Nice to have
- Feature stores (Feast).
- Experience with large language models.
"""


def _search(tmp_path: Path, bullets: list[str], skills: list[str] | None = None) -> TailorResult:
    return _tailor_text(tmp_path, SEARCH_POSTING, bullets, skills)


def test_the_company_line_gives_company_location_and_type(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(SEARCH_POSTING, encoding="utf-8")
    posting = read_posting(path)
    assert posting.company == "Birchway Garden Supply"
    assert posting.location == "Lyon, France (Hybrid)" and posting.type == "Full-time"
    assert posting.description.startswith("Birchway Garden Supply sells")


def test_an_about_heading_names_the_company(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(
        "ML Engineer\n\nAbout Quillon Freight\nWe move parcels across Europe.\n\nRequirements\n"
        "- Build forecasting models for parcel volumes.\n",
        encoding="utf-8",
    )
    posting = read_posting(path)
    assert posting.company == "Quillon Freight"
    assert posting.description == "We move parcels across Europe."


def test_the_company_name_is_never_a_term(tmp_path: Path) -> None:
    result = _search(tmp_path, ["Trained ranking models for product search."])
    keys = {m.term.key for m in result.matches}
    assert not keys & {"garden", "suppli", "supply"}, keys
    assert not any("Garden" in f.message or "garden" in f.message for f in result.findings)


def test_hyphenated_and_spaced_forms_are_one_term(tmp_path: Path) -> None:
    result = _search(tmp_path, ["Trained a learning to rank model that orders search results."])
    ltr = [m for m in result.matches if m.term.kind == "model_type" and "rank" in m.term.key]
    assert len(ltr) == 1 and ltr[0].shown
    assert {p.location for p in ltr[0].term.asked_at} == {
        "responsibilities[1]",
        "qualifications[0]",
    }


def test_a_model_family_is_found_by_its_other_forms(tmp_path: Path) -> None:
    for bullet in (
        "Built a support bot on a GPT-style language model.",
        "Fine-tuned LLMs to summarise support tickets.",
        "Distilled a large language model for ticket triage.",
    ):
        result = _search(tmp_path, [bullet])
        assert _match(result, "large language models").shown, bullet


def test_nice_to_haves_are_marked_and_weigh_half(tmp_path: Path) -> None:
    result = _search(tmp_path, ["Trained ranking models for product search in Python."])
    feast, scala, python = (_match(result, n) for n in ("Feast", "Scala", "Python"))
    assert feast.term.nice and scala.term.nice and not python.term.nice  # "Scala is a plus"
    t7 = {c.key: c.points for c in result.results["T7"].checklist}
    assert t7["tool:feast"] * 2 == pytest.approx(t7["tool:python"], abs=1)
    (f,) = [f for f in result.findings if f.line == "tool:feast"]
    assert "as nice to have" in f.message
    text = main_text(tmp_path, SEARCH_POSTING)
    assert "Feast [features] (nice to have)" in text


def test_a_feature_store_is_a_stage_not_a_system_type(tmp_path: Path) -> None:
    result = _search(tmp_path, ["Trained ranking models for product search."])
    assert not any(m.term.kind == "system_type" and "feature" in m.term.key for m in result.matches)
    assert _match(result, "features").term.kind == "stage"


def test_a_generic_head_adds_nothing_to_find(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Own the ranking platform.\n"
    result = _tailor_text(tmp_path, posting, ["Tuned ranking models for product search."])
    (ranking,) = [m for m in result.matches if m.term.area == "T1"]
    assert ranking.term.name == "ranking" and ranking.bullets[0].text == "ranking"
    posting = "ML Engineer\n\nRequirements\n- Own the ranking stack.\n- Improve ranking quality.\n"
    result = _tailor_text(tmp_path, posting, ["Tuned ranking models for product search."])
    t1 = [m for m in result.matches if m.term.area == "T1"]
    assert [m.term.name for m in t1] == ["ranking"] and t1[0].term.weight == 2
    assert not any(f.code == "J102" for f in result.findings)


def test_models_of_a_domain_are_that_domain(tmp_path: Path) -> None:
    # "pricing models" is the pricing asked once, not a second gap beside it; "forecasting
    # models" is shown by a bullet that builds a forecasting pipeline
    posting = (
        "ML Engineer\n\nRequirements\n- Own real-time pricing models.\n"
        "- Build demand forecasting models.\n"
    )
    bullet = (
        "Built a demand forecasting pipeline (Prophet) for 300 depots, cutting MAPE 21% to 12%."
    )
    result = _tailor_text(tmp_path, posting, [bullet])
    t1 = {m.term.name: m for m in result.matches if m.term.area == "T1"}
    assert "pricing models" not in t1 and "forecasting models" not in t1
    assert t1["forecasting"].found and not t1["pricing"].found
    assert not any("pricing models" in f.message for f in result.findings)


def test_a_term_is_named_as_the_posting_writes_it(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Experience with LambdaMART rankers.\n"
    result = _tailor_text(tmp_path, posting, ["Trained ranking models."])
    assert any(m.term.name == "LambdaMART" for m in result.matches)


def test_a_pasted_posting_gives_lines_and_the_same_places_everywhere(tmp_path: Path) -> None:
    result = _search(tmp_path, ["Trained ranking models for product search."])
    feast = _match(result, "Feast")
    assert feast.term.asked_at[0].where == "nice_to_have[0], line 16"
    text = main_text(tmp_path, SEARCH_POSTING)
    ownership = next(line for line in text.splitlines() if "missing ownership" in line)
    (f,) = [f for f in result.findings if f.line == "seniority:ownership"]
    where = ownership.split("(the posting: ")[1].rstrip(")")
    assert f"({where})" in f.message


def main_text(tmp_path: Path, posting: str) -> str:
    """The CLI's text output for a small resume against this posting."""
    import contextlib
    import io

    (tmp_path / "posting.txt").write_text(posting, encoding="utf-8")
    resume = tmp_path / "resume.yaml"
    resume.write_text(
        "basics:\n  name: x\n  summary: Search engineer building ranking systems.\n"
        "work:\n  - name: Co\n    position: ML Engineer\n    startDate: 2020-01\n"
        "    highlights:\n      - Trained ranking models for product search.\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["tailor", str(resume), str(tmp_path / "posting.txt")]) == 0
    return out.getvalue()


def test_the_order_tip_counts_bullets_from_one_and_quotes_them(tmp_path: Path) -> None:
    bullets = [
        "Organised the team's 3 offsites and the quarterly planning.",
        "Trained learning to rank models for product search in Python.",
    ]
    result = _search(tmp_path, bullets)
    (tip,) = [f for f in result.findings if f.code == "J001"]
    assert tip.location == "work[0].highlights[1]"
    assert (
        "bullet 2 makes a stronger case" in tip.message and "than bullet 1 above it" in tip.message
    )
    assert "best order: 2, 1" in tip.message
    assert tip.suggestion.startswith("Move “Trained learning to rank models…” above “Organised")
    assert not re.search(r"\d", tip.suggestion)  # a quote stops before a figure


def test_a_tool_the_bullets_show_is_suggested_for_the_skills(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Python and Kafka.\n- Experience with Grafana.\n"
    bullets = ["Streamed click events through Kafka to the ranking models."]
    result = _tailor_text(tmp_path, posting, bullets, ["Python"])
    tips = [f for f in result.findings if f.code == "J704"]
    assert [f.line for f in tips] == ["tool:kafka"]  # Python is listed; Grafana not shown
    assert tips[0].is_tip and "Kafka" in tips[0].suggestion


def test_a_skill_the_posting_asks_for_in_its_own_words_is_not_dropped(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Experience putting models behind an API.\n"
    skills = ["API design (REST)", "Data visualization", "Machine learning"]
    result = _tailor_text(tmp_path, posting, ["Trained ranking models."], skills)
    drops = {f.message.split("”")[0].lstrip("“") for f in result.findings if f.code == "J703"}
    assert drops == {"Data visualization", "Machine learning"}


def test_a_vector_index_and_a_search_engine_are_asked_as_serving(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Experience with FAISS and Elasticsearch.\n"
    result = _tailor_text(tmp_path, posting, ["Trained ranking models."])
    assert _match(result, "FAISS").term.stage == "serving"
    assert _match(result, "Elasticsearch").term.stage == "serving"


def test_a_term_in_a_later_paragraph_of_the_description_cites_its_own_line(
    tmp_path: Path,
) -> None:
    from resume_lessons.core.posting_terms import posting_terms
    from resume_lessons.core.profile import load_profile
    from resume_lessons.formats.posting import read_posting

    path = tmp_path / "posting.txt"
    path.write_text(
        "ML Engineer, Pricing\nNorthgate Foods · Leeds · Full-time\n\n"
        "Northgate Foods runs 80 stores across the north.\n\n"
        "You will own our markdown pricing models end to end, from sales data to serving.\n",
        encoding="utf-8",
    )
    terms = posting_terms(read_posting(path), load_profile())
    end_to_end = next(t for t in terms if t.key == "end to end")
    assert end_to_end.asked_at[0].where == "description, line 6"


def test_e2e_is_end_to_end(tmp_path: Path) -> None:
    from resume_lessons.core.posting_terms import text_terms
    from resume_lessons.core.profile import load_profile

    keys = {f.key for f in text_terms("Wrote the e2e training job for the ranker.", load_profile())}
    assert "end to end" in keys


def test_of_two_bullets_showing_as_much_the_one_with_proof_leads() -> None:
    from resume_lessons.core.loader import resume_from_data
    from resume_lessons.core.posting import posting_from_data
    from resume_lessons.core.tailor import rank_bullets

    posting = posting_from_data(
        {"title": "ML Engineer, Forecasting", "description": "Build demand forecasting models."},
        "posting.yaml",
    )
    thin = "Worked on demand forecasting models for stores."
    strong = "Cut demand forecasting error by 18% for 300 stores by moving the model to LightGBM."
    resume = resume_from_data(
        {"basics": {"name": "x"}, "work": [{"name": "Co", "highlights": [thin, strong]}]}, "x"
    )
    (order,) = rank_bullets(resume, posting)
    assert order.order == (1, 0)


# ---- a third posting, pasted by a learner: what a person reading the match disagreed with --


def _t1(result: TailorResult) -> dict[str, bool]:
    return {m.term.name: m.shown for m in result.matches if m.term.area == "T1"}


def test_a_domain_is_shown_by_the_people_it_is_named_for(tmp_path: Path) -> None:
    posting = (
        "ML Engineer, Credit\n\nNice to have\n- Experience in lending.\n- Experience in media.\n"
    )
    bullets = ["Scored loan applications for three regional lenders, cutting median latency 40%."]
    t1 = _t1(_tailor_text(tmp_path, posting, bullets))
    assert t1["lending"] is True  # "lenders"
    assert t1["media"] is False  # "median" is not the media business


def test_what_a_feature_pipeline_takes_in_is_not_a_domain(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nWhat you'll do\n- Maintain feature pipelines for pricing, weather and holidays.\n"
    assert "pricing" not in _t1(_tailor_text(tmp_path, posting, ["Trained models."]))
    posting = "ML Engineer\n\nWhat you'll do\n- Build models for pricing.\n"
    assert "pricing" in _t1(_tailor_text(tmp_path, posting, ["Trained models."]))


def test_a_domain_with_a_generic_head_is_that_domain(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nWhat you'll do\n- Own our demand forecasting system.\n"
    result = _tailor_text(tmp_path, posting, ["Built demand forecasting models for 900 stores."])
    assert _t1(result) == {"forecasting": True}
    assert not any(f.code == "J102" for f in result.findings)


def test_an_activity_or_a_partner_team_is_not_a_system_type(tmp_path: Path) -> None:
    posting = (
        "ML Engineer\n\nRequirements\n- Experience orchestrating pipelines with Airflow.\n"
        "- Work closely with our data platform team.\n- Improve our scheduling system.\n"
    )
    result = _tailor_text(tmp_path, posting, ["Trained models."])
    kinds = {m.term.name: m.term.kind for m in result.matches if m.term.area == "T1"}
    assert kinds == {"scheduling system": "system_type"}


def test_probabilistic_and_dataframe_libraries_are_tools(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Bayesian models in PyMC or Stan.\n- Polars a plus.\n"
    result = _tailor_text(tmp_path, posting, ["Fitted hierarchical models in PyMC3."])
    tools = {m.term.name: m.shown for m in result.matches if m.term.kind == "tool"}
    assert tools["PyMC"] is True and "Polars" in tools


def test_experiment_tracking_is_not_an_online_experiment(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- MLOps: experiment tracking and a model registry.\n"
    result = _tailor_text(tmp_path, posting, ["Trained models."])
    assert not any(m.term.kind == "experiment" for m in result.matches)
    posting = "ML Engineer\n\nRequirements\n- Design online experiments for ranking.\n"
    result = _tailor_text(tmp_path, posting, ["Trained models."])
    assert any(m.term.kind == "experiment" for m in result.matches)


# ---- a vision posting: what a learner reading the match disagreed with ----


def _shown(result: TailorResult, area: str) -> dict[str, bool]:
    return {m.term.name: m.shown for m in result.matches if m.term.area == area}


def test_a_domain_is_shown_by_the_places_its_work_happens(tmp_path: Path) -> None:
    posting = "CV Engineer\n\nWhat you'll do\n- Ship inspection models to factory floors.\n"
    bullets = ["Cut false rejects 30% on 14 assembly lines by retraining the inspection model."]
    assert _shown(_tailor_text(tmp_path, posting, bullets), "T1")["manufacturing"] is True
    result = _tailor_text(tmp_path, posting, ["Trained models for 3 retailers."])
    assert _shown(result, "T1")["manufacturing"] is False


def test_cv_is_computer_vision_unless_it_is_the_document_sent(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- 5+ years building CV systems.\n"
    assert _shown(_tailor_text(tmp_path, posting, ["Trained models."]), "T1") == {
        "computer vision": False
    }
    posting = (
        "ML Engineer\n\nRequirements\n- PyTorch.\n- Please send your CV to jobs@example.com.\n"
    )
    assert _shown(_tailor_text(tmp_path, posting, ["Trained models."]), "T1") == {}


def test_a_name_in_parentheses_is_the_same_term(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Experience with graph neural networks (GNNs).\n"
    result = _tailor_text(tmp_path, posting, ["Trained GNNs on the 40M-edge follow graph."])
    assert _shown(result, "T5") == {"graph neural networks": True}


def test_a_model_shows_its_family(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Experience with CNNs and vision transformers (ViT).\n"
    bullets = ["Fine-tuned a ResNet-50 defect classifier on 2M labelled images."]
    result = _tailor_text(tmp_path, posting, bullets)
    assert _shown(result, "T5") == {
        "convolutional neural networks": True,
        "vision transformers": False,
    }


def test_a_category_asked_through_its_members_is_not_a_term(tmp_path: Path) -> None:
    posting = (
        "ML Engineer\n\nRequirements\n- Experience with cloud platforms (AWS, GCP or Azure).\n"
    )
    result = _tailor_text(tmp_path, posting, ["Served the model on GCP behind a 40 ms SLO."])
    assert "cloud platforms" not in _shown(result, "T1")
    # "AWS, GCP or Azure": one of them is what is asked, and a bullet shows GCP
    assert _shown(result, "T7") == {"GCP": True}


def test_a_system_type_inside_a_domain_is_that_domain(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nWhat you'll do\n- Build fraud detection models for card payments.\n"
    assert "detection models" not in _shown(
        _tailor_text(tmp_path, posting, ["Trained models."]), "T1"
    )


def test_the_headline_names_the_domain(tmp_path: Path) -> None:
    posting = "Computer Vision Engineer\n\nRequirements\n- Computer vision in production.\n"
    result = _tailor_text(tmp_path, posting, ["Trained models."], label="Computer Vision Engineer")
    (m,) = [m for m in result.matches if m.term.name == "computer vision"]
    assert [p.location for p in m.summary] == ["basics.label"]


def test_the_drop_tip_spares_a_skill_a_bullet_shows_in_use(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- PyTorch.\n"
    bullets = ["Cut labelling time 40% with an OpenCV pre-filter in front of the PyTorch model."]
    result = _tailor_text(tmp_path, posting, bullets, skills=["PyTorch", "OpenCV", "Dask"])
    drops = [f.location for f in result.findings if f.code == "J703"]
    assert drops == ["skills[0].keywords[2]"]  # Dask: nothing in the resume backs it


def test_a_programming_language_is_never_a_skill_to_drop(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- PyTorch.\n"
    bullets = ["Trained the PyTorch ranker for the home feed."]
    result = _tailor_text(tmp_path, posting, bullets, skills=["PyTorch", "Python", "SQL", "Dask"])
    drops = [f.location for f in result.findings if f.code == "J703"]
    assert drops == ["skills[0].keywords[3]"]  # Dask; lesson 07 says a language needs no bullet


def test_a_bullet_that_only_lists_the_postings_terms_shows_none_of_them(tmp_path: Path) -> None:
    posting = (
        "ML Engineer, Search\n\nWhat you'll do\n- Own learning-to-rank models (LambdaMART) and "
        "two-tower retrieval, with features in PySpark, served on Kubernetes on GCP.\n"
    )
    listed = "Search ranking, learning-to-rank, LambdaMART, two-tower, PySpark, Kubernetes, GCP."
    plain = _tailor_text(tmp_path, posting, ["Trained models."])
    result = _tailor_text(tmp_path, posting, ["Trained models.", listed])
    listed_only = [m for m in result.matches if m.lists]
    assert len(listed_only) >= 6 and not any(m.bullets or m.skills for m in result.matches)
    assert not any(f.code == "J001" for f in result.findings)  # nor is it moved up
    # the list finds none of them and earns nothing: every term stays asked, as a question
    assert [m.term.name for m in result.found] == [m.term.name for m in plain.found]
    assert result.scores == plain.scores
    ltr = next(f for f in result.findings if "learning-to-rank models" in f.message)
    assert "names it in a list of terms (work[0].highlights[1])" in ltr.message
    assert ltr.location == "work[0].highlights[1]"
    assert ltr.suggestion.startswith("Have you trained or used learning-to-rank models?")
    worded = (
        "Moved search ranking to LambdaMART learning-to-rank over two-tower candidates, "
        "features in PySpark, served on Kubernetes on GCP, lifting NDCG 6%."
    )
    result = _tailor_text(tmp_path, posting, ["Trained models.", worded])
    assert all(_shown(result, "T5").values()) and all(_shown(result, "T7").values())


def test_only_the_parentheses_hold_a_nice_to_have(tmp_path: Path) -> None:
    posting = (
        "ML Engineer\n\nRequirements\n- Kubernetes, Docker and a cloud provider (GCP preferred).\n"
    )
    result = _tailor_text(tmp_path, posting, ["Trained models."])
    nice = {m.term.name: m.term.nice for m in result.matches if m.term.kind == "tool"}
    assert nice == {"Kubernetes": False, "Docker": False, "GCP": True}


def test_a_phrase_wrapped_across_lines_and_a_bare_systems_head(tmp_path: Path) -> None:
    posting = (
        "ML Engineer\n\nAbout us\nWe own the ranking service and the experimentation\n"
        "platform.\n\nRequirements\n- 5+ years building production ML systems.\n"
    )
    names = [m.term.name for m in _tailor_text(tmp_path, posting, ["Trained models."]).matches]
    assert not any("\n" in n for n in names)
    assert "production ML systems" not in names


def test_what_the_team_owns_is_context_and_what_you_will_do_is_an_ask(tmp_path: Path) -> None:
    posting = (
        "ML Engineer\n\nAbout us\nOur search team runs the experimentation platform that "
        "every launch goes through. You will own the ranking service end to end.\n\n"
        "Requirements\n- Search ranking experience.\n"
    )
    result = _tailor_text(tmp_path, posting, ["Trained models."])
    terms = {m.term.name: m.term for m in result.matches}
    assert terms["experimentation platform"].context
    assert not terms["ownership"].context  # said to the candidate: an ask
    assert "online experiments" not in terms  # the platform is asked once, as a system type
    missing = {
        f.message: f.points for f in result.findings if "experimentation platform" in f.message
    }
    assert missing and all("describes the team" in m for m in missing)
    ask = next(f.points for f in result.findings if "ownership" in f.message)
    assert max(missing.values()) < ask


def test_a_model_named_in_a_compound_shows_it_and_is_asked_as_used(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Experience with LLMs and LambdaMART.\n"
    result = _tailor_text(tmp_path, posting, ["Shipped LLM-assisted pre-labels for 2M images."])
    assert _shown(result, "T5")["large language models"] is True
    question = next(f.suggestion for f in result.findings if "LambdaMART" in f.message)
    assert question.startswith("Have you trained or used LambdaMART?")


def test_a_language_listed_in_skills_costs_nothing(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Strong Python and Airflow.\n"
    result = _tailor_text(tmp_path, posting, ["Trained models."], skills=["Python", "Airflow"])
    charged = {f.message.split(";")[0] for f in result.findings if f.code == "J702"}
    assert any("Airflow" in c for c in charged) and not any("Python" in c for c in charged)


PLATFORM_POSTING = """Senior ML Engineer, Ranking
Northwind Travel

Requirements
- Experience shipping models on Kubernetes or similar container platforms.
- Design A/B tests with guardrail metrics and stopping rules.
"""


@pytest.mark.parametrize("tool", ["Kubernetes", "EKS", "Docker"])
def test_a_kind_of_tool_is_shown_by_any_of_its_members(tmp_path: Path, tool: str) -> None:
    result = _tailor_text(tmp_path, PLATFORM_POSTING, [f"Served the ranker on {tool}."])
    kind = next(m for m in result.matches if m.term.name == "container platforms")
    assert kind.term.kind == "tool" and kind.shown  # a tool (T7), not a system type (T1)
    assert kind.bullets[0].text == tool
    assert not any(f.code == "J701" and "container" in f.message for f in result.findings)


def test_a_kind_of_tool_no_member_shows_is_asked_as_a_tool(tmp_path: Path) -> None:
    result = _tailor_text(tmp_path, PLATFORM_POSTING, ["Trained the ranker in PyTorch."])
    kind = next(m for m in result.matches if m.term.name == "container platforms")
    assert kind.term.area == "T7" and not kind.found


def test_stopping_rules_are_a_tests_not_early_stopping_in_training(tmp_path: Path) -> None:
    result = _tailor_text(tmp_path, PLATFORM_POSTING, ["Trained the ranker in PyTorch."])
    rule = next(m for m in result.matches if m.term.key == "early_stopping")
    assert rule.term.name == "stopping rules"
    asked = next(f for f in result.findings if f.line == "experiment:early_stopping")
    assert "stopping rule (a sample size fixed in advance" in asked.suggestion
    assert "early stopping" not in asked.suggestion


@pytest.mark.parametrize(
    ("bullet", "add"),
    [
        ("Served the ranker on Docker.", "Docker"),  # the member the bullet names
        ("Served the ranker on EKS.", "Kubernetes"),  # the tool asked, which EKS shows, once
    ],
)
def test_a_kind_of_tool_shown_in_a_bullet_asks_to_list_the_member(
    tmp_path: Path, bullet: str, add: str
) -> None:
    result = _tailor_text(tmp_path, PLATFORM_POSTING, [bullet])
    tips = [f.suggestion for f in result.findings if f.code == "J704"]
    assert tips == [f"Add {add} to your skills: a bullet already shows it."]


ANN_POSTING = """Senior ML Engineer, Search
Northwind Travel

Requirements
- Build ANN search for candidate retrieval.
- Hands-on experience with learning-to-rank (LambdaMART, neural rankers).
- ANN libraries such as FAISS, ScaNN or HNSW.
"""


def test_a_kind_of_model_is_shown_by_one_of_its_members_not_the_reverse(tmp_path: Path) -> None:
    result = _tailor_text(tmp_path, POSTING, ["Trained a LambdaMART ranker for product search."])
    ltr = next(m for m in result.matches if "learn to rank" in m.term.key)
    assert ltr.shown and ltr.bullets[0].text == "LambdaMART"
    reverse = _tailor_text(
        tmp_path,
        "Senior ML Engineer\nNorthwind\n\n- Experience with LambdaMART.\n",
        ["Trained learning-to-rank models for product search."],
    )
    assert not next(m for m in reverse.matches if m.term.name == "LambdaMART").found


def test_examples_in_parentheses_are_one_term_with_the_kind_before_them(tmp_path: Path) -> None:
    result = _tailor_text(tmp_path, ANN_POSTING, ["Trained a LambdaMART ranker."])
    models = [m for m in result.matches if m.term.kind == "model_type"]
    assert [(m.term.name, m.shown) for m in models] == [("learning-to-rank", True)]
    assert not any("neural rankers" in f.message for f in result.findings)


def test_a_system_is_found_by_its_other_names_and_its_tools(tmp_path: Path) -> None:
    result = _tailor_text(
        tmp_path, ANN_POSTING, ["Served candidates from a FAISS index for candidate generation."]
    )
    ann = next(m for m in result.matches if m.term.key == "ANN retrieval")
    assert ann.term.name == "ANN search" and ann.bullets[0].text == "FAISS"
    candidates = next(m for m in result.matches if m.term.key == "candidate generation")
    assert candidates.term.name == "candidate retrieval"  # as the posting words it
    assert candidates.bullets[0].text == "candidate generation"
    # the summary is told the system's name, not the tool's
    lead = [f for f in result.findings if f.code == "J103" and "ANN" in f.message]
    assert lead and "Name “ANN search”" in lead[0].suggestion
    # FAISS shown, so neither ScaNN nor HNSW of "FAISS, ScaNN or HNSW" is asked
    assert not any(f.code == "J701" for f in result.findings)


def test_a_missing_activity_is_asked_without_an_article(tmp_path: Path) -> None:
    result = _tailor_text(tmp_path, ANN_POSTING, ["Trained a LambdaMART ranker."])
    asked = next(f for f in result.findings if "candidate retrieval" in f.message)
    assert asked.suggestion.startswith("Have you worked on candidate retrieval?")


METRIC_POSTING = """Senior ML Engineer, Search
Northwind Travel

What you'll do
- Improve offline ranking quality (NDCG, MRR) and make sure it shows up online.
- Map the user journey with product.
"""


def test_a_named_metric_is_a_t4_term_a_figure_for_it_answers(tmp_path: Path) -> None:
    result = _tailor_text(
        tmp_path, METRIC_POSTING, ["Lifted offline NDCG@10 from 0.41 to 0.44 with a new ranker."]
    )
    metrics = {m.term.name: m for m in result.matches if m.term.kind == "metric"}
    assert set(metrics) == {"NDCG"}  # "Map the journey" is a verb; MRR is NDCG's alternative
    assert metrics["NDCG"].term.area == "T4" and metrics["NDCG"].bullets[0].text == "NDCG@10"
    assert not any(f.code == "J402" for f in result.findings)


def test_a_metric_the_resume_never_gives_is_asked_for_its_figure(tmp_path: Path) -> None:
    result = _tailor_text(tmp_path, METRIC_POSTING, ["Built a ranking model in PyTorch."])
    asked = [f for f in result.findings if f.code == "J402"]
    # the examples are alternatives: one ask, one question
    assert [f.suggestion for f in asked] == [
        "Have you measured NDCG or MRR? If so, which bullet gives its figure?"
    ]


def test_a_rich_bullet_naming_one_thing_twice_is_work_not_a_list(tmp_path: Path) -> None:
    """Terms are counted by the words that show them: "Kubernetes" shows both Kubernetes and
    container platforms, "HNSW" both hnswlib and ANN retrieval."""
    posting = (
        ANN_POSTING
        + PLATFORM_POSTING.split("Requirements\n", 1)[1]
        + "- Own the retrieval stack end to end and lead design reviews.\n"
        + "- Serve two-tower models at low latency.\n"
    )
    bullet = (
        "Owned candidate retrieval end to end: built a two-tower retrieval model and served "
        "candidates from a FAISS HNSW index on Kubernetes, cutting p95 latency from 120 ms to "
        "45 ms; led the design review that chose FAISS over Elasticsearch."
    )
    result = _tailor_text(tmp_path, posting, [bullet])
    kube = next(m for m in result.matches if m.term.name == "Kubernetes")
    assert kube.bullets and not kube.lists  # shown in use, not "only a list of terms"


SPEECH_POSTING = (
    "Senior Speech ML Engineer\n\nResponsibilities\n"
    "- Train encoder-decoders such as Conformer and RNN-T on 100k hours of audio.\n"
    "- Improve decoding with language model fusion and contextual biasing.\n"
    "- Deploy models with TensorRT or ONNX Runtime on GPUs and embedded devices.\n"
    "- Build Spark pipelines for data selection.\n"
)


def _asked(tmp_path: Path, text: str) -> dict[tuple[str, str], object]:
    from resume_lessons.core.posting_terms import posting_terms

    path = tmp_path / "posting.txt"
    path.write_text(text, encoding="utf-8")
    return {(t.kind, t.name): t for t in posting_terms(read_posting(path), load_profile())}


def test_a_speech_posting_asks_what_it_says(tmp_path: Path) -> None:
    asked = _asked(tmp_path, SPEECH_POSTING)
    # a language model fused into a decoder is a language model, not an LLM
    assert ("model_type", "language models") in asked
    assert ("model_type", "large language models") not in asked
    # the family is asked through the members it names
    assert ("model_type", "encoder-decoders") not in asked
    assert ("model_type", "speech recognition models") in asked
    # "ONNX Runtime" is one serving tool, not also ONNX for training
    tools = {name for kind, name in asked if kind == "tool"}
    assert {"ONNX Runtime", "TensorRT", "Spark"} <= tools and "ONNX" not in tools
    # a tool before a head is the tool, and the hardware a model runs on is no features work
    assert not any(kind == "system_type" and "spark" in name.lower() for kind, name in asked)
    features = asked.get(("stage", "features"))
    assert features is None or all(p.location != "responsibilities[2]" for p in features.asked_at)


def test_an_llm_bullet_answers_a_posting_asking_for_language_models(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Build language models for search.\n"
    result = _tailor_text(tmp_path, posting, ["Fine-tuned an LLM for query rewriting."])
    (lm,) = [m for m in result.matches if m.term.name == "language models"]
    assert lm.bullets


def test_a_domain_run_as_a_system_matches_under_any_of_its_names(tmp_path: Path) -> None:
    posting = "Speech ML Engineer\n\nYou will own our streaming speech recognition stack.\n"
    bullet = "Cut word error rate 18% on streaming ASR for 40M call-center minutes a day."
    result = _tailor_text(tmp_path, posting, ["Trained models.", bullet])
    (system,) = [m for m in result.matches if m.term.kind == "system_type"]
    assert system.term.name == "streaming speech recognition"
    assert [p.location for p in system.bullets] == ["work[0].highlights[1]"]
    assert result.orders[0].order[0] == 1  # the headline result leads its role


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Ran a 3-week A/B test on 10% of traffic for the ranker.", "“Ran a … A/B test on…”"),
        ("Cut the search latency by 30% with caching.", "“Cut the search latency by…”"),
        ("Built it.", "“Built it”"),
    ],
)
def test_a_bullet_is_named_by_its_words_without_its_figures(text: str, quoted: str) -> None:
    from resume_lessons.core.tailor import opening

    assert opening(text) == quoted and not any(c.isdigit() for c in opening(text))


CV_POSTING = (
    "Staff ML Engineer, Computer Vision\n\nWhat you'll do\n"
    "- Optimize models for real-time inference on NVIDIA Jetson Orin using TensorRT.\n"
    "- Build active learning and data curation loops with our labeling team.\n\n"
    "Requirements\n"
    "- PyTorch and modern detectors/segmenters (YOLO, Mask R-CNN, DETR, SAM).\n"
    "- Deploying models to edge devices with TensorRT, ONNX, CUDA.\n"
)


def test_a_cv_posting_asks_for_detectors_through_the_models_it_names(tmp_path: Path) -> None:
    asked = _asked(tmp_path, CV_POSTING)
    models = [name for kind, name in asked if kind == "model_type"]
    assert len(models) == 1  # one ask: a detector or segmenter, any of the four named
    onnx = asked[("tool", "ONNX")]
    assert onnx.stage == "serving" and ("tool", "NVIDIA Jetson") in asked
    data = asked[("stage", "data")]
    assert any(p.location == "responsibilities[1]" for p in data.asked_at)  # active learning
    bullet = "Cut mis-sorts 23% with a YOLOv8 parcel label reader on Jetson devices."
    result = _tailor_text(tmp_path, CV_POSTING, [bullet])
    (detectors,) = [m for m in result.matches if m.term.kind == "model_type"]
    assert detectors.bullets  # YOLO answers it


def test_the_employers_offer_and_a_kind_of_system_ask_no_domain(tmp_path: Path) -> None:
    posting = (
        "Staff ML Engineer, Conversational AI\n\nRequirements\n"
        "- Hands-on experience with vector search (FAISS, Pinecone) and embedding models.\n\n"
        "Nice to have\n- Threadline is an equal opportunity employer. Benefits include equity, "
        "health insurance and a learning budget.\n"
    )
    asked = _asked(tmp_path, posting)
    domains = {name for kind, name in asked if kind == "domain"}
    assert "insurance" not in domains and "search" not in domains
    assert {("tool", "FAISS"), ("tool", "Pinecone")} <= set(asked)
    fraud = _asked(tmp_path, "ML Engineer\n\n- Build real-time fraud detection for payments.\n")
    assert any(kind == "domain" for kind, _ in fraud)  # a domain run as a system stays asked


def test_a_language_listed_in_the_skills_is_shown_alike_everywhere(tmp_path: Path) -> None:
    from resume_lessons.core.loader import resume_from_data
    from resume_lessons.present.tailor_view import status, terms_html

    path = tmp_path / "posting.txt"
    path.write_text("ML Engineer\n\nRequirements\n- Python and PyTorch.\n", encoding="utf-8")
    data = {
        "basics": {"name": "x"},
        "work": [{"name": "Co", "highlights": ["Trained the PyTorch ranker for the feed."]}],
        "skills": [{"name": "Languages", "keywords": ["Python"]}],
    }
    resume = resume_from_data(data, "x")
    result = tailor(resume, read_posting(path))
    (python,) = [m for m in result.matches if m.term.name == "Python"]
    assert status(python) == "found" and python.shown  # lesson 07: a language needs no bullet
    t7 = result.results["T7"]
    assert t7 is not None
    line = next(c for c in t7.checklist if "Python" in c.label)
    assert line.earned == line.points
    html = terms_html(result, resume)
    assert "listing it is enough" in html and "only your skills list it" not in html


YEARS_POSTING = """Senior ML Engineer, Search
Northwind Marketplace

What we're looking for
- 5+ years of experience building ML systems in production.
- 3+ years of experience with Spark.
- Over the past 3 years, our team grew to 40 people.
"""


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5+ years of experience building ML systems", 5),
        ("At least 4 yrs of hands-on experience", 4),
        ("3-5 years building production ML", 3),
        ("five years of industry experience", 5),
        ("10+ years’ experience in search", 10),
    ],
)
def test_years_of_experience_are_read_as_people_write_them(text: str, years: int) -> None:
    from resume_lessons.core.experience import asked_years

    assert [ask.years for ask in asked_years(text)] == [years]


@pytest.mark.parametrize(
    "text", ["Over the past 3 years, our team grew", "3+ years of Python", "we are 5 years old"]
)
def test_other_years_are_not_an_ask_of_experience(text: str) -> None:
    from resume_lessons.core.experience import asked_years

    assert asked_years(text) == []


def _years_resume(roles: list[dict[str, str]], summary: str = "Search engineer.") -> Resume:
    from resume_lessons.core.loader import resume_from_data

    work = [{"name": "Co", "position": "MLE", "highlights": ["Built X."], **r} for r in roles]
    return resume_from_data({"basics": {"name": "x", "summary": summary}, "work": work}, "x")


def test_years_asked_are_counted_from_the_roles_dates(tmp_path: Path) -> None:
    import datetime as dt

    from resume_lessons.core.experience import roles_span

    path = tmp_path / "posting.txt"
    path.write_text(YEARS_POSTING, encoding="utf-8")
    posting = read_posting(path)
    years = [t for t in tailor(_years_resume([{}]), posting).matches if t.term.kind == "experience"]
    # the tool's years are the tool's; the team's age is no ask
    assert [m.term.name for m in years] == ["5+ years of experience"]
    assert years[0].term.asked_at[0].location == "qualifications[0]"

    # overlapping roles count once; an open end runs to today
    roles = [
        {"startDate": "2022-01"},
        {"startDate": "2019-06", "endDate": "2022-06"},
        {"startDate": "2020-01", "endDate": "2021-01"},
    ]
    span = roles_span(_years_resume(roles), today=dt.date(2025, 6, 1))
    assert span is not None and span.months == 72 and span.first == "2019-06"
    assert span.last == "today" and span.undated == 0

    enough = tailor(_years_resume([{"startDate": "2015-03"}]), posting)
    m = next(m for m in enough.matches if m.term.kind == "experience")
    assert m.shown and m.records[0].location == "work" and "2015-03" in m.records[0].text
    assert not any(f.code == "J802" for f in enough.findings)

    short = tailor(_years_resume([{"startDate": "2024-01", "endDate": "2025-01"}]), posting)
    f = next(f for f in short.findings if f.code == "J802")
    assert "cover about 1 year (2024-01 to 2025-01)" in f.message and f.points > 0
    assert not re.search(r"\d", f.suggestion)  # no number to claim

    undated = tailor(_years_resume([{}]), posting)
    f = next(f for f in undated.findings if f.code == "J802")
    assert "no start dates" in f.message and "startDate" in f.suggestion

    # the summary's own words show it too
    said = tailor(_years_resume([{}], "Search engineer with 8 years of experience."), posting)
    assert not any(f.code == "J802" for f in said.findings)


def test_a_family_named_with_a_generic_head_is_asked_as_the_system(tmp_path: Path) -> None:
    asked = _asked(tmp_path, "ML Engineer\n\nWhat you'll do\n- Own the RAG pipeline end to end.\n")
    assert ("system_type", "RAG pipeline") in asked
    assert not any(kind == "model_type" for kind, _ in asked)  # not also "trained or used RAG?"
    # a family with more than a head stays asked beside its system
    asked = _asked(tmp_path, "ML Engineer\n\nWhat you'll do\n- Run the two-tower retrieval.\n")
    assert any(kind == "model_type" for kind, _ in asked)


VENUE_POSTING = """Senior ML Engineer, Assistant
Northwind

What we're looking for
- Experience with large language models.
- Nice to have: publications at ACL, EMNLP or NeurIPS.
- Manage IAM roles and ACL policies for the training cluster.
"""


def test_the_venues_a_posting_names_are_one_ask_a_paper_at_any_shows(tmp_path: Path) -> None:
    from resume_lessons.core.loader import resume_from_data

    path = tmp_path / "posting.txt"
    path.write_text(VENUE_POSTING, encoding="utf-8")
    posting = read_posting(path)
    base = {"basics": {"name": "x"}, "work": [{"name": "Co", "highlights": ["Built X."]}]}

    result = tailor(resume_from_data(base, "x"), posting)
    venues = [m for m in result.matches if m.term.kind == "venue"]
    # one ask, a nice-to-have; the access control list is no venue
    assert [m.term.name for m in venues] == ["a paper at ACL, EMNLP or NeurIPS"]
    assert venues[0].term.nice and len(venues[0].term.asked_at) == 3
    f = next(f for f in result.findings if f.code == "J601")
    assert f.location == "publications" and "published at ACL, EMNLP or NeurIPS?" in f.suggestion
    assert (
        result.results["T6"] is not None and result.results["T6"].score == 50
    )  # a nice-to-have: half the area

    paper = {"name": "Grounded answers for help-center chat", "publisher": "EMNLP 2023 Industry"}
    shown = tailor(resume_from_data({**base, "publications": [paper]}, "x"), posting)
    m = next(m for m in shown.matches if m.term.kind == "venue")
    assert m.shown and m.records[0].location == "publications[0]" and m.records[0].text == "EMNLP"
    assert shown.results["T6"].score == 100  # type: ignore[union-attr]

    other = {"name": "Ranking at scale", "publisher": "KDD"}
    elsewhere = tailor(resume_from_data({**base, "publications": [other]}, "x"), posting)
    assert not next(m for m in elsewhere.matches if m.term.kind == "venue").shown


def test_a_posting_without_venues_asks_nothing_of_publications(tmp_path: Path) -> None:
    _, result = _run("alex_after", "recommendations_team.yaml")
    assert result.results["T6"] is None


def test_a_posting_s_words_that_only_look_like_asks(tmp_path: Path) -> None:
    asked = _asked(
        tmp_path,
        "ML Engineer\n\nAbout us\nWe're a 120-person Series C company backed by leading "
        "investors.\n\nWhat we're looking for\n- Familiarity with guardrails and safety "
        "evaluation for LLMs.\n- 5+ years of experience, with 2+ years working on NLP.\n",
    )
    kinds = {(kind, name) for kind, name in asked}
    assert not any(kind == "tool" for kind, _ in kinds)  # "Series C" is no C, nor C#
    assert ("seniority", "technical leadership") not in kinds  # "leading investors"
    assert ("experiment", "guardrail metrics") not in kinds  # an LLM's guardrails
    assert {
        ("experience", "5+ years of experience"),
        ("experience", "2+ years in natural language processing"),  # years in a field
    } <= kinds


@pytest.mark.parametrize(
    ("asks", "shown", "spared"),
    [
        (
            "Experience with vector databases (FAISS, Pinecone, Weaviate or pgvector).",
            "FAISS",
            "Pinecone",
        ),
        ("Fine-tune open-weight LLMs (e.g., Llama, Mistral) with LoRA.", "Llama", "mistral"),
        ("Experience with Triton Inference Server or TensorRT-LLM.", "Triton", "TensorRT"),
    ],
)
def test_examples_and_or_lists_are_answered_by_any_one(
    tmp_path: Path, asks: str, shown: str, spared: str
) -> None:
    posting = f"ML Engineer\n\nWhat you'll do\n- {asks}\n"
    result = _tailor_text(tmp_path, posting, [f"Served the retrieval model with {shown} on GPUs."])
    names = {m.term.name.lower() for m in result.matches}
    assert spared.lower() not in names, names
    assert not any(spared.lower() in f.message.lower() for f in result.findings)


def test_a_csharp_form_needs_its_sharp() -> None:
    assert form_span("c#", "We're a Series C company") is None
    assert form_span("c#", "Services in C# and .NET") is not None


def test_alternatives_the_resume_shows_none_of_are_one_ask(tmp_path: Path) -> None:
    posting = (
        "ML Platform Engineer\n\nRequirements\n- Kubernetes and one major cloud (AWS, GCP, "
        "or Azure).\n- Workflow orchestration (Airflow, Dagster or Kubeflow Pipelines).\n"
        "- Build ANN search for candidate retrieval.\n"
    )
    result = _tailor_text(tmp_path, posting, ["Trained a ranking model in PyTorch."])
    names = [m.term.name for m in result.matches]
    assert "AWS, GCP or Azure" in names and "Airflow or Kubeflow" in names
    assert not {"AWS", "GCP", "Azure", "Airflow"} & set(names)
    assert (
        sum(f.suggestion.startswith("Have you used AWS, GCP or Azure?") for f in result.findings)
        == 1
    )
    # "for" is no "or": two asks, each on its own
    assert {"ANN search", "candidate retrieval"} <= set(names)


def test_a_forecasting_posting_s_venue_a_kind_of_tool_and_an_ideally(tmp_path: Path) -> None:
    asked = _asked(
        tmp_path,
        "Forecasting Engineer\n\nWhat we're looking for\n- Experience with cloud platforms, "
        "ideally GCP (BigQuery, Vertex AI).\n\nNice to have\n- Publications or talks at "
        "forecasting venues (International Symposium on Forecasting, KDD).\n",
    )
    cloud = asked[("tool", "cloud platforms")]
    assert not cloud.nice  # "ideally" makes only what follows it a nice-to-have
    assert asked[("tool", "GCP")].nice
    assert ("venue", "a paper at International Symposium on Forecasting or KDD") in asked
    # a bullet on SageMaker shows a cloud platform
    result = _tailor_text(
        tmp_path,
        "ML Engineer\n\nRequirements\n- Experience with cloud platforms.\n",
        ["Served the forecasting model on AWS SageMaker for 420 stores."],
    )
    assert next(m for m in result.matches if m.term.name == "cloud platforms").shown


def test_a_tool_is_quoted_by_its_own_name_first(tmp_path: Path) -> None:
    result = _tailor_text(
        tmp_path,
        "Data Engineer\n\nRequirements\n- Strong SQL and Spark.\n",
        [
            "Loaded sales history into Snowflake for the forecast.",
            "Built the feature pipeline in PySpark on Databricks, with SQL checks on every load.",
        ],
    )
    quoted = {m.term.name: m.bullets[0].text for m in result.matches if m.bullets}
    assert quoted["SQL"] == "SQL" and quoted["Spark"] == "PySpark"
    # a stack in parentheses is every tool of it, not a choice of one
    stack = _tailor_text(
        tmp_path,
        "Data Engineer\n\nWhat you'll do\n- Build feature pipelines (Kafka, Flink, BigQuery).\n",
        ["Built a Kafka ingestion service."],
    )
    assert any(m.term.name == "Flink" and not m.shown for m in stack.matches)


def test_a_pricing_posting_asks_for_its_optimization_work(tmp_path: Path) -> None:
    asked = _asked(
        tmp_path,
        "Pricing ML Engineer\n\nWhat you'll do\n- Develop markdown optimization models.\n\n"
        "Nice to have\n- Mathematical optimization (linear programming, OR-Tools, Gurobi).\n",
    )
    assert ("domain", "markdown optimization") in asked
    assert ("model_type", "linear programming") in asked
    assert {("tool", "OR-Tools"), ("tool", "Gurobi")} <= set(asked)
    result = _tailor_text(
        tmp_path,
        "Pricing ML Engineer\n\nWhat you'll do\n- Develop markdown optimization models.\n",
        ["Built the markdown pricing model for fresh produce."],
        label="Markdown pricing engineer",
    )
    assert next(m for m in result.matches if m.term.name == "markdown optimization").summary


def test_a_tool_name_with_a_short_part_is_not_its_last_word(tmp_path: Path) -> None:
    asked = _asked(
        tmp_path,
        "ML Engineer\n\nRequirements\n- Large-scale data processing tools (Spark, Airflow, "
        "BigQuery or similar).\n- Simulation tools (CARLA).\n\nAbout us\nWe ship many "
        "experiments a week.\n",
    )
    assert not any(kind == "tool" and name.lower() == "tools" for kind, name in asked)
    assert {("tool", "Spark"), ("tool", "Airflow"), ("tool", "BigQuery")} <= set(asked)
    assert ("experiment", "test duration") not in asked  # how often, not how long
    assert form_span("or-tools", "Planned routes with OR-Tools.") is not None


def test_a_search_and_ads_posting_and_a_perception_posting(tmp_path: Path) -> None:
    ads = _asked(
        tmp_path,
        "ML Engineer, Search & Ads\n\nWhat you'll do\n- Improve auction design and reserve "
        "prices for sponsored listings.\n- Build transformer-based models (BERT or similar).\n",
    )
    assert ("domain", "auctions") in ads and ("domain", "pricing") not in ads
    assert sum(kind == "model_type" for kind, _ in ads) == 1  # transformers, asked once
    perception = _asked(
        tmp_path,
        "Perception Engineer\n\nRequirements\n- Hands-on experience with 3D detection "
        "architectures (PointPillars, CenterPoint).\n",
    )
    assert ("seniority", "technical leadership") not in perception  # a model's architecture
    assert any(kind == "model_type" for kind, _ in perception)


@pytest.mark.parametrize(
    ("text", "level", "soft"),
    [
        ("BS/MS in Computer Science or a related field", 1, False),
        ("MS or PhD in Robotics, or equivalent practical experience", 2, True),
        ("A Ph.D. in machine learning.", 3, False),
        ("Bachelor's degree required.", 1, False),
    ],
)
def test_a_degree_asked_is_read_at_its_lowest_level(text: str, level: int, soft: bool) -> None:
    from resume_lessons.core.degrees import asked_degree

    assert [(lv, s) for lv, _, _, s in asked_degree(text)] == [(level, soft)]


@pytest.mark.parametrize(
    "text",
    [
        "We use MS Excel daily.",
        "Partner with the BA team.",
        "You will be in charge of the ranking stack.",
        "Keep p99 under 40 ms in production.",
    ],
)
def test_a_degree_word_with_no_field_is_no_ask(text: str) -> None:
    from resume_lessons.core.degrees import asked_degree

    assert asked_degree(text) == []


def test_a_degree_is_shown_by_the_education_at_its_level_or_higher(tmp_path: Path) -> None:
    from resume_lessons.core.loader import resume_from_data

    path = tmp_path / "posting.txt"
    path.write_text(
        "Perception Engineer\n\nRequirements\n- MS or PhD in Computer Science or Robotics.\n",
        encoding="utf-8",
    )
    posting = read_posting(path)
    base = {"basics": {"name": "x"}, "work": [{"name": "Co", "highlights": ["Built X."]}]}
    ms = {**base, "education": [{"institution": "U", "studyType": "M.Sc.", "area": "Robotics"}]}
    shown = next(
        m for m in tailor(resume_from_data(ms, "x"), posting).matches if m.term.kind == "degree"
    )
    assert shown.term.name == "a master's degree or higher" and shown.shown
    assert shown.records[0].location == "education[0]" and shown.records[0].text == "M.Sc."
    bs = {**base, "education": [{"institution": "U", "studyType": "B.S.", "area": "Physics"}]}
    result = tailor(resume_from_data(bs, "x"), posting)
    f = next(f for f in result.findings if f.code == "J803")
    assert "your education lists B.S." in f.message and f.location == "education"
    assert not re.search(r"\d", f.suggestion)


ADS_POSTING = """Senior ML Engineer, Ads Ranking

Responsibilities
- Build CTR and CVR prediction models for our ads auction.
- Run online experiments with CUPED variance reduction and interleaving.
- Evaluate LLM features with golden datasets and LLM-as-a-judge.
- Run perception models on lidar point clouds with ROS.

Requirements
- At least 3 years in computer vision.
"""


def _tailored(tmp_path: Path, posting: str, work: list[dict[str, object]]) -> TailorResult:
    from resume_lessons.core.loader import resume_from_data

    path = tmp_path / "posting.txt"
    path.write_text(posting, encoding="utf-8")
    data = {"basics": {"name": "x", "summary": "ML engineer."}, "work": work}
    return tailor(resume_from_data(data, "x"), read_posting(path))


def test_test_designs_and_evaluation_methods_are_asked_by_name(tmp_path: Path) -> None:
    asked = _asked(tmp_path, ADS_POSTING)
    for name in ("interleaving", "variance reduction (CUPED)", "golden datasets", "LLM-as-a-judge"):
        assert ("experiment", name) in asked, name
    # CUPED is the method asked, not also a significance test the posting never names
    assert ("experiment", "statistical significance") not in asked
    # the LLM's features are a product's, not model inputs
    assert ("stage", "features") not in asked
    # the judge's "LLM" names the method; "LLM features" asks for LLMs
    asked_judge = _asked(tmp_path, "ML Engineer\n\nRequirements\n- Use LLM-as-a-judge evals.\n")
    assert ("model_type", "large language models") not in asked_judge
    assert ("model_type", "large language models") in asked
    ab = [{"name": "Co", "highlights": ["Ran a 2-week A/B test of the ranker, lifting CTR 2%."]}]
    result = _tailored(tmp_path, ADS_POSTING, ab)
    shown = {m.term.name: m.shown for m in result.matches if m.term.kind == "experiment"}
    # an A/B test shows online experiments, never a design the bullet does not name
    assert shown["online experiments"] and not shown["interleaving"]
    asks = [f for f in result.findings if f.code == "J401"]
    assert any("Have your experiments used interleaving?" in f.suggestion for f in asks)
    assert any("Have you evaluated models with golden datasets?" in f.suggestion for f in asks)
    named = [{"name": "Co", "highlights": ["Ran interleaving tests with CUPED-adjusted CTR."]}]
    shown_now = _tailored(tmp_path, ADS_POSTING, named)
    by_name = {m.term.name: m.shown for m in shown_now.matches}
    assert by_name["interleaving"] and by_name["variance reduction (CUPED)"]
    assert by_name["online experiments"]  # interleaving is an online experiment


def test_evaluations_on_logged_data_are_asked_by_name(tmp_path: Path) -> None:
    posting = (
        "Senior ML Engineer, LLM Platform\n\nRequirements\n"
        "- Evaluate new policies with log replay and off-policy evaluation.\n"
        "- Trace and evaluate LLM calls with LangSmith.\n"
    )
    asked = _asked(tmp_path, posting)
    assert ("experiment", "log replay") in asked
    assert ("experiment", "off-policy evaluation") in asked
    assert ("tool", "LangSmith") in asked
    work = [
        {
            "name": "Co",
            "highlights": [
                "Scored the new ranker on 30 days of replayed logs before launch.",
                "Estimated the policy's lift with inverse propensity scoring.",
                "Traced every agent call in LangSmith.",
            ],
        }
    ]
    shown = {m.term.name: m.shown for m in _tailored(tmp_path, posting, work).matches}
    assert shown["log replay"] and shown["off-policy evaluation"] and shown["LangSmith"]
    # an A/B test is an online experiment, not a replay of logs
    ab = [{"name": "Co", "highlights": ["Ran a 2-week A/B test of the ranker, lifting CTR 2%."]}]
    shown_ab = {m.term.name: m.shown for m in _tailored(tmp_path, posting, ab).matches}
    assert not shown_ab["log replay"] and not shown_ab["off-policy evaluation"]


def test_methods_applied_to_a_model_are_t5_terms_asked_by_name(tmp_path: Path) -> None:
    posting = (
        "Staff ML Engineer, Generative AI\n\nWhat you'll do\n"
        "- Own prompt engineering, and cut serving cost with quantization and knowledge "
        "distillation.\n"
        "- Keep risk scores calibrated: model calibration (Platt scaling, isotonic regression).\n"
    )
    asked = _asked(tmp_path, posting)
    for name in ("prompt engineering", "quantization", "knowledge distillation"):
        assert ("model_type", name) in asked, name
    # the examples in brackets are the calibration asked, not also two model families
    assert ("model_type", "probability calibration") in asked
    assert not any(k[0] == "model_type" and "platt" in k[1].lower() for k in asked)
    shown = [
        {
            "name": "Co",
            "highlights": [
                "Served the ranker in INT8 and calibrated scores with isotonic regression.",
                "Wrote few-shot prompting templates for the support assistant.",
            ],
        }
    ]
    result = _tailored(tmp_path, posting, shown)
    by_name = {m.term.name: m.shown for m in result.matches}
    assert by_name["quantization"] and by_name["probability calibration"]
    assert by_name["prompt engineering"] and not by_name["knowledge distillation"]
    asks = [f for f in result.findings if f.code == "J501"]
    assert [f.suggestion.split("?")[0] for f in asks] == [
        "Have you applied knowledge distillation to a model"
    ]
    # ordinary verbs are not the methods: findings distilled, a camera calibrated
    plain = [
        {
            "name": "Co",
            "highlights": [
                "Distilled the findings into a deck for leadership.",
                "Calibrated the lidar and cameras on every truck.",
            ],
        }
    ]
    by_name = {m.term.name: m.shown for m in _tailored(tmp_path, posting, plain).matches}
    assert not by_name["knowledge distillation"] and not by_name["probability calibration"]


def test_a_field_s_tasks_tools_and_prediction_problems_are_asked_and_shown(
    tmp_path: Path,
) -> None:
    asked = _asked(tmp_path, ADS_POSTING)
    assert ("domain", "click and conversion prediction") in asked
    # "perception models on lidar point clouds": one ask, perception, by either name
    assert any("lidar perception" in t.keys for t in asked.values())  # type: ignore[attr-defined]
    assert ("tool", "ROS") in asked
    bullet = "Trained YOLOv8 object detection on lidar point clouds, served on Jetson with ROS 2."
    result = _tailored(tmp_path, ADS_POSTING, [{"name": "Co", "highlights": [bullet]}])
    shown = {m.term.name: m for m in result.matches}
    assert shown["computer vision"].bullets[0].text == "object detection"  # a task of the field
    assert shown["perception"].bullets and shown["ROS"].bullets


def test_years_asked_in_a_field_count_only_the_roles_in_it(tmp_path: Path) -> None:
    asked = _asked(tmp_path, ADS_POSTING)
    assert ("experience", "3+ years in computer vision") in asked
    cv = "Trained object detection models for shelf scanning robots."
    ads = "Built a CTR prediction model with XGBoost."
    work = [
        {"name": "Robo", "startDate": "2024-06", "endDate": "2025-06", "highlights": [cv]},
        {"name": "Ads", "startDate": "2015-01", "endDate": "2024-05", "highlights": [ads]},
    ]
    result = _tailored(tmp_path, ADS_POSTING, work)
    m = next(m for m in result.matches if m.term.kind == "experience")
    assert not m.shown  # ten years of work, one of it in computer vision
    f = next(f for f in result.findings if f.code == "J802")
    assert "the dates of your roles in computer vision cover about 1 year" in f.message
    assert not re.search(r"\d", f.suggestion)
    work[1]["highlights"] = [cv]  # both roles in the field: the years are shown
    assert next(
        m for m in _tailored(tmp_path, ADS_POSTING, work).matches if m.term.kind == "experience"
    ).shown
    none = [{"name": "Ads", "startDate": "2015-01", "endDate": "2024-05", "highlights": [ads]}]
    f = next(f for f in _tailored(tmp_path, ADS_POSTING, none).findings if f.code == "J802")
    assert "no role with a start date shows computer vision" in f.message


@pytest.mark.parametrize("text", ["won 3 years in a row", "a 3 year plan with the team"])
def test_years_without_experience_or_a_field_ask_nothing(tmp_path: Path, text: str) -> None:
    asked = _asked(tmp_path, f"ML Engineer\n\nRequirements\n- We {text}.\n")
    assert not [k for k in asked if k[0] == "experience"]


INFERENCE_POSTING = (
    "Senior ML Engineer, LLM Inference\nLumen AI\n\nAbout the role\nYou will own the model "
    "deployment pipeline and the inference stack.\n\nRequirements\n- Strong Python and one of "
    "C++, Rust, or Go.\n- Experience with vLLM or TensorRT-LLM.\n\nDesirable\n- Ray Serve.\n"
)


def test_a_system_named_by_its_work_is_shown_by_a_bullet_doing_it(tmp_path: Path) -> None:
    canary = "Built canary rollout and automated rollback for model deployments, in Python."
    work = [{"name": "Co", "highlights": [canary, "Ran vLLM model servers on GPUs."]}]
    result = _tailored(tmp_path, INFERENCE_POSTING, work)
    by_name = {m.term.name: m for m in result.matches}
    deploy = by_name["deployment pipeline"]
    assert [p.location for p in deploy.bullets] == ["work[0].highlights[0]"]
    assert by_name["inference stack"].bullets[0].location == "work[0].highlights[1]"
    # the summary is asked to name the system, in the posting's words, not a bullet's "canary"
    j103 = next(f for f in result.findings if f.code == "J103" and "deployment" in f.message)
    assert "“deployment pipeline”" in j103.suggestion and "canary" not in j103.suggestion
    # training people is no training platform; a stage the finder does not read shows nothing
    posting = "ML Engineer\n\nWhat you'll do\n- Own our training platform.\n"
    people = [{"name": "Co", "highlights": ["Ran training sessions for new hires."]}]
    assert not _match(_tailored(tmp_path, posting, people), "training platform").shown
    models = [{"name": "Co", "highlights": ["Cut GPU training time of the ranker by 40%."]}]
    assert _match(_tailored(tmp_path, posting, models), "training platform").shown


def test_a_tool_that_is_also_a_word_counts_in_a_list_of_tools(tmp_path: Path) -> None:
    asked = set(_asked(tmp_path, INFERENCE_POSTING))
    assert {("tool", "C++"), ("tool", "Rust"), ("tool", "Go")} <= asked
    assert ("tool", "Ray Serve") in asked
    # an ordinary "go" and a capitalised one outside a list of tools ask for nothing
    for text in ("We go to market fast with Python.", "Go build great things in Python."):
        assert ("tool", "Go") not in _asked(tmp_path, f"ML Engineer\n\nRequirements\n- {text}\n")
    # the resume shows one of the alternatives: none of the others is asked
    work = [{"name": "Co", "highlights": ["Built the feature service in Go and Python."]}]
    result = _tailored(tmp_path, INFERENCE_POSTING, work)
    asks = " ".join(f.suggestion for f in result.findings if f.code == "J701")
    assert "C++" not in asks and "Rust" not in asks
    assert form_span("C++", "one of C++, Rust") == (7, 10)


def test_serving_and_credit_metrics_are_asked_under_one_name(tmp_path: Path) -> None:
    asked = _asked(
        tmp_path,
        "ML Engineer\n\nWhat you'll do\n- Reduce TTFT and cost per 1k tokens.\n"
        "- Track PSI, KS and Gini for the scorecards.\n",
    )
    keys = {t.key for (kind, _), t in asked.items() if kind == "metric"}  # type: ignore[attr-defined]
    assert keys == {
        "time to first token", "cost per token", "population stability index", "ks statistic",
        "gini",
    }  # fmt: skip
    work = [{"name": "Co", "highlights": ["Cut p99 time to first token from 900 ms to 420 ms."]}]
    result = _tailored(tmp_path, "ML Engineer\n\nRequirements\n- Own TTFT.\n", work)
    assert _match(result, "TTFT").shown
    # a word that only spells the same letters is no metric
    assert not [k for k, _ in _asked(tmp_path, "ML Engineer\n\nAbout\n- Psi chapter; ks.\n")
                if k == "metric"]  # fmt: skip


def test_retail_lending_is_lending_not_the_retail_industry(tmp_path: Path) -> None:
    asked = _asked(tmp_path, "ML Engineer\n\nAbout the role\nCredit models for retail lending.\n")
    assert ("domain", "lending") in asked and ("domain", "retail") not in asked
    asked = _asked(tmp_path, "ML Engineer\n\nAbout the role\nDemand forecasts for retail.\n")
    assert ("domain", "retail") in asked


def test_a_weak_bullet_is_not_moved_up_for_the_posting_s_words(tmp_path: Path) -> None:
    posting = (
        "ML Engineer, Ads\n\nWhat you'll do\n- Own the real-time feature pipeline (Kafka, Flink)."
        "\n- Train CTR prediction models and monitor them in production.\n"
    )
    bullets = [
        "Helped with the click-through rate prediction model for the ads auction.",
        "Responsible for monitoring of models in production.",
        "Built a streaming feature pipeline on Kafka and Flink computing ad engagement features "
        "for 2B impressions a day with under 5 minutes of freshness.",
    ]
    result = _tailored(tmp_path, posting, [{"name": "Co", "highlights": bullets}])
    (order,) = result.orders
    assert order.order[0] == 2  # the pipeline bullet leads; the duty statements follow
    (tip,) = [f for f in result.findings if f.code == "J003"]
    assert tip.is_tip and tip.location == "work[0].highlights[0]"
    assert "bullets 1 and 2" in tip.message and "Rewrite “Helped with the" in tip.suggestion
    moves = [f for f in result.findings if f.code == "J001"]
    assert all("Helped with" not in f.suggestion.split(" above ")[0] for f in moves)


def test_a_strong_bullet_is_not_left_below_weak_ones(tmp_path: Path) -> None:
    # the strong bullet shows none of the posting; it still reads before two vague lines, and
    # the tip says why it moves without claiming it shows the posting
    posting = "ML Engineer, Ads\n\nWhat you'll do\n- Train CTR prediction models.\n"
    bullets = [
        "Helped with the click-through rate prediction model.",
        "Various dashboard requests for the ops team.",
        "Cut the nightly ETL runtime from 6 hours to 40 minutes for 3 TB of order data by "
        "moving the jobs from cron to Airflow, saving $90k a year in compute.",
    ]
    result = _tailored(tmp_path, posting, [{"name": "Co", "highlights": bullets}])
    (order,) = result.orders
    assert order.order == (2, 0, 1) and not order.shows[2] and order.shows[0]
    moves = [f for f in result.findings if f.code in ("J001", "J004")]
    assert [f.location for f in moves] == ["work[0].highlights[2]"]
    assert moves[0].is_tip and "shows none of what the posting asks" in moves[0].message
    assert not re.search(r"\d", moves[0].suggestion)


def test_an_experiment_shows_online_experiments_only_when_it_ran_online(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nWhat you'll do\n- Run online A/B experiments.\n"
    offline = [{"name": "Co", "highlights": ["Ran experiments on language models for ASR."]}]
    assert not _match(_tailored(tmp_path, posting, offline), "online experiments").shown
    for bullet in (
        "Ran a 2-week experiment of the new ranker on 5% of traffic.",
        "Ran experiments on live traffic for the new ranker.",
        "Ran an A/B test of the new ranker, lifting CTR by 2%.",
    ):
        work = [{"name": "Co", "highlights": [bullet]}]
        assert _match(_tailored(tmp_path, posting, work), "online experiments").shown, bullet


def test_voice_search_is_speech_and_search_ranking_shows_ranking(tmp_path: Path) -> None:
    posting = "ML Engineer\n\nRequirements\n- Experience with search.\n- Ranking experience.\n"
    voice = [{"name": "Co", "highlights": ["Built the speech recognizer for voice search."]}]
    result = _tailored(tmp_path, posting, voice)
    assert not _match(result, "search").shown and not _match(result, "ranking").shown
    ranking = [{"name": "Co", "highlights": ["Built search ranking with LambdaMART."]}]
    result = _tailored(tmp_path, posting, ranking)
    assert _match(result, "search").shown and _match(result, "ranking").shown


def test_an_area_of_only_nice_to_haves_costs_at_most_half(tmp_path: Path) -> None:
    posting = (
        "ML Engineer\n\nRequirements\n- Python.\n\nNice to have\n- Papers at KDD or NeurIPS.\n"
    )
    result = _tailored(tmp_path, posting, [{"name": "Co", "highlights": ["Wrote Python."]}])
    t6 = result.results["T6"]
    assert t6 is not None and t6.score == 50
    assert sum(c.points for c in t6.checklist) == 100
    assert [f.points for f in t6.findings if f.code == "J601"] == [50.0]


def test_a_stage_shown_only_by_weak_bullets_earns_half_and_the_best_is_cited(
    tmp_path: Path,
) -> None:
    posting = "ML Engineer\n\nWhat you'll do\n- Own model serving on Kubernetes.\n"
    weak = "Helped with Kubernetes for the model servers."
    strong = (
        "Cut p99 time to first token from 900 ms to 420 ms by adding continuous batching in vLLM."
    )
    result = _tailored(tmp_path, posting, [{"name": "Co", "highlights": [weak]}])
    serving = _match(result, "serving")
    assert serving.shown and serving.shown_only_weakly
    (f,) = [f for f in result.findings if f.code == "J202"]
    assert f.location == "work[0].highlights[0]" and "model serving work" in f.suggestion
    item = next(c for c in result.results["T2"].checklist if c.code == "J202")  # type: ignore[union-attr]
    assert item.earned == item.points / 2
    both = _tailored(tmp_path, posting, [{"name": "Co", "highlights": [weak, strong]}])
    serving = _match(both, "serving")
    assert serving.bullets[0].location == "work[0].highlights[1]"  # the strongest first
    assert not serving.shown_only_weakly and not [f for f in both.findings if f.code == "J202"]


def test_a_stage_is_cited_where_the_bullet_does_that_work(tmp_path: Path) -> None:
    # a tradeoff that names the serving cost mentions serving once; the bullet that serves
    # the model (a service, served at a latency) makes the case, though it scores lower
    posting = "ML Engineer\n\nWhat you'll do\n- Own model serving.\n"
    serves = (
        "Built the ETA prediction service (LightGBM, served from FastAPI on Kubernetes) at "
        "9k requests/s and 25 ms p99, cutting delivery-time MAE from 14.2 to 9.8 minutes."
    )
    weighs = (
        "Chose a gradient-boosted model over a transformer after offline tests showed only "
        "0.4 min better MAE at 6x the serving cost; kept the GBM and spent the budget on features."
    )
    result = _tailored(tmp_path, posting, [{"name": "Co", "highlights": [weighs, serves]}])
    serving = _match(result, "serving")
    assert [p.location for p in serving.bullets] == [
        "work[0].highlights[1]",
        "work[0].highlights[0]",
    ]


def test_model_examples_of_mixed_kinds_are_answered_by_any_one(tmp_path: Path) -> None:
    posting = (
        "Data Scientist, Forecasting\n\nWhat you'll do\n- Own our forecasting models (LightGBM, "
        "DeepAR, hierarchical reconciliation) end to end.\n"
    )
    work = [{"name": "Co", "highlights": ["Trained a LightGBM demand model, cutting WAPE 9%."]}]
    result = _tailored(tmp_path, posting, work)
    assert not [f for f in result.findings if "DeepAR" in f.message]
    assert _match(result, "LightGBM").shown
    # a stack in parentheses after a pipeline is every tool of it, not examples
    stack = "ML Engineer\n\nWhat you'll do\n- Build feature pipelines (Kafka, Flink).\n"
    kafka = [{"name": "Co", "highlights": ["Built a Kafka feature pipeline for the ranker."]}]
    assert any("Flink" in f.message for f in _tailored(tmp_path, stack, kafka).findings)


def test_a_posting_s_experiments_not_said_to_run_online_are_answered_by_any(
    tmp_path: Path,
) -> None:
    posting = "CV Engineer\n\nWhat you'll do\n- Design and run experiments to improve recall.\n"
    offline = [{"name": "Co", "highlights": ["Ran experiments comparing ResNet-50 and ViT."]}]
    result = _tailored(tmp_path, posting, offline)
    assert _match(result, "experiments").shown
    assert not [m for m in result.matches if m.term.name == "online experiments"]
    nothing = [{"name": "Co", "highlights": ["Trained a ResNet-50 defect classifier."]}]
    (ask,) = [f for f in _tailored(tmp_path, posting, nothing).findings if f.code == "J401"]
    assert ask.suggestion.startswith("Have you run experiments (offline or online)")


def test_a_role_title_a_task_s_model_and_curation_work_show_what_a_cv_posting_asks(
    tmp_path: Path,
) -> None:
    from resume_lessons.core.loader import resume_from_data

    posting = (
        "Staff ML Engineer, Visual Inspection\n\nWhat you'll do\n- Build active learning and "
        "data curation pipelines for rare defects.\n\nRequirements\n- Experience with object "
        "detection.\n"
    )
    path = tmp_path / "posting.txt"
    path.write_text(posting, encoding="utf-8")
    bullets = [
        "Built a YOLOv8 surface-defect detector for painted panels, raising recall from 81% to 94%.",
        "Cut labeling cost 40% by introducing active learning over 1.2M line images.",
    ]
    data = {
        "basics": {"name": "x", "summary": "ML engineer."},
        "work": [{"name": "Co", "position": "Senior ML Engineer, Visual Inspection",
                  "highlights": bullets}],
    }  # fmt: skip
    result = tailor(resume_from_data(data, "x"), read_posting(path))
    title = _match(result, "visual inspection")
    assert [p.location for p in title.bullets] == ["work[0].position"]
    j103 = next(f for f in result.findings if f.code == "J103" and "visual" in f.message)
    assert "your role titles show it" in j103.message and "your roles already" in j103.suggestion
    assert _match(result, "object detection").bullets[0].location == "work[0].highlights[0]"
    assert _match(result, "curation pipelines").bullets[0].location == "work[0].highlights[1]"
    # a title shows its field only: "Senior" is no seniority signal, no stage is read in it
    assert all(p.location != "work[0].position" for m in result.matches if m.term.area != "T1"
               for p in m.bullets)  # fmt: skip


def test_the_summary_lead_names_a_term_its_bullet_only_points_at(tmp_path: Path) -> None:
    canary = "Built canary rollout and automated rollback for model deployments, in Python."
    result = _tailored(tmp_path, INFERENCE_POSTING, [{"name": "Co", "highlights": [canary]}])
    assert "deployment pipeline" in result.summary_lead and "canary" not in result.summary_lead


def test_an_employer_s_name_shows_its_industry(tmp_path: Path) -> None:
    posting = "CV Engineer\n\nAbout\nWe inspect parts for automotive manufacturers.\n"
    work = [{"name": "Ventra Automotive", "position": "CV Engineer",
             "highlights": ["Trained a YOLOv8 defect detector for painted panels."]}]  # fmt: skip
    result = _tailored(tmp_path, posting, work)
    assert [p.location for p in _match(result, "automotive").bullets] == ["work[0].name"]
    j103 = next(f for f in result.findings if f.code == "J103" and "automotive" in f.message)
    assert "your employers' names show it" in j103.message


CLINICAL_POSTING = """Staff ML Engineer, Clinical NLP

What you'll do
- Build retrieval-augmented generation (RAG) pipelines over patient records.
- Serve models on Kubernetes.

Nice to have
- Publications in NLP or ML venues
- Azure ML, AWS SageMaker or GCP Vertex AI
"""


def test_a_parenthesised_name_and_a_vendor_s_product_are_asked_once(tmp_path: Path) -> None:
    asked = _asked(tmp_path, CLINICAL_POSTING)
    # "(RAG) pipelines": the ")" ends the other name; no system "RAG) pipelines" is asked
    assert not [name for _, name in asked if ")" in name or "(" in name]
    assert ("model_type", "retrieval-augmented generation") in asked
    # "AWS SageMaker or GCP Vertex AI": the products are offered, not the vendors apart
    assert ("tool", "SageMaker") in asked and ("tool", "Vertex AI") in asked
    assert ("tool", "AWS") not in asked and ("tool", "GCP") not in asked
    sagemaker = asked[("tool", "SageMaker")]
    assert ("tool", "vertex ai") in sagemaker.alternatives  # type: ignore[attr-defined]
    assert not [name for _, name in asked if " or " in name]


def test_a_field_in_a_domain_is_shown_by_both_and_asked_once(tmp_path: Path) -> None:
    asked = _asked(tmp_path, CLINICAL_POSTING)
    # the title's "Clinical NLP" asks that field, not also healthcare for its "clinical"
    clinical = asked[("domain", "Clinical NLP")]
    health = asked.get(("domain", "healthcare"))
    assert health is not None  # "patient records" asks it
    assert all(p.location != "title" for p in health.asked_at)  # type: ignore[attr-defined]
    assert clinical.asked_at[0].location == "title"  # type: ignore[attr-defined]
    from resume_lessons.core.loader import resume_from_data

    path = tmp_path / "posting.txt"
    path.write_text(CLINICAL_POSTING, encoding="utf-8")
    summary = "ML engineer building NLP systems for clinical documentation."
    work = [{"name": "Co", "highlights": ["Trained a model."]}]
    data = {"basics": {"name": "x", "summary": summary}, "work": work}
    result = tailor(resume_from_data(data, "x"), read_posting(path))
    field = _match(result, "Clinical NLP")
    assert field.summary and field.summary[0].text == "NLP systems for clinical"
    # healthcare's "clinical" lies inside the field's words: the lead says them once
    assert result.summary_lead == ["NLP systems for clinical"]
    # NLP alone, or healthcare alone, is not the field
    for only in ("ML engineer building NLP systems for search.", "ML engineer at hospitals."):
        data = {"basics": {"name": "x", "summary": only}, "work": work}
        alone = tailor(resume_from_data(data, "x"), read_posting(path))
        assert not _match(alone, "Clinical NLP").found, only


def test_a_posting_asking_for_papers_without_a_venue_is_a_t6_ask(tmp_path: Path) -> None:
    from resume_lessons.core.loader import resume_from_data

    asked = _asked(tmp_path, CLINICAL_POSTING)
    papers = asked[("venue", "publications")]
    assert papers.nice  # type: ignore[attr-defined]
    path = tmp_path / "posting.txt"
    work = [{"name": "Co", "highlights": ["Trained a model."]}]
    data = {"basics": {"name": "x", "summary": "ML engineer."}, "work": work}
    none = tailor(resume_from_data(data, "x"), read_posting(path))
    (ask,) = [f for f in none.findings if f.code == "J601"]
    assert ask.location == "publications" and ask.suggestion.startswith("Have you published")
    assert none.scores["T6"] == 50  # only a nice-to-have: half is given
    data["publications"] = [{"name": "Distilling coders", "publisher": "ML4H Workshop"}]
    some = tailor(resume_from_data(data, "x"), read_posting(path))
    assert _match(some, "publications").records[0].location == "publications[0]"
    assert some.scores["T6"] == 100
    # a named venue is the ask; the bare "publications" beside it is not a second one
    named = _asked(tmp_path, "ML Engineer\n\nNice to have\n- Publications at ACL or EMNLP\n")
    assert [k for k in named if k[0] == "venue"] == [("venue", "a paper at ACL or EMNLP")]


def test_a_clinical_posting_s_libraries_standards_and_review_are_asked(tmp_path: Path) -> None:
    posting = (
        "ML Engineer, Clinical NLP\n\nRequirements\n- LLM fine-tuning with LoRA and PEFT.\n"
        "- Familiarity with FHIR or HL7.\n- Evaluation with human-in-the-loop review.\n"
    )
    asked = _asked(tmp_path, posting)
    assert ("tool", "PEFT") in asked and ("tool", "FHIR") in asked
    fhir = asked[("tool", "FHIR")]
    assert ("tool", "hl7") in fhir.alternatives  # type: ignore[attr-defined]
    assert ("experiment", "human evaluation") in asked
    # an ICD-10 coding model is healthcare work
    work = [{"name": "Co", "highlights": ["Built an ICD-10 coding model, cutting review 30%."]}]
    result = _tailored(tmp_path, "ML Engineer\n\nAbout\nYou will build healthcare ML.\n", work)
    assert _match(result, "healthcare").bullets[0].text == "ICD-10"


PERCEPTION_POSTING = """Staff ML Engineer, Perception

What you'll do
- Own 3D object detection and multi-object tracking (MOT) models for our trucks.
- Optimize models for NVIDIA DRIVE Orin using TensorRT.
- Track offline metrics (mAP, NDS, MOTA).
- Produce evidence for ISO 26262 safety cases.

What we're looking for
- Experience with BEV (bird's-eye-view) architectures
- 5+ years in perception for autonomous vehicles or robotics
"""


def test_a_perception_posting_asks_its_tasks_metrics_models_and_hardware(tmp_path: Path) -> None:
    asked = _asked(tmp_path, PERCEPTION_POSTING)
    for key in [
        ("domain", "multi-object tracking"),
        ("metric", "mAP"),
        ("metric", "NDS"),
        ("metric", "MOTA"),
        ("model_type", "BEV models"),
        ("tool", "NVIDIA DRIVE"),
    ]:
        assert key in asked, key
    safety = [t for (kind, _), t in asked.items() if kind == "domain"]
    assert any(  # the safety standard of road vehicles asks for autonomous driving
        p.text == "ISO 26262"
        for t in safety
        for p in t.asked_at  # type: ignore[attr-defined]
    )
    work = [
        {
            "name": "Ridgeway",
            "highlights": [
                "Led the BEVFusion-style 3D object detector, raising pedestrian AP@0.5 from 71% "
                "to 79%, and cut its latency on the NVIDIA Drive Orin from 48 ms to 29 ms.",
                "Retrained the multi-object tracker's association model, raising MOTA 6 points.",
            ],
        }
    ]
    result = _tailored(tmp_path, PERCEPTION_POSTING, work)
    shown = {m.term.name: m for m in result.matches}
    assert shown["mAP"].bullets[0].text.startswith("AP")  # a class's AP shows the detector's
    assert shown["MOTA"].shown and shown["BEV models"].shown and shown["NVIDIA DRIVE"].shown
    assert shown["multi-object tracking"].bullets[0].location == "work[0].highlights[1]"
    # "Drive" in the product's name is no ownership
    assert not shown["ownership"].shown


def test_an_employer_s_name_alone_asks_before_it_leads_the_summary(tmp_path: Path) -> None:
    work = [{"name": "Vantage Robotics", "highlights": ["Trained lane detection models."]}]
    result = _tailored(tmp_path, PERCEPTION_POSTING, work)
    assert _match(result, "robotics").bullets[0].location == "work[0].name"
    assert not any("Robotics" in w or "robotics" in w for w in result.summary_lead)
    j103 = next(f for f in result.findings if f.code == "J103" and "robotics" in f.message)
    assert j103.suggestion.startswith("Was your own work at that employer (work[0].name)")


SPEECH_ROLE_POSTING = """Senior ML Engineer, Speech Recognition
Auralink

About the role
Our Speech team is looking for a Senior ML Engineer to own the automatic speech recognition
(ASR) stack end to end.

Responsibilities
- Train ASR models (e.g. RNN-T, Conformer, Whisper-style encoder-decoders) for on-device use.
- Build contextual biasing for contact names.
"""


def test_a_speech_posting_asks_the_role_s_stack_once_and_its_examples_as_one(
    tmp_path: Path,
) -> None:
    asked = _asked(tmp_path, SPEECH_ROLE_POSTING)
    # "looking for a … to own the ASR stack" speaks of the role: an ask, not the team's context
    speech = next(t for (kind, _), t in asked.items() if kind == "domain")
    assert not speech.context  # type: ignore[attr-defined]
    # the task owned is the domain, asked once: no second, system-type reading of it
    assert not [k for k in asked if k[0] == "system_type"]
    # the examples in parentheses: any one answers (two are names of one family)
    asr = asked[("model_type", "speech recognition models")]
    assert ("model_type", "encoder decoder") in asr.alternatives  # type: ignore[attr-defined]
    assert ("model_type", "contextual biasing") in asked
    work = [{"name": "Co", "highlights": [
        "Cut WER 9.8% to 7.1% by fine-tuning a Conformer-CTC model on 4,000 hours of audio.",
        "Built contextual biasing for contact names, cutting name errors 27%.",
    ]}]  # fmt: skip
    result = _tailored(tmp_path, SPEECH_ROLE_POSTING, work)
    assert not [f for f in result.findings if f.code == "J501"]  # every family asked is shown


GENAI_POSTING = """Staff ML Engineer, Generative AI
Acme

What you'll do
- Own production LLM applications end to end.
- Lead fine-tuning (e.g. LoRA, PEFT, RLHF/DPO) across hosted APIs (Azure OpenAI, Amazon Bedrock).
- Build evals and automated evaluation frameworks.
- Partner with product and clinical stakeholders.
"""


def test_a_genai_posting_is_answered_by_llm_work_its_examples_and_its_vendors_products(
    tmp_path: Path,
) -> None:
    asked = _asked(tmp_path, GENAI_POSTING)
    assert ("tool", "Azure OpenAI") in asked and ("tool", "Bedrock") in asked
    assert ("tool", "Azure") not in asked  # the vendor inside its product's name
    lora = asked[("model_type", "parameter-efficient fine-tuning")]  # LoRA is the method
    assert ("tool", "peft") in lora.alternatives  # type: ignore[attr-defined]
    work = [{"name": "Co", "highlights": [
        "Fine-tuned Llama 2 13B with LoRA on 120k support conversations, raising answer "
        "faithfulness from 71% to 86%.",
        "Built the offline evals framework for the assistant, blocking 3 regressions.",
    ]}]  # fmt: skip
    data = {"basics": {"name": "x", "summary": "ML engineer working cross-functionally."}}
    from resume_lessons.core.loader import resume_from_data

    path = tmp_path / "posting.txt"
    path.write_text(GENAI_POSTING, encoding="utf-8")
    result = tailor(resume_from_data({**data, "work": work}, "x"), read_posting(path))
    shown = {m.term.name: m for m in result.matches}
    assert shown["LLM applications"].bullets[0].location == "work[0].highlights[0]"  # a Llama
    assert shown["evaluation frameworks"].bullets[0].text == "evals framework"
    assert shown["cross-team work"].summary  # "cross-functionally"
    assert not [f for f in result.findings if f.code == "J701" and "PEFT" in f.message]


def test_an_llm_agent_is_one_system_by_any_of_its_names(tmp_path: Path) -> None:
    posting = "LLM Engineer\n\nWhat you'll do\n- Build RAG pipelines and tool-calling workflows.\n"
    asked = _asked(tmp_path, posting)
    assert ("system_type", "tool-calling workflows") in asked
    work = [{"name": "Co", "highlights": ["Built agentic workflows that resolve refund tickets."]}]
    result = _tailored(tmp_path, posting, work)
    assert _match(result, "tool-calling workflows").bullets[0].text == "agentic workflows"


PAYMENTS_POSTING = """Senior ML Engineer, Payments Risk

About the team
We build the real-time systems that score every card payment, and the model serving stack
and serving platform behind them.

What you'll do
- Explore graph neural networks for fraud rings.
- Track false positive rate and approval rate, and keep fraud losses down.
- Run our models on AWS or GCP, with CI/CD for ML.
- Partner with risk operations end to end.
- Mentor other engineers.

What we're looking for
- Publications at MLSys, OpML or similar venues.
- Quantile regression for loss forecasts.
- Bachelor's degree in Computer Science, Operations Research or a related field.
"""


def test_a_payments_posting_is_read_by_what_its_words_mean(tmp_path: Path) -> None:
    asked = _asked(tmp_path, PAYMENTS_POSTING)
    systems = [name for kind, name in asked if kind == "system_type"]
    # two generic heads on one system are one ask
    assert sum(name.startswith("serving") for name in systems) == 1, systems
    # a degree's fields of study are the degree's, not domains asked
    assert ("domain", "operations research") not in asked
    assert ("domain", "Operations Research") not in asked
    for name in ("false positive rate", "approval rate", "fraud losses"):
        assert ("metric", name) in asked, name
    assert ("tool", "CI/CD") in asked
    work = [
        {
            "name": "Co",
            "highlights": [
                "I own the real-time card fraud model that scores 40M payments a day.",
                "Replaced a GNN with LightGBM, giving up 0.4 AUC for 3x lower p99 latency.",
                "Onboarded 1,200 merchants to the merchant onboarding risk model.",
                "Worked closely with risk operations on weekly reviews.",
                "Set safety stock from forecast quantiles fitted with a quantile loss.",
                "Shipped every model through GitHub Actions with canary releases.",
                "Cut the false positive rate from 2.1% to 1.4% and lifted approval rate by 0.6 pts.",
            ],
        }
    ]
    res = _tailored(tmp_path, PAYMENTS_POSTING, work)
    by_name = {m.term.name: m for m in res.matches}
    assert by_name["real-time systems"].shown  # a real-time model serves in real time
    assert by_name["graph neural networks"].shown  # "GNN" is the family's short name
    assert by_name["quantile regression"].shown  # a quantile loss fits one
    assert by_name["CI/CD"].shown  # GitHub Actions is a CI/CD tool
    assert by_name["cross-team work"].shown
    assert by_name["false positive rate"].shown and by_name["approval rate"].shown
    # onboarding merchants is no mentoring of engineers
    assert not by_name["mentoring"].shown
    assert any("OpML" in m.term.name for m in res.matches if m.term.kind == "venue")
    # a payments team's false declines are its false positives
    declines = [{"name": "Co", "highlights": ["False-positive declines dropped 9% in the test."]}]
    res = _tailored(tmp_path, PAYMENTS_POSTING, declines)
    assert {m.term.name: m for m in res.matches}["false positive rate"].shown


def test_an_alternative_listed_in_the_skills_stops_the_other_being_asked(tmp_path: Path) -> None:
    from resume_lessons.core.loader import resume_from_data

    posting = "ML Engineer\n\nRequirements\n- Experience with cloud platforms (AWS or GCP).\n"
    path = tmp_path / "posting.txt"
    path.write_text(posting, encoding="utf-8")
    data = {
        "basics": {"name": "x", "summary": "ML engineer."},
        "work": [{"name": "Co", "highlights": ["Built the ranking model."]}],
        "skills": [{"name": "Serving", "keywords": ["AWS"]}],
    }
    res = tailor(resume_from_data(data, "x"), read_posting(path))
    names = {m.term.name for m in res.matches}
    assert "AWS" in names and "GCP" not in names and "AWS or GCP" not in names
    # the listed one is the one to show in a bullet
    assert any(f.code == "J702" and "AWS" in f.message for f in res.findings)


def test_an_owned_pipeline_with_its_tools_in_brackets_is_no_list_of_terms(tmp_path: Path) -> None:
    posting = (
        "ML Engineer\n\nRequirements\n- Own forecasting pipelines end to end with Airflow, "
        "Spark and MLflow, and a feature store.\n"
    )
    owned = (
        "Owned the forecasting pipeline end to end (Airflow, Spark, MLflow, feature store) "
        "serving nightly forecasts to replenishment; held 99.7% on-time delivery."
    )
    res = _tailored(tmp_path, posting, [{"name": "Co", "highlights": [owned]}])
    by_name = {m.term.name: m for m in res.matches}
    assert by_name["Airflow"].shown and by_name["end to end"].shown
    soup = "Airflow, Spark, MLflow, feature store, forecasting pipeline, end to end, ownership"
    res = _tailored(tmp_path, posting, [{"name": "Co", "highlights": [soup]}])
    assert not {m.term.name: m for m in res.matches}["Airflow"].bullets


INSPECTION_POSTING = """Senior CV Engineer, Visual Inspection

What you'll do
- Build segmentation models for defect inspection on our production lines.
- Deploy to NVIDIA Jetson with DeepStream.

What we're looking for
- MS or PhD in Computer Science.
- Publications at CVPR, ICCV, ECCV or WACV.
"""


def test_an_architecture_shows_its_kind_and_no_other(tmp_path: Path) -> None:
    from resume_lessons.core.loader import resume_from_data

    path = tmp_path / "posting.txt"
    path.write_text(INSPECTION_POSTING, encoding="utf-8")
    data = {
        "basics": {"name": "x", "summary": "CV engineer."},
        "work": [
            {
                "name": "Co",
                "highlights": [
                    "Trained a ResNet-50 classifier for scratch detection on 1.2M images.",
                    "Served the model on Jetson Orin devices with DeepStream.",
                ],
            }
        ],
        "education": [{"institution": "U", "studyType": "MASc", "area": "ECE"}],
        "publications": [{"name": "Few-shot defect detection", "publisher": "WACV"}],
    }
    res = tailor(resume_from_data(data, "x"), read_posting(path))
    by_name = {m.term.name: m for m in res.matches}
    # a ResNet classifier is a CNN, not a segmentation model
    assert not by_name["segmentation models"].shown
    assert by_name["NVIDIA Jetson"].shown and by_name["DeepStream"].shown
    assert by_name["a master's degree or higher"].shown  # a MASc is a master's
    assert any(m.shown for m in res.matches if m.term.kind == "venue")  # WACV
    unet = dict(data, work=[{"name": "Co", "highlights": ["Trained a U-Net for weld defects."]}])
    res = tailor(resume_from_data(unet, "x"), read_posting(path))
    assert {m.term.name: m for m in res.matches}["segmentation models"].shown


ADS_TEAM_POSTING = """Senior ML Engineer, Ads Ranking

About the team
We own the full stack of ads ranking, and the personalisation of the home feed.

Requirements
- Deep experience with ads ranking, recommender systems or search ranking.
- Experience with PyTorch or TensorFlow.
- Work with our feature store and ML platform.
- Nice to have: personalisation, causal inference.
- Publications at KDD, RecSys or NeurIPS.
"""


def test_a_choice_of_fields_is_one_ask_and_names_that_are_no_fields_ask_nothing(
    tmp_path: Path,
) -> None:
    asked = _asked(tmp_path, ADS_TEAM_POSTING)
    t1 = {name for kind, name in asked if kind in ("domain", "system_type")}
    assert "full stack" not in t1 and "ML platform" not in t1
    recs = asked[("domain", "recommendations")]
    # RecSys in the publications line is the venue, not the field
    assert all(p.location != "qualifications[4]" for p in recs.asked_at)  # type: ignore[attr-defined]
    # named in the team's description and as a nice-to-have only: weighed as a nice-to-have
    minor = _asked(
        tmp_path,
        "ML Engineer\n\nAbout the team\nWe build personalisation for the home feed.\n\nRequirements\n"
        "- Python.\n- Nice to have: personalisation.\n",
    )[("domain", "recommendations")]
    assert minor.minor and not minor.nice and not minor.context  # type: ignore[attr-defined]
    work = [{"name": "Co", "highlights": ["Led ads ranking on TensorFlow, lifting ad revenue 4%."]}]
    res = _tailored(tmp_path, ADS_TEAM_POSTING, work)
    names = {m.term.name for m in res.matches}
    # ads ranking shown: the other fields offered with it are not asked, nor PyTorch
    assert "search" not in names and "PyTorch" not in names


DOCUMENT_POSTING = """Senior ML Engineer, Document AI

What you'll do
- Build document AI for claims: document classification and key-value extraction.
- Experience with OCR tools (Tesseract, AWS Textract, Azure Document Intelligence).
"""


def test_a_document_ai_posting_is_read_in_its_own_words(tmp_path: Path) -> None:
    asked = _asked(tmp_path, DOCUMENT_POSTING)
    assert ("domain", "document AI") in asked
    work = [
        {
            "name": "Co",
            "highlights": [
                "Replaced a vendor OCR engine with Tesseract, cutting character error rate "
                "from 9.4% to 3.1% on 1.2M pages a month.",
            ],
        }
    ]
    res = _tailored(tmp_path, DOCUMENT_POSTING, work)
    names = {m.term.name: m for m in res.matches}
    assert names["document AI"].shown
    # the OCR tools in brackets are examples: Tesseract answers them all
    assert names["Tesseract"].shown and "Textract" not in names
    # pages a month are a document's, not an on-call page
    assert "stage.monitoring" not in _found_in(
        "Classified 1.2M pages a month with LayoutLMv3.",
    )


def _found_in(text: str) -> set[str]:
    from resume_lessons.core.elements import explain

    return {e.name for e in explain(text, "bullet", load_profile())}


FIELDS_POSTING = """Senior ML Engineer, Manipulation
Gripwise Robotics

Responsibilities
- Build the data engine: teleoperation data collection, auto-labeling and failure mining.
- Work with clinicians under our Quality Management System (ISO 13485).
- Perform fair lending analysis, including less discriminatory alternative searches.
- Deploy models to NVIDIA Jetson Orin with TensorRT.
- Ship features end to end, from data collection to the models running on the robot.
- 6+ years of experience in credit risk modeling.
- Publications at CoRL, RSS or ICRA are a plus.
"""


def test_asks_read_as_each_field_means_them(tmp_path: Path) -> None:
    asked = {name for _kind, name in _asked(tmp_path, FIELDS_POSTING)}
    assert "data engine" in asked
    assert "management system" not in asked  # a quality process, not an ML system
    assert "search" not in asked  # a count of searches, not the field
    assert "NVIDIA DRIVE" not in asked  # Orin alone is Jetson's chip as well
    assert any("RSS" in name for name in asked)


def test_the_field_s_words_years_and_whole_system_work_show_the_asks(tmp_path: Path) -> None:
    from resume_lessons.core.loader import resume_from_data

    path = tmp_path / "posting.txt"
    path.write_text(FIELDS_POSTING, encoding="utf-8")
    bullets = [
        "Owned the data flywheel that labels 2M grasps a week from the fleet.",
        "Built the feature pipeline for grasp-quality scores from depth images.",
        "Trained a ResNet-34 grasp-quality network in PyTorch on 2M labeled grasps.",
        "Served the model on Jetson with TensorRT at 18 ms p99.",
        "Set up drift monitoring of depth-camera inputs with Grafana alerts.",
    ]
    data = {
        "basics": {
            "name": "x",
            "summary": "Credit risk modeller with 9 years building PD models for lenders.",
        },
        "work": [{"name": "Co", "position": "ML Engineer", "highlights": bullets}],
    }
    result = tailor(resume_from_data(data, "x"), read_posting(path))
    assert _match(result, "data engine").bullets[0].text == "data flywheel"
    years = next(m for m in result.matches if m.term.kind == "experience")
    assert years.summary and years.summary[0].location == "basics.summary"
    whole = _match(result, "end to end")
    assert whole.shown and "data, features, training, serving and monitoring" in (
        whole.records[0].text
    )


def test_places_counted_and_partner_teams_are_no_domain(tmp_path: Path) -> None:
    asked = {
        (kind, name)
        for kind, name in _asked(
            tmp_path,
            "Senior ML Engineer, Pricing\n- Price 2M trips a day in 30 markets.\n"
            "- Work with finance and ops on pricing.\n- Own our ETA prediction models.\n",
        )
    }
    names = {name for _k, name in asked}
    assert "markets" not in names and "finance" not in names
    assert "prediction models" not in names  # every model predicts: no system named
    assert ("domain", "pricing") in asked or any("pric" in n for n in names)


def test_a_hyped_bullet_shows_no_ownership(tmp_path: Path) -> None:
    result = _tailor_text(
        tmp_path,
        "Senior ML Engineer\n- You will own and drive our ranking systems.\n",
        ["Leveraged cutting-edge AI to drive synergies across the logistics stack."],
    )
    assert not _match(result, "ownership").shown


def test_machines_named_like_models_and_motor_drives_are_no_asks(tmp_path: Path) -> None:
    asked = _asked(
        tmp_path,
        "Senior ML Engineer, Asset Health\n"
        "- We monitor 30,000 machines (pumps, compressors, turbines and transformers).\n"
        "- Experience with CNNs and transformers.\n"
        "- You will drive the roadmap for condition monitoring of motors and drives.\n",
    )
    transformers = [t for (kind, _n), t in asked.items() if t.key == "transformers"]
    lines = [p.line for t in transformers for p in t.asked_at]
    assert lines == [3]  # asked by the line about models only, not by the machines
    result = _tailor_text(
        tmp_path,
        "Senior ML Engineer\n- You will own and drive our ranking systems.\n",
        ["Worked on condition monitoring for motors and drives."],
    )
    assert not _match(result, "ownership").shown


def test_a_verb_of_ranking_is_no_field(tmp_path: Path) -> None:
    names = {
        n
        for _k, n in _asked(
            tmp_path, "Security ML\n- Our model ranks and deduplicates SOC alerts.\n"
        )
    }
    assert "ranks" not in names and "ranking" not in names
