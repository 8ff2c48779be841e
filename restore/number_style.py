"""How the text itself writes its numbers, as evidence on respelled numbers.

WordNet puts "40" and "forty" in one synset, so the WordNet-style spinner
writes "forty battery-electric buses" for the author's "40", and "2 of their
five seats" for "two". The language model reads numerals as number words, so
it cannot tell; the table priors only know how often each spelling is written
on the web ("forty" -> "40" 0.31). The author of one text keeps to one habit,
though: news prose spells out numbers under ten and writes numerals from 10 up
(:func:`restore.numbers.preferred_spelling`), fiction spells out "forty years"
too, and scholarly prose writes "2 samples". So whether the text's *other*
numbers of the same kind (under ten, or 10 and up) keep to news style says how
likely a number against it is the author's. Ordinals count with the numbers of
their size ("third" and "21st" keep to the style, "3rd" and "twenty-first" do
not), but for "first" and "second", which are more often no numbers at all.

:func:`keeps_style` tells whether a number keeps to the style (None where its
place says nothing: "June 3", "Room 4", a sentence start, a list, a score);
:func:`style_counts` counts the text's numbers of each kind; and
:func:`spin_probability` reads them as a mixture: of a spun text's numbers a
share ``SPUN_NUMBER_SHARE`` were respelled, the rest kept as the author wrote
them, at the rate the other numbers of the kind show once that share is taken
out (shrunk towards ``STYLE_PRIOR_RATE``). A number against the style is then a spin with
probability share * rate / (share * rate + (1 - share) * (1 - rate)), and
:func:`weigh_number_style` makes that the prior of a candidate that respells it.

Measured on texts spun WordNet-style: of the numbers against the style, 0.86
were spins in our own news prose (seeds 1-3), 0.67 in the Brown corpus's press
texts, 0.33 in its fiction, 0.31 in its learned prose (seed 1); of those that
keep to it, 0.008, 0.029, 0.137 and 0.078.

>>> style_counts("Turnout fell from 41 percent to thirty-six percent; two seats and 40 buses.")
{False: (1, 1), True: (2, 3)}
>>> round(spin_probability(False, 9, 10), 2), round(spin_probability(False, 1, 10), 2)
(0.73, 0.06)
>>> round(spin_probability(True, 9, 10), 3)
0.023
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

import regex

from .candidates import Candidate
from .memo import Memo
from .numbers import (NUMBER_WORDS, ORDINAL_OF_NUMBER, SPELLED_OUT_BELOW, WORD_OF_NUMBER,
                      number_value, ordinal_value, preferred_spelling)
from .roman import MONTHS, NUMBERING_WORDS
from .spans import Containers
from .tokens import FUNCTION_WORDS

# the share of a spun text's numbers that the WordNet-style spinner respells
# (numeral <-> word; the rest it leaves, or writes as "xl" or "twoscore"):
# 0.198 of our own prose's numbers spun with seeds 1-3, 0.220 of the Brown press texts'
SPUN_NUMBER_SHARE = 0.2
# the rate a text's other numbers are shrunk towards, and its weight in numbers
# (0.85 of the Brown press texts' numbers keep to news style; a text with few
# numbers says little): fitted on the Brown corpus's categories d-h (206 texts
# of religion, skills, lore, belles lettres, government), checked on the others
STYLE_PRIOR_RATE = 0.7
STYLE_PRIOR_WEIGHT = 4
# characters around a number that preferred_spelling reads
_BEFORE, _AFTER = 2, 20
# words that are numbers less often than not ("one of them", "at first", "a second
# time"): their style says nothing
NOT_COUNTED = frozenset({"one", "first", "second"})
# words after which a figure is a label whatever its size ("number 7", "page 4", "type 2")
LABEL_WORDS = NUMBERING_WORDS | {"number", "page", "route", "room", "channel", "platform"}


def number_and_kind(spelling: str) -> tuple[str, int] | None:
    """("cardinal" or "ordinal", value) of a cardinal under a thousand or an
    ordinal under a hundred, however written, else None: a respelling keeps both.

    >>> [number_and_kind(s) for s in ("forty", "40", "3rd", "x", "two hundred", "2000")]
    [('cardinal', 40), ('cardinal', 40), ('ordinal', 3), None, ('cardinal', 200), None]
    """
    value = number_value(spelling)
    if value is not None:
        return ("cardinal", value) if value < 1000 else None
    value = ordinal_value(spelling)
    return None if value is None else ("ordinal", value)


_VALUES = Memo(number_and_kind, 100_000)  # spelling -> number_and_kind(spelling)

# a number word under 100 as WordNet writes it (restore.numbers' words: "forty-two"),
# and an ordinal from "third" ("first" and "second" are NOT_COUNTED)
_UNIT_WORDS = "|".join(w for w, n in NUMBER_WORDS.items() if 0 < n < 10)
_UNIT_ORDINALS = "|".join(w for n, w in ORDINAL_OF_NUMBER.items() if 0 < n < 10)
_NUMBER_WORD = "(?:{}|(?:{})(?:-(?:{}))?)".format(
    "|".join(w for w, n in NUMBER_WORDS.items() if n < 20),
    "|".join(w for w, n in NUMBER_WORDS.items() if n >= 20), _UNIT_WORDS)
_ORDINAL_WORD = "(?:{}|(?:{})-(?:{}))".format(
    "|".join(w for n, w in ORDINAL_OF_NUMBER.items() if 3 <= n < 100),
    "|".join(w for w, n in NUMBER_WORDS.items() if n >= 20), _UNIT_ORDINALS)
_FIGURE = r"[0-9]{1,2}(?:st|nd|rd|th)?"
# a bare number: not inside a word, a decimal, a time, a range or a sum
_NUMBER = regex.compile(rf"(?<![\w.,:/$£€#-])(?:{_FIGURE}|(?i:{_NUMBER_WORD}|{_ORDINAL_WORD}))"
                        r"(?![\w%:/-]|[.,]\d)")
# the same on lower-cased text, with the standard library's engine: three times as fast
# (3.6 ms for 100 KB against 10), and style_counts runs on every pass of a spun text
_NUMBER_LOWER = re.compile(rf"(?<![\w.,:/$£€#-])(?:{_FIGURE}|{_NUMBER_WORD}|{_ORDINAL_WORD})"
                           r"(?![\w%:/-]|[.,]\d)")
_SENTENCE_END = regex.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)$")
# a list's number ("reasons: 1  Broglio's"), a score or a count against
# another ("a 4 to 3 vote", "5-3"), the hour ("six o'clock", "6 o'clock"):
# numerals or words there, whatever the style
_LIST_OR_SCORE = regex.compile(r"(?:\s*\n|  |[ ]?[)(]| o'clock"
                               rf"|\s+(?:to|-|–)\s+(?:[0-9]|(?i:{_NUMBER_WORD})\b))")
_AFTER_LIST_OR_SCORE = regex.compile(
    rf"(?:^|:|\n|(?:[0-9]|(?i:{_NUMBER_WORD}))\s+(?:to|-|–))\s*$")


def other_spelling(number: str) -> str | None:
    """The same number written the other way, numeral <-> words (cardinals
    under a thousand, as WordNet writes them; ordinals under a hundred).

    >>> [other_spelling(n) for n in ("40", "forty-two", "7", "200", "3rd", "twenty-first")]
    ['forty', '42', 'seven', 'two hundred', 'third', '21st']
    >>> other_spelling("125"), other_spelling("one hundred twenty-five"), other_spelling("2000")
    ('one hundred twenty-five', '125', None)
    """
    found = _VALUES[number]
    if found is None:
        return None
    kind, value = found
    if not number[:1].isdigit():
        return str(value) if kind == "cardinal" else f"{value}{_ordinal_suffix(value)}"
    if value >= 100:  # (a cardinal)
        hundreds, rest = divmod(value, 100)
        words = f"{WORD_OF_NUMBER[hundreds]} hundred"
        return f"{words} {_words_under_a_hundred(rest, WORD_OF_NUMBER)}" if rest else words
    return _words_under_a_hundred(value, WORD_OF_NUMBER if kind == "cardinal"
                                  else ORDINAL_OF_NUMBER)


def _words_under_a_hundred(value: int, words: dict[int, str]) -> str:
    """``value`` (under a hundred) in words, the last of them from ``words``
    (cardinal or ordinal): "forty-two", "twenty-first"."""
    if value in words:
        return words[value]
    tens, unit = divmod(value, 10)
    return f"{WORD_OF_NUMBER[10 * tens]}-{words[unit]}"


def _ordinal_suffix(value: int) -> str:
    """ "st", "nd", "rd" or "th", as the figure of an ordinal ends. """
    if value % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")


def keeps_style(text: str, start: int, end: int) -> bool | None:
    """Does the number at ``text[start:end]`` keep to news style? None when its
    place says nothing: "one" (a pronoun too), a figure after a capitalised word,
    a month or a word that labels ("June 3", "Room 4", "May 4", "number 7"), a
    number at a sentence start (spelled out there).

    >>> t = "He ran 40 miles and forty more in June 3 heats. Ten ran."
    >>> [keeps_style(t, m.start(), m.end()) for m in _NUMBER.finditer(t)]
    [True, False, None, None]
    """
    number = text[start:end]
    if (number.lower() in NOT_COUNTED or _SENTENCE_END.search(text, max(0, start - 4), start)
            or _LIST_OR_SCORE.match(text, end) or _AFTER_LIST_OR_SCORE.search(
                text, max(0, start - 12), start)):
        return None
    if number[:1].isdigit():
        previous = text[max(0, start - 20):start].split()
        word = previous[-1].lstrip("([\"'“‘") if previous else ""
        bare = word.rstrip(".").lower()
        # a label or a date: "Room 4", "number 7", "no 1", "May 4" (not "The 40 buses")
        if ((word[:1].isupper() and bare not in FUNCTION_WORDS) or bare in LABEL_WORDS
                or bare in MONTHS):
            return None
    alternative = other_spelling(number)
    if alternative is None:
        return None
    kind, value = _VALUES[number]  # (other_spelling found it)
    if kind == "ordinal":  # "third", "21st": no unit makes an ordinal a figure
        return number[:1].isdigit() == (value >= SPELLED_OUT_BELOW)
    preferred = preferred_spelling([number.lower(), alternative],
                                   text[max(0, start - _BEFORE):start], text[end:end + _AFTER])
    return None if preferred is None else preferred == number.lower()


def style_counts(text: str) -> dict[bool, tuple[int, int]]:
    """Per kind of number (10 and up: True, under ten: False), how many of the
    text's numbers of that kind keep to news style and how many say anything."""
    counts = {False: [0, 0], True: [0, 0]}
    lowered = text.lower()
    # (lower-casing keeps offsets unless a letter becomes two: "İ" -> "i̇")
    numbers = (_NUMBER_LOWER.finditer(lowered) if len(lowered) == len(text)
               else _NUMBER.finditer(text))
    for match in numbers:
        keeps = keeps_style(text, match.start(), match.end())
        if keeps is not None:
            slot = counts[_is_large(text[match.start():match.end()])]
            slot[0] += keeps
            slot[1] += 1
    return {large: (kept, seen) for large, (kept, seen) in counts.items()}


