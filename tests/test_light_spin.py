"""A lightly spun text: a spinner set to change one word in twenty leaves too few
strong forms in any 200 words to show, but plenty in the whole text, and it goes
through the whole text alike (``scoring.DOCUMENT_HITS_PER_WORD``)."""

from __future__ import annotations

import restore
from restore.scoring import DocumentEvidence, HITS_PER_WORD, spin_score

# our own prose; about 4% of its words spun by hand, WordNet-style
CLEAN = ("The harbour board met on Thursday to settle the future of the old grain pier, which has stood empty since the mill closed "
"nine years ago. Members heard from engineers, from the fishing cooperative and from a group of residents who want the pier opened "
"to the public as a walkway. The engineers said the deck is sound but that the piles under the eastern end will need new "
"concrete jackets within five years. The cooperative asked for berths for its boats, which now tie up two deep at the north quay "
"during storms. Residents brought a petition with more than eleven hundred names and a set of drawings made by students at the "
"technical college. The board chair said no decision would be taken before the spring, when the port's accounts for the year are "
"published. She added that any plan must pay for itself, since the board cannot borrow against the pier while the mill's old "
"lease is being settled in court. A walkway alone would bring in little money, but a fish market at the landward end might cover "
"the cost of repairs, according to a study the board commissioned last year. The cooperative said it would welcome a market if "
"its members kept first call on the berths. Several residents spoke against cars on the pier, and one asked that the old crane be "
"kept as a landmark. The engineers warned that the crane is heavier than the deck was built to carry and would have to be moved "
"to the quay if it is kept at all. The board will hold a public meeting in March and publish the study on its website by the end "
"of the month. Until then, the gates to the pier will stay locked, and the board has asked anglers not to climb the fence.")
SPUN = (CLEAN.replace("Members heard", "Members heard", 1)
  .replace("on Thursday", "on Thursday", 1)
  .replace(" will need new", " volition need new", 1)
  .replace(" within five years", " inside fivesome years", 1)
  .replace(" which now tie up", " which now tie upward", 1)
  .replace(" during storms", " during storms", 1)
  .replace(" by students at", " past times students at", 1)
  .replace("is being settled in court", "is existence settled inward court", 1)
  .replace(" according to a study", " according to a study", 1)
  .replace(" as a landmark", " every bit a landmark", 1)
  .replace(" would have to be moved", " would convey to be moved", 1)
  .replace(" in March", " inward March", 1)
  .replace(" by the end", " past times the cease", 1))


def test_a_lightly_spun_text_is_found_spun_and_its_strong_forms_restored():
    result = restore.fix_and_explain(SPUN)
    assert result.spin_score > 0.5
    restored = {(s.spun, s.original) for s in result.substitutions}
    assert {("volition", "will"), ("past times", "by"), ("every bit", "as"),
            ("cease", "end"), ("inward", "in")} <= restored
    assert result.revert() == SPUN


def test_its_clean_original_is_left_alone():
    result = restore.fix_and_explain(CLEAN)
    assert result.text == CLEAN and not result.substitutions
    assert result.spin_score < 0.01


def test_the_document_is_weighed_against_a_lighter_rate_than_a_stretch():
    """Evidence that falls short of the rate a 200-word stretch needs can still
    make a long document spun; a document with little evidence stays clean."""
    words = 1000
    stretch_rate_shortfall = HITS_PER_WORD * words - 10.0
    assert spin_score(DocumentEvidence(words, stretch_rate_shortfall)) > 0.9
    assert spin_score(DocumentEvidence(words, 10.0)) < 0.001


def test_each_form_once_against_a_lighter_rate_is_a_second_way_to_be_spun():
    """A document whose distinct strong forms add up is spun even if all its
    evidence falls short of the document rate; the same evidence from one
    form repeated ("attribute" all through an API listing) is not."""
    from restore.scoring import DISTINCT_FORMS_HITS_PER_WORD, DOCUMENT_HITS_PER_WORD

    words = 1000
    short = DOCUMENT_HITS_PER_WORD * words - 10.0  # not spun by all its evidence
    assert short > DISTINCT_FORMS_HITS_PER_WORD * words + 10.0
    assert spin_score(DocumentEvidence(words, short)) < 0.01
    assert spin_score(DocumentEvidence(words, short, distinct_log_lr=short)) > 0.99
    assert spin_score(DocumentEvidence(words, short, distinct_log_lr=5.0)) < 0.01


def test_light_spinning_of_our_prose_is_found_in_its_distinct_forms():
    """Spun at 5% (seed 2), these articles used to score near 0; their clean
    originals still score 0."""
    from pathlib import Path

    from restore.spin import spin

    for name in ("01_transport_budget", "02_regional_election", "04_new_museum"):
        original = (Path(__file__).parent.parent / "corpora" / "clean" / f"{name}.txt").read_text(
            encoding="utf-8")
        spun = spin(original, "wordnet", seed=2, rate=0.05)
        result = restore.fix_and_explain(spun.text)
        assert result.spin_score > 0.9
        assert len(result.substitutions) >= len(spun.edits) // 3
        assert restore.fix_and_explain(original).spin_score < 0.01
