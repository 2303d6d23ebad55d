"""Ingest: text, HTML, RSS/Atom, JSON Lines, files, folders and (safely fetched) URLs into Articles.

Every reader yields ``Article`` or an ``InputError`` naming the item, so one bad item never stops
a batch.
"""

from eventwire.ingest.feed import parse_feed
from eventwire.ingest.html import parse_html
from eventwire.ingest.jsonl import parse_jsonl
from eventwire.ingest.paths import read_path
from eventwire.ingest.text import decode_bytes, parse_text

__all__ = [
    "decode_bytes",
    "parse_feed",
    "parse_html",
    "parse_jsonl",
    "parse_text",
    "read_path",
]
