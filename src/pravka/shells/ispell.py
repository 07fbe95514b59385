"""``pravka-ispell``: pravka behind the Ispell/Hunspell pipe protocol (``hunspell -a``), for editors.

Emacs (``ispell``, ``flyspell``), Vim plugins and other programs that drive ``hunspell -a`` can run
this program in its place. The protocol, as Hunspell speaks it:

1. **Start.** The program prints one banner line,
   ``@(#) International Ispell Version 3.2.06 (but really Hunspell 1.7.0) pravka X``: clients read
   the Ispell version from it, and Emacs also learns it talks to Hunspell (so it passes ``-i UTF-8``
   and expects character offsets). ``-vv`` prints the banner and exits. ``-D`` lists one dictionary,
   ``ru_RU``, as Hunspell lists its own: Emacs reads the word characters from its ``.aff`` file and
   refuses to start without one, so a two-line ``ru_RU.aff`` (``SET UTF-8``, ``WORDCHARS -``) is
   written into pravka's cache folder for it (pravka's dictionary is not a Hunspell one). Hunspell's
   other options (``-d``, ``-i``, ``-p``, ``-m``, ``-B`` ...) are accepted; ``-i`` sets the encoding.
2. **Lines.** Every input line is checked as text and answered with one line per word, then an
   empty line: ``*`` for a good word (left out in terse mode), ``& word count offset: s1, s2`` for a
   damaged word with suggestions, ``# word offset`` for one without. The offset counts characters
   from the start of the line as sent (a leading ``^``, which clients add so that a line is never
   read as a command, counts too), as Hunspell counts them. The whole line is given to
   :meth:`pravka.Corrector.check`, so the neighbours still inform a word's suggestions; a finding
   is reported when it covers exactly one word (a glued «вконце» → «в конце»), since the protocol
   can only replace one word at a time. Findings over several words («в в») or punctuation are
   not reported here.
3. **Commands.** A line starting with ``*`` or ``&`` adds its word to the personal dictionary for the
   session, ``#`` saves the words added so far into pravka's personal dictionary (``pravka add``),
   ``@`` accepts a word for the session, ``!`` and ``%`` switch terse mode on and off, ``+``, ``-``,
   ``~`` and ``$$`` (TeX mode, formatter, Hunspell extensions) are read and ignored, ``^`` escapes a
   line of text.
4. **List mode.** ``-l`` reads text and prints each damaged word once per occurrence, one per line,
   as ``hunspell -l`` does (flyspell uses it for large regions).

The Corrector is made from the settings that apply in the working folder and the personal dictionary,
as for every other shell, and loads its resources on the first line, after the banner.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from pravka import __version__

# Emacs reads the Hunspell version only when ")" follows it at once.
BANNER = f"@(#) International Ispell Version 3.2.06 (but really Hunspell 1.7.0) pravka {__version__}"
# Options that take a value in Hunspell's command line (the value is the next argument).
OPTIONS_WITH_VALUE = frozenset({"-d", "-i", "-p", "-w", "-T", "-C", "-P", "-F", "-W", "-r", "-s", "-t"})
WORD_TOKEN_KINDS = ("word", "latin")
# All an editor reads from a Hunspell affix file: the encoding and the characters inside words.
AFFIX_FILE_TEXT = "SET UTF-8\nWORDCHARS -\n"


class IspellSession:
    """One pipe session: a Corrector, the words accepted during it, the terse flag."""

    def __init__(self, corrector, extra_words: Iterable[str] = ()) -> None:
        from pravka.lexicon import fold

        self.corrector = corrector
        self.fold = fold
        self.accepted = {fold(word) for word in extra_words}
        self.unsaved: list[str] = []
        self.terse = False

    def answer(self, line: str) -> list[str] | None:
        """The output lines for one input line (without newlines), or None for a silent command."""
        if not line:
            return [""]
        command, rest = line[0], line[1:]
        if command in "*&":
            self._accept(rest.strip(), keep=True)
            return None
        if command == "@":
            self._accept(rest.strip(), keep=False)
            return None
        if command == "#":
            self.save()
            return None
        if command == "!":
            self.terse = True
            return None
        if command == "%":
            self.terse = False
            return None
        if command in "+-~" or line.startswith("$$"):
            return None
        if command == "^":
            return [*self._check(rest, offset=1), ""]
        return [*self._check(line, offset=0), ""]

    def misspelled(self, text: str) -> list[str]:
        """The damaged words of ``text`` in order (list mode)."""
        return [word for word, _, _ in self._damaged_words(text)]

    def _accept(self, word: str, keep: bool) -> None:
        if word:
            self.accepted.add(self.fold(word))
            if keep:
                self.unsaved.append(word)

    def save(self) -> None:
        """Add the words accepted with ``*`` or ``&`` to pravka's personal dictionary."""
        if not self.unsaved:
            return
        from pravka.userdict import add_words

        try:
            add_words(self.unsaved)
        except (OSError, ValueError) as error:
            print(f"pravka-ispell: cannot save the personal dictionary: {error}", file=sys.stderr)
            return
        self.unsaved = []

    def _check(self, text: str, offset: int) -> list[str]:
        damaged = {start: (word, suggestions) for word, start, suggestions in self._damaged_words(text)}
        lines = []
        for token in _word_tokens(text):
            if token.start in damaged:
                word, suggestions = damaged[token.start]
                if suggestions:
                    lines.append(f"& {word} {len(suggestions)} {token.start + offset}: {', '.join(suggestions)}")
                else:
                    lines.append(f"# {word} {token.start + offset}")
            elif not self.terse:
                lines.append("*")
        return lines

    def _damaged_words(self, text: str) -> list[tuple[str, int, list[str]]]:
        """(word, start, suggestions) for each finding that covers exactly one word token."""
        if not text.strip():
            return []
        words = {(token.start, token.stop) for token in _word_tokens(text)}
        result = []
        for finding in self.corrector.check(text):
            if (finding.start, finding.end) not in words or self.fold(finding.text) in self.accepted:
                continue
            suggestions = []
            for value in [finding.fix] + [s.text for s in finding.suggestions]:
                # A replacement holding ", " could not be told apart from the next one.
                if value and value.strip() and "," not in value and value not in suggestions:
                    suggestions.append(value)
            result.append((finding.text, finding.start, suggestions))
        return result


