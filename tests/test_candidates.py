import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka.candidates import channel, generate
from pravka.candidates.edits import edits1, spelling_doubts
from pravka.candidates.sound import sound_key


def by_text(word, lexicon):
    return {c.text: c for c in generate(word, lexicon)}


def test_edit_distance_one_over_the_whole_dictionary(lexicon):
    found = by_text("росийской", lexicon)
    assert found["российской"].source == "doubled"
    assert by_text("обьявила", lexicon)["объявила"].source == "sound"  # ь for ъ
    assert by_text("обявила", lexicon)["объявила"].source == "softsign"
    assert by_text("превет", lexicon)["привет"].source == "vowel"


def test_transposition_and_keyboard_slips(lexicon):
    assert by_text("сплнце", lexicon)["солнце"].source in {"keyboard", "badchar"}
    assert by_text("солнеце", lexicon)["солнце"].source == "extrachar"
    assert by_text("прзидент", lexicon)["президент"].source == "forgotchar"
    assert by_text("пердача", lexicon)["передача"].source in {"swapchar", "forgotchar"}


def test_two_word_splits(lexicon):
    assert "кто бы" in by_text("ктобы", lexicon)
    assert "в конце" in by_text("вконце", lexicon)
    assert "потому что" in by_text("потомучто", lexicon)


def test_sound_key_folds_what_pronunciation_hides():
    assert sound_key("припораты") == sound_key("препараты")
    assert sound_key("учиться") == sound_key("учится")
    assert sound_key("класный") == sound_key("классный")


def test_sound_alikes_reach_two_edits(lexicon):
    found = by_text("припораты", lexicon)
    assert found["препараты"].source == "sound"


def test_error_model_orders_slips_by_likelihood():
    assert channel.substitution("о", "а")[0] < channel.substitution("в", "а")[0] < channel.substitution("ж", "а")[0]
    assert channel.edit_cost("росийской", "российской") < channel.edit_cost("росийской", "росинской")
    assert channel.edit_cost("сабака", "собака") < channel.edit_cost("сабака", "рабака") + 1


def test_candidates_reach_forms_spelt_with_yo_and_keep_the_writers_e(lexicon):
    # pymorphy3 stores «ещё»; the writer typed «е», so the correction is «еще», priced as one slip.
    found = by_text("еше", lexicon)
    assert "еще" in found and "ещё" not in found
    assert by_text("ёлкв", lexicon)["ёлка"].source == "keyboard"
    assert channel.edit_cost("еще", "ещё") == 0.0


def test_groups_of_letters_that_sound_alike_cost_one_slip():
    assert sound_key("нащет") == sound_key("насчет")
    assert sound_key("мущщину") == sound_key("мужчину")
    assert sound_key("остаецца") == sound_key("остается")
    assert sound_key("празник") == sound_key("праздник")
    assert channel.edit_cost("нащет", "насчет") == channel.COST_SOUND_GROUP
    assert channel.edit_cost("хочеца", "хочется") == channel.COST_SOUND_GROUP
    assert channel.edit_cost("хочеца", "хочется") < channel.edit_cost("хочеца", "хохочется")


def test_phonetic_spellings_find_their_word(corrector):
    for typed, meant in [
        ("нащет", "насчет"),
        ("товарисч", "товарищ"),
        ("остаецца", "остается"),
        ("хочеца", "хочется"),
        ("мущщину", "мужчину"),
    ]:
        assert corrector.suggest(typed)[0].text == meant, typed


def test_o_and_e_after_sibilants_are_one_slip():
    assert channel.edit_cost("хороше", "хорошо") < channel.edit_cost("хороше", "хорошее")
    assert channel.edit_cost("жолтый", "жёлтый") == channel.COST_SOUND_GROUP
    assert channel.edit_cost("цыфра", "цифра") == channel.COST_SOUND_GROUP


def test_an_extra_letter_next_to_its_keyboard_neighbour_is_the_likelier_slip():
    # «о» sits beside «л» on the keyboard; «ж» beside nothing in «тыж».
    assert channel.extra_letter("колокол", 1)[0] < channel.extra_letter("тыж", 2)[0]


def test_a_hyphenated_word_has_no_rival_split_into_its_own_parts(lexicon, corrector):
    found = by_text("ктото", lexicon)
    assert "кто-то" in found and "кто то" not in found
    assert corrector.suggest("Чтото")[0].text == "Что-то"


