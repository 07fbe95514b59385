from pravka.candidates import generate
from pravka.rank.noisy_channel import candidate_logprob, rank


def suggestions(word, lexicon):
    return rank(word, generate(word, lexicon), lexicon)


def test_confidences_are_a_distribution_best_first(lexicon):
    ranked = suggestions("превет", lexicon)
    confidences = [s.confidence for s in ranked]
    assert confidences == sorted(confidences, reverse=True)
    assert 0 < sum(confidences) <= 1.0 + 1e-9
    assert ranked[0].text == "привет"


def test_frequency_decides_between_equal_slips(lexicon):
    assert suggestions("росийской", lexicon)[0].text == "российской"
    assert suggestions("безопастности", lexicon)[0].text == "безопасности"


def test_the_typed_word_competes_as_keep(lexicon):
    # A common web word the dictionary lacks keeps probability mass: no confident fix.
    assert suggestions("капец", lexicon)[0].confidence < 0.5
    assert suggestions("росийской", lexicon)[0].confidence > 0.95


def test_no_candidates_gives_no_suggestions(lexicon):
    assert suggestions("щшщшщшщ", lexicon) == []


def test_a_run_of_words_is_rarer_than_its_rarest_word_and_rarer_the_longer(lexicon):
    pair, triple = candidate_logprob("что сидит", lexicon), candidate_logprob("та что сидит", lexicon)
    assert pair < lexicon.zipf("сидит")
    assert triple < pair
