"""Request and response models: they make the OpenAPI schema say what goes in and comes out.

Event records are plain objects (the public record of DESIGN §2, which allows added fields), so they are
typed as open dictionaries rather than copied here field by field.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ArticleIn(BaseModel):
    """An article to analyse and store. ``text`` is plain text (its first line may be the headline)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's plain text.")
    title: str | None = Field(default=None, description="Headline (put first when the text lacks it).")
    published: str | None = Field(default=None, description="Publication date (ISO, e.g. 2025-06-17).",
                                  examples=["2025-06-17"])
    url: str | None = None
    source: str | None = Field(default=None, description="The outlet.")
    id: str | None = Field(default=None, description="Your own id for the article (else its content hash).")


class IngestOut(BaseModel):
    id: str | None = Field(description="The stored article's id.")
    stored: bool = Field(description="False when the same content was stored before (a no-op).")
    events: list[dict[str, Any]]


class Sentence(BaseModel):
    index: int
    start: int
    end: int
    section: str
    text: str


class ArticleOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    content_hash: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    text: str = Field(description="The cleaned text: every offset (span, trigger_span) refers to it.")
    sections: list[dict[str, Any]]
    sentences: list[Sentence]
    events: list[dict[str, Any]]


class Stats(BaseModel):
    counts: dict[str, int] = Field(description="Rows per table: articles, sentences, events, clusters, rejections.")
    schema_version: int


class TimelineMonth(BaseModel):
    month: str = Field(examples=["2025-06"])
    total: int
    types: dict[str, int] = Field(description="Events per PLOVER type.")
    quad_classes: dict[str, int] = Field(description="Events per quad class (1–4, or 'unknown').")


class Timeline(BaseModel):
    total: int = Field(description="Events matching the filters.")
    months: list[TimelineMonth] = Field(description="Every month from the first to the last with an event.")
    year_only: dict[str, int] = Field(description="Events dated only to a year, per year.")
    undated: int = Field(description="Events without a known date.")
    quad_class_names: dict[str, str]
    filters: dict[str, Any]
