"""Settings from ``[tool.pravka]`` in ``pyproject.toml`` or from a ``.pravka.toml``, and what overrides them.

How the settings are found and merged, in plain words:

1. **Find the file.** From the working folder upward, the first folder that holds a ``.pravka.toml``
   (its top-level keys) or a ``pyproject.toml`` with a ``[tool.pravka]`` table gives the settings; in
   one folder ``.pravka.toml`` wins. A ``pyproject.toml`` without the table is passed over, as ruff and
   codespell do, so a package inside a bigger project still finds the project's settings.
   ``$PRAVKA_CONFIG`` names the file instead, for programs started elsewhere (Emacs starts
   ``pravka-ispell`` in the home folder).
2. **Read and check it.** The keys are ``words``, ``dictionaries``, ``include``, ``exclude``,
   ``disable``, ``only`` (lists of strings), ``threshold`` (a number within [0, 1]), ``model`` (a
   path) and ``swaps`` (true or false: also look for synonym swaps, which is slow). An unknown key or a wrong type is an error naming the file and the key, never ignored.
   ``dictionaries`` and ``model`` are relative to the file's folder, so the settings mean the same from
   any subfolder.
3. **Merge.** A command-line flag replaces the file's value; the accepted words are the exception:
   ``words`` from the file, ``--ignore-words-list`` and the personal dictionary (``pravka add``) all
   count, and so do ``dictionaries`` and ``--dict``. Every value remembers where it came from, which
   ``pravka config`` shows.
4. **Select files.** ``include`` and ``exclude`` are globs matched against paths relative to the
   settings file's folder: a glob with a ``/`` matches the whole relative path (``*`` crosses folders,
   a leading ``**/`` may match none), one without matches the file's name or any folder on its way
   (``build`` leaves out everything under a ``build`` folder). ``include`` chooses the files taken from
   folders; ``exclude`` drops files, named ones too (a pre-commit hook names every staged file).

The result is one small :class:`Settings` value; :meth:`Settings.corrector_arguments` is what every
shell passes to :class:`pravka.Corrector`.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

SETTINGS_FILE = ".pravka.toml"
PYPROJECT = "pyproject.toml"
LIST_KEYS = ("words", "dictionaries", "include", "exclude", "disable", "only")
KEYS = (*LIST_KEYS, "threshold", "model", "swaps")
DEFAULT = "default"


class ConfigError(Exception):
    """A settings file pravka cannot use; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    words: tuple[str, ...] = ()
    dictionaries: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    threshold: float | None = None
    model: str | None = None
    swaps: bool = False
    file: str | None = None  # the settings file, with " [tool.pravka]" for a pyproject.toml
    root: str | None = None  # the folder globs are relative to
    sources: dict[str, str] = field(default_factory=dict)  # key → where its value came from

    def source(self, key: str) -> str:
        return self.sources.get(key, DEFAULT)

    def corrector_arguments(self) -> dict[str, Any]:
        """Keyword arguments for :class:`pravka.Corrector`."""
        return {
            "threshold": self.threshold,
            "dictionaries": self.dictionaries,
            "model": self.model,
            "words": self.words,
            "disable": self.disable,
            "only": self.only,
            "swaps": self.swaps,
        }

    def with_flags(self, **flags: Any) -> Settings:
        """These settings with command-line values laid over them: a flag that is None or empty is
        not given; ``words`` and ``dictionaries`` are added to, the rest replaced."""
        changes: dict[str, Any] = {}
        sources = dict(self.sources)
        for key, value in flags.items():
            if key not in KEYS:
                raise TypeError(f"unknown setting {key!r}")
            if value is None or (key in LIST_KEYS and not value):
                continue
            if key in LIST_KEYS:
                value = tuple(value)
                if key in ("words", "dictionaries"):
                    value = _unique(getattr(self, key) + value)
                    sources[key] = _joined(self.source(key), "command line")
                else:
                    sources[key] = "command line"
            else:
                sources[key] = "command line"
            changes[key] = value
        return dataclasses.replace(self, sources=sources, **changes)

    def with_personal_words(self, words: list[str], where: str) -> Settings:
        if not words:
            return self
        sources = {**self.sources, "words": _joined(self.source("words"), f"personal dictionary {where}")}
        return dataclasses.replace(self, words=_unique(self.words + tuple(words)), sources=sources)

    def excluded(self, path: str) -> bool:
        """True when an ``exclude`` glob matches ``path`` (relative to the settings file's folder)."""
        relative = self._relative(path)
        return relative is not None and any(_glob_matches(relative, pattern) for pattern in self.exclude)

    def included(self, path: str) -> bool:
        """True when ``include`` is unset or one of its globs matches ``path``."""
        if not self.include:
            return True
        relative = self._relative(path)
        return relative is not None and any(_glob_matches(relative, pattern) for pattern in self.include)

    def _relative(self, path: str) -> PurePosixPath | None:
        root = Path(self.root) if self.root else Path.cwd()
        try:
            return PurePosixPath(Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix())
        except ValueError:
            return None  # outside the settings' folder: its globs do not speak about it


