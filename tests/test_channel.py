from restore.candidates import PhraseMatcher
from restore.channel import WordNetChannel

CHANNEL = WordNetChannel()


def test_rows_offer_single_word_originals_with_bayes_priors():
    rows = {r.original: r.prior for r in CHANNEL.rows("volition")}
    assert "will" in rows and 0.02 <= rows["will"] <= 0.99
    assert all(" " not in original for original in rows)
    assert all("channel" in r.note for r in CHANNEL.rows("volition"))


def test_a_word_of_the_phrase_is_never_its_original():
    assert "stocked" not in {r.original for r in CHANNEL.rows("stocked with")}


def test_chain_rows_put_a_re_spun_word_back():
    assert "as" in {r.original for r in CHANNEL.chain_rows("every snatch")}
    assert CHANNEL.chain_rows("green tractor ladder") == ()


def test_find_looks_only_inside_windows_and_skips_what_tables_offer():
    text = "the fistful of gravel and a fistful of sand"
    inside = CHANNEL.find(text, [], [(0, 20)])
    assert {c.spun for c in inside} >= {"fistful"}
    assert all(c.end <= 20 for c in inside)
    offered = [c for c in inside if c.original == "handful"]
    again = CHANNEL.find(text, offered, [(0, 20)])
    assert not any(c.original == "handful" and c.start == offered[0].start for c in again)


def test_channel_rows_carry_no_spin_evidence():
    from restore.scoring import log_likelihood_ratio

    row = CHANNEL.rows("fistful")[0]
    candidate = PhraseMatcher([row]).find("a fistful of sand")[0]
    assert log_likelihood_ratio(candidate) == 0.0


def test_a_word_the_language_model_does_not_know_counts_as_rare():
    """The model gives unknown words one flat value above "bakery"; read as
    rare, "bakeshop" is a likely spin of "bakery" again."""
    channel = WordNetChannel()
    assert [r.original for r in channel.rows("bakeshop")][:1] == ["bakery"]
    assert channel.rows("bakeshop")[0].prior > 0.5
