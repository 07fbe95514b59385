"""Misplaced punctuation and the spaces around it.

Each finding covers only the marks and spaces that change, never a word, and its suggestion is their
replacement. Gaps that hold a line break are never touched, so a fix cannot change the number of lines.

* Doubled commas: «, ,имея», «слово,, далее» → one comma, then one space if a word follows.
* A space before a comma, period, colon or semicolon: «слово , далее» → «слово, далее»; «Итак :» → «Итак:».
  Not between two numbers («счёт 2 : 1»), and not a colon or semicolon glued to an emoticon («:-)»).
* A mark with a space before it and glued to the next word: «для ,новых» / «слово ,что». The author
  typed the space on the wrong side, or the mark does not belong there at all. Which one:
  - after a preposition no mark can stand (it would split the preposition from its noun): delete it,
    «для ,новых встреч» → «для новых встреч»;
  - a comma before a word that opens a clause — a subordinating or adversative conjunction («что»,
    «если», «но», «а»), a relative word («который», «чей»), a verbal adverb («имея») — belongs there:
    move the space, «слово ,что» → «слово, что»;
  - any other comma: probably a comma with the space on the wrong side, but only offered, not applied;
  - a period before a capitalised word ends a sentence: «слово .Далее» → «слово. Далее»; before a
    lowercase word it may be a domain («.рф») or an abbreviation, so it is left alone;
  - a colon or semicolon: move the space.
* No space after a sentence end before a capitalised Cyrillic word: «конец.Начало» → «конец. Начало».
  Not after initials or abbreviations («А.С.Пушкин», «т.е.», «ул.Ленина»: the word before the period is a
  single letter, read first as an abbreviation by pymorphy3, listed in ``ABBREVIATIONS``, or a short
  word the dictionary does not know), not before a Latin
  word («Газеты.Ru»), and never inside numbers or URLs (those are single tokens). After a capitalised
  word the period may join a brand name («Яндекс.Деньги»), so that case is only offered.
* A comma glued on both sides between two Cyrillic words: «слово,слово» → «слово, слово». Numbers
  («3,14») are single tokens and never reach this rule.
"""

from __future__ import annotations

import re

from ..ru.grammar import RELATIVE_WORDS
from ..ru.punctuation import CLOSERS, is_sentence_end
from ..ru.words import word_set
from ..types import Finding, Suggestion
from .base import HINT, Detector, Triggers
from .spacing import gap, line_breaks

KIND = "punctuation"
SPACED_MARKS = frozenset(",.:;")  # marks written without a space before them
CLAUSE_WORDS = word_set("detect.punctuation.clause_words")
ABBREVIATIONS = word_set("abbreviations")
MIN_UNKNOWN_WORD = 5  # an unknown word this long before a period is a word, not an abbreviation
CERTAIN = 0.97
SURE = 0.95
BRAND_RISK = HINT  # hints, below any sensible auto-fix threshold
UNSURE = HINT


def detect(document):
    tokens = document.tokens
    index = 1
    while index < len(tokens):
        token = tokens[index]
        if token.kind != "punct" or line_breaks(gap(document, index - 1, index)):
            index += 1
            continue
        if token.text == "," and _is_comma(tokens, index + 1) and not line_breaks(gap(document, index, index + 1)):
            last = index + 1
            while _is_comma(tokens, last + 1) and not line_breaks(gap(document, last, last + 1)):
                last += 1
            yield _doubled_comma(document, index, last)
            index = last + 1
            continue
        finding = _spacing(document, index)
        if finding is not None:
            yield finding
        index += 1


def _is_comma(tokens, index: int) -> bool:
    return index < len(tokens) and tokens[index].text == ","


def _finding(document, start: int, end: int, suggestions: list[Suggestion]) -> Finding:
    return Finding(start, end, document.text[start:end], KIND, suggestions)


def _doubled_comma(document, first: int, last: int) -> Finding:
    tokens = document.tokens
    start = tokens[first - 1].stop  # a space before the first comma goes too
    follower = tokens[last + 1] if last + 1 < len(tokens) else None
    if follower is not None and not line_breaks(gap(document, last, last + 1)) and follower.text not in CLOSERS:
        return _finding(document, start, follower.start, [Suggestion(", ", CERTAIN, "doubled-comma")])
    return _finding(document, start, tokens[last].stop, [Suggestion(",", CERTAIN, "doubled-comma")])


