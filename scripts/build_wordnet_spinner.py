"""Build ``wordlists/wordnet_spinner.tsv``: reversal table for the WordNet-style spinner.

Sources and licences
--------------------
* WordNet 3.0 (Princeton University), Debian ``wordnet-base`` at ``/usr/share/wordnet``;
  WordNet 3.0 licence (permissive, BSD-style), text in ``wordlists/LICENSES.md``.
* ``<repo>/../shared/data/wild_substitutions.tsv`` (override with ``--source DIR``):
  substitution pairs aligned from real spun web pages (facts only, no page text).
* ``wordfreq`` (word frequencies; data CC BY-SA 4.0, we only derive numbers from it).
* ``symspellpy``'s ``frequency_bigramdictionary_en_243_342.txt`` (MIT), build-time only,
  for phrase frequencies.  ``pip install symspellpy`` before running.

The runtime library never needs WordNet, wordfreq bigrams, symspellpy or network: it
only reads the TSV written here.

What it does
------------
The spinner replaces a bare token that is an exact WordNet lemma string by a lemma of
one of that word's synsets; it runs several passes, so a replacement may be replaced
again (2 hops: be -> live -> survive; or one word inside a multiword replacement:
there -> at that place -> at that topographic point).  For every original word ``w``
(wild data + wordfreq top-N English words that are exact WordNet lemmas + digit lemmas)
we enumerate the spun forms ``s`` and score them.

Prior (Bayes; documented again in wordlists/README.md)::

    q1(s|w)   = 1/S_w * sum over synsets X containing w and s of 1/(|X|-1)
                (S_w = number of synsets of w that offer an alternative lemma: the
                spinner picks a synset, then another lemma of it)
    q2(s|w)   = PASS2 * sum_l q1(l|w) * q1(s|l)              (hop2 via a 1-word l)
    qc(s|w)   = PASS2 * q1(M|w) * 1/len(M) * q1(t|m)        (chain: word m of a
                multiword hop1 lemma M re-spun to t)
    spin(s,w) = RATE * f(w) * (q1 + q2 + qc) * (1 + wild_count(s,w))
    legit(s)  = (1 - RATE) * f_legit(s)
    prior(s,w)= spin(s,w) / (sum_w' spin(s,w') + legit(s)),  clipped to [0.02, 0.99]

with RATE = 0.18 (share of words a WordNet spinner changes), PASS2 = 0.3.
``f`` is wordfreq's frequency (digits via wordfreq's number handling; a word that is a
lemma both lower-case and capitalised, e.g. china/China, splits f 50/50).  ``f_legit``
for one token is wordfreq's frequency (lower-case roman numerals that WordNet lists as
numbers, e.g. "ii", "xxx", get x0.1: legitimate bare uses are almost always "II" or
"(ii)"); for a phrase it is a bigram Markov estimate from symspellpy's bigram counts:
f(w1 w2) * prod P(w_i+1 | w_i), P(b|a) = min(1, f_bi(ab)/f(a)), f_bi = count / N_BI;
a bigram missing from the list (count < 6.4e6, i.e. < 2e-7) gets
0.1 * min(f(a) f(b), 2e-7) ("scaled down hard": phrases like "urban amount" do not
occur in prose). The bigram list has no numerals, so next to a word a numeral behaves
as "two" (an ordinal as "second") does, at its own frequency: otherwise every "24
hours" or "20 percent" in news would look like a phrase nobody writes. The list holds
lower-case bigrams only, which miss most uses of names: for a phrase with a capital
``f_legit`` is at least the probability the decoder's language model (pocketsphinx's
trigram model) gives it ("United States": 2.5e-6 from the bigrams, 1.7e-4 from the model).

The fixed phrase table of the spinner ("and" -> "in addition to" / "as well as") is
not WordNet.  Its firing rate is calibrated from the wild data against "in"->"inwards"
(same page family, comparable word frequency): see FIXED_AND_RATE below.

Everyday-phrase guard: EVERYDAY_CAP can cap the prior of a spun form that is itself
ordinary English (f_legit >= 1e-5, e.g. "in addition to", "novel").  It is set to 1.0
(no cap): the engine multiplies such restorations by the probability that the text
around them is spun, and a cap of 0.3 was measured to cost recall without saving a
false edit on the clean corpus (wordlists/README.md).

Rows with prior < 0.02 are dropped (observed wild rows are kept at >= 0.02), as are
rows with spun == original (case-insensitive), near-identical spellings (rapidfuzz
normalized Levenshtein similarity >= 0.9, e.g. colour/color) and single-letter
originals ("a", "i").

Usage: ``python scripts/build_wordnet_spinner.py [--source DIR] [--top-n 5000]``
Output is sorted and deterministic.  A sanity check table of priors is printed.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import math
import os
import re
import sys
from collections import defaultdict

from rapidfuzz.distance import Levenshtein
from wordfreq import top_n_list, word_frequency

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordnet_reader import DEFAULT_WORDNET_DIR, WordNet  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(1, REPO)
from restore.channel import phrase_logprob  # noqa: E402  (the decoder's language model)
from restore.channel import spelling_key  # noqa: E402  (British/American, hyphen, space)

DEFAULT_SOURCE = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
OUT = os.path.join(REPO, "wordlists", "wordnet_spinner.tsv")

RATE = 0.18  # share of words the spinner changes
PASS2 = 0.3  # weight of a second-pass (hop2 / chain) replacement
DEEP_TOP = 1500  # hop2 / chain only for the most frequent originals
MAX_PER_ORIGINAL = 50  # cap of candidate spun forms per original (by spin rate)
N_BI = 3.0e13  # scale of symspellpy bigram counts ("of the" -> 5.9e-3, cf. wordfreq)
BIGRAM_MISSING = 6.4e6 / N_BI  # smallest listed bigram count, as a rate
MIN_PRIOR, MAX_PRIOR = 0.02, 0.99
EVERYDAY_F = 1e-5
EVERYDAY_CAP = 1.0  # no cap: the engine weighs context instead (wordlists/README.md)
WILD_DEFAULT_Q = 0.05  # q for a wild row no WordNet path explains
# "and" -> fixed table.  Wild wordnet-style pages: "in addition to"->and 5,
# "inwards"->in 6.  count ~ f(w) * r(w) * q(s|w); f(and)~1.4 f(in), q(inwards|in)=
# q1 from WordNet (~0.1), q(in addition to|and)=0.5 -> r(and)/r(WordNet word) ~
# (5/6) * 0.1 / (1.4 * 0.5) ~ 0.12.
FIXED_AND_RATE = 0.12
FIXED = [("in addition to", "and"), ("as well as", "and")]
# Chains the data README (shared/data/README.md) reports as observed on real spun
# articles; treated like wild rows with count 1 (note "observed").
OBSERVED = [
    ("at that topographic point", "there"), ("or hence", "some"), ("side past times side", "next"),
    ("urban amount", "city"), ("describe of piece of work solid", "firm"), ("convey", "have"),
    ("survive", "be"), ("ane", "one"), ("ii", "two"), ("xxx", "30"), ("fourteen", "14"),
    ("Dec", "December"), ("mainland People's Republic of China", "China"),
    ("High German", "German"), ("volition", "will"), ("inward", "in"), ("inwards", "in"),
    ("past times", "by"), ("every bit", "as"), ("well-nigh", "about"),
]
MIN_SPIN = 1e-9  # a candidate expected < once per 1e9 words of spun text is useless

ROMAN = re.compile(r"^[ivxlcdm]+$")

HEADER = "spun\toriginal\tprior\tfamily\tnote"


def load_bigrams() -> dict[str, int]:
    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.origin:
        sys.exit("symspellpy is required at build time: pip install symspellpy")
    path = os.path.join(os.path.dirname(spec.origin), "frequency_bigramdictionary_en_243_342.txt")
    big: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            a, b, c = line.split()
            big[f"{a} {b}"] = int(c)
    return big


class Freq:
    def __init__(self, bigrams: dict[str, int]) -> None:
        self.bigrams = bigrams
        self._cache: dict[str, float] = {}

    def word(self, w: str) -> float:
        if w not in self._cache:
            self._cache[w] = word_frequency(w, "en")
        return self._cache[w]

    def bigram(self, a: str, b: str) -> float:
        # the bigram list has no numerals: a numeral behaves as "two" (or
        # "second") does next to the other word, at its own frequency
        proxy_a, proxy_b = numeral_proxy(a), numeral_proxy(b)
        if proxy_a or proxy_b:
            if proxy_a and proxy_b:
                return self.word(a) * self.word(b)
            if proxy_a:
                return self.word(a) * min(1.0, self.bigram(proxy_a, b) / self.word(proxy_a))
            return self.bigram(a, proxy_b) * self.word(b) / self.word(proxy_b)
        c = self.bigrams.get(f"{a.lower()} {b.lower()}")
        if c is not None:
            return c / N_BI
        return 0.1 * min(self.word(a) * self.word(b), BIGRAM_MISSING)

    def legit(self, s: str, roman_numeral: bool = False) -> float:
        toks = s.split(" ")
        if len(toks) == 1:
            f = self.word(s)
            return f * 0.1 if roman_numeral else f
        f = self.bigram(toks[0], toks[1])
        for a, b in zip(toks[1:], toks[2:]):
            fa = self.word(a)
            f *= min(1.0, self.bigram(a, b) / fa) if fa > 0 else 0.0
        if s != s.lower():
            # the bigram list holds lower-case bigrams only, and names are mostly
            # written with capitals: it has "united states" at 2.5e-6 and "white
            # house" at 5e-7, a twentieth of their use. A name's frequency is at
            # least the language model's (the one the decoder and the WordNet
            # channel use): "United States" 1.7e-4, "High German" 4e-8
            f = max(f, math.exp(phrase_logprob(s)))
        return f


def numeral_proxy(token: str) -> str | None:
    """The number word standing in for a numeral in the bigram list ("24" ->
    "two", "3rd" -> "second"); None for any other token.

    >>> numeral_proxy("24"), numeral_proxy("3rd"), numeral_proxy("x")
    ('two', 'second', None)
    """
    m = re.fullmatch(r"\d[\d,.]*(st|nd|rd|th)?", token)
    if not m:
        return None
    return "second" if m.group(1) else "two"


def load_wild(source: str) -> dict[tuple[str, str], int]:
    rows: dict[tuple[str, str], int] = {}
    with open(os.path.join(source, "wild_substitutions.tsv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if "wordnet-style" in r["spinner_family"].split(","):
                key = (" ".join(r["spun"].split()), " ".join(r["original"].split()))
                rows[key] = rows.get(key, 0) + int(r["count"])
    return rows


class Spinner:
    def __init__(self, wn: WordNet) -> None:
        self.wn = wn
        self._q1: dict[str, dict[str, float]] = {}

    def q1(self, w: str) -> dict[str, float]:
        """Distribution of one-hop replacements of the exact lemma string ``w``."""
        if w in self._q1:
            return self._q1[w]
        syns = [s for s in self.wn.synsets_of(w) if len(s) > 1]
        out: dict[str, float] = defaultdict(float)
        for syn in syns:
            others = [x for x in syn if x != w]
            for x in others:
                out[x] += 1.0 / len(syns) / len(others)
        self._q1[w] = dict(out)
        return self._q1[w]

    def inner(self, m: str) -> dict[str, float]:
        """Re-spins of a word inside a multiword replacement: its hop1 forms, plus its
        single-word hop2 forms at a further PASS2 (city -> urban center -> urban sum ->
        urban amount)."""
        out: dict[str, float] = defaultdict(float)
        for t, qt in self.q1(m).items():
            out[t] += qt
            if " " not in t:
                for u, qu in self.q1(t).items():
                    if u != m and u != t:
                        out[u] += PASS2 * qt * qu
        return dict(out)

    def candidates(self, w: str, deep: bool) -> dict[str, tuple[float, str]]:
        """spun form -> (q, best path note)."""
        res: dict[str, list] = {}

        def add(s: str, q: float, note: str) -> None:
            if s == w:
                return
            cur = res.setdefault(s, [0.0, note])
            cur[0] += q
            order = ("hop1", "hop2", "chain")
            if order.index(note) < order.index(cur[1]):
                cur[1] = note

        h1 = self.q1(w)
        for s, q in h1.items():
            add(s, q, "hop1")
        if deep:
            for l, ql in sorted(h1.items()):
                if " " not in l:
                    for s, qs in self.q1(l).items():
                        if s != l:
                            add(s, PASS2 * ql * qs, "hop2")
                else:
                    toks = l.split(" ")
                    for i, m in enumerate(toks):
                        for t, qt in self.inner(m).items():
                            s = " ".join(toks[:i] + [t] + toks[i + 1:])
                            add(s, PASS2 * ql * qt / len(toks), "chain")
        return {s: (v[0], v[1]) for s, v in res.items()}


def originals(wn: WordNet, freq: Freq, top_n: int) -> list[tuple[str, float]]:
    """(exact lemma string, token frequency), most frequent first."""
    out: list[tuple[str, float]] = []
    seen: set[str] = set()
    words = list(top_n_list("en", top_n))
    digits = sorted((l for l in wn.by_lemma if l.isdigit()), key=lambda x: (len(x), x))
    for w in words + [d for d in digits if d not in words]:
        if len(w) == 1 and w.isalpha():
            continue  # "a", "i": fragments, restoring them makes no sense
        forms = [x for x in dict.fromkeys([w, w.capitalize()]) if wn.is_lemma(x)]
        f = freq.word(w)
        if f <= 0:
            continue
        for x in forms:
            if x not in seen:
                seen.add(x)
                out.append((x, f / len(forms)))
    out.sort(key=lambda t: (-t[1], t[0]))
    return out


def is_number_roman(wn: WordNet, s: str) -> bool:
    if not ROMAN.match(s):
        return False
    return any(any(x.isdigit() for x in syn) for syn in wn.synsets_of(s))


def build(source: str, top_n: int, wordnet_dir: str) -> tuple[list[tuple], dict]:
    wn = WordNet(wordnet_dir)
    freq = Freq(load_bigrams())
    spinner = Spinner(wn)
    wild = load_wild(source)

    spin: dict[tuple[str, str], float] = defaultdict(float)
    note: dict[tuple[str, str], str] = {}
    origs = originals(wn, freq, top_n)
    for rank, (w, fw) in enumerate(origs):
        cands = spinner.candidates(w, deep=rank < DEEP_TOP)
        best = sorted(cands.items(), key=lambda kv: (-kv[1][0], kv[0]))[:MAX_PER_ORIGINAL]
        for s, (q, path) in best:
            if RATE * fw * q < MIN_SPIN:
                continue
            spin[(s, w)] += RATE * fw * q
            note[(s, w)] = f"wordnet:{path}"
    forig = dict(origs)
    seeds = [((s, w), c, f"wild:{c}") for (s, w), c in sorted(wild.items())]
    seeds += [((s, w), 1, "observed") for s, w in OBSERVED if (s, w) not in wild]
    for (s, w), count, tag in seeds:
        # the model's q, or WILD_DEFAULT_Q if no WordNet path explains it; x(1+count)
        fw = forig.get(w) or freq.legit(w)
        q = spinner.candidates(w, True).get(s, (0.0,))[0] or WILD_DEFAULT_Q
        spin[(s, w)] = RATE * fw * q * (1 + count)
        note[(s, w)] = tag
    for s, w in FIXED:
        spin[(s, w)] = RATE * freq.word(w) * FIXED_AND_RATE / len(FIXED)
        note[(s, w)] = "fixed:and"

    # merge case variants of a spun form ("II"/"ii"): the engine matches on lowercase;
    # display the lower-case variant if the spinner writes one, else the most likely.
    # The frequencies are the form's (any original); the form written in a row is what
    # the spinner writes for that row's original: from "New" (of New York) it writes
    # "Modern" (the synset {New, Modern}), never "modern", so that row says "Modern"
    # and a capitalised "Modern" in mid-sentence stays a candidate for it
    merged: dict[tuple[str, str], float] = defaultdict(float)
    mnote: dict[tuple[str, str], str] = {}
    forms: dict[str, list] = defaultdict(list)
    pair_forms: dict[tuple[str, str], list] = defaultdict(list)
    order = ("wild", "observed", "fixed", "wordnet:hop1", "wordnet:hop2", "wordnet:chain")
    for (s, w), r in spin.items():
        k = (s.lower(), w)
        merged[k] += r
        forms[s.lower()].append((s != s.lower(), -r, s))
        pair_forms[k].append((s != s.lower(), -r, s))
        n = note[(s, w)]
        rank = lambda x: next(i for i, o in enumerate(order) if x.startswith(o))
        if k not in mnote or rank(n) < rank(mnote[k]):
            mnote[k] = n
    display = {k: min(v)[2] for k, v in forms.items()}
    total_spin: dict[str, float] = defaultdict(float)
    for (sl, w), r in merged.items():
        total_spin[sl] += r
    legit_cache: dict[str, float] = {}
    rows = []
    debug = {}
    for (sl, w), r in merged.items():
        s = display[sl]
        written = min(pair_forms[(sl, w)])[2]
        note[(s, w)] = mnote[(sl, w)]
        if s.lower() == w.lower() or "\t" in s or not s.strip():
            continue
        if Levenshtein.normalized_similarity(s.lower(), w.lower()) >= 0.9:
            continue
        if spelling_key(s) == spelling_key(w):
            # a respelling ("behaviour" for "behavior", "e-mail" for "email"): the
            # American language model would Americanise every British text
            continue
        roman = is_number_roman(wn, sl)
        if s not in legit_cache:
            legit_cache[s] = freq.legit(s, roman)
        legit = (1 - RATE) * legit_cache[s]
        prior = r / (total_spin[sl] + legit)
        p_any = total_spin[sl] / (total_spin[sl] + legit)
        if legit_cache[s] >= EVERYDAY_F and s == sl and not roman:
            prior = min(prior, EVERYDAY_CAP)
        debug[(s, w)] = (r, legit, prior, p_any)
        is_wild = note[(s, w)].startswith(("wild:", "observed"))
        if prior < MIN_PRIOR and not is_wild:
            continue
        prior = min(MAX_PRIOR, max(MIN_PRIOR, prior))
        # "lemma": the spun form is itself a WordNet lemma, i.e. a real English word or
        # phrase with legitimate uses; the engine asks for more context before it acts
        is_lemma = bool(wn.synsets_of(s) or wn.synsets_of(sl))
        rows.append((written, w, prior, note[(s, w)] + (" lemma" if is_lemma else "")))
    # unique on (spun lowercased, original): keep the highest prior
    best: dict[tuple[str, str], tuple] = {}
    for row in rows:
        k = (row[0].lower(), row[1])
        if k not in best or (row[2], row[0]) > (best[k][2], best[k][0]):
            best[k] = row
    out = sorted(best.values(), key=lambda r: (r[0].lower(), r[0], r[1]))
    return out, debug


def write(rows: list[tuple], path: str, source: str, top_n: int) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# wordnet_spinner.tsv -- reversal table for the WordNet-style synonym spinner.\n")
        fh.write("# Derived from WordNet 3.0 (c) 2006 Princeton University, WordNet 3.0 licence\n")
        fh.write("# (see LICENSES.md); wild_substitutions.tsv (aligned real spun pages, facts only);\n")
        fh.write("# wordfreq frequencies; symspellpy bigram counts (MIT). Prior = Bayes estimate\n")
        fh.write("# P(spin of original | spun form seen bare in a spun document); see README.md.\n")
        fh.write(f"# Rebuild: python scripts/build_wordnet_spinner.py --top-n {top_n}\n")
        fh.write(HEADER + "\n")
        for s, w, p, n in rows:
            fh.write(f"{s}\t{w}\t{p:.3f}\twordnet_spinner\t{n}\n")


def self_check(path: str) -> int:
    keys = set()
    header_seen = False
    n = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not header_seen:
                assert line == HEADER, line
                header_seen = True
                continue
            cols = line.split("\t")
            assert len(cols) == 5, line
            s, w, p, fam, _ = cols
            assert s and w and s == s.strip() and "  " not in s, line
            assert 0 < float(p) <= 1 and re.fullmatch(r"\d\.\d{3}", p), line
            assert fam in ("wordnet_spinner", "tortured_phrases"), line
            k = (s.lower(), w)
            assert k not in keys, line
            keys.add(k)
            n += 1
    assert header_seen
    return n


CHECKS = [
    ("at that topographic point", "there"), ("at that place", "there"), ("urban amount", "city"),
    ("urban center", "city"), ("urban sum", "city"), ("past times", "by"), ("every bit", "as"), ("volition", "will"),
    ("inwards", "in"), ("well-nigh", "about"), ("ii", "two"), ("xxx", "30"), ("fourteen", "14"),
    ("ane", "one"), ("Dec", "December"), ("mainland People's Republic of China", "China"),
    ("High German", "German"), ("or so", "some"), ("side by side", "next"),
    ("survive", "be"), ("live", "be"), ("in addition to", "and"), ("as well as", "and"),
    ("novel", "new"), ("nation", "country"), ("big", "large"), ("function", "use"),
    ("aid", "help"), ("convey", "have"), ("experience", "have"), ("deal", "manage"),
    ("run", "work"), ("live", "survive"), ("faith", "religion"), ("scheme", "system"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=DEFAULT_SOURCE, help="folder with wild_substitutions.tsv")
    ap.add_argument("--top-n", type=int, default=5000, help="wordfreq top-N originals")
    ap.add_argument("--wordnet", default=DEFAULT_WORDNET_DIR)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    rows, debug = build(args.source, args.top_n, args.wordnet)
    write(rows, args.out, args.source, args.top_n)
    n = self_check(args.out)
    kept = {(r[0], r[1]): r for r in rows}
    print(f"{'spun':38} {'original':10} {'spin':>9} {'legit':>9} {'P(any)':>6} {'prior':>6}")
    for s, w in CHECKS:
        d = debug.get((s, w))
        row = kept.get((s, w))
        pr = f"{row[2]:.3f}" if row else "dropped"
        if d:
            print(f"{s:38} {w:10} {d[0]:9.2e} {d[1]:9.2e} {d[3]:6.3f} {pr:>6}")
        else:
            print(f"{s:38} {w:10} {'-':>9} {'-':>9} {'-':>6} {pr:>6}")
    size = os.path.getsize(args.out)
    print(f"wordnet_spinner: {n} rows, {size} bytes -> {os.path.relpath(args.out, REPO)}")
    notes = defaultdict(int)
    for r in rows:
        notes[r[3].split(":")[0] + ":" + (r[3].split(":")[1] if r[3].startswith("wordnet") else "*") if ":" in r[3] else r[3]] += 1
    print("by note:", dict(sorted(notes.items())))


if __name__ == "__main__":
    main()
