"""Write the eight lesson notebooks from the prose below: clean, no outputs, kernel python3.

Run it after editing a lesson's text: ``.venv/bin/python notebooks/build_notebooks.py``.
The notebooks are generated so that every lesson keeps the same order of parts and the
same parameters cell; a test checks the committed files match what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from resume_lessons.notebook.lessons import LESSON_FILES  # noqa: E402

PARAMETERS = """\
resume_path = "data/examples/alex_before.yaml"  # your resume: YAML, or a JSON Resume .json
drafts_path = ""  # where your rewrites are saved; empty means drafts/<learner_name>.yaml here
learner_name = "learner"
profile = "ml-engineer\""""

LESSONS: dict[str, dict[str, str]] = {
    "T1": {
        "title": "Lesson 1 — Lead with your domain",
        "intro": "Rewrite your summary so that it names your domain, the kind of system you "
        "build, its scale and one measured result.",
        "why": """\
A hiring manager for a recommendations team reads your summary first and decides within a few
seconds whether your experience is theirs. "Machine learning engineer with experience in various
projects" gives them nothing to match against their team.

Naming the domain (recommendation systems, fraud detection, search) and the system type
(real-time serving, a ranking pipeline) answers their first question at once. The scale
(500M+ users) and one specific result (home feed CTR up 12%) then make the two sentences
true of one person only.

Adjectives such as *passionate* or *results-driven* cost space and prove nothing; replace each
with a fact the reader can check.""",
        "exercise": "Rewrite your summary below. The checklist updates as you type: aim for the "
        "domain, the system type, the scale and one result with its number. Press **Save draft** "
        "when you like it.",
    },
    "T2": {
        "title": "Lesson 2 — Own the whole system",
        "intro": "Make your bullets cover the pipeline, from data to monitoring.",
        "why": """\
Many candidates can train a model. Fewer can keep one healthy in production, and that is who a
senior ML role needs. A set of bullets that touches the data pipeline, the features, training,
serving and monitoring tells the reader you own the system end to end.

The seed resume does it with one fact per stage: Spark jobs over 200M events, 80+ features in
three signal groups, distributed training on GPU clusters, a real-time feature layer with
30-second freshness, and PSI tracking for drift.

Each bullet should say what you built or decided. "Responsible for data pipelines" is a duty;
"Built the Spark pipeline that ..." is a result.""",
        "exercise": "Rewrite the bullet below so it names its pipeline stage and what you built. "
        "Then try the builder: fill in the parts and let it compose a bullet for a second item.",
    },
    "T3": {
        "title": "Lesson 3 — Show the tradeoff",
        "intro": "Write one bullet that shows a decision, what it cost, and that you checked.",
        "why": """\
Senior engineers are hired for judgement. Picking a model is common; weighing it against a
constraint is what a reviewer looks for.

A strong tradeoff bullet has three parts: the decision (replaced a gradient boosted tree model
with a cross-encoder reranker), the competing concern (latency on the top 100 candidates), and
the check (validated that the latency cost was acceptable before shipping).

Without the cost, a decision reads as following a trend; without the check, it reads as luck.""",
        "exercise": "Rewrite the bullet below as a decision with its cost and your check. Name "
        "both model types if you replaced one with another.",
    },
    "T4": {
        "title": "Lesson 4 — Quantify your experiments",
        "intro": "Turn \"improved recommendations\" into a result a reader can check.",
        "why": """\
"Improved recommendations" tells a reader nothing they can verify. Compare: CTR up 12% in a
3-week A/B test on 5% of global traffic. The metric, the size of the change, the duration
and the traffic share show that you design experiments, not only models.

Two more details show statistical care: the guardrail metrics that had to hold (latency, skips,
revenue) and how you decided the test was done (early stopping or a significance threshold).

Use the numbers from your dashboards or test reports. The kit never invents a number for you.""",
        "exercise": "Rewrite the bullet below with the metric, how much it moved, how long the "
        "test ran, on what share of traffic, the guardrails and the stopping rule. Watch the "
        "checklist fill in as you type, then press **Save draft**.",
    },
    "T5": {
        "title": "Lesson 5 — Models and systems",
        "intro": "Pair each model you built with the system it runs in.",
        "why": """\
Many ML resumes are all models and no systems. A model matters only once data reaches it and
its predictions reach users, so a reader wants to see both.

The seed resume pairs them: a two-tower retrieval model with the real-time feature serving
layer, a ranking model with the move to distributed training, a search relevance model with
its feature pipeline.

That pairing tells a reader you can own the full stack instead of handing a notebook to a
platform team.""",
        "exercise": "Rewrite the bullet below so it names both the model and the system around "
        "it: the data that feeds it or the serving path that uses it.",
    },
    "T6": {
        "title": "Lesson 6 — Selective publications",
        "intro": "Keep the few papers that back your production story, or none.",
        "why": """\
For an engineering role, one paper at a top venue that describes a system you shipped supports
the story your experience tells. The seed resume keeps exactly one: a RecSys paper about work
deployed at Wayfair.

Six workshop papers, course reports and preprints compete with that story and make the reader
wonder which kind of job you want.

If you have no publications, leave the section out. The experience speaks for itself.""",
        "exercise": "Untick the publications that do not back your production work. The score "
        "and findings follow; press **Save draft** to keep your choice.",
    },
    "T7": {
        "title": "Lesson 7 — Skills by pipeline stage",
        "intro": "Group your skills by the stage they serve and keep only tools you used.",
        "why": """\
Groups named after pipeline stages (Languages, ML Frameworks, Data & Features, Serving & Infra,
Experiment) let a reader confirm in two seconds that you cover data, training, serving and
experiments.

A flat list of every framework ever released, plus three cloud providers, says what you have
heard of. A lean list whose tools reappear in your bullets says how you work.

For each tool, ask: which bullet shows me using it? If none does, add it to that bullet or
drop it.""",
        "exercise": "Put each tool under the stage it serves, or drop it. Below the dropdowns you "
        "see the grouped block, its score and the tools no bullet shows.",
    },
}

