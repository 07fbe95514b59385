"""Check only the prose of Markdown and HTML files, with offsets in the original file.

A spelling checker run on raw Markdown or HTML would "correct" code, URLs, tag names and
attributes. This module finds the prose with real parsers and checks only that.

The algorithm, in plain words:

1. **Split the file into parts.** Each part is a slice of the original file, either *prose*
   (checked, and the only thing a fix may change) or *markup* (never checked, never changed). Every
   markup part says what the checker should read in its place: nothing for ``**`` or ``<b>`` inside a
   word, a line break for ``<br>`` or a soft line break, a paragraph break between blocks, the
   decoded character for ``&amp;`` or ``\\*``, and U+FFFC (Unicode's "object replacement
   character") for an inline code span, an image or an autolink, so the sentence around it keeps
   its shape without the code itself being read.
2. **Markdown** is parsed with markdown-it-py (CommonMark plus tables and strikethrough). Block
   tokens carry ``map`` (their source lines); only ``inline`` tokens (paragraphs, headings, table
   cells) hold prose, so fenced and indented code blocks and HTML blocks are never looked at. An
   inline token's ``content`` is its raw source with the block prefixes (``> ``, list indentation)
   removed; we find each of its lines in the original line to map it back. Then we walk the inline
   children in order with a cursor through that content: a ``text`` child is matched against the
   source (stepping over backslash escapes and entity references), ``code_inline``, images,
   autolinks and inline HTML are skipped whole, and after a link's text the ``](destination
   "title")`` tail is skipped, so URLs and titles are never prose. Anything we cannot match exactly
   is left unchecked rather than guessed. A YAML front-matter block at the top is not prose.
3. **HTML** is tokenized with the standard library's ``html.parser``, because it reports the
   source position of every tag, text run and entity (selectolax and lxml build trees but keep no
   character offsets, so they cannot say where a text node sits in the file). Text outside
   ``code``/``pre``/``kbd``/``samp``/``var``/``script``/``style``/``textarea``/``template``/
   ``svg``/``math`` is prose; tags, attributes, comments and doctypes are markup; inline tags read
   as nothing, ``br`` as a line break, other elements as a paragraph break; runs of whitespace
   read as one space, as a browser renders them.
4. **Check** the text the parts spell out, all at once (so sentences that cross ``*emphasis*`` stay
   whole), and map each finding back to the original file. Findings that touch no visible prose
   character (say, about the placeholder of a code span) are dropped.
5. **Fix** applies a finding's ``fix`` only when the finding lies inside a single prose part, so
   markup is never altered; a finding that spans markup (``wo**rd**``) is reported but not fixed.
6. **Skipped spans.** Everything between the comments ``<!-- pravka: off -->`` and
   ``<!-- pravka: on -->`` (or the end of the file) is left out, in Markdown and HTML alike: its parts
   are dropped and the span reads as a paragraph break, so the sentences around it stay apart.
"""

from __future__ import annotations

import bisect
import html
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Protocol

from pravka.apply import apply_fixes
from pravka.shells.lt_format import AnnotatedDocument, annotated_document
from pravka.types import Finding

FORMATS = ("text", "markdown", "html")
OBJECT = "\ufffc"  # stands in for code spans, images and autolinks in the checked text
PARAGRAPH = "\n\n"

# HTML elements whose content is never prose, and what the whole element reads as.
_HTML_EXCLUDED = {
    "code": OBJECT,
    "kbd": OBJECT,
    "samp": OBJECT,
    "var": OBJECT,
    "tt": OBJECT,
    "pre": PARAGRAPH,
    "script": PARAGRAPH,
    "style": PARAGRAPH,
    "textarea": PARAGRAPH,
    "template": PARAGRAPH,
    "svg": OBJECT,
    "math": OBJECT,
}
# Elements that sit inside running text: their tags read as nothing.
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big cite data del dfn em font i ins label mark nobr q rp rt ruby s small "
    "span strike strong sub sup time u wbr button".split()
)
# Embedded objects inside running text: read as a placeholder.
_OBJECT_TAGS = frozenset("img input embed object iframe video audio canvas picture".split())
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP_MARKER = re.compile(r"<!--\s*pravka:\s*(off|on)\s*-->", re.IGNORECASE)