def _is_large(number: str) -> bool:
    """Is this a number news style writes as a numeral (10 and up)?"""
    found = _VALUES[number]
    return found is not None and found[1] >= SPELLED_OUT_BELOW


def spin_probability(spun_keeps_style: bool, kept: float, seen: int) -> float:
    """The probability that a respelled number was spun, given whether it keeps
    to news style and how many of the text's other numbers of its kind do.
    Those others are spun at the same share: the author's own rate is what
    their count leaves once that is taken out (a share s of them turned the
    other way: kept / seen = s + (1 - 2s) * rate), then shrunk towards
    ``STYLE_PRIOR_RATE``. (Without taking it out, a heavily spun text's
    respelled others hid its style: log loss on the Brown texts of categories
    d-h 0.377 against 0.364, on the press texts 0.394 against 0.375.)"""
    if seen:
        share = SPUN_NUMBER_SHARE
        kept = min(1.0, max(0.0, (kept / seen - share) / (1 - 2 * share))) * seen
    rate = (kept + STYLE_PRIOR_WEIGHT * STYLE_PRIOR_RATE) / (seen + STYLE_PRIOR_WEIGHT)
    # a spin turns the author's spelling into the other one: its original
    # kept to the style if the spun number does not
    original_as_seen = rate if not spun_keeps_style else 1 - rate
    spun = SPUN_NUMBER_SHARE * original_as_seen
    return spun / (spun + (1 - SPUN_NUMBER_SHARE) * (1 - original_as_seen))