def _spacing(document, index: int) -> Finding | None:
    tokens = document.tokens
    mark, before = tokens[index], tokens[index - 1]
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    glued_after = after is not None and after.start == mark.stop
    spaced_before = before.stop < mark.start
    after_text = before.kind in ("word", "latin", "number") or before.text in CLOSERS
    if spaced_before and mark.text in SPACED_MARKS and after_text:
        if before.kind == "number" and after is not None and after.kind == "number":
            return None  # «2 : 1», «1 , 2»: scores, ratios and lists are spaced on purpose
        if after is not None and glued_after and after.kind in ("word", "latin"):
            suggestions = _glued_to_next(mark.text, before, after, document.lexicon)
            return None if suggestions is None else _finding(document, before.stop, after.start, suggestions)
        if after is not None and glued_after and after.kind == "punct" and mark.text in ":;":
            return None  # an emoticon: «:-)», «;-)»
        return _finding(document, before.stop, mark.stop, [Suggestion(mark.text, CERTAIN, "space-before")])
    if after is None or spaced_before or not glued_after or before.stop != mark.start or after.kind != "word":
        return None
    if mark.text == "," and before.kind == "word":
        return _finding(document, mark.start, mark.stop, [Suggestion(", ", SURE, "missing-space")])
    if is_sentence_end(mark.text) and _starts_capitalised(after.text):
        confidence = _sentence_end_confidence(mark.text, before, document.lexicon)
        if confidence is not None:
            return _finding(document, mark.start, mark.stop, [Suggestion(mark.text + " ", confidence, "missing-space")])
    return None


def _glued_to_next(mark: str, before, after, lexicon) -> list[Suggestion] | None:
    if before.kind == "word" and _first_tag(before.text, lexicon).POS == "PREP":
        return [Suggestion(" ", SURE, "stray-mark")]
    moved = mark + " "
    if mark == ",":
        if after.kind == "word" and _opens_clause(after.text, lexicon):
            return [Suggestion(moved, SURE, "misplaced-space")]
        return [Suggestion(moved, UNSURE, "misplaced-space"), Suggestion(" ", 1 - UNSURE, "stray-mark")]
    if mark == ".":
        return [Suggestion(moved, SURE, "misplaced-space")] if _starts_capitalised(after.text) else None
    return [Suggestion(moved, SURE, "misplaced-space")]


def _opens_clause(word: str, lexicon) -> bool:
    if word.lower() in CLAUSE_WORDS:
        return True
    parse = lexicon.parses(word.lower())[0]
    return parse.normal_form in RELATIVE_WORDS or parse.tag.POS == "GRND"


def _sentence_end_confidence(mark: str, before, lexicon) -> float | None:
    if before.text in CLOSERS:
        return CERTAIN
    word = before.text
    if before.kind != "word" or _is_abbreviation(word, lexicon):
        return None
    if mark == "." and word[0].isupper():
        return BRAND_RISK
    return CERTAIN


def _is_abbreviation(word: str, lexicon) -> bool:
    lower = word.lower()
    if len(lower) < 2 or lower in ABBREVIATIONS:
        return True
    if not lexicon.is_known(lower):
        return len(lower) < MIN_UNKNOWN_WORD  # short unknown words are often abbreviations («доц»)
    # The first reading only: «вазе» also reads as the abbreviation ВАЗ, but is a word first.
    return "Abbr" in lexicon.parses(lower)[0].tag


def _starts_capitalised(word: str) -> bool:
    return "А" <= word[0] <= "Я" or word[0] == "Ё"


def _first_tag(word: str, lexicon):
    return lexicon.parses(word.lower())[0].tag


DETECTOR = Detector(
    "punctuation",
    (KIND,),
    "a comma, period, colon or semicolon doubled, with a space on the wrong side, or with none after it",
    detect,
    # A doubled comma; a space before a mark; a comma glued to a letter; a sentence end glued to a capital.
    Triggers(text=re.compile(r",\s*,|[^\S\n][,.:;]|,[^\W\d_]|[.!?…][А-ЯЁ]"), unknown_words=False),  # marks only
)
