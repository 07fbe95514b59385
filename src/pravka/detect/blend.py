"""Spinner blends: the start of one word fused with the tail of its "synonym".

A text spinner pastes a synonym over a word and leaves a scrap of the original: «сторонтраница»
(сторона + страница), «пыталтарался» (пытался + старался), «детлышам» (детям + малышам). The original
form lost up to three letters at its end, the synonym up to three at its start; the synonym was
inflected to the original's form. The original is what the author meant, so it is the suggestion.

Reading a blend. Every cut of the token into a head of at least three letters and a tail is tried:

* the *tail* must end a dictionary word, missing at most three of its first letters: the
  ``MAX_WORDS_PER_SIDE`` most frequent such words, and any rarer one (down to ``MIN_SYNONYM_ZIPF``:
  «храбрецу») that is near the head word in meaning. A tail of at least ``MIN_TAIL`` letters names
  its synonym by frequency; a scrap of three needs the meaning (``MEANING_SURE``): «дорогеути» is
  «дороге» + «пути» because «пути» is a neighbour of «дороге», while «ути» ends hundreds of words;
  a word pymorphy3 reads only as a name is nobody's synonym («природ|утуру» is not «природе» +
  «Артуру»);
* the *head* must start a frequent dictionary form, missing at most three of its last letters;
* a spinner cuts the synonym's start: a tail that is a whole word pays ``WHOLE_SYNONYM_COST``
  (every seed blend the issue quotes lost one to three letters there: «с|траница», «ма|лышам»;
  two whole words are glued words). On the tune-side spinner 1.0 took the heads first from 83.3 to
  83.7 % and clean blend findings from 0.66 to 0.59 per 1k words of XQuAD (two fewer flags:
  «меркитами») and 0.39 to 0.36 of GERA train (one left to the non-word unit); 0.5 dropped none,
  up to 2.0 the same as 1.0;
* a pair (original, synonym) scores its two frequencies, less a price per missing letter, plus a
  bonus when the two have the same part of speech and grammatical form (the spinner inflected the
  synonym to the original: «детям»/«малышам» are both dative plural; the mood is part of the form,
  so an imperative synonym asks for an imperative original: «работ|рудись» is «работай», and
  «пиш|сочиняй» no longer «пишет», inflected to the number alone) and a penalty when they cannot;
  the head word's lexeme in the synonym's form competes too, with the bonus (the spinner sometimes
  keeps another form of the original: «с той сторонамтраницы» meant «стороны»), less
  ``OTHER_FORM_COST`` when the head word itself has a form of the synonym: the token spells it
  («геройрсонаж»: «герой», nominative like «персонаж», not «героя», accusative like it). On the
  tune-side spinner that took the heads first from 78.7 to 80.3 % (the same from 0.3 to 1.0; 0.5
  is kept), the same clean tokens flagged; and ``VOICE_BONUS`` when a verb original has the
  synonym's transitivity (pymorphy3's «tran»/«intr»: the reflexive «высится» wants «возвышается»,
  not «возвышает»). On the tune-side spinner that took the heads first from 81.3 to 83.3 % (0.3:
  82.3, 0.6: 82.7; 1.5: 83.7 but one more clean SpellRuEval token read as a blend), the same clean
  tokens flagged. Every reading of the synonym counts alike: weighing the bonus by pymorphy3's
  score of the matching reading («головой» is instrumental 0.92, genitive 0.02) lost heads (81.3 →
  80.7 % at 0.5 per decade, 79.3 % at 1.0), and so did scaling the context's score (0.5 to 1.5:
  no gain);
* plus the *meaning* of the pair: a spinner's synonym is usually a meaning neighbour of the
  original, so the cosine of their word vectors (``pravka.meaning``; a form without a vector lends
  its lemma's) moves the score by ``MEANING_WEIGHT`` per unit above ``UNRELATED_COSINE``, the mean
  cosine of the unrelated pairs that clean words' cuts produce. That is what picks «пытался» over
  «пытал» in «пыталтарался»: both agree with «старался», only one means the same;
* the context model's score of the original between its neighbours is added, as for any candidate.

Each distinct original keeps its best pair; their scores become shares (10^score, normalised), the
raw confidence of each reading. A blend is reported, never applied on its own (``auto_fix=False``);
a reading whose pair is near in meaning says so in its trail («meaning neighbours»).

Which unknown words are blends. A blend is a string nobody wrote before: the token is unknown to the
dictionary and to web text (wordfreq never saw it; it has seen rare real words such as
«маршруточками»), at least ``MIN_LENGTH`` letters, and not capitalised inside a sentence (a name).
Its best reading that agrees in form, naming an original of at least ``MIN_ORIGINAL`` letters, must
score at least ``MIN_SCORE``: rare derivations («зефирчиком»), compounds («электромотоциклах») and
scientific words («цидиппиды») read badly as a paste, and their cuts rarely give two words of one
meaning. The speller is asked first, and its reading and the blend's compete. A confident one-word
correction is a typo, left to the non-word detector, unless the blend's two words are near in
meaning and the correction is not the blend's original, another form of it or a kin word (its first
``TYPO_SHARED_START`` letters differ): «сталались» is «стали» + «остались» more likely than a typo of
«старались», «приштупила» «пришла» + «поступила» more than «приступила», while «кнопачки» stays
«кнопочки» (the blend would say «кнопки»). On the tune-side spinner (``--per-kind 1000``) reading
those as blends took 1.7 % more heads first, but SpellRuEval tune fix F1 from 86.6 to 86.4 (real
typos: «сообщете», «деляется» read as «сообщил», «делает»); with the kin test 1.4 % more, the F1
unchanged, and the same clean tokens flagged. A correction that keeps the token's first
``TYPO_SHARED_START`` letters is taken for a typo before any blend is read (the original, which keeps
the token's start, would mostly be its kin): the same tune-side figures, and ``fix`` 5–30 % faster. With the verbs' rule below: 82.1 → 83.9 %. A confident split into two words («потомучто», «большойдом») is a glued-words finding
unless the blend's two words are near in meaning (``GLUED_MEANING``: «потомуэтому»: «потому» +
«поэтому»; «понятсознать»: «понять» + «осознать»; 0.25 instead of ``MEANING_SURE``, 0.35, took the
heads first from 83.9 to 84.3 %, the same clean tune tokens flagged, for one glued fix fewer on the
medical missing-space tune set, 90.3 → 90.2 F1; 0.2: 84.5 % and 90.0, 0.15: 84.7 % and 89.0), or
the two are finite verbs («прекратил кончил», «хотела
ждал»: one finite verb hardly follows another without a conjunction, while a spinner pastes a verb's
synonym over a verb: +0.4 % heads first; the same for nouns or adjectives of one form cost the
medical missing-space tune set 6.6 points of fix F1, «боль живот»), or it is a run of three or more words (the speller reads a paste as three short pieces about as
easily: «предводитель и дер», «жизнен ноет ейское»; on the tune-side spinner, ``--per-kind 1000``,
heads first 82.8 → 84.7 %, the clean tokens flagged those of before three-word runs were read), or the split does not read as Russian: a locative standing
alone («укрепления рубле») or a short word (``MIN_ORIGINAL`` letters at most) rarer than
``GLUED_PART_ZIPF`` («крепкую очную»: «очную» is a scrap of «прочную»; the short words of real glued
pairs are common, while a long rare one is a word of the trade: on the medical missing-space tune set
a rare word of any length cost 8 points of recall, 90.0 → 85.9 F1, against 0.7 % more heads first on
the tune spinner), or a longer word rarer than ``GLUED_LONG_PART_ZIPF``, a form web text has hardly
ever seen («считаю сматриваю»: a scrap of «рассматриваю»; «идеальны ершенный»). On the tune-side
spinner that took the heads first from 80.3 to 81.3 % (2.0: 81.7 %, 2.5: 82.3 % but medical
missing-space F1 90.0 → 88.2; 1.0 keeps a margin), fix F1 of SpellRuEval tune, GERA train and the
medical missing-space tune set unchanged (GERA's fix precision 87.1 → 87.3: glued fixes of such
splits were wrong).

A token that word formation explains (``Lexicon.built_by_word_formation``: a word-building prefix
before a dictionary word, a lemma's stem before a suffix and an ending: «наполеон|изм», «агрессор|ство»,
«хоровод|ов|ые») is a blend only when its two words are near in meaning (``MEANING_SURE``): a rare
derivation cut in two reads as a paste of strangers («наполеона» + «…изма»). On the tune-side spinner
(``--per-kind 1000``) that took the clean blend findings from 0.50 to 0.46 per 1,000 words of XQuAD,
0.63 to 0.52 of SpellRuEval tune and 0.20 to 0.10 of GERA train, for one blend of 1,000 missed
(«человековой»; heads first 84.2 → 84.1 %). Counting any dictionary form as a suffix's stem, not only a
lemma, also lost «космическогового» and four more (84.2 → 83.1 %).

A token the non-word detector reports anyway, with no spelling candidate
(``nonword.reported_without_candidate``: long and unseen, or never written in any form) is read more
freely, since any reading beats none: ``MIN_REPORTED_SCORE`` instead of ``MIN_SCORE``, a tail may
name a rare synonym by frequency («уров|ватерпас», «ярк|дюжинное»), and a tail that ends no
dictionary word stands for a synonym the dictionary lacks («молчаниеемотствованием»:
«безмолвствованием»), its form read off its ending by the morphological guesser; only the longest
head read so is kept, as the spinner keeps most of the original and nothing tells where an unseen
synonym starts. Such a guess is a fallback: when a synonym the dictionary knows reads the token (a
reading that agrees, at the gate's score), none is made up, since the guesser reads some form off
any ending («врач|аекарями» beside «врача|екарями», «лекарями»): on the tune-side spinner
(``--per-kind 2000``, seeds 1 and 2) the heads first rose by 0.3 and 0.2 %, the same clean tokens
flagged. On the tune-side spinner reading the never-written tokens so (not only those of
``nonword.UNSEEN_LENGTH`` letters) took the heads first from 73.3 to 78.3 %, the same tokens
flagged in clean text (their findings only changed unit). The gate is the best reading *that
agrees*: «сказатречь» reads best as «сказать» + «речь», a noun, yet «изречь» agrees (+0.4 %).
``MIN_REPORTED_SCORE`` 3.5 took the heads first from 82.1 to 82.7 % (``--per-kind 1000``), the same
tokens flagged in clean text, but some of them with a wrong suggestion instead of none
(«зефирчиком» → «зефиром»): 4.0 is kept. But a tail that ends at most ``NAMING_TAIL_WORDS``
dictionary words names its synonym, where one that ends many is a suffix («зефир|чиком»: «чиком»
ends 23 words), so a reading through it passes at ``MIN_NAMED_SCORE``, 3.5: «изящ|гантных» (only
«элегантных» ends so) is «изящных». On the tune-side spinner (``--per-kind 2000``, seeds 1 and 2)
that took the heads first up by 0.5 and 0.6 %, the same clean tokens flagged (3.0: 0.2 % more, but
«зефирчиком» read as a paste again).

From ``LONG_PASTE_LENGTH`` letters an unseen token the speller has nothing for is a paste too when
it starts with a common word (the spinner kept most of the original: «телевизебилизор»), not before
a linking vowel («восьми|колонным» is a compound) and not explained by word formation
(«взаимо|игнорирования»): it is read the same free way, and reported
without a suggestion when nothing reads. On the tune-side spinner that reported 12 of 600 blends
nobody reported, at one more flag in 95k clean words (14 letters; 13 cost 9 more there).

Cost. The meaning model (numpy, ~37 MB) is read on the first token that gets this far (unknown,
long, not explained by the speller), never for clean text of known words, so start-up is unchanged.
The words a head or a tail can name are one prefix query each in two indexes compiled once into the
cache folder (``_head_index``, ``_tail_index``: every word filed under each of its starts and ends
that lack at most three letters, the tails most frequent first), not a walk letter by letter from
the head (33 prefix tests a step) or a scan of every word ending like the tail (tens of thousands for
«ами»): a cut costs microseconds, and what is left of a token's milliseconds is pymorphy3 inflecting
and parsing the pairs' words. So a token that the speller's verdict or word formation explains
unless its best reading pastes two meaning neighbours is first asked whether any of its cuts names
such a pair at all (``_pairs_near_in_meaning``: the cosines alone, nothing inflected); in a novel's
unknown words, three in ten have none and are dropped right there, as the full reading would drop them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..ru.alphabet import ALPHABET, LINKING_VOWELS, fold, match_case
from ..ru.grammar import CASED, CONTENT_POS, FUNCTION_POS, NAME_MARKS
from ..types import Finding, Suggestion
from .base import Detector, Triggers
from .nonword import CHECKABLE, UNSEEN_DAMAGE, reported_without_candidate, unplaced

MIN_LENGTH = 7
MIN_PART = 3  # letters of the token kept from the original
MIN_TAIL = 4  # letters kept from the synonym: fewer end too many words to name one ...
MIN_SCRAP = 3  # ... unless the two words are near in meaning (MEANING_SURE)
MIN_ORIGINAL = 5  # shorter words («нос», «под») start too many strings
MIN_SCORE = 5.0  # the best reading's score (log10 units) below which the token is no blend
LONG_PASTE_LENGTH = 14  # letters of an unseen token that starts with a common word: a paste
PASTE_HEAD_ZIPF = 3.0
MIN_REPORTED_SCORE = 4.0  # the same for a token reported anyway (a weaker reading beats none)
MIN_NAMED_SCORE = 3.5  # ... by a reading whose tail ends at most NAMING_TAIL_WORDS dictionary words
NAMING_TAIL_WORDS = 3  # a tail that ends this few words names its synonym; one that ends more is a suffix («чиком»)
MAX_MISSING = 3  # letters the spinner cut from the end of the original, or from the start of the synonym
MIN_WORD_ZIPF = 2.0  # the original and the synonym are words people write
MAX_WORDS_PER_SIDE = 6  # the most frequent heads and tails tried per cut; rarer tails only if near in meaning
MIN_SYNONYM_ZIPF = 1.0  # a synonym near the original in meaning may be a rare word («храбрец»)
MAX_ENDINGS = 200  # the words ending like the tail that are weighed for meaning, most frequent first
COST_MISSING = 0.35  # per missing letter, in log10 units
WHOLE_SYNONYM_COST = 1.0  # a synonym the spinner cut nothing from (two whole words are glued ones)
SYNONYM_WEIGHT = 0.5  # the synonym's own frequency matters less than the original's
AGREEMENT_BONUS = 1.0
DISAGREEMENT_PENALTY = 1.5
VOICE_BONUS = 1.0  # a verb original of the synonym's transitivity (a spinner swaps intransitive for intransitive)
OTHER_FORM_COST = 0.5  # an original in another form than the token's head spells
MEANING_WEIGHT = 4.0  # log10 units per unit of cosine between the original and the synonym
UNRELATED_COSINE = 0.03  # the mean cosine of the pairs read in clean words' cuts: no bonus, no penalty
MEANING_SURE = 0.35  # a cosine that few unrelated pairs reach (1 in 100 is above 0.28)
MEANING_TRAIL = "meaning neighbours"  # the trail of a reading that is MEANING_SURE
GLUED_MEANING = 0.25  # a sure split yields to a blend of two words this near in meaning
TYPO_SURE = 0.5  # a one-word correction at least this likely explains the token: a typo
MAX_READINGS = 3
PASTES_CACHED = 4096  # words whose paste readings are kept
SPLIT_SHARE = 0.1  # the share left to reading a blend of two whole words as two glued words
SHARED_START = 3  # a "synonym" that starts like the original is the same word in another form
TYPO_SHARED_START = 4  # a typo's correction that starts like the blend's original is its word, or a kin
GLUED_LONG_PART_ZIPF = 1.0  # ... and a longer one is a form web text has seen (2.5 cost medical recall)
GLUED_PART_ZIPF = 3.5  # both words of real glued pairs are common (3.0: 1.2 % fewer heads first, tune)
TYPO, GLUED = "typo", "glued"  # what the speller's reading says the token is
LOCATIVE = frozenset({"loct", "loc2"})
# A compound's head ends in a linking vowel, or in a numeral's «-и» («шести|часовое»).
COMPOUND_HEAD_ENDINGS = LINKING_VOWELS | {"и"}


def detect(document):
    lexicon = document.lexicon
    for index, token in enumerate(document.tokens):
        word = token.text
        if token.kind != "word" or len(word) < MIN_LENGTH or not CHECKABLE.fullmatch(word) or "-" in word:
            continue
        if word.isupper() or (word[0].isupper() and not document.starts_sentence(index)):
            continue  # shouted words, and names: a capitalised unknown word inside a sentence
        if lexicon.is_known(word) or lexicon.zipf(word) > 0:
            continue  # a spinner's blend is a string nobody wrote before; web text has rare real words
        lower = word.lower()
        spellings = document.suggest(lower)
        verdict = _speller_verdict(spellings, lexicon)
        if verdict == TYPO and fold(spellings[0].text)[:TYPO_SHARED_START] == fold(lower)[:TYPO_SHARED_START]:
            continue  # the correction keeps the token's start, so the blend's original would be its kin (below)
        # A long token the speller cannot place (``nonword.unplaced``: no one-word candidate, no split
        # sure enough to report) is likely damaged (``nonword.UNSEEN_DAMAGE``), when a report at that
        # level is wanted: when the non-word unit reports it anyway, with nothing sure to offer, any
        # reading is better; from ``LONG_PASTE_LENGTH`` letters it is a paste when it starts with a
        # common word.
        lost = unplaced(spellings, document.report_threshold) and document.report_threshold <= UNSEEN_DAMAGE
        reported = lost and reported_without_candidate(word, lexicon)
        pasted = (
            lost
            and not reported
            and len(lower) >= LONG_PASTE_LENGTH
            and _starts_with_common_word(lower, lexicon)
            and not lexicon.built_by_word_formation(lower)
        )
        sure = GLUED_MEANING if verdict == GLUED else MEANING_SURE
        if (
            not pasted
            and (verdict in (GLUED, TYPO) or lexicon.built_by_word_formation(lower))
            and not _pairs_near_in_meaning(lower, lexicon, sure)
        ):
            continue  # the tests below would drop any reading, none being near in meaning: spare their search
        readings = blend_readings(
            lower, lexicon, document.context, *document.neighbours(index), reported=reported or pasted
        )
        if pasted and not readings:
            yield Finding(token.start, token.stop, word, "blend", [])
            continue
        if not readings or (verdict in (GLUED, TYPO) and not _near_in_meaning(readings[0][2], sure)):
            continue  # a split or a typo the speller is sure of stands, unless the blend's two words are synonyms
        if not _near_in_meaning(readings[0][2]) and lexicon.built_by_word_formation(lower):
            continue  # «наполеонизм», «хороводовые»: word formation explains it better than a paste of strangers
        if verdict == TYPO and fold(readings[0][0])[:TYPO_SHARED_START] == fold(spellings[0].text)[:TYPO_SHARED_START]:
            continue  # «кнопачки»: «кнопочки» or «кнопки» is one word, and the typo explains the letters better
        suggestions = [
            Suggestion(match_case(word, text), share, "blend", _trail(reading)) for text, share, reading in readings
        ]
        split = _known_halves(lower, lexicon)
        if split is not None:  # «укреплениярубле»: two words glued is a reading too, if a poor one
            suggestions = [replace(s, confidence=s.confidence * (1 - SPLIT_SHARE)) for s in suggestions]
            suggestions.append(Suggestion(match_case(word, split), SPLIT_SHARE, "blend-split"))
        yield Finding(token.start, token.stop, word, "blend", suggestions)


def _starts_with_common_word(word: str, lexicon) -> bool:
    """Whether a common word (``PASTE_HEAD_ZIPF``) of at least ``MIN_ORIGINAL`` letters, less at most
    ``MAX_MISSING`` letters of its end, starts ``word`` and leaves at least ``MIN_TAIL`` letters
    after it, not after a linking vowel (a compound: «восьми|колонным»)."""
    for cut in range(len(word) - MIN_TAIL, MIN_ORIGINAL - 1, -1):
        head = word[:cut]
        if head[-1] in COMPOUND_HEAD_ENDINGS:
            continue
        if any(len(w) >= MIN_ORIGINAL and lexicon.zipf(w) >= PASTE_HEAD_ZIPF for w in _head_words(head, lexicon)):
            return True
    return False


def _near_in_meaning(reading: Reading, sure: float = MEANING_SURE) -> bool:
    return reading.cosine is not None and reading.cosine >= sure


def _trail(reading: Reading) -> tuple[str, ...]:
    return (MEANING_TRAIL,) if _near_in_meaning(reading) else ()


def of_near_synonyms(finding: Finding) -> bool:
    """Whether a blend finding's best reading pastes together two meaning neighbours (its trail says so)."""
    return bool(finding.suggestions) and MEANING_TRAIL in finding.suggestions[0].trail


