"""Detection: named units, each walking the tokens of a document and reporting damaged spans.

``DETECTORS`` lists the units (``base.Detector``) in priority order. ``run_detectors`` runs them one
after another; when two findings overlap, the one from the earlier unit wins (a Latin look-alike inside
a word is a ``homoglyph`` finding, not a ``nonword`` one). Every finding is stamped with the name of
the unit that made it. Units propose suggestions with raw scores; calibration turns those into
probabilities and the threshold decides, later, what is applied.

Overlap is resolved with one bisection per finding (``_TakenSpans``), so pre-tokenized text with tens
of thousands of findings per chunk stays linear instead of comparing every finding with every other.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from ..types import Finding
from . import (
    blend,
    confusion,
    homoglyph,
    hyphenated,
    hyphenation,
    nonword,
    ocr,
    preposition,
    punctuation,
    realword,
    repeat,
    split,
    swap,
    variant,
)
from .base import HINT, Detector, Document

__all__ = ["DETECTORS", "HINT", "OPT_IN", "Detector", "Document", "run_detectors"]

DETECTORS: tuple[Detector, ...] = (
    homoglyph.DETECTOR,
    hyphenation.DETECTOR,
    punctuation.DETECTOR,
    repeat.DETECTOR,
    preposition.DETECTOR,
    ocr.DETECTOR,
    split.DETECTOR,
    blend.DETECTOR,
    variant.DETECTOR,
    hyphenated.DETECTOR,
    nonword.DETECTOR,
    realword.DETECTOR,
    confusion.DETECTOR,
)
# Units that run only when asked for (``Corrector(swaps=True)``), after the others: they read every
# content word, so the screen can skip hardly any line for them.
OPT_IN: tuple[Detector, ...] = (swap.DETECTOR,)
DETECTORS_BY_NAME = {detector.name: detector for detector in DETECTORS + OPT_IN}


class _TakenSpans:
    """Spans sorted by (start, end), no two overlapping, so their ends rise with their starts too;
    ``take`` adds a span unless it overlaps one already there.

    Spans [s, e) and [a, b) overlap when s < b and a < e. The taken spans with a < e are a prefix of the
    list, and the last of them has the largest end, so it alone decides: one bisection per span.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def take(self, start: int, end: int) -> bool:
        last_before_end = bisect_left(self.starts, end) - 1
        if last_before_end >= 0 and self.ends[last_before_end] > start:
            return False
        at = bisect_right(self.starts, start)
        while at > 0 and self.starts[at - 1] == start and self.ends[at - 1] > end:
            at -= 1  # an empty span goes before a span starting where it stands
        self.starts.insert(at, start)
        self.ends.insert(at, end)
        return True


def run_detectors(document: Document, detectors: tuple[Detector, ...] = DETECTORS) -> list[Finding]:
    findings: list[Finding] = []
    taken = _TakenSpans()
    for detector in detectors:
        for finding in detector.run(document):
            if taken.take(finding.start, finding.end):
                findings.append(replace(finding, detector=detector.name))
    findings.sort(key=lambda f: f.start)
    return findings
