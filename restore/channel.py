"""Stage 2b: the WordNet channel, for spins no table lists.

A real spun article changes about one word in six, and most substitution
types occur once, so the tables cannot list them all. Where the text is
already known to be spun (from the table evidence), every bare word (and
every run of two or three bare words) that is a WordNet lemma becomes a
candidate for the single-word originals that reach it within two synonym
hops, as the WordNet-style spinner does:

    q(s | o) = sum over the synsets of o that hold s of
               1 / (synsets of o) * 1 / (other lemmas in that synset)
               (+ a down-weighted second hop through a single-word lemma)
    prior(o | s) = r f(o) q(s|o) / (sum over o' of r f(o') q(s|o') + (1 - r) f(s))

with r the spinner's rate and f the language model's probabilities, the
same Bayes estimate the shipped table uses (``wordlists/README.md``). The
rows are marked ``channel`` and carry no spin evidence of their own: only
the tables decide whether a text is spun; the channel only says what a spun
word was.

>>> channel = WordNetChannel()
>>> [(r.original, r.prior > 0.1) for r in channel.rows("volition")][:1]
[('will', True)]
"""

from __future__ import annotations

import hashlib
import math
from functools import lru_cache
from pathlib import Path
from typing import Callable, KeysView, Sequence

import regex

from .cache import gc_paused, kept
from .candidates import WORDNET_FAMILY, Candidate, transfer_case
from .channel_table import read_rows
from .inflection import MIN_WORD_LENGTH, analyses, inflect, synonyms_for_ending
from .lm import default_model_path, get_language_model, lm_words, model_fingerprint
from .memo import Memo
from .tables import Row, builtin_table_dir
from .tokens import (FUNCTION_WORDS, WORD_PATTERN, bare_word_spans, is_bare_span,
                     is_sentence_start)
from .wordnet import Synsets, load_synsets, synsets_path

SPIN_RATE = 0.18  # share of words the WordNet-style spinner changes
HOP2_WEIGHT = 0.2  # a second hop, relative to the first
# An original needs a prior of MIN_PRIOR times the probability that the form is the
# author's own: an everyday form ("track") only gets its likelier originals, while for a
# form that is almost surely a spin ("bakeshop") the question is only which original,
# and one far down the channel still wins when the context asks for it (prior 0.003 and
# a lift of +8 is a posterior near 0.9)
MIN_PRIOR = 0.02
MIN_PRIOR_FLOOR = 0.002
MAX_PRIOR = 0.99  # as in the shipped table
MAX_ORIGINALS = 12  # per spun form, the likeliest
MAX_PHRASE_WORDS = 3  # phrases looked up as lemmas or as re-spun lemmas...
# ...and as lemmas only, up to this many words ("Lao People's Democratic Republic" for Laos)
MAX_LEMMA_WORDS = 6
OPTIONS_CACHE_SIZE = 300_000  # forms as written whose candidates are kept
INFLECTED_PRIOR = 0.5  # an inflected form keeps this much of its lemma's prior
LEMMA_NOTE = "channel lemma"  # the note of the channel's own rows for a lemma
CHAIN_PRIOR = 0.8  # a re-spun lemma keeps most of the likelihood of the lemma it came from
UNKNOWN_WORD_LOGPROB = -16.0  # about 1 in 9 million words (Zipf 2): a rare word
# an original in capitals ("US", "OR") is taken to be at most as frequent as a word of
# Zipf 3.5 (3 in a million words, as "courtroom"): the lowercase language model only
# knows the word it spells ("us", "or"), up to 10,000 times commoner
ACRONYM_LOGPROB = math.log(10 ** (3.5 - 9))
# Raise when the rules of _rows_for change, and rebuild the shipped rows with
# scripts/build_wordnet_channel.py (a test checks they match what is worked out).
RULES_VERSION = 4
CHANNEL_TABLE_FILE = "wordnet_channel.tsv.gz"


