"""OCR confusions: digits and і for Cyrillic letters, same-shape letter swaps."""

import pytest


@pytest.mark.parametrize(
    "damaged, meant",
    [("н0вых", "новых"), ("3дание", "здание"), ("6ыло", "было"), ("4тобы", "чтобы"), ("бьіло", "было"), ("сіода", "сюда"), ("Н0ВЫЙ", "НОВЫЙ")],
)
def test_digits_and_i_inside_cyrillic_words(corrector, damaged, meant):
    [finding] = corrector.check(f"Мы видели {damaged} вчера")
    assert (finding.text, finding.kind, finding.fix) == (damaged, "ocr", meant)


def test_same_shape_letter_swap_is_reported_as_ocr(corrector):
    [finding] = corrector.check("Всё прощло хорошо.")
    assert finding.kind == "ocr" and finding.fix == "прошло"


@pytest.mark.parametrize("text", ["Самолёт Ту-154 и вирус COVID-19.", "В 2020 году, 10 км, 3D-модель, H2O.", "Версия 4.0 вышла в 06:30."])
def test_numbers_and_model_names_stay_silent(corrector, text):
    assert corrector.check(text) == []


def test_numbers_joined_to_words_by_a_hyphen_are_not_misread_letters(corrector):
    assert corrector.check("Юбилей 40-летней давности и 3-й этаж") == []