START = {
    "title": "Start here — your resume, technique by technique",
    "what": """\
This kit teaches seven techniques that make a senior ML-engineering resume land interviews, one
lesson each, **on your own resume**. Every lesson shows why the technique works, a strong example
with its parts highlighted, a weak and a strong version side by side, what your resume does today,
and an exercise where you rewrite an item and watch the checklist change as you type.

Your rewrites are saved as *drafts* next to these notebooks; your resume file is never changed.""",
    "own": """\
## Use your own resume

1. Write your resume as YAML with the [JSON Resume](https://jsonresume.org/schema) field names
   (start from `data/examples/alex_before.yaml`), or use a JSON Resume `.json` file as it is.
2. In the parameters cell below, set `resume_path` to its path (relative to the repository or
   this folder, or absolute) and `learner_name` to your name.
3. Run all cells. Do the same in each lesson, or run the lessons with papermill:
   `papermill 04_quantify_experiments.ipynb out.ipynb -p resume_path my_resume.yaml`.""",
}


def lesson_notebook(code: str, name: str, next_name: str) -> nbformat.NotebookNode:
    text = LESSONS[code]
    setup = (
        "from resume_lessons.notebook.lessons import lesson_setup\n\n"
        "lesson = lesson_setup(resume_path, drafts_path, learner_name, profile, "
        f'technique="{code}")\nlesson.header()'
    )
    cells = [
        new_markdown_cell(f"# {text['title']}\n\n{text['intro']}"),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell(setup),
        new_markdown_cell(f"## Why it works\n\n{text['why']}"),
        new_markdown_cell(
            "## A strong example\n\nEach coloured part is one element the analyzer found; "
            "the legend names them."
        ),
        new_code_cell("lesson.strong_example()"),
        new_markdown_cell("## Weak and strong, side by side"),
        new_code_cell("lesson.weak_vs_strong()"),
        new_markdown_cell(
            "## Your resume today\n\nWhat the analyzer finds for this technique, and the items "
            "most worth rewriting."
        ),
        new_code_cell("lesson.your_resume()"),
        new_markdown_cell(f"## Your turn\n\n{text['exercise']}"),
        new_code_cell("lesson.exercise()"),
    ]
    if code == "T2":
        cells += [
            new_markdown_cell(
                "### Build a bullet from its parts\n\nFill in what you know. Empty parts stay "
                "as questions in brackets; the builder never adds a number you did not type."
            ),
            new_code_cell("lesson.builder()"),
        ]
    cells += [
        new_markdown_cell(
            "## Your saved draft, before and after\n\nRun this cell again after saving: it "
            "reads the drafts file, so it also works in an exported copy of this notebook."
        ),
        new_code_cell("lesson.saved_drafts()"),
        new_markdown_cell("## Recap"),
        new_code_cell("lesson.recap()"),
        new_markdown_cell(f"Next: [{next_name}]({next_name})"),
    ]
    return _notebook(cells)


def start_notebook() -> nbformat.NotebookNode:
    setup = (
        "from resume_lessons.notebook.lessons import lesson_setup\n\n"
        "lesson = lesson_setup(resume_path, drafts_path, learner_name, profile)\nlesson.header()"
    )
    cells = [
        new_markdown_cell(f"# {START['title']}\n\n{START['what']}"),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_markdown_cell(START["own"]),
        new_code_cell(setup),
        new_markdown_cell(
            "## Your scores across T1–T7\n\nEach technique scores 0–100 from its checklist; "
            "once you save drafts, the chart shows before and after."
        ),
        new_code_cell("lesson.overview()"),
        new_code_cell("lesson.score_chart()"),
        new_markdown_cell("## Where to go next"),
        new_code_cell("lesson.next_steps()"),
    ]
    return _notebook(cells)


def _notebook(cells: list) -> nbformat.NotebookNode:
    nb = new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:02d}"  # stable ids keep regenerated notebooks byte-identical
    return nb


def build() -> dict[str, str]:
    """File name -> notebook JSON for all eight notebooks."""
    out = {}
    names = [name for name, _ in LESSON_FILES]
    for i, (name, code) in enumerate(LESSON_FILES):
        nb = lesson_notebook(code, name, names[(i + 1) % len(names)]) if code else start_notebook()
        out[name] = nbformat.writes(nb) + "\n"
    return out


if __name__ == "__main__":
    for name, text in build().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print("wrote", HERE / name)
