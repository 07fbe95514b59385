"""Evaluation data sets for the benchmarks, read in place from ``../shared/eval``.

Nothing is copied into the repository: every loader reads the shared JSONL files
(``{"source": ..., "target": ...}`` per line). The directory is ``$PRAVKA_EVAL_DIR`` when that is set,
else ``shared/eval`` beside the repository checkout (``<repo>/../shared/eval``).

SpellRuEval-2016's 2000 training pairs are split deterministically by line index: even lines
(0, 2, 4, ...) are the TUNE half, used to calibrate thresholds; odd lines are the HELD-OUT half, the
one to quote. Use :func:`load_split` (``"tune"`` / ``"heldout"``) from any code that needs the split.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def eval_dir() -> Path:
    configured = os.environ.get("PRAVKA_EVAL_DIR")
    if configured:
        return Path(configured)
    return REPO_ROOT.parent / "shared" / "eval"


@dataclass(frozen=True, slots=True)
class Pair:
    source: str
    target: str


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    name: str
    path: str  # relative to eval_dir()
    title: str  # short human title for tables
    parity: int | None = None  # keep only lines whose index % 2 == parity (SpellRuEval halves)


SPELLRUEVAL_FILE = "spellrueval2016/train_raw.jsonl"
MED_KINDS = ("wrong_char", "missing_char", "extra_char", "shuffled_char", "missing_space", "extra_space")

DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec
    for spec in [
        DatasetSpec("spellrueval-heldout", SPELLRUEVAL_FILE, "SpellRuEval held-out (odd lines)", parity=1),
        DatasetSpec("spellrueval-tune", SPELLRUEVAL_FILE, "SpellRuEval tune (even lines)", parity=0),
        DatasetSpec("gera-dev", "gera/dev.spell_only.jsonl", "GERA dev, spelling edits"),
        DatasetSpec("gera-train", "gera/train.spell_only.jsonl", "GERA train, spelling edits"),
        DatasetSpec("relco", "relco_nonword/nonword.jsonl", "ReLCo non-word (L2 learners)"),
        DatasetSpec(
            "med-missing_space-tune", "medspellchecker_synthetic/missing_space.jsonl",
            "Med synthetic missing_space tune (even lines)", parity=0,
        ),
        DatasetSpec(
            "med-missing_space-heldout", "medspellchecker_synthetic/missing_space.jsonl",
            "Med synthetic missing_space held-out (odd lines)", parity=1,
        ),
        *[
            DatasetSpec(f"med-{kind}", f"medspellchecker_synthetic/{kind}.jsonl", f"Med synthetic {kind}")
            for kind in MED_KINDS
        ],
    ]
}

SPLITS = {"tune": "spellrueval-tune", "heldout": "spellrueval-heldout", "held-out": "spellrueval-heldout"}


def read_pairs(path: Path) -> list[Pair]:
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                pairs.append(Pair(record["source"], record["target"]))
    return pairs


def load_dataset(name: str, limit: int | None = None) -> list[Pair]:
    """The pairs of one named data set (see ``DATASETS``), optionally only the first ``limit``."""
    try:
        spec = DATASETS[name]
    except KeyError:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}") from None
    pairs = read_pairs(eval_dir() / spec.path)
    if spec.parity is not None:
        pairs = [pair for index, pair in enumerate(pairs) if index % 2 == spec.parity]
    if limit is not None:
        pairs = pairs[:limit]
    return pairs


def load_split(name: str, limit: int | None = None) -> list[Pair]:
    """SpellRuEval-2016 train half: ``"tune"`` (even line indexes) or ``"heldout"`` (odd ones)."""
    try:
        dataset = SPLITS[name]
    except KeyError:
        raise KeyError(f"unknown split {name!r}; use 'tune' or 'heldout'") from None
    return load_dataset(dataset, limit)


def available() -> bool:
    return (eval_dir() / SPELLRUEVAL_FILE).is_file()


SPACED_MARK = re.compile(r" +([,.;:!?])")


def literature_text(size: int) -> str:
    """The first ``size`` characters of ``shared/corpora/ruslit`` (public-domain literature, its lines
    as they are), cut after the last whole line."""
    import gzip

    path = REPO_ROOT.parent / "shared" / "corpora" / "ruslit" / "ruslit.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read(size)
    return text[: text.rfind("\n") + 1]


def essay_text(size: int, names: tuple[str, ...] = ("gera-train", "gera-dev")) -> str:
    """About ``size`` characters of clean punctuated prose: the corrected side of GERA (school essays),
    its tokenized marks glued back (GERA's M2 text comes tokenized), sentences repeated as needed, one a
    line."""
    sentences = [SPACED_MARK.sub(r"\1", pair.target) for name in names for pair in load_dataset(name)]
    lines, total = [], 0
    while total < size:
        for sentence in sentences:
            lines.append(sentence)
            total += len(sentence) + 1
            if total >= size:
                break
    return "\n".join(lines) + "\n"
