"""Event dates: the temporal expression that governs an event in the parse, or a date inherited from
another event of the same sentence (DESIGN §1 time; issue 4).

In order of trust:

1. a timex in the trigger's own subtree, reached through modifiers (``prep``/``pobj``/``npadvmod``/
   ``advmod``/``compound``…) without passing through another event's trigger — "arrived … on Tuesday",
   "during the early June discussions, both sides expressed";
2. for a nominal event, a timex right after its noun phrase on the same verb — "follows a rare visit
   by Putin to the DPRK last year";
3. inheritance: a relative clause from the event its antecedent noun denotes ("a visit …, during which
   the two countries signed"), a coordinated or purpose clause from its head event ("arrived … to
   hold talks"), and an interval from "N weeks after <event>" for the event after "after";
4. otherwise no value: ``precision=unknown`` with ``latest`` = publication for what has happened and
   ``earliest`` = publication for what is to come. The publication date is a bound, never the value.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..models import Event, EventDate, Precision, TimeExpression
from ..vocabulary import words
from .tense import Tense, token_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# dependency labels a date may hang from on its way up to the event it dates
_MODIFIER_DEPS = words("time_dependencies.date_modifiers")
# clause boundaries: a date below them belongs to that clause's own verb
_CLAUSE_DEPS = words("time_dependencies.clause_boundaries")
_OBJECT_DEPS = words("time_dependencies.nominal_event_positions")
_DATE_ON_VERB_DEPS = words("time_dependencies.date_on_verb")
_PAST_START = re.compile(r"^(?:the\s+)?(?:past|last|previous)\b", re.IGNORECASE)
_NEXT_START = re.compile(r"^(?:the\s+)?(?:next|coming|following)\b", re.IGNORECASE)
_DURATION = re.compile(r"^P(?:(\d+)([DWMY])|T(\d+)H)$")


def event_tense(trigger: Token) -> Tense:
    """Past/future of an event: its verb's tense, or for a noun the tense of the verb it hangs from."""
    tok = trigger
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return token_tense(tok)
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def date_from_timex(tx: TimeExpression, dct: date | None) -> EventDate | None:
    """The EventDate a timex gives an event it governs; ``None`` when it says nothing about when."""
    if tx.value is None:
        return None
    if tx.type in ("DATE", "TIME"):
        return _calendar_date(tx, tx.value, dct)
    if tx.type == "DURATION" and dct is not None:
        return _duration_date(tx, dct)
    return None


def _calendar_date(tx: TimeExpression, value: str, dct: date | None) -> EventDate | None:
    """A DATE or TIME timex (whose ``value`` is set) as an event date."""
    if value in ("PAST_REF", "FUTURE_REF", "PRESENT_REF"):
        return _reference_bound(tx, value, dct)
    if tx.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR):
        iso = tx.earliest if tx.precision is Precision.DAY else value[: 7 if tx.precision is Precision.MONTH else 4]
        return EventDate(iso, tx.precision, tx.text, tx.earliest, tx.latest)
    if tx.precision is Precision.RANGE and tx.earliest and tx.latest:
        return _range(tx.earliest, tx.latest, tx.text)
    return None


def _reference_bound(tx: TimeExpression, value: str, dct: date | None) -> EventDate | None:
    """"recently" / "soon": a bound at the publication date; "now" gives nothing."""
    bound = dct.isoformat() if dct else None
    if value == "PAST_REF":
        return EventDate(None, Precision.UNKNOWN, tx.text, None, bound)
    if value == "FUTURE_REF":
        return EventDate(None, Precision.UNKNOWN, tx.text, bound, None)
    return None  # "now" dates a state, and says nothing a bound does not already say


def _duration_date(tx: TimeExpression, dct: date) -> EventDate | None:
    """"in the past six months": the span up to publication; "over the next two weeks": after it."""
    span = duration_days(tx.value)
    if span is None:
        return None
    if _PAST_START.match(tx.text):
        return _range((dct - span).isoformat(), dct.isoformat(), tx.text)
    if _NEXT_START.match(tx.text):
        return _range(dct.isoformat(), (dct + span).isoformat(), tx.text)
    return None


