"""Restore many documents on a Dask cluster (``pip install 'unspin[dask]'``).

Run it as is to start a local 2-worker cluster, or pass a scheduler address:

    python examples/dask_example.py                      # local cluster
    python examples/dask_example.py tcp://scheduler:8786 # an existing cluster

Nothing special is needed on the workers: ``restore.fix_and_explain`` and the
``Restoration`` it returns pickle, and each worker process builds its tables
once (``restore.get_restorer`` keeps one per configuration and process), on
the first document it sees.
"""

from __future__ import annotations

import sys
from typing import Iterable

import dask.bag as db
from dask.distributed import Client, LocalCluster

import restore


def restore_partition(texts: Iterable[str], threshold: float | None = None) -> list[dict]:
    """One partition: look the restorer up once, then restore each document."""
    restorer = restore.get_restorer()
    return [restorer.restore(text, threshold).to_dict() for text in texts]


def main(address: str | None = None) -> None:
    documents = [
        "It volition survive fine past times June.",
        "The urban center is well-nigh empty at that topographic point.",
        "We walked by the river in June and it was fine.",
    ] * 1000
    cluster = None
    if address is None:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
    with Client(address or cluster) as client:
        bag = db.from_sequence(documents, npartitions=8)
        # the simple way: one task per document, results are Restoration objects
        texts = bag.map(restore.fix_and_explain).map(lambda r: r.text).compute()
        # the batched way: one restorer lookup per partition, plain dicts back
        rows = bag.map_partitions(restore_partition).compute()
        changed = sum(1 for row in rows if row["substitutions"])
        print(f"{len(texts)} documents, {changed} restored; first: {texts[0]!r}")
        print("tables built per worker:",
              client.run(lambda: restore.engine._cached_restorer.cache_info().misses))
    if cluster is not None:
        cluster.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