class WordNetChannel:
    """Proposes originals for WordNet lemmas, with Bayes priors."""

    def __init__(self, attested: Callable[[str], tuple[Row, ...]] | None = None) -> None:
        """``attested``: for a multiword lemma, the rows of the tables that real
        spun pages attest ("past times" -> "by", which no two WordNet hops
        give); a re-spin of the lemma ("past multiplication") is unwound to
        them too (see :meth:`chain_rows`)."""
        self._attested = attested
        self._rows_cache: dict[str, tuple[Row, ...]] = {}
        self._chain_cache: dict[str, tuple[Row, ...]] = {}
        self._options: dict[str, tuple[tuple[Row, str, str], ...]] = {}
        self._inflected: dict[str, tuple[tuple[Row, str, str], ...]] = {}

    def __reduce__(self):
        return (WordNetChannel, (self._attested,))

    def rows(self, spun: str) -> tuple[Row, ...]:
        """Channel rows for one spun form (exact WordNet lemma string)."""
        known = self._rows_cache.get(spun)
        if known is None:
            table = lemma_table()
            if table is None:
                known = _rows_for(spun)
            else:
                flat = table.get(spun, ())
                known = tuple(_lemma_row(spun, flat[i], flat[i + 1])
                              for i in range(0, len(flat), 2))
            self._rows_cache[spun] = known
        return known

    def chain_rows(self, phrase: str) -> tuple[Row, ...]:
        """Rows for a phrase that is no lemma but a re-spun one: put back one of
        its words (or word pairs) for a synonym and a multiword lemma appears
        ("every snatch" -> "every bit", which is "as"; "past multiplication" ->
        "past times", which real spinners write for "by").

        >>> attested = {"past times": (Row("past times", "by", 0.886, WORDNET_FAMILY,
        ...                                    "wild:2", "t"),)}
        >>> channel = WordNetChannel(lambda lemma: attested.get(lemma, ()))
        >>> [(row.original, row.prior, row.rule)
        ...  for row in channel.chain_rows("past multiplication") if row.original == "by"]
        [('by', 0.7088, 'wordnet_synsets:past multiplication<-past times; t')]
        >>> [row.original for row in WordNetChannel().chain_rows("past multiplication")]
        ['past']
        """
        cached = self._chain_cache.get(phrase)
        if cached is None:
            cached = self._chain_cache[phrase] = _chain_rows_for(phrase, self._lemma_rows)
        return cached

    def _lemma_rows(self, lemma: str) -> tuple[Row, ...]:
        """What a lemma stands for: the channel's rows, and the attested ones."""
        rows = self.rows(lemma)
        if self._attested is not None:
            attested = self._attested(lemma)
            if attested:
                rows += attested
        return rows

    def find(self, text: str, covered: Sequence[Candidate],
             windows: Sequence[tuple[int, int]],
             over: Sequence[tuple[int, int]] | None = None) -> list[Candidate]:
        """Candidates for lemmas inside ``windows`` (spun stretches of
        ``text``) that the tables did not already offer; given ``over``
        (sorted, disjoint spans), only those that overlap one of them (the
        same as filtering the result, without looking up the others)."""
        offered = {(c.start, c.end, c.original.lower()) for c in covered}
        found: list[Candidate] = []
        known = self._options.get
        lemmas = load_synsets().lemmas
        long_starts = _long_lemma_starts()
        # the first span of ``over`` that ends after a phrase's start is the
        # only one it can overlap first: it does when that span starts before
        # the phrase ends (phrase starts only grow, so the pointer only moves on)
        over_starts = [low for low, _ in over] if over is not None else []
        over_ends = [high for _, high in over] if over is not None else []
        pointer, last_over = 0, len(over_ends)
        for low, high in windows:
            spans = bare_word_spans(text, low, high)
            count = len(spans)
            # may a phrase run on from one bare word to the next?
            joins = [_JOINS[text[spans[i][1]:spans[i + 1][0]]] for i in range(count - 1)]
            for index in range(count):
                start = spans[index][0]
                longest = 1  # words in the longest phrase from here
                word = text[start:spans[index][1]]
                most = (MAX_LEMMA_WORDS if word in long_starts or word.lower() in long_starts
                        else MAX_PHRASE_WORDS)
                while longest < most and index + longest < count and joins[index + longest - 1]:
                    longest += 1
                first_end = 0  # phrases from here must end after this
                if over is not None:
                    while pointer < last_over and over_ends[pointer] <= start:
                        pointer += 1
                    if pointer == last_over:
                        break  # nothing left to overlap in this window
                    first_end = over_starts[pointer]
                    if spans[index + longest - 1][1] <= first_end:
                        continue  # the longest phrase from here overlaps nothing
                opening = None
                for last in range(index, index + longest):
                    end = spans[last][1]
                    if end <= first_end:
                        continue
                    spun = text[start:end]
                    options = known(spun)
                    if options is None:
                        if (last - index >= MAX_PHRASE_WORDS
                                and _lemma_form(spun, lemmas) not in lemmas):
                            continue  # (longer phrases: lemmas only, no re-spun ones)
                        options = self._options_for(spun)
                    if not options:
                        continue
                    if opening is None:
                        opening = is_sentence_start(text, start)
                    for row, original, folded in options:
                        if (start, end, folded) not in offered:
                            found.append(Candidate(start, end, spun, original, row,
                                                   "wordnet channel", True, opening))
        found.sort(key=lambda c: (c.start, -c.end, -c.row.prior))
        return found

    def find_attached(self, text: str, covered: Sequence[Candidate]) -> list[Candidate]:
        """Candidates for single words with punctuation attached ("metropolis,",
        "(Metropolis") that the tables did not already offer. A thesaurus-style
        spinner swaps those too; the WordNet-style one never does, so they are
        not bare and its reading all but rules them out.

        >>> channel = WordNetChannel()
        >>> [(c.spun, c.original, c.bare) for c in channel.find_attached(
        ...     "They met in the metropolis, or so.", []) if c.original == "city"]
        [('metropolis', 'city', False)]
        """
        def options_of(word: str) -> tuple[tuple[Row, str, str], ...]:
            options = self._options.get(word)
            return self._options_for(word) if options is None else options

        return _single_word_candidates(
            text, covered, lambda word, start, end: not is_bare_span(text, start, end),
            options_of, "wordnet channel")

    def find_inflected(self, text: str, covered: Sequence[Candidate]) -> list[Candidate]:
        """Candidates for words that are a regular inflection of a lemma
        ("objectives", "declared", "Riders"), bare or not: the originals of the
        lemma that share a synset of a fitting part of speech with it, inflected
        the same way (:mod:`restore.inflection`). A thesaurus-style spinner
        inflects its synonyms; the WordNet-style one never does, so only the
        reading of a thesaurus-style text asks for these.

        >>> channel = WordNetChannel()
        >>> [(c.spun, c.original) for c in channel.find_inflected(
        ...     "Their objectives were clear.", []) if c.original == "targets"]
        [('objectives', 'targets')]
        """
        def options_of(word: str) -> tuple[tuple[Row, str, str], ...]:
            options = self._inflected.get(word)
            return self._inflected_options_for(word) if options is None else options

        return _single_word_candidates(
            text, covered, lambda word, start, end: len(word) >= MIN_WORD_LENGTH,
            options_of, "wordnet channel, inflected")

    def _inflected_options_for(self, spun: str) -> tuple[tuple[Row, str, str], ...]:
        """(row, original in the case of ``spun``, original lowercased) for a
        word that is a regular inflection of a lemma; its rows are the lemma's,
        for originals of a fitting part of speech, inflected."""
        lowered = spun.lower()
        options: list[tuple[Row, str, str]] = []
        for lemma, ending in analyses(lowered):
            synonyms = synonyms_for_ending(lemma, ending)
            for row in self.rows(lemma):
                if row.original not in synonyms:
                    continue
                form = inflect(row.original, ending)
                if form is None or form == lowered:
                    continue
                original = transfer_case(spun, lowered, form)
                if all(folded != form for _, _, folded in options):
                    options.append((Row(lowered, form, round(row.prior * INFLECTED_PRIOR, 4),
                                        WORDNET_FAMILY,
                                        "inflected lemma",
                                        f"wordnet_synsets:{lemma}+{ending}"), original, form))
        if len(self._inflected) >= OPTIONS_CACHE_SIZE:
            self._inflected.clear()
        options_tuple = self._inflected[spun] = tuple(options)
        return options_tuple

    def _options_for(self, spun: str) -> tuple[tuple[Row, str, str], ...]:
        """(row, original in the case of ``spun``, original lowercased) for a
        word or single-spaced run of words, as it occurs in the text."""
        lemmas = load_synsets().lemmas
        form = _lemma_form(spun, lemmas)
        if form in lemmas:
            rows = self.rows(form)
        elif " " in spun:
            rows = self.chain_rows(form)
        else:
            rows = ()
        options = []
        for row in rows:
            original = transfer_case(spun, row.spun, row.original)
            if original != spun:
                options.append((row, original, original.lower()))
        if len(self._options) >= OPTIONS_CACHE_SIZE:
            self._options.clear()
        options_tuple = self._options[spun] = tuple(options)
        return options_tuple


