"""The ``eventwire`` command line: a thin layer over :mod:`eventwire.api`.

Each command builds the settings (defaults < config file < ``EVENTWIRE_*`` env < flags), calls one
library function and turns library errors into one-line messages and exit codes (``--debug`` shows the
traceback). Output goes to stdout; messages, rejections and progress to stderr.
"""

from __future__ import annotations

import itertools
import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import api
from .config import Settings, load_settings
from .errors import EventwireError, ResourceError
from .models import Rejection, event_to_record

# Plain help (rich_markup_mode=None): rich markup would swallow "[eventwire]" in a help text and print a
# type ("<bool>") beside every flag (issue 12).
app = typer.Typer(
    name="eventwire",
    help="News articles in; who did what to whom, when, where, according to whom — every fact traced "
    "to its sentence.\n\nExample: eventwire demo",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(help="Score eventwire on gold data; --format json prints one JSON object of figures.\n\n"
                       "Example: eventwire eval plover ../shared/eval/plover-gsr-dev.json", no_args_is_help=True,
                       rich_markup_mode=None)
app.add_typer(eval_app, name="eval")

log = logging.getLogger("eventwire")
QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "readability")


class _State:
    config: Path | None = None
    db: str | None = None
    debug: bool = False


STATE = _State()


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Columns(StrEnum):
    eventwire = "eventwire"
    gdelt = "gdelt"
    polecat = "polecat"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


class InspectFormat(StrEnum):
    json = "json"
    table = "table"


# ---------------------------------------------------------------- shared options (one spelling everywhere)
PathsArg = Annotated[list[str], typer.Argument(help="Files, directories (recursive), .gz, or - for stdin.")]
PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date of the input (ISO, e.g. 2025-06-17).")
]
DbOpt = Annotated[str | None, typer.Option("--db", help="Database URL (sqlite:///FILE or postgresql://…).")]
ActorsOpt = Annotated[list[str] | None, typer.Option("--actors", help="CAMEO .actors.txt dictionary (repeatable).")]
AgentsOpt = Annotated[list[str] | None, typer.Option("--agents", help="CAMEO .agents.txt dictionary (repeatable).")]
VerbsOpt = Annotated[list[str] | None, typer.Option("--verbs", help="CAMEO verbs dictionary (repeatable).")]
ReplaceOpt = Annotated[
    bool, typer.Option("--replace-dictionaries", help="User dictionaries replace ours instead of adding to them.")
]
TextFieldOpt = Annotated[str | None, typer.Option("--text-field", help="JSONL/CSV field with the article text.")]
IdFieldOpt = Annotated[str | None, typer.Option("--id-field", help="JSONL/CSV field with the record id.")]
PublishedFieldOpt = Annotated[
    str | None, typer.Option("--published-field", help="JSONL/CSV field with the publication date.")
]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor code, country or name on either side.")]
DyadOpt = Annotated[
    tuple[str, str] | None, typer.Option("--dyad", help="Two actors, either direction: --dyad RUS PRK.")
]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER event type (AGREE, CONSULT, …).")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Events dated on or after (ISO prefix).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Events dated on or before (ISO prefix).")]
CertaintyOpt = Annotated[str | None, typer.Option("--certainty", help="certain|reported|unconfirmed|denied.")]
StatusOpt = Annotated[
    str | None, typer.Option("--status", help="occurred|ongoing|planned|intended|negated|hypothetical.")
]
LimitOpt = Annotated[int | None, typer.Option("--limit", help="At most this many events.")]
ReportFormatOpt = Annotated[ReportFormat, typer.Option("--format", help="text report or one JSON object.")]


def _settings(**overrides: Any) -> Settings:
    return load_settings(STATE.config, database_url=STATE.db, **overrides)


def _dict_settings(
    actors: list[str] | None = None,
    agents: list[str] | None = None,
    verbs: list[str] | None = None,
    replace: bool = False,
    **overrides: Any,
) -> Settings:
    return _settings(
        actors=tuple(actors) if actors else None,
        agents=tuple(agents) if agents else None,
        verbs=tuple(verbs) if verbs else None,
        replace_dictionaries=replace or None,
        **overrides,
    )


