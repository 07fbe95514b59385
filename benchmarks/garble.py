"""A seeded garbled-text generator: one known damage per clean Russian sentence.

``damage(sentence, kind, rng)`` picks a random eligible place in the sentence, damages it in one of
the ways below and returns a ``Damage``: the garbled text, the damaged span ``[start, end)`` in it, the
kind, and ``expected`` — the replacement for that span that a correct first suggestion would give.
``None`` means the sentence offers no place for that kind. ``sample(sentences, kind, n, seed)`` draws
``n`` damages reproducibly: the same seed, sentences and kind give the same damages, byte for byte.

Kinds and what they do (the expected fix in brackets):

* ``homoglyph`` — one or two letters of a word become Latin look-alikes, «Poccия» [the word];
* ``hyphenation`` — a long word is broken across lines with a hyphen (now and then a soft hyphen),
  «безопас-\\nности» [the whole word, the line break moved after it];
* ``punctuation`` — one of: a comma glued to the noun after a preposition, «для ,новых» [« »]; a comma
  with the space on the wrong side before a clause word, «знал ,что» [«, »]; a doubled comma,
  «знал, ,что» [«, »]; a space before a comma, «знал , что» [«,»]; two sentences run together after a
  period, «конец.Начало» [«. »];
* ``repeat`` — a preposition typed twice, «в в Женеве» [delete the second copy];
* ``preposition`` — «во/со/ко/обо» lose their о, «в взаимоотношении» [the о-form];
* ``glued`` — the space after a short function word is lost, «вконце», or before «бы/же/ли», «ктобы»
  [the two words];
* ``ocr`` — a shape confusion inside a word: 0/о, 3/з, 6/б, 4/ч, ш/щ, и/н/п, «ьі»/«ъі» for ы, «іо» for ю
  [the word];
* ``blend`` — a spinner's blend: some form of a noun, sometimes cut short, fused with the tail of
  another noun in the first noun's case and number, «стороны» → «сторонамтраницы» [the original noun];
* ``typo`` — one letter replaced by a neighbour on the ЙЦУКЕН keyboard [the word].

The clean sentences come from the caller; the benchmark (``kinds.py``) reads SpellRuEval targets in
place and never stores them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

KINDS = ("homoglyph", "hyphenation", "punctuation", "repeat", "preposition", "glued", "ocr", "blend", "typo")

WORD = re.compile(r"(?<![\w-])[а-яёА-ЯЁ]+(?![\w-])")
PREPOSITIONS = frozenset({
    "в", "на", "с", "к", "о", "у", "по", "за", "из", "от", "до", "для", "без", "при", "про", "под", "над",
    "через", "после", "перед", "между",
})
# Clause words that take a comma before them, when the word before is not part of the conjunction.
CLAUSE_WORDS = frozenset({"что", "чтобы", "если", "когда", "который", "которая", "которое", "которые", "но"})
NOT_BEFORE_CLAUSE = PREPOSITIONS | {
    "потому", "так", "то", "не", "ни", "и", "а", "но", "или", "чем", "только", "лишь", "даже", "вот", "что",
}
GLUE_BEFORE = frozenset({"в", "на", "с", "к", "у", "по", "за", "из", "от", "до", "не", "ни", "и", "а", "но"})
GLUE_AFTER = frozenset({"бы", "же", "ли"})
FULL_PREPOSITIONS = {"во": "в", "со": "с", "ко": "к", "обо": "о"}
LOOKALIKES = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
}
OCR_CONFUSIONS = {
    "о": ("0",), "з": ("3",), "б": ("6",), "ч": ("4",), "ш": ("щ",), "щ": ("ш",), "и": ("н", "п"), "н": ("и",),
    "п": ("и",), "ы": ("ьі", "ъі"), "ю": ("іо",),
}
KEYBOARD_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True, slots=True)
class Damage:
    original: str  # the clean sentence
    text: str  # the garbled text
    start: int
    end: int
    kind: str
    expected: str  # replacement for text[start:end] that repairs the damage

    def repaired(self) -> str:
        return self.text[: self.start] + self.expected + self.text[self.end :]


def sample(sentences: list[str], kind: str, n: int, seed: int = 0) -> list[Damage]:
    """``n`` damages of one kind, each in a different sentence, reproducible from ``seed``."""
    rng = random.Random(f"{seed}:{kind}")
    order = list(range(len(sentences)))
    rng.shuffle(order)
    damages = []
    for index in order:
        companion = sentences[(index + 1) % len(sentences)]
        found = damage(sentences[index], kind, rng, companion)
        if found is not None:
            damages.append(found)
            if len(damages) == n:
                break
    return damages


def damage(sentence: str, kind: str, rng: random.Random, companion: str = "") -> Damage | None:
    """One damage of ``kind`` at a random eligible place; ``companion`` is a following sentence for
    the run-together-sentences variant of ``punctuation``."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
    words = list(WORD.finditer(sentence))
    if kind == "punctuation":
        return _punctuation(sentence, words, rng, companion)
    return GARBLERS[kind](sentence, words, rng)


