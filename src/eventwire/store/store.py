"""The store: every article kept (raw and cleaned text, hash, metadata), its sentences and events, event
clusters across articles, and every rejection. SQLite by default, PostgreSQL through a URL; one schema.

Every :meth:`Store.save_article` is one transaction that commits on its own: a process killed mid-run
loses nothing already committed, and a rerun resumes (saving an article whose content hash is stored
is a no-op).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
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
from ..models import AnalysedArticle, Event, Precision, Rejection
from . import clustering, schema
from .aliases import ActorAliases, Widened
from .connect import create_engine, is_memory_sqlite, parse_url, safe_url, translate_error
from .filters import check_filters
from .migrations import current_version, migrate

log = logging.getLogger(__name__)

_STREAM_BATCH = 1000
# Any 64-bit constant: concurrent savers into one PostgreSQL database cluster one after the other.
_PG_SAVE_LOCK = 0x65775F73617665


def _find_cluster_statement() -> sa.Select[Any]:
    """Candidates for an event's cluster: same type, same country pair (either way round when either
    event is reciprocal), another article, a known date within the search window."""
    e = schema.events.c
    src, tgt = sa.bindparam("src", type_=sa.Text), sa.bindparam("tgt", type_=sa.Text)
    forward = sa.and_(e.source_country.is_not_distinct_from(src), e.target_country.is_not_distinct_from(tgt))
    backward = sa.and_(e.source_country.is_not_distinct_from(tgt), e.target_country.is_not_distinct_from(src),
                       sa.or_(e.reciprocal, sa.bindparam("recip", type_=sa.Boolean)))
    return (
        sa.select(e.cluster_id, e.date_value, e.date_precision, e.date_earliest, e.date_latest,
                  e.source_country, e.target_country, e.reciprocal)
        .where(e.type == sa.bindparam("type"), sa.or_(forward, backward), e.article_id != sa.bindparam("aid"),
               e.date_lo.is_not(None), e.date_lo <= sa.bindparam("hi"), e.date_hi >= sa.bindparam("lo"))
        .order_by(e.cluster_id)
    )


def _cluster_statements() -> tuple[sa.Select[Any], sa.Select[Any], sa.Update]:
    e, a, m, c = schema.events.c, schema.articles.c, schema.event_mentions.c, schema.clusters.c
    ids: sa.BindParameter[str] = sa.bindparam("ids", expanding=True)
    # An article without a known outlet counts as a source of its own.
    outlet = sa.func.coalesce(sa.func.lower(sa.func.trim(a.source)), sa.literal("\x1farticle:") + a.id)
    stats = (
        sa.select(e.cluster_id, sa.func.count(sa.distinct(outlet)).label("sources"),
                  sa.func.count(sa.distinct(a.id)).label("articles"), sa.func.min(a.published).label("first"))
        .select_from(schema.events.join(schema.articles, e.article_id == a.id))
        .where(e.cluster_id.in_(ids)).group_by(e.cluster_id)
    )
    mentions = (
        sa.select(e.cluster_id, sa.func.count(m.id).label("n"))
        .select_from(schema.event_mentions.join(schema.events, m.event_id == e.id))
        .where(e.cluster_id.in_(ids)).group_by(e.cluster_id)
    )
    update = (
        sa.update(schema.clusters).where(c.cluster_id == sa.bindparam("cid"))
        .values(num_sources=sa.bindparam("ns"), num_articles=sa.bindparam("na"),
                first_reported=sa.bindparam("fr"), num_mentions=sa.bindparam("nm"))
    )
    return stats, mentions, update


# Built once: immutable SQL constructs, compiled once per engine and cached by SQLAlchemy.
_FIND_CLUSTER = _find_cluster_statement()
_CLUSTER_STATS, _CLUSTER_MENTIONS, _UPDATE_CLUSTER = _cluster_statements()


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

    def save_article(self, analysed: AnalysedArticle) -> bool:
        """Store the article, its sentences, events, mentions and clusters in one transaction.

        Returns False (and changes nothing) when an article with the same content hash is stored.
        Each event gets its cross-article ``cluster_id`` here (see :mod:`.clustering`); an incoming
        ``cluster_id`` is replaced.
        """
        article = analysed.article
        event_ids = [e.id for e in analysed.events]
        strays = [e.id for e in analysed.events if e.article_id != article.id]
        if strays:
            raise StoreError(f"event {strays[0]!r} names another article than {article.id!r}: a bug in the "
                             "pipeline, please report it", path=article.origin, code="E310")
        if len(set(event_ids)) != len(event_ids):
            raise StoreError(f"article {article.id!r} holds two events with the same id: a bug in the "
                             "pipeline's id scheme, please report it", path=article.origin, code="E310")
        with self._write() as conn:
            a = schema.articles.c
            if conn.execute(sa.select(a.id).where(a.content_hash == article.content_hash)).first():
                return False
            if conn.execute(sa.select(a.id).where(a.id == article.id)).first():
                raise StoreError(
                    f"another article with the id {article.id!r} but different content is stored: give "
                    "records unique ids (or none, to use content hashes)",
                    path=article.origin, code="E311")
            clash = conn.execute(
                sa.select(schema.events.c.id, schema.events.c.article_id).where(schema.events.c.id.in_(event_ids))
            ).first() if event_ids else None
            if clash is not None:
                raise StoreError(f"event id {clash.id!r} is already stored (from article {clash.article_id!r})",
                                 path=article.origin, code="E310")
            self._insert_article(conn, analysed)
            # Look-ups only see other articles' events, so all can be made before any insert.
            chosen, merged = clustering.plan_clusters(
                (event.id, self._find_clusters(conn, event)) for event in analysed.events)
            assigned = [(event, chosen[event.id]) for event in analysed.events]
            new = [{"cluster_id": event.id, "first_reported": None, "num_sources": 0, "num_articles": 0,
                    "num_mentions": 0} for event, cluster_id in assigned if cluster_id == event.id]
            if new:
                conn.execute(sa.insert(schema.clusters), new)
            self._merge_clusters(conn, merged)
            self._insert_events(conn, assigned)
            self._refresh_clusters(conn, {cluster_id for _, cluster_id in assigned})
        log.debug("stored article %s with %d events", article.id, len(analysed.events))
        return True

    def _insert_article(self, conn: sa.Connection, analysed: AnalysedArticle) -> None:
        # Plain parameters on a table-level INSERT: the statement compiles once and stays cached.
        art = analysed.article
        conn.execute(sa.insert(schema.articles), _nul_free({
            "id": art.id,
            "content_hash": art.content_hash,
            "origin": art.origin,
            "title": art.title,
            "published": art.published.isoformat() if art.published else None,
            "published_source": art.published_source,
            "url": art.url,
            "source": art.source,
            "format": art.format,
            "raw": art.raw,
            "text": art.text,
            "metadata": dict(art.metadata),
            "sections": [{"section": b.section.value, "start": b.start, "end": b.end} for b in art.blocks],
            "ingested_at": datetime.now(UTC),
        }))
        if analysed.sentences:
            conn.execute(sa.insert(schema.sentences), _nul_free([
                {"article_id": art.id, "index": s.index, "start": s.start, "end": s.end,
                 "section": s.section.value, "text": s.text}
                for s in analysed.sentences
            ]))

    def _find_clusters(self, conn: sa.Connection, event: Event) -> list[clustering.ClusterMatch]:
        """The clusters of events from other stored articles that tell the same real-world event."""
        key = clustering.event_date_key(event)
        if key is None or not clustering.can_cluster(event):
            return []
        src, tgt = clustering.countries(event)
        lo, hi = clustering.search_window(key)
        rows = conn.execute(_FIND_CLUSTER, {"type": event.type.value, "src": src, "tgt": tgt,
                                            "recip": event.reciprocal, "aid": event.article_id,
                                            "lo": lo, "hi": hi})
        found: dict[str, bool] = {}
        for row in rows:
            other = clustering.date_key(row.date_value, Precision(row.date_precision),
                                        row.date_earliest, row.date_latest)
            if other is not None and clustering.dates_agree(key, other):
                # Day-precise, and in the event's own orientation unless the stored event runs both
                # ways: a reciprocal "the two met" agrees with "A met B" and with "B met A", but does
                # not make them one event.
                firm = (key.precision == other.precision == Precision.DAY
                        and (row.reciprocal or (row.source_country, row.target_country) == (src, tgt)))
                found[str(row.cluster_id)] = found.get(str(row.cluster_id), False) or firm
        return [clustering.ClusterMatch(c, firm) for c, firm in found.items()]

    def _merge_clusters(self, conn: sa.Connection, merged: dict[str, str]) -> None:
        """Move the events of each merged cluster (``gone -> kept``) to the cluster kept, their stored
        records too, and drop the merged clusters; the kept ones are refreshed by the caller."""
        if not merged:
            return
        e = schema.events.c
        rows = conn.execute(sa.select(e.id, e.cluster_id, e.record).where(e.cluster_id.in_(sorted(merged)))).all()
        updates = []
        for row in rows:
            record = dict(row.record)
            record["cluster_id"] = merged[row.cluster_id]
            updates.append({"eid": row.id, "cid": merged[row.cluster_id], "rec": record})
        if updates:
            conn.execute(sa.update(schema.events).where(e.id == sa.bindparam("eid"))
                         .values(cluster_id=sa.bindparam("cid"), record=sa.bindparam("rec")), updates)
        conn.execute(sa.delete(schema.clusters).where(schema.clusters.c.cluster_id.in_(sorted(merged))))
        log.debug("merged clusters %s", merged)

    def _insert_events(self, conn: sa.Connection, events: list[tuple[Event, str]]) -> None:
        rows: list[dict[str, Any]] = []
        mentions: list[dict[str, Any]] = []
        for event, cluster_id in events:
            record = event.to_record()
            record["cluster_id"] = cluster_id
            key = clustering.event_date_key(event)
            src, tgt, loc, d = event.source, event.target, event.location, event.date
            rows.append({
                "id": event.id,
                "article_id": event.article_id,
                "cluster_id": cluster_id,
                "type": event.type.value,
                "cameo": event.cameo,
                "quad_class": event.quad_class,
                "goldstein": event.goldstein,
                "source_code": src.code if src else None,
                "source_country": src.country if src else None,
                "source_sector": src.sector if src else None,
                "source_name": (src.name or src.text) if src else None,  # the text too: a search key
                "target_code": tgt.code if tgt else None,
                "target_country": tgt.country if tgt else None,
                "target_sector": tgt.sector if tgt else None,
                "target_name": (tgt.name or tgt.text) if tgt else None,
                "source_members": schema.member_keys(record["source"]),
                "target_members": schema.member_keys(record["target"]),
                "reciprocal": event.reciprocal,
                "date_value": d.value,
                "date_earliest": d.earliest,
                "date_latest": d.latest,
                "date_precision": d.precision.value,
                "date_lo": key.lo.isoformat() if key else None,
                "date_hi": key.hi.isoformat() if key else None,
                "status": event.status.value if event.status else None,
                "certainty": event.certainty.value if event.certainty else None,
                "location_name": loc.name if loc else None,
                "location_country": loc.country if loc else None,
                "location_lat": loc.lat if loc else None,
                "location_lon": loc.lon if loc else None,
                "section": event.section.value,
                "sentence_index": event.sentence_index,
                "record": record,
            })
            # The event's own telling plus those dedup merged into it, each once.
            tellings = {(event.article_id, event.sentence_index, event.span[0], event.span[1]):
                        (event.section.value, event.trigger)}
            for m in event.mentions:
                tellings.setdefault((m.article_id, m.sentence_index, m.span[0], m.span[1]),
                                    (m.section.value, m.trigger))
            mentions.extend(
                {"event_id": event.id, "article_id": art, "sentence_index": idx, "span_start": start,
                 "span_end": end, "section": section, "trigger": trigger}
                for (art, idx, start, end), (section, trigger) in tellings.items()
            )
        if rows:
            conn.execute(sa.insert(schema.events), _nul_free(rows))
            conn.execute(sa.insert(schema.event_mentions), _nul_free(mentions))

    def _refresh_clusters(self, conn: sa.Connection, cluster_ids: set[str]) -> None:
        if not cluster_ids:
            return
        params = {"ids": sorted(cluster_ids)}
        stats = conn.execute(_CLUSTER_STATS, params).all()
        mentions = {row.cluster_id: row.n for row in conn.execute(_CLUSTER_MENTIONS, params)}
        conn.execute(_UPDATE_CLUSTER, [
            {"cid": row.cluster_id, "ns": row.sources, "na": row.articles, "fr": row.first,
             "nm": mentions.get(row.cluster_id, 0)}
            for row in stats
        ])

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

    def events(
        self,
        *,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        certainty: str | None = None,
        status: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Stored events as public records, ordered by date (unknown last) then id, streamed.

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
        - ``type``, ``certainty``, ``status``, ``article_id``: equality (case-insensitive vocabularies).
        - ``limit``/``offset``: a page of the ordered result (for the HTTP API).

        Every filter is checked first (:func:`.filters.check_filters`): a value that cannot be used raises
        :class:`~eventwire.errors.QueryError` (E312), never an empty result.
        """
        f = check_filters(actor=actor, dyad=dyad, type=type, since=since, until=until, certainty=certainty,
                          status=status, article_id=article_id, limit=limit, offset=offset)
        e, cl, a = schema.events.c, schema.clusters.c, schema.articles.c
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
            where.append(e.type == f.type)
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
        stmt = (
            sa.select(e.record, cl.num_sources, cl.num_articles, cl.num_mentions, cl.first_reported,
                      a.url, a.source, a.published, a.title, a.ingested_at)
            .select_from(schema.events.join(schema.clusters, e.cluster_id == cl.cluster_id)
                         .join(schema.articles, e.article_id == a.id))
            .where(*where)
            .order_by(e.date_value.asc().nulls_last(), e.id)
        )
        if f.limit is not None:
            stmt = stmt.limit(f.limit)
        if f.offset:
            stmt = stmt.offset(f.offset)
        return self._stream(stmt, _event_row)

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
