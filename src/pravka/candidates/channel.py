"""The error model: how likely each kind of slip is, in log10 units (a cost of 1 = ten times rarer).

Costs reflect how people and machines actually damage Russian text. Cheapest are the spelling
uncertainties of the language itself (unstressed vowels о/а, е/и/я; doubled consonants; ь/ъ; й/и; ё
dots), then letters of the same shape that OCR confuses (ш/щ, и/н/п), then a finger landing on a neighbouring ЙЦУКЕН key or devoicing a consonant, then swapped
letters, then forgotten or extra letters (an extra letter is cheaper when it sits next to a keyboard
neighbour, a finger catching two keys, than when nothing explains it), and dearest an arbitrary
substitution. ``edit_cost`` gives the
cheapest weighted Damerau–Levenshtein alignment between a damaged word and a candidate, so candidates
found by any generator are priced by one rule.

Some slips replace a group of letters by another group that sounds the same: «щ» for «сч» or «жч»
(«нащет», «мущина»), «ц» or «цц» for «тс»/«ться» («остаецца», «хочеца»), «йо» for «ё». Letter by letter
they would cost two or three edits, but they are one decision of the writer, so ``edit_cost`` also
aligns whole groups of one ``SOUND_GROUPS`` class at ``COST_SOUND_GROUP``.
"""

from __future__ import annotations

from functools import lru_cache

from ..ru.keyboard import are_keyboard_neighbours
from ..ru.sound import OCR_PAIRS, SILENT_CLUSTERS, SOUND_GROUPS, SOUND_PAIRS, VOWEL_PAIRS

COST_VOWEL = 1.0
COST_DOUBLED = 1.0
COST_SEPARATOR = 1.1  # a lost or added ь/ъ
COST_SHSYA = 0.4  # «-шся» for «-шься» is a mistake of rule, not of typing
COST_SILENT_CONSONANT = 1.0  # «безопастность», «чесный», «лесница»: consonants unheard in стн, здн, лнц, вств
COST_HYPHEN = 0.6  # «чтото», «изза», «както»: the hyphen is the first thing people drop
COST_SOUND = 1.4
COST_OCR = 1.3
COST_KEYBOARD = 1.5
COST_SWAP = 1.7
COST_STUTTER = 1.2  # a syllable typed twice
COST_STRETCHED = 0.3  # «оооочень»: deliberate, and nothing else explains it
COST_FORGOT = 2.0
COST_EXTRA = 1.9
COST_EXTRA_STRAY = 2.6  # an extra letter that no neighbouring key explains
COST_BADCHAR = 2.6
COST_FIRST_LETTER = 0.6  # added when the first letter itself is damaged: people rarely get it wrong
COST_SOUND_GROUP = 0.8

_GROUPS_OF: dict[str, frozenset[int]] = {}
for _index, _group in enumerate(SOUND_GROUPS):
    for _member in _group:
        _GROUPS_OF[_member] = _GROUPS_OF.get(_member, frozenset()) | {_index}
_GROUP_LENGTHS = sorted({len(member) for member in _GROUPS_OF})
CONTEXT_CACHE_SIZE = 65_536  # three-letter contexts: a few thousand occur in Russian words
WORD_TABLES_CACHE_SIZE = 8192  # words
# Meant words: a meant word's substitution table (about 1.5 KB) is met again for one candidate in eight
# on a long check; at 8192 they held 10 MB more on 8 MB of novels for no CPU time a run could tell apart.
MEANT_TABLES_CACHE_SIZE = 2048


@lru_cache(maxsize=4096)
def substitution(typed: str, meant: str) -> tuple[float, str]:
    if typed == "е" and meant == "ё":
        return 0.0, "yo"  # writing «е» for «ё» is the norm, not a slip
    pair = frozenset((typed, meant))
    if pair in VOWEL_PAIRS:
        return COST_VOWEL, "vowel"
    if pair in OCR_PAIRS:
        return COST_OCR, "ocr"
    if pair in SOUND_PAIRS:
        return COST_SOUND, "sound"
    if are_keyboard_neighbours(typed, meant):
        return COST_KEYBOARD, "keyboard"
    return COST_BADCHAR, "badchar"


def _silent_consonant(before: str, letter: str, after: str) -> bool:
    return before + letter + after in SILENT_CLUSTERS


def extra_letter(word: str, index: int) -> tuple[float, str]:
    """Cost of the typed word holding a letter at ``index`` that the meant word lacks."""
    letter = word[index]
    if letter == "-":
        return COST_HYPHEN, "hyphen"
    if _silent_consonant(word[index - 1 : index], letter, word[index + 1 : index + 2]) or (
        letter == "т" and word[index - 1 : index] == "с"
    ):
        return COST_SILENT_CONSONANT, "silent"
    if letter in "ьъ":
        return COST_SEPARATOR, "softsign"
    if (index > 0 and word[index - 1] == letter) or (index + 1 < len(word) and word[index + 1] == letter):
        return COST_DOUBLED, "doubled"
    neighbours = word[index - 1 : index] + word[index + 1 : index + 2]
    if any(are_keyboard_neighbours(letter, other) for other in neighbours):
        return COST_EXTRA, "extrachar"  # the finger caught the next key too
    return COST_EXTRA_STRAY, "extrachar"


def missing_letter(word: str, index: int, letter: str) -> tuple[float, str]:
    """Cost of the typed word lacking ``letter`` that the meant word has before position ``index``."""
    if letter == "-":
        return COST_HYPHEN, "hyphen"
    if letter == "ь" and word[index - 1 : index + 2] == "шся":
        return COST_SHSYA, "softsign"
    if letter in "ьъ":
        return COST_SEPARATOR, "softsign"
    if _silent_consonant(word[index - 1 : index], letter, word[index : index + 1]):
        return COST_SILENT_CONSONANT, "silent"
    if (index > 0 and word[index - 1] == letter) or (index < len(word) and word[index] == letter):
        return COST_DOUBLED, "doubled"
    return COST_FORGOT, "forgotchar"


