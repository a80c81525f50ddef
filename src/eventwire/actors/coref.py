"""Within-article resolution: one actor per person, surnames, role nouns, "the country", groups.

Token-level and conservative: a reference is resolved only when exactly one earlier actor fits;
otherwise it stays as it was (or is dropped, for groups and "the country").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ..models import Actor
from ..vocabulary import words
from .lexicon import fold
from .sentence import AFTER_NOUN, PATRON_PARTICIPLES, POSSESSIVE, Candidate, SentenceReader
from .titles import FORCE_NOUNS, NAME_PARTICLES, PLOVER_NONSTATE, TRANSNATIONAL, codes, with_plurals

# Words of a role noun that say nothing about which office is meant.
_VAGUE = words("actors_context.vague_role_words")


@dataclass
class SentenceCandidates:
    index: int
    reader: SentenceReader
    cands: list[Candidate]


# States whose people English news names family name first ("Xi Jinping" → "Xi", "Kim Jong Un" → "Kim");
# their family names are often two letters (Xi, Li, Hu, Wu), which other names' surnames never are here.
FAMILY_NAME_FIRST = codes("actors_codes.family_name_first")


def _name_parts(name: str) -> list[str]:
    """The folded words of a person's name, without particles ("al", "bin", "van")."""
    return [f for f in (fold(p) for p in name.replace("-", " ").split()) if f not in NAME_PARTICLES]


def _surname(name: str, country: str | None = None) -> str | None:
    """The word an article uses alone for the person: the last name, or the first for family-first states."""
    parts = _name_parts(name)
    if len(parts) < 2:
        return None
    if country in FAMILY_NAME_FIRST:
        return parts[0] if len(parts[0]) > 1 else None
    return parts[-1] if len(parts[-1]) > 2 else None


def _name_ends(name: str) -> set[str]:
    """The first and last words of a name: with the name order unknown, either may be its surname."""
    parts = _name_parts(name)
    return {parts[0], parts[-1]} if len(parts) > 1 else set()


def _is_state(country: str | None) -> bool:
    return bool(country) and country not in PLOVER_NONSTATE


def _score(actor: Actor, evidence: str) -> tuple[int, int, int]:
    """How informative a person's reading is: text titles first, then a role, then a code."""
    return (evidence in ("title", "apposition"), len(actor.role or ""), actor.code is not None)


def resolve_article(sentences: list[SentenceCandidates], country_names: dict[str, str]) -> None:
    """Rewrite the candidates in place."""
    _context_country(sentences)
    people = _people(sentences)
    _surnames(sentences, people)
    _sequential(sentences, country_names)
    _sentence_country(sentences)


def _context_country(sentences: list[SentenceCandidates]) -> None:
    """"Defense Minister X" with no country: the article's country, when it names exactly one state."""
    states = {c.actor.country for s in sentences for c in s.cands if c.actor.country and _is_state(c.actor.country)}
    if len(states) != 1:
        return
    (country,) = states
    for s in sentences:
        for n, c in enumerate(s.cands):
            if c.person and c.named and c.actor.country is None and c.evidence == "title":
                a = c.actor
                s.cands[n] = replace(c, actor=replace(a, country=country, code=country + (a.sector or "")))


SENTENCE_COUNTRY = "context:sentence-country"
SENTENCE_PLACE = "context:sentence-place"
# Prepositions after which a name is the place of the sentence ("in Mali", "from Kabul", "of Sindh"): not
# places' place_words.locative_prepositions (where an event happened; see actors.toml).
_LOCATIVE = words("actors_context.place_prepositions")
# Armed groups and criminals fight across borders: they take the sentence's state only where the sentence
# places the events there.
_ARMED_NONSTATE = frozenset({"REB", "UAF", "CRM"})
# Offices an international body has too (officials, courts, assemblies, media, health, civil society).
_OFFICE_SECTORS = codes("actors_codes.office_sectors")
# Compass words between the preposition and the place ("in east Bosnia", "in central Mali").
_COMPASS = words("place_names.compass") | words("actors_context.compass_more")
# Nouns that say the name before them is a place ("Sindh province", "Sivas city").
_PLACE_NOUNS = words("actors_context.place_nouns")
# heads of the names of seas, gulfs and bays (shared with the actor reader, actors/resolver.py)
FEATURE_BEFORE = words("nouns.feature_heads_before")
FEATURE_AFTER = words("nouns.feature_heads_after")
# States whose legislature is called Congress; elsewhere a capitalised "Congress" standing alone is a
# party or a movement (India's, Nepal's, South Africa's ANC), not the legislature.
CONGRESS_LEGISLATURES = codes("actors_codes.congress_legislatures")


