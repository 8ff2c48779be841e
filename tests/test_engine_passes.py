"""Later passes worked out around what the pass before changed give what
whole passes give (see Restorer._decide_near_changes)."""

from __future__ import annotations

from pathlib import Path

from restore.engine import Restorer

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def _mixed_text() -> str:
    """Spun articles between clean ones (about 60 KB): the evidence of the
    spun stretches is local there, not the whole text's."""
    spun = sorted((CORPORA / "spun" / "wordnet").glob("seed2/*.txt"))[:6]
    clean = sorted((CORPORA / "clean").glob("*.txt"))[:6]
    return "\n\n".join(path.read_text("utf-8") for pair in zip(spun, clean) for path in pair)


def test_passes_near_the_changes_give_the_whole_passes_result(monkeypatch):
    text = _mixed_text()
    whole = Restorer()
    whole._local_passes = False
    local = Restorer()
    assert local._local_passes
    compared = []
    decide_near = Restorer._decide_near_changes

    def checked(self, current, written, changed, evidence, cut):
        found = decide_near(self, current, written, changed, evidence, cut)
        if changed:  # each pass worked out near the changes finds what the whole pass finds
            everything, _ = self._decide(current, self._candidates_near(current, written, evidence),
                                         evidence, cut)
            assert found == everything
            compared.append(bool(found))
        return found

    monkeypatch.setattr(Restorer, "_decide_near_changes", checked)
    got = local.restore(text)
    assert any(compared)  # the shortcut was taken, and found something
    assert got == whole.restore(text)


def test_thorough_and_other_scorers_take_whole_passes(tmp_path):
    assert not Restorer(thorough=True)._local_passes
    wordlist = tmp_path / "mine.tsv"
    wordlist.write_text("spun\toriginal\tprior\tfamily\tnote\n"
                        "zorblat chair\tchair\t0.99\tmine\ttest\n", encoding="utf-8")
    assert not Restorer(wordlists=[wordlist])._local_passes

    class Scorer:
        def score(self, text, candidates, evidence=None):
            return []

    assert not Restorer(scorer=Scorer())._local_passes


def test_long_words_are_found_where_the_text_changed():
    from restore.engine import LOCAL_MAX_WORD_CHARS, _has_long_word

    long_word = "x" * LOCAL_MAX_WORD_CHARS
    assert _has_long_word(f"a {long_word} b") and not _has_long_word(f"a {long_word[1:]} b")
    text = "a " + "y" * 60 + "z" * 60 + " b"  # "z" * 60 just written after 60 "y"
    assert _has_long_word(text, [(62, 122)])
    assert not _has_long_word(text.replace("z" * 60, " " * 60), [(62, 122)])
