"""Fit pravka's calibration (``pravka.calibration``) on tuning data, and measure it on held-out data.

Labeled findings come from three sources, all tuning data (never the held-out half, never a test split):

* **SpellRuEval tune half** (even lines) and **GERA train** (spelling edits): real errors, in that
  order of preference (``tiered``: a group takes GERA's labels only while SpellRuEval's are fewer than
  ``MIN_REAL``; school essays are not blog posts, and the held-out half the README quotes is blogs). pravka's raw
  findings on each source sentence are labeled one at a time: the finding's first suggestion alone is
  applied, and the SpellRuEval metric compares that answer with the gold. One correction that the gold
  has, with the gold's words: *right*. A correction the gold does not have, or has with other words:
  *wrong*. No word changed (punctuation, case, ё): no label. Homoglyph repairs are not labeled here:
  SpellRuEval's gold keeps Latin look-alike letters, so the metric would call every repair wrong.
* **Synthetic damage** (``benchmarks/garble.py``, every kind) over the clean sentences of the same tune
  half: a finding overlapping the damage is *right* when its first suggestion alone gives back the
  clean sentence; any other finding, on text that was clean, is *wrong*. These are the only labels for
  what the metric cannot see (punctuation, hyphenation, look-alike letters); they come last, because
  garbled typos are easier than real ones and would make the ranker look surer than it is on real text.

Every real label also carries the learned confidence's features (``calibration.Evidence``), read
from its sentence. Then ``calibration.fit`` fits the learned confidences (on every real label of a
group: SpellRuEval tune and GERA train pooled) and turns the tiered labels into per-group monotone
maps, all written to ``src/pravka/data/calibration.json``: one command refits both. The script prints
each learned model's cross-validated L2 and its weights, and reports, on the SpellRuEval **held-out**
half labeled the same way, the reliability table (confidence bin → share right) and the expected
calibration error, and the same error for the findings' second suggestions as the shipped calibration
gives them (``Calibration.apply``). On the tune half it prints the threshold sweep to choose
``Corrector.DEFAULT_THRESHOLD`` from, *cross-fitted*: each tune pair is calibrated by a calibration
(learned model and maps) fitted without the fifth of the tune pairs it belongs to, since a model
measured on the pairs it was fitted on looks surer than it is.

Usage: ``python benchmarks/calibrate.py [--write] [--per-kind 300]`` (without ``--write`` it only reports).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import load_dataset  # noqa: E402
from benchmarks.garble import KINDS, sample  # noqa: E402
from benchmarks.spellrueval_metric import Scorer, compare_sentence  # noqa: E402
from pravka import Corrector  # noqa: E402
from pravka.calibration import (  # noqa: E402
    FEATURES,
    FOLDS,
    Calibration,
    Evidence,
    fit,
    group_of,
    rule_group_of,
    shipped_calibration,
)
from pravka.detect import DETECTORS_BY_NAME  # noqa: E402

CALIBRATION_FILE = Path(__file__).resolve().parent.parent / "src" / "pravka" / "data" / "calibration.json"
MIN_REAL = 30
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001)
RUNNER_UP_BINS = tuple(i / 10 for i in range(10)) + (1.0001,)  # runner-ups are mostly below 0.5
SWEEP = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97)


def apply_one(text: str, finding, rank: int = 0) -> str:
    """``text`` with the finding's suggestion of that ``rank`` (the first by default) applied alone."""
    return text[: finding.start] + finding.suggestions[rank].text + text[finding.end :]


def is_right(pair, answer: str) -> bool | None:
    """Whether ``answer`` makes exactly one of the gold's corrections and nothing else; None when it
    changes no word the metric sees (no label)."""
    result = compare_sentence(pair.source, pair.target, answer)
    if not result.answer:
        return None
    return len(result.answer) == 1 and not result.false_alarms and not result.wrong_fixes


def label_real(corrector: Corrector, pairs) -> list[tuple[str, float, bool, list[float], int, str]]:
    """(group, raw score, right?, the learned confidence's features, index of the pair, rule group) for
    every finding the metric can judge (see the module docstring)."""
    samples = []
    for index, pair in enumerate(pairs):
        evidence = Evidence(pair.source, corrector.lexicon, corrector._context)
        for finding in corrector.raw_findings(pair.source):
            if not finding.suggestions or finding.detector == "homoglyph":
                continue
            right = is_right(pair, apply_one(pair.source, finding))
            if right is None:
                continue
            samples.append(
                (group_of(finding), finding.suggestions[0].confidence, right, evidence.features(finding), index, rule_group_of(finding))
            )
    return samples


