"""Stage 3 with a language model: a noisy-channel decoder.

For a span of spun words ``s`` and each original ``o`` a table row offers,
the channel posterior is

    P(o | s, context)  proportional to  prior(o) * exp(lift(o))
    P(keep | s, context)  proportional to  1 - sum of the priors
    lift(o) = [log P_LM(o | context) - log P_LM(o)] - [log P_LM(s | context) - log P_LM(s)]

The table prior already holds the channel model and how frequent both forms
are (it is P(spin | spun form) in a spun text), so the language model only
adds what the context says: how much better the original fits *here* than
the spun form does, beyond their own probabilities. The trigram context covers
two words on each side, and candidates are decoded jointly by iterated
conditional modes: each later round scores each candidate with its
neighbours' likely choices (from 0.3) in place, so "volition survive" is
judged as "will be".

Confidence = that posterior, times the probability that the surrounding text
is spun at all (see :mod:`restore.scoring`; the spin evidence itself weighs
each form in context), except for self-evident forms; WordNet-family matches
with punctuation attached are nearly ruled out.

>>> from restore.engine import Restorer
>>> Restorer(scorer=LanguageModelScorer()).restore("It volition survive fine past times June.").text
'It will be fine by June.'
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from operator import is_
from typing import Sequence

import regex

from .candidates import WORDNET_FAMILY, Candidate
from .channel import LEMMA_NOTE as CHANNEL_LEMMA_NOTE
from .channel import SPIN_RATE as CHANNEL_SPIN_RATE
from .lm import LM_WORD, LanguageModel, get_language_model, lm_form, lm_words
from .number_style import other_spelling
from .memo import Memo
from .scoring import (DOCUMENT_HITS_PER_WORD, NOT_BARE_FACTOR, SEGMENT_PARAGRAPH_SWITCH_LOG_PROB,
                      SEGMENT_SHARE, THESAURUS_PARAGRAPH_SWITCH_LOG_PROB,
                      THOROUGH_HITS_PER_WORD, THESAURUS_SEGMENT_SHARE, TORTURED_FAMILY,
                      DocumentEvidence, LiftEvidence, Scored, document_evidence, is_self_evident,
                      log_likelihood_ratio, logit, restorable_as_wordnet_spin, sigmoid,
                      spinner_could_write, spun_probabilities, thesaurus_could_write,
                      written_abbreviated)
from .spans import around, widen_to_whitespace

ROUNDS = 3  # joint decoding: later rounds see the earlier rounds' choices around them
SKIP_BELOW = 0.01  # context spin probability under which the LM is not consulted
# A self-evident form (a tortured phrase, a chained re-spin) is not kept just
# because the language model, trained on speech, barely knows its original
# ("fetal bovine serum"): its dislike counts for at most this much.
SELF_EVIDENT_MIN_LIFT = -1.0
# For WordNet-style spins the posterior is overconfident at both ends (the model
# treats its evidence as independent). Halving its log-odds (temperature 2)
# calibrates it: ECE 0.072 -> 0.014 on simulated spins, seeds 1-2 of the dev
# set (seed 3 and the other families are the check; see docs/accuracy_notes.md).
# 0.5 stays 0.5, so what the default threshold applies does not change.
CALIBRATION_SLOPE = 0.5
# The thorough reading of a text with no WordNet-style spinner in it (a thesaurus-style
# one) is overconfident less: at 0.5 its forms at 0.1-0.5 were right a third to half as
# often as they said (ECE 0.050). Fitted the same way, seeds 1-2, ECE 0.051 -> 0.026;
# seed 3, the check, 0.053 -> 0.026. 0.5 stays 0.5 here too.
# The same slope now serves every thorough reading, a WordNet-style text's too (a lightly
# spun one the default mode sends there, or any text with --thorough), where 0.5 left the
# reports under 0.3 overconfident: ECE at 5% 0.050 -> 0.048, at 3% 0.058 -> 0.050, and
# with --thorough at 18% 0.031 -> 0.025; recall and precision at 0.5 the same (0.660 /
# 0.788 -> 0.660 / 0.787 at 5%); the Brown press texts at 5% 0.086 as before
THOROUGH_CALIBRATION_SLOPE = 0.7
# ...fitted on texts spun at 10%, where the confidences of a text's spans sum to about
# 0.076 a word (the median). A thesaurus-style spinner may swap a fifth of the words or a
# third, and then each form is likelier a swap (Bayes): at 20% and 30% the reading was
# underconfident (ECE 0.052 and 0.096). So a text whose spans sum to more than this
# reference has its odds raised by the ratio (at most RATE_RATIO_MAX); never lowered
# (lowered too, ECE at 10% and 20% got worse). Seeds 1-2: ECE at 20% 0.052 -> 0.023, at
# 30% 0.096 -> 0.048, WER after 0.110 -> 0.106 and 0.170 -> 0.156, precision 0.878 ->
# 0.841 and 0.890 -> 0.840 for recall 0.474 -> 0.510 and 0.443 -> 0.498; 10% the same
THESAURUS_REFERENCE_RATE = 0.076
# The WordNet channel's own rows ("channel lemma") carry priors worked out for the
# WordNet-style spinner, which changes SPIN_RATE (18%) of the words. A thesaurus-style
# spinner changes about 10%, so in its reading their odds fall by odds(0.10) / odds(0.18)
# (about half; -0.48 in log-odds after the reading's temperature). The tables' rows, most
# of what that temperature was fitted on, came out calibrated (ECE 0.015 on the dev set,
# threshold 0.0); the channel's did not: of those reported at 0.4-0.6, 29% were right, at
# 0.8 and over 78% (Brown press texts: 24% and 66%). With the shift, channel-row ECE on
# seeds 1-2 0.042 -> 0.023, on seed 3 0.041 -> 0.028, on the Brown texts 0.058 -> 0.040;
# precision at 0.5 up on all three, recall the same. (The shift that fits seeds 1-2 best,
# -1.0, made seed 3 worse: 0.050.) The inflected rows ("inflected lemma") keep their
# odds: their prior is already half their lemma's (channel.INFLECTED_PRIOR), and shifted
# too they came out underconfident (ECE 0.031 -> 0.063).
THESAURUS_SPIN_RATE = 0.10
THESAURUS_CHANNEL_SHIFT = THOROUGH_CALIBRATION_SLOPE * (
    logit(THESAURUS_SPIN_RATE) - logit(CHANNEL_SPIN_RATE))
RATE_RATIO_MAX = 4.0
# The WordNet-style reading's priors and temperature were fitted on texts spun at 18%,
# where the confidences of a text's spans (its first pass) sum to about 0.165 a word of
# the stretches likely spun around them (the median on the dev set; 0.152-0.172 over
# its texts). A lighter spinner makes each form less likely a swap (Bayes: the odds
# scale with the rate), so a text whose first pass says less was swapped has every
# WordNet-family confidence's odds multiplied by the ratio, and one that says more by
# that ratio (at most RATE_RATIO_MAX). The sum is shrunk towards the reference by
# RATE_PSEUDO_WORDS words at the reference share, so a short text (a paragraph, a
# sentence) says little of its rate; a ratio within RATE_BAND of 1 is the spread of
# texts spun at 18% and moves nothing. Self-evident forms ("at that topographic
# point") are spins at any rate and keep theirs. Dev set, WordNet-style, with the
# stretch rule of the time (see scoring.SEGMENT_UNIT_WORDS): at 5% ECE 0.048 -> 0.033
# (recall / precision 0.660 / 0.787 -> 0.581 / 0.851), at 3% 0.050 -> 0.044, at 25%
# 0.035 -> 0.033, at 18% unchanged; the Brown press texts at 5% 0.086 -> 0.040 (see
# docs/accuracy_notes.md, "The text's own spin rate")
WORDNET_REFERENCE_RATE = 0.165
RATE_PSEUDO_WORDS = 300
RATE_BAND = 1.15
RATE_MIN_SPUN = 0.5  # ...over the words around the forms in stretches this likely spun
# a restoration this likely is put in its neighbours' context for the next round, so
# two spins that only fit together ("in addition to the lab convey" -> "and the lab
# have") can both be found; 0.3 with three rounds: WordNet-style recall +0.010,
# precision -0.002 on seed 3 (tuned on seeds 1-2)
CONTEXT_MIN_CONFIDENCE = 0.3
THOROUGH_MIN_POSTERIOR = 0.5  # thorough mode: an everyday form counts as evidence from here
# An author repeats words; a spinner picks among synonyms at random. So among the
# originals offered for one span, one the text uses elsewhere is likelier the
# author's: each original's share of the span's restoration is weighed by
# (1 + its count in the text) ** AUTHOR_WORDS_POWER, the span's total (restore
# against keep) unchanged. Dev set, seeds 1-3: 8,224 -> 8,251 gold edits restored
# for 34 more substitutions; Brown press texts (seed 1) 22,105 -> 22,187 for 47
# more, fiction 21,079 -> 21,184 for 89, learned 18,472 -> 18,735 for 146 (0.5:
# dev +27 for 30, press +72 for 50; 1.0: press +100 for 103)
AUTHOR_WORDS_POWER = 0.7
LIFT_CACHE_SIZE = 200_000  # lifts kept per scorer, by their words and context
_LM_WORD_SPLIT = regex.compile(f"({LM_WORD.pattern})")
_BOUNDARY = regex.compile(r"[.!?;:\n]")


@dataclass(slots=True)
class _Words:
    """The text as language-model words with offsets and sentence breaks."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    opens_sentence: list[bool]

    @classmethod
    def of(cls, text: str, candidates: Sequence[Candidate] = ()) -> "_Words":
        """The words of ``text`` or, given candidates, only of the stretches
        around them (a stretch starts as a sentence would: its context is cut
        there, CONTEXT_CHARS before the candidate)."""
        return cls.in_stretches(text, _stretches(text, candidates))

    @classmethod
    def in_stretches(cls, text: str, stretches: Sequence[tuple[int, int]]) -> "_Words":
        """The words of ``text`` inside ``stretches`` (each starts a sentence)."""
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        opens: list[bool] = []
        for low, high in stretches:
            # one split in C: [gap, word, gap, word, ..., gap]; offsets from the lengths
            parts = _LM_WORD_SPLIT.split(text[low:high])
            if len(parts) < 2:
                continue
            offsets = list(accumulate(map(len, parts), initial=low))
            starts += offsets[1:-1:2]
            ends += offsets[2::2]
            words += map(_FORMS.__getitem__, parts[1::2])
            opened = len(opens)
            opens += map(_GAPS.__getitem__, parts[0:-1:2])
            opens[opened] = True  # the stretch starts as a sentence would
        return cls(starts, ends, words, opens)

    def count_in(self, stretches: Sequence[tuple[int, int]]) -> int:
        """How many of the words start inside ``stretches`` (sorted, disjoint).

        >>> _Words.in_stretches("one two three four", [(0, 18)]).count_in([(0, 7), (14, 18)])
        3
        """
        starts = self.starts
        return sum(bisect_left(starts, high) - bisect_left(starts, low) for low, high in stretches)

    def span(self, start: int, end: int) -> tuple[int, int]:
        first = bisect_left(self.starts, start)
        last = first
        while last < len(self.starts) and self.ends[last] <= end:
            last += 1
        return first, last


