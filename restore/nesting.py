"""A spin beside a doubled word: which reading the doubled word leaves.

The WordNet-style spinner writes a longer lemma that holds a word for that word
("Gehrig" -> "Lou Gehrig", "inch" -> "column inch"). Next to the author's own
"Lou", or inside its own earlier replacement (in -> inch -> "column inch", whose
"inch" becomes "column inch" again), that leaves a doubled word: "Lou Lou
Gehrig", "column column inch". Nobody writes the doubled word, and only one
reading of the lemma beside it explains it: the word that, put back, spells the
lemma again with the doubled word ("Lou" + "Gehrig", "column" + "inch"); the
same holds at the lemma's other end ("bail bond bond"). So that reading is
the one to restore first, and it speaks for itself (its row note is ``NESTED_NOTE``, which makes it
self-evident, see :mod:`restore.scoring`); the lemma's other readings ("column
inch" -> "in", which left "column in") are dropped there. Whether what it gives
back ("Lou Gehrig", "column inch") is the author's or a spin in turn is then
judged like any other text, in the next pass.

>>> from restore.tables import Row
>>> def candidate(start, end, spun, original, prior=0.4):
...     row = Row(spun.lower(), original, prior, WORDNET_FAMILY, "lemma", "t:1")
...     return Candidate(start, end, spun, original, row, "exact", True, False)
>>> text = "at the count column column inch those districts"
>>> span = [candidate(20, 31, "column inch", "in", 0.9), candidate(20, 31, "column inch", "inch")]
>>> [(c.spun, c.original, c.row.prior, c.row.note) for c in readings_the_doubled_word_leaves(text, span)]
[('column inch', 'inch', 0.95, 'nested')]

A doubled function word says nothing: an author's "the" before a spin of
"same" to "the like" is common.

>>> like = [candidate(4, 12, "the like", "like"), candidate(4, 12, "the like", "same")]
>>> readings_the_doubled_word_leaves("the the like amount", like) == like
True
>>> readings_the_doubled_word_leaves("the column inch of type", span) == span
True
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import regex

from .candidates import WORDNET_FAMILY, Candidate
from .spans import Containers
from .tokens import FUNCTION_WORDS

NESTED_NOTE = "nested"
# the prior of the reading a doubled word leaves: nobody writes the doubled
# word, so little doubt is left that the lemma beside it is a spin of that word
NESTED_PRIOR = 0.95

# where a word is written twice in a row, its two copies (zero-width, so "a a a"
# gives two)
_DOUBLED = regex.compile(r"(?i)(?<!\S)(?=(\S+) (\1)(?!\S))")


def readings_the_doubled_word_leaves(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates``, where a multiword WordNet-style span sits beside a
    doubled word that one of its readings explains (see the module's
    docstring), with that reading made self-evident and the span's other
    readings left out; ``candidates`` itself when there is no such span."""
    # (most texts have no doubled word: they are done in one scan)
    word_before: dict[int, str] = {}  # where a second copy starts -> the first copy
    word_after: dict[int, str] = {}  # where a first copy ends -> the second copy
    for match in _DOUBLED.finditer(text):
        word_before[match.start(2)] = match.group(1)
        word_after[match.end(1)] = match.group(2)
    if not word_before:
        return candidates
    spans: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        if ((c.start in word_before or c.end in word_after) and " " in c.spun
                and c.row.family == WORDNET_FAMILY):
            spans.setdefault((c.start, c.end), []).append(c)
    changed: dict[int, Candidate | None] = {}  # id of a candidate -> its replacement
    nested: list[tuple[int, int]] = []  # the spans whose reading a doubled word leaves
    for (start, end), readings in spans.items():
        words = text[start:end].split()
        spelled = " ".join(words).lower()
        if _doubled(word_before.get(start), words[0]):
            left = [c for c in readings if f"{words[0]} {c.original}".lower() == spelled]
        elif _doubled(word_after.get(end), words[-1]):
            left = [c for c in readings if f"{c.original} {words[-1]}".lower() == spelled]
        else:
            continue
        if not left:
            continue
        for c in readings:
            changed[id(c)] = None
        c = left[0]
        changed[id(c)] = replace(c, row=replace(c.row, prior=max(c.row.prior, NESTED_PRIOR),
                                                note=NESTED_NOTE))
        nested.append((start, end))
    if not changed:
        return candidates
    out = []
    inside_nested = Containers(nested)
    for c in candidates:
        if id(c) in changed:
            c = changed[id(c)]
            if c is None:
                continue
        elif c.row.family == WORDNET_FAMILY and inside_nested(c.start, c.end):
            continue  # "inch" -> "in" inside "column inch": the lemma is restored whole
        out.append(c)
    return out


def _doubled(neighbour: str | None, word: str) -> bool:
    """Is ``neighbour`` (the word beside a span, if it doubles one) ``word``
    again, and no function word? An author's "the" or "at" beside a lemma that
    starts or ends with it is common ("the the like", "look at" spun to
    "looking at at") and says nothing of the lemma's reading."""
    return (neighbour is not None and neighbour.lower() == word.lower()
            and word.lower() not in FUNCTION_WORDS)
