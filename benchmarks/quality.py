"""Correction quality of pravka on the shared evaluation sets, scored with the SpellRuEval metric.

For every data set (see ``benchmarks/datasets.py``) and every ``{"source", "target"}`` pair:

* **fix mode** — ``Corrector().fix(source)`` is scored against ``target`` (precision / recall / F1,
  micro over the corpus). Its precision is the *auto-fix precision*: the share of the edits ``fix``
  applied on its own that match the gold.
* **report mode** — ``check(source)``, then every finding's FIRST suggestion is applied whatever its
  confidence (right to left, overlapping findings skipped). This is what a user clicking the top
  suggestion of every underline would get; it bounds what a better threshold could reach.
* **false alarms on clean text** — ``check(target)`` on the gold side: findings per 1,000 words
  ("flags"), and how many of them carry an automatic fix ("fixes"). Words are the metric's words
  (whitespace tokens with at least one letter or digit). As in the metric, only findings that touch
  words count: a finding whose fix (or first suggestion) leaves the metric's words of the sentence
  unchanged — spacing around punctuation, case, ё — is counted apart as "punctuation/case" and not as
  a false alarm; a finding without suggestion counts when its text has a letter or digit. The most
  frequent false alarms are listed.

``--sweep`` runs ``check`` once per sentence of the SpellRuEval TUNE half (or of ``--dataset``) and
then, offline, for each threshold t of a grid applies the first suggestion of the findings whose first
suggestion has confidence >= t (the rule ``Corrector`` uses to set ``Finding.fix``), reporting P/R/F1,
F0.5 and the automatic fixes per 1,000 clean words at each t: the table to calibrate the default
threshold on. Quote the HELD-OUT half, never the TUNE half, once a threshold was chosen on it.

Usage (from the repository root)::

    python benchmarks/quality.py [--dataset NAME ...] [--limit N] [--threshold X] [--verbose]
    python benchmarks/quality.py --sweep [--limit N]
    python benchmarks/quality.py --json quality.json
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import save_figures  # noqa: E402
from benchmarks.datasets import DATASETS, Pair, load_dataset  # noqa: E402
from benchmarks.spellrueval_metric import Score, Scorer, SentenceResult, tokenize  # noqa: E402

SWEEP_THRESHOLDS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 1.0)
EXAMPLES_PER_DATASET = 15
TOP_FALSE_ALARMS = 25
# Latin letters that look like Cyrillic ones (lowercase: the metric lowercases)
LATIN_LOOK_ALIKES = str.maketrans("aeopcxykmthb", "аеорсхукмтнв")


# --------------------------------------------------------------------------- applying findings


def apply_replacements(text: str, replacements: list[tuple[int, int, str]]) -> str:
    """Replace ``text[start:end]`` by each new string, right to left; a span overlapping one already
    applied is skipped."""
    result = text
    boundary = len(text) + 1
    for start, end, new in sorted(replacements, key=lambda item: (item[0], item[1]), reverse=True):
        if end > boundary:
            continue
        result = result[:start] + new + result[end:]
        boundary = start
    return result


def first_suggestions(findings, min_confidence: float | None = None) -> list[tuple[int, int, str]]:
    """Spans and first suggestions of ``findings``; with ``min_confidence``, only confident ones."""
    chosen = []
    for finding in findings:
        if not finding.suggestions:
            continue
        top = finding.suggestions[0]
        if min_confidence is not None and top.confidence < min_confidence:
            continue
        chosen.append((finding.start, finding.end, top.text))
    return chosen


def fixes_of(findings) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.fix) for f in findings if f.fix is not None]


def changes_words(text: str, start: int, end: int, new: str) -> bool:
    """Whether replacing ``text[start:end]`` by ``new`` changes the metric's words of ``text``."""
    return tokenize(text[:start] + new + text[end:]) != tokenize(text)


def touches_words(text: str, finding, replacement: str | None = None) -> bool:
    """Whether a finding matters at word level: its replacement (default: fix, else first suggestion)
    changes the metric's words, or, with nothing to replace, its text has a letter or digit."""
    if replacement is None:
        replacement = finding.fix if finding.fix is not None else (
            finding.suggestions[0].text if finding.suggestions else None)
    if replacement is None:
        return any(char.isalpha() or char.isdigit() for char in finding.text)
    return changes_words(text, finding.start, finding.end, replacement)


