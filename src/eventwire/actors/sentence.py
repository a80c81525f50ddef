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
from .appositions import DETERMINERS, Appositions
from .candidate import Candidate, actor_from_entry, code_of
from .lexicon import EntityAlias, Entry, Lexicon
from .orgs import OrganisationNames
from .runs import AMBIGUOUS_LOWER, TitleRuns
from .titles import (
    COUNTRY_ANAPHORS,
    FORCE_ACTS,
    GROUP_PHRASES,
    HONORIFICS,
    MODIFIERS,
    NOT_NAME,
    ORG_TAILS,
    PERSON_TITLE_HEADS,
    PLOVER_NONSTATE,
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
SENIORITY = words("actors_titles.seniority")
# Words that may follow an agent noun without making it an adjective: verbs and function words.
AFTER_NOUN = words("actors_reader.after_noun")
# Verbs in the present tense that follow a person as subject ("the general denies …"); a plural noun after a
# rank word is no verb ("general elections")
PRESENT_VERBS = words("actors_reader.present_verbs")
# capitalised words that make a region of a state's name ("Latin America", "South American countries", "North
# American leaders"); a name they begin that the dictionaries know ("South Korea", "North Macedonia") is read whole
REGION_PREFIXES = words("actors_reader.region_prefixes")
# a state's name that is also a continent's ("America"): after a region word it names the region
CONTINENT_NAMES = words("actors_reader.continent_names")
# Nouns of force after an agent word: the agent is the doer ("police firing", "army shelling"), not an adjective.
MEANS_AFTER_AGENT = with_plurals(FORCE_ACTS)
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
# sectors of non-state groups whose officials are the group's, not a government's (upper case, as codes are)
NONSTATE_GROUP_SECTORS = frozenset(w.upper() for w in words("actors_reader.nonstate_group_sectors"))


@dataclass
class SentenceReader(TitleRuns, OrganisationNames, Appositions):
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
            entry = self._fitting_alias(i, n, values)
            if entry is not None:
                found = (n, entry)
                break
            if found[1] is not None:
                break  # "U.S.-led" read as its state, and no longer name fits
        self._ent[i] = found
        return found

    def _fitting_alias(self, i: int, n: int, values: list[object]) -> Entry | None:
        """The entry of the first alias of ``values`` whose case fits the ``n`` tokens at ``i``."""
        for v in values:
            assert isinstance(v, EntityAlias)
            if self._case_fits(i, n, v):
                return v.entry
        return None

    def _case_fits(self, i: int, n: int, alias: EntityAlias) -> bool:
        """An exact alias ("US") matches only its own case; others need a capital or a digit, or a
        lower-cased sentence (a one-word alias only for a country or capital there), or an "al-" name."""
        if alias.exact is not None:
            return tuple(self.texts[i:i + n]) == alias.exact
        return (self.caps[i] or self.texts[i][:1].isdigit()
                or (self.lowercased and (n > 1 or alias.entry.kind in ("country", "capital")))
                or (n > 2 and self.keys[i] in _NAME_PREFIXES and self.keys[i + 1] == "-" and self.caps[i + 2]))

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

    # -- a lone agent word as an adjective
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
        """The sentence's candidates, left to right, then the passes over them: "the head of X", coordinated
        countries, appositions."""
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
            cand, i = self._read_at(i)
            if cand is not None:
                out.append(cand)
        out = self._coordinated(self._head_of(out))
        return self._appositions(out)

    def _read_at(self, i: int) -> tuple[Candidate | None, int]:
        """The mention that starts at token ``i`` (or None) and where reading goes on."""
        special = self._special(i) if self.keys[i] in _SPECIAL_FIRST else None
        if special is not None:
            return special, special.end
        length, entry = self.entity(i)
        if entry is not None and self._first_name(i, length, entry):
            entry = None  # "Doris Meissner", "Jordan Peterson": a person, not a place
        if entry is None:
            return self._read_unlisted(i)
        if entry.kind in ("country", "capital") and self._attitude(i, length):
            return None, i + length  # "pro-Russian", "Iranian-backed": a stance or a patron, not the actor
        if entry.kind == "country" and i > 0 and self.caps[i - 1] and self.keys[i - 1] in REGION_PREFIXES \
                and self.keys[i] in CONTINENT_NAMES:
            return None, i + length  # "Latin America", "South American countries": a region, not the state
        if self._prefix_entity(entry):
            return self._read_prefix(i, length, entry)
        return self._read_person(i, length, entry)

    def _read_prefix(self, i: int, length: int, entry: Entry) -> tuple[Candidate | None, int]:
        """A state, capital or organisation from the dictionaries, alone or heading a title compound."""
        cand, end = self._from_prefix(i, length, entry)
        if self._former_state(i, entry):
            if cand.actor.sector is None:
                return None, end  # "the former Soviet republics", "the former Yugoslavia": no state of today
            if cand.person:  # "former Soviet leader Mikhail Gorbachev": a former official
                elite = replace(cand.actor, sector="ELI", code=code_of(cand.actor.country, "ELI"))
                cand = replace(cand, actor=elite)
        if cand.evidence == "ethnic-group" and cand.actor.sector is None:
            return None, end  # "ethnic Albanian villages": no actor once the country goes
        return cand, end

    def _read_person(self, i: int, length: int, entry: Entry) -> tuple[Candidate, int]:
        """A person from the dictionaries, or the body a leader's name heads ("the Trudeau government")."""
        body = self._leader_body(i + length)
        if body:  # "the Trudeau government", "the Biden administration": the state's government
            return self._led_body(i, i + length + body, entry), i + length + body
        cand = Candidate(i, i + length, actor_from_entry(entry, self._text(i, i + length), self.day),
                         entry.source, person=True, named=True, entry_kind=entry.kind)
        return self._titled_alias(cand), i + length

    def _read_unlisted(self, i: int) -> tuple[Candidate | None, int]:
        """What no dictionary name starts: a title or agent run, an organisation told by its name, or an
        unknown person's name."""
        found, nxt = self._from_run(i)
        if found is not None:
            return found, nxt
        org = self._org_name(i)
        if org is not None:
            return org, org.end
        unknown = self._unknown_person(i) if self.caps[i] or self.keys[i] in HONORIFICS else None
        if unknown is not None:
            return unknown, unknown.end
        return None, i + 1

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
        j = self._after_prefix(i + length, state)
        run_e = self._prefix_run_end(j)
        seated = self._seated_organisation(j, run_e)
        if seated is not None:
            return seated, seated.end
        title_end, sector, person, name_end = self.split_run(j, run_e) if run_e > j else (j, None, False, j)
        if not person and self._org_words(j, run_e) is not None:
            # "Nigerian Union of Teachers": an organisation of that country; its name states the sector
            return self._with_ethnic(self._prefixed_org(i, j, run_e, base, entry, sector), ethnic), run_e
        if sector is not None and self._rank_adjective(j, title_end, name_end):
            sector = None  # "Kenya's general election", "the Nigerian general strike": the state alone
        if sector is None:  # after a country an agent word is read as the agent ("Turkish government provide")
            plain = Candidate(i, i + length, base, entry.source, entry_kind=entry.kind,
                              named=entry.kind in ("org", "media", "user"))
            return self._with_ethnic(plain, ethnic), i + length
        cand = self._title_compound(i, j, (title_end, sector, person, name_end), base, entry)
        return self._with_ethnic(cand, ethnic), cand.end

    def _after_prefix(self, j: int, state: bool) -> int:
        """Where the title part begins after a prefix ending at ``j``: past a possessive, or past "-led" /
        "-based" after a state ("Vietnamese-led forces": the leading state's forces, not "-backed": a
        patron; "a Pakistan-based group": the group of the state it is based in)."""
        n = len(self.keys)
        if j < n and self.keys[j] in POSSESSIVE:
            return j + 1
        if state and j + 1 < n and self.keys[j] == "-" and self.keys[j + 1] in ("led", "based"):
            return j + 2
        return j

    def _seated_organisation(self, j: int, run_e: int) -> Candidate | None:
        """"The Hague-based International Court of Justice", "London-based Amnesty International": after
        "-based" a name the dictionary knows as an organisation is that organisation; the place only says
        where it sits (a group the dictionary does not know stays the state's: "a Pakistan-based group")."""
        if j < 2 or self.keys[j - 1] != "based" or run_e <= j:
            return None
        length, entry = self.entity(j)
        if entry is None or entry.kind not in ("org", "media") or j + length != run_e:
            return None
        return Candidate(j, run_e, actor_from_entry(entry, self._text(j, run_e), self.day), entry.source,
                         entry_kind=entry.kind, named=True)

    def _prefix_run_end(self, j: int) -> int:
        """End of the title run after a prefix, with a closing lower-case organisation head ("Palestinian
        Islamic Jihad movement")."""
        n = len(self.keys)
        run_e = self.run_end(j) if j < n else j
        while run_e < n and run_e >= j and self.keys[run_e] in AMBIGUOUS_LOWER and self.agent(run_e)[0]:
            # a lower-case title right after a state or body is one ("the UNICEF director", "its executive
            # director", "the Kenyan delegation")
            run_e += self.agent(run_e)[0]
        if run_e < n and self.keys[run_e] in ORG_TAILS and run_e > j and all(self.caps[j:run_e]):
            run_e += 1
        return run_e

    def _prefixed_org(self, i: int, j: int, run_e: int, base: Actor, entry: Entry,
                      sector: str | None) -> Candidate:
        """An organisation named after its country ("Nigerian Union of Teachers"), with the sector its name
        states."""
        sector = org_sector(self.keys[j:run_e], True) or self._inner_org_sector(j, run_e) or sector
        actor = Actor(text=self._text(i, run_e), name=self._text(i, run_e), code=code_of(base.country, sector),
                      country=base.country, sector=sector)
        return Candidate(i, run_e, actor, f"{entry.source}+organisation", named=True, entry_kind=entry.kind)

    def _title_compound(self, i: int, j: int, split: tuple[int, str | None, bool, int], base: Actor,
                        entry: Entry) -> Candidate:
        """"Russian Security Council Secretary Sergei Shoigu", "Iraqi police", "Hezbollah fighters": the
        prefix's country, the title's sector and role, the name's person."""
        title_end, sector, person, name_end = split
        end = max(title_end, name_end)
        title = self._text(j, title_end)
        sector = self._compound_sector(j, title_end, sector, person, base, entry)
        named_actor = self._named(title_end, name_end)
        country = base.country or (named_actor.country if named_actor else None)
        if named_actor is not None and self._formerly_of_a_body(i, base, named_actor):
            # "former NATO chief Anders Fogh Rasmussen": a post left at an international body says less of
            # the person now than the state the dictionary knows them by
            country, sector = named_actor.country, "ELI"
        actor = Actor(
            text=self._text(i, end),
            name=self._compound_name(i, j, title_end, person, named_actor, entry),
            code=code_of(country, sector),
            country=country,
            sector=sector,
            role=title if person else None,
            wikidata=named_actor.wikidata if named_actor else None,
        )
        evidence = "title" if person else f"{entry.source}+agent"
        return Candidate(i, end, actor, evidence, person=person, named=name_end > title_end,
                         title_only=person and name_end == title_end, entry_kind=entry.kind)

    def _formerly_of_a_body(self, i: int, base: Actor, person: Actor) -> bool:
        """Is the title compound at ``i`` a former post ("former", "ex-") at a body of no state, held by a person
        the dictionary places in a state?"""
        k = i - 1
        while k > 0 and self.keys[k] in SENIORITY:  # "former top EU official"
            k -= 1
        former = k >= 0 and i > 0 and (self.keys[k] == "former" or (self.keys[k] == "-" and k > 0
                                                                   and self.keys[k - 1] == "ex"))
        return former and base.country in PLOVER_NONSTATE and person.country not in (None, *PLOVER_NONSTATE)

    def _compound_sector(self, j: int, title_end: int, sector: str | None, person: bool, base: Actor,
                         entry: Entry) -> str | None:
        """The sector of a title compound: ELI after "former"; a body's own sector before its agents
        ("Hezbollah fighters"); a group's named after a state ("Palestinian Islamic Jihad")."""
        if self.keys[j] == "former":
            return "ELI"
        if base.sector and entry.kind in ("org", "media", "user") and (
                not person or base.sector in NONSTATE_GROUP_SECTORS):
            # "Hezbollah fighters", "Ithilen military officials": the body's own sector; and a non-state
            # group's officials are the group's ("Taliban spokesman", "Hamas leader": not a government)
            return base.sector
        if not person and entry.kind in ("country", "capital"):
            return self._inner_org_sector(j, title_end) or sector  # "Palestinian Islamic Jihad": the group's
        return sector

    def _compound_name(self, i: int, j: int, title_end: int, person: bool, named_actor: Actor | None,
                       entry: Entry) -> str | None:
        """The name of a title compound: the person's; none for a title alone; a capitalised body's own
        ("Russian Security Council"); the organisation's before its agents ("Hezbollah fighters")."""
        if named_actor is not None:
            return named_actor.name
        if person:
            return None
        if all(self.caps[j:title_end]):
            return self._text(i, title_end)  # "Russian Security Council": the body's own name
        return entry.name if entry.kind in ("org", "media", "user") else None  # "Hezbollah fighters"

    def _with_ethnic(self, cand: Candidate, ethnic: bool) -> Candidate:
        """``cand`` read as an "ethnic X" mention when ``ethnic``."""
        return self._ethnic(cand) if ethnic else cand

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
        found = self._agent_run(i)
        if found is None:
            return None, i
        run_e, (title_end, sector, person, name_end) = found
        if not person and title_end - i >= 2 and self._org_words(i, run_e) is not None:
            org = self._org_name(i)  # "Association of African Jurists": read as an organisation's name
            if org is not None and org.end >= title_end:
                return self._with_sector(org, sector), org.end
        if self._bare_ambiguous(i, title_end, name_end):
            return None, i
        if self.keys[i] == "former":
            sector = "ELI"
        cand = self._titled_run(i, title_end, sector, person, name_end)
        return cand, cand.end

    def _agent_run(self, i: int) -> tuple[int, tuple[int, str | None, bool, int]] | None:
        """The run at ``i`` and its split when it holds a title or agent that is an actor here (not an
        adjective, not an agent that needs a country)."""
        if not (self.caps[i] or self.agent(i)[0] or self.keys[i] in MODIFIERS):
            return None
        run_e = self.run_end(i, absorb_orgs=False)
        if run_e <= i:
            return None
        split = self.split_run(i, run_e)
        title_end, sector, _, name_end = split
        if sector is None or self._adjectival(i, title_end) or self._rank_adjective(i, title_end, name_end):
            return None
        if self._needs_country(i, title_end):
            return None  # "(Rescue) operations", "tanks" headed by no country: not an actor
        if self._adjective_before_name(i, title_end, name_end):
            return None  # "rebel Kurdistan Workers' Party", "official Syrian newspaper": an adjective
        return run_e, split

    def _needs_country(self, i: int, title_end: int) -> bool:
        """The title part ends with an agent that is an actor only after a country ("operations")."""
        return any(self.agent(p)[2] == "country-only" and p + self.agent(p)[0] == title_end
                   for p in range(i, title_end))

    def _adjective_before_name(self, i: int, title_end: int, name_end: int) -> bool:
        """A lone lower-case adjectival agent word before a dictionary name ("rebel Kurdistan Workers'
        Party")."""
        return (title_end - i == 1 and name_end == title_end and not self.caps[i]
                and self.keys[i] in ADJECTIVAL_AGENTS and title_end < len(self.keys) and self._prefix_entity(self.entity(title_end)[1]))

    def _bare_ambiguous(self, i: int, title_end: int, name_end: int) -> bool:
        """A lone lower-case word that is a title only sometimes ("head", "court") with no determiner before
        it."""
        if self.caps[i] or title_end - i != 1 or self.keys[i] not in AMBIGUOUS_LOWER or name_end != title_end:
            return False
        before = self.keys[i - 1] if i else ""
        return before not in DETERMINERS

    @staticmethod
    def _with_sector(org: Candidate, sector: str | None) -> Candidate:
        """An organisation whose name states no sector takes the run's agent sector."""
        if org.actor.sector is not None:
            return org
        return replace(org, actor=replace(org.actor, sector=sector, code=code_of(org.actor.country, sector)))

    def _titled_run(self, i: int, title_end: int, sector: str | None, person: bool,
                    name_end: int) -> Candidate:
        """A title with its name ("President Donald Trump"), or a generic agent or title ("police", "the
        minister", "National Students Federation")."""
        named_actor = self._named(title_end, name_end)
        title = self._text(i, title_end)
        end = max(name_end, title_end)
        if named_actor is not None:
            actor = Actor(text=self._text(i, end), name=named_actor.name, code=code_of(named_actor.country, sector),
                          country=named_actor.country, sector=sector, role=title if person else None,
                          wikidata=named_actor.wikidata)
            return Candidate(i, end, actor, "title", person=True, named=True)
        det = self.keys[i - 1] if i and self.keys[i - 1] in DETERMINERS else None
        # "National Students Federation" (not a sentence-initial "Officials" or "Senior officials")
        org_name = title if not person and title_end - i >= 2 and all(self.caps[i:title_end]) else None
        actor = Actor(text=title, name=org_name, sector=sector, role=title if person else None)
        return Candidate(i, end, actor, "agent" if not person else "title", person=person, generic=True,
                         determiner=det, title_only=person)

    def _unlisted_or_namesake(self, i: int, j: int) -> bool:
        """Is the word at ``j`` no dictionary name, or the surname of a listed person whose given names do not
        include the one at ``i`` ("Mohammad Ameri" is not the listed "Goli Ameri")?"""
        entry = self.entity(j)[1]
        return entry is None or (entry.kind == "person" and self.keys[i] in self.lex.given_names
                                 and self.keys[i] not in entry.name.lower().split())

    def _unknown_person(self, i: int) -> Candidate | None:
        """A given name followed by capitalised words: a person we have no entry for (code stays None)."""
        given = self.caps[i] and self.keys[i] in self.lex.given_names
        honorific = self.keys[i] in HONORIFICS and i + 1 < len(self.keys) and self.caps[i + 1]
        if not (given or honorific):
            return None
        j = i + 1
        while j < len(self.keys) and j - i < 4 and self.caps[j] and self._is_word(j) \
                and self.keys[j] not in NOT_NAME and self._unlisted_or_namesake(i, j) and not self.agent(j)[0]:
            j += 1
        if j == i + 1:
            return None
        s = i + 1 if self.keys[i] in HONORIFICS else i
        text = self._text(s, j)
        return Candidate(s, j, Actor(text=text, name=text), "name", person=True, named=True)
