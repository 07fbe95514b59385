"""Detectors as named units, the one confidence scale, and linear overlap resolution."""


from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka.calibration import EDIT_SOURCES, Calibration, fit, isotonic_knots, shipped_calibration
from pravka.cli import main
from pravka.corrector import KINDS
from pravka.detect import DETECTORS, DETECTORS_BY_NAME, OPT_IN, _TakenSpans
from pravka.explain import SOURCES, explain
from pravka.types import Finding, Suggestion


def test_every_finding_names_its_unit_and_the_unit_declares_its_kind(corrector):
    text = "Министр обьявила, что Poccийские и в в Женеве для ,новых встреч ктобы"
    findings = corrector.check(text)
    assert {f.detector for f in findings} >= {"nonword", "homoglyph", "repeat", "punctuation"}
    for finding in findings:
        assert finding.kind in DETECTORS_BY_NAME[finding.detector].kinds


def test_the_kinds_are_the_units_kinds():
    units = DETECTORS + OPT_IN  # the opt-in units (swaps) have kinds too
    assert set(KINDS) == {kind for detector in units for kind in detector.kinds}
    assert len({detector.name for detector in units}) == len(units)


def test_a_suggestion_records_the_units_that_shaped_it(corrector):
    [finding] = corrector.check("Прошли беседы с участием росийской делегации")
    best = finding.suggestions[0]
    assert best.source == "doubled"
    assert best.trail[0] == "noisy-channel" and best.trail[-1].startswith("calibration nonword/nonword raw ")


def test_explain_says_why_in_words(corrector):
    [typo] = corrector.check("Прошли беседы с участием росийской делегации")
    lines = explain(typo, corrector.threshold)
    assert lines[0].startswith("flagged by the nonword detector")
    assert "doubled letter" in lines[1]
    assert lines[-1].startswith("applied:")
    [blend] = corrector.check("Такова международная сторонтраница вопроса")
    assert explain(blend, corrector.threshold)[-1] == "not applied: the blend detector only offers its suggestions"


def test_every_candidate_source_the_learned_confidence_weighs_is_explained(corrector):
    assert set(EDIT_SOURCES) <= set(SOURCES)
    [finding] = corrector.check("Прошли учения диверстанов на полигоне")
    assert finding.suggestions[0].source == "two-edits"
    assert "two slips away" in explain(finding, corrector.threshold)[1]


def test_check_explain_prints_the_reasons_under_each_finding():
    result = CliRunner().invoke(main, ["check", "--explain", "-"], input="Прошли беседы с участием росийской делегации\n")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("<stdin>:1:26: nonword: «росийской»") or "«росийской»" in lines[0]
    assert lines[1].strip().startswith("flagged by the nonword detector")
    assert any(line.strip().startswith("applied:") for line in lines[1:])


def test_blends_are_never_applied_whatever_the_threshold(corrector):
    from pravka import Corrector

    eager = Corrector(threshold=0.0)
    [blend] = eager.check("Такова международная сторонтраница вопроса")
    assert blend.kind == "blend" and blend.fix is None


def test_pretokenized_text_resolves_overlaps_for_every_finding(corrector):
    # A space before every comma: one punctuation finding per comma, none lost to a quadratic cut-off.
    text = "слово , другое " * 3000
    findings = corrector.check(text)
    assert sum(f.kind == "punctuation" for f in findings) == 3000
    assert corrector.fix(text) == "слово, другое " * 3000


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 20)), max_size=60))
def test_taken_spans_accept_exactly_the_spans_that_overlap_nothing_taken(spans):
    taken, kept = _TakenSpans(), []
    for start, length in spans:
        end = start + length
        expected = not any(start < e and s < end for s, e in kept)
        assert taken.take(start, end) == expected
        if expected:
            kept.append((start, end))


@settings(max_examples=200)
@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=80), st.floats(0, 1), st.floats(0, 1))
def test_a_fitted_map_is_monotone_and_a_probability(pairs, a, b):
    calibration = Calibration({"g": isotonic_knots(pairs)})
    low, high = sorted((a, b))
    assert 0.0 <= calibration.probability("g", low) <= calibration.probability("g", high) <= 1.0


@given(st.integers(1, 60), st.integers(0, 60), st.sampled_from([0.6, 0.7, 0.9, 0.1 + 0.2]))
def test_one_raw_score_is_one_block_whatever_its_count(wrong, right, raw):
    # 0.6 × 3 / 3 is not 0.6 in floating point: a running mean once split one score into two knots,
    # and a rule's 53 right of 67 read as 17 %.
    knots = isotonic_knots([(raw, False)] * wrong + [(raw, True)] * right)
    assert len(knots) == 1
    (x, y), weight = knots[0], wrong + right
    assert x == round(raw, 3)
    assert abs(y - (right + 4.0 * x) / (weight + 4.0)) < 1e-3


def test_synthetic_only_groups_may_be_lowered_never_raised():
    samples = [("punctuation/punctuation", 0.6, True)] * 50 + [("repeat/repeat", 0.6, False)] * 50
    calibration = fit(samples, never_above_raw={"punctuation/punctuation", "repeat/repeat"})
    assert calibration.probability("punctuation/punctuation", 0.6) == 0.6
    assert calibration.probability("repeat/repeat", 0.6) < 0.2


@given(st.floats(0.01, 0.99), st.lists(st.floats(0, 1), max_size=4))
def test_calibrated_suggestions_stay_one_distribution_in_order(top, others):
    rest = 1.0 - top
    shares = [rest * x / (len(others) or 1) for x in sorted(others, reverse=True)]
    shares = [min(top, s) for s in shares]
    finding = Finding(0, 1, "x", "nonword", [Suggestion("a", top, "vowel"), *(Suggestion(str(i), s, "vowel") for i, s in enumerate(shares))], detector="nonword")
    calibrated = shipped_calibration().apply(finding).suggestions
    confidences = [s.confidence for s in calibrated]
    assert sum(confidences) <= 1.0 + 1e-9
    assert confidences == sorted(confidences, reverse=True)
    assert [s.text for s in calibrated] == [s.text for s in finding.suggestions]


def test_the_shipped_calibration_covers_the_units_that_fix(corrector):
    groups = shipped_calibration().knots
    for name in ("nonword/nonword", "nonword/glued", "homoglyph/homoglyph", "punctuation/punctuation", "split/split"):
        assert name in groups
