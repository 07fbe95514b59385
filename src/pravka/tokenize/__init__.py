"""Tokenization: cut text into tokens with code-point offsets and decide which are spelling material.

Razdel does the cutting where its rules matter; the whitespace runs where they cannot (letters
alone, or letters between ordinary marks) are cut here the way razdel would cut them (``_pieces``),
which is most of any text. Before it runs, spans that are not prose — URLs, e-mail addresses, #hashtags,
@mentions — are masked by a few named patterns so razdel cannot cut them into pieces. After it runs, two
repair rules glue back pieces that touch with no gap: razdel splits a Cyrillic word at a Latin
look-alike letter («Pocc» + «ия» for «Poccия» with Latin P, o, c) or at a digit that OCR read for a
letter («н» + «0» + «вых»), and the homoglyph and OCR detectors need the whole word; and it cuts a
numeral's ending off its digits («90» + «ых», «60» + «е»: ``ru.grammar.numeral_with_ending``), which
would leave the ending to be «fixed» as a word («ых» → «их»). Each token then gets a kind: ``word`` (has a Cyrillic letter), ``latin``, ``number`` (has a
digit: «Ту-154», «COVID-19», «10,5»), ``punct``, ``other`` (anything longer than any word, so no
detector spends quadratic time on a 50,000-letter run), or a masked kind. Only ``word`` tokens are checked for
spelling; the others pass through untouched.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from razdel import tokenize as razdel_tokenize
from razdel.segmenters.punct import DASHES, ENDINGS, SMILES
from razdel.segmenters.tokenize import PUNCTS

from ..ru.alphabet import CYRILLIC_LETTER, OCR_DIGITS, VOWELS
from ..ru.grammar import numeral_with_ending
from ..ru.punctuation import BYTE_ORDER_MARK, HYPHENS, INVISIBLE, SOFT_HYPHEN, TYPED_STRESS_MARKS
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
# Every mask's match holds one of these (a URL «://» or «www.», an e-mail or a mention «@», a hashtag
# «#»): one search for them spares the four passes in most texts.
MAY_MASK = re.compile(r"://|www\.|[@#]", re.I)
MAX_WORD_LENGTH = 50
RAZDEL_CACHE_SIZE = 20_000
MAX_CACHED_STRETCH = 200  # characters: a longer stretch (a hostile 10 MB run) is cut afresh, never kept
LETTERS_ONLY = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
HAS_DIGIT = re.compile(r"\d")
PUNCT = re.compile(r"[^\w\s]+")
WHITESPACE_RUN = re.compile(r"\S+")
PLAIN_WORD = re.compile(r"[^\W\d_]+")
# A whitespace run of marks, or of one run of letters between marks («(слово», «слово»,», «да?!»):
# razdel's atoms there are the letters and one atom per mark, and of its rules only the one for marks
# beside marks can join them (``_mark_pieces``), whatever the neighbouring runs hold — unless a dash or
# an underscore of a neighbour reaches across the space for the letters (razdel's dash rule reads two
# atoms either side), which ``_pieces`` checks. Runs holding dashes, underscores or digits go to razdel.
_SIMPLE_MARKS = "".join(ch for ch in PUNCTS if ch not in DASHES and ch != "_")
MARKED_WORD = re.compile(rf"([{re.escape(_SIMPLE_MARKS)}]*)([а-яёА-ЯЁa-zA-Z]*)([{re.escape(_SIMPLE_MARKS)}]*)")
REACHING = frozenset(DASHES + "_")
# A dash standing alone between spaces («— Да, — сказал он»: dialogue) is one atom, so one token, and
# razdel's rules never read it from a neighbouring run: only its dash, underscore, float and fraction
# rules look past the atoms beside a cut, and each of them ignores a mark there as it would nothing at
# all. So it needs razdel no more than a run of letters does.
LONE_DASHES = frozenset(DASHES)
# A run of characters that razdel has no class for (its ``OTHER`` atoms, which it joins to each other:
# «�����» of a text decoded with the wrong code page, «€», «☺☺») is one token too, unless a dash or an
# underscore of a neighbour reaches across the space for it (razdel's dash rule joins a word to an
# ``OTHER`` atom as it would to a letter), which ``_pieces`` checks as for ``MARKED_WORD``. The class is
# razdel's own: not its letters (case folded as razdel folds them), digits or marks.
SYMBOLS = re.compile(rf"(?:(?![а-яё]|[a-z]|\d|[{re.escape(PUNCTS)}])\S)+", re.I)
SMILE = re.compile(SMILES + "$")
# Letters, or digits that OCR reads for letters of the same shape (0/о, 3/з, 4/ч, 6/б).
LETTERS_OR_OCR_DIGITS = re.compile(rf"(?:[^\W\d_]|[{OCR_DIGITS}])+")


# Characters that change how a text is stored, not what it says. Detectors match on a view without
# them and offsets are mapped back to the original:
# * bidi controls and NUL are dropped (a bidi control between two letters becomes a space: a change of
#   direction parts two words);
# * stress accents (U+0300, U+0301) after a letter are dropped, and a letter with combining marks is
#   composed (NFC: «и» + U+0306 is «й»); so is a stress typed as an apostrophe or an acute sign
#   between a vowel and a lower-case letter within a Cyrillic word («несказа'нным», «све'тил»; old
#   editions online mark stress so), which would otherwise cut the word in two pieces, each «fixed»
#   («нным» → «ним»). After a consonant it stays: «об'явление» (for «ъ»), «д'Артаньян»; so it does
#   before a capital: «О'Коннор»;
# * invisible characters touching a letter (zero-width space, joiners, word joiner, BOM, a soft hyphen
#   before a line break and a word, which the hyphenation unit reads as a word broken across lines) are dropped and listed in
#   ``MatchingView.invisible``: the Corrector deletes those that no finding covers. Damage hidden by
#   them is thus found and fixed in the same pass (``fix`` is idempotent), and a zero-width joiner
#   inside an emoji sequence, between no letters, stays.
_DIRECTION_MARKS = r"\x00\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_COMBINING_MARKS = r"\u0300-\u036f"
_INVISIBLE_MARKS = r"\u200b\u200c\u200d\u2060\ufeff\u00ad"
_VOWEL = "".join(sorted(VOWELS | {vowel.upper() for vowel in VOWELS}))
_TYPED_STRESS = rf"(?<=[{_VOWEL}])[{TYPED_STRESS_MARKS}](?=[а-яё])"
_FOR_MATCHING = re.compile(
    rf"[{_DIRECTION_MARKS}]+|[^\W\d_][{_COMBINING_MARKS}]+|[{_INVISIBLE_MARKS}]+|{_TYPED_STRESS}"
)
# Every match of ``_FOR_MATCHING`` holds one of these: most texts have none, and one search of a
# character class says so many times faster than trying the alternation at every letter.
_MAY_DIFFER = re.compile(rf"[{_DIRECTION_MARKS}{_COMBINING_MARKS}{_INVISIBLE_MARKS}{TYPED_STRESS_MARKS}]")
STRESS_ACCENTS = frozenset("\u0300\u0301")
_LINE_BREAK_THEN_LETTER = re.compile(r"[^\S\n\r]*(?:\r\n|\r|\n)\s*[^\W\d_]")  # a soft hyphen's line-end break


class MatchingView:
    """``text`` as the detectors match it (``self.text``), and the map of its offsets back to ``text``.

    Only the changed stretches are recorded, as ``(view start, view end, original start, original
    end)``; a position between them maps by a constant shift, found by bisection. A span that begins
    or ends inside a changed stretch takes all of it; dropped characters just outside a span stay
    outside it, so the text around a fix comes back byte for byte.
    """

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        self.segments: list[tuple[int, int, int, int]] = []
        self.invisible: list[tuple[int, int]] = []  # original spans of dropped invisible characters
        position = length = 0
        for match in _FOR_MATCHING.finditer(text) if _MAY_DIFFER.search(text) else ():
            raw, start, end = match.group(), match.start(), match.end()
            before = (text[position:start] or (pieces[-1] if pieces else ""))[-1:]  # as the view has it
            after = text[end : end + 1]
            if raw in TYPED_STRESS_MARKS:
                replacement = ""
            elif raw[0] in INVISIBLE:
                if not (before.isalpha() or after.isalpha()) or (
                    raw[-1] == SOFT_HYPHEN and _LINE_BREAK_THEN_LETTER.match(text, end)
                ):
                    continue
                replacement = ""
                if start > 0 or raw[0] != BYTE_ORDER_MARK:  # a BOM opening the text marks the encoding
                    self.invisible.append((start, end))
                elif len(raw) > 1:
                    self.invisible.append((start + 1, end))
            elif raw[0].isalpha():
                replacement = unicodedata.normalize(
                    "NFC", raw[0] + "".join(c for c in raw[1:] if c not in STRESS_ACCENTS)
                )
            elif raw != "\x00" * len(raw) and before.isalpha() and after.isalpha():
                replacement = " "
            else:
                replacement = ""
            if replacement == raw:
                continue
            pieces.append(text[position:start])
            length += start - position
            self.segments.append((length, length + len(replacement), start, end))
            pieces.append(replacement)
            length += len(replacement)
            position = end
        pieces.append(text[position:])
        self.original = text
        self.text = "".join(pieces) if self.segments else text
        self._starts = [segment[0] for segment in self.segments]

    def _map(self, position: int, index: int, inside_end: bool) -> int:
        if index < 0:
            return position
        view_start, view_end, original_start, original_end = self.segments[index]
        if position >= view_end:
            return original_end + position - view_end
        return original_end if inside_end else original_start

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view's ``[start, end)``."""
        if not self.segments:
            return start, end
        original_start = self._map(start, bisect_right(self._starts, start) - 1, inside_end=False)
        original_end = self._map(end, bisect_left(self._starts, end) - 1, inside_end=True)
        return original_start, max(original_start, original_end)


