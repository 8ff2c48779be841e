"""How a restored number is spelled.

WordNet puts "six", "6", "VI" and "hexad" in one synset, so a spun "hexad"
has both "6" and "six" as originals. The language model reads numerals as
number words, so it cannot tell the two apart, and the table priors only
say which spelling is commoner on the web. News and magazine style (AP,
Chicago) can: numbers under ten are spelled out, 10 and above are numerals.
:func:`merge_number_spellings` keeps that spelling and gives it the
probability of both.

>>> preferred_spelling(["6", "six"]), preferred_spelling(["forty", "40"])
('six', '40')
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .candidates import Candidate

_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {w: n for n, w in enumerate(_WORDS)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
SPELLED_OUT_BELOW = 10


def number_value(spelling: str) -> int | None:
    """The value of a plain numeral or a number word under a hundred, else None.

    >>> number_value("40"), number_value("Forty"), number_value("forty-two"), number_value("VI")
    (40, 40, None, None)
    """
    if spelling.isascii() and spelling.isdigit() and len(spelling) < 7:
        return int(spelling)
    return NUMBER_WORDS.get(spelling.lower())


def preferred_spelling(spellings: Sequence[str]) -> str | None:
    """The spelling news style uses, when ``spellings`` are one number written
    as a word and as a numeral; None otherwise."""
    values = {number_value(s) for s in spellings}
    if len(values) != 1 or None in values:
        return None
    value = values.pop()
    want_word = value < SPELLED_OUT_BELOW
    for s in spellings:
        if s.isdigit() != want_word:
            return s
    return None


def merge_number_spellings(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Per span, fold a numeral and a number word of the same value into the
    spelling :func:`preferred_spelling` picks, with their priors summed.

    >>> from restore.tables import Row
    >>> rows = [Row("hexad", o, p, "wordnet_spinner", "lemma", "t") for o, p in (("6", .7), ("six", .2))]
    >>> [(c.original, c.row.prior) for c in merge_number_spellings(
    ...     [Candidate(0, 5, "hexad", r.original, r, "exact", True, False) for r in rows])]
    [('six', 0.9)]
    """
    by_span: dict[tuple[int, int, int], list[int]] = {}
    for k, c in enumerate(candidates):
        value = number_value(c.original)
        if value is not None:
            by_span.setdefault((c.start, c.end, value), []).append(k)
    drop: set[int] = set()
    merged: dict[int, Candidate] = {}
    for members in by_span.values():
        if len(members) < 2:
            continue
        keep = preferred_spelling([candidates[k].original for k in members])
        if keep is None:
            continue
        chosen = next(k for k in members if candidates[k].original == keep)
        prior = min(0.99, sum(candidates[k].row.prior for k in members))
        c = candidates[chosen]
        merged[chosen] = replace(c, row=replace(c.row, prior=round(prior, 4)))
        drop.update(k for k in members if k != chosen)
    if not merged:
        return list(candidates)
    return [merged.get(k, c) for k, c in enumerate(candidates) if k not in drop]
