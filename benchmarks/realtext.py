"""Score the element finder on hand-labelled real resume text (``../shared/realtext``).

The mapping from the finder's element names to the labels is the one ``LABELS.md`` gives:
``metric_with_magnitude`` is ``quantified_impact``; ``experiment_detail`` is any of the five
experiment details; ``stages`` are the ``stage.*`` elements; for summaries ``names_domain`` is
``domain``, ``names_scale`` is ``scale``, ``specific_result`` is ``quantified_impact`` and
``generic_adjectives`` is ``generic_adjective``. A field with fewer than 3 positives in the set
is reported but not scored. Presence only: each label is a yes/no judgement on the whole text.

The texts are other people's words: they are read from that folder at evaluation time and
never copied into this repository.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from resume_lessons.core.elements import EXPERIMENT_DETAILS, explain
from resume_lessons.core.profile import STAGES

MIN_POSITIVES = 3  # LABELS.md: a field with fewer positives is reported, not scored

# label field -> element names, any of which makes the field present
BULLET_FIELDS: dict[str, tuple[str, ...]] = {
    "weak_opening": ("weak_opening",),
    "metric_with_magnitude": ("quantified_impact",),
    "scale": ("scale",),
    "model_type": ("model_type",),
    "decision": ("decision",),
    "tradeoff": ("tradeoff",),
    "experiment": ("experiment",),
    "experiment_detail": EXPERIMENT_DETAILS,
    "business_impact": ("business_impact",),
    **{f"stage.{s}": (f"stage.{s}",) for s in STAGES},
}
SUMMARY_FIELDS: dict[str, tuple[str, ...]] = {
    "names_domain": ("domain",),
    "names_scale": ("scale",),
    "specific_result": ("quantified_impact",),
    "years_experience": ("years_experience",),
    "generic_adjectives": ("generic_adjective",),
}
FIELDS = {"bullet": BULLET_FIELDS, "summary": SUMMARY_FIELDS}


@dataclass(frozen=True)
class Labelled:
    id: str
    kind: str  # "bullet" or "summary"
    text: str
    gold: frozenset[str]  # label fields that hold, e.g. {"scale", "stage.data"}


def load(folder: Path) -> list[Labelled]:
    """The bullets and summaries of ``folder`` with their labels (skills blocks are left out:
    the finder reads bullets and summaries)."""
    texts = {r["id"]: r for r in _jsonl(folder / "bullets.jsonl")}
    out = []
    for row in _jsonl(folder / "labels.jsonl"):
        kind = row.get("kind")
        if kind not in FIELDS or row["id"] not in texts:
            continue
        gold = {k for k in FIELDS[kind] if not k.startswith("stage.") and row.get(k) is True}
        if kind == "bullet":
            gold |= {f"stage.{s}" for s in row.get("stages") or ()}
        out.append(Labelled(row["id"], kind, texts[row["id"]]["text"], frozenset(gold)))
    return out


def _jsonl(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


Finder = Callable[[str, str], set[str]]


def found_fields(text: str, kind: str) -> set[str]:
    """The label fields the finder says hold for one text."""
    names = {e.name for e in explain(text, kind)}  # type: ignore[arg-type]
    return {f for f, elements in FIELDS[kind].items() if not names.isdisjoint(elements)}


def key(kind: str, field: str) -> str:
    return field if kind == "bullet" else f"summary.{field}"


def counts(items: list[Labelled], finder: Finder = found_fields) -> dict[str, Counter]:
    """tp/fp/fn per field key ('scale' for bullets, 'summary.names_domain' for summaries)."""
    out: dict[str, Counter] = {}
    for item in items:
        found = finder(item.text, item.kind)
        for field in FIELDS[item.kind]:
            c = out.setdefault(key(item.kind, field), Counter())
            hit, gold = field in found, field in item.gold
            c["tp" if hit and gold else "fp" if hit else "fn" if gold else "tn"] += 1
    return out


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def scored(table: dict[str, Counter]) -> dict[str, float]:
    """F1 of every field with at least MIN_POSITIVES positives."""
    return {k: prf(c)[2] for k, c in table.items() if c["tp"] + c["fn"] >= MIN_POSITIVES}


def macro_f1(table: dict[str, Counter]) -> float:
    f1s = scored(table)
    return sum(f1s.values()) / len(f1s) if f1s else 0.0


def report(table: dict[str, Counter]) -> str:
    lines = [f"{'field':34} {'P':>5} {'R':>5} {'F1':>5} {'pos':>4} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name in sorted(table, key=lambda n: prf(table[n])[2]):
        c = table[name]
        p, r, f = prf(c)
        pos = c["tp"] + c["fn"]
        note = "" if pos >= MIN_POSITIVES else "  (not scored)"
        lines.append(
            f"{name:34} {p:5.2f} {r:5.2f} {f:5.2f} {pos:4d} {c['tp']:4d} {c['fp']:4d} {c['fn']:4d}{note}"
        )
    f1s = scored(table)
    worst = min(f1s, key=f1s.get) if f1s else "-"
    lines.append(
        f"macro-F1 over {len(f1s)} scored fields: {macro_f1(table):.3f}"
        f"   worst: {worst} {f1s.get(worst, 0):.2f}"
    )
    return "\n".join(lines)


def errors(items: list[Labelled], field: str, finder: Finder = found_fields) -> list[str]:
    """FN/FP lines for one field key, for reading the misses."""
    out = []
    for item in items:
        if key(item.kind, field.removeprefix("summary.")) != field:
            continue
        plain = field.removeprefix("summary.")
        if plain not in FIELDS[item.kind]:
            continue
        hit, gold = plain in finder(item.text, item.kind), plain in item.gold
        if hit != gold:
            out.append(f"{'FN' if gold else 'FP'} {item.id}: {item.text}")
    return out
