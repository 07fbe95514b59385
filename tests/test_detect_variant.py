"""Forms the dictionary knows only as misspellings or distortions («ето», «тайланд»)."""

import pytest


@pytest.mark.parametrize(
    "text, word, meant",
    [
        ("Ето был самый длинный день.", "Ето", "Это"),
        ("Чо-то не спится.", "Чо-то", "Что-то"),
        ("Он спросил, што случилось.", "што", "что"),
        ("Мы летали в Тайланд прошлой зимой.", "Тайланд", "Таиланд"),
        ("Работы было многа, а денег мало.", "многа", "много"),
        ("Я седня никуда не пойду.", "седня", "сегодня"),
        # marked informal, and never written in edited prose, which writes the standard form
        ("Прийдя домой, он сразу лёг спать.", "Прийдя", "Придя"),
        ("Тебе прийдется подождать.", "прийдется", "придется"),
        ("Они видют нас насквозь.", "видют", "видят"),
    ],
)
def test_marked_variants_are_fixed_to_the_standard_form(corrector, text, word, meant):
    [finding] = corrector.check(text)
    assert (finding.text, finding.kind, finding.fix) == (word, "variant", meant)
    assert corrector.fix(text) == text.replace(word, meant)


@pytest.mark.parametrize(
    "text",
    [
        # Marked only as informal, and not in the curated respellings: ordinary style.
        "Звёзды движутся по своим орбитам.",
        "Иван Андреич вышел на крыльцо.",
        "Мы долго мучались с этой задачей.",
        # Ordinary words whose other readings are not marked.
        "Это было давно, что уж теперь.",
    ],
)
def test_informal_and_ordinary_forms_stay_silent(corrector, text):
    assert [f for f in corrector.check(text) if f.kind == "variant"] == []


def test_informal_forms_need_the_usage_model_to_be_reported():
    from pravka import Corrector

    assert [f.kind for f in Corrector(usage_model=False).check("Прийдя домой, он лёг.")] == []


def test_an_informal_form_that_is_another_word_of_the_lexeme_is_not_a_misspelling(corrector):
    # «Палыч» is never written in edited prose either, but it is a name of its own, not «Павлович» misspelt
    assert [f for f in corrector.check("Пришёл Палыч с удочкой.") if f.kind == "variant"] == []
