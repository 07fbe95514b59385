"""The repeat detector: a word typed twice, and the doublings people mean."""

from __future__ import annotations

import pytest


def only_repeats(corrector, text):
    return [f for f in corrector.check(text) if f.kind == "repeat"]


@pytest.mark.parametrize(
    "text, span, fixed",
    [
        ("Переговоры прошли в в Женеве.", " в", "Переговоры прошли в Женеве."),
        ("Он сказал, что что придёт позже.", " что", "Он сказал, что придёт позже."),
        ("Я не не хочу туда идти.", " не", "Я не хочу туда идти."),
        ("Мы говорили о о погоде и и о ценах.", " о", "Мы говорили о погоде и о ценах."),
        ("В в городе идёт дождь.", " в", "В городе идёт дождь."),
        # a line break between the copies stays; the second copy goes with the space after it
        ("Переговоры прошли в\nв Женеве.", "в ", "Переговоры прошли в\nЖеневе."),
    ],
)
def test_doubled_function_words_are_removed(corrector, text, span, fixed):
    findings = only_repeats(corrector, text)
    assert findings and text[findings[0].start : findings[0].end] == span
    assert all(f.suggestions[0].text == "" and f.suggestions[0].confidence >= 0.95 for f in findings)
    assert corrector.fix(text) == fixed


@pytest.mark.parametrize("text, hyphened", [("Она была очень очень доброй.", "очень-очень"), ("Мы шли долго долго.", "долго-долго")])
def test_a_doubled_adverb_is_offered_with_a_hyphen_first(corrector, text, hyphened):
    [finding] = only_repeats(corrector, text)
    assert [s.text for s in finding.suggestions] == ["-" + hyphened.split("-")[1], ""]
    assert finding.fix is None
    assert hyphened in text[: finding.start] + finding.suggestions[0].text + text[finding.end :]


def test_a_doubled_content_word_is_only_offered(corrector):
    text = "На холме стоял дом дом с красной крышей."
    [finding] = only_repeats(corrector, text)
    assert finding.text == " дом" and finding.suggestions[0].text == ""
    assert finding.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "Это очень-очень важно.",
        "Я знаю, что что-то не так.",
        "Да да, конечно, приходи.",
        "Нет нет, я не против.",
        "Ну ну, посмотрим.",
        "Так так, что тут у нас?",
        "Тук тук, кто там?",
        "Он еле еле дошёл до дома.",
        "Подожди чуть чуть, я скоро.",
        "Ха ха, очень смешно.",
        "Мы отдыхали на острове Бора Бора.",
        "Кто был, тот был.",
        "Он повторял: «в, в, в».",
    ],
)
def test_silent_on_intended_doublings(corrector, text):
    assert only_repeats(corrector, text) == []
