"""Stage 3: give every candidate a confidence in 0..1.

The cheap context model. A table prior ``p`` is, by its definition in
``wordlists/README.md``, the probability that an occurrence of the spun form
*in a spun document* is a spin. So

    confidence = P(this stretch of text is spun) * p

and the first factor comes from the evidence of every candidate around it,
read as likelihood ratios: a form with prior ``p`` is ``1 / (1 - p)`` times
likelier in spun text than in clean text. Around each candidate (about 100
words on each side) the log-odds that the text is spun are

    DOC_PRIOR_LOG_ODDS + sum(log LR of the candidates) - HITS_PER_WORD * words

(a Poisson model: spun text carries about one more candidate per ten words
than clean text, so a long stretch with few candidates is evidence of clean
text). The whole document is weighed the same way against a lighter rate
(``DOCUMENT_HITS_PER_WORD``), and that is the floor of every stretch's
spin probability: a lightly spun text is spun throughout. Evidence is
tempered where the form is real English: a spun form that
is itself a WordNet lemma ("urban center", "every bit") or a common word is
never treated as near-certain. Two kinds of form speak for themselves and keep
their prior: chained re-spins that are not English at all ("at that
topographic point", "urban amount") and tortured phrases, which appear a few
at a time in otherwise clean papers.

The WordNet-style spinner only replaces bare tokens, so matches of that family
with punctuation attached are nearly ruled out.

Any object with ``score(text, candidates, evidence) -> list[Scored]`` can
replace :class:`ContextScorer` (the language-model decoder does).

>>> from restore.tables import Row
>>> from restore.candidates import PhraseMatcher
>>> rows = [Row("volition", "will", 0.98, "wordnet_spinner", "wild lemma", "t:1"),
...         Row("past times", "by", 0.89, "wordnet_spinner", "wild lemma", "t:2"),
...         Row("at that topographic point", "there", 0.99, "wordnet_spinner", "chain", "t:3")]
>>> text = "It volition rain past times June."
>>> [(s.candidate.spun, s.confidence > 0.5) for s in ContextScorer().score(text, PhraseMatcher(rows).find(text))]
[('volition', True), ('past times', True)]
>>> text = "She left of her own volition, they said."
>>> [s.confidence > 0.5 for s in ContextScorer().score(text, PhraseMatcher(rows).find(text))]
[False]
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Protocol, Sequence

import regex

from .candidates import WORDNET_FAMILY, Candidate
from .nesting import NESTED_NOTE
from .roman import is_capitalised_numeral
from .spans import IntervalSet
from .tables import Row, is_attested
from .tokens import BLANK_LINE, FUNCTION_WORDS

DOC_PRIOR_LOG_ODDS = -4.0  # before any evidence, about 1 text in 55 is spun
HITS_PER_WORD = 0.1  # extra candidates per word that spun text carries over clean text
# The document as a whole is weighed against a lighter rate: a spinner set to change
# one word in ten or twenty leaves too few strong forms in any 200 words to pass the
# local rate, but plenty in the whole text, and it goes through the whole text alike.
# Measured (seed 1, our corpus): recall at a 5% spin rate 0.085 -> 0.295, at 8%
# 0.331 -> 0.689, none changed at 18%; false edits on 1.42M words of package docs
# 5 -> 5 (0.06 made 23: an e-mail header's repeated "Apr" passed as light spinning)
DOCUMENT_HITS_PER_WORD = 0.07
# A second, lighter rate for the document's evidence with each form counted once
# (an author repeats the terms of the subject: "attribute" 304 times in an API
# listing, "Apr" in every e-mail header; a spinner's forms vary): the document
# is spun if either weighing says so. Measured, seeds 1-3: recall at a 5% spin
# rate 0.194 -> 0.553 (precision 0.808 -> 0.785), at 8% 0.698 -> 0.724, none
# changed at 10-25%; false edits on 1.42M words of package docs 5 -> 5 and on
# 1.95M words of Python sources 2 -> 2. 0.03 restored 2% spins at precision 0.68.
DISTINCT_FORMS_HITS_PER_WORD = 0.04
# A spun stretch in a long text (a spun article in a page, or in a file that joins
# many) is thinned out by the rest: a spun dev-set article followed by six clean ones
# was judged clean as a whole, so the WordNet channel never ran (recall 0.531 in the
# spun part). The densest window of this many words is weighed too, as a document of
# its length is, both ways, the smaller taken, less the log of the number of windows
# (see densest_window_log_odds). Measured: that spun part 0.531 / 0.875 -> 0.727 /
# 0.895 (clean part 2.3 -> 6.3 false edits per 10k words); ten clean after 0.531 ->
# 0.606; a 5% spin before three clean 0.006 -> 0.142; whole documents and clean prose
# (5, 4 and 2 false edits on docs, Brown and Python sources) unchanged. The thorough
# reading weighs its window on all its evidence only (its everyday forms count once
# already): a thesaurus-style article before three clean ones 0 -> 0.269 recall, one
# spun at 5% 0.150 -> 0.451 (see docs/accuracy_notes.md, "A thesaurus-style or
# lightly spun article in a page")
DOCUMENT_WINDOW_WORDS = 1000
# A page of under two windows is mostly one article, and a thesaurus-style one is thin
# evidence: its everyday forms carry little more a word than the thorough reading's rate,
# so a tail of clean prose a quarter its length (a comment, a blurb) tipped its sample's
# log-odds from +5.8 to -6.5 and nothing was restored. The thorough reading (only: all
# its evidence, no distinct-forms weighing) also weighs the densest SHORT_WINDOW_WORDS
# of such a text, when it holds more than SHORT_WINDOW_MIN_SHARE of them, the same way
# (less the log of how many such windows it holds). Measured, default mode: a
# thesaurus-style article with a quarter of a clean one after it 0.203 -> 0.364 recall
# (precision 0.841 -> 0.825), with a whole one after it 0.022 -> 0.175, with three
# 0.253 -> 0.370 (its 6,000-character sample is such a text); the dev set
# thesaurus-style 0.442 / 0.829 -> 0.453 / 0.829, WordNet-style at 5% 0.585 / 0.848 ->
# 0.631 / 0.841, at 18% unchanged; false edits the same on the dev set's clean prose
# (0), the Brown corpus (4), package docs and Python sources in both modes (see
# docs/accuracy_notes.md, "A short tail after the article")
SHORT_WINDOW_WORDS = 600
SHORT_WINDOW_MIN_SHARE = 1.2
# Thorough mode weighs the whole document against a rate between the two: its
# everyday forms, each counted once, turn up in any long word list (SQL keywords),
# so the document rate is too light, while the stretch rate left a fifth of our
# thesaurus-style spins judged clean. Measured, seeds 1-3: thesaurus-style recall
# 0.399 -> 0.495 (precision 0.801 -> 0.798, ECE 0.043 -> 0.033, AUC 0.931 -> 0.993);
# false edits with --thorough on 1.42M words of package docs 5 -> 5 (also at 0.08;
# 0.07 made 35 in default mode), the Brown corpus 4 -> 4, Python sources 2 -> 2.
THOROUGH_HITS_PER_WORD = 0.085
WINDOW_WORDS = 100  # words on each side of a candidate that count as its context
# A document spun in part: a spun article in a scraped page of text nobody spun, or
# one of several files joined. The document's evidence is a floor for the spin
# probability of every stretch ("a spinner goes through a text alike"), which left
# the clean part of such a document open to every restoration: a spun article of
# the dev set followed by three clean ones got 86 false edits per 10k words of the
# clean part. On the first pass of a text of SEGMENT_MIN_WORDS words or more, the
# text is now cut into stretches of SEGMENT_UNIT_WORDS words (never across a line
# break), read as a two-state chain, spun or clean, that changes state between two
# stretches with log-probability SEGMENT_SWITCH_LOG_PROB; a stretch's evidence counts
# for the spun state against SEGMENT_SHARE of the evidence a word of the text's
# densest DOCUMENT_WINDOW_WORDS words. No candidate's spin log-odds exceed the
# posterior log-odds of its stretch (forward-backward, see spun_segments).
# Measured (benchmarks/mixed_documents.py): the clean parts 86 -> 0 per 10k words (a
# window rule before this one, which weighed the stretch 200 words on each side of
# a candidate against half the document's evidence a word, left 6.6: its windows
# reached across the boundary); the dev set at 18% unchanged, at 5% 0.581 / 0.851
# -> 0.585 / 0.848 (the window rule's cost); see docs/accuracy_notes.md, "Where a
# text is spun, stretch by stretch"
CHARS_PER_WORD = 6  # English prose, spaces included
SEGMENT_UNIT_WORDS = 30
SEGMENT_SWITCH_LOG_PROB = -12.0
# ...but from spun to clean where a paragraph starts (after a blank line) the chain switches
# at this cost, in the WordNet-style reading: a spun article may end there. A clean tail after
# a spun article (a blurb, an author's note) was too short to outweigh the switch: after each
# dev article spun at 18%, tails of about 100 words got 82 false edits in 6,462 words at -12,
# 19 at -6, 4 at -4, 0 at -3; at 5%, quarter-length tails 85 in 14,622 words, 25 at -4. From
# clean to spun it stays -12: made cheap both ways, a run of paragraphs without evidence in a
# lightly spun text went clean (Brown press texts, paragraphs of a sentence or two, at 5%
# 0.610 -> 0.589 recall; one way, 0.604). The dev set at 18% is unchanged, at 5% 0.631 /
# 0.841 -> 0.629 / 0.842. In the thesaurus-style reading, whose evidence is thinner, at -4
# paragraphs of the article went clean (dev 0.453 -> 0.434): it switches there at a cost
# between the two, which cut its tails' false edits (a quarter-length tail after each dev
# article) 53 -> 9 in 14,622 words, dev 0.453 / 0.829 -> 0.452 / 0.829, Brown press 0.354
# -> 0.345; see docs/accuracy_notes.md, "A short tail after the article, and paragraphs"
SEGMENT_PARAGRAPH_SWITCH_LOG_PROB = -4.0
THESAURUS_PARAGRAPH_SWITCH_LOG_PROB = -8.0
SEGMENT_MIN_WORDS = 400
SEGMENT_SHARE = 0.35
# A thesaurus-style reading counts every everyday form that fits badly as a little
# evidence, so clean prose carries about a third of a thesaurus-style spin's evidence a
# word there: its chain weighs a stretch against a larger share (see
# docs/accuracy_notes.md, "A thesaurus-style or lightly spun article in a page")
THESAURUS_SEGMENT_SHARE = 0.7
MAX_LOG_LR = 4.6  # a real English form is at most ~100x likelier in spun text
SELF_EVIDENT_LOG_LR = 9.0  # a form that is not English at all ("urban amount")
LEMMA_PRIOR_CAP = 0.8  # a multiword WordNet lemma ("urban center") is real English
COMMON_ZIPF = 4.0  # single words more frequent than this weigh less as evidence
TORTURED_FAMILY = "tortured_phrases"
NOT_BARE_FACTOR = 0.02  # the WordNet-style spinner never replaces such tokens
EVIDENCE_MIN = 0.3  # log likelihood ratio under which a form counts as no evidence
# Before its table phrases, how likely a text is to be a doctored paper: one
# table phrase (log LR about 8.7) makes it likely (0.94), two near certain.
DOCTORED_PRIOR_LOG_ODDS = -6.0



@dataclass(frozen=True, slots=True)
class LiftEvidence:
    """The numbers behind a language-model confidence; ``str()`` writes them out
    (only the substitutions made need that).

    >>> str(LiftEvidence(0.72, -0.1, 0.71, 1.0))
    'prior 0.72, LM lift -0.10, channel 0.71, context spun 1.00'
    >>> str(LiftEvidence(0.5, 2.0, 0.9, None))
    'prior 0.50, LM lift +2.00, channel 0.90, self-evident form'
    """

    prior: float
    lift: float
    channel: float
    context_spun: float | None  # None: a self-evident form

    def __str__(self) -> str:
        why = ("self-evident form" if self.context_spun is None
               else f"context spun {self.context_spun:.2f}")
        return (f"prior {self.prior:.2f}, LM lift {self.lift:+.2f}, "
                f"channel {self.channel:.2f}, {why}")


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its confidence and the evidence behind it."""

    candidate: Candidate
    confidence: float
    evidence: str | LiftEvidence


