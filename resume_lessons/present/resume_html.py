"""The resume to send as one printable HTML page: one column, system fonts, nothing fetched.

`runners/resume_pdf.py` prints it to PDF with headless Chromium. The page is laid out so the
kit's own PDF importer reads it back: sections under headings it knows ('Experience',
'Skills'), a role as 'Position — Company' with its dates set apart on the right, bullets as
'•' list items with the wrapped lines indented under the text, skills as 'Group: a, b'.

`order` puts a role's bullets in another order (a posting's, from a ranking): role index ->
bullet indexes, most relevant first; a bullet it leaves out follows in the resume's order, so
nothing the learner wrote is dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from markupsafe import Markup, escape

from ..core.model import Resume
from ..formats.jsonresume import display, display_range

BulletOrder = Mapping[int, Sequence[int]]
TEMPLATE = "resume.html.j2"
# A word Chromium could break inside (after a hyphen, a dash or a slash): set on one line, as
# "3-week" broken into "3-" / "week" would read back as "3- week".
_BREAKABLE = re.compile(r"\S*[-‐‑–—/]\S*")


@dataclass
class Entry:
    title: str
    when: str = ""
    summary: str = ""
    bullets: list[str] = field(default_factory=list)


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    lines: list[tuple[str, str]] = field(default_factory=list)  # (bold label, text)
    bullets: list[str] = field(default_factory=list)


def keep(text: object) -> Markup:
    """Learner text as HTML: escaped, and words with a hyphen or slash kept whole."""
    value, out, pos = str(text), [], 0
    for match in _BREAKABLE.finditer(value):
        out.append(escape(value[pos : match.start()]))
        out.append(Markup('<span class="nw">%s</span>') % match.group())
        pos = match.end()
    out.append(escape(value[pos:]))
    return Markup("").join(out)


def ordered(highlights: list[str], order: Sequence[int] | None, role: str) -> list[str]:
    """The bullets in `order` (indexes), then the ones it leaves out, in the resume's order."""
    if order is None:
        return list(highlights)
    picked = list(order)
    bad = [i for i in picked if not isinstance(i, int) or not 0 <= i < len(highlights)]
    if bad or len(set(picked)) != len(picked):
        raise ValueError(
            f"the bullet order for {role} must name each of its {len(highlights)} bullets "
            f"(0 to {len(highlights) - 1}) at most once; got {picked}"
        )
    return [highlights[i] for i in picked] + [
        h for i, h in enumerate(highlights) if i not in set(picked)
    ]


def _where(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(str(value[k]) for k in ("city", "region") if value.get(k))
    return value if isinstance(value, str) else ""


def _join(*parts: str, sep: str = " — ") -> str:
    return sep.join(p for p in parts if p)


def sections(resume: Resume, order: BulletOrder | None = None) -> list[Section]:
    """The resume's sections as the template shows them, in the Markdown export's order."""
    order = order or {}
    unknown = sorted(set(order) - set(range(len(resume.work))))
    if unknown:
        raise ValueError(
            f"the bullet order names roles {unknown}; the resume has {len(resume.work)}"
        )
    out: list[Section] = []
    summary = resume.basics.summary
    if summary:
        out.append(Section("Summary", paragraphs=[p for p in summary.split("\n\n") if p.strip()]))
    if resume.work:
        work = Section("Experience")
        for i, job in enumerate(resume.work):
            title = _join(job.position, job.name)
            where = _where((job.model_extra or {}).get("location"))
            work.entries.append(
                Entry(
                    _join(title, where, sep=" · "),
                    display_range(job.startDate, job.endDate),
                    job.summary,
                    ordered(job.highlights, order.get(i), f"role {i} ({title})"),
                )
            )
        out.append(work)
    if resume.projects:
        projects = Section("Projects")
        for p in resume.projects:
            when = display_range(p.startDate, p.endDate)
            projects.entries.append(Entry(p.name, when, p.description, list(p.highlights)))
        out.append(projects)
    if resume.publications:
        pubs = Section("Publications")
        for pub in resume.publications:
            venue = _join(pub.publisher, display(pub.releaseDate), sep=", ")
            pubs.bullets.append(_join(_join(pub.name, venue, pub.summary), pub.url, sep=" · "))
        out.append(pubs)
    if resume.skills:
        skills = Section("Skills")
        skills.lines = [(s.name, ", ".join(s.keywords)) for s in resume.skills if s.keywords]
        out.append(skills)
    if resume.education:
        education = Section("Education")
        for ed in resume.education:
            extras = ed.model_extra or {}
            degree = _join(ed.studyType, ed.area, sep=", ")
            title = _join(degree, ed.institution, _where(extras.get("location")))
            bullets = [f"GPA: {extras['score']}"] if extras.get("score") else []
            if extras.get("courses"):
                bullets.append("Courses: " + ", ".join(map(str, extras["courses"])))
            when = display_range(ed.startDate, ed.endDate)
            education.entries.append(Entry(title, when, bullets=bullets))
        out.append(education)
    out.extend(_other_sections(resume.model_extra or {}))
    return out


# JSON Resume sections the kit does not analyse, shown as one line per item.
_OTHER = (
    ("awards", "Awards", ("title", "awarder", "date", "summary")),
    ("certificates", "Certifications", ("name", "issuer", "date")),
    ("languages", "Languages", ("language", "fluency")),
    ("interests", "Interests", ("name",)),
)


def _other_sections(extras: dict[str, Any]) -> list[Section]:
    out = []
    for key, title, fields in _OTHER:
        items = [i for i in extras.get(key) or [] if isinstance(i, dict)]
        lines = [_join(*(display(str(i[f])) for f in fields if i.get(f))) for i in items]
        if key == "interests":
            lines = [
                _join(str(i.get("name") or ""), ", ".join(map(str, i.get("keywords") or [])))
                for i in items
            ]
        if any(lines):
            out.append(Section(title, bullets=[line for line in lines if line]))
    return out


@functools.cache
def _template():  # type: ignore[no-untyped-def]
    import jinja2  # here: only the PDF export needs it

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: files(__package__).joinpath("templates", name).read_text("utf-8")
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["keep"] = keep
    return env.get_template(TEMPLATE)


def resume_html(resume: Resume, order: BulletOrder | None = None) -> str:
    """The resume as one self-contained HTML page to print (no script, nothing fetched)."""
    b = resume.basics
    extras = b.model_extra or {}
    contact = [b.email, str(extras.get("phone") or ""), _where(extras.get("location")), b.url]
    for p in extras.get("profiles") or []:
        if isinstance(p, dict):
            handle = _join(str(p.get("network") or ""), str(p.get("username") or ""), sep=": ")
            contact.append(str(p.get("url") or handle))
    return _template().render(
        name=b.name,
        label=b.label,
        contact=[c for c in contact if c],
        sections=sections(resume, order),
    )
