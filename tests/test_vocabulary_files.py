"""The time and place stages' word classes (data/lexicon/time.toml, places.toml): they load, the classes the
code names exist, and no list is kept twice (issue 10 "rules as data")."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from eventwire.time import rules, tagger
from eventwire.vocabulary import class_names, parse_classes, words

_LEXICON = Path(str(files("eventwire") / "data" / "lexicon"))
_SRC = Path(str(files("eventwire")))
# each stage's file, the prefix of its families and the package whose code reads them
_FILES = {"time.toml": ("time_", "time"), "places.toml": ("place_", "places")}
_NAMED_CLASS = re.compile(r"""\bwords\(\s*["']([a-z_]+\.[a-z_]+)["']\s*\)""")


def _table(name: str) -> dict[str, Any]:
    return tomllib.loads((_LEXICON / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(_FILES))
def test_vocabulary_stage_file_loads_with_prefixed_families(name: str) -> None:
    prefix, _ = _FILES[name]
    table = _table(name)
    classes = parse_classes(table, name)
    assert classes, name
    assert all(family.startswith(prefix) for family in table if family != "version")
    known = set(class_names())
    for cls, members in classes.items():
        assert cls in known and words(cls) == members


@pytest.mark.parametrize("name", sorted(_FILES))
def test_vocabulary_every_class_has_a_comment(name: str) -> None:
    """Every class is documented by the comment of its group: above it, past the classes of the group."""
    lines = (_LEXICON / name).read_text(encoding="utf-8").splitlines()
    for k, line in enumerate(lines):
        if re.match(r"[a-z_]+ = \[", line):
            above = k - 1
            while above >= 0 and lines[above] and not lines[above].startswith(("#", "[")):
                above -= 1  # the classes (and their continuation lines) of the same group
            assert above >= 0 and lines[above].startswith("#"), f"{name}: no comment for {line.split()[0]}"


@pytest.mark.parametrize("package", sorted(package for _, package in _FILES.values()))
def test_vocabulary_classes_named_in_code_exist(package: str) -> None:
    known = set(class_names())
    named = {m for path in sorted((_SRC / package).glob("*.py")) for m in _NAMED_CLASS.findall(path.read_text())}
    assert named, package
    assert named <= known, sorted(named - known)


def test_vocabulary_every_time_rule_has_its_keys() -> None:
    names = {r.name for r in rules.RULES}
    for rule in (*rules.RULES, *rules.LOWER_RULES):
        assert rule.keys, rule.name
    for cls in {c for classes in rules._KEY_CLASSES.values() for c in classes}:
        assert cls in class_names()
    assert set(rules._KEY_CLASSES) <= names
    # the rule groups name rules that exist
    assert words("time_rules.absolute") <= names and tagger._ABSOLUTE_RULES <= names
    assert words("time_rules.named") == {r.name for r in rules.LOWER_RULES}


def test_vocabulary_stage_classes_are_not_kept_twice() -> None:
    mine = [c for name in _FILES for c in parse_classes(_table(name), name)]
    seen: dict[frozenset[str], str] = {}
    for cls in mine:
        assert words(cls) not in seen, f"{cls} repeats {seen.get(words(cls))}"
        seen[words(cls)] = cls


def test_vocabulary_place_lists_take_the_calendar_names_from_time() -> None:
    from eventwire.places.wordlists import AFTER_PLACE, NOT_PLACES

    assert words("time_calendar.month_names") <= NOT_PLACES and words("time_calendar.weekday_names") <= AFTER_PLACE
    assert "sept" in NOT_PLACES and "north" in NOT_PLACES and "nato" in NOT_PLACES
