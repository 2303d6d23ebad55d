"""Deduplication on labelled pairs: merges re-reports and opposing accounts, keeps distinct events apart."""

from __future__ import annotations

import importlib.util
from dataclasses import replace

from eventwire.dedup import candidate_pairs, cluster_events, merge_cluster
from eventwire.models import Count

from .conftest import REPO

_spec = importlib.util.spec_from_file_location("bench_dedup", REPO / "benchmarks" / "dedup.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)  # type: ignore[union-attr]

# measured on benchmarks/data/dedup_gold.jsonl; may only go up
FLOORS = {"precision": 0.76, "recall": 0.91}


def _gold():
    return bench.load_gold()


def test_gold_set_is_large_and_balanced():
    rows = _gold()
    kinds = {k for _, _, _, k in rows}
    assert len(rows) >= 200
    assert {"two sides", "same town different event", "wire rewrite", "toll update",
            "same type nearby different day", "same day different town", "vague date"} <= kinds
    positives = sum(label for label, *_ in rows)
    assert 0.4 <= positives / len(rows) <= 0.7
    assert len({a.place.country for _, a, _, _ in rows if a.place}) >= 15


def test_gold_floors():
    m = bench.evaluate(_gold())
    assert m["precision"] >= FLOORS["precision"]
    assert m["recall"] >= FLOORS["recall"]
    # the blocked score must beat text similarity alone (the baseline)
    assert m["f1"] > bench.evaluate_text_only(_gold())["f1"]


def test_two_sides_merge_and_keep_every_figure():
    label, a, b, _ = next(r for r in _gold() if r[3] == "two sides")
    assert label == 1
    (cluster,) = cluster_events([a, b])
    assert set(cluster.event_ids) == {a.id, b.id}
    merged = cluster.event
    assert merged.cluster_id == cluster.id and set(merged.article_ids) == {a.article_ids[0], b.article_ids[0]}
    # one side gave a death toll, the other none: the toll is kept, nothing invented
    assert merged.fatalities is not None and merged.fatalities.best == 3


def test_different_event_same_town_same_day_kept_apart():
    label, a, b, _ = next(r for r in _gold() if r[3] == "same town different event")
    assert label == 0
    assert cluster_events([a, b]) == []


def test_figures_across_sources_low_best_high():
    _, a, b, _ = next(r for r in _gold() if r[3] == "two sides")
    a = replace(a, fatalities=Count(3, 3, 3))
    b = replace(b, fatalities=Count(5, 5, 7, "at least"))
    merged = merge_cluster([a, b]).event
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (3, 3, 7)
    assert merged.fatalities.qualifier == "sources differ"


def test_blocking_is_near_linear_in_pairs():
    small, large = bench.synthetic(1_000), bench.synthetic(10_000)
    ratio = len(candidate_pairs(large)) / max(1, len(candidate_pairs(small)))
    assert ratio <= 15  # pairs, not seconds: quadratic growth would be ~100
