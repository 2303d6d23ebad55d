"""Geocoding gold list sanity and the measured accuracy floor of eventwire.geo (benchmarks/geocode.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "geocode_gold.csv"
KINDS = frozenset({"city", "town", "village", "admin1", "admin2", "country", "facility"})


def _rows() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_gold_is_large_and_varied() -> None:
    rows = _rows()
    assert len(rows) >= 300
    assert len({r["country"] for r in rows}) >= 15


def test_gold_rows_are_well_formed() -> None:
    for r in _rows():
        where = f"{r['mention']!r} ({r['source']})"
        assert r["mention"].strip() and r["context"].strip(), where
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, where
        assert r["kind"] in KINDS, where
        assert len(r["country_code"]) == 2 and r["country"], where
        assert r["geonames_id"] == "" or r["geonames_id"].isdigit(), where
        assert r["source"] == "team" or r["source"].startswith("wikievents:"), where


def test_gold_has_no_duplicates() -> None:
    keys = [(r["mention"], r["context"]) for r in _rows()]
    assert len(keys) == len(set(keys))


def test_wikievents_contexts_are_the_real_sentences() -> None:
    import json

    shared = GOLD.parents[3] / "shared" / "data" / "wikievents"
    if not shared.exists():
        pytest.skip(f"{shared} not present")
    docs = {}
    for split in ("dev", "test"):
        for line in (shared / f"{split}.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            docs[d["doc_id"]] = " ".join(s[1] for s in d["sentences"])
    we = [r for r in _rows() if r["source"].startswith("wikievents:")]
    assert len(we) >= 30
    for r in we:
        text = docs[r["source"].split(":", 1)[1]]
        assert r["context"] in text and r["mention"] in r["context"], r["mention"]