CONTEXT_CHARS = 60  # enough for the trigram context on either side


def _stretches(text: str, candidates: Sequence[Candidate]) -> list[tuple[int, int]]:
    """Merged ranges around the candidates (the whole text when none are given),
    widened to whitespace so no word is cut."""
    if not candidates:
        return [(0, len(text))]
    ranges = around({(c.start, c.end) for c in candidates}, CONTEXT_CHARS, len(text))
    return [widen_to_whitespace(text, low, high) for low, high in ranges]


def channel_posteriors(candidates: Sequence[Candidate], lifts: Sequence[float],
                       groups: Sequence[Sequence[int]] | None = None,
                       affinity: Sequence[float] | None = None) -> list[float]:
    """Noisy-channel posterior of each original against its rivals on the same
    span and against keeping the text: P(o) is proportional to prior(o) *
    exp(lift(o)), P(keep) to 1 - the sum of the priors. ``groups`` (indices of
    the candidates that share a span, from :func:`span_groups`) saves work
    when called repeatedly; given only some groups, only their candidates get
    a posterior (the others are left at 0). ``affinity`` (per candidate)
    shares a span's restoration out among its originals again, its total
    against keeping the text unchanged (see AUTHOR_WORDS_POWER).

    >>> from restore.tables import Row
    >>> from restore.candidates import Candidate
    >>> rows = [Row("well-nigh", o, p, "x", "", "t") for o, p in (("about", .45), ("almost", .15))]
    >>> cands = [Candidate(0, 9, "well-nigh", r.original, r, "exact", True, False) for r in rows]
    >>> [round(p, 2) for p in channel_posteriors(cands, [2.0, 0.0])]
    [0.86, 0.04]
    >>> [round(p, 2) for p in channel_posteriors(cands, [2.0, 0.0], affinity=[1.0, 30.0])]
    [0.38, 0.52]
    """
    if groups is None:
        groups = span_groups(candidates)
    out = [0.0] * len(candidates)
    exp = math.exp
    for members in groups:
        if len(members) == 1:  # most spans: the same sums, without the loops
            k = members[0]
            prior = candidates[k].row.prior
            weight = prior * exp(max(-30.0, min(30.0, lifts[k])))
            out[k] = weight / (max(1e-6, 1.0 - prior) + weight)
            continue
        keep = max(1e-6, 1.0 - sum([candidates[k].row.prior for k in members]))
        weights = [candidates[k].row.prior * exp(max(-30.0, min(30.0, lifts[k])))
                   for k in members]
        if affinity is not None:
            tilted = [weight * affinity[k] for weight, k in zip(weights, members)]
            scale = sum(weights) / (sum(tilted) or 1.0)
            weights = [weight * scale for weight in tilted]
        total = keep + sum(weights)
        for k, weight in zip(members, weights):
            out[k] = weight / total
    return out