def _replace(sentence: str, start: int, end: int, garbled: str, kind: str, expected: str) -> Damage:
    text = sentence[:start] + garbled + sentence[end:]
    return Damage(sentence, text, start, start + len(garbled), kind, expected)


def _pairs(sentence: str, words):
    """Neighbouring words separated by a single space."""
    for left, right in zip(words, words[1:]):
        if sentence[left.end() : right.start()] == " ":
            yield left, right


def _homoglyph(sentence, words, rng):
    eligible = [w for w in words if len(w.group()) >= 3 and any(ch in LOOKALIKES for ch in w.group())]
    if not eligible:
        return None
    word = rng.choice(eligible)
    letters = list(word.group())
    positions = [i for i, ch in enumerate(letters) if ch in LOOKALIKES]
    for i in rng.sample(positions, min(len(positions), rng.choice((1, 2)), len(letters) // 2)):
        letters[i] = LOOKALIKES[letters[i]]
    return _replace(sentence, word.start(), word.end(), "".join(letters), "homoglyph", word.group())


def _hyphenation(sentence, words, rng):
    eligible = [w for w in words if len(w.group()) >= 8 and sentence[w.end() : w.end() + 1] in ("", " ")]
    if not eligible:
        return None
    word = rng.choice(eligible)
    cut = rng.randint(3, len(word.group()) - 3)
    hyphen = SOFT_HYPHEN if rng.random() < 0.25 else "-"
    garbled = word.group()[:cut] + hyphen + "\n" + word.group()[cut:]
    end = word.end() + (1 if sentence[word.end() : word.end() + 1] == " " else 0)  # the following space moves too
    garbled += sentence[word.end() : end]
    return _replace(sentence, word.start(), end, garbled, "hyphenation", word.group() + "\n")


def _punctuation(sentence, words, rng, companion):
    pairs = list(_pairs(sentence, words))
    after_preposition = [(l, r) for l, r in pairs if l.group().lower() in PREPOSITIONS]
    before_clause = [
        (l, r) for l, r in pairs if r.group().lower() in CLAUSE_WORDS and l.group().lower() not in NOT_BEFORE_CLAUSE
    ]
    variants = []
    if after_preposition:
        variants.append(("stray", after_preposition))
    if before_clause:
        variants += [("misplaced", before_clause), ("doubled", before_clause), ("space-before", before_clause)]
    if WORD.match(companion) and companion[0].isupper() and WORD.fullmatch(sentence[-1:]):
        variants.append(("run-together", None))
    if not variants:
        return None
    variant, places = rng.choice(variants)
    if variant == "run-together":
        text = sentence + "." + companion
        return Damage(sentence, text, len(sentence), len(sentence) + 1, "punctuation", ". ")
    left, right = rng.choice(places)
    garbled, expected = {
        "stray": (" ,", " "),
        "misplaced": (" ,", ", "),
        "doubled": (", ,", ", "),
        "space-before": (" , ", ", "),
    }[variant]
    return _replace(sentence, left.end(), right.start(), garbled, "punctuation", expected)


def _repeat(sentence, words, rng):
    eligible = [w for w in words if w.group().lower() in PREPOSITIONS and sentence[w.end() : w.end() + 1] == " "]
    if not eligible:
        return None
    word = rng.choice(eligible)
    copy = " " + word.group().lower()
    text = sentence[: word.end()] + copy + sentence[word.end() :]
    return Damage(sentence, text, word.end(), word.end() + len(copy), "repeat", "")


def _preposition(sentence, words, rng):
    eligible = [w for w, _ in _pairs(sentence, words) if w.group().lower() in FULL_PREPOSITIONS]
    if not eligible:
        return None
    word = rng.choice(eligible)
    short = FULL_PREPOSITIONS[word.group().lower()]
    short = short.upper() if word.group()[0].isupper() else short
    return _replace(sentence, word.start(), word.end(), short, "preposition", word.group())


def _glued(sentence, words, rng):
    eligible = [
        (l, r) for l, r in _pairs(sentence, words)
        if l.group().lower() in GLUE_BEFORE or r.group().lower() in GLUE_AFTER
    ]
    if not eligible:
        return None
    left, right = rng.choice(eligible)
    both = f"{left.group()} {right.group()}"
    return _replace(sentence, left.start(), right.end(), left.group() + right.group(), "glued", both)


def _ocr(sentence, words, rng):
    eligible = [w for w in words if len(w.group()) >= 3 and any(ch in OCR_CONFUSIONS for ch in w.group())]
    if not eligible:
        return None
    word = rng.choice(eligible)
    positions = [i for i, ch in enumerate(word.group()) if ch in OCR_CONFUSIONS]
    i = rng.choice(positions)
    letters = word.group()
    garbled = letters[:i] + rng.choice(OCR_CONFUSIONS[letters[i]]) + letters[i + 1 :]
    return _replace(sentence, word.start(), word.end(), garbled, "ocr", letters)


def _blend(sentence, words, rng):
    """A spinner's blend: the spinner swaps a word for a "synonym" and keeps a scrap of the original.

    In the seed article «с той стороны» became «с той сторонамтраницы»: the head is some form of the
    original word («сторонам»), cut short by a letter now and then; the tail is the synonym («страницы»)
    in the original word's case and number, missing its first letter or two. The original word is
    what a correct first suggestion gives back. The synonym here is any other noun of the same case and
    number from the sentence list, inflected to agree: the detector cannot lean on meaning either way.
    """
    morph = _morph()
    nouns = []
    for word in words:
        text = word.group()
        if len(text) < 5 or not text.islower():
            continue
        parse = morph.parse(text)[0]
        if parse.tag.POS == "NOUN" and parse.tag.case and parse.tag.number and parse.score > 0.5:
            nouns.append((word, parse))
    if not nouns:
        return None
    word, parse = rng.choice(nouns)
    forms = [f.word for f in parse.lexeme if f.word != word.group() and len(f.word) >= 5 and "-" not in f.word]
    if not forms:
        return None
    head = rng.choice(forms)
    head = head[: len(head) - rng.choice((0, 1))]
    synonym_lemma = rng.choice(BLEND_SYNONYM_LEMMAS)
    synonym = morph.parse(synonym_lemma)[0].inflect({parse.tag.case, parse.tag.number})
    if synonym is None or synonym.word[:3] == word.group()[:3]:
        return None
    tail = synonym.word[rng.choice((1, 2)) :]
    return _replace(sentence, word.start(), word.end(), head + tail, "blend", word.group())


# Nouns a spinner might put in place of another: any common nouns serve, since the detector must not
# rely on what they mean.
BLEND_SYNONYM_LEMMAS = (
    "страница", "граница", "организация", "программа", "территория", "направление", "решение",
    "ситуация", "структура", "позиция", "стратегия", "перспектива", "технология", "компания",
)


def _morph():
    global _MORPH
    if _MORPH is None:
        import pymorphy3

        _MORPH = pymorphy3.MorphAnalyzer()
    return _MORPH


_MORPH = None


def _typo(sentence, words, rng):
    eligible = [w for w in words if len(w.group()) >= 4 and w.group().islower()]
    if not eligible:
        return None
    word = rng.choice(eligible)
    letters = word.group()
    positions = [i for i, ch in enumerate(letters) if keyboard_neighbours(ch)]
    if not positions:
        return None
    i = rng.choice(positions)
    garbled = letters[:i] + rng.choice(keyboard_neighbours(letters[i])) + letters[i + 1 :]
    return _replace(sentence, word.start(), word.end(), garbled, "typo", letters)


def keyboard_neighbours(letter: str) -> list[str]:
    """Keys next to ``letter`` on a ЙЦУКЕН keyboard: left and right, and the touching keys of the
    staggered rows above (same column and one to the right) and below (same column and one to the left)."""
    for row, keys in enumerate(KEYBOARD_ROWS):
        column = keys.find(letter)
        if column < 0:
            continue
        near = [
            (row, column - 1), (row, column + 1),
            (row - 1, column), (row - 1, column + 1),
            (row + 1, column - 1), (row + 1, column),
        ]
        return [
            KEYBOARD_ROWS[r][c] for r, c in near if 0 <= r < len(KEYBOARD_ROWS) and 0 <= c < len(KEYBOARD_ROWS[r])
        ]
    return []


GARBLERS = {
    "homoglyph": _homoglyph,
    "hyphenation": _hyphenation,
    "repeat": _repeat,
    "preposition": _preposition,
    "glued": _glued,
    "ocr": _ocr,
    "blend": _blend,
    "typo": _typo,
}
