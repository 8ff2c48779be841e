"""Stage 2a: a quick proof that a text has nothing to restore.

Most text is clean, and the decoder's answer for it is known in advance:
no substitution, spin score 0. Proving that costs a fraction of deciding it,
because every quantity the decoder weighs in context has an upper bound
that needs no language model:

* a candidate's evidence (its log likelihood ratio with the channel
  posterior of its span as the prior) is at most its log likelihood ratio
  with the summed priors of every original offered for the span (the
  posterior cannot exceed them, number spellings merge their priors, and
  the ratio grows with the prior; merged priors are rounded, hence a
  little slack);
* so the evidence in any stretch is at most the sum of those bounds over the
  distinct spans that start in it, whichever spans the decoder keeps; with
  each form counted once (the document's second weighing), at most the sum
  over the forms of the largest bound of each.

If those bounds leave the text as a whole far below a spin score that
rounds to 0, and every candidate's surroundings below the spin probability
from which the engine widens its scan and the decoder consults the language
model, then no candidate can get more than the confidence of an unconsulted
one (:func:`max_unconsulted_confidence`), and with a threshold above that
nothing is restored. Tortured phrases and self-evident forms are judged
whatever their surroundings, so a text with one always takes the full path.

The proof follows the decoder (:mod:`restore.decoder`, :mod:`restore.scoring`):
should they come to weigh evidence or confidences otherwise, it must follow
again; tests/test_clean.py compares it with the full path on the corpora.

>>> from restore.engine import get_restorer
>>> restorer = get_restorer()
>>> text = "The council met on Tuesday. " * 40 + "It was a long meeting, as ever."
>>> nothing_to_restore(text, restorer.matcher.strong.find(text), 0.5)
True
>>> text = "It volition survive fine past times June."
>>> nothing_to_restore(text, restorer.matcher.strong.find(text), 0.5)
False
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, repeat
from typing import Sequence

from .candidates import Candidate
from .decoder import SKIP_BELOW, LanguageModelScorer
from .scoring import (CHARS_PER_WORD, DISTINCT_FORMS_HITS_PER_WORD, DOC_PRIOR_LOG_ODDS,
                      DOCUMENT_HITS_PER_WORD, HITS_PER_WORD, TORTURED_FAMILY, WINDOW_WORDS,
                      each_form_once, is_self_evident, log_likelihood_ratio, logit)

# a spin score under sigmoid(-12) = 6e-6 rounds to 0 at the four decimals reported
ROUNDS_TO_ZERO_LOG_ODDS = -12.0
PRIOR_ROUNDING = 1e-4  # merged number spellings get their summed prior to four decimals
MARGIN = 1e-3  # log-odds kept clear of every limit (the sums are added up in another order)
BLOCK_CHARS = 512  # spaces are counted in blocks of this many characters first


def max_unconsulted_confidence(min_spun: float) -> float:
    """The highest confidence the decoder gives a candidate whose surroundings
    are less than ``min_spun`` likely spun (it does not consult the language
    model for it): a WordNet-style form's calibrated channel posterior times
    that, another family's raw one.

    >>> round(max_unconsulted_confidence(0.01), 3)
    0.091
    """
    return max(min_spun, LanguageModelScorer._confidence(min_spun, 1.0))


def nothing_to_restore(text: str, candidates: Sequence[Candidate], cut: float,
                       min_spun: float = SKIP_BELOW) -> bool:
    """True when :class:`~restore.decoder.LanguageModelScorer` would restore
    nothing in ``text`` at threshold ``cut`` and the spin score rounds to 0,
    given its strong-form ``candidates`` (see the module doc); ``min_spun``
    is the smaller of the engine's window and the decoder's consultation
    limits. False means only that the full path must decide."""
    if cut <= max_unconsulted_confidence(min_spun) + MARGIN:
        return False
    if any(c.row.family == TORTURED_FAMILY or is_self_evident(c) for c in candidates):
        return False
    bounds = span_bounds(candidates)
    starts = [start for start, _, _ in bounds]
    prefix = [0.0]
    for _, _, weight in bounds:
        prefix.append(prefix[-1] + weight)
    # enough words to outweigh all of it (DocumentEvidence counts str.split() words;
    # scoring.document_rate_penalty is never below the document rate), and each
    # form's once against the lighter rate: more words than the larger of the two
    # (one count of the words, as the text has more than both counts or not). Each
    # form once is at most all of it: a text with a word more than all of it needs
    # at the lighter rate has enough, and its forms need not be told apart
    total = DOC_PRIOR_LOG_ODDS + prefix[-1] - ROUNDS_TO_ZERO_LOG_ODDS
    if not has_more_words(text, max(total / DOCUMENT_HITS_PER_WORD,
                                    total / DISTINCT_FORMS_HITS_PER_WORD + 1)):
        if not has_more_words(text, max(
                total / DOCUMENT_HITS_PER_WORD,
                (DOC_PRIOR_LOG_ODDS + each_form_once(text, bounds) - ROUNDS_TO_ZERO_LOG_ODDS)
                / DISTINCT_FORMS_HITS_PER_WORD)):
            return False
    if not bounds:  # (no span: no surroundings to weigh)
        return True
    # each span's surroundings, as scoring.spun_probabilities measures them (its
    # words are its spaces and line breaks: counted as the spaces of a copy). The
    # spaces of the whole blocks inside them, counted once for the text, are words
    # enough for most spans (fewer words only weigh the evidence less); the
    # others' are counted where they are
    limit = logit(min_spun) - MARGIN
    reach = WINDOW_WORDS * CHARS_PER_WORD
    length = len(text)
    spaced = text.replace("\n", " ")
    spaces = spaces_by_block(spaced, BLOCK_CHARS)
    for start, end, _ in bounds:
        low, high = max(0, start - reach), min(length, end + reach)
        evidence = prefix[bisect_right(starts, high)] - prefix[bisect_left(starts, low)]
        first, last = -(-low // BLOCK_CHARS), high // BLOCK_CHARS  # the whole blocks inside
        fewest = spaces[last] - spaces[first] if last > first else 0
        if (DOC_PRIOR_LOG_ODDS + evidence - HITS_PER_WORD * fewest > limit
                and DOC_PRIOR_LOG_ODDS + evidence - HITS_PER_WORD * spaced.count(" ", low, high)
                > limit):
            return False
    return True


def spaces_by_block(text: str, size: int) -> list[int]:
    """The spaces of ``text`` before each multiple of ``size`` (up to the first
    at or past its end), counted in C a block at a time: ``text[:k * size]``
    holds ``spaces_by_block(text, size)[k]``.

    >>> spaces_by_block("one two  three four", 8)
    [0, 2, 4, 4]
    """
    cuts = range(0, len(text) + size, size)
    return [0, *accumulate(map(text.count, repeat(" "), cuts, cuts[1:]))]


def span_bounds(candidates: Sequence[Candidate]) -> list[tuple[int, int, float]]:
    """(start, end, the most evidence the span can carry), sorted, for the
    spans that can carry any.

    >>> from restore.tables import Row
    >>> rows = [Row("hexad", o, p, "wordnet_spinner", "lemma", "t") for o, p in (("6", .5), ("six", .4))]
    >>> [(s, e, round(w, 2)) for s, e, w in span_bounds(
    ...     [Candidate(0, 5, "hexad", r.original, r, "exact", True, False) for r in rows])]
    [(0, 5, 2.3)]
    """
    rivals: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        members = rivals.get((c.start, c.end))
        if members is None:
            rivals[(c.start, c.end)] = [c]
        else:
            members.append(c)
    bounds = []
    for (start, end), members in rivals.items():
        if len(members) == 1:  # a lone original keeps its own prior
            weight = log_likelihood_ratio(members[0])
        else:
            prior = min(1.0, sum(c.row.prior for c in members) + PRIOR_ROUNDING)
            weight = max(log_likelihood_ratio(c, prior) for c in members)
        if weight > 0:
            bounds.append((start, end, weight))
    bounds.sort()
    return bounds


def has_more_words(text: str, count: float) -> bool:
    """Does ``text`` hold more than ``count`` words (as ``str.split`` finds
    them)? Counted in a head of the text just long enough (a head never
    holds more words than the whole), and only up to the one word more.

    >>> has_more_words("one two  three", 2), has_more_words("one two  three", 3)
    (True, False)
    >>> has_more_words("one two  three", 2.5), has_more_words("", -1), has_more_words("", 0)
    (True, True, False)
    """
    if count < 0:
        return True
    # more words than count is more than its whole part: split that many times, the
    # head holds more exactly when a piece is left
    most = int(count)
    size = int(count * 8) + 64  # about six characters a word, and some to spare
    while True:
        if len(text[:size].split(None, most)) > most:
            return True
        if size >= len(text):
            return False
        size *= 2
