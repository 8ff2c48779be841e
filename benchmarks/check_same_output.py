"""Digest of restore's output on every corpus and test input (a speed-up must not change it).

    python benchmarks/check_same_output.py --out /tmp/base.digest          # record
    python benchmarks/check_same_output.py --out /tmp/new.digest --against /tmp/base.digest

Inputs: every ``corpora/**/*.txt`` (clean and spun, all families and seeds),
every ``original`` of ``tests/cases/*.json``, two long texts built as
``benchmarks/bench_speed.py`` builds them (so the chunked path runs too) and
300 seeded random texts (table phrases and corpus stretches among odd
characters), which run every way.
Each input is restored with the default threshold; a subset also with
``threshold=0.0`` and with ``thorough=True``, another with each built-in
family alone. Per input the digest is the
sha256 of the JSON of ``[r.text, [s.to_dict() for s in r.substitutions],
r.spin_score]``; the output file has one ``name<TAB>sha256`` line per run
and a final ``TOTAL`` line. With ``--against`` the names that differ are
printed and the exit status is 1 when any does.

Run it with PYTHONPATH set to the checkout to test (the script does so for
the checkout it lives in).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(Path(__file__).resolve().parent))

import bench_speed  # noqa: E402
import restore  # noqa: E402

FUZZ_TEXTS = 300
SUBSET_EVERY = 7  # every 7th input also runs with threshold=0.0 and thorough=True, ...


def inputs() -> list[tuple[str, str]]:
    """(name, text) of every input, in a fixed order."""
    out: list[tuple[str, str]] = []
    for path in sorted((REPO / "corpora").rglob("*.txt")):
        out.append((str(path.relative_to(REPO)), path.read_text("utf-8")))
    for path in sorted((REPO / "tests" / "cases").glob("*.json")):
        for number, case in enumerate(json.loads(path.read_text("utf-8"))):
            out.append((f"{path.relative_to(REPO)}#{number}", case["original"]))
    out.append(("bench:spun-0.3MB", bench_speed.build(bench_speed.spun_text(), 0.3)))
    out.append(("bench:clean-0.4MB", bench_speed.build(bench_speed.clean_text(), 0.4)))
    return out + fuzz_inputs(FUZZ_TEXTS)


ODD = ["\u00a0", "\u200b", "İ", "Σ", "ς", "\r\n", "\t", "’", "‘", "`", "´", "-", "\u0301",
       "\ufeff", "  ", "\n\n", ".", ",", ";", "“", "”", "\x00", "—", "30", "2025"]
PHRASES = ["volition", "survive", "past times", "PAST TIMES", "urban center", "urban amount",
           "well-nigh", "well nigh", "wellnigh", "Inward", "counterfeit consciousness",
           "every bit", "every snatch", "at that place", "in that location", "commence", "huge",
           "big", "run", "nation", "Dec", "Will", "Bill", "age, coitus, casket pain",
           "irregular woodland", "People’s", "café", "the", "of", "and"]


def fuzz_inputs(count: int) -> list[tuple[str, str]]:
    """Seeded random texts: table phrases among odd characters, and stretches
    of the spun corpora with odd characters put in."""
    rng = random.Random(20261127)
    spun = [p.read_text("utf-8") for p in sorted((REPO / "corpora" / "spun").rglob("*.txt"))[::9]]
    out = []
    for number in range(count):
        if number % 2:
            text = " ".join(rng.choice(PHRASES + ODD) for _ in range(rng.randint(1, 60)))
        else:
            source = rng.choice(spun)
            start = rng.randint(0, max(0, len(source) - 2000))
            chars = list(source[start:start + rng.randint(50, 2000)])
            for _ in range(rng.randint(0, 20)):
                chars.insert(rng.randint(0, len(chars)), rng.choice(ODD))
            text = "".join(chars)
        out.append((f"fuzz:{number}", text))
    return out


def digest(result: restore.Restoration) -> str:
    payload = [result.text, [s.to_dict() for s in result.substitutions], result.spin_score]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


def run() -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for index, (name, text) in enumerate(inputs()):
        lines.append((name, digest(restore.fix_and_explain(text))))
        every_way = name.startswith("fuzz:")  # short texts: every variant
        if (every_way or index % SUBSET_EVERY == 0) and not name.startswith("bench:"):
            lines.append((f"{name}@0.0", digest(restore.fix_and_explain(text, 0.0))))
            lines.append((f"{name}@thorough",
                          digest(restore.fix_and_explain(text, thorough=True))))
        if (every_way or index % SUBSET_EVERY == 3) and not name.startswith("bench:"):
            for family in ("wordnet_spinner", "tortured_phrases"):
                lines.append((f"{name}@{family}",
                              digest(restore.fix_and_explain(text, families=[family]))))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="file to write the digests to")
    parser.add_argument("--against", help="earlier digest file to compare with")
    args = parser.parse_args()
    print(f"restore from {restore.__file__}", file=sys.stderr)
    start = time.perf_counter()
    lines = run()
    total = hashlib.sha256("\n".join(f"{n}\t{d}" for n, d in lines).encode()).hexdigest()
    Path(args.out).write_text("".join(f"{n}\t{d}\n" for n, d in lines) + f"TOTAL\t{total}\n")
    print(f"{len(lines)} runs in {time.perf_counter() - start:.1f} s; TOTAL {total}")
    if args.against:
        before = dict(line.split("\t") for line in Path(args.against).read_text().splitlines())
        differ = [n for n, d in lines if before.get(n) != d]
        for name in differ:
            print(f"DIFFERENT: {name}")
        print("identical" if not differ and before.get("TOTAL") == total else
              f"{len(differ)} of {len(lines)} differ")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
