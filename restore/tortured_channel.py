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
from itertools import product
from typing import Iterable, Sequence

import regex

from .candidates import Candidate, transfer_case
from .scoring import TORTURED_FAMILY, ordinary_english
from .tables import Row
from .tokens import is_sentence_start

MIN_WORDS, MAX_WORDS = 2, 5
MAX_READINGS = 256  # combinations of put-back words tried per run of words
BASE_PRIOR = 0.7  # a run that spells a known term (0.6-0.8 tried: see README "Accuracy")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")


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

    def __len__(self) -> int:
        return len(self.word_channel)

    def find(self, text: str, windows: Sequence[tuple[int, int]] | None = None) -> list[Candidate]:
        """Candidates in ``text`` (or in ``windows`` of it) for runs of words
        that spell a known term through the word channel."""
        found: list[Candidate] = []
        for low, high in windows or [(0, len(text))]:
            words = list(_WORD.finditer(text, low, high))
            lowered = [m.group().lower() for m in words]
            for index in range(len(words)):
                for size in range(MIN_WORDS, MAX_WORDS + 1):
                    if index + size > len(words):
                        break
                    if text[words[index + size - 2].end():words[index + size - 1].start()] != " ":
                        break  # one phrase: words apart by single spaces only
                    candidate = self._reading(text, words[index:index + size],
                                              lowered[index:index + size])
                    if candidate is not None:
                        found.append(candidate)
        return _outermost(found)

    def _reading(self, text: str, matches: Sequence[regex.Match[str]],
                 words: list[str]) -> Candidate | None:
        """The likeliest known term the run ``words`` spells, as a candidate."""
        phrase = " ".join(words)
        if phrase in self.terms or phrase in self.listed:
            return None
        options: list[tuple[tuple[str, float], ...]] = []
        readings = 1
        for word in words:
            choices = tuple((o, share) for o, share in self.word_channel.get(word, ())
                            if o in self.term_words)
            if word in self.term_words:
                choices = ((word, 1.0),) + choices
            if not choices:
                return None
            options.append(choices)
            readings *= len(choices)
            if readings > MAX_READINGS:
                return None
        best: tuple[float, list[str]] | None = None
        for combination in product(*options):
            reading = [o for o, _ in combination]
            if reading == words or " ".join(reading) not in self.terms:
                continue
            share = 1.0
            for (o, s), word in zip(combination, words):
                if o != word:
                    share *= s
            if best is None or share > best[0]:
                best = (share, reading)
        if best is None or ordinary_english(phrase):  # "two years" is English as written
            return None
        share, reading = best
        changed = [i for i, (o, w) in enumerate(zip(reading, words)) if o != w]
        if any(" ".join(words[i:j]) in self.listed
               for i in range(changed[0] + 1) for j in range(changed[-1] + 1, len(words) + 1)):
            return None  # a table row with a word or two around it: the row says it
        start, end = matches[0].start(), matches[-1].end()
        spun, original = text[start:end], " ".join(reading)
        row = Row(phrase, original, round(BASE_PRIOR * share ** 0.5, 4), TORTURED_FAMILY,
                  "channel", f"tortured_channel:{phrase}")
        return Candidate(start, end, spun, transfer_case(spun, phrase, original), row,
                         "tortured channel", True, is_sentence_start(text, start))


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

