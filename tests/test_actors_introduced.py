"""People introduced by their office and named afterwards (actors/introduced.py), a listed surname borne by someone
else (actors/sentence.py), and an unresolved pronoun coordinated with a name (events/arguments.py). Sentences are
our own."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import AnalysedArticle, RawRecord


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire.api import build_pipeline

    return build_pipeline()


def _read(pipeline, body: str) -> AnalysedArticle:  # type: ignore[no-untyped-def]
    return pipeline.analyse(RawRecord(origin="<test>", text=body, published=date(2025, 5, 2)))


def _codes(analysed: AnalysedArticle, text: str) -> set[str | None]:
    return {m.actor.country for m in analysed.mentions if m.text == text}


@pytest.mark.parametrize(("body", "name", "country"), [
    (("Floods have displaced thousands in Sudan. The head of Amnesty International told the council that its staff "
     "had documented abuses. \"Most were beaten,\" said Secretary General Mara Lindqvist.\nLindqvist later left."),
     "Lindqvist", "NGO"),
    (("Kenyan police fired on protesters in Nairobi. A spokesman for President William Ruto rejected the claims. "
     "\"They are false,\" Peter Kamau told reporters.\nKamau said more would follow."), "Kamau", "KEN"),
])
def test_a_name_given_after_its_office_is_the_office(pipeline, body: str, name: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert _codes(_read(pipeline, body), name) == {country}


def test_a_name_after_another_office_is_not_that_office(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "The UN envoy met the Ethiopian president in Addis Ababa on Monday. "
                        "\"The talks were fruitful,\" said Foreign Minister Ahmed Ali.")
    assert "UNO" not in _codes(a, "Foreign Minister Ahmed Ali")


def test_a_listed_surname_with_another_given_name_is_someone_else(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the dictionary lists Goli Ameri, a U.S. official, with "Ameri" alone as an alias
    a = _read(pipeline, "Hassan Ameri, a shopkeeper in Herat, said prices rose. William Ruto visited Paris.")
    assert "USA" not in {m.actor.country for m in a.mentions if "Ameri" in m.text}
    assert _codes(a, "William Ruto") == {"KEN"}


def test_an_unresolved_pronoun_leaves_its_named_conjunct_the_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Heavy rain fell in Juba. She and Amnesty International urged the Security Council to act.")
    assert any(e.type.value == "REQUEST" and e.source is not None and e.source.country == "NGO" for e in a.events)


def test_a_states_mission_to_the_un_is_the_states(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "The U.N. Security Council met on Monday. Venezuela's U.N. mission criticized the meeting.\n"
                        "The Cuban mission to the U.N. called the vote illegal.")
    sources = {e.source.country for e in a.events if e.source is not None}
    assert "VEN" in sources and "CUB" in sources and "UNO" not in sources, [
        (e.type.value, e.source, e.target) for e in a.events]


def test_a_titled_known_person_in_between_does_not_hide_the_office(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "President Bashar al-Assad" is a title before a known name, not an unnamed office of Syria's
    a = _read(pipeline, "Fighting spread in Syria on Monday.\nThe U.N. envoy for Syria is calling for calm, three "
                        "months after the fall of President Bashar al-Assad.\nKarin Lindqvist issued her appeal on "
                        "Friday.")
    assert "UNO" in {c[:3] for c in _codes(a, "Karin Lindqvist") if c}
