"""One exception tree. Every error names the item it is about when there is one."""

from __future__ import annotations

__all__ = ["EventwireError", "InputError", "FetchError", "ConfigError", "StoreError"]


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    def __init__(self, message: str, *, item: str | None = None) -> None:
        self.item = item
        self.message = message
        super().__init__(f"{item}: {message}" if item else message)


class InputError(EventwireError):
    """An input item (file, feed entry, JSONL line, text) cannot be read or is not usable."""


class FetchError(InputError):
    """A URL was refused (scheme, address, size) or could not be fetched."""


class ConfigError(EventwireError):
    """Settings or options are inconsistent."""


class StoreError(EventwireError):
    """The database cannot be opened, migrated or written."""
