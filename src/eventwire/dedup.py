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
"""

from __future__ import annotations

import dataclasses

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
)

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
        return True  # "both sides expressed their intent": one mutual act read in both directions
    if kept.section == Section.BODY and other.section == Section.BODY and not _same_body_telling(kept, other):
        return False
    return _actors_compatible(kept, other) and _dates_compatible(kept.date, other.date)


# Types of what is said: two statements are one event only when one speaker says it once (a quotation that
# runs over two sentences), not when two spokesmen or two occasions say the same of the same party.
SPEECH_TYPES = frozenset({EventType.ACCUSE, EventType.REQUEST, EventType.REJECT, EventType.THREATEN,
                          EventType.SUPPORT, EventType.AGREE})
SPEECH_WINDOW = 2  # sentences apart at most for one statement told in two


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


def merge_mentions(analysed: AnalysedArticle) -> AnalysedArticle:
    """The dedup stage: one event per real-world event of the article, with all its mentions."""
    order = sorted(
        range(len(analysed.events)),
        key=lambda i: (_SECTION_ORDER.get(analysed.events[i].section, 0), analysed.events[i].span[0], i),
    )
    kept: list[Event] = []
    kept_markers: list[frozenset[str]] = []
    # The tellings of each kept event, gathered in lists and set once at the end: adding each to a tuple
    # copied it every time, quadratic in the tellings of one event (issue 12).
    tellings: list[list[EventMention]] = []
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
                tellings[n].extend(event.mentions or (_mention(event),))
                break
        else:
            n = len(kept)
            in_group.setdefault(key, []).append(n)
            if event.section != Section.BODY:
                not_body.setdefault(key, []).append(n)
            elif None not in pair:
                body_by_pair.setdefault((*key, *pair), []).append(n)
            kept.append(event)
            tellings.append(list(event.mentions or (_mention(event),)))
            kept_markers.append(markers)
    kept = [dataclasses.replace(e, mentions=tuple(m)) for e, m in zip(kept, tellings, strict=True)]
    kept.sort(key=lambda e: (e.span[0], e.trigger_span[0]))
    events = tuple(
        e if e.cluster_id is not None else dataclasses.replace(e, cluster_id=e.id) for e in kept
    )
    return dataclasses.replace(analysed, events=events)
