"""Reading and writing files safely: streamed decoding with precise errors, atomic writes.

Reading. Bytes are read in blocks of ``CHUNK_BYTES`` and fed to an incremental decoder, so a block
boundary may fall anywhere (inside a UTF-8 sequence or a UTF-16 code unit) without harm, and a
multi-gigabyte file streams in constant memory. The decoded text is cut into chunks of about one
block at line ends: ``\n``, ``\r\n`` and a lone ``\r`` (old Mac files) all end a line, and a chunk
never ends between ``\r`` and ``\n``. Chunks are checked apart (by different workers with
``--jobs``), so a cut must not split what a detector reads across a line end: within the window, the
last *safe cut* in the second half of the text is taken — after a blank line (a paragraph ends),
else after a line that ends a sentence (the context model then reads no sentence across the cut),
else after a line not broken inside a word with a hyphen («безопас-\nности» stays together) — and
only without any of these after the last line end. Chunks are small (``CHUNK_BYTES``, 64 KiB), so
that even a file of a few megabytes gives every worker many to share, and the same for every
``--jobs``, so the output never depends on it. A line longer than ``MAX_CHUNK_FACTOR`` blocks is cut
at its last whitespace in that window (or, with none, at the window's end), so an input without
newlines — a 10 MB line, ``/dev/zero`` — is still read in bounded pieces. Decoding is strict: a NUL byte (a NUL character for
UTF-16/32) means binary data and stops the read in the block where it appears; invalid bytes are
reported with the file name and the byte offset of the first bad byte, never a traceback or silently
mangled text.

Writing. ``atomic_writer`` writes a new file beside the target and renames it over the target only
when complete, so a file is never left half-written. On Linux the new file is made with
``O_TMPFILE``: it has no name until it is complete, so even SIGKILL cannot leave a temporary file
behind. A symlink is followed (its target is rewritten and the link stays a link); a device, a FIFO,
a folder or anything else that is not a regular file is refused, as is a file with several hard
links (a rename would split them from it); owner, group and mode are carried over, and a file whose
owner cannot be kept is refused rather than handed to someone else. Every OS error is an
``OutputError`` naming the file.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .ru.punctuation import CLOSERS, HYPHENS, SENTENCE_END

CHUNK_BYTES = 1 << 16
MAX_CHUNK_FACTOR = 4  # a chunk without a line end is cut after this many blocks' worth of text
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BREAK = LINE_BREAK.pattern
SAFE_CUTS = (  # the places after which a chunk may end, best first
    re.compile(rf"(?:{_BREAK})[ \t]*(?:{_BREAK})"),  # a blank line
    re.compile(rf"[{re.escape(''.join(SENTENCE_END))}][{re.escape(''.join(CLOSERS))}]*[ \t]*(?:{_BREAK})"),
    re.compile(rf"[^{re.escape(HYPHENS)}\s][ \t]*(?:{_BREAK})"),  # a line not ending in a hyphen
)
NUL, NUL_BYTE = "\x00", b"\x00"


class InputError(Exception):
    """A file pravka cannot read as text; the message names the file and the place."""


class OutputError(Exception):
    """A file or stream pravka cannot write; the message names it and the reason."""


@dataclass(frozen=True)
class Chunk:
    text: str
    first_line: int  # 1-based number of the chunk's first line in its file


def count_line_breaks(text: str) -> int:
    """Line ends in ``text``: ``\n``, ``\r\n`` and a lone ``\r`` each count once."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def line_starts(text: str) -> list[int]:
    """Offsets where the lines of ``text`` start (the first is 0)."""
    return [0] + [match.end() for match in LINE_BREAK.finditer(text)]


def open_input(path: str) -> BinaryIO:
    if path == "-":
        if sys.stdin is None:
            raise InputError("<stdin>: standard input is closed")
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None


def _wide(encoding: str) -> bool:
    """UTF-16 and UTF-32 encode ordinary text with NUL bytes; their NUL test is on the characters."""
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def read_chunks(path: str, encoding: str = "utf-8", chunk_bytes: int | None = None) -> Iterator[Chunk]:
    """The text of ``path`` (``-``: stdin) in chunks of whole lines, decoded as a stream."""
    chunk_bytes = chunk_bytes or CHUNK_BYTES
    name = "<stdin>" if path == "-" else path
    try:
        wide = _wide(encoding)
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    except LookupError:
        raise InputError(f"unknown encoding: {encoding}") from None
    stream = open_input(path)
    with contextlib.ExitStack() as stack:
        if path != "-":
            stack.enter_context(stream)
        pending = ""
        consumed = 0  # bytes given to the decoder so far
        decoded = 0  # characters decoded so far
        line = 1
        while True:
            try:
                block = stream.read(chunk_bytes)
            except OSError as error:
                raise InputError(f"{name}: cannot read: {error.strerror}") from None
            final = not block
            if not wide and NUL_BYTE in block:
                raise InputError(
                    f"{name}: binary data (NUL byte at byte {consumed + block.index(NUL_BYTE)}); not a text file"
                )
            text = _decode(decoder, block, final, name, encoding, consumed)
            if wide and NUL in text:
                raise InputError(f"{name}: binary data (NUL at character {decoded + text.index(NUL)}); not a text file")
            consumed += len(block)
            decoded += len(text)
            pending += text
            while pending and (final or len(pending) >= chunk_bytes):
                cut = _chunk_end(pending, chunk_bytes * MAX_CHUNK_FACTOR, final)
                if not cut:
                    break
                piece, pending = pending[:cut], pending[cut:]
                yield Chunk(piece, line)
                line += count_line_breaks(piece)
            if final:
                return


