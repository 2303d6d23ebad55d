"""SQLite store: one file, WAL, versioned migrations, one transaction per article, FTS5 search.

Each event is kept whole as JSON (``record``) for an exact round trip, with flat columns beside it
for filtering, and its evidence spans and claims in their own tables for SQL users.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.models import Article, Event, Framing, Tally, from_dict, to_dict

__all__ = ["SQLiteStore", "MIGRATIONS"]

log = logging.getLogger(__name__)

MIGRATIONS: tuple[str, ...] = (
    # 1: articles and full-text search
    """
    CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, url TEXT, origin TEXT, source_name TEXT, title TEXT, published TEXT,
        fetched_at TEXT, language TEXT, text TEXT NOT NULL, stored_at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles',
        content_rowid='rowid');
    CREATE TABLE IF NOT EXISTS errors (at TEXT NOT NULL, item TEXT NOT NULL, message TEXT NOT NULL);
    """,
    # 2: events with evidence and claims; tallies; framing flags
    """
    CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), event_date TEXT,
        time_precision INTEGER, event_type TEXT, sub_event_type TEXT, country TEXT, iso TEXT, admin1 TEXT,
        admin2 TEXT, location TEXT, latitude REAL, longitude REAL, geo_precision INTEGER, actor1 TEXT,
        actor2 TEXT, fatalities INTEGER, injuries INTEGER, confidence REAL, cluster_id TEXT, record TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
    CREATE INDEX IF NOT EXISTS events_country ON events(country, event_date);
    CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
    CREATE TABLE IF NOT EXISTS evidence (
        event_id TEXT NOT NULL REFERENCES events(id), field TEXT NOT NULL, start INTEGER, "end" INTEGER,
        text TEXT, article_id TEXT
    );
    CREATE TABLE IF NOT EXISTS claims (
        event_id TEXT NOT NULL REFERENCES events(id), kind TEXT NOT NULL, speaker TEXT, status TEXT,
        role TEXT, organisation TEXT, channel TEXT
    );
    CREATE TABLE IF NOT EXISTS tallies (
        id INTEGER PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), what TEXT, scope TEXT,
        since TEXT, as_of TEXT, best INTEGER, record TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS framings (
        id INTEGER PRIMARY KEY, article_id TEXT REFERENCES articles(id), term TEXT, category TEXT,
        neutral TEXT, start INTEGER, "end" INTEGER, record TEXT NOT NULL
    );
    """,
)

_FILTERS = {"country": "country = ?", "event_type": "event_type = ?", "sub_event_type": "sub_event_type = ?",
            "since": "event_date >= ?", "until": "event_date <= ?", "article_id": "article_id = ?"}


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date | datetime) else value


class SQLiteStore:
    """The default store: a single SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=5000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database: {exc}", item=self.path) from exc

    # --- schema -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for n, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in script.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {int(n)}")  # PRAGMA takes no parameters
                self.conn.execute("COMMIT")
            except Exception:
                self.conn.execute("ROLLBACK")
                raise
            log.info("migrated %s to schema version %d", self.path, n)

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # --- writing ------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_article(self, article: Article, events: Sequence[Event], tallies: Sequence[Tally],
                    framings: Sequence[Framing]) -> bool:
        c = self.conn
        try:
            c.execute("BEGIN IMMEDIATE")
            try:
                if self.has_article(article.id):
                    c.execute("ROLLBACK")
                    return False
                now = datetime.now(UTC).isoformat(timespec="seconds")
                cur = c.execute(
                    "INSERT INTO articles (id, url, origin, source_name, title, published, fetched_at, language,"
                    " text, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, article.url, article.origin, article.source_name, article.title,
                     _iso(article.published), _iso(article.fetched_at), article.language, article.text, now))
                c.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                          (cur.lastrowid, article.title or "", article.text))
                for event in events:
                    self._insert_event(article.id, event)
                for tally in tallies:
                    c.execute("INSERT INTO tallies (article_id, what, scope, since, as_of, best, record)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                              (article.id, tally.what, tally.scope, _iso(tally.since.date) if tally.since else None,
                               _iso(tally.as_of), tally.count.best, json.dumps(to_dict(tally))))
                for f in framings:
                    c.execute('INSERT INTO framings (article_id, term, category, neutral, start, "end", record)'
                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                              (article.id, f.term, f.category, f.neutral, f.span.start, f.span.end,
                               json.dumps(to_dict(f))))
                c.execute("COMMIT")
                return True
            except BaseException:
                c.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"could not store article: {exc}", item=article.origin or article.id) from exc

    def _insert_event(self, article_id: str, e: Event) -> None:
        p = e.place
        record = json.dumps(to_dict(e), ensure_ascii=False)
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO events (id, article_id, event_date, time_precision, event_type, sub_event_type,"
            " country, iso, admin1, admin2, location, latitude, longitude, geo_precision, actor1, actor2,"
            " fatalities, injuries, confidence, cluster_id, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e.id, article_id, _iso(e.date.date) if e.date else None, e.date.precision if e.date else None,
             e.event_type, e.sub_event_type, p.country if p else None, p.country_code if p else None,
             p.admin1 if p else None, p.admin2 if p else None, p.name if p else None, p.lat if p else None,
             p.lon if p else None, p.geo_precision if p else None, e.actor1.name if e.actor1 else None,
             e.actor2.name if e.actor2 else None, e.fatalities.best if e.fatalities else None,
             e.injuries.best if e.injuries else None, e.confidence, e.cluster_id, record))
        if cur.rowcount == 0:
            log.info("event %s already stored; kept the first copy", e.id)
            return
        for field, spans in e.evidence.items():
            for s in spans:
                self.conn.execute('INSERT INTO evidence (event_id, field, start, "end", text, article_id)'
                                  " VALUES (?, ?, ?, ?, ?, ?)", (e.id, field, s.start, s.end, s.text, s.article_id))
        for kind, claims in (("claim", e.claims), ("responsibility", e.responsibility)):
            for cl in claims:
                self.conn.execute("INSERT INTO claims (event_id, kind, speaker, status, role, organisation, channel)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  (e.id, kind, cl.speaker, cl.status, cl.role, cl.organisation, cl.channel))

    def record_error(self, item: str, message: str) -> None:
        self.conn.execute("INSERT INTO errors (at, item, message) VALUES (?, ?, ?)",
                          (datetime.now(UTC).isoformat(timespec="seconds"), item, message))

    def set_cluster(self, event_id: str, cluster_id: str) -> None:
        row = self.conn.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return
        record = json.loads(row[0])
        record["cluster_id"] = cluster_id
        self.conn.execute("UPDATE events SET cluster_id = ?, record = ? WHERE id = ?",
                          (cluster_id, json.dumps(record, ensure_ascii=False), event_id))

    # --- reading ------------------------------------------------------------------------------

    def _article(self, row: sqlite3.Row | tuple) -> Article:
        id_, url, origin, source, title, published, fetched, language, text = row
        return Article(id_, text, url, source, datetime.fromisoformat(published) if published else None, title,
                       language or "en", datetime.fromisoformat(fetched) if fetched else None, origin)

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT id, url, origin, source_name, title, published, fetched_at, language, text"
                                " FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def articles(self, limit: int | None = None) -> list[Article]:
        rows = self.conn.execute("SELECT id, url, origin, source_name, title, published, fetched_at, language,"
                                 " text FROM articles ORDER BY rowid LIMIT ?", (-1 if limit is None else limit,))
        return [self._article(r) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        try:
            rows = self.conn.execute(
                "SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 12) FROM articles_fts"
                " JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query: {exc}", item=query) from exc
        return [(r[0], r[1]) for r in rows]

    def _where(self, filters: dict[str, Any]) -> tuple[str, list[Any]]:
        clauses, params = [], []
        for name, value in filters.items():
            if value is None or name == "limit":
                continue
            if name not in _FILTERS:
                raise StoreError(f"unknown filter {name!r}", item=self.path)
            clauses.append(_FILTERS[name])
            params.append(_iso(value))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def events(self, *, country: str | None = None, event_type: str | None = None,
               sub_event_type: str | None = None, since: date | None = None, until: date | None = None,
               limit: int | None = None, article_id: str | None = None) -> list[Event]:
        where, params = self._where({"country": country, "event_type": event_type,
                                     "sub_event_type": sub_event_type, "since": since, "until": until,
                                     "article_id": article_id})
        rows = self.conn.execute(f"SELECT record FROM events{where} ORDER BY event_date, id LIMIT ?",
                                 (*params, -1 if limit is None else limit))
        return [from_dict(Event, json.loads(r[0])) for r in rows]

    def count_events(self, **filters: Any) -> int:
        where, params = self._where(filters)
        return self.conn.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]

    def get_event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        return from_dict(Event, json.loads(row[0])) if row else None

    def clusters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for cid, eid in self.conn.execute("SELECT cluster_id, id FROM events WHERE cluster_id IS NOT NULL"
                                          " ORDER BY cluster_id, id"):
            out.setdefault(cid, []).append(eid)
        return out

    def tallies(self, article_id: str | None = None) -> list[Tally]:
        sql, params = "SELECT record FROM tallies", ()
        if article_id is not None:
            sql, params = sql + " WHERE article_id = ?", (article_id,)
        return [from_dict(Tally, json.loads(r[0])) for r in self.conn.execute(sql + " ORDER BY id", params)]

    def framings(self, article_id: str | None = None) -> list[Framing]:
        sql, params = "SELECT record FROM framings", ()
        if article_id is not None:
            sql, params = sql + " WHERE article_id = ?", (article_id,)
        return [from_dict(Framing, json.loads(r[0])) for r in self.conn.execute(sql + " ORDER BY id", params)]

    def errors(self) -> list[tuple[str, str, str]]:
        return [tuple(r) for r in self.conn.execute("SELECT at, item, message FROM errors ORDER BY rowid")]

    def stats(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # fixed table names
                for t in ("articles", "events", "tallies", "framings", "errors")}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
