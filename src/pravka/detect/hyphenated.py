"""Hyphenated spellings that edited Russian writes apart or as one word: «как-бы», «по-этому».

Writers put a hyphen where they are unsure of the boundary: «как-бы» (как бы), «что-ли» (что ли),
«то-есть» (то есть), «друг-другу», «в-общем», «по-этому» (поэтому). The dictionary does not catch them:
pymorphy3 accepts any two words joined by a hyphen as a compound, and OpenCorpora even lists «то-есть»
as a conjunction. Whether a hyphen belongs there is a fact about usage, not about words, so the usage
model (``pravka.usage``, edited text) decides, from three counts: how often edited text has the
hyphenated form (h), the two parts in a row (s), and the parts joined into one word (j, when that is a
dictionary word). «кто-то» is written so 848 times and apart twice: it stays. «как-бы» is written
hyphenated never and apart 3,183 times: it is reported.

A known word with exactly one hyphen is reported when edited text has its hyphenated form at most
``usage.MAX_HYPHENATED_SEEN`` times and the other spellings together at least
``usage.MIN_OTHER_SPELLINGS`` times (the one rule of ``usage.hyphen_spellings``, which the ranker's
``Context.edited_spelling`` asks too). Its suggestions are the spaced and the joined spelling, each
with its share of the counts, the hyphenated one included, each count plus one: «как-бы»
→ «как бы» 0.999; «так-же» → «также» 0.74 (5,522 times), «так же» 0.26, since either may be meant.
The letter case of the typed word is kept. A user's own corpus (``pravka learn``) counts too, so a
newsroom that writes «интернет-магазин» keeps it; a compound edited text has not seen in either
spelling («бизнес-план») is left alone. Without a usage model nothing is reported.

Where edited text is silent (the other spellings seen fewer than ``MIN_OTHER_SPELLINGS`` times), grammar can
still tell, for a hyphenated form edited text has not written either and the dictionary does not
list as a word of its own («выдать на-гора» is one): a particle Russian always writes apart
(«какими-бы», «того-же»: ``ru.grammar.SEPARATE_PARTICLES``), or a preposition before a word that can
only be a noun («по-неосторожности», «по-сути»: «по-» makes adverbs of adjectives and pronouns,
«по-русски», «по-моему», never of nouns). The spaced spelling is then offered at ``GRAMMAR_SURE``;
so is the joined one after a productive prefix (``lexicon.PRODUCTIVE_PREFIXES``) when the dictionary
lists the joined word («супер-маркете» → «супермаркете», «гос-службы» → «госслужбы»): prefixes written
with a hyphen (экс-, вице-, мини-: «экс-президент», «мини-юбка») make no dictionary word joined.

The thresholds were read off the tune data (GERA train, the SpellRuEval tune half): 11 findings in the
damaged sentences, 10 of them the gold's correction; one on the clean side («того-чтобы», which the
gold kept). Measured with ``benchmarks/quality.py`` (fix F1): GERA train 67.6 → 68.7, GERA dev 68.1 →
69.2, SpellRuEval tune 85.7 → 85.9, held-out 85.8 → 86.2; clean-text flags on GERA dev unchanged.
"""

from __future__ import annotations

from ..lexicon import PRODUCTIVE_PREFIXES
from ..ru.alphabet import match_case
from ..ru.grammar import SEPARATE_PARTICLES
from ..types import Finding, Suggestion
from ..usage import hyphen_spellings
from .base import Detector, Triggers
from .nonword import CHECKABLE

KIND = "hyphenated"
GRAMMAR_SURE = 0.9


def readings(word: str, lexicon, model) -> list[tuple[str, float]] | None:
    """The spellings edited text prefers to the lower-case hyphenated ``word``, each with its share of
    the counts (``usage.hyphen_spellings``), or grammar's where edited text is silent; None when the
    hyphen stays."""
    if not lexicon.is_known(word):
        return None
    shares = hyphen_spellings(word, model, lexicon)
    if shares == []:
        first, second = word.split("-")
        spelling = _spelling_by_grammar(word, first, second, lexicon)
        return [(spelling, GRAMMAR_SURE)] if spelling is not None else None
    return shares


def _spelling_by_grammar(word: str, first: str, second: str, lexicon) -> str | None:
    """The spelling grammar alone gives the two parts, or None (see the module docstring). A
    hyphenated form the dictionary lists as a word of its own stays («выдать на-гора»)."""
    if lexicon.is_form(word):
        return None
    if first in PRODUCTIVE_PREFIXES and lexicon.is_form(first + second):
        return first + second  # «супер-маркете», «гос-службы»: a prefix the dictionary writes solid
    if not (lexicon.is_known(first) and lexicon.is_known(second)):
        return None
    if second in SEPARATE_PARTICLES:
        return f"{first} {second}"
    tags = [parse.tag for parse in lexicon.parses(second)]
    preposition = any(parse.tag.POS == "PREP" for parse in lexicon.parses(first))
    return f"{first} {second}" if preposition and tags and all(tag.POS == "NOUN" for tag in tags) else None


def detect(document):
    if document.context is None or document.context.model is None:
        return
    lexicon, model = document.lexicon, document.context.model
    for token in document.tokens:
        word = token.text
        if token.kind != "word" or "-" not in word or not CHECKABLE.fullmatch(word):
            continue
        found = readings(word.lower(), lexicon, model)
        if found:
            suggestions = [Suggestion(match_case(word, spelling), share, "usage") for spelling, share in found]
            yield Finding(token.start, token.stop, word, KIND, suggestions)


DETECTOR = Detector(
    "hyphenated",
    (KIND,),
    "a hyphenated spelling that edited text writes apart or as one word («как-бы», «по-этому»)",
    detect,
    # Only known words are reported, and every one of them has a hyphen.
    Triggers(words=lambda word, lexicon: "-" in word, unknown_words=False),
)