def _known_halves(word: str, lexicon) -> str | None:
    """«head tail» for the first cut into two dictionary words of at least ``MIN_ORIGINAL`` letters."""
    for cut in range(MIN_ORIGINAL, len(word) - MIN_ORIGINAL + 1):
        if lexicon.is_form(word[:cut]) and lexicon.is_form(word[cut:]):
            return f"{word[:cut]} {word[cut:]}"
    return None


def _speller_verdict(suggestions, lexicon) -> str | None:
    """``TYPO`` or ``GLUED`` when the speller's reading, not a blend, explains the token; ``GLUED``
    only for two content words, which a blend of synonyms still outweighs (see the module docstring)."""
    if not suggestions:
        return None
    best = suggestions[0]
    if best.source == "twowords":
        parts = best.text.lower().split()
        if len(parts) > 2:
            return None  # «предводитель и дер», «жизнен ноет ейское»: three pieces read a paste as easily
        if any(_may_be_function_word(part, lexicon) for part in parts):
            return GLUED
        right_cases = {p.tag.case for p in lexicon.parses(parts[-1]) if p.tag.POS in CASED}
        if right_cases and right_cases <= LOCATIVE:
            return None  # «укрепления рубле»: a locative stands only after a preposition
        if any(lexicon.zipf(part) < GLUED_PART_ZIPF and len(part) <= MIN_ORIGINAL for part in parts):
            # «обман дор», «вой талии»: a short rare word after the cut is a scrap of a synonym; a long
            # one is a word of the trade («артерия миокарда»), and the pair was glued
            return None
        if any(lexicon.zipf(part) < GLUED_LONG_PART_ZIPF for part in parts):
            return None  # «считаю сматриваю», «настоящи поддельным»: a form nobody writes is a scrap too
        if _verbs_alike(parts[0], parts[-1], lexicon):
            return None  # «прекратил кончил», «хотела ждал»: a verb's synonym pasted over it
        return GLUED if best.confidence >= TYPO_SURE else None
    return TYPO if best.confidence >= TYPO_SURE else None


