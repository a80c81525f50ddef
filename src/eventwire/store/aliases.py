"""What an actor search may also mean: the other names the actor dictionaries give a name.

``--actor DPRK`` should find North Korea's events, and ``--actor 'Kim Jong Un'`` the events whose actor the
store names "Kim Jong-un" (issue 12: actor search was literal). Names are compared by their *key*: folded
(accents off, lower case) with everything but letters and digits removed, so that case, hyphens, spaces and
apostrophes never decide a match ("Kim Jong-un", "kim jong un", "KimJongUn" share ``kimjongun``).

A name the dictionaries know widens the search: a country's names to its country code (``DPRK`` → ``PRK``);
a person's or an organisation's names to every name of the same entry (never to all of its codes: "Kim Jong
Un" must not find every event of the North Korean government). The packaged dictionary
(``data/actors/entities.jsonl``, see its README) is read once per :class:`ActorAliases`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib.resources import files

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
MIN_KEY_CHARS = 2  # "US" is an alias; a single letter is not worth a look-up


def name_key(text: str) -> str:
    """The comparison key of a name: folded, only letters and digits ("Kim Jong-un" → "kimjongun")."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("", text.lower())


@dataclass(frozen=True, slots=True)
class Widened:
    """What one searched name may also be: country codes, and other names of the same actor."""

    countries: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # name keys (see name_key)


@dataclass(slots=True)
class ActorAliases:
    """Name key → the countries and the name keys the actor dictionaries give it."""

    countries: dict[str, set[str]] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> ActorAliases:
        """From the packaged actor dictionary (a second or less; done once per store, on first use)."""
        out = cls()
        path = files("eventwire") / "data" / "actors" / "entities.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            keys = {name_key(a) for a in (entry.get("name") or "", *entry.get("aliases", ()), *entry.get("exact", ()))}
            keys = {k for k in keys if len(k) >= MIN_KEY_CHARS}
            if entry.get("kind") == "country":
                codes = {t[0][:3] for t in entry.get("terms", ()) if t and t[0]}
                for k in keys:
                    out.countries.setdefault(k, set()).update(codes)
            elif entry.get("kind") in ("person", "org", "media"):
                for k in keys:
                    out.names.setdefault(k, set()).update(keys)
        return out

    def widen(self, value: str) -> Widened:
        key = name_key(value)
        if len(key) < MIN_KEY_CHARS:
            return Widened(names=frozenset({key}) if key else frozenset())
        return Widened(countries=frozenset(self.countries.get(key, ())),
                       names=frozenset({key, *self.names.get(key, ())}))
