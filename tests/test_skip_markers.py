"""``<!-- pravka: off -->`` … ``<!-- pravka: on -->``: the span between is neither checked nor changed."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka.shells.markup import check_markup, fix_markup

OFF, ON = "<!-- pravka: off -->", "<!-- pravka: on -->"
DAMAGED = ["Беседы с участием росийской делегации.", "Вопросы безопастности обсудили.", "Газета обьявила итоги."]
CLEAN = ["Переговоры шли долго.", "Встреча прошла в Женеве."]


def skipped_spans(text):
    """Where the markers leave text alone, found independently of the module (a plain regex)."""
    return [(m.start(1), m.end(1)) for m in re.finditer(r"<!-- pravka: off -->(.*?)(<!-- pravka: on -->|\Z)", text, re.S)]


@pytest.mark.parametrize("fmt, paragraph", [("markdown", "{}\n\n"), ("html", "<p>{}</p>\n")])
def test_marked_span_is_skipped_and_the_rest_still_checked(corrector, fmt, paragraph):
    if fmt == "markdown":
        pytest.importorskip("markdown_it")
    text = (paragraph.format(DAMAGED[0]) + OFF + "\n\n" + paragraph.format(DAMAGED[1]) + ON + "\n\n"
            + paragraph.format(DAMAGED[2]))
    assert [f.text for f in check_markup(corrector, text, fmt)] == ["росийской", "обьявила"]
    fixed = fix_markup(corrector, text, fmt)
    assert "безопастности" in fixed and "российской" in fixed and "объявила" in fixed


def test_off_without_on_skips_to_the_end_and_case_and_spaces_do_not_matter(corrector):
    text = "<p>Беседы с участием росийской делегации.</p><!--PRAVKA:OFF--><p>Газета обьявила итоги.</p>"
    assert [f.text for f in check_markup(corrector, text, "html")] == ["росийской"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(DAMAGED + CLEAN + [OFF, ON]), min_size=1, max_size=8))
def test_property_nothing_between_markers_is_reported_or_changed(corrector, pieces):
    text = "".join(f"<p>{piece}</p>\n" if piece not in (OFF, ON) else piece + "\n" for piece in pieces)
    spans = skipped_spans(text)
    for finding in check_markup(corrector, text, "html"):
        assert not any(start <= finding.start < end for start, end in spans)
    fixed = fix_markup(corrector, text, "html")
    # The skipped spans come back byte for byte (fixes elsewhere only change lengths before them).
    assert [text[start:end] for start, end in spans] == [fixed[start:end] for start, end in skipped_spans(fixed)]
