"""The ``time`` stage: tag every sentence's temporal expressions, then date every event."""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from functools import partial

from ..config import Settings
from ..models import AnalysedArticle, Event, Precision, Section, Sentence, TimeExpression
from .dating import date_events, date_from_timex
from .discourse import date_across_sentences
from .lowercase import mostly_lower_cased
from .normalise import Context
from .tagger import tag_sentence
from .tense import Tense, doc_tense, text_tense

log = logging.getLogger(__name__)


class TimeTagger:
    """Sets ``analysed.timexes`` (every non-boilerplate sentence) and each event's ``date``.

    Relative expressions are normalised against the publication date; a photo caption against its own
    explicit date when it states one ("… Wednesday, Dec. 21, 2022"), which never reaches other sections.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, analysed: AnalysedArticle) -> AnalysedArticle:
        published = analysed.article.published
        body_ctx = Context(dct=published, tense=lambda s, e: None)
        # a lower-casing feed: every sentence reads month and weekday names in lower case
        lower = mostly_lower_cased(s.text for s in analysed.sentences if s.section is not Section.BOILERPLATE)
        timexes: list[TimeExpression] = []
        by_sentence: dict[int, list[TimeExpression]] = defaultdict(list)
        anchors: dict[int, date | None] = {}
        own_dates: dict[int, TimeExpression] = {}
        for sentence in analysed.sentences:
            if sentence.section is Section.BOILERPLATE:
                continue
            if sentence.section is Section.CAPTION:
                found, anchor = self._caption(analysed, sentence, lower)
                own = next((t for t in found if t.anchor is None and t.precision is Precision.DAY), None)
                if own is not None:
                    own_dates[sentence.index] = own
            else:
                found, anchor = self._tag(analysed, sentence, body_ctx, "publication", lower), published
            anchors[sentence.index] = anchor
            by_sentence[sentence.index] = found
            timexes.extend(found)
        events = self._date(analysed, by_sentence, anchors, own_dates)
        if events:
            sections = {s.index: s.section for s in analysed.sentences}
            events = date_across_sentences(events, timexes, analysed.docs, frozenset(analysed.parsed), sections)
        return dataclasses.replace(analysed, timexes=tuple(timexes), events=tuple(events))

    def _tag(self, analysed: AnalysedArticle, sentence: Sentence, ctx: Context, anchor: str, lower: bool
             ) -> list[TimeExpression]:
        doc = analysed.docs.get(sentence.index)
        text = sentence.text
        tense: Callable[[int, int], Tense]
        parsed = doc is not None and sentence.index in analysed.parsed and doc.has_annotation("DEP")
        if doc is not None and parsed:
            tense = partial(doc_tense, doc, timetable=sentence.section is Section.BODY)
        else:
            tense = partial(text_tense, text)
        return tag_sentence(text, ctx, tense, sentence=sentence.index, offset=sentence.start, anchor_name=anchor,
                            lower=True if lower else None, tense_from_parse=parsed)

    def _caption(self, analysed: AnalysedArticle, sentence: Sentence, lower: bool
                 ) -> tuple[list[TimeExpression], date | None]:
        """A caption is dated by its own absolute day, else by the publication date."""
        absolute = self._tag(analysed, sentence, Context(dct=None, tense=lambda s, e: None), "caption", lower)
        own = next((t for t in absolute if t.precision is Precision.DAY and t.value), None)
        anchor = date.fromisoformat(own.value[:10]) if own and own.value else analysed.article.published
        ctx = Context(dct=anchor, tense=lambda s, e: None)
        return self._tag(analysed, sentence, ctx, "caption" if own else "publication", lower), anchor

    def _date(self, analysed: AnalysedArticle, by_sentence: dict[int, list[TimeExpression]],
              anchors: dict[int, date | None], own_dates: dict[int, TimeExpression]) -> list[Event]:
        if not analysed.events:
            return []
        grouped: dict[int, list[Event]] = defaultdict(list)
        for ev in analysed.events:
            grouped[ev.sentence_index].append(ev)
        starts = {s.index: s.start for s in analysed.sentences}
        dated: dict[str, Event] = {}
        for index, events in grouped.items():
            doc = analysed.docs.get(index) if index in analysed.parsed else None
            dct = anchors.get(index, analysed.article.published)
            for ev in date_events(events, doc, by_sentence.get(index, []), starts.get(index, 0), dct):
                own = own_dates.get(index)
                if own is not None and ev.date.value is None:
                    # a photo caption is dated as a whole by its own date line (DESIGN §1 clean)
                    ev = dataclasses.replace(ev, date=date_from_timex(own, dct) or ev.date)
                dated[ev.id] = ev
        return [dated.get(ev.id, ev) for ev in analysed.events]
