"""Issue 14's probe, kept: inputs sized so that a quadratic algorithm would take minutes, streams that
never end, files that are not plain files, closed and full streams, signals. Results and bounded
behaviour are asserted, never timings."""

import io
import json
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest
from click.testing import CliRunner

import pravka.textio
from pravka.cli import main
from pravka.shells.lt_format import SENTENCE_SIZE, lt_response
from pravka.textio import MAX_CHUNK_FACTOR, InputError, OutputError, atomic_writer, read_chunks
from pravka.tokenize import masked_spans

DAMAGED = "В Женеве прошли беседы с участием росийской делегации.\n"
FIXED = DAMAGED.replace("росийской", "российской")
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
PRAVKA = [sys.executable, "-m", "pravka"]


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def _one_line_error(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return "Traceback" not in text and any(line.startswith("pravka: error: ") for line in lines)


# ------------------------------------------------------------------------------------ reading


class EndlessStream(io.RawIOBase):
    """A stream that never ends and never holds a newline, like /dev/zero but of letters."""

    def readable(self):
        return True

    def readinto(self, buffer):
        data = ("словодругое " * (len(buffer) // 20 + 1)).encode()[: len(buffer)]
        data = data[: len(data.decode("utf-8", "ignore").encode())]
        buffer[: len(data)] = data
        return len(data)


def test_a_stream_without_newlines_is_read_in_bounded_chunks(monkeypatch):
    monkeypatch.setattr(pravka.textio, "open_input", lambda path: io.BufferedReader(EndlessStream()))
    chunks = read_chunks("endless", chunk_bytes=4096)
    sizes = [len(next(chunks).text) for _ in range(50)]  # an unbounded reader would never yield one
    assert max(sizes) <= 4096 * MAX_CHUNK_FACTOR
    assert sum(sizes) > 4096 * 40


def test_dev_zero_is_binary_at_once():
    result = subprocess.run([*PRAVKA, "check", "/dev/zero"], capture_output=True, text=True, env=ENV, timeout=120)
    assert result.returncode == 2
    assert "binary data (NUL byte at byte 0)" in result.stderr and _one_line_error(result.stderr)


def test_cr_only_files_have_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(pravka.textio, "CHUNK_BYTES", 64)  # chunks end at lone CRs too
    path = tmp_path / "mac.txt"
    path.write_bytes(("Строка первая.\r" * 20 + DAMAGED.replace("\n", "\r")).encode())
    result = run("check", "--format", "jsonl", path)
    assert result.exit_code == 1
    [record] = [json.loads(line) for line in result.output.splitlines()]
    assert (record["line"], record["column"]) == (21, DAMAGED.index("росийской") + 1)
    assert run("fix", path).output == path.read_bytes().decode().replace("росийской", "российской")


def test_crlf_lines_across_small_blocks(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(("а\r\n" * 1000).encode())
    chunks = list(read_chunks(str(path), chunk_bytes=7))
    assert all(not chunk.text.endswith("\r") for chunk in chunks)
    assert "".join(chunk.text for chunk in chunks) == "а\r\n" * 1000
    assert [chunk.first_line for chunk in chunks] == sorted({chunk.first_line for chunk in chunks})
    assert chunks[-1].first_line + chunks[-1].text.count("\n") - 1 == 1000


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8"])
def test_utf16_and_utf32_are_decoded_as_a_stream(tmp_path, monkeypatch, encoding):
    monkeypatch.setattr(pravka.textio, "CHUNK_BYTES", 33)  # blocks end inside code units
    text = "Переговоры 😀 шли долго.\n" * 30 + DAMAGED
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode(encoding))
    result = run("fix", "--encoding", encoding, path)
    assert result.exit_code == 0, result.output
    assert result.output == text.replace("росийской", "российской")
    assert run("check", "--encoding", encoding, path).output.startswith(f"{path}:31:")


def test_invalid_byte_offset_is_exact_across_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(pravka.textio, "CHUNK_BYTES", 5)
    data = "ёжик и ещё".encode() + b"\xff" + "хвост".encode()
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    result = run("check", path)
    assert result.exit_code == 2
    bad = data.index(b"\xff")
    assert f"invalid utf-8 at byte {bad}" in result.output


def test_a_byte_order_mark_is_not_a_column(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DAMAGED.encode())
    line = run("check", path).output
    assert line.startswith(f"{path}:1:{DAMAGED.index('росийской') + 1}: ")
    assert run("fix", path).output == "\ufeff" + FIXED  # the mark itself is kept


# ------------------------------------------------------------------------------ linear checking


def test_a_megabyte_of_letters_without_a_space(corrector):
    # The e-mail mask used to rescan the run from every position: 1 MB was killed after 11 minutes.
    assert corrector.check("абвгд" * 200_000) == []


def test_a_long_hyphen_chain(corrector):
    text = "абв-" * 50_000
    assert corrector.fix(text) == text  # 200k characters; quadratic took minutes


def test_email_mask_still_masks_addresses():
    text = "пишите на ivan.petrov+tag@mail.ru или a-b@почта.рф, не на @ или www."
    assert [text[s:e] for s, e, kind in masked_spans(text) if kind == "email"] == ["ivan.petrov+tag@mail.ru", "a-b@почта.рф"]


def test_lt_json_of_a_text_without_full_stops_is_linear(corrector):
    text = "с " * 25_000  # 1.9 GB of LanguageTool JSON when every match carried the whole text
    findings = corrector.check(text)
    response = lt_response(text, findings)
    assert response["matches"]
    for match in response["matches"]:
        assert len(match["sentence"]) <= 2 * SENTENCE_SIZE + match["length"]
        assert match["sentence"] in text
        assert len(match["context"]["text"]) <= 2 * 40 + match["length"] + 6


def test_sentence_stops_at_a_line_break(corrector):
    text = "Первая строка без точки\nВ Женеве прошли беседы с участием росийской делегации\nТретья строка"
    [match] = [m for m in lt_response(text, corrector.check(text))["matches"] if "росийской" in m["context"]["text"]]
    assert match["sentence"] == "В Женеве прошли беседы с участием росийской делегации"


def test_a_ten_megabyte_line_streams_in_bounded_chunks(tmp_path):
    line = "вопросы безопастности и " * (10_000_000 // 46)  # ~10 MB, no newline
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    chunks = read_chunks(str(path))
    sizes = [len(chunk.text) for chunk in chunks]
    assert max(sizes) <= pravka.textio.CHUNK_BYTES * MAX_CHUNK_FACTOR
    assert sum(sizes) == len(line)


# ------------------------------------------------------------------------------- writing files


def test_in_place_follows_a_symlink(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(DAMAGED, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run("fix", "--in-place", link).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_in_place_refuses_a_fifo_and_a_device(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/null"):
        result = run("fix", "--in-place", path)
        assert result.exit_code == 2
        assert "not a regular file" in result.output and "Traceback" not in result.output
    assert (tmp_path / "pipe").is_fifo()
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    damaged = tmp_path / "a.txt"
    damaged.write_text(DAMAGED, encoding="utf-8")
    assert run("fix", "-o", "/dev/null", damaged).exit_code == 2


def test_in_place_refuses_a_hard_linked_file(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text(DAMAGED, encoding="utf-8")
    os.link(first, tmp_path / "b.txt")
    result = run("fix", "--in-place", first)
    assert result.exit_code == 2 and "hard links" in result.output
    assert first.read_text(encoding="utf-8") == DAMAGED
    assert os.stat(first).st_nlink == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_in_place_keeps_owner_group_and_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    os.chown(path, 65534, 65534)
    path.chmod(0o604)
    assert run("fix", "--in-place", path).exit_code == 0
    info = os.stat(path)
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (65534, 65534, 0o604)
    assert path.read_text(encoding="utf-8") == FIXED


def test_atomic_writer_errors_are_output_errors(tmp_path):
    with pytest.raises(OutputError, match="No such file or directory"):
        with atomic_writer(str(tmp_path / "missing" / "x.txt")) as handle:
            handle.write("текст")
    with pytest.raises(InputError):  # an exception inside the block leaves no file behind
        with atomic_writer(str(tmp_path / "y.txt")) as handle:
            handle.write("половина")
            raise InputError("stop")
    assert list(tmp_path.iterdir()) == []


def test_output_to_a_missing_folder_is_one_line(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(DAMAGED, encoding="utf-8")
    result = subprocess.run([*PRAVKA, "fix", "-o", str(tmp_path / "missing" / "x.txt"), str(source)],
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 2 and _one_line_error(result.stderr)


# ------------------------------------------------------------------------------------ streams


def _shell(command: str, tmp_path):
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=ENV, cwd=tmp_path, timeout=300)


def test_closed_and_full_streams_are_one_line_errors(tmp_path):
    (tmp_path / "a.txt").write_text(DAMAGED, encoding="utf-8")
    python = f"{sys.executable} -m pravka"
    for command in (f"{python} check a.txt >&-", f"{python} fix a.txt >&-", f"{python} fix a.txt > /dev/full",
                    f"{python} check - <&-", f"{python} check --format json a.txt > /dev/full"):
        result = _shell(command, tmp_path)
        assert result.returncode == 2, (command, result.stderr)
        assert _one_line_error(result.stderr), (command, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, (command, result.stderr)


def test_one_bad_file_is_reported_and_the_others_checked(tmp_path):
    (tmp_path / "a.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x7fELF\x00\x00")
    (tmp_path / "c.md").write_text(DAMAGED, encoding="utf-8")
    result = subprocess.run([*PRAVKA, "check", str(tmp_path)], capture_output=True, text=True, env=ENV)
    assert result.returncode == 2
    assert result.stdout.count("росийской") == 2  # a.txt and c.md: .md is a default glob
    assert result.stderr.count("pravka: error:") == 1 and "b.txt: binary data" in result.stderr


# ------------------------------------------------------------------------------------ signals


def _workers_of(process: psutil.Process, count: int) -> list[psutil.Process]:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        children = [child for child in process.children() if "spawn_main" in " ".join(child.cmdline())]
        if len(children) >= count:
            return children
        time.sleep(0.2)
    pytest.fail("workers did not start")


def _gone(processes, seconds=30) -> bool:
    _, alive = psutil.wait_procs(processes, timeout=seconds)
    return not [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]


@pytest.fixture
def big_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(DAMAGED * 150_000, encoding="utf-8")  # ~10 MB: minutes of work for two workers
    return path


@pytest.mark.parametrize("signal_number, exit_code", [(signal.SIGTERM, 128 + 15), (signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_a_signal_during_in_place_leaves_no_temporary_file_and_no_worker(big_file, signal_number, exit_code):
    original = big_file.read_bytes()
    process = subprocess.Popen([*PRAVKA, "fix", "--in-place", "--jobs", "2", str(big_file)], env=ENV,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    workers = _workers_of(psutil.Process(process.pid), 2)
    time.sleep(1)
    if signal_number == signal.SIGINT:
        os.killpg(process.pid, signal_number)  # Ctrl-C reaches the whole process group
    else:
        process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == exit_code, stderr
    assert b"Traceback" not in stderr
    assert _gone(workers)
    assert sorted(p.name for p in big_file.parent.iterdir()) == ["big.txt"]
    assert big_file.read_bytes() == original


# --------------------------------------------------------------------------------- CLI hygiene


def test_diff_without_a_final_newline_is_a_valid_patch(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED.rstrip("\n"), encoding="utf-8")
    diff = run("fix", "--diff", path).output
    assert diff.endswith("\\ No newline at end of file\n")
    patch = tmp_path / "fix.patch"
    patch.write_text(diff, encoding="utf-8")
    applied = subprocess.run(["patch", str(path), str(patch)], capture_output=True, text=True)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert path.read_text(encoding="utf-8") == FIXED.rstrip("\n")


def test_summary_counts_applied_and_reported_per_kind(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED + "Это был очень очень долгий день.\n", encoding="utf-8")
    summary = CliRunner().invoke(main, ["fix", "--summary", str(path)]).stderr
    assert "1 of 1 files read" in summary
    [nonword] = [line.split() for line in summary.splitlines() if line.strip().startswith("nonword")]
    assert nonword[1:] == ["1", "applied", "0", "reported"]
    [repeat] = [line.split() for line in summary.splitlines() if line.strip().startswith("repeat")]
    assert repeat[1:] == ["0", "applied", "1", "reported"]


def test_colours_on_a_terminal_and_no_color(tmp_path):
    import pty

    path = tmp_path / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")

    def on_a_terminal(env):
        main_fd, child_fd = pty.openpty()
        process = subprocess.Popen([*PRAVKA, "check", str(path)], stdout=child_fd, stderr=subprocess.DEVNULL, env=env)
        os.close(child_fd)
        output = b""
        while True:
            try:
                data = os.read(main_fd, 4096)
            except OSError:
                break
            if not data:
                break
            output += data
        process.wait(timeout=120)
        os.close(main_fd)
        return output.decode()

    assert "\x1b[" in on_a_terminal(ENV)
    plain = on_a_terminal({**ENV, "NO_COLOR": "1"})
    assert "\x1b[" not in plain and "росийской" in plain
    assert "\x1b[" not in run("check", path).output  # not a terminal


def test_h_is_help_and_errors_exit_2(tmp_path, monkeypatch):
    assert run("-h").exit_code == 0 and "check" in run("-h").output
    assert "--summary" in run("check", "-h").output
    assert run("check", "--no-such-flag").exit_code == 2

    from pravka.corrector import Corrector

    def crash(self, text):
        raise RuntimeError("boom")

    monkeypatch.setattr(Corrector, "check", crash)
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 2
    assert "internal error: RuntimeError: boom" in result.output and "Traceback" not in result.output


def test_a_folder_of_markdown_is_checked_by_default(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# Заголовок\n\n" + DAMAGED, encoding="utf-8")
    (tmp_path / "docs" / "page.html").write_text(f"<p>{DAMAGED}</p>", encoding="utf-8")
    result = run("check", tmp_path / "docs")
    assert result.exit_code == 1 and result.output.count("росийской") == 2


def test_a_folder_with_nothing_to_check_is_an_error(tmp_path):
    (tmp_path / "notes.rst").write_text(DAMAGED, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "no files matching *.txt *.md" in result.stderr and "no files to read" in result.stderr

