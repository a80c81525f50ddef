"""Argument selection against the ConfliBERT CAMEO NER spans (who is the source, who the target).

Reads ``eval/conflibert-cameo-train/cameo_ner_train.txt`` (CoNLL ``token TAG``; ``B/I-S`` source,
``B/I-T`` target, ``B/I-R`` a reciprocal party) from the shared folder, runs each sentence through the
evaluation chain (:class:`eventwire.evaluation.plover.SentenceChain`) and scores only what argument
selection decides:

* a gold span counts only if the actor stage recognised it (a mention overlapping it names a country),
  so that a miss is a choice between mentions, not an actor the dictionaries lack;
* per sentence the system event that matches the gold best (source match + target match) is scored;
* ``source_accuracy`` / ``target_accuracy``: the event's actor on that side is a mention overlapping a
  gold span of that side (an ``R`` span counts on either side; a reciprocal event may match either way);
* failure kinds per side: ``no_event``, ``side_empty``, ``swapped`` (the actor is the other side's gold),
  ``wrong_mention``.

Sentences are split into ``tune`` / ``frozen`` halves by a hash of their text (read the tune half's misses
only). Usage::

    python benchmarks/conflibert_arguments.py [--errors] [--limit N] [--data PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.evaluation.conflibert import GoldSentence, read_conll

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/eval/conflibert-cameo-train/cameo_ner_train.txt"

def _has_country(actor: Any) -> bool:
    return bool(actor.country or any(m.country for m in actor.members))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _actor_spans(actor: Any, mentions: Any) -> list[tuple[int, int]]:
    """Where an event's actor was mentioned: the mention it came from (or whose group it belongs to, or
    whose sector-only head gave it its text)."""
    if actor is None:
        return []
    return [(m.start, m.end) for m in mentions
            if m.actor == actor or actor in m.actor.members or m.text == actor.text]


def _hits(spans: list[tuple[int, int]], gold: list[tuple[int, int]]) -> bool:
    return any(_overlaps(s, g) for s in spans for g in gold)


def _score_event(ev: Any, mentions: Any, gold_src: list[tuple[int, int]],
                 gold_tgt: list[tuple[int, int]]) -> tuple[bool, bool]:
    src = _actor_spans(ev.source, mentions)
    tgt = _actor_spans(ev.target, mentions)
    s_ok = _hits(src, gold_src) or (ev.reciprocal and _hits(tgt, gold_src))
    t_ok = _hits(tgt, gold_tgt) or (ev.reciprocal and _hits(src, gold_tgt))
    return s_ok, t_ok


def _failure(ev: Any, side: str, mentions: Any, other_gold: list[tuple[int, int]]) -> str:
    if ev is None:
        return "no_event"
    actor = ev.source if side == "source" else ev.target
    if actor is None:
        return "side_empty"
    return "swapped" if _hits(_actor_spans(actor, mentions), other_gold) else "wrong_mention"


def _describe(actor: Any) -> str:
    if actor is None:
        return "-"
    return f"{actor.text}[{actor.code or actor.country or '?'}]"


def half_of(text: str) -> str:
    from eventwire.evaluation.plover import record_half

    return record_half(text)


def evaluate(sentences: list[GoldSentence], errors: bool) -> tuple[dict[str, Any], list[str]]:
    from eventwire.config import Settings
    from eventwire.evaluation.plover import SentenceChain

    chain = SentenceChain(Settings())
    tallies: dict[str, Counter[str]] = {h: Counter() for h in ("all", "tune", "frozen")}
    lines: list[str] = []
    for sent in sentences:
        half = half_of(sent.text)
        analysed = chain.run(sent.text)
        mentions = analysed.mentions
        known = [(label, (s, e)) for label, s, e in sent.spans
                 if any(_overlaps((m.start, m.end), (s, e)) and _has_country(m.actor) for m in mentions)]
        gold_src = [sp for label, sp in known if label in ("S", "R")]
        gold_tgt = [sp for label, sp in known if label in ("T", "R")]
        only_src = [sp for label, sp in known if label == "S"]
        only_tgt = [sp for label, sp in known if label == "T"]
        best, best_score, s_ok, t_ok = None, -1, False, False
        for ev in analysed.events:
            s, t = _score_event(ev, mentions, gold_src, gold_tgt)
            if s + t > best_score:
                best, best_score, s_ok, t_ok = ev, s + t, s, t
        for h in ("all", half):
            c = tallies[h]
            c["n"] += 1
            c["covered"] += bool(analysed.events)
            if gold_src:
                c["n_source"] += 1
                c["source_ok"] += s_ok
                if not s_ok:
                    c["source_" + _failure(best, "source", mentions, only_tgt)] += 1
            if gold_tgt:
                c["n_target"] += 1
                c["target_ok"] += t_ok
                if not t_ok:
                    c["target_" + _failure(best, "target", mentions, only_src)] += 1
        if errors and half == "tune" and ((gold_src and not s_ok) or (gold_tgt and not t_ok)):
            lines.append(_error_lines(sent, known, analysed.events, best))
    return {h: _figures(c) for h, c in tallies.items()}, lines


def _error_lines(sent: GoldSentence, known: list[tuple[str, tuple[int, int]]], events: Any, best: Any) -> str:
    gold = "  ".join(f"{label}:{sent.text[s:e]!r}" for label, (s, e) in known)
    out = [f"- {sent.text}", f"    gold {gold}"]
    for ev in events:
        mark = "*" if ev is best else " "
        out.append(f"   {mark}{ev.type.value} '{ev.trigger}' {_describe(ev.source)} > {_describe(ev.target)}"
                   f"{' (mutual)' if ev.reciprocal else ''}")
        out.append(f"       {ev.evidence}")
    if not events:
        out.append("    (no event)")
    return "\n".join(out)


def _figures(c: Counter[str]) -> dict[str, Any]:
    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    fig: dict[str, Any] = {
        "n": c["n"],
        "coverage": ratio(c["covered"], c["n"]),
        "n_source": c["n_source"],
        "source_accuracy": ratio(c["source_ok"], c["n_source"]),
        "n_target": c["n_target"],
        "target_accuracy": ratio(c["target_ok"], c["n_target"]),
    }
    fig["failures"] = {k: v for k, v in sorted(c.items()) if k.startswith(("source_", "target_"))
                       and not k.endswith("_ok")}
    return fig


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the CoNLL file (cameo_ner_train.txt)")
    ap.add_argument("--errors", action="store_true", help="list the tune half's misses before the figures")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences")
    args = ap.parse_args(argv)
    sentences = read_conll(args.data)
    if args.limit:
        sentences = sentences[: args.limit]
    figures, lines = evaluate(sentences, args.errors)
    if lines:
        print("\n".join(lines))
        print()
    json.dump(figures, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
