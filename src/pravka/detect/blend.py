"""Spinner blends: the start of one word fused with the tail of its "synonym".

A text spinner pastes a synonym over a word and leaves a scrap of the original: «сторонтраница»
(сторона + страница), «пыталтарался» (пытался + старался), «детлышам» (детям + малышам). The original
form lost up to three letters at its end, the synonym up to three at its start; the synonym was
inflected to the original's form. The original is what the author meant, so it is the suggestion.

Reading a blend. Every cut of the token into a head and a tail of at least three letters is tried:

* the *tail* must end a frequent dictionary word, missing at most three of its first letters
  (``lexicon.words_ending_with``);
* the *head* must start a frequent dictionary form, missing at most three of its last letters (the
  forms are found letter by letter with the dictionary's prefix test, so only real continuations are
  followed);
* a pair (original, synonym) scores its two frequencies, less a price per missing letter, plus a
  bonus when the two have the same part of speech and grammatical form (the spinner inflected the
  synonym to the original: «детям»/«малышам» are both dative plural) and a penalty when they cannot;
  the head word's lexeme in the synonym's form competes too, with the bonus (the spinner sometimes
  keeps another form of the original: «с той сторонамтраницы» meant «стороны»);
  the context model's score of the original between its neighbours is added, as for any candidate.

Each distinct original keeps its best pair; their scores become shares (10^score, normalised), the
raw confidence of each reading. A blend is reported, never applied on its own (``auto_fix=False``).

Which unknown words are blends. A blend is a string nobody wrote before: the token is unknown to the
dictionary and to web text (wordfreq never saw it; it has seen rare real words such as
«маршруточками»), at least ``MIN_LENGTH`` letters, and not capitalised inside a sentence (a name). Its best reading must agree in form, name an original of at least ``MIN_ORIGINAL`` letters
from a synonym tail of at least ``MIN_TAIL``, and score at least ``MIN_SCORE``: rare derivations
(«зефирчиком»), compounds («электромотоциклах») and slang read badly as a paste. The speller is asked first: a confident one-word
correction is a typo, left to the non-word detector; two glued words with a function word among them
(«потомучто», «ктобы») are glued words. Two glued content words are glued words too when the
speller is confident of the split; the blend reading wins when the split does not read as Russian
(«укрепления рубле»: a locative stands only after a preposition) or is unsure.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..ru.alphabet import ALPHABET, LINKING_VOWELS, match_case
from ..ru.grammar import CASED, FUNCTION_POS
from ..types import Finding, Suggestion
from .base import Detector, Triggers
from .nonword import CHECKABLE

MIN_LENGTH = 7
MIN_PART = 3  # letters of the token kept from the original
MIN_TAIL = 4  # letters kept from the synonym: fewer end too many words to name one
MIN_ORIGINAL = 5  # shorter words («нос», «под») start too many strings
MIN_SCORE = 5.0  # the best reading's score (log10 units) below which the token is no blend
MAX_MISSING = 3  # letters the spinner cut from the end of the original, or from the start of the synonym
MIN_WORD_ZIPF = 2.0  # the original and the synonym are words people write
MAX_WORDS_PER_SIDE = 6  # the most frequent heads and tails tried per cut
COST_MISSING = 0.35  # per missing letter, in log10 units
SYNONYM_WEIGHT = 0.5  # the synonym's own frequency matters less than the original's
AGREEMENT_BONUS = 1.0
DISAGREEMENT_PENALTY = 1.5
TYPO_SURE = 0.5  # a one-word correction at least this likely explains the token: a typo
MAX_READINGS = 3
SPLIT_SHARE = 0.1  # the share left to reading a blend of two whole words as two glued words
SHARED_START = 3  # a "synonym" that starts like the original is the same word in another form
LOCATIVE = frozenset({"loct", "loc2"})
# A compound's head ends in a linking vowel, or in a numeral's «-и» («шести|часовое»).
COMPOUND_HEAD_ENDINGS = LINKING_VOWELS | {"и"}
CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB", "COMP"})


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
        if _speller_explains(document.suggest(lower), lexicon):
            continue  # decided before reading a blend, which costs more
        readings = blend_readings(lower, lexicon, document.context, *document.neighbours(index))
        if not readings:
            continue
        suggestions = [Suggestion(match_case(word, text), share, "blend") for text, share in readings]
        split = _known_halves(lower, lexicon)
        if split is not None:  # «укреплениярубле»: two words glued is a reading too, if a poor one
            suggestions = [replace(s, confidence=s.confidence * (1 - SPLIT_SHARE)) for s in suggestions]
            suggestions.append(Suggestion(match_case(word, split), SPLIT_SHARE, "blend-split"))
        yield Finding(token.start, token.stop, word, "blend", suggestions)


def _known_halves(word: str, lexicon) -> str | None:
    """«head tail» for the first cut into two dictionary words of at least ``MIN_ORIGINAL`` letters."""
    for cut in range(MIN_ORIGINAL, len(word) - MIN_ORIGINAL + 1):
        if lexicon.is_form(word[:cut]) and lexicon.is_form(word[cut:]):
            return f"{word[:cut]} {word[cut:]}"
    return None


def _speller_explains(suggestions, lexicon) -> bool:
    """Whether the speller's reading, not a blend, explains the token (see the module docstring)."""
    if not suggestions:
        return False
    best = suggestions[0]
    if best.source == "twowords":
        parts = best.text.lower().split()
        if any(_is_function_word(part, lexicon) for part in parts):
            return True
        right_cases = {p.tag.case for p in lexicon.morph.parse(parts[-1]) if p.tag.POS in CASED}
        if right_cases and right_cases <= LOCATIVE:
            return False  # «укрепления рубле»: a locative stands only after a preposition
    return best.confidence >= TYPO_SURE


