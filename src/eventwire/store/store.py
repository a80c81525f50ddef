"""The store: every article kept (raw and cleaned text, hash, metadata), its sentences and events, event
clusters across articles, and every rejection. SQLite by default, PostgreSQL through a URL; one schema.

Every :meth:`Store.save_article` is one transaction that commits on its own: a process killed mid-run
loses nothing already committed, and a rerun resumes (saving an article whose content hash is stored
is a no-op).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from ..errors import StoreError
from ..ids import rejection_fingerprint
from ..models import AnalysedArticle, Rejection
from . import schema
from .aliases import ActorAliases, Widened
from .batch import BatchSave
from .connect import create_engine, is_memory_sqlite, parse_url, safe_url, translate_error
from .filters import EventFilters, check_filters, region_countries
from .migrations import current_version, migrate

log = logging.getLogger(__name__)

_STREAM_BATCH = 1000
# Any 64-bit constant: concurrent savers into one PostgreSQL database cluster one after the other.
_PG_SAVE_LOCK = 0x65775F73617665


class Store:
    """Open with :meth:`open` (creates and migrates the database); use as a context manager or
    call :meth:`close`."""

    def __init__(self, engine: sa.Engine, url: URL, version: int) -> None:
        self.engine = engine
        self.url = url
        self.version = version
        self._aliases: ActorAliases | None = None

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> Store:
        """Open (creating and migrating as needed) the database at ``url``: a SQLite path or URL, or a
        ``postgresql://`` URL. Raises :class:`StoreError` (E301–E309) with what to do.

        With ``create=False`` (the read-only commands) a database that holds no store is not made one:
        a missing SQLite file, or a database without eventwire's tables, raises E314."""
        parsed = parse_url(url)
        if not create and parsed.get_backend_name() == "sqlite" and not is_memory_sqlite(parsed):
            database = parsed.database or ""
            if not database.startswith("file:") and not Path(database).exists():
                raise _no_store(safe_url(parsed))
        engine = create_engine(parsed)
        try:
            if not create:
                with engine.connect() as conn:
                    if current_version(conn) == 0:
                        raise _no_store(safe_url(parsed))
            version = migrate(engine, safe_url(parsed))
        except DBAPIError as exc:
            engine.dispose()
            raise translate_error(exc, parsed) from exc
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, parsed, version)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)!r})"

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            raise translate_error(exc, self.url) from exc

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """One write transaction, holding the write lock from its start: BEGIN IMMEDIATE on SQLite, an
        advisory lock on PostgreSQL. The duplicate check and the cluster look-up then see every
        commit made before, even with several ingest processes on one database."""
        with self._errors(), self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                if self.engine.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_SAVE_LOCK})
                yield conn

    # ------------------------------------------------------------------ writing

    def has_article(self, content_hash: str) -> bool:
        with self._errors(), self.engine.connect() as conn:
            return conn.execute(
                sa.select(sa.literal(1)).where(schema.articles.c.content_hash == content_hash).limit(1)
            ).first() is not None

    def known_hashes(self, content_hashes: Iterable[str]) -> set[str]:
        """Which of ``content_hashes`` are stored (one look-up per 500)."""
        wanted = sorted(set(content_hashes))
        found: set[str] = set()
        c = schema.articles.c.content_hash
        with self._errors(), self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                found.update(r[0] for r in conn.execute(sa.select(c).where(c.in_(wanted[i:i + 500]))))
        return found

    def save_article(self, analysed: AnalysedArticle) -> bool:
        """Store the article, its sentences, events, mentions and clusters in one transaction.

        Returns False (and changes nothing) when an article with the same content hash is stored; raises
        StoreError E311 for an id stored with other content, E310 for events that clash (a pipeline bug).
        Each event gets its cross-article ``cluster_id`` here (see :mod:`.clustering`); an incoming
        ``cluster_id`` is replaced.
        """
        (result,) = self.save_articles([analysed])
        if isinstance(result, StoreError):
            raise result
        return result

    def save_articles(self, batch: Sequence[AnalysedArticle]) -> list[bool | StoreError]:
        """Store a batch of articles in one transaction with a fixed number of statements (see :mod:`.batch`).

        Returns, per article in order: True (stored), False (its content was stored: nothing changed), or
        the :class:`StoreError` that refused it alone (E311 an id stored with other content, E310 clashing
        events); the others are stored all the same. Any other database error raises and stores nothing
        of the batch."""
        if not batch:
            return []
        with self._write() as conn:
            saving = BatchSave(conn, batch)
            saving.check()
            if saving.accepted:
                saving.plan()
                saving.write()
        out: list[bool | StoreError] = [r if r is not None else False for r in saving.results]
        log.debug("stored %d of %d articles", sum(r is True for r in out), len(batch))
        return out

    def save_rejection(self, rejection: Rejection) -> None:
        """Record a failed input; recording the same failure of the same origin again is a no-op."""
        r = schema.rejections
        values = _nul_free({
            "origin": rejection.origin, "stage": rejection.stage, "code": rejection.code,
            "reason": rejection.reason, "article_id": rejection.article_id, "raw": rejection.raw,
            "fingerprint": rejection_fingerprint(rejection),
            "recorded_at": datetime.now(UTC),
        })
        stmt: sa.Insert
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects import postgresql

            stmt = postgresql.insert(r).on_conflict_do_nothing(index_elements=[r.c.origin, r.c.fingerprint])
        else:
            from sqlalchemy.dialects import sqlite

            stmt = sqlite.insert(r).on_conflict_do_nothing(index_elements=[r.c.origin, r.c.fingerprint])
        with self._write() as conn:
            conn.execute(stmt, values)

    # ------------------------------------------------------------------ reading

    def events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Stored events as public records, streamed, ordered by date (unknown last) then id, or by ``sort``.

        Each record also carries its cluster's ``num_sources``, ``num_articles``, ``num_mentions``,
        ``first_reported`` and ``article`` (``url``, ``source``, ``published``, ``title``,
        ``ingested_at``) of the article it was read from.

        - ``actor``: matches either side by code prefix (``RUS`` → ``RUSGOV``), country, or a whole word
          of the name (``Shoigu``), whatever the case, hyphens and spaces ("Kim Jong Un" finds "Kim
          Jong-un"); a group actor ("the two countries") also by the code prefix or country of any of its
          members. A name the actor dictionaries know also finds its other names, and a country's name its
          country (``DPRK`` → ``PRK``; see :mod:`.aliases`).
        - ``dyad=(A, B)``: source matches A and target B, or the other way round.
        - ``since``/``until``: ISO date prefixes (``2025``, ``2025-06``, ``2025-06-17``), inclusive,
          compared at the shorter of the two lengths (``2025`` is within ``since="2025-06"``); an
          event without a known date never matches a date filter.
        - ``type``, ``quad_class`` (1–4), ``mode``, ``precision`` (of the date), ``certainty``, ``status``,
          ``article_id``, ``cluster_id``: equality (case-insensitive vocabularies; the first four take
          several values, any of which matches).
        - ``country`` (ISO alpha-3, one or several) and ``region`` (:data:`.filters.REGIONS`): where the
          event happened (``location.country``); ``bbox=(west, south, east, north)``: its coordinates.
        - ``sort``: a key of :data:`.filters.SORT_KEYS`, ``-key`` descending; unknown values sort last.
        - ``limit``/``offset``: a page of the ordered result (for the HTTP API).

        Every filter is checked first (:func:`.filters.check_filters`): a value that cannot be used raises
        :class:`~eventwire.errors.QueryError` (E312), never an empty result.
        """
        f = check_filters(**filters)
        e, cl, a = schema.events.c, schema.clusters.c, schema.articles.c
        joined = (schema.events.join(schema.clusters, e.cluster_id == cl.cluster_id)
                  .join(schema.articles, e.article_id == a.id))
        if f.sort is not None and f.sort.lstrip("-") == "sentence":
            s = schema.sentences.c
            joined = joined.outerjoin(schema.sentences, sa.and_(s.article_id == e.article_id,
                                                                s.index == e.sentence_index))
        stmt = (
            sa.select(e.record, cl.num_sources, cl.num_articles, cl.num_mentions, cl.first_reported,
                      a.url, a.source, a.published, a.title, a.ingested_at)
            .select_from(joined)
            .where(*self._where(f))
            .order_by(*_order(f.sort))
        )
        if f.limit is not None:
            stmt = stmt.limit(f.limit)
        if f.offset:
            stmt = stmt.offset(f.offset)
        return self._stream(stmt, _event_row)

    def count_events(self, **filters: Any) -> int:
        """How many events match ``filters`` (those of :meth:`events`; ``limit``, ``offset`` and ``sort``
        are ignored)."""
        f = check_filters(**filters)
        stmt = sa.select(sa.func.count()).select_from(schema.events).where(*self._where(f))
        with self._errors(), self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def aggregate(self, columns: Sequence[str], measures: Sequence[str] = ("count",),
                  **filters: Any) -> list[dict[str, Any]]:
        """Events matching ``filters`` grouped by ``columns`` (of the events table), with ``measures``:
        ``count`` and ``goldstein_sum``, ``goldstein_n`` (events with a Goldstein score). The data behind
        the timeline, the map and the network, counted by the database."""
        f = check_filters(**filters)
        e = schema.events.c
        cols = [e[c] for c in columns]
        exprs: list[sa.ColumnElement[Any]] = []
        for m in measures:
            if m == "count":
                exprs.append(sa.func.count().label("count"))
            elif m == "goldstein_sum":
                exprs.append(sa.func.sum(e.goldstein).label("goldstein_sum"))
            elif m == "goldstein_n":
                exprs.append(sa.func.count(e.goldstein).label("goldstein_n"))
            else:
                raise ValueError(f"unknown measure {m!r}")
        stmt = sa.select(*cols, *exprs).where(*self._where(f)).group_by(*cols)
        with self._errors(), self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]

    def cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """A cluster's figures and every event in it (each with its article); None if unknown."""
        c = schema.clusters.c
        with self._errors(), self.engine.connect() as conn:
            row = conn.execute(sa.select(schema.clusters).where(c.cluster_id == cluster_id)).mappings().first()
        if row is None:
            return None
        out = dict(row)
        out["events"] = list(self.events(cluster_id=cluster_id, sort="published"))
        return out

    def _where(self, f: EventFilters) -> list[sa.ColumnElement[bool]]:
        e = schema.events.c
        where: list[sa.ColumnElement[bool]] = []
        if f.actor is not None:
            wide = self._widen(f.actor)
            where.append(sa.or_(_actor_match("source", f.actor, wide), _actor_match("target", f.actor, wide)))
        if f.dyad is not None:
            first, second = f.dyad
            one, two = self._widen(first), self._widen(second)
            where.append(sa.or_(
                sa.and_(_actor_match("source", first, one), _actor_match("target", second, two)),
                sa.and_(_actor_match("source", second, two), _actor_match("target", first, one)),
            ))
        if f.type is not None:
            where.append(e.type.in_(f.type))
        for text, op in ((f.since, "since"), (f.until, "until")):
            if text is None:
                continue
            # Compare at the shorter length of the two: the event's value cut to the bound's length
            # against the bound cut to the value's length.
            mine = sa.func.substr(e.date_value, 1, len(text))
            theirs = sa.func.substr(sa.literal(text), 1, sa.func.length(e.date_value))
            where.append(e.date_value.is_not(None))
            where.append(mine >= theirs if op == "since" else mine <= theirs)
        if f.certainty is not None:
            where.append(e.certainty == f.certainty)
        if f.status is not None:
            where.append(e.status == f.status)
        if f.article_id is not None:
            where.append(e.article_id == f.article_id)
        if f.cluster_id is not None:
            where.append(e.cluster_id == f.cluster_id)
        if f.country is not None:
            where.append(e.location_country.in_(f.country))
        if f.region is not None:
            where.append(e.location_country.in_(region_countries(f.region)))
        if f.quad_class is not None:
            where.append(e.quad_class.in_(f.quad_class))
        if f.mode is not None:
            where.append(sa.func.lower(e.mode).in_(f.mode))
        if f.precision is not None:
            where.append(e.date_precision.in_(f.precision))
        if f.bbox is not None:
            west, south, east, north = f.bbox
            where.append(e.location_lat.between(south, north))
            if west <= east:
                where.append(e.location_lon.between(west, east))
            else:  # across the antimeridian
                where.append(sa.or_(e.location_lon >= west, e.location_lon <= east))
        return where

    def _widen(self, value: str) -> Widened:
        """The other names and countries the actor dictionaries give ``value`` (read once per store)."""
        if self._aliases is None:
            self._aliases = ActorAliases.load()
        return self._aliases.widen(value)

    def _stream(self, stmt: sa.Select[Any], convert: Callable[[sa.Row[Any]], dict[str, Any]]
                ) -> Iterator[dict[str, Any]]:
        """Rows in batches (a server-side cursor on PostgreSQL), so memory stays flat on a large store."""
        with self._errors(), self.engine.connect() as conn:
            result = conn.execution_options(yield_per=_STREAM_BATCH).execute(stmt)
            for row in result:
                yield convert(row)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article: metadata, raw and cleaned text, sections and sentences; None if unknown."""
        a, s = schema.articles.c, schema.sentences.c
        with self._errors(), self.engine.connect() as conn:
            row = conn.execute(sa.select(schema.articles).where(a.id == article_id)).mappings().first()
            if row is None:
                return None
            sents = conn.execute(
                sa.select(s.index, s.start, s.end, s.section, s.text).where(s.article_id == article_id)
                .order_by(s.index)).mappings().all()
        out = dict(row)
        out["ingested_at"] = _iso_utc(out["ingested_at"])
        out["sentences"] = [dict(x) for x in sents]
        return out

    def rejections(self) -> Iterator[dict[str, Any]]:
        """Every recorded rejection, oldest first."""
        r = schema.rejections.c
        stmt = sa.select(r.id, r.origin, r.stage, r.code, r.reason, r.article_id, r.raw, r.recorded_at
                         ).order_by(r.id)

        def convert(row: sa.Row[Any]) -> dict[str, Any]:
            out = dict(row._mapping)
            out["recorded_at"] = _iso_utc(out["recorded_at"])
            return out

        return self._stream(stmt, convert)

    def counts(self) -> dict[str, int]:
        tables = {"articles": schema.articles, "sentences": schema.sentences, "events": schema.events,
                  "clusters": schema.clusters, "rejections": schema.rejections}
        with self._errors(), self.engine.connect() as conn:
            return {name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                    for name, t in tables.items()}


# Characters a name key drops (see aliases.name_key), removed in SQL the same way on both databases.
_KEY_DROPS = (" ", "-", ".", "'", ",", "\u2019", "\u2010", "\u2013", "_")


def _name_key_sql(name: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    expr: sa.ColumnElement[Any] = sa.func.lower(name)
    for ch in _KEY_DROPS:
        expr = sa.func.replace(expr, ch, "")
    return expr


def _actor_match(side: str, value: str, wide: Widened) -> sa.ColumnElement[bool]:
    """``value`` against one side: code prefix, country, or a whole word (or words) of the name, hyphens
    read as spaces; a name key of the name or of its dictionary aliases (``wide``); a country the
    dictionaries give the name; for a group actor ("the two countries") also a code prefix or country of any
    member."""
    e = schema.events.c
    code, country, name = e[f"{side}_code"], e[f"{side}_country"], e[f"{side}_name"]
    members = e[f"{side}_members"]
    text = value.strip()
    words = " ".join(text.lower().replace("-", " ").split())
    spaced = sa.literal(" ") + sa.func.replace(sa.func.lower(name), "-", " ") + sa.literal(" ")
    conditions: list[sa.ColumnElement[bool]] = [
        sa.func.upper(code).startswith(text.upper(), autoescape=True),
        sa.func.upper(country) == text.upper(),
        spaced.contains(f" {words} ", autoescape=True),
        members.contains(f" {text.upper()}", autoescape=True),
    ]
    if wide.names:
        conditions.append(_name_key_sql(name).in_(sorted(wide.names)))
    for other in sorted(wide.countries):
        conditions.append(country == other)
        conditions.append(members.contains(f" {other} ", autoescape=True))
    return sa.or_(*conditions)


def _sort_column(key: str) -> sa.ColumnElement[Any]:
    e, cl, a = schema.events.c, schema.clusters.c, schema.articles.c
    columns: dict[str, sa.ColumnElement[Any]] = {
        "date": e.date_value, "type": e.type, "mode": e.mode, "cameo": e.cameo, "quad_class": e.quad_class,
        "goldstein": e.goldstein, "source": sa.func.coalesce(e.source_code, e.source_name),
        "target": sa.func.coalesce(e.target_code, e.target_name), "status": e.status, "certainty": e.certainty,
        "precision": e.date_precision, "location": e.location_name, "country": e.location_country,
        "sentence": schema.sentences.c.text, "sources": cl.num_sources, "published": a.published, "id": e.id,
    }
    return columns[key]


def _order(sort: str | None) -> list[sa.ColumnElement[Any]]:
    """ORDER BY for ``sort`` (``key`` or ``-key``): unknown values last either way, then date and id."""
    e = schema.events.c
    default = [e.date_value.asc().nulls_last(), e.id]
    if sort is None:
        return default
    key = sort.lstrip("-")
    column = _sort_column(key)
    first = column.desc().nulls_last() if sort.startswith("-") else column.asc().nulls_last()
    return [first, *default]


def _no_store(where: str) -> StoreError:
    return StoreError(f"no eventwire store at {where}: ingest articles into it first (eventwire ingest …), or "
                      "pass the --db of an existing store", code="E314")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _nul_free(value: Any) -> Any:
    """``value`` with every NUL character and every lone surrogate replaced by U+FFFD (one character for
    one, so offsets hold).

    PostgreSQL text and JSONB cannot hold NUL, and neither database can encode a lone surrogate (a JSON
    line may escape one: ``"\\ud800"``); such a character in a raw input must not cost the article, nor stop
    the batch. Done on both backends so that both store the same text.
    """
    if isinstance(value, str):
        if "\x00" in value:
            value = value.replace("\x00", "\ufffd")
        if not value.isascii() and _SURROGATE.search(value):
            value = _SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, dict):
        return {k: _nul_free(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nul_free(v) for v in value]
    return value


def _iso_utc(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite keeps no zone; we only ever write UTC
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def _event_row(row: sa.Row[Any]) -> dict[str, Any]:
    record = dict(row.record)
    record["num_sources"] = row.num_sources
    record["num_articles"] = row.num_articles
    record["num_mentions"] = row.num_mentions
    record["first_reported"] = row.first_reported
    record["article"] = {"url": row.url, "source": row.source, "published": row.published,
                         "title": row.title, "ingested_at": _iso_utc(row.ingested_at)}
    return record
