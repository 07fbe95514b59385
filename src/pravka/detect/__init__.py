"""Detection: each detector walks the tokens of a document and reports damaged spans.

A detector is a function ``detect(document) -> Iterable[Finding]``; ``DETECTORS`` lists them in
priority order. When two findings overlap, the one from the earlier detector wins (a Latin look-alike
inside a word is a ``homoglyph`` finding, not a ``nonword`` one). Detectors propose suggestions with
confidences; whether a suggestion is applied is decided later, by the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..types import Finding, Token

# The confidence of a suggestion that is shown but not applied with the default threshold (0.75): a
# hint for a person, such as a blend's reconstruction or a comma that may or may not belong.
HINT = 0.6
SENTENCE_END = frozenset(".!?…")
OPENERS = frozenset("«\"'„“(—–-[")


@dataclass
class Document:
    text: str
    tokens: list[Token]
    lexicon: object
    suggest: Callable[[str], list]
    report_threshold: float = 0.5  # how likely an unknown word must be damaged to be reported
    context: object = None  # rank.context.Context, or None to rank words in isolation

    def __post_init__(self):
        self._words = [token.text.lower() if token.kind == "word" else None for token in self.tokens]

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

    def suggest_in_context(self, index: int) -> list:
        word = self.tokens[index].text
        suggestions = self.suggest(word)
        if self.context is None or len(suggestions) == 0:
            return suggestions
        return self.context.rerank(word, suggestions, *self.neighbours(index))

    def starts_sentence(self, index: int) -> bool:
        """True when token ``index`` is the first word of a sentence or of a line."""
        j = index - 1
        while j >= 0:
            previous = self.tokens[j]
            if "\n" in self.text[previous.stop : self.tokens[j + 1].start]:
                return True
            if previous.text in OPENERS:
                j -= 1
                continue
            return previous.text[-1] in SENTENCE_END
        return True


def run_detectors(document: Document) -> list[Finding]:
    from . import blend, homoglyph, hyphenation, nonword, ocr, preposition, punctuation, realword, repeat, split, variant

    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for detector in (
        homoglyph.detect, hyphenation.detect, punctuation.detect, repeat.detect, preposition.detect,
        ocr.detect, split.detect, blend.detect, variant.detect, nonword.detect, realword.detect,
    ):
        for finding in detector(document):
            if any(finding.start < end and start < finding.end for start, end in taken):
                continue
            taken.append((finding.start, finding.end))
            findings.append(finding)
    findings.sort(key=lambda f: f.start)
    return findings
