"""Run ``extract`` over a whole corpus and print what it found: articles read and rejected (with
reasons), events, and the distributions of type, status, certainty and date precision.

    python benchmarks/corpus_profile.py ../shared/eval/news-india-police-2002/docs.jsonl \
        --text-field doc_text --id-field doc_id
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--published")
    args = ap.parse_args(argv)

    from eventwire import api
    from eventwire.config import load_settings
    from eventwire.models import Rejection

    settings = load_settings(text_field=args.text_field, id_field=args.id_field)
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("type", "status", "certainty", "precision")}
    articles = rejected = events = 0
    reasons: Counter[str] = Counter()
    t0 = time.perf_counter()
    for item in api.extract([args.path], settings=settings, published=args.published):
        if isinstance(item, Rejection):
            rejected += 1
            reasons[f"{item.stage}:{item.code}"] += 1
            continue
        articles += 1
        for e in item.events:
            events += 1
            counts["type"][e.type.value] += 1
            counts["status"][e.status.value if e.status else "null"] += 1
            counts["certainty"][e.certainty.value if e.certainty else "null"] += 1
            counts["precision"][e.date.precision.value] += 1
    elapsed = time.perf_counter() - t0
    report = {
        "articles": articles,
        "rejected": rejected,
        "rejection_reasons": dict(reasons),
        "events": events,
        "seconds": round(elapsed, 1),
        **{k: dict(v.most_common()) for k, v in counts.items()},
    }
    for k, v in report.items():
        print(f"{k:18} {v}")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
