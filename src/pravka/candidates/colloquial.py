"""Colloquial and phonetic spellings: standard words respelt as they are spoken, derived by rule.

Informal writers spell what they say: «щас» for «сейчас», «скока» for «сколько», «пасиба» for
«спасибо», «грит» for «говорит», «учицца» for «учиться», «ево» for «его», «креатифф» for «креатив».
These are not typing slips (the error model of ``channel`` prices them as two or three unlikely
edits), and they are too many to list. They are *generated* instead, from the standard words:

1. **Rules.** ``ru.sound`` lists how speech changes a word: sounds any word may change
   (``SPOKEN_CHANGES``: в → ф before a voiceless consonant, «чн» → «шн», «что» → «шо»/«чо», the г of
   «-ого» → в, «-ться» → «-цца», «щ» → «шш», …) and what fast speech swallows in the most frequent
   words (``SPOKEN_REDUCTIONS``: an unstressed vowel between consonants, a consonant inside a cluster,
   the «с» of «сп-», a final vowel). Each rule has a price here (``RULE_COSTS``, log10 units as in
   ``channel``): how far the writer departs from the standard word.
2. **Index.** Every frequent dictionary word (wordfreq Zipf ≥ ``MIN_ZIPF``; reductions only at Zipf ≥
   ``REDUCTION_MIN_ZIPF``) is rewritten by up to ``MAX_RULES`` rule applications at any of their sites,
   priced by the sum of the rules used (at most ``MAX_COST``); each variant is stored under its sound
   key (``ru.sound.sound_key``) with the standard word and the rules. The key folds what needs no rule
   — unstressed о/а and е/и/я, doubled and held-down letters, «ь», the spellings of «щ» and «ц» — so
   «пасиба», «пасибо» and «пассиба» all find «спасибо» through the one variant «пасибо». The index is
   compiled once into the cache folder (a trie, like the lexicon's large tables; a few seconds) and
   mapped from it on later starts in milliseconds; its name carries a checksum of the rules and prices, so
   changing them compiles it anew.
3. **Look-up.** An unknown word's sound key gives every variant sharing it. The word and a variant
   may still differ where the key folded them (up to ``MAX_AS_HEARD`` letters: «пасиба» for the
   variant «пасибо»; never the first letter of a reduced word: «ить» is no «есть»); those are spelling
   slips like any other and the error model prices them (``channel.edit_cost``: an unstressed vowel, a
   doubled letter). A letter held down for emphasis
   («спаааасиб») is squeezed first, at the price of ``edits.stretched``. The candidate is the standard
   word at the rules' price plus those; its ``rules`` record how it was derived («rule initial-s», «as
   heard: 1 letter»), and the ranker adds them to the suggestion's trail.

A word the dictionary knows may be a spoken form too: «грит» is also a plural genitive of the name
«Грита», «скока» a form of «скок». ``known_word_readings`` gives only the exact derivations of such a
word from a far more frequent one; ``detect.nonword`` decides whether the dictionary reading is meant.

The ranker then weighs each reading by the standard word's frequency against keeping the word, and
the context model (``rank.context``) chooses among readings: «надо учицца» → «учиться», «он учицца» →
«учится».
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from pathlib import Path

import marisa_trie
from rapidfuzz.distance import Levenshtein

from ..lexicon import kept
from ..ru.alphabet import fold
from ..ru.sound import SPOKEN_CHANGES, SPOKEN_REDUCTIONS, sound_key
from . import COST_RESPELLING, Candidate
from .channel import COST_STRETCHED, edit_cost

SOURCE = "colloquial"
MIN_ZIPF = 2.0
REDUCTION_MIN_ZIPF = 5.0
MAX_RULES = 3
MAX_COST = 2.5
MAX_AS_HEARD = 2
KNOWN_WORD_ZIPF_GAP = 1.5
KNOWN_WORDS_CACHED = 100_000
RULE_COSTS = {
    "devoiced-v": 0.5,
    "devoiced": 0.6,
    "voiced": 0.6,
    "g-as-v": 0.4,
    "shn": 0.4,
    "cht": 0.4,
    "hushed-o": 0.3,
    "hushed-e": 0.3,
    "hushed-soft": 0.4,
    "ik-eg": 0.5,
    "ov-off": 0.4,
    "v-ff": 0.4,
    "tsa": 0.3,
    "doubled-shch": 0.3,
    "sch": 0.3,
    "shch-sch": 0.3,
    "stv-drop": 0.6,
    "syncope": 0.8,
    "cluster": 0.7,
    "go-drop": 0.8,
    "initial-s": 0.8,
    "apocope": 0.8,
}
_CHANGES = tuple((name, re.compile(pattern), replacement) for name, pattern, replacement in SPOKEN_CHANGES)
REDUCTIONS = frozenset(name for name, _, _ in SPOKEN_REDUCTIONS)
_REDUCTIONS = tuple((name, re.compile(pattern), replacement) for name, pattern, replacement in SPOKEN_REDUCTIONS)
INDEX_FORMAT = 1
HELD_DOWN = re.compile(r"(.)\1{2,}")
DOUBLED = re.compile(r"(.)\1+")


def spoken_variants(word: str, reductions: bool = False) -> dict[str, tuple[float, tuple[str, ...]]]:
    """Every respelling of the standard ``word`` by 1 to ``MAX_RULES`` rule applications costing at
    most ``MAX_COST``: variant → (cost, rules in the order applied), the cheapest derivation of each."""
    rules = _CHANGES + _REDUCTIONS if reductions else _CHANGES
    best: dict[str, tuple[float, tuple[str, ...]]] = {}
    frontier: dict[str, tuple[float, tuple[str, ...]]] = {word: (0.0, ())}
    for _ in range(MAX_RULES):
        following: dict[str, tuple[float, tuple[str, ...]]] = {}
        for text, (cost, used) in frontier.items():
            for name, pattern, replacement in rules:
                price = cost + RULE_COSTS[name]
                if price > MAX_COST + 1e-9:
                    continue
                for match in pattern.finditer(text):
                    variant = text[: match.start()] + match.expand(replacement) + text[match.end() :]
                    if len(variant) < 2 or variant == word:
                        continue
                    seen = best.get(variant)
                    if seen is None or price < seen[0]:
                        best[variant] = following[variant] = (price, (*used, name))
        frontier = following
    return best


def _entries(lexicon):
    """The index's strings: ``key \\t variant \\t standard \\t cost in hundredths \\t rules``."""
    for word in lexicon.written_words():
        zipf = lexicon.zipf(word)
        if zipf < MIN_ZIPF or "-" in word:
            continue
        # Rules read the word with its «ё» (only «ё» after a hushing consonant is heard as «о»);
        # variants are stored as typed, with «е».
        for variant, (cost, rules) in spoken_variants(word, reductions=zipf >= REDUCTION_MIN_ZIPF).items():
            spelt = fold(variant)
            if spelt != fold(word):
                yield f"{sound_key(spelt)}\t{spelt}\t{word}\t{round(cost * 100)}\t{'+'.join(rules)}"