def span_groups(candidates: Sequence[Candidate]) -> list[list[int]]:
    """Indices of the candidates, grouped by span."""
    groups: dict[tuple[int, int], list[int]] = {}
    for k, c in enumerate(candidates):
        members = groups.get((c.start, c.end))
        if members is None:
            groups[(c.start, c.end)] = [k]
        else:
            members.append(k)
    return list(groups.values())


def _lm_word_tuple(phrase: str) -> tuple[str, ...]:
    """The language model's words of an original: a numeral of a hundred or
    more as the words it is said with, since the model knows no numerals and
    reads any it does not spell as "ten" ("200" -> "two hundred", which the
    spun "two hundred" is too; see restore.lm.lm_form).

    >>> _lm_word_tuple("about 200"), _lm_word_tuple("200 people"), _lm_word_tuple("2000")
    (('about', 'two', 'hundred'), ('two', 'hundred', 'people'), ('ten',))
    >>> _lm_word_tuple("100"), _lm_word_tuple("10")
    (('hundred',), ('ten',))
    """
    if not any(ch.isdigit() for ch in phrase):
        return tuple(lm_words(phrase))
    words: list[str] = []
    for match in LM_WORD.finditer(phrase):
        form = lm_form(match.group())
        spelled = (other_spelling(match.group())
                   if form == "ten" and match.group() != "10" else None)
        if spelled is not None and " " in spelled:
            words += lm_words(spelled)
        else:
            words.append(form)
    return tuple(words)


_FORMS = Memo(lm_form, 200_000)  # word as written -> language-model form
# the text between two words -> does a sentence (or line) break there?
_GAPS = Memo(lambda gap: _BOUNDARY.search(gap) is not None, 10_000)
# phrase -> its language-model words
_PHRASE_WORDS = Memo(_lm_word_tuple, 200_000)


