"""The hyphenation detector: words wrapped across lines, invisible characters; and the layout
property shared by all four layout detectors (hyphenation, punctuation, repeat, preposition): a fix never
changes the number of lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

SOFT = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"


def only_hyphenation(corrector, text):
    return [f for f in corrector.check(text) if f.kind == "hyphenation"]


@pytest.mark.parametrize(
    "text, span, suggestion, fixed",
    [
        # the joined word is known, the pieces are not: join, move the break after the word
        ("Вопросы безопас-\nности обсудили в Женеве.", "безопас-\nности ", "безопасности\n",
         "Вопросы безопасности\nобсудили в Женеве."),
        # a soft hyphen before the break is always a typesetting break
        (f"Вопросы безопас{SOFT}\nности обсудили.", f"безопас{SOFT}\nности ", "безопасности\n",
         "Вопросы безопасности\nобсудили."),
        # punctuation glued to the word stays with it, before the break; \r\n is kept as it was
        ("Это вопрос безопас-\r\nности, и только.", "безопас-\r\nности, ", "безопасности,\r\n",
         "Это вопрос безопасности,\r\nи только."),
        # the indentation of the next line is kept
        ("Это вопрос безопас-\n    ности.", "безопас-\n    ности.", "безопасности.\n    ",
         "Это вопрос безопасности.\n    "),
        # a dictionary compound keeps its hyphen
        ("Заявил пресс-\nсекретарь президента.", "пресс-\nсекретарь ", "пресс-секретарь\n",
         "Заявил пресс-секретарь\nпрезидента."),
        ("Кто-\nто постучал в дверь.", "Кто-\nто ", "Кто-то\n", "Кто-то\nпостучал в дверь."),
        ("Флаг был красно-\nбелым, а не синим.", "красно-\nбелым, ", "красно-белым,\n",
         "Флаг был красно-белым,\nа не синим."),
        # the dictionary writes «сине-зелёный» with ё; the text's е still finds it
        ("Вода была сине-\nзеленой и холодной.", "сине-\nзеленой ", "сине-зеленой\n",
         "Вода была сине-зеленой\nи холодной."),
        # both pieces are words, but together they make a commoner one
        ("Вот при-\nмер задачи.", "при-\nмер ", "пример\n", "Вот пример\nзадачи."),
    ],
)
def test_line_breaks(corrector, text, span, suggestion, fixed):
    [finding] = only_hyphenation(corrector, text)
    assert text[finding.start : finding.end] == span
    assert finding.suggestions[0].text == suggestion
    assert corrector.fix(text) == fixed
    assert fixed.count("\n") == text.count("\n")


@pytest.mark.parametrize(
    "text, word, fixed",
    [
        (f"Вопросы бе{ZERO_WIDTH_SPACE}зопасности важны.", f"бе{ZERO_WIDTH_SPACE}зопасности",
         "Вопросы безопасности важны."),
        (f"Это слово с пере{SOFT}носом.", f"пере{SOFT}носом", "Это слово с переносом."),
        ("Ди\u200cре\u200dктор и \u2060по\ufeffмощник.", "Ди\u200cре\u200dктор", "Директор и помощник."),
        (f"Компания Micro{ZERO_WIDTH_SPACE}soft выпустила обновление.", f"Micro{ZERO_WIDTH_SPACE}soft",
         "Компания Microsoft выпустила обновление."),
    ],
)
def test_invisible_characters_are_removed(corrector, text, word, fixed):
    findings = only_hyphenation(corrector, text)
    assert findings[0].text == word
    assert all(f.suggestions[0].source == "invisible" and f.suggestions[0].confidence == 0.99 for f in findings)
    assert corrector.fix(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Заявил пресс-секретарь президента.",
        "Самолёт Ту-\n154 вылетел вовремя.",
        "Вирус COVID-19 изучают давно.",
        "Это очень-очень важно.",
        "Завод выпускает мясо-\nмолочную продукцию.",
        "Рядом открылась кафе-\nкондитерская.",
        "Погода хорошая —\nпора гулять.",
        "Пятьдесят-\nшестьдесят человек пришли.",
        "\ufeffФайл начинается с метки порядка байтов.",
        "Семья 👨\u200d👩\u200d👧 на фото.",
    ],
)
def test_silent_on_clean_text(corrector, text):
    assert only_hyphenation(corrector, text) == []


def test_a_name_broken_across_lines_is_only_offered(corrector):
    text = "Генсек Брюкхаймер-\nсон заявил."
    [finding] = only_hyphenation(corrector, text)
    assert finding.suggestions[0].text == "Брюкхаймерсон\n" and finding.fix is None


# Pieces for the layout property: damage of all four layout kinds, and clean text that looks like it.
PIECES = [
    "Вопросы безопас-", "ности обсудили.", f"пере{SOFT}", "носом", "пресс-", "секретарь", "бе\u200bзопасность",
    "для ,новых встреч", "Он ушёл, ,имея", "слово , далее", "конец.Начало", "т.е.", "Газеты.Ru", "3,14",
    "в в Женеве", "в", "что что-то", "очень-очень", "да да", "с стороны", "к мне", "во время",
    "Ту-154", "COVID-19", "«кавычки»", "—", ",", ".", "слово",
]
WHITESPACE = st.sampled_from([" ", "  ", "\n", "\r\n", "\t", "\u00a0", " \n ", "\n\n", ""])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), WHITESPACE), min_size=1, max_size=12))
def test_fix_never_changes_the_number_of_lines(corrector, parts):
    text = "".join(piece + space for piece, space in parts)
    assert line_count(corrector.fix(text)) == line_count(text)


def line_count(text: str) -> int:
    # The sentinel keeps a final line break counted: "a\n" and "a\nb" both hold two lines.
    return len((text + "x").splitlines())
