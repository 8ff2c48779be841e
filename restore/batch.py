"""Restoring one file of a batch, end to end (the pool is :mod:`restore.pool`).

:func:`process_file` streams the file in chunks (see :mod:`restore.stream`) so
memory stays bounded, writes through :class:`restore.safe_write.AtomicWriter`,
appends its own record to the report *before* it replaces anything, and
returns a small :class:`FileResult`; a problem with the file becomes a
``skipped`` or ``failed`` result, never an exception.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "a.txt")
>>> _ = open(path, "wb").write(b"It volition survive fine past times June.\\r\\n")
>>> config = Config(get_restorer(), write=True)
>>> result = process_file(Item(0, path, path, path), config)
>>> result.status, result.substitutions > 0
('changed', True)
>>> data = open(path, "rb").read()
>>> data.startswith(b"It will "), data.endswith(b"\\r\\n")
(True, True)

Test hook: when the environment variable ``UNSPIN_TEST_CRASH_ON`` equals a
file's base name, the worker handling that file exits at once with
``os._exit(70)``, as a segfault or the OOM killer would end it.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from typing import Iterator

from .batch_report import ReportWriter
from .engine import Restorer, get_restorer  # noqa: F401 (doctest)
from .safe_write import AtomicWriter
from .stream import MAX_CHUNK_CHARS, iter_text_chunks
from .textio import InputError, encode_text
from .walk import Item

CRASH_HOOK_ENV = "UNSPIN_TEST_CRASH_ON"
MAX_DIFF_CHARS = 4 * 1024 * 1024  # larger files get no diff (it would not be read)
SPOOL_IN_MEMORY = 1024 * 1024  # substitutions beyond this go to a temp file


@dataclass(frozen=True)
class Config:
    """How each file is processed (pickled once per task; the restorer pickles
    as its configuration and is built once per worker process)."""

    restorer: Restorer
    threshold: float | None = None
    encoding: str = "utf-8"
    write: bool = False  # False: read only (--check, --diff, --report alone)
    diff: bool = False
    report: str | None = None
    max_chunk: int = MAX_CHUNK_CHARS
    score_only: bool = False  # only the spin score (unspin check): nothing restored


@dataclass
class FileResult:
    """What happened to one file (small: sent back from the worker)."""

    index: int
    path: str
    status: str  # changed, unchanged, would_change, scored (Config.score_only), skipped, failed
    substitutions: int = 0
    bytes: int = 0
    reason: str = ""
    diff: str = ""
    spin_score: float = 0.0  # the highest of its chunks' (a spun stretch makes it spun)


class WriteError(Exception):
    """Writing the result failed; the message is the OS's reason."""


@contextlib.contextmanager
def _writing() -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise WriteError(error.strerror or str(error)) from error


def open_for_reading(path: str):
    """Open ``path`` for binary reading (a seam for fault-injection tests)."""
    return open(path, "rb")


