"""Geocoder accuracy and speed on benchmarks/data/geocode_gold.csv; tests/test_geocode_floor.py pins the figures.

    python benchmarks/geocode.py              # table of figures against targets
    python benchmarks/geocode.py --misses     # plus every miss: mention, expected, got

Each gold row is a toponym as written in a conflict report, with the sentence it occurs in, an
optional country hint (the article's main country), the expected ACLED country and admin1
(alternative spellings separated by "|"), coordinates and, where GeoNames has the place, its id.

Scoring (per row, `geocode(mention, context=context, countries=[hint] if hint else [], fallback=True)`,
as the pipeline calls it for a place-like entity):
  country   every row: ISO code equal, or country name equal (case/diacritic-insensitive)
  admin1    rows with an expected admin1 (not country rows): any listed spelling, compared after
            folding case, diacritics, spaces and punctuation
  exact     point rows (city/town/village/facility): GeoNames id equal when both sides have one,
            otherwise within 5 km
  25 km     point rows: within 25 km of the gold coordinates
Region rows (admin1/admin2/country) count for country and admin1 only: their coordinates are
centroids and any two gazetteers disagree on them.

Speed: load time is measured in fresh subprocesses (cold = empty temporary cache dir, warm = the
same dir again), lookups/s over the gold list repeated to at least 20,000 calls after load, peak
RSS of this process (resource.getrusage) after all lookups, and of the largest load subprocess
(the cold build).
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "benchmarks" / "data" / "geocode_gold.csv"
POINT_KINDS = frozenset({"city", "town", "village", "facility"})
MIN_LOOKUPS = 20_000
EXACT_KM = 5.0
NEAR_KM = 25.0
TARGETS = {
    "country": 0.98,
    "admin1": 0.90,
    "within_25km": 0.85,
    "lookups_per_s": 5000.0,
    "load_cold_s": 2.0,
    "load_warm_s": 2.0,
    "peak_rss_mb": 500.0,
    "load_peak_rss_mb": 500.0,
}

_LOAD_SNIPPET = (
    "import sys, time\n"
    "from eventwire.geo import Geocoder\n"
    "t = time.perf_counter()\n"
    "Geocoder.load(cache_dir=sys.argv[1])\n"
    "print(time.perf_counter() - t)\n"
)


def load_gold(path: Path = GOLD) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def fold(text: str | None) -> str:
    """Case-, diacritic-, space- and punctuation-insensitive key ("Al-Hasakah" == "al hasakah")."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", text.lower())


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True, slots=True)
class RowResult:
    row: dict[str, str]
    place: Any  # eventwire.models.Place | None
    country_ok: bool
    admin1_ok: bool | None  # None: not scored for this row
    exact_ok: bool | None
    near_ok: bool | None
    distance_km: float | None


def score_row(row: dict[str, str], place: Any) -> RowResult:
    point = row["kind"] in POINT_KINDS
    if place is None:
        return RowResult(row, None, False, False if row["admin1"] and row["kind"] != "country" else None,
                         False if point else None, False if point else None, None)
    country_ok = (place.country_code or "").upper() == row["country_code"].upper() or (
        fold(place.country) != "" and fold(place.country) == fold(row["country"]))
    admin1_ok = None
    if row["admin1"] and row["kind"] != "country":
        admin1_ok = fold(place.admin1) != "" and fold(place.admin1) in {fold(a) for a in row["admin1"].split("|")}
    exact_ok = near_ok = dist = None
    if point:
        if place.lat is not None and place.lon is not None:
            dist = km(float(row["lat"]), float(row["lon"]), place.lat, place.lon)
        if row["geonames_id"] and place.geonames_id is not None:
            exact_ok = int(row["geonames_id"]) == place.geonames_id
        else:
            exact_ok = dist is not None and dist <= EXACT_KM
        near_ok = dist is not None and dist <= NEAR_KM
    return RowResult(row, place, country_ok, admin1_ok, exact_ok, near_ok, dist)


def _lookup(geocoder: Any, row: dict[str, str]) -> Any:
    hint = row["country_hint"]
    return geocoder.geocode(row["mention"], context=row["context"], countries=[hint] if hint else [], fallback=True)


def score(geocoder: Any, rows: Sequence[dict[str, str]]) -> list[RowResult]:
    return [score_row(r, _lookup(geocoder, r)) for r in rows]


def _rate(values: list[bool | None]) -> float:
    scored = [v for v in values if v is not None]
    return sum(scored) / len(scored) if scored else float("nan")


def summarise(results: Sequence[RowResult]) -> dict[str, float]:
    return {
        "n": float(len(results)),
        "found": _rate([r.place is not None for r in results]),
        "exact_place": _rate([r.exact_ok for r in results]),
        "admin1": _rate([r.admin1_ok for r in results]),
        "within_25km": _rate([r.near_ok for r in results]),
        "country": _rate([r.country_ok for r in results]),
    }


def evaluate(geocoder: Any, rows: Sequence[dict[str, str]]) -> dict[str, float]:
    """Accuracy figures (0-1) of `geocoder` on gold `rows`: n, found, exact_place, admin1, within_25km, country."""
    return summarise(score(geocoder, rows))


def lookups_per_second(geocoder: Any, rows: Sequence[dict[str, str]], minimum: int = MIN_LOOKUPS) -> float:
    reps = max(1, math.ceil(minimum / max(1, len(rows))))
    t = time.perf_counter()
    for _ in range(reps):
        for r in rows:
            _lookup(geocoder, r)
    return reps * len(rows) / (time.perf_counter() - t)


