"""Reading roles off the text: title words → PLOVER sector, the words that may sit between a country and a
title ("Russian *Security Council* Secretary"), group phrases, organisation words, and the CAMEO → PLOVER
code maps.

The word lists are word classes of ``data/lexicon/actors.toml`` (issue "rules as data"), bound here once at
import; the large name lists are data too (``data/actors``). This module keeps the mechanisms that read them.
"""

from __future__ import annotations

from ..vocabulary import class_names, words


def codes(name: str) -> frozenset[str]:
    """A class of codes (PLOVER sectors, ISO countries), upper case as codes are written."""
    return frozenset(w.upper() for w in words(name))


def keyed_classes(family: str, upper: bool = False) -> dict[str, str]:
    """``{word: KEY}`` of a family whose keys are the codes its words are read as (``actors_title_sectors``:
    "police" → "COP"); ``upper`` upper-cases the words too (CAMEO codes)."""
    out: dict[str, str] = {}
    for name in class_names():
        fam, _, key = name.partition(".")
        if fam == family:
            out.update((w.upper() if upper else w, key.upper()) for w in sorted(words(name)))
    return out


# --------------------------------------------------------------------------- CAMEO → PLOVER codes
# PLOVER 2.0 sector codes; CAMEO agent codes that PLOVER reads as another sector (CAMEO ``MED`` = media is
# PLOVER ``JRN``; see actors.toml). Codes without a PLOVER reading (regions, ethnic groups, "MOD", "RAD") map
# to None and are skipped when a code is decomposed.
PLOVER_SECTORS = codes("actors_codes.plover_sectors")
CAMEO_TO_PLOVER_SECTOR: dict[str, str] = keyed_classes("actors_cameo_sectors", upper=True)
# PLOVER non-state "country" codes. CAMEO writes the UN as IGOUNO… and the EU as IGOEUR…/EEC: PLOVER gives
# both their own code.
PLOVER_NONSTATE = codes("actors_codes.plover_nonstate")
CAMEO_COUNTRY_FIXES: dict[str, str] = keyed_classes("actors_cameo_countries", upper=True)


def plover_sector(code: str, cameo: bool = True) -> str | None:
    """A three-letter agent code → PLOVER sector, or None.

    ``cameo=True`` reads it as CAMEO first (``MED`` = media → JRN), as in every ``.actors``/``.agents``
    file; ``cameo=False`` reads it as PLOVER (NGEC's PLOVER agent file, where ``MED`` = health).
    """
    code = code.upper()
    if cameo and code in CAMEO_TO_PLOVER_SECTOR:
        return CAMEO_TO_PLOVER_SECTOR[code]
    if code in PLOVER_SECTORS:
        return code
    return CAMEO_TO_PLOVER_SECTOR.get(code)


def _plover_sectors(chunks: list[str]) -> tuple[str, ...]:
    """The PLOVER sectors of a code's three-letter chunks, in order (chunks without one are skipped)."""
    return tuple(s for s in (plover_sector(c) for c in chunks) if s is not None)


def _main_sector(sectors: tuple[str, ...]) -> str | None:
    """The sector of a code: JRN wins over GOV for state media (``GOVJRN``: PLOVER Note 4 files state media
    under journalists); otherwise the first."""
    return "JRN" if "JRN" in sectors else (sectors[0] if sectors else None)


def _cameo_country(chunks: list[str]) -> tuple[str, list[str]]:
    """The country of a code's chunks and the chunks after it: ``IGOUNO`` → UNO, ``IGOEUR``/``IGOEEC`` → EUR,
    and CAMEO's own country codes as PLOVER writes them (``KSV`` → KOS)."""
    country, rest = chunks[0], chunks[1:]
    if country == "IGO" and rest and rest[0] in ("UNO", "EUR", "EEC"):
        country = "UNO" if rest[0] == "UNO" else "EUR"
        rest = rest[1:]
    return CAMEO_COUNTRY_FIXES.get(country, country), rest


