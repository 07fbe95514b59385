"""pravka's benchmark suite: quality (SpellRuEval metric), speed and peer spell checkers.

Run ``python -m benchmarks`` from the repository root for the combined table; see each module's
docstring for what it measures. The data is read from ``../shared/eval`` (or ``$PRAVKA_EVAL_DIR``)
and never copied into the repository.
"""

import json
from pathlib import Path


def save_figures(path: str, figures) -> None:
    """Write a benchmark's figures as JSON; objects with ``as_dict`` (reports, scores) are expanded."""
    text = json.dumps(figures, ensure_ascii=False, indent=1, default=lambda o: o.as_dict() if hasattr(o, "as_dict") else str(o))
    Path(path).write_text(text, encoding="utf-8")
    print(f"\nfigures saved to {path}")
