"""pravka: find and fix garbled words in Russian text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .types import Finding, Suggestion

if TYPE_CHECKING:
    from .corrector import Corrector

__all__ = ["Corrector", "Finding", "Suggestion"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Imported on first use, not with the package: a worker process imports the package to reach
    # ``pravka.parallel`` and must be ignoring Ctrl-C before the heavy modules load (see parallel).
    if name == "Corrector":
        from .corrector import Corrector

        return Corrector
    raise AttributeError(f"module 'pravka' has no attribute {name!r}")
