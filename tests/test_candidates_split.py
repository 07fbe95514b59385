"""Two-word splits of long tokens nobody ever wrote, and the compounds that must stay whole."""

import pytest

from pravka.candidates import generate

from pravka.candidates.split import (
    COST_CLEAN_SPLIT,
    COST_MISSING_SPACE,
    other_form_seen,
    split_with_typo,
    three_words,
    two_words,
)


def splits(word, lexicon):
    return {c.text: c.cost for c in two_words(word, lexicon)}


def top(word, corrector):
    suggestions = corrector.suggest(word)
    return (suggestions[0].text, suggestions[0].confidence) if suggestions else (None, 0.0)


@pytest.mark.parametrize(
    "word, expected",
    [
        ("давлениеповышенное", "давление повышенное"),
        ("хирургическийдоступ", "хирургический доступ"),
        ("обследованиеназначено", "обследование назначено"),
        ("температуранормальная", "температура нормальная"),
        ("рентгенсуставов", "рентген суставов"),
    ],
)
def test_long_unseen_token_of_two_whole_words_is_split_confidently(word, expected, lexicon, corrector):
    assert splits(word, lexicon)[expected] == COST_CLEAN_SPLIT
    text, confidence = top(word, corrector)
    assert text == expected
    assert confidence >= corrector.threshold


def test_wrong_split_point_loses_to_the_right_one(corrector):
    assert top("температуранормальная", corrector)[0] == "температура нормальная"  # not «температур анормальная»


@pytest.mark.parametrize(
    "word",
    [
        "пятидесятиметровый",  # numeral in the genitive heads a compound adjective
        "многососудистый",  # «много» + adjective is one word
        "метилпропан",  # chemical names are glued radicals
        "натрийкарбонат",
        "бледножелтый",  # a linking vowel: a compound (or a hyphen), never two words
    ],
)
def test_compounds_are_not_split_with_confidence(word, corrector):
    text, confidence = top(word, corrector)
    assert text is None or " " not in text or confidence < corrector.threshold


@pytest.mark.parametrize("word", ["трехчасовой", "многоэтажный", "малоизученный", "сверхпроводящий"])
def test_real_compounds_are_not_reported(word, corrector):
    assert corrector.check(f"Это был {word} вариант.") == []


def test_linking_vowel_or_numeral_head_is_not_a_clean_split(lexicon):
    assert splits("бледножелтый", lexicon).get("бледно желтый", COST_MISSING_SPACE) >= COST_MISSING_SPACE
    assert splits("пятидесятиметровый", lexicon)["пятидесяти метровый"] > COST_MISSING_SPACE


def test_compound_adjective_heads_cost_more_but_a_quantity_before_a_noun_is_glued(lexicon):
    assert splits("многососудистый", lexicon)["много сосудистый"] > COST_MISSING_SPACE
    assert splits("многолюдей", lexicon)["много людей"] == COST_MISSING_SPACE


@pytest.mark.parametrize(
    "word, compound_split, glued_split",
    [
        # «одно» heads compounds like «много» does: «однотематический», but «одно слово» glued.
        ("однотематических", "одно тематических", "однослово"),
        # An adverb's «-о» doubles as the linking vowel before an adjective, not before a noun.
        ("низкоинтеллектуальной", "низко интеллектуальной", "низкоплыли"),
        # A prefix-like word heads a compound adjective; before a verb it is just a word glued on.
        ("полутеплые", "полу теплые", "полупрыгали"),
    ],
)
def test_one_prefixes_and_adverbs_head_compound_adjectives(word, compound_split, glued_split, lexicon):
    assert splits(word, lexicon)[compound_split] > COST_MISSING_SPACE
    assert min(splits(glued_split, lexicon).values()) == COST_MISSING_SPACE


@pytest.mark.parametrize("word, split", [("незря", "не зря"), ("нето", "не то"), ("невсе", "не все")])
def test_ne_before_a_function_word_is_an_ordinary_missing_space(word, split, lexicon, corrector):
    assert splits(word, lexicon)[split] == COST_MISSING_SPACE
    assert top(word, corrector)[0] == split


