"""Real-word errors (kind ``context``): a known word that its neighbours say is the wrong one.

Every word flagged here is in the dictionary, so only the sentence can show the slip. Each rule below
looks at a few words around one place, says nothing unless the pattern is clear, and proposes one
spelling. Its raw score says how much the pattern settles: ``CLEAR`` where the grammar leaves one
reading («хочет учится», «не разу», «в тоже время»), ``HINT`` where the words around still allow the
other («Сосед так же любит рыбалку»: also, or in the same way?). The calibration
(``pravka.calibration``) turns the two levels into probabilities measured on tuning data (school
essays and blog posts): ``CLEAR`` findings are applied, ``HINT`` ones only offered, but for a rule
with labels enough for a map of its own (``tak-zhe``, whose hint is right three times in four).

«-тся» / «-ться» (both spellings are words: «учится» is «he studies», «учиться» is «to study»):

* ``tsya-infinitive`` — the word before takes an infinitive: a modal or phase verb in any form
  (хотеть, мочь, смочь, уметь, начать, стать, продолжать, помогать, …), a predicative (надо, нужно,
  можно, нельзя, должен), «будет», or «чтобы»: «он хочет учится» → «учиться», «не смог справится» →
  «справиться». «не», «бы», «же», «ещё», «уже» in between are skipped. After «и», when the nearest
  verb before it in the clause is an infinitive («желание вернуть мир и избавится от врагов»), the
  coordinated verb is one too (``tsya-infinitive-coordinated``).
* ``tsya-finite`` — the word before is a subject pronoun (он, она, оно, они, кто, это):
  «он учиться хорошо» → «учится». After a noun in the nominative only when the noun names a person
  («Обломов жениться», «люди содержаться») and the finite form agrees with it in number
  (``tsya-finite-noun``); «желание вернуться», «попытка освободиться» are infinitives after an
  inanimate noun and stay. Silent when a word that takes an infinitive follows («он учиться не хочет»).

«не» / «ни»:

* ``ni-ne`` — «ни» right before a verb, where the negation «не» belongs: «я ни знаю» → «не знаю»,
  «ни только … но и» → «не только». Silent in «ни …, ни …» (another «ни» in the clause), before an
  infinitive after a «не» in the clause, which «ни» goes on with («не хочу от молньи грозовой, ни
  слушать скрипок вой»), and after a
  relative word earlier in the clause, which makes the concessive «ни»: «кто бы ни пришёл», «как ни
  старался», «что ни говори», «куда ни глянь», «на что только ни способен» (but «потому что», «так
  что» are conjunctions: «потому что можно ничего ни делать» → «не»). «ни кто», «ни чуть» before
  the negation are one word (``ni-joined``): «ни кто из нас не знал» → «никто».
* ``ne-ni-pronoun`` — «не» before a pronoun of the «никто» family, with another negation in the
  clause: «не кто не знает» → «никто», «не к кому не испытывает» → «ни к кому», «не разу» →
  «ни разу», «не одного слова … не сказал» → «ни одного». «не кто иной, как», «не что иное» are
  right and stay.
* ``ne-ni-concessive`` — a relative word, «бы», and «не» before the verb: «кто бы не пришёл» →
  «ни», «где бы он не был» → «ни», «как бы не старался» → «ни». Silent in a question («кто бы не
  хотел?»), before an infinitive («как бы не опоздать», «что бы не забыть» — fear or purpose), and in
  «как бы не так». «что бы … не» counts only at the start of a sentence: inside one it is far more
  often a purpose clause with «чтобы» split («мечтала о том, что бы пробка не рассосалась»).

Two words that are one, and back:

* ``tak-zhe`` — «так же» for «также» (also): after «а», «и», «но» or opening a sentence, unless a
  comparison follows (a «как» later in the sentence, «так же и …», an adverb or short adjective after:
  «так же быстро», «так же тих») or an intensifier stands before («точно так же»). Elsewhere the raw
  score is ``HINT`` (calibrated on its own, as the rule's findings are).
* ``takzhe`` — «также как» (a comparison) → «так же как»; «точно также» → «так же».
* ``to-zhe`` — «в тоже время» → «в то же», «одно и тоже» → «то же», «тоже самое» → «то же самое».
* ``joined-adverb`` — fixed spellings of a preposition and a word that are one word: «не смотря на»
  → «несмотря», «по скольку» → «поскольку», «в последствии» → «впоследствии», «от туда» →
  «оттуда», «на всегда» → «навсегда» («по этому» → «поэтому» is ``detect.split``'s
  joined-demonstrative, with «при том», «за тем»).
* ``v-vidu`` — «ввиду» (because of) after «иметь» or «иметься» is the idiom «иметь в виду»: «я имею
  ввиду» → «в виду», «имеется ввиду» → «в виду».
* ``v-techenie`` — «в течении» + a span of time → «в течение» («в течении реки» is a river's current).
"""

