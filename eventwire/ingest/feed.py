"""RSS/Atom feeds (feedparser): one Article per item, optionally from the linked page."""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from eventwire.errors import EventwireError, InputError
from eventwire.ingest.html import html_to_text, parse_html
from eventwire.models import Article
from eventwire.settings import Settings

__all__ = ["parse_feed", "Fetch"]

log = logging.getLogger(__name__)

Fetch = Callable[[str], tuple[bytes, str, str]]  # url -> (body, content type, final url)


def _published(entry: Any) -> datetime | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw)  # RSS: keeps the stated offset
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00"))  # Atom
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return None


def _body(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    html = max(contents, key=len) if contents else ""
    summary = entry.get("summary") or ""
    return html_to_text(html if len(html) > len(summary) else summary)


def _usable(entry: Any) -> bool:
    return bool(entry.get("title") or entry.get("summary") or entry.get("content") or entry.get("link"))


def _from_link(link: str, fetch: Fetch, settings: Settings, item: str, source: str | None) -> Article:
    body, _ctype, final = fetch(link)
    return parse_html(body, origin=item, url=final, source_name=source, settings=settings)


def parse_feed(
    data: str | bytes,
    *,
    origin: str | None = None,
    settings: Settings,
    fetch: Fetch | None = None,
) -> Iterator[Article | InputError]:
    """Articles from an RSS/Atom feed; a feed that cannot be read gives one InputError."""
    import feedparser  # loaded on first use

    name = origin or "<feed>"
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > settings.max_bytes:
        yield InputError(f"feed larger than max_bytes ({settings.max_bytes} bytes)", item=name)
        return
    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is tolerant, but guard the parser stack too
        yield InputError(f"feed cannot be parsed: {exc}", item=name)
        return
    entries = [e for e in parsed.entries if _usable(e)]
    if not entries:
        why = f": {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
        yield InputError(f"not a readable RSS/Atom feed or no items{why}", item=name)
        return
    if parsed.get("bozo"):
        log.warning("%s: feed is malformed (%s); kept %d item(s)", name, parsed.get("bozo_exception"), len(entries))
    source = parsed.feed.get("title") or None
    if settings.follow_feed_links and fetch is None:
        from eventwire.ingest.fetch import fetch_url

        def fetch(url: str) -> tuple[bytes, str, str]:
            return fetch_url(url, settings)

    for n, entry in enumerate(entries, 1):
        item = f"{name}#item {n}"
        link = entry.get("link") or None
        title = " ".join((entry.get("title") or "").split()) or None
        published = _published(entry)
        if settings.follow_feed_links and link and fetch is not None:
            try:
                article = _from_link(link, fetch, settings, item, source)
                yield Article.from_text(article.text, url=article.url, source_name=article.source_name,
                                        published=published or article.published,
                                        title=title or article.title, origin=item)
                continue
            except EventwireError as exc:
                log.warning("%s: linked page not used, falling back to the feed summary: %s", item, exc)
        body = _body(entry)
        text = "\n\n".join(p for p in (title, body) if p)
        if not text:
            yield InputError("feed item has no title or text", item=item)
            continue
        yield Article.from_text(text, url=link, source_name=source, published=published, title=title,
                                origin=item)
