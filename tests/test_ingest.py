"""Reading inputs: every format, field names, streaming, and every kind of bad input.

All texts here are written for these tests (short, original). Third-party text is read from
``../shared`` only.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import logging
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.ingest import find_dateline, parse_published, read_inputs
from eventwire.models import RawRecord, Rejection

SETTINGS = Settings()

ARTICLE = (
    "Harbour workers end strike in Valmora\n"
    "Dock unions accepted a pay offer after a week of talks with the port authority.\n"
    "-\n"
    "Union leaders sign the agreement at the port office in Valmora on Friday. (Reuters)\n"
    "Dock workers in Valmora returned to work on Saturday after their union accepted a new pay offer.\n"
    "The port authority said ships would be unloaded again by Monday.\n"
)

HTML = """<!DOCTYPE html><html><head>
<title>Ministers agree on river treaty</title>
<meta property="og:site_name" content="Example Tribune">
<meta property="article:published_time" content="2024-05-02T08:30:00Z">
<link rel="canonical" href="https://news.example.org/river-treaty">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Ministers agree on river treaty</h1>
<p>The foreign ministers of two neighbouring countries agreed on Thursday to share the waters of the
river that runs along their border, ending a dispute that had lasted for more than ten years.</p>
<p>Under the treaty, a joint commission will measure the flow every month and publish its figures,
officials from both governments told reporters after the signing ceremony in the capital.</p>
</article>
<footer>Copyright 2024 Example Tribune</footer>
</body></html>"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def read(paths: list[str | Path], settings: Settings = SETTINGS, **kw: object) -> list[RawRecord | Rejection]:
    return list(read_inputs(paths, settings, **kw))  # type: ignore[arg-type]


def only(items: list[RawRecord | Rejection]) -> RawRecord | Rejection:
    assert len(items) == 1, items
    return items[0]


def rejection(items: list[RawRecord | Rejection]) -> Rejection:
    item = only(items)
    assert isinstance(item, Rejection), item
    assert item.stage == "ingest"
    return item


def record(items: list[RawRecord | Rejection]) -> RawRecord:
    item = only(items)
    assert isinstance(item, RawRecord), item
    return item


# ------------------------------------------------------------------------------------------ text


def test_ingest_txt_seed_layout(tmp_path: Path) -> None:
    path = tmp_path / "strike.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    r = record(read([path]))
    assert r.format == "txt"
    assert r.origin == str(path)
    assert r.title == "Harbour workers end strike in Valmora"
    assert r.text == ARTICLE
    assert r.published is None and r.published_source is None  # nothing in the file states a date
    assert r.metadata == {}


def test_ingest_txt_user_date_wins(tmp_path: Path) -> None:
    path = tmp_path / "strike.txt"
    path.write_text("This story is from March 3, 2021\n\n" + ARTICLE, encoding="utf-8")
    r = record(read([path], published=date(2021, 3, 4)))
    assert (r.published, r.published_source) == (date(2021, 3, 4), "user")
    r = record(read([path]))
    assert (r.published, r.published_source) == (date(2021, 3, 3), "dateline")


def test_ingest_plain_text_title_only_when_it_looks_like_one(tmp_path: Path) -> None:
    titled = tmp_path / "a.txt"
    titled.write_text("Farmers block highway over fuel prices\nFarmers blocked the main highway on Monday.\n")
    assert record(read([titled])).title == "Farmers block highway over fuel prices"
    untitled = tmp_path / "b.txt"
    untitled.write_text("Farmers blocked the main highway on Monday.\nPolice cleared the road by evening.\n")
    assert record(read([untitled])).title is None


def test_ingest_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    r = record(read([path]))
    assert r.text.startswith("Harbour")
    assert "encoding" not in r.metadata


# ------------------------------------------------------------------------------------------ HTML


def test_ingest_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    r = record(read([path]))
    assert r.format == "html"
    assert r.title == "Ministers agree on river treaty"
    assert "joint commission will measure the flow" in r.text
    assert "Home" not in r.text and "Copyright" not in r.text  # navigation and footer are dropped
    assert r.url == "https://news.example.org/river-treaty"
    assert r.source == "Example Tribune"
    assert (r.published, r.published_source) == (date(2024, 5, 2), "html")
    assert r.raw == HTML  # the page source is kept


