"""Spinner blends: the start of one word fused with the tail of another.

Text spinners replace words by cutting and pasting, and leave tokens such as «сторонтраница» (сторона +
страница) or «сторонамтраницы» (сторонам + страницы). Such a token is unknown, long, and no small edit
explains it. The detector tries every cut point: the *head* must be a known form, or a known form
missing its last letter («сторон» → «сторона»); the *tail* must end a frequent known word, at most
two letters shorter than it («траница» → «страница»). The best cut maximises the two words' frequency.

The head is what the author meant, but in the wrong form: the tail carries the case and number the
sentence needs («…траницы» → genitive singular). So the head's lemma is inflected into each reading of
the tail word, and the readings are ordered by agreement with the word before (an adjective or pronoun
such as «международная» or «той» fixes case, number and gender). When both halves are words
(«укрепления» + «рубле») the split reading is offered too. Blends are reported, not auto-fixed: their
confidence stays below the default threshold.

Only strings that web text never contains are considered (wordfreq has never seen a spinner's fresh
blend, but has seen rare derived words such as «маршруточками»). Tokens that split cleanly around a
function word («потомучто», «ктобы») are glued words, not blends,
and are left to the non-word detector.
"""

from __future__ import annotations

from ..ru.alphabet import ALPHABET, LINKING_VOWELS, match_case
from ..ru.grammar import CASED, FUNCTION_POS, GOVERNMENT
from ..types import Finding, Suggestion
from .base import HINT, Detector, Triggers
from .nonword import CHECKABLE

MIN_LENGTH = 10
MIN_TAIL_ZIPF = 2.5
# A blend's reading is a reconstruction, not a repair: even a single reading stays below the default
# fix threshold, so blends are reported for a person to confirm.
SINGLE_READING = HINT
MIN_HEAD = 5
MIN_CUT_TAIL = 6
# A compound's head ends in a linking vowel, or in a numeral's «-и» («шести|часовое»).
COMPOUND_HEAD_ENDINGS = LINKING_VOWELS | {"и"}
LOCATIVE = frozenset({"loct", "loc2"})


def detect(document):
    lexicon = document.lexicon
    for index, token in enumerate(document.tokens):
        word = token.text
        if token.kind != "word" or len(word) < MIN_LENGTH or not CHECKABLE.fullmatch(word) or "-" in word:
            continue
        if lexicon.is_known(word) or lexicon.zipf(word) > 0:
            continue  # a spinner's blend is a string nobody wrote before; web text has rare real words
        suggestions = document.suggest(word)
        if suggestions and not _is_blend_split(suggestions[0], lexicon):
            continue  # a small edit explains it: a typo, not a blend
        previous = _previous_word(document, index)
        readings = blend_readings(word.lower(), lexicon, previous)
        if readings:
            yield Finding(token.start, token.stop, word, "blend", [Suggestion(match_case(word, s.text), s.confidence, s.source) for s in readings])


def _is_blend_split(suggestion, lexicon) -> bool:
    """A split that does not read as Russian is a blend, not two glued words.

    «укрепления рубле» cannot be two neighbouring words: a noun in the locative case stands only after
    a preposition. Glued content words that can stand side by side («артерия момент») stay glued.
    """
    if suggestion.source != "twowords":
        return False
    parts = suggestion.text.lower().split()
    if any(_is_function_word(part, lexicon) for part in parts):
        return False
    right_cases = {p.tag.case for p in lexicon.morph.parse(parts[-1]) if p.tag.POS in CASED}
    return bool(right_cases) and right_cases <= LOCATIVE


def _is_function_word(word: str, lexicon) -> bool:
    return any(parse.tag.POS in FUNCTION_POS for parse in lexicon.morph.parse(word)[:2])


def _previous_word(document, index: int) -> str | None:
    if index > 0 and document.tokens[index - 1].kind == "word":
        return document.tokens[index - 1].text.lower()
    return None


