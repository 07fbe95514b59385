"""Time and peak memory of pravka on hostile inputs (issue 14's probe, kept as a benchmark).

Each case runs in a fresh process (the ``pravka`` command, or a short Python snippet over
``Corrector``) with a wall-clock limit; the script prints the wall time, the child's peak resident
memory (``ru_maxrss`` from ``wait4``, or ``VmHWM`` for the server) and what came out (exit status,
output size). A linear implementation answers each case in seconds and tens of megabytes more than an
idle process; a quadratic one takes minutes (shown as ``timeout``) or gigabytes.

Cases:

* ``lt-json no full stops`` — ``pravka check --format lt-json`` on ``'с ' * 25000`` (every match used
  to carry the whole text as its sentence).
* ``40k letters, no space`` / ``1 MB of letters`` — the e-mail mask's backtracking.
* ``hyphen chain 50k`` — ``абв-абв-…``.
* ``10 MB single line`` — one line of prose with no newline, checked by the CLI.
* ``/dev/zero`` — an endless stream without newlines (must stop with "binary data").
* ``CR-only 2 MB`` — old Mac line ends; every line must be its own line.
* ``pre-tokenized 1 MB`` — a space before every comma (many punctuation findings: overlap resolution).
* ``utf-16 file`` — a valid UTF-16 file whose chunks would be cut inside a code unit.
* ``server: no full stops`` (with ``--server``) — ``'с ' * 25000`` POSTed to ``/v2/check`` while
  ``/v2/healthcheck`` is polled: response size, time and the longest health-check wait.

Usage: ``python benchmarks/hostile.py [--timeout 120] [--server] [--only NAME]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PROSE = "В понедельник прошли беседы с участием росийской делегации по вопросам безопастности "


def _cases(folder: Path):
    def write(name: str, data: bytes) -> str:
        path = folder / name
        path.write_bytes(data)
        return str(path)

    cli = [sys.executable, "-m", "pravka"]
    snippet = [sys.executable, "-c"]
    check_text = "import sys; from pravka import Corrector; t = {!r}; f = Corrector().check(t); print(len(f), 'findings')"
    yield "lt-json no full stops", [*cli, "check", "--format", "lt-json", write("stops.txt", ("с " * 25000).encode())]
    yield "40k letters, no space", [*snippet, check_text.format("а" * 40000)]
    yield "1 MB of letters", [*cli, "check", write("letters.txt", ("абвгд" * 200_000).encode())]
    yield "hyphen chain 50k", [*snippet, check_text.format("абв-" * 12500)]
    yield "10 MB single line", [*cli, "check", write("line.txt", (PROSE * (10_000_000 // len(PROSE.encode()))).encode())]
    yield "/dev/zero", [*cli, "check", "/dev/zero"]
    yield "CR-only 2 MB", [*cli, "check", write("cr.txt", ("Строка с росийской делегацией.\r" * 40_000).encode())]
    yield "pre-tokenized 1 MB", [*cli, "check", write("commas.txt", ("слово , другое слово , " * 25_000 + "\n").encode())]
    yield "utf-16 file", [*cli, "check", "--encoding", "utf-16", write("u16.txt", ("Строка с росийской делегацией.\n" * 40_000).encode("utf-16"))]


def _run(command: list[str], timeout: float) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, outcome) of one command in a new process group."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, start_new_session=True)
        killer = threading.Timer(timeout, lambda: os.killpg(process.pid, 9))
        killer.start()
        stderr = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        killer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out_size = out.seek(0, os.SEEK_END)
    if process.returncode == -9 and seconds >= timeout:
        outcome = f"timeout (> {timeout:g} s)"
    else:
        last = stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        outcome = f"exit {process.returncode}, {out_size / 1e6:.2f} MB out {last[0][:70]}"
    return seconds, usage.ru_maxrss / 1024, outcome


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _server_case(timeout: float) -> tuple[float, float, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "pravka", "serve", "--port", str(port), "--check-timeout", str(timeout)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                urllib.request.urlopen(base + "/v2/healthcheck", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    return 0.0, 0.0, "server did not start"
                time.sleep(0.5)
        longest_wait = 0.0
        done = threading.Event()

        def poll():
            nonlocal longest_wait
            while not done.is_set():
                asked = time.perf_counter()
                try:
                    urllib.request.urlopen(base + "/v2/healthcheck", timeout=timeout + 60).read()
                except OSError:
                    pass
                longest_wait = max(longest_wait, time.perf_counter() - asked)
                time.sleep(0.2)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        body = urllib.parse.urlencode({"language": "ru", "text": "с " * 25000}).encode()
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(urllib.request.Request(base + "/v2/check", data=body), timeout=timeout + 60) as answer:
                size, status = len(answer.read()), answer.status
        except urllib.error.HTTPError as error:
            size, status = len(error.read()), error.code
        except OSError as error:
            size, status = 0, str(error)
        seconds = time.perf_counter() - started
        done.set()
        poller.join()
        rss = _peak_rss_mb(server.pid)
        return seconds, rss, f"HTTP {status}, {size / 1e6:.2f} MB, longest healthcheck wait {longest_wait:.2f} s"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per case")
    parser.add_argument("--server", action="store_true", help="also run the server case")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pravka-hostile-"))
    try:
        print(f"{'case':<24} {'seconds':>8} {'peak MB':>8}  outcome")
        cases = list(_cases(folder))
        for name, command in cases:
            if arguments.only and arguments.only not in name:
                continue
            seconds, rss, outcome = _run(command, arguments.timeout)
            print(f"{name:<24} {seconds:8.1f} {rss:8.0f}  {outcome}", flush=True)
        if arguments.server and (not arguments.only or arguments.only in "server: no full stops"):
            seconds, rss, outcome = _server_case(arguments.timeout)
            print(f"{'server: no full stops':<24} {seconds:8.1f} {rss:8.0f}  {outcome}", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