# --------------------------------------------------------------------------- one data set


@dataclass
class SentenceRun:
    pair: Pair
    source_findings: list
    fixed: str
    target_findings: list


def run_corrector(corrector, pairs: list[Pair], with_fix: bool = True, with_clean: bool = True) -> list[SentenceRun]:
    runs = []
    for pair in pairs:
        findings = corrector.check(pair.source)
        fixed = corrector.fix(pair.source) if with_fix else apply_replacements(pair.source, fixes_of(findings))
        clean = corrector.check(pair.target) if with_clean else []
        runs.append(SentenceRun(pair, findings, fixed, clean))
    return runs


def is_homoglyph_repair(before, after) -> bool:
    """Whether ``after`` is ``before`` with Latin look-alike letters made Cyrillic (a repair the gold of
    some corpora, e.g. SpellRuEval, does not make, so the metric counts it as a false alarm)."""
    before, after = list(before), list(after)
    return before != after and [w.translate(LATIN_LOOK_ALIKES) for w in before] == after


def _example(result: SentenceResult, key, answer_words, gold_words) -> str:
    before = result.source_text(key) or "∅"
    after = " ".join(answer_words) or "∅"
    gold = " ".join(gold_words) or "∅"
    return f"{before} -> {after} (gold: {gold})"


@dataclass
class DatasetReport:
    name: str
    title: str
    sentences: int
    fix: Score
    report: Score
    clean_words: int
    clean_flags: int
    clean_fixes: int
    seconds: float
    clean_punctuation_findings: int = 0
    homoglyph_false_fixes: int = 0
    false_alarm_words: Counter = field(default_factory=Counter)
    wrong_fixes: list[str] = field(default_factory=list)
    false_fixes: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    clean_labels_by_target: dict[str, list[str]] = field(default_factory=dict)

    @property
    def flags_per_1k(self) -> float | None:
        return 1000 * self.clean_flags / self.clean_words if self.clean_words else None

    @property
    def fixes_per_1k(self) -> float | None:
        return 1000 * self.clean_fixes / self.clean_words if self.clean_words else None

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "title": self.title,
            "sentences": self.sentences,
            "fix": self.fix.as_dict(),
            "report": self.report.as_dict(),
            "clean_words": self.clean_words,
            "clean_flags": self.clean_flags,
            "clean_fixes": self.clean_fixes,
            "clean_punctuation_findings": self.clean_punctuation_findings,
            "homoglyph_false_fixes": self.homoglyph_false_fixes,
            "flags_per_1k": self.flags_per_1k,
            "fixes_per_1k": self.fixes_per_1k,
            "seconds": self.seconds,
            "top_false_alarms": self.false_alarm_words.most_common(TOP_FALSE_ALARMS),
            "wrong_fix_examples": self.wrong_fixes,
            "false_fix_examples": self.false_fixes,
            "miss_examples": self.misses,
        }


def score_runs(name: str, runs: list[SentenceRun], seconds: float) -> DatasetReport:
    fix_scorer, report_scorer = Scorer(), Scorer()
    report = DatasetReport(
        name=name,
        title=DATASETS[name].title if name in DATASETS else name,
        sentences=len(runs),
        fix=fix_scorer.score,
        report=report_scorer.score,
        clean_words=0,
        clean_flags=0,
        clean_fixes=0,
        seconds=seconds,
    )
    for run in runs:
        source, target = run.pair.source, run.pair.target
        result = fix_scorer.add(source, target, run.fixed)
        report_scorer.add(source, target, apply_replacements(source, first_suggestions(run.source_findings)))
        for key in result.wrong_fixes:
            report.wrong_fixes.append(_example(result, key, result.answer[key], result.gold[key]))
        for key in result.false_alarms:
            if is_homoglyph_repair(result.source_words[key[0] : key[1]], result.answer[key]):
                report.homoglyph_false_fixes += 1
            report.false_fixes.append(_example(result, key, result.answer[key], result.source_words[key[0] : key[1]]))
        for key in result.misses:
            report.misses.append(_example(result, key, result.source_words[key[0] : key[1]], result.gold[key]))
        report.clean_words += len(tokenize(target))
        labels = []
        for finding in run.target_findings:
            if not touches_words(target, finding):
                report.clean_punctuation_findings += 1
                continue
            report.clean_flags += 1
            top = finding.suggestions[0].text if finding.suggestions else "—"
            labels.append(f"{finding.text} -> {finding.fix if finding.fix is not None else top} [{finding.kind}]")
            if finding.fix is not None:
                report.clean_fixes += 1
        report.false_alarm_words.update(labels)
        report.clean_labels_by_target[target] = labels
    return report


