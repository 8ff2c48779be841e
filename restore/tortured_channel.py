"""Stage 2c: the tortured-phrase channel, for tortured phrases no table lists.

The tortured-phrase spinner swaps the words of a scientific term one by one
for thesaurus synonyms ("artificial intelligence" -> "counterfeit
consciousness"), and it swaps the same words the same way in other terms
("counterfeit neural network"). So the phrase table teaches two things beyond
its own rows:

* a word channel: which term word each tortured word stands for, learned by
  aligning the rows whose two sides have as many words ("counterfeit" ->
  "artificial", "consciousness" -> "intelligence");
* a term lexicon: the correct sides, the terms such papers are written about.

A run of 2-5 words whose words, put back through the word channel,
spell a known term the run itself is not, becomes a candidate. The rows it
carries are marked ``channel``: like the WordNet channel's, they say what a
doctored phrase was, never whether a text is doctored, and the engine only
looks for them in a text whose table phrases already show it was doctored.

>>> from restore.tables import Row
>>> rows = [Row("counterfeit consciousness", "artificial intelligence", 0.97,
...             "tortured_phrases", "pps", "t:1"),
...         Row("profound neural organization", "deep neural network", 0.97,
...             "tortured_phrases", "pps", "t:2"),
...         Row("counterfeit neural network", "artificial neural network", 0.97,
...             "tortured_phrases", "pps", "t:3")]
>>> channel = TorturedChannel(rows)
>>> [(c.spun, c.original) for c in channel.find("We train a profound neural network here.")]
[('profound neural network', 'deep neural network')]
>>> channel.find("A counterfeit neural network, as listed.")  # its own row: not the channel's
[]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Sequence

import regex

from .candidates import Candidate, transfer_case
from .memo import Memo
from .scoring import TORTURED_FAMILY, ordinary_english
from .tables import Row
from .tokens import WORD_PATTERN, is_sentence_start

MIN_WORDS, MAX_WORDS = 2, 5
MAX_READINGS = 256  # partial readings of a run kept at once
# a run that spells a known term: about 3 in 4 such readings are right whatever
# the shares of the swaps they take (see README "Accuracy"), so one prior for all
CHANNEL_PRIOR = 0.8
_WORD = regex.compile(WORD_PATTERN)


class TorturedChannel:
    """Word channel and term lexicon learned from tortured-phrase rows."""

    def __init__(self, rows: Iterable[Row]):
        pairs: dict[str, Counter[str]] = defaultdict(Counter)
        terms: set[str] = set()
        listed: set[str] = set()
        for row in rows:
            if row.family != TORTURED_FAMILY:
                continue
            spun, original = row.spun.lower().split(), row.original.lower().split()
            listed.add(" ".join(spun))
            if len(original) >= MIN_WORDS:
                terms.add(" ".join(original))
            if len(spun) == len(original):
                for a, b in zip(spun, original):
                    if a != b:
                        pairs[a][b] += 1
        self.word_channel: dict[str, tuple[tuple[str, float], ...]] = {
            spun: tuple((original, count / sum(counts.values()))
                        for original, count in counts.most_common())
            for spun, counts in pairs.items()}
        self.terms = terms
        self.listed = listed  # tortured phrases the table holds: not this channel's
        self.term_words = {w for term in terms for w in term.split()}
        self.prefixes = {" ".join(term.split()[:k]) for term in terms
                         for k in range(1, term.count(" ") + 2)}
        # word -> what it may stand for (see _word_options)
        self._options_memo: Memo[str, tuple[tuple[str, float], ...] | None] = Memo(
            self._word_options, 200_000)
        self._rows: dict[str, Row | None] = {}  # run of words -> its row (see _reading)

    def find(self, text: str, windows: Sequence[tuple[int, int]] | None = None) -> list[Candidate]:
        """Candidates in ``text`` (or in ``windows`` of it) for runs of words
        that spell a known term through the word channel."""
        found: list[Candidate] = []
        for low, high in windows or [(0, len(text))]:
            words = list(_WORD.finditer(text, low, high))
            lowered = [m.group().lower() for m in words]
            options = list(map(self._options_memo.__getitem__, lowered))
            for index in range(len(words)):
                if options[index] is None:
                    continue
                swapped = len(options[index]) > 1 or options[index][0][0] != lowered[index]
                for size in range(MIN_WORDS, MAX_WORDS + 1):
                    last = index + size - 1
                    if last >= len(words) or options[last] is None:
                        break
                    if text[words[last - 1].end():words[last].start()] != " ":
                        break  # one phrase: words apart by single spaces only
                    swapped = swapped or len(options[last]) > 1 or options[last][0][0] != lowered[last]
                    if not swapped:
                        continue  # every word a term word as written: nothing to read
                    candidate = self._reading(text, words[index:last + 1],
                                              lowered[index:last + 1], options[index:last + 1])
                    if candidate is not None:
                        found.append(candidate)
        return _outermost(found)

    def _spellings(self, words: list[str], options: Sequence[tuple[tuple[str, float], ...]]
                   ) -> list[tuple[float, list[str]]]:
        """Every known term the words spell, other than themselves, with the
        product of the shares of the swaps it takes (grown word by word, pruned by
        term prefixes; at most MAX_READINGS partial readings)."""
        partial: list[tuple[str, float, list[str]]] = [("", 1.0, [])]
        for position, choices in enumerate(options):
            grown = []
            for prefix, share, reading in partial:
                for original, weight in choices:
                    key = f"{prefix} {original}" if prefix else original
                    if key not in self.prefixes:
                        continue
                    swapped = share * (weight if original != words[position] else 1.0)
                    grown.append((key, swapped, reading + [original]))
            if len(grown) > MAX_READINGS:
                return []
            partial = grown
            if not partial:
                return []
        return [(share, reading) for key, share, reading in partial
                if key in self.terms and reading != words]

    def _word_options(self, word: str) -> tuple[tuple[str, float], ...] | None:
        """What ``word`` may stand for in a term: itself if it is a term word,
        and the term words the table swaps it for; None if nothing."""
        choices = tuple((o, share) for o, share in self.word_channel.get(word, ())
                        if o in self.term_words)
        if word in self.term_words:
            choices = ((word, 1.0),) + choices
        return choices or None

    def _reading(self, text: str, matches: Sequence[regex.Match[str]],
                 words: list[str], options: Sequence[tuple[tuple[str, float], ...]]
                 ) -> Candidate | None:
        """The likeliest known term the run ``words`` spells, as a candidate
        (``options``: what each word may stand for, see :meth:`_word_options`)."""
        phrase = " ".join(words)
        row = self._rows.get(phrase, False)
        if row is False:
            row = self._row_for(phrase, words, options)
            if len(self._rows) > 200_000:
                self._rows.clear()
            self._rows[phrase] = row
        if row is None:
            return None
        start, end = matches[0].start(), matches[-1].end()
        spun = text[start:end]
        return Candidate(start, end, spun, transfer_case(spun, phrase, row.original), row,
                         "tortured channel", True, is_sentence_start(text, start))

    def _row_for(self, phrase: str, words: list[str],
                 options: Sequence[tuple[tuple[str, float], ...]]) -> Row | None:
        """The row for the likeliest known term the run ``words`` spells
        (it depends on the words alone: :meth:`_reading` keeps it by phrase)."""
        if phrase in self.terms or phrase in self.listed:
            return None
        best: tuple[float, list[str]] | None = None
        for share, reading in self._spellings(words, options):
            if best is None or share > best[0]:
                best = (share, reading)
        if best is None or ordinary_english(phrase):  # "two years" is English as written
            return None
        reading = best[1]  # the likeliest reading; its prior does not depend on the shares
        changed = [i for i, (o, w) in enumerate(zip(reading, words)) if o != w]
        if any(" ".join(words[i:j]) in self.listed
               for i in range(changed[0] + 1) for j in range(changed[-1] + 1, len(words) + 1)):
            return None  # a table row with a word or two around it: the row says it
        return Row(phrase, " ".join(reading), CHANNEL_PRIOR,
                   TORTURED_FAMILY, "channel", f"tortured_channel:{phrase}")


def _outermost(found: list[Candidate]) -> list[Candidate]:
    """Drop readings inside a longer one: "administered learning calculations"
    is one term, not "administered learning" and a stray word."""
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    reach = -1
    for c in found:
        if c.end <= reach:
            continue
        kept.append(c)
        reach = c.end
    return kept

