"""``eventwire eval dedup``: event deduplication and cross-article clustering on ECB+.

ECB+ (Cybulska & Vossen, LREC 2014; read from ``../shared/eval/ecbplus-dev``, never copied) annotates
event mentions (``ACTION_*``, ``NEG_ACTION_*`` markables anchored on tokens) of news documents grouped
in topics, and chains them within a document (``INTRA_DOC_COREF``) and across documents
(``CROSS_DOC_COREF``, one ``note`` instance id per real-world event). A mention in no relation is a
singleton. Gold mentions are kept only in the sentences the corpus lists as exhaustively annotated
(``ECBplus_coreference_sentences.csv``; every sentence when the file is absent).

How we run: each document's tokens become a plain-text article (one sentence a line; the first line
its title, a dateline giving its publication date as the text reader does — else the date is unknown)
that goes through the real pipeline and into a temporary SQLite store, in document order, so that the
store's own cross-article clustering runs. Each of our event mentions (the telling an event was coded
from and every telling dedup merged into it) is mapped to the gold event mentions its trigger overlaps
in the same document.

Figures (flat keys of :attr:`DedupReport.figures`):

- ``gold_mentions``: gold event mentions in the annotated sentences; ``matched_mentions`` and
  ``mention_recall``: those one of our mentions overlaps; ``system_mentions`` / ``mention_precision``:
  our mentions, and the share of them that overlap a gold event mention;
- ``within_*`` and ``cross_*``: MUC, B³ and CEAF-e precision/recall/F1 and their CoNLL average
  (``*_conll_f1``), over the matched gold mentions only (key and response on the same mentions,
  singletons included). Within a document, the response is our dedup event; across documents, our
  store cluster. The gold key restricted to the same mentions is split by document for ``within``.
- ``*_singleton_conll_f1``: the CoNLL F1 of putting every matched mention alone (the floor any
  clustering must beat on the same mentions).
- The same for each half of a fixed hash split of the topics (``tune_*``: the half one may read
  errors of while tuning; ``frozen_*``: the half one only measures).

Error codes: E525 the path cannot be read or holds no ECB+ document, E526 a document is not valid
ECB+ XML, E527 a topic selection that cannot be used.
"""

from __future__ import annotations

import csv
import logging
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvaluationError
from ..models import AnalysedArticle, RawRecord, Rejection
from .coref import coref_scores, group
from .plover import record_half

log = logging.getLogger(__name__)

# The topic split of Cybulska & Vossen (2015), reused by Barhom et al. (2019) and later work.
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
TEST_TOPICS = tuple(range(36, 46))
_DOC_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
_ANNOTATED_FILE = "ECBplus_coreference_sentences.csv"

MentionKey = tuple[str, str]  # (document name, markable id)


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True, slots=True)
class GoldMention:
    key: MentionKey
    sentence: int
    tokens: tuple[int, ...]  # token ids (t_id)
    cluster: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str  # "12_1ecbplus"
    topic: int
    tokens: dict[int, tuple[int, str]]  # t_id -> (sentence, text)
    mentions: tuple[GoldMention, ...]


def _is_event_tag(tag: str) -> bool:
    return tag.startswith(("ACTION_", "NEG_ACTION_"))


