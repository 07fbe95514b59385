"""Dictionary variants: words the dictionary holds only as a misspelling or distortion of another.

OpenCorpora, and so pymorphy3, lists some forms precisely because people write them wrongly, and marks
them: «Erro» for a misspelling («тайланд» → «таиланд»), «Dist» for a distortion («ето» → «это», «што» →
«что», «многа» → «много»). Acceptance by the dictionary therefore does not make them correct. A word
every reading of which carries such a mark (``Lexicon.variant``) is reported with the standard form of
the same lexeme, case and number, and fixed automatically, capitalized or not: the mark names the
very lexeme meant («Тайланд» is the country misspelt, not an unknown name).

Forms marked only «Infr» (informal) are mostly legitimate style («движутся», «Андреич», «мучаясь»), so
they are reported only on further evidence: ``dictionaries/respellings.tsv`` lists them too (a curated
entry and the dictionary's mark together: «седня» → «сегодня»), or edited text settles it. Edited
prose (the usage model, ``pravka.usage``) has the informal form at most ``MAX_EDITED_COUNT`` times and
its standard form at least ``MIN_STANDARD_COUNT`` times, and the two are spellings of one word (at
most ``MAX_SPELLING_DISTANCE`` letters apart), not two words of one lexeme: «прийдя» (0 times) →
«придя» (86), «прийдется» → «придётся», «видют» → «видят», «держут» → «держат»; «мучались» and
«Андреич» are written in edited prose, and «Палыч» is a name of its own, not a misspelt «Павлович».
On the tune data (SpellRuEval tune, GERA train) the usage test reported 13 words, all the gold's
corrections, and nothing on the clean side.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ..ru.alphabet import fold, in_writers_spelling, match_case
from ..types import Finding, Suggestion
from .base import Detector, Triggers
from .nonword import CHECKABLE

CONFIDENCE = 0.95
MISSPELLING_MARKS = frozenset({"Erro", "Dist"})
MAX_EDITED_COUNT = 2
MIN_STANDARD_COUNT = 20
MAX_SPELLING_DISTANCE = 2


def reported_standard(word: str, lexicon, model=None) -> tuple[str, str] | None:
    """(standard form, source) to report for a lower-case word, or None when it is not reported;
    ``model`` is the usage model that settles informal forms (see the module docstring)."""
    found = lexicon.variant(word)
    if found is None:
        return None
    standard, marks = found
    if word in lexicon.respellings:
        return standard, "respelling"
    if marks & MISSPELLING_MARKS:
        return standard, "dictionary-variant"
    if model is None or Levenshtein.distance(fold(word), fold(standard)) > MAX_SPELLING_DISTANCE:
        return None
    edited = model.count(word) <= MAX_EDITED_COUNT and model.count(standard) >= MIN_STANDARD_COUNT
    return (standard, "usage") if edited else None


def detect(document):
    lexicon = document.lexicon
    model = document.context.model if document.context is not None else None
    for token in document.tokens:
        word = token.text
        if token.kind != "word" or len(word) < 2 or not CHECKABLE.fullmatch(word):
            continue
        lower = word.lower()
        reported = reported_standard(lower, lexicon, model)
        if reported is None:
            continue
        standard, source = reported
        standard = in_writers_spelling(standard, lower)
        yield Finding(
            token.start, token.stop, word, "variant", [Suggestion(match_case(word, standard), CONFIDENCE, source)]
        )


DETECTOR = Detector(
    "variant",
    ("variant",),
    "a word the dictionary holds only as a misspelling or distortion of another",
    detect,
    # Every marked variant: whether an informal one is reported depends on the usage model too.
    Triggers(words=lambda word, lexicon: lexicon.variant(word) is not None),
)
