"""ActorResolver on short sentences of our own, read from tokenised (unparsed) docs."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from mentions import codes, only

from eventwire.actors import ActorResolver
from eventwire.actors.benchmark import build_article
from eventwire.config import Settings
from eventwire.models import AnalysedArticle, Mention, Section


@pytest.fixture(scope="module")
def resolver(nlp) -> ActorResolver:  # type: ignore[no-untyped-def]
    return ActorResolver(Settings(), nlp.vocab)


@pytest.fixture(scope="module")
def read(nlp, resolver):  # type: ignore[no-untyped-def]
    """read(text, published) → the mentions, from ``nlp.make_doc`` docs: nothing is parsed."""

    def run(text: str, published: date | None = date(2025, 6, 17)) -> tuple[Mention, ...]:
        analysed = build_article(nlp, text, published)
        assert not analysed.parsed
        return resolver(analysed).mentions

    return run


# --------------------------------------------------------------------------- countries and aliases

@pytest.mark.parametrize(
    ("sentence", "mention", "code"),
    [
        ("North Korea tested a new engine.", "North Korea", "PRK"),
        ("The DPRK rejected the proposal.", "DPRK", "PRK"),
        ("South Korea and the ROK navy are one and the same.", "South Korea", "KOR"),
        ("The U.S. expelled two diplomats.", "U.S.", "USA"),
        ("The US imposed tariffs on steel.", "US", "USA"),
        ("America will not attend.", "America", "USA"),
        ("Britain recalled its envoy.", "Britain", "GBR"),
        ("The UK joined the statement.", "UK", "GBR"),
        ("Türkiye hosted the talks.", "Türkiye", "TUR"),
        ("Turkey hosted the talks.", "Turkey", "TUR"),
        ("Burma freed the prisoners.", "Burma", "MMR"),
        ("Ivory Coast closed its border.", "Ivory Coast", "CIV"),
        ("Kosovo opened a new crossing.", "Kosovo", "KOS"),
        ("Czechia sent humanitarian supplies.", "Czechia", "CZE"),
        ("Vietnam signed the accord.", "Vietnam", "VNM"),
    ],
)
def test_actors_country_aliases(read, sentence: str, mention: str, code: str) -> None:  # type: ignore[no-untyped-def]
    m = only(read(sentence), mention)
    assert m.actor.code == code
    assert m.actor.country == code
    assert m.actor.sector is None
    assert m.evidence == "dictionary:country"


def test_actors_lowercase_us_is_not_a_country(read) -> None:  # type: ignore[no-untyped-def]
    assert all(m.actor.country != "USA" for m in read("They told us to wait."))


def test_actors_country_canonical_name(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The DPRK rejected the proposal."), "DPRK")
    assert m.actor.name == "North Korea"


# --------------------------------------------------------------------------- capitals as metonyms

@pytest.mark.parametrize(
    ("sentence", "mention", "code"),
    [
        ("Moscow rejected the claim.", "Moscow", "RUSGOV"),
        ("Pyongyang fired two missiles.", "Pyongyang", "PRKGOV"),
        ("The Kremlin declined to comment.", "Kremlin", "RUSGOV"),
        ("The White House announced new curbs.", "White House", "USAGOV"),
        ("Downing Street said talks were going well.", "Downing Street", "GBRGOV"),
        ("Kyiv asked for more air defence.", "Kyiv", "UKRGOV"),
        ("Seoul summoned the ambassador.", "Seoul", "KORGOV"),
        ("The Pentagon announced a deployment.", "Pentagon", "USAMIL"),
    ],
)
def test_actors_capital_metonyms(read, sentence: str, mention: str, code: str) -> None:  # type: ignore[no-untyped-def]
    m = only(read(sentence), mention)
    assert m.actor.code == code
    assert m.evidence == "dictionary:capital-metonym"


def test_actors_possessive_capital(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Moscow's campaign went on."), "Moscow")
    assert m.actor.code == "RUSGOV"
    assert m.token_end - m.token_start == 1


# --------------------------------------------------------------------------- demonym + agent

@pytest.mark.parametrize(
    ("sentence", "mention", "code", "sector"),
    [
        ("Russian troops crossed the river.", "Russian troops", "RUSMIL", "MIL"),
        ("Iraqi police arrested two men.", "Iraqi police", "IRQCOP", "COP"),
        ("Ukrainian lawmakers approved the budget.", "Ukrainian lawmakers", "UKRLEG", "LEG"),
        ("Syrian rebels took the hill.", "Syrian rebels", "SYRREB", "REB"),
        ("Iranian officials denied it.", "Iranian officials", "IRNGOV", "GOV"),
        ("Israeli soldiers opened fire.", "Israeli soldiers", "ISRMIL", "MIL"),
        ("Russian news agencies reported the arrest.", "Russian news agencies", "RUSJRN", "JRN"),
        ("The Turkish government banned the rally.", "Turkish government", "TURGOV", "GOV"),
    ],
)
def test_actors_demonym_and_agent(read, sentence: str, mention: str, code: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    m = only(read(sentence), mention)
    assert (m.actor.code, m.actor.sector) == (code, sector)


def test_actors_coordinated_demonyms_share_the_agent(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Senior Polish and Czech officials met.")
    assert codes(ms)["Polish"] == "POLGOV"
    assert codes(ms)["Czech officials"] == "CZEGOV"


def test_actors_bare_agent_has_sector_but_no_country(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Police detained the driver."), "Police")
    assert m.actor.sector == "COP"
    assert m.actor.country is None and m.actor.code is None


def test_actors_adjective_is_not_an_agent(read) -> None:  # type: ignore[no-untyped-def]
    assert not read("The military campaign dragged on.")


# --------------------------------------------------------------------------- IGOs and non-state groups

@pytest.mark.parametrize(
    ("sentence", "mention", "country", "sector"),
    [
        ("The United Nations sent food.", "United Nations", "UNO", None),
        ("The UN condemned the attack.", "UN", "UNO", None),
        ("NATO held a summit.", "NATO", "IGO", None),
        ("The European Union agreed on a package.", "European Union", "EUR", None),
        ("The EU extended the sanctions.", "EU", "EUR", None),
        ("The IAEA sent inspectors.", "IAEA", "UNO", None),
        ("Hamas released a statement.", "Hamas", "PSE", "REB"),
        ("The Taliban seized the district.", "Taliban", "AFG", "GOV"),  # in power since 2021-08-15: by the date
        ("Hezbollah fighters fired rockets.", "Hezbollah fighters", "LBN", "REB"),
        ("The Red Cross visited the camp.", "Red Cross", "NGO", None),
    ],
)
def test_actors_igos_and_nonstate(read, sentence: str, mention: str, country: str, sector: str | None) -> None:  # type: ignore[no-untyped-def]
    m = only(read(sentence), mention)
    assert (m.actor.country, m.actor.sector) == (country, sector)


def test_actors_who_pronoun_is_not_the_who(read) -> None:  # type: ignore[no-untyped-def]
    assert all(m.actor.country != "UNO" for m in read("The man who called was gone."))


# --------------------------------------------------------------------------- titles from the text

def test_actors_title_with_country_and_name(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Iraqi Prime Minister Mohammed Shia al-Sudani visited Tehran."),
             "Iraqi Prime Minister Mohammed Shia al-Sudani")
    a = m.actor
    assert (a.name, a.code, a.country, a.sector, a.role) == (
        "Mohammed Shia al-Sudani", "IRQGOV", "IRQ", "GOV", "Prime Minister")
    assert m.evidence == "title"


def test_actors_us_president(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("U.S. President Donald Trump spoke."), "U.S. President Donald Trump").actor
    assert (a.name, a.code, a.role) == ("Donald Trump", "USAGOV", "President")


def test_actors_military_title(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("Ukrainian General Oleh Marko visited the front."), "Ukrainian General Oleh Marko").actor
    assert (a.code, a.sector, a.name) == ("UKRMIL", "MIL", "Oleh Marko")


def test_actors_legislator_title(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("Senator Mary Holt criticised the plan."), "Senator Mary Holt").actor
    assert (a.sector, a.role, a.name, a.country) == ("LEG", "Senator", "Mary Holt", None)


def test_actors_text_title_overrides_stale_dictionary(read) -> None:  # type: ignore[no-untyped-def]
    """Phoenix/Wikidata still list Shoigu as defence minister; the text's title wins."""
    a = only(read("Russian Security Council Secretary Sergei Shoigu arrived."),
             "Russian Security Council Secretary Sergei Shoigu").actor
    assert (a.name, a.code, a.role) == ("Sergei Shoigu", "RUSGOV", "Security Council Secretary")