from __future__ import annotations

from ..ru.alphabet import match_case
from ..ru.grammar import PREPOSITIONS, RELATIVE_WORDS, SEPARATE_PARTICLES, takes_infinitive, tsya_twin
from ..ru.words import word_set
from ..types import Finding, Suggestion
from .base import HINT, Detector, Triggers

KIND = "context"
CLEAR = 0.8  # the raw level of a rule whose pattern leaves one reading (see the module docstring)

PURPOSE = word_set("detect.realword.purpose")
SKIPPED_BEFORE = word_set("detect.realword.skipped_before")
SUBJECT_PRONOUNS = word_set("detect.realword.subject_pronouns")
CONFIDENCE_TSYA = CLEAR
CONFIDENCE_TSYA_NOUN = HINT  # the noun may be the object of an infinitive: «желание вернуться»

RELATIVE_SPAN = 5  # words looked back for a relative word
NI_VERB_POS = frozenset({"VERB", "INFN"})
CONJUNCTION_CHTO = word_set("detect.realword.conjunction_chto")
NI_JOINED = word_set("detect.realword.ni_joined")
CONFIDENCE_NI_NE = CLEAR

NI_NOUNS = word_set("detect.realword.ni_nouns")
NI_ONE = word_set("detect.realword.ni_one")
NI_PRONOUNS = word_set("detect.realword.ni_pronouns")
NOT_NI_FOLLOWERS = word_set("detect.realword.not_ni_followers")
CLAUSE_SPAN = 8
CONFIDENCE_NE_NI = CLEAR
CONFIDENCE_NE_NI_CONCESSIVE = HINT  # «Что бы больно не было»: a purpose clause, not a concession

INTENSIFIERS = word_set("detect.realword.intensifiers")
ADDING_CONJUNCTIONS = word_set("detect.realword.adding_conjunctions")
SUCH = word_set("detect.realword.such")
COMPARING_POS = frozenset({"ADVB", "ADJS", "COMP", "PRED"})
CONFIDENCE_TAK_ZHE = 0.9  # after «а/и/но» or opening a sentence: 33 of 33 on the tune data
CONFIDENCE_TAK_ZHE_ELSEWHERE = HINT
CONFIDENCE_TAKZHE_SPLIT = CLEAR
CONFIDENCE_TO_ZHE = CLEAR

ONE_NEUTER = word_set("detect.realword.one_neuter")
SAMYJ = word_set("detect.realword.samyj")

# (first, second) → the one word, when that pair of words is never right apart.
JOINED = {
    ("не", "смотря"): "несмотря",
    ("по", "скольку"): "поскольку",
    ("в", "последствии"): "впоследствии",
    ("от", "туда"): "оттуда",
    ("от", "сюда"): "отсюда",
    ("на", "всегда"): "навсегда",
}
CONFIDENCE_JOINED = CLEAR
TIME_WORDS = word_set("detect.realword.time_words")
MEAN_VERBS = frozenset({"иметь", "иметься"})  # «иметь в виду»: to mean
CONFIDENCE_V_VIDU = CLEAR
CONFIDENCE_V_TECHENIE = HINT  # right Russian, but GERA's spelling gold keeps «в течении» 8 times of 8


