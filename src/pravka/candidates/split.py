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

Long tokens that web text has never seen (≥ 10 letters, Zipf 0) are where two rarer words get glued
(«инфарктмиокард», «анамнезчастый»), and where the pair prior — two rare words side by side — loses to
"keep" although a string made of two whole inflected words is hardly ever a real word. Such a split
reads *cleanly* when both halves are words of ≥ 4 letters (or one a common three-letter word, «год»)
and the left half does not look like the first part of a compound:

* a linking vowel after a consonant ends compound heads («много|сосудистый», «бледно|розовый»,
  «железо|бетон»), and so does a numeral in the genitive («трех|часовой», «пятидесяти|метровый»);
* prefix-like words and chemical radicals make compounds, not phrases («пост|ковидный»,
  «метил|пропан», «натрий|карбонат»);
* a right half web text never saw that ends many frequent words is a suffix («отдыха|тельными»);
* a token whose other inflections web text has seen is a rare real word in an unusual case
  («пульмонологу»: «пульмонолога», «пульмонологи» are seen), not two words;
* a token one edit or one stuttered syllable away from a dictionary form is a typo of that form
  («оказалалось» is not «оказала лось»): the split keeps its ordinary cost and does not crowd out the repair.

A clean split costs ``COST_CLEAN_SPLIT`` instead of ``COST_MISSING_SPACE``: its evidence outweighs the
keep option. In such a long token one half may also be a word pymorphy lacks but web text has seen
(«тропонин», «коронарография»), at a surcharge.

Whatever its length, a numeral in the genitive, «много»/«мало»/«одно» or a prefix-like word («полу»,
«супер», the intensifying «пре») before an adjective in any of its forms (short, participle, or the
adverb made of it), or an adverb whose «-о» after a consonant doubles as a linking vowel before a full
adjective or participle, is the head of a compound adjective («трех|часовой», «много|сосудистый»,
«полу|теплые», «одно|тематический», «низко|интеллектуальный», «пре|наивно»), so that split costs
``COST_COMPOUND_HEAD`` more.

Nor is a token split between two content words where an ending would be: where the right half, with
the left half's last letter, ends many frequent words (``MAX_SUFFIX_TAILS``). «напомнилось» is not
«напомнил ось» («-лось» ends 1,600 words), «деликатнейшее» not «деликатней шее», «лоскуточки» not
«лоскут очки»: such a token is one inflected word the dictionary lacks. Two words run together join a
word's end to a word's start, which no word has inside it: «больничный|лист» («-йлист» ends none),
«сегодня|мрачная».

«не» written together with a known word other than a verb («нерасчетов», «необновленный») is a word
of its own that no dictionary lists whole: the split after «не» is weighed (at ``COST_NE_SPLIT``), no
other split of it is («нера счетов», «необнов ленный»).

The channel cost of a missing space is fixed; ranking prices the pair by the two words' frequencies.

Three words run together («тачтосидит» → «та что сидит») are split the same way, twice
(``three_words``): a known first word, and a rest that ``two_words`` splits, the first junction allowed
by its rules too, or written with a hyphen where that makes a dictionary word («чтототам» → «что-то
там»). They are tried only where nothing else explains the token.