class _Checker(Protocol):
    def check(self, text: str) -> list[Finding]: ...


def format_for_path(path: str | os.PathLike[str]) -> str:
    """``markdown`` for .md/.markdown, ``html`` for .html/.htm, else ``text``."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return "markdown"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    return "text"


# ------------------------------------------------------------------------------------------ parts


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    read_as: str | None  # None: prose, checked as it stands; else markup read as this string


class _Parts:
    """Collects parts in file order; overlapping or backwards parts are refused (kept unchecked)."""

    def __init__(self) -> None:
        self.parts: list[_Part] = []
        self.position = 0

    def add(self, start: int, end: int, read_as: str | None) -> None:
        if start < self.position or end < start:
            return
        if end == start and read_as is None:
            return
        self.parts.append(_Part(start, end, read_as))
        self.position = end


def _annotate(text: str, parts: Sequence[_Part]) -> AnnotatedDocument:
    """Turn parts into LanguageTool-style annotation; whatever no part covers reads as nothing."""
    annotation: list[dict[str, str]] = []
    position = 0
    for part in parts:
        if part.start > position:
            annotation.append({"markup": text[position : part.start], "interpretAs": ""})
        if part.read_as is None:
            annotation.append({"text": text[part.start : part.end]})
        else:
            annotation.append({"markup": text[part.start : part.end], "interpretAs": part.read_as})
        position = part.end
    if position < len(text):
        annotation.append({"markup": text[position:], "interpretAs": ""})
    return annotated_document({"annotation": annotation})


def _parts(text: str, fmt: str) -> list[_Part]:
    if fmt == "text":
        return [_Part(0, len(text), None)] if text else []
    if fmt == "markdown":
        return _without_skipped_spans(text, _markdown_parts(text))
    if fmt == "html":
        return _without_skipped_spans(text, _html_parts(text))
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    """Spans from the end of each ``<!-- pravka: off -->`` to the start of the next ``on`` marker."""
    spans = []
    off_at = None
    for marker in _SKIP_MARKER.finditer(text):
        if marker.group(1).lower() == "off" and off_at is None:
            off_at = marker.end()
        elif marker.group(1).lower() == "on" and off_at is not None:
            spans.append((off_at, marker.start()))
            off_at = None
    if off_at is not None:
        spans.append((off_at, len(text)))
    return spans


def _without_skipped_spans(text: str, parts: list[_Part]) -> list[_Part]:
    skipped = _skipped_spans(text)
    if not skipped:
        return parts
    kept = [p for p in parts if not any(p.start < end and start < p.end for start, end in skipped)]
    kept += [_Part(start, end, PARAGRAPH) for start, end in skipped]
    kept.sort(key=lambda part: (part.start, part.end))
    return kept


def extract_checkable_spans(text: str, fmt: str) -> list[tuple[int, int]]:
    """Code-point ranges of ``text`` that are prose, in order, adjacent ranges merged."""
    spans: list[tuple[int, int]] = []
    for part in _parts(text, fmt):
        if part.read_as is not None or part.end == part.start:
            continue
        if spans and spans[-1][1] == part.start:
            spans[-1] = (spans[-1][0], part.end)
        else:
            spans.append((part.start, part.end))
    return spans


# --------------------------------------------------------------------------------------- checking


def _touches_prose(doc: AnnotatedDocument, starts: list[int], start: int, end: int) -> bool:
    """Whether plain range [start, end) covers a visible prose character (or, when empty, sits
    inside prose)."""
    i = max(0, bisect.bisect_right(starts, start) - 1)
    while i < len(doc.segments):
        p0, p1, _, _, is_text = doc.segments[i]
        if p0 > end or (p0 == end and end > start):
            break
        i += 1
        if not is_text:
            continue
        if start == end:
            if p0 <= start <= p1:
                return True
            continue
        lo, hi = max(p0, start), min(p1, end)
        if lo < hi and not doc.plain[lo:hi].isspace():
            return True
    return False


def check_markup(corrector: _Checker, text: str, fmt: str) -> list[Finding]:
    """Findings in the prose of ``text`` only, with offsets into ``text`` itself."""
    if fmt == "text":
        return list(corrector.check(text))
    doc = _annotate(text, _parts(text, fmt))
    starts = [segment[0] for segment in doc.segments]
    findings = [doc.to_document(f) for f in corrector.check(doc.plain) if _touches_prose(doc, starts, f.start, f.end)]
    findings.sort(key=lambda f: (f.start, f.end))
    return findings


def fixable_findings(corrector: _Checker, text: str, fmt: str) -> list[Finding]:
    """The findings in the prose of ``text`` that a fix may change: each lies wholly inside one prose
    span, so markup is never rewritten."""
    if fmt == "text":
        return list(corrector.check(text))
    spans = extract_checkable_spans(text, fmt)
    starts = [s for s, _ in spans]

    def inside_one_prose_span(finding: Finding) -> bool:
        i = bisect.bisect_right(starts, finding.start) - 1
        return i >= 0 and finding.end <= spans[i][1]

    return [f for f in check_markup(corrector, text, fmt) if inside_one_prose_span(f)]


def fix_markup(corrector: Any, text: str, fmt: str) -> str:
    """``text`` with fixes applied inside prose; every character outside prose stays as it was."""
    if fmt == "text":
        return corrector.fix(text)
    return apply_fixes(text, fixable_findings(corrector, text, fmt))


# --------------------------------------------------------------------------------------- markdown


def _split_lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line without terminator), splitting on \\r\\n, \\r and \\n like markdown-it."""
    lines: list[tuple[int, str]] = []
    start = i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            lines.append((start, text[start:i]))
            i += 2 if ch == "\r" and i + 1 < n and text[i + 1] == "\n" else 1
            start = i
        else:
            i += 1
    lines.append((start, text[start:]))
    return lines


