"""pravka: find and fix garbled words in Russian text."""

from .corrector import Corrector
from .types import Finding, Suggestion

__all__ = ["Corrector", "Finding", "Suggestion"]
__version__ = "0.1.0"
