"""What the report notebook shows: verdicts, charts, the annotated resume, rewrites, findings
and next actions.

The logic lives here (and is unit-tested); the notebook's cells only call these functions.
Every piece of learner text is escaped, so the report is static, safe HTML. The numbers are
the kit's own: technique scores are ``analyze(...).scores`` (what ``check`` prints), a
bullet's score is ``score_bullet`` (what ``explain`` prints), a finding's cost its
``Finding.points``.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.analyze import Analysis, analyze
from ..core.bullet_score import UNDER_CAP, BulletScore, score_bullet
from ..core.drafts import Drafts, apply_drafts, load_drafts
from ..core.elements import Element
from ..core.findings import Finding
from ..core.loader import LoadedResume
from ..core.locations import Item
from ..core.profile import DEFAULT_PROFILE, load_profile
from ..core.techniques import TECHNIQUES, Technique, get_rule
from .render import (
    STYLE,
    before_after_html,
    element_label,
    esc,
    highlight_html,
    legend_for,
)

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
MISSING_SHOWN = 2  # the missing parts of a bullet's score the note asks about
WEAK_ELEMENTS = frozenset({"weak_opening", "generic_adjective"})  # losing these is the point
_QUESTION = re.compile(r"[^.?!]*\?")
_QUOTED = re.compile(r"“[^”]*”")
_STAGE = re.compile(r"the (\w+) stage")
_WHAT = re.compile(r"does not say (.+?)\.?$")
ITEM_CHARS = 40  # a quoted bullet named in a grouped finding is cut to this length

# One sentence for a finding that repeats, naming its items; {items} are joined with commas.
PLURAL = {
    "T106": "{items} are generic adjectives that any candidate could claim.",
    "T201": "No bullet shows your work on the {items} stages of the pipeline.",
    "T201:weak": "Only a duty or a bullet that crams many stages shows the {items} stages: a "
    "reader sees that you were near them, not what you built there.",
    "T202": "{n} bullets describe a duty, not what you built or decided: {items}.",
    "T302": "{n} bullets do not say what the choice cost: {items}.",
    "T303": "{n} bullets do not say how you checked the cost was acceptable: {items}.",
    "T401": "{n} bullets claim an improvement without saying how big it was: {items}.",
    "T402": "The experiments in {items} do not say {what}.",
    "T403": "The experiments in {items} do not say {what}.",
    "T404": "The experiments in {items} do not say {what}.",
    "T405": "The experiments in {items} do not say {what}.",
    "T602": "{items} are not at venues ML hiring managers rank highly.",
    "T603": "{items} are not tied to work you shipped.",
    "T702": "The groups {items} do not name a pipeline stage.",
    "T704": "{items} are listed as skills but no bullet shows them in use.",
}
GROUP_SUGGESTIONS = {
    "T106": "Replace each with a fact that shows it: a system you own or a result you measured.",
    "T704": "Where did you use each of these tools? Name it in the bullet about that work, or "
    "drop it from the list.",
}
UNQUOTED = frozenset({"T704"})  # short names (tools) read better without quotes

REPORT_STYLE = """<style>
.rl-chart,.rl-entry,.rl-action{break-inside:avoid;page-break-inside:avoid}
.rl-chart h3,.rl-resume h3,.rl-resume h4{break-after:avoid;page-break-after:avoid}
.rl-chart{margin:0 0 1rem 0}.rl-chart img{max-width:100%;height:auto}
.rl-caption{margin:.2rem 0 .4rem 0}
.rl-entry{display:grid;grid-template-columns:3fr 2fr;gap:.8rem;margin:.4rem 0;padding:.3rem 0;border-top:1px solid #e9ecef}
.rl-note{font-size:.9em}.rl-note p,.rl-note ul{margin:.1rem 0}.rl-note ul{padding-left:1.1rem}
.rl-cost{font-weight:600;color:#c92a2a}.rl-tip{color:#495057}
.rl-badge{font-size:.8em;padding:0 .35rem;border-radius:3px;background:#e7f5ff;color:#1864ab}
.rl-chip{display:inline-block;margin:0 .3rem .3rem 0;padding:0 .4rem;border:1px solid #adb5bd;border-radius:3px}
.rl-chip.rl-unused{border-style:dashed;color:#868e96}
@media print{.rl-entry{grid-template-columns:3fr 2fr}}
</style>"""


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
    before_score: int  # a bullet's score_bullet score; the summary's T1 score
    after_score: int


@dataclass(frozen=True)
class FindingGroup:
    """One finding, or several of one rule told as one sentence naming their items."""

    code: str
    technique: str
    message: str
    suggestion: str
    findings: tuple[Finding, ...]
    items: tuple[str, ...]  # what each finding is about: a tool, a bullet, a stage

    @property
    def points(self) -> float:
        """What the findings cost together (0: tips)."""
        return round(sum(f.points for f in self.findings), 2)

    @property
    def is_tip(self) -> bool:
        return all(f.is_tip for f in self.findings)

    @property
    def locations(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.location for f in self.findings))


@dataclass(frozen=True)
class Action:
    technique: str
    title: str
    score: int
    points: float  # what the technique's open findings cost: the points fixing them gives back
    first: str  # the costliest open finding, in words
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


def points_text(points: float) -> str:
    """1.36 -> '1.4', 29.04 -> '29': a finding's cost as the report writes it."""
    return f"{round(points, 1):g}"


def cost_text(group: FindingGroup | Finding) -> str:
    if group.is_tip:
        return "tip: costs no points"
    points = points_text(group.points)
    return f"costs {points} point{'' if points == '1' else 's'} of {group.technique}"


# ---- findings, grouped ---------------------------------------------------------------------


def item_name(finding: Finding) -> str:
    """What a finding is about, as the grouped sentence names it."""
    stage = _STAGE.search(finding.message)
    if finding.code == "T201" and stage:  # a stage, even where the message quotes a duty
        return stage.group(1)
    quoted = _QUOTED.search(finding.message)
    if quoted:
        text = quoted.group(0)[1:-1].rstrip(".!? ")  # a sentence's stop inside the quotes goes
        if finding.code in UNQUOTED:
            return text
        return f"“{text if len(text) <= ITEM_CHARS else text[: ITEM_CHARS - 1].rstrip() + '…'}”"
    return finding.location


def _group_key(finding: Finding) -> str:
    """Findings told in one sentence: of one rule, and for T201 of one case (a stage no bullet
    shows is not a stage only a duty shows)."""
    if finding.code == "T201" and finding.location != "work":
        return "T201:weak"
    return finding.code


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def group_message(code: str, findings: Sequence[Finding], items: Sequence[str]) -> str:
    if len(findings) == 1:
        return findings[0].message
    what = _WHAT.search(findings[0].message)
    template = PLURAL.get(code)
    if template and ("{what}" not in template or what):
        return template.format(
            items=_join(items), n=len(findings), what=what.group(1) if what else ""
        )
    summary = get_rule(findings[0].code)[1].summary
    return f"{summary[0].upper()}{summary[1:]}, {len(findings)} times: {_join(items)}."


def group_suggestion(code: str, findings: Sequence[Finding]) -> str:
    distinct = list(dict.fromkeys(f.suggestion for f in findings))
    if len(findings) > 1 and code in GROUP_SUGGESTIONS:
        return GROUP_SUGGESTIONS[code]
    if len(distinct) == 1:
        return distinct[0]
    return " ".join(distinct) if len(distinct) <= 3 else distinct[0]


def group_findings(findings: Sequence[Finding]) -> list[FindingGroup]:
    """Findings of one rule told once, naming their items, costliest first (tips last); a
    rule's group takes the place of its first finding among equals."""
    by_key: dict[str, list[Finding]] = {}
    for f in findings:
        by_key.setdefault(_group_key(f), []).append(f)
    groups = []
    for key, fs in by_key.items():
        code = fs[0].code
        items = tuple(dict.fromkeys(item_name(f) for f in fs))
        groups.append(
            FindingGroup(
                code,
                fs[0].technique,
                group_message(key, fs, items),
                group_suggestion(code, fs),
                tuple(fs),
                items,
            )
        )
    return sorted(groups, key=lambda g: -g.points)  # stable: reading order among equals


# ---- the report's parts --------------------------------------------------------------------


def verdicts(data: ReportData) -> list[Verdict]:
    """One line per technique: the score, its band, and what costs it the most points."""
    out = []
    for t in TECHNIQUES:
        score = data.after.scores[t.code]
        before = data.before.scores[t.code] if data.has_drafts else None
        groups = group_findings(data.after.findings_for(t.code))
        change = f" (was {before})" if before is not None and before != score else ""
        costs = [g for g in groups if not g.is_tip]
        tips = len(groups) - len(costs)
        if not costs:
            rest = "nothing left to fix" + (f" ({tips} tip(s) below)." if tips else ".")
        else:
            more = f" (+{len(costs) - 1} more)" if len(costs) > 1 else ""
            rest = f"next: {costs[0].message} ({cost_text(costs[0])}){more}"
        line = f"{t.title}: {score}/100{change}, {band(score)}; {rest}"
        out.append(Verdict(t.code, t.title, score, before, band(score), line))
    return out


def bullet_score(analysis: Analysis, item: Item) -> BulletScore:
    """A bullet's overall score, from the elements the analysis found in it."""
    return score_bullet(
        item.text, load_profile(analysis.profile), analysis.elements.get(item.location, [])
    )


def item_score(analysis: Analysis, item: Item) -> int:
    """The score the report shows for one item: a bullet's bullet score, the summary's T1."""
    if item.kind == "summary":
        return analysis.results["T1"].score
    return bullet_score(analysis, item).score


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
                item_score(data.before, item),
                item_score(data.after, after_item),
            )
        )
    return out


def open_findings(data: ReportData) -> dict[str, list[Finding]]:
    """The findings still open after the drafts, grouped by technique (empty groups kept)."""
    return {t.code: data.after.findings_for(t.code) for t in TECHNIQUES}


def questions_for(
    technique: Technique, findings: Sequence[Finding] | Sequence[FindingGroup]
) -> list[str]:
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
    """The techniques that lose the most points (never one at 100), each with where to look
    and what to ask, the costliest findings first."""
    scores = data.after.scores
    below = [t for t in TECHNIQUES if scores[t.code] < 100]

    # up to three: the techniques whose open findings cost the most points first
    def lost(t: Technique) -> float:
        return sum(f.points for f in data.after.findings_for(t.code))

    ranked = sorted(below, key=lambda t: (-lost(t), scores[t.code], TECHNIQUES.index(t)))[:count]
    actions = []
    for t in ranked:
        findings = sorted(data.after.findings_for(t.code), key=lambda f: -f.points)
        groups = [g for g in group_findings(findings) if not g.is_tip] or group_findings(findings)
        where = tuple(dict.fromkeys(_short_location(f.location) for f in findings))[:4]
        first = f"{groups[0].message} ({cost_text(groups[0])})" if groups else ""
        questions = questions_for(t, groups)
        if len(questions) < 2 and FALLBACK_QUESTIONS[t.code] not in questions:
            questions.append(FALLBACK_QUESTIONS[t.code])
        actions.append(
            Action(
                t.code,
                t.title,
                scores[t.code],
                round(sum(f.points for f in findings), 2),
                first,
                where,
                tuple(questions),
            )
        )
    return actions


def _short_location(location: str) -> str:
    """'skills[0].keywords[3]' -> 'skills[0]': where a learner looks."""
    return location.split(".keywords", 1)[0]


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
        f'{STYLE}{REPORT_STYLE}<div class="rl-box rl-header">'
        f'<h2 class="rl-learner">{esc(data.learner_name)}</h2>'
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


# ---- charts: heading, caption, image and alt text in one block that a page never splits ----


def figure_html(png: bytes, heading: str, caption: str, alt: str) -> str:
    """A chart as one block: its heading, what it shows, and the PNG with its alt text."""
    data = base64.b64encode(png).decode("ascii")
    return (
        '<figure class="rl-box rl-chart" style="break-inside:avoid;page-break-inside:avoid">'
        f'<h3 style="break-after:avoid;page-break-after:avoid">{esc(heading)}</h3>'
        f'<figcaption class="rl-caption">{esc(caption)}</figcaption>'
        f'<img src="data:image/png;base64,{data}" alt="{esc(alt)}"></figure>'
    )


def scores_caption(data: ReportData) -> str:
    if data.has_drafts:
        return (
            "Grey bars are your resume as written; blue bars include your saved drafts. "
            "Each technique is scored out of 100."
        )
    return "Each bar is your resume's score on one technique, out of 100, as in the verdicts."


def scores_alt(data: ReportData) -> str:
    before = data.before.scores if data.has_drafts else None
    parts = []
    for t in TECHNIQUES:
        score = data.after.scores[t.code]
        was = f" (before your drafts {before[t.code]})" if before else ""
        parts.append(f"{t.code} {t.title}: {score}{was}")
    kind = "before and after your drafts" if before else "out of 100"
    return f"Bar chart of the score per technique, {kind}. " + "; ".join(parts) + "."


def coverage_caption(data: ReportData) -> str:
    whose = "your bullets with your drafts" if data.has_drafts else "your bullets"
    return (
        f"Each cell counts the bullets of one role that show one stage of the ML pipeline "
        f"({whose}); a darker cell is more bullets. An empty row is a stage a hiring manager "
        "cannot see you own."
    )


def coverage_alt(data: ReportData) -> str:
    from .plots import coverage_matrix

    stages, roles, counts = coverage_matrix(data.after)
    if not roles:
        return "Heat map of pipeline stages by role: the resume has no bullets to count."
    per_role = []
    for col, role in enumerate(roles):
        shown = [f"{stages[r]} {counts[r][col]}" for r in range(len(stages)) if counts[r][col]]
        per_role.append(f"{role}: " + (", ".join(shown) if shown else "no stage shown"))
    empty = [stages[r] for r in range(len(stages)) if not any(counts[r])]
    gaps = f" No bullet shows {_join(empty)}." if empty else " Every stage is shown."
    return (
        "Heat map of how many bullets show each pipeline stage, by role. "
        + "; ".join(per_role)
        + "."
        + gaps
    )


def scores_figure(data: ReportData):  # type: ignore[no-untyped-def]
    from .plots import score_bars

    before = data.before.scores if data.has_drafts else None
    title = "Score per technique, before and after your drafts" if before else "Score per technique"
    return score_bars(data.after.scores, before, title=title)


def coverage_figure(data: ReportData):  # type: ignore[no-untyped-def]
    from .plots import coverage_heatmap

    return coverage_heatmap(data.after, title="Pipeline stages covered, by role (bullets)")


def scores_chart_html(data: ReportData) -> str:
    from .plots import to_png

    heading = "Scores before and after" if data.has_drafts else "Scores per technique"
    png = to_png(scores_figure(data))
    return figure_html(png, heading, scores_caption(data), scores_alt(data))


def coverage_chart_html(data: ReportData) -> str:
    from .plots import to_png

    png = to_png(coverage_figure(data))
    return figure_html(png, "Pipeline coverage", coverage_caption(data), coverage_alt(data))


# ---- the resume, annotated -----------------------------------------------------------------


def _findings_list(groups: Sequence[FindingGroup]) -> str:
    if not groups:
        return ""
    rows = "".join(
        f'<li><span class="{"rl-tip" if g.is_tip else "rl-cost"}">{esc(cost_text(g))}</span> '
        f"(<code>{esc(g.code)}</code>): {esc(g.message)} <em>{esc(g.suggestion)}</em></li>"
        for g in groups
    )
    return f'<ul class="rl-findings">{rows}</ul>'


def bullet_note_html(rated: BulletScore, findings: Sequence[Finding]) -> str:
    """What works and what is missing in one bullet, and what its findings cost."""
    works = "; ".join(p.label for p in rated.shown) or "nothing of the formula yet"
    asks = "".join(f"<li>{esc(p.question)}</li>" for p in rated.missing[:MISSING_SHOWN])
    minus = "".join(
        f'<li><span class="rl-cost">−{n}</span> {esc(what)}'
        + (f" ({esc(UNDER_CAP)})" if rated.capped else "")
        + "</li>"
        for what, n in rated.penalties
    )
    capped = f"<p>Held at {rated.score}: {esc(rated.capped)}.</p>" if rated.capped else ""
    groups = group_findings(findings)
    full = rated.score >= 100  # the parts it shows already earn every point
    ask_class, ask_head = (
        ("rl-tip", "It could also say:") if full else ("rl-miss", "What is missing:")
    )
    return (
        f'<div class="rl-note"><p><b>Bullet score {rated.score}</b>/100</p>'
        f'<p class="rl-ok">What works: {esc(works)}.</p>'
        + (f'<p class="{ask_class}">{ask_head}</p><ul>{asks}</ul>' if asks else "")
        + (f"<p>What costs it:</p><ul>{minus}</ul>" if minus else "")
        + capped
        + (f"<p>Findings here:</p>{_findings_list(groups)}" if groups else "")
        + "</div>"
    )


def summary_note_html(data: ReportData) -> str:
    """What the summary earns on T1's checklist, and what each finding there costs."""
    t1 = data.after.results["T1"]
    works = "; ".join(c.label for c in t1.checklist if c.passed) or "nothing of the formula yet"
    found = group_findings(data.after.findings_at("basics.summary"))
    return (
        f'<div class="rl-note"><p><b>T1 score {t1.score}</b>/100</p>'
        f'<p class="rl-ok">What works: {esc(works)}.</p>'
        + (f'<p class="rl-miss">What is missing:</p>{_findings_list(found)}' if found else "")
        + "</div>"
    )


def _entry(text_html: str, note_html: str, badge: str = "") -> str:
    mark = f' <span class="rl-badge">{esc(badge)}</span>' if badge else ""
    return f'<div class="rl-entry"><div>{text_html}{mark}</div>{note_html}</div>'


def _section_note(groups: Sequence[FindingGroup], what: str) -> str:
    if not groups:
        return ""
    return f'<div class="rl-note rl-section-note"><p>{esc(what)}</p>{_findings_list(groups)}</div>'


def _dates(start: object, end: object) -> str:
    if not start and not end:
        return ""
    return f" · {esc(start or '')}–{esc(end or 'now')}"


def annotated_resume_html(data: ReportData) -> str:
    """The whole resume as the report reads it (with the drafts): each item highlighted, and
    beside it what works, what is missing and what its findings cost."""
    after, resume = data.after, data.after.resume
    shown: set[str] = set()
    changed = {r.location for r in rewrites(data)}

    def at(location: str) -> list[Finding]:
        shown.add(location)
        return after.findings_at(location)

    parts: list[str] = []  # the legend goes first once every item is drawn
    # summary
    parts.append("<h3>Summary</h3>")
    summary = next((i for i in after.items if i.kind == "summary"), None)
    if summary is not None:
        text = highlight_html(summary.text, after.elements.get(summary.location, []))
        badge = "rewritten" if summary.location in changed else ""
        parts.append(_entry(text, summary_note_html(data), badge))
        shown.add(summary.location)
    else:
        parts.append(_section_note(group_findings(at("basics.summary")), "No summary yet."))
    # experience and projects
    for section, heading, entries in (
        ("work", "Experience", resume.work),
        ("projects", "Projects", resume.projects),
    ):
        if not entries and not after.findings_at(section):
            continue
        parts.append(f"<h3>{heading}</h3>")
        parts.append(_section_note(group_findings(at(section)), f"Across your {heading.lower()}:"))
        for i, entry in enumerate(entries):
            title = (
                ", ".join(p for p in (getattr(entry, "position", ""), entry.name) if p)
                or f"{section}[{i}]"
            )
            parts.append(f"<h4>{esc(title)}{_dates(entry.startDate, entry.endDate)}</h4>")
            for j in range(len(entry.highlights)):
                item = after.item(f"{section}[{i}].highlights[{j}]")
                text = highlight_html(item.text, after.elements.get(item.location, []))
                note = bullet_note_html(bullet_score(after, item), at(item.location))
                badge = "rewritten" if item.location in changed else ""
                parts.append(_entry(text, note, badge))
            if not entry.highlights:
                parts.append("<p>No bullets in this role.</p>")
    # skills
    skill_findings = [f for f in after.findings if f.location.split("[")[0] == "skills"]
    if resume.skills or skill_findings:
        shown.update(f.location for f in skill_findings)
        unused = {f.location for f in skill_findings if f.code == "T704"}
        rows = []
        for i, group in enumerate(resume.skills):
            chips = "".join(
                f'<span class="rl-chip rl-unused" title="no bullet shows it in use">{esc(k)}</span>'
                if f"skills[{i}].keywords[{j}]" in unused
                else f'<span class="rl-chip">{esc(k)}</span>'
                for j, k in enumerate(group.keywords)
            )
            rows.append(f"<p><b>{esc(group.name or 'Skills')}</b>: {chips}</p>")
        key = (
            "<p class='rl-caption'>Dashed: listed, but no bullet shows it in use.</p>"
            if unused
            else ""
        )
        note = _findings_list(group_findings(skill_findings)) or (
            '<p class="rl-ok">Nothing to fix in the skills.</p>'
        )
        parts.append("<h3>Skills</h3>")
        parts.append(_entry("".join(rows) + key, f'<div class="rl-note">{note}</div>'))
    # publications
    if resume.publications or after.findings_at("publications"):
        parts.append("<h3>Publications</h3>")
        parts.append(_section_note(group_findings(at("publications")), "Across your publications:"))
        for i, pub in enumerate(resume.publications):
            line = ", ".join(esc(p) for p in (pub.name, pub.publisher, pub.releaseDate) if p)
            found = group_findings(at(f"publications[{i}]"))
            note = _findings_list(found) or '<p class="rl-ok">Nothing to fix here.</p>'
            parts.append(_entry(f"<p>{line}</p>", f'<div class="rl-note">{note}</div>'))
    # education, as written
    if resume.education:
        rows = "".join(
            "<li>"
            + esc(", ".join(str(p) for p in (e.studyType, e.area, e.institution, e.endDate) if p))
            + "</li>"
            for e in resume.education
        )
        parts.append(f"<h3>Education</h3><ul>{rows}</ul>")
    rest = [f for f in after.findings if f.location not in shown]
    if rest:
        parts.append("<h3>Elsewhere</h3>")
        parts.append(_section_note(group_findings(rest), "Findings about the resume as a whole:"))
    body = "".join(parts)
    legend = (
        '<p class="rl-caption">Highlighted: the parts the kit recognises in each item.</p>'
        + legend_for(body)
    )
    return f'<section class="rl-box rl-resume">{legend}{body}</section>'


# ---- rewrites, findings, actions -----------------------------------------------------------


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
        '<p class="rl-box">A bullet\'s score is its overall bullet score, the one '
        "<code>resume-lessons explain</code> prints: what it opens with, the pipeline stage, "
        "the tool, the model, a measured result, what it changed, the scale, the decision and "
        "how it was tested. The summary's score is its T1 score.</p>"
    )
    return f'<section class="rl-rewrites">{note}{"".join(parts)}</section>'


def findings_table_html(groups: Sequence[FindingGroup], limit: int | None = None) -> str:
    """Findings, each rule once, with where, what it costs (or that it is a tip) and the fix."""
    if not groups:
        return '<p class="rl-ok">No findings: nothing to fix for this technique.</p>'
    shown = groups[:limit] if limit else groups
    cell = ' style="text-align:left;vertical-align:top"'
    rows = []
    for g in shown:
        where = [_short_location(loc) for loc in g.locations]
        where = list(dict.fromkeys(where))
        more = f" +{len(where) - 3} more" if len(where) > 3 else ""
        places = ", ".join(f"<code>{esc(w)}</code>" for w in where[:3]) + esc(more)
        kind = "rl-tip" if g.is_tip else "rl-cost"
        rows.append(
            f'<tr class="rl-finding"><td{cell}>{places}</td><td{cell}><code>{esc(g.code)}</code>'
            f'</td><td{cell}><span class="{kind}">{esc(cost_text(g))}</span></td>'
            f"<td{cell}>{esc(g.message)}</td><td{cell}>{esc(g.suggestion)}</td></tr>"
        )
    rest = len(groups) - len(shown)
    tail = f"<p>…and {rest} more.</p>" if rest else ""
    head = "".join(f"<th{cell}>{h}</th>" for h in ("where", "rule", "points", "what", "what to do"))
    return f'<table class="rl-table rl-findings"><tr>{head}</tr>{"".join(rows)}</table>{tail}'


def open_findings_html(data: ReportData, limit: int = 8) -> str:
    parts = []
    for t in TECHNIQUES:
        findings = data.after.findings_for(t.code)
        costs = sum(not f.is_tip for f in findings)
        count = f"{costs} costing points, {len(findings) - costs} tip(s)" if findings else "none"
        parts.append(
            f'<h4 class="rl-box">{esc(t.code)} {esc(t.title)}: {data.after.scores[t.code]}/100 '
            f"({count})</h4>"
            f'<div class="rl-box">{findings_table_html(group_findings(findings), limit)}</div>'
        )
    return f'<section class="rl-open">{"".join(parts)}</section>'


def next_actions_html(data: ReportData) -> str:
    actions = next_actions(data)
    if not actions:
        return '<p class="rl-ok rl-box">Nothing open: every technique scores 100.</p>'
    items = []
    for a in actions:
        where = ", ".join(f"<code>{esc(w)}</code>" for w in a.where)
        qs = "".join(f"<li>{esc(q)}</li>" for q in a.questions)
        items.append(
            f'<li class="rl-action"><b>{esc(a.technique)} {esc(a.title)}</b> (score {a.score}, '
            f"{points_text(a.points)} points to gain). {esc(a.first)} Look at {where}. Answer these from "
            f"your own records, then rewrite:<ul>{qs}</ul></li>"
        )
    return (
        f'<div class="rl-box"><ol class="rl-actions">{"".join(items)}</ol>'
        "<p>Use only numbers you can show: from a dashboard, a test report or a design doc.</p></div>"
    )


# ---- tailored to a job posting -------------------------------------------------------------


def tailored_html(data: ReportData, posting_path: str = "") -> str:
    """The section "Tailored to <title, company>" for the resume with its drafts: coverage per
    area, the terms found (where) and missing (as questions), the bullet order, the summary's
    lead words. "" without a posting; raises ResumeError for one that cannot be read."""
    if not posting_path:
        return ""
    from ..core.tailor import tailor
    from ..formats.posting import read_posting
    from .tailor_view import tailored_html as view

    posting = read_posting(posting_path)
    result = tailor(data.after.resume, posting, data.after.profile)
    whose = "your resume with your drafts" if data.has_drafts else "your resume"
    note = (
        f'<p class="rl-caption">How {whose} matches the job posting '
        f"<code>{esc(Path(posting_path).name)}</code>. Use the bullet order below when you "
        "send it for this job (<code>resume-lessons export --to pdf --job</code> prints it "
        "so).</p>"
    )
    return view(result, data.after.resume, heading="h2").replace("</h2>", f"</h2>{note}", 1)


def show_html(html: str) -> None:
    """Display a fragment; nothing at all for "" (a section the report leaves out)."""
    if not html:
        return
    from IPython.display import HTML, display

    display(HTML(html))