def _may_be_function_word(word: str, lexicon) -> bool:
    # Either of the two likeliest readings: pymorphy3 reads «уже» first as an adverb, then as a
    # particle, and glued to a word it makes a glued pair, never half of a blend.
    return any(parse.tag.POS in FUNCTION_POS for parse in lexicon.parses(word)[:2])


@dataclass(frozen=True, slots=True)
class Reading:
    """One way the spinner could have made the blend: ``original`` pasted over by ``synonym``."""

    original: str
    synonym: str
    kept: int  # letters of the token that are the synonym's
    score: float  # log10 units: frequencies, missing letters, agreement, meaning (not the context)
    agrees: bool  # the synonym has the original's form
    cosine: float | None  # of their meaning vectors; None when either lacks one
    named: bool = False  # the tail ends at most ``NAMING_TAIL_WORDS`` dictionary words: it names its synonym


def blend_readings(
    word: str, lexicon, context=None, left: str | None = None, right: str | None = None, *, reported: bool = False
) -> list[tuple[str, float, Reading]]:
    """(original, share, its best reading) for the likeliest originals of a lower-case blend, best
    first; [] when no reading passes (see the module docstring). ``reported``: the token is reported
    anyway, so a synonym the dictionary lacks is read too."""
    best: dict[str, Reading] = {}
    readings = _paste_readings(word, lexicon, guess=reported)
    for reading in readings:
        if reading.score > (best[reading.original].score if reading.original in best else float("-inf")):
            best[reading.original] = reading
    if not any(reading.agrees and reading.score >= _gate(reading, reported) for reading in readings):
        return []  # no reading as a spinner's paste: a rare derivation, a compound, a name
    scores = {original: reading.score for original, reading in best.items()}
    if context is not None:
        scores = {original: score + context.score(original, left, right) for original, score in scores.items()}
    high = max(scores.values())
    total = sum(10 ** (score - high) for score in scores.values())
    ranked = sorted(scores.items(), key=lambda item: -item[1])[:MAX_READINGS]
    return [(original, 10 ** (score - high) / total, best[original]) for original, score in ranked]


