"""What the word n-gram models add to correction, and what they cost.

Two models are measured:

* the **usage model** shipped with pravka (``pravka.usage``: word pairs of 7.8M words of literature
  and software documentation, see ``benchmarks/build_usage.py``), which every Corrector uses unless
  told ``usage_model=False``;
* a model learned with ``pravka learn`` from the clean (target) side of GERA train
  (``gera/train.full.jsonl``, school essays) and of ReLCo (``relco_nonword/nonword.jsonl``, learner
  exercises, with their ``__word__`` blank markers removed), read in place from the shared evaluation
  folder and never copied into the repository, *interpolated* with the usage model (a user's own corpus
  adapts the general one). Repeated sentences are counted once, and any sentence that is also the
  target of an evaluation pair (SpellRuEval or GERA dev) is left out, so the model never saw a
  sentence it is scored on. It is a small corpus (about 0.1 M words).

Steps:

1. the usage model: the shipped table's size, compiling it into a fresh cache folder, opening it (best
   of 5), and the time of one look-up with empty caches;
2. build the learned model (``NgramModel.build``): seconds, words per second, distinct words and pairs,
   size on disk, load time;
3. choose ``rank.context.CONTEXT_WEIGHT`` among ``WEIGHTS`` on the SpellRuEval TUNE half only (best
   fix-mode F1) with the usage model, next to the same half without any model;
4. with that weight, SpellRuEval HELD-OUT and GERA dev (spelling edits) without a model and without
   the real-word ``confusion`` detector (pravka before the usage model), with the usage model but
   without that detector, with both (the default), and with the learned model mixed in, scored by ``benchmarks/quality.py`` (SpellRuEval
   metric, fix and report modes, false alarms);
5. build throughput at scale (``--big``): the corpus written again and again to a temporary file until
   it holds ``BIG_TOKENS`` words, learned by ``python -m pravka learn`` in a subprocess (wall time, its
   summary line, peak RSS). Repeated text flatters the model: after the first copy no new words or
   pairs appear. Skipped with a note after ``BIG_TIMEOUT`` seconds.

Usage (from the repository root; run it under ``nice``)::

    python benchmarks/lm_gain.py [--order 2|3] [--big]
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
WEIGHTS = (0.5, 0.25, 1.0)  # the current default first: a tie keeps it
USER_WEIGHTS = (0.8, 0.5)  # the current default first
# A setting replaces the default only when it beats it by more than this fix F1 (about 4 edits of the
# tune half's 1,400): smaller differences are noise, and the defaults carry reasons of their own.
DEFAULT_MARGIN = 0.003
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


def evaluate(name: str, dataset: str, model_path: str | None, weight: float | None, usage: bool = True,
             confusion: bool = True):
    """Score one data set with a Corrector that has (or lacks) the models, at the given weight, with or
    without the real-word ``confusion`` detector (which the usage model's context confirms)."""
    import pravka.detect
    import pravka.rank.context
    from pravka import Corrector

    if weight is not None:
        # Context.score reads the module constant at every call, so setting it here takes effect.
        pravka.rank.context.CONTEXT_WEIGHT = weight
    units = tuple(d for d in pravka.detect.DETECTORS if confusion or d.name != "confusion")
    pravka.detect.run_detectors.__defaults__ = (units,)  # the Corrector runs the default list
    pairs = load_dataset(dataset)
    started = time.perf_counter()
    try:
        runs = run_corrector(Corrector(model=model_path, usage_model=usage), pairs)
    finally:
        pravka.detect.run_detectors.__defaults__ = (pravka.detect.DETECTORS,)
    return score_runs(name, runs, time.perf_counter() - started)


def usage_model_costs() -> list[str]:
    """Size of the shipped table, its compilation into an empty cache, and the time to open it."""
    import os

    from pravka import usage
    from pravka.lm import NgramModel

    lines = [f"shipped table {usage.TABLE}: {len(usage.table_file().read_bytes()) / 1e6:.2f} MB"]
    with tempfile.TemporaryDirectory(prefix="pravka-usage-") as folder:
        path = Path(folder) / "usage.model"
        started = time.perf_counter()
        model = usage.compile_table(path)
        lines.append(f"compiled into the cache in {time.perf_counter() - started:.1f} s: {model.unigrams:,} distinct words "
                     f"and {model.bigrams:,} distinct pairs counted in {model.tokens:,} words; "
                     f"{os.path.getsize(path) / 1e6:.1f} MB on disk")
        model.close()
        loads = []
        for _ in range(LOADS):
            started = time.perf_counter()
            NgramModel.load(path).close()
            loads.append(time.perf_counter() - started)
        lines.append(f"open: {1000 * min(loads):.1f} ms (best of {LOADS})")
        lines.append(lookup_cost(str(path)))
    return lines


def lookup_cost(model_path: str) -> str:
    """Time of one ``context_logprob`` on a freshly loaded model (empty caches), over the word
    triples of the held-out targets: the price the model adds per candidate of a damaged word."""
    from pravka.lm import NgramModel
    from pravka.tokenize import tokenize

    triples = []
    for pair in load_dataset("spellrueval-heldout"):
        words = [token.text.lower() for token in tokenize(pair.target) if token.kind == "word"]
        triples.extend(zip(words, [None, *words[:-1]], [*words[1:], None], strict=True))
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
    parser.add_argument("--big", action="store_true", help="also time a 10M-word build")
    args = parser.parse_args(argv)

    from pravka.lm import NgramModel

    print("## The usage model\n")
    print("\n".join(f"- {line}" for line in usage_model_costs()) + "\n")

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
        print(f"## Learned model: GERA train + ReLCo targets, {len(sentences)} distinct sentences "
              f"({repeats} repeats dropped, {left_out} that are evaluation targets left out)\n")
        print(f"order {args.order}: {model.tokens:,} words, {model.unigrams:,} distinct words, "
              f"{model.bigrams:,} distinct pairs" + (f", {model.trigrams:,} triples" if args.order == 3 else ""))
        print(f"build {build_seconds:.2f} s ({model.tokens / build_seconds:,.0f} words/s), "
              f"{size:.1f} MB on disk, load {1000 * min(load_seconds):.1f} ms (best of {LOADS})\n")
        tokens_per_copy = model.tokens
        model.close()

        tune = [evaluate("TUNE, no model, no confusion detector", "spellrueval-tune", None, None, usage=False, confusion=False)]
        tune += [evaluate(f"TUNE, usage model, weight {w}", "spellrueval-tune", None, w) for w in WEIGHTS]
        best = max(range(len(WEIGHTS)), key=lambda i: (tune[i + 1].fix.f1 or 0.0) - (DEFAULT_MARGIN if i else 0.0))
        weight = WEIGHTS[best]
        print("## CONTEXT_WEIGHT on the SpellRuEval TUNE half (P / R / F1 in %)\n")
        print(quality_table(tune))
        verdict = "better" if (tune[best + 1].fix.f1 or 0) > (tune[0].fix.f1 or 0) else "NOT better"
        f1s = ", ".join(f"{w}: {100 * (r.fix.f1 or 0):.2f}" for w, r in zip(WEIGHTS, tune[1:], strict=True))
        print(f"\nchosen weight: {weight} (best fix F1 on TUNE, {f1s}, the default unless another is {100 * DEFAULT_MARGIN:.1f} points better; "
              f"{verdict} than no model's {100 * (tune[0].fix.f1 or 0):.2f})\n")

        from pravka import corrector, usage

        mixtures = []
        for user_weight in USER_WEIGHTS:
            usage.USER_WEIGHT = user_weight
            corrector._shared_context.cache_clear()  # the mixture is built once per process
            mixtures.append(evaluate(f"TUNE, usage + learned, λ {user_weight}", "spellrueval-tune", model_path, weight))
        usage.USER_WEIGHT = USER_WEIGHTS[
            max(range(len(USER_WEIGHTS)), key=lambda i: (mixtures[i].fix.f1 or 0.0) - (DEFAULT_MARGIN if i else 0.0))
        ]
        corrector._shared_context.cache_clear()
        print("## The learned model's share λ in the mixture, on the SpellRuEval TUNE half\n")
        print(quality_table(mixtures))
        print(f"\nchosen λ: {usage.USER_WEIGHT} (the default unless another is {100 * DEFAULT_MARGIN:.1f} points better)\n")

        quoted = []
        for dataset, title in (("spellrueval-heldout", "SpellRuEval held-out"), ("gera-dev", "GERA dev, spelling")):
            quoted.append(evaluate(f"{title}, no model, no confusion detector", dataset, None, None, usage=False, confusion=False))
            quoted.append(evaluate(f"{title}, usage model w={weight}, no confusion detector", dataset, None, weight, confusion=False))
            quoted.append(evaluate(f"{title}, usage model w={weight} (the default)", dataset, None, weight))
            quoted.append(evaluate(f"{title}, usage + learned w={weight}", dataset, model_path, weight))
        print("## Held-out data, without a model, with the usage model, with a learned model mixed in (P / R / F1 in %)\n")
        print(quality_table(quoted))
        print(f"\nlearned model alone: {lookup_cost(model_path)}\n")

        if args.big:
            print("## Build throughput on ~10M words\n")
            print(big_build(sentences, tokens_per_copy, Path(folder), args.order))
    return 0


if __name__ == "__main__":
    sys.exit(main())
