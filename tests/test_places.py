"""The place stage: event locations from the parse (original sentences, hand-built events)."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.config import Settings
from eventwire.ids import content_hash
from eventwire.models import Actor, AnalysedArticle, Event, EventType, Section
from eventwire.places import PlaceResolver


@pytest.fixture(scope="module")
def places() -> PlaceResolver:
    return PlaceResolver(Settings())


def with_event(analysed: AnalysedArticle, sentence: int, trigger: str, *, section: Section = Section.BODY,
               source_country: str | None = None) -> AnalysedArticle:
    """The article with one hand-built event whose trigger is the first token ``trigger`` of ``sentence``."""
    s = analysed.sentences[sentence]
    doc = analysed.docs[sentence]
    token = next(t for t in doc if t.text == trigger)
    start = s.start + token.idx
    event = Event(
        id=content_hash(s.text, trigger), article_id=analysed.article.id, type=EventType.CONSULT,
        sentence_index=sentence, sentence=s.text, span=(s.start, s.end), trigger=trigger,
        trigger_span=(start, start + len(trigger)), trigger_token=token.i, evidence="test", section=section,
        source=Actor(text="x", country=source_country) if source_country else None,
    )
    return dataclasses.replace(analysed, events=(*analysed.events, event))


def location(places: PlaceResolver, analysed: AnalysedArticle, index: int = 0):  # type: ignore[no-untyped-def]
    return places(analysed).events[index].location


def test_places_arrived_in_city(places, parsed_article):
    a = with_event(parsed_article("The foreign minister arrived in Pyongyang on Tuesday for two days of talks."),
                   0, "arrived")
    loc = location(places, a)
    assert loc is not None
    assert (loc.name, loc.country, loc.precision) == ("Pyongyang", "PRK", "city")
    assert loc.geonameid is not None
    assert abs(loc.lat - 39.03) < 0.2 and abs(loc.lon - 125.75) < 0.2


def test_places_near_a_town_on_the_border(places, parsed_article):
    a = with_event(parsed_article("Drones struck a fuel depot near its Kursk border on Sunday night."), 0, "struck")
    loc = location(places, a)
    assert loc is not None and (loc.name, loc.country) == ("Kursk", "RUS")


def test_places_in_a_countrys_region(places, parsed_article):
    a = with_event(parsed_article("Artillery shelled two villages in Russia's Belgorod region overnight."),
                   0, "shelled")
    loc = location(places, a)
    assert loc is not None
    assert loc.country == "RUS" and loc.precision == "region" and loc.name.startswith("Belgorod")


def test_places_possessor_gives_way_to_the_place_it_owns(places, parsed_article):
    a = with_event(parsed_article("Gunmen ambushed an army convoy in Iraq's Anbar desert."), 0, "ambushed")
    loc = location(places, a)
    assert loc is not None and loc.name == "Anbar" and loc.country == "IRQ" and loc.precision == "region"


def test_places_nominal_visit_to_a_capital(places, parsed_article):
    a = with_event(parsed_article("The premier confirmed a visit to Ankara next month."), 0, "visit")
    loc = location(places, a)
    assert loc is not None and (loc.name, loc.country) == ("Ankara", "TUR")


def test_places_talks_in_a_capital(places, parsed_article):
    a = with_event(parsed_article("Envoys from both sides held talks in Hanoi on Monday."), 0, "held")
    loc = location(places, a)
    assert loc is not None and (loc.name, loc.country, loc.precision) == ("Hanoi", "VNM", "city")


def test_places_country_as_place(places, parsed_article):
    a = with_event(parsed_article("The alliance deployed four hundred soldiers to Mali last spring."), 0, "deployed")
    loc = location(places, a)
    assert loc is not None and (loc.name, loc.country, loc.precision) == ("Mali", "MLI", "country")


def test_places_talking_to_a_capital_is_no_place(places, parsed_article):
    # "to" gives a place only after movement: a message to Moscow was not sent from Moscow
    a = with_event(parsed_article("The ministry complained to Moscow about the incident."), 0, "complained")
    assert location(places, a) is None


def test_places_no_place_in_the_clause_is_none(places, parsed_article):
    text = "Fighting broke out in Kharkiv last week.\nThe two governments signed a grain agreement on Friday."
    a = with_event(parsed_article(text), 1, "signed", source_country="UKR")
    assert location(places, a) is None


def test_places_dateline_is_not_the_event_place(places, parsed_article):
    a = with_event(parsed_article("CAIRO, May 3 - The minister criticised the new tariffs on steel."),
                   0, "criticised")
    assert location(places, a) is None


def test_places_paris_in_an_article_about_texas(places, parsed_article):
    text = ("Storms flooded roads in Tyler and Longview, Texas, on Monday.\n"
            "The governor met relief crews in Paris on Tuesday.")
    loc = location(places, with_event(parsed_article(text), 1, "met"))
    assert loc is not None and loc.country == "USA" and loc.name == "Paris"
    assert 33.0 < loc.lat < 34.5  # Paris, Texas, not Paris, Tennessee or France


def test_places_paris_otherwise_is_france(places, parsed_article):
    loc = location(places, with_event(parsed_article("The governor met relief crews in Paris on Tuesday."), 0, "met"))
    assert loc is not None and (loc.name, loc.country) == ("Paris", "FRA")


def test_places_city_comma_state(places, parsed_article):
    a = with_event(parsed_article("A fire destroyed a warehouse in Athens, Ga., on Friday."), 0, "destroyed")
    loc = location(places, a)
    assert loc is not None and (loc.name, loc.country) == ("Athens", "USA")
    assert 33.5 < loc.lat < 34.5


def test_places_actor_countries_steer_the_reading(places, parsed_article):
    # Tripoli: Libya's capital by population, but Lebanese actors make it Tripoli, Lebanon
    text = "Lebanese soldiers arrested three men in Tripoli on Sunday."
    plain = location(places, with_event(parsed_article(text), 0, "arrested"))
    steered = location(places, with_event(parsed_article(text), 0, "arrested", source_country="LBN"))
    assert plain is not None and steered is not None
    assert steered.country == "LBN"


def test_places_caption_place(places, parsed_article):
    a = with_event(parsed_article("Rescue workers search the rubble of a school, Kharkiv, Ukraine."), 0, "search",
                   section=Section.CAPTION)
    loc = location(places, a)
    assert loc is not None and (loc.name, loc.country) == ("Kharkiv", "UKR")


def test_places_body_sentence_without_preposition_gets_no_caption_fallback(places, parsed_article):
    a = with_event(parsed_article("Rescue workers search the rubble of a school, Kharkiv, Ukraine."), 0, "search")
    assert location(places, a) is None


def test_places_article_without_events_is_unchanged(places, parsed_article):
    a = parsed_article("Nothing happened in Oslo.")
    assert places(a) is a


def test_places_purpose_clause_names_where_troops_went(places, parsed_article):
    a = with_event(parsed_article("The army has sent engineers to support recovery work near the Belgorod border."),
                   0, "sent")
    loc = location(places, a)
    assert loc is not None and (loc.name, loc.country) == ("Belgorod", "RUS")


def test_places_city_of_x(places, parsed_article):
    a = with_event(parsed_article("Missiles hit a power station in the city of Kharkiv on Friday."), 0, "hit")
    loc = location(places, a)
    assert loc is not None and (loc.name, loc.country) == ("Kharkiv", "UKR")


def test_places_abstract_in_phrase_is_no_place(places, parsed_article):
    text = "The ministers approved the plan in the framework of the accord between Norway and Chile."
    assert location(places, with_event(parsed_article(text), 0, "approved")) is None


def test_places_visit_takes_its_place_as_object(places, parsed_article):
    a = with_event(parsed_article("The defence minister visits Minsk for security talks."), 0, "visits")
    loc = location(places, a)
    assert loc is not None and (loc.name, loc.country) == ("Minsk", "BLR")


def test_places_visiting_a_person_is_no_place(places, parsed_article):
    a = with_event(parsed_article("The envoy visited the ailing president on Monday."), 0, "visited")
    assert location(places, a) is None
