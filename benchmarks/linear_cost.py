"""Time per word of the whole pipeline (and the store) on inputs of 1k, 10k and 100k words: an article's
cost should grow about linearly with its length (issue 12, "super-linear cost").

Three shapes of input, written here (no third-party text):

- ``repeated``: one short news sentence with actors and an event, told again and again (the shape that
  once took 596 s for 1.1 MB);
- ``varied``: a rotation of twelve different short news sentences;
- ``one-sentence``: a single sentence of the given length, with no full stop in it.

For each it prints the seconds per 1,000 words of every stage (clean, segment, tokenise, actors, parse,
then each stage after the parse, then saving to a SQLite store) and in total, and the ratio of the
100k-word cost per word to the 1k-word one (about 1 is linear; 10 would be quadratic).

    python benchmarks/linear_cost.py                 # all shapes, 1k, 10k, 100k words
    python benchmarks/linear_cost.py --sizes 1000 10000 --shapes repeated
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

REPEATED = "Russian troops shelled the town of Kupiansk on Tuesday, Ukrainian officials said."
VARIED = (
    "Russian troops shelled the town of Kupiansk on Tuesday, Ukrainian officials said.",
    "The Finnish president met the Estonian prime minister in Tallinn.",
    "Police arrested twelve protesters outside the parliament in Nairobi on Friday.",
    "China accused Japan of provoking tensions in the East China Sea.",
    "He said the talks would resume next week.",
    "The United Nations called for an immediate ceasefire in Sudan.",
    "Iran condemned the sanctions imposed by the European Union.",
    "Thousands marched through the capital demanding the minister's resignation.",
    "The two countries signed an agreement on joint air patrols.",
    "Officials denied that any civilians had been killed in the strike.",
    "Turkey will send aid to the flooded provinces of Libya, its foreign minister said.",
    "The court sentenced the opposition leader to five years in prison.",
)
_LONG = ("the convoy of trucks moved slowly past the checkpoints near the border and the soldiers watched them "
         "while officials from both governments talked with the drivers")
LONG_WORDS = _LONG.split()


def text_of(shape: str, words: int) -> str:
    """An article of about ``words`` words: a title line, a ``-`` line and the body."""
    head = "Test article for the linear cost benchmark\n-\n"
    if shape == "one-sentence":
        body = " ".join(LONG_WORDS[i % len(LONG_WORDS)] for i in range(words)) + "."
        return head + body + "\n"
    pool = (REPEATED,) if shape == "repeated" else VARIED
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        sentence = pool[i % len(pool)]
        out.append(sentence)
        count += len(sentence.split())
        i += 1
    # paragraphs of five sentences, as news is laid out
    paragraphs = [" ".join(out[k:k + 5]) for k in range(0, len(out), 5)]
    return head + "\n".join(paragraphs) + "\n"


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def run_one(pipe: Any, store: Any, text: str, name: str) -> dict[str, float]:
    """Seconds per stage for one article, through the pipeline's own stage objects."""
    from datetime import date

    from eventwire.clean import clean_record
    from eventwire.models import AnalysedArticle, RawRecord
    from eventwire.segment import segment

    record = RawRecord(origin=name, text=text, published=date(2025, 6, 17), published_source="user")
    times: dict[str, float] = {}
    article, times["clean"] = timed(lambda: clean_record(record, pipe.settings))
    sentences, times["segment"] = timed(lambda: segment(article))
    docs, times["tokenise"] = timed(lambda: pipe.parser.tokenize(sentences))
    analysed = AnalysedArticle(article=article, sentences=sentences, docs=docs)
    analysed, times["actors"] = timed(lambda: pipe.actors(analysed))
    (analysed,), times["parse"] = timed(lambda: pipe._parse_batch([analysed]))
    for stage_name, stage in pipe.stages_after_parse():
        analysed, times[stage_name] = timed(lambda stage=stage, a=analysed: stage(a))
    analysed = dataclasses.replace(analysed, docs={})
    _, times["store"] = timed(lambda: store.save_article(analysed))
    times["total"] = sum(times.values())
    times["n_sentences"] = float(len(sentences))
    times["n_events"] = float(len(analysed.events))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--shapes", nargs="+", default=["repeated", "varied", "one-sentence"],
                        choices=["repeated", "varied", "one-sentence"])
    args = parser.parse_args(argv)

    from eventwire.api import build_pipeline
    from eventwire.config import load_settings
    from eventwire.store import Store

    settings = load_settings(environ={})
    pipe, load_s = timed(lambda: build_pipeline(settings))
    print(f"pipeline loaded in {load_s:.1f} s", file=sys.stderr)
    # warm up the parser and the stages once
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "warm.db")) as store:
        run_one(pipe, store, text_of("varied", 200), "warm-up")

    stage_names: list[str] = []
    rows: list[tuple[str, int, dict[str, float]]] = []
    for shape in args.shapes:
        for size in args.sizes:
            text = text_of(shape, size)
            words = len(text.split())
            with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "bench.db")) as store:
                times = run_one(pipe, store, text, f"{shape}-{size}")
            if not stage_names:
                stage_names = [k for k in times if k not in ("total", "n_sentences", "n_events")]
            rows.append((shape, words, times))
            print(f"{shape:>12} {words:>7,} words: {times['total']:8.2f} s, "
                  f"{1000 * times['total'] / words:.3f} s per 1k words, {int(times['n_sentences']):,} sentences, "
                  f"{int(times['n_events']):,} events", file=sys.stderr, flush=True)

    print()
    header = ["shape", "words", "sentences", "events", "total s", "s/1k words", *stage_names]
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for shape, words, t in rows:
        per = [f"{1000 * t[s] / words:.3f}" for s in stage_names]
        print(" | ".join([shape, f"{words:,}", f"{int(t['n_sentences']):,}", f"{int(t['n_events']):,}",
                          f"{t['total']:.2f}", f"{1000 * t['total'] / words:.3f}", *per]))
    print()
    for shape in args.shapes:
        mine = [(w, t["total"] / w) for s, w, t in rows if s == shape]
        if len(mine) >= 2:
            (w0, c0), (w1, c1) = mine[0], mine[-1]
            print(f"{shape}: cost per word at {w1:,} words is {c1 / c0:.2f}x that at {w0:,} words "
                  "(1 = linear)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
