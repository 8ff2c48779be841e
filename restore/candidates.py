"""Stage 2: find every place where a table phrase occurs in the text.

The scan runs in C: all table phrases (and their variants) go into one
Aho-Corasick automaton (``pyahocorasick``) that is run over a normalised copy
of the text of exactly the same length (lowercased, curly apostrophes
straightened, whitespace and punctuation mapped to a space). Keys are padded
with spaces, so a key only matches whole words. Python only touches the hits.

Variants of a table phrase that also match:

* case: "Inward" at a sentence start matches "inward" (and is restored as "In");
* hyphen/space: the row "well-nigh" also matches "well nigh" and "wellnigh";
* apostrophes: "People’s" matches "People's";
* simple plural of a multiword phrase outside the WordNet family
  ("counterfeit consciousnesses" -> "artificial intelligences").

>>> matcher = PhraseMatcher([Row("past times", "by", 0.9, "wordnet_spinner", "", "t:1")])
>>> [(c.start, c.end, c.spun, c.original) for c in matcher.find("Made past times hand.")]
[(5, 15, 'past times', 'by')]
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, fields
from typing import Callable, Iterable, Sequence

import ahocorasick

from .cache import packed, unpacked
from .spans import IntervalSet, around, widen_to_whitespace
from .tables import Row, RowColumns
from .roman import is_capitalised_numeral
from .tokens import is_bare_span, is_sentence_start

WORDNET_FAMILY = "wordnet_spinner"
OPTIONS_CACHE_SIZE = 200_000  # (key, text as written) pairs whose restorations are kept

_APOSTROPHES = "’‘ʼ`´"
_KEEP = set("'-") | set(_APOSTROPHES)


def _build_translation() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x3000):
        char = chr(code)
        if char in _APOSTROPHES:
            table[code] = "'"
        elif char in _KEEP:
            continue
        elif char.isspace() or (not char.isalnum() and not char.isalpha()
                                and char.isprintable() and not _is_mark(char)):
            table[code] = " "
    for char in "\u200b\u2060\ufeff":
        table[ord(char)] = " "
    return table


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


_TRANSLATION = _build_translation()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _latin1_table() -> bytes:
    """:func:`normalise` of each Latin-1 character (lowercased, then
    translated), as a ``bytes.translate`` table: all stay in Latin-1."""
    table = bytearray(256)
    for code in range(256):
        lowered = chr(code).lower()
        table[code] = ord(_TRANSLATION.get(ord(lowered), lowered))
    return bytes(table)


_LATIN1 = _latin1_table()


def _latin1_or_nul(error: UnicodeEncodeError) -> tuple[str, int]:
    """How :func:`normalise` encodes the characters outside Latin-1 (the
    encoder hands each run of them over at once): a run of the punctuation most
    texts hold (curly quotes, dashes) as normalise makes it, so that the rest
    of the work stays in C; any other run as NULs, which a text holding none
    shows where they were."""
    run = error.object[error.start:error.end]
    normal = run.translate(_WIDE_PUNCTUATION)
    return (normal if normal.isascii() else "\0" * len(run)), error.end


codecs.register_error("restore.candidates.latin1", _latin1_or_nul)


def normalise(text: str) -> str:
    """Same-length, lowercased copy of ``text`` with punctuation as spaces.

    >>> normalise("Inward,  People’s well-nigh!")
    "inward   people's well-nigh "
    >>> normalise('Café «Ünal» — ‘ok’')
    "café  ünal    'ok'"
    """
    if text.isascii():
        return text.lower().translate(_TRANSLATION)
    # Latin-1 text is translated as bytes, in C, and so are the curly quotes and
    # dashes of most texts (see _latin1_or_nul); the rest a run at a time
    normal = text.encode("latin-1", "restore.candidates.latin1").translate(_LATIN1) \
        .decode("latin-1")
    start = normal.find("\0")
    if start < 0:  # (then the text holds no NUL, and no capital sigma either)
        return normal
    if "\0" in text or "Σ" in text:  # (a capital sigma lowercases by its neighbours)
        return _normalise_slowly(text)
    pieces = []
    done = 0
    while start >= 0:
        end = start + 1
        while normal[end:end + 1] == "\0":
            end += 1
        pieces.append(normal[done:start])
        pieces.append(_normalise_slowly(text[start:end]))
        done = end
        start = normal.find("\0", end)
    pieces.append(normal[done:])
    return "".join(pieces)


def _normalise_slowly(text: str) -> str:
    """:func:`normalise` of any text, with ``str`` methods alone."""
    lowered = text.lower()
    if len(lowered) != len(text):  # e.g. "İ" lowercases to two characters
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if lowered.isascii():
        return lowered.translate(_TRANSLATION)
    # str.translate is fast on ASCII-only strings and slow on any other: translate
    # the ASCII stretches and the rest (curly quotes, accents) apart
    pieces = []
    done = 0
    for run in _NON_ASCII.finditer(lowered):
        pieces.append(lowered[done:run.start()].translate(_TRANSLATION))
        pieces.append(run.group().translate(_TRANSLATION))
        done = run.end()
    pieces.append(lowered[done:].translate(_TRANSLATION))
    return "".join(pieces)


# the punctuation outside Latin-1 that most texts hold, as normalise makes it
_WIDE_PUNCTUATION = {ord(char): _normalise_slowly(char) for char in "’‘“”„–—…•"}


def _key(phrase: str) -> str:
    return normalise(" ".join(phrase.split()))


def pluralise(word: str) -> str:
    """A simple English plural, enough for table phrases.

    >>> [pluralise(w) for w in ["network", "box", "study", "day", "process"]]
    ['networks', 'boxes', 'studies', 'days', 'processes']
    """
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


@dataclass(frozen=True, slots=True, init=False)
class Candidate:
    """A table phrase found in the text: ``text[start:end] == spun``.

    >>> from dataclasses import replace
    >>> c = Candidate(5, 15, "past times", "by", Row("past times", "by", 0.9, "f", "", "t"),
    ...               "exact", bare=True, sentence_start=False)
    >>> c.spun, c.original, c.bare, c == replace(c, bare=True), c == replace(c, bare=False)
    ('past times', 'by', True, True, False)
    """

    start: int
    end: int
    spun: str
    original: str
    row: Row
    variant: str
    bare: bool
    sentence_start: bool

    def __init__(self, start: int, end: int, spun: str, original: str, row: Row,
                 variant: str, bare: bool, sentence_start: bool):
        # as the frozen dataclass's own __init__, but through the slots' setters
        # (object.__setattr__ looks each one up by name): clean text makes tens
        # of thousands of candidates a megabyte, and this halves what each costs
        _SET_START(self, start)
        _SET_END(self, end)
        _SET_SPUN(self, spun)
        _SET_ORIGINAL(self, original)
        _SET_ROW(self, row)
        _SET_VARIANT(self, variant)
        _SET_BARE(self, bare)
        _SET_SENTENCE_START(self, sentence_start)

    @property
    def rule(self) -> str:
        suffix = "" if self.variant == "exact" else f" ({self.variant})"
        return f"{self.row.family}:{self.row.spun}->{self.row.original} [{self.row.rule}]{suffix}"


# the setters of Candidate's slots, one per field in order (should a field be added
# or taken away, unpacking them fails on import)
_SET_START, _SET_END, _SET_SPUN, _SET_ORIGINAL, _SET_ROW, _SET_VARIANT, _SET_BARE, \
    _SET_SENTENCE_START = (getattr(Candidate, f.name).__set__ for f in fields(Candidate))


def transfer_case(found: str, table_spun: str, original: str) -> str:
    """Give ``original`` the capitalisation the spun text has in the input.

    >>> transfer_case("Inward", "inward", "in")
    'In'
    >>> transfer_case("PAST TIMES", "past times", "by")
    'BY'
    >>> transfer_case("Dec", "Dec", "December")
    'December'

    WordNet capitalises some lemmas ("New", "As", "Base"), but the spinner
    looks words up without case: a lowercase spun form stood for a lowercase
    word ("modern" was "new", "arsenic" was "as").

    >>> transfer_case("modern", "modern", "New"), transfer_case("nasa", "nasa", "NASA")
    ('new', 'NASA')

    (A word WordNet only knows with a capital, "Thursday", gets it back once
    chosen: see :func:`proper_case`.)

    A Roman numeral in capitals is WordNet's spelling, not the author's:

    >>> transfer_case("II", "ii", "two")
    'two'
    """
    if found.islower() and table_spun.islower():
        # the common case, decided without looking at letters
        if original[:1].isupper() and original[1:].islower() and " " not in original:
            return original[0].lower() + original[1:]
        return original
    if is_capitalised_numeral(found):
        return original  # "XIX" was "19", "II" was "two"
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not any(
        c.isupper() for c in table_spun[1:]
    ):
        return original.upper()
    if any(c.isupper() for c in table_spun):
        return original
    if found[:1].isupper() and original[:1].islower():
        return original[0].upper() + original[1:]
    return original


def proper_case(original: str) -> str:
    """A lowercase restoration as WordNet writes it when WordNet only knows it
    with capitals: the tortured-phrase list is lowercase ("joined states" ->
    "united states"), the author wrote "United States". Applied to the
    restorations chosen, so the synsets are loaded only when one is.

    >>> proper_case("united states"), proper_case("United states"), proper_case("Will")
    ('United States', 'United States', 'Will')
    >>> proper_case("deep learning"), proper_case("NASA"), proper_case("UNITED STATES")
    ('deep learning', 'NASA', 'UNITED STATES')
    """
    lowered = original.lower()
    if original != lowered and original != lowered[:1].upper() + lowered[1:]:
        return original  # capitals of its own ("NASA", "UNITED STATES")
    from .wordnet import load_synsets

    proper = load_synsets().proper_case(lowered)
    return original if proper == lowered else proper


def _case_compatible(found: str, table_spun: str) -> bool:
    """A table spelling with capitals ("Dec", "High German") must match exactly
    (or in all capitals); a lowercase one matches any capitalisation."""
    if table_spun.islower() or not any(c.isupper() for c in table_spun):
        return True
    return found.replace("’", "'") == table_spun or found == table_spun.upper()


class PhraseMatcher:
    """All table rows compiled into one automaton.

    ``find(text)`` returns every candidate (overlapping ones included),
    sorted by position; the decision stage picks among them.
    """

    def __init__(self, rows: Sequence[Row], compiled: CompiledPhrases | None = None):
        """``compiled``: what :meth:`compile` returns for ``rows`` (e.g. read
        from the cache), to skip compiling them again."""
        self.rows = rows if isinstance(rows, RowColumns) else list(rows)
        if compiled is None:
            compiled = self.compile(self.rows)
        keys, bounds, row_index, self._originals, self._variant_names, \
            self._punctuation, state = compiled
        self._bounds, self._row_index = unpacked(bounds), unpacked(row_index)
        self._lengths = [len(key) - 2 for key in keys]
        self._multiword = frozenset(k for k, key in enumerate(keys) if " " in key[1:-1])
        self._options: dict[tuple[int, str], tuple[tuple[Row, str, str], ...]] = {}
        self.size = len(keys)
        self._automaton = _automaton_from_state(state, self.size) or _automaton_of(keys)

    @classmethod
    def compile(cls, rows: Sequence[Row], with_automaton: bool = False) -> CompiledPhrases:
        """The automaton's keys and what each stands for, as plain data in a
        few flat lists: the padded keys; for key ``k``, positions
        ``bounds[k]:bounds[k + 1]`` of the row indices, originals and variant
        names (bounds and row indices :func:`~restore.cache.packed`); the
        punctuation a key's phrase has of its own, by key; and, ``with_automaton``,
        the automaton's own state (which loads faster than the automaton
        builds, but only into the same pyahocorasick)."""
        entries: dict[str, list[tuple[int, str, str]]] = {}
        punctuation: dict[str, dict[int, str]] = {}
        index_of = {id(row): index for index, row in enumerate(rows)}
        for row, key, original, variant, raw in cls._variants(rows):
            entries.setdefault(f" {key} ", []).append((index_of[id(row)], original, variant))
            # where the phrase itself has punctuation ("age, sex, chest pain"),
            # the text must have the same; elsewhere a space must be whitespace
            if raw != key and len(raw) == len(key) and f" {key} " not in punctuation:
                punctuation[f" {key} "] = {i: ch for i, ch in enumerate(raw)
                                           if key[i] == " " and not ch.isspace()}
        keys: list[str] = []
        bounds = [0]
        row_index: list[int] = []
        originals: list[str] = []
        variants: list[str] = []
        own_punctuation: dict[int, dict[int, str]] = {}
        for padded, values in entries.items():
            if not padded.strip():
                continue
            if padded in punctuation:
                own_punctuation[len(keys)] = punctuation[padded]
            keys.append(padded)
            for index, original, variant in values:
                row_index.append(index)
                originals.append(original)
                variants.append(variant)
            bounds.append(len(row_index))
        state = _automaton_of(keys, ordered=True).__reduce__()[1] if with_automaton else None
        return keys, packed(bounds), packed(row_index), originals, variants, own_punctuation, state

    @staticmethod
    def _variants(rows: Iterable[Row]) -> Iterable[tuple[Row, str, str, str, str]]:
        """(row, key, original, variant name, the key before punctuation became spaces)."""
        for row in rows:
            key = _key(row.spun)
            raw = _raw_key(row.spun)
            yield row, key, row.original, "exact", raw
            if "-" in key:
                yield row, key.replace("-", " "), row.original, "hyphen as space", \
                    raw.replace("-", " ")
                yield row, key.replace("-", ""), row.original, "closed compound", \
                    raw.replace("-", "")
            words = key.split()
            original_words = row.original.split()
            if (
                row.family != WORDNET_FAMILY
                and len(words) > 1
                and words[-1].isalpha()
                and len(words[-1]) > 2
                and original_words[-1].isalpha()
                and not words[-1].endswith("s")
                and not original_words[-1].endswith("s")
            ):
                plural_key = key[:len(key) - len(words[-1])] + pluralise(words[-1])
                plural_original = " ".join(original_words[:-1] + [pluralise(original_words[-1])])
                yield row, plural_key, plural_original, "plural", \
                    raw[:len(key) - len(words[-1])] + pluralise(words[-1])

    def find(self, text: str, start: int = 0, end: int | None = None,
             keep: Callable[[int, int], bool] | None = None) -> list[Candidate]:
        """Every table phrase in ``text[start:end]`` with its offsets in ``text``
        (only those whose offsets ``keep`` accepts, when given).

        A window is widened to whitespace so no word is cut; flags such as
        "bare" are always read from the whole text.
        """
        if not self.size or not text:
            return []
        start, end = widen_to_whitespace(text, start, len(text) if end is None else end)
        haystack = f" {normalise(text[start:end])} "
        found: list[Candidate] = []
        lengths, options_of = self._lengths, self._options
        # the hits come by where they end; while each starts after the one before, and
        # each hit's options come likeliest first, ``found`` is in position order as it is
        ordered, previous = True, -1
        # (all hits first: the automaton walks its trie uninterrupted, its nodes kept in
        # the processor's caches; a tenth of the time of this method on clean prose)
        for last, number in list(self._automaton.iter(haystack)):
            length = lengths[number]
            local = last - length - 1  # the key sits at haystack[local + 1 : local + 1 + length]
            begin, finish = start + local, start + local + length
            if keep is not None and not keep(begin, finish):
                continue
            spun = text[begin:finish]
            options = options_of.get((number, spun))
            if options is None:
                options = self._options_for(number, spun)
            if options:
                if begin <= previous:
                    ordered = False
                previous = begin
                bare = is_bare_span(text, begin, finish)
                opening = is_sentence_start(text, begin)
                for row, restored, variant in options:
                    found.append(Candidate(begin, finish, spun, restored, row, variant, bare,
                                           opening))
        if not ordered:
            found.sort(key=position_order)
        return found

    def find_near(self, text: str, spans: Sequence[tuple[int, int]],
                  margin: int = 80) -> list[Candidate]:
        """Candidates that overlap one of ``spans`` (disjoint), scanning only around them."""
        written = IntervalSet.of(spans)
        found: dict[tuple[int, int, str, str], Candidate] = {}
        for low, high in around(spans, margin, len(text)):
            for c in self.find(text, low, high, written.overlaps):
                found.setdefault((c.start, c.end, c.original, c.row.rule), c)
        out = list(found.values())
        out.sort(key=lambda c: (c.start, -c.end, -c.row.prior))
        return out

    def _options_for(self, number: int, spun: str) -> tuple[tuple[Row, str, str], ...]:
        """(row, restoration in the case of ``spun``, variant name) for each
        row of key ``number`` that ``spun``, as written, may be restored by:
        none if its words are not separated as the key's phrase wants (see
        :func:`_separators_match`; which depends on ``spun`` alone)."""
        if number in self._multiword and not _separators_match(
                spun, f" {normalise(spun)} ", 1, self._punctuation.get(number, _NONE)):
            return self._keep_options(number, spun, ())
        rows, row_index = self.rows, self._row_index
        originals, variants = self._originals, self._variant_names
        out = []
        for value in range(self._bounds[number], self._bounds[number + 1]):
            row, original, variant = rows[row_index[value]], originals[value], variants[value]
            if not _case_compatible(spun, row.spun):
                continue
            restored = transfer_case(spun, row.spun, original)
            if restored != spun:
                out.append((row, restored, variant))
        out.sort(key=lambda option: -option[0].prior)  # (stable: as position_order sorts them)
        return self._keep_options(number, spun, tuple(out))

    def _keep_options(self, number: int, spun: str, options: tuple[tuple[Row, str, str], ...]
                      ) -> tuple[tuple[Row, str, str], ...]:
        """``options`` of key ``number`` written as ``spun``, kept for the next hit."""
        if len(self._options) >= OPTIONS_CACHE_SIZE:
            self._options.clear()
        self._options[(number, spun)] = options
        return options


def position_order(c: Candidate) -> tuple[int, int, float]:
    """The order candidates are handed on in: by start, the longer span
    first, and on one span the likelier row first.

    >>> row = Row("x", "y", 0.5, "f", "", "t")
    >>> [position_order(Candidate(s, e, "x", "y", row, "exact", True, False)) for s, e in ((3, 5), (3, 9))]
    [(3, -5, -0.5), (3, -9, -0.5)]
    """
    return c.start, -c.end, -c.row.prior


def _automaton_of(keys: Sequence[str], ordered: bool = False) -> ahocorasick.Automaton:
    """An automaton that maps each key to its position in ``keys``.

    ``ordered``: the keys go in in :func:`frequency_order`. A node of the trie
    keeps its children in the order they were added and the scan tries them
    one by one, so the letters English text has most often are then found
    first: a few percent of the scan of clean prose (the hits are the same
    whatever the order), for a sort of the keys when the automaton is built
    (0.15 s for the shipped tables' strong forms, worth it for the automaton
    the cache keeps).
    """
    automaton = ahocorasick.Automaton()
    numbers = range(len(keys))
    if ordered:
        numbers = sorted(numbers, key=lambda number: frequency_order(keys[number]))
    for number in numbers:
        automaton.add_word(keys[number], number)
    if keys:
        automaton.make_automaton()
    return automaton


# letters by how often English text has them, where a word starts and elsewhere
_FIRST_LETTERS = str.maketrans({letter: chr(rank) for rank, letter in enumerate(
    "taoswcbiphfmdrelnguvykjqxz0123456789'-", 1)})
_LETTERS = str.maketrans({letter: chr(rank) for rank, letter in enumerate(
    "etaoinshrdlcumwfgypbvkjxqz0123456789'-", 1)})


def frequency_order(key: str) -> str:
    """A sort key for a padded key: in its order, the space, then the letters
    English text has most often, come first (the first letter of a word ranked
    as first letters are); other characters after them.

    >>> sorted([" in ", " at ", " ax ", " é ", " ie "], key=frequency_order)
    [' at ', ' ax ', ' ie ', ' in ', ' é ']
    """
    return "\0".join(word[:1].translate(_FIRST_LETTERS) + word[1:].translate(_LETTERS)
                     for word in key.split(" "))


def _automaton_from_state(state: tuple | None, size: int) -> ahocorasick.Automaton | None:
    """The automaton pickled as ``state`` (what ``Automaton.__reduce__`` gives),
    or None when there is none or it does not load."""
    if not state or not size:
        return None
    try:
        automaton = ahocorasick.Automaton(*state)
    except (TypeError, ValueError, MemoryError):
        return None
    return automaton if len(automaton) == size else None


def _separators_match(spun: str, haystack: str, offset: int,
                      punctuation: dict[int, str]) -> bool:
    """Inside a phrase, only real whitespace may separate words ("urban.center"
    normalises to "urban center" but is not that phrase), except where the
    phrase has punctuation of its own, which the text must repeat."""
    end = offset + len(spun)
    at = haystack.find(" ", offset, end)  # (the separators, found in C)
    while at >= 0:
        index = at - offset
        expected = punctuation.get(index)
        if expected is None:
            if not spun[index].isspace():
                return False
        elif spun[index].replace("’", "'") != expected:
            return False
        at = haystack.find(" ", at + 1, end)
    return True


def _raw_key(phrase: str) -> str:
    """The phrase as matched, lowercased, before punctuation becomes spaces
    (same length as its key)."""
    phrase = " ".join(phrase.split())
    lowered = phrase.lower()
    if len(lowered) != len(phrase):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in phrase)
    return lowered.translate(_STRAIGHTEN)


_STRAIGHTEN = str.maketrans({c: "'" for c in _APOSTROPHES})
_NONE: dict[int, str] = {}  # no punctuation of its own (shared, never modified)
# keys, bounds, row indices (both packed), originals, variant names, punctuation,
# automaton state (see PhraseMatcher.compile)
CompiledPhrases = tuple[list[str], bytes, bytes, list[str], list[str],
                        dict[int, dict[int, str]], "tuple | None"]
# per tier, strong then weak: its rows as columns and its compiled phrases
CompiledTiers = tuple[list[list], CompiledPhrases, list[list], CompiledPhrases]


class TieredMatcher:
    """Two automatons: *strong* forms, which are evidence that a text is spun,
    and *weak* ones (everyday words such as "big" or "run"), which only matter
    where the strong ones show a spun stretch. Clean prose is scanned for the
    strong forms alone.

    >>> rows = [Row("volition", "will", 0.98, WORDNET_FAMILY, "", "t:1"),
    ...         Row("big", "large", 0.05, WORDNET_FAMILY, "", "t:2")]
    >>> tiers = TieredMatcher(rows, lambda row: row.prior > 0.5)
    >>> [c.spun for c in tiers.strong.find("a big volition")], len(tiers.find("a big volition"))
    (['volition'], 2)
    """

    def __init__(self, rows: Sequence[Row], is_strong):
        strong = [is_strong(r) for r in rows]
        self.strong = PhraseMatcher([r for r, s in zip(rows, strong) if s])
        self._weak_rows: Sequence[Row] | None = [r for r, s in zip(rows, strong) if not s]
        self._weak_compiled: CompiledPhrases | None = None
        self._weak: PhraseMatcher | None = None

    @classmethod
    def compile(cls, rows: Sequence[Row], is_strong) -> CompiledTiers:
        """Plain data (e.g. for the cache) from which :meth:`from_compiled`
        makes the same matcher as ``TieredMatcher(rows, is_strong)``."""
        flags = [bool(is_strong(r)) for r in rows]
        strong = [r for r, s in zip(rows, flags) if s]
        weak = [r for r, s in zip(rows, flags) if not s]
        return (RowColumns.columns_of(strong), PhraseMatcher.compile(strong, True),
                RowColumns.columns_of(weak), PhraseMatcher.compile(weak, True))

    @classmethod
    def from_compiled(cls, compiled: CompiledTiers) -> "TieredMatcher":
        """The matcher :meth:`compile` describes; rows become :class:`Row`
        objects only when a text matches them."""
        strong_columns, strong_phrases, weak_columns, weak_phrases = compiled
        made = cls.__new__(cls)
        made.strong = PhraseMatcher(RowColumns(strong_columns), strong_phrases)
        made._weak_rows = RowColumns(weak_columns)
        made._weak_compiled = weak_phrases
        made._weak = None
        return made

    @property
    def weak(self) -> PhraseMatcher:
        """Built on first use: clean prose never needs it."""
        if self._weak is None:
            self._weak = PhraseMatcher(self._weak_rows or [], self._weak_compiled)
            self._weak_rows = self._weak_compiled = None
        return self._weak

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Candidate]:
        found = self.strong.find(text, start, end) + self.weak.find(text, start, end)
        found.sort(key=lambda c: (c.start, -c.end, -c.row.prior))
        return found

    def find_near(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Candidate]:
        found = self.strong.find_near(text, spans) + self.weak.find_near(text, spans)
        found.sort(key=lambda c: (c.start, -c.end, -c.row.prior))
        return found