def _gate(reading: Reading, reported: bool) -> float:
    """The score a reading must reach for the token to be a blend (see the module docstring)."""
    if not reported:
        return MIN_SCORE
    return MIN_NAMED_SCORE if reading.named else MIN_REPORTED_SCORE


@lru_cache(maxsize=PASTES_CACHED)  # a scraped corpus repeats its unknown words; a reading costs ms
def _paste_readings(word: str, lexicon, guess: bool = False) -> tuple[Reading, ...]:
    """Every reading of ``word`` as a paste (see the module docstring), scored; a scrap shorter than
    ``MIN_TAIL`` names its synonym only when the two are near in meaning, so no other synonym of such
    a tail is read (that costs most: inflecting the head word to the synonym's form). ``guess``: a
    tail no dictionary word ends with reads as an unseen synonym, in the form its ending suggests;
    only the longest head read so is kept, as the spinner keeps most of the original and nothing
    tells where an unseen synonym starts."""
    from ..meaning import shared_model  # numpy and the vectors load only for a blend candidate

    model = shared_model()
    readings: list[Reading] = []
    unseen: list[Reading] = []
    for head, tail, endings, heads, guessing in _cuts(word, lexicon, guess):
        if guessing:  # the longest head that reads so is kept: see below
            unseen = _unseen_synonym_readings(head, tail, heads, lexicon) or unseen
            continue
        # A token reported anyway may name a rare synonym by its tail alone («уров|ватерпас»).
        frequent = [w for w in endings[:MAX_WORDS_PER_SIDE] if guess or lexicon.zipf(w) >= MIN_WORD_ZIPF]
        scrap = len(tail) < MIN_TAIL
        named = len(endings) <= NAMING_TAIL_WORDS
        cosines = _cosines(heads, endings, model, lexicon)
        for head_word, row in zip(heads, cosines, strict=True):
            near = {w: c for w, c in zip(endings, row, strict=True) if c is not None and c >= MEANING_SURE}
            for synonym in dict.fromkeys([*frequent, *near]):
                if head_word[:SHARED_START] == synonym[:SHARED_START] or (scrap and synonym not in near):
                    continue
                if _names_only(synonym, lexicon):
                    continue  # «природ|у + артуру»: a name is nobody's synonym
                if synonym == tail and head[-1] in COMPOUND_HEAD_ENDINGS:
                    continue  # «электро|мотоциклах», «мускуло|ход»: a compound of two stems, not a blend
                cosine = row[endings.index(synonym)]
                missing = COST_MISSING * ((len(head_word) - len(head)) + (len(synonym) - len(tail)))
                missing += WHOLE_SYNONYM_COST if synonym == tail else 0.0
                base = SYNONYM_WEIGHT * lexicon.zipf(synonym) - missing
                if cosine is not None:  # a spinner's synonym is usually a meaning neighbour of the original
                    base += MEANING_WEIGHT * (cosine - UNRELATED_COSINE)
                # The head may be another form of the original («сторонамтраницы» after «с той»): the
                # original is then the head's lexeme in the synonym's form.
                for original in (head_word, *sorted(_in_form_of(head_word, synonym, lexicon) - {head_word})):
                    if len(original) < MIN_ORIGINAL:
                        continue
                    agrees, fit = _form_fit(original, head_word, synonym, lexicon)
                    score = base + lexicon.zipf(original) + fit
                    readings.append(Reading(original, synonym, len(tail), score, agrees, cosine, named))
    if any(reading.agrees and reading.score >= _gate(reading, reported=True) for reading in readings):
        return tuple(readings)  # a synonym the dictionary knows reads the token: no unseen one is guessed
    return (*readings, *unseen)


