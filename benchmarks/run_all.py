"""Quality + speed + peers in one go, printed as one markdown table for the README.

Runs ``quality`` (pravka's fix and report modes on every data set), ``peers`` (Hunspell and Aspell
first-suggestion baselines, "not installed" when absent) and ``speed`` (one core, fresh worker
processes), then prints a combined table: one row per data set with P / R / F1 (%) per system, rows of
false alarms on clean text, and the speed and memory rows. Also ``python -m benchmarks``.

Usage: ``python benchmarks/run_all.py [--limit N] [--repeat 3] [--no-peers] [--no-speed] [--json OUT]``.
Details of each figure: the docstrings of ``quality.py``, ``peers.py`` and ``speed.py``.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import save_figures  # noqa: E402
from benchmarks import peers as peers_module  # noqa: E402
from benchmarks import quality, speed  # noqa: E402
from benchmarks.datasets import DATASETS  # noqa: E402

FALSE_ALARM_DATASETS = ("spellrueval-heldout", "gera-dev")


def _peer_cell(peer_results: dict | None, name: str, dataset: str, show) -> str:
    """``show(report)`` for one peer on one data set, or why there is no figure."""
    if peer_results is None:
        return "not run"
    entry = peer_results["peers"][name]
    if not entry["installed"]:
        return "not installed"
    return show(entry["reports"][dataset])


def combined_table(reports: dict, peer_results: dict | None, speed_figures: dict | None, threshold) -> str:
    peer_names = [spec.name for spec in peers_module.PEERS]
    header = ["", f"pravka fix (auto, threshold {threshold})", "pravka report (top suggestion)"]
    header += [f"{name.capitalize()} (first suggestion)" for name in peer_names]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]

    def row(cells: list[str]) -> None:
        lines.append("| " + " | ".join(cells) + " |")

    for name, report in reports.items():
        cells = [f"{report.title}, {report.sentences} pairs: P / R / F1",
                 quality.prf(report.fix), quality.prf(report.report)]
        cells += [_peer_cell(peer_results, peer, name, lambda r: quality.prf(r.score)) for peer in peer_names]
        row(cells)
    for name in FALSE_ALARM_DATASETS:
        if name not in reports:
            continue
        report = reports[name]
        cells = [f"{report.title}, clean side: edits (fix) / flags per 1k words",
                 quality.num(report.fixes_per_1k), quality.num(report.flags_per_1k)]
        cells += [_peer_cell(peer_results, peer, name, lambda r: quality.num(r.flags_per_1k)) for peer in peer_names]
        row(cells)
    if peer_results is not None or speed_figures is not None:
        pravka_tps = None
        if speed_figures is not None:
            pravka_tps = speed_figures["fix_sources"]["tokens_per_second"]
        elif peer_results and peer_results.get("pravka_speed"):
            pravka_tps = peer_results["pravka_speed"]["tokens_per_second"]
        cells = ["speed on SpellRuEval sources, whitespace tokens/s (1 process)",
                 "n/a" if pravka_tps is None else f"{pravka_tps:,.0f}", "—"]
        for peer in peer_names:
            entry = (peer_results or {}).get("peers", {}).get(peer)
            if entry is None:
                cells.append("not run")
            elif not entry["installed"]:
                cells.append("not installed")
            else:
                tps = entry["speed"]["tokens_per_second"]
                ratio = f" ({tps / pravka_tps:.2f}× pravka)" if pravka_tps else ""
                cells.append(f"{tps:,.0f}{ratio}")
        row(cells)
    if speed_figures is not None:
        blank = ["—"] * (1 + len(peer_names))
        check, suggest = speed_figures["check_clean"], speed_figures["suggest"]
        row(["check() on clean text, whitespace tokens/s (1 core)", f"{check['tokens_per_second']:,.0f}", *blank])
        row(["suggest() per unknown word, median / p95 / p99 ms",
             f"{suggest['median_ms']:.2f} / {suggest['p95_ms']:.2f} / {suggest['p99_ms']:.2f}", *blank])
        row(["start-up: import + first check, s", f"{speed_figures['startup_seconds']:.2f}", *blank])
        row(["peak RSS, MB", f"{speed_figures['peak_rss_mb']:.0f}", *blank])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="first N pairs of each data set (and of the speed corpus)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh speed workers per throughput figure")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--json", metavar="OUT", help="save all figures as JSON")
    args = parser.parse_args(argv)

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    corrector = quality.make_corrector(None)
    threshold = getattr(corrector, "threshold", None)
    reports = {name: quality.evaluate_dataset(corrector, name, args.limit, progress) for name in DATASETS}
    peer_results = None
    if not args.no_peers:
        peer_results = peers_module.run_peers(list(DATASETS), args.limit, args.limit, progress)
    speed_figures = None if args.no_speed else speed.measure(args.limit, args.repeat, progress)

    print(f"pravka benchmarks — SpellRuEval metric, P / R / F1 in %; Python {platform.python_version()}, "
          f"{platform.machine()}; {time.perf_counter() - started:.0f} s in all.\n")
    print(combined_table(reports, peer_results, speed_figures, threshold))
    print("\n" + quality.quality_notes(list(reports.values())))
    print("\nTop findings on clean text (pravka), distinct sentences:\n")
    print(quality.false_alarm_sections(list(reports.values()), top=15))

    if args.json:
        figures = {
            "threshold": threshold,
            "quality": [report.as_dict() for report in reports.values()],
            "peers": peer_results,
            "speed": speed_figures,
        }
        save_figures(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