def at_document_rate(confidences: Sequence[float], factor: Sequence[float | None],
                     groups: Sequence[Sequence[int]], words: int) -> list[float]:
    """The WordNet-family ``confidences`` (``factor`` not None) of a text read
    the thesaurus-style way, with their odds raised by how much more of the
    text its spans say was swapped (the sum of each span's best confidence, a
    word) than ``THESAURUS_REFERENCE_RATE``, the share at which the reading's
    temperature was fitted; other families' confidences, and those of a text
    that says less, stay as they are.

    >>> [round(c, 3) for c in at_document_rate([0.5, 0.2], [1.0, None], [[0], [1]], 4)]
    [0.622, 0.2]
    >>> at_document_rate([0.5, 0.2], [1.0, None], [[0], [1]], 10_000)
    [0.5, 0.2]
    """
    if words <= 0:
        return list(confidences)
    ratio = min(swapped_words(confidences, factor, groups) / words / THESAURUS_REFERENCE_RATE,
                RATE_RATIO_MAX)
    if ratio <= 1.0:
        return list(confidences)
    return shifted_odds(confidences, factor, math.log(ratio))


def shifted_odds(confidences: Sequence[float], factor: Sequence[float | None], shift: float,
                 exempt: Sequence[bool] | None = None) -> list[float]:
    """``confidences`` with the log-odds of the WordNet-family ones (``factor``
    not None) moved by ``shift``; those at 0 and those ``exempt`` stay.

    >>> [round(c, 3) for c in shifted_odds([0.5, 0.5, 0.5, 0.0], [1.0, None, 1.0, 1.0], 1.0,
    ...                                    [False, False, True, False])]
    [0.731, 0.5, 0.5, 0.0]
    """
    return [c if factor[k] is None or c <= 0.0 or (exempt is not None and exempt[k])
            else sigmoid(logit(c) + shift)
            for k, c in enumerate(confidences)]


def swapped_words(confidences: Sequence[float], factor: Sequence[float | None],
                  groups: Sequence[Sequence[int]]) -> float:
    """How many words a text's spans say were swapped: the sum, over the spans
    (``groups`` of rivals), of each one's best WordNet-family confidence
    (``factor`` not None).

    >>> swapped_words([0.9, 0.05, 0.5, 0.7], [1.0, 1.0, 1.0, None], [[0, 1], [2, 3]])
    1.4
    """
    return sum(max((confidences[k] for k in members if factor[k] is not None), default=0.0)
               for members in groups)


def spin_rate_shift(swapped: float, words: int) -> float:
    """The log-odds to add to a WordNet-style text's confidences, from how many of
    its ``words`` its first pass says were ``swapped`` (see WORDNET_REFERENCE_RATE).

    >>> round(spin_rate_shift(0.05 * 1000, 1000), 2)  # a lightly spun text
    -0.63
    >>> spin_rate_shift(0.165 * 1000, 1000), spin_rate_shift(0.18 * 1000, 1000)  # as at 18%
    (0.0, 0.0)
    >>> round(spin_rate_shift(0.3 * 1000, 1000), 2)  # a heavily spun one
    0.35
    >>> spin_rate_shift(0.0, 20)  # a sentence says little of its rate
    0.0
    """
    share = ((swapped + WORDNET_REFERENCE_RATE * RATE_PSEUDO_WORDS)
             / (max(words, 0) + RATE_PSEUDO_WORDS))
    ratio = share / WORDNET_REFERENCE_RATE
    if ratio < 1.0 / RATE_BAND:
        return math.log(ratio * RATE_BAND)
    if ratio > RATE_BAND:
        return math.log(min(ratio / RATE_BAND, RATE_RATIO_MAX))
    return 0.0