def masked_spans(text: str) -> list[tuple[int, int, str]]:
    if not MAY_MASK.search(text):
        return []
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
    """Touching pieces that belong to one token: letter runs, OCR digits inside a Cyrillic word, or a
    numeral and its ending."""
    if _is_letter_run(left) and _is_letter_run(right):
        return True
    joined = left + right
    return bool(LETTERS_OR_OCR_DIGITS.fullmatch(joined) and CYRILLIC_LETTER.search(joined)) or numeral_with_ending(
        joined
    )


def _letters_kind(letters: str) -> str:
    """``classify`` of a run of letters alone (``PLAIN_WORD``)."""
    if len(letters) > MAX_WORD_LENGTH:
        return "other"
    return "word" if CYRILLIC_LETTER.search(letters) else "latin"


def _pieces(text: str, offset: int, tokens: list[Token]) -> None:
    """Append the tokens of ``text`` (which starts at ``offset``): razdel's, except that
    whitespace-separated runs of plain letters, and of letters between ordinary marks, skip razdel.

    Razdel's rules decide only where letters meet punctuation or digits; a run of letters between
    spaces is one token whatever they say, and such runs are most of any text, so they bypass it, and
    their kind is read off the letters. So do runs of marks and of letters between marks
    (``MARKED_WORD``), cut here as razdel would cut them, dashes standing alone (``LONE_DASHES``) and
    runs of razdel's unclassed characters (``SYMBOLS``).
    Everything else goes to razdel in stretches as
    long as possible, and a run that ends in a hyphen takes the next run with it, so razdel still sees a
    word broken across lines («безопас-\nности»). Only razdel's pieces can touch, so only they are glued
    (``glue``): the other pieces are whole runs, or marks beside letters, which never glue.
    """
    stretch_start = None
    stretch_end = 0
    pull_next = False
    runs = list(WHITESPACE_RUN.finditer(text))
    for number, run in enumerate(runs):
        chunk = run.group()
        dash = not pull_next and chunk in LONE_DASHES
        plain = not pull_next and not dash and PLAIN_WORD.fullmatch(chunk)
        marked = None if pull_next or plain or dash else MARKED_WORD.fullmatch(chunk)
        symbols = not pull_next and not plain and not dash and marked is None and bool(SYMBOLS.fullmatch(chunk))
        if symbols or (marked is not None and marked.group(2)):
            before = text[stretch_end - 1] if stretch_start is not None else ""  # the run before, if razdel's
            after = runs[number + 1].group()[0] if number + 1 < len(runs) else ""
            if symbols:
                symbols = before not in REACHING and after not in REACHING
            elif marked is not None and (
                (not marked.group(1) and before in REACHING)
                or (not marked.group(3) and after in REACHING)
                or marked.group(2).lower().endswith("yahoo")  # razdel's one exception: «Yahoo!» is one token
            ):
                marked = None
        if plain or dash or symbols or marked is not None:
            if stretch_start is not None:
                _razdel_pieces(text, stretch_start, stretch_end, offset, tokens)
                stretch_start = None
            if marked is not None:
                _marked_pieces(marked, run.start() + offset, tokens)
            elif dash:
                tokens.append(_mark_token(run.start() + offset, run.end() + offset, chunk))
            elif symbols:
                tokens.append(Token(run.start() + offset, run.end() + offset, chunk, classify(chunk)))
            else:
                tokens.append(Token(run.start() + offset, run.end() + offset, chunk, _letters_kind(chunk)))
        else:
            if stretch_start is None:
                stretch_start = run.start()
            stretch_end = run.end()
        pull_next = chunk[-1] in HYPHENS
    if stretch_start is not None:
        _razdel_pieces(text, stretch_start, stretch_end, offset, tokens)


