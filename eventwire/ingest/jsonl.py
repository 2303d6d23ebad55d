"""JSON Lines: one article object a line; a bad line is reported and the rest go on."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.text import parse_text
from eventwire.models import Article
from eventwire.settings import Settings

__all__ = ["parse_jsonl"]

log = logging.getLogger(__name__)

_STR_FIELDS = ("id", "url", "source_name", "title")


def _article(obj: Any, item: str, settings: Settings | None) -> Article:
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", item=item)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError('missing or non-string "text"', item=item)
    for key in _STR_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise InputError(f'"{key}" must be a string', item=item)
    published = obj.get("published")
    if published is not None:
        try:
            published = datetime.fromisoformat(str(published).replace("Z", "+00:00"))
        except ValueError:
            raise InputError(f'"published" is not an ISO date: {published!r}', item=item) from None
    article = parse_text(text, origin=item, source_name=obj.get("source_name"), url=obj.get("url"),
                         published=published, title=obj.get("title"), settings=settings)
    given_id = (obj.get("id") or "").strip()
    return replace(article, id=given_id) if given_id else article


def parse_jsonl(
    lines: Iterable[str] | str,
    *,
    origin: str | None = None,
    settings: Settings | None = None,
) -> Iterator[Article | InputError]:
    """Articles from JSON Lines ({"id"?, "text", "published"?, "url"?, "source_name"?, "title"?})."""
    name = origin or "<jsonl>"
    if isinstance(lines, str):
        lines = lines.splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        item = f"{name}:line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"invalid JSON ({exc.msg} at column {exc.colno})", item=item)
            continue
        try:
            yield _article(obj, item, settings)
        except InputError as exc:
            yield exc
