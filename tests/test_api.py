import pickle

import pytest

import restore
from restore.engine import Restorer


SAMPLE = "It volition survive fine past times June."


def test_fix_text_restores_the_issue_sample():
    assert restore.fix_text(SAMPLE) == "It will be fine by June."


def test_fix_and_explain_report_is_consistent():
    r = restore.fix_and_explain(SAMPLE)
    assert r.text == "It will be fine by June."
    assert 0.0 <= r.spin_score <= 1.0 and r.spin_score > 0.5
    previous_end = 0
    for sub in r.substitutions:
        assert SAMPLE[sub.start:sub.end] == sub.spun
        assert sub.start >= previous_end
        assert 0.0 <= sub.confidence <= 1.0
        assert sub.rule
        previous_end = sub.end
    assert restore.apply_substitutions(SAMPLE, r.substitutions) == r.text
    assert r.revert() == SAMPLE


def test_results_are_frozen_and_serialisable():
    r = restore.fix_and_explain(SAMPLE)
    with pytest.raises(AttributeError):
        r.text = "x"  # type: ignore[misc]
    data = r.to_dict()
    assert data["text"] == r.text
    assert [restore.Substitution.from_dict(d) for d in data["substitutions"]] == list(r.substitutions)


def test_threshold_zero_reports_at_least_as_much_as_default():
    text = "They survive the winter in addition to the tax, and of their own volition."
    default = restore.fix_and_explain(text)
    everything = restore.fix_and_explain(text, threshold=0.0)
    assert len(everything.substitutions) >= len(default.substitutions)
    assert any(s.confidence < 0.5 for s in everything.substitutions)
    strict = restore.fix_and_explain(SAMPLE, threshold=1.0)
    assert strict.text == SAMPLE and strict.substitutions == ()


def test_chained_forms_restore_to_the_first_original():
    r = restore.fix_and_explain("The walkers said at that topographic point is a hut in the urban amount today.")
    assert r.text == "The walkers said there is a hut in the city today."


def test_chains_unwind_over_passes(tmp_path):
    table = tmp_path / "chain.tsv"
    table.write_text("spun\toriginal\tprior\tfamily\tnote\n"
                     "zorp amount\tzorp center\t0.99\tmine\tpass 2\n"
                     "zorp center\tcity\t0.99\tmine\tpass 1\n", encoding="utf-8")
    text = "They met in the zorp amount today."
    r = restore.fix_and_explain(text, wordlists=[table], families=["mine"])
    assert r.text == "They met in the city today."
    assert [(s.spun, s.original) for s in r.substitutions] == [("zorp amount", "city")]
    assert " then " in r.substitutions[0].rule
    assert r.revert() == text


def test_empty_and_whitespace_inputs():
    assert restore.fix_text("") == ""
    assert restore.fix_text(" \r\n\t") == " \r\n\t"
    # no word, no evidence of spinning: a score of 0 (a batch gives an empty file 0 too),
    # where a word without evidence keeps a little of the prior
    for text in ("", " \r\n\t"):
        assert restore.fix_and_explain(text).spin_score == restore.spin_score(text) == 0.0
    assert restore.fix_and_explain("a").spin_score > 0.0


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(TypeError, match="decode bytes first"):
        restore.fix_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threshold"):
        restore.fix_text("x", threshold=2)


