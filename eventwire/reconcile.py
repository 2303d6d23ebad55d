"""Reconcile a cumulative tally ("66 attacks on US forces since October 17") with stored events.

The tally's scope is turned into filters the database can count: countries named in its place or
scope, the victim group and perpetrator matched against actor names, the date window
[since, as_of]. "attacks" counts matching events; "killed"/"injured" sum their best figures.
Repeated tallies of one scope form a series over time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from eventwire.models import Event, Tally

__all__ = ["Reconciliation", "reconcile", "series", "scope_key"]

_COUNT_FIELD = {"killed": "fatalities", "injured": "injuries", "detained": "detained",
                "abducted": "abducted", "displaced": "displaced"}
_STOP = frozenset({"the", "in", "and", "of", "on", "against", "forces", "troops", "since", "at", "a", "an",
                   "by", "to", "for", "attacks", "killed", "people"})
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


@dataclass(frozen=True, slots=True)
class Reconciliation:
    tally: Tally
    countries: tuple[str, ...]
    actor_terms: tuple[str, ...]
    since: date | None
    until: date | None
    stored: int  # events (for "attacks") or summed figures in the store within the scope
    events: tuple[str, ...]  # ids of the matching events
    countable: bool

    @property
    def difference(self) -> int | None:
        if not self.countable or self.tally.count.best is None:
            return None
        return self.tally.count.best - self.stored

    def describe(self) -> str:
        t = self.tally
        q = f"{t.count.qualifier} " if t.count.qualifier and t.count.qualifier != "approximately" else ""
        approx = "≈" if t.count.qualifier in {"approximately", "about", "nearly", "around"} else ""
        who = t.source.speaker if t.source is not None and t.source.speaker else "the source"
        since = f" since {t.since.date.isoformat()}" if t.since else ""
        as_of = f" (as of {t.as_of.isoformat()})" if t.as_of else ""
        head = f"{t.what} — {t.scope or 'unscoped'}{since}: {who} says {q}{approx}{t.count.best}{as_of}"
        if not self.countable:
            return f"{head}; not countable from stored events (scope has no country)"
        diff = self.difference
        return f"{head}; stored events: {self.stored}; difference: {diff:+d}" if diff is not None else head


def _countries_in(text: str, country_of: Callable[[str], str | None]) -> tuple[str, ...]:
    found: list[str] = []
    words = _WORD.findall(text)
    for n in range(len(words)):
        for size in (3, 2, 1):
            name = " ".join(words[n:n + size])
            country = country_of(name)
            if country and country not in found:
                found.append(country)
                break
    return tuple(found)


def _terms(text: str | None) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text or "") if w.lower() not in _STOP)


def _actor_terms(tally: Tally) -> tuple[str, ...]:
    return _terms(tally.victim_group) + _terms(tally.perpetrator)


def _matches(actor, terms: Sequence[str], country_of: Callable[[str], str | None]) -> bool:
    """Does an actor's name match a group as the tally words it ("US forces" ~ Military Forces of the US)?"""
    if not terms:
        return True
    names = actor.name.lower() if actor is not None else ""
    for term in terms:
        if term in names:
            return True
        country = country_of(term)  # "US" -> "United States"
        if country and country.lower() in names:
            return True
    return False


def reconcile(tally: Tally, events: Sequence[Event], country_of: Callable[[str], str | None]) -> Reconciliation:
    """Compare one tally with the events the caller loaded (I/O stays with the caller)."""
    # where the tally counts: its place, or what follows "in" in its scope ("US forces in Iraq and Syria");
    # a demonym in the victim group ("US forces") is who, not where
    where = tally.place or " ".join(re.findall(r"\b(?:in|across|within)\s+([^,;]+)", tally.scope or ""))
    countries = _countries_in(where, country_of)
    terms = _actor_terms(tally)
    since = tally.since.date if tally.since else None
    until = tally.as_of
    countable = bool(countries) and tally.what in {"attacks", *_COUNT_FIELD}
    matched: list[Event] = []
    if countable:
        for e in events:
            if e.date is None or e.place is None or e.place.country not in countries:
                continue
            if since is not None and e.date.date < since or until is not None and e.date.date > until:
                continue
            # the victim group is who was attacked (actor2); the perpetrator, who attacked (actor1)
            if _matches(e.actor2, _terms(tally.victim_group), country_of) and \
                    _matches(e.actor1, _terms(tally.perpetrator), country_of):
                matched.append(e)
    # one real event reported by several outlets counts once
    seen: dict[str, Event] = {}
    for e in matched:
        seen.setdefault(e.cluster_id or e.id, e)
    unique = list(seen.values())
    if tally.what == "attacks":
        stored = len(unique)
    else:
        field = _COUNT_FIELD.get(tally.what)
        stored = sum((getattr(e, field).best or 0) for e in unique if field and getattr(e, field) is not None)
    return Reconciliation(tally, countries, terms, since, until, stored, tuple(e.id for e in unique), countable)


def scope_key(tally: Tally) -> tuple[str, str, str | None]:
    scope = re.sub(r"\s+", " ", (tally.scope or "").lower()).strip()
    return tally.what, scope, tally.since.date.isoformat() if tally.since else None


def series(tallies: Sequence[Tally]) -> dict[tuple[str, str, str | None], list[Tally]]:
    """Tallies of one scope ordered by as_of: how a cumulative figure moved over time."""
    out: dict[tuple[str, str, str | None], list[Tally]] = defaultdict(list)
    for t in tallies:
        out[scope_key(t)].append(t)
    return {k: sorted(v, key=lambda t: t.as_of or date.min) for k, v in out.items()}
