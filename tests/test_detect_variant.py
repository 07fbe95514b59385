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
