"""A pair of mentions: the evidence that they tell one event, and its probability under a logistic model.

The evidence (:func:`pair_evidence`), each a number the model weighs:

- ``same_lemma``: the triggers' lemmas are equal ("attack" / "attacked");
- ``cosine``: the cosine of the triggers' contextual embeddings (only in the embedding model);
- ``same_group``: both told by one document;
- ``role_shared`` / ``role_conflict``: some role (source, target) filled on both sides by the same name,
  or by names that share nothing;
- ``participants``: the Jaccard overlap of the names of the two sentences;
- ``date_agree`` / ``date_conflict``, ``place_agree`` / ``place_conflict``: both known and agreeing or not.

Two mentions are never one event when their other-instance words differ ("the previous visit" / "the
visit") or both carry ordinals that differ ("the second quake" / "the first quake"):
:func:`pair_evidence` answers None.

The weights are data (``data/coreference/weights.json``: one table for the model with embeddings, one
for the lexical fallback), fitted on ECB+ training topics by ``scripts/train_event_coref.py``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources

from ..errors import ResourceError
from .features import MentionFeatures

EMBEDDING = "embedding"
LEXICAL = "lexical"


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def apart(a: MentionFeatures, b: MentionFeatures) -> bool:
    """True when words of the two mentions say they are different instances."""
    if a.markers != b.markers:
        return True
    return bool(a.ordinals and b.ordinals and a.ordinals != b.ordinals)


def pair_evidence(a: MentionFeatures, b: MentionFeatures, *, embedding: bool) -> dict[str, float] | None:
    """The pair's evidence (module docstring), or None when the two are apart."""
    if apart(a, b):
        return None
    out = {"same_lemma": float(a.lemma == b.lemma and a.lemma != ""), "same_group": float(a.group == b.group)}
    if embedding:
        if a.vector is None or b.vector is None:
            raise ResourceError("the embedding model needs every mention's vector", code="E701")
        out["cosine"] = float(a.vector @ b.vector)
    shared = conflict = 0.0
    for role, names in a.arguments.items():
        other = b.arguments.get(role)
        if names and other:
            if names & other:
                shared = 1.0
            else:
                conflict = 1.0
    out["role_shared"], out["role_conflict"] = shared, conflict
    out["participants"] = _jaccard(a.participants, b.participants)
    if a.date is not None and b.date is not None:
        # the store's own date agreement, imported here: the store imports this module (no import cycle)
        from ..store.clustering import dates_agree

        ok = dates_agree(a.date, b.date)
        out["date_agree"], out["date_conflict"] = float(ok), float(not ok)
    else:
        out["date_agree"] = out["date_conflict"] = 0.0
    if a.place and b.place:
        out["place_agree"], out["place_conflict"] = float(a.place == b.place), float(a.place != b.place)
    else:
        out["place_agree"] = out["place_conflict"] = 0.0
    return out


@dataclass(frozen=True, slots=True)
class PairModel:
    """A logistic model over :func:`pair_evidence`; ``threshold`` is the clustering's link threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float
    embedding: bool

    def probability(self, a: MentionFeatures, b: MentionFeatures) -> float:
        """P(one event); 0 for a pair that is apart."""
        evidence = pair_evidence(a, b, embedding=self.embedding)
        if evidence is None:
            return 0.0
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in evidence.items())
        return 1.0 / (1.0 + math.exp(-z))


def load_pair_model(kind: str = LEXICAL) -> PairModel:
    """The shipped model ``kind`` (``embedding`` or ``lexical``)."""
    text = resources.files("eventwire").joinpath("data/coreference/weights.json").read_text(encoding="utf-8")
    tables = json.loads(text)
    if kind not in tables:
        raise ResourceError(f"no coreference model {kind!r}: choose embedding or lexical", code="E701")
    t = tables[kind]
    return PairModel(dict(t["weights"]), float(t["bias"]), float(t["threshold"]), kind == EMBEDDING)