def _cuts(word: str, lexicon, guess: bool):
    """(head, tail, the words the tail can end, the words the head can start, guessing) for each cut
    of ``word`` that the paste search reads: ``guessing`` when no dictionary word ends with the tail
    and ``guess`` lets it stand for an unseen synonym (``_paste_readings``)."""
    for cut in range(MIN_PART, len(word) - MIN_SCRAP + 1):
        head, tail = word[:cut], word[cut:]
        endings = _tail_words(tail, lexicon)
        guessing = not endings and guess and len(tail) >= MIN_TAIL
        if not endings and not guessing:
            continue  # before the heads, which cost more to find
        heads = _head_words(head, lexicon)
        if heads:
            yield head, tail, endings, heads, guessing


def _pairs_near_in_meaning(word: str, lexicon, sure: float) -> bool:
    """Whether a cut of ``word`` names a head word and a synonym at least ``sure`` near in meaning.
    A reading's cosine is that of its head word and synonym (its original is the head word or another
    form of it), so without such a pair no reading is near: found before any word is inflected."""
    from ..meaning import shared_model

    model = shared_model()
    return any(
        cosine is not None and cosine >= sure
        for _, _, endings, heads, _ in _cuts(word, lexicon, guess=False)
        for row in _cosines(heads, endings, model, lexicon)
        for cosine in row
    )


