"""Words of English temporal expressions, and the regex fragments built from them.

The words and what each is read as are word classes of ``data/lexicon/time.toml``: a family whose keys are the
values its words are read as (``time_units``: "fortnight" → "2W") is read with :func:`keyed`. Month and weekday
names are matched case-sensitively (``(?-i:…)``): "may", "march" and "sun" are ordinary words in lower case,
while the rest of the grammar is case-insensitive.
"""

from __future__ import annotations

import re

from ..vocabulary import class_names, words


def keyed(family: str) -> dict[str, str]:
    """``{word: KEY}`` of a family whose keys are the values its words are read as."""
    out: dict[str, str] = {}
    for name in class_names():
        fam, _, key = name.partition(".")
        if fam == family:
            out.update(dict.fromkeys(sorted(words(name)), key))
    return out


def _numbered(family: str) -> dict[str, int]:
    return {word: int(key) for word, key in keyed(family).items()}


MONTHS = _numbered("time_months")
WEEKDAYS = _numbered("time_weekdays")
NUMBERS = _numbered("time_number_values")
TENS = words("time_numbers.tens")
VAGUE_NUMBERS = words("time_numbers.vague")
ORDINALS = _numbered("time_ordinals")

# unit word → TimeML duration unit; decades and centuries are written in years (P10Y), as TimeBank does
UNITS = keyed("time_units")
SEASONS = keyed("time_seasons")
DAY_PARTS = keyed("time_day_parts")
MODIFIERS = keyed("time_edges")
REF_WORDS = keyed("time_references")
HOLIDAYS = {word: (int(key.split("-")[0]), int(key.split("-")[1])) for word, key in keyed("time_holidays").items()}
SPOKEN_ONES = "one|two|three|four|five|six|seven|eight|nine"
SPOKEN_TENS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
DECADES = keyed("time_decades")  # "sixties" → "196"

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
APPROX = keyed("time_approximations")
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
