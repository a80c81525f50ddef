"""The place stage: resolve the article's toponyms once, then give each event the place it happened in."""

from __future__ import annotations

import bisect
import dataclasses
import logging

from ..config import Settings
from ..models import AnalysedArticle, Event, Place, Section, Sentence
from .gazetteer import Gazetteer
from .locate import event_place
from .toponyms import ResolvedToponym, ToponymResolver

log = logging.getLogger(__name__)

_SPECIFIC = {"city": 0, "region": 1, "country": 2}


class PlaceResolver:
    """``AnalysedArticle -> AnalysedArticle`` setting ``Event.location`` (DESIGN §1 place).

    The gazetteer is loaded once here (about a second). The article's toponyms are resolved together,
    with the actors' countries as context; an event gets a place only when its own clause names one.
    """

    def __init__(self, settings: Settings, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
        self.toponyms = ToponymResolver(gazetteer or Gazetteer())

    @property
    def gazetteer(self) -> Gazetteer:
        return self.toponyms.gazetteer

    def resolve_article(self, analysed: AnalysedArticle) -> list[ResolvedToponym]:
        """Every toponym of the article, resolved in the context of the whole text and its actors."""
        context = [m.actor.country for m in analysed.mentions if m.actor.country]
        for e in analysed.events:
            context += [a.country for a in (e.source, e.target) if a is not None and a.country]
        return self.toponyms.resolve(analysed.article.text, context_countries=context)

    def __call__(self, analysed: AnalysedArticle) -> AnalysedArticle:
        if not analysed.events:
            return analysed
        toponyms = self.resolve_article(analysed)
        by_start = sorted(range(len(toponyms)), key=lambda k: toponyms[k].start)
        sentences = {s.index: s for s in analysed.sentences}
        events: list[Event] = []
        for event in analysed.events:
            location = self._locate(analysed, event, toponyms, sentences, by_start)
            events.append(dataclasses.replace(event, location=location))
        return dataclasses.replace(analysed, events=tuple(events))

    def _locate(self, analysed: AnalysedArticle, event: Event, toponyms: list[ResolvedToponym],
                sentences: dict[int, Sentence], by_start: list[int]) -> Place | None:
        sentence = sentences.get(event.sentence_index)
        doc = analysed.docs.get(event.sentence_index)
        if sentence is None or doc is None:
            return None
        # the toponyms of the event's sentence (in their own order), found by bisection over their starts
        # (``by_start``): a scan of all the article's toponyms for every event was quadratic (issue 12)
        first = bisect.bisect_left(by_start, sentence.start, key=lambda k: toponyms[k].start)
        last = bisect.bisect_right(by_start, sentence.end, key=lambda k: toponyms[k].start)
        own = [toponyms[k] for k in sorted(by_start[first:last]) if toponyms[k].end <= sentence.end]
        if event.sentence_index in analysed.parsed:
            place, how = event_place(doc, event.trigger_token, sentence.start, own, self.gazetteer)
            if place is not None:
                log.debug("event %s located at %s (%s)", event.id, place.name, how)
                return place
        if event.section == Section.CAPTION:
            return _caption_place(own)
        return None


def _caption_place(own: list[ResolvedToponym]) -> Place | None:
    """A caption names where its picture was taken ("…, Kharkiv, Ukraine."): when its places all lie in one
    country, the most specific of them is the event's place."""
    named = [t.place for t in own if t.place is not None and not t.demonym]
    if named and len({p.country for p in named}) == 1:
        return min(named, key=lambda p: _SPECIFIC.get(p.precision or "", 3))
    return None
