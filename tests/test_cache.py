"""The compiled-table cache: same data with or without it, and never in the way."""

from __future__ import annotations

import os

import pytest

from restore import cache
from restore.engine import Restorer
from restore.wordnet import load_synsets

SPUN = "It volition survive fine past times June. The urban center is well-nigh empty."


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(folder))
    return folder


def test_second_call_reads_the_blob(cache_folder):
    calls = []

    def build():
        calls.append(1)
        return {"rows": [("a", 0.5)], "n": (1, 2)}

    first = cache.cached("demo", [b"x"], build)
    second = cache.cached("demo", [b"x"], build)
    assert first == second == {"rows": [("a", 0.5)], "n": (1, 2)}
    assert len(calls) == 1
    assert len(list(cache_folder.glob("demo-*.marshal"))) == 1


def test_other_inputs_build_again(cache_folder, tmp_path):
    source = tmp_path / "table.tsv"
    source.write_text("one")
    assert cache.cached("demo", [source], lambda: 1) == 1
    source.write_text("two")
    assert cache.cached("demo", [source], lambda: 2) == 2
    assert cache.cached("demo", [source], lambda: 3) == 2


def test_corrupt_blob_is_rebuilt(cache_folder):
    cache.cached("demo", [b"x"], lambda: [1, 2, 3])
    (blob,) = cache_folder.glob("demo-*.marshal")
    data = bytearray(blob.read_bytes())
    data[-1] ^= 0xFF
    blob.write_bytes(bytes(data))
    assert cache.cached("demo", [b"x"], lambda: [4]) == [4]
    blob.write_bytes(b"")
    assert cache.cached("demo", [b"x"], lambda: [5]) == [5]


def test_unwritable_or_disabled_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert cache.cached("demo", [b"x"], lambda: "built") == "built"
    monkeypatch.setenv("UNSPIN_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert cache.cached("demo", [b"x"], lambda: "built again") == "built again"


def test_old_blobs_are_pruned(cache_folder):
    for number in range(cache.KEEP_OTHERS + 3):
        cache.cached("demo", [str(number).encode()], lambda: number)
    assert len(list(cache_folder.glob("demo-*.marshal"))) == cache.KEEP_OTHERS + 1


@pytest.mark.parametrize("families", [None, ("tortured_phrases",), ("wordnet_spinner",)])
def test_restorer_from_the_cache_restores_as_without_it(cache_folder, monkeypatch, families):
    built = Restorer(families).restore(SPUN, 0.0)  # compiles and writes the blob
    assert list(cache_folder.glob("tables-*.marshal"))
    from_blob = Restorer(families).restore(SPUN, 0.0)
    monkeypatch.setenv("UNSPIN_CACHE_DIR", "off")
    uncached = Restorer(families).restore(SPUN, 0.0)
    assert built == from_blob == uncached


def test_synsets_from_the_cache_are_the_same(cache_folder, monkeypatch):
    load_synsets.cache_clear()
    try:
        built = load_synsets()
        load_synsets.cache_clear()
        from_blob = load_synsets()
        assert list(cache_folder.glob("synsets-*.marshal"))
        assert (built.pos, built.synsets, built.index) == (
            from_blob.pos, from_blob.synsets, from_blob.index)
        assert from_blob.alternatives("volition") == built.alternatives("volition")
    finally:
        load_synsets.cache_clear()


def test_blob_permissions_do_not_depend_on_a_temp_file(cache_folder):
    cache.cached("demo", [b"x"], lambda: 1)
    (blob,) = cache_folder.glob("demo-*.marshal")
    if os.name == "posix":
        assert blob.stat().st_mode & 0o777 == 0o644


def test_automaton_state_loads_the_same_matcher_or_is_rebuilt(small_rows):
    from restore.candidates import PhraseMatcher

    text = "It volition survive well-nigh past times Dec, at that topographic point."
    plain = PhraseMatcher(small_rows)
    compiled = PhraseMatcher.compile(small_rows, with_automaton=True)
    assert compiled[-1] is not None
    from_state = PhraseMatcher(small_rows, compiled)
    broken = PhraseMatcher(small_rows, compiled[:-1] + (("not", "an", "automaton"),))
    assert plain.find(text) == from_state.find(text) == broken.find(text)
    assert len(plain.find(text)) > 3


def test_kept_builds_only_what_can_be_kept(cache_folder, tmp_path, monkeypatch):
    calls = []

    def build():
        calls.append(1)
        return {"rows": (1, 2)}

    assert cache.kept("demo", [b"x"], build) == {"rows": (1, 2)}
    assert cache.kept("demo", [b"x"], build) == {"rows": (1, 2)}  # read back
    assert len(calls) == 1
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert cache.kept("demo", [b"x"], build) is None
    monkeypatch.setenv("UNSPIN_CACHE_DIR", "off")
    assert cache.kept("demo", [b"x"], build) is None
    assert len(calls) == 1
