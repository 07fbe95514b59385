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


@pytest.mark.parametrize(
    "text",
    ["Популярная в 1950-1960ых годах песня", "В 90ых годах мы жили в 60е", "Около 20ти человек пришли к 21му веку", "В 1960ые годы"],
)
def test_a_numeral_with_its_ending_glued_on_is_a_number(corrector, text):
    # «ых» of «90ых» was «fixed» to «их», and «60е» read as «бое» with OCR's 6 and 0.
    assert corrector.check(text) == []
    assert corrector.fix(text) == text


def test_one_digit_before_letters_is_still_read_as_a_misread_letter(corrector):
    # «3а» is more often «за» than an ordinal written so; the numeral reading needs two digits or a
    # digit OCR does not confuse («5ти»).
    assert corrector.fix("Мы стояли 3а домом") == "Мы стояли за домом"
    assert corrector.fix("Пришли 5ти минутами позже") == "Пришли 5ти минутами позже"