def _marked_pieces(marked: re.Match, base: int, tokens: list[Token]) -> None:
    """The tokens of a ``MARKED_WORD`` run: its marks before, its letters, its marks after."""
    before, letters, after = marked.groups()
    _mark_pieces(before, base, tokens)
    base += len(before)
    if letters:
        tokens.append(Token(base, base + len(letters), letters, _letters_kind(letters)))
    _mark_pieces(after, base + len(letters), tokens)


def _mark_pieces(marks: str, base: int, tokens: list[Token]) -> None:
    """Razdel's rule for marks beside marks: a smiley («:)», «;((»), end marks («...», «?!») and «**»
    are joined; every other mark is a token of its own."""
    if not marks:
        return
    token_start = 0
    for index in range(1, len(marks)):
        left, right = marks[index - 1], marks[index]
        if (
            SMILE.match(marks[token_start : index + 1])
            or (left in ENDINGS and right in ENDINGS)
            or left + right == "**"
        ):
            continue
        tokens.append(_mark_token(base + token_start, base + index, marks[token_start:index]))
        token_start = index
    tokens.append(_mark_token(base + token_start, base + len(marks), marks[token_start:]))


def _mark_token(start: int, stop: int, marks: str) -> Token:
    """``classify`` of marks alone (no mark of razdel's ``PUNCTS`` is a letter, digit or space)."""
    return Token(start, stop, marks, "punct" if len(marks) <= MAX_WORD_LENGTH else "other")


def _razdel_pieces(text: str, start: int, end: int, offset: int, tokens: list[Token]) -> None:
    base = start + offset
    stretch = text[start:end]
    cut = _razdel_cut_cached if len(stretch) <= MAX_CACHED_STRETCH else _razdel_cut
    tokens += [Token(first + base, last + base, piece, kind) for first, last, piece, kind in cut(stretch)]


def _razdel_cut(stretch: str) -> tuple[tuple[int, int, str, str], ...]:
    """Razdel's pieces of ``stretch``, glued, with their offsets in it and their kinds."""
    pieces = glue((piece.start, piece.stop, piece.text) for piece in razdel_tokenize(stretch))
    return tuple((start, stop, piece, classify(piece)) for start, stop, piece in pieces)


# Razdel reads only the stretch it is given, and the stretches that need it recur («из-за», «что-то», a
# year), each costing it a hundred microseconds: their pieces are kept.
_razdel_cut_cached = lru_cache(maxsize=RAZDEL_CACHE_SIZE)(_razdel_cut)


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
        _pieces(text[position:start], position, tokens)
        if kind:
            tokens.append(Token(start, stop, text[start:stop], kind))
        position = stop
    return tokens
