"""Roman numerals: a spinner's number, or part of a name?

WordNet lists "XIX" with "19" and "nineteen", so the WordNet-style spinner
turns "for 19 years" into "for XIX years" (and, writing the adjective's
lemma, "30" into "xxx"). The same letters name things in clean prose:
"World War II", "Henry VIII", "type II diabetes", "Chapter XII", "the XIX
century". A numeral that follows a capitalised word or a word that numbers
what it names, or that precedes "century", is such a name and is never
restored.

>>> is_roman_numeral("XIX"), is_roman_numeral("xxx"), is_roman_numeral("XXC"), is_roman_numeral("I")
(True, True, False, True)
>>> text = "He worked there for XIX years before World War II ended."
>>> names_something(text, 20, 23), names_something(text, 47, 49)
(False, True)
"""

from __future__ import annotations

from typing import Sequence, TypeVar

import regex

from .tokens import FUNCTION_WORDS, is_sentence_start

ROMAN_NUMERAL = regex.compile(
    r"(?i)(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
# every character ROMAN_NUMERAL matches, in either case (its case-insensitive "I" also
# matches the dotless "ı"; tests/test_numbers.py checks all of Unicode): a word with any
# other is no numeral, which str.strip tells faster than the regex (every strong form
# of a text is asked)
NUMERAL_LETTERS = "MDCLXVImdclxvi\u0131"
# words that number the thing they name: "type II", "phase III", "chapter XII"
NUMBERING_WORDS = frozenset(
    "act annex appendix article band book canto category chapter class clause division "
    "episode figure grade group league level mark model no part period phase plate "
    "psalm schedule season section series stage step table tier title type unit "
    "version vol volume war".split())
# months and their abbreviations: a numeral after one is a day, not part of a name
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# words after a numeral that make it an ordinal of a name: "the XIX century"
NAMED_AFTER = frozenset("century centuries dynasty".split())

_WORD_BEFORE = regex.compile(r"([\p{L}.]+)[ \t]+$")
_WORD_AFTER = regex.compile(r"^[ \t]+(\p{L}+)")


def is_roman_numeral(word: str) -> bool:
    """True when ``word`` is a well-formed Roman numeral, in either case.

    >>> [is_roman_numeral(w) for w in ("II", "iv", "IIII", "XL", "LX", "civil", "")]
    [True, True, False, True, True, False, False]
    """
    return (bool(word) and not word.strip(NUMERAL_LETTERS)
            and ROMAN_NUMERAL.fullmatch(word) is not None)


def is_capitalised_numeral(word: str) -> bool:
    """A Roman numeral of two letters or more in capitals ("XIX", not "I" or
    "V", which are a pronoun and an initial as often as numbers).

    >>> [is_capitalised_numeral(w) for w in ("XIX", "II", "I", "V", "xix", "VV")]
    [True, True, False, False, False, False]
    """
    return len(word) > 1 and word.isupper() and is_roman_numeral(word)


def names_something(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a Roman numeral that is part of a name.

    >>> names_something("patients with type II diabetes", 19, 21)
    True
    >>> names_something("after Pope Benedict XVI left", 20, 23)
    True
    >>> names_something("a XIX century church", 2, 5)
    True
    >>> names_something("delayed in II districts", 11, 13)
    False
    >>> names_something("Henry VIII had six wives", 6, 10), names_something("In II districts", 3, 5)
    (True, False)
    >>> names_something("delayed in two districts", 11, 14)
    False
    >>> names_something("In XIX XIX years", 7, 10), names_something("Louis XIV XV", 10, 12)
    (False, False)
    >>> names_something("Boston, June xvi -- A wave", 14, 17), names_something("on Nov. XV", 8, 10)
    (False, False)
    >>> names_something("the Senate's Rule xxii", 18, 22), names_something("in Stage ii", 9, 11)
    (False, True)
    """
    numeral = text[start:end]
    if not is_roman_numeral(numeral):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        word = before.group(1).rstrip(".")
        # a numeral before it is no name's word, whatever its capitals ("XIX XIX"),
        # nor is a month's ("June xvi", "Nov. XV": a date the spinner wrote); and
        # names write their numerals in capitals ("Henry VIII", not "Rule xxii")
        named = (word[:1].isupper() and not is_capitalised_numeral(word)
                 and word.lower() not in MONTHS and not numeral.islower())
        if named and (not is_sentence_start(text, before.start(1))
                      or word.lower() not in FUNCTION_WORDS):
            return True  # "World War II", "Henry VIII had", not "In II districts"
        if word.lower() in NUMBERING_WORDS:
            return True
    after = _WORD_AFTER.match(text[end:end + 40])
    return after is not None and after.group(1).lower() in NAMED_AFTER


Located = TypeVar("Located")


def drop_numbered_names(text: str, candidates: Sequence[Located]) -> list[Located]:
    """``candidates`` (anything with ``start`` and ``end`` in ``text``) less
    those whose span is a Roman numeral in a name.

    >>> from collections import namedtuple
    >>> Span = namedtuple("Span", "start end")
    >>> drop_numbered_names("World War II and II districts", [Span(10, 12), Span(17, 19)])
    [Span(start=17, end=19)]
    """
    return [c for c in candidates if not names_something(text, c.start, c.end)]
