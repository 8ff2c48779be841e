from hypothesis import given, strategies as st

from restore.candidates import PhraseMatcher
from restore.channel import WordNetChannel

CHANNEL = WordNetChannel()


def test_rows_offer_single_word_originals_with_bayes_priors():
    rows = {r.original: r.prior for r in CHANNEL.rows("volition")}
    assert "will" in rows and 0.02 <= rows["will"] <= 0.99
    assert all(" " not in original for original in rows)
    assert all("channel" in r.note for r in CHANNEL.rows("volition"))


def test_a_word_of_the_phrase_is_its_original_only_if_the_rest_is_not_function_words():
    assert "stocked" not in {r.original for r in CHANNEL.rows("stocked with")}
    assert "more" not in {r.original for r in CHANNEL.rows("more than")}
    assert "no" not in {r.original for r in CHANNEL.rows("no more")}
    assert "month" in {r.original for r in CHANNEL.rows("calendar month")}
    assert "Peru" in {r.original for r in CHANNEL.rows("Republic of Peru")}


def test_an_acronym_is_not_taken_for_the_common_word_it_spells():
    # the lowercase language model reads "OR" as "or" and "IN" as "in": before the
    # cap, "surgery" -> "OR" had a prior of 0.75 and "Indiana" -> "IN" of 0.99
    priors = {w: {r.original: r.prior for r in CHANNEL.rows(w)}
              for w in ("surgery", "Oregon", "Indiana", "United States", "high muckamuck")}
    assert "OR" not in priors["surgery"] and "OR" not in priors["Oregon"]
    assert priors["Indiana"].get("IN", 0.0) < 0.1
    assert priors["United States"].get("US", 0.0) < 0.1
    # an acronym still stands behind a form nobody writes
    assert priors["high muckamuck"]["VIP"] > 0.5


def test_british_spellings_are_not_restored_to_american_ones():
    for british, american in (("sceptical", "skeptical"), ("fertiliser", "fertilizer"),
                              ("maths", "math"), ("organiser", "organizer"), ("plough", "plow")):
        assert american not in {r.original for r in CHANNEL.rows(british)}, british


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


WHITESPACE = st.sampled_from([" ", "\n", "\t", " \n "])
GAP = st.builds(lambda a, middle, b: a + middle + b, WHITESPACE,
                st.text(alphabet=st.sampled_from(list(" \t\n,-")), max_size=4), WHITESPACE)


@given(st.lists(GAP, min_size=1, max_size=2))
def test_gaps_join_as_the_whole_phrase_would(gaps):
    """The channel decides gap by gap whether bare words run on into one
    phrase (a longer phrase only after the shorter one ran on); that is the
    same as asking it of each phrase whole (single spaces only)."""
    from restore.channel import _joins

    words = ["alpha", "beta", "gamma"]
    for size in range(2, len(gaps) + 2):
        phrase = words[0] + "".join(gap + word for gap, word in zip(gaps[:size - 1], words[1:]))
        whole = "  " not in phrase and len(phrase.split()) == phrase.count(" ") + 1
        assert whole == _joins(gaps[size - 2])
        if not whole:
            break


def test_british_spellings_are_neither_respelled_nor_taken_for_rare_words():
    """'metre' is outside the American model's vocabulary: it is read as 'meter'
    (common), not as a rare word, and 'meter' is never offered for it."""
    from restore.channel import _legit_logprob
    rows = {r.original: r.prior for r in WordNetChannel().rows("metre")}
    assert "meter" not in rows and "metre" not in {r.original for r in WordNetChannel().rows("meter")}
    assert _legit_logprob("metre") == _legit_logprob("meter")


def test_an_everyday_form_gets_only_its_likelier_originals():
    """The least prior an original needs scales with how likely the form is the
    author's own: 'track' gets no original under 0.02 x P(own word)."""
    from restore.channel import MIN_PRIOR
    assert all(r.prior >= MIN_PRIOR * 0.5 for r in WordNetChannel().rows("track"))


def test_spelling_key_skips_only_rules_that_cannot_match():
    from restore.channel import _SPELLINGS, spelling_key
    from restore.wordnet import load_synsets

    def every_rule(word):
        key = word.lower()
        for _, pattern, replacement in _SPELLINGS:  # every rule, whatever the cue
            key = pattern.sub(replacement, key)
        return key

    words = sorted(load_synsets().lemmas)[::7] + ["Practised", "behaviour", "grey-green"]
    assert [spelling_key.__wrapped__(w) for w in words] == [every_rule(w) for w in words]