def _front_matter_end(lines: list[tuple[int, str]]) -> int:
    """Number of leading lines that form a YAML front-matter block (0 if none)."""
    if not lines or lines[0][1].rstrip() != "---":
        return 0
    for k in range(1, len(lines)):
        if lines[k][1].rstrip() in ("---", "..."):
            return k + 1
    return 0


class _InlineSource:
    """Maps positions in an inline token's ``content`` to offsets in the original file."""

    def __init__(
        self,
        content: str,
        first_line: int,
        last_line: int,
        lines: list[tuple[int, str]],
        used: dict[int, int],
        in_table: bool,
    ) -> None:
        self.content = content
        self.line_starts: list[int] = []  # content offset where each content line starts
        self.doc_starts: list[int] = []  # file offset of that content line
        self.valid = True
        pos = 0
        for k, piece in enumerate(content.split("\n")):
            number = first_line + k
            if number >= last_line or number >= len(lines):
                self.valid = False
                return
            line_start, line = lines[number]
            column = self._locate(line, piece, used.get(number, 0), in_table)
            if column < 0:
                self.valid = False
                return
            used[number] = column + len(piece)
            self.line_starts.append(pos)
            self.doc_starts.append(line_start + column)
            pos += len(piece) + 1

    @staticmethod
    def _locate(line: str, piece: str, not_before: int, in_table: bool) -> int:
        # Paragraph and heading lines are a suffix of the source line (block prefixes such as "> "
        # or list indentation come first); table cells are found left to right.
        trimmed_line, trimmed_piece = line.rstrip(), piece.rstrip()
        if not in_table and trimmed_piece and trimmed_line.endswith(trimmed_piece):
            column = len(trimmed_line) - len(trimmed_piece)
            if column >= not_before:
                return column
        return line.find(piece, not_before) if piece else not_before

    def to_file(self, pos: int) -> int:
        k = bisect.bisect_right(self.line_starts, pos) - 1
        return self.doc_starts[k] + (pos - self.line_starts[k])


def _backtick_run(s: str, run: str, start: int) -> int:
    """Index of the next run of backticks exactly as long as ``run`` at or after ``start``."""
    i = s.find(run, start)
    while i != -1:
        j = i
        while j < len(s) and s[j] == "`":
            j += 1
        if j - i == len(run):  # runs are scanned whole from `start`, never entered midway
            return i
        i = s.find(run, j)
    return -1


