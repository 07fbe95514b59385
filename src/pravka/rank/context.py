"""Context: re-rank a word's candidates by how well each fits its neighbours.

The noisy channel ranks candidates for a word in isolation; the sentence often tells them apart. Two
sources of evidence, both in log10 units added to a candidate's score:

* grammar, from pymorphy3's tags — a preposition governs the case of what follows («с той стороны»:
  genitive or instrumental; «в» + accusative or locative), an adjective or participle agrees with the
  noun next to it in case and number, a verb after a personal pronoun agrees with it in person and
  number («ты будеш» → «будешь», not «будет»; «он учицца» → «учится», not «учиться»). A candidate
  that can satisfy the neighbour gets a bonus, one that cannot a penalty; a candidate the neighbour
  says nothing about is left alone. An infinitive after a word that takes one gets the bonus too
  («помог развится» → «развиться», not «развития»; ``ru.grammar.takes_infinitive``). The pronoun
  need not stand next to the verb: up to ``SUBJECT_SPAN`` words back within the clause, with no verb
  or conjunction between, it is the clause's subject (``clause_subject``: «ты мне нравишся» →
  «нравишься», not the commoner «нравится», which «мне» alone would choose). A word joined to another
  by «и» or «или» takes its case (``coordinated_words``): a candidate of the other's case and, for
  adjectives, number gets the bonus («Мужчиты и женщины» → «Мужчины», not «Муж читы»; «третьим и
  четвёрты» speaks for «четвёртым»); one that does not is left alone, since «и» may join it to a word
  further away («дом отца и мать»).
* a word n-gram model: the usage model shipped with pravka (``pravka.usage``), with the user's own
  ``pravka learn`` model mixed into it when one is given: the smoothed probability of the candidate
  between its left and right neighbours. For a run of words from a split the model also knows how
  often the words follow each other, which the noisy channel could only guess from their frequencies
  (``run_correction``): «во стать», one slip from «восстать», is two common words that almost never
  meet. Only a run with a short function word is priced so: a function word's neighbours are well
  sampled in the model's 8M words, while two content words are too sparse for their absence to count
  («тело пациента», «отёк голени» never occur there; pricing every run took the medical
  missing-space tune set's fix F1 from 90.3 to 88.5, content words glued no longer reported).

Before scoring, a hyphenated suggestion that edited text does not write so is spelt as it does
(``edited_spelling``, by the usage model's one hyphen rule, ``usage.hyphen_spellings``): the
dictionary lists a few such forms («то-есть») that edited text writes apart.

The typed word keeps its share of probability (the "keep" mass, the part of 1 that no suggestion
claims), and all shares are renormalised, so confidences stay comparable with the threshold.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..ru.alphabet import match_case
from ..ru.grammar import AGREEING, CASED, COORDINATING, GOVERNMENT, SHORT_FUNCTION_WORDS, takes_infinitive
from ..ru.words import word_set
from ..usage import hyphen_spellings
from .noisy_channel import candidate_logprob

PERSONAL_PRONOUNS = word_set("rank.context.personal_pronouns")
VERB_FORMS = frozenset({"VERB", "INFN"})

BONUS = 0.4
SUBJECT_SPAN = 4  # words looked back for the clause's subject pronoun
# A verb or a conjunction between a pronoun and the word ends the pronoun's claim: in «я думаю он
# придёт» the pronoun has a verb of its own, in «ты и он пришли» the conjunction joins it to another.
# (A comma ends the clause before: ``Document.words_before`` stops there.)
NOT_BETWEEN_SUBJECT_AND_VERB = frozenset({"VERB", "INFN", "CONJ", "PRTF", "PRTS", "GRND"})
PENALTY = -0.6
RUN_WEIGHT = 0.5  # tune half and GERA train: 0.25 and 1.0 ranked a few runs fewer first
CONTEXT_WEIGHT = 0.5  # on the SpellRuEval tune half 0.25 and 0.5 tie with the usage model (benchmarks/lm_gain.py)


class Context:
    """Scores candidates at one position of a tokenized text."""

    def __init__(self, lexicon, model=None):
        self.lexicon = lexicon
        self.model = model
        self._tags = lru_cache(maxsize=50_000)(self._parse_tags)

    def _parse_tags(self, word: str) -> tuple:
        return tuple(p.tag for p in self.lexicon.parses(word)[:4])

    def clause_subject(self, before) -> str | None:
        """The personal pronoun that is the subject of the clause whose words before a candidate are
        ``before`` (nearest first), when it is not the nearest (``grammar`` reads that one as the
        left neighbour) and no verb or conjunction stands between; else None."""
        for distance, word in enumerate(before):
            if distance > 0 and word in PERSONAL_PRONOUNS:
                return word
            tags = self._tags(word)
            if not tags or tags[0].POS in NOT_BETWEEN_SUBJECT_AND_VERB or word in PERSONAL_PRONOUNS:
                return None
        return None

    @staticmethod
    def coordinated_words(before, after) -> tuple[str, ...]:
        """The words that «и» or «или» joins a candidate to, given the words before it and after it in
        its clause (each nearest first): «третьим» in «третьим и [четвёрты]», «женщины» in «[мужчиты]
        и женщины»."""
        return tuple(words[1] for words in (before, after) if len(words) > 1 and words[0] in COORDINATING)

    def grammar(
        self, candidate: str, left: str | None, right: str | None, subject: str | None = None, coordinated=()
    ) -> float:
        """The grammar evidence for ``candidate`` between ``left`` and ``right`` (module docstring),
        with ``subject`` the clause's subject pronoun further back, if any (``clause_subject``), and
        ``coordinated`` the words «и» or «или» joins it to (``coordinated_words``)."""
        if " " in candidate or "-" in candidate:
            return 0.0
        tags = self._tags(candidate)
        score = 0.0
        if subject is not None:
            score += self._person_agreement(subject, tags)
        if any(_same_form(tags, self._tags(other)) for other in coordinated):
            score += BONUS
        if left is not None and left in GOVERNMENT:
            cases = GOVERNMENT[left]
            score += BONUS if any(t.case in cases for t in tags if t.POS in CASED) else PENALTY
        elif left is not None and left in PERSONAL_PRONOUNS:
            score += self._person_agreement(left, tags)
        elif left is not None and any(t.POS == "INFN" for t in tags[:1]) and takes_infinitive(self.lexicon, left):
            score += BONUS
        elif left is not None:
            left_tags = self._tags(left)
            if any(t.POS in AGREEING for t in left_tags[:1]) and any(t.POS == "NOUN" for t in tags):
                score += BONUS if _agree(left_tags, tags) else PENALTY / 2
        if right is not None and any(t.POS in AGREEING for t in tags[:1]):
            right_tags = self._tags(right)
            if any(t.POS == "NOUN" for t in right_tags[:1]):
                score += BONUS if _agree(tags, right_tags) else PENALTY / 2
        return score

    def _person_agreement(self, pronoun: str, tags) -> float:
        """The bonus of a verb candidate (``tags``) that the personal pronoun can be the subject of, the
        penalty of one it cannot; 0 for a candidate that is no verb."""
        if not any(t.POS in VERB_FORMS for t in tags[:1]):
            return 0.0
        return BONUS if any(_agrees_with_subject(self._tags(pronoun)[0], t) for t in tags) else PENALTY / 2

    def score(
        self, candidate: str, left: str | None, right: str | None, subject: str | None = None, coordinated=()
    ) -> float:
        score = self.grammar(candidate.lower(), left, right, subject, coordinated)
        if self.model is not None:
            score += CONTEXT_WEIGHT * self.model.context_logprob(candidate.lower(), left, right)
            if " " in candidate and SHORT_FUNCTION_WORDS.intersection(candidate.lower().split(" ")):
                score += RUN_WEIGHT * self.run_correction(candidate.lower())
        return score

    def run_correction(self, run: str) -> float:
        """How much likelier the usage model finds a run of words («во стать», «в виде») than the noisy
        channel's guess from their frequencies (``noisy_channel.candidate_logprob``), in log10 units;
        0 when the model never saw one of them."""
        words = run.split(" ")
        first = self.lexicon.zipf(words[0])
        following = self.model.run_logprob(words) if first > 0 else None
        return 0.0 if following is None else first + following - candidate_logprob(run, self.lexicon)

    def edited_spelling(self, text: str) -> str:
        """``text``, or the spelling edited text prefers to it when it is a hyphenated form that edited
        text does not write so (``usage.hyphen_spellings``): the dictionary lists «то-есть», the usage
        model has «то есть» 2,321 times and «то-есть» never."""
        if self.model is None or "-" not in text or " " in text:
            return text
        preferred = hyphen_spellings(text.lower(), self.model, self.lexicon)
        return match_case(text, preferred[0][0]) if preferred else text

    def rerank(self, typed: str, suggestions: list, left: str | None, right: str | None, before=(), after=()) -> list:
        """``suggestions`` for ``typed`` re-weighted by ``score`` and renormalised with the keep mass,
        best first; ``before`` and ``after`` are the words before and after it in its clause, nearest
        first, read for its subject (``clause_subject``) and the words it is coordinated with
        (``coordinated_words``)."""
        if len(suggestions) == 0:
            return suggestions
        subject = self.clause_subject(before)
        coordinated = self.coordinated_words(before, after)
        texts = {s.text for s in suggestions}
        respelt = [self.edited_spelling(s.text) for s in suggestions]
        suggestions = [
            s if text == s.text or text in texts else replace(s, text=text)
            for s, text in zip(suggestions, respelt, strict=True)
        ]
        keep = max(0.0, 1.0 - sum(s.confidence for s in suggestions))
        if self.model is not None:
            keep *= 10 ** (CONTEXT_WEIGHT * self.model.context_logprob(typed.lower(), left, right))
        weights = [s.confidence * 10 ** self.score(s.text, left, right, subject, coordinated) for s in suggestions]
        total = keep + sum(weights)
        if total <= 0:
            return suggestions
        ranked = [replace(s, confidence=w / total) for s, w in zip(suggestions, weights, strict=True)]
        ranked.sort(key=lambda s: -s.confidence)
        return ranked


def _agrees_with_subject(pronoun, verb) -> bool:
    """A finite verb form that the personal pronoun can be the subject of («мы шли», «она шла»)."""
    if verb.POS != "VERB" or verb.mood == "impr" or verb.number != pronoun.number:
        return False
    if verb.tense == "past":
        return verb.number == "plur" or pronoun.gender is None or verb.gender == pronoun.gender
    return verb.person == pronoun.person


def _same_form(candidate_tags, other_tags) -> bool:
    """A reading of the candidate and one of the other word that coordination can join: both nouns, or
    both adjectives or participles, in one case (adjectives in one number too: «третьим и четвёртым»,
    but «мужчины и женщина»)."""
    for c in candidate_tags:
        for o in other_tags:
            if c.case is None or c.case != o.case:
                continue
            if (c.POS == o.POS == "NOUN") or (c.POS in AGREEING and o.POS in AGREEING and c.number == o.number):
                return True
    return False


def _agree(adjective_tags, noun_tags) -> bool:
    for a in adjective_tags:
        if a.POS not in AGREEING:
            continue
        for n in noun_tags:
            if n.POS == "NOUN" and a.case == n.case and a.number == n.number:
                if a.number == "plur" or a.gender is None or n.gender is None or a.gender == n.gender:
                    return True
    return False
