"""Pure helpers for the skills sorter (lesson 07): the learner's skills block as entries in
groups, the edits a learner makes to it (move, drop, rename a group, split a compound entry),
and T7 scored on the whole resume with the block as it is now.

The group names the sorter offers are the profile's ``stage_groups`` (Languages, Data,
Features, Training, Serving, Monitoring, Experimentation): every one names a stage T7 knows,
so the sorter never suggests a group T7 would flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.analyze import analyze
from ..core.drafts import skills_from_text, skills_to_text
from ..core.elements import explain
from ..core.findings import TechniqueResult
from ..core.model import Resume, Skill
from ..core.profile import STAGES, Profile
from ..core.skills import compound_parts, group_stage, known_stage, shown_in, skill_evidence
from ..core.techniques import get_technique

DROP = "(drop it)"
UNSORTED = "Other"  # an entry with no group and no known stage
_LOCATION = re.compile(r"^skills\[(\d+)\]\.keywords\[(\d+)\]$")


def stage_groups(profile: Profile) -> dict[str, str]:
    """stage -> the group name the sorter offers for it, languages first, then pipeline order."""
    names = profile.setting("skills", "stage_groups", default={}) or {}
    order = ("languages", *STAGES)
    out = {s: str(names.get(s) or s.capitalize()) for s in order}
    return out


def languages(profile: Profile) -> frozenset[str]:
    return frozenset(w.lower() for w in profile.words("skills", "languages"))


def tools_of(resume: Resume) -> list[str]:
    """Every keyword of the skills block once, in the order the learner wrote them."""
    return list(dict.fromkeys(k.strip() for s in resume.skills for k in s.keywords if k.strip()))


def tool_stage(tool: str, profile: Profile) -> str:
    """The stage the profile knows a tool by ("languages" for a language), or ''."""
    return known_stage(tool, profile)


def suggest_group(tool: str, current: Skill | None, profile: Profile) -> str:
    """Where a tool goes at first: its own group when that names a stage, else the group of
    the tool's known stage, else its own group as written (the learner renames or moves it)."""
    if current is not None and group_stage(current, profile):
        return current.name.strip()
    stage = tool_stage(tool, profile)
    if stage:
        return stage_groups(profile)[stage]
    return (current.name.strip() if current is not None else "") or UNSORTED


def clean_name(name: str) -> str:
    """A group or entry name the drafts' ``Group: tool, tool`` lines can hold."""
    return " ".join(name.replace(":", " ").replace("\n", " ").split())


