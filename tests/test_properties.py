"""Invariants of check/fix on arbitrary mixes of real Russian text, noise and whitespace."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = [
    "В понедельник прошли беседы", "с участием росийской делегации", "вопросы безопастности",
    "ктобы ни говорил", "Poccия", "ёлка", "Ту-154", "https://пример.рф/а?б=1", "«Газеты.Ru»", "…", "—",
    "пресс-секретарь", "РОСИЙСКОЙ", "Столтенберг", "для ,новых встреч", "безопас-\nности", "в в Женеве",
    "\u00ad", "\u200b", "😀", "x", "123", "ABC",
    "#тег#" * 9,  # more than a calibration window without a space
]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=8)),
    max_size=12,
).flatmap(lambda parts: st.lists(st.sampled_from([" ", "  ", "\n", "\t", "", "\r\n", ", "]), min_size=len(parts), max_size=len(parts)).map(lambda seps: "".join(p + s for p, s in zip(parts, seps))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_fix_changes_only_the_reported_spans(corrector, text):
    findings = corrector.check(text)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
    applied = sorted((f for f in findings if f.fix is not None), key=lambda f: f.start)
    fixed = corrector.fix(text)
    # Every stretch of the input between applied fixes must reappear, in order, byte for byte.
    edges = [0] + [edge for f in applied for edge in (f.start, f.end)] + [len(text)]
    cursor = 0
    for start, end in zip(edges[::2], edges[1::2]):
        kept = text[start:end]
        found = fixed.find(kept, cursor) if start else (0 if fixed.startswith(kept) else -1)
        assert found >= 0, (kept, fixed)
        cursor = found + len(kept)
    assert fixed.endswith(text[edges[-2] :])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_text_without_applied_fixes_comes_back_unchanged(corrector, text):
    if all(f.fix is None for f in corrector.check(text)):
        assert corrector.fix(text) == text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_fix_keeps_the_number_of_lines(corrector, text):
    assert corrector.fix(text).count("\n") == text.count("\n")
