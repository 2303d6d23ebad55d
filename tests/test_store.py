"""SQLite store on a real file: round trips, idempotence, filters, FTS, rollback, migrations, WAL."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from eventwire.errors import ConfigError, StoreError
from eventwire.models import (
    Actor,
    Article,
    Claim,
    Count,
    Event,
    EventDate,
    Framing,
    Place,
    Span,
    Tally,
)
from eventwire.store import SQLiteStore, open_store
from eventwire.store.sqlite import MIGRATIONS

TEXT = ("Brigadier General Pat Ryder said the attack on Monday night on Ain al-Asad airbase involved a "
        "close-range ballistic missile and resulted in eight injuries.")


def _article(text: str = TEXT) -> Article:
    return Article.from_text(text, source_name="Islam Times", published=datetime(2023, 11, 22, 9, 21),
                             title="Missile attack on Ain al-Asad", origin="seed.txt")


def _span(a: Article, phrase: str) -> Span:
    i = a.text.index(phrase)
    return Span(i, i + len(phrase), phrase, a.id)


def _missile(a: Article) -> Event:
    return Event(
        id="IQ-aaaaaaaaaa", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=EventDate(date(2023, 11, 20), 1, "Monday night", datetime(2023, 11, 22, 9, 21), _span(a, "Monday night")),
        place=Place("Ain al-Asad Airbase", "Iraq", "IQ", "Al Anbar", "Hit", 33.7856, 42.4411, 1, None,
                    "iq-ain-al-asad", _span(a, "Ain al-Asad airbase")),
        actor1=Actor("Islamic Resistance in Iraq", inter=3, country="Iraq"),
        actor2=Actor("Military Forces of the United States", "US forces", 8, "United States"),
        injuries=Count(8, 8, 8, None, True, _span(a, "eight injuries")),
        claims=(Claim("Pat Ryder", "confirmed", "Pentagon spokesperson", None, "statement"),),
        evidence={"injuries": (_span(a, "eight injuries"),), "event_date": (_span(a, "Monday night"),)},
        confidence=0.9, plover_type="ASSAULT/explosives", source="Islam Times", article_ids=(a.id,),
    )


def _clash(a: Article) -> Event:
    return Event(id="ML-bbbbbbbbbb", event_type="Battles", sub_event_type="Armed clash",
                 date=EventDate(date(2020, 5, 9), 1), place=Place("Boni", "Mali", "ML", "Mopti", None, 15.1, -2.2, 1),
                 fatalities=Count(3, 3, 3, None, True), confidence=0.6, article_ids=(a.id,))


def _tally(a: Article) -> Tally:
    return Tally("attacks", Count(None, 66, None, "approximately"), "US forces in Iraq and Syria",
                 since=EventDate(date(2023, 10, 17), 1, "since October 17"), as_of=date(2023, 11, 21),
                 breakdown={"Iraq": 32, "Syria": 34}, source=Claim("Sabrina Singh", "reported"), article_id=a.id)


@pytest.fixture
def store(tmp_path):
    s = SQLiteStore(tmp_path / "t.db")
    yield s
    s.close()


def test_round_trip_and_idempotent(store):
    a = _article()
    flag = Framing("martyred", "honorific", "killed", Span(0, 8, "Brigadie", a.id), a.id)
    assert store.add_article(a, [_missile(a), _clash(a)], [_tally(a)], [flag]) is True
    assert store.get_article(a.id) == a
    assert store.get_event("IQ-aaaaaaaaaa") == _missile(a)
    assert store.tallies() == [_tally(a)] and store.framings(a.id) == [flag]
    assert store.add_article(a, [_missile(a)], [], []) is False
    assert store.stats() == {"articles": 1, "events": 2, "tallies": 1, "framings": 1, "errors": 0}


def test_filters(store):
    a = _article()
    store.add_article(a, [_missile(a), _clash(a)], [], [])
    assert [e.id for e in store.events(country="Iraq")] == ["IQ-aaaaaaaaaa"]
    assert [e.id for e in store.events(event_type="Battles")] == ["ML-bbbbbbbbbb"]
    assert [e.id for e in store.events(since=date(2023, 1, 1))] == ["IQ-aaaaaaaaaa"]
    assert [e.id for e in store.events(until=date(2021, 1, 1))] == ["ML-bbbbbbbbbb"]
    assert store.count_events(country="Mali") == 1


def test_full_text_search(store):
    a = _article()
    store.add_article(a, [], [], [])
    hits = store.search("ballistic")
    assert [h[0] for h in hits] == [a.id] and "[ballistic]" in hits[0][1]


def test_failure_rolls_back_the_whole_article(store):
    a = _article()
    bad = Event(id="XX-cccccccccc", event_type="Battles", sub_event_type="Armed clash",
                evidence={"x": (Span(0, 1, object(), a.id),)})  # not JSON-serialisable
    with pytest.raises(TypeError):
        store.add_article(a, [_missile(a), bad], [], [])
    assert store.stats()["articles"] == 0 and store.stats()["events"] == 0
    assert store.add_article(a, [_missile(a)], [], []) is True  # still usable


def test_cluster_ids_persist(store, tmp_path):
    a = _article()
    store.add_article(a, [_missile(a), _clash(a)], [], [])
    store.set_cluster("IQ-aaaaaaaaaa", "C-1")
    assert store.get_event("IQ-aaaaaaaaaa").cluster_id == "C-1"
    assert store.clusters() == {"C-1": ["IQ-aaaaaaaaaa"]}
    store.close()
    with SQLiteStore(tmp_path / "t.db") as again:
        assert again.get_event("IQ-aaaaaaaaaa").cluster_id == "C-1"


def test_wal_and_migration_from_an_older_file(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript(MIGRATIONS[0])
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO articles (id, text, stored_at) VALUES ('old', 'an old article', '2023-01-01')")
    con.commit()
    con.close()
    with SQLiteStore(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.get_article("old").text == "an old article"
        a = _article()
        assert s.add_article(a, [_missile(a)], [], [])


def test_garbage_file_names_the_path(tmp_path):
    path = tmp_path / "notadb.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="notadb.db"):
        SQLiteStore(path)


def test_open_store_refuses_postgres_for_now(tmp_path):
    with pytest.raises(ConfigError, match="PostgreSQL"):
        open_store("postgresql://localhost/db")
    with open_store(tmp_path / "x.db") as s:
        assert s.stats()["articles"] == 0


def test_reader_sees_committed_data_while_writer_is_open(tmp_path):
    path = tmp_path / "w.db"
    with SQLiteStore(path) as writer:
        a = _article()
        writer.add_article(a, [_missile(a)], [], [])
        writer.conn.execute("BEGIN IMMEDIATE")  # a writer holding the lock
        with SQLiteStore(path) as reader:
            assert reader.count_events() == 1
        writer.conn.execute("ROLLBACK")
