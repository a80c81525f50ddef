"""Lower-cased text: month and weekday names in lower case, guarded against "may", "march" and "august"
as ordinary words. Our own sentences, against a fixed DCT."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from eventwire.config import Settings
from eventwire.models import Event, EventType, Precision
from eventwire.time import TimeTagger, tag
from eventwire.time.lowercase import is_lower_cased, lower_regions, mostly_lower_cased

DCT = date(2002, 3, 10)  # a Sunday


def values(text: str, dct: date | None = DCT) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("police arrested 20 people on march 3.", ("march 3", "2002-03-03")),
        ("the two leaders held talks on saturday in the port town.", ("saturday", "2002-03-09")),
        ("farmers will gather for the march 15 rally near the canal.", ("march 15", "2002-03-15")),
        ("the hearing was put off till 5 may by the bench.", ("5 may", "2002-05-05")),
        ("the ferry service will resume on may 2 after repairs.", ("may 2", "2002-05-02")),
        ("the new rules came into force in may 2001.", ("may 2001", "2001-05")),
        ("the toll bridge reopened in mid-march after repairs.", ("mid-march", "2002-03")),
        ("the night market stays shut till the end of march.", ("the end of march", "2002-03")),
        ("the mill closed in march, the union said.", ("march", "2002-03")),
        ("the board will meet again next march to review it.", ("next march", "2003-03")),
        ("the fair will open on august 15 this year.", ("august 15", "2002-08-15")),
        ("the council was elected in august last year.", ("august last year", "2001-08")),
        ("the blast on dec. 13 shook the capital.", ("dec. 13", "2001-12-13")),
        ("the bus strike began on monday morning in the city.", ("monday morning", "2002-03-04TMO")),
        ("the dam was completed on 12 march 1998, officials said.", ("12 march 1998", "1998-03-12")),
        ("the library opened in january and closed in june.", ("january", "2002-01")),
        ("the accord was signed last may.", ("last may", "2001-05")),
        ("the polls will be held in august, after the monsoon.", ("august", "2002-08")),
        ("the inquiry was ordered on wednesday last, officials said.", ("wednesday last", "2002-03-06")),
        ("the inquiry was ordered on Wednesday last.", ("Wednesday last", "2002-03-06")),
    ],
)
def test_time_lower_cased_names_are_read(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "they may march on the capital.",
        "the students may march to the secretariat next.",
        "a protest march was held in the old town.",
        "the march to the collectorate stayed peaceful.",
        "the last march ended without trouble.",
        "an august body of scholars met in the hall.",
        "we spoke by sat phone from the sun deck and wed in spring.",
        "it may rain, so the fair may be put off.",
        "the crowd vowed to march on regardless.",
        "members of the august house may, at last, agree.",
        "the panel said it may in time change the rules.",
    ],
)
def test_time_lower_cased_common_words_are_not_names(text: str) -> None:
    assert not [v for v in values(text) if v[0].split()[0] in ("may", "march", "august", "sat", "sun", "wed")]


def test_time_march_as_a_verb_with_a_distance_is_not_a_date() -> None:
    got = values("the workers will march 15 km to the mill on monday.")
    assert got == [("monday", "2002-03-11")]


def test_time_weekday_then_last_week_stays_two_expressions() -> None:
    assert ("last week", "2002-W09") in values("the panel met on friday last week.")


def test_time_cased_text_is_read_as_before() -> None:
    # a capital beyond the first letter: the cased grammar alone, "may" and "march" stay words
    assert values("Ravi said they may march 5 miles on Friday.") == [("Friday", "2002-03-08")]
    assert values("Police in Pune arrested 20 people on March 3.") == [("March 3", "2002-03-03")]
    assert values("Police in Pune arrested 20 people on march 3.") == []


def test_time_lower_cased_sentences_of_a_mixed_text() -> None:
    text = "Filed on March 10, 2002 by Our Reporter\n\npune: the rally was held on saturday near the fort."
    assert values(text) == [("March 10, 2002", "2002-03-10"), ("saturday", "2002-03-09")]


def test_time_what_counts_as_lower_cased() -> None:
    assert is_lower_cased("Police arrested 20 people on march 3.")
    assert is_lower_cased("“the talks ended late,” he said.")
    assert not is_lower_cased("Police arrested Ravi on march 3.")
    assert not is_lower_cased("on monday.")  # too short to tell
    text = "The Mayor Spoke First. then the crowd left on friday. And Then It Rained."
    (start, end), = lower_regions(text)
    assert text[start:end] == "then the crowd left on friday."
    assert mostly_lower_cased(["a dateline From The Desk", "the meeting ended.", "the crowd went home."], 0.6)
    assert not mostly_lower_cased(["The Mayor Spoke.", "the crowd went home early."])


def _event(analysed, sentence: int, word: str) -> Event:  # type: ignore[no-untyped-def]
    doc = analysed.docs[sentence]
    tok = next(t for t in doc if t.text == word)
    s = analysed.sentences[sentence]
    return Event(id=f"{sentence}:{word}", article_id=analysed.article.id, type=EventType.ASSAULT,
                 sentence_index=sentence, sentence=s.text, span=(s.start, s.end), trigger=word,
                 trigger_span=(s.start + tok.idx, s.start + tok.idx + len(tok)), trigger_token=tok.i,
                 evidence="test", section=s.section)


def test_time_stage_dates_events_of_a_lower_cased_article(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("FILED BY OUR CORRESPONDENT\n"
                       "police arrested twelve traders in the old market on march 3.\n"
                       "the traders' union called a strike on saturday.", DCT)
    a = dataclasses.replace(a, events=(_event(a, 1, "arrested"), _event(a, 2, "called")))
    out = TimeTagger(Settings())(a)
    got = {e.trigger: e.date for e in out.events}
    assert (got["arrested"].value, got["arrested"].precision) == ("2002-03-03", Precision.DAY)
    assert (got["called"].value, got["called"].precision) == ("2002-03-09", Precision.DAY)
    assert [t.text for t in out.timexes] == ["march 3", "saturday"]


def test_time_an_end_bound_does_not_date_the_event(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("the court remanded the two suspects till march 22.\n"
                       "the session was suspended until Monday after the uproar.", DCT)
    a = dataclasses.replace(a, events=(_event(a, 0, "remanded"), _event(a, 1, "suspended")))
    got = {e.trigger: e.date for e in TimeTagger(Settings())(a).events}
    assert got["remanded"].value is None and got["remanded"].precision is Precision.UNKNOWN
    assert got["suspended"].value is None
    assert got["suspended"].latest == DCT.isoformat()  # the publication date stays a bound
