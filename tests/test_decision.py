from restore.decision import choose, merge_pass
from restore.report import Substitution, apply_substitutions, revert_substitutions
from restore.scoring import Scored
from restore.candidates import Candidate
from conftest import row


def scored(start, end, spun, original, confidence, family="wordnet_spinner"):
    candidate = Candidate(start, end, spun, original, row(spun, original, family=family),
                          "exact", True, False)
    return Scored(candidate, confidence, "")


def test_word_spinner_candidates_most_confident_first():
    items = [scored(3, 28, "at that topographic point", "there", 0.9),
             scored(11, 28, "topographic point", "place", 0.95),
             scored(30, 33, "ane", "one", 0.4)]
    assert [s.candidate.original for s in choose(items, 0.5)] == ["place"]
    assert [s.candidate.original for s in choose(items, 0.3)] == ["place", "one"]
    items[1] = scored(11, 28, "topographic point", "place", 0.85)
    assert [s.candidate.original for s in choose(items, 0.5)] == ["there"]


def test_phrase_table_candidates_longest_first_and_before_word_spins():
    items = [scored(0, 28, "profound neural organization", "deep neural network", 0.7,
                    "tortured_phrases"),
             scored(9, 28, "neural organization", "neural network", 0.97, "tortured_phrases"),
             scored(0, 8, "profound", "deep", 0.99)]
    assert [s.candidate.original for s in choose(items, 0.5)] == ["deep neural network"]


def test_same_span_keeps_the_most_confident():
    items = [scored(0, 6, "inward", "in", 0.8), scored(0, 6, "inward", "inside", 0.6)]
    assert [s.candidate.original for s in choose(items, 0.5)] == ["in"]


def test_merge_pass_chains_into_one_substitution():
    source = "a urban amount b"
    first = [Substitution(2, 14, "urban amount", "urban center", 0.9, "r1")]
    middle = apply_substitutions(source, first)
    second = [Substitution(2, 14, "urban center", "city", 0.7, "r2")]
    merged = merge_pass(first, second, source)
    assert [(s.start, s.end, s.spun, s.original, s.confidence, s.rule) for s in merged] == [
        (2, 14, "urban amount", "city", 0.7, "r1 then r2")]
    assert apply_substitutions(source, merged) == apply_substitutions(middle, second)


def test_merge_pass_shifts_later_offsets():
    source = "past times x at that place y"
    first = [Substitution(0, 10, "past times", "by", 0.9, "r1")]
    middle = apply_substitutions(source, first)
    assert middle == "by x at that place y"
    second = [Substitution(5, 18, "at that place", "there", 0.8, "r2")]
    merged = merge_pass(first, second, source)
    assert apply_substitutions(source, merged) == "by x there y"
    assert merged[1].spun == "at that place" and merged[1].start == 13


def test_revert_round_trip():
    source = "It volition survive."
    subs = [Substitution(3, 11, "volition", "will", 0.9, "r"),
            Substitution(12, 19, "survive", "be", 0.6, "r")]
    output = apply_substitutions(source, subs)
    assert output == "It will be."
    assert revert_substitutions(output, subs) == source
