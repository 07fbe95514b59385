"""Colloquial and phonetic spellings on the SpellRuEval tune half: how many pravka reports and fixes.

Which gold corrections count. A correction of one source word into one target word (a hyphenated
word counts as one) where the source is no ordinary dictionary word — unknown to the lexicon, or held
only as a marked variant («седня») — and the two are not one slip apart, or differ by one sound-alike
letter (voicing в/ф, з/с, …, or an unstressed vowel). Two classes are counted apart:

* ``colloquial`` — two or more edits apart (Damerau–Levenshtein over ё-folded lower case): reduced
  words («ваще», «седня», «ничо»), «-цца» endings, letters held down («оооочень»);
* ``phonetic`` — one sound-alike letter apart («зафтра», «фсе», «давольно»).

The selection depends on the data and the dictionary only, never on pravka's candidate generators,
so a run before and after a change counts the same cases.

For each case: **reported** — a finding covers the word; **first right** — its first suggestion,
put in place, gives the gold word; **fixed** — ``fix`` writes the gold word there. ``--baseline
FILE`` compares with an earlier ``--json FILE`` run case by case.

Usage (from the repository root)::

    python benchmarks/colloquial.py [--split tune | --dataset NAME] [--json FILE] [--baseline FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz.distance import DamerauLevenshtein  # noqa: E402

from benchmarks.datasets import DATASETS, load_dataset, load_split  # noqa: E402
from benchmarks.spellrueval_metric import compare_sentence, normalize_token, tokenize  # noqa: E402
from pravka import Corrector  # noqa: E402
from pravka.ru.sound import SOUND_PAIRS, VOWEL_PAIRS  # noqa: E402

SOUND_ALIKE = VOWEL_PAIRS | SOUND_PAIRS
WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the metric's words of ``text``, in order (see ``spellrueval_metric.tokenize``)."""
    spans = []
    for match in re.finditer(r"\S+", text):
        token = match.group()
        if not normalize_token(token):
            continue
        start, end = 0, len(token)
        while not (token[start].isalpha() or token[start].isdigit()):
            start += 1
        while not (token[end - 1].isalpha() or token[end - 1].isdigit()):
            end -= 1
        spans.append((match.start() + start, match.start() + end))
    return spans


def one_sound_alike_letter(source: str, target: str) -> bool:
    if len(source) != len(target):
        return False
    differing = [(a, b) for a, b in zip(source, target, strict=True) if a != b]
    return len(differing) == 1 and frozenset(differing[0]) in SOUND_ALIKE


def case_class(source: str, target: str, lexicon) -> str | None:
    """``colloquial``, ``phonetic`` or None (not a case) for one gold correction (metric words)."""
    if not WORD.fullmatch(source) or not WORD.fullmatch(target):
        return None
    if lexicon.is_known(source) and lexicon.variant(source) is None:
        return None
    if not lexicon.is_known(target):
        return None
    distance = DamerauLevenshtein.distance(source, target)
    if distance >= 2:
        return "colloquial"
    return "phonetic" if one_sound_alike_letter(source, target) else None


def cases(pairs, lexicon):
    """(sentence index, source span, source word, target word, class) of every case."""
    for number, pair in enumerate(pairs):
        result = compare_sentence(pair.source, pair.target, pair.target)
        spans = word_spans(pair.source)
        for (start, end), words in result.gold.items():
            if end - start != 1 or len(words) != 1:
                continue
            source, target = result.source_words[start], words[0]
            kind = case_class(source, target, lexicon)
            if kind is not None:
                yield number, spans[start], source, target, kind


def outcome(corrector: Corrector, text: str, span: tuple[int, int], target: str) -> dict:
    start, end = span
    covering = [f for f in corrector.check(text) if f.start < end and f.end > start]

    def gives_target(replacement: str, finding) -> bool:
        changed = text[: finding.start] + replacement + text[finding.end :]
        shift = len(replacement) - (finding.end - finding.start)
        piece = changed[min(start, finding.start) : max(end, finding.end) + shift]
        return tokenize(piece) == [target]

    first = next((f for f in covering if f.suggestions), None)
    return {
        "reported": bool(covering),
        "first_right": first is not None and gives_target(first.suggestions[0].text, first),
        "fixed": any(f.fix is not None and gives_target(f.fix, f) for f in covering),
        "answer": first.suggestions[0].text if first is not None else None,
        "source_of_answer": first.suggestions[0].source if first is not None else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="tune", choices=("tune", "heldout"))
    parser.add_argument("--dataset", choices=sorted(DATASETS), help="another data set instead of a SpellRuEval half")
    parser.add_argument("--json", help="save every case's outcome here")
    parser.add_argument("--baseline", help="an earlier --json file to compare with")
    parser.add_argument("--verbose", action="store_true", help="print every case")
    args = parser.parse_args()

    corrector = Corrector()
    pairs = load_dataset(args.dataset) if args.dataset else load_split(args.split)
    rows = []
    for number, span, source, target, kind in cases(pairs, corrector.lexicon):
        row = {"sentence": number, "source": source, "target": target, "class": kind}
        row.update(outcome(corrector, pairs[number].source, span, target))
        rows.append(row)

    baseline = None
    if args.baseline:
        baseline = {(r["sentence"], r["source"]): r for r in json.loads(Path(args.baseline).read_text("utf-8"))}
    print(f"{args.dataset or 'SpellRuEval ' + args.split + ' half'}: colloquial and phonetic spellings")
    print(f"{'class':<12}{'cases':>6}{'reported':>10}{'first right':>13}{'fixed':>7}" + ("   (baseline)" if baseline else ""))
    for kind in ("colloquial", "phonetic", "all"):
        chosen = [r for r in rows if kind == "all" or r["class"] == kind]
        counts = Counter(key for r in chosen for key in ("reported", "first_right", "fixed") if r[key])
        line = f"{kind:<12}{len(chosen):>6}{counts['reported']:>10}{counts['first_right']:>13}{counts['fixed']:>7}"
        if baseline:
            old = [baseline[(r["sentence"], r["source"])] for r in chosen if (r["sentence"], r["source"]) in baseline]
            before = Counter(key for r in old for key in ("reported", "first_right", "fixed") if r[key])
            line += f"   ({before['reported']} / {before['first_right']} / {before['fixed']})"
        print(line)
    for row in rows:
        was = baseline.get((row["sentence"], row["source"])) if baseline else None
        changed = was is not None and was["fixed"] != row["fixed"]
        if args.verbose or changed or not row["fixed"]:
            mark = "FIXED" if row["fixed"] else ("first-right" if row["first_right"] else ("reported" if row["reported"] else "missed"))
            note = f"  (was {'fixed' if was['fixed'] else 'not fixed'})" if changed else ""
            print(f"  {row['class']:<11}{row['source']} -> {row['target']}: {mark}, answer {row['answer']} [{row['source_of_answer']}]{note}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
