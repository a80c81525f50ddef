"""Throughput benchmark: the whole pipeline into SQLite vs. bare spaCy on the same text, in one run.

    python benchmarks/throughput.py [--n 300] [--input ../shared/eval/news-india-police-2002/docs.jsonl]
        [--text-field doc_text] [--id-field doc_id]

Prints articles/s and words/s of eventwire (ingest into a fresh SQLite file: clean → … → store), the
words/s of bare spaCy (``nlp.pipe`` with every component of the same model) over the same article texts,
our ratio to it, and the peak RSS of this process. Both are measured in this one run: the machine is noisy,
ratios are what to compare.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "eval" / "news-india-police-2002" / "docs.jsonl"


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--n", type=int, default=300, help="articles to process")
    ap.add_argument("--text-field", default="doc_text")
    ap.add_argument("--id-field", default="doc_id")
    ap.add_argument("--n-process", type=int, default=1, help="spaCy nlp.pipe processes")
    ap.add_argument("--workers", type=int, default=1, help="local runner worker processes")
    args = ap.parse_args(argv)
    if not args.input.exists():
        print(f"benchmark input not found: {args.input}", file=sys.stderr)
        return 2

    from eventwire import api
    from eventwire.config import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with args.input.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            for line in islice(src, args.n):
                dst.write(line)
        texts = [json.loads(line)[args.text_field] for line in sample.open(encoding="utf-8")]
        words = sum(len(t.split()) for t in texts)

        settings = load_settings(database_url=f"sqlite:///{tmp}/bench.db", text_field=args.text_field,
                                 id_field=args.id_field, n_process=args.n_process,
                                 workers=args.workers)
        t0 = time.perf_counter()
        pipeline = api.build_pipeline(settings)
        load_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        summary = api.ingest([sample], settings=settings, pipeline=pipeline)
        ours_s = time.perf_counter() - t0
        rss_ours = _peak_rss_mb()

        import spacy

        nlp = spacy.load(settings.spacy_model)
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        bare_s = time.perf_counter() - t0

    figures = {
        "workers": args.workers,
        "articles": len(texts),
        "words": words,
        "stored": summary.stored,
        "rejected": summary.rejected,
        "events": summary.events,
        "sentences": summary.sentences,
        "sentences_parsed": summary.sentences_parsed,
        "load_s": round(load_s, 2),
        "eventwire_s": round(ours_s, 2),
        "eventwire_articles_per_s": round(len(texts) / ours_s, 2),
        "eventwire_words_per_s": round(words / ours_s),
        "bare_spacy_s": round(bare_s, 2),
        "bare_spacy_words_per_s": round(words / bare_s),
        "ratio_to_bare_spacy": round(bare_s / ours_s, 3),
        "peak_rss_mb_after_eventwire": round(rss_ours),
        "peak_rss_mb": round(_peak_rss_mb()),
        "peak_rss_mb_largest_worker": round(_peak_rss_mb(resource.RUSAGE_CHILDREN)),
    }
    width = max(map(len, figures))
    for k, v in figures.items():
        print(f"{k:<{width}}  {v}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
