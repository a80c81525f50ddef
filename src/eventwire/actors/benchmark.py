"""Measure the actors stage: load time, mentions per second, and recall of PLOVER gold actor codes.

    python -m eventwire.actors.benchmark [--shared ../shared] [--errors]

* speed (CPU time of this process): every non-empty line of ``eval/news-india-police-2002/docs.jsonl`` (field ``doc_text``),
  split into sentences by the pipeline's segmenter (one block per line) and tokenised with ``nlp.make_doc``;
* recall: on ``eval/plover-gsr-dev.json``, the fraction of gold source/target actors for which we
  produce a mention that overlaps the gold ``actorText`` and carries the gold country code (``code``),
  and the same with the sector too where the gold has one. Records are split by a stable hash of their
  id into a *tune* half (looked at while writing rules) and a *frozen* half (only measured).

``--errors`` lists the tune half's misses (gold actor text and code, then our overlapping mentions) and
nothing of the frozen half.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

from ..config import Settings
from ..gold_codes import lenient_codes
from ..ids import content_hash
from ..models import AnalysedArticle, Article, Block, Mention, Section, Sentence
from ..segment import segment
from .resolver import ActorResolver

# PLOVER's gold files code the UN as IGO; PLOVER's own table gives it UNO. Both readings are reported:
# the lenient one as the PLOVER evaluation reads the gold (its umbrella codes and non-ISO aliases,
# eventwire.gold_codes: shared with evaluation/, which a stage does not import).


def build_article(nlp: Any, text: str, published: date | None = None) -> AnalysedArticle:
    """One sentence per non-empty line, tokenised only (what the actors stage sees in the pipeline)."""
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            sentences.append(Sentence(len(sentences), pos, pos + len(line), line, Section.BODY))
        pos += len(line) + 1
    h = content_hash(text)
    article = Article(id=h, content_hash=h, text=text, raw=text, origin="<benchmark>", published=published)
    return AnalysedArticle(article=article, sentences=tuple(sentences),
                           docs={s.index: nlp.make_doc(s.text) for s in sentences})


def build_segmented(nlp: Any, text: str, published: date | None = None) -> AnalysedArticle:
    """Sentences as the pipeline's segmenter splits them (one block per non-empty line): the speed figure
    then counts the per-sentence costs the pipeline pays."""
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(Section.BODY, pos, pos + len(line)))
        pos += len(line) + 1
    h = content_hash(text)
    article = Article(id=h, content_hash=h, text=text, raw=text, origin="<benchmark>", published=published,
                      blocks=tuple(blocks))
    sentences = segment(article)
    return AnalysedArticle(article=article, sentences=sentences,
                           docs={s.index: nlp.make_doc(s.text) for s in sentences})


def half(record_id: str) -> str:
    return "frozen" if int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % 2 else "tune"


@dataclass
class Recall:
    gold: int = 0
    country: int = 0
    country_lenient: int = 0
    sector_gold: int = 0
    sector: int = 0

    def figures(self, prefix: str) -> dict[str, float | int]:
        return {
            f"{prefix}_gold_actors": self.gold,
            f"{prefix}_country_recall": round(self.country / self.gold, 3) if self.gold else 0.0,
            f"{prefix}_country_recall_lenient": round(self.country_lenient / self.gold, 3) if self.gold else 0.0,
            f"{prefix}_sector_recall": round(self.sector / self.sector_gold, 3) if self.sector_gold else 0.0,
        }

    def count(self, gold: dict[str, Any], over: list[Mention]) -> bool:
        """Count one gold actor against our mentions that overlap it; True when one has its country (as the
        PLOVER evaluation reads the gold code)."""
        self.gold += 1
        countries = {m.actor.country for m in over} | {x.country for m in over for x in m.actor.members}
        code = gold.get("code")
        if code in countries:
            self.country += 1
        found = bool(countries & lenient_codes(code or ""))
        if found:
            self.country_lenient += 1
        sector = (gold.get("sector") or "")[:3]
        if sector and sector != "***":
            self.sector_gold += 1
            if any(m.actor.country == code and m.actor.sector == sector for m in over):
                self.sector += 1
        return found


@dataclass
class Miss:
    """A tune-half gold actor we did not code with its country: what the gold says and what we read."""

    record: str
    field: str
    text: str
    code: str | None
    sector: str | None
    ours: list[str]

    def line(self) -> str:
        ours = "; ".join(self.ours) or "-"
        return f"{self.record}\t{self.field}\t{self.text!r}\t{self.code}/{self.sector or ''}\t{ours}"


def gold_actors(record: dict[str, Any], text: str) -> Iterator[tuple[str, dict[str, Any], int, int]]:
    """(field, gold actor, start, end) of each gold source and target actor whose text the sentence holds."""
    for field in ("source", "target"):
        for g in record.get(field) or []:
            if not isinstance(g, dict) or not g.get("actorText"):
                continue
            start = text.find(g["actorText"])
            if start >= 0:
                yield field, g, start, start + len(g["actorText"])


def plover_recall(resolver: ActorResolver, nlp: Any, records: Iterable[dict[str, Any]],
                  misses: list[Miss] | None = None) -> dict[str, Recall]:
    """Recall per half; tune-half misses go to ``misses`` when given (never the frozen half's)."""
    out = {"tune": Recall(), "frozen": Recall()}
    for r in records:
        text = r.get("text")
        if not isinstance(text, str):
            continue
        text = text.replace("\n", " ")
        day = date.fromisoformat(r["date"]) if r.get("date") else None
        mentions = resolver(build_article(nlp, text, day)).mentions
        part = half(r["id"])
        for field, g, start, end in gold_actors(r, text):
            over = [m for m in mentions if m.start < end and start < m.end]
            if not out[part].count(g, over) and misses is not None and part == "tune":
                ours = [f"{m.text!r}={m.actor.code or '-'}({m.evidence})" for m in over]
                misses.append(Miss(r["id"], field, g["actorText"], g.get("code"), g.get("sector"), ours))
    return out


def main() -> None:
    from ..parse import load_language

    ap = argparse.ArgumentParser(description="Measure the actors stage.")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3].parent / "shared")
    ap.add_argument("--limit", type=int, default=400, help="news documents for the speed figure")
    ap.add_argument("--errors", action="store_true",
                    help="list the tune half's misses (gold text, gold code, our mentions) after the figures")
    args = ap.parse_args()
    nlp = load_language(Settings().spacy_model)
    t0, c0 = perf_counter(), process_time()
    resolver = ActorResolver(Settings(), nlp.vocab)
    # CPU seconds too: on a shared machine the wall clock measures the neighbours
    figures: dict[str, Any] = {"load_seconds": round(perf_counter() - t0, 3),
                               "load_cpu_seconds": round(process_time() - c0, 3)}
    docs = []
    with open(args.shared / "eval" / "news-india-police-2002" / "docs.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.limit:
                break
            docs.append(json.loads(line)["doc_text"])
    articles = [build_segmented(nlp, d) for d in docs]
    t0 = process_time()
    count = sum(len(resolver(a).mentions) for a in articles)
    elapsed = process_time() - t0
    tokens = sum(len(doc) for a in articles for doc in a.docs.values())
    figures.update({"news_docs": len(articles), "news_sentences": sum(len(a.sentences) for a in articles),
                    "news_mentions": count, "cpu_seconds_per_100_docs": round(100 * elapsed / len(articles), 3),
                    "mentions_per_second": round(count / elapsed), "tokens_per_second": round(tokens / elapsed)})
    with open(args.shared / "eval" / "plover-gsr-dev.json", encoding="utf-8") as fh:
        records = json.load(fh)
    misses: list[Miss] | None = [] if args.errors else None
    for name, rec in plover_recall(resolver, nlp, records, misses).items():
        figures.update(rec.figures(f"plover_{name}"))
    print(json.dumps(figures, indent=2))
    for miss in misses or ():
        print(miss.line())


if __name__ == "__main__":
    main()