@pytest.mark.parametrize("thorough", [False, True])
def test_spin_score_is_the_score_fix_and_explain_reports(thorough, monkeypatch):
    """restore.spin_score stops after the evidence; it must give the very score
    the full restoration reports, on every route a text can take: clean prose
    (the quick proof), WordNet-style spins heavy and light, a thesaurus-style
    spin (the thorough reading, with its sample's floor), a spun article after
    clean prose (sampled at its densest window), and a text read in chunks."""
    from pathlib import Path

    import restore.engine as engine
    from restore.spin import spin

    clean = [p.read_text(encoding="utf-8") for p in
             sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[:4]]
    texts = [clean[0], "", "It volition survive fine past times June.",
             spin(clean[1], "wordnet", seed=1).text,
             spin(clean[2], "wordnet", seed=1, rate=0.05).text,
             spin(clean[3], "thesaurus", seed=1).text,
             "\n\n".join(clean[:3]) + "\n\n" + spin(clean[3], "thesaurus", seed=2).text]
    scores = [restore.spin_score(t, thorough=thorough) for t in texts]
    assert scores == [restore.fix_and_explain(t, thorough=thorough).spin_score for t in texts]
    assert scores[0] < 0.5 < min(scores[2], scores[3], scores[5])  # (it can fail both ways)
    # in chunks: the highest chunk's score, as the restoration takes it
    monkeypatch.setattr(engine, "MAX_CHUNK_CHARS", 3000)
    monkeypatch.setattr(engine, "THOROUGH_CHUNK_CHARS", 3000)
    joined = clean[0] + "\n\n" + texts[3]
    restorer = engine.Restorer(thorough=thorough)
    assert restorer.spin_score(joined) == restorer.restore(joined).spin_score > 0.5
    with pytest.raises(TypeError, match="decode bytes first"):
        restore.spin_score(b"bytes")  # type: ignore[arg-type]


def test_families_select_tables():
    text = "The counterfeit consciousness model uses profound learning."
    assert restore.fix_text(text, families=["wordnet_spinner"]) == text
    assert "artificial intelligence" in restore.fix_text(text, families=["tortured_phrases"])


def test_user_wordlist(tmp_path):
    table = tmp_path / "mine.tsv"
    table.write_text("spun\toriginal\tprior\tfamily\tnote\n"
                     "zorblat chair\tchair\t0.99\tmine\ttest\n", encoding="utf-8")
    assert restore.fix_text("a zorblat chair", wordlists=[table], families=["mine"]) == "a chair"


def test_restorer_pickles_to_its_configuration():
    restorer = restore.engine.get_restorer(["wordnet_spinner"])
    clone = pickle.loads(pickle.dumps(restorer))
    assert isinstance(clone, Restorer)
    assert clone.families == ("wordnet_spinner",)
    assert clone.restore(SAMPLE).text == restorer.restore(SAMPLE).text


def test_capitalised_mid_sentence_words_are_not_spinner_output(tmp_path):
    """A lowercase lemma never comes out capitalised in mid-sentence: names stay."""
    table = tmp_path / "names.tsv"
    table.write_text("spun\toriginal\tprior\tfamily\tnote\n"
                     "zorbill\tquuxle\t0.95\twordnet_spinner\twild:3 lemma\n", encoding="utf-8")
    spun = ("It volition survive fine past times June, at that topographic point said the "
            "Zorbill Foundation in addition to the zorbill volition pass.")
    text = restore.fix_text(spun, wordlists=[table])
    assert "the Zorbill Foundation" in text
    assert "the quuxle will pass" in text


def test_long_text_is_restored_in_chunks_with_global_offsets():
    from restore.stream import MAX_CHUNK_CHARS

    clean = "We walked along the river and talked about the garden for a while.\n\n"
    spun = "It volition survive fine past times June, at that topographic point in the city.\n\n"
    unit = clean + spun
    copies = MAX_CHUNK_CHARS // len(unit) + 50
    text = unit * copies
    assert len(text) > MAX_CHUNK_CHARS
    r = restore.fix_and_explain(text)
    fixed = unit.replace("It volition survive fine past times June, at that topographic point",
                         "It will be fine by June, there")
    assert r.text.count(fixed) == copies  # (no string diff: pytest would print 300 kB)
    assert len(r.substitutions) == 4 * copies
    assert all(text[s.start:s.end] == s.spun for s in r.substitutions)
    assert r.revert() == text
    assert r.spin_score > 0.5


def test_thorough_mode_finds_everyday_word_spinning():
    """Thesaurus-style spinning swaps common words only: the thorough mode
    restores part of it, and so does the default mode, which reads a text the
    thorough way when its strong single-word forms show such a spinner."""
    from pathlib import Path

    from restore.evaluate import word_errors
    from restore.spin import spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[0]
    original = clean.read_text(encoding="utf-8")
    spun = spin(original, "thesaurus", seed=1).text
    default = restore.fix_and_explain(spun)
    thorough = restore.fix_and_explain(spun, thorough=True)
    assert word_errors(thorough.text, original)[0] < word_errors(spun, original)[0]
    assert default == thorough
    assert restore.fix_text(original, thorough=True) == original
    assert restore.fix_text(original) == original


