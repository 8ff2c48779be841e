import pytest

from restore.candidates import PhraseMatcher
from restore.decoder import LanguageModelScorer
from restore.spans import IntervalSet
from restore.scoring import (ContextScorer, DocumentEvidence, document_evidence,
                             log_likelihood_ratio, spin_score)
from conftest import row

SCORERS = [ContextScorer(), LanguageModelScorer()]


def confidences(scorer, rows, text):
    candidates = PhraseMatcher(rows).find(text)
    return {s.candidate.spun: s.confidence for s in scorer.score(text, candidates)}


def test_spun_context_raises_confidence(small_rows):
    for scorer in SCORERS:
        alone = confidences(scorer, small_rows, "She went of her own volition to the hills.")
        crowded = confidences(scorer, small_rows,
                              "It volition rain past times noon and at that topographic point volition "
                              "survive snow past times Monday, volition survive.")
        assert alone["volition"] < 0.5 < crowded["volition"], scorer


def test_self_evident_chain_fires_alone(small_rows):
    text = "The old mill stood at that topographic point for a century."
    for scorer in SCORERS:
        assert confidences(scorer, small_rows, text)["at that topographic point"] > 0.5


def test_wordnet_matches_with_punctuation_attached_are_ruled_out(small_rows):
    text = "It volition go past times noon; volition, past times, at that topographic point."
    for scorer in SCORERS:
        scored = scorer.score(text, PhraseMatcher(small_rows).find(text))
        not_bare = [s.confidence for s in scored if not s.candidate.bare]
        bare = [s.confidence for s in scored if s.candidate.bare and s.candidate.spun == "volition"]
        assert not_bare and max(not_bare) < 0.05 < min(bare)


def test_language_model_prefers_the_original_that_fits():
    rows = [row("survive", "be", 0.3), row("volition", "will", 0.98),
            row("at that topographic point", "there", 0.99), row("past times", "by", 0.9)]
    scorer = LanguageModelScorer()
    fits = confidences(scorer, rows, "At noon at that topographic point volition survive rain "
                                     "past times the river and it volition stop past times two.")
    legit = confidences(scorer, rows, "Few plants can survive the cold winter up in these hills.")
    assert fits["survive"] > 0.5 > legit["survive"]


def test_evidence_weights():
    common = row("survive", "be", 0.3)
    rare = row("volition", "will", 0.98)
    matcher = PhraseMatcher([common, rare])
    found = {c.spun: log_likelihood_ratio(c) for c in matcher.find("survive volition")}
    assert found["survive"] == 0.0 < found["volition"]  # everyday forms carry no evidence


def test_document_evidence_and_spin_score(small_rows):
    clean = "A long walk along the river was all we wanted. " * 20
    spun = "It volition survive fine past times June. " * 5
    clean_evidence = document_evidence(clean, PhraseMatcher(small_rows).find(clean))
    spun_evidence = document_evidence(spun, PhraseMatcher(small_rows).find(spun))
    assert clean_evidence.log_lr == 0
    assert spin_score(clean_evidence) < 0.001
    assert spin_score(spun_evidence) > 0.9
    assert spin_score(DocumentEvidence(1000, 5.0)) < 0.01


def test_interval_set():
    taken = IntervalSet()
    assert taken.add_if_free(10, 20)
    assert not taken.add_if_free(15, 25)
    assert not taken.add_if_free(5, 11)
    assert taken.add_if_free(20, 30) and taken.add_if_free(0, 10)
    assert taken.overlaps(29, 40) and not taken.overlaps(30, 40)


def test_a_capitalised_function_word_at_a_sentence_start_was_never_spun():
    """The WordNet-style spinner leaves "On", "In", "And" at a sentence start
    alone: a single "Along" there is the author's, "along" inside a sentence may
    be "on"."""
    import restore

    spun = ("Along the river the towns volition survive flooded past times June. "
            "The boats were moored along the quay inwards the old port.")
    result = restore.fix_and_explain(spun, threshold=0.0)
    assert not [s for s in result.substitutions if s.spun == "Along"]
    assert restore.fix_text(spun).startswith("Along the river the towns will be flooded by June.")


