"""Regular English inflection, for spinners that swap inflected words.

WordNet lists lemmas only ("technology", "use"), and the WordNet-style spinner
never touches a word that is not one. A thesaurus-style spinner (the "modern
word-level synonym spinner" of the wild data) does: it writes "targets" for
"goals" and "utilized" for "used", taking the word's lemma, a synonym of it, and
the synonym inflected as the word was. To put such a word back, the channel
needs both ways: :func:`analyses` takes a word to the (lemma, ending) pairs
WordNet lists with a part of speech that takes the ending, and :func:`inflect`
puts an ending on a lemma.

Only the regular endings -s/-es, -ed and -ing are handled; irregular forms
("bought", "children") are left alone. Of the spellings the rules allow
("stopped", "stoped") the likeliest that the language model's 72.5k-word
vocabulary holds is taken: an irregular verb's "goed" or "maked" is not in it,
so "go" and "make" get no -ed form. (No word list beyond the model's is
loaded: wordfreq's would cost 24 MB and 0.3 s.)

>>> analyses("targets"), analyses("utilized"), analyses("city")
((('target', 's'),), (('utilize', 'ed'),), ())
>>> [inflect(*pair) for pair in [("goal", "s"), ("use", "ed"), ("stop", "ing"), ("apply", "ed"),
...                              ("technology", "s"), ("box", "s"), ("make", "ing")]]
['goals', 'used', 'stopping', 'applied', 'technologies', 'boxes', 'making']
"""

from __future__ import annotations

import math
from functools import lru_cache

import regex

from .lm import get_language_model
from .tables import builtin_table_dir
from .tokens import FUNCTION_WORDS
from .wordnet import load_synsets

ENDINGS = ("s", "ed", "ing")
# the parts of speech (WordNet's ss_type) a lemma needs to take an ending:
# plural nouns and third-person verbs take -s, verbs the others
POS_FOR_ENDING = {"s": frozenset({"n", "v"}), "ed": frozenset({"v"}), "ing": frozenset({"v"})}
MIN_WORD_LENGTH = 4   # "has", "was", "ups" are not analysed
# a verb with an irregular past ("knew", "saw") gets no regular -ed form ("knowed",
# "seed") that the language model finds this much rarer than its commonest irregular
# one (log): "showed" (against "shown") and "burned" (against "burnt") stay
IRREGULAR_RARER_BY = math.log(4)
IRREGULAR_VERBS_FILE = "wordnet_irregular_verbs.tsv"
_VOWELS = frozenset("aeiou")
_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")


def _stems(word: str, ending: str) -> list[str]:
    """The lemmas the regular rules could have inflected into ``word``."""
    if ending == "s":
        if word.endswith("ies"):
            return [word[:-3] + "y"]
        stems = [word[:-1]] if word.endswith("s") and not word.endswith("ss") else []
        if word.endswith("es"):
            stems.append(word[:-2])
        return stems
    if ending == "ed":
        if word.endswith("ied"):
            return [word[:-3] + "y"]
        stems = [word[:-1], word[:-2]] if word.endswith("ed") else []
        if word.endswith("ed") and len(word) > 4 and word[-3] == word[-4]:
            stems.append(word[:-3])  # stopped -> stop
        return stems
    if word.endswith("ing"):
        base = word[:-3]
        stems = [base, base + "e"]
        if len(base) > 2 and base[-1] == base[-2]:
            stems.append(base[:-1])  # stopping -> stop
        if base.endswith("y"):
            stems.append(base[:-1] + "ie")  # lying -> lie
        return stems
    return []


@lru_cache(maxsize=100_000)
def analyses(word: str) -> tuple[tuple[str, str], ...]:
    """(lemma, ending) pairs for a lowercase ``word`` that is a regular
    inflection of a WordNet lemma with a fitting part of speech. The word may be
    a lemma too ("utilized" is an adjective), but not a function word.

    >>> analyses("pursuits"), analyses("announcing"), analyses("news"), analyses("goes")
    ((('pursuit', 's'),), (('announce', 'ing'),), (), ())
    """
    wordnet = load_synsets()
    if (len(word) < MIN_WORD_LENGTH or not word.isalpha() or not word.islower()
            or word in FUNCTION_WORDS):
        return ()
    found: list[tuple[str, str]] = []
    for ending in ENDINGS:
        if not word.endswith(ending):
            continue
        for stem in _stems(word, ending):
            if (len(stem) >= 3 and stem in wordnet and stem not in FUNCTION_WORDS
                    and (stem, ending) not in found and has_pos(stem, ending)
                    and inflect(stem, ending) == word):
                found.append((stem, ending))
    return tuple(found)


def has_pos(lemma: str, ending: str) -> bool:
    """Does WordNet list ``lemma`` with a part of speech that takes ``ending``?

    >>> has_pos("goal", "s"), has_pos("goal", "ed"), has_pos("new", "s")
    (True, False, False)
    """
    wordnet = load_synsets()
    wanted = POS_FOR_ENDING[ending]
    return any(wordnet.pos[number] in wanted for number in wordnet.numbers_of(lemma))


