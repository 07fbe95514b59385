"""Look-alike letters from the other script: «Poccия», «рyсский» (Latin letters in Cyrillic words),
«HATO» written in Latin inside Russian text, and Cyrillic letters inside a Latin word («Micrоsoft»).

A word that mixes scripts is mapped letter by letter to the script of its Cyrillic majority; if the
mapped word is known and the original is not, the fix is certain. An all-Latin word made only of
look-alike letters is mapped to Cyrillic only when that gives a known word, it stands among Cyrillic
words, and it is written in capitals or the mapped form is a common word — so «TOP» in an English
phrase stays, «HATO» between Russian words becomes «НАТО».
"""

from __future__ import annotations

import re

from ..ru.alphabet import CYRILLIC_LETTER, CYRILLIC_TO_LATIN, LATIN_LETTER, LATIN_TO_CYRILLIC, LOOKALIKE_LATIN
from ..types import Finding, Suggestion
from .base import Detector, Triggers

CERTAIN = 0.99
LIKELY = 0.9


def detect(document):
    lexicon = document.lexicon
    tokens = document.tokens
    for index, token in enumerate(tokens):
        word = token.text
        if token.kind == "word" and LATIN_LETTER.search(word):
            yield from _mixed_word(token, lexicon)
        elif (
            token.kind == "latin"
            and len(word) >= 3
            and LOOKALIKE_LATIN.fullmatch(word)
            and _among_cyrillic(tokens, index)
        ):
            mapped = word.translate(LATIN_TO_CYRILLIC)
            if lexicon.is_known(mapped) and (word.isupper() or lexicon.zipf(mapped) >= 3.0):
                yield Finding(
                    token.start, token.stop, word, "homoglyph", [Suggestion(mapped, LIKELY, "latin2cyrillic")]
                )


def _mixed_word(token, lexicon):
    word = token.text
    cyrillic_majority = len(CYRILLIC_LETTER.findall(word)) >= len(LATIN_LETTER.findall(word))
    as_cyrillic = word.translate(LATIN_TO_CYRILLIC)
    as_latin = word.translate(CYRILLIC_TO_LATIN)
    # A Latin majority whose Cyrillic letters have no Latin look-alike («Poccия»: и, я) cannot be a
    # Latin word, so it is read as Cyrillic too.
    if (
        (cyrillic_majority or CYRILLIC_LETTER.search(as_latin))
        and not LATIN_LETTER.search(as_cyrillic)
        and lexicon.is_known(as_cyrillic)
    ):
        yield Finding(token.start, token.stop, word, "homoglyph", [Suggestion(as_cyrillic, CERTAIN, "latin2cyrillic")])
    elif not cyrillic_majority and not CYRILLIC_LETTER.search(as_latin):
        yield Finding(token.start, token.stop, word, "homoglyph", [Suggestion(as_latin, LIKELY, "cyrillic2latin")])


def _among_cyrillic(tokens, index: int) -> bool:
    neighbours = [
        t for t in tokens[max(0, index - 3) : index + 4] if t.kind in ("word", "latin") and t is not tokens[index]
    ]
    return bool(neighbours) and sum(t.kind == "word" for t in neighbours) * 2 > len(neighbours)


DETECTOR = Detector(
    "homoglyph",
    ("homoglyph",),
    "a word mixing Latin and Cyrillic letters, or an all-Latin word of look-alike letters among Cyrillic words",
    detect,
    Triggers(
        text=re.compile(
            rf"[A-Za-z][а-яёА-ЯЁ]|[а-яёА-ЯЁ][A-Za-z]|(?<![A-Za-z]){LOOKALIKE_LATIN.pattern[:-1]}{{3,}}(?![A-Za-z])"
        )
    ),
)