def evaluate_dataset(corrector, name: str, limit: int | None = None, progress=None) -> DatasetReport:
    pairs = load_dataset(name, limit)
    started = time.perf_counter()
    runs = run_corrector(corrector, pairs)
    seconds = time.perf_counter() - started
    if progress:
        progress(f"{name}: {len(pairs)} pairs in {seconds:.1f} s")
    return score_runs(name, runs, seconds)


# --------------------------------------------------------------------------- threshold sweep


@dataclass
class SweepRow:
    threshold: float
    score: Score
    clean_fixes_per_1k: float | None

    @property
    def f05(self) -> float | None:
        p, r = self.score.precision, self.score.recall
        if p is None or r is None or (0.25 * p + r) == 0:
            return None
        return 1.25 * p * r / (0.25 * p + r)


def sweep(runs: list[SentenceRun], thresholds=SWEEP_THRESHOLDS) -> list[SweepRow]:
    """P/R/F1 when the first suggestion is applied iff its confidence >= t, for each t (no re-check)."""
    clean_words = sum(len(tokenize(run.pair.target)) for run in runs)
    rows = []
    for threshold in thresholds:
        scorer = Scorer()
        clean_fixes = 0
        for run in runs:
            answer = apply_replacements(run.pair.source, first_suggestions(run.source_findings, threshold))
            scorer.add(run.pair.source, run.pair.target, answer)
            target = run.pair.target
            clean_fixes += sum(
                changes_words(target, start, end, new)
                for start, end, new in first_suggestions(run.target_findings, threshold)
            )
        rows.append(SweepRow(threshold, scorer.score, 1000 * clean_fixes / clean_words if clean_words else None))
    return rows


def count_fix_rule_mismatches(runs: list[SentenceRun], threshold: float) -> int:
    """Sentences where ``fix()`` differs from 'first suggestion iff confidence >= threshold'."""
    return sum(
        run.fixed != apply_replacements(run.pair.source, first_suggestions(run.source_findings, threshold))
        for run in runs
    )


# --------------------------------------------------------------------------- formatting


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}"