def test_a_forms_evidence_is_its_rows_where_the_spinner_could_have_written_it():
    # log_likelihood_ratio looks the row's weight up first and asks
    # spinner_could_write only when it is not 0: the same as asking it first
    from restore.engine import get_restorer
    from restore.scoring import row_log_likelihood_ratio, spinner_could_write

    text = ("Along the river, Will walked past times noon; will he survive? It volition "
            "be big. Bill said the bill was huge, and Along came XIX years.")
    matcher = get_restorer().matcher
    found = matcher.strong.find(text) + matcher.weak.find(text)
    assert any(log_likelihood_ratio(c) > 0 for c in found)
    assert any(row_log_likelihood_ratio(c.row) > 0 and not spinner_could_write(c) for c in found)
    for c in found:
        expected = row_log_likelihood_ratio(c.row) if spinner_could_write(c) else 0.0
        assert log_likelihood_ratio(c) == expected


def test_a_floor_raises_word_level_evidence_but_not_doctored_evidence():
    weak = DocumentEvidence(1000, 2.0, word_spinner_log_lr=1.0)
    floored = DocumentEvidence(1000, 2.0, word_spinner_log_lr=1.0, floor_log_odds=3.0)
    assert weak.word_spinner_log_odds < 0 and weak.log_odds < 0
    assert floored.word_spinner_log_odds == floored.log_odds == 3.0
    assert floored.doctored_log_odds == weak.doctored_log_odds
    # a floor under the evidence changes nothing
    strong = DocumentEvidence(100, 40.0)
    assert DocumentEvidence(100, 40.0, floor_log_odds=-5.0).log_odds == strong.log_odds


def _spun_article_and_clean_prose(index: int, clean_count: int = 3, family: str = "wordnet",
                                  rate: float | None = None):
    """A dev-set article spun by ``family`` (seed 1; at its own rate unless
    ``rate`` is given), then ``clean_count`` other dev-set articles as written:
    (spin result, whole document). (Clean prose first: see
    ``_clean_prose_then_spun_article``.)"""
    from pathlib import Path

    from restore.spin import spin

    paths = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    spun = spin(texts[index], family, seed=1, rate=rate)
    clean = "\n\n".join(texts[(index + k) % len(texts)] for k in range(1, clean_count + 1))
    return spun, spun.text + "\n\n" + clean


def test_the_clean_part_of_a_document_spun_in_part_is_left_alone(monkeypatch):
    """A spun article followed by three clean ones (a scraped page, joined
    files): the document's evidence used to open its clean part to every
    restoration ("along", "rainfall", "roughly"). Read as a chain of
    stretches, spun or clean, the clean prose is clean to the sentence, even
    beside the article; the article is restored as before."""
    import restore
    import restore.scoring as scoring
    from restore.evaluate import match_edits

    documents = [_spun_article_and_clean_prose(index) for index in (0, 2, 16)]

    def clean_part_and_recall():
        outside = restored = gold = 0
        for spun, document in documents:
            result = restore.fix_and_explain(document)
            inside = [s for s in result.substitutions if s.end <= len(spun.text)]
            outside += len(result.substitutions) - len(inside)
            restored += sum(match_edits(spun.edits, inside)[0])
            gold += len(spun.edits)
        return outside, restored / gold

    chained, chained_recall = clean_part_and_recall()
    monkeypatch.setattr(scoring, "SEGMENT_MIN_WORDS", 10**9)  # the floor everywhere
    floored, floored_recall = clean_part_and_recall()
    assert floored >= 15 and chained == 0
    assert chained_recall >= floored_recall - 0.02


def test_a_document_spun_throughout_is_spun_in_every_stretch(monkeypatch):
    """Every stretch of an article spun at 18% carries its share of the
    evidence: read as a chain of stretches or not, the same restorations (a
    stretch thin in evidence may be a little less sure)."""
    from pathlib import Path

    import restore
    import restore.scoring as scoring
    from restore.spin import spin

    path = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))[7]
    text = spin(path.read_text(encoding="utf-8"), "wordnet", seed=2).text
    chained = restore.fix_and_explain(text)
    assert len(chained.substitutions) >= 50
    monkeypatch.setattr(scoring, "SEGMENT_MIN_WORDS", 10**9)
    unchained = restore.fix_and_explain(text)
    assert [(s.start, s.end, s.original) for s in unchained.substitutions] == \
        [(s.start, s.end, s.original) for s in chained.substitutions]
    assert all(abs(a.confidence - b.confidence) < 0.1
               for a, b in zip(chained.substitutions, unchained.substitutions))


