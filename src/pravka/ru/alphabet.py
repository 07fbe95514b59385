"""Letters: the Russian alphabet, look-alike letters of other scripts, ё/е and letter case.

Russians rarely type «ё»: two spellings of one word differ only by ё/е, so acceptance folds them
(``fold``) while the output keeps the writer's choice (``in_writers_spelling``). Latin letters with the
shape of Cyrillic ones slip into Cyrillic words (keyboard layouts, OCR, spam filters evaded on
purpose); ``LATIN_TO_CYRILLIC`` and ``CYRILLIC_TO_LATIN`` map one script's look-alikes onto the other's.
OCR reads digits and Ukrainian/Latin і for letters of the same shape (``OCR_SEQUENCES``,
``OCR_LETTERS``).
"""

from __future__ import annotations

import re

ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
VOWELS = frozenset("аеёиоуыэюя")
CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")
CYRILLIC_LETTER = re.compile(r"[а-яёА-ЯЁ]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
# The vowels that join the two stems of a compound («водопровод», «пешеход»).
LINKING_VOWELS = frozenset("оеё")
# The vowels that begin with the sound «й» («ель», «ёж», «юг», «яма»): a prefix ending in a consonant
# is parted from them by «ъ» («сверхъестественный», «постъядерный»), and «о» needs no «б» before them
# («о ёлке», «о юге»), as it does before the others («об истории», «об этом»).
IOTATED_VOWELS = frozenset("еёюя")

LATIN_TO_CYRILLIC = str.maketrans("aceopxykmABCEHKMOPTXY", "асеорхукмАВСЕНКМОРТХУ")
CYRILLIC_TO_LATIN = str.maketrans("асеорхуАВСЕНКМОРТХУ", "aceopxyABCEHKMOPTXY")
LOOKALIKE_LATIN = re.compile(r"[aceopxykmABCEHKMOPTXY]+")

# Characters that a recogniser reads for Cyrillic letters of the same shape.
OCR_SEQUENCES = (("ьі", "ы"), ("ъі", "ы"), ("ьi", "ы"), ("ъi", "ы"), ("іо", "ю"), ("io", "ю"))
OCR_LETTERS = {"0": "о", "3": "з", "4": "ч", "6": "б", "і": "и", "i": "и", "l": "л"}
OCR_DIGITS = "".join(ch for ch in OCR_LETTERS if ch.isdigit())


def fold(word: str) -> str:
    """Lower case, «ё» written «е»: the form acceptance compares."""
    return word.lower().replace("ё", "е")


def in_writers_spelling(text: str, typed: str) -> str:
    """``text`` with «ё» written «е» unless the writer of ``typed`` types «ё»: «еше» → «еще», not «ещё»."""
    return text if "ё" in typed else text.replace("ё", "е")


def match_case(original: str, replacement: str) -> str:
    """``replacement`` in the letter case of ``original``: ALL CAPS, Capitalised or as it is.

    A hyphenated word is matched part by part when both have as many parts: «Санкт-Питербург» →
    «Санкт-Петербург», «Ростов-на-Дону» keeps its lower-case «на».
    """
    if "-" in original and original.count("-") == replacement.count("-"):
        parts = zip(original.split("-"), replacement.split("-"), strict=True)
        return "-".join(_match_word_case(typed, new) for typed, new in parts)
    return _match_word_case(original, replacement)


def _match_word_case(original: str, replacement: str) -> str:
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return replacement.upper()
    if letters and original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
