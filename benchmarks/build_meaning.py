"""Build pravka's meaning model (``src/pravka/data/meaning.npz``) from the navec news vectors.

Source: ``navec_news_v1_1B_250K_300d_100q.tar`` (Alexander Kukushkin, the natasha project,
github.com/natasha/navec, MIT licence): GloVe vectors of 250,000 words × 300 dimensions trained on
1.2 billion tokens of Russian news, product-quantized, with each word's count. It ships inside the
``natasha`` wheel; this script reads it from the wheel (``--wheel``, or the tar itself with ``--tar``)
with the ``navec`` package, a build-time tool only: the runtime reads the ``.npz`` with numpy alone.

Reduction, step by step:

1. **Words.** Every lower-case Cyrillic word (hyphenated ones too) keeps its count: the rarity signal
   (a dictionary word that news text almost never uses). The ``VECTOR_WORDS`` most frequent of them
   also keep a vector (the last of them is seen ~1,500 times in 1.2 billion words; rarer words have
   noisy GloVe vectors anyway).
2. **Vectors as navec stores them.** navec already compresses each 300-dimensional vector by product
   quantization: 100 sub-vectors of 3 dimensions, each replaced by the nearest of 256 centroids, so a
   word is 100 one-byte codes plus one shared codebook (100 × 256 × 3 floats). Those codes are kept
   as they are, so the kept words' vectors are exactly navec's; a vector is decoded when it is asked
   for (codebook[s, code[s]] for each sub-vector s). A PCA to 64–160 dimensions with int8 values
   costs more or as much space and loses accuracy (printed below).
3. **Neighbours.** For each word with a vector, its ``NEIGHBOURS`` nearest words by cosine that
   pymorphy3 reads as the same part of speech and a different lemma, one form per lemma: the
   candidate "originals" of a synonym swap, to be inflected into the form wanted.

It prints what the alternative reduction would cost: over a sample of words, the share of each word's
10 nearest neighbours by the full vectors that PCA + int8 vectors keep.

Usage: ``python benchmarks/build_meaning.py [--wheel natasha-1.6.0-py3-none-any.whl | --tar navec….tar]``
(``pip download natasha navec --no-deps -d /tmp/x``; ``pip install navec`` into the venv first).
"""

from __future__ import annotations

import argparse
import re
import time
import zipfile
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT = REPO_ROOT / "src" / "pravka" / "data" / "meaning.npz"
TAR_IN_WHEEL = "natasha/data/emb/navec_news_v1_1B_250K_300d_100q.tar"
DEFAULT_WHEEL = Path("/tmp/natasha/natasha-1.6.0-py3-none-any.whl")
WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)?")
VECTOR_WORDS = 50_000  # < 65,536: neighbour ids fit in uint16
PCA_DIMENSIONS = (64, 96, 128)
NEIGHBOURS = 12
CANDIDATES = 80  # nearest words looked at per word before the part-of-speech and lemma filter
OVERLAP_SAMPLE = 2000
FORMAT = 1


def read_navec(wheel: Path | None, tar: Path | None):
    from navec import Navec  # build-time tool only

    if tar is not None:
        return Navec.load(str(tar))
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read(TAR_IN_WHEEL)
    scratch = Path("/tmp") / "pravka-navec.tar"
    scratch.write_bytes(data)
    try:
        return Navec.load(str(scratch))
    finally:
        scratch.unlink()


def nearest(unit: np.ndarray, rows: np.ndarray, k: int, block: int = 2048) -> np.ndarray:
    """For each index in ``rows``, the indices of the ``k`` rows of ``unit`` nearest to it (itself
    excluded), best first."""
    out = np.empty((len(rows), k), dtype=np.int64)
    for start in range(0, len(rows), block):
        chunk = rows[start : start + block]
        sims = unit[chunk] @ unit.T
        sims[np.arange(len(chunk)), chunk] = -np.inf
        top = np.argpartition(-sims, k, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(sims, top, axis=1), axis=1)
        out[start : start + block] = np.take_along_axis(top, order, axis=1)
    return out


def report_pca_cost(full: np.ndarray, full_unit: np.ndarray) -> None:
    """Print what PCA + int8 would keep of the nearest neighbours (the reduction not chosen)."""
    centred = full - full.mean(axis=0)
    _, singular, axes = np.linalg.svd(centred[::4], full_matrices=False)
    sample = np.random.default_rng(0).choice(len(full), OVERLAP_SAMPLE, replace=False)
    exact = nearest(full_unit, sample, 10)
    for dimensions in PCA_DIMENSIONS:
        reduced = centred @ axes[:dimensions].T
        reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
        unit = np.round(reduced * 127).astype(np.int8).astype(np.float32)
        unit /= np.linalg.norm(unit, axis=1, keepdims=True)
        approx = nearest(unit, sample, 10)
        overlap = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, approx, strict=True)])
        kept = float((singular[:dimensions] ** 2).sum() / (singular**2).sum())
        print(
            f"PCA {dimensions} dims + int8 ({dimensions} bytes a word): variance kept {100 * kept:.1f} %, "
            f"10 nearest neighbours kept {100 * overlap:.1f} %; navec's own codes: 100 bytes, 100 %"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, default=DEFAULT_WHEEL)
    parser.add_argument("--tar", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    started = time.time()
    navec = read_navec(args.wheel, args.tar)
    counts = np.array(navec.vocab.counts, dtype=np.int64)
    ids = [i for i, word in enumerate(navec.vocab.words) if WORD.fullmatch(word)]
    ids.sort(key=lambda i: (-counts[i], navec.vocab.words[i]))
    words = [navec.vocab.words[i] for i in ids]
    print(f"{len(words)} Cyrillic words of {len(navec.vocab.words)}; vectors for {VECTOR_WORDS}")

    pq = navec.pq
    codes = pq.indexes[ids[:VECTOR_WORDS]].astype(np.uint8)
    full = pq.unpack()[ids[:VECTOR_WORDS]].astype(np.float32)
    full_unit = full / np.linalg.norm(full, axis=1, keepdims=True)
    report_pca_cost(full, full_unit)

    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    parses = [morph.parse(word)[0] for word in words[:VECTOR_WORDS]]
    pos = [str(parse.tag.POS) for parse in parses]
    lemma = [parse.normal_form for parse in parses]
    candidates = nearest(full_unit, np.arange(VECTOR_WORDS), CANDIDATES)
    neighbours = np.full((VECTOR_WORDS, NEIGHBOURS), np.iinfo(np.uint16).max, dtype=np.uint16)
    for i, row in enumerate(candidates):
        seen = {lemma[i]}
        found = []
        for j in row:
            if pos[j] == pos[i] and lemma[j] not in seen:
                seen.add(lemma[j])
                found.append(j)
                if len(found) == NEIGHBOURS:
                    break
        neighbours[i, : len(found)] = found
    print(f"neighbours: {np.mean(neighbours != np.iinfo(np.uint16).max, axis=1).mean() * NEIGHBOURS:.1f} per word")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        format=np.array(FORMAT),
        words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
        counts=counts[ids].astype(np.uint32),
        total=np.array(int(counts.sum())),
        codes=codes,
        codebook=pq.codes.astype(np.float32),
        neighbours=neighbours,
    )
    print(f"written {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
