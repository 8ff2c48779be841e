"""Throughput, latency and memory of restore.fix_text, and the throughput of
restore.spin_score (what `unspin check` works out) on the same text (prints figures,
asserts nothing).

    python benchmarks/bench_speed.py                 # 1 MB and 50 MB
    python benchmarks/bench_speed.py --sizes 1       # quicker
    python benchmarks/bench_speed.py --stream-mb 100 # also: peak RSS of `unspin fix --in-place`
                                                     #   on a 100 MB file and a 10 MB single line

Inputs: spun news text is the WordNet-style spun corpus (corpora/spun/wordnet,
0.41 MB distinct, repeated for larger sizes), clean text is corpora/clean/*.txt
repeated; ``--kinds cases`` measures the test-case texts (tests/cases/*.json). ftfy.fix_text runs
on the same text in the same run as a reference (``pip install ftfy``).
Each measurement that needs a clean peak RSS runs in its own subprocess.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def spun_text() -> str:
    """Spun news text: the WordNet-style spun corpus (corpora/spun/wordnet, seeds 1-3),
    0.41 MB of distinct text; larger sizes repeat it."""
    paths = sorted((REPO / "corpora" / "spun" / "wordnet").glob("seed*/*.txt"))
    return "\n\n".join(p.read_text("utf-8") for p in paths) + "\n\n"


def case_text() -> str:
    """The texts of the test cases (tests/cases/*.json, their ``original`` field): short,
    mostly clean, many repeated phrases. Measured before 2026-11-27 as 'spun'; kept for
    comparison with those figures."""
    texts = []
    for path in sorted((REPO / "tests" / "cases").glob("*.json")):
        texts += [case["original"] for case in json.loads(path.read_text("utf-8"))]
    return "\n\n".join(texts) + "\n\n"


def clean_text() -> str:
    return "\n\n".join(p.read_text("utf-8") for p in sorted((REPO / "corpora/clean").glob("*.txt")))


def build(unit: str, megabytes: float) -> str:
    size = int(megabytes * 1_000_000)
    return (unit * (size // len(unit.encode()) + 1))[:size]


CHILD = r"""
import json, resource, sys, time
kind, mb, with_ftfy = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "1"
sys.path.insert(0, BENCH_DIR)
import bench_speed as b
import restore
source = {"spun": b.spun_text, "clean": b.clean_text, "cases": b.case_text}[kind]()
text = b.build(source, mb)
restore.fix_text("warm up the tables")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
out = restore.fix_text(text)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = {"kind": kind, "mb": mb, "seconds": seconds, "mb_s": len(text.encode()) / 1e6 / seconds,
          "peak_rss_mb": peak / 1024, "rss_before_mb": base / 1024}
start = time.perf_counter()
restore.spin_score(text)  # (what `unspin check` works out: the score alone)
result["score_mb_s"] = len(text.encode()) / 1e6 / (time.perf_counter() - start)
if with_ftfy:
    import ftfy
    start = time.perf_counter()
    ftfy.fix_text(text)
    result["ftfy_mb_s"] = len(text.encode()) / 1e6 / (time.perf_counter() - start)
print(json.dumps(result))
"""


def measure_fix_text(kind: str, megabytes: float, with_ftfy: bool) -> dict:
    code = CHILD.replace("BENCH_DIR", repr(str(Path(__file__).parent)))
    done = subprocess.run([sys.executable, "-c", code, kind, str(megabytes),
                           "1" if with_ftfy else "0"], env=ENV, cwd=REPO, capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def import_latency(repeat: int = 5) -> tuple[float, float, float]:
    """Median wall time of `import restore` and of import + first fix_text of a
    spun and of a clean sentence, each in a fresh process, less an empty one."""
    def median(code: str) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=ENV, cwd=REPO, check=True)
            times.append(time.perf_counter() - start)
        return sorted(times)[len(times) // 2]

    empty = median("pass")
    imported = median("import restore")
    spun = median("import restore; restore.fix_text('It volition survive fine past times June.')")
    clean = median("import restore; restore.fix_text('It will be fine by June, they said.')")
    return imported - empty, spun - empty, clean - empty


def stream_rss(path: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of `unspin fix --in-place PATH` in a subprocess."""
    code = ("import resource, sys, time; from restore.cli import main\n"
            "start = time.perf_counter()\n"
            "try:\n    main(['fix', '--in-place', sys.argv[1]], standalone_mode=False)\n"
            "finally:\n"
            "    print(time.perf_counter() - start, "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], env=ENV, cwd=REPO,
                          capture_output=True, text=True)
    seconds, peak = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,50", help="MB, comma-separated")
    parser.add_argument("--kinds", default="spun,clean",
                        help="comma-separated: spun (spun news corpus), clean, cases")
    parser.add_argument("--no-ftfy", action="store_true")
    parser.add_argument("--no-latency", action="store_true")
    parser.add_argument("--stream-mb", type=float, default=0,
                        help="also stream a file this big (and a single line of a tenth)")
    args = parser.parse_args()
    with_ftfy = not args.no_ftfy
    try:
        import ftfy  # noqa: F401
    except ImportError:
        with_ftfy = False
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    if not args.no_latency:
        imported, spun, clean = import_latency()
        print(f"import restore: {imported:.3f} s; import + first fix_text: "
              f"{spun:.3f} s (spun sentence), {clean:.3f} s (clean sentence); medians of 5")
    for megabytes in (float(s) for s in args.sizes.split(",") if s):
        for kind in args.kinds.split(","):
            r = measure_fix_text(kind, megabytes, with_ftfy)
            line = (f"fix_text {kind:5} {megabytes:5.1f} MB: {r['mb_s']:6.2f} MB/s "
                    f"({r['seconds']:.1f} s), peak RSS {r['peak_rss_mb']:.0f} MB "
                    f"(tables loaded: {r['rss_before_mb']:.0f} MB)")
            line += f"; spin_score alone {r['score_mb_s']:.2f} MB/s"
            if "ftfy_mb_s" in r:
                line += f"; ftfy.fix_text {r['ftfy_mb_s']:.2f} MB/s " \
                        f"(unspin/ftfy = {r['mb_s'] / r['ftfy_mb_s']:.2f})"
            print(line, flush=True)
    if args.stream_mb:
        with tempfile.TemporaryDirectory() as folder:
            big = Path(folder) / "big.txt"
            unit = spun_text() + clean_text()
            with open(big, "w", encoding="utf-8") as out:
                for _ in range(int(args.stream_mb * 1e6 / len(unit.encode())) + 1):
                    out.write(unit)
            size = big.stat().st_size / 1e6
            seconds, peak = stream_rss(big)
            print(f"unspin fix --in-place, {size:.0f} MB file: {size / seconds:.2f} MB/s, "
                  f"peak RSS {peak:.0f} MB", flush=True)
            line = Path(folder) / "line.txt"
            one_line = " ".join(unit.split())
            with open(line, "w", encoding="utf-8") as out:
                for _ in range(int(args.stream_mb / 10 * 1e6 / len(one_line.encode())) + 1):
                    out.write(one_line + " ")
            size = line.stat().st_size / 1e6
            seconds, peak = stream_rss(line)
            print(f"unspin fix --in-place, {size:.0f} MB single line: {size / seconds:.2f} MB/s, "
                  f"peak RSS {peak:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
