"""Extraction on a Dask cluster, for corpora larger than one machine.

The caller reads the articles and keeps the database; the cluster's workers parse and extract.
Batches of articles go out as tasks, at most a few per worker at a time, and their results come
back in input order, so memory stays bounded whatever the corpus size. Each worker process builds
one `Pipeline` from the (plain-data) `PipelineConfig` on first use and keeps it: the model and the
gazetteer load once per worker, not once per task. The gazetteer path in the config must name a
file every worker can read (a shared disk, or the same path on every machine).

Deduplication stays with the caller: it is incremental against the one store, and costs well
under a millisecond per mention against tens of milliseconds for extraction.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from sitrep.record import Article

if TYPE_CHECKING:
    from sitrep.pipeline import Finish, Pipeline, PipelineConfig

T = TypeVar("T")

LOCAL = "local"  # the scheduler address that starts a cluster on this machine
CONNECT_TIMEOUT = "10s"


class ClusterError(RuntimeError):
    """The Dask scheduler cannot be reached, or its workers cannot build the pipeline."""


# One pipeline per worker process and config; a lock because a worker may run several tasks at
# once in threads, and a spaCy pipeline is not meant to be shared between threads.
_pipelines: dict[PipelineConfig, Pipeline] = {}
_lock = threading.Lock()


def _pipeline(config: PipelineConfig) -> Pipeline:
    from sitrep.pipeline import Pipeline

    if config not in _pipelines:
        _pipelines[config] = Pipeline(config)
    return _pipelines[config]


def _prepare(config: PipelineConfig) -> str:
    """Build the worker's pipeline now, so that a missing model or gazetteer fails at start."""
    with _lock:
        _pipeline(config)
    return "ready"


def _extract_batch(config: PipelineConfig, batch: list[Article], finish: Finish[T]) -> list[T]:
    with _lock:
        return list(_pipeline(config).map(batch, finish))


def connect(scheduler: str, n_workers: int = 0) -> Any:
    """A `distributed.Client` for `scheduler`: an address such as tcp://10.0.0.5:8786, or
    "local" for a cluster of `n_workers` processes on this machine (0: one per CPU)."""
    from distributed import Client, LocalCluster

    if scheduler == LOCAL:
        cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1,
                               threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster)
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); start one with "
            f"`dask scheduler` and `dask worker ADDRESS`, or use --dask local") from None


def dask_map(articles: Iterable[Article], finish: Finish[T], config: PipelineConfig,
             scheduler: str, n_workers: int = 0, batch_size: int = 16) -> Iterator[T]:
    """`finish(doc, article, records)` for every article, in input order, computed on the
    Dask cluster at `scheduler` (see `connect`)."""
    from sitrep.pipeline import batches

    client = connect(scheduler, n_workers)
    try:
        workers = client.scheduler_info()["workers"]
        if not workers:
            raise ClusterError(f"the Dask scheduler at {scheduler!r} has no workers")
        try:
            client.run(_prepare, config)
        except Exception as exc:
            raise ClusterError(f"a Dask worker could not build the pipeline: {exc}") from exc
        in_flight = 2 * sum(w.get("nthreads", 1) for w in workers.values())
        pending: deque[Any] = deque()
        for batch in batches(articles, batch_size):
            pending.append(client.submit(_extract_batch, config, batch, finish, pure=False))
            while len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()