@dataclass(frozen=True, slots=True)
class DocumentEvidence:
    """Spin evidence over the whole text, measured once on the input."""

    words: int
    log_lr: float  # summed log likelihood ratios of the candidate spans
    # the same without tortured phrases: a paper with a few tortured phrases
    # is not a text a word-level spinner went through
    word_spinner_log_lr: float | None = None
    # the rate the whole document is weighed against (see DOCUMENT_HITS_PER_WORD)
    hits_per_word: float = DOCUMENT_HITS_PER_WORD
    # log_lr and word_spinner_log_lr with each form counted once, weighed against
    # DISTINCT_FORMS_HITS_PER_WORD (None: not weighed that way)
    distinct_log_lr: float | None = None
    distinct_word_spinner_log_lr: float | None = None
    # do the strong multiword forms show a WordNet-style spinner? Where they do not,
    # thorough mode lets a form break that spinner's bare-token rule (a
    # thesaurus-style spinner swaps "knee," too): see thesaurus_could_write
    wordnet_style: bool = True
    # log-odds the word-level evidence never falls under: what the thorough
    # reading's check found on the text's first part (see Restorer._thorough_reading;
    # None: no floor)
    floor_log_odds: float | None = None
    # log-odds added to a WordNet-style reading's confidences for the spin rate its
    # first pass found (see decoder.WORDNET_REFERENCE_RATE; None: not measured yet)
    rate_shift: float | None = None
    # does each stretch's own evidence temper the document's (see spun_probabilities)?
    # The first pass's only: a later pass sees restored text, whose spins are gone
    weigh_stretches: bool = True
    # the log-odds of the densest DOCUMENT_WINDOW_WORDS words (see there; None: not
    # weighed, a text under two windows)
    window_log_odds: float | None = None

    @property
    def word_spinner_log_lr_sum(self) -> float:
        """The summed log likelihood ratios of the word-level spinner's forms."""
        return self.log_lr if self.word_spinner_log_lr is None else self.word_spinner_log_lr

    @property
    def log_odds(self) -> float:
        """Log-odds that the document was spun (by any spinner)."""
        return self._weighed(self.log_lr, self.distinct_log_lr)

    @property
    def word_spinner_log_odds(self) -> float:
        """Log-odds that a word-level spinner went through the document."""
        distinct = (self.distinct_log_lr if self.distinct_word_spinner_log_lr is None
                    else self.distinct_word_spinner_log_lr)
        return self._weighed(self.word_spinner_log_lr_sum, distinct)

    def _weighed(self, log_lr: float, distinct: float | None) -> float:
        """The larger of the log-odds from all the evidence against the document
        rate and from each form's once against the lighter distinct-forms rate,
        and never under ``floor_log_odds`` (if set)."""
        odds = DOC_PRIOR_LOG_ODDS + log_lr - document_rate_penalty(self.words, self.hits_per_word)
        if distinct is not None:
            odds = max(odds, DOC_PRIOR_LOG_ODDS + distinct
                       - document_rate_penalty(self.words, DISTINCT_FORMS_HITS_PER_WORD))
        if self.window_log_odds is not None and self.window_log_odds > odds:
            odds = self.window_log_odds
        if self.floor_log_odds is not None and self.floor_log_odds > odds:
            return self.floor_log_odds
        return odds

    @property
    def doctored_log_odds(self) -> float:
        """Log-odds that tortured phrases were put in the text: from the phrase
        tables alone, and not diluted by length (a long paper holds a few)."""
        return DOCTORED_PRIOR_LOG_ODDS + self.log_lr - self.word_spinner_log_lr_sum


