"""``pravka fix -i`` in a real terminal (pexpect): accept, pick, edit, skip, add to dictionary, quit."""

import os
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

PRAVKA = os.path.join(os.path.dirname(sys.executable), "pravka")
PROMPT = r"\[q\]uit\? "
TEXT = (
    "В Женеве прошли беседы с участием росийской делегации.\n"
    "Вопросы безопастности обсудили в понедельник.\n"
    "Газета обьявила итоги, а Poccийские дипломаты промолчали.\n"
)


@pytest.fixture
def review(tmp_path, monkeypatch):
    """Start ``pravka fix -i`` on a fresh copy of TEXT in a pseudo-terminal."""
    from pravka.lexicon import cache_dir

    environment = {
        **os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PRAVKA_CACHE_DIR": str(cache_dir()),
        "NO_COLOR": "1", "TERM": "dumb",
    }
    environment.pop("PRAVKA_DATA_DIR", None)
    path = tmp_path / "статья.txt"
    path.write_text(TEXT, encoding="utf-8")
    started = []

    def start(*arguments):
        child = pexpect.spawn(PRAVKA, ["fix", "-i", *arguments, str(path)], cwd=str(tmp_path), env=environment,
                              encoding="utf-8", timeout=300, dimensions=(50, 200))
        started.append(child)
        return child

    yield path, start
    for child in started:
        child.close(force=True)


def answer(child, reply, expected_word):
    child.expect(PROMPT)
    assert f"«{expected_word}»" in child.before
    child.sendline(reply)


def test_accept_edit_skip_and_add_then_the_file_is_written(review, tmp_path):
    path, start = review
    child = start()
    answer(child, "", "росийской")           # Enter: the first suggestion
    answer(child, "e", "безопастности")      # edit
    child.expect("with: ")
    child.sendline("безопасности")
    answer(child, "a", "обьявила")           # add to the personal dictionary
    child.expect("added to")
    answer(child, "s", "Poccийские")         # skip
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert path.read_text(encoding="utf-8") == TEXT.replace("росийской", "российской").replace(
        "безопастности", "безопасности")
    personal = tmp_path / "data" / "pravka" / "words.txt"
    assert personal.read_text(encoding="utf-8") == "обьявила\n"


def test_pick_a_numbered_suggestion_and_quit_writes_what_was_accepted(review):
    path, start = review
    child = start()
    child.expect(PROMPT)
    shown = child.before
    assert "росийской" in shown and "1) российской" in shown
    child.sendline("1")
    answer(child, "q", "безопастности")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert path.read_text(encoding="utf-8") == TEXT.replace("росийской", "российской")


def test_ctrl_d_at_the_first_question_leaves_the_file_as_it_was(review):
    path, start = review
    child = start()
    child.expect(PROMPT)
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert path.read_text(encoding="utf-8") == TEXT
    assert not [name for name in os.listdir(path.parent) if name.startswith(".pravka-")]


def test_review_to_an_output_file_keeps_the_input(review, tmp_path):
    path, start = review
    out = tmp_path / "исправлено.txt"
    child = start("-o", str(out))
    for word in ("росийской", "безопастности", "обьявила", "Poccийские"):
        answer(child, "y", word)
    child.expect(pexpect.EOF)
    assert path.read_text(encoding="utf-8") == TEXT
    fixed = out.read_text(encoding="utf-8")
    assert "российской" in fixed and "безопасности" in fixed and "объявила" in fixed and "Российские" in fixed


def test_review_needs_a_terminal(tmp_path):
    import subprocess

    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = subprocess.run([PRAVKA, "fix", "-i", str(path)], stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert result.returncode == 2 and "terminal" in result.stderr
    assert path.read_text(encoding="utf-8") == TEXT


def test_review_of_markdown_asks_only_about_prose_and_keeps_markup(tmp_path):
    pytest.importorskip("markdown_it")
    from pravka.lexicon import cache_dir

    document = "# Заметка\n\nКод `росийской` не трогаем, а в тексте росийской делегации ошибка.\n"
    path = tmp_path / "заметка.md"
    path.write_text(document, encoding="utf-8")
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PRAVKA_CACHE_DIR": str(cache_dir())}
    child = pexpect.spawn(PRAVKA, ["fix", "-i", str(path)], env=environment, encoding="utf-8", timeout=300)
    child.expect(PROMPT)
    line = document.splitlines()[2]
    column = line.index("тексте росийской") + len("тексте ") + 1
    assert f":3:{column}: " in child.before  # the prose occurrence, not the one in the code span
    child.sendline("y")
    child.expect(pexpect.EOF)
    child.close()
    assert path.read_text(encoding="utf-8") == document.replace("тексте росийской", "тексте российской")


def test_a_long_line_is_shown_as_a_window_around_the_finding(tmp_path):
    from pravka.lexicon import cache_dir

    path = tmp_path / "длинная.txt"
    path.write_text("Переговоры шли долго. " * 2000 + "Беседы с участием росийской делегации. " + "Всё хорошо. " * 2000 + "\n",
                    encoding="utf-8")
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PRAVKA_CACHE_DIR": str(cache_dir())}
    child = pexpect.spawn(PRAVKA, ["fix", "-i", str(path)], env=environment, encoding="utf-8", timeout=300)
    child.expect(PROMPT)
    # the line that shows the finding (a first run may print a compile notice above it)
    [shown] = [line for line in child.before.splitlines() if "росийской]" in line]
    assert shown.strip().startswith("…") and len(shown) < 200
    child.sendline("q")
    child.expect(pexpect.EOF)
