"""Tokenization: cut text into tokens with code-point offsets and decide which are spelling material.

Razdel does the cutting. Before it runs, spans that are not prose — URLs, e-mail addresses, #hashtags,
@mentions — are masked by a few named patterns so razdel cannot cut them into pieces. After it runs, one
repair rule glues back letter runs that touch with no gap: razdel splits a Cyrillic word at a Latin
look-alike letter («Pocc» + «ия» for «Poccия» with Latin P, o, c) or at a digit that OCR read for a
letter («н» + «0» + «вых»), and the homoglyph and OCR detectors need the whole word. Each token then gets a kind: ``word`` (has a Cyrillic letter), ``latin``, ``number`` (has a
digit: «Ту-154», «COVID-19», «10,5»), ``punct``, ``other`` (anything longer than any word, so no
detector spends quadratic time on a 50,000-letter run), or a masked kind. Only ``word`` tokens are checked for
spelling; the others pass through untouched.
"""

from __future__ import annotations

import re

from razdel import tokenize as razdel_tokenize

from ..ru.alphabet import CYRILLIC_LETTER, OCR_DIGITS
from ..ru.punctuation import HYPHENS
from ..types import Token

# Each mask is linear in the text. The e-mail's local part can fail only after its whole run, so it may
# start only where such a run starts (the look-behind): a 1 MB run of letters or of «абв-абв-…» is
# scanned once, not once per position. (The URL needs no guard: it starts at a literal prefix, and a
# URL body that fails has no prefix inside it.)
MASKS = (
    ("url", re.compile(r"(?:https?://|ftp://|www\.)[^\s<>«»\"']+[^\s<>«»\"'.,;:!?)\]]", re.I)),
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("mention", re.compile(r"(?<![\w@])@\w+")),
    ("hashtag", re.compile(r"(?<![\w#])#\w+")),
)
MAX_WORD_LENGTH = 50
LETTERS_ONLY = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
HAS_DIGIT = re.compile(r"\d")
PUNCT = re.compile(r"[^\w\s]+")
WHITESPACE_RUN = re.compile(r"\S+")
PLAIN_WORD = re.compile(r"[^\W\d_]+")
# Letters, or digits that OCR reads for letters of the same shape (0/о, 3/з, 4/ч, 6/б).
LETTERS_OR_OCR_DIGITS = re.compile(rf"(?:[^\W\d_]|[{OCR_DIGITS}])+")


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
    if len(text) > MAX_WORD_LENGTH:
        return "other"  # no Russian word is this long: base64, hashes, a run of one key
    if LETTERS_ONLY.fullmatch(text):
        return "word" if CYRILLIC_LETTER.search(text) else "latin"
    if HAS_DIGIT.search(text):
        return "number"
    if PUNCT.fullmatch(text):
        return "punct"
    if CYRILLIC_LETTER.search(text):
        return "word"
    return "other"


def _is_letter_run(text: str) -> bool:
    return bool(LETTERS_ONLY.fullmatch(text))


def _glues(left: str, right: str) -> bool:
    """Touching pieces that belong to one word: letter runs, or OCR digits inside a Cyrillic word."""
    if _is_letter_run(left) and _is_letter_run(right):
        return True
    joined = left + right
    return bool(LETTERS_OR_OCR_DIGITS.fullmatch(joined) and CYRILLIC_LETTER.search(joined))


def _pieces(text: str, offset: int):
    """(start, stop, text) of razdel's tokens; whitespace-separated runs of plain letters skip razdel.

    Razdel's rules decide only where letters meet punctuation or digits; a run of letters between
    spaces is one token whatever they say, and such runs are most of any text, so they bypass it.
    Everything else goes to razdel in stretches as long as possible, and a run that ends in a hyphen
    takes the next run with it, so razdel still sees a word broken across lines («безопас-\nности»).
    """
    stretch_start = None
    stretch_end = 0
    pull_next = False
    for run in WHITESPACE_RUN.finditer(text):
        chunk = run.group()
        if PLAIN_WORD.fullmatch(chunk) and not pull_next:
            if stretch_start is not None:
                yield from _razdel_pieces(text, stretch_start, stretch_end, offset)
                stretch_start = None
            yield run.start() + offset, run.end() + offset, chunk
        else:
            if stretch_start is None:
                stretch_start = run.start()
            stretch_end = run.end()
        pull_next = chunk[-1] in HYPHENS
    if stretch_start is not None:
        yield from _razdel_pieces(text, stretch_start, stretch_end, offset)


def _razdel_pieces(text: str, start: int, end: int, offset: int):
    base = start + offset
    for piece in razdel_tokenize(text[start:end]):
        yield piece.start + base, piece.stop + base, piece.text


def _glued_pieces(text: str, offset: int) -> list[tuple[int, int, str]]:
    return glue(_pieces(text, offset))


def glue(raw_pieces) -> list[tuple[int, int, str]]:
    pieces: list[tuple[int, int, str]] = []
    for start, stop, piece in raw_pieces:
        # Glue rule: razdel cuts mixed-script words at the script change; letters that touch are one word.
        if pieces and pieces[-1][1] == start and _glues(pieces[-1][2], piece):
            previous = pieces[-1]
            pieces[-1] = (previous[0], stop, previous[2] + piece)
        else:
            pieces.append((start, stop, piece))
    return pieces


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    for start, stop, kind in [*masked_spans(text), (len(text), len(text), "")]:
        for piece_start, piece_stop, piece in _glued_pieces(text[position:start], position):
            tokens.append(Token(piece_start, piece_stop, piece, classify(piece)))
        if kind:
            tokens.append(Token(start, stop, text[start:stop], kind))
        position = stop
    return tokens
