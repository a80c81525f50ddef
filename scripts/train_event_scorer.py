"""Train the event scorer (src/eventwire/data/events/scorer.json) from hand-coded articles.

    python scripts/train_event_scorer.py                       # our tests/data/articles + ../shared news-train
    python scripts/train_event_scorer.py --also ../shared/eval/news-dev --split tune
    python scripts/train_event_scorer.py --dry-run              # cross-validated figures only, no file written

The recipe: run the pipeline with the scorer off over every gold folder; each event record is a positive
example when it matches a gold event of its article (type and countries, as `eventwire eval articles`
matches, optional gold events included), a negative one otherwise; its features are
:func:`eventwire.events.scorer.featurize`'s (how the record was found, never the article's words). A
logistic regression with an L2 penalty is fitted by gradient descent (numpy); the threshold is the one that
keeps the most positives for the negatives it drops, read off a cross-validation by article (each article's
records scored by a model that never saw them). Frozen halves are never read: `--split` must name a tune half.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import load_settings
from eventwire.evaluation.articles import matches, read_articles
from eventwire.events.scorer import featurize, model_path
from eventwire.models import AnalysedArticle, event_to_record

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = [ROOT / "tests" / "data" / "articles", ROOT.parent / "shared" / "eval" / "news-train"]
L2 = 1.0
FOLDS = 5
# the threshold keeps a record when keeping it gains more than it costs: a matched record is worth this many
# unmatched ones (recall is the scarcer of the two on real news)
POSITIVE_WORTH = 2.5


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


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 3000, rate: float = 0.5) -> tuple[np.ndarray, float]:
    """Logistic regression by full-batch gradient descent; returns (weights, bias)."""
    w = np.zeros(x.shape[1])
    b = 0.0
    n = len(y)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / n + l2 * w / n
        grad_b = float(np.mean(p - y))
        w -= rate * grad_w
        b -= rate * grad_b
    return w, b


def cross_validated(x: np.ndarray, y: np.ndarray, groups: list[str]) -> np.ndarray:
    """Each record's probability from a model fitted on the other folds' articles."""
    names = sorted(set(groups))
    fold_of = {g: n % FOLDS for n, g in enumerate(names)}
    folds = np.array([fold_of[g] for g in groups])
    out = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        w, b = fit(x[~test], y[~test])
        out[test] = 1.0 / (1.0 + np.exp(-(x[test] @ w + b)))
    return out


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, float]]:
    best = (0.0, -1e9)
    for t in np.arange(0.05, 0.8, 0.01):
        keep = p >= t
        gain = POSITIVE_WORTH * float(np.sum(y[keep])) - float(np.sum(1 - y[keep]))
        if gain > best[1]:
            best = (float(t), gain)
    t = best[0]
    keep = p >= t
    figures = {"records": len(y), "matched": int(y.sum()), "kept": int(keep.sum()),
               "kept_matched": int(y[keep].sum()), "precision_before": round(float(y.mean()), 3),
               "precision_after": round(float(y[keep].mean()) if keep.any() else 0.0, 3),
               "matched_kept_share": round(float(y[keep].sum() / max(1, y.sum())), 3)}
    return round(t, 2), figures


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
    names = sorted({k for r in rows for k in r})
    x = np.array([[r.get(k, 0.0) for k in names] for r in rows])
    y = np.array(labels, dtype=float)
    threshold, figures = best_threshold(cross_validated(x, y, groups), y)
    w, b = fit(x, y)
    print(json.dumps({"threshold": threshold, "cross_validated": figures}, indent=1))
    if args.dry_run:
        return 0
    model = {
        "about": "eventwire event scorer: logistic regression over how a record was found "
                 "(scripts/train_event_scorer.py)",
        "trained": date.today().isoformat(),
        "trained_on": [f"{f.name} ({split})" for f, split in folders],
        "l2": L2, "positive_worth": POSITIVE_WORTH, "cross_validated": figures,
        "threshold": threshold, "bias": round(b, 5),
        "weights": {k: round(float(v), 5) for k, v in zip(names, w, strict=True) if abs(v) > 1e-6},
    }
    args.output.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
