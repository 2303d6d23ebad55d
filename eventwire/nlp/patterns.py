"""EntityRuler patterns: curated facilities and places from the geo gazetteer.

The small English model tags "Ain al-Asad Airbase" as PERSON and "al-Shaddadi" as PERSON; the
gazetteer patterns run before the statistical NER and win.
"""

from __future__ import annotations

import logging

__all__ = ["entity_patterns"]

log = logging.getLogger(__name__)


def entity_patterns() -> list[dict]:
    from eventwire.geo import ruler_patterns

    return list(ruler_patterns())