def document_rate_penalty(words: int, hits_per_word: float = DOCUMENT_HITS_PER_WORD) -> float:
    """What a document of ``words`` words must outweigh to count as spun: the
    document rate ``hits_per_word``, but never less than a stretch's rate over
    the first stretch's worth of words (light spinning can only be told from
    chance over more words than a stretch holds; a short text is one stretch).

    >>> document_rate_penalty(100) == HITS_PER_WORD * 100
    True
    >>> document_rate_penalty(2000) == DOCUMENT_HITS_PER_WORD * 2000
    True
    """
    return max(HITS_PER_WORD * min(words, 2 * WINDOW_WORDS), hits_per_word * words)


class Scorer(Protocol):
    def score(self, text: str, candidates: Sequence[Candidate],
              evidence: DocumentEvidence | None = None) -> list[Scored]:
        """One :class:`Scored` per candidate, in the same order. ``evidence``
        is the document's spin evidence, measured once on the input and kept
        for later passes."""
        ...


def logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    if x < -60:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of one English word (log10 per billion words: 7 is "the").

    Read from the language model's unigrams, which are loaded anyway (wordfreq,
    which the table build uses, would cost 0.3 s more at start-up); agrees with
    wordfreq within a few tenths for common words. A word the model does not
    know counts as rare (2.0).

    >>> zipf("the") > 7, zipf("qzxvq")
    (True, 2.0)
    """
    from .lm import get_language_model

    model = get_language_model()
    for form in (word, word.lower()):
        if model.knows(form):
            return model.unigram(form) / math.log(10) + 9.0
    return UNKNOWN_ZIPF


UNKNOWN_ZIPF = 2.0
# Every word of an ordinary English phrase follows the ones before it with a
# trigram probability better than about 1 in 3,000 ("no more than": -4.1,
# "cloud computing": -3.1); a spun or tortured phrase has a weak link
# ("at that topographic point": -19.1, "profound neural network": -14.1).
ORDINARY_MIN_LOGPROB = -8.0


@lru_cache(maxsize=65536)
def ordinary_english(phrase: str) -> bool:
    """Is this multiword phrase ordinary English, by the language model?

    >>> ordinary_english("no more than"), ordinary_english("at that topographic point")
    (True, False)
    """
    from .lm import get_language_model, lm_words

    model = get_language_model()
    forms = lm_words(phrase)
    if len(forms) < 2:
        return False
    return all(model.logprob(forms[i], forms[i - 1], forms[i - 2] if i > 1 else None)
               > ORDINARY_MIN_LOGPROB for i in range(1, len(forms)))


def is_self_evident(c: Candidate) -> bool:
    """A form nobody writes in clean prose: a tortured phrase, or a chained
    WordNet re-spin that is not itself an English word or phrase."""
    return is_self_evident_row(c.row)


def is_self_evident_row(row: Row) -> bool:
    """Is the row's spun form one nobody writes in clean prose? Never a single
    word, a lemma or a channel's guess, nor a phrase that is ordinary English
    ("no more than", a chain from "no"; "cloud computing", a stray row of the
    tortured list)."""
    # (a single word, most rows, is answered before the cache is asked)
    return " " in row.spun and _self_evident(row.spun, row.family, row.note)


@lru_cache(maxsize=65536)
def _self_evident(spun: str, family: str, note: str) -> bool:
    if note == NESTED_NOTE:  # beside a doubled word nobody writes ("Lou Lou Gehrig")
        return True
    words = spun.count(" ") + 1
    if words == 1 or "channel" in note:
        return False
    if family == WORDNET_FAMILY:
        if "lemma" in note or "fixed" in note:
            return False
        # two-word chains can be plain English ("in world"); seen ones are not
        # (the fixed table's, which would count as seen, were answered above)
        if words < 3 and not is_attested(note):
            return False
    return not ordinary_english(spun.lower())


def spinner_could_write(c: Candidate) -> bool:
    """Could the WordNet-style spinner have written this? It only replaces bare
    tokens, with lemma strings as WordNet spells them: a capitalised word in
    mid-sentence ("Will Grant", "the Bill Foundation") is not the output of a
    lowercase lemma, and a capitalised function word at a sentence start is
    left alone (a single word there is taken for the author's). Other
    families are not judged.

    >>> from restore.candidates import Candidate
    >>> row = Row("bill", "measure", 0.3, WORDNET_FAMILY, "lemma", "t")
    >>> [spinner_could_write(Candidate(0, 4, w, "x", row, "exact", bare, start))
    ...  for w, bare, start in (("bill", True, False), ("Bill", True, False),
    ...                         ("Bill", True, True), ("bill", False, False))]
    [True, False, True, False]
    >>> along = Row("along", "on", 0.9, WORDNET_FAMILY, "lemma", "t")
    >>> [spinner_could_write(Candidate(0, 5, w, "x", along, "exact", True, start))
    ...  for w, start in (("along", False), ("Along", True))]
    [True, False]
    """
    if c.row.family != WORDNET_FAMILY:
        return True
    if not c.bare:
        return False
    if c.sentence_start:
        # it leaves a capitalised function word at a sentence start alone, so a
        # single word there ("Along", which authors write) was never one ("On");
        # a multiword lemma there ("Past times noon") is kept as a candidate: no
        # author writes it, and another spinner's capitals may differ
        return not (" " not in c.spun and c.spun[:1].isupper()
                    and c.row.original.lower() in FUNCTION_WORDS)
    if not c.spun[:1].isupper() or not c.row.spun[:1].islower():
        return True
    return is_capitalised_numeral(c.spun)  # WordNet's own spelling of "XIX"


def restorable_as_wordnet_spin(c: Candidate) -> bool:
    """Could this be restored as the WordNet-style spinner's work? What
    :func:`spinner_could_write` allows, less a single capitalised word at a
    sentence start that a lower-case lemma explains: the spinner looks words up
    as WordNet spells them, so of a capitalised word there it only ever
    replaced a capitalised lemma ("December" -> "Dec"). On the Brown press
    texts 57 such restorations ("Division" -> "Part", "Gladden" -> "Joy") were
    made, none right. Such a form still counts as evidence that a text is spun:
    a thesaurus-style spinner keeps capitals ("Masses" for "People"), and the
    switch to its reading weighs it.

    >>> from restore.candidates import Candidate
    >>> division = Row("division", "part", 0.6, WORDNET_FAMILY, "lemma", "t")
    >>> dec = Row("Dec", "December", 0.9, WORDNET_FAMILY, "lemma", "t")
    >>> [restorable_as_wordnet_spin(Candidate(0, 8, w, "x", r, "exact", True, start))
    ...  for w, r, start in (("Division", division, True), ("division", division, False),
    ...                      ("Dec", dec, True), ("XIX", Row("xix", "19", .9, WORDNET_FAMILY,
    ...                                                     "lemma", "t"), True))]
    [False, True, True, True]
    """
    if not spinner_could_write(c):
        return False
    return not (c.row.family == WORDNET_FAMILY and c.sentence_start and " " not in c.spun
                and c.spun[:1].isupper() and c.row.spun[:1].islower()
                and not is_capitalised_numeral(c.spun))


def thesaurus_could_write(c: Candidate) -> bool:
    """Could a thesaurus-style spinner have written this? It swaps single
    content words for their synonyms, with punctuation attached or not and
    keeping a capital letter ("Metropolis" for "City"), but leaves words in
    capitals alone, and function words and numbers: "along" for "on", "follow"
    for "be", "single" for "1" or "400" for "cd" is what the WordNet-style
    spinner writes, looking every token up in WordNet (on our dev set, 91 such
    restorations in the thesaurus-style reading, none right), as is a common
    word for a proper noun's lemma ("union" for "North").

    >>> from restore.candidates import Candidate
    >>> row = Row("stifle", "knee", 0.3, WORDNET_FAMILY, "lemma", "t")
    >>> [thesaurus_could_write(Candidate(0, 1, w, "x", row, "exact", False, False))
    ...  for w in ("stifle", "Stifle", "STIFLE", "past times")]
    [True, True, False, False]
    >>> [thesaurus_could_write(Candidate(0, 1, "metropolis", o, row, "exact", True, False))
    ...  for o in ("city", "on", "1")]
    [True, False, False]
    >>> north = Row("union", "North", 0.1, WORDNET_FAMILY, "lemma", "t")
    >>> thesaurus_could_write(Candidate(0, 5, "union", "north", north, "exact", True, False))
    False
    """
    return (" " not in c.spun and not (len(c.spun) > 1 and c.spun.isupper())
            and c.original.lower() not in FUNCTION_WORDS
            and not any(ch.isdigit() for ch in c.spun + c.original)
            and not (c.row.original[:1].isupper() and not c.row.spun[:1].isupper()))


_ABBREVIATION_POINT = regex.compile(r"\.(?:[,;:.\w]|\s+[a-z0-9])")


def written_abbreviated(text: str, c: Candidate) -> bool:
    """Would restoring ``c`` spell out its author's abbreviation? Its single word
    is written with an abbreviation's point that ends no sentence ("Aug. 2",
    "Dec., or", "S.C.") and its original is a longer word that begins with it
    ("August"). A thesaurus-style spinner that wrote "Aug" for "August" would
    not have added the point (in the Brown corpus's press texts spun that way,
    21 restorations such as "Aug." -> "August" were made at 0.5 or more, none
    right); one that swapped the author's "Sept." wrote "Folk." ("Sept" is a
    clan too), which may still go back.

    >>> from restore.candidates import Candidate
    >>> row = Row("aug", "August", 0.5, WORDNET_FAMILY, "lemma", "t")
    >>> [written_abbreviated(text, Candidate(4, 7, "Aug", "August", row, "exact", False, False))
    ...  for text in ("Due Aug. 2.", "Due Aug., or", "Due in Aug. Then", "Due Aug 2", "Due Aug.5")]
    [True, True, False, False, True]
    >>> written_abbreviated("Due Folk. 23.", Candidate(4, 8, "Folk", "Sept", row, "exact", False, False))
    False
    """
    original, spun = c.original.lower(), c.spun.lower()
    return (len(original) > len(spun) and original.startswith(spun)
            and _ABBREVIATION_POINT.match(text, c.end) is not None)


def log_likelihood_ratio(c: Candidate, prior: float | None = None) -> float:
    """How much likelier this form is in spun text than in clean text (log).

    ``prior`` overrides the table prior, e.g. with a posterior that has seen
    the context (the language-model decoder passes one).
    """
    if prior is None:  # (the row's own weight is kept: most forms' is 0, whoever wrote them)
        weight = row_log_likelihood_ratio(c.row)
        return weight if weight and spinner_could_write(c) else 0.0
    if not spinner_could_write(c):
        return 0.0
    return row_log_likelihood_ratio(c.row, prior)


def row_log_likelihood_ratio(row: Row, prior: float | None = None) -> float:
    """:func:`log_likelihood_ratio` of a bare occurrence of ``row``'s form.

    Forms weaker than ``EVIDENCE_MIN`` carry no evidence at all: in clean
    prose they are everywhere ("run", "big"), so they tell nothing, and the
    scan can skip them until stronger forms show a spun stretch.

    >>> row_log_likelihood_ratio(Row("volition", "will", 0.98, WORDNET_FAMILY, "lemma", "t")) > 2
    True
    >>> row_log_likelihood_ratio(Row("big", "large", 0.05, WORDNET_FAMILY, "lemma", "t"))
    0.0
    """
    if "channel" in row.note:
        return 0.0  # channel rows say what a spun word was, not whether it is spun
    if prior is None:  # the row's own: worked out once per row
        known = _ROW_WEIGHTS.get(id(row))
        if known is None or known[0] is not row:  # (the row is kept, so its id stays its own)
            if len(_ROW_WEIGHTS) >= 200_000:
                _ROW_WEIGHTS.clear()
            known = _ROW_WEIGHTS[id(row)] = (row, row_log_likelihood_ratio(row, row.prior))
        return known[1]
    if is_self_evident_row(row):
        return SELF_EVIDENT_LOG_LR * prior
    if " " in row.spun:
        prior = min(prior, LEMMA_PRIOR_CAP)
    weight = min(-math.log(1.0 - min(prior, 0.999)), MAX_LOG_LR)
    if " " not in row.spun:
        excess = zipf(row.spun.lower()) - COMMON_ZIPF
        if excess > 0:
            weight /= 1.0 + excess
    return weight if weight >= EVIDENCE_MIN else 0.0


_ROW_WEIGHTS: dict[int, tuple[Row, float]] = {}  # id(row) -> (row, its log LR)


def span_weights(candidates: Sequence[Candidate],
                 weights: Sequence[float] | None = None) -> list[tuple[int, int, float]]:
    """Evidence of each span, counting overlapping spans once (the strongest).
    ``weights`` gives each candidate's evidence (default: from its prior)."""
    best: dict[tuple[int, int], float] = {}  # spans with evidence, and their strongest
    for k, c in enumerate(candidates):
        weight = log_likelihood_ratio(c) if weights is None else weights[k]
        if weight > 0.0 and weight > best.get((c.start, c.end), 0.0):
            best[(c.start, c.end)] = weight
    chosen: list[tuple[int, int, float]] = []
    taken = IntervalSet()
    for (start, end), weight in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
        if taken.add_if_free(start, end):
            chosen.append((start, end, weight))
    chosen.sort()
    return chosen


