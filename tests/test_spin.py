"""The spinner simulator: gold edits line up, output is deterministic, behaviour
follows the WordNet-style spinner's description."""

from __future__ import annotations

import collections
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from restore.spin import (
    FUNCTION_WORDS, GoldEdit, SpinResult, is_heldout, load_synsets, read_gold_jsonl,
    spin, spin_phrases, synsets_path,
)
from restore.tokens import is_bare_span, words

REPO = Path(__file__).resolve().parent.parent
CLEAN = sorted((REPO / "corpora" / "clean").glob("*.txt"))
TEXT = (
    "The city council voted on Tuesday night to approve a plan that adds new bus routes "
    "and more trains. There will be two new lines by June, and the firm said it is "
    "sure that some people will be happy. In the end, every member of the board agreed "
    "that the money was well spent and that the next year will be better for the town."
)


def check_alignment(original: str, result: SpinResult) -> None:
    assert result.original_text() == original
    previous = 0
    for edit in result.edits:
        assert edit.start >= previous
        assert result.text[edit.start:edit.end] == edit.spun
        assert original[edit.orig_start:edit.orig_end] == edit.original
        assert edit.spun != edit.original
        previous = edit.end


@pytest.mark.parametrize("family", ["wordnet", "thesaurus", "tortured"])
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_edits_align_with_both_texts(family, seed):
    text = TEXT + " We used artificial intelligence and machine learning on the surface area."
    result = spin(text, family, seed)
    assert result.family == family and result.seed == seed
    check_alignment(text, result)


@pytest.mark.parametrize("family", ["wordnet", "thesaurus", "tortured"])
def test_deterministic_per_seed(family):
    a, b = spin(TEXT * 3, family, 5), spin(TEXT * 3, family, 5)
    assert a == b
    if family != "tortured":
        assert spin(TEXT * 3, family, 6).text != a.text


def test_deterministic_across_processes():
    code = ("from restore.spin import spin; import sys; "
            f"sys.stdout.write(spin({TEXT!r}, seed=11).text)")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": str(h), "PATH": "/usr/bin:/bin"},
                           cwd=REPO).stdout for h in (1, 2)}
    assert outs == {spin(TEXT, seed=11).text}


def test_empty_and_no_words():
    for family in ("wordnet", "thesaurus", "tortured"):
        assert spin("", family).text == ""
        assert spin("  ...  \n", family).edits == ()


def test_errors():
    with pytest.raises(ValueError):
        spin(TEXT, "nonsense")
    with pytest.raises(ValueError):
        spin(TEXT, rate=1.5)
    with pytest.raises(TypeError):
        spin(b"bytes")  # type: ignore[arg-type]


def test_wordnet_rate_is_about_18_percent():
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in CLEAN[:4]) if CLEAN else TEXT * 20
    n = len(words(text))
    changed = [len(spin(text, seed=s).edits) / n for s in (1, 2, 3)]
    for share in changed:
        assert 0.14 <= share <= 0.22, changed


def test_wordnet_only_bare_exact_lemmas():
    wn = load_synsets()
    text = TEXT * 4
    for seed in range(5):
        result = spin(text, seed=seed)
        for edit in result.edits:
            assert is_bare_span(text, edit.orig_start, edit.orig_end), edit
            assert edit.original == "and" or edit.original in wn, edit
            assert not (edit.original[:1].isupper()
                        and edit.original.lower() in FUNCTION_WORDS), edit


def test_wordnet_leaves_punctuated_and_inflected_words():
    text = "Cities, (Reuters has signed. " * 30
    assert spin(text, seed=1, rate=1.0).edits == ()


def test_wordnet_replacement_shares_a_synset_for_hop1():
    wn = load_synsets()
    result = spin(TEXT * 5, seed=2)
    hop1 = [e for e in result.edits if e.kind == "hop1"]
    assert hop1
    for edit in hop1:
        assert any(edit.spun in synset for synset in wn.synsets_of(edit.original)), edit


def test_wordnet_makes_chains_hops_and_the_and_table():
    kinds = collections.Counter()
    ands = set()
    for seed in range(30):
        for edit in spin(TEXT, seed=seed, rate=0.4).edits:
            kinds[edit.kind] += 1
            if edit.kind == "and":
                ands.add(edit.spun)
    assert kinds["hop1"] and kinds["hop2"] and kinds["chain"] and kinds["and"]
    assert ands <= {"in addition to", "as well as"}