# Nouns of force a state word may modify: "Russian shelling", "Israel's strikes" name the doer, not the scene.
_MEANS_OF_FORCE = with_plurals(FORCE_NOUNS)


def _sentence_country(sentences: list[SentenceCandidates]) -> None:
    """A group, organisation or office with no country ("Moslem forces", "the Umma party", "police") takes
    the one state its own sentence names (a country, capital, demonym or a place the dictionary puts in a
    state), with evidence ``context:sentence-country``; or, when the sentence names no state but a town
    or province whose name says its state ("police in Sivas", "the government of Sindh province"), that
    state, with evidence ``context:sentence-place``. Never across sentences; never when the sentence
    names two states, its states and places disagree, or it names places of two states (then nothing says
    which). Plain personal names stay as they are: people travel.

    Only a state named as itself speaks for the sentence ("Iraq", "Iraq's", "Baghdad", "the country"); a
    state word inside another actor's phrase speaks for that phrase alone: in "Iraqi police arrested
    protesters" or "ten civilians died in Russian shelling" nothing says whose the protesters or the
    civilians are (they are often the other side's). Such a phrase still vetoes unless the sentence names
    its state as the place ("in Ukraine", a town): "Kenya said Ugandan police arrested traders" gives the
    traders nothing, "killed by Sudanese shelling in Chad" makes the dead Chad's."""
    for s in sentences:
        state = _sentence_state(s)
        if state is None:
            continue
        for n, c in enumerate(s.cands):
            if not _takes_sentence_state(c, s, state):
                continue
            sector = _state_sector(c, s.reader, state.country)
            code = state.country + (sector or "")
            actor = replace(c.actor, country=state.country, code=code, sector=sector)
            s.cands[n] = replace(c, actor=actor, evidence=state.evidence)


@dataclass(slots=True)
class _SentenceStates:
    """What a sentence's mentions say of states (see :func:`_sentence_country`)."""

    states: set[str] = field(default_factory=set)  # the states the sentence names as such
    others: set[str] = field(default_factory=set)  # the states of its other actors ("Iraqi police", "Putin")
    nonstate: bool = False  # an IGO/NGO in the sentence: its officials are as likely as the state's
    located: bool = False  # a state is named as a place ("in Kenya"), not only as an actor ("US troops")


@dataclass(frozen=True, slots=True)
class _SentenceState:
    """The one state a sentence gives its mentions that have none, and how it was found."""

    country: str
    evidence: str  # SENTENCE_COUNTRY or SENTENCE_PLACE
    located: bool
    nonstate: bool


def _countries_of(actor: Actor) -> list[str | None]:
    """An actor's country, or each member's for a group ("the two countries")."""
    return [m.country for m in actor.members] if actor.members else [actor.country]


def _sentence_states(s: SentenceCandidates) -> _SentenceStates:
    """The states the sentence's mentions name, as such or as another actor's, and whether one places it."""
    found = _SentenceStates()
    for c in s.cands:
        bare = _names_a_state(c, s.reader)
        for country in _countries_of(c.actor):
            if _is_state(country):
                (found.states if bare else found.others).add(country)  # type: ignore[arg-type]
            elif country:
                found.nonstate = True
        if _places_the_sentence(c, s.reader, bare):
            found.located = True
    return found


def _places_the_sentence(c: Candidate, r: SentenceReader, bare: bool) -> bool:
    """The mention is the sentence's place: "in Mali", "in Kabul", "in the Gaza Strip" (a territory read as
    the place it is)."""
    if c.entry_kind == "org":
        return bare
    return (c.entry_kind in ("country", "capital") and c.end - c.start <= 3
            and _after_locative(r.keys, c.start) and not _state_adjective(c, r) and (c.actor.sector is None or c.entry_kind == "capital"))


def _sentence_state(s: SentenceCandidates) -> _SentenceState | None:
    """The one state the sentence names (or, naming none, the state of its towns and provinces); None when
    it names two, its states and places disagree, or another actor's state vetoes an unplaced sentence."""
    found = _sentence_states(s)
    places = _place_countries(s)
    if places and (len(places) > 1 or (found.states and found.states != places)):
        return None  # "police in Vienna arrested two Iranians": whose police?
    states, evidence, located = found.states, SENTENCE_COUNTRY, found.located
    if places:
        located = True
        if not states:
            states, evidence = set(places), SENTENCE_PLACE
    if len(states) != 1 or (found.others - states and not located):
        return None
    (country,) = states
    return _SentenceState(country, evidence, located, found.nonstate)


