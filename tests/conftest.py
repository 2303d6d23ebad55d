"""Shared fixtures: paths to ../shared, the seed article, one Pipeline per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_TXT = SHARED / "data" / "seed" / "ain_al_asad.txt"
SEED_GOLD = SHARED / "data" / "seed" / "ain_al_asad.gold.json"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article():
    from eventwire.ingest import parse_text

    return parse_text(SEED_TXT.read_text(encoding="utf-8"), origin=str(SEED_TXT), source_name="Islam Times")


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_extraction(pipeline, seed_article):
    return pipeline.extract(seed_article)
