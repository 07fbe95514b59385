"""Invariants of check/fix on arbitrary mixes of real Russian text, noise and whitespace."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pravka.apply import apply_fixes

PIECES = [
    "В понедельник прошли беседы", "с участием росийской делегации", "вопросы безопастности",
    "ктобы ни говорил", "Poccия", "ёлка", "Ту-154", "https://пример.рф/а?б=1", "«Газеты.Ru»", "…", "—",
    "пресс-секретарь", "РОСИЙСКОЙ", "Столтенберг", "для ,новых встреч", "безопас-\nности", "в в Женеве",
    "\u00ad", "\u200b", "😀", "x", "123", "ABC",
]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=8)),
    max_size=12,
).flatmap(lambda parts: st.lists(st.sampled_from([" ", "  ", "\n", "\t", "", "\r\n", ", "]), min_size=len(parts), max_size=len(parts)).map(lambda seps: "".join(p + s for p, s in zip(parts, seps))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_fix_changes_only_the_reported_spans(corrector, text):
    findings = corrector.check(text)
    fixed = corrector.fix(text)
    assert fixed == apply_fixes(text, findings)
    position = 0
    rebuilt = []
    for finding in sorted(findings, key=lambda f: f.start):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        if finding.fix is None or finding.start < position:
            continue
        rebuilt.append(text[position : finding.start])
        rebuilt.append(finding.fix)
        position = finding.end
    rebuilt.append(text[position:])
    assert fixed == "".join(rebuilt)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_text_without_applied_fixes_comes_back_unchanged(corrector, text):
    if all(f.fix is None for f in corrector.check(text)):
        assert corrector.fix(text) == text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_fix_keeps_the_number_of_lines(corrector, text):
    assert corrector.fix(text).count("\n") == text.count("\n")
