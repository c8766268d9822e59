"""How the kit's bullet scores order real bullets that a hiring manager rated 1-5, blind.

    python benchmarks/bench_ratings.py [--real ../shared/realtext] [--worst N]

Prints the Spearman rank correlation with the ratings (``ratings.jsonl``, LABELS.md) of:
the overall bullet score (``core.bullet_score``, the one ``explain`` and the report show), T4's
item score, a plain count of the elements found, and the bullet's length in words, side by
side. The texts are read from that folder at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from resume_lessons.core.analyze import score_item
from resume_lessons.core.bullet_score import score_bullet
from resume_lessons.core.elements import explain
from resume_lessons.core.techniques import get_technique

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "realtext"


def rated(folder: Path) -> list[tuple[str, int]]:
    texts = {}
    for line in (folder / "bullets.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    out = []
    for line in (folder / "ratings.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((texts[row["id"]], int(row["score"])))
    return out


def table(folder: Path) -> pd.DataFrame:
    t4 = get_technique("T4")
    rows = []
    for text, rating in rated(folder):
        rows.append(
            {
                "rating": rating,
                "bullet score": score_bullet(text).score,
                "T4 item score": score_item(text, "bullet", t4).score,
                "elements found": len({e.name for e in explain(text, "bullet")}),
                "length (words)": len(text.split()),
                "text": text,
            }
        )
    return pd.DataFrame(rows)


def spearman(df: pd.DataFrame) -> dict[str, float]:
    cols = ["bullet score", "T4 item score", "elements found", "length (words)"]
    return {c: float(df[[c, "rating"]].corr("spearman").iloc[0, 1]) for c in cols}


def bootstrap(df: pd.DataFrame, column: str, rounds: int = 1000) -> tuple[float, float]:
    """A 90% interval for the Spearman correlation of ``column``, resampling the bullets: how
    much the figure could move on another set of bullets rated the same way."""
    rng = np.random.default_rng(0)
    ranks = df[[column, "rating"]].rank().to_numpy()
    rhos = []
    for _ in range(rounds):
        pick = ranks[rng.integers(0, len(ranks), len(ranks))]
        rhos.append(np.corrcoef(pick[:, 0], pick[:, 1])[0, 1])
    low, high = np.nanpercentile(rhos, [5, 95])
    return float(low), float(high)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real", type=Path, default=DEFAULT, help="the realtext folder")
    ap.add_argument("--worst", type=int, default=0, help="list the N most misordered bullets")
    args = ap.parse_args(argv)
    if not (args.real / "ratings.jsonl").exists():
        print(f"no ratings.jsonl in {args.real}", file=sys.stderr)
        return 2
    df = table(args.real)
    print(f"{len(df)} rated bullets; Spearman correlation with the ratings:")
    figures = spearman(df)
    for name, rho in figures.items():
        print(f"  {name:16} {rho:+.3f}")
    gap = figures["bullet score"] - figures["length (words)"]
    print(f"  bullet score above length: {gap:+.3f}")
    low, high = bootstrap(df, "bullet score")
    print(f"  bullet score, 90% bootstrap interval: {low:+.3f} to {high:+.3f}")
    if args.worst:
        df["gap"] = df["bullet score"].rank(pct=True) - df["rating"].rank(pct=True)
        for _, row in (
            df.reindex(df.gap.abs().sort_values(ascending=False).index).head(args.worst).iterrows()
        ):
            print(f"  rated {row.rating}, scored {row['bullet score']:3}: {row.text[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
