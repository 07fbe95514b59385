"""The word sets the detectors and candidate generators read, kept as data in ``words.txt``.

A rule's words («хотеть», «мочь», … take an infinitive; «вовсе», «отнюдь» strengthen a negation) are
language facts, not code: they live in one text file beside this module, one section a set, named
after the module that reads it (``[detect.realword.takes_infinitive]``). The file is package data and
is parsed once per process, on the first look-up.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _sections() -> dict[str, tuple[str, ...]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    text = resources.files(__package__).joinpath("words.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif line:
            if current is None:
                raise ValueError(f"words.txt: words before the first [section]: {line!r}")
            current.extend(line.split())
    return {name: tuple(words) for name, words in sections.items()}


def word_tuple(name: str) -> tuple[str, ...]:
    """The words of section ``name`` in the file's order."""
    try:
        return _sections()[name]
    except KeyError:
        raise KeyError(f"no word set [{name}] in pravka/ru/words.txt") from None


def word_set(name: str) -> frozenset[str]:
    """The words of section ``name``."""
    return frozenset(word_tuple(name))