def _takes_sentence_state(c: Candidate, s: SentenceCandidates, state: _SentenceState) -> bool:
    """A mention with no country that the sentence's state codes: a group, an organisation or an office
    (not a plain personal name, a placeholder, a transnational body, nor a body an "of" phrase owns)."""
    a = c.actor
    if a.country is not None or a.members or c.placeholder is not None:
        return False
    if a.sector is None and not (c.named and not c.person):
        return False  # an unknown person's name, or a mention with nothing to code
    if a.sector in _ARMED_NONSTATE and not state.located:
        return False  # "US troops killed five militants": the fighters need not be the state's own
    if state.nonstate and (a.sector in _OFFICE_SECTORS or a.sector is None):
        return False  # "the AU … ties with Libya, a senior official said": whose official?
    if a.name and any(w in TRANSNATIONAL for w in fold(a.name).split()):
        return False  # "International Criminal Court": no state's body
    return not _owned_by_of_phrase(c, s)


def _owned_by_of_phrase(c: Candidate, s: SentenceCandidates) -> bool:
    """"activists of Amnesty International": the "of" phrase right after the mention says whose."""
    keys = s.reader.keys
    return c.end < len(keys) and keys[c.end] == "of" and any(
        o.start == c.end + 1 or (o.start == c.end + 2 and keys[c.end + 1] == "the") for o in s.cands)


def _state_sector(c: Candidate, r: SentenceReader, country: str) -> str | None:
    """The mention's sector under the sentence's state: a capitalised "Congress" where the legislature has
    another name is the party."""
    sector = c.actor.sector
    if (sector == "LEG" and c.end - c.start == 1 and r.keys[c.start] == "congress" and r.caps[c.start]
            and country not in CONGRESS_LEGISLATURES):
        return "PTY"
    return sector


def _names_a_state(c: Candidate, r: SentenceReader) -> bool:
    """The mention names a state or a place of it as such, not only an actor of it: "Iraq", "Iraq's" (also
    "Iraq's army": the possessor is a noun of its own), "Baghdad" and "Baghdad police" (a capital places
    its body), "in the Gaza Strip", "the country"; not "Iraqi police", "three Iranians", "the Iraqi
    minister", nor a state word before a means of force ("Russian shelling": the doer)."""
    if c.placeholder is not None:
        return True
    if _patron_or_doer(c, r):
        return False
    if c.entry_kind == "org":  # a territory without a state's code of its own, read as the place it is
        return c.actor.sector is None and _after_locative(r.keys, c.start)
    if c.entry_kind not in ("country", "capital", "user"):
        return False
    return _state_word_names_state(c, r)


def _patron_or_doer(c: Candidate, r: SentenceReader) -> bool:
    """The state is a patron ("militants backed by Iran", as "Iranian-backed", see
    SentenceReader._attitude) or the doer of a means of force after it ("Russian shelling", "Chad's
    airstrikes")."""
    if c.start >= 2 and r.keys[c.start - 1] == "by" and r.keys[c.start - 2] in PATRON_PARTICIPLES:
        return True
    t = c.end + 1 if c.end < len(r.keys) and r.keys[c.end] in POSSESSIVE else c.end
    return t < len(r.keys) and r.keys[t] in _MEANS_OF_FORCE


def _state_word_names_state(c: Candidate, r: SentenceReader) -> bool:
    """A country, capital or user entry names the state itself: possessed ("Iraq's army", not "Chad's
    airstrikes"), a capital not heading a title, or a bare state word that is no adjective of a thing."""
    owner = next((u for u in range(c.start, c.end) if r.keys[u] in POSSESSIVE), None)
    if owner is not None and not c.evidence.endswith("+organisation"):
        return owner + 1 >= len(r.keys) or r.keys[owner + 1] not in _MEANS_OF_FORCE  # not "Chad's airstrikes"
    if c.entry_kind == "capital":
        return c.evidence != "title"
    return c.actor.sector is None and "+" not in c.evidence and not _state_adjective(c, r)


# Nouns a state adjective places things in: "in the Iraqi capital", "on Afghan soil" still name the state.
_STATE_PLACE_NOUNS = _PLACE_NOUNS | words("actors_context.state_place_nouns")
# Russian, Chinese, Turkish, Iraqi … (an order-free tuple: str.endswith takes a tuple)
_ADJECTIVE_ENDINGS = tuple(sorted(words("actors_context.adjective_endings")))


