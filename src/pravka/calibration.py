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
4. A group's rules need not be equally reliable: «так же» → «также» offered at a rule's hint level was
   right 11 times in 14 on the tuning data, «в течении» → «в течение» at the same level 0 times in 8,
   and one map for the group gave both 0.53. So a *rule group* (``rule_group_of``: the group and the
   first suggestion's source, «realword/context/tak-zhe») with ``MIN_RULE_LABELS`` of its group's
   labels gets a map of its own, fitted the same way on those labels, and its findings go through it
   instead of the group's when their raw score lies among the rule's labeled ones (a rule labeled
   only where it is sure says nothing of its offers at a lower level). Only groups that real labels fill have rule groups (a synthetic blend or
   repeat is not a rule's real record), and groups with a learned confidence keep it.

A raw score is one number, and the non-word ranker's posterior share leaves out much of what is known
about a suggestion. So a group with enough real labels (``MIN_LEARNED``: today «nonword/nonword»)
gets a **learned confidence** first: a logistic model over the ``FEATURES`` of its first suggestion
(``Evidence``): the raw score and its margin over the runner-up, the mass of all suggestions, the
edit's source (a vowel, a doubled letter, a keyboard slip, two edits…) and whether it kept the
length, the typed word's length, capital letter (and whether it opens a sentence) and web frequency
(wordfreq zipf; 0 = nobody wrote it), the candidate's frequency, and the neighbours: the usage
model's evidence for the candidate (``rank.context``), alone and against the typed word and the
runner-up. The raw score and the context already rank the suggestions; what the model adds is how
far to trust that ranking: a five-letter word with one letter typed for another («бклки») has many
readings, a long one with a doubled letter few. (Whether the candidate was seen beside each
neighbour, the grammar bonus and whether the edit distance was two were features too; dropping them
lowered the cross-validated log loss, 0.323 → 0.320 and 0.3361 → 0.3356, so they went.)

The model's output, not the raw score, goes through the group's map, fitted on out-of-fold outputs
so that the map sees the model as unseen text will: the confidence is still a measured probability.
That map is a two-parameter logistic of the output's logit (Platt scaling), kept as ``PLATT_POINTS``
knots of the same piecewise-linear form, not isotonic blocks: the model's output is already close to a
probability, and the blocks' steps near the threshold moved with every refit (at one commit OOF 0.68
mapped to 0.54 and 0.72 to 0.70). On the cross-fitted tune sweep at 0.7 it gave 95.0 / 77.9 / 85.6
against the blocks' 95.1 / 77.4 / 85.4, with the same held-out calibration error (0.027 and 0.028). The model is fitted on all real tuning labels of the group (SpellRuEval tune and GERA
train pooled), features standardized, by Newton's method with an L2 penalty chosen by
``FOLDS``-fold cross-validation (log loss) from ``L2_GRID`` — the strongest penalty within one
standard error of the least loss, so that a few more labels do not flip it: deterministic, no random
start. A finding seen without its text, or checked with another context than the one the model was
fitted with (a ``pravka learn`` model mixed in, or no usage model), has no ``evidence`` and goes
through the pooled map of raw scores: a user's model moves the raw score by its own counts («в мрре» → «море» in
a sailor's archive), which the learned weights never saw.

The knots and the models' weights live in one small data file (``data/calibration.json``), refitted by
``python benchmarks/calibrate.py --write``. Because every map is monotone, the order of one finding's
suggestions never changes, and within a group (a rule group, where one has a map) a higher raw or learned
score never gets a lower confidence.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from .types import Finding

POOLED = "*"
PRIOR_WEIGHT = 4.0  # findings' worth of belief in the unit's own raw score
RAW_DIGITS = 3  # raw scores this close are one score: finer steps only fit noise
MIN_RULE_LABELS = 10  # real labels a rule needs for a map of its own
RULE_REACH = 0.02  # how far beyond its labeled raw scores a rule's map still speaks
PLATT_POINTS = 41
PLATT_L2 = 1e-3  # next to no penalty: two parameters and hundreds of labels
MIN_LEARNED = 300  # real labels a group needs for a learned confidence (nonword/glued has ~100: too few)
FOLDS = 5
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
WINDOW = 40  # characters either side of a finding read for its neighbours
NEWTON_STEPS = 50
MAX_MARGIN = 4.0  # log10 margin of a lone suggestion; wider margins tell nothing more
EDIT_SOURCES = (  # candidate sources (``pravka.candidates``) that get a weight of their own
    "vowel", "doubled", "forgotchar", "extrachar", "badchar", "keyboard", "sound", "respelling", "hyphen",
    "softsign", "stretched", "swapchar", "stutter", "silent", "two-edits",
)  # fmt: skip
FEATURES = (
    "raw", "margin", "mass", "typed_zipf", "typed_unseen", "candidate_zipf", "length", "short",
    "capital", "capital_inside", "same_length", "context", "context_over_typed",
    "context_over_runner_up", *(f"source_{source}" for source in EDIT_SOURCES),
)  # fmt: skip


