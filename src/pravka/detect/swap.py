"""Synonym swaps (kind ``swap``): a real word that a text spinner put in place of a near-synonym.

«Министр зарубежных дел», «Соединённые Штаты и их враги по НАТО», «атомной войны»: every word is in
the dictionary and in the right grammatical form, so no spelling check sees them. What gives them
away is meaning and usage: the spinner's word fits its sentence worse than the word it replaced
would, it often breaks a fixed phrase («министр … дел»), and thesauri are full of words that news
text hardly uses («попрошено», «канцелярском»).

Per content word *w* of a sentence (a known lower-case word of at least ``MIN_LENGTH`` letters, not a
name, not in a word list), with the meaning model of ``pravka.meaning``:

1. **Candidates** — the likely originals: *w*'s nearest words of the same part of speech (its own
   vector's neighbours, or, when news text is too rare for *w* to have a vector, those of the most
   frequent form of its lexeme that has one), each
   inflected by pymorphy3 into *w*'s form (case, number; gender, person, tense, mood where the part of
   speech has them) and kept when the dictionary knows that form.
2. **Evidence** for each candidate *c* against *w*, in the context of the ``WINDOW`` nearest content
   words on each side within the sentence:
   ``fit_gain`` = fit(c) − fit(w), the gain in mean cosine with the context vectors, and ``fit`` =
   fit(w) itself (a word that fits well is seldom a swap); ``near_gain`` and ``partner_gain``, the
   same gain over the words at most two places away and with the best-fitting context word alone;
   ``similarity`` = cos(w, c); ``usage_gain`` = how much better the usage model's word pairs and the
   grammar rules like *c* between *w*'s neighbours (``confusion.context_gain``, log10 units; asked
   for the ``USAGE_CANDIDATES`` best candidates only): the broken collocation; ``zipf_gain`` = how
   much more often news text uses *c* than *w*.
   Then *w*'s own evidence (``own_evidence``), with or without candidates: ``rarity``, how rarely
   news uses *w* (navec's counts, log10 per billion words), and ``no_vector``, whether too rarely to
   have a vector; ``left_usage`` and ``right_usage``, how much likelier the usage model finds *w*
   after its left neighbour and before its right one than its frequency alone says, and
   ``unseen_pairs``, how many of the two neighbours are frequent in the corpus yet never beside *w*
   (a spinner breaks fixed pairs: «министр зарубежных»); ``parse_score``, pymorphy3's confidence in
   its reading (a synonym forced into another word's form is often an ambiguous one).
   A word without candidates (half of a spinner's words are too rare in news to have a vector or
   neighbours: «воззрения», «смельчака») is scored on its own evidence alone, ``has_options`` = 0.
3. **Word score** — a logistic model over that evidence, ``σ(b + Σ wᵢ·xᵢ)``, its weights fitted on
   pravka's own tune-side spinner (``benchmarks/spinner.py --tune``: XQuAD's Wikipedia sentences, the
   SpellRuEval tune half and GERA train, with words swapped for Wiktionary synonyms; never the
   held-out simulator's thesaurus or sentences). The candidate with the highest score is the
   suggestion; a word without candidates is reported without one. The score is P(swap) where a
   share ``TUNE_BASE_RATE`` of the words are swaps.
4. **The page** — one swap fits only somewhat worse than its original, so one word's score says
   little; a spun page has swaps throughout, which lifts the mean score of all its words
   (``spin_probability``: the document score, ``Corrector.spin_score``). The page's blend findings
   (``detect.blend``, a spinner's pastes) add their own evidence, a likelihood ratio each: on the
   held-out spinner, pages of 8 swapped sentences and 2 blended ones score ≥ 0.5 in 100 % of 37
   (94.6 % on their swaps alone), the news pages of clean sentences in 10.0 % of 30 as before, and the
   300 pages of every clean sentence (social media too) in 47.7 % (45.0 % without the blends, which 22
   of them hold: rare words read as pastes). A word's probability is its
   score moved to a spun page's share of swaps and weighed by how likely the page is spun
   (``in_document``): the same word is likelier a swap among many suspicious words than on a page that
   reads clean. It is reported when that reaches ``REPORT_AT``, chosen on tune pseudo-documents for
   few false alarms on clean ones. Swaps are only offered, never applied by ``fix`` on their own
   (``auto_fix=False``): a wrong automatic swap would change what the text says.

Measured honestly, this is a weak detector, and the limit is the evidence, not the threshold. On
the tune spinner the word score tells a swapped word from a clean one with an AUC of 0.72–0.76 on
the meaning evidence alone and 0.74–0.78 with the word's own usage and grammar (fitted on two tune
sources, measured on the third). The swaps easiest to see are those too rare for candidates (AUC
0.91), but a blog's or a poem's rare words look the same; the hardest are those whose original is
among the candidates (0.68): the spinner chose a common synonym that fits almost as well. At the
false-alarm rate a user accepts (1.5 per 1,000 clean words, about 0.3 % of the checked words, on
every kind of text) that finds about one swap in a hundred (the figures beside ``REPORT_AT``); and
the original is among navec's 12 nearest same-tag neighbours of the swap for only a fifth of them
(two fifths in its 100 nearest, over all 250,000 words). Its ranking is better than its recall, and
the document score is where the weak evidence of many words adds up.

Speed: every word's reading and candidates are cached per process, and a sentence's vectors are
decoded in one array look-up; still the unit reads every content word, so it runs only when asked
for (``detect.OPT_IN``, ``Corrector(swaps=True)``). The screen's test (``Triggers``) is that a word
is one the unit checks: a content word of ``MIN_LENGTH`` letters or more.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..ru.alphabet import match_case
from ..ru.grammar import CONTENT_POS, NAME_MARKS
from ..types import Finding, Suggestion
from .base import Detector, Triggers
from .blend import of_near_synonyms
from .confusion import context_gain

if TYPE_CHECKING:
    import numpy as np

    from ..meaning import MeaningModel

KIND = "swap"
MEMO_KEY = "swap.word_scores"
SOURCE = "meaning"
MIN_LENGTH = 4
WINDOW = 4  # content words of context on each side
# Pronoun-like and ordinal adjectives («такой», «этот», «другой», «первый») and «быть» fit any
# context, so as candidates they would outscore every word; nor does a spinner swap them.
NOT_SWAPPED_MARKS = frozenset({"Apro", "Anum"})
NOT_SWAPPED_LEMMAS = frozenset({"быть"})
FORM_GRAMMEMES = {
    "NOUN": ("case", "number"),
    "ADJF": ("case", "number", "gender"),
    "ADJS": ("number", "gender"),
    "PRTF": ("case", "number", "gender", "voice", "tense"),
    "PRTS": ("number", "gender", "voice", "tense"),
    "VERB": ("number", "person", "tense", "gender", "mood"),
    "INFN": (),
    "GRND": ("tense",),
    "ADVB": (),
    "COMP": (),
}
CACHE_SIZE = 100_000

# The evidence, in the order of WEIGHTS (see the module docstring).
FEATURES = (
    "fit_gain",
    "usage_gain",
    "zipf_gain",
    "rarity",
    "fit",
    "no_vector",
    "similarity",
    "partner_gain",
    "near_gain",
    "has_options",
    "left_usage",
    "right_usage",
    "unseen_pairs",
    "parse_score",
)
# The features that are the word's own, asked whether it has candidates or not (``own_evidence``).
OWN_FEATURES = ("rarity", "no_vector", "left_usage", "right_usage", "unseen_pairs", "parse_score")
# A neighbour the usage model has seen this often, but never beside the word, is a broken pair.
UNSEEN_PAIR_MIN = 50
# Fitted by ``benchmarks/spinner.py --tune`` (logistic regression on the tune-side spinner).
BIAS = -1.991
WEIGHTS = (4.254, 0.326, 0.071, 0.258, -6.762, 0.419, 1.974, -0.122, 1.375, -0.660, -0.196, -0.277, 0.207, -0.031)
TUNE_BASE_RATE = 0.059  # the share of swapped words among the checked words the weights were fitted on
SPIN_SHARE = 0.116  # the share of checked words a spinner swaps on a spun page (the tune spinner's rate)
# The document score (``spin_probability``): clean statistics and the logistic map, on tune
# pseudo-documents of 10 Wikipedia sentences: spun ones ≥ 0.5 70.0 %, clean ones 31.0 %.
SPIN_CLEAN_MEAN = 0.0514
SPIN_CLEAN_SPREAD = 0.0557
SPIN_BIAS = -0.679
SPIN_WEIGHT = 0.975
# The log likelihood ratio of one blend finding (``spin_probability``): its rate per checked word on
# a spun tune page, a blend in one sentence of five (the seed has 4 beside its 16 swaps), over its
# rate on clean tune sentences (``benchmarks/spinner.py --tune --blends --per-kind 1000``; the default
# 300 blended sentences give 4.82 and 2.83).
NEAR_BLEND_LOG_ODDS = 4.91  # 38.79 per 1k checked words of blended sentences, 0.029 (1 in 34,838) of clean ones
OTHER_BLEND_LOG_ODDS = 3.40  # 75.50, and 0.49 (17)
# A word is reported when ``in_document`` reaches this: the lowest setting with at most 1.5 false
# alarms per 1,000 clean words on the tune spinner, for pages of 10 sentences and of one, and on the
# sentences of each tune source alone (the blog sentences of SpellRuEval are the strictest).
# recall % in spun pages / precision % / false alarms per 1k clean words, 10 sentences | one |
# one, the worst source: 0.40 → 1.5 / 46.7 / 0.81 | 1.4 / 46.5 / 1.29 | 4.49;
# 0.45 → 0.7 / 43.5 / 0.45 | 1.1 / 57.7 / 0.67 | 2.04; 0.50 → 0.6 / 53.3 / 0.13 | 0.6 / 66.7 / 0.40 | 0.82.
REPORT_AT = 0.50
USAGE_CANDIDATES = 2


def shared_model() -> MeaningModel:
    """The meaning model, imported here rather than at the top: numpy and the vectors load only in a
    process that asks for swaps, not on every ``import pravka``."""
    from ..meaning import shared_model as load

    return load()


@lru_cache(maxsize=CACHE_SIZE)
def _reading(lexicon, word: str):
    """The most likely pymorphy3 parse of a lower-case word, or None when it is not a content word a
    spinner would swap (a function word, a name, a pronoun-like or ordinal adjective, «быть»)."""
    parse = lexicon.parses(word)[0]
    tag = parse.tag
    if tag.POS not in CONTENT_POS or (NAME_MARKS | NOT_SWAPPED_MARKS) & tag.grammemes:
        return None
    if parse.normal_form in NOT_SWAPPED_LEMMAS:
        return None
    return parse


@lru_cache(maxsize=CACHE_SIZE)
def _pivot(lexicon, word: str) -> str | None:
    """The word whose vector stands for ``word`` (``MeaningModel.stand_in``), its lexeme that of its
    reading as a content word a spinner would swap."""
    reading = _reading(lexicon, word)
    return shared_model().stand_in(word, () if reading is None else (reading,))


def _form_of(parse) -> set[str]:
    return {value for name in FORM_GRAMMEMES[parse.tag.POS] if (value := getattr(parse.tag, name)) is not None}


@lru_cache(maxsize=CACHE_SIZE)
def candidates(lexicon, word: str) -> tuple[str, ...]:
    """The likely originals of ``word`` if it were a swap: its same-part-of-speech neighbours in the
    meaning model, inflected into its form (see the module docstring); () for a word not checked."""
    parse = _reading(lexicon, word)
    if parse is None:
        return ()
    model = shared_model()
    pivot = _pivot(lexicon, word)
    if pivot is None:
        return ()
    wanted = _form_of(parse)
    found: list[str] = []
    for neighbour in model.neighbours(pivot):
        for reading in lexicon.parses(neighbour):
            if reading.tag.POS != parse.tag.POS or reading.normal_form == parse.normal_form:
                continue
            if NAME_MARKS & reading.tag.grammemes:  # navec writes names in lower case («керри»)
                break
            if NOT_SWAPPED_MARKS & reading.tag.grammemes or reading.normal_form in NOT_SWAPPED_LEMMAS:
                break
            inflected = reading.inflect(wanted) if wanted else reading
            if inflected is not None and inflected.word != word and lexicon.is_known(inflected.word):
                found.append(inflected.word)
                break
    return tuple(dict.fromkeys(found))


def sentences(document) -> list[list[int]]:
    """The word token indices of each sentence: cut at sentence-ending marks and at the line breaks
    that do not carry a sentence on (``Document.carries_on_before``: a blank line, a line that a mark
    other than a comma or a dash ends), so a hard-wrapped sentence is read whole."""
    found: list[list[int]] = []
    current: list[int] = []
    for index, token in enumerate(document.tokens):
        if current and document.breaks_line_before(index) and not document.carries_on_before(index):
            found.append(current)
            current = []
        if token.kind == "word":
            current.append(index)
        elif document.ends_sentence(index) and current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def _checked(document, index: int, position: int) -> bool:
    token = document.tokens[index]
    word = document.word(index)
    if word is None or len(word) < MIN_LENGTH or "-" in word or token.text.isupper():
        return False
    if token.text[0].isupper() and position > 0:  # a capital inside a sentence: a name
        return False
    lexicon = document.lexicon
    return word.replace("ё", "е") not in lexicon.extra_words and lexicon.is_known(word)


@lru_cache(maxsize=CACHE_SIZE)
def _entry(lexicon, word: str) -> tuple[int, tuple[str, ...], np.ndarray, np.ndarray] | None:
    """What ``evidence`` needs of a word's candidates whatever its context: (its pivot's vector row,
    its candidates with a vector, their rows, how much more often news uses each); None when it has no
    candidates."""
    import numpy as np

    model = shared_model()
    pivot = _pivot(lexicon, word)
    options = tuple(option for option in candidates(lexicon, word) if model.vector_id(option) is not None)
    if pivot is None or not options:
        return None
    rows = np.array([model.vector_id(option) for option in options])
    gains = np.array([model.news_zipf(option) - model.news_zipf(word) for option in options])
    return model.vector_id(pivot) or 0, options, rows, gains


@lru_cache(maxsize=CACHE_SIZE)
def _word_facts(lexicon, word: str) -> tuple[float, float, float]:
    """The context-free part of ``own_evidence``: rarity in news, no vector of its own, and
    pymorphy3's confidence in its reading."""
    model = shared_model()
    parse = _reading(lexicon, word)
    return -model.news_zipf(word), float(model.vector_id(word) is None), parse.score if parse is not None else 0.0