def _report_rejection(r: Rejection) -> None:
    typer.echo(f"eventwire: rejected {r.origin}: [{r.code}] {r.reason}", err=True)


def _filters(**kw: Any) -> dict[str, Any]:
    return {k: v for k, v in kw.items() if v is not None}


def _events_table(records: list[dict[str, Any]], title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in ("type", "cameo", "source", "target", "date", "status", "certainty", "where", "trigger", "section"):
        table.add_column(col, overflow="fold")

    def actor(a: dict[str, Any] | None) -> str:
        if not a:
            return "—"
        label = a.get("name") or a.get("text") or ""
        return f"{label} ({a.get('code') or '?'})"

    for r in records:
        d = r.get("date") or {}
        loc = r.get("location") or {}
        table.add_row(
            r.get("type") or "",
            r.get("cameo") or "",
            actor(r.get("source")),
            actor(r.get("target")),
            f"{d.get('value') or '?'} ({d.get('precision')})",
            r.get("status") or "",
            r.get("certainty") or "" if not r.get("attribution") else f"{r.get('certainty')} ({r['attribution']})",
            loc.get("name") or "",
            r.get("trigger") or "",
            r.get("section") or "",
        )
    Console(width=200 if not sys.stdout.isatty() else None).print(table)


# ---------------------------------------------------------------- commands
@app.callback()
def main_options(
    config: Annotated[Path | None, typer.Option("--config", help="TOML config file ([eventwire] table).")] = None,
    db: DbOpt = None,
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, help="More log output (-vv: debug).")] = 0,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only errors.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """eventwire: a trustworthy, queryable record of political events from news text."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="eventwire: %(levelname)s: %(message)s", stream=sys.stderr)
    # The libraries' own notices ("discarding data: None" from trafilatura on a page with no article) say
    # nothing our rejection does not say better; -vv shows them.
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(level if verbose >= 2 else max(level, logging.ERROR))
    STATE.config, STATE.db, STATE.debug = config, db, debug


@app.command()
def extract(
    paths: PathsArg,
    published: PublishedOpt = None,
    format: Annotated[ExtractFormat, typer.Option("--format", help="jsonl, table or csv.")] = ExtractFormat.jsonl,
    actors: ActorsOpt = None,
    agents: AgentsOpt = None,
    verbs: VerbsOpt = None,
    replace_dictionaries: ReplaceOpt = False,
    text_field: TextFieldOpt = None,
    id_field: IdFieldOpt = None,
    published_field: PublishedFieldOpt = None,
) -> None:
    """Print the events of articles, without a store (for one-off use and evaluation).

    Example: eventwire extract ../shared/seed/shoigu-pyongyang.txt --published 2025-06-17 --format table
    """
    settings = _dict_settings(actors, agents, verbs, replace_dictionaries, text_field=text_field,
                              id_field=id_field, published_field=published_field)
    rejected = 0
    records: list[dict[str, Any]] = []
    stdin = sys.stdin.buffer if "-" in paths else None
    for item in api.extract(paths, published=published, settings=settings, stdin=stdin):
        if isinstance(item, Rejection):
            rejected += 1
            _report_rejection(item)
            continue
        for event in item.events:
            record = event_to_record(event)
            if format is ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                records.append(record)
    if format is ExtractFormat.table:
        _events_table(records)
    elif format is ExtractFormat.csv:
        from .export import export_events

        export_events(records, sys.stdout.buffer, "csv", "eventwire")
    if rejected:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: PathsArg,
    published: PublishedOpt = None,
    engine: Annotated[str, typer.Option("--engine", help="local (default) or ray.")] = "local",
    workers: Annotated[
        int | None, typer.Option("--workers", help="Local worker processes (e.g. the number of cores).")
    ] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="With --engine ray: write Parquet event files to this folder.")
    ] = None,
    actors: ActorsOpt = None,
    agents: AgentsOpt = None,
    verbs: VerbsOpt = None,
    replace_dictionaries: ReplaceOpt = False,
    text_field: TextFieldOpt = None,
    id_field: IdFieldOpt = None,
    published_field: PublishedFieldOpt = None,
) -> None:
    """Analyse articles into the store. Re-ingesting stored content is a no-op; an interrupted run resumes.

    Example: eventwire --db sqlite:///news.db ingest corpus.jsonl --text-field doc_text
    """
    settings = _dict_settings(actors, agents, verbs, replace_dictionaries, text_field=text_field,
                              id_field=id_field, published_field=published_field, workers=workers)
    stdin = sys.stdin.buffer if "-" in paths else None
    if engine == "ray":
        from .runners.ray import ingest_with_ray

        summary = ingest_with_ray(paths, settings=settings, published=published, parquet_dir=parquet)
    elif engine != "local":
        raise typer.BadParameter("--engine must be 'local' or 'ray'")
    elif parquet is not None:
        raise typer.BadParameter("--parquet goes with --engine ray; the local engine writes to the store")
    elif sys.stderr.isatty():
        summary = _ingest_with_progress(paths, published, settings, stdin)
    else:
        summary = api.ingest(paths, published=published, settings=settings, stdin=stdin)
    for r in summary.rejections:
        _report_rejection(r)
    typer.echo(json.dumps(summary.as_dict()), err=True)
    if summary.rejected:
        raise typer.Exit(1)


def _ingest_with_progress(paths: list[str], published: str | None, settings: Settings, stdin: Any) -> Any:
    """``api.ingest`` with a progress bar on stderr: a percentage and the time left when the number of
    articles is known beforehand (files, JSONL), a running count otherwise."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (SpinnerColumn(), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(), TextColumn("eta"),
               TimeRemainingColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("loading the pipeline", total=None)

        def show(s: Any) -> None:
            bar.update(task, total=s.total, completed=s.read,
                       description=f"stored {s.stored} · known {s.skipped_known} · rejected {s.rejected} · "
                       f"events {s.events}")

        return api.ingest(paths, published=published, settings=settings, stdin=stdin, progress=show)


