"""Event dates from elsewhere in the article: what one sentence alone cannot date.

Two readings, both applied only to events the sentence left without a calendar value (or with a range):

1. **the article's own visit** — "expected to meet Kim during his stay", "will sign the accord during
   the visit": a definite or possessive stay/visit/trip noun under "during/throughout/on" is the visit
   the article reports, i.e. the first dated visit event of the same actor in the body (not a caption's,
   and not one marked previous/earlier/last — that is another visit). The event takes that visit's date.
   A pluperfect event ("had met … during his visit") or a stay in a place the visit's sentence does not
   name ("his visit to Beijing") is about another visit and keeps no date.
2. **a range narrowed by a named day** — "the visit comes less than two weeks after his previous trip …
   agreements forged on June 4": an interval anchor gives the trip a range; when exactly one day-precise
   expression of the nearby body text (two sentences either way) falls inside that range, the writer has
   named the day, and the event takes it. Two or more candidate days leave the range as it is, and so
   does a day that already dates an event between other parties (it is that event's day).
3. **one speaker, one occasion** — "The United States warned Wednesday that … The United States said Iran is
   'flagrantly' defying …": a statement in the past tense (a reporting verb: said, told, added, urged …) that
   names no time of its own, by a speaker whose earlier statement in the body is dated to a day, was made on
   that occasion and takes its day (the evidence says which statement gave it). A statement with a time of its
   own, one not in the past tense, or a speaker not named alike (name, else code) keeps its own reading.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..models import Actor, Event, EventDate, Precision, Section, TimeExpression
from ..vocabulary import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_STAY_NOUNS = words("time_visits.stay_lemmas")
_STAY_PREPS = words("time_visits.stay_prepositions")
# words that make the visit another one than the article's own
_OTHER_VISIT = words("time_visits.other_visit")
_VISIT_LEMMAS = words("time_visits.visit_lemmas")
_STAY_NOUN_MODIFIERS = words("time_dependencies.stay_noun_modifiers")
_REPORTING = words("reporting.verb_lemmas")
_NEAR_SENTENCES = 2
_MAX_RANGE_DAYS = 62


def _stay_noun(trigger: Token) -> Token | None:
    """The "his stay" / "the visit" an event happens in, when it is definite or possessive."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in _STAY_PREPS:
            continue
        noun = next((n for n in prep.children if _definite_stay(prep, n)), None)
        if noun is not None:
            return noun
    return None


def _definite_stay(prep: Token, noun: Token) -> bool:
    """Whether ``noun``, the object of ``prep``, is a stay noun made definite ("his stay", "the visit")
    and not marked as another visit ("his previous visit")."""
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in _STAY_NOUNS:
        return False
    modifiers = [c for c in noun.children if c.dep_ in _STAY_NOUN_MODIFIERS]
    if any(c.lower_ in _OTHER_VISIT for c in modifiers):
        return False
    if prep.lower_ in ("on", "in", "over") and not any(c.dep_ == "poss" for c in modifiers):
        return False  # "in the visit"/"on the trip" are rarer as time; keep to "on his trip"
    return any(c.dep_ in ("det", "poss") for c in modifiers)


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return False
    if a.name and b.name:
        return a.name == b.name
    return bool(a.code) and a.code == b.code


def _is_own_visit(ev: Event, docs: Mapping[int, Doc], parsed: frozenset[int]) -> bool:
    """A dated body event that is a visit and not marked as another (earlier, previous, next) one."""
    if ev.section is not Section.BODY or ev.date.value is None:
        return False
    if ev.date.precision not in (Precision.DAY, Precision.MONTH):
        return False
    doc = docs.get(ev.sentence_index) if ev.sentence_index in parsed else None
    if doc is None or not 0 <= ev.trigger_token < len(doc):
        return ev.mode == "visit"
    tok = doc[ev.trigger_token]
    if ev.mode != "visit" and tok.lemma_.lower() not in _VISIT_LEMMAS:
        return False
    # "did not arrive", "last visited", "a previous visit": not the visit the article reports
    return not any(c.dep_ == "neg" or c.dep_ in ("amod", "advmod", "det") and c.lower_ in _OTHER_VISIT
                   for c in tok.children)


def _destination(noun: Token) -> str | None:
    """The place a stay noun names ("his visit to Beijing" → "Beijing"), if any."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "in"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    return obj.text
    return None


def _pluperfect(trigger: Token) -> bool:
    """"had met … during his visit": an earlier time than the narrative's, so another visit."""
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in trigger.children)


