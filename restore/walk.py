"""Finding the files of a batch: folders walked recursively, globs applied,
symlinks kept inside the tree, and where each result goes.

Inside a folder, a file is taken when its name (or its path relative to the
folder) matches an ``include`` glob and no ``exclude`` glob; excluded folders
are not entered, nor are version-control folders (``.git``, ``.hg``,
``.svn``), nor temporary files a killed run left (``*.unspin-tmp``). A file
named on the command line is always taken. Symlinks met in
a folder are never followed: they are reported as skipped (the target, when
inside the tree, is processed under its own name).

>>> matches("notes/a.md", DEFAULT_INCLUDE), matches("a.py", DEFAULT_INCLUDE)
(True, False)
>>> matches("drafts/x.txt", ("drafts/*",)), matches("x.min.md", ("*.min.md",))
(True, True)
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from typing import Iterator, Sequence

from .safe_write import TEMP_SUFFIX

DEFAULT_INCLUDE: tuple[str, ...] = ("*.txt", "*.md", "*.text", "*.rst", "*.markdown")
ALWAYS_EXCLUDED_DIRS = frozenset({".git", ".hg", ".svn"})


class OutputClash(ValueError):
    """Two inputs would be written to the same output path."""


@dataclass(frozen=True)
class Item:
    """One file of the batch. ``source`` is read; ``dest`` is written (None:
    nothing is written); ``skip`` is a one-line reason not to process it."""

    index: int
    display: str
    source: str
    dest: str | None = None
    skip: str = ""


def matches(relative: str, patterns: Sequence[str]) -> bool:
    """True if the basename or the ``/``-separated relative path matches."""
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _walk_folder(root: str, include: Sequence[str], exclude: Sequence[str],
                 skip_dirs: Sequence[str]) -> Iterator[tuple[str, str, str]]:
    """Yield (path, relative path, skip reason) for the files of one folder."""
    real_root = os.path.realpath(root)
    for folder, dirs, files in os.walk(root, followlinks=False):
        rel_folder = os.path.relpath(folder, root)
        rel_folder = "" if rel_folder == "." else rel_folder.replace(os.sep, "/") + "/"
        kept = []
        for name in sorted(dirs):
            path = os.path.join(folder, name)
            rel = rel_folder + name
            if name in ALWAYS_EXCLUDED_DIRS or matches(rel, exclude):
                continue
            if os.path.realpath(path) in skip_dirs:
                continue
            if os.path.islink(path):
                yield path, rel, f"{path}: symlinked folder, not followed (skipped)"
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            rel = rel_folder + name
            if not matches(rel, include) or matches(rel, exclude) or name.endswith(TEMP_SUFFIX):
                continue  # (a temp file is what a killed run left behind)
            path = os.path.join(folder, name)
            if os.path.islink(path):
                target = os.path.realpath(path)
                where = "inside the tree, processed under its own name" \
                    if _inside(target, real_root) else "outside the tree"
                yield path, rel, f"{path}: symlink to a file {where}; not followed (skipped)"
                continue
            yield path, rel, ""


def discover(paths: Sequence[str], include: Sequence[str] = DEFAULT_INCLUDE,
             exclude: Sequence[str] = (), output_dir: str | None = None,
             in_place: bool = False) -> list[Item]:
    """The batch for ``paths``, each item with its destination.

    With ``output_dir``, a single folder argument is mirrored into it; with
    several arguments each goes under its own name (``OUT/<name>/...``).
    A file reached twice (two arguments, or a symlink named directly) is
    processed once; two different files with the same output path raise
    :class:`OutputClash`.
    """
    items: list[Item] = []
    seen: set[str] = set()
    dests: set[str] = set()
    out_real = os.path.realpath(output_dir) if output_dir else None
    skip_dirs = [out_real] if out_real else []
    single_folder = len(paths) == 1 and os.path.isdir(paths[0])

    def add(path: str, relative_dest: str, skip: str = "") -> None:
        real = os.path.realpath(path)
        if not skip:
            if real in seen:
                return
            seen.add(real)
        dest = None
        if output_dir and not skip:
            dest = os.path.join(output_dir, *relative_dest.split("/"))
            if dest in dests:
                raise OutputClash(f"{path}: another input already goes to {dest}; "
                                  "name their folders instead of the files")
            dests.add(dest)
        elif in_place and not skip:
            dest = real  # a file named through a symlink: write the target
        items.append(Item(len(items), path, path, dest, skip))

    for arg in paths:
        base = os.path.basename(os.path.normpath(os.path.abspath(arg))) or "root"
        if os.path.isdir(arg):
            prefix = "" if single_folder else base + "/"
            for path, rel, skip in _walk_folder(arg, include, exclude, skip_dirs):
                add(path, prefix + rel, skip)
        else:
            add(arg, base)
    return items