def group_of(finding: Finding) -> str:
    return f"{finding.detector}/{finding.kind}"


def rule_group_of(finding: Finding) -> str:
    """The group narrowed to the rule or source of the first suggestion («realword/context/tak-zhe»)."""
    return f"{group_of(finding)}/{finding.suggestions[0].source}" if finding.suggestions else group_of(finding)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


class Evidence:
    """What the learned confidence reads about a finding besides its raw score: its text, the lexicon
    and the context model (``rank.context.Context``; its ``model`` may be None)."""

    def __init__(self, text: str, lexicon, context):
        self.text = text
        self.lexicon = lexicon
        self.context = context

    def _surroundings(self, finding: Finding) -> tuple[str | None, str | None, bool]:
        """The finding's left and right neighbour words and whether it opens a sentence, read by the
        detectors' own ``Document`` over a window of the text around it."""
        from .detect.base import Document  # the detectors import calibration's users, not calibration
        from .tokenize import tokenize

        start = max(0, finding.start - WINDOW)
        while 0 < start < finding.start and not self.text[start - 1].isspace():
            start += 1  # a window never opens inside a word (nor after the finding, in a text without spaces)
        window = self.text[start : finding.end + WINDOW]
        document = Document(window, tokenize(window), self.lexicon, lambda word: [])
        for index, token in enumerate(document.tokens):
            if token.start == finding.start - start:
                return (*document.neighbours(index), document.starts_sentence(index))
        return None, None, True

    def features(self, finding: Finding) -> list[float]:
        """``FEATURES`` of the finding's first suggestion, in order."""
        top, *others = finding.suggestions
        runner_up = others[0] if others else None
        typed, candidate = finding.text.lower(), top.text.lower()
        left, right, opens = self._surroundings(finding)
        typed_zipf = self.lexicon.zipf(typed)
        model = self.context.model
        fit = fit_typed = fit_runner_up = 0.0
        if model is not None:
            fit = model.context_logprob(candidate, left, right)
            fit_typed = model.context_logprob(typed, left, right)
            fit_runner_up = model.context_logprob(runner_up.text.lower(), left, right) if runner_up else 0.0
        margin = math.log10(max(top.confidence, 1e-6) / max(runner_up.confidence, 1e-6)) if runner_up else MAX_MARGIN
        values = {
            "raw": _logit(top.confidence),
            "margin": max(-MAX_MARGIN, min(MAX_MARGIN, margin)),
            "mass": _logit(min(1.0, sum(s.confidence for s in finding.suggestions))),
            "typed_zipf": typed_zipf,
            "typed_unseen": float(typed_zipf == 0),
            "candidate_zipf": min((self.lexicon.zipf(word) for word in candidate.split()), default=0.0),
            "length": min(len(typed), 15) / 10,
            "short": float(len(typed) <= 4),
            "capital": float(finding.text[:1].isupper()),
            "capital_inside": float(finding.text[:1].isupper() and not opens),
            "same_length": float(len(typed) == len(candidate)),
            "context": fit,
            "context_over_typed": fit - fit_typed,
            "context_over_runner_up": fit - fit_runner_up,
        }
        values.update({f"source_{source}": float(top.source == source) for source in EDIT_SOURCES})
        return [values[name] for name in FEATURES]


