"""The compiled-table cache: a one-line notice while it compiles, a temporary folder when the usual one
cannot be written (a read-only or missing home), never a traceback."""

import logging
import os
import subprocess
import sys

from pravka.lexicon import cache_dir

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
    assert any(name.startswith("freq-") for name in os.listdir(tmp_path / "fresh-cache"))
    again = _check(tmp_path, tmp_path / "fresh-cache")
    assert "compiling" not in again.stderr  # later starts use the cache silently


def test_a_new_table_replaces_the_stale_ones_of_its_family_only(tmp_path):
    from pravka.lexicon import compiled_once

    older = tmp_path / "confusion-v1-old.dawg"
    neighbour = tmp_path / "confusion-notes.txt"  # another suffix: not a table of the family
    other_family = tmp_path / "blend-confusion-v1-old.dawg"
    for path in (older, neighbour, other_family):
        path.write_text("old")
    built = []

    def build(path):
        built.append(path)
        path.write_text("new")

    current = tmp_path / "confusion-v2-new.dawg"
    assert compiled_once(current, build, "confusion") == current
    assert built == [current] and current.read_text() == "new"
    assert not older.exists() and neighbour.exists() and other_family.exists()
    compiled_once(current, build, "confusion")
    assert built == [current]  # compiled once: a later call only opens it


def test_a_compiled_table_is_built_once_and_again_when_the_package_changes(tmp_path, monkeypatch):
    from pravka import lexicon

    monkeypatch.setenv("PRAVKA_CACHE_DIR", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"примерить": (("применить", 0.9, 1.5),), "погода": ()}

    first = lexicon.compiled_mapping("test-table", build)
    assert first == build() and len(builds) == 2  # the call here, and the one compile
    builds.clear()
    assert lexicon.compiled_mapping("test-table", build) == first and not builds  # read back, not rebuilt
    monkeypatch.setattr(lexicon, "package_tag", lambda: "another-version-of-the-rules")
    assert lexicon.compiled_mapping("test-table", build) == first and len(builds) == 1
    assert len(list(tmp_path.glob("test-table-*.marshal"))) == 1  # the stale one is gone


def test_the_package_tag_changes_with_any_file_of_the_package(tmp_path, monkeypatch):
    from pravka import lexicon

    package = tmp_path / "pravka"
    package.mkdir()
    (package / "lexicon.py").write_text("# rules\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "__file__", str(package / "lexicon.py"))
    tags = []
    for text in ("слово\n", "слова\n"):
        (package / "words.txt").write_text(text, encoding="utf-8")
        lexicon.package_tag.cache_clear()
        tags.append(lexicon.package_tag())
    lexicon.package_tag.cache_clear()
    assert tags[0] != tags[1]


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
