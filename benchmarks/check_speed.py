"""Checking speed against ``hunspell -l`` and ``aspell list``, in the same run, on clean essays.

The text is the corrected side of GERA train and dev (school essays), its tokenized punctuation glued
back, written once to a temporary file of about ``--size`` characters (sentences repeated as needed).
``--text literature`` takes instead about ``--size`` characters of ``shared/corpora/ruslit`` (public-
domain novels and stories) read straight on, nothing repeated: a long text's vocabulary, where most
distinct words are met once and every first look-up is paid (the essays repeat past their 0.8 MB, so
their later rounds read warm caches). Each checker reads the same file in a fresh process on one CPU:

* ``pravka check`` — ``Corrector().check`` over the file's lines, resources loaded before timing;
* ``hunspell -l -d ru_RU`` and ``aspell list -l ru`` — the misspelled-word list mode, the fastest
  mode either has (they only flag, never suggest), timed from start to end including their start-up.

Tokens are whitespace-separated tokens; the table gives tokens per second and the ratio of pravka's
figure to each peer's, and the load average before and after: on a shared machine other jobs slow
every checker, so only ratios measured in one run compare. A peer that is not installed (``apt-get install hunspell hunspell-ru aspell
aspell-ru``) is left out.

Usage: ``python benchmarks/check_speed.py [--size 2000000] [--repeat 3] [--text essays|literature]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import essay_text, literature_text  # noqa: E402
from benchmarks.speed import single_thread_env  # noqa: E402

PRAVKA_WORKER = """
import sys, time
from pravka import Corrector
corrector = Corrector()
corrector.check("тест")
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
started = time.perf_counter()
for line in lines:
    corrector.check(line)
print(time.perf_counter() - started)
"""
PEERS = {
    "hunspell -l": ["hunspell", "-l", "-d", "ru_RU", "-i", "utf-8"],
    "aspell list": ["aspell", "list", "-l", "ru", "--encoding=utf-8"],
}


def pinned(command: list[str]) -> list[str]:
    return ["taskset", "-c", "0", *command] if shutil.which("taskset") else command


def time_pravka(path: str) -> float:
    result = subprocess.run(pinned([sys.executable, "-c", PRAVKA_WORKER, path]), capture_output=True, text=True, check=True, env=single_thread_env())
    return float(result.stdout.strip().splitlines()[-1])


def time_peer(command: list[str], path: str) -> float:
    with open(path, "rb") as handle:
        started = time.perf_counter()
        subprocess.run(pinned(command), stdin=handle, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2_000_000, help="characters of text")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--text", choices=("essays", "literature"), default="essays")
    args = parser.parse_args()
    text = essay_text(args.size) if args.text == "essays" else literature_text(args.size)
    tokens = len(text.split())
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(text)
        path = handle.name
    load_before = os.getloadavg()[0]
    try:
        figures = {"pravka check": tokens / min(time_pravka(path) for _ in range(args.repeat))}
        for name, command in PEERS.items():
            if shutil.which(command[0]):
                figures[name] = tokens / min(time_peer(command, path) for _ in range(args.repeat))
    finally:
        os.unlink(path)
    what = "clean essays (GERA targets)" if args.text == "essays" else "RusLit prose, nothing repeated"
    print(f"{tokens:,} whitespace tokens of {what}, one CPU, best of {args.repeat}")
    print(f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after\n")
    print("| checker | tokens/s | pravka ÷ it |\n|---|---:|---:|")
    for name, speed in figures.items():
        print(f"| {name} | {speed:,.0f} | {figures['pravka check'] / speed:.2f}× |")


if __name__ == "__main__":
    main()
