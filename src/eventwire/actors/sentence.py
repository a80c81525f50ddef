"""Actor mentions in one tokenised sentence, from surface tokens only (no POS, no parse).

The reading, left to right (longest match wins, mentions never overlap):

* ``[Country|capital|IGO]['s] [modifiers/capitalised org words…] [title|agent] [Name]`` is ONE mention:
  "Russian Security Council Secretary Sergei Shoigu" → RUS/GOV/"Security Council Secretary";
  "Iraqi police" → IRQ/COP; "DPRK's state media KCNA" → PRK/JRN.
* ``[title] [Name]`` without a country ("Defense Minister Lee Jun") and bare agents ("police", "the minister").
* dictionary names: countries, capitals as metonyms, organisations, outlets, people (date-bounded codes).
* "X, the Russian foreign minister," and "the Russian foreign minister, X," (apposition).
* "the head of Iran's nuclear agency" (title *of* an organisation).
* placeholders the article-level pass resolves: groups ("the two countries") and "the country".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from spacy.attrs import IDX, ORTH, SPACY

from ..models import Actor
from ..vocabulary import words
from .candidate import Candidate, actor_from_entry, code_of
from .lexicon import EntityAlias, Entry, Lexicon
from .orgs import OrganisationNames
from .titles import (
    CONNECTORS,
    COUNTRY_ANAPHORS,
    FORCE_ACTS,
    GROUP_PHRASES,
    HONORIFICS,
    MODIFIERS,
    NAME_PARTICLES,
    NOT_NAME,
    ORG_TAILS,
    PERSON_TITLE_HEADS,
    RANK_ADJECTIVES,
    org_sector,
    with_plurals,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The reader's word classes (data/lexicon/actors.toml), bound once: the reader looks them up per token.
# Agents that are mostly adjectives before a noun ("military campaign"; "security forces" is handled as
# one agent phrase). Alone before a lower-case noun they are not an actor.
ADJECTIVAL_AGENTS = words("actors_titles.adjectival_agents")
# Words that may follow an agent noun without making it an adjective: verbs and function words.
AFTER_NOUN = words("actors_reader.after_noun")
# Verbs in the present tense that follow a person as subject ("the general denies …"); a plural noun after a
# rank word is no verb ("general elections")
PRESENT_VERBS = words("actors_reader.present_verbs")
# Nouns of force after an agent word: the agent is the doer ("police firing", "army shelling"), not an adjective.
MEANS_AFTER_AGENT = with_plurals(FORCE_ACTS)
# Lower-case words that are titles only when capitalised before a name or after a country.
AMBIGUOUS_LOWER = words("actors_titles.ambiguous_lower")
DETERMINERS = words("actors_reader.determiners")
POSSESSIVE = frozenset({"'s", "'"})
_SPECIAL_FIRST = frozenset(p[0] for p in (*GROUP_PHRASES, *COUNTRY_ANAPHORS))
# lower-case words that may begin a mention without beginning a dictionary phrase
# a lower-case particle may begin a name whose next word has the capital ("al-Qaeda", "al-Shabaab")
_NAME_PREFIXES = words("actors_names.prefixes")
_LOWER_STARTERS = MODIFIERS | HONORIFICS | _SPECIAL_FIRST | _NAME_PREFIXES
ATTITUDE_PREFIXES = frozenset({"pro", "anti"})
PATRON_PARTICIPLES = words("actors_reader.patron_participles")
# Bodies a leader's name may head: "the Trudeau government", "the Biden administration", "the Assad regime".
LEADER_BODIES = frozenset({"government", "administration", "regime", "cabinet"})
SPEAKS_FOR = words("actors_reader.speaks_for")
HEAD_OF = words("actors_reader.head_of")


@dataclass
class SentenceReader(OrganisationNames):
    """Reads one sentence's Doc. Built per sentence; holds no state between sentences."""

    lex: Lexicon
    doc: Doc
    day: date | None
    texts: list[str] = field(init=False)
    idx: list[int] = field(init=False)
    text: str = field(init=False)
    keys: list[str] = field(init=False)
    caps: list[bool] = field(init=False)

    def __post_init__(self) -> None:
        # token texts through the ORTH array: building a Token object per token costs more than the reading
        strings = self.doc.vocab.strings
        rows = self.doc.to_array([ORTH, IDX, SPACY]).tolist() if len(self.doc) else []
        self.texts = [strings[r[0]] for r in rows]
        self.idx = [r[1] for r in rows]  # character offsets of the tokens in the sentence
        self.text = "".join(t + " " if r[2] else t for t, r in zip(self.texts, rows))  # == doc.text
        fold_ = self.lex.fold
        self.keys = [fold_(t) for t in self.texts]
        # an upper-case first character is a cased letter, so the token has a letter
        self.caps = [t[:1].isupper() for t in self.texts]
        # an all-lower-case sentence (some feeds lower-case everything): names cannot be told by case, so
        # dictionary names match without it (acronyms still need their case: "us" is never the US)
        self.lowercased = self.text == self.text.lower()
        self._ent: dict[int, tuple[int, Entry | None]] = {}
        self._agent: dict[int, tuple[int, str | None, str]] = {}

    # -- lookups
    def entity(self, i: int) -> tuple[int, Entry | None]:
        """Longest dictionary name starting at token ``i`` whose case fits (cached)."""
        if i in self._ent:
            return self._ent[i]
        found: tuple[int, Entry | None] = self._led(i) if self.keys[i].endswith("-led") else (0, None)
        table = self.lex.entities
        size = len(self.keys)
        for n in table.lengths.get(self.keys[i], ()):
            if i + n > size:
                continue
            values = table.table.get(tuple(self.keys[i:i + n]))
            if not values:
                continue
            for v in values:
                assert isinstance(v, EntityAlias)
                if v.exact is not None:
                    if tuple(self.texts[i:i + n]) == v.exact:
                        found = (n, v.entry)
                        break
                elif self.caps[i] or self.texts[i][:1].isdigit() or (
                        self.lowercased and (n > 1 or v.entry.kind in ("country", "capital"))) or (
                        n > 2 and self.keys[i] in _NAME_PREFIXES and self.keys[i + 1] == "-" and self.caps[i + 2]):
                    found = (n, v.entry)
                    break
            if found[1] is not None:
                break
        self._ent[i] = found
        return found

    def _led(self, i: int) -> tuple[int, Entry | None]:
        """"U.S.-led" (one token): the leading state, as "Saudi-led" is read in three tokens."""
        key = self.keys[i]
        if len(key) < 6:
            return 0, None
        text = self.texts[i][:-4]
        for v in self.lex.entities.table.get((key[:-4],), ()):
            assert isinstance(v, EntityAlias)
            if v.entry.kind in ("country", "capital") and (v.exact is None and self.caps[i] or v.exact == (text,)):
                return 1, v.entry
        return 0, None

    def agent(self, i: int, limit: int | None = None) -> tuple[int, str | None, str]:
        """Longest agent/title phrase at ``i``: (length, sector, source) or (0, None, "")."""
        if limit is None and i in self._agent:
            return self._agent[i]
        n, values = self.lex.agents.longest(self.keys, i, limit)
        out: tuple[int, str | None, str] = (n, values[0][1], values[0][0]) if values else (0, None, "")  # type: ignore[index]
        if limit is None:
            self._agent[i] = out
        return out

    def _is_word(self, i: int) -> bool:
        return any(c.isalpha() for c in self.texts[i])

    def _prefix_entity(self, entry: Entry | None) -> bool:
        return entry is not None and entry.kind != "person"

    # -- the title run
    def run_end(self, i: int, absorb_orgs: bool = True) -> int:
        """End of the run of title/org/name tokens starting at ``i``.

        After a country, organisation names are part of the title ("Russian *Security Council* Secretary");
        without one, a name starts its own mention ("rebel | Kurdistan Workers' Party").
        """
        n = len(self.keys)
        j = i
        stop_kinds = ("country", "capital", "user") if absorb_orgs else ("country", "capital", "org", "media", "user")
        while j < n:
            k = self.keys[j]
            if j > i:
                length, entry = self.entity(j)
                if entry is not None and entry.kind in stop_kinds and not (
                    self.agent(j)[0] >= length
                ):
                    break
            a_len, _, _ = self.agent(j)
            if a_len and (self.caps[j] or k not in AMBIGUOUS_LOWER or j > i):
                j += a_len
                continue
            if self.caps[j] and self._is_word(j) and k not in NOT_NAME:
                j += 1
                continue
            if k in MODIFIERS:
                j += 1
                continue
            if k == "-" and j > i and self.caps[j - 1] and j + 1 < n and self.texts[j + 1].isalpha():
                j += 2  # "Jun-ho", "Al-Sudani": a hyphenated name
                continue
            if k == "and" and j > i and j + 1 < n and self._agent_before(i, j) and self._other_actor(j + 1):
                break  # "Colombian government and FARC rebels": a second actor, not one body's name
            if j > i and j + 1 < n and (
                (k in CONNECTORS and self.caps[j + 1])
                or (k in NAME_PARTICLES and (self.caps[j + 1] or (self.keys[j + 1] == "-" and j + 2 < n
                                                                   and self.caps[j + 2])))
            ):
                j += 1
                continue
            break
        while j > i and (self.keys[j - 1] in CONNECTORS or self.keys[j - 1] in NAME_PARTICLES):
            j -= 1
        return j

    def _agent_before(self, s: int, e: int) -> bool:
        """The run ``[s, e)`` ends with an agent or title word ("… government", "… police")."""
        return any(self.agent(p, limit=e)[0] == e - p for p in range(s, e))

    def _other_actor(self, j: int) -> bool:
        """A dictionary organisation, outlet or person starts at ``j`` (an actor of its own)."""
        length, entry = self.entity(j)
        return entry is not None and entry.kind in ("org", "media", "person") and length > 0

    def split_run(self, s: int, e: int) -> tuple[int, str | None, bool, int]:
        """(end of the title part, sector, person title?, end of the name part) of run ``[s, e)``."""
        last_end, sector, person = s, None, False
        p = s
        while p < e:
            n, sec, _ = self.agent(p, limit=e)
            if n:
                last_end, sector = p + n, sec
                person = self.keys[p + n - 1] in PERSON_TITLE_HEADS
                p += n
                # a person title followed by a capitalised non-title word: the name starts there
                # ("Prime Minister Mohammed Shia al-Sudani": "Shia" is then part of the name)
                if person and p < e and self.caps[p] and not self.agent(p, limit=e)[0]:
                    break
            else:
                p += 1
        if sector is None:
            return s, None, False, s
        if not person:
            # after a group noun ("students", "state media") only a dictionary name follows as a name
            # ("KCNA"); other capitalised words make the whole run an organisation's name
            length, entry = self.entity(last_end) if last_end < e else (0, None)
            if entry is not None and last_end + length <= e:
                return last_end, sector, person, last_end + length
            if last_end < e and all(self.caps[t] or self.keys[t] in CONNECTORS for t in range(s, e)):
                return e, sector, person, e
            return last_end, sector, person, last_end
        q = last_end
        while q < e and q - last_end < 7 and (
            (self.caps[q] and self._is_word(q) and self.keys[q] not in NOT_NAME)
            or (self.keys[q] in NAME_PARTICLES and q + 1 < e)
            or (q > last_end and self.keys[q - 1] == "-" and self.texts[q].isalpha())
        ):
            q += 1
        while q > last_end and self.keys[q - 1] in NAME_PARTICLES:
            q -= 1
        return last_end, sector, person, q

    def _adjectival(self, s: int, title_end: int) -> bool:
        """A lone agent word used as an adjective: "military campaign", "security situation"."""
        if title_end - s != 1 or self.caps[s]:
            return False
        if self.keys[s] not in ADJECTIVAL_AGENTS:
            return False
        if title_end >= len(self.keys):
            return False
        nxt = self.keys[title_end]
        if nxt in MEANS_AFTER_AGENT:
            return False  # "police firing", "army shelling", "rebel attack": the agent did the act
        return nxt.isalpha() and not self.caps[title_end] and nxt not in AFTER_NOUN and not nxt.endswith("ed")

    def _rank_adjective(self, s: int, title_end: int, name_end: int) -> bool:
        """A lone lower-case rank word used as an adjective: "a general strike", "the general election",
        "Kenya's general elections" (not "the general said", "the general ordered", "the general
        secretary": a verb, a function word or a title follows those)."""
        if title_end - s != 1 or name_end > title_end or self.caps[s] or self.keys[s] not in RANK_ADJECTIVES:
            return False
        if title_end >= len(self.keys):
            return False
        nxt = self.keys[title_end]
        return (self.texts[title_end].isalpha() and not self.caps[title_end] and nxt not in AFTER_NOUN
                and nxt not in PRESENT_VERBS and not nxt.endswith("ed") and not self.agent(title_end)[0])

    # -- main
    def read(self) -> list[Candidate]:
        out: list[Candidate] = []
        n = len(self.keys)
        keys, caps = self.keys, self.caps
        starters = self.lex.starters if self.lowercased else self.lex.cased_starters
        i = 0
        while i < n:
            k = keys[i]
            if not caps[i] and k not in starters and k not in _LOWER_STARTERS and not k[:1].isdigit():
                i += 1  # a lower-case word that begins no phrase we know (most of a sentence)
                continue
            special = self._special(i) if k in _SPECIAL_FIRST else None
            if special is not None:
                out.append(special)
                i = special.end
                continue
            length, entry = self.entity(i)
            if entry is not None and self._first_name(i, length, entry):
                entry = None  # "Doris Meissner", "Jordan Peterson": a person, not a place
            if entry is not None and entry.kind in ("country", "capital") and self._attitude(i, length):
                i += length  # "pro-Russian", "Iranian-backed": a stance or a patron, not the actor
                continue
            if entry is not None and self._prefix_entity(entry):
                start = i
                cand, i = self._from_prefix(i, length, entry)
                if self._former_state(start, entry):
                    if cand.actor.sector is None:
                        continue  # "the former Soviet republics", "the former Yugoslavia": no state of today
                    if cand.person:  # "former Soviet leader Mikhail Gorbachev": a former official
                        cand = replace(cand, actor=replace(cand.actor, sector="ELI",
                                                           code=code_of(cand.actor.country, "ELI")))
                if cand.evidence != "ethnic-group" or cand.actor.sector is not None:
                    out.append(cand)  # ("ethnic Albanian villages": no actor once the country goes)
                continue
            if entry is not None:  # a person from the dictionaries
                body = self._leader_body(i + length)
                if body:  # "the Trudeau government", "the Biden administration": the state's government
                    out.append(self._led_body(i, i + length + body, entry))
                    i += length + body
                    continue
                cand = Candidate(i, i + length, actor_from_entry(entry, self._text(i, i + length), self.day),
                                 entry.source, person=True, named=True, entry_kind=entry.kind)
                out.append(self._titled_alias(cand))
                i += length
                continue
            found, nxt = self._from_run(i)
            if found is not None:
                out.append(found)
                i = nxt
                continue
            org = self._org_name(i)
            if org is not None:
                out.append(org)
                i = org.end
                continue
            unknown = self._unknown_person(i) if caps[i] or k in HONORIFICS else None
            if unknown is not None:
                out.append(unknown)
                i = unknown.end
                continue
            i += 1
        out = self._coordinated(self._head_of(out))
        return self._appositions(out)

    def _attitude(self, i: int, length: int) -> bool:
        """A state named as a stance or a patron of the actor, not as the actor: "pro-Russian
        separatists", "anti-American protesters", "Iranian-backed militias" (the separatists are not
        Russia's, the militias not Iran's; "Saudi-led" is read as the leader, see ``_from_prefix``)."""
        j = i + length
        if i >= 2 and self.keys[i - 1] == "-" and self.keys[i - 2] in ATTITUDE_PREFIXES:
            return True
        return j + 1 < len(self.keys) and self.keys[j] == "-" and self.keys[j + 1] in PATRON_PARTICIPLES

    def _former_state(self, i: int, entry: Entry) -> bool:
        """A state word after "former"/"ex-": a state or a region that is no more ("the former Soviet
        Union", "ex-Yugoslav republics")."""
        if entry.kind not in ("country", "capital") or i == 0:
            return False
        before = self.keys[i - 1]
        return before in ("former", "ex") or (before == "-" and i >= 2 and self.keys[i - 2] == "ex")

    def _first_name(self, i: int, length: int, entry: Entry) -> bool:
        """A one-word place name that is also a first name, followed by a capitalised word."""
        nxt = i + length
        return (length == 1 and entry.kind in ("country", "capital") and self.keys[i] in self.lex.given_names
                and nxt < len(self.keys) and self.caps[nxt] and self._is_word(nxt)
                and self.entity(nxt)[1] is None and not self.agent(nxt)[0])

    def _leader_body(self, j: int) -> int:
        """Length of a government word at ``j`` that a leader's name may head ("government", "regime")."""
        return 1 if j < len(self.keys) and self.keys[j] in LEADER_BODIES else 0

    def _led_body(self, s: int, e: int, entry: Entry) -> Candidate:
        """"the Trudeau government": the body the person leads, with the person's country (GOV)."""
        person = actor_from_entry(entry, self._text(s, e - 1), self.day)
        text = self._text(s, e)
        actor = Actor(text=text, code=code_of(person.country, "GOV"), country=person.country, sector="GOV")
        return Candidate(s, e, actor, f"{entry.source}+agent", entry_kind=entry.kind)

    def _titled_alias(self, cand: Candidate) -> Candidate:
        """A dictionary alias that starts with a title ("President Obama"): the text's title is the role."""
        n, sector, _ = self.agent(cand.start, limit=cand.end)
        if not n or n >= cand.end - cand.start or self.keys[cand.start + n - 1] not in PERSON_TITLE_HEADS:
            return cand
        a = cand.actor
        role = self._text(cand.start, cand.start + n)
        return replace(cand, actor=replace(a, sector=sector, code=code_of(a.country, sector), role=role),
                       evidence="title")

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

    def _text(self, s: int, e: int) -> str:
        """The text of tokens ``[s, e)`` (as ``doc[s:e].text``, without building a Span)."""
        if e <= s:
            return ""
        return self.text[self.idx[s]:self.idx[e - 1] + len(self.texts[e - 1])]

    def _special(self, i: int) -> Candidate | None:
        if self.keys[i] not in _SPECIAL_FIRST:
            return None
        for phrase in GROUP_PHRASES:
            if tuple(self.keys[i:i + len(phrase)]) == phrase:
                text = self._text(i, i + len(phrase))
                return Candidate(i, i + len(phrase), Actor(text=text), "group", placeholder="group")
        for phrase in COUNTRY_ANAPHORS:
            if tuple(self.keys[i:i + len(phrase)]) == phrase:
                text = self._text(i, i + len(phrase))
                return Candidate(i, i + len(phrase), Actor(text=text), "coref:country", placeholder="country")
        return None

    def _from_prefix(self, i: int, length: int, entry: Entry) -> tuple[Candidate, int]:
        """A country/capital/organisation, alone or heading a title compound."""
        base = actor_from_entry(entry, self._text(i, i + length), self.day)
        state = entry.kind in ("country", "capital")
        # "ethnic Albanians", "ethnic Serb leaders": a people, not the state that shares its name (PLOVER
        # codes such groups where they live; the sentence may tell, see coref._sentence_country)
        ethnic = state and i > 0 and self.keys[i - 1] == "ethnic"
        n = len(self.keys)
        j = i + length
        if j < n and self.keys[j] in POSSESSIVE:
            j += 1
        elif state and j + 1 < n and self.keys[j] == "-" and self.keys[j + 1] in ("led", "based"):
            # "Vietnamese-led forces": the leading state's forces (not "-backed": a patron); "a Pakistan-based
            # group": the group of the state it is based in
            j += 2
        run_e = self.run_end(j) if j < n else j
        if run_e < n and self.keys[run_e] in ORG_TAILS and run_e > j and all(self.caps[j:run_e]):
            run_e += 1  # "Palestinian Islamic Jihad movement"
        title_end, sector, person, name_end = self.split_run(j, run_e) if run_e > j else (j, None, False, j)
        org = self._org_words(j, run_e) if not person else None
        if org is not None:
            # "Nigerian Union of Teachers": an organisation of that country; its name states the sector
            title_end = name_end = run_e
            sector = org_sector(self.keys[j:run_e], True) or self._inner_org_sector(j, run_e) or sector
            actor = Actor(text=self._text(i, run_e), name=self._text(i, run_e), code=code_of(base.country, sector),
                          country=base.country, sector=sector)
            cand = Candidate(i, run_e, actor, f"{entry.source}+organisation", named=True, entry_kind=entry.kind)
            return self._ethnic(cand) if ethnic else cand, run_e
        if sector is not None and self._rank_adjective(j, title_end, name_end):
            sector = None  # "Kenya's general election", "the Nigerian general strike": the state alone
        if sector is None:  # after a country an agent word is read as the agent ("Turkish government provide")
            plain = Candidate(i, i + length, base, entry.source, entry_kind=entry.kind,
                              named=entry.kind in ("org", "media", "user"))
            return self._ethnic(plain) if ethnic else plain, i + length
        end = max(title_end, name_end)
        title = self._text(j, title_end)
        if self.keys[j] == "former":
            sector = "ELI"
        elif base.sector and not person and entry.kind in ("org", "media", "user"):
            sector = base.sector  # "Hezbollah fighters", "Ithilen military officials": the body's own sector
        elif not person and state:
            sector = self._inner_org_sector(j, title_end) or sector  # "Palestinian Islamic Jihad": the group's
        named_actor = self._named(title_end, name_end)
        country = base.country or (named_actor.country if named_actor else None)
        if named_actor is not None:
            name: str | None = named_actor.name
        elif person:
            name = None
        elif all(self.caps[j:title_end]):
            name = self._text(i, title_end)  # "Russian Security Council": the body's own name
        else:
            name = entry.name if entry.kind in ("org", "media", "user") else None  # "Hezbollah fighters"
        actor = Actor(
            text=self._text(i, end),
            name=name,
            code=code_of(country, sector),
            country=country,
            sector=sector,
            role=title if person else None,
            wikidata=named_actor.wikidata if named_actor else None,
        )
        evidence = "title" if person else f"{entry.source}+agent"
        cand = Candidate(i, end, actor, evidence, person=person, named=name_end > title_end,
                         title_only=person and name_end == title_end, entry_kind=entry.kind)
        return self._ethnic(cand) if ethnic else cand, end

    def _ethnic(self, cand: Candidate) -> Candidate:
        """An "ethnic X" mention: the state's code goes, the group (and its agent, if any) stays."""
        a = cand.actor
        actor = replace(a, country=None, code=None, name=a.name if cand.named and not cand.person else None)
        return replace(cand, start=cand.start - 1, actor=replace(actor, text=self._text(cand.start - 1, cand.end)),
                       evidence="ethnic-group", entry_kind=None)

    def _named(self, s: int, e: int) -> Actor | None:
        """The name after a title: a dictionary entry when it is one, else the words themselves."""
        if e <= s:
            return None
        length, entry = self.entity(s)
        text = self._text(s, e)
        if entry is not None and length == e - s:
            return actor_from_entry(entry, text, self.day)
        if e - s >= 2:
            # "Foreign Minister Javad Zarif": a name we know only in another form, by its surname alias (an
            # alias the data gives one person alone)
            last_len, last = self.entity(e - 1)
            if last is not None and last.kind == "person" and last_len == 1:
                return replace(actor_from_entry(last, text, self.day), text=text)
        return Actor(text=text, name=text)

    def _from_run(self, i: int) -> tuple[Candidate | None, int]:
        """A title or agent without a country before it ("President Donald Trump", "police")."""
        k = self.keys[i]
        if not (self.caps[i] or self.agent(i)[0] or k in MODIFIERS):
            return None, i
        run_e = self.run_end(i, absorb_orgs=False)
        if run_e <= i:
            return None, i
        title_end, sector, person, name_end = self.split_run(i, run_e)
        if sector is None or self._adjectival(i, title_end) or self._rank_adjective(i, title_end, name_end):
            return None, i
        if any(self.agent(p)[2] == "country-only" and p + self.agent(p)[0] == title_end for p in range(i, title_end)):
            return None, i  # "(Rescue) operations", "tanks" headed by no country: not an actor
        if (title_end - i == 1 and name_end == title_end and not self.caps[i] and k in ADJECTIVAL_AGENTS
                and title_end < len(self.keys) and self._prefix_entity(self.entity(title_end)[1])):
            return None, i  # "rebel Kurdistan Workers' Party", "official Syrian newspaper": an adjective
        if not person and title_end - i >= 2 and self._org_words(i, run_e) is not None:
            org = self._org_name(i)  # "Association of African Jurists": read as an organisation's name
            if org is not None and org.end >= title_end:
                if org.actor.sector is None:
                    org = replace(org, actor=replace(org.actor, sector=sector,
                                                     code=code_of(org.actor.country, sector)))
                return org, org.end
        title_s = i
        if not self.caps[i] and title_end - i == 1 and k in AMBIGUOUS_LOWER and name_end == title_end:
            before = self.keys[i - 1] if i else ""
            if before not in DETERMINERS:
                return None, i
        if k == "former":
            sector = "ELI"
        named_actor = self._named(title_end, name_end)
        title = self._text(title_s, title_end)
        end = max(name_end, title_end)
        det = self.keys[i - 1] if i and self.keys[i - 1] in DETERMINERS else None
        if named_actor is not None:
            actor = Actor(text=self._text(i, end), name=named_actor.name, code=code_of(named_actor.country, sector),
                          country=named_actor.country, sector=sector, role=title if person else None,
                          wikidata=named_actor.wikidata)
            return Candidate(i, end, actor, "title", person=True, named=True), end
        # "National Students Federation" (not a sentence-initial "Officials" or "Senior officials")
        org_name = title if not person and title_end - i >= 2 and all(self.caps[i:title_end]) else None
        actor = Actor(text=title, name=org_name, sector=sector, role=title if person else None)
        return Candidate(i, end, actor, "agent" if not person else "title", person=person, generic=True,
                         determiner=det, title_only=person), end

    def _unknown_person(self, i: int) -> Candidate | None:
        """A given name followed by capitalised words: a person we have no entry for (code stays None)."""
        given = self.caps[i] and self.keys[i] in self.lex.given_names
        honorific = self.keys[i] in HONORIFICS and i + 1 < len(self.keys) and self.caps[i + 1]
        if not (given or honorific):
            return None
        j = i + 1
        while j < len(self.keys) and j - i < 4 and self.caps[j] and self._is_word(j) \
                and self.keys[j] not in NOT_NAME and self.entity(j)[1] is None and not self.agent(j)[0]:
            j += 1
        if j == i + 1:
            return None
        s = i + 1 if self.keys[i] in HONORIFICS else i
        text = self._text(s, j)
        return Candidate(s, j, Actor(text=text, name=text), "name", person=True, named=True)

    def _head_of(self, cands: list[Candidate]) -> list[Candidate]:
        """"the head of Iran's nuclear agency" → one mention, the organisation's country, a role."""
        out: list[Candidate] = []
        for c in cands:
            s = c.start
            if (c.actor.country and s >= 2 and self.keys[s - 1] in {"of", "for", "the"}):
                of = s - 1 if self.keys[s - 1] in ("of", "for") else s - 2
                # "the head of Iran's agency", "a spokesman for the Kenyan police" (who speaks *for* a body)
                if of >= 1 and (self.keys[of] == "of" and self.keys[of - 1] in HEAD_OF
                                or self.keys[of] == "for" and self.keys[of - 1] in SPEAKS_FOR):
                    t = of - 1
                    while t > 0 and self.keys[t - 1] in MODIFIERS:
                        t -= 1
                    if out and out[-1].end > t:
                        if out[-1].start < t or not out[-1].generic:
                            out.append(c)
                            continue
                        out.pop()
                    text = self._text(t, c.end)
                    sector = c.actor.sector if c.actor.sector not in (None, "GOV") and not c.person else "GOV"
                    actor = Actor(text=text, code=code_of(c.actor.country, sector), country=c.actor.country,
                                  sector=sector, role=text)
                    out.append(Candidate(t, c.end, actor, "title", person=True, title_only=True))
                    continue
            out.append(c)
        return out

    def _appositions(self, cands: list[Candidate]) -> list[Candidate]:
        """"Sergei Lavrov, the Russian foreign minister," and the reverse: the name takes the title's reading."""
        out = list(cands)
        for idx, c in enumerate(cands):
            if not (c.title_only and c.actor.country):
                continue
            s = c.start - (1 if c.start and self.keys[c.start - 1] in DETERMINERS else 0)
            # name before: "X, the Russian foreign minister"
            if s >= 2 and self.keys[s - 1] == ",":
                prev = cands[idx - 1] if idx else None
                if prev is not None and prev.end == s - 1 and prev.person and prev.named:
                    out[out.index(prev)] = self._merge(prev, c)
                    out[out.index(c)] = replace(c, actor=replace(self._merge(prev, c).actor, text=c.actor.text),
                                                evidence="apposition")
                    continue
                if prev is None or prev.end < s - 1:
                    q = s - 1
                    while q > 0 and s - 1 - q < 4 and self.caps[q - 1] and self._is_word(q - 1) \
                            and self.keys[q - 1] not in NOT_NAME and self.entity(q - 1)[1] is None:
                        q -= 1
                    if q < s - 1 and (prev is None or prev.end <= q):
                        text = self._text(q, s - 1)
                        name = Candidate(q, s - 1, Actor(text=text, name=text), "name", person=True, named=True)
                        out.insert(out.index(c), self._merge(name, c))
                        continue
            # name after: "the Russian foreign minister, Sergei Lavrov,"
            e = c.end
            if e + 1 < len(self.keys) and self.keys[e] == ",":
                nxt = cands[idx + 1] if idx + 1 < len(cands) else None
                if nxt is not None and nxt.start == e + 1 and nxt.person and nxt.named:
                    out[out.index(nxt)] = self._merge(nxt, c)
        out.sort(key=lambda c: c.start)
        return out

    @staticmethod
    def _merge(name: Candidate, title: Candidate) -> Candidate:
        t = title.actor
        a = name.actor
        actor = Actor(text=a.text, name=a.name, code=code_of(t.country, t.sector), country=t.country,
                      sector=t.sector, role=t.role, wikidata=a.wikidata)
        return replace(name, actor=actor, evidence="apposition")
