"""One part of a hyphenated word mistyped: correct that part, keep the others.

Many hyphenated words are free compounds that no dictionary lists whole — «старухи-процентщицы»,
«бело-розовой», «братья-просветители» — so no form one edit away from the whole token exists, and a typo
in one part («старухи-процетчицы») would get no candidate at all. When exactly one part is unknown, the
candidates of that part alone (every generator, as for a word on its own) are joined back with the
other parts as typed. Readings that split the part in two are left out: a space inside a hyphenated
compound («братья-про святители») is not what the writer glued.

With two or more unknown parts the token is more likely a foreign or coined compound than one slip.
"""

from __future__ import annotations

from . import Candidate

RULE = "hyphen-part"


def part_candidates(word: str, lexicon, generate) -> list[Candidate]:
    """Candidates for hyphenated ``word`` with its one unknown part corrected by ``generate``."""
    parts = word.split("-")
    if len(parts) < 2 or not all(parts):
        return []
    unknown = [i for i, part in enumerate(parts) if not lexicon.is_known(part)]
    if len(unknown) != 1:
        return []
    i = unknown[0]
    found = []
    for candidate in generate(parts[i], lexicon):
        if " " in candidate.text or "-" in candidate.text:
            continue
        text = "-".join((*parts[:i], candidate.text, *parts[i + 1 :]))
        found.append(Candidate(text, candidate.source, candidate.cost, (*candidate.rules, RULE)))
    return found
