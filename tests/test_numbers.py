"""Number spellings: a restored number is written as news style writes it."""

import restore
from restore.candidates import Candidate
from restore.numbers import merge_number_spellings, number_value, preferred_spelling
from conftest import row


def candidate(start, end, spun, original, prior):
    return Candidate(start, end, spun, original, row(spun, original, prior), "exact", True, False)


def test_small_numbers_are_spelled_out_and_large_ones_are_numerals():
    assert preferred_spelling(["6", "six"]) == "six"
    assert preferred_spelling(["Nine", "9"]) == "Nine"
    assert preferred_spelling(["12", "twelve"]) == "12"
    assert preferred_spelling(["forty", "40"]) == "40"


def test_different_numbers_or_non_numbers_are_not_merged():
    assert preferred_spelling(["6", "seven"]) is None
    assert preferred_spelling(["six", "half a dozen"]) is None
    assert number_value("VI") is None and number_value("2025") == 2025


def test_merging_keeps_one_spelling_with_both_priors_and_leaves_other_spans():
    merged = merge_number_spellings([candidate(0, 5, "hexad", "6", 0.6),
                                     candidate(0, 5, "hexad", "six", 0.25),
                                     candidate(0, 5, "hexad", "half a dozen", 0.05),
                                     candidate(6, 10, "xlii", "42", 0.9)])
    assert [(c.original, c.row.prior) for c in merged] == [
        ("six", 0.85), ("half a dozen", 0.05), ("42", 0.9)]


def test_numerals_in_clean_text_are_not_spelled_out():
    text = "The club signed 40 players over 12 seasons and sold 6 of them."
    assert restore.fix_text(text) == text


def test_percentages_times_money_and_measures_stay_numerals():
    assert preferred_spelling(["3", "three"], after=" percent of the vote") == "3"
    assert preferred_spelling(["6", "six"], after=" a.m. on Monday") == "6"
    assert preferred_spelling(["2", "two"], before="£", after=" million") == "2"
    assert preferred_spelling(["5", "five"], after="% more") == "5"
    assert preferred_spelling(["3", "three"], after=" years ago") == "three"


def test_merging_reads_the_context_of_the_span():
    text = "up tierce percent"
    merged = merge_number_spellings([candidate(3, 9, "tierce", "3", 0.5),
                                     candidate(3, 9, "tierce", "three", 0.4)], text)
    assert [c.original for c in merged] == ["3"]


def test_the_numeral_letters_are_every_character_the_roman_pattern_matches():
    # is_roman_numeral rejects a word with any other character before asking the
    # regex: a character its case-insensitive letters match must be listed
    from restore.roman import NUMERAL_LETTERS, ROMAN_NUMERAL, is_roman_numeral

    matched = {chr(code) for code in range(0x110000) if ROMAN_NUMERAL.fullmatch(chr(code))}
    assert matched == set(NUMERAL_LETTERS)
    assert is_roman_numeral("\u0131v") and is_roman_numeral("XIX")
    assert not is_roman_numeral("XIX.") and not is_roman_numeral("")
