"""Command line: thin wrappers that parse options and call the library.

Exit codes: 0 every item fine, 1 some items failed (the rest processed and stored), 2 usage error.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError
from eventwire.models import Article, Event, Tally
from eventwire.settings import Settings

app = typer.Typer(
    name="eventwire",
    help="Turn conflict reporting into sourced, geocoded, ACLED-style events. Offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "eventwire.db"


class Fmt(StrEnum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


DbOpt = Annotated[str, typer.Option("--db", help="SQLite database file.")]
SourcesArg = Annotated[list[str], typer.Argument(help="Files, folders, http(s) URLs, or - for stdin.")]
PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD[THH:MM]) for items that carry none.")
]
AllowOpt = Annotated[
    bool, typer.Option("--allow-private-urls", help="Allow fetching loopback/private addresses (never metadata).")
]
FollowOpt = Annotated[bool, typer.Option("--follow-links", help="Fetch the linked page of each feed item.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Log progress to stderr.")]


def _out() -> Console:
    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def _err() -> Console:
    return Console(stderr=True, highlight=False)


def _settings(allow: bool = False, follow: bool = False) -> Settings:
    return Settings(allow_private_urls=allow, follow_feed_links=follow)


def _parse_when(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD[THH:MM])", param_hint=option) from None


def _parse_day(value: str | None, option: str) -> date | None:
    when = _parse_when(value, option)
    return when.date() if when else None


def _items(sources: list[str], settings: Settings, published: datetime | None):
    from eventwire.ingest import iter_articles

    for item in iter_articles(sources, settings):
        if isinstance(item, Article) and published is not None and item.published is None:
            item = replace(item, published=published)
        yield item


def _report_errors(errors: list[EventwireError]) -> None:
    err = _err()
    for e in errors:
        err.print(f"[red]error[/red]: {e}", markup=True, highlight=False, soft_wrap=True)


def _fmt_count(c: Any) -> str:
    if c is None or c.best is None:
        return "–"
    return f"{c.qualifier + ' ' if c.qualifier else ''}{c.best}"


def _claims_text(e: Event) -> str:
    parts = [f"{c.speaker or 'unnamed'} ({c.status})" for c in e.claims]
    parts += [f"{c.speaker or 'unnamed'} (claimed responsibility)" for c in e.responsibility
              if c.status == "claimed"]
    parts += [f"{c.speaker or 'unnamed'} (denied)" for c in e.responsibility if c.status == "denied"]
    return "; ".join(dict.fromkeys(parts)) or "–"


def events_table(events: list[Event], title: str = "Events") -> Table:
    table = Table(title=f"{title} ({len(events)})", show_lines=False, expand=False)
    clustered = any(e.cluster_id for e in events)
    for col in ("date", "type / sub-type", "location", "actor1 → actor2", "killed", "injured", "sources",
                "conf", *(("same event as",) if clustered else ())):
        table.add_column(col, overflow="fold")
    for e in events:
        when = f"{e.date.date.isoformat()} (p{e.date.precision})" if e.date else "–"
        where = "–"
        if e.place is not None:
            where = ", ".join(dict.fromkeys(x for x in (e.place.name, e.place.admin1, e.place.country) if x))
            where += f" (p{e.place.geo_precision})" if e.place.geo_precision else ""
        actors = f"{e.actor1.name if e.actor1 else '?'} → {e.actor2.name if e.actor2 else '?'}"
        extra = (e.cluster_id or "",) if clustered else ()
        table.add_row(when, f"{e.event_type} · {e.sub_event_type}", where, actors, _fmt_count(e.fatalities),
                      _fmt_count(e.injuries), _claims_text(e), f"{e.confidence:.2f}", *extra)
    return table


def tallies_table(tallies: list[Tally], title: str = "Tallies") -> Table:
    table = Table(title=f"{title} ({len(tallies)})")
    for col in ("what", "scope", "count", "breakdown", "since", "as of", "source", "excludes"):
        table.add_column(col, overflow="fold")
    for t in tallies:
        source = "–"
        if t.source is not None:
            source = ", ".join(x for x in (t.source.speaker, t.source.role, t.source.channel) if x)
        table.add_row(
            t.what, t.scope or "–", _fmt_count(t.count),
            ", ".join(f"{k} {v}" for k, v in t.breakdown.items()) or "–",
            t.since.date.isoformat() if t.since else "–", t.as_of.isoformat() if t.as_of else "–",
            source, t.excludes or "–",
        )
    return table


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def _run_pipeline(sources, db, published, allow, follow, verbose, show: bool) -> int:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from eventwire.pipeline import Pipeline
    from eventwire.store import open_store

    _setup_logging(verbose)
    settings = _settings(allow, follow)
    when = _parse_when(published, "--published")
    pipeline = Pipeline(settings)
    with open_store(db) as store:
        many = len(sources) > 1 or any(Path(s).is_dir() for s in sources if s != "-")
        progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                            TextColumn("{task.completed} items"), TimeElapsedColumn(),
                            console=_err(), transient=True, disable=not many)
        with progress:
            task = progress.add_task("extracting", total=None)

            def tick(item: Any) -> None:
                progress.advance(task)

            report = pipeline.run(_items(sources, settings, when), store, on_item=tick)
        if report.articles_new:
            from eventwire.pipeline import deduplicate

            clusters = {eid: c.id for c in deduplicate(store) for eid in c.event_ids}
            report.events[:] = [replace(e, cluster_id=clusters.get(e.id, e.cluster_id)) for e in report.events]
        if show:
            out = _out()
            out.print(events_table(report.events, "Events found"))
            if report.tallies:
                out.print(tallies_table(report.tallies, "Tallies found"))
        _err().print(
            f"{report.articles_new} new article(s), {report.articles_seen} already stored, "
            f"{len(report.events)} event(s), {len(report.tallies)} tally(ies), {report.framings} framing flag(s), "
            f"{len(report.errors)} error(s) -> {db}", highlight=False)
        _report_errors(report.errors)
    return 1 if report.errors else 0


@app.command()
def run(sources: SourcesArg, db: DbOpt = DEFAULT_DB, published: PublishedOpt = None, allow_private_urls: AllowOpt = False,
        follow_links: FollowOpt = False, verbose: VerboseOpt = False) -> None:
    """Ingest, extract and store; then print the events and tallies found."""
    raise typer.Exit(_run_pipeline(sources, db, published, allow_private_urls, follow_links, verbose, show=True))


@app.command()
def ingest(sources: SourcesArg, db: DbOpt = DEFAULT_DB, published: PublishedOpt = None,
           allow_private_urls: AllowOpt = False, follow_links: FollowOpt = False, verbose: VerboseOpt = False) -> None:
    """Ingest, extract and store, printing only a summary (for batch jobs)."""
    raise typer.Exit(_run_pipeline(sources, db, published, allow_private_urls, follow_links, verbose, show=False))


@app.command()
def extract(sources: SourcesArg, published: PublishedOpt = None,
            fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")] = Fmt.table,
            allow_private_urls: AllowOpt = False, verbose: VerboseOpt = False) -> None:
    """Extract events without a database; print them in the Event JSON contract."""
    from eventwire.contract import event_record
    from eventwire.pipeline import Pipeline

    _setup_logging(verbose)
    settings = _settings(allow_private_urls)
    report = Pipeline(settings).run(_items(sources, settings, _parse_when(published, "--published")))
    if fmt is Fmt.table:
        _out().print(events_table(report.events))
        if report.tallies:
            _out().print(tallies_table(report.tallies))
    elif fmt is Fmt.jsonl:
        for e in report.events:
            sys.stdout.write(json.dumps(event_record(e), ensure_ascii=False) + "\n")
    else:
        json.dump([event_record(e) for e in report.events], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    _report_errors(report.errors)
    raise typer.Exit(1 if report.errors else 0)


@app.command()
def events(db: DbOpt = DEFAULT_DB,
           country: Annotated[str | None, typer.Option(help="Country name, e.g. Iraq.")] = None,
           event_type: Annotated[str | None, typer.Option("--type", help="ACLED event type.")] = None,
           since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
           until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
           limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
           fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table) -> None:
    """List stored events."""
    from eventwire.contract import event_record
    from eventwire.store import open_store

    _require_db(db)
    with open_store(db) as store:
        found = store.events(country=country, event_type=event_type, since=_parse_day(since, "--since"),
                             until=_parse_day(until, "--until"), limit=limit)
    if fmt is Fmt.table:
        _out().print(events_table(found))
    elif fmt is Fmt.jsonl:
        for e in found:
            sys.stdout.write(json.dumps(event_record(e), ensure_ascii=False) + "\n")
    else:
        json.dump([event_record(e) for e in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")


class ExportFmt(StrEnum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    parquet = "parquet"
    plover = "plover"


class BriefFmt(StrEnum):
    md = "md"
    html = "html"


CountryOpt = Annotated[str | None, typer.Option(help="Country name, e.g. Iraq.")]
SinceOpt = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]


@app.command("export")
def export_cmd(out: Annotated[Path, typer.Argument(help="Output file.")],
               fmt: Annotated[ExportFmt, typer.Option("--format", "-f", help="Export format.")],
               db: DbOpt = DEFAULT_DB, country: CountryOpt = None, since: SinceOpt = None,
               until: UntilOpt = None) -> None:
    """Export stored events: ACLED CSV, GeoJSON, Parquet or PLOVER JSON."""
    from eventwire.export import export
    from eventwire.store import open_store

    _require_db(db)
    with open_store(db) as store:
        found = store.events(country=country, since=_parse_day(since, "--since"), until=_parse_day(until, "--until"))
    n = export(found, fmt.value, out)
    _err().print(f"{n} event(s) written to {out} ({fmt.value})", highlight=False)


def _country_of(geocoder: Any):
    def country_of(name: str) -> str | None:
        place = geocoder.country(name)
        return place.country if place is not None else None

    return country_of


def _reconciliations(store: Any, country: str | None = None) -> list[Any]:
    from eventwire.geo import Geocoder
    from eventwire.reconcile import reconcile

    country_of = _country_of(Geocoder.load())
    events = store.events()
    out = [reconcile(t, events, country_of) for t in store.tallies()]
    if country:
        out = [r for r in out if country in r.countries]
    return out


@app.command()
def tallies(db: DbOpt = DEFAULT_DB, country: CountryOpt = None,
            fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table) -> None:
    """List cumulative tallies and reconcile each with the stored events."""
    from eventwire.models import to_dict
    from eventwire.reconcile import series

    _require_db(db)
    from eventwire.store import open_store

    with open_store(db) as store:
        recs = _reconciliations(store, country)
    if fmt is not Fmt.table:
        rows = [{"tally": to_dict(r.tally), "countries": list(r.countries), "stored": r.stored,
                 "difference": r.difference, "events": list(r.events), "summary": r.describe()} for r in recs]
        if fmt is Fmt.jsonl:
            for row in rows:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        return
    out = _out()
    out.print(tallies_table([r.tally for r in recs], "Stored tallies"))
    for r in recs:
        out.print(f"• {r.describe()}", highlight=False)
    runs = [v for v in series([r.tally for r in recs]).values() if len(v) > 1]
    for run_ in runs:
        points = ", ".join(f"{t.as_of}: {t.count.best}" for t in run_)
        out.print(f"series {run_[0].what} — {run_[0].scope}: {points}", highlight=False)


@app.command()
def brief(db: DbOpt = DEFAULT_DB, country: CountryOpt = None, since: SinceOpt = None, until: UntilOpt = None,
          fmt: Annotated[BriefFmt, typer.Option("--format", "-f")] = BriefFmt.md,
          out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")] = None) -> None:
    """Write a situation brief from the stored events, tallies and framing flags."""
    from eventwire.brief import BriefInput, build_brief, render
    from eventwire.store import open_store

    _require_db(db)
    since_d, until_d = _parse_day(since, "--since"), _parse_day(until, "--until")
    with open_store(db) as store:
        found = store.events(country=country, since=since_d, until=until_d)
        ids = {a for e in found for a in e.article_ids}
        framings = [f for f in store.framings() if f.article_id in ids]
        recs = _reconciliations(store, country)
    text = render(build_brief(BriefInput(found, recs, framings, since=since_d, until=until_d, country=country)),
                  fmt.value)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        _err().print(f"brief written to {out}", highlight=False)


@app.command()
def dedup(db: DbOpt = DEFAULT_DB) -> None:
    """Re-cluster stored events across articles (run automatically after `run`)."""
    from eventwire.pipeline import deduplicate
    from eventwire.store import open_store

    _require_db(db)
    with open_store(db) as store:
        clusters = deduplicate(store)
    for c in clusters:
        e = c.event
        _out().print(f"{c.id}: {len(c.event_ids)} reports — {e.sub_event_type}, "
                     f"{e.place.name if e.place else '?'}, {e.date.date if e.date else '?'} "
                     f"({'; '.join(c.sources) or 'unknown sources'})", highlight=False)
    _err().print(f"{len(clusters)} cluster(s)", highlight=False)


def _require_db(db: str) -> None:
    if not Path(db).exists():
        _err().print(f"error: {db}: no such database (run `eventwire run PATH` first)", highlight=False)
        raise typer.Exit(2)


def main() -> None:
    try:
        app()
    except EventwireError as exc:
        _err().print(f"error: {exc}", highlight=False)
        sys.exit(2)