def detect(document):
    for index, token in enumerate(document.tokens):
        word = document.word(index)
        if word is None:
            continue
        rules = RULES_BY_WORD.get(word, ())
        if word.endswith(TSYA_ENDINGS):
            rules = (*rules, _tsya)
        for rule in rules:
            found = rule(document, index)
            if found is not None:
                last, replacement, confidence, source = found
                start, stop = token.start, document.tokens[last].stop
                original = document.text[start:stop]
                suggestion = Suggestion(match_case(token.text, replacement), confidence, source)
                yield Finding(start, stop, original, KIND, [suggestion])
                break


# ------------------------------------------------------------------ helpers


def _next(document, index: int) -> str | None:
    """The word right after token ``index``, separated only by spaces."""
    return document.neighbours(index)[1]


def _previous(document, index: int) -> str | None:
    return document.neighbours(index)[0]


def _clause_before(document, index: int, span: int = CLAUSE_SPAN, stop_at_comma: bool = True) -> list[str]:
    """Up to ``span`` lower-case words before token ``index``, nearest first, within the clause."""
    return document.clause_words(index, -1, span, stop_at_comma)


def _clause_after(document, index: int, span: int = CLAUSE_SPAN, stop_at_comma: bool = True) -> list[str]:
    """Up to ``span`` lower-case words after token ``index`` within the clause."""
    return document.clause_words(index, 1, span, stop_at_comma)


def _tag(lexicon, word: str):
    return lexicon.parses(word)[0].tag


def _lemmas(lexicon, word: str) -> set[str]:
    return {p.normal_form for p in lexicon.parses(word)}


# ------------------------------------------------------------------ «-тся» / «-ться»


def _other_tsya(word: str, lexicon) -> str | None:
    """The «-тся» form of a «-ться» word and back (``ru.grammar.tsya_twin``), when the dictionary has it."""
    other = tsya_twin(word)
    return other if other is not None and lexicon.is_form(other) else None


def _tsya(document, index):
    word = document.word(index)
    other = _other_tsya(word, document.lexicon)
    if other is None:
        return None
    before = _adjacent_before(document, index)
    if word.endswith("тся"):
        if before is not None and (before in PURPOSE or takes_infinitive(document.lexicon, before)):
            return index, other, CONFIDENCE_TSYA, "tsya-infinitive"
        if before == "и" and _nearest_verb_is_infinitive(document, index - 1):
            return index, other, CONFIDENCE_TSYA, "tsya-infinitive-coordinated"  # «хочет вернуть … и избавится»
        return None
    if before is None or any(takes_infinitive(document.lexicon, w) for w in _clause_after(document, index, 2)):
        return None
    if before in SUBJECT_PRONOUNS:
        return index, other, CONFIDENCE_TSYA, "tsya-finite"
    if _person_subject(document.lexicon, before, other) and not _governed_from_further(document, index):
        return index, other, CONFIDENCE_TSYA_NOUN, "tsya-finite-noun"
    return None


def _nearest_verb_is_infinitive(document, index: int) -> bool:
    """The nearest verb before token ``index`` in the clause is an infinitive («вернуть … и»)."""
    for word in _clause_before(document, index, 6):
        pos = _tag(document.lexicon, word).POS
        if pos in {"VERB", "GRND", "PRTF", "PRTS"}:
            return False
        if pos == "INFN":
            return True
    return False


def _adjacent_before(document, index: int) -> str | None:
    """The word before ``index``, skipping «не», «бы» and such, with nothing but spaces between."""
    j = index
    left = _previous(document, j)
    while left in SKIPPED_BEFORE and j > 1:
        j -= 1
        left = _previous(document, j)
    return left


def _person_subject(lexicon, noun: str, finite: str) -> bool:
    """A person («люди», «Обломов») in the nominative that the finite verb agrees with in number."""
    parse = lexicon.parses(noun)[0]
    tag = parse.tag
    if tag.POS != "NOUN" or tag.case != "nomn" or "anim" not in tag:
        return False
    verb = next((p.tag for p in lexicon.parses(finite) if p.tag.POS == "VERB"), None)
    return verb is not None and verb.number == tag.number and verb.person in (None, "3per")