def _closing_bracket(s: str, open_index: int) -> int:
    """Index of the ``]`` matching the ``[`` at ``open_index`` (backslash escapes respected)."""
    depth = 0
    i = open_index
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _skip_spaces(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\n":
        i += 1
    return i


def _link_tail_end(s: str, i: int) -> int:
    """Given ``i`` just after a link text's ``]``, the index after its ``(dest "title")``,
    ``[label]`` or nothing (shortcut reference), following CommonMark's link syntax."""
    if i < len(s) and s[i] == "[":
        close = s.find("]", i + 1)
        return close + 1 if close != -1 else i
    if i >= len(s) or s[i] != "(":
        return i
    j = _skip_spaces(s, i + 1)
    if j < len(s) and s[j] == "<":  # <destination with spaces>
        close = s.find(">", j + 1)
        if close == -1:
            return -1
        j = close + 1
    else:  # bare destination: no spaces, parentheses balanced
        depth = 0
        while j < len(s) and not s[j].isspace():
            ch = s[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            j += 1
    j = _skip_spaces(s, j)
    if j < len(s) and s[j] in "\"'(":
        closer = ")" if s[j] == "(" else s[j]
        j += 1
        while j < len(s) and s[j] != closer:
            j += 2 if s[j] == "\\" else 1
        j = _skip_spaces(s, j + 1)
    if j < len(s) and s[j] == ")":
        return j + 1
    return -1


def _tag_reading(raw_tag: str) -> str:
    """What an HTML tag inside Markdown reads as: nothing, a line break or a paragraph break."""
    name = raw_tag.lstrip("<").lstrip("/").split(None, 1)[0] if raw_tag.strip("<>/ ") else ""
    name = "".join(ch for ch in name if ch.isalnum()).lower()
    if name == "br":
        return "\n"
    if name in _OBJECT_TAGS:
        return OBJECT
    if name in _INLINE_TAGS or not name:
        return ""
    return PARAGRAPH


_DELIMITER_TOKENS = frozenset("em_open em_close strong_open strong_close s_open s_close".split())


class _InlineWalker:
    """Walks one inline token's children over its content, collecting parts in content offsets."""

    def __init__(self, content: str) -> None:
        self.s = content
        self.cursor = 0
        self.parts: list[tuple[int, int, str | None]] = []

    def _add(self, start: int, end: int, read_as: str | None) -> None:
        if end > start or read_as:
            self.parts.append((start, end, read_as))

    def walk(self, children: Sequence[Any]) -> None:
        i = 0
        while i < len(children):
            tok = children[i]
            kind = tok.type
            ok = True
            if kind == "text":
                ok = self._text(tok.content)
            elif kind in ("softbreak", "hardbreak"):
                ok = self._break()
            elif kind == "code_inline":
                ok = self._code(tok.markup or "`")
            elif kind == "html_inline":
                ok = self._verbatim(tok.content, _tag_reading(tok.content))
            elif kind == "image":
                ok = self._image()
            elif kind == "link_open" and tok.markup in ("autolink", "linkify"):
                ok = self._autolink(tok.markup == "linkify", children, i)
                while i < len(children) and children[i].type != "link_close":
                    i += 1
            elif kind == "link_open":
                ok = self._skip_to_after("[")
            elif kind == "link_close":
                ok = self._link_tail()
            elif kind in _DELIMITER_TOKENS and tok.markup and self.s.startswith(tok.markup, self.cursor):
                # Step over an emphasis or strikethrough delimiter, so that a literal "*" or "~"
                # in the next text is not matched against it. It reads as nothing.
                self.cursor += len(tok.markup)
            if not ok:
                return  # cannot follow the source any further: leave the rest unchecked
            i += 1

    def _skip_to_after(self, marker: str) -> bool:
        at = self.s.find(marker, self.cursor)
        if at == -1:
            return False
        self.cursor = at + len(marker)
        return True

    def _break(self) -> bool:
        newline = self.s.find("\n", self.cursor)
        if newline == -1:
            return False
        self._add(self.cursor, newline + 1, "\n")
        self.cursor = newline + 1
        return True

    def _code(self, run: str) -> bool:
        opening = _backtick_run(self.s, run, self.cursor)
        closing = _backtick_run(self.s, run, opening + len(run)) if opening != -1 else -1
        if closing == -1:
            return False
        self._add(opening, closing + len(run), OBJECT)
        self.cursor = closing + len(run)
        return True

    def _verbatim(self, raw: str, read_as: str) -> bool:
        at = self.s.find(raw, self.cursor)
        if at == -1:
            return False
        self._add(at, at + len(raw), read_as)
        self.cursor = at + len(raw)
        return True

    def _image(self) -> bool:
        at = self.s.find("![", self.cursor)
        close = _closing_bracket(self.s, at + 1) if at != -1 else -1
        end = _link_tail_end(self.s, close + 1) if close != -1 else -1
        if end == -1:
            return False
        self._add(at, end, OBJECT)
        self.cursor = end
        return True

    def _autolink(self, bare: bool, children: Sequence[Any], i: int) -> bool:
        if bare:  # a linkified bare URL: its text child is the URL as written
            url = children[i + 1].content if i + 1 < len(children) else ""
            return bool(url) and self._verbatim(url, OBJECT)
        at = self.s.find("<", self.cursor)
        close = self.s.find(">", at + 1) if at != -1 else -1
        if close == -1:
            return False
        self._add(at, close + 1, OBJECT)
        self.cursor = close + 1
        return True

    def _link_tail(self) -> bool:
        close = self.s.find("]", self.cursor)
        end = _link_tail_end(self.s, close + 1) if close != -1 else -1
        if end == -1:
            return False
        self.cursor = end
        return True

    def _text(self, text: str) -> bool:
        if not text:
            return True
        s = self.s
        at = s.find(text, self.cursor)
        # Fast path: the text is in the source as is, after nothing but spaces and delimiters,
        # and holds no "&" or "\\" (which may belong to an entity or an escape in the source).
        if (
            at != -1
            and all(ch.isspace() or ch in "*_~" for ch in s[self.cursor : at])
            and "&" not in text
            and "\\" not in text
        ):
            self._add(at, at + len(text), None)
            self.cursor = at + len(text)
            return True
        # Slow path: step over backslash escapes and entity references, which the parser has
        # already decoded in `text`.
        i, j = self.cursor, 0
        while i < len(s) and not s[i].isalnum() and not self._starts(s, i, text[0]):
            i += 1
        run_start = None
        while j < len(text) and i < len(s):
            if s[i] == "\\" and i + 1 < len(s) and s[i + 1] == text[j] and _is_ascii_punct(s[i + 1]):
                # A backslash escape: the backslash reads as nothing, the escaped character is
                # prose taken literally (so "\\&amp;" is "&amp;", not "&").
                if run_start is not None:
                    self._add(run_start, i, None)
                self._add(i, i + 1, "")
                run_start = i + 1
                i += 2
                j += 1
                continue
            decoded, width = self._entity_at(s, i, text, j)
            if width:
                if run_start is not None:
                    self._add(run_start, i, None)
                    run_start = None
                self._add(i, i + width, decoded)
                i += width
                j += len(decoded)
                continue
            if s[i] != text[j]:
                break
            if run_start is None:
                run_start = i
            i += 1
            j += 1
        if run_start is not None:
            self._add(run_start, i, None)
        self.cursor = i
        return j == len(text)

    @staticmethod
    def _entity_at(s: str, i: int, text: str, j: int) -> tuple[str, int]:
        """(decoded text, source width) if an entity reference at ``s[i]`` spells ``text[j:]``."""
        if s[i] == "&":
            semicolon = s.find(";", i + 1, i + 40)
            if semicolon != -1:
                raw = s[i : semicolon + 1]
                decoded = html.unescape(raw)
                if decoded != raw and text.startswith(decoded, j):
                    return decoded, len(raw)
        return "", 0

    @staticmethod
    def _starts(s: str, i: int, first: str) -> bool:
        return s[i] == first or s[i] in "\\&"


def _is_ascii_punct(ch: str) -> bool:
    return ch.isascii() and not ch.isalnum() and not ch.isspace() and ch.isprintable()


def _markdown_parts(text: str) -> list[_Part]:
    try:
        from markdown_it import MarkdownIt
    except ImportError as error:
        raise ImportError("checking Markdown needs markdown-it-py: pip install 'pravka[markup]'") from error

    lines = _split_lines(text)
    skip = _front_matter_end(lines)
    source = text
    if skip:
        # Blank the front matter for the parser but keep its lines, so line numbers still match.
        end = lines[skip][0] if skip < len(lines) else len(text)
        source = "".join("\n" if ch in "\r\n" else " " for ch in text[:end]) + text[end:]
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    used: dict[int, int] = {}
    parts = _Parts()
    previous = ""
    for token in parser.parse(source):
        container, previous = previous, token.type
        if token.type != "inline" or not token.map or not token.content or token.children is None:
            continue
        in_table = container in ("th_open", "td_open")
        origin = _InlineSource(token.content, token.map[0], token.map[1], lines, used, in_table)
        if not origin.valid:
            continue  # cannot place this block exactly: leave it unchecked
        walker = _InlineWalker(token.content)
        walker.walk(token.children)
        block_start = origin.to_file(0)
        if parts.parts:
            # Separate blocks so sentences of different paragraphs never run together.
            parts.add(parts.position, block_start, PARAGRAPH)
        for start, end, read_as in walker.parts:
            parts.add(origin.to_file(start), origin.to_file(end), read_as)
    return parts.parts


# ------------------------------------------------------------------------------------------- html


class _HtmlScanner(HTMLParser):
    """Turns the tokenizer's events, each with its source position, into parts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)  # keep entities as events so offsets stay exact
        self.text = text
        self.parts = _Parts()
        self.excluded: list[str] = []  # open elements whose content is not prose
        self._line_starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":  # html.parser counts lines by \n only
                self._line_starts.append(i + 1)

    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _tag(self, tag: str, closing_self: bool) -> None:
        raw = self.get_starttag_text() or ""
        start = self._here()
        if self.excluded:
            read_as = ""
        elif tag in _HTML_EXCLUDED:
            read_as = _HTML_EXCLUDED[tag]
        elif tag == "br":
            read_as = "\n"
        elif tag in _OBJECT_TAGS:
            read_as = OBJECT
        elif tag in _INLINE_TAGS:
            read_as = ""
        else:
            read_as = PARAGRAPH
        self.parts.add(start, start + len(raw), read_as)
        if tag in _HTML_EXCLUDED and not closing_self and tag not in _VOID_TAGS:
            self.excluded.append(tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, closing_self=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, closing_self=True)

    def handle_endtag(self, tag: str) -> None:
        start = self._here()
        close = self.text.find(">", start)
        end = close + 1 if close != -1 else len(self.text)
        if tag in self.excluded:
            while self.excluded and self.excluded.pop() != tag:
                pass
            read_as = ""
        elif self.excluded or tag in _INLINE_TAGS or tag in _OBJECT_TAGS:
            read_as = ""
        else:
            read_as = PARAGRAPH
        self.parts.add(start, end, read_as)

    def handle_data(self, data: str) -> None:
        start = self._here()
        if self.excluded:
            return  # code, scripts, styles: left out, read as nothing
        # Whitespace runs with a newline, tab or several spaces render as one space.
        i = 0
        while i < len(data):
            j = i
            while j < len(data) and data[j].isspace():
                j += 1
            if j > i:
                run = data[i:j]
                if run == " ":
                    self.parts.add(start + i, start + j, None)
                else:
                    self.parts.add(start + i, start + j, " ")
                i = j
                continue
            while j < len(data) and not data[j].isspace():
                j += 1
            self.parts.add(start + i, start + j, None)
            i = j

    def _reference(self, raw_without_end: str) -> None:
        start = self._here()
        end = start + len(raw_without_end)
        if end < len(self.text) and self.text[end] == ";":
            end += 1
        raw = self.text[start:end]
        decoded = html.unescape(raw)
        self.parts.add(start, end, "" if self.excluded else decoded)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)


def _html_parts(text: str) -> list[_Part]:
    scanner = _HtmlScanner(text)
    scanner.feed(text)
    scanner.close()
    return scanner.parts.parts
