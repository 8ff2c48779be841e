"""Peak memory of one process that restores many different documents, as an
ingestion service or a cluster worker does (prints figures, asserts nothing).

    python benchmarks/bench_memory_over_documents.py                 # 1,500 spun documents
    python benchmarks/bench_memory_over_documents.py --documents 300 --every 50

The documents are the articles of ``corpora/clean`` spun WordNet-style with
seeds 100, 101, ... (each seed a new text, so no answer is reused from an
identical document), spun in a child process so that the simulator's own
memory is not counted. The restorer keeps what it works out for later texts
(the language model's answers, the channel's rows, each table form's
options), each up to a fixed size; this shows where its memory settles: the
resident set now (VmRSS) and at its peak.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import restore  # noqa: E402

SPIN_CHILD = r"""
import json, sys
from pathlib import Path
from restore.spin import spin
articles = [p.read_text("utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for number in range(1, int(sys.argv[2]) + 1):
    article = articles[number % len(articles)]
    print(json.dumps(spin(article, "wordnet", seed=100 + number // len(articles)).text))
"""


def peak_rss_mb() -> int:
    """This process's peak resident set so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def rss_mb() -> int:
    """This process's resident set now, in MB (Linux: /proc/self/status)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return -1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1500)
    parser.add_argument("--every", type=int, default=150, help="print after this many")
    args = parser.parse_args()
    spun = subprocess.run([sys.executable, "-c", SPIN_CHILD, str(REPO / "corpora" / "clean"),
                           str(args.documents)], capture_output=True, text=True, check=True,
                          cwd=REPO).stdout
    texts = [json.loads(line) for line in spun.splitlines()]
    restore.fix_text("It volition survive fine past times June.")  # (tables and model loaded)
    print(f"{len(texts)} documents spun; loaded: RSS {rss_mb()} MB, peak {peak_rss_mb()} MB")
    started, characters = time.perf_counter(), 0
    for number, text in enumerate(texts, 1):
        characters += len(text)
        restore.fix_text(text)
        if number % args.every == 0 or number == len(texts):
            print(f"{number:5d} documents ({characters / 1e6:.1f} M characters, "
                  f"{time.perf_counter() - started:.0f} s): RSS {rss_mb()} MB, "
                  f"peak {peak_rss_mb()} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
