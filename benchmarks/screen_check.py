"""The screen must not change what pravka finds: findings with screening against the whole text analysed.

For every source and target sentence of the evaluation sets, for texts of 25 of those sentences
joined by line breaks (so that blocks, context lines and offsets are exercised), and for the same 25
joined by spaces and hard-wrapped (line breaks inside sentences, which units read across: one at
most, ``Document.reach``), ``Corrector.raw_findings``
(which analyses only the lines ``detect.screen`` flags) is compared with the detectors run over one
``Document`` of the whole text. Any difference is printed; the exit status is 1 when there is one.
It also prints the share of lines the screen let through unanalysed.

Usage: ``python benchmarks/screen_check.py [--dataset NAME ...] [--limit N]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import load_dataset  # noqa: E402
from pravka import Corrector  # noqa: E402
from pravka.detect import DETECTORS, Document, run_detectors  # noqa: E402
from pravka.detect.screen import shared_screen  # noqa: E402
from pravka.tokenize import tokenize  # noqa: E402

DEFAULT_SETS = ("spellrueval-tune", "spellrueval-heldout", "gera-train", "gera-dev", "relco")
JOINED = 25
WRAP_WIDTH = 40  # short lines, so that a sentence spans several


def hard_wrapped(text: str, width: int = WRAP_WIDTH) -> str:
    """``text`` with the first space between two words past each ``width`` characters of a line made a
    line break (offsets stay as they were)."""
    characters, column = list(text), 0
    for at, character in enumerate(text):
        if character == " " and column >= width and text[at - 1 : at].isalnum() and text[at + 1 : at + 2].isalpha():
            characters[at], column = "\n", 0
        else:
            column = 0 if character == "\n" else column + 1
    return "".join(characters)



def unscreened(corrector: Corrector, text: str):
    document = Document(text, tokenize(text), corrector.lexicon, corrector.suggest, corrector.report_threshold, corrector._context)
    return run_detectors(document)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", action="append", help="repeatable; default: " + ", ".join(DEFAULT_SETS))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    corrector = Corrector()
    screen = shared_screen(DETECTORS, corrector.lexicon)
    texts: list[str] = []
    for name in args.dataset or DEFAULT_SETS:
        pairs = load_dataset(name, args.limit)
        sentences = [p.source for p in pairs] + [p.target for p in pairs]
        texts += sentences
        texts += ["\n".join(sentences[i : i + JOINED]) for i in range(0, len(sentences), JOINED)]
        texts += [hard_wrapped(" ".join(sentences[i : i + JOINED])) for i in range(0, len(sentences), JOINED)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(Path("samples").glob("*.txt"))]
    differing = lines = skipped = 0
    for text in texts:
        expected = [(f.start, f.end, f.kind, f.suggestions[:1]) for f in unscreened(corrector, text)]
        got = [(f.start, f.end, f.kind, f.suggestions[:1]) for f in corrector._detect(text)]
        if got != expected:
            differing += 1
            print(f"DIFFERENT: {text[:120]!r}\n  whole text: {expected}\n  screened:   {got}")
        blocks = screen.blocks(text)
        text_lines = text.count("\n") + 1
        lines += text_lines
        skipped += text_lines - sum(text[start:end].count("\n") + (not text[start:end].endswith("\n")) for start, end in blocks)
    print(f"{len(texts)} texts, {differing} with different findings; the screen skipped {skipped} of {lines} lines ({100 * skipped / lines:.0f}%)")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
