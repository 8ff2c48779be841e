"""Metric code on tiny hand-made cases. No test asserts a score of the engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from restore.evaluate import (
    FamilyScore, auc, format_report, main, match_edits, per_10k, reliability, run,
    word_edit_distance, word_errors,
)
from restore.report import Restoration, Substitution, apply_substitutions
from restore.spin import GoldEdit, SpinResult


def sub(start, end, spun, original, confidence=0.9):
    return Substitution(start, end, spun, original, confidence, "test")


SPUN = "It volition survive fine past times June."
#       0123456789012345678901234567890123456789
GOLD = (GoldEdit(3, 11, "volition", "will", 3, 7, "hop1"),
        GoldEdit(12, 19, "survive", "be", 8, 10, "hop2"),
        GoldEdit(25, 35, "past times", "by", 16, 18, "chain"))
ORIGINAL = "It will be fine by June."


def test_gold_fixture_is_consistent():
    assert SpinResult(SPUN, GOLD).original_text() == ORIGINAL
    for g in GOLD:
        assert SPUN[g.start:g.end] == g.spun


def test_match_exact_span_and_original():
    subs = [sub(3, 11, "volition", "will"), sub(12, 19, "survive", "live"),
            sub(20, 24, "fine", "good")]
    restored, correct = match_edits(GOLD, subs)
    assert restored == [True, False, False]
    assert correct == [True, False, False]


def test_partial_span_does_not_count():
    # "past" -> "by" leaves " times": not an exact undo of the gold edit
    restored, correct = match_edits(GOLD, [sub(25, 29, "past", "by")])
    assert restored == [False, False, False] and correct == [False]


def test_case_matters():
    restored, _ = match_edits(GOLD, [sub(3, 11, "volition", "Will")])
    assert restored[0] is False


def test_no_substitutions_and_no_gold():
    assert match_edits(GOLD, []) == ([False] * 3, [])
    assert match_edits([], [sub(0, 2, "It", "He")]) == ([], [False])


def test_word_edit_distance():
    assert word_edit_distance([], []) == 0
    assert word_edit_distance(["a"], []) == 1
    assert word_edit_distance("a b c".split(), "a b c".split()) == 0
    assert word_edit_distance("kitten sat down".split(), "sitting sat".split()) == 2
    # 3 substitutions + 1 insertion ("past times" for "by") over 6 reference words
    assert word_errors(SPUN, ORIGINAL) == (4, 6)
    restored = apply_substitutions(SPUN, [sub(g.start, g.end, g.spun, g.original) for g in GOLD])
    assert restored == ORIGINAL
    assert word_errors(restored, ORIGINAL) == (0, 6)


def test_per_10k():
    assert per_10k(0, 0) == 0.0
    assert per_10k(1, 10000) == 1.0


def test_reliability_perfect_and_worst():
    ece, table = reliability([1.0, 1.0, 0.0], [True, True, False])
    assert ece == 0.0
    assert table[9]["count"] == 2 and table[0]["count"] == 1
    ece, _ = reliability([1.0, 0.0], [False, True])
    assert ece == pytest.approx(1.0)


def test_reliability_table_values():
    ece, table = reliability([0.82, 0.84, 0.86, 0.88, 0.25], [True, True, True, False, False])
    row = table[8]
    assert row["count"] == 4
    assert row["mean_confidence"] == pytest.approx(0.85)
    assert row["accuracy"] == pytest.approx(0.75)
    # ECE = 4/5*|0.75-0.85| + 1/5*|0-0.25|
    assert ece == pytest.approx(0.8 * 0.1 + 0.2 * 0.25)
    assert len(table) == 10 and [r["bin"] for r in table][:3] == [0.0, 0.1, 0.2]
    assert table[5]["count"] == 0 and table[5]["accuracy"] is None


def test_reliability_empty_and_bad_input():
    ece, table = reliability([], [])
    assert ece == 0.0 and all(r["count"] == 0 for r in table)
    with pytest.raises(ValueError):
        reliability([0.5], [])
    with pytest.raises(ValueError):
        reliability([1.5], [True])


def test_auc():
    assert auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert auc([0.1], [0.9]) == 0.0
    assert auc([0.5, 0.5], [0.5]) == 0.5
    assert auc([0.3, 0.7], [0.5]) == 0.5
    assert auc([0.9, 0.8], [0.1, 0.8]) == 0.875
    assert auc([], [0.1]) is None and auc([0.1], []) is None


def test_auc_matches_brute_force():
    import random

    rng = random.Random(3)
    pos = [round(rng.random(), 1) for _ in range(40)]
    neg = [round(rng.random(), 1) for _ in range(30)]
    brute = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))
    assert auc(pos, neg) == pytest.approx(brute)


def fake_restorer(mapping):
    """A stand-in engine: restores exactly the spans in ``mapping`` (spun -> original)."""

    def restore_fn(text, threshold):
        subs = []
        for spun, (original, confidence) in mapping.items():
            start = text.find(spun)
            if start >= 0 and (threshold is None and confidence >= 0.5
                               or threshold is not None and confidence >= threshold):
                subs.append(sub(start, start + len(spun), spun, original, confidence))
        subs.sort(key=lambda s: s.start)
        score = 0.9 if subs else 0.1
        return Restoration(apply_substitutions(text, subs), tuple(subs), score)

    return restore_fn


def test_family_score_counts():
    restore_fn = fake_restorer({"volition": ("will", 0.9), "survive": ("live", 0.8),
                                "past times": ("by", 0.3), "June": ("July", 0.2)})
    score = FamilyScore("wordnet")
    score.add_document(SpinResult(SPUN, GOLD), restore_fn, ORIGINAL)
    score.clean_scores = [0.1]
    s = score.summary()
    assert (s["gold_edits"], s["restored"], s["substitutions"], s["correct"]) == (3, 1, 2, 1)
    assert s["recall"] == pytest.approx(1 / 3) and s["precision"] == 0.5
    assert s["wer_before"] == pytest.approx(4 / 6)
    # "It will live fine past times June.": live/be, past/by, + "times"
    assert s["wer_after"] == pytest.approx(3 / 6)
    assert s["calibrated_substitutions"] == 4  # threshold 0.0 reports all four
    assert s["auc"] == 1.0
    assert s["recall_by_kind"]["hop1"] == {"gold": 1, "restored": 1, "recall": 1.0}


def test_clean_score_counts_every_substitution_as_false():
    restore_fn = fake_restorer({"survive": ("be", 0.7), "winter": ("season", 0.3)})
    score = FamilyScore("clean")
    score.add_clean("They will survive the winter.", restore_fn, "x.txt", keep_errors=5)
    s = score.summary()
    assert s["substitutions"] == 1 and s["false_per_10k"] == pytest.approx(10000 / 5)
    assert s["precision"] is None and s["recall"] is None
    assert s["calibrated_substitutions"] == 2
    assert s["examples"][0]["spun"] == "survive"


def test_runner_on_a_tiny_corpus(tmp_path: Path, capsys):
    (tmp_path / "a.txt").write_text(
        "There will be two new bus routes in the city by June and the firm said so .\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "The next year will be better for the town and its people .\n", encoding="utf-8")
    identity = lambda text, threshold: Restoration(text, (), 0.0)  # noqa: E731
    report = run(tmp_path, families=("wordnet", "thesaurus"), seeds=(1, 2),
                 restore_fn=identity)
    rows = {r["family"]: r for r in report["rows"]}
    assert set(rows) == {"wordnet", "thesaurus", "clean"}
    assert rows["wordnet"]["docs"] == 4 and rows["clean"]["docs"] == 2
    assert rows["wordnet"]["recall"] == 0.0 and rows["clean"]["false_per_10k"] == 0.0
    assert rows["wordnet"]["wer_after"] == rows["wordnet"]["wer_before"]
    assert rows["wordnet"]["auc"] == 0.5
    text = format_report(report)
    assert "wordnet" in text and "recall" in text
    assert main(["--corpus", str(tmp_path), "--family", "wordnet", "--seeds", "1",
                 "--limit", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["files"] == 1 and out["rows"][0]["family"] == "wordnet"


def test_runner_needs_files(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        run(tmp_path)


def test_operating_points_restore_again_at_each_threshold():
    restore_fn = fake_restorer({"volition": ("will", 0.9), "survive": ("be", 0.6),
                                "past times": ("by", 0.3)})
    score = FamilyScore("wordnet")
    score.operating = {0.5: [0, 0, 0], 0.8: [0, 0, 0]}
    score.add_document(SpinResult(SPUN, GOLD), restore_fn, ORIGINAL)
    points = {p["threshold"]: p for p in score.summary()["operating_points"]}
    # gold: volition->will, survive->be, past times->by
    assert points[0.5]["recall"] == pytest.approx(2 / 3) and points[0.5]["precision"] == 1.0
    assert points[0.8]["recall"] == pytest.approx(1 / 3) and points[0.8]["precision"] == 1.0
    assert "operating points, wordnet" in format_report(
        {"rows": [score.summary()], "files": 1, "seeds": [1], "total_seconds": 0})


def test_thresholds_are_parsed_and_checked():
    from restore.evaluate import _thresholds
    assert _thresholds("0.7, 0.9") == (0.7, 0.9)
    with pytest.raises(ValueError):
        _thresholds("1.5")


def test_wrong_substitutions_are_sorted_by_why():
    from restore.evaluate import kind_of_wrong

    gold = [GoldEdit(0, 15, "melanise market", "run", 0, 3, "chain"),
            GoldEdit(16, 22, "inward", "in", 4, 6, "hop1"),
            GoldEdit(23, 25, "ii", "two", 7, 10, "hop1")]
    kinds = [kind_of_wrong(Substitution(a, b, "", o, 0.9, "t"), gold)
             for a, b, o in ((16, 22, "inch"), (0, 8, "black"), (16, 25, "x"), (26, 30, "y"))]
    assert kinds == ["wrong original", "part of a chain", "overlaps other edits", "false edit"]


def test_the_corpora_ship_with_the_package():
    """`unspin evaluate` needs no checkout: the clean prose and the held-out
    tortured phrases are package data (restore.corpora) and are found there."""
    from restore.evaluate import CORPORA, default_corpus, read_heldout

    assert len(list(default_corpus().glob("*.txt"))) >= 20
    assert len(read_heldout(CORPORA / "tortured_heldout.tsv")) > 1000


def test_rate_sets_how_much_the_spinners_change(tmp_path: Path, capsys):
    """``--rate`` spins the corpus lighter or heavier (light spinning is measured
    with it); it is checked like any number a user types."""
    text = ("The council said there will be a new bus line to the airport by June , and "
            "officials have spent two years on the plan for the city .\n") * 6
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    identity = lambda text, threshold: Restoration(text, (), 0.0)  # noqa: E731
    gold = {rate: run(tmp_path, families=("wordnet",), seeds=(1,), restore_fn=identity,
                      rate=rate)["rows"][0]["gold_edits"] for rate in (0.05, 0.4)}
    assert 0 < gold[0.05] < gold[0.4]
    assert main(["--corpus", str(tmp_path), "--family", "wordnet", "--seeds", "1",
                 "--rate", "0.05"]) == 0
    assert "spin rate 0.05" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--corpus", str(tmp_path), "--rate", "0"])
