"""Tokenization: cut text into tokens with code-point offsets and decide which are spelling material.

Razdel does the cutting. Before it runs, spans that are not prose — URLs, e-mail addresses, #hashtags,
@mentions — are masked by a few named patterns so razdel cannot cut them into pieces. After it runs, one
repair rule glues back letter runs that touch with no gap: razdel splits a Cyrillic word at a Latin
look-alike letter («Pocc» + «ия» for «Poccия» with Latin P, o, c) or at a digit that OCR read for a
letter («н» + «0» + «вых»), and the homoglyph and OCR detectors need the whole word. Each token then gets a kind: ``word`` (has a Cyrillic letter), ``latin``, ``number`` (has a
digit: «Ту-154», «COVID-19», «10,5»), ``punct``, or a masked kind. Only ``word`` tokens are checked for
spelling; the others pass through untouched.
"""

from __future__ import annotations

import re

from razdel import tokenize as razdel_tokenize

from ..types import Token

MASKS = (
    ("url", re.compile(r"(?:https?://|ftp://|www\.)[^\s<>«»\"']+[^\s<>«»\"'.,;:!?)\]]", re.I)),
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("mention", re.compile(r"(?<![\w@])@\w+")),
    ("hashtag", re.compile(r"(?<![\w#])#\w+")),
)
CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
LETTERS_ONLY = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
HAS_DIGIT = re.compile(r"\d")
PUNCT = re.compile(r"[^\w\s]+")
# Digits that OCR reads for letters of the same shape: 0/о, 3/з, 4/ч, 6/б.
LETTERS_OR_OCR_DIGITS = re.compile(r"(?:[^\W\d_]|[0346])+")


def masked_spans(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for kind, pattern in MASKS:
        for match in pattern.finditer(text):
            spans.append((match.start(), match.end(), kind))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            continue
        merged.append(span)
    return merged


def classify(text: str) -> str:
    if LETTERS_ONLY.fullmatch(text):
        return "word" if CYRILLIC.search(text) else "latin"
    if HAS_DIGIT.search(text):
        return "number"
    if PUNCT.fullmatch(text):
        return "punct"
    if CYRILLIC.search(text):
        return "word"
    return "other"


def _is_letter_run(text: str) -> bool:
    return bool(LETTERS_ONLY.fullmatch(text))


def _glues(left: str, right: str) -> bool:
    """Touching pieces that belong to one word: letter runs, or OCR digits inside a Cyrillic word."""
    if _is_letter_run(left) and _is_letter_run(right):
        return True
    joined = left + right
    return bool(LETTERS_OR_OCR_DIGITS.fullmatch(joined) and CYRILLIC.search(joined))


def _razdel_tokens(text: str, offset: int) -> list[Token]:
    tokens: list[Token] = []
    for piece in razdel_tokenize(text):
        start, stop = piece.start + offset, piece.stop + offset
        previous = tokens[-1] if tokens else None
        # Glue rule: razdel cuts mixed-script words at the script change; letters that touch are one word.
        if previous is not None and previous.stop == start and _glues(previous.text, piece.text):
            tokens[-1] = Token(previous.start, stop, previous.text + piece.text)
        else:
            tokens.append(Token(start, stop, piece.text))
    return tokens


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    for start, stop, kind in [*masked_spans(text), (len(text), len(text), "")]:
        for token in _razdel_tokens(text[position:start], position):
            tokens.append(Token(token.start, token.stop, token.text, classify(token.text)))
        if kind:
            tokens.append(Token(start, stop, text[start:stop], kind))
        position = stop
    return tokens
