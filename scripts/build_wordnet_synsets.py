"""Build ``wordlists/wordnet_synsets.tsv.gz``: every WordNet 3.0 synset, compact.

Source and licence
------------------
WordNet 3.0 (c) 2006 Princeton University, as packaged by Debian ``wordnet-base``
(``/usr/share/wordnet``), under the WordNet 3.0 licence (permissive, BSD-style). The
licence requires its notice on all copies, so the notice is reproduced verbatim in the
header comment of the output file.

Output format (UTF-8, gzip)
---------------------------
Lines starting with ``#`` are comments (the licence and provenance). Then one synset per
line, in WordNet's own order (data.noun, data.verb, data.adj, data.adv; file order,
i.e. by byte offset)::

    <ss_type>\\t<lemma>\\t<lemma>...

``ss_type`` is WordNet's synset type: ``n`` noun, ``v`` verb, ``a`` adjective, ``s``
adjective satellite, ``r`` adverb. Lemmas keep WordNet's case ("December",
"mainland China") and order (sense order within the synset); underscores become spaces
and adjective position markers ``(a)``, ``(p)``, ``(ip)`` are stripped. A lemma that
appears twice in one synset after that clean-up is kept once. Every synset and every
lemma is kept (117,659 synsets). The morphological exception lists are not included.

The output is deterministic: fixed order, gzip header with mtime 0 and no file name.
The library reads it with :func:`restore.spin.load_synsets`; it never needs WordNet at
run time.

Usage: ``python scripts/build_wordnet_synsets.py [--wordnet-dir DIR] [--out PATH]``
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import os
import re
import sys

DEFAULT_WORDNET_DIR = "/usr/share/wordnet"
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from wordnet_reader import iter_synsets  # noqa: E402  (scripts/ is not a package)
DEFAULT_OUT = os.path.join(HERE, "..", "wordlists", "wordnet_synsets.tsv.gz")


def read_licence(wordnet_dir: str) -> list[str]:
    """The licence block at the top of data.noun, without the line numbers."""
    lines: list[str] = []
    with open(os.path.join(wordnet_dir, "data.noun"), encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("  "):
                break
            text = line.strip()
            text = re.sub(r"^\d+\s?", "", text)
            lines.append(text.rstrip())
    while lines and not lines[-1]:
        lines.pop()
    return lines


def licence_comment(wordnet_dir: str) -> str:
    """The licence as ``#`` comment lines, framed by empty comment lines."""
    return "#\n" + "".join(f"#   {line}".rstrip() + "\n" for line in read_licence(wordnet_dir)) + "#\n"


def read_synsets(wordnet_dir: str) -> list[tuple[str, tuple[str, ...]]]:
    """All synsets as (ss_type, lemmas), in WordNet order."""
    return [(ss_type, lemmas) for _, _, ss_type, lemmas in iter_synsets(wordnet_dir)]


def render(wordnet_dir: str) -> str:
    synsets = read_synsets(wordnet_dir)
    n_lemmas = len({lemma for _, lemmas in synsets for lemma in lemmas})
    out = io.StringIO()
    out.write("# wordnet_synsets.tsv.gz -- every synset of WordNet 3.0, one per line:\n")
    out.write("# ss_type<TAB>lemma<TAB>lemma... (n noun, v verb, a adj, s adj satellite, r adv);\n")
    out.write("# underscores as spaces, WordNet case, adjective markers stripped.\n")
    out.write(f"# {len(synsets)} synsets, {n_lemmas} distinct lemma strings.\n")
    out.write("# Built by scripts/build_wordnet_synsets.py from Debian wordnet-base\n")
    out.write("# (/usr/share/wordnet). WordNet 3.0 licence, reproduced as required:\n")
    out.write(licence_comment(wordnet_dir))
    for ss_type, lemmas in synsets:
        out.write(ss_type + "\t" + "\t".join(lemmas) + "\n")
    return out.getvalue()


def write_gzip(path: str, content: str) -> None:
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(content.encode("utf-8"))
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(raw.getvalue())
    os.replace(tmp, path)


def build_main(argv: list[str] | None, description: str, default_out: str, needed: str,
               render_fn, write_fn, unit: str) -> int:
    """The command line of a script that builds a wordlist from WordNet: ``--wordnet-dir``
    (which must hold ``needed``) and ``--out``; ``render_fn(wordnet_dir)`` makes the
    content, ``write_fn(path, content)`` writes it, and a line reports it, counting its
    non-comment lines as ``unit``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--wordnet-dir", default=DEFAULT_WORDNET_DIR)
    parser.add_argument("--out", default=default_out)
    args = parser.parse_args(argv)
    if not os.path.exists(os.path.join(args.wordnet_dir, needed)):
        print(f"no WordNet at {args.wordnet_dir} (apt-get install wordnet-base)", file=sys.stderr)
        return 2
    content = render_fn(args.wordnet_dir)
    write_fn(os.path.abspath(args.out), content)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    n = sum(1 for line in content.splitlines() if line and not line.startswith("#"))
    print(f"wrote {args.out}: {n} {unit}, {os.path.getsize(args.out)} bytes, sha256 {digest}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return build_main(argv, __doc__.split("\n")[0], DEFAULT_OUT, "data.noun", render,
                      write_gzip, "synsets")


if __name__ == "__main__":
    sys.exit(main())
