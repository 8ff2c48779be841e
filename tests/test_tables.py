import pytest

from restore.tables import BUILTIN_FAMILIES, TableError, load_rows, parse_table

HEADER = "spun\toriginal\tprior\tfamily\tnote\n"


def test_parse_table_reads_rows_and_skips_comments():
    rows = parse_table("# comment\n" + HEADER + "urban  amount\tcity\t0.9\tmine\tseen\n", "t")
    assert [(r.spun, r.original, r.prior, r.family, r.note, r.rule) for r in rows] == [
        ("urban amount", "city", 0.9, "mine", "seen", "t:3")]


@pytest.mark.parametrize("content, message", [
    ("spun\toriginal\n", "header"),
    (HEADER + "a\tb\n", "5 tab-separated columns"),
    (HEADER + "a\tb\tlots\tf\t\n", "not a number"),
    (HEADER + "a\tb\t1.5\tf\t\n", r"not in \(0, 1\]"),
    (HEADER + "\tb\t0.5\tf\t\n", "empty spun"),
    ("", "no header"),
])
def test_bad_tables_name_file_and_line(content, message):
    with pytest.raises(TableError, match=message):
        parse_table(content, "bad.tsv")


def test_builtin_tables_ship_and_parse():
    for family in BUILTIN_FAMILIES:
        rows = load_rows([family])
        assert len(rows) > 1000
        assert {r.family for r in rows} == {family}
        assert all(0 < r.prior <= 1 for r in rows)


def test_user_wordlist_adds_a_family(tmp_path):
    table = tmp_path / "mine.tsv"
    table.write_text(HEADER + "zorblat\tchair\t0.9\tmine\t\n", encoding="utf-8")
    rows = load_rows(["mine"], [table])
    assert [(r.spun, r.original) for r in rows] == [("zorblat", "chair")]


def test_unknown_family_is_an_error_with_a_suggestion():
    with pytest.raises(TableError, match="did you mean 'wordnet_spinner'"):
        load_rows(["wordnet_spiner"])


def test_missing_wordlist_is_a_clear_error(tmp_path):
    with pytest.raises(TableError, match="cannot read wordlist"):
        load_rows(None, [tmp_path / "absent.tsv"])


def test_wordnet_table_rows_show_what_the_spinner_writes_and_weigh_names_as_written():
    rows = {(r.spun, r.original): r.prior for r in load_rows()
            if r.family == "wordnet_spinner"}
    # from "New" (New York) the spinner writes "Modern" (WordNet's {New, Modern}), so the
    # row says so, and a capitalised "Modern" in mid-sentence is not ruled out
    assert ("Modern", "New") in rows and ("modern", "New") not in rows
    assert ("Mar", "March") in rows and ("Wed", "Wednesday") in rows
    # a name is as common as the language model has it, not as the lower-case bigram
    # list does ("united states" 2.5e-6, which gave the author's "United States" 0.70)
    assert rows[("United States", "America")] < 0.1
    # names the spinner writes that nobody else does stay near certain
    assert rows[("High German", "German")] >= 0.9
    assert rows[("mainland People's Republic of China", "China")] >= 0.9
