"""The WordNet channel's rows for every lemma, shipped precomputed.

Working out the channel's rows (:func:`restore.channel._rows_for`) for all
43k lemmas that have any takes 3-6 s, which used to be half of the very first
run on spun text. ``scripts/build_wordnet_channel.py`` works them out once and
ships them in ``wordlists/wordnet_channel.tsv.gz``; the channel reads them when
it fills its cache (:func:`restore.channel.lemma_table`).

The file carries a *stamp*: a hash of what the rows were worked out from (the
shipped synsets, the language model's file, the channel's constants and rule
version; see :func:`restore.channel.channel_stamp`). A file whose stamp is not
the current one is ignored and the rows are worked out as before, so a newer
language model or changed rules never read stale rows.

Format (UTF-8, gzip, deterministic: mtime 0, no file name)::

    # comment lines (provenance, licence)
    # <input> sha256: <hex>        (one line per input the rows were worked out from)
    # stamp: <hex>
    <lemma>\\t<original>\\t<prior>\\t<original>\\t<prior>...

Priors are written with ``repr`` so they read back as the same floats.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "t.tsv.gz")
>>> write_rows(path, "abc", {"volition": ("will", 0.98)}, ["test"])
>>> read_rows(path, "abc")
{'volition': ('will', 0.98)}
>>> read_rows(path, "other") is None
True
"""

from __future__ import annotations

import gzip
import io
import os
from typing import Iterable

STAMP_PREFIX = "# stamp: "
INPUT_MARK = " sha256: "


def write_rows(path: str | os.PathLike[str], stamp: str, table: dict[str, tuple],
               comments: Iterable[str], inputs: Iterable[tuple[str, str]] = ()) -> None:
    """Write ``table`` (``{lemma: (original, prior, original, prior, ...)}``),
    sorted by lemma, with ``comments``, ``inputs`` ((name, sha256) pairs, see
    :func:`built_from`) and ``stamp`` in the header."""
    text = io.StringIO()
    for comment in comments:
        text.write(f"# {comment}\n" if comment else "#\n")
    for name, digest in inputs:
        text.write(f"# {name}{INPUT_MARK}{digest}\n")
    text.write(f"{STAMP_PREFIX}{stamp}\n")
    for lemma in sorted(table):
        flat = table[lemma]
        cells = [lemma]
        for i in range(0, len(flat), 2):
            cells += [flat[i], repr(flat[i + 1])]
        text.write("\t".join(cells) + "\n")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                 filename="") as fh:
        fh.write(text.getvalue().encode("utf-8"))


def read_rows(path: str | os.PathLike[str], stamp: str) -> dict[str, tuple] | None:
    """The table in ``path`` if its stamp is ``stamp``; ``None`` when the file
    is missing, unreadable or stale."""
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as fh:
            content = fh.read()
    except (OSError, EOFError, UnicodeDecodeError):
        return None
    table: dict[str, tuple] = {}
    stamped = False
    for line in content.splitlines():
        if line.startswith("#"):
            if line.startswith(STAMP_PREFIX):
                if line[len(STAMP_PREFIX):].strip() != stamp:
                    return None
                stamped = True
            continue
        cells = line.split("\t")
        if not stamped or len(cells) < 3 or len(cells) % 2 == 0:
            return None  # not a table this module wrote
        try:
            table[cells[0]] = tuple(cell if i % 2 else float(cell)
                                    for i, cell in enumerate(cells[1:], start=1))
        except ValueError:
            return None
    return table if stamped else None


def built_from(path: str | os.PathLike[str]) -> dict[str, str]:
    """The inputs named in the header of the table in ``path``: ``{name: sha256}``.

    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "t.tsv.gz")
    >>> write_rows(path, "abc", {}, ["test"], [("synsets", "12ab")])
    >>> built_from(path)
    {'synsets': '12ab'}
    """
    inputs = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            if INPUT_MARK in line:
                name, digest = line[2:].rstrip("\n").split(INPUT_MARK)
                inputs[name] = digest
    return inputs
