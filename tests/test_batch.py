"""Folders: unspin fix PATH... with --output-dir / --in-place / --check / --diff /
--report, and unspin undo."""

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import restore
from click.testing import CliRunner

from restore.batch_report import read_report
from restore.cli import main

REPO = Path(__file__).resolve().parent.parent
SPUN = "It volition survive fine past times June.\n"
# what the engine makes of it (computed, so that tuning the tables does not
# break these tests; "volition" -> "will" at least is asserted below)
FIXED = restore.fix_text(SPUN)
CLEAN = "We walked by the river in June and it was fine.\n"


@pytest.fixture
def runner():
    return CliRunner()


def make_tree(root):
    """A small mixed folder; returns {relative path: original bytes}."""
    files = {
        "a.txt": SPUN.encode(),
        "crlf.txt": SPUN.replace("\n", "\r\n").encode(),
        "sub/bom.md": ("\ufeff" + SPUN + "No newline at the end: volition").encode(),
        "sub/deeper/clean.rst": CLEAN.encode(),
        "sub/notes.py": b"# volition stays: not an included file\n",
        "image.txt": b"\x89PNG\x00\x00volition",
        "legacy.txt": "It volition \xe9t\xe9 fine.\n".encode("latin-1"),
        "empty.md": b"",
    }
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_folder_needs_an_output_option(runner, tmp_path):
    make_tree(tmp_path / "in")
    result = runner.invoke(main, ["fix", str(tmp_path / "in")])
    assert result.exit_code == 2
    assert "--output-dir" in result.stderr and "--in-place" in result.stderr
    both = runner.invoke(main, ["fix", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                                "--in-place"])
    assert both.exit_code == 2 and "cannot be used together" in both.stderr
    assert not (tmp_path / "out").exists()


def test_output_dir_mirrors_the_tree_and_keeps_bytes(runner, tmp_path):
    original = make_tree(tmp_path / "in")
    out = tmp_path / "out"
    result = runner.invoke(main, ["fix", str(tmp_path / "in"), "-o", str(out), "-j", "2"])
    assert result.exit_code == 0, result.stderr
    assert snapshot(tmp_path / "in") == original  # inputs untouched
    assert FIXED.startswith("It will ")
    written = snapshot(out)
    assert set(written) == {"a.txt", "crlf.txt", "sub/bom.md", "sub/deeper/clean.rst",
                            "empty.md"}  # *.py not included, binary/legacy skipped
    assert written["a.txt"] == FIXED.encode()
    assert written["crlf.txt"] == FIXED.replace("\n", "\r\n").encode()
    assert written["sub/bom.md"] == restore.fix_text(original["sub/bom.md"].decode()).encode()
    assert written["sub/bom.md"].startswith("\ufeffIt will ".encode())
    assert not written["sub/bom.md"].endswith(b"\n")
    assert written["sub/deeper/clean.rst"] == CLEAN.encode()
    assert written["empty.md"] == b""
    assert "binary file" in result.stderr and "not valid utf-8" in result.stderr
    assert "7 files seen, 3 changed, 2 skipped, 0 failed" in result.stderr
    assert "MB/s" in result.stderr


