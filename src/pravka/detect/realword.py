"""Real-word errors (kind ``context``): a known word that its neighbours say is the wrong one.

The commonest real-word slip in Russian is «-тся» for «-ться» and back: both spellings are words
(«учится» is «he studies», «учиться» is «to study»), so only the sentence can tell. The rule reads the
word before:

* after a word that takes an infinitive — хотеть, мочь, надо, нужно, начать, стать, будет, … — the
  infinitive «-ться» belongs («он хочет учится» → «учиться»);
* after a subject pronoun — он, она, они, кто, это — a finite verb «-тся» belongs («он учиться хорошо»
  → «учится»). A noun in the nominative is not enough («шанс исправиться есть»).

«не» between them is skipped. These are reported with a moderate confidence and are never applied by
default: the rule sees one word of context, and a wrong change of a real word costs more than a miss.
"""

from __future__ import annotations

from ..apply import match_case
from ..types import Finding, Suggestion
from . import HINT

TAKES_INFINITIVE = frozenset(
    """хотеть мочь уметь начать начинать стать продолжать перестать прекратить надо нужно можно нельзя
    должный должен придётся пришлось пытаться попытаться стараться постараться собираться любить
    успеть забыть решить бояться нравиться предпочитать планировать надеяться""".split()
)
SUBJECT_PRONOUNS = frozenset("он она оно они кто это".split())
CONFIDENCE = HINT


def detect(document):
    lexicon = document.lexicon
    tokens = document.tokens
    for index, token in enumerate(tokens):
        word = token.text.lower()
        if token.kind != "word" or not word.endswith(("тся", "ться")):
            continue
        other = word[:-4] + "тся" if word.endswith("ться") else word[:-3] + "ться"
        if not lexicon.is_form(other):
            continue
        previous = _previous_word(document, index)
        if previous is None:
            continue
        wants = _expected_form(previous, lexicon)
        if wants == "INFN" and not word.endswith("ться") or wants == "VERB" and word.endswith("ться"):
            yield Finding(token.start, token.stop, token.text, "context", [Suggestion(match_case(token.text, other), CONFIDENCE, "tsya")])


def _previous_word(document, index: int) -> str | None:
    left, _ = document.neighbours(index)
    if left == "не" and index > 1:
        left, _ = document.neighbours(index - 1)
    return left


def _expected_form(previous: str, lexicon) -> str | None:
    parse = lexicon.morph.parse(previous)[0]
    if parse.normal_form in TAKES_INFINITIVE or previous in TAKES_INFINITIVE:
        return "INFN"
    if previous in ("будет", "будут", "буду", "будем", "будете", "будешь"):
        return "INFN"
    if previous in SUBJECT_PRONOUNS:
        return "VERB"
    return None
