"""Two words run together: try every split point and keep those where both halves are known words.

People glue a short function word to its neighbour («вконце», «ктобы», «потомучто», «небыло»), or two
common words when the space key misfires. Random splits of a rare word into two unrelated short words
(«гошины» → «го шины», «писмена» → «пи смена») are what makes splitting dangerous, so a split is kept
only when it reads like Russian:

* a half of one or two letters must be a function word («в», «на», «бы», «же», …);
* both halves must be reasonably common (Zipf ≥ 3): people glue common words — except that a short
  function word may be glued to any known word («вдубраве» → «в дубраве»);
* a preposition must be followed by a word in a case it governs («в конце», not «в веселились» or
  «до кукурузные»);
* two content words are split only when web text has never seen them written together: otherwise the
  token is a compound («трехчасовой», «слайдшоу»);
* a short function word trailing a content word («основа я», «миша ни») is priced as unlikely, except
  the clitics that really do get glued on («мужчинаи», «этож»);
* neither half may be a first name, surname or abbreviation («бабулина» is not «бабу лина»).

The channel cost of a missing space is fixed; ranking prices the pair by the two words' frequencies.
"""

from __future__ import annotations

from ..rank.context import GOVERNMENT
from . import Candidate

SHORT_FUNCTION_WORDS = frozenset(
    "в к с у о и а я на за по до от из во со ко об не ни бы б же ж ли то он мы вы да но ну уж их ей им ею".split()
)
CASE_BEARING = frozenset({"NOUN", "ADJF", "NPRO", "NUMR", "PRTF", "ADJS"})
FUNCTION_POS = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "ADVB", "PRED", "INTJ"})
# Words that really do get glued to the end of the previous one («мужчинаи», «этож», «чтоли»).
GLUED_CLITICS = frozenset({"и", "ж", "же", "ли", "бы", "б", "то", "не"})
# Names and abbreviations («Лина», «пер», «спец») are not what people glue on by accident.
NOT_GLUED_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Abbr", "Init"})
COST_MISSING_SPACE = 1.0
COST_TRAILING_FUNCTION_WORD = 1.5
# «не» is written together with many nouns and adjectives that no dictionary lists («нефиг»,
# «нерасширение»): a split there is a guess, not a repair. With a verb it is always written apart.
COST_NE_SPLIT = 3.0
MIN_PART_ZIPF = 3.0
MIN_RARE_PART_ZIPF = 0.0


def two_words(word: str, lexicon) -> list[Candidate]:
    found = []
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if left.endswith("-") or right.startswith("-"):
            continue
        if (len(left) <= 2 and left not in SHORT_FUNCTION_WORDS) or (len(right) <= 2 and right not in SHORT_FUNCTION_WORDS):
            continue
        if not (lexicon.is_known(left) and lexicon.is_known(right)):
            continue
        glued_function_word = left in SHORT_FUNCTION_WORDS
        never_seen = lexicon.zipf(word) == 0
        # Long words nobody ever wrote («госпитализацияпроведение») may join rarer words; otherwise
        # both halves must be common.
        min_zipf = MIN_RARE_PART_ZIPF if never_seen and min(len(left), len(right)) >= 4 else MIN_PART_ZIPF
        if lexicon.zipf(left) < min_zipf or (lexicon.zipf(right) < min_zipf and not glued_function_word):
            continue
        if not glued_function_word and not never_seen and not _is_function_word(left, lexicon):
            continue  # two content words: web text has seen this spelling, so it is a compound
        if _is_only_preposition(left, lexicon) and not _is_governed(left, right, lexicon):
            continue
        if left == "не" and not _is_verb(right, lexicon):
            cost = COST_NE_SPLIT
        else:
            cost = COST_MISSING_SPACE
        if _is_name_or_abbreviation(left, lexicon) or _is_name_or_abbreviation(right, lexicon):
            continue
        if len(right) <= 2 and right not in GLUED_CLITICS and len(left) > 2 and _is_content_word(left, lexicon):
            cost += COST_TRAILING_FUNCTION_WORD
        found.append(Candidate(f"{left} {right}", "twowords", cost))
    return found


def _is_only_preposition(word: str, lexicon) -> bool:
    parses = lexicon.morph.parse(word)
    return bool(parses) and parses[0].tag.POS == "PREP"


def _is_name_or_abbreviation(word: str, lexicon) -> bool:
    tag = lexicon.morph.parse(word)[0].tag
    return bool(NOT_GLUED_GRAMMEMES & set(tag.grammemes))


def _is_content_word(word: str, lexicon) -> bool:
    return lexicon.morph.parse(word)[0].tag.POS not in FUNCTION_POS


def _is_verb(word: str, lexicon) -> bool:
    return lexicon.morph.parse(word)[0].tag.POS in {"VERB", "INFN", "GRND"}


def _is_function_word(word: str, lexicon) -> bool:
    return not _is_content_word(word, lexicon)


def _is_governed(preposition: str, word: str, lexicon) -> bool:
    """Whether ``word`` can stand in a case the preposition governs («до кукурузные» cannot)."""
    cases = GOVERNMENT.get(preposition)
    parses = [p for p in lexicon.morph.parse(word) if p.tag.POS in CASE_BEARING and "Abbr" not in p.tag]
    if cases is None:
        return bool(parses)
    return any(p.tag.case in cases for p in parses)
