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
   ``fit_gain`` = fit(c) − fit(w), the gain in mean cosine with the context vectors;
   ``usage_gain`` = how much better the usage model's word pairs and the grammar rules like *c*
   between *w*'s neighbours (``confusion.context_gain``, log10 units): the broken collocation;
   ``zipf_gain`` = how much more often news text uses *c* than *w*, and ``rarity`` = how rarely it uses
   *w* at all (navec's counts, log10 per billion words).
3. **Score** — a logistic model over that evidence, ``P(swap) = σ(b + Σ wᵢ·xᵢ)``, its weights fitted on
   pravka's own tune-side spinner (``benchmarks/spinner.py --tune``: SpellRuEval tune and GERA train
   sentences with words swapped for Wiktionary synonyms, never the held-out simulator's thesaurus).
   The candidate with the highest score is the suggestion; the word is reported when its score
   reaches ``REPORT_AT`` (chosen there for few false alarms on clean sentences). Calibration
   (``pravka.calibration``) maps the score as any other; swaps are only offered, never applied by
   ``fix`` on their own (``auto_fix=False``): a wrong automatic swap would change what the text says.

Speed: every word's reading and candidates are cached per process, a sentence's vectors are decoded
in one array look-up, and the screen (``detect.screen``) skips lines where no word could reach
``REPORT_AT`` even with the best context (``_may_report``).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from ..meaning import shared_model
from ..ru.alphabet import match_case
from ..ru.punctuation import SENTENCE_END
from ..types import Finding, Suggestion
from .base import Detector, Triggers
from .confusion import context_gain

KIND = "swap"
SOURCE = "meaning"
MIN_LENGTH = 4
WINDOW = 4  # content words of context on each side
CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS", "VERB", "INFN", "ADVB", "PRTF", "PRTS", "GRND", "COMP"})
NAME_MARKS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "NUMR", "PRED"})
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
)
# Fitted by ``benchmarks/spinner.py --tune`` (logistic regression on the tune-side spinner).
BIAS = -2.121
WEIGHTS = (3.625, 0.585, 0.170, 0.248, -8.017, 0.207, 1.065, 0.016, 1.775)
# On the tune-side spinner: 0.35 → 1.66 clean false alarms per 1,000 words, 0.40 → 1.02, 0.45 → 0.60
# (recall 1.7, 1.0, 0.6 %).
REPORT_AT = 0.4
# The document score (``spin_probability``), fitted by ``benchmarks/spinner.py --tune``.
# On tune pseudo-documents of 10 sentences: 62 % right at 0.5 (spun ≥ 0.5: 62 %, clean: 37 %).
SPIN_CLEAN_MEAN = 0.0370
SPIN_CLEAN_SPREAD = 0.0482
SPIN_BIAS = -0.222
SPIN_WEIGHT = 0.485
USAGE_CANDIDATES = 2


@lru_cache(maxsize=CACHE_SIZE)
def _reading(lexicon, word: str):
    """The most likely pymorphy3 parse of a lower-case word, or None when it is a function word, a
    name, or not a content word at all."""
    parse = lexicon.morph.parse(word)[0]
    tag = parse.tag
    if tag.POS not in CONTENT_POS or NAME_MARKS & tag.grammemes:
        return None
    return parse


@lru_cache(maxsize=CACHE_SIZE)
def _is_function_word(lexicon, word: str) -> bool:
    return lexicon.morph.parse(word)[0].tag.POS in FUNCTION_POS


@lru_cache(maxsize=CACHE_SIZE)
def _pivot(lexicon, word: str) -> str | None:
    """The word whose vector stands for ``word``: itself, else the form of its lexeme that news text
    uses most among those with a vector (a rare form of a common word), else None."""
    model = shared_model()
    if model.vector_id(word) is not None:
        return word
    parse = _reading(lexicon, word)
    if parse is None:
        return None
    forms = [form.word for form in parse.lexeme if model.vector_id(form.word) is not None]
    return max(forms, key=model.news_zipf, default=None)


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
        for reading in lexicon.morph.parse(neighbour):
            if reading.tag.POS != parse.tag.POS or reading.normal_form == parse.normal_form:
                continue
            if NAME_MARKS & reading.tag.grammemes:  # navec writes names in lower case («керри»)
                break
            inflected = reading.inflect(wanted) if wanted else reading
            if inflected is not None and inflected.word != word and lexicon.is_known(inflected.word):
                found.append(inflected.word)
                break
    return tuple(dict.fromkeys(found))


def sentences(document) -> list[list[int]]:
    """The word token indices of each sentence (cut at sentence-ending marks and line breaks)."""
    found: list[list[int]] = []
    current: list[int] = []
    tokens, text = document.tokens, document.text
    for index, token in enumerate(tokens):
        if index and "\n" in text[tokens[index - 1].stop : token.start] and current:
            found.append(current)
            current = []
        if token.kind == "word":
            current.append(index)
        elif token.kind == "punct" and token.text[-1] in SENTENCE_END and current:
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


