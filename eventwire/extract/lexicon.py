"""Read the team-written CSV lexicons shipped in eventwire/extract/data (``#`` lines are comments)."""

from __future__ import annotations

import csv
from importlib import resources

__all__ = ["read_rows"]


def read_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("eventwire.extract").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if line.strip() and not line.startswith("#")))
