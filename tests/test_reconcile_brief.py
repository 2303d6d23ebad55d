"""Tally reconciliation and the situation brief, on the seed's Pentagon tally and hand-coded events."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.brief import BriefInput, build_brief, render
from eventwire.models import Actor, Claim, Count, Event, EventDate, Framing, Place, Span, Tally
from eventwire.reconcile import reconcile, series

US = Actor("Military Forces of the United States", inter=8, country="United States")
IRI = Actor("Islamic Resistance in Iraq", inter=3, country="Iraq")


@pytest.fixture(scope="module")
def country_of():
    from eventwire.geo import Geocoder

    geocoder = Geocoder.load()

    def lookup(name: str) -> str | None:
        place = geocoder.country(name)
        return place.country if place else None

    return lookup


def _attack(eid: str, day: int, country: str, iso: str, lat: float, lon: float, *, cluster: str | None = None,
            source: str = "Reuters", injured: int | None = None) -> Event:
    return Event(id=eid, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 date=EventDate(date(2023, 11, day), 1), place=Place("x", country, iso, None, None, lat, lon, 1),
                 actor1=IRI, actor2=US, injuries=Count(injured, injured, injured) if injured is not None else None,
                 source=source, cluster_id=cluster, article_ids=(f"a-{eid}",), confidence=0.7,
                 notes=f"On {day} November 2023, a drone struck a base housing US forces.")


def _singh_tally(best: int, as_of: date) -> Tally:
    return Tally(what="attacks", count=Count(best=best, qualifier="approximately"),
                 scope="attacks on US forces in Iraq and Syria", victim_group="US forces",
                 since=EventDate(date(2023, 10, 17), 1, "since October 17"), as_of=as_of,
                 source=Claim("Sabrina Singh", "reported", role="Pentagon deputy spokesperson",
                              channel="media briefing"), article_id="seed")


def test_reconcile_counts_events_in_scope_once_per_cluster(country_of):
    events = [
        _attack("e1", 18, "Iraq", "IQ", 33.78, 42.44),
        _attack("e2", 20, "Syria", "SY", 36.05, 40.73, cluster="C-1"),
        _attack("e3", 20, "Syria", "SY", 36.05, 40.73, cluster="C-1", source="SANA"),  # same event
        _attack("e4", 20, "Yemen", "YE", 15.35, 44.2),  # outside the scope's countries
        _attack("e5", 23, "Iraq", "IQ", 33.78, 42.44),  # after as_of
    ]
    r = reconcile(_singh_tally(66, date(2023, 11, 21)), events, country_of)
    assert set(r.countries) == {"Iraq", "Syria"}
    assert r.stored == 2 and set(r.events) == {"e1", "e2"}
    assert r.difference == 64
    assert "Sabrina Singh says ≈66 (as of 2023-11-21); stored events: 2; difference: +64" in r.describe()


def test_series_orders_repeated_tallies_of_one_scope():
    later, earlier = _singh_tally(66, date(2023, 11, 21)), _singh_tally(61, date(2023, 11, 16))
    (run,) = series([later, earlier]).values()
    assert [t.count.best for t in run] == [61, 66]


def test_brief_is_traceable_and_neutral(country_of):
    events = [_attack("e2", 20, "Syria", "SY", 36.05, 40.73, cluster="C-1", injured=2),
              _attack("e3", 20, "Syria", "SY", 36.05, 40.73, cluster="C-1", source="SANA", injured=5)]
    events[0] = Event(**{**{f: getattr(events[0], f) for f in events[0].__slots__},
                         "claims": (Claim("Pat Ryder", "confirmed", role="Pentagon spokesperson"),),
                         "responsibility": (Claim("Islamic Resistance in Iraq", "claimed", channel="Telegram"),)})
    text = "US Occupation Troops were hit"
    flags = [Framing("US Occupation Troops", "delegitimising", "US troops", Span(0, 20, text[:20], "a-e2"),
                     "a-e2")]
    recs = [reconcile(_singh_tally(66, date(2023, 11, 21)), events, country_of)]
    md = render(build_brief(BriefInput(events, recs, flags, country="Syria")), "md")
    assert md.startswith("# Situation brief — Syria, all dates")
    assert "1 event (2 reports) from 2 articles" in md
    # the key event cites its id and its sources' status
    assert "confirmed by Pat Ryder (Pentagon spokesperson)" in md and "[e2]" in md
    assert "responsibility claimed by Islamic Resistance in Iraq via Telegram" in md
    assert "Sources differ on injuries for one event (Reuters: 2, SANA: 5) [C-1]" in md
    assert "“us occupation troops” (delegitimising) ×1 — neutral: “US troops”" in md
    assert "occupation" not in md.split("## Loaded language")[0].lower()  # our own words stay neutral
    html = render(build_brief(BriefInput(events, recs, flags)), "html")
    assert html.startswith("<!doctype html>") and "<li>" in html and "&lt;" not in md
