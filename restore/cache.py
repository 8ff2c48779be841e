"""A per-user cache of compiled tables, so that start-up costs tens of milliseconds.

Compiling the shipped tables (parsing the TSV files, classifying and
normalising 54,000 rows, indexing 117,000 WordNet synsets) takes most of a
second; reading the result back from a :mod:`marshal` blob takes a few tens
of milliseconds. Only plain data (tuples, lists, dicts, strings, numbers,
bytes) is cached, never code or objects; an automaton is kept as the bytes
pyahocorasick pickles it into (its blob's key includes that binary).

A blob's file name holds a sha256 of everything it is derived from: the
source files given by the caller (tables, the language model), every module
of this package, the Python version and :data:`CACHE_VERSION`. An edited
table, a changed module or another Python never reads a stale blob; when a
blob is written, all but the newest few others of its name are removed.
Each blob starts with the CRC-32 and length of its content, checked on
reading (against a torn or damaged file, not against tampering).

Blobs live in ``$UNSPIN_CACHE_DIR``, else ``$XDG_CACHE_HOME/unspin``, else
``~/.cache/unspin``; ``UNSPIN_CACHE_DIR=off`` turns the cache off. Writes are
atomic (:mod:`restore.safe_write`). A cache folder that cannot be created or
written, or a blob that cannot be read, only costs the time to compile: the
data is then built exactly as without a cache.

>>> import tempfile, os
>>> os.environ["UNSPIN_CACHE_DIR"] = tempfile.mkdtemp()
>>> cached("demo", [b"input"], lambda: {"rows": (1, 2)})
{'rows': (1, 2)}
>>> cached("demo", [b"input"], lambda: "not called: read from the blob")
{'rows': (1, 2)}
>>> del os.environ["UNSPIN_CACHE_DIR"]
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import zlib
from array import array
from contextlib import contextmanager
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from .safe_write import atomic_write_bytes

CACHE_VERSION = 1
KEEP_OTHERS = 3  # blobs of other inputs or code kept per name (two checkouts, other families)
DISABLED = ("off", "0", "no", "none", "false")
_HEADER_SIZE = 12  # CRC-32 and length of the content, little-endian
T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when the cache is turned off."""
    chosen = os.environ.get("UNSPIN_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in DISABLED or not chosen.strip() else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "unspin"


def packed(numbers: Sequence[int]) -> bytes:
    """Non-negative integers below 2**32 as bytes, for :func:`unpacked`: one
    object to write, load and free instead of one per number.

    >>> list(unpacked(packed([0, 7, 70000])))
    [0, 7, 70000]
    """
    return array("I", numbers).tobytes()


def unpacked(data: bytes) -> Sequence[int]:
    """The numbers :func:`packed` wrote, as a read-only sequence over ``data``."""
    return memoryview(data).cast("I")


class PackedStrings(Sequence[str]):
    """Many strings kept as one, with where each ends: one object to load and
    to free instead of one per string; each is cut out when read.

    >>> words = PackedStrings(PackedStrings.pack(["urban", "", "amount"]))
    >>> len(words), words[0], words[1], words[2], list(words) == ["urban", "", "amount"]
    (3, 'urban', '', 'amount', True)
    """

    def __init__(self, data: tuple[str, bytes]):
        self._text, ends = data
        self._ends = unpacked(ends)

    @staticmethod
    def pack(strings: Iterable[str]) -> tuple[str, bytes]:
        """Plain data (for the cache) for :class:`PackedStrings`."""
        strings = list(strings)
        return "".join(strings), packed(list(accumulate(map(len, strings))))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._ends)
        return self._text[self._ends[index - 1] if index else 0:self._ends[index]]


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes | None:
    """sha256 of every module of this package (``None`` without sources)."""
    sources = sorted(Path(__file__).resolve().parent.glob("*.py"))
    if not sources:
        return None
    # packed() numbers are in this machine's byte order and int size
    digest = hashlib.sha256(f"{CACHE_VERSION} {sys.version} {sys.byteorder} "
                            f"{array('I').itemsize}".encode())
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def fingerprint(inputs: Iterable[bytes | str | os.PathLike[str]]) -> str | None:
    """sha256 (hex) of the code and of ``inputs``: byte strings as they are,
    paths by their content. ``None`` when something cannot be read."""
    code = _code_fingerprint()
    if code is None:
        return None
    digest = hashlib.sha256(code)
    try:
        for item in inputs:
            data = item if isinstance(item, bytes) else Path(item).read_bytes()
            digest.update(len(data).to_bytes(8, "little") + data)
    except OSError:
        return None
    return digest.hexdigest()


