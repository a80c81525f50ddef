"""The time stage's readings of words (data/lexicon/time.toml families keyed by value, read by
eventwire.time.lexicon.keyed): each word has one reading, and the tables read as the grammar expects."""

from __future__ import annotations

import pytest

from eventwire.time import lexicon, normalise
from eventwire.vocabulary import class_names, words

_KEYED = ("time_months", "time_weekdays", "time_number_values", "time_ordinals", "time_units", "time_steps",
          "time_seasons", "time_day_parts", "time_edges", "time_references", "time_holidays", "time_decades",
          "time_approximations", "time_set_periods")


@pytest.mark.parametrize("family", _KEYED)
def test_time_lexicon_keyed_family_gives_each_word_one_reading(family: str) -> None:
    classes = [words(name) for name in class_names() if name.partition(".")[0] == family]
    assert classes, family
    assert sum(len(c) for c in classes) == len(lexicon.keyed(family)), family


def test_time_lexicon_tables_read_words_as_values() -> None:
    assert lexicon.MONTHS["sept"] == 9 and lexicon.MONTHS["may"] == 5 and len(lexicon.MONTHS) == 24
    assert lexicon.WEEKDAYS["monday"] == 0 and lexicon.WEEKDAYS["sunday"] == 6
    assert lexicon.number_value("twenty-four") == 24 and lexicon.number_value("half a dozen") == 6
    assert lexicon.ORDINALS["3rd"] == 3 and lexicon.UNITS["fortnight"] == "2W" and lexicon.SEASONS["fall"] == "FA"
    assert lexicon.HOLIDAYS["christmas eve"] == (12, 24) and lexicon.DECADES["sixties"] == "196"
    assert lexicon.APPROX["no more than"] == "EQUAL_OR_LESS" and lexicon.REF_WORDS["lately"] == "PAST_REF"


def test_time_lexicon_edges_and_units_of_the_normaliser() -> None:
    assert normalise._mod("later") == "END" and normalise._mod("middle") == "MID" and normalise._mod("earlier") is None
    assert normalise._STEP == {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
    assert normalise._DATE_UNIT["2W"] == "W" and "MIN" not in normalise._DATE_UNIT
    assert normalise._PERIOD_UNITS["weekend"] == "WE" and normalise._ANCHOR_UNITS["evening"] == "D"
    assert normalise._SET_ADVERBS["biweekly"] == "P2W"
