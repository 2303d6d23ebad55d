"""The curated facilities gazetteer shipped in data/facilities.csv (bases, airports, camps, crossings)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

from eventwire.geo.normalise import key

__all__ = ["Facility", "facilities", "facility_index"]


@dataclass(frozen=True, slots=True)
class Facility:
    key: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str
    admin1: str
    admin2: str
    lat: float
    lon: float


@functools.cache
def facilities() -> tuple[Facility, ...]:
    text = resources.files("eventwire.geo").joinpath("data/facilities.csv").read_text(encoding="utf-8")
    return tuple(
        Facility(r["key"], r["name"], tuple(a for a in r["aliases"].split("|") if a), r["kind"], r["country"],
                 r["admin1"], r["admin2"], float(r["lat"]), float(r["lon"]))
        for r in csv.DictReader(text.splitlines())
    )


_GENERIC = ("air base", "airbase", "airfield", "base", "garrison")


@functools.cache
def facility_index() -> tuple[dict[str, Facility], dict[str, Facility]]:
    """(exact, loose): name key -> facility for names and aliases; loose drops a generic word
    ("Tanf base" -> "tanf"), to be used only when no populated place has that name."""
    exact: dict[str, Facility] = {}
    loose: dict[str, Facility] = {}
    for f in facilities():
        for name in (f.name, *f.aliases):
            k = key(name)
            exact.setdefault(k, f)
            for g in _GENERIC:
                gk = key(g)
                if k.endswith(" " + gk) and len(k) > len(gk) + 3:
                    loose.setdefault(k[: -len(gk) - 1], f)
    return exact, loose
