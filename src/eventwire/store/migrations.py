"""Versioned schema migrations: a ``schema_version`` table and an ordered list of steps in code.

Opening a store runs every step newer than the database's version, each recording its row in
``schema_version``, all in one transaction (DDL is transactional in SQLite and PostgreSQL): a failed
step leaves the database exactly as it was.
A database written by a newer eventwire (a version this code does not know) is refused, never
touched. To change the schema: edit :mod:`.schema` and append a :class:`Migration` whose ``apply``
brings a database at the previous version to the new shape.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from ..errors import StoreError
from . import schema

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sa.Connection], None]


def _initial_schema(conn: sa.Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.schema_version]
    schema.metadata.create_all(conn, tables=tables)


def _group_members(conn: sa.Connection) -> None:
    """Version 2: ``events.source_members``/``target_members`` (:func:`.schema.member_keys`), filled from
    the stored records, so that an actor filter finds the members of a group actor."""
    have = {c["name"] for c in sa.inspect(conn).get_columns("events")}
    for side in ("source", "target"):
        if f"{side}_members" not in have:  # a database created at version 2 has them from the start
            conn.execute(sa.text(f"ALTER TABLE events ADD COLUMN {side}_members TEXT"))
    e = schema.events.c
    rows = conn.execute(sa.select(e.id, e.record).where(sa.cast(e.record, sa.Text).contains('"members"'))).all()
    updates = [{"eid": row.id, "sm": schema.member_keys(row.record.get("source")),
                "tm": schema.member_keys(row.record.get("target"))} for row in rows]
    if updates:
        conn.execute(sa.update(schema.events).where(e.id == sa.bindparam("eid"))
                     .values(source_members=sa.bindparam("sm"), target_members=sa.bindparam("tm")), updates)


def _event_mode(conn: sa.Connection) -> None:
    """Version 3: ``events.mode`` (filled from the stored records) for the mode filter and sorting, and an
    index on the place's country for the country and region filters."""
    have = {c["name"] for c in sa.inspect(conn).get_columns("events")}
    if "mode" not in have:
        conn.execute(sa.text("ALTER TABLE events ADD COLUMN mode TEXT"))
        e = schema.events.c
        rows = conn.execute(sa.select(e.id, e.record).where(sa.cast(e.record, sa.Text).contains('"mode"'))).all()
        updates = [{"eid": row.id, "m": row.record.get("mode")} for row in rows if row.record.get("mode")]
        if updates:
            conn.execute(sa.update(schema.events).where(e.id == sa.bindparam("eid")).values(mode=sa.bindparam("m")),
                         updates)
    indexes = {i["name"] for i in sa.inspect(conn).get_indexes("events")}
    if "ix_events_location_country" not in indexes:
        conn.execute(sa.text("CREATE INDEX ix_events_location_country ON events (location_country)"))


def _watch_state(conn: sa.Connection) -> None:
    """Version 4: what ``eventwire watch`` has seen (``watch_sources``, ``watch_items``)."""
    schema.metadata.create_all(conn, tables=[schema.watch_sources, schema.watch_items])


def _coreference_features(conn: sa.Connection) -> None:
    """Version 5: ``events.trigger_lemma`` and ``instance_words``, what the coreference pair model reads of
    a stored event (issue 11). Older rows get the
    trigger's first word, lower-cased, as lemma (their sentences are not parsed again)."""
    have = {c["name"] for c in sa.inspect(conn).get_columns("events")}
    for column in ("trigger_lemma", "instance_words"):
        if column not in have:
            conn.execute(sa.text(f"ALTER TABLE events ADD COLUMN {column} TEXT"))
    if "trigger_lemma" not in have:
        e = schema.events.c
        updates = [{"eid": row.id, "lemma": ((row.record.get("trigger") or "").split() or [""])[0].lower()}
                   for row in conn.execute(sa.select(e.id, e.record))]
        if updates:
            conn.execute(sa.update(schema.events).where(e.id == sa.bindparam("eid"))
                         .values(trigger_lemma=sa.bindparam("lemma")), updates)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema: articles, sentences, events, event_mentions, clusters, rejections",
              _initial_schema),
    Migration(2, "events.source_members and target_members: the members of group actors", _group_members),
    Migration(3, "events.mode; an index on the place's country", _event_mode),
    Migration(4, "watch_sources and watch_items: the state of eventwire watch", _watch_state),
    Migration(5, "events.trigger_lemma and instance_words: what event coreference reads", _coreference_features),
)
SCHEMA_VERSION = MIGRATIONS[-1].version

# Any 64-bit constant: concurrent openers of one PostgreSQL database migrate one after the other.
_PG_MIGRATION_LOCK = 0x65766E7477697265


def current_version(conn: sa.Connection) -> int:
    """The highest applied version; 0 for an empty database."""
    if not sa.inspect(conn).has_table(schema.schema_version.name):
        return 0
    value = conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
    return int(value or 0)


def migrate(engine: sa.Engine, where: str, steps: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database to the last version of ``steps``; return that version.

    ``where`` names the database in error messages.
    """
    latest = steps[-1].version if steps else 0
    versions = [s.version for s in steps]
    if versions != sorted(set(versions)):
        raise StoreError("migration steps must have strictly increasing versions", code="E308")
    with _locked(engine) as conn:
        schema.metadata.create_all(conn, tables=[schema.schema_version])
        found = current_version(conn)
        if found > latest:
            raise StoreError(
                f"the database is at schema version {found} but this eventwire only knows versions up to "
                f"{latest}: upgrade eventwire, or use another --db",
                path=where, code="E307",
            )
        for step in steps:
            if step.version <= found:
                continue
            log.info("migrating %s to schema version %d: %s", where, step.version, step.description)
            step.apply(conn)
            conn.execute(sa.insert(schema.schema_version).values(
                version=step.version, description=step.description, applied_at=datetime.now(UTC)))
        return max(found, latest)


class _locked:
    """A connection in one transaction that holds the migration lock (BEGIN IMMEDIATE on SQLite,
    an advisory transaction lock on PostgreSQL), committed on success."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def __enter__(self) -> sa.Connection:
        self.conn = self.engine.connect()
        if self.engine.dialect.name == "sqlite":
            self.conn.execution_options(sqlite_begin="IMMEDIATE")
        self.tx = self.conn.begin()
        if self.engine.dialect.name == "postgresql":
            self.conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        return self.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None:
                self.tx.commit()
            else:
                self.tx.rollback()
        finally:
            self.conn.close()
