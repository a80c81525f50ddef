"""Word lists for toponym recognition and resolution: which capitalised words are no places, which make a
neighbouring name a person's or a street's, and the generic words of features named after places."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A word: an initialism ("U.S."), an abbreviation with its dot ("St.", "Ga."), or a plain word.
# An apostrophe belongs to a word ("O'Fallon") unless it starts a possessive ("Russia's").
WORD_PATTERN = r"(?:[A-Z]\.){2,}|(?:St|Ste|Mt|Ft|Pt)\.|[^\W\d_](?:[\w\-]|['\u2019](?![sS]\b))*"
# Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Isle of Man").
CONNECTORS = frozenset({"of", "and", "on", "upon", "de", "del", "la", "le", "du", "da", "el", "al", "the"})
# A capitalised word before a name that makes it part of a person's name or title.
TITLES = words(
    "mr mrs ms miss dr sen senator rep gov governor president judge justice officer sgt sergeant lt "
    "lieutenant capt captain chief coach mayor deputy detective trooper prof professor pastor rev "
    "father sister brother saint lord lady sir king queen prince princess general gen col colonel "
    "maj major secretary minister commissioner councilman councilwoman attorney"
)
# Capitalised words that may follow a place name without making it a person's name:
# "Gainesville Police", "Ohio State", "Moscow Thursday".
AFTER_PLACE = words(
    "police fire county city state sheriff sheriffs department dept school schools high middle "
    "elementary university college hospital council board commission court district area region "
    "province airport chamber times post news herald tribune journal gazette sun star daily press "
    "international national public regional municipal community church government army navy "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december"
)
STREET = words(
    "road rd street st avenue ave drive dr boulevard blvd lane ln highway hwy way court ct place pl "
    "parkway pkwy circle pike trail"
)
# Words that begin place names or descriptions of places rather than people's names.
NAME_PREFIXES = words(
    "downtown greater metro lake mount mt fort ft port saint st san santa los las la el new old upper lower "
    "little big great north south east west northern southern eastern western central northeast northwest "
    "southeast southwest rural suburban"
)
# Capitalised sentence-openers and other words that are never toponyms on their own.
NOT_PLACES = words(
    "nato opec unicef unesco asean nafta fifa interpol "
    "the a an in at on for from to by with of and but or as it he she they we i this that these those "
    "there here when while after before during since police mayor president state city county "
    "north south east west northern southern eastern western central new "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday"
)

# Generic words of features and parts of places named after a place ("Lake Cumberland", "Boston Harbor").
FEATURE_FIRST = words("lake river mount mt north south east west northern southern eastern western "
                       "downtown greater upper lower")
FEATURE_LAST = words(
    "river lake creek park township twp co county harbor harbour falls bay station valley island islands "
    "heights beach dam reservoir canyon mountain mountains hills forest springs side"
)
