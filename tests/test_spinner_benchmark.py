"""The spinner simulator of benchmarks/spinner.py: what it makes of a sentence with a tiny thesaurus."""

import random

import pytest
from benchmarks.spinner import Spinner

from pravka import Corrector

THESAURUS = {"сказать": ["говорить"], "писать": ["сочинять"], "союзник": ["враг"]}


@pytest.fixture(scope="module")
def spinner():
    return Spinner(THESAURUS, Corrector().lexicon)


@pytest.mark.parametrize(
    ("sentence", "swapped", "original"),
    [
        # A thesaurus lists verbs by the infinitive: a finite verb's synonym takes the verb's form.
        ("Он сказал журналистам, что приедет завтра утром.", "говорил", "сказал"),
        ("Она пишет письмо своей подруге каждый день.", "сочиняет", "пишет"),
        ("Соединённые Штаты и их союзники по НАТО провели встречу.", "враги", "союзники"),
    ],
)
def test_a_swap_puts_the_synonym_in_the_form_of_the_word(spinner, sentence, swapped, original):
    damage = spinner.damage(sentence, "swap", random.Random(0))
    assert damage is not None
    assert (damage.text[damage.start : damage.end], damage.expected) == (swapped, original)
    assert damage.text == sentence.replace(original, swapped, 1)


def test_a_blend_pastes_the_start_of_the_word_over_the_synonym(spinner):
    sentence = "Она пишет письмо своей подруге каждый день."
    for seed in range(5):
        damage = spinner.damage(sentence, "blend", random.Random(seed))
        assert damage is not None and damage.expected == "пишет"
        blend = damage.text[damage.start : damage.end]
        assert blend[:3] == "пиш" and "сочиняет".endswith(blend[len(blend) - 3 :])
        assert not spinner.lexicon.is_known(blend)


def test_a_sentence_without_a_thesaurus_word_is_left_alone(spinner):
    assert spinner.damage("Учёные обнаружили новый вид бабочек в тропических лесах.", "swap", random.Random(0)) is None
