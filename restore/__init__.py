"""unspin: detect and reverse synonym-spun text.

>>> import restore
>>> restore.fix_text("It volition survive fine past times June.")
'It will be fine by June.'
>>> r = restore.fix_and_explain("It volition survive fine past times June.")
>>> [(s.spun, s.original) for s in r.substitutions]
[('volition', 'will'), ('survive', 'be'), ('past times', 'by')]
>>> r.revert()
'It volition survive fine past times June.'
"""

from __future__ import annotations

import os
from typing import Iterable, Sequence

from .engine import DEFAULT_THRESHOLD, Restorer, get_restorer
from .report import Restoration, Substitution, apply_substitutions, revert_substitutions
from .tables import TableError

__all__ = [
    "fix_text", "fix_and_explain", "spin_score", "Restoration", "Substitution", "Restorer",
    "apply_substitutions", "revert_substitutions", "TableError", "DEFAULT_THRESHOLD",
]
__version__ = "0.1.0"


def fix_and_explain(
    text: str,
    threshold: float | None = None,
    *,
    families: Sequence[str] | None = None,
    wordlists: Iterable[str | os.PathLike[str]] = (),
    thorough: bool = False,
) -> Restoration:
    """Restore ``text`` and explain every substitution.

    ``threshold`` (0..1, ``None`` = the default 0.5) is the confidence a
    substitution needs to be applied; ``0.0`` reports every candidate the
    engine found worth reporting. ``families`` picks table families
    (``wordnet_spinner``, ``tortured_phrases`` or your own); ``wordlists``
    adds your own TSV tables (see ``wordlists/README.md``). ``thorough`` reads
    every text the thorough way, which also looks for spinning that swaps only
    everyday words (thesaurus-style); it is several times slower on clean text.
    Without it, a text whose strong single-word forms show such a spinner is
    read that way anyway (see ``Restorer._thorough_reading``).

    Pass a whole document, not its sentences or paragraphs one by one: the
    evidence that a text is spun adds up over all of it. Restored a sentence
    at a time, the dev set's recall falls from 0.72 to 0.35, and clean prose
    gets 0.5 false edits per 10,000 words against 0.04 (README, "Give it
    whole documents"; ``benchmarks/by_unit.py``).
    """
    return get_restorer(families, wordlists, thorough).restore(text, threshold)


def fix_text(
    text: str,
    threshold: float | None = None,
    *,
    families: Sequence[str] | None = None,
    wordlists: Iterable[str | os.PathLike[str]] = (),
    thorough: bool = False,
) -> str:
    """Restore ``text`` and return only the restored text."""
    return fix_and_explain(text, threshold, families=families, wordlists=wordlists,
                           thorough=thorough).text


def spin_score(
    text: str,
    *,
    families: Sequence[str] | None = None,
    wordlists: Iterable[str | os.PathLike[str]] = (),
    thorough: bool = False,
) -> float:
    """The probability that ``text`` was spun: the ``spin_score`` that
    :func:`fix_and_explain` reports, worked out without restoring anything, so
    several times faster on spun text (an ingestion filter that only sorts
    documents). Options as for :func:`fix_and_explain`.

    >>> spin_score("It volition survive fine past times June.") > 0.5
    True
    >>> spin_score("It will be fine by June, they said.")
    0.0
    """
    return get_restorer(families, wordlists, thorough).spin_score(text)
