"""Spellings that sound alike, and the sound key that folds them.

A writer who does not know a word's spelling writes what they hear: unstressed «о» and «а» sound alike,
as do unstressed «е», «и», «я»; doubled consonants sound single; «ь» and «ъ» are silent separators;
«-тся» and «-ться» both sound «-ца», and «сч», «жч», «щ» all sound «щ»; consonants in «здн», «стн», «вств»
go unheard; voiced consonants before a voiceless one or at the end devoice. ``sound_key`` rewrites a
word into that folded form, so «припораты» and «препараты» share the key «припарати» even though they
are two edits apart. The same facts, as pairs and groups, price slips in the error model
(``candidates.channel``).
"""

from __future__ import annotations

import re

# Vowels confused in unstressed syllables, and ё with its neighbours.
VOWEL_PAIRS = {frozenset(p) for p in ("оа", "еи", "ея", "ия", "ыи", "юу", "эе", "ёе", "ёо", "яа")}
# ы/о: the suffixes -ывать/-овать («перепробывал»); the rest are voicing pairs and near-homophones.
SOUND_PAIRS = {frozenset(p) for p in ("бп", "вф", "гк", "дт", "жш", "зс", "йи", "ьъ", "цс", "чщ", "ыо")}
# Letters of the same shape that OCR confuses inside otherwise Cyrillic words.
OCR_PAIRS = {frozenset(p) for p in ("шщ", "ин", "нп", "ип", "лп", "цщ", "зэ", "тг")}
# Consonants unheard between two others: «безопастность», «чесный», «лесница», «солнце».
SILENT_CLUSTERS = frozenset(("стн", "здн", "лнц", "вст", "стл", "ндс", "нтс", "рдц", "рдч"))

# Spellings pronounced alike; any member may be typed for any other of its class. After ж, ш, ч, щ, ц
# the spelling rules for о/ё/е and ы/и are a matter of memory, not of hearing.
SHCH_SPELLINGS = ("щ", "сч", "шч", "жч", "зч", "сщ", "зщ", "щщ", "шш")  # all pronounced «щ»
SOUND_GROUPS = (
    SHCH_SPELLINGS,
    ("ц", "цц", "тс", "тьс", "дс"),
    ("тся", "ться", "ца", "цца", "цо", "ццо", "тса", "тьса"),
    ("ё", "йо", "ьо"),
    ("шо", "ше", "шё"),
    ("жо", "же", "жё"),
    ("чо", "че", "чё"),
    ("що", "ще", "щё"),
    ("цо", "це"),
    ("жи", "жы"),
    ("ши", "шы"),
    ("ци", "цы"),
)

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