def _single_word_candidates(text: str, covered: Sequence[Candidate],
                            wanted: Callable[[str, int, int], bool],
                            options_of: Callable[[str], tuple[tuple[Row, str, str], ...]],
                            variant: str) -> list[Candidate]:
    """Candidates for the single words of ``text`` that ``wanted(word, start,
    end)`` picks (words in capitals never: a spinner leaves them alone), with
    the options ``options_of(word)`` gives, less those ``covered`` offers."""
    offered = {(c.start, c.end, c.original.lower()) for c in covered}
    found: list[Candidate] = []
    for match in _WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        if (len(word) > 1 and word.isupper()) or not wanted(word, start, end):
            continue
        options = options_of(word)
        if not options:
            continue
        bare, opening = is_bare_span(text, start, end), is_sentence_start(text, start)
        for row, original, folded in options:
            if (start, end, folded) not in offered:
                found.append(Candidate(start, end, word, original, row, variant, bare, opening))
    return found


def _joins(gap: str) -> bool:
    """Between two bare words, may a phrase run across ``gap``? Only single
    spaces may separate its words (no line break, tab or double space); a
    gap starts and ends with whitespace, so this holds of a whole phrase
    exactly when it holds of each of its gaps."""
    return "  " not in gap and gap.count(" ") == len(gap.split()) + 1


