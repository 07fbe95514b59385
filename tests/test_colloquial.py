"""Colloquial and phonetic spellings: standard words respelt as spoken, found by rule, context choosing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pravka import Corrector
from pravka.candidates.colloquial import known_word_readings, readings, spoken_variants

FREQUENT_WORDS = [
    "сейчас",
    "сколько",
    "спасибо",
    "сегодня",
    "конечно",
    "учиться",
    "начальник",
    "всё",
    "завтра",
    "его",
    "чего",
    "когда",
    "тогда",
    "ещё",
    "мужчина",
    "товарищ",
    "остается",
    "пожалуйста",
]


@pytest.mark.parametrize(
    "text, fixed",
    [
        ("Щас приду домой.", "Сейчас приду домой."),
        ("Пошли ф кино вечером.", "Пошли в кино вечером."),
        ("Ему надо учицца лучше.", "Ему надо учиться лучше."),
        ("Пасиба за помощь!", "Спасибо за помощь!"),
        ("Скока это стоит?", "Сколько это стоит?"),
        ("Он грит, что устал.", "Он говорит, что устал."),
        ("Ево нет дома.", "Его нет дома."),
        ("Мне моно будет зайти завтра?", "Мне можно будет зайти завтра?"),
        ("Мой начальнег опять опоздал.", "Мой начальник опять опоздал."),
        ("Я приду тада, когда скажешь.", "Я приду тогда, когда скажешь."),
        ("Это оооочень класссно.", "Это очень классно."),
        ("Мааааммоооочкииии мои!", "Мамочки мои!"),
        ("Ф школу я сегодня не пойду.", "В школу я сегодня не пойду."),
        ("Я естессно пришёл вовремя.", "Я естественно пришёл вовремя."),
        ("А собсна что случилось?", "А собственно что случилось?"),
        ("Нам ишшо ехать и ехать.", "Нам еще ехать и ехать."),
    ],
)
def test_spoken_spellings_are_fixed_to_the_standard_word(corrector, text, fixed):
    assert corrector.fix(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Щавель растёт у забора.",  # a real word that sounds like «щас»
        "Сила тока в цепи велика.",  # «тока» is the genitive of «ток» here
        "Пробил ток, и свет погас.",
        "Буква ф стоит в начале слова.",  # the letter named, not the preposition
        "Вчера к нам приехал Грит из Амстердама.",  # a name inside a sentence
        "Исследователи Института Жака Моно изучили ДНК котов.",  # an unknown name, not «можно»
        "Если ели, то ели молча.",  # a real word one rule away from a frequent one
        "Вода из альпийского стока чиста.",  # the adjective agrees with «стока», the noun
        "Работаем с пн по вс.",  # «вс» is no «все» worn down: a short word keeps its end
        "Мы смотрели старое кино.",
    ],
)
def test_real_words_and_names_stay(corrector, text):
    assert corrector.fix(text) == text


def test_the_reading_the_neighbours_want_wins(corrector):
    """«-цца» is «-ться» or «-тся»: the word before («надо» takes an infinitive) decides."""
    (finding,) = corrector.check("Нам надо встретицца завтра.")
    assert finding.suggestions[0].text == "встретиться"
    assert {s.text for s in finding.suggestions} >= {"встретиться", "встретится"}


def test_a_suggestion_records_the_rules_that_derived_it(corrector):
    (finding,) = corrector.check("Пасиба вам.")
    best = finding.suggestions[0]
    assert (finding.kind, best.text, best.source) == ("colloquial", "Спасибо", "colloquial")
    assert "rule initial-s" in best.trail and best.trail.index("rule initial-s") < best.trail.index("noisy-channel")


def test_the_spoken_preposition_is_its_own_finding(corrector):
    (finding,) = corrector.check("Пошли ф кино.")
    assert (finding.text, finding.kind, finding.suggestions[0].text) == ("ф", "preposition", "в")
    assert finding.suggestions[0].source == "devoiced-v"


def test_without_a_usage_model_a_dictionary_word_is_not_read_as_spoken():
    plain = Corrector(usage_model=False)
    assert plain.check("Щас приду.") == []
    assert plain.fix("Пасиба вам.") == "Спасибо вам."  # an unknown word needs no context to be read


def test_rules_derive_the_spoken_forms():
    assert spoken_variants("сейчас", reductions=True)["щас"] == (pytest.approx(1.1), ("syncope", "sch"))
    assert spoken_variants("учиться")["учицца"][1] == ("tsa",)
    assert spoken_variants("его")["ево"][1] == ("g-as-v",)
    assert "щас" not in spoken_variants("сейчас")  # reductions happen in the most frequent words only


def test_a_known_word_is_read_only_from_a_far_more_frequent_one(lexicon):
    assert [c.text for c in known_word_readings("щас", lexicon)] == ["сейчас"]
    assert known_word_readings("щавель", lexicon) == []
    assert known_word_readings("сейчас", lexicon) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.sampled_from(FREQUENT_WORDS), data=st.data())
def test_every_variant_reads_back_as_its_word(lexicon, word, data):
    """A respelling the rules make from a frequent word is read as that word (a dictionary form), the
    rules it took recorded, unless the respelling is itself a dictionary word."""
    variants = spoken_variants(word, reductions=lexicon.zipf(word) >= 5.0)
    variant = data.draw(st.sampled_from(sorted(variants)))
    if lexicon.is_known(variant):
        return
    found = readings(variant, lexicon)
    assert all(lexicon.is_form(c.text) for c in found)
    back = [c for c in found if c.text.replace("ё", "е") == word.replace("ё", "е")]
    assert back, f"{variant} does not read back as {word}"
    assert min(c.cost for c in back) <= variants[variant][0] + 1e-9
    assert all(c.rules for c in back)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.sampled_from(["", "Он сказал: ", "Вчера вечером, ", "Ну и "]),
    spoken=st.sampled_from(["щас", "пасиба", "целоваццо", "ево", "начальнег", "тада", "ишшо"]),
    after=st.sampled_from(["", " и всё.", ", правда?", " — так и было."]),
)
def test_text_outside_the_fixed_word_comes_back_unchanged(corrector, before, spoken, after):
    text = before + spoken + after
    fixed = corrector.fix(text)
    assert fixed.startswith(before) and fixed.endswith(after)
    assert fixed[len(before) : len(fixed) - len(after)] != spoken


def test_a_verb_after_a_personal_pronoun_agrees_with_it(corrector, lexicon):
    """«ты будеш»: the dropped «ь» of «будешь» reads as «будешь», not as the frequent «будет»."""
    from pravka.rank.context import Context

    context = Context(lexicon)
    assert context.grammar("будешь", "ты", None) > context.grammar("будет", "ты", None)
    assert context.grammar("учится", "он", None) > context.grammar("учиться", "он", None)
    assert context.grammar("шла", "она", None) > context.grammar("шёл", "она", None)
    assert corrector.fix("Ты будеш рад.") == "Ты будешь рад."


def test_every_rule_has_a_price_and_an_explanation(corrector):
    from pravka.candidates.colloquial import RULE_COSTS
    from pravka.explain import SPOKEN_RULES, explain
    from pravka.ru.sound import SPOKEN_CHANGES, SPOKEN_REDUCTIONS

    names = {name for name, _, _ in SPOKEN_CHANGES + SPOKEN_REDUCTIONS}
    assert names == set(RULE_COSTS)
    assert names | {"held-down"} == set(SPOKEN_RULES)
    (finding,) = corrector.check("Щас приду.")
    lines = explain(finding, corrector.threshold)
    assert "spoken form: «сч», «зч», «жч» written «щ»" in lines
