"""Trigger coverage and event-type accuracy on labelled text the lexicon was not tuned on (issue 3).

Two sets from ``../shared/eval`` (read in place, never copied), each split into a ``tune`` and a
``frozen`` half by a stable hash (tune on one half, only measure the other):

* ``ngec`` — NGEC's synthetic PLOVER stories (``ngec-synthetic/gpt_synthetic_events_*.csv.zip``,
  pseudo-labels: the prompted PLOVER type). A fixed, type-stratified sample; for each story its title
  (with the country slots filled, from ``prompt``) and the first sentences of its text are run one by
  one through :class:`~eventwire.evaluation.plover.SentenceChain`. Figures: ``title_coverage`` /
  ``title_type`` (title's first event has the gold type, no event = wrong), ``lead_coverage`` /
  ``lead_type`` (same for the first text sentence), ``story_coverage`` (any unit has an event) and
  ``story_recall`` (any event of any unit has the gold type); ``by_type`` gives them per gold type.
* ``conflibert`` — ConfliBERT's CAMEO class sentences (``conflibert-cameo-train/cameo_class_train.tsv``,
  5-way class of CAMEO roots, see :func:`penta_class`). Figures: ``coverage`` over classes 1–4 (class 0
  is statements and appeals: statements code no event), ``class_agreement`` (the first event's CAMEO
  root falls in the gold class; no event = wrong, except in class 0), ``quiet_on_statements`` (share of
  class 0 sentences with no event or an appeal).

    python benchmarks/event_types.py [--per-type 40] [--sentences 2] [--set ngec|conflibert|all]
                                     [--misses tune] [--limit N]

``--misses tune`` also lists the tune half's misses (never use it with ``frozen``).
Prints one JSON object; takes a few minutes (≈ 2,000 sentences through spaCy).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import time
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
NGEC_ZIP = SHARED / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
CONFLIBERT_TSV = SHARED / "conflibert-cameo-train" / "cameo_class_train.tsv"
HALVES = ("tune", "frozen")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“'‘(]?[A-Z0-9])")


def _hash(salt: str, key: str) -> int:
    return int(hashlib.sha256(f"{salt}:{key}".encode()).hexdigest(), 16)


def half(key: str) -> str:
    """``tune`` or ``frozen`` by a stable hash of the item's text."""
    return HALVES[_hash("eventwire-half", key) % 2]


def penta_class(cameo: str | None) -> int | None:
    """ConfliBERT's class of a CAMEO code: 0 statement/appeal 01–02, 1 verbal cooperation 03–05,
    2 material cooperation 06–08, 3 verbal conflict 09–13 and reduced relations 16, 4 material
    conflict 14–15 and 17–20 (read off the tune half: sanctions are 3, arrests 4)."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    for last, klass in ((2, 0), (5, 1), (8, 2), (13, 3), (15, 4), (16, 3)):
        if root <= last:
            return klass
    return 4


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Story:
    key: str
    label: str
    title: str
    sentences: tuple[str, ...]


def _filled_title(prompt: str, title: str) -> str:
    first = prompt.strip().splitlines()[0].strip() if prompt.strip() else ""
    return first or re.sub(r"\{[a-z_0-9]+\}", "", title)


def read_ngec(n_sentences: int) -> list[Story]:
    with zipfile.ZipFile(NGEC_ZIP) as z:
        name = z.namelist()[0]
        with z.open(name) as fh:
            rows = list(csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")))
    out = []
    for r in rows:
        text = " ".join(r["text"].split())
        sentences = tuple(s for s in SENTENCE_END.split(text) if len(s.split()) >= 4)[:n_sentences]
        title = " ".join(_filled_title(r["prompt"], r["title"]).split())
        out.append(Story(key=title + "\n" + text, label=r["label"].strip().upper(), title=title,
                         sentences=sentences))
    return out


def stratified(stories: list[Story], per_type: int) -> list[Story]:
    """Per gold type and half, the ``per_type // 2`` stories first in a fixed hash order."""
    groups: dict[tuple[str, str], list[Story]] = defaultdict(list)
    for s in stories:
        groups[(s.label, half(s.key))].append(s)
    out = []
    for (_, _), members in sorted(groups.items()):
        members.sort(key=lambda s: _hash("eventwire-sample", s.key))
        out += members[: per_type // 2]
    return out


def read_conflibert() -> list[tuple[str, int]]:
    out = []
    with CONFLIBERT_TSV.open(encoding="utf-8") as fh:
        for line in fh:
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text and label.strip().isdigit():
                out.append((" ".join(text.split()), int(label)))
    return out


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Tally:
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, name: str, ok: bool) -> None:
        self.counts[name + "_n"] += 1
        self.counts[name] += int(ok)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k in sorted(self.counts):
            if k.endswith("_n"):
                name = k[:-2]
                out[name] = round(self.counts[name] / self.counts[k], 3) if self.counts[k] else None
        out["n"] = max((v for k, v in self.counts.items() if k.endswith("_n")), default=0)
        return out


