"""Deduplication benchmark: pairwise precision/recall on the team's gold pairs, and cost at scale.

    python benchmarks/dedup.py            # gold pairs + 10k vs 100k synthetic events
    python benchmarks/dedup.py --quick    # gold pairs + 2k vs 20k

Gold: benchmarks/data/dedup_gold.jsonl, one labelled pair a line ({"label": 1|0, "a": {...}, "b": {...}}),
written by the team: reports of one event from several outlets and from opposing sides, and
different events on the same day in the same town. Cost: candidate pairs and seconds for N and
10N synthetic events; the ratio must stay <= 12 (near-linear).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from eventwire.dedup import DedupConfig, _vectors, candidate_pairs, cluster_events, pair_score
from eventwire.models import Actor, Count, Event, EventDate, Place, Span
from eventwire.taxonomy import TYPE_OF

GOLD = Path(__file__).resolve().parent / "data" / "dedup_gold.jsonl"


def event_from_record(rec: dict, key: str) -> Event:
    place = None
    if rec.get("location"):
        place = Place(rec["location"], rec.get("country"), rec.get("iso"), rec.get("admin1"), None,
                      rec.get("lat"), rec.get("lon"), rec.get("geo_precision", 1))
    sentence = rec.get("sentence") or ""

    def count(v):
        return None if v is None else Count(v, v, v)

    return Event(
        id=f"{key}", event_type=TYPE_OF[rec["sub_event_type"]], sub_event_type=rec["sub_event_type"],
        date=EventDate(date.fromisoformat(rec["date"]), rec.get("precision", 1)), place=place,
        actor1=Actor(rec["actor1"]) if rec.get("actor1") else None,
        actor2=Actor(rec["actor2"]) if rec.get("actor2") else None,
        fatalities=count(rec.get("fatalities")), injuries=count(rec.get("injuries")),
        evidence={"sentence": (Span(0, len(sentence), sentence, key),)} if sentence else {},
        source=rec.get("source"), article_ids=(key,), confidence=0.5,
    )


def load_gold(path: Path = GOLD) -> list[tuple[int, Event, Event, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        rec = json.loads(line)
        rows.append((int(rec["label"]), event_from_record(rec["a"], f"g{n}a"),
                     event_from_record(rec["b"], f"g{n}b"), rec.get("kind", "")))
    return rows


def evaluate(rows, cfg: DedupConfig | None = None) -> dict[str, float]:
    """Pairwise P/R/F1: a pair is predicted 'same' when clustering the two events joins them."""
    cfg = cfg or DedupConfig()
    tp = fp = fn = tn = 0
    for label, a, b, _kind in rows:
        same = bool(cluster_events([a, b], cfg))
        tp += label and same
        fp += (not label) and same
        fn += label and not same
        tn += (not label) and not same
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs": len(rows), "positives": tp + fn, "precision": p, "recall": r, "f1": f,
            "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def evaluate_text_only(rows) -> dict[str, float]:
    """TF-IDF cosine alone (the baseline to beat), best threshold on a coarse grid."""
    best = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "threshold": 1.0}
    vectors = _vectors([e for _, a, b, _ in rows for e in (a, b)])  # IDF over the whole gold corpus
    scored = []
    for n, (label, _a, _b, _) in enumerate(rows):
        va, vb = vectors[2 * n], vectors[2 * n + 1]
        scored.append((label, sum(v * vb.get(t, 0.0) for t, v in va.items())))
    for th in [x / 20 for x in range(1, 20)]:
        tp = sum(1 for lab, s in scored if lab and s >= th)
        fp = sum(1 for lab, s in scored if not lab and s >= th)
        fn = sum(1 for lab, s in scored if lab and s < th)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best["f1"]:
            best = {"precision": p, "recall": r, "f1": f, "threshold": th}
    return best


_COUNTRIES = [("UA", "Ukraine", 48.5, 35.0), ("SY", "Syria", 35.0, 38.5), ("SD", "Sudan", 14.0, 29.0),
              ("NG", "Nigeria", 10.0, 8.0), ("MX", "Mexico", 23.0, -102.0), ("IQ", "Iraq", 33.0, 43.5),
              ("ML", "Mali", 15.0, -2.0), ("MM", "Myanmar", 20.0, 96.0)]


def synthetic(n: int, seed: int = 7) -> list[Event]:
    """n events at a constant rate (20 a day over 8 countries), ~20% re-reports of an earlier one.

    A database grows by covering more days at a similar daily rate, so the date span grows with n;
    the cost ratio then measures the algorithm, not an ever-denser synthetic world.
    """
    rng = random.Random(seed)
    span_days = max(30, n // 20)
    subs = list(TYPE_OF)
    base = date(2023, 1, 1)
    out: list[Event] = []
    for i in range(n):
        if out and rng.random() < 0.2:
            src = out[rng.randrange(len(out))]
            out.append(Event(id=f"s{i}", event_type=src.event_type, sub_event_type=src.sub_event_type,
                             date=src.date, place=src.place, actor1=src.actor1, actor2=src.actor2,
                             fatalities=src.fatalities, evidence=src.evidence, article_ids=(f"a{i}",),
                             confidence=0.5))
            continue
        iso, name, lat, lon = rng.choice(_COUNTRIES)
        sub = rng.choice(subs)
        p = Place(f"Town {rng.randrange(400)}", name, iso, None, None, lat + rng.uniform(-3, 3),
                  lon + rng.uniform(-3, 3), 1)
        text = f"{sub} near town {rng.randrange(400)} killed {rng.randrange(30)} people"
        out.append(Event(id=f"s{i}", event_type=TYPE_OF[sub], sub_event_type=sub,
                         date=EventDate(base + timedelta(days=rng.randrange(span_days)), 1), place=p,
                         fatalities=Count(best=rng.randrange(30)),
                         evidence={"sentence": (Span(0, len(text), text),)}, article_ids=(f"a{i}",),
                         confidence=0.5))
    return out


def cost(n: int) -> tuple[int, float, int]:
    events = synthetic(n)
    t0 = time.perf_counter()
    pairs = len(candidate_pairs(events))
    clusters = cluster_events(events)
    return pairs, time.perf_counter() - t0, len(clusters)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="2k vs 20k synthetic events instead of 10k vs 100k")
    ap.add_argument("--misses", action="store_true", help="list misclassified gold pairs")
    args = ap.parse_args(argv)

    rows = load_gold()
    m = evaluate(rows)
    base = evaluate_text_only(rows)
    print(f"gold pairs: {m['pairs']} ({m['positives']} same-event)")
    print(f"{'method':<28}{'precision':>10}{'recall':>10}{'f1':>8}")
    print(f"{'eventwire (blocked score)':<28}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>8.3f}")
    print(f"{'TF-IDF cosine only (best th)':<28}{base['precision']:>10.3f}{base['recall']:>10.3f}"
          f"{base['f1']:>8.3f}")
    if args.misses:
        for label, a, b, kind in rows:
            va, vb = _vectors([a, b])
            same = bool(cluster_events([a, b]))
            if same != bool(label):
                print(f"  miss label={label} kind={kind} score={pair_score(a, b, va, vb):.3f} "
                      f"{a.place.name if a.place else '?'} {a.date.date} / {b.place.name if b.place else '?'} "
                      f"{b.date.date}")

    small, large = (2_000, 20_000) if args.quick else (10_000, 100_000)
    print(f"\n{'events':>8}{'cand. pairs':>14}{'seconds':>10}{'clusters':>10}")
    results = []
    for n in (small, large):
        pairs, secs, nclus = cost(n)
        results.append(secs)
        print(f"{n:>8}{pairs:>14}{secs:>10.2f}{nclus:>10}")
    ratio = results[1] / results[0] if results[0] else float("inf")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cost ratio {large // small}x events: {ratio:.1f}x time (target <= 12)   peak RSS {rss:.0f} MB")
    return 0 if ratio <= 12 else 1


if __name__ == "__main__":
    sys.exit(main())