def _governed_from_further(document, index: int) -> bool:
    return any(takes_infinitive(document.lexicon, w) for w in _clause_before(document, index, 4))


# ------------------------------------------------------------------ «ни» for «не»


def _ni_for_ne(document, index):
    following = _next(document, index)
    if following is None:
        return None
    before = [_host(word) for word in _clause_before(document, index, RELATIVE_SPAN, stop_at_comma=False)]
    if "ни" in before or "ни" in _clause_after(document, index, CLAUSE_SPAN, stop_at_comma=False):
        return None  # «ни …, ни …», «ни дать ни взять»
    if not all(document.lexicon.is_known(word) for word in before):
        return None  # a garbled word may hide the relative word: «ктобы ни пришёл»
    for position, word in enumerate(before):
        conjunction = word == "что" and position + 1 < len(before) and before[position + 1] in CONJUNCTION_CHTO
        if _lemmas(document.lexicon, word) & RELATIVE_WORDS and not conjunction:
            return None  # «кто бы ни пришёл», «как ни старался», «что ни говори»; not «потому что»
    if following in NI_JOINED and document.lexicon.is_form("ни" + following):
        return index + 1, "ни" + following, CONFIDENCE_NI_NE, "ni-joined"  # «ни кто из нас не», «ни чуть»
    pos = _tag(document.lexicon, following).POS
    if "не" in before and pos == "INFN":
        return None  # «ни» goes on with a negated verb: «не хочу …, ни слушать»; not «не знаю … ни хочу»
    if following in {"только", "так"} or pos in NI_VERB_POS:
        return index, "не", CONFIDENCE_NI_NE, "ni-ne"
    return None


# ------------------------------------------------------------------ «не» for «ни»


def _ne_for_ni(document, index):
    following = _next(document, index)
    if following is None:
        return None
    j = index + 1
    preposition = following in PREPOSITIONS
    if preposition:
        j = index + 2
        following = _next(document, index + 1)
        if following is None:
            return None
    after = _clause_after(document, j, CLAUSE_SPAN)
    if after and after[0] in NOT_NI_FOLLOWERS:
        return None  # «не кто иной, как»
    before = _clause_before(document, index, CLAUSE_SPAN)
    negated = "не" in after or "не" in before or "нет" in before or "нет" in after
    if following == "разу" and not preposition:
        return index, "ни", CONFIDENCE_NE_NI, "ne-ni-pronoun"
    if not negated:
        return None
    if following in NI_NOUNS or following in NI_ONE:
        return (index, "ни", CONFIDENCE_NE_NI, "ne-ni-pronoun") if not preposition else None
    if following in NI_PRONOUNS:
        joined = "ни" + following
        if not preposition and document.lexicon.is_form(joined):
            return j, joined, CONFIDENCE_NE_NI, "ne-ni-pronoun"  # «не кто не знает» → «никто»
        if preposition:
            return index, "ни", CONFIDENCE_NE_NI, "ne-ni-pronoun"  # «не к кому не» → «ни к кому»
    return None


def _ne_concessive(document, index):
    following = _next(document, index)
    if following is None:
        return None
    found = _relative_before_by(document, index)
    if found is None:
        return None
    position, relative = found
    if not _lemmas(document.lexicon, relative) & RELATIVE_WORDS:
        return None
    if relative == "что" and not document.starts_sentence(position):
        return None  # «мечтала о том, что бы пробка не рассосалась» is a purpose clause: «чтобы не»
    if document.sentence_is_question(index) or following == "так":
        return None  # «кто бы не хотел?», «как бы не так»
    tag = _tag(document.lexicon, following)
    if tag.POS == "INFN" or "ни" in _clause_after(document, index, 3):
        return None  # «как бы не опоздать», «что бы не забыть»
    if tag.POS in {"VERB", "ADJS", "PRTS"}:
        return index, "ни", CONFIDENCE_NE_NI_CONCESSIVE, "ne-ni-concessive"
    return None


