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
import os
import sys
import time
from typing import Sequence

import click

from . import __version__
from .engine import DEFAULT_THRESHOLD, get_restorer
from .report import Restoration
from .tables import TableError, builtin_table_paths
from .batch import Config, FileResult
from .batch_report import ReportWriter
from .pool import Summary, run_batch
from .stream import MAX_CHUNK_CHARS, iter_text_chunks
from .textio import (InputError, binary_stream, check_encoding, decode_bytes, encode_text,
                     read_text_file)
from .undo import undo_report
from .walk import DEFAULT_INCLUDE, OutputClash, discover

DEFAULT_SPIN_THRESHOLD = 0.5


def _fail(message: str) -> None:
    click.echo(f"unspin: error: {message}", err=True)
    sys.exit(2)


def _fail_if_missing(paths: Sequence[str]) -> None:
    """A usage error for the first path (not ``-``, stdin) that does not exist."""
    for path in paths:
        if path != "-" and not os.path.exists(path):
            _fail(f"{path}: no such file")


def _read(path: str, encoding: str) -> str:
    if path == "-":
        data = binary_stream("stdin").read()
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


def _restorer(families: Sequence[str], wordlists: Sequence[str], thorough: bool = False):
    try:
        return get_restorer(families or None, wordlists, thorough)
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
    click.option("--thorough", is_flag=True,
                 help="Read every text the thorough way, which also looks for spinning "
                      "that swaps only everyday words (thesaurus-style); several times "
                      "slower on clean text. Without it, texts that show such a spinner "
                      "are read that way anyway."),
]


def shared_options(function):
    for option in reversed(_shared):
        function = option(function)
    return function


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="unspin")
def main() -> None:
    """Detect and reverse synonym-spun text."""


_INCLUDE_HELP = ", ".join(DEFAULT_INCLUDE)

_include_option = click.option(
    "--include", multiple=True, metavar="GLOB",
    help=f"Files to take inside folders (repeatable; default: {_INCLUDE_HELP}). "
         "Files named on the command line are always taken.")
_exclude_option = click.option(
    "--exclude", multiple=True, metavar="GLOB",
    help="Files or folders to leave out (repeatable; matched against the name and the "
         "path inside the folder). .git, .hg and .svn are always left out.")
_jobs_option = click.option("-j", "--jobs", type=click.IntRange(1), default=None,
                            help="Worker processes (default: number of cores).")


