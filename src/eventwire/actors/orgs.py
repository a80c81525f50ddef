"""Organisation names read off the text: the words of a name say it is an organisation ("Homeland Union
(Conservatives)", "Association of African Jurists", "the Umma party"), and may say its country and
sector. A mixin of :class:`~eventwire.actors.sentence.SentenceReader`, kept apart to keep that reader
small.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..models import Actor
from ..vocabulary import words
from .candidate import Candidate, actor_from_entry, code_of
from .titles import CONNECTORS, NGO_HEADS, NOT_NAME, ORG_HEADS, ORG_TAILS, TRANSNATIONAL, org_sector

FORMER = words("actors_titles.former")

if TYPE_CHECKING:
    from .lexicon import Entry


class OrganisationNames:
    """Organisation-name reading over a sentence's tokens (``keys``, ``caps``, lookups of the reader)."""

    keys: list[str]
    caps: list[bool]
    day: date | None

    if TYPE_CHECKING:  # provided by SentenceReader
        def entity(self, i: int) -> tuple[int, Entry | None]: ...
        def agent(self, i: int, limit: int | None = None) -> tuple[int, str | None, str]: ...
        def _text(self, s: int, e: int) -> str: ...

    def _inner_org_sector(self, s: int, e: int) -> str | None:
        """The sector of a dictionary organisation that fills ``[s, e)`` ("Islamic Jihad" → REB)."""
        if s >= e:
            return None
        length, entry = self.entity(s)
        if e - 1 > s and self.keys[e - 1] in ORG_TAILS and not self.caps[e - 1]:
            e -= 1  # "Islamic Jihad movement": the group's name without the head
        if entry is None or entry.kind not in ("org", "user") or s + length != e:
            return None
        return actor_from_entry(entry, "", self.day).sector

    def _org_words(self, s: int, e: int) -> str | None:
        """``[s, e)`` reads as an organisation's name: capitalised words (and connectors) with a head word
        such as Union, Party, Association; or a capitalised name closed by a lower-case "party". Returns
        the head word or None."""
        if e <= s or not self.caps[s]:
            return None
        head = None
        for t in range(s, e):
            k = self.keys[t]
            if self.caps[t]:
                if k in ORG_HEADS:
                    head = k
            elif t == e - 1 and k in ORG_TAILS:
                head = k
            elif k not in CONNECTORS and k not in ("(", ")", "'", "'s"):
                return None
        return head

    def _org_run(self, i: int) -> int:
        """End of a capitalised name run from ``i`` as organisations are written: connectors ("of", "for",
        "and"), a plural possessive ("Workers' Party"), a capitalised gloss in brackets ("Umma (Nation)"),
        and a closing lower-case head ("party"). Dictionary countries inside are part of the name."""
        n = len(self.keys)
        j = i
        while j < n:
            step = self._org_run_step(i, j)
            if step is None:
                break
            j = step
        while j > i and (self.keys[j - 1] in CONNECTORS or self.keys[j - 1] == "'"):
            j -= 1
        if j > i and j < n and self.keys[j] in ORG_TAILS:
            j += 1
        return j

    def _org_run_step(self, i: int, j: int) -> int | None:
        """Where a name run begun at ``i`` goes on past token ``j`` (None: it ends before ``j``)."""
        k = self.keys[j]
        if self.caps[j] and k not in NOT_NAME:
            return j + 1
        if j == i:
            return None
        if k in CONNECTORS and k != "-" and self._connects_names(j):
            return j + 1  # "Union for the Total Independence of Angola"
        if k == "'" and self.keys[j - 1].endswith("s"):
            return j + 1
        if k == "(":
            return self._gloss_end(j)
        return None

    def _connects_names(self, j: int) -> bool:
        """The connector at ``j`` joins capitalised words: "… of Angola", "… for the Total …"."""
        n = len(self.keys)
        return (j + 1 < n and self.caps[j + 1]) or (
            j + 2 < n and self.keys[j] in ("of", "for") and self.keys[j + 1] == "the" and self.caps[j + 2])

    def _gloss_end(self, j: int) -> int | None:
        """``(Nation)`` at ``j``: the index after ``)`` when one to three capitalised words sit inside."""
        for t in range(j + 1, min(j + 5, len(self.keys))):
            if self.keys[t] == ")":
                return t + 1 if t > j + 1 and all(self.caps[j + 1:t]) else None
            if not self.caps[t]:
                return None
        return None

    def _org_name(self, i: int) -> Candidate | None:
        """An organisation no dictionary knows, told by its name: "the Homeland Union (Conservatives)",
        "the Association of African Jurists", "the Umma party". Country: a state named inside the name;
        a transnational name ("African", "International") without one is a non-state body (NGO);
        otherwise unknown (the sentence may tell, coref._sentence_country)."""
        if not self.caps[i] or self.keys[i] in NOT_NAME or self.keys[i] in FORMER or self._name_after_of(i):
            return None  # (a sentence's "Former European Union official …" is no name "Former European Union")
        e = self._org_run(i)
        head = self._org_words(i, e)
        if head is None or (e - i < 2):
            return None
        if "the" in self.keys[i:e] and self._org_words(i, self.keys.index("the", i, e)) is None:
            return None  # "Members of the Association of …": the name starts after "the" (read from there)
        keys = self.keys[i:e]
        country = self._org_country(i, e, head)
        sector = org_sector(keys, country is not None and country != "NGO")
        text = self._text(i, e)
        actor = Actor(text=text, name=text, code=code_of(country, sector), country=country, sector=sector)
        return Candidate(i, e, actor, "organisation-name", named=True)

    def _name_after_of(self, i: int) -> bool:
        """"Leaders of the X Union", "Members of …": a title or plural before "of"; the name starts after
        it."""
        k = self.keys[i]
        return i + 1 < len(self.keys) and self.keys[i + 1] == "of" and k not in ORG_HEADS and (
            self.agent(i)[0] == 1 or k.endswith("s"))

    def _org_country(self, s: int, e: int, head: str) -> str | None:
        """The one state named inside the name ``[s, e)``; NGO for a transnational association naming none
        (not "African National Congress": a party, a front, a council is a state's)."""
        countries = self._countries_in(s, e)
        if len(countries) == 1:
            return next(iter(countries))
        if not countries and any(k in TRANSNATIONAL for k in self.keys[s:e]) and head in NGO_HEADS:
            return "NGO"
        return None

    def _countries_in(self, s: int, e: int) -> set[str]:
        """The countries of the dictionary countries and capitals inside ``[s, e)``."""
        countries: set[str] = set()
        t = s
        while t < e:
            length, entry = self.entity(t)
            if entry is not None and entry.kind in ("country", "capital"):
                c = actor_from_entry(entry, "", self.day).country
                if c:
                    countries.add(c)
            t += max(length, 1)
        return countries
