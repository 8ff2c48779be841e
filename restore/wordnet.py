"""The shipped WordNet 3.0 synsets (``wordlists/wordnet_synsets.tsv.gz``).

Built by ``scripts/build_wordnet_synsets.py`` from Debian's ``wordnet-base``
(WordNet 3.0 licence, see ``wordlists/LICENSES.md``); loaded lazily, once per
process, by the spinner simulator and the decoder's WordNet channel. The
library never needs WordNet itself at run time.

>>> wn = load_synsets()
>>> "at that place" in wn, ("there", "at that place") in [s[:2] for s in wn.synsets_of("there")]
(True, True)
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .cache import PackedStrings, cached, gc_paused, packed, unpacked
from .tables import builtin_table_dir

SYNSETS_FILE = "wordnet_synsets.tsv.gz"
ALTERNATIVES_KEPT = 100_000  # lemmas whose alternatives are remembered


class Synsets:
    """WordNet synsets (``pos``, ``lemmas``) and an exact-string lemma index.

    Kept in a compact form that loads fast from the cache: each synset as one
    tab-joined string (split on first use), and the index as one number per
    lemma pointing into a flat list of synset numbers.
    """

    def __init__(self, lines: Iterable[str]):
        pos: list[str] = []
        synsets: list[tuple[str, ...]] = []
        index: dict[str, list[int]] = {}
        for line in lines:
            if not line or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            number = len(synsets)
            pos.append(fields[0])
            lemmas = tuple(fields[1:])
            synsets.append(lemmas)
            for lemma in lemmas:
                index.setdefault(lemma, []).append(number)
        self.pos = pos
        self._joined: Sequence[str] = ["\t".join(lemmas) for lemmas in synsets]
        self._empty = {number for number, lemmas in enumerate(synsets) if not lemmas}
        self._split: list[tuple[str, ...] | None] = synsets
        self._position: dict[str, int] = {}
        self._bounds: Sequence[int] = [0]
        self._numbers: Sequence[int] = []
        for lemma, numbers in index.items():
            self._position[lemma] = len(self._bounds) - 1
            self._numbers.extend(numbers)  # type: ignore[attr-defined]
            self._bounds.append(len(self._numbers))  # type: ignore[attr-defined]
        self._frames: set[str] | None = None
        self._proper: dict[str, str] | None = None
        self._packed_proper: tuple[str, str] | None = None  # see to_data
        self._alternatives: dict[str, tuple[tuple[str, ...], ...]] = {}

    def to_data(self) -> tuple:
        """Plain data for :meth:`from_data` (e.g. for the cache). The map of
        :meth:`proper_case` goes as two tab-joined strings (its keys and its
        values): two objects to load, split in C on first use, where working
        it out again walks every lemma (20-25 ms)."""
        proper = self._proper_map()
        return (self.pos, PackedStrings.pack(self._joined), sorted(self._empty), self._position,
                packed(self._bounds), packed(self._numbers), self.frames,
                ("\t".join(proper), "\t".join(proper.values())))

    @classmethod
    def from_data(cls, pos: list[str], joined: tuple[str, bytes], empty: list[int],
                  position: dict[str, int], bounds: bytes, numbers: bytes,
                  frames: set[str], proper: tuple[str, str]) -> "Synsets":
        """The synsets from :meth:`to_data` (e.g. read from the cache)."""
        made = cls(())
        made.pos, made._joined, made._empty = pos, PackedStrings(joined), set(empty)
        made._position = position
        made._bounds, made._numbers, made._frames = unpacked(bounds), unpacked(numbers), frames
        made._split = [None] * len(made._joined)
        made._packed_proper = proper
        return made

    def synset(self, number: int) -> tuple[str, ...]:
        """The lemmas of synset ``number``."""
        lemmas = self._split[number]
        if lemmas is None:
            lemmas = self._split[number] = (
                () if number in self._empty else tuple(self._joined[number].split("\t")))
        return lemmas

    def numbers_of(self, lemma: str) -> Sequence[int]:
        """The numbers of the synsets that hold ``lemma`` (exact string)."""
        k = self._position.get(lemma)
        return () if k is None else self._numbers[self._bounds[k]:self._bounds[k + 1]]

    @property
    def synsets(self) -> list[tuple[str, ...]]:
        """Every synset's lemmas, in file order."""
        return [self.synset(number) for number in range(len(self._joined))]

    @property
    def index(self) -> dict[str, tuple[int, ...]]:
        """Lemma -> the numbers of its synsets (built on each access: prefer
        ``in`` and :meth:`synsets_of`)."""
        return {lemma: tuple(self.numbers_of(lemma)) for lemma in self._position}

    @property
    def frames(self) -> set[str]:
        """Every multiword lemma with one of its words left out, as the words
        before and after the gap joined by NUL ("at\\0place" for "at that
        place"), for :meth:`has_frame`. Built on first use."""
        if self._frames is None:
            frames = set()
            for lemma in self._position:
                if " " in lemma:
                    words = lemma.split(" ")
                    for gap in range(len(words)):
                        frames.add(" ".join(words[:gap]) + "\0" + " ".join(words[gap + 1:]))
            self._frames = frames
        return self._frames

    def has_frame(self, before: Sequence[str], after: Sequence[str]) -> bool:
        """Is there a multiword lemma made of ``before``, one word, ``after``
        (words separated by single spaces)?

        >>> load_synsets().has_frame(["at"], ["place"]), load_synsets().has_frame(["qq"], [])
        (True, False)
        """
        return " ".join(before) + "\0" + " ".join(after) in self.frames

    def __contains__(self, lemma: str) -> bool:
        return lemma in self._position

    @property
    def lemmas(self):
        """Every lemma (a set-like view: ``in`` on it is a plain dict lookup)."""
        return self._position.keys()

    def proper_case(self, phrase: str) -> str:
        """``phrase`` as WordNet writes it when WordNet only knows it with
        capitals ("united states" -> "United States"); else ``phrase``.

        >>> wordnet = load_synsets()
        >>> [wordnet.proper_case(p) for p in ("united states", "thursday", "new", "qzx")]
        ['United States', 'Thursday', 'new', 'qzx']
        """
        if phrase in self._position or not phrase.islower():
            return phrase
        return self._proper_map().get(phrase, phrase)

    def _proper_map(self) -> dict[str, str]:
        """Lowercased lemma -> the first lemma written so with capitals, for
        the lemmas WordNet knows only with capitals (built on first use, or
        unpacked from :meth:`to_data`'s strings; lemmas hold no tab)."""
        if self._proper is None:
            proper: dict[str, str] = {}
            if self._packed_proper is not None:
                keys, values = self._packed_proper
                if keys:
                    proper = dict(zip(keys.split("\t"), values.split("\t")))
            else:
                for lemma in self._position:
                    lower = lemma.lower()
                    if lemma != lower and lower not in self._position:
                        proper.setdefault(lower, lemma)
            self._proper = proper
        return self._proper

    def synsets_of(self, lemma: str) -> list[tuple[str, ...]]:
        return [self.synset(i) for i in self.numbers_of(lemma)]

    def alternatives(self, lemma: str) -> tuple[tuple[str, ...], ...]:
        """Per synset of ``lemma`` (that has any), the other lemmas of it.

        >>> ("will",) in load_synsets().alternatives("volition")
        True
        """
        groups = self._alternatives.get(lemma)
        if groups is None:
            folded = lemma.casefold()
            found = []
            for i in self.numbers_of(lemma):
                others = tuple(x for x in self.synset(i) if x.casefold() != folded)
                if others:
                    found.append(others)
            groups = tuple(found)
            if len(self._alternatives) < ALTERNATIVES_KEPT:
                self._alternatives[lemma] = groups
        return groups


def synsets_path() -> Path:
    return builtin_table_dir() / SYNSETS_FILE


@lru_cache(maxsize=1)
def load_synsets() -> Synsets:
    """The shipped WordNet synsets, loaded once per process."""
    path = synsets_path()
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing; run python scripts/build_wordnet_synsets.py")

    def build() -> tuple:
        with gzip.open(path, "rt", encoding="utf-8") as fh, gc_paused():
            return Synsets(fh).to_data()

    return Synsets.from_data(*cached("synsets", [path], build))