def _paths_or_stdin(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The paths given, or ``-`` (stdin) when none are and text is piped in
    (``cat page.txt | unspin fix``); at a terminal, none is a usage error."""
    if paths:
        return paths
    if _stdin_is_terminal():
        raise click.UsageError("Missing argument 'PATHS...': give files or folders, "
                               "or - to read stdin.")
    return ("-",)


def _stdin_is_terminal() -> bool:
    return sys.stdin is None or sys.stdin.isatty()


@main.command()
@click.argument("paths", nargs=-1)
@shared_options
@click.option("--explain", is_flag=True,
              help="List each substitution (where, spun -> original, confidence, rule) on stderr.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Output format on stdout.")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), default=None,
              help="Write restored files here, mirroring the input tree.")
@click.option("--in-place", is_flag=True, help="Rewrite the files themselves (atomically).")
@click.option("--check", is_flag=True,
              help="Change nothing; exit 1 if any file would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff on stdout.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None,
              help="Write a JSON-lines report (one object per file), for review and "
                   "for 'unspin undo'.")
@_jobs_option
@_include_option
@_exclude_option
def fix(paths: tuple[str, ...], threshold: float | None, families: tuple[str, ...],
        wordlists: tuple[str, ...], encoding: str, thorough: bool, explain: bool,
        output_format: str, output_dir: str | None, in_place: bool, check: bool, show_diff: bool,
        report_path: str | None, jobs: int | None, include: tuple[str, ...],
        exclude: tuple[str, ...]) -> None:
    """Restore spun text.

    \b
    unspin fix article.txt             restored text on stdout (also: - for stdin)
    unspin fix docs/ -o fixed/         a folder, mirrored into fixed/
    unspin fix docs/ --in-place --report changes.jsonl
    unspin fix docs/ --check --diff    show what would change, write nothing
    unspin undo changes.jsonl          put every changed file back, byte for byte

    Folders are walked recursively; symlinks are not followed. Binary and
    undecodable files are skipped with a reason. Writes are atomic: a file is
    either fully old or fully new, even after Ctrl-C or a crash. Exit status:
    0 done, 1 a file failed (or, with --check, would change), 2 bad usage.
    """
    paths = _paths_or_stdin(paths)
    encoding = check_encoding(encoding)
    batch_mode = bool(output_dir or in_place or check or show_diff or report_path
                      or any(p != "-" and os.path.isdir(p) for p in paths))
    if not batch_mode:
        _fix_to_stdout(paths, threshold, families, wordlists, encoding, explain, output_format,
                       thorough)
        return
    if output_dir and in_place:
        _fail("--output-dir and --in-place cannot be used together; pick one")
    if check and (output_dir or in_place):
        _fail("--check changes nothing; drop --output-dir/--in-place (or drop --check)")
    if "-" in paths:
        _fail("- (stdin) works only alone, with the restored text on stdout")
    if explain or output_format != "text":
        _fail("--explain and --format json print one text; for folders use --report")
    folders = [p for p in paths if os.path.isdir(p)]
    if folders and not (output_dir or in_place or check or show_diff):
        read_text_file(folders[0], encoding)  # the one-line "is a directory" error
    if output_dir and os.path.exists(output_dir) and any(
            os.path.samefile(output_dir, p) for p in folders):
        _fail("--output-dir is the input folder; use --in-place to rewrite files")
    restorer = _restorer(families, wordlists, thorough)
    write = bool(output_dir or in_place)
    _fail_if_missing(paths)
    try:
        items = discover(paths, include or DEFAULT_INCLUDE, exclude, output_dir, in_place)
    except OutputClash as error:
        _fail(str(error))
    if report_path:
        ReportWriter(report_path, truncate=True)
    config = Config(restorer, threshold, encoding, write=write, diff=show_diff,
                    report=report_path)
    summary = run_folders(items, config, jobs or _cores(), check)
    if summary.failed or summary.interrupted:
        sys.exit(130 if summary.interrupted else 1)
    if check and summary.changed:
        sys.exit(1)


def _cores() -> int:
    """Cores this process may use (the affinity mask, where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def run_folders(items: list, config: Config, jobs: int, check: bool) -> Summary:
    """Run the batch with a progress bar (on a terminal) and a summary line."""
    summary = Summary()
    out = binary_stream("stdout")
    bar = None
    if sys.stderr.isatty() and len(items) > 1:
        bar = click.progressbar(length=len(items), label="unspin", file=sys.stderr)
        bar.__enter__()

    def on_result(result: FileResult) -> None:
        summary.add(result)
        if bar is not None:
            bar.update(1)
        if result.status == "failed":
            click.echo(f"unspin: failed: {result.reason}", err=True)
        elif result.reason:
            click.echo(f"unspin: {result.reason}", err=True)
        elif check and result.status == "would_change":
            click.echo(f"would fix {result.path}", err=True)
        if result.diff:
            out.write(result.diff.encode("utf-8", "surrogateescape"))
            out.flush()

    start = time.perf_counter()
    try:
        run_batch(items, config, jobs, on_result)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    summary.seconds = time.perf_counter() - start
    click.echo(f"unspin: {summary.line(not config.write)}", err=True)
    return summary


def _is_big_file(path: str) -> bool:
    """A regular file larger than one chunk: restored chunk by chunk."""
    try:
        return path != "-" and os.path.isfile(path) and os.path.getsize(path) > MAX_CHUNK_CHARS
    except OSError:
        return False


def _stream_to_stdout(path: str, restorer, threshold: float | None, encoding: str,
                      out) -> None:
    """Restore a big file in bounded memory. A first pass decodes it all, so
    a bad byte is still a one-line error before any output."""
    with open(path, "rb") as source:
        for _ in iter_text_chunks(source, path, encoding):
            pass
    with open(path, "rb") as source:
        for chunk in iter_text_chunks(source, path, encoding):
            out.write(encode_text(restorer.restore(chunk, threshold).text, path, encoding))
    out.flush()


def _fix_to_stdout(paths: tuple[str, ...], threshold: float | None, families: tuple[str, ...],
                   wordlists: tuple[str, ...], encoding: str, explain: bool,
                   output_format: str, thorough: bool = False) -> None:
    """Files (or -) to stdout, as the command always did."""
    restorer = _restorer(families, wordlists, thorough)
    out = binary_stream("stdout")
    failed = False
    for path in paths:
        name = "<stdin>" if path == "-" else path
        if output_format == "text" and not explain and _is_big_file(path):
            _stream_to_stdout(path, restorer, threshold, encoding, out)
            continue
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
@click.argument("paths", nargs=-1)
@shared_options
@click.option("--spin-threshold", type=click.FloatRange(0.0, 1.0),
              default=DEFAULT_SPIN_THRESHOLD, show_default=True,
              help="Spin score over which a text counts as spun (exit status 1).")
@click.option("--count", is_flag=True,
              help="Also restore each file (nothing is written) and count the "
                   "substitutions that would be made at --threshold; several times "
                   "slower on spun text.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True,
              help="json: one object per file on stdout (path, spin_score, spun, and "
                   "with --count substitutions; or path and error).")
@_jobs_option
@_include_option
@_exclude_option
def check(paths: tuple[str, ...], threshold: float | None, families: tuple[str, ...],
          wordlists: tuple[str, ...], encoding: str, thorough: bool, spin_threshold: float,
          count: bool, output_format: str, jobs: int | None, include: tuple[str, ...],
          exclude: tuple[str, ...]) -> None:
    """Print the spin score of each file; exit 1 when any is over the threshold.

    \b
    unspin check article.txt           one file (also: - for stdin)
    unspin check scraped/ -j 4         a folder, walked recursively
    unspin check scraped/ --format json > scores.jsonl

    The score is the one 'unspin fix' works out, without restoring anything
    (--count restores too). Files are printed in the order given (folders
    sorted by name). A file that cannot be read (binary, not in the
    encoding, unreadable) gets a one-line message on stderr and the others
    are still checked. Exit status: 0 no file spun, 1 a file spun, 2 a file
    could not be read or bad usage (2 wins over 1; --format json tells each
    file apart).
    """
    paths = _paths_or_stdin(paths)
    encoding = check_encoding(encoding)
    if "-" in paths and len(paths) > 1:
        _fail("- (stdin) works only alone")
    _fail_if_missing(paths)
    restorer = _restorer(families, wordlists, thorough)
    if paths == ("-",):
        text = _read("-", encoding)
        if count:
            result = restorer.restore(text, threshold)
            score, made = result.spin_score, len(result.substitutions)
        else:
            score, made = restorer.spin_score(text), None
        spun = score > spin_threshold
        _print_score("<stdin>", score, spun, made, output_format)
        sys.exit(1 if spun else 0)
    items = discover(paths, include or DEFAULT_INCLUDE, exclude)
    config = Config(restorer, threshold, encoding, score_only=not count)
    counts = {"spun": 0, "unreadable": 0}
    waiting: dict[int, FileResult] = {}
    following = 0

    def show(result: FileResult) -> None:
        if result.status in ("skipped", "failed"):
            if not items[result.index].skip:  # (a symlink the walk left out is no error)
                counts["unreadable"] += 1
            click.echo(f"unspin: error: {result.reason}", err=True)
            if output_format == "json":
                click.echo(json.dumps({"path": result.path, "error": result.reason},
                                      ensure_ascii=False))
            return
        spun = result.spin_score > spin_threshold
        counts["spun"] += spun
        _print_score(result.path, result.spin_score, spun,
                     result.substitutions if count else None, output_format)

    def in_order(result: FileResult) -> None:
        nonlocal following
        waiting[result.index] = result
        while following in waiting:
            show(waiting.pop(following))
            following += 1

    run_batch(items, config, jobs or _cores(), in_order)
    if len(items) != 1:  # (none at all is said too: a folder without matching files)
        click.echo(f"unspin: {len(items)} files, {counts['spun']} spun, "
                   f"{counts['unreadable']} could not be read", err=True)
    sys.exit(2 if counts["unreadable"] else 1 if counts["spun"] else 0)


def _print_score(name: str, score: float, spun: bool, substitutions: int | None,
                 output_format: str) -> None:
    """One file's line (``substitutions``: None when not counted)."""
    if output_format == "json":
        record = {"path": name, "spin_score": score, "spun": spun}
        if substitutions is not None:
            record["substitutions"] = substitutions
        click.echo(json.dumps(record, ensure_ascii=False))
    else:
        verdict = "spun" if spun else "not spun"
        made = "" if substitutions is None else f"; {substitutions} substitution(s) would be made"
        click.echo(f"{name}: spin score {score:.2f} ({verdict}{made})")


@main.command()
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Say what would be restored; change nothing.")
def undo(report: str, dry_run: bool) -> None:
    """Put every file a --report changed back to its exact original bytes.

    A file is restored only if it still has the bytes the report recorded
    after the fix; a file edited since is refused and left as it is (exit 1).
    """
    counts: dict[str, int] = {}
    for outcome in undo_report(report, dry_run):
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
        if outcome.status != "restored" or dry_run:
            click.echo(f"unspin: {outcome.status}: {outcome.message}", err=True)
    verb = "would restore" if dry_run else "restored"
    click.echo(f"unspin: {counts.get('restored', 0)} {verb}, {counts.get('unchanged', 0)} "
               f"already original, {counts.get('refused', 0)} refused, "
               f"{counts.get('failed', 0)} failed", err=True)
    sys.exit(1 if counts.get("refused") or counts.get("failed") else 0)


@main.command(name="tables")
def list_tables() -> None:
    """List the shipped table families and their row counts."""
    from .tables import load_rows

    for family, path in sorted(builtin_table_paths().items()):
        click.echo(f"{family}\t{len(load_rows([family]))} rows\t{path}")

from .cli_extra import spin, evaluate  # noqa: E402  (unspin spin / unspin evaluate)
main.add_command(spin); main.add_command(evaluate)