def _visit_date(events: Sequence[Event], docs: Mapping[int, Doc], parsed: frozenset[int]) -> list[Event]:
    order = sorted(events, key=lambda e: (e.sentence_index, e.trigger_span))
    visits = [e for e in order if _is_own_visit(e, docs, parsed)]
    if not visits:
        return list(events)
    return [_dated_by_visit(ev, visits, docs, parsed) for ev in events]


def _dated_by_visit(ev: Event, visits: Sequence[Event], docs: Mapping[int, Doc], parsed: frozenset[int]) -> Event:
    """``ev`` with the date of the article's own visit when it has none and happens during it ("during his
    stay"); otherwise ``ev`` as it is."""
    doc = docs.get(ev.sentence_index) if ev.sentence_index in parsed else None
    if ev.date.value is not None or doc is None or not 0 <= ev.trigger_token < len(doc):
        return ev
    trigger = doc[ev.trigger_token]
    noun = _stay_noun(trigger)
    if noun is None or _pluperfect(trigger):
        return ev
    place = _destination(noun)
    visit = next((v for v in visits if v.id != ev.id and _same_actor(v.source, ev.source)
                  and (place is None or place in v.sentence)), None)
    return ev if visit is None else dataclasses.replace(ev, date=visit.date)


def _countries(ev: Event) -> frozenset[str]:
    out: set[str] = set()
    for actor in (ev.source, ev.target):
        if actor is not None:
            out.update(m.country for m in (actor, *actor.members) if m.country)
    return frozenset(out)


def _dates_other_actors(tx: TimeExpression, ev: Event, events: Sequence[Event]) -> bool:
    """Whether ``tx`` already dates an event between other parties (then it is that event's day)."""
    mine = _countries(ev)
    for other in events:
        if other.id != ev.id and other.sentence_index == tx.sentence and other.date.text == tx.text:
            theirs = _countries(other)
            if theirs and mine and not theirs & mine:
                return True
    return False


def _narrowed(ev: Event, days: Sequence[TimeExpression], events: Sequence[Event]) -> EventDate | None:
    when = ev.date
    if when.precision is not Precision.RANGE or not when.earliest or not when.latest:
        return None
    lo, hi = date.fromisoformat(when.earliest), date.fromisoformat(when.latest)
    if (hi - lo).days > _MAX_RANGE_DAYS:
        return None
    inside = {t.value: t for t in days if abs(t.sentence - ev.sentence_index) <= _NEAR_SENTENCES and t.earliest
              and lo <= date.fromisoformat(t.earliest) <= hi and not _dates_other_actors(t, ev, events)}
    if len(inside) != 1:
        return None
    (tx,) = inside.values()
    return EventDate(tx.earliest, Precision.DAY, tx.text, tx.earliest, tx.latest)


def _speaker(ev: Event, docs: Mapping[int, Doc], parsed: frozenset[int]) -> str | None:
    """Who made the statement an event is told by (its source's name, else code), if its trigger is a reporting
    verb in the past tense in the body; else None."""
    doc = docs.get(ev.sentence_index)
    if ev.source is None or ev.section is not Section.BODY or doc is None or ev.sentence_index not in parsed \
            or not 0 <= ev.trigger_token < len(doc):
        return None
    tok = doc[ev.trigger_token]
    if tok.lemma_.lower() not in _REPORTING or tok.tag_ != "VBD":
        return None
    return ev.source.name or ev.source.code


def _same_occasion(events: Sequence[Event], docs: Mapping[int, Doc], parsed: frozenset[int]) -> list[Event]:
    occasions: dict[str, EventDate] = {}
    out = list(events)
    for n in sorted(range(len(out)), key=lambda n: (out[n].sentence_index, out[n].trigger_token)):
        ev = out[n]
        who = _speaker(ev, docs, parsed)
        if who is not None and ev.date.precision is Precision.DAY and ev.date.text:
            occasions.setdefault(who, ev.date)
        elif who is not None and ev.date.value is None and who in occasions:
            out[n] = dataclasses.replace(ev, date=occasions[who], evidence=ev.evidence + (
                f"; date: the same speaker's statement of '{occasions[who].text}' (one occasion)"))
    return out


def date_across_sentences(events: Sequence[Event], timexes: Sequence[TimeExpression],
                          docs: Mapping[int, Doc], parsed: frozenset[int],
                          sections: Mapping[int, Section]) -> list[Event]:
    """The three article-level readings above, applied to events already dated sentence by sentence."""
    days = [t for t in timexes if t.precision is Precision.DAY and t.type == "DATE"
            and sections.get(t.sentence) is Section.BODY]
    out = []
    for ev in events:
        narrowed = _narrowed(ev, days, events)
        out.append(dataclasses.replace(ev, date=narrowed) if narrowed is not None else ev)
    return _same_occasion(_visit_date(out, docs, parsed), docs, parsed)


__all__ = ["date_across_sentences"]
