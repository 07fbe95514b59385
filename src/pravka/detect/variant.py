"""Dictionary variants: words the dictionary holds only as a misspelling or distortion of another.

OpenCorpora, and so pymorphy3, lists some forms precisely because people write them wrongly, and marks
them: «Erro» for a misspelling («тайланд» → «таиланд»), «Dist» for a distortion («ето» → «это», «што» →
«что», «многа» → «много»). Acceptance by the dictionary therefore does not make them correct. A word
every reading of which carries such a mark (``Lexicon.variant``) is reported with the standard form of
the same lexeme, case and number, and fixed automatically, capitalized or not: the mark names the
very lexeme meant («Тайланд» is the country misspelt, not an unknown name).

Forms marked only «Infr» (informal) are mostly legitimate style («движутся», «Андреич», «мучаясь»), so
they are reported only when ``dictionaries/respellings.tsv`` lists them too: a curated entry and the
dictionary's mark together are strong evidence («седня» → «сегодня»).
"""

from __future__ import annotations

from ..ru.alphabet import in_writers_spelling, match_case
from ..types import Finding, Suggestion
from .base import Detector, Triggers
from .nonword import CHECKABLE

CONFIDENCE = 0.95
MISSPELLING_MARKS = frozenset({"Erro", "Dist"})


def reported_standard(word: str, lexicon) -> str | None:
    """The standard form to report for a lower-case word, or None when it is not reported."""
    found = lexicon.variant(word)
    if found is None:
        return None
    standard, marks = found
    return standard if marks & MISSPELLING_MARKS or word in lexicon.respellings else None


def detect(document):
    lexicon = document.lexicon
    for token in document.tokens:
        word = token.text
        if token.kind != "word" or len(word) < 2 or not CHECKABLE.fullmatch(word):
            continue
        lower = word.lower()
        standard = reported_standard(lower, lexicon)
        if standard is None:
            continue
        standard = in_writers_spelling(standard, lower)
        source = "respelling" if lower in lexicon.respellings else "dictionary-variant"
        yield Finding(
            token.start, token.stop, word, "variant", [Suggestion(match_case(word, standard), CONFIDENCE, source)]
        )


DETECTOR = Detector(
    "variant",
    ("variant",),
    "a word the dictionary holds only as a misspelling or distortion of another",
    detect,
    Triggers(words=lambda word, lexicon: reported_standard(word, lexicon) is not None),
)
