"""Render pravka findings as a LanguageTool ``/v2/check`` JSON response.

LanguageTool clients (editor plugins, ``language-tool-python``, browser add-ons) all speak one JSON
shape, so answering in that shape lets them use pravka unchanged. This module is a pure function of
``(text, findings)``; it knows nothing about HTTP.

How it works, in plain words:

1. **Offsets.** pravka counts offsets in Python code points. LanguageTool is written in Java, whose
   strings are sequences of UTF-16 code units, and it reports ``offset``/``length`` as Java string
   indices: a character outside the Basic Multilingual Plane (an emoji, 𝒞, rare CJK) counts as two.
   Clients rely on that (``language-tool-python`` subtracts one per astral character before the
   offset to get back to Python indices). So we record the code-point positions of astral characters
   once, and convert an index ``i`` to ``i + (number of astral characters before i)`` with a binary
   search. Text without astral characters (the usual case) converts for free.
2. **Context.** Like LanguageTool's ``ContextTools``: up to 40 characters either side of the error,
   ``...`` where the window was cut, newlines shown as spaces; ``context.offset`` is the error's
   position inside that snippet, again in UTF-16 units. We cut the window on code points, never
   inside a surrogate pair, so the JSON never carries a lone surrogate.
3. **Sentence.** The sentence holding the error, found with razdel's sentence splitter (already a
   core dependency), trimmed as LanguageTool does. Like LanguageTool's sentence splitter, a line
   break ends it; and like the context, it is a bounded window: at most ``SENTENCE_SIZE`` characters
   either side of the error, cut at a space. A text without full stops would otherwise copy itself
   into every match (a 175 KB text gave a 1.9 GB answer); now an answer is linear in the text. The
   sentence stays a substring of the text, so clients that search for it still find it. For an
   annotated document (below) it is cut from the checked plain text, as LanguageTool's analysed
   sentence is: what the markup was read as, never the markup itself.
4. **Rules.** Every finding kind maps to one stable rule id (``PRAVKA_<KIND>``) with an issue type
   and a category, so clients can filter with ``disabledRules`` / ``enabledRules`` and colour
   spelling differently from punctuation. The ids of the misspelling kinds end in ``_SPELLER_RULE``
   (``PRAVKA_NONWORD_SPELLER_RULE``), as LanguageTool's spellers' do: LTeX and LTeX+ offer "Add to
   dictionary" and apply their dictionary only to matches whose rule id looks like a speller's.
5. **Replacements.** The suggestions in pravka's order; the automatic ``fix`` goes first when it is
   not already the top suggestion, because clients apply the first replacement on "accept".

It also holds :func:`annotated_document`, which turns LanguageTool's ``data`` parameter (an annotated
document of text and markup parts) into the plain text to check plus a map back to the full document.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pravka.types import Finding

CONTEXT_SIZE = 40  # LanguageTool's default context window, in characters either side
SENTENCE_SIZE = 300  # the most of a sentence sent either side of the error, in characters
API_VERSION = 1


@dataclass(frozen=True)
class RuleInfo:
    """How one finding kind is presented to LanguageTool clients."""

    rule_id: str
    description: str
    issue_type: str
    category_id: str
    category_name: str
    message: str
    short_message: str
    type_name: str = "Other"


_TYPOS = ("TYPOS", "Возможные опечатки")

RULES: dict[str, RuleInfo] = {
    "nonword": RuleInfo(
        "PRAVKA_NONWORD_SPELLER_RULE",
        "Слово не найдено в словаре",
        "misspelling",
        *_TYPOS,
        "Похоже на опечатку.",
        "Опечатка",
        "UnknownWord",
    ),
    "variant": RuleInfo(
        "PRAVKA_VARIANT_SPELLER_RULE",
        "Искажённое написание слова",
        "misspelling",
        *_TYPOS,
        "Словарь знает это написание только как ошибку или искажение.",
        "Искажение",
    ),
    "colloquial": RuleInfo(
        "PRAVKA_COLLOQUIAL_SPELLER_RULE",
        "Слово написано так, как произносится",
        "misspelling",
        *_TYPOS,
        "Похоже на разговорное написание слова.",
        "Разговорное написание",
    ),
    "blend": RuleInfo(
        "PRAVKA_BLEND_SPELLER_RULE",
        "Слово склеено из частей разных слов",
        "misspelling",
        *_TYPOS,
        "Слово выглядит как смесь двух слов.",
        "Смесь слов",
        "UnknownWord",
    ),
    "glued": RuleInfo(
        "PRAVKA_GLUED_SPELLER_RULE",
        "Слова написаны слитно",
        "misspelling",
        *_TYPOS,
        "Похоже, здесь пропущен пробел между словами.",
        "Пропущен пробел",
    ),
    "hyphenated": RuleInfo(
        "PRAVKA_HYPHENATED_SPELLER_RULE",
        "Лишний дефис",
        "misspelling",
        *_TYPOS,
        "Это сочетание пишут без дефиса: раздельно или слитно.",
        "Лишний дефис",
    ),
    "split": RuleInfo(
        "PRAVKA_SPLIT_SPELLER_RULE",
        "Слово разорвано пробелом",
        "misspelling",
        *_TYPOS,
        "Похоже, слово разорвано лишним пробелом.",
        "Лишний пробел",
    ),
    "homoglyph": RuleInfo(
        "PRAVKA_HOMOGLYPH_SPELLER_RULE",
        "Латинская буква в русском слове",
        "misspelling",
        *_TYPOS,
        "В слове есть похожая латинская буква вместо русской.",
        "Латиница в слове",
    ),
    "ocr": RuleInfo(
        "PRAVKA_OCR_SPELLER_RULE",
        "Ошибка распознавания текста",
        "misspelling",
        *_TYPOS,
        "Похоже на ошибку распознавания (OCR).",
        "Ошибка OCR",
        "UnknownWord",
    ),
    "punctuation": RuleInfo(
        "PRAVKA_PUNCTUATION",
        "Лишняя или неверная пунктуация",
        "typographical",
        "PUNCTUATION",
        "Пунктуация",
        "Проверьте знаки препинания.",
        "Пунктуация",
    ),
    "hyphenation": RuleInfo(
        "PRAVKA_HYPHENATION",
        "Перенос или дефис внутри слова",
        "typographical",
        "TYPOGRAPHY",
        "Типографика",
        "Слово разорвано переносом или дефисом.",
        "Перенос",
    ),
    "repeat": RuleInfo(
        "PRAVKA_REPEAT",
        "Повтор слова",
        "typographical",
        "TYPOGRAPHY",
        "Типографика",
        "Слово повторяется.",
        "Повтор",
    ),
    "preposition": RuleInfo(
        "PRAVKA_PREPOSITION",
        "Неверный предлог",
        "grammar",
        "GRAMMAR",
        "Грамматика",
        "Похоже, здесь нужен другой предлог.",
        "Предлог",
    ),
    "context": RuleInfo(
        "PRAVKA_CONTEXT",
        "Слово не подходит по контексту",
        "grammar",
        "GRAMMAR",
        "Грамматика",
        "Слово существует, но по контексту, вероятно, имелось в виду другое.",
        "Контекст",
    ),
    "swap": RuleInfo(
        "PRAVKA_SYNONYM_SWAP",
        "Слово, похоже, подменено синонимом",
        "style",
        "STYLE",
        "Стиль",
        "Похоже, генератор текста подменил слово неподходящим синонимом.",
        "Подмена синонимом",
    ),
}


def rule_for(kind: str) -> RuleInfo:
    """The rule a finding kind is reported under; kinds added later still get a stable id."""
    known = RULES.get(kind)
    if known is not None:
        return known
    return RuleInfo(
        f"PRAVKA_{kind.upper()}",
        f"pravka: {kind}",
        "uncategorized",
        "MISC",
        "Прочее",
        "Возможная ошибка.",
        "Ошибка",
    )


# ----------------------------------------------------------------------------------------- offsets


class Utf16Offsets:
    """Convert code-point indices of one text into UTF-16 code-unit indices (Java string indices)."""

    def __init__(self, text: str) -> None:
        # Fast path: a pure-BMP string needs no table at all (max() over a str compares code points).
        if not text or max(text) <= "\uffff":
            self._astral: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, index: int) -> int:
        if not self._astral:
            return index
        # Each astral character strictly before `index` adds one extra code unit.
        return index + bisect.bisect_left(self._astral, index)


def utf16_len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units, as Java's ``String.length()`` would report it."""
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


