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

The preposition «в» is also written as it sounds before a voiceless consonant: «ф кино», «ф школу»
(``ru.sound.VOICELESS``; the same devoicing that ``candidates.colloquial`` undoes inside words). A
lone «ф» (capital only where a sentence starts) before a word that starts with one and can take a
case «в» governs is that «в» («ф кино» → «в кино»); the letter named as a letter («буква ф») and «ф»
before words no preposition takes («витамин ф тоже») are left alone.

«о» takes a «б» before a vowel that does not begin with «й» (``ru.alphabet.IOTATED_VOWELS``): «о
истории» → «об истории», «о этом» → «об этом», but «о ёлке», «о юге». It is flagged only where the next
word can be the locative that «о» governs, and is not capitalised: «О ужас!» and «О Аллах» are the
interjection. Before «их» both are in use («о их подвиге», «об их подвиге»), so «об» is only offered.
The reverse slip, «об» before a consonant or «е ё ю я» («об Николае», «об родителях»), is «о» where
the word can only be the locative: «об» before a consonant governs the accusative of contact («об
стену», «бок об бок», «рука об руку»), and the words of ``FIXED_WORDS`` take «обо» («обо мне»).
Before a pronoun it is only offered: the literature of the 19th century writes «об чём», «об ней», «об
тебе» 243 times in its 5,694 «об», modern text hardly ever (5 «об» before a consonant in 1,840, none
before a pronoun, in ``shared/corpora/modern``).

Only the missing «о» (or «б») is flagged. The reverse is not an error in general («во время», «со мной» are
right, and «во» before a vowel is rare enough not to guess at). Capitalised abbreviations are skipped:
«с США» is read letter by letter and takes no «о». The finding covers the preposition alone and keeps
its letter case: «В взаимоотношении» → «Во».
"""

from __future__ import annotations

from ..ru.alphabet import CONSONANTS, IOTATED_VOWELS, VOWELS, match_case
from ..ru.grammar import CASED, GOVERNMENT
from ..ru.sound import VOICELESS
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
SPOKEN_V = "ф"  # «в» as heard before a voiceless consonant
SPOKEN_V_CONFIDENCE = 0.95
LETTER_NAMES = word_set("detect.preposition.letter_names")
PLAIN_VOWELS = VOWELS - IOTATED_VOWELS  # «о» before them is «об»
OB_CONFIDENCE = RULE_CONFIDENCE
VARYING_OB_WORDS = frozenset({"их"})  # «о их подвиге» is as common as «об их»


def detect(document):
    tokens, text = document.tokens, document.text
    for index in range(len(tokens) - 1):
        token, following = tokens[index], tokens[index + 1]
        preposition = token.text.lower()
        if token.kind != "word" or preposition not in (*FULL_FORMS, SPOKEN_V, "об") or following.kind != "word":
            continue
        if not text[token.stop : following.start].isspace():
            continue
        word = following.text
        if any(ch.isupper() for ch in word[1:]):  # «США», «ВКонтакте»: abbreviations are spelled out
            continue
        if preposition == SPOKEN_V:
            if (token.text == SPOKEN_V or document.starts_sentence(index)) and _spoken_v(
                document.word(index - 1), word.lower(), document.lexicon
            ):
                suggestion = Suggestion(match_case(token.text, "в"), SPOKEN_V_CONFIDENCE, "devoiced-v")
                yield Finding(token.start, token.stop, token.text, KIND, [suggestion])
            continue
        if preposition == "об":
            if _needs_plain_o(word.lower(), document.lexicon):
                pronoun = document.lexicon.parses(word.lower())[0].tag.POS == "NPRO"
                confidence = VARYING_CONFIDENCE if pronoun else OB_CONFIDENCE
                suggestion = Suggestion(match_case(token.text, "о"), confidence, "o-before-consonant")
                yield Finding(token.start, token.stop, token.text, KIND, [suggestion])
            continue
        if preposition == "о" and word[:1].islower() and _needs_ob(word, document.lexicon):
            confidence = VARYING_CONFIDENCE if word in VARYING_OB_WORDS else OB_CONFIDENCE
            suggestion = Suggestion(match_case(token.text, "об"), confidence, "ob-before-vowel")
            yield Finding(token.start, token.stop, token.text, KIND, [suggestion])
            continue
        confidence = _needs_full_form(preposition, word.lower())
        if confidence is not None:
            full_form = match_case(token.text, FULL_FORMS[preposition])
            yield Finding(token.start, token.stop, token.text, KIND, [Suggestion(full_form, confidence, "o-form")])


def _spoken_v(before: str | None, word: str, lexicon) -> bool:
    """«ф» before ``word`` is the preposition «в» spelt as heard (``before``: the word in front, if any)."""
    if len(word) < 2 or word[0] not in VOICELESS or before in LETTER_NAMES:
        return False
    return any(p.tag.POS in CASED and p.tag.case in GOVERNMENT["в"] for p in lexicon.parses(word))


def _needs_ob(word: str, lexicon) -> bool:
    """«о» before ``word`` is «об»: a plain vowel starts it and it can be a locative."""
    if len(word) < 2 or word[0] not in PLAIN_VOWELS:
        return False  # «о о погоде» is a doubled «о», the repeat unit's
    return any(p.tag.case == "loct" for p in lexicon.parses(word))


def _needs_plain_o(word: str, lexicon) -> bool:
    """«об» before ``word`` is «о»: no plain vowel starts it, and it can only be a locative."""
    if len(word) < 2 or word[0] in PLAIN_VOWELS or word in FIXED_WORDS["о"]:
        return False
    cases = {p.tag.case for p in lexicon.parses(word) if p.tag.POS in CASED}
    return "loct" in cases and "accs" not in cases


def _may_report(first: str, second: str, lexicon) -> bool:
    if first == "об":
        return second[:1] not in PLAIN_VOWELS
    if first == SPOKEN_V:
        return len(second) > 1 and second[0] in VOICELESS
    if first == "о" and second[:1] in PLAIN_VOWELS:
        return True
    return first in FULL_FORMS and _needs_full_form(first, second) is not None


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
    "«в», «с», «к», «о» before a word that needs «во», «со», «ко», «обо» or «об»; «ф» written for «в»",
    detect,
    Triggers(pairs=_may_report, unknown_words=False),  # the test reads the letters, not the lexicon
)
