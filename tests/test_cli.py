"""The CLI end to end on the demo corpus and the seed: real files, a real SQLite database."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

from .conftest import EXAMPLES, SEED_TXT

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "events.db"
    result = runner.invoke(app, ["run", str(EXAMPLES), str(SEED_TXT), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_run_prints_events_and_stores_them(db):
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from articles").fetchone()[0] == 9  # 5 files + 3 feed items + seed
    rows = con.execute("select event_date, sub_event_type, country, injuries from events "
                       "where location like 'Ain al-Asad%' order by event_date, sub_event_type").fetchall()
    assert ("2023-11-20", "Shelling/artillery/missile attack", "Iraq", 8) in rows
    # the talks report and the envoy's visit hold no event
    assert con.execute("select count(*) from events where country in ('Qatar', 'Ethiopia')").fetchone()[0] == 0


def test_rerun_adds_nothing(db):
    before = sqlite3.connect(db).execute("select count(*) from events").fetchone()[0]
    result = runner.invoke(app, ["run", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0
    assert "0 new article(s), 8 already stored" in result.output
    assert sqlite3.connect(db).execute("select count(*) from events").fetchone()[0] == before


def test_opposing_accounts_of_kharkiv_strike_are_one_cluster(db):
    con = sqlite3.connect(db)
    rows = con.execute("select cluster_id, fatalities from events where location = 'Kharkiv' "
                       "and event_date = '2024-03-04'").fetchall()
    assert len(rows) == 2 and rows[0][0] is not None and rows[0][0] == rows[1][0]
    # the regional account counts 3 dead civilians; the ministry claims it "eliminated up to 20 servicemen"
    assert {r[1] for r in rows} == {3, 20}


def test_events_filters_json(db):
    result = runner.invoke(app, ["events", "--db", str(db), "--country", "Syria", "--format", "json"])
    assert result.exit_code == 0
    events = json.loads(result.output)
    assert [(e["location"], e["event_date"], e["actor1"]) for e in events] == [
        ("Ash Shaddadah", "2023-11-22", "Islamic Resistance in Iraq")]


def test_extract_jsonl_without_database(tmp_path):
    result = runner.invoke(app, ["extract", str(SEED_TXT), "--format", "jsonl"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    missile = next(r for r in records if r["date_phrase"] == "Monday night" and r["injuries"] == 8)
    assert missile["sub_event_type"] == "Shelling/artillery/missile attack"
    assert missile["evidence"]["injuries"][0]["text"] == "eight injuries"
    assert missile["article_ids"] and len(missile["article_ids"][0]) == 64


def test_jsonl_input_keeps_given_ids(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "rep-1", "published": "2024-06-20T09:00",
                                 "text": "A roadside bomb killed two soldiers near Boni in the Mopti region "
                                         "of Mali on Wednesday, the army said."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(batch), "--format", "json"])
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.output)
    assert event["article_ids"] == ["rep-1"]
    assert (event["event_date"], event["fatalities"], event["country"]) == ("2024-06-19", 2, "Mali")


def test_bad_items_exit_1_and_the_rest_is_stored(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["run", str(empty), str(tmp_path / "missing.txt"),
                                 str(EXAMPLES / "kharkiv_strike_regional.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "missing.txt" in result.output
    assert sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0] == 1
    errors = sqlite3.connect(db).execute("select item from errors").fetchall()
    assert len(errors) == 2


def test_usage_error_exit_2(tmp_path):
    assert runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")]).exit_code == 2
    assert runner.invoke(app, ["extract"]).exit_code == 2


def test_export_acled_csv_and_brief(db, tmp_path):
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", str(out), "--format", "acled-csv", "--db", str(db)])
    assert result.exit_code == 0
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert any(r["location"] == "El Fasher" and r["fatalities"] == "7" for r in rows)
    brief = runner.invoke(app, ["brief", "--db", str(db), "--country", "Iraq"])
    assert brief.exit_code == 0
    text = brief.output
    assert "attacks — US forces in Iraq and Syria since 2023-10-17: Sabrina Singh says ≈66" in text
    assert "confirmed by Pat Ryder (Pentagon spokesperson)" in text


def test_tallies_reconciled(db):
    result = runner.invoke(app, ["tallies", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0
    recs = json.loads(result.output)
    attacks = next(r for r in recs if r["tally"]["what"] == "attacks")
    # stored events in Iraq and Syria between 17 Oct and 21 Nov 2023 against US forces
    assert attacks["countries"] == ["Iraq", "Syria"] and attacks["stored"] == 1
    assert attacks["difference"] == 65
