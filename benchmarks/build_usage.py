"""Regenerate pravka's shipped usage table (``src/pravka/data/usage-bigrams.tsv.xz``) from the corpora.

What is counted. The public-domain literature of ``shared/corpora/ruslit`` and the CC BY 4.0 files of
``shared/corpora/modern`` (Microsoft Docs and React documentation, Russian). The CC BY-SA files (the
Universal Dependencies treebanks and XQuAD) are *not* counted, so the shipped table carries only a
CC BY 4.0 attribution and no share-alike terms; their sentences serve the real-word evaluation set
instead (``benchmarks/realword_set.py``), which therefore never overlaps the counts.

RusLit keeps the line breaks of its source files, so its lines are joined into paragraphs (a new
paragraph starts after a blank line or at an indented line); the modern files have one text a line.
Words are read exactly as ``pravka learn`` reads them (:func:`pravka.lm.word_runs`).

What is left out, so that no benchmark scores the model on text it has seen:

* every paragraph whose CRC-32 is divisible by ``HOLD_OUT`` (about 2%): the held-out corpus sentences
  that the real-word evaluation set is made of;
* every paragraph that shares a run of ``SHINGLE`` words with any source or target sentence of the
  evaluation sets (SpellRuEval, GERA train and dev, ReLCo); the count is printed.

How it is pruned. Each word's statistics (count, times followed, distinct followers, distinct
predecessors) come from the full counts, so Kneser–Ney's continuation and back-off weights are
exact; then only words seen ``MIN_WORD`` times and pairs seen ``MIN_PAIR`` times are kept. A pair
pruned away is treated as unseen (it gets the back-off estimate), which costs little: a pair seen
once has its discount subtracted and keeps only 1 − D ≈ 0.2 of a count anyway.

The full counts are kept in ``--work`` (outside the repository; default ``/work/build-usage``) so
that pruning can be re-run without counting again (``--recount`` forces a new count).

Usage (from the repository root; run it under ``nice``)::

    python benchmarks/build_usage.py [--min-pair N] [--min-word N] [--work DIR] [--recount]
"""

from __future__ import annotations

import argparse
import gzip
import lzma
import pickle
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import REPO_ROOT, eval_dir, read_pairs  # noqa: E402

CORPORA = REPO_ROOT.parent / "shared" / "corpora"
COUNTED_FILES = (
    "ruslit/ruslit.txt.gz",
    "modern/dynamics365_finops_ru.txt.gz",
    "modern/dynamics365_business_central_ru.txt.gz",
    "modern/d365_project_operations_ru.txt.gz",
    "modern/react_dev_ru.txt.gz",
)
EVALUATION_FILES = (
    "spellrueval2016/train_raw.jsonl",
    "gera/train.full.jsonl",
    "gera/dev.full.jsonl",
    "relco_nonword/nonword.jsonl",
)
HOLD_OUT = 50
SHINGLE = 6
MIN_WORD = 2
MIN_PAIR = 2
TABLE = REPO_ROOT / "src" / "pravka" / "data" / "usage-bigrams.tsv.xz"