@app.command()
def events(
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    certainty: CertaintyOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    format: Annotated[ExtractFormat, typer.Option("--format", help="jsonl, table or csv.")] = ExtractFormat.table,
) -> None:
    """Query the events in the store.

    Example: eventwire events --dyad RUS PRK --since 2025-01 --certainty certain
    """
    filters = _filters(actor=actor, dyad=dyad, type=type, since=since, until=until, certainty=certainty,
                       status=status, limit=limit)
    found = api.events(_settings(), **filters)
    # The first record checks the filters (E312, exit 2) and opens the store before anything is printed;
    # the rest streams.
    first = next(found, None)
    if first is None:
        what = "no events match these filters" if filters else "the store holds no events yet"
        typer.echo(f"eventwire: {what}", err=True)
        return
    records = itertools.chain([first], found)
    if format is ExtractFormat.jsonl:
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif format is ExtractFormat.csv:
        from .export import export_events

        export_events(records, sys.stdout.buffer, "csv", "eventwire")
    else:
        _events_table(list(records))


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="jsonl, csv or parquet.")] = ExportFormat.jsonl,
    columns: Annotated[Columns, typer.Option("--columns", help="eventwire, gdelt or polecat.")] = Columns.eventwire,
    output: Annotated[str, typer.Option("--output", "-o", help="Output file (- for stdout; not parquet).")] = "-",
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    certainty: CertaintyOpt = None,
    status: StatusOpt = None,
) -> None:
    """Export the store's events, with our columns or GDELT-like / POLECAT-like ones (provenance kept).

    Example: eventwire export --format parquet --columns gdelt -o events.parquet
    """
    if output == "-" and format is ExportFormat.parquet:
        raise typer.BadParameter("parquet needs a file: -o events.parquet", param_hint="'--output' / '-o'")
    filters = _filters(actor=actor, dyad=dyad, type=type, since=since, until=until, certainty=certainty,
                       status=status)
    out: Any = sys.stdout.buffer if output == "-" else output
    n = api.export(out, fmt=format.value, columns=columns.value, settings=_settings(), **filters)
    typer.echo(f"eventwire: exported {n} events", err=True)


