"""The personal dictionary: words one person accepts everywhere, added with ``pravka add WORD``.

It is a plain word list (one word per line, ``#`` starts a comment, the format of ``--dict``) in the
user's data folder: ``$PRAVKA_DATA_DIR`` when set, else ``$XDG_DATA_HOME/pravka`` (by default
``~/.local/share/pravka``), file ``words.txt``. Every ``check``, ``fix``, the server and the
Hunspell-style pipe read it at start; ``fix -i`` adds to it. Adding rewrites the file atomically
(a temporary file renamed over it), so two runs adding at once never leave it half-written.
"""

from __future__ import annotations

import os
from pathlib import Path

from .textio import atomic_writer

FILE_NAME = "words.txt"


def dictionary_path() -> Path:
    folder = os.environ.get("PRAVKA_DATA_DIR") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share"), "pravka"
    )
    return Path(folder) / FILE_NAME


def personal_words() -> list[str]:
    """The words of the personal dictionary as written (an absent or unreadable file holds none)."""
    try:
        with open(dictionary_path(), encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [word for word in (line.split("#", 1)[0].strip() for line in lines) if word]


def add_words(words: list[str]) -> list[str]:
    """Add ``words`` to the personal dictionary; return the ones it did not hold yet (case and ё folded)."""
    from .lexicon import fold

    for word in words:
        if not word.strip() or any(ch.isspace() for ch in word.strip()) or "#" in word:
            raise ValueError(f"not a word: {word!r} (one word, no spaces or '#')")
    path = dictionary_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    known = {fold(word) for word in personal_words()}
    added = []
    for word in (word.strip() for word in words):
        if fold(word) not in known:
            known.add(fold(word))
            added.append(word)
    if added:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_writer(str(path)) as handle:
            handle.writelines(line + "\n" for line in [*lines, *added])
    return added
