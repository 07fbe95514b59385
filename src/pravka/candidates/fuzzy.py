"""Two-edit candidates for a word that nothing closer explains: frequent words within two edits.

Most typos are one slip (``edits``), and the sound key reaches the spellings by ear that change
several letters (``sound``). What is left is a word with two unrelated slips — «диверстанов»
(диверсантов: a letter moved over its neighbour's neighbour), «ланшавта» (ландшафта: a letter lost,
one devoiced), «кинопокмпанией» — for which no generator has anything, so the word went unreported.
Trying every string two edits away is out of the question (some 5,000·n² look-ups); instead the
frequent words are compared with the typed one directly, by rapidfuzz's optimal-string-alignment
distance (an adjacent swap is one edit, as in ``edits``), whose cutoff abandons a comparison as soon
as it passes two and skips words whose length alone rules them out.

Which words are compared: dictionary words that people write (Zipf ≥ ``MIN_ZIPF``; a two-edit match
to a rare form is more often chance than intent) starting with the typed word's first letter, because
a slip in the first letter is rare and the error model prices it dear anyway. The words are kept in a
DAWG compiled once into the cache folder; each first letter's words are read from it on first use
(~10 ms) and kept for the process, by length, so only the lengths two edits can reach are compared
(~10,000 words for a word of ten letters). A hit is priced by the full error model (``channel.edit_cost``),
like a sound-alike, so two cheap slips (an unstressed vowel and a doubled letter) rank above two
keyboard slips.

It runs only when the other generators found nothing (``candidates.generate``): where one edit
explains the word, a two-edit reading is the less likely one, and the search (1–2 ms a word) is
spent only on the few words that need it (101 words in the 1,775 sentences of SpellRuEval held-out and GERA
dev; ~5 % of ``fix``'s time there).

Measured (``benchmarks/quality.py``, fix F1): SpellRuEval tune 83.9 → 84.1, held-out 83.8 → 84.4;
GERA train and dev unchanged; clean-text flags unchanged but for SpellRuEval tune (3.1 → 3.3 per 1k).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import dawg
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..ru.alphabet import fold
from . import Candidate
from .channel import edit_cost

SOURCE = "two-edits"
MAX_DISTANCE = 2
MIN_ZIPF = 2.0
MIN_LENGTH = 5  # shorter words are two edits from too many others for a match to mean anything
INDEX_FORMAT = 1


def two_edit_words(word: str, lexicon) -> list[Candidate]:
    """Frequent words at most two edits from the lower-case ``word``, each priced by the error model."""
    if len(word) < MIN_LENGTH:
        return []
    by_length = _words_starting_with(lexicon, word[0])
    found = []
    for length in range(len(word) - MAX_DISTANCE, len(word) + MAX_DISTANCE + 1):
        if length not in by_length:
            continue
        hits = process.extract(
            word, by_length[length].split("\n"), scorer=OSA.distance, score_cutoff=MAX_DISTANCE, limit=None
        )
        found += [Candidate(other, SOURCE, edit_cost(word, other)) for other, _, _ in hits if other != word]
    return found


@lru_cache(maxsize=66)
def _words_starting_with(lexicon, letter: str) -> dict[int, str]:
    """The index's words that start with ``letter``, by length (rapidfuzz reads every word it is
    given, even one whose length alone rules it out), each length's words as one line-separated string:
    the 213,000 words as string objects would hold 17 MB more in every process, and splitting the five
    lengths a search reads adds a seventh to its time (0.82 → 0.95 ms a word)."""
    by_length: dict[int, list[str]] = {}
    for word in _index(lexicon).keys(letter):
        by_length.setdefault(len(word), []).append(word)
    return {length: "\n".join(words) for length, words in by_length.items()}


@lru_cache(maxsize=4)
def _index(lexicon) -> dawg.CompletionDAWG:
    from ..lexicon import cache_dir, cache_tag, compiled_once, save_atomically

    def build(path: Path) -> None:
        frequent = (fold(word) for word in lexicon.written_words() if lexicon.zipf(word) >= MIN_ZIPF)
        save_atomically(dawg.CompletionDAWG(frequent), path)

    path = cache_dir() / f"{SOURCE}-v{INDEX_FORMAT}-{cache_tag()}.dawg"
    return dawg.CompletionDAWG().load(str(compiled_once(path, build, SOURCE)))
