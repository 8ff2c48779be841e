"""restore runs unchanged on a 2-worker Dask cluster on loopback."""

import sys
from pathlib import Path

import dask.bag as db
import pytest
from distributed import Client, LocalCluster

import restore

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
from dask_example import restore_partition  # noqa: E402


def documents() -> list[str]:
    from conftest import load_cases

    texts = [case["original"] for name in ("synthetic", "in_the_wild", "negative")
             for case in load_cases(name)]
    return texts + ["\ufeffIt volition survive fine.\r\n", ""]


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    with Client(cluster) as client:
        yield client
    cluster.close()


def test_cluster_results_equal_local_results(client):
    texts = documents()
    local = [restore.fix_and_explain(text) for text in texts]
    bag = db.from_sequence(texts, npartitions=6)
    remote = bag.map(restore.fix_and_explain).compute()
    assert remote == local
    rows = bag.map_partitions(restore_partition).compute()
    assert rows == [r.to_dict() for r in local]
    assert sum(1 for r in local if r.substitutions) > 20


def test_tables_are_built_once_per_worker(client):
    bag = db.from_sequence(documents() * 3, npartitions=12)
    bag.map(restore.fix_text).compute()
    built = client.run(lambda: restore.engine._cached_restorer.cache_info().misses)
    assert len(built) == 2 and all(count <= 1 for count in built.values())
    assert sum(built.values()) >= 1
