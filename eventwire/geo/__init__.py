"""Offline geocoding: GeoNames tables from PyPI packages plus a curated facilities gazetteer."""

from __future__ import annotations

from eventwire.geo.geocoder import Geocoder
from eventwire.geo.patterns import ruler_patterns

__all__ = ["Geocoder", "ruler_patterns"]
