"""Shortcuts the decoder takes for speed give what the general code gives."""

from __future__ import annotations

from hypothesis import given, strategies as st

from restore.decoder import LanguageModelScorer, _Hypothesis, _plain_context, _Words

TEXTS = st.lists(st.sampled_from(["It", "volition", "survive", "fine.", "past", "times",
                                  "June;", "\n", "30", "People’s", "—", "well-nigh"]),
                 min_size=1, max_size=14).map(" ".join)


@given(TEXTS)
def test_plain_context_is_the_general_walk_without_restorations(text):
    words = _Words.of(text)
    keep_text = _Hypothesis(words, {})
    for first in range(len(words.words) + 1):
        for last in range(first, min(first + 3, len(words.words)) + 1):
            left, right = _plain_context(words, first, last)
            assert left == LanguageModelScorer._context_left(words, first, keep_text)[-2:]
            assert right == LanguageModelScorer._context_right(words, last, keep_text)


@given(TEXTS, st.sets(st.integers(0, 13), max_size=5))
def test_touched_near_is_three_words_before_and_two_after(text, owned):
    words = _Words.of(text)
    chosen = {index: (index + 1, ("x",)) for index in owned}
    hypothesis = _Hypothesis(words, chosen)
    for first in range(16):
        for last in range(first, first + 4):
            expected = any((index < first or index >= last) and index in hypothesis.owner
                           for index in range(max(0, first - 3), last + 2))
            assert hypothesis.touched_near(first, last) == expected


def test_analysis_is_not_reused_for_a_list_extended_since():
    """The engine (thorough mode) weighs evidence on a list it then extends with
    WordNet-channel candidates; a scorer that remembered that list by its
    contents would score the extended one with the old words and weights."""
    import restore
    from restore.engine import Restorer

    text = ("well-nigh well nigh well-nigh huge big the \x00 , big café urban amount 2025 "
            "nation the age, coitus, casket pain . of ´ \t   ")
    shared = restore.fix_and_explain(text, thorough=True)
    fresh = Restorer(thorough=True).restore(text)
    assert shared == fresh
    assert "city" in shared.text


def _with_and_without(monkeypatch, family, rates, constant):
    """The first dev-set text spun by ``family`` (seed 1) at each of ``rates``
    (None: the family's own), restored as shipped and again with
    ``decoder.<constant>`` set so high that its rule never fires:
    (spins, restorations as shipped, restorations without the rule)."""
    from pathlib import Path

    import restore
    import restore.decoder as decoder
    from restore.spin import spin

    original = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[0]
    text = original.read_text(encoding="utf-8")
    spins = [spin(text, family, seed=1, rate=rate) for rate in rates]
    shipped = [restore.fix_and_explain(spun.text) for spun in spins]
    monkeypatch.setattr(decoder, constant, 1e9)
    return spins, shipped, [restore.fix_and_explain(spun.text) for spun in spins]


def _right(spun, restoration) -> int:
    """How many of the substitutions undo a gold edit."""
    from restore.evaluate import match_edits

    return sum(match_edits(spun.edits, restoration.substitutions)[1])


def test_a_heavily_spun_thesaurus_style_text_gets_more_confidence(monkeypatch):
    """A thesaurus-style spinner that swaps 30% of the words makes each form
    likelier a swap than at 10%, where the reading's temperature was fitted:
    such a text's odds are raised by how much of it its spans say was swapped.
    More restorations, most of them right; a text spun at 10% is unchanged."""
    (heavy, light), (raised, light_raised), (plain, light_plain) = _with_and_without(
        monkeypatch, "thesaurus", (0.3, None), "THESAURUS_REFERENCE_RATE")  # never raised
    added = len(raised.substitutions) - len(plain.substitutions)
    assert added >= 10 and _right(heavy, raised) - _right(heavy, plain) >= added / 2
    assert light_raised == light_plain