def own_evidence(document, index: int, word: str) -> tuple[float, ...]:
    """The word's own evidence, in ``OWN_FEATURES`` order, with or without candidates: how rarely news
    uses it (and whether too rarely to have a vector), how the usage model likes it after its left
    neighbour and before its right one (log10 gain over its frequency), how many frequent neighbours
    it was never seen beside, and how sure pymorphy3 is of its reading (the spinner inflects a synonym
    into the form it needs, often an ambiguous one). A spinner's word is rarer than the one it
    replaced, and the pairs of a fixed phrase it breaks are pairs the corpus never saw."""
    rarity, no_vector, parse_score = _word_facts(document.lexicon, word)
    left_usage = right_usage = 0.0
    unseen = 0
    usage = document.context.model if document.context is not None else None
    if usage is not None:
        left, right = document.neighbours(index)
        if left is not None:
            left_usage = usage.context_logprob(word, left, None)
            unseen += usage.count(left, word) == 0 and usage.count(left) >= UNSEEN_PAIR_MIN
        if right is not None:
            right_usage = usage.context_logprob(word, None, right)
            unseen += usage.count(word, right) == 0 and usage.count(right) >= UNSEEN_PAIR_MIN
    return rarity, no_vector, left_usage, right_usage, float(unseen), parse_score


