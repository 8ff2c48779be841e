import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import restore
from restore.cli import main

SPUN = "It volition survive fine past times June.\n"
FIXED = "It will be fine by June.\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(SPUN.encode())
    return path


def test_fix_file_to_stdout(runner, article):
    result = runner.invoke(main, ["fix", str(article)])
    assert result.exit_code == 0
    assert result.stdout == FIXED
    assert article.read_bytes() == SPUN.encode()  # the file itself is untouched


def test_fix_stdin(runner):
    result = runner.invoke(main, ["fix", "-"], input=SPUN)
    assert result.exit_code == 0 and result.stdout == FIXED


def test_piped_text_needs_no_dash(runner):
    fixed = runner.invoke(main, ["fix"], input=SPUN)
    assert fixed.exit_code == 0 and fixed.stdout == FIXED
    checked = runner.invoke(main, ["check"], input=SPUN)
    assert checked.exit_code == 1 and checked.stdout.startswith("<stdin>: spin score")


def test_no_paths_at_a_terminal_is_a_usage_error(runner, monkeypatch):
    monkeypatch.setattr("restore.cli._stdin_is_terminal", lambda: True)
    result = runner.invoke(main, ["fix"])
    assert result.exit_code == 2
    assert "give files or folders, or - to read stdin" in result.stderr


def test_explain_goes_to_stderr(runner, article):
    result = runner.invoke(main, ["fix", "--explain", str(article)])
    assert result.exit_code == 0
    assert result.stdout == FIXED
    assert "'volition' -> 'will'" in result.stderr
    assert "1:4" in result.stderr and "confidence" in result.stderr and "rule" in result.stderr


def test_json_format(runner, article):
    result = runner.invoke(main, ["fix", "--format", "json", str(article)])
    data = json.loads(result.stdout)
    assert data["text"] == FIXED
    assert data["spin_score"] > 0.5
    assert [s["spun"] for s in data["substitutions"]] == ["volition", "survive", "past times"]
    assert all(SPUN[s["start"]:s["end"]] == s["spun"] for s in data["substitutions"])


def test_check_exit_status(runner, article, tmp_path):
    spun = runner.invoke(main, ["check", str(article)])
    assert spun.exit_code == 1 and "spun" in spun.stdout
    clean = tmp_path / "clean.txt"
    clean.write_text("We walked by the river in June and it was fine.\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(clean)])
    assert result.exit_code == 0 and "not spun" in result.stdout


def _checked_folder(tmp_path):
    folder = tmp_path / "scraped"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_spun.txt").write_bytes(SPUN.encode())
    (folder / "b_binary.txt").write_bytes(b"\x00\x01PNG")
    (folder / "c_clean.txt").write_text("We walked by the river in June and it was fine.\n",
                                        encoding="utf-8")
    (folder / "sub" / "d_latin.txt").write_bytes(b"caf\xe9 volition survive\n")
    (folder / "skipped.py").write_text("x = 1\n", encoding="utf-8")  # not *.txt
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_walks_a_folder_and_goes_on_past_bad_files(runner, tmp_path, jobs):
    folder = _checked_folder(tmp_path)
    result = runner.invoke(main, ["check", "-j", jobs, str(folder)])
    lines = result.stdout.splitlines()
    # in the walk's order whatever the workers' order, one line per readable file
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in lines] == [
        "a_spun.txt", "c_clean.txt"]
    assert "(spun)" in lines[0] and "(not spun)" in lines[1]
    assert "b_binary.txt: binary file" in result.stderr
    assert "d_latin.txt: not valid utf-8" in result.stderr
    assert "4 files, 1 spun, 2 could not be read" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.exit_code == 2  # a file could not be read: 2 wins over 1


def test_check_folder_json_has_a_line_per_file(runner, tmp_path):
    folder = _checked_folder(tmp_path)
    result = runner.invoke(main, ["check", "--format", "json", "--exclude", "sub",
                                  "--exclude", "b_*", str(folder)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["path"]).name for r in records] == ["a_spun.txt", "c_clean.txt"]
    assert [r["spun"] for r in records] == [True, False]
    assert result.exit_code == 1  # all read, one spun
    only_bad = runner.invoke(main, ["check", "--format", "json", "--include", "*latin*",
                                    str(folder)])
    (record,) = [json.loads(line) for line in only_bad.stdout.splitlines()]
    assert "not valid utf-8" in record["error"] and only_bad.exit_code == 2


def test_check_of_clean_files_only_is_status_0(runner, tmp_path):
    folder = _checked_folder(tmp_path)
    result = runner.invoke(main, ["check", str(folder / "c_clean.txt"), str(folder / "skipped.py")])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2  # files named are always taken


def test_check_counts_substitutions_only_when_asked(runner, tmp_path):
    folder = _checked_folder(tmp_path)
    spun = str(folder / "a_spun.txt")
    plain = runner.invoke(main, ["check", "--format", "json", spun])
    assert json.loads(plain.stdout) == {"path": spun, "spin_score": json.loads(plain.stdout)[
        "spin_score"], "spun": True}  # no "substitutions": nothing was restored
    counted = runner.invoke(main, ["check", "--count", "--format", "json", spun])
    record = json.loads(counted.stdout)
    assert record["substitutions"] == 3 and record["spin_score"] == json.loads(
        plain.stdout)["spin_score"]
    text = runner.invoke(main, ["check", "--count", "-j", "2", str(folder), "--exclude", "sub"])
    assert "a_spun.txt: spin score" in text.stdout and "3 substitution(s) would be made" \
        in text.stdout
    piped = runner.invoke(main, ["check", "--count"], input=SPUN)
    assert piped.exit_code == 1 and "3 substitution(s)" in piped.stdout


