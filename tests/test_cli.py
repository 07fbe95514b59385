"""The command line, through click's runner and through a real subprocess."""

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pravka.cli import main

DAMAGED = "Переговоры шли долго.\nВ Женеве прошли беседы с участием росийской делегации.\n"
FIXED = "Переговоры шли долго.\nВ Женеве прошли беседы с участием российской делегации.\n"
CLEAN = "Переговоры шли долго.\n"


@pytest.fixture
def damaged_file(tmp_path):
    path = tmp_path / "статья.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    return path


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_check_prints_file_line_col_and_exits_1(damaged_file):
    result = run("check", damaged_file)
    assert result.exit_code == 1
    assert re.fullmatch(rf"{re.escape(str(damaged_file))}:2:35: nonword: «росийской» → российской \((?:0\.9\d|1\.00)\)\n", result.output)


def test_check_exits_0_on_clean_text(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = run("check", path)
    assert (result.exit_code, result.output) == (0, "")


def test_check_json_and_jsonl_formats(damaged_file):
    [record] = json.loads(run("check", "--format", "json", damaged_file).output)
    assert record["file"] == str(damaged_file)
    assert (record["line"], record["column"]) == (2, 35)
    assert DAMAGED[record["offset"] : record["offset"] + record["length"]] == "росийской"
    assert record["kind"] == "nonword" and record["fix"] == "российской"
    best = record["suggestions"][0]
    assert (best["text"], best["source"]) == ("российской", "doubled") and 0.9 <= best["confidence"] <= 1.0
    lines = run("check", "--format", "jsonl", damaged_file).output.splitlines()
    assert [json.loads(line) for line in lines] == [record]


def test_offsets_are_code_points_across_chunks(tmp_path, monkeypatch):
    import pravka.textio

    monkeypatch.setattr(pravka.textio, "CHUNK_BYTES", 16)
    path = tmp_path / "a.txt"
    path.write_text("😀 ёж\n" * 5 + DAMAGED, encoding="utf-8")
    [record] = json.loads(run("check", "--format", "json", path).output)
    text = path.read_text(encoding="utf-8")
    assert text[record["offset"] : record["offset"] + record["length"]] == "росийской"
    assert record["line"] == 7


def test_chunks_are_not_cut_inside_a_word_broken_across_lines(tmp_path, monkeypatch):
    import pravka.textio

    # every other line ends inside a hyphenated word: a cut there would leave «безопас-» and «ности»
    # in different chunks, and neither chunk could rejoin them
    text = "Вопросы безопас-\nности обсуждались\nна встрече министров.\n" * 12
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")
    whole = json.loads(run("check", "--format", "json", path).output)
    monkeypatch.setattr(pravka.textio, "CHUNK_BYTES", 60)
    chunked = json.loads(run("check", "--format", "json", path).output)
    assert chunked == whole
    assert [record["text"].rstrip() for record in whole] == ["безопас-\nности"] * 12
    assert run("fix", path).output.count("безопасности") == 12


def test_fix_writes_stdout_output_file_and_diff(damaged_file, tmp_path):
    assert run("fix", damaged_file).output == FIXED
    out = tmp_path / "out.txt"
    assert run("fix", damaged_file, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == FIXED
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # like any new file, not mkstemp's 0600
    diff = run("fix", "--diff", damaged_file).output
    assert "-В Женеве прошли беседы с участием росийской делегации." in diff
    assert "+В Женеве прошли беседы с участием российской делегации." in diff


def test_fix_reads_stdin():
    assert run("fix", "-", input=DAMAGED).output == FIXED
    assert run("fix", input="").output == ""


def test_fix_in_place_is_atomic_and_keeps_other_files(damaged_file, tmp_path):
    damaged_file.chmod(0o640)
    assert run("fix", "--in-place", damaged_file).exit_code == 0
    assert damaged_file.stat().st_mode & 0o777 == 0o640
    assert damaged_file.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["статья.txt"]


def test_in_place_failure_leaves_the_file_untouched(tmp_path):
    path = tmp_path / "broken.txt"
    original = DAMAGED.encode() + b"\xff\xfe" + DAMAGED.encode() * 2000
    path.write_bytes(original)
    result = run("fix", "--in-place", path)
    assert result.exit_code == 2
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.txt"]


def test_folders_are_walked_for_txt_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "b.md.bak").write_text(DAMAGED, encoding="utf-8")
    result = run("check", tmp_path)
    assert result.exit_code == 1
    assert result.output.count("росийской") == 1
    assert run("check", "--glob", "*.bak", tmp_path).output.count("росийской") == 1


def test_cp1251_input_with_encoding_option(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(DAMAGED.encode("cp1251"))
    result = run("check", path)
    assert result.exit_code == 2
    assert "invalid utf-8 at byte" in result.output and "cp1251" in result.output
    assert run("fix", "--encoding", "cp1251", path).output == FIXED


@pytest.mark.parametrize(
    "payload, message",
    [(b"\x7fELF\x00\x00\x01", "binary data"), ("текст".encode() + b"\xc3\x28", "invalid utf-8 at byte 10")],
)
def test_bad_input_is_a_one_line_error(tmp_path, payload, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(payload)
    result = run("check", path)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(tmp_path):
    assert run("check", tmp_path / "нет.txt").exit_code == 2
    assert run("check", "--threshold", "7", "-", input="").exit_code == 2
    assert run("fix", "--in-place", "-", input="x").exit_code == 2


def test_real_subprocess_exit_codes_and_jobs(tmp_path, damaged_file):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "pravka"]
    checked = subprocess.run([*command, "check", str(damaged_file)], capture_output=True, text=True, env=env)
    assert checked.returncode == 1 and "росийской" in checked.stdout
    many = tmp_path / "many.txt"
    many.write_text(DAMAGED * 300, encoding="utf-8")
    fixed = subprocess.run([*command, "fix", "--jobs", "2", str(many)], capture_output=True, text=True, env=env)
    assert fixed.returncode == 0 and fixed.stdout == FIXED * 300
    clean = subprocess.run([*command, "check", "-"], input=CLEAN, capture_output=True, text=True, env=env)
    assert (clean.returncode, clean.stdout) == (0, "")
    binary = subprocess.run([*command, "fix", "-"], input=b"\x00\x01", capture_output=True, env=env)
    assert binary.returncode == 2 and b"binary" in binary.stderr and b"Traceback" not in binary.stderr


def test_a_single_line_longer_than_a_chunk_streams_whole(tmp_path, monkeypatch):
    import pravka.textio

    monkeypatch.setattr(pravka.textio, "CHUNK_BYTES", 1024)
    line = "вопросы безопастности и " * 4000  # ~100 KB, no newline at all
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    result = run("fix", path)
    assert result.exit_code == 0
    assert result.output == line.replace("безопастности", "безопасности")


def test_lt_json_answers_once_per_file_with_utf16_offsets(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("😀 росийской\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text(CLEAN, encoding="utf-8")
    result = run("check", "--format", "lt-json", first, second)
    assert result.exit_code == 1
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [len(a["matches"]) for a in answers] == [1, 0]
    match = answers[0]["matches"][0]
    assert (match["offset"], match["length"]) == (3, 9)  # the emoji is two UTF-16 units
    assert match["replacements"][0]["value"] == "российской"
    clean = run("check", "--format", "lt-json", second)
    assert clean.exit_code == 0 and json.loads(clean.output)["matches"] == []


def test_text_format_quotes_invisible_suggestions(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("Нет оснований для ,новых встреч.\n", encoding="utf-8")
    assert re.fullmatch(rf"{re.escape(str(path))}:1:18: punctuation: « ,» → « » \(0\.\d\d\)\n", run("check", path).output)


SPUN = (
    "Министр зарубежных дел заявил, что их враги по НАТО не хотят переговоров.\n"
    "В Женеве прошли беседы с участием росийской делегации.\n"
)


def test_summary_is_one_json_object_for_json_output_with_spin_scores_only_with_swaps(tmp_path):
    path = tmp_path / "spun.txt"
    path.write_text(SPUN, encoding="utf-8")
    plain = json.loads(run("check", "--summary", "--format", "jsonl", path).stderr)
    assert plain["files_read"] == 1 and plain["kinds"]["nonword"] == {"applied": 1, "reported": 0}
    assert "spin_scores" not in plain  # the spin score needs the swap unit, which is slow and off by default
    spun = json.loads(run("check", "--summary", "--swaps", "--format", "json", path).stderr)
    assert 0.0 <= spun["spin_scores"][str(path)] <= 1.0
    text = run("check", "--summary", "--swaps", path).stderr
    assert re.search(rf"spin score 0\.\d\d  {re.escape(str(path))}", text)


def test_swaps_setting_in_the_project_file(tmp_path, monkeypatch):
    path = tmp_path / "spun.txt"
    path.write_text(SPUN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".pravka.toml").write_text("swaps = true\n", encoding="utf-8")
    assert "spin score" in run("check", "--summary", path).stderr
    assert "spin score" not in run("check", "--summary", "--no-swaps", path).stderr
    (tmp_path / ".pravka.toml").write_text('swaps = "yes"\n', encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 2 and "swaps must be true or false" in result.stderr
