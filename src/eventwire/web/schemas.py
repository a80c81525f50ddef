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


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters (all pages).")
    limit: int
    offset: int
    next: str | None = Field(description="The address of the next page; null on the last one.")
    events: list[dict[str, Any]] = Field(description="Event records (DESIGN §2) with their cluster figures "
                                         "(num_sources …) and article (url, source, published, title).")


class ClusterSource(BaseModel):
    article_id: str
    title: str | None
    source: str | None = Field(description="The outlet.")
    url: str | None
    published: str | None
    events: list[str] = Field(description="The ids of the cluster's events this article tells.")


class Cluster(BaseModel):
    cluster_id: str
    first_reported: str | None
    num_sources: int
    num_articles: int
    num_mentions: int
    events: list[dict[str, Any]]
    sources: list[ClusterSource]


class TimelineMonth(BaseModel):
    month: str = Field(examples=["2025-06"])
    total: int
    types: dict[str, int] = Field(description="Events per PLOVER type.")
    quad_classes: dict[str, int] = Field(description="Events per quad class (1–4, or 'unknown').")


class TimelineBucket(BaseModel):
    start: str = Field(description="First day of the bar.", examples=["2025-06-16"])
    end: str = Field(description="Last day of the bar.")
    label: str
    total: int
    types: dict[str, int] = Field(description="Events per PLOVER type.")
    quad_classes: dict[str, int] = Field(description="Events per quad class (1–4, or 'unknown').")


class Span(BaseModel):
    first: str
    last: str


class Core(Span):
    before: int = Field(description="Placed events before ``first``.")
    after: int = Field(description="Placed events after ``last``.")


class Timeline(BaseModel):
    total: int = Field(description="Events matching the filters.")
    bucket: str | None = Field(description="day, week, month or year: the bar width used.")
    buckets: list[TimelineBucket] = Field(description="Every bar from the first placed event to the last.")
    extent: Span | None = Field(description="The first and last day of the placed events.")
    core: Core | None = Field(description="Where the data is: the 5th to the 95th percentile of the placed "
                              "events' dates (where a chart starts).")
    months: list[TimelineMonth] = Field(description="Events per month, every month from the first to the last "
                                        "(only the months with events beyond 600).")
    month_only: dict[str, int] = Field(description="Events dated only to a month, per month, where the bars "
                                       "are days or weeks (not on the chart).")
    year_only: dict[str, int] = Field(description="Events dated only to a year, per year (not on the chart).")
    undated: int = Field(description="Events without a known date.")
    quad_class_names: dict[str, str]
    filters: dict[str, Any]


class Place(BaseModel):
    lat: float
    lon: float
    name: str | None
    country: str | None
    count: int
    quad_classes: dict[str, int]
    goldstein_mean: float | None


class MapPlaces(BaseModel):
    total: int = Field(description="Events matching the filters.")
    located: int = Field(description="Of which with coordinates.")
    places: list[Place]
    filters: dict[str, Any]


class Node(BaseModel):
    id: str = Field(description="An actor code (RUSGOV) or a country (RUS).")
    events: int
    names: list[str] = Field(description="The names it is most often told by.")


class Edge(BaseModel):
    source: str
    target: str
    events: int
    quad_classes: dict[str, int]
    quad_class: int | None = Field(description="The most frequent quad class.")
    goldstein_mean: float | None


class Network(BaseModel):
    level: str
    total: int = Field(description="Events matching the filters.")
    uncoded: int = Field(description="Of which with a side not coded (no edge).")
    edges_total: int = Field(description="Dyads before the limit.")
    nodes: list[Node]
    edges: list[Edge]
    filters: dict[str, Any]
