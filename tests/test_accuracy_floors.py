"""Accuracy floors measured by benchmarks/accuracy.py on the dev sets. They may only go up."""

from __future__ import annotations

import importlib.util

import pytest

from .conftest import REPO, SHARED

_spec = importlib.util.spec_from_file_location("bench_accuracy", REPO / "benchmarks" / "accuracy.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)  # type: ignore[union-attr]

CASE_FLOORS = {"weighted F1 (25 ACLED)": 0.74, "macro F1 (25 ACLED)": 0.70, "event type accuracy": 0.81}
SNIPPET_FLOORS = {"weighted F1 (25 ACLED)": 0.85, "macro F1 (25 ACLED)": 0.85, "event type accuracy": 0.86}
NOTES_FLOORS = {"event_type accuracy": 0.98, "event_date exact": 0.98, "fatalities exact": 0.98}
WIKI_FLOORS = {"actor1": 0.21, "actor2": 0.19, "place": 0.33, "events": 0.75}  # place scored where gold has one
# (lowered once, 2026-11-25: sentences had swallowed the skipped text after them, which inflated these;
# place 0.33 -> 0.32: article countries from the towns named cost one Belfast mention, gained 3 countries of 33
# on benchmarks/data/articles)


def test_seed_every_field_right(pipeline):
    result = bench.evaluate_seed(pipeline)
    flags_beyond_gold = result.pop("framing flags beyond the gold list")
    wrong = {field: f"{ok}/{total}" for field, (ok, total) in result.items() if ok != total}
    assert wrong == {}
    # the extra flags are loaded terms the gold list leaves out ("American occupation forces")
    assert flags_beyond_gold[0] <= 4


@pytest.mark.skipif(not (SHARED / "data" / "case2021_task2" / "test.tsv").exists(), reason="CASE data absent")
def test_case_floors():
    got = bench.evaluate_case()
    assert got["snippets"] == 1019
    for k, v in CASE_FLOORS.items():
        assert got[k] >= v, (k, got[k])


def test_heldout_snippet_floors():
    # 1,200 news sentences of writer set e, never trained on (adding them to the training data lowered CASE)
    got = bench.evaluate_snippets()
    assert got["snippets"] == 1200
    for k, v in SNIPPET_FLOORS.items():
        assert got[k] >= v, (k, got[k])


def test_notes_floors(pipeline):
    got = bench.evaluate_notes(pipeline)
    assert got["notes"] == 73
    for k, v in NOTES_FLOORS.items():
        assert got[k] >= v, (k, got[k])


def test_wikievents_floors(pipeline):
    got = bench.evaluate_wikievents(pipeline)
    for k, v in WIKI_FLOORS.items():
        assert got[k]["f1"] >= v, (k, got[k])


# benchmarks/data/articles: 85 articles with gold written by teammates who had not read the extraction
# code (fractions of the 287 gold events; "false events" is a ceiling). Each batch added was scored on first
# contact before any fix. Session 6 added 30 articles: 10 at its start (37 events: found 30, actor1 11,
# country 25, fatalities 14, claims 9, tallies 2/22) and 20 late in it, after most of its fixes (77 events:
# found 69, type 64, date 61, actor1 39, actor2 36, country 69, fatalities 28, claims 3, tallies 25/48,
# 49 extra events). Floors re-pinned on the 85 after the fixes that followed: actor2, fatalities and claims sit
# below the 65-article floors they replace because the newest 20 were scored as written
# re-pinned when the set grew from 85 to 105 articles (sets s-v, scored on first contact before any fix)
ARTICLE_FLOORS = {"event found": 0.96, "event_type": 0.91, "event_date": 0.89, "actor1": 0.64, "actor2": 0.66,
                  "country": 0.95, "admin1": 0.84, "fatalities": 0.70, "claims": 0.20, "responsibility": 0.80}
# (the benchmark compares actors without ACLED's government period and acronym prefix, provinces by their
# transliteration key ("Deir ez-Zor" = "Deir ez Zor"), and claims without leading articles or case)


def test_article_floors(pipeline):
    got = bench.evaluate_articles(bench.ARTICLES, pipeline)
    assert got["published"][1] == 105
    for k, v in ARTICLE_FLOORS.items():
        ok, total = got[k]
        assert ok / total >= v, (k, ok, total)
    assert got["false events"][0] <= 106
    assert got["tallies"][0] >= 127 and got["tally since"][0] >= 36
