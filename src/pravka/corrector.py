"""``Corrector``: the one object every shell (CLI, server, Scrapy, Dask) talks to.

Pipeline: tokenize → detect (each detector asks for candidates and their ranking when it needs them)
→ decide which findings are sure enough to fix → apply. A Corrector holds only its settings; the heavy
resources (dictionary, frequency and sound tables) are loaded on first use and shared by every Corrector
in the process with the same word lists, so pickling one to a worker process is cheap and the worker
loads its resources once.
"""

from __future__ import annotations

import os
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from .apply import apply_fixes, apply_fixes_with_spans
from .calibration import Evidence, shipped_calibration
from .candidates import generate
from .detect import DETECTORS, DETECTORS_BY_NAME, OPT_IN, Document, run_detectors
from .detect.hyphenation import invisible_finding
from .detect.screen import shared_screen
from .detect.swap import SpinEvidence, spin_evidence, spin_probability, word_scores
from .lexicon import shared_lexicon
from .parallel import WorkerPool
from .rank.noisy_channel import rank
from .ru.alphabet import fold, match_case
from .ru.punctuation import BYTE_ORDER_MARK, INVISIBLE
from .settle import changes_words, folded, shifted, windows
from .tokenize import MAX_WORD_LENGTH, MatchingView, tokenize
from .types import Finding, Suggestion

# A probability (confidences are calibrated: pravka.calibration). A wrong automatic fix costs more than
# a missed one: applying a fix right with probability p gains p and loses (1 - p) times that cost, so
# at a cost of 7/3 only fixes right at least 7 times in 10 are worth applying on their own. On the tune
# half (benchmarks/calibrate.py's cross-fitted sweep) auto-fix precision at 0.7 is 0.946; lower
# thresholds keep it above 0.925 and gain recall, but by fixes that are coin tosses one by one.
DEFAULT_THRESHOLD = 0.7
DEFAULT_REPORT_THRESHOLD = 0.5
SUGGESTION_CACHE_SIZE = 50_000
SETTLE_ROUNDS = 3  # fix passes around fixes that change words (see Corrector.check and pravka.settle)
BATCH_SIZE = 16  # texts per task sent to a worker process: amortises pickling, keeps memory bounded
# Every kind of finding, as the detection units declare them (the README's table explains each one).
KINDS = tuple(dict.fromkeys(kind for detector in DETECTORS + OPT_IN for kind in detector.kinds))


