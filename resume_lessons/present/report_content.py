"""What the report notebook shows: verdicts, rewritten items, open findings, next actions.

The logic lives here (and is unit-tested); the notebook's cells only call these functions.
Every piece of learner text is escaped, so the report is static, safe HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.analyze import Analysis, analyze
from ..core.drafts import Drafts, apply_drafts, load_drafts
from ..core.elements import Element
from ..core.findings import Finding
from ..core.loader import LoadedResume
from ..core.profile import DEFAULT_PROFILE, load_profile
from ..core.techniques import TECHNIQUES, Technique
from .render import STYLE, before_after_html, element_label, esc, findings_html

# What makes an item strong, from the kit's formula (docs: DESIGN.md, "the formula").
FORMULA = {
    "bullet": ("stage", "decision", "model_type", "quantified_impact"),
    "summary": ("domain", "system_type", "scale", "quantified_impact"),
}
STRONG, FAIR = 85, 60
# Asked when a finding's suggestion has no question of its own.
FALLBACK_QUESTIONS = {
    "T1": "Which domain and kind of system do you build, for how many users, with what result?",
    "T2": "Which stage of the pipeline did you own here, and what did you build for it?",
    "T3": "What did you replace, with what, what did it cost, and how did you check it first?",
    "T4": "Which metric moved, by how much, in a test of how long on what share of traffic?",
    "T5": "Which model did you change, and which system does it run in?",
    "T6": "Which production system does this paper describe, and is the venue one your readers rank?",
    "T7": "At which pipeline stage do you use this tool, and which bullet shows it in use?",
}
MAX_QUESTIONS = 4
WEAK_ELEMENTS = frozenset({"weak_opening", "generic_adjective"})  # losing these is the point
_QUESTION = re.compile(r"[^.?!]*\?")


@dataclass
class ReportData:
    """Everything the report shows, computed once: the resume before and after the drafts."""

    learner_name: str
    resume_file: str
    drafts_file: str
    before: Analysis
    after: Analysis
    drafts: Drafts
    missing_locations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def has_drafts(self) -> bool:
        return bool(self.drafts.items) and len(self.missing_locations) < len(self.drafts.items)


@dataclass(frozen=True)
class Verdict:
    code: str
    title: str
    score: int
    before: int | None
    band: str  # "strong", "getting there", "needs work"
    line: str


@dataclass(frozen=True)
class Rewrite:
    location: str
    role: str
    kind: str
    before: str
    after: str
    before_elements: tuple[Element, ...]
    after_elements: tuple[Element, ...]
    gained: tuple[str, ...]
    lost: tuple[str, ...]  # strong elements the rewrite dropped
    removed: tuple[str, ...]  # weak elements the rewrite dropped
    before_score: int
    after_score: int


@dataclass(frozen=True)
class Action:
    technique: str
    title: str
    score: int
    where: tuple[str, ...]
    questions: tuple[str, ...]


def learner_display_name(resume_name: str, given: str, resume_file: str) -> str:
    return (given or resume_name or Path(resume_file).stem).strip()


def build_report(
    loaded: LoadedResume,
    drafts_path: str = "",
    learner_name: str = "",
    profile: str = DEFAULT_PROFILE,
) -> ReportData:
    """Apply drafts to a loaded resume (`resume_lessons.load_resume_with_warnings`) and analyse
    once; raises ResumeError on a bad drafts file."""
    prof = load_profile(profile)
    resume_path = loaded.file
    drafts = load_drafts(drafts_path) if drafts_path else Drafts()
    after_resume, missing = apply_drafts(loaded.resume, drafts)
    before = analyze(loaded.resume, prof)
    after = analyze(after_resume, prof) if drafts.items else before
    name = learner_display_name(loaded.resume.basics.name, learner_name, resume_path)
    return ReportData(
        name,
        str(resume_path),
        str(drafts_path or ""),
        before,
        after,
        drafts,
        missing,
        [str(w) for w in loaded.warnings],
    )


def band(score: int) -> str:
    return "strong" if score >= STRONG else "getting there" if score >= FAIR else "needs work"


def verdicts(data: ReportData) -> list[Verdict]:
    """One line per technique: the score, its band, and the first thing still open."""
    out = []
    for t in TECHNIQUES:
        score = data.after.scores[t.code]
        before = data.before.scores[t.code] if data.has_drafts else None
        open_ = data.after.findings_for(t.code)
        change = f" (was {before})" if before is not None and before != score else ""
        if not open_:
            rest = "nothing left to fix."
        else:
            more = f" (+{len(open_) - 1} more)" if len(open_) > 1 else ""
            rest = f"next: {open_[0].message}{more}"
        line = f"{t.title}: {score}/100{change}, {band(score)}; {rest}"
        out.append(Verdict(t.code, t.title, score, before, band(score), line))
    return out


def formula_score(elements: Sequence[Element], kind: str) -> int:
    """Share (0-100) of the formula's parts an item shows: stage, decision, model, impact."""
    names = {e.name.split(".", 1)[0] for e in elements}
    wanted = FORMULA["summary" if kind == "summary" else "bullet"]
    return round(100 * sum(w in names for w in wanted) / len(wanted))


