"""Loaded language: flag terms with a category and a neutral alternative; the text is never altered.

The lexicon (data/framing.csv) covers the vocabulary of all sides of the conflicts in the data:
state media and armed groups, Russian and Ukrainian, Israeli and Palestinian, Iranian-aligned and
Gulf media, jihadist and counter-terrorism language. Matching is case-insensitive on word
boundaries, longest match first, with no overlapping flags.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventwire.extract.lexicon import read_rows
from eventwire.models import Framing, Span

__all__ = ["find_framing", "neutralise", "CATEGORIES"]

CATEGORIES = ("delegitimising", "dehumanising", "euphemism", "honorific", "intensifier")
_QUOTE = "['‘’\u201c\u201d\"]"


@dataclass(frozen=True, slots=True)
class _Term:
    pattern: re.Pattern[str]
    category: str
    neutral: str | None


@functools.cache
def _lexicon() -> tuple[_Term, ...]:
    rows = read_rows("framing.csv")
    out = []
    for r in rows:
        if r["category"] not in CATEGORIES:
            raise ValueError(f"framing.csv: unknown category {r['category']!r}")
        rx = r["pattern"].replace("Q", _QUOTE)
        out.append(_Term(re.compile(r"(?<![\w-])(?:" + rx + r")(?![\w-])", re.I), r["category"],
                         r["neutral"] or None))
    return tuple(out)


def _neutral_for(term: _Term, matched: str) -> str | None:
    if term.neutral is None or not term.neutral.startswith("-"):
        return term.neutral
    drop = {w.lower() for w in term.neutral[1:].split()}
    words = [w for w in matched.split() if w.lower() not in drop]
    return " ".join(words[:1] + [w if w.isupper() else w.lower() for w in words[1:]]) or None


def neutralise(term: str) -> str | None:
    """The neutral wording for a loaded term, or None if the term is not in the lexicon."""
    for t in _lexicon():
        m = t.pattern.fullmatch(term.strip())
        if m:
            return _neutral_for(t, m.group(0)) or ""
    return None


def _plain_quotes(text: str) -> str:
    return re.sub(_QUOTE, "'", text)


def find_framing(text: str, *, article_id: str | None = None, offset: int = 0) -> list[Framing]:
    hits: list[tuple[int, int, _Term]] = []
    for term in _lexicon():
        for m in term.pattern.finditer(text):
            hits.append((m.start(), m.end(), term))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, _Term]] = []
    for s, e, term in hits:
        if all(e <= s2 or s >= e2 for s2, e2, _ in taken):
            taken.append((s, e, term))
    out = []
    for s, e, term in sorted(taken, key=lambda h: h[0]):
        matched = text[s:e]
        out.append(Framing(_plain_quotes(matched), term.category, _neutral_for(term, matched),
                           Span(offset + s, offset + e, matched, article_id), article_id))
    return out
