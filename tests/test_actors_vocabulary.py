"""The actors stage's word classes (data/lexicon/actors.toml, issue 10 "rules as data"): the file loads, every
class is documented, the classes the code names exist, no list is kept twice, and the code binds them as the
lists it replaced."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path

from eventwire.actors import coref, sentence, titles
from eventwire.vocabulary import class_names, parse_classes, words

_LEXICON = Path(str(files("eventwire") / "data" / "lexicon"))
_ACTORS = Path(str(files("eventwire") / "actors"))
_NAMED_CLASS = re.compile(r"""\b(?:words|codes|keyed_classes)\(\s*["']([a-z_]+(?:\.[a-z_]+)?)["']""")


def _table() -> dict[str, object]:
    return tomllib.loads((_LEXICON / "actors.toml").read_text(encoding="utf-8"))


def test_actors_vocabulary_file_loads_with_prefixed_families() -> None:
    table = _table()
    classes = parse_classes(table, "actors.toml")  # type: ignore[arg-type]
    assert classes
    assert all(family.startswith("actors_") for family in table if family != "version")
    for name, members in classes.items():
        assert words(name) == members


def test_actors_vocabulary_every_class_has_a_comment() -> None:
    lines = (_LEXICON / "actors.toml").read_text(encoding="utf-8").splitlines()
    for k, line in enumerate(lines):
        if re.match(r"[a-z_]+ = \[", line):
            above = k - 1
            while above >= 0 and lines[above] and not lines[above].startswith(("#", "[")):
                above -= 1
            assert above >= 0 and lines[above].startswith("#"), f"no comment for {line.split()[0]}"


def test_actors_vocabulary_classes_named_in_code_exist() -> None:
    known = set(class_names())
    families = {name.partition(".")[0] for name in known}
    named = {m for path in sorted(_ACTORS.glob("*.py")) for m in _NAMED_CLASS.findall(path.read_text())}
    assert named
    assert {n for n in named if "." in n} <= known
    assert {n for n in named if "." not in n} <= families


def test_actors_vocabulary_no_class_repeats_another() -> None:
    seen: dict[frozenset[str], str] = {}
    for name in class_names():
        if name.startswith("actors_"):
            assert words(name) not in seen, f"{name} repeats {seen[words(name)]}"
        seen.setdefault(words(name), name)
    for name in class_names():
        if not name.startswith("actors_"):
            mine = [m for m in class_names() if m.startswith("actors_") and words(m) == words(name)]
            assert not mine, f"{mine} repeat {name}"


def test_actors_vocabulary_codes_are_bound_upper_case() -> None:
    assert {"IGO", "UNO", "EUR", "KOS"} <= titles.PLOVER_NONSTATE
    assert "USA" in coref.CONGRESS_LEGISLATURES and "IND" not in coref.CONGRESS_LEGISLATURES
    assert {"CHN", "PRK"} <= coref.FAMILY_NAME_FIRST
    assert titles.CAMEO_TO_PLOVER_SECTOR["MED"] == "JRN" and titles.CAMEO_TO_PLOVER_SECTOR["HLH"] == "MED"
    assert titles.CAMEO_COUNTRY_FIXES["KSV"] == "KOS" and titles.CAMEO_COUNTRY_FIXES["EEC"] == "EUR"
    assert set(titles.CAMEO_TO_PLOVER_SECTOR.values()) <= titles.PLOVER_SECTORS
    assert set(titles.TITLE_SECTORS.values()) <= titles.PLOVER_SECTORS
    assert titles.TITLE_SECTORS["police"] == "COP" and titles.TITLE_SECTORS["secretary of state"] == "GOV"
    assert set(titles.COUNTRY_ONLY_AGENTS.values()) == {"MIL"}


def test_actors_vocabulary_borrows_the_calendar_and_compass_words() -> None:
    assert words("time_calendar.month_names") | words("time_calendar.weekday_names") <= titles.NOT_NAME
    assert words("place_names.compass") <= coref._COMPASS
    assert "central" in coref._COMPASS


def test_actors_vocabulary_export_known_groups_are_the_nonstate_codes_but_kosovo() -> None:
    from eventwire.export import NONSTATE_CODES

    assert titles.PLOVER_NONSTATE - NONSTATE_CODES == {"KOS"} and NONSTATE_CODES < titles.PLOVER_NONSTATE


def test_actors_vocabulary_group_phrases_read_whole() -> None:
    assert ("the", "two", "countries") in titles.GROUP_PHRASES and ("both", "sides") in titles.GROUP_PHRASES
    assert sentence._SPECIAL_FIRST == {"the", "both"}
