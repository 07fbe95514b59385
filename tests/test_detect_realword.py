"""Real-word «-тся»/«-ться» slips, judged by the word before."""

import pytest


@pytest.mark.parametrize(
    "text, word, meant",
    [
        ("Он хочет учится в Москве.", "учится", "учиться"),
        ("Мне надо не торопится.", "торопится", "торопиться"),
        ("Дети будут учится летом.", "учится", "учиться"),
        ("Она учиться хорошо.", "учиться", "учится"),
    ],
)
def test_tsya_tsya_by_the_word_before(corrector, text, word, meant):
    [finding] = corrector.check(text)
    assert (finding.text, finding.kind, finding.suggestions[0].text) == (word, "context", meant)
    assert finding.fix is None  # reported, not applied: one word of context is not proof


@pytest.mark.parametrize(
    "text",
    ["Он учится хорошо и хочет учиться дальше.", "Шанс исправиться есть у всех.", "Дом строится третий год."],
)
def test_correct_forms_stay_silent(corrector, text):
    assert corrector.check(text) == []
