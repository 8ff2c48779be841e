"""Undoing a batch from its report, byte for byte, or refusing to.

For each file the report says was changed: the current bytes must hash to
``sha256_after`` (otherwise the file changed since, and it is left alone);
the substitutions are reverted; the result must hash to ``sha256_before``;
only then is the file atomically replaced. A file already back at
``sha256_before`` is left as it is.

>>> import os, tempfile
>>> from restore.batch import Config, process_file
>>> from restore.engine import get_restorer
>>> from restore.walk import Item
>>> folder = tempfile.mkdtemp()
>>> path, report = os.path.join(folder, "a.txt"), os.path.join(folder, "r.jsonl")
>>> _ = open(path, "wb").write(b"It volition survive fine past times June.\\n")
>>> _ = open(report, "wb")
>>> _ = process_file(Item(0, path, path, path), Config(get_restorer(), write=True, report=report))
>>> b"volition" in open(path, "rb").read()
False
>>> [outcome.status for outcome in undo_report(report)]
['restored']
>>> open(path, "rb").read()
b'It volition survive fine past times June.\\n'
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Iterator

from .batch_report import iter_report
from .report import Substitution, revert_substitutions
from .safe_write import atomic_write_bytes


@dataclass(frozen=True)
class UndoOutcome:
    """``status``: restored, unchanged (already original), refused or failed."""

    path: str
    status: str
    message: str = ""


def undo_record(record: dict[str, Any], dry_run: bool = False) -> UndoOutcome:
    """Put one changed file back to its original bytes, or say why not."""
    path = record["written"]
    try:
        with open(path, "rb") as current:
            data = current.read()
    except OSError as error:
        return UndoOutcome(path, "failed", f"{path}: cannot read ({error.strerror or error})")
    digest = hashlib.sha256(data).hexdigest()
    if digest == record["sha256_before"]:
        return UndoOutcome(path, "unchanged", f"{path}: already original")
    if digest != record["sha256_after"]:
        return UndoOutcome(path, "refused",
                           f"{path}: changed since the report was written; left as it is")
    encoding = record.get("encoding") or "utf-8"
    try:
        subs = [Substitution.from_dict(s) for s in record.get("substitutions", [])]
        original = revert_substitutions(data.decode(encoding), subs).encode(encoding)
    except (ValueError, UnicodeError) as error:
        return UndoOutcome(path, "failed", f"{path}: report does not fit the file ({error})")
    if hashlib.sha256(original).hexdigest() != record["sha256_before"]:
        return UndoOutcome(path, "failed",
                           f"{path}: reverting does not give the original bytes; left as it is")
    if not dry_run:
        try:
            atomic_write_bytes(path, original)
        except OSError as error:
            return UndoOutcome(path, "failed",
                               f"{path}: cannot write ({error.strerror or error}); left as it is")
    return UndoOutcome(path, "restored", f"{path}: restored")


def undo_report(report: str, dry_run: bool = False) -> Iterator[UndoOutcome]:
    """Undo every file the report changed (records without a write are skipped)."""
    done: set[str] = set()
    for record in iter_report(report):
        if record.get("status") != "changed" or not record.get("written"):
            continue
        if record["written"] in done:
            continue
        outcome = undo_record(record, dry_run)
        if outcome.status == "restored":
            done.add(record["written"])
        yield outcome
