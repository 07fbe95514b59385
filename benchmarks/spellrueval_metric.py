"""The SpellRuEval-2016 metric (a.k.a. "ruspelleval"), written from its published description.

What it measures
----------------
Word-level corrections. For every sentence we know the source, the gold correction and a system's
answer. Both the gold and the answer are turned into a set of *corrections*: groups of source words
``source[i:j]`` replaced by some other words. A correction is keyed by ``(sentence_no, i, j)`` and its
value is the tuple of corrected words. Then, micro-averaged over the corpus::

    TP        = answer corrections whose key is also a gold key with the very same corrected words
    precision = TP / number of answer corrections
    recall    = TP / number of gold corrections
    F1        = 2PR / (P + R)

A wrong fix of a real error counts against precision *and* recall; changing a correct word counts
against precision only; leaving an error alone counts against recall only.

How it is computed
------------------
1. Tokenize: split on whitespace; lowercase each token, ``ё`` -> ``е``, strip leading and trailing
   characters that are neither letters nor digits, drop tokens that become empty. Punctuation, case
   and ё therefore never count.
2. Align the source words with the corrected words (gold or answer):

   * a word-level Levenshtein alignment with substitution cost 1.9 and insertion/deletion cost 1
     (kept in tenths, 19 and 10, so that no float is ever compared); the identical-word matches of one
     optimal path are the *anchors*. As in the reference scorer, a table cell whose two words are equal
     is entered only diagonally; among the optimal paths left we trace back from the end preferring
     diagonal steps, then deletions;
   * each stretch between two anchors is split into the smallest groups a character-level alignment
     allows: the words on both sides are joined with single spaces, a character Levenshtein alignment
     (unit costs; a cell whose two characters are equal is entered only diagonally) is computed, and a
     group may end after source word ``p`` and corrected word ``q`` when some optimal path passes
     through the cell where both of those words end. Among the optimal paths we take the one that
     yields the most groups (the finest split), ties broken towards earlier boundaries. A stretch with
     at most one word on either side is one group.
   * for the answer, groups are then merged so that a span of source words the gold treats as one
     correction (for example a 2 -> 1 merge «не понятно» -> «непонятно») is one group in the answer as
     well whenever the answer's groups start and end exactly at that span's borders. This is what makes
     the same merge or split in gold and answer share a key.
3. Keep only the groups whose source words differ from their corrected words.

The reference scorer (SpellRuEval's ``evaluate.py``) enumerates all optimal paths and picks one of the
resulting partitions from an unordered set; we make that choice deterministic (finest partition), as
described above. Everything else follows the published algorithm.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Sequence

WORD_SUBSTITUTION_COST = 19  # 1.9, in tenths
WORD_INDEL_COST = 10  # 1.0, in tenths

Key = tuple[int, int]  # (src_start, src_end) within one sentence
Corrections = dict[Key, tuple[str, ...]]


# --------------------------------------------------------------------------- tokenization


def _is_letter_or_digit(char: str) -> bool:
    return char.isalpha() or char.isdigit()


def normalize_token(token: str) -> str:
    """Lowercase, ё -> е, and strip non-alphanumeric characters from both ends."""
    word = token.lower().replace("ё", "е")
    start, end = 0, len(word)
    while start < end and not _is_letter_or_digit(word[start]):
        start += 1
    while end > start and not _is_letter_or_digit(word[end - 1]):
        end -= 1
    return word[start:end]


def tokenize(text: str) -> list[str]:
    """The metric's words of ``text`` (see the module docstring, step 1)."""
    words = []
    for token in text.split():
        word = normalize_token(token)
        if word:
            words.append(word)
    return words


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True, slots=True)
class Group:
    """``source[src_start:src_end]`` corresponds to ``corrected[cor_start:cor_end]``."""

    src_start: int
    src_end: int
    cor_start: int
    cor_end: int


def _word_anchors(source: Sequence[str], corrected: Sequence[str]) -> list[tuple[int, int]]:
    """Identical-word matches (source index, corrected index) on one optimal word-level path.

    As in the reference scorer, a cell whose two words are equal is entered only diagonally, so with
    a repeated word («в в» -> «в») the path deletes the first copy and matches the second. Among the
    remaining optimal paths we trace back from the end preferring diagonal steps, then deletions.
    """
    m, n = len(source), len(corrected)
    # cost[i][j] = weighted edit distance between source[:i] and corrected[:j]
    cost = [[0] * (n + 1) for _ in range(m + 1)]
    for j in range(1, n + 1):
        cost[0][j] = j * WORD_INDEL_COST
    for i in range(1, m + 1):
        row, above = cost[i], cost[i - 1]
        row[0] = i * WORD_INDEL_COST
        for j in range(1, n + 1):
            if source[i - 1] == corrected[j - 1]:
                row[j] = above[j - 1]
            else:
                row[j] = min(
                    above[j - 1] + WORD_SUBSTITUTION_COST,
                    above[j] + WORD_INDEL_COST,
                    row[j - 1] + WORD_INDEL_COST,
                )
    anchors = []
    i, j = m, n
    while i > 0 or j > 0:
        here = cost[i][j]
        if i > 0 and j > 0 and source[i - 1] == corrected[j - 1]:
            anchors.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and j > 0 and cost[i - 1][j - 1] + WORD_SUBSTITUTION_COST == here:
            i, j = i - 1, j - 1
        elif i > 0 and cost[i - 1][j] + WORD_INDEL_COST == here:
            i -= 1
        else:
            j -= 1
    return anchors[::-1]


