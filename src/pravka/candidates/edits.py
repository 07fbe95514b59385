"""Edit-distance-1 candidates over the whole dictionary (≈3M forms).

For a word of length n there are about 70·n strings one edit away (delete a letter, insert any of the
33 letters or a hyphen, replace a letter, swap two neighbours). Each is looked up in pymorphy3's words
DAWG, which answers in about a microsecond, so the full lexicon is searched without any index of our
own. Every hit is priced by the error model (``candidates.channel``) and tagged with the kind of slip that
explains it (``keyboard``, ``vowel``, ``doubled``, ``swapchar``, …).
"""

from __future__ import annotations

from ..ru.alphabet import ALPHABET
from ..ru.sound import SILENT_CLUSTERS, VOWEL_PAIRS
from . import Candidate, channel

VOWEL_PARTNERS: dict[str, tuple[str, ...]] = {}
for _pair in VOWEL_PAIRS:
    for _letter in _pair:
        VOWEL_PARTNERS[_letter] = (*VOWEL_PARTNERS.get(_letter, ()), *(_pair - {_letter}))
# Letters a writer may leave out in doubt: the signs and the consonants unheard in a cluster; a doubled
# letter is the one beside the gap.
DOUBT_LETTERS = frozenset({"ь", "ъ", *(cluster[1] for cluster in SILENT_CLUSTERS)})


def valid_prefix_length(word: str, has_prefix) -> int:
    """Length of the longest start of ``word`` that starts some dictionary form (binary search)."""
    low, high = 0, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if has_prefix(word[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def edits1(word: str, is_form, has_prefix=None) -> list[Candidate]:
    """Look every one-edit string up first and price only the hits: most strings are not words.

    An edit at position i keeps ``word[:i]``; when that is the start of no form at all, no edit from i
    on can make a word. So edits are tried only up to the longest valid start (``has_prefix``), which
    for a typo in mid-word halves the look-ups without losing a candidate.
    """
    found: list[Candidate] = []
    n = len(word)
    last = valid_prefix_length(word, has_prefix) if has_prefix is not None else n

    def hit(text: str, position: int, price: tuple[float, str]) -> None:
        cost, source = price
        found.append(Candidate(text, source, cost + channel.COST_FIRST_LETTER if position == 0 else cost))

    # Strings are tested first and priced only on a hit: most of the ~70·n strings are not words.
    for i in range(min(n, last + 1)):
        head, typed, rest = word[:i], word[i], word[i + 1 :]
        if is_form(head + rest):
            hit(head + rest, i, channel.extra_letter(word, i))
        if i + 1 < n and typed != word[i + 1]:
            swapped = head + word[i + 1] + typed + word[i + 2 :]
            if is_form(swapped):
                hit(swapped, i, (channel.COST_SWAP, "swapchar"))
        for letter in ALPHABET:
            if letter != typed and is_form(head + letter + rest):
                hit(head + letter + rest, i, channel.substitution(typed, letter))
    for i in range(min(n, last) + 1):
        head, rest = word[:i], word[i:]
        for letter in ALPHABET:
            if is_form(head + letter + rest):
                hit(head + letter + rest, i, channel.missing_letter(word, i, letter))
        if 0 < i < n and is_form(head + "-" + rest):
            hit(head + "-" + rest, i, (channel.COST_HYPHEN, "hyphen"))
    return found


def spelling_doubts(word: str, is_form, max_cost: float) -> list[Candidate]:
    """The forms one spelling doubt away — an unstressed vowel, a doubled letter, «ь» or «ъ», a silent
    consonant: the part of ``edits1`` that costs at most ``max_cost``, priced by the same channel, but
    found by trying only the letters such a doubt can involve (a few per place instead of 34)."""
    found: list[Candidate] = []

    def hit(text: str, position: int, price: tuple[float, str]) -> None:
        cost = price[0] + (channel.COST_FIRST_LETTER if position == 0 else 0.0)
        if cost <= max_cost and is_form(text):
            found.append(Candidate(text, price[1], cost))

    for i, letter in enumerate(word):
        hit(word[:i] + word[i + 1 :], i, channel.extra_letter(word, i))
        for other in VOWEL_PARTNERS.get(letter, ()):
            hit(word[:i] + other + word[i + 1 :], i, channel.substitution(letter, other))
    for i in range(len(word) + 1):
        for letter in {*DOUBT_LETTERS, *word[max(0, i - 1) : i + 1]}:
            hit(word[:i] + letter + word[i:], i, channel.missing_letter(word, i, letter))
    return found


def stutters(word: str, is_form) -> list[Candidate]:
    """A syllable typed twice («развивавать» → «развивать»): delete one copy of a repeated 2–3 letter run."""
    found = []
    for size in (2, 3):
        for i in range(len(word) - 2 * size + 1):
            if word[i : i + size] == word[i + size : i + 2 * size]:
                text = word[: i + size] + word[i + 2 * size :]
                if is_form(text):
                    found.append(Candidate(text, "stutter", channel.COST_STUTTER))
    return found


def stretched(word: str, is_form) -> list[Candidate]:
    """A letter held down for emphasis («оооочень», «дааа»): shrink every run of 3+ to one or two."""
    import re

    runs = re.compile(r"(.)\1{2,}")
    if not runs.search(word):
        return []
    found = []
    for keep in (r"\1", r"\1\1"):
        text = runs.sub(keep, word)
        if len(text) > 1 and is_form(text):
            found.append(Candidate(text, "stretched", channel.COST_STRETCHED))
    return found
