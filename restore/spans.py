"""Character spans: disjoint sets of them, and stretches around them.

>>> around([(10, 12), (15, 20), (100, 104)], 5, 200)
[(5, 25), (95, 109)]
>>> widen_to_whitespace("one two three", 5, 6)
(4, 7)
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable


class IntervalSet:
    """Disjoint half-open intervals; ``add_if_free`` adds one unless it overlaps.

    >>> s = IntervalSet()
    >>> s.add_if_free(0, 5), s.add_if_free(3, 8), s.add_if_free(5, 8)
    (True, False, True)
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> "IntervalSet":
        """The set ``add_if_free`` makes of ``spans``, one after the other;
        spans that are sorted and disjoint already (written text) go in as
        they are.

        >>> IntervalSet.of([(0, 5), (5, 8)])._ends, IntervalSet.of([(3, 8), (0, 5)])._starts
        ([5, 8], [3])
        """
        spans = list(spans)
        made = cls()
        if all(start <= end for start, end in spans) and all(
                spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1)):
            made._starts = [start for start, _ in spans]
            made._ends = [end for _, end in spans]
        else:
            for start, end in spans:
                made.add_if_free(start, end)
        return made

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start)
        if index > 0 and self._ends[index - 1] > start:
            return True
        return index < len(self._starts) and self._starts[index] < end

    def add_if_free(self, start: int, end: int) -> bool:
        starts = self._starts
        index = bisect_right(starts, start)  # as overlaps() finds it, once
        if (index > 0 and self._ends[index - 1] > start) or (
                index < len(starts) and starts[index] < end):
            return False
        starts.insert(index, start)
        self._ends.insert(index, end)
        return True


class Containers:
    """Spans (they may overlap) asked whether any of them holds a given span,
    in log time: sorted by start, with the furthest end reached so far.

    >>> holds = Containers([(10, 20), (0, 4), (12, 30)])
    >>> [holds(a, b) for a, b in ((11, 19), (12, 25), (2, 4), (5, 6), (25, 31))]
    [True, True, True, False, False]
    """

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = end if end > furthest else furthest
            self._reach.append(furthest)

    def __call__(self, start: int, end: int) -> bool:
        """Does a span start at or before ``start`` and end at or after ``end``?"""
        index = bisect_right(self._starts, start)
        return index > 0 and self._reach[index - 1] >= end


def around(spans: Iterable[tuple[int, int]], margin: int, length: int) -> list[tuple[int, int]]:
    """Merged ranges reaching ``margin`` characters beyond each span, within 0..length."""
    ranges: list[tuple[int, int]] = []
    current_low, current_high = 0, None  # the range being merged (none yet)
    for start, end in sorted(spans):
        low = start - margin if start > margin else 0  # (max and min, without the calls)
        high = end + margin if end + margin < length else length
        if current_high is not None and low <= current_high:
            if high > current_high:
                current_high = high
        else:
            if current_high is not None:
                ranges.append((current_low, current_high))
            current_low, current_high = low, high
    if current_high is not None:
        ranges.append((current_low, current_high))
    return ranges


def widen_to_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` back and ``end`` forward so that no word is cut."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end