class LanguageModelScorer:
    """Scores candidates with table priors, a trigram LM and spin context."""

    def __init__(self, language_model: LanguageModel | None = None, thorough: bool = False):
        """``thorough``: everyday forms count as evidence too, when the language
        model says their original fits much better (thesaurus-style spinning,
        which swaps common words only, becomes visible; clean text is slower)."""
        self._lm = language_model
        self.thorough = thorough
        self._memo: _Analysis | None = None
        self._alone_cache: dict[tuple[str, ...], float] = {}
        self._lift_cache: dict[tuple[str, ...], float] = {}

    @property
    def lm(self) -> LanguageModel:
        if self._lm is None:
            self._lm = get_language_model()
        return self._lm

    def score(self, text: str, candidates: Sequence[Candidate],
              evidence: DocumentEvidence | None = None) -> list[Scored]:
        return self.score_and_rate(text, candidates, evidence)[0]

    def score_and_rate(self, text: str, candidates: Sequence[Candidate],
                       evidence: DocumentEvidence | None = None
                       ) -> tuple[list[Scored], float | None]:
        """:meth:`score`, and the spin-rate shift the WordNet-style confidences
        took (None in a thesaurus-style reading): ``evidence.rate_shift`` if set,
        else measured on this text (see WORDNET_REFERENCE_RATE). The engine
        keeps what the first pass measured for the later ones, which see only
        what the passes wrote."""
        if not candidates:
            return [], None
        analysis = self._analyse(text, candidates)
        words, spans, originals = analysis.words, analysis.spans, analysis.originals
        if evidence is None:
            evidence = self._document_evidence(text, candidates, analysis)
        # the bare-token rule is the WordNet-style spinner's; thorough mode drops
        # it in a text whose strong multiword forms show no such spinner
        # (thesaurus-style spins of "knee," were a fifth of its recall there, and
        # were underconfident: ECE 0.096 with the rule, 0.042 without)
        bare_rule = not self.thorough or evidence.wordnet_style
        # (a thesaurus-style reading's everyday forms make clean prose look denser:
        # its chain of stretches weighs them against a larger share, and switches
        # at a paragraph less readily than the WordNet-style reading's)
        if bare_rule:
            share, paragraph_switch = SEGMENT_SHARE, SEGMENT_PARAGRAPH_SWITCH_LOG_PROB
        else:
            share, paragraph_switch = THESAURUS_SEGMENT_SHARE, THESAURUS_PARAGRAPH_SWITCH_LOG_PROB
        spun_here = spun_probabilities(text, candidates, evidence, analysis.weights, share,
                                       paragraph_switch)
        if self.thorough:
            # everyday-form evidence is weak: a stretch that looks spun only counts
            # in a text that does as a whole ("Issue #27622" -> "Number" in a
            # changelog is a false alarm, not a spun paragraph)
            whole = sigmoid(evidence.word_spinner_log_odds)
            spun_here = [p if c.row.family == TORTURED_FAMILY else min(p, whole)
                         for p, c in zip(spun_here, candidates)]
        self_evident = [is_self_evident(c) for c in candidates]
        # the speech-trained model barely knows scientific terms ("fetal bovine
        # serum"): its dislike of them counts for little
        floored = [evident or c.row.family == TORTURED_FAMILY
                   for evident, c in zip(self_evident, candidates)]
        groups = analysis.groups
        active = [self_evident[k] or spun_here[k] >= SKIP_BELOW for k in range(len(candidates))]
        # WordNet-family forms are calibrated, then multiplied by this (None: other
        # families, whose raw probability is their confidence)
        # ...and in such a text a WordNet-style multiword lemma ("in addition to",
        # "as well as") is nearly ruled out too: its strong multiword forms showed
        # no such spinner, and a thesaurus-style one swaps single words (a chained
        # re-spin nobody writes, "urban amount", still speaks for itself where the
        # WordNet-style spinner could have written it). Seeds 1-3: 0.416/0.761
        # (ECE 0.035) -> 0.421/0.783 (ECE 0.028); "in addition to" -> "and" at
        # 0.97 had been a false edit in our own prose
        could_write = [restorable_as_wordnet_spin(c) if bare_rule
                       else (thesaurus_could_write(c) and not written_abbreviated(text, c))
                       or (self_evident[k] and spinner_could_write(c))
                       for k, c in enumerate(candidates)]
        factor = [(1.0 if could_write[k] else NOT_BARE_FACTOR)
                  if c.row.family == WORDNET_FAMILY else None
                  for k, c in enumerate(candidates)]
        slope = THOROUGH_CALIBRATION_SLOPE if self.thorough else CALIBRATION_SLOPE
        # (the channel's own rows, in a thesaurus-style reading: see THESAURUS_CHANNEL_SHIFT)
        shift = [0.0 if bare_rule or c.row.note != CHANNEL_LEMMA_NOTE else THESAURUS_CHANNEL_SHIFT
                 for c in candidates]
        keep_text = _Hypothesis(words, {})
        lifts = [analysis.plain_lift(k, self) if active[k] else 0.0
                 for k in range(len(candidates))]
        affinity = analysis.author_affinity()
        confidences = [0.0] * len(candidates)
        posteriors = [0.0] * len(candidates)
        hypothesis = keep_text
        redo: Sequence[Sequence[int]] = groups
        # per group, the words around it its lifts were worked out with in a round
        # (the lifts as written may be another analysis's of the same text: see _analyse)
        lifted_in: dict[int, tuple[list[str], list[str]]] = {}
        for round_number in range(ROUNDS):
            if round_number:
                # only candidates whose context now holds a restoration change,
                # and only the posteriors of their spans need working out again
                near = hypothesis.touched_near
                changed: set[int] = set()
                for number, members in enumerate(groups):  # rivals share a span
                    span = spans[members[0]]
                    if near(*span):
                        context = self._context(words, span, hypothesis)
                        if context == lifted_in.get(number):
                            continue  # the same words around it: the same lifts and posteriors
                        lifted_in[number] = context
                        for k in members:
                            if active[k]:
                                lifts[k] = self._lift(words, spans[k], originals[k], hypothesis)
                                changed.add(number)
                redo = [groups[g] for g in sorted(changed)]
            fresh = channel_posteriors(candidates, [
                max(lift, SELF_EVIDENT_MIN_LIFT) if evident else lift
                for evident, lift in zip(floored, lifts)], redo, affinity)
            for members in redo:
                for k in members:
                    posteriors[k] = fresh[k]
                    confidences[k] = self._confidence(
                        fresh[k] if self_evident[k] else fresh[k] * spun_here[k], factor[k],
                        slope, shift[k])
            if round_number < ROUNDS - 1:  # (no round looks at the last one's choices)
                choices = _best_choices(candidates, spans, confidences)
                if choices == hypothesis.chosen:
                    # the reading this round took again: the next round would work
                    # out the same lifts, and so the same confidences (and so on)
                    break
                hypothesis = _Hypothesis(words, choices)
        rate_shift = None
        if not bare_rule:
            confidences = at_document_rate(confidences, factor, groups, evidence.words)
        else:
            rate_shift = evidence.rate_shift
            if rate_shift is None:
                # (over the words around the candidates in stretches likely
                # spun: a spun article in a long clean page is spun at its own rate)
                rate_shift = spin_rate_shift(
                    swapped_words(confidences, factor, groups),
                    words.count_in(_stretches(text, [
                        c for k, c in enumerate(candidates)
                        if self_evident[k] or spun_here[k] >= RATE_MIN_SPUN])))
            if rate_shift:  # (a self-evident form is a spin at any rate)
                confidences = shifted_odds(confidences, factor, rate_shift, self_evident)
        # (the evidence is written out only for the substitutions made: a text
        # has about 1.3 candidates a word, and few of them are restored)
        results = [Scored(c, confidences[k],
                          LiftEvidence(c.row.prior, lifts[k], posteriors[k],
                                       None if self_evident[k] else spun_here[k]))
                   for k, c in enumerate(candidates)]
        return results, rate_shift

    def document_evidence(self, text: str, candidates: Sequence[Candidate]) -> DocumentEvidence:
        """Spin evidence of the whole text, with each form weighed in its context."""
        return self._document_evidence(text, candidates, self._analyse(text, candidates))

    def _document_evidence(self, text: str, candidates: Sequence[Candidate],
                           analysis: "_Analysis") -> DocumentEvidence:
        # thorough mode counts every everyday form that fits badly as a little
        # evidence: a long list of words (SQL keywords) has plenty of those, so its
        # document is weighed against a heavier rate than the document rate (see
        # THOROUGH_HITS_PER_WORD), and not a second time with each form once: its
        # everyday forms count once already
        return document_evidence(text, candidates, analysis.weights,
                                 THOROUGH_HITS_PER_WORD if self.thorough
                                 else DOCUMENT_HITS_PER_WORD,
                                 distinct_forms=not self.thorough)

    def _analyse(self, text: str, candidates: Sequence[Candidate]) -> "_Analysis":
        """Words, spans and context-free lifts of one text, kept for the next
        call on the same text (the engine asks for evidence, then scores)."""
        memo = self._memo
        if memo is not None and memo.text is text and _same_items(memo.candidates, candidates):
            return memo
        analysis = _Analysis(text, candidates, memo)
        if memo is not None and memo.text is text:
            # same text, more candidates (evidence first, then everything):
            # lifts against the text as written do not change
            analysis.plain_lifts = memo.plain_lifts
        analysis.weights = self._evidence_weights(analysis)
        self._memo = analysis
        return analysis

    def _evidence_weights(self, analysis: "_Analysis") -> list[float]:
        """Log likelihood ratios with the prior replaced by the channel posterior
        of the span in its context: "inward investment" is English and is weak
        evidence of spinning, "volition survive" is strong evidence."""
        candidates = analysis.candidates
        base = [log_likelihood_ratio(c) for c in candidates]
        weigh = [base[k] > 0 or (self.thorough and spinner_could_write(c)
                                 and "channel" not in c.row.note)
                 for k, c in enumerate(candidates)]
        lifts = [analysis.plain_lift(k, self) if weigh[k] else 0.0
                 for k in range(len(candidates))]
        # only spans with a form to weigh need their posteriors (most spans of a
        # spun text hold WordNet-channel rows alone, which are no evidence)
        weighed = [members for members in analysis.groups if any(weigh[k] for k in members)]
        posteriors = channel_posteriors(candidates, lifts, weighed)
        weights = [0.0] * len(candidates)
        everyday: dict[str, int] = {}  # an everyday form's strongest occurrence
        for members in weighed:
            span_total = 0.0
            for k in members:
                span_total += posteriors[k]
            for k in members:
                c = candidates[k]
                if base[k] > 0:
                    weights[k] = log_likelihood_ratio(c, min(span_total, c.row.prior))
                elif weigh[k] and span_total > THOROUGH_MIN_POSTERIOR:
                    # an everyday form whose original fits far better here
                    weights[k] = -math.log(1.0 - min(span_total, 0.95))
                    form = c.spun.lower()
                    if form not in everyday or weights[everyday[form]] < weights[k]:
                        everyday[form] = k
        if everyday:
            # each everyday form counts once: a spinner swaps words at random,
            # while an author repeats the terms of the subject ("capacity
            # provider" five times in a cloud manual is not five spins)
            keep = set(everyday.values())
            for k, c in enumerate(candidates):
                if base[k] <= 0 and weights[k] > 0 and k not in keep:
                    weights[k] = 0.0
        return weights

    @staticmethod
    def _confidence(raw: float, factor: float | None,
                    slope: float = CALIBRATION_SLOPE, shift: float = 0.0) -> float:
        """The confidence from ``raw`` = P(restore | the text is spun), times
        P(spun) unless the form is self-evident. WordNet-family forms are
        calibrated (log-odds times ``slope``, plus ``shift``), then multiplied by
        ``factor`` (NOT_BARE_FACTOR for a form the spinner could not have written, else 1);
        ``factor`` None: another family, which comes out calibrated as it is
        (ECE 0.06).

        >>> round(LanguageModelScorer._confidence(0.01, 1.0), 3), LanguageModelScorer._confidence(0.5, 1.0)
        (0.091, 0.5)
        >>> round(LanguageModelScorer._confidence(0.01, 1.0, THOROUGH_CALIBRATION_SLOPE), 3)
        0.039
        """
        if factor is None:
            return raw
        return sigmoid(slope * logit(raw) + shift) * factor

    def _lift(self, words: _Words, span: tuple[int, int], original: Sequence[str],
              hypothesis: "_Hypothesis") -> float:
        first, last = span
        spun = words.words[first:last]
        if not spun or not original:
            return 0.0
        left, right = self._context(words, span, hypothesis)
        # the lift depends on nothing else: it is the same wherever these words recur
        # (should it come to depend on more, e.g. more context, that goes in the key,
        # and in what score_and_rate compares before it asks again: see lifted_in)
        key = (*left, "|", *original, "|", *spun, "|", *right)
        lift = self._lift_cache.get(key)
        if lift is None:
            with_original = self._sequence(left, [*original, *right])
            # (rivals share the span, its context and so this)
            with_spun = hypothesis.spun_logprobs.get(span)
            if with_spun is None:
                with_spun = hypothesis.spun_logprobs[span] = self._sequence(left, spun + right)
            # each form's own probability, without context: the prior already holds it
            baseline = self._alone(tuple(original)) - self._alone(tuple(spun))
            lift = (with_original - with_spun) - baseline
            if len(self._lift_cache) >= LIFT_CACHE_SIZE:
                self._lift_cache.clear()
            self._lift_cache[key] = lift
        return lift

    def _context(self, words: _Words, span: tuple[int, int],
                 hypothesis: "_Hypothesis") -> tuple[list[str], list[str]]:
        """The last two words before the words ``span`` and the two after them,
        in ``hypothesis`` (kept there: rivals share a span, and so its context)."""
        context = hypothesis.contexts.get(span)
        if context is None:
            first, last = span
            if hypothesis.chosen:
                context = (self._context_left(words, first, hypothesis)[-2:],
                           self._context_right(words, last, hypothesis))
            else:  # the text as written: the same walk without restorations to step over
                context = _plain_context(words, first, last)
            hypothesis.contexts[span] = context
        return context

    def _alone(self, phrase: tuple[str, ...]) -> float:
        cached = self._alone_cache.get(phrase)
        if cached is None:
            cached = self._alone_cache[phrase] = self._sequence([], list(phrase))
        return cached

    def _sequence(self, left: Sequence[str], sequence: Sequence[str]) -> float:
        """Log P of ``sequence`` given the last two words of ``left``."""
        before = left[-2] if len(left) > 1 else None
        previous = left[-1] if left else None
        return self.lm.sequence_logprob(sequence, previous, before)

    @staticmethod
    def _context_left(words: _Words, first: int, hypothesis: "_Hypothesis") -> list[str]:
        out: list[str] = []
        if first < len(words.words) and words.opens_sentence[first]:
            return ["<s>"]
        index = first - 1
        while index >= 0 and len(out) < 3:
            span_first, replacement = hypothesis.at(index, first)
            out[:0] = replacement
            if words.opens_sentence[span_first]:
                out[:0] = ["<s>"]
                break
            index = span_first - 1
        return out[-3:]

    @staticmethod
    def _context_right(words: _Words, last: int, hypothesis: "_Hypothesis") -> list[str]:
        out: list[str] = []
        index = last
        while len(out) < 2:
            if index >= len(words.words) or words.opens_sentence[index]:
                out.append("</s>")
                break
            replacement, next_index = hypothesis.forward(index, last)
            out.extend(replacement)
            index = next_index
        return out[:2]