def file_fingerprint(path: str | os.PathLike[str]) -> bytes:
    """Path, size and modification time of a file that is too big to hash
    each time (the language model) or whose internal format a blob holds
    (a C extension), for :func:`cached` inputs."""
    try:
        info = os.stat(path)
    except OSError:
        return os.fsencode(path)
    return os.fsencode(path) + f"\0{info.st_size}\0{info.st_mtime_ns}".encode()


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while many containers are made at once
    (it would run dozens of times over objects that are all alive). Also a
    decorator: ``@gc_paused()``."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cached(name: str, inputs: Iterable[bytes | str | os.PathLike[str]],
           build: Callable[[], T]) -> T:
    """``build()``, or what it returned last time for the same ``inputs`` and code.

    ``build`` must return marshal-able plain data.
    """
    found = _blob_path(name, inputs)
    return build() if found is None else _read_or_build(found, name, build)


def kept(name: str, inputs: Iterable[bytes | str | os.PathLike[str]],
         build: Callable[[], T]) -> T | None:
    """As :func:`cached`, for a ``build`` worth running only if its result is
    kept for later processes: ``None`` instead of building when the cache is
    off or its folder cannot be written (the caller then works out, piece by
    piece, only what it needs).

    >>> import tempfile, os
    >>> os.environ["UNSPIN_CACHE_DIR"] = "off"
    >>> kept("demo", [b"input"], lambda: "not called") is None
    True
    >>> del os.environ["UNSPIN_CACHE_DIR"]
    """
    found = _blob_path(name, inputs)
    return None if found is None else _read_or_build(found, name, build, only_if_kept=True)


def _read_or_build(path: Path, name: str, build: Callable[[], T],
                   only_if_kept: bool = False) -> T | None:
    """The value in the blob at ``path``, else ``build()``'s, written there;
    ``only_if_kept``: ``None`` rather than build when it cannot be written."""
    value = _read(path)
    if value is not None:
        return value[0]
    if only_if_kept and not _writable_folder(path.parent):
        return None
    result = build()
    _write(path, name, result)
    return result


def _writable_folder(folder: Path) -> bool:
    """Does ``folder`` exist (made if need be) and take new files?"""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _blob_path(name: str, inputs: Iterable[bytes | str | os.PathLike[str]]) -> Path | None:
    """Where the blob of ``name`` for ``inputs`` lives (``None``: no cache)."""
    folder = cache_dir()
    key = fingerprint(inputs) if folder is not None else None
    if folder is None or key is None:
        return None
    return folder / f"{name}-{key[:40]}.marshal"


def _read(path: Path) -> tuple[object] | None:
    """(value,) from a blob, or ``None`` when missing, unreadable or corrupt."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = memoryview(data)[_HEADER_SIZE:]
    if data[:_HEADER_SIZE] != _header(payload):
        return None
    try:
        with gc_paused():
            return (marshal.loads(payload),)
    except (ValueError, EOFError, TypeError):
        return None


def share_equal(value, seen: dict):
    """``value`` with equal strings and floats made one object (containers
    rebuilt), so that :mod:`marshal` writes each once and loads each once:
    a table's family, note and original columns repeat a few values.

    >>> a, b = share_equal([("ab" * 2, 0.5), ["ab" * 2, 0.5]], {})
    >>> a[0] is b[0], a[1] is b[1]
    (True, True)
    """
    kind = type(value)
    if kind is str:
        return seen.setdefault(value, value)
    if kind is float:  # keyed by its exact bits: 0.0 and -0.0 stay apart
        return seen.setdefault((float, value.hex()), value)
    if kind is list:
        return [share_equal(item, seen) for item in value]
    if kind is tuple:
        return tuple(share_equal(item, seen) for item in value)
    if kind is dict:
        return {share_equal(k, seen): share_equal(v, seen) for k, v in value.items()}
    return value


def _header(payload: bytes | memoryview) -> bytes:
    return zlib.crc32(payload).to_bytes(4, "little") + len(payload).to_bytes(8, "little")


def _write(path: Path, name: str, value: object) -> None:
    """Store ``value`` (best effort) and remove the blobs it supersedes."""
    try:
        payload = marshal.dumps(share_equal(value, {}))
    except ValueError:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, _header(payload) + payload, 0o644)
        others = [(old.stat().st_mtime, old) for old in path.parent.glob(f"{name}-*.marshal")
                  if old != path]
        for _, old in sorted(others, reverse=True)[KEEP_OTHERS:]:
            old.unlink()
    except OSError:
        pass
