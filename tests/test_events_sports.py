"""Sports copy (engineer L): teams named by their cities and countries, and contest verbs of a game, are
no political events; the same verbs and states outside a game still code. Short original sentences."""

from __future__ import annotations

import pytest

from eventwire.events.sports import NO_SPORT, PLAY, SPORT, dropped_in_sports, sports_article, sports_level
from eventwire.models import Event


def _show(events: tuple[Event, ...]) -> list[tuple[str, str | None, str]]:
    return [(e.type.value, e.cameo, e.evidence) for e in events]


# One sentence that is a game report: no event at all.
GAME_SENTENCES = [
    "Chicago beat Boston 91-73 on Friday night.",
    "England defeated India by five wickets in Mumbai.",
    "Portugal crushed Ghana 4-1 in their World Cup opener.",
    "Madrid attacked down the left in the second half.",
    "Toronto visited Dallas in the NBA playoffs on Monday.",
    "Brazil struck the crossbar twice before halftime.",
]


@pytest.mark.parametrize("text", GAME_SENTENCES, ids=[t[:40] for t in GAME_SENTENCES])
def test_sports_sentence_codes_no_contest(code, text):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert events == (), _show(events)


# Political sentences, some with a game word beside them: they still code.
STILL_CODED: list[tuple[str, str]] = [
    ("Pakistan attacked Indian posts in Kashmir.", "ASSAULT"),
    ("Russia defeated Ukrainian forces near the border.", "ASSAULT"),
    ("The World Cup host Qatar expelled two Kenyan diplomats.", "SANCTION"),
    ("France will visit Chad next week.", "AGREE"),
    ("Gunmen attacked a stadium in Nigeria during a football tournament.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "etype"), STILL_CODED, ids=[c[0][:40] for c in STILL_CODED])
def test_sports_guard_leaves_politics(code, text, etype):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(e.type.value == etype for e in events), _show(events)


def test_sports_article_silences_game_verbs_without_a_score(code):  # type: ignore[no-untyped-def]
    # The last line alone names no score or league; the article around it is a game report.
    text = ("Denver routed Houston 112-90 in the NBA on Sunday.\n"
            "The quarterback threw two touchdowns in the second half.\n"
            "Denver will visit Atlanta on Thursday.")
    visits = [e for e in code(text).events if e.trigger.lower().startswith("visit")]
    assert visits == [], _show(code(text).events)
    alone = [e for e in code("Denver will visit Atlanta on Thursday.").events]
    assert alone, "a visit outside sports copy must still code"


def test_sports_article_keeps_an_arrest_and_a_shooting(code):  # type: ignore[no-untyped-def]
    text = ("Seattle beat Miami 27-24 in the NFL on Sunday.\n"
            "The Seattle linebacker was arrested by police in Oregon.\n"
            "A linebacker was shot by a police officer in Ohio in 2019.")
    types = {e.type.value for e in code(text).events}
    assert {"COERCE", "ASSAULT"} <= types, _show(code(text).events)


@pytest.mark.parametrize(("text", "level"), [
    ("It was their 27-24 loss to Denver.", PLAY),
    ("The Lions (0-14) remain winless.", PLAY),
    ("Between 10-15 people were killed.", NO_SPORT),
    ("The Senate voted 52-48 to defeat the bill.", NO_SPORT),
    ("The Premier League club sold its stadium.", SPORT),
    ("Germany attacked Polish positions.", NO_SPORT),
    ("The Post reported that rebels attacked the town in the first half of May.", NO_SPORT),
    ("They trailed at halftime.", PLAY),
])
def test_sports_level(nlp, text, level):  # type: ignore[no-untyped-def]
    assert sports_level(nlp.make_doc(text)) == level


def test_sports_verbs_and_article_share() -> None:
    assert dropped_in_sports("attack", PLAY, False) and not dropped_in_sports("attack", SPORT, True)
    assert dropped_in_sports("release", SPORT, False) and not dropped_in_sports("release", NO_SPORT, True)
    assert dropped_in_sports("visit", NO_SPORT, True) and not dropped_in_sports("arrest", PLAY, True)
    assert sports_article([PLAY, SPORT, NO_SPORT, NO_SPORT]) and sports_article([PLAY, SPORT, SPORT] + [NO_SPORT] * 9)
    assert not sports_article([PLAY, SPORT] + [NO_SPORT] * 5)
    assert not sports_article([PLAY, SPORT, SPORT] + [NO_SPORT] * 10)
