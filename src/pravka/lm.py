"""A word n-gram model learned from the user's own text (``pravka learn``), for context re-ranking.

What it counts. The text is cut into tokens by :func:`pravka.tokenize.tokenize`; only word tokens count,
lower-cased with ё read as е (:func:`pravka.lexicon.fold`). Every token that is not a word — a comma, a
full stop, a number, a Latin word — ends the history, so a pair is counted only when two words stand
side by side with nothing but spaces between them: exactly the pairs ``Document.neighbours`` asks about
when the Corrector checks text. The model keeps how often each word occurs, each pair of neighbours
(and, with ``order=3``, each run of three), and, per word, how many times it is followed by a word and
by how many different ones, and after how many different words it comes.

How it is stored. Counting streams: counts gather in memory and every ``FLUSH_TOKENS`` tokens are added
into an SQLite file with ``INSERT ... ON CONFLICT DO UPDATE`` (one transaction per flush, no journal:
the file is a temporary one that is renamed over the output only when complete, so a failed run leaves
nothing half-written). Memory therefore stays bounded by one flush, whatever the size of the corpus.
Pairs are stored as word ids, so a frequent word is spelt once on disk.

How it answers. :meth:`NgramModel.context_logprob` tells how much better (or worse) a word fits between
its neighbours than its frequency alone predicts — log10 of P(word | left) / P(word) plus log10 of
P(right | word) / P(right). The Corrector's ranking already uses each word's frequency, so the model
must add only the evidence of the neighbours. The conditional probabilities are smoothed with
interpolated Kneser–Ney: every seen pair gives up a fixed discount D (Ney's estimate from the numbers
of pairs seen once and twice), and the mass given up goes to all words in proportion to how many
different words they follow (a word that follows many words is a likely newcomer after another one).
A pair never seen therefore gets a small but finite probability, less likely the better the left word
is known. With ``order=3`` the word before supplies a third level: the count of (left, word, right)
is discounted the same way and interpolated with the pair estimate above (absolute discounting on
top of the bigram Kneser–Ney model).

A word the corpus never saw gets 0 for its part: no evidence, no penalty. The word a user typed is
usually a misspelling, unseen in any corpus; were unseen words penalised, keeping the typed word would
always lose to a correction the corpus happens to know, and were they rewarded, it would always win.
Likewise a neighbour never seen says nothing. The sum is clipped to ±``MAX_EVIDENCE`` so that one
strong collocation cannot outweigh the spelling evidence entirely.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .ru.alphabet import fold
from .tokenize import tokenize

FORMAT = "pravka-ngram"
FORMAT_VERSION = 1
FLUSH_TOKENS = 500_000  # tokens counted in memory between flushes: bounds memory to tens of MB
MAX_EVIDENCE = 3.0  # log10 units; a factor of 1000 either way
LOOKUP_CACHE_SIZE = 100_000
PAIR_BASE = 1 << 32  # above any word id: a pair of ids is first × PAIR_BASE + second
MMAP_BYTES = 1 << 30

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE words (
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE,
    count INTEGER NOT NULL,
    followed INTEGER NOT NULL DEFAULT 0,   -- times the word is followed by a word: c(w •)
    followers INTEGER NOT NULL DEFAULT 0,  -- different words that follow it: N1+(w •)
    preceders INTEGER NOT NULL DEFAULT 0   -- different words it follows: N1+(• w)
);
CREATE TABLE bigrams (
    first INTEGER NOT NULL, second INTEGER NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (first, second)
) WITHOUT ROWID;
CREATE TABLE trigrams (
    first INTEGER NOT NULL, second INTEGER NOT NULL, third INTEGER NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (first, second, third)
) WITHOUT ROWID;
CREATE TEMP TABLE pending_bigrams (first TEXT, second TEXT, count INTEGER);
CREATE TEMP TABLE pending_trigrams (first TEXT, second TEXT, third TEXT, count INTEGER);
"""

