"""Settings files, ignoring (kinds, word lists, excludes, skipped spans) and the personal dictionary,
through the real command line."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pravka.cli import main
from pravka.config import ConfigError, Settings, load_settings

DAMAGED = "Переговоры шли долго.\nВ Женеве прошли беседы с участием росийской делегации.\n"
# A typo and a Latin look-alike letter: two kinds.
TWO_KINDS = "Вопросы безопастности обсудили Poccийские дипломаты.\n"


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path, monkeypatch):
    """Each test gets an empty personal dictionary and runs in its own project folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("PRAVKA_DATA_DIR", raising=False)
    monkeypatch.delenv("PRAVKA_CONFIG", raising=False)
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    return project


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def kinds_reported(output):
    return sorted(line.split(": ")[1] for line in output.splitlines())


def test_no_settings_file_means_defaults(own_data_folder):
    assert load_settings() == Settings()
    output = run("config").output
    assert "settings file: none" in output
    from pravka.corrector import DEFAULT_THRESHOLD

    assert f"threshold = {DEFAULT_THRESHOLD}  # default" in output


def test_pyproject_settings_are_found_from_a_subfolder_and_paths_are_relative_to_it(own_data_folder, monkeypatch):
    (own_data_folder / "words.txt").write_text("росийской\n", encoding="utf-8")
    (own_data_folder / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.pravka]\nthreshold = 0.9\ndictionaries = ["words.txt"]\n'
        'disable = ["homoglyph"]\nwords = ["Безопастности", "росийской"]\n',
        encoding="utf-8",
    )
    sub = own_data_folder / "docs" / "ru"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    settings = load_settings()
    assert settings.threshold == 0.9
    assert settings.dictionaries == (str(own_data_folder / "words.txt"),)
    assert settings.source("threshold") == f"{own_data_folder / 'pyproject.toml'} [tool.pravka]"
    (sub / "a.txt").write_text(DAMAGED + TWO_KINDS, encoding="utf-8")
    result = run("check", "a.txt")
    assert (result.exit_code, result.output) == (0, "")  # all three findings allowed by the settings