def rewrites(data: ReportData) -> list[Rewrite]:
    """Every item whose draft differs from the resume, in reading order."""
    out = []
    for item in data.before.items:
        after_item = next((i for i in data.after.items if i.location == item.location), None)
        if after_item is None or after_item.text == item.text:
            continue
        b = tuple(data.before.elements.get(item.location, []))
        a = tuple(data.after.elements.get(item.location, []))
        names_b, names_a = {e.name for e in b}, {e.name for e in a}
        out.append(
            Rewrite(
                item.location,
                item.role,
                item.kind,
                item.text,
                after_item.text,
                b,
                a,
                tuple(sorted(names_a - names_b - WEAK_ELEMENTS)),
                tuple(sorted(names_b - names_a - WEAK_ELEMENTS)),
                tuple(sorted((names_b - names_a) & WEAK_ELEMENTS)),
                formula_score(b, item.kind),
                formula_score(a, item.kind),
            )
        )
    return out


def open_findings(data: ReportData) -> dict[str, list[Finding]]:
    """The findings still open after the drafts, grouped by technique (empty groups kept)."""
    return {t.code: data.after.findings_for(t.code) for t in TECHNIQUES}


def questions_for(technique: Technique, findings: Sequence[Finding]) -> list[str]:
    """The questions the learner must answer; taken from the suggestions, never invented."""
    found: list[str] = []
    for f in findings:
        for q in _QUESTION.findall(f.suggestion):
            q = q.strip()
            if q and q not in found:
                found.append(q)
    if not found and findings:
        found.append(FALLBACK_QUESTIONS[technique.code])
    return found[:MAX_QUESTIONS]


def next_actions(data: ReportData, count: int = 3) -> list[Action]:
    """The techniques with the most room to grow, each with where to look and what to ask."""
    candidates = []
    for t in TECHNIQUES:
        findings = data.after.findings_for(t.code)
        if not findings:
            continue
        score = data.after.scores[t.code]
        candidates.append((score, -len(findings), TECHNIQUES.index(t), t, findings))
    actions = []
    for score, _n, _i, t, findings in sorted(candidates, key=lambda c: c[:3])[:count]:
        where = tuple(dict.fromkeys(f.location for f in findings))[:4]
        actions.append(Action(t.code, t.title, score, where, tuple(questions_for(t, findings))))
    return actions


# ---- HTML for the notebook's cells ---------------------------------------------------------


def header_html(data: ReportData) -> str:
    scores = data.after.scores
    drafts = (
        f"{len(data.drafts.items)} draft(s) from <code>{esc(Path(data.drafts_file).name)}</code>"
        if data.has_drafts
        else "no drafts yet"
    )
    was = (
        f" (before your drafts: {data.before.scores['overall']})"
        if data.has_drafts and data.before.scores["overall"] != scores["overall"]
        else ""
    )
    notes = "".join(f"<li>{esc(w)}</li>" for w in data.warnings)
    notes += "".join(
        f"<li>The draft for <code>{esc(loc)}</code> has no matching item in the resume any more; "
        "it is left out.</li>"
        for loc in data.missing_locations
    )
    return (
        f'{STYLE}<div class="rl-box rl-header"><h2 class="rl-learner">{esc(data.learner_name)}</h2>'
        f"<p>Resume <code>{esc(Path(data.resume_file).name)}</code>, {drafts}. "
        f"Overall score <b>{scores['overall']}</b>/100{was}.</p>"
        + (f'<ul class="rl-notes">{notes}</ul>' if notes else "")
        + "</div>"
    )