@pytest.mark.parametrize("word", ["нерасчетов", "необновленный"])
def test_a_ne_word_is_split_only_after_ne(word, lexicon):
    # «не» + a known word, though no dictionary lists the whole: «нера счетов», «необнов ленный» are
    # not weighed, and «не» + noun or adjective costs more than a plain missing space.
    assert list(splits(word, lexicon)) == [f"не {word[2:]}"]
    assert splits(word, lexicon)[f"не {word[2:]}"] > COST_MISSING_SPACE


def test_other_inflections_seen_mean_a_rare_real_word(lexicon):
    # Web text has «гематологов», «гематолога»: an unseen «гематологам» is the same word in another case.
    assert other_form_seen("гематологам", len("логам"), lexicon)
    assert not other_form_seen("давлениеповышенное", len("повышенное"), lexicon)


@pytest.mark.parametrize(
    "word, wrong, right", [("психалогам", "психа логам", "психологам"), ("соборалось", "собора лось", "собиралось")]
)
def test_a_typo_one_edit_away_is_not_a_clean_split(word, wrong, right, lexicon):
    assert splits(word, lexicon).get(wrong, COST_MISSING_SPACE) >= COST_MISSING_SPACE
    assert right in {c.text for c in generate(word, lexicon)}


def test_a_typo_keeps_its_repair_on_top(corrector):
    assert top("психалогам", corrector)[0] == "психологам"


def test_a_never_seen_suffix_is_not_a_right_half(lexicon):
    # «тельными» ends hundreds of adjectives («значительными»); «отдыха|тельными» is not two words.
    assert splits("отдыхательными", lexicon).get("отдыха тельными", COST_MISSING_SPACE) >= COST_MISSING_SPACE


def test_short_tokens_keep_the_ordinary_rules(lexicon):
    assert splits("кошкаспит", lexicon)["кошка спит"] == COST_MISSING_SPACE
    assert "кто бы" in splits("ктобы", lexicon)


def test_hyphenated_tokens_are_never_clean_splits(lexicon):
    assert all(cost >= COST_MISSING_SPACE for cost in splits("угрюмовато-насмешливые", lexicon).values())


def test_glued_words_in_a_sentence_are_fixed(corrector):
    assert (
        corrector.fix("Утром давлениеповышенное, назначен контроль.") == "Утром давление повышенное, назначен контроль."
    )
    assert corrector.fix("Показан хирургическийдоступ через бедро.") == "Показан хирургический доступ через бедро."


@pytest.mark.parametrize("typed, meant", [("еслиб", "если б"), ("ктож", "кто ж"), ("тыж", "ты ж")])
def test_a_glued_clitic_after_a_function_word_is_split_off(corrector, typed, meant):
    assert corrector.suggest(typed)[0].text == meant


def test_a_word_glued_on_behind_is_a_lost_space_not_a_stray_key(corrector):
    # «можешь» one stray «в» away was first at 0.67, the split second; and a true stray letter that is
    # no word stays a deletion.
    assert corrector.fix("Ты можешьв любой момент уйти.") == "Ты можешь в любой момент уйти."
    assert corrector.suggest("иностранныхи")[0].text == "иностранных и"
    assert corrector.suggest("можешьй")[0].text == "можешь"


def test_a_glued_short_pronoun_is_split_off(corrector):
    # «ее» had no split reading, so the two-edit search deleted it: «поэтомуее» → «поэтому» at 0.95.
    assert corrector.fix("Поэтомуее нет дома.") == "Поэтому ее нет дома."
    assert corrector.fix("Я люблюее.") == "Я люблю ее."


@pytest.mark.parametrize(
    "word, expected",
    [("необноружив", "не обнаружив"), ("тьоли", "то ли"), ("наулеце", "на улице"), ("непонемаю", "не понимаю")],
)
def test_a_function_word_glued_to_a_misspelt_word_is_split_and_repaired(word, expected, lexicon, corrector):
    assert expected in {c.text for c in split_with_typo(word, lexicon)}
    assert corrector.suggest(word)[0].text == expected


