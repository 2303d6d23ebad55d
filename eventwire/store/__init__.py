"""Storage: the ``Store`` interface and the default SQLite backend."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.store.base import Store
from eventwire.store.sqlite import SQLiteStore

__all__ = ["Store", "SQLiteStore", "open_store"]


def open_store(path: str | Path | None = None) -> Store:
    """Open (or create) a store: a SQLite file path; ``postgresql://`` URLs are not supported yet."""
    target = str(path or "eventwire.db")
    if target.startswith(("postgresql://", "postgres://")):
        raise ConfigError("PostgreSQL backend is not available yet", item=target)
    return SQLiteStore(target)
