"""`unspin fix` on a folder of many files: -j 1 against -j 2 (prints figures only).

    python benchmarks/bench_batch.py            # 2,000 files of about 2 KB
    python benchmarks/bench_batch.py --files 500 --jobs 1,2,4

Each run is a fresh `python -m restore fix DIR -o OUT -j N` process, so the
figures include start-up and table loading, as a user sees them. Files are
cut from tests/cases/*.json (spun) and corpora/clean/*.txt (clean), half each.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_speed import ENV, clean_text, spun_text  # noqa: E402


def make_folder(root: Path, files: int, size: int) -> int:
    """``files`` files of about ``size`` bytes in 20 sub-folders; returns total bytes."""
    sources = [spun_text(), clean_text()]
    total = 0
    for i in range(files):
        source = sources[i % 2]
        start = (i * 7919) % max(1, len(source) - size)
        text = source[start:start + size]
        path = root / f"d{i % 20:02d}" / f"doc{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


def run(root: Path, out: Path, jobs: int) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (command and workers) and the summary line."""
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "restore", "fix", str(root), "-o", str(out),
                           "-j", str(jobs)], env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, done.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--size", type=int, default=2000, help="bytes per file (about)")
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        root, out = Path(folder) / "in", Path(folder) / "out"
        total = make_folder(root, args.files, args.size)
        print(f"{args.files} files, {total / 1e6:.1f} MB")
        results = {}
        for jobs in (int(j) for j in args.jobs.split(",")):
            seconds, cpu, summary = run(root, out, jobs)
            results[jobs] = (seconds, cpu)
            print(f"-j {jobs}: {seconds:.1f} s wall, {cpu:.1f} s CPU, "
                  f"{args.files / seconds:.0f} files/s | {summary}", flush=True)
        load = os.getloadavg()[0]
        if 1 in results:
            for jobs, (seconds, cpu) in results.items():
                if jobs != 1:
                    print(f"speed-up -j {jobs} / -j 1: {results[1][0] / seconds:.2f}x wall; "
                          f"CPU -j {jobs} / -j 1: {cpu / results[1][1]:.2f} "
                          f"(1.00 = no parallel overhead; load average {load:.1f} "
                          f"on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