@app.command()
def inspect(
    path: Annotated[str, typer.Argument(help="An article file (or any input extract takes).")],
    published: PublishedOpt = None,
    format: Annotated[InspectFormat, typer.Option("--format", help="json or table.")] = InspectFormat.table,
) -> None:
    """Show how an article was read: metadata, sections, sentences with offsets, actors, dates, events.

    Example: eventwire inspect ../shared/seed/shoigu-pyongyang.txt --published 2025-06-17
    """
    described = api.inspect(path, published=published, settings=_settings())
    if format is InspectFormat.json:
        typer.echo(json.dumps(described, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(width=200 if not sys.stdout.isatty() else None)
    for art in described:
        if art.get("rejected"):
            console.print(f"[red]rejected[/red] {art['origin']}: [{art['code']}] {art['reason']}", markup=True)
            continue
        console.print(f"article {art['id']}  origin={art['origin']}  published={art['published']} "
                      f"({art['published_source']})  format={art['format']}", markup=False)
        table = Table(title="sentences")
        for col in ("#", "section", "start", "end", "parsed", "text"):
            table.add_column(col, overflow="fold")
        for s in art["sentences"]:
            table.add_row(str(s["index"]), s["section"], str(s["start"]), str(s["end"]),
                          "yes" if s["parsed"] else "", s["text"])
        console.print(table)
        mentions = Table(title="actor mentions")
        for col in ("#", "text", "code", "name", "role", "evidence"):
            mentions.add_column(col, overflow="fold")
        for m in art["mentions"]:
            mentions.add_row(str(m["sentence"]), m["text"], m["code"] or "—", m["name"] or "", m["role"] or "",
                             m["evidence"])
        console.print(mentions)
        timexes = Table(title="date expressions")
        for col in ("#", "start", "end", "text", "type", "value"):
            timexes.add_column(col, overflow="fold")
        for t in art["timexes"]:
            timexes.add_row(str(t["sentence"]), str(t["start"]), str(t["end"]), t["text"], t["type"],
                            t["value"] or "—")
        console.print(timexes)
        _events_table(art["events"], title="events")


@app.command()
def demo() -> None:
    """Run the demo article (written by us) end to end into the store and print its events.

    Example: eventwire demo   (or: eventwire --db sqlite:///demo.db demo)
    """
    settings = _settings()
    summary, records = api.demo(settings)
    typer.echo(f"demo article: {api.demo_article_path()}", err=True)
    typer.echo(f"store: {settings.database_url}  {json.dumps(summary.as_dict())}", err=True)
    _events_table(records, title="events in the demo article")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="EVENTWIRE_API_TOKEN",
                     help="Bearer token for the write endpoint (POST /api/articles); without it the API is read-only."),
    ] = None,
    get: Annotated[
        str | None, typer.Option("--get", help="Answer one GET request in-process, print it and exit (smoke test).")
    ] = None,
) -> None:
    """Serve the HTTP API (its OpenAPI schema at /openapi.json) and the web UI over the store.

    Example: eventwire serve --port 8765   (then open http://127.0.0.1:8765/)
    Example: eventwire serve --get '/api/events?dyad=RUS,PRK&limit=5'
    """
    if get is not None:
        import warnings

        with warnings.catch_warnings():  # starlette's notice about its httpx client is not for our users
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient

        from .web.app import create_app

        response = TestClient(create_app(_settings().database_url, token)).get(get)
        typer.echo(response.text)
        raise typer.Exit(0 if response.status_code < 400 else 1)
    from .web.cli import serve as run_server

    run_server(host, port, _settings().database_url, token)


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="RSS or Atom feed addresses (http, https) and folders.")],
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (for cron).")] = False,
    every: Annotated[float, typer.Option("--every", help="Seconds between passes when looping.", min=1)] = 900,
    delay: Annotated[float, typer.Option("--delay", help="Seconds between two requests to one host.", min=0)] = 1.0,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds per HTTP request.", min=0.1)] = 10.0,
) -> None:
    """Ingest new items of feeds and folders: conditional GET, a delay per host, robots.txt, retries; what was
    seen is kept in the store, so each item is ingested once. A failing source is reported, the others go on;
    with --once the exit code is 1 when a source failed.

    Example: eventwire --db news.db watch https://example.org/world.rss inbox/ --once
    """
    import time

    from .watch import Watcher, WatchOptions

    settings = _settings()
    options = WatchOptions(delay=delay, timeout=timeout)
    with api.open_store(settings) as store:
        watcher = Watcher(store, api.build_pipeline(settings), settings, options)
        try:
            while True:
                report = watcher.run_once(sources)
                for failed in report.failed:
                    typer.echo(f"eventwire: {failed.source}: {failed.error}", err=True)
                typer.echo(json.dumps(report.as_dict()), err=True)
                if once:
                    raise typer.Exit(1 if report.failed else 0)
                time.sleep(every)
        finally:
            watcher.close()