def evidence(document, sentence: list[int]) -> list[tuple[int, list[tuple[str, np.ndarray]]]]:
    """(token index, [(candidate, feature vector), …]) of each checked word of one sentence that has
    candidates and a context (the features in ``FEATURES`` order). The usage model is asked only about
    the ``USAGE_CANDIDATES`` candidates that score best without it (its look-ups are the slow part)."""
    lexicon, model = document.lexicon, shared_model()
    words = [document.word(i) or "" for i in sentence]
    content = [
        k for k, word in enumerate(words) if model.vector_id(word) is not None and not _is_function_word(lexicon, word)
    ]
    weights = np.asarray(WEIGHTS)
    found = []
    for position, index in enumerate(sentence):
        if not _checked(document, index, position):
            continue
        word = words[position]
        options = [option for option in candidates(lexicon, word) if model.vector_id(option) is not None]
        pivot = _pivot(lexicon, word)
        before = [k for k in content if k < position][-WINDOW:]
        after = [k for k in content if k > position][:WINDOW]
        if not options or pivot is None or not before + after:
            continue
        cosines = model.similarities([pivot, *options], [words[k] for k in before + after])
        similarities = model.similarities(options, [pivot])
        if cosines is None or similarities is None:  # never: every word here has a vector
            continue
        near = [j for j, k in enumerate(before + after) if abs(k - position) <= 2]
        fits, partners = cosines.mean(axis=1), cosines.max(axis=1)
        nears = cosines[:, near].mean(axis=1) if near else np.zeros(len(cosines))
        rarity = -model.news_zipf(word)
        features = np.zeros((len(options), len(FEATURES)))
        features[:, 0] = fits[1:] - fits[0]
        features[:, 2] = [model.news_zipf(option) + rarity for option in options]
        features[:, 3] = rarity
        features[:, 4] = fits[0]
        features[:, 5] = float(model.vector_id(word) is None)
        features[:, 6] = similarities[:, 0]
        features[:, 7] = partners[1:] - partners[0]
        features[:, 8] = nears[1:] - nears[0]
        best = np.argsort(-(features @ weights), kind="stable")[:USAGE_CANDIDATES]
        if document.context is not None:
            left, right = document.neighbours(index)
            for k in best:
                features[k, 1] = context_gain(document.context, word, options[k], left, right)
        found.append((index, [(options[k], features[k]) for k in best]))
    return found


def score(features: np.ndarray) -> float:
    """P(swap) of one (word, candidate) pair's evidence (the logistic model of the module docstring)."""
    z = BIAS + float(np.dot(WEIGHTS, features))
    return 1.0 / (1.0 + math.exp(-z))


def word_scores(document) -> list[tuple[int, str, float]]:
    """(token index, best candidate, P(swap)) of every checked word of the document."""
    found = []
    for sentence in sentences(document):
        for index, scored in evidence(document, sentence):
            probability, option = max((score(features), option) for option, features in scored)
            found.append((index, option, probability))
    return found


def spin_evidence(scores: list[float]) -> tuple[float, int]:
    """What the swap scores of a text's checked words say about the whole text: (the sum of their
    deviations from the mean score of clean text, their number). Both add up over the pieces of a
    document; ``spin_probability`` reads them."""
    return sum(p - SPIN_CLEAN_MEAN for p in scores), len(scores)


def spin_probability(evidence: tuple[float, int]) -> float:
    """P(the text was spun), from ``spin_evidence``.

    One word's score says little (a swap fits only somewhat worse than its original), but a spun page
    has swaps throughout, which lifts the mean score of all its words. On clean text the scores have
    the mean ``SPIN_CLEAN_MEAN`` and spread ``SPIN_CLEAN_SPREAD`` measured on clean tune sentences, so
    z = Σ(p − mean) / (spread · √n) is near 0 (within ±2 on most pages, by the central limit theorem),
    while on a spun page it grows as √n. A logistic map from z to a probability, fitted at even odds
    on pseudo-documents of ten tune sentences, spun or clean (``benchmarks/spinner.py --tune``), gives
    the score: a few sentences tell little, a page tells more."""
    total, count = evidence
    if count == 0:
        return spin_logistic(0.0)
    return spin_logistic(total / (SPIN_CLEAN_SPREAD * math.sqrt(count)))


def spin_logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, SPIN_BIAS + SPIN_WEIGHT * z))))


def detect(document):
    for index, option, probability in word_scores(document):
        if probability >= REPORT_AT:
            token = document.tokens[index]
            suggestion = Suggestion(match_case(token.text, option), probability, SOURCE)
            yield Finding(token.start, token.stop, token.text, KIND, [suggestion])


DETECTOR = Detector(
    "swap",
    (KIND,),
    "a real word a spinner put in place of a near-synonym that fits the sentence better («министр зарубежных дел»)",
    detect,
    # The screen's test: the checks of ``_checked`` and ``evidence`` that need no context.
    Triggers(
        words=lambda word, lexicon: len(word) >= MIN_LENGTH and "-" not in word and bool(candidates(lexicon, word))
    ),
    auto_fix=False,
)
