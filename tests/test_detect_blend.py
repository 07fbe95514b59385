"""Spinner blends: head of one word + tail of another, head proposed in the form the tail asks for."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pravka.detect.blend import (
    MAX_ENDINGS,
    MAX_MISSING,
    MAX_WORDS_PER_SIDE,
    MIN_ORIGINAL,
    MIN_SCRAP,
    MIN_SYNONYM_ZIPF,
    MIN_WORD_ZIPF,
    _head_words,
    _paste_readings,
    _tail_words,
    blend_readings,
)
from pravka.ru.alphabet import ALPHABET


def blends(corrector, text):
    return [f for f in corrector.check(text) if f.kind == "blend"]


def assert_heads(corrector, cases):
    """Each (text, blend, original): the text's one blend finding is the blend, its first suggestion the original."""
    for text, blend, original in cases:
        [finding] = blends(corrector, text)
        assert (finding.text, finding.suggestions[0].text) == (blend, original)


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
    assert_heads(corrector, [
        ("Он пыталтарался помочь друзьям.", "пыталтарался", "пытался"),  # пытался + старался
        ("Мы раздали детлышам подарки.", "детлышам", "детям"),  # детям + малышам
        ("Министр говориообщает, что встреча прошла.", "говориообщает", "говорит"),  # говорит + сообщает
    ])


def test_compounds_and_rare_derivations_are_not_blends(corrector):
    text = "Купили электромотоциклах зефирчиком и фармакотерапию, а кардиотоксическим гламурненьким пульмонологу."
    assert blends(corrector, text) == []


def test_words_built_by_word_formation_are_no_pastes_nor_glued_pairs(corrector):
    # «наполеон|изм», «агрессор|ство», «хоровод|ов|ые»: a dictionary lemma's stem, a suffix, an
    # ending; no blend of strangers («наполеона» + «…изма») and no sure split («хор оводовые»)
    text = "Он держался идей наполеонизма, а агрессорство вело к поражению; звучали хороводовые песни."
    assert blends(corrector, text) == []
    assert corrector.fix(text) == text


def test_a_long_string_no_text_has_seen_is_reported_with_the_head_in_the_tails_form(corrector):
    # A spinner's paste whose synonym the dictionary lacks: the tail's ending still gives the form.
    [finding] = corrector.check("Они хранили молчаниеемотствованием весь вечер.")
    assert (finding.text, finding.kind, finding.fix) == ("молчаниеемотствованием", "blend", None)
    assert {"молчание", "молчанием"} <= {s.text for s in finding.suggestions}
    text = "Рабочая руководительницрганизацией встреча прошла вчера."
    [finding] = corrector.check(text)
    assert finding.suggestions[0].text == "руководительницей"
    assert corrector.fix(text) == text
    # Shorter rare words, names and a stricter report threshold stay quiet.
    assert corrector.check("Пульмонологу позвонили утром.") == []
    assert corrector.check("Компания Мосгорстройинвестпроект отчиталась.") == []
    from pravka import Corrector

    assert Corrector(report_threshold=0.6).check("Они хранили молчаниеемотствованием весь вечер.") == []


def test_a_synonym_near_in_meaning_names_the_original(corrector):
    # «пути» is a meaning neighbour of «дороге»: three letters of it are enough to read the paste.
    [finding] = blends(corrector, "Мы долго шли по дорогеути к дому.")
    assert finding.suggestions[0].text == "дороге"
    assert "meaning neighbours" in finding.suggestions[0].trail