def _read_error(item: Item, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return f"{item.display}: no such file (removed during the run?)"
    if isinstance(error, PermissionError):
        return f"{item.display}: permission denied"
    if isinstance(error, IsADirectoryError):
        return f"{item.display}: is a directory"
    return f"{item.display}: cannot read ({error.strerror or error})"


def _internal_error(item: Item, error: Exception) -> str:
    return f"{item.display}: internal error: {type(error).__name__}: {error}"


def _record(item: Item, config: Config, status: str, **fields) -> dict:
    return {"path": item.display,
            "written": os.path.abspath(item.dest)
            if item.dest and config.write and status in ("changed", "unchanged") else None,
            "status": status, "encoding": config.encoding, **fields}


def _shifted(sub, offset: int) -> dict:
    data = sub.to_dict()
    data["start"] += offset
    data["end"] += offset
    return data


def process_file(item: Item, config: Config) -> FileResult:
    """Restore one file; never raises for a problem with the file itself."""
    if os.environ.get(CRASH_HOOK_ENV) == os.path.basename(item.source):
        os._exit(70)
    report = ReportWriter(config.report) if config.report else None
    if item.skip:
        if report:
            report.append(_record(item, config, "skipped", error=item.skip))
        return FileResult(item.index, item.display, "skipped", reason=item.skip)
    if config.score_only:
        return _score_file(item, config)
    before, after = hashlib.sha256(), hashlib.sha256()
    size = 0
    count = 0
    spin_score = 0.0
    old_parts: list[str] = []
    new_parts: list[str] = []
    writer: AtomicWriter | None = None
    with tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY) as spool:
        try:
            with open_for_reading(item.source) as source:
                mirror = bool(item.dest) and item.dest != os.path.realpath(item.source)
                opened = _identity(os.fstat(source.fileno()))
                held: list[bytes] = []  # output kept back until we know a write is due
                held_size = 0
                offset = 0
                for chunk in iter_text_chunks(source, item.display, config.encoding,
                                              config.max_chunk, before.update):
                    result = config.restorer.restore(chunk, config.threshold)
                    spin_score = max(spin_score, result.spin_score)
                    data = encode_text(result.text, item.display, config.encoding)
                    after.update(data)
                    if config.write and item.dest and writer is None:
                        held.append(data)
                        held_size += len(data)
                        if mirror or result.substitutions or held_size > config.max_chunk:
                            with _writing():
                                writer = _open_writer(item)
                                for piece in held:
                                    writer.write(piece)
                            held.clear()
                    elif writer is not None:
                        with _writing():
                            writer.write(data)
                    for sub in result.substitutions:
                        spool.write((b", " if count else b"") + json.dumps(
                            _shifted(sub, offset), ensure_ascii=False).encode("utf-8"))
                        count += 1
                    if config.diff and offset < MAX_DIFF_CHARS:
                        old_parts.append(chunk)
                        new_parts.append(result.text)
                    offset += len(chunk)
                    size = source.tell()
                if config.write and item.dest and writer is None and mirror:
                    with _writing():
                        writer = _open_writer(item)  # an empty file
            changed = count > 0 and before.digest() != after.digest()
            if config.write:
                status = "changed" if changed else "unchanged"
            else:
                status = "would_change" if changed else "unchanged"
            fields = {"bytes": size, "sha256_before": before.hexdigest(),
                      "sha256_after": after.hexdigest(), "spin_score": spin_score,
                      "error": None}
            if writer is not None and (changed or mirror):
                if not mirror and _identity(os.stat(item.source)) != opened:
                    reason = (f"{item.display}: changed by someone else during the run; "
                              "left as it is (run again to fix it)")
                    return _finish(item, config, report, "failed", reason, size)
                with _writing():
                    os.fsync(writer.fd)  # a full disk shows here, before the record
                if report:
                    report.append(_record(item, config, status, **fields), spool,
                                  durable=True)
                with _writing():
                    writer.commit()
            elif report:
                report.append(_record(item, config, status, **fields), spool)
        except InputError as error:
            return _finish(item, config, report, "skipped", str(error), size)
        except WriteError as error:
            reason = f"{item.display}: cannot write ({error}); file left as it was"
            return _finish(item, config, report, "failed", reason, size)
        except OSError as error:
            return _finish(item, config, report, "failed", _read_error(item, error), size)
        except Exception as error:  # a bug must not stop the batch
            return _finish(item, config, report, "failed", _internal_error(item, error), size)
        finally:
            if writer is not None:
                writer.discard()
    diff = ""
    if config.diff and changed and offset <= MAX_DIFF_CHARS:
        diff = unified_diff(item.display, "".join(old_parts), "".join(new_parts))
    elif config.diff and changed:
        diff = f"# {item.display}: diff omitted (file over {MAX_DIFF_CHARS} characters)\n"
    return FileResult(item.index, item.display, status, count, size, diff=diff,
                      spin_score=spin_score)


def _score_file(item: Item, config: Config) -> FileResult:
    """The spin score of one file, chunk by chunk as it would be restored (the
    highest of its chunks'); nothing restored, nothing written."""
    size = 0
    spin_score = 0.0
    try:
        with open_for_reading(item.source) as source:
            for chunk in iter_text_chunks(source, item.display, config.encoding,
                                          config.max_chunk):
                spin_score = max(spin_score, config.restorer.spin_score(chunk))
                size = source.tell()
    except InputError as error:
        return FileResult(item.index, item.display, "skipped", bytes=size, reason=str(error))
    except OSError as error:
        return FileResult(item.index, item.display, "failed", bytes=size,
                          reason=_read_error(item, error))
    except Exception as error:  # a bug must not stop the batch
        return FileResult(item.index, item.display, "failed", bytes=size,
                          reason=_internal_error(item, error))
    return FileResult(item.index, item.display, "scored", bytes=size, spin_score=spin_score)


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    """What tells us a file was replaced or edited: device, inode, size, mtime."""
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def _open_writer(item: Item) -> AtomicWriter:
    assert item.dest
    os.makedirs(os.path.dirname(os.path.abspath(item.dest)), exist_ok=True)
    mode = os.stat(item.source).st_mode & 0o7777
    return AtomicWriter(item.dest, mode).__enter__()


def _finish(item: Item, config: Config, report: ReportWriter | None, status: str,
            reason: str, size: int) -> FileResult:
    if report:
        report.append(_record(item, config, status, bytes=size, error=reason))
    return FileResult(item.index, item.display, status, bytes=size, reason=reason)


def unified_diff(name: str, old: str, new: str) -> str:
    """A unified diff of two texts, line endings kept as they are.

    >>> print(unified_diff("a.txt", "It volition be.\\n", "It will be.\\n"), end="")
    --- a.txt
    +++ a.txt
    @@ -1 +1 @@
    -It volition be.
    +It will be.
    """
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 name, name)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)