def respells_a_number(c: Candidate) -> bool:
    """Does ``c`` write the same number another way ("forty" -> "40")?"""
    found = _VALUES[c.spun]
    return found is not None and found == _VALUES[c.original]


def drop_respelled_restorations(candidates: Sequence[Candidate],
                                written: Sequence[tuple[int, int]]) -> list[Candidate]:
    """A later pass's ``candidates`` without those that respell a number an
    earlier pass wrote (inside ``written``, spans of the text it is in).

    That pass chose the spelling already: where the spinner wrote "deuce" or
    "ii", the WordNet channel offers both "2" and "two", and
    :func:`restore.numbers.merge_number_spellings` keeps the one the context
    asks for, with the probability of both. Weighing "two" -> "2" again as if
    the author's "2" had been respelled (:func:`spin_probability`) asks a
    question about the author's spelling that "two" cannot answer, and it
    made chains that undid the choice ("xix" -> "19" -> "nineteen") or,
    left below the cut, cast doubt on a right restoration ("matchless" ->
    "one", then "one" -> "1").

    >>> from restore.tables import Row
    >>> def c(start, spun, original):
    ...     row = Row(spun, original, 0.3, "wordnet_spinner", "lemma", "t")
    ...     return Candidate(start, start + len(spun), spun, original, row, "exact", True, False)
    >>> kept = drop_respelled_restorations([c(4, "two", "2"), c(20, "two", "2"), c(4, "two", "deuce")],
    ...                                    [(0, 7)])
    >>> [(k.start, k.original) for k in kept]
    [(20, '2'), (4, 'deuce')]
    """
    if not written:
        return list(candidates)
    inside_written = Containers(written)
    return [c for c in candidates
            if not (respells_a_number(c) and inside_written(c.start, c.end))]