A glued word may hold a slip as well («необноружив» → «не обнаружив», «тьоли» → «то ли»): no split of
it gives two words, and no one edit gives one. ``split_with_typo`` tries the splits that glue a function
word on (a two-letter preposition or particle in front, ``LEADING_FUNCTION_WORDS``; a clitic behind,
``GLUED_CLITICS``) with the other half one spelling doubt from a common word (Zipf ≥ ``MIN_PART_ZIPF``):
an unstressed vowel, a doubled letter, «ь» (``MAX_REPAIR_COST``), the slips of a writer unsure of the
spelling, not of one who also hit a wrong key («нактило» is no «на кило»). The rules of ``two_words``
hold (a preposition governs the case, «не» before a content word is a guess, no names); the pair costs
the missing space plus the repair. Only one half is repaired: two slips in a glued pair are more often
chance than intent.
"""

from __future__ import annotations

from ..ru.alphabet import LINKING_VOWELS, VOWELS
from ..ru.grammar import FUNCTION_POS, GOVERNMENT, SHORT_FUNCTION_WORDS
from ..ru.words import word_set
from . import Candidate
from .channel import COST_HYPHEN

CASE_BEARING = frozenset({"NOUN", "ADJF", "NPRO", "NUMR", "PRTF", "ADJS"})
# The parts of speech the split rules weigh as glue rather than as a word of content: the function
# words and the adverbs, but not the numerals (as tuned on the SpellRuEval tune half).
GLUING_POS = (FUNCTION_POS | {"ADVB"}) - {"NUMR"}
GLUED_CLITICS = word_set("candidates.split.glued_clitics")
SYLLABIC_CLITICS = frozenset(clitic for clitic in GLUED_CLITICS if len(clitic) > 1)
# A dictionary word web text writes this often is meant as written; «толи» is at zipf 2.8, «также» 6.1.
MAX_GLUED_KNOWN_ZIPF = 4.0
# Names and abbreviations («Лина», «пер», «спец») are not what people glue on by accident.
NOT_GLUED_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Abbr", "Init"})
COST_MISSING_SPACE = 1.0
# «этож», «еслиб», «ктож»: casual writing glues «ж» and «б» to a pronoun or conjunction as a habit.
SHORT_CLITICS = frozenset({"ж", "б"})
COST_GLUED_CLITIC = 0.3
COST_TRAILING_FUNCTION_WORD = 1.5
# «не» is written together with many nouns and adjectives that no dictionary lists («нефиг»,
# «нерасширение»): a split there is a guess, not a repair. With a verb, a pronoun or a function word it
# is always written apart («не могу», «не то», «не зря»).
COST_NE_SPLIT = 3.0
MIN_PART_ZIPF = 3.0
MIN_RARE_PART_ZIPF = 0.0
# A long token nobody ever wrote that splits cleanly into two words: see the module docstring.
MIN_LONG_UNSEEN = 10
MIN_CLEAN_HALF = 4
MIN_SHORT_HALF_ZIPF = 4.0  # a three-letter half of a clean split must be a common word («год», «ход»)
COST_CLEAN_SPLIT = -1.0
# A half pymorphy lacks but web text has seen as a word («тропонин»): long enough not to be a stem.
MIN_UNLISTED_HALF = 7
MIN_UNLISTED_ZIPF = 1.0
COST_UNLISTED_HALF = 0.5
MAX_SUFFIX_TAILS = 20  # a never-seen right half ending more frequent words than this is a suffix
# Endings that replace a token's last letters to give its other forms (word classes of Russian).
OTHER_FORM_ENDINGS = (
    "а я о е ы и у ю ь й ой ей ий ый ая яя ое ее ые ие ого его ому ему ым им ых их ую юю ом ем ам ям ах ях "
    "ами ями ов ев ия ие ию ии ья ье ьи ью ть ет ит ут ют ат ят ла ло ли"
).split()
COST_COMPOUND_HEAD = 2.0
QUANTITY_HEADS = word_set("candidates.split.quantity_heads")
# A compound adjective's tail in any of its forms: full, short, participle, and the adverb made of it
# («полу|теплые», «пара|лизирован», «пре|наивно»).
ADJECTIVE_FORMS = frozenset({"ADJF", "PRTF", "ADJS", "PRTS", "ADVB"})
FULL_ADJECTIVES = frozenset({"ADJF", "PRTF"})  # what an adverb heads («низко|интеллектуальный»)
COMPOUND_HEADS = word_set("candidates.split.compound_heads")
# What gets glued in front of a word that has a slip of its own («необноружив»); a single
# letter starts too many words for a guess («кстити» is no «к сити»).
LEADING_FUNCTION_WORDS = frozenset("во со на за по до от из об не".split())
MIN_REPAIRED_HALF = 3
MAX_REPAIR_COST = 1.1  # a spelling doubt (a vowel, a doubled letter, «ь»), not a typing slip: «на кило» for «нактило»
TYPO_RULE = "typo in a half"


def two_words(word: str, lexicon) -> list[Candidate]:
    found = []
    never_seen = lexicon.zipf(word) == 0
    long_unseen = never_seen and len(word) >= MIN_LONG_UNSEEN
    ne_compound = _is_ne_compound(word, lexicon)
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if ne_compound and left != "не":
            continue  # «непрогаданное» is «не» + «прогаданное», not «непрога данное»
        if left.endswith("-") or right.startswith("-"):
            continue
        if any("-" in half and not lexicon.is_form(half) for half in (left, right)):
            continue  # «братья-про святители»: a hyphenated half must be one word («кто-то еще»)
        if (len(left) <= 2 and left not in SHORT_FUNCTION_WORDS) or (
            len(right) <= 2 and right not in SHORT_FUNCTION_WORDS
        ):
            continue
        unlisted = [half for half in (left, right) if not lexicon.is_known(half)]
        if unlisted and not (long_unseen and len(unlisted) == 1 and _is_unlisted_word(unlisted[0], lexicon)):
            continue
        clean = long_unseen and _is_clean_split(left, right, lexicon)
        glued_function_word = left in SHORT_FUNCTION_WORDS
        # Long words nobody ever wrote («госпитализацияпроведение») may join rarer words; otherwise
        # both halves must be common.
        min_zipf = MIN_RARE_PART_ZIPF if clean or (never_seen and min(len(left), len(right)) >= 4) else MIN_PART_ZIPF
        if lexicon.zipf(left) < min_zipf or (lexicon.zipf(right) < min_zipf and not glued_function_word):
            continue
        if unlisted and not clean:
            continue
        if not glued_function_word and not never_seen and not _is_function_word(left, lexicon):
            continue  # two content words: web text has seen this spelling, so it is a compound
        if (
            _is_content_word(left, lexicon)
            and _is_content_word(right, lexicon)
            and _is_ending_like(left, right, lexicon)
        ):
            continue  # «напомнил ось», «лоскут очки»: one inflected word, whose ending many words share
        if _is_only_preposition(left, lexicon) and not _is_governed(left, right, lexicon):
            continue
        if _is_ne_guess(left, right, lexicon):
            cost = COST_NE_SPLIT
        elif clean:
            cost = COST_CLEAN_SPLIT + (COST_UNLISTED_HALF if unlisted else 0.0)
        elif right in SHORT_CLITICS and _is_function_word(left, lexicon):
            cost = COST_GLUED_CLITIC
        else:
            cost = COST_MISSING_SPACE
        if _is_name_or_abbreviation(left, lexicon) or _is_name_or_abbreviation(right, lexicon):
            continue
        if _is_compound_adjective(left, right, lexicon):
            cost += COST_COMPOUND_HEAD
        if len(right) <= 2 and right not in GLUED_CLITICS and len(left) > 2 and _is_content_word(left, lexicon):
            cost += COST_TRAILING_FUNCTION_WORD
        found.append(Candidate(f"{left} {right}", "twowords", cost))
    return found


def three_words(word: str, lexicon) -> list[Candidate]:
    """Three words run together («тачтосидит» → «та что сидит», «чтототам» → «что-то там»): a known
    first word before a token that splits in two, each junction allowed by the rules of ``two_words``
    (see the module docstring)."""
    found = []
    for i in range(1, len(word) - 1):
        head, rest = word[:i], word[i:]
        if not lexicon.is_known(head) or lexicon.is_known(rest):
            continue
        for pair in two_words(rest, lexicon):
            first = pair.text.split(" ", 1)[0]
            hyphenated = f"{head}-{first}"
            if lexicon.is_form(hyphenated):  # «что-то там», not «что то там»
                found.append(Candidate(pair.text.replace(first, hyphenated, 1), "twowords", COST_HYPHEN + pair.cost))
                continue
            junction = next((c for c in two_words(head + first, lexicon) if c.text == f"{head} {first}"), None)
            if junction is not None:
                found.append(Candidate(f"{head} {pair.text}", "twowords", junction.cost + pair.cost))
    return found


def split_with_typo(word: str, lexicon) -> list[Candidate]:
    """A function word glued to a word with one slip in it (see the module docstring)."""
    from .edits import spelling_doubts

    found = []

    def repaired(half: str) -> list[Candidate]:
        if len(half) < MIN_REPAIRED_HALF or lexicon.is_known(half):
            return []  # a known half is ``two_words``' split
        doubts = spelling_doubts(half, lexicon.is_form, MAX_REPAIR_COST)
        return [c for c in doubts if lexicon.zipf(c.text) >= MIN_PART_ZIPF]

    for size in (1, 2):
        left = word[:size]
        if left not in LEADING_FUNCTION_WORDS:
            continue
        for repair in repaired(word[size:]):
            right = repair.text
            if _is_only_preposition(left, lexicon) and not _is_governed(left, right, lexicon):
                continue
            if _is_name_or_abbreviation(right, lexicon):
                continue
            cost = COST_NE_SPLIT if _is_ne_guess(left, right, lexicon) else COST_MISSING_SPACE
            found.append(Candidate(f"{left} {right}", "twowords", cost + repair.cost, (TYPO_RULE,)))
    for clitic in GLUED_CLITICS:
        if not word.endswith(clitic) or len(clitic) < 2:
            continue
        for repair in repaired(word[: -len(clitic)]):
            left = repair.text
            if _is_function_word(left, lexicon) and not _is_name_or_abbreviation(left, lexicon):
                found.append(Candidate(f"{left} {clitic}", "twowords", COST_MISSING_SPACE + repair.cost, (TYPO_RULE,)))
    return found


def glued_clitic_readings(word: str, lexicon) -> list[Candidate]:
    """The splits of a *dictionary* word into a word and a clitic glued behind it («толи»: «то ли»,
    «всели»: «все ли»), by the rules of ``two_words``. Whether the dictionary word is meant is the
    caller's to weigh (``detect.nonword``): «тоже» and «чтобы» are words, «толи» a name's form."""
    if lexicon.zipf(word) >= MAX_GLUED_KNOWN_ZIPF:
        return []  # «также», «тоже», «чтобы», «были»: the screen passes such words by without a look
    if not any(word.endswith(clitic) and len(word) > len(clitic) for clitic in SYLLABIC_CLITICS):
        return []  # a one-letter clitic behind a dictionary word is mostly its ending («знаки»)
    return [c for c in two_words(word, lexicon) if c.text.rsplit(" ", 1)[-1] in GLUED_CLITICS]


def _is_ne_guess(left: str, right: str, lexicon) -> bool:
    """«не» split off a content word other than a verb: Russian writes many such words joined
    («непонятный»), so the split is a guess (``COST_NE_SPLIT``), not a plain missing space."""
    return left == "не" and not _is_verb(right, lexicon) and _is_content_word(right, lexicon)


def _is_clean_split(left: str, right: str, lexicon) -> bool:
    """Both halves whole words, the left one not the head of a compound (see the module docstring)."""
    if "-" in left or "-" in right:
        return False
    for half in (left, right):
        if len(half) < 3 or (len(half) < MIN_CLEAN_HALF and lexicon.zipf(half) < MIN_SHORT_HALF_ZIPF):
            return False
    if left in COMPOUND_HEADS or right in COMPOUND_HEADS:
        return False
    if left[-1] in LINKING_VOWELS and left[-2] not in VOWELS:
        return False
    if _is_numeral(left, lexicon):
        return False
    if lexicon.zipf(right) == 0 and _ends_many_words(right, lexicon):
        return False
    if other_form_seen(left + right, len(right), lexicon) or _is_typo(left + right, lexicon):
        return False
    return _is_content_word(left, lexicon) and _is_content_word(right, lexicon)


def _is_compound_adjective(left: str, right: str, lexicon) -> bool:
    """«трех|часовой», «пятидесяти|метровый», «много|сосудистый», «полу|теплые», «пре|наивно»: a
    compound adjective's two parts (or its adverb's)."""
    pos = lexicon.parses(right)[0].tag.POS
    if pos not in ADJECTIVE_FORMS:
        return False
    if left in QUANTITY_HEADS or left in COMPOUND_HEADS or _is_numeral(left, lexicon):
        return True
    return pos in FULL_ADJECTIVES and _is_adverb_head(left, lexicon)  # «безболезненно учащённо» are two


def _is_adverb_head(word: str, lexicon) -> bool:
    """«низко|интеллектуальный», «глубоко|чувствующий»: an adverb of quality (the short neuter of an
    adjective) whose «-о» after a consonant doubles as a compound's linking vowel."""
    return (
        len(word) > 2
        and word[-1] in LINKING_VOWELS
        and word[-2] not in VOWELS
        and any(p.tag.POS == "ADJS" for p in lexicon.parses(word)[:2])  # «низко» is «низкий» too; «вне» is not
    )