def test_a_blend_of_synonyms_outweighs_a_sure_split(corrector):
    # The speller reads two glued words, but the two halves are synonyms (осознать, поэтому) or the
    # second is a scrap no one writes alone («очную» of «прочную»): a paste, its head first.
    assert_heads(corrector, [
        ("Он хотел понятсознать смысл этих слов.", "понятсознать", "понять"),
        ("Потомуэтому мы и уехали.", "Потомуэтому", "Потому"),
        ("Мастер сделал крепкуюочную скамейку.", "крепкуюочную", "крепкую"),
        # «творить» and «производить» are nearer than unrelated words, if less than sure synonyms
        ("Мастер хотел творитизводить новые вещи.", "творитизводить", "творить"),
    ])
    # A split into a dictionary form web text has (almost) never seen is no glued pair either: the
    # form is a scrap of the synonym («сматриваю» of «рассматриваю») or of the original («идеальны»).
    assert_heads(corrector, [
        ("Я всегда считаюсматриваю такие вещи внимательно.", "считаюсматриваю", "считаю"),
        ("Это был идеальныершенный план побега.", "идеальныершенный", "идеальный"),
    ])
    # Two common words glued with no meaning between them stay a glued finding.
    [finding] = corrector.check("Они купили большойдом у реки.")
    assert finding.kind == "glued"
    # A word glued to the «не» after it is a typo people make, and fixed, though it reads as a paste too.
    assert corrector.fix("Эта работане закончена до сих пор.") == "Эта работа не закончена до сих пор."


def test_a_paste_the_speller_reads_only_as_three_pieces_is_a_blend(corrector):
    # «предводитель и дер», «путешественники ли гримов»: three pieces read a paste about as easily
    for paste, head in (("предводительидер", "предводитель"), ("путешественникилигримов", "путешественников")):
        [finding] = blends(corrector, f"Там был {paste} вчера.")
        assert finding.suggestions[0].text == head


def test_two_finite_verbs_are_a_blend_not_a_glued_pair(corrector):
    # «бежал мчался»: one finite verb hardly follows another without a conjunction, while a spinner
    # pastes a verb's synonym over a verb; the original takes the synonym's form («бежали» like «мчались»).
    assert_heads(corrector, [
        ("Мальчик бежалмчался по улице.", "бежалмчался", "бежал"),
        ("Учитель объяснилтолковал задачу.", "объяснилтолковал", "объяснил"),
        ("Дети бежалмчались по улице.", "бежалмчались", "бежали"),
        ("Она читализучала книгу.", "читализучала", "читала"),
    ])
    # Nouns of one case, or a verb and the infinitive it governs, are glued pairs as people write them.
    for text in ("Мама купила хлебмолоко и сыр.", "Я очень хочуспать после работы."):
        [finding] = corrector.check(text)
        assert finding.kind == "glued"


def test_a_blend_of_near_synonyms_outweighs_a_typo_of_another_word(corrector):
    # «найбрать» is one letter from «набрать», but «найти» + «выбрать» are near in meaning and agree.
    assert_heads(corrector, [
        ("Туристы найбрать дорогу не смогли.", "найбрать", "найти"),
        ("Она поняснила, что опоздает.", "поняснила", "поняла"),
    ])
    # A typo whose correction is the blend's own word in another form stays a typo («понимать» +
    # «иметь» would read it too): the correction explains the letters with one edit.
    [finding] = corrector.check("Он совсем не понимаеть, что происходит.")
    assert (finding.kind, finding.suggestions[0].text) == ("nonword", "понимает")


def test_a_long_paste_that_starts_with_a_common_word_is_reported(corrector):
    # 15 letters: too short for the non-word unit's unseen-word rule, but it starts with «телевизор».
    [finding] = blends(corrector, "Новый телевизебилизор стоял в углу.")
    assert finding.suggestions[0].text == "телевизор"
    # A compound whose first stem ends in a linking vowel is not a paste.
    assert corrector.check("Зал украшали восьмиколонным портиком.") == []