# The pending tables hold one flush of n-grams spelt as words; a join turns the words into ids inside
# SQLite, so the builder needs no word-to-id map of its own (which would grow with the vocabulary).
# "WHERE true" is SQLite's required disambiguation between a join and the upsert clause.
MERGE_BIGRAMS = """
INSERT INTO bigrams (first, second, count)
SELECT a.id, b.id, p.count FROM pending_bigrams p
JOIN words a ON a.word = p.first JOIN words b ON b.word = p.second WHERE true
ON CONFLICT (first, second) DO UPDATE SET count = count + excluded.count
"""
MERGE_TRIGRAMS = """
INSERT INTO trigrams (first, second, third, count)
SELECT a.id, b.id, c.id, p.count FROM pending_trigrams p
JOIN words a ON a.word = p.first JOIN words b ON b.word = p.second JOIN words c ON c.word = p.third
WHERE true
ON CONFLICT (first, second, third) DO UPDATE SET count = count + excluded.count
"""
SUMMARISE_WORDS = (
    """UPDATE words SET followed = s.total, followers = s.kinds
    FROM (SELECT first, SUM(count) AS total, COUNT(*) AS kinds FROM bigrams GROUP BY first) AS s
    WHERE words.id = s.first""",
    """UPDATE words SET preceders = s.kinds
    FROM (SELECT second, COUNT(*) AS kinds FROM bigrams GROUP BY second) AS s
    WHERE words.id = s.second""",
)


@dataclass(frozen=True, slots=True)
class WordStats:
    id: int
    count: int
    followed: int
    followers: int
    preceders: int


