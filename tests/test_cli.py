"""The CLI end to end, in a subprocess as a user runs it (real spaCy, real SQLite)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = """Finnish leader visits Tallinn
Finland's president travelled to Estonia for talks on Baltic security.
-
Finnish President Alexander Stubb arrived in Tallinn on Monday and met Estonian Prime Minister Kristen Michal.
The two countries signed an agreement on joint air patrols.
Estonia accused Russia of jamming GPS signals over the Baltic Sea last week.
"""


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EVENTWIRE_DATABASE_URL": f"sqlite:///{cwd / 'cli.db'}"}
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], check=False, cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli")
    (d / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def test_cli_every_command_has_help_with_an_example(workdir: Path) -> None:
    from eventwire.cli import app, eval_app

    commands = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert {"extract", "ingest", "events", "export", "inspect", "demo", "serve"} <= set(commands)
    for cmd in [*app.registered_commands, *eval_app.registered_commands]:
        doc = cmd.callback.__doc__ or ""  # type: ignore[union-attr]
        assert "Example:" in doc, f"{cmd.name or cmd.callback.__name__} help has no example"  # type: ignore[union-attr]
    out = run("--help", cwd=workdir)
    assert out.returncode == 0 and "extract" in out.stdout and "eval" in out.stdout


def test_cli_extract_jsonl_gives_records_with_provenance(workdir: Path) -> None:
    out = run("extract", "article.txt", "--published", "2025-03-10", "--format", "jsonl", cwd=workdir)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records, "no events extracted"
    for r in records:
        assert r["sentence"] and r["trigger"] and r["evidence"]
        start, end = r["span"]
        assert ARTICLE[start:end] == r["sentence"]
    types = {r["type"] for r in records}
    assert "ACCUSE" in types


def test_cli_extract_bad_published_is_one_line_error(workdir: Path) -> None:
    out = run("extract", "article.txt", "--published", "the day after", cwd=workdir)
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "E1" in out.stderr and "published" in out.stderr


def test_cli_extract_missing_path_names_it_and_goes_on(workdir: Path) -> None:
    out = run("extract", "no-such-file.txt", "article.txt", "--published", "2025-03-10", cwd=workdir)
    assert out.returncode == 1
    assert "no-such-file.txt" in out.stderr
    assert out.stdout.strip(), "the good file was not processed"


def test_cli_ingest_events_export_roundtrip(workdir: Path) -> None:
    first = run("ingest", "article.txt", "--published", "2025-03-10", cwd=workdir)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stderr.strip().splitlines()[-1])
    assert summary["stored"] == 1 and summary["events"] > 0
    again = run("ingest", "article.txt", "--published", "2025-03-10", cwd=workdir)
    assert json.loads(again.stderr.strip().splitlines()[-1])["skipped_known"] == 1
    events = run("events", "--actor", "EST", "--format", "jsonl", cwd=workdir)
    assert events.returncode == 0, events.stderr
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    assert rows and all("EST" in json.dumps([r["source"], r["target"]]) for r in rows)
    gdelt = run("export", "--format", "csv", "--columns", "gdelt", cwd=workdir)
    assert gdelt.returncode == 0, gdelt.stderr
    header = gdelt.stdout.splitlines()[0]
    assert "Actor1Code" in header and "EventCode" in header


def test_cli_inspect_json_shows_sections_and_offsets(workdir: Path) -> None:
    out = run("inspect", "article.txt", "--format", "json", cwd=workdir)
    assert out.returncode == 0, out.stderr
    (art,) = json.loads(out.stdout)
    sections = [s["section"] for s in art["sentences"]]
    assert sections[0] == "headline" and sections[1] == "standfirst" and "body" in sections
    for s in art["sentences"]:
        assert ARTICLE[s["start"]:s["end"]] == s["text"]


def test_cli_unreachable_database_is_one_line_error(workdir: Path) -> None:
    out = run("--db", "postgresql://nobody@127.0.0.1:1/none", "events", cwd=workdir)
    assert out.returncode == 3
    assert "127.0.0.1" in out.stderr and "Traceback" not in out.stderr


def test_cli_demo_runs_end_to_end(workdir: Path) -> None:
    out = run("demo", cwd=workdir)
    assert out.returncode == 0, out.stderr
    assert "CONSULT" in out.stdout and "JPN" in out.stdout


def test_cli_serve_get_answers_one_request_in_process(workdir: Path) -> None:
    ok = run("serve", "--get", "/api/stats", cwd=workdir)
    assert ok.returncode == 0, ok.stderr
    assert "counts" in json.loads(ok.stdout)
    bad = run("serve", "--get", "/api/events?type=NOPE", cwd=workdir)
    assert bad.returncode == 1 and "E312" in bad.stdout  # the store checks filters for every interface


# ---------------------------------------------------------------- issue 12: rough edges


def test_cli_unknown_option_is_a_usage_error(workdir: Path) -> None:
    out = run("extract", "article.txt", "--no-such-flag", cwd=workdir)
    assert out.returncode == 2, out.stderr
    assert "No such option: --no-such-flag" in out.stderr and "Usage:" in out.stderr
    assert "internal error" not in out.stderr


def test_cli_export_parquet_without_output_is_a_usage_error(workdir: Path) -> None:
    out = run("export", "--format", "parquet", cwd=workdir)
    assert out.returncode == 2 and "parquet needs a file" in out.stderr and "internal error" not in out.stderr


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1" * 100_000])
def test_cli_published_out_of_range_is_e109_exit_2(workdir: Path, day: str) -> None:
    out = run("extract", "article.txt", "--published", day, cwd=workdir)
    assert out.returncode == 2 and "[E109]" in out.stderr and "E900" not in out.stderr
    assert out.stderr.strip().count("\n") == 0


def test_cli_help_shows_brackets_and_no_types_on_flags(workdir: Path) -> None:
    top = run("--help", cwd=workdir).stdout
    assert "([eventwire] table)" in top and "<bool>" not in top
    assert "<bool>" not in run("ingest", "--help", cwd=workdir).stdout


def test_cli_events_checks_its_filters_like_the_api(workdir: Path) -> None:
    run("ingest", "article.txt", "--published", "2025-03-10", cwd=workdir)
    out = run("events", "--certainty", "bogus", cwd=workdir)
    assert out.returncode == 2 and "[E312]" in out.stderr and "certain, reported" in out.stderr
    empty = run("events", "--actor", "ZZZ", cwd=workdir)
    assert empty.returncode == 0 and "no events match" in empty.stderr


def test_cli_events_without_a_store_says_so_and_creates_none(workdir: Path) -> None:
    out = run("--db", str(workdir / "none.db"), "events", cwd=workdir)
    assert out.returncode == 3 and "[E314]" in out.stderr and "no eventwire store" in out.stderr
    assert not (workdir / "none.db").exists()


def test_cli_inspect_table_shows_the_date_expressions(workdir: Path) -> None:
    out = run("inspect", "article.txt", "--published", "2025-03-10", cwd=workdir)
    assert out.returncode == 0, out.stderr
    assert "date expressions" in out.stdout and "on Monday" in out.stdout and "2025-03-10" in out.stdout


def test_cli_ingest_progress_shows_total_percentage_and_eta(workdir: Path) -> None:
    """On a terminal, ingest's progress bar knows the total where the input tells it (files, JSONL)."""
    import pty

    corpus = workdir / "progress.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"p{i}", "text": ARTICLE.replace("Tallinn", f"Tallinn {i}")})
                              + "\n" for i in range(40)), encoding="utf-8")
    controller, terminal = pty.openpty()
    env = {**os.environ, "EVENTWIRE_DATABASE_URL": f"sqlite:///{workdir / 'progress.db'}", "COLUMNS": "160"}
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "ingest", str(corpus)], cwd=workdir, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    assert proc.wait(timeout=300) == 0
    text = seen.decode("utf-8", "replace")
    assert "/40" in text and "%" in text and "eta" in text, text[-2000:]
