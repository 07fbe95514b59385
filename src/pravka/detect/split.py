"""Split words: one word broken in two by a stray space («време ни» → «времени», «кто то» → «кто-то»).

Two neighbouring word tokens separated by exactly one space are looked at as a pair. The fix
changes that space: it becomes nothing (the words are joined) or a hyphen. Everything else —
letters, their case, the text around — stays as typed, but for a particle written apart with a slip
(``hyphen-particle`` below), which is respelt too. Each rule below is tried in turn and the first
that fires wins; all of them say nothing unless the joined or hyphenated spelling is a dictionary form.

* ``joined`` — one half is not a word and the joined form is a known word that is not rare:
  «време ни» → «времени», «пре красный» → «прекрасный». Names are left alone.
* ``hyphen-particle`` — an indefinite or emphatic particle written apart: «кто то», «кого нибудь»,
  «где либо», «кое как», «опять таки», «встретил таки», «давай ка». «нибудь», «либо» and «кое» after
  or before a pronoun or pronoun adverb (кто, что, какой, где, как, почему …) are hyphenated
  whenever the hyphenated form is in the dictionary; after a pronoun base, an unknown word one cheap
  slip from «нибудь» or «либо» is that particle respelt: «кто нибуть» → «кто-нибудь». «то» is the
  dangerous one, because it is also a pronoun («то, что», «то же», «то есть», «одно и то же», «то
  место») and the second half of «если …, то …»; the rule stays silent when the word after «то»
  shows one of those readings (a comma and a relative word, «что», «же», «есть», «ли», a neuter noun
  «то» could point at, a colon as in «как то:»).
  After a pronoun base «-то» is then almost certain. After any other word («любви то», «дело то»,
  «я то») the emphatic «-то» is likely, but «то» may still open the main clause of a conditional with
  its comma missing («если есть общение то оно …») or be one of a pair («то лежала, то сидела»), so
  the rule is silent when the sentence has a conditional word before it or a second «то» nearby, and
  only offers the hyphen when «то» could be an object pronoun («понял то в чём ошибка», «дай мне
  то»). «таки» is hyphenated after a verb and after the
  adverbs that take it («всё-таки», «опять-таки», «довольно-таки»); «он таки пришёл» stays apart.
  «ка» is hyphenated after an imperative («давай-ка», «посмотри-ка») and «ну».
* ``compound-preposition`` — a short list of spellings that are never right apart: «из под», «из за»,
  «по над», «из вне», «пожалуй ста».
* ``hyphen-adverb`` — «по» or «во» + a word whose hyphenated form is an adverb or a parenthetical
  word: «по моему» → «по-моему», «по русски» → «по-русски», «во первых» → «во-первых». Silent when
  the next word could be the noun of a prepositional phrase in the same case: «по моему мнению»,
  «по другому пути», «во первых рядах». Fixed when the second word is itself an adverb («по русски»:
  «по» governs no adverb), for a parenthetical word («по моему, …», «во вторых, …», or opening the
  sentence: «Во первых она …»), and where no noun can follow: a verb comes next («по прежнему
  живёт», «по разному реагировали») or the sentence ends («стало по другому.»). Otherwise only
  offered, because the phrase may go on past a comma («по другому, более короткому пути»).
* ``joined-pol`` — «пол» (half) + a noun in the genitive: «пол часа» → «полчаса», and with a hyphen
  before a vowel or «л»: «пол литра» → «пол-литра», when that spelling is in the dictionary. A rare
  joined form is left alone: «пол комнаты» is more often the floor of the room.
* ``joined-prefix`` — a preposition that is also a verb or adverb prefix, before a word it cannot
  govern, where the two joined are a frequent dictionary form: «по шли» → «пошли», «за был» →
  «забыл», «по лучше» → «получше», «с высока» → «свысока», «после военные» → «послевоенные», «в от» →
  «вот». «Cannot govern» means that no reading of the word is in a case the preposition takes
  (``ru.grammar.GOVERNMENT``) and none is an adverb or predicative, since adverbs of time and place
  stand as nouns after a preposition («на завтра», «до сегодня»), and the word is not first of all a
  particle or conjunction, which opens the phrase the preposition governs («в не богатой семье»). «с его», «по том», «за то»
  are governed and stay.
* ``joined-demonstrative`` — a preposition and a demonstrative pronoun that joined make an adverb or a
  conjunction: «по этому» → «поэтому», «при том» → «притом», «за тем» → «затем», «по тому» →
  «потому». The pronoun is right apart only before the noun it points at, or a clause it announces:
  the rule is silent when the next word can be that noun («по этому пути», «при том условии», «за
  тем же столом», «по том мосту»), after a comma («следил за тем, как …», «от того, что …») and at
  the end of a sentence. Only an oblique case counts: in the nominative and accusative «то» stands
  alone as a pronoun («за то он и пришёл»). The join is fixed before the subject of a new clause
  («по этому оно является …», «при том духовность …»), and before anything else where edited text
  writes the joined word at least ``JOINED_DOMINANCE`` times as often as the pair («по этому не
  пришёл»; the usage model's counts); otherwise it is only offered («от того что …»: both are
  written). The pronoun may stand alone («по этому можно судить»), which the counts do not see.
* ``joined-adverb`` — a preposition and an adjective form it governs that joined make a frequent
  dictionary adverb: «в пустую» → «впустую», «в ручную» → «вручную», «в слепую» → «вслепую». The
  adjective is right apart only with its noun, so the rule is silent when a word follows that can be
  that noun or another adjective in its case («в пустую комнату», «в пустую холодную даль»); it fixes
  where no noun can follow: the sentence ends («ушли в пустую.») or a verb comes next («в пустую
  тратить время»), and only offers the join otherwise («в пустую, …» may go on with a noun). A
  pronoun's or an ordinal's form («за одно» → «заодно»: «отвечает за одно»; «В первой, в своем домике»)
  and a word that is also a noun («на прямую»: the straight) are left alone.
* ``hyphen-compound`` — two nouns whose hyphenated form is a dictionary noun: «рок звезда» →
  «рок-звезда», «веб камеру» → «веб-камеру»; an adverb and an adjective whose hyphenated form is a
  dictionary adjective: «темно синее» → «темно-синее», «научно популярный» → «научно-популярный»
  («очень хороший», «давно известный» are listed as no compound).
* ``joined-chtoby`` — «что бы» → «чтобы». «что бы ни …» and questions («что бы ты сделал?») are
  right apart, so the rule is silent there; it fixes when the context asks for a purpose or wish
  clause (an infinitive follows, or it follows «том», «того», «хочу», «нужно», «надо», «просил» …) and
  only offers otherwise («что бы я без тебя делал» is right).
* ``joined-ne`` — «не» + an adjective or adverb whose joined form is a frequent dictionary word:
  «не понятно» → «непонятно». Russian writes both («не понятно, а ясно»), so the rule is silent
  with a contrast («а», «но» later in the clause), after a strengthened negation («вовсе не»,
  «далеко не», «ничего … не»), before a modal («не нужно», «не надо»), and only offers the join. A
  short adjective is left apart: «он был не прав» is right, and the join was wrong 3 times of 3 on
  the tune data. Before an infinitive the word may be one that takes it («не готов ждать»), so the
  rule is silent there, unless the joined form is a predicative that edited text writes joined at
  least ``JOINED_DOMINANCE`` times as often as apart («не возможно сказать» → «невозможно»; «не легко
  разыскать» is written both ways).

Two valid words outside these rules are never joined: «без опасности» is good Russian. A doubled word
(«тихо тихо» → «тихо-тихо») is left to the repeat detector, which runs first.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from ..candidates.channel import edit_cost
from ..ru.alphabet import match_case
from ..ru.grammar import CASED, GOVERNMENT
from ..ru.punctuation import is_sentence_end
from ..ru.words import word_set
from ..types import Finding, Suggestion
from .base import HINT, Detector, Triggers
from .nonword import CHECKABLE

KIND = "split"
MIN_JOINED_ZIPF = 2.5
CONFIDENCE_ONE_UNKNOWN = 0.93
CONFIDENCE_BOTH_UNKNOWN = 0.97

PRONOUN_BASES = word_set("detect.split.pronoun_bases")
ALWAYS_HYPHENATED = word_set("detect.split.always_hyphenated")
TAKI_ADVERBS = word_set("detect.split.taki_adverbs")
KA_WORDS = word_set("detect.split.ka_words")
PRONOUN_TO_FOLLOWERS = word_set("detect.split.pronoun_to_followers")
CONDITIONAL_WORDS = word_set("detect.split.conditional_words")
NOT_PARTICLE_HOSTS = word_set("detect.split.not_particle_hosts")
NOT_PARTICLE_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NUMR"})
CONFIDENCE_PRONOUN_PARTICLE = 0.95
CONFIDENCE_ALWAYS_HYPHENATED = 0.97
CONFIDENCE_EMPHATIC_TO = 0.8
CORRELATIVE_SPAN = 8  # words searched for a second «то» of «то …, то …»
CONFIDENCE_TAKI = 0.9
CONFIDENCE_KA = 0.9
# «кто нибуть», «что небудь»: the particle written apart and with one cheap slip (the channel's price:
# a devoiced «д» 1.4, a vowel 1.0, a lost letter up to 2.0; «либо» from «нибудь» costs 8)
SLIPPED_PARTICLES = ("нибудь", "либо")
MAX_PARTICLE_SLIP = 2.0
MIN_SLIPPED_PARTICLE_LENGTH = 3
CONFIDENCE_SLIPPED_PARTICLE = 0.9

# ------------------------------------------------------------------ fixed spellings
FIXED = {
    ("из", "под"): "-",
    ("из", "за"): "-",
    ("по", "над"): "-",
    ("из", "вне"): "",
    ("пожалуй", "ста"): "",
}
CONFIDENCE_FIXED = 0.96
CONFIDENCE_POL = 0.9
POL_HYPHEN_BEFORE = frozenset("аеёиоуыэюял")
POL_MIN_ZIPF = 2.5
CONFIDENCE_COMPOUND = 0.85
ADJECTIVES = frozenset({"ADJF", "ADJS"})
CONFIDENCE_DETACHED_PREFIX = 0.85
# Readings a preposition stands before without governing them: adverbs of time and place act as
# nouns («на завтра», «до сегодня»).
NOUN_LIKE_ADVERBS = frozenset({"ADVB", "PRED"})
# A word that is first of all a particle or conjunction opens the phrase the preposition governs («в
# не богатой семье»; «на ни» is «на них» mistyped, not «нани»); «лучше» is a particle only at times.
FUNCTION_WORDS = frozenset({"PRCL", "CONJ"})
JOINED_DEMONSTRATIVE_POS = frozenset({"ADVB", "CONJ"})
# What a demonstrative points at («по этому пути»); a personal pronoun is never that («по этому оно»).
POINTED_AT = CASED - {"NPRO"}
SUBJECTS = frozenset({"NOUN", "NPRO"})
# «со всем» is no «совсем» before a noun of another case: «весь» points at nothing, it counts it.
DEMONSTRATIVES = frozenset({"этот", "тот"})
# «то» and «те» stand alone as pronouns in these cases («за то он и пришёл», «то, что»); and a noun
# in them cannot be an oblique demonstrative's («при том духовность …»).
DIRECT_CASES = frozenset({"nomn", "accs"})
# Edited text writes «поэтому» 6.8 times as often as «по этому», «затем» 62 times, «оттого» 1.4 times.
JOINED_DOMINANCE = 5
CONFIDENCE_DEMONSTRATIVE = 0.85
ADVERB_PREFIX_CASES = {"по": "datv", "во": "loct"}  # «по-моему», «по-русски», «во-первых»
NOMINALS = frozenset({"NOUN", "ADJF", "PRTF", "NPRO"})
PREDICATES = frozenset({"VERB", "INFN", "GRND", "PRTS", "PRED"})  # a clause goes on: «по X» closed before it
CONFIDENCE_PO_ADVERB = 0.9
CONFIDENCE_JOINED_ADVERB = 0.9
POSSESSIVES = word_set("detect.split.possessives")

WISH_WORDS = word_set("detect.split.wish_words")
CONFIDENCE_CHTOBY = 0.9
CHOOSING_VERBS = word_set("detect.split.choosing_verbs")

# ------------------------------------------------------------------ «не»
NE_JOINED_MIN_ZIPF = 3.0
NE_JOINED_POS = frozenset({"ADVB", "ADJF", "PRED"})
NE_STRENGTHENERS = word_set("detect.split.ne_strengtheners")
NE_MODALS = word_set("detect.split.ne_modals")
CONTRAST_WORDS = word_set("detect.split.contrast_words")
CONFIDENCE_NE_PREDICATIVE = 0.75  # «не понятно» → «непонятно» once contrast and strengthening are ruled out


def detect(document):
    tokens, text = document.tokens, document.text
    for index in range(len(tokens) - 1):
        left, right = tokens[index], tokens[index + 1]
        if left.kind != "word" or right.kind != "word" or text[left.stop : right.start] != " ":
            continue
        if not (CHECKABLE.fullmatch(left.text) and CHECKABLE.fullmatch(right.text)):
            continue
        if _mixed_case(left.text, right.text):
            continue
        first, second = document.word(index), document.word(index + 1)
        for rule in RULES:
            passed = True if rule.test is None else rule.test(first, second, document.lexicon)
            if not passed:
                continue
            found = rule.reading(document, index, passed)
            if found is not None:
                separator, confidence, source, *respelt = found
                second_text = match_case(right.text, respelt[0]) if respelt else right.text
                trail = (f"respelt {right.text} → {second_text}",) if respelt else ()
                yield Finding(
                    left.start,
                    right.stop,
                    text[left.start : right.stop],
                    KIND,
                    [Suggestion(left.text + separator + second_text, confidence, source, trail)],
                )
                break


def _mixed_case(left: str, right: str) -> bool:
    """«Москва Сити», «то ТО»: a capital second half is a name or an abbreviation, not a broken word."""
    if right[:1].isupper():
        return not (left.isupper() and right.isupper())
    return False


# ------------------------------------------------------------------ helpers


def _next_after(document, index: int) -> tuple[str | None, str | None]:
    """What follows token ``index``: (punctuation mark or None, the next word or None).

    Only a comma, colon or sentence end is reported as the mark; the word is the first word after it.
    """
    tokens = document.tokens
    j = index + 1
    mark = None
    while j < len(tokens) and tokens[j].kind == "punct":
        if mark is None:
            mark = tokens[j].text
        j += 1
    word = tokens[j].text.lower() if j < len(tokens) and tokens[j].kind == "word" else None
    return mark, word


def _previous_word(document, index: int) -> str | None:
    """The word before token ``index`` in the same sentence (a comma may stand between)."""
    j = index - 1
    tokens = document.tokens
    while j >= 0 and tokens[j].kind == "punct" and tokens[j].text == ",":
        j -= 1
    if j >= 0 and tokens[j].kind == "word":
        return tokens[j].text.lower()
    return None


def _lemmas(lexicon, word: str) -> set[str]:
    return {parse.normal_form for parse in lexicon.parses(word)}


def _first_tag(lexicon, word: str):
    return lexicon.parses(word)[0].tag


# ------------------------------------------------------------------ rules
# A rule is a pair test and a reading. The test takes the two lower-case words and the lexicon and
# returns None (or False) where the rule cannot fire, whatever the context; the screen runs it on
# every pair of words (``_may_fire``). Otherwise its answer goes to the reading, which takes (document,
# index of the left token, the test's answer) and returns (separator, confidence, source) or None. A
# rule that the two words settle has a test that returns its finding, read by ``_settled``.


def _settled(document, index, found):
    return found


def _joined_unknown(document, index, passed):
    lexicon = document.lexicon
    left, right = document.tokens[index], document.tokens[index + 1]
    unknown = [not lexicon.is_known(t.text) for t in (left, right)]
    if not any(unknown) or right.text[:1].isupper():
        return None
    if left.text[:1].isupper() and not document.starts_sentence(index):
        return None  # «Месси и»: a name inside a sentence, not half a word
    joined = left.text + right.text
    if not lexicon.is_form(joined.lower()) or lexicon.zipf(joined) < MIN_JOINED_ZIPF:
        return None
    return "", CONFIDENCE_BOTH_UNKNOWN if all(unknown) else CONFIDENCE_ONE_UNKNOWN, "joined"


def _particle(first, second, lexicon):
    """«кое», «нибудь», «либо», «таки», «ка»: the two words settle it (not «то»: ``_particle_to``)."""
    if first == "кое":
        return ("-", CONFIDENCE_ALWAYS_HYPHENATED, "hyphen-particle") if lexicon.is_form(f"кое-{second}") else None
    if second in ALWAYS_HYPHENATED:
        if lexicon.is_form(f"{first}-{second}") and _lemmas(lexicon, first) & PRONOUN_BASES:
            return "-", CONFIDENCE_ALWAYS_HYPHENATED, "hyphen-particle"
        return None
    if second == "таки":
        tag = _first_tag(lexicon, first)
        if first in TAKI_ADVERBS or tag.POS in {"VERB", "INFN"}:
            return "-", CONFIDENCE_TAKI, "hyphen-particle"
        return None
    if second == "ка":
        tag = _first_tag(lexicon, first)
        if first in KA_WORDS or (tag.POS == "VERB" and tag.mood == "impr"):
            return "-", CONFIDENCE_KA, "hyphen-particle"
    return None


def _slipped_particle(document, index, passed):
    """«кто нибуть» → «кто-нибудь»: after a pronoun base, an unknown word one cheap slip from
    «нибудь» or «либо» (``MAX_PARTICLE_SLIP``) is that particle, hyphenated and respelt, when the
    hyphenated form is a dictionary word; the reading names the particle (``detect``). Like
    ``_joined_unknown`` it needs an unknown word, which the screen flags by itself."""
    lexicon = document.lexicon
    first, second = document.word(index), document.word(index + 1)
    if len(second) < MIN_SLIPPED_PARTICLE_LENGTH or second in SLIPPED_PARTICLES or lexicon.is_known(second):
        return None
    if not _lemmas(lexicon, first) & PRONOUN_BASES:
        return None
    for particle in SLIPPED_PARTICLES:
        if edit_cost(second, particle) <= MAX_PARTICLE_SLIP and lexicon.is_form(f"{first}-{particle}"):
            return "-", CONFIDENCE_SLIPPED_PARTICLE, "hyphen-particle", particle
    return None


def _may_be_particle_to(first, second, lexicon) -> bool:
    """``_particle_to``'s test: a known host that is a pronoun base with a «-то» form, or a word that
    can take the particle at all."""
    return (
        second == "то"
        and first != "кое"
        and first not in NOT_PARTICLE_HOSTS
        and lexicon.is_known(first)
        and (_pronoun_to(first, lexicon) or _first_tag(lexicon, first).POS not in NOT_PARTICLE_POS)
    )


def _pronoun_to(first, lexicon) -> bool:
    return bool(_lemmas(lexicon, first) & PRONOUN_BASES) and lexicon.is_form(f"{first}-то")


def _particle_to(document, index, passed):
    lexicon, first = document.lexicon, document.word(index)
    mark, following = _next_after(document, index + 1)
    if mark == ":":
        return None  # «как то: …» lists examples
    if mark is None and following is not None:
        if following in PRONOUN_TO_FOLLOWERS or _is_neuter_noun(document, following):
            return None  # «то же», «то есть», «то место»
    if mark == "," and following is not None:
        if following in PRONOUN_TO_FOLLOWERS or _first_tag(lexicon, following).POS in {"PREP", "NPRO"}:
            return None  # «то, что …», «то, о чём …»
    if _pronoun_to(first, lexicon):
        return "-", CONFIDENCE_PRONOUN_PARTICLE, "hyphen-particle"
    # Not a pronoun base, so by the test a part of speech that takes the particle.
    if mark is None and following is not None and _is_neuter_adjective(document, following):
        return None  # «возьми то красное яблоко» (after a pronoun, «что-то красное» is the particle)
    before = document.sentence_words(index, -1)
    if CONDITIONAL_WORDS & set(before):
        return None  # «если есть общение то оно …»: the comma before «то» is what is missing
    if "то" in before[:CORRELATIVE_SPAN] or "то" in document.clause_words(
        index + 1, 1, CORRELATIVE_SPAN, stop_at_comma=False
    ):
        return None  # «то прилягу, то присяду»
    if mark is None and following is not None and _first_tag(lexicon, following).POS == "PREP":
        return "-", HINT, "hyphen-particle"  # «понял то в чём ошибка»: maybe the pronoun and its clause
    if following is None or is_sentence_end(mark):
        if _first_tag(lexicon, first).POS == "NPRO" and before and _first_tag(lexicon, before[0]).POS == "VERB":
            return "-", HINT, "hyphen-particle"  # «дай мне то»: maybe the pronoun as an object
    return "-", CONFIDENCE_EMPHATIC_TO, "hyphen-particle"


def _is_neuter_noun(document, word: str) -> bool:
    tag = _first_tag(document.lexicon, word)
    return tag.POS == "NOUN" and "neut" in tag and "sing" in tag


def _is_neuter_adjective(document, word: str) -> bool:
    return any(
        p.tag.POS in {"ADJF", "PRTF"} and "neut" in p.tag and "sing" in p.tag for p in document.lexicon.parses(word)
    )


def _fixed(first, second, lexicon):
    separator = FIXED.get((first, second))
    return None if separator is None else (separator, CONFIDENCE_FIXED, "compound-preposition")


def _pol(first, noun, lexicon):
    if first != "пол" or not any(p.tag.POS == "NOUN" and "gent" in p.tag for p in lexicon.parses(noun)):
        return None
    if noun[0] in POL_HYPHEN_BEFORE:  # «пол-литра», «пол-яблока»: the spelling rule wants a hyphen
        return ("-", CONFIDENCE_POL, "joined-pol") if lexicon.is_form(f"пол-{noun}") else None
    joined = f"пол{noun}"
    if lexicon.is_form(joined) and lexicon.zipf(joined) >= POL_MIN_ZIPF:  # not «пол комнаты», the floor
        return "", CONFIDENCE_POL, "joined-pol"
    return None


def _detached_prefix(first, second, lexicon):
    governed = GOVERNMENT.get(first)
    if governed is None:
        return None
    joined = first + second
    if not lexicon.is_form(joined) or lexicon.zipf(joined) < MIN_JOINED_ZIPF or not lexicon.is_known(second):
        return None
    readings = lexicon.parses(second)
    if readings[0].tag.POS in FUNCTION_WORDS:
        return None
    for parse in readings:
        if parse.tag.POS in NOUN_LIKE_ADVERBS or governed & parse.tag.grammemes:
            return None
    return "", CONFIDENCE_DETACHED_PREFIX, "joined-prefix"


def _demonstrative_adverb(first, second, lexicon) -> bool:
    """``_demonstrative_without_noun``'s test: a preposition and a demonstrative pronoun in an oblique
    case that joined make an adverb or a conjunction («по этому», «при том»)."""
    joined = first + second
    if first not in GOVERNMENT or not lexicon.is_form(joined):
        return False
    if _first_tag(lexicon, joined).POS not in JOINED_DEMONSTRATIVE_POS:
        return False
    return any(_is_oblique_demonstrative(p) for p in lexicon.parses(second))


def _is_oblique_demonstrative(parse) -> bool:
    return parse.normal_form in DEMONSTRATIVES and parse.tag.POS == "ADJF" and parse.tag.case not in DIRECT_CASES


def _demonstrative_without_noun(document, index, passed):
    lexicon = document.lexicon
    mark, following = _next_after(document, index + 1)
    if mark is not None or following is None or following == "же":
        return None  # «за тем, как …», «от того, что …», «за тем же столом»; the sentence ends
    readings = lexicon.parses(following)
    if any(p.tag.POS in POINTED_AT and p.tag.case not in DIRECT_CASES for p in readings):
        return None  # «по этому пути», «при том условии», «по том мосту»: the pronoun's noun
    if any(p.tag.POS in SUBJECTS and p.tag.case == "nomn" for p in readings[:1]):
        return "", CONFIDENCE_DEMONSTRATIVE, "joined-demonstrative"  # «по этому оно …»: a clause begins
    if _written_joined(document, index):
        return "", CONFIDENCE_DEMONSTRATIVE, "joined-demonstrative"  # «по этому не пришёл»
    return "", HINT, "joined-demonstrative"  # «от того что»: edited text writes both


def _adjective_cases(first, second, lexicon) -> frozenset[str] | None:
    """``_adverb_without_noun``'s test: a preposition and an adjective form it governs that joined
    make a frequent dictionary adverb («в пустую»); the cases of those adjective readings."""
    governed = GOVERNMENT.get(first)
    joined = first + second
    if governed is None or not lexicon.is_form(joined) or lexicon.zipf(joined) < MIN_JOINED_ZIPF:
        return None
    if _first_tag(lexicon, joined).POS != "ADVB":
        return None
    readings = lexicon.parses(second)
    if any(p.tag.POS == "NOUN" for p in readings):
        return None  # «на прямую»: the adjective stands as a noun
    cases = frozenset(
        p.tag.case
        for p in readings
        if p.tag.POS == "ADJF" and not {"Apro", "Anum"} & p.tag.grammemes and governed & p.tag.grammemes
    )
    return cases or None


def _adverb_without_noun(document, index, cases):
    after = _phrase_after(document.lexicon, *_next_after(document, index + 1), cases)
    if after == "noun":
        return None  # «в пустую комнату», «в пустую холодную даль»: the adjective's noun phrase
    if after == "ends":
        return "", CONFIDENCE_JOINED_ADVERB, "joined-adverb"  # «в пустую тратить», «ушли в пустую.»
    return "", HINT, "joined-adverb"  # «в пустую, …»: a noun may still follow


def _phrase_after(lexicon, mark: str | None, following: str | None, cases) -> str:
    """How a preposition's phrase cut short before ``mark`` and ``following`` (``_next_after``) goes
    on: "noun" when ``following`` can be a noun or adjective of it in one of ``cases``, "ends" when no
    noun can follow (a verb comes next, or the sentence ends), "open" otherwise (a comma, another word)."""
    if mark is None and following is not None:
        readings = lexicon.parses(following)
        if any(p.tag.POS in NOMINALS and p.tag.case in cases for p in readings):
            return "noun"
        return "ends" if readings[0].tag.POS in PREDICATES else "open"
    return "ends" if mark is None or is_sentence_end(mark) else "open"


def _written_joined(document, index: int) -> bool:
    """Whether edited text (the usage model's counts) writes the words at ``index`` and ``index + 1``
    joined at least ``JOINED_DOMINANCE`` times as often as apart."""
    model = document.context.model if document.context is not None else None
    first, second = document.word(index), document.word(index + 1)
    return model is not None and model.count(first + second) >= JOINED_DOMINANCE * model.count(first, second)


def _compound(first, second, lexicon):
    if not _opens_hyphenated(first, lexicon):
        return None
    hyphenated = f"{first}-{second}"
    if not lexicon.is_form(hyphenated):
        return None
    tags = [p.tag for p in lexicon.parses(hyphenated)]
    parts = _first_tag(lexicon, first).POS, _first_tag(lexicon, second).POS
    if parts == ("NOUN", "NOUN") and any(tag.POS == "NOUN" for tag in tags):
        return "-", CONFIDENCE_COMPOUND, "hyphen-compound"
    if parts[0] == "ADVB" and parts[1] in ADJECTIVES and any(tag.POS in ADJECTIVES for tag in tags):
        return "-", CONFIDENCE_COMPOUND, "hyphen-compound"  # «темно синее», «научно популярный»
    return None


def _adverb_tag(first, second, lexicon):
    """``_po_adverb``'s test: «по»/«во» and a hyphenated dictionary form that is an adverb or a
    parenthetical word; its tag."""
    if first not in ADVERB_PREFIX_CASES:
        return None
    hyphenated = f"{first}-{second}"
    if not lexicon.is_form(hyphenated):
        return None
    tag = _first_tag(lexicon, hyphenated)
    return tag if tag.POS == "ADVB" or "Prnt" in tag else None


def _po_adverb(document, index, tag):
    lexicon = document.lexicon
    first, second = document.word(index), document.word(index + 1)
    mark, following = _next_after(document, index + 1)
    after = _phrase_after(lexicon, mark, following, {ADVERB_PREFIX_CASES[first]})
    if after == "noun":
        return None  # «по моему мнению», «по другому пути», «во первых рядах»: a preposition and its noun phrase
    if _first_tag(document.lexicon, second).POS == "ADVB":
        return "-", CONFIDENCE_PO_ADVERB, "hyphen-adverb"  # «по русски»: «по» cannot govern an adverb
    if (second in POSSESSIVES or "Prnt" in tag) and (mark is not None or following is None):
        return "-", CONFIDENCE_PO_ADVERB, "hyphen-adverb"  # «по моему, …», «во вторых, …»: parenthetical
    if "Prnt" in tag and document.starts_sentence(index):
        return "-", CONFIDENCE_PO_ADVERB, "hyphen-adverb"  # «Во первых она …»: the sentence opens with it
    if after == "ends":
        return "-", CONFIDENCE_PO_ADVERB, "hyphen-adverb"  # «по разному реагировали», «стало по другому.»
    return "-", HINT, "hyphen-adverb"


def _chtoby(document, index, passed):
    after = document.clause_words(index + 1, 1, 3, stop_at_comma=False)
    if "ни" in after:
        return None  # «что бы ни случилось»
    if document.sentence_is_question(index):
        return None  # «что бы ты сделал?»
    previous = _previous_word(document, index)
    if previous in WISH_WORDS:
        return "", CONFIDENCE_CHTOBY, "joined-chtoby"
    if (
        after
        and _first_tag(document.lexicon, after[0]).POS == "INFN"
        and not (previous and _lemmas(document.lexicon, previous) & CHOOSING_VERBS)
    ):
        return "", CONFIDENCE_CHTOBY, "joined-chtoby"  # «пришёл что бы узнать», not «не знаю, что бы купить»
    return "", HINT, "joined-chtoby"


def _ne_joined(first, word, lexicon):
    """``_ne``'s test: «не» and an adjective or adverb whose joined form is a frequent dictionary word
    of the kinds ``NE_JOINED_POS``; the joined form."""
    if first != "не" or word in NE_MODALS:
        return None
    joined = "не" + word
    if not lexicon.is_form(joined) or lexicon.zipf(joined) < NE_JOINED_MIN_ZIPF:
        return None
    if _first_tag(lexicon, joined).POS not in NE_JOINED_POS and joined != "неохота":
        return None
    if _first_tag(lexicon, word).POS in {"VERB", "INFN", "GRND", "COMP", "NPRO", "PRTS", "PRTF"}:
        return None
    if any(p.tag.POS == "PRCL" for p in lexicon.parses(word)):
        return None  # «не просто друг»: «просто» is also the particle «simply»
    return joined


def _ne(document, index, joined):
    before = document.sentence_words(index, -1)
    if before and before[0] in NE_STRENGTHENERS:
        return None
    if {"не", "ни"} & set(before[:3]):
        return None  # the second half of «не плохо и не хорошо»
    if any(w.startswith("ни") and _first_tag(document.lexicon, w).POS in {"NPRO", "ADVB"} for w in before[:4]):
        return None  # «ничего не понятно», «никому не интересно»
    after = document.clause_words(index + 1, 1, 4, stop_at_comma=False)
    if CONTRAST_WORDS & set(after) or {"не", "ни"} & set(after):
        return None  # «не плохо, а отлично», «не плохо и не хорошо»
    if after and _first_tag(document.lexicon, after[0]).POS == "INFN":
        # «не способны растопить», «не готов ждать»: a word that takes the infinitive; but a predicative
        # takes one too, and edited text that all but always joins it settles that («не возможно сказать»);
        # «не легко разыскать» is written either way
        if not (_is_predicative(document, joined) and _written_joined(document, index)):
            return None
    if _is_predicative(document, joined):
        return "", CONFIDENCE_NE_PREDICATIVE, "joined-ne"
    return "", HINT, "joined-ne"


def _is_predicative(document, word: str) -> bool:
    """«непонятно», «неплохо», «неохота»: a word that can stand as the predicate «(мне) …»."""
    tag = _first_tag(document.lexicon, word)
    return word == "неохота" or tag.POS == "PRED" or (tag.POS == "ADVB" and "Prdx" in tag)


@lru_cache(maxsize=25_000)
def _opens_hyphenated(word: str, lexicon) -> bool:
    """Some dictionary form starts with «word-» (one look-up per word, not per pair)."""
    return lexicon.has_prefix(word + "-")


class PairRule(NamedTuple):
    """A pair test, its reading, and what the test needs on its side of the pair: one of
    ``first_words`` first, one of ``second_words`` second, or (``opens_hyphenated``) a first word
    that opens a hyphenated dictionary form. The screen's gate is the union of these needs, so a rule
    declares its words here, beside it, and the gate cannot fall out of step with the rules."""

    test: Callable | None  # None: the rule looks at every pair
    reading: Callable
    first_words: frozenset[str] = frozenset()
    second_words: frozenset[str] = frozenset()
    opens_hyphenated: bool = False


# In the order the rules are tried.
RULES = (
    PairRule(None, _joined_unknown),
    PairRule(_particle, _settled, frozenset({"кое"}), frozenset({*ALWAYS_HYPHENATED, "таки", "ка"})),
    PairRule(None, _slipped_particle),
    PairRule(_may_be_particle_to, _particle_to, second_words=frozenset({"то"})),
    PairRule(_fixed, _settled, frozenset(first for first, _ in FIXED)),
    PairRule(_pol, _settled, frozenset({"пол"})),
    PairRule(_detached_prefix, _settled, frozenset(GOVERNMENT)),
    PairRule(_demonstrative_adverb, _demonstrative_without_noun, frozenset(GOVERNMENT)),
    PairRule(_adverb_tag, _po_adverb, frozenset(ADVERB_PREFIX_CASES)),
    PairRule(_adjective_cases, _adverb_without_noun, frozenset(GOVERNMENT)),
    PairRule(_compound, _settled, opens_hyphenated=True),
    PairRule(lambda first, second, lexicon: first == "что" and second == "бы", _chtoby, frozenset({"что"})),
    PairRule(_ne_joined, _ne, frozenset({"не"})),
)


PAIR_TESTS = tuple(rule.test for rule in RULES if rule.test is not None)
FIRST_WORDS = frozenset().union(*(rule.first_words for rule in RULES))
SECOND_WORDS = frozenset().union(*(rule.second_words for rule in RULES))
GATED_BY_HYPHENATED_OPENING = any(rule.opens_hyphenated for rule in RULES)


def _may_fire(first: str, second: str, lexicon) -> bool:
    """The screen's test: some rule could fire on this pair of words (``_joined_unknown`` and
    ``_slipped_particle`` need an unknown word, which the screen flags by itself). Asked of every pair
    once in a process's life, and most of a long text's pairs are met once: four in five have no word
    that a test needs on its side, which two set look-ups and a cached one tell before ten tests are
    called; then a plain loop, not ``any`` over a generator, which costs as much again."""
    if (
        first not in FIRST_WORDS
        and second not in SECOND_WORDS
        and not (GATED_BY_HYPHENATED_OPENING and _opens_hyphenated(first, lexicon))
    ):
        return False
    for test in PAIR_TESTS:
        if test(first, second, lexicon):
            return True
    return False


DETECTOR = Detector(
    "split",
    (KIND,),
    "two words that are one word, or a hyphenated one, written apart",
    detect,
    Triggers(pairs=_may_fire),
)
