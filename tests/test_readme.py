"""The README's shell sessions are true: every ``$ … pravka …`` line in its code blocks, run from the
repository root, prints exactly the lines shown under it (a refit that moves a confidence must move
the README with it)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROMPT = "$ "
# «pravka» as a command word: at the start of the line or after a pipe, not inside a file name.
PRAVKA_COMMAND = re.compile(r"(^|\|\s*)pravka(?=\s)")


def shell_sessions(markdown: str) -> list[tuple[str, list[str]]]:
    """(command, the lines shown under it) for each prompt line of the fenced code blocks: a block's
    lines after a prompt line, up to the next prompt line or the block's end."""
    sessions: list[tuple[str, list[str]]] = []
    in_block, current = False, None
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_block, current = not in_block, None
        elif in_block and line.startswith(PROMPT):
            current = (line[len(PROMPT) :], [])
            sessions.append(current)
        elif in_block and current is not None:
            current[1].append(line)
    return sessions


SESSIONS = [
    (command, shown)
    for command, shown in shell_sessions((ROOT / "README.md").read_text(encoding="utf-8"))
    if PRAVKA_COMMAND.search(command)
]


def test_the_readme_shows_pravka_sessions():
    assert len(SESSIONS) >= 4
    assert all(shown for _, shown in SESSIONS)


@pytest.mark.parametrize(("command", "shown"), SESSIONS, ids=[command for command, _ in SESSIONS])
def test_a_readme_session_prints_what_the_readme_shows(command, shown):
    # The installed console script may not be on PATH (pytest run as .venv/bin/python -m pytest).
    runnable = PRAVKA_COMMAND.sub(lambda m: f'{m.group(1)}"{sys.executable}" -m pravka', command)
    result = subprocess.run(
        ["bash", "-c", runnable],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1"},
        timeout=600,
    )
    assert result.stdout.splitlines() == shown, result.stderr
