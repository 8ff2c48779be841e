"""Build ``wordlists/wordnet_channel.tsv.gz``: the WordNet channel's rows, precomputed.

The WordNet channel (``restore/channel.py``) proposes, for a spun form that is a
WordNet lemma, the single-word originals within two synonym hops, with a Bayes prior.
Its rows for every lemma take 3-6 s to work out; this script works them out once, with
the library's own code, so that the first run on spun text reads them instead.

Sources and licences
--------------------
* ``wordlists/wordnet_synsets.tsv.gz`` (built by ``scripts/build_wordnet_synsets.py``
  from WordNet 3.0, Princeton University, Debian ``wordnet-base``; WordNet 3.0 licence,
  reproduced in ``wordlists/LICENSES.md``).
* The unigram and sequence probabilities of the CMU ``en-us`` trigram language model in
  the ``pocketsphinx`` wheel (BSD-2-Clause): only derived numbers (priors) are shipped.

Output
------
See :mod:`restore.channel_table` for the format. The file carries the stamp of
:func:`restore.channel.channel_stamp`; the library ignores it when the synsets, the
language model's file, the channel's constants or ``RULES_VERSION`` differ, and works
the rows out instead. The output is deterministic (sorted, gzip mtime 0).

Usage: ``python scripts/build_wordnet_channel.py [--out PATH]``
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from restore.channel import (CHANNEL_TABLE_FILE, channel_stamp,  # noqa: E402
                             stamp_inputs, work_out_all_lemma_rows)
from restore.channel_table import write_rows  # noqa: E402
from restore.wordnet import synsets_path  # noqa: E402

DEFAULT_OUT = os.path.join(HERE, "..", "wordlists", CHANNEL_TABLE_FILE)
COMMENTS = [
    "wordnet_channel.tsv.gz -- the rows of the WordNet channel (restore/channel.py) for every",
    "WordNet lemma that has any: lemma, then original<TAB>prior pairs.",
    "Built by scripts/build_wordnet_channel.py from wordnet_synsets.tsv.gz and the",
    "probabilities of the CMU en-us language model in the pocketsphinx wheel (BSD-2-Clause;",
    "only derived numbers). Derived from WordNet 3.0; its licence, reproduced as required:",
    "",
]


def wordnet_licence(synsets_file: str) -> list[str]:
    """The WordNet licence as the synsets file reproduces it (its indented comment lines)."""
    lines = []
    with gzip.open(synsets_file, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            if line.startswith("#   ") or (lines and line.strip() == "#"):
                lines.append(line[2:].rstrip("\n"))
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    table = work_out_all_lemma_rows()
    licence = wordnet_licence(str(synsets_path()))
    if not any("Princeton University" in line for line in licence):
        raise SystemExit("the WordNet licence was not found in the synsets file's header")
    write_rows(args.out, channel_stamp(), table, COMMENTS + licence + [""], stamp_inputs())
    rows = sum(len(flat) // 2 for flat in table.values())
    print(f"{args.out}: {len(table):,} lemmas, {rows:,} rows, "
          f"{os.path.getsize(args.out):,} bytes, stamp {channel_stamp()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