def _names_only(word: str, lexicon) -> bool:
    parses = lexicon.parses(word)[:2]
    return bool(parses) and all(parse.tag.grammemes & NAME_MARKS for parse in parses)


def _unseen_synonym_readings(head: str, tail: str, heads, lexicon) -> list[Reading]:
    """Readings whose synonym is a word the dictionary lacks («безмолвствованием»): the tail itself
    stands for it, its form read off its ending by the morphological guesser, with no frequency."""
    readings = []
    for head_word in heads:
        missing = COST_MISSING * (len(head_word) - len(head))
        for original in (head_word, *sorted(_in_form_of(head_word, tail, lexicon) - {head_word})):
            if len(original) < MIN_ORIGINAL:
                continue
            agrees, fit = _form_fit(original, head_word, tail, lexicon)
            score = lexicon.zipf(original) - missing + fit
            readings.append(Reading(original, tail, len(tail), score, agrees, None))
    return readings


def _cosines(words, others, model, lexicon) -> list[list[float | None]]:
    """The cosine of each of ``words`` (rows) with each of ``others`` (columns); None where either
    has no vector (a word without one borrows its lemma's: ``_vector_row``)."""
    rows = [_vector_row(word, model, lexicon) for word in words]
    columns = [_vector_row(word, model, lexicon) for word in others]
    have_rows = [row for row in rows if row is not None]
    have_columns = [column for column in columns if column is not None]
    if not have_rows or not have_columns:
        return [[None] * len(others) for _ in words]
    matrix = (model.unit_vectors(have_rows) @ model.unit_vectors(have_columns).T).tolist()
    at_row = {row: i for i, row in enumerate(have_rows)}
    at_column = {column: j for j, column in enumerate(have_columns)}
    return [
        [None if row is None or column is None else matrix[at_row[row]][at_column[column]] for column in columns]
        for row in rows
    ]


@lru_cache(maxsize=12_500)
def _vector_row(word: str, model, lexicon) -> int | None:
    """The row of the vector that stands for ``word`` (``MeaningModel.stand_in`` by lemma, over its two
    likeliest readings). The word is parsed only when it lacks one of its own: a cut weighs up to
    ``MAX_ENDINGS`` words ending like its tail, most of them with vectors of their own."""
    row = model.vector_id(word)
    if row is not None:
        return row
    stand_in = model.stand_in(word, lexicon.parses(word)[:2], by_lemma=True)
    return None if stand_in is None else model.vector_id(stand_in)


