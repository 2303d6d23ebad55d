"""The data model: frozen dataclasses that every stage passes along.

Every extracted value can carry the Span(s) of text it came from. Unknown numbers are
``None``, never 0. All classes round-trip through plain JSON via ``to_dict``/``from_dict``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

__all__ = [
    "Article",
    "Span",
    "Actor",
    "Place",
    "EventDate",
    "Count",
    "Claim",
    "Event",
    "Tally",
    "Framing",
    "ClaimStatus",
    "article_id",
    "normalise_text",
    "to_dict",
    "from_dict",
]

ClaimStatus = Literal["confirmed", "reported", "claimed", "denied"]

_WS = re.compile(r"[ \t\r\f\v]+")


def normalise_text(text: str) -> str:
    """NFC, unified newlines, trimmed runs of spaces: the form article ids are computed on."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def article_id(text: str) -> str:
    """sha256 hex of the normalised text, so the same article twice is one article."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into ``Article.text`` (end exclusive) and the text they cover."""

    start: int
    end: int
    text: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    url: str | None = None
    source_name: str | None = None
    published: datetime | None = None
    title: str | None = None
    language: str = "en"
    fetched_at: datetime | None = None
    origin: str | None = None  # path, URL or "<stdin>": where the item was read from

    @classmethod
    def from_text(cls, text: str, **kwargs: Any) -> Article:
        norm = normalise_text(text)
        return cls(id=article_id(norm), text=norm, **kwargs)


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # ACLED-style normalised name, e.g. "Military Forces of the United States"
    raw: str | None = None  # as written in the text
    inter: int | None = None  # ACLED inter code 1-8
    country: str | None = None
    role: str | None = None  # e.g. "Pentagon spokesperson" for people
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # location as ACLED would write it
    country: str | None = None  # country name, e.g. "Iraq"
    country_code: str | None = None  # ISO-3166 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None  # 1 named place, 2 near / part of region, 3 province or country
    geonames_id: int | None = None
    gazetteer_key: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    date: date
    precision: int  # 1 day, 2 week, 3 month or vaguer
    phrase: str | None = None
    anchored_to: datetime | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Count:
    low: int | None = None
    best: int | None = None
    high: int | None = None
    qualifier: str | None = None  # "at least", "approximately", "more than", "several", ...
    exact: bool = False
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    speaker: str | None  # person or organisation name
    status: ClaimStatus
    role: str | None = None
    organisation: str | None = None
    channel: str | None = None  # "statement", "Telegram", "media briefing", "state media"
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    date: EventDate | None = None
    place: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor1: tuple[Actor, ...] = ()
    assoc_actor2: tuple[Actor, ...] = ()
    fatalities: Count | None = None
    injuries: Count | None = None
    detained: Count | None = None
    abducted: Count | None = None
    displaced: Count | None = None
    claims: tuple[Claim, ...] = ()
    responsibility: tuple[Claim, ...] = ()
    evidence: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    inferred: tuple[str, ...] = ()  # fields filled without a span of their own
    confidence: float = 0.0
    plover_type: str | None = None
    notes: str | None = None
    source: str | None = None
    article_ids: tuple[str, ...] = ()
    cluster_id: str | None = None
    trigger: Span | None = None


@dataclass(frozen=True, slots=True)
class Tally:
    what: str  # killed / injured / attacks / detained / displaced
    count: Count
    scope: str | None = None
    place: str | None = None
    victim_group: str | None = None
    perpetrator: str | None = None
    since: EventDate | None = None
    as_of: date | None = None
    breakdown: dict[str, int] = field(default_factory=dict)
    source: Claim | None = None
    excludes: str | None = None
    span: Span | None = None
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class Framing:
    term: str
    category: str  # dehumanising / delegitimising / euphemism / honorific / intensifier
    neutral: str | None
    span: Span
    article_id: str | None = None


# --- JSON round-trip -------------------------------------------------------------------------

def to_dict(obj: Any) -> Any:
    """Plain-JSON form of any model object (dates as ISO strings, tuples as lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    return obj


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is Literal:
        return value
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp)
        return tuple(_convert(inner, v) for v in value)
    if origin is dict:
        _, vt = typing.get_args(tp)
        return {k: _convert(vt, v) for k, v in value.items()}
    if tp is datetime:
        return datetime.fromisoformat(value)
    if tp is date:
        return date.fromisoformat(value)
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Inverse of ``to_dict`` for a model class."""
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: _convert(hints[k], v) for k, v in data.items() if k in names})
