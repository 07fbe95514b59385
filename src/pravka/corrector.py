"""``Corrector``: the one object every shell (CLI, server, Scrapy, Dask) talks to.

Pipeline: tokenize → detect (each detector asks for candidates and their ranking when it needs them)
→ decide which findings are sure enough to fix → apply. A Corrector holds only its settings; the heavy
resources (dictionary, frequency and sound tables) are loaded on first use and shared by every Corrector
in the process with the same word lists, so pickling one to a worker process is cheap and the worker
loads its resources once.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator

from .apply import apply_fixes, match_case
from .candidates import generate
from .detect import Document, run_detectors
from .lexicon import shared_lexicon
from .parallel import ordered_map
from .rank.noisy_channel import rank
from .tokenize import MAX_WORD_LENGTH, tokenize
from .types import Finding, Suggestion

# Calibrated on the SpellRuEval tune half (benchmarks/quality.py --sweep): the lowest threshold whose
# auto-fix precision stays ≥ 0.92 there (the precision issue 4 asks of automatic fixes).
DEFAULT_THRESHOLD = 0.75
DEFAULT_REPORT_THRESHOLD = 0.5
SUGGESTION_CACHE_SIZE = 50_000
BATCH_SIZE = 16  # texts per task sent to a worker process: amortises pickling, keeps memory bounded


class Corrector:
    def __init__(
        self,
        threshold: float | None = None,
        dictionaries: Iterable[str | os.PathLike] = (),
        model=None,
        report_threshold: float = DEFAULT_REPORT_THRESHOLD,
    ):
        self.threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
        self.report_threshold = float(report_threshold)
        for name, value in (("threshold", self.threshold), ("report_threshold", self.report_threshold)):
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be within [0, 1], got {value}")
        self.dictionaries = tuple(os.fspath(path) for path in dictionaries)
        for path in self.dictionaries:
            if not os.path.isfile(path):
                raise FileNotFoundError(f"dictionary not found: {path}")
        self.model = model

    def __repr__(self) -> str:
        return f"Corrector(threshold={self.threshold}, dictionaries={list(self.dictionaries)}, report_threshold={self.report_threshold})"

    @property
    def lexicon(self):
        return shared_lexicon(self.dictionaries)

    @property
    def _context(self):
        return _shared_context(self.dictionaries, self.model)

    @property
    def _speller(self):
        return _shared_speller(self.dictionaries)

    def is_known(self, word: str) -> bool:
        return self.lexicon.is_known(word)

    def suggest(self, word: str) -> list[Suggestion]:
        """Ranked corrections for one word, in the word's own letter case."""
        if len(word) > MAX_WORD_LENGTH:
            return []
        return [replace(s, text=match_case(word, s.text)) for s in self._speller(word.lower())]

    def check(self, text: str) -> list[Finding]:
        if not text:
            return []
        document = Document(text, tokenize(text), self.lexicon, self.suggest, self.report_threshold, self._context)
        return [self._decide(finding) for finding in run_detectors(document)]

    def fix(self, text: str) -> str:
        return apply_fixes(text, self.check(text))

    def check_many(self, texts: Iterable[str], jobs: int = 1) -> Iterator[list[Finding]]:
        return _map(self.check, texts, jobs)

    def fix_many(self, texts: Iterable[str], jobs: int = 1) -> Iterator[str]:
        return _map(self.fix, texts, jobs)

    def _decide(self, finding: Finding) -> Finding:
        if finding.suggestions and finding.suggestions[0].confidence >= self.threshold:
            return replace(finding, fix=finding.suggestions[0].text)
        return finding


@lru_cache(maxsize=8)
def _shared_speller(dictionaries: tuple[str, ...]):
    lexicon = shared_lexicon(dictionaries)

    @lru_cache(maxsize=SUGGESTION_CACHE_SIZE)
    def speller(word: str) -> list[Suggestion]:
        return rank(word, generate(word, lexicon), lexicon)

    return speller


@lru_cache(maxsize=8)
def _shared_context(dictionaries: tuple[str, ...], model_path):
    from .rank.context import Context

    model = None
    if model_path is not None:
        from .lm import NgramModel

        model = NgramModel.load(model_path)
    return Context(shared_lexicon(dictionaries), model)


def _map(function, texts: Iterable[str], jobs: int):
    if jobs <= 1:
        return map(function, texts)
    from concurrent.futures import ProcessPoolExecutor

    def ordered_results():
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            batches = _batches(texts, BATCH_SIZE)
            for _, results in ordered_map(pool, _apply_to_batch, batches, 2 * jobs, payload=lambda b: (function, b)):
                yield from results

    return ordered_results()


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _apply_to_batch(task) -> list:
    function, batch = task
    return [function(text) for text in batch]
