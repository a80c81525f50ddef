"""The 30 hostile inputs of issue 12 (listed in ``../shared/eval/hostile/README.md``), each sent through
``ingest`` between two good articles, and through ``extract``.

Every input is built here (no third-party text). For each case the script prints the error code(s) the bad
input got (or ``warning``, or ``-`` when it was read as it should be), how many articles were stored, how
many were lost — a good article not stored, or a record of the bad input neither stored nor recorded as
rejected —, the peak memory of reading the inputs, and whether the case was handled as expected.

    python benchmarks/hostile.py            # all 30 cases (the gzip bombs are 1 GB; 10,000 tiny files)
    python benchmarks/hostile.py --quick    # 100 MB bombs, 1,000 tiny files
    python benchmarks/hostile.py --cases 3 17 21

Expected: 30/30 handled, 0 lost.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import logging
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOOD_1 = ("Finnish leader visits Tallinn\n"
          "Finland's president travelled to Estonia for talks on Baltic security.\n-\n"
          "Finnish President Alexander Stubb arrived in Tallinn on Monday and met Estonian Prime Minister "
          "Kristen Michal.\nThe two countries signed an agreement on joint air patrols.\n")
GOOD_2 = ("Kenya condemns border raid\n-\n"
          "Kenya condemned Somalia on Tuesday over a raid on a border post in which two police officers "
          "were wounded, the interior ministry said.\n")
SENTENCE = "The council met again on Monday and the talks went on late into the night."


@dataclass
class Built:
    """What a case sends: the bad inputs (between the two good articles) and what they hold."""

    bad: list[Path]
    units: int  # records the bad inputs hold (each must be stored or rejected); 0 for links skipped
    expect_codes: set[str] = field(default_factory=set)  # the codes a handled case gives (empty: none)
    expect_stored: int = 0  # records of the bad inputs that must be stored
    warnings: int = 0  # warnings the case must give (one per bad link)
    published: str | None = None  # a --published value (run through the CLI)
    order: str = "between"  # "between" the good articles, or "alone" for many files


@dataclass
class Outcome:
    codes: list[str]
    stored: int
    stored_bad: int
    rejected_bad: int
    lost: int
    peak_mb: float
    seconds: float
    extract_ok: bool
    warnings: int
    note: str = ""


# ------------------------------------------------------------------------------------------ the inputs


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _jsonl(path: Path, rows: list[Any]) -> Path:
    return _write(path, "".join(json.dumps(r) + "\n" for r in rows))


def _text(n_words: int) -> str:
    words = SENTENCE.split()
    return " ".join(words[i % len(words)] for i in range(n_words))


def _gzip_of(path: Path, byte: bytes, size: int) -> Path:
    chunk = byte * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as f:
        for _ in range(size >> 20):
            f.write(chunk)
    return path


def build_cases(d: Path, quick: bool) -> dict[int, tuple[str, str, Callable[[], Built]]]:
    bomb = (100 if quick else 1024) << 20
    tiny = 1000 if quick else 10_000
    body = "Dock workers returned to work on Saturday after their union accepted a new pay offer.\n"

    def c1() -> Built:
        return Built([_write(d / "empty.txt", b""), _write(d / "blank.txt", b" \n\t \n")], 2, {"E102"})

    def c2() -> Built:
        png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
        return Built([_write(d / "photo.txt", png)], 1, {"E103"})

    def c3() -> Built:
        rng = random.Random(3)
        return Built([_write(d / "noise.txt", bytes(rng.randrange(1, 256) for _ in range(20_000)))], 1, {"E114"})

    def c4() -> Built:
        data = "Caf\xe9 owners protest\n-\nThe caf\xe9 owners of S\xe3o Ros\xe9 marched on Monday.\n".encode("latin-1")
        return Built([_write(d / "latin1.txt", data)], 1, set(), expect_stored=1)

    def c5() -> Built:
        return Built([_write(d / "utf16.txt", ("Port strike ends\n-\n" + body).encode("utf-16"))], 1, set(),
                     expect_stored=1)

    def c6() -> Built:
        raw = ("Port strike ends\n-\n" + body * 3).encode()
        return Built([_write(d / "nul.txt", raw[:60] + b"\x00" + raw[60:])], 1, set(), expect_stored=1)

    def c7() -> Built:
        j = _write(d / "nul.jsonl", b'{"text": "The first report of the day."}\n'
                   b'{"text": "The second\x00 report of the day."}\n{"text": "The third report of the day."}\n')
        c = _write(d / "nul.csv", b'id,text\nc1,"The first row."\nc2,"The second\x00 row."\nc3,"The third row."\n')
        return Built([j, c], 6, set(), expect_stored=6)

    def c8() -> Built:
        line = (b"The long report continues with yet another paragraph of detail.\n")
        return Built([_write(d / "sixty.txt", line * (60_000_000 // len(line)))], 1, {"E104"})

    def c9() -> Built:
        t = _write(d / "oneline.txt", _text(3_500_000)[:20_000_000].encode())
        j = _jsonl(d / "oneline.jsonl", [{"text": _text(3_500_000)[:20_000_000]}])
        return Built([t, j], 2, {"E104"})

    def c10() -> Built:
        return Built([_write(d / "nested.html", "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000
                             + "</body></html>")], 1, {"E108"})

    def c11() -> Built:
        page = ("<html><head><style>body{color:red}</style><script>var a = 1;</script></head><body>"
                "<script>document.write('hello')</script></body></html>")
        return Built([_write(d / "scripts.html", page)], 1, {"E108"})

    def c12() -> Built:
        data = '{"text": "A good line."}\n{"text": broken\n{"text": "Another good line."}\n[1, 2]\n{"text": "x"'
        return Built([_write(d / "malformed.jsonl", data + "\n")], 5, {"E105", "E106"}, expect_stored=2)

    def c13() -> Built:
        return Built([_jsonl(d / "listtext.jsonl", [{"id": "l1", "text": ["The council", "met."]},
                                                      {"id": "l2", "text": {"body": "x"}}])], 2, {"E106"})

    def c14() -> Built:
        return Built([_jsonl(d / "noid.jsonl", [{"text": "Chile protested to Peru on Monday."}])], 1, set(),
                     expect_stored=1)

    def c15() -> Built:
        return Built([_jsonl(d / "dupid.jsonl", [
            {"id": "r1", "text": "Chile protested to Peru on Monday."},
            {"id": "r1", "text": "Ghana protested to Togo on Tuesday."},
            {"id": "r2", "text": "Japan protested to China on Friday."}])], 3, {"E311"}, expect_stored=2)

    def c16() -> Built:
        data = 'id,text\ne1,"First paragraph, with a comma.\nSecond paragraph with ""quotes"".\n"\ne2,"Next."\n'
        return Built([_write(d / "embedded.csv", data)], 2, set(), expect_stored=2)

    def c17() -> Built:
        data = ('id,text\nu1,"The first report."\nu2,"The second report, whose quote is never closed.\n'
                'u3,"The third report."\nu4,"The fourth report."\n')
        return Built([_write(d / "unterminated.csv", data)], 4, {"E111"}, expect_stored=3)

    def c18() -> Built:
        full = gzip.compress(("Port strike ends\n-\n" + body * 200).encode())
        return Built([_write(d / "truncated.txt.gz", full[: len(full) // 2])], 1, {"E110"})

    def c19() -> Built:
        data = bytearray(gzip.compress(("\n".join(json.dumps({"text": f"Report {i}: " + SENTENCE})
                                                  for i in range(3000)) + "\n").encode()))
        for i in range(300, 360):
            data[i] ^= 0xFF
        # the records before the damage are read; the file's damage is one rejection
        return Built([_write(d / "corrupted.jsonl.gz", bytes(data))], -1, {"E110"})

    def c20() -> Built:
        return Built([_gzip_of(d / "zeros.txt.gz", b"\x00", bomb)], 1, {"E103"})

    def c21() -> Built:
        return Built([_gzip_of(d / "aaaa.txt.gz", b"a", bomb)], 1, {"E104"})

    def c22() -> Built:
        folder = d / "links"
        folder.mkdir()
        _write(folder / "real.txt", "Port strike ends\n-\n" + body)
        (folder / "dangling.txt").symlink_to(d / "nowhere.txt")
        (folder / "self.txt").symlink_to(folder / "self.txt")
        (folder / "loop").symlink_to(folder, target_is_directory=True)
        return Built([folder], 1, set(), expect_stored=1, warnings=3)

    def c23() -> Built:
        folder = d / "tiny"
        folder.mkdir()
        for i in range(tiny):
            _write(folder / f"t{i:05d}.txt", f"Brief {i}\n-\nThe council of district {i} met on Monday.\n")
        return Built([folder], tiny, set(), expect_stored=tiny, order="alone")

    def c24() -> Built:
        names = ["with space.txt", "ünïcödé-名前.txt", "new\nline.txt", "$(id).txt", "-leading.txt"]
        paths = [_write(d / n, f"Report {k}\n-\nThe council of ward {k} met on Monday.\n")
                 for k, n in enumerate(names)]
        return Built(paths, len(paths), set(), expect_stored=len(paths))

    def c25() -> Built:
        return Built([], 0, {"E109"}, published="garbage|2025-13-45|06/07/2025")

    def c26() -> Built:
        return Built([], 0, {"E109"}, published="9999-12-31|0001-01-01")

    def c27() -> Built:
        return Built([], 0, {"E109"}, published="1" * 100_000)

    def c28() -> Built:
        texts = {"ru.txt": "Президент провёл во вторник встречу с премьер-министром в столице. Стороны подписали "
                           "соглашение о сотрудничестве.",
                 "ko.txt": "대통령은 화요일 수도에서 총리와 만나 국경 안보 문제를 논의했다. 양측은 협력 협정에 서명했다.",
                 "ar.txt": "التقى الرئيس يوم الثلاثاء برئيس الوزراء في العاصمة لمناقشة أمن الحدود. ووقع الجانبان "
                           "اتفاقية تعاون."}
        return Built([_write(d / n, t) for n, t in texts.items()], 3, {"E115"})

    def c29() -> Built:
        return Built([_write(d / "onesentence.txt", "One long sentence\n-\n" + _text(50_000) + ".\n")], 1, set(),
                     expect_stored=1)

    def c30() -> Built:
        return Built([d / "no-such-file.txt"], 1, {"E101"})

    return {
        1: ("empty / whitespace-only file", "reject", c1),
        2: ("binary (PNG header)", "reject", c2),
        3: ("random bytes, no NUL", "reject: mostly not letters", c3),
        4: ("invalid UTF-8", "read (cp1252) with a warning", c4),
        5: ("UTF-16 with BOM", "read", c5),
        6: ("NUL byte in a .txt within the first 8 KB", "strip with a note", c6),
        7: ("NUL byte in one JSONL / CSV line", "that line only", c7),
        8: ("60 MB article", "reject, bounded memory", c8),
        9: ("20 MB single line, .txt and .jsonl", "reject", c9),
        10: ("100k nested divs", "no main text", c10),
        11: ("HTML with script/style only", "reject", c11),
        12: ("malformed JSONL lines", "per-line reject", c12),
        13: ("JSONL text that is not a string", "reject, naming the type", c13),
        14: ("JSONL record without id", "content-hash id", c14),
        15: ("JSONL: same id, different text", "reject that record, go on", c15),
        16: ("CSV with embedded newlines and quotes", "read", c16),
        17: ("CSV row with an unterminated quote", "reject that row", c17),
        18: ("truncated .gz", "reject", c18),
        19: ("corrupted .gz (flipped bytes)", "reject", c19),
        20: (f"gzip bomb, {bomb >> 20} MB of zeros", "reject, bounded memory", c20),
        21: (f"gzip bomb, {bomb >> 20} MB of 'a'", "reject while streaming", c21),
        22: ("symlink loops / dangling links", "a warning each", c22),
        23: (f"{tiny:,} tiny files", "all stored", c23),
        24: ("odd file names (space, unicode, newline, $(id), -)", "stored", c24),
        25: ("--published garbage, 2025-13-45, 06/07/2025", "E109, exit 2", c25),
        26: ("--published 9999-12-31 / 0001-01-01", "E109, exit 2", c26),
        27: ("--published of 100,000 ones", "E109, exit 2", c27),
        28: ("Russian / Korean / Arabic text", "language named, rejected", c28),
        29: ("one 50,000-word sentence", "split, stored", c29),
        30: ("missing path", "E101, batch goes on", c30),
    }


# ------------------------------------------------------------------------------------------ running


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _warnings() -> Iterator[_Count]:
    handler = _Count()
    logger = logging.getLogger("eventwire")
    level = logger.level
    logger.setLevel(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _peak_read_mb(paths: list[Path], settings: Any) -> float:
    """Peak memory of reading the inputs alone (tracemalloc; the pipeline is not traced)."""
    from eventwire.ingest import read_inputs

    tracemalloc.start()
    try:
        for _ in read_inputs([str(p) for p in paths], settings):
            pass
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _is_bad(origin: str, bad: list[Path]) -> bool:
    return any(origin == str(b) or origin.startswith((f"{b}:", f"{b}/")) for b in bad)


def run_published(built: Built, good: list[Path], tmp: Path) -> Outcome:
    """A --published value through the real CLI: an E109 and exit code 2, nothing read or stored."""
    codes: list[str] = []
    ok = True
    t0 = time.perf_counter()
    for value in built.published.split("|") if built.published and len(built.published) < 100 else [built.published]:
        env = {**os.environ, "EVENTWIRE_DATABASE_URL": f"sqlite:///{tmp / 'cli.db'}"}
        out = subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", *map(str, good), "--published",
                              str(value)], capture_output=True, text=True, env=env, timeout=300, check=False)
        found = "E109" if "[E109]" in out.stderr else (out.stderr.split("[", 1)[1][:4] if "[" in out.stderr else "?")
        codes.append(f"{found}/exit {out.returncode}")
        ok = ok and found == "E109" and out.returncode == 2
    return Outcome(codes, 0, 0, 0, 0, 0.0, time.perf_counter() - t0, ok, 0)


def run_case(built: Built, good: list[Path], pipeline: Any, tmp: Path) -> Outcome:
    from eventwire import api
    from eventwire.config import load_settings
    from eventwire.models import AnalysedArticle, Rejection

    if built.published is not None:
        return run_published(built, good, tmp)
    db = tmp / "case.db"
    settings = load_settings(environ={}, database_url=f"sqlite:///{db}")
    paths = built.bad if built.order == "alone" else [good[0], *built.bad, good[1]]
    peak = _peak_read_mb(paths, settings)
    with _warnings() as seen:
        t0 = time.perf_counter()
        summary = api.ingest(paths, settings=settings, pipeline=pipeline)
        seconds = time.perf_counter() - t0
    import sqlalchemy as sa

    with api.open_store(settings) as store:
        with store.engine.connect() as conn:
            origins = [row[0] for row in conn.execute(sa.text("SELECT origin FROM articles"))]
        rejections = list(store.rejections())
    stored_bad = sum(1 for o in origins if _is_bad(o, built.bad))
    good_stored = sum(1 for g in good if str(g) in origins) if built.order == "between" else 2
    bad_rejections = [r for r in rejections if _is_bad(r["origin"], built.bad)]
    codes = sorted({r["code"] for r in bad_rejections})
    units = built.units if built.units >= 0 else stored_bad + len(bad_rejections)
    lost = (2 - good_stored) + max(0, units - stored_bad - len(bad_rejections))
    link_warnings = sum(1 for m in seen.messages if "symbolic link" in m)
    # the same through extract (no store): the good articles analysed, the batch not stopped
    extract_ok = True
    if built.order == "between":
        try:
            items = list(api.extract(paths, settings=settings, pipeline=pipeline))
            analysed = {i.article.origin for i in items if isinstance(i, AnalysedArticle)}
            extract_ok = all(str(g) in analysed for g in good) and all(
                isinstance(i, AnalysedArticle | Rejection) for i in items)
        except Exception as exc:  # noqa: BLE001 - a crash is what this script reports
            extract_ok = False
            print(f"extract raised {exc!r}", file=sys.stderr)
    note = f"{summary.read} read" if built.order == "alone" else ""
    return Outcome(codes or (["warning"] if link_warnings else ["-"]), len(origins), stored_bad,
                   len(bad_rejections), lost, peak, seconds, extract_ok, link_warnings, note)


def handled(built: Built, out: Outcome) -> bool:
    if built.published is not None:
        return out.extract_ok
    codes = {c for c in out.codes if c.startswith("E")}
    return (out.lost == 0 and out.extract_ok and codes == built.expect_codes
            and out.stored_bad >= built.expect_stored and out.warnings >= built.warnings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="100 MB gzip bombs and 1,000 tiny files")
    parser.add_argument("--cases", type=int, nargs="+", help="only these case numbers")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)

    from eventwire.api import build_pipeline
    from eventwire.config import load_settings

    pipeline = build_pipeline(load_settings(environ={}))
    rows: list[tuple[int, str, str, Outcome, bool]] = []
    with tempfile.TemporaryDirectory() as root:
        base = Path(root)
        good = [_write(base / "good1.txt", GOOD_1), _write(base / "good2.txt", GOOD_2)]
        for number, (name, expected, _) in build_cases(base, args.quick).items():
            if args.cases and number not in args.cases:
                continue
            work = base / f"case{number:02d}"
            work.mkdir()
            built = build_cases(work, args.quick)[number][2]()  # this case's inputs, in a folder of its own
            try:
                outcome = run_case(built, good, pipeline, work)
            except Exception as exc:  # noqa: BLE001 - a crash is what this script reports
                outcome = Outcome([f"crash: {type(exc).__name__}"], 0, 0, 0, -1, 0.0, 0.0, False, 0, str(exc)[:80])
            ok = handled(built, outcome)
            rows.append((number, name, expected, outcome, ok))
            print(f"case {number:2d} {'ok ' if ok else 'FAILED'} {name}: {', '.join(outcome.codes)} "
                  f"({outcome.seconds:.1f} s)", file=sys.stderr, flush=True)
    print()
    print("| # | case | expected | error code | stored | rejected | lost | read peak MB | s | handled |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for number, name, expected, o, ok in rows:
        shown = name.replace("|", "/")
        print(f"| {number} | {shown} | {expected} | {', '.join(o.codes)} | {o.stored} | {o.rejected_bad} | "
              f"{o.lost} | {o.peak_mb:.1f} | {o.seconds:.1f} | {'yes' if ok else 'NO'} |")
    done = sum(ok for *_, ok in rows)
    lost = sum(max(o.lost, 0) for _, _, _, o, _ in rows)
    print(f"\n{done}/{len(rows)} handled, {lost} lost")
    return 0 if done == len(rows) and lost == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
