"""Ingest: text, HTML, RSS/Atom, JSON Lines, files, folders and (safely fetched) URLs into Articles.

Every reader yields ``Article`` or an ``InputError`` naming the item, so one bad item never stops
a batch. ``httpx``, ``trafilatura`` and ``feedparser`` work is done lazily on first use.
"""

from eventwire.ingest.feed import parse_feed
from eventwire.ingest.fetch import check_url, fetch_url, read_url
from eventwire.ingest.html import html_to_text, parse_html
from eventwire.ingest.jsonl import parse_jsonl
from eventwire.ingest.paths import read_path
from eventwire.ingest.sources import iter_articles
from eventwire.ingest.text import decode_bytes, parse_dateline, parse_text

__all__ = [
    "check_url",
    "decode_bytes",
    "fetch_url",
    "html_to_text",
    "iter_articles",
    "parse_dateline",
    "parse_feed",
    "parse_html",
    "parse_jsonl",
    "parse_text",
    "read_path",
    "read_url",
]
