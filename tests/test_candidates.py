from hypothesis import given, strategies as st

from restore.candidates import (_TRANSLATION, PhraseMatcher, _separators_match, normalise,
                               position_order, transfer_case)
from conftest import row


def spans(matcher, text):
    return [(c.spun, c.original, c.variant) for c in matcher.find(text)]


def test_whole_words_only(small_rows):
    matcher = PhraseMatcher(small_rows)
    assert spans(matcher, "volitional survived past timesheets") == []


def test_case_insensitive_with_case_transfer(small_rows):
    matcher = PhraseMatcher(small_rows)
    assert spans(matcher, "Past times the war") == [("Past times", "By", "exact")]
    assert spans(matcher, "PAST TIMES NOW") == [("PAST TIMES", "BY", "exact")]


def test_capitalised_table_forms_match_only_as_written(small_rows):
    matcher = PhraseMatcher(small_rows)
    assert spans(matcher, "on Dec 4") == [("Dec", "December", "exact")]
    assert spans(matcher, "we dec the hall") == []


def test_hyphen_space_and_closed_variants(small_rows):
    matcher = PhraseMatcher(small_rows)
    assert spans(matcher, "well nigh ready") == [("well nigh", "about", "hyphen as space")]
    assert spans(matcher, "wellnigh ready") == [("wellnigh", "about", "closed compound")]


def test_curly_apostrophes_match_straight_ones():
    matcher = PhraseMatcher([row("people's republic", "state", 0.9)])
    assert spans(matcher, "the People’s Republic") == [("People’s Republic", "State", "exact")]


def test_plural_variant_for_phrase_families(small_rows):
    matcher = PhraseMatcher(small_rows)
    assert spans(matcher, "two counterfeit consciousnesses") == []  # -ss words are left alone
    matcher = PhraseMatcher([row("irregular woodland", "random forest", 0.9, "tortured_phrases")])
    assert spans(matcher, "irregular woodlands") == [
        ("irregular woodlands", "random forests", "plural")]


def test_wordnet_family_gets_no_invented_inflections(small_rows):
    matcher = PhraseMatcher(small_rows)
    assert spans(matcher, "many urban amounts") == []


def test_overlapping_candidates_are_all_reported(small_rows):
    matcher = PhraseMatcher(small_rows)
    found = spans(matcher, "the urban amount")
    assert ("urban amount", "urban center", "exact") in found


def test_punctuation_inside_a_phrase_blocks_it(small_rows):
    matcher = PhraseMatcher(small_rows)
    assert spans(matcher, "past.times") == []
    assert spans(matcher, "past, times") == []


def test_a_phrase_spelled_with_other_separators_is_no_candidate_after_one_that_is(small_rows):
    # what a spelling of a phrase may be restored by is kept for its next hit:
    # "past.times" is not "past times", before or after it
    matcher = PhraseMatcher(small_rows)
    text = "past.times, past times, past.times"
    assert [(c.start, c.spun) for c in matcher.find(text)] == [(12, "past times")]


def test_keys_added_in_frequency_order_give_the_same_hits():
    from restore.candidates import _automaton_of

    keys = [" past times ", " past ", " times ", " inward ", " in ward ", " á b ", " 400 ",
            " well-nigh ", " it's ", " times  ten "]
    text = " past times, inward in ward á b 400 well-nigh it's times  ten past "
    assert (list(_automaton_of(keys, ordered=True).iter(text))
            == list(_automaton_of(keys).iter(text)) != [])


def test_bare_flag(small_rows):
    matcher = PhraseMatcher(small_rows)
    bare = [(c.spun, c.bare) for c in matcher.find("it volition, then volition go")]
    assert bare == [("volition", False), ("volition", True)]


def test_normalise_keeps_length():
    for text in ["İstanbul ẞtraße", "Ünïcödé’s “quotes”", "a\r\nb\ufeff"]:
        assert len(normalise(text)) == len(text)


def test_transfer_case():
    assert transfer_case("Urban amount", "urban amount", "city") == "City"
    assert transfer_case("urban amount", "urban amount", "city") == "city"
    assert transfer_case("High German", "High German", "German") == "German"


def test_phrases_with_their_own_punctuation_need_it_in_the_text():
    matcher = PhraseMatcher([row("age, coitus, casket pain", "age, sex, chest pain", 0.97,
                                 "tortured_phrases")])
    assert spans(matcher, "by age, coitus, casket pain and") == [
        ("age, coitus, casket pain", "age, sex, chest pain", "exact")]
    assert spans(matcher, "by age coitus casket pain and") == []
    assert spans(matcher, "by age; coitus, casket pain and") == []


def test_a_lowercase_spun_word_restores_to_a_lowercase_word():
    """WordNet spells some lemmas with a capital ("New", "As"); the spinner
    looks words up without case, so mid-sentence "modern" stood for "new"."""
    from restore.candidates import transfer_case
    assert transfer_case("modern", "modern", "New") == "new"
    assert transfer_case("arsenic", "arsenic", "As") == "as"
    assert transfer_case("Modern", "modern", "New") == "New"
    assert transfer_case("nasa", "nasa", "NASA") == "NASA"
    assert transfer_case("holy writ", "holy writ", "Holy Writ") == "Holy Writ"


@given(st.text(alphabet=st.sampled_from(list("aZ .,'-’‘`´\u00e9\u00c9\u03a3\u0130\u200b\n\t")),
               max_size=40))
def test_normalise_in_stretches_is_one_translation(text):
    """normalise translates ASCII and non-ASCII stretches apart (for speed):
    the result is what one translation of the lowercased text gives."""
    lowered = text.lower()
    if len(lowered) == len(text):
        assert normalise(text) == lowered.translate(_TRANSLATION)
    assert len(normalise(text)) == len(text)


@given(st.text(alphabet=st.sampled_from(list("aZ ,.’‘`´-'éÉßİΣσς\u00a0\u200b\ufeff\u0301—–“”„…•€😀ÀÞµ\t\n\r\x00日本"))
               | st.characters(), max_size=40))
def test_normalise_in_bytes_is_normalise_with_str_methods(text):
    from restore.candidates import _normalise_slowly

    assert normalise(text) == _normalise_slowly(text)


def test_candidates_come_in_position_order_with_the_likeliest_row_first():
    # find skips its sort when the hits start in order; nested hits ("urban
    # amount" over "amount"), several rows of one form listed least likely first,
    # and a hit that starts before the one before it must still come sorted
    matcher = PhraseMatcher([row("amount", "sum", 0.3), row("amount", "quantity", 0.6),
                             row("urban amount", "urban center", 0.9),
                             row("urban amount", "town", 0.95), row("ate", "eaten", 0.5)])
    for text in ("the urban amount ate", "amount urban amount", "ate the amount"):
        found = matcher.find(text)
        assert found == sorted(found, key=position_order)
        assert [c.original for c in found if c.spun == "amount"][:2] in (
            ["quantity", "sum"], [])
    assert [c.original for c in matcher.find("urban amount")] == [
        "town", "urban center", "quantity", "sum"]


def test_separators_are_whitespace_or_the_phrases_own_punctuation():
    # (the positions checked are the haystack's spaces inside the phrase)
    assert _separators_match("past  times", " past  times ", 1, {})
    assert not _separators_match("past.times", " past times ", 1, {})
    assert _separators_match("age, sex", " age  sex ", 1, {3: ","})
    assert _separators_match("age’ sex", " age  sex ", 1, {3: "'"})
    assert not _separators_match("age  sex", " age  sex ", 1, {3: ","})
