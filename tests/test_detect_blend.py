"""Spinner blends: head of one word + tail of another, head proposed in the form the tail asks for."""


def blends(corrector, text):
    return [f for f in corrector.check(text) if f.kind == "blend"]


def test_blend_head_in_nominative_after_an_adjective(corrector):
    [finding] = blends(corrector, "Делегация сообщила, что международная сторонтраница так и не получила ответа.")
    assert finding.text == "сторонтраница"
    assert finding.suggestions[0].text == "сторона"
    assert finding.suggestions[0].source == "blend"
    assert finding.fix is None  # reported, never applied on its own


def test_blend_tail_carries_the_genitive(corrector):
    [finding] = blends(corrector, "Они ждут хотя бы какой-то гибкости с той сторонамтраницы по серьёзным вопросам.")
    assert finding.suggestions[0].text == "стороны"


def test_blend_of_two_words_also_offers_the_split_reading(corrector):
    [finding] = blends(corrector, "Решение было принято на укреплениярубле деэскалации кризиса.")
    assert "укрепления рубле" in [s.text for s in finding.suggestions]


def test_capitalised_blend_keeps_the_capital(corrector):
    [finding] = blends(corrector, "Сторонтраница ответила отказом.")
    assert finding.suggestions[0].text == "Сторона"


def test_glued_function_words_are_not_blends(corrector):
    findings = corrector.check("Ктобы ни пришёл, работы начнутся вконце весны, потомучто так решили.")
    assert [f.kind for f in findings] == ["glued", "glued", "glued"]
    assert corrector.fix("потомучто так решили") == "потому что так решили"


def test_typos_and_valid_long_words_are_not_blends(corrector):
    assert blends(corrector, "Переговоры продллялись около четырёх часов.") == []
    assert blends(corrector, "Достопримечательности и высокопоставленные чиновники.") == []


def test_blends_of_verbs_and_short_words_name_the_original(corrector):
    # The synonym was inflected to the original's form; the original lost its end, the synonym its start.
    for text, blend, original in [
        ("Он пыталтарался помочь друзьям.", "пыталтарался", "пытался"),  # пытался + старался
        ("Мы раздали детлышам подарки.", "детлышам", "детям"),  # детям + малышам
        ("Министр говориообщает, что встреча прошла.", "говориообщает", "говорит"),  # говорит + сообщает
    ]:
        [finding] = blends(corrector, text)
        assert finding.text == blend and finding.suggestions[0].text == original


def test_compounds_and_rare_derivations_are_not_blends(corrector):
    text = "Купили электромотоциклах зефирчиком и фармакотерапию, а кардиотоксическим гламурненьким пульмонологу."
    assert blends(corrector, text) == []


def test_a_long_string_no_text_has_seen_is_reported_without_a_suggestion(corrector):
    # A spinner's paste that no blend reading explains: reported, with nothing to apply.
    [finding] = corrector.check("Рабочая руководительницрганизацией встреча прошла вчера.")
    assert (finding.text, finding.suggestions, finding.fix) == ("руководительницрганизацией", [], None)
    text = "Рабочая руководительницрганизацией встреча прошла вчера."
    assert corrector.fix(text) == text
    # Shorter rare words, names and a stricter report threshold stay quiet.
    assert corrector.check("Пульмонологу позвонили утром.") == []
    assert corrector.check("Компания Мосгорстройинвестпроект отчиталась.") == []
    from pravka import Corrector

    assert Corrector(report_threshold=0.6).check(text) == []