def duration_days(value: str | None) -> timedelta | None:
    """A TimeML duration as days (months as 30, years as 365: only ever used for bounds)."""
    m = _DURATION.match(value or "")
    if m is None:
        return None
    if m[3]:
        return timedelta(hours=int(m[3]))
    n = int(m[1])
    return timedelta(days=n * {"D": 1, "W": 7, "M": 30, "Y": 365}[m[2]])


def _range(earliest: str, latest: str, text: str | None) -> EventDate:
    """A range keeps the coarsest ISO value both ends share (its month or year), else none."""
    value = None
    if earliest[:7] == latest[:7]:
        value = earliest[:7]
    elif earliest[:4] == latest[:4]:
        value = earliest[:4]
    return EventDate(value, Precision.RANGE, text, earliest, latest)


def no_date(tense: Tense, dct: date | None) -> EventDate:
    """What is known without an expression: a bound from the publication date, never a value."""
    if dct is None:
        return EventDate()
    if tense == "future":
        return EventDate(None, Precision.UNKNOWN, None, dct.isoformat(), None)
    return EventDate(None, Precision.UNKNOWN, None, None, dct.isoformat())


# --------------------------------------------------------------------------- the parse


# "remanded till March 22", "suspended until Monday": the end of a state, not the day of the event
_END_BOUND_BEFORE = re.compile(r"\b(?:till|until|untill|upto|up\s+to)\s+$", re.IGNORECASE)


def _dating(timexes: Sequence[TimeExpression], text: str, offset: int) -> list[TimeExpression]:
    """The timexes that may give an event its date: not those that end a period ("till March 22")."""
    return [tx for tx in timexes
            if not _END_BOUND_BEFORE.search(text, max(0, tx.start - offset - 12), max(0, tx.start - offset))]


def _timex_spans(doc: Doc, timexes: Sequence[TimeExpression], offset: int) -> list[tuple[Span, TimeExpression]]:
    out = []
    for tx in _dating(timexes, doc.text, offset):
        span = doc.char_span(tx.start - offset, tx.end - offset, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span, tx))
    return out


def _path_cost(root: Token, trigger: Token, triggers: frozenset[int]) -> int | None:
    """Steps from a timex's root up to ``trigger`` through modifiers; ``None`` if another clause or
    another event's trigger lies between them."""
    tok = root
    cost = 0
    came_by = ""
    while tok.i != trigger.i:
        if tok.head is tok:
            return None
        if tok.i in triggers and tok is not root:
            return None
        if tok.dep_ in ("nsubj", "nsubjpass") and came_by == "prep" and tok.head.i == trigger.i \
                and root.head.lower_ in _TIME_PREPS and tok.pos_ in ("NOUN", "PROPN") and root.right_edge.i < trigger.i \
                and all(t.dep_ in ("aux", "auxpass", "neg") for t in trigger.doc[root.right_edge.i + 1:trigger.i]):
            # "Malawi's High Court on Jan. 14 ordered …", "the government in 2016 had called …": a date phrase the
            # parser hung on the subject, right before the verb (auxiliaries aside), dates the verb
            cost += 1
            tok = tok.head
            continue
        if tok.dep_ in _CLAUSE_DEPS or tok.dep_ not in _MODIFIER_DEPS:
            return None
        if tok.dep_ in ("dobj", "attr", "oprd") and came_by != "prep":
            # a date inside the object's own words dates the object ("renewed the 2019 accord"); only a
            # prepositional phrase the parser hung on the object may belong to the verb ("held talks on Monday")
            return None
        came_by = tok.dep_
        cost += 1
        tok = tok.head
        if cost > 8:
            return None
    return cost


def _governing(trigger: Token, spans: list[tuple[Span, TimeExpression]], triggers: frozenset[int],
               dct: date | None) -> EventDate | None:
    best: tuple[int, int, EventDate] | None = None
    for span, tx in spans:
        cost = _path_cost(span.root, trigger, triggers)
        if cost is None:
            continue
        dated = _bound_by_preposition(span, date_from_timex(tx, dct), dct)
        if dated is None:
            continue
        rank = (cost, -_PRECISION_RANK[dated.precision])
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], dated)
    if best is not None:
        return best[2]
    return _after_noun_phrase(trigger, spans, triggers, dct)


