"""Hand-written vocabulary for reading roles off the text: title words → PLOVER sector, the words that
may sit between a country and a title ("Russian *Security Council* Secretary"), group phrases, and the
CAMEO → PLOVER sector map.

These tables are small and linguistic, so they live in code (reviewed like code) rather than in data
files; the large name lists are data (``data/actors``).
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of blank-separated words (keeps long word lists readable)."""
    return frozenset(text.split())


# --------------------------------------------------------------------------- CAMEO → PLOVER sectors
# PLOVER 2.0 sector codes (ontology/PLOVER_sector_codes.csv). CAMEO agent codes that differ are mapped
# here; the important trap is CAMEO ``MED`` = media, which PLOVER calls ``JRN`` (PLOVER ``MED`` = health,
# CAMEO ``HLH``). Religious sub-codes collapse to REL; human-rights/environment/development groups are
# civil society (SOC) in PLOVER. Codes without a PLOVER reading (regions, ethnic groups, "MOD", "RAD")
# map to None and are skipped when a code is decomposed.
PLOVER_SECTORS = words(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC"
)
CAMEO_TO_PLOVER_SECTOR: dict[str, str] = {
    "MED": "JRN",  # CAMEO media
    "HLH": "MED",  # CAMEO health
    "CIV": "CVL",
    "PPL": "CVL",
    "HRI": "SOC",
    "ENV": "SOC",
    "DEV": "SOC",
    "NGM": "SOC",
    "MUS": "REL", "CHR": "REL", "CTH": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL", "SHI": "REL",
    "SUN": "REL", "ORT": "REL", "PRO": "REL", "MOS": "REL", "BAH": "REL", "JAN": "REL", "SIK": "REL",
    "ALQ": "REB",  # al-Qaeda affiliates (CAMEO)
    "INS": "REB",
    "SEP": "REB",
    "MBR": "REB",
}
# PLOVER non-state "country" codes (ontology/PLOVER_nonstate_country_codes.csv) and the CAMEO prefixes
# that carry them. CAMEO writes the UN as IGOUNO… and the EU as IGOEUR…/EEC: PLOVER gives both their own
# code.
PLOVER_NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"})
CAMEO_COUNTRY_FIXES: dict[str, str] = {"KSV": "KOS", "EEC": "EUR", "EEU": "EUR", "ROM": "ROU", "ZAR": "COD",
                                       "TMP": "TLS", "YUG": "SRB", "SCG": "SRB", "NGM": "NGO",
                                       "ANG": "AGO"}


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


