"""Split words: one word broken in two by a stray space («време ни» → «времени»).

Two neighbouring words separated by one space are joined when at least one of them is not a word and
the joined form is a known word that is not rare: «време ни» → «времени», «пре красный» → «прекрасный».
Two valid, ordinary words are never joined by default — «без опасности» is good Russian — so the rule
needs an unknown half. Names are left alone.
"""

from __future__ import annotations

from ..types import Finding, Suggestion
from .nonword import CHECKABLE

MIN_JOINED_ZIPF = 2.5
CONFIDENCE_ONE_UNKNOWN = 0.93
CONFIDENCE_BOTH_UNKNOWN = 0.97


def detect(document):
    lexicon = document.lexicon
    tokens = document.tokens
    text = document.text
    for index in range(len(tokens) - 1):
        left, right = tokens[index], tokens[index + 1]
        if left.kind != "word" or right.kind != "word" or text[left.stop : right.start] != " ":
            continue
        unknown = [not lexicon.is_known(t.text) for t in (left, right)]
        if not any(unknown):
            continue
        if not (CHECKABLE.fullmatch(left.text) and CHECKABLE.fullmatch(right.text)) or right.text[:1].isupper():
            continue
        joined = left.text + right.text
        if not lexicon.is_form(joined.lower()) or lexicon.zipf(joined) < MIN_JOINED_ZIPF:
            continue
        confidence = CONFIDENCE_BOTH_UNKNOWN if all(unknown) else CONFIDENCE_ONE_UNKNOWN
        yield Finding(left.start, right.stop, text[left.start : right.stop], "split", [Suggestion(joined, confidence, "joined")])
