import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka.lexicon import lexeme_words


@pytest.mark.parametrize("word", ["российской", "безопасности", "ёлка", "елка", "Ёжик", "пресс-секретарь", "какой-то"])
def test_dictionary_forms_are_known(lexicon, word):
    assert lexicon.is_known(word)


@pytest.mark.parametrize("word", ["росийской", "безопастности", "продллялись", "развивавать", "сторонтраница"])
def test_frequent_misspellings_are_not_accepted(lexicon, word):
    # wordfreq lists some of these; it ranks, it never accepts.
    assert not lexicon.is_known(word)


def test_frequency_ranks_the_right_form_above_the_misspelling(lexicon):
    assert lexicon.zipf("росийской") > 0
    assert lexicon.zipf("российской") > lexicon.zipf("росийской") + 2


def test_word_formation_builds_on_dictionary_words_and_lemma_stems(lexicon):
    # a word-building prefix before a dictionary word; a lemma's stem, a suffix and an ending
    for word in ("отреконструированный", "взаимоупрёков", "наполеонизма", "агрессорство", "хороводовые"):
        assert lexicon.built_by_word_formation(word), word
    # a suffix after an inflected form is a spinner's paste («космического» + «…вого»), and a paste
    # of two stems builds on nothing
    for word in ("космическогового", "гражданскогского", "сторонтраница", "сапожшмачник"):
        assert not lexicon.built_by_word_formation(word), word


def test_productive_prefixes_make_known_compounds(lexicon):
    assert lexicon.is_known("нерасширение")
    assert lexicon.is_known("постперестроечных")
    assert not lexicon.is_known("нерасширениее")
    assert lexicon.is_known("спецпсихологии") and lexicon.is_known("госзакупками")
    assert not lexicon.is_known("госзакупкамии")


def test_a_prefix_before_e_yu_ya_without_its_hard_sign_is_no_compound(lexicon, corrector):
    assert not lexicon.is_known("сверхестественное")  # the dictionary has «сверхъестественное»
    assert lexicon.is_known("постядерный")  # no «постъядерный» to be a misspelling of
    assert corrector.fix("Это было нечто сверхестественное.") == "Это было нечто сверхъестественное."


def test_bundled_word_lists_accept_inflected_forms(lexicon):
    assert lexicon.is_known("криптовалютой")
    assert lexicon.is_known("Столтенберга")


def test_user_dictionary_extends_the_lexicon(tmp_path):
    from pravka import Corrector

    words = tmp_path / "words.txt"
    words.write_text("# названия нашей редакции\nщебетунчик\n", encoding="utf-8")
    assert not Corrector().is_known("щебетунчик")
    assert Corrector(dictionaries=[words]).is_known("щебетунчик")


def test_bundled_word_lists_are_package_data(lexicon):
    # Found through importlib.resources, so a wheel install has them too (.ci/wheel-check runs one).
    from pravka.lexicon import bundled_dictionaries

    names = {entry.name for entry in bundled_dictionaries().iterdir()}
    assert {"colloquial.txt", "names.txt", "new_words.txt", "respellings.tsv"} <= names
    assert lexicon.is_known("хз") and lexicon.is_known("Столтенберг")
    assert lexicon.respellings["седня"] == "сегодня"


@pytest.mark.parametrize("word", ["стали", "малышам", "сторонтраница", "ещё", "пресс-секретарь"])
def test_kept_readings_are_pymorphy3s_readings_in_its_order(lexicon, word):
    # Read twice: the second answer comes from the cache and must be the first one.
    assert lexicon.parses(word) == tuple(lexicon.morph.parse(word)) == lexicon.parses(word)
    assert [parse.tag.POS for parse in lexicon.parses(word)] == [parse.tag.POS for parse in lexicon.morph.parse(word)]


def test_dictionary_readings_leave_out_the_guesses(lexicon):
    # «ето» is a listed (marked) form, «чо-то» one with a particle; «суперкнига» is «книга» behind a
    # known prefix, a guess whose trail still starts with the dictionary unit; «сторонтраница» is a guess
    assert [p.word for p in lexicon.dictionary_parses("ето")] and lexicon.variant("ето")[0] == "это"
    assert lexicon.dictionary_parses("чо-то") and lexicon.variant("чо-то")[0] == "что-то"  # a listed word and «-то»
    assert lexicon.parses("суперкнига") and lexicon.dictionary_parses("суперкнига") == []
    assert lexicon.parses("сторонтраница") and lexicon.dictionary_parses("сторонтраница") == []


@pytest.fixture(scope="module")
def written(lexicon):
    return sorted(set(lexicon.written_words()))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_lexemes_words_spelt_from_the_paradigm_are_pymorphy3s(lexicon, written, data):
    """``lexeme_words`` reads pymorphy3's paradigm table itself; every reading of a written word, and of
    words it guesses (unknown, prefixed, hyphenated), must give the words of its lexeme in its order."""
    word = data.draw(
        st.sampled_from(written)
        | st.text(alphabet="абвгдежзийклмнопрстуфхцчшщъыьэюяё", min_size=2, max_size=12)
        | st.sampled_from(written).map(lambda w: "супер" + w)
        | st.sampled_from(written).map(lambda w: "пресс-" + w)
    )
    for parse in lexicon.parses(word):
        assert lexeme_words(parse) == [form.word for form in parse.lexeme]
