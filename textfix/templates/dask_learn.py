"""Learning over shards on Dask: each shard is counted on a worker, and the counters are merged
by Dask's own tree reduction (``dask.bag.Bag.fold``). Dask is imported only here."""

from __future__ import annotations

from .counting import DEFAULT_CAP, SiteCounter
from .sources import _files, count_batch


def _count_shard(path: str, text_field: str, site_field: str, cap: int) -> SiteCounter:
    return count_batch([path], text_field, site_field, cap)


def _merge(left: SiteCounter, right: SiteCounter) -> SiteCounter:
    return left.merge(right)


def count_sites_dask(paths: list[str], text_field: str, site_field: str, cap: int | None, scheduler: str | None,
                     workers: int | None) -> SiteCounter:
    """The batch's :class:`SiteCounter`, one task per file, merged by ``Bag.fold``."""
    import dask.bag

    from ..dask_engine import start_client
    from ..parallel import default_jobs

    files = list(_files(paths))
    cap = cap or DEFAULT_CAP
    if not files:
        return SiteCounter(cap=cap)
    client, cluster = start_client(scheduler, workers or default_jobs())
    try:
        bag = dask.bag.from_sequence(files, npartitions=len(files))
        counters = bag.map(_count_shard, text_field, site_field, cap)
        return counters.fold(_merge, _merge, initial=SiteCounter(cap=cap)).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
