"""Running many files through :func:`restore.batch.process_file` in a process
pool that survives a worker dying, and the counts for the summary line.

A worker that dies (a segfault, the OOM killer, ``os._exit``) breaks a
``ProcessPoolExecutor``: every file then in flight fails with
``BrokenProcessPool``. Those files are retried one by one, each in a fresh
single-worker pool; a file that kills its worker again is reported as failed,
and the batch goes on.

>>> summary = Summary()
>>> summary.add(FileResult(0, "a.txt", "changed", substitutions=3, bytes=2_000_000))
>>> summary.seconds = 2.0
>>> summary.line()
'1 files seen, 1 changed, 0 skipped, 0 failed, 3 substitutions, 2.0 MB in 2.0 s (1.00 MB/s)'
"""

from __future__ import annotations

import concurrent.futures as futures
import itertools
import multiprocessing
import os
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from .batch import Config, FileResult, _finish, _identity, process_file
from .batch_report import ReportWriter
from .walk import Item

IN_FLIGHT_PER_WORKER = 4


@dataclass
class Summary:
    """Counts for the summary line."""

    seen: int = 0
    changed: int = 0
    skipped: int = 0
    failed: int = 0
    substitutions: int = 0
    bytes: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    def add(self, result: FileResult) -> None:
        self.seen += 1
        self.changed += result.status in ("changed", "would_change")
        self.skipped += result.status == "skipped"
        self.failed += result.status == "failed"
        self.substitutions += result.substitutions
        self.bytes += result.bytes

    def line(self, dry_run: bool = False) -> str:
        """``12 files seen, 3 changed, ...`` for stderr."""
        rate = self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0
        changed = "would change" if dry_run else "changed"
        text = (f"{self.seen} files seen, {self.changed} {changed}, {self.skipped} skipped, "
                f"{self.failed} failed, {self.substitutions} substitutions, "
                f"{self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s ({rate:.2f} MB/s)")
        return text + (" (interrupted)" if self.interrupted else "")


def _pool(jobs: int) -> futures.ProcessPoolExecutor:
    """A pool whose workers inherit the parent's tables when fork is available
    (elsewhere each worker unpickles the restorer and builds its tables once)."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context)


def _crashed(item: Item, config: Config) -> FileResult:
    reason = f"{item.display}: worker process died while restoring this file"
    report = ReportWriter(config.report) if config.report else None
    return _finish(item, config, report, "failed", reason, 0)


def run_batch(items: Sequence[Item], config: Config, jobs: int,
              on_result: Callable[[FileResult], None]) -> None:
    """Process ``items`` with ``jobs`` worker processes (a single file runs
    in this process) and call ``on_result`` with each result as it comes."""
    if len(items) <= 1:
        for item in items:
            on_result(process_file(item, config))
        return
    suspects = _run_pool(items, config, max(1, jobs), on_result)
    for item, handed in suspects:
        if handed is not None and _identity_of(item.source) not in (None, handed):
            # a dying worker takes the results of the whole pool with it: this
            # file was restored in place by another worker all the same (its
            # report record, with both checksums, was written before the
            # replace), so it is not run again
            on_result(FileResult(item.index, item.display, "changed",
                                 reason=f"{item.display}: restored before a worker died"))
            continue
        for dead, _ in _run_pool([item], config, 1, on_result):
            on_result(_crashed(dead, config))


def _identity_of(path: str) -> tuple | None:
    try:
        return _identity(os.stat(path))
    except OSError:
        return None


def _run_pool(items: Iterable[Item], config: Config, jobs: int,
              on_result: Callable[[FileResult], None]) -> list[tuple[Item, tuple | None]]:
    """Run ``items`` in a pool; return the items in flight when a worker died,
    each with its file's identity when it was handed to the pool."""
    pending = iter(items)
    suspects: list[tuple[Item, tuple | None]] = []
    executor = _pool(jobs)
    running: dict[futures.Future, Item] = {}
    handed: dict[int, tuple | None] = {}
    finished = False
    try:
        while True:
            broken = False
            while len(running) < jobs * IN_FLIGHT_PER_WORKER and not broken:
                item = next(pending, None)
                if item is None:
                    break
                try:
                    handed[item.index] = _identity_of(item.source)
                    running[executor.submit(process_file, item, config)] = item
                except futures.process.BrokenProcessPool:
                    pending = itertools.chain([item], pending)  # not started: not a suspect
                    broken = True
            if not running and not broken:
                break
            if running:
                done, _ = futures.wait(running, return_when=futures.FIRST_COMPLETED)
                for future in done:
                    item = running.pop(future)
                    try:
                        on_result(future.result())
                    except futures.process.BrokenProcessPool:
                        suspects.append((item, handed.get(item.index)))
                        broken = True
            if broken:
                futures.wait(running)
                for future, item in running.items():
                    if future.exception() is None:
                        on_result(future.result())
                    else:
                        suspects.append((item, handed.get(item.index)))
                running.clear()
                executor.shutdown(wait=True, cancel_futures=True)
                executor = _pool(jobs)
        finished = True
    finally:
        # on Ctrl-C do not wait: workers finish (or drop) their current file alone
        executor.shutdown(wait=finished, cancel_futures=True)
    return suspects
