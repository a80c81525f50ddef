"""Events that are found and must not be dropped: a named giver with no recipient, an agentless passive
on a sector-only patient, the dead of an attack, a reading the frame disambiguates, a reason's doer, and
sentences the pre-parse filter must let through. Short original sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.models import AnalysedArticle, Event


def _rows(events: tuple[Event, ...]) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.type.value, e.trigger, e.source.code if e.source else None,
             e.target.code if e.target else None) for e in events]


def _by(events: tuple[Event, ...], trigger: str) -> list[Event]:
    return [e for e in events if e.trigger == trigger]


def test_named_giver_without_recipient_is_kept(code):  # type: ignore[no-untyped-def]
    events = code("Norway has provided 40 million kroner for flood relief this year.").events
    provided = _by(events, "provided")
    assert provided and provided[0].type.value == "AID", _rows(events)
    assert provided[0].source is not None and provided[0].source.country == "NOR" and provided[0].target is None


def test_sector_only_giver_without_recipient_is_dropped(code):  # type: ignore[no-untyped-def]
    events = code("Volunteers provided blankets during the cold night.").events
    assert not [e for e in events if e.type.value == "AID"], _rows(events)


def test_recipient_named_in_the_object_noun(code):  # type: ignore[no-untyped-def]
    events = code("Finland annually provides 8 million euros in bilateral and multilateral aid to the Somali "
                  "people.").events
    provided = _by(events, "provides")
    assert provided and provided[0].type.value == "AID", _rows(events)
    assert provided[0].source and provided[0].source.country == "FIN", _rows(events)
    assert provided[0].target and provided[0].target.country == "SOM", _rows(events)


@pytest.mark.parametrize(("text", "trigger", "cameo", "sector"), [
    ("The opposition leader has been arrested.", "arrested", "173", "OPP"),
    ("Dozens of protesters were detained on Sunday.", "detained", "173", None),
    ("Eleven civilians were killed overnight.", "killed", "190", "CVL"),
])
def test_agentless_passive_on_a_sector_only_patient(code, text, trigger, cameo, sector):  # type: ignore[no-untyped-def]
    events = code(text).events
    found = _by(events, trigger)
    assert found and found[0].cameo.startswith(cameo[:2]), _rows(events)
    e = found[0]
    assert e.source is None and e.target is not None, _rows(events)
    assert sector is None or e.target.sector == sector, (e.target, _rows(events))


def test_agentless_passive_of_a_talk_is_not_made_an_event(code):  # type: ignore[no-untyped-def]
    events = code("The students were invited to the ceremony.").events
    assert not [e for e in events if e.source is None and e.target is not None and e.type.value == "CONSULT"]


def test_the_dead_of_an_attack_are_its_target(code):  # type: ignore[no-untyped-def]
    events = code("Twelve Syrian soldiers died in Turkish shelling near the border.").events
    shelling = _by(events, "shelling")
    assert shelling and shelling[0].type.value == "ASSAULT", _rows(events)
    assert shelling[0].source and shelling[0].source.country == "TUR", _rows(events)
    assert shelling[0].target and shelling[0].target.code == "SYRMIL", _rows(events)


def test_air_strike_needs_no_preposition(code):  # type: ignore[no-untyped-def]
    events = code("Ten villagers died in an Ethiopian air strike.").events
    strike = _by(events, "strike")
    assert strike and strike[0].type.value == "ASSAULT", _rows(events)
    assert strike[0].source and strike[0].source.country == "ETH", _rows(events)
    # a bare strike is a walkout unless it is against someone
    events = code("Kenyan doctors ended their strike on Monday.").events
    assert not [e for e in events if e.trigger == "strike"], _rows(events)


def test_arrested_for_a_reason_the_arrested_did_it(code):  # type: ignore[no-untyped-def]
    events = code("A Sudanese journalist was arrested by Egyptian police for spying for Ethiopia.").events
    for e in events:
        if e.trigger == "spying":
            assert e.source is None or e.source.country != "EGY", _rows(events)
    events = code("Three Georgian officers were detained by police for cooperating with Russia.").events
    for e in events:
        if e.trigger == "cooperating":
            assert e.source is None or e.source.sector != "COP", _rows(events)


def test_pair_of_people_named_earlier_is_parsed(tmp_path: Path) -> None:
    from eventwire import api

    path = tmp_path / "pair.txt"
    path.write_text("Peruvian Foreign Minister Ana Soto met Chilean Foreign Minister Luis Vera in Lima on "
                    "Monday. The two men signed an agreement on fishing rights.\n", encoding="utf-8")
    (analysed,) = list(api.extract([path], published="2024-03-04"))
    assert isinstance(analysed, AnalysedArticle)
    second = [e for e in analysed.events if e.sentence_index == 1]
    assert second, [(e.sentence_index, e.trigger) for e in analysed.events]
    assert {e.source.country for e in second if e.source} | {e.target.country for e in second if e.target} \
        == {"PER", "CHL"}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Four villagers were killed in police firing near the market.", "killed"),
    ("Six farmers were wounded in army shelling on Friday.", "wounded"),
])
def test_doer_named_by_the_means_noun(code, text, trigger):  # type: ignore[no-untyped-def]
    events = code(text).events
    found = [e for e in events if e.trigger == trigger]
    assert found and found[0].type.value == "ASSAULT", _rows(events)
    assert found[0].source is not None and found[0].source.sector in ("COP", "MIL"), _rows(events)
    assert found[0].target is not None and found[0].target.sector in ("CVL", "AGR"), _rows(events)


def test_died_in_police_firing(code):  # type: ignore[no-untyped-def]
    events = code("Twelve people died in police firing in the town.").events
    assault = [e for e in events if e.type.value == "ASSAULT"]
    assert assault and assault[0].source is not None and assault[0].source.sector == "COP", _rows(events)
    assert assault[0].target is not None and assault[0].target.sector == "CVL", _rows(events)


def test_agent_word_before_a_lower_case_noun_stays_an_adjective(code):  # type: ignore[no-untyped-def]
    events = code("The police station was attacked on Monday.").events
    assert not [e for e in events if e.source is not None and e.source.sector == "COP"], _rows(events)


def test_harm_when_someone_fired_is_theirs(code):  # type: ignore[no-untyped-def]
    events = code("Three students were wounded when soldiers opened fire on the crowd.").events
    wounded = [e for e in events if e.trigger == "wounded"]
    assert wounded and wounded[0].source is not None and wounded[0].source.sector == "MIL", _rows(events)
    events = code("Three students were wounded when the bus overturned.").events
    assert not [e for e in events if e.trigger == "wounded" and e.source is not None], _rows(events)
