"""The offline gazetteer: compact files built by ``scripts/build_place_data.py``, loaded once.

Records are kept column-wise (lists and ``array``s, not one object per town) so that 240,000 places
load in well under a second and take tens of megabytes, not hundreds. Lookups go by a normalised
name (:func:`name_key`) and return :class:`Candidate` objects built on demand.
"""

from __future__ import annotations

import gzip
import logging
import re
import unicodedata
from array import array
from dataclasses import dataclass
from importlib.resources import files

from ..errors import ResourceError

log = logging.getLogger(__name__)

# kinds, from the most to the least administrative
COUNTRY = "country"
CONTINENT = "continent"
ADMIN1 = "admin1"  # US states; provinces, oblasts, UK nations … elsewhere
ADMIN2 = "admin2"  # US counties (point: the town of the same name in that state); a few abroad (counties.tsv)
ADMIN2_ROUGH = "admin2~"  # US counties with no such town: the state's point stands in
REGION = "region"  # the hand lists (regions.tsv; features.tsv: seas, rivers, ranges, informal regions)
CAPITAL = "capital"
CITY = "city"
CITY_LIKE = (CAPITAL, CITY)
# US post-office places missing from cities500 (hamlets, New England towns): read as towns, but their
# names are kept apart so that recognition in free text does not take every capitalised hamlet name
POST_TOWN = "post"

_PUNCT = re.compile(r"[.\u2018\u2019\u02bb'`]")
_SPACE = re.compile(r"[\s\-]+")


