"""The quick proof of clean text (restore.clean) never claims what the full path denies."""

from __future__ import annotations

from pathlib import Path

import pytest

from restore.clean import nothing_to_restore
from restore.scoring import each_form_once
from restore.engine import WORDNET_STYLE_MIN_EVIDENCE, Restorer, get_restorer

from conftest import load_cases

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
CLEAN = [p.read_text("utf-8") for p in sorted((CORPORA / "clean").glob("*.txt"))]
SPUN = [p.read_text("utf-8") for p in sorted((CORPORA / "spun").rglob("*.txt"))[::15]]
CASES = [case["original"] for name in ("negative", "in_the_wild", "synthetic")
         for case in load_cases(name)]


@pytest.fixture(scope="module")
def full_path() -> Restorer:
    restorer = Restorer()
    restorer._quick_proof = False
    return restorer


@pytest.mark.parametrize("text", CLEAN + SPUN + CASES[::3] + [" ".join(CLEAN)[:60_000]])
def test_a_text_proved_clean_is_clean(text, full_path):
    strong = get_restorer().matcher.strong.find(text)
    if nothing_to_restore(text, strong, 0.5):
        for threshold in (0.5, 0.1):
            result = full_path.restore(text, threshold)
            assert result.substitutions == () and result.spin_score == 0.0
    assert get_restorer().restore(text) == full_path.restore(text)


@pytest.mark.parametrize("min_spun", [0.01, 0.001, 0.1])
def test_the_words_counted_by_blocks_first_decide_as_the_words_of_each_span(min_spun, monkeypatch):
    # nothing_to_restore counts the spaces of whole blocks first, and a span's own
    # only when those are too few; with blocks longer than any text it counts
    # every span's: the answers must be the same
    import restore.clean

    texts = CLEAN + SPUN + CASES[::3] + [" ".join(CLEAN)[:60_000], "\n\n".join(SPUN)[:40_000]]
    matcher = get_restorer().matcher.strong
    found = [(text, matcher.find(text)) for text in texts]
    by_blocks = [nothing_to_restore(text, strong, 0.5, min_spun) for text, strong in found]
    monkeypatch.setattr(restore.clean, "BLOCK_CHARS", 10 ** 9)
    assert by_blocks == [nothing_to_restore(text, strong, 0.5, min_spun) for text, strong in found]
    assert any(by_blocks) and not all(by_blocks)


def test_the_proof_applies_to_clean_prose_only():
    restorer = get_restorer()
    long_clean = "\n\n".join(CLEAN)
    assert nothing_to_restore(long_clean, restorer.matcher.strong.find(long_clean), 0.5)
    spun = "\n\n".join(SPUN)
    assert not nothing_to_restore(spun, restorer.matcher.strong.find(spun), 0.5)
    # a low threshold could take a candidate the proof does not follow
    assert not nothing_to_restore(long_clean, restorer.matcher.strong.find(long_clean), 0.05)


@pytest.mark.parametrize("text", CLEAN + SPUN + [" ".join(CLEAN)[:60_000]])
def test_a_text_the_bound_denies_multiword_spins_shows_none(text):
    # Restorer._may_show_multiword_spins (no language model) must never deny
    # what the evidence weighed in context would find
    restorer = get_restorer()
    multiword = [c for c in restorer._strong_forms(text) if " " in c.spun]
    if multiword and not restorer._may_show_multiword_spins(text, multiword):
        evidence = restorer._evidence(text, multiword)
        assert evidence.word_spinner_log_lr < WORDNET_STYLE_MIN_EVIDENCE * evidence.words


def test_the_multiword_bound_decides_for_clean_prose_only():
    restorer = get_restorer()
    long_clean = "\n\n".join(CLEAN)
    multiword = [c for c in restorer._strong_forms(long_clean) if " " in c.spun]
    assert multiword and not restorer._may_show_multiword_spins(long_clean, multiword)
    spun = "\n\n".join(p.read_text("utf-8") for p in
                       sorted((CORPORA / "spun" / "wordnet").rglob("*.txt"))[:5])
    multiword = [c for c in restorer._strong_forms(spun) if " " in c.spun]
    assert restorer._may_show_multiword_spins(spun, multiword)
    assert restorer._shows_multiword_spins(spun, restorer._strong_forms(spun))


@pytest.mark.parametrize("repeats, forms_told_apart", [(10, True), (60, False)])
def test_each_form_once_is_worked_out_only_when_the_sum_needs_more_words(
        repeats, forms_told_apart, full_path, monkeypatch):
    # the same form ten times: the evidence of each form once is a tenth of the
    # sum, and the text is too short for the sum; sixty times, long enough
    import restore.clean

    text = ("It was thus so. " + "The council met on Tuesday and talked about the roads. " * 3
            ) * repeats
    calls = []
    monkeypatch.setattr(restore.clean, "each_form_once",
                        lambda *args: calls.append(args) or each_form_once(*args))
    assert nothing_to_restore(text, get_restorer().matcher.strong.find(text), 0.5)
    assert bool(calls) == forms_told_apart
    result = full_path.restore(text)
    assert result.substitutions == () and result.spin_score == 0.0
