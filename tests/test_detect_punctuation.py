"""The punctuation detector: stray and doubled marks, spaces on the wrong side of a mark."""

from __future__ import annotations

import pytest


def only_punctuation(corrector, text):
    return [f for f in corrector.check(text) if f.kind == "punctuation"]


@pytest.mark.parametrize(
    "text, span, suggestion, fixed",
    [
        # a comma between a preposition and its noun cannot stand: delete it
        ("Мы ждём от этого года для ,новых встреч.", " ,", " ", "Мы ждём от этого года для новых встреч."),
        # before a conjunction or a relative word the comma belongs: move the space
        ("Она сказала ,что приедет завтра.", " ,", ", ", "Она сказала, что приедет завтра."),
        ("Это дом ,который построил Джек.", " ,", ", ", "Это дом, который построил Джек."),
        ("Он хотел уйти ,но остался.", " ,", ", ", "Он хотел уйти, но остался."),
        ("Он вышел из дома ,имея при себе зонт.", " ,", ", ", "Он вышел из дома, имея при себе зонт."),
        # a doubled comma, with and without spaces
        ("Он ушёл, ,имея на то причины.", ", ,", ", ", "Он ушёл, имея на то причины."),
        ("Мы купили хлеб,, молоко и сыр.", ",, ", ", ", "Мы купили хлеб, молоко и сыр."),
        ("Сначала дождь , , потом снег.", " , , ", ", ", "Сначала дождь, потом снег."),
        # a space before a mark
        ("Утром , как обычно, он бегал.", " ,", ",", "Утром, как обычно, он бегал."),
        ("Выводы таковы : цены растут.", " :", ":", "Выводы таковы: цены растут."),
        ("Так закончился день .", " .", ".", "Так закончился день."),
        ("Итак :начнём работу.", " :", ": ", "Итак: начнём работу."),
        ("Поезд ушёл .Мы остались на перроне.", " .", ". ", "Поезд ушёл. Мы остались на перроне."),
        # no space after a sentence end
        ("Все ушли домой.Наступила тишина.", ".", ". ", "Все ушли домой. Наступила тишина."),
        ("Кто там?Никого нет.", "?", "? ", "Кто там? Никого нет."),
        ("Он сказал «нет».Мы поняли.", ".", ". ", "Он сказал «нет». Мы поняли."),
        # «вазе» also reads as the abbreviation ВАЗ, but a word first; «лосяра» is unknown but long
        ("Цветы стояли в вазе.Продавцы ушли.", ".", ". ", "Цветы стояли в вазе. Продавцы ушли."),
        ("Вот такой лосяра.Особенно зимой.", ".", ". ", "Вот такой лосяра. Особенно зимой."),
        # no space after a comma between words
        ("Яблоки,груши и сливы.", ",", ", ", "Яблоки, груши и сливы."),
    ],
)
def test_fixes(corrector, text, span, suggestion, fixed):
    [finding] = only_punctuation(corrector, text)
    assert text[finding.start : finding.end] == span == finding.text
    assert finding.suggestions[0].text == suggestion
    assert finding.suggestions[0].confidence >= 0.95
    assert corrector.fix(text) == fixed


def test_an_undecidable_comma_is_offered_not_applied(corrector):
    text = "Красивые ,новые дома стоят вдоль реки."
    [finding] = only_punctuation(corrector, text)
    assert [s.text for s in finding.suggestions] == [", ", " "]
    assert finding.fix is None
    assert corrector.fix(text) == text


def test_a_brand_name_with_a_period_is_only_offered(corrector):
    text = "Деньги пришли через Яндекс.Деньги вчера."
    [finding] = only_punctuation(corrector, text)
    assert finding.text == "." and finding.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "Это, т.е. главное, было сделано.",
        "Об этом пишет Газеты.Ru со ссылкой на источник.",
        "Поэт А.С.Пушкин родился в Москве.",
        "Число пи равно 3.14, а не 3,14159.",
        "Он жил на ул.Ленина, в доме 5.",
        "Лекцию читал доц.Сидоров, а не проф.Иванов.",
        "Это было в 2020 г.Потом всё изменилось.",
        "Встреча закончилась со счётом 2 : 1.",
        "Привет :-) как дела?",
        "Смотрите сайт https://example.ru/news.Главное — подробности.",
        "Мы купили хлеб, молоко и сыр.",
        "«Всё будет хорошо», — сказал он… и ушёл.",
        "Самолёт Ту-154 и вирус COVID-19 — разные вещи.",
        "Он пришёл домой, поужинал и лёг спать.",
        "Домен сайт .рф ещё молод.",
        "Первая строка\n, вторая строка.",
    ],
)
def test_silent_on_clean_text(corrector, text):
    assert only_punctuation(corrector, text) == []