def name_key(text: str) -> str:
    """The lookup key of a name: accents folded, lower case, no dots or apostrophes, hyphens as spaces.

    ``"St. Louis"`` → ``"st louis"``; ``"Québec"`` → ``"quebec"``; ``"U.S."`` → ``"us"``.
    """
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    key = _SPACE.sub(" ", _PUNCT.sub("", folded.casefold())).strip()
    return key.removeprefix("the ")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer reading of a name."""

    index: int  # row in the gazetteer's columns
    kind: str
    name: str
    iso2: str
    iso3: str | None
    admin1: str  # US state code for US places; GeoNames admin1 code elsewhere
    lat: float
    lon: float
    population: int
    geonameid: int | None
    via_alternate: bool = False  # matched an alternate name, not the main one

    @property
    def precision(self) -> str:
        if self.kind == COUNTRY:
            return "country"
        if self.kind in CITY_LIKE:
            return "city"
        return "region"


def _as_list(rows: int | list[int] | None) -> list[int]:
    if rows is None:
        return []
    return [rows] if isinstance(rows, int) else rows


def _data_text(name: str) -> str:
    path = files("eventwire") / "data" / "places" / name
    try:
        if name.endswith(".gz"):
            return gzip.decompress(path.read_bytes()).decode("utf-8")
        return path.read_text(encoding="utf-8")
    except (OSError, EOFError) as exc:
        raise ResourceError(
            f"place data file {name} is missing or damaged: reinstall eventwire or run "
            "scripts/build_place_data.py",
            code="E480",
        ) from exc


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


class Gazetteer:
    """Names → candidate places, plus the country tables (ISO codes, demonyms, US state abbreviations)."""

    def __init__(self) -> None:
        self.kind: list[str] = []
        self.name: list[str] = []
        self.iso2: list[str] = []
        self.admin1: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.geonameid = array("q")  # 0 = none
        # key → row index (or indices: most names are unique, and an int is far smaller than a list)
        self._main: dict[str, int | list[int]] = {}
        self._alt: dict[str, int | list[int]] = {}
        self._minor: dict[str, int | list[int]] = {}  # post towns' names
        # city nicknames by their exact spelling ("L.A." is Los Angeles, though its key is that of "La.")
        self.exact: dict[str, int] = {}
        self.iso3_of: dict[str, str] = {}
        self.iso2_of: dict[str, str] = {}
        self.country_row: dict[str, int] = {}  # iso2 → row of the country
        self.capital_of: dict[str, int] = {}  # iso2 → geonameid of its capital
        self.demonyms: dict[str, str] = {}  # key → iso2
        self.state_abbrev: dict[str, str] = {}  # key of "Ga." / "GA" / "Georgia" → US state code
        self.dotted_abbreviations: set[str] = set()  # "Ga.", "W.Va.", "Calif." as written
        self.max_words = 1
        self._load()

    # ------------------------------------------------------------------ loading
    def _add(self, kind: str, gid: int, name: str, iso2: str, admin1: str, lat: float, lon: float,
             pop: int, alternates: list[str]) -> int:
        row = len(self.kind)
        self.kind.append(kind)
        self.name.append(name)
        self.iso2.append(iso2)
        self.admin1.append(admin1)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(pop)
        self.geonameid.append(gid)
        self._index(self._main, name, row)
        for alt in alternates:
            if alt and name_key(alt) != name_key(name):
                self._index(self._alt, alt, row)
        return row

    def _index(self, table: dict[str, int | list[int]], name: str, row: int) -> None:
        key = name_key(name)
        if not key:
            return
        rows = table.get(key)
        if rows is None:
            table[key] = row
        elif isinstance(rows, int):
            if rows != row:
                table[key] = [rows, row]
        elif row not in rows:
            rows.append(row)
        words = key.count(" ") + 1
        self.max_words = max(self.max_words, words)

    def _load(self) -> None:
        """Every data file, in an order that matters: countries first (their rows are the names' targets),
        towns before the city nicknames that point at them, states last."""
        self._load_countries()
        city_aliases = self._load_names()
        self._load_regions()
        self._load_places(_data_text("places.tsv.gz"))
        self._load_city_aliases(city_aliases)
        self._load_states()
        log.debug("gazetteer: %d places, %d names", len(self.kind), len(self._main) + len(self._alt))

    def _load_countries(self) -> None:
        for r in _rows(_data_text("countries.tsv")):
            iso2, iso3, gid, name, lat, lon, pop, cap, alts = r
            self.iso3_of[iso2] = iso3
            self.iso2_of[iso3] = iso2
            if cap:
                self.capital_of[iso2] = int(cap)
            self.country_row[iso2] = self._add(COUNTRY, int(gid), name, iso2, "", float(lat), float(lon),
                                               int(pop), alts.split("|") if alts else [])

    def _load_names(self) -> list[tuple[str, str]]:
        """Demonyms and countries' other names; returns the city nicknames, to be read once the towns are."""
        city_aliases: list[tuple[str, str]] = []
        for name, kind, iso2 in _rows(_data_text("names.tsv")):
            if kind == "demonym":
                self.demonyms[name_key(name)] = iso2
            elif kind == "city":
                city_aliases.append((name, iso2))  # once the towns are loaded
            elif iso2 in self.country_row:
                self._index(self._alt if name_key(name) in self._main else self._main, name,
                            self.country_row[iso2])
        return city_aliases

    def _load_regions(self) -> None:
        """The hand lists of regions and features, and the counties abroad."""
        for r in _rows(_data_text("regions.tsv")) + _rows(_data_text("features.tsv")):
            name, alts, iso2, lat, lon, gid = (r + [""] * 6)[:6]
            self._add(REGION, int(gid or 0), name, iso2, "", float(lat), float(lon), 0,
                      alts.split("|") if alts else [])
        # counties abroad (Ireland, England: "Clare", "Oxfordshire", "County Mayo"); US counties come with places
        for name, alts, iso2, lat, lon in _rows(_data_text("counties.tsv")):
            self._add(ADMIN2, 0, name, iso2, "", float(lat), float(lon), 0, alts.split("|") if alts else [])

    def _load_city_aliases(self, city_aliases: list[tuple[str, str]]) -> None:
        """City nicknames by their exact spelling ("L.A."): the most populous town they point at."""
        for alias, target in city_aliases:
            iso2, admin1, town = target.split("/")
            rows = [c for c in self.lookup(town) if c.kind in CITY_LIKE and c.iso2 == iso2 and c.admin1 == admin1]
            if rows:
                self.exact[alias] = max(rows, key=lambda c: c.population).index

    def _load_states(self) -> None:
        """US state names, codes and abbreviations ("Ga.", "GA", "Georgia")."""
        state_rows = {self.admin1[row]: row for row, kind in enumerate(self.kind)
                      if kind == ADMIN1 and self.iso2[row] == "US"}
        for code, row in state_rows.items():
            self.state_abbrev[name_key(self.name[row])] = code
        for r in _rows(_data_text("us_states.tsv")):
            code, abbrevs = r[0], r[1]
            self.state_abbrev[name_key(code)] = code
            for a in abbrevs.split("|"):
                self.state_abbrev[name_key(a)] = code
                if a.endswith("."):
                    self.dotted_abbreviations.add(a)
                # "Ga." / "W.Va." name the state by themselves ("Athens, Ga."); postal codes ("GA", "IN")
                # do not: as words they are too often something else
                if "." in a and code in state_rows:
                    self._index(self._alt, a, state_rows[code])

    def _load_places(self, text: str) -> None:
        """The big file, in one tight loop: keys are precomputed by the build script (no normalising here)."""
        kinds, names, iso2s, admin1s = self.kind, self.name, self.iso2, self.admin1
        lats, lons, pops, gids = self.lat, self.lon, self.population, self.geonameid
        main, alt, minor = self._main, self._alt, self._minor
        row = len(kinds)
        shared: dict[str, str] = {}  # one string object per distinct kind / country / admin1 code
        for line in text.split("\n"):
            if not line or line[0] == "#":
                continue
            kind, gid, name, iso2, admin1, lat, lon, pop, keys = line.split("\t")
            tables = (main, alt)
            if kind == POST_TOWN:
                kind, tables = CITY, (minor, minor)
            kinds.append(shared.setdefault(kind, kind))
            names.append(name)
            iso2s.append(shared.setdefault(iso2, iso2))
            admin1s.append(shared.setdefault(admin1, admin1))
            lats.append(float(lat))
            lons.append(float(lon))
            pops.append(int(pop))
            gids.append(int(gid) if gid else 0)
            main_keys, alt_keys = keys.split(";")
            for table, part in zip(tables, (main_keys, alt_keys), strict=True):
                if not part:
                    continue
                for key in part.split("|"):
                    rows = table.get(key)
                    if rows is None:
                        table[key] = row
                    elif isinstance(rows, int):
                        if rows != row:
                            table[key] = [rows, row]
                    elif rows[-1] != row:
                        rows.append(row)
            row += 1
        self.max_words = max(self.max_words, max(k.count(" ") + 1 for k in main))

    # ------------------------------------------------------------------ lookups
    def candidate(self, row: int, via_alternate: bool = False) -> Candidate:
        iso2 = self.iso2[row]
        gid = self.geonameid[row]
        return Candidate(
            index=row, kind=self.kind[row], name=self.name[row], iso2=iso2, iso3=self.iso3_of.get(iso2),
            admin1=self.admin1[row], lat=self.lat[row], lon=self.lon[row], population=self.population[row],
            geonameid=gid or None, via_alternate=via_alternate,
        )

    def lookup(self, name: str) -> list[Candidate]:
        """Every reading of ``name`` (main names first, then alternate names; a city nickname alone)."""
        if name in self.exact:
            return [self.candidate(self.exact[name])]
        key = name_key(name)
        main = _as_list(self._main.get(key))
        out = [self.candidate(r) for r in main]
        out += [self.candidate(r, via_alternate=True) for r in _as_list(self._alt.get(key)) if r not in main]
        out += [self.candidate(r) for r in _as_list(self._minor.get(key))]
        return out

    def has_name(self, key: str, minor: bool = False) -> bool:
        """Is ``key`` (already a :func:`name_key`) a place name? With ``minor``, a post town's too."""
        return key in self._main or key in self._alt or minor and key in self._minor

    def country(self, iso2: str) -> Candidate | None:
        row = self.country_row.get(iso2)
        return None if row is None else self.candidate(row)

    def demonym_country(self, name: str) -> str | None:
        """ISO alpha-2 of the country a demonym refers to (``"Russian"`` → ``"RU"``), else None."""
        key = name_key(name)
        if key in self.demonyms:
            return self.demonyms[key]
        if key.endswith("s") and key[:-1] in self.demonyms:
            return self.demonyms[key[:-1]]
        return None

    def is_capital(self, c: Candidate) -> bool:
        return c.kind == CAPITAL
