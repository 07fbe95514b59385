"""Synonym swaps (detect.swap) and the document spin score (Corrector.spin_score), on real Russian text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka import Corrector
from pravka.detect import Document, swap
from pravka.tokenize import tokenize

CLEAN = "Министр иностранных дел России заявил журналистам, что переговоры продолжатся на следующей неделе."
SPUN = "Министр зарубежных дел России заявил журналистам, что переговоры продолжатся на следующей неделе."


@pytest.fixture(scope="module")
def corrector():
    return Corrector(swaps=True)


def _scores(corrector, text):
    document = Document(text, tokenize(text), corrector.lexicon, corrector.suggest, 0.5, corrector._context)
    return {document.tokens[i].text: (option, p) for i, option, p in swap.word_scores(document)}


def test_a_broken_phrase_is_reported_and_only_offered(corrector):
    text = "Возвращение войск к рубежам по расстройству на 1997 год обсуждалось на переговорах."
    found = [f for f in corrector.check(text) if f.kind == "swap"]
    assert [f.text for f in found] == ["расстройству"]
    assert found[0].suggestions and found[0].fix is None  # a swap is only offered, never applied on its own
    assert corrector.fix(text) == text


def test_a_hard_wrapped_sentence_is_read_whole(corrector):
    # the same words with a line break at every fifth space: the breaks inside a sentence carry it on
    text = "Возвращение войск к рубежам по расстройству на 1997 год обсуждалось на переговорах. Потом все ушли."
    words = text.split(" ")
    wrapped = "".join(word + ("\n" if i % 5 == 4 else " ") for i, word in enumerate(words)).rstrip()
    assert "\n" in wrapped and _scores(corrector, wrapped) == _scores(corrector, text)
    assert [f.text for f in corrector.check(wrapped) if f.kind == "swap"] == ["расстройству"]


def test_the_swapped_word_is_the_most_suspicious_with_the_original_as_its_candidate(corrector):
    scores = _scores(corrector, SPUN)
    assert max(scores, key=lambda word: scores[word][1]) == "зарубежных"
    assert scores["зарубежных"][0] == "иностранных"
    assert _scores(corrector, CLEAN)["иностранных"][1] < scores["зарубежных"][1] / 2


@pytest.mark.parametrize(
    ("spun", "clean", "swapped", "original"),
    [
        (
            "Пожарный спас ребёнка из огня и стал настоящим смельчаком для всего города.",
            "Пожарный спас ребёнка из огня и стал настоящим героем для всего города.",
            "смельчаком",
            "героем",
        ),
        (
            "Учёные долго спорили о том, как изменилось общественное воззрение после выборов.",
            "Учёные долго спорили о том, как изменилось общественное мнение после выборов.",
            "воззрение",
            "мнение",
        ),
    ],
)
def test_a_swap_too_rare_for_candidates_is_still_the_most_suspicious_word(corrector, spun, clean, swapped, original):
    scores = _scores(corrector, spun)
    assert scores[swapped][0] is None  # news is too rare for it to have neighbours: no original to offer
    assert max(scores, key=lambda word: scores[word][1]) == swapped
    assert _scores(corrector, clean)[original][1] < scores[swapped][1] / 4


def test_clean_sentences_have_no_swap(corrector):
    for text in (
        CLEAN,
        "Учёные обнаружили новый вид бабочек в тропических лесах Амазонии.",
        "Цены на нефть выросли после решения стран ОПЕК сократить добычу.",
    ):
        assert [f for f in corrector.check(text) if f.kind == "swap"] == []


def test_swaps_are_off_by_default_and_on_when_asked_for():
    text = "Возвращение войск к рубежам по расстройству на 1997 год обсуждалось на переговорах."
    assert not any(f.kind == "swap" for f in Corrector().check(text))
    assert Corrector(only=["swap"]).swaps
    assert [f.text for f in Corrector(only=["swap"]).check(text)] == ["расстройству"]


def test_names_are_not_swaps(corrector):
    text = "Вчера в Москве Сергей Лавров встретился с Энтони Блинкеном и обсудил с ним гарантии безопасности."
    assert [f for f in corrector.check(text) if f.kind == "swap"] == []


def test_candidates_take_the_form_of_the_word(corrector):
    options = swap.candidates(corrector.lexicon, "зарубежных")
    assert "иностранных" in options  # genitive plural, like the typed word
    assert "зарубежный" not in options and "иностранный" not in options
    assert swap.candidates(corrector.lexicon, "и") == ()


def test_spun_text_scores_higher_than_the_clean_original(corrector):
    clean = (
        "Госсекретарь США и генсек НАТО выразили готовность провести еще одну встречу с Россией по "
        "гарантиям безопасности. Министр иностранных дел заявил, что ядерной войны допустить нельзя."
    )
    spun = (
        "Госсекретарь США и генсек НАТО выразили боеготовность провести еще одну встречу с Россией по "
        "гарантиям безопасности. Министр зарубежных дел заявил, что атомной войны допустить нельзя."
    )
    assert corrector.spin_score(spun) > corrector.spin_score(clean)
    assert corrector.spin_evidence(spun)[0] > corrector.spin_evidence(clean)[0]


def test_check_and_spin_reads_each_sentence_once_and_answers_as_check_and_spin_evidence(corrector, monkeypatch):
    text = SPUN + " Делегации встретятся снова в Женеве.\nНовые раунды переговоров пока не назначены."
    expected = corrector.check(text), corrector.spin_evidence(text)
    read = []
    evidence = swap.evidence
    monkeypatch.setattr(
        swap, "evidence", lambda document, sentence: read.append(sentence) or evidence(document, sentence)
    )
    findings, spin = corrector.check_and_spin(text)
    assert (findings, spin[1]) == (expected[0], expected[1][1]) and spin[0] == pytest.approx(expected[1][0])
    assert len(read) == 3  # the swap unit's word scores are the spin score's: each sentence is read once


def test_spin_evidence_of_pieces_adds_up():
    first, second = swap.spin_evidence([0.9, 0.01]), swap.spin_evidence([0.3])
    assert swap.spin_evidence([0.9, 0.01, 0.3])[:2] == pytest.approx((first[0] + second[0], 3))
    assert swap.spin_probability((0.0, 0)) == swap.spin_probability(swap.spin_evidence([swap.SPIN_CLEAN_MEAN]))


def test_a_blend_on_the_page_raises_its_spin_score(corrector):
    # The same page with one word pasted over by its synonym («детям» + «малышам»): a spinner's blend.
    clean = "Воспитатели читали детям сказки, а потом все вместе пошли гулять в парк у реки."
    blended = clean.replace("детям", "детлышам")
    findings, evidence = corrector.check_and_spin(blended)
    assert [f.kind for f in findings] == ["blend"] and evidence.near_blends + evidence.other_blends == 1
    assert corrector.spin_score(blended) > corrector.spin_score(clean)
    # A blend the user left out of the report is not counted either.
    quiet = Corrector(swaps=True, disable=["blend"])
    assert quiet.spin_score(blended) == pytest.approx(swap.spin_probability(quiet.spin_evidence(blended)))
    assert quiet.spin_evidence(blended)[2:] == (0, 0)


@settings(max_examples=40, deadline=None)
@given(
    st.tuples(st.floats(-5, 5), st.integers(0, 500), st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.floats(-5, 5), st.integers(0, 500), st.integers(0, 3), st.integers(0, 3)),
)
def test_spin_evidence_adds_up_and_every_blend_raises_the_score(first, second):
    total = swap.SpinEvidence(*first).plus(second)
    assert total == pytest.approx(tuple(a + b for a, b in zip(first, second, strict=True)))
    near, other = total._replace(near_blends=total.near_blends + 1), total._replace(other_blends=total.other_blends + 1)
    assert swap.spin_probability(total) <= swap.spin_probability(other) <= swap.spin_probability(near)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(min_value=0.0, max_value=1.0), max_size=30), st.floats(min_value=0.0, max_value=0.9))
def test_a_more_suspicious_word_never_lowers_the_spin_score(scores, extra):
    lower = swap.spin_probability(swap.spin_evidence([*scores, extra]))
    higher = swap.spin_probability(swap.spin_evidence([*scores, extra + 0.1]))
    assert 0.0 <= lower <= higher <= 1.0


SENTENCES = [
    SPUN,
    CLEAN,
    "Возвращение войск к рубежам по расстройству на 1997 год обсуждалось на переговорах.",
    "Соединенные Штаты и их враги по НАТО призывают Россию к деэскалации.",
    "Он призвал отойти от утопичной и рискованной логики.",
    "В понедельник в Женеве прошли беседы с участием росийской делегации.",
    "Учёные обнаружили новый вид бабочек в тропических лесах Амазонии.",
]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4), st.sampled_from([" ", "\n", "\n\n"]))
def test_swaps_only_add_findings_and_never_change_what_fix_writes(corrector, sentences, separator):
    text = separator.join(sentences)
    plain = Corrector()
    with_swaps = corrector.check(text)
    assert [f for f in with_swaps if f.kind != "swap"] == plain.check(text)
    assert all(f.fix is None for f in with_swaps if f.kind == "swap")
    assert corrector.fix(text) == plain.fix(text)