class NgramModel:
    """A read-only n-gram model file; see the module docstring. Build with :meth:`build`."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        if not os.path.isfile(self.path):
            raise FileNotFoundError(f"model not found: {self.path}")
        self._open()

    @classmethod
    def load(cls, path: str | os.PathLike) -> NgramModel:
        return cls(path)

    def _open(self) -> None:
        uri = Path(self.path).resolve().as_uri() + "?mode=ro"
        # One connection shared by the threads of a server; the lock serialises the queries.
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        # Pages are read through a memory map: the operating system shares them between processes.
        self._connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        self._lock = threading.Lock()
        self._pid = os.getpid()
        try:
            meta = dict(self._connection.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError:
            self._connection.close()
            raise ValueError(f"{self.path}: not a pravka model (build one with 'pravka learn')") from None
        if meta.get("format") != FORMAT or meta.get("version") != FORMAT_VERSION:
            self._connection.close()
            raise ValueError(f"{self.path}: not a pravka model of version {FORMAT_VERSION}")
        self.order: int = meta["order"]
        self.tokens: int = meta["tokens"]
        self.unigrams: int = meta["unigrams"]
        self.bigrams: int = meta["bigrams"]
        self.trigrams: int = meta["trigrams"]
        self._discount2: float = meta["discount2"]
        self._discount3: float = meta["discount3"]
        # Caches are per instance and bounded: a long-running server sees an open-ended vocabulary.
        self._word = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup_word)
        self._pair = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup_pair)
        self._triple = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup_triple)

    def __repr__(self) -> str:
        return f"NgramModel({self.path!r}, order={self.order}, tokens={self.tokens})"

    # A model travels to worker processes as its path and is reopened there: an SQLite connection
    # cannot be pickled, nor safely used on both sides of a fork.
    def __getstate__(self) -> dict:
        return {"path": self.path}

    def __setstate__(self, state: dict) -> None:
        NgramModel.__init__(self, state["path"])

    def close(self) -> None:
        self._connection.close()

    def _query(self, sql: str, parameters: tuple) -> tuple | None:
        with self._lock:
            if self._pid != os.getpid():  # forked with the connection open: reopen in this process
                self._open()
            return self._connection.execute(sql, parameters).fetchone()

    # ------------------------------------------------------------------ counts

    def _lookup_word(self, word: str) -> WordStats | None:
        row = self._query("SELECT id, count, followed, followers, preceders FROM words WHERE word = ?", (word,))
        return None if row is None else WordStats(*row)

    def _pair_count(self, first: int, second: int) -> int:
        # The cache is keyed by one int for the two ids: a lone int is its own key, where a pair of
        # arguments would keep a tuple per pair (2.5 MB on 8 MB of novels).
        return self._pair(first * PAIR_BASE + second)

    def _lookup_pair(self, pair: int) -> int:
        row = self._query("SELECT count FROM bigrams WHERE first = ? AND second = ?", divmod(pair, PAIR_BASE))
        return 0 if row is None else row[0]

    def _lookup_triple(self, first: int, second: int, third: int) -> tuple[int, int, int]:
        """c(first second third), c(first second •) and N1+(first second •)."""
        row = self._query(
            "SELECT SUM(count), COUNT(*), SUM(count * (third = ?)) FROM trigrams WHERE first = ? AND second = ?",
            (third, first, second),
        )
        total, kinds, count = row if row is not None else (0, 0, 0)  # an aggregate always returns a row
        return count or 0, total or 0, kinds

    def count(self, *words: str) -> int:
        """How often the corpus has these words in a row (one, two or, for order 3, three words)."""
        found = [self._word(fold(word)) for word in words]
        stats = [s for s in found if s is not None]
        if len(stats) < len(found):
            return 0
        if len(stats) == 1:
            return stats[0].count
        if len(stats) == 2:
            return self._pair_count(stats[0].id, stats[1].id)
        if len(stats) == 3 and self.order >= 3:
            return self._triple(stats[0].id, stats[1].id, stats[2].id)[0]
        raise ValueError(f"this model counts up to {self.order} words in a row")

    # ------------------------------------------------------------------ probabilities

    def unigram(self, word: WordStats) -> float:
        return word.count / self.tokens

    def continuation(self, word: WordStats) -> float:
        """Kneser–Ney's lower order: the share of distinct pairs that end in ``word``. One pseudo
        pair per word keeps it positive for a word seen only at the start of a sentence."""
        return (word.preceders + 1) / (self.bigrams + self.unigrams)

    def bigram(self, previous: WordStats, word: WordStats) -> float | None:
        """P(word | previous), or None when ``previous`` was never followed by a word."""
        if previous.followed == 0:
            return None
        d = self._discount2
        seen = max(self._pair_count(previous.id, word.id) - d, 0.0)
        return (seen + d * previous.followers * self.continuation(word)) / previous.followed

    def trigram(self, before: WordStats, previous: WordStats, word: WordStats) -> float | None:
        lower = self.bigram(previous, word)
        if lower is None or self.order < 3:
            return lower
        count, total, kinds = self._triple(before.id, previous.id, word.id)
        if total == 0:
            return lower
        d = self._discount3
        return (max(count - d, 0.0) + d * kinds * lower) / total

    def steps(self, chain: list[str | None]) -> list[tuple[float, float] | None]:
        """For each word of ``chain`` after the first, (P(word | the words before), P(word)), or None
        when a word it needs was never seen (see the module docstring)."""
        stats = [None if w is None else self._word(fold(w)) for w in chain]
        found: list[tuple[float, float] | None] = []
        for i in range(1, len(chain)):
            previous, current = stats[i - 1], stats[i]
            if previous is None or current is None:
                found.append(None)
                continue
            before = stats[i - 2] if i >= 2 else None
            p = self.trigram(before, previous, current) if before is not None else self.bigram(previous, current)
            found.append(None if p is None else (p, self.unigram(current)))
        return found

    def context_logprob(self, word: str, left: str | None = None, right: str | None = None) -> float:
        """log10 P(word | left) / P(word) + log10 P(right | word) / P(right), clipped to ±MAX_EVIDENCE.

        A part is 0 when a word it needs was never seen (see the module docstring). A candidate of
        several words («кто бы») is scored as the chain left, кто, бы, right.
        """
        return clipped_evidence(self.steps(context_chain(word, left, right)))

    def run_logprob(self, words: list[str]) -> float | None:
        """log10 P(the words after the first | the first): how likely the corpus continues its first word
        with the others, or None when a word was never seen."""
        chain: list[str | None] = list(words)
        return run_logprob(self.steps(chain))

    # ------------------------------------------------------------------ building

    @classmethod
    def build(
        cls,
        texts: Iterable[str],
        out_path: str | os.PathLike,
        order: int = 2,
        progress: Callable[[int], object] | None = None,
    ) -> NgramModel:
        """Count ``texts`` into a model file at ``out_path`` (replaced atomically) and open it.

        ``progress``, when given, is called after each text with the number of word tokens it had.
        """
        if order not in (2, 3):
            raise ValueError(f"order must be 2 or 3, got {order}")
        _write_atomically(out_path, lambda connection: _count_into(connection, texts, order, progress))
        return cls(out_path)

    @classmethod
    def from_counts(
        cls,
        out_path: str | os.PathLike,
        words: Iterable[tuple[str, int, int, int, int]],
        bigrams: Iterable[tuple[int, int, int]],
        meta: dict,
    ) -> NgramModel:
        """Write a bigram model from counts made elsewhere (pruned, as the shipped usage table is).

        ``words`` are (word, count, followed, followers, preceders), their ids numbered from 1 in
        order; ``bigrams`` are (first id, second id, count); ``meta`` holds ``tokens``, ``unigrams``,
        ``bigrams`` and ``discount2`` of the full counts, so that Kneser–Ney's back-off weights are
        those of the unpruned model.
        """

        def fill(connection: sqlite3.Connection) -> None:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.executescript(SCHEMA)
            connection.execute("BEGIN")
            connection.executemany(
                "INSERT INTO words (id, word, count, followed, followers, preceders) VALUES (?, ?, ?, ?, ?, ?)",
                ((i, *row) for i, row in enumerate(words, start=1)),
            )
            connection.executemany("INSERT INTO bigrams VALUES (?, ?, ?)", bigrams)
            full = {"format": FORMAT, "version": FORMAT_VERSION, "order": 2, "trigrams": 0, "discount3": 0.5}
            connection.executemany("INSERT INTO meta VALUES (?, ?)", {**full, **meta}.items())
            connection.execute("COMMIT")

        _write_atomically(out_path, fill)
        return cls(out_path)


def context_chain(word: str, left: str | None, right: str | None) -> list[str | None]:
    return [left, *word.split(" "), right]


def run_logprob(steps: list[tuple[float, float] | None]) -> float | None:
    """The sum of log10 P(word | history) over ``steps``, or None when one of them has no evidence."""
    if not steps or any(step is None for step in steps):
        return None
    return sum(math.log10(step[0]) for step in steps if step is not None)


def clipped_evidence(steps: Iterable[tuple[float, float] | None]) -> float:
    """The sum of log10 P(word | history) / P(word) over the steps with evidence, clipped."""
    evidence = sum(math.log10(p) - math.log10(q) for p, q in filter(None, steps))
    return max(-MAX_EVIDENCE, min(MAX_EVIDENCE, evidence))


def _write_atomically(out_path: str | os.PathLike, fill: Callable[[sqlite3.Connection], object]) -> None:
    """Run ``fill`` on a new SQLite file beside ``out_path`` and rename it over ``out_path`` when done."""
    out_path = os.fspath(out_path)
    folder = os.path.dirname(os.path.abspath(out_path))
    # textio.atomic_writer hands out a text stream; SQLite needs a path, hence a temporary file here.
    descriptor, temporary = tempfile.mkstemp(prefix=".pravka-", suffix=".model", dir=folder)
    os.close(descriptor)
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            fill(connection)
        finally:
            connection.close()
        # mkstemp creates the file private (0600); a model is ordinary data, readable like the text.
        os.chmod(temporary, os.stat(out_path).st_mode & 0o7777 if os.path.exists(out_path) else 0o644)
        os.replace(temporary, out_path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def word_runs(text: str) -> Iterable[list[str]]:
    """The runs of words of ``text`` that stand side by side, folded (see the module docstring): every
    token that is not a word ends a run. The one reading of a text that every model counts."""
    run: list[str] = []
    for token in tokenize(text):
        if token.kind == "word":
            run.append(fold(token.text))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _count_into(connection: sqlite3.Connection, texts: Iterable[str], order: int, progress) -> None:
    # The file is temporary until renamed, so a crash only loses the temporary file: no journal needed.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -65536")  # 64 MB of pages: the upserts touch the whole index
    connection.executescript(SCHEMA)
    words: Counter = Counter()
    pairs: Counter = Counter()
    triples: Counter = Counter()
    tokens = pending = 0
    for text in texts:
        found = 0
        for run in word_runs(text):
            words.update(run)
            pairs.update(zip(run, run[1:], strict=False))
            if order >= 3:
                triples.update(zip(run, run[1:], run[2:], strict=False))
            found += len(run)
        tokens += found
        pending += found
        if progress is not None:
            progress(found)
        if pending >= FLUSH_TOKENS:
            _flush(connection, words, pairs, triples)
            pending = 0
    _flush(connection, words, pairs, triples)
    _finish(connection, order, tokens)


def _flush(connection: sqlite3.Connection, words: Counter, pairs: Counter, triples: Counter) -> None:
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO words (word, count) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET count = count + excluded.count",
        words.items(),
    )
    connection.executemany("INSERT INTO pending_bigrams VALUES (?, ?, ?)", ((a, b, n) for (a, b), n in pairs.items()))
    connection.execute(MERGE_BIGRAMS)
    connection.execute("DELETE FROM pending_bigrams")
    if triples:
        connection.executemany(
            "INSERT INTO pending_trigrams VALUES (?, ?, ?, ?)", ((a, b, c, n) for (a, b, c), n in triples.items())
        )
        connection.execute(MERGE_TRIGRAMS)
        connection.execute("DELETE FROM pending_trigrams")
    connection.execute("COMMIT")
    words.clear()
    pairs.clear()
    triples.clear()


def _finish(connection: sqlite3.Connection, order: int, tokens: int) -> None:
    connection.execute("BEGIN")
    for statement in SUMMARISE_WORDS:
        connection.execute(statement)
    meta = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "order": order,
        "tokens": tokens,
        "unigrams": _scalar(connection, "SELECT COUNT(*) FROM words"),
        "bigrams": _scalar(connection, "SELECT COUNT(*) FROM bigrams"),
        "trigrams": _scalar(connection, "SELECT COUNT(*) FROM trigrams"),
        "discount2": _discount(connection, "bigrams"),
        "discount3": _discount(connection, "trigrams"),
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.execute("COMMIT")


def _scalar(connection: sqlite3.Connection, sql: str) -> int:
    return connection.execute(sql).fetchone()[0]


def _discount(connection: sqlite3.Connection, table: str) -> float:
    """Ney's estimate D = n1 / (n1 + 2·n2) from the numbers of n-grams seen once and twice."""
    once = _scalar(connection, f"SELECT COUNT(*) FROM {table} WHERE count = 1")
    twice = _scalar(connection, f"SELECT COUNT(*) FROM {table} WHERE count = 2")
    if once + twice == 0:
        return 0.5  # too little text to estimate; any value in (0, 1) keeps unseen n-grams possible
    return min(max(once / (once + 2 * twice), 0.1), 0.9)