def _state_adjective(c: Candidate, r: SentenceReader) -> bool:
    """A state word used as an adjective of a thing, not of a place: "the Russian language", "Chinese
    investments", "an Iranian presence" (lower-case noun after it, no agent: the mention itself has no
    sector). It names no state for the sentence (a language is spoken anywhere); "in the Iraqi capital",
    "on Afghan soil" still do."""
    t = c.end
    if c.actor.sector is not None or t >= len(r.keys) or c.end - c.start > 1:
        return False
    word = r.keys[c.start]
    if word == fold(c.actor.name or "") or not word.endswith(_ADJECTIVE_ENDINGS) or word.endswith("stan"):
        return False  # the state's own name ("Ethiopia let free …", "Iran says"), not its adjective
    nxt = r.keys[t]
    return (r.texts[t].isalpha() and not r.caps[t] and nxt not in AFTER_NOUN and nxt not in _STATE_PLACE_NOUNS
            and nxt not in _MEANS_OF_FORCE)  # "Sudanese shelling" names the doer (see _names_a_state)


def _after_locative(keys: list[str], t: int) -> bool:
    """Token ``t`` follows a preposition of place, past "the" and compass words ("in east Bosnia", "of
    the Jaffna peninsula", "in northern Sindh")."""
    t -= 1
    while t >= 0 and (keys[t] == "the" or keys[t] in _COMPASS):
        t -= 1
    return t >= 0 and keys[t] in _LOCATIVE


def _place_countries(s: SentenceCandidates) -> set[str]:
    """The states of the towns and provinces the sentence names as places: after a preposition of place
    ("in Sivas", "of Sindh") or before a place noun ("Sindh province"), outside any actor mention."""
    r = s.reader
    covered = {t for c in s.cands for t in range(c.start, c.end)}
    out: set[str] = set()
    t = 0
    while t < len(r.keys):
        if t in covered or not r.caps[t]:
            t += 1
            continue
        n, values = r.lex.places.longest(r.keys, t)
        if not n or any(u in covered or not r.caps[u] for u in range(t, t + n)):
            t += 1
            continue
        after = r.keys[t + n] if t + n < len(r.keys) else ""
        if (_after_locative(r.keys, t) or after in _PLACE_NOUNS) and not in_feature_name(r.keys, r.caps, t, t + n):
            out.update(str(v) for v in values)
        t += n
    return out


def in_feature_name(keys: list[str], caps: list[bool], s: int, e: int) -> bool:
    """Tokens ``s:e`` are part of the name of a sea, a gulf or a bay ("the Gulf of Guinea", "Guantanamo Bay"):
    a place that says no state for the sentence."""
    before = s >= 2 and keys[s - 1] == "of" and keys[s - 2] in FEATURE_BEFORE and caps[s - 2]
    after = e < len(keys) and keys[e] in FEATURE_AFTER and caps[e]
    return bool(before or after)


def _people(sentences: list[SentenceCandidates]) -> dict[str, Actor]:
    """surname → the best reading of the one person with that surname (absent when ambiguous); every
    mention of such a person takes that reading (the headline's "chief Shoigu" is the body's Shoigu)."""
    people = _unique_surnames(_best_readings(sentences))
    for s in sentences:
        for n, c in enumerate(s.cands):
            chosen = _person_of(c, people)
            if chosen is not None:
                ev = c.evidence if len((c.actor.name or "").split()) > 1 else "coref:surname"
                s.cands[n] = replace(c, actor=replace(chosen, text=c.actor.text), evidence=ev)
    return people


def _best_readings(sentences: list[SentenceCandidates]) -> dict[str, tuple[tuple[int, int, int], Actor]]:
    """Folded full name → the most informative reading of that person in the article, with its score."""
    best: dict[str, tuple[tuple[int, int, int], Actor]] = {}
    for s in sentences:
        for c in s.cands:
            if c.person and c.named and c.actor.name and _surname(c.actor.name, c.actor.country):
                key = fold(c.actor.name)
                score = _score(c.actor, c.evidence)
                if key not in best or score > best[key][0]:
                    best[key] = (score, c.actor)
    return best


def _unique_surnames(best: dict[str, tuple[tuple[int, int, int], Actor]]) -> dict[str, Actor]:
    """Surname → the one person who has it, where no other person's name begins or ends with that word."""
    by_surname: dict[str, list[Actor]] = {}
    claims: Counter[str] = Counter()  # a name's first and last words: either may be what the text uses alone
    for _, actor in best.values():
        by_surname.setdefault(_surname(actor.name or "", actor.country) or "", []).append(actor)
        claims.update(_name_ends(actor.name or ""))
    return {k: v[0] for k, v in by_surname.items() if k and len(v) == 1 and claims[k] == 1}