def read_document(path: Path, annotated: set[int] | None = None) -> GoldDocument:
    """One ECB+ document; ``annotated`` (sentence numbers) keeps only the mentions of those sentences."""
    m = _DOC_NAME.match(path.name)
    if m is None:
        raise EvaluationError("not an ECB+ document name (<topic>_<n>ecb[plus].xml)", path=str(path), code="E526")
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise EvaluationError(f"cannot read the document: {exc.strerror}", path=str(path), code="E525") from exc
    except ET.ParseError as exc:
        raise EvaluationError(f"not valid XML: {exc}", path=str(path), code="E526") from exc
    tokens: dict[int, tuple[int, str]] = {}
    for tok in root.iter("token"):
        try:
            tokens[int(tok.get("t_id", ""))] = (int(tok.get("sentence", "")), tok.text or "")
        except ValueError as exc:
            raise EvaluationError("a <token> without numeric t_id and sentence", path=str(path),
                                  code="E526") from exc
    name = path.name[: -len(".xml")]
    anchors, instances = _markables(root)
    chains = _chains(root, name, instances)
    mentions = []
    for m_id, tids in anchors.items():
        if any(t not in tokens for t in tids):
            raise EvaluationError(f"markable {m_id} anchors a token that does not exist", path=str(path),
                                  code="E526")
        sentence = tokens[tids[0]][0]
        if annotated is not None and sentence not in annotated:
            continue
        mentions.append(GoldMention((name, m_id), sentence, tids, chains.get(m_id, f"{name}:{m_id}")))
    mentions.sort(key=lambda g: g.tokens)
    return GoldDocument(name=name, topic=int(m.group(1)), tokens=tokens, mentions=tuple(mentions))


def _markables(root: ET.Element) -> tuple[dict[str, tuple[int, ...]], dict[str, str]]:
    """Event markables with token anchors (m_id -> token ids), and descriptor m_id -> instance id."""
    anchors: dict[str, tuple[int, ...]] = {}
    instances: dict[str, str] = {}
    markables = root.find("Markables")
    for el in markables if markables is not None else ():
        m_id = el.get("m_id")
        if m_id is None or not _is_event_tag(el.tag):
            continue
        tids = tuple(sorted(int(a.get("t_id", "0")) for a in el.iter("token_anchor")))
        if tids:
            anchors[m_id] = tids
        elif el.get("instance_id"):
            instances[m_id] = str(el.get("instance_id"))
    return anchors, instances


def _chains(root: ET.Element, doc: str, instances: dict[str, str]) -> dict[str, str]:
    """Anchored m_id -> gold cluster id: the cross-document instance, else the in-document chain."""
    out: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else ():
        if rel.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        target = rel.find("target")
        t_id = target.get("m_id") if target is not None else None
        if rel.tag == "CROSS_DOC_COREF":
            cluster = rel.get("note") or (instances.get(t_id or "") or f"{doc}:rel{rel.get('r_id')}")
        else:
            cluster = instances.get(t_id or "") or f"{doc}:intra{rel.get('r_id')}"
        for src in rel.iter("source"):
            if src.get("m_id"):
                out[str(src.get("m_id"))] = cluster
    return out


def select_topics(spec: str) -> set[int] | None:
    """``dev`` (default), ``test``, ``all`` (None) or a comma list of topic numbers."""
    text = spec.strip().lower()
    if text == "all":
        return None
    if text == "dev":
        return set(DEV_TOPICS)
    if text == "test":
        return set(TEST_TOPICS)
    try:
        chosen = {int(x) for x in text.split(",") if x.strip()}
    except ValueError as exc:
        raise EvaluationError(f"topics must be dev, test, all or numbers like 2,5,12, not {spec!r}",
                              code="E527") from exc
    if not chosen:
        raise EvaluationError("no topic chosen: give dev, test, all or numbers like 2,5,12", code="E527")
    return chosen


def read_corpus(path: Path, topics: set[int] | None = None) -> list[GoldDocument]:
    """The ECB+ documents under ``path`` (the folder holding ``ECB+/`` or ``ECB+/`` itself), in topic
    and document order."""
    root = path / "ECB+" if (path / "ECB+").is_dir() else path
    if not root.is_dir():
        raise EvaluationError("no such ECB+ directory", path=str(path), code="E525")
    annotated = _annotated_sentences(path / _ANNOTATED_FILE)
    docs = []
    for file in sorted(root.glob("*/*.xml"), key=_doc_order):
        m = _DOC_NAME.match(file.name)
        if m is None or (topics is not None and int(m.group(1)) not in topics):
            continue
        sentences = annotated.get(file.name[: -len(".xml")]) if annotated is not None else None
        docs.append(read_document(file, sentences if sentences is not None else (set() if annotated else None)))
    if not docs:
        raise EvaluationError("no ECB+ documents (<topic>/<topic>_<n>ecb[plus].xml) for these topics",
                              path=str(path), code="E525")
    return docs