def _is_numeral(word: str, lexicon) -> bool:
    return any(p.tag.POS == "NUMR" for p in lexicon.parses(word)[:2])


def _is_typo(word: str, lexicon) -> bool:
    """Whether a dictionary form lies one edit (a hyphen counts: «бизнесцентр» → «бизнес-центр») or
    one stuttered syllable («оказалалось») away."""
    from .edits import edits1, stutters

    return bool(stutters(word, lexicon.is_form) or edits1(word, lexicon.is_form, lexicon.has_prefix))


def other_form_seen(word: str, right_length: int, lexicon) -> bool:
    """Whether web text has seen this token with another ending («пульмонологу» → «пульмонолога»).

    Only endings that replace letters of the right half are tried: the left half's own forms say
    nothing about the token.
    """
    for cut in range(1, min(3, right_length - 1) + 1):
        stem = word[:-cut]
        if any(lexicon.zipf(stem + ending) > 0 for ending in OTHER_FORM_ENDINGS if stem + ending != word):
            return True
    return False


def _is_unlisted_word(half: str, lexicon) -> bool:
    """A word pymorphy lacks but web text has seen, long enough not to be a bare stem («тропонин»)."""
    return len(half) >= MIN_UNLISTED_HALF and lexicon.zipf(half) >= MIN_UNLISTED_ZIPF


