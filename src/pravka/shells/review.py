"""``pravka fix -i``: review the findings of each file one by one in a terminal.

How a review goes, in plain words:

1. **Find.** Each file is read whole and checked (Markdown and HTML in their prose only); every finding
   a fix may change is shown in file order, the sure ones and the doubtful ones alike, since a person
   decides here, not the threshold.
2. **Ask.** A finding is shown as ``file:line:col: kind «word»``, its line with the word marked, and its
   numbered suggestions. The answer is one of: Enter or ``y`` accept the first suggestion, a number
   pick that suggestion, ``e`` type the replacement, ``s`` (or ``n``) skip, ``a`` add the word to the
   personal dictionary (and pass over its later findings in this run), ``q`` quit.
3. **Write.** When a file's review ends, the accepted replacements are applied (every other character
   stays as it was) and the file is rewritten atomically, or the text goes to ``-o``. ``q`` writes what
   was accepted in the current file and leaves the remaining files untouched; end of input is a quit
   too. Ctrl-C writes nothing for the file under review.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Callable

import click

from pravka.apply import apply_fixes
from pravka.shells.markup import fixable_findings
from pravka.textio import atomic_writer, read_text
from pravka.types import Finding

MAX_SHOWN_SUGGESTIONS = 9
CONTEXT_CHARS = 60  # of the finding's line shown either side of it
HELP = "[Enter/y] accept 1, [1-9] pick, [e]dit, [s]kip, [a]dd to dictionary, [q]uit"


class _Quit(Exception):
    """The reviewer asked to stop."""


def review_files(
    corrector,
    files: list[str],
    encoding: str,
    formats: list[str],
    output: str | None = None,
    ask: Callable[[str], str] = input,
) -> None:
    """Review ``files`` (with their input formats) and write each back, or to ``output`` (one file)."""
    added: set[str] = set()
    for name, fmt in zip(files, formats, strict=True):
        text = read_text(name, encoding)
        line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        accepted: list[Finding] = []
        quitting = False
        try:
            for finding in fixable_findings(corrector, text, fmt):
                if _fold(finding.text) in added:
                    continue
                choice = _ask_about(name, text, line_starts, finding, added, ask)
                if choice is not None:
                    accepted.append(dataclasses.replace(finding, fix=choice))
        except _Quit:
            quitting = True
        _write(name, text, accepted, encoding, output)
        if quitting:
            return


def _ask_about(
    name: str, text: str, line_starts: list[int], finding: Finding, added: set[str], ask: Callable[[str], str]
) -> str | None:
    """The replacement the reviewer chose for ``finding``, or None to leave it."""
    suggestions = _choices(finding)
    click.echo(_describe(name, text, line_starts, finding, suggestions))
    while True:
        try:
            answer = ask(f"{HELP}? ").strip()
        except EOFError:
            click.echo()
            raise _Quit from None
        lowered = answer.lower()
        if lowered in ("", "y") and suggestions:
            return suggestions[0]
        if answer.isdigit() and 1 <= int(answer) <= len(suggestions):
            return suggestions[int(answer) - 1]
        if lowered in ("s", "n"):
            return None
        if lowered == "q":
            raise _Quit
        if lowered == "e":
            try:
                typed = ask(f"replace «{finding.text}» with: ")
            except EOFError:
                raise _Quit from None
            if typed:
                return typed
            continue
        if lowered == "a":
            word = finding.text.strip()
            if not word or any(ch.isspace() for ch in word):
                click.echo("only a single word can be added to the dictionary")
                continue
            from pravka.userdict import add_words, dictionary_path

            try:
                add_words([word])
            except (OSError, ValueError) as error:
                click.echo(f"cannot add «{word}»: {error}")
                continue
            added.add(_fold(word))
            click.echo(f"«{word}» added to {dictionary_path()}")
            return None
        click.echo(HELP if suggestions else HELP.replace("[Enter/y] accept 1, [1-9] pick, ", ""))


def _choices(finding: Finding) -> list[str]:
    values: list[str] = []
    for value in [finding.fix] + [s.text for s in finding.suggestions]:
        if value is not None and value not in values:
            values.append(value)
    return values[:MAX_SHOWN_SUGGESTIONS]


def _describe(name: str, text: str, line_starts: list[int], finding: Finding, suggestions: list[str]) -> str:
    row = bisect_right(line_starts, finding.start) - 1
    line_start = line_starts[row]
    line_end = text.find("\n", finding.start)
    line_end = len(text) if line_end == -1 else line_end
    # The finding's line, cut to a window around it: a 10 MB line is shown as a few words.
    left = max(line_start, finding.start - CONTEXT_CHARS)
    right = min(max(line_end, finding.end), finding.end + CONTEXT_CHARS)
    marked = (
        ("…" if left > line_start else "")
        + text[left : finding.start]
        + click.style(f"[{text[finding.start : finding.end]}]", bold=True, reverse=True)
        + text[finding.end : right]
        + ("…" if right < max(line_end, finding.end) else "")
    ).replace("\n", "⏎")
    confidences = {s.text: s.confidence for s in finding.suggestions}
    numbered = "  ".join(
        f"{n}) {_shown(value)}" + (f" ({confidences[value]:.2f})" if value in confidences else "")
        for n, value in enumerate(suggestions, 1)
    )
    return "\n".join(
        [
            f"{name}:{row + 1}:{finding.start - line_start + 1}: {finding.kind} «{finding.text}»",
            f"  {marked}",
            f"  {numbered or 'no suggestion'}",
        ]
    )


def _shown(value: str) -> str:
    return f"«{value}»" if value != value.strip() or not value else value


def _write(name: str, text: str, accepted: list[Finding], encoding: str, output: str | None) -> None:
    target = output if output else name
    if output == "-":
        click.echo(apply_fixes(text, accepted), nl=False)
        return
    if accepted or output:
        with atomic_writer(target, encoding) as handle:
            handle.write(apply_fixes(text, accepted))
    count = len(accepted)
    click.echo(
        f"{target}: {count} change{'' if count == 1 else 's'} written" if accepted or output else f"{name}: unchanged"
    )


def _fold(word: str) -> str:
    from pravka.lexicon import fold

    return fold(word.strip())
