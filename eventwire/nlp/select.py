"""Cheap first: pick the sentences that can hold an event before spaCy runs.

``masked_text`` keeps every character offset of the article but blanks the sentences that no
trigger touches, so the statistical pipeline pays only for candidate sentences while spans still
point into ``Article.text``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.nlp import split_sentences

__all__ = ["Selection", "select_sentences"]

TriggerFn = Callable[[str], Sequence[tuple[int, int, str]]]


@dataclass(frozen=True, slots=True)
class Selection:
    sentences: tuple[tuple[int, int], ...]  # every sentence (start, end)
    candidates: frozenset[int]  # indices of sentences with a trigger
    kept: frozenset[int]  # candidates plus their context sentences
    masked_text: str

    @property
    def kept_chars(self) -> int:
        return sum(self.sentences[i][1] - self.sentences[i][0] for i in self.kept)


def _blank(segment: str) -> str:
    return "".join(c if c == "\n" else " " for c in segment)


def select_sentences(text: str, triggers: TriggerFn, *, context: int = 1) -> Selection:
    sentences = tuple(split_sentences(text))
    candidates = frozenset(i for i, (s, e) in enumerate(sentences) if triggers(text[s:e]))
    kept = frozenset(
        j for i in candidates for j in range(max(0, i - context), min(len(sentences), i + 1))
    )
    parts: list[str] = []
    pos = 0
    for i, (s, e) in enumerate(sentences):
        if i in kept:
            parts.append(_blank(text[pos:s]))
            parts.append(text[s:e])
        else:
            parts.append(_blank(text[pos:e]))
        pos = e
    parts.append(_blank(text[pos:]))
    masked = "".join(parts)
    assert len(masked) == len(text)
    return Selection(sentences, candidates, kept, masked)