@given(st.lists(st.tuples(st.integers(0, 120), st.integers(0, 12)), max_size=6))
def test_find_over_spans_keeps_what_overlaps_them(raw):
    from restore.spans import IntervalSet

    text = ("It volition survive fine past times June, the fistful of gravel and "
            "a fistful of sand at that place, every snatch as good as well-nigh new.")
    over, end = [], 0  # sorted, disjoint spans (some empty)
    for gap, width in raw:
        start = min(end + gap, len(text))
        over.append((start, min(start + width, len(text))))
        end = over[-1][1]
    windows = [(0, 60), (70, len(text))]
    everything = CHANNEL.find(text, [], windows)
    overlapping = IntervalSet.of(over)
    assert CHANNEL.find(text, [], windows, over) == [
        c for c in everything if overlapping.overlaps(c.start, c.end)]


def test_rows_from_the_cached_lemma_table_are_the_rows_worked_out_lemma_by_lemma(
        tmp_path, monkeypatch):
    """A new process reads every lemma's rows from the cache instead of working
    them out again; both ways give the same rows, and with the cache off the
    rows are worked out on first use."""
    import random

    from restore import channel as module
    from restore.wordnet import load_synsets

    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(tmp_path / "cache"))
    module.lemma_table.cache_clear()
    try:
        table = module.lemma_table()  # built and written
        module.lemma_table.cache_clear()
        assert module.lemma_table() == table  # read back from the blob
        assert list((tmp_path / "cache").glob("channel-*.marshal"))
        lemmas = sorted(load_synsets().lemmas)
        sample = random.Random(7).sample(lemmas, 3000) + ["volition", "bakeshop", "stocked with"]
        from_table = WordNetChannel()
        assert [from_table.rows(lemma) for lemma in sample] == [
            module._rows_for(lemma) for lemma in sample]
        assert sum(bool(module._rows_for(lemma)) for lemma in sample) > 300
        monkeypatch.setenv("UNSPIN_CACHE_DIR", "off")
        module.lemma_table.cache_clear()
        assert module.lemma_table() is None
        assert WordNetChannel().rows("volition") == module._rows_for("volition")
        # a cache folder that cannot be written: no table either (building it all
        # in every process would cost seconds where a lemma costs microseconds)
        blocker = tmp_path / "a file"
        blocker.write_text("")
        monkeypatch.setenv("UNSPIN_CACHE_DIR", str(blocker / "cache"))
        module.lemma_table.cache_clear()
        assert module.lemma_table() is None
        assert WordNetChannel().rows("volition") == module._rows_for("volition")
    finally:
        module.lemma_table.cache_clear()


def test_the_shipped_rows_are_the_rows_worked_out():
    """wordlists/wordnet_channel.tsv.gz is current: its stamp is the channel's,
    and it holds exactly the rows the channel works out (rebuild it with
    scripts/build_wordnet_channel.py, and raise RULES_VERSION, when the rules change)."""
    from restore import channel as module
    from restore.channel_table import built_from as inputs_of
    from restore.channel_table import read_rows

    path = module.shipped_table_path()
    built_from = inputs_of(path)
    here = dict(module.stamp_inputs())
    assert built_from.keys() == here.keys()
    shipped = read_rows(path, module.channel_stamp())
    if built_from["language model"] != here["language model"]:
        # another pocketsphinx release with another model: the shipped rows must
        # then be ignored (and are worked out), not read
        assert shipped is None
        return
    assert built_from == here, "stale: run scripts/build_wordnet_channel.py"
    assert shipped is not None
    assert shipped == module.work_out_all_lemma_rows()


def test_a_shipped_table_with_another_stamp_is_worked_out_again(tmp_path, monkeypatch):
    from restore import channel as module
    from restore.channel_table import read_rows, write_rows

    stale = tmp_path / "wordnet_channel.tsv.gz"
    write_rows(stale, "another stamp", {"volition": ("won't", 0.5)}, ["stale"])
    assert read_rows(stale, module.channel_stamp()) is None
    monkeypatch.setattr(module, "shipped_table_path", lambda: stale)
    monkeypatch.setattr(module, "work_out_all_lemma_rows", lambda: {"worked": ("out", 1.0)})
    assert module._all_lemma_rows() == {"worked": ("out", 1.0)}
    write_rows(stale, module.channel_stamp(), {"volition": ("will", 0.5)}, ["current"])
    assert module._all_lemma_rows() == {"volition": ("will", 0.5)}


def test_a_damaged_shipped_table_is_not_read(tmp_path):
    from restore.channel_table import read_rows, write_rows

    path = tmp_path / "t.tsv.gz"
    write_rows(path, "s", {"volition": ("will", 0.98), "bakeshop": ("bakery", 0.9)}, [])
    assert read_rows(path, "s") == {"volition": ("will", 0.98), "bakeshop": ("bakery", 0.9)}
    path.write_bytes(path.read_bytes()[:-9])  # truncated
    assert read_rows(path, "s") is None
    path.write_bytes(b"not gzip")
    assert read_rows(path, "s") is None
    assert read_rows(tmp_path / "missing.tsv.gz", "s") is None


