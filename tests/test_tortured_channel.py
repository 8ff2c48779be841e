"""The tortured-phrase channel: terms the table does not list, read through
word swaps the table teaches, and never in text the tables do not show doctored."""

import restore
from restore.tables import Row
from restore.tortured_channel import TorturedChannel

FAMILY = "tortured_phrases"


def rows(*pairs):
    return [Row(spun, original, 0.97, FAMILY, "pps", f"t:{n}")
            for n, (spun, original) in enumerate(pairs)]


CHANNEL = TorturedChannel(rows(
    ("counterfeit consciousness", "artificial intelligence"),
    ("profound neural organization", "deep neural network"),
    ("counterfeit neural network", "artificial neural network"),
    ("two decades", "40 years"),  # a row whose words are plain English
))


def readings(text):
    return [(c.spun, c.original) for c in CHANNEL.find(text)]


def test_a_new_combination_of_learned_word_swaps_spells_a_known_term():
    assert CHANNEL.word_channel["profound"] == (("deep", 1.0),)
    assert readings("They trained a profound neural network today.") == [
        ("profound neural network", "deep neural network")]


def test_case_is_carried_over():
    assert readings("Profound neural network results.") == [
        ("Profound neural network", "Deep neural network")]


def test_a_listed_phrase_is_left_to_its_table_row():
    assert readings("A counterfeit neural network, as listed.") == []
    assert readings("The profound neural organization was large.") == []


def test_the_term_itself_is_not_a_candidate():
    assert readings("A deep neural network and an artificial neural network.") == []


def test_ordinary_english_is_not_read_as_a_term():
    # "two" -> "40" is learned, and "40 years" is a known term, but "two
    # years" is what the language model expects: English as written
    assert CHANNEL.word_channel["two"] == (("40", 1.0),)
    assert readings("It took two years to build.") == []


def test_runs_do_not_cross_punctuation_or_line_breaks():
    assert readings("It was profound, neural network aside.") == []
    assert readings("It was profound\nneural network aside.") == []


def test_only_a_text_the_tables_show_doctored_gets_channel_restorations():
    lone = "We applied a profound neural network to the images."
    assert restore.fix_text(lone) == lone
    doctored = ("The counterfeit consciousness team applied a profound neural network "
                "to the picture handling task.")
    result = restore.fix_and_explain(doctored)
    rules = [s.rule for s in result.substitutions]
    assert result.text.startswith("The artificial intelligence team")
    assert "image processing task" in result.text
    assert any("tortured_channel" in rule for rule in rules)
    assert result.revert() == doctored


def test_the_channel_reads_only_near_listed_phrases():
    # one listed phrase in a long changelog ("grouping methods") does not open its
    # every page to the channel
    filler = "The council met on Tuesday to talk about the roads. " * 60
    text = ("Our counterfeit consciousness model used picture handling. " + filler
            + "We trained a profound neural network.")
    assert "profound neural network" in restore.fix_text(text)  # 3,000 characters away
    near = "Our counterfeit consciousness model used picture handling and a profound neural network."
    assert "deep neural network" in restore.fix_text(near)


def test_channel_rows_carry_no_spin_evidence():
    from restore.scoring import row_log_likelihood_ratio
    candidate = CHANNEL.find("a profound neural network")[0]
    assert candidate.row.note == "channel"
    assert row_log_likelihood_ratio(candidate.row) == 0.0
