"""Marks around words: how sentences end, what opens and closes a quote, hyphens, invisible characters."""

from __future__ import annotations

SENTENCE_END = frozenset(".!?…")  # the characters a sentence-ending mark is made of
CLAUSE_END = SENTENCE_END | {";", ":"}  # … and the last characters of a mark that ends a clause
OPENERS = frozenset("«\"'„“(—–-[")  # marks that may stand before the first word of a sentence
CARRIES_ON = frozenset({",", "-", "—", "–"})  # marks after which a line break leaves the sentence going on
CLOSERS = frozenset({"»", ")", "]", '"', "”", "’"})
# Typed after a stressed vowel where the combining accent is not at hand («несказа'нным», «случа’ю»).
TYPED_STRESS_MARKS = "'’ʼ´`"
HYPHENS = "-\u2010\u00ad"  # hyphen-minus, the Unicode hyphen, the soft hyphen
SOFT_HYPHEN = "\u00ad"
BYTE_ORDER_MARK = "\ufeff"
# Zero-width space, non-joiner, joiner, word joiner, byte-order mark and soft hyphen: inside a word they
# make it look right and compare wrong.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def is_sentence_end(mark: str) -> bool:
    """True for «.», «!», «?», «…» and their runs («...», «?!»)."""
    return bool(mark) and set(mark) <= SENTENCE_END
