"""Atomic file writes: a reader (or a crash) sees the old file or the new one,
never half of either.

The new content goes to a temporary file in the target's own folder (same
filesystem, so the final ``os.replace`` is atomic), is flushed and fsynced,
gets the target's permission bits, then replaces the target; the folder is
fsynced so the rename survives a power cut. On any error the temporary file
is removed and the target is untouched.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> target = os.path.join(folder, "a.txt")
>>> with AtomicWriter(target) as out:
...     out.write(b"new ")
...     out.write(b"text")
>>> open(target, "rb").read()
b'new text'
>>> sorted(os.listdir(folder))
['a.txt']
"""

from __future__ import annotations

import os
import stat
from types import TracebackType

TEMP_SUFFIX = ".unspin-tmp"
TEMP_NAME_TRIES = 100
# a new file only (never one that is there, nor through a symbolic link), binary on Windows
_CREATE_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_BINARY", 0))


def write_all(fd: int, data: bytes) -> None:
    """``os.write`` until every byte is written (short writes happen).

    Kept as a module-level function so tests can inject ENOSPC here.
    """
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_dir(folder: str) -> None:
    """Make a rename in ``folder`` durable (best effort where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class AtomicWriter:
    """Context manager: write bytes in pieces, replace ``target`` on success.

    ``mode`` is the permission bits for the result; by default those of the
    existing target (a new file gets 0o644 minus the umask, like ``open``).
    """

    def __init__(self, target: str | os.PathLike[str], mode: int | None = None):
        self.target = os.fspath(target)
        self.folder = os.path.dirname(os.path.abspath(self.target))
        self.mode = mode
        self.fd = -1
        self.temp = ""
        self.size = 0
        self.owner: tuple[int, int] | None = None

    def __enter__(self) -> "AtomicWriter":
        try:
            info = os.stat(self.target)
            self.owner = (info.st_uid, info.st_gid)
            if self.mode is None:
                self.mode = stat.S_IMODE(info.st_mode)
        except FileNotFoundError:
            if self.mode is None:
                umask = os.umask(0)
                os.umask(umask)
                self.mode = 0o666 & ~umask
        name = os.path.basename(self.target)
        # the name is known before the file exists, so an interrupt (Ctrl-C) that
        # lands just after the file is made, before the name could be kept (as
        # with tempfile.mkstemp), still finds it to remove: __exit__ is not called
        # when __enter__ raises
        try:
            for _ in range(TEMP_NAME_TRIES):
                token = os.urandom(5).hex()
                self.temp = os.path.join(self.folder, f".{name}.{token}{TEMP_SUFFIX}")
                try:
                    self.fd = os.open(self.temp, _CREATE_FLAGS, 0o600)
                    return self
                except FileExistsError:
                    self.temp = ""
            raise FileExistsError(f"no free temporary name beside {self.target}")
        except BaseException:
            self.discard()
            raise

    def write(self, data: bytes) -> None:
        write_all(self.fd, data)
        self.size += len(data)

    def commit(self) -> None:
        """fsync, set permissions, replace the target, fsync the folder."""
        os.fsync(self.fd)
        if hasattr(os, "fchmod"):  # not on Windows
            os.fchmod(self.fd, self.mode if self.mode is not None else 0o644)
        if self.owner is not None and hasattr(os, "fchown"):
            try:  # keep the owner when root rewrites someone else's file
                os.fchown(self.fd, *self.owner)
            except OSError:
                pass
        os.close(self.fd)
        self.fd = -1
        if not hasattr(os, "fchmod"):
            os.chmod(self.temp, self.mode if self.mode is not None else 0o644)
        os.replace(self.temp, self.target)
        self.temp = ""
        fsync_dir(self.folder)

    def discard(self) -> None:
        """Close and remove the temporary file; the target stays as it was."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if self.temp:
            try:
                os.unlink(self.temp)
            except FileNotFoundError:
                pass
            self.temp = ""

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            try:
                self.commit()
            finally:
                self.discard()
        else:
            self.discard()


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes,
                       mode: int | None = None) -> None:
    """Replace ``target`` with ``data`` atomically (see :class:`AtomicWriter`)."""
    with AtomicWriter(target, mode) as out:
        out.write(data)
