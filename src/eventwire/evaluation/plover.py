"""Evaluate the event coder on the PLOVER gold-standard records (``eval/plover-gsr-dev.json``).

Each record holds one sentence with its gold event type, source and target actors. The sentence is
run through the real chain (tokenise → actors → parse → events, as in the pipeline); the system's
*best event* for the record is the first event whose trigger word occurs in the record's
``eventText`` (the gold trigger words), else the first event of the sentence. Scores:

* ``type_accuracy`` — best event's type == gold type (a record without an event counts as wrong);
* per type precision / recall / F1 over records (``NONE`` when no event), ``macro_f1`` over gold types;
* ``source_country_accuracy`` / ``target_country_accuracy`` — over records whose gold side names a
  country code: the best event's actor on that side (either side for a reciprocal event) has one of the
  gold countries (a record without an event counts as wrong);
* ``sector_accuracy`` — over records with an event whose gold source has a sector: same sector;
* ``coverage`` — share of records with any event; ``n`` — records scored.

Old type names are mapped (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT).
``split`` picks a deterministic half by a hash of the record id: ``tune`` (the half one may look at
and tune on) or ``frozen`` (the held-back half: measure it, never read its errors while tuning).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from ..config import Settings
from ..errors import EvaluationError
from ..gold_codes import GOLD_ALIASES, UMBRELLA
from ..ids import content_hash
from ..models import Actor, AnalysedArticle, Article, Block, Event, Section, Sentence
from ..parse import known_names

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NONE = "NONE"
Split = Literal["all", "tune", "frozen"]


def record_half(record_id: str) -> str:
    """``tune`` or ``frozen``: a stable half of the records by a hash of the id."""
    return "tune" if int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "frozen"


class SentenceChain:
    """The pipeline's own stages for single sentences: tokenise → actors → parse → document → events.

    Holds one :class:`~eventwire.pipeline.Pipeline` (its resources are loaded once) and runs one sentence at a
    time without segmentation (gold records are sentences), through the same stage objects the pipeline uses.
    """

    def __init__(self, settings: Settings) -> None:
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(settings)
        self.parser = self.pipeline.parser
        self.actors = self.pipeline.actors
        self.events = self.pipeline.events

    def prepare(self, text: str, published: date | None = None) -> AnalysedArticle:
        """Tokenised, actor-resolved, parsed and read by the document model, before event coding."""
        text = " ".join(text.split())
        h = content_hash(text)
        article = Article(id=h, content_hash=h, text=text, raw=text, origin="<eval>", published=published,
                          blocks=(Block(Section.BODY, 0, len(text)),))
        sentence = Sentence(index=0, start=0, end=len(text), text=text, section=Section.BODY)
        analysed = AnalysedArticle(article=article, sentences=(sentence,),
                                   docs=self.parser.tokenize([sentence]))
        analysed = self.actors(analysed)
        # as Pipeline does: a Title Case sentence is parsed from a sentence-cased copy
        parsed = self.parser.parse([analysed.docs[0]], [known_names(analysed, 0, self.actors.lexicon)])
        analysed = AnalysedArticle(article=analysed.article, sentences=analysed.sentences, docs={0: parsed[0]},
                                   parsed=frozenset({0}), mentions=analysed.mentions)
        return self.pipeline.document(analysed)

    def run(self, text: str, published: date | None = None) -> AnalysedArticle:
        return self.events(self.prepare(text, published))


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    type: str
    event_text: str
    sources: tuple[tuple[str, str | None], ...]  # (country, sector)
    targets: tuple[tuple[str, str | None], ...]
    published: date | None


def _actors(value: Any) -> tuple[tuple[str, str | None], ...]:
    if not isinstance(value, list):
        return ()  # "" / None / a mis-filed context string: no gold actor on this side
    out = []
    for a in value:
        if isinstance(a, dict) and a.get("code"):
            sector = (a.get("sector") or "")[:3].upper() or None
            if sector and not sector.isalpha():
                sector = None
            out.append((str(a["code"])[:3].upper(), sector))
    return tuple(out)


def read_gold(path: str | Path) -> list[GoldRecord]:
    """The scorable records of a PLOVER GSR JSON file (``DOCUMENT`` records skipped)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationError(f"cannot read the PLOVER gold file: {exc.strerror}", path=str(p), code="E510") from exc
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"not valid JSON: {exc}", path=str(p), code="E511") from exc
    if not isinstance(data, list):
        raise EvaluationError("expected a JSON list of PLOVER records", path=str(p), code="E511")
    out = []
    for r in data:
        if not isinstance(r, dict) or r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        etype = OLD_NAMES.get(str(r["event"]).upper(), str(r["event"]).upper())
        try:
            published = date.fromisoformat(str(r.get("date"))[:10])
        except ValueError:
            published = None
        out.append(GoldRecord(str(r.get("id")), str(r["text"]), etype, str(r.get("eventText") or ""),
                              _actors(r.get("source")), _actors(r.get("target")), published))
    if not out:
        raise EvaluationError("no scorable records (need 'event' and 'text' fields)", path=str(p), code="E512")
    return out


