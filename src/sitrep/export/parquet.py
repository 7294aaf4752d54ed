"""Parquet: the flat fields, typed, plus the whole record as a JSON string column."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from sitrep.export.flat import FLAT_FIELDS, flat_row
from sitrep.export.streams import Output, is_binary
from sitrep.record import Article, EventRecord

ROW_GROUP = 10_000
_FLOATS = {"lat", "lon", "confidence"}
_INTS = {f"{k}_{b}" for k in ("fatalities", "injuries") for b in ("low", "best", "high")}
_INTS.add("n_sources")
_BOOLS = {"hedged", "background"}


def parquet_schema() -> Any:
    import pyarrow as pa

    def kind(name: str) -> Any:
        if name in _FLOATS:
            return pa.float64()
        if name in _INTS:
            return pa.int64()
        if name in _BOOLS:
            return pa.bool_()
        if name == "published":
            return pa.date32()
        return pa.string()

    fields = [pa.field(name, kind(name)) for name in FLAT_FIELDS]
    return pa.schema([*fields, pa.field("record", pa.string())])


def _rows(events: Iterable[EventRecord],
          articles: Mapping[str, Article] | None) -> Iterator[dict[str, Any]]:
    for rec in events:
        row = flat_row(rec, articles)
        if row["published"]:
            row["published"] = date.fromisoformat(row["published"])
        row["record"] = json.dumps(rec.to_dict(), ensure_ascii=False)
        yield row


def write_parquet(events: Iterable[EventRecord], out: Output, *,
                  articles: Mapping[str, Article] | None = None) -> int:
    """Write a Parquet file to a path or a binary stream, in row groups of ROW_GROUP."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not isinstance(out, str) and not hasattr(out, "__fspath__") and not is_binary(out):
        raise TypeError("parquet output needs a file path or a binary stream, not a text stream")
    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        chunk: list[dict[str, Any]] = []
        for row in _rows(events, articles):
            chunk.append(row)
            if len(chunk) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n
