"""The ``pravka`` command line: a thin shell over ``Corrector``.

Files are streamed chunk by chunk (whole lines, about 64 KB each, cut between paragraphs where
possible); with ``--jobs N`` the chunks go to N worker processes, each holding its own Corrector, and
come back in order. Findings are printed as
``file:line:col: kind: «word» → suggestion (confidence)`` or as JSON; ``fix`` writes corrected text to
stdout, to ``-o OUT`` or back in place (atomically). ``learn`` counts the words of the user's own text
into an n-gram model that ``--model`` passes to the Corrector.

Exit status: 0 no findings, 1 findings, 2 any error (usage, a file that cannot be read or written, a
closed or full output stream, a crash), 130 on Ctrl-C. Errors are one line, ``pravka: error: ...``,
never a traceback (``PRAVKA_DEBUG=1`` shows it). A file that cannot be read is reported and the other
files are still checked. Ctrl-C and SIGTERM end the worker processes at once and leave no temporary file.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import json
import os
import signal
import sys
import threading
import time
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import click

from .corrector import check_model
from .detect.swap import SpinEvidence, spin_probability
from .explain import explain as explain_finding
from .parallel import WorkerPool
from .ru.punctuation import BYTE_ORDER_MARK
from .textio import (
    InputError,
    OutputError,
    atomic_writer,
    input_size,
    line_starts,
    read_chunks,
    read_text,
)

BIG_INPUT_BYTES = 4 << 20
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")


def _check_model(context, parameter, path):
    """The Corrector's own model check, up front, so a wrong file is a usage error and not a traceback."""
    if path is not None:
        try:
            check_model(path)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None
    return path


@dataclass(frozen=True)
class _CommonOptions:
    """The inputs and the options that ``check`` and ``fix`` share (``_corrector_options``)."""

    inputs: tuple[str, ...]
    threshold: float | None
    dictionaries: tuple[str, ...]
    model: str | None
    jobs: int
    encoding: str
    pattern: tuple[str, ...]
    summary: bool
    input_format: str
    disable: tuple[str, ...]
    only: tuple[str, ...]
    ignore_words: tuple[str, ...]
    swaps: bool

    def settings(self):
        return _settings(
            self.threshold, self.dictionaries, self.model, self.disable, self.only, self.ignore_words, self.swaps
        )


def _corrector_options(function):
    options = [
        click.option(
            "--threshold",
            type=click.FloatRange(0.0, 1.0),
            default=None,
            help="Confidence needed to apply a fix (default: calibrated).",
        ),
        click.option(
            "--dict",
            "dictionaries",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="Extra word list, one word per line (repeatable).",
        ),
        click.option(
            "--model",
            type=click.Path(exists=True, dir_okay=False),
            callback=_check_model,
            help="Word n-gram model from 'pravka learn', to rank suggestions by their neighbours.",
        ),
        click.option(
            "--jobs", type=click.IntRange(0), default=0, help="Worker processes (0 = all cores for big inputs, else 1)."
        ),
        click.option("--encoding", default="utf-8", show_default=True, help="Input encoding, e.g. cp1251."),
        click.option(
            "--glob",
            "pattern",
            multiple=True,
            default=DEFAULT_GLOBS,
            show_default=True,
            help="Files to take from folders (repeatable).",
        ),
        click.option(
            "--summary",
            is_flag=True,
            help="Print counts per kind (applied vs reported only) to stderr at the end, with --swaps each file's "
            "spin score (how likely a text spinner wrote it); as one JSON object with --format json or jsonl.",
        ),
        click.option(
            "--swaps/--no-swaps",
            default=None,
            help="Also look for synonym swaps (kind swap, never applied) and score each file's spin; slow.",
        ),
        click.option(
            "--input-format",
            type=click.Choice(["auto", "text", "markdown", "html"]),
            default="auto",
            show_default=True,
            help="Check only prose in Markdown/HTML.",
        ),
        click.option(
            "--disable", multiple=True, metavar="KIND[,KIND]", help="Leave out findings of these kinds (repeatable)."
        ),
        click.option(
            "--only", multiple=True, metavar="KIND[,KIND]", help="Report only findings of these kinds (repeatable)."
        ),
        click.option(
            "--ignore-words-list",
            "ignore_words",
            multiple=True,
            metavar="WORD[,WORD]",
            help="Words to accept, comma-separated (repeatable).",
        ),
        click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True)),
    ]
    for option in reversed(options):
        function = option(function)
    return function


