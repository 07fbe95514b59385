"""Real-word slips (kind ``context``): a rare dictionary word one cheap slip away from a common one.

«Он долго не мог примерить враждующих соседей»: every word is in the dictionary, yet «примерить»
(to try on) is «примирить» (to reconcile) with one unstressed vowel written wrong. Such slips — an
unstressed vowel (о/а, е/и/я), пре-/при-, a doubled or single consonant, a voiced or devoiced
consonant, a lost «ь» — make school paronyms («умолять»/«умалять», «развевается»/«развивается»,
«поседеть»/«посидеть», «освещать»/«освящать») and are invisible to a dictionary.

The noisy channel applied to a known word. For a typed word *t* its *confusion set* holds the common
dictionary words *m* (zipf ≥ ``MEMBER_MIN_ZIPF``, and at least ``MIN_ZIPF_GAIN`` above *t*) one edit
away — a letter replaced, lost, added, or two swapped — that the channel prices at most
``MAX_SLIP_COST`` (``candidates.channel.edit_cost``: unstressed vowels and doubled letters are cheap,
keyboard neighbours dearer, an arbitrary letter dearest). They are found by a symmetric-delete index
compiled once into the cache folder (``neighbour_table``: every common word filed under itself and each
of its one-letter deletions), so a word costs one prefix query per deletion, about a microsecond each,
and the set is cached per word; the sets of every written word (the rare words of a text that web text
has: in a novel, three in four of those below zipf 2.5; the others are dictionary forms nobody wrote)
are compiled once into the cache folder too (``compiled_sets``). Members that are another form of the typed word's own lexeme
(«книги»/«книге») are left out: those are inflection swaps, which the neighbours' grammar must judge,
not frequency. Each member is scored in log10 units against keeping the typed word (a ``Reading``):

    score(m) = GAIN_WEIGHT · [zipf(m) − zipf(t)]          how much more often m is written on the web
             + COUNT_WEIGHT · [lc(m) − lc(t)]             … and in the usage model's books (lc = log10(1 + count))
             + TYPED_UNSEEN_WEIGHT · [t never in them]    a typed word the books never have is suspect
             − TYPED_ZIPF_WEIGHT · zipf(t)                a common typed word is more likely meant
             − COST_WEIGHT · edit_cost(t, m)              the channel's price of the slip
             + CONTEXT_FACTOR · [ctx(m) − ctx(t)]         how much better m fits its neighbours
             + BACKOFF_FACTOR · [bo(m) − bo(t)]           … where neither word was seen beside them
             + MEANING_WEIGHT · [fit(m) − fit(t)]         how much better m's meaning fits the sentence
             − SLIP_PRIOR                                 the typed word keeps a strong prior

where ``ctx`` is the context score (preposition government, agreement, and the usage model's word
pairs from each neighbour seen beside one of the two words: ``context_gain``) and ``bo`` the usage
model's Kneser–Ney back-off estimate from a neighbour seen beside neither (weaker evidence, weighed
apart). ``fit`` is the meaning model's (``pravka.meaning``, navec news vectors): the mean cosine of a
word's vector with those of the ``MEANING_WINDOW`` nearest content words on each side within the
sentence, less its cosine with the direction all frequent words share (``MeaningModel.fits``:
otherwise «год» would fit any sentence better than the rarer «горд» it is one letter from). It sees
further than a neighbour pair, which the usage model has often never seen (``meaning_gains``). A word
too rare in news for a vector of its own is stood in for by the most frequent form of its lexeme that
has one (``MeaningModel.stand_in``); a typed word with none fits as an average word does (0), a member
with none gains nothing.
The meaning model (numpy and ~37 MB, 0.4 s to read) is read on the first word that has a confusion
set, never at start-up.
The typed word's own score is 0, so the probability that *m* was meant is
10^score(m) / (1 + Σ 10^score): a conditional logit, whose nine weights are fitted by maximum
likelihood (``benchmarks/realword_set.py --fit``) on the TUNE half of pravka's own real-word set
(clean sentences with one slip that makes another dictionary word, and the clean originals), the clean
targets of GERA train (words that were meant) and the real errors of the SpellRuEval tune half and GERA
train. Members whose score without the neighbours and the books' counts is below ``MIN_PRIOR_SCORE``
are left out of the set. A member is reported only when its context does not speak against it
(ctx(m) ≥ ctx(t) + ``MIN_CONTEXT_GAIN``) and its probability reaches ``REPORT_AT``, the level of best
recall whose precision stays ≥ 0.85 with at most 0.5 false alarms per 1,000 clean words of the set and
at most 0.05 per 1,000 words of GERA train's clean school essays (clean text carries every unit's false
alarms, whose sum has a budget); the calibrated threshold decides, as for any finding, whether it is
applied.

A preposition is a member only where the word after it can take one of its cases («появилась тля.»
is not «для»). Skipped: words of fewer than ``MIN_LENGTH`` letters (short words collide with each other everywhere),
common typed words (zipf ≥ ``MAX_TYPED_ZIPF``: a slip rarely lands on a word that common, and most
tokens stop at this one look-up), capitalized words inside a sentence that the dictionary can read as a
name (``_may_be_a_name``: «Песков» is not «песок»), ALL-CAPS words, hyphenated ones and the words of a word list (the bundled ones and the
user's: a word listed there is written on purpose). «-тся»/«-ться», «не»/«ни» and «также»/«так же» are
the grammar rules' business (``detect.realword``), which run first.
"""

