"""Cross-article clustering cost (issue 11): synthetic event records loaded into a fresh SQLite store in
batches; prints the seconds each batch took as the store grows. Candidates are blocked by date window and
by countries (``store.clustering``), so the time per batch should stay flat.

    python benchmarks/cluster_cost.py [--events 100000] [--batch 1000] [--per-article 5] [--seed 11]

Each synthetic article tells ``--per-article`` events: a PLOVER type, a source and target among 60
countries, a day among two years; so a stored event finds a few earlier events of its type, dyad and day
and the clusters grow as they would over a real feed. Every candidate the rules block is then graded by the
coreference pair model (lexical, ``store.batch``).

Measured (SQLite, the shared 2-core machine at load 3-4, median of ten batches of 1000 events): 0.61 s
per batch around 10k stored events, 0.90 s around 100k, with the pair model (issue 11); the rule alone
took 0.46 s and 0.59 s at a lighter load.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.ids import content_hash
from eventwire.models import (
    Actor,
    AnalysedArticle,
    Article,
    Block,
    Certainty,
    Event,
    EventDate,
    EventType,
    Precision,
    Section,
    Sentence,
    Status,
)
from eventwire.store import Store

COUNTRIES = [f"C{n:02d}" for n in range(60)]
START = date(2024, 1, 1)


def article(n: int, per_article: int, rng: random.Random) -> AnalysedArticle:
    lines = [f"Synthetic report {n}"] + [f"Event {k} of report {n} was told here." for k in range(per_article)]
    text = "\n".join(lines)
    h = content_hash(text)
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, pos, pos + len(line), line, Section.HEADLINE if i == 0 else Section.BODY))
        pos += len(line) + 1
    day = START + timedelta(days=rng.randrange(730))
    art = Article(id=h, content_hash=h, text=text, raw=text, origin=f"synthetic-{n}.txt", title=lines[0],
                  published=day, published_source="record", url=None, source=f"Outlet {n % 40}",
                  blocks=(Block(Section.HEADLINE, 0, len(lines[0])), Block(Section.BODY, len(lines[0]) + 1, len(text))),
                  metadata={})
    events = []
    types = list(EventType)
    for k in range(per_article):
        s = sentences[k + 1]
        src, tgt = rng.sample(COUNTRIES, 2)
        when = (day - timedelta(days=rng.randrange(3))).isoformat()
        events.append(Event(
            id=content_hash(h, k), article_id=h, type=rng.choice(types), sentence_index=s.index, sentence=s.text,
            span=(s.start, s.end), trigger="told", trigger_span=(s.start, s.start + 5), trigger_token=0,
            evidence="synthetic", section=Section.BODY, cameo="010", goldstein=0.0, quad_class=1,
            source=Actor(text=src, name=src, code=f"{src}GOV", country=src, sector="GOV"),
            target=Actor(text=tgt, name=tgt, code=f"{tgt}GOV", country=tgt, sector="GOV"),
            date=EventDate(value=when, precision=Precision.DAY, text="on Monday", earliest=when, latest=when),
            status=Status.OCCURRED, certainty=Certainty.CERTAIN))
    return AnalysedArticle(article=art, sentences=tuple(sentences), events=tuple(events))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000, help="events per batch")
    parser.add_argument("--per-article", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    per_batch = max(1, args.batch // args.per_article)
    stored = 0
    n = 0
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "bench.db")) as store:
        while stored < args.events:
            batch = [article(n + i, args.per_article, rng) for i in range(per_batch)]
            n += per_batch
            start = time.perf_counter()
            store.save_articles(batch)
            took = time.perf_counter() - start
            stored += per_batch * args.per_article
            print(f"{stored:>7} events stored  batch of {per_batch * args.per_article} in {took:.2f} s", flush=True)


if __name__ == "__main__":
    main()
