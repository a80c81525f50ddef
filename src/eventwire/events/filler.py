"""A learned last resort for a missing party: when the rules found an event's source or target nowhere, which
actor of its sentence is it? (pipeline stage ``fill``, before ``dedup``, so that a filled record merges with
the other tellings of its event, and before ``parties``, which drops records without the parties their type
needs)

The rules read arguments from grammatical roles; real sentences put parties where no rule looks ("the
documentation met with opposition from China's mission", "Ghani's spokesman, responding to the Taliban chief,
rejected …"). For an event missing one side, every actor mention of its sentence that is not already the other
side is a candidate; a logistic model scores each candidate from how it relates to the trigger — the
dependency path between them, direction and distance, what kind of actor it is and how it was found (never
the article's words) — and the best candidate above the model's threshold fills the side, its score and path
written in the event's evidence.

The model is ``data/events/filler.json`` (weights, bias, threshold, and what it was trained on), rebuilt by
``python scripts/train_argument_filler.py`` from hand-coded articles. Without the file nothing is filled.
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
from typing import TYPE_CHECKING, Any

from ..errors import ResourceError
from ..models import Actor, AnalysedArticle, Event, EventType, Mention
from ..vocabulary import words
from .arguments import passive_subject

# verbs of reacting to an act ("condemned the attack"): what the act was done to is no party to the reaction
REACTION_VERBS = words("events_verbs.reaction")
# texts that speak for their authors as subjects ("the lawsuit alleged", "a UN report accused")
AUTHORED_NOUNS = words("events_nouns.authored")
# "drew international condemnation": a reaction drawn from nobody named has no doer to look for
DRAWING_VERBS = words("events_verbs.drawing")
REACTION_NOUNS = words("events_nouns.reaction")

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_FILE = "filler.json"
MAX_PATH = 4  # dependency edges; farther candidates share one path feature


@dataclass(frozen=True, slots=True)
class FillerModel:
    weights: Mapping[str, float]
    bias: float
    threshold: float

    def score(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention that may fill ``side`` of ``event``, with its features."""

    event: int  # index into the article's events
    side: str  # "source" | "target"
    mention: Mention
    features: dict[str, float]


def model_path() -> Path:
    return Path(str(files("eventwire") / "data" / "events" / MODEL_FILE))


