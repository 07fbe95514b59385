"""A spinner simulator of our own, to measure what a text spinner does to Russian: swaps and blends.

A spinner replaces words by "synonyms" from a thesaurus. Two kinds of damage follow, both simulated
here on clean sentences, one per sentence:

* ``swap`` — the word is replaced whole by a synonym in the same grammatical form («союзники» →
  «враги», «иностранных» → «зарубежных»). Every word stays a dictionary word; only meaning and
  usage can tell. [expected: the original word]
* ``blend`` — the spinner pasted the synonym over the word but kept a scrap of it: the start of the
  original form, sometimes cut short by up to three letters, fused with the synonym's form missing
  its first one to three letters («пытался» + «старался» → «пыталтарался», «детям» + «малышам» →
  «детлышам»). [expected: the original word]

The synonym source is LibreOffice's Russian thesaurus (Debian's ``mythes-ru``, LGPL, read in place
from ``/usr/share/mythes``; ``apt-get install mythes-ru``), which pravka never reads: the detectors
are tuned on ``garble.py``'s meaning-agnostic blends, so this is the held-out measurement. The clean
sentences are the Universal Dependencies files of ``shared/corpora/modern`` (news, Wikipedia, social
media; CC BY-SA, read in place, never copied), which the shipped usage table does not contain.

Metrics, per damage kind: *reported* (a finding overlaps the damage), *first right* (its first
suggestion is the original word), *fixed* (``fix`` applied exactly that), *precision* (findings of
the expected kind in damaged sentences that overlap their damage), and false alarms of that kind per
1,000 words of the clean sentences.

Usage: ``python benchmarks/spinner.py [--per-kind 300] [--seed 0] [--verbose]``.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import REPO_ROOT  # noqa: E402
from benchmarks.garble import Damage  # noqa: E402
from pravka import Corrector  # noqa: E402

THESAURUS = Path("/usr/share/mythes/th_ru_RU_v2.dat")
SENTENCE_FILES = ("ud_pud_test.txt.gz", "ud_gsd_devtest.txt.gz", "ud_taiga_devtest.txt.gz")
WORD = re.compile(r"(?<![\w-])[а-яё]+(?![\w-])")
CONTENT_POS = frozenset({"NOUN", "ADJF", "VERB", "INFN", "ADVB"})
FORM_ATTRIBUTES = ("case", "number", "gender", "person", "tense", "mood")
KINDS = ("blend", "swap")


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
            if candidate.tag.POS != parse.tag.POS:
                continue
            inflected = candidate.inflect(wanted) if wanted else candidate
            if inflected is not None and "-" not in inflected.word:
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


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not THESAURUS.exists():
        sys.exit(f"spinner: {THESAURUS} is missing (apt-get install mythes-ru)")
    corrector = Corrector()
    spinner = Spinner(read_thesaurus(), corrector.lexicon)
    sentences = read_sentences()
    print("| damage | n | reported % | kind right % | first right % | fixed % | precision % |\n|---|---:|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        damages = spinner.sample(sentences, kind, args.per_kind, args.seed)
        reported = kind_right = first_right = fixed = of_kind = overlapping = 0
        misses: Counter = Counter()
        for damage in damages:
            findings = corrector.check(damage.text)
            hits = [f for f in findings if f.start < damage.end and damage.start < f.end]
            of_kind += sum(f.kind == kind for f in findings)
            overlapping += sum(f.kind == kind for f in hits)
            if not hits:
                misses[f"missed: {damage.text[damage.start:damage.end]} ({damage.expected})"] += 1
                continue
            reported += 1
            kind_right += hits[0].kind == kind
            top = hits[0].suggestions[0].text if hits[0].suggestions else ""
            if fold(top) == fold(damage.expected):
                first_right += 1
                fixed += hits[0].fix is not None
            else:
                misses[f"first: {damage.text[damage.start:damage.end]} → {top or '∅'} ({damage.expected}) [{hits[0].kind}]"] += 1
        n = len(damages) or 1
        precision = 100 * overlapping / of_kind if of_kind else 0.0
        print(f"| {kind} | {len(damages)} | {100 * reported / n:.1f} | {100 * kind_right / n:.1f} | {100 * first_right / n:.1f} | {100 * fixed / n:.1f} | {precision:.1f} |")
        if args.verbose:
            for line, _ in misses.most_common(40):
                print("   ", line)
    clean = sentences[: 3000]
    words = sum(len(s.split()) for s in clean)
    alarms = Counter(f.kind for s in clean for f in corrector.check(s))
    print(f"\nclean sentences: {len(clean)}, {words} words; findings per 1k words: "
          + ", ".join(f"{kind} {1000 * count / words:.2f}" for kind, count in alarms.most_common()))


if __name__ == "__main__":
    main()