def synonyms_for_ending(lemma: str, ending: str) -> tuple[str, ...]:
    """The single-word lemmas (function words aside: "costs" was never "bes")
    sharing a synset with ``lemma`` whose part of speech takes ``ending`` ("objective" for "target" as a noun, not as a verb).

    >>> "objective" in synonyms_for_ending("target", "s"), "objective" in synonyms_for_ending("target", "ed")
    (True, False)
    """
    wordnet = load_synsets()
    wanted = POS_FOR_ENDING[ending]
    found: list[str] = []
    for number in wordnet.numbers_of(lemma):
        if wordnet.pos[number] not in wanted:
            continue
        for other in wordnet.synset(number):
            if (other != lemma and " " not in other and other not in FUNCTION_WORDS
                    and other not in found):
                found.append(other)
    return tuple(found)


def _spellings(lemma: str, ending: str) -> list[str]:
    """The spellings the regular rules allow for ``lemma`` + ``ending``, the
    likelier first: a one-syllable word that ends consonant-vowel-consonant
    doubles its last letter ("tap" -> "tapped", not "taped"), a longer one
    may or may not ("visit" -> "visited", "refer" -> "referred").

    >>> _spellings("tap", "ed"), _spellings("visit", "ing"), _spellings("hero", "s")
    (['tapped', 'taped'], ['visiting', 'visitting'], ['heros', 'heroes'])
    """
    last, before = lemma[-1], lemma[-2:-1]
    consonant_y = last == "y" and before not in _VOWELS
    if ending == "s":
        if consonant_y:
            return [lemma[:-1] + "ies"]
        if lemma.endswith(_SIBILANT_ENDS):
            return [lemma + "es"]
        return [lemma + "s", lemma + "es"] if last == "o" else [lemma + "s"]
    doubled = lemma + last if (last not in _VOWELS and last not in "wxy"
                               and before in _VOWELS and lemma[-3:-2] not in _VOWELS) else None
    if ending == "ed":
        if consonant_y:
            return [lemma[:-1] + "ied"]
        if last == "e":
            return [lemma + "d"]
        plain = [lemma + "ed"]
        suffix = "ed"
    else:
        if lemma.endswith("ie"):
            return [lemma[:-2] + "ying"]
        if last == "e" and not lemma.endswith(("ee", "ye", "oe")):
            return [lemma[:-1] + "ing"]
        plain = [lemma + "ing"]
        suffix = "ing"
    if doubled is None:
        return plain
    return [doubled + suffix] + plain if _one_syllable(lemma) else plain + [doubled + suffix]


def _one_syllable(lemma: str) -> bool:
    """Does ``lemma`` have one vowel group ("tap", "star"; not "visit")?"""
    return len(regex.findall("[aeiouy]+", lemma.rstrip("y") or lemma)) == 1


@lru_cache(maxsize=100_000)
def inflect(lemma: str, ending: str) -> str | None:
    """``lemma`` with a regular ``ending`` ("s", "ed" or "ing"), in a spelling
    the rules allow that the language model's vocabulary holds: a one-syllable
    verb's doubled form if it holds that, else the one it finds commonest
    ("referred", "visited", "heroes"); None when it holds none (or the lemma is
    more than one word).

    >>> inflect("visit", "ed"), inflect("go", "s"), inflect("lie", "ing"), inflect("xqzt", "s")
    ('visited', 'goes', 'lying', None)
    >>> inflect("go", "ed"), inflect("make", "ed"), inflect("run", "ed")
    (None, None, None)
    >>> inflect("star", "ed"), inflect("refer", "ed"), inflect("tap", "ing")
    ('starred', 'referred', 'tapping')
    >>> inflect("know", "ed"), inflect("see", "ed"), inflect("show", "ed"), inflect("burn", "ed")
    (None, None, 'showed', 'burned')
    """
    if not lemma.isalpha() or not lemma.islower() or len(lemma) < 2:
        return None
    model = get_language_model()
    spellings = _spellings(lemma, ending)
    known = [form for form in spellings if model.knows(form)]
    if not known:
        return None
    if len(known) == 1 or (ending != "s" and _one_syllable(lemma)):
        form = known[0]
    else:
        form = max(known, key=model.unigram)  # ("heroes", "photos"; "referred", "visited")
    if ending == "ed":
        irregular = [f for f in irregular_forms().get(lemma, ()) if model.knows(f)]
        if (irregular and form not in irregular and model.unigram(form)
                < max(map(model.unigram, irregular)) - IRREGULAR_RARER_BY):
            return None  # the speech-trained model's "knowed", "sayed", "seed"
    return form


@lru_cache(maxsize=1)
def irregular_forms() -> dict[str, tuple[str, ...]]:
    """lemma -> its irregular verb forms, from WordNet's exception list
    (``wordlists/wordnet_irregular_verbs.tsv``, built by
    ``scripts/build_wordnet_irregular.py``; -ing forms left out).

    >>> irregular_forms()["know"], irregular_forms()["see"]
    (('knew', 'known'), ('saw', 'seen'))
    """
    forms: dict[str, list[str]] = {}
    path = builtin_table_dir() / IRREGULAR_VERBS_FILE
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            form, lemma = line.rstrip("\n").split("\t")
            forms.setdefault(lemma, []).append(form)
    return {lemma: tuple(found) for lemma, found in forms.items()}
