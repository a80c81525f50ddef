"""Words of English temporal expressions, and the regex fragments built from them.

Month and weekday names are matched case-sensitively (``(?-i:…)``): "may", "march" and "sun" are
ordinary words in lower case, while the rest of the grammar is case-insensitive.
"""

from __future__ import annotations

import re

from ..vocabulary import words

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "half a dozen": 6, "a couple of": 2,
    "a couple": 2, "couple of": 2,
}
TENS = words("time_numbers.tens")
VAGUE_NUMBERS = words("time_numbers.vague")

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

# unit word → TimeML duration unit; decades and centuries are written in years (P10Y), as TimeBank does
UNITS = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "2W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
MODIFIERS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
             "late": "END", "end": "END", "earlier": None, "later": None}

REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF", "current": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "recent": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "the near future": "FUTURE_REF",
    "shortly": "FUTURE_REF",
}
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26)}
SPOKEN_ONES = "one|two|three|four|five|six|seven|eight|nine"
SPOKEN_TENS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")

# --------------------------------------------------------------------------- regex fragments

MONTH = (r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))")
WEEKDAY = r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
_units = "|".join(sorted(set(UNITS) - {"centurie"}, key=len, reverse=True))
UNIT = rf"(?:{_units}|centuries)"
_ones = "one|two|three|four|five|six|seven|eight|nine"
_words = sorted((k for k in NUMBERS if k not in ("a", "an")), key=len, reverse=True)
# (no word of TENS or VAGUE_NUMBERS starts another of its class: their order in the pattern changes nothing)
NUMBER = (rf"(?:\d+(?:\.\d+)?|(?:{'|'.join(sorted(TENS))})[- ](?:{_ones})|"
          rf"{'|'.join(re.escape(w) for w in _words)}|{'|'.join(sorted(VAGUE_NUMBERS, key=lambda w: (-len(w), w)))}|an?)")
APPROX = {
    "about": "APPROX", "around": "APPROX", "nearly": "APPROX", "almost": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "approximately": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "just over": "MORE_THAN",
    "just under": "LESS_THAN", "barely": "LESS_THAN",
}
APPROX_RE = "|".join(sorted((re.escape(k) for k in APPROX), key=len, reverse=True))


def number_value(text: str) -> int | float | None:
    """``"two"`` → 2, ``"twenty-four"`` → 24, ``"1.5"`` → 1.5; vague quantities ("several") → ``None``."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in NUMBERS:
        return NUMBERS[t]
    if t in VAGUE_NUMBERS:
        return None
    parts = t.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    try:
        n = float(t)
    except ValueError:
        return None
    return int(n) if n.is_integer() else n


def month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]
