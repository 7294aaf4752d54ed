"""The store stage: events and their articles kept in a database, queried back.

`open_store()` takes a file path or a URL. SQLite is the default backend:
``sitrep.sqlite``, ``/data/events.sqlite`` or ``sqlite:///relative.sqlite`` /
``sqlite:////absolute/path.sqlite`` (``:memory:`` for a throwaway store). A
``postgresql://user@host/dbname`` URL opens a PostgreSQL database instead
(`sitrep.store.postgres`), for a store that several people or machines share.

Without a target, the ``SITREP_DB`` environment variable is used, else ``./sitrep.sqlite``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sitrep.store.base import AddResult, EventQuery, Store, StoreError, canonical_type
from sitrep.store.sqlite import SCHEMA_VERSION, SQLiteStore


def is_postgres_url(target: str) -> bool:
    """Whether `target` is a PostgreSQL URL (postgresql:// or postgres://)."""
    return "://" in target and target.split("://", 1)[0].lower() in ("postgresql", "postgres")


def public_target(target: str | Path) -> str:
    """`target` as it may be shown: a URL's password hidden."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", str(target))

DEFAULT_DB = "sitrep.sqlite"
ENV_VAR = "SITREP_DB"

__all__ = [
    "DEFAULT_DB",
    "ENV_VAR",
    "SCHEMA_VERSION",
    "AddResult",
    "EventQuery",
    "SQLiteStore",
    "Store",
    "StoreError",
    "canonical_type",
    "default_db_path",
    "default_target",
    "is_postgres_url",
    "open_store",
    "public_target",
]


def default_target() -> str:
    """What `open_store()` opens when given nothing: ``$SITREP_DB`` or ``./sitrep.sqlite``."""
    return os.environ.get(ENV_VAR, "").strip() or DEFAULT_DB


def default_db_path() -> Path:
    """The default SQLite file: ``$SITREP_DB`` (a path or ``sqlite:///`` URL), else
    ``./sitrep.sqlite``. StoreError when ``SITREP_DB`` names another kind of database."""
    target = default_target()
    path = _sqlite_path(target)
    if path is None:
        raise StoreError(f"{ENV_VAR}={target!r} does not name an SQLite file")
    return Path(path)


def _sqlite_path(target: str) -> str | None:
    if target.startswith("sqlite:///"):
        return target[len("sqlite:///"):] or None
    if "://" in target:
        return None
    return target


def open_store(target: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating and migrating as needed) the store at `target`; with `read_only`, an
    existing, current store for reading only."""
    if target is None:
        target = default_target()
    if isinstance(target, Path):
        return SQLiteStore(target, read_only=read_only)
    text = target.strip()
    if is_postgres_url(text):
        from sitrep.store.postgres import PostgresStore

        return PostgresStore(text, read_only=read_only)
    path = _sqlite_path(text)
    if path is None:
        raise StoreError(f"unknown store {text!r}: give a file path, a sqlite:/// URL or "
                         f"a postgresql:// URL")
    return SQLiteStore(path, read_only=read_only)