def _word_ends(words: Sequence[str]) -> list[int]:
    """Character offsets, in ``" ".join(words)``, just after each word (index k -> after word k-1)."""
    ends = [0]
    position = -1
    for word in words:
        position += len(word) + 1
        ends.append(position)
    return ends


def _split_stretch(source: Sequence[str], corrected: Sequence[str]) -> list[tuple[int, int]]:
    """Boundaries ``[(0, 0), ..., (m, n)]`` of the finest split of one stretch between anchors."""
    m, n = len(source), len(corrected)
    if m <= 1 or n <= 1:
        return [(0, 0), (m, n)]
    left, right = " ".join(source), " ".join(corrected)
    rows, cols = len(left), len(right)
    # Character Levenshtein table with, for each cell, the predecessors on optimal prefix paths.
    dist = [[0] * (cols + 1) for _ in range(rows + 1)]
    preds: list[list[tuple[tuple[int, int], ...]]] = [[()] * (cols + 1) for _ in range(rows + 1)]
    for j in range(1, cols + 1):
        dist[0][j] = j
        preds[0][j] = ((0, j - 1),)
    for i in range(1, rows + 1):
        dist[i][0] = i
        preds[i][0] = ((i - 1, 0),)
        for j in range(1, cols + 1):
            if left[i - 1] == right[j - 1]:
                dist[i][j] = dist[i - 1][j - 1]
                preds[i][j] = ((i - 1, j - 1),)
                continue
            diagonal, from_left, from_above = dist[i - 1][j - 1], dist[i][j - 1], dist[i - 1][j]
            best = min(diagonal, from_left, from_above) + 1
            dist[i][j] = best
            preds[i][j] = tuple(
                cell
                for cell, value in (((i - 1, j - 1), diagonal), ((i, j - 1), from_left), ((i - 1, j), from_above))
                if value + 1 == best
            )

    def ancestors(cell: tuple[int, int]) -> set[tuple[int, int]]:
        seen = {cell}
        queue = deque([cell])
        while queue:
            for previous in preds[queue[0][0]][queue[0][1]]:
                if previous not in seen:
                    seen.add(previous)
                    queue.append(previous)
            queue.popleft()
        return seen

    on_optimal_path = ancestors((rows, cols))
    left_ends, right_ends = _word_ends(source), _word_ends(corrected)
    # Candidate boundaries: (p, q) word counts whose end cell lies on an optimal path.
    candidates = [
        (p, q)
        for p in range(1, m + 1)
        for q in range(1, n + 1)
        if (left_ends[p], right_ends[q]) in on_optimal_path
    ]
    # Longest chain (strictly increasing in p and q) of candidates that one optimal path visits.
    best_length: dict[tuple[int, int], int] = {}
    best_previous: dict[tuple[int, int], tuple[int, int] | None] = {}
    for candidate in candidates:  # already sorted by (p, q)
        reachable = ancestors((left_ends[candidate[0]], right_ends[candidate[1]]))
        length, previous = 1, None
        for earlier in candidates:
            if earlier[0] >= candidate[0]:
                break
            if earlier[1] >= candidate[1] or earlier not in best_length:
                continue
            if (left_ends[earlier[0]], right_ends[earlier[1]]) not in reachable:
                continue
            if best_length[earlier] + 1 > length:
                length, previous = best_length[earlier] + 1, earlier
        best_length[candidate], best_previous[candidate] = length, previous
    chain = []
    cursor: tuple[int, int] | None = (m, n)
    while cursor is not None:
        chain.append(cursor)
        cursor = best_previous[cursor]
    chain.append((0, 0))
    return chain[::-1]


def _base_groups(source: Sequence[str], corrected: Sequence[str]) -> list[Group]:
    groups: list[Group] = []

    def add_stretch(src_from: int, src_to: int, cor_from: int, cor_to: int) -> None:
        if src_from == src_to and cor_from == cor_to:
            return
        bounds = _split_stretch(source[src_from:src_to], corrected[cor_from:cor_to])
        for (p0, q0), (p1, q1) in zip(bounds, bounds[1:]):
            groups.append(Group(src_from + p0, src_from + p1, cor_from + q0, cor_from + q1))

    src_pos = cor_pos = 0
    for i, j in _word_anchors(source, corrected):
        add_stretch(src_pos, i, cor_pos, j)
        groups.append(Group(i, i + 1, j, j + 1))
        src_pos, cor_pos = i + 1, j + 1
    add_stretch(src_pos, len(source), cor_pos, len(corrected))
    return groups


