"""Many sources at once: paths, folders, http(s) URLs and "-" (standard input)."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.ingest.fetch import read_url
from eventwire.ingest.paths import read_bytes, read_path, sniff_kind
from eventwire.models import Article
from eventwire.settings import Settings

__all__ = ["iter_articles"]

log = logging.getLogger(__name__)

_URL = re.compile(r"https?://", re.I)
_OTHER_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:(//|/)", re.I)  # ftp://, file:///, data:/ ...
STDIN = "-"


def _one(source: str, settings: Settings, stdin: BinaryIO | None) -> Iterator[Article | InputError]:
    if _URL.match(source):
        yield from read_url(source, settings)
    elif _OTHER_SCHEME.match(source) and not Path(source).exists():
        scheme = source.split(":", 1)[0]
        yield InputError(f"scheme {scheme!r} not supported (http and https URLs, or local paths)", item=source)
    elif source == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            yield InputError(f"input larger than max_bytes ({settings.max_bytes} bytes)", item="<stdin>")
            return
        yield from read_bytes(data, sniff_kind(data), origin="<stdin>", settings=settings)
    else:
        yield from read_path(Path(source), settings)


def iter_articles(sources: Iterable[str], settings: Settings, *, stdin: BinaryIO | None = None
                  ) -> Iterator[Article | InputError]:
    """Articles from every source in order; a bad item yields its InputError and the rest go on."""
    for source in sources:
        try:
            yield from _one(source, settings, stdin)
        except InputError as exc:
            yield exc
        except Exception as exc:  # a bug or a library failure on one source must not end the batch
            log.exception("%s: unexpected failure while reading", source)
            yield InputError(f"unexpected failure while reading: {type(exc).__name__}: {exc}", item=source)