def test_report_and_undo_in_place(runner, tmp_path):
    root = tmp_path / "in"
    original = make_tree(root)
    os.chmod(root / "a.txt", 0o640)
    report = tmp_path / "changes.jsonl"
    result = runner.invoke(main, ["fix", str(root), "--in-place", "--report", str(report)])
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(os.stat(root / "a.txt").st_mode) == 0o640
    after = snapshot(root)
    assert after["a.txt"] == FIXED.encode() and after["sub/notes.py"] == original["sub/notes.py"]
    assert after["image.txt"] == original["image.txt"]
    assert after["legacy.txt"] == original["legacy.txt"]
    records = {os.path.relpath(r["path"], root): r for r in read_report(report)}
    assert set(records) == {"a.txt", "crlf.txt", "sub/bom.md", "sub/deeper/clean.rst",
                            "image.txt", "legacy.txt", "empty.md"}
    for rel, record in records.items():
        if record["status"] == "skipped":
            assert record["error"] and after[rel] == original[rel]
            continue
        assert record["sha256_before"] == hashlib.sha256(original[rel]).hexdigest()
        assert record["sha256_after"] == hashlib.sha256(after[rel]).hexdigest()
        text = original[rel].decode("utf-8")
        # the score fix_and_explain gives the whole file (one chunk here)
        assert record["spin_score"] == restore.fix_and_explain(text).spin_score
        for sub in record["substitutions"]:
            assert text[sub["start"]:sub["end"]] == sub["spun"]
            assert 0 <= sub["confidence"] <= 1 and sub["rule"]
    assert records["a.txt"]["status"] == "changed" and records["a.txt"]["spin_score"] > 0.5
    assert records["sub/deeper/clean.rst"]["status"] == "unchanged"
    assert records["image.txt"]["status"] == "skipped"

    # running again on the fixed folder changes nothing
    again = runner.invoke(main, ["fix", str(root), "--check"])
    assert again.exit_code == 0 and "0 would change" in again.stderr
    mtimes = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    runner.invoke(main, ["fix", str(root), "--in-place"])
    assert snapshot(root) == after
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == mtimes  # not even rewritten

    # a file edited since the fix is refused; the others come back exactly
    (root / "crlf.txt").write_bytes(b"edited by hand\r\n")
    undo = runner.invoke(main, ["undo", str(report)])
    assert undo.exit_code == 1
    assert "crlf.txt: changed since" in undo.stderr
    restored = snapshot(root)
    assert restored["crlf.txt"] == b"edited by hand\r\n"
    assert {k: v for k, v in restored.items() if k != "crlf.txt"} == \
        {k: v for k, v in original.items() if k != "crlf.txt"}
    assert stat.S_IMODE(os.stat(root / "a.txt").st_mode) == 0o640
    twice = runner.invoke(main, ["undo", str(report)])
    assert "already original" in twice.stderr


def test_check_and_diff_change_nothing(runner, tmp_path):
    root = tmp_path / "in"
    original = make_tree(root)
    check = runner.invoke(main, ["fix", "--check", str(root)])
    assert check.exit_code == 1
    assert "would fix" in check.stderr and check.stdout == ""
    diff = runner.invoke(main, ["fix", "--diff", str(root / "a.txt"), str(root / "crlf.txt")])
    assert diff.exit_code == 0
    assert f"-{SPUN}" in diff.stdout and f"+{FIXED}" in diff.stdout
    assert ("+" + FIXED.replace("\n", "\r\n")).encode() in diff.stdout_bytes  # CRLF kept
    assert snapshot(root) == original
    clean = runner.invoke(main, ["fix", "--check", str(root / "sub/deeper/clean.rst")])
    assert clean.exit_code == 0


def test_include_and_exclude(runner, tmp_path):
    root = tmp_path / "in"
    make_tree(root)
    report = tmp_path / "r.jsonl"
    runner.invoke(main, ["fix", str(root), "--check", "--report", str(report),
                         "--include", "*.py", "--include", "*.md", "--exclude", "sub/deeper"])
    seen = sorted(os.path.relpath(r["path"], root) for r in read_report(report))
    assert seen == ["empty.md", "sub/bom.md", "sub/notes.py"]
    help_text = runner.invoke(main, ["fix", "--help"]).stdout
    assert "*.txt, *.md, *.text, *.rst, *.markdown" in help_text


def test_symlinks_are_not_followed_out_of_the_tree(runner, tmp_path):
    root = tmp_path / "in"
    make_tree(root)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(SPUN.encode())
    (root / "link.txt").symlink_to(outside)
    (root / "linkdir").symlink_to(tmp_path, target_is_directory=True)
    result = runner.invoke(main, ["fix", str(root), "--in-place"])
    assert result.exit_code == 0, result.stderr
    assert outside.read_bytes() == SPUN.encode()
    assert (root / "link.txt").is_symlink()
    assert "symlink to a file outside the tree" in result.stderr
    assert "symlinked folder, not followed" in result.stderr


