"""How ``pravka fix --jobs N`` and ``pravka check --jobs N`` scale from one worker process to two.

    python benchmarks/jobs_scaling.py                       # 20,000 noisy lines, 2 MB of novels
    python benchmarks/jobs_scaling.py --lines 10000 --jobs 1 2 --repeat 3

What is run is the command a user runs, in a fresh process each time, on a file written once:

* ``fix`` on noisy text: the sources of SpellRuEval cycled to ``--lines`` lines, every copy after the
  first with fresh typos (``datasets.noisy_texts``, the corpus of ``dask_scaling.py``), so that no
  per-word cache turns repeats into free hits; every line holds damage, so every line is analysed;
* ``check`` on clean text: ``--size`` characters of public-domain novels read straight on
  (``datasets.literature_text``, ``check_speed.py --text literature``): a long text whose vocabulary
  does not repeat, so each worker pays the first look-ups of its own words only. (The essays repeat
  their sentences past 0.8 MB: there every worker pays again what one process would find in its caches,
  which measures the corpus, not the workers.)

``--jobs 1`` is one process; ``--jobs N`` (N > 1) hands the input's chunks of whole lines to N worker
processes, each with its own Corrector. Each run is timed from start to exit, start-up included, since
that is what a user waits for. The outputs of every worker count must be byte-identical, or the run fails. CPU seconds are the
processes' own and their workers' (``RUSAGE_CHILDREN``): well below N × wall time means the machine was busy
with something else and the speed-up understates what the cores can do. The best of ``--repeat`` runs
is kept. A first, untimed run compiles the word tables if pravka's code changed since the last one.

Tokens are whitespace-separated tokens (``str.split``).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import literature_text, noisy_texts  # noqa: E402

PRAVKA = [sys.executable, "-m", "pravka"]


def timed(command: list[str]) -> tuple[float, float, bytes]:
    """(wall seconds, CPU seconds of the process and its children, stdout) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # run outside any project, so that no [tool.pravka] settings of the current folder apply
    result = subprocess.run(
        command, stdin=subprocess.DEVNULL, capture_output=True, check=False, cwd=tempfile.gettempdir()
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):  # 1: check reported findings
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout


def run(command: list[str], repeat: int) -> tuple[float, float, bytes]:
    """The fastest of ``repeat`` runs: (wall, CPU, stdout); every run's stdout must be the same."""
    runs = [timed(command) for _ in range(repeat)]
    if len({output for _, _, output in runs}) != 1:
        raise SystemExit(f"{' '.join(command)} gave different outputs on repeated runs")
    return min(runs, key=lambda item: item[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=20_000, help="noisy lines for fix (default 20000)")
    parser.add_argument("--size", type=int, default=2_000_000, help="characters of literature for check")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to try")
    parser.add_argument("--repeat", type=int, default=2, help="runs per worker count; the fastest is kept")
    args = parser.parse_args(argv)

    noisy, origin = noisy_texts(args.lines)
    clean = literature_text(args.size)
    with tempfile.TemporaryDirectory() as folder:
        noisy_path, clean_path = Path(folder) / "noisy.txt", Path(folder) / "literature.txt"
        noisy_path.write_text("\n".join(noisy) + "\n", encoding="utf-8")
        clean_path.write_text(clean, encoding="utf-8")
        jobs_runs = {
            "fix": (noisy_path, sum(len(line.split()) for line in noisy)),
            "check": (clean_path, len(clean.split())),
        }
        # A first run after a change of pravka's code compiles its word tables (about a minute): not timed.
        timed([*PRAVKA, "check", str(clean_path), "--only", "homoglyph"])
        print(f"fix: {len(noisy)} noisy lines from {origin}; check: {len(clean):,} characters of literature")
        print(f"{'command':<10}{'jobs':>5}{'wall s':>9}{'cpu s':>8}{'tokens/s':>11}{'speed-up':>10}")
        for name, (path, tokens) in jobs_runs.items():
            reference_wall = None
            reference_output = None
            for jobs in args.jobs:
                wall, cpu, output = run([*PRAVKA, name, str(path), "--jobs", str(jobs)], args.repeat)
                if reference_output is None:
                    reference_wall, reference_output = wall, output
                elif output != reference_output:
                    print(
                        f"ERROR: {name} --jobs {jobs} printed other output than --jobs {args.jobs[0]}", file=sys.stderr
                    )
                    return 1
                print(
                    f"{name:<10}{jobs:>5}{wall:>9.2f}{cpu:>8.2f}{tokens / wall:>11,.0f}{reference_wall / wall:>9.2f}x"
                )
    print(
        "wall s: start to exit, start-up included. cpu s: the command's processes together. speed-up: wall\n"
        "time against the first worker count. Outputs of every worker count are byte-identical."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
