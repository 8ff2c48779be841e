"""Gold edits from a spun text and its original (restore.align), and the evaluation
on such pairs (restore.evaluate.run_pairs, ``unspin evaluate --pairs``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from restore.align import MAX_ADDED_WORDS, align, match_aligned
from restore.cli import main as cli_main
from restore.evaluate import format_report, main as evaluate_main, run_pairs
from restore.report import Restoration, Substitution
from restore.spin import spin

CLEAN = Path(__file__).resolve().parent.parent / "corpora" / "clean"


def edits(spun: str, original: str) -> list[tuple[str, str]]:
    return [(e.spun, e.original) for e in align(spun, original).edits]


def sub(text: str, spun: str, original: str, nth: int = 0) -> Substitution:
    start = -1
    for _ in range(nth + 1):
        start = text.index(spun, start + 1)
    return Substitution(start, start + len(spun), spun, original, 0.9, "test")


def test_each_swapped_word_is_an_edit_of_its_own():
    assert edits("It volition survive fine past times June.", "It will be fine by June.") == [
        ("volition", "will"), ("survive", "be"), ("past times", "by")]


def test_identical_texts_and_punctuation_changes_have_no_edits():
    assert edits("The city, by June.", "The city, by June.") == []
    assert edits("The city; by June!", "The city, by June.") == []
    assert edits("", "") == []


def test_a_dropped_word_is_an_edit_with_nothing_in_the_spun_text():
    assert edits("The city by June.", "The big city by June.") == [("", "big")]
    assert edits("", "Some words.") == []  # (a whole paragraph dropped: page furniture)


def test_case_is_part_of_the_word():
    assert edits("Inward the city", "In the city") == [("Inward", "In")]


def test_an_added_word_is_an_edit_with_nothing_in_the_original():
    alignment = align("He had a mental block.", "He had a block.")
    (edit,) = alignment.edits
    assert (edit.spun, edit.original, edit.orig_start, edit.orig_end) == ("mental", "", 8, 8)


def test_every_edit_points_into_both_texts():
    for family in ("wordnet", "thesaurus"):
        original = (CLEAN / "01_transport_budget.txt").read_text(encoding="utf-8")
        spun_text = spin(original, family, 4).text
        for edit in align(spun_text, original).edits:
            assert spun_text[edit.start:edit.end] == edit.spun
            assert original[edit.orig_start:edit.orig_end] == edit.original


def test_a_paragraph_the_page_added_is_left_out():
    added = "Read more of our weather news here, every day."
    alignment = align("It rained.\n\n" + added, "It rained.")
    assert alignment.edits == () and alignment.unaligned_words == len(added.split())
    assert len(added.split()) > MAX_ADDED_WORDS


def test_paragraphs_the_page_added_are_left_out_however_short():
    page = "Home | News\n\nIt volition survive fine.\n\nShare this.\n"
    alignment = align(page, "It will be fine.\n")
    assert [(e.spun, e.original) for e in alignment.edits] == [("volition", "will"),
                                                               ("survive", "be")]
    assert alignment.unaligned_words == 4
    # a short run inside a paragraph is an edit: a spinner adds words there
    assert edits("It is a mental block.", "It is a block.") == [("mental", "")]


def test_a_match_of_a_small_word_does_not_part_two_swaps():
    # "in" of "take in" is not the original's "in": edit distance matches "bankrupt"
    assert edits("Firms take in bygone bankrupt inwards late years.",
                 "Firms have gone bankrupt in recent years.") == [
        ("take in bygone", "have gone"), ("inwards", "in"), ("late", "recent")]


def test_a_substitution_is_right_when_it_writes_the_original():
    text = "It volition survive fine."
    restored, correct = match_aligned(align(text, "It will be fine."),
                                      [sub(text, "volition", "will"), sub(text, "survive", "live")])
    assert (restored, correct) == ([True, False], [True, False])


def test_an_added_word_may_go_with_either_neighbour():
    text = "He had a mental block."
    alignment = align(text, "He had a block.")
    assert match_aligned(alignment, [sub(text, "mental block", "block")]) == ([True], [True])
    assert match_aligned(alignment, [sub(text, "a mental", "a")]) == ([True], [True])
    assert match_aligned(alignment, [sub(text, "mental block", "wall")]) == ([False], [False])


def test_substitutions_inside_a_run_are_judged_together():
    text = "We go every bit inwards May."
    alignment = align(text, "We go as in May.")
    (run,) = alignment.edits
    assert (run.spun, run.original) == ("every bit inwards", "as in")
    both = [sub(text, "every bit", "as"), sub(text, "inwards", "in")]
    assert match_aligned(alignment, both) == ([True], [True, True])
    # one right from the run's start, one wrong: the run is not restored
    one_wrong = [sub(text, "every bit", "as"), sub(text, "inwards", "on")]
    assert match_aligned(alignment, one_wrong) == ([False], [True, False])
    # a substitution that leaves words of the run behind is not right
    assert match_aligned(alignment, [sub(text, "every bit inwards", "as")]) == ([False], [False])


def test_neighbours_that_are_right_together_are_right():
    # "then" -> "and then" beside the author's "and": the words align as "ceiling and"
    # -> "roof", "and then" = "and then", though they were spun otherwise
    text = "fix the ceiling and and then the rent"
    alignment = align(text, "fix the roof and then the rent")
    restoration = [sub(text, "ceiling", "roof"), sub(text, "and then", "then")]
    assert match_aligned(alignment, restoration) == ([True], [True, True])
    assert match_aligned(alignment, restoration[:1]) == ([False], [False])


def test_a_substitution_that_cuts_a_word_is_wrong():
    text = "the divide 'tween left"
    alignment = align(text, "the divide between left")
    assert match_aligned(alignment, [sub(text, "'tween", "between")]) == ([True], [True])
    assert match_aligned(alignment, [sub(text, "ween", "between")]) == ([False], [False])


def test_punctuation_a_substitution_drops_must_be_the_spinners():
    text = "Mr. Smith met a Dr. who said so."
    alignment = align(text, "Mr. Smith met a physician who said so.")
    # the spinner wrote "Dr." for "physician"; "Mr." is the author's, point and all
    assert match_aligned(alignment, [sub(text, "Mr.", "Mr"), sub(text, "Dr.", "physician")]) == (
        [True], [False, True])


def test_the_spinners_own_edits_score_perfectly_on_thesaurus_spins():
    original = (CLEAN / "05_semiconductor_exports.txt").read_text(encoding="utf-8")
    spun = spin(original, "thesaurus", 2)
    subs = [Substitution(e.start, e.end, e.spun, e.original, 1.0, "gold") for e in spun.edits]
    restored, correct = match_aligned(align(spun.text, original), subs)
    assert restored and all(restored) and all(correct)
    assert match_aligned(align(spun.text, original), []) == ([False] * len(restored), [])


def _pairs(tmp_path: Path) -> tuple[Path, Path]:
    spun_dir, original_dir = tmp_path / "spun", tmp_path / "original"
    (spun_dir / "news").mkdir(parents=True)
    (original_dir / "news").mkdir(parents=True)
    (spun_dir / "news" / "a.txt").write_text("It volition survive fine.\n", encoding="utf-8")
    (original_dir / "news" / "a.txt").write_text("It will be fine.\n", encoding="utf-8")
    (spun_dir / "lonely.txt").write_text("No original for this one.\n", encoding="utf-8")
    (spun_dir / "bad.txt").write_bytes(b"\xff\xfe broken")
    (original_dir / "bad.txt").write_text("Fine.\n", encoding="utf-8")
    return spun_dir, original_dir


def test_run_pairs_matches_files_by_path_and_names_what_it_skips(tmp_path: Path):
    spun_dir, original_dir = _pairs(tmp_path)
    said: list[str] = []

    def restore_fn(text: str, threshold: float | None) -> Restoration:
        subs = [sub(text, "volition", "will", 0)] if "volition" in text else []
        return Restoration(text.replace("volition", "will"), tuple(subs), 0.9 if subs else 0.0)

    report = run_pairs(spun_dir, original_dir, restore_fn, progress=said.append)
    rows = {row["family"]: row for row in report["rows"]}
    assert report["files"] == 1 and len(report["skipped"]) == 2
    assert any("lonely.txt" in line and "no original" in line for line in said)
    assert any("bad.txt" in line for line in said)
    assert rows["pairs"]["gold_edits"] == 2 and rows["pairs"]["restored"] == 1
    assert rows["pairs"]["precision"] == 1.0 and rows["clean"]["false_per_10k"] == 0.0
    (counts,) = report["per_file"]
    assert counts["spun"] == str(spun_dir / "news" / "a.txt")
    assert counts["original"] == str(original_dir / "news" / "a.txt") and counts["gold_edits"] == 2
    assert (counts["restored"], counts["substitutions"], counts["correct"]) == (1, 1, 1)
    assert "pairs of spun and original files" in format_report(report)


def test_run_pairs_takes_two_files_as_one_pair(tmp_path: Path):
    spun_dir, original_dir = _pairs(tmp_path)
    report = run_pairs(spun_dir / "news" / "a.txt", original_dir / "news" / "a.txt",
                       lambda text, threshold: Restoration(text, (), 0.0))
    assert report["files"] == 1 and report["rows"][0]["gold_edits"] == 2
    assert report["rows"][0]["restored"] == 0


def test_the_text_report_names_the_pairs_restored_least(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("restore.evaluate.WORST_MIN_EDITS", 1)
    spun_dir, original_dir = tmp_path / "spun", tmp_path / "original"
    spun_dir.mkdir()
    original_dir.mkdir()
    for name, spun_text in (("good.txt", "It will be fine past times June, in spite of all."),
                            ("bad.txt", "It volition survive fine past times June inwards May.")):
        (spun_dir / name).write_text(spun_text, encoding="utf-8")
        (original_dir / name).write_text("It will be fine by June in May.", encoding="utf-8")

    def restore_fn(text: str, threshold: float | None) -> Restoration:
        subs = [sub(text, "past times", "by")] if "past times" in text else []
        return Restoration(text.replace("past times", "by"), tuple(subs), 0.9)

    report = run_pairs(spun_dir, original_dir, restore_fn)
    counts = {Path(f["spun"]).name: (f["restored"], f["gold_edits"]) for f in report["per_file"]}
    assert counts == {"bad.txt": (1, 4), "good.txt": (1, 2)}
    worst = format_report(report).split("fewest restored")[1].splitlines()[0]
    assert worst.index("bad.txt 1/4") < worst.index("good.txt 1/2")


def test_run_pairs_needs_a_pair(tmp_path: Path):
    (tmp_path / "spun").mkdir()
    (tmp_path / "original").mkdir()
    with pytest.raises(FileNotFoundError):
        run_pairs(tmp_path / "spun", tmp_path / "original", lambda t, c: Restoration(t, (), 0.0))


def test_unspin_evaluate_pairs(tmp_path: Path):
    spun_dir, original_dir = _pairs(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli_main, ["evaluate", "--pairs", str(spun_dir), str(original_dir),
                                      "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["pairs"] and report["rows"][0]["family"] == "pairs"
    assert report["rows"][0]["gold_edits"] == 2
    mixed = runner.invoke(cli_main, ["evaluate", "--pairs", str(spun_dir), str(original_dir),
                                     "--family", "wordnet"])
    assert mixed.exit_code == 2 and "--pairs" in mixed.output


def test_python_m_restore_evaluate_pairs(tmp_path: Path, capsys):
    spun_dir, original_dir = _pairs(tmp_path)
    assert evaluate_main(["--pairs", str(spun_dir), str(original_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"][0]["family"] == "pairs"
    with pytest.raises(SystemExit) as refused:
        evaluate_main(["--pairs", str(spun_dir), str(original_dir), "--encoding", "no-such"])
    assert refused.value.code == 2 and "unknown encoding" in capsys.readouterr().err


# --------------------------------------------------------------------- any two texts

from hypothesis import given, settings, strategies as st  # noqa: E402

WORDS = ["the", "city", "urban", "center", "will", "volition", "be", "survive", "and", "in",
         "addition", "to", "as", "every", "bit", "Mr.", "'tween", "big", "large", "a"]
TEXTS = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", "  ", ", ", ".\n\n",
                                                                    "\r\n", "; "])),
                 max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS)
def test_any_two_texts_align_and_their_edits_restore_them(spun_text: str, original: str):
    alignment = align(spun_text, original)
    previous_end = 0
    for edit in alignment.edits:
        assert spun_text[edit.start:edit.end] == edit.spun
        assert original[edit.orig_start:edit.orig_end] == edit.original
        assert previous_end <= edit.start
        previous_end = edit.end
    # writing every aligned edit's original over it restores them all, rightly
    subs = [Substitution(e.start, e.end, e.spun, e.original, 1.0, "gold") for e in alignment.edits]
    restored, correct = match_aligned(alignment, subs)
    assert all(restored) and all(correct)
