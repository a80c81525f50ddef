"""Evaluate sentence-level CAMEO coding on PETRARCH-2's unit-test records (``PETR.UnitTest.records.xml``).

The records are stylised sentences about fictional states (Arnor = ARN, Gondor = GON …), coded with
the validation dictionaries shipped beside them; the evaluation loads those as user dictionaries
(``actors``, ``agents``, ``verbs``; with ``replace=True`` they replace ours, as PETRARCH's tests do).

Each gold ``<EventCoding sourcecode targetcode eventcode>`` is a triple. The system's triples are
its codings of the sentence *at CAMEO level* (codes without a PLOVER type count too: the validation
verbs use WEIS-era codes); a reciprocal coding gives both directions. Figures:

* ``full_precision`` / ``full_recall`` / ``full_f1`` — exact source code, target code and event code;
* ``root_precision`` / ``root_recall`` / ``root_f1`` — source and target country (first three letters)
  and the event's CAMEO root (first two digits);
* ``noevent_accuracy`` — share of records marked ``noevents`` for which the system codes nothing;
* ``n_records``, ``n_gold``, ``n_system``, ``n_skipped`` (records expecting an error/discard outcome).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvaluationError

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.DOTALL)
_CODING = re.compile(r"<EventCoding\b([^>]*)>", re.DOTALL)
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
_ATTR = re.compile(r"(\w+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class PetrarchRecord:
    id: str
    category: str
    text: str
    published: date | None
    triples: tuple[Triple, ...]
    noevents: bool
    error: bool


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): (m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(text)}


def read_records(path: str | Path) -> list[PetrarchRecord]:
    """The records of a PETRARCH unit-test file (a tolerant reader: some attributes are malformed)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise EvaluationError(f"cannot read the PETRARCH records: {exc.strerror}", path=str(p), code="E520") from exc
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    out = []
    for m in _SENTENCE.finditer(text):
        head, body = _attrs(m.group(1)), m.group(2)
        t = _TEXT.search(body)
        if not t:
            continue
        triples: list[Triple] = []
        noevents = error = False
        for c in _CODING.finditer(body):
            a = _attrs(c.group(1))
            if a.get("noevents", "").lower() == "true":
                noevents = True
            elif "error" in a:
                error = True
            elif a.get("eventcode"):
                triples.append((a.get("sourcecode", "").strip('"'), a.get("targetcode", "").strip('"'),
                                a["eventcode"]))
        d = head.get("date", "")
        try:
            published = date(int(d[:4]), int(d[4:6]), int(d[6:8])) if len(d) >= 8 else None
        except ValueError:
            published = None
        out.append(PetrarchRecord(head.get("id", ""), head.get("category", ""), " ".join(t.group(1).split()),
                                  published, tuple(triples), noevents, error))
    if not out:
        raise EvaluationError("no <Sentence> records with <Text> found", path=str(p), code="E521")
    return out


@dataclass
class PetrarchReport:
    figures: dict[str, Any]
    per_category: dict[str, dict[str, float]] = field(default_factory=dict)

    def to_text(self) -> str:
        f = self.figures
        lines = [
            (f"PETRARCH-2 unit tests: {f['n_records']} records ({f['n_skipped']} error/discard records skipped), "
            f"{f['n_gold']} gold triples, {f['n_system']} system triples"),
            f"  {'level':6} {'prec':>6} {'rec':>6} {'F1':>6}",
            f"  {'full':6} {f['full_precision']:6.3f} {f['full_recall']:6.3f} {f['full_f1']:6.3f}",
            f"  {'root':6} {f['root_precision']:6.3f} {f['root_recall']:6.3f} {f['root_f1']:6.3f}",
            f"  no-event records coded as none: {f['noevent_accuracy']:.3f} (n={f['n_noevent']})",
            "",
            f"  {'category':10} {'gold':>5} {'root F1':>8}",
        ]
        for cat, s in sorted(self.per_category.items()):
            lines.append(f"  {cat:10} {int(s['gold']):5d} {s['root_f1']:8.3f}")
        return "\n".join(lines)


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _root(t: Triple) -> Triple:
    return (t[0][:3], t[1][:3], t[2][:2])


def evaluate_petrarch(path: str | Path, settings: Settings, *, actors: Sequence[str], agents: Sequence[str],
                      verbs: Sequence[str] = (), replace: bool = True) -> PetrarchReport:
    """Score CAMEO triples against PETRARCH-2's unit-test records. See the module docstring."""
    from .plover import SentenceChain

    records = read_records(path)
    run_settings = settings.model_copy(update={"actors": tuple(str(a) for a in actors),
                                               "agents": tuple(str(a) for a in agents),
                                               "verbs": tuple(str(v) for v in verbs),
                                               "replace_dictionaries": replace})
    chain = SentenceChain(run_settings)
    tp_full = tp_root = n_sys = n_gold = skipped = noevent_ok = noevent_n = 0
    cats: dict[str, list[int]] = {}
    for rec in records:
        if rec.error:
            skipped += 1
            continue
        analysed = chain.prepare(rec.text, rec.published)
        codings = chain.events.code_doc(analysed.docs[0], analysed.mentions, typed_only=False)
        system: set[Triple] = set()
        for c in codings:
            # PETRARCH codes complete dyads only: a coding with an unknown side is not a triple
            if c.source is None or c.target is None or not c.source.code or not c.target.code:
                continue
            s, t = c.source.code, c.target.code
            system.add((s, t, c.cameo))
            if c.reverse_cameo:
                system.add((t, s, c.reverse_cameo))
            elif c.reciprocal:
                system.add((t, s, c.cameo))
        gold = set(rec.triples)
        if rec.noevents:
            noevent_n += 1
            noevent_ok += not system
        n_sys += len(system)
        n_gold += len(gold)
        tp_full += len(system & gold)
        sys_root, gold_root = {_root(x) for x in system}, {_root(x) for x in gold}
        tp = len(sys_root & gold_root)
        tp_root += tp
        tally = cats.setdefault(rec.category or "?", [0, 0, 0])
        tally[0] += tp
        tally[1] += len(sys_root)
        tally[2] += len(gold_root)
    fp, fr, ff = _prf(tp_full, n_sys, n_gold)
    rp, rr, rf = _prf(tp_root, n_sys, n_gold)
    figures: dict[str, Any] = {
        "n_records": len(records) - skipped, "n_skipped": skipped, "n_gold": n_gold, "n_system": n_sys,
        "full_precision": fp, "full_recall": fr, "full_f1": ff,
        "root_precision": rp, "root_recall": rr, "root_f1": rf,
        "noevent_accuracy": round(noevent_ok / noevent_n, 4) if noevent_n else 0.0, "n_noevent": noevent_n,
    }
    per_category = {k: {"gold": v[2], "root_f1": _prf(v[0], v[1], v[2])[2]} for k, v in cats.items()}
    return PetrarchReport(figures, per_category)
