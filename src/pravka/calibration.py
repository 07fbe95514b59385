"""One confidence scale: every raw score becomes the probability that its fix is right.

Detection units score their suggestions in different currencies: the non-word ranker's posterior
share, a rule's fixed level («so far right in most cases»), a heuristic weight. ``fix`` compares one
threshold with all of them, so they must mean the same thing. Each unit's raw score therefore goes
through one monotone map, fitted per *group* (``detector/kind``: «nonword/glued» and «nonword/nonword»
are calibrated apart) on labeled findings from tuning data only:

1. Findings are labeled by ``benchmarks/calibrate.py``: pravka checks the SpellRuEval *tune* half and
   GERA *train* (real errors), and synthetic damage of its own (``benchmarks/garble.py``) over the
   tune half's clean sentences; a finding is *right* when applying its first suggestion alone makes
   exactly the gold correction there, *wrong* when it changes words the gold keeps or changes them
   otherwise. Findings the metric cannot see (punctuation, case) are labeled on the synthetic data,
   which may lower a unit's raw score but never raise it (``fit``'s ``never_above_raw``).
2. Per group, pool-adjacent-violators isotonic regression on (raw score, label) gives blocks of
   neighbouring raw scores with one observed rate each. A block's rate is shrunk toward the block's own
   mean raw score with a prior worth ``PRIOR_WEIGHT`` findings, so a group seen a dozen times keeps
   close to what its unit claimed, and the blocks are pooled again until the rates rise with the score.
3. The map is piecewise linear between the blocks' (mean raw score, rate) knots and flat outside them.
   A group without data uses the map of all groups pooled (``"*"``).

The knots live in one small data file (``data/calibration.json``), refitted by
``python benchmarks/calibrate.py``. Because every map is monotone, the order of one finding's
suggestions never changes.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from .types import Finding

POOLED = "*"
PRIOR_WEIGHT = 4.0  # findings' worth of belief in the unit's own raw score
RAW_DIGITS = 3  # raw scores this close are one score: finer steps only fit noise


def group_of(finding: Finding) -> str:
    return f"{finding.detector}/{finding.kind}"


@dataclass(frozen=True)
class Calibration:
    """Monotone raw-score → probability maps, one per group (see the module docstring)."""

    knots: dict[str, tuple[tuple[float, float], ...]]

    def probability(self, group: str, raw: float) -> float:
        knots = self.knots.get(group) or self.knots.get(POOLED)
        if not knots:
            return raw
        xs = [x for x, _ in knots]
        at = bisect_right(xs, raw)
        if at == 0:
            return knots[0][1]
        if at == len(knots):
            return knots[-1][1]
        (x0, y0), (x1, y1) = knots[at - 1], knots[at]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1

    def apply(self, finding: Finding) -> Finding:
        """The finding with its first suggestion's confidence calibrated (the maps are fitted on first
        suggestions); the others share what is left in the same proportions as before, never above the
        first, so the confidences stay one distribution. The trail records each raw score."""
        if not finding.suggestions:
            return finding
        group = group_of(finding)
        top, *others = finding.suggestions
        calibrated = self.probability(group, top.confidence)
        scale = (1.0 - calibrated) / (1.0 - top.confidence) if top.confidence < 1.0 else 0.0
        suggestions = [
            replace(top, confidence=calibrated, trail=(*top.trail, f"calibration {group} raw {top.confidence:.3f}"))
        ]
        for other in others:
            confidence = min(calibrated, other.confidence * scale)
            suggestions.append(
                replace(
                    other,
                    confidence=confidence,
                    trail=(*other.trail, f"calibration {group} raw {other.confidence:.3f}"),
                )
            )
        return replace(finding, suggestions=suggestions)

    def to_json(self) -> str:
        return json.dumps(
            {"format": 1, "groups": {g: [list(k) for k in knots] for g, knots in sorted(self.knots.items())}},
            indent=1,
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Calibration:
        data = json.loads(text)
        return cls({group: tuple((float(x), float(y)) for x, y in knots) for group, knots in data["groups"].items()})


@lru_cache(maxsize=1)
def shipped_calibration() -> Calibration:
    """The calibration fitted by ``benchmarks/calibrate.py`` and shipped as package data."""
    return Calibration.from_json(
        resources.files("pravka").joinpath("data/calibration.json").read_text(encoding="utf-8")
    )


def fit(samples: Iterable[tuple[str, float, bool]], never_above_raw: Iterable[str] = ()) -> Calibration:
    """Fit the per-group maps on (group, raw score, right?) samples, plus the pooled map.

    The groups in ``never_above_raw`` may be lowered by their labels but never raised above the raw
    score: their labels come from synthetic damage, which holds no counter-examples of the cases a unit
    is unsure about («Яндекс.Деньги» is a brand, not two sentences), so it can show a rule failing but
    not prove it safe."""
    capped = set(never_above_raw)
    by_group: dict[str, list[tuple[float, bool]]] = {}
    for group, raw, right in samples:
        by_group.setdefault(group, []).append((raw, right))
        by_group.setdefault(POOLED, []).append((raw, right))
    knots = {group: isotonic_knots(pairs) for group, pairs in by_group.items()}
    for group in capped & set(knots):
        knots[group] = tuple((x, min(x, y)) for x, y in knots[group])
    return Calibration(knots)


def isotonic_knots(pairs: Sequence[tuple[float, bool]]) -> tuple[tuple[float, float], ...]:
    """(mean raw score, shrunk rate) of each block of pool-adjacent-violators isotonic regression."""
    # A block: [weight, sum of labels, sum of raw scores]; equal raw scores start in one block (counted
    # by score: a running mean of equal floats drifts, 0.6 × 3 / 3 ≠ 0.6, and split one score in two).
    seen: dict[float, list[float]] = {}
    for raw, right in pairs:
        score = round(raw, RAW_DIGITS)
        block = seen.setdefault(score, [0.0, 0.0, 0.0])
        block[0] += 1
        block[1] += right
        block[2] += score
    blocks = [seen[score] for score in sorted(seen)]

    def rate(block: list[float]) -> float:
        weight, hits, raws = block
        return (hits + PRIOR_WEIGHT * raws / weight) / (weight + PRIOR_WEIGHT)

    pooled: list[list[float]] = []
    for block in blocks:
        pooled.append(block)
        while len(pooled) > 1 and rate(pooled[-2]) >= rate(pooled[-1]):
            top = pooled.pop()
            pooled[-1] = [a + b for a, b in zip(pooled[-1], top, strict=True)]
    return tuple((round(raws / weight, 4), round(rate([weight, hits, raws]), 4)) for weight, hits, raws in pooled)
