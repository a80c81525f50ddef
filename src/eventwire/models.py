"""The data model: frozen records that flow through the pipeline, and the event record of DESIGN §2.

Offsets: every ``start``/``end`` is a character offset into ``Article.text`` (the cleaned text), end
exclusive. Token offsets (``token_start``/``token_end``) index the spaCy ``Doc`` of one sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is only needed by the stages that parse
    from spacy.tokens import Doc


class Section(StrEnum):
    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    CAPTION = "caption"
    BODY = "body"
    BOILERPLATE = "boilerplate"  # bylines, "This story is from …", copyright lines: never coded


class EventType(StrEnum):
    """PLOVER 2.0 event types (``ontology/PLOVER_event_types.csv``)."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Status(StrEnum):
    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"  # scheduled, expected
    INTENDED = "intended"  # aim, intent, promise
    NEGATED = "negated"  # did not happen
    HYPOTHETICAL = "hypothetical"  # conditional, threatened if …


class Certainty(StrEnum):
    CERTAIN = "certain"  # stated as fact by the writer or an official party to it
    REPORTED = "reported"  # attributed to media, unnamed sources, "according to"
    UNCONFIRMED = "unconfirmed"  # alleged, unconfirmed, unverified
    DENIED = "denied"  # a party denies it


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"
    UNKNOWN = "unknown"


