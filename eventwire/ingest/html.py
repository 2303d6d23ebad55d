"""HTML pages (main text and metadata via trafilatura) and HTML fragments (feed summaries)."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from html.parser import HTMLParser

from eventwire.errors import InputError
from eventwire.ingest.text import check_text, decode_bytes
from eventwire.models import Article
from eventwire.settings import Settings

__all__ = ["parse_html", "html_to_text", "decode_html"]

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote",
    "article", "section", "header", "footer", "pre", "hr", "dd", "dt", "figcaption",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
# Keep the time of day and the offset when the page states them.
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def decode_html(data: bytes, *, item: str | None = None) -> str:
    """Decode HTML bytes, honouring a <meta charset> declaration before guessing."""
    m = _META_CHARSET.search(data[:4096])
    if m is not None and b"\x00" not in data[:8192]:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %r does not decode, guessing", item, m.group(1))
    return decode_bytes(data, item=item)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, block elements become line breaks."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    text = "".join(collector.parts)
    # Blank line between blocks, single spaces inside them.
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*", text)]
    return "\n\n".join(b for b in blocks if b)


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


def parse_html(
    html: str | bytes,
    *,
    origin: str | None = None,
    url: str | None = None,
    source_name: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Main text of an HTML page with its title, date and site name (trafilatura)."""
    import trafilatura  # heavy: loaded on first use

    settings = settings or Settings()
    item = origin or url
    if isinstance(html, bytes):
        if len(html) > settings.max_bytes:
            raise InputError(f"document larger than max_bytes ({settings.max_bytes} bytes)", item=item)
        html = decode_html(html, item=item)
    if not html.strip():
        raise InputError("empty document", item=item)
    check_text(html, item=item, settings=settings)  # binary / size guard on the raw page
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # trafilatura/lxml raise many types on malformed markup
        log.debug("%s: trafilatura failed: %r", item, exc)
        doc = None
    meta = doc.as_dict() if doc is not None else {}
    text = meta.get("text") or ""
    if not text.strip():
        # Short or odd pages trafilatura declines: fall back to every visible text node.
        text = html_to_text(html)
    if not text.strip():
        raise InputError("no text could be extracted from the HTML", item=item)
    norm = check_text(text, item=item, settings=settings)
    return Article.from_text(
        norm,
        url=url or meta.get("url"),
        source_name=source_name or meta.get("sitename") or None,
        published=_parse_date(meta.get("date")),
        title=meta.get("title") or None,
        origin=origin or url,
    )
