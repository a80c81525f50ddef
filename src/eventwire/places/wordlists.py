"""Word lists for toponym recognition and resolution: which capitalised words are no places, which make a
neighbouring name a person's or a street's, and the generic words of features named after places.

The words are classes of the shared vocabulary (``data/lexicon/places.toml`` [place_names]; the month and
weekday names come from ``time.toml`` [time_calendar]), bound here once at import.
"""

from __future__ import annotations

from ..vocabulary import words

# A word: an initialism ("U.S."), an abbreviation with its dot ("St.", "Ga."), or a plain word.
# An apostrophe belongs to a word ("O'Fallon") unless it starts a possessive ("Russia's").
WORD_PATTERN = r"(?:[A-Z]\.){2,}|(?:St|Ste|Mt|Ft|Pt)\.|[^\W\d_](?:[\w\-]|['\u2019](?![sS]\b))*"

_MONTHS = words("time_calendar.month_names")
_WEEKDAYS = words("time_calendar.weekday_names")
_COMPASS = words("place_names.compass")

# Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Isle of Man").
CONNECTORS = words("place_names.connectors")
# A capitalised word before a name that makes it part of a person's name or title.
TITLES = words("place_names.titles")
# Capitalised words that may follow a place name without making it a person's name:
# "Gainesville Police", "Ohio State", "Moscow Thursday".
AFTER_PLACE = words("place_names.after_place") | _WEEKDAYS | _MONTHS
STREET = words("place_names.street")
# Words that begin place names or descriptions of places rather than people's names.
NAME_PREFIXES = words("place_names.name_prefixes") | _COMPASS
# Capitalised sentence-openers and other words that are never toponyms on their own.
NOT_PLACES = (words("place_names.not_places") | _COMPASS | _MONTHS | words("time_calendar.month_abbreviations")
              | _WEEKDAYS)

# Generic words of features and parts of places named after a place ("Lake Cumberland", "Boston Harbor").
FEATURE_FIRST = words("place_names.feature_first") | _COMPASS
FEATURE_LAST = words("place_names.feature_last")