def document_evidence(text: str, candidates: Sequence[Candidate],
                      weights: Sequence[float] | None = None,
                      hits_per_word: float = DOCUMENT_HITS_PER_WORD,
                      distinct_forms: bool = True) -> DocumentEvidence:
    """Total spin evidence in ``text``, to be weighed against ``hits_per_word``,
    and (``distinct_forms``) the same with each form counted once, to be weighed
    against ``DISTINCT_FORMS_HITS_PER_WORD``.

    >>> from restore.tables import Row
    >>> row = Row("volition", "will", 0.98, WORDNET_FAMILY, "wild lemma", "t:1")
    >>> text = "volition " * 5
    >>> evidence = document_evidence(text, [Candidate(9 * i, 9 * i + 8, "volition", "will",
    ...                                               row, "exact", True, i == 0) for i in range(5)])
    >>> round(evidence.log_lr / evidence.distinct_log_lr, 6)
    5.0
    """
    spans = span_weights(candidates, weights)
    word_level = (span_weights(candidates, _without_phrase_tables(candidates, weights))
                  if any(c.row.family == TORTURED_FAMILY for c in candidates) else spans)
    distinct = each_form_once(text, spans) if distinct_forms else None
    distinct_word_level = (each_form_once(text, word_level)
                           if distinct_forms and word_level is not spans else None)
    window = densest_window_log_odds(text, word_level, hits_per_word, distinct_forms)
    return DocumentEvidence(len(text.split()), sum(w for _, _, w in spans),
                            sum(w for _, _, w in word_level), hits_per_word,
                            distinct, distinct_word_level, window_log_odds=window)


