"""Hyphenated spellings that edited text writes apart or joined, decided by the usage model's counts."""

import pytest

from pravka import Corrector
from pravka.lm import NgramModel


def hyphenated(corrector, text):
    return [(f.text, f.suggestions[0].text) for f in corrector.check(text) if f.kind == "hyphenated"]


@pytest.mark.parametrize(
    "text, meant",
    [
        ("Он как-бы ушёл, но вернулся.", "Он как бы ушёл, но вернулся."),
        ("Я что-ли виноват?", "Я что ли виноват?"),
        ("То-есть ты не придёшь?", "То есть ты не придёшь?"),
        ("Они помогали друг-другу всю жизнь.", "Они помогали друг другу всю жизнь."),
        ("По-этому я ушёл раньше.", "Поэтому я ушёл раньше."),
        # edited text has too few of them to count, grammar decides: a particle, a noun after «по»
        ("Какими-бы ни были причины, он прав.", "Какими бы ни были причины, он прав."),
        ("Он упал по-неосторожности.", "Он упал по неосторожности."),
        # a productive prefix the dictionary writes solid with the word
        ("Хлеб купили в супер-маркете у дома.", "Хлеб купили в супермаркете у дома."),
        ("Он мечтал о гос-службе в столице.", "Он мечтал о госслужбе в столице."),
    ],
)
def test_a_hyphen_edited_text_never_writes_is_taken_out(corrector, text, meant):
    assert corrector.fix(text) == meant


def test_the_reading_is_chosen_by_counts_and_keeps_the_letter_case(corrector):
    [(typed, best)] = hyphenated(corrector, "В-общем, всё прошло хорошо.")
    assert (typed, best) == ("В-общем", "В общем")
    [finding] = [f for f in corrector.check("По-этому я ушёл.") if f.kind == "hyphenated"]
    assert [s.text for s in finding.suggestions] == ["Поэтому", "По этому"]
    assert finding.suggestions[0].confidence > finding.suggestions[1].confidence


def test_hyphens_that_belong_stay(corrector):
    text = "Кто-то, по-моему, пришёл из-за дождя, а потом всё-таки ушёл куда-нибудь в интернет-магазин."
    assert hyphenated(corrector, text) == []
    # «по-» before an adverb or an ordinal, and a hyphenated word the dictionary lists itself
    text = "Во-первых, говорили по-русски; во-вторых, шахтёры выдали на-гора весь план."
    assert hyphenated(corrector, text) == []
    # prefixes written with a hyphen make no dictionary word joined
    assert hyphenated(corrector, "Пришёл экс-президент, а вице-премьер купила мини-юбку.") == []


def test_without_a_usage_model_nothing_is_said():
    assert hyphenated(Corrector(usage_model=False), "Он как-бы ушёл.") == []


def test_a_users_corpus_that_writes_the_hyphen_keeps_it(tmp_path):
    house_style = ["Он как-бы шутил, и все как-бы смеялись."] * 5
    NgramModel.build(house_style, tmp_path / "house.db")
    assert hyphenated(Corrector(model=tmp_path / "house.db"), "Он как-бы ушёл.") == []