def label_synthetic(corrector: Corrector, sentences: list[str], per_kind: int, seed: int) -> list[tuple[str, float, bool, None, int, None]]:
    samples = []
    for kind in KINDS:
        for damage in sample(sentences, kind, per_kind, seed):
            repaired = damage.repaired()
            for finding in corrector.raw_findings(damage.text):
                if not finding.suggestions:
                    continue
                overlaps = finding.start < damage.end and damage.start < finding.end
                right = overlaps and apply_one(damage.text, finding) == repaired
                samples.append((group_of(finding), finding.suggestions[0].confidence, right, None, -1, None))
    return samples


def tiered(tiers: list[tuple[str, list[tuple]]]) -> tuple[list[tuple], set[str]]:
    """The labels of each group from the first tiers that hold ``MIN_REAL`` of them together, and the
    groups that took labels from the last (synthetic) tier.

    Tiers are ordered from the data most like a user's text (real blog errors) to the least (our own
    synthetic damage): a group takes the next tier's labels only while it has too few."""
    used: list[tuple] = []
    counts: Counter = Counter()
    short: set[str] = set()
    for _, labels in tiers:
        short = {label[0] for label in labels if counts[label[0]] < MIN_REAL}
        taken = [label for label in labels if label[0] in short]
        used += taken
        counts.update(label[0] for label in taken)
    return used, short


def reliability(samples, calibration: Calibration) -> tuple[list[tuple[str, int, float, float]], float]:
    """Rows (bin, findings, mean confidence, share right) and the expected calibration error."""
    return binned([(calibration.confidence(group, raw, features, rule), right) for group, raw, right, features, _, rule in samples])


def runner_ups(corrector: Corrector, pairs) -> list[tuple[float, bool]]:
    """(calibrated confidence, right?) of the second suggestion of every finding that has one, labeled
    as ``label_real`` labels a first suggestion: the runner-up alone applied (``Calibration.apply``
    sets its confidence from the first's)."""
    found = []
    for pair in pairs:
        for finding in corrector.check(pair.source):
            if len(finding.suggestions) < 2:
                continue
            found.append((finding.suggestions[1].confidence, bool(is_right(pair, apply_one(pair.source, finding, 1)))))
    return found


def binned(
    scored: list[tuple[float, bool]], bins_at: tuple[float, ...] = BINS
) -> tuple[list[tuple[str, int, float, float]], float]:
    """``reliability`` of (probability, right?) pairs, in the bins that start at ``bins_at``."""
    bins: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for probability, right in scored:
        index = next(i for i in range(len(bins_at) - 1) if bins_at[i] <= probability < bins_at[i + 1])
        bins[index].append((probability, right))
    rows, error, total = [], 0.0, sum(len(v) for v in bins.values())
    for index in sorted(bins):
        members = bins[index]
        confidence = sum(p for p, _ in members) / len(members)
        accuracy = sum(r for _, r in members) / len(members)
        error += len(members) / total * abs(confidence - accuracy)
        rows.append((f"{bins_at[index]:.2f}–{min(bins_at[index + 1], 1.0):.2f}", len(members), confidence, accuracy))
    return rows, error


def fit_tiers(tiers: list[tuple[str, list[tuple]]]) -> tuple[Calibration, list[tuple], list[tuple]]:
    """The calibration fitted on the tiers (the first two real, the last synthetic), the labels its
    maps were fitted on, and the learned confidences' labels."""
    samples, synthetic_groups = tiered(tiers)
    # The learned confidences learn from every real label; a label also in ``samples`` fits the map.
    in_maps = {id(label) for label in samples}
    learned = [(label[0], label[2], label[3], id(label) in in_maps) for _, real in tiers[:2] for label in real]
    # A rule's map is fitted on the labels of its group's map, for the groups that real labels fill.
    rules = [(label[5], label[1], label[2]) for label in samples if label[0] not in synthetic_groups]
    calibration = fit([label[:3] for label in samples], never_above_raw=synthetic_groups, learned=learned, rules=rules)
    return calibration, samples, learned


def cross_fitted(tiers: list[tuple[str, list[tuple]]]) -> list[Calibration]:
    """``FOLDS`` calibrations, the k-th fitted without the tune pairs whose index is k mod ``FOLDS``, so
    that the sweep measures each pair with a calibration (and a learned model) that never saw it."""
    (name, tune), *rest = tiers
    return [fit_tiers([(name, [label for label in tune if label[4] % FOLDS != fold]), *rest])[0] for fold in range(FOLDS)]


