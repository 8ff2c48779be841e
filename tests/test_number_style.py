"""A respelled number is weighed by how the text writes its other numbers."""

import restore
from restore.candidates import Candidate
from restore.number_style import (_NUMBER, drop_respelled_restorations, keeps_style,
                                  spin_probability, style_counts, weigh_number_style)
from conftest import row

NEWS = ("The city bought 12 trams, 30 vans and 25 cars in 2019, and three depots; "
        "14 more trams and 18 vans come next year, five of them electric, and forty buses.")


def _numbers(text):
    return [(m.group(), keeps_style(text, m.start(), m.end())) for m in _NUMBER.finditer(text)]


def test_a_number_keeps_news_style_or_its_place_says_nothing():
    assert _numbers("He ran 40 miles and forty more, then two and 7 laps.") == [
        ("40", True), ("forty", False), ("two", True), ("7", False)]
    # dates and labels, sentence starts, lists, scores, "one" (a pronoun too)
    assert _numbers("On June 3 in Room 4. Ten ran: 1  Smith. A 5 to 3 vote, one of them.") == [
        ("3", None), ("4", None), ("Ten", None), ("1", None), ("5", None), ("3", None),
        ("one", None)]
    # the hour: "six o'clock" and "6 o'clock" are both written
    assert _numbers("(Channel 9 at 9:30) at 8 o'clock, six o'clock") == [
        ("9", None), ("8", None), ("six", None)]


def test_style_counts_count_each_kind_of_number():
    # 2019 is a year, not a count; under ten: three, five; 10 and up: the rest
    assert style_counts(NEWS) == {False: (2, 2), True: (5, 6)}
    assert style_counts("No numbers here.") == {False: (0, 0), True: (0, 0)}


def test_a_number_against_the_style_is_likelier_a_spin_the_more_the_text_keeps_it():
    news, spelled_out = spin_probability(False, 27, 30), spin_probability(False, 4, 10)
    assert news > 0.6 > 0.3 > spelled_out
    # a number that keeps to the style is rarely a spin of the other spelling,
    # unless the text's other numbers of its kind do not ("2 samples", "three")
    assert spin_probability(True, 27, 30) < 0.05 < 0.5 < spin_probability(True, 1, 30)
    # with no numbers to go by, the prior rate decides, and no more than a guess
    assert spelled_out < spin_probability(False, 0, 0) < 0.5


def test_only_candidates_that_respell_a_number_are_weighed_by_the_other_numbers():
    start = NEWS.index("forty")
    forty = Candidate(start, start + 5, "forty", "40", row("forty", "40", 0.31), "exact", True,
                      False)
    twoscore = Candidate(start, start + 5, "forty", "twoscore", row("forty", "twoscore", 0.05),
                         "exact", True, False)
    weighed = weigh_number_style([forty, twoscore], NEWS)
    # the others of 10 and up: all five keep to the style; "forty" itself is not counted
    assert weighed[0].row.prior > 0.5
    assert "5 of this text's 5 other numbers of 10 and up keep news style" in weighed[0].row.rule
    assert weighed[1] == twoscore
    spelled = NEWS.replace("12", "twelve").replace("30", "thirty").replace("25", "twenty-five")
    start = spelled.index("forty")
    forty = Candidate(start, start + 5, "forty", "40", row("forty", "40", 0.31), "exact", True,
                      False)
    assert weigh_number_style([forty], spelled)[0].row.prior < 0.3


def test_restored_numbers_say_why():
    text = ("The council volition buy forty new buses in addition to 12 trams past times March, "
            "and 25 more will join them inward the spring, when the 11 routes open.")
    result = restore.fix_and_explain(text)
    forty = [s for s in result.substitutions if s.spun == "forty"]
    assert forty and forty[0].original == "40" and "keep news style" in forty[0].rule


def test_ordinals_keep_news_style_as_words_under_tenth_and_figures_from_it():
    text = ("The 3rd vote, the fifth since 2019, in the 20th week and the twenty-first; "
            "first, the tenth.")
    # "first" and "second" are more often no numbers at all ("at first", "a second")
    assert _numbers(text) == [("3rd", False), ("fifth", True), ("20th", True),
                              ("twenty-first", False), ("tenth", False)]
    assert style_counts(text) == {False: (1, 2), True: (1, 3)}


def test_a_respelled_ordinal_is_weighed_like_a_respelled_number():
    text = "For the 3rd time, after two delays, four hearings and five votes."
    third = Candidate(8, 11, "3rd", "third", row("3rd", "third", 0.09), "exact", True, False)
    not_respelled = Candidate(8, 11, "3rd", "three", row("3rd", "three", 0.09), "exact", True,
                              False)
    weighed = weigh_number_style([third, not_respelled], text)
    assert weighed[0].row.prior > 0.5 and "3 of this text's 3 other numbers under ten" in (
        weighed[0].row.rule)
    assert weighed[1] == not_respelled  # an ordinal for a cardinal is no respelling


def test_a_figure_after_a_label_or_a_month_says_nothing_of_style():
    assert _numbers("the number 7 bus, page 4, no 1 nation, on May 4, but 2 cars") == [
        ("7", None), ("4", None), ("1", None), ("4", None), ("2", False)]


def test_hundreds_are_weighed_against_every_counted_number_of_their_kind():
    # style_counts reads numbers under a hundred, so a respelled "four hundred"
    # is weighed against all of them (the code before took itself out of the
    # counts and reported "5 of this text's 4")
    text = NEWS.replace("forty buses", "four hundred buses")
    start = text.index("four hundred")
    spun = Candidate(start, start + 12, "four hundred", "400",
                     row("four hundred", "400", 0.1), "exact", True, False)
    (weighed,) = weigh_number_style([spun], text)
    assert "5 of this text's 5 other numbers of 10 and up keep news style" in weighed.row.rule
    assert weighed.row.prior == round(spin_probability(False, 5, 5), 4) > 0.5


def test_a_number_a_pass_wrote_is_not_respelled_by_the_next_pass():
    # "matchless" and "xix" are WordNet's spellings of one and 19; the first pass
    # picks "one" and "19" (both spellings offered, the context's kept). At low
    # thresholds the code before then weighed "one" -> "1" and "19" -> "nineteen"
    # as if the author's number had been respelled: the chain undid the choice
    # ("xix" -> "19" -> "nineteen") or, below the cut, doubted it (0.06)
    text = ("She had matchless son, Daniel, who left national at xix and volition "
            "survive past times the sea.")
    for threshold in (0.0, 0.2):
        subs = {s.spun: s for s in restore.fix_and_explain(text, threshold=threshold).substitutions}
        assert subs["matchless"].original == "one" and subs["matchless"].confidence > 0.5
        assert subs["xix"].original == "19" and subs["xix"].confidence > 0.5
        assert " then " not in subs["matchless"].rule + subs["xix"].rule


def test_a_later_pass_keeps_respellings_outside_what_the_passes_wrote():
    def spelled(start, spun, original):
        return Candidate(start, start + len(spun), spun, original, row(spun, original, 0.3),
                         "exact", True, False)

    later = [spelled(0, "forty", "40"), spelled(30, "two", "2"), spelled(30, "two", "deuce")]
    kept = drop_respelled_restorations(later, [(28, 35)])
    assert [(c.start, c.original) for c in kept] == [(0, "40"), (30, "deuce")]
    assert drop_respelled_restorations(later, []) == later
