"""Fault injection: whatever goes wrong, every file is either its old bytes or
its new bytes, the batch goes on, and the report says what happened.

Faults inside worker processes are injected by monkeypatching before the
pool starts: the pool forks, so the workers inherit the patch.
"""

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import restore
import restore.batch
import restore.cli
import restore.safe_write
from restore.batch_report import read_report
from restore.cli import main

REPO = Path(__file__).resolve().parent.parent
SPUN = "It volition survive fine past times June. The urban center is well-nigh empty.\n"


def make_folder(root: Path, count: int = 8, repeat: int = 1) -> dict[str, bytes]:
    files = {}
    for i in range(count):
        rel = f"part{i % 2}/f{i}.txt"
        data = (f"File {i}. " + SPUN * repeat).encode()
        if i % 3 == 0:
            data = data.replace(b"\n", b"\r\n")
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        files[rel] = data
    return files


def expected_fixed(data: bytes) -> bytes:
    return restore.fix_text(data.decode("utf-8")).encode("utf-8")


def assert_whole(root: Path, originals: dict[str, bytes], report: Path | None = None):
    """Every file is fully old or fully new; the report agrees with the bytes."""
    records = {}
    if report is not None and report.exists():
        for record in read_report(str(report)):
            if record.get("written"):
                records[os.path.relpath(record["written"], root)] = record
    states = {}
    for rel, before in originals.items():
        now = (root / rel).read_bytes()
        assert now in (before, expected_fixed(before)), rel
        states[rel] = "old" if now == before else "new"
        if states[rel] == "new" and report is not None:
            # a rewritten file always has its record (appended before the replace)
            assert records[rel]["sha256_after"] == hashlib.sha256(now).hexdigest()
            assert records[rel]["sha256_before"] == hashlib.sha256(before).hexdigest()
    return states


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(restore.safe_write.TEMP_SUFFIX)]


def test_worker_dying_is_a_failed_file_and_the_batch_goes_on(tmp_path, monkeypatch):
    root = tmp_path / "in"
    originals = make_folder(root)
    report = tmp_path / "r.jsonl"
    monkeypatch.setenv(restore.batch.CRASH_HOOK_ENV, "f3.txt")
    result = CliRunner().invoke(main, ["fix", str(root), "--in-place", "-j", "2",
                                       "--report", str(report)])
    assert result.exit_code == 1
    assert "f3.txt: worker process died" in result.stderr
    assert "8 files seen, 7 changed, 0 skipped, 1 failed" in result.stderr
    states = assert_whole(root, originals, report)
    assert states.pop("part1/f3.txt") == "old"
    assert set(states.values()) == {"new"}
    failed = [r for r in read_report(str(report)) if r["status"] == "failed"]
    assert [Path(r["path"]).name for r in failed] == ["f3.txt"]


def test_disk_full_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    root = tmp_path / "in"
    originals = make_folder(root)
    real_write_all = restore.safe_write.write_all

    def full_disk(fd, data):
        if ".f5.txt." in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write_all(fd, data)

    monkeypatch.setattr(restore.safe_write, "write_all", full_disk)
    report = tmp_path / "r.jsonl"
    result = CliRunner().invoke(main, ["fix", str(root), "--in-place", "-j", "2",
                                       "--report", str(report)])
    assert result.exit_code == 1
    assert "f5.txt: cannot write (No space left on device); file left as it was" in result.stderr
    states = assert_whole(root, originals, report)
    assert states["part1/f5.txt"] == "old" and list(states.values()).count("new") == 7
    assert temp_files(root) == []


