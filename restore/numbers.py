"""How a restored number is spelled.

WordNet puts "six", "6", "VI" and "hexad" in one synset, so a spun "hexad"
has both "6" and "six" as originals. The language model reads numerals as
number words, so it cannot tell the two apart, and the table priors only
say which spelling is commoner on the web. News and magazine style (AP,
Chicago) can: numbers under ten are spelled out, 10 and above are numerals,
and percentages, times, money and measures are numerals whatever their size
("3 percent", "6 a.m.", "£2 million"), as is a day of the month ("Aug. 9").
:func:`merge_number_spellings` keeps
that spelling and gives it the probability of both.

>>> preferred_spelling(["6", "six"]), preferred_spelling(["forty", "40"])
('six', '40')
>>> preferred_spelling(["6", "six"], before="up ", after=" percent")
'6'
>>> preferred_spelling(["4", "four"], after=" percent. Ms. Solberg")
'4'
>>> preferred_spelling(["6", "six"], after=" a.m.")
'6'
>>> [preferred_spelling(["9", "nine"], before=b) for b in ("Chicago, Aug. ", "a tram ")]
['9', 'nine']
>>> preferred_spelling(["7", "seven"], after=" or 8 percent"), preferred_spelling(["7", "seven"], after=" pct")
('7', '7')
>>> preferred_spelling(["7", "seven"], after=" or viii per centum")
'7'
>>> preferred_spelling(["7", "seven"], after=" or eight people"), preferred_spelling(["24", "twenty-four"])
('seven', '24')
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import regex

from .candidates import Candidate
from .memo import Memo
from .roman import MONTHS, is_roman_numeral

_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {w: n for n, w in enumerate(_WORDS)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
# the other way, with the round numbers a language model knows as one word
WORD_OF_NUMBER: dict[int, str] = {n: w for w, n in NUMBER_WORDS.items()}
WORD_OF_NUMBER.update({100: "hundred", 1000: "thousand"})
# ordinals and decades, as words ("20th" is "twentieth", "1990s" "nineties")
ORDINAL_OF_NUMBER: dict[int, str] = dict(enumerate((
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth").split()))
ORDINAL_OF_NUMBER.update({n: WORD_OF_NUMBER[n][:-1] + "ieth" for n in range(20, 100, 10)})
ORDINAL_OF_NUMBER.update({100: "hundredth", 1000: "thousandth"})
DECADE_OF_NUMBER: dict[int, str] = {n: WORD_OF_NUMBER[n][:-1] + "ies" for n in range(20, 100, 10)}
SPELLED_OUT_BELOW = 10
# words after a number, and signs before it, that make it a numeral at any size
NUMERAL_UNITS = frozenset(
    "percent per percentage pct % a.m. p.m. am pm km kilometres "
    "kilometers metres meters cm mm kg g lb mph km/h degrees °c °f".split())
NUMERAL_SIGNS = frozenset("$£€¥#")


def number_value(spelling: str) -> int | None:
    """The value of a plain numeral, or of a number under a thousand in words
    as WordNet writes them ("forty-two", "two hundred", "one hundred
    twenty-five"), else None.

    >>> number_value("40"), number_value("Forty"), number_value("forty-two"), number_value("VI")
    (40, 40, 42, None)
    >>> number_value("forty-twelve"), number_value("two-forty"), number_value("forty two")
    (None, None, None)
    >>> [number_value(s) for s in ("hundred", "two hundred", "one hundred twenty-five",
    ...                            "hundred hundred", "twelve hundred", "two hundred cats",
    ...                            "hundredth", "a hundred", "two  hundred", "forty two")]
    [100, 200, 125, None, None, None, None, None, None, None]
    """
    if spelling.isascii() and spelling.isdigit() and len(spelling) < 7:
        return int(spelling)
    lowered = spelling.lower()
    if " " in lowered or lowered == "hundred":
        return _hundreds_value(lowered)
    return _word_value(lowered)


def _hundreds_value(lowered: str) -> int | None:
    """ "[unit] hundred [a number under a hundred]" (lower case), else None."""
    words = lowered.split(" ")
    if "hundred" not in words[:2]:
        return None
    at = words.index("hundred")
    if len(words) > at + 2:
        return None
    units = NUMBER_WORDS.get(words[0], 0) if at else 1
    rest = _word_value(words[at + 1]) if len(words) > at + 1 else 0
    if not 0 < units < 10 or rest is None or rest >= 100:
        return None
    return 100 * units + rest


def _word_value(lowered: str) -> int | None:
    """A number word under a hundred (lower case, "forty-two"), else None."""
    tens, hyphen, unit = lowered.partition("-")
    if hyphen:
        if tens in _TENS and unit in NUMBER_WORDS and 0 < NUMBER_WORDS[unit] < 10:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
        return None
    return NUMBER_WORDS.get(lowered)


_NUMBER_OF_ORDINAL = {w: n for n, w in ORDINAL_OF_NUMBER.items() if n < 100}
_ORDINAL_FIGURE = regex.compile(r"([0-9]{1,2})(?:st|nd|rd|th)")


def ordinal_value(spelling: str) -> int | None:
    """The value of an ordinal under a hundred, as a figure or as WordNet
    writes the word ("21st", "twenty-first"), else None.

    >>> [ordinal_value(s) for s in ("3rd", "Third", "twenty-first", "20th", "third-party", "3")]
    [3, 3, 21, 20, None, None]
    """
    figure = _ORDINAL_FIGURE.fullmatch(spelling)
    if figure is not None:
        return int(figure.group(1))
    lowered = spelling.lower()
    tens, hyphen, unit = lowered.partition("-")
    if hyphen:
        if tens in _TENS and 0 < _NUMBER_OF_ORDINAL.get(unit, 0) < 10:
            return NUMBER_WORDS[tens] + _NUMBER_OF_ORDINAL[unit]
        return None
    return _NUMBER_OF_ORDINAL.get(lowered)


_VALUES = Memo(number_value, 100_000)  # spelling -> number_value(spelling)
_RANGE_WORDS = frozenset({"or", "to", "and", "-", "–"})
_NUMBER_PARTS = frozenset("hundred thousand million billion trillion and".split())


def is_number(phrase: str) -> bool:
    """A number, however spelled ("two hundred", "200", "CC", "twenty-one").

    >>> [is_number(p) for p in ("two hundred", "200", "CC", "twenty-one", "two cats")]
    [True, True, True, True, False]
    """
    parts = phrase.replace("-", " ").replace(",", "").split()
    return bool(parts) and all(_is_one_number(p) or p.lower() in _NUMBER_PARTS for p in parts)


def _is_one_number(word: str) -> bool:
    """A numeral, a number word or a Roman numeral ("8", "eight", "VIII", "viii")."""
    return _VALUES[word] is not None or is_roman_numeral(word)


def preferred_spelling(spellings: Sequence[str], before: str = "", after: str = "") -> str | None:
    """The spelling news style uses, when ``spellings`` are one number written
    as a word and as a numeral; None otherwise. ``before`` and ``after`` are
    the text around the number."""
    values = {number_value(s) for s in spellings}
    if len(values) != 1 or None in values:
        return None
    value = values.pop()
    next_words = after.split(maxsplit=3)
    if (len(next_words) >= 3 and next_words[0].lower() in _RANGE_WORDS
            and _is_one_number(next_words[1])):
        next_words = next_words[2:]  # a range: the unit after its second number counts
    word = next_words[0].lower() if next_words else ""
    # "a.m." keeps its stops; "percent." at a sentence end loses the full stop
    units = {word.rstrip(",;:"), word.rstrip(",;:.!?)\"'”’")}
    previous = before.split()[-1:]
    numeral_context = (not units.isdisjoint(NUMERAL_UNITS) or after[:1] == "%"
                       or before.rstrip()[-1:] in NUMERAL_SIGNS
                       # a day of the month: "June 9", "Aug. 7"
                       or (bool(previous) and previous[0].rstrip(".").lower() in MONTHS))
    want_word = value < SPELLED_OUT_BELOW and not numeral_context
    for s in spellings:
        if s.isdigit() != want_word:
            return s
    return None


def merge_number_spellings(candidates: Sequence[Candidate], text: str = "") -> list[Candidate]:
    """Per span, fold a numeral and a number word of the same value into the
    spelling :func:`preferred_spelling` picks (in the context ``text`` gives
    them), with their priors summed.

    >>> from restore.tables import Row
    >>> rows = [Row("hexad", o, p, "wordnet_spinner", "lemma", "t") for o, p in (("6", .7), ("six", .2))]
    >>> [(c.original, c.row.prior) for c in merge_number_spellings(
    ...     [Candidate(0, 5, "hexad", r.original, r, "exact", True, False) for r in rows])]
    [('six', 0.9)]
    """
    by_span: dict[tuple[int, int, int], list[int]] = {}
    for k, c in enumerate(candidates):
        value = _VALUES[c.original]
        if value is not None:
            by_span.setdefault((c.start, c.end, value), []).append(k)
    drop: set[int] = set()
    merged: dict[int, Candidate] = {}
    for members in by_span.values():
        if len(members) < 2:
            continue
        first = candidates[members[0]]
        keep = preferred_spelling([candidates[k].original for k in members],
                                  text[max(0, first.start - 12):first.start],
                                  text[first.end:first.end + 20])
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


def drop_numeral_originals(candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` less those that would put "I" or "i" back for anything
    ("one", "ace", "individual", "unity": WordNet's {1, one, I, i, ace, single,
    unity}), or a Roman numeral of lower-case letters for a number the text
    writes otherwise ("400" -> "cd", from {400, four hundred, cd}): authors of
    prose write neither "i" nor "cd" for a number, and the spinner leaves the
    pronoun "I" alone (a capitalised numeral may be a name's: "World War two"
    -> "II"). The span's other originals share the prior the dropped ones had,
    as Bayes has it (their odds against keeping the text stay the same). On
    the dev set and the Brown press texts 27 such restorations of numbers
    were reported at 0.3 or more, 12 of them over 0.5, and 21 of other words
    ("individual" -> "I" at 0.92), none right.

    >>> from restore.tables import Row
    >>> def c(start, spun, original, prior=0.3):
    ...     return Candidate(start, start + len(spun), spun, original,
    ...                      Row(spun, original, prior, "f", "", "t"), "exact", True, False)
    >>> [(x.original, x.row.prior) for x in drop_numeral_originals(
    ...     [c(0, "one", "i", 0.2), c(0, "one", "1", 0.4), c(4, "two", "II"), c(8, "ace", "I"),
    ...      c(12, "blend", "mix"), c(18, "400", "cd")])]
    [('1', 0.5), ('II', 0.3), ('mix', 0.3)]
    """
    dropped: dict[tuple[int, int], float] = {}
    for c in candidates:
        if _never_put_back(c):
            dropped[(c.start, c.end)] = dropped.get((c.start, c.end), 0.0) + c.row.prior
    if not dropped:
        return list(candidates)
    out = []
    for c in candidates:
        share = dropped.get((c.start, c.end))
        if share is None:
            out.append(c)
        elif not _never_put_back(c):
            prior = round(min(0.99, c.row.prior / max(1e-6, 1.0 - share)), 4)
            out.append(replace(c, row=replace(c.row, prior=prior)))
    return out


def _never_put_back(c: Candidate) -> bool:
    """Does ``c`` put "I" or "i" back for anything ("individual", "ace" and
    "unity" share WordNet's synset of one; the pronoun is left alone by the
    spinner), or a lower-case Roman numeral for a number?"""
    if c.original in ("I", "i"):
        return True
    return (c.original.islower() and is_roman_numeral(c.original)
            and is_number(c.spun) and not is_roman_numeral(c.spun))
