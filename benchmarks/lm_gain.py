"""What a word n-gram model learned with ``pravka learn`` adds to correction, and what it costs.

The learning corpus is the clean (target) side of GERA train (``gera/train.full.jsonl``, school essays)
and of ReLCo (``relco_nonword/nonword.jsonl``, learner exercises, with their ``__word__`` blank markers
removed), read in place from the shared evaluation folder and never copied into the repository. Repeated
sentences are counted once, and any sentence that is also the target of an evaluation pair (SpellRuEval
or GERA dev) is left out, so the model never saw a sentence it is scored on. It is a small corpus
(about 0.1 M words) and of other genres than SpellRuEval's LiveJournal posts: a modest setting.

Steps:

1. build the model (``NgramModel.build``): seconds, word tokens per second, distinct words and pairs,
   size on disk, and the time to load it (best of 5 fresh loads);
2. choose ``rank.context.CONTEXT_WEIGHT`` among ``WEIGHTS`` on the SpellRuEval TUNE half only (best
   fix-mode F1), next to the same half without a model;
3. with that weight, SpellRuEval HELD-OUT and GERA dev (spelling edits) with and without the model,
   scored by ``benchmarks/quality.py`` (SpellRuEval metric, fix and report modes, false alarms), and
   the time of one model lookup with empty caches;
4. build throughput at scale: the corpus written again and again to a temporary file until it holds
   ``BIG_TOKENS`` words, learned by ``python -m pravka learn`` in a subprocess (wall time, its summary
   line, peak RSS). Repeated text flatters the model: after the first copy no new words or pairs
   appear, so the file stays small and the upserts find their rows; real text of that size would give
   a far larger model and a slower build. Skipped with a note after ``BIG_TIMEOUT`` seconds.

Usage (from the repository root; run it under ``nice``)::

    python benchmarks/lm_gain.py [--order 2|3] [--no-big]
"""

from __future__ import annotations

import argparse
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import REPO_ROOT, eval_dir, load_dataset, read_pairs  # noqa: E402
from benchmarks.quality import quality_table, run_corrector, score_runs  # noqa: E402

CORPUS_FILES = ("gera/train.full.jsonl", "relco_nonword/nonword.jsonl")
EVALUATION_SETS = ("spellrueval-tune", "spellrueval-heldout", "gera-dev")
WEIGHTS = (0.5, 1.0)
BIG_TOKENS = 10_000_000
BIG_TIMEOUT = 600
LOADS = 5


def learning_corpus() -> tuple[list[str], int, int]:
    """The distinct clean sentences to learn from, how many were repeats, how many were left out."""
    evaluated = {pair.target for name in EVALUATION_SETS for pair in load_dataset(name)}
    sentences: list[str] = []
    seen: set[str] = set()
    repeats = left_out = 0
    for path in CORPUS_FILES:
        for pair in read_pairs(eval_dir() / path):
            sentence = pair.target.replace("__", "")
            if sentence in evaluated or pair.target in evaluated:
                left_out += 1
            elif sentence in seen:
                repeats += 1
            else:
                seen.add(sentence)
                sentences.append(sentence)
    return sentences, repeats, left_out


def evaluate(name: str, dataset: str, model_path: str | None, weight: float | None):
    """Score one data set with a Corrector that has (or lacks) the model, at the given weight."""
    import pravka.rank.context
    from pravka import Corrector

    if weight is not None:
        # Context.score reads the module constant at every call, so setting it here takes effect.
        pravka.rank.context.CONTEXT_WEIGHT = weight
    pairs = load_dataset(dataset)
    started = time.perf_counter()
    runs = run_corrector(Corrector(model=model_path), pairs)
    return score_runs(name, runs, time.perf_counter() - started)


def lookup_cost(model_path: str) -> str:
    """Time of one ``context_logprob`` on a freshly loaded model (empty caches), over the word
    triples of the held-out targets: the price the model adds per candidate of a damaged word."""
    from pravka.lm import NgramModel
    from pravka.tokenize import tokenize

    triples = []
    for pair in load_dataset("spellrueval-heldout"):
        words = [token.text.lower() for token in tokenize(pair.target) if token.kind == "word"]
        triples.extend(zip(words, [None, *words], [*words[1:], None]))
    model = NgramModel.load(model_path)
    started = time.perf_counter()
    for word, left, right in triples:
        model.context_logprob(word, left, right)
    seconds = time.perf_counter() - started
    model.close()
    return f"context_logprob, cold caches: {1e6 * seconds / len(triples):.0f} µs per call ({len(triples):,} calls)"