@lru_cache(maxsize=WORD_TABLES_CACHE_SIZE)
def _groups_ending_at(word: str) -> tuple[tuple[tuple[int, frozenset[int]], ...], ...]:
    """For each position i, the (length, classes) of every sound-group member that ends at ``word[:i]``."""
    found: list[list[tuple[int, frozenset[int]]]] = [[] for _ in range(len(word) + 1)]
    for i in range(1, len(word) + 1):
        for size in _GROUP_LENGTHS:
            groups = _GROUPS_OF.get(word[i - size : i]) if size <= i else None
            if groups is not None:
                found[i].append((size, groups))
    return tuple(map(tuple, found))


# The costs of a letter being extra or missing read only the letters on either side of it
# (``extra_letter``, ``missing_letter``), so ``edit_cost`` prices each place of a word by those few
# letters, ``word[i - 1 : i + 2]``, and keeps the prices per such context: a word's places share them
# with every other word's, and a typed word's whole table is kept too, since a typed word is priced
# against many candidates. The prices are the same numbers the two functions give.
class _MissingCosts(dict):
    """Letter → the cost of the typed word lacking it at one place, filled on first use."""

    __slots__ = ("context", "index")

    def __init__(self, context: str, index: int) -> None:
        super().__init__()
        self.context, self.index = context, index

    def __missing__(self, letter: str) -> float:
        cost = self[letter] = missing_letter(self.context, self.index, letter)[0]
        return cost


@lru_cache(maxsize=CONTEXT_CACHE_SIZE)
def _missing_costs(context: str, index: int) -> _MissingCosts:
    return _MissingCosts(context, index)


@lru_cache(maxsize=CONTEXT_CACHE_SIZE)
def _extra_cost(context: str, index: int) -> float:
    return extra_letter(context, index)[0]


@lru_cache(maxsize=WORD_TABLES_CACHE_SIZE)
def _typed_costs(typed: str) -> tuple[tuple[float, ...], tuple[_MissingCosts, ...]]:
    """For each place i of ``typed``: the cost of its letter being extra (i < len), and the costs of a
    letter missing before it, each read from the context ``typed[i - 1 : i + 2]``."""
    extra = tuple(_extra_cost(typed[max(0, i - 1) : i + 2], min(i, 1)) for i in range(len(typed)))
    missing = tuple(_missing_costs(typed[max(0, i - 1) : i + 2], min(i, 1)) for i in range(len(typed) + 1))
    return extra, missing


class _ReplacingCosts(dict):
    """Typed letter → the cost of it standing for each letter of one meant word, filled on first use."""

    __slots__ = ("meant",)

    def __init__(self, meant: str) -> None:
        super().__init__()
        self.meant = meant

    def __missing__(self, typed: str) -> list[float]:
        costs = self[typed] = [0.0 if typed == letter else substitution(typed, letter)[0] for letter in self.meant]
        return costs


@lru_cache(maxsize=MEANT_TABLES_CACHE_SIZE)
def _replacing_costs(meant: str) -> _ReplacingCosts:
    """A meant word's substitution costs, kept: a common word is a candidate for many typed words."""
    return _ReplacingCosts(meant)


@lru_cache(maxsize=65536)
def edit_cost(typed: str, meant: str) -> float:
    """Cheapest weighted Damerau–Levenshtein alignment of ``typed`` onto ``meant``, sound groups included."""
    n, m = len(typed), len(meant)
    typed_groups, meant_groups = _groups_ending_at(typed), _groups_ending_at(meant)
    extra, missing = _typed_costs(typed)
    replacing = _replacing_costs(meant)
    rows = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        rows[i][0] = rows[i - 1][0] + extra[i - 1]
    for j in range(1, m + 1):
        rows[0][j] = rows[0][j - 1] + missing[0][meant[j - 1]]
    # The inner loop is the hot spot of confusion sets and two-edit candidates: rows and costs are bound
    # to locals, the cell to the left is carried along, and costs are compared with ``<`` rather than
    # ``min()``, which picks the same value.
    for i in range(1, n + 1):
        a, above, row = typed[i - 1], rows[i - 1], rows[i]
        replace_cost, extra_cost, missing_cost, groups = replacing[a], extra[i - 1], missing[i], typed_groups[i]
        letter_before = typed[i - 2] if i > 1 else ""  # a swap of it with ``a`` matches «b a» in meant
        left = row[0]
        for j in range(1, m + 1):
            b = meant[j - 1]
            best = above[j - 1] + replace_cost[j - 1]
            cost = above[j] + extra_cost
            if cost < best:
                best = cost
            cost = left + missing_cost[b]
            if cost < best:
                best = cost
            if b == letter_before and a != b and j > 1 and meant[j - 2] == a:
                cost = rows[i - 2][j - 2] + COST_SWAP
                if cost < best:
                    best = cost
            if groups:
                for typed_size, typed_classes in groups:
                    for meant_size, meant_classes in meant_groups[j]:
                        if typed_classes & meant_classes and typed[i - typed_size : i] != meant[j - meant_size : j]:
                            cost = rows[i - typed_size][j - meant_size] + COST_SOUND_GROUP
                            if cost < best:
                                best = cost
            row[j] = left = best
    cost = rows[n][m]
    if typed[:1] != meant[:1]:
        cost += COST_FIRST_LETTER
    return cost