@dataclass(frozen=True)
class LogisticModel:
    """A learned confidence: the logistic of a weighted sum of standardized ``FEATURES``."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    l2: float

    def score(self, features: Sequence[float]) -> float:
        z = self.bias + sum(
            w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_dict(self) -> dict:
        return {
            "features": list(FEATURES),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "weights": [round(v, 6) for v in self.weights],
            "bias": round(self.bias, 6),
            "l2": self.l2,
        }

    @classmethod
    def from_dict(cls, data: dict) -> LogisticModel:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("calibration.json: the learned model's features are not this version's")
        return cls(
            tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]), float(data["bias"]), float(data["l2"])
        )


@dataclass(frozen=True)
class Calibration:
    """Monotone score → probability maps, one per group, and the learned confidences of the groups
    that have one (see the module docstring)."""

    knots: dict[str, tuple[tuple[float, float], ...]]
    models: dict[str, LogisticModel] = field(default_factory=dict)

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

    def _speaks_for(self, rule: str | None, raw: float) -> bool:
        """Whether ``rule``'s own map was fitted on raw scores around ``raw``: a rule labeled only where
        it is sure (0.8 and up) says nothing of its offers at 0.6, which the group's map has seen."""
        knots = self.knots.get(rule) if rule is not None else None
        return knots is not None and len(knots) > 0 and knots[0][0] - RULE_REACH <= raw <= knots[-1][0] + RULE_REACH

    def confidence(
        self, group: str, raw: float, features: Sequence[float] | None = None, rule: str | None = None
    ) -> float:
        """The probability that a first suggestion of ``group`` (made by ``rule``, a ``rule_group_of``)
        with this raw score (and, for a group with a learned model, these ``FEATURES``) is right."""
        model = self.models.get(group)
        if model is None:
            return self.probability(rule if rule is not None and self._speaks_for(rule, raw) else group, raw)
        if features is None:
            return self.probability(POOLED, raw)
        return self.probability(group, model.score(features))

    def apply(self, finding: Finding, evidence: Evidence | None = None) -> Finding:
        """The finding with its first suggestion's confidence calibrated (the maps are fitted on first
        suggestions; a group with a learned model reads its ``evidence``) and the others scaled with
        it, never above it, so the confidences stay one distribution. The trail records each raw score.

        How the others move: where the first is surer than its raw score, the others share what is
        left, in proportion; where it is less sure, each keeps its odds against the first (``scale`` =
        calibrated ÷ raw) and the mass taken away goes to keeping the word, not to them. A first
        suggestion that calibration doubts is mostly doubted because the word may need no fix or
        another one, not because the runner-up is right: had the rest gone to the others, «Мужчиты»
        would offer «Мужчины» and «Муж читы» at 0.47 each, though the ranker puts the second 14 times
        below the first. On the SpellRuEval held-out half (463 findings with a runner-up, 10 of them
        right: ``benchmarks/calibrate.py``) the runner-ups' calibration error is 0.008 so, and 0.035
        when they share all that the first leaves (mean confidence 0.028 against 0.057)."""
        if not finding.suggestions:
            return finding
        group = group_of(finding)
        top, *others = finding.suggestions
        features = evidence.features(finding) if evidence is not None and group in self.models else None
        calibrated = self.confidence(group, top.confidence, features, rule_group_of(finding))
        raw = top.confidence
        rest = (1.0 - calibrated) / (1.0 - raw) if raw < 1.0 else 0.0
        scale = min(calibrated / raw, rest) if raw > 0.0 else rest
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
            {
                "format": 2,
                "groups": {g: [list(k) for k in knots] for g, knots in sorted(self.knots.items())},
                "models": {g: model.to_dict() for g, model in sorted(self.models.items())},
            },
            indent=1,
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Calibration:
        data = json.loads(text)
        knots = {group: tuple((float(x), float(y)) for x, y in knots) for group, knots in data["groups"].items()}
        models = {group: LogisticModel.from_dict(model) for group, model in data.get("models", {}).items()}
        return cls(knots, models)


@lru_cache(maxsize=1)
def shipped_calibration() -> Calibration:
    """The calibration fitted by ``benchmarks/calibrate.py`` and shipped as package data."""
    return Calibration.from_json(
        resources.files("pravka").joinpath("data/calibration.json").read_text(encoding="utf-8")
    )


