"""Bounded loopback load test of ``pravka serve``.

Starts the real server (uvicorn, in a subprocess, so the clients do not share its interpreter) on a
free 127.0.0.1 port and sends it a fixed number of requests (1,000 by default) from a few concurrent
clients (8 by default), each keeping its own HTTP/1.1 connection. The mix is drawn with a fixed seed:

* ``text``      — 1 to 6 lines from ``samples/*.txt`` (real findings), form-encoded like LanguageTool
  clients send them;
* ``data``      — the same as LanguageTool's annotated ``data`` parameter with some markup;
* ``malformed`` — no text, an unsupported language, broken ``data`` JSON, bytes that are not UTF-8, an
  unsupported Content-Type;
* ``oversized`` — a body over the server's byte limit (expect 413);
* ``too-long``  — a body within the byte limit but a text over the character limit (expect 413).

It prints requests per second, p50/p99 latency overall and per kind, and the status codes, and
fails (exit 1) on any 5xx, on a connection error, or on a status other than the one expected for its
kind. Nothing leaves this machine: the target is always 127.0.0.1, and the run stops by itself after
``--requests`` requests or ``--deadline`` seconds, whichever comes first.

Usage: ``python benchmarks/load_server.py [--requests 1000] [--clients 8] [--seed 1] [--json OUT]``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only, by design
MAX_BODY_BYTES = 256 * 1024
MAX_TEXT_CHARS = 20_000
EXPECTED = {"text": {200}, "data": {200}, "malformed": {400, 415}, "oversized": {413}, "too-long": {413}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _sample_lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines or ["В понедельник прошли беседы с участием росийской делегации."]


def _form(fields: dict[str, str]) -> bytes:
    return urllib.parse.urlencode(fields).encode()


FORM = "application/x-www-form-urlencoded"


def build_requests(count: int, seed: int) -> list[tuple[str, bytes, str]]:
    """(kind, body, content type) for every request, reproducible from ``seed``."""
    rng = random.Random(seed)
    lines = _sample_lines()
    malformed = [
        (_form({"language": "ru"}), FORM),
        (_form({"text": "Привет", "language": "en-US"}), FORM),
        (_form({"data": "{broken", "language": "ru"}), FORM),
        (_form({"data": '{"annotation": [{"oops": 1}]}', "language": "ru"}), FORM),
        (b"text=%FF%FE%FD&language=ru", FORM),
        (b'{"text": "json is not accepted"}', "application/json"),
    ]
    requests = []
    for _ in range(count):
        roll = rng.random()
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 6)))
        if roll < 0.70:
            requests.append(("text", _form({"text": text, "language": "ru-RU"}), FORM))
        elif roll < 0.75:
            words = text.split(" ")
            cut = len(words) // 2
            annotation = [{"markup": "<p>"}, {"text": " ".join(words[:cut]) + " "}, {"markup": "<b>"},
                          {"text": " ".join(words[cut:])}, {"markup": "</b></p>"}]
            data = json.dumps({"annotation": annotation}, ensure_ascii=False)
            requests.append(("data", _form({"data": data, "language": "ru"}), FORM))
        elif roll < 0.85:
            body, content_type = rng.choice(malformed)
            requests.append(("malformed", body, content_type))
        elif roll < 0.95:
            filler = "а" * (MAX_BODY_BYTES // 6 + 100)  # percent-encoded Cyrillic: 6 bytes a letter
            requests.append(("oversized", _form({"text": filler, "language": "ru"}), FORM))
        else:
            requests.append(("too-long", _form({"text": "x" * (MAX_TEXT_CHARS + 1), "language": "ru"}), FORM))
    return requests


def start_server(port: int) -> subprocess.Popen:
    code = (
        "from pravka.shells.server import run; "
        f"run(host={HOST!r}, port={port}, max_body_bytes={MAX_BODY_BYTES}, "
        f"max_text_chars={MAX_TEXT_CHARS}, log_level='warning')"
    )
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)


def wait_ready(port: int, process: subprocess.Popen, timeout: float = 120.0) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/v2/healthcheck")
            if connection.getresponse().status == 200:
                connection.close()
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not become ready")


def run_load(port: int, requests: list[tuple[str, bytes, str]], clients: int, deadline: float) -> list[dict]:
    results: list[dict] = []
    lock = threading.Lock()
    queue = list(enumerate(requests))
    stop_at = time.monotonic() + deadline

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        while time.monotonic() < stop_at:
            with lock:
                if not queue:
                    break
                index, (kind, body, content_type) = queue.pop()
            started = time.perf_counter()
            try:
                connection.request("POST", "/v2/check", body=body, headers={"Content-Type": content_type})
                response = connection.getresponse()
                payload = response.read()
                status = response.status
                if status == 200:
                    json.loads(payload)["matches"]  # a well-formed LanguageTool answer
                if response.will_close:
                    connection.close()
            except (OSError, http.client.HTTPException, ValueError, KeyError) as error:
                status = f"error: {type(error).__name__}"
                connection.close()
            elapsed = time.perf_counter() - started
            with lock:
                results.append({"index": index, "kind": kind, "status": status, "seconds": elapsed})
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))  # nearest rank
    return ordered[rank]


def summarize(results: list[dict], wall: float) -> dict:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for r in results:
        by_kind[r["kind"]].append(r["seconds"])
    latencies = [r["seconds"] for r in results]
    statuses = Counter(str(r["status"]) for r in results)
    unexpected = [r for r in results if r["status"] not in EXPECTED[r["kind"]]]
    return {
        "requests": len(results),
        "wall_seconds": round(wall, 2),
        "requests_per_second": round(len(results) / wall, 1) if wall else None,
        "p50_ms": round(1000 * _percentile(latencies, 50), 1) if latencies else None,
        "p99_ms": round(1000 * _percentile(latencies, 99), 1) if latencies else None,
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else None,
        "per_kind": {
            kind: {"count": len(v), "p50_ms": round(1000 * _percentile(v, 50), 1),
                   "p99_ms": round(1000 * _percentile(v, 99), 1)}
            for kind, v in sorted(by_kind.items())
        },
        "statuses": dict(sorted(statuses.items())),
        "server_errors": sum(1 for r in results if isinstance(r["status"], int) and r["status"] >= 500),
        "connection_errors": sum(1 for r in results if not isinstance(r["status"], int)),
        "unexpected": len(unexpected),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--deadline", type=float, default=600.0, help="stop sending after this many seconds")
    parser.add_argument("--json", dest="json_out", help="also write the summary here")
    args = parser.parse_args(argv)

    requests = build_requests(args.requests, args.seed)
    port = _free_port()
    server = start_server(port)
    try:
        ready = wait_ready(port, server)
        started = time.monotonic()
        results = run_load(port, requests, args.clients, args.deadline)
        wall = time.monotonic() - started
        alive = server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    summary = summarize(results, wall)
    summary.update({"clients": args.clients, "server_start_seconds": round(ready, 2),
                    "server_alive_at_end": alive})
    print(f"{summary['requests']} requests, {args.clients} clients, {summary['wall_seconds']} s "
          f"({summary['requests_per_second']} req/s); server ready in {summary['server_start_seconds']} s")
    print(f"latency p50 {summary['p50_ms']} ms, p99 {summary['p99_ms']} ms, mean {summary['mean_ms']} ms")
    print("| kind | count | p50 ms | p99 ms |\n|---|---:|---:|---:|")
    for kind, row in summary["per_kind"].items():
        print(f"| {kind} | {row['count']} | {row['p50_ms']} | {row['p99_ms']} |")
    print(f"statuses: {summary['statuses']}")
    print(f"5xx: {summary['server_errors']}, connection errors: {summary['connection_errors']}, "
          f"unexpected statuses: {summary['unexpected']}, server alive: {alive}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(summary, indent=2), encoding="utf-8")

    ok = (summary["server_errors"] == 0 and summary["connection_errors"] == 0
          and summary["unexpected"] == 0 and alive and summary["requests"] == args.requests)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
