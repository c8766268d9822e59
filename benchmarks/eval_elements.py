"""Precision, recall and F1 of the element finder per element name, over the labelled devset.

Compares, for each text, the set of element names the finder reports with the hand labels
(presence only, not spans). Prints one table per split (train: tuned on; test: held out).

Label guide (what a careful human marks):
- weak_opening: opens with a duty or helper phrase ("responsible for", "helped") or has no verb.
- quantified_impact: a named outcome with a number; placeholders like "X%" do not count.
- scale: the size the system runs at (users, QPS, events or rows per period, data volume);
  team size does not count.
- stage.*: the stages the work is about, not passing mentions.
- model_type: a specific model family, not "ML model".
- decision: a deliberate change or choice; plain "built X" is not.
- tradeoff: two competing concerns weighed, or validated against a constraint before shipping.
- experiment details: duration, traffic share, guardrails, early stopping, significance.

Usage: python benchmarks/eval_elements.py [--errors NAME] [--split train|test] [--batch N]
       python benchmarks/eval_elements.py --real ../shared/realtext [--errors FIELD]

Entries without a batch key are batch 1; --batch N scores only batch N. ``--real DIR`` scores
real resume text hand-labelled by ``DIR/LABELS.md`` instead (see ``realtext.py``): P/R/F1 per
label field and the macro-F1 over the fields with at least 3 positives; with ``--errors`` it
lists the misses of one field ('stage.data', 'summary.names_domain', ...).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml
from realtext import counts as real_counts
from realtext import errors as real_errors
from realtext import load as load_real
from realtext import prf
from realtext import report as real_report

from resume_lessons.core.elements import BULLET_ELEMENTS, SUMMARY_ELEMENTS, explain

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "data" / "elements_devset.yaml"


def load_devset(path: Path = DEVSET) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score(entries: list[dict]) -> dict[str, Counter]:
    """Per element name (and 'micro'): true positives, false positives, false negatives."""
    counts: dict[str, Counter] = {}
    for entry in entries:
        names = set(BULLET_ELEMENTS if entry["kind"] == "bullet" else SUMMARY_ELEMENTS)
        key = lambda n, k=entry["kind"]: f"{n} ({k})" if n in {"scale", "quantified_impact"} else n  # noqa: E731
        gold = set(entry["elements"])
        found = {e.name for e in explain(entry["text"], entry["kind"])}
        for name in names:
            c = counts.setdefault(key(name), Counter())
            if name in gold and name in found:
                c["tp"] += 1
            elif name in found:
                c["fp"] += 1
            elif name in gold:
                c["fn"] += 1
    micro = Counter()
    for c in counts.values():
        micro.update(c)
    counts["micro"] = micro
    return counts


def table(title: str, counts: dict[str, Counter]) -> str:
    lines = [
        f"{title}",
        f"{'element':34} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5} {'tp':>4} {'fp':>4} {'fn':>4}",
    ]
    for name in sorted(counts, key=lambda n: (n == "micro", n)):
        c = counts[name]
        p, r, f = prf(c)
        gold = c["tp"] + c["fn"]
        lines.append(
            f"{name:34} {p:5.2f} {r:5.2f} {f:5.2f} {gold:5d} {c['tp']:4d} {c['fp']:4d} {c['fn']:4d}"
        )
    return "\n".join(lines)


def errors(entries: list[dict], name: str) -> str:
    out = []
    for entry in entries:
        gold = name in entry["elements"]
        found = [e for e in explain(entry["text"], entry["kind"]) if e.name == name]
        if gold != bool(found):
            tag = "FN" if gold else "FP " + ", ".join(repr(e.text) for e in found)
            out.append(f"{tag}: {entry['text']}")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", help="list the misses of one element name")
    parser.add_argument("--split", choices=("train", "test"), help="only this split")
    parser.add_argument("--batch", type=int, help="only this batch (entries without one: 1)")
    parser.add_argument("--real", type=Path, metavar="DIR", help="score labelled real text in DIR")
    args = parser.parse_args()
    if args.real:
        items = load_real(args.real)
        if args.errors:
            print("\n".join(real_errors(items, args.errors)))
        else:
            n_b = sum(i.kind == "bullet" for i in items)
            print(f"== {args.real}: {n_b} bullets, {len(items) - n_b} summaries")
            print(real_report(real_counts(items)))
        return
    entries = load_devset()
    if args.batch is not None:
        entries = [e for e in entries if e.get("batch", 1) == args.batch]
    splits = [args.split] if args.split else ["train", "test"]
    for split in splits:
        part = [e for e in entries if e.get("split", "train") == split]
        if args.errors:
            print(f"== {split}\n{errors(part, args.errors)}")
        else:
            n_b = sum(e["kind"] == "bullet" for e in part)
            print(table(f"== {split}: {n_b} bullets, {len(part) - n_b} summaries", score(part)))
            print()


if __name__ == "__main__":
    main()