def test_stretches_are_read_spun_or_clean_by_their_own_evidence():
    """The chain of stretches: evidence dense in the middle third of a text
    makes that third spun and the rest clean, but for a few stretches beside
    the spun ones; evenly spread evidence makes it all spun."""
    from restore.scoring import EvidenceAlong, spun_segments

    text = " ".join(["word"] * 1500)  # 50 stretches of 30 words, 5 characters a word

    def odds(spans):
        return spun_segments(text, EvidenceAlong(spans))[1]

    middle = odds([(5 * w, 5 * w + 4, 1.5) for w in range(500, 1000, 5)])
    assert all(o > 3 for o in middle[17:33])
    assert all(o < -3 for o in middle[:14] + middle[36:])
    even = odds([(5 * w, 5 * w + 4, 1.5) for w in range(0, 1500, 5)])
    assert all(o > 3 for o in even)
    assert all(o == 0.0 for o in odds([]))  # no evidence says nothing either way


def test_a_spun_article_in_a_long_text_is_found(monkeypatch):
    """A spun article followed by six clean ones: the whole is judged clean
    (its evidence thinned out by the rest), so the WordNet channel never ran;
    its densest thousand words now count as a document of their own."""
    import restore
    import restore.scoring as scoring
    from restore.evaluate import match_edits

    documents = [_spun_article_and_clean_prose(index, clean_count=6) for index in (3, 5)]

    def recall_and_spin():
        restored = gold = 0
        scores = []
        for spun, document in documents:
            result = restore.fix_and_explain(document)
            inside = [s for s in result.substitutions if s.end <= len(spun.text)]
            restored += sum(match_edits(spun.edits, inside)[0])
            gold += len(spun.edits)
            scores.append(result.spin_score)
        return restored / gold, min(scores)

    windowed, windowed_spin = recall_and_spin()
    monkeypatch.setattr(scoring, "DOCUMENT_WINDOW_WORDS", 10**9)  # no window: the whole text
    monkeypatch.setattr(scoring, "SHORT_WINDOW_MIN_SHARE", 10**9)  # (nor a short one)
    whole, whole_spin = recall_and_spin()
    assert windowed_spin > 0.99 and whole_spin < 0.5
    assert windowed >= whole + 0.1


def test_a_long_clean_text_has_no_spun_window():
    """Seven of our clean articles joined (about 6,000 words): no window of
    them looks spun, and nothing is restored."""
    from pathlib import Path

    import restore
    from restore.scoring import densest_window_log_odds, document_evidence
    from restore.engine import get_restorer

    paths = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in paths[:7])
    strong = get_restorer().matcher.strong.find(text)
    evidence = document_evidence(text, strong)
    assert evidence.window_log_odds is not None and evidence.window_log_odds < -4.0
    assert restore.fix_text(text) == text


def _clean_prose_then_spun_article(index: int, family: str):
    """Three other dev-set articles as written, then a dev-set article spun by
    ``family`` (seed 1): (its gold edits, moved to their place in the
    document; the whole document; where the spun article starts)."""
    from dataclasses import replace

    spun, spun_first = _spun_article_and_clean_prose(index, family=family)
    clean = spun_first[len(spun.text) + 2:]
    offset = len(clean) + 2
    edits = [replace(e, start=e.start + offset, end=e.end + offset) for e in spun.edits]
    return edits, clean + "\n\n" + spun.text, offset


def _spun_part_and_clean_part(documents):
    """For each (spin result, document): the substitutions in the spun part,
    how many of them are right, and how many fall in the clean part. (A new
    restorer each time: a restorer keeps what it worked out on the last text.)"""
    from restore import Restorer
    from restore.evaluate import match_edits

    restorer = Restorer()
    found = []
    for spun, document in documents:
        result = restorer.restore(document)
        inside = [s for s in result.substitutions if s.end <= len(spun.text)]
        found.append((len(inside), sum(match_edits(spun.edits, inside)[1]),
                      len(result.substitutions) - len(inside)))
    return found


