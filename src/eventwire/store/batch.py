"""Saving a batch of analysed articles in one transaction with a handful of statements (issue 13).

Saving one article at a time cost about 25 round trips per article (checks, one cluster look-up per event,
one insert per table, cluster refreshes): PostgreSQL stored 17–52 articles/s. A batch now costs a fixed
number of statements whatever its size:

1. which content hashes, article ids and event ids are stored already (three ``IN`` look-ups);
2. the cluster candidates of every event of the batch (one ``SELECT`` whose ``OR`` holds one indexed
   condition per distinct look-up key);
3. the inserts, one ``executemany`` per table (articles, sentences, clusters, events, mentions), which
   psycopg sends as multi-row inserts or in pipeline mode;
4. the merged clusters moved and dropped, and the touched clusters' figures refreshed (three statements).

Articles are still decided one after the other, in batch order, exactly as :meth:`Store.save_article` did
one per transaction: an article sees the clusters of the stored events and of the batch's earlier
articles, a duplicate later in the batch is known, and the outcome of each article (stored, known, or
refused with E310/E311) does not depend on the batch it came in.

Which stored cluster an event joins is decided in two steps (issue 11). The rules of :mod:`.clustering`
block the candidates (same type, the same countries, agreeing dates: the indexed look-up, so the cost per
event does not grow with the store) and tell firm matches from loose ones; then the event coreference pair
model that ``eval dedup --gold-mentions`` measures (:mod:`eventwire.coreference`, the lexical model over
trigger lemma, actor codes in the roles, date and place, other-instance words) must find the event and
the cluster's blocked members one event: their mean probability reaches the model's threshold (average
link, as in the mention clustering). "The summit" does not join "the previous summit", and a meeting does
not join a visit of the same day and dyad unless codes and place say more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from ..coreference.features import MentionFeatures
from ..coreference.similarity import LEXICAL, PairModel, load_pair_model
from ..errors import StoreError
from ..models import AnalysedArticle, Event, Precision
from . import clustering, schema

# Values per IN list, and look-up conditions per OR (both well within SQLite's and PostgreSQL's limits).
_CHUNK = 500


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> list[Sequence[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@dataclass(slots=True)
class _Candidate:
    """A stored (or earlier-in-batch) event an incoming one may cluster with."""

    cluster_id: str
    article_id: str
    type: str
    source_country: str | None
    target_country: str | None
    reciprocal: bool
    key: clustering.DateKey
    features: MentionFeatures


@dataclass(frozen=True, slots=True)
class _LookUp:
    type: str
    src: str | None
    tgt: str | None
    recip: bool
    lo: str
    hi: str


def _look_up(event: Event) -> _LookUp | None:
    key = clustering.event_date_key(event)
    if key is None or not clustering.can_cluster(event):
        return None
    src, tgt = clustering.countries(event)
    lo, hi = clustering.search_window(key)
    return _LookUp(event.type.value, src, tgt, event.reciprocal, lo, hi)


def _same(column: sa.ColumnElement[Any], value: str | None) -> sa.ColumnElement[bool]:
    # ``IS NULL`` or ``=``: both use the index, where ``IS NOT DISTINCT FROM`` does not on PostgreSQL.
    return column.is_(None) if value is None else column == value


def _condition(q: _LookUp) -> sa.ColumnElement[bool]:
    e = schema.events.c
    forward = sa.and_(_same(e.source_country, q.src), _same(e.target_country, q.tgt))
    backward = sa.and_(_same(e.source_country, q.tgt), _same(e.target_country, q.src))
    if not q.recip:
        backward = sa.and_(backward, e.reciprocal.is_(True))
    return sa.and_(e.type == q.type, sa.or_(forward, backward), e.date_lo.is_not(None),
                   e.date_lo <= q.hi, e.date_hi >= q.lo)


def stored_features(event_id: str, article_id: str, lemma: str | None, instance_words: str | None,
                    source: str | None, target: str | None, key: clustering.DateKey | None,
                    place: str | None) -> MentionFeatures:
    """What the pair model reads of a stored event (``source``/``target``: the actor's code, else its
    country, as :func:`eventwire.coreference.records.actor_key`). The sentence's other actors are not
    stored: ``participants`` stays empty on both sides of every store pair."""
    from ..coreference.features import instance_markers

    markers, ordinals = instance_markers((instance_words or "").split())
    arguments = {role: frozenset({k}) for role, k in (("source", source), ("target", target)) if k}
    return MentionFeatures(key=event_id, group=article_id, lemma=lemma or "", arguments=arguments, date=key,
                           place=place.lower() if place else None, markers=markers, ordinals=ordinals)


def event_features(analysed: AnalysedArticle, event: Event) -> MentionFeatures:
    """:func:`stored_features` of an incoming event (its lemma and instance words from its parsed sentence)."""
    from ..coreference.records import actor_key, record_features

    f = record_features(analysed, event)
    return stored_features(event.id, event.article_id, f.lemma, " ".join(sorted(f.markers | f.ordinals)),
                           actor_key(event.source), actor_key(event.target), f.date,
                           event.location.name if event.location is not None else None)


def matches(event: Event, candidates: Sequence[_Candidate], features: MentionFeatures | None = None,
            model: PairModel | None = None) -> list[clustering.ClusterMatch]:
    """The clusters among ``candidates`` (other articles' events) that tell the same real-world event as
    ``event``: blocked and graded by the rules of :mod:`.clustering`, then (``features`` and ``model``
    given) kept when the mean pair probability of the event and the cluster's blocked members reaches the
    model's threshold (module docstring)."""
    key = clustering.event_date_key(event)
    if key is None or not clustering.can_cluster(event):
        return []
    src, tgt = clustering.countries(event)
    found: dict[str, bool] = {}
    probabilities: dict[str, list[float]] = {}
    for c in candidates:
        if c.article_id == event.article_id or c.type != event.type.value:
            continue
        forward = (c.source_country, c.target_country) == (src, tgt)
        backward = (c.source_country, c.target_country) == (tgt, src) and (c.reciprocal or event.reciprocal)
        if not (forward or backward) or not clustering.dates_agree(key, c.key):
            continue
        # Day-precise, and in the event's own orientation unless the stored event runs both ways: a
        # reciprocal "the two met" agrees with "A met B" and with "B met A", but does not make them one.
        firm = key.precision == c.key.precision == Precision.DAY and (c.reciprocal or forward)
        found[c.cluster_id] = found.get(c.cluster_id, False) or firm
        if features is not None and model is not None:
            probabilities.setdefault(c.cluster_id, []).append(model.probability(features, c.features))
    if features is not None and model is not None:
        found = {cid: firm for cid, firm in found.items()
                 if sum(probabilities[cid]) / len(probabilities[cid]) >= model.threshold}
    return [clustering.ClusterMatch(cid, firm) for cid, firm in found.items()]


class BatchSave:
    """One batch, decided article by article inside the caller's write transaction (see the module)."""

    def __init__(self, conn: sa.Connection, batch: Sequence[AnalysedArticle], model: PairModel | None = None) -> None:
        self.conn = conn
        self.batch = batch
        self.model = model if model is not None else load_pair_model(LEXICAL)
        self.features: dict[str, MentionFeatures] = {}
        self.results: list[bool | StoreError | None] = [None] * len(batch)
        self.accepted: list[int] = []
        self.remap: dict[str, str] = {}  # merged cluster -> the cluster it joined
        self.new_clusters: list[str] = []
        self.assigned: list[tuple[Event, str]] = []

    # ------------------------------------------------------------------ checks
    def check(self) -> None:
        """Decide which articles are stored, known, or refused (E310, E311)."""
        for i, analysed in enumerate(self.batch):
            self.results[i] = _own_problem(analysed)
        todo = [i for i, r in enumerate(self.results) if r is None]
        a, e = schema.articles.c, schema.events.c
        known_hashes = self._present(a.content_hash, [self.batch[i].article.content_hash for i in todo])
        known_ids = self._present(a.id, [self.batch[i].article.id for i in todo])
        event_ids = [ev.id for i in todo for ev in self.batch[i].events]
        stored_events: dict[str, str] = {}
        for chunk in _chunks(event_ids):
            stored_events.update((r.id, r.article_id) for r in self.conn.execute(
                sa.select(e.id, e.article_id).where(e.id.in_(chunk))))
        hashes: set[str] = set()
        ids: set[str] = set()
        events: dict[str, str] = {}
        for i in todo:
            art = self.batch[i].article
            if art.content_hash in known_hashes or art.content_hash in hashes:
                self.results[i] = False
                continue
            if art.id in known_ids or art.id in ids:
                self.results[i] = StoreError(
                    f"another article with the id {art.id!r} but different content is stored: give records "
                    "unique ids (or none, to use content hashes)", path=art.origin, code="E311")
                continue
            clash = next((ev.id for ev in self.batch[i].events if ev.id in stored_events or ev.id in events), None)
            if clash is not None:
                owner = stored_events.get(clash) or events[clash]
                self.results[i] = StoreError(f"event id {clash!r} is already stored (from article {owner!r})",
                                             path=art.origin, code="E310")
                continue
            hashes.add(art.content_hash)
            ids.add(art.id)
            events.update((ev.id, art.id) for ev in self.batch[i].events)
            self.accepted.append(i)
            self.results[i] = True

    def _present(self, column: sa.ColumnElement[Any], values: list[str]) -> set[str]:
        found: set[str] = set()
        unique = sorted(set(values))
        for chunk in _chunks(unique):
            found.update(r[0] for r in self.conn.execute(sa.select(column).where(column.in_(chunk))))
        return found

    # ------------------------------------------------------------------ clusters
    def _resolve(self, cluster_id: str) -> str:
        while cluster_id in self.remap:
            cluster_id = self.remap[cluster_id]
        return cluster_id

    def _stored_candidates(self) -> list[_Candidate]:
        looks = sorted({q for i in self.accepted for ev in self.batch[i].events if (q := _look_up(ev))},
                       key=lambda q: (q.type, q.src or "", q.tgt or "", q.recip, q.lo, q.hi))
        e = schema.events.c
        out: list[_Candidate] = []
        seen: set[str] = set()
        for chunk in _chunks(looks, 100):
            stmt = (sa.select(e.id, e.cluster_id, e.article_id, e.type, e.date_value, e.date_precision,
                              e.date_earliest, e.date_latest, e.source_country, e.target_country, e.reciprocal,
                              e.source_code, e.target_code, e.location_name, e.trigger_lemma, e.instance_words)
                    .where(sa.or_(*(_condition(q) for q in chunk))))
            for row in self.conn.execute(stmt):
                if row.id in seen:
                    continue
                seen.add(row.id)
                key = clustering.date_key(row.date_value, Precision(row.date_precision), row.date_earliest,
                                          row.date_latest)
                if key is not None:
                    f = stored_features(row.id, row.article_id, row.trigger_lemma, row.instance_words,
                                        row.source_code or row.source_country, row.target_code or row.target_country,
                                        key, row.location_name)
                    out.append(_Candidate(row.cluster_id, row.article_id, row.type, row.source_country,
                                          row.target_country, bool(row.reciprocal), key, f))
        return out

    def plan(self) -> None:
        """Each accepted event's cluster, article by article (later articles see the earlier ones)."""
        candidates = self._stored_candidates()
        new: set[str] = set()
        for i in self.accepted:
            events = self.batch[i].events
            for c in candidates:
                c.cluster_id = self._resolve(c.cluster_id)
            self.features.update((ev.id, event_features(self.batch[i], ev)) for ev in events)
            chosen, merged = clustering.plan_clusters(
                (ev.id, matches(ev, candidates, self.features[ev.id], self.model)) for ev in events)
            for gone, kept in merged.items():
                self.remap[gone] = kept
            for ev in events:
                cid = self._resolve(chosen[ev.id])
                if cid == ev.id:
                    new.add(cid)
                self.assigned.append((ev, cid))
                key = clustering.event_date_key(ev)
                if key is not None and clustering.can_cluster(ev):
                    src, tgt = clustering.countries(ev)
                    candidates.append(_Candidate(cid, ev.article_id, ev.type.value, src, tgt, ev.reciprocal, key,
                                                 self.features[ev.id]))
        self.assigned = [(ev, self._resolve(cid)) for ev, cid in self.assigned]
        self.new_clusters = sorted(c for c in new if c not in self.remap)

    # ------------------------------------------------------------------ writes
    def write(self) -> None:
        conn = self.conn
        now = datetime.now(UTC)
        articles = [self.batch[i] for i in self.accepted]
        conn.execute(sa.insert(schema.articles), [_article_row(x, now) for x in articles])
        sentences = [s for x in articles for s in _sentence_rows(x)]
        if sentences:
            conn.execute(sa.insert(schema.sentences), sentences)
        if self.new_clusters:
            conn.execute(sa.insert(schema.clusters), [
                {"cluster_id": c, "first_reported": None, "num_sources": 0, "num_articles": 0, "num_mentions": 0}
                for c in self.new_clusters])
        # Merged clusters: stored ones lose their events and rows; those founded in this batch were never written.
        gone = sorted(self.remap)
        kept = self._move_merged(gone)
        if self.assigned:
            rows, mentions = _event_rows(self.assigned, self.features)
            conn.execute(sa.insert(schema.events), rows)
            conn.execute(sa.insert(schema.event_mentions), mentions)
        if gone:
            for chunk in _chunks(gone):
                conn.execute(sa.delete(schema.clusters).where(schema.clusters.c.cluster_id.in_(chunk)))
        refresh_clusters(conn, {cid for _, cid in self.assigned} | kept)

    def _move_merged(self, gone: list[str]) -> set[str]:
        """Move the stored events of merged clusters (and their records) to the clusters they joined."""
        if not gone:
            return set()
        e = schema.events.c
        updates = []
        for chunk in _chunks(gone):
            for row in self.conn.execute(sa.select(e.id, e.cluster_id, e.record).where(e.cluster_id.in_(chunk))):
                target = self._resolve(row.cluster_id)
                record = dict(row.record)
                record["cluster_id"] = target
                updates.append({"eid": row.id, "cid": target, "rec": record})
        if updates:
            self.conn.execute(sa.update(schema.events).where(e.id == sa.bindparam("eid"))
                              .values(cluster_id=sa.bindparam("cid"), record=sa.bindparam("rec")), updates)
        return {self._resolve(c) for c in gone}


def _own_problem(analysed: AnalysedArticle) -> StoreError | None:
    """What is wrong with an article whatever the store holds (a pipeline bug: E310)."""
    article = analysed.article
    event_ids = [e.id for e in analysed.events]
    strays = [e.id for e in analysed.events if e.article_id != article.id]
    if strays:
        return StoreError(f"event {strays[0]!r} names another article than {article.id!r}: a bug in the "
                          "pipeline, please report it", path=article.origin, code="E310")
    if len(set(event_ids)) != len(event_ids):
        return StoreError(f"article {article.id!r} holds two events with the same id: a bug in the "
                          "pipeline's id scheme, please report it", path=article.origin, code="E310")
    return None


def _article_row(analysed: AnalysedArticle, now: datetime) -> dict[str, Any]:
    from .store import _nul_free

    art = analysed.article
    return _nul_free({
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
        "ingested_at": now,
    })


def _sentence_rows(analysed: AnalysedArticle) -> list[dict[str, Any]]:
    from .store import _nul_free

    art = analysed.article
    return _nul_free([{"article_id": art.id, "index": s.index, "start": s.start, "end": s.end,
                       "section": s.section.value, "text": s.text} for s in analysed.sentences])


def _event_rows(events: list[tuple[Event, str]], features: dict[str, MentionFeatures]
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from .store import _nul_free

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
            "mode": event.mode,
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
            "trigger_lemma": features[event.id].lemma if event.id in features else None,
            "instance_words": " ".join(sorted(features[event.id].markers | features[event.id].ordinals)) or None
            if event.id in features else None,
        })
        # The event's own telling plus those dedup merged into it, each once.
        tellings = {(event.article_id, event.sentence_index, event.span[0], event.span[1]):
                    (event.section.value, event.trigger)}
        for m in event.mentions:
            tellings.setdefault((m.article_id, m.sentence_index, m.span[0], m.span[1]), (m.section.value, m.trigger))
        mentions.extend(
            {"event_id": event.id, "article_id": art, "sentence_index": idx, "span_start": start,
             "span_end": end, "section": section, "trigger": trigger}
            for (art, idx, start, end), (section, trigger) in tellings.items()
        )
    return _nul_free(rows), _nul_free(mentions)


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
_CLUSTER_STATS, _CLUSTER_MENTIONS, _UPDATE_CLUSTER = _cluster_statements()


def refresh_clusters(conn: sa.Connection, cluster_ids: set[str]) -> None:
    """Recount the sources, articles, mentions and first report of ``cluster_ids``."""
    for chunk in _chunks(sorted(cluster_ids)):
        params = {"ids": list(chunk)}
        stats = conn.execute(_CLUSTER_STATS, params).all()
        mentions = {row.cluster_id: row.n for row in conn.execute(_CLUSTER_MENTIONS, params)}
        if stats:
            conn.execute(_UPDATE_CLUSTER, [
                {"cid": row.cluster_id, "ns": row.sources, "na": row.articles, "fr": row.first,
                 "nm": mentions.get(row.cluster_id, 0)}
                for row in stats
            ])
