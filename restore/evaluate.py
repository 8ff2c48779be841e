"""Evaluation: metrics, and a runner over the corpora (``python -m restore.evaluate``).

Metrics (all on gold edits from :mod:`restore.spin`, or on a real spun text and its
original, from :mod:`restore.align`: :func:`run_pairs`):

recall
    share of gold edits restored: a correct substitution (below) holds the gold
    edit's span.
precision
    share of substitutions that are correct: they write exactly what the author
    wrote over their span, which is one gold edit's span or a span holding whole gold
    edits and unspun words around them ("deep acquisition" -> "deep learning" where
    only "learning" was spun). Any other substitution, including one that cuts into a
    gold edit or unwinds a chain part of the way, is wrong.
false edits per 10k words
    substitutions made on clean prose (every one is false) per 10,000 words.
word error rate
    word-level Levenshtein distance to the clean original over the number of words
    of the original, summed over documents, before (spun text) and after (restored).
calibration
    over every substitution reported at ``threshold=0.0``: expected calibration error
    with 10 equal-width confidence bins, and the reliability table (bin, count, mean
    confidence, accuracy).
document AUC
    Mann-Whitney AUC of ``spin_score``: spun documents against clean ones (ties 1/2).

>>> match_edits([GoldEdit(3, 11, "volition", "will", 3, 7)],
...             [Substitution(3, 11, "volition", "will", 0.9, "t")])
([True], [True])
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from .report import Substitution
from .spin import GoldEdit, SpinResult, spin, spin_phrases, tortured_pairs
from .tokens import words

# judges substitutions against a document's gold edits:
# (restored per gold edit, correct per substitution)
Matcher = Callable[[Sequence[Substitution]], tuple[list[bool], list[bool]]]
DEFAULT_SEEDS = (1, 2, 3)
DEFAULT_FAMILIES = ("wordnet", "thesaurus", "tortured")
BINS = 10
# the pairs whose gold edits were restored least, listed in the text report (of those
# with at least this many gold edits)
WORST_SHOWN = 5
WORST_MIN_EDITS = 5
REPO = Path(__file__).resolve().parent.parent
# the corpora: inside the package once installed (restore.corpora), beside it in a checkout
CORPORA = next((path for path in (Path(__file__).resolve().parent / "corpora", REPO / "corpora")
                if (path / "clean").is_dir()), REPO / "corpora")


# --------------------------------------------------------------------------- metrics


def match_edits(gold: Sequence[GoldEdit],
                substitutions: Sequence[Substitution]) -> tuple[list[bool], list[bool]]:
    """(restored flag per gold edit, correct flag per substitution).

    A substitution is correct when it writes exactly what the author wrote over
    its span: the span of one gold edit and its original, or a span that holds
    whole gold edits and unspun words around them, with those edits undone
    ("deep acquisition" -> "deep learning" where "learning" became
    "acquisition"). A span that cuts into a gold edit is never correct. The
    gold edits inside a correct substitution are restored.

    >>> g = [GoldEdit(0, 5, "inward", "in", 0, 2), GoldEdit(6, 9, "ii", "two", 3, 6)]
    >>> s = [Substitution(0, 5, "inwar", "in", .9, "t"), Substitution(6, 9, "ii", "2", .9, "t")]
    >>> match_edits(g, s)
    ([True, False], [True, False])
    >>> g = [GoldEdit(5, 16, "acquisition", "learning", 5, 13)]
    >>> match_edits(g, [Substitution(0, 16, "deep acquisition", "deep learning", .9, "t")])
    ([True], [True])
    >>> match_edits(g, [Substitution(0, 16, "deep acquisition", "deep knowledge", .9, "t")])
    ([False], [False])
    >>> match_edits(g, [Substitution(0, 9, "deep acqu", "deep", .9, "t")])
    ([False], [False])
    """
    ordered = sorted(gold, key=lambda g: (g.start, g.end))
    starts = [g.start for g in ordered]
    restored_edits: set[int] = set()
    correct = []
    for sub in substitutions:
        first = bisect_left(starts, sub.start)
        inside = []
        for index in range(first, len(ordered)):
            edit = ordered[index]
            if edit.start >= sub.end:
                break
            inside.append(index)
        cut = (first > 0 and ordered[first - 1].end > sub.start) or any(
            ordered[i].end > sub.end for i in inside)
        ok = False
        if inside and not cut:
            pieces, cursor = [], sub.start
            for index in inside:
                edit = ordered[index]
                pieces.append(sub.spun[cursor - sub.start:edit.start - sub.start])
                pieces.append(edit.original)
                cursor = edit.end
            pieces.append(sub.spun[cursor - sub.start:])
            ok = sub.original == "".join(pieces)
        correct.append(ok)
        if ok:
            restored_edits.update(id(ordered[i]) for i in inside)
    restored = [id(g) in restored_edits for g in gold]
    return restored, correct


WRONG_KINDS = ("wrong original", "part of a chain", "overlaps other edits", "false edit")


def kind_of_wrong(sub: Substitution, gold: Sequence[GoldEdit]) -> str:
    """Why a substitution that undoes no gold edit is wrong (one of ``WRONG_KINDS``):
    the right span with another original, a span inside or across a chained
    gold edit (a chain unwound part of the way), a span across other gold
    edits, or text the spinner never touched.

    >>> gold = [GoldEdit(0, 17, "melanise market", "run", 0, 3, "chain"),
    ...         GoldEdit(18, 24, "inward", "in", 4, 6, "hop1")]
    >>> [kind_of_wrong(Substitution(a, b, "", o, .9, "t"), gold)
    ...  for a, b, o in ((18, 24, "inch"), (0, 8, "black"), (10, 24, "x"), (30, 34, "x"))]
    ['wrong original', 'part of a chain', 'part of a chain', 'false edit']
    """
    overlapping = [g for g in gold if g.start < sub.end and sub.start < g.end]
    if not overlapping:
        return "false edit"
    if any((g.start, g.end) == (sub.start, sub.end) for g in overlapping):
        return "wrong original"
    if any(g.kind == "chain" for g in overlapping):
        return "part of a chain"
    return "overlaps other edits"


def word_edit_distance(hypothesis: Sequence[str], reference: Sequence[str]) -> int:
    """Levenshtein distance between two word lists (insert, delete, substitute = 1).

    >>> word_edit_distance("a b c".split(), "a x c d".split())
    2
    """
    try:
        from rapidfuzz.distance import Levenshtein

        return int(Levenshtein.distance(list(hypothesis), list(reference)))
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency
        previous = list(range(len(reference) + 1))
        for i, h in enumerate(hypothesis, 1):
            current = [i]
            for j, r in enumerate(reference, 1):
                current.append(min(previous[j] + 1, current[j - 1] + 1,
                                   previous[j - 1] + (h != r)))
            previous = current
        return previous[-1]


def word_errors(hypothesis: str, reference: str) -> tuple[int, int]:
    """(word edit distance, number of reference words); punctuation is ignored.

    >>> word_errors("It volition be fine.", "It will be fine.")
    (1, 4)
    """
    ref = words(reference)
    return word_edit_distance(words(hypothesis), ref), len(ref)


def per_10k(count: int, n_words: int) -> float:
    """``count`` per 10,000 words.

    >>> per_10k(3, 20000)
    1.5
    """
    return 10000.0 * count / n_words if n_words else 0.0


def reliability(confidences: Sequence[float], correct: Sequence[bool],
                bins: int = BINS) -> tuple[float, list[dict[str, Any]]]:
    """(ECE, table). Bin ``b`` holds confidences in [b/bins, (b+1)/bins); 1.0 goes
    in the last bin. Rows: bin (its lower edge), count, mean confidence, accuracy.

    >>> ece, table = reliability([0.95, 0.95, 0.15], [True, False, False])
    >>> round(ece, 4), [(r["bin"], r["count"]) for r in table if r["count"]]
    (0.35, [(0.1, 1), (0.9, 2)])
    """
    if len(confidences) != len(correct):
        raise ValueError("confidences and correct differ in length")
    counts = [0] * bins
    conf_sum = [0.0] * bins
    hits = [0] * bins
    for confidence, ok in zip(confidences, correct):
        if not 0.0 <= confidence <= 1.0:
            raise ValueError(f"confidence {confidence} is not in 0..1")
        b = min(int(confidence * bins), bins - 1)
        counts[b] += 1
        conf_sum[b] += confidence
        hits[b] += bool(ok)
    total = sum(counts)
    table = []
    ece = 0.0
    for b in range(bins):
        n = counts[b]
        mean_conf = conf_sum[b] / n if n else None
        accuracy = hits[b] / n if n else None
        if n:
            ece += n / total * abs(accuracy - mean_conf)
        table.append({"bin": round(b / bins, 4), "count": n,
                      "mean_confidence": None if mean_conf is None else round(mean_conf, 4),
                      "accuracy": None if accuracy is None else round(accuracy, 4)})
    return ece, table


def auc(positive: Sequence[float], negative: Sequence[float]) -> float | None:
    """Mann-Whitney AUC: P(a positive scores above a negative), ties count 1/2.

    >>> auc([0.9, 0.8], [0.1, 0.8])
    0.875
    >>> auc([], [0.1]) is None
    True
    """
    if not positive or not negative:
        return None
    ordered = sorted([(s, 1) for s in positive] + [(s, 0) for s in negative])
    rank_sum = 0.0
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j][0] == ordered[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2.0  # ranks i+1..j
        rank_sum += mean_rank * sum(label for _, label in ordered[i:j])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


# --------------------------------------------------------------------------- per family


@dataclass
class FamilyScore:
    """Accumulated counts for one family (or the clean corpus)."""

    family: str
    docs: int = 0
    words: int = 0
    chars: int = 0
    gold: int = 0
    restored: int = 0
    substitutions: int = 0
    correct: int = 0
    word_errors_before: int = 0
    word_errors_after: int = 0
    reference_words: int = 0
    seconds: float = 0.0
    confidences: list[float] = field(default_factory=list)
    confident_correct: list[bool] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    clean_scores: list[float] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [gold, restored]
    errors: list[dict[str, Any]] = field(default_factory=list)
    wrong_kinds: dict[str, int] = field(default_factory=dict)  # see kind_of_wrong
    # extra thresholds -> [gold restored, substitutions, correct substitutions]
    operating: dict[float, list[int]] = field(default_factory=dict)

    def add_document(self, spun: SpinResult, restore_fn: Callable, original: str,
                     keep_errors: int = 0, match: Matcher | None = None) -> None:
        """Restore ``spun`` and count; ``match`` judges the substitutions against
        its gold edits (default :func:`match_edits`; for a pair of real texts,
        :func:`restore.align.match_aligned`)."""
        if match is None:
            def match(substitutions: Sequence[Substitution]) -> tuple[list[bool], list[bool]]:
                return match_edits(spun.edits, substitutions)

        t0 = time.perf_counter()
        result = restore_fn(spun.text, None)
        self.seconds += time.perf_counter() - t0
        calib = restore_fn(spun.text, 0.0)
        self.docs += 1
        self.words += len(words(spun.text))
        self.chars += len(spun.text.encode("utf-8"))
        restored, correct = match(result.substitutions)
        self.gold += len(spun.edits)
        self.restored += sum(restored)
        self.substitutions += len(correct)
        self.correct += sum(correct)
        for edit, ok in zip(spun.edits, restored):
            slot = self.by_kind.setdefault(edit.kind or "edit", [0, 0])
            slot[0] += 1
            slot[1] += ok
            if not ok and len(self.errors) < keep_errors:
                self.errors.append({"type": "missed", "spun": edit.spun,
                                    "original": edit.original, "kind": edit.kind})
        for sub, ok in zip(result.substitutions, correct):
            if not ok:
                why = kind_of_wrong(sub, spun.edits)
                self.wrong_kinds[why] = self.wrong_kinds.get(why, 0) + 1
            if not ok and len(self.errors) < keep_errors:
                self.errors.append({"type": "wrong", "spun": sub.spun,
                                    "output": sub.original, "rule": sub.rule})
        before, n_ref = word_errors(spun.text, original)
        after, _ = word_errors(result.text, original)
        self.word_errors_before += before
        self.word_errors_after += after
        self.reference_words += n_ref
        _, calib_correct = match(calib.substitutions)
        self.confidences.extend(s.confidence for s in calib.substitutions)
        self.confident_correct.extend(calib_correct)
        self.scores.append(result.spin_score)
        for threshold, counts in self.operating.items():
            restored, correct = match(restore_fn(spun.text, threshold).substitutions)
            counts[0] += sum(restored)
            counts[1] += len(correct)
            counts[2] += sum(correct)

    def add_clean(self, text: str, restore_fn: Callable, name: str = "",
                  keep_errors: int = 0) -> None:
        t0 = time.perf_counter()
        result = restore_fn(text, None)
        self.seconds += time.perf_counter() - t0
        calib = restore_fn(text, 0.0)
        self.docs += 1
        n = len(words(text))
        self.words += n
        self.reference_words += n
        self.chars += len(text.encode("utf-8"))
        self.substitutions += len(result.substitutions)
        self.word_errors_after += word_errors(result.text, text)[0]
        self.confidences.extend(s.confidence for s in calib.substitutions)
        self.confident_correct.extend(False for _ in calib.substitutions)
        self.clean_scores.append(result.spin_score)
        for sub in result.substitutions:
            if len(self.errors) < keep_errors:
                self.errors.append({"type": "false", "file": name, "spun": sub.spun,
                                    "output": sub.original, "rule": sub.rule,
                                    "confidence": sub.confidence})

    def summary(self) -> dict[str, Any]:
        ece, table = reliability(self.confidences, self.confident_correct)
        clean = self.family == "clean"
        return {
            "family": self.family,
            "docs": self.docs,
            "words": self.words,
            "gold_edits": self.gold,
            "restored": self.restored,
            "substitutions": self.substitutions,
            "correct": self.correct,
            "recall": None if clean else _ratio(self.restored, self.gold),
            "precision": None if clean else _ratio(self.correct, self.substitutions),
            "false_per_10k": per_10k(self.substitutions, self.words) if clean else None,
            "wer_before": _ratio(self.word_errors_before, self.reference_words),
            "wer_after": _ratio(self.word_errors_after, self.reference_words),
            "ece": ece if self.confidences else None,
            "calibrated_substitutions": len(self.confidences),
            "reliability": table,
            "auc": auc(self.scores, self.clean_scores),
            "wrong_by_kind": {k: self.wrong_kinds[k] for k in WRONG_KINDS
                              if k in self.wrong_kinds},
            "recall_by_kind": {k: {"gold": g, "restored": r, "recall": _ratio(r, g)}
                               for k, (g, r) in sorted(self.by_kind.items())},
            "operating_points": [
                {"threshold": t, "recall": _ratio(r, self.gold), "precision": _ratio(c, n)}
                for t, (r, n, c) in sorted(self.operating.items())],
            "seconds": round(self.seconds, 3),
            "mb_per_s": (self.chars / 1e6 / self.seconds) if self.seconds else None,
            "examples": self.errors,
        }


# --------------------------------------------------------------------------- runner


def default_corpus() -> Path:
    return CORPORA / "clean"


def read_heldout(path: Path) -> list[tuple[str, str]]:
    """(tortured, correct) rows of ``corpora/tortured_heldout.tsv``."""
    if not path.exists():
        return []
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("tortured\t"):
            continue
        tortured, correct = line.split("\t")[:2]
        pairs.append((tortured, correct))
    return pairs


def phrase_pairs(heldout_path: Path | None = None) -> list[tuple[str, str]]:
    """Every tortured phrase: the shipped table plus the held-out list."""
    heldout_path = heldout_path or CORPORA / "tortured_heldout.tsv"
    return sorted(set(tortured_pairs()) | set(read_heldout(heldout_path)))


def _held_out_restorer(thorough: bool = False) -> Callable:
    """``fix_and_explain`` with the held-out tortured phrases left out of the table."""
    from .engine import Restorer

    restorer = Restorer(hold_out_tortured=True, thorough=thorough)
    return restorer.restore


def run(corpus: Path | None = None, families: Sequence[str] = DEFAULT_FAMILIES,
        seeds: Sequence[int] = DEFAULT_SEEDS, limit: int | None = None,
        restore_fn: Callable | None = None, examples: int = 0,
        progress: Callable[[str], None] | None = None,
        thorough: bool = False, thresholds: Sequence[float] = (),
        rate: float | None = None) -> dict[str, Any]:
    """Evaluate ``restore_fn(text, threshold) -> Restoration`` (default: the
    library's restorer, ``thorough`` or not) on the clean corpus and its spins.
    ``thresholds``: also restore at each of these and report recall and
    precision there (operating points for users who want fewer, surer edits).
    ``rate``: the share of words the WordNet-style and thesaurus spinners
    change (default: theirs, 0.18 and 0.10), e.g. 0.05 for light spinning."""
    custom_fn = restore_fn is not None
    if restore_fn is None:
        from .engine import get_restorer

        restore_fn = get_restorer(thorough=thorough).restore
    corpus = Path(corpus) if corpus else default_corpus()
    files = sorted(corpus.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no .txt files in {corpus}")
    if limit:
        files = files[:limit]
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    say = progress or (lambda _m: None)
    restore_fn("Warm up: load the tables before timing.", None)
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []

    clean = FamilyScore("clean")
    for name, text in texts:
        clean.add_clean(text, restore_fn, name, examples)
    say(f"clean: {clean.docs} docs")
    for family in families:
        score = FamilyScore(family)
        score.operating = {float(t): [0, 0, 0] for t in thresholds}
        score.clean_scores = list(clean.clean_scores)
        if family == "tortured":
            # the held-out 20% of the phrases are not in the table here, so
            # their recall measures what the decoder does without a row
            tortured_fn = restore_fn if custom_fn else _held_out_restorer(thorough)
            docs = spin_phrases(phrase_pairs(), seed=seeds[0] if seeds else 0)
            if limit:
                docs = docs[:limit]
            score.clean_scores = []
            for doc in docs:
                original = doc.original_text()
                score.add_document(doc, tortured_fn, original, examples)
                score.clean_scores.append(tortured_fn(original, None).spin_score)
        else:
            for seed in seeds:
                for _name, text in texts:
                    score.add_document(spin(text, family, seed, rate), restore_fn, text, examples)
        summary = score.summary()
        summary["seeds"] = [seeds[0]] if family == "tortured" and seeds else list(seeds)
        rows.append(summary)
        say(f"{family}: {score.docs} docs")
    rows.append(clean.summary())
    return {"corpus": str(corpus), "files": len(texts), "seeds": list(seeds),
            "thorough": thorough, "rate": rate,
            "rows": rows, "total_seconds": round(time.perf_counter() - started, 2)}


def run_pairs(spun_dir: Path, original_dir: Path, restore_fn: Callable | None = None,
              limit: int | None = None, examples: int = 0,
              progress: Callable[[str], None] | None = None, thorough: bool = False,
              thresholds: Sequence[float] = (), encoding: str = "utf-8") -> dict[str, Any]:
    """Evaluate on real pairs: each ``.txt`` file under ``spun_dir`` against the
    file of the same relative path under ``original_dir``, the text it was spun
    from (or, given two files, the one against the other). The gold edits come
    from aligning the two texts' words (:mod:`restore.align`); the originals are
    the clean prose. A file without its original, or one that cannot be read as
    text in ``encoding``, is named through ``progress`` and left out. The report
    is :func:`run`'s, with the family ``pairs``."""
    from .align import align, match_aligned
    from .textio import InputError, check_encoding, read_text_file

    encoding = check_encoding(encoding)  # (an unknown one: InputError, before any file)
    if restore_fn is None:
        from .engine import get_restorer

        restore_fn = get_restorer(thorough=thorough).restore
    say = progress or (lambda _m: None)
    spun_dir, original_dir = Path(spun_dir), Path(original_dir)
    pairs: list[tuple[str, str, str, str]] = []  # (spun file, original file, their texts)
    skipped: list[str] = []
    if spun_dir.is_file():  # one pair of files
        matched = [(spun_dir, original_dir)]
    else:
        matched = [(path, original_dir / path.relative_to(spun_dir))
                   for path in sorted(spun_dir.rglob("*.txt"))]
    for path, partner in matched:
        try:
            if not partner.is_file():
                raise InputError(f"{path}: no original at {partner}, skipped")
            pairs.append((str(path), str(partner), read_text_file(path, encoding),
                          read_text_file(partner, encoding)))
        except InputError as error:
            message = str(error) if str(error).endswith("skipped") else f"{error}; skipped"
            skipped.append(message)
            say(message)
        if limit and len(pairs) >= limit:
            break
    if not pairs:
        raise FileNotFoundError(f"no .txt file in {spun_dir} with its original in {original_dir}"
                                if spun_dir.is_dir() else f"{spun_dir}: no pair to evaluate")
    restore_fn("Warm up: load the tables before timing.", None)
    started = time.perf_counter()
    score = FamilyScore("pairs")
    score.operating = {float(t): [0, 0, 0] for t in thresholds}
    clean = FamilyScore("clean")
    unaligned = 0
    per_file: list[dict[str, Any]] = []  # each pair's counts, to find the pages that fare worst
    for name, original_name, spun_text, original in pairs:
        alignment = align(spun_text, original)
        unaligned += alignment.unaligned_words
        before = (score.gold, score.restored, score.substitutions, score.correct)
        score.add_document(SpinResult(spun_text, alignment.edits, "pairs"), restore_fn,
                           original, examples,
                           match=lambda subs, alignment=alignment: match_aligned(alignment, subs))
        clean.add_clean(original, restore_fn, original_name, examples)
        gold, restored, substitutions, correct = (
            now - then for now, then in zip((score.gold, score.restored, score.substitutions,
                                             score.correct), before))
        per_file.append({"spun": name, "original": original_name, "gold_edits": gold,
                         "restored": restored, "substitutions": substitutions,
                         "correct": correct, "unaligned_words": alignment.unaligned_words})
    score.clean_scores = list(clean.clean_scores)
    say(f"pairs: {score.docs} docs")
    return {"corpus": f"{spun_dir} against {original_dir}", "files": len(pairs), "seeds": [],
            "pairs": True, "unaligned_words": unaligned, "skipped": skipped,
            "per_file": per_file,
            "thorough": thorough, "rate": None,
            "rows": [score.summary(), clean.summary()],
            "total_seconds": round(time.perf_counter() - started, 2)}


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def format_report(report: dict[str, Any]) -> str:
    """The table the README shows."""
    head = ("family", "docs", "words", "gold", "recall", "precision", "false/10k",
            "WER before", "WER after", "ECE", "AUC", "MB/s")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for row in report["rows"]:
        lines.append(" | ".join([
            row["family"], str(row["docs"]), str(row["words"]), str(row["gold_edits"]),
            _fmt(row["recall"]), _fmt(row["precision"]), _fmt(row["false_per_10k"], 2),
            _fmt(row["wer_before"]), _fmt(row["wer_after"]), _fmt(row["ece"]),
            _fmt(row["auc"]), _fmt(row["mb_per_s"], 2)]))
    lines.append("")
    lines.append("recall by edit kind: " + "; ".join(
        f"{row['family']}/{kind} {_fmt(v['recall'])} ({v['restored']}/{v['gold']})"
        for row in report["rows"] for kind, v in row["recall_by_kind"].items()))
    for row in report["rows"]:
        wrong = row.get("wrong_by_kind")
        if wrong:
            lines.append(f"wrong substitutions, {row['family']}: " + "; ".join(
                f"{kind} {count}" for kind, count in wrong.items()))
    for row in report["rows"]:
        filled = [r for r in row["reliability"] if r["count"]]
        if not filled:
            continue
        lines.append(f"\nreliability, {row['family']} (threshold 0.0, "
                     f"{row['calibrated_substitutions']} substitutions):")
        lines.append("  bin      count  mean conf  accuracy")
        for r in filled:
            lines.append(f"  {r['bin']:.1f}-{r['bin'] + 0.1:.1f}  {r['count']:6d}  "
                         f"{r['mean_confidence']:9.3f}  {r['accuracy']:8.3f}")
    for row in report["rows"]:
        if row.get("operating_points"):
            lines.append(f"\noperating points, {row['family']}: " + "; ".join(
                f"threshold {p['threshold']:g}: recall {_fmt(p['recall'])} "
                f"precision {_fmt(p['precision'])}" for p in row["operating_points"]))
    mode = ", thorough mode" if report.get("thorough") else ""
    if report.get("rate") is not None:
        mode += f", spin rate {report['rate']:g}"
    if report.get("pairs"):
        per_file = report.get("per_file", ())
        worst = sorted((f for f in per_file if f["gold_edits"] >= WORST_MIN_EDITS),
                       key=lambda f: (f["restored"] / f["gold_edits"], f["spun"]))[:WORST_SHOWN]
        if len(per_file) > 1 and worst:
            lines.append("\nfewest restored (restored / gold edits, correct / substitutions): "
                         + "; ".join(f"{f['spun']} {f['restored']}/{f['gold_edits']}, "
                                     f"{f['correct']}/{f['substitutions']}" for f in worst))
        lines.append(f"\n{report['files']} pairs of spun and original files, gold edits by "
                     f"word alignment ({report['unaligned_words']} spun words in runs too long "
                     f"to be swaps left out; {len(report['skipped'])} files skipped){mode}, "
                     f"{report['total_seconds']} s in all")
        return "\n".join(lines)
    lines.append(f"\n{report['files']} clean files, seeds {report['seeds']}{mode}, "
                 f"{report['total_seconds']} s in all")
    return "\n".join(lines)


def _seeds(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.replace(",", " ").split())


def _thresholds(text: str) -> tuple[float, ...]:
    """Thresholds in 0..1 from "0.7,0.9"; ValueError otherwise.

    >>> _thresholds("0.7, 0.9"), _thresholds("")
    ((0.7, 0.9), ())
    """
    values = tuple(float(x) for x in text.replace(",", " ").split())
    if any(not 0.0 <= v <= 1.0 for v in values):
        raise ValueError(f"thresholds must be in 0..1, got {text!r}")
    return values


def _rate(text: str) -> float:
    """A spin rate for ``--rate``: a number in (0, 1].

    >>> _rate("0.05")
    0.05
    """
    value = float(text)
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a share of words in (0, 1], got {text}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m restore.evaluate",
                                     description="Evaluate unspin on the corpora.")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of clean .txt files (default: corpora/clean)")
    parser.add_argument("--family", action="append", choices=DEFAULT_FAMILIES,
                        help="spinner family (repeatable; default: all)")
    parser.add_argument("--seeds", default="1,2,3", help="spin seeds (default 1,2,3)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--examples", type=int, default=0,
                        help="keep up to N error examples per family (JSON output)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--thorough", action="store_true",
                        help="evaluate the thorough mode (everyday forms as evidence)")
    parser.add_argument("--thresholds", default="",
                        help="also report recall and precision at these thresholds "
                             "(e.g. 0.7,0.9)")
    parser.add_argument("--rate", type=_rate, default=None,
                        help="share of words the spinners change (default: theirs; "
                             "e.g. 0.05 for light spinning)")
    parser.add_argument("--pairs", nargs=2, type=Path, metavar=("SPUN", "ORIGINAL"),
                        help="evaluate on real pairs: each .txt file under the folder SPUN "
                             "against the file of the same path under ORIGINAL, or one file "
                             "against another (gold edits by word alignment; --corpus, "
                             "--family, --seeds and --rate do not apply)")
    parser.add_argument("--encoding", default="utf-8",
                        help="encoding of the --pairs files (default utf-8)")
    args = parser.parse_args(argv)
    say = lambda m: print(m, file=sys.stderr)  # noqa: E731
    if args.pairs:
        if args.corpus or args.family or args.rate:
            parser.error("--pairs evaluates the given files: --corpus, --family and --rate "
                         "spin the corpus instead")
        from .textio import InputError

        try:
            report = run_pairs(*args.pairs, limit=args.limit, examples=args.examples,
                               progress=say, thorough=args.thorough,
                               thresholds=_thresholds(args.thresholds), encoding=args.encoding)
        except (FileNotFoundError, InputError) as error:
            parser.error(str(error))
    else:
        report = run(args.corpus, tuple(args.family or DEFAULT_FAMILIES), _seeds(args.seeds),
                     args.limit, examples=args.examples, progress=say, thorough=args.thorough,
                     thresholds=_thresholds(args.thresholds), rate=args.rate)
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
