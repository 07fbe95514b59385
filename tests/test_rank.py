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


def test_a_string_web_text_never_showed_with_any_ending_is_kept_less(lexicon):
    # «намазывем»: neither it nor «намазыве…», «намазыв…» with another ending was ever written: the
    # slip is as likely as keeping it before any context is heard (an unseen string that has written
    # siblings keeps ten times the mass: 0.09 here).
    slip = suggestions("намазывем", lexicon)[0]
    assert slip.text == "намазываем" and slip.confidence >= 0.5
    # A rare case of a rare real word has siblings web text has seen («пульмонолога»): it stays.
    assert all(s.confidence < 0.5 for s in suggestions("пульмонологу", lexicon))
    # Word formation explains «за|грудинный»: no sure «за грудинный».
    assert all(s.confidence < 0.5 for s in suggestions("загрудинный", lexicon))


def test_in_a_sentence_the_unwritten_string_is_reported_and_the_rare_word_is_not(corrector):
    found = corrector.check("Мы намазывем хлеб маслом и идём к пульмонологу.")
    assert [(f.text, f.suggestions[0].text) for f in found] == [("намазывем", "намазываем")]
