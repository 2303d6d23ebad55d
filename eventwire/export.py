"""Exports: ACLED CSV, GeoJSON (RFC 7946), typed Parquet, PLOVER JSON.

Each writer takes events and a path (or a binary file) and returns the number of rows written.
Writers are pure over their inputs; the only I/O is the output file.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eventwire.contract import event_record
from eventwire.errors import ConfigError
from eventwire.models import Event
from eventwire.taxonomy import TYPE_OF

__all__ = [
    "ACLED_EXPORT_COLUMNS",
    "FORMATS",
    "acled_row",
    "disorder_type",
    "export",
    "plover_record",
    "write_acled_csv",
    "write_geojson",
    "write_parquet",
    "write_plover",
]

log = logging.getLogger(__name__)

# ACLED's export column order (API / data export tool, 2023 onward).
ACLED_EXPORT_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

_PROTEST_TYPES = frozenset({"Protests", "Riots"})


def disorder_type(sub_event_type: str) -> str:
    """ACLED's disorder type: the protest/violence boundary is drawn at the sub-type level."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if sub_event_type == "Mob violence":
        return "Political violence"
    event_type = TYPE_OF.get(sub_event_type, "")
    if event_type in _PROTEST_TYPES:
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def _tags(event: Event) -> str:
    parts = []
    if event.fatalities is not None and event.fatalities.qualifier:
        parts.append(f"fatalities {event.fatalities.qualifier} {event.fatalities.best}")
    if event.injuries is not None and event.injuries.best is not None:
        q = f"{event.injuries.qualifier} " if event.injuries.qualifier else ""
        parts.append(f"injuries: {q}{event.injuries.best}")
    return "; ".join(parts)


def acled_row(event: Event, timestamp: int) -> dict[str, Any]:
    """One ACLED CSV row. ACLED writes unknown fatalities as 0; the JSON keeps null."""
    rec = event_record(event)
    row = {c: rec.get(c) for c in ACLED_EXPORT_COLUMNS}
    if event.date is not None:
        row["event_date"] = event.date.date.isoformat()
        row["year"] = event.date.date.year
    row["disorder_type"] = disorder_type(event.sub_event_type)
    row["civilian_targeting"] = "Civilian targeting" if event.actor2 is not None and event.actor2.inter == 7 \
        else ""
    row["fatalities"] = event.fatalities.best if event.fatalities is not None and \
        event.fatalities.best is not None else 0
    row["tags"] = _tags(event)
    row["timestamp"] = timestamp
    return {k: ("" if v is None else v) for k, v in row.items()}


def write_acled_csv(events: Iterable[Event], path: str | Path, *, timestamp: int | None = None) -> int:
    stamp = int(datetime.now(UTC).timestamp()) if timestamp is None else timestamp
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_EXPORT_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(acled_row(event, stamp))
            n += 1
    return n


def _flat_properties(event: Event) -> dict[str, Any]:
    # GIS tools want scalar attributes: nested lists become compact JSON strings
    rec = event_record(event)
    out: dict[str, Any] = {}
    for key, value in rec.items():
        if isinstance(value, dict | list):
            out[key] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        else:
            out[key] = value
    return out


def write_geojson(events: Iterable[Event], path: str | Path) -> int:
    """RFC 7946 FeatureCollection: WGS84 lon/lat order, no ``crs`` member, null geometry if unplaced."""
    features = []
    for event in events:
        place = event.place
        geometry = None
        if place is not None and place.lat is not None and place.lon is not None:
            geometry = {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]}
        features.append({"type": "Feature", "id": event.id, "geometry": geometry,
                         "properties": _flat_properties(event)})
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    return len(features)


