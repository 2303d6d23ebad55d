"""The one place that knows the order of stages: ingest -> nlp -> extract -> resolve -> store.

``Pipeline`` loads spaCy and the geocoder lazily, once, and runs them over batches with
``nlp.pipe``. Bad items come back as errors beside the good ones; a batch never stops for one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventwire.errors import EventwireError, InputError
from eventwire.models import Article, Event, Framing, Tally
from eventwire.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.store.base import Store

__all__ = ["Extraction", "Pipeline", "RunReport"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Extraction:
    article: Article
    events: tuple[Event, ...]
    tallies: tuple[Tally, ...]
    framings: tuple[Framing, ...]


@dataclass
class RunReport:
    articles_new: int = 0
    articles_seen: int = 0
    events: list[Event] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)
    framings: int = 0
    errors: list[EventwireError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class Pipeline:
    """Extraction over Articles. ``nlp`` and ``geocoder`` may be injected (tests, benchmarks)."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None,
                 geocoder: Any | None = None, geocode: bool = True) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp
        self._geocoder = geocoder
        self._use_geocoder = geocode

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from eventwire.nlp import load_nlp

            self._nlp = load_nlp(self.settings.spacy_model)
        return self._nlp

    @property
    def geocoder(self) -> Any | None:
        if self._geocoder is None and self._use_geocoder:
            from eventwire.geo import Geocoder

            self._geocoder = Geocoder.load()
        return self._geocoder

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        from eventwire.extract import types as types_mod
        from eventwire.nlp.select import select_sentences

        def selected() -> Iterator[tuple[str, tuple[Article, Any]]]:
            for article in articles:
                sel = select_sentences(article.text, types_mod.triggers)
                yield sel.masked_text, (article, sel)

        stream = self.nlp.pipe(selected(), as_tuples=True, batch_size=self.settings.batch_size)
        for doc, (article, sel) in stream:
            doc._.article_id = article.id
            yield self._extract_doc(article, doc, sel.candidates)

    def _extract_doc(self, article: Article, doc: Any, candidates: frozenset[int]) -> Extraction:
        from eventwire.extract.events import extract_events
        from eventwire.extract.framing import find_framing
        from eventwire.extract.tallies import find_tallies

        tallies = tuple(find_tallies(article.text, article.published, article_id=article.id))
        framings = tuple(find_framing(article.text, article_id=article.id))
        geocoder = self.geocoder
        events = extract_events(
            article,
            doc,
            candidates=candidates,
            geocode=geocoder.geocode if geocoder is not None else None,
            geocode_country=geocoder.country if geocoder is not None else None,
            countries_named=geocoder.countries_named if geocoder is not None else None,
            exclude=[(t.span.start, t.span.end) for t in tallies if t.span is not None],
        )
        return Extraction(article, tuple(events), tallies, framings)

    def run(self, items: Iterable[Article | EventwireError], store: Store | None = None,
            *, on_item: Callable[[Article | EventwireError], None] | None = None) -> RunReport:
        """Extract every article and store it (one transaction each); errors are collected, not raised."""
        report = RunReport()

        def articles() -> Iterator[Article]:
            for item in items:
                if on_item is not None:
                    on_item(item)
                if isinstance(item, EventwireError):
                    log.warning("%s", item)
                    report.errors.append(item)
                    if store is not None:
                        store.record_error(item.item or "?", item.message)
                    continue
                if store is not None and store.has_article(item.id):
                    report.articles_seen += 1
                    continue
                yield item

        for ex in self._safe(articles(), report):
            if store is not None:
                if not store.add_article(ex.article, ex.events, ex.tallies, ex.framings):
                    report.articles_seen += 1
                    continue
            report.articles_new += 1
            report.events.extend(ex.events)
            report.tallies.extend(ex.tallies)
            report.framings += len(ex.framings)
        return report

    def _safe(self, articles: Iterator[Article], report: RunReport) -> Iterator[Extraction]:
        # one article's failure in extraction must not end the batch: fall back to one at a time
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._extract_batch(batch, report)
                batch = []
        if batch:
            yield from self._extract_batch(batch, report)

    def _extract_batch(self, batch: list[Article], report: RunReport) -> Iterator[Extraction]:
        try:
            results = list(self.extract_many(batch))
        except Exception:  # noqa: BLE001 - isolate the failing article below
            log.exception("batch failed; retrying articles one by one")
            results = []
            for article in batch:
                try:
                    results.append(self.extract(article))
                except Exception as exc:  # noqa: BLE001
                    item = article.origin or article.url or article.id[:12]
                    report.errors.append(InputError(f"extraction failed: {exc}", item=item))
        yield from results


def deduplicate(store: Store, cfg: Any | None = None) -> list[Any]:
    """Cluster the stored events across articles and record each event's cluster id."""
    from eventwire.dedup import DedupConfig, cluster_events

    events = store.events()
    clusters = cluster_events(events, cfg or DedupConfig())
    for cluster in clusters:
        for event_id in cluster.event_ids:
            store.set_cluster(event_id, cluster.id)
    log.info("dedup: %d clusters over %d stored events", len(clusters), len(events))
    return clusters