def test_chain_example_there():
    # "there" -> "at that place" -> "at that topographic point" must be reachable
    seen = {spin("Cities were there .", seed=s, rate=0.34).text for s in range(400)}
    assert "Cities were at that topographic point ." in seen


def test_thesaurus_single_words_about_10_percent():
    text = TEXT * 10
    result = spin(text, "thesaurus", seed=3)
    assert all(" " not in e.spun and e.kind in ("thesaurus", "thesaurus-inflected")
               for e in result.edits)
    share = len(result.edits) / len(words(text))
    assert 0.06 <= share <= 0.14


def test_thesaurus_inflects_the_synonym_of_an_inflected_word():
    """As the spinners of the wild data do ("targets" -> "objectives", "used" ->
    "utilized"): an inflected word gets a synonym of its lemma with the same
    ending; the gold original is the word as written."""
    from restore.inflection import analyses

    text = ("The engineers inquired about the objectives and reported the costs. "
            "Residents complained, and the planners promised changes to the designs. ") * 20
    result = spin(text, "thesaurus", seed=5)
    check_alignment(text, result)
    inflected = [e for e in result.edits if e.kind == "thesaurus-inflected"]
    assert len(inflected) >= 10
    for edit in inflected:
        endings = {ending for _, ending in analyses(edit.original.lower())}
        assert any(edit.spun.lower().endswith(ending) for ending in endings), edit


def test_tortured_replaces_table_phrases():
    text = "We used artificial intelligence on the surface area of the leaf."
    result = spin(text, "tortured", seed=1)
    originals = {e.original for e in result.edits}
    assert {"artificial intelligence", "surface area"} <= originals
    check_alignment(text, result)
    assert spin(text, "tortured", seed=1, rate=0.0).edits == ()


def test_spin_phrases_uses_every_pair_once():
    pairs = [("counterfeit consciousness", "artificial intelligence"),
             ("surface region", "surface area"), ("loss characteristic", "loss function")]
    docs = spin_phrases(pairs, seed=1, per_doc=2)
    assert len(docs) == 2
    edits = [e for d in docs for e in d.edits]
    assert sorted((e.spun.lower(), e.original.lower()) for e in edits) == sorted(pairs)
    for doc in docs:
        check_alignment(doc.original_text(), doc)
        for edit in doc.edits:
            assert doc.original_text()[edit.orig_start:edit.orig_end] == edit.original
    assert spin_phrases(pairs, seed=1, per_doc=2) == docs


def test_heldout_split_is_about_a_fifth_and_stable():
    names = [f"tortured phrase number {i}" for i in range(5000)]
    share = sum(map(is_heldout, names)) / len(names)
    assert 0.17 < share < 0.23
    assert is_heldout("Surface  Region") == is_heldout("surface region")


def test_gold_jsonl_round_trip():
    result = spin(TEXT, seed=4)
    assert tuple(read_gold_jsonl(result.gold_jsonl())) == result.edits
    edit = GoldEdit(0, 3, "ane", "one", 0, 3, "hop1")
    assert GoldEdit.from_dict(edit.to_dict()) == edit


def test_synsets_file_is_complete_and_licensed():
    with gzip.open(synsets_path(), "rt", encoding="utf-8") as fh:
        head = [next(fh) for _ in range(40)]
    assert any("Princeton University" in line for line in head)
    wn = load_synsets()
    assert len(wn.synsets) == 117659
    assert "at that place" in wn and "December" in wn and "mainland China" in wn
    assert set(wn.pos) == {"n", "v", "a", "s", "r"}


def test_cli_spin_and_evaluate(tmp_path):
    from click.testing import CliRunner

    from restore.cli import main

    source = tmp_path / "a.txt"
    source.write_text(TEXT + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    runner = CliRunner()
    result = runner.invoke(main, ["spin", str(source), "--seed", "3", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    expected = spin(TEXT + "\n", "wordnet", 3)
    assert result.output == expected.text
    assert tuple(read_gold_jsonl(gold.read_text(encoding="utf-8"))) == expected.edits
    result = runner.invoke(main, ["spin", "-", "--family", "thesaurus"], input=TEXT)
    assert result.exit_code == 0 and result.output == spin(TEXT, "thesaurus", 0).text
    result = runner.invoke(main, ["spin", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    result = runner.invoke(main, ["evaluate", "--corpus", str(tmp_path), "--family", "wordnet",
                                  "--seeds", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert '"family": "wordnet"' in result.output
