"""Files and folders: choose the reader by suffix, or by sniffing the content."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.feed import parse_feed
from eventwire.ingest.html import parse_html
from eventwire.ingest.jsonl import parse_jsonl
from eventwire.ingest.text import decode_bytes, parse_text
from eventwire.models import Article
from eventwire.settings import Settings

__all__ = ["read_path", "read_bytes", "sniff_kind", "KINDS"]

log = logging.getLogger(__name__)

_SUFFIXES = (
    ("text", (".txt", ".md", ".text")),
    ("html", (".html", ".htm", ".xhtml")),
    ("feed", (".xml", ".rss", ".atom")),
    ("jsonl", (".jsonl", ".ndjson")),
)
KINDS = ("text", "html", "feed", "jsonl")


def kind_of_suffix(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return next((kind for kind, suffixes in _SUFFIXES if suffix in suffixes), None)


def sniff_kind(data: bytes) -> str:
    """Guess the kind of a document from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def read_bytes(data: bytes, kind: str, *, origin: str, settings: Settings, url: str | None = None
               ) -> Iterator[Article | InputError]:
    """Parse a document already in memory as ``kind`` (text, html, feed, jsonl)."""
    try:
        if kind == "feed":
            yield from parse_feed(data, origin=origin, settings=settings)
        elif kind == "jsonl":
            text = decode_bytes(data, item=origin)
            yield from parse_jsonl(text.splitlines(), origin=origin, settings=settings)
        elif kind == "html":
            yield parse_html(data, origin=origin, url=url, settings=settings)
        else:
            yield parse_text(data, origin=origin, url=url, settings=settings)
    except InputError as exc:
        yield exc


def _read_file(path: Path, settings: Settings, kind: str | None) -> Iterator[Article | InputError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield InputError(f"file is {size} bytes, larger than max_bytes ({settings.max_bytes})", item=origin)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror or exc}", item=origin)
        return
    if not data.strip():
        yield InputError("empty document", item=origin)
        return
    detected = kind or sniff_kind(data)
    # A .xml file that is not a feed (e.g. XHTML) still gets read.
    if kind == "feed" and sniff_kind(data) == "html":
        detected = "html"
    yield from read_bytes(data, detected, origin=origin, settings=settings)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_path(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    """Articles from a file or, recursively and in sorted order, a folder (hidden files skipped)."""
    path = Path(path)
    if not path.exists():
        yield InputError("no such file or directory", item=str(path))
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        for file in files:
            kind = kind_of_suffix(file)
            if kind is None:
                log.debug("%s: skipped, not a known document type", file)
                continue
            yield from _read_file(file, settings, kind)
        return
    yield from _read_file(path, settings, kind_of_suffix(path))
