"""A cheaper stand-in for the model's ``attribute_ruler`` + ``lemmatizer``.

Those two rule components cost about as much as the parser (they run spaCy's Matcher and the
lemmatizer on every token). Extraction reads only coarse POS and verb lemmas, so this component
maps TAG -> POS/MORPH with the model's own tag map, applies the auxiliary rules that change
VERB/AUX, and lemmatises verbs alone with the model's own lemmatizer tables.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LiteTagger", "make_lite_tagger"]

_BE = {"be", "is", "'s", "are", "'re", "am", "'m", "was", "were", "been", "being"}
_AUX_LEMMA = {**dict.fromkeys(_BE, "be"), **dict.fromkeys(("have", "has", "had", "'ve", "having", "'d"), "have"),
              **dict.fromkeys(("do", "does", "did"), "do"), "ca": "can", "wo": "will", "sha": "shall"}
_VERB_DEPS = {"ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp"}
_SCONJ = {"that", "if", "because", "while", "since", "so", "whether", "although", "though", "unless", "once",
          "upon", "till", "whereas", "whilst", "except", "despite", "albeit", "besides", "til"}


class LiteTagger:
    def __init__(self, tag_map: dict[str, tuple[str, str]], lemmatizer: Any) -> None:
        self.tag_map = tag_map
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Any) -> Any:
        tag_map, lemmatizer = self.tag_map, self.lemmatizer
        for tok in doc:
            if tok.is_space:
                tok.pos_ = "SPACE"
                continue
            tag = tok.tag_
            pos, morph = tag_map.get(tag, ("X", ""))
            low = tok.lower_
            if tag.startswith("VB"):
                dep = tok.dep_
                if dep in {"aux", "auxpass"} or low in _BE and not (tok.i and doc[tok.i - 1].dep_ == "expl") or \
                        low in _AUX_LEMMA and dep not in _VERB_DEPS:
                    pos = "AUX"
            elif tag == "IN":
                if tok.dep_ == "mark" or low in _SCONJ:
                    pos = "SCONJ"
            elif tag == "RB" and low in {"not", "n't", "nt", "n’t"}:
                pos = "PART"
            elif tag in {"DT", "WDT"} and tok.dep_ not in {"det", "quantmod", ""}:
                pos = "PRON"
            tok.pos_ = pos
            if morph:
                tok.set_morph(morph)
            if pos in {"VERB", "AUX"}:
                tok.lemma_ = _AUX_LEMMA.get(low) or lemmatizer.rule_lemmatize(tok)[0]
        return doc


def make_lite_tagger(nlp: Any, name: str) -> LiteTagger:
    """Built from the loaded model's ``attribute_ruler`` tag map and its ``lemmatizer``."""
    tag_map: dict[str, tuple[str, str]] = {}
    for pat in nlp.get_pipe("attribute_ruler").patterns:
        cond = pat["patterns"][0]
        if len(cond) == 1 and set(cond[0]) == {"TAG"} and isinstance(cond[0]["TAG"], str):
            attrs = pat["attrs"]
            tag_map[cond[0]["TAG"]] = (attrs.get("POS", "X"), attrs.get("MORPH", ""))
    return LiteTagger(tag_map, nlp.get_pipe("lemmatizer"))