def _doc_order(file: Path) -> tuple[int, int, int, str]:
    m = _DOC_NAME.match(file.name)
    if m is None:
        return (1 << 30, 0, 0, file.name)
    return (int(m.group(1)), m.group(3) == "ecbplus", int(m.group(2)), file.name)


def _annotated_sentences(csv_path: Path) -> dict[str, set[int]] | None:
    if not csv_path.is_file():
        return None
    out: dict[str, set[int]] = defaultdict(set)
    try:
        with csv_path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    except (OSError, KeyError, ValueError) as exc:
        raise EvaluationError(f"cannot read the annotated-sentence list: {exc}", path=str(csv_path),
                              code="E526") from exc
    return out


# --------------------------------------------------------------------------- text


_NO_SPACE_BEFORE = frozenset({".", ",", ":", ";", "?", "!", "%", ")", "]", "}", "'s", "'S", "n't", "'re", "'ve",
                              "'ll", "'d", "'m", "''", "'"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$"})
_QUOTES = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}
# The cleaner straightens typographic quotes; doing it here keeps the built text and the article equal.
_STRAIGHT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\t": " "})


def _surface(token: str) -> str:
    return _QUOTES.get(token, token).translate(_STRAIGHT).strip() or token


def document_text(doc: GoldDocument) -> tuple[str, dict[int, tuple[int, int]]]:
    """The document as plain text (one sentence a line) and each token's character span in it."""
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    pos = 0
    prev_sentence: int | None = None
    prev = ""
    for t_id in sorted(doc.tokens):
        sentence, raw = doc.tokens[t_id]
        text = _surface(raw)
        if prev_sentence is not None and sentence != prev_sentence:
            sep = "\n"
        elif prev_sentence is None or text in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER or "-" in (text, prev):
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        spans[t_id] = (pos, pos + len(text))
        parts.append(text)
        pos += len(text)
        prev_sentence, prev = sentence, text
    return "".join(parts), spans


def align(source: str, target: str, spans: dict[int, tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """Token spans in ``source`` carried over to ``target`` (the cleaned text), token by token in order;
    a token the cleaning changed beyond recognition is left out."""
    if source == target:
        return spans
    out: dict[int, tuple[int, int]] = {}
    pos = 0
    for t_id in sorted(spans, key=lambda t: spans[t]):
        start, end = spans[t_id]
        word = source[start:end]
        found = target.find(word, pos, pos + len(word) + 40)
        if found < 0:
            continue
        out[t_id] = (found, found + len(word))
        pos = found + len(word)
    return out


# --------------------------------------------------------------------------- our side


@dataclass(frozen=True, slots=True)
class SystemMention:
    event_id: str  # the dedup event holding this telling
    start: int
    end: int


def event_tellings(analysed: AnalysedArticle) -> list[SystemMention]:
    """Every telling of every event, as the character span of its trigger in the article text."""
    text = analysed.article.text
    out: list[SystemMention] = []
    for event in analysed.events:
        seen: set[tuple[int, int]] = set()
        own = (event.sentence_index, event.span)
        for m in event.mentions or ():
            if (m.sentence_index, m.span) == own and m.trigger == event.trigger:
                span = event.trigger_span
            else:
                found = _trigger_in(text, m.span, m.trigger)
                if found is None:
                    continue
                span = found
            if span not in seen:
                seen.add(span)
                out.append(SystemMention(event.id, span[0], span[1]))
        if not event.mentions and event.trigger_span not in seen:
            out.append(SystemMention(event.id, *event.trigger_span))
    return out


def _trigger_in(text: str, span: tuple[int, int], trigger: str) -> tuple[int, int] | None:
    words = trigger.split()
    if not words:
        return None
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b"
    m = re.compile(pattern).search(text, span[0], span[1])
    return (m.start(), m.end()) if m else None


# --------------------------------------------------------------------------- run and score


@dataclass(frozen=True, slots=True)
class Matched:
    """A gold mention we matched: its gold chain and our dedup event (whose store cluster is read once
    every document is stored: a later article may merge the clusters of earlier ones)."""

    key: MentionKey
    topic: int
    gold: str
    event: str


@dataclass(frozen=True, slots=True)
class DocumentOutcome:
    """What one document gave: the gold mentions we matched, our tellings, those on a gold mention."""

    doc: GoldDocument
    matched: tuple[Matched, ...] = ()
    tellings: int = 0
    on_gold: int = 0
    rejection: Rejection | None = None


@dataclass(slots=True)
class DedupReport:
    figures: dict[str, Any] = field(default_factory=dict)

    def to_text(self) -> str:
        f = self.figures
        lines = [
            (f"Event coreference on ECB+ {f['path']} (topics {f['topics']}: {f['documents']} documents, "
            f"{f['rejected']} rejected)"),
            (f"  gold event mentions {f['gold_mentions']}; matched {f['matched_mentions']} "
            f"(mention recall {f['mention_recall']:.3f}); our mentions {f['system_mentions']} "
            f"(on a gold mention: {f['mention_precision']:.3f})"),
        ]
        for scope in ("within", "cross"):
            lines.append(
                f"  {scope:6}  MUC {f[scope + '_muc_f1']:.3f}  B3 {f[scope + '_b3_f1']:.3f}  "
                f"CEAF-e {f[scope + '_ceafe_f1']:.3f}  CoNLL {f[scope + '_conll_f1']:.3f}  "
                f"(all-singletons CoNLL {f[scope + '_singleton_conll_f1']:.3f})"
            )
        for half in ("tune", "frozen"):
            lines.append(
                f"  {half:6} half: topics {f[half + '_topics']} matched {f[half + '_matched_mentions']}/"
                f"{f[half + '_gold_mentions']} within CoNLL {f[half + '_within_conll_f1']:.3f} "
                f"cross CoNLL {f[half + '_cross_conll_f1']:.3f}"
            )
        return "\n".join(lines)


def match_document(doc: GoldDocument, analysed: AnalysedArticle) -> DocumentOutcome:
    """The gold mentions of ``doc`` our tellings overlap (the first telling in text order for each)."""
    built, spans = document_text(doc)
    spans = align(built, analysed.article.text, spans)
    tellings = sorted(event_tellings(analysed), key=lambda t: (t.start, t.event_id))
    matched: list[Matched] = []
    on_gold: set[int] = set()
    for g in doc.mentions:
        chars = [spans[t] for t in g.tokens if t in spans]
        for n, t in enumerate(tellings):
            if any(s < t.end and t.start < e for s, e in chars):
                on_gold.add(n)
                if not matched or matched[-1].key != g.key:
                    matched.append(Matched(g.key, doc.topic, g.cluster, t.event_id))
    return DocumentOutcome(doc, tuple(matched), len(tellings), len(on_gold))


def _scores(matched: Sequence[Matched], clusters: dict[str, str]) -> dict[str, float]:
    out: dict[str, float] = {}
    alone = [frozenset({m.key}) for m in matched]
    for scope in ("within", "cross"):
        if scope == "within":  # a gold chain and our clusters never leave a document here
            key = group({m.key: f"{m.key[0]}\x1f{m.gold}" for m in matched})
            response = group({m.key: f"{m.key[0]}\x1f{m.event}" for m in matched})
        else:
            key = group({m.key: m.gold for m in matched})
            response = group({m.key: clusters.get(m.event, m.event) for m in matched})
        for name, value in coref_scores(key, response).items():
            out[f"{scope}_{name}"] = round(value, 4)
        out[f"{scope}_singleton_conll_f1"] = round(coref_scores(key, alone)["conll_f1"], 4)
        out[f"{scope}_gold_chains"] = len(key)
        out[f"{scope}_system_chains"] = len(response)
    return out


def topic_half(topic: int) -> str:
    """``tune`` or ``frozen``: a stable half of the topics by a hash of the topic number."""
    return record_half(f"ecb+topic:{topic}")


def run_documents(docs: Sequence[GoldDocument], settings: Settings) -> tuple[list[DocumentOutcome], dict[str, str]]:
    """Each document through the pipeline and into one temporary SQLite store, in order (clustering
    sees the earlier documents); then every stored event's final cluster."""
    from ..api import build_pipeline
    from ..clean import title_of
    from ..ingest import find_dateline
    from ..store import Store

    pipe = build_pipeline(settings)
    outcomes: list[DocumentOutcome] = []
    with tempfile.TemporaryDirectory(prefix="eventwire-ecb-") as tmp, Store.open(str(Path(tmp) / "ecb.db")) as store:
        for doc in docs:
            text, _ = document_text(doc)
            published = find_dateline(text)
            record = RawRecord(origin=f"{doc.name}.xml", text=text, title=title_of(text), published=published,
                               published_source="dateline" if published else None, record_id=doc.name)
            (item,) = list(pipe.run([record]))
            if isinstance(item, Rejection):
                log.warning("%s rejected: [%s] %s", doc.name, item.code, item.reason)
                outcomes.append(DocumentOutcome(doc, rejection=item))
                continue
            store.save_article(item)
            outcomes.append(match_document(doc, item))
        clusters = {r["id"]: r["cluster_id"] for r in store.events()}
    return outcomes, clusters


def evaluate_dedup(path: Path, settings: Settings, *, topics: str = "dev") -> DedupReport:
    """Score our dedup and clustering on the ECB+ documents of ``topics`` under ``path``."""
    docs = read_corpus(Path(path), select_topics(topics))
    return score_outcomes(Path(path), *run_documents(docs, settings))


def score_outcomes(path: Path, outcomes: Sequence[DocumentOutcome], clusters: dict[str, str]) -> DedupReport:
    """The figures (module docstring) of the documents' outcomes, given our events' store clusters."""
    matched = [m for o in outcomes for m in o.matched]
    gold_by_topic: dict[int, int] = defaultdict(int)
    for o in outcomes:
        gold_by_topic[o.doc.topic] += len(o.doc.mentions)
    gold = sum(gold_by_topic.values())
    system = sum(o.tellings for o in outcomes)
    on_gold = sum(o.on_gold for o in outcomes)
    figures: dict[str, Any] = {
        "path": str(path), "topics": ",".join(str(t) for t in sorted(gold_by_topic)), "documents": len(outcomes),
        "rejected": sum(o.rejection is not None for o in outcomes), "gold_mentions": gold,
        "matched_mentions": len(matched), "mention_recall": round(len(matched) / gold, 4) if gold else 0.0,
        "system_mentions": system, "mention_precision": round(on_gold / system, 4) if system else 0.0,
        **_scores(matched, clusters),
    }
    for half in ("tune", "frozen"):
        chosen = sorted(t for t in gold_by_topic if topic_half(t) == half)
        mine = [m for m in matched if topic_half(m.topic) == half]
        figures[f"{half}_topics"] = ",".join(map(str, chosen))
        figures[f"{half}_gold_mentions"] = sum(gold_by_topic[t] for t in chosen)
        figures[f"{half}_matched_mentions"] = len(mine)
        figures.update({f"{half}_{k}": v for k, v in _scores(mine, clusters).items()})
    return DedupReport(figures)