def load_model(path: Path | None = None) -> FillerModel | None:
    path = path or model_path()
    if not path.is_file():
        return None
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return FillerModel({str(k): float(v) for k, v in raw["weights"].items()}, float(raw["bias"]),
                           float(raw["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ResourceError(f"cannot read the argument filler model: {exc!r}", path=str(path), code="E444") from exc


# --------------------------------------------------------------------------- candidates and features


def candidates(analysed: AnalysedArticle, events: Sequence[Event]) -> list[Candidate]:
    """Every (event, side, mention) triple of ``events`` whose sentence is parsed: for a missing side every actor
    of the sentence but the other side; for a side the rules filled, the same, the rules' choice among them
    (feature ``rule_choice``) — the model may find a better one."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in analysed.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Candidate] = []
    for n, e in enumerate(events):
        doc = analysed.docs.get(e.sentence_index)
        if doc is None or e.sentence_index not in analysed.parsed or not 0 <= e.trigger_token < len(doc):
            continue
        sentence = by_sentence.get(e.sentence_index, ())
        for side, current, other in (("source", e.source, e.target), ("target", e.target, e.source)):
            if _known(other) and not (side == "source" and current is None and _no_doer_to_find(doc, e, sentence)):
                out.extend(_side_candidates(doc, n, e, side, current, other, sentence))
    return out


def _side_candidates(doc: Doc, n: int, e: Event, side: str, current: Actor | None, other: Actor | None,
                     sentence: Sequence[Mention]) -> list[Candidate]:
    """The candidates for one side of one event: the sentence's actors but the other side and its co-doers."""
    allies = _coordinated_with(doc, sentence, other) | _victims_of_the_condemned(doc, e, side)
    mentions = [m for m in sentence if _known(m.actor) and not _same(m.actor, other)
                and _head(doc, m).i not in allies and not _in_a_noun_clause(doc, e, _head(doc, m))]
    if _known(current) and not any(_same(m.actor, current) for m in mentions):
        return []  # the rules' choice is no actor of this sentence (told elsewhere, implied): keep it
    out: list[Candidate] = []
    for m in mentions:
        f = features(doc, e, side, m, other)
        f[f"{side}:mode={'rerank' if _known(current) else 'fill'}"] = 1.0
        if _known(current) and _same(m.actor, current):
            f[f"{side}:rule_choice"] = 1.0
        out.append(Candidate(n, side, m, f))
    return out


def _in_a_noun_clause(doc: Doc, e: Event, head: Token) -> bool:
    """"detained two men suspected of smuggling migrants": a mention inside a passive participle clause that says
    something of the trigger's patient (its object or passive subject: why the men were held) is that clause's party, not the
    trigger's ("warnings demanding that Washington …" keeps Washington: an active clause tells the content)."""
    trigger = doc[e.trigger_token]
    cur = head
    while cur.head.i != cur.i and cur.i != trigger.i:
        if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.head.head.i == trigger.i \
                and cur.head.dep_ in ("dobj", "nsubjpass"):
            return True
        cur = cur.head
    return False


def _no_doer_to_find(doc: Doc, e: Event, sentence: Sequence[Mention]) -> bool:
    """A doer the sentence does not name on purpose: a thing told as the subject, a reaction drawn from nobody
    named ("the annexation drew international condemnation"), or an agentless passive."""
    return _thing_as_subject(doc, e, sentence) or _drawn_from_nobody(doc, e) or _agentless_passive(doc, e)


def _agentless_passive(doc: Doc, e: Event) -> bool:
    """"Paris was accused of aiding rebels", "three officers are accused of killing a trader": an accusation told
    in the passive with no "by" phrase leaves the accuser unsaid on purpose — the other actors of the sentence
    are those of the act it is about, not the accuser. (Other passives keep the filler: "was killed in a gun
    battle with police" names the doer in a phrase no rule reads.)"""
    trigger = doc[e.trigger_token]
    if e.type != EventType.ACCUSE or trigger.tag_ != "VBN" or (
            passive_subject(trigger) is None and not any(c.dep_ == "auxpass" for c in trigger.children)):
        return False
    return not any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in trigger.children)


def _drawn_from_nobody(doc: Doc, e: Event) -> bool:
    trigger = doc[e.trigger_token]
    reaction = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    return (trigger.lemma_.lower() in DRAWING_VERBS and reaction is not None
            and reaction.lemma_.lower() in REACTION_NOUNS)


def _thing_as_subject(doc: Doc, e: Event, sentence: Sequence[Mention]) -> bool:
    """"International support comes to Taiwan", "the arrest sent a chilling message", "his remarks suggest …": the
    verb's subject is told and is a thing, no party — no actor of the sentence is its doer."""
    trigger = doc[e.trigger_token]
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() in AUTHORED_NOUNS:
        return False  # "the lawsuit alleged", "the report accused": a text speaks for its authors
    covered = {t for m in sentence for t in range(m.token_start, m.token_end)}
    return not any(t.i in covered for t in subject.subtree)


def _victims_of_the_condemned(doc: Doc, e: Event, side: str) -> set[int]:
    """"condemned the attack on Ugandan troops": the act a reaction condemns names its victims, never the one
    condemned (CAMEO 11: whoever did the act; the rules leave the target unknown when no doer is named)."""
    trigger = doc[e.trigger_token]
    if side != "target" or e.type != EventType.ACCUSE or trigger.lemma_.lower() not in REACTION_VERBS:
        return set()
    obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if obj is None:
        return set()
    return {t.i for c in obj.children if c.dep_ == "prep" and c.lower_ not in ("by", "of") for t in c.subtree}


def _coordinated_with(doc: Doc, sentence: Sequence[Mention], other: Actor | None) -> set[int]:
    """Token indices of the phrases coordinated with the other side's mention ("Greece, Panama and South Korea
    supported the call": Panama and South Korea act beside Greece, not on it); a side is never filled with a
    co-doer (acts of coordinated parties on each other are paired by the coder)."""
    heads = [_head(doc, m) for m in sentence if _same(m.actor, other)]
    out: set[int] = set()
    for head in heads:
        top = head
        while top.dep_ in ("conj", "appos") and top.head.i != top.i:
            top = top.head
        group = [top]
        while group:
            t = group.pop()
            out.add(t.i)
            group.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
        out.discard(head.i)
    return out


def features(doc: Doc, e: Event, side: str, m: Mention, other: Actor | None) -> dict[str, float]:
    trigger = doc[e.trigger_token]
    head = _head(doc, m)
    path = _path(trigger, head)
    f: dict[str, float] = {f"{side}:path={path}": 1.0, f"{side}:type={e.type.value}": 1.0,
                           f"{side}:dir={'before' if head.i < trigger.i else 'after'}": 1.0,
                           f"{side}:kind={_kind(m.actor)}": 1.0,
                           f"{side}:evidence={re.split(r'[:+]', m.evidence)[0]}": 1.0, "bias:" + side: 1.0}
    f[f"{side}:near"] = 1.0 / (1.0 + abs(head.i - trigger.i))
    if other is not None and m.actor.country == other.country:
        f[f"{side}:same_country"] = 1.0
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "near", "across", "inside"):
        f[f"{side}:locative"] = 1.0
    if head.dep_ in ("nsubj", "nsubjpass"):
        f[f"{side}:a_subject"] = 1.0
    return f


def _path(a: Token, b: Token) -> str:
    """The dependency path from ``a`` up to the common ancestor and down to ``b`` ("^nsubj", "vprep>pobj")."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return "far"
    ups = [t.dep_ for t in up_a[:up_a.index(common)]]
    downs = [t.dep_ for t in reversed(up_b[:up_b.index(common)])]
    if len(ups) + len(downs) > MAX_PATH:
        return "far"
    signature = "".join(f"^{d}" for d in ups) + "".join(f"v{d}" for d in downs)
    return signature or "self"


def _head(doc: Doc, m: Mention) -> Token:
    for t in doc[m.token_start:m.token_end]:
        if not m.token_start <= t.head.i < m.token_end or t.head.i == t.i:
            return t
    return doc[m.token_end - 1]


def _known(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country or actor.members)


def _same(a: Actor, b: Actor | None) -> bool:
    return b is not None and (a.name, a.code) == (b.name, b.code)


def _kind(actor: Actor) -> str:
    if actor.members:
        return "group"
    if actor.country in ("IGO", "UNO", "EUR", "NGO", "MNC"):
        return "nonstate"
    if actor.name and actor.role:
        return "person"
    return "body" if actor.sector else "state"


# --------------------------------------------------------------------------- filling


RERANK_MARGIN = 0.25  # how much better than the rules' choice another candidate must score to replace it


def fill(analysed: AnalysedArticle, events: Sequence[Event], model: FillerModel | None) -> list[Event]:
    """``events`` with each missing side filled by its best candidate above the model's threshold, and a side the
    rules filled replaced where another candidate scores above the threshold and well above the rules' choice."""
    out = list(events)
    if model is None:
        return out
    scored: dict[tuple[int, str], list[tuple[float, Candidate]]] = {}
    for c in candidates(analysed, out):
        scored.setdefault((c.event, c.side), []).append((model.score(c.features), c))
    for (n, side), options in scored.items():
        p, best = max(options, key=lambda x: x[0])
        if p < model.threshold or best.features.get(f"{side}:rule_choice"):
            continue
        current = max((q for q, c in options if c.features.get(f"{side}:rule_choice")), default=None)
        if current is not None and p - current < RERANK_MARGIN:
            continue
        path = next((k.split("=", 1)[1] for k in best.features if k.startswith(f"{side}:path=")), "?")
        verb = "filled" if current is None else f"chosen over the rules' ({current:.2f})"
        note = f"; {side}: learned filler {p:.2f} {verb} ('{best.mention.text}', path {path})"
        out[n] = dataclasses.replace(out[n], **{side: best.mention.actor, "evidence": out[n].evidence + note})
    return out


class ArgumentFiller:
    """Pipeline stage ``fill``: missing parties filled by the packaged model (a no-op without it)."""

    def __init__(self, model: FillerModel | None = None, *, use_packaged: bool = True) -> None:
        self.model = model if model is not None or not use_packaged else load_model()

    def __call__(self, analysed: AnalysedArticle) -> AnalysedArticle:
        if self.model is None or not analysed.events:
            return analysed
        return dataclasses.replace(analysed, events=tuple(fill(analysed, analysed.events, self.model)))
