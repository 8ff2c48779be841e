"""Build ``wordlists/wordnet_irregular_verbs.tsv``: WordNet's irregular verb forms.

Source and licence
------------------
WordNet 3.0 (c) 2006 Princeton University, as packaged by Debian ``wordnet-base``
(``/usr/share/wordnet/verb.exc``, the morphological exception list of verbs), under the
WordNet 3.0 licence (permissive, BSD-style), whose notice is reproduced in the header
comment of the output file.

What it is for
--------------
:func:`restore.inflection.inflect` puts a regular ending on a lemma and keeps a spelling
the language model knows. That model was trained on speech and knows "knowed",
"sayed" and "seed", so "know", "say" and "see" got a regular past they do not have. The
exception list names their real forms ("knew", "known"; "said"; "saw", "seen"), and a
regular -ed form much rarer than them is not produced.

Output format (UTF-8)
---------------------
``#`` comment lines (provenance, licence), then one ``form<TAB>lemma`` line per
exception of verb.exc, in its order, leaving out the -ing forms ("dying", "putting":
they are no past) and forms of more than one word. The output is deterministic.

Usage: ``python scripts/build_wordnet_irregular.py [--wordnet-dir DIR] [--out PATH]``
"""

from __future__ import annotations

import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build_wordnet_synsets import build_main, licence_comment  # noqa: E402

DEFAULT_OUT = os.path.join(HERE, "..", "wordlists", "wordnet_irregular_verbs.tsv")


def read_exceptions(wordnet_dir: str) -> list[tuple[str, str]]:
    """(form, lemma) pairs of verb.exc, -ing forms and multiword entries left out."""
    pairs: list[tuple[str, str]] = []
    with open(os.path.join(wordnet_dir, "verb.exc"), encoding="utf-8") as fh:
        for line in fh:
            form, *lemmas = line.split()
            if form.endswith("ing") or "_" in form:
                continue
            pairs.extend((form, lemma) for lemma in lemmas if "_" not in lemma)
    return pairs


def render(wordnet_dir: str) -> str:
    pairs = read_exceptions(wordnet_dir)
    out = io.StringIO()
    out.write("# wordnet_irregular_verbs.tsv -- irregular verb forms of WordNet 3.0 (verb.exc),\n")
    out.write("# form<TAB>lemma, -ing forms left out; read by restore/inflection.py.\n")
    out.write(f"# {len(pairs)} pairs. Built by scripts/build_wordnet_irregular.py from Debian\n")
    out.write("# wordnet-base (/usr/share/wordnet). WordNet 3.0 licence, reproduced as required:\n")
    out.write(licence_comment(wordnet_dir))
    for form, lemma in pairs:
        out.write(f"{form}\t{lemma}\n")
    return out.getvalue()


def write_text(path: str, content: str) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(content)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    return build_main(argv, __doc__.split("\n")[0], DEFAULT_OUT, "verb.exc", render,
                      write_text, "pairs")


if __name__ == "__main__":
    sys.exit(main())
