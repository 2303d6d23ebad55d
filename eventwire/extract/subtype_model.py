"""A linear sub-type classifier trained on team-written snippets, used beside the rules in types.py.

The model (word unigrams and bigrams, multinomial logistic regression) is trained by
``scripts/train_subtypes.py`` from ``data/subtypes/*.jsonl`` and shipped as
``data/subtype_model.npz``: labels, vocabulary, weights. Prediction needs only numpy.
Labels are the CASE 2021 codes: 25 ACLED sub-types plus five that are not ACLED events.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import numpy as np

from eventwire.taxonomy import CASE_CODES

__all__ = ["SubtypeModel", "features", "load_model"]

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
# ACLED-note boilerplate that says nothing about the sub-type
_STOP = frozenset("the a an of in on at to and or was were is are by with for from as that this it its".split())


_ACTOR_KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("state", frozenset("army troops soldiers military forces police policemen government regime navy "
                        "gendarmes gendarmerie commandos paramilitaries authorities officers security".split())),
    ("nonstate", frozenset("rebels militants insurgents jihadists fighters militia militias militiamen gunmen "
                           "taliban shabaab houthis houthi jnim isis isil daesh bandits separatists guerrillas "
                           "terrorists extremists".split())),
    ("crowd", frozenset("protesters protestors demonstrators crowd crowds mob students workers farmers "
                        "residents villagers supporters activists rioters".split())),
)


def features(text: str) -> list[str]:
    """Lower-cased word unigrams and bigrams; numbers become '<num>'."""
    toks = ["<num>" if t[0].isdigit() else t for t in _TOKEN.findall(text.lower())]
    feats = [t for t in toks if t not in _STOP]
    # 5-letter prefixes stand in for stems: protesters/protested, shelled/shelling, abducted/abduction
    feats += [f"{t[:5]}~" for t in toks if len(t) > 5 and t not in _STOP]
    feats += [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]
    # who is named first: state forces, non-state armed groups or a crowd decide between otherwise
    # alike sub-types (government regains vs non-state actor overtakes; protest vs riot vs force)
    first = next((kind for t in toks for kind, words in _ACTOR_KINDS if t in words), None)
    if first:
        feats.append(f"first={first}")
    # the rules' verdict is a feature too (stacking): the model learns how far to trust each cue
    from eventwire.extract.types import classify

    feats.append(f"rule={classify(text).sub_event_type}")
    return feats


@dataclass(frozen=True)
class SubtypeModel:
    labels: tuple[str, ...]  # CASE codes
    vocab: dict[str, int]
    coef: np.ndarray  # (n_labels, n_features)
    intercept: np.ndarray  # (n_labels,)
    # (t_new, t_over, t_keep): probability above which the model adds a sub-type the rules missed,
    # above which it overrides the rules' sub-type, and the rules' score from which they always
    # stand; chosen by cross-validation at training (types.refine)
    thresholds: tuple[float, float, float] = (1.01, 1.01, 1.01)

    def proba(self, text: str) -> dict[str, float]:
        idx = sorted({self.vocab[f] for f in features(text) if f in self.vocab})
        z = self.intercept.astype(np.float64).copy()
        if idx:
            z += self.coef[:, idx].astype(np.float64).sum(axis=1)
        z -= z.max()
        p = np.exp(z)
        p /= p.sum()
        return dict(zip(self.labels, p.tolist(), strict=True))

    def predict(self, text: str) -> tuple[str | None, float]:
        """(ACLED sub-type or None for a non-ACLED label, probability)."""
        probs = self.proba(text)
        code = max(probs, key=probs.__getitem__)
        return CASE_CODES[code], probs[code]

    def save(self, path, thresholds: tuple[float, float, float] | None = None) -> None:
        vocab = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(path, labels=np.array(self.labels), vocab=np.array(vocab),
                            coef=self.coef.astype(np.float16), intercept=self.intercept.astype(np.float32),
                            thresholds=np.array(thresholds or self.thresholds, dtype=np.float32))


@functools.cache
def load_model() -> SubtypeModel | None:
    """The shipped model, or None when the package was built without one."""
    ref = resources.files("eventwire.extract").joinpath("data/subtype_model.npz")
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path, np.load(path) as z:
        vocab = {str(w): i for i, w in enumerate(z["vocab"])}
        t_new, t_over, t_keep = (float(x) for x in z["thresholds"])
        return SubtypeModel(tuple(str(x) for x in z["labels"]), vocab, z["coef"], z["intercept"],
                            (t_new, t_over, t_keep))
