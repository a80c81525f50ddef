"""A learned last check on every event record (pipeline stage ``scorer``, after ``parties``): how likely is it
that a careful coder would code this event, with these parties?

Rules find candidates; they also find non-events ("a provocation"), acts read off the wrong argument and
statements about no one in particular. A logistic model over features of the record and of how it was found
(the type, the trigger kind, the grammatical roles and the evidence behind each party, where it sits in the
article, its modality) scores each record; records under the model's threshold are dropped, the others carry
their score in ``evidence``. No word of any article is a feature: the model learns which *ways of finding* an
event hold on real news, not which stories it saw.

The model is a JSON file (``data/events/scorer.json``: feature weights, bias, threshold, and how it was
trained); ``scripts/train_event_scorer.py`` rebuilds it from hand-coded articles (our own
``tests/data/articles`` and the open ``../shared/eval/news-train`` stories; never a frozen half). Without the
file the stage keeps every record.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import ResourceError
from ..models import AnalysedArticle, Event, Mention, Section

MODEL_FILE = "scorer.json"
LEAD = 3  # body sentences that make the lead
_ROLE = re.compile(r"(source|target)=([a-z_\-]+)")


@dataclass(frozen=True, slots=True)
class ScorerModel:
    weights: Mapping[str, float]
    bias: float
    threshold: float

    def score(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z))


def model_path() -> Path:
    return Path(str(files("eventwire") / "data" / "events" / MODEL_FILE))


def load_model(path: Path | None = None) -> ScorerModel | None:
    """The packaged model, or None where there is none (the stage then keeps every record)."""
    path = path or model_path()
    if not path.is_file():
        return None
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return ScorerModel({str(k): float(v) for k, v in raw["weights"].items()}, float(raw["bias"]),
                           float(raw["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ResourceError(f"cannot read the event scorer model: {exc!r}", path=str(path), code="E442") from exc


# --------------------------------------------------------------------------- features


def featurize(analysed: AnalysedArticle) -> list[dict[str, float]]:
    """One feature dict per event of ``analysed`` (in order)."""
    context = _Context(analysed)
    return [event_features(e, context) for e in analysed.events]


class _Context:
    """What the features need to know of the article."""

    def __init__(self, analysed: AnalysedArticle) -> None:
        self.analysed = analysed
        self.by_sentence: dict[int, list[Mention]] = {}
        for m in analysed.mentions:
            self.by_sentence.setdefault(m.sentence, []).append(m)
        body = [s.index for s in analysed.sentences if s.section == Section.BODY]
        self.lead = set(body[:LEAD])
        self.quoted = {s.index for s in analysed.sentences for q in analysed.quotes
                       if q.start <= s.start < q.end or q.start < s.end <= q.end}
        counts: dict[str, int] = {}
        for m in analysed.mentions:
            if m.actor.country:
                counts[m.actor.country] = counts.get(m.actor.country, 0) + 1
        self.main = max(counts, key=lambda c: counts[c]) if counts else None
        self.per_sentence: dict[int, int] = {}
        for e in analysed.events:
            self.per_sentence[e.sentence_index] = self.per_sentence.get(e.sentence_index, 0) + 1

    def evidence_of(self, event: Event, side: str) -> str:
        """The evidence class of the mention that gave a party ("dictionary", "title", "coref", "context" …)."""
        actor = event.source if side == "source" else event.target
        if actor is None:
            return "none"
        if not actor.text:
            return "implied"
        for m in self.by_sentence.get(event.sentence_index, []):
            if m.actor.code == actor.code and m.text == actor.text:
                return re.split(r"[:+]", m.evidence)[0] + ("-" + m.evidence.split(":")[1].split("+")[0]
                                                            if m.evidence.startswith(("coref:", "context:")) else "")
        return "other"


def event_features(e: Event, ctx: _Context) -> dict[str, float]:
    """The features the scorer weighs for one record (their order is that of the sum the model takes)."""
    f: dict[str, float] = {f"type={e.type.value}": 1.0, f"section={_value(e.section)}": 1.0,
                           f"status={_value(e.status)}": 1.0, f"certainty={_value(e.certainty)}": 1.0}
    f[f"trigger={_trigger_kind(e)}"] = 1.0
    roles = dict(_ROLE.findall(e.evidence))
    for side, actor in (("source", e.source), ("target", e.target)):
        f.update(_side_features(e, ctx, side, actor, roles))
    f.update(_flags(e, ctx))
    f["tellings"] = min(len(e.mentions), 4) / 4
    f["crowded"] = min(ctx.per_sentence.get(e.sentence_index, 1), 6) / 6
    return f


def _side_features(e: Event, ctx: _Context, side: str, actor: Any, roles: dict[str, str]) -> dict[str, float]:
    """The features of one side of a record: which rule found it, what named it, what kind of actor it is, and
    whether it is the article's main country."""
    f = {f"{side}_role={roles.get(side, 'none').split('-')[0]}": 1.0,
         f"{side}_evidence={ctx.evidence_of(e, side)}": 1.0,
         f"{side}_kind={_kind(actor)}": 1.0}
    if actor is not None and ctx.main is not None and actor.country == ctx.main:
        f[f"{side}_main_country"] = 1.0
    return f


def _flags(e: Event, ctx: _Context) -> dict[str, float]:
    """The yes/no features of a record that hold: both sides of one country, told in the lead or in a quotation,
    recoded by a modality rule, dated."""
    f: dict[str, float] = {}
    if e.source is not None and e.target is not None and e.source.country == e.target.country:
        f["same_country"] = 1.0
    if e.sentence_index in ctx.lead:
        f["lead"] = 1.0
    if e.sentence_index in ctx.quoted:
        f["quoted"] = 1.0
    if "→ " in e.evidence and ("intent" in e.evidence or "said by another" in e.evidence or "refusal" in e.evidence):
        f["modality_rule"] = 1.0
    if e.date is not None and e.date.value is not None:
        f["dated"] = 1.0
    return f


def _value(x: Any) -> str:
    return str(x.value) if x is not None else "none"


def _trigger_kind(e: Event) -> str:
    if "statements.toml:" in e.evidence:
        return "statement:" + e.evidence.split("statements.toml:")[1].split(";")[0].split(")")[0]
    return e.evidence.split(" ", 1)[0] if e.evidence else "unknown"


def _kind(actor: Any) -> str:
    if actor is None:
        return "none"
    if actor.members:
        return "group"
    if actor.country in ("IGO", "UNO", "EUR", "NGO", "MNC"):
        return "nonstate"
    if actor.name and actor.role:
        return "person"
    return "body" if actor.sector else "state"


# --------------------------------------------------------------------------- the stage


class EventScorer:
    """Drop the records the model scores under its threshold; note the score of the others."""

    def __init__(self, model: ScorerModel | None = None, *, use_packaged: bool = True) -> None:
        self.model = model if model is not None or not use_packaged else load_model()

    def __call__(self, analysed: AnalysedArticle) -> AnalysedArticle:
        if self.model is None or not analysed.events:
            return analysed
        kept: list[Event] = []
        for event, features in zip(analysed.events, featurize(analysed), strict=True):
            p = self.model.score(features)
            if p >= self.model.threshold:
                kept.append(dataclasses.replace(event, evidence=f"{event.evidence}; scorer {p:.2f}"))
        return dataclasses.replace(analysed, events=tuple(kept))


def scores(model: ScorerModel, rows: Sequence[Mapping[str, float]]) -> list[float]:
    return [model.score(r) for r in rows]