def test_check_of_a_folder_without_matching_files_says_so(runner, tmp_path):
    (tmp_path / "notes.py").write_text("x = 1\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "0 files, 0 spun, 0 could not be read" in result.stderr


def test_check_stdin_only_alone_and_missing_files_are_usage_errors(runner, article, tmp_path):
    mixed = runner.invoke(main, ["check", "-", str(article)], input=SPUN)
    assert mixed.exit_code == 2 and "works only alone" in mixed.stderr
    missing = runner.invoke(main, ["check", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_invalid_utf8_is_a_one_line_error(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"It volition survive fine past times June. \xe9t\xe9\n")
    result = runner.invoke(main, ["fix", str(bad)])
    assert result.exit_code == 2
    assert "bad.txt: not valid utf-8 at byte 42" in result.stderr
    assert "--encoding" in result.stderr and "Traceback" not in result.stderr
    legacy = runner.invoke(main, ["fix", "--encoding", "latin-1", str(bad)])
    assert legacy.exit_code == 0
    assert legacy.stdout_bytes == b"It will be fine by June. \xe9t\xe9\n"


def test_invalid_utf8_on_stdin(runner):
    result = runner.invoke(main, ["fix", "-"], input=b"ok \xff\n")
    assert result.exit_code == 2 and "<stdin>: not valid utf-8 at byte 3" in result.stderr


def test_binary_file_is_refused(runner, tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = runner.invoke(main, ["fix", str(binary)])
    assert result.exit_code == 2 and "binary file" in result.stderr


@pytest.mark.parametrize("wide", ["utf-16", "utf-32"])
def test_utf16_and_utf32_text_is_told_its_encoding_and_read_with_it(runner, tmp_path, wide):
    path = tmp_path / "wide.txt"
    path.write_bytes(SPUN.encode(wide))
    plain = tmp_path / "plain.txt"
    plain.write_bytes(SPUN.encode())
    for command in (["fix", str(path)], ["fix", "-"], ["check", str(path), str(plain)]):
        result = runner.invoke(main, command, input=SPUN.encode(wide))
        assert result.exit_code == 2 and "Traceback" not in result.stderr
        assert f"looks like {wide.upper()} text (byte-order mark); pass --encoding {wide}" \
            in result.stderr
    read = runner.invoke(main, ["fix", "--encoding", wide, str(path)])
    assert read.exit_code == 0 and read.stdout_bytes == FIXED.encode(wide)
    # in a folder too: the message, and the batch goes on
    batch = runner.invoke(main, ["fix", "--check", str(tmp_path)])
    assert "pass --encoding" in batch.stderr and "would fix" in batch.stderr


def test_empty_input_gives_empty_output(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["fix", str(empty)])
    assert result.exit_code == 0 and result.stdout_bytes == b""


def test_bom_and_crlf_survive(runner, tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffIt volition survive fine past times June.\r\nOk.\r\n".encode())
    result = runner.invoke(main, ["fix", str(path)])
    assert result.stdout_bytes == "\ufeffIt will be fine by June.\r\nOk.\r\n".encode()


def test_directory_points_to_folder_options(runner, tmp_path):
    result = runner.invoke(main, ["fix", str(tmp_path)])
    assert result.exit_code == 2
    assert "--output-dir" in result.stderr and "--in-place" in result.stderr


def test_missing_file_and_bad_family(runner, tmp_path, article):
    missing = runner.invoke(main, ["fix", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    family = runner.invoke(main, ["fix", "--family", "wordnet_spiner", str(article)])
    assert family.exit_code == 2 and "did you mean 'wordnet_spinner'" in family.stderr


def test_threshold_and_family_options(runner, article):
    result = runner.invoke(main, ["fix", "--threshold", "1.0", str(article)])
    assert result.stdout == SPUN
    result = runner.invoke(main, ["fix", "--family", "tortured_phrases", str(article)])
    assert result.stdout == SPUN


def test_installed_console_script_runs_from_another_directory(tmp_path, article):
    """CI installs the checkout (not editable) into a fresh venv; the console
    script must work from elsewhere, with the tables inside the package."""
    script = Path(sys.executable).with_name("unspin")
    assert script.exists(), "install the package first (see README): no unspin script"
    package_dir = Path(restore.__file__).resolve().parent
    assert (package_dir / "cli.py").exists()
    assert (package_dir / "py.typed").exists()  # type hints for users' checkers (PEP 561)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(script), "fix", str(article)], cwd=tmp_path,
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode() == FIXED
    where = subprocess.run([str(script), "tables"], cwd=tmp_path, capture_output=True,
                           env=env, timeout=120, text=True)
    assert "wordnet_spinner" in where.stdout and "tortured_phrases" in where.stdout
    # the evaluation needs no checkout either: the clean prose ships with the package
    evaluated = subprocess.run([str(script), "evaluate", "--family", "wordnet", "--seeds", "1",
                                "--limit", "1"], cwd=tmp_path, capture_output=True, env=env,
                               timeout=300, text=True)
    assert evaluated.returncode == 0, evaluated.stderr
    assert evaluated.stdout.count("\nwordnet | 1 |") == 1


def test_thorough_flag(runner, article):
    result = runner.invoke(main, ["fix", "--thorough", str(article)])
    assert result.exit_code == 0 and result.stdout == FIXED
    checked = runner.invoke(main, ["check", "--thorough", str(article)])
    assert checked.exit_code == 1
