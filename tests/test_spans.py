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