def verdicts_html(data: ReportData) -> str:
    rows = "".join(
        f'<tr class="rl-verdict rl-{v.band.replace(" ", "-")}"><td><b>{esc(v.code)}</b></td>'
        f"<td>{esc(v.line)}</td></tr>"
        for v in verdicts(data)
    )
    return f'<div class="rl-box"><table class="rl-table rl-verdicts">{rows}</table></div>'


def how_to_draft_html(data: ReportData) -> str:
    return (
        '<div class="rl-box rl-no-drafts"><p>This report shows your resume as it is: there are '
        "no drafts yet.</p><p>To make drafts, run <code>resume-lessons lessons DIR</code>, open "
        "<code>00_start_here.ipynb</code> there in JupyterLab, point it at your resume, and work "
        "through the lessons: each rewrite you save goes into <code>drafts/YOUR-NAME.yaml</code> "
        "beside the lessons (the lesson shows the path at its top). Then run "
        f"<code>resume-lessons report {esc(Path(data.resume_file).name)} "
        "--drafts drafts/YOUR-NAME.yaml</code> again.</p></div>"
    )


def rewrites_html(data: ReportData) -> str:
    items = rewrites(data)
    if not items:
        return how_to_draft_html(data)
    parts = []
    for r in items:
        title = f"{r.location}" + (f" — {r.role}" if r.role else "")
        block = before_after_html(
            r.before,
            r.after,
            r.before_elements,
            r.after_elements,
            title=title,
            before_score=r.before_score,
            after_score=r.after_score,
        )
        if r.removed:
            gone = ", ".join(esc(element_label(n)) for n in r.removed)
            block += f'<p class="rl-ok rl-box">Weak spots removed: {gone}</p>'
        if r.lost:
            lost = ", ".join(esc(element_label(n)) for n in r.lost)
            block += f'<p class="rl-miss rl-box">Elements lost in the rewrite: {lost}</p>'
        parts.append(block)
    note = (
        '<p class="rl-box">Scores here are the share of the formula each item shows: for a '
        "bullet the pipeline stage, the decision, the model and the measured impact; for the "
        "summary the domain, the system, the scale and a result.</p>"
    )
    return f'<section class="rl-rewrites">{note}{"".join(parts)}</section>'


def open_findings_html(data: ReportData, limit: int = 8) -> str:
    parts = []
    for t in TECHNIQUES:
        findings = data.after.findings_for(t.code)
        parts.append(
            f'<h4 class="rl-box">{esc(t.code)} {esc(t.title)} ({len(findings)} open)</h4>'
            f'<div class="rl-box">{findings_html(findings, limit)}</div>'
        )
    return f'<section class="rl-open">{"".join(parts)}</section>'


def next_actions_html(data: ReportData) -> str:
    actions = next_actions(data)
    if not actions:
        return '<p class="rl-ok rl-box">Nothing open: every technique is covered.</p>'
    items = []
    for a in actions:
        where = ", ".join(f"<code>{esc(w)}</code>" for w in a.where)
        qs = "".join(f"<li>{esc(q)}</li>" for q in a.questions)
        items.append(
            f'<li class="rl-action"><b>{esc(a.technique)} {esc(a.title)}</b> (score {a.score}). '
            f"Look at {where}. Answer these from your own records, then rewrite:<ul>{qs}</ul></li>"
        )
    return (
        f'<div class="rl-box"><ol class="rl-actions">{"".join(items)}</ol>'
        "<p>Use only numbers you can show: from a dashboard, a test report or a design doc.</p></div>"
    )


def scores_figure(data: ReportData):  # type: ignore[no-untyped-def]
    from .plots import score_bars

    before = data.before.scores if data.has_drafts else None
    title = "Score per technique, before and after your drafts" if before else "Score per technique"
    return score_bars(data.after.scores, before, title=title)


def coverage_figure(data: ReportData):  # type: ignore[no-untyped-def]
    from .plots import coverage_heatmap

    return coverage_heatmap(data.after, title="Pipeline stages covered, by role (bullets)")


def show_html(html: str) -> None:
    from IPython.display import HTML, display

    display(HTML(html))
