"""The ``unspin`` command line.

    unspin fix article.txt                 restored text on stdout
    unspin fix - < article.txt             standard input
    unspin fix --explain article.txt       substitutions listed on stderr
    unspin fix --format json article.txt   text, substitutions, spin_score
    unspin check article.txt               spin score; exit 1 over the threshold

Exit status: 0 done (``check``: not spun), 1 ``check`` found spun text,
2 bad input or usage (a one-line message, never a traceback).
"""

from __future__ import annotations

import json
import sys
from typing import Sequence

import click

from . import __version__
from .engine import DEFAULT_THRESHOLD, get_restorer
from .report import Restoration
from .tables import TableError, builtin_table_paths
from .textio import InputError, check_encoding, decode_bytes, encode_text, read_text_file

DEFAULT_SPIN_THRESHOLD = 0.5


def _fail(message: str) -> None:
    click.echo(f"unspin: error: {message}", err=True)
    sys.exit(2)


def _read(path: str, encoding: str) -> str:
    if path == "-":
        data = click.get_binary_stream("stdin").read()
        return decode_bytes(data, "<stdin>", encoding)
    return read_text_file(path, encoding)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def format_explanation(name: str, text: str, result: Restoration) -> str:
    """Human-readable list of substitutions, one per line."""
    lines = [f"{name}: {len(result.substitutions)} substitution(s), "
             f"spin score {result.spin_score:.2f}"]
    for sub in result.substitutions:
        line, column = _line_col(text, sub.start)
        lines.append(f"  {line}:{column}  {sub.spun!r} -> {sub.original!r}  "
                     f"confidence {sub.confidence:.2f}  rule {sub.rule}")
    return "\n".join(lines)


def _restorer(families: Sequence[str], wordlists: Sequence[str]):
    try:
        return get_restorer(families or None, wordlists)
    except TableError as error:
        _fail(str(error))


class _Group(click.Group):
    """Turns our error types into one-line messages with exit status 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (InputError, TableError) as error:
            _fail(str(error))
        except BrokenPipeError:  # `unspin fix big.txt | head`
            sys.stderr.close()
            sys.exit(0)


_shared = [
    click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None,
                 help=f"Confidence a substitution needs (default {DEFAULT_THRESHOLD})."),
    click.option("--family", "families", multiple=True, metavar="NAME",
                 help="Use only these table families (repeatable): "
                      "wordnet_spinner, tortured_phrases, or a family of --wordlist."),
    click.option("--wordlist", "wordlists", multiple=True, metavar="FILE",
                 type=click.Path(dir_okay=False),
                 help="Add your own TSV table (repeatable; format in wordlists/README.md)."),
    click.option("--encoding", default="utf-8", show_default=True,
                 help="Encoding of the input files (output uses the same)."),
]


def shared_options(function):
    for option in reversed(_shared):
        function = option(function)
    return function


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="unspin")
def main() -> None:
    """Detect and reverse synonym-spun text."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@shared_options
@click.option("--explain", is_flag=True,
              help="List each substitution (where, spun -> original, confidence, rule) on stderr.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Output format on stdout.")
def fix(paths: tuple[str, ...], threshold: float | None, families: tuple[str, ...],
        wordlists: tuple[str, ...], encoding: str, explain: bool, output_format: str) -> None:
    """Restore spun text from files (or - for stdin) to stdout."""
    encoding = check_encoding(encoding)
    restorer = _restorer(families, wordlists)
    out = click.get_binary_stream("stdout")
    failed = False
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            text = _read(path, encoding)
        except InputError as error:
            if len(paths) == 1:
                raise
            click.echo(f"unspin: error: {error}", err=True)
            failed = True
            continue
        result = restorer.restore(text, threshold)
        if output_format == "json":
            payload = {"path": name, **result.to_dict()}
            out.write((json.dumps(payload, ensure_ascii=False) + "\n").encode("utf-8"))
        else:
            out.write(encode_text(result.text, name, encoding))
        out.flush()
        if explain:
            click.echo(format_explanation(name, text, result), err=True)
    if failed:
        sys.exit(2)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@shared_options
@click.option("--spin-threshold", type=click.FloatRange(0.0, 1.0),
              default=DEFAULT_SPIN_THRESHOLD, show_default=True,
              help="Spin score over which a text counts as spun (exit status 1).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True)
def check(paths: tuple[str, ...], threshold: float | None, families: tuple[str, ...],
          wordlists: tuple[str, ...], encoding: str, spin_threshold: float,
          output_format: str) -> None:
    """Print the spin score of each file; exit 1 when any is over the threshold."""
    encoding = check_encoding(encoding)
    restorer = _restorer(families, wordlists)
    spun_any = False
    for path in paths:
        name = "<stdin>" if path == "-" else path
        text = _read(path, encoding)
        result = restorer.restore(text, threshold)
        spun = result.spin_score > spin_threshold
        spun_any |= spun
        if output_format == "json":
            click.echo(json.dumps({"path": name, "spin_score": result.spin_score,
                                   "spun": spun,
                                   "substitutions": len(result.substitutions)}))
        else:
            verdict = "spun" if spun else "not spun"
            click.echo(f"{name}: spin score {result.spin_score:.2f} ({verdict}; "
                       f"{len(result.substitutions)} substitution(s) would be made)")
    sys.exit(1 if spun_any else 0)


@main.command(name="tables")
def list_tables() -> None:
    """List the shipped table families and their row counts."""
    from .tables import load_rows

    for family, path in sorted(builtin_table_paths().items()):
        click.echo(f"{family}\t{len(load_rows([family]))} rows\t{path}")
