"""Big inputs are restored chunk by chunk; offsets in the report stay
file-global and the undo gives the original bytes back."""

import hashlib
import io

import restore
from restore.batch import Config, process_file
from restore.batch_report import read_report
from restore.engine import get_restorer
from restore.stream import iter_text_chunks
from restore.undo import undo_report
from restore.walk import Item

SENTENCE = "It volition survive fine past times June, the urban center said. "


def run(path, report, max_chunk):
    config = Config(get_restorer(), write=True, report=str(report), max_chunk=max_chunk)
    return process_file(Item(0, str(path), str(path), str(path)), config)


def check_record(original: bytes, fixed: bytes, record: dict):
    text = original.decode("utf-8")
    assert record["sha256_before"] == hashlib.sha256(original).hexdigest()
    assert record["sha256_after"] == hashlib.sha256(fixed).hexdigest()
    subs = record["substitutions"]
    assert subs and all(text[s["start"]:s["end"]] == s["spun"] for s in subs)
    assert all(a["end"] <= b["start"] for a, b in zip(subs, subs[1:]))
    assert restore.apply_substitutions(text, [restore.Substitution.from_dict(s)
                                              for s in subs]) == fixed.decode("utf-8")


def test_single_long_line_in_chunks(tmp_path):
    original = ("\ufeff" + SENTENCE * 3000).encode()  # ~200 KB, no newline at all
    path, report = tmp_path / "line.txt", tmp_path / "r.jsonl"
    path.write_bytes(original)
    open(report, "wb").close()
    result = run(path, report, max_chunk=8192)
    assert result.status == "changed" and result.substitutions >= 3000
    fixed = path.read_bytes()
    assert fixed.startswith("\ufeffIt will ".encode()) and b"volition" not in fixed
    check_record(original, fixed, read_report(str(report))[0])
    assert [o.status for o in undo_report(str(report))] == ["restored"]
    assert path.read_bytes() == original


def test_paragraphs_and_crlf_in_chunks(tmp_path):
    paragraph = (SENTENCE * 20).strip() + "\r\n\r\n"
    original = (paragraph * 200).encode()
    path, report = tmp_path / "paras.md", tmp_path / "r.jsonl"
    path.write_bytes(original)
    open(report, "wb").close()
    run(path, report, max_chunk=4096)
    fixed = path.read_bytes()
    assert fixed.count(b"\r\n\r\n") == 200 and fixed.count(b"\n") == 400
    check_record(original, fixed, read_report(str(report))[0])
    # chunks were cut at blank lines, so the result is the paragraph-wise fix
    assert fixed == (restore.fix_text(paragraph) * 200).encode()


def test_chunks_join_back_exactly():
    data = ("word " * 10 + "end.\n\n" + "x" * 50 + " é ").encode() * 500
    chunks = list(iter_text_chunks(io.BytesIO(data), "t", max_chars=777))
    assert "".join(chunks).encode() == data and max(map(len, chunks)) <= 777


def test_big_file_to_stdout_is_streamed(tmp_path):
    from click.testing import CliRunner

    from restore.cli import main

    paragraph = (SENTENCE * 40).strip() + "\n\n"
    original = (paragraph * 120).encode()  # > 256 Ki characters: streamed
    path = tmp_path / "big.txt"
    path.write_bytes(original)
    result = CliRunner().invoke(main, ["fix", str(path)])
    assert result.exit_code == 0
    assert result.stdout_bytes == (restore.fix_text(paragraph) * 120).encode()
    path.write_bytes(original + b"\xff tail")
    bad = CliRunner().invoke(main, ["fix", str(path)])
    assert bad.exit_code == 2 and bad.stdout_bytes == b""
    assert f"not valid utf-8 at byte {len(original)}" in bad.stderr