def test_ingest_html_user_date_beats_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(HTML, encoding="utf-8")
    r = record(read([path], published=date(2024, 5, 3)))
    assert (r.published, r.published_source) == (date(2024, 5, 3), "user")


def test_ingest_html_without_main_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    rej = rejection(read([path]))
    assert rej.code == "E108"
    assert str(path) in rej.reason and "no main text" in rej.reason
    assert rej.raw is not None and "<nav>" in rej.raw


# ------------------------------------------------------------------------------------------ JSONL


def write_jsonl(path: Path, rows: list[object]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_ingest_jsonl_fields(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    write_jsonl(path, [
        {"id": "a1", "title": "Talks open", "text": "Delegates met in Orlan on Monday.", "published": "2023-02-06",
         "url": "https://example.org/a1", "source": "Example Wire"},
        {"id": 7, "text": "The council voted to close the mine."},
    ])
    first, second = read([path])
    assert isinstance(first, RawRecord) and isinstance(second, RawRecord)
    assert (first.origin, first.record_id, first.title, first.format) == (f"{path}:1", "a1", "Talks open", "jsonl")
    assert (first.published, first.published_source) == (date(2023, 2, 6), "record")
    assert (first.url, first.source) == ("https://example.org/a1", "Example Wire")
    assert (second.origin, second.record_id, second.title, second.published) == (f"{path}:2", "7", None, None)


def test_ingest_jsonl_field_names_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "corpus.ndjson"
    write_jsonl(path, [{"doc_id": 11, "doc_text": "The mayor opened the new bridge.", "day": "4 May 2022"}])
    settings = Settings(text_field="doc_text", id_field="doc_id", published_field="day")
    r = record(read([path], settings))
    assert (r.record_id, r.text, r.published) == ("11", "The mayor opened the new bridge.", date(2022, 5, 4))
    # with the default names the text field is not found, and the rejection says which setting to change
    rej = rejection(read([path]))
    assert rej.code == "E106"
    assert f"{path}:1" in rej.reason and "'text'" in rej.reason and "text_field" in rej.reason


def test_ingest_jsonl_malformed_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"text": "First story about a flood."}) + "\n"
        + '{"text": "broken line, no closing brace"\n'
        + "\n"
        + json.dumps({"text": "Third story about a fire."}) + "\n",
        encoding="utf-8",
    )
    items = read([path])
    assert [type(i).__name__ for i in items] == ["RawRecord", "Rejection", "RawRecord"]
    bad = items[1]
    assert isinstance(bad, Rejection)
    assert bad.code == "E105" and bad.origin == f"{path}:2"
    assert f"{path}:2" in bad.reason and "malformed JSON" in bad.reason
    assert bad.raw == '{"text": "broken line, no closing brace"'
    assert isinstance(items[2], RawRecord) and items[2].origin == f"{path}:4"


def test_ingest_jsonl_non_object_and_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text('["a list"]\n{"text": "   "}\n', encoding="utf-8")
    a, b = read([path])
    assert isinstance(a, Rejection) and a.code == "E106" and "object" in a.reason
    assert isinstance(b, Rejection) and b.code == "E102" and "no text" in b.reason


def test_ingest_jsonl_unreadable_record_date_is_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    write_jsonl(path, [{"text": "The river rose overnight.", "published": "sometime last spring"}])
    r = record(read([path]))
    assert r.published is None and r.published_source is None
    assert r.metadata["published_unparsed"] == "sometime last spring"