_JOINS = Memo(_joins, 10_000)
_WORD = regex.compile(WORD_PATTERN)


def lemma_spelling(phrase: str) -> str:
    """``phrase`` with its apostrophes straight, as WordNet writes them: web text
    often has curly ones ("People’s Republic of China"; a word holds no other
    kind, see tokens.WORD_PATTERN).

    >>> lemma_spelling("Lao People’s Democratic Republic"), lemma_spelling("ne'er")
    ("Lao People's Democratic Republic", "ne'er")
    """
    return phrase.replace("’", "'") if "’" in phrase else phrase


def _lemma_form(spun: str, lemmas: KeysView[str]) -> str:
    """``spun`` as WordNet would list it: apostrophes straight, and lowercased
    unless it is a lemma as written ("Dec", "High German")."""
    straight = lemma_spelling(spun)
    return straight if straight in lemmas else straight.lower()


@lru_cache(maxsize=1)
def _long_lemma_starts() -> frozenset[str]:
    """First words of the lemmas longer than MAX_PHRASE_WORDS words, as WordNet
    writes them ("Lao" of "Lao People's Democratic Republic"): a longer phrase
    is looked up only from one of these."""
    return frozenset(lemma.split(" ", 1)[0] for lemma in load_synsets().lemmas
                     if lemma.count(" ") >= MAX_PHRASE_WORDS)


@lru_cache(maxsize=200_000)
def _synset_count(lemma: str) -> int:
    return sum(1 for lemmas in load_synsets().synsets_of(lemma) if len(lemmas) > 1)


@lru_cache(maxsize=200_000)
def _first_hop(spun: str) -> dict[str, float]:
    """q(spun | o) for every single-word lemma o sharing a synset with spun
    (memoised: callers must not modify the dict)."""
    out: dict[str, float] = {}
    for lemmas in load_synsets().synsets_of(spun):
        if len(lemmas) < 2:
            continue
        for original in lemmas:
            if original == spun or " " in original:
                continue
            count = _synset_count(original)
            if count:
                out[original] = out.get(original, 0.0) + 1.0 / count / (len(lemmas) - 1)
    return out


def _spin_weight(original: str) -> tuple[str, float | None]:
    """``original`` lowercased, and how often the spinner writes something
    for it before q(spun | original): SPIN_RATE * f(original) (None when the
    language model does not know it)."""
    model = get_language_model()
    lowered = original.lower()
    if not model.knows(lowered):
        return lowered, None
    return lowered, SPIN_RATE * math.exp(model.unigram(lowered))