def _word_tokens(text: str):
    from pravka.tokenize import tokenize

    return [token for token in tokenize(text) if token.kind in WORD_TOKEN_KINDS]


def _parse(arguments: list[str]) -> dict:
    options = {"encoding": "utf-8", "list": False, "version": False, "dictionaries": False, "personal": None}
    i = 0
    while i < len(arguments):
        argument = arguments[i]
        value = arguments[i + 1] if i + 1 < len(arguments) else None
        if argument in ("-v", "-vv", "--version"):
            options["version"] = True
        elif argument == "-D":
            options["dictionaries"] = True
        elif argument == "-l":
            options["list"] = True
        elif argument == "-i" and value:
            options["encoding"] = value
        elif argument.startswith("-i") and len(argument) > 2:
            options["encoding"] = argument[2:]
        elif argument == "-p" and value:
            options["personal"] = value
        if argument in OPTIONS_WITH_VALUE:
            i += 1
        i += 1
    return options


def _affix_file() -> str:
    """The path of a minimal Hunspell affix file naming the word characters, written on first use."""
    import tempfile

    from pravka.lexicon import cache_dir

    content = AFFIX_FILE_TEXT
    for folder in (cache_dir() / "hunspell", Path(tempfile.gettempdir()) / "pravka-hunspell"):
        path = folder / "ru_RU.aff"
        try:
            if not path.is_file() or path.read_text(encoding="utf-8") != content:
                folder.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
            return str(path)
        except OSError:
            continue
    return str(path)


def _corrector():
    from pravka.config import load_settings
    from pravka.corrector import Corrector
    from pravka.userdict import dictionary_path, personal_words

    settings = load_settings().with_personal_words(personal_words(), str(dictionary_path()))
    return Corrector(**settings.corrector_arguments())


def _read_words(path: str | None) -> list[str]:
    if not path:
        return []
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return [line.split("/", 1)[0].strip() for line in handle if line.strip()]
    except OSError:
        return []  # Hunspell creates its personal dictionary on the first save; so do we


def serve(stdin: TextIO, stdout: TextIO, session: IspellSession) -> None:
    """Answer the pipe protocol on ``stdin``/``stdout`` until end of input."""
    stdout.write(BANNER + "\n")
    stdout.flush()
    for raw in stdin:
        answer = session.answer(raw.rstrip("\r\n"))
        if answer is not None:
            stdout.write("".join(item + "\n" for item in answer))
            stdout.flush()
    session.save()  # Hunspell saves the personal dictionary at the end too


def main(arguments: list[str] | None = None) -> int:
    """Entry point of ``pravka-ispell``."""
    import codecs
    import io

    options = _parse(sys.argv[1:] if arguments is None else arguments)
    if options["version"]:
        print(BANNER)
        return 0
    if options["dictionaries"]:
        stem = _affix_file()[: -len(".aff")]
        print(
            f"AVAILABLE DICTIONARIES (path is not mandatory for -d option):\n{stem}\n"
            f"LOADED DICTIONARY:\n{stem}.aff\n{stem}.dic"
        )
        return 0
    try:
        codecs.lookup(options["encoding"])
    except LookupError:
        print(f"pravka-ispell: unknown encoding {options['encoding']}", file=sys.stderr)
        return 2
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding=options["encoding"], errors="replace", newline="")
    stdout = io.TextIOWrapper(sys.stdout.buffer, encoding=options["encoding"], errors="replace", newline="\n")
    try:
        corrector = _corrector()
    except Exception as error:  # a broken settings file: one line, as every shell reports it
        print(f"pravka-ispell: error: {error}", file=sys.stderr)
        return 2
    session = IspellSession(corrector, _read_words(options["personal"]))
    try:
        if options["list"]:
            for raw in stdin:
                for word in session.misspelled(raw.rstrip("\r\n")):
                    stdout.write(word + "\n")
            stdout.flush()
        else:
            serve(stdin, stdout, session)
    except (BrokenPipeError, KeyboardInterrupt):
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
