"""Train the argument filler (src/eventwire/data/events/filler.json) from hand-coded articles.

    python scripts/train_argument_filler.py               # our tests/data/articles + ../shared news-train
    python scripts/train_argument_filler.py --also ../shared/eval/news-dev --split tune
    python scripts/train_argument_filler.py --dry-run     # cross-validated figures only

The recipe: run the pipeline up to the filler's stage (``fill``) over every gold folder; for each event
missing a source or a target, each actor mention of its sentence is a candidate (eventwire.events.filler);
a candidate is a positive example when a gold event of the article has the event's type, the event's known
side, and the candidate's country on the missing side (as `eventwire eval articles` compares them), a
negative one otherwise. A logistic regression (eventwire.learn) is fitted on the candidates' features (how
each relates to the trigger; never the article's words); the threshold keeps the most right fills for the
wrong ones it lets through, read off a cross-validation by article. ``--conflibert`` adds the human
source/target spans of the ConfliBERT CAMEO sentences (tune half) as candidates labelled by span (off by default:
on news-dev they lowered the tune half from 72 to 56 required events found). Frozen halves are never read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import load_settings
from eventwire.evaluation.articles import _countries, gold_types, read_articles
from eventwire.events.filler import Candidate, candidates, model_path
from eventwire.learn import L2, best_threshold, cross_validated, fit, matrix, weights_table
from eventwire.models import AnalysedArticle

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
DEFAULT_FOLDERS = [ROOT / "tests" / "data" / "articles", SHARED / "eval" / "news-train"]
# a right fill is worth this many wrong ones: a record with a wrong party is no worse than one the parties
# check drops, but a right one is a found event
POSITIVE_WORTH = 1.5


def label(c: Candidate, event: Any, golds: list[dict[str, Any]]) -> int:
    """1 when some gold event has the event's type, its known side, and the candidate on the missing side."""
    kind = event.type.value
    known = event.target if c.side == "source" else event.source
    for g in golds:
        if kind not in gold_types(g):
            continue
        sources = _countries(g["source"], g.get("source_alt", []))
        targets = _countries(g["target"], g.get("target_alt", []))
        want, have = (sources, targets) if c.side == "source" else (targets, sources)
        pairs = [(want, have)] + ([(have, want)] if g.get("symmetric") else [])
        if any(known is not None and known.country in h and c.mention.actor.country in w for w, h in pairs):
            return 1
    return 0


def examples(folders: list[tuple[Path, str]]) -> tuple[list[dict[str, float]], list[int], list[str]]:
    from eventwire.api import build_pipeline
    from eventwire.evaluation.articles import _records
    from eventwire.runners.local import batches

    settings = load_settings(environ={})
    pipeline = build_pipeline(settings)
    # the events as the filler meets them: before it (and before dedup, parties and the scorer)
    stop = [n for n, _ in pipeline.after_events].index("fill")
    pipeline.after_events = tuple(pipeline.after_events[:stop])
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[str] = []
    for folder, split in folders:
        articles = read_articles(folder, split)
        gold = {a.article_id: a.gold for a in articles}
        for batch in batches(_records(articles, settings), 16):
            for analysed in pipeline.run(batch):
                if not isinstance(analysed, AnalysedArticle):
                    continue
                golds = gold[analysed.article.id]["events"]
                for c in candidates(analysed, analysed.events):
                    rows.append(c.features)
                    labels.append(label(c, analysed.events[c.event], golds))
                    groups.append(f"{folder.name}/{analysed.article.id}")
    return rows, labels, groups


CONFLIBERT = SHARED / "eval" / "conflibert-cameo-train" / "cameo_ner_train.txt"


def conflibert_examples(path: Path) -> tuple[list[dict[str, float]], list[int], list[str]]:
    """Candidates of the ConfliBERT CAMEO sentences of the *tune* half (``record_half``: the argument benchmark
    reads the frozen half as totals only), labelled by the human source/target spans: a candidate is right when
    its mention overlaps a span of its side (a reciprocal span counts on either side)."""
    from eventwire.evaluation.conflibert import read_conll
    from eventwire.evaluation.plover import SentenceChain, record_half

    chain = SentenceChain(load_settings(environ={}))
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[str] = []
    for sentence in read_conll(path):
        if record_half(sentence.text) != "tune":
            continue
        analysed = chain.run(sentence.text)
        for c in candidates(analysed, analysed.events):
            want = {"S", "R"} if c.side == "source" else {"T", "R"}
            right = any(k in want and c.mention.start < e and s < c.mention.end for k, s, e in sentence.spans)
            rows.append(c.features)
            labels.append(int(right))
            groups.append(f"conflibert/{zlib.crc32(sentence.text.encode()) % 997}")
    return rows, labels, groups


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--also", action="append", default=[], help="another gold folder")
    ap.add_argument("--split", default="all", help="the half of --also folders to read (tune or all; never frozen)")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--conflibert", action="store_true",
                    help="add the ConfliBERT actor-span sentences (tune half); off by default: measured on news-dev, "
                         "the single sentences' candidates outweigh the articles' and the filler fills less")
    ap.add_argument("--output", type=Path, default=model_path())
    args = ap.parse_args(argv)
    if args.split == "frozen":
        print("the frozen half is never read", file=sys.stderr)
        return 2
    folders = [(f, "all") for f in DEFAULT_FOLDERS if f.is_dir()] + [(Path(f), args.split) for f in args.also]
    rows, labels, groups = examples(folders)
    trained_on = [f"{f.name} ({split})" for f, split in folders]
    if args.conflibert and CONFLIBERT.is_file():
        more = conflibert_examples(CONFLIBERT)
        rows, labels, groups = rows + more[0], labels + more[1], groups + more[2]
        trained_on.append("conflibert-cameo-train spans (tune half)")
    x, names = matrix(rows)
    y = np.array(labels, dtype=float)
    p = cross_validated(x, y, groups)
    threshold = best_threshold(p, y, POSITIVE_WORTH)
    keep = p >= threshold
    cv = {"candidates": len(y), "right": int(y.sum()), "kept": int(keep.sum()),
          "kept_right": int(y[keep].sum())}
    print(json.dumps({"threshold": threshold, "cross_validated": cv}, indent=1))
    if args.dry_run:
        return 0
    w, b = fit(x, y)
    model = {
        "about": "eventwire argument filler: logistic regression over how a candidate relates to the trigger "
                 "(scripts/train_argument_filler.py)",
        "trained": date.today().isoformat(),
        "trained_on": trained_on,
        "l2": L2, "positive_worth": POSITIVE_WORTH, "cross_validated": cv,
        "threshold": threshold, "bias": round(b, 5), "weights": weights_table(names, w),
    }
    args.output.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
