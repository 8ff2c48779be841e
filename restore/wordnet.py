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

from .cache import cached, gc_paused
from .tables import builtin_table_dir

SYNSETS_FILE = "wordnet_synsets.tsv.gz"


class Synsets:
    """WordNet synsets (``pos``, ``lemmas``) and an exact-string lemma index."""

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
        self.synsets = synsets
        self.index = {k: tuple(v) for k, v in index.items()}
        self._frames: set[str] | None = None

    @classmethod
    def from_data(cls, pos: list[str], synsets: list[tuple[str, ...]],
                  index: dict[str, tuple[int, ...]], frames: set[str] | None = None
                  ) -> "Synsets":
        """The synsets from the attributes of another (e.g. read from the cache)."""
        made = cls(())
        made.pos, made.synsets, made.index, made._frames = pos, synsets, index, frames
        return made

    @property
    def frames(self) -> set[str]:
        """Every multiword lemma with one of its words left out, as the words
        before and after the gap joined by NUL ("at\\0place" for "at that
        place"), for :meth:`has_frame`. Built on first use."""
        if self._frames is None:
            frames = set()
            for lemma in self.index:
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
        return lemma in self.index

    def synsets_of(self, lemma: str) -> list[tuple[str, ...]]:
        return [self.synsets[i] for i in self.index.get(lemma, ())]

    def alternatives(self, lemma: str) -> tuple[tuple[str, ...], ...]:
        """Per synset of ``lemma`` (that has any), the other lemmas of it.

        >>> ("will",) in load_synsets().alternatives("volition")
        True
        """
        folded = lemma.casefold()
        groups = []
        for i in self.index.get(lemma, ()):
            others = tuple(x for x in self.synsets[i] if x.casefold() != folded)
            if others:
                groups.append(others)
        return tuple(groups)


def synsets_path() -> Path:
    return builtin_table_dir() / SYNSETS_FILE


@lru_cache(maxsize=1)
def load_synsets() -> Synsets:
    """The shipped WordNet synsets, loaded once per process."""
    path = synsets_path()
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing; run python scripts/build_wordnet_synsets.py")

    def build() -> tuple[list[str], list[tuple[str, ...]], dict[str, tuple[int, ...]], set[str]]:
        with gzip.open(path, "rt", encoding="utf-8") as fh, gc_paused():
            synsets = Synsets(fh)
            return synsets.pos, synsets.synsets, synsets.index, synsets.frames

    return Synsets.from_data(*cached("synsets", [path], build))