class _Cli(click.Group):
    """The command group, run so that every failure is one line and an exit status (see the module doc)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        previous = _on_sigterm_exit()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort as abort:  # click turns Ctrl-C (and EOF at a prompt) into Abort
            interrupted = isinstance(abort.__context__, KeyboardInterrupt) or abort.__context__ is None
            code = EXIT_INTERRUPTED if interrupted else EXIT_ERROR
        except KeyboardInterrupt:
            code = EXIT_INTERRUPTED
        except click.ClickException as error:
            error.show()
            code = EXIT_ERROR
        except Exception as error:
            interrupted = _interrupt_code(error)
            if interrupted is not None:
                code = interrupted  # a signal broke a write or a pipe on its way out: still that signal
            elif isinstance(error, (InputError, OutputError)):
                code = _report(str(error))
            elif isinstance(error, OSError):
                code = _report(_describe(error))
            elif os.environ.get("PRAVKA_DEBUG"):
                raise
            else:  # a bug: still one line, with a way to see more
                code = _report(f"internal error: {type(error).__name__}: {error} (PRAVKA_DEBUG=1 shows the traceback)")
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        code = _flush_or_silence(already_failed=code == EXIT_ERROR) or code
        sys.exit(code or 0)


def _interrupt_code(error: BaseException) -> int | None:
    """The exit status of the interrupt (Ctrl-C, or SIGTERM's SystemExit) that was being handled when
    ``error`` was raised, or None when there was none."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return EXIT_INTERRUPTED
        if isinstance(cause, SystemExit) and isinstance(cause.code, int):
            return cause.code
        seen.add(id(cause))
        cause = cause.__context__ or cause.__cause__
    return None


def _on_sigterm_exit():
    """SIGTERM raises SystemExit, so ``finally`` blocks end the workers and remove temporary files."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def terminate(number, frame):
        raise SystemExit(128 + number)

    return signal.signal(signal.SIGTERM, terminate)


def _describe(error: OSError) -> str:
    where = error.filename or "standard output"
    return f"{where}: {error.strerror or error}"


def _report(message: str) -> int:
    with _suppress_os_errors():
        click.echo(f"pravka: error: {message}", err=True)
    return EXIT_ERROR


def _suppress_os_errors():
    return contextlib.suppress(OSError, ValueError)  # stderr itself may be closed or full


def _flush_or_silence(already_failed: bool) -> int | None:
    """Flush stdout now; if that fails (full disk, closed pipe), point it at /dev/null so the
    interpreter's own flush at exit cannot print a second error, and say so once."""
    if sys.stdout is None:
        return None
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as error:
        with _suppress_os_errors():
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if already_failed or isinstance(error, BrokenPipeError):
            return EXIT_ERROR
        return _report(_describe(error) if isinstance(error, OSError) else "standard output is closed")
    return None


def _stdout():
    """sys.stdout, or an OutputError when the process was started with it closed (``>&-``)."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, "closed (nothing can be written)")
    return sys.stdout


def _echo(text: str) -> None:
    click.echo(text, file=_stdout())


def _warn(message: str) -> None:
    with _suppress_os_errors():
        click.echo(f"pravka: error: {message}", err=True)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pravka")
def main() -> None:
    """Find and fix garbled words in Russian text."""


def run() -> None:
    """The ``pravka`` program (its console script and ``python -m pravka``): ``main``, then, its output
    flushed, an immediate exit (``os._exit``) unless a thread is still at work. By then every file is
    written or removed and the workers are ended (``finally`` blocks), so the interpreter's own exit
    would only tear the heap down object by object: 0.3–0.7 s after a megabyte of text, waited for on
    every run. A thread still running is waited for the usual way: one may be starting a worker after
    a signal ended the run, and a child left half-started prints a traceback. ``main`` itself exits the
    usual way, since it also runs inside other programs (tests, ``click.testing``)."""
    status: object = EXIT_CLEAN
    try:
        main(prog_name="pravka")
    except SystemExit as done:  # ``_Cli.main`` ends with ``sys.exit(status)``, flushed or reported
        others = [thread for thread in threading.enumerate() if thread is not threading.main_thread()]
        if any(thread.is_alive() and not thread.daemon for thread in others):
            raise
        status = done.code
    for stream in (sys.stdout, sys.stderr):
        with _suppress_os_errors():
            if stream is not None:
                stream.flush()
    os._exit(status if isinstance(status, int) else EXIT_ERROR)


@main.command()
@_corrector_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "jsonl", "lt-json"]),
    default="text",
    show_default=True,
    help="lt-json: one LanguageTool /v2/check answer per file, one per line.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Under each finding, say why it was flagged, where its suggestion came from and why it was or was not applied.",
)
def check(output_format, explain, **common):
    """Report damaged words as file:line:col (exit 1 when there are findings)."""
    options = _CommonOptions(**common)
    settings = options.settings()
    files = _files(options.inputs, options.pattern, settings)
    session = _Session(settings, options.jobs, files, options.summary)
    encoding, input_format = options.encoding, options.input_format
    found_any = False
    failed = 0
    all_findings = []
    colour = _colour_wanted()
    with session:
        for name in files:
            try:
                if output_format == "lt-json":
                    response = session.lt_json(name, encoding, input_format)
                    found_any = found_any or bool(response["matches"])
                    _echo(json.dumps(response, ensure_ascii=False))
                    continue
                for record in session.findings(name, encoding, input_format):
                    found_any = True
                    if output_format == "text":
                        _echo(_as_line(record, colour))
                        if explain:
                            for line in explain_finding(record, session.corrector.threshold):
                                _echo(f"    {line}")
                    elif output_format == "jsonl":
                        _echo(json.dumps(record, ensure_ascii=False))
                    else:
                        all_findings.append(record)
            except InputError as error:  # report this file, check the others
                failed += 1
                _warn(str(error))
        if output_format == "json":
            _echo(json.dumps(all_findings, ensure_ascii=False, indent=2))
    session.show_summary(len(files), failed, as_json=output_format != "text")
    sys.exit(EXIT_ERROR if failed else EXIT_FINDINGS if found_any else EXIT_CLEAN)


@main.command()
@_corrector_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write the corrected text here.")
@click.option("--in-place", is_flag=True, help="Rewrite each file atomically.")
@click.option("--diff", is_flag=True, help="Show a unified diff instead of the text.")
@click.option(
    "-i",
    "--interactive",
    is_flag=True,
    help="Review each finding: accept, pick, edit, skip, add to dictionary; writes each file back (or to -o).",
)
def fix(output, in_place, diff, interactive, **common):
    """Apply the sure fixes; print the corrected text."""
    if in_place and (output or diff):
        _fail("--in-place cannot be combined with -o or --diff")
    if interactive and (in_place or diff):
        _fail("-i writes each file back itself; it cannot be combined with --in-place or --diff")
    options = _CommonOptions(**common)
    settings = options.settings()
    files = _files(options.inputs, options.pattern, settings)
    encoding, input_format = options.encoding, options.input_format
    if output and len(files) > 1:
        _fail("-o takes one input")
    if (in_place or interactive) and "-" in files:
        _fail(f"{'-i' if interactive else '--in-place'} needs files, not stdin")
    if interactive and not sys.stdin.isatty():
        _fail("-i needs a terminal to ask on")
    session = _Session(settings, options.jobs, files, options.summary)
    if interactive:
        from .shells.review import review_files

        try:
            review_files(
                session.corrector, files, encoding, [_resolve_format(name, input_format) for name in files], output
            )
        except InputError as error:
            _fail(str(error))
        return
    failed = 0
    with session:
        for name in files:
            try:
                if in_place or (output and output != "-"):
                    with atomic_writer(name if in_place else output, encoding) as handle:
                        for piece in session.fixed(name, encoding, input_format):
                            handle.write(piece)
                elif diff:
                    original = read_text(name, encoding)
                    corrected = "".join(session.fixed(name, encoding, input_format))
                    label = "<stdin>" if name == "-" else name
                    _stdout().writelines(unified_diff(original, corrected, label))
                    _stdout().flush()
                else:
                    for piece in session.fixed(name, encoding, input_format):
                        _stdout().write(piece)
                    _stdout().flush()
            except (InputError, OutputError) as error:  # report this file, fix the others
                failed += 1
                _warn(str(error))
    session.show_summary(len(files), failed)
    if failed:
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="Model file to write (replaced atomically)."
)
@click.option("--order", type=click.IntRange(2, 3), default=2, show_default=True, help="Longest run of words counted.")
@click.option("--encoding", default="utf-8", show_default=True, help="Input encoding, e.g. cp1251.")
@click.option(
    "--glob",
    "pattern",
    multiple=True,
    default=("*.txt",),
    show_default=True,
    help="Files to take from folders (repeatable).",
)
def learn(inputs, output, order, encoding, pattern):
    """Learn a word n-gram model from plain text, for check/fix --model."""
    from tqdm import tqdm

    from .lm import NgramModel

    files = _expand(inputs, pattern)
    texts = (chunk.text for name in files for chunk in read_chunks(name, encoding))
    started = time.perf_counter()
    bar = tqdm(unit=" words", unit_scale=True, file=sys.stderr, leave=False, disable=not sys.stderr.isatty())
    try:
        model = NgramModel.build(texts, output, order=order, progress=bar.update)
    except InputError as error:
        _fail(str(error))
    finally:
        bar.close()
    seconds = time.perf_counter() - started
    megabytes = os.path.getsize(output) / 1e6
    distinct = f"{model.unigrams:,} words, {model.bigrams:,} pairs" + (
        f", {model.trigrams:,} triples" if order == 3 else ""
    )
    model.close()
    click.echo(f"{output}: {model.tokens:,} tokens, {distinct} in {seconds:.1f} s, {megabytes:.1f} MB")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8081, show_default=True, type=int)
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None)
@click.option("--dict", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Checking processes.")
@click.option(
    "--check-timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a check (and its answer) may take (then 503).",
)
@click.option(
    "--read-timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a client may take to send a request (then the connection is closed, or 408).",
)
@click.option(
    "--allow-origin",
    "allowed_origins",
    multiple=True,
    metavar="PATTERN",
    help="Browser origin allowed to call, e.g. 'moz-extension://*' (repeatable; others get 403).",
)
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Host header accepted besides the bound address, e.g. a proxy's name (repeatable).",
)
def serve(host, port, threshold, dictionaries, workers, check_timeout, read_timeout, allowed_origins, allowed_hosts):
    """Serve the LanguageTool /v2/check API (needs pravka[server])."""
    try:
        from .shells.server import run
    except ImportError as error:
        _fail(f"pravka serve needs the server extra: pip install 'pravka[server]' ({error})")
    corrector = _corrector(_settings(threshold, dictionaries, None, (), (), ()))
    run(
        host=host,
        port=port,
        corrector=corrector,
        workers=workers,
        check_timeout=check_timeout,
        read_timeout=read_timeout,
        allowed_hosts=allowed_hosts,
        allowed_origins=allowed_origins,
    )


@main.command("config")
def show_config():
    """Show the effective settings and where each came from."""
    from .corrector import DEFAULT_THRESHOLD
    from .userdict import dictionary_path

    settings = _settings(None, (), None, (), (), ())
    click.echo(
        f"settings file: {settings.file or 'none (looked for .pravka.toml or [tool.pravka] in pyproject.toml from here upward)'}"
    )
    click.echo(f"personal dictionary: {dictionary_path()}")
    shown = {"threshold": settings.threshold if settings.threshold is not None else DEFAULT_THRESHOLD}
    for key in ("threshold", "model", "dictionaries", "words", "include", "exclude", "disable", "only", "swaps"):
        value = shown.get(key, getattr(settings, key))
        value = list(value) if isinstance(value, tuple) else value
        click.echo(f"{key} = {json.dumps(value, ensure_ascii=False)}  # {settings.source(key)}")


@main.command()
@click.argument("words", nargs=-1, required=True)
def add(words):
    """Add words to your personal dictionary, read by every run and the server."""
    from .userdict import add_words, dictionary_path

    try:
        added = add_words(list(words))
    except ValueError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"{dictionary_path()}: cannot write: {error.strerror}")
    for word in words:
        state = "added to" if word.strip() in added else "already in"
        click.echo(f"«{word.strip()}» {state} {dictionary_path()}")


def _fail(message: str):
    click.echo(f"pravka: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _settings(threshold, dictionaries, model, disable, only, ignore_words, swaps=None):
    """The settings file's values, the command line laid over them, and the personal dictionary."""
    from .config import ConfigError, load_settings
    from .userdict import dictionary_path, personal_words

    def items(values):
        return [item.strip() for value in values for item in value.split(",") if item.strip()]

    try:
        settings = load_settings()
    except ConfigError as error:
        _fail(str(error))
    settings = settings.with_flags(
        threshold=threshold,
        dictionaries=dictionaries,
        model=model,
        disable=items(disable),
        only=items(only),
        words=items(ignore_words),
        swaps=swaps,
    )
    return settings.with_personal_words(personal_words(), str(dictionary_path()))


def _corrector(settings):
    from .corrector import Corrector

    try:
        return Corrector(**settings.corrector_arguments())
    except (ValueError, TypeError, OSError) as error:
        _fail(str(error))


def _files(inputs, pattern, settings) -> list[str]:
    """The files to read: folders walked with ``include`` (unless --glob is given) or --glob; any file
    an ``exclude`` glob matches is left out, a named one too (pre-commit names every staged file)."""
    from click.core import ParameterSource

    walk_by_include = (
        bool(settings.include)
        and click.get_current_context().get_parameter_source("pattern") != ParameterSource.COMMANDLINE
    )
    named = set(inputs)
    files = _expand(inputs, "*" if walk_by_include else pattern)
    return [
        name
        for name in files
        if name == "-"
        or (not settings.excluded(name) and (name in named or not walk_by_include or settings.included(name)))
    ]


def _expand(inputs, patterns) -> list[str]:
    """The files named, and the files under the folders named that match any of ``patterns``."""
    if not inputs:
        return ["-"]
    patterns = (patterns,) if isinstance(patterns, str) else tuple(patterns)
    files = []
    for item in inputs:
        if item == "-":
            files.append(item)
        elif os.path.isdir(item):
            found = {path for pattern in patterns for path in Path(item).rglob(pattern) if path.is_file()}
            if not found:
                with _suppress_os_errors():
                    click.echo(
                        f"pravka: warning: {item}: no files matching {' '.join(patterns)} (see --glob)", err=True
                    )
            files.extend(str(path) for path in sorted(found))
        elif os.path.lexists(item):
            files.append(item)
        else:
            _fail(f"{item}: no such file or folder")
    if not files:
        _fail("no files to read")
    return files


def _colour_wanted() -> bool:
    """Colours on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    stream = sys.stdout
    return stream is not None and stream.isatty() and not os.environ.get("NO_COLOR")


def _as_line(record: dict, colour: bool = False) -> str:
    def paint(text, **style):
        return click.style(text, **style) if colour else text

    suggestions = record["suggestions"]
    if suggestions:
        best = suggestions[0]
        shown = best["text"]
        if shown != shown.strip() or not shown:
            shown = f"«{shown}»"  # a space or a deletion would be invisible bare
        proposal = f"{paint(shown, fg='green', bold=record['fix'] is not None)} ({best['confidence']:.2f})"
    else:
        proposal = "?"
    place = paint(f"{record['file']}:{record['line']}:{record['column']}:", bold=True)
    return f"{place} {paint(record['kind'], fg='yellow')}: «{paint(record['text'], fg='red')}» → {proposal}"


def unified_diff(original: str, corrected: str, label: str):
    """``diff -u`` lines that ``patch`` accepts, also when a file does not end with a newline.

    Lines are cut at ``\n`` only (as ``patch`` reads them), not at every separator str.splitlines knows.
    """
    for line in difflib.unified_diff(_patch_lines(original), _patch_lines(corrected), label, label):
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n\\ No newline at end of file\n"


def _patch_lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _resolve_format(name: str, input_format: str) -> str:
    if input_format != "auto":
        return input_format
    from .shells.markup import format_for_path

    return format_for_path(name)


class _Session:
    """One Corrector (or a pool of worker processes with one each) for the whole command."""

    def __init__(self, settings, jobs, files, summary=False):
        self.corrector = _corrector(settings)
        total = sum(input_size(name) or 0 for name in files)
        self.jobs = jobs or ((os.cpu_count() or 1) if total >= BIG_INPUT_BYTES else 1)
        self.pool = WorkerPool(self.corrector, self.jobs if self.jobs > 1 else 0)
        self.summary = summary
        self.spinning = summary and self.corrector.swaps  # the spin score reads the swap unit's word scores
        self.tally: Counter = Counter()  # (kind, applied) -> findings
        self.spin: dict[str, SpinEvidence] = {}  # file -> its spin evidence (check --summary --swaps)

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.close(kill=kind is not None)  # Ctrl-C, SIGTERM, an error: end the workers now

    def _map(self, function, chunks):
        """Yield (chunk, function(corrector, chunk.text)) in order, with at most a few chunks in flight."""
        yield from self.pool.map(function, chunks, payload=lambda chunk: chunk.text)

    def _count(self, kinds) -> None:
        self.tally.update(kinds)

    def show_summary(self, files: int, failed: int, as_json: bool = False) -> None:
        """Findings per kind, applied (or to be applied by fix) vs reported only, and with swaps on each
        file's spin score, on stderr: as lines, or as one JSON object for a JSON output format."""
        if not self.summary:
            return
        kinds = sorted({kind for kind, _ in self.tally})
        applied = sum(n for (_, fixed), n in self.tally.items() if fixed)
        reported = sum(self.tally.values()) - applied
        spin_scores = {name: spin_probability(evidence) for name, evidence in self.spin.items()}
        if as_json:
            summary = {
                "files": files,
                "files_read": files - failed,
                "findings": applied + reported,
                "applied": applied,
                "reported_only": reported,
                "kinds": {
                    kind: {"applied": self.tally[kind, True], "reported": self.tally[kind, False]} for kind in kinds
                },
            }
            if self.spinning:
                summary["spin_scores"] = {name: round(score, 4) for name, score in spin_scores.items()}
            with _suppress_os_errors():
                click.echo(json.dumps(summary, ensure_ascii=False), err=True)
            return
        lines = [
            f"pravka: {files - failed} of {files} files read, {applied + reported} findings: "
            f"{applied} applied, {reported} reported only"
        ]
        lines += [
            f"  {kind:<12} {self.tally[kind, True]:>6} applied {self.tally[kind, False]:>6} reported" for kind in kinds
        ]
        lines += [f"  spin score {score:.2f}  {name}" for name, score in spin_scores.items()]
        with _suppress_os_errors():
            click.echo("\n".join(lines), err=True)

    def _progress(self, name):
        size = input_size(name)
        show = size is not None and size >= BIG_INPUT_BYTES and sys.stderr.isatty()
        if not show:
            return None
        from tqdm import tqdm

        return tqdm(total=size, unit="B", unit_scale=True, desc=name, file=sys.stderr, leave=False)

    def _chunks_with_progress(self, name, encoding):
        bar = self._progress(name)
        for chunk in read_chunks(name, encoding):
            yield chunk
            if bar is not None:
                bar.update(len(chunk.text.encode(encoding, errors="replace")))
        if bar is not None:
            bar.close()

    def findings(self, name, encoding, input_format):
        label = "<stdin>" if name == "-" else name
        fmt = _resolve_format(name, input_format)
        if fmt != "text":
            text = read_text(name, encoding)
            from .shells.markup import check_markup, extract_checkable_spans

            found = check_markup(self.corrector, text, fmt)
            self._count(_kinds(found))
            if self.spinning:  # the prose only: tags, code and link targets are no one's words
                evidence = SpinEvidence()
                for a, b in extract_checkable_spans(text, fmt):
                    evidence = evidence.plus(self.corrector.spin_evidence(text[a:b]))
                self.spin[label] = evidence
            yield from _records(label, text, 1, 0, [f.to_dict() for f in found])
            return
        offset = 0
        function = _check_and_spin_chunk if self.spinning else _check_chunk
        for chunk, result in self._map(function, self._chunks_with_progress(name, encoding)):
            found, evidence = result if self.spinning else (result, None)
            if evidence is not None:
                self.spin[label] = self.spin.get(label, SpinEvidence()).plus(evidence)
            self._count((item["kind"], item["fix"] is not None) for item in found)
            yield from _records(label, chunk.text, chunk.first_line, offset, found)
            offset += len(chunk.text)

    def fixed(self, name, encoding, input_format):
        fmt = _resolve_format(name, input_format)
        if fmt != "text":
            from .shells.markup import check_markup, fix_markup

            text = read_text(name, encoding)
            if self.summary:
                self._count(_kinds(check_markup(self.corrector, text, fmt)))
            yield fix_markup(self.corrector, text, fmt)
            return
        function = _fix_and_count_chunk if self.summary else _fix_chunk
        for _, (corrected, kinds) in self._map(function, self._chunks_with_progress(name, encoding)):
            self._count(kinds)
            yield corrected

    def lt_json(self, name, encoding, input_format):
        """LanguageTool's answer for one whole file (its offsets are UTF-16 units into that file)."""
        from .shells.lt_format import lt_response

        text = read_text(name, encoding)
        fmt = _resolve_format(name, input_format)
        if fmt == "text":
            found = self.corrector.check(text)
        else:
            from .shells.markup import check_markup

            found = check_markup(self.corrector, text, fmt)
        self._count(_kinds(found))
        return lt_response(text, found)

    def close(self, kill=False):
        self.pool.close(kill=kill)


def _kinds(findings):
    return [(finding.kind, finding.fix is not None) for finding in findings]


def _check_chunk(corrector, text: str) -> list[dict]:
    return [finding.to_dict() for finding in corrector.check(text)]


def _check_and_spin_chunk(corrector, text: str) -> tuple[list[dict], SpinEvidence]:
    findings, evidence = corrector.check_and_spin(text)  # one analysis: the swap unit's scores are the spin's
    return [finding.to_dict() for finding in findings], evidence


def _fix_chunk(corrector, text: str) -> tuple[str, list]:
    return corrector.fix(text), []


def _fix_and_count_chunk(corrector, text: str) -> tuple[str, list[tuple[str, bool]]]:
    return corrector.fix(text), _kinds(corrector.check(text))


def _records(label: str, text: str, first_line: int, base_offset: int, found: list[dict]):
    """Add file, 1-based line and column, and the offset in the whole file to each finding.

    Lines end at \\n, \\r\\n or a lone \\r; a byte-order mark at the start of a file is not a column.
    """
    starts = line_starts(text)
    bom = base_offset == 0 and text.startswith(BYTE_ORDER_MARK)
    for item in found:
        row = bisect_right(starts, item["offset"]) - 1
        column = item["offset"] - starts[row] + 1
        if bom and row == 0 and column > 1:
            column -= 1
        yield {
            "file": label,
            "line": first_line + row,
            "column": column,
            **item,
            "offset": base_offset + item["offset"],
        }
