"""Pre-tokenized against detokenized text: checking must stay linear in the number of findings.

Text from pre-tokenizing pipelines has a space before every comma and period («слово , другое .»), so
every mark is a punctuation finding: a chunk of 1 MB holds tens of thousands of them. When overlap
resolution compared each finding with all those taken before (issue 9), such text was 5–7× slower to
check than the same words detokenized. This script builds both versions from the corrected side of GERA train (school essays, punctuated, which
SpellRuEval is not; its tokenized marks are glued back first), repeated to ``--size`` characters, and times ``Corrector.check`` on
each.

Usage: ``python benchmarks/pretokenized.py [--size 1000000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import essay_text  # noqa: E402
from pravka import Corrector  # noqa: E402

GLUED_MARK = re.compile(r"(?<=\w)([,.;:!?])")


def build(size: int) -> tuple[str, str]:
    detokenized = essay_text(size, ("gera-train",))
    return detokenized, GLUED_MARK.sub(r" \1", detokenized)


def best_time(corrector: Corrector, text: str, repeat: int) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = len(corrector.check(text))
        best = min(best, time.perf_counter() - started)
    return best, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of text")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    detokenized, pretokenized = build(args.size)
    corrector = Corrector()
    corrector.check(detokenized[:10_000])  # load the resources outside the timing
    plain, plain_found = best_time(corrector, detokenized, args.repeat)
    spaced, spaced_found = best_time(corrector, pretokenized, args.repeat)
    print(f"detokenized:  {len(detokenized):,} characters, {plain_found:,} findings, {plain:.2f} s")
    print(f"pre-tokenized: {len(pretokenized):,} characters, {spaced_found:,} findings, {spaced:.2f} s")
    print(f"pre-tokenized / detokenized time: {spaced / plain:.2f}×")


if __name__ == "__main__":
    main()
