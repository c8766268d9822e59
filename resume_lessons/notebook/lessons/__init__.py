"""What the lesson notebooks call: set a lesson up, then show each of its parts as static HTML.

Every ``Lesson`` method returns a displayable object (HTML, or a widget for the exercise), so
a notebook cell is one short call. Static parts stay visible in a papermill run and an
nbconvert export, with no kernel and no JavaScript. A resume that cannot be read shows its
ResumeError as an error box; the later cells then show a short note instead of a traceback.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...core.analyze import Analysis, analyze, score_item
from ...core.bullet_score import score_bullet
from ...core.drafts import Drafts, DraftsFile, apply_drafts
from ...core.errors import ResumeError
from ...core.loader import resume_from_data
from ...core.locations import Item
from ...core.model import Resume
from ...core.posting import Posting
from ...core.profile import DEFAULT_PROFILE, ProfileError, load_profile
from ...core.techniques import CODES, TECHNIQUES, Technique, get_technique
from ...formats import load_resume_with_warnings
from ...formats.posting import read_posting
from ...present.render import (
    before_after_html,
    esc,
    findings_html,
    highlight_html,
    legend_for,
    no_math,
    page,
    scores_html,
)
from ...present.score_view import points_checklist_html
from ..kit import (
    LESSON_FILES,
    SAMPLE_NAME,
    TAILOR,
    inside_kit,
    lessons_opening_another,
    samples_dir,
)
from ..tailor_lesson import DEFAULT_POSTING

SAMPLE_RESUME = SAMPLE_NAME  # found beside the lessons in a learner's folder, else in the kit


class Shown:
    """Static output: HTML for notebooks and exports, plain text for terminals and logs."""

    def __init__(self, html: str, text: str = "") -> None:
        plain = re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)
        self.html, self.text = html, text or plain

    def _repr_html_(self) -> str:
        return no_math(self.html)  # a notebook typesets "$…$" as LaTeX

    def __repr__(self) -> str:
        return " ".join(self.text.split())


def error_box(message: str, title: str = "This resume cannot be used yet.") -> Shown:
    body = (
        '<div class="rl-error" style="border:1px solid #c92a2a;background:#fff5f5;'
        f'padding:.5rem .8rem;border-radius:4px"><b>{esc(title)}</b>'
        f'<pre style="white-space:pre-wrap;margin:.4rem 0 0">{esc(message)}</pre></div>'
    )
    return Shown(page(body), message)


def resolve_path(path: str | Path, *, bases: tuple[Path, ...] | None = None) -> Path:
    """An absolute path as is; a relative one from the first of the current folder (the
    notebook's, in JupyterLab), the kit's samples/examples and samples/ where it exists (so
    "alex_after.yaml" or "workshop/ben_okafor.yaml" names a bundled sample), else the first."""
    path = Path(path).expanduser()
    if path.is_absolute():
        return path
    samples = samples_dir()
    for base in bases or (Path.cwd(), samples / "examples", samples):
        if (base / path).exists():
            return (base / path).resolve()
    return (Path.cwd() / path).resolve()


def drafts_home() -> Path:
    """Where drafts go: drafts/ in the current folder (the learner's copy of the lessons), or
    ~/resume-lessons/drafts when that folder is inside the kit itself."""
    here = Path.cwd() / "drafts"
    return Path.home() / "resume-lessons" / "drafts" if inside_kit(here) else here


def default_drafts_path(learner_name: str) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", learner_name.lower()).strip("-") or "learner"
    return drafts_home() / f"{slug}.yaml"


# The element a technique's exercise works on: lesson 04 rewrites an experiment first.
SUBJECT = {"T3": "decision", "T4": "experiment"}


def items_to_rewrite(analysis: Analysis, technique: Technique, n: int = 3) -> list[Item]:
    """The items most worth rewriting for a technique: the ones that have what its exercise
    works on (an experiment for T4) first; among them those whose findings cost the most points
    first (a tip costs none), then the lowest score.
    Items already at full marks come last, whatever they show, and so do bullets about work
    outside ML ("code reviews and sprint planning"): no honest rewrite gives them a model or a
    pipeline stage."""
    kind = "summary" if technique.code == "T1" else "bullet"
    # what each item's findings cost the technique: a tip (0 points) flags nothing to fix
    cost: dict[str, float] = {}
    for f in analysis.findings_for(technique.code):
        if not f.is_tip:
            cost[f.location] = cost.get(f.location, 0.0) + f.points
    candidates = [i for i in analysis.items if i.kind == kind]
    subject = SUBJECT.get(technique.code, "")

    def key(p: tuple[int, Item]) -> tuple[bool, bool, bool, bool, float, int, int]:
        at, item = p
        score = score_item(item.text, kind, technique, analysis.profile).score
        lacks = bool(subject) and all(e.name != subject for e in analysis.elements[item.location])
        elsewhere = kind == "bullet" and not score_bullet(item.text, analysis.profile).shows_ml
        # a bullet with what the exercise works on (an experiment, for T4) before one without
        # it: no honest rewrite gives a serving bullet an experiment; then the bullets whose
        # findings cost the most points
        costs = cost.get(item.location, 0.0)
        return (score >= 100, elsewhere, lacks, not costs, -costs, score, at)

    return [item for _, item in sorted(enumerate(candidates), key=key)[:n]]


@dataclass
class Lesson:
    """One learner's resume, analysis and drafts, as a lesson shows them."""

    technique: Technique | None
    resume_path: Path
    store: DraftsFile
    learner_name: str
    profile: str
    resume: Resume | None = None
    analysis: Analysis | None = None
    drafts: Drafts = field(default_factory=Drafts)
    error: str = ""
    notes: list[str] = field(default_factory=list)
    topic: str = ""  # a technique's code, TAILOR for lesson 08, "" for the start page
    posting_path: Path | None = None  # lesson 08: the job posting to tailor to
    posting: Posting | None = None
    error_title: str = "This resume cannot be used yet."

    @property
    def ok(self) -> bool:
        loaded = self.resume is not None and self.analysis is not None
        return loaded and (self.topic != TAILOR or self.posting is not None)

    @property
    def tailoring(self) -> bool:
        return self.topic == TAILOR

    def _need(self) -> Technique:
        assert self.technique is not None, "this part belongs to a technique lesson"
        return self.technique

    def _reload_drafts(self) -> None:
        """Read the drafts file again: a cell re-run after Save shows what was just saved."""
        try:
            self.drafts = self.store.load()
        except ResumeError as exc:
            self.notes.append(f"Your drafts could not be read, so none are shown: {exc}")

    def _blocked(self) -> Shown:
        return Shown(
            page("<p><em>Fix the resume file named in the error above, then run again.</em></p>")
        )

    def header(self) -> Shown:
        if not self.ok:
            return error_box(self.error, self.error_title)
        assert self.resume is not None
        who = self.learner_name or self.resume.basics.name or "you"
        posting = (
            f"<br><b>Posting:</b> <code>{esc(self.posting_path)}</code> "
            f"({esc(self.posting.heading)})"
            if self.posting is not None
            else ""
        )
        lines = [
            f"<p><b>Resume:</b> <code>{esc(self.resume_path)}</code> ({esc(who)})<br>"
            f"<b>Drafts:</b> <code>{esc(self.store.path)}</code> — "
            f"{len(self.drafts.items)} saved{posting}</p>"
        ]
        if Path(self.resume_path).name == SAMPLE_NAME:  # the sample, not the learner's own
            lines.append(
                '<p class="rl-info">This is the sample resume (Alex Rivera). To work on yours, '
                "set <code>resume_path</code> in the parameters cell at the top to your file, "
                "save the notebook (Ctrl+S) so it stays set, and run all cells again. To set it "
                "in every lesson at once, run in a cell: "
                f"<code>{esc(use_everywhere('my_resume.yaml', ''))}</code></p>"
            )
        elif not self.topic and not self.tailoring:  # the start page: are the others set?
            start = LESSON_FILES[0][0]
            others = [
                n for n in lessons_opening_another(Path.cwd(), self.resume_path) if n != start
            ]
            if others:
                shown = _shown_path(self.resume_path)
                lines.append(
                    f'<p class="rl-info">Lesson{"s" * (len(others) > 1)} '
                    f"{esc(', '.join(n[:2] for n in others))} still open{'s' * (len(others) == 1)} "
                    "another resume. To open "
                    "yours in all of them, run this in a cell (it changes only the "
                    "<code>resume_path</code> and <code>learner_name</code> lines of their "
                    "parameters cells): "
                    f"<code>{esc(use_everywhere(shown, self.learner_name))}</code></p>"
                )
        lines += [f'<p class="rl-miss">{esc(n)}</p>' for n in self.notes]
        return Shown(page("".join(lines)))

    # --- the technique's examples -------------------------------------------------------
    def strong_example(self) -> Shown:
        if self.tailoring:
            return tailor_lesson().strong_example(self)
        t = self._need()
        example = t.strong_examples[0]
        body = f"<h4>A strong example</h4>{_example_html(example, t, self.profile)}"
        if example.note:
            body += f"<p><em>{esc(example.note)}</em></p>"
        return Shown(page(f'<div class="rl-strong-example">{body}</div>'))

    def weak_vs_strong(self) -> Shown:
        if self.tailoring:
            return tailor_lesson().weak_vs_strong(self)
        t = self._need()
        weak, strong = t.weak_examples[0], t.strong_examples[0]
        if weak.kind != "resume" and strong.kind != "resume":
            ws = score_item(weak.text, weak.kind, t, self.profile)
            ss = score_item(strong.text, strong.kind, t, self.profile)
            body = before_after_html(
                weak.text,
                strong.text,
                ws.elements,
                ss.elements,
                title="Weak and strong, side by side",
                before_score=ws.score,
                after_score=ss.score,
            )
            note = f"<p><small>{esc(t.code)} item score: each text alone, on the checklist.</small></p>"
            return Shown(page(body + note))
        cols = "".join(
            f"<div><h4>{label} — score {_example_score(ex, t, self.profile)}</h4>"
            f"<p>{esc(ex.text)}</p>{_example_html(ex, t, self.profile)}</div>"
            for label, ex in (("Weak", weak), ("Strong", strong))
        )
        return Shown(
            page(f'<h3>Weak and strong, side by side</h3><div class="rl-pair">{cols}</div>')
        )

    # --- the learner's resume -----------------------------------------------------------
    def your_resume(self) -> Shown:
        if not self.ok:
            return self._blocked()
        if self.tailoring:
            return tailor_lesson().your_resume(self)
        t = self._need()
        assert self.analysis is not None
        score = self.analysis.scores[t.code]
        self._reload_drafts()
        with_drafts = self._drafted_analysis().scores[t.code] if self.drafts.items else score
        drafted = (
            f' <small>(with your saved drafts: <b class="rl-drafted-score">{with_drafts}</b>; '
            "the findings below are of your resume file as written)</small>"
            if with_drafts != score
            else ""
        )
        body = (
            f'<h4>Your resume today: {esc(t.code)} score <b class="rl-your-score">{score}</b>'
            f"/100{drafted}</h4>" + findings_html(self.analysis.findings_for(t.code), limit=8)
        )
        body += (
            f"<p><small>Resume score: every item of your resume together, on {esc(t.code)}'s "
            "checklist (the exercise also shows the score of the one item you rewrite).</small></p>"
        )
        if t.code not in ("T1", "T6", "T7"):  # T1 rewrites the one summary, shown below
            # ranked as the resume stands with the saved drafts: a bullet already rewritten in
            # another lesson is shown as the learner left it, and marked so
            drafted_analysis = self._drafted_analysis()
            worth = items_to_rewrite(drafted_analysis, t)
            lit = [
                highlight_html(i.text, drafted_analysis.elements.get(i.location, [])) for i in worth
            ]
            if with_drafts >= 100:  # nothing left that costs points: say so, and what is left
                body += (
                    f'<p class="rl-ok">Your resume already does what {esc(t.code)} asks '
                    f"({with_drafts}/100): no rewrite here can raise it. The bullets below are "
                    "still worth polishing for how strongly each makes the case: in the "
                    "exercise, watch the bullet score, not the resume score.</p>"
                )
            body += "<h4>Most worth rewriting</h4>" + "".join(
                f"<p><code>{esc(i.location)}</code> {esc(i.role)}"
                + (" <em>(your saved draft)</em>" if i.location in self.drafts.items else "")
                + f"</p>{h}"
                for i, h in zip(worth, lit, strict=True)
            )
            legend = legend_for(*lit)
            if legend:  # one key for all the bullets above, not a note on the last one
                body += "<p><small>The colours in the bullets above:</small></p>" + legend
        return Shown(page(f'<div class="rl-your-resume">{body}</div>'))

    def exercise(self, location: str | None = None) -> Any:
        """The rewrite widget for this technique, showing the saved draft when there is one."""
        if not self.ok:
            return self._blocked()
        self._reload_drafts()
        if self.tailoring:
            return tailor_lesson().exercise(self, location)
        from .. import widgets  # ipywidgets only when a lesson needs them

        t = self._need()
        assert self.analysis is not None and self.resume is not None
        kw = {"profile": self.profile}
        if t.code == "T6":  # saved bullets tie papers to work: scored with them, as the page is
            drafted, _ = apply_drafts(self.resume, self.drafts, skip=("publications",))
            return widgets.PublicationPicker(
                drafted, self.store, draft=self.drafts.text("publications"), **kw
            )
        if t.code == "T7":  # saved bullets are evidence: the sorter scores the resume with them
            drafted, _ = apply_drafts(self.resume, self.drafts, skip=("skills",))
            return widgets.SkillsSorter(drafted, self.store, draft=self.drafts.text("skills"), **kw)
        item = self._target(t, location)
        draft = self.drafts.text(item.location)
        note = ""
        if draft is not None and draft != item.text:
            saved = self.drafts.items[item.location]
            note = (
                f"This item already has a draft, saved {_where_saved(saved.lesson, t.code)} "
                f"({saved.saved}): the box starts from it, so this rewrite builds on it. Saving "
                "replaces it; the earlier version stays in the drafts file's history."
            )
        after, _ = apply_drafts(self.resume, self.drafts)
        if t.code == "T1":  # the resume: what else the rewrite moves, and the facts it shows
            return widgets.SummaryRewriter(
                item, self.store, draft=draft, note=note, resume=after, **kw
            )
        return widgets.BulletRewriter(
            item,
            t,
            self.store,
            draft=draft,
            note=note,
            resume=after,
            choices=self._choices(t),
            drafts=self.drafts,
            **kw,
        )

    def _drafted_analysis(self) -> Analysis:
        """The analysis of the resume with the saved drafts in place (the CV as it now stands)."""
        assert self.resume is not None and self.analysis is not None
        if not self.drafts.items:
            return self.analysis
        return analyze(apply_drafts(self.resume, self.drafts)[0], self.profile)

    def _original(self, item: Item) -> Item:
        """The resume's own item at a place the drafted analysis ranked (the box starts from
        the draft; the original is what the widget compares with)."""
        assert self.analysis is not None
        try:
            return self.analysis.item(item.location)
        except KeyError:
            return item

    def _choices(self, t: Technique) -> list[Item]:
        """The bullets a learner may pick instead, most worth rewriting first."""
        drafted = self._drafted_analysis()
        worth = items_to_rewrite(drafted, t, n=len(drafted.items))
        return [self._original(i) for i in worth if i.kind == "bullet"]

    def builder(self, location: str | None = None) -> Any:
        if not self.ok:
            return self._blocked()
        from .. import widgets

        t = self._need()
        assert self.resume is not None
        self._reload_drafts()
        target = self._target(t, location, second=True)
        after, _ = apply_drafts(self.resume, self.drafts)
        return widgets.BulletBuilder(
            target.location,
            t,
            self.store,
            profile=self.profile,
            resume=after,
            replaces=target if target.text else None,
            choices=self._choices(t),
        )

    def _target(self, t: Technique, location: str | None, second: bool = False) -> Item:
        from ..widgets import empty_item

        assert self.analysis is not None
        if location:
            return self.analysis.item(location)
        if not second:  # a re-run opens on the draft this lesson saved last, to go on with it
            kind = "summary" if t.code == "T1" else "bullet"
            own = {i.location: i for i in self.analysis.items if i.kind == kind}
            saved = [loc for loc in self.drafts.saved_by(t.code) if loc in own]
            if saved:
                return own[saved[-1]]
        # the builder's place stays put across re-runs: it is ranked on the resume as written,
        # so saving a draft elsewhere never moves it to another bullet (or another role)
        ranked = self.analysis if second else self._drafted_analysis()
        worth = [self._original(i) for i in items_to_rewrite(ranked, t, n=2)]
        if not worth:
            kind = "summary" if t.code == "T1" else "bullet"
            where = "basics.summary" if kind == "summary" else "work[0].highlights[0]"
            return empty_item(where, kind)
        return worth[min(1, len(worth) - 1)] if second else worth[0]

    # --- saved drafts, before and after ---------------------------------------------------
    def saved_drafts(self) -> Shown:
        if not self.ok:
            return self._blocked()
        self._reload_drafts()
        if self.tailoring:
            return tailor_lesson().saved_drafts(self)
        t = self._need()
        assert self.resume is not None and self.analysis is not None
        after, missing = apply_drafts(self.resume, self.drafts)
        after_analysis = analyze(after, self.profile)
        before_s, after_s = self.analysis.scores[t.code], after_analysis.scores[t.code]
        parts, elsewhere = [], []
        scored_items = 0
        for loc, draft in sorted(self.drafts.items.items()):
            if loc in missing or not belongs_to_lesson(loc, t.code):
                continue
            if draft.lesson and draft.lesson != t.code:  # written in another lesson
                elsewhere.append(f"{loc} ({_where_saved(draft.lesson, t.code)})")
                continue
            if loc in ("skills", "publications"):
                parts.append(_section_before_after(loc, self.resume, after))
                continue
            item = self.analysis.item(loc)
            scored_items += 1
            # a section technique (T2, T5) scores the resume with this one draft in place, as
            # its widget does; the others score the text alone
            whole = self.resume if t.scope == "resume" else None
            where = loc if whole is not None else ""
            bs = score_item(item.text, item.kind, t, self.profile, resume=whole, location=where)
            as_ = score_item(draft.text, item.kind, t, self.profile, resume=whole, location=where)
            history = f" ({len(draft.history)} earlier versions)" if draft.history else ""
            parts.append(
                before_after_html(
                    item.text,
                    draft.text,
                    bs.elements,
                    as_.elements,
                    title=f"{loc}, saved {draft.saved}{history}",
                    before_score=bs.score,
                    after_score=as_.score,
                )
            )
        if not parts:
            body = (
                "<p>No saved draft for this lesson yet. Write one in the exercise above, press "
                "<b>Save draft</b>, then run this cell again.</p>"
            )
        else:
            each = (
                f"Each draft below shows the {esc(t.code)} score of your resume with that one "
                "draft in place."
                if t.scope == "resume"
                else f"Each draft below shows its {esc(t.code)} item score: that text alone, on "
                "the same checklist."
            )
            body = (
                f"<p>{esc(t.code)} score of your whole resume: before <b>{before_s}</b> → "
                f'with your drafts <b class="rl-after-score">{after_s}</b>'
                + (f"<br><small>{each}</small>" if scored_items else "")
                + "</p>"
                + "".join(parts)
            )
        if elsewhere:
            body += (
                "<p><small>Also in your drafts, saved in other lessons (they count in the "
                f"scores above): {esc('; '.join(elsewhere))}</small></p>"
            )
        if missing:
            body += f"<p>Drafts for places no longer in the resume: {esc(', '.join(missing))}</p>"
        return Shown(page(f'<div class="rl-saved-drafts"><h3>Your saved drafts</h3>{body}</div>'))

    def recap(self) -> Shown:
        if self.ok:
            self._reload_drafts()
        if self.tailoring:
            return tailor_lesson().recap(self)
        t = self._need()
        checklist = ""
        if self.ok:
            assert self.resume is not None
            after, _ = apply_drafts(self.resume, self.drafts)
            result = analyze(after, self.profile, (t,)).results[t.code]
            checklist = (
                f"<p>{esc(t.code)} score of your resume with your drafts: <b>{result.score}</b>"
                f" <small>({len(self.drafts.items)} saved when this cell ran; after a Save, "
                "run it again)</small></p>"
                + points_checklist_html(result.checklist, result.findings)
            )
        wants = (
            "<ul>"
            + "".join(f"<li>{esc(line.label)} ({line.points} points)</li>" for line in t.lines)
            + "</ul>"
            if not checklist
            else ""
        )
        return Shown(page(f"<h4>Recap: {esc(t.title)}</h4>{checklist}{wants}"))

    # --- the start page -------------------------------------------------------------------
    def overview(self) -> Shown:
        if not self.ok:
            return self._blocked()
        self._reload_drafts()
        assert self.resume is not None and self.analysis is not None
        after, _ = apply_drafts(self.resume, self.drafts)
        before = self.analysis.scores
        scores = analyze(after, self.profile).scores if self.drafts.items else before
        table = scores_html(scores, before if self.drafts.items else None)
        return Shown(page(f'<div class="rl-overview"><h4>Your scores</h4>{table}</div>'))

    def score_chart(self) -> Any:
        if not self.ok:
            return self._blocked()
        self._reload_drafts()
        from IPython.display import Image

        from ...present.plots import score_bars, to_png

        assert self.resume is not None and self.analysis is not None
        after, _ = apply_drafts(self.resume, self.drafts)
        if self.drafts.items:
            fig = score_bars(analyze(after, self.profile).scores, self.analysis.scores)
        else:
            fig = score_bars(self.analysis.scores, title="Your score per technique")
        return Image(data=to_png(fig), format="png")

    def next_steps(self) -> Shown:
        if not self.ok:
            return self._blocked()
        self._reload_drafts()
        assert self.analysis is not None and self.resume is not None
        scores = self.analysis.scores
        if self.drafts.items:  # the order follows the scores with the learner's drafts
            scores = analyze(apply_drafts(self.resume, self.drafts)[0], self.profile).scores
        order = sorted(
            (f for f in LESSON_FILES if f[1] in CODES), key=lambda f: (scores[f[1]], f[0])
        )
        rows = "".join(
            f'<li><a href="{esc(name)}">{esc(name)}</a> — {esc(get_technique(code).title)} '
            f"(score {scores[code]})</li>"
            for name, code in order
        )
        tailor = next((name for name, code in LESSON_FILES if code == TAILOR), "")
        then = (
            f'<p class="rl-then">Then, for each job you apply to: <a href="{esc(tailor)}">'
            f"{esc(tailor)}</a> — tailor your resume to the posting, without inventing a fact.</p>"
            if tailor
            else ""
        )
        return Shown(
            page(f'<h4>Where to go next: weakest first</h4><ol class="rl-next">{rows}</ol>{then}')
        )


def tailor_lesson():  # type: ignore[no-untyped-def]
    from .. import tailor_lesson as parts

    return parts


def _where_saved(lesson: str, here: str) -> str:
    """Where a draft was saved, in the words of the lesson list: "in this lesson", "in lesson
    02_own_the_whole_system", or "in an earlier session" for a draft that does not say."""
    if not lesson:
        return "earlier (the drafts file does not say in which lesson)"
    if lesson == here:
        return "in this lesson"
    name = next((n for n, code in LESSON_FILES if code == lesson), "")
    return f"in lesson {name.removesuffix('.ipynb')}" if name else f"by {lesson}"


def belongs_to_lesson(location: str, code: str) -> bool:
    if code == "T1":
        return location == "basics.summary"
    if code in ("T6", "T7"):
        return location == {"T6": "publications", "T7": "skills"}[code]
    return ".highlights[" in location


def _section_before_after(location: str, before: Resume, after: Resume) -> str:
    def block(resume: Resume) -> str:
        if location == "skills":
            rows = "".join(
                f"<tr><th>{esc(s.name)}</th><td>{esc(', '.join(s.keywords))}</td></tr>"
                for s in resume.skills
            )
        else:
            rows = "".join(
                f"<tr><td>{esc(p.name)}</td><td>{esc(p.publisher)}</td></tr>"
                for p in resume.publications
            )
        return f'<table class="rl-table">{rows}</table>'

    return (
        f'<div class="rl-before-after"><h3>{esc(location)}</h3><div class="rl-pair">'
        f"<div><h4>Before</h4>{block(before)}</div><div><h4>After</h4>{block(after)}</div>"
        "</div></div>"
    )


def _example_resume(example: Any) -> Resume:
    return resume_from_data(example.as_resume_data(), "example")


def _example_score(example: Any, t: Technique, profile: str) -> int:
    return analyze(_example_resume(example), profile, (t,)).scores[t.code]


def _example_html(example: Any, t: Technique, profile: str) -> str:
    """The example with its elements highlighted (a bullet or summary), or its key section."""
    from ...core.elements import explain

    if example.kind != "resume":
        lit = highlight_html(example.text, explain(example.text, example.kind, profile))
        return lit + legend_for(lit)
    resume = _example_resume(example)
    if t.code == "T6":
        rows = "".join(f"<li>{esc(p.name)} — {esc(p.publisher)}</li>" for p in resume.publications)
        return f"<ul>{rows}</ul>" if rows else "<p><em>No publications section.</em></p>"
    out: list[str] = []
    if t.code == "T7":
        out += [_skills_table(resume), "<p>Where the tools show up:</p>"]
    for job in resume.work:
        for text in job.highlights:
            out.append(highlight_html(text, explain(text, "bullet", profile)))
    return "".join(out) + legend_for(*out)


def _skills_table(resume: Resume) -> str:
    rows = "".join(
        f"<tr><th>{esc(s.name)}</th><td>{esc(', '.join(s.keywords))}</td></tr>"
        for s in resume.skills
    )
    return f'<table class="rl-table">{rows}</table>'


def use_everywhere(resume: str, name: str) -> str:
    """The cell that sets this resume (and name) in every lesson of the notebook's folder."""
    line = f"%run -m resume_lessons lessons . --resume {shlex.quote(resume)}"
    return f"{line} --name {shlex.quote(name)}" if name and name != "learner" else line


def _shown_path(path: str | Path) -> str:
    """A resume's path as a learner would type it here: from the notebook's folder if inside."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def lesson_setup(
    resume_path: str | Path = SAMPLE_RESUME,
    drafts_path: str | Path = "",
    learner_name: str = "",
    profile: str = DEFAULT_PROFILE,
    technique: str | None = None,
    posting_path: str | Path = "",
) -> Lesson:
    """Load the resume and drafts for a lesson (and for lesson 08, ``technique="tailor"``,
    the job posting); never raises for a learner's bad input."""
    tailoring = technique == TAILOR
    t = get_technique(technique) if technique and not tailoring else None
    path = resolve_path(resume_path or SAMPLE_RESUME)
    drafts_file = Path(drafts_path).expanduser() if drafts_path else None
    if drafts_file is not None and not drafts_file.is_absolute():
        drafts_file = Path.cwd() / drafts_file
    notes = []
    if drafts_file is not None and inside_kit(drafts_file):
        notes.append(
            f"Drafts are never written inside the kit; using the default instead of {drafts_file}."
        )
        drafts_file = None
    store = DraftsFile(drafts_file or default_drafts_path(learner_name), path)
    lesson = Lesson(t, path, store, learner_name, profile or DEFAULT_PROFILE, notes=notes)
    lesson.topic = TAILOR if tailoring else (t.code if t else "")
    try:
        load_profile(lesson.profile)
        loaded = load_resume_with_warnings(path)
    except (ResumeError, ProfileError) as exc:
        lesson.error = str(exc)
        return lesson
    if tailoring:
        lesson.posting_path = resolve_path(posting_path or DEFAULT_POSTING)
        try:
            lesson.posting = read_posting(lesson.posting_path)
        except ResumeError as exc:
            lesson.error, lesson.error_title = str(exc), "This posting cannot be used yet."
    lesson.resume = loaded.resume
    lesson.notes += [str(w) for w in loaded.warnings]
    lesson.analysis = analyze(loaded.resume, lesson.profile)
    try:
        lesson.drafts = store.load()
    except ResumeError as exc:
        lesson.notes.append(f"Your drafts could not be read, so none are shown: {exc}")
    return lesson


__all__ = ["LESSON_FILES", "TECHNIQUES", "Lesson", "Shown", "error_box", "lesson_setup"]
