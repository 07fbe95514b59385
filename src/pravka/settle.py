"""Settling: the findings a fix would expose, folded in so that one ``fix`` is final.

A fix that changes words can expose damage the first check could not see: a glued word split
(«беседыросийской» → «беседы росийской»: only now is «росийской» a word of its own), or two fixed
words that now repeat («сщ сщ» → «с с»). ``Corrector.check`` therefore applies its fixes, checks
again the few words around each fix that changed words (``windows``: up to the line before and
after, at most ``SETTLE_WINDOW`` characters either side, cut at a space), and folds what would be fixed
there into its findings (``folded``): a later finding outside every applied fix keeps its own span,
moved back to the original text's offsets; one that overlaps applied fixes is merged with them into
one finding whose fix does both. Fixes of marks and spaces alone (``changes_words`` is false) need no
second look: in pre-tokenized text they are most fixes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from .apply import apply_fixes
from .types import Finding

SETTLE_WINDOW = 120  # characters either side of such a fix that are checked again, at most (a few words)


def changes_words(finding: Finding) -> bool:
    """Whether a fix changes words: their letters, or where they start and end. Either can expose more
    damage around it: a glued word split («беседыросийской»), or two fixed words that now repeat
    («сщ сщ» → «с с»). A fix of marks and spaces alone («слово ,» → «слово,») touches no word: the
    detectors that join words include them in their findings."""
    return any(ch.isalnum() for ch in finding.text + (finding.fix or ""))


def windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """From the line before to the line after each span (at most ``SETTLE_WINDOW`` characters either
    side, then cut at a space), overlapping windows merged."""
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        low = edge_before(text, max(0, start - SETTLE_WINDOW), start)
        high = edge_after(text, end, min(len(text), end + SETTLE_WINDOW))
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def edge_before(text: str, floor: int, start: int) -> int:
    line = text.rfind("\n", floor, start)
    previous = text.rfind("\n", floor, line) if line > floor else -1
    if previous >= 0 or floor == 0:
        return previous + 1
    space = text.find(" ", floor, start)
    return space + 1 if space >= 0 else floor


def edge_after(text: str, end: int, ceiling: int) -> int:
    line = text.find("\n", end, ceiling)
    following = text.find("\n", line + 1, ceiling) if line >= 0 else -1
    if following >= 0 or ceiling == len(text):
        return following if following >= 0 else ceiling
    space = text.rfind(" ", end, ceiling)
    return space if space >= 0 else ceiling


def folded(
    text: str, fixed: str, findings: list[Finding], applied: list[tuple[int, int, Finding]], later: list[Finding]
) -> list[Finding]:
    """``findings`` (offsets into ``text``) with the ``later`` ones (offsets into ``fixed``, the text
    with ``applied`` fixes) folded in: a later finding outside every applied fix is moved to ``text``'s
    offsets; one that overlaps applied fixes is merged with them into one finding whose fix is both."""
    ends = [end for _, end, _ in applied]

    def in_text(position: int) -> int:  # a position of ``fixed`` that is not inside an applied fix
        before = bisect_right(ends, position) - 1
        if before < 0:
            return position
        _, end, finding = applied[before]
        return finding.end + position - end

    groups: list[list] = []  # [start, end, applied findings, later findings], offsets into ``fixed``
    spans = sorted(
        [(start, end, finding, False) for start, end, finding in applied]
        + [(finding.start, finding.end, finding, True) for finding in later],
        key=lambda item: (item[0], item[1]),
    )
    for start, end, finding, is_later in spans:
        if groups and start < groups[-1][1]:
            group = groups[-1]
            group[1] = max(group[1], end)
        else:
            group = [start, end, [], []]
            groups.append(group)
        group[3 if is_later else 2].append(finding)
    merged_away: set[int] = set()
    added = []
    for start, end, earlier, new in groups:
        if not new:
            continue
        low, high = in_text(start), in_text(end)
        combined = apply_fixes(fixed[start:end], [shifted(finding, -start) for finding in new])
        base = earlier[0] if earlier else new[0]
        confidence = min(finding.suggestions[0].confidence for finding in earlier + new)
        best = replace(
            base.suggestions[0], text=combined, confidence=confidence, trail=(*base.suggestions[0].trail, "settle")
        )
        added.append(replace(base, start=low, end=high, text=text[low:high], suggestions=[best], fix=combined))
        merged_away.update(id(finding) for finding in earlier)
    starts = sorted(finding.start for finding in added)
    ends_added = {finding.start: finding.end for finding in added}

    def covered(finding: Finding) -> bool:  # a reported-only finding under a new fix goes
        before = bisect_right(starts, finding.start) - 1
        nearest = [starts[i] for i in (before, before + 1) if 0 <= i < len(starts)]
        return any(s < finding.end and finding.start < ends_added[s] for s in nearest)

    kept = [f for f in findings if id(f) not in merged_away and (f.fix is not None or not covered(f))]
    return sorted(kept + added, key=lambda finding: (finding.start, finding.end))


def shifted(finding: Finding, offset: int) -> Finding:
    return replace(finding, start=finding.start + offset, end=finding.end + offset)
