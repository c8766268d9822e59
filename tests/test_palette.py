"""The highlight palette a person can read: dark text at WCAG AA on every colour, pipeline
stages told apart, and weak spots in a hue no strength uses.

The colour arithmetic is written out here (small pure functions, checked against published
reference values) rather than taken from the renderer, so the test does not grade itself.
"""

from __future__ import annotations

import itertools
import math

import pytest

from resume_lessons.core.elements import ELEMENTS, explain, names_for
from resume_lessons.present import report_content
from resume_lessons.present.colours import edge_colour
from resume_lessons.present.render import (
    STYLE,
    TEXT_COLOUR,
    WEAK_ELEMENTS,
    color_of,
    highlight_html,
)

# ---- colour arithmetic -----------------------------------------------------------------


def _channels(colour: str) -> tuple[float, float, float]:
    h = colour.lstrip("#")
    assert len(h) == 6, colour
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def _linear(c: float) -> float:
    # WCAG 2.x relative luminance: the sRGB transfer curve undone.
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (_linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = (_linear(c) for c in _channels(colour))
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def hue_and_chroma(colour: str) -> tuple[float, float]:
    _, a, b = lab(colour)
    return math.degrees(math.atan2(b, a)) % 360, math.hypot(a, b)


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), kL = kC = kH = 1."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, a2)) % 360 if c2 else 0.0
    dl, dc = l2 - l1, c2 - c1
    if c1 * c2 == 0:
        dh = 0.0
    elif abs(h2 - h1) <= 180:
        dh = h2 - h1
    else:
        dh = h2 - h1 - 360 if h2 > h1 else h2 - h1 + 360
    d_hue = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_bar, c_bar = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_bar = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_bar = (h1 + h2) / 2
    else:
        h_bar = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_bar**7 / (c_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * c_bar
    s_h = 1 + 0.015 * c_bar * t
    r_t = -math.sin(math.radians(2 * theta)) * r_c
    return math.sqrt(
        (dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_hue / s_h) ** 2 + r_t * (dc / s_c) * (d_hue / s_h)
    )


def delta_e(a: str, b: str) -> float:
    return ciede2000(lab(a), lab(b))


def hue_gap(a: str, b: str) -> float:
    d = abs(hue_and_chroma(a)[0] - hue_and_chroma(b)[0]) % 360
    return min(d, 360 - d)


# ---- the arithmetic itself -------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [  # pairs 1, 2, 3, 7, 17 and 25 of Sharma, Wu and Dalal's CIEDE2000 test data
        ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
        ((50, 3.1571, -77.2803), (50, 0, -82.7485), 2.8615),
        ((50, 2.8361, -74.0200), (50, 0, -82.7485), 3.4412),
        ((50, 0, 0), (50, -1, 2), 2.3669),
        ((50, 2.5, 0), (73, 25, -18), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_the_published_test_data(a, b, want) -> None:
    assert ciede2000(a, b) == pytest.approx(want, abs=1e-4)
    assert ciede2000(b, a) == pytest.approx(want, abs=1e-4)


def test_contrast_matches_known_ratios() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic AA miss
    assert lab("#ffffff") == pytest.approx((100, 0, 0), abs=0.01)


# ---- the palette -----------------------------------------------------------------------

STAGES = [spec.name for spec in ELEMENTS if spec.name.startswith("stage.")]
STRENGTHS = [spec.name for spec in ELEMENTS if spec.name not in WEAK_ELEMENTS]
# ΔE00 about 1 is a just-noticeable difference between touching patches; a stage must be
# told from the others a line apart and matched to its legend chip, which takes many times
# that. The stage greens this palette replaced were 6.4 to 18.7 apart and read as one colour,
# 12 of their 15 pairs under 15: so 15 is the floor.
STAGE_DELTA_E = 15.0
# Any two other parts found in one kind of text: far enough apart to tell side by side, or
# the same colour on purpose (the experiment details share one).
KIND_DELTA_E = 8.0
# Weak spots are reds and oranges (CIELAB hue 15-65°: coral red to orange); every strength
# sits at least 40° of hue away, or is a grey that cannot pass for red.
WEAK_HUES = (15.0, 65.0)
HUE_GAP = 40.0
GREY_CHROMA = 6.0


@pytest.mark.parametrize("name", [spec.name for spec in ELEMENTS])
def test_text_on_every_highlight_meets_wcag_aa(name: str) -> None:
    assert contrast(TEXT_COLOUR, color_of(name)) >= 4.5


def test_highlights_set_the_text_colour_they_were_checked_with() -> None:
    text = "Responsible for the Spark pipeline that lifted CTR by 12%."
    html = highlight_html(text, explain(text, "bullet"))
    marks = html.count("<mark")
    assert marks and html.count(f"color:{TEXT_COLOUR}") >= marks


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(STAGES, 2)))
def test_pipeline_stages_are_told_apart(a: str, b: str) -> None:
    assert len(STAGES) == 6
    assert delta_e(color_of(a), color_of(b)) >= STAGE_DELTA_E, (a, b)


@pytest.mark.parametrize("kind", ["bullet", "summary"])
def test_parts_of_one_text_are_one_colour_each_or_clearly_apart(kind: str) -> None:
    close = [
        (a, b, round(delta_e(color_of(a), color_of(b)), 1))
        for a, b in itertools.combinations(names_for(kind), 2)
        if color_of(a) != color_of(b) and delta_e(color_of(a), color_of(b)) < KIND_DELTA_E
    ]
    assert not close


def test_weak_spots_are_red_or_orange() -> None:
    assert report_content.WEAK_ELEMENTS == WEAK_ELEMENTS
    for name in WEAK_ELEMENTS:
        hue, chroma = hue_and_chroma(color_of(name))
        assert WEAK_HUES[0] <= hue <= WEAK_HUES[1] and chroma >= 30, (name, hue, chroma)


@pytest.mark.parametrize("strength", STRENGTHS)
def test_no_strength_shares_a_hue_with_a_weak_spot(strength: str) -> None:
    colour = color_of(strength)
    _, chroma = hue_and_chroma(colour)
    for weak in WEAK_ELEMENTS:
        assert delta_e(colour, color_of(weak)) >= 20, (strength, weak)
        if chroma >= GREY_CHROMA:
            assert hue_gap(colour, color_of(weak)) >= HUE_GAP, (strength, weak)


TEXT_BOX = "#f8f9fa"  # the .rl-text background the lines under highlights are drawn on


@pytest.mark.parametrize("name", [spec.name for spec in ELEMENTS])
def test_the_line_under_each_highlight_is_visible(name: str) -> None:
    assert f"background:{TEXT_BOX}" in STYLE
    edge = edge_colour(color_of(name))
    assert contrast(edge, TEXT_BOX) >= 3.0  # WCAG 1.4.11, non-text contrast
    if hue_and_chroma(color_of(name))[1] >= GREY_CHROMA:  # same hue as the highlight
        assert hue_gap(edge, color_of(name)) <= 3
