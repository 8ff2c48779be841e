from restore.candidates import PhraseMatcher
from restore.scoring import ContextScorer, DocumentEvidence, document_evidence, spin_score
from conftest import row


def confidences(rows, text):
    candidates = PhraseMatcher(rows).find(text)
    return {s.candidate.spun: s.confidence for s in ContextScorer().score(text, candidates)}


def test_neighbours_raise_confidence_of_an_ambiguous_word(small_rows):
    alone = confidences(small_rows, "Few plants survive the winter up here in the hills.")
    crowded = confidences(small_rows,
                          "It volition survive cold past times the weekend up here.")
    assert alone["survive"] < 0.5 < crowded["survive"]


def test_isolated_strong_word_needs_company(small_rows):
    assert confidences(small_rows, "She went of her own volition, they said.")["volition"] < 0.5


def test_unmistakable_chain_fires_alone(small_rows):
    text = "The old mill stood at that topographic point for a century."
    assert confidences(small_rows, text)["at that topographic point"] > 0.5


def test_wordnet_matches_with_punctuation_attached_are_ruled_out(small_rows):
    text = "It volition go past times noon; volition, past times, survive."
    scored = ContextScorer().score(text, PhraseMatcher(small_rows).find(text))
    not_bare = [s.confidence for s in scored if not s.candidate.bare]
    bare = [s.confidence for s in scored if s.candidate.bare and s.candidate.spun == "volition"]
    assert not_bare and max(not_bare) < min(bare)


def test_document_evidence_and_spin_score(small_rows):
    clean = "A long walk by the river was all we wanted. " * 20
    spun = "It volition survive fine past times June. " * 5
    clean_evidence = document_evidence(clean, PhraseMatcher(small_rows).find(clean))
    spun_evidence = document_evidence(spun, PhraseMatcher(small_rows).find(spun))
    assert clean_evidence.strength == 0
    assert spin_score(clean_evidence) == 0.0
    assert spin_score(spun_evidence) > 0.9
    assert spin_score(DocumentEvidence(1000, 1.0)) < 0.1
