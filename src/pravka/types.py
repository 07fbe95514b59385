"""The small value types every stage passes along.

A ``Token`` is a slice of the input with code-point offsets (like razdel's ``Substring``) and a ``kind``
that tells the detectors whether it is spelling material at all. A ``Finding`` is one damaged span with
ranked ``Suggestion``s; each suggestion names the ``source`` (the generator or rule) that produced it and
the ``trail`` of units that shaped it afterwards, and the finding names its ``detector``, so a user can
see why pravka proposes it (``pravka check --explain``). ``fix`` is what ``Corrector.fix`` would write there, or None when
no suggestion is sure enough to apply on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    stop: int
    text: str
    kind: str = "word"  # word | latin | number | url | email | hashtag | mention | punct | other


@dataclass(frozen=True, slots=True)
class Suggestion:
    text: str
    confidence: float
    source: str
    # The units that shaped it after its source, in order: the ranker, the context, the calibration.
    trail: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    text: str
    kind: str
    suggestions: list[Suggestion] = field(default_factory=list)
    fix: str | None = None
    detector: str = ""  # the name of the detection unit that reported it (``detect.DETECTORS``)

    def to_dict(self) -> dict:
        return {
            "offset": self.start,
            "length": self.end - self.start,
            "text": self.text,
            "kind": self.kind,
            "suggestions": [
                {"text": s.text, "confidence": round(s.confidence, 4), "source": s.source, "trail": list(s.trail)}
                for s in self.suggestions
            ],
            "fix": self.fix,
            "detector": self.detector,
        }