def test_actors_title_without_country_takes_unambiguous_context(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Defense Minister Lee Jun-ho said Japan would join the drills.")
    a = only(ms, "Defense Minister Lee Jun-ho").actor
    assert (a.name, a.country, a.code, a.role) == ("Lee Jun-ho", "JPN", "JPNGOV", "Defense Minister")


def test_actors_title_without_country_stays_unknown_when_ambiguous(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Defense Minister Lee Jun-ho said Japan and China would join the drills.")
    a = only(ms, "Defense Minister Lee Jun-ho").actor
    assert a.country is None and a.code is None and a.sector == "GOV"


def test_actors_apposition_name_first(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Anna Petrova, the Russian foreign minister, arrived in Ankara.")
    a = only(ms, "Anna Petrova").actor
    assert (a.code, a.role) == ("RUSGOV", "foreign minister")
    assert only(ms, "Anna Petrova").evidence == "apposition"


def test_actors_head_of_agency(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The head of Iran's nuclear agency said talks were over."), "head of Iran's nuclear agency")
    assert (m.actor.country, m.actor.sector) == ("IRN", "GOV")


def test_actors_former_official_is_elite(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("Former President Olu Bankole praised the deal."), "Former President Olu Bankole").actor
    assert a.sector == "ELI"


def test_actors_media_with_possessive_country(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("Egypt's state media said the road was open."), "Egypt's state media").actor
    assert (a.country, a.sector, a.code) == ("EGY", "JRN", "EGYJRN")


def test_actors_outlet_from_dictionary(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("Xinhua reported the meeting."), "Xinhua").actor
    assert (a.country, a.sector) == ("CHN", "JRN")


# --------------------------------------------------------------------------- dated dictionary roles

def test_actors_dated_roles_same_name_two_dates(read) -> None:  # type: ignore[no-untyped-def]
    """Wikidata: Putin was prime minister 2008–2012 and president from 2012."""
    early = only(read("Vladimir Putin met the delegation.", date(2010, 3, 1)), "Vladimir Putin").actor
    late = only(read("Vladimir Putin met the delegation.", date(2015, 3, 1)), "Vladimir Putin").actor
    assert early.role == "Prime Minister" and late.role == "President"
    assert early.code == late.code == "RUSGOV"


def test_actors_dated_codes_change_with_the_date(read) -> None:  # type: ignore[no-untyped-def]
    """Phoenix: Yeltsin was a regional official (ELI) before July 1991 and head of state after."""
    before = only(read("Boris Yeltsin spoke.", date(1990, 1, 1)), "Boris Yeltsin").actor
    after = only(read("Boris Yeltsin spoke.", date(1995, 1, 1)), "Boris Yeltsin").actor
    assert before.code == "RUSELI"
    assert after.code == "RUSGOV"


def test_actors_kim_jong_un(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("Kim Jong Un inspected a factory."), "Kim Jong Un").actor
    assert (a.code, a.country, a.sector, a.wikidata) == ("PRKGOV", "PRK", "GOV", "Q56226")


def test_actors_without_date_the_latest_role(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("Vladimir Putin met the delegation.", None), "Vladimir Putin").actor
    assert a.role == "President"


def test_actors_unknown_person_stays_uncoded(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("Maria Gonzalez visited the market."), "Maria Gonzalez").actor
    assert (a.name, a.code, a.country, a.sector) == ("Maria Gonzalez", None, None, None)


# --------------------------------------------------------------------------- within the article

def test_actors_surname_coreference(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Ukrainian Foreign Minister Andrii Sybiha flew to Oslo.\nSybiha's visit lasted a day.")
    m = only(ms, "Sybiha")
    assert m.sentence == 1 and m.evidence == "coref:surname"
    assert (m.actor.name, m.actor.code, m.actor.role) == ("Andrii Sybiha", "UKRGOV", "Foreign Minister")


def test_actors_surname_ambiguous_is_left_alone(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Polish President Adam Nowak met Czech Senator Eva Nowak.\nNowak said little.")
    assert not [m for m in ms if m.sentence == 1 and m.text == "Nowak"]


def test_actors_role_noun_coreference(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Indian Foreign Minister Ravi Menon met Kenyan officials.\nThe minister later left for Cairo.")
    m = only(ms, "minister")
    assert m.evidence == "coref:role"
    assert (m.actor.name, m.actor.code) == ("Ravi Menon", "INDGOV")


def test_actors_role_noun_security_chief(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Russian Security Council Secretary Sergei Shoigu landed.\nThe security chief met officers.")
    m = only(ms, "security chief")
    assert m.actor.name == "Sergei Shoigu" and m.evidence == "coref:role"


def test_actors_role_noun_ambiguous_is_left_alone(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Indian Foreign Minister Ravi Menon met Kenyan Foreign Minister Amina Otieno.\n"
              "The minister later left.")
    assert only(ms, "minister").actor.name is None


def test_actors_the_country(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Chile sent aid to Peru.\nIt was the first shipment to the country.")
    m = only(ms, "the country")
    assert m.actor.country == "PER" and m.evidence == "coref:country"


def test_actors_group_of_two_countries(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Ghana and Togo resumed talks.\nThe two countries signed a border deal.")
    m = only(ms, "The two countries")
    assert m.evidence == "group" and m.actor.code is None
    assert {x.country for x in m.actor.members} == {"GHA", "TGO"}
    assert m.actor.name in ("Ghana and Togo", "Togo and Ghana")


def test_actors_both_sides(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Armenia hosted envoys from Azerbaijan.\nBoth sides praised the talks.")
    assert {x.country for x in only(ms, "Both sides").actor.members} == {"ARM", "AZE"}


def test_actors_group_needs_two_countries(read) -> None:  # type: ignore[no-untyped-def]
    assert not read("Both sides praised the talks.")


def test_actors_mentions_do_not_overlap(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Russian President Vladimir Putin and Chinese President Xi Jinping met Iraqi police officials.")
    spans = sorted((m.start, m.end) for m in ms)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert codes(ms)["Chinese President Xi Jinping"] == "CHNGOV"


def test_actors_offsets_point_into_article_text(read, nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    text = "Headline about Chile\nThe Kremlin said Peru and Moscow's envoy agreed."
    out = resolver(build_article(nlp, text, None))
    for m in out.mentions:
        assert out.article.text[m.start:m.end] == m.text == m.actor.text
        doc = out.docs[m.sentence]
        assert doc[m.token_start:m.token_end].text == m.text


def test_actors_boilerplate_is_skipped(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    analysed = build_article(nlp, "Copyright Russia Today\nRussia sent troops.")
    sentences = (dataclasses.replace(analysed.sentences[0], section=Section.BOILERPLATE), analysed.sentences[1])
    out = resolver(AnalysedArticle(article=analysed.article, sentences=sentences, docs=analysed.docs))
    assert {m.sentence for m in out.mentions} == {1}


def test_actors_returns_new_article(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    analysed = build_article(nlp, "Peru protested.")
    out = resolver(analysed)
    assert out is not analysed and analysed.mentions == () and out.mentions


def test_actors_parsed_docs_read_the_same(read, parsed_article, resolver) -> None:  # type: ignore[no-untyped-def]
    text = "Iraqi police arrested Maria Gonzalez in Baghdad."
    parsed = resolver(parsed_article(text, date(2025, 6, 17))).mentions
    assert [(m.text, m.actor.code) for m in parsed] == [(m.text, m.actor.code) for m in read(text)]


def test_actors_lowercased_feed_still_finds_countries(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("police in india said pakistan had sent a note to us.")
    assert codes(ms) == {"police": None, "india": "IND", "pakistan": "PAK"}


def test_actors_country_after_the_name(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Foreign Minister Ana Lopez of Peru met Chilean officials.")
    a = only(ms, "Foreign Minister Ana Lopez").actor
    assert (a.code, a.role, a.name) == ("PERGOV", "Foreign Minister", "Ana Lopez")
    assert codes(ms)["Chilean officials"] == "CHLGOV"


def test_actors_title_of_country_with_apposed_name(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("The president of Ghana, Kofi Mensah, opened the bridge.")
    a = only(ms, "Kofi Mensah").actor
    assert (a.code, a.name) == ("GHAGOV", "Kofi Mensah")
    assert only(ms, "Kofi Mensah").evidence == "apposition"


def test_actors_possessive_title_apposition(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Lina Haddad, Jordan's foreign minister, left early.")
    a = only(ms, "Lina Haddad").actor
    assert (a.code, a.role) == ("JORGOV", "foreign minister")


def test_actors_organisation_named_after_group_noun(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("The National Students Federation called a strike."), "National Students Federation").actor
    assert (a.sector, a.name) == ("EDU", "National Students Federation")


def test_actors_first_name_that_is_a_place(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Chad Ortiz gave a lecture in Amman.")
    assert codes(ms).get("Chad") is None
    assert only(ms, "Chad Ortiz").actor.code is None
    assert codes(ms)["Amman"] == "JORGOV"


def test_actors_sentence_initial_agent_is_not_a_name(read) -> None:  # type: ignore[no-untyped-def]
    assert only(read("Officials declined to comment."), "Officials").actor.name is None


def test_actors_plural_demonym_is_the_people(read) -> None:  # type: ignore[no-untyped-def]
    a = only(read("Thousands of Libyans crossed into Tunisia."), "Libyans").actor
    assert (a.country, a.sector, a.code) == ("LBY", "CVL", "LBYCVL")
