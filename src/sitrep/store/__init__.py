"""The store stage: events and their articles kept in a database, queried back.

`open_store()` takes a file path or a URL. SQLite is the default backend:
``sitrep.sqlite``, ``/data/events.sqlite`` or ``sqlite:///relative.sqlite`` /
``sqlite:////absolute/path.sqlite`` (``:memory:`` for a throwaway store). PostgreSQL URLs
are recognised but not yet supported.

Without a target, the ``SITREP_DB`` environment variable is used, else ``./sitrep.sqlite``.
"""

from __future__ import annotations

import os
from pathlib import Path

from sitrep.store.base import AddResult, EventQuery, Store, StoreError, canonical_type
from sitrep.store.sqlite import SCHEMA_VERSION, SQLiteStore

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
    "open_store",
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


def open_store(target: str | Path | None = None) -> Store:
    """Open (creating and migrating as needed) the store at `target`."""
    if target is None:
        target = default_target()
    if isinstance(target, Path):
        return SQLiteStore(target)
    text = target.strip()
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        raise StoreError(
            f"PostgreSQL stores are not yet supported ({text.split('@')[-1]}); "
            f"use an SQLite file path for now"
        )
    path = _sqlite_path(text)
    if path is None:
        raise StoreError(f"unknown store {text!r}: give a file path or a sqlite:/// URL")
    return SQLiteStore(path)
