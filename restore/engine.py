"""The pipeline, end to end: text -> candidates -> scores -> decisions -> report.

A :class:`Restorer` holds the compiled tables; building one costs a few
hundred milliseconds, so :func:`get_restorer` keeps one per configuration and
process (a cluster worker loads its tables once). Restorers pickle as their
configuration, so they travel to Dask or Spark workers cheaply.

>>> r = get_restorer().restore("It volition survive fine past times June.")
>>> r.text
'It will be fine by June.'
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

import ahocorasick

from .cache import cached, file_fingerprint, gc_paused
from .candidates import WORDNET_FAMILY, Candidate, TieredMatcher
from .channel import WordNetChannel
from .clean import has_more_words, nothing_to_restore
from .decision import (ChainForms, ChainState, choose, doubt_unfinished, drop_reversals,
                       drop_unsettling, merge_pass, to_substitutions)
from .decoder import SKIP_BELOW, LanguageModelScorer
from .lm import model_fingerprint
from .nesting import readings_the_doubled_word_leaves
from .number_style import drop_respelled_restorations, weigh_number_style
from .numbers import drop_numeral_originals, merge_number_spellings
from .roman import drop_numbered_names
from .report import Restoration, Substitution, output_spans, splice
from .scoring import (CHARS_PER_WORD, DOCUMENT_WINDOW_WORDS, TORTURED_FAMILY, WINDOW_WORDS,
                      DocumentEvidence, EvidenceAlong, Scored, Scorer, document_evidence,
                      log_likelihood_ratio, row_log_likelihood_ratio, span_weights, spin_score,
                      spun_probabilities)
from .spans import around, widen_to_whitespace
from .stream import MAX_CHUNK_CHARS, cut_point
from .tables import BUILTIN_FAMILIES, Row, builtin_table_paths, is_attested, load_rows
from .tortured_channel import TorturedChannel

DEFAULT_THRESHOLD = 0.5
MIN_REPORTED_CONFIDENCE = 0.01  # what threshold=0.0 still leaves out
MAX_PASSES = 6
MAX_ROUNDS = 3  # fresh judgements of the output, until it stands
CHANNEL_MIN_SPIN = 0.3  # spin score from which the WordNet channel looks at every lemma
WINDOW_MIN_SPUN = 0.01  # spin probability from which a stretch is scanned for everyday forms
WINDOW_CHARS = 800  # about 130 words on each side of a strong form
DOCTORED_MIN_LOG_ODDS = 0.0  # from here the tortured-phrase channel reads the text...
TORTURED_WINDOW_CHARS = 600  # ...about 100 words on each side of a listed tortured phrase
# thorough mode: evidence a word, from strong multiword forms, from which a text is taken
# for WordNet-style spinning and that spinner's bare-token rule holds (see
# Restorer._shows_multiword_spins)
WORDNET_STYLE_MIN_EVIDENCE = 0.005
# ...and the evidence a word its densest DOCUMENT_WINDOW_WORDS words need instead, in a text
# of more than THESAURUS_DENSEST_MIN_WINDOWS windows (Restorer._densest_shows_multiword_spins).
# Higher, as the densest of several windows is denser by chance: in pages of four of our
# articles, 0.15-0.42 nats per 100 words when all are clean, 0.00-0.54 when the first is
# spun thesaurus-style, 0.28-3.26 (tenth percentile 0.69) when it is spun WordNet-style at 5%
WORDNET_STYLE_DENSEST_MIN_EVIDENCE = 0.007
# default mode: a text whose strong forms carry this much plain evidence (no language
# model) per CHARS_PER_WORD characters, and whose multiword forms show no WordNet-style
# spinner, looks like a thesaurus-style spinner's (see Restorer._looks_thesaurus_style)...
# (0.0224 until the WordNet-style table stopped taking names it can write for names
# nobody writes: "United States" -> America had a prior of 0.70. Clean prose lost some of
# that false evidence, and so did some spun texts; at 0.022 fewer of the Brown corpus's
# clean texts look thesaurus-style than before, 46 against 48, and more spun ones do,
# ours 67 of 72 against 66, the Brown press texts' 80 of 88 against 78)
THESAURUS_MIN_EVIDENCE = 0.022
# ...or whose densest DOCUMENT_WINDOW_WORDS words carry that much, in a text of more than
# this many such windows: a thesaurus-style article in a page of clean prose, whose whole
# is too thin (three dev articles after one spun thesaurus-style: recall 0 -> 0.253, 0.3
# false edits per 10k words of the clean part). Not in shorter texts: the densest 1,000
# words of a 2,000-word clean text are as dense as such an article (73 of the Brown
# corpus's texts would pass, and checking them cost a quarter of its speed)
THESAURUS_DENSEST_MIN_WINDOWS = 3
# ...and is read the thorough way if that reading's own evidence, worked out on its first
# THESAURUS_SAMPLE_CHARS (about 1,000 words: a spinner goes through a text alike), finds
# it spun at least this likely. (Until the simulator inflected, the plain evidence alone
# decided, at 0.028 a word; a fifth of such a spinner's swaps are inflected words no
# table lists, and those texts fell short of it while the thorough reading, which weighs
# those words too, was sure. Worked out on whole texts, the Brown corpus ran at 4.5 MB/s
# against 6.3-7.1.) Clean prose stays far below the cut: of the Brown corpus's 500 texts,
# the 46 that look thesaurus-style get at most 1.6e-10; the cut was 0.5 until texts that
# are not ours (the Brown corpus's press texts, spun thesaurus-style at 10%) showed 19 of
# 79 such texts between 1e-7 and 0.5 left to the default reading: at 0.01, 71 of them are
# read so (60 at 0.5), and of our 72, 64 (63); with the cut above, 68 and 65. At 1e-4
# (0.01 until the floor below): five more of the Brown press texts are read so (recall
# 0.305 -> 0.327 at precision 0.732 -> 0.731, document AUC 0.881 -> 0.909; fiction
# 0.300 -> 0.322). The Brown corpus's clean texts stay six orders of magnitude under it
# (1.6e-10 at most); three of our negative cases, short and dense with a spinner's words,
# now pass and are read the thorough way, which restores nothing in them either
THESAURUS_MIN_SPIN = 1e-4
THESAURUS_SAMPLE_CHARS = 6_000
# ...after a first look at its first THESAURUS_FIRST_SAMPLE_CHARS, which ends the check
# when that part scores under THESAURUS_CLEARLY_CLEAN: 33 of the 46 texts of the Brown
# corpus that look thesaurus-style do (the most any scores at 6,000 is 1.6e-10), and
# none of the 144 texts spun thesaurus-style (ours at seeds 1-3, Brown press at seed 1)
# that the whole sample reads so; a third of the work for most clean texts that get here
THESAURUS_FIRST_SAMPLE_CHARS = 2_000
THESAURUS_CLEARLY_CLEAN = 1e-6
# ...and what that check finds on the first part is a floor for the whole text's
# word-level evidence (a spinner goes through a text alike; see _thorough_reading), if the
# whole text's own evidence finds it spun at least this likely. Without that condition a
# text whose first 6,000 characters were spun and whose other 9,000 were not (our
# articles, 48 such texts) got 80 false edits in its clean part; with it, none, as before,
# and the Brown press texts spun thesaurus-style keep most of the gain (recall 0.280 ->
# 0.305 at precision 0.733 -> 0.732, against 0.310 at 0.731 without the condition)
SAMPLE_FLOOR_MIN_SPIN = 0.001
# ...but a text of a stretch or less (2 * WINDOW_WORDS words) may be too short to hold
# the WordNet-style spinner's multiword forms: it is read the thorough way only if the
# default reading finds it less likely spun than this
SHORT_TEXT_MAX_SPIN = CHANNEL_MIN_SPIN
# ...and a text of this many words or fewer is never read so: one sentence is too little
# to tell a thesaurus-style spinner from chance. Restored a sentence at a time, the Brown
# corpus got 115 false edits (1.13 per 10k words), 65 of them from the thorough reading of
# sentences of 30 words or fewer; now 50 (0.49). The cost, on our articles spun with seed 1 and
# restored a sentence at a time: WordNet-style recall 0.401 -> 0.367 (precision 0.887 ->
# 0.897), thesaurus-style 0.072 -> 0.030; by paragraph 0.594 -> 0.592 and 0.121 -> 0.119
THOROUGH_MAX_SHORT_WORDS = 30
# thorough mode counts each everyday form once a text, so a long text's evidence cannot
# keep up with its length (our 72 thesaurus-style articles in one text, 62,000 words,
# were judged clean whole): it is judged a part of about 4,000 words at a time
THOROUGH_CHUNK_CHARS = 24_000


class Judgement(NamedTuple):
    """One judgement of a text (:meth:`Restorer._restore_once`)."""

    substitutions: list[Substitution]
    text: str  # restored
    spin_score: float
    wordnet_style: bool | None  # do its strong forms show a WordNet-style spinner? (thorough)
    rate_shift: float | None  # the spin-rate shift its first pass took (see decoder)


class Restorer:
    """Restores spun text with one set of tables."""

    def __init__(self, families: Sequence[str] | None = None,
                 wordlists: Iterable[str | os.PathLike[str]] = (),
                 scorer: Scorer | None = None, hold_out_tortured: bool = False,
                 thorough: bool = False):
        """``hold_out_tortured`` drops the 20% of tortured phrases the evaluation
        keeps aside (``restore.spin.is_heldout``), to measure the decoder on
        phrases it has no row for."""
        self.families = tuple(families) if families else None
        self.wordlists = tuple(str(w) for w in wordlists)
        self.hold_out_tortured = hold_out_tortured
        if self.wordlists or hold_out_tortured:
            rows = load_rows(self.families, self.wordlists)
            if hold_out_tortured:
                from .spin import is_heldout

                rows = [r for r in rows if r.family != TORTURED_FAMILY or not is_heldout(r.spun)]
            self.matcher = TieredMatcher(rows, is_strong_row)
            self._given_rows: list[Row] | None = rows
        else:
            self.matcher = _builtin_tiers(self.families)
            self._given_rows = None  # the shipped tables, read again only if needed
        self.thorough = thorough
        self.scorer = scorer or LanguageModelScorer(thorough=thorough)
        # clean text can be proved clean without the language model (see restore.clean)
        self._quick_proof = type(self.scorer) is LanguageModelScorer and not (
            thorough or self.scorer.thorough)
        # a text a thesaurus-style spinner went through is read the thorough way
        # (see _thorough_reading); a scorer of the caller's own is left to itself
        self._may_read_thoroughly = self._quick_proof
        use_channel = self.families is None or WORDNET_FAMILY in self.families
        # (the channel unwinds a re-spin of a lemma the tables' attested rows know,
        # "past multiplication" for "past times", to what they say: "by"; it is
        # given a bound method, so it pickles as this restorer's configuration)
        self.channel = WordNetChannel(self._attested_rows) if use_channel else None
        self._use_tortured = self.families is None or TORTURED_FAMILY in self.families
        self._tortured_channel: TorturedChannel | None = None
        self._thorough_twin: Restorer | None = None
        # the last _everyday_evidence: the default mode's check works it out for a
        # text its twin then reads whole (text, strong forms, wordnet_style, result)
        self._last_everyday: tuple | None = None
        # the last _strong_forms (text, strong forms): the output judged afresh is
        # then checked for the thorough reading
        self._last_strong: tuple[str, list[Candidate]] | None = None

    @property
    def tortured_channel(self) -> TorturedChannel | None:
        """The tortured-phrase channel, learned from the rows on first use
        (only texts the tables show doctored need it)."""
        if self._tortured_channel is None and self._use_tortured:
            rows = self._given_rows
            if rows is None:
                rows = load_rows((TORTURED_FAMILY,))
            self._tortured_channel = TorturedChannel(r for r in rows
                                                     if r.family == TORTURED_FAMILY)
        return self._tortured_channel

    def __reduce__(self):  # pickle the configuration, not the automaton
        if self.hold_out_tortured:
            return (Restorer, (self.families, self.wordlists, None, True, self.thorough))
        return (get_restorer, (self.families, self.wordlists, self.thorough))

    # the pipeline makes no reference cycles (tests/test_api.py checks), so the
    # collector would only walk the tables and caches, thousands of times a text
    @gc_paused()
    def restore(self, text: str, threshold: float | None = None) -> Restoration:
        """Restore ``text``; see :func:`restore.fix_and_explain`."""
        _check_text(text)
        cut = DEFAULT_THRESHOLD if threshold is None else float(threshold)
        if not 0.0 <= cut <= 1.0:
            raise ValueError(f"threshold must be in 0..1, got {threshold}")
        cut = max(cut, MIN_REPORTED_CONFIDENCE)
        if not text or text.isspace():  # no word: nothing spun (as an empty file in a batch)
            return Restoration(text, (), 0.0, cut)
        return self._restore(text, cut)

    @gc_paused()
    def spin_score(self, text: str) -> float:
        """The spin score :meth:`restore` gives ``text`` (at any threshold), without
        restoring it: the evidence is weighed as it is there, but the WordNet
        channel and the decoder do not run, so a spun text is told several times
        faster (see :func:`restore.spin_score`).

        >>> restorer = get_restorer()
        >>> text = "It volition survive fine past times June."
        >>> restorer.spin_score(text) == restorer.restore(text).spin_score
        True
        """
        _check_text(text)
        if not text or text.isspace():
            return 0.0
        return self._score(text)

    def _score(self, text: str, spin_floor: float | None = None) -> float:
        """What ``_restore(text, DEFAULT_THRESHOLD, spin_floor).spin_score`` is, the
        same way up to the first judgement's evidence (the score does not depend on
        the threshold: only the quick proof asks it, and it proves a score of 0)."""
        if len(text) > self._chunk_chars:
            return max(self._score(chunk, spin_floor) for _, chunk in self._chunks(text))
        strong = self._strong_forms(text)
        first: float | None = None

        def default_score() -> float:
            nonlocal first
            first = self._score_once(text, strong, spin_floor)
            return first

        floor = self._thorough_floor(text, strong, default_score)
        if floor is not None:
            return self.thorough_twin._score(text, spin_floor=floor)
        return first if first is not None else self._score_once(text, strong, spin_floor)

    def _score_once(self, text: str, strong: list[Candidate],
                    spin_floor: float | None = None) -> float:
        """The spin score of :meth:`_restore_once` on ``text``, without its passes."""
        judged = self._judge_evidence(text, DEFAULT_THRESHOLD, strong, None, spin_floor,
                                      windows=False)
        return 0.0 if judged is None else round(spin_score(judged[0]), 4)

    def _restore(self, text: str, cut: float, spin_floor: float | None = None,
                 rate_shift: float | None = None, output: bool = False) -> Restoration:
        """:meth:`restore` at confidence ``cut``; ``spin_floor``: the log-odds
        under which the text's word-level spin evidence is not taken where its
        own evidence finds it spun at ``SAMPLE_FLOOR_MIN_SPIN`` or more (what the
        thorough reading's check found on its first part, see
        :meth:`_thorough_reading`); ``rate_shift``: the spin-rate shift to take
        rather than measure (see :class:`Judgement`); ``output``: ``text`` is
        the output of a thorough reading, read again (see there)."""
        if len(text) > self._chunk_chars:
            return self._restore_in_chunks(text, cut, spin_floor, rate_shift)
        strong = self._strong_forms(text)
        first: Judgement | None = None
        forms = ChainForms()  # (the default reading's chains, through its judgements)

        def default_score() -> float:
            nonlocal first
            first = self._restore_once(text, cut, strong=strong, spin_floor=spin_floor,
                                       rate_shift=rate_shift, forms=forms)
            return first.spin_score

        reading = self._thorough_reading(text, strong, default_score, cut)
        if reading is not None:
            if output or not reading.substitutions:
                return reading
            # the output, given again, is a text of its own: its strong forms, its
            # sample, its spinner are read from it, and in a page that holds a
            # lightly spun article it can show what the input's reading left (one
            # of 192 texts of the dev set, spun and joined to clean prose); it is
            # read so now (fix_text must be idempotent)
            more = list(self._restore(reading.text, cut, output=True).substitutions)
            if not more:
                return reading
            substitutions = merge_pass(list(reading.substitutions), more, text)
            return Restoration(splice(text, substitutions), tuple(substitutions),
                               reading.spin_score, cut)
        first = first or self._restore_once(text, cut, strong=strong, spin_floor=spin_floor,
                                            rate_shift=rate_shift, forms=forms)
        substitutions, current = self._judged_afresh(text, cut, first, spin_floor, forms)
        score = first.spin_score
        if self._may_read_thoroughly and substitutions:
            # what the default reading restored may have been all that showed a
            # WordNet-style spinner: then its output, given again, would be read
            # the thorough way; it is read so now (fix_text must be idempotent),
            # at the input's spin rate (the output, its spins restored, would say
            # it was spun lightly)
            strong = self._strong_forms(current)
            reading = self._thorough_reading(
                current, strong,
                lambda: self._restore_once(current, cut, strong=strong).spin_score, cut,
                first.rate_shift)
            if reading is not None:
                more = list(reading.substitutions)
                if more:
                    substitutions = merge_pass(substitutions, more, text)
                    current = splice(text, substitutions)
        return Restoration(current, tuple(substitutions), score, cut)

    def _judged_afresh(self, text: str, cut: float, first: "Judgement",
                       spin_floor: float | None = None, forms: ChainForms | None = None
                       ) -> tuple[list[Substitution], str]:
        """The output of the ``first`` judgement of ``text``, judged afresh until
        it stands; ``forms``: the forms its chains went through (see
        :class:`~restore.decision.ChainForms`): a fresh judgement does not move
        a chain that has settled."""
        forms = forms if forms is not None else ChainForms()
        # the output is judged afresh (with its own, weaker evidence) until it
        # stands, so that fix_text(fix_text(x)) == fix_text(x); which spinner
        # went through it, and at what rate, is read from the input (the output,
        # its spins restored, would say it was spun lightly)
        substitutions, current = first.substitutions, first.text
        seen = {text, current}
        for _ in range(MAX_ROUNDS - 1):
            if not substitutions:
                break
            more, again, *_ = self._restore_once(current, cut, first.wordnet_style,
                                                 spin_floor=spin_floor,
                                                 rate_shift=first.rate_shift, forms=forms,
                                                 visited=forms.visited(substitutions))
            if not more or again in seen:
                break
            seen.add(again)
            substitutions = merge_pass(substitutions, more, text, forms)
            current = splice(text, substitutions)
        return substitutions, current

    def _thorough_reading(self, text: str, strong: Sequence[Candidate],
                          default_score: Callable[[], float], cut: float,
                          rate_shift: float | None = None) -> Restoration | None:
        """The thorough reading of ``text`` (with its ``strong`` forms), if the
        default mode reads it so (see :meth:`_thorough_floor`); else None.
        ``rate_shift``: the spin-rate shift the reading takes (an output read
        again takes its input's), else measured on ``text``."""
        floor = self._thorough_floor(text, strong, default_score)
        if floor is None:
            return None
        return self.thorough_twin._restore(text, cut, spin_floor=floor, rate_shift=rate_shift)

    def _thorough_floor(self, text: str, strong: Sequence[Candidate],
                        default_score: Callable[[], float]) -> float | None:
        """Whether the default mode reads ``text`` (with its ``strong`` forms) the
        thorough way: None if not, else the floor of that reading's word-level
        evidence (log-odds; see below). It does when the text has more than
        ``THOROUGH_MAX_SHORT_WORDS`` words and either

        * its strong forms carry single-word evidence over the whole text
          (:meth:`_single_word_evidence`), or over its densest window in
          a text of more than ``THESAURUS_DENSEST_MIN_WINDOWS`` windows, its
          multiword forms show no WordNet-style spinner (it looks
          thesaurus-style, :meth:`_looks_thesaurus_style`), and it is longer
          than a stretch (2 * WINDOW_WORDS words) or ``default_score()``, the
          default reading's spin score, asked only then, is under
          ``SHORT_TEXT_MAX_SPIN``; or
        * its strong forms carry single-word evidence over the whole text, its
          multiword forms show a WordNet-style spinner, it is longer than a
          stretch and ``default_score()`` is under ``SHORT_TEXT_MAX_SPIN`` (a
          lightly spun text);

        and the thorough reading's evidence on its first
        ``THESAURUS_SAMPLE_CHARS`` finds it spun (``THESAURUS_MIN_SPIN``). That
        evidence is then a floor for the whole text's (``SAMPLE_FLOOR_MIN_SPIN``)."""
        if not (self._may_read_thoroughly and has_more_words(text, THOROUGH_MAX_SHORT_WORDS)):
            return None
        # (a long text whose whole does not carry the evidence may still carry it
        # in its densest window: a thesaurus-style article in a page of clean prose)
        reach = self._single_word_evidence(text, strong, densest=True)
        if reach is None:
            return None
        whole = reach == "whole"
        if self._shows_multiword_spins(text, strong):
            # multiword forms that show a WordNet-style spinner, but a default
            # reading that finds the text clean: a lightly spun text (or a
            # thesaurus-style one with a few multiword forms) goes on to the
            # check, if it is longer than a stretch (a clean sentence with two
            # such forms is no evidence of light spinning), and if the whole
            # text carries the single-word evidence
            if not (whole and has_more_words(text, 2 * WINDOW_WORDS)
                    and default_score() < SHORT_TEXT_MAX_SPIN):
                return None
        elif not (has_more_words(text, 2 * WINDOW_WORDS)
                  or default_score() < SHORT_TEXT_MAX_SPIN):
            return None
        start = self._sample_start(text, strong)
        if (len(text) - start > THESAURUS_FIRST_SAMPLE_CHARS
                and self._sample_spin(text, strong, THESAURUS_FIRST_SAMPLE_CHARS, start)
                < THESAURUS_CLEARLY_CLEAN):
            return None
        sample = self._sample_evidence(text, strong, THESAURUS_SAMPLE_CHARS, start)
        if spin_score(sample) < THESAURUS_MIN_SPIN:
            return None
        # the word-level evidence the check found on the text's first part stays
        # a floor for the whole: a spinner goes through a text alike, and a text
        # whose second half happened to show less was judged clean as a whole
        # after its first part had shown it spun (10 of the Brown press texts
        # spun thesaurus-style: 0.994 on the sample, 0.05 whole, nothing
        # restored). Word-level only: a doctored paper's tortured phrases say
        # nothing of the words around them
        return sample.word_spinner_log_odds

    def _sample_start(self, text: str, strong: Sequence[Candidate]) -> int:
        """Where the thorough reading's check samples ``text``: at its start, or
        in a text of more than ``THESAURUS_DENSEST_MIN_WINDOWS`` windows whose
        densest window of word-level strong forms lies beyond the first sample,
        at the start of the line that holds it (a spun article after clean
        prose).

        >>> get_restorer()._sample_start("A short text.", [])
        0
        """
        if len(text) <= THESAURUS_DENSEST_MIN_WINDOWS * DOCUMENT_WINDOW_WORDS * CHARS_PER_WORD:
            return 0
        spans = span_weights([c for c in strong if c.row.family != TORTURED_FAMILY])
        if not spans:
            return 0
        # (the window that holds its last character too, as _single_word_evidence weighs it)
        _, first, _ = EvidenceAlong(spans).densest(DOCUMENT_WINDOW_WORDS * CHARS_PER_WORD + 1)
        densest = spans[first][0]
        # (a window the first sample reaches is sampled from the text's start)
        return 0 if densest < THESAURUS_SAMPLE_CHARS else text.rfind("\n", 0, densest) + 1

    def _sample_spin(self, text: str, strong: Sequence[Candidate], chars: int,
                     start: int = 0) -> float:
        """The thorough reading's spin score of the ``chars`` characters of
        ``text`` from ``start`` (cut at a space, if there is one)."""
        return spin_score(self._sample_evidence(text, strong, chars, start))

    def _sample_evidence(self, text: str, strong: Sequence[Candidate],
                         chars: int, start: int = 0) -> DocumentEvidence:
        """The thorough reading's evidence on the ``chars`` characters of
        ``text`` from ``start`` (cut at a space, if there is one)."""
        end = len(text)
        if end - start > chars:
            end = text.rfind(" ", start, start + chars)
            end = start + chars if end <= start else end
        _, evidence = self.thorough_twin._everyday_evidence(*_within(text, strong, start, end),
                                                            False)
        return evidence

    def _attested_rows(self, lemma: str) -> tuple[Row, ...]:
        """The WordNet-family rows this restorer's tables hold for the whole of
        ``lemma`` that real spun pages attest (:func:`restore.tables.is_attested`):
        the WordNet channel unwinds a re-spun lemma to them (see :class:`WordNetChannel`).

        >>> [(row.original, row.note) for row in get_restorer()._attested_rows("past times")]
        [('by', 'wild:2 lemma')]
        """
        return tuple(c.row for c in self.matcher.find(lemma) if c.row.spun == lemma
                     and c.row.family == WORDNET_FAMILY and is_attested(c.row.note))

    def _strong_forms(self, text: str) -> list[Candidate]:
        """The strong forms of ``text`` (evidence that it is spun), Roman
        numerals that are part of a name left out; those of the last text asked
        about are kept (a new list each time: callers may extend it).

        >>> restorer = get_restorer()
        >>> first, again = (restorer._strong_forms("It volition survive.") for _ in range(2))
        >>> first == again, first is again
        (True, False)
        """
        last = self._last_strong
        if last is None or last[0] != text:
            last = self._last_strong = (
                text, drop_numbered_names(text, self.matcher.strong.find(text)))
        return list(last[1])

    def _restore_once(self, text: str, cut: float, wordnet_style: bool | None = None,
                      strong: list[Candidate] | None = None, spin_floor: float | None = None,
                      rate_shift: float | None = None, forms: ChainForms | None = None,
                      visited: dict[tuple[int, int], ChainState] | None = None
                      ) -> "Judgement":
        """One judgement of ``text`` (see :class:`Judgement`); whether its strong
        forms show a WordNet-style spinner (thorough mode) is read from ``text``
        unless ``wordnet_style`` is given, and its spin rate from its first pass
        unless ``rate_shift`` is. ``strong``: the strong forms of ``text``, if
        already found. ``forms`` records the forms its chains go through;
        ``visited``: what an earlier judgement's chains went through, by span
        of ``text`` (a chain that has settled moves no more: see
        :class:`~restore.decision.ChainForms`)."""
        if strong is None:
            strong = self._strong_forms(text)
        judged = self._judge_evidence(text, cut, strong, wordnet_style, spin_floor)
        if judged is None:
            return Judgement([], text, 0.0, wordnet_style, rate_shift)
        evidence, candidates, windows, wordnet_style = judged
        if not self.thorough:
            for low, high in windows:
                candidates += self.matcher.weak.find(text, low, high)
        if self.channel is not None and windows and spin_score(evidence) >= CHANNEL_MIN_SPIN:
            candidates += self.channel.find(text, candidates, windows)
            if self.thorough and not wordnet_style:  # (a thesaurus-style spinner's text)
                candidates += self.channel.find_attached(text, candidates)
        if self._use_tortured and evidence.doctored_log_odds >= DOCTORED_MIN_LOG_ODDS:
            # a doctored paper has tortured phrases all through it; one listed phrase
            # in a long changelog ("grouping methods") does not make its pages suspect
            listed = [(c.start, c.end) for c in strong if c.row.family == TORTURED_FAMILY]
            if listed:
                candidates += self.tortured_channel.find(
                    text, around(listed, TORTURED_WINDOW_CHARS, len(text)))
        score = round(spin_score(evidence), 4)
        if rate_shift is not None:
            evidence = replace(evidence, rate_shift=rate_shift)
        if not candidates:
            return Judgement([], text, score, wordnet_style, evidence.rate_shift)
        candidates = _dedupe_sorted(readings_the_doubled_word_leaves(text, candidates), text)
        forms = forms if forms is not None else ChainForms()
        substitutions: list[Substitution] = []
        current = text
        seen = {text}
        written: list[tuple[int, int]] = []  # spans of ``current`` the passes wrote
        found: list[Substitution] = []  # what the last pass restored
        for _ in range(MAX_PASSES):
            if candidates is None:  # (a later pass: gathered only when it runs)
                candidates = drop_reversals(self._candidates_near(current, written, evidence,
                                                                  text),
                                            found)
            found, scored, rate_shift = self._decide(current, candidates, evidence, cut)
            # (a chain that came back to a form it went through stays there)
            found = drop_unsettling(found, forms.settled(substitutions, visited))
            if evidence.weigh_stretches:
                # the first pass's measures hold for the later ones, which see
                # only what the passes wrote: its spin rate, and the stretches
                # it read as spun or clean (see scoring.SEGMENT_UNIT_WORDS)
                evidence = replace(evidence, weigh_stretches=False,
                                   rate_shift=(evidence.rate_shift if evidence.rate_shift
                                               is not None else rate_shift))
            if not found:
                # what is left below the cut in the restored text may show
                # that a restoration is a step of a chain, not its end
                substitutions = doubt_unfinished(substitutions, scored, cut)
                current = splice(text, substitutions)
                break
            merged = merge_pass(substitutions, found, text, forms) if substitutions else found
            restored = splice(text, merged)
            if restored in seen:  # a cycle ("about" -> "around" -> "about"): stop
                break
            seen.add(restored)
            substitutions, current = merged, restored
            # chains unwind from the inside out: the next pass only looks at
            # what the passes wrote ("urban amount" -> "urban center" -> "city");
            # a restored tortured phrase is scientific English: it is final,
            # and tortured rows never re-open what another rule restored
            written = [span for sub, span in zip(substitutions, output_spans(substitutions))
                       if not sub.rule.startswith(TORTURED_FAMILY)]
            candidates = None
        return Judgement(substitutions, current, score, wordnet_style, evidence.rate_shift)

    def _judge_evidence(self, text: str, cut: float, strong: list[Candidate],
                        wordnet_style: bool | None, spin_floor: float | None = None,
                        windows: bool = True
                        ) -> tuple[DocumentEvidence, list[Candidate], list[tuple[int, int]],
                                   bool | None] | None:
        """The first step of a judgement (see :meth:`_restore_once`): the spin
        evidence of ``text``, the candidates it was weighed on (the strong forms;
        in thorough mode the everyday ones too), the windows of ``text`` that
        may be spun (left empty when ``windows`` is false: the spin score alone
        does not need them, and in a spun text they cost a quarter of it), and
        whether a WordNet-style spinner shows (thorough mode; as given
        otherwise). None when the quick proof shows that nothing can be
        restored at ``cut`` (a spin score of 0)."""
        # the strong forms decide where the text is spun; only there do the
        # everyday forms and the WordNet channel get looked at
        if self._quick_proof and nothing_to_restore(text, strong, cut,
                                                    min(WINDOW_MIN_SPUN, SKIP_BELOW)):
            return None
        if self.thorough:  # everyday forms are evidence too: judge them everywhere
            if wordnet_style is None:
                wordnet_style = self._shows_multiword_spins(text, strong, densest=True)
            candidates, evidence = self._everyday_evidence(text, strong, wordnet_style)
            # (only the thorough reading is given a floor: see _thorough_reading)
            if spin_floor is not None and spin_score(evidence) >= SAMPLE_FLOOR_MIN_SPIN:
                evidence = replace(evidence, floor_log_odds=spin_floor)
            windows = [(0, len(text))] if spin_score(evidence) >= WINDOW_MIN_SPUN else []
            return evidence, candidates, windows, wordnet_style
        evidence = self._evidence(text, strong)
        return (evidence, list(strong), spun_windows(text, strong, evidence) if windows else [],
                wordnet_style)

    def _everyday_evidence(self, text: str, strong: list[Candidate], wordnet_style: bool
                           ) -> tuple[list[Candidate], DocumentEvidence]:
        """Thorough mode: the candidates of the strong and everyday forms of
        ``text`` (and, if no WordNet-style spinner shows, of its inflected
        words), and the spin evidence they carry. The last one is kept: the
        default mode's check works it out for a text the thorough reading then
        reads whole."""
        last = self._last_everyday
        if last is not None and last[0] == text and last[2] == wordnet_style and last[1] == strong:
            candidates, evidence = last[3]
            return list(candidates), evidence
        candidates = strong + self.matcher.weak.find(text)
        if self.channel is not None and not wordnet_style:
            # a thesaurus-style spinner inflects its synonyms ("objectives"
            # for "targets"): those forms are evidence as the lemmas are
            candidates += self.channel.find_inflected(text, candidates)
        candidates = _dedupe_sorted(candidates)
        evidence = replace(self._evidence(text, candidates), wordnet_style=wordnet_style)
        self._last_everyday = (text, list(strong), wordnet_style, (candidates, evidence))
        return list(candidates), evidence

    @property
    def _chunk_chars(self) -> int:
        """The longest text read in one piece (see THOROUGH_CHUNK_CHARS)."""
        return THOROUGH_CHUNK_CHARS if self.thorough else MAX_CHUNK_CHARS

    @property
    def thorough_twin(self) -> "Restorer":
        """This restorer in thorough mode, sharing its tables and channels."""
        if self.thorough:
            return self
        if self._thorough_twin is None:
            # (not copy.copy: it would go through __reduce__, to the shared restorer)
            twin = Restorer.__new__(Restorer)
            twin.__dict__.update(self.__dict__)
            twin.thorough, twin._thorough_twin = True, None
            twin._quick_proof = twin._may_read_thoroughly = False
            twin.scorer = LanguageModelScorer(thorough=True)
            self._thorough_twin = twin
        return self._thorough_twin

    def _looks_thesaurus_style(self, text: str, strong: Sequence[Candidate]) -> bool:
        """Does ``text`` look like a thesaurus-style spinner's (the test
        :meth:`_thorough_reading` applies in two halves)? Yes when its
        strong forms carry at least ``THESAURUS_MIN_EVIDENCE`` plain evidence a
        word, counting ``CHARS_PER_WORD`` characters a word (clean news prose:
        0.005-0.021; our texts spun thesaurus-style at 10%: 0.017-0.059), and its
        multiword forms show no WordNet-style spinner (the default reading is the
        one made for that spinner): a spinner that swaps single words may have
        gone through it, and the everyday forms it writes are judged everywhere
        only in the thorough reading. 67 of our 72 texts spun thesaurus-style at
        10% pass (65 are then read so), and 46 of the 500 texts of the Brown
        corpus (edited prose, fiction too), none of which is then read so.

        >>> restorer = get_restorer()
        >>> restorer._looks_thesaurus_style("The council met on Tuesday.", [])
        False
        """
        return (self._single_word_evidence(text, strong) == "whole"
                and not self._shows_multiword_spins(text, strong))

    @staticmethod
    def _single_word_evidence(text: str, strong: Sequence[Candidate],
                              densest: bool = False) -> str | None:
        """Where the strong word-level forms of ``text`` carry at least
        ``THESAURUS_MIN_EVIDENCE`` plain evidence a word: ``"whole"`` (the
        text), ``"densest"`` (only its densest ``DOCUMENT_WINDOW_WORDS`` words,
        in a text of more than ``THESAURUS_DENSEST_MIN_WINDOWS`` such windows;
        looked at only if ``densest``), or None.

        >>> Restorer._single_word_evidence("The council met on Tuesday.", [], densest=True) is None
        True
        """
        words = len(text) / CHARS_PER_WORD
        word_level = [c for c in strong if c.row.family != TORTURED_FAMILY]
        if not word_level:
            return None
        weights = [max(log_likelihood_ratio(c), 0.0) for c in word_level]
        needed = THESAURUS_MIN_EVIDENCE * words
        spans = None
        # (the sum over all candidates bounds the sum over the spans kept)
        if sum(weights) >= needed:
            spans = span_weights(word_level)
            if sum(weight for _, _, weight in spans) >= needed:
                return "whole"
        if not densest or words <= THESAURUS_DENSEST_MIN_WINDOWS * DOCUMENT_WINDOW_WORDS:
            return None
        needed = THESAURUS_MIN_EVIDENCE * DOCUMENT_WINDOW_WORDS
        width = DOCUMENT_WINDOW_WORDS * CHARS_PER_WORD + 1  # (the window's last character too)
        # (likewise the densest window of all candidates bounds that of the spans)
        for weighed in (sorted((c.start, c.end, w) for c, w in zip(word_level, weights)), spans):
            along = EvidenceAlong(span_weights(word_level) if weighed is None else weighed)
            if along.densest(width)[0] < needed:
                return None
        return "densest"

    def _shows_multiword_spins(self, text: str, strong: Sequence[Candidate],
                               densest: bool = False) -> bool:
        """Do the strong multiword forms ("past times", "every bit") carry
        evidence of spinning? The WordNet-style spinner writes multiword lemmas,
        a thesaurus-style one swaps single words: their evidence, in nats per
        100 words, was 0.5-3.5 in our texts spun WordNet-style at 3-5% (4-10 at
        18%), at most 0.72 in thesaurus-style ones and 0.34 in clean prose.
        ``densest``: a long text's densest window may show them too (see
        :meth:`_densest_shows_multiword_spins`)."""
        multiword = [c for c in strong if " " in c.spun]
        if not multiword:
            return False
        # (the quick proof may show that the whole text's evidence cannot reach the bar)
        if not self._quick_proof or self._may_show_multiword_spins(text, multiword):
            evidence = self._evidence(text, multiword)
            if evidence.word_spinner_log_lr >= WORDNET_STYLE_MIN_EVIDENCE * evidence.words:
                return True
        return densest and self._densest_shows_multiword_spins(text, multiword)

    def _densest_shows_multiword_spins(self, text: str, multiword: Sequence[Candidate]) -> bool:
        """In a text of more than ``THESAURUS_DENSEST_MIN_WINDOWS`` windows of
        ``DOCUMENT_WINDOW_WORDS`` words, do the ``multiword`` forms of its densest
        window show a WordNet-style spinner there, as :meth:`_shows_multiword_spins`
        asks of a whole text? A lightly spun article in a page of clean prose
        has its evidence thinned out over the page's words, and was read the
        thesaurus-style way, whose rules are another spinner's.

        >>> restorer = get_restorer()
        >>> text = "It was a quiet day in the town. " * 600
        >>> restorer._densest_shows_multiword_spins(text, restorer._strong_forms(text))
        False
        """
        width = DOCUMENT_WINDOW_WORDS * CHARS_PER_WORD
        if len(text) <= THESAURUS_DENSEST_MIN_WINDOWS * width:
            return False
        spans = span_weights(multiword)
        if not spans:
            return False
        _, first, _ = EvidenceAlong(spans).densest(width + 1)
        start = spans[first][0]
        low, high = widen_to_whitespace(text, start, min(len(text), start + width))
        evidence = self._evidence(*_within(text, multiword, low, high))
        return evidence.word_spinner_log_lr >= WORDNET_STYLE_DENSEST_MIN_EVIDENCE * evidence.words

    @staticmethod
    def _may_show_multiword_spins(text: str, multiword: Sequence[Candidate]) -> bool:
        """Can the default reading's evidence of the strong ``multiword`` forms
        reach ``WORDNET_STYLE_MIN_EVIDENCE`` a word? Without the language
        model: that evidence weighs each form with its span's posterior in
        place of its prior (never more than its own evidence, as in
        :mod:`restore.clean`) and counts each span once, so it is at most the
        sum over the spans of their largest :func:`log_likelihood_ratio`. A
        text with more words than that sum needs (and one to spare, against
        rounding) cannot: of the Brown corpus's texts whose strong forms carry
        thesaurus-style evidence, 25 of 60 are told so without it.

        >>> restorer = get_restorer()
        >>> text = "He came past times noon. " + "It was a quiet day. " * 100
        >>> forms = [c for c in restorer._strong_forms(text) if " " in c.spun]
        >>> restorer._may_show_multiword_spins(text, forms)
        False
        >>> restorer._may_show_multiword_spins(text[:60], forms)
        True
        """
        strongest: dict[tuple[int, int], float] = {}
        for c in multiword:
            weight = log_likelihood_ratio(c)
            if weight > strongest.get((c.start, c.end), 0.0):
                strongest[(c.start, c.end)] = weight
        return not has_more_words(text, sum(strongest.values()) / WORDNET_STYLE_MIN_EVIDENCE + 1)

    def _candidates_near(self, current: str, written: Sequence[tuple[int, int]],
                         evidence: DocumentEvidence, text: str) -> list[Candidate]:
        """The candidates of a later pass: those over ``written`` (spans of
        ``current`` that earlier passes wrote), tortured rows left out. A
        respelled number is weighed by how ``text``, as given, writes the others;
        a number a pass wrote is not respelled (see
        :func:`restore.number_style.drop_respelled_restorations`)."""
        candidates = [c for c in self.matcher.find_near(current, written)
                      if c.row.family != TORTURED_FAMILY]
        if self.channel is not None and written and spin_score(evidence) >= CHANNEL_MIN_SPIN:
            # the WordNet channel too: "bus topology", left by "regional
            # anatomy" -> "topology", is a lemma no table lists
            near = around(written, 40, len(current))
            candidates = _dedupe_sorted(readings_the_doubled_word_leaves(
                current, candidates + self.channel.find(current, candidates, near, written)),
                current, text)
        return drop_respelled_restorations(candidates, written)

    def _evidence(self, text: str, candidates: Sequence[Candidate]) -> DocumentEvidence:
        """Spin evidence of ``text``, weighed in context when the scorer can."""
        measure = getattr(self.scorer, "document_evidence", None)
        return measure(text, candidates) if measure else document_evidence(text, candidates)

    def _restore_in_chunks(self, text: str, cut: float, spin_floor: float | None = None,
                           rate_shift: float | None = None) -> Restoration:
        """A long text, a chunk at a time (cut at paragraph, sentence or space,
        as the command line streams files), so memory stays bounded and the
        result is the same as the command line's. The spin score is the
        highest of the chunks: a text with a spun stretch is spun."""
        pieces: list[str] = []
        substitutions: list[Substitution] = []
        spin = 0.0
        for offset, chunk in self._chunks(text):
            part = self._restore(chunk, cut, spin_floor, rate_shift)
            pieces.append(part.text)
            substitutions.extend(replace(sub, start=sub.start + offset, end=sub.end + offset)
                                 for sub in part.substitutions)
            spin = max(spin, part.spin_score)
        return Restoration("".join(pieces), tuple(substitutions), spin, cut)

    def _chunks(self, text: str) -> Iterator[tuple[int, str]]:
        """``text`` in pieces of at most ``_chunk_chars`` (cut at paragraph,
        sentence or space), each with its offset."""
        offset = 0
        while offset < len(text):
            size = len(text) - offset
            if size > self._chunk_chars:
                size = cut_point(text[offset:offset + 2 * self._chunk_chars], self._chunk_chars)
            yield offset, text[offset:offset + size]
            offset += size

    def _decide(self, text: str, candidates: Sequence[Candidate], evidence: DocumentEvidence,
                cut: float) -> tuple[list[Substitution], list[Scored], float | None]:
        """The substitutions to apply to ``text``, every candidate as scored, and
        the spin-rate shift the scorer measured (None: none; see
        :meth:`restore.decoder.LanguageModelScorer.score_and_rate`)."""
        measure = getattr(self.scorer, "score_and_rate", None)
        if measure is None:
            scored, shift = self.scorer.score(text, candidates, evidence), None
        else:
            scored, shift = measure(text, candidates, evidence)
        return to_substitutions(choose(scored, cut)), scored, shift


def _within(text: str, candidates: Sequence[Candidate], low: int, high: int
            ) -> tuple[str, list[Candidate]]:
    """``text[low:high]`` and the ``candidates`` that lie inside it, their
    offsets made relative to it.

    >>> row = Row("inward", "in", 0.9, "f", "", "t")
    >>> part, inside = _within("go inward now", [Candidate(3, 9, "inward", "in", row, "exact",
    ...                                                    True, False)], 3, 13)
    >>> part, [(c.start, c.end, part[c.start:c.end]) for c in inside]
    ('inward now', [(0, 6, 'inward')])
    """
    inside = [c for c in candidates if low <= c.start and c.end <= high]
    if low:
        inside = [replace(c, start=c.start - low, end=c.end - low) for c in inside]
    return text[low:high], inside


def _check_text(text: object) -> None:
    """A TypeError, with what to do, for anything but a str."""
    if not isinstance(text, str):
        raise TypeError(
            f"expected str, got {type(text).__name__}"
            + ("; decode bytes first (e.g. data.decode('utf-8'))"
               if isinstance(text, (bytes, bytearray)) else "")
        )


def spun_windows(text: str, strong: Sequence[Candidate],
                 evidence: DocumentEvidence) -> list[tuple[int, int]]:
    """Character ranges around strong candidates in text that may be spun."""
    probabilities = spun_probabilities(text, strong, evidence)
    return around(((c.start, c.end) for c, spun in zip(strong, probabilities)
                   if spun >= WINDOW_MIN_SPUN), WINDOW_CHARS, len(text))


def is_strong_row(row: Row) -> bool:
    """Is this row's form evidence that a text is spun (see TieredMatcher)?"""
    return row_log_likelihood_ratio(row) > 0


def _builtin_tiers(families: tuple[str, ...] | None) -> TieredMatcher:
    """The :class:`TieredMatcher` of the shipped tables of ``families``,
    compiled once and then read from the cache."""
    paths = builtin_table_paths()
    wanted = families or [f for f in BUILTIN_FAMILIES if f in paths]
    if any(f not in paths for f in wanted):
        return TieredMatcher(load_rows(families), is_strong_row)  # load_rows explains the error
    inputs = [repr(families).encode(), model_fingerprint(),
              file_fingerprint(ahocorasick.__file__), *(paths[f] for f in wanted)]
    return TieredMatcher.from_compiled(cached(
        "tables", inputs, lambda: TieredMatcher.compile(load_rows(families), is_strong_row)))


def _dedupe_sorted(candidates: list[Candidate], text: str = "",
                   counted: str | None = None) -> list[Candidate]:
    """Sorted, with one candidate per span and original (the likeliest row):
    two rows offering the same restoration must not split its probability,
    nor may "6" and "six" (see :mod:`restore.numbers`). Given ``text``, Roman
    numerals that are part of a name ("World War II") are dropped, and a
    respelled number is weighed by the text's own style (:mod:`restore.number_style`),
    read from ``counted`` if given (the text as given, in a later pass)."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for c in sorted(candidates, key=lambda c: (c.start, -c.end, -c.row.prior)):
        key = (c.start, c.end, c.original)
        if key not in seen:
            seen.add(key)
            out.append(c)
    out = drop_numeral_originals(out)
    if not text:
        return merge_number_spellings(out)
    # a respelled number is weighed by how the text writes its other numbers
    return weigh_number_style(merge_number_spellings(drop_numbered_names(text, out), text), text,
                              counted)


@lru_cache(maxsize=16)
def _cached_restorer(families: tuple[str, ...] | None, wordlists: tuple[str, ...],
                     thorough: bool) -> Restorer:
    return Restorer(families, wordlists, thorough=thorough)


def get_restorer(families: Sequence[str] | None = None,
                 wordlists: Iterable[str | os.PathLike[str]] = (),
                 thorough: bool = False) -> Restorer:
    """The shared :class:`Restorer` for this configuration (built once)."""
    key_families = tuple(sorted(families)) if families else None
    return _cached_restorer(key_families, tuple(str(w) for w in wordlists), bool(thorough))
