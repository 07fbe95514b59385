"""OCR confusions: characters that a recogniser reads for Cyrillic letters of the same shape.

Two kinds of damage are undone here, before the ordinary typo search:

* digits inside a Cyrillic word — 0 for о, 3 for з, 4 for ч, 6 for б («н0вых», «3дание», «6ыло»);
* Ukrainian/Latin і and l in place of a Cyrillic letter — «ьі»/«ъі» for ы («бьіло»), «іо» for ю
  («сіоль»), a lone і for и.

The damaged word is rewritten by these shape rules (every combination of the ambiguous ones); if a
rewrite is a known word and the token is not, the fix is near certain. Letter-for-letter shape slips
inside otherwise Cyrillic words (ш/щ, и/н/п, л/п) are priced as their own ``ocr`` channel in
``candidates.channel``, and the non-word detector reports them with kind ``ocr`` when that channel explains the
best suggestion.
"""

from __future__ import annotations

import itertools
import re

from ..ru.alphabet import CYRILLIC_LETTER, OCR_LETTERS, OCR_SEQUENCES, match_case
from ..ru.grammar import numeral_with_ending
from ..types import Finding, Suggestion
from .base import Detector, Triggers

SUSPECT = re.compile("[" + "".join(sorted(set(OCR_LETTERS) - {"l"})) + "]")  # «l» alone is too often Latin
CERTAIN = 0.97
MAX_REWRITES = 64


def rewrites(word: str) -> list[str]:
    lower = word.lower()
    for damaged, letter in OCR_SEQUENCES:
        lower = lower.replace(damaged, letter)
    ambiguous = [i for i, ch in enumerate(lower) if ch in OCR_LETTERS]
    options = []
    for keep in itertools.islice(itertools.product((False, True), repeat=len(ambiguous)), MAX_REWRITES):
        letters = list(lower)
        for index, untouched in zip(ambiguous, keep, strict=True):
            if not untouched:
                letters[index] = OCR_LETTERS[letters[index]]
        options.append("".join(letters))
    return options


def detect(document):
    lexicon = document.lexicon
    for token in document.tokens:
        word = token.text
        if token.kind not in ("word", "number") or not CYRILLIC_LETTER.search(word) or not SUSPECT.search(word):
            continue
        if any(part.isdigit() for part in word.split("-")) or numeral_with_ending(word):
            continue  # «40-летней», «2-й», «60е»: a number in its own right, not letters misread
        if lexicon.is_known(word):
            continue
        for candidate in rewrites(word):
            if candidate != word.lower() and lexicon.is_known(candidate):
                suggestion = Suggestion(match_case(word, candidate), CERTAIN, "ocr")
                yield Finding(token.start, token.stop, word, "ocr", [suggestion])
                break


DETECTOR = Detector(
    "ocr",
    ("ocr",),
    "an unknown Cyrillic word holding a digit or an «і» of a letter's shape",
    detect,
    Triggers(text=re.compile(f"[а-яёА-ЯЁ]{SUSPECT.pattern}|{SUSPECT.pattern}[а-яёА-ЯЁ]")),
)
