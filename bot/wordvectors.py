"""Static Japanese word vectors read straight from an installed spaCy pipeline's files (ja-ginza), without spaCy.

The `ja-ginza` wheel ships chiVe word2vec vectors in spaCy's layout: `vocab/vectors` is a NumPy array (20,000 rows
of 300 floats), `vocab/key2row` a msgpack map from a word's 64-bit hash (MurmurHash64A, seed 1, of its UTF-8 bytes:
spaCy's `hash_string`) to its row. About 480,000 words share those rows: a word pruned from the table points at
the row of its nearest kept word, so two different words on one row say little about each other.

Only HR's tools use this (`minato-bot kb suggest-synonyms`): reading key2row takes a second or more, too slow for
the answering engine's start, and vectors did not improve answers when measured (README, "Synonym suggestions").
"""

from __future__ import annotations

import importlib.util
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PACKAGE = "ja_ginza"  # `pip install --no-deps ja-ginza==5.3.0`: its own dependencies (spaCy, SudachiPy < 0.7) unused
SAME_ROW = 0.999  # cosine at which two words share one row (one was pruned onto the other): no evidence

_M = 0xC6A4A7935BD1E995
_MASK = (1 << 64) - 1


def murmurhash64a(data: bytes, seed: int = 1) -> int:
    """Return MurmurHash64A of data: the key spaCy stores a word's vector under (seed 1)."""
    h = (seed ^ (len(data) * _M)) & _MASK
    blocks = len(data) // 8
    for (k,) in struct.iter_unpack("<Q", data[:blocks * 8]):
        k = (k * _M) & _MASK
        k = ((k ^ (k >> 47)) * _M) & _MASK
        h = ((h ^ k) * _M) & _MASK
    tail = data[blocks * 8:]
    if tail:
        h = ((h ^ int.from_bytes(tail, "little")) * _M) & _MASK
    h = ((h ^ (h >> 47)) * _M) & _MASK
    return h ^ (h >> 47)


class VectorsUnavailable(RuntimeError):
    """The word vectors are not installed, or their files cannot be read."""


def installed_vocab_dir() -> Path:
    """Return the `vocab` directory of the installed ja-ginza pipeline (the package is located, never imported)."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise VectorsUnavailable(
            "word vectors are not installed: pip install 'minato-bot[vectors]' && pip install --no-deps 'ja-ginza==5.3.0'")
    for location in spec.submodule_search_locations:
        found = sorted(Path(location).glob("*/vocab/vectors"))
        if found:
            return found[-1].parent
    raise VectorsUnavailable(f"{PACKAGE} is installed but holds no vocab/vectors file")


@dataclass(frozen=True)
class Neighbour:
    """A known word near another by vector, with their cosine similarity."""

    word: str
    similarity: float


class WordVectors:
    """Unit-length word vectors looked up by word, and each word's nearest among a fixed list of words."""

    def __init__(self, vectors: np.ndarray, key_to_row: dict[int, int]) -> None:
        self._vectors = vectors  # memory-mapped: only the rows looked up are read
        self._rows = key_to_row

    @classmethod
    def load(cls, vocab_dir: Path | None = None) -> WordVectors:
        """Read the vectors of a spaCy `vocab` directory (default: the installed ja-ginza's)."""
        try:
            import msgpack
        except ImportError:
            raise VectorsUnavailable("reading word vectors needs msgpack: pip install 'minato-bot[vectors]'") from None
        vocab_dir = vocab_dir or installed_vocab_dir()
        try:
            vectors = np.load(vocab_dir / "vectors", mmap_mode="r", allow_pickle=False)
            rows = msgpack.unpackb((vocab_dir / "key2row").read_bytes(), strict_map_key=False)
        except (OSError, ValueError, msgpack.ExtraData, msgpack.FormatError, msgpack.StackError) as exc:
            raise VectorsUnavailable(f"cannot read the word vectors in {vocab_dir}: {exc}") from None
        if vectors.ndim != 2 or not isinstance(rows, dict):
            raise VectorsUnavailable(f"{vocab_dir} does not hold spaCy vectors (a 2-d array and a key2row map)")
        return cls(vectors, rows)

    def row(self, word: str) -> int | None:
        """Return the row of a word's vector, or None when the table does not know the word."""
        row = self._rows.get(murmurhash64a(word.encode("utf-8")))
        return row if isinstance(row, int) and 0 <= row < len(self._vectors) else None

    def _unit_rows(self, rows: list[int]) -> np.ndarray:
        matrix = np.asarray(self._vectors[rows], dtype=np.float32).reshape(len(rows), self._vectors.shape[1])
        return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)

    def among(self, words: list[str]) -> WordIndex:
        """Return the words the table knows, indexed for nearest-neighbour look-ups."""
        known = [(word, row) for word, row in ((w, self.row(w)) for w in dict.fromkeys(words)) if row is not None]
        return WordIndex(self, [word for word, _ in known], self._unit_rows([row for _, row in known]))

    def unit(self, word: str) -> np.ndarray | None:
        """Return a word's unit-length vector, or None."""
        row = self.row(word)
        return None if row is None else self._unit_rows([row])[0]


class WordIndex:
    """A fixed list of words (a knowledge base's) with their vectors: which of them lie nearest to a word."""

    def __init__(self, vectors: WordVectors, words: list[str], matrix: np.ndarray) -> None:
        self._vectors = vectors
        self.words = words
        self._matrix = matrix

    def nearest(self, word: str, threshold: float, count: int = 3) -> list[Neighbour]:
        """Return up to count listed words (the word itself aside) nearest to word, at least threshold similar.

        A word sharing the other's row is left out: one of them was pruned onto the other, whatever they mean.
        """
        vector = self._vectors.unit(word)
        if vector is None or not self.words:
            return []
        similarity = self._matrix @ vector
        order = np.argsort(-similarity, kind="stable")
        found = (Neighbour(self.words[i], round(float(similarity[i]), 3)) for i in order
                 if threshold <= similarity[i] < SAME_ROW and self.words[i] != word)
        return [neighbour for neighbour, _ in zip(found, range(count))]
