"""Stage 5: the report. What changed, where, why, and how to undo it.

Offsets are into the *input*: ``input[s.start:s.end] == s.spun``. Applying the
substitutions to the input gives the output; :func:`revert_substitutions`
gives the input back from the output, byte for byte.

>>> subs = [Substitution(3, 11, "volition", "will", 0.9, "demo")]
>>> apply_substitutions("It volition be.", subs)
'It will be.'
>>> revert_substitutions("It will be.", subs)
'It volition be.'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Sequence


@dataclass(frozen=True, slots=True)
class Substitution:
    """One restored span. ``start``/``end`` are offsets in the input."""

    start: int
    end: int
    spun: str
    original: str
    confidence: float
    rule: str
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Substitution":
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


@dataclass(frozen=True, slots=True)
class Restoration:
    """The result of :func:`restore.fix_and_explain`."""

    text: str
    substitutions: tuple[Substitution, ...] = field(default_factory=tuple)
    spin_score: float = 0.0
    threshold: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "spin_score": self.spin_score,
            "threshold": self.threshold,
            "substitutions": [s.to_dict() for s in self.substitutions],
        }

    def revert(self) -> str:
        """The input text, rebuilt from the output and the substitutions."""
        return revert_substitutions(self.text, self.substitutions)


def check_substitutions(text: str, substitutions: Sequence[Substitution]) -> None:
    """Raise ValueError unless the substitutions are sorted, disjoint and match ``text``."""
    previous_end = 0
    for sub in substitutions:
        if sub.start < previous_end or sub.end < sub.start:
            raise ValueError(f"substitutions overlap or are unsorted at {sub.start}")
        if text[sub.start:sub.end] != sub.spun:
            raise ValueError(f"text[{sub.start}:{sub.end}] is not {sub.spun!r}")
        previous_end = sub.end


def apply_substitutions(text: str, substitutions: Iterable[Substitution]) -> str:
    """Replace each ``spun`` span of ``text`` by its ``original``."""
    subs = sorted(substitutions, key=lambda s: s.start)
    check_substitutions(text, subs)
    return splice(text, subs)


def splice(source: str, substitutions: Sequence[Substitution]) -> str:
    """``source`` with sorted, disjoint, already checked substitutions applied."""
    pieces: list[str] = []
    cursor = 0
    for sub in substitutions:
        pieces.append(source[cursor:sub.start])
        pieces.append(sub.original)
        cursor = sub.end
    pieces.append(source[cursor:])
    return "".join(pieces)


def output_spans(substitutions: Sequence[Substitution]) -> list[tuple[int, int]]:
    """Where each substitution's ``original`` sits in the output text."""
    spans = []
    shift = 0
    for sub in substitutions:
        start = sub.start + shift
        spans.append((start, start + len(sub.original)))
        shift += len(sub.original) - (sub.end - sub.start)
    return spans


def revert_substitutions(output: str, substitutions: Sequence[Substitution]) -> str:
    """Undo :func:`apply_substitutions`: the input, from the output."""
    subs = sorted(substitutions, key=lambda s: s.start)
    pieces: list[str] = []
    cursor = 0
    for sub, (start, end) in zip(subs, output_spans(subs)):
        if output[start:end] != sub.original:
            raise ValueError(f"output[{start}:{end}] is not {sub.original!r}")
        pieces.append(output[cursor:start])
        pieces.append(sub.spun)
        cursor = end
    pieces.append(output[cursor:])
    return "".join(pieces)