@lru_cache(maxsize=20_000)
def _tail_words(tail: str, lexicon) -> tuple[str, ...]:
    """Dictionary words that end with ``tail`` and lack at most ``MAX_MISSING`` first letters, the
    ``MAX_ENDINGS`` most frequent of those of at least ``MIN_SYNONYM_ZIPF``, most frequent first
    (equally frequent ones in the order of their reversed spelling): the first entries under the
    reversed tail in ``_tail_index``, already in that order."""
    query = tail[::-1] + INDEX_SEPARATOR
    found = []
    for entry in _tail_index(lexicon).iterkeys(query):
        found.append(entry[len(query) + RANK_DIGITS :][::-1] + tail)
        if len(found) == MAX_ENDINGS:
            break
    return tuple(found)


@lru_cache(maxsize=20_000)
def _head_words(head: str, lexicon) -> tuple[str, ...]:
    """Frequent dictionary forms (no hyphen) that start with ``head`` and have at most ``MAX_MISSING``
    more letters, the ``MAX_WORDS_PER_SIDE`` most frequent first; equally frequent ones shorter first,
    then in alphabetical order (as a letter-by-letter walk from ``head`` meets them). Read from
    ``_head_index``, plus the word lists' words (``_listed_heads``)."""
    query = head + INDEX_SEPARATOR
    found = {head + entry[len(query) :] for entry in _head_index(lexicon).iterkeys(query)}
    found.update(_listed_heads(lexicon).get(head, ()))
    walked = sorted(found, key=lambda form: (len(form), [ALPHABET.index(letter) for letter in form[len(head) :]]))
    return tuple(sorted(walked, key=lexicon.zipf, reverse=True)[:MAX_WORDS_PER_SIDE])


# The two indexes of the paste search, compiled once into the cache folder (``lexicon.compiled_once``).
# Each word is filed under every start (head index) or end (tail index) that lacks at most
# ``MAX_MISSING`` of its letters, as «start<TAB>missing letters», so that the words a cut can name are
# one prefix query, not a walk over every longer word (a three-letter tail ends tens of thousands).
# The tail index puts the word's frequency rank before the missing letters, so that a query's entries
# come most frequent first and the search stops at ``MAX_ENDINGS``. The file name holds the constants
# the indexes are built with: changing one builds new ones.
INDEX_SEPARATOR = "\t"
RANK_DIGITS = 4  # 9999 less the Zipf frequency × 100 (the frequency table's integers)
INDEX_FORMAT = 1


@lru_cache(maxsize=4)
def _tail_index(lexicon):
    """Every dictionary word of web text (the tails table's) of Zipf ≥ ``MIN_SYNONYM_ZIPF``, under each
    of its ends that lacks at most ``MAX_MISSING`` letters, reversed: «reversed end<TAB>rank reversed
    missing letters»."""

    def entries():
        for reversed_word in lexicon.tails.iterkeys():
            word = reversed_word[::-1]
            frequency = lexicon.freq.get(fold(word), 0)  # Zipf × 100: these words have no hyphen
            if frequency / 100 < MIN_SYNONYM_ZIPF:
                continue
            rank = f"{9999 - frequency:0{RANK_DIGITS}d}"
            for missing in range(min(MAX_MISSING, len(word) - 1) + 1):
                cut = len(word) - missing
                yield reversed_word[:cut] + INDEX_SEPARATOR + rank + reversed_word[cut:]

    return _compiled_index("blend-tails", f"{MAX_MISSING}-{MIN_SYNONYM_ZIPF}", entries)


@lru_cache(maxsize=4)
def _head_index(lexicon):
    """Every dictionary form without a hyphen (ё written as е or not, as ``Lexicon.is_form`` takes
    them; the word lists' words are ``_listed_heads``) of Zipf ≥ ``MIN_WORD_ZIPF``, under each of its
    starts that lacks at most ``MAX_MISSING`` letters of the alphabet: «start<TAB>missing letters».
    The forms are found from the frequency list's words (no rarer form qualifies), each with its
    dictionary spellings with «ё»."""

    def entries():
        import wordfreq

        forms = set()
        for word in wordfreq.get_frequency_dict("ru", wordlist="large"):
            folded = fold(word)
            if "-" in folded or lexicon.zipf(folded) < MIN_WORD_ZIPF:
                continue
            if folded in lexicon.forms:
                forms.add(folded)
            if folded in lexicon.yo_folded:  # some form with «ё» folds to it: which ones
                forms.add(folded)
                forms.update(form for form in _spellings_with_yo(folded) if form in lexicon.forms)
        for form in forms:
            yield from _filed_under_starts(form)

    return _compiled_index("blend-heads", f"{MAX_MISSING}-{MIN_WORD_ZIPF}", entries)


@lru_cache(maxsize=4)
def _listed_heads(lexicon) -> dict[str, list[str]]:
    """The word lists' words of Zipf ≥ ``MIN_WORD_ZIPF`` by their starts, as in ``_head_index``
    (which is the same for every Corrector, while the word lists are each one's own)."""
    by_start: dict[str, list[str]] = {}
    for word in lexicon.extra_words:
        if lexicon.zipf(word) >= MIN_WORD_ZIPF:
            for entry in _filed_under_starts(word):
                start, missing = entry.split(INDEX_SEPARATOR)
                by_start.setdefault(start, []).append(start + missing)
    return by_start


