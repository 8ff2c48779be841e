"""Documents that are spun in part: a spun article followed (or preceded) by
clean prose, as in a scraped page that holds a spun article and text nobody
spun, or a file that joins several articles. Prints figures, asserts nothing;
runs offline.

    python benchmarks/mixed_documents.py                  # spun first, 3 clean after
    python benchmarks/mixed_documents.py --clean-first    # clean prose first
    python benchmarks/mixed_documents.py --rate 0.05 --clean 1

For each text of the dev set (``corpora/clean``), spun by ``--family``
(WordNet-style by default) with each of ``--seeds``, the document is that spun text joined (blank line) to the next
``--clean`` texts of the dev set as written. It reports recall and precision of
the gold edits in the spun part (as ``restore.evaluate`` counts them) and the
substitutions made in the clean part per 10,000 of its words: every one of
them a false edit.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import restore  # noqa: E402
from restore.evaluate import match_edits  # noqa: E402
from restore.spin import spin  # noqa: E402


def measure(texts: list[str], seeds: list[int], rate: float | None, clean_count: int,
            clean_first: bool, family: str = "wordnet", thorough: bool = False
            ) -> dict[str, float]:
    """Recall and precision in the spun parts, false edits per 10k words in the clean ones."""
    gold = restored = right = made = false_edits = clean_words = 0
    for seed in seeds:
        for index, text in enumerate(texts):
            spun = spin(text, family, seed=seed, rate=rate)
            clean = "\n\n".join(texts[(index + k) % len(texts)]
                                for k in range(1, clean_count + 1))
            if clean_first:
                offset = len(clean) + 2
                document = clean + "\n\n" + spun.text
            else:
                offset = 0
                document = spun.text + "\n\n" + clean
            result = restore.fix_and_explain(document, thorough=thorough)
            inside, outside = [], 0
            for sub in result.substitutions:
                if offset <= sub.start and sub.end <= offset + len(spun.text):
                    inside.append(replace(sub, start=sub.start - offset, end=sub.end - offset))
                else:
                    outside += 1
            hits, correct = match_edits(spun.edits, inside)
            gold += len(spun.edits)
            restored += sum(hits)
            right += sum(correct)
            made += len(inside)
            false_edits += outside
            clean_words += len(clean.split())
    return {"recall": restored / gold if gold else 0.0,
            "precision": right / made if made else 0.0,
            "false_per_10k": 10_000 * false_edits / clean_words if clean_words else 0.0,
            "false_edits": false_edits, "clean_words": clean_words}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path,
                        default=Path(__file__).resolve().parent.parent / "corpora" / "clean")
    parser.add_argument("--seeds", default="1", help="spin seeds (default 1)")
    parser.add_argument("--rate", type=float, default=None, help="spin rate (default 18%%)")
    parser.add_argument("--clean", type=int, default=3, help="clean texts joined to each")
    parser.add_argument("--clean-first", action="store_true", help="clean prose before the spun")
    parser.add_argument("--family", default="wordnet", choices=("wordnet", "thesaurus"))
    parser.add_argument("--thorough", action="store_true", help="restore in thorough mode")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    seeds = [int(s) for s in args.seeds.split(",")]
    figures = measure(texts, seeds, args.rate, args.clean, args.clean_first, args.family,
                      args.thorough)
    where = "clean first" if args.clean_first else "spun first"
    rate = "default rate" if args.rate is None else f"rate {args.rate:.2f}"
    print(f"{len(texts) * len(seeds)} documents ({args.family}{', thorough' if args.thorough else ''}"
          f", {where}, {args.clean} clean text(s) each, {rate}): spun part recall {figures['recall']:.3f} "
          f"precision {figures['precision']:.3f}; clean part {figures['false_edits']} "
          f"false edits in {figures['clean_words']} words "
          f"({figures['false_per_10k']:.1f} per 10k)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
