"""Whole documents against paragraphs and sentences: what calling unspin on
smaller pieces of a text costs. Prints figures, asserts nothing; runs offline.

    python benchmarks/by_unit.py                         # the dev set, spun and clean
    python benchmarks/by_unit.py --clean /tmp/brown_txt  # and false edits on another folder
    python benchmarks/by_unit.py --seeds 1 --no-spun --clean DIR

Spin evidence adds up over a text (see README, "How it works"): a document of
800 words spun at 18% carries far more of it than any of its paragraphs, while
the prior that a text is spun is the same for both. So a caller that splits its
documents before restoring them (one call per paragraph or sentence) restores
less of a spun text, and a clean sentence with two or three strong forms in it
("politicos", "acknowledge") can look spun on its own where the whole text does
not. This measures both:

* the WordNet-style spun dev set (``corpora/clean`` spun with ``--seeds``),
  restored a document, a paragraph (text between blank lines) or a sentence
  at a time: recall and precision of gold edits, as ``restore.evaluate``
  counts them;
* every ``*.txt`` of the ``--clean`` folders (default ``corpora/clean``),
  restored the same three ways: substitutions per 10,000 words, all of them
  false edits if the folder holds prose nobody spun.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Iterator

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import restore  # noqa: E402
from restore.evaluate import match_edits  # noqa: E402
from restore.report import Substitution  # noqa: E402
from restore.spin import spin  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
UNITS = ("document", "paragraph", "sentence")
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t]*\n\s*")
# a sentence ends at . ! or ? (and a closing quote or bracket), before a space
# and a capital, a digit or an opening quote; "Mr. Hale" is cut, which only
# makes the pieces smaller
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?][\"'”’)\]]?)\s+(?=[\"'“‘(]?[\p{Lu}\d])")


def pieces(text: str, unit: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece of ``text`` for ``unit``; the gaps between
    them are whitespace.

    >>> t = "One. Two!\\n\\nThree? Four"
    >>> [t[a:b] for a, b in pieces(t, "sentence")]
    ['One.', 'Two!', 'Three?', 'Four']
    >>> [t[a:b] for a, b in pieces(t, "paragraph")]
    ['One. Two!', 'Three? Four']
    """
    if unit == "document":
        yield 0, len(text)
        return
    breaks = [_PARAGRAPH_BREAK]
    if unit == "sentence":
        breaks.append(_SENTENCE_BREAK)
    spans = [(0, len(text))]
    for pattern in breaks:
        finer = []
        for low, high in spans:
            start = low
            for match in pattern.finditer(text, low, high):
                finer.append((start, match.start()))
                start = match.end()
            finer.append((start, high))
        spans = finer
    yield from ((a, b) for a, b in spans if text[a:b].strip())


def restore_by(text: str, unit: str) -> list[Substitution]:
    """Substitutions for ``text`` restored a ``unit`` at a time, offsets in ``text``."""
    out: list[Substitution] = []
    for low, high in pieces(text, unit):
        for s in restore.fix_and_explain(text[low:high]).substitutions:
            out.append(Substitution(s.start + low, s.end + low, s.spun, s.original,
                                    s.confidence, s.rule, s.evidence))
    return out


def spun_figures(seeds: tuple[int, ...]) -> None:
    files = sorted((REPO / "corpora" / "clean").glob("*.txt"))
    texts = [spin(f.read_text("utf-8"), "wordnet", seed) for seed in seeds for f in files]
    gold = sum(len(s.edits) for s in texts)
    print(f"WordNet-style spins of corpora/clean, seeds {','.join(map(str, seeds))}: "
          f"{len(texts)} documents, {gold} gold edits")
    print("unit | pieces | recall | precision | substitutions | seconds")
    for unit in UNITS:
        started = time.perf_counter()
        restored = correct = made = count = 0
        for s in texts:
            count += sum(1 for _ in pieces(s.text, unit))
            subs = restore_by(s.text, unit)
            flags, right = match_edits(s.edits, subs)
            restored += sum(flags)
            correct += sum(right)
            made += len(subs)
        print(f"{unit} | {count} | {restored / gold:.3f} | {correct / max(made, 1):.3f} | "
              f"{made} | {time.perf_counter() - started:.1f}")


def clean_figures(folders: list[Path]) -> None:
    files = sorted(f for folder in folders for f in folder.rglob("*.txt"))
    texts = [f.read_text("utf-8", errors="replace") for f in files]
    words = sum(len(t.split()) for t in texts)
    print(f"\nclean prose: {len(files)} files of {', '.join(map(str, folders))}, {words} words")
    print("unit | pieces | false edits | per 10k words | seconds")
    for unit in UNITS:
        started = time.perf_counter()
        made = count = 0
        examples: list[str] = []
        for text in texts:
            count += sum(1 for _ in pieces(text, unit))
            for s in restore_by(text, unit):
                made += 1
                if len(examples) < 5:
                    examples.append(f"{s.spun!r} -> {s.original!r} ({s.confidence:.2f})")
        print(f"{unit} | {count} | {made} | {made / max(words, 1) * 1e4:.2f} | "
              f"{time.perf_counter() - started:.1f}")
        for example in examples:
            print(f"    {example}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1,2,3", help="spin seeds (default 1,2,3)")
    parser.add_argument("--clean", action="append", type=Path,
                        help="folder of clean .txt files (repeatable; default corpora/clean)")
    parser.add_argument("--no-spun", action="store_true", help="only the clean folders")
    args = parser.parse_args(argv)
    if not args.no_spun:
        spun_figures(tuple(int(s) for s in args.seeds.split(",")))
    clean_figures(args.clean or [REPO / "corpora" / "clean"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
