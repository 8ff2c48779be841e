"""The batch report: one JSON object per line and per file.

Every process of a batch appends its own records; an exclusive ``flock``
keeps each line whole even when it is written in pieces (a big file's
substitutions are spooled to disk, not held in memory). A record of a file
that is rewritten is appended and fsynced *before* the file is replaced, so
after a crash or a kill the report lists every file that may have changed.

Fields: ``path`` (as found), ``written`` (absolute path written, or null),
``status`` (changed, unchanged, would_change, skipped, failed), ``encoding``,
``bytes``, ``sha256_before``, ``sha256_after``, ``spin_score`` (the highest of the
file's chunks'), ``substitutions`` (offsets are characters of the whole decoded input),
``error`` (one line, or null).

>>> import io, json, os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "r.jsonl")
>>> writer = ReportWriter(path, truncate=True)
>>> spool = io.BytesIO(b'{"start": 0}')
>>> writer.append({"path": "a.txt", "status": "changed"}, spool)
>>> read_report(path)
[{'path': 'a.txt', 'status': 'changed', 'substitutions': [{'start': 0}]}]
"""

from __future__ import annotations

import json
import os
import shutil
from typing import Any, BinaryIO, Iterator

try:
    import fcntl
except ImportError:  # Windows: no flock; run one process at a time there (-j 1)
    fcntl = None  # type: ignore[assignment]


class ReportWriter:
    """Appends records to a JSON-lines report; safe across processes."""

    def __init__(self, path: str, truncate: bool = False):
        self.path = os.path.abspath(path)
        if truncate:
            with open(self.path, "wb"):
                pass

    def append(self, record: dict[str, Any], spool: BinaryIO | None = None,
               durable: bool = False) -> None:
        """Append ``record`` (its ``substitutions`` are the comma-separated JSON
        objects in ``spool``, if given); ``durable`` fsyncs before returning."""
        head = json.dumps(record, ensure_ascii=False)
        with open(self.path, "ab") as out:
            if fcntl is not None:
                fcntl.flock(out.fileno(), fcntl.LOCK_EX)
            try:
                if spool is None:
                    out.write(head.encode("utf-8") + b"\n")
                else:
                    out.write(head[:-1].encode("utf-8") + b', "substitutions": [')
                    spool.seek(0)
                    shutil.copyfileobj(spool, out)
                    out.write(b"]}\n")
                out.flush()
                if durable:
                    os.fsync(out.fileno())
            finally:
                if fcntl is not None:
                    fcntl.flock(out.fileno(), fcntl.LOCK_UN)


def iter_report(path: str) -> Iterator[dict[str, Any]]:
    """The records of a report; a torn last line (killed writer) is ignored."""
    with open(path, "rb") as lines:
        for line in lines:
            if not line.endswith(b"\n"):
                break
            if line.strip():
                yield json.loads(line)


def read_report(path: str) -> list[dict[str, Any]]:
    """All records of a report."""
    return list(iter_report(path))
