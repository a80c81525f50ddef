"""Per-stage speed figures that tests must not time: segmentation of a huge block, the time tagger's
sentences/s, the gazetteer and actor-dictionary load times.

    python benchmarks/stages.py
"""

from __future__ import annotations

import time
from datetime import date


def _timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main() -> int:
    from eventwire.config import load_settings
    from eventwire.ids import content_hash
    from eventwire.models import Article, Block, Section
    from eventwire.segment import segment
    from eventwire.time import tag

    text = "The convoy moved slowly past the checkpoints. " * 40_000
    article = Article(id="b", content_hash=content_hash(text), text=text, raw=text, origin="<bench>",
                      blocks=(Block(Section.BODY, 0, len(text)),))
    sentences, s = _timed(lambda: segment(article))
    print(f"segment: {len(sentences)} sentences of a 1.8 MB block in {s:.2f} s")

    probe = [
        "The delegation arrived in the capital on Tuesday for two days of talks.",
        "Officials said the agreement, signed last year, would be extended in March.",
        "Nothing in this sentence refers to a time at all, as far as anyone can tell.",
    ] * 500
    _, s = _timed(lambda: [tag(x, date(2025, 6, 17)) for x in probe])
    print(f"time tagger: {len(probe) / s:,.0f} sentences/s")

    from eventwire.places.gazetteer import Gazetteer

    _, s = _timed(Gazetteer)
    print(f"gazetteer load: {s:.2f} s")

    import spacy

    from eventwire.actors import ActorResolver

    vocab = spacy.blank("en").vocab
    _, s = _timed(lambda: ActorResolver(load_settings(environ={}), vocab))
    print(f"actor dictionaries load: {s:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