def test_the_default_mode_reads_only_thesaurus_style_texts_the_thorough_way():
    """What may switch to the thorough reading: not clean prose, not a
    WordNet-style spin (its multiword forms show it; the default reading is
    the one tuned for it), a thesaurus-style spin yes."""
    from pathlib import Path

    from restore.engine import get_restorer
    from restore.roman import drop_numbered_names
    from restore.spin import spin

    restorer = get_restorer()

    def switches(text: str) -> bool:
        strong = drop_numbered_names(text, restorer.matcher.strong.find(text))
        return restorer._looks_thesaurus_style(text, strong)

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    originals = [path.read_text(encoding="utf-8") for path in clean]
    assert not any(switches(text) for text in originals)
    assert not any(switches(spin(text, "wordnet", seed=1, rate=0.05).text)
                   for text in originals[:6])
    spun = [switches(spin(text, "thesaurus", seed=1).text) for text in originals]
    assert sum(spun) >= 0.8 * len(spun)  # 22 of the 24
    # the thorough reading is a twin's: the shared restorer stays in default mode
    restore.fix_text(spin(originals[0], "thesaurus", seed=1).text)
    assert not restorer.thorough and restorer.thorough_twin.thorough
    assert restorer.thorough_twin.matcher is restorer.matcher


def test_a_text_whose_multiword_spins_the_default_reading_restored_is_then_read_thoroughly():
    """This thesaurus-style spin holds a few strong multiword forms, so the default
    mode reads it the default way; once those are restored, its output would be
    read the thorough way if given again. It is read so at once, so that
    fix_text(fix_text(x)) == fix_text(x)."""
    from pathlib import Path

    from restore.spin import spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[17]
    spun = spin(clean.read_text(encoding="utf-8"), "thesaurus", seed=4).text
    once = restore.fix_and_explain(spun)
    assert restore.fix_text(once.text) == once.text
    assert once.revert() == spun


INFLECTED_SPIN = (  # our own prose, spun by restore.spin's thesaurus family (seed 11, rate 0.12)
    "The water panel announced on Thursday that repairs to the former pipes under the grocery "
    "streets would start in Border. Masterminds said the leaks had wasted billions of litres "
    "conclusion year and that occupants would ascertain fewer interruptions once the works ended. "
    "Respective store owners complained that the closures came during their busiest weeks, and "
    "the board extended them decreased charges for the months touched. Council members welcomed "
    "the designs but inquired for clearer schedules, because earlier projects had overrun their "
    "deadlines and frustrated drivers. The plank promised weekly updates and aforementioned most "
    "streets would reopen before the summertime festivals started.")


def test_a_thesaurus_style_text_gets_its_inflected_words_back():
    """A thesaurus-style spinner inflects its synonyms ("Masterminds" for
    "Engineers", "inquired" for "asked"): the thorough reading of such a text
    offers the originals of the lemma, inflected the same way, and they count
    as evidence that the text is spun; the report still reverts to the input."""
    result = restore.fix_and_explain(INFLECTED_SPIN)
    restored = {(s.spun, s.original) for s in result.substitutions}
    assert {("Masterminds", "Engineers"), ("occupants", "residents"),
            ("inquired", "asked")} <= restored
    assert all("+" in s.rule for s in result.substitutions
               if (s.spun, s.original) in {("Masterminds", "Engineers"), ("inquired", "asked")})
    assert result.revert() == INFLECTED_SPIN
    assert restore.fix_text(result.text) == result.text


def test_inflected_originals_are_never_offered_in_a_wordnet_style_text():
    """The WordNet-style spinner never inflects: its texts (and the default
    reading) get no inflected originals, even with --thorough."""
    from pathlib import Path

    from restore.spin import spin

    for path in sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[:3]:
        spun = spin(path.read_text(encoding="utf-8"), "wordnet", seed=1).text
        for thorough in (False, True):
            rules = [s.rule for s in restore.fix_and_explain(spun, thorough=thorough).substitutions]
            assert rules and not [rule for rule in rules if "inflected" in rule or "+ed]" in rule
                                  or "+s]" in rule or "+ing]" in rule]


