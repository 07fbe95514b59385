"""Spellings that sound alike, and the sound key that folds them.

A writer who does not know a word's spelling writes what they hear: unstressed «о» and «а» sound alike,
as do unstressed «е», «и», «я»; doubled consonants sound single; «ь» and «ъ» are silent separators;
«-тся» and «-ться» both sound «-ца», and «сч», «жч», «щ» all sound «щ»; consonants in «здн», «стн», «вств»
go unheard; voiced consonants before a voiceless one or at the end devoice. ``sound_key`` rewrites a
word into that folded form, so «припораты» and «препараты» share the key «припарати» even though they
are two edits apart. The same facts, as pairs and groups, price slips in the error model
(``candidates.channel``).

Informal writers go further and spell the word as it is *spoken*: «фсе», «ево», «конешно», «шо»,
«учицца», «щас», «скока». ``SPOKEN_CHANGES`` and ``SPOKEN_REDUCTIONS`` say how speech turns a
standard word into such a spelling; ``candidates.colloquial`` derives and prices the respellings.
"""

from __future__ import annotations

import re

from .alphabet import ALPHABET, CONSONANTS, VOWELS

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
# Each voiced consonant and its voiceless pair: heard at a word's end and before a voiceless consonant.
DEVOICED = {"б": "п", "в": "ф", "г": "к", "д": "т", "ж": "ш", "з": "с"}
_FINAL_DEVOICING = str.maketrans(DEVOICED)


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


# How informal writing respells a standard word as it is spoken: each rule is (name, pattern on the
# standard lower-case word, replacement, which may refer to the pattern's groups). The first group changes sounds any word may undergo; the
# second, ``SPOKEN_REDUCTIONS``, drops what fast speech swallows, and happens in the most frequent words
# only («сейчас» → «щас», «сколько» → «скока», «говорит» → «грит», «спасибо» → «пасиба»). Vowel
# reduction (о → а, е → и), doubled letters, «ь», «-тся»/«-ться» → «-ца» and the spellings of «щ» need
# no rule: ``sound_key`` already folds them. What these writers mean is derived from these rules by
# ``candidates.colloquial``, which prices each rule.
VOICELESS = "кпстфхцчшщ"  # the consonants that devoice a voiced one before them
_CONSONANT = "".join(ch for ch in ALPHABET if ch in CONSONANTS)
_VOWEL = "".join(ch for ch in ALPHABET if ch in VOWELS)
# «в» has a rule of its own below (before a voiceless consonant or at the end, and priced apart).
_VOICING_PAIRS = [(voiced, voiceless) for voiced, voiceless in DEVOICED.items() if voiced != "в"]
SPOKEN_CHANGES = (
    ("devoiced-v", rf"в(?=[{VOICELESS}]|$)", "ф"),  # «все» → «фсе», «завтра» → «зафтра»
    *(("devoiced", rf"{voiced}(?=[{VOICELESS}])", voiceless) for voiced, voiceless in _VOICING_PAIRS),
    *(("voiced", rf"{voiceless}(?=[бгджз])", voiced) for voiced, voiceless in _VOICING_PAIRS),
    ("g-as-v", r"(?<=[оеё])г(?=о)", "в"),  # «его» → «ево», «сегодня» → «севодня»: the г of -ого is a в
    ("shn", r"чн", "шн"),  # «конечно» → «конешно», «скучно» → «скушно»
    ("cht", r"^чт", "ш"),  # «что» → «шо»
    ("cht", r"^чт", "шт"),  # «что» → «што», «чтобы» → «штобы»
    ("cht", r"^чт", "ч"),  # «что» → «чо»
    ("hushed-o", r"(?<=[жчшщ])ё", "о"),  # «ещё» → «ещо», «чёрт» → «чорт»: after a hushing consonant ё is an о
    ("hushed-e", r"(?<=[жчшщ])о", "ё"),  # «чо» → «чё»
    # «будешь» → «будеш», «учишься» → «учишся», «молодёжь» → «молодёж»: a final ь after ж, ш is not heard
    ("hushed-soft", r"(?<=[жш])ь(?=$|ся$)", ""),
    ("ik-eg", r"ик$", "ег"),  # «начальник» → «начальнег»: the ending as the slang of the 2000s spells it
    ("ov-off", r"ов$", "офф"),  # «пацанов» → «пацанофф»
    ("v-ff", r"в$", "фф"),  # «креатив» → «креатифф», «счастлив» → «счастлифф»
    ("tsa", r"ть?ся$", "цца"),  # «учиться» → «учицца», «остается» → «остаецца»
    ("doubled-shch", r"щ", "шш"),  # «ещё» → «ишшо», «вообще» → «ващще»
    ("sch", r"[сзж]ч", "щ"),  # «мужчина» → «мущина», «насчёт» → «нащёт»
    ("shch-sch", r"щ", "сч"),  # «товарищ» → «товарисч»
    ("stv-drop", r"(?<=с)твен(?=н)", ""),  # «естественно» → «естессно», «собственно» → «собсна»
)
SPOKEN_REDUCTIONS = (
    # «сейчас» → «счас», «пожалуйста» → «пожалста»
    ("syncope", rf"(?<=[{_CONSONANT}])[{_VOWEL}]й(?=[{_CONSONANT}])", ""),
    # «сколько» → «скоко», «когда» → «када»; one of a doubled pair is no cluster («россия»)
    ("cluster", "|".join(rf"(?<=[^{c}]){c}ь?(?=[{_CONSONANT.replace(c, '')}])" for c in _CONSONANT), ""),
    ("go-drop", rf"(?<=[еоё])го(?![{_VOWEL}])", ""),  # «сегодня» → «седня», «ничего» → «ниче»
    ("initial-s", r"^с(?=п)", ""),  # «спасибо» → «пасибо»
    # «спасибо» → «спасиб», «короче» → «короч»; a word of two syllables keeps its end («кино», «все»)
    ("apocope", rf"^((?:[^{_VOWEL}]*[{_VOWEL}]){{2}}.*[{_CONSONANT}])[аоеиыяю]$", r"\1"),
)
