"""Month and weekday names in lower-cased text ("on march 3", "holding a meeting on saturday").

Some feeds lower-case whole articles. The cased grammar reads only "March"/"Monday" as names, because
"may", "march" and "august" are ordinary words in lower case. Where a stretch of text has no capitals
beyond its first letter, the names are read in lower case too, under guards against the common-word
readings:

- "may" and "august" next to a day number or a year ("may 5", "5 may", "august 2001"), or bare between
  a date preposition and a word that neither the modal nor the adjective takes after it ("signed last
  may.", "in august, the"): never "they may be", "an august body", "the august house";
- "march" with a number, or after a date preposition ("in march", "mid-march", "end of march"), but not
  as a verb or a noun ("they march to", "will march", "a protest march", "march to the capital");
- the abbreviations only with a number or a year ("dec. 13", "jan 2002"); "sun", "sat" and "wed" never.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..vocabulary import words
from .lexicon import DAYNUM, YEAR4

LOWER_MONTH = (r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
               r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.|\b))")
# no abbreviations: "sun", "sat" and "wed" are words
LOWER_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# --------------------------------------------------------------------------- which text is lower-cased

_SENTENCE_BREAK = re.compile(r"(?<=[.!?:;])\s+|\n+")
_ALPHA_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 3  # "Monday." alone says nothing about how the text is written


def is_lower_cased(text: str) -> bool:
    """No capital letter among the alphabetic words of ``text`` beyond its first letter (and 3+ words)."""
    words = _ALPHA_WORD.findall(text)
    if len(words) < _MIN_WORDS:
        return False
    first, rest = words[0], words[1:]
    return first[1:] == first[1:].lower() and all(w == w.lower() for w in rest)


def mostly_lower_cased(texts: Iterable[str], share: float = 0.8) -> bool:
    """Whether at least ``share`` of the sentences of 3+ words are lower-cased (an article from a
    lower-casing feed, whose odd cased line, such as a dateline, should not decide for its sentences)."""
    judged = [is_lower_cased(t) for t in texts if len(_ALPHA_WORD.findall(t)) >= _MIN_WORDS]
    return bool(judged) and sum(judged) >= share * len(judged)


def _cased(text: str) -> bool:
    """A capital beyond the first letter: a sentence written in ordinary case."""
    words = _ALPHA_WORD.findall(text)
    return bool(words) and (words[0][1:] != words[0][1:].lower() or any(w != w.lower() for w in words[1:]))


def lower_regions(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the runs of lower-cased sentences of ``text``.

    A piece too short to judge ("14." after "by jan.", where the rough split cut an abbreviation)
    joins the run around it; a run needs one lower-cased sentence of 3+ words.
    """
    regions: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    lower = False
    pos = 0
    for brk in (*_SENTENCE_BREAK.finditer(text), None):
        end = len(text) if brk is None else brk.start()
        piece = text[pos:end]
        if _cased(piece):
            if run is not None and lower:
                regions.append(run)
            run, lower = None, False
        elif piece.strip():
            run = (pos if run is None else run[0], end)
            lower = lower or is_lower_cased(piece)
        if brk is not None:
            pos = brk.end()
    if run is not None and lower:
        regions.append(run)
    return regions


# --------------------------------------------------------------------------- guards on the common words

_NAME = re.compile(r"\b(?P<w>may|march|august|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?", re.IGNORECASE)
_ABBREVIATIONS = words("time_calendar.month_abbreviations")

# a number after the name that is a count, not a day: "march 15 km", "may 20 people"
_COUNTED = (r"(?:people|persons|men|women|children|students|workers|members|activists|supporters|policemen|"
            r"police|personnel|troops|soldiers|km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|per\s*cent|"
            r"percent|%|crores?|lakhs?|rupees|rs\b|votes|seats|times|years|months|weeks|days|hours|minutes|"
            r"of\s+(?:them|us|these|those|the|whom))")
_DAY_AFTER = re.compile(rf"\s+{DAYNUM}\b(?![\d,.]\d)(?!\s*{_COUNTED})", re.IGNORECASE)
_YEAR_AFTER = re.compile(rf",?\s+{YEAR4}\b(?![\d,.]\d)", re.IGNORECASE)
_DAY_BEFORE = re.compile(rf"(?<![\d,.])\b{DAYNUM}\s+(?:of\s+)?$", re.IGNORECASE)
# "on 5 may", "since 12 march": a day before the name counts as a date after a date preposition
_DATED_DAY_BEFORE = re.compile(rf"\b(?:on|since|until|till|by|from|before|after|dated|of|between)\s+{DAYNUM}\s+"
                               r"(?:of\s+)?$", re.IGNORECASE)