def blend_readings(word: str, lexicon, previous: str | None) -> list[Suggestion]:
    best = None
    for cut in range(MIN_HEAD, len(word) - MIN_HEAD + 1):
        head, tail = word[:cut], word[cut:]
        head_word = _complete_head(head, lexicon)
        tail_word = _complete_tail(tail, lexicon)
        if head_word is None or tail_word is None or not _looks_spun(head, tail, head_word, tail_word):
            continue
        missing = (len(head_word) - len(head)) + (len(tail_word) - len(tail))
        score = lexicon.zipf(head_word) + lexicon.zipf(tail_word) - 0.5 * missing + 0.1 * len(head)
        if best is None or score > best[0]:
            best = (score, head, tail, head_word, tail_word)
    if best is None:
        return []
    _, head, tail, head_word, tail_word = best
    forms = _head_in_tail_form(head_word, tail_word, lexicon, previous)
    readings = []
    weights = [0.5, 0.15, 0.05]
    for rank, form in enumerate(forms[:3]):
        readings.append(Suggestion(form, weights[rank] if len(forms) > 1 else SINGLE_READING, "blend"))
    if lexicon.is_known(head) and lexicon.is_known(tail):
        readings.append(Suggestion(f"{head} {tail}", 0.1, "blend-split"))
    return readings


def _looks_spun(head: str, tail: str, head_word: str, tail_word: str) -> bool:
    """Tell a spinner's cut from a rare compound or diminutive («шестичасовое», «зефирчиком»).

    A spinner cuts the second word somewhere inside it, so its tail usually lacks the word's first
    letters («траница»); such a tail must still be long enough to name its word. When both halves are
    whole words, the head must end in an inflection, not in a linking vowel as compounds do
    («укрепления|рубле», but not «шести|часовое»).
    """
    if len(head) < MIN_HEAD:
        return False
    if tail_word != tail:
        return len(tail) >= MIN_CUT_TAIL
    return len(tail) >= MIN_HEAD and head[-1] not in COMPOUND_HEAD_ENDINGS and head_word == head


def _complete_head(head: str, lexicon) -> str | None:
    if lexicon.is_form(head) and len(head) >= 4:
        return head
    options = [head + letter for letter in ALPHABET if lexicon.is_form(head + letter)]
    options = [w for w in options if lexicon.zipf(w) >= MIN_TAIL_ZIPF]
    return max(options, key=lexicon.zipf, default=None)


def _complete_tail(tail: str, lexicon) -> str | None:
    options = [w for w in lexicon.words_ending_with(tail) if len(w) - len(tail) <= 2]
    options = [w for w in options if lexicon.zipf(w) >= MIN_TAIL_ZIPF]
    return max(options, key=lexicon.zipf, default=None)


def _head_in_tail_form(head_word: str, tail_word: str, lexicon, previous: str | None) -> list[str]:
    """The head's lemma in each case and number the tail word can have, agreeing forms first."""
    morph = lexicon.morph
    tail_parses = morph.parse(tail_word)[:4]
    head_parses = morph.parse(head_word)
    wanted_pos = tail_parses[0].tag.POS if tail_parses else None
    head_parse = next((p for p in head_parses if p.tag.POS == wanted_pos), head_parses[0])
    wanted = _agreement(previous, morph)
    forms: list[tuple[int, int, str]] = []
    for order, tail_parse in enumerate(tail_parses):
        case, number = tail_parse.tag.case, tail_parse.tag.number
        if not case or not number:
            continue
        matching = [f.word for f in head_parse.lexeme if f.tag.case == case and f.tag.number == number]
        if not matching:
            continue
        form = max(matching, key=lexicon.zipf)  # «командования», not the bookish «командованья»
        agrees = wanted is not None and any(
            case == wanted_case and wanted_number in (None, number) for wanted_case, wanted_number in wanted
        )
        forms.append((0 if agrees else 1, order, form))
    seen = []
    for _, _, form in sorted(forms):
        if form not in seen:
            seen.append(form)
    return seen or [head_word]


def _agreement(previous: str | None, morph):
    """(case, number or None) pairs that the word before the blend asks its noun for: a preposition
    governs case («с той …»), an adjective or pronoun agrees in case and number («международная …»)."""
    if previous is None:
        return None
    if previous in GOVERNMENT:
        return [(case, None) for case in GOVERNMENT[previous]]
    readings = [(p.tag.case, p.tag.number) for p in morph.parse(previous) if p.tag.POS in ("ADJF", "PRTF", "NUMR") and p.tag.case]
    return readings or None


DETECTOR = Detector(
    "blend", ("blend",), "a long unknown word that web text never contained and no small edit explains", detect,
    Triggers(), auto_fix=False,
)
