"""Train the event scorer (src/eventwire/data/events/scorer.json) from hand-coded articles.

    python scripts/train_event_scorer.py                       # our tests/data/articles + ../shared news-train
    python scripts/train_event_scorer.py --also ../shared/eval/news-dev --split tune
    python scripts/train_event_scorer.py --dry-run              # cross-validated figures only, no file written

The recipe: run the pipeline with the scorer off over every gold folder; each event record is a positive
example when it matches a gold event of its article (type and countries, as `eventwire eval articles`
matches, optional gold events included), a negative one otherwise; its features are
:func:`eventwire.events.scorer.featurize`'s (how the record was found, never the article's words). A
logistic regression with an L2 penalty is fitted by gradient descent (numpy); the threshold is the one that
maximises F1 (matched records kept, and the precision of those kept) on a cross-validation by article (each article's
records scored by a model that never saw them). Frozen halves are never read: `--split` must name a tune half.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import load_settings
from eventwire.evaluation.articles import matches, read_articles
from eventwire.events.scorer import featurize, model_path
from eventwire.learn import L2, best_f1_threshold, cross_validated, fit, matrix, weights_table
from eventwire.models import AnalysedArticle, event_to_record

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
DEFAULT_FOLDERS = [ROOT / "tests" / "data" / "articles", SHARED / "eval" / "news-train"]


def examples(folders: list[tuple[Path, str]]) -> tuple[list[dict[str, float]], list[int], list[str]]:
    """Features, labels and article ids of every event record the pipeline (scorer off) finds."""
    from eventwire.api import build_pipeline

    settings = load_settings(environ={})
    pipeline = build_pipeline(settings)
    pipeline.after_events = tuple((n, s) for n, s in pipeline.after_events if n != "scorer")
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[str] = []
    for folder, split in folders:
        articles = read_articles(folder, split)
        gold = {a.article_id: a.gold for a in articles}
        for analysed in _analysed(pipeline, articles, settings):
            golds = gold[analysed.article.id]["events"]
            for event, feats in zip(analysed.events, featurize(analysed), strict=True):
                record = event_to_record(event)
                rows.append(feats)
                labels.append(int(any(matches(g, record) for g in golds)))
                groups.append(f"{folder.name}/{analysed.article.id}")
    return rows, labels, groups


def _analysed(pipeline: Any, articles: Any, settings: Any) -> list[AnalysedArticle]:
    from eventwire.evaluation.articles import _records
    from eventwire.runners.local import batches

    out: list[AnalysedArticle] = []
    for batch in batches(_records(articles, settings), 16):
        out.extend(item for item in pipeline.run(batch) if isinstance(item, AnalysedArticle))
    return out


def figures(p: np.ndarray, y: np.ndarray, threshold: float) -> dict[str, float]:
    keep = p >= threshold
    return {"records": len(y), "matched": int(y.sum()), "kept": int(keep.sum()),
            "kept_matched": int(y[keep].sum()), "precision_before": round(float(y.mean()), 3),
            "precision_after": round(float(y[keep].mean()) if keep.any() else 0.0, 3),
            "matched_kept_share": round(float(y[keep].sum() / max(1, y.sum())), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--also", action="append", default=[], help="another gold folder")
    ap.add_argument("--split", default="all", help="the half of --also folders to read (tune or all; never frozen)")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--output", type=Path, default=model_path())
    args = ap.parse_args(argv)
    if args.split == "frozen":
        print("the frozen half is never read", file=sys.stderr)
        return 2
    folders = [(f, "all") for f in DEFAULT_FOLDERS if f.is_dir()] + [(Path(f), args.split) for f in args.also]
    rows, labels, groups = examples(folders)
    x, names = matrix(rows)
    y = np.array(labels, dtype=float)
    p = cross_validated(x, y, groups)
    threshold = best_f1_threshold(p, y)
    cv = figures(p, y, threshold)
    w, b = fit(x, y)
    print(json.dumps({"threshold": threshold, "cross_validated": cv}, indent=1))
    if args.dry_run:
        return 0
    model = {
        "about": "eventwire event scorer: logistic regression over how a record was found "
                 "(scripts/train_event_scorer.py)",
        "trained": date.today().isoformat(),
        "trained_on": [f"{f.name} ({split})" for f, split in folders],
        "l2": L2, "threshold_by": "F1 of the cross-validated records", "cross_validated": cv,
        "threshold": threshold, "bias": round(b, 5), "weights": weights_table(names, w),
    }
    args.output.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