class EvidenceAlong:
    """Evidence spans (start, end, weight; sorted by start), summed over any
    stretch of their text in log time.

    >>> along = EvidenceAlong([(0, 4, 1.0), (10, 14, 2.0), (30, 34, 0.5)])
    >>> along.between(5, 30), along.between(0, 9)
    (2.5, 1.0)
    """

    def __init__(self, spans: Sequence[tuple[int, int, float]]):
        self.starts = [start for start, _, _ in spans]
        self.prefix = [0.0]  # prefix[k]: the weights of the first k spans
        for _, _, weight in spans:
            self.prefix.append(self.prefix[-1] + weight)

    def between(self, low: int, high: int) -> float:
        """The weights of the spans that start from ``low`` to ``high`` (both included)."""
        return (self.prefix[bisect_right(self.starts, high)]
                - self.prefix[bisect_left(self.starts, low)])

    def densest(self, width: int) -> tuple[float, int, int]:
        """The largest weight of the spans that start within ``width``
        characters of the first of them (under ``start + width``), and the
        indices of that first span and of the one after the last (the first
        such window, if several weigh the same; ``(0.0, 0, 0)`` without spans).

        >>> EvidenceAlong([(0, 4, 1.0), (10, 14, 2.0), (30, 34, 0.5)]).densest(20)
        (3.0, 0, 2)
        """
        starts, prefix = self.starts, self.prefix
        best, best_first, best_last = 0.0, 0, 0
        last = 0
        for first, start in enumerate(starts):  # (two pointers: windows from each span on)
            while last < len(starts) and starts[last] < start + width:
                last += 1
            if prefix[last] - prefix[first] > best:
                best, best_first, best_last = prefix[last] - prefix[first], first, last
        return best, best_first, best_last


