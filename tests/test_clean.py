"""Cleaning and sectioning. Mini-articles are written for these tests; third-party text is read from
``../shared`` only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.clean import clean_record, clean_text, find_blocks, is_boilerplate, is_caption
from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.ids import content_hash
from eventwire.ingest import read_inputs
from eventwire.models import Article, RawRecord, Section

SETTINGS = Settings()


def sections(article: Article) -> list[tuple[str, str]]:
    return [(b.section.value, article.text[b.start:b.end]) for b in article.blocks]


def clean(text: str, **kw: object) -> Article:
    return clean_record(RawRecord(origin="<test>", text=text, **kw), SETTINGS)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ text


def test_clean_repairs_mojibake_and_straightens_quotes() -> None:
    broken = "The minister\u00e2\u20ac\u2122s visit was \u00e2\u20ac\u0153historic,\u00e2\u20ac\ufffd he said."
    assert clean_text(broken) == "The minister's visit was \"historic,\" he said."


def test_clean_normalises_whitespace_and_keeps_lines() -> None:
    text = "  Title\there \r\nFirst\u00a0line   with  gaps.\r\n\r\n\r\n\r\nSecond\u2009line.\u200b  \n"
    assert clean_text(text) == "Title here\nFirst line with gaps.\n\nSecond line."


def test_clean_record_ids_hash_and_raw() -> None:
    raw = "Rail strike ends\r\nTrain drivers  returned to work on Monday."
    a = clean(raw)
    assert a.text == "Rail strike ends\nTrain drivers returned to work on Monday."
    assert a.raw == raw
    assert a.content_hash == content_hash(a.text)
    assert a.id == a.content_hash
    assert clean(raw, record_id="doc-9").id == "doc-9"
    assert clean(raw, record_id="doc-9").content_hash == a.content_hash


def test_clean_keeps_record_fields() -> None:
    a = clean("Ships sailed.", published=date(2020, 1, 2), published_source="record", url="u", source="s",
              format="jsonl", metadata={"encoding": "cp1252 (fallback: invalid UTF-8)"})
    assert (a.published, a.published_source, a.url, a.source, a.format) == (date(2020, 1, 2), "record", "u", "s",
                                                                            "jsonl")
    assert a.metadata["encoding"].startswith("cp1252")


def test_clean_flags_repaired_encoding() -> None:
    assert clean("The mayor\u00e2\u20ac\u2122s office closed.").metadata["repaired"] == "encoding (ftfy)"
    assert "repaired" not in clean("The mayor's office closed.").metadata


def test_clean_title_field_becomes_headline() -> None:
    a = clean("Workers returned on Monday. The port reopened.", title="Port  reopens", format="jsonl")
    assert a.text.startswith("Port reopens\nWorkers returned")
    assert sections(a)[0] == ("headline", "Port reopens")
    assert a.title == "Port reopens"
    # a text that already opens with its title does not get it twice
    b = clean("Port reopens\nWorkers returned on Monday.", title="Port reopens", format="html")
    assert b.text.count("Port reopens") == 1


def test_clean_empty_after_cleaning_raises() -> None:
    with pytest.raises(InputError) as info:
        clean("\u200b \u00a0\n\t")
    assert info.value.code == "E112"


# ------------------------------------------------------------------------------------------ issue 12: not prose, not English

# Short news sentences of our own, in translation.
RUSSIAN = ("Президент провёл во вторник встречу с премьер-министром в столице, чтобы обсудить безопасность "
           "границ. Стороны подписали соглашение о сотрудничестве.")
KOREAN = "대통령은 화요일 수도에서 총리와 만나 국경 안보 문제를 논의했다. 양측은 협력 협정에 서명했다."
ARABIC = "التقى الرئيس يوم الثلاثاء برئيس الوزراء في العاصمة لمناقشة أمن الحدود. ووقع الجانبان اتفاقية تعاون."
FRENCH = ("Le président a rencontré mardi le premier ministre dans la capitale pour discuter de la sécurité des "
          "frontières. Les deux dirigeants ont signé un accord de coopération militaire et ont annoncé une "
          "nouvelle réunion au mois de mars, selon le ministère des affaires étrangères du pays voisin.")


@pytest.mark.parametrize(("text", "language", "named"), [
    (RUSSIAN, "und-Cyrl", "Cyrillic"),
    (KOREAN, "ko", "Korean"),
    (ARABIC, "und-Arab", "Arabic"),
    (FRENCH, "und-Latn", "common English words"),
])
def test_clean_rejects_an_article_not_in_english_naming_its_script(text: str, language: str, named: str) -> None:
    from eventwire.ingest import read_language

    with pytest.raises(InputError) as info:
        clean(f"Headline\n{text}")
    assert info.value.code == "E115" and named in info.value.message and "English" in info.value.message
    assert read_language(text).language == language


def test_clean_records_the_language_in_the_metadata() -> None:
    a = clean("Port reopens\nDock workers returned to work on Monday after the union accepted a new pay offer "
              "from the port authority, which said that ships would be unloaded again by the end of the week.")
    assert a.metadata["language"] == "en"
    assert clean("Iran condemned Israel.").metadata["language"] in ("en", "und")  # too short to tell: kept


def test_clean_rejects_random_bytes_read_as_text() -> None:
    import random

    from eventwire.ingest import decode

    rng = random.Random(12)
    noise = bytes(rng.randrange(1, 256) for _ in range(4000))  # no NUL: read as cp1252 text
    text, _ = decode(noise)
    with pytest.raises(InputError) as info:
        clean(text)
    assert info.value.code == "E114" and "control" in info.value.message


def test_clean_rejects_text_that_is_mostly_not_letters() -> None:
    with pytest.raises(InputError) as info:
        clean("1234 5678 9012\n" + "3.14159 2.71828 1.41421 | 42 + 17 = 59; " * 50)
    assert info.value.code == "E114" and "letters" in info.value.message


# ------------------------------------------------------------------------------------------ the seed


def test_clean_sections_the_seed(shared_dir: Path) -> None:
    path = shared_dir / "seed" / "shoigu-pyongyang.txt"
    (record,) = list(read_inputs([path], SETTINGS, published=date(2025, 6, 17)))
    assert isinstance(record, RawRecord)
    a = clean_record(record, SETTINGS)
    lines = [line.strip() for line in a.text.split("\n")]
    got = sections(a)
    assert got[0] == ("headline", lines[0])
    assert got[1] == ("standfirst", lines[1])
    assert lines[2] == "-"  # the separator has no block
    assert got[2][0] == "caption"
    assert got[2][1].startswith("Russian Security Council Secretary Sergei Shoigu attends a meeting")
    assert got[2][1].endswith("(AP)")
    assert [s for s, _ in got[3:]] == ["body"] * (len(got) - 3)
    assert all(a.text[b.start:b.end].strip() == a.text[b.start:b.end] for b in a.blocks)
    assert a.title == lines[0]
    assert (a.published, a.published_source) == (date(2025, 6, 17), "user")


# ------------------------------------------------------------------------------------------ our own articles

FLOOD = """Flooding forces thousands from homes in river delta
Emergency crews evacuated low-lying villages as the river burst its banks again.
-
By Maria Olsen and Tom Reyes
A rescue worker carries a child through flood water in Breda, Monday, April 8, 2024. (AFP/Getty Images)
BREDA, April 9, 2024 (Reuters) - Floodwater forced more than 4,000 people from their homes on Tuesday.
Rescue teams used boats to reach families trapped on rooftops.
Dams under strain
Engineers warned that two older dams upstream could fail if the rain continued.
Photo: Villagers stack sandbags along the levee.
Read more: How the delta's levees were built
Copyright 2024 Example Wire. All rights reserved.
Follow us on Twitter for live updates."""


def test_clean_sections_a_wire_story() -> None:
    a = clean(FLOOD)
    assert sections(a) == [
        ("headline", "Flooding forces thousands from homes in river delta"),
        ("standfirst", "Emergency crews evacuated low-lying villages as the river burst its banks again."),
        ("boilerplate", "By Maria Olsen and Tom Reyes"),
        ("caption", ("A rescue worker carries a child through flood water in Breda, Monday, April 8, 2024. "
                    "(AFP/Getty Images)")),
        ("boilerplate", "BREDA, April 9, 2024 (Reuters) -"),
        ("body", "Floodwater forced more than 4,000 people from their homes on Tuesday."),
        ("body", "Rescue teams used boats to reach families trapped on rooftops."),
        ("body", "Dams under strain"),  # a crosshead: body, its own block
        ("body", "Engineers warned that two older dams upstream could fail if the rain continued."),
        ("caption", "Photo: Villagers stack sandbags along the levee."),
        ("boilerplate", "Read more: How the delta's levees were built"),
        ("boilerplate", "Copyright 2024 Example Wire. All rights reserved."),
        ("boilerplate", "Follow us on Twitter for live updates."),
    ]


COURT = """Court orders release of detained journalists
Updated: Feb 3, 2023