def _person_of(c: Candidate, people: dict[str, Actor]) -> Actor | None:
    """The article's reading of the person a named mention is: by its surname, for a bare surname or the
    same full name."""
    if not (c.person and c.named and c.actor.name):
        return None
    parts = c.actor.name.split()
    surname = _surname(c.actor.name, c.actor.country) or (fold(parts[-1]) if len(parts) == 1 else None)
    chosen = people.get(surname or "")
    if chosen is None:
        return None
    if len(parts) == 1 or fold(chosen.name or "") == fold(c.actor.name):
        return chosen
    return None


def _surnames(sentences: list[SentenceCandidates], people: dict[str, Actor]) -> None:
    """Bare surnames ("Shoigu", "Shoigu's") anywhere in the article → that person."""
    if not people:
        return
    for s in sentences:
        covered = {t for c in s.cands for t in range(c.start, c.end)}
        r = s.reader
        added = False
        for t, key in enumerate(r.keys):
            if t in covered or not r.caps[t] or key not in people:
                continue
            actor = people[key]
            s.cands.append(Candidate(t, t + 1, replace(actor, text=r.texts[t]), "coref:surname", person=True,
                                     named=True))
            added = True
        if added:
            s.cands.sort(key=lambda c: c.start)


def _sequential(sentences: list[SentenceCandidates], country_names: dict[str, str]) -> None:
    """Groups, "the country" and role nouns, resolved against what came before them."""
    history: list[Actor] = []
    countries: list[Actor] = []  # mentions of a state itself (name, capital): what "the country" points at
    for s in sentences:
        keep: list[Candidate] = []
        before_sentence = len(history)
        for c in s.cands:
            if c.placeholder == "group":
                members = _recent_states(countries, 2, country_names)
                if len(members) == 2:
                    name = f"{members[0].name} and {members[1].name}"
                    keep.append(replace(c, actor=Actor(text=c.actor.text, name=name, members=tuple(members))))
                continue
            if c.placeholder == "country":
                members = _recent_states(countries, 1, country_names)
                if members:
                    m = members[0]
                    keep.append(replace(c, actor=replace(m, text=c.actor.text)))
                continue
            if c.generic and c.person and c.determiner == "the":
                # an earlier sentence's person: in its own sentence "the envoy" is rarely the one who met it
                found = _role_antecedent(c, history[:before_sentence])
                if found is not None:
                    c = replace(c, actor=replace(found, text=c.actor.text), evidence="coref:role", generic=False)
            keep.append(c)
            history.append(c.actor)
            if c.entry_kind in ("country", "capital") or (c.entry_kind == "user" and c.actor.sector is None):
                countries.append(c.actor)
        s.cands[:] = keep


def _recent_states(history: list[Actor], count: int, names: dict[str, str]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[str] = set()
    for actor in reversed(history):
        for country in _countries_of(actor):
            if _is_state(country) and country not in seen:
                seen.add(country)  # type: ignore[arg-type]
                name = names.get(country or "", country)
                out.append(Actor(text=name or "", name=name, code=country, country=country))
        if len(out) >= count:
            break
    return out[:count]


def _role_antecedent(c: Candidate, history: list[Actor]) -> Actor | None:
    """"the minister" → the one earlier person whose role shares a word with it (else the same sector); a
    description that names its state ("the French president") only an earlier person of that state."""
    people = _people_with_roles(history)
    if c.actor.country:
        people = [a for a in people if a.country == c.actor.country]
    role_words = _folded_words(c.actor.role or c.actor.text) - _VAGUE
    if role_words:
        by_word = [a for a in people if role_words & _folded_words(a.role or "")]
        if len(by_word) == 1:
            return by_word[0]
        if len(by_word) > 1:
            return None
    by_sector = [a for a in people if a.sector == c.actor.sector]
    return by_sector[0] if len(by_sector) == 1 else None


def _people_with_roles(history: list[Actor]) -> list[Actor]:
    """The named actors with a role (people) of ``history``, one per folded name (its last reading), in the
    order their names first came."""
    people: dict[str, Actor] = {}
    for actor in history:
        if actor.name and actor.role is not None:
            people[fold(actor.name)] = actor
    return list(people.values())


def _folded_words(text: str) -> set[str]:
    """The matching forms of the blank-separated words of ``text``."""
    return {fold(w) for w in text.split()}