from __future__ import annotations

import marshal
import math
from functools import lru_cache, partial
from pathlib import Path
from typing import NamedTuple

import marisa_trie

from ..candidates.channel import edit_cost
from ..lexicon import cache_dir, cache_tag, compiled_once, compiled_path, mapped_trie, saved_trie
from ..rank.context import CONTEXT_WEIGHT
from ..ru.alphabet import fold, match_case
from ..ru.grammar import CASED, GOVERNMENT, NAME_MARKS, tsya_twin
from ..types import Finding, Suggestion
from .base import Detector, Triggers

KIND = "context"
SOURCE = "confusion"
MIN_LENGTH = 3
# On the tune half (``--fit``) 4.0 rather than 3.5 finds 18 more slips of 546 (paronym recall 0.484, not
# 0.452) at the level chosen, with 3 GERA train alarms, not 1; clean essays check ~12 % slower.
MAX_TYPED_ZIPF = 4.0
MIN_ZIPF_GAIN = 0.5  # a member must be written at least 3 times as often as the typed word
UNSEEN_ZIPF = 1.0  # a dictionary form that web text never showed
MAX_SLIP_COST = 3.2  # an arbitrary letter, the first one included
# The weights of the score (module docstring), fitted by ``benchmarks/realword_set.py --fit``.
GAIN_WEIGHT = 0.65
COST_WEIGHT = 0.73
TYPED_ZIPF_WEIGHT = 0.20
CONTEXT_FACTOR = 0.87
BACKOFF_FACTOR = 0.38
COUNT_WEIGHT = 0.24
TYPED_UNSEEN_WEIGHT = 0.16
MEANING_WEIGHT = 2.68
SLIP_PRIOR = 0.73
MIN_CONTEXT_GAIN = -1.0
# A member whose score without the neighbours is below this would need them to be 100 times kinder to be
# reported; on the tune half 2 of 249 right findings were (``--fit`` with −9), and leaving such members
# out halves the sets and the time they take.
MIN_PRIOR_SCORE = -2.0
REPORT_AT = 0.60  # raw; the level chosen by ``--fit``
MEANING_WINDOW = 3  # content words of the sentence on each side (on the tune half 2 and 4 did as well, 6 worse)
CACHE_SIZE = 100_000
FIT_ROUNDING = 1e-4  # a float32 fit's error is about 1e-7 per dimension summed

MEMBER_MIN_ZIPF = 2.5  # only words at least this common are indexed as possible meant words
NEIGHBOUR_TABLE_FORMAT = 2
NEIGHBOUR_FAMILY = "confusion-neighbours"


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _compile_neighbour_table(lexicon, path: Path) -> None:
    """A trie of ``"deletion<TAB>word"`` for every indexed word and each of its one-letter
    deletions (the word itself included), the symmetric-delete index of the module docstring."""
    words = {fold(word) for word in lexicon.written_words()}
    common = [w for w in words if len(w) >= MIN_LENGTH - 1 and lexicon.zipf(w) >= MEMBER_MIN_ZIPF]
    keys = [f"{key}\t{word}" for word in common for key in (word, *_deletions(word))]
    saved_trie(keys, path)