# --------------------------------------------------------------------------- articles and text


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One input record as read by ``ingest``, before cleaning.

    ``origin`` says where it came from (``path``, ``path:line`` for JSONL/CSV, ``<stdin>``).
    ``published`` is only set when the input states it (never invented).
    """

    origin: str
    text: str
    title: str | None = None
    published: date | None = None
    published_source: str | None = None  # "user" | "record" | "html" | "dateline"
    url: str | None = None
    source: str | None = None  # the outlet
    record_id: str | None = None  # the input record's own id (JSONL/CSV ``id``)
    format: str = "txt"  # "txt" | "html" | "jsonl" | "csv"
    raw: str | None = None  # the bytes as text before extraction (HTML source); None = same as text
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Block:
    """A contiguous stretch of the cleaned text belonging to one section (a line or paragraph)."""

    section: Section
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. ``text`` is what all offsets refer to; ``raw`` is the input as received."""

    id: str  # the record's own id when it has one, else the content hash
    content_hash: str
    text: str
    raw: str
    origin: str
    title: str | None = None
    published: date | None = None
    published_source: str | None = None
    url: str | None = None
    source: str | None = None
    format: str = "txt"
    blocks: tuple[Block, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # position in the article, from 0
    start: int
    end: int
    text: str  # == article.text[start:end]
    section: Section


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be processed: recorded, never lost."""

    origin: str
    stage: str  # "ingest" | "clean" | "parse" | … | "store"
    code: str  # the EventwireError code
    reason: str
    article_id: str | None = None
    raw: str | None = None  # what could be read of it (None for binary/unreadable input)


# --------------------------------------------------------------------------- actors, places, dates


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as the record shows it (DESIGN §2). Unknown fields stay ``None``.

    A group mention ("the two countries", "both sides") carries its resolved ``members``.
    """

    text: str
    name: str | None = None
    code: str | None = None  # country + sector, e.g. "RUSGOV"
    country: str | None = None  # ISO 3166-1 alpha-3 or a PLOVER non-state code (IGO, UNO, EUR …)
    sector: str | None = None  # a PLOVER sector code (GOV, MIL, …)
    role: str | None = None  # "Security Council Secretary"
    wikidata: str | None = None
    members: tuple[Actor, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor mention in one sentence."""

    sentence: int  # Sentence.index
    start: int
    end: int
    token_start: int
    token_end: int
    text: str
    actor: Actor
    evidence: str  # "dictionary:countries", "title", "coref:surname", "coref:pronoun", "user:FILE" …
    person: bool = False  # names or describes one person (a pronoun: he/she, I inside a quote)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in the article text (quote marks included) and who says it, where the text tells."""

    start: int
    end: int
    speaker: Mention | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression found in the text, normalised against the publication date."""

    sentence: int
    start: int
    end: int
    text: str
    type: str  # TimeML TIMEX3 type: DATE | TIME | DURATION | SET
    value: str | None  # TimeML value: "2025-06-17", "2025-06", "2024", "P2W", "PRESENT_REF" …
    precision: Precision = Precision.UNKNOWN
    earliest: str | None = None
    latest: str | None = None
    anchor: str | None = None  # what it was normalised against ("publication", "event:ID", …)


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None = None  # ISO at ``precision``: "2025-06-17", "2025-06", "2024"; None if unknown
    precision: Precision = Precision.UNKNOWN
    text: str | None = None  # the expression it came from
    earliest: str | None = None
    latest: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None  # "city" | "region" | "country"


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class EventMention:
    """One telling of an event: the same event in the headline and the body is one event, two mentions."""

    article_id: str
    sentence_index: int
    section: Section
    sentence: str
    span: tuple[int, int]
    trigger: str


@dataclass(frozen=True, slots=True)
class Event:
    """An event record (DESIGN §2), plus internal fields the stages use (``sentence_index``,
    ``trigger_span``, ``trigger_token``) that are also written out (added fields are allowed)."""

    id: str
    article_id: str
    type: EventType
    sentence_index: int
    sentence: str
    span: tuple[int, int]  # the event's extent in Article.text (its sentence)
    trigger: str
    trigger_span: tuple[int, int]
    trigger_token: int  # token index of the trigger's head in the sentence Doc
    evidence: str
    section: Section = Section.BODY
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source: Actor | None = None
    target: Actor | None = None
    reciprocal: bool = False
    date: EventDate = field(default_factory=EventDate)
    status: Status | None = None
    certainty: Certainty | None = None
    attribution: str | None = None
    location: Place | None = None
    cluster_id: str | None = None
    refers_to: str | None = None  # id of an earlier event this one points at ("that earlier meeting")
    mentions: tuple[EventMention, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The JSON Lines record of DESIGN §2."""
        return event_to_record(self)


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """An article as it flows through the stages after ``segment``.

    ``docs`` maps a sentence index to its spaCy ``Doc`` (tokenised for every sentence; parsed only for
    those in ``parsed``). Stages return a new ``AnalysedArticle`` (``dataclasses.replace``).
    """

    article: Article
    sentences: tuple[Sentence, ...] = ()
    docs: Mapping[int, Doc] = field(default_factory=dict)
    parsed: frozenset[int] = frozenset()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()

    def sentence_mentions(self, index: int) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.sentence == index)


# --------------------------------------------------------------------------- (de)serialisation


def _actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    out: dict[str, Any] = {
        "text": actor.text,
        "name": actor.name,
        "code": actor.code,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
    }
    if actor.wikidata:
        out["wikidata"] = actor.wikidata
    if actor.members:
        out["members"] = [_actor_dict(m) for m in actor.members]
    return out


def _actor_from(d: Mapping[str, Any] | None) -> Actor | None:
    if not d:
        return None
    return Actor(
        text=d.get("text") or "",
        name=d.get("name"),
        code=d.get("code"),
        country=d.get("country"),
        sector=d.get("sector"),
        role=d.get("role"),
        wikidata=d.get("wikidata"),
        members=tuple(a for a in (_actor_from(m) for m in d.get("members") or ()) if a is not None),
    )


def event_to_record(event: Event) -> dict[str, Any]:
    """Event → the public JSON record (DESIGN §2). Enum values as strings; tuples as lists."""
    d = event.date
    loc = event.location
    return {
        "id": event.id,
        "article_id": event.article_id,
        "cluster_id": event.cluster_id,
        "type": event.type.value,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "source": _actor_dict(event.source),
        "target": _actor_dict(event.target),
        "reciprocal": event.reciprocal,
        "date": {
            "value": d.value,
            "precision": d.precision.value,
            "text": d.text,
            "earliest": d.earliest,
            "latest": d.latest,
        },
        "status": event.status.value if event.status else None,
        "certainty": event.certainty.value if event.certainty else None,
        "attribution": event.attribution,
        "location": dataclasses.asdict(loc) if loc else None,
        "section": event.section.value,
        "sentence": event.sentence,
        "span": list(event.span),
        "trigger": event.trigger,
        "evidence": event.evidence,
        "sentence_index": event.sentence_index,
        "trigger_span": list(event.trigger_span),
        "refers_to": event.refers_to,
        "mentions": [
            {
                "article_id": m.article_id,
                "sentence_index": m.sentence_index,
                "section": m.section.value,
                "sentence": m.sentence,
                "span": list(m.span),
                "trigger": m.trigger,
            }
            for m in event.mentions
        ],
    }


def event_from_record(r: Mapping[str, Any]) -> Event:
    """The public JSON record → Event (inverse of :func:`event_to_record`)."""
    d = r.get("date") or {}
    loc = r.get("location")
    return Event(
        id=r["id"],
        article_id=r["article_id"],
        cluster_id=r.get("cluster_id"),
        type=EventType(r["type"]),
        mode=r.get("mode"),
        contexts=tuple(r.get("contexts") or ()),
        cameo=r.get("cameo"),
        goldstein=r.get("goldstein"),
        quad_class=r.get("quad_class"),
        source=_actor_from(r.get("source")),
        target=_actor_from(r.get("target")),
        reciprocal=bool(r.get("reciprocal", False)),
        date=EventDate(
            value=d.get("value"),
            precision=Precision(d.get("precision") or "unknown"),
            text=d.get("text"),
            earliest=d.get("earliest"),
            latest=d.get("latest"),
        ),
        status=Status(r["status"]) if r.get("status") else None,
        certainty=Certainty(r["certainty"]) if r.get("certainty") else None,
        attribution=r.get("attribution"),
        location=Place(**loc) if loc else None,
        section=Section(r.get("section") or "body"),
        sentence=r.get("sentence") or "",
        span=tuple(r.get("span") or (0, 0)),  # type: ignore[arg-type]
        trigger=r.get("trigger") or "",
        evidence=r.get("evidence") or "",
        sentence_index=int(r.get("sentence_index", 0)),
        trigger_span=tuple(r.get("trigger_span") or (0, 0)),  # type: ignore[arg-type]
        trigger_token=int(r.get("trigger_token", 0)),
        refers_to=r.get("refers_to"),
        mentions=tuple(
            EventMention(
                article_id=m["article_id"],
                sentence_index=int(m["sentence_index"]),
                section=Section(m["section"]),
                sentence=m["sentence"],
                span=tuple(m["span"]),  # type: ignore[arg-type]
                trigger=m["trigger"],
            )
            for m in r.get("mentions") or ()
        ),
    )
