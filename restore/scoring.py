"""Stage 3: give every candidate a confidence in 0..1.

This is the cheap context model: it combines, in log-odds,

* the table prior of the row (how often this spun form is a spin);
* the bare-token rule: the WordNet-style spinner never replaces a word with
  punctuation attached, so such matches of that family are nearly ruled out;
* how common the spun word is in clean English (``wordfreq``): a common word
  needs more evidence before we call it spun;
* neighbouring candidates: spinners change about one word in six, so a real
  spin has other spins around it, while a legitimate "in addition to" in clean
  prose stands alone; and the density of spin evidence over the document.

Any object with ``score(text, candidates) -> list[Scored]`` can replace
:class:`ContextScorer` (the language-model decoder does).

>>> from restore.tables import Row
>>> from restore.candidates import PhraseMatcher
>>> rows = [Row("volition", "will", 0.8, "wordnet_spinner", "", "t:1"),
...         Row("past times", "by", 0.9, "wordnet_spinner", "", "t:2"),
...         Row("survive", "be", 0.1, "wordnet_spinner", "", "t:3")]
>>> text = "It volition survive fine past times June."
>>> scored = ContextScorer().score(text, PhraseMatcher(rows).find(text))
>>> [(s.candidate.spun, s.confidence > 0.5) for s in scored]
[('volition', True), ('survive', True), ('past times', True)]
>>> text = "They survive the winter."
>>> [s.confidence > 0.5 for s in ContextScorer().score(text, PhraseMatcher(rows).find(text))]
[False]
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, Sequence

from .candidates import WORDNET_FAMILY, Candidate
from .tokens import count_words


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its confidence and the evidence behind it."""

    candidate: Candidate
    confidence: float
    evidence: str


@dataclass(frozen=True, slots=True)
class DocumentEvidence:
    """Spin evidence over the whole text, shared by every candidate."""

    words: int
    strength: float  # sum of the best prior of each bare candidate span

    @property
    def density(self) -> float:
        """Spin evidence per 100 words."""
        return 100.0 * self.strength / max(self.words, 12)


class Scorer(Protocol):
    def score(self, text: str, candidates: Sequence[Candidate],
              evidence: DocumentEvidence | None = None) -> list[Scored]:
        """One :class:`Scored` per candidate, in the same order. ``evidence``
        is the document's spin evidence, measured once on the input and kept
        for later passes."""
        ...


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of one English word (0 = unseen, 7 = "the")."""
    from wordfreq import zipf_frequency  # loaded on first use: it costs ~0.25 s

    return zipf_frequency(word, "en")


def span_strengths(candidates: Sequence[Candidate]) -> dict[tuple[int, int], float]:
    """Best prior of each distinct candidate span that could be a spin."""
    strengths: dict[tuple[int, int], float] = {}
    for c in candidates:
        weight = c.row.prior * (1.0 if c.bare or c.row.family != WORDNET_FAMILY else 0.05)
        key = (c.start, c.end)
        if weight > strengths.get(key, 0.0):
            strengths[key] = weight
    return strengths


def document_evidence(text: str, candidates: Sequence[Candidate]) -> DocumentEvidence:
    """Total spin evidence in ``text``."""
    strengths = span_strengths(candidates)
    return DocumentEvidence(count_words(text), sum(strengths.values()))


def spin_score(evidence: DocumentEvidence) -> float:
    """Probability-like score that the document was spun, from its density.

    Clean prose carries well under one unit of evidence per 100 words;
    a WordNet-style spin carries many (one word in six is changed).

    >>> round(spin_score(DocumentEvidence(1000, 2.0)), 2)
    0.01
    >>> round(spin_score(DocumentEvidence(100, 10.0)), 2)
    1.0
    """
    if evidence.strength <= 0:
        return 0.0
    return sigmoid(3.0 * (math.log1p(evidence.density) - math.log1p(SPIN_DENSITY_MIDPOINT)))


SPIN_DENSITY_MIDPOINT = 2.0  # evidence per 100 words where a text is as likely spun as not
NEIGHBOUR_WINDOW = 160  # characters on each side that count as "around" a candidate
ISOLATION_PENALTY = 2.0
NEIGHBOUR_WEIGHT = 1.6
DENSITY_WEIGHT = 1.0
NOT_BARE_PENALTY = 4.0
COMMON_WORD_WEIGHT = 0.5
COMMON_WORD_ZIPF = 4.0


class ContextScorer:
    """Priors plus context evidence, combined in log-odds (see module doc)."""

    def score(self, text: str, candidates: Sequence[Candidate],
              evidence: DocumentEvidence | None = None) -> list[Scored]:
        if not candidates:
            return []
        if evidence is None:
            evidence = document_evidence(text, candidates)
        strengths = span_strengths(candidates)
        spans = sorted(strengths)
        starts = [s for s, _ in spans]
        prefix = [0.0]
        for span in spans:
            prefix.append(prefix[-1] + strengths[span])
        density_term = DENSITY_WEIGHT * math.log1p(evidence.density)
        results: list[Scored] = []
        for c in candidates:
            lo = bisect_left(starts, c.start - NEIGHBOUR_WINDOW)
            hi = bisect_right(starts, c.end + NEIGHBOUR_WINDOW)
            around = prefix[hi] - prefix[lo]
            # the candidate's own span and spans overlapping it are not neighbours
            for span in spans[lo:hi]:
                if span[0] < c.end and c.start < span[1]:
                    around -= strengths[span]
            around = max(around, 0.0)
            log_odds = logit(c.row.prior) - ISOLATION_PENALTY
            log_odds += NEIGHBOUR_WEIGHT * math.log1p(around) + density_term
            notes = [f"prior {c.row.prior:.2f}", f"neighbours {around:.2f}",
                     f"density {evidence.density:.1f}/100w"]
            if not c.bare and c.row.family == WORDNET_FAMILY:
                log_odds -= NOT_BARE_PENALTY
                notes.append("not bare")
            if " " not in c.spun and c.row.family == WORDNET_FAMILY:
                common = zipf(c.spun.lower()) - COMMON_WORD_ZIPF
                if common > 0:
                    log_odds -= COMMON_WORD_WEIGHT * common
                    notes.append(f"common word (zipf {common + COMMON_WORD_ZIPF:.1f})")
            results.append(Scored(c, sigmoid(log_odds), ", ".join(notes)))
        return results
