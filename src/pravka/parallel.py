"""One process pool and one per-process Corrector cache for every shell (CLI, server, batches, Dask, Scrapy).

**The cache.** ``shared_corrector(corrector)`` returns this process's warm Corrector configured like
``corrector``: the first one seen with those settings is loaded (one short check forces the lazy
load) and kept, and every later request with equal settings — another spider, another Dask partition,
another task in a worker — gets that same instance. ``corrector_loads()`` counts the loads, so the
once-per-process promise can be tested.

**The pool.** ``WorkerPool(corrector, processes)`` starts up to ``processes`` worker processes
(``spawn``: a threaded parent must not fork), each of which takes its Corrector from the cache and
then runs tasks ``function(corrector, payload)`` sent down its own pipe. A task is given to an idle
worker; a worker found dead when it is taken (killed while idle) is replaced before it gets the task,
so nobody pays for it with an error. A task that runs past its ``timeout`` is a ``TaskTimeout``: its
worker is killed and replaced, which a thread could never be. ``processes=0`` runs tasks here, in
the calling process, with the same interface.

``map`` runs tasks on all workers at once and yields ``(item, result)`` in input order, with at
most a window of items read ahead (``ordered_map``): a generator of millions of texts streams in
constant memory. Threads only wait on pipes; the work is in the processes.

**Ending.** Workers ignore SIGINT (Ctrl-C reaches the whole process group; the parent decides), from
their first instruction of pravka's: a spawned process does not inherit its parent's blocked signals,
and a Ctrl-C while it imports pravka's modules would print a KeyboardInterrupt traceback from the
child. So the worker's body is all it imports before it ignores SIGINT (``pravka`` imports
``Corrector`` lazily, ``pravka.parallel`` only the standard library) and the Corrector it is given
travels pickled as bytes, unpickled, with everything it imports, once SIGINT is ignored: the window is
the interpreter's own start. SIGINT is still blocked in the starting thread while it starts a worker,
so the parent gets a Ctrl-C of that moment as soon as the start returns. They end with their parent: an idle
worker sees its pipe close, a busy one is stopped by a watchdog thread that notices the parent is gone. ``close(kill=True)`` kills them at once (Ctrl-C, errors).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
WARM_UP_TEXT = "Проверка связи."
WORKER_START_TIMEOUT = 300.0  # the first start on a new machine compiles the dictionary cache
PARENT_CHECK_SECONDS = 1.0

_CORRECTORS: dict[tuple, Any] = {}
_CORRECTORS_LOCK = threading.Lock()
_LOADS = 0


class TaskTimeout(Exception):
    """A task ran past its time limit; its worker was killed and will be replaced."""


class WorkerDied(Exception):
    """A worker process died while running a task (or could not be started)."""


class TaskError(Exception):
    """The task raised an exception in its worker; the worker is fine and keeps serving."""


def _settings_key(corrector: Any) -> tuple:
    """Equal settings give equal keys in any process (sets sorted: their order varies with the hash seed)."""
    attributes = getattr(corrector, "__dict__", {})
    return (
        type(corrector).__module__,
        type(corrector).__qualname__,
        tuple(sorted((name, _canonical(value)) for name, value in attributes.items())),
    )


def _canonical(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted(map(repr, value))))
    if isinstance(value, (list, tuple)):
        return tuple(_canonical(item) for item in value)
    if isinstance(value, dict):
        return ("dict", tuple(sorted((repr(k), _canonical(v)) for k, v in value.items())))
    return repr(value)


def shared_corrector(corrector: Any = None) -> Any:
    """This process's warm Corrector with the settings of ``corrector`` (None: ``Corrector()``)."""
    global _LOADS
    if corrector is None:
        from .corrector import Corrector

        corrector = Corrector()
    key = _settings_key(corrector)
    cached = _CORRECTORS.get(key)
    if cached is not None:
        return cached
    with _CORRECTORS_LOCK:  # two threads of one process must not both load the same settings
        cached = _CORRECTORS.get(key)
        if cached is None:
            corrector.check(WARM_UP_TEXT)  # force the lazy load now, once, as one countable event
            cached = _CORRECTORS[key] = corrector
            _LOADS += 1
        return cached


def corrector_loads() -> int:
    """How many Correctors this process has loaded through ``shared_corrector``."""
    return _LOADS


def cached_settings() -> list[str]:
    """A readable name for each settings key in this process's cache."""
    return sorted(repr(key[2]) for key in _CORRECTORS)


def ordered_map(
    pool, function: Callable, items: Iterable[Item], window: int, payload=None
) -> Iterator[tuple[Item, object]]:
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


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _worker_main(connection: Any, pickled_corrector: bytes, parent: int) -> None:
    """Body of a worker process: take the warm Corrector, then run tasks until the pipe closes, then
    leave at once (``os._exit``): a worker holds nothing to flush or remove, while tearing its heap of
    dictionaries and caches down object by object takes 0.3–0.7 s after a megabyte of text, which the
    pool's close, and so the user, would wait for."""
    _serve(connection, pickled_corrector, parent)
    os._exit(0)