# ---------------------------------------------------------------- eval
def _print_report(report: Any, fmt: ReportFormat) -> None:
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(report.figures, ensure_ascii=False, default=str))
    else:
        typer.echo(report.to_text())


@eval_app.command("plover")
def eval_plover(
    path: Annotated[Path, typer.Argument(help="PLOVER gold-standard records (JSON).")],
    split: Annotated[str, typer.Option("--split", help="all, tune or frozen (deterministic halves).")] = "all",
    errors: Annotated[bool, typer.Option("--errors", help="List the misses with their sentence.")] = False,
    format: ReportFormatOpt = ReportFormat.text,
) -> None:
    """Event type, actor country and sector accuracy on PLOVER gold records.

    Example: eventwire eval plover ../shared/eval/plover-gsr-dev.json --format json
    """
    from .evaluation.plover import evaluate_plover

    _print_report(evaluate_plover(path, _settings(), split=split, errors=errors), format)  # type: ignore[arg-type]


@eval_app.command("petrarch")
def eval_petrarch(
    path: Annotated[Path, typer.Argument(help="PETRARCH validation records (XML).")],
    actors: ActorsOpt = None,
    agents: AgentsOpt = None,
    verbs: VerbsOpt = None,
    format: ReportFormatOpt = ReportFormat.text,
) -> None:
    """(source, target, CAMEO) triple precision/recall/F1 on PETRARCH-2 validation records.

    The dictionaries given replace ours (as PETRARCH's own tests run), so give all three.

    Example: eventwire eval petrarch ../shared/eval/petrarch2/PETR.UnitTest.records.xml
    --actors ../shared/eval/petrarch2/PETR.Validate.actors.txt --agents ../shared/eval/petrarch2/PETR.Validate.agents.txt
    --verbs ../shared/eval/petrarch2/PETR.Validate.verbs.txt
    """
    from .evaluation.petrarch import evaluate_petrarch

    report = evaluate_petrarch(path, _settings(), actors=actors or (), agents=agents or (), verbs=verbs or ())
    _print_report(report, format)


@eval_app.command("timex")
def eval_timex(
    path: Annotated[Path, typer.Argument(help="A directory of TimeML (.tml) files.")],
    output: Annotated[Path | None, typer.Option("--output", help="Write our TimeML files here.")] = None,
    lowercase: Annotated[
        bool, typer.Option("--lowercase", help="Score on lower-cased text (robustness to lower-casing feeds).")
    ] = False,
    format: ReportFormatOpt = ReportFormat.text,
) -> None:
    """Temporal expressions: strict/relaxed span F1 and value F1 (TempEval-3 definitions).

    Example: eventwire eval timex ../shared/eval/tempeval3-train --format json
    """
    from .evaluation.timex import evaluate_timex

    _print_report(evaluate_timex(path, output=output, lowercase=lowercase), format)


@eval_app.command("geo")
def eval_geo(
    path: Annotated[Path, typer.Argument(help="Toponyms in the LGL / TR-News XML format.")],
    output: Annotated[Path | None, typer.Option("--output", help="Write our toponyms as JSON Lines.")] = None,
    format: ReportFormatOpt = ReportFormat.text,
) -> None:
    """Toponym resolution: accuracy, accuracy within 161 km, country accuracy.

    Example: eventwire eval geo ../shared/eval/lgl/lgl.xml --format json
    """
    from .evaluation.geo import evaluate_geo

    _print_report(evaluate_geo(path, output=output), format)


