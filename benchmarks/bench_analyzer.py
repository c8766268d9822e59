"""Speed of the element finder: bullets per second, and the per-keystroke time of a widget.

Generates 10,000+ varied bullets from the devset by substitution, times ``explain`` over all
of them (each text once, so no cache helps), then times what a widget does per keystroke:
``score_item`` plus the kit's HTML highlight of the elements (``render.highlight_html``), and
the analysis of whole resumes (``analyze`` over the bundled samples). The first pass starts
with an empty lemma cache (``lemmas.keys``), so it is reported on its own line.

CPU time (``time.process_time``) is reported next to wall time: on a shared machine the wall
clock also counts other processes.

Usage: python benchmarks/bench_analyzer.py [--n 10000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

import yaml

from resume_lessons.core import lemmas
from resume_lessons.core.analyze import analyze, score_item
from resume_lessons.core.bullet_score import score_bullet
from resume_lessons.core.elements import explain
from resume_lessons.core.locations import with_text
from resume_lessons.core.profile import load_profile
from resume_lessons.core.techniques import TECHNIQUES
from resume_lessons.formats import load_resume
from resume_lessons.present.render import highlight_html

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "data" / "elements_devset.yaml"
RESUMES = sorted((ROOT / "resume_lessons" / "samples").glob("**/*.yaml"))
SWAPS = {
    "CTR": ["conversion", "retention", "watch time", "revenue", "NDCG", "recall"],
    "latency": ["cost", "p99 latency", "training time", "error rate"],
    "XGBoost": ["LightGBM", "BERT", "a two-tower model", "logistic regression"],
    "Spark": ["Flink", "Beam", "BigQuery", "dbt"],
    "users": ["listeners", "customers", "merchants", "devices"],
    "Built": ["Designed", "Developed", "Shipped", "Led"],
}


def varied_bullets(n: int, seed: int = 7) -> list[str]:
    """n distinct bullets: devset bullets with numbers, metrics, models and verbs swapped."""
    rng = random.Random(seed)
    base = [e["text"] for e in yaml.safe_load(DEVSET.read_text(encoding="utf-8"))]
    base = [b for b in base if b.strip()]
    out: set[str] = set()
    while len(out) < n:
        text = rng.choice(base)
        for word, options in SWAPS.items():
            if word in text and rng.random() < 0.6:
                text = text.replace(word, rng.choice(options))
        digits = [c for c in text if c.isdigit()]
        if digits:
            text = text.replace(rng.choice(digits), str(rng.randint(1, 9)), 1)
        if rng.random() < 0.3:
            text = text.lower().rstrip(".")
        if rng.random() < 0.3:
            text += f" across {rng.randint(2, 90)} {rng.choice(['teams', 'markets', 'surfaces'])}"
        out.add(text)
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the bullets")
    args = parser.parse_args()
    profile = load_profile()
    bullets = varied_bullets(args.n)
    explain("warm up the profile cache", "bullet", profile)
    lemmas.keys.cache_clear()

    # explain keeps no per-text cache, so every pass does the full work on every bullet.
    cpu_times, wall_times = [], []
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        for text in bullets:
            explain(text, "bullet", profile)
        wall_times.append(time.perf_counter() - wall)
        cpu_times.append(time.process_time() - cpu)
    n = len(bullets)
    print(f"explain: {n} bullets per pass ({len(set(bullets))} distinct), {args.repeat} passes")
    print(f"  first pass, empty lemma cache: {n / cpu_times[0]:,.0f} bullets/s (CPU)")
    for label, times in (("CPU time ", cpu_times), ("wall time", wall_times)):
        best, median = min(times), statistics.median(times)
        print(
            f"  {label}: {n / best:,.0f} bullets/s best pass ({best / n * 1e6:.1f} µs/bullet), "
            f"{n / median:,.0f} median"
        )

    # What a rewrite widget computes per keystroke: the technique's own checklist on the
    # item (T4) or on the whole resume with the item in place (T2), the bullet score, the
    # highlight, and all seven techniques on the whole resume (the line saying which other
    # techniques the rewrite moves). The bullets are scored as work[0].highlights[0] of the
    # sample resume.
    sample = load_resume(RESUMES[0])
    for code, scope in (("T4", "item"), ("T2", "resume")):
        technique = next(t for t in TECHNIQUES if t.code == code)
        walls, cpus = [], []
        for text in bullets[:1000]:
            wall, cpu = time.perf_counter(), time.process_time()
            where = (
                {"resume": sample, "location": "work[0].highlights[0]"} if scope == "resume" else {}
            )
            scored = score_item(text, "bullet", technique, profile, **where)
            score_bullet(text, profile, scored.elements)
            highlight_html(text, scored.elements)
            # and every technique on the whole resume, for "this rewrite also changes …"
            analyze(with_text(sample, "work[0].highlights[0]", text), profile)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        print(
            f"per keystroke, {code} {scope} score + bullet score + highlight + the other "
            "techniques, 1,000 distinct "
            "bullets:"
        )
        for label, times in (("CPU time ", cpus), ("wall time", walls)):
            q = statistics.quantiles(times, n=100)
            print(f"  {label}: p50 {q[49]:.3f} ms, p95 {q[94]:.3f} ms, max {max(times):.3f} ms")

    resumes = []
    for path in RESUMES:
        try:
            resumes.append((path.name, load_resume(path)))
        except Exception:
            continue
    times = []
    for _ in range(20):
        for _, resume in resumes:
            cpu = time.process_time()
            analyze(resume)
            times.append((time.process_time() - cpu) * 1000)
    bullets_per = statistics.mean(
        sum(len(w.highlights) for w in r.work) + sum(len(p.highlights) for p in r.projects)
        for _, r in resumes
    )
    print(
        f"whole resume (analyze, {len(resumes)} sample resumes of {bullets_per:.0f} bullets on "
        f"average, 20 rounds): CPU median {statistics.median(times):.2f} ms, "
        f"p95 {statistics.quantiles(times, n=20)[18]:.2f} ms"
    )


if __name__ == "__main__":
    main()
