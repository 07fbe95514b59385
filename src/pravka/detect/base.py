"""What every detector works with: the ``Document`` it reads and the ``Detector`` unit it is.

A ``Detector`` is a small named unit, the way razdel lists its rules and pymorphy3 its analyzer units:
a ``name``, the ``kinds`` of finding it can report, what it ``looks_for`` (in words, for ``--explain``
and the docs), its ``run`` function, ``run(document) -> Iterable[Finding]``, whether its suggestions
may ever be applied without a person (``auto_fix``), and its ``triggers``: the cheap tests that tell
the screen (``detect.screen``) which lines it could report on at all. ``detect.DETECTORS`` lists the units in
priority order; ``detect.run_detectors`` runs them and stamps every finding with the unit's name.

A ``Document`` is one text, its tokens, and the shared resources a detector may ask: the lexicon, the
speller (``suggest``: ranked candidates for one word) and the context model that re-ranks them by the
neighbours. Suggestions carry a ``trail`` of the units that shaped them; ``suggest_in_context`` adds
the context step to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from sys import intern
from typing import TYPE_CHECKING, Any

from ..rank.context import SUBJECT_SPAN
from ..ru.punctuation import CARRIES_ON, CLAUSE_END, OPENERS, SENTENCE_END
from ..types import Finding, Suggestion, Token

if TYPE_CHECKING:  # the detectors are handed these; they never build them
    from ..lexicon import Lexicon
    from ..rank.context import Context

# The raw score of a rule that is right often but not always: a hint for a person, such as a blend's
# reconstruction or a comma that may or may not belong. Calibration (``pravka.calibration``) turns it,
# like every raw score, into the probability measured on tuning data.
HINT = 0.6


@dataclass
class Document:
    text: str
    tokens: list[Token]
    lexicon: Lexicon
    suggest: Callable[[str], list[Suggestion]]
    report_threshold: float = 0.5  # how likely an unknown word must be damaged to be reported
    context: Context | None = None  # None: rank words in isolation
    # What a unit worked out that another reader of the same document needs too (the swap unit's word
    # scores, which the spin score reads): computed once per document.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        # Interned: the units' per-word caches keep these strings, and then keep one of each.
        self._words = [intern(token.text.lower()) if token.kind == "word" else None for token in self.tokens]

    def word(self, index: int) -> str | None:
        """The lower-case word token ``index``, or None past the ends or for a non-word."""
        return self._words[index] if 0 <= index < len(self._words) else None

    def neighbours(self, index: int) -> tuple[str | None, str | None]:
        """The lower-case words just before and after token ``index`` within its sentence."""
        left = right = None
        if index > 0:
            previous = self.tokens[index - 1]
            if previous.kind == "word" and self.text[previous.stop : self.tokens[index].start].strip() == "":
                left = previous.text.lower()
        if index + 1 < len(self.tokens):
            following = self.tokens[index + 1]
            if following.kind == "word" and self.text[self.tokens[index].stop : following.start].strip() == "":
                right = following.text.lower()
        return left, right

    def suggest_in_context(self, index: int) -> list[Suggestion]:
        """The speller's suggestions for token ``index``, re-ranked by its neighbours and the words
        before it in its clause when a context model is there."""
        word = self.tokens[index].text
        suggestions = self.suggest(word)
        if self.context is None or len(suggestions) == 0:
            return suggestions
        reranked = self.context.rerank(
            word, suggestions, *self.neighbours(index), self.words_before(index), self.words_after(index)
        )
        return [replace(s, trail=(*s.trail, "context")) for s in reranked]

    def words_before(self, index: int) -> list[str]:
        """The words the context reads before token ``index`` for the subject of its clause and the
        word «и» joins to it, nearest first (``rank.context.SUBJECT_SPAN`` of them at most, up to a
        comma or a token that is no word)."""
        return self.clause_words(index, -1, SUBJECT_SPAN, stop_at_comma=True, words_only=True)

    def words_after(self, index: int) -> list[str]:
        """The two words after token ``index`` in its clause, nearest first: the context reads «и» and
        the word it joins to this one («мужчиты и женщины»)."""
        return self.clause_words(index, 1, 2, stop_at_comma=True, words_only=True)

    def clause_words(
        self,
        index: int,
        step: int,
        span: int,
        stop_at_comma: bool,
        words_only: bool = False,
        ends: frozenset[str] = CLAUSE_END,
    ) -> list[str]:
        """The lower-case tokens walking away from token ``index`` (``reach``; ``step`` −1: back, 1:
        on) that are no marks, up to the clause's end (a mark ending in one of ``ends``: a sentence's
        end, «;», «:»; and a comma when ``stop_at_comma``), ``span`` of them, or, when ``words_only``,
        the first token that is no Cyrillic word (a number, a Latin word, a symbol: nothing the
        grammar can read)."""
        words: list[str] = []
        for j in self.reach(index, step):
            token = self.tokens[j]
            if token.kind == "punct":
                if token.text[-1] in ends or (stop_at_comma and token.text == ","):
                    break
                continue
            if words_only and token.kind != "word":
                break
            words.append(token.text.lower())
            if len(words) >= span:
                break
        return words

    def sentence_words(self, index: int, step: int) -> list[str]:
        """``clause_words`` up to the sentence's end, however many («если есть общение то оно …»:
        «если» opens the sentence that «то» is in, past any comma)."""
        return self.clause_words(index, step, len(self.tokens), stop_at_comma=False, ends=SENTENCE_END)

    def ends_sentence(self, index: int) -> bool:
        """True when token ``index`` is a sentence-ending mark («.», «?!», «…»)."""
        token = self.tokens[index]
        return token.kind == "punct" and token.text[-1] in SENTENCE_END

    def breaks_line_before(self, index: int) -> bool:
        """True when a line break stands between token ``index`` and the one before it."""
        return index > 0 and "\n" in self.text[self.tokens[index - 1].stop : self.tokens[index].start]

    def carries_on_before(self, index: int) -> bool:
        """True when a line break stands before token ``index`` inside a sentence: hard-wrapped prose
        and verse («Тебе\nя сердце поверял», «Куда\nНи едешь, попадаются»). The sentence goes on when
        the line before ends with a word, a comma or a dash, even where this line opens with a capital
        (each line of a verse does); a blank line, a sentence-ending mark or any other mark end it. A
        heading without a full stop is read as going on into the line after it: that costs a fix
        where its first word is a capitalized typo the name guards keep (``starts_sentence``), where
        the other reading would fix names at the start of wrapped lines. Readers that walk across
        such a break cross one at most: the screen (``detect.screen``) hands a unit the line before
        and the line after the one it flagged, no more."""
        if not self.breaks_line_before(index):
            return False
        before, after = self.tokens[index - 1], self.tokens[index]
        if self.text.count("\n", before.stop, after.start) > 1 or before.text[-1] in SENTENCE_END:
            return False
        return before.kind == "word" or before.text in CARRIES_ON

    def reach(self, index: int, step: int) -> Iterator[int]:
        """The indices of the tokens walking away from token ``index`` (``step`` −1: back, 1: on), up
        to a line break that ends the sentence or the second one that does not (``carries_on_before``)."""
        crossed = False
        at = index + step
        while 0 <= at < len(self.tokens):
            later = max(at, at - step)
            if self.breaks_line_before(later):
                if crossed or not self.carries_on_before(later):
                    return
                crossed = True
            yield at
            at += step

    def sentence_is_question(self, index: int) -> bool:
        """True when the sentence of token ``index`` ends, after it, with a question mark."""
        for at in range(index + 1, len(self.tokens)):
            if self.ends_sentence(at):
                return "?" in self.tokens[at].text
        return False

    def starts_sentence(self, index: int) -> bool:
        """True when token ``index`` is the first word of a sentence, or of a line that does not carry
        on the sentence of the line before (``carries_on_before``)."""
        j = index - 1
        while j >= 0:
            previous = self.tokens[j]
            if self.breaks_line_before(j + 1):
                return not self.carries_on_before(j + 1)
            if previous.text in OPENERS:
                j -= 1
                continue
            return previous.text[-1] in SENTENCE_END
        return True


@dataclass(frozen=True)
class Triggers:
    """What can make a unit report, as tests cheap enough to run on every word of a text.

    A unit may report only where one of them fires, or, unless ``unknown_words`` is False, on a line
    holding a word the lexicon does not know (the screen treats such a word as a trigger for every unit
    that did not say otherwise). Each test must hold wherever the unit could report, never the reverse:
    a false alarm here costs time, a miss would lose a finding. ``unknown_words`` may be False only for
    a unit whose pair and character tests hold whether or not the words are known, and whose word test
    (which the screen asks of known words only) covers every word it reports at.
    """

    words: Callable[[str, Lexicon], bool] | None = None  # a lower-case known word
    pairs: Callable[[str, str, Lexicon], bool] | None = None  # two neighbouring lower-case words
    text: re.Pattern[str] | None = None  # characters anywhere in the text
    unknown_words: bool = True  # an unknown word on a line concerns this unit


@dataclass(frozen=True)
class Detector:
    """One named detection unit (see the module docstring)."""

    name: str
    kinds: tuple[str, ...]
    looks_for: str
    run: Callable[[Document], Iterable[Finding]]
    triggers: Triggers | None = None  # None: the unit must see every line
    auto_fix: bool = True  # False: its suggestions are only offered, whatever their confidence
