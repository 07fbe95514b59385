"""Peer spell checkers on the same data, scored with the same metric: Hunspell and GNU Aspell.

Like razdel's evaluation zoo, this only *detects* the peers: when Debian's ``hunspell`` +
``hunspell-ru`` or ``aspell`` + ``aspell-ru`` are installed (``apt-get install hunspell hunspell-ru
aspell aspell-ru``) they are run, otherwise their rows say "not installed".

How a peer is run: one persistent subprocess in ispell pipe mode (``hunspell -d ru_RU -i utf-8 -a``,
``aspell -l ru --encoding=utf-8 -a``). Each sentence is written as one line prefixed with ``^`` (so no
line is taken as a command); the answer lines up to the blank line are parsed: ``& word n offset:
s1, s2, ...`` (misspelled, with suggestions), ``# word offset`` (misspelled, none), ``?`` (a guess,
treated like ``&``); offsets count characters and include the ``^``. Every flagged word with a
suggestion is replaced by its FIRST suggestion (the classic "Hunspell / Aspell first candidate"
baseline of SpellRuEval-2016), and the result is scored with the SpellRuEval metric exactly like
pravka's. Flags per 1,000 words on the clean (target) side count false alarms.

Speed: the peer's pipe over the SpellRuEval sources (all 2000 pairs, start-up excluded) against
pravka's ``fix`` over the same sources in a fresh one-core worker (``benchmarks/speed.py``), so the
ratio compares the two in the same run.

Usage: ``python benchmarks/peers.py [--dataset NAME ...] [--limit N] [--json OUT]``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import save_figures  # noqa: E402
from benchmarks.datasets import DATASETS, load_dataset  # noqa: E402
from benchmarks.quality import apply_replacements, prf  # noqa: E402
from benchmarks.spellrueval_metric import Score, Scorer, tokenize  # noqa: E402
from benchmarks.speed import SPEED_DATASETS, TOKEN_UNIT, corpus, count_tokens, run_worker  # noqa: E402


@dataclass(frozen=True)
class PeerSpec:
    name: str
    program: str
    argv: tuple[str, ...]
    packages: str


PEERS = (
    PeerSpec("hunspell", "hunspell", ("hunspell", "-d", "ru_RU", "-i", "utf-8", "-a"), "hunspell hunspell-ru"),
    PeerSpec("aspell", "aspell", ("aspell", "-l", "ru", "--encoding=utf-8", "-a"), "aspell aspell-ru"),
)


@dataclass(frozen=True, slots=True)
class Flag:
    start: int
    end: int
    word: str
    suggestions: tuple[str, ...]


class PeerUnavailable(RuntimeError):
    pass


class IspellPipe:
    """One long-running ``-a`` (ispell pipe mode) process."""

    def __init__(self, spec: PeerSpec):
        if shutil.which(spec.program) is None:
            raise PeerUnavailable(f"{spec.program} not installed")
        self.spec = spec
        self.process = subprocess.Popen(
            spec.argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            bufsize=1,
        )
        banner = self.process.stdout.readline()
        if not banner.startswith("@(#)"):
            error = self.process.stderr.read() if self.process.poll() is not None else ""
            self.close()
            raise PeerUnavailable(f"{spec.name}: no Russian dictionary? {(banner + error).strip()[:200]}")
        self.banner = banner.strip()

    def check(self, line: str) -> list[Flag]:
        line = " ".join(line.split())  # one line, no tabs or newlines
        self.process.stdin.write("^" + line + "\n")
        self.process.stdin.flush()
        flags = []
        while True:
            answer = self.process.stdout.readline()
            if answer == "":
                raise RuntimeError(f"{self.spec.name} exited unexpectedly")
            answer = answer.rstrip("\n")
            if answer == "":
                break
            flag = parse_answer(answer, line)
            if flag is not None:
                flags.append(flag)
        return flags

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def parse_answer(answer: str, line: str) -> Flag | None:
    """One ispell ``-a`` answer line -> Flag (None for ``*``, ``+``, ``-`` = correct)."""
    kind = answer[0]
    if kind in "&?":
        head, _, tail = answer.partition(": ")
        parts = head.split()
        word, offset = parts[1], int(parts[3])
        suggestions = tuple(s for s in tail.split(", ") if s)
    elif kind == "#":
        parts = answer.split()
        word, offset = parts[1], int(parts[2])
        suggestions = ()
    else:
        return None
    start = locate(line, word, offset - 1)
    return Flag(start, start + len(word), word, suggestions)


def locate(line: str, word: str, guess: int) -> int:
    """The word's start in ``line``: the reported offset if it fits, else the nearest occurrence."""
    if line[guess : guess + len(word)] == word:
        return guess
    occurrences = []
    position = line.find(word)
    while position != -1:
        occurrences.append(position)
        position = line.find(word, position + 1)
    if not occurrences:
        return max(0, guess)
    return min(occurrences, key=lambda p: abs(p - guess))


def first_suggestion_answer(line: str, flags: list[Flag]) -> str:
    line = " ".join(line.split())
    return apply_replacements(line, [(f.start, f.end, f.suggestions[0]) for f in flags if f.suggestions])


# --------------------------------------------------------------------------- evaluation


@dataclass
class PeerReport:
    peer: str
    dataset: str
    sentences: int
    score: Score
    clean_words: int
    clean_flags: int
    seconds: float
    tokens: int
    top_false_alarms: list = field(default_factory=list)

    @property
    def flags_per_1k(self) -> float | None:
        return 1000 * self.clean_flags / self.clean_words if self.clean_words else None

    def as_dict(self) -> dict:
        return {
            "peer": self.peer,
            "dataset": self.dataset,
            "sentences": self.sentences,
            "score": self.score.as_dict(),
            "clean_words": self.clean_words,
            "clean_flags": self.clean_flags,
            "flags_per_1k": self.flags_per_1k,
            "seconds": self.seconds,
            "tokens": self.tokens,
            "top_false_alarms": self.top_false_alarms,
        }


