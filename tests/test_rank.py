import pytest

from pravka.candidates import generate
from pravka.rank.noisy_channel import candidate_logprob, discount_keep, rank


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


def test_discounting_the_keep_option_raises_every_suggestion_alike(lexicon):
    ranked = suggestions("намазывем", lexicon)
    discounted = discount_keep(ranked, -1.0)
    keep, kept = 1 - sum(s.confidence for s in ranked), 1 - sum(s.confidence for s in discounted)
    assert kept == pytest.approx(keep / 10 / (1 - keep + keep / 10))
    assert [s.text for s in discounted] == [s.text for s in ranked]
    assert discounted[0].confidence / ranked[0].confidence == pytest.approx(1 / (1 - keep + keep / 10))


def test_a_word_written_in_no_form_is_reported_and_a_rare_real_word_is_not(corrector):
    # «намазывем»: neither it nor «намазыве…», «намазыв…» with another ending was ever written: its
    # keep option weighs ten times less (the speller alone gives «намазываем» 0.09).
    found = corrector.check("Мы намазывем хлеб маслом и идём к пульмонологу.")
    assert [(f.text, f.suggestions[0].text) for f in found] == [("намазывем", "намазываем")]
    # «пульмонологу» has a written sibling («пульмонолога»); word formation explains «за|грудинный».
    assert corrector.check("Жалобы на загрудинный дискомфорт.") == []
