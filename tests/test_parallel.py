"""ordered_map: results in input order, and never more than a window of the input read ahead."""

from concurrent.futures import ThreadPoolExecutor

from pravka.parallel import ordered_map


def test_results_come_in_order_and_the_input_is_read_lazily():
    consumed = []

    def texts():
        for number in range(1000):
            consumed.append(number)
            yield number

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = ordered_map(pool, lambda n: n * n, texts(), window=4)
        first = next(results)
        assert first == (0, 0)
        assert len(consumed) <= 4  # a million texts would not be read up front
        rest = list(results)
    assert [item for item, _ in [first, *rest]] == list(range(1000))
    assert all(result == item * item for item, result in rest)


def test_payload_chooses_what_the_worker_receives():
    with ThreadPoolExecutor(max_workers=1) as pool:
        pairs = list(ordered_map(pool, str.upper, [("a", "слово")], window=2, payload=lambda item: item[1]))
    assert pairs == [(("a", "слово"), "СЛОВО")]


class CountingChecker:
    """A stand-in Corrector: knows its settings, counts its loads (one check each), and has cue words."""

    def __init__(self, setting="a"):
        self.setting = setting
        self.checked = 0

    def check(self, text):
        self.checked += 1
        return []


def _length(checker, text):
    import os
    import time

    if text == "спать":
        time.sleep(60)
    return len(text), os.getpid()


def test_shared_corrector_loads_once_per_settings():
    from pravka.parallel import corrector_loads, shared_corrector

    before = corrector_loads()
    first = shared_corrector(CountingChecker("x"))
    assert shared_corrector(CountingChecker("x")) is first and first.checked == 1
    assert shared_corrector(CountingChecker("y")) is not first
    assert corrector_loads() == before + 2


def test_worker_pool_keeps_order_and_replaces_a_stuck_worker():
    import pytest

    from pravka.parallel import TaskTimeout, WorkerPool

    words = ["слово", "ещё", "и", "длинноеслово"] * 10
    with WorkerPool(CountingChecker(), 0) as here:  # 0 processes: the same interface, in this process
        assert [result[0] for _, result in here.map(_length, words)] == [len(w) for w in words]
    with WorkerPool(CountingChecker(), 2, timeout=2.0) as pool:
        results = list(pool.map(_length, words))
        assert [item for item, _ in results] == words
        assert [length for _, (length, _) in results] == [len(w) for w in words]
        assert len({pid for _, (_, pid) in results}) == 2  # both workers took tasks
        with pytest.raises(TaskTimeout):
            pool.run(_length, "спать")
        assert pool.run(_length, "снова")[0] == 5  # a fresh worker took the stuck one's place
        processes = [worker.process for worker in pool.workers]
    assert all(not process.is_alive() for process in processes)  # closed with the pool


def test_a_worker_imports_only_its_body_before_it_ignores_ctrl_c():
    # A spawned worker imports the package and ``pravka.parallel`` before its first instruction; a
    # Ctrl-C during the Corrector's heavy imports would print a traceback, so they wait for its body.
    import subprocess
    import sys

    probe = "import sys, pravka.parallel; print(sorted(m for m in sys.modules if m.startswith('pravka')))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['pravka', 'pravka.parallel', 'pravka.types']"


def test_a_worker_stopped_from_two_threads_at_once_closes_its_pipe_once():
    """The pool's close and a pool thread that saw the worker die both stop it. The pipe's close is
    slowed here so that the two overlap: the second must find it closed, not close it again (EBADF)."""
    import os
    import threading
    import time

    from pravka.parallel import _Worker

    worker = _Worker(CountingChecker())
    descriptor = worker.connection.fileno()

    def slow_close():  # what Connection._close does, a moment later
        time.sleep(0.3)
        os.close(descriptor)

    worker.connection._close = slow_close
    errors = []

    def stop():
        try:
            worker.stop()
        except Exception as error:  # noqa: BLE001 - any failure of either thread fails the test
            errors.append(error)

    threads = [threading.Thread(target=stop) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and worker.connection.closed and not worker.process.is_alive()
