"""A spinner simulator: make spun text *with gold edits* for testing and research.

>>> r = spin("There will be two new bus routes in the city by June .", seed=3, rate=0.5)
>>> r.original_text()
'There will be two new bus routes in the city by June .'
>>> all(r.text[e.start:e.end] == e.spun for e in r.edits)
True

Three families:

``wordnet`` (the main target; follows ``../shared/data/README.md``)
    Only *bare* tokens (whitespace or the text edge on both sides) are replaced, looked
    up as exact WordNet lemma strings (WordNet's case: lower-case lemmas, capitalised
    proper nouns; any part of speech, so modal "will" may become noun "volition").
    A lemma is picked from a random synset of the word that offers an alternative,
    then a random other lemma of that synset; with probability ``HOP2`` the pick hops
    once more (be -> live -> survive). Later passes re-spin the words *inside* an
    earlier multiword replacement (there -> at that place -> at that topographic
    point), at ``CHAIN_FACTOR`` times the pass-1 chance. "and" becomes "in addition
    to" or "as well as" from a fixed table, at
    ``AND_FACTOR`` times the rate of a WordNet word. Capitalised function words
    ("In", "As", "The") are left alone; inflected forms that are not lemmas ("has",
    "cities") are left alone because they are not lemma strings. The per-token
    probability is set per document so that about ``rate`` (default 0.18) of all
    words are changed.
``thesaurus``
    A plain word-level synonym spinner: about ``rate`` (default 0.10) of the words are
    replaced by a *common* single-word lemma of one of their synsets (wordfreq Zipf
    >= 3), one hop, no chains; looked up in lower case, punctuation may be attached,
    capitalisation is transferred ("Funding" -> "Financing"). A word that is no
    lemma with such synonyms but a regular inflection of one ("targets",
    "announced") gets a synonym of its lemma inflected the same way
    ("objectives", "declared"), as the spinners of the wild data do (about a
    quarter of their single-word swaps; :mod:`restore.inflection`).
``tortured``
    Occurrences of the correct side of the tortured-phrase table ("artificial
    intelligence") are replaced by a tortured side ("counterfeit consciousness"),
    each with probability ``rate`` (default 1.0). Rows whose correct side is a
    function word ("area unit" -> "are": WordNet-spinner artefacts in the list) are
    not used on prose. Ordinary prose holds few such
    phrases, so :func:`spin_phrases` builds a test set by inserting every phrase into
    template sentences.

Every :class:`GoldEdit` gives the span in the *spun* text (``start``, ``end``,
``spun``) and in the original (``orig_start``, ``orig_end``, ``original``). Chained
passes are merged into one edit whose original is the text before any pass.
Results are deterministic for a (text, family, seed, rate).

The WordNet data ship in ``wordlists/wordnet_synsets.tsv.gz`` (WordNet 3.0 licence);
they are loaded lazily, once per process.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from .inflection import analyses, inflect, synonyms_for_ending
from .tables import TableError, load_rows
from .wordnet import Synsets, load_synsets, synsets_path  # noqa: F401  (re-exported)
from .tokens import FUNCTION_WORDS, tokenize  # noqa: F401  (FUNCTION_WORDS re-exported)

FAMILIES = ("wordnet", "thesaurus", "tortured")
DEFAULT_RATES = {"wordnet": 0.18, "thesaurus": 0.10, "tortured": 1.0}
HOP2 = 0.2            # chance that a single-word pick hops once more
PASSES = 3            # pass 1 + two re-spin passes inside earlier replacements
CHAIN_FACTOR = 0.5    # re-spin chance of a word inside a replacement, relative to pass 1
AND_FACTOR = 0.12     # "and" rate relative to a WordNet word (cf. FIXED_AND_RATE in
                      # scripts/build_wordnet_spinner.py, calibrated on wild pages)
AND_TABLE = ("in addition to", "as well as")
THESAURUS_MIN_ZIPF = 3.0
HELDOUT_MODULUS = 5   # 1 in 5 tortured phrases is held out (see is_heldout)



@dataclass(frozen=True, slots=True)
class GoldEdit:
    """One spun span: ``spun_text[start:end] == spun`` replaced ``original``,
    which sat at ``original_text[orig_start:orig_end]``."""

    start: int
    end: int
    spun: str
    original: str
    orig_start: int
    orig_end: int
    kind: str = ""  # hop1, hop2, chain, and, thesaurus, thesaurus-inflected, tortured,
    #                 tortured-heldout

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "GoldEdit":
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


@dataclass(frozen=True, slots=True)
class SpinResult:
    """Spun ``text`` and the gold ``edits`` (sorted, disjoint)."""

    text: str
    edits: tuple[GoldEdit, ...] = field(default_factory=tuple)
    family: str = "wordnet"
    seed: int = 0

    def original_text(self) -> str:
        """The text before spinning, rebuilt from the edits."""
        pieces, cursor = [], 0
        for edit in self.edits:
            pieces.append(self.text[cursor:edit.start])
            pieces.append(edit.original)
            cursor = edit.end
        pieces.append(self.text[cursor:])
        return "".join(pieces)

    def gold_jsonl(self) -> str:
        """The edits as JSON lines (one object per edit)."""
        return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in self.edits)


def read_gold_jsonl(content: str) -> list[GoldEdit]:
    """Parse what :meth:`SpinResult.gold_jsonl` wrote."""
    return [GoldEdit.from_dict(json.loads(line)) for line in content.splitlines() if line.strip()]


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=200_000)
def _alternatives_cached(lemma: str) -> tuple[tuple[str, ...], ...]:
    return load_synsets().alternatives(lemma)


def _norm(phrase: str) -> str:
    return " ".join(phrase.split()).casefold()


def is_heldout(tortured: str) -> bool:
    """Deterministic 20% split of tortured phrases, by a hash of the tortured side.

    >>> sum(is_heldout(f"phrase {i}") for i in range(1000)) in range(150, 250)
    True
    """
    digest = hashlib.sha1(_norm(tortured).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % HELDOUT_MODULUS == 0


_SHARED_JSON = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "tortured_phrases.json"


@lru_cache(maxsize=1)
def tortured_pairs() -> tuple[tuple[str, str], ...]:
    """(tortured, correct) pairs: the shipped table (or the raw list as a fallback)."""
    try:
        rows = load_rows(["tortured_phrases"])
        pairs = {(r.spun, r.original) for r in rows}
    except TableError:
        if not _SHARED_JSON.exists():
            raise
        data = json.loads(_SHARED_JSON.read_text(encoding="utf-8"))
        pairs = {(p["tortured"].strip(), p["correct"].strip()) for p in data["phrases"]
                 if "?" not in p["correct"] and p["tortured"].strip()
                 and _norm(p["tortured"]) not in _norm(p["correct"])}
    return tuple(sorted(pairs))


# --------------------------------------------------------------------------- spinners


def _per_token_probability(rate: float, n_words: int, n_eligible: int) -> float:
    if n_eligible == 0:
        return 0.0
    return min(1.0, rate * n_words / n_eligible)


def _is_capitalised_function_word(word: str) -> bool:
    return word[:1].isupper() and word.casefold() in FUNCTION_WORDS


def _wordnet_pick(word: str, rng: random.Random, exclude: set[str]) -> str | None:
    groups = [tuple(x for x in g if x.casefold() not in exclude)
              for g in _alternatives_cached(word)]
    groups = [g for g in groups if g]
    if not groups:
        return None
    return rng.choice(rng.choice(groups))


def _spin_wordnet(text: str, rng: random.Random, rate: float) -> list[tuple[int, int, str, str]]:
    """Edits as (orig_start, orig_end, new_text, kind)."""
    tokens = tokenize(text)
    n_words = 0
    eligible = []
    for token in tokens:
        if token.kind != "word":
            continue
        n_words += 1
        word = token.text
        if not token.bare or _is_capitalised_function_word(word):
            continue
        if word == "and":
            eligible.append((token, AND_FACTOR))
        elif _alternatives_cached(word):
            eligible.append((token, 1.0))
    weight = sum(w for _, w in eligible)
    p = _per_token_probability(rate, n_words, weight)
    units: list[list] = []  # [start, end, original, current, kind]
    for token, factor in eligible:
        if rng.random() >= p * factor:
            continue
        word = token.text
        if word == "and":
            units.append([token.start, token.end, word, rng.choice(AND_TABLE), "and"])
            continue
        new = _wordnet_pick(word, rng, {word.casefold()})
        if new is None:
            continue
        kind = "hop1"
        if " " not in new and rng.random() < HOP2:
            second = _wordnet_pick(new, rng, {word.casefold(), new.casefold()})
            if second is not None:
                new, kind = second, "hop2"
        units.append([token.start, token.end, word, new, kind])
    for _ in range(PASSES - 1):
        for unit in units:
            current = unit[3]
            if " " not in current:
                continue
            pieces = []
            changed = False
            for token in tokenize(current):
                piece = token.text
                if (token.kind == "word" and token.bare
                        and not _is_capitalised_function_word(piece)
                        and _alternatives_cached(piece)
                        and rng.random() < p * CHAIN_FACTOR):
                    new = _wordnet_pick(piece, rng, {piece.casefold(), unit[2].casefold()})
                    if new is not None:
                        piece, changed = new, True
                pieces.append(piece)
            if changed:
                unit[3] = "".join(pieces)
                unit[4] = "chain"
    return [(s, e, new, kind) for s, e, _, new, kind in units]


def _is_common_word(lemma: str) -> bool:
    """A single lowercase word common enough for the thesaurus family to write
    (wordfreq Zipf >= THESAURUS_MIN_ZIPF)."""
    from wordfreq import zipf_frequency

    return (lemma.isalpha() and lemma.islower()
            and zipf_frequency(lemma, "en") >= THESAURUS_MIN_ZIPF)


@lru_cache(maxsize=100_000)
def _thesaurus_options(word: str) -> tuple[str, ...]:
    if word in FUNCTION_WORDS or len(word) < 3 or not word.isalpha():
        return ()
    options: list[str] = []
    for group in _alternatives_cached(word):
        for lemma in group:
            if lemma not in options and _is_common_word(lemma):
                options.append(lemma)
    return tuple(options)


@lru_cache(maxsize=100_000)
def _thesaurus_inflected_options(word: str) -> tuple[str, ...]:
    """For a word that is a regular inflection ("targets", "announced"): the
    common single-word synonyms of its lemma, inflected the same way
    ("objectives", "declared")."""
    options: list[str] = []
    for lemma, ending in analyses(word):
        for synonym in synonyms_for_ending(lemma, ending):
            form = inflect(synonym, ending) if _is_common_word(synonym) else None
            if form is not None and form != word and form not in options:
                options.append(form)
    return tuple(options)


def _transfer_case(found: str, new: str) -> str:
    if found[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _spin_thesaurus(text: str, rng: random.Random, rate: float) -> list[tuple[int, int, str, str]]:
    tokens = [t for t in tokenize(text) if t.kind == "word"]
    eligible = []
    for token in tokens:
        word = token.text
        if word.isupper() and len(word) > 1:
            continue
        if word[:1].isupper() and not word[1:].islower():
            continue
        options, kind = _thesaurus_options(word.lower()), "thesaurus"
        if not options:
            options, kind = _thesaurus_inflected_options(word.lower()), "thesaurus-inflected"
        if options:
            eligible.append((token, options, kind))
    p = _per_token_probability(rate, len(tokens), len(eligible))
    edits = []
    for token, options, kind in eligible:
        if rng.random() < p:
            edits.append((token.start, token.end,
                          _transfer_case(token.text, rng.choice(options)), kind))
    return edits


@lru_cache(maxsize=1)
def _tortured_index() -> dict[str, tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]]:
    """First word (casefolded) -> ((word tuple, correct, tortured variants), ...), longest first."""
    by_correct: dict[str, set[str]] = {}
    display: dict[str, str] = {}
    for tortured, correct in tortured_pairs():
        key = _norm(correct)
        if key in FUNCTION_WORDS:  # WordNet-spinner artefacts ("area unit" -> "are")
            continue
        by_correct.setdefault(key, set()).add(tortured)
        display.setdefault(key, correct)
    index: dict[str, list] = {}
    for key, variants in by_correct.items():
        words = tuple(t.text.casefold() for t in tokenize(key) if t.kind != "space")
        if not words:
            continue
        index.setdefault(words[0], []).append((words, display[key], tuple(sorted(variants))))
    return {k: tuple(sorted(v, key=lambda x: (-len(x[0]), x[1])))
            for k, v in sorted(index.items())}


def _spin_tortured(text: str, rng: random.Random, rate: float) -> list[tuple[int, int, str, str]]:
    index = _tortured_index()
    tokens = [t for t in tokenize(text) if t.kind != "space"]
    folded = [t.text.casefold() for t in tokens]
    edits = []
    i = 0
    while i < len(tokens):
        match = None
        for words, _correct, variants in index.get(folded[i], ()):
            n = len(words)
            if tuple(folded[i:i + n]) != words:
                continue
            start, end = tokens[i].start, tokens[i + n - 1].end
            if _norm(text[start:end]) != " ".join(words) and n > 1:
                # separators must be single spaces or nothing, as in the phrase
                if any(not text[tokens[j].end:tokens[j + 1].start].isspace()
                       and tokens[j].end != tokens[j + 1].start for j in range(i, i + n - 1)):
                    continue
            match = (n, start, end, variants)
            break
        if match is None:
            i += 1
            continue
        n, start, end, variants = match
        if rng.random() < rate:
            tortured = rng.choice(variants)
            kind = "tortured-heldout" if is_heldout(tortured) else "tortured"
            edits.append((start, end, _transfer_case(text[start:end], tortured), kind))
        i += n
    return edits


_SPINNERS = {"wordnet": _spin_wordnet, "thesaurus": _spin_thesaurus, "tortured": _spin_tortured}


def _assemble(text: str, raw: Sequence[tuple[int, int, str, str]], family: str,
              seed: int) -> SpinResult:
    pieces: list[str] = []
    edits: list[GoldEdit] = []
    cursor = 0
    position = 0
    for start, end, new, kind in sorted(raw):
        original = text[start:end]
        if new == original:
            continue
        gap = text[cursor:start]
        pieces.append(gap)
        position += len(gap)
        pieces.append(new)
        edits.append(GoldEdit(position, position + len(new), new, original, start, end, kind))
        position += len(new)
        cursor = end
    pieces.append(text[cursor:])
    return SpinResult("".join(pieces), tuple(edits), family, seed)


def spin(text: str, family: str = "wordnet", seed: int = 0,
         rate: float | None = None) -> SpinResult:
    """Spin ``text`` with one spinner family; deterministic for ``seed``.

    ``rate`` is the share of words to change (``wordnet`` 0.18, ``thesaurus`` 0.10 by
    default) or, for ``tortured``, the chance that each table phrase found is spun
    (default 1.0).
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    if family not in _SPINNERS:
        raise ValueError(f"unknown spinner family {family!r}; choose from {', '.join(FAMILIES)}")
    rate = DEFAULT_RATES[family] if rate is None else float(rate)
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate must be in 0..1, got {rate}")
    rng = random.Random(f"unspin:{family}:{int(seed)}")
    return _assemble(text, _SPINNERS[family](text, rng, rate), family, int(seed))


