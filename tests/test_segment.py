"""Sentence splitting. Texts are written for these tests; third-party text is read from ``../shared`` only."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean import clean_record
from eventwire.config import Settings
from eventwire.ids import content_hash
from eventwire.ingest import read_inputs
from eventwire.models import Article, Block, RawRecord, Section
from eventwire.segment import MAX_SENTENCE_CHARS, segment

SETTINGS = Settings()


def body_article(text: str) -> Article:
    """One body block per line (what clean would give for untitled text)."""
    blocks, pos = [], 0
    for line in text.split("\n"):
        if line:
            blocks.append(Block(Section.BODY, pos, pos + len(line)))
        pos += len(line) + 1
    h = content_hash(text)
    return Article(id=h, content_hash=h, text=text, raw=text, origin="<test>", blocks=tuple(blocks))


def split(text: str) -> list[str]:
    article = body_article(text)
    sentences = segment(article)
    for s in sentences:
        assert article.text[s.start:s.end] == s.text
    return [s.text for s in sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
        ("Did they agree? Nobody knows! The vote is Friday.",
         ["Did they agree?", "Nobody knows!", "The vote is Friday."]),
        ("U.S. and U.N. officials met Mr. Lee and Dr. Amin in St. Paul on Dec. 3. They agreed.",
         ["U.S. and U.N. officials met Mr. Lee and Dr. Amin in St. Paul on Dec. 3.", "They agreed."]),
        ("Gen. Ode and Lt. Col. Vass met at No. 10 in Sept. 2021. The meeting was brief.",
         ["Gen. Ode and Lt. Col. Vass met at No. 10 in Sept. 2021.", "The meeting was brief."]),
        ("J. R. Okafor wrote the report. It was long.", ["J. R. Okafor wrote the report.", "It was long."]),
        ("Growth slowed to 2.5 percent. Prices rose 0.3 percent.",
         ["Growth slowed to 2.5 percent.", "Prices rose 0.3 percent."]),
        ("He waited... Then he left.", ["He waited...", "Then he left."]),
        ('"We will not leave," she said. "Never."', ['"We will not leave," she said.', '"Never."']),
        ('He called it "a disgrace." The council disagreed.',
         ['He called it "a disgrace."', "The council disagreed."]),
        ("Troops arrived in the U.S. The mission began.", ["Troops arrived in the U.S.", "The mission began."]),
        ("The meeting ended at 5 p.m. on Monday.", ["The meeting ended at 5 p.m. on Monday."]),
        ("Acme Corp. said it would appeal.", ["Acme Corp. said it would appeal."]),
        ("Officials, e.g. the mayor, spoke.", ["Officials, e.g. the mayor, spoke."]),
        ("Visit example.com for details.", ["Visit example.com for details."]),
        ("The crowd left.The police stayed.", ["The crowd left.", "The police stayed."]),
        ("A man was hurt (police said). Two fled.", ["A man was hurt (police said).", "Two fled."]),
        ("1. Troops withdraw from the border. 2. Talks resume.",
         ["1. Troops withdraw from the border.", "2. Talks resume."]),
        ("The vote passed 52 to 48. Turnout was low.", ["The vote passed 52 to 48.", "Turnout was low."]),
    ],
)
def test_segment_rules(text: str, expected: list[str]) -> None:
    assert split(text) == expected


LOWER = (
    "pune: the district collector met traders on saturday. the police said shops would reopen. "
    "about 40 people were detained, the commissioner said. he added that 12 were released.\"we are "
    "watching the situation,\" he said. curfew was relaxed for four hours in the old city on sunday. "
    "mr. rao, the police chief, said no. 5 ward stayed calm."
)


def test_segment_lower_cased_corpus() -> None:
    got = split(LOWER)
    assert got == [
        "pune: the district collector met traders on saturday.",
        "the police said shops would reopen.",
        "about 40 people were detained, the commissioner said.",
        "he added that 12 were released.",
        "\"we are watching the situation,\" he said.",
        "curfew was relaxed for four hours in the old city on sunday.",
        "mr. rao, the police chief, said no. 5 ward stayed calm.",
    ]


def test_segment_caps_very_long_sentences() -> None:
    clause = "the convoy moved slowly past the checkpoints and the villages"
    text = "; ".join([clause] * 60) + " " + " ".join(["word"] * 900)
    sentences = split(text)
    assert len(text) > 5 * MAX_SENTENCE_CHARS
    assert all(len(s) <= MAX_SENTENCE_CHARS for s in sentences)
    assert sentences[0].endswith(";")  # cut at a clause boundary where there is one
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "")  # nothing lost
    giant = "x" * 3500  # no space at all: cut hard
    assert [len(s) for s in split(giant)] == [1000, 1000, 1000, 500]


def test_segment_splits_a_huge_block() -> None:
    text = "The convoy moved slowly past the checkpoints. " * 40_000  # 1.8 MB in one paragraph
    sentences = segment(body_article(text))  # speed: benchmarks/stages.py (quadratic scanning took minutes)
    assert len(sentences) == 40_000


def test_segment_never_crosses_blocks_and_keeps_sections() -> None:
    text = "Border talks resume\nEnvoys met again today\n-\nBy Ana Lima\nEnvoys met on Monday. They talked."
    record = RawRecord(origin="<test>", text=text)
    article = clean_record(record, SETTINGS)
    sentences = segment(article)
    assert [(s.section.value, s.text) for s in sentences] == [
        ("headline", "Border talks resume"),
        ("standfirst", "Envoys met again today"),
        ("boilerplate", "By Ana Lima"),
        ("body", "Envoys met on Monday."),
        ("body", "They talked."),
    ]
    assert [s.index for s in sentences] == list(range(5))
    for s in sentences:
        block = next(b for b in article.blocks if b.start <= s.start < b.end)
        assert s.end <= block.end


def test_segment_seed(shared_dir: Path) -> None:
    (record,) = list(read_inputs([shared_dir / "seed" / "shoigu-pyongyang.txt"], SETTINGS))
    assert isinstance(record, RawRecord)
    article = clean_record(record, SETTINGS)
    sentences = segment(article)
    for s in sentences:
        assert article.text[s.start:s.end] == s.text and s.text == s.text.strip()
    sections = [s.section for s in sentences]
    assert sections[:3] == [Section.HEADLINE, Section.STANDFIRST, Section.CAPTION]
    assert set(sections[3:]) == {Section.BODY}
    caption = sentences[2].text
    assert caption.endswith("Dec. 21, 2022. (AP)")  # one sentence: the date and the credit stay with it
    assert any(s.text.startswith("Russian Security Council Secretary Sergei Shoigu arrived") for s in sentences)
    assert len(sentences) == 16  # 3 head lines, 13 in the body (two body lines hold two sentences)


@pytest.mark.slow
def test_segment_india_corpus(shared_dir: Path) -> None:
    path = shared_dir / "eval" / "news-india-police-2002" / "docs.jsonl"
    if not path.exists():
        pytest.skip("India police corpus not staged")
    settings = Settings(text_field="doc_text", id_field="doc_id")
    docs = sentences_total = 0
    for record in read_inputs([path], settings):
        assert isinstance(record, RawRecord)
        article = clean_record(record, settings)
        sentences = segment(article)
        docs += 1
        sentences_total += len(sentences)
        for s in sentences:
            assert article.text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
            assert len(s.text) <= MAX_SENTENCE_CHARS
            if s.text.startswith("This story is from"):
                assert s.section is Section.BOILERPLATE
    assert docs == 1257
    # the corpus authors report 21,391 sentences from their splitter; ours must be in that range
    assert 17_000 < sentences_total < 26_000


def test_a_credit_line_closing_a_body_paragraph_is_boilerplate() -> None:
    record = RawRecord(origin="<t>", text=(
        "Kenya closes refugee camps\n\nKenya said on Monday it would close two camps. The U.N. agency voiced concern. "
        "Ana Ruiz reported from Nairobi; and Omar Ali contributed from Mogadishu and Kampala, respectively."))
    sentences = segment(clean_record(record, Settings()))
    sections = {s.text: s.section for s in sentences}
    assert sections["The U.N. agency voiced concern."] is Section.BODY
    assert sections["Ana Ruiz reported from Nairobi; and Omar Ali contributed from Mogadishu and Kampala, "
                    "respectively."] is Section.BOILERPLATE
