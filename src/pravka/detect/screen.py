"""Screening: find the lines that no detector could report on, so that only the rest is analysed.

Most lines of most texts are clean, and analysing a clean line costs the same as a damaged one:
razdel, then every detector walking every token. The screen decides much faster which lines need
that, from each unit's ``Triggers`` (``detect.base``):

1. One regular expression, the alternation of every unit's character triggers (a space before a
   comma, a hyphen before a line break, Latin letters touching Cyrillic ones, …) plus characters that
   no tokenizer rule expects (combining accents, bidi marks, emoji), runs over the whole text.
2. One pass over the words (letter runs, hyphenated or not): a word's verdict — known to the lexicon
   and a trigger of no unit — is cached per process, so a frequent word costs one dictionary look-up
   in its life. Every pair of neighbouring words goes through the units' pair tests («в» before «вторник»
   needs «во»; «кто то»; a doubled word), also cached.
3. A line with anything flagged is analysed together with the line before and after it (rules read a
   little context), and neighbouring blocks are merged. Lines are cut at «\\n» only.

Every test is a necessary condition of its unit's findings, so the findings are those of the whole
text analysed at once; ``tests/test_screen.py`` and ``benchmarks/screen_check.py`` hold the screen to
that. A unit without ``Triggers`` turns screening off: every line is analysed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..ru.alphabet import CYRILLIC_LETTER
from .base import Detector

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Characters outside letters, digits, spaces and ordinary punctuation: combining accents, bidi and
# format characters, symbols. The tokenizer may cut words at them, the screen's word pass would not.
UNEXPECTED = r"[^\w\s.,;:!?…«»\"'„“”‘’()\[\]{}<>/\\|@#$%&*+=~^`—–\-№§°]"
VERDICT_CACHE_SIZE = 200_000
CONTEXT_LINES = 1


class Screen:
    """The screen for one tuple of detectors and one lexicon (see the module docstring)."""

    def __init__(self, detectors: tuple[Detector, ...], lexicon) -> None:
        triggers = [d.triggers for d in detectors]
        self.active = all(t is not None for t in triggers)
        patterns = [t.text.pattern for t in triggers if t is not None and t.text is not None]
        self.characters = re.compile("|".join([*patterns, UNEXPECTED]))
        self.word_tests = [t.words for t in triggers if t is not None and t.words is not None]
        self.pair_tests = [t.pairs for t in triggers if t is not None and t.pairs is not None]
        self.lexicon = lexicon
        self._words: dict[str, bool] = {}
        self._pairs: dict[tuple[str, str], bool] = {}

    def word_may_trigger(self, word: str) -> bool:
        flagged = self._words.get(word)
        if flagged is None:
            if len(self._words) >= VERDICT_CACHE_SIZE:
                self._words.clear()
            lower = word.lower() if CYRILLIC_LETTER.search(word) else None
            flagged = lower is not None and (
                not self.lexicon.is_known(word) or any(test(lower, self.lexicon) for test in self.word_tests)
            )
            self._words[word] = flagged
        return flagged

    def pair_may_trigger(self, first: str, second: str) -> bool:
        key = (first, second)
        flagged = self._pairs.get(key)
        if flagged is None:
            if len(self._pairs) >= VERDICT_CACHE_SIZE:
                self._pairs.clear()
            a, b = first.lower(), second.lower()
            flagged = any(test(a, b, self.lexicon) for test in self.pair_tests)
            self._pairs[key] = flagged
        return flagged

    def blocks(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the stretches of ``text`` to analyse, in order; all of it when inactive."""
        if not self.active:
            return [(0, len(text))]
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        flagged: set[int] = set()

        def flag(offset: int) -> None:
            flagged.add(bisect_right(line_starts, offset) - 1)

        for match in self.characters.finditer(text):
            flag(match.start())
            flag(max(match.start(), match.end() - 1))
        previous = None
        for match in WORD.finditer(text):
            word = match.group()
            if self.word_may_trigger(word):
                flag(match.start())
            if previous is not None and self.pair_may_trigger(previous.group(), word):
                flag(previous.start())
                flag(match.start())
            previous = match
        if not flagged:
            return []
        blocks: list[tuple[int, int]] = []
        last_line = len(line_starts) - 1
        for line in sorted(flagged):
            first, last = max(0, line - CONTEXT_LINES), min(last_line, line + CONTEXT_LINES)
            start = line_starts[first]
            end = line_starts[last + 1] if last + 1 <= last_line else len(text)
            if blocks and start <= blocks[-1][1]:
                blocks[-1] = (blocks[-1][0], max(blocks[-1][1], end))
            else:
                blocks.append((start, end))
        return blocks


@lru_cache(maxsize=8)
def shared_screen(detectors: tuple[Detector, ...], lexicon) -> Screen:
    """One screen per process for a detector tuple and lexicon: its verdict caches outlive a text."""
    return Screen(detectors, lexicon)