def test_ingest_jsonl_streams_without_materialising(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    body = "The committee met again and adjourned without a vote. " * 20
    with path.open("w", encoding="utf-8") as f:
        for i in range(15_000):
            f.write(json.dumps({"id": i, "text": body}) + "\n")
    size = path.stat().st_size
    assert size > 15_000_000
    tracemalloc.start()
    try:
        count = 0
        for item in read_inputs([path], SETTINGS):
            assert isinstance(item, RawRecord)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 15_000
    assert peak < 2_000_000, f"peak {peak:,} bytes for a {size:,}-byte file: the reader is not streaming"


def test_ingest_first_record_of_a_large_file_comes_at_once(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = (json.dumps({"text": "A short note on the weather. " * 40}) + "\n").encode()
    with path.open("wb") as f:
        f.write(line * (40_000_000 // len(line)))
    tracemalloc.start()
    try:
        first = next(iter(read_inputs([path], SETTINGS)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(first, RawRecord)
    assert peak < 1_000_000, "the first record should not need the whole file read"


# ------------------------------------------------------------------------------------------ CSV


def test_ingest_csv_with_multiline_and_big_fields(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    big = "The assembly debated the budget late into the night. " * 4000  # > csv's 128 KiB default
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "text", "published"])
        w.writerow(["r1", "Budget passes", "Line one of the story.\nLine two of the story.", "2020/11/05"])
        w.writerow(["r2", "", big, ""])
    first, second = read([path])
    assert isinstance(first, RawRecord) and isinstance(second, RawRecord)
    assert (first.origin, first.record_id, first.title, first.format) == (f"{path}:2", "r1", "Budget passes", "csv")
    assert first.text == "Line one of the story.\nLine two of the story."
    assert first.published == date(2020, 11, 5)
    assert second.origin == f"{path}:4"  # the first record spanned lines 2–3
    assert second.title is None and len(second.text) == len(big)


def test_ingest_csv_missing_text_column_is_one_clear_rejection(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text("id,headline,body\n1,Storm,The storm passed.\n2,Flood,The river rose.\n", encoding="utf-8")
    rej = rejection(read([path]))
    assert rej.code == "E107"
    assert str(path) in rej.reason and "no 'text' column" in rej.reason
    assert "headline, body" in rej.reason and "text_field" in rej.reason
    r1, _r2 = read([path], Settings(text_field="body", title_field="headline"))
    assert isinstance(r1, RawRecord) and (r1.title, r1.text) == ("Storm", "The storm passed.")


# ------------------------------------------------------------------------------------------ dirs, gz, stdin


def test_ingest_directory_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article here.\nIt has a body.\n")
    (tmp_path / "a" / "one.txt").write_text("First article here.\nIt has a body.\n")
    (tmp_path / "a" / "z.jsonl").write_text(json.dumps({"text": "A record in a corpus."}) + "\n")
    (tmp_path / ".hidden.txt").write_text("Never read.\n")
    (tmp_path / ".git" / "config.txt").write_text("Never read either.\n")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not ours")
    origins = [i.origin for i in read([tmp_path])]
    assert origins == [str(tmp_path / "a" / "one.txt"), f"{tmp_path / 'a' / 'z.jsonl'}:1",
                       str(tmp_path / "b" / "two.txt")]


def test_ingest_directory_symlink_loop_and_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text("A short report.\nIt has a body.\n")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d", target_is_directory=True)
    assert [i.origin for i in read([tmp_path / "d"])] == [str(tmp_path / "d" / "one.txt")]
    (tmp_path / "e").mkdir()
    (tmp_path / "e" / "image.png").write_bytes(PNG)
    rej = rejection(read([tmp_path / "e"]))
    assert rej.code == "E113" and "no file eventwire reads" in rej.reason


def test_ingest_gzip_of_txt_and_jsonl(tmp_path: Path) -> None:
    txt = tmp_path / "strike.txt.gz"
    txt.write_bytes(gzip.compress(ARTICLE.encode()))
    jsonl = tmp_path / "corpus.jsonl.gz"
    jsonl.write_bytes(gzip.compress((json.dumps({"text": "One."}) + "\n" + "{bad\n").encode()))
    a, b, c = read([txt, jsonl])
    assert isinstance(a, RawRecord) and a.text == ARTICLE and a.format == "txt"
    assert isinstance(b, RawRecord) and b.text == "One."
    assert isinstance(c, Rejection) and c.origin == f"{jsonl}:2"


def test_ingest_broken_gzip_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    rej = rejection(read([path]))
    assert rej.code == "E110" and "cannot read file" in rej.reason


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (ARTICLE.encode(), "txt"),
        (HTML.encode(), "html"),
        (b"\n" + json.dumps({"text": "From a pipe."}).encode() + b"\n", "jsonl"),
    ],
)
def test_ingest_stdin_sniffs_the_format(data: bytes, fmt: str) -> None:
    r = record(read(["-"], stdin=io.BytesIO(data)))
    assert r.format == fmt
    assert r.origin.startswith("<stdin>")


def test_ingest_stdin_jsonl_line_numbers_past_the_sniffed_head() -> None:
    lines = [json.dumps({"text": f"Report number {i} " + "x" * 300}) for i in range(100)]
    lines[60] = "{not json"
    items = read(["-"], stdin=io.BytesIO(("\n".join(lines) + "\n").encode()))
    assert len(items) == 100
    bad = [i for i in items if isinstance(i, Rejection)]
    assert [b.origin for b in bad] == ["<stdin>:61"]


# ------------------------------------------------------------------------------------------ bad inputs


def test_ingest_empty_and_whitespace_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n")
    for path in (empty, blank):
        rej = rejection(read([path]))
        assert rej.code == "E102"
        assert rej.reason == f"{path}: empty input (no text)"


def test_ingest_binary_png_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG)
    rej = rejection(read([path]))
    assert rej.code == "E103"
    assert str(path) in rej.reason and "binary file, not text" in rej.reason
    assert rej.raw is None


def test_ingest_invalid_utf8_falls_back_and_flags(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 owners protest\nThe caf\xe9 owners of S\xe3o Ros\xe9 marched \x93peacefully\x94.\n"
                     .encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        r = record(read([path]))
    assert r.text.startswith("Café owners protest\nThe café owners of São Rosé marched “peacefully”.")
    assert r.metadata["encoding"] == "cp1252 (fallback: invalid UTF-8)"
    assert any(str(path) in m and "not valid UTF-8" in m for m in caplog.messages)


def test_ingest_invalid_utf8_in_corpora_is_flagged_per_record(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_bytes(b'{"text": "Plain line."}\n{"text": "Caf\xe9 closed."}\n')
    data = tmp_path / "c.csv"
    data.write_bytes(b'text\n"Plain row."\n"Caf\xe9 row."\n')
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        items = read([jsonl, data])
    texts = [(i.text, dict(i.metadata)) for i in items if isinstance(i, RawRecord)]
    assert texts == [("Plain line.", {}), ("Café closed.", {"encoding": "cp1252 (fallback: invalid UTF-8)"}),
                     ("Plain row.", {}), ("Café row.", {"encoding": "cp1252 (fallback: invalid UTF-8)"})]
    assert any(str(jsonl) in m for m in caplog.messages) and any(str(data) in m for m in caplog.messages)


def test_ingest_undefined_cp1252_bytes_still_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Bytes \x81 and \x9d and \xe9 here.\n")
    r = record(read([path]))
    assert r.metadata["encoding"] == "latin-1 (fallback: invalid UTF-8)"
    assert r.text.encode("latin-1") == path.read_bytes()


def test_ingest_huge_article_rejected_keeping_its_start_size_and_hash(tmp_path: Path) -> None:
    """Issue 12: an input beyond the limit is never held whole, nor kept whole in the rejections: its
    first MiB, its size, its SHA-256 and where it came from are."""
    path = tmp_path / "huge.txt"
    line = b"The long report continues with yet another paragraph of detail.\n"
    path.write_bytes(line * (50_000_000 // len(line)))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        rej = rejection(read([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < size / 2  # read up to the most bytes an article within the limit can take, then streamed
    assert rej.code == "E104" and rej.origin == str(path)
    assert f"{size:,} bytes" in rej.reason and "2,000,000" in rej.reason and "max_article_chars" in rej.reason
    assert hashlib.sha256(path.read_bytes()).hexdigest() in rej.reason
    assert rej.raw is not None and len(rej.raw) == 1 << 20 and path.read_bytes().startswith(rej.raw.encode())


def test_ingest_over_long_text_within_reach_keeps_its_first_mib(tmp_path: Path) -> None:
    settings = Settings(max_article_chars=200_000)
    path = tmp_path / "long.jsonl"
    text = "The committee met again. " * 60_000  # 1.5 M characters: over the limit, but its line is read
    write_jsonl(path, [{"text": text}])
    rej = rejection(read([path], settings))
    assert rej.code == "E104" and len(rej.raw or "") == 1 << 20 and text.startswith(rej.raw or "-")
    assert f"{len(text):,} characters" in rej.reason and hashlib.sha256(text.encode()).hexdigest() in rej.reason


def test_ingest_huge_jsonl_record_rejected_and_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    settings = Settings(max_article_chars=1000)
    write_jsonl(path, [{"text": "y" * 1001}, {"text": "A short one."}])
    a, b = read([path], settings)
    assert isinstance(a, Rejection) and a.code == "E104" and a.origin == f"{path}:1" and len(a.raw or "") == 1001
    assert isinstance(b, RawRecord)


def test_ingest_nonexistent_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "missing.txt"
    rej = rejection(read([path]))
    assert rej.code == "E101"
    assert rej.reason == f"{path}: no such file or directory"


def test_ingest_bad_inputs_do_not_stop_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    items = read([tmp_path / "missing.txt", good])
    assert [type(i).__name__ for i in items] == ["Rejection", "RawRecord"]


# ------------------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "value",
    ["2025-06-17", "2025-06-17T09:15:00Z", "2025-06-17 09:15:00+03:00", "2025/06/17", "17 June 2025",
     "17th June, 2025", "June 17, 2025", "Jun. 17 2025", "Tuesday, June 17, 2025", "17/06/2025",
     "Tue, 17 Jun 2025 10:00:00 GMT", "20250617"],
)
def test_parse_published_accepts_common_forms(value: str) -> None:
    assert parse_published(value) == date(2025, 6, 17)


@pytest.mark.parametrize("value", ["yesterday", "", "June 2025", "06/07/2025", "2025-02-30", "17 Juno 2025"])
def test_parse_published_rejects_with_code(value: str) -> None:
    with pytest.raises(InputError) as info:
        parse_published(value)
    assert info.value.code == "E109"
    assert repr(value) in str(info.value) and "--published" in str(info.value) and "YYYY-MM-DD" in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This story is from March 10, 2002\n\nthe council met.", date(2002, 3, 10)),
        ("Port talks resume\nMOSCOW, June 17, 2025 (Reuters) - Officials met.", date(2025, 6, 17)),
        ("Updated: Jun 17, 2025\nThe council met on Monday.", date(2025, 6, 17)),
        ("Published 2 March 2019 | 10:00 GMT\nText.", date(2019, 3, 2)),
        ("MOSCOW, June 17 (Reuters) - Officials met.", None),  # no year: no date
        ("The treaty was signed on June 17, 2025 in the capital.", None),  # an event date, not a dateline
        ("Title\nStandfirst\n-\nA caption, Wednesday, Dec. 21, 2022. (AP)\nBody.", None),
    ],
)
def test_find_dateline(text: str, expected: date | None) -> None:
    assert find_dateline(text) == expected


def test_ingest_record_date_beats_dateline(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    write_jsonl(path, [{"text": "This story is from March 10, 2002\n\nthe council met.", "published": "2002-03-11"}])
    r = record(read([path]))
    assert (r.published, r.published_source) == (date(2002, 3, 11), "record")


# ------------------------------------------------------------------------------------------ a real corpus


def test_ingest_india_corpus(shared_dir: Path) -> None:
    path = shared_dir / "eval" / "news-india-police-2002" / "docs.jsonl"
    if not path.exists():
        pytest.skip("India police corpus not staged")
    items = read([path], Settings(text_field="doc_text", id_field="doc_id"))
    assert len(items) == 1257
    assert all(isinstance(i, RawRecord) for i in items)
    records = [i for i in items if isinstance(i, RawRecord)]
    assert len({r.record_id for r in records}) == 1257
    stated = [r for r in records if r.text.startswith("This story is from")]
    assert stated and all(r.published_source == "dateline" and r.published is not None for r in stated)
    assert all(date(2002, 3, 1) <= r.published <= date(2002, 3, 31) for r in stated if r.published)
    unstated = [r for r in records if not r.text.startswith("This story is from")]
    assert all(r.published is None for r in unstated)  # never invented


# ------------------------------------------------------------------------------------------ issue 12: hostile inputs


def test_ingest_nul_in_one_jsonl_line_strips_it_and_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"text": "First report of the day."}\n'
                     b'{"text": "Second\x00 report\x00."}\n'
                     b'{"text": "Third report of the day."}\n')
    a, b, c = read([path])
    assert isinstance(a, RawRecord) and isinstance(c, RawRecord)
    assert isinstance(b, RawRecord) and b.text == "Second report." and b.origin == f"{path}:2"
    assert b.metadata["nul_removed"] == "2 NUL byte(s) removed" and "nul_removed" not in a.metadata


def test_ingest_nul_in_one_csv_line_strips_it_and_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b'id,text\nr1,"First report."\nr2,"Second\x00 report."\nr3,"Third report."\n')
    items = read([path])
    assert [(i.record_id, i.text) for i in items if isinstance(i, RawRecord)] == [
        ("r1", "First report."), ("r2", "Second report."), ("r3", "Third report.")]
    assert items[1].metadata["nul_removed"] == "1 NUL byte(s) removed"  # type: ignore[union-attr]


@pytest.mark.parametrize("at", [100, 20_000])
def test_ingest_nul_in_a_text_file_is_stripped_with_a_note_wherever_it_is(tmp_path: Path, at: int) -> None:
    body = ("The council met again and the talks went on late into the night. " * 400)[:30_000]
    path = tmp_path / "nul.txt"
    path.write_bytes(("Council talks go on\n" + body[:at]).encode() + b"\x00" + body[at:].encode())
    r = record(read([path]))
    assert "\x00" not in r.text and r.text == "Council talks go on\n" + body
    assert r.metadata["nul_removed"] == "1 NUL character(s) removed"


def test_ingest_many_nul_bytes_are_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "utf16-without-bom.txt"
    path.write_bytes("A report in UTF-16 with no byte order mark.".encode("utf-16-le"))
    assert rejection(read([path])).code == "E103"


def test_ingest_jsonl_text_that_is_not_a_string_is_rejected_naming_its_type(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    write_jsonl(path, [{"id": "a", "text": ["The council", "met."]}, {"id": "b", "text": {"body": "x"}},
                       {"id": "c", "text": 42}, {"id": "d", "text": "A good one."}])
    a, b, c, d = read([path])
    for item, kind in ((a, "a list"), (b, "an object"), (c, "a number")):
        assert isinstance(item, Rejection) and item.code == "E106", item
        assert f"field 'text' holds {kind}, not a string" in item.reason and item.raw and '"id"' in item.raw
    assert isinstance(d, RawRecord) and d.text == "A good one."


CSV_ROWS = ('id,title,text\n'
            'r1,One,"The first report."\n'
            'r2,Two,"The second report, whose quote is never closed.\n'
            'r3,Three,"The third report."\n'
            'r4,Four,"The fourth report."\n')


def test_ingest_csv_unterminated_quote_rejects_that_row_and_keeps_the_next(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(CSV_ROWS, encoding="utf-8")
    items = read([path])
    got = [(i.origin, i.record_id, i.text) if isinstance(i, RawRecord) else (i.origin, i.code) for i in items]
    assert got == [
        (f"{path}:2", "r1", "The first report."),
        (f"{path}:3", "E111"),
        (f"{path}:4", "r3", "The third report."),
        (f"{path}:5", "r4", "The fourth report."),
    ]
    bad = items[1]
    assert isinstance(bad, Rejection) and "unterminated" in bad.reason and bad.raw and bad.raw.startswith("r2,Two")


def test_ingest_csv_unterminated_quote_on_the_last_row(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('id,text\nr1,"Good."\nr2,"Never closed\nstill inside\n', encoding="utf-8")
    items = read([path])
    assert isinstance(items[0], RawRecord) and items[0].text == "Good."
    assert isinstance(items[1], Rejection) and items[1].origin == f"{path}:3" and items[1].code == "E111"
    assert len(items) == 3 and items[2].origin == f"{path}:4"  # the line after it, read as a row of its own


def test_ingest_csv_multiline_quoted_fields_still_read(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('id,text\nr1,"First paragraph.\nSecond, with ""quotes"".\n"\nr2,"Next."\n', encoding="utf-8")
    a, b = read([path])
    assert isinstance(a, RawRecord) and a.text == 'First paragraph.\nSecond, with "quotes".\n'
    assert isinstance(b, RawRecord) and b.origin == f"{path}:5"


def test_ingest_corrupted_gzip_is_a_rejection_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    data = bytearray(gzip.compress(("\n".join(json.dumps({"text": f"Report {i} " + "x" * 50})
                                              for i in range(2000)) + "\n").encode()))
    for i in range(200, 260):  # flip bytes in the deflate stream
        data[i] ^= 0xFF
    broken = tmp_path / "corpus.jsonl.gz"
    broken.write_bytes(bytes(data))
    after = tmp_path / "z.txt"
    after.write_text(ARTICLE.replace("Valmora", "Ostrava"))
    items = read([good, broken, after])  # before issue 12: zlib.error escaped
    assert isinstance(items[0], RawRecord) and isinstance(items[-1], RawRecord)
    bad = [i for i in items if isinstance(i, Rejection)]
    assert len(bad) == 1 and bad[0].code == "E110" and bad[0].origin == str(broken)
    assert "corrupted gzip" in bad[0].reason


def test_ingest_gzip_bomb_is_rejected_while_streaming(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    chunk = b"a" * (1 << 20)
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        for _ in range(200):  # 200 MB of "a" in about 200 KB
            f.write(chunk)
    tracemalloc.start()
    try:
        rej = rejection(read([bomb]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rej.code == "E104" and f"{200 << 20:,} bytes" in rej.reason
    assert hashlib.sha256(chunk * 200).hexdigest() in rej.reason
    assert len(rej.raw or "") == 1 << 20
    assert peak < 40 << 20, f"peak {peak:,} bytes"  # was the whole decompressed file


def test_ingest_overlong_jsonl_line_is_rejected_while_streaming(tmp_path: Path) -> None:
    settings = Settings(max_article_chars=1000)
    path = tmp_path / "c.jsonl"
    write_jsonl(path, [{"text": "First."}, {"text": "y" * 30_000_000}, {"text": "Third."}])
    tracemalloc.start()
    try:
        a, b, c = read([path], settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(a, RawRecord) and isinstance(c, RawRecord) and c.origin == f"{path}:3"
    assert isinstance(b, Rejection) and b.code == "E104" and b.origin == f"{path}:2"
    assert "30,000,013 bytes" in b.reason and len(b.raw or "") == 1 << 20
    assert peak < 16 << 20, f"peak {peak:,} bytes"  # the line's first MiBs, not the line


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1" * 100_000, "1111-11-11", "2500-01-01"])
def test_parse_published_refuses_dates_outside_a_sane_range(value: str) -> None:
    with pytest.raises(InputError) as info:
        parse_published(value)
    assert info.value.code == "E109" and info.value.exit_code == 2
    assert len(str(info.value)) < 300  # a 100,000-character value is not echoed back


def test_a_record_date_out_of_range_is_ignored_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    write_jsonl(path, [{"text": "The council met.", "published": "9999-12-31"}])
    r = record(read([path]))
    assert r.published is None and r.metadata["published_unparsed"] == "9999-12-31"


def test_a_dateline_records_in_the_metadata_where_the_date_came_from(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    write_jsonl(path, [{"text": "This story is from March 10, 2002\n\nlucknow: the council met on saturday."}])
    r = record(read([path]))
    assert (r.published, r.published_source) == (date(2002, 3, 10), "dateline")
    assert r.metadata["published_source"] == "dateline"
    assert r.metadata["dateline"] == "This story is from March 10, 2002"
    assert find_dateline("This story is from March 10, 9999\nText.") is None  # out of range: no date


def test_ingest_warns_of_each_dangling_and_looping_link(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "one.txt").write_text("A short report.\nIt has a body.\n")
    (d / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (d / "self.txt").symlink_to(d / "self.txt")
    (d / "back").symlink_to(d, target_is_directory=True)
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        assert [i.origin for i in read([d])] == [str(d / "one.txt")]
    text = "\n".join(caplog.messages)
    assert f"{d / 'dangling.txt'}: a dangling symbolic link" in text
    assert f"{d / 'self.txt'}: a symbolic link that loops" in text
    assert f"{d / 'back'}: a symbolic link to {d}, a folder already read" in text
    rej = rejection(read([d / "dangling.txt"]))
    assert rej.code == "E101" and "dangling symbolic link" in rej.reason


def test_count_articles_knows_the_total_of_files_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    write_jsonl(tmp_path / "b.jsonl", [{"text": "One."}, {"text": "Two."}])
    (tmp_path / "b.jsonl").write_text((tmp_path / "b.jsonl").read_text() + "\n\n")
    from eventwire.ingest import count_articles

    assert count_articles([tmp_path / "a.txt", tmp_path / "b.jsonl"], SETTINGS) == 3
    assert count_articles([tmp_path], SETTINGS) == 3
    assert count_articles(["-"], SETTINGS) is None


@pytest.mark.parametrize(("text", "day"), [("They will meet next Monday.", date(9999, 12, 31)),
                                           ("They met last Friday.", date(1, 1, 1))])
def test_the_time_stage_at_the_calendars_edge_gives_no_day_not_an_overflow(text: str, day: date) -> None:
    """Issue 12: a reference day at the calendar's edge raised OverflowError in ``_weekday`` (E900). The
    published range now keeps such days out; the time stage itself no longer fails on one either."""
    from eventwire.time import tag

    (found,) = tag(text, day)
    assert found.value is None