def split_cameo_code(code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """``RUSGOVMIL`` → ("RUS", "GOV", ("GOV", "MIL")); ``IGOUNOIAE`` → ("UNO", None, ()); ``~MIL`` → (None, "MIL", …).

    The first three letters are the country (or a PLOVER non-state code); the first later chunk that is a
    PLOVER sector is the sector. JRN wins over GOV for state media (``GOVJRN``: PLOVER Note 4 files
    state media under journalists).
    """
    agent = code.startswith("~")  # an agent code has no country: every chunk is a sector
    code = code.upper().strip("~")
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return None, None, ()
    if agent:
        sectors = tuple(s for s in (plover_sector(c) for c in chunks) if s is not None)
        return None, ("JRN" if "JRN" in sectors else (sectors[0] if sectors else None)), sectors
    country: str | None = chunks[0]
    rest = chunks[1:]
    if country == "IGO" and rest and rest[0] in ("UNO", "EUR", "EEC"):
        country = "UNO" if rest[0] == "UNO" else "EUR"
        rest = rest[1:]
    country = CAMEO_COUNTRY_FIXES.get(country or "", country)
    sectors = tuple(s for s in (plover_sector(c) for c in rest) if s is not None)
    sector = "JRN" if "JRN" in sectors else (sectors[0] if sectors else None)
    return country, sector, sectors


# --------------------------------------------------------------------------- titles in the text
# Title words and phrases → sector. Checked before the dictionaries' agents, which are broader but
# noisier (Phoenix has SPOKESMAN as media). Multi-word keys are matched token by token.
TITLE_SECTORS: dict[str, str] = {
    # government
    "president": "GOV", "vice president": "GOV", "vice-president": "GOV", "prime minister": "GOV",
    "premier": "GOV", "minister": "GOV", "secretary": "GOV", "secretary of state": "GOV",
    "secretary-general": "GOV", "secretary general": "GOV", "spokesman": "GOV", "spokeswoman": "GOV",
    "spokesperson": "GOV", "ambassador": "GOV", "envoy": "GOV", "diplomat": "GOV", "chancellor": "GOV",
    "governor": "GOV", "mayor": "GOV", "king": "GOV", "queen": "GOV", "emir": "GOV", "sultan": "GOV",
    "crown prince": "GOV", "leader": "GOV", "leaders": "GOV", "supreme leader": "GOV", "chief": "GOV", "head": "GOV",
    "official": "GOV", "adviser": "GOV", "advisor": "GOV", "aide": "GOV", "negotiator": "GOV",
    "commissioner": "GOV", "director": "GOV", "undersecretary": "GOV", "under secretary": "GOV",
    "chairman": "GOV", "chairwoman": "GOV", "chair": "GOV", "president-elect": "GOV", "ruler": "GOV",
    "consul": "GOV", "representative": "GOV", "deputy": "GOV", "foreign minister": "GOV",
    "defense minister": "GOV", "defence minister": "GOV", "interior minister": "GOV",
    "government": "GOV", "administration": "GOV", "authorities": "GOV", "ministry": "GOV",
    "regime": "GOV", "cabinet": "GOV", "officials": "GOV", "council": "GOV", "agency": "GOV",
    "security chief": "GOV", "nuclear agency": "GOV", "dictator": "GOV", "monarch": "GOV",
    # military
    "general": "MIL", "gen.": "MIL", "commander": "MIL", "colonel": "MIL", "col.": "MIL", "admiral": "MIL",
    "adm.": "MIL", "major": "MIL", "maj.": "MIL", "lieutenant": "MIL", "lt.": "MIL", "captain": "MIL",
    "capt.": "MIL", "sergeant": "MIL", "brigadier": "MIL", "marshal": "MIL", "army chief": "MIL",
    "military": "MIL", "troops": "MIL", "soldiers": "MIL", "soldier": "MIL", "army": "MIL",
    "forces": "MIL", "armed forces": "MIL", "navy": "MIL", "air force": "MIL", "marines": "MIL",
    "military officials": "MIL", "military officers": "MIL", "officers": "MIL", "chief of staff": "MIL",
    "chief of the general staff": "MIL", "general staff": "MIL",
    # legislature
    "mp": "LEG", "senator": "LEG", "sen.": "LEG", "rep.": "LEG", "lawmaker": "LEG", "lawmakers": "LEG",
    "legislator": "LEG", "congressman": "LEG", "congresswoman": "LEG", "speaker": "LEG",
    "parliament": "LEG", "congress": "LEG", "senate": "LEG", "parliamentarian": "LEG",
    # judiciary
    "judge": "JUD", "justice": "JUD", "chief justice": "JUD", "prosecutor": "JUD",
    "attorney general": "JUD", "court": "JUD", "magistrate": "JUD", "prosecutor general": "JUD",
    "procurator general": "JUD", "prosecutor-general": "JUD", "attorney-general": "JUD",
    # police, intelligence
    "police": "COP", "policeman": "COP", "police chief": "COP", "police officer": "COP",
    "inspector": "COP", "constable": "COP", "sheriff": "COP", "policemen": "COP",
    "intelligence chief": "SPY", "spy chief": "SPY", "spy agency": "SPY", "intelligence agency": "SPY",
    "intelligence service": "SPY", "intelligence": "SPY",
    # rebels and armed groups
    "rebel": "REB", "rebels": "REB", "insurgent": "REB", "insurgents": "REB", "militant": "REB",
    "militants": "REB", "guerrilla": "REB", "guerrillas": "REB", "separatists": "REB", "jihadists": "REB",
    "gunmen": "UAF", "terror group": "REB", "terror groups": "REB", "terror outfit": "REB",
    "terror outfits": "REB",
    # crime (PLOVER CRM: criminals, and those held for crimes)
    "hacker": "CRM", "hackers": "CRM", "inmate": "CRM", "inmates": "CRM",
    # media
    "journalist": "JRN", "journalists": "JRN", "reporter": "JRN", "correspondent": "JRN", "editor": "JRN",
    "news agency": "JRN", "news agencies": "JRN", "state media": "JRN", "media": "JRN",
    "newspaper": "JRN", "broadcaster": "JRN", "state television": "JRN", "state tv": "JRN",
    # society
    "protesters": "CVL", "protestors": "CVL", "demonstrators": "CVL", "civilians": "CVL",
    "residents": "CVL", "villagers": "CVL", "activists": "CVL", "activist": "CVL", "nationals": "CVL",
    "citizens": "CVL",
    "opposition": "OPP", "dissident": "OPP", "dissidents": "OPP", "opposition leader": "OPP",
    "company": "BUS", "businessman": "BUS", "executive": "BUS", "ceo": "BUS", "firm": "BUS",
    "cleric": "REL", "imam": "REL", "bishop": "REL", "pope": "REL", "priest": "REL", "rabbi": "REL",
    "doctors": "MED", "doctor": "MED", "students": "EDU", "student": "EDU", "professor": "EDU",
    "refugees": "REF", "refugee": "REF",
}
# Titles that name one person and may stand right before a name ("President Donald Trump"). Group nouns
# ("troops", "police") are agents but not person titles.
PERSON_TITLE_HEADS = words(
    "president premier minister secretary secretary-general spokesman spokeswoman spokesperson ambassador "
    "envoy diplomat chancellor governor mayor king queen emir sultan prince leader chief head official "
    "adviser advisor aide negotiator commissioner director undersecretary chairman chairwoman chair "
    "president-elect elect ruler consul representative deputy general gen. commander colonel col. admiral adm. "
    "major maj. lieutenant lt. captain capt. sergeant brigadier marshal mp senator sen. rep. lawmaker "
    "legislator congressman congresswoman speaker judge justice prosecutor magistrate inspector constable "
    "sheriff journalist reporter correspondent editor businessman executive ceo cleric imam bishop pope "
    "priest rabbi professor activist dictator monarch dissident officer policeman"
)
# Military ranks that are also ordinary adjectives: before a lower-case noun that is no title ("a general
# strike", "the general election", "the general public", "a major offensive") they name no officer; a title
# after them makes a longer title ("general secretary", "major general"). ("chief", "head" and "executive"
# are left out: before a noun they mostly still name a person, "chief economist", "head coach".)
RANK_ADJECTIVES = words("general major")
# Lower-case words allowed between a country and its title ("Russian *senior military* officials").
MODIFIERS = words(
    "senior top foreign defense defence interior state military security nuclear former deputy acting "
    "chief national federal local provincial regional armed special naval air intelligence news "
    "government official opposition riot border elite army prime vice supreme finance trade economy "
    "justice health education energy home first general main new outgoing incoming interim de facto "
    "attorney police central"
)
# Nouns of force: one vocabulary for the actor reader, the sentence's country and argument selection.
# FORCE_ACTS: acts an agent word before them does ("police firing", "army shelling": the agent is the doer,
# not an adjective). FORCE_NOUNS adds the weapons, campaigns and operations a state word before them names
# the doer of ("Russian missiles", "Israel's blockade") and that one may be hurt "in" or "by" ("killed in a
# NATO operation", "wounded by Israeli rockets"). Lemmas; ``with_plurals`` gives the surface forms.
FORCE_ACTS = words("firing fire shelling attack raid bombing crackdown offensive ambush assault airstrike")
FORCE_NOUNS = FORCE_ACTS | words(
    "strike air-strike air_strike missile rocket shell bomb bombardment gunfire artillery mortar barrage "
    "incursion invasion onslaught blockade operation shooting drone"
)


def with_plurals(lemmas: frozenset[str]) -> frozenset[str]:
    """The lemmas and their plurals ("raid" → "raids", "ambush" → "ambushes")."""
    return lemmas | frozenset(w + ("es" if w.endswith(("sh", "ch", "s", "x")) else "s") for w in lemmas)


# Inside a capitalised title run these small words do not break it ("Minister *of* Defence").
CONNECTORS = frozenset({"and", "of", "for", "&", "-", "the"})
NAME_PARTICLES = frozenset({"al", "al-", "bin", "ibn", "de", "da", "del", "van", "von", "der", "el", "la", "le",
                            "abu", "-", "di", "dos", "du"})
# Words that are capitalised but never part of a person's name.
NOT_NAME = words(
    "the a an on in at of for to and or but he she it they we i his her its their this that these those "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december mr mr. mrs mrs. ms ms. dr dr. according reports report "
    "said says with from by as after before during while"
)
# "the two countries" / "both sides": a group of the two most recently mentioned countries.
GROUP_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "the two countries", "the two nations", "the two sides", "the two states", "the two governments",
        "both countries", "both nations", "both sides", "both governments", "the two neighbours",
        "the two neighbors", "the two allies",
    )
)
COUNTRY_ANAPHORS: tuple[tuple[str, ...], ...] = (("the", "country"), ("the", "nation"))
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady"})


