import re
from pathlib import Path

import restore
from restore.decision import ChainForms, choose, doubt_unfinished, drop_unsettling, merge_pass
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


def test_a_longer_twin_restoring_the_same_word_goes_first():
    # "in" -> "inch" -> "column inch": restoring "inch" alone would leave "column in"
    column_inch = scored(4, 15, "column inch", "in", 0.94)
    inch = scored(11, 15, "inch", "in", 0.95)
    assert [s.candidate.spun for s in choose([column_inch, inch], 0.5)] == ["column inch"]
    # not when the longer one is unsure, restores another word, or only adds
    # function words ("the like" -> "same" around the author's "the")
    unsure = scored(4, 15, "column inch", "in", 0.45)
    assert [s.candidate.spun for s in choose([unsure, inch], 0.0)] == ["inch"]
    other = scored(4, 15, "column inch", "inch", 0.9)
    assert [s.candidate.spun for s in choose([other, inch], 0.5)] == ["inch"]
    the_like, like = scored(0, 8, "the like", "same", 0.9), scored(4, 8, "like", "same", 0.95)
    assert [s.candidate.spun for s in choose([the_like, like], 0.5)] == ["like"]
    and_so = [scored(0, 10, "and and so", "then", 0.9), scored(4, 10, "and so", "then", 0.95)]
    assert [s.candidate.spun for s in choose(and_so, 0.5)] == ["and so"]


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


def test_a_chain_that_comes_back_to_a_form_settles_there():
    source = "a lobby b"
    forms = ChainForms()
    chain = [Substitution(2, 7, "lobby", "hall", 0.8, "r1")]
    chain = merge_pass(chain, [Substitution(2, 6, "hall", "hallway", 0.2, "r2")], source, forms)
    assert chain[0].confidence == 0.2 and not forms.of(chain[0]).settled
    back = Substitution(2, 9, "hallway", "hall", 0.6, "r3")
    settled = merge_pass(chain, [back], source, forms)
    # back at "hall": the detour through "hallway" is no evidence against it
    assert [(s.original, s.confidence, s.rule) for s in settled] == [
        ("hall", 0.6, "r1 then r2 then r3")]
    assert forms.of(settled[0]).settled
    # and no later step moves it: the passes would otherwise swing between the two
    again = Substitution(2, 6, "hall", "hallway", 0.7, "r2")
    assert drop_unsettling([again], forms.settled(settled)) == []
    # back to the form it started from: the chain is undone, as before
    assert merge_pass(chain, [Substitution(2, 9, "hallway", "lobby", 0.6, "r4")],
                      source, forms) == []


def test_steps_on_parts_of_a_span_are_no_return():
    # "politics activeness": "government" and "activity" restored apart, then
    # "government activity" -> "government" over both: a chain, not a return
    source = "politics activeness"
    forms = ChainForms()
    parts = [Substitution(0, 8, "politics", "government", 0.9, "r1"),
             Substitution(9, 19, "activeness", "activity", 0.8, "r2")]
    whole = Substitution(0, 19, "government activity", "government", 0.6, "r3")
    merged = merge_pass(parts, [whole], source, forms)
    assert [(s.original, s.confidence) for s in merged] == [("government", 0.6)]
    assert not forms.of(merged[0]).settled


STEP = re.compile(r"^[^:\s]+:(.*?)->(.*?)(?: \[|$)")


def _moves_after_coming_back(rule: str) -> bool:
    """Does a chain (its ``rule``: steps "family:spun->original [...]" joined by
    " then ") leave a form again after it came back to it, on one span?"""
    run: list[str] = []
    for step in rule.split(" then "):
        match = STEP.match(step)
        if match is None:
            return False
        spun, original = match.group(1).lower(), match.group(2).lower()
        run = run if run and run[-1] == spun else [spun]
        if run.count(run[-1]) > 1:  # it had come back, and moves on
            return True
        run.append(original)
    return False


def test_chains_do_not_swing_between_readings_at_a_low_threshold():
    # at threshold 0.01 the passes and fresh judgements once went on round a
    # synset ("approve" -> "okay" -> "ok" -> "fine" -> "okay" -> "ok" -> "fine")
    text = (Path(__file__).resolve().parent.parent / "corpora" / "spun" / "wordnet" / "seed1"
            / "01_transport_budget.txt").read_text("utf-8")
    result = restore.fix_and_explain(text, threshold=0.01)
    chains = [s for s in result.substitutions if " then " in s.rule]
    assert len(chains) > 20
    assert [s.rule for s in chains if _moves_after_coming_back(s.rule)] == []
    assert result.revert() == text


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


# doubt_unfinished: a restoration whose output the spinner may have written too


def test_a_pending_chain_step_discounts_the_restoration_under_it():
    # "melanise market": restored "melanise" -> "black", and "black market" may be "run"
    sub = Substitution(4, 12, "melanise", "black", 0.9, "wordnet_spinner:melanise->black")
    pending = [scored(4, 16, "black market", "run", 0.4)]
    [kept] = doubt_unfinished([sub], pending, 0.5)
    assert kept.confidence == round(0.9 * 0.6, 4)
    assert "may itself be spun: 'black market' -> 'run'" in kept.evidence
    assert doubt_unfinished([sub], pending, 0.6) == []  # below the cut once discounted


def test_rivals_on_the_same_words_are_no_doubt():
    # a two-hop rival ("about" may be "around"), a reversal, and a respelled number
    # were weighed when the restoration was chosen: they change nothing
    subs = [Substitution(0, 9, "well-nigh", "about", 0.55, "r"),
            Substitution(10, 14, "rite", "ritual", 0.6, "r"),
            Substitution(20, 22, "ii", "two hundred", 0.8, "r")]
    # output offsets: "about" 0-5, "ritual" 6-12, "two hundred" 18-29
    pending = [scored(0, 5, "about", "around", 0.3), scored(6, 12, "ritual", "rite", 0.4),
               scored(18, 29, "two hundred", "200", 0.3)]
    assert doubt_unfinished(subs, pending, 0.5) == subs


def test_tortured_restorations_are_final():
    sub = Substitution(0, 25, "counterfeit consciousness", "artificial intelligence", 0.9,
                       "tortured_phrases:counterfeit consciousness->artificial intelligence")
    assert doubt_unfinished([sub], [scored(11, 30, "intelligence test", "IQ", 0.8)], 0.5) == [sub]


def test_a_long_chain_is_doubted_only_when_the_pending_step_overlaps_it():
    subs = [Substitution(0, 8, "melanise", "black", 0.9, "r"),
            Substitution(20, 26, "inward", "in", 0.9, "r")]
    pending = [scored(0, 12, "black market", "run", 0.5)]
    kept = doubt_unfinished(subs, pending, 0.3)
    assert [s.confidence for s in kept] == [0.45, 0.9]
