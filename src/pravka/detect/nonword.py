"""Non-words: Cyrillic words that neither the dictionary nor any word list knows.

Skipped as not spelling material: one-letter words, ALL-CAPS abbreviations («ОБСЕ»), words with
invisible characters (left to the hyphenation detector). Hyphenated words are known when the whole form
or every part is known («пресс-секретарь», «какой-то»).

Capitalized unknown words are mostly names (Столтенберг, Блинкен, Рябкова): pymorphy3 lacks many
surnames, so a capital letter alone must not trigger a correction. Such a word is reported only when a
common word is one cheap slip away and the ranker is sure of it («Росийской» → «Российской»).
"""

from __future__ import annotations

import re

from ..types import Finding

CHECKABLE = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*")
NAME_MIN_CONFIDENCE = 0.9
NAME_MIN_ZIPF = 3.0


def looks_like_name(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def detect(document):
    lexicon = document.lexicon
    for index, token in enumerate(document.tokens):
        word = token.text
        if token.kind != "word" or len(word) < 2 or word.isupper() or not CHECKABLE.fullmatch(word):
            continue
        if lexicon.is_known(word):
            continue
        suggestions = document.suggest(word)
        if looks_like_name(word) and not _clearly_misspelt(suggestions, lexicon):
            continue
        yield Finding(token.start, token.stop, word, "nonword", suggestions)


def _clearly_misspelt(suggestions, lexicon) -> bool:
    if not suggestions:
        return False
    best = suggestions[0]
    return best.confidence >= NAME_MIN_CONFIDENCE and lexicon.zipf(best.text) >= NAME_MIN_ZIPF