def test_words_with_punctuation_attached_get_candidates_only_through_find_attached():
    """A thesaurus-style spinner swaps "metropolis," too: find_attached offers
    such words (not bare), never bare ones (find's) nor words in capitals."""
    from restore.channel import WordNetChannel

    channel = WordNetChannel()
    text = "The metropolis grew. The metropolis, they said, (Metropolis) and METROPOLIS."
    found = [(c.start, c.spun, c.bare) for c in channel.find_attached(text, [])
             if c.original.lower() == "city"]
    assert found == [(text.index("metropolis,"), "metropolis", False),
                     (text.index("Metropolis)"), "Metropolis", False)]
    offered = channel.find_attached(text, [])
    again = channel.find_attached(text, offered)
    assert again == []  # what is offered already is not offered twice


def test_find_inflected_puts_back_an_inflected_original():
    """A thesaurus-style spinner writes "Masterminds" for "Engineers": the lemma's
    originals of a fitting part of speech, inflected the same way and in the
    word's case, with a prior below the lemma's."""
    text = "Masterminds said that occupants inquired (twice) about objectives."
    found = {(c.spun, c.original): c for c in CHANNEL.find_inflected(text, [])}
    for pair in (("Masterminds", "Engineers"), ("occupants", "residents"),
                 ("inquired", "asked"), ("objectives", "targets")):
        assert pair in found, pair
    lemma_prior = {r.original: r.prior for r in CHANNEL.rows("occupant")}["resident"]
    assert found[("occupants", "residents")].row.prior < lemma_prior
    assert "+s" in found[("occupants", "residents")].row.rule


def test_find_inflected_offers_nothing_for_lemmas_function_words_or_other_parts_of_speech():
    text = "The city is new, and this news does not say what the goals were."
    assert [(c.spun, c.original) for c in CHANNEL.find_inflected(text, [])
            if c.spun not in ("goals",)] == []
    # "targets" as a verb ("she targets") may not become the noun "objectives"'s verb form
    assert all(c.original != "objectived" for c in CHANNEL.find_inflected("She targets it.", []))


def test_find_inflected_skips_what_is_already_offered():
    text = "The occupants left."
    first = [c for c in CHANNEL.find_inflected(text, []) if c.original == "residents"]
    assert first
    assert not [c for c in CHANNEL.find_inflected(text, first) if c.original == "residents"]


def test_find_looks_up_longer_lemmas_whole_but_not_as_re_spun_ones():
    channel = WordNetChannel()
    text = "talks with Lao People's Democratic Republic and with Lao People's Free Republic"
    found = {(c.spun, c.original) for c in channel.find(text, [], [(0, len(text))])}
    assert ("Lao People's Democratic Republic", "Laos") in found  # four words, a lemma
    # four words that are no lemma are not taken apart for a re-spun one
    assert not any(c.count(" ") >= 3 for c, _ in found - {("Lao People's Democratic Republic",
                                                           "Laos")})
    # three-word phrases are still put back when re-spun ("every snatch" is "every bit")
    text = "prices rose every snatch fast"
    assert ("every snatch", "as") in {(c.spun, c.original)
                                      for c in channel.find(text, [], [(0, len(text))])}


def test_find_reads_curly_apostrophes_as_wordnet_s_straight_ones():
    # web text has curly apostrophes (a blog engine curls a spinner's straight ones)
    channel = WordNetChannel()
    for apostrophe in ("'", "’"):
        text = f"talks with Lao People{apostrophe}s Democratic Republic ended"
        found = {(c.spun, c.original) for c in channel.find(text, [], [(0, len(text))])}
        assert (f"Lao People{apostrophe}s Democratic Republic", "Laos") in found
    text = "it ne’er rains"
    assert ("ne’er", "never") in {(c.spun, c.original)
                                  for c in channel.find(text, [], [(0, len(text))])}


def test_the_channel_pickles_with_the_tables_it_asks_for_attested_rows():
    """A restorer's channel asks the restorer's tables what real pages attest
    for a lemma ("past times" -> "by"); pickled, it asks the same tables."""
    import pickle

    from restore.engine import get_restorer

    channel = get_restorer().channel
    again = pickle.loads(pickle.dumps(channel))
    assert len(pickle.dumps(channel)) < 1000  # the restorer's configuration, not its tables
    rows = {(row.original, row.prior) for row in again.chain_rows("past multiplication")}
    assert ("by", 0.7088) in rows
    assert rows == {(row.original, row.prior) for row in channel.chain_rows("past multiplication")}
