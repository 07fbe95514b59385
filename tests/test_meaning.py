"""The meaning model (pravka.meaning): navec's news vectors as shipped package data."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka.meaning import shared_model


def plain_fits(model, words, context):
    """The mean cosine of each word's vector with the context's (the fit before the common direction
    is taken off), worked out here from the decoded vectors."""
    context_vectors = model.unit_vectors([model.vector_id(word) for word in context])
    return model.unit_vectors([model.vector_id(word) for word in words]) @ context_vectors.T.mean(axis=1)


def fits(model, words, context):
    """The one fit the units use: each word's fit beyond the common direction to ``context``."""
    return model.fits(words, model.context_direction(context))


def test_a_word_fits_its_collocation_better_than_a_synonym():
    model = shared_model()
    foreign, abroad = fits(model, ["иностранных", "зарубежных"], ["министр", "дел"])
    assert foreign > abroad + 0.1
    nuclear, atomic = fits(model, ["ядерной", "атомной"], ["оружия", "войны"])
    assert nuclear > atomic


def test_neighbours_share_the_part_of_speech_and_not_the_lemma():
    neighbours = shared_model().neighbours("зарубежных")
    assert "иностранных" in neighbours
    assert "зарубежные" not in neighbours  # another form of the same word is no swap
    assert "союзники" in shared_model().neighbours("враги")


def test_news_frequency_tells_rare_words():
    model = shared_model()
    assert model.news_zipf("министр") > model.news_zipf("канцелярском") + 2
    assert model.news_zipf("попрошено") < 0.5  # not among navec's 250k words at all
    assert model.vector_id("попрошено") is None
    assert np.isnan(fits(model, ["попрошено"], ["министр"])[0])


def test_a_context_without_vectors_has_no_fit():
    model = shared_model()
    assert model.context_direction(["qwerty", "шмяквырк"]) is None
    assert model.context_direction([]) is None


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=49_999), min_size=1, max_size=8),
    st.lists(st.integers(0, 49_999), min_size=1, max_size=6),
)
def test_no_fit_is_further_from_zero_than_the_context_direction_is_long(rows, context_rows):
    """The bound the confusion unit stops on before it works a word's stand-ins out (Cauchy–Schwarz)."""
    model = shared_model()
    direction = model.context_direction([model.words[row] for row in context_rows])
    length = float(np.linalg.norm(direction))
    assert np.all(np.abs(model.fits([model.words[row] for row in rows], direction)) <= length + 1e-5)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=49_999))
def test_decoded_vectors_are_unit_length_and_self_similar(row):
    model = shared_model()
    word = model.words[row]
    assert model.vector_id(word) == row
    (vector,) = model.unit_vectors([row])
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
    assert plain_fits(model, [word], [word])[0] > 0.999


def test_the_common_direction_is_the_count_weighted_mean_of_the_unit_vectors():
    model = shared_model()
    rows = np.arange(model.vector_words)
    expected = model.counts[rows].astype(np.float64) @ model.unit_vectors(rows) / model.counts[rows].sum()
    assert np.allclose(model.common_direction, expected, atol=1e-6)


def test_a_frequent_word_fits_every_context_until_the_common_direction_is_taken_off():
    model = shared_model()
    context = ["поэт", "написал", "стихотворение", "родине"]
    plain = plain_fits(model, ["год", "стихи"], context)
    beyond = fits(model, ["год", "стихи", "шмяквырк"], context)
    assert plain[0] > 0.1 and beyond[0] < 0  # «год» leans toward any sentence, not toward this one
    assert plain[1] > 0.3 and beyond[1] > 0.3  # «стихи» belongs here either way
    assert np.isnan(beyond[2])  # no vector, no fit
    assert model.context_direction(["шмяквырк"]) is None


def test_a_rare_form_is_stood_in_for_by_its_lexemes_commonest_form_or_by_its_lemma(lexicon):
    model = shared_model()
    assert model.vector_id("пребывать") is None  # too rare in news for a vector of its own
    stand_in = model.stand_in("пребывать", lexicon.parses("пребывать")[:1])
    assert stand_in is not None and model.vector_id(stand_in) is not None
    assert {p.normal_form for p in lexicon.parses(stand_in)} & {"пребывать"}
    assert model.stand_in("пребывать", lexicon.parses("пребывать")[:1], by_lemma=True) is None
    assert model.vector_id("малышам") is None
    assert model.stand_in("малышам", lexicon.parses("малышам")[:2], by_lemma=True) == "малыш"
    assert model.stand_in("министр", ()) == "министр"  # a word with a vector stands for itself
    assert model.stand_in("примирить", lexicon.parses("примирить")[:1]) is None  # no form of it has one
