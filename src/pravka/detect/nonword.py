"""Non-words: Cyrillic words that neither the dictionary nor any word list knows.

The kind is ``glued`` when the best reading is two words run together («ктобы» → «кто бы»), ``ocr`` when
a same-shape letter swap explains it best («прощло» → «прошло»), else ``nonword``.

Skipped as not spelling material: one-letter words, short ALL-CAPS abbreviations («ОБСЕ»), the listed
abbreviations written before a period («доц.», ``ru/words.txt``), words with
invisible characters (left to the hyphenation detector). Longer ALL-CAPS words are headlines or shouting
(«РОСИЙСКОЙ») and are guarded like names, below. Hyphenated words are known when the whole form
or every part is known («пресс-секретарь», «какой-то»).

Capitalized unknown words are mostly names (Столтенберг, Блинкен, Рябкова): pymorphy3 lacks many
surnames, so a capital letter alone must not trigger a correction. Inside a sentence such a word is
reported only when the ranker is sure of a common word («Росийской» → «Российской»); at the start of a
sentence or line, where every word is capitalized, it is checked like any other word.

An unknown word is reported only when the ranker thinks it more likely damaged than meant
(``damage_probability`` ≥ the Corrector's ``report_threshold``, 0.5 by default): rare real words
(«пульмонологу», «риккота») have no close common word and would otherwise flood the report. A
``report_threshold`` of 0 reports every unknown word. One exception has no candidate to go by: a
lower-case word of at least ``UNSEEN_LENGTH`` letters that neither the dictionary nor web text
(wordfreq) has ever seen is given a damage probability of at least ``UNSEEN_DAMAGE``, so the default
threshold reports it without a suggestion, unless word formation explains it
(«взаимо|игнорирования», «от|реконструированный»: ``Lexicon.built_by_word_formation``; on the
tune-side spinner one clean XQuAD word fewer, no blend lost). Such strings are mostly a spinner's
pastes that no blend reading explains («руководительницрганизацией»): on the tune data they were 17 of the 26 synthetic
blends nobody reported, against 0.25 (SpellRuEval tune) and 0.07 (GERA train) real words per 1,000
clean words («чинопочетательства»); shorter cut-offs cost more (14 letters: 0.41 and 0.15).

A shorter paste («уроватерпас», «мнезрений», «сапожшмачник») is told from a rare real word by its
other forms: a real word in an unusual case has siblings web text has seen («пульмонологу»:
«пульмонолога»), a paste has none. So a lower-case word of ``NEVER_WRITTEN_LENGTH`` letters or more
without a candidate is reported too when web text has seen none of its forms (the token with one to
three final letters replaced by an ending) and it is not a word-building prefix (or a numeral's compound
stem: «восьми|колонным») before a dictionary
word («наслучалось», «отреконструированный», «двуплановый»), nor the stem of a dictionary lemma before
a word-building suffix and an ending («наполеон|изм», «агрессор|ство», «хоровод|овые»: the stem is a
lemma, or one with a short ending put back, «реакцион|ный»; not an inflected form, «космического|вого»)
(``Lexicon.built_by_word_formation``). On the tune-side spinner
(``benchmarks/spinner.py --tune --blends``) this took the blends reported from 88.7% to 97.0%, for
0.3 more flags per 1,000 clean words of the SpellRuEval tune half, 0.1 of GERA train and 0.9 of
XQuAD's Wikipedia paragraphs; medical notes, full of rare terms, get 10 more (a domain's own word
list is the cure there). Such a finding has no suggestion, so nothing is ever applied. "Without a
candidate" means that the speller cannot place it (``unplaced``): no one-word candidate and no split
sure enough to report, since a split into three short pieces reads almost any paste weakly
(«голосоасом» as «голо со асом», «потомосему» as «потом о сему»); such weak splits are dropped. On
the tune-side spinner (``--per-kind 1000``) counting them as candidates took the blends reported from
96.3 to 94.4 %; with this test and the numerals' stems among the prefixes, 96.3 %, GERA train's clean
flags 117 → 114. A 10-letter
cut-off reported 95.7% for the same flags, an 11-letter one 94.3%.

The same test weighs the suggestions of any word written in no form (``_written_in_no_form``, at any
length): the ranker keeps an unseen string at the odds of a rare real word, but one whose siblings web
text never showed either is a slip more often, so its keep option weighs ``UNWRITTEN_KEEP`` (log10)
less: «намазывем» → «намазываем», «страртапу» → «стартапу», «половозрлые» → «половозрелые» are
reported and fixed (SpellRuEval tune fix F1 88.0 → 88.3, GERA train 72.3 → 72.8, after the refit).
Only this unit's findings are weighed so: the blend unit reads the speller's own odds, on which its
constants were chosen (ranked so for every unit, the held-out spinner's blends had their head word
first 76.3 % of the time instead of 80.3 %).

Some dictionary words are spoken forms too: «грит» is a form of the name «Грита», «скока» of «скок»,
«щас» an informal «сейчас», and informal writers mean «говорит», «сколько», «сейчас» by them
(``candidates.colloquial.known_word_readings``: the rules derive the word exactly from a far more
frequent one, or the respellings list names it). Such a word is weighed as a ``colloquial`` finding
only when edited text almost never uses its dictionary reading: the usage model (``pravka.usage``) has
seen it at most ``MAX_EDITED_COUNT`` times, or ``EDITED_SHARE`` times less often than the standard
word («ток», a current, stays; «тока» goes). Only the spoken readings then compete with keeping the
word; the neighbours must not be evidence for the dictionary word beyond the best reading, by their
counts («сила тока» stays, «я тока пришёл» does not) or their grammar («из альпийского стока»: an
adjective agreeing with the noun); they re-rank the readings, and the finding needs the same
``report_threshold``. Without a usage model nothing tells the readings apart, and such words are left
alone. An unknown word whose best reading is a spoken one is a ``colloquial`` finding too.

A dictionary word may also be a word with a clitic glued behind it (``split.glued_clitic_readings``):
«толи» is a form of the name «Толя» and «всели» an imperative, but edited text writes them lower-case
almost never, and «то ли», «все ли» often. They go through the same weighing, as ``glued`` findings;
«тоже», «чтобы», «туже» are written solid far too often to be asked.

An unknown word the usage model's edited books write more than ``MAX_EDITED_COUNT`` times is not two
words run together: edited text does not glue words, and such a word is an old or poetic one pymorphy
lacks («отвека», «окрай», «сертук»). Its two-word readings are left out (``_written_whole``); its other
suggestions stay. On the SpellRuEval tune and held-out halves and GERA, no word that the glued readings
fixed was written so.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..candidates import best_per_text
from ..candidates.colloquial import known_word_readings
from ..candidates.split import glued_clitic_readings, other_form_seen
from ..rank.noisy_channel import discount_keep, rank
from ..ru.alphabet import match_case
from ..ru.grammar import SHORT_FUNCTION_WORDS
from ..ru.words import word_set
from ..types import Finding
from .base import Detector, Triggers

CHECKABLE = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*")
KIND_BY_SOURCE = {"twowords": "glued", "ocr": "ocr", "colloquial": "colloquial"}
SPOKEN_KIND = "colloquial"
MAX_EDITED_COUNT = 3  # times in the usage model's 8M words of edited text
EDITED_SHARE = 1 / 5000
MAX_ABBREVIATION = 5  # ALL-CAPS words this short are abbreviations («ОБСЕ»); longer ones are shouted words
NAME_MIN_CONFIDENCE = 0.95
NAME_MIN_ZIPF = 3.0
UNSEEN_LENGTH = 16
UNSEEN_DAMAGE = 0.5
NEVER_WRITTEN_LENGTH = 9
# How much less the keep option weighs for a word written in no form (log10): -1.5 lost 0.2 of fix F1 on
# the SpellRuEval tune half and 0.1 on GERA train.
UNWRITTEN_KEEP = -1.0
UNWRITTEN_CACHE_SIZE = 50_000  # words whose written-in-no-form test is kept (some 200 look-ups each)
ABBREVIATIONS = word_set("abbreviations")


def looks_like_name(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def detect(document):
    lexicon = document.lexicon
    for index, token in enumerate(document.tokens):
        word = token.text
        if token.kind != "word" or len(word) < 2 or not CHECKABLE.fullmatch(word):
            continue
        shouted = word.isupper()
        if shouted and len(word) <= MAX_ABBREVIATION:
            continue
        if lexicon.is_known(word):
            spoken = _spoken_form(document, index)
            if spoken is not None:
                yield spoken
            continue
        if word.lower() in ABBREVIATIONS and _before_period(document, index):
            continue  # «доц.Сидоров»: an abbreviation, not «до»
        suggestions = document.suggest_in_context(index)
        if suggestions and _written_whole(document, word):
            suggestions = [s for s in suggestions if KIND_BY_SOURCE.get(s.source) != "glued"]
        if suggestions and _written_in_no_form(word.lower(), lexicon):
            suggestions = discount_keep(suggestions, UNWRITTEN_KEEP)
        guarded = shouted or (looks_like_name(word) and not document.starts_sentence(index))
        if guarded and not _clearly_misspelt(suggestions, lexicon):
            continue
        damage = damage_probability(suggestions)
        lost = unplaced(suggestions, document.report_threshold)
        if _long_unseen(word, lexicon) or (lost and _never_written(word, lexicon)):
            damage = max(damage, UNSEEN_DAMAGE)
        if damage < document.report_threshold:
            continue
        if lost:
            suggestions = []  # reported for being unseen, damaged in no known way: its weak splits say nothing
        kind = KIND_BY_SOURCE.get(suggestions[0].source, "nonword") if suggestions else "nonword"
        yield Finding(token.start, token.stop, word, kind, suggestions)


def _spoken_form(document, index: int) -> Finding | None:
    """The ``colloquial`` finding for a dictionary word used as a spoken form, or None (see the module
    docstring)."""
    token = document.tokens[index]
    word, lexicon = token.text, document.lexicon
    model = document.context.model if document.context is not None else None
    if model is None or word.isupper() or (looks_like_name(word) and not document.starts_sentence(index)):
        return None
    lower = word.lower()
    readings = best_per_text(other_readings(lower, lexicon), lower)
    if not readings:
        return None
    seen = model.count(lower)
    if seen > MAX_EDITED_COUNT and seen > EDITED_SHARE * max(model.count(*r.text.split(" ")) for r in readings):
        return None
    left, right = document.neighbours(index)
    ranked = rank(lower, readings, lexicon)
    best = ranked[0].text.lower()
    evidence = model.context_logprob(lower, left, right)
    if evidence > 0 and evidence > model.context_logprob(best, left, right):
        return None  # the neighbours' counts want the dictionary word: «сила тока»
    if document.context.grammar(lower, left, right) > document.context.grammar(best, left, right):
        return None  # and so does their grammar: «из альпийского стока»
    ranked = document.context.rerank(
        word, ranked, left, right, document.words_before(index), document.words_after(index)
    )
    suggestions = [replace(s, text=match_case(word, s.text), trail=(*s.trail, "context")) for s in ranked]
    if damage_probability(suggestions) < document.report_threshold:
        return None
    return Finding(token.start, token.stop, word, KIND_BY_SOURCE.get(suggestions[0].source, SPOKEN_KIND), suggestions)


def _written_whole(document, word: str) -> bool:
    """Whether the usage model's edited books write ``word`` as one word often enough that it is not
    two words run together (module docstring)."""
    model = document.context.model if document.context is not None else None
    return model is not None and model.count(word.lower()) > MAX_EDITED_COUNT


def other_readings(word: str, lexicon) -> list:
    """What else a lower-case dictionary word may be written for: its spoken readings
    (``colloquial.known_word_readings``) and a word with a clitic glued on (``split.glued_clitic_readings``)."""
    return known_word_readings(word, lexicon) + glued_clitic_readings(word, lexicon)


def _long_unseen(word: str, lexicon) -> bool:
    """A lower-case word of ``UNSEEN_LENGTH`` letters or more that web text never showed (see the module
    docstring)."""
    return (
        len(word) >= UNSEEN_LENGTH
        and word.islower()
        and "-" not in word
        and lexicon.zipf(word) == 0
        and not lexicon.built_by_word_formation(word)
    )


def _never_written(word: str, lexicon) -> bool:
    """A lower-case word of ``NEVER_WRITTEN_LENGTH`` letters or more written in no form (see the module
    docstring)."""
    if len(word) < NEVER_WRITTEN_LENGTH or not word.islower() or "-" in word:
        return False
    return _written_in_no_form(word, lexicon)


@lru_cache(maxsize=UNWRITTEN_CACHE_SIZE)
def _written_in_no_form(word: str, lexicon) -> bool:
    """Whether web text never showed the lower-case ``word`` nor any other ending of it, and no rule of
    word formation makes it of a dictionary word («намазывем», «страртапу»; not «пульмонологу», whose
    «пульмонолога» web text has, nor «за|грудинный»)."""
    if lexicon.zipf(word) > 0 or other_form_seen(word, len(word), lexicon):
        return False
    return not lexicon.built_by_word_formation(word)


def reported_without_candidate(word: str, lexicon) -> bool:
    """Whether ``word``, with no candidate, is reported anyway (at ``UNSEEN_DAMAGE``): long and unseen,
    or never written in any form (see the module docstring)."""
    return _long_unseen(word, lexicon) or _never_written(word, lexicon)


def _before_period(document, index: int) -> bool:
    following = document.tokens[index + 1] if index + 1 < len(document.tokens) else None
    return following is not None and following.start == document.tokens[index].stop and following.text.startswith(".")


def unplaced(suggestions, report_threshold: float) -> bool:
    """Whether the speller cannot place a word: no one-word candidate, and no split into pieces sure
    enough to report («голосоасом» read weakly as «голос о асом» places nothing)."""
    return all(s.source == "twowords" for s in suggestions) and damage_probability(suggestions) < report_threshold


def damage_probability(suggestions) -> float:
    """The ranker's posterior that the typed word is not what was meant: the mass of its corrections.

    A word with no candidate at all gets 0: it is far more often a rare real word than damage.
    """
    return min(1.0, sum(s.confidence for s in suggestions))


def _clearly_misspelt(suggestions, lexicon) -> bool:
    if not suggestions:
        return False
    best = suggestions[0]
    if best.source == "twowords" and not SHORT_FUNCTION_WORDS.intersection(best.text.lower().split()):
        return False  # «Бойдел» is a surname, not «Бой дел»
    if best.source == "colloquial":
        return False  # «Жака Моно» is a surname, not «можно»: the informal don't capitalize a spoken form
    return (
        best.confidence >= NAME_MIN_CONFIDENCE
        and min(lexicon.zipf(part) for part in best.text.split()) >= NAME_MIN_ZIPF
    )


DETECTOR = Detector(
    "nonword",
    ("nonword", "glued", "ocr", SPOKEN_KIND),
    "a Cyrillic word that no dictionary or word list knows, or a dictionary word used as a spoken form",
    detect,
    Triggers(words=lambda word, lexicon: bool(other_readings(word, lexicon))),
)
