"""Screening: find the lines that no detector could report on, and which detectors could report on the rest.

Most lines of most texts are clean, and analysing a clean line costs the same as a damaged one:
razdel, then every detector walking every token. The screen decides much faster which lines need
that, and for which units, from each unit's ``Triggers`` (``detect.base``):

1. Each unit's character triggers (a space before a comma, a hyphen before a line break, Latin letters
   touching Cyrillic ones, …) run as one regular expression each over the whole text, and so do the
   characters that no tokenizer rule expects (combining accents, bidi marks, emoji), which concern
   every unit. One pass per unit, not one alternation: an alternation's match would hide another
   unit's match overlapping it. Each pass is skipped where a bare class of the characters that every
   match holds (``required_characters``: a Latin letter for homoglyphs, a digit or «і» for OCR) finds
   nothing, which a class scan tells many times faster than the pattern.
2. One pass over the words (letter runs, hyphenated or not): a word's verdict — the set of units whose
   word test it passes, or, when the lexicon does not know it, every unit an unknown word concerns
   (``Triggers.unknown_words``: not the units whose tests see damage whether or not a word is known,
   such as a doubled word or a misplaced comma) — is cached per process as a bit mask, so a frequent
   word costs one dictionary look-up in its life. Every pair of neighbouring words goes through the
   units' pair tests («в» before «вторник» needs «во»; «кто то»; a doubled word), also cached. The
   words and pairs a line holds that the caches lack are tested last, unknown words first, and skip
   the tests of the units the line is already flagged for, which could add nothing there: on a
   damaged line the unknown word settles most units, and the costly tests of known words (a spoken
   form, a glued pair) wait for a line that needs them. Such a verdict keeps, beside its units, the
   units whose tests are still to run, so that a line that has those flagged anyway costs one
   look-up per word all the same, and one that lacks them runs them. The verdicts of every written
   word and of its spelling with «е» for «ё» (every test run) are compiled once into the cache folder
   (``compiled_verdicts``), so a fresh process, a ``--jobs`` worker or a Dask worker does not pay the
   first-time tests of every common word again, nor a long text those of its rare words met once; they hold for the bundled
   word lists only, and a lexicon with the user's own lists finds its verdicts as it goes; they are
   compiled again when the code or the data of this module or of a unit changes (``lexicon.sources_tag``).
3. A line with anything flagged is analysed together with the line before and after it (rules read a
   little context, across one line break at most: ``Document.reach``), except across a break that ends
   a sentence (the line before it ends with «.», «!», «?» or «…»), which no rule reads across: a text of one
   sentence a line (essays, news, subtitles) is analysed line by line. Neighbouring blocks are merged; a block is analysed by the units flagged on
   any of its lines, in their priority order. Lines are cut at «\\n» only.

Every test is a necessary condition of its own unit's findings, so a unit left out of a block would
have found nothing there, and the findings are those of the whole text analysed by every unit at once;
``tests/test_screen.py`` and ``benchmarks/screen_check.py`` hold the screen to that. A unit without
``Triggers`` turns screening off: every line is analysed by every unit.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from itertools import pairwise
from sys import intern

try:
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_parse as _parser

import dawg

from ..lexicon import compiled_once, compiled_path, kept, save_atomically
from ..ru.alphabet import CYRILLIC_LETTER
from ..ru.punctuation import SENTENCE_END
from .base import Detector

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Characters outside letters, digits, spaces and ordinary punctuation: combining accents, bidi and
# format characters, symbols. The tokenizer may cut words at them or glue them to a word, the screen's
# word pass would not; one with spaces on both sides («слово ‒ слово», an emoji between words) is a
# token of its own that no unit reports on, so only one touching another character is flagged.
UNEXPECTED = r"[^\w\s.,;:!?…«»\"'„“”‘’()\[\]{}<>/\\|@#$%&*+=~^`—–\-№§°]"
UNEXPECTED_TOUCHING = rf"(?<=\S){UNEXPECTED}|{UNEXPECTED}(?=\S)"
VERDICT_CACHE_SIZE = 200_000  # words, and pairs: at 50k the pair tests run again after every clear (essays 20 % slower)


class Screen:
    """The screen for one tuple of detectors and one lexicon (see the module docstring)."""

    def __init__(
        self, detectors: tuple[Detector, ...], lexicon, compiled: dawg.IntCompletionDAWG | dict[str, int] | None = None
    ) -> None:
        triggers = [d.triggers for d in detectors]
        self.detectors = detectors
        self.active = all(t is not None for t in triggers)
        self.every_unit = (1 << len(detectors)) - 1
        self.unknown_word_units = sum(1 << bit for bit, t in enumerate(triggers) if t is None or t.unknown_words)
        # (pattern, units, pre-test): each unit's own characters, and the unexpected ones, which concern
        # every unit; the pre-test is a class of characters every match holds (``required_characters``).
        self.characters = [
            (t.text, 1 << bit, required_characters(t.text))
            for bit, t in enumerate(triggers)
            if t is not None and t.text is not None
        ] + [(re.compile(UNEXPECTED_TOUCHING), self.every_unit, re.compile(UNEXPECTED))]
        self.word_tests = [
            (t.words, 1 << bit) for bit, t in enumerate(triggers) if t is not None and t.words is not None
        ]
        self.pair_tests = [
            (t.pairs, 1 << bit) for bit, t in enumerate(triggers) if t is not None and t.pairs is not None
        ]
        self.word_test_units = sum(bit for _, bit in self.word_tests)
        self.pair_test_units = sum(bit for _, bit in self.pair_tests)
        self.lexicon = lexicon
        # word (pair) → the units it flags, plus, shifted past every unit's bit, the units whose test
        # it has not had (see ``_tested``): a verdict of a word that stood only on lines flagged for
        # those units. One look-up and one «or» per word is then what a line costs.
        self.untested_shift = len(detectors)
        self._words: dict[str, int] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        # lower-case known word → its units, every test run (``compiled_verdicts``); read when ``_words``
        # lacks the word, which it then holds
        self.compiled = compiled or {}
        self._units: dict[int, tuple[Detector, ...]] = {}

    def word_units(self, word: str, settled: int = 0) -> int:
        """The bit mask of the units that could report at ``word`` (those that an unknown word concerns,
        when it is unknown), except that the word tests of the units in ``settled`` (already flagged on
        the word's line) need not be run: their bits may be missing."""
        verdict = self._words.get(word)
        if verdict is None:
            verdict = self.compiled.get(word.lower())
            if verdict is not None:
                _remember(self._words, word, verdict)
        if verdict is not None and not verdict >> self.untested_shift & ~settled:
            return verdict & self.every_unit
        if CYRILLIC_LETTER.search(word) and self.lexicon.is_known(word):
            arguments = (intern(word.lower()), self.lexicon)
            return self._tested(self._words, word, self.word_tests, self.word_test_units, arguments, settled)
        units = self.unknown_word_units if CYRILLIC_LETTER.search(word) else 0
        _remember(self._words, word, units)
        return units

    def pair_units(self, first: str, second: str, settled: int = 0) -> int:
        """The bit mask of the units whose pair test the neighbours ``first`` ``second`` pass, the tests
        of the units in ``settled`` left out (see ``word_units``)."""
        key = (first, second)
        verdict = self._pairs.get(key)
        if verdict is not None and not verdict >> self.untested_shift & ~settled:
            return verdict & self.every_unit
        arguments = (intern(first.lower()), intern(second.lower()), self.lexicon)
        return self._tested(self._pairs, key, self.pair_tests, self.pair_test_units, arguments, settled)

    def _tested(self, verdicts: dict, key, tests, every_test: int, arguments: tuple, settled: int) -> int:
        """Run those of ``tests`` (of the units ``every_test``) that ``key`` (a known word, a pair) has
        not had and whose units are not ``settled``, and keep what they found with the units whose
        tests are still to run."""
        verdict = verdicts.get(key)
        if verdict is None:
            untested, units = every_test, 0
        else:
            untested, units = verdict >> self.untested_shift, verdict & self.every_unit
        for test, bit in tests:
            if bit & untested and not bit & settled:
                untested ^= bit
                if test(*arguments):
                    units |= bit
        _remember(verdicts, key, units | untested << self.untested_shift)
        return units

    def blocks(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the stretches of ``text`` to analyse, in order; all of it when inactive."""
        return [(start, end) for start, end, _ in self.dispatch(text)]

    def dispatch(self, text: str) -> list[tuple[int, int, tuple[Detector, ...]]]:
        """(start, end, units) of the stretches of ``text`` to analyse and the units to analyse each
        with, in order; all of it, with every unit, when the screen is inactive."""
        if not self.active:
            return [(0, len(text), self.detectors)]
        lines = text.split("\n")
        line_starts = [0]
        for line_text in lines[:-1]:
            line_starts.append(line_starts[-1] + len(line_text) + 1)
        flagged: dict[int, int] = {}  # line → bit mask of its units

        def flag(offset: int, units: int) -> None:
            line = bisect_right(line_starts, offset) - 1
            flagged[line] = flagged.get(line, 0) | units

        for pattern, units, pretest in self.characters:
            if pretest is not None and not pretest.search(text):
                continue
            for match in pattern.finditer(text):
                flag(match.start(), units)
                flag(max(match.start(), match.end() - 1), units)
        # Words never cross a line break, so each line's words and pairs are read on their own, and
        # the pair of the last word before a line and the first word in it flags both lines. A test of
        # a unit already flagged on the line could add nothing: the words and pairs first met (not in
        # the caches) are tested after the others, unknown words first, each skipping the tests of the
        # units the line has so far (a damaged line's unknown word settles most units at once).
        words, pairs = self._words, self._pairs
        previous_word, previous_line = None, 0
        for number, line_text in enumerate(lines):
            found = WORD.findall(line_text)
            if not found:
                continue
            units = flagged.get(number, 0)
            fresh_words = []
            for word in found:
                word_units = words.get(word)
                if word_units is None:
                    fresh_words.append(word)
                else:
                    units |= word_units
            fresh_pairs = []
            for pair in pairwise(found):
                pair_units = pairs.get(pair)
                if pair_units is None:
                    fresh_pairs.append(pair)
                else:
                    units |= pair_units
            untested = units >> self.untested_shift  # tests a cached verdict has not had
            units &= self.every_unit
            if fresh_words:
                fresh_words.sort(key=self._is_known_cyrillic)
                for word in fresh_words:
                    units |= self.word_units(word, units)
            for left, right in fresh_pairs:
                units |= self.pair_units(left, right, units)
            if untested & ~units:  # one this line needs: the words and pairs that lack it have it now
                for word in found:
                    units |= self.word_units(word, units)
                for left, right in pairwise(found):
                    units |= self.pair_units(left, right, units)
            if previous_word is not None:
                pair_units = self.pair_units(previous_word, found[0], units & flagged.get(previous_line, 0))
                if pair_units:
                    flagged[previous_line] = flagged.get(previous_line, 0) | pair_units
                    units |= pair_units
            if units:
                flagged[number] = units
            previous_word, previous_line = found[-1], number
        if not flagged:
            return []
        blocks: list[list[int]] = []  # [start, end, units]
        last_line = len(line_starts) - 1
        for line in sorted(flagged):
            # the line before and the one after, unless a sentence ends at the break between
            first = line - 1 if line > 0 and not _ends_a_sentence(lines[line - 1]) else line
            last = line + 1 if line < last_line and not _ends_a_sentence(lines[line]) else line
            start = line_starts[first]
            end = line_starts[last + 1] if last + 1 <= last_line else len(text)
            if blocks and start <= blocks[-1][1]:
                blocks[-1][1] = max(blocks[-1][1], end)
                blocks[-1][2] |= flagged[line]
            else:
                blocks.append([start, end, flagged[line]])
        return [(start, end, self._detectors_of(units)) for start, end, units in blocks]

    def _is_known_cyrillic(self, word: str) -> bool:
        return bool(CYRILLIC_LETTER.search(word)) and self.lexicon.is_known(word)

    def _detectors_of(self, units: int) -> tuple[Detector, ...]:
        found = self._units.get(units)
        if found is None:
            found = self._units[units] = tuple(d for bit, d in enumerate(self.detectors) if units >> bit & 1)
        return found


def _ends_a_sentence(line: str) -> bool:
    """Whether ``line`` ends with a sentence-ending mark («.», «?!», «…», spaces after it allowed). No
    reader crosses the line break after it: ``Document.reach`` stops there, the neighbours of the
    words on either side are the mark, and whatever follows starts a sentence anyway
    (``Document.starts_sentence``)."""
    return line.rstrip()[-1:] in SENTENCE_END


def _remember(cache: dict, key, value) -> None:
    kept(cache, _interned(key), value, VERDICT_CACHE_SIZE)


def _interned(key):
    # A word is read from each line as a new string. Kept, it is kept once: the word and every pair it
    # stands in share one string object, and so do the word tests' own caches (``_tested``'s arguments).
    return intern(key) if isinstance(key, str) else (intern(key[0]), intern(key[1]))


def required_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class of which every match of ``pattern`` holds at least one character, or None.

    Python's regular expressions try a pattern such as «[а-я][A-Za-z]|[A-Za-z][а-я]» at every letter;
    a bare class is scanned many times faster, and most texts lack the rare characters a trigger
    needs (a Latin letter, a digit, a soft hyphen). The class is read off the parsed pattern: in a
    sequence, the smallest set one of whose characters a step must consume (a literal, a class of
    literals and ranges, a repeat at least once, a group); for alternatives, the union of theirs.
    Anything else (\\w, a negated class, case folding) tells nothing, and with no set for some
    alternative there is no pre-test: it may only ever be too wide, never too narrow.
    """
    try:
        if pattern.flags & re.IGNORECASE:
            return None
        found = _required(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a parser of another Python version: no pre-test, the full pattern runs
        return None
    return None if found is None else re.compile("[" + "".join(re.escape(ch) for ch in sorted(found)) + "]")


def _required(sequence) -> frozenset[str] | None:
    best = None
    for op, argument in sequence:
        found = _required_by_step(op, argument)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _required_by_step(op, argument) -> frozenset[str] | None:
    if op is _parser.LITERAL:
        return frozenset(chr(argument))
    if op is _parser.IN:
        characters: set[str] = set()
        for kind, value in argument:
            if kind is _parser.LITERAL:
                characters.add(chr(value))
            elif kind is _parser.RANGE and value[1] - value[0] < 1024:
                characters.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None
        return frozenset(characters)
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT) and argument[0] >= 1:
        return _required(argument[2])
    if op is _parser.SUBPATTERN and not argument[1] & re.IGNORECASE:
        return _required(argument[3])
    if op is _parser.BRANCH:
        union: set[str] = set()
        for alternative in argument[1]:
            found = _required(alternative)
            if found is None:
                return None
            union |= found
        return frozenset(union)
    return None


def compiled_verdicts(detectors: tuple[Detector, ...], lexicon) -> dawg.IntCompletionDAWG | dict[str, int]:
    """The screen's verdicts for ``detectors`` of every written word that the lexicon knows, and of its
    spelling with «е» for «ё», which most texts use («еще», «черный», «ее»: 1,400 of the 57,000
    distinct words of 2 MB of novels); lower case, every test run: 489,000 words, compiled once into
    the cache folder as a DAWG, which takes 2.7 MB where a dict of them would take some 60 in each
    process; none for a lexicon with the user's word lists, which change what is known."""
    if lexicon.dictionaries:
        return {}
    family = f"screen-verdicts-{zlib.crc32(','.join(d.name for d in detectors).encode()):08x}"

    def build(path) -> None:
        screen = Screen(detectors, lexicon)
        spellings = {spelling for word in lexicon.written_words() for spelling in (word, word.replace("ё", "е"))}
        verdicts = {word: screen.word_units(word) for word in spellings if screen._is_known_cyrillic(word)}
        save_atomically(dawg.IntCompletionDAWG(verdicts.items()), path)

    path = compiled_path(family, verdict_sources(detectors), ".dawg")
    return dawg.IntCompletionDAWG().load(str(compiled_once(path, build, family)))


def verdict_sources(detectors: tuple[Detector, ...]) -> tuple[str, ...]:
    """The modules whose code builds the compiled verdicts: this one, whose screen runs the tests, and
    each unit's, where its tests live (``lexicon.sources_tag`` follows their imports)."""
    tests = [test for d in detectors if d.triggers is not None for test in (d.triggers.words, d.triggers.pairs)]
    units = {function.__module__ for function in [*(d.run for d in detectors), *tests] if function is not None}
    return (__name__, *sorted(units))


_SCREENS: dict[tuple, Screen] = {}
SCREENS_KEPT = 8


def shared_screen(detectors: tuple[Detector, ...], lexicon) -> Screen:
    """One screen per process for a detector tuple and lexicon: its verdict caches outlive a text.

    Keyed by the units' names, which are unique, and the lexicon itself: a tuple of units as a key
    would hash every field of every frozen unit on each call, a cost paid once per checked text."""
    key = (tuple([detector.name for detector in detectors]), lexicon)
    screen = _SCREENS.get(key)
    if screen is None:
        if len(_SCREENS) >= SCREENS_KEPT:
            _SCREENS.clear()
        screen = _SCREENS[key] = Screen(detectors, lexicon, compiled_verdicts(detectors, lexicon))
    return screen
