"""Apply fixes to text (the replacements already carry the original's letter case: ``ru.alphabet.match_case``).

Only the spans of applied findings change; everything between them is copied byte for byte.
"""

from __future__ import annotations

from .types import Finding


def apply_fixes(text: str, findings: list[Finding]) -> str:
    return apply_fixes_with_spans(text, findings)[0]


def apply_fixes_with_spans(text: str, findings: list[Finding]) -> tuple[str, list[tuple[int, int, Finding]]]:
    """The corrected text, and for each fix applied its span in the corrected text."""
    pieces = []
    applied = []
    position = length = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.fix is None or finding.start < position:
            continue
        pieces.append(text[position : finding.start])
        length += finding.start - position
        pieces.append(finding.fix)
        applied.append((length, length + len(finding.fix), finding))
        length += len(finding.fix)
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces), applied