def test_the_channel_s_own_rows_are_weighed_at_a_thesaurus_style_spinner_s_rate(monkeypatch):
    """In a thesaurus-style reading, the WordNet channel's own rows ("channel
    lemma"), whose priors were worked out at the WordNet-style spinner's 18%,
    lose the odds a 10% spinner takes from them; table rows keep theirs. On the
    dev set the channel's rows had been right 29% of the time at 0.4-0.6."""
    from pathlib import Path

    import restore
    import restore.decoder as decoder
    from restore.spin import spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[3]
    text = spin(clean.read_text(encoding="utf-8"), "thesaurus", seed=1).text

    def confidences():
        result = restore.fix_and_explain(text, threshold=0.0)
        return {(s.start, s.end, s.original): (s.confidence, s.evidence, s.rule)
                for s in result.substitutions}

    shifted = confidences()
    monkeypatch.setattr(decoder, "THESAURUS_CHANNEL_SHIFT", 0.0)
    plain = confidences()
    assert decoder.LanguageModelScorer._confidence(0.5, 1.0, 0.7, -0.48) < 0.5
    channel = [key for key, (_, _, rule) in plain.items()  # (a chain takes its surest step's)
               if "(wordnet channel)" in rule and " then " not in rule and key in shifted]
    assert len(channel) >= 5
    assert all(shifted[key][0] < plain[key][0] for key in channel)
    lower = sum(shifted[key][0] < plain[key][0] for key in plain
                if key in shifted and "(wordnet channel)" not in plain[key][2])
    assert lower <= len(plain) // 10  # the tables' rows: only context effects


def test_a_lightly_spun_wordnet_style_text_loses_confidence(monkeypatch):
    """The WordNet-style reading's priors were worked out for a spinner that
    changes 18% of the words; one that changes 5% makes each form less likely a
    swap. A text whose first pass says little was swapped has its odds lowered:
    fewer restorations, most of those dropped wrong. A text spun at 18% is
    unchanged."""
    (light, full), (lowered, full_shifted), (plain, full_plain) = _with_and_without(
        monkeypatch, "wordnet", (0.05, None), "RATE_BAND")  # never shifted
    dropped = len(plain.substitutions) - len(lowered.substitutions)
    assert dropped >= 3 and _right(light, plain) - _right(light, lowered) < dropped / 2
    assert full_shifted == full_plain


@given(st.floats(0.0, 5000.0), st.floats(0.0, 5000.0), st.integers(0, 20_000))
def test_spin_rate_shift_follows_the_share_swapped(swapped, more, words):
    """More swapped words never lower the shift; a text that says no more was
    swapped than the reference share is never raised, one that says more never
    lowered; the shift is bounded."""
    import math

    from restore.decoder import (RATE_RATIO_MAX, WORDNET_REFERENCE_RATE, spin_rate_shift)

    shift = spin_rate_shift(swapped, words)
    assert spin_rate_shift(swapped + more, words) >= shift
    if swapped <= WORDNET_REFERENCE_RATE * words:
        assert shift <= 0.0
    else:
        assert shift >= 0.0
    assert shift <= math.log(RATE_RATIO_MAX)


def test_a_short_text_says_little_of_its_rate():
    """A sentence with nothing swapped is no lightly spun text: its shift is
    nothing, a paragraph's small, a long text's large."""
    from restore.decoder import spin_rate_shift

    assert spin_rate_shift(0.0, 25) == 0.0
    assert -0.3 < spin_rate_shift(0.0, 100) < 0.0
    assert spin_rate_shift(0.0, 5000) < -1.5


def test_an_output_read_again_takes_its_input_s_spin_rate(monkeypatch):
    """The output of a text spun at 18% is judged afresh, and may be read again
    the thorough way; its spins restored, it would measure itself lightly spun
    and lose what those readings add. They take the input's rate: at threshold
    0.9, where they add most, the result is the one without the rate rule (29
    of the 72 dev-set texts differed when they measured their own)."""
    from pathlib import Path

    import restore
    import restore.decoder as decoder
    from restore.spin import spin

    paths = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    texts = [spin(paths[index].read_text(encoding="utf-8"), "wordnet", seed=seed).text
             for index, seed in ((1, 1), (5, 3), (18, 3))]
    with_rule = [restore.fix_and_explain(text, threshold=0.9) for text in texts]
    monkeypatch.setattr(decoder, "RATE_BAND", 1e9)  # never shifted
    assert [restore.fix_and_explain(text, threshold=0.9) for text in texts] == with_rule
