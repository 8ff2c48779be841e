"""The language model: trigram log-probabilities of English word sequences.

We use the 72.5k-word trigram model that ships inside the ``pocketsphinx``
wheel (``model/en-us/en-us.lm.bin``, BSD-2 licence, CMU). It is memory-mapped
in about 30 ms and answers a ``prob`` call in about half a microsecond. See
README "Choosing the language model" for the comparison with the bigram
counts of symspellpy.

Words are lowercased. A word the model does not know gets a fixed log
probability both in context and as a unigram, so it cancels out of the
contextual lift that the decoder uses instead of counting as evidence.

>>> lm = get_language_model()
>>> lm.logprob("be", "will", "it") > lm.logprob("survive", "will", "it")
True
>>> lm.knows("volition"), lm.knows("qzxv")
(True, False)
"""

from __future__ import annotations

import math
import os
from functools import lru_cache
from typing import Iterable

import regex

from .numbers import DECADE_OF_NUMBER, ORDINAL_OF_NUMBER, WORD_OF_NUMBER

OOV_LOGPROB = -11.0  # natural log; about a word in 60,000
_LOGMATH_BASE = 1.0001  # pocketsphinx reports log probabilities in this base
_TO_NATURAL = math.log(_LOGMATH_BASE)
_UNKNOWN = -536870912
CACHE_SIZE = 500_000  # answers kept per model (the cache starts afresh beyond)


class LanguageModel:
    """Thin, cached wrapper around pocketsphinx's ``NGramModel``."""

    def __init__(self, path: str | None = None):
        from pocketsphinx import NGramModel

        self.path = path or default_model_path()
        self._model = _quietly(lambda: NGramModel.readfile(self.path))
        self._cache: dict[tuple[str, ...], float] = {}
        self._known: dict[str, bool] = {}

    def __reduce__(self):
        return (get_language_model, ())

    def knows(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._model.prob([word]) != _UNKNOWN
            if len(self._known) > CACHE_SIZE:
                self._known.clear()
            self._known[word] = known
        return known

    def unigram(self, word: str) -> float:
        """Natural-log unigram probability (``OOV_LOGPROB`` when unknown)."""
        return self.logprob(word)

    def logprob(self, word: str, previous: str | None = None,
                before_previous: str | None = None) -> float:
        """Natural-log P(word | before_previous previous)."""
        key = (word, previous or "", before_previous or "")
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        return self._ask(key, word, previous, before_previous)

    def _ask(self, key: tuple[str, str, str], word: str, previous: str | None,
             before_previous: str | None) -> float:
        """:meth:`logprob` from the model, kept in the cache under ``key``."""
        raw = self._model.prob(self._query(word, previous, before_previous))
        value = OOV_LOGPROB if raw == _UNKNOWN else raw * _TO_NATURAL
        if len(self._cache) > CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = value
        return value

    def _query(self, word: str, previous: str | None,
               before_previous: str | None) -> list[str]:
        """What to ask the model: ``word`` and the known part of its history
        (the model backs off past an unknown word)."""
        first = previous if previous is not None else before_previous
        if first is None or not self.knows(first):
            return [word]
        if previous is None or before_previous is None:
            return [word, first]
        if not self.knows(before_previous):
            return [word, previous]
        return [word, previous, before_previous]

    def sequence_logprob(self, words: Iterable[str], previous: str | None = None,
                         before_previous: str | None = None) -> float:
        """Natural-log P of ``words`` in a row, after ``before_previous previous``
        (the sum of their :meth:`logprob`, in order)."""
        cache = self._cache
        total = 0.0
        for word in words:
            key = (word, previous or "", before_previous or "")
            value = cache.get(key)
            if value is None:
                value = self._ask(key, word, previous, before_previous)
            total += value
            before_previous, previous = previous, word
        return total


def _quietly(build):
    """pocketsphinx logs to stderr from C; silence it while loading."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        saved = os.dup(2)
    except OSError:
        return build()
    try:
        os.dup2(devnull, 2)
        return build()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def default_model_path() -> str:
    """The trigram model inside the installed ``pocketsphinx`` wheel."""
    import pocketsphinx

    return os.path.join(pocketsphinx.get_model_path(), "en-us", "en-us.lm.bin")


def model_fingerprint() -> bytes:
    """Identifies the default model for cache keys (what is derived from its
    probabilities must change when it does)."""
    from .cache import file_fingerprint

    return file_fingerprint(default_model_path())


@lru_cache(maxsize=1)
def get_language_model() -> LanguageModel:
    """The process-wide language model (loaded once)."""
    return LanguageModel()


LM_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*")


def lm_form(word: str) -> str:
    """How the language model sees a word: lowercased, straight apostrophes, and
    numerals as a number word (the model was trained on spoken forms, so "30"
    is unknown to it while "thirty" is not; both behave alike in a sentence).

    >>> [lm_form(w) for w in ("Volition", "People’s", "30", "7", "2025")]
    ['volition', "people's", 'thirty', 'seven', 'ten']

    Ordinals and decades too ("20th century" reads as "twentieth century"):

    >>> [lm_form(w) for w in ("20th", "1st", "3rd", "112th", "1990s", "60s")]
    ['twentieth', 'first', 'third', 'tenth', 'nineties', 'sixties']
    """
    if word.isascii():
        if word.isdigit():  # not "¹" or "٣", which int() refuses
            return WORD_OF_NUMBER.get(int(word), "ten") if len(word) < 4 else "ten"
        numeral = _NUMERAL_FORM.fullmatch(word) if word[:1].isdigit() else None
        if numeral is not None:
            digits, suffix = numeral.groups()
            if suffix.lower() == "s":  # a decade: "1990s", "60s"
                return DECADE_OF_NUMBER.get(int(digits[-2:]), "tens") if len(digits) > 1 else "tens"
            return ORDINAL_OF_NUMBER.get(int(digits), "tenth") if len(digits) < 4 else "tenth"
    return word.lower().replace("’", "'")


_NUMERAL_FORM = regex.compile(r"(\d+)(st|nd|rd|th|ST|ND|RD|TH|s)")


def lm_words(phrase: str) -> list[str]:
    """The language model's words of a phrase.

    >>> lm_words("Past times 30")
    ['past', 'times', 'thirty']
    """
    return [lm_form(m.group()) for m in LM_WORD.finditer(phrase)]