def test_jobs_give_the_same_bytes(runner, tmp_path):
    root = tmp_path / "in"
    for i in range(12):
        (root / f"d{i % 3}").mkdir(parents=True, exist_ok=True)
        (root / f"d{i % 3}" / f"f{i}.txt").write_bytes((SPUN * (i + 1)).encode())
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = runner.invoke(main, ["fix", str(root), "-o", str(out), "-j", jobs])
        assert result.exit_code == 0, result.stderr
        outs.append(snapshot(out))
    assert outs[0] == outs[1] and len(outs[0]) == 12
    for i in range(12):
        expected = restore.fix_text(SPUN * (i + 1)).encode()
        assert outs[0][f"d{i % 3}/f{i}.txt"] == expected


def test_single_file_options(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SPUN.encode())
    check = runner.invoke(main, ["fix", "--check", str(path)])
    assert check.exit_code == 1 and path.read_bytes() == SPUN.encode()
    inplace = runner.invoke(main, ["fix", "--in-place", str(path)])
    assert inplace.exit_code == 0 and path.read_bytes() == FIXED.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temp file left
    stdin = runner.invoke(main, ["fix", "--in-place", "-"], input=SPUN)
    assert stdin.exit_code == 2


def test_report_lines_are_json_objects(runner, tmp_path):
    root = tmp_path / "in"
    make_tree(root)
    report = tmp_path / "r.jsonl"
    runner.invoke(main, ["fix", str(root), "-o", str(tmp_path / "o"), "--report", str(report)])
    lines = report.read_bytes().splitlines()
    assert len(lines) == 7
    for line in lines:
        record = json.loads(line)
        assert {"path", "status", "error"} <= set(record)


def test_legacy_encoding_in_a_folder(runner, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    legacy = ("Caf\xe9. " + SPUN.replace("\n", "\r\n")).encode("latin-1")
    (root / "old.txt").write_bytes(legacy)
    report = tmp_path / "r.jsonl"
    result = runner.invoke(main, ["fix", str(root), "--in-place", "--encoding", "latin-1",
                                  "--report", str(report)])
    assert result.exit_code == 0, result.stderr
    fixed = (root / "old.txt").read_bytes()
    assert fixed.startswith(b"Caf\xe9. It will ") and fixed.endswith(b"\r\n")
    assert read_report(report)[0]["encoding"] == "iso8859-1"
    assert runner.invoke(main, ["undo", str(report)]).exit_code == 0
    assert (root / "old.txt").read_bytes() == legacy


def test_output_dir_inside_the_input_is_not_walked(runner, tmp_path):
    root = tmp_path / "in"
    make_tree(root)
    out = root / "fixed"
    for _ in range(2):
        result = runner.invoke(main, ["fix", str(root), "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        assert "7 files seen" in result.stderr
    assert not (out / "fixed").exists()
    same = runner.invoke(main, ["fix", str(root), "-o", str(root)])
    assert same.exit_code == 2 and "--in-place" in same.stderr


def test_several_arguments_go_under_their_own_names(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_bytes(SPUN.encode())
    (tmp_path / "y.txt").write_bytes(SPUN.encode())
    out = tmp_path / "out"
    command = [sys.executable, "-m", "restore", "fix", str(tmp_path / "a"), str(tmp_path / "b"),
               str(tmp_path / "y.txt"), "-o", str(out), "-j", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert snapshot(out) == {"a/x.txt": FIXED.encode(), "b/x.txt": FIXED.encode(),
                             "y.txt": FIXED.encode()}


def test_two_files_with_one_output_path_is_a_usage_error(runner, tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_bytes(SPUN.encode())
    result = runner.invoke(main, ["fix", str(tmp_path / "a" / "x.txt"),
                                  str(tmp_path / "b" / "x.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "another input already goes to" in result.stderr
    assert not (tmp_path / "out").exists()