class Corrector:
    """Finds damaged words in Russian text and fixes the ones it is sure of.

    ``threshold``: the confidence a suggestion needs to be applied by :meth:`fix` (None: the calibrated
    ``DEFAULT_THRESHOLD``). ``dictionaries``: paths of extra word lists, one word per line (one path
    or several). ``model``: path of a word n-gram model from ``pravka learn``, to rank suggestions by
    their neighbours. ``report_threshold``: how likely an unknown word must be damaged to be reported.
    ``words``: extra words to accept (case and ё folded); a finding whose text is one of them is not
    reported. ``disable`` / ``only``: finding kinds (``KINDS``) to leave out, or the only ones to
    report (both may be given: ``only`` narrows, ``disable`` removes). ``swaps``: also look for synonym
    swaps (kind ``swap``, ``detect.swap``), on too when ``only`` names ``swap``; off by default, because
    the meaning model then reads every content word and checking is several times slower. ``usage_model``: rank by the shipped model of Russian word use (``pravka.usage``), with
    ``model`` mixed into it; False ranks by ``model`` alone, or without context counts. Every argument
    is checked here, so a wrong one fails now and not at the first check.
    """

    def __init__(
        self,
        threshold: float | None = None,
        dictionaries: str | os.PathLike | Iterable[str | os.PathLike] = (),
        model: str | os.PathLike | None = None,
        report_threshold: float = DEFAULT_REPORT_THRESHOLD,
        *,
        words: Iterable[str] = (),
        disable: Iterable[str] = (),
        only: Iterable[str] = (),
        usage_model: bool = True,
        swaps: bool = False,
    ):
        self.threshold = DEFAULT_THRESHOLD if threshold is None else _probability("threshold", threshold)
        self.report_threshold = _probability("report_threshold", report_threshold)
        if isinstance(dictionaries, (str, os.PathLike)):
            dictionaries = [dictionaries]  # one path, not a sequence of one-letter paths
        self.dictionaries = tuple(_path("dictionaries", path) for path in _items("dictionaries", dictionaries))
        for path in self.dictionaries:
            if not os.path.isfile(path):
                raise FileNotFoundError(f"dictionary not found: {path}")
        self.model = None if model is None else _path("model", model)
        if self.model is not None:
            check_model(self.model)
        self.words = frozenset(fold(word.strip()) for word in _strings("words", words) if word.strip())
        self.disable = _kinds("disable", disable)
        self.only = _kinds("only", only)
        self.usage_model = bool(usage_model)
        self.swaps = bool(swaps) or "swap" in self.only

    def __repr__(self) -> str:
        extras = "".join(
            f", {name}={sorted(value)}"
            for name, value in (("words", self.words), ("disable", self.disable), ("only", self.only))
            if value
        )
        extras += ", swaps=True" if self.swaps else ""
        return f"Corrector(threshold={self.threshold}, dictionaries={list(self.dictionaries)}, report_threshold={self.report_threshold}{extras})"

    @property
    def lexicon(self):
        """The shared :class:`~pravka.lexicon.Lexicon` for this Corrector's word lists (loaded on first use)."""
        return shared_lexicon(self.dictionaries)

    @property
    def _context(self):
        return _shared_context(self.dictionaries, self.model, self.usage_model)

    @property
    def _speller(self):
        return _shared_speller(self.dictionaries)

    def is_known(self, word: str) -> bool:
        """True when the dictionary, a word list or ``words`` holds this form (ё and е alike)."""
        if fold(word) in self.words:
            return True
        return self.lexicon.is_known(word)

    def suggest(self, word: str) -> list[Suggestion]:
        """Ranked corrections for one word, in the word's own letter case."""
        if len(word) > MAX_WORD_LENGTH:
            return []
        return [replace(s, text=match_case(word, s.text)) for s in self._speller(word.lower())]

    def check(self, text: str) -> list[Finding]:
        """Every finding in ``text``, in order of position, each with ranked suggestions; ``fix`` is set
        on the ones whose best suggestion reaches the threshold. Offsets are code points.

        A fix that changes words (a glued word split, a word corrected) can expose more damage
        («беседыросийской» → «беседы росийской», «сщ сщ» → «с с»). The text around each such fix (a few words, within
        its line and the next) is checked again in the corrected text (at most ``SETTLE_ROUNDS`` times),
        and what would be fixed there is folded
        into the findings, so that ``fix`` is final: ``fix(fix(text)) == fix(text)``.
        """
        return self._check(text)

    def check_and_spin(self, text: str) -> tuple[list[Finding], SpinEvidence]:
        """``check(text)`` and ``spin_evidence(text)`` from one analysis: with swaps on, the swap unit
        has scored every word the spin score reads (``swap.word_scores``, kept per document), and the
        blend findings are the ones ``check`` reports."""
        documents: list[Document] = []
        findings = self._check(text, documents)
        if not self.swaps:  # nothing scored the words, and the screen skipped the lines no unit needed
            documents = [self._document(MatchingView(text).text)]
        scores = [probability for document in documents for _, _, probability in word_scores(document)]
        return findings, spin_evidence(scores, findings)

    def _check(self, text: str, documents: list[Document] | None = None) -> list[Finding]:
        """``check``; ``documents`` gets the documents the units read in the first pass over the whole
        text (not those of the settling passes)."""
        _check_text(text)
        if not text:
            return []
        findings = self._check_once(text, documents)
        if not findings:
            return findings  # nothing to fix, so nothing to settle: most lines of most texts
        # The fixes whose surroundings are still to be checked again: at first every one; after a round,
        # only those it added or merged, since the text changed around them alone (around the others it
        # was checked with their fixes in, and found settled). So a page with a fix on every line is
        # checked whole twice at most, not once per round.
        unsettled: set[int] | None = None
        for _ in range(SETTLE_ROUNDS):
            fixed, applied = apply_fixes_with_spans(text, findings)
            around = windows(
                fixed,
                [
                    (start, end)
                    for start, end, finding in applied
                    if changes_words(finding) and (unsettled is None or id(finding) in unsettled)
                ],
            )
            later = [
                shifted(f, start)
                for start, end in around
                for f in self._check_once(fixed[start:end])
                if f.fix is not None
            ]
            if not later:
                break
            settled = findings  # held, so that no id of theirs is taken by a new finding
            findings = folded(text, fixed, findings, applied, later)
            unsettled = {id(f) for f in findings} - {id(f) for f in settled}
        return findings

    def _check_once(self, text: str, documents: list[Document] | None = None) -> list[Finding]:
        found = self.raw_findings(text, documents)
        if not found:
            return found
        calibration = shipped_calibration()
        # What a learned confidence reads. It was fitted with the shipped usage model as the only
        # context; a user's model (or none) changes what the raw score says, so then the maps read that.
        evidence = Evidence(text, self.lexicon, self._context) if self.model is None and self.usage_model else None
        return [self._decide(calibration.apply(finding, evidence)) for finding in found if self._wanted(finding)]

    def raw_findings(self, text: str, documents: list[Document] | None = None) -> list[Finding]:
        """The detectors' findings with their raw scores, before calibration and the threshold (what
        ``benchmarks/calibrate.py`` fits the calibration on); ``documents``, when given, gets the
        documents the units read."""
        view = MatchingView(text)  # stress accents, bidi marks, decomposed letters: matched as plain text
        findings = self._detect(view.text, documents)
        if view.text is text:
            return findings
        return _with_invisible_removed([_in_original(finding, view) for finding in findings], view, self)

    def _detect(self, text: str, documents: list[Document] | None = None) -> list[Finding]:
        """Run the detectors over the stretches of ``text`` that the screen flags (``detect.screen``),
        each stretch by the units flagged there: the findings of the whole text, found without analysing
        its clean lines. ``documents``, when given, gets each stretch's document."""
        findings: list[Finding] = []
        screen = shared_screen(DETECTORS + OPT_IN if self.swaps else DETECTORS, self.lexicon)
        for start, end, units in screen.dispatch(text):
            document = self._document(text[start:end])
            if documents is not None:
                documents.append(document)
            found = run_detectors(document, units)
            findings += found if start == 0 else [shifted(f, start) for f in found]
        return findings

    def spin_evidence(self, text: str) -> SpinEvidence:
        """What the swap scores of ``text``'s words and its blend findings say about it as a whole
        (``detect.swap``'s ``spin_evidence``): add up those of the pieces of one document
        (``SpinEvidence.plus``), then ``spin_probability``. The blends are those ``check`` reports, so
        a kind left out (``disable``, ``only``) or a word accepted (``words``) is not counted."""
        return self.check_and_spin(text)[1]

    def _document(self, text: str) -> Document:
        """``text`` tokenized, with this Corrector's lexicon, speller and context, for the units."""
        return Document(text, tokenize(text), self.lexicon, self.suggest, self.report_threshold, self._context)

    def spin_score(self, text: str) -> float:
        """How likely ``text`` as a whole is the output of a text spinner (synonym swaps throughout),
        from 0 to 1: for a scraping pipeline to drop or quarantine spun pages. Weak on a sentence or
        two; it grows surer with every content word."""
        return spin_probability(self.spin_evidence(text))

    def fix(self, text: str) -> str:
        """``text`` with the sure fixes applied; every other character comes back as it was. One call
        is final: ``fix(fix(text)) == fix(text)`` (see :meth:`check`)."""
        return apply_fixes(text, self.check(text))

    def check_many(self, texts: Iterable[str], jobs: int = 1) -> Iterator[list[Finding]]:
        """``check`` of each text, in input order; ``jobs`` > 1 checks batches in worker processes.
        A text that is not a str raises TypeError naming its index."""
        return _map(self.check, _checked_texts(texts), _jobs(jobs))

    def fix_many(self, texts: Iterable[str], jobs: int = 1) -> Iterator[str]:
        """``fix`` of each text, in input order; ``jobs`` > 1 fixes batches in worker processes.
        A text that is not a str raises TypeError naming its index."""
        return _map(self.fix, _checked_texts(texts), _jobs(jobs))

    def _wanted(self, finding: Finding) -> bool:
        """The kind and word filter: drop disabled kinds and findings on words the user accepts."""
        if finding.kind in self.disable or (self.only and finding.kind not in self.only):
            return False
        return not (self.words and fold(finding.text.strip()) in self.words)

    def _decide(self, finding: Finding) -> Finding:
        """Set ``fix`` when the best suggestion's probability reaches the threshold and the detector
        may fix on its own (blends are only ever offered)."""
        if (
            finding.suggestions
            and finding.suggestions[0].confidence >= self.threshold
            and DETECTORS_BY_NAME[finding.detector].auto_fix
        ):
            return replace(finding, fix=finding.suggestions[0].text)
        return finding


