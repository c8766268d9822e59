"""Every element found is visible in the highlight, overlaps included, and the HTML stays safe.

The HTML is read back with the standard library's parser: for each character of the text,
the marks open around it (their data-element), the innermost mark's title and the line each
mark draws. That is what a reader sees, and it is checked against the elements found.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_lessons.core.elements import ELEMENTS, Element, explain
from resume_lessons.present.render import (
    PRIORITY,
    WEAK_ELEMENTS,
    element_label,
    highlight_html,
    shown_elements,
)

VOID = {"br", "img", "hr", "input", "meta", "link", "wbr"}


class Reading(HTMLParser):
    """Each text character with the stack of marks around it; fails on any tag left unclosed
    or closed out of order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict[str, str]]] = []
        self.chars: list[tuple[str, tuple[dict[str, str], ...]]] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag not in VOID:
            self.open.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        assert self.open and self.open[-1][0] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        marks = tuple(a for t, a in self.open if t == "mark")
        self.chars += [(c, marks) for c in data]


def read(fragment: str) -> Reading:
    r = Reading()
    r.feed(fragment)
    r.close()
    assert not r.open, f"unclosed: {r.open}"
    return r


def _line(mark: dict[str, str]) -> str:
    return re.search(r"padding:0 0 (\d+)px", mark["style"]).group(1)  # type: ignore[union-attr]


def check(text: str, elements: list[Element]) -> Reading:
    """The invariants: the text reads back unchanged, each character carries exactly the
    elements on it, the innermost mark is the most telling and its title names them all, and
    overlapping elements draw different lines."""
    r = read(highlight_html(text, elements))
    assert "".join(c for c, _ in r.chars) == text
    shown = shown_elements(text, elements)
    for i, (_c, marks) in enumerate(r.chars):
        on = {e.name for e in shown if e.start <= i < e.end}
        assert {m["data-element"] for m in marks} == on, (i, text)
        if not on:
            continue
        inner = marks[-1]
        assert PRIORITY[inner["data-element"]] == min(PRIORITY[n] for n in on)
        assert set(inner["title"].split(", ")) == {element_label(n) for n in on}
        lines = [_line(m) for m in marks]
        assert len(set(lines)) == len(lines), (i, marks)  # one line each, none hidden
    return r


def el(name: str, text: str, part: str, nth: int = 0) -> Element:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Element(name, start, start + len(part), part)


# ---- overlaps --------------------------------------------------------------------------


def test_two_overlapping_elements_both_show_and_the_title_names_both() -> None:
    text = "Raised search conversion by 4% in a test."
    inner = el("quantified_impact", text, "conversion by 4%")
    outer = el("business_impact", text, "Raised search conversion")
    out = highlight_html(text, [outer, inner])
    assert 'data-element="quantified_impact"' in out and 'data-element="business_impact"' in out
    assert 'title="quantified impact, business impact"' in out
    r = check(text, [outer, inner])
    # "conversion" carries both; "Raised search " and " by 4%" one each.
    by_char = {i: {m["data-element"] for m in marks} for i, (_, marks) in enumerate(r.chars)}
    assert by_char[text.index("conversion")] == {"quantified_impact", "business_impact"}
    assert by_char[0] == {"business_impact"} and by_char[text.index("4%")] == {"quantified_impact"}


def test_same_span_nested_and_crossing_overlaps() -> None:
    text = "Trained a LambdaMART ranker on click logs, cutting p99 latency by 30 ms."
    same = [el("model_type", text, "LambdaMART"), el("stage.training", text, "LambdaMART")]
    nested = [
        el("stage.training", text, "Trained a LambdaMART ranker"),
        el("model_type", text, "LambdaMART"),
    ]
    crossing = [
        el("stage.data", text, "ranker on click logs"),
        el("quantified_impact", text, "click logs, cutting p99"),
        el("scale", text, "logs, cutting"),
    ]
    for elements in (same, nested, crossing):
        check(text, elements)