def _index_path() -> Path:
    from ..lexicon import cache_dir, cache_tag

    rules = repr(
        (
            INDEX_FORMAT,
            SPOKEN_CHANGES,
            SPOKEN_REDUCTIONS,
            sorted(RULE_COSTS.items()),
            MIN_ZIPF,
            REDUCTION_MIN_ZIPF,
            MAX_RULES,
            MAX_COST,
        )
    )
    return cache_dir() / f"{SOURCE}-{cache_tag()}-{zlib.crc32(rules.encode()):08x}.marisa"


@lru_cache(maxsize=4)
def spoken_index(lexicon) -> marisa_trie.Trie:
    """The variant index for ``lexicon``, compiled into the cache folder on first use."""
    from ..lexicon import compiled_once, mapped_trie, saved_trie

    return mapped_trie(compiled_once(_index_path(), lambda path: saved_trie(_entries(lexicon), path), SOURCE))


def readings(word: str, lexicon) -> list[Candidate]:
    """Standard words that the lower-case ``word`` respells as spoken, each priced by its rules plus
    the error model's price of what the sound key folded, with the rules in ``Candidate.rules``."""
    prefix = sound_key(word) + "\t"
    typed = fold(word)
    # A letter held down for emphasis («спаааасиб») is one deliberate act, priced as ``edits.stretched``.
    held = HELD_DOWN.sub(r"\1", typed)
    extra = ("held-down",) if held != typed else ()
    entries = [entry[len(prefix) :].split("\t") for entry in spoken_index(lexicon).keys(prefix)]
    if extra:  # held down, the word itself may be the standard one, its letters doubled: «мааааммоооочкииии»
        single = DOUBLED.sub(r"\1", held)
        entries += [
            [fold(other), other, "0", ""]
            for other in lexicon.sounds_like(prefix[:-1])
            if len(other) > 1 and DOUBLED.sub(r"\1", fold(other)) == single
        ]
    found = []
    for variant, standard, cost, rules in entries:
        used = rules.split("+") if rules else []
        heard = Levenshtein.distance(held, variant, score_cutoff=MAX_AS_HEARD)
        if heard > MAX_AS_HEARD or fold(standard) == typed:
            continue
        if held[:1] != variant[:1] and not REDUCTIONS.isdisjoint(used):
            continue  # a word worn down by speech keeps its first sound: «ить» is no «есть»
        trail = tuple(f"rule {rule}" for rule in [*used, *extra])
        price = int(cost) / 100 + (COST_STRETCHED if extra else 0.0)
        if heard:
            # What the key folded is a spelling slip like any other: the error model prices it.
            price += edit_cost(held, variant)
            trail += (f"as heard: {heard} letter{'s' if heard > 1 else ''}",)
        found.append(Candidate(standard, SOURCE, price, trail))
    return found


