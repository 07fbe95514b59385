"""The compiled-table cache: a one-line notice while it compiles, a temporary folder when the usual one
cannot be written (a read-only or missing home), never a traceback."""

import importlib
import logging
import marshal
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pravka.lexicon import cache_dir, mapped_trie, saved_trie

DAMAGED = "В Женеве прошли беседы с участием росийской делегации.\n"


def _check(tmp_path, cache):
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PRAVKA_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "pravka", "check", str(path)], capture_output=True, text=True, env=env, timeout=900)


def test_an_unwritable_cache_folder_falls_back_to_a_temporary_one(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("PRAVKA_CACHE_DIR", str(blocker / "cache"))
    with caplog.at_level(logging.WARNING, logger="pravka"):
        folder = cache_dir()
    assert folder != blocker / "cache" and folder.is_dir() and os.access(folder, os.W_OK)
    [record] = caplog.records
    assert "not writable" in record.getMessage() and "PRAVKA_CACHE_DIR" in record.getMessage()
    assert cache_dir() == folder  # decided once per process

    result = _check(tmp_path, blocker / "cache")
    assert result.returncode == 1 and "росийской" in result.stdout
    notices = [line for line in result.stderr.splitlines() if "not writable" in line]
    assert len(notices) == 1 and "Traceback" not in result.stderr


def test_the_first_compile_says_so_in_one_line(tmp_path):
    result = _check(tmp_path, tmp_path / "fresh-cache")
    assert result.returncode == 1 and "росийской" in result.stdout
    assert [line for line in result.stderr.splitlines() if "compiling the word tables once" in line] != []
    assert "Traceback" not in result.stderr
    names = os.listdir(tmp_path / "fresh-cache")
    assert any(name.startswith("freq-") for name in names)
    # each table survives the others' clean-up of their stale files
    assert any(name.startswith("confusion-neighbours-") for name in names)
    assert any(name.startswith("confusion-sets-") for name in names)
    again = _check(tmp_path, tmp_path / "fresh-cache")
    assert "compiling" not in again.stderr  # later starts use the cache silently


def test_a_new_table_replaces_the_stale_ones_of_its_family_only(tmp_path):
    from pravka.lexicon import compiled_once

    older = tmp_path / "confusion-v1-old.dawg"
    older_format = tmp_path / "confusion-v1-old.marshal"  # the same family in an earlier table format
    neighbour = tmp_path / "confusion-notes.txt"  # not a table suffix: not a table of the family
    other_family = tmp_path / "blend-confusion-v1-old.dawg"
    for path in (older, older_format, neighbour, other_family):
        path.write_text("old")
    built = []

    def build(path):
        built.append(path)
        path.write_text("new")

    current = tmp_path / "confusion-v2-new.dawg"
    assert compiled_once(current, build, "confusion") == current
    assert built == [current] and current.read_text() == "new"
    assert not older.exists() and not older_format.exists()
    assert neighbour.exists() and other_family.exists()
    compiled_once(current, build, "confusion")
    assert built == [current]  # compiled once: a later call only opens it


def test_any_build_removes_the_tables_of_families_this_version_no_longer_writes(tmp_path):
    # An upgrader's cache holds the neighbour index under its old family name, «confusion-v2-…»,
    # which no table of today's replaces; the tables of today's «confusion-sets» family stay.
    from pravka.lexicon import compiled_once

    retired = tmp_path / "confusion-v2-v5-2_4_417150_4580142-3_1_1.dawg"
    current_sets = tmp_path / "confusion-sets-v5-new.dawg"
    for path in (retired, current_sets):
        path.write_text("old")
    compiled_once(tmp_path / "freq-v6-new.dawg", lambda path: path.write_text("new"), "freq")
    assert not retired.exists() and current_sets.exists()


def _package(tmp_path, monkeypatch):
    """A package «fakerules» beside the tests: a builder module that imports a module of rules, which
    names a word list; a module and a data file nothing of the builder's reads."""
    package = tmp_path / "fakerules"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "builder.py").write_text("from .rules import LIMIT, read\n", encoding="utf-8")
    (package / "rules.py").write_text(
        'LIMIT = 3\nWORDS = "data/words.txt"\n\ndef read():\n    from . import spelling  # lazy\n',
        encoding="utf-8",
    )
    (package / "spelling.py").write_text("VOWELS = 'аеиоуыэюя'\n", encoding="utf-8")
    (package / "unrelated.py").write_text("HELP = 'the command line'\n", encoding="utf-8")
    (package / "data" / "words.txt").write_text("слово\n", encoding="utf-8")
    (package / "data" / "calibration.json").write_text("{}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))  # which also invalidates the import system's caches
    monkeypatch.setitem(sys.modules, "fakerules", None)  # so that the one imported next is gone after the test
    del sys.modules["fakerules"]
    importlib.import_module("fakerules")
    return package


def test_a_compiled_table_is_built_again_when_what_it_is_built_from_changes_and_only_then(tmp_path, monkeypatch):
    from pravka import lexicon

    package = _package(tmp_path, monkeypatch)
    monkeypatch.setenv("PRAVKA_CACHE_DIR", str(tmp_path / "cache"))
    builds = []

    def build():
        builds.append(1)
        return {"примерить": (("применить", 0.9, 1.5),), "погода": ()}

    def table():
        path = lexicon.compiled_path("test-table", ("fakerules.builder",), ".marshal")
        lexicon.compiled_once(path, lambda path: lexicon.save_atomically(marshal.dumps(build()), path), "test-table")
        return marshal.loads(path.read_bytes())

    first = table()
    assert first == build() and len(builds) == 2  # the call here, and the one compile
    builds.clear()
    assert table() == first and not builds  # read back, not rebuilt
    (package / "unrelated.py").write_text("HELP = 'the command line, reworded'\n", encoding="utf-8")
    (package / "data" / "calibration.json").write_text('{"refit": true}\n', encoding="utf-8")
    (package / "__init__.py").write_text("from .unrelated import HELP\n", encoding="utf-8")
    assert table() == first and not builds  # nothing the builder reads changed
    edits = [
        (package / "rules.py", "\nLIMIT = 4\n"),  # an imported module
        (package / "spelling.py", "\nVOWELS += 'ё'\n"),  # imported lazily by it
        (package / "data" / "words.txt", "слова\n"),  # a data file it names
    ]
    for count, (path, added) in enumerate(edits, start=1):
        path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
        assert table() == first and len(builds) == count, path.name
    assert len(list((tmp_path / "cache").glob("test-table-*.marshal"))) == 1  # the stale ones are gone


def test_a_table_is_built_from_the_modules_it_imports_and_the_data_they_name(tmp_path, monkeypatch):
    from pravka.lexicon import source_files

    _package(tmp_path, monkeypatch)
    files = source_files(("fakerules.builder",))
    assert sorted(files) == ["fakerules.builder", "fakerules.rules", "fakerules.spelling", "fakerules/data/words.txt"]
    monkeypatch.delitem(sys.modules, "fakerules")
    assert source_files(("fakerules.builder",)) == files  # found by the import system, not imported
    assert "fakerules" not in sys.modules


def test_a_refit_or_the_command_line_leave_the_screen_verdicts_and_the_confusion_sets_alone():
    from pravka.detect import DETECTORS
    from pravka.detect.screen import verdict_sources
    from pravka.lexicon import source_files

    verdicts = source_files(verdict_sources(DETECTORS))
    confusion = source_files(("pravka.detect.confusion",))
    assert {d.run.__module__ for d in DETECTORS} <= set(verdicts)  # every unit's tests
    for files in (verdicts, confusion):
        # the word lists change what is known, and so every verdict and set
        assert {"pravka.lexicon", "pravka/ru/words.txt", "pravka.dictionaries/new_words.txt"} <= set(files)
        assert not {"pravka/data/calibration.json", "pravka.calibration", "pravka.cli", "pravka.corrector"} & set(files)
    assert "pravka.detect.blend" not in confusion


def test_every_data_file_of_the_package_is_named_by_a_module_that_reads_it():
    """The cache keys find a module's data by the names it quotes; a data file read some other way
    would change no key (documentation such as the NOTICE files is read by people only)."""
    import pravka
    from pravka.lexicon import _package_tree, bundled_dictionaries, source_files

    modules, _ = _package_tree("pravka")
    reached = {path.resolve() for path in source_files(sorted(modules)).values()}
    root = Path(pravka.__file__).parent
    shipped = [*root.rglob("*"), *Path(str(bundled_dictionaries())).iterdir()]
    documentation = ("NOTICE", "py.typed")
    data = {
        path.resolve()
        for path in shipped
        if path.is_file() and path.suffix not in (".py", ".pyc") and not any(d in path.name for d in documentation)
    }
    assert data and not data - reached


def test_a_table_built_while_building_another_takes_the_lock_its_thread_holds(tmp_path):
    import threading

    from pravka.lexicon import exclusive_lock

    done = []

    def nested():
        with exclusive_lock(tmp_path / ".build.lock"), exclusive_lock(tmp_path / ".build.lock"):
            done.append(True)

    worker = threading.Thread(target=nested, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert done == [True]


def test_a_table_compiled_on_its_own_says_so_once(tmp_path, caplog):
    from pravka.lexicon import compiled_once

    with caplog.at_level(logging.WARNING, logger="pravka"):
        for family in ("first", "second"):
            compiled_once(tmp_path / f"{family}-v1.dawg", lambda path: path.write_text("table"), family)
    notices = [r.getMessage() for r in caplog.records if "compiling the word tables once" in r.getMessage()]
    assert notices == [f"pravka: compiling the word tables once into {tmp_path} (about a minute, later starts are instant)"]


# Words drawn from a few letters, so that prefixes are shared and a query returns several keys.
_WORDS = st.lists(st.text(alphabet="аеёжоя \t", min_size=1, max_size=6), min_size=1, max_size=60, unique=True)


@settings(max_examples=60, deadline=None)
@given(keys=_WORDS, prefix=st.text(alphabet="аеёжоя \t", max_size=2))
def test_a_mapped_trie_answers_a_prefix_query_in_sorted_order(tmp_path_factory, keys, prefix):
    # The blend unit's tail index stops after the first entries under a tail, which it files most
    # frequent first through their sorted order: an unordered answer would pick other words.
    path = tmp_path_factory.mktemp("trie") / "words.marisa"
    saved_trie(keys, path)
    table = mapped_trie(path)
    assert table.keys(prefix) == sorted(key for key in keys if key.startswith(prefix))
    assert list(table.iterkeys(prefix)) == table.keys(prefix)


@settings(max_examples=30, deadline=None)
@given(sets=st.dictionaries(st.text(alphabet="абвгд", min_size=1, max_size=5), st.binary(max_size=12), max_size=30))
def test_a_mapped_trie_of_values_gives_back_every_byte(tmp_path_factory, sets):
    # The confusion sets are marshal's bytes, which may hold the trie's own value separator (0xff).
    path = tmp_path_factory.mktemp("trie") / "sets.marisa"
    saved_trie(((key, value + b"\xff") for key, value in sets.items()), path, values=True)
    table = mapped_trie(path, values=True)
    assert {key: table[key] for key in sets} == {key: [value + b"\xff"] for key, value in sets.items()}
    assert table.get("ё") is None
