"""The whitespace between tokens, as the layout detectors (hyphenation, punctuation, repeat) see it.

Those detectors rewrite gaps, and one promise holds for all of them: a fix never adds or removes a
line break. ``line_breaks`` counts breaks the way ``str.splitlines`` does («\\r\\n» is one break), so the
detectors and the tests agree on what a line is.
"""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
HORIZONTAL_SPACE = re.compile(r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*")


def gap(document, left: int, right: int) -> str:
    """The text between token ``left`` and token ``right``."""
    return document.text[document.tokens[left].stop : document.tokens[right].start]


def line_breaks(text: str) -> int:
    return len(LINE_BREAK.findall(text))


def horizontal_space_end(text: str, position: int) -> int:
    """Where the run of spaces and tabs (not line breaks) starting at ``position`` ends."""
    match = HORIZONTAL_SPACE.match(text, position)  # «*»: it always matches, perhaps empty
    return match.end() if match else position