OWN_COLUMNS = [FEATURES.index(name) for name in OWN_FEATURES]


def evidence(document, sentence: list[int]) -> list[tuple[int, list[tuple[str | None, np.ndarray]]]]:
    """(token index, [(candidate, feature vector), …]) of each checked word of one sentence (the
    features in ``FEATURES`` order). A word without candidates, or without a context to compare them
    in, has one row, with no candidate and only its own evidence. All the vectors the sentence needs
    are decoded at once and compared with the context words in one matrix product; the usage model is
    asked only about the ``USAGE_CANDIDATES`` candidates that score best without it (its look-ups are
    the slow part)."""
    import numpy as np

    lexicon, model = document.lexicon, shared_model()
    words = [document.word(i) or "" for i in sentence]
    content = [
        k for k, word in enumerate(words) if model.vector_id(word) is not None and not lexicon.is_function_word(word)
    ]
    checked = [
        position
        for position, index in enumerate(sentence)
        if _checked(document, index, position) and _reading(lexicon, words[position]) is not None
    ]
    entries = {position: entry for position in checked if (entry := _entry(lexicon, words[position])) is not None}
    if entries and content:
        content_rows = [model.vector_id(words[k]) or 0 for k in content]
        needed = np.unique(np.concatenate([*([e[0], *e[2]] for e in entries.values())]))
        vectors = model.unit_vectors(needed)
        with_context = vectors @ model.unit_vectors(content_rows).T  # candidates and pivots × context words
        at = {int(row): k for k, row in enumerate(needed)}
    weights = np.asarray(WEIGHTS)
    found: list[tuple[int, list[tuple[str | None, np.ndarray]]]] = []
    for position in checked:
        index = sentence[position]
        own = own_evidence(document, index, words[position])
        context = [j for j, k in enumerate(content) if k != position]
        before = [j for j in context if content[j] < position][-WINDOW:]
        after = [j for j in context if content[j] > position][:WINDOW]
        if position not in entries or not before + after:
            alone = np.zeros(len(FEATURES))
            alone[OWN_COLUMNS] = own
            found.append((index, [(None, alone)]))
            continue
        pivot, options, option_rows, zipf_gains = entries[position]
        rows = [at[pivot], *(at[int(row)] for row in option_rows)]
        cosines = with_context[np.ix_(rows, before + after)]
        near = [n for n, j in enumerate(before + after) if abs(content[j] - position) <= 2]
        fits, partners = cosines.mean(axis=1), cosines.max(axis=1)
        nears = cosines[:, near].mean(axis=1) if near else np.zeros(len(cosines))
        features = np.zeros((len(options), len(FEATURES)))
        features[:, OWN_COLUMNS] = own
        features[:, 0] = fits[1:] - fits[0]
        features[:, 2] = zipf_gains
        features[:, 4] = fits[0]
        features[:, 6] = vectors[rows[1:]] @ vectors[rows[0]]
        features[:, 7] = partners[1:] - partners[0]
        features[:, 8] = nears[1:] - nears[0]
        features[:, FEATURES.index("has_options")] = 1.0
        best = np.argsort(-(features @ weights), kind="stable")[:USAGE_CANDIDATES]
        if document.context is not None:
            left, right = document.neighbours(index)
            for k in best:
                features[k, 1] = context_gain(document.context, words[position], options[k], left, right)
        found.append((index, [(options[k], features[k]) for k in best]))
    return found


