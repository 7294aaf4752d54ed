"""The pipeline: articles in, (article, event records) out — in one process or several.

`Pipeline` owns the spaCy model, the gazetteer-backed place resolver and the event extractor,
and batches texts through `nlp.pipe`. `run` spreads batches over worker processes that share
one loaded `Pipeline`, keeping input order; `map_articles` does the same with a function of the
parse and the records run in the workers. Given a Dask scheduler, both hand the batches to that
cluster instead (`sitrep.scaleout`).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc

from sitrep.extract.actors import ActorRegistry
from sitrep.extract.extractor import EventExtractor
from sitrep.extract.headline import headline
from sitrep.nlp import DEFAULT_MODEL, load_nlp
from sitrep.record import Article, EventRecord

Result = tuple[Article, list[EventRecord]]
T = TypeVar("T")
Finish = Callable[[Doc, Article, list[EventRecord]], T]  # run in the worker for each article

# spaCy's parser does not need whole articles at once; very long texts are cut into pieces of
# this many characters so memory stays bounded (a 200 MB file is refused earlier, by read).
MAX_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """What a pipeline is built from; plain data so worker processes can rebuild it."""

    model: str = DEFAULT_MODEL
    gazetteer: Path | None = None  # None: the default gazetteer path
    geo: bool = True  # resolve places (needs the gazetteer)
    actors: Path | None = None  # a user actor registry extending the built-in one


class Pipeline:
    """spaCy + extraction for one process."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self.nlp = load_nlp(self.config.model)
        geo = None
        if self.config.geo:
            from sitrep.geo import Gazetteer, GeoResolver

            geo = GeoResolver(Gazetteer.open(self.config.gazetteer))
        self.extractor = EventExtractor(ActorRegistry(self.config.actors), geo)

    def extract(self, article: Article) -> list[EventRecord]:
        return next(self.pipe([article]))[1]

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Result]:
        """Extract every article, batching the parsing through `nlp.pipe`."""
        return self.map(articles, _result, batch_size)

    def map(self, articles: Iterable[Article], finish: Finish[T],
            batch_size: int = 16) -> Iterator[T]:
        """`finish(doc, article, records)` for every article: for callers (such as scorers)
        that need the parse as well as the records."""
        for batch in batches(articles, batch_size):
            heads = {i: h for i, a in enumerate(batch) if (h := headline(a.title))}
            titles = dict(zip(heads, self.nlp.pipe(heads.values()), strict=True))
            bodies = self.nlp.pipe((a.text[:MAX_CHARS] for a in batch), batch_size=batch_size)
            for i, (doc, article) in enumerate(zip(bodies, batch, strict=True)):
                yield finish(doc, article, self.extractor.extract(doc, article, titles.get(i)))


def _result(doc: Doc, article: Article, records: list[EventRecord]) -> Result:
    return article, records


_worker: Pipeline | None = None  # the pipeline a forked worker inherits from its parent


def _work(batch: list[Article], finish: Finish[T]) -> list[T]:
    assert _worker is not None
    return list(_worker.map(batch, finish))


def batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def run(articles: Iterable[Article], config: PipelineConfig | None = None,
        n_process: int = 1, batch_size: int = 16, scheduler: str | None = None
        ) -> Iterator[Result]:
    """Extract every article with `n_process` processes (0: one per CPU), in input order;
    with `scheduler`, on that Dask cluster ("local": `n_process` workers on this machine)."""
    return map_articles(articles, _result, config, n_process, batch_size, scheduler)


def map_articles(articles: Iterable[Article], finish: Finish[T],
                 config: PipelineConfig | None = None, n_process: int = 1,
                 batch_size: int = 16, scheduler: str | None = None) -> Iterator[T]:
    """`finish(doc, article, records)` for every article, in input order, with `n_process`
    processes (0: one per CPU); `finish` runs in the worker, next to the parse.

    The pipeline is built once, here, before the workers fork: a model or gazetteer that
    fails to load fails in the caller, and the workers share the loaded model's memory.
    With `scheduler` (a Dask address, or "local"), the cluster's workers build their own.
    """
    global _worker
    if scheduler is not None:
        from sitrep.scaleout import dask_map

        yield from dask_map(articles, finish, config or PipelineConfig(), scheduler,
                            n_workers=n_process, batch_size=batch_size)
        return
    pipeline = Pipeline(config)
    if n_process == 0:
        n_process = os.cpu_count() or 1
    if n_process <= 1:
        yield from pipeline.map(articles, finish, batch_size=batch_size)
        return
    _worker = pipeline
    try:
        with mp.get_context("fork").Pool(n_process) as pool:
            # Batches are read and submitted from this thread (the input may be a generator
            # that touches a database), with a bounded number in flight.
            pending: deque[AsyncResult[list[T]]] = deque()
            for batch in batches(articles, batch_size):
                pending.append(pool.apply_async(_work, (batch, finish)))
                while len(pending) >= 2 * n_process:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        _worker = None
