"""Grammar facts the detectors and the ranker read with pymorphy3's tags.

* ``GOVERNMENT`` — the cases each preposition can take («с» + genitive, instrumental or accusative).
* ``CASED`` — parts of speech that carry case; ``AGREEING`` — those that agree with their noun.
* ``CONTENT_POS`` — parts of speech of words that carry a meaning of their own (nouns, adjectives,
  verbs and their forms, adverbs); ``FUNCTION_POS`` — the other seven of OpenCorpora's seventeen
  (prepositions, conjunctions, particles, pronouns, interjections, numerals, predicatives: «можно»,
  «нельзя»), which fit any context and so say nothing about a neighbour's meaning.
* ``SHORT_FUNCTION_WORDS`` — the one- and two-letter words people write and glue most (pronouns too:
  «поэтомуее», «люблюее»; the demonstratives before «же»: «теже», «таже»).
* ``COORDINATING`` — the conjunctions that join two words of one form («третьим и четвёртым»,
  «мужчины и женщины», «брат или сестра»).
* ``RELATIVE_WORDS`` — lemmas of the words that open a relative or concessive clause («кто бы ни»,
  «слово, которое»).
* ``NAME_MARKS`` — OpenCorpora's marks of names, places, organisations, abbreviations and initials.
* ``takes_infinitive`` — a word that an infinitive can follow: a form of «хотеть», «мочь», «стараться»…,
  a predicative («можно», «надо»), or the future «будет» («хочет учиться», «будем ждать»).
* ``numeral_with_ending`` — a numeral written in digits with its ending glued on («90ых», «60е»,
  «5ти», «1950-1960ых»): a number, whose letters are neither a word to check nor letters misread.
* ``VARIANT_MARKS`` — OpenCorpora's marks for forms that are in the dictionary only because people
  write them: «Erro» a misspelling («тайланд»), «Dist» a distortion («ето», «што»), «Infr» an informal
  form («седня», «щас»).
"""

from __future__ import annotations

import re

from .alphabet import OCR_DIGITS
from .words import word_set

GOVERNMENT = {
    "в": {"accs", "loct", "loc2"},
    "во": {"accs", "loct", "loc2"},
    "на": {"accs", "loct", "loc2"},
    "с": {"gent", "ablt", "accs", "gen2"},
    "со": {"gent", "ablt", "accs", "gen2"},
    "к": {"datv"},
    "ко": {"datv"},
    "по": {"datv", "accs", "loct"},
    "о": {"accs", "loct"},
    "об": {"accs", "loct"},
    "обо": {"accs", "loct"},
    "из": {"gent", "gen2"},
    "от": {"gent", "gen2"},
    "до": {"gent", "gen2"},
    "без": {"gent", "gen2"},
    "для": {"gent"},
    "у": {"gent"},
    "за": {"accs", "ablt"},
    "под": {"accs", "ablt"},
    "над": {"ablt"},
    "перед": {"ablt"},
    "при": {"loct"},
    "через": {"accs"},
    "про": {"accs"},
    "между": {"ablt", "gent"},
    "около": {"gent"},
    "после": {"gent"},
    "кроме": {"gent"},
    "среди": {"gent"},
    "вокруг": {"gent"},
    "вне": {"gent"},
    "против": {"gent"},
    "из-за": {"gent"},
    "из-под": {"gent"},
    "возле": {"gent"},
    "мимо": {"gent"},
}
PREPOSITIONS = frozenset(GOVERNMENT)
CASED = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})
AGREEING = frozenset({"ADJF", "PRTF"})
CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB"})
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "NUMR", "PRED"})
SHORT_FUNCTION_WORDS = frozenset(
    "в к с у о и а я на за по до от из во со ко об не ни бы б же ж ли то та те ту он мы вы ты да но ну уж их ей им ею ее её".split()
)
COORDINATING = frozenset({"и", "или", "либо"})
RELATIVE_WORDS = frozenset(
    "кто что как где куда откуда когда сколько какой чей каков зачем почему отчего насколько который".split()
)
VARIANT_MARKS = frozenset({"Erro", "Dist", "Infr"})
# OpenCorpora's marks of names (first names, surnames, patronymics, places, organisations, trademarks)
# and of abbreviations and initials: a word read so is not a common word's slip or synonym.
NAME_MARKS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})

# Particles Russian always writes apart, never with a hyphen («как бы», «что ли», «тот же»): a hyphen
# before them is a slip («какими-бы»), and the word before it is what the grammar reads.
SEPARATE_PARTICLES = word_set("ru.grammar.separate_particles")


NUMERAL_ENDINGS = word_set("ru.grammar.numeral_endings")
_DIGITS_THEN_LETTERS = re.compile(r"(\d+(?:[-–]\d+)?)([а-яё]+)")


def numeral_with_ending(text: str) -> bool:
    """True for digits with a numeral's ending glued on («90ых», «60е», «5ти», «1950-1960ых»). One digit
    that OCR reads for a letter is left to the OCR reading: «4ем» and «6ой» are more often «чем» and
    «бой» than «4-м» and «6-й» written so; two digits are not letters misread («60е» is no «бое»)."""
    match = _DIGITS_THEN_LETTERS.fullmatch(text)
    if match is None or match.group(2) not in NUMERAL_ENDINGS:
        return False
    digits = match.group(1)
    return len(digits) > 1 or digits not in OCR_DIGITS


TAKES_INFINITIVE = word_set("ru.grammar.takes_infinitive")
FUTURE_BE = word_set("ru.grammar.future_be")


def tsya_twin(word: str) -> str | None:
    """The «-тся» spelling of a «-ться» word and back («учиться» ↔ «учится»), known or not; None for a
    word with neither ending."""
    if word.endswith("ться"):
        return word[:-4] + "тся"
    if word.endswith("тся"):
        return word[:-3] + "ться"
    return None


def takes_infinitive(lexicon, word: str) -> bool:
    """True for a lower-case word that an infinitive can follow (``TAKES_INFINITIVE``, in any form, or
    ``FUTURE_BE``)."""
    if word in TAKES_INFINITIVE or word in FUTURE_BE:
        return True
    parse = lexicon.parses(word)[0]
    return parse.tag.POS in {"VERB", "INFN", "PRED", "ADJS"} and parse.normal_form in TAKES_INFINITIVE
