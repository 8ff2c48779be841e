"""A bounded memo: a dict that fills itself.

>>> squares = Memo(lambda n: n * n, limit=2)
>>> squares[3], squares[4], squares[5], len(squares)
(9, 16, 25, 2)
"""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict, Generic[K, V]):
    """``memo[key]`` is ``compute(key)``, worked out once; beyond ``limit``
    entries new answers are no longer kept (they stay correct, only the
    saving stops). Callers must not modify the values."""

    def __init__(self, compute: Callable[[K], V], limit: int):
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: K) -> V:
        value = self._compute(key)
        if len(self) < self._limit:
            self[key] = value
        return value
