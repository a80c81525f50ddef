"""Bare names after a full mention: which word of a person's name an article uses alone.

Sentences are our own, one per line, read from tokenised docs as the actors stage sees them.
"""

from __future__ import annotations

from datetime import date

import pytest
from mentions import codes


@pytest.fixture(scope="module")
def read(actor_reader):  # type: ignore[no-untyped-def]
    return actor_reader(date(2024, 3, 5))


def test_chinese_family_name_first_and_two_letters(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Chinese President Xi Jinping arrived in Moscow on Monday.\nXi later met the Russian defence minister.")
    assert codes(ms).get("Xi") == "CHNGOV", codes(ms)


def test_korean_family_name_first(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("North Korean leader Kim Jong Un watched a missile launch.\nKim ordered more tests.")
    got = codes(ms)
    assert got.get("Kim") is not None and got["Kim"].startswith("PRK"), got


def test_given_name_of_a_family_first_name_is_not_the_person(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Chinese President Xi Jinping arrived in Moscow on Monday.\nJinping is a common given name.")
    assert "Jinping" not in codes(ms)


def test_western_names_keep_the_last_name(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("German Chancellor Olaf Scholz flew to Kyiv.\nScholz promised more air defence.\nOlaf is a Norse name.")
    got = codes(ms)
    assert got.get("Scholz") == "DEUGOV" and "Olaf" not in got, got


def test_two_people_with_one_family_name_stay_unresolved(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("North Korean leader Kim Jong Un met his sister Kim Yo Jong, a senior North Korean official.\n"
              "Kim spoke first.")
    mentions = [m for m in ms if m.text == "Kim"]
    assert all(m.actor.name is None or "Jong" not in (m.actor.name or "") for m in mentions), \
        [(m.text, m.actor.name) for m in mentions]
