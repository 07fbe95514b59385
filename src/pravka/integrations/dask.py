"""Run pravka over Dask bags and dataframes, one warm Corrector per worker process.

::

    from dask.distributed import Client, LocalCluster
    import dask.bag as db
    from pravka.integrations.dask import fix_bag, check_bag, fix_column

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))   # or Client("tcp://scheduler:8786")
    fixed = fix_bag(db.from_sequence(texts, npartitions=8)).compute()  # list[str], input order
    findings = check_bag(bag).compute()                                # list[list[dict]]
    ddf = fix_column(ddf, "body", out_column="body_fixed")

Why it is structured this way:

* Bringing a ``Corrector`` up (morphology, frequency and sound tables) costs a few seconds on a machine's
  first run, while it compiles its cached tables, and then ~0.1-0.2 s and ~75 MB per process; a text
  takes a few milliseconds. So the work is done by partition (``map_partitions``), never by item, and
  each worker process takes its Corrector from pravka's one per-process cache
  (``pravka.parallel.shared_corrector``, the same one the CLI's and the server's workers and the Scrapy
  pipeline use), keyed by the corrector's settings. Every later partition with the same settings — in
  this computation or the next one — reuses the warm instance, and the loads are countable (see
  ``worker_stats``).
* The Corrector itself travels inside the task graph. It pickles to its settings only (its resources
  load lazily), so shipping it with each task is cheap; the cache then makes sure only the first copy a
  worker sees is ever loaded. ``corrector=None`` means ``Corrector()`` with default settings.
* Nothing here needs ``distributed``: the same functions run on the threaded, multiprocessing or
  synchronous schedulers, where the cache works per process just the same. ``worker_stats`` is a tiny
  probe (for ``Client.run``) that reports how many Correctors a process has loaded; ``preload`` warms
  every worker of a ``distributed.Client`` up front.
* User dictionaries are read by path on each worker, so on a real cluster the paths given to
  ``Corrector(dictionaries=...)`` must exist on the workers' machines too.
* Values that are not ``str`` (``None``, NaN, numbers) pass through unchanged, so a column with gaps
  keeps its gaps.
* Dask is imported only in this module, so ``import pravka`` never needs it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from pravka import Corrector
from pravka.parallel import cached_settings, corrector_loads, shared_corrector

__all__ = ["fix_bag", "check_bag", "spin_bag", "fix_series", "fix_column", "preload", "worker_stats", "CorrectorSpec"]


class CorrectorSpec:
    """What a task needs to find (or build) its worker's Corrector: a settings key plus the Corrector.

    The key is computed once on the client, so workers never hash anything; two Correctors with equal
    settings produce equal keys and share one cached instance on each worker.
    """

    __slots__ = ("key", "corrector")

    def __init__(self, corrector: Corrector | None) -> None:
        # None becomes a default Corrector here, on the client (building one is cheap: it loads lazily),
        # so ``corrector=None`` and ``corrector=Corrector()`` share one warm instance per worker.
        self.corrector = corrector if corrector is not None else Corrector()
        # The pickle of a Corrector is its settings (heavy state is loaded lazily and not pickled),
        # so its digest identifies "a Corrector configured like this".
        self.key = hashlib.sha1(pickle.dumps(self.corrector, protocol=4)).hexdigest()

    def __getstate__(self) -> tuple[str, Corrector]:
        return (self.key, self.corrector)

    def __setstate__(self, state: tuple[str, Corrector]) -> None:
        self.key, self.corrector = state

    def __dask_tokenize__(self) -> tuple[str, str]:
        # Equal settings give equal task names, so Dask can recognise the same graph built twice.
        return ("pravka.CorrectorSpec", self.key)

    def get(self) -> Corrector:
        """This process's warm Corrector for these settings, built and loaded on first use."""
        return shared_corrector(self.corrector)


def worker_stats() -> dict[str, Any]:
    """Which process this is and how many Correctors it has loaded; run it with ``client.run``."""
    return {"pid": os.getpid(), "loads": corrector_loads(), "settings": cached_settings()}


def _preload(spec: CorrectorSpec) -> dict[str, Any]:
    spec.get()
    return worker_stats()


def preload(client: Any, corrector: Corrector | None = None) -> dict[str, dict[str, Any]]:
    """Load the Corrector on every worker of a ``distributed.Client`` now, not on first use.

    Useful before timing a job or when workers should be warm before data arrives. Returns
    ``worker_stats()`` per worker address.
    """
    return client.run(_preload, CorrectorSpec(corrector))


def _fix_value(corrector: Corrector, value: Any) -> Any:
    return corrector.fix(value) if isinstance(value, str) else value


def _fix_partition(texts: Iterable[Any], spec: CorrectorSpec) -> list[Any]:
    corrector = spec.get()
    return [_fix_value(corrector, text) for text in texts]


def _check_partition(texts: Iterable[Any], spec: CorrectorSpec) -> list[list[dict]]:
    corrector = spec.get()
    return [[finding.to_dict() for finding in corrector.check(text)] if isinstance(text, str) else [] for text in texts]


def fix_bag(bag: db.Bag, corrector: Corrector | None = None) -> db.Bag:
    """A bag of corrected texts, in the input order; non-string elements pass through unchanged."""
    return bag.map_partitions(_fix_partition, CorrectorSpec(corrector))


def check_bag(bag: db.Bag, corrector: Corrector | None = None) -> db.Bag:
    """A bag with, for each text, the list of its findings as plain dicts (``Finding.to_dict``)."""
    return bag.map_partitions(_check_partition, CorrectorSpec(corrector))


def _spin_partition(texts: Iterable[Any], spec: CorrectorSpec) -> list[float | None]:
    corrector = spec.get()
    return [corrector.spin_score(text) if isinstance(text, str) else None for text in texts]


def spin_bag(bag: db.Bag, corrector: Corrector | None = None) -> db.Bag:
    """A bag with each text's spin score (``Corrector.spin_score``: how likely a text spinner wrote it,
    0–1), None for non-string elements: filter a corpus of scraped pages before cleaning it."""
    return bag.map_partitions(_spin_partition, CorrectorSpec(corrector))


def _fix_series_partition(series: pd.Series, spec: CorrectorSpec) -> pd.Series:
    corrector = spec.get()
    fixed = [_fix_value(corrector, value) for value in series.tolist()]
    # Keep index, name and dtype so the result lines up with the input and matches the declared meta.
    return pd.Series(fixed, index=series.index, name=series.name, dtype=series.dtype)


def _fix_frame_partition(frame: pd.DataFrame, column: str, out_column: str, spec: CorrectorSpec) -> pd.DataFrame:
    frame = frame.copy()  # never mutate a partition Dask may hold elsewhere
    frame[out_column] = _fix_series_partition(frame[column], spec)
    return frame


def fix_series(series: dd.Series, corrector: Corrector | None = None) -> dd.Series:
    """A dask Series of corrected texts, aligned with ``series`` (same index, name and dtype)."""
    return series.map_partitions(_fix_series_partition, CorrectorSpec(corrector), meta=series._meta)


def fix_column(
    df: dd.DataFrame,
    column: str,
    corrector: Corrector | None = None,
    out_column: str | None = None,
) -> dd.DataFrame:
    """``df`` with ``column`` corrected, in place or (with ``out_column``) into a new column."""
    if column not in df.columns:
        raise KeyError(f"no column {column!r}; columns are {list(df.columns)}")
    out_column = out_column or column
    meta = df._meta.copy()
    meta[out_column] = df._meta[column]
    return df.map_partitions(_fix_frame_partition, column, out_column, CorrectorSpec(corrector), meta=meta)