def paragraphs(path: Path) -> Iterator[str]:
    """The texts of one corpus file: RusLit's wrapped lines joined into paragraphs, else one a line."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        if "ruslit" not in path.parts:
            yield from (line.strip() for line in handle if line.strip())
            return
        lines: list[str] = []
        for line in handle:
            starts_paragraph = not line.strip() or line.startswith(("   ", "\t")) or line.startswith("### ")
            if starts_paragraph and lines:
                yield " ".join(lines)
                lines = []
            if line.strip() and not line.startswith("### "):
                lines.append(line.strip())
        if lines:
            yield " ".join(lines)


def is_held_out(paragraph: str) -> bool:
    """Whether a corpus paragraph is kept out of the counts for the real-word evaluation set."""
    return zlib.crc32(paragraph.encode("utf-8")) % HOLD_OUT == 0


def shingles(text: str) -> set[tuple[str, ...]]:
    from pravka.lm import word_runs

    found = set()
    for run in word_runs(text):
        found.update(zip(*(run[i:] for i in range(SHINGLE)), strict=False))
    return found


def evaluation_shingles() -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for name in EVALUATION_FILES:
        for pair in read_pairs(eval_dir() / name):
            found |= shingles(pair.source) | shingles(pair.target.replace("__", ""))
    return found


def count(work: Path) -> dict:
    from pravka.lm import word_runs

    evaluated = evaluation_shingles()
    words: Counter = Counter()
    pairs: Counter = Counter()
    held_out = overlapping = counted = 0
    started = time.perf_counter()
    for name in COUNTED_FILES:
        for paragraph in paragraphs(CORPORA / name):
            if is_held_out(paragraph):
                held_out += 1
                continue
            runs = list(word_runs(paragraph))
            if any(not evaluated.isdisjoint(zip(*(run[i:] for i in range(SHINGLE)), strict=False)) for run in runs):
                overlapping += 1
                continue
            counted += 1
            for run in runs:
                words.update(run)
                pairs.update(zip(run, run[1:], strict=False))
        print(f"  {name}: {sum(words.values()):,} words so far ({time.perf_counter() - started:.0f} s)", flush=True)
    counts = {
        "words": words, "pairs": pairs, "paragraphs": counted, "held_out": held_out,
        "overlapping": overlapping, "evaluation_shingles": len(evaluated),
    }
    work.mkdir(parents=True, exist_ok=True)
    with open(work / "counts.pickle", "wb") as handle:
        pickle.dump(counts, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return counts


def write_table(counts: dict, path: Path, min_word: int, min_pair: int) -> dict:
    """Prune the full counts and write the shipped table; its format is read by ``pravka.usage``."""
    words: Counter = counts["words"]
    pairs: Counter = counts["pairs"]
    followed: Counter = Counter()
    followers: Counter = Counter()
    preceders: Counter = Counter()
    for (first, second), n in pairs.items():
        followed[first] += n
        followers[first] += 1
        preceders[second] += 1
    once = sum(1 for n in pairs.values() if n == 1)
    twice = sum(1 for n in pairs.values() if n == 2)
    kept_pairs = {pair: n for pair, n in pairs.items() if n >= min_pair}
    kept_words = {w for w, n in words.items() if n >= min_word} | {w for pair in kept_pairs for w in pair}
    vocabulary = sorted(kept_words, key=lambda w: (-words[w], w))
    ids = {word: i for i, word in enumerate(vocabulary, start=1)}
    meta = {
        "tokens": sum(words.values()),
        "unigrams": len(words),
        "bigrams": len(pairs),
        "discount2": min(max(once / (once + 2 * twice), 0.1), 0.9),
    }
    lines = ["#pravka-usage-table\t1"]
    lines += [f"#{key}\t{value}" for key, value in meta.items()]
    lines += [f"{w}\t{words[w]}\t{followed[w]}\t{followers[w]}\t{preceders[w]}" for w in vocabulary]
    lines.append("#pairs")
    # Sorted by first word then second, as ids: consecutive lines differ little, which xz rewards.
    for first, second, n in sorted((ids[a], ids[b], n) for (a, b), n in kept_pairs.items()):
        lines.append(f"{first}\t{second}\t{n}")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with lzma.open(temporary, "wt", encoding="utf-8", preset=9 | lzma.PRESET_EXTREME) as handle:
        handle.write("\n".join(lines) + "\n")
    temporary.replace(path)
    return {**meta, "kept_words": len(vocabulary), "kept_pairs": len(kept_pairs), "bytes": path.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/work/build-usage"))
    parser.add_argument("--min-word", type=int, default=MIN_WORD)
    parser.add_argument("--min-pair", type=int, default=MIN_PAIR)
    parser.add_argument("--out", type=Path, default=TABLE)
    parser.add_argument("--recount", action="store_true")
    args = parser.parse_args(argv)
    saved = args.work / "counts.pickle"
    if saved.is_file() and not args.recount:
        with open(saved, "rb") as handle:
            counts = pickle.load(handle)
    else:
        counts = count(args.work)
    print(f"counted {counts['paragraphs']:,} paragraphs; held out {counts['held_out']:,} for the real-word set; "
          f"left out {counts['overlapping']:,} sharing a {SHINGLE}-word run with an evaluation sentence "
          f"({counts['evaluation_shingles']:,} runs)")
    figures = write_table(counts, args.out, args.min_word, args.min_pair)
    print(f"{figures['tokens']:,} words, {figures['unigrams']:,} distinct words, {figures['bigrams']:,} distinct pairs; "
          f"kept {figures['kept_words']:,} words (seen ≥ {args.min_word}) and {figures['kept_pairs']:,} pairs "
          f"(seen ≥ {args.min_pair}); {args.out}: {figures['bytes'] / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
