"""Per-kind detection quality on synthetic damage (``garble.py``) over clean SpellRuEval sentences.

For every kind, ``--per-kind`` clean sentences (default 200) each get one known damage, and pravka's
``Corrector().check`` runs on the garbled text. The clean sentences are the gold ``target`` side of
SpellRuEval-2016 (both halves: no threshold is tuned here), read in place and never copied.

Columns (each a share of the kind's damaged sentences unless said otherwise):

* ``recall`` — a finding of the expected kind overlaps the damaged span (``typo`` expects ``nonword``);
* ``any kind`` — some finding, of any kind, overlaps the damaged span;
* ``first right`` — the earliest finding of the expected kind overlapping the damage, with its first
  suggestion applied, gives exactly the repaired text (span-agnostic: a detector may choose a wider or
  narrower span than the generator, as long as the result is the same);
* ``fixed`` — the same, but only when that suggestion is sure enough to be applied (``fix`` is set);
* ``precision`` — of all findings of the expected kind in all garbled sentences (every kind's set), the
  share that overlaps its sentence's damage;
* ``false alarms`` — findings of the expected kind per 1,000 words on the clean sentences themselves.

Usage: ``python benchmarks/kinds.py [--per-kind 200] [--seed 0] [--kinds punctuation,repeat]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import SPELLRUEVAL_FILE, eval_dir, read_pairs  # noqa: E402
from benchmarks.garble import KINDS, Damage, sample  # noqa: E402
from pravka import Corrector  # noqa: E402
from pravka.apply import apply_fixes  # noqa: E402
from pravka.tokenize import tokenize  # noqa: E402

EXPECTED_KIND = {"typo": "nonword"}


@dataclass
class Row:
    kind: str
    finding_kind: str
    damaged: int = 0
    found: int = 0
    found_any: int = 0
    first_right: int = 0
    fixed_right: int = 0


def expected_kind(damage_kind: str) -> str:
    return EXPECTED_KIND.get(damage_kind, damage_kind)


def fold_yo(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def overlaps(finding, damage: Damage) -> bool:
    return finding.start < damage.end and damage.start < finding.end


def score_damage(row: Row, damage: Damage, findings) -> None:
    row.damaged += 1
    hits = [f for f in findings if overlaps(f, damage)]
    row.found_any += bool(hits)
    right_kind = [f for f in hits if f.kind == row.finding_kind]
    if not right_kind:
        return
    row.found += 1
    first = right_kind[0]
    applied = replace(first, fix=first.suggestions[0].text) if first.suggestions else first
    # ё and е are one letter to pravka (and to the SpellRuEval metric): «отчёт» repairs «отчет».
    if fold_yo(apply_fixes(damage.text, [applied])) == fold_yo(damage.repaired()):
        row.first_right += 1
        row.fixed_right += first.fix is not None


def clean_sentences() -> list[str]:
    return [pair.target for pair in read_pairs(eval_dir() / SPELLRUEVAL_FILE) if pair.target.strip()]


def run(per_kind: int, seed: int, kinds: tuple[str, ...]):
    corrector = Corrector()
    sentences = clean_sentences()
    rows = {kind: Row(kind, expected_kind(kind)) for kind in kinds}
    flagged = Counter()  # findings per kind in garbled text
    flagged_on_damage = Counter()  # ... of which overlap the damage
    originals: set[str] = set()
    for kind in kinds:
        for damage in sample(sentences, kind, per_kind, seed):
            findings = corrector.check(damage.text)
            score_damage(rows[kind], damage, findings)
            for finding in findings:
                flagged[finding.kind] += 1
                flagged_on_damage[finding.kind] += overlaps(finding, damage)
            originals.add(damage.original)
    false_alarms = Counter()
    words = 0
    for sentence in sorted(originals):
        words += sum(token.kind == "word" for token in tokenize(sentence))
        false_alarms.update(finding.kind for finding in corrector.check(sentence))
    return rows, flagged, flagged_on_damage, false_alarms, words


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "—"


def table(rows, flagged, flagged_on_damage, false_alarms, words) -> str:
    lines = [
        "| kind | finding kind | n | recall % | any kind % | first right % | fixed % | precision % "
        "| false alarms / 1k words |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows.values():
        k = row.finding_kind
        lines.append(
            f"| {row.kind} | {k} | {row.damaged} | {percent(row.found, row.damaged)} | "
            f"{percent(row.found_any, row.damaged)} | {percent(row.first_right, row.damaged)} | "
            f"{percent(row.fixed_right, row.damaged)} | {percent(flagged_on_damage[k], flagged[k])} | "
            f"{1000 * false_alarms[k] / words:.2f} |"
        )
    total = sum(false_alarms.values())
    by_kind = ", ".join(f"{kind} {count}" for kind, count in false_alarms.most_common())
    lines.append("")
    rate = 1000 * total / words
    lines.append(f"Clean sentences: {words} words; all findings {total} ({rate:.2f} per 1k words): {by_kind or 'none'}.")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated subset of: " + ", ".join(KINDS))
    args = parser.parse_args(argv)
    kinds = tuple(kind.strip() for kind in args.kinds.split(",") if kind.strip())
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        parser.error(f"unknown kinds: {', '.join(unknown)}")
    started = time.perf_counter()
    results = run(args.per_kind, args.seed, kinds)
    print(table(*results))
    print(f"\n{args.per_kind} per kind, seed {args.seed}, {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
