"""A real-word evaluation set of pravka's own, and what the real-word detector does on it.

How the set is made (seeded, so every run makes the same set; nothing of it is stored in the
repository). Clean sentences come from three places no model of pravka has counted:

* the paragraphs of ``shared/corpora`` that ``benchmarks/build_usage.py`` holds out of the usage
  model's counts (every paragraph whose CRC-32 is divisible by 50): literature and documentation;
* the CC BY-SA files of ``shared/corpora/modern`` (Universal Dependencies Taiga, GSD, PUD and XQuAD:
  social media, Wikipedia, news), which the usage model does not count at all;
* the targets of GERA train (school essays), detokenized (no space before , . ! ? : ; and inside
  quotes and brackets).

In each sentence one word is damaged: the word is drawn uniformly among the sentence's words that
have a slip making another dictionary word (so a word is drawn as often as it is written), and the
slip among that word's one-edit dictionary neighbours (``candidates.edits.edits1``: vowels, doubled
letters, voicing, keyboard neighbours, lost and extra letters, swaps) with probability proportional to
the channel's likelihood 10^−cost (``candidates.channel``). Each item says whether the damaged word is
another form of the intended word's own lexeme («книги» for «книге»: an *inflection* swap, which word
frequency cannot judge) or another word (a *paronym* slip, «примерить» for «примирить»), the class
the detector is meant for; figures are given for both. The clean originals measure false alarms.

Items alternate between a TUNE half (even positions), on which the detector's constants are chosen,
and a TEST half (odd), which is only measured.

Modes:

* default: ``Corrector().check`` on every damaged sentence of a half and on its clean original; for
  the ``confusion`` detector: precision and recall of what it reports and of what ``fix`` applies, on
  paronym slips and on all slips, and its findings per 1,000 words of the clean originals;
* ``--clean-gera``: word-changing findings of every unit on the detokenized targets of GERA dev, per
  1,000 words (the clean-text false-alarm rate);
* ``--fit``: the detector's raw evidence (``confusion.evidence``: each member's ``Reading``) for every
  word of the TUNE half (damaged and clean), of the detokenized targets of GERA train (clean school
  essays: words that were meant) and of the sources of the SpellRuEval tune half and GERA train whose
  words line up one to one with the gold (``real_choices``: real errors, the gold word as the meant
  member, and the words the gold keeps); then the weights of ``confusion.Reading.score`` fitted by
  maximum likelihood on all of it (a conditional logit: the meant member, or keeping the typed word;
  Newton's method), then a sweep of the reporting level scored offline with those weights, printing
  the level with the best recall that reaches the targets (precision ≥ 0.85, ≤ 0.5 false alarms per
  1,000 clean words of the set, and ≤ ``GERA_ALARMS_TARGET`` per 1,000 words of GERA train: clean
  essays carry every unit's false alarms, whose sum must stay ≤ 1.5 per 1,000), and how many of the
  real errors' findings are right at each level. The weights printed go into ``detect.confusion``
  by hand; since the evidence is pruned with the weights in force (``MIN_PRIOR_SCORE``), a second
  run after pasting them moves them by a few hundredths at most.

Usage (from the repository root; under ``nice``)::

    python benchmarks/realword_set.py [--half tune|test] [--per-source N] [--fit | --clean-gera]
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.build_usage import CORPORA, COUNTED_FILES, is_held_out, paragraphs  # noqa: E402
from benchmarks.datasets import eval_dir, read_pairs  # noqa: E402

UNCOUNTED_FILES = (
    "modern/ud_taiga_devtest.txt.gz", "modern/ud_gsd_devtest.txt.gz", "modern/ud_pud_test.txt.gz",
    "modern/xquad_ru_contexts.txt.gz",
)
PER_SOURCE = 700  # sentences drawn from each of the three sources
MIN_WORDS, MAX_WORDS = 5, 40
SEED = 2026
MIN_WORD_LENGTH = 3
PRECISION_TARGET = 0.85
FALSE_ALARMS_TARGET = 0.5  # per 1,000 clean words
GERA_ALARMS_TARGET = 0.05  # per 1,000 words of GERA train's clean targets: the other units already use ~1.4
FIT_L2 = 1.0  # a light ridge on the weights (not the intercept), so that a rare pattern cannot run away
NEWTON_STEPS = 30


@dataclass(frozen=True)
class Item:
    clean: str
    damaged: str
    start: int
    end: int  # the damaged word's span in ``damaged``
    typed: str
    intended: str
    inflection: bool  # the damaged word is another form of the intended word's lexeme
    source: str


def detokenize(text: str) -> str:
    text = re.sub(r" ([,.!?:;…)\]»])", r"\1", text)
    text = re.sub(r"([(\[«]) ", r"\1", text)
    return re.sub(r'" (.*?) "', r'"\1"', text)


def sentences_of(text: str) -> list[str]:
    from razdel import sentenize

    found = []
    for sentence in sentenize(text):
        words = sentence.text.split()
        letters = sum(ch.isalpha() for ch in sentence.text)
        cyrillic = sum("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in sentence.text)
        if MIN_WORDS <= len(words) <= MAX_WORDS and letters and cyrillic >= 0.9 * letters:
            found.append(sentence.text)
    return found


def source_sentences() -> dict[str, list[str]]:
    held_out = [s for name in COUNTED_FILES for p in paragraphs(CORPORA / name) if is_held_out(p) for s in sentences_of(p)]
    uncounted = []
    for name in UNCOUNTED_FILES:
        with gzip.open(CORPORA / name, "rt", encoding="utf-8") as handle:
            uncounted += [s for line in handle for s in sentences_of(line.strip())]
    essays = [s for pair in read_pairs(eval_dir() / "gera/train.full.jsonl") for s in sentences_of(detokenize(pair.target))]
    return {"held-out corpora": held_out, "uncounted corpora": uncounted, "GERA train": essays}


def damage(sentence: str, lexicon, rng: random.Random, source: str) -> Item | None:
    from pravka.candidates.edits import edits1
    from pravka.ru.alphabet import match_case
    from pravka.tokenize import tokenize

    choices = []
    for token in tokenize(sentence):
        word = token.text.lower()
        if token.kind != "word" or len(word) < MIN_WORD_LENGTH or not re.fullmatch("[а-яё]+", word):
            continue
        if not lexicon.is_known(word):
            continue
        slips = [c for c in edits1(word, lexicon.is_form) if c.text != word and re.fullmatch("[а-яё]+", c.text)]
        slips = [c for c in slips if c.text.replace("ё", "е") != word.replace("ё", "е")]
        if slips:
            choices.append((token, slips))
    if not choices:
        return None
    token, slips = rng.choice(choices)
    weights = [10 ** -c.cost for c in slips]
    slip = rng.choices(slips, weights)[0]
    typed = match_case(token.text, slip.text)
    damaged = sentence[: token.start] + typed + sentence[token.stop :]
    intended = token.text.lower()
    lemmas = {p.normal_form for p in lexicon.morph.parse(intended)}
    inflection = bool(lemmas & {p.normal_form for p in lexicon.morph.parse(slip.text)})
    return Item(sentence, damaged, token.start, token.start + len(typed), typed, token.text, inflection, source)


def build_set(lexicon, per_source: int = PER_SOURCE) -> list[Item]:
    rng = random.Random(SEED)
    items = []
    for source, sentences in source_sentences().items():
        sentences = sorted(set(sentences))
        rng.shuffle(sentences)
        taken = 0
        for sentence in sentences:
            item = damage(sentence, lexicon, rng, source)
            if item is not None:
                items.append(item)
                taken += 1
                if taken == per_source:
                    break
    rng.shuffle(items)
    return items


def half(items: list[Item], name: str) -> list[Item]:
    return items[0 if name == "tune" else 1 :: 2]


def words_in(text: str) -> int:
    return sum(1 for chunk in text.split() if any(ch.isalnum() for ch in chunk))


# --------------------------------------------------------------------------- measuring the detector


def same_word(found: str, intended: str) -> bool:
    """Whether a suggestion is the intended word, ё read as е (pravka's words are looked up so)."""
    return found.lower().replace("ё", "е") == intended.lower().replace("ё", "е")


def measure(corrector, items: list[Item]) -> dict:
    """The confusion detector's findings on the damaged sentences and on the clean originals."""
    figures = {key: 0 for key in (
        "reported", "reported_right", "applied", "applied_right", "paronym_reported_right", "paronym_applied_right",
        "clean_reported", "clean_applied", "clean_words", "any_fix_right")}
    figures["items"], figures["paronyms"] = len(items), sum(not item.inflection for item in items)
    wrong, missed, alarms = [], [], []
    for item in items:
        findings = corrector.check(item.damaged)
        for finding in findings:
            at_slip = finding.start < item.end and item.start < finding.end
            if at_slip and finding.fix is not None and same_word(finding.fix, item.intended):
                figures["any_fix_right"] += 1
            if finding.detector != "confusion":
                continue
            right = at_slip and same_word(finding.suggestions[0].text, item.intended)
            figures["reported"] += 1
            figures["reported_right"] += right
            figures["paronym_reported_right"] += right and not item.inflection
            if finding.fix is not None:
                figures["applied"] += 1
                figures["applied_right"] += right
                figures["paronym_applied_right"] += right and not item.inflection
            if not right:
                where = f"meant {item.intended}" if at_slip else f"the slip is {item.typed} for {item.intended}"
                wrong.append(f"{finding.text} → {finding.suggestions[0].text} ({where}): {item.damaged}")
        if not any(f.detector == "confusion" and f.start < item.end and item.start < f.end for f in findings):
            missed.append(f"{item.typed} (meant {item.intended}{', inflection' if item.inflection else ''})")
        figures["clean_words"] += words_in(item.clean)
        for finding in corrector.check(item.clean):
            if finding.detector == "confusion":
                figures["clean_reported"] += 1
                figures["clean_applied"] += finding.fix is not None
                alarms.append(f"{finding.text} → {finding.suggestions[0].text}: {item.clean}")
    figures["wrong"], figures["missed"], figures["alarms"] = wrong, missed, alarms
    return figures


def report(figures: dict, title: str) -> str:
    def ratio(a, b):
        return f"{a / b:.3f}" if b else "—"

    k = 1000 / figures["clean_words"]
    lines = [
        f"## {title}: {figures['items']} damaged sentences ({figures['paronyms']} paronym slips, "
        f"{figures['items'] - figures['paronyms']} inflection swaps), {figures['clean_words']:,} clean words\n",
        "| confusion detector | findings | right | precision | recall, paronym slips | recall, all slips | false alarms / 1k clean words |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| reported | {figures['reported']} | {figures['reported_right']} | {ratio(figures['reported_right'], figures['reported'])} "
        f"| {ratio(figures['paronym_reported_right'], figures['paronyms'])} | {ratio(figures['reported_right'], figures['items'])} "
        f"| {figures['clean_reported'] * k:.2f} |",
        f"| applied by fix | {figures['applied']} | {figures['applied_right']} | {ratio(figures['applied_right'], figures['applied'])} "
        f"| {ratio(figures['paronym_applied_right'], figures['paronyms'])} | {ratio(figures['applied_right'], figures['items'])} "
        f"| {figures['clean_applied'] * k:.2f} |",
        f"\nall detectors: fix repaired {figures['any_fix_right']} of {figures['items']} slips",
    ]
    for name in ("wrong", "alarms", "missed"):
        lines.append(f"\n{name} ({len(figures[name])}), first 20:")
        lines += [f"- {example}" for example in figures[name][:20]]
    return "\n".join(lines)


# --------------------------------------------------------------------------- tuning offline


def _document(corrector, text: str):
    from pravka.detect import Document
    from pravka.tokenize import tokenize

    return Document(text, tokenize(text), corrector.lexicon, corrector.suggest, corrector.report_threshold, corrector._context)


def collect_evidence(corrector, items: list[Item]):
    """Per damaged sentence: (evidence at the slip, [evidence elsewhere]); per clean one: [evidence]."""
    from pravka.detect.confusion import evidence

    damaged, clean = [], []
    for item in items:
        doc = _document(corrector, item.damaged)
        at_slip, elsewhere = [], []
        for index, token in enumerate(doc.tokens):
            found = evidence(doc, index)
            if found:
                (at_slip if token.start < item.end and item.start < token.stop else elsewhere).append(found)
        damaged.append((item, at_slip[0] if at_slip else [], elsewhere))
        doc = _document(corrector, item.clean)
        clean.append([found for index in range(len(doc.tokens)) if (found := evidence(doc, index))])
    return damaged, clean


def fit_weights(choices: list[tuple[list, int]]):
    """Maximum-likelihood weights of a conditional logit in log10 units: each choice is (the features of
    each member, the index of the member meant or −1 for keeping the typed word, whose score is 0)."""
    import numpy as np

    ln10 = np.log(10.0)
    groups = [(np.asarray(rows, dtype=float) * ln10, meant) for rows, meant in choices if rows]
    size = groups[0][0].shape[1]
    weights = np.zeros(size)
    penalty = np.full(size, 2 * FIT_L2)
    penalty[0] = 0.0  # the intercept (the prior) is free
    for _ in range(NEWTON_STEPS):
        gradient, hessian = penalty * weights, np.diag(penalty)
        for rows, meant in groups:
            scores = rows @ weights
            top = max(0.0, scores.max())
            odds = np.exp(scores - top)
            p = odds / (np.exp(-top) + odds.sum())
            gradient += rows.T @ p - (rows[meant] if meant >= 0 else 0.0)
            hessian += rows.T @ (np.diag(p) - np.outer(p, p)) @ rows
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-6:
            break
    return weights


def fit(corrector, items: list[Item]) -> str:
    """Fit the confusion detector's weights and its reporting level on the TUNE half (module docstring)."""
    import pravka.detect.confusion as confusion

    started = time.perf_counter()
    damaged, clean = collect_evidence(corrector, items)
    essays = [detokenize(pair.target) for pair in read_pairs(eval_dir() / "gera/train.full.jsonl")]
    essay_words = sum(words_in(text) for text in essays)
    essay_evidence = collect_essay_evidence(corrector, essays)
    from benchmarks.datasets import load_dataset

    real = real_choices(corrector, load_dataset("spellrueval-tune") + load_dataset("gera-train"))

    def features(readings):
        kept = [r for r in readings if r.context_gain >= confusion.MIN_CONTEXT_GAIN]
        return kept, [[1.0, *r[1:]] for r in kept]

    choices = []
    for item, at_slip, elsewhere in damaged:
        meant = item.intended.lower().replace("ё", "е")
        kept, rows = features(at_slip)
        choices.append((rows, next((k for k, r in enumerate(kept) if r.member == meant), -1)))
        choices += [(features(found)[1], -1) for found in elsewhere]
    choices += [(features(found)[1], -1) for found in sum(clean, []) + essay_evidence]
    for found, meant in real:
        kept, rows = features(found)
        choices.append((rows, next((k for k, r in enumerate(kept) if r.member == meant), -1)))
    weights = fit_weights(choices)
    # The constants of ``Reading.score``, in the order of its fields, with the sign the score gives them.
    names = ("SLIP_PRIOR", "GAIN_WEIGHT", "COST_WEIGHT", "TYPED_ZIPF_WEIGHT", "CONTEXT_FACTOR", "BACKOFF_FACTOR",
             "COUNT_WEIGHT", "TYPED_UNSEEN_WEIGHT", "MEANING_WEIGHT")
    signs = (-1, 1, -1, -1, 1, 1, 1, 1, 1)
    for name, sign, weight in zip(names, signs, weights, strict=True):
        setattr(confusion, name, round(sign * float(weight), 2))
    fitted = ", ".join(f"{name} = {getattr(confusion, name):.2f}" for name in names)

    clean_words = sum(words_in(item.clean) for item in items)
    paronyms = sum(not item.inflection for item in items)
    rows = []
    for level in [x / 100 for x in range(50, 100, 5)]:
        def top(found, level=level):
            ranked = confusion.probabilities(found)
            return ranked[0] if ranked and ranked[0][1] >= level else None

        right = paronym_right = flagged = 0
        for item, at_slip, elsewhere in damaged:
            best = top(at_slip) if at_slip else None
            if best is not None:
                flagged += 1
                if best[0] == item.intended.lower().replace("ё", "е"):
                    right += 1
                    paronym_right += not item.inflection
            flagged += sum(top(found) is not None for found in elsewhere)
        alarms = sum(top(found) is not None for found in sum(clean, []))
        essay_alarms = sum(top(found) is not None for found in essay_evidence)
        precision = right / flagged if flagged else 0.0
        real_found = [(top(found), meant) for found, meant in real]
        real_flagged = sum(best is not None for best, _ in real_found)
        real_right = sum(best is not None and best[0] == meant for best, meant in real_found)
        rows.append((level, flagged, right, precision, paronym_right / paronyms, 1000 * alarms / clean_words,
                     1000 * essay_alarms / essay_words, f"{real_right} of {real_flagged}"))
    good = [r for r in rows if r[3] >= PRECISION_TARGET and r[5] <= FALSE_ALARMS_TARGET and r[6] <= GERA_ALARMS_TARGET]
    chosen = max(good, key=lambda r: r[4]) if good else None
    lines = [f"evidence collected and weights fitted in {time.perf_counter() - started:.0f} s "
             f"({len(choices)} choices, GERA train: {essay_words:,} words)", f"fitted: {fitted}",
             f"chosen: REPORT_AT = {chosen[0]:.2f}" if chosen else "no level reaches the targets", "",
             "| level | flagged | right | precision | paronym recall | false alarms / 1k | GERA train alarms / 1k "
             "| real errors right (SpellRuEval tune, GERA train) |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append("| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row) + " |")
    return "\n".join(lines)