def _is_function_word(word: str, lexicon) -> bool:
    return any(parse.tag.POS in FUNCTION_POS for parse in lexicon.morph.parse(word)[:2])


def blend_readings(
    word: str, lexicon, context=None, left: str | None = None, right: str | None = None
) -> list[tuple[str, float]]:
    """(original, share) for the likeliest originals of a lower-case blend, best first."""
    best: dict[str, tuple[float, bool]] = {}
    for cut in range(MIN_PART, len(word) - MIN_TAIL + 1):
        head, tail = word[:cut], word[cut:]
        synonyms = _tail_words(tail, lexicon)
        if not synonyms:
            continue
        for head_word in _head_words(head, lexicon):
            for synonym in synonyms:
                if head_word[:SHARED_START] == synonym[:SHARED_START]:
                    continue
                if synonym == tail and head[-1] in COMPOUND_HEAD_ENDINGS:
                    continue  # «электро|мотоциклах», «мускуло|ход»: a compound of two stems, not a blend
                missing = COST_MISSING * ((len(head_word) - len(head)) + (len(synonym) - len(tail)))
                base = SYNONYM_WEIGHT * lexicon.zipf(synonym) - missing
                # The head may be another form of the original («сторонамтраницы» after «с той»): the
                # original is then the head's lexeme in the synonym's form.
                for original in (head_word, *sorted(_in_form_of(head_word, synonym, lexicon) - {head_word})):
                    if len(original) < MIN_ORIGINAL:
                        continue
                    agrees = original != head_word or _same_form(original, synonym, lexicon)
                    score = base + lexicon.zipf(original) + (AGREEMENT_BONUS if agrees else -DISAGREEMENT_PENALTY)
                    if score > best.get(original, (float("-inf"), False))[0]:
                        best[original] = (score, agrees)
    top_score, top_agrees = max(best.values(), default=(float("-inf"), False))
    if not top_agrees or top_score < MIN_SCORE:
        return []  # no reading as a spinner's paste: a rare derivation, a compound, a name
    scores = {original: score for original, (score, _) in best.items()}
    if context is not None:
        scores = {original: score + context.score(original, left, right) for original, score in scores.items()}
    top = max(scores.values())
    total = sum(10 ** (score - top) for score in scores.values())
    ranked = sorted(scores.items(), key=lambda item: -item[1])[:MAX_READINGS]
    return [(original, 10 ** (score - top) / total) for original, score in ranked]