def load_times() -> tuple[float, float]:
    """(cold, warm) seconds of Geocoder.load in fresh interpreters sharing one temporary cache dir."""
    with tempfile.TemporaryDirectory(prefix="eventwire-geo-") as cache:
        out = []
        for _ in range(2):
            proc = subprocess.run([sys.executable, "-c", _LOAD_SNIPPET, cache], capture_output=True, text=True,
                                  check=True, cwd=REPO)
            out.append(float(proc.stdout.strip().splitlines()[-1]))
    return out[0], out[1]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def miss_patterns(results: Sequence[RowResult]) -> list[tuple[str, int]]:
    """Misses grouped by likely cause, most common first (admin1 pairs show expected -> got spelling)."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for r in results:
        kind = r.row["kind"]
        if r.place is None:
            counts[f"not found ({kind})"] += 1
        elif not r.country_ok:
            counts[f"wrong country ({kind}): {r.row['country']} -> {r.place.country or r.place.country_code}"] += 1
        elif r.near_ok is False:
            counts[f"right country, > {NEAR_KM:g} km off ({kind})"] += 1
        elif r.exact_ok is False:
            counts[f"within {NEAR_KM:g} km but not the exact place ({kind})"] += 1
        if r.place is not None and r.admin1_ok is False and r.country_ok and r.near_ok is not False:
            want = r.row["admin1"].split("|")[0]
            counts["admin1 wrong although country (and place, if a point) right: total"] += 1
            counts[f"admin1 spelling/mapping: {want} -> {r.place.admin1 or '(none)'}"] += 1
    return counts.most_common()


def _describe(place: Any) -> str:
    if place is None:
        return "-"
    where = ", ".join(x for x in (place.name, place.admin1, place.country) if x)
    coords = f" ({place.lat:.3f}, {place.lon:.3f})" if place.lat is not None and place.lon is not None else ""
    return f"{where}{coords} gn={place.geonames_id}"


def miss_lines(results: Sequence[RowResult]) -> list[tuple[str, str, str, str]]:
    """(mention, expected, got, what failed) for every row that failed any scored check."""
    out = []
    for r in results:
        failed = [name for name, ok in (("country", r.country_ok), ("admin1", r.admin1_ok),
                                        ("exact", r.exact_ok), ("25km", r.near_ok)) if ok is False]
        if not failed:
            continue
        row = r.row
        expected = f"{row['admin1'] or '-'}, {row['country']} ({float(row['lat']):.3f}, {float(row['lon']):.3f})"
        if r.distance_km is not None:
            failed.append(f"{r.distance_km:.0f} km")
        out.append((f"{row['mention']} [{row['kind']}]", expected, _describe(r.place), " ".join(failed)))
    return out


def _print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    try:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table
    except ImportError:  # plain fallback
        print(title)
        for line in (header, *rows):
            print("  ".join(line))
        return
    table = Table(title=title)
    for h in header:
        table.add_column(h, overflow="fold")
    for line in rows:
        table.add_row(*(escape(cell) for cell in line))
    Console(width=200).print(table)


def _two(v: float) -> str:
    return "-" if math.isnan(v) else f"{v:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list every miss (mention, expected, got)")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--no-load-timing", action="store_true", help="skip the cold/warm subprocess loads")
    args = ap.parse_args(argv)

    from eventwire.geo import Geocoder

    rows = load_gold(args.gold)
    cold = warm = float("nan")
    if not args.no_load_timing:
        cold, warm = load_times()
    t = time.perf_counter()
    geocoder = Geocoder.load()
    load_here = time.perf_counter() - t
    results = score(geocoder, rows)
    figures = summarise(results)
    figures["lookups_per_s"] = lookups_per_second(geocoder, rows)
    figures["load_cold_s"] = cold
    figures["load_warm_s"] = warm
    figures["peak_rss_mb"] = peak_rss_mb()
    # largest of the load subprocesses: the cold build's peak
    figures["load_peak_rss_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN) if not args.no_load_timing else float("nan")

    def fmt(key: str) -> str:
        v = figures[key]
        return f"{v:,.0f}" if key in ("lookups_per_s", "peak_rss_mb", "load_peak_rss_mb", "n") else f"{v:.3f}"

    lower_is_better = {"load_cold_s", "load_warm_s", "peak_rss_mb", "load_peak_rss_mb"}
    lines = []
    for key in ("n", "found", "exact_place", "admin1", "within_25km", "country", "lookups_per_s",
                "load_cold_s", "load_warm_s", "peak_rss_mb", "load_peak_rss_mb"):
        target = TARGETS.get(key)
        if target is None or math.isnan(figures[key]):
            lines.append((key, "-" if math.isnan(figures[key]) else fmt(key), "", ""))
            continue
        ok = figures[key] <= target if key in lower_is_better else figures[key] >= target
        lines.append((key, fmt(key), ("<= " if key in lower_is_better else ">= ") + f"{target:g}", "ok" if ok else "MISS"))
    _print_table(f"Geocoder on {args.gold.name} (load in this process {load_here:.2f} s)",
                 ("figure", "value", "target", ""), lines)

    by_kind = {}
    for r in results:
        by_kind.setdefault(r.row["kind"], []).append(r)
    _print_table("By kind", ("kind", "n", "country", "admin1", "exact", "25 km"),
                 [(k, str(len(v)), *(_two(summarise(v)[m]) for m in ("country", "admin1", "exact_place", "within_25km")))
                  for k, v in sorted(by_kind.items())])
    patterns = miss_patterns(results)
    _print_table("Miss patterns (top 25)", ("pattern", "rows"), [(p, str(n)) for p, n in patterns[:25]])
    if args.misses:
        misses = miss_lines(results)
        _print_table(f"Misses ({len(misses)})", ("mention", "expected", "got", "failed"), misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
