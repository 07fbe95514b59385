"""Words broken by layout: a word wrapped across two lines with a hyphen, and invisible characters.

Line-end hyphens. Text copied from PDFs, scans and narrow columns keeps the hyphen and the line break
that typesetting put into a long word: «безопас-\\nности». Razdel sees two tokens, «безопас-» and
«ности», and neither is a word. A word token that ends in a hyphen (``-``, U+2010) or a soft hyphen
(U+00AD), followed by whitespace holding exactly one line break and then a Cyrillic word, is a
candidate. The two pieces are rejoined by what the dictionary says:

* a soft hyphen is by definition a typesetting break, so the pieces are always joined;
* the hyphenated form is itself a dictionary word («пресс-секретарь», «кто-то», «из-за») → keep the
  hyphen and only take out the line break, unless the joined form is a more frequent word;
* the joined form is a known word and a piece is not («безопасности») → join;
* both pieces are words: join only when the joined form is a word that is actually used («пример» from
  «при-\\nмер»); otherwise («мясо-\\nмолочный»: «мясомолочный» is in the dictionary, but nobody writes
  it) the hyphen may be real and the break harmless, so stay silent;
* nothing is known (a name or a rare word: «Столтен-\\nберг») → offer the joined form, not sure enough to
  apply on its own.

The number of lines must never change, so the line break is not deleted but moved after the word
(and after punctuation glued to it), taking the spaces that followed, so the next line does not start
with a space: «безопас-\\nности, и» → «безопасности,\\nи».

Invisible characters. Zero-width space, non-joiner, joiner, word joiner, a byte-order mark and soft
hyphens inside a word make it look right and compare wrong (the dictionary, search and the other
detectors all miss «бе\\u200bзопасность»). They are removed from the word; when the word without them is
itself unknown («обьявила\\u200b»), its corrections are offered instead, so that one ``fix`` does what two
passes would. A byte-order mark at the very start of the text marks the encoding, not damage, and is
left alone.
"""

from __future__ import annotations

import re

from ..ru.punctuation import BYTE_ORDER_MARK, CLOSERS, HYPHENS, INVISIBLE, SOFT_HYPHEN
from ..tokenize import classify
from ..types import Finding, Suggestion
from .base import HINT, Detector, Triggers
from .spacing import HORIZONTAL_SPACE, LINE_BREAK, horizontal_space_end, line_breaks

KIND = "hyphenation"
GLUED_CLOSERS = CLOSERS | frozenset(".,;:!?…'")  # marks that stay glued to the end of a word
CERTAIN = 0.99
LIKELY = 0.95
UNSURE = HINT


def detect(document):
    broken = set()  # tokens taken by a line-break finding; their invisible characters go with it
    for index in range(len(document.tokens) - 1):
        finding = _line_break(document, index)
        if finding is not None:
            broken.update((index, index + 1))
            yield finding
    for index, token in enumerate(document.tokens):
        if index not in broken:
            finding = _invisible(token, document)
            if finding is not None:
                yield finding


def strip_invisible(text: str) -> str:
    return "".join(ch for ch in text if ch not in INVISIBLE)


def _line_break(document, index: int) -> Finding | None:
    tokens, text, lexicon = document.tokens, document.text, document.lexicon
    head, tail = tokens[index], tokens[index + 1]
    if head.kind != "word" or len(head.text) < 2 or head.text[-1] not in HYPHENS or tail.kind != "word":
        return None
    between = text[head.stop : tail.start]
    if not between.isspace() or line_breaks(between) != 1:
        return None
    left, right = strip_invisible(head.text[:-1]), strip_invisible(tail.text)
    if not (left[-1:].isalpha() and right[:1].isalpha()):
        return None
    repaired = _rejoin(left, head.text[-1], right, lexicon)
    if repaired is None:
        return None
    word, confidence = repaired

    end = tail.stop
    for follower in tokens[index + 2 :]:  # punctuation glued to the word stays with it, before the break
        if follower.start != end or not set(follower.text) <= GLUED_CLOSERS:
            break
        end = follower.stop
    glued = text[tail.stop : end]
    end = horizontal_space_end(text, end)
    moved_break = between[horizontal_space_end(between, 0) :]  # the break and the next line's indent
    replacement = word + glued + moved_break
    return Finding(head.start, end, text[head.start : end], KIND, [Suggestion(replacement, confidence, "line-break")])


def _rejoin(left: str, hyphen: str, right: str, lexicon) -> tuple[str, float] | None:
    joined = left + right
    if hyphen == SOFT_HYPHEN:
        return joined, CERTAIN
    compound = f"{left}-{right}".lower()  # the dictionary spells compounds with ASCII hyphens
    joined_known = lexicon.is_known(joined)
    if _dictionary_compound(compound, lexicon) and not (joined_known and lexicon.zipf(joined) > lexicon.zipf(compound)):
        return left + hyphen + right, LIKELY
    both_words = lexicon.is_known(left) and lexicon.is_known(right)
    if joined_known and not both_words:
        return joined, CERTAIN
    if joined_known and lexicon.zipf(joined) > 0:  # «при-мер» → «пример»; but «мясо-молочный», unseen joined, stays
        return joined, LIKELY
    if right[0].isupper() or both_words:
        return None
    return joined, UNSURE


def _dictionary_compound(compound: str, lexicon) -> bool:
    # Not lexicon.is_known: it accepts any pair of known parts, and «при-мер» is not a word. The
    # non-strict dictionary lookup also matches a compound written with е for ё («сине-зеленый»).
    return lexicon.is_form(compound) or lexicon.morph.word_is_known(compound)


def _invisible(token, document) -> Finding | None:
    start, word = token.start, token.text
    if start == 0 and word.startswith(BYTE_ORDER_MARK):
        start, word = 1, word[1:]
    if not INVISIBLE.intersection(word):
        return None
    cleaned = strip_invisible(word)
    if classify(cleaned) not in ("word", "latin"):  # emoji sequences use U+200D; leave non-words alone
        return None
    return invisible_finding(start, token.stop, word, document.lexicon.is_known, document.suggest)


def invisible_finding(start: int, end: int, word: str, is_known, suggest) -> Finding:
    """The repair of a word holding invisible characters: the word without them, or, when that is not a
    known word either («обьявила\u200b»), its corrections, so that one pass does what two would (fix
    must be idempotent). A name the speller knows nothing for is only cleaned."""
    cleaned = strip_invisible(word)
    if classify(cleaned) == "word" and not is_known(cleaned):
        corrections = suggest(cleaned)
        if corrections:
            return Finding(start, end, word, KIND, corrections, detector="hyphenation")
    return Finding(start, end, word, KIND, [Suggestion(cleaned, CERTAIN, "invisible")], detector="hyphenation")


DETECTOR = Detector(
    "hyphenation",
    (KIND,),
    "a word ending in a hyphen before a line break, or a word holding an invisible character",
    detect,
    Triggers(
        text=re.compile(
            f"[{HYPHENS}]{HORIZONTAL_SPACE.pattern}(?:{LINE_BREAK.pattern})|[{''.join(sorted(INVISIBLE))}]"
        ),
        unknown_words=False,  # a line-end hyphen or an invisible character, whatever the words
    ),
)