def densest_window_log_odds(text: str, spans: Sequence[tuple[int, int, float]],
                            hits_per_word: float = DOCUMENT_HITS_PER_WORD,
                            distinct_forms: bool = True) -> float | None:
    """Log-odds that the densest window of ``DOCUMENT_WINDOW_WORDS`` words of
    ``text`` was spun, from the ``spans`` (start, end, weight; sorted) that
    start in it: weighed as a document of that many words is, both ways (all
    its evidence against ``hits_per_word``, each form once against the
    distinct-forms rate; only the first if not ``distinct_forms``), the smaller
    taken, less the log of how many windows the text holds (the densest of many
    is denser by chance). None for a text under two windows, which the
    whole-text weighing covers; but weighed on all its evidence (not
    ``distinct_forms``, the thorough reading's way), a text of more than
    ``SHORT_WINDOW_MIN_SHARE`` windows of ``SHORT_WINDOW_WORDS`` words and under
    two of ``DOCUMENT_WINDOW_WORDS`` has its densest short window weighed so.

    >>> text = " ".join(f"w{i:04d}" for i in range(6000))  # 6,000 words of 5 letters
    >>> dense = [(6 * i, 6 * i + 5, 2.0) for i in range(0, 600, 3)]  # 200 forms in 600 words
    >>> thin = [(6 * i, 6 * i + 5, 2.0) for i in range(0, 6000, 30)]  # 200 in 6,000
    >>> round(densest_window_log_odds(text, dense), 1), round(densest_window_log_odds(text, thin), 1)
    (324.2, -7.8)
    >>> densest_window_log_odds(text[:3000], dense) is None  # 500 words: the whole text is weighed
    True
    >>> head = text[:6000]  # 1,000 words, the first 600 dense, then 400 with no form
    >>> densest_window_log_odds(head, dense) is None  # (the default reading: none)
    True
    >>> densest_window_log_odds(head, dense, distinct_forms=False) > 0  # the thorough one
    True
    >>> densest_window_log_odds(head, thin, distinct_forms=False, hits_per_word=0.085) < 0
    True
    >>> densest_window_log_odds(text[:4000], dense, distinct_forms=False) is None  # 667 words
    True
    >>> same = " ".join(["inwards"] * 3000)  # one form over and over: each form once, or all
    >>> spans = [(8 * i, 8 * i + 7, 2.0) for i in range(0, 3000, 3)]
    >>> each_once, all_of_it = (densest_window_log_odds(same, spans, distinct_forms=d)
    ...                         for d in (True, False))
    >>> each_once < 0 < all_of_it
    True
    """
    window_words = DOCUMENT_WINDOW_WORDS
    if len(text) <= 2 * window_words * CHARS_PER_WORD and not distinct_forms:
        window_words = SHORT_WINDOW_WORDS
        if len(text) <= SHORT_WINDOW_MIN_SHARE * window_words * CHARS_PER_WORD:
            return None
    elif len(text) <= 2 * window_words * CHARS_PER_WORD:
        return None
    if not spans:
        return None
    width = window_words * CHARS_PER_WORD
    best, best_first, best_last = EvidenceAlong(spans).densest(width)
    chance = math.log(len(text) / width)
    plain = DOC_PRIOR_LOG_ODDS + best - hits_per_word * window_words - chance
    if not distinct_forms:
        return plain
    distinct = (DOC_PRIOR_LOG_ODDS + each_form_once(text, spans[best_first:best_last])
                - DISTINCT_FORMS_HITS_PER_WORD * DOCUMENT_WINDOW_WORDS - chance)
    return min(plain, distinct)


