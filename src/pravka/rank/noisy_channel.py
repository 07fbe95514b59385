"""Noisy-channel ranking of one word's candidates, with a calibrated confidence.

Score of a candidate (log10 units) = log P(candidate) − cost(damage that turns it into the typed word).
P(candidate) is its wordfreq Zipf frequency (a dictionary form wordfreq never saw counts as rare); a
run of words from a split is priced as independent words, each junction raised by a typical association
and the whole kept below the rarest word. The typed word itself competes as a
"keep" option, scored by its own frequency in web text: a misspelling that people make often
(«росийской», zipf 1.65) still loses clearly to «российской», but an informal word the dictionary lacks
(«нефиг») keeps enough probability mass that no fix is confident. A string web text never showed that
a suffix derives from a dictionary lemma («хоровод|ов|ые», ``Lexicon.derived_by_suffix``) is
kept like a dictionary form web text never showed: «хор оводовые» is no sure reading of it. A unit
that knows more of the typed word than its frequency moves the keep option by that
(``discount_keep``).

Confidence of a candidate = its share of 10^score among all candidates and the keep option: a
posterior under the model. The threshold that ``fix`` applies is calibrated on data (see README).
"""

from __future__ import annotations

from dataclasses import replace

from ..types import Suggestion

UNSEEN_FORM_ZIPF = 1.0  # a dictionary form wordfreq never saw
UNSEEN_WORD_ZIPF = 0.0  # the typed word, if wordfreq never saw it either: it may still be a rare real word
LONG_WORD = 12
UNSEEN_LENGTH_PENALTY = 0.1
PAIR_ASSOCIATION = 4.0  # log10 P(a b) ≈ zipf(a) + zipf(b) − 9 + association; words that follow each other do so often
PAIR_BELOW_RARER = 0.7
MAX_SUGGESTIONS = 5


def candidate_logprob(text: str, lexicon) -> float:
    if " " in text:
        parts = [max(lexicon.zipf(part), UNSEEN_FORM_ZIPF) for part in text.split(" ")]
        junctions = len(parts) - 1
        # A run of words is never more frequent than its rarest word, and less so the longer it is.
        return min(sum(parts) + junctions * (PAIR_ASSOCIATION - 9), min(parts) - junctions * PAIR_BELOW_RARER)
    return max(lexicon.zipf(text), UNSEEN_FORM_ZIPF)


def rank(word: str, candidates, lexicon, context_bonus=None) -> list[Suggestion]:
    seen = lexicon.zipf(word)
    if seen > 0:
        keep_score = seen
    elif lexicon.derived_by_suffix(word.lower()):
        keep_score = UNSEEN_FORM_ZIPF
    else:  # a string web text never contained is less likely a real word the longer it is
        keep_score = UNSEEN_WORD_ZIPF - UNSEEN_LENGTH_PENALTY * max(0, len(word) - LONG_WORD)
    scored = []
    for candidate in candidates:
        score = candidate_logprob(candidate.text, lexicon) - candidate.cost
        if context_bonus is not None:
            score += context_bonus(candidate.text)
        scored.append((score, candidate))
    if not scored:
        return []
    scored.sort(key=lambda pair: -pair[0])
    top = scored[0][0]
    keep_mass = 10 ** (keep_score - top)
    total = keep_mass + sum(10 ** (score - top) for score, _ in scored)
    return [
        Suggestion(candidate.text, 10 ** (score - top) / total, candidate.source, (*candidate.rules, "noisy-channel"))
        for score, candidate in scored[:MAX_SUGGESTIONS]
    ]


def discount_keep(suggestions: list[Suggestion], log10_factor: float) -> list[Suggestion]:
    """The same posterior with the keep option's mass (what the suggestions leave of 1) scaled by
    10^``log10_factor``: as if the typed word's own score were that much lower."""
    mass = sum(s.confidence for s in suggestions)
    keep = max(0.0, 1.0 - mass) * 10**log10_factor
    if mass <= 0:
        return suggestions
    return [replace(s, confidence=s.confidence / (mass + keep)) for s in suggestions]