def big_build(sentences: list[str], tokens_per_copy: int, folder: Path, order: int) -> str:
    """Learn BIG_TOKENS words of repeated corpus with the real command; a line for the report."""
    copies = math.ceil(BIG_TOKENS / tokens_per_copy)
    text_path, model_path = folder / "repeated.txt", folder / "big.model"
    block = "\n".join(sentences) + "\n"
    with open(text_path, "w", encoding="utf-8") as handle:
        for _ in range(copies):
            handle.write(block)
    megabytes_in = text_path.stat().st_size / 1e6
    command = [sys.executable, "-m", "pravka", "learn", str(text_path), "-o", str(model_path), "--order", str(order)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=BIG_TIMEOUT, cwd=REPO_ROOT)
    except subprocess.TimeoutExpired:
        return f"skipped: {copies} copies ({megabytes_in:.0f} MB) took longer than {BIG_TIMEOUT} s"
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        return f"failed (exit {done.returncode}): {done.stderr.strip()}"
    tokens = copies * tokens_per_copy
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return (
        f"{copies} copies of the corpus (REPEATED text), {megabytes_in:.0f} MB, {tokens:,} words: "
        f"{seconds:.0f} s wall, {tokens / seconds:,.0f} words/s, peak RSS {peak:.0f} MB; "
        f"pravka learn said: {done.stdout.strip().split(': ', 1)[1]}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--order", type=int, choices=(2, 3), default=2)
    parser.add_argument("--no-big", action="store_true", help="skip the 10M-word build")
    args = parser.parse_args(argv)

    from pravka.lm import NgramModel

    sentences, repeats, left_out = learning_corpus()
    with tempfile.TemporaryDirectory(prefix="pravka-lm-") as folder:
        model_path = str(Path(folder) / "corpus.model")
        started = time.perf_counter()
        model = NgramModel.build(sentences, model_path, order=args.order)
        build_seconds = time.perf_counter() - started
        size = Path(model_path).stat().st_size / 1e6
        load_seconds = []
        for _ in range(LOADS):
            started = time.perf_counter()
            NgramModel.load(model_path).close()
            load_seconds.append(time.perf_counter() - started)
        print(f"## Learning corpus: GERA train + ReLCo targets, {len(sentences)} distinct sentences "
              f"({repeats} repeats dropped, {left_out} that are evaluation targets left out)\n")
        print(f"order {args.order}: {model.tokens:,} words, {model.unigrams:,} distinct words, "
              f"{model.bigrams:,} distinct pairs" + (f", {model.trigrams:,} triples" if args.order == 3 else ""))
        print(f"build {build_seconds:.2f} s ({model.tokens / build_seconds:,.0f} words/s), "
              f"{size:.1f} MB on disk, load {1000 * min(load_seconds):.1f} ms (best of {LOADS})\n")
        tokens_per_copy = model.tokens
        model.close()

        tune = [evaluate("TUNE, no model", "spellrueval-tune", None, None)]
        tune += [evaluate(f"TUNE, model, weight {w}", "spellrueval-tune", model_path, w) for w in WEIGHTS]
        best = max(range(len(WEIGHTS)), key=lambda i: tune[i + 1].fix.f1 or 0.0)
        weight = WEIGHTS[best]
        print("## CONTEXT_WEIGHT on the SpellRuEval TUNE half (P / R / F1 in %)\n")
        print(quality_table(tune))
        verdict = "better" if (tune[best + 1].fix.f1 or 0) > (tune[0].fix.f1 or 0) else "NOT better"
        f1s = ", ".join(f"{w}: {100 * (r.fix.f1 or 0):.2f}" for w, r in zip(WEIGHTS, tune[1:]))
        print(f"\nchosen weight: {weight} (best fix F1 on TUNE, {f1s}, first on a tie; "
              f"{verdict} than no model's {100 * (tune[0].fix.f1 or 0):.2f})\n")

        quoted = []
        for dataset, title in (("spellrueval-heldout", "SpellRuEval held-out"), ("gera-dev", "GERA dev, spelling")):
            quoted.append(evaluate(f"{title}, no model", dataset, None, None))
            quoted.append(evaluate(f"{title}, model w={weight}", dataset, model_path, weight))
        print("## Held-out data, with and without the model (P / R / F1 in %)\n")
        print(quality_table(quoted))
        print(f"\n{lookup_cost(model_path)}\n")

        print("## Build throughput on ~10M words\n")
        if args.no_big:
            print("skipped (--no-big)")
        else:
            print(big_build(sentences, tokens_per_copy, Path(folder), args.order))
    return 0


if __name__ == "__main__":
    sys.exit(main())
