"""Cross-check facility rows against GeoNames: country and admin1 of the nearest populated place.

    python scripts/check_facilities.py [path/to/facilities.csv ...]

For each row, finds the nearest GeoNames place (cities500, via the geocoder's tables) to the
row's coordinates and flags the row when that place lies in another country, another admin1,
or more than 60 km away. Flagged rows need a second look, not automatic deletion: border
crossings and remote bases legitimately sit far from towns or next to a border.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KINDS = {"airbase", "airport", "base", "naval_base", "border_crossing", "camp", "prison", "port", "dam",
         "oil_field", "gas_field", "refinery", "power_plant", "checkpoint", "bridge", "hospital", "district",
         "industrial", "landmark", "mine", "town", "village", "neighbourhood"}
COLUMNS = ["key", "name", "aliases", "kind", "country", "admin1", "admin2", "lat", "lon", "source", "notes"]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(REPO / "eventwire/geo/data/facilities.csv")])
    args = ap.parse_args()

    from eventwire.geo.normalise import key
    from eventwire.geo.tables import load_tables

    t = load_tables()
    # coarse grid of places for a fast nearest lookup
    grid: dict[tuple[int, int], list[int]] = {}
    for i, (la, lo) in enumerate(zip(t.lats, t.lons, strict=True)):
        grid.setdefault((int(la), int(lo)), []).append(i)

    def nearest(lat: float, lon: float) -> tuple[int, float]:
        best, best_d = -1, 1e9
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for i in grid.get((int(lat) + dy, int(lon) + dx), ()):
                    d = _km(lat, lon, t.lats[i], t.lons[i])
                    if d < best_d:
                        best, best_d = i, d
        return best, best_d

    name_cc = {v: k for k, v in t.countries.items()}
    seen: set[str] = set()
    flagged = total = 0
    for path in args.paths:
        with open(path, encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != COLUMNS:
                print(f"{path}: header must be {','.join(COLUMNS)}")
                return 2
            for r in reader:
                total += 1
                problems = []
                if r["key"] in seen:
                    problems.append("duplicate key")
                seen.add(r["key"])
                if r["kind"] not in KINDS:
                    problems.append(f"kind {r['kind']!r} not in {sorted(KINDS)}")
                if r["country"] not in name_cc:
                    problems.append(f"country {r['country']!r} is not an ACLED country name")
                try:
                    lat, lon = float(r["lat"]), float(r["lon"])
                except ValueError:
                    problems.append("bad coordinates")
                    lat = lon = None
                if lat is not None and lon is not None:
                    for j in t.by_key.get(key(r["name"]), ()):
                        if _km(lat, lon, t.lats[j], t.lons[j]) < 25:
                            problems.append(f"already in GeoNames as {t.names[j]} (id {t.ids[j]})")
                            break
                    i, d = nearest(lat, lon)
                    if i < 0 or d > 60:
                        problems.append(f"no GeoNames place within 60 km (nearest {d:.0f} km)")
                    if i >= 0:
                        cc = t.ccs[i]
                        if t.countries.get(cc) != r["country"]:
                            problems.append(f"nearest place {t.names[i]} ({d:.0f} km) is in {t.countries.get(cc)}")
                        elif t.admin1[i] and t.admin1[i] != r["admin1"]:
                            problems.append(f"nearest place {t.names[i]} ({d:.0f} km) is in admin1 {t.admin1[i]!r}")
                if problems:
                    flagged += 1
                    print(f"{path}:{reader.line_num} {r['key']}: " + "; ".join(problems))
    print(f"{total} rows, {flagged} flagged")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
