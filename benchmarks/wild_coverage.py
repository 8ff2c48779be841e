"""Which spinners' swaps unspin could undo at all: the originals it offers for the spun
forms aligned from real pages (prints figures).

``../shared/data/wild_substitutions.tsv`` (beside the checkout; facts aligned from six
real spun pages and their sources, see its README) lists 193 swaps by spinner family.
For each, this asks whether the swap's original is among the originals unspin offers for
its spun form, whatever the context: a row of the shipped tables, the WordNet channel's
rows for the form (bare, with punctuation attached, or inflected) spanning the whole form.
That bounds what any context could restore; it says nothing of confidence::

    python benchmarks/wild_coverage.py [--wild PATH] [--examples N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from restore.channel import WordNetChannel  # noqa: E402
from restore.tables import load_rows  # noqa: E402

WILD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "wild_substitutions.tsv"


def offered(spun: str, channel: WordNetChannel, table: dict[str, set[str]]) -> set[str]:
    """The originals (lowercased) unspin offers for the whole of ``spun``."""
    text = spun.strip()
    whole = (0, len(text))
    found = set(table.get(text.lower(), ()))
    for candidates in (channel.find(text, [], [whole]), channel.find(text.lower(), [], [whole]),
                       channel.find_attached(text, []), channel.find_inflected(text, [])):
        found.update(c.original.lower() for c in candidates if (c.start, c.end) == whole)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wild", type=Path, default=WILD)
    parser.add_argument("--examples", type=int, default=8, help="swaps not offered, per family")
    args = parser.parse_args()
    if not args.wild.is_file():
        print(f"no such file: {args.wild} (pass --wild PATH: the shared data's "
              "wild_substitutions.tsv)", file=sys.stderr)
        return 2
    channel = WordNetChannel()
    table: dict[str, set[str]] = defaultdict(set)
    for row in load_rows(None):
        table[row.spun.lower()].add(row.original.lower())
    total: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    missing: dict[str, list[str]] = defaultdict(list)
    with args.wild.open(encoding="utf-8") as rows:
        next(rows)  # header
        for line in rows:
            spun, original, _count, families = line.rstrip("\n").split("\t")
            family = families.split(",")[0]  # (two rows name two families: the first)
            total[family] += 1
            if original.strip().lower() in offered(spun, channel, table):
                covered[family] += 1
            else:
                missing[family].append(f"{spun!r} -> {original!r}")
    print("family | swaps | original offered | share")
    print("--- | --- | --- | ---")
    for family, count in total.most_common():
        print(f"{family} | {count} | {covered[family]} | {covered[family] / count:.2f}")
    for family in total:
        if missing[family] and args.examples:
            print(f"\nnot offered, {family}: " + "; ".join(missing[family][:args.examples]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
