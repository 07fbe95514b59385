"""Speed and memory of pravka, one core, one process.

Every measurement runs in a fresh worker subprocess pinned to a single CPU (``sched_setaffinity``;
``OMP_NUM_THREADS`` etc. set to 1), so suggestion caches filled by one measurement never speed up
another, and nothing else in this process is counted:

* **check on clean text** — ``Corrector().check`` over the gold (target) side of all 2000 SpellRuEval
  pairs; tokens per second, best of ``--repeat`` fresh workers.
* **fix on noisy text** — ``Corrector().fix`` over the SpellRuEval sources; tokens per second, best of
  ``--repeat`` fresh workers.
  Tokens are WHITESPACE-separated tokens (``str.split``), punctuation attached; each worker first calls
  ``check("тест")`` so that loading the dictionaries is not counted.
* **ms per unknown word** — the distinct source words (razdel tokens made of letters, optionally
  hyphenated) that ``is_known`` rejects; after a warm-up on a few made-up garbles that are not among
  them, each word is timed once with ``suggest(word)`` (fresh words, so no cache hit). Median, p95,
  p99 (nearest rank).
* **start-up** — wall time of ``python -c "from pravka import Corrector; Corrector().check('тест')"``
  in a new process, minimum of 3.
* **peak RSS** — ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` of a worker that ran ``check`` over
  every source and target of the corpus.

Usage: ``python benchmarks/speed.py [--limit N] [--repeat 3] [--json OUT]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import save_figures  # noqa: E402
from benchmarks.datasets import REPO_ROOT, load_dataset  # noqa: E402

SPEED_DATASETS = ("spellrueval-tune", "spellrueval-heldout")  # together: all 2000 SpellRuEval pairs
STARTUP_SNIPPET = "from pravka import Corrector; Corrector().check('тест')"
WARM_UP_WORDS = ("превеД", "дилла", "карова", "сабака", "малако", "ищо", "зделать", "извените", "щас", "кагда")
WORD_TOKEN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
TOKEN_UNIT = "whitespace-separated tokens (str.split)"


def corpus(limit: int | None = None, names=SPEED_DATASETS):
    pairs = []
    for name in names:
        pairs.extend(load_dataset(name))
    return pairs[:limit] if limit else pairs


def count_tokens(texts) -> int:
    return sum(len(text.split()) for text in texts)


def pin_to_one_cpu() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[-1]})
    return cpus[-1]


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), int(-(-fraction * len(sorted_values) // 1))))
    return sorted_values[rank - 1]


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def unknown_words(corrector, texts) -> list[str]:
    from razdel import tokenize as razdel_tokenize

    seen: set[str] = set()
    words = []
    for text in texts:
        for token in razdel_tokenize(text):
            word = token.text
            if not WORD_TOKEN.fullmatch(word) or word.lower() in seen:
                continue
            seen.add(word.lower())
            if not corrector.is_known(word):
                words.append(word)
    return words


# --------------------------------------------------------------------------- workers (subprocesses)


def worker(task: str, limit: int | None, names: list[str]) -> dict:
    cpu = pin_to_one_cpu()
    from pravka import Corrector

    pairs = corpus(limit, names)
    corrector = Corrector()
    corrector.check("тест")
    result: dict = {"task": task, "cpu": cpu, "pairs": len(pairs)}
    if task in ("check-clean", "fix-sources"):
        texts = [p.target for p in pairs] if task == "check-clean" else [p.source for p in pairs]
        method = corrector.check if task == "check-clean" else corrector.fix
        started = time.perf_counter()
        for text in texts:
            method(text)
        seconds = time.perf_counter() - started
        result.update(tokens=count_tokens(texts), seconds=seconds)
    elif task == "suggest":
        warm_up = [w for w in WARM_UP_WORDS if not corrector.is_known(w)]
        for word in warm_up:
            corrector.suggest(word)
        skip = {w.lower() for w in warm_up}
        words = [w for w in unknown_words(corrector, [p.source for p in pairs]) if w.lower() not in skip]
        timings = []
        for word in words:
            started = time.perf_counter_ns()
            corrector.suggest(word)
            timings.append((time.perf_counter_ns() - started) / 1e6)
        timings.sort()
        result.update(
            words=len(words),
            median_ms=statistics.median(timings) if timings else float("nan"),
            p95_ms=percentile(timings, 0.95),
            p99_ms=percentile(timings, 0.99),
            max_ms=timings[-1] if timings else float("nan"),
        )
    elif task == "rss":
        for pair in pairs:
            corrector.check(pair.source)
            corrector.check(pair.target)
        result.update(texts=2 * len(pairs))
    else:
        raise ValueError(f"unknown task {task}")
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def single_thread_env() -> dict:
    env = dict(os.environ)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        env[name] = "1"
    return env


def run_worker(task: str, limit: int | None = None, names=SPEED_DATASETS) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", task, "--names", ",".join(names)]
    if limit:
        command += ["--limit", str(limit)]
    completed = subprocess.run(
        command, capture_output=True, text=True, cwd=REPO_ROOT, env=single_thread_env(), check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(f"speed worker {task} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def best_throughput(task: str, limit: int | None, repeat: int, names=SPEED_DATASETS) -> dict:
    runs = [run_worker(task, limit, names) for _ in range(max(1, repeat))]
    best = min(runs, key=lambda run: run["seconds"])
    best = dict(best)
    best["tokens_per_second"] = best["tokens"] / best["seconds"] if best["seconds"] else float("inf")
    best["all_seconds"] = [run["seconds"] for run in runs]
    return best


def startup_seconds(tries: int = 3) -> float:
    times = []
    for _ in range(tries):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", STARTUP_SNIPPET], check=True, cwd=REPO_ROOT, env=single_thread_env(),
                       capture_output=True)
        times.append(time.perf_counter() - started)
    return min(times)


def measure(limit: int | None = None, repeat: int = 3, progress=None) -> dict:
    def note(message: str) -> None:
        if progress:
            progress(message)

    figures: dict = {"token_unit": TOKEN_UNIT}
    figures["startup_seconds"] = startup_seconds()
    note(f"start-up {figures['startup_seconds']:.2f} s")
    figures["check_clean"] = best_throughput("check-clean", limit, repeat)
    note(f"check on clean text {figures['check_clean']['tokens_per_second']:.0f} tokens/s")
    figures["fix_sources"] = best_throughput("fix-sources", limit, repeat)
    note(f"fix on sources {figures['fix_sources']['tokens_per_second']:.0f} tokens/s")
    figures["suggest"] = run_worker("suggest", limit)
    note(f"suggest median {figures['suggest']['median_ms']:.2f} ms")
    figures["rss"] = run_worker("rss", limit)
    figures["peak_rss_mb"] = figures["rss"]["peak_rss_mb"]
    note(f"peak RSS {figures['peak_rss_mb']:.0f} MB")
    return figures


def speed_table(figures: dict) -> str:
    check, fix, suggest = figures["check_clean"], figures["fix_sources"], figures["suggest"]
    rows = [
        ("check() on clean text (SpellRuEval targets)", f"{check['tokens_per_second']:,.0f} tokens/s "
         f"({check['tokens']} tokens, {check['pairs']} sentences, best of {len(check['all_seconds'])})"),
        ("fix() on noisy text (SpellRuEval sources)", f"{fix['tokens_per_second']:,.0f} tokens/s "
         f"({fix['tokens']} tokens, best of {len(fix['all_seconds'])})"),
        ("suggest() per unknown word, median / p95 / p99",
         f"{suggest['median_ms']:.2f} / {suggest['p95_ms']:.2f} / {suggest['p99_ms']:.2f} ms "
         f"({suggest['words']} distinct unknown words, max {suggest['max_ms']:.1f} ms)"),
        ("start-up (new process, import + first check), min of 3", f"{figures['startup_seconds']:.2f} s"),
        ("peak RSS after check() over all sources and targets", f"{figures['peak_rss_mb']:.0f} MB"),
    ]
    lines = ["| measure (1 core, 1 process) | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    lines.append(f"\nTokens are {figures['token_unit']}.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="first N SpellRuEval pairs (tune half first)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh workers per throughput figure (best kept)")
    parser.add_argument("--json", metavar="OUT", help="save the figures as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--names", default=",".join(SPEED_DATASETS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.limit, args.names.split(","))))
        return 0
    figures = measure(args.limit, args.repeat, progress=lambda m: print(m, file=sys.stderr, flush=True))
    print(speed_table(figures))
    if args.json:
        save_figures(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