def test_a_long_thesaurus_style_text_is_judged_a_part_at_a_time():
    """Thorough mode counts each everyday form once a text, so a long text's
    evidence could not keep up with its length: our 72 thesaurus-style articles
    in one text (62,000 words) were judged clean whole. A part of about 4,000
    words at a time, they are restored as the articles are one by one."""
    from pathlib import Path

    from restore.evaluate import word_errors
    from restore.spin import spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    originals = [path.read_text(encoding="utf-8") for path in clean] * 3
    original = "\n\n".join(originals)
    spun = "\n\n".join(spin(text, "thesaurus", seed=1 + k // len(clean)).text
                         for k, text in enumerate(originals))
    result = restore.fix_and_explain(spun, thorough=True)
    assert result.spin_score > 0.5
    assert word_errors(result.text, original)[0] < 0.8 * word_errors(spun, original)[0]
    assert result.revert() == spun


def test_the_readme_sample_restores_as_the_readme_shows():
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "examples" / "sample.txt"
    first = restore.fix_text(sample.read_text(encoding="utf-8")).split("\n\n")[0]
    assert first == ("The city council said on Monday that there will be a new bus line to the "
                     "airport by June. Officials have spent two years on the plan, and the route "
                     "will run as far as the river port.")


def test_restoring_makes_no_reference_cycles():
    """Restorer.restore pauses the cyclic garbage collector (for speed): that
    is only safe while the pipeline leaves no cycles behind, not even in a
    long text, a later pass or thorough mode."""
    import gc
    from pathlib import Path

    corpora = Path(__file__).resolve().parent.parent / "corpora"
    spun = "\n\n".join(p.read_text("utf-8") for p in sorted((corpora / "spun").rglob("*.txt"))[:12])
    texts = [spun, "It volition survive fine past times June. " * 3]
    for text in texts:  # tables, channels and caches first: they may hold cycles of their own
        restore.fix_text(text, 0.0)
        restore.fix_text(text, thorough=True)
    was_enabled = gc.isenabled()
    assert was_enabled  # and restore() gave it back
    gc.collect()
    gc.disable()
    try:
        for text in texts:
            restore.fix_and_explain(text, 0.0)
            restore.fix_and_explain(text, thorough=True)
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
    assert gc.isenabled() == was_enabled


def _not_bare(text, sub):
    """Has the substitution's span punctuation attached ("knee," or "(knee")?"""
    before, after = text[sub.start - 1:sub.start], text[sub.end:sub.end + 1]
    return (before not in ("", " ", "\n")) or (after not in ("", " ", "\n"))


def test_thorough_mode_drops_the_bare_token_rule_only_where_no_wordnet_style_spinner_shows():
    """The WordNet-style spinner never swaps a word with punctuation attached, a
    thesaurus-style one does ("knee," -> "stifle,"): thorough mode restores
    those only in a text whose strong forms show no WordNet-style spinning."""
    from pathlib import Path

    from restore.evaluate import match_edits
    from restore.spin import spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[:3]
    right_not_bare = 0
    for path in clean:
        original = path.read_text(encoding="utf-8")
        thesaurus = spin(original, "thesaurus", seed=1)
        result = restore.fix_and_explain(thesaurus.text, thorough=True)
        _, correct = match_edits(thesaurus.edits, result.substitutions)
        right_not_bare += sum(ok and _not_bare(thesaurus.text, s)
                              for s, ok in zip(result.substitutions, correct))
        wordnet = spin(original, "wordnet", seed=1).text
        assert not [s.spun for s in restore.fix_and_explain(wordnet, thorough=True).substitutions
                    if _not_bare(wordnet, s)]
    assert right_not_bare >= 3


def test_multiword_spins_tell_a_wordnet_style_spinner_from_a_thesaurus_style_one():
    from pathlib import Path

    from restore.engine import Restorer
    from restore.roman import drop_numbered_names
    from restore.spin import spin

    restorer = Restorer(thorough=True)

    def shows(text):
        strong = drop_numbered_names(text, restorer.matcher.strong.find(text))
        return restorer._shows_multiword_spins(text, strong)

    for path in sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[:4]:
        original = path.read_text(encoding="utf-8")
        assert shows(spin(original, "wordnet", seed=2).text)
        assert shows(spin(original, "wordnet", seed=2, rate=0.05).text)
        assert not shows(spin(original, "thesaurus", seed=2).text)
        assert not shows(original)


def test_a_text_that_looks_thesaurus_style_is_read_thoroughly_only_if_that_reading_finds_it_spun():
    """A thesaurus-style spin whose strong forms carry 0.81 of the evidence the
    switch once asked for on its own (its inflected swaps are in no table) is
    read the thorough way, because that reading's evidence finds it spun; clean
    prose that looks as thesaurus-style is not (that reading finds it clean)."""
    import json
    from pathlib import Path

    from restore.engine import get_restorer
    from restore.spin import spin

    restorer = get_restorer()

    def thorough_reading(text):
        strong = restorer._strong_forms(text)
        assert restorer._looks_thesaurus_style(text, strong)
        return restorer._thorough_reading(text, strong, lambda: 0.0, 0.5)

    folder = Path(__file__).parent.parent
    clean = sorted((folder / "corpora" / "clean").glob("*.txt"))
    spun = spin(clean[1].read_text(encoding="utf-8"), "thesaurus", seed=1).text
    assert thorough_reading(spun) is not None
    default = restore.fix_and_explain(spun)
    assert default.substitutions and default == restore.fix_and_explain(spun, thorough=True)

    formal = [case["original"] for case in json.loads(
        (folder / "tests" / "cases" / "negative.json").read_text(encoding="utf-8"))
        if case["label"] == "neg_formal_prose_read_the_thorough_way"][0]
    body = clean[18].read_text(encoding="utf-8")
    prose = formal + "\n\n" + body[:body.rfind(".", 0, 6000) + 1]
    assert thorough_reading(prose) is None
    assert restore.fix_and_explain(prose).substitutions == ()


@pytest.mark.parametrize("short_window", [False, True])
def test_a_longer_text_whose_sample_is_only_somewhat_likely_spun_is_read_thoroughly(
        short_window, monkeypatch):
    """Two of our articles in one text, spun thesaurus-style: the first 6,000
    characters alone find it 0.31 likely spun, under the cut of 0.5 that left
    such texts to the default reading, which restored next to nothing of them; the
    whole text read the thorough way is sure, and most of what it restores is right.
    (Clean prose that looks thesaurus-style scores at most 1.6e-10 there.) The
    sample's densest 600 words (scoring.SHORT_WINDOW_WORDS) find it surely spun
    now; without them it is the faint case, which must still be read."""
    from pathlib import Path

    import restore.scoring as scoring
    from restore.engine import THESAURUS_MIN_SPIN, THESAURUS_SAMPLE_CHARS
    from restore.evaluate import match_edits
    from restore.scoring import spin_score
    from restore.spin import spin

    if not short_window:
        monkeypatch.setattr(scoring, "SHORT_WINDOW_MIN_SHARE", 99.0)
    restorer = Restorer()  # (not the shared one: it keeps its last evidence)
    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    original = clean[10].read_text(encoding="utf-8") + "\n\n" + clean[11].read_text(encoding="utf-8")
    doc = spin(original, "thesaurus", seed=4)
    text = doc.text
    strong = restorer._strong_forms(text)
    assert restorer._looks_thesaurus_style(text, strong)
    end = text.rfind(" ", 0, THESAURUS_SAMPLE_CHARS)
    _, evidence = restorer.thorough_twin._everyday_evidence(
        text[:end], [c for c in strong if c.end <= end], False)
    if short_window:
        assert spin_score(evidence) > 0.99
    else:
        assert THESAURUS_MIN_SPIN <= spin_score(evidence) < 0.5
    assert restorer._thorough_reading(text, strong, lambda: 0.0, 0.5) is not None
    result = restorer.restore(text)
    _, correct = match_edits(doc.edits, result.substitutions)
    assert len(result.substitutions) >= 50 and sum(correct) >= 0.7 * len(correct)


def test_a_thesaurus_style_reading_does_not_spell_out_its_author_s_abbreviations():
    """ "Aug. 2" and "Dec. 4" are the author's: a thesaurus-style spinner that
    wrote "Aug" for "August" would not have added the point ("Aug" -> "August"
    was restored at 0.52 here before)."""
    from pathlib import Path

    from restore.spin import spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    spun = spin(clean[3].read_text(encoding="utf-8"), "thesaurus", seed=1).text
    cut = spun.index(". ", 2000) + 1
    text = (spun[:cut] + " The vote is due Aug. 2, and the count on Dec. 4, at the hall on"
            " Michigan Av., a mile from here." + spun[cut:])
    result = restore.fix_and_explain(text)
    assert len(result.substitutions) >= 40  # read the thesaurus-style way, and restored
    assert not [s for s in result.substitutions if s.spun in ("Aug", "Dec")]


def test_a_thesaurus_style_text_keeps_its_author_s_multiword_lemmas():
    """A text read the thesaurus-style way showed no WordNet-style multiword
    spins, and a thesaurus-style spinner swaps single words: its "in addition
    to" is the author's (it was restored to "and" at 0.97), while the same
    phrase in a WordNet-style spin is still restored."""
    from pathlib import Path

    from restore.spin import spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[0]
    original = clean.read_text(encoding="utf-8")
    assert "routes in addition to extending" in original
    spun = spin(original, "thesaurus", seed=1).text
    assert "in addition to extending" in spun
    result = restore.fix_and_explain(spun)
    assert result.substitutions  # read the thesaurus-style way, and restored
    assert not [s for s in result.substitutions if " " in s.spun], [
        (s.spun, s.original) for s in result.substitutions if " " in s.spun]
    wordnet_style = "The new routes in addition to the trams volition survive ready past times June."
    assert restore.fix_text(wordnet_style) == "The new routes and the trams will be ready by June."


def test_a_thesaurus_style_text_keeps_its_author_s_function_words():
    """A thesaurus-style spinner swaps content words; "along" for "on" or
    "follow" for "be" is what the WordNet-style spinner writes. In a text read
    the thesaurus-style way, "grew up along its banks" stays (it became "on its
    banks" at 0.99), while a WordNet-style text still gets its function words back."""
    from pathlib import Path

    from restore.spin import spin
    from restore.tokens import FUNCTION_WORDS

    clean = Path(__file__).parent.parent / "corpora" / "clean" / "04_new_museum.txt"
    spun = spin(clean.read_text(encoding="utf-8"), "thesaurus", seed=1).text
    assert "grew up along its banks" in spun
    result = restore.fix_and_explain(spun)
    assert result.substitutions
    assert not [(s.spun, s.original) for s in result.substitutions
                if s.original.lower() in FUNCTION_WORDS]
    assert restore.fix_text("It volition survive fine past times June.") == "It will be fine by June."


def test_clean_prose_that_looks_thesaurus_style_is_mostly_cleared_on_a_first_small_sample(
        monkeypatch):
    """The thorough reading's evidence is worked out on a first 2,000 characters;
    prose that scores under THESAURUS_CLEARLY_CLEAN there is not sampled further
    (33 of 46 such Brown texts), a spun text goes on to the whole sample."""
    import json
    from pathlib import Path

    from restore.engine import (THESAURUS_FIRST_SAMPLE_CHARS, THESAURUS_SAMPLE_CHARS,
                                get_restorer)
    from restore.spin import spin

    restorer = get_restorer()
    sampled = []
    sample_evidence = restorer._sample_evidence

    def spy(text, strong, chars, start=0):
        sampled.append(chars)
        return sample_evidence(text, strong, chars, start)

    monkeypatch.setattr(restorer, "_sample_evidence", spy)
    folder = Path(__file__).parent.parent
    formal = [case["original"] for case in json.loads(
        (folder / "tests" / "cases" / "negative.json").read_text(encoding="utf-8"))
        if case["label"] == "neg_formal_prose_read_the_thorough_way"][0]
    clean = sorted((folder / "corpora" / "clean").glob("*.txt"))
    body = clean[18].read_text(encoding="utf-8")
    prose = formal + "\n\n" + body[:body.rfind(".", 0, 6000) + 1]
    strong = restorer._strong_forms(prose)
    assert restorer._looks_thesaurus_style(prose, strong)
    assert restorer._thorough_reading(prose, strong, lambda: 0.0, 0.5) is None
    assert sampled == [THESAURUS_FIRST_SAMPLE_CHARS]
    sampled.clear()
    spun = spin(clean[1].read_text(encoding="utf-8"), "thesaurus", seed=1).text
    assert restorer._thorough_reading(spun, restorer._strong_forms(spun), lambda: 0.0, 0.5)
    assert sampled == [THESAURUS_FIRST_SAMPLE_CHARS, THESAURUS_SAMPLE_CHARS]


def _thesaurus_spun_start(index: int, seed: int = 1) -> tuple[str, int]:
    """The first 6,000 characters or so (cut at a paragraph) of one of our
    articles spun thesaurus-style, and where they end."""
    from pathlib import Path

    from restore.spin import spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    spun = spin(clean[index].read_text(encoding="utf-8"), "thesaurus", seed=seed).text
    cut = spun.rfind("\n\n", 0, 6000)
    return spun[:cut], cut


def test_what_the_thorough_check_found_on_a_first_part_stays_a_floor_for_the_whole():
    """A text spun thesaurus-style at 10% in its first part and at 3% after
    it: the check on its first 6,000 characters finds it spun, but the whole
    text's evidence, diluted by the lighter part, scored 0.185 and the code
    before restored nothing. The check's word-level evidence is now a floor."""
    from pathlib import Path

    from restore.evaluate import match_edits
    from restore.spin import GoldEdit, spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    first = spin(clean[9].read_text(encoding="utf-8"), "thesaurus", seed=1)
    cut = first.text.rfind("\n\n", 0, 6000)
    light = spin(clean[14].read_text(encoding="utf-8"), "thesaurus", seed=2, rate=0.03)
    text = first.text[:cut] + "\n\n" + light.text
    offset = cut + 2
    gold = [e for e in first.edits if e.end <= cut] + [
        GoldEdit(e.start + offset, e.end + offset, e.spun, e.original, e.orig_start,
                 e.orig_end, e.kind) for e in light.edits]
    result = restore.fix_and_explain(text)
    restored, correct = match_edits(gold, result.substitutions)
    assert result.spin_score > 0.5
    assert sum(restored) >= 40 and sum(correct) >= 0.8 * len(result.substitutions)


def test_a_spun_first_part_does_not_open_the_clean_rest_of_a_text():
    """Negative: a first part spun thesaurus-style and 9,000 characters of
    clean prose after it. The whole text's own evidence finds it clean, so
    the first part's is no floor (without that condition the clean part of
    this text got 14 false edits)."""
    from pathlib import Path

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    spun, cut = _thesaurus_spun_start(8)
    text = "\n\n".join([spun, clean[15].read_text(encoding="utf-8"),
                        clean[19].read_text(encoding="utf-8")])
    assert not [s for s in restore.fix_and_explain(text).substitutions if s.start > cut]


@pytest.mark.parametrize("short_window", [False, True])
def test_a_thesaurus_style_text_the_check_finds_faintly_spun_is_read_the_thorough_way(
        short_window, monkeypatch):
    """Our review article spun thesaurus-style (seed 1) scores 0.001 on the
    check's first 6,000 characters: under the old cut (0.01) the default
    reading kept it (spin score 0.0), now the thorough reading weighs it. The
    clean texts of the Brown corpus score at most 1.6e-10 there. (Its densest
    600 words, scoring.SHORT_WINDOW_WORDS, now score it 0.84; without them it is
    the faint case.)"""
    from pathlib import Path

    import restore.scoring as scoring
    from restore.engine import THESAURUS_MIN_SPIN, THESAURUS_SAMPLE_CHARS
    from restore.spin import spin

    if not short_window:
        monkeypatch.setattr(scoring, "SHORT_WINDOW_MIN_SHARE", 99.0)
    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    spun = spin(clean[10].read_text(encoding="utf-8"), "thesaurus", seed=1).text
    restorer = Restorer()  # (not the shared one: it keeps its last evidence)
    strong = restorer._strong_forms(spun)
    sample = restorer._sample_spin(spun, strong, THESAURUS_SAMPLE_CHARS)
    assert (sample > 0.5) if short_window else (THESAURUS_MIN_SPIN <= sample < 0.01)
    reading = restorer._thorough_reading(spun, strong, lambda: 0.0, 0.5)
    assert reading is not None and reading.spin_score > 0.0


def test_a_lightly_spun_text_with_multiword_spins_goes_on_to_the_thorough_check():
    """One of our articles spun WordNet-style at 5% (seed 1): its few multiword
    forms show that spinner, so it never looked thesaurus-style, and the
    default reading found it clean (0.111; 3 of 50 spins restored). A text
    longer than a stretch whose multiword forms show a spinner but whose
    default reading finds it clean now goes on to the thorough check."""
    from pathlib import Path

    from restore.evaluate import match_edits
    from restore.spin import spin

    clean = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    spun = spin(clean[4].read_text(encoding="utf-8"), "wordnet", seed=1, rate=0.05)
    result = restore.fix_and_explain(spun.text)
    restored, correct = match_edits(spun.edits, result.substitutions)
    assert result.spin_score > 0.5
    assert sum(restored) >= 30 and sum(correct) >= 0.8 * len(result.substitutions)


def test_clean_sentences_with_multiword_forms_stay_with_the_default_reading():
    """Negative: a short clean text (under a stretch) whose multiword forms
    look like a spinner's is not sent to the thorough check on that account;
    restored a sentence at a time, the Brown corpus got 41 more false edits
    when it was."""
    text = ("The band played every bit as well as it did in June, and in addition to "
            "the old songs it tried two new ones at that place by the river.")
    restorer = restore.get_restorer()
    strong = restorer._strong_forms(text)
    assert restorer._shows_multiword_spins(text, strong)
    assert restorer._thorough_reading(text, strong, lambda: 0.0, 0.5) is None


SHORT_CLEAN_SENTENCES = (
    "Few politicos would care to acknowledge that in public.",
    "The help and sympathy that came were forthcoming from every village.",
    "A candle alight on the table directs its flame and smoke upwards.",
    "The onion was fastened with string and placed beneath the eave.",
)


@pytest.mark.parametrize("sentence", SHORT_CLEAN_SENTENCES)
def test_a_short_clean_sentence_given_alone_is_not_read_the_thorough_way(sentence):
    """Negative: one clean sentence with a word or two a thesaurus-style
    spinner favours. The thorough reading found each spun (0.65-0.89) and
    made two false edits in it; a text of 30 words or fewer is no longer read
    that way unless the caller asks (``thorough=True`` reads every text the
    thorough way, as documented, and still changes these)."""
    from restore.engine import THOROUGH_MAX_SHORT_WORDS

    assert len(sentence.split()) <= THOROUGH_MAX_SHORT_WORDS
    result = restore.fix_and_explain(sentence)
    assert result.text == sentence and result.substitutions == ()
    assert result.spin_score < 0.5


def test_threads_sharing_the_restorer_get_what_one_thread_gets():
    """An ingestion service may call fix_and_explain from several threads at
    once (a thread pool, Dask's threaded scheduler): the restorer and its
    caches are shared, and each text must still come out as it does alone,
    with the garbage collector (which restore() pauses) left on."""
    import gc
    from concurrent.futures import ThreadPoolExecutor
    from pathlib import Path

    corpora = Path(__file__).resolve().parent.parent / "corpora"
    texts = [p.read_text("utf-8")
             for kind in ("spun/wordnet", "spun/thesaurus", "clean")
             for p in sorted((corpora / kind).rglob("*.txt"))[:3]]
    texts.append("It volition survive fine past times June.")

    def digest(text):
        r = restore.fix_and_explain(text)
        return r.text, [s.to_dict() for s in r.substitutions], r.spin_score

    alone = [digest(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(digest, texts * 2))
    assert together == alone * 2
    assert gc.isenabled()
