"""Stage 4: decide which scored candidates to apply.

Candidates below the threshold are dropped; among overlapping ones the
longest phrase wins ("at that topographic point" over "topographic point"),
then the most confident. Several passes are composed into one list of
substitutions in input offsets, so chains unwind from the inside out.

>>> from restore.report import Substitution as S
>>> merge_pass([S(3, 14, "urban amount", "urban center", 0.9, "a")],
...            [S(3, 15, "urban center", "city", 0.8, "b")], "a urban amount")[0].original
'city'
"""

from __future__ import annotations

from typing import Sequence

from .report import Substitution, splice
from .scoring import IntervalSet, Scored


def choose(scored: Sequence[Scored], threshold: float) -> list[Scored]:
    """Non-overlapping candidates over ``threshold``, sorted by position."""
    eligible = [s for s in scored if s.confidence >= threshold]
    eligible.sort(key=lambda s: (-(s.candidate.end - s.candidate.start), -s.confidence,
                                 s.candidate.start))
    taken: list[Scored] = []
    occupied = IntervalSet()
    for item in eligible:
        if occupied.add_if_free(item.candidate.start, item.candidate.end):
            taken.append(item)
    taken.sort(key=lambda s: s.candidate.start)
    return taken


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

    The result has offsets in ``source``; a later substitution that touches an
    earlier one is merged with it into one chained substitution.
    """
    merged = sorted(earlier, key=lambda s: s.start)
    for new in sorted(later, key=lambda s: s.start, reverse=True):
        # positions of the earlier substitutions in the current text
        current: list[tuple[int, int, Substitution]] = []
        shift = 0
        for sub in merged:
            start = sub.start + shift
            current.append((start, start + len(sub.original), sub))
            shift += len(sub.original) - (sub.end - sub.start)
        touched = [(a, b, s) for a, b, s in current if a < new.end and new.start < b]
        region_start = min([new.start] + [a for a, _, _ in touched])
        region_end = max([new.end] + [b for _, b, _ in touched])
        # map the region's edges back to source offsets
        in_start = _to_source(region_start, current)
        in_end = _to_source(region_end, current)
        current_text = splice(source, merged)
        replacement = (current_text[region_start:new.start] + new.original
                       + current_text[new.end:region_end])
        confidence = new.confidence
        rules = [new.rule]
        evidence = [new.evidence] if new.evidence else []
        for _, _, old in touched:
            confidence = min(confidence, old.confidence)
            rules.insert(0, old.rule)
            if old.evidence:
                evidence.insert(0, old.evidence)
        combined = Substitution(in_start, in_end, source[in_start:in_end], replacement,
                                confidence, " then ".join(rules), "; ".join(evidence))
        merged = [s for s in merged if all(s is not old for _, _, old in touched)]
        if combined.spun != combined.original:
            merged.append(combined)
        merged.sort(key=lambda s: s.start)
    return merged


def _to_source(position: int, current: list[tuple[int, int, Substitution]]) -> int:
    """Source offset of a position of the current text that is not strictly
    inside a substitution (region edges never are)."""
    shift = 0
    for start, end, sub in current:
        if position <= start:
            break
        if position < end:
            raise ValueError("position inside an earlier substitution")
        shift += len(sub.original) - (sub.end - sub.start)
    return position - shift
