"""The line colour drawn under a highlight: the highlight's own hue, dark enough to see.

A highlight colour is light (dark text must read on it); the line under it, and the wavy line
under a weak spot, take the same hue at CIELAB lightness 45, which keeps at least 3:1 against
the light text box (WCAG's floor for lines and other non-text marks). Pure sRGB/CIELAB
arithmetic, D65 white.
"""

from __future__ import annotations

import math
from functools import lru_cache

_WHITE = (0.95047, 1.0, 1.08883)
_TO_XYZ = (
    (0.4124564, 0.3575761, 0.1804375),
    (0.2126729, 0.7151522, 0.0721750),
    (0.0193339, 0.1191920, 0.9503041),
)
_TO_RGB = (
    (3.2404542, -1.5371385, -0.4985314),
    (-0.9692660, 1.8760108, 0.0415560),
    (0.0556434, -0.2040259, 1.0572252),
)
_EPS, _KAPPA = 216 / 24389, 24389 / 27


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encoded(c: float) -> float:
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def to_lab(colour: str) -> tuple[float, float, float]:
    h = colour.lstrip("#")
    rgb = [_linear(int(h[i : i + 2], 16) / 255) for i in (0, 2, 4)]
    xyz = [
        sum(m * c for m, c in zip(row, rgb, strict=True)) / w
        for row, w in zip(_TO_XYZ, _WHITE, strict=True)
    ]
    fx, fy, fz = (t ** (1 / 3) if t > _EPS else (_KAPPA * t + 16) / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def from_lab(lightness: float, a: float, b: float) -> str | None:
    """The sRGB colour, or None when it lies outside sRGB."""
    fy = (lightness + 16) / 116
    fs = (fy + a / 500, fy, fy - b / 200)
    xyz = [
        (f**3 if f**3 > _EPS else (116 * f - 16) / _KAPPA) * w
        for f, w in zip(fs, _WHITE, strict=True)
    ]
    rgb = [sum(m * c for m, c in zip(row, xyz, strict=True)) for row in _TO_RGB]
    if any(c < -1e-4 or c > 1 + 1e-4 for c in rgb):
        return None
    return "#" + "".join(f"{round(_encoded(min(max(c, 0.0), 1.0)) * 255):02x}" for c in rgb)


@lru_cache(maxsize=256)
def edge_colour(colour: str, lightness: float = 45.0) -> str:
    """The highlight's hue at the given CIELAB lightness, as saturated as sRGB allows (up to
    twice the highlight's own chroma); a grey stays grey."""
    _, a, b = to_lab(colour)
    chroma = math.hypot(a, b)
    if chroma < 1:
        return from_lab(lightness, 0.0, 0.0) or "#6c6c6c"
    want = min(2 * chroma, 90.0)
    while want > 0:
        found = from_lab(lightness, a / chroma * want, b / chroma * want)
        if found:
            return found
        want -= 1
    return from_lab(lightness, 0.0, 0.0) or "#6c6c6c"
