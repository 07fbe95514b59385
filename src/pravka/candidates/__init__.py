"""Candidate generation: each module proposes corrections for one unknown word, tagged with its source.

* ``edits``  — every form one edit away (delete, insert, replace, swap) that the full dictionary knows,
  each edit priced by what kind of slip it is (keyboard neighbour, unstressed vowel, doubled letter, …).
* ``sound``  — frequent words that *sound* the same (equal sound key): the two- and three-edit
  sound-spelling errors («припораты» → «препараты») that edit distance 1 cannot reach.
* ``split``  — two known words run together («ктобы» → «кто бы»), or a function word glued to a word
  with one slip («зарубежем» → «за рубежом»).
* ``colloquial`` — standard words respelt as spoken, derived by rule from the frequent words
  («пасиба» → «спасибо», «учицца» → «учиться», «ево» → «его»); ``Candidate.rules`` names the rules.
* ``respelling`` — informal spellings listed in ``dictionaries/respellings.tsv`` («ваще» → «вообще»).
* ``parts`` — one part of a hyphenated word corrected, the others kept («старухи-процетчицы» →
  «старухи-процентщицы»), when nothing above found a candidate for the whole token.
* ``fuzzy`` — frequent words two edits away («диверстанов» → «диверсантов»), and ``split.three_words``,
  three words run together («тачтосидит» → «та что сидит»), searched only when nothing above found a
  candidate.
* ``edits.stutters`` — a syllable typed twice («развивавать» → «развивать»); ``edits.stretched`` — a
  letter held down for emphasis («оооочень» → «очень»).

``Candidate`` carries the corrected text, the source and the channel cost in log10 units (how unlikely
this damage is); ranking adds the word's own likelihood.
"""

from __future__ import annotations

from dataclasses import dataclass

COST_RESPELLING = 0.1  # the list is curated: what these writers mean is known
MIN_THREE_WORDS = 7  # letters of a token worth splitting in three («тачтосидит»)


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str
    source: str
    cost: float
    rules: tuple[str, ...] = ()  # how a generator of several steps derived it (``colloquial``)


def best_per_text(candidates, typed: str) -> list[Candidate]:
    """Keep the cheapest explanation of each distinct corrected text, spelt as the writer of ``typed``
    spells «ё» (``lexicon.in_writers_spelling``)."""
    from ..ru.alphabet import in_writers_spelling

    best: dict[str, Candidate] = {}
    for candidate in candidates:
        text = in_writers_spelling(candidate.text, typed)
        if text != candidate.text:
            candidate = Candidate(text, candidate.source, candidate.cost, candidate.rules)
        seen = best.get(candidate.text)
        if seen is None or candidate.cost < seen.cost:
            best[candidate.text] = candidate
    # Where «кто-то» is a word, «кто то» is the same slip left half-repaired, not a rival reading.
    kept = [c for text, c in best.items() if " " not in text or text.replace(" ", "-", 1) not in best]
    return [c for c in kept if not _lost_space_read_as_stray_letters(c, typed, best)]


def _lost_space_read_as_stray_letters(candidate: Candidate, typed: str, candidates: dict) -> bool:
    """A stray key at a word's end that is also a word glued on («можешьв», «иностранныхи», «тыж»):
    the split reading explains the same letters by a lost space, the commoner slip. On the tune data
    (SpellRuEval tune half, GERA train) the gold splits such a token 29 times and drops the letter
    once, and that once is a letter typed three times («губерниии»), which another source reads."""
    if candidate.source != "extrachar" or not typed.startswith(candidate.text):
        return False
    return f"{candidate.text} {typed[len(candidate.text) :]}" in candidates


def generate(word: str, lexicon) -> list[Candidate]:
    """All candidates for one lower-case unknown word, cheapest explanation per text."""
    from .colloquial import readings
    from .edits import edits1, stretched, stutters
    from .fuzzy import two_edit_words
    from .parts import part_candidates
    from .sound import sound_alikes
    from .split import split_with_typo, three_words, two_words

    found = (
        edits1(word, lexicon.is_form, lexicon.has_prefix)
        + stutters(word, lexicon.is_form)
        + stretched(word, lexicon.is_form)
    )
    found += sound_alikes(word, lexicon)
    found += readings(word, lexicon)
    if len(word) >= 3:
        found += two_words(word, lexicon) + split_with_typo(word, lexicon)
    if word in lexicon.respellings:
        found.append(Candidate(lexicon.respellings[word], "respelling", COST_RESPELLING))
    if not found and "-" in word:
        found = part_candidates(word, lexicon, generate)
    if not found:
        found = (three_words(word, lexicon) if len(word) >= MIN_THREE_WORDS else []) + two_edit_words(word, lexicon)
    return best_per_text(found, word)