def fit(
    samples: Iterable[tuple[str, float, bool]],
    never_above_raw: Iterable[str] = (),
    learned: Sequence[tuple[str, bool, Sequence[float], bool]] = (),
    rules: Iterable[tuple[str, float, bool]] = (),
) -> Calibration:
    """Fit the per-group maps on (group, raw score, right?) samples, plus the pooled map, and the
    learned confidences on ``learned``: (group, right?, ``FEATURES``, calibrate?) of every real label,
    the last flag telling whether it also belongs to ``samples`` (the tier the group's map is fitted on).

    A group with ``MIN_LEARNED`` learned labels gets a ``LogisticModel``, and its map is fitted on the
    model's out-of-fold scores of the flagged labels instead of their raw scores. The groups in
    ``never_above_raw`` may be lowered by their labels but never raised above the raw score: their
    labels come from synthetic damage, which holds no counter-examples of the cases a unit is unsure
    about («Яндекс.Деньги» is a brand, not two sentences), so it can show a rule failing but not prove
    it safe. ``rules`` are (rule group, raw score, right?) of the real labels of ``samples``: a rule
    group with ``MIN_RULE_LABELS`` of them, in a group of several rules without a learned model,
    gets its own map."""
    capped = set(never_above_raw)
    by_learned: dict[str, list[tuple[bool, Sequence[float], bool]]] = {}
    for group, right, features, calibrate in learned:
        by_learned.setdefault(group, []).append((right, features, calibrate))
    models, scored = {}, {}
    for group, labels in by_learned.items():
        if len(labels) >= MIN_LEARNED:
            models[group], out_of_fold = fit_logistic([f for _, f, _ in labels], [r for r, _, _ in labels])
            scored[group] = [
                (score, right) for score, (right, _, calibrate) in zip(out_of_fold, labels, strict=True) if calibrate
            ]
    by_group: dict[str, list[tuple[float, bool]]] = {group: list(pairs) for group, pairs in scored.items()}
    for group, raw, right in samples:
        if group not in models:
            by_group.setdefault(group, []).append((raw, right))
        by_group.setdefault(POOLED, []).append((raw, right))
    by_rule: dict[str, list[tuple[float, bool]]] = {}
    for rule, raw, right in rules:
        by_rule.setdefault(rule, []).append((raw, right))
    for rule, pairs in by_rule.items():
        group = rule.rsplit("/", 1)[0]
        # A group's only rule is the group itself; a learned confidence already tells its sources apart.
        if len(pairs) >= MIN_RULE_LABELS and group not in models and len(pairs) < len(by_group.get(group, ())):
            by_group[rule] = pairs
    knots = {group: isotonic_knots(pairs) for group, pairs in by_group.items()}
    knots.update((group, platt_knots(scored[group])) for group in models)
    for group in capped & set(knots):
        knots[group] = tuple((x, min(x, y)) for x, y in knots[group])
    return Calibration(knots, models)


def platt_knots(pairs: Sequence[tuple[float, bool]]) -> tuple[tuple[float, float], ...]:
    """A logistic of logit(score) fitted to (score, right?) pairs (Platt scaling), sampled at
    ``PLATT_POINTS`` scores evenly between the lowest and the highest seen."""
    import numpy as np

    scores = np.clip([score for score, _ in pairs], 1e-4, 1 - 1e-4)
    logits = np.log(scores / (1 - scores))[:, None]
    curve = _logistic(logits, np.asarray([float(right) for _, right in pairs]), PLATT_L2)
    return tuple(
        (round(float(x), 4), round(curve.score([math.log(x / (1 - x))]), 4))
        for x in np.linspace(scores.min(), scores.max(), PLATT_POINTS)
    )


def fit_logistic(rows: Sequence[Sequence[float]], labels: Sequence[bool]) -> tuple[LogisticModel, list[float]]:
    """The ``LogisticModel`` with the ``L2_GRID`` penalty of least cross-validated log loss, refitted on
    every row, and each row's score by the model fitted without its fold (row i is in fold i mod
    ``FOLDS``: deterministic)."""
    import numpy as np  # fitting only: checking text never needs it

    x, y = np.asarray(rows, dtype=float), np.asarray(labels, dtype=float)
    folds = np.arange(len(y)) % FOLDS
    tried = []  # (penalty, mean loss, standard error of the mean, out-of-fold scores)
    for l2 in L2_GRID:
        out_of_fold = [0.0] * len(y)
        for fold in range(FOLDS):
            model = _logistic(x[folds != fold], y[folds != fold], l2)
            for index in np.flatnonzero(folds == fold):
                out_of_fold[index] = model.score(x[index].tolist())
        p = np.clip(out_of_fold, 1e-4, 1 - 1e-4)
        losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
        tried.append((l2, float(losses.mean()), float(losses.std() / np.sqrt(len(y))), out_of_fold))
    # The one-standard-error rule: the strongest penalty whose loss is within one standard error of the
    # least. The losses of neighbouring penalties differ by far less than that, so taking the least alone
    # let a couple of new labels flip the choice, and the model with it.
    _, least, error, _ = min(tried, key=lambda entry: entry[1])
    l2, _, _, out_of_fold = max((entry for entry in tried if entry[1] <= least + error), key=lambda entry: entry[0])
    return _logistic(x, y, l2), out_of_fold


def _logistic(x, y, l2: float) -> LogisticModel:
    """L2-penalized logistic regression on standardized columns (numpy arrays), by Newton's method (the
    bias is not penalized; a constant column gets scale 1 and, penalized, weight 0)."""
    import numpy as np

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    design = np.hstack([(x - mean) / scale, np.ones((len(y), 1))])
    penalty = l2 * np.eye(design.shape[1])
    penalty[-1, -1] = 0.0
    w = np.zeros(design.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ w, -50, 50)))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return LogisticModel(tuple(mean.tolist()), tuple(scale.tolist()), tuple(w[:-1].tolist()), float(w[-1]), l2)


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