def known_word_readings(word: str, lexicon) -> list[Candidate]:
    """The spoken readings of a lower-case *dictionary* word («грит», «скока», «щас» are forms of
    «Грита», «скок» and an informal «щас»): standard words that the rules turn into exactly this
    spelling, no letter folded on top, and that are far more frequent (wordfreq Zipf at least
    ``KNOWN_WORD_ZIPF_GAP`` above the word's own), and the listed respelling of the word if any.
    Whether the dictionary reading is meant is for the caller to weigh (``detect.nonword``)."""
    readings = _kept_readings(lexicon)
    found = readings.get(word)
    if found is None:
        found = kept(readings, word, _known_word_readings(word, lexicon), KNOWN_WORDS_CACHED)
    return list(found)


@lru_cache(maxsize=4)
def _kept_readings(lexicon) -> dict[str, tuple[Candidate, ...]]:
    # The readings by word, for one lexicon. The nonword unit asks for them of every known word of the
    # blocks it reads, and most words have none: a plain dict keeps a word and its (mostly empty)
    # answer, where an lru cache would keep a link and an argument tuple besides (10 MB on 8 MB of
    # novels).
    return {}


def _known_word_readings(word: str, lexicon) -> tuple[Candidate, ...]:
    typed = fold(word)
    floor = lexicon.zipf(typed) + KNOWN_WORD_ZIPF_GAP
    found = []
    for entry in spoken_index(lexicon).keys(sound_key(typed) + "\t"):
        _, variant, standard, cost, rules = entry.split("\t")
        if variant == typed and lexicon.zipf(standard) >= floor:
            found.append(Candidate(standard, SOURCE, int(cost) / 100, tuple(f"rule {r}" for r in rules.split("+"))))
    if typed in lexicon.respellings:
        found.append(Candidate(lexicon.respellings[typed], "respelling", COST_RESPELLING))
    return tuple(found)
