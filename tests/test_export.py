"""Exports read back with the libraries users would use: csv, GDAL (pyogrio), pandas, DuckDB, json."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from eventwire.export import ACLED_EXPORT_COLUMNS, disorder_type, export
from eventwire.models import Actor, Claim, Count, Event, EventDate, Place, Span

from .conftest import SEED_TXT

SEED = SEED_TXT.read_text(encoding="utf-8")


def _span(phrase: str) -> Span:
    start = SEED.index(phrase)
    return Span(start, start + len(phrase), phrase, "seed")


def _events() -> list[Event]:
    missile = Event(
        id="IQ-0000000001",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=EventDate(date(2023, 11, 20), 1, "Monday night", span=_span("Monday night")),
        place=Place("Ain al-Asad Airbase", "Iraq", "IQ", "Al Anbar", "Hit", 33.7856, 42.4411, 1,
                    gazetteer_key="iq-ain-al-asad"),
        actor1=Actor("Islamic Resistance in Iraq", inter=3, country="Iraq"),
        actor2=Actor("Military Forces of the United States", inter=8, country="United States"),
        injuries=Count(8, 8, 8, None, True, _span("eight injuries")),
        claims=(Claim("Pat Ryder", "confirmed", role="Pentagon spokesperson", channel="statement"),),
        responsibility=(Claim("Islamic Resistance in Iraq", "claimed", channel="Telegram"),),
        evidence={"injuries": (_span("eight injuries"),), "event_date": (_span("Monday night"),)},
        confidence=0.9, plover_type="ASSAULT/explosives", source="Islam Times", article_ids=("seed",),
        notes="On 20 November 2023, a missile struck Ain al-Asad airbase. 8 injured.",
    )
    unplaced = Event(id="XX-0000000002", event_type="Battles", sub_event_type="Armed clash",
                     fatalities=Count(12, 12, None, "at least"), confidence=0.4, plover_type="ASSAULT/firearms",
                     article_ids=("other",))
    return [missile, unplaced]


def test_acled_csv_column_order_and_values(tmp_path):
    out = tmp_path / "events.csv"
    assert export(_events(), "acled-csv", out) == 2
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == ACLED_EXPORT_COLUMNS
        rows = list(reader)
    first, second = rows
    assert first["event_date"] == "2023-11-20" and first["year"] == "2023"
    assert first["disorder_type"] == "Political violence"
    assert first["admin1"] == "Al Anbar" and first["latitude"] == "33.7856"
    assert first["interaction"] == "38" and first["inter1"] == "3"
    # ACLED writes unknown fatalities as 0; the injuries go to tags
    assert first["fatalities"] == "0" and first["tags"] == "injuries: 8"
    assert second["fatalities"] == "12" and "at least 12" in second["tags"]


def test_geojson_reads_with_gdal(tmp_path):
    pyogrio = pytest.importorskip("pyogrio")
    out = tmp_path / "events.geojson"
    export(_events(), "geojson", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert "crs" not in doc  # RFC 7946 section 4
    assert doc["features"][0]["geometry"]["coordinates"] == [42.4411, 33.7856]  # lon, lat
    assert doc["features"][1]["geometry"] is None
    info = pyogrio.read_info(out)
    assert info["features"] == 2 and info["crs"] == "EPSG:4326"
    meta, _fids, geometry, fields = pyogrio.raw.read(out)
    names = list(meta["fields"])
    assert fields[names.index("location")][0] == "Ain al-Asad Airbase"
    assert fields[names.index("injuries")][0] == 8
    assert geometry[0] is not None and geometry[1] is None


def test_parquet_typed_read_by_pandas_and_duckdb(tmp_path):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "events.parquet"
    export(_events(), "parquet", out)
    df = pd.read_parquet(out)
    assert list(df["event_id_cnty"]) == ["IQ-0000000001", "XX-0000000002"]
    assert str(df["latitude"].dtype) == "float64"
    assert df.loc[0, "event_date"] == date(2023, 11, 20)
    assert df.loc[0, "injuries"] == 8 and pd.isna(df.loc[0, "fatalities"])
    assert df.loc[0, "claims"][0]["speaker"] == "Pat Ryder"
    con = duckdb.connect()
    got = con.execute(f"select sub_event_type, injuries, evidence[1].text from read_parquet('{out}') "
                      "where country = 'Iraq'").fetchall()
    assert got == [("Shelling/artillery/missile attack", 8, "eight injuries")]


def test_plover_json(tmp_path):
    out = tmp_path / "events.json"
    export(_events(), "plover", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    first = doc["events"][0]
    assert (first["event_type"], first["mode"]) == ("ASSAULT", "explosives")
    assert first["actor"]["name"] == "Islamic Resistance in Iraq"
    assert first["recipient"]["name"] == "Military Forces of the United States"
    assert first["location"]["lat"] == 33.7856 and first["magnitude"]["injuries"] == 8
    assert first["acled"]["sub_event_type"] == "Shelling/artillery/missile attack"


def test_disorder_types():
    assert disorder_type("Peaceful protest") == "Demonstrations"
    assert disorder_type("Mob violence") == "Political violence"
    assert disorder_type("Excessive force against protesters") == "Political violence; Demonstrations"
    assert disorder_type("Arrests") == "Strategic developments"


def test_unknown_format_names_it(tmp_path):
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError, match="kml"):
        export(_events(), "kml", tmp_path / "x")
