"""Runs of title, organisation and name tokens: where a run that may hold an actor ends
(:meth:`TitleRuns.run_end`: "Russian *Security Council Secretary Sergei Shoigu*") and how it splits into its
title and its name (:meth:`TitleRuns.split_run`). A mixin of
:class:`~eventwire.actors.sentence.SentenceReader`, kept apart to keep that reader small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocabulary import words
from .titles import CONNECTORS, MODIFIERS, NAME_PARTICLES, NOT_NAME, PERSON_TITLE_HEADS

if TYPE_CHECKING:
    from .lexicon import Entry

# Lower-case words that are titles only when capitalised before a name or after a country.
AMBIGUOUS_LOWER = words("actors_titles.ambiguous_lower")


class TitleRuns:
    """Title runs over a sentence's tokens (``keys``, ``texts``, ``caps``, lookups of the reader)."""

    keys: list[str]
    texts: list[str]
    caps: list[bool]

    if TYPE_CHECKING:  # provided by SentenceReader
        def entity(self, i: int) -> tuple[int, Entry | None]: ...
        def agent(self, i: int, limit: int | None = None) -> tuple[int, str | None, str]: ...
        def _is_word(self, i: int) -> bool: ...

    def run_end(self, i: int, absorb_orgs: bool = True) -> int:
        """End of the run of title/org/name tokens starting at ``i``.

        After a country, organisation names are part of the title ("Russian *Security Council* Secretary");
        without one, a name starts its own mention ("rebel | Kurdistan Workers' Party").
        """
        n = len(self.keys)
        j = i
        stop_kinds = ("country", "capital", "user") if absorb_orgs else ("country", "capital", "org", "media", "user")
        while j < n:
            step = self._run_step(i, j, stop_kinds)
            if step is None:
                break
            j = step
        while j > i and (self.keys[j - 1] in CONNECTORS or self.keys[j - 1] in NAME_PARTICLES):
            j -= 1
        return j

    def _run_step(self, i: int, j: int, stop_kinds: tuple[str, ...]) -> int | None:
        """Where the run begun at ``i`` goes on past token ``j``: after an agent phrase, a capitalised word, a
        modifier, or a hyphen or connector inside a name; None where it ends before ``j``."""
        if j > i and self._stops_run(j, stop_kinds):
            return None
        k = self.keys[j]
        a_len = self.agent(j)[0]
        if a_len and (self.caps[j] or k not in AMBIGUOUS_LOWER or j > i):
            return j + a_len
        if (self.caps[j] and self._is_word(j) and k not in NOT_NAME) or k in MODIFIERS:
            return j + 1
        if j == i or j + 1 >= len(self.keys):
            return None
        return self._inner_step(i, j)

    def _inner_step(self, i: int, j: int) -> int | None:
        """Past a hyphen or a connector inside the run (``i < j``, a token after ``j``), or None."""
        k = self.keys[j]
        if k == "-" and self.caps[j - 1] and self.texts[j + 1].isalpha():
            return j + 2  # "Jun-ho", "Al-Sudani": a hyphenated name
        if k == "and" and self._agent_before(i, j) and self._other_actor(j + 1):
            return None  # "Colombian government and FARC rebels": a second actor, not one body's name
        return j + 1 if self._joins_name(j) else None

    def _stops_run(self, j: int, stop_kinds: tuple[str, ...]) -> bool:
        """A dictionary name of one of ``stop_kinds`` starts at ``j`` (and no longer agent phrase does)."""
        length, entry = self.entity(j)
        return entry is not None and entry.kind in stop_kinds and not (self.agent(j)[0] >= length)

    def _joins_name(self, j: int) -> bool:
        """A connector or a name particle at ``j`` before a capitalised word ("Minister of Defence", "bin
        Salman", "al-Assad")."""
        k = self.keys[j]
        if k in CONNECTORS and self.caps[j + 1]:
            return True
        return k in NAME_PARTICLES and (self.caps[j + 1] or (
            self.keys[j + 1] == "-" and j + 2 < len(self.keys) and self.caps[j + 2]))

    def _agent_before(self, s: int, e: int) -> bool:
        """The run ``[s, e)`` ends with an agent or title word ("… government", "… police")."""
        return any(self.agent(p, limit=e)[0] == e - p for p in range(s, e))

    def _other_actor(self, j: int) -> bool:
        """A dictionary organisation, outlet or person starts at ``j`` (an actor of its own)."""
        length, entry = self.entity(j)
        return entry is not None and entry.kind in ("org", "media", "person") and length > 0

    def split_run(self, s: int, e: int) -> tuple[int, str | None, bool, int]:
        """(end of the title part, sector, person title?, end of the name part) of run ``[s, e)``."""
        last_end, sector, person = self._last_title(s, e)
        if sector is None:
            return s, None, False, s
        if not person:
            return self._group_split(s, e, last_end, sector)
        return last_end, sector, person, self._name_end(last_end, e)

    def _last_title(self, s: int, e: int) -> tuple[int, str | None, bool]:
        """(end, sector, person title?) of the last agent or title phrase of run ``[s, e)``; a person title
        followed by a capitalised non-title word ends the search: the name starts there ("Prime Minister
        Mohammed Shia al-Sudani": "Shia" is then part of the name)."""
        last_end, sector, person = s, None, False
        p = s
        while p < e:
            n, sec, _ = self.agent(p, limit=e)
            if not n:
                p += 1
                continue
            last_end, sector = p + n, sec
            person = self.keys[p + n - 1] in PERSON_TITLE_HEADS
            p += n
            if person and p < e and self.caps[p] and not self.agent(p, limit=e)[0]:
                break
        return last_end, sector, person

    def _group_split(self, s: int, e: int, last_end: int, sector: str) -> tuple[int, str | None, bool, int]:
        """After a group noun ("students", "state media") only a dictionary name follows as a name ("KCNA");
        other capitalised words make the whole run an organisation's name."""
        length, entry = self.entity(last_end) if last_end < e else (0, None)
        if entry is not None and last_end + length <= e:
            return last_end, sector, False, last_end + length
        if last_end < e and all(self.caps[t] or self.keys[t] in CONNECTORS for t in range(s, e)):
            return e, sector, False, e
        return last_end, sector, False, last_end

    def _name_end(self, start: int, e: int) -> int:
        """End of the personal name after a person title at ``start`` (at most seven words, not past ``e``,
        not ending in a particle)."""
        q = start
        while q < e and q - start < 7 and self._in_name(q, start, e):
            q += 1
        while q > start and self.keys[q - 1] in NAME_PARTICLES:
            q -= 1
        return q

    def _in_name(self, q: int, start: int, e: int) -> bool:
        """Token ``q`` continues a name begun at ``start``: a capitalised word, a particle before more, or the
        word after a hyphen."""
        return ((self.caps[q] and self._is_word(q) and self.keys[q] not in NOT_NAME)
                or (self.keys[q] in NAME_PARTICLES and q + 1 < e)
                or (q > start and self.keys[q - 1] == "-" and self.texts[q].isalpha()))