def sweep(corrector: Corrector, pairs, calibrations: list[Calibration]) -> list[tuple[float, float, float, float]]:
    """(threshold, P, R, F1) of fix mode on ``pairs``, pair i calibrated by ``calibrations[i mod their
    number]``."""
    checked = []
    for index, pair in enumerate(pairs):
        evidence = Evidence(pair.source, corrector.lexicon, corrector._context)
        calibration = calibrations[index % len(calibrations)]
        findings = [calibration.apply(f, evidence) for f in corrector.raw_findings(pair.source)]
        checked.append((pair, findings))
    rows = []
    for threshold in SWEEP:
        scorer = Scorer()
        for pair, findings in checked:
            answer, position, pieces = pair.source, 0, []
            for f in findings:
                if f.suggestions and f.suggestions[0].confidence >= threshold and DETECTORS_BY_NAME[f.detector].auto_fix and f.start >= position:
                    pieces += [pair.source[position : f.start], f.suggestions[0].text]
                    position = f.end
            answer = "".join(pieces) + pair.source[position:]
            scorer.add(pair.source, pair.target, answer)
        s = scorer.score
        rows.append((threshold, s.precision or 0.0, s.recall or 0.0, s.f1 or 0.0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {CALIBRATION_FILE.name}")
    parser.add_argument("--per-kind", type=int, default=300, help="synthetic damages per kind")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.time()
    corrector = Corrector()
    tune = load_dataset("spellrueval-tune")
    tiers = [
        ("SpellRuEval tune", label_real(corrector, tune)),
        ("GERA train", label_real(corrector, load_dataset("gera-train"))),
        ("synthetic", label_synthetic(corrector, [p.target for p in tune], args.per_kind, args.seed)),
    ]
    calibration, samples, learned = fit_tiers(tiers)
    counts = Counter(label[0] for label in samples) + Counter(label[5] for label in samples)
    rights = Counter(label[0] for label in samples if label[2]) + Counter(label[5] for label in samples if label[2])
    print("labeled findings: " + ", ".join(f"{name} {len(labels)}" for name, labels in tiers) + f"; used {len(samples)} ({time.time() - started:.0f} s)\n")
    print("| group | labels | right % | knots (raw or learned score → probability) |\n|---|---:|---:|---|")
    for group in sorted(calibration.knots):
        knots = " ".join(f"{x:.2f}→{y:.2f}" for x, y in calibration.knots[group])
        print(f"| {group} | {counts[group]} | {100 * rights[group] / max(1, counts[group]):.1f} | {knots} |")
    for group, model in sorted(calibration.models.items()):
        learned_from = sum(1 for label in learned if label[0] == group)
        print(f"\nlearned confidence {group}: {learned_from} labels, L2 {model.l2:g} (cross-validated); weights per standard deviation:")
        print("  " + ", ".join(f"{name} {weight:+.2f}" for name, weight in sorted(zip(FEATURES, model.weights, strict=True), key=lambda item: -abs(item[1]))))

    heldout = load_dataset("spellrueval-heldout")
    heldout_samples = label_real(corrector, heldout)
    for title, used in (("raw scores", Calibration({})), ("calibrated", calibration)):
        rows, error = reliability(heldout_samples, used)
        print(f"\nSpellRuEval held-out, {title}: expected calibration error {error:.3f}")
        print("| confidence | findings | mean confidence | share right |\n|---|---:|---:|---:|")
        for name, n, confidence, accuracy in rows:
            print(f"| {name} | {n} | {confidence:.3f} | {accuracy:.3f} |")
    seconds = runner_ups(corrector, heldout)
    _, error = binned(seconds, RUNNER_UP_BINS)
    print(
        f"\nSpellRuEval held-out, the second suggestions (as shipped): {len(seconds)}, {sum(r for _, r in seconds)} right,"
        f" mean confidence {sum(p for p, _ in seconds) / max(1, len(seconds)):.3f}; expected calibration error {error:.3f}"
    )

    print(
        f"\nThreshold sweep, SpellRuEval tune half (fix mode), each pair calibrated without its fold of {FOLDS}:"
        " threshold, P, R, F1"
    )
    for threshold, precision, recall, f1 in sweep(corrector, tune, cross_fitted(tiers)):
        print(f"  {threshold:.2f}  {100 * precision:.1f} / {100 * recall:.1f} / {100 * f1:.1f}")
    if args.write:
        CALIBRATION_FILE.write_text(calibration.to_json() + "\n", encoding="utf-8")
        shipped_calibration.cache_clear()
        print(f"\nwritten {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
