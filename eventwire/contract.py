"""The Event JSON contract: one flat object per event, ACLED column names where ACLED has the field.

Used by ``eventwire extract --format jsonl``, the HTTP API and the exports. Unknown numbers stay
``null`` here; only the ACLED CSV export turns unknown fatalities into 0.
"""

from __future__ import annotations

from typing import Any

from eventwire.models import Actor, Claim, Count, Event
from eventwire.taxonomy import interaction

__all__ = ["ACLED_COLUMNS", "event_record", "claim_record"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
)


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor else None


def _assoc(actors: tuple[Actor, ...]) -> str | None:
    return "; ".join(a.name for a in actors) or None


def claim_record(claim: Claim) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "speaker": claim.speaker,
        "role": claim.role,
        "organisation": claim.organisation,
        "channel": claim.channel,
        "status": claim.status,
    }
    if claim.span is not None:
        rec["span"] = {"start": claim.span.start, "end": claim.span.end, "text": claim.span.text}
    return rec


def _count_fields(prefix: str, count: Count | None) -> dict[str, Any]:
    if count is None:
        return {prefix: None, f"{prefix}_low": None, f"{prefix}_high": None, f"{prefix}_qualifier": None}
    return {
        prefix: count.best,
        f"{prefix}_low": count.low,
        f"{prefix}_high": count.high,
        f"{prefix}_qualifier": count.qualifier,
    }


def event_record(event: Event) -> dict[str, Any]:
    """The flat Event JSON object of DESIGN.md for one event."""
    place = event.place
    inter1 = event.actor1.inter if event.actor1 else None
    inter2 = event.actor2.inter if event.actor2 else None
    rec: dict[str, Any] = {
        "event_id_cnty": event.id,
        "event_date": event.date.date.isoformat() if event.date else None,
        "time_precision": event.date.precision if event.date else None,
        "date_phrase": event.date.phrase if event.date else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _name(event.actor1),
        "assoc_actor_1": _assoc(event.assoc_actor1),
        "inter1": inter1,
        "actor2": _name(event.actor2),
        "assoc_actor_2": _assoc(event.assoc_actor2),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "country": place.country if place else None,
        "iso": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.geo_precision if place else None,
        "source": event.source,
        "notes": event.notes,
    }
    rec.update(_count_fields("fatalities", event.fatalities))
    rec.update(_count_fields("injuries", event.injuries))
    for extra in ("detained", "abducted", "displaced"):
        count = getattr(event, extra)
        if count is not None:
            rec[extra] = count.best
    rec["qualifier"] = next(
        (c.qualifier for c in (event.fatalities, event.injuries) if c is not None and c.qualifier), None
    )
    rec["claims"] = [claim_record(c) for c in event.claims]
    rec["responsibility"] = [claim_record(c) for c in event.responsibility]
    rec["evidence"] = {
        field: [{"start": s.start, "end": s.end, "text": s.text} for s in spans]
        for field, spans in event.evidence.items()
    }
    rec["inferred"] = list(event.inferred)
    rec["confidence"] = round(event.confidence, 3)
    rec["article_ids"] = list(event.article_ids)
    rec["cluster_id"] = event.cluster_id
    plover_type = event.plover_type
    rec["plover"] = {"type": plover_type.split("/")[0], "mode": plover_type.partition("/")[2] or None} \
        if plover_type else None
    return rec