# --------------------------------------------------------------------------- phrase test set

# Templates for the tortured-phrase test set: {} is the phrase (as a noun phrase or
# a term). Leading templates put it at a sentence start (capitalised).
TEMPLATES = (
    "In this paper we study {} in some detail.",
    "Recent work on {} has drawn wide attention.",
    "The results show that {} matters for the final model.",
    "We compare our method with {} on three benchmarks.",
    "A short survey of {} is given in the next section.",
    "The authors discuss {} and its limits.",
    "Several groups reported gains from {} in field trials.",
    "Our experiments rely on {} as a baseline.",
    "The second part of the review covers {} at length.",
    "Little is known about {} in this setting.",
    "We also measured the effect of {} on accuracy.",
    "The proposed system combines {} with a simple rule.",
    "{} is discussed in the third section.",
    "{} remains an open topic for future research.",
)


def spin_phrases(pairs: Iterable[tuple[str, str]] | None = None, seed: int = 0,
                 per_doc: int = 20) -> list[SpinResult]:
    """Documents of template sentences, each holding one tortured phrase.

    ``pairs`` are (tortured, correct) pairs (default: :func:`tortured_pairs`); each
    is used exactly once, in a seeded order, ``per_doc`` sentences per document.
    The gold edit's original is the correct phrase (capitalised at a sentence start);
    its ``kind`` is ``tortured-heldout`` for the held-out 20% (:func:`is_heldout`).
    """
    items = sorted(set(pairs if pairs is not None else tortured_pairs()))
    rng = random.Random(f"unspin:phrases:{int(seed)}")
    rng.shuffle(items)
    docs = []
    for first in range(0, len(items), per_doc):
        pieces: list[str] = []
        edits: list[GoldEdit] = []
        spun_pos = orig_pos = 0
        for tortured, correct in items[first:first + per_doc]:
            template = rng.choice(TEMPLATES)
            head, tail = template.split("{}")
            if not head:
                tortured = tortured[:1].upper() + tortured[1:]
                correct = correct[:1].upper() + correct[1:]
            if pieces:
                pieces.append(" ")
                spun_pos += 1
                orig_pos += 1
            pieces.append(head)
            spun_pos += len(head)
            orig_pos += len(head)
            kind = "tortured-heldout" if is_heldout(tortured) else "tortured"
            edits.append(GoldEdit(spun_pos, spun_pos + len(tortured), tortured, correct,
                                  orig_pos, orig_pos + len(correct), kind))
            pieces.append(tortured)
            spun_pos += len(tortured)
            orig_pos += len(correct)
            pieces.append(tail)
            spun_pos += len(tail)
            orig_pos += len(tail)
        pieces.append("\n")
        docs.append(SpinResult("".join(pieces), tuple(edits), "tortured", int(seed)))
    return docs
