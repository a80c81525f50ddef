"""Wires the stages: a pure function from a batch of raw records to analysed articles (or rejections).

    ingest → clean → segment → tokenise → actors → [may hold an event?] → parse → events
           → time → certainty → places → fill → dedup → parties → scorer

Resources (spaCy, dictionaries, gazetteer) are loaded once in :class:`Pipeline`. Every stage is a
callable ``AnalysedArticle -> AnalysedArticle``; none of them touches a database, the CLI or ray.
A record that fails at any stage becomes a :class:`~eventwire.models.Rejection` and never stops the batch.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial

from spacy.tokens import Doc

from .actors import ActorResolver
from .actors.document import DocumentModel, may_refer
from .certainty import CertaintyTagger
from .clean import clean_record
from .config import Settings
from .dedup import EventMerger
from .errors import EventwireError
from .events import EventCoder
from .events.filler import ArgumentFiller
from .events.groups import named_mentions
from .events.parties import require_parties, states_as_governments
from .events.scorer import EventScorer
from .models import AnalysedArticle, Article, RawRecord, Rejection
from .parse import Parser, known_names, load_language
from .places import PlaceResolver
from .segment import segment
from .time import TimeTagger

log = logging.getLogger(__name__)


Stage = Callable[[AnalysedArticle], AnalysedArticle]


class Pipeline:
    """Load every resource once; then :meth:`run` turns batches of raw records into analysed articles."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        nlp = load_language(settings.spacy_model)
        self.parser = Parser(nlp, batch_size=settings.batch_size, n_process=settings.n_process)
        self.actors = ActorResolver(settings, nlp.vocab)
        self.document = DocumentModel()
        self.events = EventCoder(settings, nlp.vocab)
        self.after_events: Sequence[tuple[str, Stage]] = (
            ("time", TimeTagger(settings)),
            ("certainty", CertaintyTagger(settings)),
            ("places", PlaceResolver(settings)),
            ("fill", ArgumentFiller()),
            ("dedup", EventMerger.from_settings(settings)),
            ("parties", require_parties),
            ("scorer", EventScorer()),
            ("governments", states_as_governments),
        )
        # the resources just loaded live as long as the process: out of the cyclic collector's full scans
        # (one of them cost ~0.2 s over 300 articles), and shared rather than copied by forked workers
        gc.freeze()

    # -- one article at a time, up to the parse
    def prepare(self, record: RawRecord) -> AnalysedArticle:
        article = clean_record(record, self.settings)
        return self.prepare_article(article)

    def prepare_article(self, article: Article) -> AnalysedArticle:
        sentences = segment(article)
        analysed = AnalysedArticle(article=article, sentences=sentences, docs=self.parser.tokenize(sentences))
        return self.actors(analysed)

    def to_parse(self, analysed: AnalysedArticle) -> list[int]:
        """Sentences worth parsing (DESIGN §1 parse): an event needs a trigger and at least one actor
        mention (the event coder drops the rest), so a sentence lacking either is never parsed. A mention
        the coder itself makes counts: "the two men" for two people named in an earlier sentence."""
        with_actor = {m.sentence for m in analysed.mentions}
        first_person = min((m.sentence for m in named_mentions(analysed.mentions)), default=None)
        first_mention = min(with_actor, default=None)

        def has_actor(i: int, doc: Doc) -> bool:
            return i in with_actor or self.events.may_name_pair(doc, first_person is not None and first_person < i) \
                or (first_mention is not None and first_mention <= i and may_refer(doc))

        return [i for i, doc in analysed.docs.items() if has_actor(i, doc) and self.events.may_hold_event(doc)]

    def stages_after_parse(self) -> list[tuple[str, Stage]]:
        """The stages an article goes through once parsed, by name, in order."""
        return [("document", self.document), ("events", self.events), *self.after_events]

    def finish(self, analysed: AnalysedArticle) -> AnalysedArticle:
        for _, stage in self.stages_after_parse():
            analysed = stage(analysed)
        return analysed

    def _finish_guarded(self, analysed: AnalysedArticle) -> AnalysedArticle | Rejection:
        """:meth:`finish`, a failure recorded as a rejection under the name of the stage that failed."""
        article = analysed.article
        for name, stage in self.stages_after_parse():
            result = self._guard(article.origin, name, partial(stage, analysed), article.id, article.raw)
            if isinstance(result, Rejection):
                return result
            analysed = result
        return analysed

    # -- batches
    def run(self, records: Iterable[RawRecord | Article | Rejection]) -> Iterator[AnalysedArticle | Rejection]:
        """Analyse a batch. Yields one AnalysedArticle or Rejection per input item, in order.

        Items may be raw records or already-cleaned articles (the runner cleans first to skip articles
        the store already holds)."""
        prepared: list[AnalysedArticle | Rejection] = []
        for record in records:
            if isinstance(record, Rejection):
                prepared.append(record)
            elif isinstance(record, Article):
                prepared.append(self._guard(record.origin, "segment", partial(self.prepare_article, record),
                                            record.id, record.raw))
            else:
                prepared.append(self._guard(record.origin, "clean", partial(self.prepare, record),
                                            raw=record.raw if record.raw is not None else record.text))
        ready = iter(self._parse_guarded([p for p in prepared if isinstance(p, AnalysedArticle)]))
        prepared = [p if isinstance(p, Rejection) else next(ready) for p in prepared]
        for item in prepared:
            yield item if isinstance(item, Rejection) else self._finish_guarded(item)

    def analyse(self, record: RawRecord | Article) -> AnalysedArticle:
        """One record, raising on failure (for tests and ``inspect`` on a single input)."""
        prepared = self.prepare_article(record) if isinstance(record, Article) else self.prepare(record)
        (analysed,) = self._parse_batch([prepared])
        return self.finish(analysed)

    def _parse_guarded(self, batch: list[AnalysedArticle]) -> list[AnalysedArticle | Rejection]:
        """:meth:`_parse_batch`; if the batch fails, each article is parsed alone, so that one article the
        parser cannot take is rejected (stage ``parse``) and the others go on."""
        try:
            return list(self._parse_batch(batch))
        except Exception:  # noqa: BLE001 - retried one by one below, where each failure is recorded
            log.warning("parsing a batch of %d articles failed; parsing them one by one", len(batch))
        out: list[AnalysedArticle | Rejection] = []
        for analysed in batch:
            a = analysed.article
            out.append(self._guard(a.origin, "parse", partial(lambda x: self._parse_batch([x])[0], analysed), a.id,
                                   a.raw))
        return out

    def _parse_batch(self, batch: list[AnalysedArticle]) -> list[AnalysedArticle]:
        """Parse the chosen sentences of every article of the batch in one ``nlp.pipe`` call."""
        keys: list[tuple[int, int]] = []
        docs: list[Doc] = []
        names: list[frozenset[int]] = []
        for n, analysed in enumerate(batch):
            for i in self.to_parse(analysed):
                keys.append((n, i))
                docs.append(analysed.docs[i])
                # a Title Case sentence is parsed from a sentence-cased copy that keeps these names
                names.append(known_names(analysed, i, self.actors.lexicon))
        parsed = self.parser.parse(docs, names)
        new_docs = [dict(a.docs) for a in batch]
        chosen: list[set[int]] = [set() for _ in batch]
        for (n, i), doc in zip(keys, parsed, strict=True):
            new_docs[n][i] = doc
            chosen[n].add(i)
        return [
            dataclasses.replace(a, docs=new_docs[n], parsed=frozenset(chosen[n]))
            for n, a in enumerate(batch)
        ]

    @staticmethod
    def _guard(origin: str, stage: str, fn: Callable[[], AnalysedArticle], article_id: str | None = None,
               raw: str | None = None) -> AnalysedArticle | Rejection:
        """Run one article through ``fn``; a failure becomes a Rejection that keeps the raw text."""
        try:
            return fn()
        except EventwireError as exc:
            return Rejection(origin=origin, stage=stage, code=exc.code, reason=exc.message,
                             article_id=article_id, raw=raw)
        except Exception as exc:  # a bug in one stage must not lose the article nor stop the batch
            log.exception("stage %s failed on %s", stage, origin)
            return Rejection(origin=origin, stage=stage, code="E900", reason=f"internal error: {exc!r}",
                             article_id=article_id, raw=raw)