def _stem(word: str) -> str:
    """A crude stem: suffixes -ing/-ed/-es/-s off, first five letters ("bombing" = "bombed")."""
    w = word.strip(".,'\"`").lower()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w[:5]


def best_event(events: Sequence[Event], event_text: str) -> Event | None:
    """The first event whose trigger word is among the gold trigger words (compared on a crude stem,
    so that "refusing" meets "refused"), else the first event."""
    stems = {_stem(w) for w in event_text.split() if len(w) > 2}
    for e in events:
        if any(_stem(w) in stems for w in e.trigger.split()):
            return e
    return events[0] if events else None


def _country(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return (actor.country or (actor.code or "")[:3] or None)


def _side_ok(event: Event, gold: tuple[tuple[str, str | None], ...], side: str) -> bool:
    countries: set[str] = set()
    for c, _ in gold:
        c = GOLD_ALIASES.get(c, c)
        countries |= UMBRELLA.get(c, {c})
    actor = event.source if side == "source" else event.target
    if _country(actor) in countries:
        return True
    if event.reciprocal:
        other = event.target if side == "source" else event.source
        return _country(other) in countries
    return False


@dataclass
class PloverReport:
    """Figures (flat keys plus ``confusion``), per-type scores and, on request, the misses."""

    figures: dict[str, Any]
    per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_text(self) -> str:
        f = self.figures
        lines = [
            f"PLOVER gold records ({f['split']} split): n={f['n']}  coverage={f['coverage']:.3f}",
            f"  type accuracy           {f['type_accuracy']:.3f}",
            f"  macro F1                {f['macro_f1']:.3f}",
            f"  source country accuracy {f['source_country_accuracy']:.3f}  (n={f['n_source']})",
            f"  target country accuracy {f['target_country_accuracy']:.3f}  (n={f['n_target']})",
            f"  sector accuracy         {f['sector_accuracy']:.3f}  (n={f['n_sector']})",
            "",
            f"  {'type':10} {'gold':>5} {'pred':>5} {'prec':>6} {'rec':>6} {'F1':>6}",
        ]
        for t, s in sorted(self.per_type.items()):
            lines.append(f"  {t:10} {int(s['gold']):5d} {int(s['predicted']):5d} {s['precision']:6.3f} "
                         f"{s['recall']:6.3f} {s['f1']:6.3f}")
        if self.errors:
            lines += ["", f"misses ({len(self.errors)}):"]
            for e in self.errors:
                lines.append(f"  {e['id']}: gold {e['gold_type']} {e['gold_source']}>{e['gold_target']}  "
                             f"system {e['system_type']} {e['system_source']}>{e['system_target']}")
                lines.append(f"      {e['text']}")
                if e.get("evidence"):
                    lines.append(f"      evidence: {e['evidence']}")
        return "\n".join(lines)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def evaluate_plover(path: str | Path, settings: Settings, *, split: Split = "all",
                    errors: bool = False) -> PloverReport:
    """Score the event coder against a PLOVER GSR file. See the module docstring for the figures."""
    if split not in ("all", "tune", "frozen"):
        raise EvaluationError(f"split must be all, tune or frozen, not {split!r}", code="E513")
    records = [r for r in read_gold(path) if split == "all" or record_half(r.id) == split]
    chain = SentenceChain(settings)
    pairs: list[tuple[str, str]] = []
    covered = src_ok = src_n = tgt_ok = tgt_n = sec_ok = sec_n = 0
    misses: list[dict[str, Any]] = []
    for rec in records:
        analysed = chain.run(rec.text, rec.published)
        ev = best_event(analysed.events, rec.event_text)
        covered += bool(analysed.events)
        pred = ev.type.value if ev else NONE
        pairs.append((rec.type, pred))
        s_ok = t_ok = None
        if rec.sources:
            src_n += 1
            s_ok = ev is not None and _side_ok(ev, rec.sources, "source")
            src_ok += bool(s_ok)
        if rec.targets:
            tgt_n += 1
            t_ok = ev is not None and _side_ok(ev, rec.targets, "target")
            tgt_ok += bool(t_ok)
        gold_sectors = {s for _, s in rec.sources if s}
        if ev is not None and gold_sectors:
            sec_n += 1
            sec_ok += bool(ev.source and ev.source.sector in gold_sectors)
        if errors and (pred != rec.type or s_ok is False or t_ok is False):
            misses.append({
                "id": rec.id, "text": rec.text, "gold_type": rec.type, "system_type": pred,
                "gold_source": "/".join(c for c, _ in rec.sources) or "-",
                "gold_target": "/".join(c for c, _ in rec.targets) or "-",
                "system_source": (_country(ev.source) if ev else None) or "-",
                "system_target": (_country(ev.target) if ev else None) or "-",
                "evidence": ev.evidence if ev else "",
            })
    gold_types = sorted({g for g, _ in pairs})
    pred_counts = Counter(p for _, p in pairs)
    gold_counts = Counter(g for g, _ in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    per_type: dict[str, dict[str, float]] = {}
    for t in sorted(set(gold_counts) | (set(pred_counts) - {NONE})):
        prec = _ratio(hits[t], pred_counts[t])
        rec_ = _ratio(hits[t], gold_counts[t])
        f1 = round(2 * prec * rec_ / (prec + rec_), 4) if prec + rec_ else 0.0
        per_type[t] = {"gold": gold_counts[t], "predicted": pred_counts[t], "precision": prec, "recall": rec_,
                       "f1": f1}
    confusion: dict[str, dict[str, int]] = {}
    for g, p in pairs:
        confusion.setdefault(g, {}).setdefault(p, 0)
        confusion[g][p] += 1
    n = len(pairs)
    figures: dict[str, Any] = {
        "split": split,
        "n": n,
        "coverage": _ratio(covered, n),
        "type_accuracy": _ratio(sum(hits.values()), n),
        "macro_f1": round(sum(per_type[t]["f1"] for t in gold_types) / len(gold_types), 4) if gold_types else 0.0,
        "source_country_accuracy": _ratio(src_ok, src_n),
        "target_country_accuracy": _ratio(tgt_ok, tgt_n),
        "sector_accuracy": _ratio(sec_ok, sec_n),
        "n_source": src_n,
        "n_target": tgt_n,
        "n_sector": sec_n,
    }
    for t, s in per_type.items():
        figures[f"f1_{t}"] = s["f1"]
    figures["confusion"] = confusion
    return PloverReport(figures, per_type, confusion, misses)
