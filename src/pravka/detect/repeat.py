"""A word typed twice by mistake: «в в Женеве», «что что он придёт», «не не хочу».

Two neighbouring Cyrillic words that are the same word (letter case and ё aside), with only whitespace
between them, are a repeat. The fix deletes the second copy with the whitespace before it. When a
line break separates the copies, the break stays and the second copy goes with the spaces after it
instead, so the number of lines never changes.

Not repeats:

* hyphenated reduplication («очень-очень», «чуть-чуть») is one token and never compared;
* a word and a longer word that starts with it («что что-то») are different tokens;
* interjections (pymorphy3 tags them INTJ: «ой ой», «ха ха», «ах ах») are repeated on purpose;
* ``INTENTIONAL`` — words that people double on purpose and often write with a space where the rules
  want a hyphen or a comma: answers and urging («да да», «нет нет», «ну ну», «так так», «пока пока»),
  sound imitation («тук тук», «кап кап»), and the fixed doublings
  «еле еле», «чуть чуть», «вот вот», «бла бла». Each of these is far more often meant than mistyped;
* a capitalised second copy: a name («Бора Бора») or the start of a new sentence.

Confidence: a doubled preposition, conjunction or particle (pymorphy3 PREP, CONJ, PRCL) is almost never
intended, so the deletion is applied. A doubled content word may be emphasis («очень очень», «много
много лет»), so it is only offered; a doubled adverb or predicative (``EMPHATIC_POS``) is most often
that emphasis, which the rules write with a hyphen, so «очень-очень» is offered before the deletion.
"""

from __future__ import annotations

from dataclasses import replace

from ..ru.alphabet import fold
from ..ru.words import word_set
from ..types import Finding, Suggestion
from .base import HINT, Detector, Triggers
from .spacing import gap, horizontal_space_end, line_breaks

KIND = "repeat"
INTENTIONAL = word_set("detect.repeat.intentional")
FUNCTION_WORDS = frozenset({"PREP", "CONJ", "PRCL"})
FUNCTION_WORD_CONFIDENCE = 0.97
CONTENT_WORD_CONFIDENCE = HINT  # emphasis is about as likely as a slip: a hint, not a fix
EMPHATIC_POS = frozenset({"ADVB", "PRED", "ADJS"})  # «очень-очень», «тихо-тихо», «долго-долго»


def detect(document):
    tokens, text = document.tokens, document.text
    for index in range(1, len(tokens)):
        first, second = tokens[index - 1], tokens[index]
        if first.kind != "word" or second.kind != "word" or fold(first.text) != fold(second.text):
            continue
        between = gap(document, index - 1, index)
        if not between or not between.isspace() or second.text[0].isupper():
            continue
        word = fold(second.text)
        if not document.lexicon.is_known(word):
            continue  # a damaged word typed twice: the speller fixes both copies, then it is a plain repeat
        tag = document.lexicon.parses(word)[0].tag
        if word in INTENTIONAL or tag.POS == "INTJ":
            continue
        if line_breaks(between):
            start, end = second.start, horizontal_space_end(text, second.stop)
        else:
            start, end = first.stop, second.stop
        confidence = FUNCTION_WORD_CONFIDENCE if tag.POS in FUNCTION_WORDS else CONTENT_WORD_CONFIDENCE
        deletion = Suggestion("", confidence, "repeat")
        if tag.POS in EMPHATIC_POS and not line_breaks(between):
            hyphened = Suggestion("-" + second.text, confidence, "repeat-hyphen")
            yield Finding(start, end, text[start:end], KIND, [hyphened, replace(deletion, confidence=1.0 - confidence)])
            continue
        yield Finding(start, end, text[start:end], KIND, [deletion])


DETECTOR = Detector(
    "repeat",
    (KIND,),
    "the same word twice in a row",
    detect,
    Triggers(
        pairs=lambda first, second, lexicon: first == second or ("ё" in first + second and fold(first) == fold(second)),
        unknown_words=False,  # a word typed twice: known or not, the pair test sees it
    ),
)