# a bare month after a date preposition or a modifier: "in march", "by march", "mid-march", "end of march"
_DATE_CONTEXT = re.compile(r"(?:\b(?:in|on|since|until|till|by|during|from|before|after|early|late|through)\s+"
                           r"|\b(?:mid|early|late)\s*-\s*"
                           r"|\b(?:end|beginning|start|middle|month|week|first|last|half|part)\s+of\s+"
                           r"|(?<!\bthe\s)(?<!\ba\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bits\s)(?<!\bour\s)"
                           r"\b(?:last|next|coming|past)\s+)$", re.IGNORECASE)
# "they march", "will march", "to march": the verb
_VERB_BEFORE = re.compile(r"\b(?:to|will|would|may|might|can|could|shall|should|must|did|do|does|not|never|"
                          r"they|we|i|you|who|and|or|then|'ll|’ll)\s+$", re.IGNORECASE)
# "march to the capital", "march on delhi", "march against": the verb or the noun ("in march to review
# it" is a date: "to" with a verb is a purpose)
_MOTION_AFTER = re.compile(r"\s+(?:to\s+(?:the|a|an|his|her|their|its|our|this|that|these|those)\b|towards?|"
                           r"through|against|into|past|on|from|across|along|around|up|down|off|out|was|were|is|will|would|had|has|organi[sz]ed|passed|ended|began|started)\b",
                           re.IGNORECASE)
# what may follow a bare "may"/"august" that is a month: punctuation or a function word
_CLOSED_AFTER = re.compile(r"\s*(?:[,.;:)!?\"'”’]|$)|\s+(?:and|or|but|when|while|after|before|that|of|in|at|on|for|"
                           r"with|from|as|because|if|to|till|until|the|a|an|he|she|they|it|we|i|his|her|their|its)\b",
                           re.IGNORECASE)
# "may this year", "march last year"
_YEAR_REL_AFTER = re.compile(r"\s+(?:this|last|next)\s+year\b", re.IGNORECASE)


def _word_ok(word: str, start: int, end: int, text: str) -> bool:
    """Whether the ambiguous month word ``word`` at ``text[start:end]`` reads as a month."""
    before = text[max(0, start - 40):start]
    day_after = _DAY_AFTER.match(text, end) is not None
    year_after = _YEAR_AFTER.match(text, end) is not None
    if word in _ABBREVIATIONS:
        return day_after or year_after or _DAY_BEFORE.search(before) is not None
    if word in ("may", "august"):
        return _may_or_august_ok(word, before, end, text, day_after or year_after)
    return _march_ok(before, end, text, day_after or year_after)


def _may_or_august_ok(word: str, before: str, end: int, text: str, numbered: bool) -> bool:
    """"may"/"august" as a month: with a day or year, or bare between a date preposition and a closed word."""
    # the modal is never followed by a bare number, so "may 5" is a day; "they may" + "5 ..." is not English
    if numbered or _DATED_DAY_BEFORE.search(before):
        return True
    if word == "august" and _DAY_BEFORE.search(before):
        return True
    # a bare name only between a date preposition and a word no modal or adjective takes after it:
    # "signed last may.", "by august, the", "in may and june" (never "they may be", "an august body")
    return _DATE_CONTEXT.search(before) is not None and (
        _YEAR_REL_AFTER.match(text, end) is not None or _CLOSED_AFTER.match(text, end) is not None)


def _march_ok(before: str, end: int, text: str, numbered: bool) -> bool:
    """"march" as a month, not the verb or the noun ("they march to", "a protest march")."""
    if _VERB_BEFORE.search(before):
        return False
    if numbered:
        return True
    if _DAY_BEFORE.search(before):
        return _DATED_DAY_BEFORE.search(before) is not None or not _MOTION_AFTER.match(text, end)
    return _DATE_CONTEXT.search(before) is not None and not _MOTION_AFTER.match(text, end)


def plausible_lower_names(m: re.Match[str], text: str) -> bool:
    """Every ambiguous month word in the match reads as a month in ``text`` (see the module docstring)."""
    for name in _NAME.finditer(m.group(0)):
        word = name["w"].lower()
        start = m.start() + name.start()
        end = m.start() + name.end()
        if not _word_ok(word, start, end, text):
            return False
    return True