def _relative_before_by(document, index: int) -> tuple[int, str] | None:
    """(token, word) of the word before «бы», when «бы» stands at most four words before token
    ``index`` in the same clause, written apart («кто бы») or hyphened on («какими-бы»)."""
    seen = 0
    for j in range(index - 1, -1, -1):
        token = document.tokens[j]
        if token.kind != "word":
            return None
        word = token.text.lower()
        if word == "бы":
            relative = document.word(j - 1) if j > 0 else None
            return None if relative is None else (j - 1, relative)
        if word.endswith("-бы"):
            return j, _host(word)
        seen += 1
        if seen >= 4:
            return None
    return None


def _host(word: str) -> str:
    """«какими-бы» → «какими»: a particle hyphened on is still the particle (``SEPARATE_PARTICLES``),
    and the word before the hyphen is what the grammar reads."""
    head, _, tail = word.rpartition("-")
    return head if head and tail in SEPARATE_PARTICLES else word


# ------------------------------------------------------------------ «так же» / «также», «тоже» / «то же»


def _tak_zhe(document, index):
    if _next(document, index) != "же":
        return None
    following = _next(document, index + 1)
    if _comparison_follows(document, index + 1) or following in {"и", "самый", "самое", "самая", "самые"}:
        return None  # «так же, как», «так же и доктор»
    opening = document.starts_sentence(index)
    pos = _tag(document.lexicon, following).POS if following is not None else None
    if pos in {"ADJS", "COMP"} or (pos in COMPARING_POS and not opening) or _short_adjective(document, following):
        return None  # «так же быстро», «так же тих» (first read as «тихнуть»)
    if pos in COMPARING_POS:
        return index + 1, "также", CONFIDENCE_TAK_ZHE_ELSEWHERE, "tak-zhe"  # «Так же можно …»: either
    previous = _clause_before(document, index, 1)
    if previous and previous[0] in INTENSIFIERS:
        return None
    if opening or (previous and previous[0] in ADDING_CONJUNCTIONS):
        return index + 1, "также", CONFIDENCE_TAK_ZHE, "tak-zhe"
    if not previous:
        return None  # after a comma: «…, так же …» may start a comparison
    return index + 1, "также", CONFIDENCE_TAK_ZHE_ELSEWHERE, "tak-zhe"


def _short_adjective(document, word: str | None) -> bool:
    """A reading of ``word`` is a short adjective other than the neuter one, which is an adverb or a
    predicative too («так же важно», «также нужно»)."""
    return word is not None and any(
        parse.tag.POS == "ADJS" and "neut" not in parse.tag for parse in document.lexicon.parses(word)
    )


def _comparison_follows(document, index: int) -> bool:
    """A «как» later in the sentence that is not the «как» of «такие …, как» (a list of examples)."""
    rest = _clause_after(document, index, 40, stop_at_comma=False)
    for position, word in enumerate(rest):
        if word == "как" and not SUCH & set(rest[max(0, position - 4) : position]):
            return True
    return False


def _takzhe(document, index):
    following = _next(document, index)
    previous = _previous(document, index)
    if following == "как" or previous in INTENSIFIERS - {"все", "всё"}:
        return index, "так же", CONFIDENCE_TAKZHE_SPLIT, "takzhe"
    return None


def _tozhe(document, index):
    previous = _previous(document, index)
    following = _next(document, index)
    if previous == "в" and following == "время":
        return index, "то же", CONFIDENCE_TO_ZHE, "to-zhe"
    if previous == "и" and index > 1 and _previous(document, index - 1) in ONE_NEUTER:
        return index, "то же", CONFIDENCE_TO_ZHE, "to-zhe"
    if following in SAMYJ:
        return index, "то же", CONFIDENCE_TO_ZHE, "to-zhe"
    return None


# ------------------------------------------------------------------ one word written as two


def _joined(document, index):
    first, second = document.word(index), _next(document, index)
    if second is None:
        return None
    joined = JOINED.get((first, second))
    if joined is not None:
        return index + 1, joined, CONFIDENCE_JOINED, "joined-adverb"
    if (first, second) == ("в", "течении") and _next(document, index + 1) in TIME_WORDS:
        return index + 1, "в течение", CONFIDENCE_V_TECHENIE, "v-techenie"
    return None


