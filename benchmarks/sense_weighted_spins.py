"""The evaluation on WordNet-style spins that favour a word's frequent senses (prints figures).

The simulator (``restore.spin``) picks every synset of a word as likely; the rows aligned
from real spun pages lean towards the first senses (docs/accuracy_notes.md, "Which senses the real spinner
picks"). This runs ``restore.evaluate`` with the simulator's synset pick weighed by
``base ** rank``, rank being the synset's place in the word's sense list (WordNet's index
order, most frequent first; a synset not found there counts as rank 3):

    python benchmarks/sense_weighted_spins.py            # base 0.5
    python benchmarks/sense_weighted_spins.py --base 1   # the simulator as it is
    python benchmarks/sense_weighted_spins.py --likelihood   # how well each base fits
                                                             # the real spinner's rows

Needs Debian's ``wordnet-base`` (``/usr/share/wordnet``), which the library never does.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import restore.spin as spin  # noqa: E402
from restore import evaluate  # noqa: E402

WORDNET = Path("/usr/share/wordnet")
PARTS_OF_SPEECH = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
UNRANKED = 3  # the rank given to a synset missing from the index (rare)


def _lemmas(field: str) -> str:
    return field.split("(")[0].replace("_", " ").casefold()


def sense_ranks(folder: Path = WORDNET) -> dict[str, dict[frozenset[str], int]]:
    """lemma (casefolded) -> {its synset's lemmas (casefolded): sense rank, 0 first}."""
    synsets: dict[str, frozenset[str]] = {}  # data-file offset (with its file) -> lemmas
    for pos, name in PARTS_OF_SPEECH.items():
        for line in (folder / f"data.{name}").open(encoding="latin-1"):
            if line.startswith(" "):
                continue
            fields = line.split()
            count = int(fields[3], 16)
            synsets[pos + fields[0]] = frozenset(_lemmas(fields[4 + 2 * i]) for i in range(count))
    ranks: dict[str, dict[frozenset[str], int]] = {}
    for pos, name in PARTS_OF_SPEECH.items():
        for line in (folder / f"index.{name}").open(encoding="latin-1"):
            if line.startswith(" "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            by_synset = ranks.setdefault(_lemmas(fields[0]), {})
            for rank, offset in enumerate(fields[4 + pointers + 2:]):
                lemmas = synsets.get(pos + offset)
                if lemmas is not None:
                    by_synset[lemmas] = min(by_synset.get(lemmas, rank), rank)
    return ranks


def weighted_pick(ranks: dict[str, dict[frozenset[str], int]], base: float):
    """A stand-in for the simulator's pick that weighs each synset by ``base ** rank``."""
    def pick(word: str, rng: random.Random, exclude: set[str]) -> str | None:
        folded = word.casefold()
        groups = []
        for others in spin._alternatives_cached(word):
            left = tuple(x for x in others if x.casefold() not in exclude)
            if left:
                synset = frozenset(x.casefold() for x in others) | {folded}
                groups.append((left, base ** ranks.get(folded, {}).get(synset, UNRANKED)))
        if not groups:
            return None
        chosen = rng.choices([left for left, _ in groups], weights=[w for _, w in groups])[0]
        return rng.choice(chosen)
    return pick


def row_likelihoods(ranks: dict[str, dict[frozenset[str], int]], rows: Path,
                    bases: tuple[float, ...] = (1.0, 0.5, 0.7, 0.8)) -> tuple[int, dict[float, float]]:
    """Log-likelihood of the real WordNet-style rows' spun forms (one hop) under
    a pick that weighs each synset of the original offering another lemma by
    ``base ** place`` (its place among those synsets, most frequent first), then
    takes one of its other lemmas: (rows counted, {base: log-likelihood}).
    Rows whose original has fewer than two such synsets, or whose spun form is
    in none of them (two hops, the fixed "and" table), are left out."""
    totals = {base: 0.0 for base in bases}
    counted = 0
    for line in rows.open(encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 4 or fields[3] != "wordnet-style":
            continue
        spun, original = fields[0].casefold(), fields[1].casefold()
        synsets = [lemmas for lemmas, _ in sorted(ranks.get(original, {}).items(),
                                                  key=lambda item: item[1])
                   if len(lemmas) > 1]
        if len(synsets) < 2 or not any(spun in lemmas for lemmas in synsets):
            continue
        counted += 1
        for base in bases:
            weights = [base ** place for place in range(len(synsets))]
            p = sum(w / sum(weights) / (len(lemmas) - 1)
                    for w, lemmas in zip(weights, synsets) if spun in lemmas)
            totals[base] += math.log(p)
    return counted, totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=float, default=0.5, help="weight = base ** rank")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--likelihood", action="store_true",
                        help="print how well each base fits the real spinner's rows, and stop")
    args = parser.parse_args()
    if args.likelihood:
        rows = Path(__file__).resolve().parent.parent.parent / "shared/data/wild_substitutions.tsv"
        counted, totals = row_likelihoods(sense_ranks(), rows)
        for base, total in totals.items():
            print(f"base {base}: log-likelihood {total:.2f} over {counted} rows")
        return 0
    if args.base != 1:
        spin._wordnet_pick = weighted_pick(sense_ranks(), args.base)
    seeds = tuple(int(s) for s in args.seeds.split(","))
    report = evaluate.run(families=("wordnet",), seeds=seeds, thresholds=(0.7, 0.9))
    print(evaluate.format_report(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
