"""The time stage on parsed articles: timexes per sentence, event dates from the parse, captions."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from eventwire.config import Settings
from eventwire.models import Actor, AnalysedArticle, Event, EventType, Precision, Section
from eventwire.time import TimeTagger

PUB = date(2025, 6, 17)  # a Tuesday


def event(analysed: AnalysedArticle, sentence: int, word: str, n: int = 0) -> Event:
    """A hand-built event whose trigger is the ``n``-th token ``word`` of sentence ``sentence``."""
    doc = analysed.docs[sentence]
    tok = [t for t in doc if t.text == word][n]
    s = analysed.sentences[sentence]
    return Event(id=f"{sentence}:{word}", article_id=analysed.article.id, type=EventType.CONSULT,
                 sentence_index=sentence, sentence=s.text, span=(s.start, s.end), trigger=word,
                 trigger_span=(s.start + tok.idx, s.start + tok.idx + len(tok)), trigger_token=tok.i,
                 evidence="test", section=s.section)


def run(analysed: AnalysedArticle, *triggers: tuple[int, str]) -> dict[str, Event]:
    analysed = dataclasses.replace(analysed, events=tuple(event(analysed, i, w) for i, w in triggers))
    out = TimeTagger(Settings())(analysed)
    return {e.trigger: e for e in out.events}


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return TimeTagger(Settings())


def test_time_stage_sets_timexes_with_article_offsets(parsed_article, tagger) -> None:  # type: ignore[no-untyped-def]
    analysed = parsed_article("Nothing happened here.\nThe council voted on Monday and again in May 2024.", PUB)
    out = tagger(analysed)
    assert [(t.sentence, t.text, t.value) for t in out.timexes] == [
        (1, "Monday", "2025-06-16"), (1, "May 2024", "2024-05")]
    for t in out.timexes:
        assert analysed.article.text[t.start:t.end] == t.text


def test_time_event_date_from_prepositional_phrase(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The foreign minister landed in Hanoi on Monday to attend a regional forum.", PUB)
    got = run(a, (0, "landed"), (0, "attend"))
    assert got["landed"].date.value == "2025-06-16"
    assert got["landed"].date.precision is Precision.DAY
    assert got["landed"].date.text == "Monday"
    assert got["attend"].date.value == "2025-06-16"  # the purpose clause inherits its head's date


def test_time_event_date_future_weekday(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The prime minister will travel to Ottawa on Friday.", PUB)
    assert run(a, (0, "travel"))["travel"].date.value == "2025-06-20"


def test_time_event_date_month_and_year(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The general last inspected the base in February.\nThe two navies held joint drills last year.",
                       PUB)
    got = run(a, (0, "inspected"), (1, "held"), (1, "drills"))
    assert (got["inspected"].date.value, got["inspected"].date.precision) == ("2025-02", Precision.MONTH)
    assert (got["held"].date.value, got["held"].date.precision) == ("2024", Precision.YEAR)
    assert got["drills"].date.value == "2024"  # the object noun of a dated verb


def test_time_nominal_event_dated_after_its_noun_phrase(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The new trade deal follows a state visit by the king to Brazil last year.", PUB)
    assert run(a, (0, "visit"))["visit"].date.value == "2024"


def test_time_relative_clause_inherits_from_antecedent_event(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article(
        "The thaw follows a summit in Cairo last year, during which both governments signed a water accord.", PUB)
    got = run(a, (0, "summit"), (0, "signed"))
    assert got["summit"].date.value == "2024"
    assert got["signed"].date.value == "2024"


def test_time_participle_and_nominal_event(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The mission aims at carrying out agreements reached on May 2 in Warsaw.", PUB)
    got = run(a, (0, "agreements"))
    assert got["agreements"].date.value == "2025-05-02"


def test_time_interval_anchor_before_current_event(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The meeting comes less than three weeks after the envoy's first trip to the region.", PUB)
    d = run(a, (0, "trip"))["trip"].date
    assert d.precision is Precision.RANGE
    assert (d.earliest, d.latest) == ("2025-05-27", "2025-06-16")


def test_time_no_expression_gives_bounds_not_the_publication_date(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("Rebels seized two villages near the river.\nThe army will send more troops.", PUB)
    got = run(a, (0, "seized"), (1, "send"))
    seized, send = got["seized"].date, got["send"].date
    assert (seized.value, seized.precision, seized.latest, seized.earliest) == (None, Precision.UNKNOWN,
                                                                               "2025-06-17", None)
    assert (send.value, send.earliest, send.latest) == (None, "2025-06-17", None)


def test_time_headline_present_tense_has_bound_only(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("Finnish president visits Tokyo for trade talks", PUB)
    a = dataclasses.replace(a, sentences=(dataclasses.replace(a.sentences[0], section=Section.HEADLINE),))
    d = run(a, (0, "visits"))["visits"].date
    assert d.value is None and d.latest == "2025-06-17"


def test_time_without_publication_date_nothing_is_invented(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The senator resigned on Thursday.\nThe accord was signed on March 3, 2021.", None)
    got = run(a, (0, "resigned"), (1, "signed"))
    assert got["resigned"].date.value is None and got["resigned"].date.latest is None
    assert got["signed"].date.value == "2021-03-03"


def test_time_caption_uses_its_own_date_and_never_leaks(parsed_article, tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("The defence minister attends a parade in Minsk, Russia, Friday, May 9, 2021.\n"
            "The defence minister arrived in Minsk on Friday for talks.")
    a = parsed_article(text, PUB)
    caption = dataclasses.replace(a.sentences[0], section=Section.CAPTION)
    a = dataclasses.replace(a, sentences=(caption, a.sentences[1]))
    got = run(a, (0, "attends"), (1, "arrived"))
    assert got["attends"].date.value == "2021-05-09"
    assert got["arrived"].date.value == "2025-06-13"
    out = tagger(dataclasses.replace(a, events=()))
    assert all(not (t.value or "").startswith("2021") for t in out.timexes if t.sentence == 1)


def test_time_caption_relative_expression_against_caption_date(parsed_article, tagger) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("Protesters march in Lima on March 3, 2020, a day after the ruling, in this photo from yesterday.",
                       PUB)
    a = dataclasses.replace(a, sentences=(dataclasses.replace(a.sentences[0], section=Section.CAPTION),))
    out = tagger(a)
    assert ("yesterday", "2020-03-02") in [(t.text, t.value) for t in out.timexes]


def test_time_boilerplate_is_not_tagged(parsed_article, tagger) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("Copyright 2024 by the Daily Planet.", PUB)
    a = dataclasses.replace(a, sentences=(dataclasses.replace(a.sentences[0], section=Section.BOILERPLATE),))
    assert tagger(a).timexes == ()


def test_time_present_tense_weekday_body_versus_headline(parsed_article, tagger) -> None:  # type: ignore[no-untyped-def]
    # body: a simple present with a date is a timetable; a headline's present tells the past
    a = parsed_article("The committee meets on Thursday.\nPremier visits Ankara on Monday", PUB)
    a = dataclasses.replace(a, sentences=(a.sentences[0], dataclasses.replace(a.sentences[1],
                                                                              section=Section.HEADLINE)))
    got = {t.text: t.value for t in tagger(a).timexes}
    assert got == {"Thursday": "2025-06-19", "Monday": "2025-06-16"}


def test_time_date_inside_an_argument_does_not_date_the_verb(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The two governments renewed the 2019 fishing accord.\nThe 2020 truce collapsed after the raid.",
                       PUB)
    got = run(a, (0, "renewed"), (1, "collapsed"))
    assert got["renewed"].date.value is None and got["renewed"].date.latest == "2025-06-17"
    assert got["collapsed"].date.value is None


def _with_source(ev: Event, name: str, mode: str | None = None) -> Event:
    return dataclasses.replace(ev, source=Actor(text=name, name=name, code="XXXGOV"), mode=mode)


def run_actors(analysed: AnalysedArticle, *triggers: tuple[int, str, str, str | None]) -> dict[str, Event]:
    evs = tuple(_with_source(event(analysed, i, w), who, mode) for i, w, who, mode in triggers)
    out = TimeTagger(Settings())(dataclasses.replace(analysed, events=evs))
    return {e.trigger: e for e in out.events}


def test_time_during_his_stay_takes_the_date_of_the_reported_visit(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The trade envoy landed in Lisbon on Monday for a three-day tour.\n"
                       "She toured a container port in March.\n"
                       "Aides said she would meet the mayor during her stay.\n"
                       "The prime minister will host a dinner during the visit.", PUB)
    got = run_actors(a, (0, "landed", "Envoy", "visit"), (1, "toured", "Envoy", "visit"),
                     (2, "meet", "Envoy", None), (3, "host", "Premier", None))
    assert got["landed"].date.value == "2025-06-16"
    assert got["meet"].date.value == "2025-06-16"  # her stay is the visit the article reports
    assert got["host"].date.value is None  # another actor: "the visit" is not known to be his


def test_time_during_a_previous_visit_is_not_the_reported_one(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The minister arrived in Accra on Monday.\n"
                       "He had signed a loan deal during his previous visit.", PUB)
    got = run_actors(a, (0, "arrived", "Minister", "visit"), (1, "signed", "Minister", None))
    assert got["arrived"].date.value == "2025-06-16"
    assert got["signed"].date.value is None


def test_time_interval_range_narrowed_by_the_one_day_named_nearby(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The meeting comes less than three weeks after the envoy's first trip to the region.\n"
                       "Both sides promised on June 2 to reopen the border.", PUB)
    d = run(a, (0, "trip"))["trip"].date
    assert (d.value, d.precision, d.text) == ("2025-06-02", Precision.DAY, "June 2")
    a = parsed_article("The meeting comes less than three weeks after the envoy's first trip to the region.\n"
                       "Talks were held on June 2 and again on June 9.", PUB)
    d = run(a, (0, "trip"))["trip"].date
    assert d.precision is Precision.RANGE  # two candidate days: which one is not said


def test_time_agreement_participle_carries_its_own_date(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The envoy's tour seeks to enforce the accords sealed on April 30 in Nairobi.", PUB)
    got = run(a, (0, "enforce"), (0, "sealed"), (0, "accords"))
    assert got["sealed"].date.value == "2025-04-30"
    assert got["accords"].date.value == "2025-04-30"
    assert got["enforce"].date.value is None  # enforcing is not the sealing: the date is the object's own


def test_time_present_passive_schedule_points_ahead(parsed_article, tagger) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The runoff is set for November.\nThe runoff was held in November.", PUB)
    out = tagger(a)
    assert [(t.sentence, t.value) for t in out.timexes] == [(0, "2025-11"), (1, "2024-11")]


def test_time_stay_in_another_place_or_an_earlier_time_is_another_visit(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The minister arrived in Accra on Monday.\n"
                       "She had met the governor during her visit.\n"
                       "She met the king during her trip to Lagos.\n"
                       "She will tour a clinic during her stay in Accra.", PUB)
    got = run_actors(a, (0, "arrived", "Minister", "visit"), (1, "met", "Minister", None),
                     (2, "met", "Minister", None), (3, "tour", "Minister", None))
    assert [got[k].date.value for k in ("arrived", "tour")] == ["2025-06-16", "2025-06-16"]
    evs = (_with_source(event(a, i, "met"), "Minister") for i in (1, 2))
    out = TimeTagger(Settings())(dataclasses.replace(a, events=(_with_source(event(a, 0, "arrived"), "Minister",
                                                                              "visit"), *evs)))
    assert [e.date.value for e in out.events] == ["2025-06-16", None, None]


def test_time_range_not_narrowed_by_the_day_of_another_partys_event(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The meeting comes less than three weeks after the envoy's first trip to the region.\n"
                       "Police arrested two smugglers on June 2.", PUB)
    trip = dataclasses.replace(event(a, 0, "trip"), source=Actor(text="envoy", country="FRA"),
                               target=Actor(text="region", country="MLI"))
    arrest = dataclasses.replace(event(a, 1, "arrested"), source=Actor(text="Police", country="NER"))
    out = {e.trigger: e for e in TimeTagger(Settings())(dataclasses.replace(a, events=(trip, arrest))).events}
    assert out["arrested"].date.value == "2025-06-02"
    assert out["trip"].date.precision is Precision.RANGE


def test_time_pluperfect_plan_points_back(parsed_article, tagger) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The envoy had planned to sign the text on Friday.\nThe envoy plans to sign the text on Friday.",
                       PUB)
    assert [t.value for t in tagger(a).timexes] == ["2025-06-13", "2025-06-20"]


def test_time_past_tense_yearless_date_never_lands_after_publication(parsed_article) -> None:  # type: ignore[no-untyped-def]
    from eventwire.config import load_settings
    from eventwire.time import TimeTagger

    a = parsed_article("The police stopped the march on May 2.", published=date(2002, 3, 10))
    out = TimeTagger(load_settings(environ={}))(a)
    (t,) = out.timexes
    assert t.value == "2001-05-02"


@pytest.mark.parametrize(("text", "word", "earliest", "latest"), [
    ("Police have detained 300 protesters since March 3.", "detained", "2025-03-03", "2025-06-17"),
    ("Troops have fought the insurgents since 2019.", "fought", "2019-01-01", "2025-06-17"),
    ("The two leaders will not meet before September.", "meet", None, "2025-09-01"),
    ("The envoys met only after May 20.", "met", "2025-05-20", None),
])
def test_time_a_bounding_preposition_gives_a_bound_not_a_date(parsed_article, text: str, word: str,  # type: ignore[no-untyped-def]
                                                               earliest: str | None, latest: str | None) -> None:
    d = run(parsed_article(text, PUB), (0, word))[word].date
    assert (d.value, d.earliest, d.latest) == (None, earliest, latest)


def test_time_a_plain_date_still_dates_the_event(parsed_article) -> None:  # type: ignore[no-untyped-def]
    d = run(parsed_article("Police detained 300 protesters on March 3.", PUB), (0, "detained"))["detained"].date
    assert (d.value, d.precision) == ("2025-03-03", Precision.DAY)


@pytest.mark.parametrize(("text", "day", "value"), [
    ("Crowds cheered as the president arrives in Lagos on Thursday.", "Thursday", "2025-06-12"),
    ("Farmers blocked the roads while ministers meet in Brussels on Monday.", "Monday", "2025-06-16"),
    ("The committee says it meets again on Thursday.", "Thursday", "2025-06-19"),
])
def test_time_a_present_clause_under_a_past_one_keeps_its_time_frame(parsed_article, tagger, text: str,  # type: ignore[no-untyped-def]
                                                                     day: str, value: str) -> None:
    got = {t.text: t.value for t in tagger(parsed_article(text, PUB)).timexes}
    assert got[day] == value


@pytest.mark.parametrize(("text", "word", "value"), [
    ("Ghana's Supreme Court on Jan. 9 ordered a recount in two districts.", "ordered", "2025-01-09"),
    ("The Togolese cabinet in 2019 had approved the decree.", "approved", "2019"),
])
def test_time_date_phrase_hung_on_the_subject_dates_the_verb(parsed_article, text, word, value) -> None:  # type: ignore[no-untyped-def]
    # "X on Jan. 9 ordered": the parser may attach the date to the subject; right before the verb it is the verb's
    out = run(parsed_article(text, PUB), (0, word))
    assert out[word].date.value == value


def test_time_date_inside_the_subjects_own_phrase_stays_its_own(parsed_article) -> None:  # type: ignore[no-untyped-def]
    # the date belongs to the subject's noun ("the 2019 accord"), not to what the subject does
    out = run(parsed_article("The agreement of 2019 was praised by the ministers.", PUB), (0, "praised"))
    assert out["praised"].date.value != "2019"


def test_time_a_speakers_undated_statement_takes_the_day_of_their_dated_one(parsed_article) -> None:  # type: ignore[no-untyped-def]
    # one speaker, one occasion: "warned Wednesday … said" — the later statement with no time of its own
    from eventwire.models import Actor

    a = parsed_article("Chile warned on Monday that it would close the border.\n"
                       "Chile said the smugglers had to be stopped.\n"
                       "Peru said the plan was illegal.", PUB)
    chile = Actor(text="Chile", name="Chile", code="CHL", country="CHL")
    peru = Actor(text="Peru", name="Peru", code="PER", country="PER")
    events = [dataclasses.replace(event(a, 0, "warned"), source=chile), dataclasses.replace(event(a, 1, "said"), source=chile),
              dataclasses.replace(event(a, 2, "said"), source=peru)]
    out = {e.id: e for e in TimeTagger(Settings())(dataclasses.replace(a, events=tuple(events))).events}
    assert out["0:warned"].date.value == "2025-06-16"
    assert out["1:said"].date.value == "2025-06-16"
    assert out["2:said"].date.value is None  # another speaker: no occasion of theirs is dated