_WORD = regex.compile(r"\S+")


def text_units(text: str, unit_words: int = SEGMENT_UNIT_WORDS) -> list[tuple[int, int, int]]:
    """``text`` cut into stretches (start, end, words) of ``unit_words`` words,
    a line's last one shorter: a stretch never holds a line break.

    >>> text_units("a b c d e\\nf g", 2)
    [(0, 3, 2), (4, 7, 2), (8, 9, 1), (10, 13, 2)]
    """
    units: list[tuple[int, int, int]] = []
    line_end = -1
    start = end = 0
    words = 0
    for match in _WORD.finditer(text):
        if words and (words == unit_words or match.start() > line_end):
            units.append((start, end, words))
            words = 0
        if not words:
            start = match.start()
            if start > line_end:
                line_end = text.find("\n", start)
                if line_end < 0:
                    line_end = len(text)
        end = match.end()
        words += 1
    if words:
        units.append((start, end, words))
    return units


def densest_density(evidence: Sequence[float], words: Sequence[int],
                    window_words: int = DOCUMENT_WINDOW_WORDS) -> float:
    """The largest evidence a word over runs of stretches of ``window_words``
    words or more (the whole text, if shorter).

    >>> densest_density([0.0, 9.0, 1.0, 0.0], [10, 10, 10, 10], 20)
    0.5
    """
    total = sum(words)
    if total == 0:
        return 0.0
    width = min(window_words, total)
    best = 0.0
    first = 0
    held_evidence, held_words = 0.0, 0
    for last in range(len(words)):  # (two pointers: the shortest run of width ending here)
        held_evidence += evidence[last]
        held_words += words[last]
        while held_words - words[first] >= width:
            held_evidence -= evidence[first]
            held_words -= words[first]
            first += 1
        if held_words >= width:
            best = max(best, held_evidence / held_words)
    return best


def _log_add(a: float, b: float) -> float:
    """log(exp(a) + exp(b))."""
    return max(a, b) + math.log1p(math.exp(-abs(a - b)))


def spun_segments(text: str, along: EvidenceAlong, share: float = SEGMENT_SHARE,
                  paragraph_switch: float = SEGMENT_PARAGRAPH_SWITCH_LOG_PROB
                  ) -> tuple[list[int], list[float]]:
    """Where a text is spun, stretch by stretch (see SEGMENT_UNIT_WORDS): the
    stretches' starts and the posterior log-odds that each was spun, read as a
    two-state chain (spun, clean) whose spun state draws a stretch's evidence
    against ``share`` of the evidence a word of the text's densest
    DOCUMENT_WINDOW_WORDS words, and which switches state at a cost of
    SEGMENT_SWITCH_LOG_PROB, but from spun to clean at ``paragraph_switch``
    into a stretch that starts a paragraph.

    >>> text = " ".join(["w"] * 600)
    >>> dense = EvidenceAlong([(2 * i, 2 * i + 1, 1.5) for i in range(0, 300, 4)])
    >>> starts, odds = spun_segments(text, dense)  # spun in its first half
    >>> len(starts), odds[0] > 5, odds[-1] < -5
    (20, True, True)
    """
    units = text_units(text)
    if not units:
        return [], []
    evidence = [along.between(start, end - 1) for start, end, _ in units]
    words = [n for _, _, n in units]
    rate = share * densest_density(evidence, words)
    gain = [found - rate * n for found, n in zip(evidence, words)]
    count = len(units)
    # the chain's log probability of switching from spun to clean into each stretch,
    # cheaper where a paragraph starts (after a blank line: a spun article may end
    # there), and of staying spun; from clean to spun it switches at the one cost
    # (a clean interlude inside a lightly spun text then costs both)
    to_clean = [paragraph_switch if u and BLANK_LINE.search(
        text, units[u - 1][1], units[u][0]) else SEGMENT_SWITCH_LOG_PROB for u in range(count)]
    stay_spun = [math.log1p(-math.exp(cost)) for cost in to_clean]
    to_spun = SEGMENT_SWITCH_LOG_PROB
    stay_clean = math.log1p(-math.exp(to_spun))
    # forward: log P(evidence so far, state) for spun and clean, the clean
    # state's evidence the reference (0), both states alike at the start
    spun_f, clean_f = [0.0] * count, [0.0] * count
    spun_f[0], clean_f[0] = gain[0], 0.0
    for u in range(1, count):
        spun_f[u] = gain[u] + _log_add(spun_f[u - 1] + stay_spun[u], clean_f[u - 1] + to_spun)
        clean_f[u] = _log_add(clean_f[u - 1] + stay_clean, spun_f[u - 1] + to_clean[u])
    spun_b, clean_b = [0.0] * count, [0.0] * count
    for u in range(count - 2, -1, -1):
        spun_b[u] = _log_add(stay_spun[u + 1] + gain[u + 1] + spun_b[u + 1],
                             to_clean[u + 1] + clean_b[u + 1])
        clean_b[u] = _log_add(stay_clean + clean_b[u + 1], to_spun + gain[u + 1] + spun_b[u + 1])
    odds = [spun_f[u] + spun_b[u] - clean_f[u] - clean_b[u] for u in range(count)]
    return [start for start, _, _ in units], odds