def find_settings_file(start: str | os.PathLike | None = None) -> tuple[Path, bool] | None:
    """(path, is_pyproject) of the settings file for ``start`` (default: the working folder)."""
    named = os.environ.get("PRAVKA_CONFIG")
    if named:
        path = Path(named).resolve()
        if not path.is_file():
            raise ConfigError(f"{named}: no such settings file (named by PRAVKA_CONFIG)")
        return path, path.name == PYPROJECT
    folder = Path(start or os.getcwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / SETTINGS_FILE
        if own.is_file():
            return own, False
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and "pravka" in _read_toml(pyproject).get("tool", {}):
            return pyproject, True
    return None


def load_settings(start: str | os.PathLike | None = None) -> Settings:
    """The settings that apply in ``start`` (default: the working folder); defaults when no file."""
    found = find_settings_file(start)
    if found is None:
        return Settings()
    path, is_pyproject = found
    table = _read_toml(path)
    if is_pyproject:
        table = table.get("tool", {}).get("pravka", {})
        label = f"{path} [tool.pravka]"
    else:
        label = str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{label}: must be a table of settings")
    return _settings_from(table, label, path.parent)


def _settings_from(table: dict, label: str, root: Path) -> Settings:
    from .corrector import KINDS

    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{label}: unknown setting {key!r}; the settings are {', '.join(KEYS)}")
        if key in LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ConfigError(f"{label}: {key} must be a list of strings")
            values[key] = tuple(value)
        elif key == "threshold":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ConfigError(f"{label}: threshold must be a number within [0, 1], got {value!r}")
            values[key] = float(value)
        elif key == "swaps":
            if not isinstance(value, bool):
                raise ConfigError(f"{label}: swaps must be true or false, got {value!r}")
            values[key] = value
        else:
            if not isinstance(value, str):
                raise ConfigError(f"{label}: model must be a path (a string)")
            values[key] = value
    for key in ("disable", "only"):
        unknown = sorted(set(values.get(key, ())) - set(KINDS))
        if unknown:
            raise ConfigError(f"{label}: {key}: unknown kind {', '.join(unknown)}; the kinds are {', '.join(KINDS)}")
    if "dictionaries" in values:
        values["dictionaries"] = tuple(str(root / path) for path in values["dictionaries"])
    if "model" in values:
        values["model"] = str(root / values["model"])
    return Settings(**values, file=label, root=str(root), sources={key: label for key in values})


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None


def _glob_matches(relative: PurePosixPath, pattern: str) -> bool:
    pattern = pattern.strip()
    if pattern.endswith("/"):  # a folder: anything under it
        pattern = pattern.rstrip("/")
        return any(_glob_matches(folder, pattern) for folder in relative.parents if str(folder) != ".")
    if "/" not in pattern:
        return any(fnmatchcase(part, pattern) for part in relative.parts)
    text = relative.as_posix()
    pattern = pattern.lstrip("/")
    return fnmatchcase(text, pattern) or (pattern.startswith("**/") and fnmatchcase(text, pattern[3:]))


def _unique(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _joined(previous: str, addition: str) -> str:
    return addition if previous == DEFAULT else f"{previous} + {addition}"