def test_fsync_failure_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(SPUN.encode())

    def failing_fsync(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    result = CliRunner().invoke(main, ["fix", str(path), "--in-place"])
    assert result.exit_code == 1 and "Input/output error" in result.stderr
    assert path.read_bytes() == SPUN.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_an_interrupt_just_after_the_temporary_file_is_made_leaves_no_trace(tmp_path,
                                                                             monkeypatch):
    """Ctrl-C may land between the making of the temporary file and the moment
    its name is kept (tempfile.mkstemp had just returned; CI once found such a
    file after an interrupted folder run): the file is still removed."""
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    real_open = os.open

    def interrupted_open(path, flags, mode=0o777, **kwargs):
        fd = real_open(path, flags, mode, **kwargs)
        if str(path).endswith(restore.safe_write.TEMP_SUFFIX):
            os.close(fd)
            raise KeyboardInterrupt
        return fd

    monkeypatch.setattr(os, "open", interrupted_open)
    with pytest.raises(KeyboardInterrupt):
        restore.safe_write.atomic_write_bytes(target, b"new")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert target.read_bytes() == b"old"


def test_unreadable_file(tmp_path, monkeypatch):
    root = tmp_path / "in"
    originals = make_folder(root)
    locked = root / "part0" / "f2.txt"
    os.chmod(locked, 0)
    if os.geteuid() == 0:
        # root reads a chmod 000 file anyway: make the read fail the way it
        # would for a normal user, through the reader seam of the worker
        real_open = restore.batch.open_for_reading

        def refuse(path):
            if os.path.basename(path) == "f2.txt":
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
            return real_open(path)

        monkeypatch.setattr(restore.batch, "open_for_reading", refuse)
    try:
        result = CliRunner().invoke(main, ["fix", str(root), "-o", str(tmp_path / "out"),
                                           "-j", "2"])
    finally:
        os.chmod(locked, 0o644)
    assert result.exit_code == 1
    assert "f2.txt: permission denied" in result.stderr
    assert "8 files seen, 7 changed, 0 skipped, 1 failed" in result.stderr
    assert not (tmp_path / "out" / "part0" / "f2.txt").exists()
    assert (root / "part0" / "f2.txt").read_bytes() == originals["part0/f2.txt"]


def test_file_removed_during_the_run(tmp_path, monkeypatch):
    root = tmp_path / "in"
    originals = make_folder(root)
    real_discover = restore.cli.discover

    def discover_then_delete(*args, **kwargs):
        items = real_discover(*args, **kwargs)
        (root / "part1" / "f1.txt").unlink()  # gone after the walk, before its turn
        return items

    monkeypatch.setattr(restore.cli, "discover", discover_then_delete)
    report = tmp_path / "r.jsonl"
    result = CliRunner().invoke(main, ["fix", str(root), "--in-place", "-j", "2",
                                       "--report", str(report)])
    assert result.exit_code == 1
    assert "f1.txt: no such file (removed during the run?)" in result.stderr
    del originals["part1/f1.txt"]
    states = assert_whole(root, originals, report)
    assert set(states.values()) == {"new"}
    assert not (root / "part1" / "f1.txt").exists()


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT])
def test_killed_mid_run_leaves_every_file_whole(tmp_path, signum):
    root = tmp_path / "in"
    originals = make_folder(root, count=300, repeat=40)
    report = tmp_path / "r.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "restore", "fix", str(root), "--in-place", "-j", "2",
               "--report", str(report)]
    process = subprocess.Popen(command, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if report.exists() and report.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be interrupted"
    os.killpg(process.pid, signum)  # the command and its workers
    process.communicate(timeout=60)
    time.sleep(0.2)
    states = assert_whole(root, originals, report)
    assert "new" in states.values() and "old" in states.values()
    # the report is enough to put everything back
    undo = CliRunner().invoke(main, ["undo", str(report)])
    assert undo.exit_code == 0, undo.stderr
    assert {rel: (root / rel).read_bytes() for rel in originals} == originals
    if signum == signal.SIGINT:
        assert temp_files(root) == []


def test_file_edited_during_the_run_keeps_the_edit(tmp_path, monkeypatch):
    root = tmp_path / "in"
    originals = make_folder(root, count=4)
    real_open = restore.batch.open_for_reading

    class EditedWhileRead:
        """The file object of the worker; someone saves the file after the
        worker has read it and before it writes the result."""

        def __init__(self, path):
            self.path, self.handle = path, real_open(path)

        def read(self, size=-1):
            data = self.handle.read(size)
            if not data:
                with open(self.path, "ab") as editor:
                    editor.write(b"A line typed by a human.\n")
            return data

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    def open_then_edit(path):
        return EditedWhileRead(path) if os.path.basename(path) == "f2.txt" else real_open(path)

    monkeypatch.setattr(restore.batch, "open_for_reading", open_then_edit)
    result = CliRunner().invoke(main, ["fix", str(root), "--in-place", "-j", "2"])
    assert result.exit_code == 1
    assert "f2.txt: changed by someone else during the run; left as it is" in result.stderr
    edited = originals.pop("part0/f2.txt") + b"A line typed by a human.\n"
    assert (root / "part0/f2.txt").read_bytes() == edited
    assert set(assert_whole(root, originals).values()) == {"new"}
