"""eventwire: conflict reporting in, sourced and geocoded ACLED-style events out."""

from eventwire.errors import ConfigError, EventwireError, FetchError, InputError, StoreError
from eventwire.models import (
    Actor,
    Article,
    Claim,
    Count,
    Event,
    EventDate,
    Framing,
    Place,
    Span,
    Tally,
)
from eventwire.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "ConfigError",
    "Count",
    "Event",
    "EventDate",
    "EventwireError",
    "FetchError",
    "Framing",
    "InputError",
    "Place",
    "Settings",
    "Span",
    "StoreError",
    "Tally",
]
