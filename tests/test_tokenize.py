from pravka.tokenize import tokenize


def kinds(text):
    return [(t.text, t.kind) for t in tokenize(text)]


def test_offsets_point_into_the_input():
    text = "Госдеп  заявил,\nчто «переговоры» продолжатся."
    for token in tokenize(text):
        assert text[token.start : token.stop] == token.text


def test_mixed_script_word_is_glued_back_into_one_token():
    # «Poccия» with Latin P, o, c: razdel alone cuts it at the script change.
    assert kinds("В Poccия пришла весна") == [("В", "word"), ("Poccия", "word"), ("пришла", "word"), ("весна", "word")]


def test_urls_emails_mentions_and_hashtags_are_single_non_word_tokens():
    tokens = kinds("Пишите на редакция@почта.рф или https://пример.рф/статья?id=5, #новости @редактор")
    assert ("редакция@почта.рф", "email") in tokens
    assert ("https://пример.рф/статья?id=5", "url") in tokens
    assert ("#новости", "hashtag") in tokens
    assert ("@редактор", "mention") in tokens
    assert (",", "punct") in tokens


def test_numbers_latin_words_and_model_names_are_not_spelling_material():
    tokens = dict(kinds("Самолёт Ту-154 и вирус COVID-19 упомянуты в RTVI, цена 10,5"))
    assert tokens["Ту-154"] == "number"
    assert tokens["COVID-19"] == "number"
    assert tokens["RTVI"] == "latin"
    assert tokens["10,5"] == "number"
    assert tokens["Самолёт"] == "word"


def test_hyphenated_words_stay_whole():
    assert ("пресс-секретарь", "word") in kinds("Об этом сказал пресс-секретарь по-прежнему")
