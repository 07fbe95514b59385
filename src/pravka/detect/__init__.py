"""Detection: named units, each walking the tokens of a document and reporting damaged spans.

``DETECTORS`` lists the units (``base.Detector``) in priority order. ``run_detectors`` runs them one
after another; when two findings overlap, the one from the earlier unit wins (a Latin look-alike inside
a word is a ``homoglyph`` finding, not a ``nonword`` one). Every finding is stamped with the name of
the unit that made it. Units propose suggestions with raw scores; calibration turns those into
probabilities and the threshold decides, later, what is applied.

Overlap is resolved in O(log n) per finding: the spans taken so far are kept disjoint and sorted by
start, so a new span can only overlap the last span starting at or before it, or the first one after
it. Pre-tokenized text with tens of thousands of findings per chunk stays linear.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ..types import Finding
from . import blend, homoglyph, hyphenation, nonword, ocr, preposition, punctuation, realword, repeat, split, variant
from .base import HINT, Detector, Document

__all__ = ["DETECTORS", "HINT", "Detector", "Document", "run_detectors"]

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
    nonword.DETECTOR,
    realword.DETECTOR,
)
DETECTORS_BY_NAME = {detector.name: detector for detector in DETECTORS}


class _TakenSpans:
    """Disjoint spans sorted by start; ``take`` adds a span unless it overlaps one already there."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def take(self, start: int, end: int) -> bool:
        at = bisect_right(self.starts, start)
        if at > 0 and self.ends[at - 1] > start:
            return False
        if at < len(self.starts) and self.starts[at] < end:
            return False
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
