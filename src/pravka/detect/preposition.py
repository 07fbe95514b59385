"""A one-letter preposition that needs its о-form: «в взаимоотношении» → «во взаимоотношении».

Russian adds an «о» to в, с, к and о (→ обо) where the bare consonant would run into a hard cluster.
Two kinds of context require it:

* a consonant cluster by rule: «во» before в or ф followed by a consonant («во вторник», «во Франции»,
  «во всех»); «со» before с, з, ш, ж followed by a consonant («со стороны», «со звоном», «со шкафом»),
  and before щ («со щитом», where usage still varies, so it is only offered);
* fixed words, where the о-form is the norm although no rule forces it: «мне», «мной», the forms of
  «весь» and «многие», and idioms such as «во время», «во много раз», «во сне», «со временем», «ко дну»,
  «со дня», «обо мне».
  «обо» before forms of «весь» («обо всех») competes with a common «о всех», so it is only offered.

Only the missing «о» is flagged. The reverse is not an error in general («во время», «со мной» are
right, and «во» before a vowel is rare enough not to guess at). Capitalised abbreviations are skipped:
«с США» is read letter by letter and takes no «о». The finding covers the preposition alone and keeps
its letter case: «В взаимоотношении» → «Во».
"""

from __future__ import annotations

from ..ru.alphabet import CONSONANTS, match_case
from ..ru.words import word_set
from ..types import Finding, Suggestion
from .base import HINT, Detector, Triggers

KIND = "preposition"
FULL_FORMS = {"в": "во", "с": "со", "к": "ко", "о": "обо"}
CLUSTER_STARTS = {"в": frozenset("вф"), "с": frozenset("сзшж")}
ALL_FORMS = word_set("detect.preposition.all_forms")
FIXED_WORDS = {
    "в": frozenset(
        {
            "мне",
            "многом",
            "многих",
            "многие",
            "многое",
            "много",
            "время",
            "имя",
            "избежание",
            "сне",
            "снах",
            "дворе",
            "дворце",
            "рту",
            "лбу",
            "тьме",
        }
    ),
    "с": ALL_FORMS
    | {"мной", "мною", "многими", "второго", "второй", "временем", "вчерашнего", "дна", "дня", "лба", "льдом"},
    "к": ALL_FORMS | {"мне", "всякому", "всякой", "многим", "многому", "второму", "дну", "сну", "рву", "лбу"},
    "о": ALL_FORMS | {"мне"},
}
RULE_CONFIDENCE = 0.95
FIXED_CONFIDENCE = 0.97
VARYING_CONFIDENCE = HINT  # «со щ…», «обо всех»: both spellings are in use


def detect(document):
    tokens, text = document.tokens, document.text
    for index in range(len(tokens) - 1):
        token, following = tokens[index], tokens[index + 1]
        preposition = token.text.lower()
        if token.kind != "word" or preposition not in FULL_FORMS or following.kind != "word":
            continue
        if not text[token.stop : following.start].isspace():
            continue
        word = following.text
        if any(ch.isupper() for ch in word[1:]):  # «США», «ВКонтакте»: abbreviations are spelled out
            continue
        confidence = _needs_full_form(preposition, word.lower())
        if confidence is not None:
            full_form = match_case(token.text, FULL_FORMS[preposition])
            yield Finding(token.start, token.stop, token.text, KIND, [Suggestion(full_form, confidence, "o-form")])


def _needs_full_form(preposition: str, word: str) -> float | None:
    if word in FIXED_WORDS[preposition]:
        return VARYING_CONFIDENCE if preposition == "о" and word in ALL_FORMS else FIXED_CONFIDENCE
    if preposition == "с" and word.startswith("щ"):
        return VARYING_CONFIDENCE
    starts = CLUSTER_STARTS.get(preposition)
    if starts and len(word) > 1 and word[0] in starts and word[1] in CONSONANTS:
        return RULE_CONFIDENCE
    return None


DETECTOR = Detector(
    "preposition",
    (KIND,),
    "«в», «с», «к», «о» before a word that needs «во», «со», «ко», «обо»",
    detect,
    Triggers(pairs=lambda first, second, lexicon: first in FULL_FORMS and _needs_full_form(first, second) is not None),
)