def each_form_once(text: str, spans: Iterable[tuple[int, int, float]]) -> float:
    """The summed weights of ``spans`` (start, end, weight), each form of
    ``text`` (lowercased) counted once, at its largest weight.

    >>> each_form_once("inwards and Inwards and past times", [(0, 7, 2.0), (12, 19, 3.0), (24, 34, 1.0)])
    4.0
    """
    strongest: dict[str, float] = {}
    for start, end, weight in spans:
        form = text[start:end].lower()
        if weight > strongest.get(form, 0.0):
            strongest[form] = weight
    return sum(strongest.values())


def _without_phrase_tables(candidates: Sequence[Candidate],
                           weights: Sequence[float] | None) -> list[float]:
    """Evidence weights with the tortured phrases' zeroed."""
    return [0.0 if c.row.family == TORTURED_FAMILY
            else (log_likelihood_ratio(c) if weights is None else weights[k])
            for k, c in enumerate(candidates)]


def spin_score(evidence: DocumentEvidence) -> float:
    """Probability that the document was spun, from all its evidence.

    >>> spin_score(DocumentEvidence(1000, 0.0)) < 0.001
    True
    >>> spin_score(DocumentEvidence(100, 40.0)) > 0.99
    True
    """
    return sigmoid(evidence.log_odds)


def spun_probabilities(text: str, candidates: Sequence[Candidate],
                       evidence: DocumentEvidence,
                       weights: Sequence[float] | None = None,
                       segment_share: float = SEGMENT_SHARE,
                       paragraph_switch: float = SEGMENT_PARAGRAPH_SWITCH_LOG_PROB) -> list[float]:
    """For each candidate, the probability that a word-level spinner went
    through the text around it (about WINDOW_WORDS words on each side):
    tortured phrases are evidence that a paper was doctored, not that the
    words around them were swapped. For a tortured-phrase candidate it is the
    probability that the text was doctored."""
    along = EvidenceAlong(span_weights(candidates, _without_phrase_tables(candidates, weights)))
    reach = WINDOW_WORDS * CHARS_PER_WORD
    # a later pass sees restored text: the input's evidence stays a floor...
    floor = evidence.word_spinner_log_odds
    # ...but on the first, of a text spun in part, no stretch counts as more spun
    # than the chain of stretches reads it (see SEGMENT_UNIT_WORDS)
    segment_starts, segment_odds = (spun_segments(text, along, segment_share, paragraph_switch)
                                    if evidence.weigh_stretches
                                    and evidence.words >= SEGMENT_MIN_WORDS
                                    else ([], []))

    doctored = sigmoid(evidence.doctored_log_odds)
    by_span: dict[tuple[int, int], float] = {}  # rival originals share a span and its answer
    out: list[float] = []
    for c in candidates:
        if c.row.family == TORTURED_FAMILY:  # (self-evident ones do not use it)
            out.append(doctored)
            continue
        spun = by_span.get((c.start, c.end))
        if spun is None:
            low, high = max(0, c.start - reach), min(len(text), c.end + reach)
            words = text.count(" ", low, high) + text.count("\n", low, high)  # ~ words, no copy
            odds = max(DOC_PRIOR_LOG_ODDS + along.between(low, high) - HITS_PER_WORD * words,
                       floor)
            if segment_starts:
                odds = min(odds, segment_odds[max(0, bisect_right(segment_starts, c.start) - 1)])
            spun = by_span[(c.start, c.end)] = sigmoid(odds)
        out.append(spun)
    return out


class ContextScorer:
    """Priors times the spin probability of the surrounding text (see module doc)."""

    def score(self, text: str, candidates: Sequence[Candidate],
              evidence: DocumentEvidence | None = None) -> list[Scored]:
        if not candidates:
            return []
        if evidence is None:
            evidence = document_evidence(text, candidates)
        results: list[Scored] = []
        for c, spun_here in zip(candidates, spun_probabilities(text, candidates, evidence)):
            if is_self_evident(c):
                confidence = c.row.prior
                why = "self-evident form"
            else:
                confidence = spun_here * c.row.prior
                why = f"context spun {spun_here:.2f}"
            if not restorable_as_wordnet_spin(c):
                confidence *= NOT_BARE_FACTOR
                why += ", not a form the spinner writes"
            results.append(Scored(c, confidence, f"prior {c.row.prior:.2f}, {why}"))
        return results
