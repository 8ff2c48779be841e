"""Build ``wordlists/tortured_phrases.tsv`` from the Problematic Paper Screener list.

Source and licence
------------------
``<repo>/../shared/data/tortured_phrases.json`` (override with ``--source DIR``): the
tortured-phrase fingerprints of the Problematic Paper Screener (Cabanac, Labbe &
Magazinov 2021, "Tortured phrases: a dubious writing style emerging in science"),
labelled CC BY 4.0, as flattened by the MIT-licensed repository giladfeldman/torturedcheck
(src/data/tortured-phrases.json).  The output is a derived work under CC BY 4.0: keep the
credit (see wordlists/LICENSES.md).  Phrase frequencies come from wordfreq and
symspellpy's bigram list (MIT, build-time only: ``pip install symspellpy``).

What it does
------------
* cleans both sides: unescapes ``\\"`` / ``\\&``, removes ``(...)`` and ``[...]`` notes
  ("region of interest (roi)" -> "region of interest"), cuts ", see http..." notes and
  "/" alternatives (keeps the first), maps the explanatory rows ("the word 'are' ...")
  to the quoted word, strips stray punctuation, lowercases, collapses spaces;
* drops artefact rows whose tortured text (case-insensitive) is contained in the correct
  text, empty sides, spun == original, and duplicates on (tortured, correct);
* drops rows whose correct side has 3 or more words more than the tortured side:
  flattened query fragments and explanations ("second request" -> "differential
  equation and 2nd order"), which would rewrite ordinary English;
* prior (same Bayes form as build_wordnet_spinner.py)::

      spin(t,c) = RATE * max(f(c), F_TERM) * 1/V(c)      V(c) = variants listed for c
      legit(t)  = (1 - RATE) * f(t)
      prior     = spin(t,c) / (sum_c' spin(t,c') + legit(t)), clipped to [0.02, 0.97]

  ``f`` of a phrase is the bigram Markov estimate of build_wordnet_spinner.Freq
  (symspellpy bigram counts; unlisted bigrams scaled down hard), of one word its
  wordfreq frequency (hyphenated compounds are split into words first).  F_TERM = 1e-7 is a floor for the correct term: it is the topic
  of the paper, so its general-English frequency underestimates it.  A tortured
  phrase that is itself ordinary English (a listed, frequent bigram) therefore gets a
  low prior, a phrase nobody writes gets ~0.97.

Usage: ``python scripts/build_tortured_phrases.py [--source DIR]``; deterministic output.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_wordnet_spinner import HEADER, REPO, Freq, load_bigrams, self_check  # noqa: E402

DEFAULT_SOURCE = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
OUT = os.path.join(REPO, "wordlists", "tortured_phrases.tsv")
RATE = 0.18
F_TERM = 1e-7
MIN_PRIOR, MAX_PRIOR = 0.02, 0.97

_QUOTED = re.compile(r"[‘'\"]([^’'\"]+)[’'\"]")


def clean(text: str) -> str:
    t = text.replace('\\"', '"').replace("\\&", "&")
    if t.startswith(("the word ", "paraphrased versions of the words")):
        m = _QUOTED.search(t)
        return m.group(1).strip().lower() if m else ""
    t = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", t)
    t = re.split(r",? see |https?://", t)[0]
    t = t.split("/")[0]
    t = t.replace('"', " ").replace("‘", " ").replace("’", " ").replace("?", " ")
    t = " ".join(t.split()).strip(" ,.;:-")
    return t.lower()


MAX_EXTRA_CORRECT_WORDS = 3


def build(source: str):
    with open(os.path.join(source, "tortured_phrases.json"), encoding="utf-8") as fh:
        data = json.load(fh)["phrases"]
    pairs: set[tuple[str, str]] = set()
    dropped = defaultdict(int)
    for row in data:
        raw_t, raw_c = row.get("tortured") or "", row.get("correct") or ""
        if raw_t.strip().lower() in raw_c.lower():
            dropped["artefact (tortured inside correct)"] += 1
            continue
        t, c = clean(raw_t), clean(raw_c)
        if not t or not c:
            dropped["empty side"] += 1
            continue
        if len(t) < 3 or not re.search(r"[a-z]", t):
            dropped["fragment after cleaning"] += 1
            continue
        if t == c or t in c:
            dropped["artefact after cleaning"] += 1
            continue
        if len(c.split()) >= len(t.split()) + MAX_EXTRA_CORRECT_WORDS:
            # a query fragment or an explanation, not a term: "second request" ->
            # "differential equation and 2nd order", "you simply" -> "you only
            # look once algorithm", "X or Y" alternatives
            dropped["correct side far longer (fragment or explanation)"] += 1
            continue
        pairs.add((t, c))
    freq = Freq(load_bigrams())
    variants: dict[str, int] = defaultdict(int)
    for t, c in pairs:
        variants[c] += 1
    def f(phrase: str) -> float:  # hyphenated compounds are estimated word by word
        return freq.legit(" ".join(phrase.replace("-", " ").split()))

    spin = {(t, c): RATE * max(f(c), F_TERM) / variants[c] for t, c in pairs}
    total: dict[str, float] = defaultdict(float)
    for (t, _), r in spin.items():
        total[t] += r
    rows, info = [], {}
    for (t, c), r in spin.items():
        legit = (1 - RATE) * f(t)
        prior = min(MAX_PRIOR, max(MIN_PRIOR, r / (total[t] + legit)))
        info[(t, c)] = (r, legit, prior)
        rows.append((t, c, prior))
    rows.sort(key=lambda x: (x[0], x[1]))
    return rows, info, dropped, len(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=DEFAULT_SOURCE, help="folder with tortured_phrases.json")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    rows, info, dropped, n_in = build(args.source)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# tortured_phrases.tsv -- tortured phrases -> usual scientific term.\n")
        fh.write("# Source: Problematic Paper Screener fingerprints (Cabanac, Labbe & Magazinov 2021),\n")
        fh.write("# CC BY 4.0, flattened by giladfeldman/torturedcheck (MIT); cleaned and scored by\n")
        fh.write("# unspin (derived work, CC BY 4.0; see LICENSES.md). Prior: see README.md.\n")
        fh.write("# Rebuild: python scripts/build_tortured_phrases.py\n")
        fh.write(HEADER + "\n")
        for t, c, p in rows:
            fh.write(f"{t}\t{c}\t{p:.3f}\ttortured_phrases\tpps\n")
    n = self_check(args.out)
    print(f"input pairs: {n_in}; dropped: {dict(sorted(dropped.items()))}")
    for t, c in [("counterfeit consciousness", "artificial intelligence"), ("surface region", "surface area"),
                 ("grouping methods", "classification methods"), ("loss characteristic", "loss function"),
                 ("profound learning", "deep learning"), ("area unit", "are"), ("square measure", "are"),
                 ("associate in nursing", "an")]:
        d = info.get((t, c))
        print(f"  {t:28} -> {c:24} " + (f"spin {d[0]:.2e} legit {d[1]:.2e} prior {d[2]:.3f}" if d else "absent"))
    low = sorted(rows, key=lambda r: (r[2], r[0]))[:12]
    print("lowest priors:", "; ".join(f"{t}->{c} {p:.3f}" for t, c, p in low))
    buckets = defaultdict(int)
    for _, _, p in rows:
        buckets[">=0.9" if p >= 0.9 else ">=0.5" if p >= 0.5 else "<0.5"] += 1
    print("prior buckets:", dict(sorted(buckets.items())))
    print(f"tortured_phrases: {n} rows, {os.path.getsize(args.out)} bytes -> {os.path.relpath(args.out, REPO)}")


if __name__ == "__main__":
    main()