def _parquet_schema():
    import pyarrow as pa

    spans = pa.list_(pa.struct([("field", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                                ("text", pa.string())]))
    claim = pa.struct([("speaker", pa.string()), ("role", pa.string()), ("organisation", pa.string()),
                       ("channel", pa.string()), ("status", pa.string())])
    return pa.schema([
        ("event_id_cnty", pa.string()), ("event_date", pa.date32()), ("time_precision", pa.int8()),
        ("date_phrase", pa.string()), ("event_type", pa.string()), ("sub_event_type", pa.string()),
        ("actor1", pa.string()), ("assoc_actor_1", pa.string()), ("inter1", pa.int8()),
        ("actor2", pa.string()), ("assoc_actor_2", pa.string()), ("inter2", pa.int8()),
        ("interaction", pa.int16()), ("country", pa.string()), ("iso", pa.string()),
        ("admin1", pa.string()), ("admin2", pa.string()), ("location", pa.string()),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", pa.int8()),
        ("source", pa.string()), ("notes", pa.string()),
        ("fatalities", pa.int64()), ("fatalities_low", pa.int64()), ("fatalities_high", pa.int64()),
        ("fatalities_qualifier", pa.string()),
        ("injuries", pa.int64()), ("injuries_low", pa.int64()), ("injuries_high", pa.int64()),
        ("injuries_qualifier", pa.string()),
        ("detained", pa.int64()), ("abducted", pa.int64()), ("displaced", pa.int64()),
        ("claims", pa.list_(claim)), ("responsibility", pa.list_(claim)), ("evidence", spans),
        ("inferred", pa.list_(pa.string())), ("confidence", pa.float64()),
        ("article_ids", pa.list_(pa.string())), ("cluster_id", pa.string()),
        ("plover_type", pa.string()), ("plover_mode", pa.string()),
    ])


def _parquet_row(event: Event) -> dict[str, Any]:
    rec = event_record(event)
    row = dict(rec)
    row["event_date"] = event.date.date if event.date else None
    row["claims"] = [{k: c.get(k) for k in ("speaker", "role", "organisation", "channel", "status")}
                     for c in rec["claims"]]
    row["responsibility"] = [{k: c.get(k) for k in ("speaker", "role", "organisation", "channel", "status")}
                             for c in rec["responsibility"]]
    row["evidence"] = [{"field": f, "start": s["start"], "end": s["end"], "text": s["text"]}
                       for f, spans in rec["evidence"].items() for s in spans]
    plover = rec.get("plover") or {}
    row["plover_type"] = plover.get("type")
    row["plover_mode"] = plover.get("mode")
    return row


def write_parquet(events: Iterable[Event], path: str | Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # optional extra
        raise ConfigError("Parquet export needs pyarrow: pip install 'eventwire[export]'") from exc
    schema = _parquet_schema()
    rows = [_parquet_row(e) for e in events]
    columns = {name: [r.get(name) for r in rows] for name in schema.names}
    table = pa.Table.from_pydict(columns, schema=schema)
    pq.write_table(table, path)
    return len(rows)


def _plover_party(actor) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "country": actor.country, "inter": actor.inter, "text": actor.raw}


def plover_record(event: Event) -> dict[str, Any]:
    """A PLOVER event: type and mode from the ACLED sub-type, actor/recipient, location, magnitudes."""
    rec = event_record(event)
    plover = rec.get("plover") or {}
    place = event.place
    return {
        "id": event.id,
        "date": rec["event_date"],
        "date_precision": rec["time_precision"],
        "event_type": plover.get("type"),
        "mode": plover.get("mode"),
        "context": [],
        "acled": {"event_type": event.event_type, "sub_event_type": event.sub_event_type},
        "actor": _plover_party(event.actor1),
        "recipient": _plover_party(event.actor2),
        "location": None if place is None else {
            "name": place.name, "country": place.country, "iso": place.country_code, "admin1": place.admin1,
            "admin2": place.admin2, "lat": place.lat, "lon": place.lon, "geo_precision": place.geo_precision,
        },
        "magnitude": {"fatalities": rec["fatalities"], "injuries": rec["injuries"],
                      "detained": rec.get("detained"), "abducted": rec.get("abducted"),
                      "displaced": rec.get("displaced")},
        "claims": rec["claims"],
        "responsibility": rec["responsibility"],
        "source": event.source,
        "article_ids": rec["article_ids"],
        "text": event.notes,
        "confidence": rec["confidence"],
    }


def write_plover(events: Iterable[Event], path: str | Path) -> int:
    records = [plover_record(e) for e in events]
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"ontology": "PLOVER", "events": records}, fh, ensure_ascii=False, indent=1)
    return len(records)


FORMATS: MappingProxyType[str, Callable[[Sequence[Event], str | Path], int]] = MappingProxyType({
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
    "plover": write_plover,
})


def export(events: Sequence[Event], fmt: str, path: str | Path) -> int:
    writer = FORMATS.get(fmt)
    if writer is None:
        raise ConfigError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})", item=fmt)
    n = writer(events, path)
    log.info("wrote %d events as %s to %s", n, fmt, path)
    return n
