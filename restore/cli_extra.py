"""``unspin spin`` and ``unspin evaluate``: make test data, measure the engine.

    unspin spin article.txt --seed 3                 spun text on stdout
    unspin spin article.txt --family thesaurus --gold edits.jsonl
    unspin evaluate --limit 4                        the accuracy table
    unspin evaluate --json                           the same, machine-readable

Registered on the ``unspin`` group at the bottom of :mod:`restore.cli`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .textio import (InputError, binary_stream, check_encoding, decode_bytes, encode_text,
                     read_text_file)


def _fail(message: str) -> None:
    click.echo(f"unspin: error: {message}", err=True)
    sys.exit(2)


@click.command()
@click.argument("path")
@click.option("--family", type=click.Choice(["wordnet", "thesaurus", "tortured"]),
              default="wordnet", show_default=True, help="Spinner family to simulate.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Random seed; the same seed gives the same output.")
@click.option("--rate", type=click.FloatRange(0.0, 1.0), default=None,
              help="Share of words to change (wordnet 0.18, thesaurus 0.10) or, for "
                   "tortured, the chance each table phrase is spun (1.0).")
@click.option("--gold", "gold_path", type=click.Path(dir_okay=False, writable=True),
              default=None, help="Write the gold edits here as JSON lines.")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Encoding of the input file (output uses the same).")
def spin(path: str, family: str, seed: int, rate: float | None, gold_path: str | None,
         encoding: str) -> None:
    """Spin a file (or - for stdin) like a synonym spinner; print the spun text.

    Each gold edit (--gold) gives the span in the spun text (start, end, spun), the
    span in the original (orig_start, orig_end, original) and the kind of edit.
    """
    from .spin import spin as spin_text

    encoding = check_encoding(encoding)
    try:
        if path == "-":
            text = decode_bytes(binary_stream("stdin").read(), "<stdin>", encoding)
        else:
            text = read_text_file(path, encoding)
    except InputError as error:
        _fail(str(error))
    name = "<stdin>" if path == "-" else path
    result = spin_text(text, family, seed, rate)
    if gold_path:
        try:
            Path(gold_path).write_text(result.gold_jsonl(), encoding="utf-8")
        except OSError as error:
            _fail(f"{gold_path}: cannot write ({error.strerror})")
    out = binary_stream("stdout")
    out.write(encode_text(result.text, name, encoding))
    out.flush()


@click.command()
@click.option("--corpus", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder of clean .txt files (default: corpora/clean of the checkout).")
@click.option("--family", "families", multiple=True,
              type=click.Choice(["wordnet", "thesaurus", "tortured"]),
              help="Spinner family (repeatable; default: all three).")
@click.option("--seeds", default="1,2,3", show_default=True, help="Spin seeds.")
@click.option("--limit", type=click.IntRange(1), default=None,
              help="Only the first N files (and N tortured-phrase documents).")
@click.option("--examples", type=click.IntRange(0), default=0,
              help="Keep up to N error examples per family (in --json output).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--thorough", is_flag=True, help="Evaluate the thorough mode.")
@click.option("--thresholds", default="", metavar="T1,T2",
              help="Also report recall and precision at these thresholds (e.g. 0.7,0.9).")
@click.option("--rate", type=click.FloatRange(0.0, 1.0, min_open=True), default=None,
              help="Share of words the spinners change (default: theirs; e.g. 0.05 for "
                   "light spinning).")
@click.option("--pairs", nargs=2, type=click.Path(exists=True), default=None,
              metavar="SPUN ORIGINAL",
              help="Evaluate on real pairs instead: each .txt file under the folder SPUN "
                   "against the file of the same path under ORIGINAL, the text it was spun "
                   "from, or one file against another (gold edits by word alignment).")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Encoding of the --pairs files.")
def evaluate(corpus: str | None, families: tuple[str, ...], seeds: str, limit: int | None,
             examples: int, as_json: bool, thorough: bool, thresholds: str,
             rate: float | None, pairs: tuple[str, str] | None, encoding: str) -> None:
    """Spin the clean corpus, restore it, and print recall, precision, false edits
    per 10k words of clean prose, word error rate, calibration and document AUC.

    \b
    unspin evaluate                          the dev set, three spinner families
    unspin evaluate --pairs spun/ original/  real spun pages against their sources
    """
    from .evaluate import DEFAULT_FAMILIES, _seeds, _thresholds, format_report, run, run_pairs

    try:
        seed_list = _seeds(seeds)
    except ValueError:
        _fail(f"--seeds: expected integers like 1,2,3, got {seeds!r}")
    try:
        threshold_list = _thresholds(thresholds)
    except ValueError:
        _fail(f"--thresholds: expected numbers in 0..1 like 0.7,0.9, got {thresholds!r}")
    say = lambda m: click.echo(m, err=True)  # noqa: E731
    if pairs:
        if corpus or families or rate is not None:
            _fail("--pairs evaluates the given files: --corpus, --family and --rate spin "
                  "the corpus instead")
        try:
            report = run_pairs(Path(pairs[0]), Path(pairs[1]), limit=limit, examples=examples,
                               progress=say, thorough=thorough, thresholds=threshold_list,
                               encoding=encoding)
        except (FileNotFoundError, InputError) as error:  # (no pair; an unknown encoding)
            _fail(str(error))
    else:
        try:
            report = run(Path(corpus) if corpus else None, families or DEFAULT_FAMILIES,
                         seed_list, limit, examples=examples, progress=say,
                         thorough=thorough, thresholds=threshold_list, rate=rate)
        except FileNotFoundError as error:
            _fail(f"{error}; pass --corpus DIR")
    click.echo(json.dumps(report, indent=1) if as_json else format_report(report))