def score(features: np.ndarray) -> float:
    """P(swap) of one (word, candidate) pair's evidence (the logistic model of the module docstring)."""
    z = BIAS + sum(weight * float(x) for weight, x in zip(WEIGHTS, features, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def word_scores(document) -> list[tuple[int, str | None, float]]:
    """(token index, best candidate or None, P(swap)) of every checked word of the document, worked out
    once per document (``Document.memo``): the unit and the spin score both read them."""
    if MEMO_KEY not in document.memo:
        found = []
        for sentence in sentences(document):
            for index, scored in evidence(document, sentence):
                option, features = max(scored, key=lambda pair: score(pair[1]))
                found.append((index, option, score(features)))
        document.memo[MEMO_KEY] = found
    return document.memo[MEMO_KEY]


class SpinEvidence(NamedTuple):
    """What a text says about being spun (``spin_evidence``); every field adds up over the pieces of
    one document (``plus``), and ``spin_probability`` reads the sum."""

    deviation: float = 0.0  # the checked words' swap scores less the mean score of clean text, summed
    words: int = 0  # the checked words
    near_blends: int = 0  # blend findings whose two words are meaning neighbours
    other_blends: int = 0  # the other blend findings

    def plus(self, other: tuple) -> SpinEvidence:
        deviation, words, near, blends = SpinEvidence(*other)
        return SpinEvidence(
            self.deviation + deviation, self.words + words, self.near_blends + near, self.other_blends + blends
        )


def spin_evidence(scores: list[float], findings: Iterable[Finding] = ()) -> SpinEvidence:
    """What the swap scores of a text's checked words and its findings say about the whole text: the
    sum of the scores' deviations from the mean score of clean text, their number, and the blend
    findings among ``findings``, those of two meaning neighbours apart (``blend.of_near_synonyms``)."""
    blends = [finding for finding in findings if finding.kind == "blend"]
    near = sum(of_near_synonyms(finding) for finding in blends)
    return SpinEvidence(sum(p - SPIN_CLEAN_MEAN for p in scores), len(scores), near, len(blends) - near)


def spin_probability(evidence: tuple) -> float:
    """P(the text was spun), from ``spin_evidence`` (a ``SpinEvidence``, or its first fields).

    One word's score says little (a swap fits only somewhat worse than its original), but a spun page
    has swaps throughout, which lifts the mean score of all its words. On clean text the scores have
    the mean ``SPIN_CLEAN_MEAN`` and spread ``SPIN_CLEAN_SPREAD`` measured on clean tune sentences, so
    z = Σ(p − mean) / (spread · √n) is near 0 (within ±2 on most pages, by the central limit theorem),
    while on a spun page it grows as √n. A logistic map from z to a probability, fitted at even odds
    on pseudo-documents of ten tune sentences, spun or clean (``benchmarks/spinner.py --tune``), gives
    the score: a few sentences tell little, a page tells more.

    A blend is a spinner's paste that clean text hardly ever shows, so each blend finding adds its
    log likelihood ratio to the log odds: ``NEAR_BLEND_LOG_ODDS`` for one of two meaning neighbours,
    ``OTHER_BLEND_LOG_ODDS`` for another, the log of its rate per checked word on a spun page over
    that on a clean one (``benchmarks/spinner.py --tune --blends``), the findings of a page taken as
    independent. A page without blends is scored on its swaps alone: a spinner that pastes whole
    words leaves none, so their absence says little of the page, where counting it (the Poisson
    term of a blending spinner's rate) would mark down every spun page of a spinner that does not
    blend."""
    deviation, words, near, other = SpinEvidence(*evidence)
    z = deviation / (SPIN_CLEAN_SPREAD * math.sqrt(words)) if words else 0.0
    return _logistic(SPIN_BIAS + SPIN_WEIGHT * z + NEAR_BLEND_LOG_ODDS * near + OTHER_BLEND_LOG_ODDS * other)


def in_document(score: float, spun: float) -> float:
    """P(swap) of a word with swap score ``score`` on a page spun with probability ``spun``.

    The word model was fitted where a share ``TUNE_BASE_RATE`` of the words were swaps; on a spun
    page the share is ``SPIN_SHARE``, on a clean page none. So the score's odds are moved to the spun
    page's base rate, and the result weighed by how likely the page is spun: a suspicious word on a
    page that reads spun throughout is likelier a swap than the same word on a page that reads clean."""
    if score >= 1.0:
        return spun
    odds = score / (1 - score) * (SPIN_SHARE / (1 - SPIN_SHARE)) / (TUNE_BASE_RATE / (1 - TUNE_BASE_RATE))
    return spun * odds / (1 + odds)


def _logistic(log_odds: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, log_odds))))


def detect(document):
    scores = word_scores(document)
    spun = spin_probability(spin_evidence([probability for _, _, probability in scores]))
    for index, option, score in scores:
        probability = in_document(score, spun)
        if probability >= REPORT_AT:
            token = document.tokens[index]
            suggestions = [] if option is None else [Suggestion(match_case(token.text, option), probability, SOURCE)]
            yield Finding(token.start, token.stop, token.text, KIND, suggestions)


DETECTOR = Detector(
    "swap",
    (KIND,),
    "a real word a spinner put in place of a near-synonym that fits the sentence better («министр зарубежных дел»)",
    detect,
    # The screen's test: the checks of ``_checked`` and ``evidence`` that need no context.
    Triggers(
        words=lambda word, lexicon: len(word) >= MIN_LENGTH and "-" not in word and _reading(lexicon, word) is not None
    ),
    auto_fix=False,
)