_SPIN_WEIGHTS = Memo(_spin_weight, 200_000)
ACRONYM_WEIGHT = SPIN_RATE * math.exp(ACRONYM_LOGPROB)


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, tuple] | None:
    """The rows of every WordNet lemma, kept in the cache (:mod:`restore.cache`):
    ``{lemma: (original, prior, original, prior, ...)}`` for the 43k lemmas
    that have any, so that a new process does not work out again, lemma by
    lemma, what the last one did (0.1-0.2 s of a 5 KB spun article). The
    cache is filled from the shipped table (``wordlists/wordnet_channel.tsv.gz``)
    when its stamp is current, else by working them all out (3-6 s). ``None``
    when the cache is off or cannot be written: rows are then worked out on
    first use (:func:`_rows_for`), with the same result.

    >>> table = lemma_table()
    >>> table is None or table["volition"][:1] == ("will",)
    True
    """
    return kept("channel", [synsets_path(), model_fingerprint()], _all_lemma_rows)


@gc_paused()
def _all_lemma_rows() -> dict[str, tuple]:
    """The rows of every lemma: read from the shipped table
    (:mod:`restore.channel_table`) when its stamp is current, else worked out."""
    shipped = read_rows(shipped_table_path(), channel_stamp())
    return shipped if shipped is not None else work_out_all_lemma_rows()


def work_out_all_lemma_rows() -> dict[str, tuple]:
    """``{lemma: (original, prior, original, prior, ...)}`` for every lemma
    that has rows, worked out from the synsets and the language model."""
    table = {}
    for lemma in load_synsets().lemmas:
        rows = _rows_for(lemma)
        if rows:
            table[lemma] = tuple(value for row in rows for value in (row.original, row.prior))
    return table


def shipped_table_path() -> Path:
    return builtin_table_dir() / CHANNEL_TABLE_FILE


@lru_cache(maxsize=1)
def stamp_inputs() -> tuple[tuple[str, str], ...]:
    """What the channel's rows are worked out from, as (name, sha256) pairs:
    the shipped synsets, the language model's file, and the channel's
    constants with ``RULES_VERSION``."""
    def file_digest(path: Path) -> str:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()

    rules = repr((RULES_VERSION, SPIN_RATE, HOP2_WEIGHT, MIN_PRIOR, MIN_PRIOR_FLOOR, MAX_PRIOR,
                  MAX_ORIGINALS, UNKNOWN_WORD_LOGPROB, ACRONYM_LOGPROB, sorted(FUNCTION_WORDS)))
    return (("synsets", file_digest(synsets_path())),
            ("language model", file_digest(default_model_path())),
            ("rules", hashlib.sha256(rules.encode()).hexdigest()))


def channel_stamp() -> str:
    """One hash of :func:`stamp_inputs` (a shipped table with another stamp is not read)."""
    return hashlib.sha256(repr(stamp_inputs()).encode()).hexdigest()[:32]


def _lemma_row(spun: str, original: str, prior: float) -> Row:
    return Row(spun, original, prior, WORDNET_FAMILY, LEMMA_NOTE, f"wordnet_synsets:{spun}")


def _rows_for(spun: str) -> tuple[Row, ...]:
    rates = dict(_first_hop(spun))
    if " " not in spun:
        for middle, q_middle in _first_hop(spun).items():
            for original, q_original in _first_hop(middle).items():
                if original != spun:
                    rates[original] = rates.get(original, 0.0) + HOP2_WEIGHT * q_original * q_middle
    spin = {}
    spun_words = set(spun.lower().split())
    spelling = spelling_key(spun)
    for original, q in rates.items():
        lowered, weight = _SPIN_WEIGHTS[original]
        if weight is None:
            continue
        if is_acronym(original):
            # the (lowercase) language model reads "US", "OR", "IN" as "us", "or",
            # "in": its frequency is another word's. How often authors write the
            # acronym is unknown; it is taken as a less common word's at most
            weight = min(weight, ACRONYM_WEIGHT)
        if lowered in spun_words and spun_words - {lowered} <= FUNCTION_WORDS:
            # a longer lemma that holds the word ("calendar month" for "month",
            # "Republic of Peru" for "Peru") gives it back, but not one that only
            # adds function words: "stocked with" -> "stocked" and "more than" ->
            # "more" would drop words of plain English
            continue
        if spelling_key(original) == spelling:
            continue  # "metre" -> "meter" would only respell the author's word
        spin[original] = weight * q
    if not spin:
        return ()
    legit = (1 - SPIN_RATE) * math.exp(_legit_logprob(spun))
    total = sum(spin.values()) + legit
    best = sorted(spin.items(), key=lambda kv: -kv[1])[:MAX_ORIGINALS]
    least = max(MIN_PRIOR_FLOOR, MIN_PRIOR * legit / total)
    return tuple(_lemma_row(spun, original, round(min(rate / total, MAX_PRIOR), 4))
                 for original, rate in best if rate / total >= least)