@dataclass
class SkillsSort:
    """A skills block being sorted: each entry (in the learner's order) and its group, or DROP."""

    profile: Profile
    entries: dict[str, str] = field(default_factory=dict)

    @classmethod
    def start(cls, resume: Resume, profile: Profile, draft: str | None = None) -> SkillsSort:
        """The resume's entries with a first suggestion; a saved draft wins over it, and the
        resume's entries the draft left out start dropped."""
        owner: dict[str, Skill] = {}
        for group in resume.skills:
            for keyword in group.keywords:
                owner.setdefault(keyword.strip(), group)  # a tool listed twice: its first group
        if draft is None:
            entries = {t: suggest_group(t, owner.get(t), profile) for t in tools_of(resume)}
            return cls(profile, entries)
        entries = {}
        for group in skills_from_text(draft):
            for keyword in group.keywords:
                entries.setdefault(keyword, group.name or UNSORTED)
        kept = {k.lower() for k in entries}
        for tool in tools_of(resume):
            parts = compound_parts(tool)
            if tool.lower() in kept or (parts and all(p.lower() in kept for p in parts)):
                continue
            entries[tool] = DROP
        return cls(profile, entries)

    # --- what the block is now ------------------------------------------------------------
    def groups(self) -> list[str]:
        """The groups in use, languages first and then in pipeline order, others last."""
        seen = list(dict.fromkeys(g for g in self.entries.values() if g != DROP))
        rank = {s: i for i, s in enumerate(stage_groups(self.profile))}

        def key(g: str) -> int:
            return rank.get(self.stage(g), len(rank))

        return sorted(seen, key=key)

    def stage(self, group: str) -> str:
        return group_stage(Skill(name=group, keywords=[]), self.profile)

    def options(self) -> list[str]:
        """The groups an entry can move to: those in use, then a group for each stage no group
        in use names yet (a renamed "Training & models" stands for Training), then DROP."""
        used = self.groups()
        covered = {self.stage(g) for g in used}
        spare = [name for stage, name in stage_groups(self.profile).items() if stage not in covered]
        return list(dict.fromkeys([*used, *spare, DROP]))

    def group_for(self, stage: str) -> str:
        """The group in use that names the stage, else the stage's own group name."""
        return (
            next((g for g in self.groups() if self.stage(g) == stage), "")
            or stage_groups(self.profile)[stage]
        )

    def in_group(self, group: str) -> list[str]:
        return [e for e, g in self.entries.items() if g == group]

    def dropped(self) -> list[str]:
        return self.in_group(DROP)

    def skills(self) -> list[Skill]:
        return [Skill(name=g, keywords=self.in_group(g)) for g in self.groups()]

    def text(self) -> str:
        return skills_to_text(self.skills())

    # --- the learner's edits --------------------------------------------------------------
    def move(self, entry: str, group: str) -> None:
        """Put an entry in a group (DROP drops it)."""
        if entry not in self.entries:
            raise KeyError(f"no skills entry {entry!r}")
        group = group if group == DROP else clean_name(group)
        if group:
            self.entries[entry] = group

    def drop(self, entry: str) -> None:
        self.move(entry, DROP)

    def add(self, entry: str) -> str:
        """Add a tool the block leaves out (one a bullet shows, as T7's tip names), in the group
        of its stage; a dropped one comes back there. Returns its group, or '' when there is
        nothing to add (empty, or already kept)."""
        entry = clean_name(entry)
        if not entry:
            return ""
        same = next((e for e in self.entries if e.lower() == entry.lower()), None)
        if same is not None and self.entries[same] != DROP:
            return ""
        stage = tool_stage(entry, self.profile)
        if not stage and any(
            e.name == "model_type" for e in explain(entry, "bullet", self.profile)
        ):
            stage = "training"  # a model family or a named model: what you trained
        # a tool the profile does not know goes to "Other", where the learner sees it to sort
        group = self.group_for(stage) if stage else UNSORTED
        self.entries[same or entry] = group
        return group

    def rename(self, old: str, new: str) -> bool:
        """Rename a group (into another group's name merges them); False if nothing changed."""
        new = clean_name(new)
        if not new or new in (DROP, old) or old not in self.entries.values():
            return False
        self.entries = {e: (new if g == old else g) for e, g in self.entries.items()}
        return True

    def split(self, entry: str) -> list[str]:
        """Replace a compound entry by its parts, in its place and group; the parts already
        listed are not added twice. Returns the parts added ([] if it is not a compound)."""
        parts = compound_parts(entry)
        if entry not in self.entries or not parts:
            return []
        group = self.entries[entry]
        listed = {e.lower() for e in self.entries if e != entry}
        added = [p for p in parts if p.lower() not in listed]
        out: dict[str, str] = {}
        for e, g in self.entries.items():
            if e == entry:
                # a compound under Languages (or no stage) sends each pipeline tool it names to
                # the group of that tool's stage ("Postgres" of "SQL (Postgres/BigQuery)" is
                # data); under a stage group, the parts stay where the learner put them
                loose = group != DROP and self.stage(group) in ("", "languages")
                for p in added:
                    stage = tool_stage(p, self.profile)
                    moves = loose and stage and stage != "languages"
                    out[p] = self.group_for(stage) if moves else group
            else:
                out[e] = g
        self.entries = out
        return added

    # --- T7 on the whole resume -----------------------------------------------------------
    def scored(self, resume: Resume) -> tuple[Resume, TechniqueResult]:
        after = resume.model_copy(update={"skills": self.skills()})
        return after, analyze(after, self.profile, (get_technique("T7"),)).results["T7"]


def unshown_in(result: TechniqueResult, skills: list[Skill]) -> list[str]:
    """The entries T7 found no bullet showing (its T704 findings), in block order."""
    out = []
    for f in result.findings:
        match = _LOCATION.match(f.location) if f.code == "T704" else None
        if match:
            i, j = int(match.group(1)), int(match.group(2))
            if i < len(skills) and j < len(skills[i].keywords):
                out.append(skills[i].keywords[j])
    return out


def unshown_tools(resume: Resume, tools: list[str], profile: Profile) -> list[str]:
    """The tools (languages aside) that no bullet or summary of the resume shows, as T7
    looks them up: any form of the tool, as whole words."""
    langs = languages(profile)
    tools = [t for t in tools if t.lower() not in langs]
    _lists, grams = skill_evidence(_texts(resume), tools, profile)  # T7's evidence, the same
    return [t for t in tools if not shown_in(t, grams, profile)]


def _texts(resume: Resume) -> list[tuple[str, str]]:
    texts = [("basics.summary", resume.basics.summary)]
    for section, entries in (("work", resume.work), ("projects", resume.projects)):
        for i, entry in enumerate(entries):
            texts.extend(
                (f"{section}[{i}].highlights[{j}]", h) for j, h in enumerate(entry.highlights)
            )
    return [(loc, t) for loc, t in texts if t]