def test_a_devset_text_with_three_deep_overlaps_shows_every_element() -> None:
    text = (
        "Shipped a LambdaMART search ranker that raised search conversion by 4%, measured in "
        "a 2-week A/B test on 10% of traffic."
    )
    found = explain(text, "bullet")
    r = check(text, found)
    shown = {m["data-element"] for _, marks in r.chars for m in marks}
    assert shown == {e.name for e in found}
    assert {"model_type", "stage.training", "experiment", "stage.experimentation"} <= shown


def test_one_element_found_twice_over_overlapping_words_is_one_highlight() -> None:
    text = "Drove a 9% lift in watch time."
    twice = [
        el("business_impact", text, "Drove a 9% lift"),
        el("business_impact", text, "9% lift in"),
    ]
    out = highlight_html(text, twice)
    assert out.count("<mark") == 1 and ">Drove a 9% lift in</mark>" in out


def test_spans_outside_the_text_and_empty_spans_show_nothing() -> None:
    text = "Built it."
    odd = [
        Element("scale", 5, 5, ""),
        Element("decision", 40, 50, "x"),
        Element("scale", -3, 5, ""),
    ]
    r = check(text, odd)
    assert [c for c, marks in r.chars if marks] == list("Built")


def test_only_limits_what_is_shown() -> None:
    text = "Cut latency by 30 ms with a two-tower model."
    found = explain(text, "bullet")
    out = highlight_html(text, found, only=["model_type"])
    assert set(re.findall(r'data-element="([^"]+)"', out)) == {"model_type"}


def test_weak_spots_have_a_wavy_underline_and_strengths_do_not() -> None:
    text = "Responsible for the ranking model that lifted CTR by 12%."
    found = explain(text, "bullet")
    r = check(text, found)
    marks = {m["data-element"]: m["style"] for _, ms in r.chars for m in ms}
    assert "weak_opening" in marks and "quantified_impact" in marks
    for name, style in marks.items():
        assert ("wavy" in style) == (name in WEAK_ELEMENTS), name


# ---- safety ----------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> lifted CTR by 12% "quoted"'


def test_overlapping_highlights_over_html_stay_text() -> None:
    names = [spec.name for spec in ELEMENTS]
    elements = [
        Element(
            names[i % len(names)],
            i * 7 % len(HOSTILE),
            min(len(HOSTILE), i * 7 % len(HOSTILE) + 25),
            "",
        )
        for i in range(12)
    ]
    out = highlight_html(HOSTILE, elements)
    assert "<script" not in out and "<img" not in out
    check(HOSTILE, elements)
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == HOSTILE


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="ab <>&\"'é🚀\n", min_size=0, max_size=40),
    spans=st.lists(
        st.tuples(
            st.sampled_from([spec.name for spec in ELEMENTS]),
            st.integers(-2, 42),
            st.integers(-2, 42),
        ),
        max_size=8,
    ),
)
def test_any_spans_over_any_text_nest_and_show(text: str, spans) -> None:  # type: ignore[no-untyped-def]
    elements = [Element(n, min(a, b), max(a, b), "") for n, a, b in spans]
    check(text, elements)


def test_dollar_signs_in_a_lesson_output_are_never_typeset_as_math() -> None:
    from resume_lessons.notebook.lessons import Shown
    from resume_lessons.present.render import highlight_html, no_math

    text = 'Cut cost per query from $4.10 to $1.60 <b title="$x$">'
    out = Shown(highlight_html(text, [])).__repr__()
    assert "$4.10" in out
    shown = Shown(f'<p title="a $ sign">{highlight_html(text, [])}</p>')._repr_html_()
    # no text between two tags holds a "$" beside other characters: each stands alone
    for piece in re.split(r"<[^>]*>", shown):
        assert "$" not in piece or piece == "$", piece
    assert 'title="a $ sign"' in shown  # attributes are left as written
    assert no_math("<p>no dollars</p>") == "<p>no dollars</p>"
