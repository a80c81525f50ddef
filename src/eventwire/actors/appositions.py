"""Passes over a sentence's candidates that read neighbours as one: a title "of" a body ("the head of Iran's
nuclear agency"), coordinated countries ("Hungarian and Romanian officials", "Foreign Minister Ana Lopez of
Peru") and appositions ("Sergei Lavrov, the Russian foreign minister,"). A mixin of
:class:`~eventwire.actors.sentence.SentenceReader`, kept apart to keep that reader small.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..models import Actor
from ..vocabulary import words
from .candidate import Candidate, code_of
from .titles import MODIFIERS, NOT_NAME

if TYPE_CHECKING:
    from .lexicon import Entry

# Determiners before a generic agent ("the minister", "its spokesman") and before an apposed title.
DETERMINERS = words("actors_reader.determiners")
# Those who speak *for* a body ("a spokesman for the Kenyan police"), and titles that head one ("the head
# of").
SPEAKS_FOR = words("actors_reader.speaks_for")
HEAD_OF = words("actors_reader.head_of")


class Appositions:
    """Passes over the candidates of a sentence's tokens (``keys``, ``caps``, lookups of the reader)."""

    keys: list[str]
    caps: list[bool]

    if TYPE_CHECKING:  # provided by SentenceReader
        def entity(self, i: int) -> tuple[int, Entry | None]: ...
        def _is_word(self, i: int) -> bool: ...
        def _text(self, s: int, e: int) -> str: ...

    def _head_of(self, cands: list[Candidate]) -> list[Candidate]:
        """"the head of Iran's nuclear agency" → one mention, the organisation's country, a role."""
        out: list[Candidate] = []
        for c in cands:
            t = self._head_start(c)
            if t is None:
                out.append(c)
                continue
            if out and out[-1].end > t:
                if out[-1].start < t or not out[-1].generic:
                    out.append(c)
                    continue
                out.pop()
            out.append(self._head_candidate(t, c))
        return out

    def _head_start(self, c: Candidate) -> int | None:
        """Where a title "of" or a spokesman "for" the mention's body begins, past its modifiers: "the head of
        Iran's agency", "a spokesman for the Kenyan police" (who speaks *for* a body); None if none."""
        s = c.start
        if not (c.actor.country and s >= 2 and self.keys[s - 1] in {"of", "for", "the"}):
            return None
        of = s - 1 if self.keys[s - 1] in ("of", "for") else s - 2
        if not (of >= 1 and (self.keys[of] == "of" and self.keys[of - 1] in HEAD_OF
                             or self.keys[of] == "for" and self.keys[of - 1] in SPEAKS_FOR)):
            return None
        t = of - 1
        while t > 0 and self.keys[t - 1] in MODIFIERS:
            t -= 1
        return t

    def _head_candidate(self, t: int, c: Candidate) -> Candidate:
        """The title from ``t`` to the end of the body's mention: a person of the body's country, GOV unless
        the body has a sector of its own."""
        text = self._text(t, c.end)
        sector = c.actor.sector if c.actor.sector not in (None, "GOV") and not c.person else "GOV"
        actor = Actor(text=text, code=code_of(c.actor.country, sector), country=c.actor.country,
                      sector=sector, role=text)
        return Candidate(t, c.end, actor, "title", person=True, title_only=True)

    def _coordinated(self, cands: list[Candidate]) -> list[Candidate]:
        """"Hungarian and Romanian officials": the first country shares the second one's agent."""
        out = list(cands)
        for n in range(len(out) - 1):
            a, b = out[n], out[n + 1]
            if (a.person and a.named and a.actor.country is None and b.entry_kind in ("country", "capital")
                    and b.start == a.end + 1 and self.keys[a.end] == "of"):
                # "Foreign Minister Ana Lopez of Peru": the country follows the name
                country = b.actor.country
                out[n] = replace(a, actor=replace(a.actor, country=country, code=code_of(country, a.actor.sector)))
                continue
            if (a.entry_kind == "country" and a.actor.sector is None and b.actor.sector and b.entry_kind == "country"
                    and not b.person and b.start == a.end + 1 and self.keys[a.end] in ("and", "or", ",")):
                actor = replace(a.actor, sector=b.actor.sector, code=code_of(a.actor.country, b.actor.sector))
                out[n] = replace(a, actor=actor, evidence=b.evidence)
        return out

    def _appositions(self, cands: list[Candidate]) -> list[Candidate]:
        """"Sergei Lavrov, the Russian foreign minister," and the reverse: the name takes the title's reading."""
        out = list(cands)
        for idx, c in enumerate(cands):
            if not (c.title_only and c.actor.country):
                continue
            s = c.start - (1 if c.start and self.keys[c.start - 1] in DETERMINERS else 0)
            if s >= 2 and self.keys[s - 1] == "," and self._name_before(out, cands, idx, s):
                continue
            self._name_after(out, cands, idx)
        out.sort(key=lambda c: c.start)
        return out

    def _name_before(self, out: list[Candidate], cands: list[Candidate], idx: int, s: int) -> bool:
        """"X, the Russian foreign minister": the name before the comma at ``s - 1`` takes the title (a
        named person's mention, or capitalised words no mention holds, added); True if one did."""
        c = cands[idx]
        prev = cands[idx - 1] if idx else None
        if prev is not None and prev.end == s - 1 and prev.person and prev.named:
            out[out.index(prev)] = self._merge(prev, c)
            out[out.index(c)] = replace(c, actor=replace(self._merge(prev, c).actor, text=c.actor.text),
                                        evidence="apposition")
            return True
        if prev is not None and prev.end >= s - 1:
            return False
        q = self._bare_name_start(s - 1)
        if q < s - 1 and (prev is None or prev.end <= q):
            text = self._text(q, s - 1)
            name = Candidate(q, s - 1, Actor(text=text, name=text), "name", person=True, named=True)
            out.insert(out.index(c), self._merge(name, c))
            return True
        return False

    def _bare_name_start(self, end: int) -> int:
        """Start of the capitalised words (at most four, none a dictionary name) that end at ``end``."""
        q = end
        while q > 0 and end - q < 4 and self.caps[q - 1] and self._is_word(q - 1) \
                and self.keys[q - 1] not in NOT_NAME and self.entity(q - 1)[1] is None:
            q -= 1
        return q

    def _name_after(self, out: list[Candidate], cands: list[Candidate], idx: int) -> None:
        """"the Russian foreign minister, Sergei Lavrov,": the named person after the comma takes the
        title."""
        c = cands[idx]
        e = c.end
        if e + 1 < len(self.keys) and self.keys[e] == ",":
            nxt = cands[idx + 1] if idx + 1 < len(cands) else None
            if nxt is not None and nxt.start == e + 1 and nxt.person and nxt.named:
                out[out.index(nxt)] = self._merge(nxt, c)

    @staticmethod
    def _merge(name: Candidate, title: Candidate) -> Candidate:
        """The name's mention with the title's country, sector and role (evidence "apposition")."""
        t = title.actor
        a = name.actor
        actor = Actor(text=a.text, name=a.name, code=code_of(t.country, t.sector), country=t.country,
                      sector=t.sector, role=t.role, wikidata=a.wikidata)
        return replace(name, actor=actor, evidence="apposition")
