"""Rule tables: the spun -> original rows the candidate scanner looks for.

A table is a UTF-8 TSV file. Lines starting with ``#`` are comments; the
first other line is the header ``spun, original, prior, family, note``::

    # my_table.tsv: rows we saw on our own scraped pages
    spun	original	prior	family	note
    urban amount	city	0.95	mine	seen 12 times

``prior`` (0 < prior <= 1) is the probability that an occurrence of ``spun``
in a spun document is a spin of ``original``. The shipped tables live in
``wordlists/`` (installed as ``restore.wordlists``); see its README.

>>> rows = parse_table("spun\\toriginal\\tprior\\tfamily\\tnote\\nvolition\\twill\\t0.9\\tx\\t\\n", "demo")
>>> rows[0].original, rows[0].prior, rows[0].rule
('will', 0.9, 'demo:2')
"""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from .cache import PackedStrings

HEADER = ("spun", "original", "prior", "family", "note")
PACKED_COLUMNS = ("spun", "rule")  # nearly one value per row: kept as one string in the cache
BUILTIN_FAMILIES = ("wordnet_spinner", "tortured_phrases")


class TableError(ValueError):
    """A rule table that cannot be read; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Row:
    """One table row. ``rule`` names it as ``table:line`` for reports."""

    spun: str
    original: str
    prior: float
    family: str
    note: str
    rule: str


class RowColumns(Sequence[Row]):
    """Rows kept as six columns (e.g. read from the cache), each made into a
    :class:`Row` on first access and then kept: a matcher only ever needs
    the few rows the text matches.

    >>> rows = RowColumns(RowColumns.columns_of([Row("a", "b", 0.5, "f", "", "t:1")]))
    >>> len(rows), rows[0], rows[0] is rows[0]
    (1, Row(spun='a', original='b', prior=0.5, family='f', note='', rule='t:1'), True)
    """

    def __init__(self, columns: Sequence[list | tuple[str, bytes]]):
        self._columns = [PackedStrings(column) if isinstance(column, tuple) else column
                         for column in columns]
        self._made: list[Row | None] = [None] * len(self._columns[0])

    @staticmethod
    def columns_of(rows: Sequence[Row]) -> list[list | tuple[str, bytes]]:
        """The six columns (spun, original, prior, family, note, rule) of
        ``rows``; those whose values are all different (spun, rule) as
        :meth:`PackedStrings.pack` data."""
        return [PackedStrings.pack(getattr(row, field.name) for row in rows)
                if field.name in PACKED_COLUMNS else [getattr(row, field.name) for row in rows]
                for field in fields(Row)]

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        row = self._made[index]
        if row is None:
            row = self._made[index] = Row(*(column[index] for column in self._columns))
        return row


def parse_table(content: str, name: str) -> list[Row]:
    """Parse TSV ``content``; ``name`` is used in rule ids and errors."""
    rows: list[Row] = []
    header_seen = False
    for line_number, line in enumerate(content.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip().lower() for f in fields[:5]) != HEADER:
                raise TableError(
                    f"{name}:{line_number}: expected the header "
                    f"'{chr(9).join(HEADER)}' (tab-separated), got {line[:60]!r}"
                )
            header_seen = True
            continue
        if len(fields) < 4:
            raise TableError(
                f"{name}:{line_number}: expected 5 tab-separated columns "
                f"(spun, original, prior, family, note), got {len(fields)}"
            )
        spun, original, prior_text, family = fields[0], fields[1], fields[2], fields[3]
        if not (spun.isprintable() and original.isprintable() and family.isprintable()) or (
                "  " in spun or spun != spun.strip() or original != original.strip()
                or family != family.strip()):
            # the slow path only for hand-written rows with stray spaces
            spun = " ".join(spun.split())
            original, prior_text, family = original.strip(), prior_text.strip(), family.strip()
        note = fields[4].strip() if len(fields) > 4 else ""
        try:
            prior = float(prior_text)
        except ValueError:
            raise TableError(
                f"{name}:{line_number}: prior {prior_text!r} is not a number"
            ) from None
        if not 0.0 < prior <= 1.0:
            raise TableError(f"{name}:{line_number}: prior {prior} is not in (0, 1]")
        if not spun or not original:
            raise TableError(f"{name}:{line_number}: empty spun or original")
        if not family:
            raise TableError(f"{name}:{line_number}: empty family")
        rows.append(Row(spun, original, prior, family, note, f"{name}:{line_number}"))
    if not header_seen:
        raise TableError(f"{name}: no header line; expected '{chr(9).join(HEADER)}'")
    return rows


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(f"{path}: not UTF-8 at byte {error.start}") from None


def is_attested(note: str) -> bool:
    """Does a row's ``note`` say it was seen on real spun pages (``wild:N`` or
    ``observed``, or the fixed "and" table), rather than derived from WordNet?
    See wordlists/README.md, "Format".

    >>> is_attested("wild:2 lemma"), is_attested("fixed:and"), is_attested("wordnet:hop1 lemma")
    (True, True, False)
    """
    return note.startswith(("wild", "observed", "fixed"))


def builtin_table_dir() -> Path:
    """Folder of the shipped tables: the installed package, or the checkout."""
    try:
        folder = resources.files("restore.wordlists")
        path = Path(str(folder))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "wordlists"


def builtin_table_paths() -> dict[str, Path]:
    """Map family name -> shipped table file."""
    folder = builtin_table_dir()
    found: dict[str, Path] = {}
    for family in BUILTIN_FAMILIES:
        for suffix in (".tsv", ".tsv.gz"):
            candidate = folder / f"{family}{suffix}"
            if candidate.exists():
                found[family] = candidate
                break
    return found


@lru_cache(maxsize=8)
def _load_builtin(family: str) -> tuple[Row, ...]:
    path = builtin_table_paths().get(family)
    if path is None:
        raise TableError(f"no shipped table for family {family!r}")
    return tuple(parse_table(_read_text(path), path.name.split(".")[0]))


@lru_cache(maxsize=32)
def _load_user(path_text: str, mtime: float) -> tuple[Row, ...]:
    path = Path(path_text)
    return tuple(parse_table(_read_text(path), path.name))


def load_rows(
    families: Sequence[str] | None = None,
    wordlists: Iterable[str | os.PathLike[str]] = (),
) -> list[Row]:
    """Rows of the chosen built-in families plus the user's own tables.

    ``families=None`` means every built-in family (and every family of the
    user tables). A family that no table provides is an error, so a typo
    in ``--family`` does not silently restore nothing.

    >>> len(load_rows(["tortured_phrases"])) > 1000
    True
    """
    user_rows: list[Row] = []
    for item in wordlists:
        path = Path(item)
        try:
            mtime = path.stat().st_mtime
        except OSError as error:
            raise TableError(f"{path}: cannot read wordlist ({error.strerror})") from None
        user_rows.extend(_load_user(str(path), mtime))
    user_families = {row.family for row in user_rows}
    available = set(builtin_table_paths()) | user_families
    wanted = (list(families) if families
              else [f for f in BUILTIN_FAMILIES if f in available] + sorted(user_families))
    unknown = [f for f in wanted if f not in available]
    if unknown:
        raise TableError(
            f"unknown family {', '.join(unknown)}{_suggestion(unknown[0], available)}; "
            f"available: {', '.join(sorted(available)) or 'none'}"
        )
    rows: list[Row] = []
    for family in wanted:
        if family in BUILTIN_FAMILIES and family in builtin_table_paths():
            rows.extend(_load_builtin(family))
    rows.extend(row for row in user_rows if row.family in wanted)
    return rows


def _suggestion(name: str, choices: Iterable[str]) -> str:
    """' (did you mean X?)' for a near-miss family name, found with rapidfuzz.

    >>> _suggestion("wordnet_spiner", ["wordnet_spinner", "tortured_phrases"])
    " (did you mean 'wordnet_spinner'?)"
    """
    from rapidfuzz import fuzz, process

    best = process.extractOne(name, list(choices), scorer=fuzz.ratio, score_cutoff=75)
    return f" (did you mean {best[0]!r}?)" if best else ""
