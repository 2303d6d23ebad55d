"""Situation brief: a neutral report written only from stored records, each line citing them.

The brief is built as blocks (heading, paragraph, bullet list, table) and rendered to Markdown or
HTML. Event sentences are the events' own neutral notes; every line cites event ids or article
ids, so each statement can be traced back to stored evidence.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from eventwire.models import Claim, Event, Framing
from eventwire.reconcile import Reconciliation

__all__ = ["BriefInput", "build_brief", "render"]


@dataclass(frozen=True, slots=True)
class BriefInput:
    events: Sequence[Event]
    reconciliations: Sequence[Reconciliation] = ()
    framings: Sequence[Framing] = ()
    sources_by_article: dict[str, str] | None = None  # article id -> outlet name
    since: date | None = None
    until: date | None = None
    country: str | None = None
    key_events: int = 10


Block = tuple[str, object]  # ("h1"|"h2"|"p"|"ul"|"table", payload)


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _status_text(claims: Sequence[Claim], responsibility: Sequence[Claim]) -> str:
    parts = []
    for c in claims:
        who = c.speaker or "an unnamed source"
        role = f" ({c.role})" if c.role else ""
        via = f" via {c.channel}" if c.channel else ""
        parts.append(f"{c.status} by {who}{role}{via}")
    for c in responsibility:
        who = c.speaker or "an unnamed group"
        via = f" via {c.channel}" if c.channel else ""
        verb = "responsibility denied" if c.status == "denied" else "responsibility claimed"
        parts.append(f"{verb} by {who}{via}")
    return "; ".join(parts) or "no attribution in the text"


def _unique(events: Sequence[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for e in sorted(events, key=lambda e: -e.confidence):
        seen.setdefault(e.cluster_id or e.id, e)
    return list(seen.values())


def _severity(e: Event) -> tuple:
    f = e.fatalities.best if e.fatalities and e.fatalities.best is not None else 0
    i = e.injuries.best if e.injuries and e.injuries.best is not None else 0
    return (-f, -i, -e.confidence, e.id)


def _contradictions(events: Sequence[Event]) -> list[str]:
    out = []
    clusters: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.cluster_id:
            clusters[e.cluster_id].append(e)
    for cid, members in sorted(clusters.items()):
        for label, attr in (("fatalities", "fatalities"), ("injuries", "injuries")):
            figures = {(m.source or "?"): getattr(m, attr).best for m in members
                       if getattr(m, attr) is not None and getattr(m, attr).best is not None}
            if len(set(figures.values())) > 1:
                shown = ", ".join(f"{s}: {v}" for s, v in sorted(figures.items()))
                out.append(f"Sources differ on {label} for one event ({shown}) [{cid}]")
        actors = {(m.source or "?"): m.actor1.name for m in members if m.actor1 is not None}
        if len(set(actors.values())) > 1:
            shown = "; ".join(f"{s}: {a}" for s, a in sorted(actors.items()))
            out.append(f"Sources attribute one event to different actors ({shown}) [{cid}]")
    for e in events:
        statuses = {c.status for c in (*e.claims, *e.responsibility)}
        if "denied" in statuses and statuses & {"claimed", "confirmed", "reported"}:
            out.append(f"Conflicting claims on one event: {_status_text(e.claims, e.responsibility)} [{e.id}]")
    return out


def build_brief(data: BriefInput) -> list[Block]:
    events = list(data.events)
    unique = _unique(events)
    window = " to ".join(d.isoformat() for d in (data.since, data.until) if d) or "all dates"
    scope = data.country or "all countries"
    blocks: list[Block] = [("h1", f"Situation brief — {scope}, {window}")]
    articles = {a for e in events for a in e.article_ids}
    outlets = sorted({o for o in (data.sources_by_article or {}).values() if o} |
                     {e.source for e in events if e.source and ";" not in e.source})
    blocks.append(("p", f"{_n(len(unique), 'event')} ({_n(len(events), 'report')}) from "
                        f"{_n(len(articles), 'article')}"
                        f"{' by ' + ', '.join(outlets) if outlets else ''}. Figures are as reported by the "
                        "sources named; eventwire does not verify them."))

    by_type = Counter(e.event_type for e in unique)
    by_country = Counter((e.place.country if e.place and e.place.country else "unknown") for e in unique)
    blocks.append(("h2", "Events by type and country"))
    rows = [[t, str(n)] for t, n in by_type.most_common()]
    blocks.append(("table", (["event type", "events"], rows)))
    rows = [[c, str(n)] for c, n in by_country.most_common()]
    blocks.append(("table", (["country", "events"], rows)))

    blocks.append(("h2", "Key events"))
    items = []
    for e in sorted(unique, key=_severity)[:data.key_events]:
        note = e.notes or f"{e.sub_event_type} reported."
        src = e.source or "unknown source"
        items.append(f"{note} Source: {src}; {_status_text(e.claims, e.responsibility)}. [{e.id}]")
    blocks.append(("ul", items or ["No events in this period."]))

    blocks.append(("h2", "Cumulative tallies"))
    tally_items = []
    for r in data.reconciliations:
        ref = r.tally.article_id[:12] if r.tally.article_id else "?"
        tally_items.append(f"{r.describe()} [article {ref}]")
    blocks.append(("ul", tally_items or ["No cumulative figures reported."]))

    blocks.append(("h2", "Contradictions between sources"))
    blocks.append(("ul", _contradictions(events) or ["None found among the stored reports."]))

    blocks.append(("h2", "Loaded language in the sources"))
    terms: Counter[tuple[str, str, str | None]] = Counter(
        (f.term.lower(), f.category, f.neutral) for f in data.framings)
    frame_items = [f"\u201c{t}\u201d ({cat}) ×{n}" + (f" — neutral: \u201c{neu}\u201d" if neu else "")
                   for (t, cat, neu), n in terms.most_common(20)]
    blocks.append(("ul", frame_items or ["No loaded terms flagged."]))
    return blocks


def _md(blocks: Sequence[Block]) -> str:
    out = []
    for kind, payload in blocks:
        if kind == "h1":
            out.append(f"# {payload}\n")
        elif kind == "h2":
            out.append(f"\n## {payload}\n")
        elif kind == "p":
            out.append(f"{payload}\n")
        elif kind == "ul":
            out.extend(f"- {item}" for item in payload)  # type: ignore[union-attr]
        elif kind == "table":
            head, rows = payload  # type: ignore[misc]
            out.append("| " + " | ".join(head) + " |")
            out.append("|" + "---|" * len(head))
            out.extend("| " + " | ".join(r) + " |" for r in rows)
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _html(blocks: Sequence[Block]) -> str:
    e = html.escape
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">']
    title = next((str(p) for k, p in blocks if k == "h1"), "Situation brief")
    out.append(f"<title>{e(title)}</title>")
    out.append("<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}"
               "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem}</style>")
    out.append("</head><body>")
    for kind, payload in blocks:
        if kind in {"h1", "h2"}:
            out.append(f"<{kind}>{e(str(payload))}</{kind}>")
        elif kind == "p":
            out.append(f"<p>{e(str(payload))}</p>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in payload) + "</ul>")  # type: ignore[union-attr]
        elif kind == "table":
            head, rows = payload  # type: ignore[misc]
            out.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>" +
                       "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
                       + "</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render(blocks: Sequence[Block], fmt: str = "md") -> str:
    return _html(blocks) if fmt == "html" else _md(blocks)
