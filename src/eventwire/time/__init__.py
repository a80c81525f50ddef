"""Temporal expressions and event dates (DESIGN §1 time).

``tag(text, dct)`` finds and normalises the TIMEX3 expressions of a text; :class:`TimeTagger` is the
pipeline stage that does it for every sentence of an article and dates its events.
"""

from .dating import date_events, resolve_event_date
from .stage import TimeTagger
from .tagger import tag

__all__ = ["TimeTagger", "date_events", "resolve_event_date", "tag"]