The supreme court on Thursday ordered the release of three journalists held since November.
File photo of the court building in the capital.
The government has not said whether it will comply.
The newspaper welcomed the ruling of the North Atlantic council (NAC) and said it would print again.
Lawyers for the reporters arrive at the court in the capital, Thursday, Feb. 2, 2023."""


def test_clean_sections_plain_text_without_separator() -> None:
    a = clean(COURT)
    assert [s for s, _ in sections(a)] == ["headline", "boilerplate", "body", "caption", "body", "body", "caption"]
    # a dated description in the present tense is a caption anywhere
    assert sections(a)[-1][1].startswith("Lawyers for the reporters")


def test_clean_untitled_text_has_no_headline() -> None:
    a = clean("The council met on Monday and approved the budget.\nThe vote was close.")
    assert [s for s, _ in sections(a)] == ["body", "body"]
    assert a.title is None


def test_clean_html_heading_repeating_the_title_is_not_read_twice() -> None:
    a = clean("Ministers sign water treaty in Orlan\nThe ministers signed the treaty on Friday.",
              title="Ministers sign water treaty", format="html")
    assert [s for s, _ in sections(a)] == ["headline", "boilerplate", "body"]


@pytest.mark.parametrize(
    "line",
    ["By Jane Doe", "By JANE DOE and ALI KHAN", "By Jane Doe, Reuters", "Reporting by Ana Lima; Editing by Joe Bloggs",
     "This story is from June 4, 2011", "Copyright 2019 The Example Post", "© 2024 Example Media Ltd",
     "All rights reserved.", "Read more: Why the talks failed", "Also read: Five things to know",
     "Follow us on Facebook and Instagram", "Published: 12 May 2021 | 09:30 GMT", "Last updated on Jan 5, 2020",
     "Monday, March 4, 2024", "HAVANA (AP) --", "NAIROBI, Kenya (AP) _", "(Undated)"],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, the troops had left the town.", "Police said the copyright dispute went to court.",
     "The minister will follow the talks closely on Monday.", "Reporters gathered outside the court."],
)
def test_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "para",
    ["Protesters march through the old town on Saturday. (Reuters)",
     "Firefighters battle a blaze at a warehouse. (AP Photo/Jane Roe)",
     "Supporters wave flags at the rally. (Photo: Sam Lee)",
     "Pictured: the damaged bridge after the storm.",
     "File photo: The parliament building in the capital.",
     "In this photo released by the navy, a frigate leaves port.",
     "Soldiers patrol a market street. REUTERS/Ana Lima",
     "A vendor sorts tomatoes at a market. Photograph: Ana Lima/Example",
     "Mourners gather outside the stadium in Lagos, Nigeria, Sunday, May 5, 2024."],
)
def test_caption_paragraphs(para: str) -> None:
    assert is_caption(para)


@pytest.mark.parametrize(
    "para",
    ["The alliance's council (NAC) met on Monday.",
     "The bank raised rates again, the governor said. (PTI)",
     "Ministers met in the capital on Wednesday, Dec. 21, 2022.",
     "The two leaders will meet again in the capital, Friday, March 3, 2023.",
     "Photos of the meeting were not released. " * 12],
)
def test_not_caption_paragraphs(para: str) -> None:
    assert not is_caption(para)


def test_hard_wrapped_text_joins_paragraph_lines() -> None:
    text = ("Dock strike ends\n\nDock workers returned to work on\nMonday after the union accepted a\n"
            "new offer from the port.\n\nThe port authority said ships\nwould sail again by Friday.")
    blocks = find_blocks(text)
    got = [(b.section.value, text[b.start:b.end]) for b in blocks]
    assert got[0] == ("headline", "Dock strike ends")
    assert got[1][0] == "body" and got[1][1].startswith("Dock workers") and got[1][1].endswith("the port.")
    assert got[2][1] == "The port authority said ships\nwould sail again by Friday."


# ------------------------------------------------------------------------------------------ a real corpus


@pytest.mark.slow
def test_clean_india_corpus(shared_dir: Path) -> None:
    path = shared_dir / "eval" / "news-india-police-2002" / "docs.jsonl"
    if not path.exists():
        pytest.skip("India police corpus not staged")
    settings = Settings(text_field="doc_text", id_field="doc_id")
    stated = 0
    for record in read_inputs([path], settings):
        assert isinstance(record, RawRecord)
        a = clean_record(record, settings)
        assert "\u00e2\u20ac" not in a.text and "\ufffd" not in a.text
        assert a.id == record.record_id
        first = a.blocks[0]
        if a.text.startswith("This story is from"):
            stated += 1
            assert first.section is Section.BOILERPLATE
            assert a.text[first.start:first.end].startswith("This story is from")
            assert a.published_source == "dateline" and a.published is not None
        assert any(b.section is Section.BODY for b in a.blocks)
        assert a.raw == record.text
    assert stated > 600


@pytest.mark.parametrize(("text", "body", "links"), [
    (("Curfew in Surat\nthe curfew went on for a third night, police added. related stories minister visits "
      "riot-hit areas vhp calls for a ban"), "the curfew went on for a third night, police added.",
     "related stories minister visits riot-hit areas vhp calls for a ban"),
    ("Talks in Lima\nChile and Peru met in Lima on Friday. Also read: Peru recalls its envoy",
     "Chile and Peru met in Lima on Friday.", "Also read: Peru recalls its envoy"),
    ("Talks in Lima\nChile and Peru met in Lima on Friday. Related stories about the talks were read widely.",
     "Chile and Peru met in Lima on Friday. Related stories about the talks were read widely.", None),
])
def test_clean_run_in_links_to_other_stories_are_boilerplate(text: str, body: str, links: str | None) -> None:
    blocks = find_blocks(text)
    bodies = [text[b.start:b.end] for b in blocks if b.section is Section.BODY]
    rest = [text[b.start:b.end] for b in blocks if b.section is Section.BOILERPLATE]
    assert bodies == [body]
    assert rest == ([links] if links else [])


@pytest.mark.parametrize(("line", "credit"), [
    (("Harun Maruf reported from Washington; and stringers Abdiaziz Barrow and Khadar Hared contributed from "
     "Mogadishu and Nairobi, respectively."), True),
    ("Lena Ortiz reported from Bogota.", True),
    ("Amina Yusuf contributed to this report.", True),
    ("Japan contributed from its reserves to the relief fund.", False),
    ("Russia reported from Moscow that its troops had advanced.", False),
    ("The European Union contributed $5 million to the fund.", False),
])
def test_credit_lines_are_boilerplate(line: str, credit: bool) -> None:
    from eventwire.clean import is_boilerplate

    assert is_boilerplate(line) is credit