# ----------------------------------------------------------------------------------------- context


def _context(text: str, start: int, end: int, size: int) -> tuple[str, int]:
    """LanguageTool-style context snippet and the error's offset inside it (UTF-16 units)."""
    left = start - size
    prefix = "..."
    if left <= 0:
        left, prefix = 0, ""
    right = end + size
    suffix = "..."
    if right >= len(text):
        right, suffix = len(text), ""
    snippet = prefix + text[left:right].replace("\n", " ") + suffix
    return snippet, utf16_len(prefix + text[left:start])


class _Sentences:
    """Sentence spans of a text, computed once and looked up by offset."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def _split(self) -> None:
        try:
            from razdel import sentenize

            spans = [(s.start, s.stop) for s in sentenize(self._text)]
        except Exception:  # the sentence is a courtesy field; never fail a response over it
            spans = [(0, len(self._text))]
        self._spans = spans or [(0, len(self._text))]
        self._starts = [s for s, _ in self._spans]

    def around(self, start: int, end: int) -> str:
        if self._spans is None:
            self._split()
        assert self._spans is not None
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        last = max(first, bisect.bisect_right(self._starts, max(start, end - 1)) - 1)
        text = self._text
        sentence_start = min(self._spans[first][0], start)
        sentence_end = max(self._spans[last][1], end)
        lo, hi = max(sentence_start, start - SENTENCE_SIZE), min(sentence_end, end + SENTENCE_SIZE)
        # A line break ends the sentence. The searches stay inside the window, so each match costs
        # O(SENTENCE_SIZE), never O(text).
        lo = max(lo, text.rfind("\n", lo, start) + 1, text.rfind("\r", lo, start) + 1)
        hi = min([b for b in (text.find("\n", end, hi), text.find("\r", end, hi)) if b >= 0], default=hi)
        if lo == start - SENTENCE_SIZE > sentence_start:  # the window cut the sentence: cut at a space
            space = text.find(" ", lo, start)
            lo = space + 1 if space >= 0 else lo
        if hi == end + SENTENCE_SIZE < sentence_end:
            space = text.rfind(" ", end, hi)
            hi = space if space >= 0 else hi
        return text[lo:hi].strip()


# ----------------------------------------------------------------------------------------- matches


def _replacements(finding: Finding) -> list[dict[str, str]]:
    values: list[str] = []
    if finding.fix is not None:
        values.append(finding.fix)
    for suggestion in finding.suggestions:
        if suggestion.text not in values:
            values.append(suggestion.text)
    return [{"value": v} for v in values]


def _match(finding: Finding, text: str, to16: Utf16Offsets, sentence: str, context_size: int) -> dict[str, Any]:
    rule = rule_for(finding.kind)
    start, end = finding.start, finding.end
    offset = to16(start)
    length = to16(end) - offset
    snippet, snippet_offset = _context(text, start, end, context_size)
    message = rule.message
    if finding.fix is not None or finding.suggestions:
        best = finding.fix if finding.fix is not None else finding.suggestions[0].text
        if best.strip():
            message = f"{rule.message} Возможно, имелось в виду: «{best.strip()}»."
        elif not best:  # the suggestion is to delete the span (a repeated word, a stray space)
            message = f"{rule.message} Лишнее можно удалить."
    return {
        "message": message,
        "shortMessage": rule.short_message,
        "replacements": _replacements(finding),
        "offset": offset,
        "length": length,
        "context": {"text": snippet, "offset": snippet_offset, "length": length},
        "sentence": sentence,
        "type": {"typeName": rule.type_name},
        "rule": {
            "id": rule.rule_id,
            "description": rule.description,
            "issueType": rule.issue_type,
            "category": {"id": rule.category_id, "name": rule.category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _software() -> dict[str, Any]:
    try:
        from importlib.metadata import version

        pravka_version = version("pravka")
    except Exception:
        pravka_version = "0"
    return {
        "name": "pravka",
        "version": pravka_version,
        "buildDate": "",
        "apiVersion": API_VERSION,
        "premium": False,
        "status": "",
    }


def lt_response(
    text: str,
    findings: Iterable[Finding],
    language: str = "ru-RU",
    *,
    context_size: int = CONTEXT_SIZE,
    annotated: AnnotatedDocument | None = None,
) -> dict[str, Any]:
    """LanguageTool ``/v2/check`` response for ``findings`` (code-point offsets into ``text``).

    ``annotated`` is given when ``text`` is the document of a ``data`` request: the sentences then
    come from its plain text. Findings that do not fit inside ``text`` are dropped rather than
    reported at a wrong place.
    """
    to16 = Utf16Offsets(text)
    if annotated is None:
        sentences = _Sentences(text)

        def sentence(finding: Finding) -> str:
            return sentences.around(finding.start, finding.end)
    else:
        plain_sentences = _Sentences(annotated.plain)

        def sentence(finding: Finding) -> str:
            return plain_sentences.around(*annotated.plain_span(finding.start, finding.end))

    valid = [f for f in findings if 0 <= f.start <= f.end <= len(text)]
    valid.sort(key=lambda f: (f.start, f.end))
    warnings: dict[str, Any] = {"incompleteResults": False}
    return {
        "software": _software(),
        "warnings": warnings,
        "language": {
            "name": "Russian",
            "code": language,
            "detectedLanguage": {"name": "Russian", "code": "ru-RU", "confidence": 1.0},
        },
        "matches": [_match(f, text, to16, sentence(f), context_size) for f in valid],
    }


def filter_matches(
    findings: Iterable[Finding],
    *,
    disabled_rules: Iterable[str] = (),
    enabled_rules: Iterable[str] = (),
    enabled_only: bool = False,
    disabled_categories: Iterable[str] = (),
    enabled_categories: Iterable[str] = (),
) -> list[Finding]:
    """Apply LanguageTool's rule/category selection parameters to pravka findings.

    Every pravka rule is on by default, so ``enabledRules`` / ``enabledCategories`` only narrow the
    result when ``enabledOnly`` is set, exactly as in LanguageTool.
    """
    off_rules = {r.strip() for r in disabled_rules if r.strip()}
    off_cats = {c.strip() for c in disabled_categories if c.strip()}
    on_rules = {r.strip() for r in enabled_rules if r.strip()}
    on_cats = {c.strip() for c in enabled_categories if c.strip()}
    kept = []
    for f in findings:
        rule = rule_for(f.kind)
        if rule.rule_id in off_rules or rule.category_id in off_cats:
            continue
        if enabled_only and rule.rule_id not in on_rules and rule.category_id not in on_cats:
            continue
        kept.append(f)
    return kept


# ------------------------------------------------------------------------------ annotated documents


class AnnotationError(ValueError):
    """The ``data`` parameter is not a valid LanguageTool annotated document."""


class AnnotatedDocument:
    """LanguageTool's ``data`` parameter, flattened.

    ``document`` is every part's characters in order (text and markup): what the client's offsets
    point into. ``plain`` is what gets checked: text parts as they are, markup replaced by its
    ``interpretAs`` (or by nothing). To map a plain offset back we keep, for every part that put at
    least one character into ``plain``, ``(plain_start, plain_end, doc_start, doc_end, is_text)``.
    """

    def __init__(self, document: str, plain: str, segments: Sequence[tuple[int, int, int, int, bool]]) -> None:
        self.document = document
        self.plain = plain
        self.segments = [s for s in segments if s[1] > s[0]]
        self._starts = [s[0] for s in self.segments]
        self._doc_starts = [s[2] for s in self.segments]

    def _segment_of(self, plain_index: int) -> tuple[int, int, int, int, bool]:
        return self.segments[bisect.bisect_right(self._starts, plain_index) - 1]

    def start_in_document(self, pos: int) -> int:
        if pos >= len(self.plain):
            return self.segments[-1][3] if self.segments else 0
        p0, _, d0, _, is_text = self._segment_of(pos)
        # A character that came from an interpretAs stands for the whole markup part.
        return d0 + (pos - p0) if is_text else d0

    def end_in_document(self, pos: int) -> int:
        if pos <= 0:
            return self.segments[0][2] if self.segments else 0
        p0, _, d0, d1, is_text = self._segment_of(pos - 1)  # the part holding the last character
        return d0 + (pos - p0) if is_text else d1

    def plain_span(self, start: int, end: int) -> tuple[int, int]:
        """The plain-text span of the document span ``[start, end)``: the inverse of the two maps
        above, a markup part standing for the whole of what it was read as."""
        if not self.segments:
            return 0, 0
        plain_start = self._in_plain(start, at_end=False)
        return plain_start, max(plain_start, self._in_plain(end, at_end=True))

    def _in_plain(self, pos: int, at_end: bool) -> int:
        index = max(0, bisect.bisect_right(self._doc_starts, pos) - 1)
        p0, p1, d0, d1, is_text = self.segments[index]
        if pos >= d1:  # past this part (in markup read as nothing, or beyond the end)
            return p1
        if is_text:
            return p0 + max(0, pos - d0)
        return p1 if at_end and pos > d0 else p0

    def to_document(self, finding: Finding) -> Finding:
        """The same finding with offsets (and text) in the full document."""
        start = self.start_in_document(finding.start)
        end = self.end_in_document(finding.end) if finding.end > finding.start else start
        end = max(start, end)
        return dataclasses.replace(finding, start=start, end=end, text=self.document[start:end])


def annotated_document(data: Any) -> AnnotatedDocument:
    """Validate and flatten a parsed ``data`` value ``{"annotation": [{"text": ..} | {"markup": ..,
    "interpretAs": ..}]}``. Raises :class:`AnnotationError` with a readable message."""
    if not isinstance(data, dict) or not isinstance(data.get("annotation"), list):
        raise AnnotationError("'data' must be a JSON object with an 'annotation' list")
    doc_parts: list[str] = []
    plain_parts: list[str] = []
    segments: list[tuple[int, int, int, int, bool]] = []
    doc_len = plain_len = 0
    for n, part in enumerate(data["annotation"]):
        if not isinstance(part, dict):
            raise AnnotationError(f"annotation item {n} must be an object")
        has_text, has_markup = "text" in part, "markup" in part
        if has_text == has_markup:
            raise AnnotationError(f"annotation item {n} needs exactly one of 'text' or 'markup'")
        if has_text:
            chunk = part["text"]
            if not isinstance(chunk, str):
                raise AnnotationError(f"annotation item {n}: 'text' must be a string")
            checked = chunk
        else:
            chunk = part["markup"]
            checked = part.get("interpretAs", "")
            if not isinstance(chunk, str) or not isinstance(checked, str):
                raise AnnotationError(f"annotation item {n}: 'markup' and 'interpretAs' must be strings")
        segments.append((plain_len, plain_len + len(checked), doc_len, doc_len + len(chunk), has_text))
        doc_parts.append(chunk)
        plain_parts.append(checked)
        doc_len += len(chunk)
        plain_len += len(checked)
    return AnnotatedDocument("".join(doc_parts), "".join(plain_parts), segments)
