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
    for col in ("date", "type / sub-type", "location", "actor1 → actor2", "killed", "injured", "sources",
                "conf"):
        table.add_column(col, overflow="fold")
    for e in events:
        when = f"{e.date.date.isoformat()} (p{e.date.precision})" if e.date else "–"
        where = "–"
        if e.place is not None:
            where = ", ".join(dict.fromkeys(x for x in (e.place.name, e.place.admin1, e.place.country) if x))
            where += f" (p{e.place.geo_precision})" if e.place.geo_precision else ""
        actors = f"{e.actor1.name if e.actor1 else '?'} → {e.actor2.name if e.actor2 else '?'}"
        table.add_row(when, f"{e.event_type} · {e.sub_event_type}", where, actors, _fmt_count(e.fatalities),
                      _fmt_count(e.injuries), _claims_text(e), f"{e.confidence:.2f}")
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