def evaluate_peer(pipe: IspellPipe, dataset: str, limit: int | None = None) -> PeerReport:
    from collections import Counter

    pairs = load_dataset(dataset, limit)
    scorer = Scorer()
    started = time.perf_counter()
    answers = [first_suggestion_answer(p.source, pipe.check(p.source)) for p in pairs]
    seconds = time.perf_counter() - started
    for pair, answer in zip(pairs, answers):
        scorer.add(pair.source, pair.target, answer)
    clean_flags, clean_words, alarms = 0, 0, Counter()
    for pair in pairs:
        flags = pipe.check(pair.target)
        clean_flags += len(flags)
        clean_words += len(tokenize(pair.target))
        alarms.update(f"{f.word} -> {f.suggestions[0] if f.suggestions else '—'}" for f in flags)
    return PeerReport(
        peer=pipe.spec.name,
        dataset=dataset,
        sentences=len(pairs),
        score=scorer.score,
        clean_words=clean_words,
        clean_flags=clean_flags,
        seconds=seconds,
        tokens=count_tokens(p.source for p in pairs),
        top_false_alarms=alarms.most_common(15),
    )


def peer_speed(pipe: IspellPipe, limit: int | None = None) -> dict:
    """Tokens/s of the peer over the SpellRuEval sources (check + applying first suggestions)."""
    texts = [p.source for p in corpus(limit)]
    pipe.check("тест")
    started = time.perf_counter()
    for text in texts:
        first_suggestion_answer(text, pipe.check(text))
    seconds = time.perf_counter() - started
    tokens = count_tokens(texts)
    return {"tokens": tokens, "seconds": seconds, "tokens_per_second": tokens / seconds if seconds else float("inf")}


def pravka_speed(limit: int | None = None) -> dict:
    """pravka's fix() over the same SpellRuEval sources, in a fresh one-core worker."""
    result = run_worker("fix-sources", limit, SPEED_DATASETS)
    result["tokens_per_second"] = result["tokens"] / result["seconds"] if result["seconds"] else float("inf")
    return result


def run_peers(datasets: list[str], limit: int | None = None, speed_limit: int | None = None, progress=None) -> dict:
    """Every peer on every data set, plus the speed comparison; a missing peer gets a 'not installed' note."""
    results: dict = {"peers": {}, "token_unit": TOKEN_UNIT}
    pravka = None
    for spec in PEERS:
        entry: dict = {"installed": False}
        try:
            pipe = IspellPipe(spec)
        except PeerUnavailable as error:
            entry["note"] = f"not installed ({error}); apt-get install {spec.packages}"
            results["peers"][spec.name] = entry
            if progress:
                progress(entry["note"])
            continue
        with pipe:
            entry.update(installed=True, version=pipe.banner, reports={})
            for dataset in datasets:
                report = evaluate_peer(pipe, dataset, limit)
                entry["reports"][dataset] = report
                if progress:
                    progress(f"{spec.name} {dataset}: {prf(report.score)} ({report.seconds:.1f} s)")
            entry["speed"] = peer_speed(pipe, speed_limit)
        if pravka is None:
            pravka = pravka_speed(speed_limit)
        entry["speed"]["ratio_vs_pravka"] = entry["speed"]["tokens_per_second"] / pravka["tokens_per_second"]
        results["peers"][spec.name] = entry
    results["pravka_speed"] = pravka
    return results


def peers_table(results: dict, datasets: list[str]) -> str:
    lines = [
        "| peer | data set | P / R / F1 (first suggestion of every flag) | flags / 1k clean words |",
        "|---|---|---|---:|",
    ]
    for name, entry in results["peers"].items():
        if not entry["installed"]:
            lines.append(f"| {name} | all | {entry['note']} | |")
            continue
        for dataset in datasets:
            report = entry["reports"][dataset]
            flags = "n/a" if report.flags_per_1k is None else f"{report.flags_per_1k:.1f}"
            lines.append(f"| {name} | {DATASETS[dataset].title} | {prf(report.score)} | {flags} |")
    pravka = results.get("pravka_speed")
    lines += ["", f"Speed on the SpellRuEval sources, {results['token_unit']}, one process:", "",
              "| system | tokens/s | relative to pravka fix() |", "|---|---:|---:|"]
    if pravka:
        lines.append(f"| pravka fix() (1 core) | {pravka['tokens_per_second']:,.0f} | 1.00× |")
    for name, entry in results["peers"].items():
        if entry["installed"]:
            speed = entry["speed"]
            lines.append(f"| {name} -a, first suggestion | {speed['tokens_per_second']:,.0f} | {speed['ratio_vs_pravka']:.2f}× |")
        else:
            lines.append(f"| {name} | not installed | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", action="append", choices=sorted(DATASETS), help="repeatable; default: all")
    parser.add_argument("--limit", type=int, help="first N pairs of each data set (and of the speed corpus)")
    parser.add_argument("--json", metavar="OUT", help="save the figures as JSON")
    args = parser.parse_args(argv)
    datasets = args.dataset or list(DATASETS)
    results = run_peers(datasets, args.limit, args.limit, progress=lambda m: print(m, file=sys.stderr, flush=True))
    print(peers_table(results, datasets))
    for name, entry in results["peers"].items():
        if entry["installed"]:
            print(f"\n{name} ({entry['version']}) top flags on clean text, first data set:")
            for label, count in entry["reports"][datasets[0]].top_false_alarms[:10]:
                print(f"  {count:4d}  {label}")
    if args.json:
        save_figures(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