def _events(chain: Any, text: str) -> list[Any]:
    return list(chain.run(text).events)


def _describe(events: list[Any]) -> str:
    return "; ".join(f"{e.type.value}:{e.trigger}:{e.cameo}" for e in events) or "-"


def score_ngec(chain: Any, stories: list[Story], misses: str | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    totals = {h: Tally() for h in HALVES}
    by_type: dict[str, dict[str, Tally]] = {h: defaultdict(Tally) for h in HALVES}
    missed = []
    for s in stories:
        h = half(s.key)
        title_events = _events(chain, s.title)
        unit_events = [title_events] + [_events(chain, x) for x in s.sentences]
        lead_events = unit_events[1] if len(unit_events) > 1 else []
        all_events = [e for u in unit_events for e in u]
        checks = {
            "title_coverage": bool(title_events),
            "title_type": bool(title_events) and title_events[0].type.value == s.label,
            "lead_coverage": bool(lead_events),
            "lead_type": bool(lead_events) and lead_events[0].type.value == s.label,
            "story_coverage": bool(all_events),
            "story_recall": any(e.type.value == s.label for e in all_events),
        }
        for name, ok in checks.items():
            totals[h].add(name, ok)
            by_type[h][s.label].add(name, ok)
        if misses == h and not checks["story_recall"]:
            missed.append({"label": s.label, "units": [
                {"text": t, "events": _describe(u)} for t, u in zip((s.title, *s.sentences), unit_events)]})
    out = {h: {**totals[h].figures(),
               "by_type": {t: {k: v for k, v in tally.figures().items() if k in ("n", "title_type", "story_recall")}
                           for t, tally in sorted(by_type[h].items())}}
           for h in HALVES}
    return out, missed


def score_conflibert(chain: Any, items: list[tuple[str, int]], misses: str | None) -> tuple[dict[str, Any],
                                                                                              list[dict[str, Any]]]:
    totals = {h: Tally() for h in HALVES}
    by_class: dict[str, dict[int, Tally]] = {h: defaultdict(Tally) for h in HALVES}
    missed = []
    for text, gold in items:
        h = half(text)
        events = _events(chain, text)
        got = penta_class(events[0].cameo) if events else None
        agrees = got == gold or (gold == 0 and not events)
        totals[h].add("class_agreement", agrees)
        by_class[h][gold].add("class_agreement", agrees)
        if gold == 0:
            totals[h].add("quiet_on_statements", got in (None, 0))
        else:
            totals[h].add("coverage", bool(events))
            by_class[h][gold].add("coverage", bool(events))
        if misses == h and not agrees:
            missed.append({"class": gold, "text": text, "events": _describe(events)})
    out = {h: {**totals[h].figures(),
               "by_class": {str(c): tally.figures() for c, tally in sorted(by_class[h].items())}}
           for h in HALVES}
    return out, missed


# --------------------------------------------------------------------------- main


def _chain() -> Any:
    from eventwire.config import Settings
    from eventwire.evaluation.plover import SentenceChain

    return SentenceChain(Settings())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=("ngec", "conflibert", "all"), default="all")
    ap.add_argument("--per-type", type=int, default=40, help="NGEC stories per gold type (half in each half)")
    ap.add_argument("--sentences", type=int, default=2, help="first text sentences of each story besides the title")
    ap.add_argument("--limit", type=int, default=0, help="at most this many ConfliBERT sentences (0 = all)")
    ap.add_argument("--misses", choices=("tune",), default=None, help="also list the tune half's misses")
    args = ap.parse_args(argv)
    chain = _chain()
    report: dict[str, Any] = {}
    listed: dict[str, Any] = {}
    t0 = time.perf_counter()
    if args.set in ("ngec", "all"):
        stories = stratified(read_ngec(args.sentences), args.per_type)
        report["ngec"], listed["ngec"] = score_ngec(chain, stories, args.misses)
    if args.set in ("conflibert", "all"):
        items = read_conflibert()
        if args.limit:
            items = sorted(items, key=lambda x: _hash("eventwire-sample", x[0]))[: args.limit]
        report["conflibert"], listed["conflibert"] = score_conflibert(chain, items, args.misses)
    report["seconds"] = round(time.perf_counter() - t0, 1)
    if args.misses:
        report["misses"] = listed
    json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
