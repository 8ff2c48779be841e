"""Minimal reader of the Princeton WordNet 3.0 database files (build-time only).

Source: WordNet 3.0 as packaged by Debian ``wordnet-base`` (``/usr/share/wordnet``),
licensed under the WordNet 3.0 licence (a permissive BSD-style licence; the full text
is reproduced in ``wordlists/LICENSES.md``).  File format: ``man 5 wndb``.

Only the ``data.{noun,verb,adj,adv}`` files are read.  Each synset line looks like::

    offset lex_filenum ss_type w_cnt (word lex_id){w_cnt} p_cnt ... | gloss

``w_cnt`` is two hex digits; words use ``_`` for spaces and adjectives may carry a
syntactic marker such as ``(a)``, ``(p)`` or ``(ip)``, which is stripped.  Lemma strings
keep WordNet's case ("December", "mainland_China", "IN").

The runtime library never imports this module.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict

DEFAULT_WORDNET_DIR = "/usr/share/wordnet"
POS_FILES = (("n", "data.noun"), ("v", "data.verb"), ("a", "data.adj"), ("r", "data.adv"))
_MARKER = re.compile(r"\((?:a|p|ip)\)$")


def iter_synsets(wordnet_dir: str = DEFAULT_WORDNET_DIR):
    """Yield ``(pos, offset, ss_type, lemmas)`` for every synset, in file order
    (data.noun, data.verb, data.adj, data.adv). Lemmas: spaces for underscores,
    adjective markers stripped, duplicates within a synset dropped."""
    for pos, fname in POS_FILES:
        path = os.path.join(wordnet_dir, fname)
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("  "):  # licence header
                    continue
                parts = line.split(" ")
                w_cnt = int(parts[3], 16)
                lemmas: list[str] = []
                for i in range(w_cnt):
                    word = _MARKER.sub("", parts[4 + 2 * i]).replace("_", " ")
                    if word not in lemmas:
                        lemmas.append(word)
                yield pos, parts[0], parts[2], tuple(lemmas)


class WordNet:
    """Synsets and lemma lookups.

    ``synsets``: list of tuples of lemma strings (spaces, WordNet case), in file order.
    ``by_lemma``: exact lemma string -> sorted list of synset indices containing it.
    """

    def __init__(self, wordnet_dir: str = DEFAULT_WORDNET_DIR) -> None:
        self.synsets: list[tuple[str, ...]] = []
        self.synset_ids: list[str] = []
        by_lemma: dict[str, set[int]] = defaultdict(set)
        for pos, offset, _, lemmas in iter_synsets(wordnet_dir):
            idx = len(self.synsets)
            self.synsets.append(lemmas)
            self.synset_ids.append(f"{pos}{offset}")
            for lemma in lemmas:
                by_lemma[lemma].add(idx)
        self.by_lemma: dict[str, list[int]] = {k: sorted(v) for k, v in by_lemma.items()}

    def is_lemma(self, s: str) -> bool:
        """True if ``s`` is an exact (case-sensitive) lemma string of any POS."""
        return s in self.by_lemma

    def synsets_of(self, lemma: str) -> list[tuple[str, ...]]:
        return [self.synsets[i] for i in self.by_lemma.get(lemma, ())]


if __name__ == "__main__":  # tiny smoke test
    import sys

    wn = WordNet()
    for w in sys.argv[1:] or ["there", "by", "in", "two", "December"]:
        print(w, wn.synsets_of(w))
