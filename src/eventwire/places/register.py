"""Is a text written as US local news? Cues of the register, not of any one place.

LGL-style local papers name their own town alone ("Dublin City Council", "a Lebanon woman") and never
say which Dublin: nothing among the toponyms points at Ohio. The way the text is written does: dollar
amounts, AP times ("10 p.m."), councils, sheriffs, school boards, state courts, street addresses. Each
kind of cue counts once, so that a text full of prices is not taken for a local story by prices alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .gazetteer import name_key

_CUES = tuple(re.compile(p) for p in (
    r"\$\s?\d",  # dollar amounts
    r"\b\d{1,2}(?::\d\d)?\s?[ap]\.m\.",  # AP-style times: "10 p.m.", "8:30 a.m."
    r"\b(?:City|Town|Village|Borough) Council\b|\b[Cc]ouncil(?:wo)?m[ae]n\b|\b[Cc]ouncil members?\b",
    r"\b[Ss]heriff\b|\b(?:County|Township|Parish) (?:[Cc]ommission|[Bb]oard|[Aa]ttorney|[Jj]ail|[Ee]ngineer)",
    r"\b[Ss]chool [Bb]oard\b|\bBoard of Education\b|\b[Ss]chool [Dd]istrict\b|\b(?:High|Elementary|Middle) School\b",
    r"\b(?:Superior|Circuit|Municipal|Probate|Chancery) Court\b",
    r"\bstate (?:Rep\.|Sen\.|[Rr]epresentative|[Ss]enator|[Ll]egislature|[Pp]olice|[Tt]roopers?|[Hh]ighway)",
    r"\b\d{2,5} (?:[NSEW]\.? )?[A-Z][a-z]+ (?:St|Ave|Blvd|Rd|Dr|Pkwy)\.",  # "1200 E. Broad St."
    r"\(\s?[RD]-[A-Z]",  # party and state of a US legislator: "(R-Ohio)"
    r"\bmph\b|\bdegrees Fahrenheit\b",
))
US_LOCAL_CUES = 2  # kinds of cue that make a text US local news


def us_local_cues(text: str) -> int:
    """How many kinds of US local-news cue ``text`` shows (each kind counted once)."""
    return sum(1 for cue in _CUES if cue.search(text))


def is_us_local(text: str) -> bool:
    return us_local_cues(text) >= US_LOCAL_CUES


# A name used the way a town's is, not a country's: "a Lebanon woman", "Jordan boys", "Lebanon Police";
# a person's home in the AP way ("Terry Smith, 60, Lebanon, was arrested"); or written in capitals as the
# dateline ("MALTA \u2014 About 5,000 books …").
_LOCAL_USE = re.compile(
    r"\s+(?:wo)?m[ae]n\b|\s+(?:residents?|girls?|boys?|teens?|couple|family|police|firefighters|officers|"
    r"council|township|village|schools?|students?|teams?|native|mayor)\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r",\s\d{1,3},\s$")
_DATELINE = re.compile(r"\s*[\u2014\u2013-]+\s")


def local_use_names(text: str, mentions: Iterable[tuple[str, int]]) -> set[str]:
    """The name keys of the mentions (surface, end offset) used as a town's name. One sense per text:
    a name so used once is the town at each of its mentions."""
    out: set[str] = set()
    for surface, end in mentions:
        after = text[end:end + 24]
        before = text[max(0, end - len(surface) - 8):end - len(surface)]
        if _LOCAL_USE.match(after) or _AGE_BEFORE.search(before) \
                or surface.isupper() and len(surface) > 3 and _DATELINE.match(after):
            out.add(name_key(surface))
    return out
