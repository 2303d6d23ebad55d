"""Plain text: byte decoding, sanity checks and the dateline/title layout of wire copy."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from datetime import datetime

from eventwire.errors import InputError
from eventwire.models import Article, normalise_text
from eventwire.settings import Settings

__all__ = ["decode_bytes", "check_text", "parse_dateline", "parse_text"]

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF = 8192
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_RE = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
             r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY_RE = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME_RE = (r"(?:\s*(?:[-–—|,@]|at)?\s*(?P<hour>[01]?\d|2[0-3])[:.h](?P<minute>[0-5]\d)"
            r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z]))?(?:\s*(?:GMT|UTC|[A-Z]{2,4}))?)?")
_DATELINES = (
    # Wednesday 22 November 2023 - 09:21 / 22 November 2023
    re.compile(_WEEKDAY_RE + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})"
               + _TIME_RE, re.I),
    # Wednesday, November 22, 2023 09:21 / November 22, 2023
    re.compile(_WEEKDAY_RE + _MONTH_RE + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
               + _TIME_RE, re.I),
    # 2023-11-22, 2023-11-22T09:21, 2023-11-22 09:21
    re.compile(r"(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)"
               r"(?::[0-5]\d)?)?", re.I),
)
_MAX_TITLE = 300


def decode_bytes(data: bytes, *, item: str | None = None) -> str:
    """Decode bytes: BOM, then strict UTF-8, then charset detection; binary data is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:_SNIFF]
    if b"\x00" in head:
        raise InputError("binary content (NUL bytes), not text", item=item)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _detect(data)
    log.debug("%s: not UTF-8, decoding as %s", item, encoding)
    return data.decode(encoding, errors="replace")


def _detect(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset_normalizer ships with requests/httpx stacks
        return "cp1252"
    sample = data[: 1 << 20]
    best = from_bytes(sample).best()
    if best is None:
        return "cp1252"
    # Detectors confuse Latin code pages (cp1250, cp852, mac_*) on short Western text. cp1252 is the
    # web's default for those (WHATWG maps latin-1 to it), so keep the guess only when it yields
    # mostly non-Latin letters (Cyrillic, Greek, Arabic, CJK ...) or cp1252 cannot decode the bytes.
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return best.encoding
    letters = [ch for ch in str(best) if ord(ch) > 127 and ch.isalpha()]
    non_latin = sum(1 for ch in letters if not unicodedata.name(ch, "").startswith("LATIN"))
    return best.encoding if letters and non_latin * 2 > len(letters) else "cp1252"


def check_text(text: str, *, item: str | None = None, settings: Settings | None = None) -> str:
    """Return the normalised text, or raise InputError if it is empty, binary or too large."""
    settings = settings or Settings()
    if len(text) > settings.max_bytes or len(text.encode("utf-8", errors="replace")) > settings.max_bytes:
        raise InputError(f"document larger than max_bytes ({settings.max_bytes} bytes)", item=item)
    head = text[:_SNIFF]
    if "\x00" in head:
        raise InputError("binary content (NUL characters), not text", item=item)
    if head:
        bad = sum(1 for ch in head if ord(ch) in _CONTROL or ch == "\ufffd")
        if bad / len(head) > 0.1:
            raise InputError("binary content (mostly control or undecodable characters), not text", item=item)
    norm = normalise_text(text)
    if not norm:
        raise InputError("empty document", item=item)
    return norm


def parse_dateline(line: str, *, within: bool = False) -> datetime | None:
    """A line that is only a date (and maybe a time), e.g. "Wednesday 22 November 2023 - 09:21"; with
    ``within``, a date inside a byline ("By Our Correspondent | Published: 15 October 2025, 09:10")."""
    line = line.strip()
    for pattern in _DATELINES:
        m = pattern.search(line) if within else pattern.fullmatch(line)
        if m is None or within and m.start() and line[m.start() - 1].isalnum():
            continue
        parts = m.groupdict()
        if parts.get("month"):
            month = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(parts["month"].lower()[:3]))
        else:
            month = int(parts["mon"])
        hour = int(parts["hour"] or 0)
        ampm = (parts.get("ampm") or "").lower()[:1]
        if ampm == "p" and hour < 12:
            hour += 12  # "2:25 PM"
        elif ampm == "a" and hour == 12:
            hour = 0  # "12:40 a.m."
        try:
            return datetime(int(parts["year"]), month, int(parts["day"]), hour, int(parts["minute"] or 0))
        except ValueError:
            return None
    return None


def _looks_like_title(lines: list[str], i: int) -> bool:
    line = lines[i]
    followed_by_break = i + 1 >= len(lines) or not lines[i + 1]
    return followed_by_break and len(line) <= _MAX_TITLE and not line.endswith((".", "!", "?", ":", ";", ","))


def _layout(text: str) -> tuple[datetime | None, str | None]:
    """Dateline on the first line, headline on the next non-empty one (wire/agency copy layout)."""
    lines = text.split("\n")
    idx = [i for i, line in enumerate(lines) if line][:2]
    if not idx:
        return None, None
    published = parse_dateline(lines[idx[0]])
    title_at = idx[1] if published is not None and len(idx) > 1 else (idx[0] if published is None else None)
    title = lines[title_at] if title_at is not None and _looks_like_title(lines, title_at) else None
    if published is None and len(idx) > 1 and len(lines[idx[0]]) <= _MAX_TITLE and \
            not lines[idx[0]].endswith((".", "!", "?", ":", ";", ",")) and _looks_like_byline(lines[idx[1]]):
        # headline first, then a byline or date line: "By Our Correspondent | Published: 15 October 2025, 09:10",
        # "November 20, 2025, 10:25", "Updated: 20 January 2026, 10:45 CET"
        byline_date = parse_dateline(lines[idx[1]], within=True)
        if byline_date is not None:
            published, title = byline_date, lines[idx[0]]
    return published, title


def _looks_like_byline(line: str) -> bool:
    # a short line that is not a sentence of the story ("ADDIS ABABA, March 19, 2024 (EPA) - Troops ...")
    return len(line) <= 120 and not re.search(r"[.!?]\s*$|\s[-–—]\s+\w+\s+\w+\s+\w+", line)


def parse_text(
    text: str | bytes,
    *,
    origin: str | None = None,
    source_name: str | None = None,
    url: str | None = None,
    published: datetime | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """One plain-text article. ``Article.text`` is the whole normalised text (offsets point into it)."""
    if isinstance(text, bytes):
        settings = settings or Settings()
        if len(text) > settings.max_bytes:
            raise InputError(f"document larger than max_bytes ({settings.max_bytes} bytes)", item=origin)
        text = decode_bytes(text, item=origin)
    norm = check_text(text, item=origin, settings=settings)
    found_date, found_title = _layout(norm)
    return Article.from_text(
        norm,
        url=url,
        source_name=source_name,
        published=published if published is not None else found_date,
        title=title if title is not None else found_title,
        origin=origin,
    )
