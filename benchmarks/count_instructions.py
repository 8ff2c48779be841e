"""Instructions that fix_text takes on spun text, counted by callgrind (prints figures).

Wall-clock figures on this shared machine vary by 20-40% between runs; an
instruction count does not (the same binary, input and environment give the
same count, whatever else the machine is doing). Compare two checkouts:

    python benchmarks/count_instructions.py                  # this checkout
    python benchmarks/count_instructions.py --other ../old   # and another one

Needs valgrind (Debian package ``valgrind``). Each checkout is run twice under
callgrind, once restoring ``--kilobytes`` of the WordNet-style spun corpus and
once only warming up (loading the tables and model), and the difference is
reported. Python itself runs 50-100 times slower under callgrind: 30 KB take
about two minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
import restore
corpus = sorted((__import__("pathlib").Path(sys.argv[3]) / "corpora/spun/wordnet").glob("seed*/*.txt"))
text = "\n\n".join(p.read_text("utf-8") for p in corpus)
restore.fix_text("warm up the tables: it volition survive past times June")
size = int(sys.argv[2])
if size:
    restore.fix_text(text[50_000:50_000 + size])
"""


def count(checkout: Path, characters: int) -> int:
    """Instructions callgrind counts for the child script on ``checkout``."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
             os.path.realpath(sys.executable), "-c", CHILD, str(checkout), str(characters),
             str(REPO)],
            capture_output=True, text=True, check=True)
    match = re.search(r"Collected : (\d+)", done.stderr)
    if match is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kilobytes", type=int, default=30)
    parser.add_argument("--other", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt install valgrind)")
    characters = args.kilobytes * 1000
    results = {}
    for checkout in [REPO] + ([args.other.resolve()] if args.other else []):
        spent = count(checkout, characters) - count(checkout, 0)
        results[checkout] = spent
        print(f"{checkout}: {spent / 1e6:,.0f} M instructions for {args.kilobytes} KB of spun "
              f"text ({spent / characters:,.0f} a character)", flush=True)
    if args.other:
        print(f"ratio other / this: {results[args.other.resolve()] / results[REPO]:.2f}")


if __name__ == "__main__":
    main()