def title_sector(title: str) -> str | None:
    """The sector of a title phrase: its longest known tail ("Security Council Secretary" → GOV)."""
    words = title.lower().replace("’", "'").split()
    if words and words[0] == "former":
        return "ELI"  # PLOVER: former officials are elites
    for n in range(len(words)):
        tail = " ".join(words[n:])
        if tail in TITLE_SECTORS:
            return TITLE_SECTORS[tail]
    for word in reversed(words):
        if word in TITLE_SECTORS:
            return TITLE_SECTORS[word]
    return None


# --------------------------------------------------------------------------- groups and organisations
# Peoples that live across borders: the word says nothing of citizenship, and PLOVER codes such groups by
# where they live. Alone they are civilians of no country; after a state's name they take that state
# ("Bosnian Serbs" → BIH). Only plural nouns: the adjectives ("Kurdish region") are not actors.
ETHNONYMS = words(
    "serbs kurds tamils pashtuns hutus tutsis uighurs uyghurs hazaras berbers tuaregs rohingya baluchis "
    "croats bosniaks"
)
# Agent nouns that are an actor only after a country ("Russian operations", "Israeli helicopters"): on
# their own they are equipment or activities ("rescue operations", "water tanks").
COUNTRY_ONLY_AGENTS: dict[str, str] = {
    "operations": "MIL", "military operations": "MIL", "helicopters": "MIL", "helicopter gunships": "MIL",
    "gunships": "MIL", "tanks": "MIL", "warplanes": "MIL", "jets": "MIL", "fighter jets": "MIL",
    "aircraft": "MIL", "drones": "MIL", "warships": "MIL", "artillery": "MIL", "airstrikes": "MIL",
    "air strikes": "MIL", "bombers": "MIL", "gunboats": "MIL",
}
# Head words of organisation names ("Homeland Union", "Association of …", "Umma party"). A capitalised
# run holding one is an organisation even when no dictionary knows it; its sector comes from the words.
ORG_HEADS = words(
    "union party association federation confederation front movement league congress council committee "
    "commission society organisation organization foundation institute alliance coalition brigade brigades"
)
# Lower-case heads that close a capitalised name: "the Umma party", "the Islamic Jihad movement".
ORG_TAILS = words("party movement union front alliance coalition")
# (Teachers, doctors, journalists: their unions keep the profession's own sector, EDU, MED, JRN, which the
# agent word gives; these words name labour as such.)
LABOUR_WORDS = words("workers trade trades labour labor employees miners unions staff dockers drivers")
# Words that make an organisation transnational: without a state in its name it is a non-state body.
TRANSNATIONAL = words("international world african european asian arab global pan-african inter-american")
# ... and only bodies with these heads: associations of people, not parties, fronts or councils
NGO_HEADS = words("association federation confederation society foundation institute league organisation "
                  "organization committee")


def org_sector(keys: tuple[str, ...] | list[str], has_country: bool) -> str | None:
    """The PLOVER sector an organisation's own name states, or None.

    A party → PTY; a union/federation/congress of workers → LAB; a state's commission → GOV. (A union of
    a profession — teachers, doctors — returns None: the profession's agent word gives EDU, MED.)
    """
    names = set(keys)
    if "party" in names or "parties" in names:
        return "PTY"
    if names & {"union", "unions", "federation", "confederation", "congress"} and names & LABOUR_WORDS:
        return "LAB"
    if has_country and names & {"commission", "ministry"}:
        return "GOV"
    return None