def test_two_slips_apart_are_searched_only_where_one_slip_finds_nothing(lexicon):
    # a letter moved over two places, and a letter lost plus one devoiced: no one-edit word exists
    assert by_text("диверстанов", lexicon)["диверсантов"].source == "two-edits"
    assert by_text("ланшавта", lexicon)["ландшафта"].source == "two-edits"
    # «сабака» has one-edit readings («собака»), so words two edits away are not even looked at
    assert {c.source for c in generate("сабака", lexicon)}.isdisjoint({"two-edits"})
    assert "собака" in by_text("сабака", lexicon)


def test_two_edit_candidates_are_frequent_words_that_start_alike(lexicon):
    from pravka.candidates.fuzzy import MIN_LENGTH, MIN_ZIPF, two_edit_words

    found = two_edit_words("обеспоен", lexicon)
    assert "обеспокоен" in {c.text for c in found}
    assert all(c.text[0] == "о" and lexicon.zipf(c.text) >= MIN_ZIPF for c in found)
    assert two_edit_words("луобви"[: MIN_LENGTH - 1], lexicon) == []


def test_a_word_reached_only_by_two_slips_is_reported_with_its_correction(corrector):
    [finding] = corrector.check("Отряд должен был остановить диверстанов.")
    assert finding.text == "диверстанов" and finding.suggestions[0].text == "диверсантов"


def test_a_typo_in_one_part_of_a_free_compound_is_corrected_in_that_part(lexicon, corrector):
    # No dictionary lists «братья-просветители» whole, so only the part can be corrected.
    found = by_text("братья-просвятители", lexicon)
    assert found["братья-просветители"].source == "vowel"
    assert found["братья-просветители"].rules[-1] == "hyphen-part"
    assert corrector.suggest("старуху-проценщицу")[0].text == "старуху-процентщицу"
    assert not any(" " in text for text in found)  # never «братья-про святители»


def test_a_compound_with_two_unknown_parts_gets_no_part_wise_candidates(lexicon):
    assert not any("hyphen-part" in c.rules for c in generate("дауни-млатший", lexicon))


def test_a_hyphenated_half_of_a_split_must_be_one_word(lexicon, corrector):
    assert "кто-то еще" in by_text("кто-тоеще", lexicon)
    assert "предыдущих-о следующих" not in by_text("предыдущих-оследующих", lexicon)
    assert corrector.suggest("предыдущих-оследующих")[0].text == "предыдущих-последующих"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя-", max_size=12))
def test_edit_cost_reads_each_place_by_its_neighbouring_letters_only(word):
    """``edit_cost`` keeps the prices of a letter extra or missing per three-letter context; they must
    be those that ``extra_letter`` and ``missing_letter`` give at that place of the whole word."""
    extra, missing = channel._typed_costs(word)
    assert list(extra) == [channel.extra_letter(word, i)[0] for i in range(len(word))]
    for i in range(len(word) + 1):
        for letter in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя-":
            assert missing[i][letter] == channel.missing_letter(word, i, letter)[0]


def test_a_typed_word_priced_against_many_candidates_gets_each_price_as_on_its_own():
    typed = "пишешся"
    candidates = ["пишешься", "пишется", "пишешь", "пешешься", "пишещся", "пишешсяя"]
    alone = []
    for meant in candidates:
        channel.edit_cost.cache_clear()
        channel._typed_costs.cache_clear()
        alone.append(channel.edit_cost(typed, meant))
    channel.edit_cost.cache_clear()
    assert [channel.edit_cost(typed, meant) for meant in candidates] == alone
    assert alone[0] == channel.COST_SHSYA  # «-шся» for «-шься», the cheapest slip of them


@pytest.mark.parametrize("word", ["обноружив", "тьо", "класнее", "чесный", "програмка", "лесница"])
def test_spelling_doubts_are_the_cheap_part_of_the_one_edit_candidates(word, lexicon):
    def cheapest(candidates):
        best = {}
        for c in candidates:
            best[c.text] = min(c.cost, best.get(c.text, c.cost))
        return best

    cheap = {t: c for t, c in cheapest(edits1(word, lexicon.is_form, lexicon.has_prefix)).items() if c <= 1.1}
    assert cheapest(spelling_doubts(word, lexicon.is_form, 1.1)) == {t: c for t, c in cheap.items() if "-" not in t}
    assert cheap  # each of these words has one