def test_the_head_word_in_the_synonyms_form_beats_another_form_of_it(corrector):
    # «персонаж» is nominative or accusative, «туру» accusative or dative: the head the token spells
    # («герой», «природу») has one of those forms, so the lexeme's other one («героя», «природе») is second.
    for text, blend, original, other in [
        ("Главный геросонаж фильма оказался злодеем.", "геросонаж", "герой", "героя"),
        ("Мы долго любовались на природутуру этого края.", "природутуру", "природу", "природе"),
    ]:
        [finding] = blends(corrector, text)
        ranked = [s.text for s in finding.suggestions]
        assert finding.text == blend and ranked[0] == original and other in ranked[1:]


def test_a_name_is_no_synonym(corrector):
    # «туру» ends «Артуру» too, a dative that would make the head «природе»: names are not read.
    readings = blend_readings("природутуру", corrector.lexicon)
    assert readings and "артуру" not in {reading.synonym for _, _, reading in readings}


def test_a_verb_heads_its_blend_with_the_synonyms_transitivity(corrector):
    # «высится», «отказались» are intransitive (reflexive): the original is «возвышается», «сдавались»,
    # not the transitive «возвышает», «сдавали» the token spells just as well.
    assert_heads(corrector, [
        ("Над городом возвышаетысится старая башня.", "возвышаетысится", "возвышается"),
        ("Войска не сдавалиазались до последнего.", "сдавалиазались", "сдавались"),
    ])


def test_a_paste_reported_anyway_names_its_head_through_a_rare_synonym(corrector):
    # Nine letters or more, no form ever written: the non-word unit reports these without a
    # suggestion, so the blend reading is free to take a rare synonym («ватерпас», «недюжинный») or
    # a reading whose likeliest synonym disagrees in form («сказать» + «речь», but «изречь» agrees).
    for text, blend, original in [
        ("Плотник взял уроватерпас и проверил стену.", "уроватерпас", "уровень"),
        ("На ней было яркдюжинное платье с кружевом.", "яркдюжинное", "яркое"),
        ("Он хотел сказатречь перед всеми гостями.", "сказатречь", "сказать"),
    ]:
        [finding] = corrector.check(text)
        assert (finding.text, finding.kind, finding.fix) == (blend, "blend", None)
        assert finding.suggestions[0].text == original


def test_an_imperative_blend_is_headed_by_the_imperative(corrector):
    # «трудись», «сочиняй» are imperatives: the original is in the imperative too («работай»), never
    # the indicative «пишет» that the same head spells and that matches the tail in number alone.
    [finding] = blends(corrector, "Не ленись, работрудись каждый день.")
    assert (finding.text, finding.suggestions[0].text) == ("работрудись", "работай")
    offered = {s.text for f in corrector.check("Не бойся, пишсочиняй каждый день.") for s in f.suggestions}
    assert offered.isdisjoint({"пишет", "пишут", "пишешь"})


def test_a_reported_paste_guesses_no_unseen_synonym_when_a_dictionary_one_reads_it(corrector):
    # «врача|екарями» reads as «врачами» + «лекарями»; the cut «врач|аекарями» would make up a synonym
    # «аекарями» the dictionary lacks, in whatever form the guesser reads off its ending.
    readings = _paste_readings("врачаекарями", corrector.lexicon, guess=True)
    assert readings and all(corrector.lexicon.is_known(reading.synonym) for reading in readings)


def test_a_tail_that_names_its_synonym_reads_a_reported_paste(corrector):
    # «гантных» ends only «элегантных»: a reading through it is offered even though both words lost
    # letters, while «чиком» ends dozens of words, a suffix («зефир|чиком» stays unread, above).
    [finding] = corrector.check("Мы встретили там изящегантных дам.")
    assert (finding.text, finding.kind, finding.suggestions[0].text) == ("изящегантных", "blend", "изящных")


def test_a_rare_word_ending_in_a_whole_word_is_no_paste(corrector):
    # «мер|китами»: a spinner cuts the synonym's start, so a tail that is a whole word («китами»)
    # reads weakly; the tribe's name is left alone.
    assert corrector.check("Чингисхан долго воевал с меркитами.") == []