def test_pravka_toml_wins_over_pyproject_and_pyproject_without_table_is_passed_over(own_data_folder, monkeypatch):
    (own_data_folder / ".pravka.toml").write_text('only = ["homoglyph"]\n', encoding="utf-8")
    inner = own_data_folder / "package"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "inner"\n', encoding="utf-8")
    monkeypatch.chdir(inner)
    (inner / "a.txt").write_text(TWO_KINDS, encoding="utf-8")
    result = run("check", "a.txt")
    assert kinds_reported(result.output) == ["homoglyph"]
    # A flag replaces the file's value.
    assert kinds_reported(run("check", "--only", "nonword", "a.txt").output) == ["nonword"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("[tool.pravka]\nthreshhold = 0.9\n", "unknown setting 'threshhold'"),
        ("[tool.pravka]\nthreshold = 2\n", "threshold must be a number within [0, 1]"),
        ('[tool.pravka]\nwords = "так"\n', "words must be a list of strings"),
        ('[tool.pravka]\ndisable = ["typo"]\n', "disable: unknown kind typo"),
        ("[tool.pravka\n", "not valid TOML"),
    ],
)
def test_a_wrong_settings_file_is_a_one_line_error(own_data_folder, content, message):
    (own_data_folder / "pyproject.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_settings()
    result = run("check", "-", input=DAMAGED)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "pyproject.toml" in result.output and message in result.output


def test_config_shows_each_value_and_where_it_came_from(own_data_folder):
    (own_data_folder / ".pravka.toml").write_text('words = ["гугл"]\nexclude = ["CHANGELOG.md"]\n', encoding="utf-8")
    assert run("add", "яндекс").exit_code == 0
    lines = {line.split(" = ")[0]: line for line in run("config").output.splitlines() if " = " in line}
    personal = os.path.join(os.environ["XDG_DATA_HOME"], "pravka", "words.txt")
    assert lines["words"] == f'words = ["гугл", "яндекс"]  # {own_data_folder / ".pravka.toml"} + personal dictionary {personal}'
    assert lines["exclude"] == f'exclude = ["CHANGELOG.md"]  # {own_data_folder / ".pravka.toml"}'
    assert lines["model"] == "model = null  # default"


def test_disable_only_and_ignore_words_list_flags(own_data_folder):
    (own_data_folder / "a.txt").write_text(DAMAGED + TWO_KINDS, encoding="utf-8")
    assert kinds_reported(run("check", "a.txt").output) == ["homoglyph", "nonword", "nonword"]
    assert kinds_reported(run("check", "--disable", "nonword", "a.txt").output) == ["homoglyph"]
    assert kinds_reported(run("check", "--only", "nonword,homoglyph", "--disable", "nonword", "a.txt").output) == ["homoglyph"]
    result = run("check", "--ignore-words-list", "росийской,БЕЗОПАСТНОСТИ", "a.txt")
    assert kinds_reported(result.output) == ["homoglyph"]
    result = run("fix", "--ignore-words-list", "росийской", "a.txt")
    assert "росийской" in result.output and "безопасности" in result.output
    bad = run("check", "--disable", "typo", "a.txt")
    assert bad.exit_code == 2 and "unknown kind typo" in bad.output


def test_include_and_exclude_globs_choose_files(own_data_folder):
    (own_data_folder / "pyproject.toml").write_text(
        '[tool.pravka]\ninclude = ["*.txt", "*.md"]\nexclude = ["vendor/", "docs/old-*.md"]\n', encoding="utf-8")
    for name in ("a.txt", "docs/b.md", "docs/old-c.md", "vendor/d.txt", "e.html"):
        path = own_data_folder / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(DAMAGED, encoding="utf-8")
    files = sorted({line.split(":")[0] for line in run("check", ".").output.splitlines()})
    assert files == ["a.txt", "docs/b.md"]
    # A named file that an exclude glob matches is left out too, as a pre-commit hook names files.
    assert run("check", "vendor/d.txt", "a.txt").output.startswith("a.txt:")
    assert "vendor" not in run("check", "vendor/d.txt", "a.txt").output
    # --glob on the command line replaces include.
    files = {line.split(":")[0] for line in run("check", "--glob", "*.html", ".").output.splitlines()}
    assert files == {"e.html"}


def test_personal_dictionary_is_read_by_every_run(own_data_folder):
    (own_data_folder / "a.txt").write_text(DAMAGED, encoding="utf-8")
    assert run("check", "a.txt").exit_code == 1
    result = run("add", "Росийской", "росийской")
    assert result.exit_code == 0
    path = os.path.join(os.environ["XDG_DATA_HOME"], "pravka", "words.txt")
    assert result.output.splitlines() == [f"«Росийской» added to {path}", f"«росийской» already in {path}"]
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == "Росийской\n"
    assert (run("check", "a.txt").exit_code, run("fix", "a.txt").output) == (0, DAMAGED)
    assert run("add", "два слова").exit_code == 2


def test_skip_markers_in_markdown_through_the_command_line(own_data_folder):
    pytest.importorskip("markdown_it")
    (own_data_folder / "a.md").write_text(
        "# Заметки\n\n<!-- pravka: off -->\nЦитата как есть: росийской делегации.\n<!-- pravka: on -->\n\n"
        "Снова росийской делегации.\n",
        encoding="utf-8",
    )
    assert [line.split(":")[1] for line in run("check", "a.md").output.splitlines()] == ["7"]


def test_the_pre_commit_hook_command_reads_the_settings(own_data_folder):
    """What pre-commit runs: the hook's entry with staged file names, from the repository's root."""
    hooks_file = os.path.join(os.path.dirname(__file__), "..", ".pre-commit-hooks.yaml")
    with open(hooks_file, encoding="utf-8") as handle:
        [entry_line] = [line for line in handle if line.strip().startswith("entry:")]
    hook = {"entry": entry_line.split(":", 1)[1].strip()}
    (own_data_folder / "pyproject.toml").write_text('[tool.pravka]\nwords = ["росийской"]\nexclude = ["legacy/"]\n', encoding="utf-8")
    (own_data_folder / "legacy").mkdir()
    (own_data_folder / "legacy" / "old.txt").write_text(TWO_KINDS, encoding="utf-8")
    (own_data_folder / "a.txt").write_text(DAMAGED, encoding="utf-8")
    entry = hook["entry"].split()
    executable = os.path.join(os.path.dirname(sys.executable), entry[0])
    clean = subprocess.run([executable, *entry[1:], "a.txt", "legacy/old.txt"], capture_output=True, text=True,
                           env={**os.environ})
    assert (clean.returncode, clean.stdout) == (0, "")
    (own_data_folder / "b.txt").write_text(TWO_KINDS, encoding="utf-8")
    dirty = subprocess.run([executable, *entry[1:], "a.txt", "b.txt"], capture_output=True, text=True)
    assert dirty.returncode == 1 and dirty.stdout.startswith("b.txt:1:")


def test_settings_apply_to_stdin_and_json_output(own_data_folder):
    (own_data_folder / ".pravka.toml").write_text('disable = ["homoglyph"]\n', encoding="utf-8")
    records = json.loads(run("check", "--format", "json", "-", input=TWO_KINDS).output)
    assert [r["kind"] for r in records] == ["nonword"]


@pytest.mark.parametrize(
    "pattern, path, matches",
    [
        ("*.md", "docs/ru/a.md", True),          # no "/": the name, anywhere
        ("build", "build/x/a.txt", True),        # no "/": any folder on the way
        ("build", "src/builder.txt", False),
        ("vendor/", "vendor/lib/a.txt", True),   # a folder and everything under it
        ("vendor/", "docs/vendor.txt", False),
        ("docs/old-*.md", "docs/old-1.md", True),  # with "/": the whole relative path
        ("docs/old-*.md", "x/docs/old-1.md", False),
        ("docs/*", "docs/a/b.md", True),         # "*" crosses folders
        ("**/*.md", "a.md", True),               # a leading "**/" may match no folder
        ("/CHANGELOG.md", "CHANGELOG.md", True),
    ],
)
def test_glob_semantics(own_data_folder, pattern, path, matches):
    settings = Settings(exclude=(pattern,), root=str(own_data_folder))
    assert settings.excluded(str(own_data_folder / path)) is matches
    assert Settings(exclude=(pattern,), root=str(own_data_folder / "elsewhere")).excluded(str(own_data_folder / path)) is False


def test_flags_replace_values_but_words_add_up():
    from pathlib import Path

    from pravka.config import _settings_from

    base = _settings_from({"words": ["гугл"], "disable": ["ocr"], "threshold": 0.9}, "f.toml", Path("/p"))
    merged = base.with_flags(words=["яндекс"], disable=["punctuation"], threshold=None, only=())
    assert merged.words == ("гугл", "яндекс") and merged.source("words") == "f.toml + command line"
    assert merged.disable == ("punctuation",) and merged.source("disable") == "command line"
    assert merged.threshold == 0.9 and merged.source("threshold") == "f.toml"
    assert merged.corrector_arguments()["disable"] == ("punctuation",)


def test_pravka_config_names_the_settings_file(own_data_folder, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere" / "pyproject.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text('[tool.pravka]\nonly = ["homoglyph"]\n', encoding="utf-8")
    (own_data_folder / ".pravka.toml").write_text('only = ["nonword"]\n', encoding="utf-8")
    monkeypatch.setenv("PRAVKA_CONFIG", str(elsewhere))
    assert load_settings().only == ("homoglyph",)
    assert kinds_reported(run("check", "-", input=TWO_KINDS).output) == ["homoglyph"]
    monkeypatch.setenv("PRAVKA_CONFIG", str(tmp_path / "nope.toml"))
    result = run("check", "-", input=TWO_KINDS)
    assert result.exit_code == 2 and "PRAVKA_CONFIG" in result.output
