"""Cross-article deduplication: reports of one event become one cluster with provenance.

Blocking keeps it near-linear: events are compared only within the same country and event type
(the family) and within a date window. Pairs in a block get a score over place distance, date
gap, sub-type, actors, counts and text similarity (TF-IDF cosine over each event's evidence
sentences — the baseline); pairs above a threshold are joined with union-find.

Two sides' accounts of one event usually disagree on actors and figures but agree on place,
day and kind of event, so actors and counts can lower a score only a little.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from eventwire.models import Claim, Count, Event

__all__ = ["Cluster", "DedupConfig", "cluster_events", "merge_cluster", "pair_score", "candidate_pairs"]

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset(
    "the and for that with was were has have had from this said says are its their his her they which "
    "been also after into about over than more who will would could on in at of to a an by".split()
)


@dataclass(frozen=True, slots=True)
class DedupConfig:
    window_days: int = 3
    threshold: float = 0.55
    same_place_km: float = 10.0
    far_km: float = 75.0


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    event_ids: tuple[str, ...]
    event: Event  # the merged event
    sources: tuple[str, ...]


def _haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _text_of(event: Event) -> str:
    spans = event.evidence.get("sentence") or ()
    text = " ".join(s.text for s in spans) or (event.notes or "")
    return text.lower()


def _vectors(events: Sequence[Event]) -> list[dict[str, float]]:
    """TF-IDF unit vectors over evidence text, computed once for all events (linear)."""
    docs = [Counter(t for t in _TOKEN.findall(_text_of(e)) if t not in _STOP) for e in events]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = max(1, len(docs))
    out = []
    for d in docs:
        vec = {t: (1 + math.log(c)) * (1 + math.log((1 + n) / (1 + df[t]))) for t, c in d.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({t: v / norm for t, v in vec.items()})
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _place_score(a: Event, b: Event, cfg: DedupConfig) -> float:
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return 0.4
    if pa.gazetteer_key and pa.gazetteer_key == pb.gazetteer_key:
        return 1.0
    if pa.lat is None or pb.lat is None or pa.lon is None or pb.lon is None:
        return 0.8 if pa.name.lower() == pb.name.lower() else 0.3
    km = _haversine_km((pa.lat, pa.lon), (pb.lat, pb.lon))
    coarse = max(pa.geo_precision or 3, pb.geo_precision or 3) >= 3
    if km <= cfg.same_place_km:
        return 0.7 if coarse else 1.0
    if km >= cfg.far_km:
        return 0.0
    return max(0.0, 1.0 - km / cfg.far_km) * (0.7 if coarse else 1.0)


def _actor_score(a: Event, b: Event) -> float:
    names_a = {x.name for x in (a.actor1, a.actor2) if x is not None}
    names_b = {x.name for x in (b.actor1, b.actor2) if x is not None}
    if not names_a or not names_b:
        return 0.5
    return len(names_a & names_b) / len(names_a | names_b)


def _count_score(a: Count | None, b: Count | None) -> float:
    if a is None or b is None or a.best is None or b.best is None:
        return 0.5
    hi = max(a.best, b.best)
    return 1.0 if hi == 0 else 1.0 - abs(a.best - b.best) / hi


def pair_score(a: Event, b: Event, va: dict[str, float], vb: dict[str, float],
               cfg: DedupConfig = DedupConfig()) -> float:
    """0..1: how likely two events are the same real event."""
    if a.date is None or b.date is None:
        return 0.0
    gap = abs((a.date.date - b.date.date).days)
    slack = max(a.date.precision, b.date.precision) > 1
    date_s = 1.0 if gap == 0 else (0.6 if gap == 1 else (0.4 if slack else 0.1))
    place_s = _place_score(a, b, cfg)
    if place_s == 0.0:
        return 0.0
    sub_s = 1.0 if a.sub_event_type == b.sub_event_type else 0.4
    counts_s = (_count_score(a.fatalities, b.fatalities) + _count_score(a.injuries, b.injuries)) / 2
    score = (0.35 * place_s + 0.2 * date_s + 0.15 * sub_s + 0.1 * _actor_score(a, b)
             + 0.05 * counts_s + 0.15 * _cosine(va, vb))
    return round(score, 4)


def _block_key(e: Event) -> tuple:
    """Type family plus a 1-degree grid cell (or the country when the place has no coordinates)."""
    p = e.place
    if p is not None and p.lat is not None and p.lon is not None:
        return e.event_type, "cell", math.floor(p.lat), math.floor(p.lon)
    country = (p.country_code or p.country or "?") if p else "?"
    return e.event_type, "country", country


def _neighbours(key: tuple) -> list[tuple]:
    if key[1] != "cell":
        return [key]
    _, _, la, lo = key
    return [(key[0], "cell", la + d1, lo + d2) for d1 in (-1, 0, 1) for d2 in (-1, 0, 1)]


def candidate_pairs(events: Sequence[Event], cfg: DedupConfig = DedupConfig()) -> list[tuple[int, int]]:
    """Index pairs (i < j) of one type family, in the same or an adjacent grid cell, within the window.

    Grid blocking keeps the number of pairs proportional to local density, not to the size of a
    country, so cost grows near-linearly with the number of events.
    """
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if e.date is not None:
            blocks[_block_key(e)].append(i)
    days: dict[tuple, list[int]] = {}
    for key, members in blocks.items():
        members.sort(key=lambda i: events[i].date.date)  # type: ignore[union-attr]
        days[key] = [events[i].date.date.toordinal() for i in members]  # type: ignore[union-attr]
    pairs = []
    for key, members in blocks.items():
        for i in members:
            day = events[i].date.date.toordinal()  # type: ignore[union-attr]
            ids_i = set(events[i].article_ids)
            for other in _neighbours(key):
                if other not in blocks:
                    continue
                lo = bisect_left(days[other], day - cfg.window_days)
                hi = bisect_right(days[other], day + cfg.window_days)
                for j in blocks[other][lo:hi]:
                    # one article's events were already merged by the extractor
                    if j > i and not ids_i & set(events[j].article_ids):
                        pairs.append((i, j))
    return pairs


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _merge_counts(counts: Sequence[Count | None]) -> Count | None:
    known = [c for c in counts if c is not None and c.best is not None]
    if not known:
        return None
    bests = sorted(c.best for c in known if c.best is not None)
    lows = [c.low if c.low is not None else c.best for c in known]
    highs = [c.high if c.high is not None else c.best for c in known]
    qualifier = None if len(set(bests)) == 1 else "sources differ"
    return Count(low=min(x for x in lows if x is not None), best=bests[(len(bests) - 1) // 2],
                 high=max(x for x in highs if x is not None), qualifier=qualifier or known[0].qualifier,
                 exact=all(c.exact for c in known) and len(set(bests)) == 1)


def _cluster_id(event_ids: Sequence[str]) -> str:
    return "C-" + hashlib.sha1("|".join(sorted(event_ids)).encode()).hexdigest()[:12]


def merge_cluster(events: Sequence[Event]) -> Cluster:
    """One event from several reports: the most confident report's fields, figures across all."""
    ranked = sorted(events, key=lambda e: (-e.confidence, e.id))
    head = ranked[0]
    cid = _cluster_id([e.id for e in events])
    claims: list[Claim] = []
    responsibility: list[Claim] = []
    for e in ranked:
        claims += [c for c in e.claims if c not in claims]
        responsibility += [c for c in e.responsibility if c not in responsibility]
    article_ids = tuple(dict.fromkeys(a for e in ranked for a in e.article_ids))
    sources = tuple(dict.fromkeys(e.source for e in ranked if e.source))
    merged = replace(
        head,
        cluster_id=cid,
        fatalities=_merge_counts([e.fatalities for e in events]),
        injuries=_merge_counts([e.injuries for e in events]),
        claims=tuple(claims),
        responsibility=tuple(responsibility),
        article_ids=article_ids,
        source="; ".join(sources) or None,
        confidence=round(min(1.0, head.confidence + 0.05 * (len(events) - 1)), 3),
        actor1=head.actor1 or next((e.actor1 for e in ranked if e.actor1), None),
        actor2=head.actor2 or next((e.actor2 for e in ranked if e.actor2), None),
    )
    return Cluster(cid, tuple(e.id for e in ranked), merged, sources)


def cluster_events(events: Sequence[Event], cfg: DedupConfig = DedupConfig()) -> list[Cluster]:
    """Clusters of two or more events judged to be one; singletons are left out."""
    vectors = _vectors(events)
    parent = list(range(len(events)))
    joined = 0
    for i, j in candidate_pairs(events, cfg):
        if pair_score(events[i], events[j], vectors[i], vectors[j], cfg) >= cfg.threshold:
            ri, rj = _find(parent, i), _find(parent, j)
            if ri != rj:
                parent[rj] = ri
                joined += 1
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[_find(parent, i)].append(e)
    clusters = [merge_cluster(g) for g in groups.values() if len(g) > 1]
    log.info("dedup: %d events, %d joins, %d clusters", len(events), joined, len(clusters))
    return clusters
