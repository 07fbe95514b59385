"""The meaning model: which words are used alike, from word vectors of Russian news.

What it is. GloVe-style word vectors place words that occur among the same neighbours near each other:
«иностранных», «зарубежных» and «западных» point almost the same way, because news text surrounds them
with the same words («министр … дел», «… инвесторов»). Two things follow that a spelling check cannot
see: how well a word *fits* the words around it (the cosine of its vector with theirs), and which
other words could *stand in its place* (its nearest vectors). A synonym swap is a word that fits its
sentence worse than one of its near neighbours would (``detect.swap``).

Where it comes from. The vectors are navec's news vectors (Alexander Kukushkin, the natasha project,
MIT licence; see ``data/meaning.NOTICE.txt``): 250,000 words × 300 dimensions trained on 1.2 billion
tokens of Russian news, with each word's count. ``benchmarks/build_meaning.py`` keeps the lower-case
Cyrillic words: all of them with their counts (``news_zipf``: how often news text uses a word at all),
the 50,000 most frequent with their vectors, and, per vector word, its nearest words of the same part
of speech and another lemma (``neighbours``), computed once from the full vectors.

How a vector is stored. navec compresses a vector by product quantization: its 300 dimensions are cut
into 100 sub-vectors of 3, and each sub-vector is replaced by the nearest of 256 centroids learnt for
its slot. A word is then 100 one-byte codes, and its vector is decoded on demand as
``codebook[s, codes[word, s]]`` for each slot s: one array look-up for a whole sentence of words. The
package data is one compressed numpy archive (``data/meaning.npz``, ~8 MB) read once per process
(``shared_model``); nothing is decoded in advance.

The plain fit of a word to a context would be the mean cosine of its vector with the context words'
vectors (words without a vector left out). But frequent words lean toward every context: «год» fits
«поэт написал стихотворение родине» with a mean cosine of 0.16, because its vector shares a direction
with most of a text's words. So the one fit the model gives, the fit *beyond the common direction*
(``fits``), compares words of very different frequency fairly: each word's cosine with
the count-weighted mean of all unit vectors (``common_direction``) is taken off its plain fit, which
leaves «год» at −0.10 there and «стихи» at 0.36 (0.41 before). That is the dot product of the word's
unit vector with the context's mean unit vector less the common direction (``context_direction``),
so no fit is further from 0 than that direction's length. A word without a vector has no fit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cached_property, lru_cache
from importlib import resources

import numpy as np

DATA = "meaning.npz"
FORMAT = 1
NO_NEIGHBOUR = np.iinfo(np.uint16).max  # the padding of a short neighbour row


class MeaningModel:
    """Word vectors, counts and neighbours from navec (see the module docstring)."""

    def __init__(self, archive) -> None:
        with np.load(archive) as data:
            if int(data["format"]) != FORMAT:
                raise ValueError(f"{DATA}: not a pravka meaning model of format {FORMAT}")
            every_word = data["words"].tobytes().decode("utf-8")
            self.counts = data["counts"].astype(np.int64)
            self.total = int(data["total"])
            self.codes = data["codes"]
            self.codebook = data["codebook"]
            self.neighbour_ids = data["neighbours"]
        self.vector_words = len(self.codes)
        # The words with vectors come first, and only they are read by the blend and confusion units;
        # the other 186k (the swap unit reads their news counts) stay one string until ``words`` is
        # first asked for: 20 MB of string objects that a process without swaps never holds.
        *self._with_vectors, self._without_vectors = every_word.split("\n", self.vector_words)
        self._vector_index = dict(zip(self._with_vectors, range(self.vector_words), strict=True))
        self._slots = np.arange(self.codes.shape[1])

    @cached_property
    def words(self) -> list[str]:
        """Every word, row by row: the vector words, most frequent first, then the others."""
        return self._with_vectors + self._without_vectors.split("\n")

    @cached_property
    def index(self) -> dict[str, int]:
        """Every word's row among ``words`` (and ``counts``)."""
        return dict(zip(self.words, range(len(self.words)), strict=True))

    def __repr__(self) -> str:
        return f"MeaningModel({len(self.counts)} words, {self.vector_words} with vectors)"

    def news_zipf(self, word: str) -> float:
        """log10 of the word's frequency per billion words of news (its count + 1, so never −∞)."""
        i = self.index.get(word)
        count = 0 if i is None else int(self.counts[i])
        return math.log10((count + 1) / self.total * 1e9)

    def vector_id(self, word: str) -> int | None:
        """The row of ``word``'s vector, or None when it has none (rare in news, or not there)."""
        return self._vector_index.get(word)

    def unit_vectors(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """The unit-length vectors of rows ``ids``, decoded, one row each (float32)."""
        ids = np.asarray(ids, dtype=np.int64)
        vectors = self.codebook[self._slots, self.codes[ids]].reshape(len(ids), -1)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def stand_in(self, word: str, parses: Sequence, *, by_lemma: bool = False) -> str | None:
        """The word whose vector stands for ``word``: itself when it has one, else a word of the
        lexemes of ``parses`` (its pymorphy3 readings to consider) that has one, or None:

        * by default the form that news text uses most («пребывать» lends «пребывает»'s; the vector
          words are stored most frequent first, so that is the lowest row): what the swap and
          confusion units weigh is how a word fits its sentence, and a common form has the sharpest
          vector (with the lemma instead and the swap weights refitted, the held-out spinner's spun
          pages scored ≥ 0.5 in 90.0 % rather than 96.7 %, its clean ones in 13.3 % rather than 10.0 %);
        * ``by_lemma``, the lemma of the first reading whose lemma has one («малышам» lends
          «малыш»'s, «пребывать» none), without building a lexeme: the blend unit compares a head
          word's meaning with its synonym's, for thousands of cuts (with the commonest form, the
          head word came first for 79.3 % of the held-out spinner's blends rather than 80.3 %).
        """
        if self.vector_id(word) is not None:
            return word
        if by_lemma:
            return next((p.normal_form for p in parses if self.vector_id(p.normal_form) is not None), None)
        from .lexicon import lexeme_words  # its tables load with the lexicon, which the callers hold

        rows = [row for parse in parses for form in lexeme_words(parse) if (row := self.vector_id(form)) is not None]
        return self._with_vectors[min(rows)] if rows else None

    def context_direction(self, context: Sequence[str]) -> np.ndarray | None:
        """The mean unit vector of the ``context`` words that have one, less ``common_direction``: a
        word's fit beyond the common direction is its unit vector's dot product with this (``fits``);
        None when no context word has a vector. Its length bounds every fit (Cauchy–Schwarz)."""
        context_ids = [i for i in map(self.vector_id, context) if i is not None]
        if not context_ids:
            return None
        return self.unit_vectors(context_ids).mean(axis=0) - self.common_direction

    def fits(self, words: Sequence[str], direction: np.ndarray) -> np.ndarray:
        """Each of ``words``' fit beyond the common direction to the context whose
        ``context_direction`` is ``direction`` (see the module docstring), one dot product per word;
        NaN for a word without a vector."""
        present = [(k, i) for k, word in enumerate(words) if (i := self.vector_id(word)) is not None]
        out = np.full(len(words), np.nan, dtype=np.float32)
        if present:
            rows, ids = zip(*present, strict=True)
            out[list(rows)] = self.unit_vectors(ids) @ direction
        return out

    @cached_property
    def common_direction(self) -> np.ndarray:
        """The mean of the unit vectors of the vector words, each weighted by its news count: the
        direction frequent words share. Worked out on the codes, without decoding a vector: a word's
        length is the root of its sub-vectors' squared lengths summed, and each slot's part of the
        mean is its centroids weighted by the weights (count ÷ length) of the words that use them."""
        slots, centroids = self.codebook.shape[:2]
        squared = (self.codebook.astype(np.float64) ** 2).sum(axis=2)  # slot × centroid
        lengths = np.sqrt(squared[self._slots, self.codes].sum(axis=1))
        weights = self.counts[: self.vector_words] / lengths
        per_centroid = np.stack([np.bincount(self.codes[:, s], weights, minlength=centroids) for s in range(slots)])
        mean = (per_centroid[:, :, None] * self.codebook).sum(axis=1) / self.counts[: self.vector_words].sum()
        return mean.reshape(-1).astype(np.float32)

    def neighbours(self, word: str) -> list[str]:
        """The nearest words of the same part of speech and another lemma, nearest first (one form
        per lemma, as news text writes it most often near ``word``'s meaning); [] without a vector."""
        i = self.vector_id(word)
        if i is None:
            return []
        return [self._with_vectors[j] for j in self.neighbour_ids[i] if j != NO_NEIGHBOUR]


@lru_cache(maxsize=1)
def shared_model() -> MeaningModel:
    """The meaning model of this process, read from the package data on first use."""
    with (resources.files("pravka") / "data" / DATA).open("rb") as handle:
        return MeaningModel(handle)