# British -> American, in order ("practised" before the "-ise" rule takes it), each
# with what it must find in the word to match at all (most words hold few of them)
_SPELLINGS = [(cue, regex.compile(pattern), replacement) for cue, pattern, replacement in (
    ("practis", r"practis(e|ed|es|ing)\b", r"practic\1"),
    ("our", r"(?<=[a-z]{2}[bdgilmnprv])our(?=(?:s|ed|ing|er|ers|ite|ites|able|ably|ful|fully"
     r"|less|ism|ist|ists|ly|hood|hoods)?\b)", "or"),
    ("re", r"([^aeiou])re\b", r"\1er"),
    ("is", r"is(e|ed|es|ing|ation|ations|er|ers|able)\b", r"iz\1"),
    ("ys", r"ys(e|ed|es|ing)\b", r"yz\1"), ("ogue", r"ogue\b", "og"), ("ae", r"ae", "e"),
    ("oe", r"oe", "e"), ("ll", r"ll(ed|ing|er)\b", r"l\1"),
    ("ce", r"(licen|defen|offen|preten)ce(s?)\b", r"\1se\2"), ("ageing", r"ageing", "aging"),
    ("grey", r"\bgrey", "gray"), ("programme", r"programme", "program"),
    ("scep", r"\bscep", "skep"), ("maths", r"\bmaths\b", "math"),
    ("aluminium", r"aluminium", "aluminum"), ("plough", r"plough", "plow"),
    ("mould", r"mould", "mold"), ("tyre", r"\btyre", "tire"), ("kerb", r"\bkerb", "curb"),
    ("cheque", r"\bcheque", "check"), ("pyjama", r"pyjama", "pajama"),
    ("-", r"-", ""), (" ", r" ", ""))]


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """One key for the British and American spellings of a word (and its
    hyphenated, spaced and closed forms).

    >>> spelling_key("metre") == spelling_key("meter"), spelling_key("colour") == spelling_key("color")
    (True, True)
    >>> spelling_key("organise") == spelling_key("organize"), spelling_key("track") == spelling_key("path")
    (True, False)
    >>> [spelling_key(w) for w in ("favourably", "behaviour", "four", "flour", "detour")]
    ['favorably', 'behavior', 'four', 'flour', 'detour']
    >>> [spelling_key(w) == spelling_key(v) for w, v in (("practised", "practiced"),
    ...  ("licence", "license"), ("defences", "defenses"), ("greying", "graying"))]
    [True, True, True, True]
    >>> [spelling_key(w) == spelling_key(v) for w, v in (("fertiliser", "fertilizer"),
    ...  ("sceptical", "skeptical"), ("maths", "math"), ("aluminium", "aluminum"),
    ...  ("ploughs", "plows"), ("tyres", "tires"), ("organisers", "organizers"))]
    [True, True, True, True, True, True, True]
    """
    key = word.lower()
    for cue, pattern, replacement in _SPELLINGS:
        if cue in key:
            key = pattern.sub(replacement, key)
    return key


def is_acronym(word: str) -> bool:
    """A word written in capitals, two letters or more ("US", "U.S.", "OR").

    >>> [is_acronym(w) for w in ("US", "U.S.", "OR", "Ohio", "I", "AI-based")]
    [True, True, True, False, False, False]
    """
    return len(word) > 1 and word.isupper() and all(ch.isalpha() or ch == "." for ch in word)


def _legit_logprob(spun: str) -> float:
    """Log probability of the spun form as an author's own word. The model
    gives every word it does not know one flat, high value (-11, above
    "bakery"), which would make "bakeshop" look commoner than "bakery"; a word
    outside its 72.5k-word vocabulary is rare, so it gets a rare word's value,
    unless it is the British spelling of a word the (American) model knows
    ("metre" is as common as "meter").

    >>> _legit_logprob("metre") == _legit_logprob("meter") > UNKNOWN_WORD_LOGPROB
    True
    >>> _legit_logprob("bakeshop") == UNKNOWN_WORD_LOGPROB
    True
    """
    forms = lm_words(spun)
    model = get_language_model()
    if len(forms) == 1 and not model.knows(forms[0]):
        american = spelling_key(forms[0])
        if american != forms[0] and model.knows(american):
            return model.unigram(american)
        return UNKNOWN_WORD_LOGPROB
    return phrase_logprob(spun)


