"""Apply fixes to text and carry the original's letter case over to the replacement.

Only the spans of applied findings change; everything between them is copied byte for byte.
"""

from __future__ import annotations

from .types import Finding


def match_case(original: str, replacement: str) -> str:
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return replacement.upper()
    if letters and original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def apply_fixes(text: str, findings: list[Finding]) -> str:
    pieces = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.fix is None or finding.start < position:
            continue
        pieces.append(text[position : finding.start])
        pieces.append(finding.fix)
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)
