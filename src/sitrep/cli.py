"""The `sitrep` command line: a thin layer over `sitrep.api`, the store and the exporters."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from sitrep.geo.cli import gazetteer
from sitrep.read import ReadFailure, parse_published

F = TypeVar("F", bound=Callable[..., Any])

EXTRACT_FORMATS = ["jsonl", "csv", "table", "geojson"]
EVENTS_FORMATS = ["table", "jsonl", "csv", "geojson"]
EXPORT_FORMATS = ["acled-csv", "geojson", "jsonl", "parquet", "csv"]


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    parsed = parse_published(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD")
    return parsed


def _filter(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Check one filter option as soon as it is read, with the parser the REST API uses."""
    from sitrep.store.filters import FilterError, parse_bbox, parse_date, parse_near

    try:
        if param.name == "near":
            return parse_near(value)
        if param.name == "bbox":
            return parse_bbox(value)
        return parse_date(value, param.name or "date")
    except FilterError as exc:
        raise click.BadParameter(exc.message) from None


def _report_failures(failures: list[ReadFailure]) -> None:
    for failure in failures:
        click.echo(f"error: {failure.origin}: {failure.reason}", err=True)


DB_HELP = ("Database: an SQLite file or a postgresql://user@host/dbname URL "
           "(default: $SITREP_DB or ./sitrep.sqlite).")


def db_option(func: F) -> F:
    """--db: the store that commands read or write (a file path or a URL)."""
    return click.option("--db", metavar="FILE|URL", default=None, help=DB_HELP)(func)


