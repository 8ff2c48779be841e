"""Reading user input safely: bytes in, text out, or one clear error.

Text is decoded strictly (``utf-8`` by default; a BOM is kept as the
character U+FEFF so it is written back unchanged). Binary data and bytes that
are not valid in the encoding raise :class:`InputError` with a one-line
message naming the file and the byte offset.

>>> decode_bytes(b"caf\\xc3\\xa9", "cafe.txt")
'café'
>>> decode_bytes(b"caf\\xe9", "old.txt")
Traceback (most recent call last):
...
restore.textio.InputError: old.txt: not valid utf-8 at byte 3 (0xe9); if the file uses a legacy encoding, pass --encoding (for example --encoding cp1252)
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path
from typing import BinaryIO


class InputError(Exception):
    """A file or stream we cannot treat as text; the message says why."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB mean a binary file (as git and grep decide).

    >>> looks_binary(b"PK\\x03\\x04\\x00\\x00"), looks_binary(b"plain text")
    (True, False)
    """
    return b"\x00" in data[:8192]


def check_encoding(encoding: str) -> str:
    """The codec's canonical name, or an InputError for an unknown one."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


# encodings in which NUL bytes are ordinary text, not a sign of a binary file
WIDE_ENCODINGS = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")


def binary_error(name: str, data: bytes = b"") -> InputError:
    """The one-line message for data with NUL bytes; text in UTF-16 or UTF-32
    (a byte-order mark at the start) is told how to read it.

    >>> str(binary_error("a.txt", b"PK\\x03\\x04\\x00"))
    'a.txt: binary file (contains NUL bytes), skipped'
    >>> str(binary_error("b.txt", "Hi".encode("utf-16")))
    'b.txt: looks like UTF-16 text (byte-order mark); pass --encoding utf-16, skipped'
    """
    for bom, wide in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return InputError(f"{name}: looks like {wide.upper()} text (byte-order mark); "
                              f"pass --encoding {wide}, skipped")
    return InputError(f"{name}: binary file (contains NUL bytes), skipped")


def undecodable_error(name: str, encoding: str, offset: int, bad: bytes) -> InputError:
    """The one-line message for a byte ``bad`` at ``offset`` that ``encoding`` refuses."""
    return InputError(
        f"{name}: not valid {encoding} at byte {offset} (0x{bad.hex()}); if the file "
        "uses a legacy encoding, pass --encoding (for example --encoding cp1252)")


def decode_bytes(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode ``data`` strictly; ``name`` is used in error messages."""
    encoding = check_encoding(encoding)
    if looks_binary(data) and encoding not in WIDE_ENCODINGS:
        raise binary_error(name, data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise undecodable_error(name, encoding, error.start,
                                data[error.start:error.start + 1]) from None


def encode_text(text: str, name: str, encoding: str = "utf-8") -> bytes:
    """Encode for writing back; restored words are ASCII, so this only fails
    for an encoding that cannot hold the input itself."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as error:
        raise InputError(f"{name}: cannot encode output as {encoding} at {error.start}") from None


def read_text_file(path: str | Path, encoding: str = "utf-8") -> str:
    """Read a whole file as text, or raise InputError with a one-line reason."""
    path = Path(path)
    if path.is_dir():
        raise InputError(
            f"{path}: is a directory; to fix a folder, write results with "
            "--output-dir DIR or --in-place"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    return decode_bytes(data, str(path), encoding)


def binary_stream(name: str) -> BinaryIO:
    """The byte stream under ``sys.stdin`` or ``sys.stdout`` (``name``), as the
    current process (or click's test runner) has set it up; replaces click's
    ``get_binary_stream``, deprecated since click 8.3."""
    stream = getattr(sys, name)
    return getattr(stream, "buffer", stream)
