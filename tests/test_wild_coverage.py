"""benchmarks/wild_coverage.py counts, per spinner family, the aligned real swaps
whose original unspin offers for the spun form; its figures are in the README."""

import sys

from conftest import load_benchmark
from restore.channel import WordNetChannel


def test_offered_holds_what_the_channel_and_tables_offer_for_the_whole_form():
    offered = load_benchmark("wild_coverage").offered
    channel = WordNetChannel()
    assert "will" in offered("volition", channel, {})
    assert "by" in offered("past times", channel, {"past times": {"by"}})
    assert "targets" in offered("objectives", channel, {})  # an inflected form
    # a hypernym is no synonym: the channel does not offer "bank"
    assert "bank" not in offered("financial institution", channel, {})
    # only originals of the whole form count, not of a word inside it
    assert "will" not in offered("volition plan", channel, {})


def test_the_table_counts_each_family(tmp_path, capsys, monkeypatch):
    wild = tmp_path / "wild.tsv"
    wild.write_text("spun\toriginal\tcount\tspinner_family\n"
                    "volition\twill\t1\twordnet-style\n"
                    "inwards\tin\t6\twordnet-style\n"
                    "clients\tusers\t1\tspinbot-style paraphrase\n"
                    "usually the\tthe\t1\tlight auto-blog spinner,spinbot-style paraphrase\n",
                    encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["wild_coverage.py", "--wild", str(wild)])
    assert load_benchmark("wild_coverage").main() == 0
    out = capsys.readouterr().out
    assert "wordnet-style | 2 | 2 | 1.00" in out
    assert "spinbot-style paraphrase | 1 | 0 | 0.00" in out
    assert "light auto-blog spinner | 1 | 0 | 0.00" in out  # (the first family named)
    assert "'clients' -> 'users'" in out


def test_a_missing_data_file_is_named(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["wild_coverage.py", "--wild", str(tmp_path / "no.tsv")])
    assert load_benchmark("wild_coverage").main() == 2
    assert "pass --wild PATH" in capsys.readouterr().err