def _is_only_preposition(word: str, lexicon) -> bool:
    parses = lexicon.parses(word)
    return bool(parses) and parses[0].tag.POS == "PREP"


def _is_name_or_abbreviation(word: str, lexicon) -> bool:
    tag = lexicon.parses(word)[0].tag
    return bool(NOT_GLUED_GRAMMEMES & set(tag.grammemes))


def _is_ending_like(left: str, right: str, lexicon) -> bool:
    """The right half with the left half's last letter is an ending: «лось» ends «полилось», «йшее»
    «лучшее», «точки» «строчки»; «йлист» («больничный лист») and «ьдать» («слесарь дать») end none."""
    return _ends_many_words(left[-1] + right, lexicon)


def _ends_many_words(tail: str, lexicon) -> bool:
    """More frequent words than ``MAX_SUFFIX_TAILS`` end with ``tail``: an ending, not a word."""
    return lexicon.ends_more_words_than(tail, MAX_SUFFIX_TAILS)


def _is_content_word(word: str, lexicon) -> bool:
    return lexicon.parses(word)[0].tag.POS not in GLUING_POS


def _is_ne_compound(word: str, lexicon) -> bool:
    """«непрогаданное», «неглубокий»: «не» written together with a known word that is not a verb.

    Such a token is a word of its own (most are in no dictionary), so the only split worth weighing is
    the one after «не»."""
    rest = word[2:]
    return word.startswith("не") and len(rest) > 2 and lexicon.is_known(rest) and not _is_verb(rest, lexicon)


def _is_verb(word: str, lexicon) -> bool:
    return lexicon.parses(word)[0].tag.POS in {"VERB", "INFN", "GRND"}


def _is_function_word(word: str, lexicon) -> bool:
    return not _is_content_word(word, lexicon)


def _is_governed(preposition: str, word: str, lexicon) -> bool:
    """Whether ``word`` can stand in a case the preposition governs («до кукурузные» cannot)."""
    cases = GOVERNMENT.get(preposition)
    parses = [p for p in lexicon.parses(word) if p.tag.POS in CASE_BEARING and "Abbr" not in p.tag]
    if cases is None:
        return bool(parses)
    return any(p.tag.case in cases for p in parses)