def _v_vidu(document, index):
    previous = _previous(document, index)
    if previous is not None and _lemmas(document.lexicon, previous) & MEAN_VERBS:
        return index, "в виду", CONFIDENCE_V_VIDU, "v-vidu"
    return None


TSYA_ENDINGS = ("тся", "ться")

# Each rule with the words it can start at, in the order the rules are tried; «-тся»/«-ться» words
# go to ``_tsya`` last. A rule runs only at its words, so it does not test the word again; a word
# that starts no rule costs one dictionary look-up.
RULES = (
    (_joined, {first for first, _ in JOINED} | {"по", "в"}),
    (_tak_zhe, {"так"}),
    (_takzhe, {"также"}),
    (_tozhe, {"тоже"}),
    (_v_vidu, {"ввиду"}),
    (_ne_concessive, {"не"}),
    (_ne_for_ni, {"не"}),
    (_ni_for_ne, {"ни"}),
)
RULES_BY_WORD: dict[str, tuple] = {}
for _rule, _words in RULES:
    for _word in _words:
        RULES_BY_WORD[_word] = (*RULES_BY_WORD.get(_word, ()), _rule)


# The screen's test (``Triggers.pairs``): a necessary condition of each rule above, read off two
# neighbouring words, so that a line is analysed where a rule could fire and not wherever one of its
# words («бы», «также», «является») stands. The screen's neighbours are the words around any
# punctuation, the rules' only those a space apart: the test may only flag more.
TRIGGER_PAIRS = frozenset({*JOINED, ("в", "течении"), ("так", "же"), ("также", "как")})
NE_FOLLOWERS = PREPOSITIONS | NI_NOUNS | NI_ONE | NI_PRONOUNS | {"разу"}  # what ``_ne_for_ni`` needs after «не»
TAKZHE_BEFORE = INTENSIFIERS - {"все", "всё"}  # «точно также»: ``_takzhe``


def _pair_may_fire(first: str, second: str, lexicon) -> bool:
    return (
        (first, second) in TRIGGER_PAIRS  # _joined, _tak_zhe, _takzhe before «как»
        or (first == "не" and second in NE_FOLLOWERS)  # _ne_for_ni
        or (second == "также" and first in TAKZHE_BEFORE)
        or (second == "тоже" and first in {"в", "и"})  # _tozhe: «в тоже время», «одно и тоже»
        or (first == "тоже" and (second == "время" or second in SAMYJ))
        or (second == "ввиду" and bool(_lemmas(lexicon, first) & MEAN_VERBS))  # _v_vidu
        or (second == "бы" and bool(_lemmas(lexicon, first) & RELATIVE_WORDS))  # _ne_concessive: «кто бы … не»
        or (first.endswith("-бы") and bool(_lemmas(lexicon, _host(first)) & RELATIVE_WORDS))  # «какими-бы не»
        or (first == "ни" and _ni_may_fire(second, lexicon))
        or (second.endswith(TSYA_ENDINGS) and _tsya_may_fire(first, second, lexicon))
    )


def _ni_may_fire(following: str, lexicon) -> bool:
    """``_ni_for_ne``'s test of the word after «ни»."""
    return following in NI_JOINED or following in {"только", "так"} or _tag(lexicon, following).POS in NI_VERB_POS


def _tsya_may_fire(before: str, word: str, lexicon) -> bool:
    """``_tsya``'s tests of a «-тся»/«-ться» word and the word before it (which may be one of the
    words ``_adjacent_before`` skips, so those pass)."""
    other = _other_tsya(word, lexicon)
    if other is None:
        return False
    if before in SKIPPED_BEFORE:
        return True
    if word.endswith("ться"):
        return before in SUBJECT_PRONOUNS or _person_subject(lexicon, before, other)
    return before in PURPOSE or before == "и" or takes_infinitive(lexicon, before)


DETECTOR = Detector(
    "realword",
    (KIND,),
    "a known word that its neighbours reject («хочет учится», «я ни знаю», «а так же»)",
    detect,
    Triggers(pairs=_pair_may_fire, unknown_words=False),  # the tests never ask whether a word is known
)
