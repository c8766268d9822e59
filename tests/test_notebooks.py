"""The start page and the seven technique lessons, run by papermill on four kinds of input
(lesson 08, tailoring to a posting, has its own runs: tests/test_tailor_lesson.py).

All runs happen once per session, two kernels at a time, from a temporary working folder;
each test then asserts on what one notebook displayed for one input.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from support.notebooks import NOTEBOOKS, REPO, outputs, run_many

from resume_lessons import analyze, load_resume
from resume_lessons.core.drafts import (
    Drafts,
    apply_drafts,
    load_drafts,
    save_drafts,
    skills_to_text,
)
from resume_lessons.core.techniques import CODES, get_technique
from resume_lessons.notebook.kit import TAILOR
from resume_lessons.notebook.lessons import LESSON_FILES, belongs_to_lesson, items_to_rewrite

EXAMPLES = REPO / "resume_lessons" / "samples" / "examples"
NAMES = [name for name, code in LESSON_FILES if code != TAILOR]
INPUTS = ("default", "strong", "persona", "json")
WORKERS = 2  # measured: more kernels than cores only adds contention


def _json_resume(tmp: Path) -> Path:
    """alex_before as a JSON Resume file, with schema fields the kit keeps but does not use."""
    data = yaml.safe_load((EXAMPLES / "alex_before.yaml").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))
    data["$schema"] = (
        "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
    )
    data["basics"]["location"] = {"city": "Stockholm", "countryCode": "SE"}
    data["basics"]["profiles"] = [{"network": "GitHub", "username": "alexr"}]
    data["work"][0]["url"] = "https://www.spotify.com"
    path = tmp / "alex.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


REWRITES = {
    "T1": "Recommendation systems engineer <b>owning</b> ranking for 500M+ users; lifted CTR by 12%.",
    "T2": "Built the Spark data pipeline that turns 200M events a day into training data.",
    "T3": "Replaced a gradient boosted tree model with a cross-encoder reranker, after validating "
    "the latency tradeoff.",
    "T4": "Lifted home feed CTR by 12% in a 3-week A/B test on 5% of global traffic.",
    "T5": "Trained a two-tower retrieval model and built its real-time feature serving layer.",
}


def _drafts_for(resume_path: Path, path: Path) -> dict[str, str]:
    """Save one draft per lesson (at the item the lesson targets); return location -> text."""
    resume = load_resume(resume_path)
    analysis = analyze(resume)
    drafts, wanted = Drafts(), {}
    for code, text in REWRITES.items():
        worth = items_to_rewrite(analysis, get_technique(code), n=1)
        if worth and worth[0].location not in wanted:
            wanted[worth[0].location] = text
    wanted["skills"] = skills_to_text(resume.skills[:1])
    if resume.publications:
        wanted["publications"] = resume.publications[-1].name
    for location, text in wanted.items():
        drafts.set(location, text, now="2026-01-01T00:00:00+00:00")
    save_drafts(drafts, path)
    return wanted


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict]:
    tmp = tmp_path_factory.mktemp("notebooks")
    cwd = tmp / "elsewhere"  # papermill runs from a folder that is neither the repo nor the kit
    cwd.mkdir()
    json_path = _json_resume(tmp)
    persona_drafts, json_drafts = tmp / "priya.yaml", tmp / "alex-json.json"
    inputs = {
        "default": ({}, None),
        "strong": (
            {"resume_path": "alex_after.yaml", "drafts_path": str(tmp / "no.yaml")},
            None,
        ),
        "persona": (
            {
                "resume_path": str(EXAMPLES / "priya_fraud.yaml"),
                "drafts_path": str(persona_drafts),
                "learner_name": "Priya",
            },
            _drafts_for(EXAMPLES / "priya_fraud.yaml", persona_drafts),
        ),
        "json": (
            {"resume_path": str(json_path), "drafts_path": str(json_drafts)},
            _drafts_for(json_path, json_drafts),
        ),
    }
    jobs = [
        (kind, NOTEBOOKS / name, tmp / f"{kind}-{name}", params)
        for kind, (params, _) in inputs.items()
        for name in NAMES
    ]
    jobs += [
        ("bad", NOTEBOOKS / name, tmp / f"bad-{name}", {"resume_path": str(_bad(tmp))})
        for name in (NAMES[0], NAMES[4])
    ]
    done = run_many(jobs, cwd, WORKERS)
    print("\npapermill seconds per notebook and input:")
    for run in done:
        print(f"  {run.label:8} {run.notebook:38} {run.seconds:5.1f}s")
    return {
        (run.label, run.notebook): {
            "run": run,
            "drafts": inputs.get(run.label, ({}, None))[1],
            "params": inputs.get(run.label, ({}, None))[0],
        }
        for run in done
    }


def _plain(fragment: str) -> str:
    """What a reader sees: tags removed, entities decoded (learner text stays literal)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def _bad(tmp: Path) -> Path:
    bad = tmp / "broken.yaml"
    bad.write_text("basics:\n  name: Sam\nwork: [\n", encoding="utf-8")
    return bad


