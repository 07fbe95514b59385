"""The preposition detector: в/с/к/о that need their о-form."""

from __future__ import annotations

import pytest


def only_prepositions(corrector, text):
    return [f for f in corrector.check(text) if f.kind == "preposition"]


@pytest.mark.parametrize(
    "text, preposition, full_form, fixed",
    [
        ("Главное в взаимоотношении сторон — доверие.", "в", "во", "Главное во взаимоотношении сторон — доверие."),
        ("Критика с стороны союзников усилилась.", "с", "со", "Критика со стороны союзников усилилась."),
        ("Приходи к мне вечером.", "к", "ко", "Приходи ко мне вечером."),
        ("Он ничего не знает о мне.", "о", "обо", "Он ничего не знает обо мне."),
        ("Свет горел в всех окнах.", "в", "во", "Свет горел во всех окнах."),
        ("Она дружит с всеми соседями.", "с", "со", "Она дружит со всеми соседями."),
        ("Он готов к всему.", "к", "ко", "Он готов ко всему."),
        ("В мне проснулась надежда.", "В", "Во", "Во мне проснулась надежда."),
        ("Пойдём с мной в кино.", "с", "со", "Пойдём со мной в кино."),
        ("Встреча состоится в вторник.", "в", "во", "Встреча состоится во вторник."),
        ("Он служил в флоте три года.", "в", "во", "Он служил во флоте три года."),
        ("В Франции выбрали президента.", "В", "Во", "Во Франции выбрали президента."),
        ("Дверь закрылась с звоном.", "с", "со", "Дверь закрылась со звоном."),
        ("Он спал и видел это в сне.", "в", "во", "Он спал и видел это во сне."),
        ("Дождь шёл в время матча.", "в", "во", "Дождь шёл во время матча."),
        ("Эта задача в много раз сложнее.", "в", "во", "Эта задача во много раз сложнее."),
        ("С временем всё наладится.", "С", "Со", "Со временем всё наладится."),
    ],
)
def test_missing_o(corrector, text, preposition, full_form, fixed):
    [finding] = only_prepositions(corrector, text)
    assert finding.text == text[finding.start : finding.end] == preposition
    assert finding.suggestions[0].text == full_form
    assert finding.fix == full_form
    assert corrector.fix(text) == fixed


@pytest.mark.parametrize(
    "text, fixed",
    [
        ("Он часто говорил о истории края.", "Он часто говорил об истории края."),
        ("Мы долго спорили о этом решении.", "Мы долго спорили об этом решении."),
        ("Она думала о отце и о матери.", "Она думала об отце и о матери."),
    ],
)
def test_o_before_a_plain_vowel_takes_b(corrector, text, fixed):
    [finding] = only_prepositions(corrector, text)
    assert finding.text == "о" and finding.fix == "об"
    assert corrector.fix(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Мы говорили о ёлке и о юге.",  # a vowel beginning with «й»
        "О ужас! Что же теперь делать?",  # the interjection: «ужас» is no locative
        "О Аллах, помоги нам.",  # a capitalised name after the interjection
    ],
)
def test_o_stays_before_iotated_vowels_and_as_an_interjection(corrector, text):
    assert only_prepositions(corrector, text) == []


def test_o_before_their_is_only_offered(corrector):
    [finding] = only_prepositions(corrector, "Все помнят о их подвиге.")
    assert finding.suggestions[0].text == "об" and finding.fix is None


def test_varying_usage_is_only_offered(corrector):
    text = "Он рассказал о всех новостях."
    [finding] = only_prepositions(corrector, text)
    assert finding.suggestions[0].text == "обо" and finding.fix is None


@pytest.mark.parametrize(
    "text, fixed",
    [
        ("Автор рассказывает об Николае Петровиче.", "Автор рассказывает о Николае Петровиче."),
        ("Он вспоминал об родителях Базарова.", "Он вспоминал о родителях Базарова."),
    ],
)
def test_ob_before_a_consonant_is_o_where_only_the_locative_can_follow(corrector, text, fixed):
    assert corrector.fix(text) == fixed


@pytest.mark.parametrize("text", ["Он ударился об стену.", "Они шли бок об бок.", "Он споткнулся об камень."])
def test_ob_of_contact_before_an_accusative_stays(corrector, text):
    assert only_prepositions(corrector, text) == []


def test_ob_before_a_pronoun_is_only_offered(corrector):
    # «об чём», «об ней» are the literature's usage, not a slip
    [finding] = only_prepositions(corrector, "Об чём ты думаешь?")
    assert finding.suggestions[0].text == "О" and finding.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "Это было во время войны.",
        "Со мной всё в порядке.",
        "Мы летим в США с делегацией.",
        "Он живёт в Вьетнаме и пишет в ВКонтакте.",
        "Я видел это в фильме с Сергеем.",
        "Дом стоит в лесу, с краю.",
        "Об этом узнали в среду.",
        "К нам приехали гости из Москвы.",
        "С уважением, ваш сосед.",
    ],
)
def test_silent_on_clean_text(corrector, text):
    assert only_prepositions(corrector, text) == []
