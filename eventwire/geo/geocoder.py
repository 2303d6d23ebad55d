"""Resolve a place mention to a Place: facility gazetteer, countries, admin1 regions, GeoNames places.

Disambiguation uses the article's countries (most frequent first), admin names in the context
("Nihm (Sanaa)", "in Idlib province"), population, and distance to places already resolved in
the article. Relational phrases ("50 kilometers south of Hasakah", "near", "outskirts of") move or
widen the point and give precision 2. The gazetteer decides admin names, not the text's adjectives.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from unidecode import unidecode

from eventwire.geo.gazetteer import facility_index
from eventwire.geo.normalise import key
from eventwire.geo.tables import Tables, load_tables
from eventwire.models import Place

__all__ = ["Geocoder"]

log = logging.getLogger(__name__)

_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
             "west": 270, "northwest": 315}
_OFFSET = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>km|kilometers|kilometres|miles|mi)\s+(?:to the\s+)?"
                     r"(?P<b>north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+"
                     r"(?:[\w’'-]+\s+){0,4}?$", re.I)
_NEAR = re.compile(r"\b(?:near|outside|outskirts of|vicinity of|close to|around|countryside of|"
                   r"(?:north|south|east|west)(?:ern)? (?:outskirts|countryside) of)\s+(?:the\s+)?"
                   # "outside parliament in Nairobi" is in Nairobi
                   r"(?:(?!in\b|at\b|inside\b)\w+\s+){0,2}?$", re.I)
_QUALIFIED = re.compile(r"^([^,()]+?)\s*(?:,\s*|\(\s*)([^,()]+?)\)?$")
_REGION_SUFFIX = re.compile(r"^(.+?)\s+(?:province|governorate|oblast|region|state|county|prefecture)$", re.I)
_REGION_WORD = re.compile(r"^\s*(?:province|governorate|oblast|region|state|county|district)\b", re.I)
_DISTRICT_WORD = re.compile(r"^\s*(?:county|district)\b", re.I)  # the level below a province: "Anaba district"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _offset(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    d = km / 6371
    b = math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 4), round(math.degrees(l2), 4)


class Geocoder:
    """Offline geocoder over compact GeoNames tables and the curated facilities gazetteer."""

    def __init__(self, tables: Tables) -> None:
        self.t = tables
        self._facilities, self._loose_facilities = facility_index()
        self._country_iso = {v: k for k, v in tables.countries.items()}

    @classmethod
    def load(cls, cache_dir: str | Path | None = None) -> Geocoder:
        return cls(load_tables(cache_dir))

    # --- countries and regions ----------------------------------------------------------------

    def country(self, name: str) -> Place | None:
        cc = self.t.country_keys.get(key(name))
        if cc is None:
            return None
        lat, lon = self.t.country_centre.get(cc, (None, None))
        country = self.t.countries.get(cc, cc)
        return Place(country, country, cc, None, None, lat, lon, 3)

    def admin1(self, name: str, country: str | None = None) -> Place | None:
        rows = self.t.admin1_keys.get(key(name), ())
        if country:
            cc = self._country_iso.get(country)
            rows = tuple(r for r in rows if r[0] == cc) or ()
        if not rows:
            return None
        cc, a1 = rows[0]
        lat, lon = self.t.admin1_centre[(cc, a1)]
        return Place(a1, self.t.countries.get(cc, cc), cc, a1, None, lat, lon, 3)

    def countries_named(self, name: str, *, min_population: int = 0) -> frozenset[str]:
        """Every country with a province, or a town of comparable size, called ``name`` ("Bor": Russia and
        South Sudan). With ``min_population``, only a name whose largest town has that many people."""
        k = key(name)
        if not k:
            return frozenset()
        rows = self._candidates(k)
        top = max((self.t.pops[i] for i in rows), default=0)
        if top < min_population:
            return frozenset()
        # a village abroad sharing a capital's name ("Dhaka" in India) does not make the name ambiguous
        ccs = {self.t.ccs[i] for i in rows if self.t.pops[i] * 20 >= top} | \
            {cc for cc, _ in self.t.admin1_keys.get(k, ())}
        return frozenset(self.t.countries.get(cc, cc) for cc in ccs)

    # --- places -------------------------------------------------------------------------------

    def _row_place(self, i: int, precision: int = 1, name: str | None = None) -> Place:
        t = self.t
        # ACLED writes plain Latin names: "Ash Shaddadah", not "Ash Shaddādah"
        return Place(name or unidecode(t.names[i]), t.countries.get(t.ccs[i], t.ccs[i]), t.ccs[i], t.admin1[i] or None,
                     t.admin2[i] or None, t.lats[i], t.lons[i], precision, t.ids[i] or None)

    def _candidates(self, k: str) -> tuple[int, ...]:
        rows = self.t.by_key.get(k, ())
        if not rows and " " in k:
            rows = self.t.by_key.get(k.replace(" ", ""), ())
        return rows

    def _pick(self, rows: Sequence[int], countries: Sequence[str], context: str, near: Sequence[Place]) -> int | None:
        t = self.t
        wanted = [self._country_iso.get(c) for c in countries]
        ctx_keys = key(context) if context else ""
        best: tuple[float, int] | None = None
        for i in rows[:200]:
            score = math.log10(t.pops[i] + 10)
            cc = t.ccs[i]
            if cc in wanted:
                score += 6 - min(3, wanted.index(cc))
            if t.admin1[i] and ctx_keys and f" {key(t.admin1[i])} " in f" {ctx_keys} ":
                score += 5  # "Boni in the Mopti region": the region named beside it decides
            for p in near:
                if p.lat is not None and p.lon is not None and _km(p.lat, p.lon, t.lats[i], t.lons[i]) < 150:
                    score += 2
                    break
            if best is None or score > best[0]:
                best = (score, i)
        return best[1] if best else None

    def _region_in(self, context: str, wanted: set[str | None]) -> Place | None:
        words = key(context).split()
        for n in range(len(words)):
            for size in (3, 2, 1):
                for cc, a1 in self.t.admin1_keys.get(" ".join(words[n:n + size]), ()):
                    if cc in wanted:
                        lat, lon = self.t.admin1_centre[(cc, a1)]
                        return Place(a1, self.t.countries.get(cc, cc), cc, a1, None, lat, lon, 3)
        return None

    def geocode(self, mention: str, *, context: str | None = None, countries: Sequence[str] = (),
                near: Sequence[Place] = (), fallback: bool = False) -> Place | None:
        """The place `mention` names, or None.

        With ``fallback``, a place name the tables do not know still gets the region the context
        names, else the article's first country, at precision 3 (ACLED codes such an event at the
        admin/country level rather than dropping it)."""
        place = self._geocode(mention, context=context, countries=countries, near=near)
        if place is None and re.match(r"(?i)the\s+\S", mention):
            # "the West Bank", "the Gaza Strip": the article is part of the name only in running text
            place = self._geocode(re.sub(r"(?i)^the\s+", "", mention), context=context, countries=countries, near=near)
        if place is not None or not fallback or not countries:
            return place
        wanted = {self._country_iso.get(c) for c in countries}
        region = self._region_in(context or "", wanted)
        if region is not None:
            return replace(region, name=mention.strip(), geo_precision=3)
        cc = self._country_iso.get(countries[0])
        if cc is None:
            return None
        lat, lon = self.t.country_centre.get(cc, (None, None))
        return Place(mention.strip(), countries[0], cc, None, None, lat, lon, 3)

    def _geocode(self, mention: str, *, context: str | None = None, countries: Sequence[str] = (),
                 near: Sequence[Place] = ()) -> Place | None:
        mention = mention.strip().strip("“”\"'‘’")
        k = key(mention)
        if not k:
            return None
        context = context or ""
        pos = context.find(mention)
        before = context[:pos] if pos >= 0 else ""
        after = context[pos + len(mention):] if pos >= 0 else ""

        # "Tripoli, Libya", "Hama, Syria", "Nihm (Sanaa)": the qualifier narrows the search
        q = _QUALIFIED.match(mention)
        if q:
            head, qual = q.group(1).strip(), q.group(2).strip()
            ctry = self.country(qual)
            region = None if ctry else self.admin1(qual)
            if ctry is not None or region is not None:
                scope = (ctry or region).country  # type: ignore[union-attr]
                countries = [scope, *countries] if scope else list(countries)
                return self._geocode(head, context=f"{context} {qual}", countries=countries, near=near) or \
                    ctry or region
        # "Helmand Province", "Kharkiv oblast", "Borno State": a region named with its own word
        r = _REGION_SUFFIX.match(mention)
        if r:
            name = r.group(1)
            region = (self.admin1(name, countries[0]) if countries else None) or self.admin1(name)
            if region is not None:
                return region

        place = self._resolve(k, mention, context, countries, near, after)
        if place is None:
            return None
        m = _OFFSET.search(before)
        if m and place.lat is not None and place.lon is not None:
            dist = float(m.group("n")) * (1.609 if m.group("u").lower().startswith("mi") else 1.0)
            lat, lon = _offset(place.lat, place.lon, dist, _BEARINGS[m.group("b").lower()])
            return Place(place.name, place.country, place.country_code, place.admin1, place.admin2, lat, lon, 2,
                         place.geonames_id, place.gazetteer_key)
        if _NEAR.search(before) and (place.geo_precision or 3) < 2:
            return Place(place.name, place.country, place.country_code, place.admin1, place.admin2, place.lat,
                         place.lon, 2, place.geonames_id, place.gazetteer_key)
        return place

    def _resolve(self, k: str, mention: str, context: str, countries: Sequence[str], near: Sequence[Place],
                 after: str) -> Place | None:
        fac = self._facilities.get(k)
        rows = self._candidates(k)
        if fac is None and not rows:
            fac = self._loose_facilities.get(k)
        if fac is not None:
            cc = self._country_iso.get(fac.country)
            return Place(fac.name, fac.country, cc, fac.admin1 or None, fac.admin2 or None, fac.lat, fac.lon, 1,
                         None, fac.key)
        ctry = self.country(mention)
        if ctry is not None:
            wanted = {self._country_iso.get(c) for c in countries}
            # "Salvador" in a Brazilian story is the city, not El Salvador
            if not (ctry.country_code not in wanted and any(self.t.ccs[i] in wanted for i in rows[:200])):
                return ctry
        region = self.admin1(mention, countries[0] if countries else None) or self.admin1(mention)
        if region is not None and countries and region.country not in countries and \
                (region.country or "") not in context and _DISTRICT_WORD.match(after):
            # "Anaba district" in a Panjshir story is not Algeria's Annaba province: a district named like a
            # province abroad, in a country the story never names, is a district of the story's country
            region = None
        if region is not None:
            # a team-supplement village or neighbourhood (no GeoNames id) never outranks a region of
            # that name unless the story is in its country ("Salah al-Din": Iraq's province first)
            wanted_cc = {self._country_iso.get(c) for c in countries}
            rows = tuple(i for i in rows if self.t.ids[i] or self.t.ccs[i] in wanted_cc)
        if region is not None and (not rows or _REGION_WORD.match(after)):
            return region
        if rows and countries:
            wanted = {self._country_iso.get(c) for c in countries}
            if not any(self.t.ccs[i] in wanted for i in rows[:200]):
                # the article's countries have no place of that name: fall back to a region the
                # context names ("near Boni in the Mopti region"), else only a major city abroad
                named = self._region_in(context, wanted)
                if named is not None:
                    return named
                # ... under its own name: "Tourou" in a Cameroonian story is not Turku (alternate name "Turu")
                rows = tuple(i for i in rows if self.t.pops[i] >= 100_000 and
                             (self.t.pops[i] >= 1_000_000 or key(self.t.names[i]) == k))
                if _DISTRICT_WORD.match(after):
                    rows = ()  # "in Anaba district" of a Panjshir story: not a city abroad
        if rows:
            i = self._pick(rows, countries, context, near)
            if i is not None:
                if region is not None and self.t.pops[i] < 5000 and region.country_code == self.t.ccs[i]:
                    return region
                if region is not None and key(self.t.names[i]) != k and \
                        (region.country_code == self.t.ccs[i] or self.t.pops[i] < 100_000):
                    # "New Jersey" is a state's own name and only an alternate name of a Michigan town;
                    # "Kashmir" is India's region, not Cashmere, Washington (alternate name "Kashmir")
                    return region
                return self._row_place(i)
        if region is not None:
            return region
        # trailing generic words: "al-Shaddadi town", "Idlib province"
        stripped = re.sub(r"\s+(?:town|city|village|district|province|governorate|region|area|state|oblast|"
                          r"county)$", "", k)
        if stripped != k:
            return self._resolve(stripped, mention, context, countries, near, after)
        # "Kassala airport", "Mir Ali bazaar": a site of the town, at the town (precision 2)
        site = re.sub(r"\s+(?:airport|international airport|market|bazaar|bridge|prison|hospital|checkpoint|river port|"
                      r"junction|station|port|stadium|university|mosque|church)$", "", k)
        if site != k and site:
            town = self._resolve(site, mention, context, countries, near, after)
            if town is not None and (town.geo_precision or 3) == 1:
                return replace(town, geo_precision=2)
        return None