@lru_cache(maxsize=4)
def neighbour_table(lexicon) -> marisa_trie.Trie:
    """The index of common words by their deletions, compiled once into the cache folder."""
    # Not the family «confusion»: its stale files would be «confusion-*», and so are the sets'.
    path = cache_dir() / f"{NEIGHBOUR_FAMILY}-v{NEIGHBOUR_TABLE_FORMAT}-{cache_tag()}.marisa"
    return mapped_trie(compiled_once(path, partial(_compile_neighbour_table, lexicon), NEIGHBOUR_FAMILY))


def neighbours(lexicon, word: str) -> set[str]:
    """Indexed common words one edit from ``word``: a letter more, a letter less, one replaced, or
    two neighbours swapped (the probes are the word and its deletions; ``edit_cost`` confirms)."""
    table = neighbour_table(lexicon)
    found = set()
    for probe in (word, *_deletions(word)):
        for entry in table.keys(probe + "\t"):
            found.add(entry[len(probe) + 1 :])
    found.discard(word)
    return found


@lru_cache(maxsize=CACHE_SIZE)
def _lemmas(lexicon, word: str) -> frozenset[str]:
    return frozenset(parse.normal_form for parse in lexicon.parses(word))


class Reading(NamedTuple):
    """One member of a typed word's confusion set, with what its score is made of (log10 units)."""

    member: str
    zipf_gain: float  # zipf(member) − zipf(typed)
    slip_cost: float  # edit_cost(typed, member)
    typed_zipf: float  # zipf(typed), 0 for a word web text never showed
    context_gain: float = 0.0  # ctx(member) − ctx(typed) (``context_gain``); 0 without a context
    backoff_gain: float = 0.0  # the same from the neighbours whose pairs neither word was seen in
    count_gain: float = 0.0  # log10 (1 + usage-model count) of the member minus the typed word's
    typed_unseen: float = 0.0  # 1 when the usage model's corpus never has the typed word
    meaning_gain: float = 0.0  # fit(member) − fit(typed) in the meaning model (``meaning_gains``)

    def score(self) -> float:
        return (
            GAIN_WEIGHT * self.zipf_gain
            - COST_WEIGHT * self.slip_cost
            - TYPED_ZIPF_WEIGHT * self.typed_zipf
            + CONTEXT_FACTOR * self.context_gain
            + BACKOFF_FACTOR * self.backoff_gain
            + COUNT_WEIGHT * self.count_gain
            + TYPED_UNSEEN_WEIGHT * self.typed_unseen
            + MEANING_WEIGHT * self.meaning_gain
            - SLIP_PRIOR
        )


def confusion_set(lexicon, word: str) -> tuple[tuple[str, float, float], ...]:
    """The members for a lower-case known word (ё written е): (dictionary word, zipf gain, slip cost),
    the most likely first; read from ``compiled_sets`` when the word is there."""
    compiled = compiled_sets(lexicon).get(word)
    return _found_set(lexicon, word) if compiled is None else _unpacked_set(compiled[0])