def _chain_rows_for(phrase: str, rows_of) -> tuple[Row, ...]:
    lemmas, frames = _lemmas_and_frames(load_synsets())
    best: dict[str, Row] = {}
    for inner, before, after in _chain_frames(phrase.split(), lemmas, frames):
        # the lemma with ``put_back`` for ``inner``: " ".join(before + [put_back] + after)
        # (never the phrase itself: no synonym put back is ``inner``, see Synsets.alternatives)
        prefix = before + " " if before else ""
        suffix = " " + after if after else ""
        for put_back in _SINGLE_WORD_ALTERNATIVES[inner]:
            lemma = prefix + put_back + suffix
            if lemma not in lemmas:
                continue
            for row in rows_of(lemma):
                prior = round(row.prior * CHAIN_PRIOR, 4)
                if row.original not in best or best[row.original].prior < prior:
                    # (a table's row for the lemma is named, "past times" -> "by" among them)
                    rule = (f"wordnet_synsets:{phrase}<-{lemma}" if row.note == LEMMA_NOTE
                            else f"wordnet_synsets:{phrase}<-{lemma}; {row.rule}")
                    best[row.original] = Row(phrase, row.original, prior, WORDNET_FAMILY,
                                             "channel chain lemma", rule)
    if not best:  # (most phrases)
        return ()
    return tuple(row for row in best.values() if row.prior >= MIN_PRIOR)


def _chain_frames(words: list[str], lemmas: KeysView[str], frames: set[str]
                  ) -> list[tuple[str, str, str]]:
    """(inner, before, after) for each word or word pair ``inner`` of ``words``
    that a synonym could be put back for: it is a lemma, and some multiword
    lemma is the words ``before`` and ``after`` it (joined by spaces) around
    one word (:attr:`Synsets.frames`). Single words first, then pairs (not
    the whole phrase: putting it back would leave one word, no multiword
    lemma), each from the left; the lemma test is cheap, so it goes first
    (about half the single words are lemmas, 2% of the pairs).

    >>> wordnet = load_synsets()
    >>> _chain_frames(["every", "snatch"], wordnet.lemmas, wordnet.frames)
    [('snatch', 'every', '')]
    """
    count = len(words)
    if count == 2:  # (most phrases: the same tests, unrolled)
        first, second = words
        found = []
        if first in lemmas and "\0" + second in frames:
            found.append((first, "", second))
        if second in lemmas and first + "\0" in frames:
            found.append((second, first, ""))
        return found
    found = []
    for i, inner in enumerate(words):
        if inner in lemmas:
            before, after = " ".join(words[:i]), " ".join(words[i + 1:])
            if before + "\0" + after in frames:
                found.append((inner, before, after))
    if count > 2:
        for i in range(count - 1):
            inner = words[i] + " " + words[i + 1]
            if inner in lemmas:
                before, after = " ".join(words[:i]), " ".join(words[i + 2:])
                if before + "\0" + after in frames:
                    found.append((inner, before, after))
    return found


def _single_word_alternatives(lemma: str) -> tuple[str, ...]:
    """The single-word lemmas that share a synset with ``lemma`` (other than
    itself, in any case), each once, in the order of
    :meth:`Synsets.alternatives` (a word met again puts back the same lemma,
    which changes nothing).

    >>> "will" in _single_word_alternatives("volition")
    True
    """
    found: dict[str, None] = {}
    for group in load_synsets().alternatives(lemma):
        for other in group:
            if " " not in other:
                found[other] = None
    return tuple(found)


_SINGLE_WORD_ALTERNATIVES = Memo(_single_word_alternatives, 100_000)


@lru_cache(maxsize=1)
def _lemmas_and_frames(wordnet: Synsets) -> tuple[KeysView[str], set[str]]:
    """The lemmas and frames of ``wordnet`` (see :class:`restore.wordnet.Synsets`),
    looked up once rather than once per phrase."""
    return wordnet.lemmas, wordnet.frames


def phrase_logprob(phrase: str) -> float:
    """The language model's log probability of ``phrase`` as a whole, out of
    context (numerals read as number words: "40" as "forty")."""
    return get_language_model().sequence_logprob(lm_words(phrase))