def test_rare_scientific_words_are_not_blends(corrector):
    # Words no web text showed in any form are reported as unknown, with nothing to apply: not pastes.
    findings = corrector.check("Учёные изучают цидиппиды и других челюстноротых.")
    assert [(f.kind, f.suggestions) for f in findings] == [("nonword", []), ("nonword", [])]
    assert corrector.check("Стратиграфы спорили о двуплановости рассказа.") == []


WORDS = ("пытался", "старался", "детям", "малышам", "дороге", "пути", "государства", "державы", "понять", "осознать")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.sampled_from(WORDS),
    second=st.sampled_from(WORDS),
    cut_first=st.integers(0, 3),
    cut_second=st.integers(0, 3),
)
def test_readings_are_shares_of_dictionary_forms_and_never_applied(corrector, first, second, cut_first, cut_second):
    token = first[: len(first) - cut_first] + second[cut_second:]
    readings = blend_readings(token, corrector.lexicon)
    shares = [share for _, share, _ in readings]
    assert shares == sorted(shares, reverse=True) and all(0 < share <= 1 for share in shares)
    assert sum(shares) <= 1 + 1e-9
    assert all(corrector.lexicon.is_form(original) and len(original) >= MIN_ORIGINAL for original, _, _ in readings)
    text = f"Вчера {token} снова."
    assert all(f.fix is None for f in corrector.check(text) if f.kind == "blend")
    fixed = corrector.fix(text)  # a blend is only offered: the text around it comes back as it was
    assert fixed.startswith("Вчера ") and fixed.endswith(" снова.")


def walked_heads(head, lexicon):
    """The definition the head index answers: every form reached from ``head`` by adding up to three
    letters one at a time, frequent ones, shorter and alphabetically earlier first among equals."""
    found = [head] if lexicon.is_form(head) else []
    frontier = [head]
    for _ in range(MAX_MISSING):
        frontier = [p + letter for p in frontier for letter in ALPHABET if lexicon.has_prefix(p + letter)]
        found += [form for form in frontier if lexicon.is_form(form)]
    found = [form for form in found if lexicon.zipf(form) >= MIN_WORD_ZIPF]
    return tuple(sorted(found, key=lexicon.zipf, reverse=True)[:MAX_WORDS_PER_SIDE])


def scanned_tails(tail, lexicon):
    """The definition the tail index answers: a scan of every dictionary word ending with ``tail``."""
    found = [
        word
        for word in lexicon.words_ending_with(tail)
        if len(word) - len(tail) <= MAX_MISSING and lexicon.zipf(word) >= MIN_SYNONYM_ZIPF
    ]
    return tuple(sorted(found, key=lexicon.zipf, reverse=True)[:MAX_ENDINGS])


# Heads and tails of spinner blends and of clean words: short ends that end thousands of words
# («ами», «ого»), starts with «е» that forms spell with «ё» («ещ», «пошл»), a word list's word («ковид»).
PIECES = ["сторон", "страница", "ами", "ого", "ещ", "пошл", "малыш", "пытал", "старался", "ковид", "тоталь", "ься"]


def test_the_compiled_indexes_answer_as_the_walk_and_the_scan_do(lexicon):
    for piece in PIECES:
        assert _head_words.__wrapped__(piece, lexicon) == walked_heads(piece, lexicon), piece
        assert _tail_words.__wrapped__(piece, lexicon) == scanned_tails(piece, lexicon), piece


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    word=st.sampled_from((*WORDS, "пыталтарался", "детлышам", "сторонамтраницы", "вебинарами")), cut=st.integers(3, 9)
)
def test_any_cut_of_a_word_is_searched_as_the_walk_and_the_scan_do(lexicon, word, cut):
    head, tail = word[:cut], word[cut:]
    assert _head_words.__wrapped__(head, lexicon) == walked_heads(head, lexicon)
    if len(tail) >= MIN_SCRAP:
        assert _tail_words.__wrapped__(tail, lexicon) == scanned_tails(tail, lexicon)