@pytest.mark.parametrize("word", ["кстити", "нактило", "постраее"])
def test_a_typing_slip_or_a_single_letter_does_not_make_a_glued_pair(word, lexicon):
    # «к сити», «на кило», «по стране» would need a wrong key or a lost letter besides the missing space.
    assert split_with_typo(word, lexicon) == []


def test_a_known_half_is_left_to_the_plain_split(lexicon):
    assert split_with_typo("небыло", lexicon) == []


@pytest.mark.parametrize("word, expected", [("теже", "те же"), ("туже", "ту же")])
def test_a_demonstrative_glued_to_zhe_is_split(word, expected, lexicon):
    assert expected in splits(word, lexicon)


@pytest.mark.parametrize(
    "word, expected",
    [("тачтосидит", "та что сидит"), ("тойчтостоит", "той что стоит"), ("чтототам", "что-то там")],
)
def test_three_words_run_together_are_split_twice(word, expected, lexicon, corrector):
    assert expected in {c.text for c in three_words(word, lexicon)}
    assert corrector.suggest(word)[0].text == expected


@pytest.mark.parametrize("word", ["трудолюбящих", "двуначалие", "отреконструированный"])
def test_a_rare_real_word_is_not_cut_in_three(word, lexicon):
    # «труд о любящих»: the first junction must pass the rules of a two-word split as well.
    assert three_words(word, lexicon) == []


def test_a_dictionary_word_edited_text_writes_apart_is_split(corrector):
    # «толи» is a form of the name «Толя», which edited text never writes in lower case; «то ли» it
    # writes 66 times. «туже» and «тоже» are words edited text uses, and stay.
    assert corrector.fix("Я не знаю, толи он придет, толи нет.") == "Я не знаю, то ли он придет, то ли нет."
    assert corrector.fix("А всели готовы?") == "А все ли готовы?"
    for text in ("Затяни ремень потуже.", "Он сделал туже ошибку.", "Я тоже приду, чтобы помочь."):
        assert [f for f in corrector.raw_findings(text) if f.kind == "glued"] == []


@pytest.mark.parametrize(
    "word, wrong",
    [
        ("напомнилось", "напомнил ось"),  # a reflexive form the dictionary lacks: «-ось» ends 1,600 words
        ("деликатнейшее", "деликатней шее"),  # a superlative: «шее» ends «лучшее», «большее»
        ("съездели", "съезд ели"),  # a typo of «съездили»: «ели» ends «хотели», «смотрели»
    ],
)
def test_a_short_right_half_that_ends_many_words_is_not_split_off(word, wrong, lexicon):
    assert wrong not in splits(word, lexicon)


def test_two_whole_words_run_together_are_still_split(lexicon):
    """The right half is a whole word few others end with: the space was lost."""
    for word, meant in (("сегоднямрачная", "сегодня мрачная"), ("домашниесады", "домашние сады")):
        assert meant in splits(word, lexicon)


def test_the_intensifying_pre_heads_a_compound_adverb_or_adjective(lexicon):
    """«пренаивно», «пребольной»: «пре» written with the word it strengthens (a prefix, not «пря»)."""
    for word, split in (("пренаивно", "пре наивно"), ("пребольной", "пре больной")):
        assert splits(word, lexicon)[split] > COST_MISSING_SPACE


def test_a_word_the_books_write_whole_is_not_read_as_two(corrector):
    """«отвека» (from time immemorial) is in the usage model's books a dozen times: a word pymorphy
    lacks, not «от века» run together; «вконце», which edited text never writes, still is."""
    assert [f for f in corrector.check("Смотрел отвека бог лукавый.") if f.kind == "glued"] == []
    assert corrector.fix("Мы встретились вконце недели.") == "Мы встретились в конце недели."