def _probability(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number within [0, 1], got {value!r}")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be within [0, 1], got {value}")
    return float(value)


def _items(name: str, values) -> list:
    try:
        return list(values)
    except TypeError:
        raise TypeError(f"{name} must be a list, got {values!r}") from None


def _path(name: str, value) -> str:
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name} must be a path (str or os.PathLike), got {value!r}")
    return os.fspath(value)


def _strings(name: str, values) -> list[str]:
    if isinstance(values, str):
        values = values.split(",")  # "так,вот" as on the command line, not letter by letter
    values = _items(name, values)
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"{name} must hold strings, got {value!r}")
    return values


def _kinds(name: str, values) -> frozenset[str]:
    kinds = frozenset(value.strip() for value in _strings(name, values) if value.strip())
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise ValueError(f"{name}: unknown kind {', '.join(unknown)}; the kinds are {', '.join(KINDS)}")
    return kinds


def check_model(path: str) -> None:
    """Raise FileNotFoundError, or ValueError naming the file, unless ``path`` is a pravka model."""
    if not os.path.isfile(path):
        raise FileNotFoundError(f"model not found: {path}")
    from .lm import NgramModel

    NgramModel.load(path).close()  # raises ValueError naming the file when it is not a model


def _check_text(text) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")


def _checked_texts(texts: Iterable[str]) -> Iterator[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of str, not one str")
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"texts[{index}] must be str, got {type(text).__name__}")
        yield text