# Prepositions that make a date a bound of the event, not its date: "arrested 2,400 people since February 1",
# "does not want to meet before November", "talks only after January"
_LOWER_BOUND_PREPS = frozenset({"since", "after"})
_UPPER_BOUND_PREPS = frozenset({"before"})
# prepositions of a point in time ("on Jan. 9", "in 2016"; not "the accord of 2019")
_TIME_PREPS = frozenset({"on", "in", "at", "during"})


def _bound_by_preposition(span: Span, dated: EventDate | None, dct: date | None) -> EventDate | None:
    """The date a timex gives through its preposition: "since X" and "after X" say the event came later than X,
    "before X" that it came earlier — a bound, never the event's own date."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if dated is None or prep is None or prep.lower_ not in _LOWER_BOUND_PREPS | _UPPER_BOUND_PREPS:
        return dated
    start = dated.earliest or dated.value
    end = dated.latest or dated.value
    if prep.lower_ in _UPPER_BOUND_PREPS:
        return EventDate(None, Precision.UNKNOWN, dated.text, None, start)
    if prep.lower_ == "since":  # "since 2011": from its start on, up to publication
        return EventDate(None, Precision.UNKNOWN, dated.text, start, dct.isoformat() if dct else None)
    return EventDate(None, Precision.UNKNOWN, dated.text, end, None)


_PRECISION_RANK = {Precision.DAY: 4, Precision.MONTH: 3, Precision.RANGE: 2, Precision.YEAR: 2,
                   Precision.UNKNOWN: 0}


def _after_noun_phrase(trigger: Token, spans: list[tuple[Span, TimeExpression]], triggers: frozenset[int],
                       dct: date | None) -> EventDate | None:
    """A nominal event's date parsed onto its verb: "follows [a visit by Putin] last year"."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in _OBJECT_DEPS:
        return None
    verb = trigger.head
    while verb.dep_ == "prep" or verb.pos_ == "ADP":
        verb = verb.head
    if verb.i in triggers:
        return None  # the verb is an event of its own: the date is that event's
    np_end = trigger.right_edge.i
    doc = trigger.doc
    for span, tx in spans:
        gap = doc[np_end + 1:span.start]
        # only the noun phrase's own trailing modifiers ("to the DPRK") may stand in between
        if len(gap) > 5 or span.start <= np_end or any(t.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ")
                                                       for t in gap):
            continue
        attach = span.root.head if span.root.dep_ == "pobj" else span.root
        if attach.head.i == verb.i and attach.dep_ in _DATE_ON_VERB_DEPS:
            return date_from_timex(tx, dct)
    return None


def _antecedent(trigger: Token, triggers: frozenset[int]) -> Token | None:
    """The noun a relative clause hangs from: "a visit …, during which they signed" → visit.

    The parser often attaches "…, during which …" to the main verb instead of the noun: then the
    antecedent is the nearest event noun before the relative pronoun.
    """
    tok = trigger
    for _ in range(3):
        if tok.dep_ == "relcl":
            return tok.head
        if tok.head is tok:
            break
        tok = tok.head
    for child in trigger.children:
        if child.dep_ == "prep" and any(g.tag_ in ("WDT", "WP") for g in child.children):
            doc = trigger.doc
            for i in range(child.i - 1, max(-1, child.i - 15), -1):
                if i in triggers and doc[i].pos_ in ("NOUN", "PROPN"):
                    return doc[i]
    return None


_CONTAINER_PREPS = words("time_dating.container_prepositions")