def _merge_to_spans(groups: list[Group], spans: Iterable[Key]) -> list[Group]:
    """Merge runs of groups that exactly cover one of ``spans`` (source word ranges) into one group."""
    merged: list[Group] = []
    k = 0
    for span_start, span_end in sorted(spans):
        while k < len(groups) and groups[k].src_start < span_start:
            merged.append(groups[k])
            k += 1
        if k == len(groups):
            break
        if groups[k].src_start != span_start:
            continue
        last = k
        while last < len(groups) and groups[last].src_end < span_end:
            last += 1
        if last == len(groups):
            break
        if groups[last].src_end != span_end:
            continue
        merged.append(Group(span_start, span_end, groups[k].cor_start, groups[last].cor_end))
        k = last + 1
    merged.extend(groups[k:])
    return merged


def align(
    source: Sequence[str], corrected: Sequence[str], forced_spans: Iterable[Key] = ()
) -> list[Group]:
    """All groups (identical ones included) of the alignment of two word lists, in source order."""
    groups = _base_groups(source, corrected)
    forced = list(forced_spans)
    if forced:
        groups = _merge_to_spans(groups, forced)
    return groups


def corrections(
    source: Sequence[str], corrected: Sequence[str], forced_spans: Iterable[Key] = ()
) -> Corrections:
    """Groups whose words changed: ``{(src_start, src_end): corrected words}``."""
    result: Corrections = {}
    for group in align(source, corrected, forced_spans):
        before = tuple(source[group.src_start : group.src_end])
        after = tuple(corrected[group.cor_start : group.cor_end])
        if before != after:
            result[(group.src_start, group.src_end)] = after
    return result


# --------------------------------------------------------------------------- scoring


@dataclass
class SentenceResult:
    """The gold and answer corrections of one sentence and how they compare."""

    source_words: list[str]
    gold: Corrections
    answer: Corrections

    @property
    def true_positives(self) -> list[Key]:
        return [key for key, words in self.answer.items() if self.gold.get(key) == words]

    @property
    def false_alarms(self) -> list[Key]:
        """Answer corrections of words the gold leaves alone (hurt precision only)."""
        return [key for key in self.answer if key not in self.gold]

    @property
    def wrong_fixes(self) -> list[Key]:
        """Gold errors the answer changed, but not to the gold words (hurt precision and recall)."""
        return [key for key, words in self.answer.items() if key in self.gold and self.gold[key] != words]

    @property
    def misses(self) -> list[Key]:
        """Gold corrections the answer does not touch at that key (hurt recall only)."""
        return [key for key in self.gold if key not in self.answer]

    def source_text(self, key: Key) -> str:
        return " ".join(self.source_words[key[0] : key[1]])


@dataclass
class Score:
    true_positives: int = 0
    answer_corrections: int = 0
    gold_corrections: int = 0

    @property
    def precision(self) -> float | None:
        """None when the answer made no correction at all (precision undefined)."""
        if self.answer_corrections == 0:
            return None
        return self.true_positives / self.answer_corrections

    @property
    def recall(self) -> float | None:
        """None when the gold has no correction at all (recall undefined)."""
        if self.gold_corrections == 0:
            return None
        return self.true_positives / self.gold_corrections

    @property
    def f1(self) -> float | None:
        precision, recall = self.precision, self.recall
        if precision is None or recall is None:
            return None
        if precision + recall == 0:
            return 0.0
        return 2 * precision * recall / (precision + recall)

    def as_dict(self) -> dict:
        return {
            "tp": self.true_positives,
            "answer_corrections": self.answer_corrections,
            "gold_corrections": self.gold_corrections,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def compare_sentence(source: str, gold: str, answer: str) -> SentenceResult:
    """Gold and answer corrections of one sentence (raw texts in, tokenized here)."""
    source_words = tokenize(source)
    gold_corrections = corrections(source_words, tokenize(gold))
    answer_corrections = corrections(source_words, tokenize(answer), forced_spans=gold_corrections.keys())
    return SentenceResult(source_words, gold_corrections, answer_corrections)


@dataclass
class Scorer:
    """Accumulates sentences; ``score`` is the micro-averaged SpellRuEval score so far."""

    score: Score = field(default_factory=Score)

    def add(self, source: str, gold: str, answer: str) -> SentenceResult:
        result = compare_sentence(source, gold, answer)
        self.score.true_positives += len(result.true_positives)
        self.score.answer_corrections += len(result.answer)
        self.score.gold_corrections += len(result.gold)
        return result


def evaluate(sources: Iterable[str], golds: Iterable[str], answers: Iterable[str]) -> Score:
    """SpellRuEval precision / recall / F1 of ``answers`` against ``golds`` over a whole corpus."""
    scorer = Scorer()
    for source, gold, answer in zip(sources, golds, answers, strict=True):
        scorer.add(source, gold, answer)
    return scorer.score
