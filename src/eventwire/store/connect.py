"""Database URLs → SQLAlchemy engines, and driver errors → :class:`StoreError` with a message that says
what to do.

Accepted: a plain file path (``eventwire.db``), ``sqlite:///FILE``, ``sqlite://`` (in memory),
``postgresql://USER@HOST:PORT/DB`` (mapped to the psycopg 3 driver, ``postgresql+psycopg://``).
PostgreSQL connection options travel in the URL query, e.g. ``?options=-csearch_path%3Dmyschema``.

Error codes: E301 PostgreSQL unreachable, E302 PostgreSQL refused us (auth, missing database),
E303 bad URL, E304 SQLite directory missing, E305 SQLite file or directory read-only, E306 not a
SQLite database, E309 any other database failure, E313 SQLite write lock held too long. Raised by the
store itself: E307 a newer schema, E308 bad migration steps, E310 an article whose events clash (a bug),
E311 a record id stored with other content, E312 a filter value that cannot be used (:mod:`.filters`),
E314 no store where a query looked for one (read commands never create one).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 30_000  # concurrent writers (a second ingest, the web UI) wait, not fail
POSTGRES_CONNECT_TIMEOUT_S = 10


def parse_url(url: str) -> URL:
    """Normalise ``url``: plain paths become SQLite URLs, ``postgresql://`` gets the psycopg 3 driver."""
    text = url.strip()
    if not text:
        raise StoreError("empty database URL: give a SQLite file path or postgresql://USER@HOST/DB",
                         code="E303")
    if "://" not in text:  # a bare path: the SQLite file
        return URL.create("sqlite", database=text)
    try:
        parsed = make_url(text)
    except ArgumentError as exc:
        raise StoreError(f"cannot parse database URL {text!r}: {exc}", code="E303") from exc
    backend = parsed.get_backend_name()
    if backend == "postgres":  # the Heroku-style spelling SQLAlchemy 2 no longer accepts
        parsed = parsed.set(drivername="postgresql")
        backend = "postgresql"
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return parsed
    if backend == "sqlite":
        return parsed
    raise StoreError(
        f"unsupported database URL scheme {parsed.drivername!r} in {safe_url(parsed)}: use a SQLite file "
        "path (eventwire.db, sqlite:///FILE) or postgresql://USER@HOST:PORT/DB",
        code="E303",
    )


def safe_url(url: URL | str) -> str:
    """The URL as shown in messages: password hidden, our default driver left out (as the user wrote it)."""
    if isinstance(url, str):
        try:
            return safe_url(make_url(url))
        except ArgumentError:
            return url
    if url.drivername == "postgresql+psycopg":
        url = url.set(drivername="postgresql")
    return url.render_as_string(hide_password=True)


def is_memory_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def check_sqlite_path(url: URL) -> None:
    """Fail early, with the file named, where SQLite itself would only say 'unable to open database file'."""
    if is_memory_sqlite(url) or (url.database or "").startswith("file:"):
        return
    path = Path(url.database or "")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise StoreError(
            f"directory {str(directory)!r} does not exist: create it or choose another --db path",
            path=str(path), code="E304",
        )
    if path.exists():
        if path.is_dir():
            raise StoreError("is a directory, not a database file: choose a file path for --db",
                             path=str(path), code="E304")
        if not os.access(path, os.W_OK):
            raise read_only_error(str(path))
    if not os.access(directory, os.W_OK):
        raise read_only_error(str(path), directory=str(directory))


def read_only_error(path: str, directory: str | None = None) -> StoreError:
    if directory is not None:
        what = (f"the directory {directory!r} is read-only (SQLite needs to write its journal beside the "
                "database file)")
    else:
        what = "the database file is read-only"
    return StoreError(f"{what}: make it writable or choose another --db path", path=path, code="E305")


def create_engine(url: URL) -> Engine:
    """An engine for ``url`` with the settings eventwire relies on (WAL, foreign keys, busy timeout)."""
    backend = url.get_backend_name()
    try:
        if backend == "sqlite":
            check_sqlite_path(url)
            kwargs: dict[str, Any] = {}
            if is_memory_sqlite(url):  # one shared connection, else every checkout is a new empty DB
                kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
            engine = sa.create_engine(url, **kwargs)
            _configure_sqlite(engine)
            return engine
        connect_args = {} if "connect_timeout" in url.query else {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S}
        return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"no database driver for {safe_url(url)}: {exc}; use postgresql:// (psycopg 3) "
                         "or a SQLite path", code="E303") from exc


def _configure_sqlite(engine: Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, emit BEGIN (the pysqlite recipe in the SQLAlchemy docs), so
        # that a write transaction can start with BEGIN IMMEDIATE and take the write lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if engine.url.database not in (None, "", ":memory:"):
                cursor.execute("PRAGMA journal_mode = WAL")
                # WAL + NORMAL: a committed transaction survives a process crash (not an OS crash)
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def translate_error(exc: DBAPIError, url: URL) -> StoreError:
    """A driver error → StoreError naming the URL or file and what to do."""
    backend = url.get_backend_name()
    detail = str(exc.orig) if exc.orig is not None else str(exc)
    first_line = detail.strip().splitlines()[0] if detail.strip() else type(exc).__name__
    low = detail.lower()
    if backend == "sqlite":
        path = url.database or ":memory:"
        if "readonly database" in low or "read-only" in low:
            return read_only_error(path)
        if "unable to open database file" in low:
            return StoreError("SQLite cannot open the database file (missing directory or no permission): "
                              "check the path or choose another --db", path=path, code="E304")
        if "database is locked" in low or "database is busy" in low:
            return StoreError(
                f"the database stayed locked by another writer for over {SQLITE_BUSY_TIMEOUT_MS // 1000} s: "
                "retry when it is done, or use PostgreSQL (--db postgresql://…) for many concurrent writers",
                path=path, code="E313")
        if "file is not a database" in low:
            return StoreError("this file is not a SQLite database: choose another --db path",
                              path=path, code="E306")
        return StoreError(f"SQLite error: {first_line}", path=path, code="E309")
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    shown = safe_url(url)
    if isinstance(exc, sa.exc.OperationalError) and (
        "connection refused" in low or "could not connect" in low or "timeout expired" in low
        or "no route to host" in low or "name or service not known" in low
        or "could not translate host name" in low or "network is unreachable" in low
    ):
        return StoreError(
            f"cannot reach PostgreSQL at {where} ({shown}): {first_line.strip()}. Check that the server is "
            "running and accepts connections there, or pass another --db URL",
            code="E301",
        )
    if isinstance(exc, sa.exc.OperationalError) and (
        "authentication failed" in low or "does not exist" in low or "no password supplied" in low
        or "permission denied" in low
    ):
        return StoreError(
            f"PostgreSQL at {where} refused the connection ({shown}): {first_line.strip()}. Check the user, "
            "password and database name in --db",
            code="E302",
        )
    return StoreError(f"database error on {shown}: {first_line.strip()}", code="E309")
