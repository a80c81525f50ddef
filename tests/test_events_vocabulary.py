"""The event coder's word classes (data/lexicon/events.toml, issue 10 "rules as data"): they load with prefixed
families, every class is documented, every class the events code and the rule files name exists, no class repeats
another class of the vocabulary, and the lists that moved out of the code are the ones the code reads."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path

from eventwire.vocabulary import class_names, parse_classes, words

LEXICON = Path(str(files("eventwire") / "data" / "lexicon"))
EVENTS = Path(str(files("eventwire") / "events"))
RULES = Path(str(files("eventwire") / "data" / "events" / "rules"))
NAMED = re.compile(r"""\bwords\(\s*["']([a-z_]+\.[a-z_]+)["']\s*\)""")


def _table() -> dict[str, object]:
    return tomllib.loads((LEXICON / "events.toml").read_text(encoding="utf-8"))


def test_events_vocabulary_loads_with_prefixed_families() -> None:
    table = _table()
    classes = parse_classes(table, "events.toml")
    assert len(classes) >= 60
    assert all(family.startswith("events_") for family in table if family != "version")
    for name, members in classes.items():
        assert words(name) == members


def test_events_vocabulary_every_class_has_a_comment() -> None:
    lines = (LEXICON / "events.toml").read_text(encoding="utf-8").splitlines()
    for k, line in enumerate(lines):
        if re.match(r"[a-z_]+ = \[", line):
            above = k - 1
            while above >= 0 and lines[above] and not lines[above].startswith(("#", "[")):
                above -= 1
            assert above >= 0 and lines[above].startswith("#"), f"no comment for {line.split()[0]}"


def test_events_vocabulary_classes_named_in_code_and_rules_exist() -> None:
    known = set(class_names())
    named = {m for path in sorted(EVENTS.glob("*.py")) for m in NAMED.findall(path.read_text(encoding="utf-8"))}
    named |= {m for path in sorted(RULES.glob("*.toml"))
              for m in re.findall(r'"@([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8"))}
    assert len(named) >= 40
    assert named <= known, sorted(named - known)


def test_events_vocabulary_repeats_no_other_class() -> None:
    mine = [c for c in class_names() if c.startswith("events_")]
    for cls in mine:
        same = [other for other in class_names() if other != cls and words(other) == words(cls)]
        assert not same, f"{cls} repeats {same}"


def test_events_code_reads_the_vocabulary_lists() -> None:
    from eventwire.events import (
        arguments,
        coder,
        frame,
        groups,
        lexicon,
        messages,
        modality,
        participles,
        sports,
    )

    assert arguments.RECIPIENT_PREPS == words("events_prepositions.recipient")
    assert coder.LOCATIVE_PREPS == words("events_prepositions.locative")
    assert coder.SYMMETRIC_TYPES == {t.upper() for t in words("events_types.symmetric")}
    assert frame.PARTITIVE_NOUNS == words("events_nouns.partitive")
    assert groups.GENERIC_PEOPLE == words("events_nouns.generic_people")
    assert lexicon.FUNCTION_WORDS == words("events_lexicon.function_words")
    assert messages.SENDING_VERBS == words("events_verbs.sending_messages")
    assert participles.AGREEMENT_VERBS == words("events_verbs.concluding")
    assert sports.GAME_VERBS == words("events_sports.game_verbs")
    assert modality.INTENT_VERBS == words("events_verbs.intent")


def test_events_future_auxiliaries_are_the_certainty_lexicons() -> None:
    """One list of the future auxiliaries: the certainty lexicon's future modals and its future-in-the-past
    "would" (time.toml's time_tense.future_auxiliaries also counts the conditional "'d" and stays apart)."""
    from eventwire.certainty.lexicon import load_lexicon
    from eventwire.events.modality import FUTURE_AUX

    status = load_lexicon().status
    assert FUTURE_AUX == status.future_modals | status.reported_future_modals == {"will", "would", "shall", "'ll", "wo"}
    assert words("time_tense.future_auxiliaries") - FUTURE_AUX == {"'d"}


def test_events_locative_prepositions_are_narrower_than_the_places_list() -> None:
    """events_prepositions.locative (a bare place after it is no party) is kept apart from places.toml's
    place_words.locative_prepositions (where an event happened): "outside the embassy" is aimed at the embassy."""
    assert words("events_prepositions.locative") < words("place_words.locative_prepositions")


def test_events_code_maps_are_data() -> None:
    from eventwire.events.modality import CODE_MAPS, intent_code, recode, threat_code

    assert set(CODE_MAPS) == {"intent", "threat", "refuse", "demand"}
    assert intent_code("071") == "0331" and intent_code("0423") == "036"
    assert threat_code("1723") == "1323" and threat_code("19") == "138" and threat_code("01") == "130"
    assert recode("refuse", "0411") == "125" and recode("demand", "0871") == "105"