# A compiled set is read from the mapped table each time it is asked for (a microsecond or two) and
# only its unpacking is kept, by its bytes: eight words in nine share the empty set's, so the cache
# holds a few thousand entries where one by word held a long text's whole vocabulary (20 MB on 8 MB
# of novels). A set found when met costs a hundred microseconds and is kept by word.
@lru_cache(maxsize=CACHE_SIZE // 8)
def _unpacked_set(packed: bytes) -> tuple[tuple[str, float, float], ...]:
    return marshal.loads(packed)


@lru_cache(maxsize=CACHE_SIZE)
def _found_set(lexicon, word: str) -> tuple[tuple[str, float, float], ...]:
    return _members(lexicon, word)


@lru_cache(maxsize=4)
def compiled_sets(lexicon) -> marisa_trie.BytesTrie:
    """The confusion sets of every written word below ``MAX_TYPED_ZIPF`` (of ``MIN_LENGTH`` letters or
    more, without a hyphen; 457,000 words, one in nine with a member), compiled once into the cache
    folder: a trie of each word's set as marshal's bytes. Finding a set costs a hundred microseconds
    or more (its neighbours' parses and slip prices), paid by each process for each rare word it
    meets, and most distinct words of a long text are rare words met once: with this table a fresh
    process, a ``--jobs`` worker or a Dask worker starts with their sets found. As a dict they would
    take 80 MB in each process; the trie's file is 4 MB, mapped (compiling it takes about a minute,
    once)."""

    def build(path: Path) -> None:
        words = sorted({fold(word) for word in lexicon.written_words()})
        sets = (
            (word, marshal.dumps(_members(lexicon, word)))
            for word in words
            if len(word) >= MIN_LENGTH and lexicon.zipf(word) < MAX_TYPED_ZIPF
        )
        saved_trie(sets, path, values=True)

    path = compiled_path("confusion-sets", (__name__,), ".marisa")
    return mapped_trie(compiled_once(path, build, "confusion-sets"), values=True)


def _members(lexicon, word: str) -> tuple[tuple[str, float, float], ...]:
    """``confusion_set`` found from the neighbours (module docstring)."""
    seen_zipf = lexicon.zipf(word)
    typed_zipf = max(seen_zipf, UNSEEN_ZIPF)
    members = []
    for other in neighbours(lexicon, word):
        gain = lexicon.zipf(other) - typed_zipf
        if gain < MIN_ZIPF_GAIN:
            continue
        # the score before the slip's price: the member is left out unless the slip is cheap enough
        unpriced = Reading(other, gain, 0.0, seen_zipf).score()
        if unpriced < MIN_PRIOR_SCORE:
            continue
        if other == tsya_twin(word):
            continue  # «учится»/«учиться» is the grammar rules' (detect.realword), not word frequency's
        if _lemmas(lexicon, word) & _lemmas(lexicon, other):  # before the cost: a parse is cheaper
            continue
        cost = edit_cost(word, other)
        if cost > MAX_SLIP_COST or unpriced - COST_WEIGHT * cost < MIN_PRIOR_SCORE:
            continue
        members.append((other, gain, cost))
    # the most likely first; equally likely ones in alphabetical order, not in the neighbours' set order,
    # which changes from process to process (a compiled set and one found when met are the same)
    return tuple(sorted(members, key=lambda member: (COST_WEIGHT * member[2] - GAIN_WEIGHT * member[1], member[0])))


def evidence(document, index: int, *, report_at: float | None = None) -> list[Reading]:
    """For token ``index``: the ``Reading`` of each member of its confusion set, or [] when the word
    is not checked (see the module docstring). With ``report_at``, [] too when no member's probability
    could reach it whatever the meaning evidence says (``meaning_gains``)."""
    token = document.tokens[index]
    word = document.word(index)
    lexicon, context = document.lexicon, document.context
    if word is None or len(word) < MIN_LENGTH or lexicon.zipf(word) >= MAX_TYPED_ZIPF:
        return []
    if "-" in word or token.text.isupper() or not lexicon.is_known(word):
        return []
    if fold(word) in lexicon.extra_words:  # a word list's word is written on purpose («безопастности» in-house)
        return []
    if token.text[0].isupper() and not document.starts_sentence(index) and _may_be_a_name(lexicon, word):
        return []
    members = confusion_set(lexicon, word.replace("ё", "е"))
    typed_zipf = lexicon.zipf(word)
    if not members or context is None:
        return [Reading(member, gain, cost, typed_zipf) for member, gain, cost in members]
    left, right = document.neighbours(index)
    model = context.model
    typed_count = 0 if model is None else model.count(word)
    # what every member is weighed against, found once
    typed_grammar = context.grammar(word, left, right)
    sides = [] if model is None else _typed_sides(model, word, left, right)
    # «появилась тля.» is not «появилась для.»: a preposition needs a word in its case after it
    members = tuple(m for m in members if m[0] not in GOVERNMENT or _governs(lexicon, m[0], right))
    found = []
    for member, gain, cost in members:
        seen, backoff = _member_evidence(model, member, sides)
        grammar = context.grammar(member, left, right) - typed_grammar
        counts = 0.0 if model is None else math.log10((1 + model.count(member)) / (1 + typed_count))
        found.append(
            Reading(
                member,
                gain,
                cost,
                typed_zipf,
                grammar + seen,
                backoff,
                counts,
                float(model is not None and not typed_count),
            )
        )
    meaning = meaning_gains(document, index, fold(word), found, report_at)
    if meaning is None:
        return []
    return [reading._replace(meaning_gain=gain) for reading, gain in zip(found, meaning, strict=True)]


def meaning_gains(
    document, index: int, typed: str, readings: list[Reading], report_at: float | None = None
) -> list[float] | None:
    """fit(member) − fit(typed) for the member of each of ``readings`` (their evidence but the meaning
    model's) of the confusion set of ``typed``, token ``index``: how much better its meaning vector fits
    the sentence than the typed word's (module docstring); all 0 when no content word near it has a
    vector.

    With ``report_at``, None when no member could reach that probability whatever its gain. A member's
    probability is at most 10^s / (1 + 10^s) for its score s, and no fit is further from 0 than the
    length L of the sentence's direction (``MeaningModel.context_direction``), so a gain is at most 2L,
    or L − fit(typed) once the typed word's fit is known: the stand-ins and the members' fits, the
    costliest part (a lexeme each for words without a vector), are worked out only for a word that
    passes both bounds (on 1 MB of novels, 1,500 of the 4,145 words whose sentence has a direction stop
    before)."""
    if not readings:
        return []
    from ..meaning import shared_model  # numpy and the vectors load only for a word with a confusion set

    model, lexicon = shared_model(), document.lexicon
    direction = model.context_direction(_content_words(document, index, model))
    if direction is None:
        return [0.0] * len(readings)
    reach = math.sqrt(float(direction @ direction))
    if report_at is not None and not _may_reach(readings, 2 * reach, report_at):
        return None
    typed_in = _stand_in(lexicon, model, typed) or ""
    if report_at is not None:
        typed_fit = float(model.fits([typed_in], direction)[0])
        if not _may_reach(readings, reach - (0.0 if math.isnan(typed_fit) else typed_fit), report_at):
            return None
    # One product for them all, as when the weights were fitted: a row multiplied alone may differ in its
    # last float32 bit. A typed word without a vector fits as an average word, a member without one gains
    # nothing.
    fits = model.fits([typed_in, *(_stand_in(lexicon, model, reading.member) or "" for reading in readings)], direction)
    typed_fit = 0.0 if math.isnan(fits[0]) else float(fits[0])
    return [0.0 if math.isnan(fit) else float(fit) - typed_fit for fit in fits[1:]]


def _may_reach(readings: list[Reading], meaning_bound: float, level: float) -> bool:
    """Whether a member whose meaning gain were ``meaning_bound`` could reach probability ``level``
    (``meaning_gains``); a small margin covers the float32 rounding of the fits."""
    needed = math.log10(level / (1 - level)) - MEANING_WEIGHT * (meaning_bound + FIT_ROUNDING)
    return any(reading.score() >= needed for reading in readings if reading.context_gain >= MIN_CONTEXT_GAIN)


def _content_words(document, index: int, model) -> list[str]:
    """The ``MEANING_WINDOW`` nearest words with a meaning vector on each side of token ``index``
    within its sentence (``Document.reach``, cut at sentence-ending marks), function words left out."""
    found: list[str] = []
    for step in (-1, 1):
        taken = 0
        for at in document.reach(index, step):
            if taken >= MEANING_WINDOW or document.ends_sentence(at):
                break
            word = document.word(at)
            if word and model.vector_id(word) is not None and not document.lexicon.is_function_word(word):
                found.append(word)
                taken += 1
    return found


@lru_cache(maxsize=CACHE_SIZE)
def _stand_in(lexicon, model, word: str) -> str | None:
    """The word whose meaning vector stands for ``word`` (``MeaningModel.stand_in``)."""
    return model.stand_in(word, lexicon.parses(word)[:1])


def _may_be_a_name(lexicon, word: str) -> bool:
    return any(NAME_MARKS & parse.tag.grammemes for parse in lexicon.parses(word))


def _governs(lexicon, preposition: str, right: str | None) -> bool:
    """Whether the word after can be in a case that ``preposition`` governs."""
    if right is None:
        return False
    cases = GOVERNMENT[preposition]
    return any(parse.tag.case in cases for parse in lexicon.parses(right) if parse.tag.POS in CASED)


def context_gain(context, typed: str, member: str, left: str | None, right: str | None) -> float:
    """How much better ``member`` fits between the neighbours than ``typed`` (log10 units): grammar
    (``Context.grammar``), plus the n-gram model's evidence from each neighbour whose pair with one of
    the two words the corpus has seen. A pair seen with neither is left to the back-off evidence
    (``_pair_evidence``), which is weighed apart: Kneser–Ney's back-off alone favours the rarer word,
    whose few contexts are all different."""
    gain = context.grammar(member, left, right) - context.grammar(typed, left, right)
    return gain + _pair_evidence(context.model, typed, member, left, right)[0]


def _pair_evidence(model, typed: str, member: str, left: str | None, right: str | None) -> tuple[float, float]:
    """The n-gram model's evidence for ``member`` over ``typed`` from the neighbours whose pair with
    one of the two words the corpus has seen (weighted by ``CONTEXT_WEIGHT``, as the ranker weighs
    it), and, unweighted, from the neighbours whose pairs it has seen with neither (the back-off)."""
    if model is None:
        return 0.0, 0.0
    return _member_evidence(model, member, _typed_sides(model, typed, left, right))


def _typed_sides(model, typed: str, left: str | None, right: str | None) -> list[tuple]:
    """Each neighbour there is, as a one-sided context (before, after), with the evidence for ``typed``
    beside it and whether the corpus has seen the two together: what each member is weighed against."""
    return [
        (before, after, model.context_logprob(typed, before, after), _seen_together(model, before, typed, after))
        for before, after in ((left, None), (None, right))
        if before is not None or after is not None
    ]


def _member_evidence(model, member: str, sides: list[tuple]) -> tuple[float, float]:
    """``_pair_evidence`` of ``member`` against the typed word's ``_typed_sides``."""
    seen = backoff = 0.0
    for before, after, typed_evidence, typed_seen in sides:
        gain = model.context_logprob(member, before, after) - typed_evidence
        if _seen_together(model, before, member, after) or typed_seen:
            seen += CONTEXT_WEIGHT * gain
        else:
            backoff += gain
    return seen, backoff


def _seen_together(model, before: str | None, word: str, after: str | None) -> bool:
    return bool(model.count(*(w for w in (before, word, after) if w is not None)))


def probabilities(found: list[Reading]) -> list[tuple[str, float]]:
    """Each member's probability of being the word meant, best first; keeping the typed word is the rest."""
    scored = [(reading.member, reading.score()) for reading in found if reading.context_gain >= MIN_CONTEXT_GAIN]
    total = 1.0 + sum(10**score for _, score in scored)
    return sorted(((member, 10**score / total) for member, score in scored), key=lambda pair: -pair[1])


def detect(document):
    for index, token in enumerate(document.tokens):
        found = evidence(document, index, report_at=REPORT_AT)
        if not found:
            continue
        ranked = probabilities(found)
        if ranked and ranked[0][1] >= REPORT_AT:
            suggestions = [Suggestion(match_case(token.text, member), p, SOURCE) for member, p in ranked]
            yield Finding(token.start, token.stop, token.text, KIND, suggestions)


DETECTOR = Detector(
    "confusion",
    (KIND,),
    "a rare dictionary word one cheap slip from a far more common one that fits the neighbours better («примерить врагов»)",
    detect,
    # The screen's test: the checks of ``evidence`` that need no context, and a non-empty confusion set.
    Triggers(
        words=lambda word, lexicon: (
            len(word) >= MIN_LENGTH
            and "-" not in word
            and lexicon.zipf(word) < MAX_TYPED_ZIPF
            and bool(confusion_set(lexicon, word.replace("ё", "е")))
        ),
        unknown_words=False,  # it reports known words only
    ),
)
