"""Safe URL fetching (httpx) and reading a URL into Articles.

Every hop is checked before connecting: http/https only, and the host must resolve to public
addresses unless ``allow_private_urls`` is set. Cloud metadata endpoints are refused always.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from eventwire.errors import FetchError, InputError
from eventwire.ingest.feed import parse_feed
from eventwire.ingest.html import parse_html
from eventwire.ingest.jsonl import parse_jsonl
from eventwire.ingest.paths import sniff_kind
from eventwire.ingest.text import decode_bytes, parse_text
from eventwire.models import Article
from eventwire.settings import Settings

if TYPE_CHECKING:
    import httpx

__all__ = ["fetch_url", "read_url", "check_url"]

log = logging.getLogger(__name__)

_SCHEMES = frozenset({"http", "https"})
_METADATA = frozenset({ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")})
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _why_refused(ip: IPAddress, settings: Settings) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in _METADATA:
        return "a cloud metadata address (always refused)"
    if settings.allow_private_urls:
        return None
    for flag in ("loopback", "link_local", "multicast", "unspecified", "private", "reserved"):
        if getattr(ip, f"is_{flag}"):
            return f"a {flag.replace('_', '-')} address (set allow_private_urls to allow)"
    if not ip.is_global:
        return "not a public address (set allow_private_urls to allow)"
    return None


def check_url(url: str, settings: Settings, *, item: str | None = None) -> None:
    """Raise FetchError unless ``url`` is http(s) and its host resolves only to allowed addresses."""
    item = item or url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"malformed URL {url!r}: {exc}", item=item) from None
    if parts.scheme.lower() not in _SCHEMES:
        raise FetchError(f"scheme {parts.scheme or '(none)'!r} refused in {url} (http and https only)", item=item)
    host = parts.hostname
    if not host:
        raise FetchError(f"no host in {url}", item=item)
    try:
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme.lower() == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}", item=item) from None
    what = "refused" if url == item else f"redirect to {url} refused"
    for info in infos:
        address = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        why = _why_refused(ipaddress.ip_address(address), settings)
        if why is not None:
            shown = str(ipaddress.ip_address(address))
            if host.strip("[]").lower() in (address.lower(), shown):
                raise FetchError(f"{what}: {shown} is {why}", item=item)
            raise FetchError(f"{what}: {host} resolves to {shown}, {why}", item=item)


def _get(client: httpx.Client, url: str, settings: Settings, item: str) -> tuple[bytes, str, str | None]:
    """One hop: (body, content type, redirect target or None)."""
    with client.stream("GET", url, follow_redirects=False, timeout=settings.fetch_timeout,
                       headers={"User-Agent": settings.user_agent}) as resp:
        if resp.is_redirect:
            location = resp.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {resp.status_code} redirect without Location from {url}", item=item)
            return b"", "", urljoin(url, location)
        if resp.status_code >= 400:
            raise FetchError(f"HTTP {resp.status_code} from {url}", item=item)
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.max_bytes:
            raise FetchError(f"body of {declared} bytes is larger than max_bytes ({settings.max_bytes})",
                             item=item)
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > settings.max_bytes:
                raise FetchError(f"body cut: larger than max_bytes ({settings.max_bytes} bytes)", item=item)
            chunks.append(chunk)
        return b"".join(chunks), resp.headers.get("content-type", ""), None


def fetch_url(url: str, settings: Settings, *, client: httpx.Client | None = None) -> tuple[bytes, str, str]:
    """GET ``url`` safely: (body, content type, final URL). Every failure is a FetchError naming it."""
    import httpx  # loaded on first use

    own = client is None
    if client is None:
        client = httpx.Client(follow_redirects=False, timeout=settings.fetch_timeout)
    try:
        current = url
        for _hop in range(settings.max_redirects + 1):
            check_url(current, settings, item=url)
            body, ctype, target = _get(client, current, settings, url)
            if target is None:
                return body, ctype, current
            log.debug("%s: redirect to %s", url, target)
            current = target
        raise FetchError(f"more than {settings.max_redirects} redirects", item=url)
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc or 'request failed'}", item=url) from None
    finally:
        if own:
            client.close()


def _kind(ctype: str, body: bytes) -> str:
    mime = ctype.split(";", 1)[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if "rss" in mime or "atom" in mime or mime in ("application/xml", "text/xml", "application/rdf+xml"):
        return "html" if sniff_kind(body) == "html" else "feed"
    if "ndjson" in mime or "jsonl" in mime or "json-seq" in mime:
        return "jsonl"
    if mime == "text/plain":
        return "text"
    return sniff_kind(body)


def _charset(ctype: str) -> str | None:
    for param in ctype.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_url(url: str, settings: Settings, *, client: httpx.Client | None = None
             ) -> Iterator[Article | InputError]:
    """Fetch a URL and read it as HTML, a feed, JSON Lines or plain text (by content type, then content)."""
    try:
        body, ctype, final = fetch_url(url, settings, client=client)
    except FetchError as exc:
        yield exc
        return
    fetched_at = datetime.now(UTC)
    kind = _kind(ctype, body)
    try:
        if kind == "feed":
            def fetch(link: str) -> tuple[bytes, str, str]:
                return fetch_url(link, settings, client=client)

            items = parse_feed(body, origin=url, settings=settings, fetch=fetch)
        elif kind == "jsonl":
            items = parse_jsonl(decode_bytes(body, item=url).splitlines(), origin=url, settings=settings)
        else:
            charset = _charset(ctype)
            data: str | bytes = body
            if charset:
                try:
                    data = body.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    log.debug("%s: declared charset %r does not decode, guessing", url, charset)
            if kind == "html":
                items = iter([parse_html(data, origin=url, url=final, settings=settings)])
            else:
                items = iter([parse_text(data, origin=url, url=final, settings=settings)])
        for item in items:
            if isinstance(item, Article) and item.fetched_at is None:
                item = replace(item, fetched_at=fetched_at)
            yield item
    except InputError as exc:
        yield exc