def _container(trigger: Token) -> Token | None:
    """The event an event happened within: "during the talks, both sides expressed" → talks."""
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in _CONTAINER_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _participle(trigger: Token) -> Token | None:
    """A noun event's participle clause: "agreements forged on June 4" → forged."""
    return next((c for c in trigger.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")), None)


def _verb_of_object(trigger: Token) -> Token | None:
    """The verb a nominal event is the object of: "held talks", "engage in talks" → held, engage."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    if trigger.dep_ == "dobj":
        return trigger.head
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.head.pos_ == "VERB":
        return trigger.head.head
    return None


def _clause_head(trigger: Token) -> Token | None:
    """The verb a coordinated, complement or purpose clause hangs from."""
    if trigger.dep_ in ("conj", "xcomp"):
        return trigger.head
    if trigger.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return trigger.head
    return None


_SIGNAL = re.compile(r"\s*(after|before|since)\b", re.IGNORECASE)


# how far an interval's modifier lets the other event lie: "less than two weeks after", "more than a year before"
_AT_MOST = tuple(sorted(words("time_dating.interval_at_most")))
_AT_LEAST = tuple(sorted(words("time_dating.interval_at_least")))


def _interval_anchors(doc: Doc, spans: list[tuple[Span, TimeExpression]], offset: int,
                      triggers: Mapping[int, Event], dct: date | None,
                      dates: Mapping[str, EventDate]) -> dict[str, EventDate]:
    """"less than two weeks after <trip>": the trip lies that far before the clause's own time.

    The clause's time is the date of its own event when known, else — for a clause in the present
    ("the visit comes …") — the publication date: an anchor for the interval, never a date itself.
    """
    out: dict[str, EventDate] = {}
    for span, tx in spans:
        if tx.type == "DURATION":
            out.update(_interval_dates(doc, span, tx, triggers, dct, dates))
    return out


def _interval_dates(doc: Doc, span: Span, tx: TimeExpression, triggers: Mapping[int, Event], dct: date | None,
                    dates: Mapping[str, EventDate]) -> dict[str, EventDate]:
    """The date one duration followed by "after"/"before"/"since" gives the events of the phrase it governs."""
    sig = _SIGNAL.match(doc.text, span.end_char)
    if sig is None:
        return {}
    gap = duration_days(tx.value)
    if gap is None:
        return {}
    other = _signalled_events(doc, sig, triggers)
    if not other:
        return {}
    ref = _reference_date(span.root, triggers, dates, dct)
    if ref is None:
        return {}
    word = sig.group(1).lower()
    earliest, latest = _interval_range(word, ref, gap, tx.text.lower())
    text = f"{tx.text} {word}"
    if earliest == latest:
        when = EventDate(earliest.isoformat(), Precision.DAY, text, earliest.isoformat(), earliest.isoformat())
    else:
        when = _range(earliest.isoformat(), latest.isoformat(), text)
    return {ev.id: when for ev in other}


def _signalled_events(doc: Doc, sig: re.Match[str], triggers: Mapping[int, Event]) -> list[Event]:
    """The events inside the phrase of the signal word ("after <his previous trip>")."""
    signal_tok = doc.char_span(sig.start(1), sig.end(1), alignment_mode="expand")
    if signal_tok is None or not len(signal_tok):
        return []
    prep = signal_tok[0]
    return [ev for i, ev in triggers.items() if prep.left_edge.i <= i <= prep.right_edge.i and i != prep.i]


def _interval_range(word: str, ref: date, gap: timedelta, text: str) -> tuple[date, date]:
    """The days the other event may lie on, ``gap`` before ``ref`` ("after", "since") or after it
    ("before"), bounded by the modifier that starts the lower-cased expression ``text``."""
    slack = timedelta(days=gap.days // 7)
    at_most = text.startswith(_AT_MOST)
    at_least = text.startswith(_AT_LEAST)
    if word in ("after", "since"):  # the other event is earlier
        far, near = ref - gap, ref - timedelta(days=1)
        if at_most:
            return far, near
        if at_least:
            return far - gap, far
        return far - slack, far + slack
    # "two weeks before the vote": the other event is later
    far, near = ref + gap, ref + timedelta(days=1)
    if at_most:
        return near, far
    if at_least:
        return far, far + gap
    return far - slack, far + slack


def _reference_date(tok: Token, triggers: Mapping[int, Event], dates: Mapping[str, EventDate],
                    dct: date | None) -> date | None:
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    for cand in [verb, *verb.children]:
        ev = triggers.get(cand.i)
        if ev is not None and cand.dep_ in ("ROOT", "nsubj", "nsubjpass") or ev is not None and cand is verb:
            d = dates.get(ev.id)
            if d is not None and d.precision is Precision.DAY and d.value:
                return date.fromisoformat(d.value)
    if dct is not None and verb.tag_ in ("VBZ", "VBP"):
        return dct
    return None


def date_events(events: Sequence[Event], doc: Doc | None, timexes: Sequence[TimeExpression], offset: int,
                dct: date | None) -> list[Event]:
    """Dates for the events of one sentence (``offset`` = the sentence's start in the article)."""
    if not events:
        return []
    if doc is None or not doc.has_annotation("DEP"):
        return _dated_without_parse(events, timexes, offset, dct)
    spans = _timex_spans(doc, timexes, offset)
    by_token = {ev.trigger_token: ev for ev in events if 0 <= ev.trigger_token < len(doc)}
    dates, tenses = _governed_dates(events, doc, spans, frozenset(by_token), dct)
    _inherit_dates(events, doc, spans, offset, by_token, dct, dates)
    return [dataclasses.replace(ev, date=dates.get(ev.id) or no_date(tenses.get(ev.id), dct)) for ev in events]


def _dated_without_parse(events: Sequence[Event], timexes: Sequence[TimeExpression], offset: int,
                         dct: date | None) -> list[Event]:
    """No parse: only an unambiguous sentence (a single dating expression) can be read."""
    dated = [d for d in (date_from_timex(tx, dct) for tx in _dating(timexes, events[0].sentence, offset))
             if d is not None]
    only = dated[0] if len(dated) == 1 else None
    return [dataclasses.replace(ev, date=only or no_date(None, dct)) for ev in events]


def _governed_dates(events: Sequence[Event], doc: Doc, spans: list[tuple[Span, TimeExpression]],
                    triggers: frozenset[int], dct: date | None) -> tuple[dict[str, EventDate], dict[str, Tense]]:
    """Each event's own date (the timex that governs it in the parse) and its tense, by event id."""
    dates: dict[str, EventDate] = {}
    tenses: dict[str, Tense] = {}
    for ev in events:
        if not 0 <= ev.trigger_token < len(doc):
            continue
        trigger = doc[ev.trigger_token]
        tenses[ev.id] = event_tense(trigger)
        found = _governing(trigger, spans, triggers, dct)
        if found is not None:
            dates[ev.id] = found
    return dates, tenses


def _inherit_dates(events: Sequence[Event], doc: Doc, spans: list[tuple[Span, TimeExpression]], offset: int,
                   by_token: Mapping[int, Event], dct: date | None, dates: dict[str, EventDate]) -> None:
    """Give the undated events a date from another (interval anchors, then inheritance), in ``dates``."""
    triggers = frozenset(by_token)
    for _ in range(3):  # inheritance chains are short: relative clause → conj → …
        changed = False
        for ev_id, d in _interval_anchors(doc, spans, offset, by_token, dct, dates).items():
            if ev_id not in dates:
                dates[ev_id] = d
                changed = True
        for ev in events:
            if ev.id in dates or not 0 <= ev.trigger_token < len(doc):
                continue
            found = _inherited(doc[ev.trigger_token], spans, by_token, triggers, dct, dates)
            if found is not None:
                dates[ev.id] = found
                changed = True
        if not changed:
            break


def _inherited(trigger: Token, spans: list[tuple[Span, TimeExpression]], by_token: Mapping[int, Event],
               triggers: frozenset[int], dct: date | None, dates: Mapping[str, EventDate]) -> EventDate | None:
    """The date an event takes from the event it hangs on: its antecedent, clause head, container,
    participle or verb, in that order."""
    for kind, source in (("antecedent", _antecedent(trigger, triggers)), ("clause", _clause_head(trigger)),
                         ("container", _container(trigger)), ("participle", _participle(trigger)),
                         ("object", _verb_of_object(trigger))):
        if source is None:
            continue
        other = by_token.get(source.i)
        if other is not None and other.id in dates:
            return dates[other.id]
        if other is None and kind == "antecedent":  # the antecedent is no event of ours but may carry the date itself
            found = _governing(source, spans, triggers, dct)
            if found is not None:
                return found
    return None


def resolve_event_date(event: Event, doc: Doc | None, timexes: Sequence[TimeExpression], offset: int,
                       dct: date | None, others: Sequence[Event] = ()) -> EventDate:
    """The date of one event (with the other events of its sentence, which may anchor it)."""
    events = [event, *[o for o in others if o.id != event.id]]
    return date_events(events, doc, timexes, offset, dct)[0].date


__all__ = ["date_events", "date_from_timex", "duration_days", "event_tense", "no_date", "resolve_event_date"]
