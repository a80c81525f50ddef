"""Police events on real news: document-level precision and recall against IndiaPoliceEvents labels.

    python benchmarks/india_police.py [--shared ../shared] [--limit N] [--errors K]

The gold (``eval/news-india-police-2002/docs.jsonl``, Times of India, March 2002, much of it lower-cased)
answers per article: did police arrest someone (ARREST), kill someone (KILL), use force (FORCE: killing
or other force), or do anything at all (ANY_ACTION)? Our answer comes from the events the whole pipeline
extracts (``api.extract``) whose source is police (sector ``COP``):

* ARREST — a COERCE event with CAMEO 173 (arrest, detain);
* KILL — an ASSAULT event whose trigger is a killing word (kill, shoot dead, gun down …);
* FORCE — an ASSAULT event, or COERCE with CAMEO 175 (violent repression: lathi-charge, tear gas …);
* ANY_ACTION — any event with a police source.

Only events that happened count (status ``occurred`` or ``ongoing``): the gold asks what police did,
not what they planned or were asked to do. Figures are printed for two halves of the articles split by
a stable hash of the id (``tune`` may be read for errors, ``frozen`` only measured), and in total.

A second reading (``agentless``) also counts an arrest, detention or charge (CAMEO 173) whose doer the
text leaves unsaid ("50 persons were held", "he has been booked") as a police act: in this news such
passives report police work, but the first reading, which needs police named as the source, is the
strict one. ``--dump FILE`` writes every extracted event per article (JSON lines) for error analysis.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

LABELS = ("ARREST", "KILL", "FORCE", "ANY_ACTION")
KILL_WORDS = ("kill", "shot dead", "shoot dead", "gun down", "gunned down", "murder", "lynch", "execute")
HAPPENED = {"occurred", "ongoing"}


def half(doc_id: str) -> str:
    return "tune" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "frozen"


def _agentless_arrest(e: Any) -> bool:
    return e.source is None and e.type.value == "COERCE" and (e.cameo or "").startswith("173")


def labels_of(events: list[Any], agentless: bool = False) -> set[str]:
    """The IndiaPoliceEvents questions our events answer yes to (see the module docstring)."""
    out: set[str] = set()
    for e in events:
        police = e.source is not None and e.source.sector == "COP"
        if not (police or (agentless and _agentless_arrest(e))):
            continue
        if e.status is not None and e.status.value not in HAPPENED:
            continue
        out.add("ANY_ACTION")
        cameo = e.cameo or ""
        if e.type.value == "COERCE" and cameo.startswith("173"):
            out.add("ARREST")
        if e.type.value == "ASSAULT" or (e.type.value == "COERCE" and cameo.startswith("175")):
            out.add("FORCE")
        if e.type.value == "ASSAULT" and any(w in e.trigger.lower() for w in KILL_WORDS):
            out.add("KILL")
    return out


def _dumped(e: Any) -> dict[str, Any]:
    def actor(a: Any) -> dict[str, Any] | None:
        return None if a is None else {"text": a.text, "code": a.code, "sector": a.sector}

    return {"type": e.type.value, "cameo": e.cameo, "status": e.status.value if e.status else None,
            "trigger": e.trigger, "source": actor(e.source), "target": actor(e.target), "sentence": e.sentence,
            "evidence": e.evidence}


def scores(pairs: list[tuple[set[str], set[str]]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = sum(1 for g, p in pairs if label in g and label in p)
        fp = sum(1 for g, p in pairs if label not in g and label in p)
        fn = sum(1 for g, p in pairs if label in g and label not in p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = {"gold": tp + fn, "predicted": tp + fp, "precision": round(prec, 3), "recall": round(rec, 3),
                      "f1": round(f1, 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print K tune-half misses per label")
    ap.add_argument("--dump", type=Path, help="write every article's events (JSON lines) here")
    args = ap.parse_args(argv)

    from eventwire import api
    from eventwire.config import load_settings
    from eventwire.models import Rejection

    docs = args.shared / "eval" / "news-india-police-2002" / "docs.jsonl"
    gold: dict[str, set[str]] = {}
    with docs.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if args.limit and i >= args.limit:
                break
            d = json.loads(line)
            gold[str(d["doc_id"])] = set(d.get("doc_labels") or []) & set(LABELS)
    settings = load_settings(text_field="doc_text", id_field="doc_id")
    predicted: dict[str, set[str]] = {}
    agentless: dict[str, set[str]] = {}
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    evidence: dict[str, list[str]] = {}
    t0 = time.perf_counter()
    rejected = 0
    for item in api.extract([docs], settings=settings):
        if isinstance(item, Rejection):
            rejected += 1
            continue
        doc_id = item.article.id
        if doc_id not in gold:
            continue
        predicted[doc_id] = labels_of(list(item.events))
        agentless[doc_id] = labels_of(list(item.events), agentless=True)
        if dump is not None:
            dump.write(json.dumps({"doc_id": doc_id, "half": half(doc_id), "gold": sorted(gold[doc_id]),
                                   "predicted": sorted(predicted[doc_id]),
                                   "events": [_dumped(e) for e in item.events]}) + "\n")
        evidence[doc_id] = [f"{e.type.value}/{e.cameo} {e.source.code if e.source else '-'} "
                            f"[{e.status.value if e.status else '-'}] '{e.trigger}': {e.sentence[:140]}"
                            for e in item.events if e.source is not None and e.source.sector == "COP"]
        if args.limit and len(predicted) >= len(gold):
            break
    if dump is not None:
        dump.close()
    seconds = time.perf_counter() - t0
    report: dict[str, Any] = {"articles": len(predicted), "rejected": rejected, "seconds": round(seconds, 1)}
    for reading, answers in (("", predicted), ("agentless ", agentless)):
        for name in ("tune", "frozen", "all"):
            pairs = [(gold[d], answers.get(d, set())) for d in gold if name == "all" or half(d) == name]
            report[reading + name] = scores(pairs)
    for name in ("tune", "frozen", "all", "agentless tune", "agentless frozen", "agentless all"):
        print(name)
        for label, s in report[name].items():
            print(f"  {label:10} gold {int(s['gold']):4d} pred {int(s['predicted']):4d}  P {s['precision']:.3f}"
                  f"  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if args.errors:
        kinds: Counter[str] = Counter()
        for label in LABELS:
            for d, labels in gold.items():
                if half(d) != "tune":
                    continue
                g, p = label in labels, label in predicted.get(d, set())
                if g != p and kinds[label] < args.errors:
                    kinds[label] += 1
                    print(f"\n{label} {'missed' if g else 'false'} in doc {d}; police events:")
                    for line in evidence.get(d, [])[:6]:
                        print(f"   {line}")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
