"""Names and entities (issue 4): does pravka leave capitalized unknown words that are names alone?

Labelled set (nothing copied from ``../shared``; read in place through ``benchmarks/datasets.py``):

* **names** — in every source sentence of SpellRuEval TUNE (never the held-out half), GERA dev and
  ReLCo: capitalized Cyrillic words (not ALL CAPS) inside a sentence — pravka's own ``starts_sentence``
  decides, since the guards compared here sit where its name guard sits — that ``Lexicon.is_known``
  does not know and that the gold keeps. Source and gold are aligned by whitespace tokens (difflib on
  normalized tokens: unchanged runs, and same-length replaced runs where a token resembles its gold;
  splits, merges and reorderings are skipped). ReLCo repeats a sentence per exercise: a word counts once
  per gold sentence. «Магнитогоск» is a typo the SpellRuEval gold missed: counted as an error
  (``GOLD_MISSES``). Plus **seed**: the seed article's capitalized words inside sentences that are the
  issue's names (Блинкен, Столтенберг, Лукашевич, Рябков, Песков, Лавров, Энтони, Йенс, any form)
  or unknown — present: Блинкен(а), Столтенберг(а), Йенс(а), Энтони, Лукашевич, Песков, Рябков(а), Лавров.
* **real errors** — the same words where the gold changes them (only 7: real errors in capitalized
  words inside sentences are rare — 7 against 590 names).
* **synthetic errors** — so that the recall cost can be measured at all: per data set, 100 clean gold
  sentences, one common capitalized word inside a sentence (known, zipf ≥ 3: «России», «Пушкин»,
  «Преступление») gets one ЙЦУКЕН-neighbour typo after its first letter («Пцшкин»), seed 4.

Strategies, each on top of ``Corrector().check(text)`` (a word counts as flagged when a finding overlaps
it, as fixed when that finding carries an automatic fix):

* **a** pravka as is (``detect/nonword.py`` guard + ``dictionaries/names.txt``);
* **b** natasha's NER (slovnet news NER on navec news embeddings, run in ANOTHER interpreter given by
  ``--natasha-python``; sentences as JSON lines on stdin, PER/LOC/ORG spans back): a word inside an
  entity span is left alone;
* **c** natasha's first-name and surname lists (``natasha/data/dict/first.txt``, ``last.txt``: 190k
  lowercase nominative entries, read as plain files — no natasha import): left alone when the word or a
  nominative its case ending could come from («Блинкена» → «блинкен») is listed;
* **d** own heuristic, free (pymorphy3 is loaded anyway): a capital inside a sentence means a proper noun
  was meant, so a correction is kept only when its first suggestion has a dictionary name / surname /
  patronymic / place / organisation / trademark reading («Мпрфа» → «Марфа» yes, «Сиксу» → «Сексу» no);
* **b+d** an NER span protects unless the correction leads to a proper noun.

Columns: names flagged (false alarms) and how many of them are automatically fixed; seed names flagged;
real / synthetic errors whose automatic fix is right; errors pravka alone flagged that the strategy
suppresses ("lost"); the cost of the extra component (start-up s, median ms per text, RSS MB — for
NER the peak RSS of its own process). The last line measures (c) on real misspellings: the share of
kartaslov misspellings of common words (zipf ≥ 3, unknown to the lexicon) that the name lists contain.

Usage (from the repository root)::

    /work/venv/bin/python benchmarks/names.py [--natasha-python /tmp/natasha-venv/bin/python] [--verbose]

natasha goes into its own venv so that pymorphy2 stays out of pravka's:
``python3 -m venv /tmp/natasha-venv && /tmp/natasha-venv/bin/pip install natasha`` (natasha 1.6.0,
slovnet 0.6.0, navec 0.10.0). Without ``--natasha-python`` only rows a and d are printed.

Measured 2026-11-25 (2-core machine, Python 3.11, at the commit that set the name guard's confidence to
0.95)::

    names: 590 unknown capitalized words inside sentences that the gold keeps (+13 in the seed article);
    errors: 7 real (gold changes them), 273 synthetic (one keyboard typo in a common capitalized word)
    strategy                                 names flagged fixed seed real err fixed synth err fixed lost start s ms/sent RSS MB
    a. pravka as is                                      4     4    0       2/7           232/273      0    0.10    0.78    120
    d. correct only to a proper noun (own)               0     0    0       2/7           156/273     76    0.00    0.01      0
    b. + natasha NER (PER/LOC/ORG span)                  1     1    0       0/7            45/273    189    0.79    1.51    204
    c. + natasha first/last-name lists                   1     1    0       2/7           231/273      1    0.08    0.00     25
    b+d. NER span, unless corrected to proper noun       1     1    0       2/7           182/273     50    0.79    1.51    204
    natasha's name lists hold 222 of the 603 names, and 3419 of 52757 kartaslov misspellings of common
    words (6.5%: those a capitalized typo would hide behind)

    pravka's false alarms: Дюши→Души, Сиксу→Сексу (×3, three ReLCo sentences); none in the seed article.
    The NER loses both real errors pravka fixed (Пугочева, Магнитогоск) and most synthetic ones
    («Пцшкин», «Млскве», «Росчии»: a misspelt name is still a name to the NER).

Recommendation, taken: keep pravka's own heuristic; do not add natasha, not even as an optional extra.
pravka leaves 99.3% of these names alone (4 wrong fixes in 603, two distinct words; 0 in the seed
article). The NER, by protecting every entity, also protects misspelt names and places: right fixes
of synthetic errors would drop from 232 to 45 and both real errors would be lost, to save 3 words, at
0.8 s start-up, ~1.5 ms per sentence and 204 MB in a second process (plus pymorphy2). The own
"proper-noun target" rule (d) is free but loses 76 fixes of capitalized common words (titles, quotes).
natasha's name lists (c) save 3 words for 1 lost fix and 25 MB, but they also hold 6.5% of real
misspellings of common words; frequent missing names belong in ``dictionaries/names.txt`` instead.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import REPO_ROOT, eval_dir, load_dataset, read_pairs  # noqa: E402
from benchmarks.garble import keyboard_neighbours  # noqa: E402

DATASETS = ("spellrueval-tune", "gera-dev", "relco")
KARTASLOV = "kartaslov_typos/L1_5.jsonl"
SEED_ARTICLE = REPO_ROOT.parent / "shared" / "seed" / "spun_news_ru.txt"
# Names in the seed article that issue 4 says must never be flagged (every inflected form counts).
SEED_NAMES = ("Блинкен", "Столтенберг", "Лукашевич", "Рябков", "Песков", "Лавров", "Энтони", "Йенс")
WORD = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*")
EDGE_PUNCTUATION = "«»\"'()[]{},.;:!?…—–-„“”*/"
SENTENCE_END = re.compile(r"[.!?…][»\"')\]]*$")
MIN_SIMILARITY = 0.5  # a replaced token is paired with its gold only when this similar
# Source words the gold leaves alone that are plain typos (the annotators missed them): labelled errors.
GOLD_MISSES = {"Магнитогоск": "Магнитогорск"}
SYNTHETIC_PER_DATASET = 100
SYNTHETIC_MIN_ZIPF = 3.0
SYNTHETIC_SEED = 4


# --------------------------------------------------------------------------- building the labelled set


@dataclass(slots=True)
class Item:
    """One capitalized word inside a sentence: ``text[start:end]``; ``label`` is ``name`` (the gold keeps
    it) or ``error`` (the gold changes it to ``expected``)."""

    text: str
    start: int
    end: int
    label: str
    origin: str
    expected: str | None = None

    @property
    def word(self) -> str:
        return self.text[self.start : self.end]


def normalize(token: str) -> str:
    """A whitespace token as the SpellRuEval metric compares it: edge punctuation off, lowercase, ё → е."""
    return token.strip(EDGE_PUNCTUATION).lower().replace("ё", "е")


def whitespace_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]


def is_sentence_initial(tokens: list[str], index: int) -> bool:
    """The first token of the text, or one after a token that ends a sentence («конец.», «так!»», «…»)."""
    return index == 0 or bool(SENTENCE_END.search(tokens[index - 1]))


def mid_sentence_capitalized(text: str) -> list[tuple[int, int, int, str]]:
    """``(token index, start, end, word)`` of every capitalized Cyrillic word (not ALL CAPS, 2+ letters)
    that does not start a sentence; ``start:end`` is the word without edge punctuation."""
    tokens = whitespace_tokens(text)
    found = []
    for index, (start, _end, token) in enumerate(tokens):
        word = token.strip(EDGE_PUNCTUATION)
        if len(word) < 2 or not WORD.fullmatch(word) or not word[0].isupper() or word.isupper():
            continue
        if is_sentence_initial([t for _, _, t in tokens], index):
            continue
        offset = start + token.index(word)
        found.append((index, offset, offset + len(word), word))
    return found


def align_tokens(source: list[str], target: list[str]) -> dict[int, int]:
    """Source token index → target token index: unchanged tokens, and tokens of replaced runs of the same
    token count that resemble their gold (a 1→2 split, a 2→1 merge or a reordering leaves them out)."""
    matcher = difflib.SequenceMatcher(None, [normalize(t) for t in source], [normalize(t) for t in target],
                                      autojunk=False)
    pairs = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update(zip(range(i1, i2), range(j1, j2)))
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2)):  # a reordered phrase is not a respelling
                if difflib.SequenceMatcher(None, normalize(source[i]), normalize(target[j])).ratio() >= MIN_SIMILARITY:
                    pairs[i] = j
    return pairs


def label_pair(
    source: str, target: str, is_known: Callable[[str], bool], origin: str, inside=lambda text, start: True
) -> tuple[list[Item], int]:
    """The labelled items of one source/gold pair and how many candidate words could not be aligned;
    ``inside(text, start)`` may veto words that the corrector treats as sentence-initial."""
    source_tokens = [t for _, _, t in whitespace_tokens(source)]
    target_tokens = [t for _, _, t in whitespace_tokens(target)]
    aligned = align_tokens(source_tokens, target_tokens)
    items, skipped = [], 0
    for index, start, end, word in mid_sentence_capitalized(source):
        if is_known(word) or not inside(source, start):
            continue
        if index not in aligned:
            skipped += 1
            continue
        gold = target_tokens[aligned[index]]
        if word in GOLD_MISSES:
            items.append(Item(source, start, end, "error", origin, GOLD_MISSES[word]))
        elif normalize(gold) == normalize(source_tokens[index]):
            items.append(Item(source, start, end, "name", origin))
        else:
            items.append(Item(source, start, end, "error", origin, gold.strip(EDGE_PUNCTUATION)))
    return items, skipped


def garble_capitalized(text: str, is_known, zipf, rng: random.Random, inside=lambda text, start: True) -> Item | None:
    """One synthetic error: a common capitalized word inside a clean sentence gets one keyboard-neighbour
    typo after its first letter; None when the sentence has no such word or the typo is a real word."""
    eligible = [
        (start, end, word)
        for _, start, end, word in mid_sentence_capitalized(text)
        if len(word) >= 5 and "-" not in word and is_known(word) and zipf(word) >= SYNTHETIC_MIN_ZIPF
        and inside(text, start)
    ]
    if not eligible:
        return None
    start, end, word = rng.choice(eligible)
    positions = [i for i in range(1, len(word)) if keyboard_neighbours(word[i])]
    if not positions:
        return None
    i = rng.choice(positions)
    garbled = word[:i] + rng.choice(keyboard_neighbours(word[i])) + word[i + 1 :]
    if is_known(garbled):
        return None
    return Item(text[:start] + garbled + text[end:], start, end, "error", "", word)


def seed_items(text: str, is_known, inside=lambda text, start: True) -> list[Item]:
    """Capitalized words inside sentences of the seed article, one text per line: the issue's names
    (known to the lexicon or not) and every other unknown one, all labelled ``name`` — the article's
    garbling is lowercase («росийской», «безопастности»); the assertion below keeps that true."""
    items = []
    for line in text.splitlines():
        for _, start, end, word in mid_sentence_capitalized(line):
            if (word.startswith(SEED_NAMES) or not is_known(word)) and inside(line, start):
                items.append(Item(line, start, end, "name", "seed"))
    return items


def pravka_inside_sentence(text: str, start: int) -> bool:
    """True when pravka itself sees the word at ``start`` as inside a sentence (its name guard applies):
    the guards compared here are meant for the same place, so sentence-initial words are left out."""
    from pravka.detect import Document
    from pravka.tokenize import tokenize

    tokens = _tokens(text, tokenize)
    for index, token in enumerate(tokens):
        if token.start == start:
            return not Document(text, tokens, None, None).starts_sentence(index)
    return False


_TOKEN_CACHE: dict[str, list] = {}


def _tokens(text, tokenize):
    if text not in _TOKEN_CACHE:
        _TOKEN_CACHE.clear()
        _TOKEN_CACHE[text] = tokenize(text)
    return _TOKEN_CACHE[text]


def build(lexicon) -> tuple[list[Item], Counter]:
    items: list[Item] = []
    skipped: Counter = Counter()
    rng = random.Random(SYNTHETIC_SEED)
    for name in DATASETS:
        pairs = load_dataset(name)
        seen = set()
        for pair in pairs:
            labelled, lost = label_pair(pair.source, pair.target, lexicon.is_known, name, pravka_inside_sentence)
            skipped[name] += lost
            for item in labelled:
                key = (item.word, pair.target)  # ReLCo repeats a sentence once per exercise
                if key not in seen:
                    seen.add(key)
                    items.append(item)
        targets = list(dict.fromkeys(pair.target for pair in pairs))
        rng.shuffle(targets)
        synthetic = 0
        for target in targets:
            item = garble_capitalized(target, lexicon.is_known, lexicon.zipf, rng, pravka_inside_sentence)
            if item is not None:
                item.origin = f"{name} synthetic"
                items.append(item)
                synthetic += 1
                if synthetic == SYNTHETIC_PER_DATASET:
                    break
    if SEED_ARTICLE.is_file():
        items.extend(seed_items(SEED_ARTICLE.read_text(encoding="utf-8"), lexicon.is_known, pravka_inside_sentence))
    return items, skipped


# --------------------------------------------------------------------------- guards


PROPER_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
NER_WORKER = r"""
import json, resource, sys, time
started = time.perf_counter()
from natasha import NewsEmbedding, NewsNERTagger
import natasha.data
ner = NewsNERTagger(NewsEmbedding())
ner("Прогрев модели в Москве.")
print(json.dumps({"startup": time.perf_counter() - started, "dict_dir": natasha.data.DICT_DIR,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
for line in sys.stdin:
    text = json.loads(line)
    began = time.perf_counter()
    spans = [[s.start, s.stop, s.type] for s in ner(text).spans]
    print(json.dumps({"spans": spans, "ms": 1000 * (time.perf_counter() - began)}), flush=True)
print(json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
"""


THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def rss_mb() -> float:
    """Resident set size of this process now, in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class NerResult:
    spans: dict[str, list[tuple[int, int, str]]]
    startup: float
    ms_per_text: float
    rss_mb: float
    dict_dir: str


def run_ner(python: str, texts: list[str]) -> NerResult:
    """natasha's NER (slovnet news model on navec embeddings) in another interpreter: texts as JSON lines
    on stdin, one line of PER/LOC/ORG spans back per text."""
    payload = "".join(json.dumps(text, ensure_ascii=False) + "\n" for text in texts)
    env = {**os.environ, **{name: "1" for name in THREAD_VARIABLES}}  # a shared 2-core machine
    done = subprocess.run([python, "-c", NER_WORKER], input=payload, capture_output=True, text=True,
                          encoding="utf-8", check=True, env=env)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    head, answers, tail = lines[0], lines[1:-1], lines[-1]
    spans = {text: [tuple(span) for span in answer["spans"]] for text, answer in zip(texts, answers)}
    ms = statistics.median(answer["ms"] for answer in answers) if answers else 0.0
    return NerResult(spans, head["startup"], ms, tail["rss_mb"], head["dict_dir"])


def load_name_dictionary(dict_dir: str) -> frozenset[str]:
    """natasha's first-name and surname lists (lowercase nominative forms, '#' comments)."""
    names = set()
    for file in ("first.txt", "last.txt"):
        with open(Path(dict_dir) / file, encoding="utf-8") as handle:
            for line in handle:
                entry = line.split("#", 1)[0].strip()
                if len(entry) >= 3:  # the lists hold stray one- and two-letter entries
                    names.add(entry)
    return frozenset(names)


# case endings of surnames and first names → the endings of their nominative forms
NAME_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ыми", ("",)), ("ими", ("ий",)), ("ого", ("ий", "ой", "ый")), ("ому", ("ий", "ой", "ый")),
    ("ой", ("", "а", "ая", "ий", "ой", "ый")), ("ей", ("я", "ь", "ий")), ("ым", ("", "ый")), ("им", ("ий",)),
    ("ом", ("",)), ("ем", ("ь", "й")), ("ых", ("",)), ("их", ("ий",)), ("ую", ("ая",)),
    ("а", ("",)), ("у", ("", "а")), ("е", ("", "а", "ь", "я", "й")), ("ы", ("а",)), ("и", ("я", "ь", "а", "ий")),
    ("ю", ("ь", "я", "й")), ("я", ("ь", "й")),
)


def name_lemmas(word: str) -> set[str]:
    """The word itself and the nominative forms its case ending could come from («Блинкена» → «блинкен»,
    «Рябковым» → «рябков», «Йенса» → «йенс»), lowercase, ё → е."""
    lower = word.lower().replace("ё", "е")
    forms = {lower}
    for ending, bases in NAME_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            stem = lower[: -len(ending)]
            forms.update(stem + base for base in bases)
    return forms


def in_name_dictionary(word: str, names: frozenset[str]) -> bool:
    return any(form in names for form in name_lemmas(word))


def proper_reading(word: str, morph) -> bool:
    """True when the dictionary (not the guesser) has a name, surname, patronymic, place, organisation
    or trademark reading of ``word``."""
    return any(
        PROPER_GRAMMEMES & parse.tag.grammemes
        for parse in morph.parse(word)
        if type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
    )


def corrects_to_proper_noun(finding, morph) -> bool:
    """Heuristic (d): a capital letter inside a sentence means the writer meant a proper noun, so a
    correction must lead to one — «Мпрфа» → «Марфа», «Росийской» → «Российской» pass; «Сиксу» → «Сексу»,
    «Дюши» → «Души» do not. The first suggestion counts; a two-word one passes when any word does."""
    if not finding.suggestions:
        return False
    return any(proper_reading(part, morph) for part in finding.suggestions[0].text.split())


# --------------------------------------------------------------------------- scoring


@dataclass
class Strategy:
    name: str
    protects: Callable[[Item, object], bool]  # (item, pravka's finding on it) → leave the word alone
    startup: float = 0.0  # seconds to load the extra component
    rss_mb: float = 0.0  # its memory: extra RSS in this process, or the peak RSS of its own process
    ms_per_text: float | None = None  # its median time per text; the mean measured while scoring when None
    note: str = ""


@dataclass
class Row:
    strategy: Strategy
    counts: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)


def overlapping(findings, item: Item):
    for finding in findings:
        if finding.start < item.end and item.start < finding.end:
            return finding
    return None


def group(item: Item) -> str:
    if item.origin == "seed":
        return "seed"
    if item.origin.endswith("synthetic"):
        return "synthetic"
    return "name" if item.label == "name" else "error"


def score(strategy: Strategy, items: list[Item], findings: dict[str, list]) -> Row:
    row = Row(strategy)
    spent = 0.0
    for item in items:
        kind = group(item)
        row.counts[kind] += 1
        finding = overlapping(findings[item.text], item)
        if finding is None:
            continue
        began = time.perf_counter()
        protected = strategy.protects(item, finding)
        spent += time.perf_counter() - began
        if protected:
            if item.label == "error":
                row.counts[f"{kind} lost"] += 1
                row.examples.setdefault(f"{kind} lost", []).append(item.word)
            continue
        row.counts[f"{kind} flagged"] += 1
        if finding.fix is not None:
            row.counts[f"{kind} fixed"] += 1
            if item.label == "error" and normalize(finding.fix) == normalize(item.expected or ""):
                row.counts[f"{kind} fixed right"] += 1
        if item.label == "name":
            row.examples.setdefault(f"{kind} flagged", []).append(f"{item.word}→{finding.fix or '?'}")
    if strategy.ms_per_text is None:
        strategy.ms_per_text = 1000 * spent / max(1, len({item.text for item in items}))
    return row


def table(rows: list[Row], pravka_cost: tuple[float, float, float]) -> str:
    first = rows[0].counts
    header = (
        f"{'strategy':<44} {'names flagged':>13} {'fixed':>5} {'seed':>5} "
        f"{'real err fixed':>14} {'synth err fixed':>15} {'lost':>4} {'start s':>7} {'ms/sent':>7} {'RSS MB':>6}"
    )
    lines = [
        f"names: {first['name']} unknown capitalized words inside sentences that the gold keeps "
        f"(+{first['seed']} in the seed article); errors: {first['error']} real (gold changes them), "
        f"{first['synthetic']} synthetic (one keyboard typo in a common capitalized word)",
        header,
        "-" * len(header),
    ]
    startup, ms, rss = pravka_cost
    for row in rows:
        c, s = row.counts, row.strategy
        cost = (
            f"{startup:>7.2f} {ms:>7.2f} {rss:>6.0f}" if s.name.startswith("a.")
            else f"{s.startup:>7.2f} {s.ms_per_text:>7.2f} {s.rss_mb:>6.0f}"
        )
        lines.append(
            f"{s.name:<44} {c['name flagged']:>13} {c['name fixed']:>5} {c['seed flagged']:>5} "
            f"{c['error fixed right']:>7}/{c['error']:<6} {c['synthetic fixed right']:>8}/{c['synthetic']:<6} "
            f"{c['synthetic lost'] + c['error lost']:>4} {cost}"
        )
    lines.append("cost columns: row a is pravka itself (check(), median ms per text; RSS grown while loading and "
                 "checking); the others are the extra component only (NER: its own process's peak RSS)")
    return "\n".join(lines)


def misspellings_shielded(names: frozenset[str], lexicon) -> tuple[int, int]:
    """How many kartaslov misspellings (unknown word → common known word) the name lists would take for
    a name: the recall cost of guard (c) on real typos, independent of pravka's ranking."""
    pairs = read_pairs(eval_dir() / KARTASLOV)
    typos = {
        pair.source for pair in pairs
        if len(pair.source) >= 3 and not lexicon.is_known(pair.source) and lexicon.zipf(pair.target) >= SYNTHETIC_MIN_ZIPF
    }
    return sum(in_name_dictionary(typo, names) for typo in typos), len(typos)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--natasha-python", help="interpreter with natasha installed (runs its NER apart)")
    parser.add_argument("--verbose", action="store_true", help="list the flagged names and lost errors")
    args = parser.parse_args(argv)

    from pravka import Corrector
    from pravka.lexicon import shared_lexicon

    rss_before = rss_mb()
    began = time.perf_counter()
    corrector = Corrector()
    corrector.check("Прогрев: в Москве прошли переговоры.")
    pravka_startup = time.perf_counter() - began
    lexicon = shared_lexicon()
    items, skipped = build(lexicon)
    texts = list(dict.fromkeys(item.text for item in items))
    findings, times = {}, []
    for text in texts:
        began = time.perf_counter()
        findings[text] = corrector.check(text)
        times.append(1000 * (time.perf_counter() - began))
    pravka_ms = statistics.median(times)
    pravka_rss = rss_mb() - rss_before
    print(f"{len(items)} words in {len(texts)} texts; not aligned, skipped: "
          f"{', '.join(f'{k} {v}' for k, v in skipped.items())}", file=sys.stderr)

    strategies = [Strategy("a. pravka as is", lambda item, finding: False)]
    morph = lexicon.morph
    strategies.append(Strategy(
        "d. correct only to a proper noun (own)",
        lambda item, finding: not corrects_to_proper_noun(finding, morph),
        note="pymorphy3 is already loaded by pravka",
    ))
    if args.natasha_python:
        ner = run_ner(args.natasha_python, texts)

        def inside_entity(item, finding, spans=ner.spans):
            return any(start < item.end and item.start < stop for start, stop, _ in spans[item.text])

        strategies.append(Strategy("b. + natasha NER (PER/LOC/ORG span)", inside_entity, ner.startup,
                                   ner.rss_mb, ner.ms_per_text, note="separate process"))
        rss_before = rss_mb()
        began = time.perf_counter()
        names = load_name_dictionary(ner.dict_dir)
        strategies.append(Strategy(
            "c. + natasha first/last-name lists",
            lambda item, finding: in_name_dictionary(item.word, names),
            time.perf_counter() - began, rss_mb() - rss_before,
        ))
        strategies.append(Strategy(
            "b+d. NER span, unless corrected to proper noun",
            lambda item, finding: inside_entity(item, finding) and not corrects_to_proper_noun(finding, morph),
            ner.startup, ner.rss_mb, ner.ms_per_text,
        ))
    rows = [score(strategy, items, findings) for strategy in strategies]
    print(table(rows, (pravka_startup, pravka_ms, pravka_rss)))
    if args.natasha_python:
        shielded, total = misspellings_shielded(names, lexicon)
        known_names = sum(in_name_dictionary(item.word, names) for item in items if group(item) in ("name", "seed"))
        print(f"natasha's name lists hold {known_names} of the {rows[0].counts['name'] + rows[0].counts['seed']} "
              f"names, and {shielded} of {total} kartaslov misspellings of common words "
              f"({100 * shielded / max(1, total):.1f}%: those a capitalized typo would hide behind)")
    if args.verbose:
        for row in rows:
            for key, words in sorted(row.examples.items()):
                print(f"{row.strategy.name} — {key}: {', '.join(words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
