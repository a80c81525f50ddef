"""The grammar: one rule per kind of English temporal expression, each a regex and a normaliser.

A rule's normaliser turns its match into a TIMEX3 type and value, reading the document creation time
(DCT) and the tense around the expression from a :class:`Context`. Span conventions follow TimeML:
a leading preposition is left out ("on [Tuesday]"), determiners and modifiers are kept ("[the past six
months]", "[early June]", "[less than two weeks]").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..vocabulary import words
from .lexicon import (
    APPROX_RE,
    DAYNUM,
    DECADES,
    MONTH,
    MONTHS,
    NUMBER,
    SPOKEN_ONES,
    SPOKEN_TENS,
    UNIT,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
)
from .lowercase import LOWER_MONTH, LOWER_WEEKDAY, plausible_lower_names
from .normalise import (
    Found,
    Normaliser,
    _anaphoric,
    _anchored_unit,
    _bare_season,
    _century,
    _clock,
    _day_part,
    _decade,
    _duration_value,
    _edge_of_unit,
    _full_date,
    _group,
    _holiday,
    _mod,
    _n_units,
    _noon,
    _numeric_date,
    _recent_units,
    _ref,
    _relative_day,
    _relative_unit,
    _set,
    _spoken_year,
    _Swap,
    _the_weekend,
    _week_of,
    _weekday_rule,
    _year,
)
from .reports import (
    _fiscal_year,
    _half_year,
    _quarter,
    _quarter_code,
    _report_period,
    _year_earlier_adj,
    _year_period,
)

Check = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    accept: Check | None = None  # a cheap veto on the match in its text (ambiguous words)
    keys: tuple[str, ...] = ()  # lower-case substrings one of which must occur for the rule to fire ("#": a digit)


# --------------------------------------------------------------------------- vetoes


_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|people|persons|men|women|troops|soldiers|members|feet|foot|meters?|metres?|miles?|"
    r"km|kilometers?|tons?|tonnes?|units|cars|homes|jobs|workers|employees|shares|barrels|dollars|yuan|"
    r"euros|pounds|points|votes|seats|deaths|cases|acres|hectares|students|copies|times|"
    r"(?:-|\s)?(?:square|cubic))\b"
    # a house number: "1800 Pitkin Ave.", "2000 Main Street"
    r"|\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?\s+(?:Ave|Avenue|St|Street|Road|Rd|Blvd|Boulevard|Drive|Dr|Lane|"
    r"Way|Place|Pl|Highway|Hwy)\b",
    re.IGNORECASE,
)
_NOT_A_YEAR_BEFORE = re.compile(r"(?:\$|€|£|No\.\s*|#|flight\s+|route\s+|number\s+|about\s+|some\s+|"
                                r"nearly\s+|over\s+|than\s+|[\d.,])$", re.IGNORECASE)


# "Windows Server 2008", "Euro 2024", "Vision 2030": a year after a capitalised name is part of the name.
# Function words, months, seasons and weekdays that may start a date phrase are not names.
_NAME_BEFORE = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b(?P<word>[A-Z][a-z]+)\s+$")
_NOT_A_NAME = frozenset({
    *(word.capitalize() for word in words("time_words.not_names_before_year")),
    *(name.capitalize() for name in (*MONTHS, *WEEKDAYS)),
})


def _plausible_year(m: re.Match[str], text: str) -> bool:
    if _NOT_A_YEAR_AFTER.match(text, m.end()):
        return False
    before = text[max(0, m.start() - 24):m.start()]
    name = _NAME_BEFORE.search(before)
    if name is not None and name["word"] not in _NOT_A_NAME and m.start() - len(before) + name.start() > 0:
        return False
    return not _NOT_A_YEAR_BEFORE.search(text[max(0, m.start() - 8):m.start()])


_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|since|until|till|by|last|next|this|early|late|mid|of|during|"
                            r"through|from|between|and|to|before|after|around|until|or|each|every|"
                            r"on|for|that|previous|past)\s+|-)$", re.IGNORECASE)


# month names that are also common words or names: alone they need a date's context ("in May")
_LONE_MONTH_WORDS = frozenset(word.capitalize() for word in (*words("time_calendar.month_abbreviations"), "may", "march"))


def _plausible_month(m: re.Match[str], text: str) -> bool:
    """A lone "May" or "March" must look like a date ("in May"), not a modal or a verb ("May said")."""
    if m["day"] or m["year"] or m["mod"] or _group(m, "rel"):
        return True
    word = m["month"].rstrip(".")
    if word not in _LONE_MONTH_WORDS:
        return True
    if word != "May" and word != "March" and not m["month"].endswith("."):
        return False  # bare "Jan"/"Dec" without a dot are names more often than months
    return bool(_MONTH_CONTEXT.search(text[max(0, m.start() - 12):m.start()]))


_AMOUNT_BEFORE = re.compile(r"(?:\d|cents?|dollars?|euros?|pounds?|yuan|yen|times|percent|%|million|billion|"
                            r"thousand|[a-z]{3,}s)\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"-?\s*old\b", re.IGNORECASE)


def _plausible_units(m: re.Match[str], text: str) -> bool:
    """Vetoes "three-quarters" (a fraction), "$5 a year" (a rate) and "a day-long" (an adjective)."""
    num = m["num"].lower()
    unit = m["unit"].lower()
    if num in ("a", "an") and unit == "second" and not m["pre"]:
        return False  # "a second round": the ordinal, not one second
    if len(num) == 4 and num.isdigit():
        return False  # "the 1988 quarter" is a year's quarter, not 1,988 quarters
    if unit.startswith("quarter") and not m["pre"] and (num in ("a", "an") or "-" in m.group(0)):
        return False
    if _AGE_AFTER.match(text, m.end()):
        return False  # "52 years old", "a 136-year-old firm": an age, not a time
    return not _rate_or_adjective(m, text, num)


def _rate_or_adjective(m: re.Match[str], text: str, num: str) -> bool:
    """A bare "a day"/"an hour" that is a rate ("$5 a year") or half of an adjective ("a day-long")."""
    if num not in ("a", "an") or m["pre"] or m["post"] or m["approx"]:
        return False
    return text[m.end():m.end() + 1] == "-" or _AMOUNT_BEFORE.search(text[max(0, m.start() - 12):m.start()]) is not None


_NOT_A_REF_AFTER = re.compile(r"\s*(?:account|affairs|events|prices?|president|chairman|members?|that)\b", re.IGNORECASE)


def _plausible_ref(m: re.Match[str], text: str) -> bool:
    word = m["word"].lower()
    if word in ("soon", "shortly") and (text[max(0, m.start() - 3):m.start()].lower() == "as "
                           or re.match(r"\s+(?:after|before)\b", text[m.end():m.end() + 8])):
        return False  # "as soon as", "soon after X": relative to another event, not to the DCT
    if word in ("current", "recent", "future", "once"):
        if word == "once":
            # "once" is a time only as "once [clause]" in past narration; most uses are "at once"/"once a"
            return False
        if word == "current" and _NOT_A_REF_AFTER.match(text, m.end()):
            return False
        if word == "future" and text[max(0, m.start() - 4):m.start()].lower().endswith("the "):
            return True
    return True


_AVERAGE_BEFORE = re.compile(r"\baverage\s+$", re.IGNORECASE)


def _plausible_set(m: re.Match[str], text: str) -> bool:
    """Vetoes rates: "average daily volume", "profits grew 8% annually", "10,000 units annually".

    A per-year rate after an amount is a quantity's unit, not a recurring time (TimeBank leaves it
    unannotated); so is the "daily" of an average. A capitalised name after "Daily"/"Weekly" is a title.
    """
    word = (m["word"] or "").lower()
    if not word:
        return True
    if word in ("daily", "weekly", "monthly") and re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]):
        return False
    before = text[max(0, m.start() - 12):m.start()]
    if _AVERAGE_BEFORE.search(before):
        return False
    return not (word in ("annually", "yearly") and _AMOUNT_BEFORE.search(before))


_GENERIC_AFTER = re.compile(
    r"['’]s\s+(?:youth|young|world|society|children|kids|generation|families|women|men|teenagers|students|"
    r"workers|consumers|economy|markets?|standards|technology|culture|media|politics|computers|cars|"
    r"businesses|companies|leaders|music|fashion)\b", re.IGNORECASE)
_GENERIC_BEFORE = re.compile(r"\b(?:of|for)\s+$", re.IGNORECASE)


def _dated_day(m: re.Match[str], text: str) -> bool:
    """"today's youth", "the leaders of tomorrow": the present or the future in general, not a day."""
    if m["part"] or m["mod"]:
        return True
    word = m["word"].lower()
    if word in ("today", "tomorrow") and _GENERIC_AFTER.match(text, m.end()):
        return False
    return not (word == "tomorrow" and _GENERIC_BEFORE.search(text[max(0, m.start() - 5):m.start()])
                and not re.match(r"\s*['’]s", text[m.end():]))


# --------------------------------------------------------------------------- the rules


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_MODP = r"(?:(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)"

def grammar(month: str, weekday: str) -> tuple[Rule, ...]:
    """Every rule, with ``month`` and ``weekday`` the regex fragments for the names (cased or lower-case).

    The order is the tie-break between two matches of the same span (the earlier rule wins).
    """
    return (*_calendar_date_rules(month, weekday), *_day_and_unit_rules(month, weekday),
            *_period_rules(month, weekday), *_reference_and_clock_rules(month, weekday))


def _calendar_date_rules(month: str, weekday: str) -> tuple[Rule, ...]:
    """Absolute calendar dates: "June 4, 2025", "March 2024", "2024-06-04", years, decades and centuries."""
    return (
        Rule("month_date", _rx(
            rf"\b(?:{weekday},?\s+)?(?:{_MODP})?(?:(?P<month>{month})\s+(?P<day>{DAYNUM})\b(?:,?\s+(?P<year>{YEAR4})\b)?"
            rf"|(?P<dayb>{DAYNUM})\s+(?:of\s+)?(?P<monthb>{month})(?:,?\s+(?P<yearb>{YEAR4})\b)?)"),
            lambda m, c: _full_date(_Swap(m), c)),
        Rule("week_of", _rx(rf"\bthe\s+week\s+of\s+(?P<month>{month})\s+(?P<day>{DAYNUM})\b(?:,?\s+(?P<year>{YEAR4})\b)?"),
             _week_of),
        Rule("month_year", _rx(rf"\b(?:(?P<rel>this|last|next|coming|past)\s+)?{_MODP}?(?P<month>{month})(?:,?\s+(?P<year>{YEAR4})\b"
                               rf"|\s+(?P<yrel>this|last|next)\s+year\b)?(?P<day>)"),
             _full_date, _plausible_month),
        Rule("iso_date", _rx(r"\b(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)\b"), _numeric_date),
        Rule("us_date", _rx(r"\b(?P<mo>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d\d)\b"),
             _numeric_date),
        Rule("year", _rx(rf"(?<![\w$.-]){_MODP}?(?:the\s+year\s+)?(?P<year>{YEAR4})\b(?![-/.]\d)(?!,\d)"), _year,
             _plausible_year),
        Rule("fiscal_year", _rx(rf"\bfiscal(?:\s+year)?\s+(?P<year>{YEAR4})\b"), _fiscal_year),
        Rule("decade", _rx(rf"\b(?:the\s+)?{_MODP}?(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<dec2>\d0)s)\b"), _decade),
        Rule("century", _rx(rf"\b(?:the\s+)?{_MODP}?(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|"
                            r"eighth|ninth|tenth)|(?P<nth>\d{1,2}(?:st|nd|rd|th)))[\s-]+century\b"), _century),
    )


def _day_and_unit_rules(month: str, weekday: str) -> tuple[Rule, ...]:
    """Days and units relative to the DCT or the narrative: weekdays, "yesterday", "the following day", "last month", seasons, "three weeks"."""
    return (
        Rule("weekday", _rx(rf"\b(?:(?P<the>the\s+)?(?P<rel>last|next|this|coming|past|previous|following)\s+)?(?P<wd>{weekday}s?)\b"
                            r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
                            # "on Wednesday last" (British and Indian usage): last Wednesday
                            r"(?:\s+(?P<last>last)(?=\s*(?:[,.;:)]|$)|\s+(?:and|when|in|at|to|that|after|before|by|"
                            r"for|with|while|as|but|he|she|they|it)\b))?"), _weekday_rule),
        Rule("relative_day", _rx(
            r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<word>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
            r"|today|tonight|yesterday|tomorrow|last\s+night|overnight)\b(?:\s+(?P<part>morning|afternoon|evening|night))?"),
            _relative_day, _dated_day),
        Rule("day_part", _rx(r"\b(?:(?P<mod>early|late|earlier|later)\s+)?this\s+(?P<part>morning|afternoon|evening)\b"),
             _day_part),
        Rule("anchored_unit", _rx(
            r"\b(?P<pre>(?:early|late|earlier|later)\s+)?(?:the\s+)?(?P<rel>following|previous|preceding|prior)\s+"
            r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b"
            r"|\bthe\s+(?P<rel2>next)\s+(?P<unit2>day|morning|afternoon|evening|night)\b"),
            _anchored_unit),
        Rule("relative_unit", _rx(
            r"\b(?P<pre>(?:earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)?"
            r"(?P<rel>this|last|next|past|coming|previous|current|following|latest|the\s+(?:past|last|next|coming|"
            r"previous|current|following|latest|most\s+recent)|most\s+recent)\s+(?:fiscal\s+)?"
            r"(?P<unit>week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter)\b"),
            _relative_unit),
        Rule("season", _rx(rf"\b{_MODP}?(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?\b"),
             _bare_season, lambda m, t: bool(m["year"] or m["mod"]) or bool(
                 re.search(r"\b(?:in|this|during|the|by|until|since|over)\s+$", t[max(0, m.start() - 8):m.start()],
                           re.IGNORECASE))),
        Rule("n_units", _rx(
            rf"\b(?:(?P<pre>(?:the\s+)?(?:past|last|next|coming|first|final|previous|following|latest|"
            rf"initial|remaining|same|other)\s+)|the\s+)?(?:(?P<approx>{APPROX_RE})\s+)?(?P<num>{NUMBER})"
            rf"(?:\s+more)?[\s-]+(?P<unit>{UNIT})s?\b(?:(?P<post>\s+(?:ago|earlier|later|from\s+now|hence)))?"),
            _n_units, lambda m, t: _plausible_units(m, t)),
    )


def _period_rules(month: str, weekday: str) -> tuple[Rule, ...]:
    """Business periods and their kin: quarters, halves, spoken years, "the weekend", "the year-earlier period", "that year", "months"."""
    return (
        Rule("quarter", _rx(
            rf"\b(?P<the>the\s+)?(?:(?P<yrel>this|last|next)\s+year['’]s\s+|(?P<qyear>{YEAR4})\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|"
            rf"this|next|coming|previous|prior|preceding|same|year[- ]earlier|year[- ]ago)[\s-]+)?"
            rf"(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR4}))?"),
            _quarter, lambda m, t: bool(m["the"] or m["ord"] or m["yrel"])),
        Rule("half_year", _rx(
            rf"\b(?:(?P<the>the\s+)?(?P<ord>first|second|1st|2nd|latter)\s+half(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>{YEAR4})"
            rf"|(?:the|this)\s+year|(?P<yrel>last|next)\s+year))?"
            rf"|(?-i:H(?P<h>[12])|(?P<h2>[12])H)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<hyear>{YEAR4}))?)\b"),
            _half_year, lambda m, t: " of " in m.group(0) or bool(m["hyear"] or m["h"] or m["h2"])),
        Rule("quarter_code", _rx(rf"\b(?-i:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{YEAR4}))?\b"),
             _quarter_code),
        Rule("spoken_year", _rx(
            rf"\b(?:(?P<month>{month})\s+)?(?P<year>(?:nineteen|eighteen)[\s-]+(?:{SPOKEN_TENS})(?:[\s-]+(?:{SPOKEN_ONES}))?"
            rf"|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:{SPOKEN_ONES}))?)\b"
            r"(?!\s+(?:years|days|weeks|months|people|dollars|troops|soldiers|men|women))"),
            _spoken_year),
        Rule("weekend", _rx(r"\bthe\s+weekend\b"), _the_weekend),
        Rule("report_period", _rx(r"\b(?:the|that)\s+(?:(?P<which>latest|same|year[- ]earlier|year[- ]ago|comparable|"
                                  r"corresponding|current)\s+)?period\b"),
             _report_period),
        Rule("decade_word", _rx(r"\bthe\s+(?:(?P<mod>early|mid|late)[\s-]*)?(?P<word>twenties|thirties|forties|fifties|"
                                r"sixties|seventies|eighties|nineties)\b"),
             lambda m, c: Found("DATE", DECADES[m["word"].lower()], _mod(m["mod"]))),
        Rule("year_period", _rx(rf"\bthe\s+(?P<year>{YEAR4})\s+period\b"), _year_period),
        Rule("year_earlier", _rx(r"\b(?:the\s+)?year[- ](?:earlier|ago)\b(?:\s+(?:period|quarter|level))?"),
             _year_earlier_adj),
        Rule("year_ended", _rx(rf"\bthe\s+(?:(?P<kind>fiscal|full|calendar)\s+)?year(?=\s+(?:ended|ending)\s+{month})"),
             lambda m, c: Found("DURATION", "P1Y")),
        Rule("the_year", _rx(r"(?:(?<=\bfor\s)|(?<=\bof\s))the\s+(?:full\s+|whole\s+|entire\s+)?year\b(?!\s+(?:ended|ending|to|before|after|of|in|when|that|since|\d))"),
             lambda m, c: Found("DATE", None if c.dct is None else f"{c.dct.year:04d}")),
        Rule("anaphoric", _rx(r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?:in\s+)?that\s+(?:same\s+)?(?P<unit>day|month|year)\b"),
             _anaphoric),
        Rule("bare_units", _rx(r"\b(?:the\s+(?:coming\s+|past\s+|last\s+|next\s+)?)?(?P<unit>days|weeks|months|years|decades)"
                               r"(?:\s+ahead)?\b(?!\s+(?:ago|of|old|later|earlier))"),
             lambda m, c: Found("DURATION", _duration_value(UNITS[m["unit"].lower()[:-1]], None)),
             lambda m, t: m.group(0).lower().startswith("the") or bool(
                 re.search(r"\b(?:within|for|in|over|after)\s+$", t[max(0, m.start() - 8):m.start()], re.IGNORECASE))),
    )


def _reference_and_clock_rules(month: str, weekday: str) -> tuple[Rule, ...]:
    """References ("now", "recently"), recurring times ("every week"), clock times, edges of units and holidays."""
    return (
        Rule("ref", _rx(r"\b(?P<word>right\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|"
                        r"at\s+the\s+moment|recently|lately|the\s+past|formerly|the\s+near\s+future|"
                        r"the\s+future|soon|shortly|current|recent)\b(?!-)"), _ref, _plausible_ref),
        Rule("recent_units", _rx(r"\b(?P<rel>recent|coming)\s+(?P<unit>days|weeks|months|years|decades)\b"),
             _recent_units),
        Rule("set", _rx(rf"\b(?:(?P<word>daily|nightly|weekly|monthly|annually|yearly|hourly|biweekly)|"
                        rf"(?P<word2>every|each)\s+(?P<other>other\s+)?(?:(?P<num>{NUMBER})\s+)?"
                        rf"(?P<unit>{UNIT}|{weekday}|{month})s?)\b"),
             lambda m, c: _set(_Swap(m, word="word2"), c), _plausible_set),
        Rule("clock", _rx(r"(?<![:\d.])\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\b\.?)"
                          r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|local\s+time))?"
                          rf"(?:\s+(?:on\s+)?(?P<day>{weekday}|yesterday|today|tomorrow)"
                          rf"|,?\s+(?:on\s+)?(?P<cmonth>{month})\s+(?P<cday>{DAYNUM})\b)?"), _clock),
        Rule("noon", _rx(rf"\b(?P<word>noon|midnight)\b(?:\s+(?:on\s+)?(?P<day>{weekday}|yesterday|today|tomorrow))?"),
             _noon),
        Rule("edge_of_unit", _rx(
            r"\b(?:(?P<edge>end|beginning|start|middle)\s+of\s+(?:the\s+|this\s+|(?P<rel>last|next)\s+)"
            r"(?P<unit>year|month|week|quarter|decade)|(?P<unit2>year|month)(?:[- ]|['’]s\s+)(?P<edge2>end))\b"),
            lambda m, c: _edge_of_unit(_Swap(m, unit="unit2", edge="edge2"), c)),
        Rule("holiday", _rx(r"\b(?P<word>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|"
                            rf"Independence\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day)\b(?:,?\s+(?P<year>{YEAR4}))?"
                            rf"(?=\s+(?:of|in)\s+(?P<inyear>{YEAR4})\b)?"),
             _holiday),
    )

# Which words a rule needs (data/lexicon/time.toml [time_rule_keys]): a sentence without any of them skips the
# rule's regex (most sentences hold no temporal expression at all, and the scan is what costs). Each rule has
# the class named after it, but for those below.
_KEY_CLASSES: dict[str, tuple[str, ...]] = {
    "month_date": ("time_rule_keys.months",),
    "month_year": ("time_rule_keys.months",),
    "weekday": ("time_calendar.weekday_names",),
    "n_units": ("time_rule_keys.units",),
    "relative_unit": ("time_rule_keys.units", "time_rule_keys.relative_unit"),
    **dict.fromkeys(("iso_date", "us_date", "year", "clock"), ("time_rule_keys.digit",)),
    "quarter": ("time_units.Q",),
    **dict.fromkeys(("year_earlier", "year_ended", "the_year"), ("time_units.Y",)),
    **dict.fromkeys(("year_period", "report_period"), ("time_rule_keys.period_word",)),
}


def _rule_keys(name: str) -> tuple[str, ...]:
    """The lower-case substrings one of which rule ``name`` needs in a sentence ("#": a digit)."""
    classes = _KEY_CLASSES.get(name, (f"time_rule_keys.{name}",))
    return tuple(sorted(frozenset().union(*(words(c) for c in classes))))


RULES = tuple(Rule(r.name, r.pattern, r.normalise, r.accept, _rule_keys(r.name)) for r in grammar(MONTH, WEEKDAY))

# the rules that read month or weekday names, again with the names in lower case (see .lowercase)
_NAMED = words("time_rules.named")


def _guarded(accept: Check | None) -> Check:
    if accept is None:
        return plausible_lower_names
    return lambda m, t: accept(m, t) and plausible_lower_names(m, t)


LOWER_RULES = tuple(Rule(r.name, r.pattern, r.normalise, _guarded(r.accept), _rule_keys(r.name))
                    for r in grammar(LOWER_MONTH, LOWER_WEEKDAY) if r.name in _NAMED)
