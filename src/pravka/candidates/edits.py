"""Edit-distance-1 candidates over the whole dictionary (≈3M forms).

For a word of length n there are about 70·n strings one edit away (delete a letter, insert any of the
33 letters or a hyphen, replace a letter, swap two neighbours). Each is looked up in pymorphy3's words
DAWG, which answers in about a microsecond, so the full lexicon is searched without any index of our
own. Every hit is priced by the error model (``rank.channel``) and tagged with the kind of slip that
explains it (``keyboard``, ``vowel``, ``doubled``, ``swapchar``, …).
"""

from __future__ import annotations

from ..rank import channel
from . import Candidate

ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def edits1(word: str, is_form) -> list[Candidate]:
    found: list[Candidate] = []
    n = len(word)
    first_letter = channel.COST_FIRST_LETTER

    def add(text: str, cost_and_source: tuple[float, str], position: int) -> None:
        if is_form(text):
            cost, source = cost_and_source
            found.append(Candidate(text, source, cost + (first_letter if position == 0 else 0.0)))

    for i in range(n):
        add(word[:i] + word[i + 1 :], channel.extra_letter(word, i), i)
        if i + 1 < n and word[i] != word[i + 1]:
            add(word[:i] + word[i + 1] + word[i] + word[i + 2 :], (channel.COST_SWAP, "swapchar"), i)
        for letter in ALPHABET:
            if letter != word[i]:
                add(word[:i] + letter + word[i + 1 :], channel.substitution(word[i], letter), i)
    for i in range(n + 1):
        for letter in ALPHABET:
            add(word[:i] + letter + word[i:], channel.missing_letter(word, i, letter), i)
        if 0 < i < n:
            add(word[:i] + "-" + word[i:], (channel.COST_HYPHEN, "hyphen"), i)
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
        if is_form(text):
            found.append(Candidate(text, "stretched", channel.COST_STRETCHED))
    return found
