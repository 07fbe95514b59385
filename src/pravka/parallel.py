"""Ordered parallel map with a bounded number of tasks in flight.

``concurrent.futures`` ``Executor.map`` submits every item at once, so a generator of millions of texts
would be read into memory before the first result comes back. ``ordered_map`` keeps at most ``window``
tasks submitted, yields results in input order as they complete at the head of the queue, and so
streams any input in constant memory. Both the CLI (chunks of a file) and ``Corrector.check_many`` /
``fix_many`` (batches of texts) use it.
"""

from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Iterator, TypeVar

Item = TypeVar("Item")


def ordered_map(pool, function: Callable, items: Iterable[Item], window: int, payload=None) -> Iterator[tuple[Item, object]]:
    """Yield ``(item, function(payload(item)))`` in input order with at most ``window`` tasks in flight."""
    in_flight: deque = deque()
    for item in items:
        in_flight.append((item, pool.submit(function, item if payload is None else payload(item))))
        if len(in_flight) >= window:
            done, future = in_flight.popleft()
            yield done, future.result()
    while in_flight:
        done, future = in_flight.popleft()
        yield done, future.result()