@eval_app.command("dedup")
def eval_dedup(
    path: Annotated[Path, typer.Argument(help="The ECB+ folder (holding ECB+/<topic>/*.xml).")],
    topics: Annotated[
        str, typer.Option("--topics", help="dev (the usual dev topics), test, all, or numbers like 2,5,12.")
    ] = "dev",
    gold_mentions: Annotated[bool, typer.Option(
        "--gold-mentions", help="Cluster ECB+'s gold event mentions (all documents together, no gold topics).")] = False,
    embeddings: Annotated[bool | None, typer.Option(
        "--embeddings/--no-embeddings",
        help="With --gold-mentions: the trigger embedding (default: when the [coref] extra is installed).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", help='With --gold-mentions: write {"mention": "<doc>:<m_id>", "cluster": "<id>"} lines.')] = None,
    format: ReportFormatOpt = ReportFormat.text,
) -> None:
    """Event deduplication and cross-article clustering: mention recall and MUC, B3, CEAF-e, CoNLL F1
    within and across documents on ECB+; with --gold-mentions, event coreference of the gold mentions
    (MUC, B3, CEAF-e, CoNLL with and without singletons).

    Example: eventwire eval dedup ../shared/eval/ecbplus-dev --gold-mentions --output clusters.jsonl
    """
    if gold_mentions:
        import spacy

        from .evaluation.ecb_gold import evaluate_gold_mentions

        try:
            nlp = spacy.load(_settings().spacy_model)
        except OSError as exc:
            raise ResourceError(f"spaCy pipeline {_settings().spacy_model!r} is not installed", code="E401") from exc
        _print_report(evaluate_gold_mentions(path, nlp, topics=topics, embedding=embeddings, output=output), format)
        return
    from .evaluation.ecb import evaluate_dedup

    _print_report(evaluate_dedup(path, _settings(), topics=topics), format)


@eval_app.command("articles")
def eval_articles(
    path: Annotated[Path, typer.Argument(help="A folder of <id>.txt + <id>.gold.json (and split.json).")],
    split: Annotated[str, typer.Option("--split", help="all, tune or frozen (by split.json).")] = "all",
    verbose: Annotated[
        bool, typer.Option("--verbose", help="One line per article (never for the frozen half).")
    ] = False,
    rows: Annotated[bool, typer.Option("--rows", help="With --verbose: a row per gold event too.")] = False,
    output: Annotated[Path | None, typer.Option("--output", help="Write our events as JSON Lines.")] = None,
    format: ReportFormatOpt = ReportFormat.text,
) -> None:
    """Events found, precision, attributes and must-not violations on hand-coded articles.

    Example: eventwire eval articles ../shared/eval/news-dev --split tune --verbose
    """
    from .evaluation.articles import evaluate_articles

    report = evaluate_articles(path, _settings(), split=split, verbose=verbose, rows=rows, output=output)
    _print_report(report, format)


def _usage_error_types() -> tuple[type[Exception], ...]:
    """The exception classes of command-line usage errors (an unknown option, a bad value): typer's own
    vendored click since typer 0.16 (``typer.TyperException``), click's before."""
    found: list[type[Exception]] = []
    if (vendored := getattr(typer, "TyperException", None)) is not None:
        found.append(vendored)
    try:
        import click
    except ImportError:  # typer without click
        pass
    else:
        found.append(click.ClickException)
    return tuple(found)


def main() -> None:
    """Console entry point: library errors become one-line messages and exit codes; usage errors are
    shown with the usage line and exit 2."""
    try:
        result = app(standalone_mode=False)  # click returns the exit code of typer.Exit here
        if isinstance(result, int) and result:
            sys.exit(result)
    except EventwireError as exc:
        if STATE.debug:
            raise
        typer.echo(f"eventwire: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("eventwire: interrupted (what was committed is kept; rerun to resume)", err=True)
        sys.exit(130)
    except _usage_error_types() as exc:
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            typer.echo(f"eventwire: error: {exc}", err=True)
        sys.exit(int(getattr(exc, "exit_code", 2)))
    except Exception as exc:
        if STATE.debug:
            raise
        typer.echo(f"eventwire: internal error: {exc!r} (rerun with --debug for the traceback)", err=True)
        sys.exit(70)


if __name__ == "__main__":
    main()
