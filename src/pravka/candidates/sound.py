"""Sound keys: fold the spellings that Russian pronunciation makes ambiguous.

A writer who does not know a word's spelling writes what they hear: unstressed «о» and «а» sound alike,
as do unstressed «е», «и», «я»; doubled consonants sound single; «ь» and «ъ» are silent separators;
«-тся» and «-ться» both sound «-ца», and «сч», «жч», «щ» all sound «щ»; consonants in «здн», «стн», «вств»
go unheard; voiced consonants before a voiceless one or at the end devoice. The
sound key rewrites a word into that folded form, so «припораты» and «препараты» share the key
«припарати» even though they are two edits apart. Words sharing a key with an unknown word are its
``sound`` candidates; the ranker still prices the actual differences.
"""

from __future__ import annotations

import re

from ..rank.channel import SHCH_SPELLINGS

_VOWEL_CLASSES = str.maketrans({"о": "а", "е": "и", "ё": "и", "я": "и", "э": "и", "ы": "и", "ю": "у"})
_TSYA_ENDING = re.compile(r"ть?ся\b")
_TS = re.compile(r"ть?с|дс")
_SHCH = re.compile("|".join(spelling for spelling in SHCH_SPELLINGS if len(spelling) > 1))
_SILENT = re.compile(r"(?<=з)д(?=н)|(?<=с)т(?=н)|(?<=в)с(?=тв)|(?<=л)н(?=ц)|(?<=р)д(?=ц)")
_SEPARATORS = re.compile(r"[ьъ]")
_DOUBLES = re.compile(r"(.)\1+")
_FINAL_DEVOICING = str.maketrans({"б": "п", "в": "ф", "г": "к", "д": "т", "ж": "ш", "з": "с"})


def sound_key(word: str) -> str:
    key = _TSYA_ENDING.sub("ца", word.lower())
    key = _TS.sub("ц", key)
    key = _SHCH.sub("щ", key)
    key = _SILENT.sub("", key)
    key = _SEPARATORS.sub("", key)
    key = key.translate(_VOWEL_CLASSES)
    key = _DOUBLES.sub(r"\1", key)
    if key:
        key = key[:-1] + key[-1].translate(_FINAL_DEVOICING)
    return key


MAX_SOUND_DISTANCE = 3


def sound_alikes(word: str, lexicon) -> list:
    """Frequent words with the same sound key, priced by the full error model."""
    from rapidfuzz.distance import Levenshtein

    from ..lexicon import fold
    from ..rank.channel import edit_cost
    from . import Candidate

    if len(word) < 4:
        return []
    found = []
    for other in lexicon.sounds_like(sound_key(word)):
        # «ё» for «е» is no slip at all (``channel.substitution``), so it does not count towards the distance.
        if other != word and Levenshtein.distance(word, fold(other), score_cutoff=MAX_SOUND_DISTANCE) <= MAX_SOUND_DISTANCE:
            found.append(Candidate(other, "sound", edit_cost(word, other)))
    return found
