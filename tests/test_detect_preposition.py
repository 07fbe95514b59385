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


def test_varying_usage_is_only_offered(corrector):
    text = "Он рассказал о всех новостях."
    [finding] = only_prepositions(corrector, text)
    assert finding.suggestions[0].text == "обо" and finding.fix is None


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