def _plain_context(words: _Words, first: int, last: int) -> tuple[list[str], list[str]]:
    """The last two words of the left context and the right context of words
    first..last in the text as written: what ``_context_left(...)[-2:]`` and
    ``_context_right`` give for a hypothesis without restorations (a change
    to those walks must be made here too; tests/test_decoder.py checks)."""
    forms, opens = words.words, words.opens_sentence
    if first < len(forms) and opens[first]:
        left = ["<s>"]
    elif first < 1:
        left = []
    elif opens[first - 1]:
        left = ["<s>", forms[first - 1]]
    elif first < 2:
        left = [forms[first - 1]]
    else:
        left = [forms[first - 2], forms[first - 1]]
    if last >= len(forms) or opens[last]:
        right = ["</s>"]
    elif last + 1 >= len(forms) or opens[last + 1]:
        right = [forms[last], "</s>"]
    else:
        right = [forms[last], forms[last + 1]]
    return left, right


class _Analysis:
    """What the decoder works out once per text: its words, each candidate's
    word span and original words, and lifts against the unrestored text."""

    def __init__(self, text: str, candidates: Sequence[Candidate],
                 previous: "_Analysis | None" = None):
        """``previous``: an analysis of the same text whose words can be
        reused when the candidates cover the same stretches."""
        self.text = text
        self.candidates = tuple(candidates)  # a snapshot: the caller may extend its list
        self.stretches = _stretches(text, candidates)
        if previous is not None and previous.text is text and previous.stretches == self.stretches:
            self.words = previous.words
        else:
            self.words = _Words.in_stretches(text, self.stretches)
        # rivals share a span: the candidates grouped by span (as span_groups
        # groups them) and each candidate's word span
        self.groups: list[list[int]] = []
        self.spans: list[tuple[int, int]] = []
        group_at: dict[tuple[int, int], int] = {}
        word_spans: list[tuple[int, int]] = []  # by group
        for k, c in enumerate(candidates):
            number = group_at.get((c.start, c.end))
            if number is None:
                number = group_at[(c.start, c.end)] = len(self.groups)
                self.groups.append([k])
                word_spans.append(self.words.span(c.start, c.end))
            else:
                self.groups[number].append(k)
            self.spans.append(word_spans[number])
        self.originals = [_PHRASE_WORDS[c.original] for c in candidates]
        self.weights: list[float] = []
        self._keep_text = _Hypothesis(self.words, {})
        self.plain_lifts: dict[tuple[int, int, str], float] = {}  # may be shared per text

    def author_affinity(self) -> list[float] | None:
        """Per candidate, (1 + how often the text writes its original) **
        AUTHOR_WORDS_POWER (see there); None when no span has rivals. A phrase
        as original counts as never written (1.0).

        >>> from restore.tables import Row
        >>> def c(start, end, original):
        ...     return Candidate(start, end, "big", original, Row("big", original, 0.3, "x", "", "t"),
        ...                      "exact", True, False)
        >>> text = "A big crowd. Large crowds, large halls."
        >>> [round(a, 2) for a in _Analysis(text, [c(2, 5, "large"), c(2, 5, "great")]).author_affinity()]
        [2.16, 1.0]
        """
        rivals = [members for members in self.groups if len(members) > 1]
        if not rivals:
            return None
        counts = Counter(LM_WORD.findall(self.text.lower()))
        affinity = [1.0] * len(self.candidates)
        for members in rivals:
            for k in members:
                count = counts.get(self.candidates[k].original.lower(), 0)
                if count:
                    affinity[k] = (1.0 + count) ** AUTHOR_WORDS_POWER
        return affinity

    def plain_lift(self, k: int, scorer: "LanguageModelScorer") -> float:
        """Lift of candidate ``k`` with its neighbours as written (no restoration)."""
        c = self.candidates[k]
        key = (c.start, c.end, c.original)
        lift = self.plain_lifts.get(key)
        if lift is None:
            lift = self.plain_lifts[key] = scorer._lift(
                self.words, self.spans[k], self.originals[k], self._keep_text)
        return lift