def num(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def prf(score: Score) -> str:
    return f"{pct(score.precision)} / {pct(score.recall)} / {pct(score.f1)}"


def quality_table(reports: list[DatasetReport]) -> str:
    lines = [
        "| data set | pairs | fix P / R / F1 | report P / R / F1 | flags / 1k clean words | auto-fixes / 1k clean words |",
        "|---|---:|---|---|---:|---:|",
    ]
    for report in reports:
        lines.append(
            f"| {report.title} | {report.sentences} | {prf(report.fix)} | {prf(report.report)} "
            f"| {num(report.flags_per_1k)} | {num(report.fixes_per_1k)} |"
        )
    return "\n".join(lines)


def quality_notes(reports: list[DatasetReport]) -> str:
    punctuation = sum(report.clean_punctuation_findings for report in reports)
    notes = [f"(also {punctuation} findings on the clean side that change no word — punctuation, spacing, "
             "case — not counted as false alarms)"]
    homoglyphs = ", ".join(f"{r.name} {r.homoglyph_false_fixes}" for r in reports if r.homoglyph_false_fixes)
    if homoglyphs:
        notes.append("(fix-mode edits scored as false alarms that only make Latin look-alike letters Cyrillic, "
                     f"which the gold left alone: {homoglyphs})")
    return "\n".join(notes)


def sweep_table(rows: list[SweepRow]) -> str:
    lines = [
        "| threshold | TP | answer edits | gold edits | P | R | F1 | F0.5 | auto-fixes / 1k clean words |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        s = row.score
        lines.append(
            f"| {row.threshold:.2f} | {s.true_positives} | {s.answer_corrections} | {s.gold_corrections} "
            f"| {pct(s.precision)} | {pct(s.recall)} | {pct(s.f1)} | {pct(row.f05)} | {num(row.clean_fixes_per_1k)} |"
        )
    return "\n".join(lines)


def false_alarm_listing(reports: list[DatasetReport], top: int = TOP_FALSE_ALARMS) -> str:
    """Most frequent findings on the clean side, each distinct target sentence counted once (the
    medical sets share their base sentences)."""
    labels_by_target: dict[str, list[str]] = {}
    for report in reports:
        labels_by_target.update(report.clean_labels_by_target)
    total = Counter(label for labels in labels_by_target.values() for label in labels)
    if not total:
        return "(no findings on the clean side)"
    return "\n".join(f"{count:5d}  {label}" for label, count in total.most_common(top))


def false_alarm_sections(reports: list[DatasetReport], top: int = TOP_FALSE_ALARMS) -> str:
    natural = [r for r in reports if not r.name.startswith("med-")]
    medical = [r for r in reports if r.name.startswith("med-")]
    parts = []
    for title, group in (("natural text (SpellRuEval, GERA, ReLCo)", natural), ("medical synthetic sets", medical)):
        if group:
            parts.append(f"{title}:\n{false_alarm_listing(group, top)}")
    return "\n\n".join(parts)


def examples_listing(report: DatasetReport, limit: int = EXAMPLES_PER_DATASET) -> str:
    parts = [f"### {report.title}"]
    for label, items in (
        ("wrong fixes of real errors", report.wrong_fixes),
        ("fixes of correct words", report.false_fixes),
        ("misses", report.misses),
    ):
        parts.append(f"{label} ({len(items)}):")
        parts.extend(f"  {item}" for item in items[:limit])
    return "\n".join(parts)


# --------------------------------------------------------------------------- command line


def make_corrector(threshold: float | None):
    from pravka import Corrector

    return Corrector(threshold=threshold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", action="append", choices=sorted(DATASETS), help="repeatable; default: all")
    parser.add_argument("--limit", type=int, help="first N pairs of each data set")
    parser.add_argument("--threshold", type=float, help="Corrector threshold (default: its calibrated one)")
    parser.add_argument("--sweep", action="store_true", help="threshold grid on the TUNE half (or --dataset)")
    parser.add_argument("--verbose", action="store_true", help="examples of wrong fixes and misses")
    parser.add_argument("--json", metavar="OUT", help="save the figures as JSON")
    args = parser.parse_args(argv)

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    corrector = make_corrector(args.threshold)
    threshold = getattr(corrector, "threshold", args.threshold)
    print(f"pravka Corrector threshold: {threshold}")
    figures: dict = {"threshold": threshold}

    if args.sweep:
        names = args.dataset or ["spellrueval-tune"]
        all_runs: list[SentenceRun] = []
        for name in names:
            pairs = load_dataset(name, args.limit)
            started = time.perf_counter()
            all_runs.extend(run_corrector(corrector, pairs))
            progress(f"{name}: {len(pairs)} pairs in {time.perf_counter() - started:.1f} s")
        rows = sweep(all_runs)
        print(f"\nThreshold sweep on {', '.join(names)} ({len(all_runs)} pairs), first suggestion applied "
              "iff its confidence >= threshold:\n")
        print(sweep_table(rows))
        if threshold is not None:
            mismatches = count_fix_rule_mismatches(all_runs, threshold)
            print(f"\nfix() agrees with that rule at threshold {threshold} on "
                  f"{len(all_runs) - mismatches}/{len(all_runs)} sentences.")
        figures["sweep"] = {
            "datasets": names,
            "rows": [
                {"threshold": row.threshold, **row.score.as_dict(), "f05": row.f05,
                 "clean_fixes_per_1k": row.clean_fixes_per_1k}
                for row in rows
            ],
        }
    else:
        reports = [evaluate_dataset(corrector, name, args.limit, progress) for name in (args.dataset or list(DATASETS))]
        print("\nSpellRuEval metric, P / R / F1 in %. fix = Corrector().fix(); its P is the auto-fix precision. "
              "report = first suggestion of every finding applied. Clean words = target side.\n")
        print(quality_table(reports))
        print("\n" + quality_notes(reports))
        print("\nTop findings on the clean (target) side, distinct sentences: word -> fix or first suggestion [kind]\n")
        print(false_alarm_sections(reports))
        if args.verbose:
            for report in reports:
                print()
                print(examples_listing(report))
        figures["datasets"] = [report.as_dict() for report in reports]

    if args.json:
        save_figures(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