def test_a_thesaurus_style_article_in_a_page_is_read_the_thorough_way(monkeypatch):
    """A thesaurus-style article before three clean ones: the whole text's
    strong forms are too thin to send it to the thorough reading, its densest
    thousand words are not. Its swaps are restored, mostly right, and the
    clean prose is left alone."""
    from restore.engine import Restorer

    documents = [_spun_article_and_clean_prose(index, family="thesaurus") for index in (9, 14)]
    for inside, right, outside in _spun_part_and_clean_part(documents):
        assert inside >= 40 and right >= 0.8 * inside and outside == 0
    reach = Restorer._single_word_evidence
    monkeypatch.setattr(Restorer, "_single_word_evidence", staticmethod(
        lambda text, strong, densest=False: reach(text, strong)))  # the whole text only
    assert all(inside == 0 for inside, _, _ in _spun_part_and_clean_part(documents))


def test_a_thesaurus_style_readings_chain_weighs_stretches_against_a_larger_share(monkeypatch):
    """In a thesaurus-style reading clean prose carries about a third of a
    thesaurus-style spin's evidence a word: at the WordNet-style share
    the chain leaves some of the clean prose beside such an article open."""
    import restore.decoder as decoder
    from restore.scoring import SEGMENT_SHARE

    documents = [_spun_article_and_clean_prose(index, family="thesaurus") for index in (11, 14, 16)]
    assert sum(outside for _, _, outside in _spun_part_and_clean_part(documents)) == 0
    monkeypatch.setattr(decoder, "THESAURUS_SEGMENT_SHARE", SEGMENT_SHARE)
    assert sum(outside for _, _, outside in _spun_part_and_clean_part(documents)) >= 2


def test_a_lightly_spun_article_in_a_page_is_found(monkeypatch):
    """An article spun at 5% before three clean ones: its default reading
    finds it clean, and so did its thorough reading, the whole text's
    evidence thinned out by the clean prose; the thorough reading's densest
    window now counts as the default reading's does. Most of what it restores
    is right, and the clean prose is left alone."""
    import restore.scoring as scoring

    documents = [_spun_article_and_clean_prose(index, rate=0.05) for index in (10, 17)]
    windowed = _spun_part_and_clean_part(documents)
    for inside, right, outside in windowed:
        assert inside >= 30 and right >= 0.7 * inside and outside == 0
    weighed = scoring.densest_window_log_odds
    monkeypatch.setattr(scoring, "densest_window_log_odds",
                        lambda text, spans, hits_per_word=scoring.DOCUMENT_HITS_PER_WORD,
                        distinct_forms=True: weighed(text, spans, hits_per_word)
                        if distinct_forms else None)
    unwindowed = _spun_part_and_clean_part(documents)
    assert sum(right for _, right, _ in windowed) >= 2 * sum(right for _, right, _ in unwindowed)


def test_a_lightly_spun_article_in_a_page_is_read_by_its_own_spinners_rules(monkeypatch):
    """An article spun WordNet-style at 5% before three clean ones: over the
    whole page its multiword forms are too thin to show that spinner, so the
    thorough reading applied a thesaurus-style spinner's rules (no multiword
    lemma, no function word as the original). Its densest thousand words show
    it, and it is read by the WordNet-style rules: more is restored, as right
    or more so, and the clean prose is left as alone as before."""
    from restore.engine import Restorer, get_restorer

    restorer = get_restorer()
    documents = [_spun_article_and_clean_prose(index, rate=0.05) for index in (9, 14, 21)]
    for _, document in documents:
        strong = restorer._strong_forms(document)
        assert not restorer._shows_multiword_spins(document, strong)
        assert restorer._shows_multiword_spins(document, strong, densest=True)
    read = _spun_part_and_clean_part(documents)
    monkeypatch.setattr(Restorer, "_densest_shows_multiword_spins", lambda self, text, forms: False)
    before = _spun_part_and_clean_part(documents)
    assert sum(right for _, right, _ in read) >= 1.2 * sum(right for _, right, _ in before)
    assert (sum(right for _, right, _ in read) / sum(inside for inside, _, _ in read)
            >= sum(right for _, right, _ in before) / sum(inside for inside, _, _ in before))
    assert sum(outside for _, _, outside in read) <= sum(outside for _, _, outside in before) + 1


