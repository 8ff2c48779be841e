"""Stage 4: decide which scored candidates to apply.

Candidates below the threshold are dropped; among overlapping ones a
phrase-table match wins, the longest first, and then the most confident
word-spinner candidate. Several passes are composed into one list of
substitutions in input offsets, so chains unwind from the inside out.

>>> from restore.report import Substitution as S
>>> merge_pass([S(3, 14, "urban amount", "urban center", 0.9, "a")],
...            [S(3, 15, "urban center", "city", 0.8, "b")], "a urban amount")[0].original
'city'
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from .report import Substitution, splice
from .candidates import WORDNET_FAMILY
from .scoring import Scored
from .spans import IntervalSet


def choose(scored: Sequence[Scored], threshold: float) -> list[Scored]:
    """Non-overlapping candidates over ``threshold``, sorted by position.

    Phrase-table matches go first, the longest first: "profound neural
    organization" is one tortured phrase, not a stray word and "neural
    organization". Word-spinner candidates then fill the free text, the most
    confident first: in "of the like capacity", "like" -> "same" (0.8) beats
    the lemma "the like" -> "like" (0.6).
    """
    eligible = [s for s in scored if s.confidence >= threshold]
    eligible.sort(key=lambda s: (s.candidate.row.family == WORDNET_FAMILY,
                                 _rank_within_family(s), s.candidate.start))
    taken: list[Scored] = []
    occupied = IntervalSet()
    for item in eligible:
        if occupied.add_if_free(item.candidate.start, item.candidate.end):
            taken.append(item)
    taken.sort(key=lambda s: s.candidate.start)
    return taken


def _rank_within_family(s: Scored) -> tuple[float, float]:
    length = s.candidate.end - s.candidate.start
    if s.candidate.row.family == WORDNET_FAMILY:
        return (-s.confidence, -length)
    return (-length, -s.confidence)


def to_substitutions(chosen: Sequence[Scored]) -> list[Substitution]:
    return [
        Substitution(s.candidate.start, s.candidate.end, s.candidate.spun,
                     s.candidate.original, round(s.confidence, 4), s.candidate.rule,
                     s.evidence)
        for s in chosen
    ]


def merge_pass(earlier: Sequence[Substitution], later: Sequence[Substitution],
               source: str) -> list[Substitution]:
    """Compose substitutions of a later pass (offsets in the text the earlier
    ones produced) with the earlier ones (offsets in ``source``).

    The result has offsets in ``source``; later substitutions that overlap
    earlier ones are merged with them into one chained substitution. Runs in
    one sweep over both lists.
    """
    earlier = sorted(earlier, key=lambda s: s.start)
    current_text = splice(source, earlier)
    # where each earlier substitution sits in the current text, and the shift
    # (current minus source offset) in force after it
    items: list[tuple[int, int, int, Substitution]] = []
    ends: list[int] = []
    shifts: list[int] = []
    shift = 0
    for sub in earlier:
        start = sub.start + shift
        items.append((start, start + len(sub.original), 0, sub))
        shift += len(sub.original) - (sub.end - sub.start)
        ends.append(start + len(sub.original))
        shifts.append(shift)
    items.extend((sub.start, sub.end, 1, sub) for sub in later)
    items.sort(key=lambda item: (item[0], item[1]))

    def to_source(position: int) -> int:
        index = bisect_right(ends, position)
        return position - (shifts[index - 1] if index else 0)

    merged: list[Substitution] = []
    group: list[tuple[int, int, int, Substitution]] = []
    group_end = -1
    for item in items + [(len(current_text) + 1, 0, 0, None)]:  # sentinel flushes
        if group and item[0] < group_end:
            group.append(item)
            group_end = max(group_end, item[1])
            continue
        if group:
            merged.extend(_merge_group(group, current_text, source, to_source))
        group, group_end = [item], item[1]
    merged.sort(key=lambda s: s.start)
    return merged


def _merge_group(group, current_text: str, source: str, to_source) -> list[Substitution]:
    """One set of mutually overlapping substitutions as one chained substitution."""
    later = [sub for _, _, kind, sub in group if kind == 1]
    earlier = [sub for _, _, kind, sub in group if kind == 0]
    if not later:
        return earlier
    region_start = min(start for start, _, _, _ in group)
    region_end = max(end for _, end, _, _ in group)
    pieces: list[str] = []
    cursor = region_start
    for sub in later:
        pieces.append(current_text[cursor:sub.start])
        pieces.append(sub.original)
        cursor = sub.end
    pieces.append(current_text[cursor:region_end])
    in_start, in_end = to_source(region_start), to_source(region_end)
    chain = earlier + later
    combined = Substitution(
        in_start, in_end, source[in_start:in_end], "".join(pieces),
        min(sub.confidence for sub in chain), " then ".join(sub.rule for sub in chain),
        "; ".join(sub.evidence for sub in chain if sub.evidence))
    return [] if combined.spun == combined.original else [combined]