def _resume_for(kind: str, params: dict) -> Path:
    if kind == "default":
        return EXAMPLES / "alex_before.yaml"
    path = Path(params["resume_path"])
    return path if path.is_absolute() else EXAMPLES / path  # a bundled sample's name


# The committed notebooks' structure and cleanliness: tests/test_lesson_structure.py


# --- executed notebooks show the right things -------------------------------------------------


@pytest.mark.notebook
@pytest.mark.parametrize("kind", INPUTS)
@pytest.mark.parametrize("name", NAMES[1:])
def test_lesson_displays(runs: dict, name: str, kind: str) -> None:
    entry = runs[(kind, name)]
    run = entry["run"]
    assert run.returncode == 0, run.log[-3000:]
    out = outputs(run.output)
    code = dict(LESSON_FILES)[name]
    resume_path = _resume_for(kind, entry["params"])
    analysis = analyze(load_resume(resume_path))

    assert resume_path.name in out["lesson.header()"]["text/html"]
    strong = out["lesson.strong_example()"]["text/html"]
    assert "data-element=" in strong or code == "T6"
    assert "rl-legend" in strong or code == "T6"
    pair = out["lesson.weak_vs_strong()"]["text/html"]
    assert "Weak" in pair or "Before" in pair
    assert get_technique(code).strong_examples[0].text in _plain(pair + strong)

    yours = out["lesson.your_resume()"]["text/html"]
    assert f'rl-your-score">{analysis.scores[code]}<' in yours
    for finding in analysis.findings_for(code)[:3]:
        assert html.escape(finding.message) in yours
    assert "application/vnd.jupyter.widget-view+json" in out["lesson.exercise()"]

    saved = out["lesson.saved_drafts()"]["text/html"]
    drafts = entry["drafts"]
    if drafts is None:
        assert "No saved draft" in saved or kind == "default"
    else:
        shown = [t for loc, t in drafts.items() if belongs_to_lesson(loc, code)]
        if not shown:  # Priya has no publications, so there is nothing to draft for T6
            assert "No saved draft" in saved and code == "T6"
        plain = _plain(saved)
        for text in shown:
            assert text.splitlines()[0].split(": ", 1)[-1] in plain
        assert "rl-before-after" in saved or not shown
        assert "<b>owning</b>" not in saved  # learner text is escaped, even in static output
    assert "Recap" in out["lesson.recap()"]["text/html"]


@pytest.mark.notebook
@pytest.mark.parametrize("kind", INPUTS)
def test_start_here_displays(runs: dict, kind: str) -> None:
    entry = runs[(kind, NAMES[0])]
    assert entry["run"].returncode == 0, entry["run"].log[-3000:]
    out = outputs(entry["run"].output)
    analysis = analyze(load_resume(_resume_for(kind, entry["params"])))
    overview = out["lesson.overview()"]["text/html"]
    for code in ("T1", "T4", "T7"):
        assert re.search(rf"<td[^>]*>{code}</td>", overview)
    if entry["drafts"] is None and kind != "default":
        assert f"<b>{analysis.scores['overall']}</b>" in overview
    assert "image/png" in out["lesson.score_chart()"]
    steps = out["lesson.next_steps()"]["text/html"]
    scores = analysis.scores
    if entry["drafts"]:  # the order follows the learner's drafts
        after, _ = apply_drafts(analysis.resume, load_drafts(entry["params"]["drafts_path"]))
        scores = analyze(after).scores
    weakest = min((c for _, c in LESSON_FILES if c in CODES), key=lambda c: (scores[c], c))
    assert steps.index(dict((c, n) for n, c in LESSON_FILES)[weakest]) < steps.index("</li>")
    assert "08_tailor_to_the_posting.ipynb" in steps.split("</ol>", 1)[1]  # after the techniques


@pytest.mark.notebook
@pytest.mark.parametrize("name", [NAMES[0], NAMES[4]])
def test_bad_resume_shows_error_box_not_traceback(runs: dict, name: str) -> None:
    run = runs[("bad", name)]["run"]
    assert run.returncode == 0, run.log[-3000:]
    out = outputs(run.output)
    header = out["lesson.header()"]
    assert "rl-error" in header["text/html"] and "broken.yaml" in header["text/html"]
    assert "not valid YAML" in header["text/html"]
    assert not any("error" in data for data in out.values())


@pytest.mark.notebook
def test_nbconvert_export_shows_comparisons_without_javascript(runs: dict) -> None:
    from nbconvert import HTMLExporter

    run = runs[("persona", "04_quantify_experiments.ipynb")]["run"]
    body, _ = HTMLExporter().from_filename(str(run.output))
    static = re.sub(r"<script.*?</script>", "", body, flags=re.S)  # what a reader sees with JS off
    assert 'data-element="quantified_impact"' in static  # the highlighted strong example
    assert "rl-before-after" in static and "Weak and strong" in static
    assert "Your saved drafts" in static and REWRITES["T4"].split(" in a ")[0] in _plain(static)
