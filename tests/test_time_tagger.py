"""The temporal tagger: spans and TimeML values of our own sentences against a fixed DCT."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import Precision
from eventwire.time import tag

DCT = date(2025, 6, 17)  # a Tuesday


def values(text: str, dct: date | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty was signed on June 4, 2025 in the capital.", ("June 4, 2025", "DATE", "2025-06-04")),
        ("The envoy left on Dec. 21, 2022, after the summit.", ("Dec. 21, 2022", "DATE", "2022-12-21")),
        ("The envoy left on 21 December 2022 for Geneva.", ("21 December 2022", "DATE", "2022-12-21")),
        ("Ministers met in March 2024 in Oslo.", ("March 2024", "DATE", "2024-03")),
        ("The plant closed in 2019 after the floods.", ("2019", "DATE", "2019")),
        ("Trade grew fast through the 1990s.", ("the 1990s", "DATE", "199")),
        ("The pact lapsed in mid-2024.", ("mid-2024", "DATE", "2024")),
        ("Talks resumed in the third quarter of 2024.", ("the third quarter of 2024", "DATE", "2024-Q3")),
        ("The deal was agreed 2024-11-05 in Lima.", ("2024-11-05", "DATE", "2024-11-05")),
    ],
)
def test_time_absolute_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor resigned today.", ("today", "DATE", "2025-06-17")),
        ("The governor resigned yesterday.", ("yesterday", "DATE", "2025-06-16")),
        ("The vote will be held tomorrow.", ("tomorrow", "DATE", "2025-06-18")),
        ("Prices fell sharply last year.", ("last year", "DATE", "2024")),
        ("The mission will expand next month.", ("next month", "DATE", "2025-07")),
        ("The ceasefire was agreed earlier this month.", ("earlier this month", "DATE", "2025-06")),
        ("The rebels regrouped late last year.", ("late last year", "DATE", "2024")),
        ("Inspectors arrive this week.", ("this week", "DATE", "2025-W25")),
        ("The border reopened two weeks ago.", ("two weeks ago", "DATE", "2025-W23")),
        ("The agency recently changed its rules.", ("recently", "DATE", "PAST_REF")),
        ("The port is now closed to ships.", ("now", "DATE", "PRESENT_REF")),
        ("Supplies will follow in the near future.", ("the near future", "DATE", "FUTURE_REF")),
        ("The mayor toured the district in March.", ("March", "DATE", "2025-03")),
        ("Officials said the talks will resume in September.", ("September", "DATE", "2025-09")),
        ("Exports rose last summer.", ("last summer", "DATE", "2024-SU")),
    ],
)
def test_time_relative_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rents doubled in the past six months.", ("the past six months", "DURATION", "P6M")),
        ("The strike lasted two weeks.", ("two weeks", "DURATION", "P2W")),
        ("He spent five years in exile.", ("five years", "DURATION", "P5Y")),
        ("The flight took about three hours.", ("about three hours", "DURATION", "PT3H")),
        ("The court met for several days.", ("several days", "DURATION", "PXD")),
        ("The council meets every week.", ("every week", "SET", "P1W")),
        ("The figures are published daily.", ("daily", "SET", "P1D")),
        ("A decision came three months after the vote.", ("three months", "DURATION", "P3M")),
    ],
)
def test_time_durations_and_sets(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in values(text)


def test_time_clock_times_and_parts_of_day() -> None:
    got = values("The blast happened at 10:30 a.m. yesterday, and the curfew began this evening.")
    assert ("10:30 a.m. yesterday", "TIME", "2025-06-16T10:30") in got
    assert ("this evening", "TIME", "2025-06-17TEV") in got


def test_time_bare_clock_time_belongs_to_the_day_being_told() -> None:
    got = values("The ferry capsized on Sunday. Rescuers reached it at 6:40 a.m.")
    assert ("6:40 a.m.", "TIME", "2025-06-15T06:40") in got
    assert ("9 p.m.", "TIME", "2025-06-17T21:00") in values("The curfew starts at 9 p.m.")  # no day named: the DCT


def test_time_weekday_follows_tense() -> None:
    # the DCT is a Tuesday: a past-tense Friday is the 13th, a future one the 20th
    assert ("Friday", "DATE", "2025-06-13") in values("The minister resigned on Friday.")
    assert ("Friday", "DATE", "2025-06-20") in values("The minister will resign on Friday.")
    assert ("Tuesday", "DATE", "2025-06-17") in values("The envoy landed on Tuesday.")
    assert ("last Friday", "DATE", "2025-06-13") in values("They met last Friday.")
    assert ("next Monday", "DATE", "2025-06-23") in values("They meet next Monday.")
    assert ("Friday", "DATE", "2025-06-20") in values("The cabinet must decide by Friday.")
    assert ("November", "DATE", "2025-11") in values("The runoff is set for November.")
    # a deadline lies ahead, even after a past-tense aside; not when told in the pluperfect
    assert ("March", "DATE", "2026-03") in values("The plan, which was announced, aims to cut the debt by March.")
    assert ("March", "DATE", "2025-03") in values("The firm had cut the debt by March.")
    # a plan already behind the narrative: "had expected", "had been due"
    assert ("Friday", "DATE", "2025-06-13") in values("The envoy had expected to sign the text on Friday.")


def test_time_without_dct_relative_values_stay_none() -> None:
    got = values("The envoy left yesterday and returns on Friday; the accord dates from June 4, 2025.", None)
    assert ("yesterday", "DATE", None) in got
    assert ("Friday", "DATE", None) in got
    assert ("June 4, 2025", "DATE", "2025-06-04") in got
    assert all(t.earliest is None for t in tag("It happened last year.", None))


def test_time_bounds_and_precision() -> None:
    (t,) = tag("The talks collapsed in March.", DCT)
    assert (t.precision, t.earliest, t.latest) == (Precision.MONTH, "2025-03-01", "2025-03-31")
    (q,) = tag("Output fell in the second quarter of 2024.", DCT)
    assert (q.precision, q.earliest, q.latest) == (Precision.RANGE, "2024-04-01", "2024-06-30")
    (y,) = tag("The war ended in 1999.", DCT)
    assert (y.precision, y.earliest, y.latest) == (Precision.YEAR, "1999-01-01", "1999-12-31")


def test_time_anaphora_and_report_periods() -> None:
    got = values("The plant opened in March 2019 and closed later that year. Sales for the year rose.")
    assert ("later that year", "DATE", "2019") in got
    assert ("the year", "DATE", "2025") in got
    got = values("Profit rose in the third quarter. A year earlier, it had a loss. The year-earlier period was weak.")
    assert ("the third quarter", "DATE", "2024-Q3") in got
    assert ("A year earlier", "DATE", "2023-Q3") in got
    assert ("The year-earlier period", "DATE", "2023-Q3") in got


def test_time_following_and_previous_units_count_from_the_last_named_date() -> None:
    # TimeML anchors these to the time the text talks about, not to the DCT
    got = values("The dam burst on March 3, 2021. Rescuers arrived the following day and left the next morning.")
    assert ("the following day", "DATE", "2021-03-04") in got
    assert ("the next morning", "TIME", "2021-03-05TMO") in got  # the reference time moved on
    got = values("The mill shut in 2011 and reopened the following year.")
    assert ("the following year", "DATE", "2012") in got
    got = values("Voters went to the polls in May 2020; turnout had slumped the previous month.")
    assert ("the previous month", "DATE", "2020-04") in got
    # nothing named yet: the DCT is the reference
    assert ("the previous day", "DATE", "2025-06-16") in values("Prices had doubled the previous day.")
    # too coarse a reference gives no value rather than a guess
    assert ("the following day", "DATE", None) in values("In 2009 the pier collapsed; divers came the following day.")
    got = values("The ferry sank on Monday, June 9. Its sister ship had sailed the previous Friday.")
    assert ("the previous Friday", "DATE", "2025-06-06") in got


def test_time_week_of_a_day_and_yearly_months() -> None:
    assert ("the week of March 6", "DATE", "2025-W10") in values("The hearing falls in the week of March 6.")
    assert ("each July", "SET", "XXXX-07") in values("Pilgrims gather at the shrine each July.")
    assert ("Every December", "SET", "XXXX-12") in values("Every December the choir tours the coast.")


def test_time_halves_and_quarter_codes() -> None:
    assert ("the first half of 2023", "DATE", "2023-H1") in values("Exports slumped in the first half of 2023.")
    assert ("the second half of last year", "DATE", "2024-H2") in values("Demand rose in the second half of last year.")
    assert ("H2 2026", "DATE", "2026-H2") in values("The model ships in H2 2026.")
    # an unyeared quarter later than the DCT's is last year's, unless the text looks ahead
    assert ("Q4", "DATE", "2024-Q4") in values("Margins shrank in Q4.")
    assert ("Q4", "DATE", "2025-Q4") in values("Margins will recover in Q4.")
    assert ("2Q 2024", "DATE", "2024-Q2") in values("The 2Q 2024 figures were revised.")
    assert values("The striker scored twice in the first half of the match.") == []
    assert values("The studio released a Q&A with the director.") == []


def test_time_holiday_takes_the_year_named_after_it() -> None:
    got = values("The couple had hoped to wed on Valentine's Day in 2021.")
    assert ("Valentine's Day", "DATE", "2021-02-14") in got and ("2021", "DATE", "2021") in got


def test_time_years_after_function_words_stay_years() -> None:
    assert ("1978", "DATE", "1978") in values("Israel rejected That 1978 Resolution, Officials Said.")
    assert ("2019", "DATE", "2019") in values("Prices Rose Sharply Between 2019 And 2021.")
    assert ("Summer 2024", "DATE", "2024-SU") in values("Floods marked the hot Summer 2024 season.")


def test_time_offsets_point_at_the_text() -> None:
    text = "Troops withdrew on Monday and again in August 2023."
    for t in tag(text, DCT):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "May said the party would win.",  # a name, not a month
        "The march through the capital was peaceful.",
        "About 2000 people joined the protest.",  # a number, not a year
        "The current account deficit widened.",
        "They paid $5 a year for the licence.",
        "Average daily turnover on the exchange fell.",  # the "daily" of an average
        "The firm expects its revenue to grow 12% annually.",  # a rate, not a recurring time
        "The new line will make 4,000 engines annually.",
        "Such songs speak to today's youth.",  # the present in general, not the DCT
        "The flaw affects Windows Server 2008 machines.",  # a year inside a product's name
        "Fans flocked to Euro 2024 matches.",
        "The clinic moved to 1900 Harbour Road.",  # a house number
        "These are the engineers of tomorrow.",
        'The minister appeared on "This Week" to defend the plan.',  # a programme's name
        "He told ``60 Minutes'' that he would stay.",
    ],
)
def test_time_no_false_expressions(text: str) -> None:
    assert values(text) == []
