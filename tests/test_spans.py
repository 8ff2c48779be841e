"""spans.around merges as the plain definition says."""

from __future__ import annotations

from hypothesis import given, strategies as st

from restore.spans import around


def around_by_definition(spans, margin, length):
    ranges: list[list[int]] = []
    for start, end in sorted(spans):
        low, high = max(0, start - margin), min(length, end + margin)
        if ranges and low <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], high)
        else:
            ranges.append([low, high])
    return [(low, high) for low, high in ranges]


@given(st.lists(st.tuples(st.integers(-5, 60), st.integers(0, 6)).map(lambda t: (t[0], t[0] + t[1])),
                max_size=8),
       st.integers(0, 12), st.integers(0, 60))
def test_around_is_the_merge_of_the_clamped_ranges(spans, margin, length):
    assert around(spans, margin, length) == around_by_definition(spans, margin, length)


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(-2, 6)).map(lambda t: (t[0], t[0] + t[1])),
                max_size=8), st.booleans())
def test_a_set_of_spans_is_what_adding_them_one_by_one_makes(spans, in_order):
    from restore.spans import IntervalSet

    if in_order:  # the common case, spans of written text: sorted and disjoint
        kept = IntervalSet.of(spans)
        spans = list(zip(kept._starts, kept._ends))
    one_by_one = IntervalSet()
    for start, end in spans:
        one_by_one.add_if_free(start, end)
    made = IntervalSet.of(spans)
    assert (made._starts, made._ends) == (one_by_one._starts, one_by_one._ends)