@lru_cache(maxsize=20_000)
def _tail_words(tail: str, lexicon) -> tuple[str, ...]:
    """Frequent dictionary words that end with ``tail`` and lack at most ``MAX_MISSING`` first letters."""
    found = [
        w
        for w in lexicon.words_ending_with(tail)
        if len(w) - len(tail) <= MAX_MISSING and lexicon.zipf(w) >= MIN_WORD_ZIPF
    ]
    return tuple(sorted(found, key=lexicon.zipf, reverse=True)[:MAX_WORDS_PER_SIDE])


@lru_cache(maxsize=20_000)
def _head_words(head: str, lexicon) -> tuple[str, ...]:
    """Frequent dictionary forms that start with ``head`` and have at most ``MAX_MISSING`` more letters,
    found by extending ``head`` one letter at a time while some form still starts that way."""
    found = [head] if lexicon.is_form(head) else []
    frontier = [head]
    for _ in range(MAX_MISSING):
        frontier = [
            prefix + letter for prefix in frontier for letter in ALPHABET if lexicon.has_prefix(prefix + letter)
        ]
        found += [form for form in frontier if lexicon.is_form(form)]
    found = [form for form in found if lexicon.zipf(form) >= MIN_WORD_ZIPF]
    return tuple(sorted(found, key=lexicon.zipf, reverse=True)[:MAX_WORDS_PER_SIDE])


@lru_cache(maxsize=50_000)
def _form_keys(word: str, lexicon) -> frozenset[tuple]:
    """(part of speech, case, number, person, tense, and gender where it inflects) of each reading."""
    keys = set()
    for parse in lexicon.morph.parse(word)[:4]:
        tag = parse.tag
        if tag.POS not in CONTENT_POS:
            continue
        gender = tag.gender if tag.POS != "NOUN" and tag.number == "sing" else None
        keys.add((tag.POS, tag.case, tag.number, tag.person, tag.tense, gender))
    return frozenset(keys)


def _in_form_of(head_word: str, synonym: str, lexicon) -> set[str]:
    """The forms of ``head_word``'s lexeme with the grammatical form of a reading of ``synonym``."""
    return {
        form
        for pos, wanted in _forms_wanted(synonym, lexicon)
        for form in _inflections(head_word, pos, wanted, lexicon)
    }


@lru_cache(maxsize=50_000)
def _forms_wanted(synonym: str, lexicon) -> frozenset[tuple[str, frozenset[str]]]:
    """(part of speech, grammemes) of each content reading of ``synonym``: what the original is
    inflected to (gender only where it inflects: not for nouns, not in the plural)."""
    found = set()
    for parse in lexicon.morph.parse(synonym)[:4]:
        tag = parse.tag
        if tag.POS not in CONTENT_POS:
            continue
        wanted = {g for g in (tag.case, tag.number, tag.person, tag.tense) if g}
        if tag.POS != "NOUN" and tag.number == "sing" and tag.gender:
            wanted.add(tag.gender)
        if wanted:
            found.add((tag.POS, frozenset(wanted)))
    return frozenset(found)


@lru_cache(maxsize=100_000)
def _inflections(head_word: str, pos: str, wanted: frozenset[str], lexicon) -> tuple[str, ...]:
    """The frequent forms of ``head_word``'s lexemes of part of speech ``pos`` with ``wanted``."""
    forms = set()
    for head_parse in lexicon.morph.parse(head_word)[:4]:
        if head_parse.tag.POS != pos:
            continue
        inflected = head_parse.inflect(set(wanted))
        if inflected is not None and inflected.word != head_word and lexicon.zipf(inflected.word) >= MIN_WORD_ZIPF:
            forms.add(inflected.word)
    return tuple(sorted(forms))


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
