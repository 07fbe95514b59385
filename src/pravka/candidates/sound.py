"""Sound-alike candidates: frequent words with the same sound key (``ru.sound.sound_key``) as an
unknown word — the two- and three-edit sound-spelling errors («припораты» → «препараты») that edit
distance 1 cannot reach. The error model still prices the actual differences.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ..ru.alphabet import fold
from ..ru.sound import sound_key
from . import Candidate
from .channel import edit_cost

MAX_SOUND_DISTANCE = 3


def sound_alikes(word: str, lexicon) -> list:
    """Frequent words with the same sound key, priced by the full error model."""
    if len(word) < 4:
        return []
    found = []
    for other in lexicon.sounds_like(sound_key(word)):
        # «ё» for «е» is no slip at all (``channel.substitution``), so it does not count towards the distance.
        if (
            other != word
            and Levenshtein.distance(word, fold(other), score_cutoff=MAX_SOUND_DISTANCE) <= MAX_SOUND_DISTANCE
        ):
            found.append(Candidate(other, "sound", edit_cost(word, other)))
    return found