def _jobs(jobs) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, got {jobs!r}")
    return jobs


@lru_cache(maxsize=8)
def _shared_speller(dictionaries: tuple[str, ...]):
    lexicon = shared_lexicon(dictionaries)

    @lru_cache(maxsize=SUGGESTION_CACHE_SIZE)
    def speller(word: str) -> list[Suggestion]:
        return rank(word, generate(word, lexicon), lexicon)

    return speller


@lru_cache(maxsize=8)
def _shared_context(dictionaries: tuple[str, ...], model_path, usage_model: bool = True):
    from .rank.context import Context
    from .usage import context_model

    return Context(shared_lexicon(dictionaries), context_model(model_path, usage=usage_model))


def _in_original(finding: Finding, view: MatchingView) -> Finding:
    start, end = view.span(finding.start, finding.end)
    return replace(finding, start=start, end=end, text=view.original[start:end])


def _with_invisible_removed(findings: list[Finding], view: MatchingView, corrector: Corrector) -> list[Finding]:
    """The findings, plus the cleaning of each word holding invisible characters that the view
    dropped and no finding covers: the word without them (or, beside a finding, only their deletion);
    when the word without them is unknown too, its corrections, so one pass does what two would."""
    text = view.original
    starts = [finding.start for finding in findings]

    def overlaps(start: int, end: int) -> bool:
        before = bisect_left(starts, end) - 1
        return before >= 0 and findings[before].end > start

    removals: list[Finding] = []
    for start, end in view.invisible:
        if overlaps(start, end) or (removals and removals[-1].end >= end):
            continue
        word_start, word_end = _word_around(text, start, end)
        if overlaps(word_start, word_end):
            word_start, word_end = start, end
        word = text[word_start:word_end]
        removals.append(invisible_finding(word_start, word_end, word, corrector.is_known, corrector.suggest))
    return sorted(findings + removals, key=lambda finding: finding.start) if removals else findings


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of letters and invisible characters around ``text[start:end]`` (a BOM opening the text aside)."""

    def in_word(ch: str) -> bool:
        return ch.isalpha() or ch in INVISIBLE or unicodedata.combining(ch) > 0

    while start > 0 and in_word(text[start - 1]) and not (start == 1 and text[0] == BYTE_ORDER_MARK):
        start -= 1
    while end < len(text) and in_word(text[end]):
        end += 1
    return start, end


def _map(method, texts: Iterable[str], jobs: int):
    """``method`` (a bound ``check`` or ``fix``) over ``texts`` in order; jobs > 1: batches in a WorkerPool."""
    if jobs <= 1:
        return map(method, texts)
    corrector, name = method.__self__, method.__name__

    def ordered_results():
        with WorkerPool(corrector, jobs) as pool:
            batches = _batches(texts, BATCH_SIZE)
            for _, results in pool.map(_run_batch, batches, payload=lambda batch: (name, batch)):
                yield from results

    return ordered_results()


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_batch(corrector: Corrector, task: tuple[str, list[str]]) -> list:
    name, batch = task
    method = getattr(corrector, name)
    return [method(text) for text in batch]
