"""The ``pravka`` command line: a thin shell over ``Corrector``.

Files are streamed chunk by chunk (whole lines, about 1 MB each); with ``--jobs N`` the chunks go to N
worker processes, each holding its own Corrector, and come back in order. Findings are printed as
``file:line:col: kind: «word» → suggestion (confidence)`` or as JSON; ``fix`` writes corrected text to
stdout, to ``-o OUT`` or back in place (atomically). ``learn`` counts the words of the user's own text
into an n-gram model that ``--model`` passes to the Corrector. Exit status: 0 no findings, 1 findings,
2 usage or input error.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
import time
from bisect import bisect_right
from pathlib import Path

import click

from .parallel import ordered_map
from .textio import InputError, atomic_writer, input_size, read_chunks, read_text

BIG_INPUT_BYTES = 4 << 20
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _check_model(context, parameter, path):
    """Open the --model file once up front, so a wrong file is a usage error and not a traceback."""
    if path is not None:
        from .lm import NgramModel

        try:
            NgramModel.load(path).close()
        except ValueError as error:
            raise click.BadParameter(str(error)) from None
    return path


def _corrector_options(function):
    options = [
        click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None, help="Confidence needed to apply a fix (default: calibrated)."),
        click.option("--dict", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra word list, one word per line (repeatable)."),
        click.option("--model", type=click.Path(exists=True, dir_okay=False), callback=_check_model, help="Word n-gram model from 'pravka learn', to rank suggestions by their neighbours."),
        click.option("--jobs", type=click.IntRange(0), default=0, help="Worker processes (0 = all cores for big inputs, else 1)."),
        click.option("--encoding", default="utf-8", show_default=True, help="Input encoding, e.g. cp1251."),
        click.option("--glob", "pattern", default="*.txt", show_default=True, help="Files to take from folders."),
        click.option("--input-format", type=click.Choice(["auto", "text", "markdown", "html"]), default="auto", show_default=True, help="Check only prose in Markdown/HTML."),
        click.option("--disable", multiple=True, metavar="KIND[,KIND]", help="Leave out findings of these kinds (repeatable)."),
        click.option("--only", multiple=True, metavar="KIND[,KIND]", help="Report only findings of these kinds (repeatable)."),
        click.option("--ignore-words-list", "ignore_words", multiple=True, metavar="WORD[,WORD]", help="Words to accept, comma-separated (repeatable)."),
        click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True)),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group()
@click.version_option(package_name="pravka")
def main() -> None:
    """Find and fix garbled words in Russian text."""


@main.command()
@_corrector_options
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "jsonl", "lt-json"]), default="text", show_default=True,
    help="lt-json: one LanguageTool /v2/check answer per file, one per line.",
)
def check(inputs, threshold, dictionaries, model, jobs, encoding, pattern, input_format, disable, only, ignore_words, output_format):
    """Report damaged words as file:line:col (exit 1 when there are findings)."""
    settings = _settings(threshold, dictionaries, model, disable, only, ignore_words)
    files = _files(inputs, pattern, settings)
    session = _Session(settings, jobs, files)
    found_any = False
    all_findings = []
    try:
        for name in files:
            if output_format == "lt-json":
                response = session.lt_json(name, encoding, input_format)
                found_any = found_any or bool(response["matches"])
                click.echo(json.dumps(response, ensure_ascii=False))
                continue
            for record in session.findings(name, encoding, input_format):
                found_any = True
                if output_format == "text":
                    click.echo(_as_line(record))
                elif output_format == "jsonl":
                    click.echo(json.dumps(record, ensure_ascii=False))
                else:
                    all_findings.append(record)
        if output_format == "json":
            click.echo(json.dumps(all_findings, ensure_ascii=False, indent=2))
    except InputError as error:
        _fail(str(error))
    finally:
        session.close()
    sys.exit(EXIT_FINDINGS if found_any else EXIT_CLEAN)


@main.command()
@_corrector_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write the corrected text here.")
@click.option("--in-place", is_flag=True, help="Rewrite each file atomically.")
@click.option("--diff", is_flag=True, help="Show a unified diff instead of the text.")
@click.option("-i", "--interactive", is_flag=True, help="Review each finding: accept, pick, edit, skip, add to dictionary; writes each file back (or to -o).")
def fix(inputs, threshold, dictionaries, model, jobs, encoding, pattern, input_format, disable, only, ignore_words, output, in_place, diff, interactive):
    """Apply the sure fixes; print the corrected text."""
    if in_place and (output or diff):
        _fail("--in-place cannot be combined with -o or --diff")
    if interactive and (in_place or diff):
        _fail("-i writes each file back itself; it cannot be combined with --in-place or --diff")
    settings = _settings(threshold, dictionaries, model, disable, only, ignore_words)
    files = _files(inputs, pattern, settings)
    if output and len(files) > 1:
        _fail("-o takes one input")
    if (in_place or interactive) and "-" in files:
        _fail(f"{'-i' if interactive else '--in-place'} needs files, not stdin")
    if interactive and not sys.stdin.isatty():
        _fail("-i needs a terminal to ask on")
    session = _Session(settings, jobs, files)
    if interactive:
        from .shells.review import review_files

        try:
            review_files(session.corrector, files, encoding, [_resolve_format(name, input_format) for name in files], output)
        except InputError as error:
            _fail(str(error))
        return
    try:
        for name in files:
            if in_place:
                with atomic_writer(name, encoding) as handle:
                    for piece in session.fixed(name, encoding, input_format):
                        handle.write(piece)
            elif diff:
                original = read_text(name, encoding)
                corrected = "".join(session.fixed(name, encoding, input_format))
                label = "<stdin>" if name == "-" else name
                sys.stdout.writelines(
                    difflib.unified_diff(original.splitlines(True), corrected.splitlines(True), label, label)
                )
            elif output and output != "-":
                with atomic_writer(output, encoding) as handle:
                    for piece in session.fixed(name, encoding, input_format):
                        handle.write(piece)
            else:
                for piece in session.fixed(name, encoding, input_format):
                    sys.stdout.write(piece)
                sys.stdout.flush()
    except InputError as error:
        _fail(str(error))
    finally:
        session.close()


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Model file to write (replaced atomically).")
@click.option("--order", type=click.IntRange(2, 3), default=2, show_default=True, help="Longest run of words counted.")
@click.option("--encoding", default="utf-8", show_default=True, help="Input encoding, e.g. cp1251.")
@click.option("--glob", "pattern", default="*.txt", show_default=True, help="Files to take from folders.")
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
    distinct = f"{model.unigrams:,} words, {model.bigrams:,} pairs" + (f", {model.trigrams:,} triples" if order == 3 else "")
    model.close()
    click.echo(f"{output}: {model.tokens:,} tokens, {distinct} in {seconds:.1f} s, {megabytes:.1f} MB")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8081, show_default=True, type=int)
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None)
@click.option("--dict", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Checking processes.")
@click.option("--check-timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1), help="Seconds a check may take (then 503).")
def serve(host, port, threshold, dictionaries, workers, check_timeout):
    """Serve the LanguageTool /v2/check API (needs pravka[server])."""
    try:
        from .shells.server import run
    except ImportError as error:
        _fail(f"pravka serve needs the server extra: pip install 'pravka[server]' ({error})")
    corrector = _corrector(_settings(threshold, dictionaries, None, (), (), ()))
    run(host=host, port=port, corrector=corrector, workers=workers, check_timeout=check_timeout)


@main.command("config")
def show_config():
    """Show the effective settings and where each came from."""
    from .corrector import DEFAULT_THRESHOLD
    from .userdict import dictionary_path

    settings = _settings(None, (), None, (), (), ())
    click.echo(f"settings file: {settings.file or 'none (looked for .pravka.toml or [tool.pravka] in pyproject.toml from here upward)'}")
    click.echo(f"personal dictionary: {dictionary_path()}")
    shown = {"threshold": settings.threshold if settings.threshold is not None else DEFAULT_THRESHOLD}
    for key in ("threshold", "model", "dictionaries", "words", "include", "exclude", "disable", "only"):
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


def _settings(threshold, dictionaries, model, disable, only, ignore_words):
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
        threshold=threshold, dictionaries=dictionaries, model=model, disable=items(disable), only=items(only),
        words=items(ignore_words),
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

    walk_by_include = bool(settings.include) and click.get_current_context().get_parameter_source("pattern") != ParameterSource.COMMANDLINE
    named = set(inputs)
    files = _expand(inputs, "*" if walk_by_include else pattern)
    return [
        name for name in files
        if name == "-" or (not settings.excluded(name) and (name in named or not walk_by_include or settings.included(name)))
    ]


def _expand(inputs, pattern) -> list[str]:
    if not inputs:
        return ["-"]
    files = []
    for item in inputs:
        if item == "-":
            files.append(item)
        elif os.path.isdir(item):
            files.extend(str(path) for path in sorted(Path(item).rglob(pattern)) if path.is_file())
        elif os.path.exists(item):
            files.append(item)
        else:
            _fail(f"{item}: no such file or folder")
    return files


def _as_line(record: dict) -> str:
    suggestions = record["suggestions"]
    if suggestions:
        best = suggestions[0]
        shown = best["text"]
        if shown != shown.strip() or not shown:
            shown = f"«{shown}»"  # a space or a deletion would be invisible bare
        proposal = f"{shown} ({best['confidence']:.2f})"
    else:
        proposal = "?"
    return f"{record['file']}:{record['line']}:{record['column']}: {record['kind']}: «{record['text']}» → {proposal}"


def _resolve_format(name: str, input_format: str) -> str:
    if input_format != "auto":
        return input_format
    from .shells.markup import format_for_path

    return format_for_path(name)


class _Session:
    """One Corrector (or a pool of worker processes with one each) for the whole command."""

    def __init__(self, settings, jobs, files):
        self.corrector = _corrector(settings)
        total = sum(input_size(name) or 0 for name in files)
        self.total_bytes = total
        self.jobs = jobs or ((os.cpu_count() or 1) if total >= BIG_INPUT_BYTES else 1)
        self.pool = None

    def _map(self, function, chunks):
        """Yield (chunk, function(chunk.text)) in order, with at most a few chunks in flight."""
        if self.jobs <= 1:
            for chunk in chunks:
                yield chunk, function(chunk.text, self.corrector)
            return
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker, initargs=(self.corrector,))
        yield from ordered_map(self.pool, function, chunks, 2 * self.jobs, payload=lambda chunk: chunk.text)

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
            from .shells.markup import check_markup

            yield from _records(label, text, 1, 0, [f.to_dict() for f in check_markup(self.corrector, text, fmt)])
            return
        offset = 0
        for chunk, found in self._map(_check_chunk, self._chunks_with_progress(name, encoding)):
            yield from _records(label, chunk.text, chunk.first_line, offset, found)
            offset += len(chunk.text)

    def fixed(self, name, encoding, input_format):
        fmt = _resolve_format(name, input_format)
        if fmt != "text":
            from .shells.markup import fix_markup

            yield fix_markup(self.corrector, read_text(name, encoding), fmt)
            return
        for _, corrected in self._map(_fix_chunk, self._chunks_with_progress(name, encoding)):
            yield corrected

    def lt_json(self, name, encoding, input_format):
        """LanguageTool's answer for one whole file (its offsets are UTF-16 units into that file)."""
        from .shells.lt_format import lt_response

        text = read_text(name, encoding)
        fmt = _resolve_format(name, input_format)
        if fmt == "text":
            return lt_response(text, self.corrector.check(text))
        from .shells.markup import check_markup

        return lt_response(text, check_markup(self.corrector, text, fmt))

    def close(self):
        if self.pool is not None:
            self.pool.shutdown()


_worker_corrector = None


def _init_worker(corrector) -> None:
    global _worker_corrector
    _worker_corrector = corrector


def _check_chunk(text: str, corrector=None) -> list[dict]:
    return [finding.to_dict() for finding in (corrector or _worker_corrector).check(text)]


def _fix_chunk(text: str, corrector=None) -> str:
    return (corrector or _worker_corrector).fix(text)


def _records(label: str, text: str, first_line: int, base_offset: int, found: list[dict]):
    """Add file, 1-based line and column, and the offset in the whole file to each finding."""
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for item in found:
        row = bisect_right(line_starts, item["offset"]) - 1
        yield {
            "file": label,
            "line": first_line + row,
            "column": item["offset"] - line_starts[row] + 1,
            **item,
            "offset": base_offset + item["offset"],
        }
