"""Matplotlib figures from analysis results. No pyplot state and no global rcParams changes.

Labels carry learner text (role titles, names), so every text artist is plain text: no
mathtext ('$...$' in "Eng $\\foo{x$" would fail the drawing) and no LaTeX.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import Any

from matplotlib import colormaps
from matplotlib.figure import Figure

from ..core.analyze import Analysis
from ..core.locations import role_of
from ..core.profile import STAGES

BEFORE_COLOR = "#adb5bd"
AFTER_COLOR = "#1971c2"
PLAIN: dict[str, Any] = {"parse_math": False, "usetex": False}  # for every text artist


def score_bars(
    scores: dict[str, int],
    before: dict[str, int] | None = None,
    *,
    title: str = "Score per technique",
) -> Figure:
    """Horizontal bars per technique (T1–T7); with `before`, paired before/after bars."""
    codes = [c for c in scores if c != "overall"]
    fig = Figure(figsize=(6.4, 0.45 * len(codes) + 1.2), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    ys = list(range(len(codes)))[::-1]
    height = 0.38 if before else 0.6
    if before:
        ax.barh(
            [y + height / 2 for y in ys],
            [before.get(c, 0) for c in codes],
            height,
            color=BEFORE_COLOR,
            label="before",
        )
    bars = ax.barh(
        [y - (height / 2 if before else 0) for y in ys],
        [scores[c] for c in codes],
        height,
        color=AFTER_COLOR,
        label="after" if before else "score",
    )
    ax.bar_label(bars, padding=2, fontsize="small", **PLAIN)
    ax.set_yticks(ys, codes, **PLAIN)
    ax.set_xlim(0, 108)
    ax.set_xlabel("score (0–100)", **PLAIN)
    ax.set_title(title, **PLAIN)
    if before:
        legend = fig.legend(loc="outside lower center", ncols=2, fontsize="small")
        for text in legend.get_texts():
            text.set(**PLAIN)
    ax.grid(axis="x", alpha=0.3)
    return fig


def coverage_matrix(analysis: Analysis) -> tuple[list[str], list[str], list[list[int]]]:
    """Bullets per (stage, role): the rows are stages, the columns roles."""
    roles: list[str] = []
    keys: list[str] = []
    for item in analysis.items:
        if item.kind != "bullet":
            continue
        key = item.location.split(".highlights", 1)[0]
        if key not in keys:
            keys.append(key)
            section, index = key.split("[")
            roles.append(role_of(analysis.resume, section, int(index.rstrip("]"))) or key)
    counts = [[0] * len(keys) for _ in STAGES]
    for item in analysis.items:
        if item.kind != "bullet":
            continue
        col = keys.index(item.location.split(".highlights", 1)[0])
        names = {e.name for e in analysis.elements.get(item.location, [])}
        for row, stage in enumerate(STAGES):
            counts[row][col] += f"stage.{stage}" in names
    return list(STAGES), roles, counts


def coverage_heatmap(analysis: Analysis, *, title: str = "Pipeline coverage") -> Figure:
    """Bullets per stage and role; the colour scale counts whole bullets (0, 1, 2, …)."""
    stages, roles, counts = coverage_matrix(analysis)
    return heatmap(counts, stages, roles, title=title, cbar_label="bullets", counts=True)


LABEL_WIDTH, LABEL_LINES = 24, 2


def _wrapped(label: str) -> str:
    """A column's label on up to two lines of ``LABEL_WIDTH``: "Senior ML Engineer,\nFreshRoute
    Logistics", not "Senior ML Engineer, Fre…" (two roles at one title stay apart)."""
    return textwrap.fill(
        label, LABEL_WIDTH, max_lines=LABEL_LINES, placeholder="…", break_long_words=True
    )


def heatmap(
    values: Sequence[Sequence[float]],
    rows: Sequence[str],
    cols: Sequence[str],
    *,
    title: str = "",
    cbar_label: str = "",
    vmax: float | None = None,
    counts: bool = False,
) -> Figure:
    """A labelled heatmap with the value written in each cell.

    With ``counts`` the values are whole numbers: one colour step per count, from 0 to the
    largest (at least 1), and the colour bar ticks only whole numbers.
    """
    width = max(4.5, 0.9 * len(cols) + 2.5)
    fig = Figure(figsize=(width, 0.45 * len(rows) + 1.8), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    data = [list(r) for r in values] or [[0]]
    largest = max((max(r) for r in data if r), default=0)
    if counts:
        steps = int(max(1, vmax if vmax is not None else largest))
        cmap = colormaps["Blues"].resampled(steps + 1)
        image = ax.imshow(data, cmap=cmap, aspect="auto", vmin=-0.5, vmax=steps + 0.5)
    else:
        image = ax.imshow(data, cmap="Blues", aspect="auto", vmin=0, vmax=vmax)
    ax.set_yticks(range(len(rows)), rows, **PLAIN)
    ax.set_xticks(
        range(len(cols)),
        [_wrapped(c) for c in cols],
        rotation=30,
        ha="right",
        **PLAIN,
    )
    top = vmax if vmax is not None else largest
    for r, row in enumerate(data):
        for c, v in enumerate(row):
            ax.text(
                c,
                r,
                f"{v:g}",
                ha="center",
                va="center",
                color="white" if top and v > top * 0.6 else "black",
                fontsize="small",
                **PLAIN,
            )
    if title:
        ax.set_title(title, **PLAIN)
    bar = fig.colorbar(image, ax=ax, shrink=0.8)
    if counts:
        stride = -(-(steps + 1) // 8)  # at most 8 ticks
        bar.set_ticks(range(0, steps + 1, stride))
    bar.set_label(cbar_label, **PLAIN)
    return fig


def to_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def show(fig: Figure) -> None:
    """Display a figure as a static PNG output (kept by papermill and nbconvert exports)."""
    from IPython.display import Image, display

    display(Image(data=to_png(fig), format="png"))
