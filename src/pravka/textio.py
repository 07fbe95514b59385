"""Reading and writing files safely: chunked decoding with precise errors, atomic writes.

Input is read in blocks of about a megabyte cut at line ends, so a multi-gigabyte file streams in
constant memory and every chunk holds whole lines (a line of 10 MB is simply one larger chunk). Bytes are
decoded strictly: a NUL byte means a binary file, and invalid UTF-8 is reported with the file name and
the byte offset of the first bad byte, instead of a traceback or silently mangled text. Outputs go to a
temporary file beside the target and are renamed over it only when complete, so a file is never left
half-written.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass
from typing import BinaryIO, Iterator

CHUNK_BYTES = 1 << 20


class InputError(Exception):
    """A file pravka cannot read as text; the message names the file and the place."""


@dataclass(frozen=True)
class Chunk:
    text: str
    first_line: int  # 1-based number of the chunk's first line in its file
    byte_offset: int


def open_input(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None


def read_chunks(path: str, encoding: str = "utf-8", chunk_bytes: int = CHUNK_BYTES) -> Iterator[Chunk]:
    name = "<stdin>" if path == "-" else path
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding: {encoding}") from None
    stream = open_input(path)
    with contextlib.ExitStack() as stack:
        if stream is not sys.stdin.buffer:
            stack.enter_context(stream)
        pending = b""
        offset = 0
        line = 1
        while True:
            block = stream.read(chunk_bytes)
            data = pending + block
            if not data:
                return
            cut = data.rfind(b"\n") + 1 if block else len(data)
            if cut == 0:
                pending = data
                continue
            piece, pending = data[:cut], data[cut:]
            text = _decode(piece, encoding, name, offset)
            yield Chunk(text, line, offset)
            offset += len(piece)
            line += text.count("\n")


def _decode(piece: bytes, encoding: str, name: str, offset: int) -> str:
    if encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig") and b"\x00" in piece:
        position = offset + piece.index(b"\x00")
        raise InputError(f"{name}: binary data (NUL byte at byte {position}); not a text file")
    try:
        text = piece.decode(encoding)
    except UnicodeDecodeError as error:
        hint = " (try --encoding cp1251)" if encoding.lower().replace("-", "") == "utf8" else ""
        raise InputError(
            f"{name}: invalid {encoding} at byte {offset + error.start}: {error.reason}{hint}"
        ) from None
    return text


def read_text(path: str, encoding: str = "utf-8") -> str:
    return "".join(chunk.text for chunk in read_chunks(path, encoding))


@contextlib.contextmanager
def atomic_writer(path: str, encoding: str = "utf-8"):
    """Write to a temporary file beside ``path`` and rename it over ``path`` only on success."""
    folder = os.path.dirname(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(prefix=".pravka-", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(path: str) -> int:
    """The file's own mode when it exists, else what a plain open() would give (0666 less umask)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def input_size(path: str) -> int | None:
    if path == "-":
        return None
    try:
        return os.path.getsize(path)
    except OSError:
        return None
