"""Reading big files in bounded memory: bytes in, text chunks out.

A file is read in blocks, decoded strictly with an incremental decoder (a
BOM stays as U+FEFF, CRLF stays CRLF: no universal newlines), and cut into
chunks of at most ``max_chars`` characters at the best boundary available:
a blank line (paragraph), else a sentence end, else whitespace, else a hard
cut. Joining the chunks gives the decoded file back exactly.

>>> import io
>>> chunks = list(iter_text_chunks(io.BytesIO(b"One. Two.\\n\\nThree four."), "t.txt",
...                                max_chars=16))
>>> chunks
['One. Two.\\n\\n', 'Three four.']
>>> list(iter_text_chunks(io.BytesIO(b"ok\\x00"), "b.bin"))
Traceback (most recent call last):
...
restore.textio.InputError: b.bin: binary file (contains NUL bytes), skipped
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO, Callable, Iterator

from .textio import (WIDE_ENCODINGS, binary_error, check_encoding, looks_binary,
                     undecodable_error)

MAX_CHUNK_CHARS = 256 * 1024
READ_BLOCK = 64 * 1024

_PARAGRAPH = re.compile(r"\n[ \t]*\r?\n")
_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s")
_SPACE = re.compile(r"\s")


def _last_end(pattern: re.Pattern[str], text: str, limit: int) -> int:
    """End of the last match of ``pattern`` inside ``text[:limit]`` (0 if none)."""
    end = 0
    for match in pattern.finditer(text, 0, limit):
        end = match.end()
    return end


def cut_point(text: str, max_chars: int) -> int:
    """Where to cut ``text`` (longer than ``max_chars``) so the head is at most
    ``max_chars`` long: after a blank line, a sentence end or whitespace.

    >>> cut_point("aa bb. cc dd", 9)
    7
    >>> cut_point("aaaa bbbb", 6)
    5
    >>> cut_point("abcdefgh", 4)
    4
    """
    for pattern in (_PARAGRAPH, _SENTENCE, _SPACE):
        # a boundary in the first quarter would make tiny chunks: try the next kind
        end = _last_end(pattern, text, max_chars)
        if end > max_chars // 4:
            return end
    end = _last_end(_SPACE, text, max_chars)
    return end or max_chars


def iter_text_chunks(stream: BinaryIO, name: str, encoding: str = "utf-8",
                     max_chars: int = MAX_CHUNK_CHARS,
                     on_bytes: Callable[[bytes], None] | None = None) -> Iterator[str]:
    """Decode ``stream`` strictly and yield text chunks of at most ``max_chars``.

    ``on_bytes`` sees every raw block read (to hash the input as it streams).
    Raises :class:`InputError` (one line) for binary or undecodable data.
    """
    encoding = check_encoding(encoding)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    buffer = ""
    offset = 0  # bytes fed to the decoder so far
    first = True
    while True:
        block = stream.read(READ_BLOCK)
        if on_bytes is not None and block:
            on_bytes(block)
        if first and encoding not in WIDE_ENCODINGS and looks_binary(block):
            raise binary_error(name, block)
        first = False
        try:
            buffer += decoder.decode(block, final=not block)
        except UnicodeDecodeError as error:
            # error.object is the decoder's pending bytes followed by this block
            at = offset - (len(error.object) - len(block)) + error.start
            raise undecodable_error(name, encoding, at,
                                    error.object[error.start:error.start + 1]) from None
        offset += len(block)
        while len(buffer) > max_chars:
            cut = cut_point(buffer, max_chars)
            yield buffer[:cut]
            buffer = buffer[cut:]
        if not block:
            break
    if buffer:
        yield buffer

