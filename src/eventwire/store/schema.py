"""The store's tables (SQLAlchemy Core), one definition for SQLite and PostgreSQL.

This module describes the schema at :data:`~eventwire.store.migrations.SCHEMA_VERSION`. A change to it
comes with a new step in :mod:`eventwire.store.migrations` that brings an older database to the same shape.

Dates are stored as ISO strings (``date_value`` is ``2025-06-17``, ``2025-06`` or ``2024``) so that a
prefix comparison works the same in both databases; ``date_lo``/``date_hi`` are the first and last day
the date can denote (derived from value and precision, never from the publication date) and only serve
the clustering look-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData()

# JSON columns: JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
Json = sa.JSON().with_variant(JSONB(), "postgresql")

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text),  # ISO date; NULL when the input states none
    sa.Column("published_source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),  # the outlet
    sa.Column("format", sa.Text, nullable=False),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("metadata", Json, nullable=False),
    sa.Column("sections", Json, nullable=False),  # [{"section", "start", "end"}] (Article.blocks)
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("index", sa.Integer, primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("section", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

clusters = sa.Table(
    "clusters",
    metadata,
    sa.Column("cluster_id", sa.Text, primary_key=True),
    sa.Column("first_reported", sa.Text),  # earliest publication date among its articles
    sa.Column("num_sources", sa.Integer, nullable=False),
    sa.Column("num_articles", sa.Integer, nullable=False),
    sa.Column("num_mentions", sa.Integer, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("cluster_id", sa.Text, sa.ForeignKey("clusters.cluster_id"), nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("cameo", sa.Text),
    sa.Column("quad_class", sa.Integer),
    sa.Column("goldstein", sa.Float),
    sa.Column("source_code", sa.Text),
    sa.Column("source_country", sa.Text),
    sa.Column("source_sector", sa.Text),
    sa.Column("source_name", sa.Text),
    sa.Column("target_code", sa.Text),
    sa.Column("target_country", sa.Text),
    sa.Column("target_sector", sa.Text),
    sa.Column("target_name", sa.Text),
    sa.Column("reciprocal", sa.Boolean, nullable=False),
    sa.Column("date_value", sa.Text),
    sa.Column("date_earliest", sa.Text),
    sa.Column("date_latest", sa.Text),
    sa.Column("date_precision", sa.Text, nullable=False),
    sa.Column("date_lo", sa.Text),
    sa.Column("date_hi", sa.Text),
    sa.Column("status", sa.Text),
    sa.Column("certainty", sa.Text),
    sa.Column("location_name", sa.Text),
    sa.Column("location_country", sa.Text),
    sa.Column("location_lat", sa.Float),
    sa.Column("location_lon", sa.Float),
    sa.Column("section", sa.Text, nullable=False),
    sa.Column("sentence_index", sa.Integer, nullable=False),
    sa.Column("record", Json, nullable=False),  # the public record (models.event_to_record), cluster_id set
    # a group actor's members ("the two countries"): see member_keys (schema version 2)
    sa.Column("source_members", sa.Text),
    sa.Column("target_members", sa.Text),
    sa.Column("mode", sa.Text),  # the PLOVER mode (schema version 3)
    # what the coreference pair model reads of a stored event (schema version 5, issue 11): the trigger's
    # lemma and its other-instance words and ordinals, space-separated
    sa.Column("trigger_lemma", sa.Text),
    sa.Column("instance_words", sa.Text),
    sa.Index("ix_events_type", "type"),
    sa.Index("ix_events_source_country", "source_country"),
    sa.Index("ix_events_target_country", "target_country"),
    sa.Index("ix_events_date_value", "date_value"),
    sa.Index("ix_events_cluster_id", "cluster_id"),
    sa.Index("ix_events_article_id", "article_id"),
    # the clustering look-up: same type and countries, overlapping dates
    sa.Index("ix_events_cluster_key", "type", "source_country", "target_country", "date_lo"),
    sa.Index("ix_events_location_country", "location_country"),
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.Text, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("sentence_index", sa.Integer, nullable=False),
    sa.Column("section", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Index("ix_event_mentions_event_id", "event_id"),
)

rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("stage", sa.Text, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("article_id", sa.Text),
    sa.Column("raw", sa.Text),
    # content hash of (stage, code, reason, raw): recording the same failure twice is a no-op
    sa.Column("fingerprint", sa.Text, nullable=False),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("origin", "fingerprint", name="uq_rejections_origin_fingerprint"),
)


# What ``eventwire watch`` has seen (schema version 4): per source (a feed URL or a folder) its HTTP
# validators for conditional GET and its last outcome; per item (a page URL or a file) what became of it.
watch_sources = sa.Table(
    "watch_sources",
    metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),  # "feed" | "folder"
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("checked_at", sa.DateTime(timezone=True)),
    sa.Column("status", sa.Text),  # "ok" | "not-modified" | "failed"
    sa.Column("error", sa.Text),
)

watch_items = sa.Table(
    "watch_items",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),  # the page URL (normalised), or the file path and its signature
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),  # where the page was finally read from (after redirects)
    sa.Column("content_hash", sa.Text),
    sa.Column("article_id", sa.Text),
    sa.Column("outcome", sa.Text, nullable=False),  # "stored" | "known" | "rejected" | "failed" | "retry"
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_watch_items_content_hash", "content_hash"),
)


def member_keys(actor: Mapping[str, Any] | None) -> str | None:
    """The codes and countries of a group actor's members (nested groups included), upper case, each
    once, space-separated and space-padded (``" RUSGOV RUS PRKGOV PRK "``), so that one ``LIKE`` finds
    a code prefix or a country in either database; None for an actor without members."""
    found: list[str] = []
    queue = list(actor.get("members") or ()) if actor else []
    while queue:
        member = queue.pop(0)
        for value in (member.get("code"), member.get("country")):
            if value and value.upper() not in found:
                found.append(value.upper())
        queue.extend(member.get("members") or ())
    return f" {' '.join(found)} " if found else None
