"""Apply fixes to text (the replacements already carry the original's letter case: ``ru.alphabet.match_case``).

Only the spans of applied findings change; everything between them is copied byte for byte.
"""

from __future__ import annotations

from .types import Finding


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