def _decode(decoder, block: bytes, final: bool, name: str, encoding: str, consumed: int) -> str:
    buffered = len(decoder.getstate()[0])  # bytes of an unfinished character from the last block
    try:
        return decoder.decode(block, final)
    except UnicodeDecodeError as error:
        hint = " (try --encoding cp1251)" if codecs.lookup(encoding).name == "utf-8" else ""
        position = consumed - buffered + error.start
        raise InputError(f"{name}: invalid {encoding} at byte {position}: {error.reason}{hint}") from None


def _chunk_end(text: str, limit: int, final: bool) -> int:
    """Where the next chunk of ``text`` ends: after its last line end within ``limit`` characters;
    else, once ``limit`` characters are there, after the window's last whitespace (or at the window's
    end); 0 means wait for more text."""
    if final and len(text) <= limit:
        return len(text)
    window = min(len(text), limit)
    end = _safe_cut(text, window, final) or _last_line_end(text, window, final)
    if end:
        return end
    if len(text) < limit:
        return len(text) if final else 0
    space = max(text.rfind(" ", 0, limit), text.rfind("\t", 0, limit))
    return space + 1 if space > 0 else limit


def _safe_cut(text: str, limit: int, final: bool) -> int:
    """The end of the last, best safe cut in the second half of ``text[:limit]``; 0 if there is none."""
    for cut in SAFE_CUTS:
        ends = [match.end() for match in cut.finditer(text, limit // 2, limit)]
        # a "\r" that ends what is read so far may be the first half of a "\r\n" still to come
        ends = [end for end in ends if final or end < len(text) or text[end - 1] != "\r"]
        if ends:
            return ends[-1]
    return 0


def _last_line_end(text: str, limit: int, final: bool) -> int:
    while limit > 0:
        index = max(text.rfind("\n", 0, limit), text.rfind("\r", 0, limit))
        if index < 0:
            return 0
        if text[index] == "\n":
            return index + 1
        if index + 1 < len(text):  # a "\r": the next character says whether it is "\r\n"
            return index + 2 if text[index + 1] == "\n" else index + 1
        if final:
            return index + 1
        limit = index  # a "\r" at the end of what is read so far: its "\n" may be in the next block
    return 0


def read_text(path: str, encoding: str = "utf-8") -> str:
    return "".join(chunk.text for chunk in read_chunks(path, encoding))


@contextlib.contextmanager
def atomic_writer(path: str, encoding: str = "utf-8"):
    """A text stream whose content replaces ``path`` (its symlink target) only when it is complete."""
    target = os.path.realpath(path)
    existing = _existing_file(path, target)
    folder = os.path.dirname(target)
    try:
        descriptor, named = _new_file(folder)
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            _carry_over(handle.fileno(), existing, path)
            os.fsync(handle.fileno())
            if named is None:  # an O_TMPFILE file: give it a name only now that it is whole
                named = os.path.join(folder, f".pravka-{secrets.token_hex(4)}")
                _link_unnamed(handle.fileno(), named)
        os.replace(named, target)
    except OSError as error:
        _remove(named)
        raise OutputError(f"{path}: cannot write: {error.strerror}") from None
    except BaseException:
        _remove(named)
        raise


def _existing_file(path: str, target: str) -> os.stat_result | None:
    """The stat of the file to be replaced, or None for a new file; refuses what a rename would harm."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{path}: not a regular file ({_file_type(info.st_mode)}); pravka writes only regular files")
    if info.st_nlink > 1:
        raise OutputError(
            f"{path}: has {info.st_nlink} hard links; replacing it would split them (write a copy with -o instead)"
        )
    return info


def _file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "a special file"


def _new_file(folder: str) -> tuple[int, str | None]:
    """An open descriptor for the new content, and its name (None while it has none: O_TMPFILE)."""
    if hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600), None
        except OSError as error:
            if error.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise
    return tempfile.mkstemp(prefix=".pravka-", dir=folder)


def _link_unnamed(descriptor: int, name: str) -> None:
    """Give an O_TMPFILE file a name. os.link uses linkat(AT_SYMLINK_FOLLOW), which a /proc/self/fd
    path needs, only when given a directory descriptor (plain link() would fail with EXDEV)."""
    folder = os.open(os.path.dirname(name) or ".", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{descriptor}", name, src_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _carry_over(descriptor: int, existing: os.stat_result | None, path: str) -> None:
    """Mode, owner and group of the file being replaced (a new file: what open() would give)."""
    if existing is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(descriptor, 0o666 & ~umask)
        return
    mine = os.fstat(descriptor)
    if (mine.st_uid, mine.st_gid) != (existing.st_uid, existing.st_gid):
        try:
            os.fchown(descriptor, existing.st_uid, existing.st_gid)
        except PermissionError:
            raise OutputError(
                f"{path}: its owner or group (uid {existing.st_uid}, gid {existing.st_gid}) could not be kept; not rewritten"
            ) from None
    os.fchmod(descriptor, existing.st_mode & 0o7777)


def _remove(name: str | None) -> None:
    if name is not None:
        with contextlib.suppress(OSError):
            os.unlink(name)


def input_size(path: str) -> int | None:
    if path == "-":
        return None
    try:
        return os.path.getsize(path)
    except OSError:
        return None