def _filed_under_starts(form: str):
    for missing in range(min(MAX_MISSING, len(form) - 1) + 1):
        cut = len(form) - missing
        if all(letter in ALPHABET for letter in form[cut:]):
            yield form[:cut] + INDEX_SEPARATOR + form[cut:]


def _spellings_with_yo(folded: str) -> list[str]:
    """``folded`` with each choice of «е» or «ё» at each of its «е»."""
    spellings = [""]
    for letter in folded:
        spellings = [s + choice for s in spellings for choice in (("е", "ё") if letter == "е" else (letter,))]
    return spellings


def _compiled_index(family: str, settings: str, entries):
    from ..lexicon import cache_dir, cache_tag, compiled_once, mapped_trie, saved_trie

    path = cache_dir() / f"{family}-{settings}-v{INDEX_FORMAT}-{cache_tag()}.marisa"
    return mapped_trie(compiled_once(path, lambda path: saved_trie(entries(), path), family))


# Words whose grammatical forms are kept: found again in a few µs from the lexicon's cached readings,
# they held 10 MB more at 12,500 on 8 MB of novels, for 1 % of CPU time or less.
FORMS_CACHED = 4096


@lru_cache(maxsize=FORMS_CACHED)
def _form_keys(word: str, lexicon) -> frozenset[tuple]:
    """(part of speech, case, number, person, tense, gender where it inflects, mood) of each reading."""
    keys = set()
    for parse in lexicon.parses(word)[:4]:
        tag = parse.tag
        if tag.POS not in CONTENT_POS:
            continue
        gender = tag.gender if tag.POS != "NOUN" and tag.number == "sing" else None
        keys.add((tag.POS, tag.case, tag.number, tag.person, tag.tense, gender, tag.mood))
    return frozenset(keys)


def _in_form_of(head_word: str, synonym: str, lexicon) -> set[str]:
    """The forms of ``head_word``'s lexeme with the grammatical form of a reading of ``synonym``."""
    return {
        form
        for pos, wanted in _forms_wanted(synonym, lexicon)
        for form in _inflections(head_word, pos, wanted, lexicon)
    }


@lru_cache(maxsize=FORMS_CACHED)
def _forms_wanted(synonym: str, lexicon) -> frozenset[tuple[str, frozenset[str]]]:
    """(part of speech, grammemes) of each content reading of ``synonym``: what the original is
    inflected to (gender only where it inflects: not for nouns, not in the plural)."""
    found = set()
    for parse in lexicon.parses(synonym)[:4]:
        tag = parse.tag
        if tag.POS not in CONTENT_POS:
            continue
        wanted = {g for g in (tag.case, tag.number, tag.person, tag.tense, tag.mood) if g}
        if tag.POS != "NOUN" and tag.number == "sing" and tag.gender:
            wanted.add(tag.gender)
        if wanted:
            found.add((tag.POS, frozenset(wanted)))
    return frozenset(found)


@lru_cache(maxsize=25_000)
def _inflections(head_word: str, pos: str, wanted: frozenset[str], lexicon) -> tuple[str, ...]:
    """The frequent forms of ``head_word``'s lexemes of part of speech ``pos`` with ``wanted``."""
    forms = set()
    for head_parse in lexicon.parses(head_word)[:4]:
        if head_parse.tag.POS != pos:
            continue
        inflected = head_parse.inflect(set(wanted))
        if inflected is not None and inflected.word != head_word and lexicon.zipf(inflected.word) >= MIN_WORD_ZIPF:
            forms.add(inflected.word)
    return tuple(sorted(forms))


def _form_fit(original: str, head_word: str, synonym: str, lexicon) -> tuple[bool, float]:
    """Whether ``original`` has ``synonym``'s form, and what that adds to the reading's score: the
    head word in that form, or another form of its lexeme inflected to it, or the head word in another
    form. The token spells the head word, so another form pays ``OTHER_FORM_COST`` when the head word
    itself agrees («геройрсонаж»: «герой» like «персонаж», not «героя» like its accusative). An
    agreeing verb of the synonym's transitivity gains ``VOICE_BONUS``."""
    voice = VOICE_BONUS if _transitivities(original, lexicon) & _transitivities(synonym, lexicon) else 0.0
    if original != head_word:
        return True, AGREEMENT_BONUS + voice - (OTHER_FORM_COST if _same_form(head_word, synonym, lexicon) else 0)
    if _same_form(original, synonym, lexicon):
        return True, AGREEMENT_BONUS + voice
    return False, -DISAGREEMENT_PENALTY


def _transitivities(word: str, lexicon) -> frozenset[str]:
    return frozenset(p.tag.transitivity for p in lexicon.parses(word)[:2] if p.tag.transitivity is not None)


def _verbs_alike(first: str, second: str, lexicon) -> bool:
    """Whether two words both read as finite verbs."""
    return all(any(key[0] == "VERB" for key in _form_keys(word, lexicon)) for word in (first, second))


def _same_form(original: str, synonym: str, lexicon) -> bool:
    return bool(_form_keys(original, lexicon) & _form_keys(synonym, lexicon))


DETECTOR = Detector(
    "blend",
    ("blend",),
    "a long unknown word that web text never contained and no small edit explains",
    detect,
    Triggers(),
    auto_fix=False,
)
