"""Build the spun evaluation sets from ``corpora/clean`` (deterministic).

Writes, for every ``corpora/clean/<name>.txt``::

    corpora/spun/wordnet/seed{1,2,3}/<name>.txt        spun text
    corpora/spun/wordnet/seed{1,2,3}/<name>.gold.jsonl gold edits (restore.spin.GoldEdit)
    corpora/spun/thesaurus/seed1/<name>.txt, .gold.jsonl

and the tortured-phrase set (every phrase of the shipped table plus the held-out list,
each once, in template sentences; see ``restore.spin.spin_phrases``)::

    corpora/spun/tortured/seed1/phrases_NNN.txt, .gold.jsonl
    corpora/spun/tortured/clean/phrases_NNN.txt          the same documents unspun

and ``corpora/tortured_heldout.tsv``: the 20% of tortured phrases held out of the
table (``restore.spin.is_heldout``: a hash of the tortured side). The list is the union
of the current table and the existing held-out file, so it stays stable once the
held-out rows are removed from the table.

``corpora/spun`` is rebuilt from scratch each run. Usage:
``python scripts/build_spun_corpora.py [--clean DIR] [--out DIR]``
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from restore.evaluate import read_heldout  # noqa: E402
from restore.spin import is_heldout, spin, spin_phrases, tortured_pairs  # noqa: E402

SETS = (("wordnet", (1, 2, 3)), ("thesaurus", (1,)))
TORTURED_SEED = 1
PER_DOC = 20


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def build_heldout(path: Path) -> list[tuple[str, str]]:
    pairs = sorted(set(tortured_pairs()) | set(read_heldout(path)))
    heldout = [p for p in pairs if is_heldout(p[0])]
    lines = [
        "# tortured_heldout.tsv -- tortured phrases held out of the table (20%, by hash of",
        "# the tortured side: restore.spin.is_heldout). Report how many of these the",
        "# generic decoder restores without a table row. Source: Problematic Paper",
        "# Screener fingerprints (Cabanac, Labbe & Magazinov 2021), CC BY 4.0, via",
        "# giladfeldman/torturedcheck (MIT). Built by scripts/build_spun_corpora.py.",
        "tortured\tcorrect",
    ]
    lines += [f"{t}\t{c}" for t, c in heldout]
    write(path, "\n".join(lines) + "\n")
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", type=Path, default=REPO / "corpora" / "clean")
    parser.add_argument("--out", type=Path, default=REPO / "corpora")
    args = parser.parse_args(argv)
    files = sorted(args.clean.glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.clean}", file=sys.stderr)
        return 2
    spun_dir = args.out / "spun"
    if spun_dir.exists():
        shutil.rmtree(spun_dir)
    for family, seeds in SETS:
        for seed in seeds:
            edits = 0
            for path in files:
                text = path.read_text(encoding="utf-8")
                result = spin(text, family, seed)
                assert result.original_text() == text
                folder = spun_dir / family / f"seed{seed}"
                write(folder / path.name, result.text)
                write(folder / f"{path.stem}.gold.jsonl", result.gold_jsonl())
                edits += len(result.edits)
            print(f"{family}/seed{seed}: {len(files)} files, {edits} gold edits")
    pairs = build_heldout(args.out / "tortured_heldout.tsv")
    docs = spin_phrases(pairs, seed=TORTURED_SEED, per_doc=PER_DOC)
    for number, doc in enumerate(docs, 1):
        name = f"phrases_{number:03d}"
        write(spun_dir / "tortured" / f"seed{TORTURED_SEED}" / f"{name}.txt", doc.text)
        write(spun_dir / "tortured" / f"seed{TORTURED_SEED}" / f"{name}.gold.jsonl",
              doc.gold_jsonl())
        write(spun_dir / "tortured" / "clean" / f"{name}.txt", doc.original_text())
    n_held = sum(is_heldout(t) for t, _ in pairs)
    print(f"tortured/seed{TORTURED_SEED}: {len(docs)} documents, {len(pairs)} phrases "
          f"({n_held} held out, listed in tortured_heldout.tsv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
