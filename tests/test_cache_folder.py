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