def split_cameo_code(code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """``RUSGOVMIL`` → ("RUS", "GOV", ("GOV", "MIL")); ``IGOUNOIAE`` → ("UNO", None, ()); ``~MIL`` → (None, "MIL", …).

    The first three letters are the country (or a PLOVER non-state code); the first later chunk that is a
    PLOVER sector is the sector (JRN first, see :func:`_main_sector`).
    """
    agent = code.startswith("~")  # an agent code has no country: every chunk is a sector
    code = code.upper().strip("~")
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return None, None, ()
    if agent:
        sectors = _plover_sectors(chunks)
        return None, _main_sector(sectors), sectors
    country, rest = _cameo_country(chunks)
    sectors = _plover_sectors(rest)
    return country, _main_sector(sectors), sectors


# --------------------------------------------------------------------------- titles in the text
# Title words and phrases → sector (actors_title_sectors). Checked before the dictionaries' agents, which
# are broader but noisier. Multi-word keys are matched token by token.
TITLE_SECTORS: dict[str, str] = keyed_classes("actors_title_sectors")
# Titles that name one person and may stand right before a name ("President Donald Trump").
PERSON_TITLE_HEADS = words("actors_titles.person_heads")
# Military ranks that are also ordinary adjectives: before a lower-case noun that is no title ("a general
# strike", "the general election", "the general public", "a major offensive") they name no officer; a title
# after them makes a longer title ("general secretary", "major general"). ("chief", "head" and "executive"
# are left out: before a noun they mostly still name a person, "chief economist", "head coach".)
RANK_ADJECTIVES = frozenset({"general", "major"})
# Lower-case words allowed between a country and its title ("Russian *senior military* officials").
MODIFIERS = words("actors_titles.modifiers")
# Nouns of force: one vocabulary for the actor reader, the sentence's country and argument selection.
# FORCE_ACTS: acts an agent word before them does ("police firing"); FORCE_NOUNS adds the weapons, campaigns
# and operations a state word before them names the doer of ("Russian missiles"). Lemmas; ``with_plurals``
# gives the surface forms.
FORCE_ACTS = words("actors_force.acts")
FORCE_NOUNS = FORCE_ACTS | words("actors_force.means")


def with_plurals(lemmas: frozenset[str]) -> frozenset[str]:
    """The lemmas and their plurals ("raid" → "raids", "ambush" → "ambushes")."""
    return lemmas | frozenset(w + ("es" if w.endswith(("sh", "ch", "s", "x")) else "s") for w in lemmas)


# Inside a capitalised title run these small words do not break it ("Minister *of* Defence").
CONNECTORS = words("actors_names.connectors")
NAME_PARTICLES = words("actors_names.particles")
# Words that are capitalised but never part of a person's name (and the month and weekday names).
NOT_NAME = (words("actors_names.not_name") | words("time_calendar.month_names")
            | words("time_calendar.weekday_names"))
# "the two countries" / "both sides": a group of the two most recently mentioned countries.
GROUP_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in sorted(words("actors_groups.phrases")))
COUNTRY_ANAPHORS: tuple[tuple[str, ...], ...] = (("the", "country"), ("the", "nation"))
HONORIFICS = words("actors_names.honorifics")


def title_sector(title: str) -> str | None:
    """The sector of a title phrase: its longest known tail ("Security Council Secretary" → GOV)."""
    tokens = title.lower().replace("’", "'").split()
    if tokens and tokens[0] == "former":
        return "ELI"  # PLOVER: former officials are elites
    for n in range(len(tokens)):
        tail = " ".join(tokens[n:])
        if tail in TITLE_SECTORS:
            return TITLE_SECTORS[tail]
    for word in reversed(tokens):
        if word in TITLE_SECTORS:
            return TITLE_SECTORS[word]
    return None


# --------------------------------------------------------------------------- groups and organisations
# Peoples that live across borders ("Serbs", "Kurds"): civilians of no country alone, the state's after its
# name ("Bosnian Serbs" → BIH).
ETHNONYMS = words("actors_groups.ethnonyms")
# Agent nouns that are an actor only after a country ("Russian operations", "Israeli helicopters").
COUNTRY_ONLY_AGENTS: dict[str, str] = {w: "MIL" for w in sorted(words("actors_titles.country_only_military"))}
# Head words of organisation names ("Homeland Union", "Association of …", "Umma party"). A capitalised
# run holding one is an organisation even when no dictionary knows it; its sector comes from the words.
ORG_HEADS = words("actors_orgs.heads")
# Lower-case heads that close a capitalised name: "the Umma party", "the Islamic Jihad movement".
ORG_TAILS = words("actors_orgs.tails")
# Words of labour as such, and the heads that make a body of them a union ("Trade Union Congress"). Teachers,
# doctors, journalists: their unions keep the profession's own sector, EDU, MED, JRN, which the agent word
# gives.
LABOUR_WORDS = words("actors_orgs.labour_words")
LABOUR_HEADS = words("actors_orgs.labour_heads")
# Words that make an organisation transnational: without a state in its name it is a non-state body ...
TRANSNATIONAL = words("actors_orgs.transnational")
# ... and only bodies with these heads: associations of people, not parties, fronts or councils
NGO_HEADS = words("actors_orgs.ngo_heads")


def org_sector(keys: tuple[str, ...] | list[str], has_country: bool) -> str | None:
    """The PLOVER sector an organisation's own name states, or None.

    A party → PTY; a union/federation/congress of workers → LAB; a state's commission → GOV. (A union of
    a profession — teachers, doctors — returns None: the profession's agent word gives EDU, MED.)
    """
    names = set(keys)
    if "party" in names or "parties" in names:
        return "PTY"
    if names & LABOUR_HEADS and names & LABOUR_WORDS:
        return "LAB"
    if has_country and names & {"commission", "ministry"}:
        return "GOV"
    return None