def _same_items(first: Sequence[object], second: Sequence[object]) -> bool:
    """The same objects in the same order (a cheap test that needs no equality)."""
    return first is second or (len(first) == len(second) and all(map(is_, first, second)))


class _Hypothesis:
    """The current best reading: chosen restorations over the word list."""

    def __init__(self, words: _Words, chosen: dict[int, tuple[int, tuple[str, ...]]]):
        self.words = words
        self.chosen = chosen
        self.owner: dict[int, int] = {}
        for first, (last, _) in chosen.items():
            for index in range(first, last):
                self.owner[index] = first
        self._owned = sorted(self.owner)
        # word span -> its left and right context, once walked, and the log
        # probability of its words as written in that context (see _lift)
        self.contexts: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
        self.spun_logprobs: dict[tuple[int, int], float] = {}

    def touched_near(self, first: int, last: int) -> bool:
        """Does a chosen restoration sit in the trigram context of words first..last
        (three words before them, two after)?"""
        owned = self._owned
        before = bisect_left(owned, max(0, first - 3))
        if before < len(owned) and owned[before] < first:
            return True
        after = bisect_left(owned, last)
        return after < len(owned) and owned[after] < last + 2

    def at(self, index: int, own_first: int) -> tuple[int, list[str]]:
        """Walking left: (first word of the unit holding ``index``, its words)."""
        first = self.owner.get(index)
        if first is not None:
            last, replacement = self.chosen[first]
            if last <= own_first:
                return first, replacement
        return index, [self.words.words[index]]

    def forward(self, index: int, own_last: int) -> tuple[list[str], int]:
        """Walking right: (words of the unit starting at ``index``, next index)."""
        first = self.owner.get(index)
        if first == index:
            last, replacement = self.chosen[first]
            return replacement, last
        return [self.words.words[index]], index + 1


def _best_choices(candidates: Sequence[Candidate], spans: list[tuple[int, int]],
                  confidences: list[float]) -> dict[int, tuple[int, tuple[str, ...]]]:
    """Non-overlapping candidates at least CONTEXT_MIN_CONFIDENCE likely, the most
    confident first, as a hypothesis."""
    # (a stable sort of those candidates only: the others are never taken)
    order = sorted((k for k, confidence in enumerate(confidences)
                    if not confidence < CONTEXT_MIN_CONFIDENCE),
                   key=lambda k: (-confidences[k], -(spans[k][1] - spans[k][0])))
    taken: dict[int, tuple[int, tuple[str, ...]]] = {}
    used: set[int] = set()
    for k in order:
        first, last = spans[k]
        if last <= first or not used.isdisjoint(range(first, last)):
            continue
        used.update(range(first, last))
        taken[first] = (last, _PHRASE_WORDS[candidates[k].original])
    return taken
