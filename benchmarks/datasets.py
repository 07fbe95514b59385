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
import random
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
            "med-missing_space-tune",
            "medspellchecker_synthetic/missing_space.jsonl",
            "Med synthetic missing_space tune (even lines)",
            parity=0,
        ),
        DatasetSpec(
            "med-missing_space-heldout",
            "medspellchecker_synthetic/missing_space.jsonl",
            "Med synthetic missing_space held-out (odd lines)",
            parity=1,
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


# Noisy text for the scaling benchmarks (``dask_scaling.py``, ``jobs_scaling.py``): SpellRuEval's sources,
# every copy after the first with fresh typos, so that no per-word cache turns repeats into free hits.
DEFAULT_NOISY_SOURCE = REPO_ROOT.parent / "shared" / "eval" / "spellrueval2016" / "train_raw.jsonl"
FALLBACK_SENTENCES = [
    "Учёные обсудили вопросы безопасности данных на конференции в Москве.",
    "Представители российской компании рассказали, как защитить свои пароли.",
    "Завтра в городе ожидается солнечная погода без осадков.",
    "Мы долго ждали ответа, но так и не дождались его до самого вечера.",
    "Это очень интересная книга о жизни в маленькой деревне на севере.",
    "Директор подписал приказ о назначении нового сотрудника в отдел продаж.",
    "Вечером мы пошли гулять в парк и встретили старых друзей.",
    "Новый закон вступит в силу с первого января следующего года.",
]
_WORD = re.compile(r"\w+")
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def garble(text: str, rng: random.Random, rate: float = 0.125) -> str:
    """Put a one-letter typo (a letter dropped, doubled, swapped or replaced) into roughly ``rate`` of
    the words of four letters or more."""

    def typo(match: re.Match) -> str:
        word = match.group()
        if len(word) < 4 or rng.random() >= rate:
            return word
        i = rng.randrange(1, len(word) - 1)
        kind = rng.randrange(4)
        if kind == 0:  # drop
            return word[:i] + word[i + 1 :]
        if kind == 1:  # double
            return word[: i + 1] + word[i:]
        if kind == 2:  # swap neighbours
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        return word[:i] + rng.choice(_CYRILLIC) + word[i + 1 :]  # replace

    return _WORD.sub(typo, text)


def noisy_texts(size: int, source: Path | None = DEFAULT_NOISY_SOURCE, seed: int = 2016) -> tuple[list[str], str]:
    """``size`` texts: the ``source`` side of ``source`` (a JSONL file; the built-in sentences when it is
    missing) cycled, every copy after the first garbled afresh (seeded); and where they came from."""
    if source is not None and source.is_file():
        with source.open(encoding="utf-8") as handle:
            base = [json.loads(line)["source"] for line in handle if line.strip()]
        origin = str(source)
    else:
        base = FALLBACK_SENTENCES
        origin = "built-in sentences"
    rng = random.Random(seed)
    texts = [base[i % len(base)] if i < len(base) else garble(base[i % len(base)], rng) for i in range(size)]
    return texts, origin
