"""Toponyms in plain text: recognise them (capitalised names found in the gazetteer) and resolve them.

Recognition works on the text alone (no NER: the small spaCy model calls Kursk a PRODUCT): runs of
capitalised words are matched, longest first, against the gazetteer's names; person names (after a
title, or followed by another capitalised word), street names and common words are turned away;
demonyms ("Russian") are not places unless the caller asks for them.

Resolution scores each reading: a prior from its kind and population (a province's: the sum of its
towns'), evidence from the rest of the text (the countries and US states of the *other* names' readings
and the caller's ``context_countries`` — so "Paris" in an article about Texas is Paris, Texas; a country
named only by name or demonym counts little for its towns: "U.S. diplomats in Geneva"), a qualifier
right after the name ("Athens, Ga.", "London, Ontario") that settles it, a famous place's precedence over
a small namesake that nothing local supports ("Jordan", "Italy"), and lists keeping to one kind
("Washington and Moscow"); in US local news naming nothing abroad (register.py), the US town ("Dublin City
Council"). A name the gazetteer lacks may still be read: a demonym by its suffix
("Iowans"), a feature through the place it is named after ("Naugatuck River", at precision "region").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..models import Place
from .gazetteer import (
    ADMIN1,
    ADMIN2,
    ADMIN2_ROUGH,
    CAPITAL,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    Candidate,
    Gazetteer,
    name_key,
)
from .near import NearIndex
from .register import is_us_local, local_use_names
from .wordlists import (
    AFTER_PLACE,
    CONNECTORS,
    FEATURE_FIRST,
    FEATURE_LAST,
    NAME_PREFIXES,
    NOT_PLACES,
    STREET,
    TITLES,
    WORD_PATTERN,
)

LIST_OF_KIND = 15.0
COUNTRY_NAMED = 2.0  # per mention of a town's country by name, up to three
NAMED_AFTER = "named-after"  # the kind reported for a feature read through its namesake
NAMED_AFTER_ALONE = 100_000  # a namesake this big needs no other name in its country

QUALIFIER_MATCH = 40.0
CONTEXT_COUNTRY = 6.0
CONTEXT_SHARE = 10.0
CONTEXT_STATE = 14.0
ALTERNATE_PENALTY = 10.0  # an old or foreign name ("Twickenham" of Huntsville) is weak beside a main one
FOREIGN_ADMIN1_PRIOR = 12.0
FOREIGN_COUNTY_PRIOR = 10.0
CAPITAL_BONUS = 2.0
COUNTRY_NAME_AS_TOWN = 14.0
FAMOUS_POPULATION = 1_000_000  # a province or city this big is known abroad by name
FAME_RATIO = 50  # …and outweighs a town of a fiftieth of its population
FAME_GAP = 1000  # …even in a text about the town's state when the town is a thousandth of its size
PROXIMITY = 12.0  # at most, for three or more other places nearby
SPREAD_WEIGHT = 0.5  # in the first pass, when any reading of another name counts
MAX_SPREAD = 60  # readings per name considered in the first pass ("Springfield" has dozens)
LOCAL_KINDS = (CITY, CAPITAL, ADMIN2)
# A province named like its capital ("Kursk", "Idlib"): news means the town unless it says "region".
TOWN_OVER_PROVINCE = 8.0
# US local news naming nothing abroad: a US town over a namesake abroad ("Mansfield", "Dublin"); over a
# country ("Lebanon") only where the name is used as a town's is (register.local_use_names)
US_LOCAL = 10.0
_KIND_PRIOR = {COUNTRY: 30.0, CONTINENT: 28.0, ADMIN1: 25.0, REGION: 22.0, ADMIN2: 18.0, ADMIN2_ROUGH: 16.0}


@dataclass(frozen=True, slots=True)
class ResolvedToponym:
    """A toponym at ``[start, end)`` of the text and the place it was resolved to (None: not found)."""

    start: int
    end: int
    text: str
    place: Place | None
    kind: str | None = None  # the gazetteer kind of the reading chosen
    score: float = 0.0
    evidence: str = ""
    demonym: bool = False


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    candidates: list[Candidate]
    demonym: str | None = None  # iso2 when the mention is a demonym
    qualifier: tuple[str | None, str | None] = (None, None)  # (iso2, US state) named right after it
    named_after: bool = False  # "Naugatuck River": read through the place it is named after
    local_use: bool = False  # the name is used as a town's is: "a Lebanon woman", a "MALTA —" dateline


def population_score(population: int) -> float:
    return 2.5 * math.log10(population + 10)


def prior(c: Candidate) -> float:
    """How likely a reading is before any context: countries and states over towns, big over small."""
    if c.kind == ADMIN1 and c.iso2 != "US":
        # a province by its people (the sum of its towns'): Ontario or Punjab outweigh a US town of that
        # name, a small province does not; never above a US state's prior (LGL-style local news)
        return min(_KIND_PRIOR[ADMIN1], max(FOREIGN_ADMIN1_PRIOR, population_score(c.population)))
    if c.kind == ADMIN2 and c.iso2 != "US":
        return FOREIGN_COUNTY_PRIOR  # below a town of 10,000: "Kent" abroad needs its country in the text
    if c.kind in _KIND_PRIOR:
        return _KIND_PRIOR[c.kind]
    base = population_score(c.population)
    return base + CAPITAL_BONUS if c.kind == CAPITAL else base


_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)(?:the\s+)?")


def _list_neighbours(text: str, mentions: list[_Mention]) -> list[list[int]]:
    """For each mention, the mentions next to it in a list ("Italy and Russia", "Iraq, Syria, Iran")."""
    out: list[list[int]] = [[] for _ in mentions]
    for k in range(1, len(mentions)):
        gap = text[mentions[k - 1].end:mentions[k].start]
        if len(gap) <= 12 and _LIST_GAP.fullmatch(gap):
            out[k].append(k - 1)
            out[k - 1].append(k)
    return out


def _list_kinds(neighbours: list[int], chosen: list[Candidate | None]) -> frozenset[str]:
    """The kinds a mention's list neighbours were read as: countries (a continent or region beside a
    name counts as one) and capitals."""
    kinds = {COUNTRY if c.kind in (CONTINENT, REGION) else c.kind for j in neighbours if (c := chosen[j]) is not None}
    return frozenset(kinds & {COUNTRY, CAPITAL})


def _near_namesake(surface: str, c: Candidate, gazetteer: Gazetteer) -> Place:
    """The place of a feature read through its namesake: the namesake's point and country, no id of
    its own, precision "region" (the feature is near that point, not at it)."""
    return Place(name=surface, country=c.iso3, lat=round(c.lat, 5), lon=round(c.lon, 5), geonameid=None,
                 precision="region")


def _fame(c: Candidate) -> int:
    """How famous a reading is, as a population (0: not famous): countries, large provinces, big cities."""
    if c.kind == COUNTRY:
        return max(c.population, FAMOUS_POPULATION)
    if c.kind == ADMIN1 and c.iso2 == "US":
        return FAMOUS_POPULATION  # a US state ("Florida") over a small town abroad of that name
    if c.kind in (ADMIN1, CITY, CAPITAL) and c.iso2 != "US" and c.population >= FAMOUS_POPULATION:
        return c.population
    return 0


def to_place(c: Candidate, gazetteer: Gazetteer) -> Place:
    return Place(
        name=c.name,
        country=c.iso3,
        lat=round(c.lat, 5),
        lon=round(c.lon, 5),
        geonameid=c.geonameid,
        precision=c.precision,
    )


@dataclass(slots=True)
class _Evidence:
    """What the chosen readings say: countries and US states, in all and per name."""

    countries: Counter[str] = field(default_factory=Counter)
    # countries of the places read inside them (towns, states, regions): a country's own name or demonym
    # ("U.S. diplomats met in Geneva") says who acts, not that the other places are in that country
    inside: Counter[str] = field(default_factory=Counter)
    states: Counter[str] = field(default_factory=Counter)
    by_name: dict[str, tuple[Counter[str], Counter[str], Counter[str]]] = field(default_factory=dict)


class ToponymResolver:
    """Recognises and resolves toponyms with one loaded :class:`Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer()
        # the state abbreviations with their dots are words of their own ("W.Va.", "Calif.")
        dotted = sorted(self.gazetteer.dotted_abbreviations, key=len, reverse=True)
        self._word = re.compile("|".join([*(re.escape(a) for a in dotted), WORD_PATTERN]), re.UNICODE)

    # ------------------------------------------------------------------ recognition
    def recognise(self, text: str, include_demonyms: bool = False) -> list[tuple[int, int]]:
        """Spans of the toponyms in ``text`` (longest gazetteer match over runs of capitalised words)."""
        words = [(m.start(), m.end(), m.group()) for m in self._word.finditer(text)]
        lower_words = {w.casefold() for _, _, w in words if w[0].islower()}
        titled = _title_case_lines(text, words)
        people = self._person_words(text, words)
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            start, _, word = words[i]
            if not word[0].isupper() or word.casefold() == "the":
                # "The Hague" is found as "Hague" (keys drop "the"): the span is the name itself
                i += 1
                continue
            best = self._longest_name(text, words, i, include_demonyms)
            if best and self._keep(text, words, i, best, lower_words, _inside(titled, start)) \
                    and not (best == 1 and word in people):
                spans.append((start, words[i + best - 1][1]))
                i += best
            else:
                i += 1
        return spans

    def _longest_name(self, text: str, words: list[tuple[int, int, str]], i: int, include_demonyms: bool) -> int:
        """How many words from word ``i`` make the longest capitalised place name there (0: none): a main or
        alternate name, a nickname, a demonym when asked for, or a post town's name with its state after it."""
        g = self.gazetteer
        start = words[i][0]
        for n in range(min(g.max_words, len(words) - i), 0, -1):
            last = words[i + n - 1]
            if not last[2][0].isupper() or not self._joined(text, words, i, n):
                continue
            key = name_key(text[start:last[1]])
            if g.has_name(key) or text[start:last[1]] in g.exact \
                    or (include_demonyms and g.demonym_country(key) is not None) or (
                    g.has_name(key, minor=True) and self._qualifier(text, last[1])[1] is not None):
                return n
        return 0

    def _person_words(self, text: str, words: list[tuple[int, int, str]]) -> set[str]:
        """Words this text uses as surnames: after a title ("Sheriff Jones") or closing a two-word
        capitalised name that is no place ("Bob Jones"). One sense per text: a lone "Jones" is then
        the person too."""
        out: set[str] = set()
        titled = _title_case_lines(text, words)
        for k in range(1, len(words)):
            _, prev_end, prev = words[k - 1]
            start, end, word = words[k]
            if not word[0].isupper() or not prev[0].isupper() or text[prev_end:start] != " ":
                continue
            if _inside(titled, start):
                continue
            nxt_upper = k + 1 < len(words) and words[k + 1][2][0].isupper() \
                and text[end:words[k + 1][0]] == " "
            after_title = prev.rstrip(".").casefold() in TITLES
            closes_name = not nxt_upper and len(prev) > 1 and prev.casefold() not in NOT_PLACES \
                and prev.casefold() not in NAME_PREFIXES and not self.gazetteer.has_name(name_key(prev)) \
                and not self.gazetteer.has_name(name_key(f"{prev} {word}"))
            if after_title or closes_name:
                out.add(word)
        return out

    @staticmethod
    def _joined(text: str, words: list[tuple[int, int, str]], i: int, n: int) -> bool:
        """Words i..i+n-1 form one name: separated by a space or hyphen only; inner lower-case words are
        connectors ("Isle of Man")."""
        for k in range(i + 1, i + n):
            gap = text[words[k - 1][1]:words[k][0]]
            if gap not in (" ", "-"):
                return False
            w = words[k][2]
            if not w[0].isupper() and w not in CONNECTORS:
                return False
        return True

    def _keep(self, text: str, words: list[tuple[int, int, str]], i: int, n: int, lower_words: set[str],
              title_case: bool = False) -> bool:
        """Turn away the capitalised matches that are not places: titles + names, streets, common words.

        In a Title Case headline every word is capitalised: a capitalised neighbour says nothing there."""
        first = words[i][2]
        key = name_key(text[words[i][0]:words[i + n - 1][1]])
        if n == 1 and (key in NOT_PLACES or first.casefold() in lower_words and not first.isupper()):
            return False
        return _word_before_allows(text, words, i, title_case) and _word_after_allows(text, words, i, n, title_case)

    # ------------------------------------------------------------------ resolution
    def resolve(
        self,
        text: str,
        spans: Sequence[tuple[int, int]] | None = None,
        context_countries: Iterable[str] = (),
        include_demonyms: bool = False,
    ) -> list[ResolvedToponym]:
        """Resolve the toponyms at ``spans`` (recognised first when None) in the context of the whole text.

        ``context_countries``: ISO alpha-3 (or alpha-2) codes known to matter for this text (the actors'
        countries), counted as evidence like the countries named in the text.
        """
        if spans is None:
            spans = self.recognise(text, include_demonyms=include_demonyms)
        mentions = [self._mention(text, s, e) for s, e in spans]
        us_local = is_us_local(text)
        if us_local:
            local_names = local_use_names(text, [(m.text, m.end) for m in mentions])
            for m in mentions:
                m.local_use = name_key(m.text) in local_names
        extra = self._context_counts(context_countries)
        final = self._choose(text, mentions, extra, us_local)
        return [self._resolved(m, best, score, why) for m, (best, score, why) in zip(mentions, final, strict=True)]

    def _context_counts(self, context_countries: Iterable[str]) -> Counter[str]:
        """The caller's countries (alpha-3 or alpha-2) counted by alpha-2 code; unknown codes are left out."""
        g = self.gazetteer
        extra: Counter[str] = Counter()
        for code in context_countries:
            iso2 = g.iso2_of.get(code, code if code in g.iso3_of else None)
            if iso2:
                extra[iso2] += 1
        return extra

    def _choose(self, text: str, mentions: list[_Mention], extra: Counter[str], us_local: bool
                ) -> list[tuple[Candidate | None, float, str]]:
        """The reading of every mention, with its score and evidence, after all the passes."""
        # pass 1: priors, qualifiers, and which readings of different names lie near one another (any
        # reading counts, weighed less); passes 2 and 3: the other toponyms' chosen readings as context
        anywhere = NearIndex((name_key(m.text), c.lat, c.lon) for m in mentions for c in m.candidates[:MAX_SPREAD]
                              if c.kind in LOCAL_KINDS)
        chosen: list[Candidate | None] = [
            self._best(m, extra, _Evidence(), anywhere, SPREAD_WEIGHT)[0] for m in mentions
        ]
        listed = _list_neighbours(text, mentions)
        chosen, final = self._refine(mentions, chosen, extra, listed, [False] * len(mentions))
        if us_local:
            # the rule for US local news holds for a name when, read without it, no *other* name (nor
            # the actors) points abroad: "fly to Dublin, then Belfast" keeps both abroad
            plain = self._evidence(mentions, chosen)
            foreign = any(n > 0 and iso2 != "US" for iso2, n in extra.items())
            home = [not foreign and not _abroad(plain, name_key(m.text)) for m in mentions]
            if any(home):
                chosen, final = self._refine(mentions, chosen, extra, listed, home)
        return final

    def _resolved(self, m: _Mention, best: Candidate | None, score: float, why: str) -> ResolvedToponym:
        """The toponym of mention ``m`` resolved to reading ``best`` (None: not found)."""
        g = self.gazetteer
        return ResolvedToponym(
            start=m.start, end=m.end, text=m.text,
            place=(_near_namesake(m.text, best, g) if m.named_after else to_place(best, g)) if best else None,
            kind=(NAMED_AFTER if m.named_after else best.kind) if best else None, score=round(score, 2),
            evidence=why + ("+named-after" if m.named_after and best else ""),
            demonym=m.demonym is not None,
        )

    def _refine(self, mentions: list[_Mention], chosen: list[Candidate | None], extra: Counter[str], listed:
                list[list[int]], home: list[bool]) -> tuple[list[Candidate | None], list[tuple[Candidate | None, float, str]]]:
        """Passes 2 and 3 and the final one: the other toponyms' chosen readings as context."""
        for _ in range(2):
            evidence = self._evidence(mentions, chosen)
            local = self._local_points(mentions, chosen)
            chosen = [self._best(m, extra, evidence, local, beside=_list_kinds(listed[k], chosen), us_local=home[k])[0]
                      for k, m in enumerate(mentions)]
        evidence = self._evidence(mentions, chosen)
        local = self._local_points(mentions, chosen)
        final = [self._best(m, extra, evidence, local, beside=_list_kinds(listed[k], chosen), us_local=home[k])
                 for k, m in enumerate(mentions)]
        return chosen, final

    def _mention(self, text: str, start: int, end: int) -> _Mention:
        surface = text[start:end]
        candidates, demonym = self._readings(surface)
        named_after = False
        if not candidates and demonym is None:
            candidates = self._named_after(surface)
            named_after = bool(candidates)
        return _Mention(start, end, surface, candidates, demonym, self._qualifier(text, end), named_after)

    def _readings(self, surface: str) -> tuple[list[Candidate], str | None]:
        """The gazetteer readings of ``surface`` and the country it is a demonym of (iso2; "" for a
        continent's people), trying a possessive's name and a demonym's stem when the name has none."""
        g = self.gazetteer
        candidates = g.lookup(surface)
        demonym = g.demonym_country(surface)
        if demonym and not any(c.kind == COUNTRY for c in candidates):
            country = g.country(demonym)
            if country is not None:
                candidates = [country, *candidates]
        candidates = self._plausible_readings(surface, candidates)
        if not candidates and surface.endswith(("'s", "\u2019s")):
            candidates = g.lookup(surface[:-2])
        if not candidates and demonym is None:
            candidates = self._demonym_of_region(surface)
            if candidates:
                demonym = candidates[0].iso2  # "" for a continent's people ("European")
        return candidates, demonym

    def _plausible_readings(self, surface: str, candidates: list[Candidate]) -> list[Candidate]:
        """Readings less a county by its bare alternate name and, for a short capitalised code, the towns."""
        # a county by its bare name ("Kanawha" for Kanawha County) only when nothing else has that name
        candidates = [c for c in candidates if not (c.via_alternate and c.kind in (ADMIN2, ADMIN2_ROUGH))] \
            or candidates
        if surface.replace(".", "").isupper() and len(surface.replace(".", "")) <= 3 \
                and surface not in self.gazetteer.exact:
            # "EU", "UK", "NYC": a short capitalised code names a country, state or region, not a village "Eu"
            candidates = [c for c in candidates if c.kind in (COUNTRY, ADMIN1, REGION)]
        return candidates

    def _named_after(self, surface: str) -> list[Candidate]:
        """A feature or part of a place that the gazetteer lacks, named after one it has: "Naugatuck
        River", "Lake Cumberland", "Boston Harbor", "Jerome Township", "South Los Angeles". Such a
        feature lies in or next to its namesake, so the namesake's readings stand in (scored with the
        same context as any name) and the result is marked as approximate (precision "region")."""
        words = surface.split()
        if len(words) < 2:
            return []
        rest = ""
        if len(words) == 2 and words[0].casefold() in FEATURE_FIRST and words[1].casefold() in FEATURE_LAST:
            return []  # "West Side", "North Shore": generic on both ends
        if words[0].casefold() in FEATURE_FIRST:
            rest = " ".join(words[1:])
        elif words[-1].casefold().rstrip(".") in FEATURE_LAST:
            rest = " ".join(words[:-1])
        if not rest or not rest[0].isupper() or name_key(rest) in NOT_PLACES:
            return []
        return [c for c in self.gazetteer.lookup(rest)
                if c.kind in (CITY, CAPITAL, ADMIN1, ADMIN2, ADMIN2_ROUGH) and not c.via_alternate]

    def _demonym_of_region(self, surface: str) -> list[Candidate]:
        """"Dagestani", "Iowans", "Texan", "Ontarians", "Gazans", "New Yorkers", "Abkhaz": the place named
        by a demonym without a dictionary entry, by undoing the usual English suffixes. Regions, countries
        and big towns qualify (most populous first), never a village that happens to match a stem."""
        word = surface.removesuffix("s")
        if len(word) < 5 or not word[0].isupper():
            return []
        stems = [word[:-1], word[:-1] + "s", word[:-2] + "a", word[:-2] + "o", word[:-2], word[:-3] + "a",
                 word[:-3] + "o", word + "ia", word + "a"]
        for stem in stems:
            found = [c for c in self.gazetteer.lookup(stem) if not c.via_alternate and (
                c.kind in (COUNTRY, CONTINENT, ADMIN1, REGION)
                or c.kind in (CITY, CAPITAL) and c.population >= 100_000)]
            if found:
                return sorted(found, key=lambda c: (c.kind != COUNTRY, -c.population))
        return []

    def _qualifier(self, text: str, end: int) -> tuple[str | None, str | None]:
        """A state or country named right after the toponym: "Athens, Ga." / "Paris, France"."""
        m = re.match(r",\s+((?:[A-Z][\w.]*\.?)(?:\s[A-Z][\w.]*\.?)?)", text[end:end + 40])
        if not m:
            return (None, None)
        g = self.gazetteer
        phrase = m.group(1)
        for cut in (phrase, phrase.split(" ")[0]):
            key = name_key(cut)
            if key in g.state_abbrev and not (len(cut) == 2 and cut.isupper() and key in ("in", "me")):
                return ("US", g.state_abbrev[key])
            found = g.lookup(cut)
            for c in found:
                if c.kind == COUNTRY:
                    return (c.iso2, None)
            # a province abroad: "London, Ontario", "Perth, Western Australia", "Cambridge, England"
            for c in found:
                if c.kind == ADMIN1 and c.iso2 != "US" and not c.via_alternate:
                    return (c.iso2, None)
        return (None, None)

    def _evidence(self, mentions: list[_Mention], chosen: list[Candidate | None]) -> _Evidence:
        """Countries and US states of the readings chosen so far, counted per name.

        Per name, so that a mention discounts every mention of its own name: three "Paris" read as the
        French capital must not vouch for one another (evidence comes from *other* names only)."""
        ev = _Evidence()
        for m, c in zip(mentions, chosen, strict=True):
            if c is None:
                continue
            key = name_key(m.text)
            own = ev.by_name.setdefault(key, (Counter(), Counter(), Counter()))
            ev.countries[c.iso2] += 1
            own[0][c.iso2] += 1
            if c.kind != COUNTRY:
                ev.inside[c.iso2] += 1
                own[1][c.iso2] += 1
            if c.iso2 == "US" and c.kind != COUNTRY and c.admin1:
                ev.states[c.admin1] += 1
                own[2][c.admin1] += 1
        return ev

    @staticmethod
    def _local_points(mentions: list[_Mention], chosen: list[Candidate | None]) -> NearIndex:
        """The towns and counties read so far, by name: local news clusters in space."""
        return NearIndex((name_key(m.text), c.lat, c.lon) for m, c in zip(mentions, chosen, strict=True)
                          if c is not None and c.kind in LOCAL_KINDS)

    def _best(self, m: _Mention, extra: Counter[str], evidence: _Evidence, local: NearIndex,
              weight: float = 1.0, beside: frozenset[str] = frozenset(),
              us_local: bool = False) -> tuple[Candidate | None, float, str]:
        """The best-scoring reading of ``m`` in the context of the other names, with its score and evidence."""
        ctx = _scoring_context(m, extra, evidence, local, weight, beside, us_local)
        best: Candidate | None = None
        best_score = -math.inf
        best_why = ""
        for c in m.candidates:
            scored = _score(c, m, ctx)
            if scored is None:
                continue
            score, why = scored
            if score > best_score:
                best, best_score, best_why = c, score, "+".join(why)
        return best, best_score, best_why


@dataclass(slots=True)
class _Scoring:
    """What the readings of one mention are scored against: the other names' evidence (its own name's left
    out), the caller's countries, the nearby places, the kinds of its list neighbours."""

    own_key: str
    extra: Counter[str]
    countries: Counter[str]  # countries of the other names' readings
    inside: Counter[str]  # …of those inside a country (towns, states, regions)
    states: Counter[str]  # US states of all the readings
    own_states: Counter[str]  # …of this name's own readings
    total: int
    total_inside: int
    local: NearIndex
    weight: float
    beside: frozenset[str]
    famous: int  # the population of the name's most famous reading (0: none is)
    famous_country: bool  # one of its readings is a country
    local_town: bool  # US local news: a US town is the home reading


def _scoring_context(m: _Mention, extra: Counter[str], evidence: _Evidence, local: NearIndex, weight: float,
                     beside: frozenset[str], us_local: bool) -> _Scoring:
    own_key = name_key(m.text)
    own_countries, own_inside, own_states = evidence.by_name.get(own_key, (Counter(), Counter(), Counter()))
    countries = evidence.countries - own_countries
    inside = evidence.inside - own_inside
    # a famous place's own name ("Jordan", "Ontario", "Alexandria") read as a small town needs the
    # town's state: named right after it ("Lebanon, Ohio") or by the text's other places (a Texas
    # article's "Palestine")
    famous_country = any(c.kind == COUNTRY and not c.via_alternate for c in m.candidates)
    return _Scoring(
        own_key=own_key, extra=extra, countries=countries, inside=inside, states=evidence.states,
        own_states=own_states, total=sum(countries.values()) + sum(extra.values()),
        total_inside=sum(inside.values()) + sum(extra.values()), local=local, weight=weight, beside=beside,
        famous=max((_fame(c) for c in m.candidates if not c.via_alternate), default=0),
        famous_country=famous_country, local_town=us_local and (m.local_use or not famous_country),
    )


def _score(c: Candidate, m: _Mention, ctx: _Scoring) -> tuple[float, list[str]] | None:
    """The score of reading ``c`` of ``m`` and the evidence that made it; ``None`` for a reading ruled out.

    The terms are added in a fixed order: prior, countries, US state, US local news or fame, qualifier,
    nearby places, then the preferences between kinds of reading.
    """
    score = prior(c)
    why = [c.kind]
    named_only = 0  # the country named (or its people), no place inside it
    if c.kind == COUNTRY:
        n_country, share_of = ctx.countries[c.iso2] + ctx.extra[c.iso2], ctx.total
    else:
        n_country, share_of = ctx.inside[c.iso2] + ctx.extra[c.iso2], ctx.total_inside
        named_only = ctx.countries[c.iso2] - ctx.inside[c.iso2]
    if m.named_after and n_country + named_only <= 0 and c.population < NAMED_AFTER_ALONE:
        return None  # a namesake town abroad that nothing else in the text points at is a guess
    if n_country > 0:
        # other names in the same country (a town, a demonym: "the Georgian war") vouch for it
        score += CONTEXT_COUNTRY + CONTEXT_SHARE * n_country / max(share_of, 1)
        why.append("context-country")
    elif named_only > 0:
        score += COUNTRY_NAMED * min(named_only, 3)
        why.append("country-named")
    if c.iso2 == "US" or ctx.famous:
        score = _state_home_or_fame_terms(score, c, m, ctx, why)
    if m.qualifier[0] is not None:
        score = _qualifier_term(score, c, m, why)
    if c.kind in LOCAL_KINDS or c.kind == ADMIN2_ROUGH:
        # local news clusters in space: other names' towns near this reading lift it
        near = ctx.local.count(c.lat, c.lon, ctx.own_key)
        if near:
            score += ctx.weight * PROXIMITY * min(near, 3) / 3
            why.append("nearby")
    return _kind_terms(score, c, m, ctx, why), why


def _state_home_or_fame_terms(score: float, c: Candidate, m: _Mention, ctx: _Scoring, why: list[str]) -> float:
    """The other names in a US town's state vouch for it; US local news lifts the US town; elsewhere a small
    town named like a famous place loses, unless a qualifier or (for a town of some size) the text's places
    in its state support it."""
    n_state = 0
    if c.iso2 == "US" and c.kind in (CITY, CAPITAL, ADMIN2, ADMIN2_ROUGH):
        n_state = ctx.states[c.admin1] - ctx.own_states[c.admin1]
        if n_state > 0:
            score += CONTEXT_STATE
            why.append("context-state")
    # the text's own places in the town's state lift that only for a town of some size: a
    # village in Texas does not make "Italy" in a Texas story the village
    if ctx.local_town and c.iso2 == "US" and c.kind in LOCAL_KINDS:
        score += US_LOCAL * (2.5 if ctx.famous_country else 1.0)
        why.append("us-local")
    elif ctx.famous and c.kind in LOCAL_KINDS and c.population * FAME_RATIO < ctx.famous \
            and m.qualifier == (None, None) and (n_state <= 0 or c.population * FAME_GAP < ctx.famous):
        score -= COUNTRY_NAME_AS_TOWN
    return score


def _qualifier_term(score: float, c: Candidate, m: _Mention, why: list[str]) -> float:
    """A state or country named right after the name settles a town's or county's reading."""
    q_country, q_state = m.qualifier
    # only a town or county is qualified: "Virginia, Maryland and Ohio" is a list, not "Virginia in Maryland"
    if q_country is not None and c.kind in (CITY, CAPITAL, ADMIN2, ADMIN2_ROUGH):
        if c.iso2 == q_country and (q_state is None or c.admin1 == q_state):
            score += QUALIFIER_MATCH
            why.append("qualifier")
        else:
            score -= QUALIFIER_MATCH
    return score


def _kind_terms(score: float, c: Candidate, m: _Mention, ctx: _Scoring, why: list[str]) -> float:
    """Preferences between kinds of reading: main names over alternates, a town over the province named
    like it, a list's kind, a demonym's country."""
    if c.via_alternate:
        score -= ALTERNATE_PENALTY
    # (the town may be known by another spelling: "Kiev" is the oblast's name and the capital's alias)
    if c.kind in (ADMIN1, ADMIN2) and c.iso2 != "US" and any(
            o.kind in (CITY, CAPITAL) and o.iso2 == c.iso2
            and (not o.via_alternate or o.population >= c.population // 2) for o in m.candidates):
        score -= TOWN_OVER_PROVINCE
    if c.kind in ctx.beside:
        # "Italy and Russia", "Washington and Moscow": a list keeps to one kind
        score += LIST_OF_KIND
        why.append("list")
    if m.demonym and c.kind == COUNTRY and c.iso2 == m.demonym:
        score += QUALIFIER_MATCH  # "Russian" is Russia, not a town called Russian
        why.append("demonym")
    return score


def _word_before_allows(text: str, words: list[tuple[int, int, str]], i: int, title_case: bool) -> bool:
    """The word before a match leaves it a place: no title before it ("Sheriff Jones"), and it is not the
    second word of a longer capitalised name ("John Paris") — unless a sentence starts there."""
    if i == 0:
        return True
    prev_start, prev_end, prev = words[i - 1]
    adjacent = text[prev_end:words[i][0]] == " "
    if adjacent and prev.rstrip(".").casefold() in TITLES:
        return False
    return not (adjacent and prev[0].isupper() and prev.casefold() not in NOT_PLACES and not title_case
                and not _sentence_start(text, prev_start))


def _word_after_allows(text: str, words: list[tuple[int, int, str]], i: int, n: int, title_case: bool) -> bool:
    """The word after a match leaves it a place: no street word ("Moscow Road"), no capitalised word that
    would make it a person's name ("Paris Hilton") unless it is one that may follow a place."""
    if i + n >= len(words):
        return True
    nxt_start, _, nxt = words[i + n]
    adjacent = text[words[i + n - 1][1]:nxt_start] == " "
    if adjacent and nxt.rstrip(".").casefold() in STREET:
        return False
    return not (adjacent and nxt[0].isupper() and nxt.casefold() not in AFTER_PLACE and not title_case)


def resolve_toponyms(
    text: str,
    spans: Sequence[tuple[int, int]] | None = None,
    context_countries: Iterable[str] = (),
    *,
    resolver: ToponymResolver | None = None,
    include_demonyms: bool = False,
) -> list[ResolvedToponym]:
    """Recognise (when ``spans`` is None) and resolve the toponyms of ``text``.

    Loads the gazetteer (about a second) unless a ``resolver`` is given: pass one for repeated calls.
    """
    return (resolver or ToponymResolver()).resolve(text, spans, context_countries, include_demonyms)


def _title_case_lines(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of the lines written in Title Case (four or more longer words, nearly all capitalised)."""
    out: list[tuple[int, int]] = []
    pos = 0
    k = 0
    for line in text.split("\n"):
        end = pos + len(line)
        longer: list[str] = []
        while k < len(words) and words[k][0] < end:
            if len(words[k][2]) > 3:
                longer.append(words[k][2])
            k += 1
        if len(longer) >= 4 and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer):
            out.append((pos, end))
        pos = end + 1
    return out


def _abroad(evidence: _Evidence, own_key: str) -> bool:
    """Does a name other than ``own_key`` point outside the US?"""
    own = evidence.by_name.get(own_key, (Counter(),))[0]
    return any(n > 0 and iso2 != "US" for iso2, n in (evidence.countries - own).items())


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(start <= pos < end for start, end in ranges)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"'\u201c\u2018(")
    return not before or before[-1] in ".!?\n:;"
