"""A spinner simulator of our own, to measure what a text spinner does to Russian: swaps and blends.

A spinner replaces words by "synonyms" from a thesaurus. Two kinds of damage follow, both simulated
here on clean sentences, one per sentence:

* ``swap`` — the word is replaced whole by a synonym in the same grammatical form («союзники» →
  «враги», «иностранных» → «зарубежных»; a verb's synonym, listed by its infinitive, takes the
  verb's person, tense and number: «пишет» → «сочиняет»). Every word stays a dictionary word; only meaning and
  usage can tell. [expected: the original word]
* ``blend`` — the spinner pasted the synonym over the word but kept a scrap of it: the start of the
  original form, sometimes cut short by up to three letters, fused with the synonym's form missing
  its first one to three letters («пытался» + «старался» → «пыталтарался», «детям» + «малышам» →
  «детлышам»). [expected: the original word]

The synonym source is LibreOffice's Russian thesaurus (Debian's ``mythes-ru``, LGPL, read in place
from ``/usr/share/mythes``; ``apt-get install mythes-ru``), which pravka never reads: the detectors
are tuned on ``garble.py``'s meaning-agnostic blends and the tune-side spinner below, so this is the
held-out measurement. The clean sentences are the Universal Dependencies files of
``shared/corpora/modern`` (news, Wikipedia, social media; CC BY-SA, read in place, never copied),
which the shipped usage table does not contain.

Metrics, per damage kind: *reported* (a finding overlaps the damage), *first right* (its first
suggestion is the original word), *fixed* (``fix`` applied exactly that), *precision* (findings of
the expected kind in damaged sentences that overlap their damage), and false alarms of that kind per
1,000 words of the clean sentences.

The swap detector's weights are *not* fitted on this simulator. ``--tune`` runs a tune-side spinner
instead, with another synonym source and other sentences: Wiktionary's synonyms as the PyPI package
``wiki-ru-wordnet`` bundles them (CC BY-SA; ``pip install wiki-ru-wordnet``, read in place) swapped
into XQuAD's Wikipedia paragraphs and the clean sentences of the SpellRuEval tune half and GERA train. It fits the logistic model of
``detect.swap`` on the words of those sentences (the swapped word: 1; every other checked word, in
damaged and in clean sentences: 0) and prints the weights and the threshold sweep to choose
``REPORT_AT`` from, overall and on the clean sentences of each tune source alone. How circular it is: the generator never looks at navec, but the detector's
candidates are navec neighbours, so a Wiktionary synonym that navec does not place near the word can
be found (its fit is still worse) but not suggested; the held-out run above says how well it carries
over to a thesaurus neither side was tuned on.

``--tune --blends`` measures blends on that tune-side spinner instead (Wiktionary synonyms pasted over
words of the same tune sentences, the same table as above), then the blend findings and the non-word
findings without a suggestion on clean tune sentences, per source: what ``detect.blend``'s constants
are chosen on, so that the run above stays held out. It ends with the blend findings per checked word
of the blended and of the clean tune sentences, and the log likelihood ratio of a blend finding that
the spin score adds (``detect.swap``'s ``NEAR_BLEND_LOG_ODDS``, ``OTHER_BLEND_LOG_ODDS``), for spun
pages with a blend in a share ``BLEND_SENTENCES`` of their sentences: the held-out run's page table
has such pages too.

Usage: ``python benchmarks/spinner.py [--per-kind 300] [--seed 0] [--verbose]``;
``python benchmarks/spinner.py --tune [--per-kind 1500]``;
``python benchmarks/spinner.py --tune --blends [--per-kind 300] [--clean 2000] [--verbose]``; ``python benchmarks/spinner.py --page FILE``
(one page's spin score and most suspicious words).
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import REPO_ROOT, load_dataset  # noqa: E402
from benchmarks.garble import Damage  # noqa: E402
from benchmarks.realword_set import detokenize, sentences_of  # noqa: E402
from pravka import Corrector  # noqa: E402
from pravka.detect import Document, swap  # noqa: E402
from pravka.detect.swap import SpinEvidence  # noqa: E402
from pravka.tokenize import tokenize  # noqa: E402

THESAURUS = Path("/usr/share/mythes/th_ru_RU_v2.dat")
TUNE_FILE = "xquad_ru_contexts.txt.gz"
SENTENCE_FILES = ("ud_pud_test.txt.gz", "ud_gsd_devtest.txt.gz", "ud_taiga_devtest.txt.gz")
WORD = re.compile(r"(?<![\w-])[а-яё]+(?![\w-])")
CONTENT_POS = frozenset({"NOUN", "ADJF", "VERB", "INFN", "ADVB"})
FORM_ATTRIBUTES = ("case", "number", "gender", "person", "tense", "mood")
# A thesaurus lists a verb by its infinitive, which pymorphy3 reads as another part of speech: a
# finite verb's synonym is such a headword, inflected into the verb's form.
HEADWORD_POS = {"VERB": "INFN"}
KINDS = ("blend", "swap")
DOCUMENT_SENTENCES = 10
# The share of a spun page's sentences that hold a blend, in the pages that have both kinds (the seed
# article has 4 blends beside its 16 swaps): what the spin score's blend evidence is measured for.
BLEND_SENTENCES = 0.2


def read_thesaurus(path: Path = THESAURUS) -> dict[str, list[str]]:
    """headword → one-word synonyms (lower case), from a MyThes ``.dat`` file."""
    synonyms: dict[str, list[str]] = {}
    with open(path, encoding="utf-8-sig") as handle:
        handle.readline()  # the encoding line
        lines = iter(handle)
        for line in lines:
            head, _, count = line.rstrip("\n").rpartition("|")
            found = []
            for _ in range(int(count)):
                for word in next(lines).rstrip("\n").split("|")[1:]:
                    word = word.strip().lower()
                    if WORD.fullmatch(word) and word != head:
                        found.append(word)
            if found:
                synonyms[head.lower()] = list(dict.fromkeys(found))
    return synonyms


def read_wordnet() -> dict[str, list[str]]:
    """lemma → its one-word Wiktionary synonyms (lemmas sharing a synset), from ``wiki-ru-wordnet``'s
    bundled SQLite file, found without importing the package."""
    import importlib.util
    import sqlite3

    spec = importlib.util.find_spec("wiki_ru_wordnet")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("spinner --tune: pip install wiki-ru-wordnet (its synonyms are the tune-side source)")
    path = Path(next(iter(spec.submodule_search_locations))) / "database" / "wikiwordnet.db"
    synsets: dict[int, set[str]] = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        for synset, lemma in connection.execute("SELECT synset_id, lemma FROM synsets"):
            if WORD.fullmatch(lemma):
                synsets.setdefault(synset, set()).add(lemma)
    synonyms: dict[str, set[str]] = {}
    for members in synsets.values():
        for lemma in members:
            synonyms.setdefault(lemma, set()).update(members - {lemma})
    return {lemma: sorted(others) for lemma, others in synonyms.items() if others}


def read_tune_sentences() -> dict[str, str]:
    """Clean sentences the held-out run never reads, 40–300 characters, each with its source: the
    paragraphs of XQuAD's Russian Wikipedia translations (``shared/corpora/modern``, CC BY-SA, read in
    place), the SpellRuEval tune half and GERA train (detokenized)."""
    with gzip.open(REPO_ROOT.parent / "shared" / "corpora" / "modern" / TUNE_FILE, "rt", encoding="utf-8") as handle:
        found = {sentence: "xquad" for line in handle for sentence in sentences_of(line.strip().lstrip("\ufeff"))}
    for name in ("spellrueval-tune", "gera-train"):
        for pair in load_dataset(name):
            found.setdefault(detokenize(pair.target.strip()), name)
    return {text: source for text, source in found.items() if 40 <= len(text) <= 300}


def read_sentences() -> list[str]:
    folder = REPO_ROOT.parent / "shared" / "corpora" / "modern"
    sentences = []
    for name in SENTENCE_FILES:
        with gzip.open(folder / name, "rt", encoding="utf-8") as handle:
            sentences += [line.strip() for line in handle if 40 <= len(line.strip()) <= 300]
    return sentences


class Spinner:
    def __init__(self, thesaurus: dict[str, list[str]], lexicon) -> None:
        self.thesaurus, self.lexicon, self.morph = thesaurus, lexicon, lexicon.morph

    def _same_form(self, synonym: str, parse) -> str | None:
        wanted = {getattr(parse.tag, name) for name in FORM_ATTRIBUTES} - {None}
        for candidate in self.morph.parse(synonym):
            if candidate.tag.POS not in (parse.tag.POS, HEADWORD_POS.get(parse.tag.POS)):
                continue
            inflected = candidate.inflect(wanted) if wanted else candidate
            if inflected is not None and inflected.tag.POS == parse.tag.POS and "-" not in inflected.word:
                return inflected.word
        return None

    def damage(self, sentence: str, kind: str, rng: random.Random) -> Damage | None:
        places = []
        for match in WORD.finditer(sentence):
            word = match.group()
            if len(word) < 5:
                continue
            parse = self.morph.parse(word)[0]
            if parse.tag.POS in CONTENT_POS and parse.score >= 0.4 and parse.normal_form in self.thesaurus:
                places.append((match, parse))
        rng.shuffle(places)
        for match, parse in places:
            word = match.group()
            synonyms = [s for s in self.thesaurus[parse.normal_form] if s[:3] != word[:3]]
            rng.shuffle(synonyms)
            for synonym in synonyms:
                form = self._same_form(synonym, parse)
                if form is None or form == word:
                    continue
                if kind == "swap":
                    garbled = form
                else:
                    head = word[: max(3, len(word) - rng.choice((0, 1, 2, 3)))]
                    tail = form[rng.choice((1, 2, 3)) :]
                    garbled = head + tail
                    if len(tail) < 3 or self.lexicon.is_known(garbled) or self.lexicon.zipf(garbled) > 0:
                        continue
                text = sentence[: match.start()] + garbled + sentence[match.end() :]
                return Damage(sentence, text, match.start(), match.start() + len(garbled), kind, word)
        return None

    def sample(self, sentences: list[str], kind: str, n: int, seed: int) -> list[Damage]:
        rng = random.Random(f"{seed}:{kind}")
        order = list(range(len(sentences)))
        rng.shuffle(order)
        damages = []
        for index in order:
            found = self.damage(sentences[index], kind, rng)
            if found is not None:
                damages.append(found)
                if len(damages) == n:
                    break
        return damages


def swap_rows(corrector: Corrector, text: str, damage: Damage | None):
    """For each word ``detect.swap`` checks in ``text``: (is it the swapped word?, [(candidate is the
    original?, features), …])."""
    document = Document(
        text, tokenize(text), corrector.lexicon, corrector.suggest, corrector.report_threshold, corrector._context
    )
    rows = []
    for sentence in swap.sentences(document):
        for index, scored in swap.evidence(document, sentence):
            token = document.tokens[index]
            hit = damage is not None and token.start < damage.end and damage.start < token.stop
            rows.append(
                (
                    hit,
                    [
                        (hit and option is not None and fold(option) == fold(damage.expected), features)
                        for option, features in scored
                    ],
                )
            )
    return rows


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-4, steps: int = 100) -> np.ndarray:
    """Weights (bias first) of an L2-regularised logistic regression, by Newton's method on the
    standardised features (so that the penalty treats a cosine gain and a log10 count alike)."""
    mean, spread = x.mean(axis=0), x.std(axis=0) + 1e-9
    x1 = np.hstack([np.ones((len(x), 1)), (x - mean) / spread])
    w = np.zeros(x1.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x1 @ w))
        gradient = x1.T @ (p - y) / len(y) + l2 * np.r_[0, w[1:]]
        hessian = (x1.T * (p * (1 - p))) @ x1 / len(y) + l2 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return np.r_[w[0] - (w[1:] * mean / spread).sum(), w[1:] / spread]


def tune_blends(args) -> None:
    """The tune-side blends: Wiktionary synonyms pasted over words of the tune sentences, scored like
    the held-out ones, then the blend and non-word findings on clean tune sentences, per source."""
    corrector = Corrector()
    spinner = Spinner(read_wordnet(), corrector.lexicon)
    source_of = read_tune_sentences()
    sentences = list(source_of)
    damages = spinner.sample(sentences, "blend", args.per_kind, args.seed)
    print(f"tune: blends with Wiktionary synonyms in {len(damages)} tune sentences\n{TABLE_HEAD}")
    print(damage_row(corrector, damages, "blend", args.verbose))
    used = {damage.original for damage in damages}
    clean = [s for s in sentences if s not in used]
    random.Random(f"{args.seed}:clean").shuffle(clean)
    print("\nclean tune sentences: blend findings, and non-word findings without a suggestion, per 1k words")
    clean_evidence = SpinEvidence()
    for source in dict.fromkeys(source_of.values()):
        of_source = [s for s in clean if source_of[s] == source][: args.clean]
        words = sum(len(s.split()) for s in of_source)
        found = []
        for sentence in of_source:
            findings, evidence = corrector.check_and_spin(sentence)
            found += findings
            clean_evidence = clean_evidence.plus(evidence)
        blends = [f for f in found if f.kind == "blend"]
        bare = [f for f in found if f.kind == "nonword" and not f.suggestions]
        print(
            f"{source}: {len(of_source)} sentences, {words} words; blend {1000 * len(blends) / words:.2f}, "
            f"non-word without suggestion {1000 * len(bare) / words:.2f}"
        )
        if args.verbose:
            for f in blends + bare:
                print(f"    {f.text} → {', '.join(s.text for s in f.suggestions) or '∅'} [{f.kind}]")
    spun_evidence = SpinEvidence()
    for damage in damages:
        spun_evidence = spun_evidence.plus(corrector.spin_evidence(damage.text))
    blend_log_odds(spun_evidence, clean_evidence)


def blend_log_odds(blended: SpinEvidence, clean: SpinEvidence) -> None:
    """The log likelihood ratio of a blend finding for the spin score (``detect.swap``'s
    ``NEAR_BLEND_LOG_ODDS`` and ``OTHER_BLEND_LOG_ODDS``), from the findings per checked word of
    blended sentences (``blended``) and of clean ones: on a spun page a share ``BLEND_SENTENCES`` of
    the sentences have a blend, the others read as clean ones do. A clean rate is counted with one
    more finding than seen, so that a kind seen once or never in clean text is not taken as impossible
    there."""
    print(
        f"\nblend findings per 1,000 checked words (spin evidence), spun pages with a blend in {BLEND_SENTENCES:.0%} of the sentences:"
    )
    for name, in_blended, in_clean in (
        ("NEAR", blended.near_blends, clean.near_blends),
        ("OTHER", blended.other_blends, clean.other_blends),
    ):
        clean_rate = (in_clean + 1) / clean.words
        spun_rate = BLEND_SENTENCES * in_blended / blended.words + (1 - BLEND_SENTENCES) * clean_rate
        print(
            f"{name}: blended sentences {1000 * in_blended / blended.words:.2f} ({in_blended} in {blended.words}), "
            f"clean {1000 * in_clean / clean.words:.3f} ({in_clean} in {clean.words}); "
            f"{name}_BLEND_LOG_ODDS = {np.log(spun_rate / clean_rate):.2f}"
        )


def tune(args) -> None:
    corrector = Corrector()
    spinner = Spinner(read_wordnet(), corrector.lexicon)
    source_of = read_tune_sentences()
    sentences = list(source_of)
    damages = spinner.sample(sentences, "swap", args.per_kind, args.seed)
    used = {damage.original for damage in damages}
    clean = [s for s in sentences if s not in used]
    random.Random(f"{args.seed}:clean").shuffle(clean)
    clean = clean[: args.per_kind]
    words = sum(len(s.split()) for s in clean)
    rows, sentence_of = [], []
    for number, (damage, text) in enumerate([(d, d.text) for d in damages] + [(None, text) for text in clean]):
        found = swap_rows(corrector, text, damage)
        rows += [(damage is not None, row) for row in found]
        sentence_of += [number] * len(found)
    print(
        f"tune: {len(damages)} swaps (Wiktionary synonyms), {len(clean)} clean sentences ({words} words), {len(rows)} checked words"
    )
    # Multiple-instance fit: a word's evidence is that of its best candidate under the current weights
    # (first: the best-fitting one); refit until the choice settles.
    weights = None
    for _ in range(5):
        chosen = []
        for _, (_, scored) in rows:
            features = np.array([f for _, f in scored])
            rank = features[:, 0] if weights is None else features @ weights[1:]
            chosen.append(features[int(np.argmax(rank))])
        x, y = np.array(chosen), np.array([hit for _, (hit, _) in rows], dtype=float)
        weights = fit_logistic(x, y)
    print(
        f"TUNE_BASE_RATE = {y.mean():.3f}; swapped words among checked words of damaged sentences: "
        f"{y.sum() / sum(damaged for damaged, _ in rows):.3f}"
    )
    print(
        "BIAS = "
        + f"{weights[0]:.3f}"
        + "\nWEIGHTS = ("
        + ", ".join(f"{w:.3f}" for w in weights[1:])
        + ")  # "
        + ", ".join(swap.FEATURES)
    )
    p = 1 / (1 + np.exp(-(weights[0] + x @ weights[1:])))
    in_damaged = np.array([damaged for damaged, _ in rows])
    print(
        "| REPORT_AT | recall % | precision % (damaged sentences) | clean false alarms / 1k words |\n|---:|---:|---:|---:|"
    )
    for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        flagged = p >= threshold
        recall = (flagged & (y == 1)).sum() / max(1, len(damages))
        of_damaged = flagged & in_damaged
        precision = (of_damaged & (y == 1)).sum() / max(1, of_damaged.sum())
        alarms = (flagged & ~in_damaged).sum() * 1000 / words
        print(f"| {threshold:.2f} | {100 * recall:.1f} | {100 * precision:.1f} | {alarms:.2f} |")
    texts = [d.text for d in damages] + clean
    documents: dict[tuple[bool, str], list[list[int]]] = {}
    for number, text in enumerate(texts):
        source = source_of[damages[number].original if number < len(damages) else text]
        groups = documents.setdefault((number < len(damages), source), [[]])
        if len(groups[-1]) == DOCUMENT_SENTENCES:
            groups.append([])
        groups[-1].append(number)
    sentence_words = np.array([len(text.split()) for text in texts])
    tune_documents(p, y, np.array(sentence_of), sentence_words, documents, in_damaged, words)


def tune_documents(p, y, sentence_of, sentence_words, documents, spun_rows, clean_sentence_words) -> None:
    """Fit the document score (``detect.swap.spin_probability``) on pseudo-documents of
    ``DOCUMENT_SENTENCES`` tune sentences of one source, spun (a swap in every sentence) or clean: its
    clean statistics and logistic map on the Wikipedia ones (news-like, the pages it is for), its
    accuracy on each source; then the document-aware word threshold (``detect.swap.in_document``)."""
    docs = [
        (spun, source, np.isin(sentence_of, members), sentence_words[members].sum())
        for (spun, source), groups in documents.items()
        for members in groups
        if len(members) == DOCUMENT_SENTENCES
    ]
    fitted = [(spun, mask) for spun, source, mask, _ in docs if source == "xquad"]
    clean_words = np.concatenate([p[mask] for spun, mask in fitted if not spun])
    clean_mean, clean_spread = clean_words.mean(), clean_words.std()
    z = np.array(
        [(p[mask] - clean_mean).sum() / (clean_spread * np.sqrt(max(1, mask.sum()))) for _, _, mask, _ in docs]
    )
    labels = np.array([spun for spun, *_ in docs], dtype=float)
    on_xquad = np.array([source == "xquad" for _, source, _, _ in docs])
    # Even odds: each class weighs the same whatever its number of documents.
    balanced = np.r_[np.flatnonzero(on_xquad & (labels == 1)), np.flatnonzero(on_xquad & (labels == 0))]
    share = (labels[balanced] == 1).mean()
    repeat = np.where(labels[balanced] == 1, round((1 - share) / share * 10), 10)
    weights = fit_logistic(np.repeat(z[balanced], repeat)[:, None], np.repeat(labels[balanced], repeat))
    print(
        f"\nSPIN_CLEAN_MEAN = {clean_mean:.4f}\nSPIN_CLEAN_SPREAD = {clean_spread:.4f}\nSPIN_BIAS = {weights[0]:.3f}\nSPIN_WEIGHT = {weights[1]:.3f}"
    )
    spin = 1 / (1 + np.exp(-(weights[0] + weights[1] * z)))
    for source in sorted({source for _, source, _, _ in docs}):
        of = np.array([s == source for _, s, _, _ in docs])
        print(
            f"documents of {DOCUMENT_SENTENCES} {source} sentences: spun {int((of & (labels == 1)).sum())}, ≥ 0.5: {100 * (spin[of & (labels == 1)] >= 0.5).mean():.1f} %; "
            f"clean {int((of & (labels == 0)).sum())}, ≥ 0.5: {100 * (spin[of & (labels == 0)] >= 0.5).mean():.1f} %"
        )

    def logistic(z):
        return 1 / (1 + np.exp(-(weights[0] + weights[1] * z)))

    print(
        "\nWords in documents (word score × what the page says, detect.swap.in_document): recall and precision in spun ones, "
        "false alarms per 1,000 words of clean ones, with documents of 10 sentences | of one sentence"
    )
    print(
        "| REPORT_AT | recall % | precision % | false alarms / 1k | recall % | precision % | false alarms / 1k |\n|---:|---:|---:|---:|---:|---:|---:|"
    )
    clean_total = sum(words for spun, _, _, words in docs if not spun)
    views = []
    for groups in (docs, None):
        posterior, in_spun, in_clean = np.zeros(len(p)), np.zeros(len(p), dtype=bool), np.zeros(len(p), dtype=bool)
        if groups is not None:
            for (spun, _, mask, _), page in zip(groups, logistic(z), strict=True):
                posterior[mask] = [swap.in_document(value, page) for value in p[mask]]
                in_spun |= mask & spun
                in_clean |= mask & (not spun)
            total = clean_total
        else:
            for number in np.unique(sentence_of):
                mask = sentence_of == number
                page = logistic((p[mask] - clean_mean).sum() / (clean_spread * np.sqrt(mask.sum())))
                posterior[mask] = [swap.in_document(value, page) for value in p[mask]]
            in_spun, in_clean = spun_rows, ~spun_rows
            total = clean_sentence_words
        views.append((posterior, in_spun, in_clean, total))
    for threshold in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        cells = []
        for posterior, in_spun, in_clean, total in views:
            flagged = posterior >= threshold
            right = (flagged & in_spun & (y == 1)).sum()
            cells += [
                100 * right / max(1, (in_spun & (y == 1)).sum()),
                100 * right / max(1, (flagged & in_spun).sum()),
                (flagged & in_clean).sum() * 1000 / total,
            ]
        print(
            f"| {threshold:.2f} | " + " | ".join(f"{c:.{2 if k % 3 == 2 else 1}f}" for k, c in enumerate(cells)) + " |"
        )
    # The threshold must hold on every kind of text, not on their mixture alone.
    sources = sorted({source for _, source in documents})
    print("\nFalse alarms per 1,000 words of clean sentences of each source (pages of one sentence)")
    print("| REPORT_AT | " + " | ".join(sources) + " |\n|---:|" + "---:|" * len(sources))
    one_sentence = views[1][0]
    for threshold in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        cells = []
        for source in sources:
            members = [number for group in documents.get((False, source), []) for number in group]
            flagged = (one_sentence >= threshold) & np.isin(sentence_of, members)
            cells.append(flagged.sum() * 1000 / max(1, sentence_words[members].sum()))
        print(f"| {threshold:.2f} | " + " | ".join(f"{c:.2f}" for c in cells) + " |")


def page(path: Path, top: int = 40) -> None:
    """One page read as ``detect.swap`` reads it: the spin score, the swap findings, and the ``top``
    most suspicious words with their likely originals (to look at, not to tune on)."""
    corrector = Corrector(swaps=True)
    text = path.read_text(encoding="utf-8")
    document = Document(
        text, tokenize(text), corrector.lexicon, corrector.suggest, corrector.report_threshold, corrector._context
    )
    scores = sorted(swap.word_scores(document), key=lambda item: -item[2])
    findings = [f for f in corrector.check(text) if f.kind == "swap"]
    print(
        f"{path}: spin score {corrector.spin_score(text):.2f}; {len(scores)} checked words; swap findings: "
        + (", ".join(f"{f.text} → {f.suggestions[0].text if f.suggestions else '?'}" for f in findings) or "none")
    )
    print(
        f"most suspicious {top}: "
        + ", ".join(f"{document.tokens[i].text} → {option or '?'} {p:.2f}" for i, option, p in scores[:top])
    )


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--tune", action="store_true", help="fit detect.swap on the tune-side spinner")
    parser.add_argument("--blends", action="store_true", help="with --tune: measure blends on the tune-side spinner")
    parser.add_argument("--clean", type=int, default=2000, help="with --tune --blends: clean sentences per source")
    parser.add_argument(
        "--page", type=Path, help="a text file: its spin score, swap findings and most suspicious words"
    )
    args = parser.parse_args()
    if args.tune:
        return tune_blends(args) if args.blends else tune(args)
    if args.page:
        return page(args.page)
    if not THESAURUS.exists():
        sys.exit(f"spinner: {THESAURUS} is missing (apt-get install mythes-ru)")
    corrector = Corrector(swaps=True)
    spinner = Spinner(read_thesaurus(), corrector.lexicon)
    sentences = read_sentences()
    print(TABLE_HEAD)
    damaged: dict[str, list[Damage]] = {}
    for kind in KINDS:
        damaged[kind] = spinner.sample(sentences, kind, args.per_kind, args.seed)
        print(damage_row(corrector, damaged[kind], kind, args.verbose))
    spun = damaged["swap"]
    used = {damage.original for damage in spun}
    clean = [s for s in sentences if s not in used][:3000]
    words = sum(len(s.split()) for s in clean)
    alarms = Counter(f.kind for s in clean for f in corrector.check(s))
    print(
        f"\nclean sentences: {len(clean)}, {words} words; findings per 1k words: "
        + ", ".join(f"{kind} {1000 * count / words:.2f}" for kind, count in alarms.most_common())
    )
    documents(corrector, spun, clean, damaged["blend"])


TABLE_HEAD = "| damage | n | reported % | kind right % | first right % | fixed % | precision % |\n|---|---:|---:|---:|---:|---:|---:|"


def damage_row(corrector: Corrector, damages: list[Damage], kind: str, verbose: bool = False) -> str:
    """The table row of one damage kind (see the module docstring's metrics); with ``verbose``, every
    miss after it, commonest first."""
    reported = kind_right = first_right = fixed = of_kind = overlapping = 0
    misses: Counter = Counter()
    for damage in damages:
        findings = corrector.check(damage.text)
        hits = [f for f in findings if f.start < damage.end and damage.start < f.end]
        of_kind += sum(f.kind == kind for f in findings)
        overlapping += sum(f.kind == kind for f in hits)
        if not hits:
            misses[f"missed: {damage.text[damage.start : damage.end]} ({damage.expected})"] += 1
            continue
        reported += 1
        kind_right += hits[0].kind == kind
        top = hits[0].suggestions[0].text if hits[0].suggestions else ""
        if fold(top) == fold(damage.expected):
            first_right += 1
            fixed += hits[0].fix is not None
        else:
            misses[
                f"first: {damage.text[damage.start : damage.end]} → {top or '∅'} ({damage.expected}) [{hits[0].kind}]"
            ] += 1
    n = len(damages) or 1
    precision = 100 * overlapping / of_kind if of_kind else 0.0
    row = f"| {kind} | {len(damages)} | {100 * reported / n:.1f} | {100 * kind_right / n:.1f} | {100 * first_right / n:.1f} | {100 * fixed / n:.1f} | {precision:.1f} |"
    shown = [f"    {line}" for line, _ in misses.most_common()] if verbose else []
    return "\n".join([row, *shown])


def documents(corrector: Corrector, spun: list[Damage], clean: list[str], blended: list[Damage]) -> None:
    """The page-level view: pseudo-documents of ``DOCUMENT_SENTENCES`` sentences, spun (a swap in each,
    or in a share ``BLEND_SENTENCES`` of them a blend instead) or clean (as many sentences as the spun
    ones, the news of the first file; and every clean sentence, social media too); their spin scores,
    and the swaps ``check`` finds in them."""
    print(f"\nPseudo-documents of {DOCUMENT_SENTENCES} sentences: spin score (Corrector.spin_score) and swap findings")
    print(
        "| documents | n | score ≥ 0.5 % | mean score | swaps found % | swap precision % | swap findings / 1k words |\n|---|---:|---:|---:|---:|---:|---:|"
    )
    with_blends = round(BLEND_SENTENCES * DOCUMENT_SENTENCES)
    with_swaps = DOCUMENT_SENTENCES - with_blends
    mixed: list[Damage] = []
    for page in range(min(len(spun) // with_swaps, len(blended) // with_blends)):
        mixed += spun[page * with_swaps : (page + 1) * with_swaps]
        mixed += blended[page * with_blends : (page + 1) * with_blends]
    for title, group in (
        ("spun (a swap in every sentence)", spun),
        (f"spun ({with_blends} of the {DOCUMENT_SENTENCES} sentences with a blend instead)", mixed),
        ("clean", clean[: len(spun)]),
        ("clean, every clean sentence", clean),
    ):
        scores, found, right, swaps, words = [], 0, 0, 0, 0
        for first in range(0, len(group) - DOCUMENT_SENTENCES + 1, DOCUMENT_SENTENCES):
            members = group[first : first + DOCUMENT_SENTENCES]
            texts = [m.text if isinstance(m, Damage) else m for m in members]
            text = " ".join(texts)
            spans, at = [], 0
            for member, piece in zip(members, texts, strict=True):
                if isinstance(member, Damage) and member.kind == "swap":
                    spans.append((at + member.start, at + member.end))
                at += len(piece) + 1
            checked, evidence = corrector.check_and_spin(text)
            scores.append(swap.spin_probability(evidence))
            findings = [f for f in checked if f.kind == "swap"]
            hits = [f for f in findings if any(f.start < end and start < f.end for start, end in spans)]
            found += len(findings)
            right += len(hits)
            swaps += len(spans)
            words += len(text.split())
        n = max(1, len(scores))
        recall = f"{100 * right / swaps:.1f}" if swaps else "–"
        precision = f"{100 * right / found:.1f}" if swaps and found else "–"
        print(
            f"| {title} | {len(scores)} | {100 * sum(p >= 0.5 for p in scores) / n:.1f} | {sum(scores) / n:.2f} | {recall} | {precision} | {1000 * (found - right) / max(1, words):.2f} |"
        )


if __name__ == "__main__":
    main()