_last_counted: tuple[str, dict[bool, tuple[int, int]]] | None = None


def counts_of(text: str) -> dict[bool, tuple[int, int]]:
    """:func:`style_counts` of ``text``, kept for the next call: every pass of
    a spun text weighs its numbers by the text as given."""
    global _last_counted
    last = _last_counted
    if last is not None and (last[0] is text or last[0] == text):
        return last[1]
    counts = style_counts(text)
    _last_counted = (text, counts)
    return counts


def weigh_number_style(candidates: Sequence[Candidate], text: str,
                       counted: str | None = None) -> list[Candidate]:
    """``candidates``, each that respells a number ("forty" -> "40") with
    :func:`spin_probability` for its prior, from the text's other numbers of
    its kind (in ``counted``, if given, else ``text``); their counts are
    named in the row's rule so that the report says why.

    >>> from restore.tables import Row
    >>> text = "It bought 12 trams, 30 vans, 25 cars and forty buses."
    >>> row = Row("forty", "40", 0.31, "wordnet_spinner", "lemma", "t:1")
    >>> forty = Candidate(41, 46, "forty", "40", row, "exact", True, False)
    >>> [c.row.prior for c in weigh_number_style([forty], text)]
    [0.5472]
    """
    counts: dict[bool, tuple[int, int]] | None = None
    out = []
    for c in candidates:
        keeps = keeps_style(text, c.start, c.end) if respells_a_number(c) else None
        if keeps is None:
            out.append(c)
            continue
        if counts is None:
            counts = counts_of(text if counted is None else counted)
        kept, seen = counts[_is_large(c.spun)]
        _, value = _VALUES[c.spun]  # (respells_a_number found it)
        if value < 100:  # (style_counts counts numbers under a hundred only)
            # the others: this one is what is asked (in a later pass it may be one
            # the text as given spelled the other way, or not have counted)
            kept, seen = max(0, kept - keeps), max(0, seen - 1)
        prior = round(spin_probability(keeps, kept, seen), 4)
        kind = "of 10 and up" if value >= SPELLED_OUT_BELOW else "under ten"
        rule = f"{c.row.rule}; {kept} of this text's {seen} other numbers {kind} keep news style"
        out.append(replace(c, row=replace(c.row, prior=prior, rule=rule)))
    return out
