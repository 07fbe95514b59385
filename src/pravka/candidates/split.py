"""Two words run together: try every split point and keep those where both halves are known words.

One-letter halves are allowed only for the one-letter Russian words (в, к, с, у, о, и, а, я) so that
«вконце» → «в конце» works but random letters do not split off. The channel cost of a missing space is
fixed; both halves must be reasonably common words (Zipf ≥ 3), and ranking prices the pair by the product of the two words' frequencies.
"""

from __future__ import annotations

from . import Candidate

ONE_LETTER_WORDS = frozenset("вксуоиая")
COST_MISSING_SPACE = 1.0
# «не» is written together with many words that no dictionary lists («нефиг», «нерасширение»): a split
# there is a guess, not a repair.
COST_NE_SPLIT = 3.0
MIN_PART_ZIPF = 3.0  # people glue common words; a split into a rare word is more likely a misreading


def two_words(word: str, is_known, zipf) -> list[Candidate]:
    found = []
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if len(left) == 1 and left not in ONE_LETTER_WORDS:
            continue
        if len(right) == 1 and right not in ONE_LETTER_WORDS:
            continue
        if left.endswith("-") or right.startswith("-"):
            continue
        if is_known(left) and is_known(right) and min(zipf(left), zipf(right)) >= MIN_PART_ZIPF:
            cost = COST_NE_SPLIT if left == "не" else COST_MISSING_SPACE
            found.append(Candidate(f"{left} {right}", "twowords", cost))
    return found
