"""The Python API that the command line is a thin layer over.

    >>> import sitrep
    >>> events = sitrep.extract("Gunmen killed five villagers in Kaduna on Monday.",
    ...                         published="2024-03-06")
    >>> with sitrep.open_store("events.sqlite") as store:
    ...     sitrep.ingest(["articles/"], store)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from sitrep.pipeline import Pipeline, PipelineConfig, run
from sitrep.read import MAX_BYTES, ReadFailure, parse_published, read_paths
from sitrep.record import Article, EventRecord
from sitrep.store import Store


@cache
def _default_pipeline() -> Pipeline:
    return Pipeline()


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    parsed = parse_published(value)
    if parsed is None:
        raise ValueError(f"cannot read {value!r} as a publication date; use YYYY-MM-DD")
    return parsed


def extract(text: str, published: date | str | None = None, title: str | None = None,
            url: str | None = None, source: str | None = None) -> list[EventRecord]:
    """Event records for one article given as its body text (and optionally its title).

    Evidence offsets index `text` exactly as given."""
    if not text.strip():
        raise ValueError("empty article: no text to extract events from")
    article = Article(text=text, title=title or "", published=_as_date(published), url=url,
                      source=source)
    return extract_article(article)


def extract_article(article: Article) -> list[EventRecord]:
    """Event records for one `Article`, with the default pipeline."""
    return _default_pipeline().extract(article)


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: counts, and every input that could not be read."""

    articles_added: int = 0
    articles_skipped: int = 0
    events_added: int = 0
    failures: list[ReadFailure] = field(default_factory=list)


def read_new(paths: Iterable[str | Path], store: Store, published: date | None,
             report: IngestReport, max_bytes: int | None = None) -> Iterator[Article]:
    """Articles from `paths` that `store` does not hold yet; failures go into `report`."""
    for item in read_paths(paths, published=published, max_bytes=max_bytes or MAX_BYTES):
        if isinstance(item, ReadFailure):
            report.failures.append(item)
        elif store.has_article(item.id):
            report.articles_skipped += 1
        else:
            yield item


def ingest(paths: Iterable[str | Path], store: Store, *, published: date | None = None,
           config: PipelineConfig | None = None, n_process: int = 1, batch_size: int = 32,
           max_bytes: int | None = None, scheduler: str | None = None,
           on_batch: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Read, extract and store every article under `paths`, one transaction per batch.

    With `scheduler` (a Dask scheduler address, or "local"), extraction runs on that cluster
    while this process reads the files and writes the store.

    Articles already in the store are skipped before extraction, so a run that was killed
    half-way and started again finishes the job with nothing lost and nothing doubled.
    """
    report = IngestReport()
    fresh = read_new(paths, store, published, report, max_bytes)
    batch: list[tuple[Article, list[EventRecord]]] = []

    def flush() -> None:
        result = store.add(batch)
        report.articles_added += result.articles_added
        report.articles_skipped += result.articles_skipped
        report.events_added += result.events_added
        batch.clear()
        if on_batch is not None:
            on_batch(report)

    for article, records in run(fresh, config, n_process=n_process, batch_size=batch_size,
                               scheduler=scheduler):
        batch.append((article, records))
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return report