def _spun_article_and_clean_tail(index: int, family: str = "wordnet", part: int = 8):
    """A dev-set article spun by ``family`` (seed 1), then, after a blank line,
    the first ``1/part`` of the next one as written, to its last full stop
    (an eighth is about 100 words: a blurb or an author's note after a scraped
    article)."""
    spun, _ = _spun_article_and_clean_prose(index, clean_count=0, family=family)
    from pathlib import Path

    paths = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    words = paths[(index + 1) % len(paths)].read_text(encoding="utf-8").split()
    tail = " ".join(words[:len(words) // part])
    return spun, spun.text + "\n\n" + tail[:tail.rfind(".") + 1]


@pytest.mark.parametrize("family, part, indexes, constant, fewest_before, kept", [
    ("wordnet", 8, (0, 6, 16, 21), "SEGMENT_PARAGRAPH_SWITCH_LOG_PROB", 4, 0.98),
    ("thesaurus", 4, (0, 11, 12, 19), "THESAURUS_PARAGRAPH_SWITCH_LOG_PROB", 5, 0.95),
])
def test_a_short_clean_tail_after_a_spun_article_is_left_alone(
        monkeypatch, family, part, indexes, constant, fewest_before, kept):
    """The chain of stretches switches from spun to clean more readily where a
    paragraph starts (e^-4 in the WordNet-style reading, e^-8 in the
    thesaurus-style one): a clean tail after a spun article (about 100 words
    after a WordNet-style one, a quarter of its length after a thesaurus-style
    one) was too short to outweigh a switch at the usual cost, and got false
    edits ("daylight" -> "day"). The article is restored as before."""
    import restore.decoder as decoder
    from restore.scoring import SEGMENT_SWITCH_LOG_PROB

    documents = [_spun_article_and_clean_tail(index, family, part) for index in indexes]
    read = _spun_part_and_clean_part(documents)
    assert sum(outside for _, _, outside in read) == 0
    monkeypatch.setattr(decoder, constant, SEGMENT_SWITCH_LOG_PROB)
    before = _spun_part_and_clean_part(documents)
    assert sum(outside for _, _, outside in before) >= fewest_before
    assert sum(right for _, right, _ in read) >= kept * sum(right for _, right, _ in before)


def test_a_spun_articles_own_paragraphs_are_not_read_as_clean():
    """The negative side: inside an article spun throughout, lightly (5%), every
    paragraph start is a cheaper switch to clean, yet no paragraph of it is
    read as clean: the stretch posteriors stay spun in each of them (at a cost
    of -1 a tenth of one article's stretches went clean, at -0.5 up to 58%)."""
    from restore.scoring import EvidenceAlong, span_weights, spun_segments
    from restore.engine import get_restorer

    restorer = get_restorer()
    for index in (0, 6, 16, 21):
        spun, _ = _spun_article_and_clean_prose(index, clean_count=0, rate=0.05)
        strong = restorer._strong_forms(spun.text)
        _, odds = spun_segments(spun.text, EvidenceAlong(span_weights(strong)))
        assert len(odds) > 20 and all(o > 0 for o in odds)


def test_a_thesaurus_style_article_or_clean_prose_in_a_page_shows_no_wordnet_style_spinner():
    """The negative side: the densest thousand words of a page whose article was
    spun thesaurus-style, or of four clean articles, do not show a WordNet-style
    spinner (the densest of several windows is denser by chance, so it needs
    more evidence a word than a whole text does)."""
    from pathlib import Path

    from restore.engine import get_restorer

    restorer = get_restorer()
    pages = [document for _, document in (_spun_article_and_clean_prose(index, family="thesaurus")
                                          for index in range(0, 24, 3))]
    paths = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    pages += ["\n\n".join(texts[index:index + 4]) for index in range(0, 20, 4)]
    for page in pages:
        assert not restorer._shows_multiword_spins(page, restorer._strong_forms(page), densest=True)


def test_the_output_of_a_thorough_reading_is_read_again_as_a_text_of_its_own(monkeypatch):
    """A page that holds an article spun at 5% is read the thorough way; its
    output, given again, is read from its own strong forms and sample, and
    showed two more spins ("equally", "inwards"). They are restored the first
    time now, so fix_text(fix_text(x)) == fix_text(x); without reading the
    output again, they were left for a second call."""
    import restore
    from restore.engine import Restorer

    _, document = _spun_article_and_clean_prose(16, rate=0.05)
    once = restore.fix_text(document)
    assert once != document and restore.fix_text(once) == once
    original = Restorer._restore
    monkeypatch.setattr(Restorer, "_restore", lambda self, text, cut, *args, output=False, **kw:
                        original(self, text, cut, *args, output=True, **kw))
    without = Restorer().restore(document).text
    assert without != once and Restorer().restore(without).text != without


def test_a_spun_article_after_clean_prose_is_sampled_where_the_page_is_densest(monkeypatch):
    """A thesaurus-style article after three clean ones: the thorough
    reading's check sampled the page's first 6,000 characters, all clean,
    and so never read it. In a text of more than three windows it now
    samples from the line that holds the densest window of strong forms."""
    from restore import Restorer
    from restore.evaluate import match_edits

    documents = [_clean_prose_then_spun_article(index, "thesaurus") for index in (9, 14)]

    def found():
        restorer = Restorer()  # (a new one: a restorer keeps what it worked out last)
        counts = []
        for edits, document, offset in documents:
            substitutions = restorer.restore(document).substitutions
            inside = [s for s in substitutions if s.start >= offset]
            counts.append((len(inside), sum(match_edits(edits, inside)[1]),
                           len(substitutions) - len(inside)))
        return counts

    for inside, right, outside in found():
        assert inside >= 40 and right >= 0.8 * inside and outside == 0
    monkeypatch.setattr(Restorer, "_sample_start", lambda self, text, strong: 0)
    assert all(inside == 0 for inside, _, _ in found())


def _dev_texts():
    from pathlib import Path

    paths = sorted((Path(__file__).parent.parent / "corpora" / "clean").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def test_a_thesaurus_style_article_with_a_short_clean_tail_is_still_read(monkeypatch):
    """A page under two windows: a thesaurus-style article and a clean tail a quarter
    its length. The thorough reading weighs its densest SHORT_WINDOW_WORDS too, so the
    tail no longer tips the thin evidence (scoring.SHORT_WINDOW_WORDS)."""
    import restore.scoring as scoring
    from restore.engine import Restorer
    from restore.evaluate import match_edits
    from restore.spin import spin

    texts = _dev_texts()

    def read(restorer):
        gold = restored = right = made = 0
        for i in range(6):
            spun = spin(texts[i], "thesaurus", seed=1)
            tail = texts[i + 8][: len(spun.text) // 4]
            page = spun.text + "\n\n" + tail[: tail.rfind(" ")]
            inside = [s for s in restorer.restore(page).substitutions if s.end <= len(spun.text)]
            hits, correct = match_edits(spun.edits, inside)
            gold, restored = gold + len(spun.edits), restored + sum(hits)
            right, made = right + sum(correct), made + len(inside)
        return restored / gold, right / max(made, 1)

    recall, precision = read(Restorer())
    assert recall >= 0.3 and precision >= 0.8  # (0.36 and 0.85 when written)
    monkeypatch.setattr(scoring, "SHORT_WINDOW_MIN_SHARE", 99.0)  # the rule off
    assert read(Restorer())[0] < 0.25  # (0.21: three of the six articles lost)


def test_clean_pages_under_two_windows_stay_clean_when_read_thoroughly():
    """The negative side of the short window: clean pages of 1,500-2,000 words
    (two of our articles), read the thorough way, where it weighs."""
    from restore.engine import Restorer

    texts = _dev_texts()
    restorer = Restorer(thorough=True)
    pages = [texts[i] + "\n\n" + texts[i + 1] for i in range(0, 24, 2)]
    assert all(1200 < len(page.split()) < 2000 for page in pages)
    assert [len(restorer.restore(page).substitutions) for page in pages] == [0] * len(pages)