def _serve(connection: Any, pickled_corrector: bytes, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # where a platform passed _Worker's block on
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        corrector = shared_corrector(pickle.loads(pickled_corrector))
    except Exception as error:
        _send(connection, ("failed", f"{type(error).__name__}: {error}"))
        return
    if not _send(connection, ("ready", None)):
        return
    while True:
        try:
            function, payload = connection.recv()
        except (EOFError, OSError):
            return
        try:
            result = ("ok", function(corrector, payload))
        except Exception as error:  # report and keep serving
            result = ("error", f"{type(error).__name__}: {error}")
        if not _send(connection, result):
            return


def _send(connection: Any, message: Any) -> bool:
    """Send to the parent; False when it is gone (killed while this worker loaded or worked)."""
    try:
        connection.send(message)
    except (EOFError, OSError):
        return False
    return True


class _Worker:
    def __init__(self, corrector: Any) -> None:
        context = multiprocessing.get_context("spawn")
        self.stopping = threading.Lock()
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, pickle.dumps(corrector), os.getpid()),
            name="pravka-worker",
            daemon=True,
        )
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child.close()
        status, detail = "timeout", None
        if self.connection.poll(WORKER_START_TIMEOUT):
            try:
                status, detail = self.connection.recv()
            except (EOFError, OSError):
                status = "died"
        if status != "ready":
            self.stop()
            raise WorkerDied(f"worker failed to start ({detail or status}, exit code {self.process.exitcode})")

    def alive(self) -> bool:
        """An idle worker never writes, so anything readable on its pipe means it is gone (EOF)."""
        try:
            return self.process.is_alive() and not self.connection.poll(0)
        except (EOFError, OSError):
            return False

    def run(self, function: Callable, payload: Any, timeout: float | None) -> Any:
        try:
            self.connection.send((function, payload))
            if not self.connection.poll(timeout):
                raise TaskTimeout(f"the task took longer than {timeout:g} s")
            status, result = self.connection.recv()
        except (EOFError, OSError):
            raise WorkerDied(f"worker died (exit code {self.process.exitcode})") from None
        if status != "ok":
            raise TaskError(result)
        return result

    def stop(self) -> None:
        # The pool's close and a pool thread that saw this worker die may stop it at once: unserialized,
        # both would close the pipe's descriptor, and the second close fails (EBADF), hiding the error
        # that ended the run («pravka fix big.txt | head» said «standard output: Bad file descriptor»).
        with self.stopping:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(timeout=10)
            self.connection.close()


class WorkerPool:
    """Up to ``processes`` workers holding a Corrector like ``corrector``; 0 runs tasks in this process."""

    def __init__(self, corrector: Any, processes: int, timeout: float | None = None) -> None:
        self.corrector = corrector
        self.processes = processes
        self.timeout = timeout
        self.idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self.workers: list[_Worker] = []
        self.lock = threading.Lock()
        self.closed = False
        self._threads: ThreadPoolExecutor | None = None

    def start(self) -> None:
        """Start every worker now (in parallel) instead of on first use."""
        if self.processes:
            with ThreadPoolExecutor(self.processes) as starter:
                for worker in list(starter.map(lambda _: self._start(), range(self.processes))):
                    self.idle.put(worker)

    def _start(self) -> _Worker:
        worker = _Worker(self.corrector)
        with self.lock:
            if self.closed:
                worker.stop()
                raise WorkerDied("the pool is closed")
            self.workers.append(worker)
        return worker

    def _drop(self, worker: _Worker) -> None:
        worker.stop()
        with self.lock:
            if worker in self.workers:
                self.workers.remove(worker)

    def _take(self) -> _Worker:
        while True:
            try:
                worker = self.idle.get_nowait()
            except queue.Empty:
                with self.lock:
                    room = len(self.workers) < self.processes
                if room:
                    return self._start()
                try:
                    worker = self.idle.get(timeout=(self.timeout or 0) + WORKER_START_TIMEOUT)
                except queue.Empty:
                    raise WorkerDied("no worker available") from None
            if worker.alive():
                return worker
            self._drop(worker)  # killed while idle: replace it before it takes a task

    def run(self, function: Callable, payload: Any) -> Any:
        """``function(corrector, payload)`` in a worker; blocking (call it from a thread in a server)."""
        if not self.processes:
            return function(shared_corrector(self.corrector), payload)
        worker = self._take()
        try:
            result = worker.run(function, payload, self.timeout)
        except (TaskTimeout, WorkerDied):
            self._drop(worker)
            raise
        except BaseException:
            self.idle.put(worker)
            raise
        self.idle.put(worker)
        return result

    def map(
        self, function: Callable, items: Iterable[Item], payload: Callable | None = None
    ) -> Iterator[tuple[Item, Any]]:
        """``(item, function(corrector, payload(item)))`` in input order, all workers busy at once."""
        prepare = payload or (lambda item: item)
        if not self.processes:
            corrector = shared_corrector(self.corrector)
            for item in items:
                yield item, function(corrector, prepare(item))
            return
        if self._threads is None:
            self._threads = ThreadPoolExecutor(self.processes, thread_name_prefix="pravka-pool")
        yield from ordered_map(self._threads, lambda item: self.run(function, prepare(item)), items, 2 * self.processes)

    def close(self, kill: bool = False) -> None:
        """End the workers: idle ones see their pipe close; with ``kill`` (or after a second) they are killed."""
        with self.lock:
            self.closed = True
            workers, self.workers = self.workers, []
        for worker in workers:
            if not kill:
                with worker.stopping:
                    worker.connection.close()
                worker.process.join(timeout=1)
            worker.stop()
        if self._threads is not None:
            self._threads.shutdown(wait=not kill, cancel_futures=True)
            self._threads = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.close(kill=kind is not None)