def pipeline_options(func: F) -> F:
    """Options that shape extraction, shared by `extract` and `ingest`."""
    options = [
        click.option("--published", callback=_date, metavar="DATE",
                     help="Publication date for articles that do not give one (YYYY-MM-DD)."),
        click.option("--workers", "-j", default=1, show_default=True, type=int,
                     help="Worker processes (0: one per CPU)."),
        click.option("--dask", "scheduler", metavar="ADDRESS|local",
                     help="Extract on a Dask cluster: a scheduler address such as "
                          "tcp://10.0.0.5:8786, or 'local' for --workers processes here."),
        click.option("--no-geo", is_flag=True, help="Skip place resolution (no gazetteer)."),
        click.option("--gazetteer", type=click.Path(path_type=Path), metavar="FILE",
                     help="Gazetteer file (default: $SITREP_GAZETTEER or the user data dir)."),
        click.option("--actors", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Extra actor registry (JSON, same shape as the built-in one)."),
        click.option("--max-bytes", type=int, default=None,
                     help="Refuse input files larger than this (default 50 MB)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def query_options(func: F) -> F:
    """Filters shared by `events` and `export`."""
    options = [
        db_option,
        click.option("--id", "event_id", metavar="ID",
                     help="One event, by its id, an old id merged into it, or a mention's id."),
        click.option("--since", callback=_filter, metavar="DATE",
                     help="Events on or after DATE."),
        click.option("--until", callback=_filter, metavar="DATE",
                     help="Events on or before DATE."),
        click.option("--type", "types", multiple=True, metavar="TYPE",
                     help="Event type or sub-event type; repeat for several."),
        click.option("--country", metavar="NAME|CC", help="Country name or ISO code."),
        click.option("--actor", metavar="NAME",
                     help="Actor name or part of one (actor1, actor2 or an associate)."),
        click.option("--near", callback=_filter, metavar="LAT,LON,KM",
                     help="Within KM kilometres of a point."),
        click.option("--bbox", callback=_filter, metavar="W,S,E,N",
                     help="Inside a box: min lon, min lat, max lon, max lat."),
        click.option("--text", metavar="WORDS", help="Full-text words in the article or evidence."),
        click.option("--no-background", is_flag=True,
                     help="Leave out events the articles recount as history."),
        click.option("--limit", type=int, default=None, help="At most this many events."),
        click.option("--mentions", is_flag=True,
                     help="One record per article mention instead of deduplicated events."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _config(no_geo: bool, gazetteer: Path | None, actors: Path | None) -> Any:
    from sitrep.pipeline import PipelineConfig

    return PipelineConfig(gazetteer=gazetteer, geo=not no_geo, actors=actors)


def _query(kw: dict[str, Any]) -> Any:
    """The EventQuery of the filter options (the parser the REST API uses too)."""
    from sitrep.store.filters import FilterError, build_query

    try:
        return build_query(since=kw["since"], until=kw["until"], types=kw["types"],
                           country=kw["country"], actor=kw["actor"], near=kw["near"],
                           bbox=kw["bbox"],
                           text=kw["text"], include_background=not kw["no_background"],
                           limit=kw["limit"], event_id=kw["event_id"])
    except FilterError as exc:
        raise click.UsageError(exc.message) from None


def _select(store: Any, query: Any, mentions: bool) -> tuple[list[Any], dict[str, Any]]:
    """The matching events (or mentions) and the articles they come from."""
    found = list(store.mentions(query) if mentions else store.events(query))
    ids = {e.article_id for e in found} | {s.article_id for e in found for s in e.sources}
    return found, store.articles(ids)


@contextmanager
def _cluster_errors() -> Iterator[None]:
    """A Dask scheduler that cannot be reached, or whose workers fail to start, ends the
    command with its message rather than a traceback."""
    from sitrep.scaleout import ClusterError

    try:
        yield
    except ClusterError as exc:
        raise click.ClickException(str(exc)) from None


def _open_store(db: str | None) -> Any:
    from sitrep.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitrep")
def main() -> None:
    """Sitrep: news reports of armed conflict turned into a sourced incident database.

    \b
    Examples:
      sitrep extract article.txt --published 2016-11-05 --format table
      sitrep ingest articles/ --db events.sqlite
      sitrep events --db events.sqlite --country Iraq --since 2016-11-01
      sitrep export --db events.sqlite --format acled-csv -o events.csv
      sitrep serve --db events.sqlite              # web map and REST API
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(EXTRACT_FORMATS), default="jsonl",
              show_default=True, help="How to print the event records.")
@pipeline_options
def extract(paths: tuple[str, ...], fmt: str, published: date | None, workers: int,
            scheduler: str | None, no_geo: bool, gazetteer: Path | None, actors: Path | None,
            max_bytes: int | None) -> None:
    """Print the event records found in PATHS (files, directories or - for stdin).

    No database is needed. The exit code is 1 when some input could not be read.

    \b
    Example:
      sitrep extract report.txt --published 2016-11-05 --format table
      cat feed.xml | sitrep extract - --format jsonl
    """
    from sitrep.export import write_events
    from sitrep.pipeline import run
    from sitrep.read import MAX_BYTES, read_paths

    failures: list[ReadFailure] = []
    articles = {}

    def good() -> Any:
        for item in read_paths(paths, published=published,
                               max_bytes=max_bytes or MAX_BYTES):
            if isinstance(item, ReadFailure):
                failures.append(item)
            else:
                yield item

    def records() -> Any:
        for article, found in run(good(), _config(no_geo, gazetteer, actors), n_process=workers,
                                   scheduler=scheduler):
            articles[article.id] = article
            yield from found

    out = sys.stdout
    with _cluster_errors():
        write_events(records(), fmt, out, articles=articles)
    out.flush()
    _report_failures(failures)
    if failures:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--batch-size", default=32, show_default=True,
              help="Articles per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@pipeline_options
def ingest(paths: tuple[str, ...], db: str | None, batch_size: int, quiet: bool,
           published: date | None, workers: int, scheduler: str | None, no_geo: bool,
           gazetteer: Path | None, actors: Path | None, max_bytes: int | None) -> None:
    """Extract events from PATHS and store articles and events in the database.

    An article already stored is skipped, so ingesting twice stores it once, and a run that
    was killed can be started again to finish the job. The exit code is 1 when some input
    could not be read (the rest is still stored).

    \b
    Example:
      sitrep ingest news/ feeds/latest.xml --db events.sqlite
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from sitrep.api import IngestReport
    from sitrep.api import ingest as run_ingest

    started = time.perf_counter()
    with _cluster_errors(), _open_store(db) as store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
        transient=True, disable=quiet, console=Console(stderr=True),
    ) as progress:
        task = progress.add_task("ingesting", total=None)

        def show(report: IngestReport) -> None:
            rate = report.articles_added / max(time.perf_counter() - started, 1e-9)
            progress.update(task, description=(
                f"{report.articles_added} articles stored, {report.events_added} events, "
                f"{report.articles_skipped} already stored, {len(report.failures)} failed "
                f"({rate:.1f} articles/s)"))

        report = run_ingest(paths, store, published=published,
                            config=_config(no_geo, gazetteer, actors), n_process=workers,
                            scheduler=scheduler,
                            batch_size=batch_size, max_bytes=max_bytes, on_batch=show)
    _report_failures(report.failures)
    elapsed = time.perf_counter() - started
    click.echo(f"{report.articles_added} articles stored, {report.events_added} events, "
               f"{report.articles_skipped} already stored, {len(report.failures)} failed "
               f"in {elapsed:.1f}s", err=True)
    if report.failures:
        sys.exit(1)


@main.command()
@query_options
@click.option("--format", "fmt", type=click.Choice(EVENTS_FORMATS), default="table",
              show_default=True)
def events(fmt: str, db: str | None, mentions: bool, **kw: Any) -> None:
    """List stored events, newest first, filtered by date, type, place and words.

    Reports of one incident in several articles are one event that keeps all its sources;
    --mentions lists each article's mention instead.

    \b
    Examples:
      sitrep events --country Iraq --since 2016-11-01 --type "Air/drone strike"
      sitrep events --near 36.34,43.13,25 --format geojson > mosul.geojson
      sitrep events --text "car bomb" --format jsonl
    """
    from sitrep.export import write_events

    query = _query(kw)
    with _open_store(db) as store:
        found, articles = _select(store, query, mentions)
        write_events(found, fmt, sys.stdout, articles=articles)


@main.command()
@click.argument("event_id")
@db_option
def history(event_id: str, db: str | None) -> None:
    """How an event was built: each report that started or joined it (and why), and the
    merges and splits it took part in.

    \b
    Example:
      sitrep history 3f2a9c81d4e05b17
    """
    with _open_store(db) as store:
        current = store.resolve_event(event_id)
        if current is None:
            raise click.ClickException(f"no event or mention with id {event_id}")
        if current != event_id:
            click.echo(f"{event_id} is now part of event {current}")
        for row in store.merge_log(current):
            score = "" if row["score"] is None else f"{row['score']:.2f}"
            click.echo("\t".join([row["at"] or "", row["action"], row["event"],
                                  row["mention"] or "", score, row["reason"] or ""]))


@main.command()
@click.argument("event_id")
@click.argument("mention_ids", nargs=-1, required=True)
@click.option("--reason", required=True, help="Why these reports are another incident.")
@db_option
def split(event_id: str, mention_ids: tuple[str, ...], reason: str, db: str | None) -> None:
    """Move reports (mentions) out of an event into a new event of their own; the split is
    logged with its reason and the two are never merged back.

    \b
    Example (mention ids from `sitrep events --id EVENT --mentions --format jsonl`):
      sitrep split 3f2a9c81d4e05b17 a07c55e1b2d94f60 --reason "a second attack that night"
    """
    from sitrep.store import StoreError

    with _open_store(db) as store:
        try:
            new = store.split_event(event_id, list(mention_ids), reason)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"{len(mention_ids)} mentions moved from {event_id} to new event {new}")


@main.command()
@query_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Output file (default: stdout; required for parquet).")
def export(fmt: str, output: Path | None, db: str | None, mentions: bool, **kw: Any) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON, JSON lines, Parquet or flat CSV.

    \b
    Examples:
      sitrep export --format acled-csv -o events.csv
      sitrep export --format parquet -o events.parquet --since 2024-01-01
    """
    from sitrep.export import write_events

    if fmt == "parquet" and output is None:
        raise click.UsageError("parquet needs a file: add --output FILE")
    if output is not None and not output.parent.is_dir():
        raise click.ClickException(f"cannot write {output}: folder {output.parent} does not exist")
    query = _query(kw)
    with _open_store(db) as store:
        found, articles = _select(store, query, mentions)
        if output is None:
            n = write_events(found, fmt, sys.stdout, articles=articles)
        else:
            n = write_events(found, fmt, output, articles=articles)
    click.echo(f"{n} events exported" + (f" to {output}" if output else ""), err=True)


@main.command()
@click.option("--db", metavar="FILE|URL", required=True,
              help="The database that `sitrep ingest` filled (it must exist): an SQLite file "
                   "or a postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface; the API has no login).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
def serve(db: str, host: str, port: int) -> None:
    """Browse the stored events on a web map and query them as JSON (REST API).

    Read-only: nothing is written to the events. The map (/) needs the browser libraries
    that `make setup` installs; nothing is fetched from the network. The API's filters are
    those of `sitrep events`; see docs/web.md and /openapi.json.

    \b
    Endpoints:
      /                       the map: markers by event type, filters, event list
      /api/events             events as JSON (country, actor, since, until, type, text,
                              near, bbox, no_background, limit, offset, mentions)
      /api/events.geojson     the same as GeoJSON
      /api/events/ID          one event, its reports (mentions) and its history
      /api/meta               counts, date range, types and countries
      /openapi.json           the API described (OpenAPI 3)

    \b
    Examples:
      sitrep serve --db var/demo.sqlite
      sitrep serve --db events.sqlite --port 8080
      curl 'http://127.0.0.1:8000/api/events?country=Iraq&type=Air/drone%20strike&limit=20'
    """
    import socket

    import uvicorn

    from sitrep.store import StoreError, public_target
    from sitrep.web.app import check_db, create_app
    from sitrep.web.assets import SETUP_HINT, missing_assets, node_modules

    try:
        check_db(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    missing = missing_assets()
    if missing:
        raise click.ClickException(
            f"the web map's browser libraries are missing ({', '.join(missing)} under "
            f"{node_modules()}); {SETUP_HINT}")
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise click.ClickException(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; choose another --port "
            f"or --host") from None
    app = create_app(db)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {public_target(db)} at http://{shown}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command("eval")
@click.argument("dataset", required=False)
@click.option("--split", default=None, help="dev or test, where the set has splits.")
@click.option("--limit", type=int, default=None, help="Score at most this many items.")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None,
              help="Folder of gold sets (default: $SITREP_EVAL_DATA or ../shared/data).")
@click.option("--workers", "-j", default=1, show_default=True, help="Worker processes.")
def evaluate(dataset: str | None, split: str | None, limit: int | None, data_dir: Path | None,
             workers: int) -> None:
    """Score Sitrep against a public gold set and print a results table (Markdown).

    Run without DATASET to list the scorers.

    \b
    Example:
      sitrep eval gva_longtail --split dev
    """
    from sitrep.eval import Options, load_scorers
    from sitrep.eval import data_dir as resolve_data_dir

    scorers = load_scorers()
    if dataset is None:
        for name in sorted(scorers):
            click.echo(name)
        return
    if dataset not in scorers:
        choices = ", ".join(sorted(scorers))
        raise click.UsageError(f"no scorer {dataset!r}; choose one of: {choices}")
    folder = resolve_data_dir(data_dir)
    if not folder.is_dir():
        raise click.ClickException(
            f"gold data folder {folder} not found; pass --data-dir or set SITREP_EVAL_DATA")
    report = scorers[dataset](Options(data=folder, split=split, limit=limit, workers=workers))
    click.echo(report.markdown())


main.add_command(gazetteer)