def real_choices(corrector, pairs) -> list[tuple[list, str | None]]:
    """Per checked word of the source side of real (source, gold) pairs whose words line up one to
    one: (its evidence, the gold word when the gold changed it, else None)."""
    from pravka.detect.confusion import evidence

    def bare(word: str) -> str:
        return re.sub(r"[^\w-]", "", word.lower().replace("ё", "е"))

    found = []
    for pair in pairs:
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", pair.source)]
        gold = pair.target.split()
        if len(spans) != len(gold):
            continue
        doc = _document(corrector, pair.source)
        for index, token in enumerate(doc.tokens):
            readings = evidence(doc, index)
            if not readings:
                continue
            at = next(k for k, (start, end) in enumerate(spans) if start <= token.start < end)
            meant = bare(gold[at])
            found.append((readings, None if meant == bare(pair.source[slice(*spans[at])]) else meant))
    return found


def collect_essay_evidence(corrector, texts: list[str]) -> list:
    """The evidence of every checked word of clean texts."""
    from pravka.detect.confusion import evidence

    found = []
    for text in texts:
        doc = _document(corrector, text)
        found += [readings for index in range(len(doc.tokens)) if (readings := evidence(doc, index))]
    return found


def clean_gera_alarms(corrector) -> str:
    """Findings that change words on the detokenized targets of GERA dev, per 1,000 words, by unit."""
    from collections import Counter

    from benchmarks.quality import touches_words

    by_unit: Counter = Counter()
    applied: Counter = Counter()
    words = 0
    for pair in read_pairs(eval_dir() / "gera/dev.spell_only.jsonl"):
        text = detokenize(pair.target)
        words += words_in(text)
        for finding in corrector.check(text):
            if touches_words(text, finding):
                by_unit[finding.detector] += 1
                applied[finding.detector] += finding.fix is not None
    total, fixes = sum(by_unit.values()), sum(applied.values())
    rows = ", ".join(f"{unit} {n}" for unit, n in by_unit.most_common())
    return (f"GERA dev targets, detokenized: {words:,} words; {total} word-changing findings "
            f"({1000 * total / words:.2f} per 1k words), {fixes} of them applied ({1000 * fixes / words:.2f} per 1k); "
            f"by unit: {rows}; confusion alone {1000 * by_unit['confusion'] / words:.2f} per 1k")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("tune", "test"), default="test")
    parser.add_argument("--per-source", type=int, default=PER_SOURCE)
    parser.add_argument("--fit", action="store_true", help="fit the detector's weights and level on the TUNE half")
    parser.add_argument("--clean-gera", action="store_true", help="false alarms on GERA dev targets, detokenized")
    args = parser.parse_args(argv)

    from pravka import Corrector

    corrector = Corrector()
    if args.clean_gera:
        print(clean_gera_alarms(corrector))
        return 0
    started = time.perf_counter()
    items = build_set(corrector.lexicon, args.per_source)
    by_source = {s: sum(i.source == s for i in items) for s in dict.fromkeys(i.source for i in items)}
    print(f"set: {len(items)} sentences ({', '.join(f'{s} {n}' for s, n in by_source.items())}), "
          f"made in {time.perf_counter() - started:.0f} s\n")
    if args.fit:
        print(fit(corrector, half(items, "tune")))
        return 0
    chosen = half(items, args.half)
    print(report(measure(corrector, chosen), f"{args.half.upper()} half"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
